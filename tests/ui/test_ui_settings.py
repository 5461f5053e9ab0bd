from __future__ import annotations

import keyring
import pytest

from tests.helpers.memory_keyring import MemoryKeyring
from ui.settings.view import SettingsView


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_load_save_round_trip_and_validation(qtbot, runner, workspace, memory_keyring) -> None:
    workspace.settings.set("smtp.port", 2525, __import__("datetime").datetime.now(__import__("datetime").timezone.utc))
    view = SettingsView(runner)
    qtbot.addWidget(view)
    general, limits, smtp = view.page("general"), view.page("limits"), view.page("smtp")
    assert smtp.widgets["smtp.port"].value() == 2525
    assert general.widgets["business.timezone"].currentText() == "Europe/Rome"
    assert general.widgets["ui.language"].currentData() == "it"
    assert smtp.secret_state.text().startswith("Not stored")

    general.widgets["business.timezone"].setCurrentText("Europe/Lonon")
    general.widgets["business.quiet_hours"].setText("22:00-08:00")
    limits.widgets["caps.email_per_week"].setValue(5)
    assert view.save() is False
    error = general.errors["business.timezone"]
    assert not error.isHidden() and "is not a time zone" in error.text()
    assert workspace.settings.get("caps.email_per_week") == 3  # nothing was written
    assert workspace.settings.get("business.quiet_hours") == "21:00-09:00"

    general.widgets["business.timezone"].setCurrentText("Europe/London")
    smtp.widgets["smtp.sender_email"].setText("not an address")
    assert view.save() is False
    assert view.page_list.currentRow() == 2 and "not a valid e-mail" in smtp.errors["smtp.sender_email"].text()
    assert general.errors["business.timezone"].isHidden()

    smtp.widgets["smtp.sender_email"].setText("Shop@Example.com")
    smtp.widgets["smtp.username"].setText("shop@example.com")
    smtp.secret.setText("s3cret-password")
    assert view.save() is True
    assert workspace.settings.get("business.timezone") == "Europe/London"
    assert workspace.settings.get("business.quiet_hours") == "22:00-08:00"
    assert workspace.settings.get("caps.email_per_week") == 5
    assert workspace.settings.get("smtp.sender_email") == "shop@example.com"
    assert memory_keyring.store == {("postino-smtp", "shop@example.com"): "s3cret-password"}
    assert smtp.secret.text() == "" and smtp.secret_state.text().startswith("Stored")
    dump = "\n".join(line for line in workspace.db.conn.iterdump())
    assert "s3cret-password" not in dump  # the secret never reaches SQLite
    assert view.status.text() == "Settings saved."

    reloaded = SettingsView(runner)
    qtbot.addWidget(reloaded)
    assert reloaded.page("limits").widgets["caps.email_per_week"].value() == 5
    assert reloaded.page("smtp").secret.text() == ""  # a stored secret is never shown back


def test_secret_without_user_name_is_refused_next_to_the_field(qtbot, runner, workspace, memory_keyring) -> None:
    view = SettingsView(runner)
    qtbot.addWidget(view)
    twilio = view.page("twilio")
    twilio.secret.setText("token")
    assert view.save() is True
    assert "twilio.account_sid" in twilio.secret_error.text()
    assert memory_keyring.store == {}
    assert twilio.secret.text() == "token"


def test_send_test_button_reports_the_servers_answer(qtbot, runner, workspace) -> None:
    from datetime import datetime, timezone

    from tests.helpers.smtp_server import Handler, SmtpServer

    now = datetime.now(timezone.utc)
    handler = Handler(answers={"nobody@ex.it": "550 5.1.1 <nobody@ex.it>: Recipient address rejected"})
    with SmtpServer(handler) as server:
        for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", server.port), ("smtp.security", "plain"),
                           ("smtp.sender_email", "shop@ex.it")):
            workspace.settings.set(key, value, now)
        view = SettingsView(runner)
        qtbot.addWidget(view)
        smtp = view.page("smtp")
        smtp.test_to.setText("owner@ex.it")
        qtbot.mouseClick(smtp.test_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: smtp.test_result.text().startswith(("Sent", "Not sent")), timeout=10000)
        assert smtp.test_result.text().startswith("Sent."), smtp.test_result.text()
        assert [r.rcpt_tos for r in server.received] == [["owner@ex.it"]]
        smtp.test_to.setText("nobody@ex.it")
        smtp.test_button.click()
        qtbot.waitUntil(lambda: "550" in smtp.test_result.text(), timeout=10000)
        assert "Recipient address rejected" in smtp.test_result.text()
        smtp.test_to.setText("")
        smtp.test_button.click()
        assert "Type where the test should go" in smtp.test_result.text()


def test_the_settings_pages_refuse_header_breaks_and_show_typed_markup_as_text(qtbot, runner, workspace,
                                                                               memory_keyring) -> None:
    from PySide6.QtCore import Qt

    view = SettingsView(runner)
    qtbot.addWidget(view)
    general, smtp = view.page("general"), view.page("smtp")
    smtp.widgets["smtp.sender_name"].setText("Shop\r\nBcc: all@example.com")
    general.widgets["endpoint.public_url"].setText('https://x.it/"><b>bold</b>')
    assert view.save() is False
    assert "line breaks" in smtp.errors["smtp.sender_name"].text()
    error = general.errors["endpoint.public_url"]
    assert "<b>bold</b>" in error.text() and error.textFormat() == Qt.TextFormat.PlainText
    assert workspace.settings.get("smtp.sender_name") == ""


def test_send_test_shows_the_setup_hint_in_the_users_language(qtbot, runner, workspace) -> None:
    """Implicit TLS against a server that greets in plain text (a 587-style port): the page
    says which setting to change, in Italian (the window's language)."""
    from datetime import datetime, timezone

    from ui.resources import LANGUAGE

    LANGUAGE.switch("it")

    from tests.helpers.smtp_server import SmtpServer

    now = datetime.now(timezone.utc)
    with SmtpServer() as server:
        for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", server.port), ("smtp.security", "ssl"),
                           ("smtp.sender_email", "shop@ex.it"), ("ui.language", "it")):
            workspace.settings.set(key, value, now)
        view = SettingsView(runner)
        qtbot.addWidget(view)
        smtp = view.page("smtp")
        smtp.test_to.setText("owner@ex.it")
        smtp.test_button.click()
        qtbot.waitUntil(lambda: "smtp.security" in smtp.test_result.text(), timeout=15000)
    assert "imposta smtp.security a starttls" in smtp.test_result.text()
    assert server.received == []
