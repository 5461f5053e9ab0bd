"""The read side: local-date ranges in the business zone turned into sums of summary rows.

A local range [since 00:00, until+1 00:00) is converted to UTC once, with zoneinfo, so a DST
day is 23 or 25 hours and a +05:45 zone's midnight is 18:15 UTC; both ends fall on UTC
quarter-hours. Whole UTC days inside the range come from ``stats_d``, the edges from
``stats_q``: a year is ~365 day rows per rule plus at most 2 x 95 quarter rows.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.stats.model import DayStats, Kpis, RuleRow, Stats
from desktop.stats.sql import COLUMNS, NO_RULE, OVERALL, QUARTER, QUARTERS_PER_DAY

define({
    "stats.range_reversed": ("l'intervallo inizia ({since}) dopo la sua fine ({until})",
                             "the range starts ({since}) after it ends ({until})"),
    "stats.range_too_long": ("l'intervallo è più lungo di {days} giorni", "the range is longer than {days} days"),
    "stats.no_rule": ("nessuna regola si chiama {name!r}; `rules list` le elenca",
                      "no rule is called {name!r}; `rules list` shows them"),
})

MAX_DAYS = 3700
_SUMS = ", ".join(f"total({c})" for c in COLUMNS)


def business_zone(ws: Any) -> ZoneInfo:
    return ZoneInfo(ws.settings.get("business.timezone"))


def local_midnight_quarter(zone: ZoneInfo, day: date) -> int:
    """The UTC quarter-hour index at which ``day`` starts in ``zone``."""
    return int(datetime.combine(day, time(0), tzinfo=zone).timestamp()) // QUARTER


def _check_range(since: date, until: date) -> None:
    if since > until:
        raise InputError(Msg("stats.range_reversed", {"since": since.isoformat(), "until": until.isoformat()}),
                         "--since/--until")
    if (until - since).days >= MAX_DAYS:
        raise InputError(Msg("stats.range_too_long", {"days": MAX_DAYS}), "--since/--until")


def _edges(q_lo: int, q_hi: int) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """Quarter ranges at the edges and the whole UTC days in between (``None`` if none)."""
    d_lo = -(-q_lo // QUARTERS_PER_DAY)
    d_hi = q_hi // QUARTERS_PER_DAY
    if d_lo >= d_hi:
        return [(q_lo, q_hi)], None
    return [(q_lo, d_lo * QUARTERS_PER_DAY), (d_hi * QUARTERS_PER_DAY, q_hi)], (d_lo, d_hi)


def _add(into: list[float], row: Any) -> None:
    for i, value in enumerate(row):
        into[i] += value or 0


def _totals(db: Any, rule_id: int | None, q_lo: int, q_hi: int) -> Stats:
    key = OVERALL if rule_id is None else rule_id
    acc = [0.0] * len(COLUMNS)
    quarters, days = _edges(q_lo, q_hi)
    for lo, hi in quarters:
        if lo < hi:
            _add(acc, db.execute(f"SELECT {_SUMS} FROM stats_q WHERE rule_id = ? AND q >= ? AND q < ?",
                                 [key, lo, hi]).fetchone())
    if days:
        if rule_id is None:
            row = db.execute(f"SELECT {_SUMS} FROM stats_d WHERE d >= ? AND d < ? AND rule_id != ?",
                             [*days, NO_RULE]).fetchone()
        else:
            row = db.execute(f"SELECT {_SUMS} FROM stats_d WHERE d >= ? AND d < ? AND rule_id = ?",
                             [*days, rule_id]).fetchone()
        _add(acc, row)
    return Stats.from_row([int(v) if c != "revenue" else v for c, v in zip(COLUMNS, acc)])


def rule_stats(ws: Any, since: date, until: date, rule_id: int | None = None) -> Stats:
    """Totals for local days ``since``..``until`` (inclusive) of one rule, or of all rules."""
    _check_range(since, until)
    zone = business_zone(ws)
    return _totals(ws.db, rule_id, local_midnight_quarter(zone, since),
                   local_midnight_quarter(zone, until + timedelta(days=1)))


def daily_series(ws: Any, since: date, until: date, rule_id: int | None = None) -> list[DayStats]:
    """One entry per local day, zeros included, each day's own (23/24/25-hour) UTC span."""
    _check_range(since, until)
    zone = business_zone(ws)
    days = [since + timedelta(days=i) for i in range((until - since).days + 1)]
    starts = [local_midnight_quarter(zone, d) for d in [*days, until + timedelta(days=1)]]
    spans = [(i, starts[i], starts[i + 1]) for i in range(len(days))]
    values = ", ".join("(?, ?, ?)" for _ in spans)
    params: list[Any] = [v for span in spans for v in span]
    key = OVERALL if rule_id is None else rule_id
    sums = ", ".join(f"total(s.{c})" for c in COLUMNS)
    rows = ws.db.execute(
        f"WITH days(i, qa, qb) AS (VALUES {values}) SELECT days.i, {sums} FROM days "
        "JOIN stats_q s ON s.rule_id = ? AND s.q >= days.qa AND s.q < days.qb GROUP BY days.i",
        [*params, key]).fetchall()
    found = {row[0]: row[1:] for row in rows}
    return [DayStats(d, _stats(found.get(i))) for i, d in enumerate(days)]


