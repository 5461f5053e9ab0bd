"""A big batch spreads over time at the provider's pace — into quiet hours if it is too big —
in the simulation exactly as the live dispatcher would send it."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

from tests.helpers.engine import words
from desktop.simulate import simulate
from desktop.templates import Templates

SETUP = datetime(2026, 1, 1, tzinfo=timezone.utc)
START = datetime(2026, 3, 10, 19, 0, tzinfo=timezone.utc)  # 20:00 in Rome


def test_paced_batch_runs_into_quiet_hours_and_waits_for_morning(workspace) -> None:
    ws = workspace
    ws.settings.set("smtp.per_minute", "2", SETUP)           # at most 2 e-mails in any 60 seconds
    for i in range(80):
        ws.contacts.create({"email": f"c{i}@ex.it", "first_name": f"C{i}"}, SETUP)
    Templates(ws.db).create("Hi", "email", subject="Ciao {{ first_name }}", html="<p>Ciao</p>", now=SETUP)
    ws.rules.save({"name": "Batch", "enabled": True, "marketing": False,
                   "action": {"type": "send_email", "template": "Hi"},
                   "schedule": {"check": {"times": ["20:30"]},
                                "quiet_hours": {"bands": ["21:00-09:00"], "business_default": False}}}, SETUP)
    result = simulate(ws, start=START, horizon=timedelta(days=1))
    times = [s.at for s in result.sends]
    assert len(times) == 80
    evening = [t for t in times if t < datetime(2026, 3, 10, 20, 0, tzinfo=timezone.utc)]
    # 20:30 to 21:00 Rome, two a minute: 60 go out, the first at 20:30:00, the last at 20:59:00.
    assert len(evening) == 60
    assert evening[0] == datetime(2026, 3, 10, 19, 30, tzinfo=timezone.utc)
    assert evening[-1] == datetime(2026, 3, 10, 19, 59, tzinfo=timezone.utc)
    assert all(c - a >= timedelta(seconds=60) for a, c in zip(evening, evening[2:]))
    # The other 20 were re-checked at 21:00 and wait for 09:00 (08:00 UTC), then go at the pace.
    morning = times[60:]
    assert morning[0] == datetime(2026, 3, 11, 8, 0, tzinfo=timezone.utc)
    assert Counter(words(s.reason).split(" in ")[0] for s in result.sends[60:]) == {"quiet hours 21:00–09:00": 20}


def test_cancel_stops_inside_a_big_batch(workspace) -> None:
    """Cancel is heard between two messages of a batch, not only between batches."""
    ws = workspace
    for i in range(50):
        ws.contacts.create({"email": f"c{i}@ex.it", "first_name": f"C{i}"}, SETUP)
    Templates(ws.db).create("Hi", "email", subject="Ciao {{ first_name }}", html="<p>Ciao</p>", now=SETUP)
    ws.rules.save({"name": "Batch", "enabled": True, "marketing": False,
                   "action": {"type": "send_email", "template": "Hi"},
                   "schedule": {"check": {"times": ["10:00"]}}}, SETUP)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 20  # the run has started sending by then

    result = simulate(ws, start=datetime(2026, 3, 10, 8, 0, tzinfo=timezone.utc), horizon=timedelta(days=1),
                      cancel=cancel)
    assert result.cancelled and 0 < len(result.sends) < 50
