"""The tray icon's menu: Open, Pause/Resume, Check now (what is due, or one rule), the next
scheduled send, Quit. It only shows and forwards; the ``Tray`` does the work."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable
from zoneinfo import ZoneInfo

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ui.tray.words import say
from ui.dates import format_datetime


class TrayMenu(QMenu):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tray_menu")
        self.open_action = self.addAction("")
        self.addSeparator()
        self.pause_action = self.addAction("")
        self.pause_action.setCheckable(True)
        self.check_action = self.addAction("")
        self.rules_menu = self.addMenu("")
        self.rules_menu.setObjectName("tray_rules")
        self.next_action = self.addAction("")
        self.next_action.setEnabled(False)  # information, not a command
        self.addSeparator()
        self.quit_action = self.addAction("")
        self._rules: list[tuple[int, str]] = []
        self._on_rule: Callable[[int], None] = lambda _rule_id: None
        self.facts: dict[str, Any] = {}
        self.retranslate()

    def on_rule(self, handler: Callable[[int], None]) -> None:
        self._on_rule = handler

    def show_facts(self, facts: dict[str, Any], *, engine_here: bool) -> None:
        self.facts = facts
        for action in (self.pause_action, self.check_action, self.rules_menu.menuAction()):
            action.setEnabled(engine_here)
        rules = [(int(i), str(n)) for i, n in facts.get("rules", [])]
        if rules != self._rules:
            self._rules = rules
            self._fill_rules()
        self.retranslate()

    def _fill_rules(self) -> None:
        self.rules_menu.clear()
        if not self._rules:
            self.rules_menu.addAction(say("tray.no_rules")).setEnabled(False)
        for rule_id, name in self._rules:
            action: QAction = self.rules_menu.addAction(name)
            action.setObjectName(f"tray_rule_{rule_id}")
            action.triggered.connect(lambda _checked=False, r=rule_id: self._on_rule(r))

    def retranslate(self) -> None:
        paused = bool(self.facts.get("paused"))
        self.open_action.setText(say("tray.open"))
        self.pause_action.setChecked(paused)
        self.pause_action.setText(say("tray.resume") if paused else say("tray.pause"))
        self.check_action.setText(say("tray.check_now"))
        self.rules_menu.setTitle(say("tray.check_rule"))
        self.next_action.setText(self._next_text())
        self.quit_action.setText(say("tray.quit"))

    def _next_text(self) -> str:
        due: datetime | None = self.facts.get("next_due")
        if due is None:
            return say("tray.next_none")
        local = due.astimezone(ZoneInfo(self.facts.get("zone") or "UTC"))
        stamp = format_datetime(local)
        return say("tray.next_send", when=stamp)
