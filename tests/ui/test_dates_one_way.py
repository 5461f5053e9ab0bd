"""Dates one way per language, on every page that shows them: dd/mm/yyyy and 24-hour times
in Italian, yyyy-mm-dd in English — the contacts table, the rule list's next check, the
activity table and its date filter, the simulation table and its start, the statistics
period, the templates list and the status line."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt

from desktop.demo import build_demo
from desktop.demo_rules import add_demo_rules
from desktop.timeutil import to_db
from ui.main_window import MainWindow
from ui.resources import LANGUAGE

SHAPES = {"it": (re.compile(r"^\d{2}/\d{2}/\d{4}( \d{2}:\d{2})?$"), "dd/MM/yyyy"),
          "en": (re.compile(r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"), "yyyy-MM-dd")}


def _column(model, header: str) -> list[str]:
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = names.index(header)
    return [v for v in (model.index(r, column).data() for r in range(model.rowCount())) if v]


@pytest.mark.parametrize("language, words", [
    ("it", {"registered": "Data di registrazione", "next": "Prossima verifica", "time": "Ora",
            "when": "Ora locale"}),
    ("en", {"registered": "Registered", "next": "Next check", "time": "Time", "when": "Local time"}),
])
def test_every_page_writes_dates_one_way(qtbot, runner, workspace, now, language, words) -> None:
    build_demo(workspace, now, contacts=20)
    add_demo_rules(workspace, now)
    rule_id = workspace.db.execute("SELECT id FROM rules WHERE enabled = 1 LIMIT 1").fetchone()[0]
    contact = workspace.db.execute("SELECT min(id) FROM contacts").fetchone()[0]
    workspace.db.execute("INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
                         "updated_at) VALUES (?, ?, 'once', 'email', 'failed', ?, ?, ?)",
                         [rule_id, contact, to_db(now), to_db(now), to_db(now)])
    workspace.db.execute("INSERT INTO rule_checks(rule_id, checked_at) VALUES (?, ?)", [rule_id, to_db(now)])
    workspace.settings.set("ui.language", language, now)
    LANGUAGE.switch(language)
    shape, edit_format = SHAPES[language]
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.show()

    contacts = window.show_section("contacts")
    registered = _column(contacts.model, words["registered"])
    assert registered and all(shape.match(v) for v in registered), registered[:3]

    rules = window.show_section("rules")
    upcoming = _column(rules.proxy, words["next"])
    assert upcoming and all(shape.match(v) for v in upcoming), upcoming

    activity = window.show_section("activity")
    qtbot.waitUntil(lambda: activity.model.rowCount() > 0, timeout=3000)
    times = _column(activity.model, words["time"])
    assert times and all(shape.match(v) for v in times), times
    assert activity.since.displayFormat() == edit_format

    simulation = window.show_section("simulation")
    assert simulation.start.displayFormat() == edit_format + " HH:mm"
    simulation.start.setDateTime(QDateTime.fromSecsSinceEpoch(int((now - timedelta(days=2)).timestamp())))
    for row in range(simulation.rules.count()):
        simulation.rules.item(row).setCheckState(Qt.CheckState.Checked)
    simulation.run()
    qtbot.waitUntil(lambda: simulation.model.rowCount() > 0, timeout=60000)
    local = _column(simulation.model, words["when"])
    assert all(shape.match(v) for v in local), local[:3]

    statistics = window.show_section("statistics")
    assert statistics.picker.since.displayFormat() == edit_format

    templates = window.show_section("templates")   # it showed "10/11/26 17:03" in Italian
    changed = [templates.table.item(r, 2).text() for r in range(templates.table.rowCount())]
    assert changed and all(shape.match(v) for v in changed), changed

    stamp = re.search(r"(\S+ \d{2}:\d{2})", window.status_label.text().split("·")[-1])
    assert stamp and shape.match(stamp.group(1)), window.status_label.text()
