"""The live count under the condition builder: “Matches now: N contacts (M already sent)”.

Recomputed off the UI thread as the user edits: a short debounce gathers a burst of edits
into one query, a newer request cancels the queued one, and a late answer to an older
request is dropped (the generation number), so the label only ever shows the latest rule.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.ops import Job, OpRunner, QueryOp
from ui.rules.queries import LiveCount, live_count
from ui.words import error_text

DEBOUNCE_MS = 300


class LiveCountLabel(QLabel):
    def __init__(self, runner: OpRunner, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("live_count")
        self.setWordWrap(True)
        self.runner = runner
        self.clock = clock
        self.result: LiveCount | None = None
        self.on_problem: Callable[[str | None, str | None], None] | None = None
        self._data: dict[str, Any] = {}
        self._rule_id: int | None = None
        self._generation = 0
        self._job: Job | None = None
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

    def request(self, data: dict[str, Any], rule_id: int | None) -> None:
        """Ask for a new count after the debounce; earlier pending requests are superseded."""
        self._data, self._rule_id = data, rule_id
        self.setText(self.tr("Counting…"))
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        if self._job is not None and not self._job.done:
            self._job.cancel()
        self._generation += 1
        generation, data, rule_id, now = self._generation, self._data, self._rule_id, self.clock()
        self._job = (QueryOp(self.runner, lambda c: live_count(c, data, rule_id, now), parent=self)
                     .success(lambda result: self._show(generation, result))
                     .failure(lambda error: self._failed(generation, error))
                     .run_in_background())

    @property
    def pending(self) -> bool:
        return self._timer.isActive() or (self._job is not None and not self._job.done)

    def _show(self, generation: int, result: LiveCount) -> None:
        if generation != self._generation:
            return
        self.result = result
        if result.problem:
            self.setText(self.tr("Cannot count yet: %1").replace("%1", result.problem))
            self.setStyleSheet("color: #b3261e;")
        else:
            self.setStyleSheet("")
            locale = QLocale()
            text = self.tr("Matches now: %n contact(s)", "", result.matched).replace(
                str(result.matched), locale.toString(result.matched), 1)
            text += " " + self.tr("(%1 already sent)").replace("%1", locale.toString(result.already))
            if result.left_out:
                text += " · " + self.tr("%1 left out (no consent or no address)").replace(
                    "%1", locale.toString(result.left_out))
            self.setText(text)
        if self.on_problem is not None:
            self.on_problem(result.problem, result.where)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.setText(self.tr("Cannot count: %1").replace("%1", error_text(error)))
