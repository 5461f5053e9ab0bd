"""Pacing, quiet hours and rate limits through the engine's real assembly (``Tick.live``, as
``run-once`` and ``dispatch`` build it, and the ``Engine`` of the service), on a virtual
pacing clock. Before the one tick, ``run-once`` paced without the engine's clock (so the
re-check after each wait never happened: six e-mails started at 20:58 with two a minute all
went out, the last after 21:00), and the service built a new rate limiter for every batch
of 100 (250 sends at 60 a minute put 100 into one minute)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from desktop.delivery.recording import RecordingChannel
from desktop.service.engine import Engine
from desktop.service.tick import Tick
from desktop.workspace import Workspace
from tests.helpers.engine import words
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template

UTC = timezone.utc
EVENING = datetime(2026, 3, 10, 19, 58, tzinfo=UTC)       # 20:58 in Rome, two minutes before quiet hours
QUIET = {"quiet_hours": {"bands": ["21:00-09:00"], "business_default": False}}


def _rows(ws, count: int, due: datetime, per_minute: int) -> int:
    ws.settings.set("smtp.per_minute", str(per_minute), due)
    add_template(ws, due - timedelta(days=1), "T")
    rule_id = add_rule(ws, due - timedelta(days=1), "T")
    stored = ws.rules.get(rule_id)
    ws.rules.save({**stored.to_dict(), "enabled": True, "schedule": {"check": {"times": ["03:00"]}, **QUIET}},
                  due - timedelta(days=1), rule_id)
    add_rows(ws, rule_id, add_contacts(ws, due - timedelta(days=1), count), due)
    return rule_id


def _sent_times(ws) -> list[datetime]:
    return [datetime.fromisoformat(t).replace(tzinfo=UTC) for (t,) in ws.db.execute(
        "SELECT sent_at FROM ledger WHERE state = 'sent' ORDER BY sent_at")]


def test_a_paced_run_once_stops_at_the_start_of_quiet_hours(workspace, virtual) -> None:
    _rows(workspace, 6, EVENING, per_minute=2)
    clock = virtual(EVENING)
    channel = RecordingChannel("email", mime=False, paced=True)
    tick = Tick.live(workspace, clock=clock.now, channels=lambda _ws: {"email": channel},
                     sleep=clock.sleep, monotonic=clock.monotonic)
    report = tick.run(clock.now())
    sent = _sent_times(workspace)
    assert len(sent) == 4 and max(sent) < datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
    assert [m.now for m in channel.messages] == sent
    waiting = workspace.db.execute("SELECT state, due_at, reason FROM ledger WHERE state != 'sent'").fetchall()
    assert [(s, d) for s, d, _ in waiting] == [("deferred", "2026-03-11 08:00:00")] * 2
    assert all(words(r).startswith("quiet hours 21:00") for *_, r in waiting)
    assert report.dispatch.counts == {"sent": 4, "deferred": 2}


def test_the_service_stops_at_the_start_of_quiet_hours_too(tmp_path, virtual) -> None:
    # Ahead of the real clock: the engine's scheduler waits by real time, so its clock must
    # not run behind it. 20:58 in Rome, a month from now.
    day = (datetime.now(UTC) + timedelta(days=30)).date()
    rome = ZoneInfo("Europe/Rome")
    evening = datetime(day.year, day.month, day.day, 20, 58, tzinfo=rome).astimezone(UTC)
    quiet_start = evening + timedelta(minutes=2)
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        _rows(ws, 6, evening, per_minute=2)
    clock = virtual(evening)
    channel = RecordingChannel("email", mime=False, paced=True)
    engine = Engine(folder, clock=clock.now, channels_factory=lambda _ws: {"email": channel},
                    dispatch_every=timedelta(seconds=0.05), pacing=(clock.monotonic, clock.sleep))
    engine.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and engine.status.last_dispatch.get("deferred") != 2:
            time.sleep(0.05)
    finally:
        engine.stop()
    with Workspace.open(folder) as ws:
        sent = _sent_times(ws)
        states = dict(ws.db.execute("SELECT state, count(*) FROM ledger GROUP BY state").fetchall())
    assert states == {"sent": 4, "deferred": 2}
    assert max(sent) < quiet_start and len(channel.messages) == 4


def test_250_sends_at_60_a_minute_never_put_more_than_60_in_any_minute(workspace, virtual) -> None:
    noon = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)
    _rows(workspace, 250, noon, per_minute=60)
    clock = virtual(noon)
    channel = RecordingChannel("email", mime=False, paced=True)
    tick = Tick.live(workspace, clock=clock.now, channels=lambda _ws: {"email": channel},
                     sleep=clock.sleep, monotonic=clock.monotonic)
    for _ in range(3):  # three batches of at most 100, as a service with a batch size would run them
        tick.dispatch(clock.now(), max_messages=100)
    times = [m.now for m in channel.messages]
    assert len(times) == 250
    busiest = max(sum(1 for t in times if start <= t < start + timedelta(seconds=60)) for start in times)
    assert busiest == 60
    assert times[-1] - times[0] >= timedelta(minutes=4)
