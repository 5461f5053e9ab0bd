"""The decisions shown before an import: the detected format, consent, the file's status, dates.

Postino never decides consent for the person: when the file does not say whether people
agreed to messages, the wizard asks (the Import button stays off until they choose), and
a status the whole file carries (Mailchimp's unsubscribed export, MailUp's Disiscritti)
is shown with the reason it was recognised, so it can be confirmed or changed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from desktop.contacts.csv_import import Preview
from desktop.messages import Msg
from ui.words import say

CHOOSE = ""  # the consent combo's "please choose" entry


class ImportChoices(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_choices")
        self.preview: Preview | None = None
        self.kind = "contacts"  # events files carry no consent
        self.preset = QLabel()
        self.preset.setObjectName("detected_preset")
        self.preset.setWordWrap(True)
        self.consent = QComboBox()
        self.consent.setObjectName("import_consent")
        self.status = QComboBox()
        self.status.setObjectName("import_file_status")
        self.dates = QComboBox()
        self.dates.setObjectName("import_date_order")
        self.consent_label, self.status_label, self.dates_label = QLabel(), QLabel(), QLabel()
        for label, combo in ((self.consent_label, self.consent), (self.status_label, self.status),
                             (self.dates_label, self.dates)):
            label.setBuddy(combo)
            label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.preset)
        form.addRow(self.status_label, self.status)
        form.addRow(self.consent_label, self.consent)
        form.addRow(self.dates_label, self.dates)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Before importing"))
        self._fill(self.consent, [
            (CHOOSE, self.tr("Choose…")),
            ("pending", self.tr("Not asked yet: pending (no messages until they confirm)")),
            ("subscribed", self.tr("They agreed to receive messages: subscribed")),
            ("unsubscribed", self.tr("They did not agree: unsubscribed"))])
        self._fill(self.status, [
            ("none", self.tr("No: read each row's own consent")),
            ("subscribed", self.tr("Everyone in it is subscribed")),
            ("unsubscribed", self.tr("Everyone in it has unsubscribed")),
            ("bounced", self.tr("Everyone in it bounced (address not valid)")),
            ("pending", self.tr("Everyone in it is pending"))])
        self._fill(self.dates, [
            ("", self.tr("Detected from the data (else the setting)")),
            ("dmy", self.tr("Day/month/year (25/12/2025)")),
            ("mdy", self.tr("Month/day/year (12/25/2025)"))])
        self.consent_label.setText(self.tr("New contacts the file says nothing about:"))
        self.status_label.setText(self.tr("The whole file has one status?"))
        self.dates_label.setText(self.tr("Dates like 03/04:"))
        self._preset_text()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, label in items:
            combo.addItem(label, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.status.setCurrentIndex(max(self.status.findData(preview.file_status or "none"), 0))
        self.consent.setCurrentIndex(0)
        self._preset_text()

    def _preset_text(self) -> None:
        preview = self.preview
        if preview is None:
            self.preset.setText("")
            return
        name = (self.tr("Recognised format: %1").replace("%1", preview.preset_label) if preview.preset_label
                else self.tr("No known export format: columns matched by their names."))
        lines = [name]
        if preview.file_status:
            lines.append(self.tr("The file looks like a list of people who are all “%1” (%2).")
                         .replace("%1", say(Msg(f"report.status_{preview.file_status}")))
                         .replace("%2", say(preview.file_status_msg or preview.file_status_why)))
        if self.kind != "contacts":
            pass
        elif preview.consent_columns:
            lines.append(self.tr("Consent is read from: %1").replace("%1", ", ".join(preview.consent_columns)))
        else:
            lines.append(self.tr("The file has no consent column: say below what new contacts agreed to."))
        self.preset.setText("\n".join(lines))

    def needs_consent(self, mapping: dict[str, str | None] | None = None) -> bool:
        """True when the columns as mapped cannot say what new contacts agreed to on a channel
        they have an address for, so the person must choose."""
        preview = self.preview
        if preview is None:
            return False
        chosen = mapping if mapping is not None else preview.mapping
        targets = set(chosen.values())

        def filled(target: str) -> bool:  # in the rows shown: Mailchimp's empty "Phone Number" asks nothing
            columns = [i for i, h in enumerate(preview.headers) if chosen.get(h) == target]
            return any(i < len(row) and row[i].strip() for row in preview.rows for i in columns)

        email_open = filled("email") and not targets & {"email_status", "email_blocked"} and \
            self.status.currentData() in (None, "none")
        sms_open = filled("phone") and not targets & {"sms_status", "sms_blocked"}
        return email_open or sms_open

    def chosen(self) -> tuple[str | None, str | None, str | None]:
        """``(consent policy, file status, date order)`` for ``import_contacts``."""
        consent = self.consent.currentData() or None
        status = self.status.currentData()
        if self.preview is not None and status == "none" and not self.preview.file_status:
            status = None  # nothing detected and nothing chosen
        return consent, status, self.dates.currentData() or None
