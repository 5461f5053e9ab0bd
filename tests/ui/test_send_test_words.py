""""Send test" tries the values on the screen, saved or not, and says in plain words what
went wrong and what to check: a refused login, a port that refuses connections, a server
that accepts the connection but never answers (a timeout). Real loopback servers: aiosmtpd
(``tests/helpers/smtp_server.py``) and a bare TCP listener that never writes a byte."""

from __future__ import annotations

import socket
import threading

import pytest
from PySide6.QtCore import Qt

from desktop.delivery.testsend import send_test
from desktop.messages import text
from tests.helpers.smtp_server import SmtpServer, free_port, tls_contexts
from ui.resources import LANGUAGE
from ui.settings.view import SettingsView


class SilentServer:
    """Accepts TCP connections on loopback and never answers (a firewall that swallows SMTP,
    or the wrong service on the port): the client's greeting wait times out."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def __enter__(self) -> "SilentServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


def _page(qtbot, runner, **options):
    view = SettingsView(runner)
    view.test_options = options
    qtbot.addWidget(view)
    return view, view.page("smtp")


def _type(page, **values) -> None:
    for key, value in values.items():
        widget = page.widgets[key]
        if hasattr(widget, "setValue"):
            widget.setValue(int(value))
        elif hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(str(value))


def _click_and_wait(qtbot, page) -> str:
    page.test_to.setText("owner@example.it")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_button.isEnabled() and page.test_result.text() not in ("", "Sending…",
                                                                                            "Invio…"),
                    timeout=20000)
    return page.test_result.text()


def test_unsaved_values_and_a_typed_password_are_what_is_tested(qtbot, runner, workspace, tmp_path,
                                                                memory_keyring) -> None:
    server_ctx, client_ctx = tls_contexts(tmp_path)
    with SmtpServer(tls_context=server_ctx, users={"shop": "right"}) as server:
        view, page = _page(qtbot, runner, ssl_context=client_ctx)
        _type(page, **{"smtp.host": "127.0.0.1", "smtp.port": server.port, "smtp.security": "starttls",
                       "smtp.username": "shop", "smtp.sender_email": "shop@example.it"})
        page.secret.setText("right")
        answer = _click_and_wait(qtbot, page)
        assert answer.startswith("Sent."), answer
        assert server.handler.logins == ["shop"] and len(server.received) == 1
    # Nothing was saved by the test: not the settings, not the secret.
    assert workspace.settings.get("smtp.host") == "" and memory_keyring.store == {}


def test_a_refused_login_says_what_to_check_in_italian(qtbot, runner, workspace, tmp_path, memory_keyring) -> None:
    LANGUAGE.switch("it")
    server_ctx, client_ctx = tls_contexts(tmp_path)
    with SmtpServer(tls_context=server_ctx, users={"shop": "right"}) as server:
        view, page = _page(qtbot, runner, ssl_context=client_ctx)
        _type(page, **{"smtp.host": "127.0.0.1", "smtp.port": server.port, "smtp.security": "starttls",
                       "smtp.username": "shop", "smtp.sender_email": "shop@example.it"})
        page.secret.setText("wrong")
        answer = _click_and_wait(qtbot, page)
    assert answer.startswith("Non inviato:"), answer
    assert "ha rifiutato l'accesso di 'shop'" in answer and "535" in answer
    assert "controlla nome utente e password" in answer and "password per le app" in answer
    assert "wrong" not in answer.replace("'shop'", "")


def test_a_port_that_refuses_connections_says_so(qtbot, runner, workspace) -> None:
    port = free_port()  # nobody listens there
    view, page = _page(qtbot, runner)
    _type(page, **{"smtp.host": "127.0.0.1", "smtp.port": port, "smtp.security": "plain",
                   "smtp.sender_email": "shop@example.it"})
    answer = _click_and_wait(qtbot, page)
    assert f"refuses connections on port {port}" in answer and "check the server name and the port" in answer
    assert "ConnectionRefusedError" not in answer


def test_a_server_that_never_answers_is_a_timeout_in_plain_words(workspace, now) -> None:
    with SilentServer() as server:
        values = {"smtp.host": "127.0.0.1", "smtp.port": server.port, "smtp.security": "starttls",
                  "smtp.sender_email": "shop@example.it"}
        result = send_test(workspace, "smtp", "owner@example.it", now, values=values, timeout=1.0)
    assert not result.ok and result.msg is not None and result.msg.code == "smtp.timeout_one"
    italian = text(result.msg, "it")
    assert "non ha risposto entro 1 secondo —" in italian and "firewall" in italian
    assert "did not answer within 1 second —" in text(result.msg, "en")


def test_the_timeout_reaches_the_page(qtbot, runner, workspace) -> None:
    with SilentServer() as server:
        view, page = _page(qtbot, runner, timeout=1.0)
        _type(page, **{"smtp.host": "127.0.0.1", "smtp.port": server.port, "smtp.security": "plain",
                       "smtp.sender_email": "shop@example.it"})
        answer = _click_and_wait(qtbot, page)
    assert "did not answer within 1 second —" in answer and "TimeoutError" not in answer


def test_wrong_values_on_screen_are_shown_before_anything_is_tried(qtbot, runner, workspace) -> None:
    view, page = _page(qtbot, runner)
    _type(page, **{"smtp.host": "127.0.0.1", "smtp.sender_email": "not an address"})
    page.test_to.setText("owner@example.it")
    page.test_button.click()
    assert "correct the fields marked in red" in page.test_result.text()
    assert not page.errors["smtp.sender_email"].isHidden()


@pytest.fixture
def memory_keyring():
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_a_refused_twilio_token_says_what_to_check(workspace, now) -> None:
    """The real ``twilio`` client against the loopback Twilio API (``tests/helpers/twilio_server.py``)."""
    from tests.helpers.twilio_server import TwilioServer

    sid = "AC" + "0" * 32
    with TwilioServer(sid, "the-right-token") as api:
        values = {"twilio.account_sid": sid, "twilio.sender": "+15005550006"}
        result = send_test(workspace, "twilio", "+393331234567", now, values=values, secret="a-wrong-token",
                           twilio_base_url=api.url)
    assert not result.ok and result.msg is not None and result.msg.code == "twilio.credentials_refused"
    italian = text(result.msg, "it")
    assert "Twilio ha rifiutato le credenziali" in italian and "controlla il SID dell'account e il token" in italian
    assert "20003" in italian and "a-wrong-token" not in italian
