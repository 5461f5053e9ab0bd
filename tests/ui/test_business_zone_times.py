"""Every time a person reads is in the business zone, whatever the PC's clock zone: Templates'
"Last change" and Simulation's "Start" showed the PC's time (19:08, the machine on UTC) beside
the rules' and Activity's 20:08 (the shop in Europe/Rome)."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime

from desktop.templates import Templates
from ui.dates import format_datetime
from ui.simulation.page import SimulationPage
from ui.templates.page import TemplatesPage

ZONE = "Pacific/Kiritimati"  # UTC+14 all year: no test machine's clock is in it
CHANGED = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)  # 23:30 in Kiritimati


def test_templates_last_change_is_in_the_business_zone(qtbot, runner, workspace) -> None:
    workspace.settings.set("business.timezone", ZONE, CHANGED)
    Templates(workspace.db).create("Ciao", "email", subject="Ciao", html="<p>Ciao</p>", now=CHANGED)
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    assert page.table.item(0, 2).text() == format_datetime(CHANGED.astimezone(ZoneInfo(ZONE)))
    assert page.table.item(0, 2).text().endswith("23:30")


def test_simulation_start_is_typed_and_read_in_the_business_zone(qtbot, runner, workspace) -> None:
    workspace.settings.set("business.timezone", ZONE, CHANGED)
    page = SimulationPage(runner)
    qtbot.addWidget(page)
    page.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(CHANGED.timestamp())))
    assert page.start.text() == format_datetime(CHANGED.astimezone(ZoneInfo(ZONE)))
    assert page.start_time() == CHANGED


def test_connections_last_check_is_in_the_business_zone(qtbot, runner, workspace) -> None:
    from datetime import timedelta

    from desktop.connectors.store import Connections
    from desktop.messages import Msg
    from ui.connections.page import ConnectionsPage

    workspace.settings.set("business.timezone", ZONE, CHANGED)
    store = Connections(workspace.db)
    store.add(Connections.new("Blog", "rss", {"url": "https://blog.example.it/feed"}), CHANGED)
    poll = store.start_poll("Blog", CHANGED)
    store.poll_failed("Blog", poll, Msg("connector.unexpected", {"error": "X"}), CHANGED,
                      CHANGED + timedelta(minutes=5))
    page = ConnectionsPage(runner)
    qtbot.addWidget(page)
    assert page.table.item(0, 3).text() == format_datetime(CHANGED.astimezone(ZoneInfo(ZONE)))
