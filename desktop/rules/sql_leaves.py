"""SQL for one condition leaf. Every user value becomes a ``?`` parameter; column names come
only from the field catalogue (already validated), never from the rule's text.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from desktop.fields import FieldSpec
from desktop.rules.clock import EvalClock, span, ts

_CMP_SQL = {"eq": "=", "ne": "<>", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


class Params(list):
    def add(self, value: Any) -> str:
        self.append(value)
        return "?"

    def many(self, values: list[Any]) -> str:
        return ", ".join(self.add(v) for v in values)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _wildcards(pattern: str) -> str:
    """MailUp-style LIKE: ``*`` and ``%`` match any run, ``?`` and ``_`` one character."""
    return pattern.replace("*", "%").replace("?", "_")

# From this many days on, "was sent something" is probed per contact (see the 'sent' leaf).
LONG_WINDOW_DAYS = 180


def md_list(days: list[date]) -> list[str]:
    """Month-day keys that count as "anniversary" on these days; 29 Feb falls on 28 Feb in
    years without it, so leap-day birthdays are never skipped."""
    keys: list[str] = []
    for day in days:
        keys.append(day.strftime("%m-%d"))
        if day.month == 2 and day.day == 28 and not _leap(day.year):
            keys.append("02-29")
    return sorted(set(keys))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _date_value(spec: FieldSpec, value: str, clock: EvalClock, end: bool) -> str:
    """A condition's date as the column's stored form; for datetime columns a bare date means
    local midnight in the rule's zone (the end of that day when ``end``)."""
    if spec.type == "date":
        return value[:10]
    if len(value) == 10:
        day = date.fromisoformat(value) + (timedelta(days=1) if end else timedelta())
        return clock.day_start(day)
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=clock.tz)
    return ts(parsed)


def field_sql(leaf: dict, spec: FieldSpec, clock: EvalClock, p: Params) -> str:
    """A contact-field leaf. Fields hold today's values; only "never set" reads history (the
    field's changes up to ``now``)."""
    col = f'c."{spec.column}"'
    op = leaf["op"]
    value = leaf.get("value")
    if op == "empty":
        return f"({col} IS NULL OR {col} = '')" if spec.type == "text" else f"{col} IS NULL"
    if op == "not_empty":
        return f"({col} IS NOT NULL AND {col} <> '')" if spec.type == "text" else f"{col} IS NOT NULL"
    if op == "never_set":
        return (f"({col} IS NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id "
                f"AND e.type = 'field_changed' AND e.ref = {p.add(spec.name)} "
                f"AND e.occurred_at <= {p.add(ts(clock.now))}))")
    if spec.type == "boolean":
        return f"{col} = 1" if op == "is_true" else f"({col} = 0)"
    if spec.type == "text":
        return _text_sql(col, op, value, p)
    if spec.type == "number":
        if op == "between":
            return f"{col} BETWEEN {p.add(value[0])} AND {p.add(value[1])}"
        if op == "ne":
            return f"({col} IS NULL OR {col} <> {p.add(value)})"
        return f"{col} {_CMP_SQL[op]} {p.add(value)}"
    return _date_sql(col, spec, leaf, clock, p)


def _text_sql(col: str, op: str, value: Any, p: Params) -> str:
    # fold() is Unicode case folding (registered on every connection): "FORLÌ" equals "Forlì".
    # Values are folded here, once; the column per row.
    folded = col if col.endswith('."email"') else f"fold({col})"  # e-mails are stored lower-case
    if op in ("in", "not_in"):
        values = [v.casefold() for v in value]
    else:
        value = value.casefold()
    if op == "eq":
        return f"{folded} = {p.add(value)}"
    if op == "ne":
        return f"({col} IS NULL OR {folded} <> {p.add(value)})"
    if op == "contains":
        return f"instr({folded}, {p.add(value)}) > 0"
    if op == "not_contains":
        return f"({col} IS NULL OR instr({folded}, {p.add(value)}) = 0)"
    if op == "starts_with":
        return f"{folded} LIKE {p.add(_like_escape(value) + '%')} ESCAPE '\\'"
    if op == "ends_with":
        return f"{folded} LIKE {p.add('%' + _like_escape(value))} ESCAPE '\\'"
    if op == "like":
        return f"{folded} LIKE {p.add(_wildcards(value))}"
    if op == "in":
        return f"{folded} IN ({p.many(values)})"
    if op == "not_in":
        return f"({col} IS NULL OR {folded} NOT IN ({p.many(values)}))"
    raise ValueError(op)  # pragma: no cover - validation rejects it first


