"""Contacts CSV export: every field and group, and a round trip into an empty workspace."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.contacts.csv_export import export_contacts
from desktop.contacts.csv_import import import_contacts
from desktop.demo import build_demo
from desktop.errors import InputError
from desktop.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "csv"


def _snapshot(ws: Workspace) -> dict:
    """Everything an export should carry, keyed by e-mail or phone (ids may differ)."""
    contacts = {}
    for row in ws.db.execute("SELECT id FROM contacts").fetchall():
        data = ws.contacts.get(row[0])
        key = data["email"] or data["phone"]
        data.pop("id")
        data.pop("updated_at")  # kept by Postino: the time of the import itself
        data["groups"] = ws.groups.of_contact(row[0])
        contacts[key] = data
    fields = [(f.name, f.type, f.label_en) for f in ws.fields.custom()]
    return {"contacts": contacts, "fields": sorted(fields)}


@pytest.mark.parametrize("date_format,delimiter", [("iso", ";"), ("dmy", ","), ("iso", "\t")])
def test_round_trip_gives_an_identical_workspace(workspace, now, tmp_path, date_format, delimiter) -> None:
    build_demo(workspace, now, contacts=120, seed=3)
    workspace.fields.add_custom("newsletter", "boolean", now)  # a name that is also a header alias
    workspace.fields.add_custom("last_visit", "datetime", now)
    workspace.fields.add_custom("first_order", "date", now)
    ids = [r[0] for r in workspace.db.execute("SELECT id FROM contacts ORDER BY id LIMIT 3")]
    workspace.contacts.update(ids[0], {"newsletter": 1, "last_visit": "2025-10-26 00:30:00",
                                       "first_order": "2024-02-29"}, now)
    workspace.contacts.update(ids[1], {"newsletter": 0, "first_name": 'Anna "Nina", jr.\nseconda riga'}, now)
    path = tmp_path / "out.csv"
    count = export_contacts(workspace, path, delimiter=delimiter, date_format=date_format)
    assert count == 120
    other = Workspace.open(tmp_path / "other")
    try:
        report = import_contacts(other, path, now=now, consent="subscribed")
        assert report.committed and report.created == 120 and not report.errors
        assert _snapshot(other) == _snapshot(workspace)
        again = import_contacts(other, path, now=now, consent="subscribed")
        assert (again.created, again.updated) == (0, 0)
    finally:
        other.close()


def test_export_columns_and_formats(workspace, now, tmp_path) -> None:
    import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now, consent="subscribed", group="Clienti")
    path = tmp_path / "out.csv"
    export_contacts(workspace, path, date_format="dmy")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert list(rows[0])[:11] == ["email", "phone", "first_name", "last_name", "language", "timezone",
                                  "birthday", "registered_at", "updated_at", "email_status", "sms_status"]
    assert "Città [text:citta]" in rows[0] and list(rows[0])[-1] == "groups"
    mario = next(r for r in rows if r["email"] == "mario.rossi@example.it")
    assert mario["birthday"] == "15/03/1980" and mario["registered_at"] == "01/02/2025 00:00:00"
    assert mario["groups"] == "Clienti" and mario["phone"] == "+393471234567"


def test_export_refuses_bad_options(workspace, tmp_path) -> None:
    with pytest.raises(InputError, match="date format"):
        export_contacts(workspace, tmp_path / "x.csv", date_format="us")
    with pytest.raises(InputError, match="cannot write"):
        export_contacts(workspace, tmp_path / "no" / "such" / "dir.csv")
