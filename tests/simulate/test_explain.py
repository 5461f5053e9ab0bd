"""Who is left out and why: the check that books also lists who it must leave out, and each
contact is reported once per rule, however many occurrences match."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.helpers.engine import words
from desktop.rules.engine import check_rule
from desktop.schedule import business_defaults
from desktop.simulate.explain import Explainer
from desktop.templates import Templates

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def _two_purchases(ws, refs: tuple[str, str], *, marketing: bool, **contact):
    """A contact who bought twice in the last two hours, and a per-purchase thank-you rule."""
    buyer = ws.contacts.create({"email": "x@ex.it", "first_name": "X", **contact}, NOW - timedelta(days=5))
    ws.events.record("purchase", NOW - timedelta(minutes=100), buyer, ref=refs[0], amount=10)
    ws.events.record("purchase", NOW - timedelta(minutes=80), buyer, ref=refs[1], amount=20)
    Templates(ws.db).create("Hello", "email", subject="Ciao", html="<p>x</p>", now=NOW - timedelta(days=1))
    rule = ws.rules.save({"name": "Grazie", "enabled": True, "marketing": marketing,
                          "action": {"type": "send_email", "template": "Hello"},
                          "conditions": {"all": [{"behaviour": "purchase_made", "amount": 1, "unit": "hours"}]},
                          "resend": {"policy": "per_occurrence"},
                          "schedule": {"check": {"every_minutes": 60}}}, NOW - timedelta(days=1))
    return buyer, rule


def test_a_contact_with_two_matching_purchases_is_left_out_once(workspace) -> None:
    ws = workspace
    left_out, rule = _two_purchases(ws, ("o1", "o2"), marketing=False, email_status="unsubscribed")
    business = business_defaults(ws.settings)
    outcome = check_rule(ws, rule, rule.id, NOW, business=business, window_start=NOW - timedelta(hours=1),
                         explain=True)
    assert (outcome.matched, outcome.unconsented) == (0, [left_out, left_out])  # one row per purchase
    explainer = Explainer(ws, business)
    first = explainer.unconsented(rule, NOW, outcome.unconsented)
    assert [(n.contact_id, n.kind, words(n.reason)) for n in first] == [(left_out, "no_consent", "e-mail: unsubscribed")]
    assert explainer.unconsented(rule, NOW + timedelta(minutes=5), [left_out]) == []


def test_explaining_books_exactly_what_the_live_check_books(workspace) -> None:
    """The simulator's check (consent as a column) writes the same ledger rows, with the same
    ids, as the live check (consent in the WHERE clause) — booked in contact order either way."""
    from desktop.simulate.snapshot import discard, snapshot

    ws = workspace
    for i in range(40):
        status = "unsubscribed" if i % 7 == 0 else "subscribed"
        ws.contacts.create({"email": f"c{i}@ex.it", "first_name": f"C{i}", "email_status": status}, NOW)
    Templates(ws.db).create("Hello", "email", subject="Ciao", html="<p>x</p>", now=NOW)
    rule = ws.rules.save({"name": "Tutti", "enabled": True, "action": {"type": "send_email", "template": "Hello"},
                          "schedule": {"check": {"every_minutes": 60}}}, NOW)
    business = business_defaults(ws.settings)
    live, simulated = snapshot(ws), snapshot(ws)
    try:
        plain = check_rule(live, rule, rule.id, NOW, business=business)
        explained = check_rule(simulated, rule, rule.id, NOW, business=business, explain=True)
        assert plain.planned == explained.planned == 34 and len(explained.unconsented) == 6
        rows = "SELECT id, contact_id, occurrence, state, due_at FROM ledger ORDER BY id"
        assert live.db.execute(rows).fetchall() == simulated.db.execute(rows).fetchall()
        contacts = [r[1] for r in live.db.execute(rows)]
        assert contacts == sorted(contacts)
    finally:
        discard(live)
        discard(simulated)


def test_a_contacts_earlier_purchase_takes_the_cap_slot(workspace) -> None:
    """Within one contact, occurrences are booked in the order their events arrived: with
    room for one e-mail a week, the thank-you for order "9" goes and the one for the later
    order "10" is dropped (ordering by text would put "10" first)."""
    from desktop.rules.caps import Cap

    ws = workspace
    _buyer, rule = _two_purchases(ws, ("9", "10"), marketing=True)
    caps = {"email": Cap("email", 1, timedelta(days=7), timedelta(days=2))}
    check_rule(ws, rule, rule.id, NOW, business=business_defaults(ws.settings),
               window_start=NOW - timedelta(hours=2), caps=caps)
    states = ws.db.execute("SELECT occurrence, state FROM ledger ORDER BY id").fetchall()
    assert [(o.split("@")[0], s) for o, s in states] == [("purchase:9", "planned"), ("purchase:10", "dropped")]
