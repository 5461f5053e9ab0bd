"""Occurrences that the query does not build per row: 'once', today's 'day:…' (constants of
the compiled rule) and a new RSS item's 'rss:<guid>' (named once per item). The ledger must
hold the same occurrences and event ids as when the query built them for every row, and the
send-time re-check must still recognise each item's rows."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from desktop.rules.engine import check_rule
from desktop.rules.rows import match_reader
from desktop.rules.sql import compile_rule
from desktop.schedule import business_defaults
from desktop.templates import Templates

NOW = datetime(2026, 3, 10, 10, 0, tzinfo=timezone.utc)
FEED = "https://blog.example.it/feed.xml"


def _shop(ws) -> None:
    for i in range(5):
        ws.contacts.create({"email": f"c{i}@example.it", "email_status": "subscribed"}, NOW - timedelta(days=30))
    Templates(ws.db).create("Post", "email", subject="{{ event.title }}", html="<p>x</p>", now=NOW)
    for guid, title in (("post-1", "Uno"), ("post-2", "Due")):
        ws.events.record("rss_item", NOW - timedelta(minutes=30), None, ref=guid, uid=f"rss-{guid}",
                         payload={"feed": FEED, "title": title, "link": f"https://blog.example.it/{guid}"})


def test_each_rss_item_is_its_own_occurrence_with_its_event(workspace) -> None:
    _shop(workspace)
    rule = workspace.rules.save({"name": "Blog", "enabled": True, "marketing": False,
                                 "action": {"type": "send_email", "template": "Post"},
                                 "conditions": {"all": [{"behaviour": "rss_new_item", "feed": FEED}]},
                                 "resend": {"policy": "per_occurrence"},
                                 "schedule": {"check": {"every_minutes": 60}}}, NOW - timedelta(days=1))
    business = business_defaults(workspace.settings)
    result = check_rule(workspace, rule, rule.id, NOW, business=business, window_start=NOW - timedelta(hours=1))
    assert result.matched == 10
    rows = workspace.db.execute("SELECT occurrence, payload FROM ledger ORDER BY contact_id, occurrence").fetchall()
    assert sorted({o for o, _ in rows}) == ["rss:post-1", "rss:post-2"] and len(rows) == 10
    for occurrence, payload in rows:  # the template's event.* is the item the occurrence names
        assert occurrence == "rss:" + json.loads(payload)["event"]["ref"]


def test_constant_occurrences_come_from_the_compiled_rule(workspace) -> None:
    _shop(workspace)
    rule = workspace.rules.save({"name": "Daily", "enabled": True, "marketing": False,
                                 "action": {"type": "send_email", "template": "Post"},
                                 "resend": {"policy": "every_n_days", "days": 3},
                                 "schedule": {"check": {"times": ["11:00"]}}}, NOW - timedelta(days=1))
    business = business_defaults(workspace.settings)
    check_rule(workspace, rule, rule.id, NOW, business=business, window_start=NOW - timedelta(hours=1))
    assert {r[0] for r in workspace.db.execute("SELECT occurrence FROM ledger")} == {"day:2026-03-10"}
    from desktop.rules.engine import group_ids
    from desktop.rules.clock import EvalClock

    clock = EvalClock(NOW, NOW - timedelta(hours=1), "Europe/Rome")
    compiled = compile_rule(rule, fields=workspace.fields.all(), group_ids=group_ids(workspace.db), clock=clock,
                            rule_id=None)
    assert compiled.columns == ("contact_id", "timezone", "phone")   # nothing per row but who
    read = match_reader(workspace.db, compiled)
    assert [read(r)[1] for r in workspace.db.execute(compiled.sql, compiled.params)] == ["day:2026-03-10"] * 5
