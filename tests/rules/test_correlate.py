"""The re-check's per-contact form of a rule query returns exactly what the whole-list form
returns for the same contacts, for every kind of condition the hand-built workspace has."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.rules.clock import EvalClock
from desktop.rules.correlate import correlated
from desktop.rules.engine import eval_zone, group_ids, rule_schedule
from desktop.rules.sql import compile_rule
from desktop.schedule import BusinessDefaults
from tests.rules.handbuilt import NOW, build, rule_data

BUSINESS = BusinessDefaults(zone="Europe/Rome", quiet_hours=("21:00-09:00",))
CONDITIONS = [
    {"all": [{"behaviour": "purchase_count", "cmp": "ge", "value": 1, "days": 60}]},
    {"all": [{"behaviour": "total_spent", "cmp": "gt", "value": 10, "days": 365}]},
    {"all": [{"behaviour": "no_purchase_since", "date": "2026-01-01"}]},
    {"all": [{"behaviour": "opened", "days": 30}]},
    {"all": [{"behaviour": "clicked", "days": 30}]},
    {"all": [{"behaviour": "not_opened", "days": 30}]},
    {"any": [{"behaviour": "opened", "days": 7}, {"field": "city", "op": "eq", "value": "Milano"}]},
    {"all": [{"group": "Clienti", "op": "in"}]},
    {"all": [{"group": "Clienti", "op": "not_in"}]},
]


def test_the_rewrite_leaves_unsafe_forms_and_moves_no_parameter() -> None:
    sql = ("SELECT c.id FROM contacts c WHERE c.id IN (SELECT e.contact_id FROM events e WHERE e.type = ? "
           "AND e.amount > (SELECT 1)) AND c.id NOT IN (SELECT m.contact_id FROM memberships m WHERE m.group_id = ?) "
           "AND c.id IN (SELECT s.contact_id FROM events s WHERE s.type = ? GROUP BY s.contact_id HAVING sum(s.amount) > ?)")
    out = correlated(sql)
    assert out.count("?") == sql.count("?") and "GROUP BY s.contact_id HAVING" in out
    assert "EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id AND (e.type = ?" in out
    assert "NOT EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND (m.group_id = ?))" in out


@pytest.mark.parametrize("conditions", CONDITIONS)
def test_per_contact_form_gives_the_same_rows(workspace, conditions) -> None:
    build(workspace)
    rule = workspace.rules.save(rule_data(conditions, {"type": "send_email", "template": "Hello"}, enabled=True), NOW)
    schedule = rule_schedule(rule, BUSINESS)
    clock = EvalClock(now=NOW, window_start=NOW - timedelta(days=2), zone=eval_zone(schedule, BUSINESS),
                      schedule=schedule)
    conn = workspace.db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS ids (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT OR IGNORE INTO temp.ids SELECT id FROM contacts")
    common = dict(fields=workspace.fields.all(), group_ids=group_ids(workspace.db), clock=clock, rule_id=rule.id,
                  ignore_resend=True)
    whole = compile_rule(rule, **common)
    page = compile_rule(rule, **common, contacts_from="temp.ids")
    assert sorted(conn.execute(page.sql, page.params).fetchall()) == sorted(conn.execute(whole.sql, whole.params).fetchall())
