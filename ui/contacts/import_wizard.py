"""The CSV import wizard: choose a file, check the columns, import, read the report.

The engine's import is all-or-nothing: a file with bad rows writes nothing, and the last
page lists each bad row (line, column, reason) and offers to import the good rows only.
Preview and import both run on the worker thread; the import reports progress and can
be cancelled (cancelling rolls the whole transaction back).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QWizard,
    QWizardPage,
)

from desktop.contacts.csv_import import Preview, import_contacts, preview_csv
from desktop.contacts.headers import GROUPS, custom_name
from desktop.contacts.report import ImportReport
from ui.contacts.import_choices import ImportChoices
from ui.contacts.import_report import consent_summary, whole_file_notes
from ui.contacts.saved_mappings_bar import SavedMappingsBar
from ui.ops import CollectionOp, Job, OpChanges, OpContext, OpRunner, QueryOp
from ui.widgets import error_label, show_field_error
from ui.words import error_text, say

ERRORS_SHOWN = 1000
IGNORE = "\x00ignore"


def load_saved(c: OpContext, kind: str) -> dict[str, dict[str, str | None]]:
    from desktop.contacts.saved_mappings import load_mapping, mapping_names

    return {name: load_mapping(c.ws, kind, name) or {} for name in mapping_names(c.ws, kind)}


def load_preview(c: OpContext, path: str, kind: str = "contacts"
                 ) -> tuple[Preview, list[tuple[str, str, str]], list[str]]:
    """The file's preview, the fields ``(name, label_en, label_it)`` and the existing groups."""
    if kind == "events":
        from desktop.events_preview import EVENT_KEYS, preview_events

        return preview_events(path, rows=20), list(EVENT_KEYS), []
    preview = preview_csv(path, rows=20, ws=c.ws)
    fields = [(f.name, f.label_en, f.label_it) for f in c.ws.fields.all().values() if f.editable]
    return preview, fields, [g["name"] for g in c.ws.groups.list()]


