"""The "every N days" exclusion is read per contact from the ledger's (rule, contact,
occurrence) key. When its OR became a MULTI-INDEX OR, the second branch walked every recent
row of the rule (the rule, time index) for each contact: after a simulated month at 100,000
contacts one check of "Riattivazione 90 giorni" took 22 s instead of 0.08 s."""

from __future__ import annotations

from datetime import timedelta

from desktop.rules.clock import EvalClock
from desktop.rules.engine import eval_zone, group_ids, rule_schedule
from desktop.rules.sql import compile_rule
from desktop.schedule import BusinessDefaults
from tests.rules.handbuilt import NOW, build, rule_data

BUSINESS = BusinessDefaults(zone="Europe/Rome", quiet_hours=("21:00-09:00",))


def test_every_n_days_reads_the_ledger_per_contact(workspace) -> None:
    build(workspace)
    rule = workspace.rules.save(rule_data({"all": [{"field": "city", "op": "eq", "value": "Milano"}]},
                                          {"type": "send_email", "template": "Hello"}, enabled=True,
                                          resend={"policy": "every_n_days", "days": 7}), NOW)
    schedule = rule_schedule(rule, BUSINESS)
    clock = EvalClock(now=NOW, window_start=NOW - timedelta(hours=1), zone=eval_zone(schedule, BUSINESS),
                      schedule=schedule)
    compiled = compile_rule(rule, fields=workspace.fields.all(), group_ids=group_ids(workspace.db), clock=clock,
                            rule_id=rule.id)
    plan = " | ".join(r[3] for r in workspace.db.execute("EXPLAIN QUERY PLAN " + compiled.sql, compiled.params))
    assert "ledger_rule_time" not in plan and "MULTI-INDEX OR" not in plan, plan
    assert "sqlite_autoindex_ledger_1 (rule_id=? AND contact_id=?" in plan, plan
