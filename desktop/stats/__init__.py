"""Statistics per rule and overall, read from summary tables that triggers keep up to date.

The statistics page and ``main.py stats`` call only what this package exports; dates are
local dates in the business time zone (setting ``business.timezone``).
"""

from __future__ import annotations

from typing import Any

from desktop.stats.counters import rebuild_counters
from desktop.stats.model import DayStats, Kpis, RuleRow, Stats
from desktop.stats.queries import daily_series, kpis, per_rule_table, rule_id_for, rule_stats, without_send


def rebuild(ws: Any) -> None:
    """Recompute every counter from stored history, in one write transaction (e.g. after an import)."""
    with ws.transaction():
        rebuild_counters(ws.db)


__all__ = ["DayStats", "Kpis", "RuleRow", "Stats", "daily_series", "kpis", "per_rule_table", "rebuild",
           "rule_id_for", "rule_stats", "without_send"]
