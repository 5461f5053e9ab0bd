"""A real failure told by the tray: a loopback SMTP server refuses the login (535), the real
engine pauses e-mail, and the tray turns red and tells it once, pointing at Settings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from desktop.delivery.recording import RecordingChannel
from desktop.delivery.smtp import SmtpChannel
from desktop.service.engine import Engine
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from tests.helpers.smtp_server import SmtpServer, tls_contexts
from ui.main_window import MainWindow
from ui.tray.controller import Tray


class CountingTray(Tray):
    """The real tray, counting what it tells from its very first look."""

    def __init__(self, window, engine, told: list[str], **kw) -> None:
        self.told = told
        super().__init__(window, engine, **kw)

    def notify(self, notice) -> None:
        self.told.append(notice.section)
        super().notify(notice)


def test_smtp_login_refused_is_told_once_with_the_page_that_fixes_it(qtbot, runner, workspace,
                                                                     tmp_path: Path) -> None:
    now = datetime.now(timezone.utc) - timedelta(minutes=1)
    workspace.settings.set("ui.language", "en", now)
    add_template(workspace, now, "Cart")
    rule = add_rule(workspace, now, "Cart")
    stored = workspace.rules.get(rule)
    workspace.rules.save({**stored.to_dict(), "schedule": {"quiet_hours": {"bands": [], "business_default": False}}},
                         now, rule)
    add_rows(workspace, rule, add_contacts(workspace, now, 3), now)
    server_ctx, client_ctx = tls_contexts(tmp_path)
    with SmtpServer(tls_context=server_ctx, users={"shop": "right"}) as server:
        def channels(_ws):
            return {"email": SmtpChannel("127.0.0.1", server.port, "starttls", "shop", "wrong-Secret-42",
                                         "shop@example.com", ssl_context=client_ctx),
                    "sms": RecordingChannel("sms")}
        engine = Engine(workspace.data_dir, channels_factory=channels, dispatch_every=timedelta(seconds=0.2))
        engine.start()
        try:
            window = MainWindow(workspace, runner)
            qtbot.addWidget(window)
            told: list[str] = []
            tray = CountingTray(window, engine, told, available=lambda: True)
            # What the tray's 3-second timer does, until the engine has reported the refusal.
            qtbot.waitUntil(lambda: (tray.refresh_status(), told)[1] != [], timeout=15_000)
            assert told == ["settings"] and "535" in tray.last_notice.text
            assert "wrong-Secret-42" not in tray.last_notice.text
            assert tray.state == "attention" and "needs your attention" in tray.icon.toolTip()
            qtbot.wait(600)          # the engine tries again, and is refused again
            tray.refresh_status()
            assert told == ["settings"]  # told once
            tray.icon.messageClicked.emit()
            assert window.isVisible() and window.current_page() is window.page_by_key["settings"]
        finally:
            engine.stop()
    assert server.received == []
