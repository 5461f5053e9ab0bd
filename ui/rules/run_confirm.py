"""Before a Run now: which rule, and how many messages would go now.

The count is the rule's current matches (the simulator's read-only "if it ran now", the
same answer as Simulate), worked out on the op worker; the question names the rule and the
count, and only a Yes sends the request to the engine (``ui.rules.run_wait`` waits for it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import InputError
from desktop.messages import Msg
from desktop.simulate import simulate_now
from ui.ops import OpContext


@dataclass(frozen=True)
class RunPreview:
    name: str
    enabled: bool
    sends: bool      # messages (e-mail, SMS) or group changes
    count: int       # who the rule would pick if it ran now


def run_now_preview(c: OpContext, rule_id: int, now: datetime) -> RunPreview:
    rule = c.ws.rules.get(rule_id)
    if rule is None:
        raise InputError(Msg("rules.no_id", {"id": rule_id}))
    if not rule.enabled:  # the engine answers "enable it first" at once: nothing to count
        return RunPreview(rule.name, False, rule.sends, 0)
    result = simulate_now(c.ws, rule, now, with_reasons=False)
    return RunPreview(rule.name, True, rule.sends, len(result.selected))


class RunConfirmBox(QMessageBox):
    """A window-modal question (never blocks the event loop); Cancel is the default."""

    def __init__(self, parent: QWidget, preview: RunPreview, on_yes: Callable[[], None]) -> None:
        super().__init__(QMessageBox.Icon.Question, "", "",
                         QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
        self.setObjectName("run_confirm")
        self.setWindowTitle(self.tr("Run now"))
        self.setText(self.question(preview))
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("Run now"))
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(lambda result: on_yes() if result == QMessageBox.StandardButton.Yes else None)

    def question(self, preview: RunPreview) -> str:
        n = preview.count
        if preview.sends:
            body = self.tr("%n message(s) would go out now (quiet hours and limits apply).", "", n)
        else:
            body = self.tr("%n contact(s) would change group now.", "", n)
        if n == 0:
            body += " " + self.tr("Nothing to do right now.")
        return (self.tr("Run “%1” now?").replace("%1", preview.name) + "\n\n"
                + body.replace(str(n), QLocale().toString(n), 1))


def ask_to_run(parent: QWidget, preview: RunPreview, on_yes: Callable[[], None]) -> QMessageBox:
    box = RunConfirmBox(parent, preview, on_yes)
    box.open()
    return box