def _date_sql(col: str, spec: FieldSpec, leaf: dict, clock: EvalClock, p: Params) -> str:
    op = leaf["op"]
    if op == "before":
        return f"{col} < {p.add(_date_value(spec, leaf['value'], clock, end=False))}"
    if op == "after":
        bound = _date_value(spec, leaf["value"], clock, end=True)
        return f"{col} {'>' if spec.type == 'date' else '>='} {p.add(bound)}"
    if op == "on":
        if spec.type == "date":
            return f"{col} = {p.add(leaf['value'])}"
        day = leaf["value"][:10]
        return (f"({col} >= {p.add(_date_value(spec, day, clock, False))} "
                f"AND {col} < {p.add(_date_value(spec, day, clock, True))})")
    if op == "anniversary_today":
        keys = md_list(clock.anniversary_days())
        # "IS NOT NULL" lets SQLite use the partial expression index on birthdays.
        return f"({col} IS NOT NULL AND substr({col}, 6, 5) IN ({p.many(keys)}))"
    amount, unit = leaf["amount"], leaf["unit"]
    if spec.type == "date":
        today = clock.today
        if op == "in_last":
            return f"({col} > {p.add((today - timedelta(days=amount)).isoformat())} AND {col} <= {p.add(today.isoformat())})"
        if op == "exactly_ago":
            first = clock.first_day - timedelta(days=amount)
            return f"{col} BETWEEN {p.add(first.isoformat())} AND {p.add((today - timedelta(days=amount)).isoformat())}"
        if op == "more_than_ago":
            return f"{col} < {p.add((today - timedelta(days=amount)).isoformat())}"
        return f"{col} BETWEEN {p.add(today.isoformat())} AND {p.add((today + timedelta(days=amount)).isoformat())}"
    delta = span(amount, unit)
    if op == "in_last":
        return f"({col} > {p.add(ts(clock.now - delta))} AND {col} <= {p.add(ts(clock.now))})"
    if op == "exactly_ago":
        return f"({col} > {p.add(ts(clock.window_start - delta))} AND {col} <= {p.add(ts(clock.now - delta))})"
    if op == "more_than_ago":
        return f"{col} <= {p.add(ts(clock.now - delta))}"
    return f"({col} > {p.add(ts(clock.now))} AND {col} <= {p.add(ts(clock.now + delta))})"


def group_sql(leaf: dict, group_ids: dict[str, int], clock: EvalClock, p: Params) -> str:
    # "c.id IN (subquery)" rather than a correlated EXISTS: SQLite runs the subquery once
    # through the (group_id, contact_id) key and can drive the whole query from it.
    gid = group_ids[leaf["group"].casefold()]
    member = f"SELECT m.contact_id FROM memberships m WHERE m.group_id = {p.add(gid)}"
    if leaf["op"] == "in":
        return f"c.id IN ({member})"
    if leaf["op"] == "not_in":
        return f"c.id NOT IN ({member})"
    delta = timedelta(days=leaf["days"])
    return (f"c.id IN ({member} AND m.joined_at > {p.add(ts(clock.window_start - delta))} "
            f"AND m.joined_at <= {p.add(ts(clock.now - delta))})")


def _events(kind: str, p: Params, now: datetime, since: datetime | None = None) -> str:
    """Contact ids with an event of ``kind`` (since ``since``, up to ``now``), for ``c.id IN
    (...)``: the events (type, time) index answers it once instead of probing per contact.
    Nothing after ``now`` counts: the simulator replays history that holds later events."""
    sql = f"SELECT e.contact_id FROM events e WHERE e.type = {p.add(kind)}"
    if since is not None:
        sql += f" AND e.occurred_at > {p.add(ts(since))}"
    return sql + f" AND e.occurred_at <= {p.add(ts(now))}"


