"""Before a Run now: which rule, and how many messages would go now.

The count is the rule's current matches (the simulator's read-only "if it ran now", the
same answer as Simulate), worked out on the op worker; the question names the rule and the
count, and only a Yes sends the request to the engine (``ui.rules.run_wait`` waits for it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import InputError
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
        raise InputError(f"there is no rule with id {rule_id}")
    if not rule.enabled:  # the engine answers "enable it first" at once: nothing to count
        return RunPreview(rule.name, False, rule.sends, 0)
    result = simulate_now(c.ws, rule, now, with_reasons=False)
    return RunPreview(rule.name, True, rule.sends, len(result.selected))


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("RunConfirm", text, "", n)


def question_text(preview: RunPreview) -> str:
    count = QLocale().toString(preview.count)
    if preview.sends:
        body = tr("%n message(s) would go out now, to the contacts it matches at this moment "
                  "(quiet hours and limits still apply).", preview.count)
    else:
        body = tr("%n contact(s) would change group now.", preview.count)
    if preview.count == 0:
        body += " " + tr("Nothing to do right now.")
    return (tr("Run “%1” now?").replace("%1", preview.name) + "\n\n"
            + body.replace(str(preview.count), count, 1))


def ask_to_run(parent: QWidget, preview: RunPreview, on_yes: Callable[[], None]) -> QMessageBox:
    """A window-modal question (never blocks the event loop); Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Run now"), question_text(preview),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("run_confirm")
    box.button(QMessageBox.StandardButton.Yes).setText(tr("Run now"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda result: on_yes() if result == QMessageBox.StandardButton.Yes else None)
    box.open()
    return box
