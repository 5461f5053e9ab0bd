"""The settings pages: each names its keys; the SMTP and Twilio pages add a keyring secret."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.contacts.values import normalize_email
from ui.settings.base import SettingsPage
from ui.widgets import error_label
from ui.words import error_text


class GeneralPage(SettingsPage):
    NAME = "general"
    KEYS = ("business.name", "business.timezone", "business.country", "business.quiet_hours",
            "ui.language", "import.date_order", "sandbox", "service.start_at_login", "service.daily_summary",
            "endpoint.enabled", "endpoint.public_url", "endpoint.host", "endpoint.port", "tracking.opens",
            "updates.check_url")

    def title(self) -> str:
        return self.tr("General")

    def intro_text(self) -> str:
        return self.tr("Your business, its time zone and the hours when nobody should be disturbed.")


class LimitsPage(SettingsPage):
    NAME = "limits"
    KEYS = ("smtp.per_minute", "smtp.daily_cap", "sms.per_second", "sms.daily_cap",
            "caps.email_per_week", "caps.sms_per_day", "caps.expiry_days", "stats.attribution_days")

    def title(self) -> str:
        return self.tr("Sending limits")

    def intro_text(self) -> str:
        return self.tr("How fast Postino may send, and how often one contact may receive marketing messages.")


class SecretPage(SettingsPage):
    """An account page: ordinary settings plus a secret that only ever goes to the keyring.

    The secret field starts empty every time (a stored secret is never shown back); typing
    in it replaces the stored one when the settings are saved.
    """

    KIND = ""
    test_requested = Signal(str, str)  # (account kind, recipient)

    def build_extra(self) -> None:
        self.secret = QLineEdit()
        self.secret.setObjectName(f"secret_{self.KIND}")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label = QLabel()
        self.secret_label.setBuddy(self.secret)
        self.secret_state = QLabel()
        self.secret_state.setObjectName(f"secret_state_{self.KIND}")
        self.secret_error = error_label()
        self.secret_error.setObjectName(f"error_secret_{self.KIND}")
        self.secret_error.setTextFormat(Qt.TextFormat.PlainText)
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(self.secret)
        cell.addWidget(self.secret_state)
        cell.addWidget(self.secret_error)
        self.form.addRow(self.secret_label, cell)
        last = list(self.widgets.values())[-1]
        QWidget.setTabOrder(last, self.secret)
        self.stored: bool | None = None
        # "Send a test": the values on this page (saved or not) and the typed or stored secret.
        self.test_to = QLineEdit()
        self.test_to.setObjectName(f"test_to_{self.KIND}")
        self.test_button = QPushButton()
        self.test_button.setObjectName(f"send_test_{self.KIND}")
        self.test_button.clicked.connect(self._ask_test)
        self.test_result = QLabel()
        self.test_result.setObjectName(f"test_result_{self.KIND}")
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)  # quotes the server's own answer
        self.test_result.setWordWrap(True)
        self.test_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.test_to, 1)
        row.addWidget(self.test_button)
        test_cell = QVBoxLayout()
        test_cell.addLayout(row)
        test_cell.addWidget(self.test_result)
        self.form.addRow(self.test_label, test_cell)
        QWidget.setTabOrder(self.secret, self.test_to)
        QWidget.setTabOrder(self.test_to, self.test_button)

    def _ask_test(self) -> None:
        to = self.test_to.text().strip()
        if not to:
            self.show_test_result(False, self.tr("Type where the test should go."))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Sending…"))
        self.test_requested.emit(self.KIND, to)

    def show_test_result(self, ok: bool, answer: str) -> None:
        """The server's exact answer on failure; the provider's message id on success."""
        self.test_button.setEnabled(True)
        if ok:
            self.test_result.setStyleSheet("color: #1b7f3b;")
            self.test_result.setText(self.tr("Sent. The provider's reference: %1").replace("%1", answer))
        else:
            self.test_result.setStyleSheet("color: #b3261e;")
            self.test_result.setText(self.tr("Not sent: %1").replace("%1", answer))

    def set_stored(self, stored: bool | None) -> None:
        """``None`` when the keyring could not be asked (shown as unknown, not as missing)."""
        self.stored = stored
        self._secret_state_text()

    def _secret_state_text(self) -> None:
        if self.stored is None:
            text = self.tr("Keyring not available: the secret cannot be stored on this computer.")
        elif self.stored:
            text = self.tr("Stored in the system keyring. Type a new one to replace it.")
        else:
            text = self.tr("Not stored yet.")
        self.secret_state.setText(text)

    def secret_text(self) -> str:
        return self.secret.text()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "secret"):
            self.secret_label.setText(self.secret_title())
            self.secret.setPlaceholderText(self.tr("Leave empty to keep the stored one"))
            self.secret.setToolTip(self.tr("Kept in the operating system's keyring, never in Postino's files"))
            self._secret_state_text()
            self.test_label.setText(self.tr("Send a test"))
            self.test_button.setText(self.tr("Send test"))
            self.test_button.setToolTip(self.tr("Uses the values on this page as they are now, saved or not"))
            self.test_to.setPlaceholderText(self.test_placeholder())

    def secret_title(self) -> str:
        raise NotImplementedError

    def test_placeholder(self) -> str:
        raise NotImplementedError


class SmtpPage(SecretPage):
    NAME = "smtp"
    KIND = "smtp"
    KEYS = ("smtp.host", "smtp.port", "smtp.security", "smtp.username", "smtp.sender_email", "smtp.sender_name",
            "smtp.ca_bundle", "unsubscribe.mailbox")

    def title(self) -> str:
        return self.tr("E-mail (SMTP)")

    def intro_text(self) -> str:
        return self.tr("The mail server Postino sends e-mails through, and who they come from.")

    def secret_title(self) -> str:
        return self.tr("SMTP password")

    def test_placeholder(self) -> str:
        return self.tr("Your e-mail address")

    def check_extra(self, values: dict[str, Any]) -> dict[str, str]:
        sender = str(values.get("smtp.sender_email") or "")
        if sender:
            try:
                values["smtp.sender_email"] = normalize_email(sender)
            except ValueError as exc:
                return {"smtp.sender_email": error_text(exc)}
        return {}


class TwilioPage(SecretPage):
    NAME = "twilio"
    KIND = "twilio"
    KEYS = ("twilio.account_sid", "twilio.sender", "twilio.messaging_service_sid")

    def title(self) -> str:
        return self.tr("SMS (Twilio)")

    def intro_text(self) -> str:
        return self.tr("Your Twilio account, used to send SMS.")

    def secret_title(self) -> str:
        return self.tr("Twilio auth token")

    def test_placeholder(self) -> str:
        return self.tr("Your mobile number, e.g. +39 333 1234567")


PAGES: tuple[type[SettingsPage], ...] = (GeneralPage, LimitsPage, SmtpPage, TwilioPage)
