"""From a file's header to the plan the row parser follows, before any row is written.

This is where whole-file decisions are made and reported: the preset, which columns are
kept, which new custom fields are created (and with which type, from the data), which
date order each date column is read in, the file's number convention, the column that
gives each row's country, and whether a full ``Name`` is split into first and last name.
Nothing here writes to the database except ``ALTER TABLE`` for new custom fields, inside
the import's transaction, after the column limit has been checked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from desktop.contacts.consent import BLOCKED
from desktop.contacts.headers import GROUPS, ColumnTarget, custom_name
from desktop.contacts.presets import COUNTRY, FULL_NAME, OPTIN_AT, PSEUDO_TARGETS, Preset
from desktop.contacts.profile import FileProfile, profile_rows
from desktop.contacts.reader import CsvSource
from desktop.contacts.report import ImportReport
from desktop.contacts.row_parse import Column, RowPlan
from desktop.contacts.values import ParseContext
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.fields import STANDARD_NAMES
from desktop.workspace import Workspace

SQLITE_MAX_COLUMNS = 2000  # SQLite's default SQLITE_MAX_COLUMN: a table cannot have more
_DATE_TARGETS = ("birthday", "registered_at", OPTIN_AT)
# Header words that make a column text whatever its digits look like (20121 is a CAP, not a number).
_TEXT_WORDS = re.compile(r"\b(zip|cap|postcode|postal|codice|code|id|phone|tel|telefono|fax|iban|vat|piva|"
                         r"partita|fiscale|sku|ean|barcode|prefisso)\b", re.IGNORECASE)

define({
    "import.too_many_fields": ("il file aggiungerebbe {new} nuovi campi personalizzati, ma i contatti possono avere "
                               "al massimo altre {room} colonne; prima associa o togli delle colonne",
                               "the file would add {new} new custom fields, but contacts can have at most "
                               "{room} more columns; map or remove columns first"),
    "import.same_field_twice": ("le colonne \"{first}\" e \"{second}\" contengono entrambe {field}; togline una o "
                                "associala a un altro campo",
                                "columns \"{first}\" and \"{second}\" both hold {field}; remove one or map it elsewhere"),
    "import.no_address_column": ("nessuna colonna contiene un indirizzo e-mail o un numero di cellulare (intestazioni: "
                                 "{headers})",
                                 "no column holds an e-mail address or a mobile number (headers: {headers})"),
})


def check_column_limit(ws: Workspace, targets: list[ColumnTarget], path: str) -> None:
    """Refuse a file with more new columns than SQLite allows, before any ``ALTER TABLE``."""
    new = sum(1 for t in targets if t.new_type or (t.field == COUNTRY and custom_name(t.header)
                                                     not in ws.fields.all()))
    existing = len(ws.db.execute("PRAGMA table_info(contacts)").fetchall())
    if existing + new > SQLITE_MAX_COLUMNS:
        raise InputError(Msg("import.too_many_fields", {"new": new, "room": SQLITE_MAX_COLUMNS - existing}),
                         f"{path}, line 1")


def profile_file(path: str, targets: list[ColumnTarget]) -> FileProfile:
    """Profile the columns whose type, date order or number convention matters."""
    watch = [i for i, t in enumerate(targets)
             if t.field is not None and (t.new_type or t.field in (COUNTRY, *_DATE_TARGETS)
                                         or t.field not in (*STANDARD_NAMES, *PSEUDO_TARGETS, GROUPS))]
    with CsvSource(path) as source:
        return profile_rows((r.cells for r in source.rows()), watch)


def _order(target: str, profile: FileProfile, index: int, ctx: ParseContext, explicit: bool,
           preset: Preset | None, header: str, report: ImportReport) -> str:
    column = profile.columns.get(index)
    if explicit:
        return ctx.date_order
    if preset is not None and target in preset.date_orders:
        return preset.date_orders[target]
    decided = column.date_order() if column else None
    if decided:
        return decided
    if column is not None and column.ambiguous_dates:
        report.ambiguous_dates.append(header)
    return ctx.date_order


def build_plan(ws: Workspace, source: CsvSource, targets: list[ColumnTarget], profile: FileProfile,
               ctx: ParseContext, *, explicit_order: bool, preset: Preset | None, file_status: str | None,
               now: datetime, report: ImportReport) -> RowPlan:
    """The row plan; creates the new custom fields (typed from the data) it needs."""
    seen: dict[str, str] = {}
    named = {t.field for t in targets if t.field in ("first_name", "last_name")}
    base = replace(ctx, decimal=profile.decimal(source.delimiter),
                   phones_international=bool(preset and preset.phones_international))
    report.decimal = base.decimal
    columns: list[Column] = []
    country_index: int | None = None
    for index, target in enumerate(targets):
        name = target.field
        stats = profile.columns.get(index)
        if name is None:
            report.ignored_columns.append(target.header)
            continue
        if stats is not None and stats.filled == 0 and (target.new_type or name == COUNTRY):
            report.empty_columns.append(target.header)
            continue
        if name == FULL_NAME and named:
            report.ignored_columns.append(target.header)
            continue
        if name in seen and name not in (GROUPS, COUNTRY):
            raise InputError(Msg("import.same_field_twice", {"first": seen[name], "second": target.header,
                                                             "field": name}), str(source.path))
        seen[name] = target.header
        col_ctx = base
        if name in _DATE_TARGETS or (stats is not None and stats.date and target.new_type):
            col_ctx = replace(base, date_order=_order(name, profile, index, base, explicit_order, preset,
                                                      target.header, report))
        if name == COUNTRY:
            if country_index is None:  # Shopify's old export has Country and Country Code: the first counts
                country_index = index
            name = custom_name(target.header)
            if not name:
                continue
            target = ColumnTarget(target.header, name, None if name in ws.fields.all() else "text", target.header)
        if name in (GROUPS, FULL_NAME, OPTIN_AT) or name in BLOCKED:
            columns.append(Column(index, target.header, name, None, col_ctx))
            continue
        if target.new_type:
            kind = target.new_type
            if kind == "text" and stats is not None and not _TEXT_WORDS.search(target.header.replace("_", " ")):
                kind = stats.kind
            ws.fields.add_custom(name, kind, now, label=target.label or target.header)
            report.new_fields.append(name)
        columns.append(Column(index, target.header, name, ws.fields.get(name), col_ctx))
    kept = {c.target for c in columns}
    if not kept & {"email", "phone"}:
        raise InputError(Msg("import.no_address_column", {"headers": ", ".join(source.headers)}),
                         f"{source.path}, line 1")
    key_header = next(c.header for c in columns if c.target in ("email", "phone"))
    return RowPlan(tuple(columns), key_header, country_index, split_names=not named,
                   multi_value=preset.multi_value if preset else None,
                   group_split=preset.group_split if preset else None,
                   skip_groups=preset.skip_groups if preset else (), file_status=file_status)
