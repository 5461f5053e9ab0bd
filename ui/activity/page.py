"""The Activity page: what the outbox did (ledger rows, newest first), the messages whose
fate a crash left unknown, and the latest errors of rule checks."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFrame, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from desktop.messages import text
from desktop.timeutil import from_db
from ui.activity.model import LedgerModel
from ui.activity.queries import ActivityFilter, activity_context, ledger_page, mark_uncertain
from ui.ops import CollectionOp, OpChanges, OpRunner, QueryOp
from ui.resources import LANGUAGE
from ui.tray.words import say
from ui.widgets import PAGE_MARGINS, Heading
from ui.dates import date_edit_format, format_datetime

FILTER_STATES = ("planned", "deferred", "sent", "failed", "skipped", "dropped", "uncertain")


class ActivityPage(QWidget):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_activity")
        self.runner = runner
        self.zone = "Europe/Rome"
        self.uncertain = 0
        self.errors: list[tuple[str, str, str]] = []
        self._serial = 0
        self.heading = Heading()
        self.banner = QFrame()
        self.banner.setObjectName("uncertain_banner")
        self.banner.setStyleSheet("#uncertain_banner { background: #fdecea; border: 1px solid #b3261e; "
                                  "border-radius: 6px; } QLabel { color: #5f1410; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.show_uncertain = QPushButton()
        self.mark_sent = QPushButton()
        self.mark_sent.setObjectName("mark_sent")
        self.mark_failed = QPushButton()
        self.mark_failed.setObjectName("mark_failed")
        self.show_uncertain.clicked.connect(lambda: self.set_state_filter("uncertain"))
        self.mark_sent.clicked.connect(lambda: self.mark_selected("sent"))
        self.mark_failed.clicked.connect(lambda: self.mark_selected("failed"))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        for button in (self.show_uncertain, self.mark_sent, self.mark_failed):
            banner_layout.addWidget(button)
        self.banner.hide()
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("activity_state")
        self.state_filter.addItem("", "")
        for state in FILTER_STATES:
            self.state_filter.addItem("", state)
        self.rule_filter = QComboBox()
        self.rule_filter.setObjectName("activity_rule")
        self.rule_filter.addItem("", None)
        self.use_dates = QCheckBox()
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.reload())
        self.use_dates.toggled.connect(self._dates_toggled)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.rule_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = LedgerModel(self)
        self.model.more_wanted.connect(self._load_more)
        self.model.modelReset.connect(self._update_buttons)
        self.table = QTableView()
        self.table.setObjectName("activity_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(140)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.count_label = QLabel()
        self.errors_title = QLabel()
        self.errors_list = QListWidget()
        self.errors_list.setObjectName("rule_errors")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.send_again = QPushButton()
        self.send_again.setObjectName("send_again")
        self.send_again.clicked.connect(lambda: self.mark_selected("planned"))
        self.show_log = QPushButton()
        self.show_log.setObjectName("show_log")
        self.show_log.clicked.connect(self.open_log)
        self._build_layout()
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self._update_buttons()
        self.refresh()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        self.state_caption, self.rule_caption = QLabel(), QLabel()
        filters.addWidget(self.state_caption)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.rule_caption)
        filters.addWidget(self.rule_filter, 1)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.until)
        filters.addStretch(1)
        filters.addWidget(self.send_again)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.show_log)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.errors_title)
        bottom_layout.addWidget(self.errors_list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([520, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

    def open_log(self) -> None:
        """The workspace's rotating log, in a window of its own."""
        from ui.activity.log_view import LogDialog

        self.log_dialog = LogDialog(self.runner.data_dir, self)
        self.log_dialog.show()

    def retranslate_ui(self) -> None:
        for edit in (self.since, self.until):  # dates are written one way per language
            edit.setDisplayFormat(date_edit_format())
        self.heading.setText(self.tr("Activity"))
        states = {"planned": self.tr("Planned"), "deferred": self.tr("Deferred"), "sending": self.tr("Sending"),
                  "sent": self.tr("Sent"), "failed": self.tr("Failed"), "skipped": self.tr("Skipped"),
                  "dropped": self.tr("Dropped"), "uncertain": self.tr("Uncertain"), "applied": self.tr("Group change")}
        self.state_caption.setText(self.tr("State:"))
        self.rule_caption.setText(self.tr("Rule:"))
        self.state_filter.setItemText(0, self.tr("All states"))
        for index, state in enumerate(FILTER_STATES, start=1):
            self.state_filter.setItemText(index, states[state])
        self.rule_filter.setItemText(0, self.tr("All rules"))
        self.use_dates.setText(self.tr("Between"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.show_log.setText(say("tray.show_log"))
        self.show_uncertain.setText(self.tr("Show them"))
        self.mark_sent.setText(self.tr("Mark selected as sent"))
        self.mark_failed.setText(self.tr("Mark selected as failed"))
        self.send_again.setText(self.tr("Send again"))
        self.send_again.setToolTip(self.tr("Queue the selected failed or uncertain messages to go out again now"))
        self.errors_title.setText(self.tr("Latest rule-check errors"))
        self.model.set_texts([self.tr("Time"), self.tr("Rule"), self.tr("Contact"), self.tr("Channel"),
                              self.tr("State"), self.tr("Reason"), self.tr("Provider id")], states,
                             {"email": "E-mail", "sms": "SMS", "group": self.tr("Group")})
        self._banner_text()
        self._count_text()
        self._show_errors()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        QueryOp(self.runner, activity_context, parent=self).success(self._context_loaded).run_in_background()

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.touches("outbox", "rules") and initiator is not self:
            self.refresh()

    def _context_loaded(self, context: dict[str, Any]) -> None:
        self.zone = context["zone"]
        self.model.zone = ZoneInfo(self.zone)
        self.uncertain = context["uncertain"]
        self.errors = context["errors"]
        keep = self.rule_filter.currentData()
        self.rule_filter.blockSignals(True)
        while self.rule_filter.count() > 1:
            self.rule_filter.removeItem(1)
        for rule_id, name in context["rules"]:
            self.rule_filter.addItem(name, rule_id)
        index = self.rule_filter.findData(keep) if keep is not None else 0
        self.rule_filter.setCurrentIndex(max(index, 0))
        self.rule_filter.blockSignals(False)
        self._banner_text()
        self._show_errors()
        self.reload()

    def current_filter(self) -> ActivityFilter:
        state = self.state_filter.currentData()
        since = until = None
        if self.use_dates.isChecked():
            since, until = self._date(self.since), self._date(self.until)
        return ActivityFilter((state,) if state else (), self.rule_filter.currentData(), since, until)

    @staticmethod
    def _date(edit: QDateEdit) -> date:
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def reload(self) -> None:
        """Read the first page again with the current filters (older answers are dropped)."""
        self._serial += 1
        serial, flt, zone = self._serial, self.current_filter(), self.zone
        (QueryOp(self.runner, lambda c: ledger_page(c, flt, zone), parent=self)
         .success(lambda rows: self._first_page(serial, rows)).run_in_background())

    def _first_page(self, serial: int, rows: list) -> None:
        if serial == self._serial:
            self.model.reset_rows(rows)
            self._count_text()

    def _load_more(self, before_id: int) -> None:
        serial, flt, zone = self._serial, self.current_filter(), self.zone
        (QueryOp(self.runner, lambda c: ledger_page(c, flt, zone, before_id), parent=self)
         .success(lambda rows: self._more(serial, rows)).run_in_background())

    def _more(self, serial: int, rows: list) -> None:
        if serial == self._serial:
            self.model.append_rows(rows)
            self._count_text()

    def set_state_filter(self, state: str) -> None:
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(state)))

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.reload()

    # --- texts -------------------------------------------------------------------------------
    def _banner_text(self) -> None:
        self.banner.setVisible(self.uncertain > 0)
        self.banner_text.setText(self.tr(
            "%n message(s) may or may not have gone out after a crash — Postino will not resend them; "
            "check them and mark them as sent or failed.", "", self.uncertain))

    def _count_text(self) -> None:
        shown = len(self.model.rows)
        more = self.tr(" (scroll for older ones)") if self.model.has_more else ""
        self.count_label.setText(self.tr("%n row(s) shown", "", shown) + more)

    def _show_errors(self) -> None:
        self.errors_list.clear()
        tz = ZoneInfo(self.zone)
        for checked_at, rule, error in self.errors:
            self.errors_list.addItem(f"{format_datetime(from_db(checked_at).astimezone(tz))} · {rule}: "
                                     f"{text(error, LANGUAGE.code)}")
        if not self.errors:
            self.errors_list.addItem(self.tr("No errors in recent rule checks."))

    # --- marking -----------------------------------------------------------------------------
    def selected_in(self, *states: str) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r].id for r in sorted(rows) if self.model.rows[r].state in states]

    def selected_uncertain(self) -> list[int]:
        return self.selected_in("uncertain")

    def _update_buttons(self) -> None:
        some = bool(self.selected_uncertain())
        self.mark_sent.setEnabled(some)
        self.mark_failed.setEnabled(some)
        self.send_again.setEnabled(bool(self.selected_in("failed", "uncertain")))

    def mark_selected(self, state: str) -> None:
        """Every move goes through the ledger (``LedgerStore.settle``)."""
        ids = self.selected_in("failed", "uncertain") if state == "planned" else self.selected_uncertain()
        if not ids:
            return
        now = datetime.now(timezone.utc)
        (CollectionOp(self.runner, lambda c: mark_uncertain(c, ids, state, now), OpChanges(outbox=True),
                      parent=self, initiator=self)
         .success(lambda _n: self.refresh()).run_in_background())

    def focus_search(self) -> None:
        self.state_filter.setFocus()
