"""Statistics as text tables and as the stable JSON shape documented in docs/stats.md."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.stats.model import DayStats, RuleRow, Stats

JSON_FORMAT = 1
_TABLE_COLUMNS = (("sent", "sent"), ("delivered", "deliv"), ("opened_unique", "opens"),
                  ("clicked_unique", "clicks"), ("unsubscribed", "unsub"), ("failed", "failed"),
                  ("purchases", "orders"), ("revenue", "revenue"))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


_APART = ("opened", "clicked", "bounced", "unsubscribed")


def _without_send(stats: Stats | None) -> dict[str, int]:
    return {k: getattr(stats, k) if stats else 0 for k in _APART}


def to_json(*, zone: str, since: date, until: date, attribution_days: int, rule: RuleRow | None,
            totals: Stats, daily: list[DayStats], rules: list[RuleRow],
            without_send: Stats | None = None) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "timezone": zone,
        "since": since.isoformat(),
        "until": until.isoformat(),
        "attribution_days": attribution_days,
        "rule": None if rule is None else {"id": rule.rule_id, "name": rule.name},
        "totals": totals.counts(),
        "rates": totals.rates(),
        "daily": [{"date": d.day.isoformat(), **d.stats.counts()} for d in daily],
        "rules": [{"id": r.rule_id, "name": r.name, "totals": r.stats.counts(), "rates": r.stats.rates()}
                  for r in rules],
        "without_send": _without_send(without_send),
    }


def _cell(stats: Stats, key: str) -> str:
    value = getattr(stats, key)
    return f"{value:.2f}" if key == "revenue" else str(value)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    return [line(header), *(line(r) for r in rows)]


def to_text(*, zone: str, since: date, until: date, rule: RuleRow | None, totals: Stats,
            daily: list[DayStats], rules: list[RuleRow], without_send: Stats | None = None) -> str:
    title = rule.name if rule else "All rules"
    out = [f"{title}: {since.isoformat()} to {until.isoformat()} ({zone})", ""]
    facts = [
        ("matched", totals.matched), ("planned", totals.planned), ("sent", totals.sent),
        ("delivered", totals.delivered), ("failed", totals.failed), ("bounced", totals.bounced),
        ("opened (unique / total)", f"{totals.opened_unique} / {totals.opened}"),
        ("clicked (unique / total)", f"{totals.clicked_unique} / {totals.clicked}"),
        ("machine opens (not in opens)", totals.machine_opened),
        ("open rate", _pct(totals.open_rate)), ("click rate", _pct(totals.click_rate)),
        ("click-to-open rate", _pct(totals.click_to_open_rate)), ("unsubscribed", totals.unsubscribed),
        ("SMS delivered / failed", f"{totals.sms_delivered} / {totals.sms_failed}"),
        ("deferred / dropped by caps", f"{totals.deferred_cap} / {totals.dropped_cap}"),
        ("uncertain", totals.uncertain), ("skipped", totals.skipped),
        ("purchases / revenue", f"{totals.purchases} / {totals.revenue:.2f}"),
    ]
    width = max(len(k) for k, _ in facts)
    out += [f"  {k.ljust(width)}  {v}" for k, v in facts]
    keys = [k for k, _ in _TABLE_COLUMNS]
    labels = [label for _, label in _TABLE_COLUMNS]
    if rules:
        out += ["", *_table(["rule", *labels], [[r.name, *(_cell(r.stats, k) for k in keys)] for r in rules])]
    apart = _without_send(without_send)
    if any(apart.values()):
        out += ["", "without a send (imported history, in no rate): " + ", ".join(
            f"{k} {v}" for k, v in apart.items())]
    active = [d for d in daily if d.stats != Stats()]
    if active:
        out += ["", *_table(["day", *labels], [[d.day.isoformat(), *(_cell(d.stats, k) for k in keys)]
                                                for d in active])]
    return "\n".join(out)
