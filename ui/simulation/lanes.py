"""What the timeline draws, as plain data: lanes, quiet-hour bands and grouped markers.

Kept free of painting so the worker can build it, tests can query it, and the widget only
maps times to pixels. Quiet bands come from each rule's schedule (``quiet_mask``) in the
zone whose wall clock the rule follows; for rules that follow recipients' zones the lane
shows the business zone's bands, since one lane cannot show every recipient's night.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Iterable
from zoneinfo import ZoneInfo

from desktop.rules.engine import rule_schedule
from desktop.schedule import BusinessDefaults, Schedule, business_defaults
from desktop.schedule.quiet import merged
from desktop.simulate import SimulationResult
from desktop.timeutil import UTC

Interval = tuple[datetime, datetime]


@dataclass
class Lane:
    rule: str
    zone: str
    recipient_zone: bool
    quiet: list[Interval] = field(default_factory=list)
    checks: list[datetime] = field(default_factory=list)
    sends: list[tuple[datetime, int]] = field(default_factory=list)  # (UTC instant, table row)
    _sorted: bool = False

    def sort(self) -> None:
        """Once, so each repaint finds the visible range by bisection."""
        if not self._sorted:
            self.checks.sort()
            self.sends.sort()
            self._sorted = True


@dataclass(frozen=True)
class Marker:
    lane: int
    kind: str            # "check" | "send"
    start: datetime
    end: datetime
    count: int
    rows: tuple[int, ...] = ()

    @property
    def grouped(self) -> bool:
        return self.count > 1


@dataclass
class TimelineData:
    start: datetime
    end: datetime
    zone: str                      # the axis's zone (the business's)
    lanes: list[Lane] = field(default_factory=list)

    def markers(self, view_start: datetime, view_end: datetime, width_px: float,
                send_gap_px: float = 12.0, check_gap_px: float = 3.0) -> list[Marker]:
        """Markers in the visible range; sends closer than ``send_gap_px`` become one counted marker."""
        if width_px <= 0 or view_end <= view_start:
            return []
        per_px = (view_end - view_start) / width_px
        out: list[Marker] = []
        for index, lane in enumerate(self.lanes):
            lane.sort()
            low, high = bisect_left(lane.checks, view_start), bisect_right(lane.checks, view_end)
            out.extend(_group(index, "check", [(t, -1) for t in lane.checks[low:high]], per_px * check_gap_px))
            low = bisect_left(lane.sends, (view_start, -1))
            high = bisect_right(lane.sends, (view_end, 1 << 62))
            out.extend(_group(index, "send", lane.sends[low:high], per_px * send_gap_px))
        return out


def _group(lane: int, kind: str, items: list[tuple[datetime, int]], gap: timedelta) -> list[Marker]:
    out: list[Marker] = []
    first: datetime | None = None
    last: datetime | None = None
    rows: list[int] = []
    count = 0
    for at, row in items:
        if first is not None and at - first > gap:
            out.append(Marker(lane, kind, first, last or first, count, tuple(rows)))
            first, rows, count = None, [], 0
        if first is None:
            first = at
        last = at
        count += 1
        if row >= 0:
            rows.append(row)
    if first is not None:
        out.append(Marker(lane, kind, first, last or first, count, tuple(rows)))
    return out


def quiet_intervals(schedule: Schedule, business: BusinessDefaults, zone: str,
                    start: datetime, end: datetime) -> list[Interval]:
    """The quiet-hour bands of ``schedule`` between ``start`` and ``end`` as UTC intervals."""
    bands = merged(schedule.quiet_mask(business))
    if not bands:
        return []
    tz = ZoneInfo(zone)
    first_day = start.astimezone(tz).date() - timedelta(days=1)
    last_day = end.astimezone(tz).date()
    out: list[Interval] = []
    day = first_day
    while day <= last_day:
        for band in bands:
            if band.start == band.end:  # quiet all day (schedules refuse this, but be exact)
                begin, finish = _local(day, 0, tz), _local(day + timedelta(days=1), 0, tz)
            else:
                begin = _local(day, band.start, tz)
                finish = _local(day + timedelta(days=1) if band.end <= band.start else day, band.end, tz)
            begin, finish = max(begin, start), min(finish, end)
            if begin < finish:
                out.append((begin, finish))
        day += timedelta(days=1)
    return _merge(out)


def _local(day: date, minute: int, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz).astimezone(UTC)


def _merge(intervals: list[Interval]) -> list[Interval]:
    intervals.sort()
    out: list[Interval] = []
    for begin, finish in intervals:
        if out and begin <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], finish))
        else:
            out.append((begin, finish))
    return out


def build_timeline(ws: Any, result: SimulationResult, sends: Iterable[tuple[str, datetime, int]]) -> TimelineData:
    """Lanes for the result's rules; ``sends`` are (rule, instant, table row) from the table."""
    business = business_defaults(ws.settings)
    data = TimelineData(result.start, result.end, business.zone)
    lanes: dict[str, Lane] = {}
    rules = {r.name: r for r in ws.rules.all()}
    for name in result.rules:
        rule = rules.get(name)
        schedule = rule_schedule(rule, business) if rule is not None else Schedule()
        recipient = schedule.timezone.mode == "recipient"
        zone = business.zone if recipient else (schedule.timezone.zone or business.zone)
        lane = Lane(name, zone, recipient, quiet_intervals(schedule, business, zone, result.start, result.end))
        lanes[name] = lane
        data.lanes.append(lane)
    for mark in result.checks:
        if mark.rule in lanes:
            lanes[mark.rule].checks.append(mark.at)
    for rule, at, row in sends:
        if rule in lanes:
            lanes[rule].sends.append((at, row))
    for lane in data.lanes:
        lane.sort()
    return data
