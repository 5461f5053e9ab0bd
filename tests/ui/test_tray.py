"""The tray in this process, offscreen: closing the window keeps the real engine sending, the
menu pauses, resumes and checks through it, the no-tray path minimises, Quit asks when sends
are due, notices are told once, a wake from sleep sweeps, SIGTERM quits, start at login
follows the setting. (The same with a real tray under Xvfb: test_tray_xvfb.py.)"""

from __future__ import annotations

import os
import signal
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.delivery.recording import RecordingChannel
from desktop.messages import Msg
from desktop.service.autostart import XdgAutostart
from desktop.service.engine import Engine, EngineStatus
from desktop.service.requests import answer_of
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from ui.main_window import MainWindow
from ui.tray.controller import Tray
from ui.tray.notices import Notices, WakeWatch
from ui.tray.signals import QuitOnSignal


def _engine(workspace, dispatch_every: float) -> Engine:
    now = datetime.now(timezone.utc) - timedelta(minutes=1)
    workspace.settings.set("ui.language", "en", now)
    add_template(workspace, now, "Cart")
    rule = add_rule(workspace, now, "Cart")
    stored = workspace.rules.get(rule)
    workspace.rules.save({**stored.to_dict(), "schedule": {"quiet_hours": {"bands": [], "business_default": False}}},
                         now, rule)
    workspace.rules.set_enabled(rule, True, now)
    recorded = RecordingChannel("email", mime=False)
    engine = Engine(workspace.data_dir, channels_factory=lambda ws: {"email": recorded, "sms": RecordingChannel("sms")},
                    dispatch_every=timedelta(seconds=dispatch_every), watch_every=timedelta(seconds=0.1))
    engine.recorded = recorded
    engine.rule_id = rule
    engine.start()
    return engine


@pytest.fixture
def engine(workspace):
    engine = _engine(workspace, 0.1)
    yield engine
    engine.stop()


@pytest.fixture
def slow_engine(workspace):
    """Dispatches only every minute unless woken: shows who wakes it."""
    engine = _engine(workspace, 60)
    yield engine
    engine.stop()


def _rows(workspace, engine, count: int, start: int = 0) -> None:
    now = datetime.now(timezone.utc) - timedelta(seconds=30)
    add_rows(workspace, engine.rule_id, add_contacts(workspace, now, count, start=start), now)


def _tray(qtbot, runner, workspace, engine, **kw) -> tuple[MainWindow, Tray]:
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.wake_engine = engine.wake
    tray = Tray(window, engine, **{"available": lambda: True, **kw})
    window.show()
    return window, tray


def test_closing_the_window_keeps_the_engine_sending_and_says_so_once(qtbot, runner, workspace, engine) -> None:
    window, tray = _tray(qtbot, runner, workspace, engine)
    assert tray.icon.isVisible() and tray.state in ("running", "sandbox")
    window.close()
    assert not window.isVisible() and engine.status.running
    qtbot.waitUntil(lambda: tray.notice_box is not None and tray.notice_box.isVisible())
    first = tray.notice_box
    assert first.objectName() == "tray_close_notice" and "Quit" in first.text()
    _rows(workspace, engine, 3)
    qtbot.waitUntil(lambda: len(engine.recorded.messages) == 3, timeout=10_000)
    first.close()
    tray.show_window()
    assert window.isVisible()
    window.close()
    qtbot.wait(50)
    assert tray.notice_box is first and not first.isVisible()  # once per workspace


def test_menu_pauses_resumes_and_checks_through_the_engine(qtbot, runner, workspace, engine) -> None:
    window, tray = _tray(qtbot, runner, workspace, engine)
    tray.menu.pause_action.trigger()
    assert workspace.settings.get("engine.paused") is True
    qtbot.waitUntil(lambda: engine.status.paused)
    tray.refresh_status()
    assert tray.state == "paused" and tray.menu.pause_action.text() == "Resume sends"
    _rows(workspace, engine, 2)
    qtbot.wait(400)
    assert engine.recorded.messages == []
    tray.menu.pause_action.trigger()
    assert workspace.settings.get("engine.paused") is False
    qtbot.waitUntil(lambda: len(engine.recorded.messages) == 2, timeout=10_000)
    tray.refresh_facts()
    rule_action = next(a for a in tray.menu.rules_menu.actions() if a.objectName() == f"tray_rule_{engine.rule_id}")
    rule_action.trigger()
    request = workspace.db.execute("SELECT max(id) FROM engine_requests").fetchone()[0]
    qtbot.waitUntil(lambda: answer_of(workspace, request).done, timeout=10_000)


