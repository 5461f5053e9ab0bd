"""The status line: sandbox and why, the last rule check, recent check errors, uncertain sends."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.templates import Templates
from desktop.timeutil import to_db
from ui.main_window import MainWindow
from ui.ops import OpRunner, QueryOp
from ui.status_line import StatusLine, engine_state


def _rule_with_history(ws, now: datetime, uncertain: int) -> int:
    Templates(ws.db).create("T", "email", subject="s", html="<p>x</p>", now=now)
    ws.rules.save({"name": "Promo", "action": {"type": "send_email", "template": "T"},
                   "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    rule_id = ws.rules.find("Promo").id
    for i in range(uncertain):
        contact = ws.contacts.create({"email": f"u{i}@example.it"}, now)
        ws.db.execute("INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
                      "updated_at) VALUES (?, ?, 'once', 'email', 'uncertain', ?, ?, ?)",
                      [rule_id, contact, to_db(now), to_db(now), to_db(now)])
    checks = [(now - timedelta(hours=30), "old failure"), (now - timedelta(hours=3), "template missing"),
              (now - timedelta(hours=2), "template missing"), (now - timedelta(minutes=10), None)]
    for at, error in checks:
        ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, error) VALUES (?, ?, ?)",
                      [rule_id, to_db(at), error])
    return rule_id


def _state(ws, now: datetime) -> dict:
    result: dict = {}
    QueryOp(OpRunner.synchronous(ws), lambda c: engine_state(c, now)).success(result.update).run_in_background()
    return result


def test_engine_state_counts_recent_errors_and_uncertain_sends(workspace, now, qtbot) -> None:
    _rule_with_history(workspace, now, uncertain=3)
    workspace.settings.set("sandbox", False, now)
    state = _state(workspace, now)
    assert state["errors_24h"] == 2 and state["uncertain"] == 3
    assert state["last_check"] == to_db(now - timedelta(minutes=10))
    # A fresh workspace has no SMTP or Twilio account: both channels would write to outbox/.
    assert {name: why for name, (why, _note) in state["sandboxed"].items()} == \
        {"email": "not_configured", "sms": "not_configured"}
    line = StatusLine(workspace.data_dir, OpRunner.synchronous(workspace))
    qtbot.addWidget(line)
    line.show_state(state)
    text = line.text()
    assert "e-mail and SMS not configured yet — messages are kept in the outbox folder" in text
    assert "sandbox" not in text
    assert "last check 2026-03-02 10:20" in text  # Rome time
    assert "2 check errors in 24 h" in text and "3 uncertain sends — see Activity" in text
    assert "SMTP is not configured" in line.toolTip()

    # The periodic refresh re-reads the counts but not the channels (no keyring prompt each minute).
    workspace.db.execute("UPDATE ledger SET state = 'failed' WHERE id = (SELECT min(id) FROM ledger)")
    line.refresh_counts()
    assert "2 uncertain sends — see Activity" in line.text()
    assert "e-mail and SMS not configured yet" in line.text() and "SMTP is not configured" in line.toolTip()


def test_main_window_status_line_shows_sandbox_and_uncertain(qtbot, runner, workspace, now) -> None:
    _rule_with_history(workspace, now, uncertain=1)
    workspace.settings.set("sandbox", True, now)
    workspace.settings.set("ui.language", "en", now)
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    text = window.status_label.text()
    assert "sandbox on (messages go to the outbox folder)" in text
    assert "1 uncertain send — see Activity" in text and "last check" in text
    assert window.page_by_key["statistics"].objectName() == "page_statistics"


def test_status_line_shows_the_engine_started_by_the_app(qtbot, runner, workspace) -> None:
    from ui.app import start_engine
    from ui.main_window import MainWindow

    first = MainWindow(workspace, runner)
    qtbot.addWidget(first)
    engine = start_engine(workspace.data_dir, first)
    try:
        assert engine is not None and engine.status.running
        first.status_label.show_state({"sandbox": True, "contacts": 0, "last_check": None,
                                       "errors_24h": 0, "uncertain": 0, "zone": "Europe/Rome"})
        assert first.status_label.engine == "running"
        assert first.status_label._engine_text() in first.status_label.text()
        second = MainWindow(workspace, runner)
        qtbot.addWidget(second)
        assert start_engine(workspace.data_dir, second) is None  # one engine per workspace
        second.status_label.show_state({"sandbox": True, "contacts": 0, "last_check": None,
                                        "errors_24h": 0, "uncertain": 0, "zone": "Europe/Rome"})
        assert second.status_label.engine == "elsewhere"
        assert second.status_label._engine_text() in second.status_label.text()
    finally:
        engine.stop()


def test_pause_button_pauses_and_resumes_the_engine(qtbot, runner, workspace) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    assert not window.pause_button.isChecked()
    window.pause_button.click()
    assert workspace.settings.get("engine.paused") is True
    assert window.pause_button.isChecked() and window.pause_button.text() in ("Resume sending", "Riprendi gli invii")
    assert window.status_label.tr("PAUSED: nothing is checked or sent") in window.status_label.text()
    window.pause_button.click()
    assert workspace.settings.get("engine.paused") is False and not window.pause_button.isChecked()
