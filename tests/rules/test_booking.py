"""Booking a check's sends in one batch: a row that meets one already in the ledger undoes
the batch, and the check is booked again row by row — nothing doubled, nothing lost."""

from __future__ import annotations

from datetime import timedelta

from desktop.rules.booking import book_sends
from desktop.rules.caps import Cap
from desktop.rules.engine import rule_schedule
from desktop.schedule import BusinessDefaults
from tests.rules.handbuilt import NOW, build, rule_data

BUSINESS = BusinessDefaults(zone="Europe/Rome", quiet_hours=("21:00-09:00",))
EMAIL = {"type": "send_email", "template": "Hello"}


def _rows(ws):
    return ws.db.execute("SELECT contact_id, occurrence, state FROM ledger ORDER BY contact_id, occurrence").fetchall()


def test_a_batch_that_meets_an_existing_row_is_booked_again_row_by_row(workspace) -> None:
    build(workspace)
    rule = workspace.rules.save(rule_data({"all": []}, EMAIL), NOW)
    schedule = rule_schedule(rule, BUSINESS)
    contacts = [r[0] for r in workspace.db.execute("SELECT id FROM contacts ORDER BY id LIMIT 3")]
    first = [(contacts[0], "year:2026", None, "Europe/Rome")]
    with workspace.transaction():
        assert book_sends(workspace, rule, rule.id, schedule, BUSINESS, None, first, NOW).planned == 1
    # The second check matches that contact again (as a recipient's calendar can) plus two new.
    again = first + [(c, "year:2026", None, "Europe/Rome") for c in contacts[1:]]
    with workspace.transaction():
        tally = book_sends(workspace, rule, rule.id, schedule, BUSINESS, None, again, NOW + timedelta(hours=1))
    assert (tally.planned, tally.already) == (2, 1)
    assert [b.contact_id for b in tally.bookings] == contacts[1:]
    assert _rows(workspace) == [(c, "year:2026", "planned") for c in contacts]


def test_the_row_by_row_booking_keeps_the_cap_right(workspace) -> None:
    """With a cap of one a week, the fallback must not count the slot of a row it could not
    write: the contact's existing row holds the week, the new occurrence is deferred."""
    build(workspace)
    rule = workspace.rules.save(rule_data({"all": []}, EMAIL), NOW)
    schedule = rule_schedule(rule, BUSINESS)
    cap = Cap("email", 1, timedelta(days=7), timedelta(days=30))
    contact = workspace.db.execute("SELECT id FROM contacts ORDER BY id").fetchone()[0]
    with workspace.transaction():
        book_sends(workspace, rule, rule.id, schedule, BUSINESS, cap, [(contact, "a", None, "Europe/Rome")], NOW)
    with workspace.transaction():
        tally = book_sends(workspace, rule, rule.id, schedule, BUSINESS, cap,
                           [(contact, "a", None, "Europe/Rome"), (contact, "b", None, "Europe/Rome")], NOW)
    assert (tally.already, tally.planned, tally.deferred_by_cap) == (1, 0, 1)
    assert _rows(workspace) == [(contact, "a", "planned"), (contact, "b", "deferred")]
