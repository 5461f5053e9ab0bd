"""Importing contacts from the CSV files shops really have, as one all-or-nothing transaction.

Every row is validated and written inside one transaction; at the end we either commit or
roll back (bad rows without ``skip_invalid``, or a dry run). Running the real writes even in
a dry run means its report is exactly what the real import would do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

import phonenumbers

from desktop.contacts.headers import GROUPS, ColumnTarget, resolve, suggest_mapping
from desktop.contacts.pipeline import parsed, workers_for
from desktop.contacts.reader import CsvSource
from desktop.contacts.report import ImportReport
from desktop.contacts.row_parse import ParsedRow, RowParser
from desktop.contacts.values import ParseContext
from desktop.contacts.writer import ChunkWriter
from desktop.errors import InputError
from desktop.fields import STANDARD, FieldSpec
from desktop.workspace import Workspace

PROGRESS_EVERY = 5000
WRITE_CHUNK = 1000


class _Discard(Exception):
    """Raised inside the transaction to roll it back on purpose."""


@dataclass
class Preview:
    """What the import wizard shows before anything is written."""

    path: str
    encoding: str
    delimiter: str
    headers: list[str]
    mapping: dict[str, str | None]
    rows: list[list[str]] = field(default_factory=list)
    new_fields: list[str] = field(default_factory=list)


def preview_csv(path: str | Path, rows: int = 20, ws: Workspace | None = None) -> Preview:
    """Detected dialect, headers, suggested mapping and the first ``rows`` rows.

    Without a workspace the mapping knows only standard fields; every other column is
    suggested as a new custom field.
    """
    catalog = ws.fields if ws is not None else _StandardOnly()
    with CsvSource(path) as source:
        mapping = suggest_mapping(source.headers, catalog)  # type: ignore[arg-type]
        first: list[list[str]] = []
        for row in source.rows():
            if len(first) >= rows:
                break
            if row.cells is not None:
                first.append(row.cells)
        new = [t.field for t in resolve(source.headers, catalog, None) if t.new_type and t.field]  # type: ignore[arg-type]
        return Preview(str(path), source.encoding, source.delimiter, source.headers, mapping, first, new)


class _StandardOnly:
    """A catalogue with only the standard fields, for previews made before a workspace is open."""

    def all(self) -> dict[str, FieldSpec]:
        return {f.name: f for f in STANDARD}

    def custom(self) -> list[FieldSpec]:
        return []


def _context(ws: Workspace, country: str | None, date_order: str | None) -> ParseContext:
    chosen_country = (country or ws.settings.get("business.country") or "IT").upper()
    if chosen_country not in phonenumbers.SUPPORTED_REGIONS:
        raise InputError(f"{country!r} is not a two-letter country code (e.g. IT, GB, US)", "--country")
    order = date_order or ws.settings.get("import.date_order") or "dmy"
    if order not in ("dmy", "mdy"):
        raise InputError(f"{order!r} is not dmy or mdy", "--date-order")
    return ParseContext(country=chosen_country, date_order=order, zone=ws.settings.get("business.timezone"))


def _plan(ws: Workspace, source: CsvSource, targets: list[ColumnTarget], now: datetime,
          report: ImportReport) -> list[tuple[int, str, FieldSpec | None]]:
    """``(column index, header, spec)`` for every kept column; creates missing custom fields."""
    seen: dict[str, str] = {}
    plan: list[tuple[int, str, FieldSpec | None]] = []
    for index, target in enumerate(targets):
        if target.field is None:
            report.ignored_columns.append(target.header)
            continue
        if target.field in seen:
            raise InputError(f'columns "{seen[target.field]}" and "{target.header}" both hold '
                             f"{target.field}; remove one or map it elsewhere", str(source.path))
        seen[target.field] = target.header
        if target.field == GROUPS:
            plan.append((index, target.header, None))
            continue
        if target.new_type:
            ws.fields.add_custom(target.field, target.new_type, now, label=target.label or target.header)
            report.new_fields.append(target.field)
        plan.append((index, target.header, ws.fields.get(target.field)))
    if "email" not in seen and "phone" not in seen:
        raise InputError("no column holds an e-mail address or a mobile number (headers: "
                         f"{', '.join(source.headers)})", f"{source.path}, line 1")
    return plan


def import_contacts(ws: Workspace, path: str | Path, *, now: datetime, country: str | None = None,
                    group: str | None = None, skip_invalid: bool = False, dry_run: bool = False,
                    mapping: dict[str, str | None] | None = None, date_order: str | None = None,
                    progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import ``path`` into ``ws``; returns the report whether or not anything was kept.

    Raises ``InputError`` only for problems with the whole file (missing, empty, no e-mail or
    phone column); bad rows are listed in the report instead.
    """
    ctx = _context(ws, country, date_order)
    report = ImportReport(str(path), "contacts", group=group, dry_run=dry_run, skip_invalid=skip_invalid)
    with CsvSource(path) as source:
        report.encoding, report.delimiter = source.encoding, source.delimiter_name
        try:
            with ws.transaction():
                targets = resolve(source.headers, ws.fields, mapping)
                plan = _plan(ws, source, targets, now, report)
                _import_rows(ws, source, plan, ctx, now, report, group, progress)
                if dry_run or not report.ok:
                    raise _Discard
            report.committed = True
        except _Discard:
            report.committed = False
        finally:
            ws.fields.invalidate()  # a rolled-back ALTER TABLE must not linger in the cache
    return report


def _import_rows(ws: Workspace, source: CsvSource, plan: list[tuple[int, str, FieldSpec | None]],
                 ctx: ParseContext, now: datetime, report: ImportReport, group: str | None,
                 progress: Callable[[int], None] | None) -> None:
    writer = ChunkWriter(ws, now, report, group)
    key_header = next((h for _, h, s in plan if s is not None and s.name in ("email", "phone")), "")
    parser = RowParser(plan, ctx, key_header)
    workers = workers_for(source.path.stat().st_size)
    chunk: list[ParsedRow] = []
    for row in parsed(source.rows(), parser, workers):
        report.rows += 1
        if row.values is None:
            report.invalid += 1
            for column, reason in row.errors:
                report.add_error(row.line, column, reason)
        else:
            chunk.append(row)
            if len(chunk) >= WRITE_CHUNK:
                writer.write_chunk(chunk)
                chunk = []
        if progress is not None and report.rows % PROGRESS_EVERY == 0:
            progress(report.rows)
    writer.write_chunk(chunk)
    if progress is not None:
        progress(report.rows)
