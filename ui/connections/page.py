"""The Connections page: each connection with when it last polled, what it brought in, and
its last error in plain words; add, test, poll now, pause/resume and remove.

Every database or network step runs through the op helper (``ui/ops.py``) on its worker; the
page only shows results. Errors are message codes from the engine, worded here in the
current language (``desktop.messages.text``).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStackedWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.connectors.run import PollOutcome
from desktop.connectors.store import ConnectionStatus
from desktop.messages import text
from ui.connections import ops
from ui.connections.add_dialog import AddConnectionDialog
from ui.connections.poll_flow import PollFlow, test_connection
from ui.dates import format_datetime
from ui.ops import CollectionOp, NetworkRunner, OpChanges, OpRunner, QueryOp
from ui.resources import LANGUAGE, icon
from ui.widgets import PAGE_MARGINS, EmptyState, Heading, confirm

COLUMNS = 6


class ConnectionsPage(QWidget):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None, *,
                 network: NetworkRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_connections")
        self.runner = runner
        # The servers' half of Test and Poll now: never on the database worker.
        self.network = network or NetworkRunner(workers=1, synchronous=runner.is_synchronous, parent=self)
        self.destroyed.connect(self.network.shutdown)
        self.statuses: list[ConnectionStatus] = []
        self.zone = ZoneInfo("Europe/Rome")  # the business zone, read with the list
        self.dialog: AddConnectionDialog | None = None
        self.heading = Heading()
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()            # under the heading: the window stays narrow enough
        for key, icon_name, slot in (("add", "add", self.new_item), ("test", "search", self.test_selected),
                                     ("poll", "import", self.poll_selected), ("pause", "edit", self.toggle_selected),
                                     ("remove", "delete", self.remove_selected)):
            button = QPushButton(icon(icon_name), "")
            button.setObjectName(f"connection_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("connections_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.message = QLabel()
        self.message.setObjectName("connection_message")
        self.message.setWordWrap(True)
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()
        self.refresh()

    # --- texts -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Connections"))
        for key, label in (("add", self.tr("Add")), ("test", self.tr("Test")), ("poll", self.tr("Check now")),
                           ("remove", self.tr("Remove"))):
            self.buttons[key].setText(label)
        self.buttons["test"].setToolTip(self.tr("Reach the source once and check the key, without importing"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("State"),
                                              self.tr("Last check"), self.tr("Brought in"), self.tr("Problem")])
        self.empty.set_texts(self.tr("No connections yet"),
                             self.tr("Connect your shop, your blog's feed, your mailbox or Twilio replies: "
                                     "Postino checks them on its own, no public address needed."))
        self._show(self.statuses)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def kind_name(self, kind: str) -> str:
        return {"rss": self.tr("Feed"), "woocommerce": self.tr("WooCommerce"), "shopify": self.tr("Shopify"),
                "mailbox": self.tr("Mailbox"), "twilio-replies": self.tr("SMS replies")}.get(kind, kind)

    def brought(self, counts: dict[str, int]) -> str:
        words = {"purchase": self.tr("purchases"), "cart_updated": self.tr("cart updates"),
                 "rss_item": self.tr("new posts"), "contact_created": self.tr("new contacts"),
                 "contact_updated": self.tr("contacts updated"), "sms_stop": self.tr("SMS STOP"),
                 "sms_start": self.tr("SMS START"), "sms_delivered": self.tr("SMS delivered"),
                 "sms_failed": self.tr("SMS not delivered"), "bounce_hard": self.tr("bounces"),
                 "bounce_soft": self.tr("temporary bounces"), "unsubscribed": self.tr("unsubscribes"),
                 "order_refunded": self.tr("refunds"), "order_cancelled": self.tr("cancellations"),
                 "auto_reply": self.tr("auto-replies ignored"), "bounce_unmatched": self.tr("other bounces")}
        parts = [f"{words.get(k, k)}: {QLocale().toString(n)}" for k, n in sorted(counts.items())]
        return ", ".join(parts) if parts else self.tr("nothing new")

    # --- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        (QueryOp(self.runner, lambda c: (ops.statuses(c), ops.business_zone(c)), parent=self)
         .success(lambda listed: self._listed(*listed)).run_in_background())

    def _listed(self, statuses: list[ConnectionStatus], zone: str) -> None:
        self.zone = ZoneInfo(zone)
        self._show(statuses)

    def _show(self, statuses: list[ConnectionStatus]) -> None:
        keep = self.selected_name()
        self.statuses = statuses
        self.table.setRowCount(len(statuses))
        for row, status in enumerate(statuses):
            for column, value in enumerate(self._cells(status)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, status.connection.name)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
            if status.connection.name == keep:
                self.table.selectRow(row)
        self.stack.setCurrentIndex(0 if statuses else 1)
        self._selection_changed()

    def _cells(self, s: ConnectionStatus) -> list[str]:
        c = s.connection
        minutes = int(c.every.total_seconds() // 60)
        state = (self.tr("On, every %1 min").replace("%1", str(minutes)) if c.enabled else self.tr("Paused"))
        when = format_datetime(s.last_poll_at.astimezone(self.zone)) if s.last_poll_at else self.tr("never")
        problem = text(s.last_error, LANGUAGE.code) if s.last_error else ""
        if s.last_warnings and not problem:
            problem = "; ".join(text(w, LANGUAGE.code) for w in s.last_warnings)
        brought = self.brought(s.last_counts) if s.last_ok_at else ""
        return [c.name, self.kind_name(c.kind), state, when, brought, problem]

    def selected_name(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def selected(self) -> ConnectionStatus | None:
        name = self.selected_name()
        return next((s for s in self.statuses if s.connection.name == name), None)

    def select(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        status = self.selected()
        for key in ("test", "poll", "pause", "remove"):
            self.buttons[key].setEnabled(status is not None)
        paused = status is not None and not status.connection.enabled
        self.buttons["pause"].setText(self.tr("Resume") if paused else self.tr("Pause"))
        if status is not None and status.connection.kind == "woocommerce":
            self.message.setText(self.tr("WooCommerce has no abandoned carts of its own: this connection "
                                         "brings orders and customers only."))
        elif status is None:
            self.message.setText("")

    # --- actions ---------------------------------------------------------------------------
    def new_item(self) -> None:
        self.dialog = AddConnectionDialog(self.runner, self, on_added=self._after_add)
        self.dialog.open()

    def _after_add(self, name: str) -> None:
        QueryOp(self.runner, ops.statuses, parent=self).success(
            lambda rows: (self._show(rows), self.select(name))).run_in_background()

    def test_selected(self) -> None:
        name = self.selected_name()
        if name:
            self.message.setText(self.tr("Testing “%1”…").replace("%1", name))
            test_connection(self.runner, self.network, self, name, lambda result: self._tested(name, result))

    def _tested(self, name: str, result: ops.TestResult) -> None:
        if result.ok:
            self.message.setText(self.tr("“%1” answers: %2 item(s) on the first page.")
                                 .replace("%1", name).replace("%2", QLocale().toString(result.items)))
        else:
            self.message.setText(self.tr("“%1” does not work: %2").replace("%1", name)
                                 .replace("%2", text(result.error, LANGUAGE.code)))

    def poll_selected(self) -> None:
        name = self.selected_name()
        if name:
            self.message.setText(self.tr("Checking “%1”…").replace("%1", name))
            PollFlow(self.runner, self.network, self, name, self._polled).start()

    def _polled(self, outcome: PollOutcome) -> None:
        if outcome.error is not None:
            self.message.setText(self.tr("“%1” failed: %2").replace("%1", outcome.name)
                                 .replace("%2", text(outcome.error, LANGUAGE.code)))
        else:
            self.message.setText(self.tr("“%1” — %2").replace("%1", outcome.name)
                                 .replace("%2", self.brought(outcome.summary.counts)))
        self.refresh()

    def toggle_selected(self) -> None:
        status = self.selected()
        if status is not None:
            name, enabled = status.connection.name, not status.connection.enabled
            CollectionOp(self.runner, lambda c: ops.set_enabled(c, name, enabled), OpChanges(), parent=self) \
                .success(lambda _r: self.refresh()).run_in_background()

    def remove_selected(self) -> None:
        name = self.selected_name()
        if name:
            confirm(self, self.tr("Remove connection"),
                    self.tr("Remove “%1”? What it already brought in stays; its keys are deleted "
                            "from the keyring.").replace("%1", name), lambda: self.remove(name))

    def remove(self, name: str) -> None:
        CollectionOp(self.runner, lambda c: ops.remove(c, name), OpChanges(), parent=self) \
            .success(lambda _r: self.refresh()).run_in_background()

    def focus_search(self) -> None:
        self.table.setFocus()
