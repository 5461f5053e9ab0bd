"""Step 0 of a new rule, Start: a blank rule or one of the recipes for the common automations
(``desktop.recipes``). Leaving the step loads the recipe into the other steps; coming back
and keeping the same choice keeps what the user changed since."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.recipes import RECIPES, BY_KEY
from ui.resources import LANGUAGE
from ui.rules.step_base import Step

BLANK = ""


class RecipeStep(Step):
    prefixes = ()

    def __init__(self, apply: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_recipe")
        self._apply = apply
        self.list = QListWidget()
        self.list.setObjectName("recipe_list")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key in (BLANK, *(r.key for r in RECIPES)):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.description = QLabel()
        self.description.setObjectName("recipe_description")
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(self.fontMetrics().height() * 3)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        self.scrolled(inner)
        self.list.currentRowChanged.connect(lambda _row: self._describe())
        self.list.itemDoubleClicked.connect(lambda _item: self.wizard().next())
        self.list.setCurrentRow(0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Start"))
        self.setSubTitle(self.tr("Start from a common automation or from a blank rule; "
                                 "you can change everything in the next steps."))
        language = LANGUAGE.code
        for row in range(self.list.count()):
            item = self.list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setText(self.tr("Blank rule") if key == BLANK else BY_KEY[key].name.in_(language))
            font = item.font()
            font.setBold(key == BLANK)
            item.setFont(font)
        self._describe()

    def _describe(self) -> None:
        key = self.recipe_key()
        self.description.setText(
            self.tr("Everything from scratch: conditions, frequency and template are yours to choose.")
            if key == BLANK else BY_KEY[key].description.in_(LANGUAGE.code))

    def recipe_key(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else BLANK

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)
                return
        raise KeyError(key)

    def validatePage(self) -> bool:
        self._apply(self.recipe_key())
        return True

    def load(self, data: dict[str, Any]) -> None:
        pass

    def collect(self, data: dict[str, Any]) -> None:
        pass
