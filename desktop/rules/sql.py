"""A rule compiled to one parameterised SQL query.

The query returns, for each matching contact not excluded by the re-send policy, one row per
occurrence: ``(contact_id, occurrence, event_id, timezone, phone, anniversary)``. Consent for
the channel is part of the WHERE clause, so a send action can never select a contact who has
not agreed to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.errors import InputError
from desktop.fields import FieldSpec
from desktop.messages import Msg
from desktop.rules.clock import EvalClock, every_n_days_range, ts
from desktop.rules.conditions import occurrence_driver
from desktop.rules.correlate import correlated
from desktop.rules.model import Rule
from desktop.rules.sql_leaves import (
    Params, behaviour_sql, driver_where, field_sql, group_sql, md_list, occurrence_sql,
)

CONSENT = {
    "email": "c.email IS NOT NULL AND c.email_status = 'subscribed'",
    "sms": "c.phone IS NOT NULL AND c.sms_status = 'subscribed'",
}


@dataclass
class CompiledRule:
    sql: str
    params: list[Any]
    anniversary_field: str | None = None  # a top-level anniversary condition, refined per zone
    # The occurrence when it is the same for every row ('once', today's 'day:…'): the query
    # then selects NULL in its place — a text column per row is a new Python string per row,
    # a measurable part of reading 400,000 matches — and the reader takes this one instead.
    occurrence: str | None = None
    # For a new RSS item (one event, every contact): the occurrence's SQL over ``events d``,
    # asked once per item by ``rows.occurrence_reader`` instead of built for each of 280,000 rows.
    occurrence_by_event: str | None = None
    # The SELECT list, in order: always contact id, time zone and phone; then only what this
    # rule's rows need (NULL columns cost a conversion each, 400,000 times). ``rows.py`` reads it.
    columns: tuple[str, ...] = ("contact_id", "timezone", "phone")


def _tree(node: dict, ctx: "_Ctx", skip: dict | None) -> str:
    for joiner, glue in (("all", " AND "), ("any", " OR ")):
        if joiner in node:
            parts = [_tree(child, ctx, skip) for child in node[joiner] if child is not skip]
            parts = [p for p in parts if p]
            if not parts:
                return "1" if joiner == "all" else "0"
            return "(" + glue.join(parts) + ")"
    if "behaviour" in node:
        return behaviour_sql(node, ctx.rule_id, ctx.clock, ctx.p)
    if "field" in node:
        return field_sql(node, ctx.fields[node["field"]], ctx.clock, ctx.p)
    return group_sql(node, ctx.group_ids, ctx.clock, ctx.p)


class GroupIds(dict[str, int]):
    """Group ids by case-folded name. A rule naming a group that is gone (deleted behind the
    app's back, a workspace copied without it) fails its check with the group's name in the
    user's words, not with ``KeyError: 'vip'``."""

    def __missing__(self, name: str) -> int:
        raise InputError(Msg("rule.unknown_group", {"name": name}))


@dataclass
class _Ctx:
    fields: dict[str, FieldSpec]
    group_ids: dict[str, int]
    clock: EvalClock
    rule_id: int | None
    p: Params


def _top_anniversary(conditions: dict) -> str | None:
    """An "anniversary today" that every match must satisfy (reached through ANDs only), which
    the engine can therefore re-check in each recipient's own calendar."""
    if "any" in conditions:
        return None
    for leaf in conditions.get("all", [conditions]):
        found = _top_anniversary(leaf) if "all" in leaf else (
            leaf["field"] if leaf.get("op") == "anniversary_today" else None)
        if found:
            return found
    return None


def compile_rule(rule: Rule, *, fields: dict[str, FieldSpec], group_ids: dict[str, int],
                 clock: EvalClock, rule_id: int | None = None,
                 ignore_resend: bool = False, without_consent: bool = False,
                 consent_column: bool = False, contact_ids: list[int] | None = None,
                 contacts_from: str | None = None) -> CompiledRule:
    """One query for ``rule`` at ``clock``.

    ``ignore_resend`` drops the ledger exclusion (the "now" simulation counts how many would
    be discarded as already sent); ``without_consent`` selects the opposite of the consent
    clause — the matching contacts a send action leaves out — so the simulator can say why;
    ``consent_column`` selects both, with the consent clause's own answer as a seventh
    column (the simulator's checks: one query tells who is booked and who is left out);
    ``contact_ids`` restricts the query to those contacts, ``contacts_from`` to the ids in that
    (temporary) table (the send-time re-check: thousands of ids in one query).
    """
    p = Params()
    ctx = _Ctx(fields, GroupIds((k.casefold(), v) for k, v in group_ids.items()), clock, rule_id, p)
    policy = rule.resend["policy"]
    driver = occurrence_driver(rule.conditions) if policy == "per_occurrence" else None
    select_event = "NULL"
    occurrence = "'once'"
    constant: str | None = None
    by_event: str | None = None
    if driver is not None:
        source = "events d CROSS JOIN contacts c" if driver["behaviour"] == "rss_new_item" else \
            "events d JOIN contacts c ON c.id = d.contact_id"
        driver_sql = driver_where(driver, clock, p, "d")
        occurrence = occurrence_sql(driver, "d")
        select_event = "d.id"
        if driver["behaviour"] == "rss_new_item":
            by_event = occurrence
        where = [driver_sql]
    else:
        source = "contacts c"
        where = []
        if policy == "every_n_days":
            constant = "day:" + clock.today.isoformat()
        elif policy == "yearly":
            occurrence = _yearly_occurrence(rule, fields, clock, p)
        else:
            constant = "once"
    # The SELECT list's parameters must come first: rebuild in textual order.
    head_params = list(p)
    p.clear()
    consented = False
    if rule.channel in CONSENT:
        if consent_column:
            consented = True
        else:
            where.append(f"NOT ({CONSENT[rule.channel]})" if without_consent else CONSENT[rule.channel])
    if contact_ids is not None:
        where.append(f"c.id IN ({p.many(contact_ids) if contact_ids else 'NULL'})")
    if contacts_from is not None:
        assert contacts_from.isidentifier() or contacts_from.replace(".", "").isidentifier()
        where.append(f"c.id IN (SELECT id FROM {contacts_from})")
    include = rule.audience.get("include") or []
    exclude = rule.audience.get("exclude") or []
    if include:
        ids = [ctx.group_ids[g.casefold()] for g in include]
        where.append(f"c.id IN (SELECT ai.contact_id FROM memberships ai WHERE ai.group_id IN ({p.many(ids)}))")
    if exclude:
        ids = [ctx.group_ids[g.casefold()] for g in exclude]
        where.append(f"c.id NOT IN (SELECT ax.contact_id FROM memberships ax WHERE ax.group_id IN ({p.many(ids)}))")
    condition = _tree(rule.conditions, ctx, driver)
    if condition not in ("1", "(1)"):
        where.append(condition)
    if not ignore_resend and rule_id is not None:
        where.append(_resend_sql(rule, rule_id, occurrence, clock, p, fields))
    anniversary = _top_anniversary(rule.conditions)
    select = {"contact_id": "c.id", "timezone": "c.timezone", "phone": "c.phone"}
    if not (constant or by_event):
        select["occurrence"] = occurrence
    if driver is not None:
        select["event_id"] = select_event
    if anniversary:
        select["anniversary"] = f'c."{fields[anniversary].column}"'
    if consented:
        select["consented"] = f"({CONSENT[rule.channel]})"
    sql = (f"SELECT {', '.join(f'{expr} AS {name}' for name, expr in select.items())} FROM {source} WHERE "
           + " AND ".join(where or ["1"]))
    # Textual order: the occurrence's parameter (SELECT; id, zone and phone take none) or the
    # driver's (first in WHERE) come before everything else; driver occurrences take none.
    if contacts_from is not None:  # a page of contacts: per-contact subqueries, not whole-list ones
        sql = correlated(sql)
    return CompiledRule(sql=sql, params=head_params + list(p), anniversary_field=anniversary, occurrence=constant,
                        occurrence_by_event=by_event, columns=tuple(select))


def _resend_sql(rule: Rule, rule_id: int, occurrence: str, clock: EvalClock, p: Params,
                fields: dict[str, FieldSpec]) -> str:
    policy = rule.resend["policy"]
    if policy == "every_n_days":
        first, last = every_n_days_range(clock, rule.resend["days"])
        if first > last:
            return "1"  # only the recipient's own calendar can tell (the engine asks it)
    base = f"SELECT 1 FROM ledger l WHERE l.rule_id = {p.add(rule_id)} AND l.contact_id = c.id"
    if policy == "once":
        return f"NOT EXISTS ({base})"
    if policy == "every_n_days":
        # Calendar days, not 24-hour blocks: a row's occurrence is the local day it matched on
        # ("day:YYYY-MM-DD"), so the week after the clocks change is still 7 days; the range is
        # read from the (rule, contact, occurrence) key. A row booked under another policy
        # before the rule became "every N days" counts by the local day of its match time.
        # Nothing after now (history the simulator replays) counts. "+l.matched_at": the OR
        # must not become a MULTI-INDEX OR whose second branch scans every recent row of the
        # rule (the rule, time index) for each contact — quadratic as the ledger grows (22 s a
        # check at 100,000 contacts after a simulated month).
        return (f"NOT EXISTS ({base} AND (l.occurrence BETWEEN {p.add('day:' + first.isoformat())} "
                f"AND {p.add('day:' + last.isoformat())} OR substr(l.occurrence, 1, 4) <> 'day:' "
                f"AND +l.matched_at BETWEEN {p.add(clock.day_start(first))} AND {p.add(ts(clock.now))}))")
    if policy == "yearly":
        return f"NOT EXISTS ({base} AND l.occurrence = {_yearly_occurrence(rule, fields, clock, p)})"
    return f"NOT EXISTS ({base} AND l.occurrence = {occurrence})"


def _anniversary_leaf(node: dict) -> dict | None:
    for joiner in ("all", "any"):
        if joiner in node:
            for child in node[joiner]:
                found = _anniversary_leaf(child)
                if found:
                    return found
            return None
    return node if node.get("op") == "anniversary_today" else None


def _yearly_occurrence(rule: Rule, fields: dict[str, FieldSpec], clock: EvalClock, p: Params) -> str:
    """``year:YYYY`` of the anniversary that matched, not of today: a 31 December birthday
    caught up on 1 January belongs to the old year, so it can neither be sent twice nor block
    next year's wishes. Without an anniversary condition, the current year."""
    leaf = _anniversary_leaf(rule.conditions)
    if leaf is None:
        return f"'year:' || {p.add(str(clock.today.year))}"
    column = f'c."{fields[leaf["field"]].column}"'
    cases = []
    for day in clock.anniversary_days():
        for key in md_list([day]):
            cases.append(f"WHEN {p.add(key)} THEN {p.add('year:' + str(day.year))}")
    return (f"CASE substr({column}, 6, 5) {' '.join(cases)} "
            f"ELSE {p.add('year:' + str(clock.today.year))} END")
