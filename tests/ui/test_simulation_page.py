"""The Simulation page on a prepared workspace: a birthday rule with quiet hours 21:00–09:00 (Rome)."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime, QPoint, QPointF, Qt

from desktop.templates import Templates
from ui.simulation.page import SimulationPage

UTC = timezone.utc
START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)  # 10:30 in Rome (CET, UTC+1)
BIRTHDAYS = [("Rosa", "1990-03-04", "subscribed"), ("Marco", "1985-03-04", "subscribed"),
             ("Luca", "1970-03-06", "subscribed"), ("Pia", "1999-03-05", "unsubscribed"),
             ("Ugo", "1999-07-01", "subscribed")]


@pytest.fixture
def prepared(workspace, now):
    Templates(workspace.db).create("Auguri", "email", subject="Auguri {{ first_name }}",
                                   html="<p>Ciao {{ first_name }}</p>", now=now)
    for name, birthday, status in BIRTHDAYS:
        workspace.contacts.create({"email": f"{name.lower()}@example.it", "first_name": name,
                                   "birthday": birthday, "email_status": status}, now)
    workspace.rules.save({
        "name": "Compleanno", "enabled": True, "action": {"type": "send_email", "template": "Auguri"},
        "conditions": {"all": [{"field": "birthday", "op": "anniversary_today"}]}, "resend": {"policy": "yearly"},
        "schedule": {"check": {"every_minutes": 60},
                     "quiet_hours": {"bands": ["21:00-09:00"], "business_default": False}}}, now)
    workspace.rules.save({
        "name": "Spenta", "enabled": False, "action": {"type": "send_email", "template": "Auguri"},
        "conditions": {"all": [{"field": "first_name", "op": "eq", "value": "Ugo"}]}, "resend": {"policy": "once"},
        "schedule": {"check": {"times": ["10:00"]}}}, now)
    return workspace


def _page(qtbot, runner) -> SimulationPage:
    page = SimulationPage(runner)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(START.timestamp())))
    return page


def _table(page: SimulationPage) -> list[tuple[str, str, str]]:
    proxy = page.model
    return [(proxy.index(r, 3).data(), proxy.index(r, 6).data(), proxy.index(r, 0).data())
            for r in range(proxy.rowCount())]


def test_a_run_shows_lanes_markers_quiet_hours_and_table_rows(prepared, runner, qtbot) -> None:
    page = _page(qtbot, runner)
    assert page.checked_rules() == ["Compleanno"]  # enabled rules by default
    page.run()
    data = page.run_data
    assert data is not None and page.timeline.data is data.timeline
    lane = data.timeline.lanes[0]
    assert [l.rule for l in data.timeline.lanes] == ["Compleanno"] and lane.zone == "Europe/Rome"
    # Quiet 21:00-09:00 in Rome = 20:00-08:00 UTC, each night of the 7 days.
    assert lane.quiet == [(datetime(2026, 3, d, 20, tzinfo=UTC), datetime(2026, 3, d + 1, 8, tzinfo=UTC))
                          for d in range(2, 9)]
    assert len(lane.checks) == 7 * 24  # hourly checks, every hour of the 7 days
    markers = page.timeline.markers()  # the whole week at once: the two sends of 4 March are one marker
    sends = [m for m in markers if m.kind == "send"]
    assert [(m.start, m.count) for m in sends] == [(datetime(2026, 3, 4, 8, tzinfo=UTC), 2),
                                                   (datetime(2026, 3, 6, 8, tzinfo=UTC), 1)]
    assert sum(m.count for m in markers if m.kind == "check") == 168
    rows = _table(page)
    sent = sorted((who, when) for who, outcome, when in rows if outcome == "Sent")
    assert sent == [("Luca <luca@example.it>", "2026-03-06 09:00"), ("Marco <marco@example.it>", "2026-03-04 09:00"),
                    ("Rosa <rosa@example.it>", "2026-03-04 09:00")]
    assert ("Pia <pia@example.it>", "No consent") in {(who, outcome) for who, outcome, _w in rows}
    pia = next(r for r in page.model.rows if r.name == "Pia")
    assert "unsubscribed" in page.model.reason_text(pia)
    rosa = next(r for r in page.model.rows if r.name == "Rosa")
    assert "quiet hours 21:00–09:00" in page.model.reason_text(rosa)  # matched at night, deferred to 09:00
    assert "3 sends" in page.status.text() and "168 checks" in page.status.text()


def test_zoom_pan_and_clicking_a_marker_filters_the_table(prepared, runner, qtbot) -> None:
    page = _page(qtbot, runner)
    page.run()
    timeline = page.timeline
    assert timeline.view_end - timeline.view_start == timedelta(days=7)
    week_step, _ = timeline.ticks()
    page.zoom.setValue(0)  # hours
    assert timeline.view_end - timeline.view_start == timedelta(hours=2)
    hours_step, ticks = timeline.ticks()
    assert hours_step < week_step and hours_step <= 30
    assert all(":" in label for _at, label, midnight in ticks if not midnight)
    page.zoom.setValue(1000)
    anchor = datetime(2026, 3, 4, 8, tzinfo=UTC)
    timeline.set_span(timedelta(hours=6), anchor)
    assert timeline.view_start <= anchor <= timeline.view_end
    assert timeline.view_end - timeline.view_start == timedelta(hours=6)
    assert 0 < page.zoom.value() < 1000
    before = timeline.view_start
    qtbot.wait(1)
    x = timeline.x_of(anchor)
    marker = timeline.marker_at(QPointF(x, timeline.lane_top(0) + 18))
    assert marker is not None and marker.count == 2  # zoomed in, the two 09:00 sends still coincide
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(int(x), int(timeline.lane_top(0) + 18)))
    assert sorted(who for who, _o, _w in _table(page)) == ["Marco <marco@example.it>", "Rosa <rosa@example.it>"]
    assert page.marker_note.isVisibleTo(page) and "2 recipients" in page.marker_note.text()
    assert "Rosa" in timeline.tooltip_text(marker)
    page.clear_marker_filter()
    assert len(_table(page)) == len(page.model.rows)
    page.show_filter.setCurrentIndex(2)
    assert {o for _w, o, _t in _table(page)} == {"No consent"}
    page.show_filter.setCurrentIndex(0)
    page.search.setText("luca")
    assert [w for w, _o, _t in _table(page)] == ["Luca <luca@example.it>"]
    page.scroll.setValue(page.scroll.value() + 60)
    assert abs(timeline.view_start - (before + timedelta(minutes=60))) < timedelta(minutes=1)


def test_csv_export_and_simulating_one_disabled_rule(prepared, runner, qtbot, tmp_path) -> None:
    page = _page(qtbot, runner)
    page.simulate_rule("Spenta")
    assert page.checked_rules() == ["Spenta"]
    assert [l.rule for l in page.run_data.timeline.lanes] == ["Spenta"]
    assert [(r.name, r.local.strftime("%H:%M")) for r in page.model.rows if r.sent] == [("Ugo", "10:00")]
    target = tmp_path / "out.csv"
    page.export_csv(str(target))
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["rule"], r["to"], r["what"]) for r in rows] == [("Spenta", "ugo@example.it", "send")]
    assert str(target) in page.status.text()


def test_no_rule_chosen_is_refused_with_words(prepared, runner, qtbot) -> None:
    page = _page(qtbot, runner)
    page.set_checked([])
    errors: list[BaseException] = []
    runner.error_handler = lambda _parent, error: errors.append(error)
    page.run()
    assert errors and "choose at least one rule" in str(errors[0]) and page.run_data is None
    assert page.run_button.isEnabled()