def behaviour_sql(leaf: dict, rule_id: int | None, clock: EvalClock, p: Params) -> str:
    name = leaf["behaviour"]
    now = clock.now
    if name == "registered_ago":
        delta = span(leaf["amount"], leaf["unit"])
        return (f"(c.registered_at > {p.add(ts(clock.window_start - delta))} "
                f"AND c.registered_at <= {p.add(ts(now - delta))})")
    if name in ("opened", "not_opened", "clicked", "not_clicked"):
        # Machine fetches of the open pixel are their own type (email_machine_opened): never here.
        kind = "email_opened" if "opened" in name else "email_clicked"
        if name.startswith("not_") and not leaf.get("link") and not (leaf.get("this_rule") and rule_id is not None):
            # The contact row keeps its latest open and click (triggers, migration 5): no probe
            # into the events per contact. (Positive conditions stay driven by the events index,
            # which finds the few recent openers without reading every contact.)
            column = "c.last_opened_at" if kind == "email_opened" else "c.last_clicked_at"
            return f"{column} <= {p.add(ts(now - timedelta(days=leaf['days'])))}"  # '' = never
        sql = _events(kind, p, now, now - timedelta(days=leaf["days"]))  # parameters in textual order
        if leaf.get("link"):
            sql += f" AND e.ref = {p.add(leaf['link'])}"
        if leaf.get("this_rule") and rule_id is not None:
            sql += f" AND e.rule_id = {p.add(rule_id)}"
        if name.startswith("not_"):  # per-contact probe of (contact_id, type, time): cheapest here
            return f"NOT EXISTS ({sql.replace('WHERE e.type', 'WHERE e.contact_id = c.id AND e.type', 1)})"
        return f"c.id IN ({sql})"
    if name in ("sent", "not_sent"):
        kinds = [f"{leaf['channel']}_sent"] if leaf.get("channel") else ["email_sent", "sms_sent"]
        types = p.many(kinds)  # parameters in textual order
        since = (f"{p.add(ts(now - timedelta(days=leaf['days'])))} "
                 f"AND e.occurred_at <= {p.add(ts(now))}")
        if name == "not_sent":
            return (f"NOT EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id AND e.type IN ({types}) "
                    f"AND e.occurred_at > {since})")
        if leaf["days"] >= LONG_WINDOW_DAYS:
            # Over half a year nearly everyone on the list was sent something: the list of
            # senders is as long as the contacts table. Probing each contact costs the same
            # alone and far less beside a narrowing condition ("not opened in a year": 25 ms
            # instead of 180 ms over 100,000 contacts).
            return (f"EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id AND e.type IN ({types}) "
                    f"AND e.occurred_at > {since})")
        return f"c.id IN (SELECT e.contact_id FROM events e WHERE e.type IN ({types}) AND e.occurred_at > {since})"
    if name == "bounced":
        if "days" in leaf:
            return f"c.id IN ({_events('email_bounced', p, now, now - timedelta(days=leaf['days']))})"
        return f"(c.email_status = 'bounced' OR c.id IN ({_events('email_bounced', p, now)}))"
    if name in ("no_activity", "last_activity_ago"):
        delta = timedelta(days=leaf["days"])
        if name == "no_activity":
            return f"c.last_activity_at <= {p.add(ts(now - delta))}"
        # The latest open, click or purchase fell in this check's window, shifted back N days.
        return (f"(c.last_activity_at > {p.add(ts(clock.window_start - delta))} "
                f"AND c.last_activity_at <= {p.add(ts(now - delta))})")
    if name == "purchased":
        return f"c.id IN ({_events('purchase', p, now, now - timedelta(days=leaf['days']))})"
    if name == "no_purchase_since":
        since = clock.day_start(date.fromisoformat(leaf["date"]))
        return f"c.last_purchase_at < {p.add(since)}"
    if name in ("purchase_count", "total_spent"):
        agg = "count(*)" if name == "purchase_count" else "coalesce(sum(e.amount), 0)"
        since, until = ts(now - timedelta(days=leaf["days"])), ts(now)
        if leaf["cmp"] in ("gt", "ge") and leaf["value"] > 0 or leaf["cmp"] == "eq" and leaf["value"] > 0:
            # Only buyers can qualify: group the period's purchases once (events type/time
            # index) instead of summing per contact.
            return (f"c.id IN (SELECT e.contact_id FROM events e WHERE e.type = 'purchase' "
                    f"AND e.occurred_at > {p.add(since)} AND e.occurred_at <= {p.add(until)} GROUP BY e.contact_id "
                    f"HAVING {agg} {_CMP_SQL[leaf['cmp']]} {p.add(leaf['value'])})")
        return (f"(SELECT {agg} FROM events e WHERE e.contact_id = c.id AND e.type = 'purchase' "
                f"AND e.occurred_at > {p.add(since)} AND e.occurred_at <= {p.add(until)}) "
                f"{_CMP_SQL[leaf['cmp']]} {p.add(leaf['value'])}")
    # Occurrence behaviours used as plain conditions (nested, or with another re-send policy).
    if name == "field_changed":  # driven by the (type, time) index, not probed per contact
        where = driver_where(leaf, clock, p, "d").replace("d.contact_id = c.id AND ", "", 1)
        return f"c.id IN (SELECT d.contact_id FROM events d WHERE {where})"
    return f"EXISTS (SELECT 1 FROM events d WHERE {driver_where(leaf, clock, p, 'd')})"


