"""The main window's status line: what the engine would do right now, read on the worker.

The app does not run the engine yet (the tray/service does, later), so the line says what
matters without it: whether messages would go to the sandbox and why, when a rule was last
checked, how many checks failed in the last 24 hours, and how many sends a crash left
``uncertain`` — the number the user must look at.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.delivery.setup import channels_from_settings
from desktop.messages import Msg
from desktop.timeutil import from_db, to_db
from ui.dates import format_datetime
from ui.ops import OpContext, OpRunner, QueryOp
from ui.words import say

REFRESH_MS = 60_000  # the CLI or a service may check rules meanwhile


def _sandbox_reasons(ws: Any) -> dict[str, tuple[str, str]]:
    """Per channel that cannot send for real: (why, the engine's note as an encoded ``Msg``).
    Why is not_configured (no account yet: files in outbox/) or secret (an account that is
    paused: a missing password, a locked keyring, an incomplete account)."""
    if ws.settings.get("sandbox"):
        return {}
    try:
        channels = channels_from_settings(ws)
    except Exception as exc:  # noqa: BLE001 - a broken keyring must not break the status line
        note = getattr(exc, "msg", None)
        coded = note.encode() if isinstance(note, Msg) else Msg("legacy", {"text": str(exc)}).encode()
        return {"email": ("secret", coded), "sms": ("secret", coded)}
    out = {}
    for name, channel in channels.items():
        kind = getattr(channel, "kind", "")
        if kind not in ("sandbox", "paused"):
            continue
        msg = getattr(channel, "msg", None)
        if not isinstance(msg, Msg):
            msg = Msg("legacy", {"text": str(getattr(channel, "note", ""))})
        out[name] = ("not_configured" if msg.code == "channel.no_account" else "secret", msg.encode())
    return out


def engine_state(c: OpContext, now: datetime | None = None, *, channels: bool = True) -> dict[str, Any]:
    """Everything the status line shows, in one read (a count over a million rows takes a moment).

    ``channels=False`` skips asking the keyring (the periodic refresh: a locked keyring would
    prompt the user every minute); the channels are looked at again when settings change."""
    ws, now = c.ws, now or datetime.now(timezone.utc)
    db = ws.db
    last = db.execute("SELECT max(checked_at) FROM rule_checks WHERE missed_slot IS NULL").fetchone()[0]
    out = {
        "contacts": ws.contacts.count(),
        "sandbox": bool(ws.settings.get("sandbox")),
        "paused": bool(ws.settings.get("engine.paused")),
        "language": ws.settings.get("ui.language"),
        "zone": ws.settings.get("business.timezone"),
        "last_check": last,
        "errors_24h": db.execute("SELECT count(*) FROM rule_checks WHERE error IS NOT NULL AND checked_at >= ?",
                                 [to_db(now - timedelta(hours=24))]).fetchone()[0],
        "uncertain": db.execute("SELECT count(*) FROM ledger WHERE state = 'uncertain'").fetchone()[0],
    }
    if channels:
        out["sandboxed"] = _sandbox_reasons(ws)
    return out


class StatusLine(QLabel):
    """The window refreshes it fully on changes (``show_state``); its own timer re-reads the
    counts and the last check, which the CLI or a service may change meanwhile."""

    state_read = Signal(object)  # every fresh read of the engine's state, this timer's included
    endpoint_news = Signal(object)  # a Msg from the public endpoint's threads (queued to this one)

    def __init__(self, data_dir: Path, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("engine_status")
        self.data_dir = data_dir
        self.runner = runner
        self.state: dict[str, Any] = {}
        self.engine = ""  # "running" | "elsewhere" | "" (the app did not start one)
        self.endpoint: Msg | None = None
        self.endpoint_news.connect(self._endpoint_heard)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh_counts)
        self.timer.start()
        self.retranslate_ui()

    def listen_to_endpoint(self) -> Callable[[Msg], None]:
        """What the engine calls with the endpoint's news, from the server's own threads: a
        signal, never a call into this widget (nor a timer armed there, which never fires)."""
        def heard(msg: Msg) -> None:
            if shiboken6.isValid(self):
                self.endpoint_news.emit(msg)
        return heard

    def _endpoint_heard(self, msg: Msg) -> None:
        self.endpoint = None if msg.code == "endpoint.stopped" else msg
        self.retranslate_ui()

    def set_engine(self, state: str) -> None:
        self.engine = state
        self.retranslate_ui()

    def _engine_text(self) -> str | None:
        if self.engine == "running":
            return self.tr("engine running")
        if self.engine == "elsewhere":
            return self.tr("engine running in another Postino window or service")
        return None

    def show_state(self, state: dict[str, Any]) -> None:
        self.state = {"sandboxed": {}, **self.state, **state}
        self.retranslate_ui()
        self.state_read.emit(self.state)  # the pause button (and the tray) follow the same read

    def refresh_counts(self) -> None:
        if self.state and not self.runner.busy:  # never queue behind a long simulation
            (QueryOp(self.runner, lambda c: engine_state(c, channels=False), parent=self)
             .success(self.show_state).run_in_background())

    def _sandbox_text(self) -> str:
        """Where messages go, in plain words; "sandbox" only when the sandbox setting is on."""
        state = self.state
        if state["sandbox"]:
            return self.tr("sandbox on (messages go to the outbox folder)")
        sandboxed = state["sandboxed"]
        missing = [name for name, (why, _note) in sorted(sandboxed.items()) if why == "not_configured"]
        parts = []
        if missing == ["email", "sms"]:
            parts.append(self.tr("e-mail and SMS not configured yet — messages are kept in the outbox folder"))
        elif missing == ["email"]:
            parts.append(self.tr("e-mail not configured yet — messages are kept in the outbox folder"))
        elif missing == ["sms"]:
            parts.append(self.tr("SMS not configured yet — messages are kept in the outbox folder"))
        paused = {name for name, (why, _note) in sandboxed.items() if why == "secret"}
        if "email" in paused:
            parts.append(self.tr("e-mail sends paused (see the note)"))
        if "sms" in paused:
            parts.append(self.tr("SMS sends paused (see the note)"))
        return " · ".join(parts)

    def _tooltip(self) -> str:
        if self.state["sandbox"]:
            return self.tr("Sandbox: a test mode. Messages are written as files in the outbox folder of the "
                           "workspace instead of being sent; turn it off in Settings › General.")
        return "\n".join(say(note) for _why, note in self.state["sandboxed"].values())

    def retranslate_ui(self) -> None:
        state = self.state
        if not state:
            self.setText(self.tr("Workspace: %1 — reading…").replace("%1", str(self.data_dir)))
            self.setToolTip("")
            return
        parts = [self.tr("Workspace: %1").replace("%1", str(self.data_dir)), self._sandbox_text(),
                 self.tr("%n contact(s)", "", state["contacts"])]
        parts = [part for part in parts if part]
        engine = self._engine_text()
        if state.get("paused"):
            engine = self.tr("PAUSED: nothing is checked or sent")
        if engine:
            parts.insert(1, engine)
        if self.endpoint is not None:
            parts.append(say(self.endpoint))
        if state["last_check"]:
            when = from_db(state["last_check"]).astimezone(ZoneInfo(state["zone"]))
            parts.append(self.tr("last check %1").replace("%1", format_datetime(when)))
        else:
            parts.append(self.tr("no rule checked yet"))
        if state["errors_24h"]:
            parts.append(self.tr("%n check error(s) in 24 h", "", state["errors_24h"]))
        if state["uncertain"]:
            parts.append(self.tr("%n uncertain send(s) — see Activity", "", state["uncertain"]))
        self.setText(" · ".join(parts))
        self.setToolTip(self._tooltip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
