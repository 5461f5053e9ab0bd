"""Adding a connection: choose the kind, fill in its few fields; secrets are typed hidden and
go straight to the keyring (never to the database). Validation is the engine's: a wrong
address or a missing key comes back as a message under the form."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.connectors.base import default_every
from desktop.errors import InputError
from ui.connections import ops
from ui.ops import CollectionOp, OpChanges, OpRunner
from ui.widgets import error_label, show_field_error
from ui.words import error_text

KINDS = ("rss", "woocommerce", "shopify", "mailbox", "twilio-replies")
# kind -> the fields it shows, in order; a field ending in "*" is a secret.
FIELDS: dict[str, tuple[str, ...]] = {
    "rss": ("name", "url"),
    "woocommerce": ("name", "url", "key*", "secret*", "consent_field"),
    "shopify": ("name", "shop", "client_id", "client_secret*"),
    "mailbox": ("name", "host", "port", "user", "password*"),
    "twilio-replies": ("name",),
}


class AddConnectionDialog(QDialog):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None,
                 on_added: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_connection_dialog")
        self.runner, self.on_added = runner, on_added
        self.kind = QComboBox()
        self.kind.setObjectName("connection_kind")
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.kind)
        for key in sorted({f for fields in FIELDS.values() for f in fields}):
            edit = QLineEdit()
            edit.setObjectName(f"field_{key.rstrip('*')}")
            if key.endswith("*"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[key] = edit
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], edit)
        self.every = QSpinBox()
        self.every.setObjectName("field_every")
        self.every.setRange(5, 1440)
        self.every_label = QLabel()
        self.form.addRow(self.every_label, self.every)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.retranslate_ui()
        self._kind_changed()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add a connection"))
        names = {"rss": self.tr("Blog feed (RSS or Atom)"), "woocommerce": self.tr("WooCommerce shop"),
                 "shopify": self.tr("Shopify shop"), "mailbox": self.tr("Mailbox (bounces and unsubscribes)"),
                 "twilio-replies": self.tr("SMS replies and delivery (Twilio)")}
        for row, kind in enumerate(KINDS):
            self.kind.setItemText(row, names[kind])
        texts = {"name": self.tr("Name"), "url": self.tr("Address (https://…)"), "key*": self.tr("Consumer key"),
                 "secret*": self.tr("Consumer secret"), "consent_field": self.tr("Opt-in field (optional)"),
                 "shop": self.tr("Shop (name.myshopify.com)"), "client_id": self.tr("App client ID"),
                 "client_secret*": self.tr("App client secret"), "host": self.tr("Mail server (IMAP)"),
                 "port": self.tr("Port"), "user": self.tr("User"), "password*": self.tr("Password")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.every_label.setText(self.tr("Check every (minutes)"))
        self._note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        shown = FIELDS[self.current_kind()]
        for key, edit in self.edits.items():
            self.form.setRowVisible(edit, key in shown)
        self.every.setValue(int(default_every(self.current_kind()).total_seconds() // 60))
        show_field_error(self.error, None)
        self._note()

    def _note(self) -> None:
        notes = {
            "woocommerce": self.tr("WooCommerce has no abandoned carts of its own: orders and customers come in, "
                                   "carts do not. Keys: WooCommerce › Settings › Advanced › REST API (Read)."),
            "shopify": self.tr("Create an app in Shopify's Dev Dashboard with read access to orders and "
                               "customers, install it, and copy its client ID and secret."),
            "mailbox": self.tr("The mailbox your e-mails are sent from: bounces and unsubscribe replies are "
                               "moved to a “Postino” folder; other mail is left alone."),
            "twilio-replies": self.tr("Uses the Twilio account in Settings: STOP and START replies and "
                                      "delivery reports."),
            "rss": self.tr("Posts already in the feed when you connect it are not sent."),
        }
        self.note.setText(notes[self.current_kind()])

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        fields, secrets = {}, {}
        for key in FIELDS[self.current_kind()]:
            text = self.edits[key].text()
            if key.endswith("*"):
                secrets[key.rstrip("*")] = text
            else:
                fields[key] = text
        if self.current_kind() == "mailbox" and fields.get("host") in ("127.0.0.1", "localhost"):
            fields["security"] = "none"          # a mail server on this computer (tests, local relays)
        return fields, secrets

    def submit(self) -> None:
        kind, minutes = self.current_kind(), self.every.value()
        fields, secrets = self.values()
        (CollectionOp(self.runner, lambda c: ops.add(c, kind, fields, secrets, minutes), OpChanges(), parent=self)
         .success(self._added).failure(self._failed).run_in_background())

    def _placed(self, error: InputError) -> str:
        """The refusal after the field's own label ("Indirizzo (https://…): …"), not its key
        ("url: …"); the field is focused so the user can fix it at once."""
        where = str(error.where or "")
        key = next((k for k in FIELDS[self.current_kind()] if k.rstrip("*") == where.lstrip("-")), None)
        if key is None:
            return error_text(error)
        self.edits[key].setFocus()
        return f"{self.labels[key].text()}: {error_text(error, bare=True)}"

    def _added(self, name: str) -> None:
        if self.on_added is not None:
            self.on_added(name)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, InputError):
            show_field_error(self.error, self._placed(error))
        else:
            show_field_error(self.error, f"{type(error).__name__}: {error}")
