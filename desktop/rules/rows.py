"""Reading the rows of a compiled rule's query.

The query selects only what a rule's rows need (``CompiledRule.columns``): contact id, time
zone and phone always; the occurrence only when it differs per row (a purchase, a cart
update, a birthday's year); the triggering event only for event-driven rules; the
anniversary and the consent only when asked. A constant occurrence comes from the compiled
rule, and a new RSS item's is named once per item. At 400,000 matches each text or NULL
column left out is a conversion and often a new Python object saved per row.
"""

from __future__ import annotations

from typing import Any, Callable

from desktop.rules.sql import CompiledRule

# contact id, occurrence, event id, time zone, phone, anniversary, consented
Match = tuple[int, str, int | None, str | None, str | None, str | None, bool]


def occurrence_reader(db: Any, compiled: CompiledRule) -> Callable[[str | None, int | None], str]:
    """``read(row_occurrence, row_event_id)``: the occurrence of a row of ``compiled``'s query."""
    if compiled.occurrence is not None:
        constant = compiled.occurrence
        return lambda _occurrence, _event: constant
    expression = compiled.occurrence_by_event
    if expression is None:
        return lambda occurrence, _event: occurrence  # type: ignore[return-value]
    known: dict[int | None, str] = {}

    def read(_occurrence: str | None, event_id: int | None) -> str:
        found = known.get(event_id)
        if found is None:
            found = known[event_id] = db.execute(f"SELECT {expression} FROM events d WHERE d.id = ?",
                                                 [event_id]).fetchone()[0]
        return found
    return read


def match_reader(db: Any, compiled: CompiledRule) -> Callable[[tuple], Match]:
    """``read(row)`` → (contact, occurrence, event, zone, phone, anniversary, consented), the
    same shape whatever the query selected."""
    at = {name: i for i, name in enumerate(compiled.columns)}
    occurrence_of = occurrence_reader(db, compiled)
    i_occurrence, i_event = at.get("occurrence"), at.get("event_id")
    i_anniversary, i_consented = at.get("anniversary"), at.get("consented")

    def read(row: tuple) -> Match:
        event = row[i_event] if i_event is not None else None
        return (row[0], occurrence_of(row[i_occurrence] if i_occurrence is not None else None, event), event,
                row[1], row[2], row[i_anniversary] if i_anniversary is not None else None,
                bool(row[i_consented]) if i_consented is not None else True)
    return read
