"""The rule editor, a wizard like MailUp's: (Start →) General → Action → Recipients → Frequency →
Summary. A new rule starts on a choice of recipes (``desktop.recipes``) or a blank rule.

The wizard opens with everything it needs already read (``EditorContext``, one QueryOp),
so no step waits on the database; the live count, the review on the summary step and the
save run as ops. A validation error's JSON path (``$.schedule.quiet_hours``,
``$.conditions.all[1].any[0].value``) is mapped back to the step and widget it names.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from desktop.errors import InputError
from desktop.recipes import BY_KEY, rule_data, template_data
from desktop.rules.model import FORMAT
from ui.ops import CollectionOp, OpChanges, OpRunner, QueryOp, show_error
from ui.resources import LANGUAGE
from ui.rules.queries import EditorContext, Review, bare_message, review, template_choices
from ui.rules.step_action import ActionStep
from ui.rules.step_base import Step
from ui.rules.step_frequency import FrequencyStep
from ui.rules.starter import pending, save_with_starter, starter_needed
from ui.rules.step_general import GeneralStep
from ui.rules.step_indicator import StepIndicator
from ui.rules.step_recipe import BLANK, RecipeStep
from ui.rules.step_recipients import RecipientsStep
from ui.rules.step_summary import SummaryStep

RECIPE, GENERAL, ACTION, RECIPIENTS, FREQUENCY, SUMMARY = range(6)

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
        self.recipe: str | None = None        # the recipe loaded into the steps ("" blank), None: not yet
        self.starter: dict[str, str] | None = None  # its starting template, created on save
        self.discard_box: QMessageBox | None = None
        self._build_steps(context, template_dialog is not None)
        title = self.tr("Edit automatic send") if self.rule_id is not None else self.tr("New automatic send")
        self.setWindowTitle(title)
        self.load(context.data or DEFAULT_RULE)
        self.frequency.resend_chosen = context.data is not None  # a saved rule keeps its policy
        self._follow_conditions()
        for step in self.steps.values():
            step.changed.connect(self._edited)
        self.recipients.changed.connect(self._follow_conditions)
        self.pristine = self.data()
        self.recipients.live.on_problem = self._live_problem
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WindowShortcut)
        save.activated.connect(self.save_shortcut)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 40)
        self.show_indicators()
        self.recipients.live.request(self.data(), self.rule_id)

    def _build_steps(self, context: EditorContext, with_template_dialog: bool) -> None:
        """The steps (Start only for a new rule), each with its own copy of the step indicator."""
        self.recipe_step = RecipeStep(self.apply_recipe) if context.data is None else None
        self.general = GeneralStep(context.tags)
        self.action = ActionStep(context.groups, context.templates,
                                 self.open_template_dialog if with_template_dialog else None)
        self.recipients = RecipientsStep(self.runner, self.clock, context.fields, context.groups)
        self.frequency = FrequencyStep(context.business, context.zones)
        self.summary = SummaryStep(self)
        self.steps: dict[int, Step] = {GENERAL: self.general, ACTION: self.action, RECIPIENTS: self.recipients,
                                       FREQUENCY: self.frequency, SUMMARY: self.summary}
        if self.recipe_step is not None:
            self.steps = {RECIPE: self.recipe_step, **self.steps}
        self.indicators: dict[int, StepIndicator] = {}
        for step_id, step in self.steps.items():
            self.setPage(step_id, step)
            self.indicators[step_id] = StepIndicator()
            step.layout().insertWidget(0, self.indicators[step_id])
        self.currentIdChanged.connect(lambda _id: self.show_indicators())

    # --- the step indicator and the recipes --------------------------------------------------
    def show_indicators(self) -> None:
        ids = list(self.steps)
        titles = [self.steps[i].title() for i in ids]
        for position, step_id in enumerate(ids):
            self.indicators[step_id].show_steps(titles, position)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_indicators()
            self._follow_conditions()  # the re-send reason in the new language
        super().changeEvent(event)

    def apply_recipe(self, key: str) -> None:
        """Load a recipe (or a blank rule) into the steps; the same choice again keeps the edits."""
        if key == self.recipe:
            return
        self.recipe = key
        language = LANGUAGE.code
        self.starter = None
        templates = list(self.context.templates)
        data: dict[str, Any] = DEFAULT_RULE
        if key != BLANK:
            recipe = BY_KEY[key]
            data = rule_data(recipe, language, self.context.fields, self.context.rule_names,
                             self.context.feeds)
            starter = template_data(recipe, language)
            self.starter = starter_needed(starter, data, templates)
            if self.starter is not None:
                templates.append((starter["name"], starter["channel"]))
        self.action.set_templates(templates)
        self.frequency.resend_chosen = False
        self.load(data)
        self.action.set_starter(self.starter["name"] if self.starter else None)
        self._follow_conditions()

    def _follow_conditions(self) -> None:
        self.frequency.suggest_resend(self.recipients.conditions.tree())

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

    def pending_starter(self) -> dict[str, str] | None:
        """The recipe's starting template, while the rule still uses it and it does not exist."""
        return starter_needed(self.starter, self.data(), self.context.templates)

    # --- closing without saving ----------------------------------------------------------------
    def touched(self) -> bool:
        return self.data() != self.pristine

    def reject(self) -> None:
        """Esc or the window's close: an untouched wizard closes; a filled-in one asks first."""
        if self.saved_id is not None or not self.touched():
            super().reject()
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard the changes?"),
                          self.tr("“%1” is not saved. Discard what you entered?").replace(
                              "%1", self.general.name.text().strip() or self.windowTitle()),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("discard_changes")
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Discard"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: self._discard_answered(box))
        self.discard_box = box
        box.open()

    def _discard_answered(self, box: QMessageBox) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
            super().reject()

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
        if self.currentId() == SUMMARY:
            self.summary.refresh_words()  # the count arrived after the summary was shown
        # The live count validates as the user types: show problems of the step being edited only.
        if problem is None:
            self.recipients.clear_errors()
        elif where and self.recipients.owns(where):
            self.recipients.clear_errors()
            self.recipients.place_error(where, problem)

    # --- review and save ---------------------------------------------------------------------
    def request_review(self) -> None:
        data, rule_id, language = self.data(), self.rule_id, LANGUAGE.code
        templates = pending(self.pending_starter())
        (QueryOp(self.runner, lambda c: review(c, data, rule_id, language, templates), parent=self)
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
        data, rule_id, now, starter = self.data(), self.rule_id, self.clock(), self.pending_starter()
        (CollectionOp(self.runner, lambda c: save_with_starter(c, data, rule_id, now, starter),
                      OpChanges(rules=True, templates=starter is not None), parent=self, initiator=self)
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
