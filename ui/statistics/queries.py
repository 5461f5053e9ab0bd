"""The reads behind the Statistics page, run on the worker by ``ui.ops``.

One call returns everything a range shows (tiles, chart, table), so the three always agree
and a slow disk costs one round trip, not three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop import stats
from desktop.rules.model import SEND_ACTIONS
from desktop.stats import DayStats, Kpis, RuleRow, Stats
from ui.ops import OpContext


@dataclass(frozen=True)
class StatsQuery:
    since: date                 # local days in the business zone, both included
    until: date
    rule_id: int | None = None  # None: every rule


@dataclass
class StatsSnapshot:
    query: StatsQuery
    kpis: Kpis
    series: list[DayStats]
    rules: list[RuleRow] = field(default_factory=list)
    without_send: Stats = field(default_factory=Stats)  # imported reactions: counts, in no rate
    group_rules: frozenset[int] = frozenset()  # rules that change groups and send nothing

    @property
    def empty(self) -> bool:
        """Nothing went out and nothing came back in the range: the page shows its empty state."""
        return not any(d.sent or d.opened or d.clicked or d.bounced or d.unsubscribed or d.purchases
                       or d.uncertain or d.failed for d in (day.stats for day in self.series))


def stats_context(c: OpContext) -> dict[str, Any]:
    """The rule filter's choices and the business zone that defines "a day"."""
    return {"zone": c.ws.settings.get("business.timezone"),
            "rules": [(r[0], r[1]) for r in c.ws.db.execute("SELECT id, name FROM rules ORDER BY name COLLATE NOCASE")]}


def load_stats(c: OpContext, query: StatsQuery) -> StatsSnapshot:
    ws = c.ws
    kpis = stats.kpis(ws, query.since, query.until, query.rule_id)
    c.check()
    series = stats.daily_series(ws, query.since, query.until, query.rule_id)
    c.check()
    rows = stats.per_rule_table(ws, query.since, query.until)
    apart = Stats()
    if query.rule_id is not None:
        rows = [r for r in rows if r.rule_id == query.rule_id]
    else:
        apart = stats.without_send(ws, query.since, query.until)
    group_rules = frozenset(r.id for r in ws.rules.all() if r.action.get("type") not in SEND_ACTIONS)
    return StatsSnapshot(query, kpis, series, rows, apart, group_rules)
