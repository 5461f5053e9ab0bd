"""One rule check: compile, query, decide each send's time, and write the ledger.

This is the single path from "conditions hold" to "a send is booked": the live scheduler,
``run-once`` and the simulator all call ``check_rule``; only the clock they pass differs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime, timedelta
from typing import Any

from desktop.rules.booking import INSERT_LEDGER, Booking, Tally, book_sends, ledger_values
from desktop.rules.caps import Cap, caps_from_settings
from desktop.rules.clock import EvalClock
from desktop.rules.recipient_days import RecipientCalendar
from desktop.rules.model import Rule
from desktop.rules.rows import match_reader
from desktop.rules.sql import GroupIds, compile_rule
from desktop.schedule import BusinessDefaults, Schedule, check_window, resolve_zone
from desktop.timeutil import from_db, to_db


@dataclass
class CheckResult(Tally):
    """A check's counts: the booking's own (``Tally``) plus what only a check knows."""

    rule_id: int = field(kw_only=True)
    checked_at: datetime = field(kw_only=True)
    window_start: datetime = field(kw_only=True)
    matched: int = 0
    applied: int = 0
    unconsented: list[int] = field(default_factory=list)  # with ``explain``: left out, in order


@lru_cache(maxsize=256)
def _parse_schedule(text: str, business: BusinessDefaults) -> Schedule:
    return Schedule.from_dict(json.loads(text), business=business)


def rule_schedule(rule: Rule, business: BusinessDefaults) -> Schedule:
    """The rule's parsed schedule; parsing is pure, so it is cached (checks run thousands of
    times in a simulation)."""
    return _parse_schedule(json.dumps(rule.schedule, sort_keys=True), business)


def last_check(db: Any, rule_id: int) -> datetime | None:
    row = db.execute(
        "SELECT max(checked_at) FROM rule_checks WHERE rule_id = ? AND error IS NULL AND missed_slot IS NULL",
        [rule_id]).fetchone()
    return from_db(row[0]) if row and row[0] else None


def eval_zone(schedule: Schedule, business: BusinessDefaults) -> str:
    """The zone date conditions are read in: the rule's own, else the business's."""
    if schedule.timezone.mode == "rule" and schedule.timezone.zone:
        return schedule.timezone.zone
    return business.zone


def group_ids(db: Any) -> GroupIds:
    return GroupIds((name.casefold(), gid) for gid, name in db.execute("SELECT id, name FROM groups"))


def check_rule(ws: Any, rule: Rule, rule_id: int, now: datetime, *, business: BusinessDefaults,
               window_start: datetime | None = None, caps: dict[str, Cap] | None = None,
               record: bool = True, explain: bool = False) -> CheckResult:
    """Evaluate ``rule`` at ``now`` and book what it matched, in one write transaction.

    ``window_start`` defaults to the previous successful check (or the schedule's nominal
    period before ``now`` for a first check), so relative conditions tile without gaps.
    ``explain`` also lists, in ``unconsented``, the contacts a send action matched but must
    leave out for lack of consent or address (the simulator says why they get nothing).
    """
    schedule = rule_schedule(rule, business)
    if window_start is None:
        window_start, _ = check_window(schedule, last_check(ws.db, rule_id), now, business=business)
    if window_start is None:  # no earlier slot at all (the active period starts today)
        window_start = now - timedelta(hours=1)
    zone = eval_zone(schedule, business)
    per_recipient = schedule.timezone.mode == "recipient"
    clock = EvalClock(now=now, window_start=min(window_start, now), zone=zone,
                      spread_days=1 if per_recipient else 0, schedule=schedule)
    compiled = compile_rule(rule, fields=ws.fields.all(), group_ids=group_ids(ws.db), clock=clock,
                            rule_id=rule_id, consent_column=explain)
    caps = caps if caps is not None else caps_from_settings(ws.settings)
    result = CheckResult(rule_id=rule_id, checked_at=now, window_start=clock.window_start)
    calendar = RecipientCalendar(ws.db, rule, rule_id, schedule, clock)
    deadlines: dict[tuple[int, str], datetime] = {}  # (contact, occurrence) -> too late from then
    cap = caps.get(rule.channel) if rule.sends and rule.marketing else None
    matched: list[tuple[int, str, int | None, str]] = []
    read = match_reader(ws.db, compiled)
    with ws.transaction():
        for row in ws.db.execute(compiled.sql, compiled.params):
            contact_id, occurrence, event_id, tz, phone, anniversary, consented = read(row)
            recipient_zone = resolve_zone(tz, phone, business.zone) if per_recipient else zone
            if per_recipient and rule.resend["policy"] == "every_n_days":
                occurrence = calendar.day_occurrence(contact_id, recipient_zone)
                if occurrence is None:
                    continue  # sent within the recipient's last N days
            if compiled.anniversary_field:
                found = calendar.anniversary(anniversary, recipient_zone)
                if found is None:
                    continue  # not (or no longer) the day in the recipient's own calendar
                if rule.resend["policy"] == "yearly":
                    occurrence = f"year:{found[0].year}"  # the birthday's year, not today's
                deadlines[(contact_id, occurrence)] = found[1]  # wished before this, or not at all
            if not consented:  # explaining: matched, but no consent or address
                result.unconsented.append(contact_id)
                continue
            matched.append((contact_id, occurrence, event_id, recipient_zone))
        # Book in contact order, whatever plan SQLite chose: ledger ids decide who goes first
        # when a daily cap runs out, and the simulator's query (consent as a column) may be
        # planned differently from the live one's. A contact's own occurrences go in the order
        # their events arrived (the earlier purchase takes the cap's slot), not by their text.
        matched.sort(key=lambda m: (m[0], m[2] or 0, m[1]))
        result.matched = len(matched)
        if rule.sends:
            result.take(book_sends(ws, rule, rule_id, schedule, business, cap, matched, now, deadlines))
        else:
            for contact_id, occurrence, _, _ in matched:
                _apply_group(ws, rule, rule_id, result, contact_id, occurrence, now)
        if record:
            ws.db.execute(
                "INSERT INTO rule_checks(rule_id, checked_at, window_start, matched, planned) VALUES (?, ?, ?, ?, ?)",
                [rule_id, to_db(now), to_db(clock.window_start), result.matched,
                 result.planned + result.applied + result.deferred_by_cap])
    return result


def _apply_group(ws: Any, rule: Rule, rule_id: int, result: CheckResult, contact_id: int,
                 occurrence: str, now: datetime) -> None:
    """Group actions take effect at once, in the same transaction as their ledger row."""
    values = ledger_values(rule, rule_id, contact_id, occurrence, "applied", now, now, {})
    if ws.db.conn.execute(INSERT_LEDGER, values).rowcount != 1:
        result.already += 1
        return
    action = rule.action
    groups = ws.groups
    if action["type"] == "add_to_group":
        groups.add(groups.require(action["group"]), [contact_id], now)
    elif action["type"] == "remove_from_group":
        groups.remove(groups.require(action["group"]), [contact_id])
    else:
        groups.remove(groups.require(action["from"]), [contact_id])
        groups.add(groups.require(action["to"]), [contact_id], now)
    apply_after_send(ws, rule, contact_id, now)
    result.applied += 1
    result.bookings.append(Booking(contact_id, occurrence, "applied", now, "", None))


def apply_after_send(ws: Any, rule: Rule, contact_id: int, now: datetime) -> None:
    """The rule's "after sending" group changes (MailUp's "assign to group after sending")."""
    for name in rule.after_send.get("add_to", []):
        ws.groups.add(ws.groups.require(name), [contact_id], now)
    for name in rule.after_send.get("remove_from", []):
        ws.groups.remove(ws.groups.require(name), [contact_id])
