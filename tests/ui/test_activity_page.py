"""The Activity page: ledger rows, filters, the uncertain banner and marking, rule-check errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QItemSelectionModel

from tests.helpers.engine import words
from desktop.templates import Templates
from desktop.timeutil import to_db
from ui.activity.page import ActivityPage
from ui.activity.queries import PAGE

UTC = timezone.utc


def _ledger(ws, now: datetime, count: int = 0) -> dict[str, int]:
    Templates(ws.db).create("T", "email", subject="s", html="<p>x</p>", now=now)
    rule_id = ws.rules.save({"name": "Promo", "action": {"type": "send_email", "template": "T"},
                             "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    rule_id = ws.rules.find("Promo").id if not isinstance(rule_id, int) else rule_id
    ids: dict[str, int] = {}
    specs = [("sent", "anna"), ("failed", "bruno"), ("uncertain", "carla"), ("uncertain", "dario"),
             ("deferred", "elena")] + [("skipped", f"x{i}") for i in range(count)]
    for index, (state, who) in enumerate(specs):
        contact = ws.contacts.create({"email": f"{who}@example.it", "first_name": who.title()}, now)
        stamp = to_db(now - timedelta(minutes=len(specs) - index))
        ids[who] = ws.db.execute(
            "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, reason, "
            "provider_id, updated_at) VALUES (?, ?, 'once', 'email', ?, ?, ?, ?, ?, ?)",
            [rule_id, contact, state, stamp, stamp, f"reason {who}", f"<id-{who}>" if state == "sent" else None,
             stamp]).lastrowid
    ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, matched, planned, error) VALUES (?, ?, 0, 0, ?)",
                  [rule_id, to_db(now), "template 'T' is missing"])
    return ids


def _column(page: ActivityPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_rows_filters_banner_and_marking_an_uncertain_row_failed(runner, workspace, now, qtbot) -> None:
    ids = _ledger(workspace, now)
    page = ActivityPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert _column(page, 2) == ["Elena <elena@example.it>", "Dario <dario@example.it>", "Carla <carla@example.it>",
                                "Bruno <bruno@example.it>", "Anna <anna@example.it>"]  # newest first
    assert _column(page, 6)[-1] == "<id-anna>" and _column(page, 1) == ["Promo"] * 5
    assert page.banner.isVisibleTo(page) and page.banner_text.text().startswith("2 messages may or may not")
    assert "template 'T' is missing" in page.errors_list.item(0).text()

    page.set_state_filter("sent")
    assert _column(page, 4) == ["Sent"]
    page.show_uncertain.click()
    assert _column(page, 2) == ["Dario <dario@example.it>", "Carla <carla@example.it>"]
    assert not page.mark_failed.isEnabled()
    page.table.selectionModel().select(page.model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                       | QItemSelectionModel.SelectionFlag.Rows)
    assert page.selected_uncertain() == [ids["carla"]] and page.mark_failed.isEnabled()
    page.mark_failed.click()
    state, reason = workspace.db.execute("SELECT state, reason FROM ledger WHERE id = ?", [ids["carla"]]).fetchone()
    assert (state, words(reason)) == ("failed", "marked by the user")
    assert _column(page, 2) == ["Dario <dario@example.it>"]
    assert page.banner_text.text().startswith("1 message may or may not")

    page.table.selectRow(0)
    page.mark_sent.click()
    row = workspace.db.execute("SELECT state, reason, sent_at FROM ledger WHERE id = ?", [ids["dario"]]).fetchone()
    assert row[0] == "sent" and words(row[1]) == "marked by the user" and row[2] is not None
    events = workspace.db.execute("SELECT type FROM events WHERE uid = ?", [f"sent:{ids['dario']}"]).fetchall()
    assert events == [("email_sent",)]  # counted like a send, for caps and statistics
    assert not page.banner.isVisibleTo(page) and page.model.rowCount() == 0


def test_rule_and_date_filters_and_paging(runner, workspace, now, qtbot) -> None:
    _ledger(workspace, now, count=PAGE + 30)
    workspace.db.execute("UPDATE ledger SET updated_at = ? WHERE state = 'sent'",
                         [to_db(now - timedelta(days=40))])
    page = ActivityPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == PAGE and page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == PAGE + 35 and not page.model.canFetchMore()
    assert len(set(page.model.rows[i].id for i in range(page.model.rowCount()))) == PAGE + 35
    today = now.astimezone(timezone(timedelta(hours=1))).date()
    page.since.setDate(today - timedelta(days=1))
    page.until.setDate(today)
    page.use_dates.setChecked(True)
    assert page.model.rowCount() == PAGE  # the 'sent' row of 40 days ago is out; a page again
    page.since.setDate(today - timedelta(days=41))
    page.until.setDate(today - timedelta(days=39))
    assert _column(page, 4) == ["Sent"]
    page.use_dates.setChecked(False)
    page.rule_filter.setCurrentIndex(page.rule_filter.findText("Promo"))
    assert page.model.rowCount() == PAGE


def test_a_group_change_names_its_channel_in_the_page_s_language(runner, workspace, now, qtbot) -> None:
    """The Italian demo's Activity page said "group" among "E-mail" rows."""
    from ui.resources import LANGUAGE

    workspace.db.execute("INSERT INTO groups(name, created_at) VALUES ('VIP', ?)", [to_db(now)])
    workspace.rules.save({"name": "Clickers", "action": {"type": "add_to_group", "group": "VIP"},
                          "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    contact = workspace.contacts.create({"email": "g@example.it", "first_name": "Gina"}, now)
    workspace.db.execute("INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
                         "updated_at) VALUES (?, ?, 'once', 'group', 'applied', ?, ?, ?)",
                         [workspace.rules.find("Clickers").id, contact, to_db(now), to_db(now), to_db(now)])
    page = ActivityPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert (_column(page, 3), _column(page, 4)) == (["Group"], ["Group change"])
    LANGUAGE.switch("it")
    qtbot.waitUntil(lambda: _column(page, 3) == ["Gruppo"], timeout=3000)
    assert _column(page, 4) == ["Cambio di gruppo"]