def _stats(row: Any) -> Stats:
    if row is None:
        return Stats()
    return Stats.from_row([int(v) if c != "revenue" else v for c, v in zip(COLUMNS, row)])


def without_send(ws: Any, since: date, until: date) -> Stats:
    """Opens, clicks, bounces and unsubscribes that answer no send (imported history): shown
    apart, as counts, and in no rate."""
    _check_range(since, until)
    zone = business_zone(ws)
    return _totals(ws.db, NO_RULE, local_midnight_quarter(zone, since),
                   local_midnight_quarter(zone, until + timedelta(days=1)))


def per_rule_table(ws: Any, since: date, until: date) -> list[RuleRow]:
    """Every rule with its totals, by name (reactions without a send: ``without_send``)."""
    _check_range(since, until)
    zone = business_zone(ws)
    q_lo = local_midnight_quarter(zone, since)
    q_hi = local_midnight_quarter(zone, until + timedelta(days=1))
    quarters, days = _edges(q_lo, q_hi)
    acc: dict[int, list[float]] = {}
    sums = ", ".join(f"total(s.{c})" for c in COLUMNS)
    for lo, hi in quarters:
        if lo >= hi:
            continue
        for row in ws.db.execute(
                f"SELECT s.rule_id, {sums} FROM (SELECT DISTINCT rule_id FROM stats_d WHERE rule_id > 0) r "
                "JOIN stats_q s ON s.rule_id = r.rule_id AND s.q >= ? AND s.q < ? GROUP BY s.rule_id", [lo, hi]):
            _add(acc.setdefault(row[0], [0.0] * len(COLUMNS)), row[1:])
    if days:
        for row in ws.db.execute(f"SELECT rule_id, {_SUMS} FROM stats_d WHERE d >= ? AND d < ? AND rule_id > 0 "
                                 "GROUP BY rule_id", list(days)):
            _add(acc.setdefault(row[0], [0.0] * len(COLUMNS)), row[1:])
    names = dict(ws.db.execute("SELECT id, name FROM rules").fetchall())
    out = []
    for rule_id in sorted(set(names) | set(acc)):
        name = names.get(rule_id) or f"(deleted rule #{rule_id})"
        out.append(RuleRow(rule_id, name, _stats(acc.get(rule_id))))
    return sorted(out, key=lambda r: r.name.casefold())


def kpis(ws: Any, since: date, until: date, rule_id: int | None = None) -> Kpis:
    s = rule_stats(ws, since, until, rule_id)
    return Kpis(sent=s.sent, delivered=s.delivered, open_rate=s.open_rate, click_rate=s.click_rate,
                unsubscribed=s.unsubscribed, revenue=s.revenue)


def rule_id_for(ws: Any, name: str) -> int:
    row = ws.db.execute("SELECT id FROM rules WHERE name = ?", [name]).fetchone()
    if row is None:
        raise InputError(Msg("stats.no_rule", {"name": name}), "--rule")
    return int(row[0])
