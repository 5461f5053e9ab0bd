"""The dialog that edits one contact (or creates one) and its group membership.

Values are checked with ``to_db_value`` as the user saves, each error shown under its own
field; the write (``ws.contacts.update`` plus membership changes) is one transaction on
the worker thread, so a refused value leaves the contact exactly as it was.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QScrollArea, QVBoxLayout, QWidget,
)

from desktop.contacts.values import ParseContext, to_db_value
from desktop.errors import InputError
from desktop.messages import Msg
from desktop.fields import FieldSpec
from ui.contacts.field_widgets import FieldEditor, make_editor
from ui.resources import LANGUAGE
from ui.ops import CollectionOp, OpChanges, OpContext, OpRunner, QueryOp
from ui.widgets import error_label, show_field_error
from ui.words import error_text


def load_contact(c: OpContext, contact_id: int | None) -> dict[str, Any]:
    """Everything the dialog shows, read in one worker job."""
    ws = c.ws
    return {
        "contact": ws.contacts.get(contact_id) if contact_id is not None else None,
        "fields": list(ws.fields.all().values()),
        "groups": [(g["id"], g["name"]) for g in ws.groups.list()],
        "member_of": {r[0] for r in ws.db.execute(
            "SELECT group_id FROM memberships WHERE contact_id = ?", [contact_id])},
        "country": ws.settings.get("business.country"),
        "zone": ws.settings.get("business.timezone"),
        "date_order": ws.settings.get("import.date_order"),
    }


def save_contact(c: OpContext, contact_id: int | None, values: dict[str, Any],
                 add: set[int], remove: set[int], now: datetime) -> int:
    ws = c.ws
    try:
        with ws.transaction():
            if contact_id is None:
                contact_id = ws.contacts.create({k: v for k, v in values.items() if v is not None}, now)
            else:
                ws.contacts.update(contact_id, values, now)
            for group_id in add:
                ws.groups.add(group_id, [contact_id], now)
            for group_id in remove:
                ws.groups.remove(group_id, [contact_id])
    except sqlite3.IntegrityError as exc:
        if "contacts.email" in str(exc):
            raise InputError(Msg("contact.email_taken"), "email") from None
        raise
    return contact_id


class ContactDialog(QDialog):
    saved = Signal(int)

    def __init__(self, runner: OpRunner, contact_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contact_dialog")
        self.runner = runner
        self.contact_id = contact_id
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.member_of: set[int] = set()
        self.ctx = ParseContext()
        self.setMinimumSize(720, 520)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form_host = QWidget()
        form_host.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.groups_title = QLabel()
        self.groups_list = QListWidget()
        self.groups_list.setObjectName("groups_list")
        side = QVBoxLayout()
        side.addWidget(self.groups_title)
        side.addWidget(self.groups_list, 1)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(side, 2)
        self.general_error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.addLayout(body, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.loaded = False
        QueryOp(runner, lambda c: load_contact(c, contact_id), parent=self).success(self._build).run_in_background()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New contact") if self.contact_id is None else self.tr("Edit contact"))
        self.groups_title.setText(self.tr("Groups"))
        self.groups_list.setToolTip(self.tr("Tick the groups this contact belongs to"))
        for name, label in self.labels.items():
            label.setText(self.editors[name].spec.label(LANGUAGE.code))
        for editor in self.editors.values():
            editor.retranslate()
        for hint in self.hints.values():
            hint.setText(self._consent_question())

    def _consent_question(self) -> str:
        return self.tr("Has this person agreed to receive e-mails or SMS? Until they confirm, keep "
                       "“Pending”: nothing is sent to them.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _build(self, data: dict[str, Any]) -> None:
        self.ctx = ParseContext(country=data["country"], date_order=data["date_order"], zone=data["zone"])
        contact = data["contact"] or {}
        contact_id_is_new = data["contact"] is None
        specs: list[FieldSpec] = [f for f in data["fields"] if f.editable]
        previous: QWidget | None = None
        for spec in specs:
            editor = make_editor(spec, data["zone"])
            editor.set_value(contact.get(spec.name))
            label = QLabel(spec.label(LANGUAGE.code))
            label.setBuddy(editor.widget)
            error = error_label()
            error.setObjectName(f"error_{spec.name}")
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(editor.widget)
            cell.addWidget(error)
            if contact_id_is_new and spec.name == "email_status":
                self.form.addRow(self._hint())  # a row of its own: wrapped text gets its height
            self.form.addRow(label, cell)
            self.editors[spec.name], self.errors[spec.name], self.labels[spec.name] = editor, error, label
            if previous is not None:
                QWidget.setTabOrder(previous, editor.widget)
            previous = editor.widget
        self.member_of = set(data["member_of"])
        for group_id, name in data["groups"]:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, group_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if group_id in self.member_of else Qt.CheckState.Unchecked)
            self.groups_list.addItem(item)
        if previous is not None:
            QWidget.setTabOrder(previous, self.groups_list)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        if "email" in self.editors:
            self.editors["email"].widget.setFocus()
        self.loaded = True

    def _hint(self) -> QLabel:
        """The consent question above a new contact's statuses (GDPR: ask, never assume)."""
        hint = QLabel(self._consent_question())
        hint.setObjectName("consent_hint")
        hint.setWordWrap(True)
        self.hints["consent"] = hint
        return hint

    def collect(self) -> dict[str, Any] | None:
        """The values to store, or ``None`` after showing each problem under its field."""
        values: dict[str, Any] = {}
        ok = True
        for name, editor in self.editors.items():
            try:
                values[name] = to_db_value(editor.spec, editor.raw(), self.ctx)
                show_field_error(self.errors[name], None)
            except ValueError as exc:
                show_field_error(self.errors[name], error_text(exc))
                ok = False
        if ok and not values.get("email") and not values.get("phone"):
            show_field_error(self.errors["email"], self.tr("A contact needs an e-mail address or a mobile number"))
            ok = False
        return values if ok else None

    def save(self) -> None:
        if not self.loaded:
            return
        show_field_error(self.general_error, None)
        values = self.collect()
        if values is None:
            return
        checked = {self.groups_list.item(i).data(Qt.ItemDataRole.UserRole)
                   for i in range(self.groups_list.count())
                   if self.groups_list.item(i).checkState() == Qt.CheckState.Checked}
        add, remove = checked - self.member_of, self.member_of - checked
        now = datetime.now(timezone.utc)
        contact_id = self.contact_id
        self.buttons.setEnabled(False)
        (CollectionOp(self.runner, lambda c: save_contact(c, contact_id, values, add, remove, now),
                      OpChanges(contacts=True, groups=bool(add or remove)), parent=self, initiator=self)
         .success(self._saved).failure(self._failed).run_in_background())

    def _saved(self, contact_id: int) -> None:
        self.buttons.setEnabled(True)
        self.contact_id = contact_id
        self.saved.emit(contact_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, InputError) and exc.where in self.errors:
            show_field_error(self.errors[exc.where], error_text(exc, bare=True))
        else:
            show_field_error(self.general_error, error_text(exc))
