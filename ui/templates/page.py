"""The Templates page: every e-mail and SMS template, with the editor beside the list."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QMenu, QMessageBox, QPushButton, QSplitter,
    QStackedWidget, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget,
)

from desktop.timeutil import from_db
from ui.ops import CollectionOp, OpChanges, OpRunner, QueryOp
from ui.dates import format_datetime
from ui.resources import LANGUAGE, icon
from ui.templates.editor import TemplateEditor
from ui.templates.plain import summary
from ui.templates.queries import TemplateList, TemplateRow, delete_template, duplicate_template, template_list
from ui.widgets import PAGE_MARGINS, EmptyState, Heading, confirm


def channel_icon(channel: str) -> QIcon:
    """A small badge: blue "@" for e-mail, green "SMS" for text messages."""
    pixmap = QPixmap(32, 20)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1a73e8" if channel == "email" else "#188038"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRect(0, 0, 32, 20), 5, 5)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(0, 0, 32, 20), Qt.AlignmentFlag.AlignCenter, "@" if channel == "email" else "SMS")
    painter.end()
    return QIcon(pixmap)


def first_line(row: TemplateRow) -> tuple[str, str]:
    """What the list shows: the subject and first line as text, placeholders as «names»."""
    t = row.template
    labels = {name: pair[1] if LANGUAGE.code == "it" else pair[0] for name, pair in row.labels.items()}
    subject, body = summary(t.channel, t.subject, t.html, t.text, labels)
    shown = " — ".join(part for part in (subject, body) if part)
    return shown, "\n".join(part for part in (subject, body) if part)


LIST_WIDTH = 300  # the list's share (at most a third of the page): name and date readable


class TemplatesPage(QWidget):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_templates")
        self.runner = runner
        self.rows: list[TemplateRow] = []
        self.zone = ZoneInfo("Europe/Rome")  # the business zone, read with the list
        self.heading = Heading()
        self.new_button = QToolButton()
        self.new_button.setObjectName("template_new")
        self.new_button.setIcon(icon("add"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_menu = QMenu(self.new_button)
        self.new_email = self.new_menu.addAction(channel_icon("email"), "")
        self.new_sms = self.new_menu.addAction(channel_icon("sms"), "")
        self.new_email.triggered.connect(lambda: self.new_template("email"))
        self.new_sms.triggered.connect(lambda: self.new_template("sms"))
        self.new_button.setMenu(self.new_menu)
        self.new_button.clicked.connect(lambda: self.new_template("email"))
        self.duplicate_button = QPushButton(icon("add"), "")
        self.delete_button = QPushButton(icon("delete"), "")
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("templates_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per template: the subject elided, whole in the tooltip
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by name A→Z (Qt starts Z→A)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.editor = TemplateEditor(runner)
        self.editor.saved.connect(self._saved)
        self.empty = EmptyState()
        self.right = QStackedWidget()
        self.right.addWidget(self.editor)
        self.right.addWidget(self.empty)
        splitter = QSplitter()
        splitter.setObjectName("templates_splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        # The editor and its preview need the room; the subject line is elided (whole in its tooltip).
        splitter.setSizes([LIST_WIDTH, 900])
        self.splitter = splitter
        self._shared = False  # True once the person moved the splitter
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_shared", True))
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.right.setCurrentWidget(self.empty)
        self._selection_changed()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Templates"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("New e-mail template (Ctrl+N); the arrow offers an SMS template"))
        self.new_email.setText(self.tr("New e-mail template"))
        self.new_sms.setText(self.tr("New SMS template"))
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the template (not possible while a rule uses it)"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Subject / first line"), self.tr("Last change")])
        self.empty.set_texts(self.tr("No template selected"),
                             self.tr("Choose a template on the left, or create one with “New”."))
        if self.rows:  # placeholders are shown by their names in the new language
            self._show(self.rows, self.selected_id())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The list gets ``LIST_WIDTH`` (at most a third) and the editor the rest, until the
        person moves the splitter; from then on their position is kept."""
        super().resizeEvent(event)
        margins = self.layout().contentsMargins()  # the splitter may not have its new size yet
        width = event.size().width() - margins.left() - margins.right() - self.splitter.handleWidth()
        if not self._shared and width > 0:
            listed = min(LIST_WIDTH, width // 3)
            self.splitter.setSizes([listed, width - listed])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- loading -----------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else self.selected_id()
        QueryOp(self.runner, template_list, parent=self).success(
            lambda listed: self._listed(listed, keep)).run_in_background()

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.touches("templates", "rules", "settings") and initiator not in (self, self.editor):
            self.refresh()

    def _listed(self, listed: TemplateList, keep: int | None) -> None:
        self.zone = ZoneInfo(listed.zone)
        self._show(listed.rows, keep)

    def _show(self, rows: list[TemplateRow], keep: int | None) -> None:
        self.rows = rows
        self.table.setSortingEnabled(False)
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            t = row.template
            name = QTableWidgetItem(channel_icon(t.channel), t.name)
            name.setData(Qt.ItemDataRole.UserRole, t.id)
            tip = self.tr("Used by: %1").replace("%1", ", ".join(row.used_by)) if row.used_by else \
                self.tr("Not used by any rule")
            name.setToolTip(tip)
            shown, tip = first_line(row)
            line = QTableWidgetItem(shown)
            line.setToolTip(tip)
            changed = from_db(t.updated_at) if t.updated_at else None
            when = QTableWidgetItem(format_datetime(changed.astimezone(self.zone)) if changed else "")
            when.setData(Qt.ItemDataRole.UserRole + 1, t.updated_at)
            for column, item in enumerate((name, line, when)):
                self.table.setItem(index, column, item)
        self.table.blockSignals(False)
        self.table.setSortingEnabled(True)
        self.table.clearSelection()
        if keep is not None:
            self.select_template(keep)
        self._selection_changed()

    def row_for(self, template_id: int) -> TemplateRow | None:
        return next((r for r in self.rows if r.template.id == template_id), None)

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return self.table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole) if items else None

    def select_template(self, key: int | str) -> bool:
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item.data(Qt.ItemDataRole.UserRole) == key or item.text() == key:
                self.table.selectRow(index)
                return True
        return False

    def _selection_changed(self) -> None:
        template_id = self.selected_id()
        self.duplicate_button.setEnabled(template_id is not None)
        self.delete_button.setEnabled(template_id is not None)
        row = self.row_for(template_id) if template_id is not None else None
        if row is not None and row.template.id != self.editor.template_id:
            if self.editor.dirty and self.right.currentWidget() is self.editor:
                self._ask_about_unsaved(row)  # never drop someone's edits silently
                return
            self.editor.load(row.template)
            self.right.setCurrentWidget(self.editor)
        elif row is None and self.editor.template_id is not None:
            self.right.setCurrentWidget(self.empty)

    # --- actions -----------------------------------------------------------------------------
    def new_item(self) -> None:
        self.new_template("email")

    def new_template(self, channel: str) -> None:
        self.table.clearSelection()
        self.editor.load(None, channel)
        self.right.setCurrentWidget(self.editor)
        self.editor.name.setFocus()

    def save_current(self) -> None:
        if self.right.currentWidget() is self.editor:
            self.editor.save()

    def focus_search(self) -> None:
        self.table.setFocus()

    def _ask_about_unsaved(self, wanted: TemplateRow) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The template you were editing has unsaved changes."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        self.unsaved_box = box

        def answered(button) -> None:
            choice = box.standardButton(button)
            if choice == QMessageBox.StandardButton.Discard:
                self.editor.dirty = False
                self.editor.load(wanted.template)
                self.right.setCurrentWidget(self.editor)
            elif choice == QMessageBox.StandardButton.Save:
                self._after_save = wanted.template.id
                self.editor.save()
            else:  # stay on the edited template
                self._reselect(self.editor.template_id)

        box.buttonClicked.connect(answered)
        box.open()

    def _reselect(self, template_id: int | None) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        if template_id is not None:
            self.select_template(template_id)
        self.table.blockSignals(False)

    def _saved(self, template_id: int, _name: str) -> None:
        wanted = getattr(self, "_after_save", None)
        self._after_save = None
        self.refresh(select=wanted if wanted is not None else template_id)

    def duplicate_selected(self) -> None:
        template_id = self.selected_id()
        if template_id is None:
            return
        now = datetime.now(timezone.utc)
        (CollectionOp(self.runner, lambda c: duplicate_template(c, template_id, now), OpChanges(templates=True),
                      parent=self, initiator=self)
         .success(lambda new_id: self.refresh(select=new_id)).run_in_background())

    def delete_selected(self) -> QMessageBox | None:
        template_id = self.selected_id()
        row = self.row_for(template_id) if template_id is not None else None
        if row is None:
            return None
        if row.used_by:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Delete template"),
                              self.tr("“%1” cannot be deleted: the rules %2 use it. Choose another template "
                                      "in those rules first.").replace("%1", row.template.name)
                              .replace("%2", ", ".join(f"“{n}”" for n in row.used_by)),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("template_in_use_box")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return box
        text = self.tr("Delete the template “%1”? This cannot be undone.").replace("%1", row.template.name)
        return confirm(self, self.tr("Delete template"), text, lambda: self.delete_template(template_id))

    def delete_template(self, template_id: int) -> None:
        (CollectionOp(self.runner, lambda c: delete_template(c, template_id), OpChanges(templates=True),
                      parent=self, initiator=self)
         .success(lambda _r: self._deleted(template_id)).run_in_background())

    def _deleted(self, template_id: int) -> None:
        if self.editor.template_id == template_id:
            self.editor.template_id = None
            self.right.setCurrentWidget(self.empty)
        self.refresh()
