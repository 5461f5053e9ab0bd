"""When a matched send may go out: right away, deferred to the first allowed minute, or skipped.

Used twice per send: when it is planned (``send_time``) and by the dispatcher right before
it goes out (``is_allowed``), so a schedule edited in between is still obeyed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from desktop.messages import Msg, define
from desktop.schedule.calendar import after_end, before_start, blacked_out, is_run_day
from desktop.schedule.checks import HORIZON_DAYS, ONE_DAY
from desktop.schedule.model import WEEKDAYS, BusinessDefaults, Schedule
from desktop.schedule.quiet import allowed_starts, band_containing
from desktop.schedule.zones import UTC, local_date, local_minute, transitions_on, wall_instants, zone
from desktop.timeutil import valid_zone

_DAY_NAMES = (("lunedì", "Monday"), ("martedì", "Tuesday"), ("mercoledì", "Wednesday"),
              ("giovedì", "Thursday"), ("venerdì", "Friday"), ("sabato", "Saturday"), ("domenica", "Sunday"))
assert len(_DAY_NAMES) == len(WEEKDAYS)
define({f"weekday_{i}": names for i, names in enumerate(_DAY_NAMES)})
define({
    "sched_after_end": ("il periodo attivo è finito il {end}", "the active period ended on {end}"),
    "sched_before_start": ("il periodo attivo inizia il {start}", "the active period starts on {start}"),
    "sched_blackout": ("{day} è una data esclusa ({zone})", "{day} is a blackout date in {zone}"),
    "sched_not_run_day": ("{weekday} {day} non è un giorno previsto ({zone})",
                          "{weekday} {day} is not a scheduled day in {zone}"),
    "sched_quiet": ("orario di silenzio {band} ({zone})", "quiet hours {band} in {zone}"),
    "sched_no_time_follows": ("{reason}, e non segue alcun orario consentito", "{reason}, and no allowed time follows"),
    "sched_not_allowed": ("non consentito dalla programmazione", "not allowed by the schedule"),
})


@dataclass(frozen=True)
class SendDecision:
    at: datetime | None         # None: skipped
    deferred: bool
    reason: Msg | None          # why it was deferred or skipped

    @property
    def skipped(self) -> bool:
        return self.at is None


def send_zone(schedule: Schedule, recipient_zone: str | None, business: BusinessDefaults) -> str:
    """The zone whose wall clock the send obeys: the recipient's, or the rule's, as the rule says."""
    if schedule.timezone.mode == "recipient":
        return recipient_zone if recipient_zone and valid_zone(recipient_zone) else business.zone
    return schedule.timezone.zone or business.zone


def _blocker(schedule: Schedule, name: str, tz: ZoneInfo, at: datetime,
             business: BusinessDefaults) -> tuple[str, Msg] | None:
    """(kind, reason) for the first thing that forbids sending at ``at``, or None if allowed."""
    day, minute = local_minute(at, tz)
    if after_end(schedule, day):
        return "after_end", Msg("sched_after_end", {"end": str(schedule.active.end)})
    if before_start(schedule, day):
        return "before_start", Msg("sched_before_start", {"start": str(schedule.active.start)})
    if blacked_out(schedule, day):
        return "blackout", Msg("sched_blackout", {"day": str(day), "zone": name})
    if not is_run_day(schedule, day):
        return "not_run_day", Msg("sched_not_run_day", {"weekday": Msg(f"weekday_{day.weekday()}"),
                                                        "day": str(day), "zone": name})
    band = band_containing(schedule.quiet_mask(business), minute)
    if band is not None:
        return "quiet", Msg("sched_quiet", {"band": band.label(), "zone": name})
    return None


def is_allowed(schedule: Schedule, zone_name: str | None, at: datetime, *,
               business: BusinessDefaults) -> tuple[bool, Msg | None]:
    """May a send go out at ``at`` to a recipient in ``zone_name``? (False, reason) if not."""
    name = send_zone(schedule, zone_name, business)
    blocker = _blocker(schedule, name, zone(name), at.astimezone(UTC), business)
    return (True, None) if blocker is None else (False, blocker[1])


def first_allowed(schedule: Schedule, zone_name: str, after: datetime, *,
                  business: BusinessDefaults) -> datetime | None:
    """The first instant at or after ``after`` when sending is allowed in ``zone_name``.

    Being allowed only changes where the local wall clock crosses midnight or the end of a
    quiet band, or jumps at a DST transition; those instants are the only candidates.
    """
    tz = zone(zone_name)
    after = after.astimezone(UTC)
    if _blocker(schedule, zone_name, tz, after, business) is None:
        return after
    starts = allowed_starts(schedule.quiet_mask(business))
    day = local_date(after, tz) - ONE_DAY
    if schedule.active.start and day < schedule.active.start:
        day = schedule.active.start - ONE_DAY
    best: datetime | None = None
    for _ in range(HORIZON_DAYS):
        if after_end(schedule, day):
            break
        if is_run_day(schedule, day):
            candidates = [i for m in starts for i in wall_instants(day, m, tz)] + transitions_on(day, tz)
            for candidate in sorted(c for c in candidates if c >= after):
                if best is not None and candidate >= best:
                    break
                if _blocker(schedule, zone_name, tz, candidate, business) is None:
                    best = candidate
                    break
        if best is not None and day_is_past(best, day, tz):
            return best
        day += ONE_DAY
    return best


def day_is_past(found: datetime, day: date, tz: ZoneInfo) -> bool:
    """Stop once a whole local day after the one holding ``found`` has been searched too."""
    return local_date(found, tz) < day


def send_time(schedule: Schedule, zone_name: str | None, matched_at: datetime, *,
              business: BusinessDefaults) -> SendDecision:
    """When a send matched at ``matched_at`` may go out to a recipient in ``zone_name``."""
    name = send_zone(schedule, zone_name, business)
    tz = zone(name)
    matched_at = matched_at.astimezone(UTC)
    blocker = _blocker(schedule, name, tz, matched_at, business)
    if blocker is None:
        return SendDecision(matched_at, False, None)
    kind, words = blocker
    if kind == "after_end":
        return SendDecision(None, False, words)
    if kind == "blackout" and schedule.blackout.policy == "skip":
        return SendDecision(None, False, words)
    if kind == "quiet" and schedule.quiet_hours.policy == "skip":
        return SendDecision(None, False, words)
    at = first_allowed(schedule, name, matched_at, business=business)
    if at is None:
        return SendDecision(None, False, Msg("sched_no_time_follows", {"reason": words}))
    return SendDecision(at, True, words)

