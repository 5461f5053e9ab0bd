"""The status line in plain words: "sandbox" only when the sandbox setting is on (with a
tooltip that says what it is), "e-mail not configured yet" when no account exists, and the
engine's notes in the window's language."""

from __future__ import annotations

from desktop.secrets import set_secret
from ui.ops import OpRunner, QueryOp
from ui.resources import LANGUAGE
from ui.status_line import StatusLine, engine_state


def _line(qtbot, ws) -> StatusLine:
    state: dict = {}
    QueryOp(OpRunner.synchronous(ws), engine_state).success(state.update).run_in_background()
    line = StatusLine(ws.data_dir, OpRunner.synchronous(ws))
    qtbot.addWidget(line)
    line.show_state(state)
    return line


def test_no_email_account_says_so_without_the_word_sandbox(qtbot, workspace, now, encrypted) -> None:
    workspace.settings.set("twilio.account_sid", "AC" + "1" * 32, now)
    workspace.settings.set("twilio.sender", "+393331234567", now)
    set_secret(workspace, "twilio", "token-for-tests")
    line = _line(qtbot, workspace)
    assert "e-mail not configured yet — messages are kept in the outbox folder" in line.text()
    assert "sandbox" not in line.text().lower() and "SMS" not in line.text()
    LANGUAGE.switch("it")
    qtbot.waitUntil(lambda: "e-mail non ancora configurata — i messaggi restano nella cartella posta in uscita"
                    in line.text(), timeout=3000)  # LanguageChange is posted
    assert "SMTP non è configurato" in line.toolTip()  # the engine's note, in Italian


def test_every_account_ready_and_sandbox_off_says_nothing_about_it(qtbot, workspace, now, encrypted) -> None:
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.sender_email", "shop@example.com"),
                       ("twilio.account_sid", "AC" + "1" * 32), ("twilio.sender", "+393331234567")):
        workspace.settings.set(key, value, now)
    set_secret(workspace, "twilio", "token-for-tests")
    line = _line(qtbot, workspace)
    assert "sandbox" not in line.text().lower() and "configured" not in line.text()
    assert line.toolTip() == ""


def test_sandbox_on_is_named_and_explained(qtbot, workspace, now) -> None:
    workspace.settings.set("sandbox", True, now)
    line = _line(qtbot, workspace)
    assert "sandbox on" in line.text()
    assert "test mode" in line.toolTip() and "outbox" in line.toolTip()
    LANGUAGE.switch("it")
    qtbot.waitUntil(lambda: "modalità di prova" in line.toolTip(), timeout=3000)


def test_a_missing_password_pauses_email_in_words(qtbot, workspace, now, encrypted) -> None:
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.sender_email", "shop@example.com"),
                       ("smtp.username", "shop")):
        workspace.settings.set(key, value, now)
    line = _line(qtbot, workspace)
    assert "e-mail sends paused" in line.text() and "sandbox" not in line.text().lower()
    assert "no secret in the keyring for 'shop'" in line.toolTip()
