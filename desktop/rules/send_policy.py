"""The dispatcher's last-moment re-check, as the rules see it: the rule is still on, the
schedule still allows this minute in the recipient's zone, and the frequency cap still has
room. Mautic checks hour/day windows only when it schedules; we check again right before
sending, with the same functions the planner used.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable

from desktop.delivery import policy as pol
from desktop.messages import Msg
from desktop.rules.caps import Cap, caps_from_settings, first_fit, occupied_slots
from desktop.rules.engine import apply_after_send, eval_zone, rule_schedule
from desktop.rules.model import Rule
from desktop.rules.rematch import Rematch
from desktop.schedule import BusinessDefaults, Schedule, is_allowed, resolve_zone, send_time
from desktop.timeutil import from_db

# Twilio keeps a queued SMS for at most this long; we never ask for more.
SMS_VALIDITY_MAX = timedelta(hours=4)


class RulePolicy:
    def __init__(self, ws: Any, business: BusinessDefaults, caps: dict[str, Cap] | None = None,
                 slots: Callable[[Cap, int, datetime, int | None], list[datetime]] | None = None) -> None:
        """``slots(cap, contact, since, exclude_id)`` reads a contact's occupied cap slots; the
        default asks the ledger each time (the simulator passes one that reads a page at once)."""
        self._ws = ws
        self._slots = slots or (lambda cap, contact, since, exclude: occupied_slots(ws.db, cap, contact, since, exclude))
        self._business = business
        self._caps = caps if caps is not None else caps_from_settings(ws.settings)
        self._rules: dict[int, tuple[Rule | None, Schedule | None]] = {}
        self._timings: dict[tuple[int, str, datetime], pol.Decision | None] = {}
        self._blocked: dict[tuple, datetime | None] = {}
        self._rematch = Rematch(ws, business)

    def prefetch(self, rows: list[Any]) -> None:
        """The dispatcher read a page of due rows: their conditions are re-checked together."""
        self._rematch.prefetch(rows)

    def _rule(self, rule_id: int) -> tuple[Rule | None, Schedule | None]:
        if rule_id not in self._rules:
            rule = self._ws.rules.get(rule_id)
            schedule = rule_schedule(rule, self._business) if rule else None
            self._rules[rule_id] = (rule, schedule)
        return self._rules[rule_id]

    def zone_for(self, schedule: Schedule, contact: dict[str, Any]) -> str:
        if schedule.timezone.mode == "recipient":
            return resolve_zone(contact.get("timezone"), contact.get("phone"), self._business.zone)
        return eval_zone(schedule, self._business)

    def recheck(self, row: Any, contact: dict[str, Any], now: datetime) -> pol.Decision:
        rule, schedule = self._rule(row.rule_id)
        if rule is None or schedule is None:
            return pol.skip(Msg("rule_deleted"))
        if not rule.enabled:
            return pol.skip(Msg("rule_disabled"))
        zone = self.zone_for(schedule, contact)
        timing = self._timing(row.rule_id, schedule, zone, now)
        if timing is not None:
            return timing
        cap = self._caps.get(row.channel)
        if cap is not None and rule.marketing:
            later = first_fit(self._slots(cap, row.contact_id, now - cap.period, row.id), cap, now)
            if later is not None:
                expires = from_db(row.expires_at) if row.expires_at else None
                if expires is not None and later > expires:
                    return pol.drop(cap.describe(dropped=True))
                return pol.defer(later, cap.describe())
        if not self._rematch.still_matches(rule, row, now):
            return pol.skip(Msg("no_longer_matches"))
        deadline = self._deadline(schedule, zone, now) if row.channel == "sms" else None
        return pol.send(deadline)

    def _timing(self, rule_id: int, schedule: Schedule, zone: str, now: datetime) -> pol.Decision | None:
        """None if the schedule allows sending now in ``zone``, else the defer/skip decision.

        Schedules are made of local days and minutes, so the answer is the same for every row
        of a rule and zone within one minute — remembered per minute (a paced batch moves the
        clock a little for every message)."""
        key = (rule_id, zone, now.replace(second=0, microsecond=0))
        if key not in self._timings:
            if len(self._timings) > 4096:
                self._timings.clear()
            allowed, why = is_allowed(schedule, zone, now, business=self._business)
            decision = None
            if not allowed:
                later = send_time(schedule, zone, now, business=self._business)
                if later.at is None:
                    decision = pol.skip(later.reason or why or Msg("sched_not_allowed"))
                else:
                    decision = pol.defer(later.at, why or later.reason or Msg("sched_not_allowed"))
            self._timings[key] = decision
        return self._timings[key]

    def _deadline(self, schedule: Schedule, zone: str, now: datetime) -> datetime:
        """The last moment an SMS may arrive: before the next quiet band or blocked day starts,
        so a message stuck in the carrier's queue can never land at 3 a.m."""
        minute = now.replace(second=0, microsecond=0)
        key = (id(schedule), zone, minute, minute == now)
        blocked = self._blocked.get(key, False)
        if blocked is False:
            if len(self._blocked) > 4096:
                self._blocked.clear()
            blocked = self._blocked[key] = self._first_blocked(schedule, zone, now)
        return now + SMS_VALIDITY_MAX if blocked is None else max(blocked, now)

    def _first_blocked(self, schedule: Schedule, zone: str, now: datetime) -> datetime | None:
        """The first minute within the validity period that is not allowed, or None. Depends
        on ``now`` only through its minute and whether it is exactly on it (remembered so)."""
        coarse, fine = timedelta(minutes=15), timedelta(minutes=1)
        moment = now.replace(second=0, microsecond=0)
        while moment - now < SMS_VALIDITY_MAX:
            if not is_allowed(schedule, zone, moment + coarse, business=self._business)[0]:
                while is_allowed(schedule, zone, moment + fine, business=self._business)[0]:
                    moment += fine
                return moment + fine
            moment += coarse
        return None

    def after_sent(self, row: Any, now: datetime) -> None:
        rule, _ = self._rule(row.rule_id)
        if rule is not None:
            apply_after_send(self._ws, rule, row.contact_id, now)
