"""Statistics as text tables and as the stable JSON shape documented in docs/stats.md."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.messages import Msg, define, text
from desktop.stats.model import DayStats, RuleRow, Stats

JSON_FORMAT = 1
_TABLE_COLUMNS = (("sent", "sent"), ("delivered", "delivered"), ("opened_unique", "opens"),
                  ("clicked_unique", "clicks"), ("unsubscribed", "unsub"), ("failed", "failed"),
                  ("purchases", "orders"), ("revenue", "revenue"))


def _pct(value: float | None, language: str = "en") -> str:
    return "—" if value is None else _decimal(f"{value * 100:.1f}%", language)


def _decimal(shown: str, language: str) -> str:
    """``12.5`` written the reader's way (``12,5`` in Italian)."""
    return shown.replace(".", ",") if language == "it" else shown


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


def _cell(stats: Stats, key: str, language: str = "en") -> str:
    value = getattr(stats, key)
    return _decimal(f"{value:.2f}", language) if key == "revenue" else str(value)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    return [line(header), *(line(r) for r in rows)]


define({
    "stats.title": ("{title}: dal {since} al {until} ({zone})", "{title}: {since} to {until} ({zone})"),
    "stats.all_rules": ("Tutte le regole", "All rules"),
    "stats.matched": ("corrispondenti", "matched"), "stats.planned": ("prenotati", "planned"),
    "stats.sent": ("inviati", "sent"), "stats.delivered": ("consegnati", "delivered"),
    "stats.failed": ("non riusciti", "failed"), "stats.bounced": ("respinti", "bounced"),
    "stats.opened": ("aperture (uniche / totali)", "opened (unique / total)"),
    "stats.clicked": ("clic (unici / totali)", "clicked (unique / total)"),
    "stats.machine_opened": ("aperture automatiche (non tra le aperture)", "machine opens (not in opens)"),
    "stats.machine_clicked": ("clic automatici (non tra i clic)", "machine clicks (not in clicks)"),
    "stats.open_rate": ("tasso di apertura", "open rate"), "stats.click_rate": ("tasso di clic", "click rate"),
    "stats.click_to_open_rate": ("tasso di clic sulle aperture", "click-to-open rate"),
    "stats.unsubscribed": ("disiscritti", "unsubscribed"),
    "stats.sms": ("SMS consegnati / non riusciti", "SMS delivered / failed"),
    "stats.capped": ("rinviati / scartati per limite", "deferred / dropped by caps"),
    "stats.uncertain": ("incerti", "uncertain"), "stats.skipped": ("saltati", "skipped"),
    "stats.purchases": ("acquisti / incasso", "purchases / revenue"),
    "stats.col_rule": ("regola", "rule"), "stats.col_day": ("giorno", "day"),
    "stats.col_sent": ("inviati", "sent"), "stats.col_delivered": ("consegn.", "deliv"),
    "stats.col_opens": ("aperture", "opens"), "stats.col_clicks": ("clic", "clicks"),
    "stats.col_unsub": ("disiscr.", "unsub"), "stats.col_failed": ("non riusc.", "failed"),
    "stats.col_orders": ("ordini", "orders"), "stats.col_revenue": ("incasso", "revenue"),
    "stats.without_send": ("senza un invio (storico importato, in nessun tasso): {counts}",
                           "without a send (imported history, in no rate): {counts}"),
    "stats.apart_opened": ("aperture", "opened"), "stats.apart_clicked": ("clic", "clicked"),
    "stats.apart_bounced": ("respinti", "bounced"), "stats.apart_unsubscribed": ("disiscritti", "unsubscribed"),
})


def to_text(*, zone: str, since: date, until: date, rule: RuleRow | None, totals: Stats,
            daily: list[DayStats], rules: list[RuleRow], without_send: Stats | None = None,
            language: str = "en") -> str:
    say = lambda code, **params: text(Msg(code, params), language)  # noqa: E731
    title = rule.name if rule else say("stats.all_rules")
    out = [say("stats.title", title=title, since=since.isoformat(), until=until.isoformat(), zone=zone), ""]
    facts = [
        ("matched", totals.matched), ("planned", totals.planned), ("sent", totals.sent),
        ("delivered", totals.delivered), ("failed", totals.failed), ("bounced", totals.bounced),
        ("opened", f"{totals.opened_unique} / {totals.opened}"),
        ("clicked", f"{totals.clicked_unique} / {totals.clicked}"),
        ("machine_opened", totals.machine_opened), ("machine_clicked", totals.machine_clicked),
        ("open_rate", _pct(totals.open_rate, language)), ("click_rate", _pct(totals.click_rate, language)),
        ("click_to_open_rate", _pct(totals.click_to_open_rate, language)), ("unsubscribed", totals.unsubscribed),
        ("sms", f"{totals.sms_delivered} / {totals.sms_failed}"),
        ("capped", f"{totals.deferred_cap} / {totals.dropped_cap}"),
        ("uncertain", totals.uncertain), ("skipped", totals.skipped),
        ("purchases", f"{totals.purchases} / {_decimal(f'{totals.revenue:.2f}', language)}"),
    ]
    named = [(say(f"stats.{k}"), v) for k, v in facts]
    width = max(len(k) for k, _ in named)
    out += [f"  {k.ljust(width)}  {v}" for k, v in named]
    keys = [k for k, _ in _TABLE_COLUMNS]
    labels = [say(f"stats.col_{label}") for _, label in _TABLE_COLUMNS]
    if rules:
        out += ["", *_table([say("stats.col_rule"), *labels],
                            [[r.name, *(_cell(r.stats, k, language) for k in keys)] for r in rules])]
    apart = _without_send(without_send)
    if any(apart.values()):
        counts = ", ".join(f"{say(f'stats.apart_{k}')} {v}" for k, v in apart.items())
        out += ["", say("stats.without_send", counts=counts)]
    active = [d for d in daily if d.stats != Stats()]
    if active:
        out += ["", *_table([say("stats.col_day"), *labels], [[d.day.isoformat(), *(_cell(d.stats, k, language) for k in keys)]
                                                               for d in active])]
    return "\n".join(out)
