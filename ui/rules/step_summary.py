"""Step 5, Summary: the rule in words, validation problems with the step they belong to, and
conflict warnings that must be acknowledged before the rule can be enabled."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.rules.queries import Review
from ui.rules.step_base import Step
from ui.rules.words import action_type_words, resend_words

if TYPE_CHECKING:
    from ui.rules.wizard import RuleWizard


class SummaryStep(Step):
    prefixes = ()

    def __init__(self, wizard: "RuleWizard", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_summary")
        self.wizard_ = wizard
        self.review: Review | None = None
        self.problem_step: int | None = None
        self.words = QLabel()
        self.words.setObjectName("summary_words")
        self.words.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("summary_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.go_button = QPushButton(self.tr("Go to the step"))
        self.go_button.setObjectName("go_to_problem")
        self.go_button.clicked.connect(self.go_to_problem)
        self.conflicts = QLabel()
        self.conflicts.setObjectName("summary_conflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color: #8a5300;")
        self.enable = QCheckBox(self.tr("&Enable the rule when saving"))
        self.enable.setObjectName("summary_enable")
        self.acknowledge = QCheckBox(self.tr("I &understand the warnings above and want to enable it anyway"))
        self.acknowledge.setObjectName("acknowledge")
        self.status = QLabel()
        self.status.setObjectName("summary_status")
        self.status.setWordWrap(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.words)
        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problems, 1)
        problem_row.addWidget(self.go_button)
        layout.addLayout(problem_row)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.enable)
        layout.addWidget(self.acknowledge)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.scrolled(inner)
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the rule in words, then save it. Ctrl+S saves."))
        self.enable.toggled.connect(self._enable_toggled)
        self.acknowledge.toggled.connect(self.completeChanged)
        self._show_review(None)

    def _enable_toggled(self, on: bool) -> None:
        self.wizard_.general.enabled.setChecked(on)
        self._show_conflicts()
        self.completeChanged.emit()

    def initializePage(self) -> None:
        self.enable.blockSignals(True)
        self.enable.setChecked(self.wizard_.general.enabled.isChecked())
        self.enable.blockSignals(False)
        self.acknowledge.setChecked(False)
        self.review = None
        self.words.setText(self.describe(self.wizard_.data()))
        self.status.setText(self.tr("Checking the rule…"))
        self._show_review(None)
        self.wizard_.request_review()

    def describe(self, data: dict[str, Any]) -> str:
        action = data["action"]
        what = action_type_words()[action["type"]]
        detail = action.get("template") or action.get("group") or (
            f"{action.get('from', '')} → {action.get('to', '')}" if action["type"] == "move_to_group" else "")
        audience = data.get("audience", {})
        include = ", ".join(audience.get("include", [])) or self.tr("everyone")
        exclude = ", ".join(audience.get("exclude", [])) or self.tr("nobody")
        resend = data["resend"]
        rows = [
            (self.tr("Name"), data.get("name", "")),
            (self.tr("Tags"), ", ".join(data.get("tags", [])) or "—"),
            (self.tr("Action"), f"{what}: {detail}" if detail else what),
            (self.tr("Groups"), self.tr("%1; except %2").replace("%1", include).replace("%2", exclude)),
            (self.tr("Conditions"), self.conditions_words()),
            (self.tr("Matches now"), self.matches_words()),
            (self.tr("Frequency"), self.wizard_.frequency.words.text()),
            (self.tr("Send again"), resend_words()[resend["policy"]]
             + (" " + self.tr("(every %n day(s))", "", resend["days"]) if "days" in resend else "")),
        ]
        starter = self.wizard_.pending_starter()
        if starter is not None:
            rows.insert(3, (self.tr("New template"), self.tr(
                "“%1” is created when you save: change its text under Templates").replace("%1", starter["name"])))
        return "<table>" + "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(str(v))}</td></tr>"
                                    for k, v in rows) + "</table>"

    def refresh_words(self) -> None:
        self.words.setText(self.describe(self.wizard_.data()))

    def conditions_words(self) -> str:
        """The rule list's own words for the trigger (computed by the review on the worker)."""
        if self.review is None:
            return self.tr("checking…")
        return self.review.conditions_words or "—"

    def matches_words(self) -> str:
        live = self.wizard_.recipients.live
        result = live.result
        if result is None or live.pending:
            return self.tr("counting…")
        if result.problem:
            return self.tr("cannot count yet: %1").replace("%1", result.problem)
        locale = QLocale()
        return (self.tr("%n contact(s)", "", result.matched).replace(str(result.matched),
                                                                     locale.toString(result.matched), 1)
                + " " + self.tr("(%1 already sent)").replace("%1", locale.toString(result.already)))

    def show_review(self, review: Review) -> None:
        self.review = review
        self._show_review(review)

    def _show_review(self, review: Review | None) -> None:
        problem = review is not None and review.problem is not None
        self.problems.setVisible(problem)
        self.go_button.setVisible(problem)
        if review is not None:
            self.status.setText(self.tr("The rule is ready to save.") if not problem else "")
            self.words.setText(self.describe(self.wizard_.data()))
        self._show_conflicts()
        self.completeChanged.emit()

    def show_problem(self, step_title: str, message: str, step_id: int) -> None:
        self.problem_step = step_id
        self.problems.setText(self.tr("%1: %2").replace("%1", step_title).replace("%2", message))
        self.problems.setVisible(True)
        self.go_button.setVisible(True)

    def _show_conflicts(self) -> None:
        conflicts = self.review.conflicts if self.review else []
        warn = bool(conflicts) and self.enable.isChecked()
        self.conflicts.setVisible(bool(conflicts))
        self.conflicts.setText(self.tr("Before enabling:") + "<ul>" + "".join(
            f"<li>{escape(c.message)}</li>" for c in conflicts) + "</ul>" if conflicts else "")
        self.acknowledge.setVisible(warn)

    @property
    def needs_acknowledgement(self) -> bool:
        return bool(self.review and self.review.conflicts and self.enable.isChecked())

    def isComplete(self) -> bool:
        if self.review is None or self.review.problem is not None:
            return False
        return not self.needs_acknowledgement or self.acknowledge.isChecked()

    def go_to_problem(self) -> None:
        if self.problem_step is not None:
            self.wizard_.go_to(self.problem_step)

    def load(self, data: dict[str, Any]) -> None:
        pass

    def collect(self, data: dict[str, Any]) -> None:
        pass
