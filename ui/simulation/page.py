"""The Simulation page: choose rules and a period, run the simulator off the UI thread, and
read the answer on a zoomable timeline and in a filterable table (exportable as CSV)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateTimeEdit, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QScrollBar, QSlider, QSpinBox, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from ui.ops import Job, OpChanges, OpRunner, QueryOp
from ui.resources import icon
from ui.simulation.lanes import Marker
from ui.simulation.run import MAX_DAYS, PROGRESS_STEPS, SimRun, business_zone, rule_choices, run_simulation, write_csv
from ui.simulation.table import SimulationTableModel
from ui.simulation.timeline import MIN_SPAN, TimelineWidget
from ui.widgets import PAGE_MARGINS, Heading
from ui.dates import datetime_edit_format

ZOOM_STEPS = 1000


class SimulationPage(QWidget):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_simulation")
        self.runner = runner
        self.run_data: SimRun | None = None
        self.job: Job | None = None
        self._pending_rule: str | None = None
        self._loaded = False
        self._marker: Marker | None = None
        self.heading = Heading()
        self.rules_caption = QLabel()
        self.rules = QListWidget()
        self.rules.setObjectName("simulation_rules")
        self.rules.setMaximumHeight(130)
        self.start = QDateTimeEdit()
        self.start.setObjectName("simulation_start")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(datetime_edit_format())
        self.start.setDateTime(QDateTime.currentDateTime())
        self.days = QSpinBox()
        self.days.setObjectName("simulation_days")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(7)
        self.run_button = QPushButton(icon("simulation"), "")
        self.run_button.setObjectName("simulation_run")
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("simulation_cancel")
        self.cancel_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("simulation_status")
        self.status.setWordWrap(True)
        self.timeline = TimelineWidget()
        self.timeline.row_label = self._row_label
        self.timeline.channels = lambda row: self.model.rows[row].channel
        self.timeline.view_changed.connect(self._view_changed)
        self.timeline.marker_clicked.connect(self.show_marker)
        self.zoom_caption = QLabel()
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setObjectName("simulation_zoom")
        self.zoom.setRange(0, ZOOM_STEPS)
        self.zoom.setValue(ZOOM_STEPS)
        self.zoom.valueChanged.connect(self._zoom_moved)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(lambda: self.timeline.set_span(self.timeline.full_span()))
        self.scroll = QScrollBar(Qt.Orientation.Horizontal)
        self.scroll.valueChanged.connect(self._scrolled)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.model = SimulationTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("simulation_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(130)
        self.search = QLineEdit()
        self.search.setObjectName("simulation_search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text))
        self.rule_filter = QComboBox()
        self.rule_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(rule=self.rule_filter.currentData() or ""))
        self.show_filter = QComboBox()
        self.show_filter.addItems(["", "", ""])
        self.show_filter.currentIndexChanged.connect(
            lambda i: self.model.set_filter(show=("all", "sent", "not_sent")[max(i, 0)]))
        self.marker_note = QLabel()
        self.marker_note.setObjectName("simulation_marker_note")
        self.clear_marker = QPushButton()
        self.clear_marker.clicked.connect(self.clear_marker_filter)
        self.export_button = QPushButton(icon("save"), "")
        self.export_button.setObjectName("simulation_export")
        self.export_button.clicked.connect(self.ask_export)
        self._build_layout()
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self._update_buttons()
        self.refresh_zone()
        self.refresh_rules()

    def _build_layout(self) -> None:
        form = QFormLayout()
        self.start_caption, self.days_caption = QLabel(), QLabel()
        form.addRow(self.start_caption, self.start)
        form.addRow(self.days_caption, self.days)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        rules_box = QVBoxLayout()
        rules_box.addWidget(self.rules_caption)
        rules_box.addWidget(self.rules)
        controls = QHBoxLayout()
        controls.addLayout(rules_box, 2)
        controls.addLayout(form, 1)
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.zoom_caption)
        zoom_row.addWidget(self.zoom, 1)
        zoom_row.addWidget(self.fit_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(zoom_row)
        top_layout.addWidget(self.timeline, 1)
        top_layout.addWidget(self.scroll)
        top_layout.addWidget(self.legend)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.rule_filter, 1)
        filters.addWidget(self.show_filter)
        filters.addWidget(self.marker_note)
        filters.addWidget(self.clear_marker)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(filters)
        bottom_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([320, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.heading)
        layout.addLayout(controls)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def retranslate_ui(self) -> None:
        self.start.setDisplayFormat(datetime_edit_format())
        self.heading.setText(self.tr("Simulation"))
        self.rules_caption.setText(self.tr("Rules to simulate (disabled rules run as if enabled):"))
        self.start_caption.setText(self.tr("Start:"))
        self.days_caption.setText(self.tr("Days:"))
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("How far ahead to look (1 to 90 days)"))
        self.run_button.setText(self.tr("Run simulation"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.zoom_caption.setText(self.tr("Zoom (hours ↔ days):"))
        self.zoom.setToolTip(self.tr("Or use the mouse wheel on the timeline; Shift+wheel or drag to move"))
        self.fit_button.setText(self.tr("Whole period"))
        self.legend.setText(self.tr("Shaded: quiet hours (in the rule's zone; the business zone for rules that "
                                    "follow each recipient's zone). Grey ticks: checks. Dots: sends; a number is "
                                    "several sends close together — click to list them."))
        self.timeline.empty_text = self.tr("Choose rules and a period, then “Run simulation”. Nothing is sent.")
        self.search.setPlaceholderText(self.tr("Filter by recipient, rule, message or reason"))
        self.show_filter.setItemText(0, self.tr("Sent and not sent"))
        self.show_filter.setItemText(1, self.tr("Only sends"))
        self.show_filter.setItemText(2, self.tr("Only not sent"))
        self.clear_marker.setText(self.tr("Show all rows"))
        self.export_button.setText(self.tr("Export CSV…"))
        self._fill_rule_filter()
        self.model.set_texts(
            [self.tr("Local time"), self.tr("Zone"), self.tr("Rule"), self.tr("Recipient"), self.tr("Channel"),
             self.tr("Message"), self.tr("Outcome"), self.tr("Reason")],
            {"send": self.tr("Sent"), "group": self.tr("Group change"), "already_sent": self.tr("Already sent"),
             "no_consent": self.tr("No consent"), "no_address": self.tr("No address"),
             "schedule": self.tr("Not allowed by the schedule"), "cap_dropped": self.tr("Frequency cap"),
             "template_error": self.tr("Template error"), "failed": self.tr("Failed"),
             "after_horizon": self.tr("After the period"), "error": self.tr("Rule error"),
             "skipped": self.tr("Skipped"), "dropped": self.tr("Dropped"), "uncertain": self.tr("Uncertain")},
            {"email": self.tr("E-mail"), "sms": self.tr("SMS"), "group": self.tr("Group")})
        self._status_text()
        self._marker_text()
        self.timeline.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- rules ---------------------------------------------------------------------------------
    def refresh_rules(self) -> None:
        QueryOp(self.runner, rule_choices, parent=self).success(self._show_rules).run_in_background()

    def refresh_zone(self) -> None:
        QueryOp(self.runner, business_zone, parent=self).success(self._zone_loaded).run_in_background()

    def _zone_loaded(self, zone: str) -> None:
        """The start is shown in the business zone, like every other time in the app (it was
        the PC's clock: 19:08 beside the rules' 20:08); the moment chosen stays the same."""
        tz = QTimeZone(zone.encode())
        if not tz.isValid():
            return
        moment = self.start.dateTime()
        self.start.setTimeZone(tz)
        self.start.setDateTime(moment)

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.touches("settings"):
            self.refresh_zone()
        if changes.touches("rules"):
            self.refresh_rules()

    def _show_rules(self, choices: list[tuple[str, bool]]) -> None:
        previous = {self.rules.item(i).text(): self.rules.item(i).checkState() for i in range(self.rules.count())}
        self.rules.clear()
        for name, enabled in choices:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            default = Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked
            item.setCheckState(previous.get(name, default) if self._loaded else default)
            self.rules.addItem(item)
        self._loaded = True
        self._update_buttons()
        self._status_text()  # the words said before the list arrived are replaced
        if self._pending_rule is not None:
            name, self._pending_rule = self._pending_rule, None
            self.simulate_rule(name)

    def checked_rules(self) -> list[str]:
        return [self.rules.item(i).text() for i in range(self.rules.count())
                if self.rules.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, names: list[str]) -> None:
        wanted = {n.casefold() for n in names}
        for i in range(self.rules.count()):
            item = self.rules.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text().casefold() in wanted else Qt.CheckState.Unchecked)

    def simulate_rule(self, name: str) -> None:
        """Preselect only ``name`` and run (the rule list's "Simulate" action)."""
        if not self._loaded or name.casefold() not in {self.rules.item(i).text().casefold()
                                                       for i in range(self.rules.count())}:
            if self._loaded and self._pending_rule is None:
                self._pending_rule = name  # a rule saved a moment ago: read the list once more
                self.refresh_rules()
            return
        self.set_checked([name])
        self.run()

    # --- running -------------------------------------------------------------------------------
    def start_time(self) -> datetime:
        return datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch(), timezone.utc)

    def run(self) -> Job | None:
        if self.job is not None:
            return None
        names, start, days = self.checked_rules(), self.start_time(), self.days.value()
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Simulating…"))
        self.job = (QueryOp(self.runner, lambda c: run_simulation(c, start, days, names), parent=self)
                    .progress_to(lambda done, _total, _label: self.progress.setValue(done))
                    .success(self._finished).cancelled(self._cancelled).failure(self._failed)
                    .run_in_background())
        if self.job.done:  # a synchronous runner already delivered
            self.job = None
        self._update_buttons()
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _end_job(self) -> None:
        self.job = None
        self.progress.hide()
        self._update_buttons()

    def _finished(self, data: SimRun) -> None:
        self._end_job()
        self.run_data = data
        self.model.set_rows(data.rows)
        self.timeline.set_data(data.timeline)
        self.timeline.setMinimumHeight(self.timeline.sizeHint().height())
        self._fill_rule_filter()
        self._status_text()
        self._marker_text()

    def _cancelled(self) -> None:
        self._end_job()
        self.status.setText(self.tr("Simulation cancelled; nothing was changed."))

    def _failed(self, error: BaseException) -> None:
        self._end_job()
        self.status.setText("")
        self.runner.error_handler(self, error)
        self._status_text()

    def _update_buttons(self) -> None:
        running = self.job is not None
        self.run_button.setEnabled(not running and self.rules.count() > 0)
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(self.run_data is not None and not running)

    def _status_text(self) -> None:
        data = self.run_data
        if self.job is not None:
            return
        if data is None:
            # Only once the list has been read: before that, an empty list means "not loaded yet".
            none = self._loaded and not self.rules.count()
            self.status.setText(self.tr("No rules yet: create one in “Automatic sends”.") if none else "")
            return
        result = data.result
        locale = QLocale()
        self.status.setText(
            self.tr("%1 sends, %2 group changes, %3 not sent · %4 checks · computed in %5 s")
            .replace("%1", locale.toString(len(result.sends))).replace("%2", locale.toString(len(result.group_changes)))
            .replace("%3", locale.toString(len(result.not_sent))).replace("%4", locale.toString(len(result.checks)))
            .replace("%5", locale.toString(data.seconds, "f", 1)))

    def _fill_rule_filter(self) -> None:
        keep = self.rule_filter.currentData()
        self.rule_filter.blockSignals(True)
        self.rule_filter.clear()
        self.rule_filter.addItem(self.tr("All rules"), "")
        for name in (self.run_data.result.rules if self.run_data else []):
            self.rule_filter.addItem(name, name)
        index = self.rule_filter.findData(keep) if keep else 0
        self.rule_filter.setCurrentIndex(max(index, 0))
        self.rule_filter.blockSignals(False)
        self.model.set_filter(rule=self.rule_filter.currentData() or "")

    # --- timeline <-> table ---------------------------------------------------------------------
    def _row_label(self, row: int) -> str:
        item = self.model.rows[row]
        return f"{item.local:%H:%M} {item.name or item.to}"

    def show_marker(self, marker: Marker) -> None:
        """A click on a marker: the table lists just its recipients."""
        self.model.set_filter(only_rows=frozenset(marker.rows))
        self._marker = marker
        self._marker_text()

    def clear_marker_filter(self) -> None:
        self.model.set_filter(only_rows=None)
        self._marker_text()

    def _marker_text(self) -> None:
        active = self.model.only_rows is not None
        self.clear_marker.setVisible(active)
        self.marker_note.setVisible(active)
        if active:
            self.marker_note.setText(self.tr("%n recipient(s) of the chosen marker", "", len(self.model.only_rows or ())))

    def _span_for(self, value: int) -> timedelta:
        full = self.timeline.full_span()
        if full <= MIN_SPAN:
            return full
        ratio = full / MIN_SPAN
        return MIN_SPAN * math.pow(ratio, value / ZOOM_STEPS)

    def _zoom_moved(self, value: int) -> None:
        self.timeline.set_span(self._span_for(value))

    def _view_changed(self) -> None:
        timeline = self.timeline
        full, span = timeline.full_span(), timeline.view_end - timeline.view_start
        if full > MIN_SPAN and span > timedelta(0):
            value = round(math.log(span / MIN_SPAN) / math.log(full / MIN_SPAN) * ZOOM_STEPS)
            self.zoom.blockSignals(True)
            self.zoom.setValue(max(0, min(ZOOM_STEPS, value)))
            self.zoom.blockSignals(False)
        self.scroll.blockSignals(True)
        if timeline.data is not None:
            self.scroll.setRange(0, int((full - span).total_seconds() // 60))
            self.scroll.setPageStep(max(1, int(span.total_seconds() // 60)))
            self.scroll.setValue(int((timeline.view_start - timeline.data.start).total_seconds() // 60))
        self.scroll.blockSignals(False)

    def _scrolled(self, minutes: int) -> None:
        if self.timeline.data is not None:
            start = self.timeline.data.start + timedelta(minutes=minutes)
            self.timeline.set_view(start, start + (self.timeline.view_end - self.timeline.view_start))

    # --- export ---------------------------------------------------------------------------------
    def ask_export(self) -> QFileDialog | None:
        if self.run_data is None:
            return None
        dialog = QFileDialog(self, self.tr("Export the simulation"), "simulation.csv", self.tr("CSV files (*.csv)"))
        dialog.setObjectName("simulation_export_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_csv)
        dialog.open()
        return dialog

    def export_csv(self, path: str) -> None:
        if self.run_data is None or not path:
            return
        result = self.run_data.result
        (QueryOp(self.runner, lambda c: write_csv(c, result, path), parent=self)
         .success(lambda size: self.status.setText(self.tr("Saved %1 (%2 bytes)").replace("%1", path)
                                                   .replace("%2", QLocale().toString(size))))
         .run_in_background())

    def focus_search(self) -> None:
        self.search.setFocus()
