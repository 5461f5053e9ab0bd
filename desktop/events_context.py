"""Whole-file decisions for an events CSV: its preset, its number convention, its date order.

Made before any row is read (a quick pass over the amount and date columns), the same way
the contacts import decides them, so ``1.250`` and ``03/04`` mean what the file means.
"""

from __future__ import annotations

from desktop.contacts.reader import CsvSource
from desktop.contacts.report import ImportReport
from desktop.contacts.text import fold
from desktop.contacts.values import ParseContext
from desktop.errors import InputError
from desktop.events_keys import KEYS
from desktop.events_presets import EventPreset, detect_event_preset, event_preset_named
from desktop.messages import Msg, define
from desktop.workspace import Workspace

define({"events.not_preset": ("{name!r} non è un formato predefinito di eventi (vedi docs/import.md)",
                              "{name!r} is not an events preset (see docs/import.md)")})


def choose_event_preset(headers: list[str], name: str | None) -> EventPreset | None:
    if name == "none":
        return None
    if name:
        found = event_preset_named(name)
        if found is None:
            raise InputError(Msg("events.not_preset", {"name": name}), "--preset")
        return found
    return detect_event_preset(headers)


def file_context(ws: Workspace, source: CsvSource, country: str, date_order: str | None,
                  report: ImportReport) -> ParseContext:
    """The file's number convention and date order, from its amount and date columns."""
    from desktop.contacts.profile import profile_rows

    watch = [i for i, h in enumerate(source.headers) if KEYS.get(fold(h)) in ("amount", "date")
             or fold(h) in ("total", "ordertotal", "gross", "amount", "createdat", "orderdate", "date")]
    with CsvSource(source.path) as again:
        profile = profile_rows((r.cells for r in again.rows()), watch)
    decimal = profile.decimal(source.delimiter)
    report.decimal = decimal
    order = date_order
    if order is None:
        decided = {p.date_order() for p in profile.columns.values() if p.date_order()}
        order = decided.pop() if len(decided) == 1 else None
        if order is None and any(p.ambiguous_dates for p in profile.columns.values()):
            report.ambiguous_dates.extend(source.headers[i] for i, p in profile.columns.items() if p.ambiguous_dates)
    return ParseContext(country=country, date_order=order or ws.settings.get("import.date_order"),
                        zone=ws.settings.get("business.timezone"), decimal=decimal)
