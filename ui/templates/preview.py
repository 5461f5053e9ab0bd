"""The editor's preview: pick a contact, see the message exactly as they would get it.

Rendering runs on the worker (it reads the contact and their latest event); edits are
debounced and a stale answer (for an older text or another contact) is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QTextBrowser, QVBoxLayout, QWidget,
)

from desktop.templates import Template
from ui.ops import OpRunner, QueryOp
from ui.templates.help import counter_text, cost_text, warning_text
from ui.templates.queries import PreviewResult, find_contacts, render_preview
from ui.widgets import error_label, show_field_error

DEBOUNCE_MS = 300


class PreviewPane(QWidget):
    rendered = Signal(object)  # PreviewResult, for the editor's per-field syntax errors

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_preview")
        self.runner = runner
        self.template: Template | None = None
        self.result: PreviewResult | None = None
        self._serial = 0
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.contact_search = QLineEdit()
        self.contact_search.setObjectName("preview_contact_search")
        self.contact_search.setClearButtonEnabled(True)
        self.contact_box = QComboBox()
        self.contact_box.setObjectName("preview_contact")
        self.subject_label = QLabel()
        self.subject_label.setObjectName("preview_subject")
        self.subject_label.setWordWrap(True)
        self.subject_caption = QLabel()
        self.browser = QTextBrowser()
        self.browser.setObjectName("preview_html")
        self.browser.setOpenLinks(False)
        self.text_caption = QLabel()
        self.text_caption.setWordWrap(True)  # a long caption must not make the pane wide
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("preview_text")
        self.text_view.setReadOnly(True)
        self.sms_counter = QLabel()
        self.sms_counter.setObjectName("preview_sms_counter")
        self.sms_warning = QLabel()
        self.sms_warning.setWordWrap(True)
        self.sms_warning.setStyleSheet("color: #9a6700;")
        self.problem = error_label()
        self.problem.setObjectName("preview_problem")
        self.event_note = QLabel()
        self.event_note.setStyleSheet("color: palette(mid);")
        self.event_note.setWordWrap(True)
        form = QFormLayout()
        self.contact_caption = QLabel()
        form.addRow(self.contact_caption, self.contact_search)
        form.addRow("", self.contact_box)
        form.addRow(self.subject_caption, self.subject_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.browser, 3)
        layout.addWidget(self.text_caption)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.sms_counter)
        layout.addWidget(self.sms_warning)
        layout.addWidget(self.event_note)
        self._render_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._render_timer.timeout.connect(self.refresh)
        self._search_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.search_contacts)
        self.contact_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.contact_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.retranslate_ui()
        self.search_contacts()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Preview"))
        self.contact_caption.setText(self.tr("Contact:"))
        self.contact_search.setPlaceholderText(self.tr("Search a contact by e-mail, name or phone"))
        self.subject_caption.setText(self.tr("Subject:"))
        self.text_caption.setText(self.tr("Text part (what mail programs without HTML show):")
                                  if not self._is_sms() else self.tr("The SMS as sent:"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # Nothing to render for a hidden pane; ``set_template`` starts again when it is shown.
        self._render_timer.stop()
        self._search_timer.stop()
        super().hideEvent(event)

    def _is_sms(self) -> bool:
        return self.template is not None and self.template.channel == "sms"

    # --- contacts ----------------------------------------------------------------------------
    def search_contacts(self) -> None:
        text = self.contact_search.text()
        QueryOp(self.runner, lambda c: find_contacts(c, text), parent=self).success(
            self._show_contacts).run_in_background()

    def _show_contacts(self, found: list[tuple[int, str]]) -> None:
        keep = self.contact_id()
        self.contact_box.blockSignals(True)
        self.contact_box.clear()
        for contact_id, label in found:
            self.contact_box.addItem(label, contact_id)
        index = self.contact_box.findData(keep) if keep is not None else -1
        self.contact_box.setCurrentIndex(index if index >= 0 else (0 if found else -1))
        self.contact_box.blockSignals(False)
        if self.contact_id() != keep:
            self.refresh()

    def contact_id(self) -> int | None:
        value = self.contact_box.currentData()
        return int(value) if value is not None else None

    def choose_contact(self, contact_id: int) -> bool:
        index = self.contact_box.findData(contact_id)
        if index >= 0:
            self.contact_box.setCurrentIndex(index)
        return index >= 0

    # --- rendering ---------------------------------------------------------------------------
    def set_template(self, template: Template, *, now: bool = False) -> None:
        self.template = template
        self.browser.setVisible(template.channel == "email")
        self.subject_label.setVisible(template.channel == "email")
        self.subject_caption.setVisible(template.channel == "email")
        self.text_caption.setText(self.tr("Text part (what mail programs without HTML show):")
                                  if template.channel == "email" else self.tr("The SMS as sent:"))
        if now:
            self.refresh()
        else:
            self._render_timer.start()

    def refresh(self) -> None:
        self._render_timer.stop()
        if self.template is None:
            return
        self._serial += 1
        serial, template, contact_id = self._serial, self.template, self.contact_id()
        (QueryOp(self.runner, lambda c: render_preview(c, template, contact_id), parent=self)
         .success(lambda result: self._rendered(serial, result)).run_in_background())

    def _rendered(self, serial: int, result: PreviewResult) -> None:
        if serial != self._serial:
            return  # an older text or another contact
        self.result = result
        self._show_result()
        self.rendered.emit(result)

    def _show_result(self) -> None:
        result = self.result
        if result is None:
            return
        show_field_error(self.problem, None if result.ok else self.tr("Cannot render for this contact: %1")
                         .replace("%1", result.problem))
        self.subject_label.setText(result.subject)
        self.browser.setHtml(result.html)
        self.text_view.setPlainText(result.text)
        if result.sms is not None:
            self.sms_counter.setText(counter_text(result.sms) + " · " + cost_text(result.sms))
            self.sms_warning.setText(warning_text(result.text))
        else:
            self.sms_counter.clear()
            self.sms_warning.clear()
        self.sms_counter.setVisible(result.sms is not None)
        self.sms_warning.setVisible(bool(self.sms_warning.text()))
        kinds = {"purchase": self.tr("purchase"), "cart_updated": self.tr("cart"),
                 "rss_item": self.tr("new blog post"), "custom": self.tr("custom")}
        kind = kinds.get(result.event_type or "", result.event_type or "")
        self.event_note.setText(self.tr("Event fields (event.…) come from this contact's latest event: %1.")
                                .replace("%1", kind) if result.event_type else "")
