"""The rule editor, a wizard like MailUp's: General → Action → Recipients → Frequency → Summary.

The wizard opens with everything it needs already read (``EditorContext``, one QueryOp),
so no step waits on the database; the live count, the review on the summary step and the
save run as ops. A validation error's JSON path (``$.schedule.quiet_hours``,
``$.conditions.all[1].any[0].value``) is mapped back to the step and widget it names.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget, QWizard

from desktop.errors import InputError
from desktop.rules.model import FORMAT
from ui.ops import CollectionOp, OpChanges, OpRunner, QueryOp, show_error
from ui.resources import LANGUAGE
from ui.rules.queries import EditorContext, Review, bare_message, review, save_rule, template_choices
from ui.rules.step_action import ActionStep
from ui.rules.step_base import Step
from ui.rules.step_frequency import FrequencyStep
from ui.rules.step_general import GeneralStep
from ui.rules.step_recipients import RecipientsStep
from ui.rules.step_summary import SummaryStep

GENERAL, ACTION, RECIPIENTS, FREQUENCY, SUMMARY = range(5)

DEFAULT_RULE: dict[str, Any] = {
    "name": "", "description": "", "tags": [], "enabled": False, "marketing": True,
    "action": {"type": "send_email", "template": ""}, "audience": {"include": [], "exclude": []},
    "conditions": {"all": []}, "resend": {"policy": "once"},
    "after_send": {"add_to": [], "remove_from": []},
    "schedule": {"check": {"every_minutes": 60}, "quiet_hours": {"bands": [], "business_default": True}},
}


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class RuleWizard(QWizard):
    def __init__(self, runner: OpRunner, context: EditorContext, *, clock: Callable[[], datetime] = utc_now,
                 template_dialog: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rule_wizard")
        self.runner = runner
        self.context = context
        self.clock = clock
        self.rule_id = context.rule_id
        self.saved_id: int | None = None
        self.saving = False
        self._template_dialog = template_dialog  # a class with ``create(parent, runner, channel)``
        self.template_dialog: QWidget | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.general = GeneralStep(context.tags)
        self.action = ActionStep(context.groups, context.templates,
                                 self.open_template_dialog if template_dialog is not None else None)
        self.recipients = RecipientsStep(runner, clock, context.fields, context.groups)
        self.frequency = FrequencyStep(context.business, context.zones)
        self.summary = SummaryStep(self)
        self.steps: dict[int, Step] = {GENERAL: self.general, ACTION: self.action, RECIPIENTS: self.recipients,
                                       FREQUENCY: self.frequency, SUMMARY: self.summary}
        for step_id, step in self.steps.items():
            self.setPage(step_id, step)
        title = self.tr("Edit automatic send") if self.rule_id is not None else self.tr("New automatic send")
        self.setWindowTitle(title)
        self.load(context.data or DEFAULT_RULE)
        for step in self.steps.values():
            step.changed.connect(self._edited)
        self.recipients.live.on_problem = self._live_problem
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WindowShortcut)
        save.activated.connect(self.save_shortcut)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 40)
        self.recipients.live.request(self.data(), self.rule_id)

    # --- data ------------------------------------------------------------------------------
    def load(self, data: dict[str, Any]) -> None:
        full = {**DEFAULT_RULE, **data}
        for step in self.steps.values():
            step.load(full)

    def data(self) -> dict[str, Any]:
        """The rule as JSON, built from the widgets (what is validated and saved)."""
        out: dict[str, Any] = {"format": FORMAT}
        for step in (self.general, self.action, self.recipients, self.frequency):
            step.collect(out)
        return out

    def _edited(self) -> None:
        self.recipients.live.request(self.data(), self.rule_id)

    # --- a new template from the Action step ---------------------------------------------------
    def open_template_dialog(self, channel: str) -> None:
        self.template_dialog = self._template_dialog.create(self, self.runner, channel)
        self.template_dialog.created.connect(self._template_created)  # type: ignore[union-attr]

    def _template_created(self, name: str) -> None:
        (QueryOp(self.runner, template_choices, parent=self)
         .success(lambda templates: self.action.set_templates(templates, select=name)).run_in_background())

    # --- errors ----------------------------------------------------------------------------
    def step_for(self, where: str) -> int:
        for step_id in (RECIPIENTS, ACTION, FREQUENCY):
            if self.steps[step_id].owns(where):
                return step_id
        return GENERAL

    def place_error(self, where: str | None, message: str) -> tuple[int, QWidget]:
        """Show ``message`` next to the widget ``where`` names; returns the step and widget."""
        for step in self.steps.values():
            step.clear_errors()
        step_id = self.step_for(where or "$")
        widget = self.steps[step_id].place_error(where or "$", message)
        self.summary.show_problem(self.steps[step_id].title(), message, step_id)
        return step_id, widget

    def _live_problem(self, problem: str | None, where: str | None) -> None:
        # The live count validates as the user types: show problems of the step being edited only.
        if problem is None:
            self.recipients.clear_errors()
        elif where and self.recipients.owns(where):
            self.recipients.clear_errors()
            self.recipients.place_error(where, problem)

    # --- review and save ---------------------------------------------------------------------
    def request_review(self) -> None:
        data, rule_id, language = self.data(), self.rule_id, LANGUAGE.code
        (QueryOp(self.runner, lambda c: review(c, data, rule_id, language), parent=self)
         .success(self._reviewed).run_in_background())

    def _reviewed(self, result: Review) -> None:
        for step in self.steps.values():
            step.clear_errors()
        if result.problem is not None:
            self.place_error(result.where, result.problem)
        self.summary.show_review(result)

    def go_to(self, step_id: int) -> None:
        while self.currentId() > step_id:
            self.back()

    def save_shortcut(self) -> None:
        if self.currentId() != SUMMARY:
            while self.currentId() != SUMMARY and self.currentPage().isComplete():
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    return
            return
        if self.summary.isComplete():
            self.accept()

    def accept(self) -> None:
        """Finish saves through an op; the wizard closes only once the rule is written."""
        if self.saving:
            return
        if self.saved_id is not None:
            super().accept()
            return
        self.saving = True
        data, rule_id, now = self.data(), self.rule_id, self.clock()
        (CollectionOp(self.runner, lambda c: save_rule(c, data, rule_id, now), OpChanges(rules=True),
                      parent=self, initiator=self)
         .success(self._saved).failure(self._save_failed).run_in_background())

    def _saved(self, rule_id: int) -> None:
        self.saving = False
        self.saved_id = rule_id
        super().accept()

    def _save_failed(self, error: BaseException) -> None:
        self.saving = False
        if isinstance(error, InputError):
            self.place_error(error.where, bare_message(error))
            self.summary.review = Review(problem=bare_message(error), where=error.where)
            self.summary.completeChanged.emit()
        else:
            show_error(self, error)
