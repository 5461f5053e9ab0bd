"""Importing contacts from the CSV files shops really have, as one all-or-nothing transaction.

Every row is validated and written inside one transaction; at the end we either commit or
roll back (bad rows without ``skip_invalid``, new contacts whose consent nobody stated, or
a dry run). Running the real writes even in a dry run means its report is exactly what
the real import would do. Whole-file decisions (preset, column types, date orders, the
number convention, the file's own status) are made first, in ``plan.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

import phonenumbers

from desktop.contacts.consent import FILE_STATUSES, check_policy, detect_file_status
from desktop.contacts.consent_rules import ConsentRules
from desktop.contacts.headers import resolve, suggest_mapping
from desktop.contacts.pipeline import parsed, workers_for
from desktop.contacts.plan import build_plan, check_column_limit, profile_file
from desktop.contacts.presets import Preset, detect_preset, preset_named
from desktop.contacts.reader import CsvSource
from desktop.contacts.report import ImportReport
from desktop.contacts.row_parse import ParsedRow, RowParser, RowPlan
from desktop.contacts.values import ParseContext
from desktop.contacts.writer import ChunkWriter
from desktop.errors import InputError
from desktop.fields import STANDARD, FieldSpec
from desktop.messages import Msg, define, text
from desktop.workspace import Workspace

define({
    "import.not_preset": ("{name!r} non è un formato predefinito (vedi docs/import.md)",
                          "{name!r} is not a preset (see docs/import.md)"),
    "import.bad_country": ("{value!r} non è un codice di paese di due lettere (es. IT, GB, US)",
                           "{value!r} is not a two-letter country code (e.g. IT, GB, US)"),
    "import.bad_date_order": ("{value!r} non è né dmy né mdy", "{value!r} is not dmy or mdy"),
    "import.bad_status": ("{value!r} non è uno tra {choices} o none", "{value!r} is not one of {choices} or none"),
})

PROGRESS_EVERY = 5000
WRITE_CHUNK = 1000
NO_STATUS = "none"  # --status none: the file carries no status, whatever its name says


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
    preset: str | None = None  # the detected preset's name
    preset_label: str | None = None
    file_status: str | None = None  # the status the whole file seems to carry
    file_status_why: str = ""
    consent_columns: list[str] = field(default_factory=list)  # headers that state consent
    file_status_msg: str = ""  # ``file_status_why`` as an encoded Msg, for the wizard's language


def choose_preset(headers: list[str], name: str | None) -> Preset | None:
    """The named preset (``none`` for no preset), else the one the header matches."""
    if name == NO_STATUS:
        return None
    if name:
        found = preset_named(name)
        if found is None:
            raise InputError(Msg("import.not_preset", {"name": name}), "--preset")
        return found
    return detect_preset(headers)


def preview_csv(path: str | Path, rows: int = 20, ws: Workspace | None = None,
                preset: str | None = None) -> Preview:
    """Detected dialect, preset, file status, headers, suggested mapping and the first rows.

    Without a workspace the mapping knows only standard fields; every other column is
    suggested as a new custom field.
    """
    catalog = ws.fields if ws is not None else _StandardOnly()
    with CsvSource(path) as source:
        chosen = choose_preset(source.headers, preset)
        mapping = suggest_mapping(source.headers, catalog, chosen)  # type: ignore[arg-type]
        first: list[list[str]] = []
        for row in source.rows():
            if len(first) >= rows:
                break
            if row.cells is not None:
                first.append(row.cells)
        targets = resolve(source.headers, catalog, None, chosen)  # type: ignore[arg-type]
        new = [t.field for t in targets if t.new_type and t.field]
        status = detect_file_status(path, source.headers)
        consent = [t.header for t in targets if t.field in ("email_status", "sms_status", "email_blocked",
                                                            "sms_blocked")]
        return Preview(str(path), source.encoding, source.delimiter, source.headers, mapping, first, new,
                       chosen.name if chosen else None, chosen.label if chosen else None,
                       status.status if status else None, text(status.why, "en") if status else "", consent,
                       status.why.encode() if status else "")


class _StandardOnly:
    """A catalogue with only the standard fields, for previews made before a workspace is open."""

    def all(self) -> dict[str, FieldSpec]:
        return {f.name: f for f in STANDARD}

    def custom(self) -> list[FieldSpec]:
        return []


def _context(ws: Workspace, country: str | None, date_order: str | None) -> ParseContext:
    chosen_country = (country or ws.settings.get("business.country") or "IT").upper()
    if chosen_country not in phonenumbers.SUPPORTED_REGIONS:
        raise InputError(Msg("import.bad_country", {"value": country}), "--country")
    order = date_order or ws.settings.get("import.date_order") or "dmy"
    if order not in ("dmy", "mdy"):
        raise InputError(Msg("import.bad_date_order", {"value": order}), "--date-order")
    return ParseContext(country=chosen_country, date_order=order, zone=ws.settings.get("business.timezone"))


def _file_status(path: str | Path, headers: list[str], status: str | None,
                 report: ImportReport) -> str | None:
    if status == NO_STATUS:
        return None
    if status is not None:
        if status not in FILE_STATUSES:
            raise InputError(Msg("import.bad_status", {"value": status, "choices": ", ".join(FILE_STATUSES)}), "--status")
        report.file_status, report.file_status_why = status, text(Msg("consent.option"), "en")
        report.file_status_msg = Msg("consent.option").encode()
        return status
    found = detect_file_status(path, headers)
    if found is None:
        return None
    report.file_status, report.file_status_why = found.status, text(found.why, "en")
    report.file_status_msg = found.why.encode()
    return found.status


def import_contacts(ws: Workspace, path: str | Path, *, now: datetime, country: str | None = None,
                    group: str | None = None, skip_invalid: bool = False, dry_run: bool = False,
                    mapping: dict[str, str | None] | None = None, date_order: str | None = None,
                    consent: str | None = None, status: str | None = None, preset: str | None = None,
                    progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import ``path`` into ``ws``; returns the report whether or not anything was kept.

    ``consent`` is the status of new contacts the file says nothing about (``subscribed``,
    ``unsubscribed``, ``pending``) or ``from-file`` (such rows are bad rows); without it,
    such contacts make the import refuse the file. ``status`` overrides the status the
    whole file carries (detected from its name and columns; ``none`` for no status).
    Raises ``InputError`` only for problems with the whole file.
    """
    try:
        policy = check_policy(consent)
    except ValueError as exc:
        raise InputError(getattr(exc, "msg", None) or str(exc), "--consent") from None
    ctx = _context(ws, country, date_order)
    report = ImportReport(str(path), "contacts", group=group, dry_run=dry_run, skip_invalid=skip_invalid)
    with CsvSource(path) as source:
        report.encoding, report.delimiter = source.encoding, source.delimiter_name
        chosen = choose_preset(source.headers, preset)
        report.preset = chosen.label if chosen else None
        targets = resolve(source.headers, ws.fields, mapping, chosen)
        check_column_limit(ws, targets, str(source.path))
        file_status = _file_status(path, source.headers, status, report)
        profile = profile_file(str(path), targets)
        try:
            with ws.transaction():
                plan = build_plan(ws, source, targets, profile, ctx, explicit_order=date_order is not None,
                                  preset=chosen, file_status=file_status, now=now, report=report)
                rules = ConsentRules(ws, report, policy, report.file_status_msg)
                _import_rows(ws, source, plan, rules, now, report, group, progress)
                if dry_run or not report.ok:
                    raise _Discard
            report.committed = True
        except _Discard:
            report.committed = False
        finally:
            ws.fields.invalidate()  # a rolled-back ALTER TABLE must not linger in the cache
    return report


def _import_rows(ws: Workspace, source: CsvSource, plan: RowPlan, rules: ConsentRules, now: datetime,
                 report: ImportReport, group: str | None, progress: Callable[[int], None] | None) -> None:
    writer = ChunkWriter(ws, now, report, group, rules)
    parser = RowParser(plan)
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
