"""The “Automatic sends” page: the rule list with search, a tag filter and the rule actions
(new, edit, duplicate, enable/disable, delete, simulate, run now, export/import JSON)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLineEdit, QMenu, QMessageBox,
    QStackedWidget, QTableView, QToolBar, QVBoxLayout, QWidget,
)

from desktop.rules.conflicts import Conflict
from ui.ops import CollectionOp, OpChanges, OpRunner, QueryOp
from ui.resources import LANGUAGE, icon
from ui.rules import queries as q
from ui.rules.dialogs import SimulateDialog, run_report_box
from ui.rules.run_confirm import RunPreview, ask_to_run, run_now_preview
from ui.rules.run_wait import RUN_NOW_TIMEOUT_MS, RunWait
from ui.rules.model import COLUMNS, ID_ROLE, RulesFilter, RulesModel
from ui.rules.wizard import RuleWizard
from ui.widgets import PAGE_MARGINS, EmptyState, Heading, confirm

SIMULATION_HOOKS = ("preselect_rule", "select_rule", "simulate_rule")


def template_dialog_class() -> Any:
    """The Templates page's dialog, if it offers one: “New template…” appears only then."""
    try:
        from ui.templates.editor import TemplateDialog
    except ImportError:
        return None
    return TemplateDialog if callable(getattr(TemplateDialog, "create", None)) else None


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class RulesPage(QWidget):
    def __init__(self, runner: OpRunner, *, clock: Callable[[], datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_rules")
        self.runner = runner
        self.clock = clock
        self.wizard: RuleWizard | None = None
        self._opening = False  # an editor's context is being read: a second request waits for it
        self.dialog: QMessageBox | None = None
        self.model = RulesModel(self)
        self.model.toggle_requested.connect(self.set_enabled)
        self.proxy = RulesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.heading = Heading()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.proxy.set_text)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tag_filter")
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.proxy.set_tag(self.tag_filter.currentData() or ""))
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_: dict[str, QAction] = {}
        for key, icon_name, shortcut, slot in (
                ("new", "add", QKeySequence.StandardKey.New, self.new_item),
                ("edit", "edit", None, self.edit_selected),
                ("duplicate", "add", "Ctrl+D", self.duplicate_selected),
                ("toggle", "rules", "Ctrl+E", self.toggle_selected),
                ("delete", "delete", QKeySequence.StandardKey.Delete, self.delete_selected),
                ("simulate", "simulation", "Ctrl+R", self.simulate_selected),
                ("run", "activity", "Ctrl+Shift+R", self.run_selected),
                ("export", "save", None, lambda: self.export_rules()),
                ("import", "import", None, lambda: self.import_rules())):
            action = QAction(icon(icon_name), "", self)
            action.setObjectName(f"action_{key}")
            if shortcut is not None and key != "new":  # Ctrl+N is routed by the main window
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_[key] = action
            if key in ("edit", "simulate", "export"):
                self.toolbar.addSeparator()
            self.toolbar.addAction(action)
        self.table = QTableView()
        self.table.setObjectName("rules_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # ``activated`` is Enter *and* the double-click (or the single click where the platform
        # activates on one); connecting ``doubleClicked`` as well opened two editors per double-click.
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(bar)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.search, self.tag_filter)
        self.setTabOrder(self.tag_filter, self.table)
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.refresh()

    # --- texts -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Automatic sends"))
        self.search.setPlaceholderText(self.tr("Search rules (Ctrl+F)"))
        texts = {"new": (self.tr("New"), self.tr("Create a rule (Ctrl+N)")),
                 "edit": (self.tr("Edit"), self.tr("Edit the rule (Enter or double-click)")),
                 "duplicate": (self.tr("Duplicate"), self.tr("Copy the rule, disabled (Ctrl+D)")),
                 "toggle": (self.tr("Enable/disable"), self.tr("Switch the rule on or off (Ctrl+E)")),
                 "delete": (self.tr("Delete"), self.tr("Delete the rule (Del)")),
                 "simulate": (self.tr("Simulate"), self.tr("Who would be selected if the rule ran now (Ctrl+R)")),
                 "run": (self.tr("Run now"), self.tr("Check the rule now and send what is due (Ctrl+Shift+R)")),
                 "export": (self.tr("Export…"), self.tr("Save the rules to a JSON file")),
                 "import": (self.tr("Import…"), self.tr("Add rules from a JSON file (all or nothing)"))}
        for key, (text, tip) in texts.items():
            self.actions_[key].setText(text)
            self.actions_[key].setToolTip(tip)
        self._fit_toggle()
        self._update_actions()  # a selected rule's toggle says Enable or Disable again
        self.empty.set_texts(self.tr("No automatic sends yet"),
                             self.tr("Create one with “New”: set it up, simulate it, then enable it."))
        self._fill_tags([self.tag_filter.itemData(i) for i in range(1, self.tag_filter.count())])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def toggle_texts(self) -> tuple[str, ...]:
        return self.tr("Enable/disable"), self.tr("Enable"), self.tr("Disable")

    def _fit_toggle(self) -> None:
        """The toggle button keeps the width of its widest text in this language: its text
        changes with the selection, and a narrower one moved Simulate and Run now under the
        pointer (a click meant for Simulate ran the rule)."""
        action = self.actions_["toggle"]
        button = self.toolbar.widgetForAction(action)
        if button is None:
            return
        current = action.text()
        button.setMinimumWidth(0)
        button.setMaximumWidth(16777215)
        widths = []
        for text in self.toggle_texts():
            action.setText(text)
            widths.append(button.sizeHint().width())
        action.setText(current)
        button.setFixedWidth(max(widths))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()  # action and trigger words come from the engine in the new language
        super().changeEvent(event)

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        now, language = self.clock(), LANGUAGE.code
        (QueryOp(self.runner, lambda c: q.list_rules(c, now, language), parent=self)
         .success(self._show).run_in_background())

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.touches("rules", "templates", "groups"):
            self.refresh()

    def _show(self, result: q.RulesList) -> None:
        keep = self.selected_id()
        self.model.set_rows(result.rows, result.zone)
        self._fill_tags(sorted({t for r in result.rows for t in r.tags}, key=str.casefold))
        self.stack.setCurrentWidget(self.table if result.rows else self.empty)
        if keep is not None:
            self.select_rule(keep)
        self.fit_columns()
        self._update_actions()

    def fit_columns(self) -> None:
        """Columns sized to their contents but none wider than about 32 characters (the cell's
        tooltip has the whole text), so the row fits the window with its switch in view."""
        self.table.resizeColumnsToContents()
        widest = self.table.fontMetrics().averageCharWidth() * 32
        for column in range(len(COLUMNS)):
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)

    def _fill_tags(self, tags: list[str]) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), "")
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    # --- selection -------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def selected_row(self) -> q.RuleRow | None:
        rule_id = self.selected_id()
        return next((r for r in self.model.rows if r.id == rule_id), None)

    def select_rule(self, rule_id_or_name: int | str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if rule_id_or_name in (index.data(ID_ROLE), index.data()):
                self.table.selectRow(row)
                return True
        return False

    def _update_actions(self) -> None:
        chosen = self.selected_row()
        for key in ("edit", "duplicate", "toggle", "delete", "simulate", "run"):
            self.actions_[key].setEnabled(chosen is not None)
        either, enable, disable = self.toggle_texts()
        self.actions_["toggle"].setText(either if chosen is None else disable if chosen.enabled else enable)

    def _context_menu(self, pos) -> None:  # noqa: ANN001 - QPoint
        index: QModelIndex = self.table.indexAt(pos)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        for key in ("edit", "duplicate", "toggle", "simulate", "run", "delete"):
            menu.addAction(self.actions_[key])
        menu.addSeparator()
        menu.addAction(self.actions_["new"])
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- page protocol ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.open_editor(None)

    def edit_selected(self) -> None:
        rule_id = self.selected_id()
        if rule_id is not None:
            self.open_editor(rule_id)

    def open_editor(self, rule_id: int | None) -> None:
        """One editor at a time: while one is open (or being read), asking again shows it."""
        if self.wizard is not None and shiboken6.isValid(self.wizard) and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        if self._opening:
            return
        self._opening = True
        (QueryOp(self.runner, lambda c: q.editor_context(c, rule_id), parent=self)
         .success(self._open_wizard).failure(self._open_failed).run_in_background())

    def _open_failed(self, error: BaseException) -> None:
        self._opening = False
        self.runner.error_handler(self, error)

    def _open_wizard(self, context: q.EditorContext) -> None:
        self._opening = False
        self.wizard = RuleWizard(self.runner, context, clock=self.clock, template_dialog=template_dialog_class(),
                                 parent=self)
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.finished.connect(self._wizard_closed)
        self.wizard.open()

    def _wizard_closed(self, _result: int) -> None:
        wizard = self.wizard
        if wizard is not None and wizard.saved_id is not None:
            self.select_rule(wizard.saved_id)

    def _main_page(self, key: str) -> QWidget | None:
        window = self.window()
        pages = getattr(window, "page_by_key", None)
        return pages.get(key) if isinstance(pages, dict) else None

    # --- actions ---------------------------------------------------------------------------
    def set_enabled(self, rule_id: int, enabled: bool, force: bool = False) -> None:
        now = self.clock()
        (CollectionOp(self.runner, lambda c: q.set_enabled(c, rule_id, enabled, now, force),
                      OpChanges(rules=True), parent=self, initiator=self)
         .success(lambda conflicts: self._after_toggle(rule_id, conflicts)).run_in_background())

    def _after_toggle(self, rule_id: int, conflicts: list[Conflict]) -> None:
        if not conflicts:
            return
        text = self.tr("Enabling this rule causes these problems:") + "\n\n" + "\n".join(
            f"• {c.message}" for c in conflicts) + "\n\n" + self.tr("Enable it anyway?")
        self.dialog = confirm(self, self.tr("Enable rule"), text, lambda: self.set_enabled(rule_id, True, True))

    def toggle_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.set_enabled(row.id, not row.enabled)

    def duplicate_selected(self) -> None:
        rule_id, now = self.selected_id(), self.clock()
        if rule_id is None:
            return
        (CollectionOp(self.runner, lambda c: q.duplicate_rule(c, rule_id, now), OpChanges(rules=True),
                      parent=self, initiator=self)
         .success(lambda name: self.select_rule(name)).run_in_background())

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        rule_id = row.id
        text = self.tr("Delete the automatic send “%1”? Its history of sends is deleted too.").replace("%1", row.name)
        self.dialog = confirm(self, self.tr("Delete rule"), text, lambda: self.delete_rule(rule_id))

    def delete_rule(self, rule_id: int) -> None:
        CollectionOp(self.runner, lambda c: q.delete_rule(c, rule_id), OpChanges(rules=True),
                     parent=self, initiator=self).run_in_background()

    def simulate_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        window, page = self.window(), self._main_page("simulation")
        hook = next((getattr(page, n) for n in SIMULATION_HOOKS if callable(getattr(page, n, None))), None)
        if hook is not None and callable(getattr(window, "show_section", None)):
            window.show_section("simulation")  # type: ignore[attr-defined]
            hook(row.name)
            return
        rule_id, now = row.id, self.clock()
        (QueryOp(self.runner, lambda c: q.simulate_rule_now(c, rule_id, now), parent=self)
         .success(lambda result: self._show_simulation(*result)).run_in_background())

    def _show_simulation(self, name: str, counts: dict[str, int], csv_text: str) -> None:
        self.dialog = SimulateDialog(name, counts, csv_text, self, workspace_dir=self.runner.data_dir)
        self.dialog.open()

    def run_selected(self) -> None:
        """Name the rule and how many messages would go now, and ask; a Yes runs it."""
        rule_id, now = self.selected_id(), self.clock()
        if rule_id is None:
            return
        (QueryOp(self.runner, lambda c: run_now_preview(c, rule_id, now), parent=self)
         .success(lambda preview: self._confirm_run(rule_id, preview)).run_in_background())

    def _confirm_run(self, rule_id: int, preview: RunPreview) -> None:
        if not preview.enabled:
            self.run_rule(rule_id)  # answered at once: "disabled, enable it first"
            return
        self.dialog = ask_to_run(self, preview, lambda: self.run_rule(rule_id))

    def run_rule(self, rule_id: int) -> None:
        """Ask the running engine to check this rule now (it sends; this page never does)."""
        now = self.clock()
        self.dialog = None  # the question is answered (and closed)
        (CollectionOp(self.runner, lambda c: q.ask_run_now(c, rule_id, now), OpChanges(), parent=self)
         .success(self._asked).run_in_background())

    def _asked(self, asked: "int | q.RunReport") -> None:
        if isinstance(asked, q.RunReport):
            self.dialog = run_report_box(self, asked)
            return
        wake = getattr(self.window(), "wake_engine", None)
        if callable(wake):
            wake()
        self._waiting = RunWait(self.runner, asked, self, timeout_ms=RUN_NOW_TIMEOUT_MS)
        self._waiting.answered.connect(self._answered)
        self._waiting.start()

    def _answered(self, report: "q.RunReport | None") -> None:
        self.runner.changed.emit(OpChanges(rules=True, contacts=True, groups=True, outbox=True), self)
        self.dialog = run_report_box(self, report)

    def export_rules(self, path: str | None = None, names: list[str] | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rules"), "rules.json",
                                                  self.tr("JSON files (*.json)"))
            if not path:
                return
        target = path
        (QueryOp(self.runner, lambda c: q.export_rules(c, names, target), parent=self)
         .success(lambda count: self._exported(count, target)).run_in_background())

    def _exported(self, count: int, path: str) -> None:
        self.dialog = QMessageBox(QMessageBox.Icon.Information, self.tr("Export rules"),
                                  self.tr("%n rule(s) saved to %1", "", count).replace("%1", path),
                                  QMessageBox.StandardButton.Ok, self)
        self.dialog.setObjectName("export_done")
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def import_rules(self, path: str | None = None, replace: bool | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import rules"), "", self.tr("JSON files (*.json)"))
            if not path:
                return
        if replace is None:
            answer = QMessageBox.question(
                self, self.tr("Import rules"),
                self.tr("Replace rules that have the same name as one in the file? "
                        "(No: the import stops if a name is already used.)"))
            replace = answer == QMessageBox.StandardButton.Yes
        source, now, overwrite = path, self.clock(), replace
        (CollectionOp(self.runner, lambda c: q.import_rules(c, source, now, overwrite), OpChanges(rules=True),
                      parent=self, initiator=self)
         .success(lambda result: self._imported(*result)).run_in_background())

    def _imported(self, created: list[str], replaced: list[str]) -> None:
        text = self.tr("%n rule(s) added", "", len(created))
        if replaced:
            text += "; " + self.tr("%n replaced", "", len(replaced))
        self.dialog = QMessageBox(QMessageBox.Icon.Information, self.tr("Import rules"), text,
                                  QMessageBox.StandardButton.Ok, self)
        self.dialog.setObjectName("import_done")
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