def test_check_now_and_a_wake_from_sleep_run_the_engines_sweep(qtbot, runner, workspace, engine) -> None:
    wall, mono = [1_000_000.0], [10.0]
    window, tray = _tray(qtbot, runner, workspace, engine, clocks=(lambda: wall[0], lambda: mono[0]))
    swept: list[int] = []
    real = engine.sweep

    def counting() -> None:
        swept.append(1)
        real()
    engine.sweep = counting
    tray.menu.check_action.trigger()
    qtbot.waitUntil(lambda: swept == [1])
    wall[0] += 30
    mono[0] += 30
    tray.wake_watch.poll()         # what the 30-second timer calls: no sleep, no sweep
    wall[0] += 8 * 3600            # the night asleep: the monotonic clock stood still
    mono[0] += 30
    tray.wake_watch.poll()
    qtbot.waitUntil(lambda: swept == [1, 1])


def test_next_send_and_quit_asks_when_sends_are_due(qtbot, runner, workspace, engine) -> None:
    workspace.settings.set("engine.paused", True, datetime.now(timezone.utc))
    qtbot.waitUntil(lambda: engine._paused())
    asked: list[int] = []
    window, tray = _tray(qtbot, runner, workspace, engine, confirm_quit=lambda n: asked.append(n) or False)
    quits: list[int] = []
    tray.quit_now = lambda: quits.append(1)
    tray.menu.quit_action.trigger()
    assert quits == [1] and asked == []   # nothing due: no question
    _rows(workspace, engine, 4)
    tray.refresh_facts()
    assert tray.menu.next_action.text().startswith("Next send: ") and not tray.menu.next_action.isEnabled()
    tray.menu.quit_action.trigger()
    assert asked == [4] and quits == [1]  # the user said no: still running
    tray.confirm_quit = lambda n: True
    tray.menu.quit_action.trigger()
    assert quits == [1, 1]


def test_without_a_tray_closing_minimises_and_says_why_once(qtbot, runner, workspace, engine) -> None:
    window, tray = _tray(qtbot, runner, workspace, engine, available=lambda: False)
    assert not tray.icon.isVisible()
    window.close()
    assert window.isVisible() and window.isMinimized() and engine.status.running
    assert tray.notice_box is not None and tray.notice_box.objectName() == "tray_no_tray_notice"
    first = tray.notice_box
    window.showNormal()
    window.close()
    assert tray.notice_box is first and window.isMinimized()


def test_a_tray_that_appears_later_is_picked_up(qtbot, runner, workspace, engine) -> None:
    there = [False]
    window, tray = _tray(qtbot, runner, workspace, engine, available=lambda: there[0])
    assert not tray.icon.isVisible()
    there[0] = True
    tray._show()  # what the 5-second timer calls
    assert tray.icon.isVisible() and tray.tray_usable()


def test_notices_are_told_once_each_with_the_page_that_fixes_them() -> None:
    status = EngineStatus(running=True)
    notices = Notices()
    assert notices.look(status, 0) == []
    status.paused_channels["email"] = Msg("smtp_auth", {"reply": "535"})
    status.errors.append(Msg("dispatch_failed"))
    told = notices.look(status, 2)
    assert [n.section for n in told] == ["activity", "settings", "activity"]
    assert "Click to open Settings" in told[1].text and "uncertain" in told[2].text
    assert notices.look(status, 2) == []                  # nothing new: nothing told
    status.errors.append(Msg("dispatch_failed"))
    assert notices.look(status, 2) == []                  # the same error again: told once
    status.paused_channels.clear()
    assert notices.look(status, 2) == []                  # a run with nothing due is no recovery
    status.paused_channels["email"] = Msg("smtp_auth", {"reply": "535"})
    assert notices.look(status, 2) == []
    status.paused_channels.clear()
    status.last_dispatch = {"sent": 3}
    assert notices.look(status, 2) == []                  # sent again: recovered
    status.paused_channels["email"] = Msg("smtp_auth", {"reply": "535"})
    assert len(notices.look(status, 2)) == 1              # failed again after recovering: told again
    assert notices.attention(status, 0)
    notices.seen()
    status.paused_channels.clear()
    assert not notices.attention(status, 0)