def run_import(c: OpContext, path: str, mapping: dict[str, str | None], group: str | None,
               skip_invalid: bool, now: datetime,
               choices: tuple[str | None, str | None, str | None] = (None, None, None),
               kind: str = "contacts", save_as: str | None = None) -> ImportReport:
    def progress(rows: int) -> None:
        c.check()
        c.progress(rows, 0, "")


    consent, status, date_order = choices
    if kind == "events":
        from desktop.events_import import import_events

        report = import_events(c.ws, path, now=now, skip_invalid=skip_invalid, mapping=mapping,
                               date_order=date_order, progress=progress)
    else:
        report = import_contacts(c.ws, path, now=now, group=group, skip_invalid=skip_invalid,
                                 mapping=mapping, consent=consent, status=status, date_order=date_order,
                                 progress=progress)
    if save_as and mapping and report.committed:  # kept for next time only once it worked
        from desktop.contacts.saved_mappings import save_mapping

        with c.ws.transaction():
            save_mapping(c.ws, kind, save_as, mapping)
    return report


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.owner = wizard
        self.path = QLineEdit()
        self.path.setObjectName("import_path")
        self.path.setClearButtonEnabled(True)
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.group = QComboBox()
        self.group.setObjectName("import_group")
        self.group.setEditable(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.path_label, self.group_label = QLabel(), QLabel()
        self.path_label.setBuddy(self.path)
        self.group_label.setBuddy(self.group)
        form = QFormLayout(self)
        form.addRow(self.path_label, row)
        form.addRow(self.group_label, self.group)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose a CSV file"))
        self.setSubTitle(self.tr("Exports from Excel, Google Sheets, Shopify or WooCommerce all work: "
                                 "the encoding and separator are detected for you."))
        self.path_label.setText(self.tr("File:"))
        self.group_label.setText(self.tr("Add everyone to the group (optional):"))
        self.browse.setText(self.tr("Browse…"))
        self.group.setToolTip(self.tr("Pick a group or type a new name; leave empty for none"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), str(Path.home()),
                                                self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()

    def set_groups(self, names: list[str]) -> None:
        current = self.group.currentText()
        self.group.clear()
        self.group.addItem("")
        self.group.addItems(names)
        self.group.setCurrentText(current)


class MappingPage(QWizardPage):
    """Detected encoding and separator, the first rows, and a combo per column."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.owner = wizard
        self.preview: Preview | None = None
        self.combos: dict[str, QComboBox] = {}
        # The import found new contacts without consent that the first rows did not show:
        # from then on Import waits for the choice, whatever the preview says.
        self.consent_asked = False
        self.detected = QLabel()
        self.detected.setObjectName("detected")
        self.problem = error_label()
        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mapping_table")
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.sample = QTableWidget(0, 0)
        self.sample.setObjectName("preview_table")
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_title, self.sample_title = QLabel(), QLabel()
        self.choices = ImportChoices()
        self.saved = SavedMappingsBar(self.apply_mapping)
        for combo in (self.choices.consent, self.choices.status):
            combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.detected)
        layout.addWidget(self.choices)
        layout.addWidget(self.problem)
        layout.addWidget(self.mapping_title)
        layout.addWidget(self.saved)
        layout.addWidget(self.mapping, 3)
        layout.addWidget(self.sample_title)
        layout.addWidget(self.sample, 2)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Choose where each column goes. Columns set to “Ignore” are not imported."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))
        self.mapping_title.setText(self.tr("Columns"))
        self.sample_title.setText(self.tr("First rows of the file"))
        self.mapping.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Example"), self.tr("Goes to")])
        self.choices.retranslate()
        self.saved.retranslate()
        self._detected_text()

    def initializePage(self) -> None:
        self.preview = None
        self.consent_asked = False
        self.combos.clear()
        self.mapping.setRowCount(0)
        self.sample.setRowCount(0)
        self.detected.setText(self.tr("Reading the file…"))
        show_field_error(self.problem, None)
        path = self.owner.file_page.path.text().strip()
        kind = self.owner.kind
        QueryOp(self.owner.runner, lambda c: load_saved(c, kind), parent=self).success(self.saved.set_saved) \
            .run_in_background()
        (QueryOp(self.owner.runner, lambda c: load_preview(c, path, kind), parent=self)
         .success(lambda r: self._show(*r)).failure(self._failed).run_in_background())

    def _failed(self, exc: BaseException) -> None:
        self.detected.setText("")
        show_field_error(self.problem, error_text(exc))
        self.completeChanged.emit()

    def _show(self, preview: Preview, fields: list[tuple[str, str, str]], groups: list[str]) -> None:
        self.preview = preview
        self.choices.kind = self.owner.kind
        self.choices.show_preview(preview)
        self.choices.consent.setVisible(self.owner.kind == "contacts")
        self.choices.status.setVisible(self.owner.kind == "contacts")
        self.choices.consent_label.setVisible(self.owner.kind == "contacts")
        self.choices.status_label.setVisible(self.owner.kind == "contacts")
        self.owner.file_page.set_groups(groups)
        language = self.owner.language
        self.mapping.setRowCount(len(preview.headers))
        for row, header in enumerate(preview.headers):
            example = next((r[row] for r in preview.rows if row < len(r) and r[row].strip()), "")
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            self.mapping.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.setObjectName(f"map_{row}")
            combo.addItem(self.tr("Ignore"), IGNORE)
            for name, en, it in fields:
                combo.addItem(it if language == "it" else en, name)
            contacts = self.owner.kind == "contacts"
            if contacts:
                combo.addItem(self.tr("Groups (names separated by commas)"), GROUPS)
                for target, label in self._special_targets():
                    combo.addItem(label, target)
            suggested = preview.mapping.get(header)
            new_name = custom_name(header) if contacts else ""
            combo.setEnabled(not (preview.preset and not contacts))  # a shop export is read by its preset
            if new_name and new_name not in {f[0] for f in fields}:
                combo.addItem(self.tr("New custom field “%1”").replace("%1", new_name), new_name)
            index = combo.findData(suggested) if suggested else 0
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
            self.mapping.setCellWidget(row, 2, combo)
            self.combos[header] = combo
        self.mapping.resizeColumnsToContents()
        self.sample.setColumnCount(len(preview.headers))
        self.sample.setHorizontalHeaderLabels(preview.headers)
        self.sample.setRowCount(len(preview.rows))
        for r, cells in enumerate(preview.rows):
            for c, cell in enumerate(cells[:len(preview.headers)]):
                self.sample.setItem(r, c, QTableWidgetItem(cell))
        self._detected_text()
        self.completeChanged.emit()

    def _special_targets(self) -> list[tuple[str, str]]:
        """Where a column can go besides a field: what the presets use, offered for any file."""
        return [("full_name", self.tr("Full name (split into first and last name)")),
                ("country", self.tr("Country (for the row's phone numbers; also kept)")),
                ("optin_at", self.tr("Date of the opt-in (consent)")),
                ("email_blocked", self.tr("Do not e-mail (yes = unsubscribed)")),
                ("sms_blocked", self.tr("Do not send SMS (yes = unsubscribed)"))]

    def _detected_text(self) -> None:
        if self.preview is not None:
            self.detected.setText(self.tr("Read as %1, columns separated by “%2”.")
                                  .replace("%1", self.preview.encoding)
                                  .replace("%2", {"\t": "Tab", " ": "␠"}.get(self.preview.delimiter,
                                                                                 self.preview.delimiter)))

    def apply_mapping(self, mapping: dict[str, str | None]) -> None:
        """Set the combos from a saved mapping (columns it does not name keep their choice)."""
        for header, target in mapping.items():
            combo = self.combos.get(header)
            if combo is not None:
                index = combo.findData(IGNORE if target is None else target)
                if index >= 0:
                    combo.setCurrentIndex(index)
        self.completeChanged.emit()

    def chosen_mapping(self) -> dict[str, str | None] | None:
        if self.owner.kind == "events" and self.preview is not None and self.preview.preset:
            return None  # the preset reads the export's own columns
        return {h: (None if c.currentData() == IGNORE else c.currentData()) for h, c in self.combos.items()}

    def isComplete(self) -> bool:
        if self.preview is None:
            return False
        mapping = self.chosen_mapping()
        if mapping is None:
            return True
        chosen = [v for v in mapping.values() if v is not None]
        duplicate = len(chosen) != len(set(chosen))
        has_key = "email" in chosen or "phone" in chosen
        asks = self.consent_asked or self.choices.needs_consent(mapping)
        consent = self.owner.kind == "events" or not asks or bool(self.choices.consent.currentData())
        if duplicate:
            show_field_error(self.problem, self.tr("Two columns go to the same field; change one of them."))
        elif not has_key:
            show_field_error(self.problem, self.tr("One column must hold the e-mail address or the mobile number."))
        elif not consent:
            show_field_error(self.problem, self.tr("Say what the new contacts agreed to: the file does not say."))
        else:
            show_field_error(self.problem, None)
        return has_key and not duplicate and consent


class RunPage(QWizardPage):
    """Runs the import and shows its report; with bad rows, offers the good rows only."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.owner = wizard
        self.report: ImportReport | None = None
        self.job: Job | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setRange(0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.errors = QTableWidget(0, 3)
        self.errors.setObjectName("import_errors")
        self.errors.verticalHeader().hide()
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.good_only = QPushButton()
        self.good_only.setObjectName("import_good_rows")
        self.good_only.clicked.connect(lambda: self.start(skip_invalid=True))
        self.good_only.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.good_only)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import"))
        self.errors.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Column"), self.tr("Problem")])
        self.good_only.setText(self.tr("Import the good rows only"))
        self.good_only.setToolTip(self.tr("Import every row without problems and leave the bad rows out"))
        if self.report is not None:
            self._summary_text()

    def initializePage(self) -> None:
        self.start(skip_invalid=False)

    def cleanupPage(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def start(self, skip_invalid: bool) -> None:
        self.report = None
        self.good_only.hide()
        self.errors.setRowCount(0)
        self.errors.hide()
        self.progress.show()
        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("Importing…"))
        self.completeChanged.emit()
        path = self.owner.file_page.path.text().strip()
        mapping = self.owner.mapping_page.chosen_mapping()
        group = self.owner.file_page.group.currentText().strip() or None
        choices = self.owner.mapping_page.choices.chosen()
        kind = self.owner.kind
        save_as = self.owner.mapping_page.saved.name()
        now = datetime.now(timezone.utc)
        self.job = (CollectionOp(self.owner.runner,
                                 lambda c: run_import(c, path, mapping, group, skip_invalid, now, choices, kind,
                                                      save_as),
                                 OpChanges(contacts=True, groups=True, fields=True), parent=self, initiator=self)
                    .progress_to(self._progress).success(self._done).failure(self._failed)
                    .cancelled(self._cancelled).run_in_background())

    def _progress(self, rows: int, _total: int, _label: str) -> None:
        self.summary.setText(self.tr("Importing… %1 rows read").replace("%1", QLocale().toString(rows)))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self.summary.setText(self.tr("The file was not imported: %1").replace("%1", error_text(exc)))

    def _cancelled(self) -> None:
        self.job = None
        self.progress.hide()
        self.summary.setText(self.tr("Import cancelled: nothing was written."))

    def _done(self, report: ImportReport) -> None:
        self.job = None
        self.report = report
        if report.consent_undecided:  # "go back and say what they agreed to": with a Back button
            self.owner.mapping_page.consent_asked = True
        self.owner.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, not report.consent_undecided)
        self.progress.hide()
        self._summary_text()
        shown = report.errors[:ERRORS_SHOWN]
        self.errors.setVisible(bool(shown))
        self.errors.setRowCount(len(shown))
        for row, error in enumerate(shown):
            line = QTableWidgetItem()
            line.setData(Qt.ItemDataRole.DisplayRole, error.line)
            self.errors.setItem(row, 0, line)
            self.errors.setItem(row, 1, QTableWidgetItem(error.column))
            self.errors.setItem(row, 2, QTableWidgetItem(say(error.coded or error.reason)))
        self.good_only.setVisible(not report.committed and report.invalid > 0)
        self.completeChanged.emit()

    def _summary_text(self) -> None:
        report = self.report
        assert report is not None
        n = QLocale().toString
        counts = self.tr("Rows read: %1 · new: %2 · updated: %3 · unchanged: %4 · duplicates merged: %5 · bad: %6") \
            .replace("%1", n(report.rows)).replace("%2", n(report.created)).replace("%3", n(report.updated)) \
            .replace("%4", n(report.unchanged)).replace("%5", n(report.duplicates_in_file)) \
            .replace("%6", n(report.invalid))
        if report.consent_undecided:
            verdict = self.tr("Nothing was imported: %1 new contacts have no consent in the file. Go back and "
                              "say what they agreed to.").replace("%1", n(report.consent_undecided))
        elif report.committed and report.invalid:
            verdict = self.tr("Imported; the bad rows below were left out.")
        elif report.committed:
            verdict = self.tr("Imported.")
        else:
            verdict = self.tr("Nothing was imported because of the bad rows below. Correct the file and "
                              "import it again, or import the good rows only.")
        extra = ""
        if report.new_fields:
            extra = "\n" + self.tr("New custom fields: %1").replace("%1", ", ".join(report.new_fields))
        consent = consent_summary(report, self.owner.language)
        if consent:
            extra += "\n" + consent
        extra += whole_file_notes(report)
        more = ""
        if len(report.errors) > ERRORS_SHOWN:
            more = "\n" + self.tr("The first %1 problems are listed.").replace("%1", n(ERRORS_SHOWN))
        self.summary.setText(f"{verdict}\n{counts}{extra}{more}")

    def isComplete(self) -> bool:
        return self.report is not None and self.report.committed


class ImportWizard(QWizard):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None, language: str | None = None,
                 kind: str = "contacts") -> None:
        super().__init__(parent)
        from ui.resources import LANGUAGE

        self.kind = kind  # "contacts", or "events": purchases and the other events, same pages
        self.setObjectName("import_wizard")
        self.runner = runner
        self.language = language or LANGUAGE.code
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.run_page):
            self.addPage(page)
        self.resize(860, 640)
        self.rejected.connect(self.run_page.cleanupPage)
        self.retranslate_ui()
        self.file_page.group.setVisible(kind == "contacts")
        self.file_page.group_label.setVisible(kind == "contacts")
        QueryOp(runner, lambda c: [g["name"] for g in c.ws.groups.list()], parent=self) \
            .success(self.file_page.set_groups).run_in_background()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import contacts") if self.kind == "contacts" else self.tr("Import events"))
        for page in (self.file_page, self.mapping_page, self.run_page):
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
