"""Every kind of condition and schedule survives a trip through the wizard's widgets."""

from __future__ import annotations

from desktop.demo_rules import add_demo_rules
from ui.ops import QueryOp
from ui.rules.queries import editor_context
from ui.rules.wizard import RuleWizard

EXTRA_RULES = [
    {"name": "Every behaviour", "action": {"type": "move_to_group", "from": "Clienti", "to": "VIP"},
     "audience": {"include": ["Clienti"], "exclude": ["VIP"]},
     "after_send": {"add_to": ["VIP"], "remove_from": []},
     "conditions": {"any": [
         {"behaviour": "opened", "days": 7, "this_rule": True},
         {"behaviour": "clicked", "days": 3, "link": "saldi"},
         {"behaviour": "sent", "days": 5, "channel": "sms"},
         {"behaviour": "bounced"},
         {"behaviour": "purchase_count", "days": 30, "cmp": "ge", "value": 2},
         {"behaviour": "no_purchase_since", "date": "2025-12-01"},
         {"behaviour": "field_changed", "field": "city", "hours": 24, "to": 5},
         {"all": [{"field": "points", "op": "between", "value": [10, 20.5]},
                  {"field": "first_name", "op": "in", "value": ["Anna", "Bea"]},
                  {"field": "last_order", "op": "in_last", "amount": 3, "unit": "hours"},
                  {"field": "last_order", "op": "after", "value": "2026-01-05T10:30:00"},
                  {"field": "birthday", "op": "on", "value": "2000-02-29"},
                  {"field": "vip", "op": "is_true"},
                  {"group": "VIP", "op": "joined_ago", "days": 0},
                  {"any": [{"field": "email", "op": "never_set"}]}]},
     ]},
     "resend": {"policy": "yearly"},
     "schedule": {"check": {"times": ["08:15", "18:00"]},
                  "recurrence": {"kind": "yearly", "month": 2, "day": 29},
                  "active": {"from": "2026-01-01", "to": "2027-06-30"},
                  "blackout": {"dates": ["2026-04-05"], "yearly": ["12-25", "08-15"], "weekdays": ["sun"],
                               "policy": "next_allowed_day"},
                  "quiet_hours": {"bands": ["12:30-14:00", "22:00-07:00"], "business_default": False,
                                  "policy": "skip"},
                  "timezone": {"mode": "recipient"}, "missed": "skip"}},
    {"name": "Single leaf", "action": {"type": "remove_from_group", "group": "VIP"},
     "conditions": {"field": "city", "op": "like", "value": "Mil%"},
     "schedule": {"check": {"every_minutes": 5}, "recurrence": {"kind": "monthly", "day": 31}}},
]


def _add_fields(ws, now) -> None:
    for name, kind in (("city", "text"), ("points", "number"), ("last_order", "datetime"), ("vip", "boolean")):
        ws.fields.add_custom(name, kind, now)


def test_every_rule_comes_back_unchanged(qtbot, runner, workspace, now) -> None:
    add_demo_rules(workspace, now)
    for name in ("Clienti", "VIP"):
        workspace.groups.ensure(name, now)
    _add_fields(workspace, now)
    for data in EXTRA_RULES:
        workspace.rules.save(data, now)
    rules = workspace.rules.all()
    assert len(rules) >= 8
    for rule in rules:
        contexts = []
        QueryOp(runner, lambda c, rid=rule.id: editor_context(c, rid)).success(contexts.append).run_in_background()
        wizard = RuleWizard(runner, contexts[0], clock=lambda: now)
        qtbot.addWidget(wizard)
        collected = wizard.data()
        assert workspace.rules.validate(collected).to_dict() == rule.to_dict(), rule.name
        wizard.accept()
        assert wizard.saved_id == rule.id
        assert workspace.rules.get(rule.id).to_dict() == rule.to_dict(), rule.name
