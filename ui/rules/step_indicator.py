"""The wizard's step indicator: “1 Start › 2 General › 3 Action …” with the current step in
bold and the steps already passed in plain text, the ones ahead greyed. One line of rich
text that wraps, so it never makes the wizard wider than its page."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget


class StepIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_indicator")
        self.setWordWrap(True)
        self.titles: list[str] = []
        self.current = 0

    def show_steps(self, titles: list[str], current: int) -> None:
        self.titles, self.current = list(titles), current
        parts = []
        for i, title in enumerate(titles):
            words = f"{i + 1}&nbsp;{escape(title).replace(' ', '&nbsp;')}"
            if i == current:
                parts.append(f"<b>{words}</b>")
            elif i > current:
                parts.append(f"<span style='color:#888'>{words}</span>")
            else:
                parts.append(words)
        self.setText(" › ".join(parts))
        self.setAccessibleName(self.tr("Step %1 of %2: %3").replace("%1", str(current + 1))
                               .replace("%2", str(len(titles))).replace("%3", titles[current] if titles else ""))

    def plain(self) -> str:
        """The indicator as plain text (what tests and screen readers compare)."""
        return " › ".join(f"{i + 1} {t}" for i, t in enumerate(self.titles))