def test_a_locked_keyring_is_told_once_a_chosen_sandbox_never() -> None:
    status = EngineStatus(running=True)
    notices = Notices()
    status.sandbox_notes = [Msg("channel_note", {"channel": "email", "note": "SMTP is not configured: e-mails are "
                                                 "written to outbox/"})]
    assert notices.look(status, 0) == []
    status.sandbox_notes = [Msg("channel_note", {"channel": "email", "note": "the keyring is locked; e-mails are "
                                                 "written to outbox/"})]
    told = notices.look(status, 0)
    assert len(told) == 1 and told[0].section == "settings" and "keyring is locked" in told[0].text
    assert notices.look(status, 0) == []


def test_wake_watch_sees_a_wall_clock_jump_not_a_steady_clock() -> None:
    wall, mono, woke = [1000.0], [50.0], []
    watch = WakeWatch(lambda: woke.append(1), wall=lambda: wall[0], monotonic=lambda: mono[0])
    wall[0] += 30
    mono[0] += 30
    assert not watch.poll() and woke == []
    wall[0] += 3600 + 30   # an hour asleep: the monotonic clock stood still
    mono[0] += 30
    assert watch.poll() and woke == [1]
    wall[0] += 30
    mono[0] += 30
    assert not watch.poll() and woke == [1]


def test_sigterm_quits_through_the_event_loop(qtbot) -> None:
    quits: list[int] = []
    guard = QuitOnSignal(lambda: quits.append(1))
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: quits == [1])
    finally:
        guard.restore()
    assert signal.getsignal(signal.SIGTERM) is not guard._note


def test_start_at_login_follows_the_setting(qtbot, runner, workspace, engine, tmp_path: Path) -> None:
    writer = XdgAutostart(["postino", "--background"], config_home=tmp_path / "config")
    window, tray = _tray(qtbot, runner, workspace, engine, autostart=writer)
    assert not writer.enabled()
    page = window.page_by_key["settings"]
    from ui.ops import CollectionOp, OpChanges
    now = datetime.now(timezone.utc)
    CollectionOp(runner, lambda c: c.ws.settings.set("service.start_at_login", True, now),
                 OpChanges(settings=True)).run_in_background()
    assert writer.enabled() and "--background" in writer.path.read_text()
    CollectionOp(runner, lambda c: c.ws.settings.set("service.start_at_login", False, now),
                 OpChanges(settings=True)).run_in_background()
    assert not writer.enabled() and page is not None


def test_window_pause_button_wakes_the_engine_like_the_tray(qtbot, runner, workspace, slow_engine) -> None:
    engine = slow_engine
    window, tray = _tray(qtbot, runner, workspace, engine)
    qtbot.wait(1_000)  # the start-up sweep has looked at the pause switch by now
    window.pause_button.click()
    qtbot.waitUntil(lambda: engine.status.paused, timeout=5_000)  # woken: not after dispatch_every
    window.pause_button.click()
    assert workspace.settings.get("engine.paused") is False
    qtbot.waitUntil(lambda: not engine.status.paused, timeout=5_000)
    tray.refresh_facts()
    assert tray.menu.pause_action.text() == "Pause all sends"  # the same state in both views


def test_daily_summary_once_a_day_after_nine_with_yesterdays_sends(qtbot, runner, workspace, engine) -> None:
    from zoneinfo import ZoneInfo

    from desktop.timeutil import to_db

    rome = ZoneInfo("Europe/Rome")
    yesterday_noon = datetime(2026, 3, 1, 12, tzinfo=rome)
    _rows(workspace, engine, 2, start=500)
    workspace.db.execute("UPDATE ledger SET state = 'sent', sent_at = ? WHERE contact_id IN "
                         "(SELECT id FROM contacts WHERE email LIKE 'user50_@%')", [to_db(yesterday_noon)])
    workspace.settings.set("service.daily_summary", True, datetime.now(timezone.utc))
    window, tray = _tray(qtbot, runner, workspace, engine)
    told: list[str] = []
    tray.notify = lambda notice: told.append(notice.text)
    tray.maybe_summary(datetime(2026, 3, 2, 8, 30, tzinfo=rome))   # before 09:00: nothing yet
    assert told == []
    tray.maybe_summary(datetime(2026, 3, 2, 9, 5, tzinfo=rome))
    assert told == ["Yesterday (2026-03-01): 2 sent, 0 failed, 0 uncertain."]
    tray.maybe_summary(datetime(2026, 3, 2, 18, 0, tzinfo=rome))   # once a day
    assert len(told) == 1
    tray.maybe_summary(datetime(2026, 3, 3, 9, 30, tzinfo=rome))
    assert told[1] == "Yesterday (2026-03-02): 0 sent, 0 failed, 0 uncertain."
