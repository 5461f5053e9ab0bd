"""Who is left out and why: the check that books also lists who it must leave out, and each
contact is reported once per rule, however many occurrences match."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop.rules.engine import check_rule
from desktop.schedule import business_defaults
from desktop.simulate.explain import Explainer
from desktop.templates import Templates

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def test_a_contact_with_two_matching_purchases_is_left_out_once(workspace) -> None:
    ws = workspace
    left_out = ws.contacts.create({"email": "x@ex.it", "first_name": "X", "email_status": "unsubscribed"},
                                  NOW - timedelta(days=5))
    ws.events.record("purchase", NOW - timedelta(minutes=100), left_out, ref="o1", amount=10)
    ws.events.record("purchase", NOW - timedelta(minutes=80), left_out, ref="o2", amount=20)
    Templates(ws.db).create("Hello", "email", subject="Ciao", html="<p>x</p>", now=NOW - timedelta(days=1))
    rule = ws.rules.save({"name": "Grazie", "enabled": True, "marketing": False,
                          "action": {"type": "send_email", "template": "Hello"},
                          "conditions": {"all": [{"behaviour": "purchase_made", "amount": 1, "unit": "hours"}]},
                          "resend": {"policy": "per_occurrence"},
                          "schedule": {"check": {"every_minutes": 60}}}, NOW - timedelta(days=1))
    business = business_defaults(ws.settings)
    outcome = check_rule(ws, rule, rule.id, NOW, business=business, window_start=NOW - timedelta(hours=1),
                         explain=True)
    assert (outcome.matched, outcome.unconsented) == (0, [left_out, left_out])  # one row per purchase
    explainer = Explainer(ws, business)
    first = explainer.unconsented(rule, NOW, outcome.unconsented)
    assert [(n.contact_id, n.kind, n.reason) for n in first] == [(left_out, "no_consent", "e-mail: unsubscribed")]
    assert explainer.unconsented(rule, NOW + timedelta(minutes=5), [left_out]) == []
