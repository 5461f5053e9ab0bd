"""Exporting every contact to a CSV that Excel opens and that our import reads back unchanged.

Custom field headers carry their type (``points [number]``) so a re-import into an empty
workspace recreates them with the same type; datetimes carry their UTC offset so no hour
moves on the way back.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from desktop.contacts.headers import GROUPS
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.fileio import write_atomic
from desktop.fields import FieldSpec
from desktop.timeutil import from_db
from desktop.workspace import Workspace

define({
    "export.bad_date_format": ("il formato di data {value!r} non è uno tra {choices}",
                               "date format {value!r} is not one of {choices}"),
    "export.bad_delimiter": ("il separatore {value!r} non è ';', ',' o una tabulazione",
                             "delimiter {value!r} is not ';', ',' or a tab"),
})

DATE_FORMATS = ("iso", "dmy")


_PHONE = re.compile(r"\+\d[\d ]{5,19}")


def safe_cell(value: str) -> str:
    """A cell Excel and LibreOffice show as text, never run as a formula.

    Cells starting with ``= + - @``, a tab or a carriage return are formulas (or become one)
    when a spreadsheet opens the file; a leading apostrophe makes them text and our import
    strips it again. A phone number in E.164 (``+393471234567``) is left as it is: it is
    only digits after the ``+``, which spreadsheets read as a number, not a formula.
    """
    if value and value[0] in "=+-@\t\r":
        if value[0] == "+" and _PHONE.fullmatch(value):
            return value
        if value[0] == "-" and _NUMBER.fullmatch(value):
            return value
        return "'" + value
    return value


_NUMBER = re.compile(r"-\d+(?:\.\d+)?")


def _header(spec: FieldSpec) -> str:
    if spec.custom:
        return f"{spec.label_en} [{spec.type}:{spec.name}]"
    return spec.name


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def _formatter(spec: FieldSpec, date_format: str, zone: ZoneInfo):
    def fmt(value: Any) -> str:
        if value is None:
            return ""
        if spec.type == "number":
            return _number(value)
        if spec.type == "boolean":
            return "yes" if value else "no"
        if spec.type == "date":
            if date_format == "dmy":
                year, month, day = str(value)[:10].split("-")
                return f"{day}/{month}/{year}"
            return str(value)
        if spec.type == "datetime":
            local: datetime = from_db(str(value)).astimezone(zone)
            if date_format == "dmy":
                # Read back in the business zone, which is the zone it was written in.
                return local.strftime("%d/%m/%Y %H:%M:%S")
            return local.isoformat(timespec="seconds")
        return str(value)
    return fmt


def export_contacts(ws: Workspace, path: str | Path, *, delimiter: str = ";", encoding: str = "utf-8-sig",
                    date_format: str = "iso") -> int:
    """Write all contacts to ``path``; returns how many were written.

    The default (UTF-8 with BOM, ``;``) is what Excel in Italy opens correctly on a double click.
    """
    if date_format not in DATE_FORMATS:
        raise InputError(Msg("export.bad_date_format", {"value": date_format, "choices": ", ".join(DATE_FORMATS)}))
    if delimiter not in (";", ",", "\t"):
        raise InputError(Msg("export.bad_delimiter", {"value": delimiter}))
    specs = list(ws.fields.all().values())
    zone = ZoneInfo(ws.settings.get("business.timezone"))
    formatters = [_formatter(s, date_format, zone) for s in specs]
    columns = ", ".join(f'c."{s.column}"' for s in specs)  # names from the field catalogue only
    query = (f"SELECT {columns}, (SELECT group_concat(name, '|') FROM (SELECT g.name FROM memberships m "
             "JOIN groups g ON g.id = m.group_id WHERE m.contact_id = c.id ORDER BY g.name)) "
             "FROM contacts c ORDER BY c.id")
    count = 0

    def write(handle: TextIO) -> None:
        nonlocal count
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([safe_cell(h) for h in [_header(s) for s in specs] + [GROUPS]])
        for row in ws.db.conn.execute(query):
            cells = [f(v) for f, v in zip(formatters, row)] + [row[-1] or ""]
            writer.writerow([safe_cell(c) for c in cells])
            count += 1

    write_atomic(path, write, workspace_dir=ws.data_dir, encoding=encoding)
    return count