def driver_where(leaf: dict, clock: EvalClock, p: Params, d: str) -> str:
    """The WHERE part selecting the occurrence events of a driver behaviour, aliased ``d``."""
    name = leaf["behaviour"]
    if name == "rss_new_item":
        return (f"{d}.type = 'rss_item' AND {d}.occurred_at > {p.add(ts(clock.window_start))} "
                f"AND {d}.occurred_at <= {p.add(ts(clock.now))} "
                f"AND json_extract({d}.payload, '$.feed') = {p.add(leaf['feed'])}")
    own = f"{d}.contact_id = c.id"
    if name == "field_changed":
        sql = (f"{own} AND {d}.type = 'field_changed' AND {d}.ref = {p.add(leaf['field'])} "
               f"AND {d}.occurred_at > {p.add(ts(clock.now - timedelta(hours=leaf['hours'])))} "
               f"AND {d}.occurred_at <= {p.add(ts(clock.now))}")
        for key in ("from", "to"):
            if key in leaf:
                sql += (f" AND CAST(json_extract({d}.payload, '$.{'old' if key == 'from' else 'new'}') AS TEXT)"
                        f" = CAST({p.add(leaf[key])} AS TEXT)")
        return sql
    delta = span(leaf.get("amount", 0), leaf.get("unit", "hours"))
    window = (f"{d}.occurred_at > {p.add(ts(clock.window_start - delta))} "
              f"AND {d}.occurred_at <= {p.add(ts(clock.now - delta))}")
    if name == "purchase_made":
        return f"{own} AND {d}.type = 'purchase' AND {window}"
    # cart_abandoned: the cart's latest update (as of now) is in the window and nothing was
    # bought between it and now. What happens after now is not known yet at now.
    until = p.add(ts(clock.now))
    bought = p.add(ts(clock.now))
    return (f"{own} AND {d}.type = 'cart_updated' AND {window} "
            f"AND NOT EXISTS (SELECT 1 FROM events n WHERE n.contact_id = c.id AND n.type = 'cart_updated' "
            f"AND n.ref IS {d}.ref AND n.occurred_at > {d}.occurred_at AND n.occurred_at <= {until}) "
            f"AND NOT EXISTS (SELECT 1 FROM events b WHERE b.contact_id = c.id AND b.type = 'purchase' "
            f"AND b.occurred_at > {d}.occurred_at AND b.occurred_at <= {bought})")


def occurrence_sql(leaf: dict, d: str) -> str:
    name = leaf["behaviour"]
    if name == "rss_new_item":
        return f"'rss:' || {d}.ref"
    if name == "purchase_made":
        return f"'purchase:' || coalesce({d}.ref, {d}.id)"
    if name == "field_changed":
        return f"'change:' || {d}.id"
    return f"'cart:' || coalesce({d}.ref, '') || '@' || {d}.occurred_at"
