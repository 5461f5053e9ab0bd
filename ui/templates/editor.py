"""The template editor (e-mail or SMS) with a field picker and a live preview, and the
dialog other pages open to create a template without leaving what they were doing.

Syntax errors are checked off the UI thread (with every preview) and on save; each is
shown under the field it comes from, using the part named in the engine's ``where``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton,
    QSplitter, QToolButton, QVBoxLayout, QWidget,
)

from desktop.delivery.sms import SegmentInfo
from desktop.errors import InputError
from desktop.templates import Template
from ui.ops import CollectionOp, OpChanges, OpRunner, QueryOp
from ui.resources import LANGUAGE, icon
from ui.templates.help import TemplateHighlighter, describe_sms
from ui.templates.preview import PreviewPane
from ui.templates.queries import EVENT_FIELDS, PreviewResult, field_names, part_of, save_template
from ui.widgets import error_label, show_field_error
from ui.words import error_text


def snippet(name: str) -> str:
    """What the field picker inserts; the cursor lands between the quotes for a fallback."""
    return '{{ ' + name + ' or "" }}'


FIELDS_SHARE = 0.58  # of the editor's width, for the fields (the rest: the preview)


class TemplateEditor(QWidget):
    saved = Signal(int, str)  # template id, name

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_editor")
        self.runner = runner
        self.template_id: int | None = None
        self.channel = "email"
        self.fields: list[tuple[str, str, str]] = []
        self.dirty = False
        self.sms_info: SegmentInfo | None = None
        self.name = QLineEdit()
        self.name.setObjectName("template_name")
        self.subject = QLineEdit()
        self.subject.setObjectName("template_subject")
        self.html = QPlainTextEdit()
        self.html.setObjectName("template_html")
        self.text = QPlainTextEdit()
        self.text.setObjectName("template_text")
        for editor in (self.html, self.text):
            font = editor.font()
            font.setFamily("monospace")
            font.setStyleHint(font.StyleHint.Monospace)
            editor.setFont(font)
            editor.setTabChangesFocus(True)
        self._highlighters = [TemplateHighlighter(self.html.document(), True),
                              TemplateHighlighter(self.text.document(), False)]
        self.errors = {part: error_label() for part in ("name", "subject", "html", "text")}
        for part, label in self.errors.items():
            label.setObjectName(f"error_{part}")
        self.field_button = QToolButton()
        self.field_button.setObjectName("field_picker")
        self.field_button.setIcon(icon("add"))
        self.field_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.field_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.field_menu = QMenu(self.field_button)
        self.field_button.setMenu(self.field_menu)
        self.syntax_help = QLabel()
        self.syntax_help.setWordWrap(True)
        self.syntax_help.setStyleSheet("color: palette(mid);")
        self.sms_counter = QLabel()
        self.sms_counter.setObjectName("sms_counter")
        self.sms_cost = QLabel()
        self.sms_warning = QLabel()
        self.sms_warning.setObjectName("sms_warning")
        self.sms_warning.setWordWrap(True)
        self.sms_warning.setStyleSheet("color: #9a6700;")
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setObjectName("template_save")
        self.save_button.clicked.connect(self.save)
        self.preview = PreviewPane(runner)
        self.preview.rendered.connect(self._show_syntax)
        self.form = QFormLayout()
        self.captions = {key: QLabel() for key in ("name", "subject", "html", "text")}
        self.form.addRow(self.captions["name"], self._with_error(self.name, "name"))
        self.form.addRow(self.captions["subject"], self._with_error(self.subject, "subject"))
        self.form.addRow(self.captions["html"], self._with_error(self.html, "html"))
        self.form.addRow(self.captions["text"], self._with_error(self.text, "text", self.sms_counter,
                                                                  self.sms_cost, self.sms_warning))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.form, 1)
        left_layout.addWidget(self.syntax_help)
        tools = QVBoxLayout()
        tools.addWidget(self.field_button)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        # The fields get the larger share: at the default window size they were squeezed to 60 px
        # (the HTML wrapped every two characters). No hard minimum (the window must still fit a
        # small screen): the shares follow the real width (resizeEvent).
        splitter = QSplitter()
        splitter.setObjectName("template_editor_splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([520, 420])
        self.splitter = splitter
        self._shared = False  # True once the person moved the splitter
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_shared", True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._target: QLineEdit | QPlainTextEdit = self.html
        for widget in (self.subject, self.html, self.text):
            widget.installEventFilter(self)
        self.name.textChanged.connect(self._edited)
        self.subject.textChanged.connect(self._edited)
        self.html.textChanged.connect(self._edited)
        self.text.textChanged.connect(self._edited)
        self.retranslate_ui()
        self._apply_channel()
        QueryOp(runner, field_names, parent=self).success(self._fields_loaded).run_in_background()

    def _with_error(self, widget: QWidget, part: str, *extra: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        for item in extra:
            layout.addWidget(item)
        layout.addWidget(self.errors[part])
        return box

    def retranslate_ui(self) -> None:
        self.captions["name"].setText(self.tr("Name:"))
        self.captions["subject"].setText(self.tr("Subject:"))
        self.captions["html"].setText(self.tr("HTML:"))
        self.captions["text"].setText(self.tr("Text (optional):") if self.channel == "email" else self.tr("SMS text:"))
        self.field_button.setText(self.tr("Insert field"))
        self.field_button.setToolTip(self.tr("Insert a contact or event field at the cursor"))
        self.save_button.setText(self.tr("Save template"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.syntax_help.setText(self.tr(
            "Fields: {{ first_name }}; with a fallback: {{ first_name or \"cliente\" }}. "
            "Conditions: {% if event.amount %}…{% endif %}. Without a text part, one is made from the HTML."))
        self.html.setPlaceholderText(self.tr("<h1>Ciao {{ first_name or \"cliente\" }}!</h1>"))
        self._build_field_menu()
        self._update_counter()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The room is shared by ``FIELDS_SHARE`` until the person moves the splitter; from then
        on their position is kept."""
        super().resizeEvent(event)
        width = event.size().width() - self.splitter.handleWidth()  # the splitter fills the editor
        if not self._shared and width > 0:
            fields = round(width * FIELDS_SHARE)
            self.splitter.setSizes([fields, width - fields])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in (self.subject, self.html, self.text):
            self._target = watched  # type: ignore[assignment]
        return super().eventFilter(watched, event)

    # --- fields ------------------------------------------------------------------------------
    def _fields_loaded(self, fields: list[tuple[str, str, str]]) -> None:
        self.fields = fields
        self._build_field_menu()

    def _build_field_menu(self) -> None:
        self.field_menu.clear()
        contact = self.field_menu.addMenu(self.tr("Contact fields"))
        for name, label_en, label_it in self.fields:
            action = QAction(f"{label_it if LANGUAGE.code == 'it' else label_en}  ({name})", contact)
            action.setData(name)
            action.triggered.connect(lambda _c=False, n=name: self.insert_field(n))
            contact.addAction(action)
        event = self.field_menu.addMenu(self.tr("Event fields"))
        for name in EVENT_FIELDS:
            action = QAction(name, event)
            action.setData(name)
            action.triggered.connect(lambda _c=False, n=name: self.insert_field(n))
            event.addAction(action)
        unsubscribe = QAction(self.tr("Unsubscribe link"), self.field_menu)
        unsubscribe.triggered.connect(lambda: self._insert("{{ unsubscribe_url }}", 0))
        self.field_menu.addAction(unsubscribe)

    def field_actions(self) -> list[str]:
        """The field names the picker offers (contact fields, then event fields)."""
        return [a.data() for menu in self.field_menu.findChildren(QMenu) for a in menu.actions() if a.data()]

    def insert_field(self, name: str) -> None:
        text = snippet(name)
        self._insert(text, len(' or "" }}') - len(' or "'))

    def _insert(self, text: str, back: int) -> None:
        target = self._target if self._target.isVisible() or not self.isVisible() else self.text
        if isinstance(target, QLineEdit):
            target.insert(text)
            target.setCursorPosition(target.cursorPosition() - back)
        else:
            cursor = target.textCursor()
            cursor.insertText(text)
            cursor.setPosition(cursor.position() - back)
            target.setTextCursor(cursor)
        target.setFocus()

    # --- loading and editing -------------------------------------------------------------------
    def load(self, template: Template | None, channel: str = "email") -> None:
        """Show ``template`` (or an empty new one for ``channel``)."""
        self.template_id = template.id if template else None
        self.channel = template.channel if template else channel
        for widget in (self.name, self.subject, self.html, self.text):
            widget.blockSignals(True)
        self.name.setText(template.name if template else "")
        self.subject.setText(template.subject if template else "")
        for line in (self.name, self.subject):
            line.setCursorPosition(0)  # a long subject shows its start, not its end
        self.html.setPlainText(template.html if template else "")
        self.text.setPlainText(template.text if template else "")
        for widget in (self.name, self.subject, self.html, self.text):
            widget.blockSignals(False)
        for label in self.errors.values():
            show_field_error(label, None)
        self._target = self.html if self.channel == "email" else self.text
        self._apply_channel()
        self.dirty = False
        self.preview.set_template(self.current(), now=True)

    def _apply_channel(self) -> None:
        email = self.channel == "email"
        for part in ("subject", "html"):
            self.form.setRowVisible(self.form.getWidgetPosition(self.captions[part])[0], email)
        for label in (self.sms_counter, self.sms_cost, self.sms_warning):
            label.setVisible(not email)
        self.captions["text"].setText(self.tr("Text (optional):") if email else self.tr("SMS text:"))
        self._update_counter()

    def current(self) -> Template:
        return Template(self.template_id or 0, self.name.text().strip(), self.channel, self.subject.text(),
                        self.html.toPlainText(), self.text.toPlainText())

    def data(self) -> dict[str, str]:
        t = self.current()
        if self.channel == "sms":
            return {"name": t.name, "channel": "sms", "subject": "", "html": "", "text": t.text}
        return {"name": t.name, "channel": "email", "subject": t.subject, "html": t.html, "text": t.text}

    def _edited(self) -> None:
        self.dirty = True
        self._update_counter()
        self.preview.set_template(self.current())

    def _update_counter(self) -> None:
        if self.channel != "sms":
            return
        info, counter, cost, warning = describe_sms(self.text.toPlainText())
        self.sms_counter.setText(counter)
        self.sms_cost.setText(cost)
        self.sms_warning.setText(warning)
        self.sms_warning.setVisible(bool(warning))
        self.sms_info = info

    def _show_syntax(self, result: PreviewResult) -> None:
        for part in ("subject", "html", "text"):
            show_field_error(self.errors[part], result.syntax.get(part))

    # --- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        data, template_id = self.data(), self.template_id
        now = datetime.now(timezone.utc)
        for label in self.errors.values():
            show_field_error(label, None)
        (CollectionOp(self.runner, lambda c: save_template(c, template_id, data, now), OpChanges(templates=True),
                      parent=self, initiator=self)
         .success(lambda new_id: self._saved(new_id, data["name"]))
         .failure(self._failed).run_in_background())

    def _saved(self, template_id: int, name: str) -> None:
        self.template_id = template_id
        self.dirty = False
        self.saved.emit(template_id, name)

    def _failed(self, error: BaseException) -> None:
        part = part_of(error) if isinstance(error, InputError) else None
        if part is None:
            self.runner.error_handler(self, error)
            return
        show_field_error(self.errors[part], error_text(error, bare=True))
        {"name": self.name, "subject": self.subject, "html": self.html, "text": self.text}[part].setFocus()


class TemplateDialog(QDialog):
    """A template editor in a window: ``TemplateDialog.create(parent, runner, "sms")``.

    Emits ``created(name)`` after saving, so a rule editor can select the new template.
    """

    created = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_dialog")
        self.editor = TemplateEditor(runner, self)
        self.editor.save_button.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.editor.save)
        self.buttons.rejected.connect(self.reject)
        self.editor.saved.connect(self._saved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 680)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New SMS template") if self.editor.channel == "sms" else self.tr("New e-mail template"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _saved(self, _template_id: int, name: str) -> None:
        self.created.emit(name)
        self.accept()

    @classmethod
    def create(cls, parent: QWidget | None, runner: OpRunner, channel: str = "email",
               **initial: Any) -> "TemplateDialog":
        """Open (window-modal, non-blocking) a dialog for a new ``channel`` template."""
        dialog = cls(runner, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.editor.load(None, channel)
        if initial.get("name"):
            dialog.editor.name.setText(str(initial["name"]))
        dialog.retranslate_ui()
        dialog.open()
        return dialog
