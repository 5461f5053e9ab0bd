"""Conditions the database can actually run, checked when a rule is saved or imported.

A rule's conditions become one SQL query. SQLite refuses a query whose expression tree is
deeper than 1,000 (``SQLITE_MAX_EXPR_DEPTH``; an ``any`` of about 990 conditions reaches it,
because ``a OR b OR c`` nests) or that binds more than 32,766 parameters (the default
``SQLITE_MAX_VARIABLE_NUMBER`` of SQLite 3.32 and later; some builds allow more, ours must run
everywhere). Such a rule used to import cleanly and then fail at every check. Now it is refused
at once, with its JSON path: first by documented bounds people can plan for (conditions per
rule, values per list), then by compiling the rule exactly as a check would, with the widest
window a check can have, and asking SQLite to prepare it (``EXPLAIN``), so no other limit
can surprise the engine later.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from typing import Iterator, Protocol

from desktop.errors import InputError
from desktop.fields import FieldSpec
from desktop.messages import Msg, define
from desktop.rules.model import Rule

MAX_LEAVES = 500  # conditions in one rule
MAX_LIST_VALUES = 1000  # values of one "in" / "not_in" condition
MAX_PARAMETERS = 32766  # SQLite's default SQLITE_MAX_VARIABLE_NUMBER (3.32+)
_PROBE_NOW = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
_PROBE_WINDOW = timedelta(days=400)  # longer than any catch-up window (date lists are widest)

define({
    "rules.too_many_leaves": (
        "una regola ha al massimo {limit} condizioni (questa ne ha {count}): dividila in più regole o usa un gruppo",
        "a rule has at most {limit} conditions (this one has {count}): split it into several rules or use a group"),
    "rules.too_many_values": (
        "una condizione ha al massimo {limit} valori nella lista (questa ne ha {count}): usa un gruppo",
        "a condition lists at most {limit} values (this one has {count}): use a group instead"),
    "rules.too_many_parameters": (
        "queste condizioni usano {count} valori, oltre il limite di {limit} del database: riducile",
        "these conditions use {count} values, more than the database's limit of {limit}: use fewer"),
    "rules.not_runnable": (
        "il database non può eseguire queste condizioni ({reason}): semplificale o dividi la regola",
        "the database cannot run these conditions ({reason}): simplify them or split the rule"),
})


class _Db(Protocol):
    def execute(self, sql: str, params: list[object] = ...) -> sqlite3.Cursor: ...


def _leaves(node: dict, path: str) -> Iterator[tuple[str, dict]]:
    for joiner in ("all", "any"):
        if joiner in node:
            for i, child in enumerate(node[joiner]):
                yield from _leaves(child, f"{path}.{joiner}[{i}]")
            return
    yield path, node


def _fail(code: str, where: str, **params: object) -> InputError:
    return InputError(Msg(code, params), where)


def check_bounds(conditions: dict, path: str) -> None:
    """The documented bounds: conditions per rule and values per list."""
    leaves = list(_leaves(conditions, path))
    if len(leaves) > MAX_LEAVES:
        raise _fail("rules.too_many_leaves", leaves[MAX_LEAVES][0], limit=MAX_LEAVES, count=len(leaves))
    for where, leaf in leaves:
        values = leaf.get("value")
        if isinstance(values, list) and len(values) > MAX_LIST_VALUES:
            raise _fail("rules.too_many_values", f"{where}.value", limit=MAX_LIST_VALUES, count=len(values))


def check_runnable(rule: Rule, db: _Db, fields: dict[str, FieldSpec], path: str) -> None:
    """``InputError`` at ``path``.conditions unless SQLite can prepare the rule's query."""
    from desktop.rules.clock import EvalClock
    from desktop.rules.engine import group_ids
    from desktop.rules.sql import compile_rule

    check_bounds(rule.conditions, f"{path}.conditions")
    where = f"{path}.conditions"
    clock = EvalClock(now=_PROBE_NOW, window_start=_PROBE_NOW - _PROBE_WINDOW, zone="UTC", spread_days=1)
    compiled = compile_rule(rule, fields=fields, group_ids=group_ids(db), clock=clock, rule_id=0)
    if len(compiled.params) > MAX_PARAMETERS:
        raise _fail("rules.too_many_parameters", where, count=len(compiled.params), limit=MAX_PARAMETERS)
    try:
        db.execute("EXPLAIN " + compiled.sql, compiled.params).fetchone()
    except sqlite3.Error as exc:
        raise _fail("rules.not_runnable", where, reason=str(exc)) from None
