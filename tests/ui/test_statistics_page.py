"""The Statistics page on a workspace whose numbers are known by hand: ledger rows inserted
with SQL, reactions recorded as events, the statistics triggers doing the counting."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.templates import Templates
from desktop.timeutil import to_db
from ui.ops import CollectionOp, OpChanges
from ui.resources import LANGUAGE
from ui.statistics.page import StatisticsPage
from ui.statistics.table_model import KEYS

NBSP = "\u00a0"


def _rule(ws, name: str, now: datetime) -> int:
    ws.rules.save({"name": name, "action": {"type": "send_email", "template": "T"},
                   "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    return ws.rules.find(name).id


def _send(ws, rule_id: int, contact: int, at: datetime, state: str = "sent", reason: str | None = None) -> int:
    stamp = to_db(at)
    return ws.db.execute(
        "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, sent_at, "
        "reason, updated_at) VALUES (?, ?, ?, 'email', ?, ?, ?, ?, ?, ?)",
        [rule_id, contact, f"o{at:%j%H%M}", state, stamp, stamp, stamp if state == "sent" else None, reason,
         stamp]).lastrowid


@pytest.fixture
def history(workspace, now):
    """Welcome: 10 e-mails sent (6 yesterday, 4 three days ago), 2 bounced, 4 opened (one twice),
    2 clicked (one twice), 1 unsubscribe, a 1234.50 purchase, one send deferred by a cap.
    Promo: 2 sends 40 days ago (outside the last 30 days) and 1 uncertain send today."""
    ws = workspace
    Templates(ws.db).create("T", "email", subject="s", html="<p>x</p>", now=now)
    welcome, promo = _rule(ws, "Welcome", now), _rule(ws, "Promo", now)
    people = [ws.contacts.create({"email": f"p{i}@example.it"}, now) for i in range(14)]
    yesterday, earlier = now - timedelta(days=1), now - timedelta(days=3)
    sends = [_send(ws, welcome, people[i], yesterday if i < 6 else earlier) for i in range(10)]
    at = {lid: (yesterday if i < 6 else earlier) + timedelta(hours=2) for i, lid in enumerate(sends)}
    record = ws.events.record
    for i in (8, 9):
        record("email_bounced", at[sends[i]], people[i], payload={"ledger_id": sends[i]})
    for i in (0, 0, 1, 2, 3):
        record("email_opened", at[sends[i]], people[i], payload={"ledger_id": sends[i]})
    for i in (0, 0, 1):
        record("email_clicked", at[sends[i]], people[i], payload={"ledger_id": sends[i]})
    record("unsubscribed", at[sends[3]], people[3], payload={"ledger_id": sends[3]})
    record("purchase", yesterday + timedelta(hours=5), people[0], amount=1234.5, ref="order-1")
    _send(ws, welcome, people[10], now - timedelta(hours=1), state="deferred", reason="frequency cap: 1 per day")
    for i in (11, 12):
        _send(ws, promo, people[i], now - timedelta(days=40))
    _send(ws, promo, people[13], now - timedelta(hours=2), state="uncertain", reason="crash")
    return {"welcome": welcome, "promo": promo}


def _page(runner, now, qtbot) -> StatisticsPage:
    page = StatisticsPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _table(page: StatisticsPage) -> dict[str, dict[str, str]]:
    proxy = page.proxy
    out = {}
    for row in range(proxy.rowCount()):
        values = {key: proxy.index(row, col).data() for col, key in enumerate(KEYS)}
        out[values["rule"]] = values
    return out


def test_tiles_chart_and_rule_table_show_the_known_numbers(runner, workspace, now, qtbot, history) -> None:
    page = _page(runner, now, qtbot)
    assert page.picker.range() == (date(2026, 2, 1), date(2026, 3, 2))  # last 30 days, Rome time
    assert page.tiles.texts() == {"sent": "10", "delivered": "8", "open_rate": "50.0%", "click_rate": "25.0%",
                                  "unsubscribed": "1", "revenue": "€1,234.50"}
    assert page.body.currentWidget() is not page.empty
    assert page.chart.point_counts() == {"sent": 30, "opened_unique": 30, "clicked_unique": 30}
    sent_line = page.chart.series["sent"]
    by_day = {page.snapshot.series[i].day: sent_line.at(i).y() for i in range(sent_line.count())}
    assert by_day[date(2026, 3, 1)] == 6 and by_day[date(2026, 2, 27)] == 4 and sum(by_day.values()) == 10
    assert "Opened: 4" in page.chart.tooltip_for(page.chart.day_at(sent_line.at(28).x()))

    table = _table(page)
    assert list(table) == ["Promo", "Welcome"]  # by name
    welcome = table["Welcome"]
    assert [welcome[k] for k in KEYS[1:]] == ["10", "8", "4", "5", "0", "2", "3", "0", "50.0%", "2", "1", "1", "0", "0",
                                              "€1,234.50"]
    assert table["Promo"]["sent"] == "0" and table["Promo"]["uncertain"] == "1" and table["Promo"]["ctor"] == "–"

    page.table.sortByColumn(KEYS.index("uncertain"), Qt.SortOrder.DescendingOrder)
    assert list(_table(page)) == ["Promo", "Welcome"]
    page.table.sortByColumn(KEYS.index("sent"), Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, 0).data() == "Welcome"


def test_the_period_and_the_rule_change_the_numbers(runner, workspace, now, qtbot, history) -> None:
    page = _page(runner, now, qtbot)
    page.picker.choose("7")
    assert page.picker.range() == (date(2026, 2, 24), date(2026, 3, 2))
    assert page.chart.point_counts()["sent"] == 7 and page.tiles.texts()["sent"] == "10"
    page.picker.choose("90")
    assert page.tiles.texts()["sent"] == "12" and page.chart.point_counts()["clicked_unique"] == 90
    page.picker.choose("month")
    assert page.picker.range() == (date(2026, 3, 1), date(2026, 3, 2))
    assert page.tiles.texts()["sent"] == "6" and page.tiles.texts()["revenue"] == "€1,234.50"
    page.picker.set_custom(date(2026, 2, 20), date(2026, 2, 28))
    assert page.picker.since.isEnabled()
    texts = page.tiles.texts()
    assert texts["sent"] == "4" and texts["delivered"] == "2" and texts["open_rate"] == "0.0%"
    assert texts["revenue"] == "€0.00" and page.chart.point_counts()["sent"] == 9

    page.picker.choose("90")
    page.rule_filter.setCurrentIndex(page.rule_filter.findText("Promo"))
    assert page.tiles.texts()["sent"] == "2" and page.tiles.texts()["open_rate"] == "0.0%"
    assert list(_table(page)) == ["Promo"]
    assert sum(p.y() for p in page.chart.series["sent"].points()) == 2

    page.picker.set_custom(date(2026, 3, 2), date(2026, 2, 1))  # backwards: an error, no query
    assert page.range_error.isVisibleTo(page) and "ends before it starts" in page.range_error.text()
    assert page.tiles.texts()["sent"] == "2"


def test_a_change_notice_from_the_outbox_refreshes_the_numbers(runner, workspace, now, qtbot, history) -> None:
    page = _page(runner, now, qtbot)
    assert page.tiles.texts()["sent"] == "10"
    extra = workspace.contacts.create({"email": "late@example.it"}, now)

    def send_one(c) -> None:
        _send(c.ws, history["welcome"], extra, now - timedelta(hours=4))

    CollectionOp(runner, send_one, OpChanges(outbox=True)).run_in_background()
    assert page.tiles.texts()["sent"] == "11" and _table(page)["Welcome"]["sent"] == "11"


def test_italian_numbers(runner, workspace, now, qtbot, history) -> None:
    page = _page(runner, now, qtbot)
    workspace.events.record("purchase", now - timedelta(hours=20), workspace.contacts.find("p1@example.it"),
                            amount=1000.0)
    page.refresh_button.click()  # an event from outside the app (an import, the tracking server)
    LANGUAGE.switch("it")
    qtbot.waitUntil(lambda: page.heading.text() == "Statistiche", timeout=3000)  # LanguageChange is posted
    texts = page.tiles.texts()
    assert texts["open_rate"] == f"50,0{NBSP}%" and texts["click_rate"] == f"25,0{NBSP}%"
    assert texts["revenue"] == f"2.234,50{NBSP}€"
    welcome = _table(page)["Welcome"]
    assert welcome["revenue"] == f"2.234,50{NBSP}€" and welcome["ctor"] == f"50,0{NBSP}%"
    assert page.rule_filter.itemText(0) == "Tutte le regole" and page.picker.preset.itemText(0) == "Ultimi 7 giorni"


def test_empty_state(runner, workspace, now, qtbot) -> None:
    page = _page(runner, now, qtbot)
    assert page.body.currentWidget() is page.empty and page.empty.isVisible()
    assert page.empty.title.text() == "No sends in this period yet — simulate a rule, then enable it"
    assert page.tiles.texts() == {"sent": "0", "delivered": "0", "open_rate": "–", "click_rate": "–",
                                  "unsubscribed": "0", "revenue": "€0.00"}
    assert page.chart.point_counts()["sent"] == 30 and page.proxy.rowCount() == 0


def test_reactions_without_a_send_are_shown_apart_and_deleted_rules_are_named(runner, workspace, now, qtbot,
                                                                                history) -> None:
    stranger = workspace.contacts.create({"email": "nobody@example.it"}, now)
    workspace.events.record("email_opened", now - timedelta(hours=3), stranger)  # no send explains it
    workspace.rules.delete(history["promo"])
    page = _page(runner, now, qtbot)
    page.picker.choose("90")
    assert list(_table(page)) == ["Welcome", f"(deleted rule #{history['promo']})"]
    assert not page.apart.isHidden() and "1 opens" in page.apart.text()
    LANGUAGE.switch("it")
    qtbot.waitUntil(lambda: f"(regola eliminata n. {history['promo']})" in _table(page), timeout=3000)
    assert page.apart.text().startswith("Senza un invio")


def test_chart_tooltip_and_date_labels(runner, workspace, now, qtbot, history) -> None:
    from ui.statistics.chart import tick_plan

    page = _page(runner, now, qtbot)
    sent = page.chart.series["sent"]
    march_first = sent.at(28)  # the 29th of the 30 days: 2026-03-01
    page.chart._hovered(march_first, True)
    from PySide6.QtWidgets import QToolTip

    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "1 March 2026" in QToolTip.text() and "Sent: 6" in QToolTip.text() and "Clicked: 2" in QToolTip.text()
    page.chart._hovered(march_first, False)
    assert [tick_plan(n) for n in (1, 2, 7, 30, 31, 90)] == [(1, 1), (1, 1), (6, 1), (6, 5), (6, 5), (6, 15)]
    axis = page.chart.x_axis
    assert axis.tickCount() == 7 and axis.max().date().toString("yyyy-MM-dd") == "2026-03-02"
    assert axis.min().date().toString("yyyy-MM-dd") == "2026-01-31"  # 30 days back: labels 5 days apart


def test_a_group_rule_counts_the_contacts_it_changed_not_zero_sends(runner, workspace, now, qtbot, history) -> None:
    """The demo's "Clic recenti" showed a row of zeros: it sends nothing, it adds to a group."""
    workspace.db.execute("INSERT INTO groups(name, created_at) VALUES ('VIP', ?)", [to_db(now)])
    workspace.rules.save({"name": "Clickers", "action": {"type": "add_to_group", "group": "VIP"},
                          "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    rule = workspace.rules.find("Clickers").id
    people = [workspace.contacts.create({"email": f"g{i}@example.it"}, now) for i in range(3)]
    for i, person in enumerate(people):
        stamp = to_db(now - timedelta(hours=i + 1))
        workspace.db.execute(
            "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, updated_at) "
            "VALUES (?, ?, 'once', 'group', ?, ?, ?, ?)",
            [rule, person, "skipped" if i == 2 else "applied", stamp, stamp, stamp])
    page = _page(runner, now, qtbot)
    row = _table(page)["Clickers"]
    assert row["sent"] == "contacts: 2"
    assert {row[k] for k in KEYS[2:]} == {"–"}
    index = next(page.proxy.index(r, KEYS.index("sent")) for r in range(page.proxy.rowCount())
                 if page.proxy.index(r, 0).data() == "Clickers")
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Contacts whose groups this rule changed; it sends nothing"
    assert _table(page)["Welcome"]["sent"] == "10"  # rules that send are counted as before
