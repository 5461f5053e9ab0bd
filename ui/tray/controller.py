"""The tray: Postino's process lives here once the window is closed.

Closing the window hides it (the engine keeps checking and sending; the first time, a notice
says so); without a system tray it minimises instead and says why once. Quit is explicit:
it asks when messages are due in the next minutes, then ends the event loop, and the app
stops the engine (the message in flight finishes, the lock is released). Every command goes
through the engine running in this process: pause is the ``engine.paused`` setting plus a
wake, Check now a sweep or a "check this rule now" request.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from desktop.service.autostart import Writer
from desktop.service.engine import Engine
from desktop.service.requests import ask_check_now
from ui.ops import CollectionOp, OpChanges, QueryOp
from ui.tray.icon import state_icon, tray_state
from ui.tray.menu import TrayMenu
from ui.tray.notices import Notice, Notices, WakeWatch
from ui.tray.queries import QUIT_WINDOW_MINUTES, due_soon, tray_facts
from ui.tray.summary import day_counts, summary_day
from ui.tray.words import say

log = logging.getLogger("postino.tray")
if TYPE_CHECKING:  # pragma: no cover
    from ui.main_window import MainWindow

STATUS_MS = 3_000     # the engine's status is in memory: cheap to look at
FACTS_MS = 60_000     # the settings and the ledger, for changes made by another process
WAKE_MS = 30_000


class Tray(QObject):
    def __init__(self, window: "MainWindow", engine: Engine | None, *,
                 available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
                 confirm_quit: Callable[[int], bool] | None = None,
                 autostart: Writer | None = None,
                 clocks: tuple[Callable[[], float], Callable[[], float]] | None = None) -> None:
        """``available`` and ``clocks`` (wall, monotonic) stand in for the desktop and the
        sleeping PC in tests; ``autostart`` is the start-at-login writer to keep in step."""
        super().__init__(window)
        self.window, self.engine, self.runner = window, engine, window.runner
        self.available = available
        self.confirm_quit = confirm_quit or self._ask_quit
        self.autostart = autostart
        self.quitting = False
        self._autostart_wanted: bool | None = None
        self.facts: dict[str, Any] = {}
        self.state = ""
        self.notices = Notices()
        self.notice_box: QMessageBox | None = None
        self._click_section = "activity"
        self.icon = QSystemTrayIcon(state_icon("running"), self)
        self.menu = TrayMenu(window)
        self.icon.setContextMenu(self.menu)
        self._connect()
        wall, monotonic = clocks or (time.time, time.monotonic)
        self.wake_watch = WakeWatch(self.check_due, wall=wall, monotonic=monotonic)
        self._timers()
        self._show()
        self.refresh_facts()

    def _connect(self) -> None:
        self.menu.open_action.triggered.connect(self.show_window)
        self.menu.pause_action.triggered.connect(lambda checked: self.set_paused(bool(checked)))
        self.menu.check_action.triggered.connect(self.check_due)
        self.menu.on_rule(self.check_rule)
        self.menu.quit_action.triggered.connect(self.quit)
        self.menu.aboutToShow.connect(self.refresh_facts)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(lambda: self.show_window(self._click_section))
        self.runner.changed.connect(self._on_changes)
        self.window.installEventFilter(self)
        self.quit_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self.window)
        self.quit_shortcut.activated.connect(self.quit)

    def _timers(self) -> None:
        self.timers: list[QTimer] = []
        for every, slot in ((STATUS_MS, self.refresh_status), (FACTS_MS, self.refresh_facts),
                            (WAKE_MS, self.wake_watch.poll), (5_000, self._show)):
            timer = QTimer(self)
            timer.setInterval(every)
            timer.timeout.connect(slot)
            timer.start()
            self.timers.append(timer)

    def _show(self) -> None:
        """Show the icon; a tray that appears after us (the login race) is picked up here."""
        if self.available() and not self.icon.isVisible() and not self.quitting:
            self.icon.show()

    # --- state --------------------------------------------------------------------------------
    def refresh_facts(self) -> None:
        QueryOp(self.runner, tray_facts, parent=self).success(self._got_facts).run_in_background()

    def _got_facts(self, facts: dict[str, Any]) -> None:
        self.facts = facts
        self.menu.show_facts(facts, engine_here=self.engine is not None)
        self._sync_autostart(facts["start_at_login"])
        self.refresh_status()
        if facts["daily_summary"]:
            self.maybe_summary(datetime.now(timezone.utc))

    def refresh_status(self) -> None:
        status = self.engine.status if self.engine is not None else None
        uncertain = int(self.facts.get("uncertain", 0))
        if status is not None:
            for notice in self.notices.look(status, uncertain):
                self.notify(notice)
        state = tray_state(status, paused=bool(self.facts.get("paused")),
                           sandbox=bool(self.facts.get("sandbox")),
                           attention=self.notices.attention(status, uncertain))
        if state != self.state:  # a new picture is sent to the tray host: only on a change
            self.state = state
            self.icon.setIcon(state_icon(state))
        tooltip = say(f"tray.state.{state}") + "\n" + self.menu.next_action.text()
        if tooltip != self.icon.toolTip():
            self.icon.setToolTip(tooltip)

    def notify(self, notice: Notice) -> None:
        self._click_section = notice.section
        if self.icon.isVisible() and self.icon.supportsMessages():
            self.icon.showMessage("Postino", notice.text, QSystemTrayIcon.MessageIcon.Warning, 20_000)
        self.last_notice = notice

    def maybe_summary(self, now: datetime) -> None:
        """Yesterday's sends, once a day after 09:00 business time (remembered per workspace)."""
        store = self._store()
        zone = str(self.facts.get("zone") or "UTC")
        day = summary_day(now, zone, store.value("tray/summary_day", None))
        if day is None:
            return
        store.setValue("tray/summary_day", (day + timedelta(days=1)).isoformat())
        store.sync()
        (QueryOp(self.runner, lambda c: day_counts(c, day, zone), parent=self)
         .success(lambda counts: self.notify(Notice(say("tray.summary", day=day.isoformat(), **counts), "activity")))
         .run_in_background())

    def _store(self) -> QSettings:
        """Small memories of the tray (notices shown, summary day), next to the window's state."""
        return QSettings(str(Path(self.window.workspace.data_dir) / "window.ini"), QSettings.Format.IniFormat)

    def _on_changes(self, changes: OpChanges, _initiator: object | None) -> None:
        if changes.touches("settings", "outbox", "rules"):
            self.refresh_facts()

    def _sync_autostart(self, wanted: bool) -> None:
        """Start at login follows the setting: written when switched on (or on and missing),
        removed when switched off — never removed just because the app started."""
        before, self._autostart_wanted = self._autostart_wanted, wanted
        if self.autostart is None or before == wanted:
            return
        if wanted and not self.autostart.enabled():
            self.autostart.set(True)
        elif not wanted and before is not None:
            self.autostart.set(False)

    # --- commands -----------------------------------------------------------------------------
    def show_window(self, section: str | None = None) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        if section:
            self.window.show_section(section)
        self.notices.seen()
        self.refresh_status()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window()

    def handle_launch(self, args: list[str]) -> None:
        """A second launch handed over its arguments: raise the window (a start at login only
        confirms that we run)."""
        if "--background" not in args:
            log.info("raised by a second launch")
            self.show_window()

    def set_paused(self, paused: bool) -> None:
        now = datetime.now(timezone.utc)
        (CollectionOp(self.runner, lambda c: c.ws.settings.set("engine.paused", paused, now),
                      OpChanges(settings=True), parent=self)
         .success(lambda _value: self._paused_done(paused)).run_in_background())

    def _paused_done(self, paused: bool) -> None:
        if self.engine is not None:
            self.engine.wake()
            if not paused:
                self.check_due()  # windows missed while paused follow their policy now
        self.window.refresh_state()

    def check_due(self) -> None:
        """Check what is due now, through the engine's own sweep on its scheduler."""
        engine = self.engine
        if engine is not None and engine.scheduler is not None and engine.status.running:
            engine.scheduler.run_soon("sweep", engine.sweep)

    def check_rule(self, rule_id: int) -> None:
        now = datetime.now(timezone.utc)
        (CollectionOp(self.runner, lambda c: ask_check_now(c.ws, rule_id, now), OpChanges(), parent=self)
         .success(lambda _id: self.engine.wake() if self.engine is not None else None)
         .run_in_background())

    def quit(self) -> None:
        now = datetime.now(timezone.utc)
        QueryOp(self.runner, lambda c: due_soon(c, now), parent=self).success(self._quit_if_confirmed) \
            .run_in_background()

    def _quit_if_confirmed(self, queued: int) -> None:
        if self.engine is not None and queued and not self.confirm_quit(queued):
            return
        self.quit_now()

    def quit_now(self) -> None:
        """End the event loop; ``run_app`` then stops the engine cleanly (SIGTERM comes here too)."""
        self.quitting = True
        for timer in self.timers:
            timer.stop()
        self.icon.hide()
        QApplication.quit()

    def _ask_quit(self, queued: int) -> bool:
        answer = QMessageBox.question(
            self.window if self.window.isVisible() else None, say("tray.quit_title"),
            say("tray.quit_queued", count=queued, minutes=QUIT_WINDOW_MINUTES))
        return answer == QMessageBox.StandardButton.Yes

    # --- closing the window -------------------------------------------------------------------
    def tray_usable(self) -> bool:
        return self.available() and self.icon.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and not self.quitting:
            if self.tray_usable():
                QTimer.singleShot(0, lambda: self.tell_once("close_notice", say("tray.close_notice")))
                return False  # the window saves its geometry and hides; the process stays
            event.ignore()
            self.window.showMinimized()
            self.tell_once("no_tray_notice", say("tray.no_tray_notice"))
            return True
        return super().eventFilter(watched, event)

    def tell_once(self, key: str, message: str) -> None:
        """A notice shown once per workspace (remembered with the window's own state)."""
        store = self._store()
        if store.value(f"tray/{key}", False, type=bool):
            return
        store.setValue(f"tray/{key}", True)
        store.sync()
        box = QMessageBox(QMessageBox.Icon.Information, say("tray.close_title"), message,
                          QMessageBox.StandardButton.Ok)
        box.setObjectName(f"tray_{key}")
        box.setModal(False)
        box.show()
        self.notice_box = box
