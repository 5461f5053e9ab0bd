"""The Statistics page: a period and a rule to look at, KPI tiles, a daily chart of sends,
opens and clicks, and a per-rule table — all read off the UI thread in one query."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QStackedWidget,
    QTableView, QVBoxLayout, QWidget,
)

from ui.ops import OpChanges, OpRunner, QueryOp
from ui.statistics.chart import DailyChart
from ui.statistics.queries import StatsQuery, StatsSnapshot, load_stats, stats_context
from ui.statistics.range_picker import DateRangePicker
from ui.statistics.table_model import RuleStatsModel, sorting_proxy
from ui.statistics.tiles import KpiTiles
from ui.widgets import PAGE_MARGINS, EmptyState, Heading, error_label, show_field_error


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class StatisticsPage(QWidget):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(parent)
        self.setObjectName("page_statistics")
        self.runner = runner
        self.clock = clock
        self.zone = "Europe/Rome"
        self.snapshot: StatsSnapshot | None = None
        self._serial = 0
        self.heading = Heading()
        self.period_caption, self.rule_caption = QLabel(), QLabel()
        self.picker = DateRangePicker(self.today)
        self.picker.changed.connect(self.reload)
        self.rule_filter = QComboBox()
        self.rule_filter.setObjectName("stats_rule")
        self.rule_filter.setMinimumContentsLength(12)
        self.rule_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_filter.addItem("", None)
        self.rule_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("stats_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.range_error = error_label()
        self.tiles = KpiTiles()
        self.chart = DailyChart()
        self.model = RuleStatsModel(self)
        self.proxy = sorting_proxy(self.model)
        self.table = QTableView()
        self.table.setObjectName("stats_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = EmptyState()
        self.empty.title.setWordWrap(True)
        self.apart = QLabel()
        self.apart.setObjectName("stats_without_send")
        self.apart.setWordWrap(True)
        self.apart.hide()
        self.zone_note = QLabel()
        self.zone_note.setStyleSheet("color: palette(placeholder-text);")
        self.zone_note.setWordWrap(True)
        self._build_layout()
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.refresh()

    def _build_layout(self) -> None:
        # Two short rows rather than one long one: the window must fit 800 px at 125 % scaling.
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.rule_caption)
        top.addWidget(self.rule_filter)
        top.addWidget(self.refresh_button)
        controls = QHBoxLayout()
        controls.addWidget(self.period_caption)
        controls.addWidget(self.picker)
        controls.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([300, 220])
        self.body = QStackedWidget()
        self.body.addWidget(splitter)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(top)
        layout.addLayout(controls)
        layout.addWidget(self.range_error)
        layout.addWidget(self.tiles)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.apart)
        layout.addWidget(self.zone_note)

    # --- texts -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Statistics"))
        self.period_caption.setText(self.tr("Period:"))
        self.rule_caption.setText(self.tr("Rule:"))
        self.rule_filter.setItemText(0, self.tr("All rules"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.picker.retranslate({"7": self.tr("Last 7 days"), "30": self.tr("Last 30 days"),
                                 "90": self.tr("Last 90 days"), "month": self.tr("This month"),
                                 "custom": self.tr("Custom range")})
        self.tiles.set_captions(
            {"sent": self.tr("Sent"), "delivered": self.tr("Delivered"), "open_rate": self.tr("Open rate"),
             "click_rate": self.tr("Click rate"), "unsubscribed": self.tr("Unsubscribes"),
             "revenue": self.tr("Revenue")},
            {"delivered": self.tr("E-mails sent that did not bounce, plus SMS the carrier confirmed"),
             "open_rate": self.tr("Messages opened at least once, out of the e-mails delivered"),
             "click_rate": self.tr("Messages clicked at least once, out of the e-mails delivered"),
             "revenue": self.tr("Purchases made within the attribution window after a send")})
        self.chart.set_labels({"sent": self.tr("Sent"), "opened_unique": self.tr("Opened"),
                               "clicked_unique": self.tr("Clicked")})
        headers = {"rule": self.tr("Rule"), "sent": self.tr("Sent"), "delivered": self.tr("Delivered"),
                   "opened_unique": self.tr("Opened (unique)"), "opened": self.tr("Opened (total)"),
                   "machine_opened": self.tr("Machine opens"),
                   "clicked_unique": self.tr("Clicked (unique)"), "clicked": self.tr("Clicked (total)"),
                   "machine_clicked": self.tr("Machine clicks"),
                   "ctor": self.tr("CTOR"), "bounced": self.tr("Bounced"), "unsubscribed": self.tr("Unsubscribed"),
                   "deferred_cap": self.tr("Deferred by caps"), "dropped_cap": self.tr("Dropped by caps"),
                   "uncertain": self.tr("Uncertain"), "revenue": self.tr("Revenue")}
        self.model.set_texts(headers, {
            "ctor": self.tr("Click-to-open rate: unique clicks out of unique opens"),
            "machine_opened": self.tr("Images fetched by machines (Apple Mail Privacy Protection, scanners): "
                                      "not counted as opens"),
            "machine_clicked": self.tr("Links followed by security scanners as the message arrived: "
                                       "not counted as clicks"),
            "uncertain": self.tr("Messages whose fate a crash left unknown (see Activity)")},
            self.tr("(no rule)"), self.tr("(deleted rule #%1)"))
        self.model.set_group_texts(self.tr("Contacts whose groups this rule changed; it sends nothing"),
                                   self.tr("contacts: %1"))
        self.empty.set_texts(self.tr("No sends in this period yet — simulate a rule, then enable it"),
                             self.tr("Sends, opens, clicks and purchases will show here as they happen."))
        self.zone_note.setText(self.tr("Days are counted in the business time zone (%1).").replace("%1", self.zone))
        self._show_values()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- loading -----------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock().astimezone(ZoneInfo(self.zone)).date()

    def refresh(self) -> None:
        """Read the rules and the business zone again, then the numbers."""
        QueryOp(self.runner, stats_context, parent=self).success(self._context_loaded).run_in_background()

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.touches("rules", "outbox", "settings"):
            self.refresh()

    def _context_loaded(self, context: dict[str, Any]) -> None:
        self.zone = context["zone"]
        self.zone_note.setText(self.tr("Days are counted in the business time zone (%1).").replace("%1", self.zone))
        keep = self.rule_filter.currentData()
        self.rule_filter.blockSignals(True)
        while self.rule_filter.count() > 1:
            self.rule_filter.removeItem(1)
        for rule_id, name in context["rules"]:
            self.rule_filter.addItem(name, rule_id)
        self.rule_filter.setCurrentIndex(max(self.rule_filter.findData(keep), 0) if keep is not None else 0)
        self.rule_filter.blockSignals(False)
        self.picker.blockSignals(True)
        self.picker.apply_preset(notify=False)  # "last 7 days" moves on after midnight
        self.picker.blockSignals(False)
        self.reload()

    def current_query(self) -> StatsQuery | None:
        since, until = self.picker.range()
        if since > until:
            return None
        return StatsQuery(since, until, self.rule_filter.currentData())

    def reload(self) -> None:
        """Read the numbers for the current period and rule; an older answer is dropped."""
        self._serial += 1
        query = self.current_query()
        show_field_error(self.range_error, None if query else self.tr("The period ends before it starts."))
        if query is None:
            return
        serial = self._serial
        (QueryOp(self.runner, lambda c: load_stats(c, query), parent=self)
         .success(lambda snap: self._loaded(serial, snap)).run_in_background())

    def _loaded(self, serial: int, snapshot: StatsSnapshot) -> None:
        if serial != self._serial:
            return
        self.snapshot = snapshot
        self.chart.show_days(snapshot.series)
        self.model.set_rows(snapshot.rules, snapshot.group_rules)
        self._show_values()

    def _show_values(self) -> None:
        snapshot = self.snapshot
        self.tiles.show_kpis(snapshot.kpis if snapshot else None)
        self.body.setCurrentWidget(self.empty if snapshot is None or snapshot.empty else self.body.widget(0))
        if snapshot is not None:
            self.chart.show_days(snapshot.series)  # axis format follows the language
        self.model.refresh_texts()
        self._show_apart()

    def _show_apart(self) -> None:
        """Reactions that answer no send (imported history): a line of counts, never a rate."""
        apart = self.snapshot.without_send if self.snapshot else None
        if apart is None or not (apart.opened or apart.clicked or apart.bounced or apart.unsubscribed):
            self.apart.hide()
            return
        self.apart.setText(self.tr("Without a send (imported history, in no rate): %1 opens, %2 clicks, "
                                   "%3 bounces, %4 unsubscribes").replace("%1", str(apart.opened))
                           .replace("%2", str(apart.clicked)).replace("%3", str(apart.bounced))
                           .replace("%4", str(apart.unsubscribed)))
        self.apart.setToolTip(self.tr("Opens and clicks that no message sent by Postino explains, e.g. from "
                                      "another e-mail tool's history. They are counted here only, so they "
                                      "cannot push a rate over 100 %."))
        self.apart.show()

    def focus_search(self) -> None:
        self.rule_filter.setFocus()
