"""Files that are not what they seem: bounded sniffing, odd bytes, too many columns, unsafe export cells."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from desktop.contacts.csv_export import export_contacts
from desktop.contacts.csv_import import import_contacts
from desktop.errors import InputError
from desktop.events_export import export_events
from desktop.events_import import import_events


def test_devices_are_refused(workspace, now) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        import_contacts(workspace, Path("/dev/zero"), now=now)


def test_a_huge_single_line_is_refused_from_a_bounded_sample(workspace, now, tmp_path) -> None:
    path = tmp_path / "one_line.csv"
    path.write_text("a;" * 3_000_000, encoding="utf-8")  # 6 MB, no newline
    with pytest.raises(InputError, match="line 1 is longer than"):
        import_contacts(workspace, path, now=now, consent="pending")


def test_a_sparse_file_is_refused_at_its_first_nul(workspace, now, tmp_path) -> None:
    path = tmp_path / "sparse.csv"
    with path.open("wb") as handle:
        handle.write(b"Email;Nome\n")
        handle.truncate(200 * 1024 * 1024)  # zeros, not stored on disk
    with pytest.raises(InputError, match="NUL byte at line 2, character 1"):
        import_contacts(workspace, path, now=now, consent="pending")


def test_a_nul_byte_further_down_is_a_bad_row_with_its_column(workspace, now, tmp_path) -> None:
    path = tmp_path / "late_nul.csv"
    filler = "".join(f"u{i}@example.it;Nome{i}\n" for i in range(60_000))  # past the sniffing sample
    path.write_text("Email;Nome\n" + filler + "late@example.it;Ni\x00no\n", encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="pending")
    assert not report.committed
    assert [(e.line, e.column) for e in report.errors] == [(60_002, "Nome")] and "NUL" in report.errors[0].reason


def test_an_oversized_field_is_reported_on_its_line(workspace, now, tmp_path) -> None:
    path = tmp_path / "long_field.csv"
    path.write_text("Email;Note\na@example.it;ok\nb@example.it;" + "x" * 200_000 + "\nc@example.it;ok\n",
                    encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="pending")
    assert not report.committed and [e.line for e in report.errors] == [3]
    assert "field larger than field limit" in report.errors[0].reason


@pytest.mark.parametrize("dry_run", [True, False])
def test_more_columns_than_sqlite_allows_is_refused_before_any_alter(workspace, now, tmp_path, dry_run) -> None:
    path = tmp_path / "wide.csv"
    headers = ["Email"] + [f"Colonna {i}" for i in range(2100)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(headers)
        writer.writerow(["a@example.it"] + ["x"] * 2100)
    with pytest.raises(InputError, match="at most"):
        import_contacts(workspace, path, now=now, consent="pending", dry_run=dry_run)
    assert workspace.fields.custom() == []


def test_lines_mixing_utf8_and_windows_1252_are_refused_by_line(workspace, now, tmp_path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("Email;Nome\na@example.it;Niccolò\n".encode("utf-8") +
                     "b@example.it;Caffè\n".encode("cp1252") + b"c@example.it;Anna\n")
    with pytest.raises(InputError, match=r"lines 2 are UTF-8 and lines 3 are Windows-1252"):
        import_contacts(workspace, path, now=now, consent="pending")


def test_export_neutralises_formulas_but_keeps_phone_numbers(workspace, now, tmp_path) -> None:
    workspace.fields.add_custom("note", "text", now)
    for email, note in [("a@example.it", "=HYPERLINK(\"http://x\")"), ("b@example.it", "+1+1"),
                        ("c@example.it", "@SUM(A1)"), ("d@example.it", "-2+3"), ("e@example.it", "\tx")]:
        workspace.contacts.create({"email": email, "phone": "+393471234567" if email == "a@example.it" else None,
                                   "note": note}, now)
    out = tmp_path / "out.csv"
    export_contacts(workspace, out)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    notes = {r["email"]: r["Note [text:note]"] for r in rows}
    assert all(v.startswith("'") for v in notes.values()), notes
    assert rows[0]["phone"] == "+393471234567"
    again = tmp_path / "again"
    from desktop.workspace import Workspace

    with Workspace.open(again) as other:  # and the apostrophe goes away on the way back in
        import_contacts(other, out, now=now, consent="pending")
        assert other.contacts.get(other.contacts.find("a@example.it"))["note"] == '=HYPERLINK("http://x")'


def test_export_refuses_the_workspace_database(workspace, now) -> None:
    workspace.contacts.create({"email": "a@example.it"}, now)
    before = workspace.db_path.read_bytes()
    for target in (workspace.db_path, workspace.data_dir / "postino.db-wal", workspace.data_dir / "engine.lock"):
        with pytest.raises(InputError, match="workspace"):
            export_contacts(workspace, target)
    assert workspace.db_path.read_bytes() == before and workspace.contacts.count() == 1


def test_export_to_a_full_disk_keeps_the_old_file(workspace, now, tmp_path, monkeypatch) -> None:
    workspace.contacts.create({"email": "a@example.it"}, now)
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(InputError) as info:
        export_contacts(workspace, out)
    assert str(out) in str(info.value) and out.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("line,reason", [
    ('{"type": "purchase", "email": "a@example.it", "date": "2026-01-01", "order_id": "1", "amount": NaN}', "NaN"),
    ('{"type": "purchase", "email": "a@example.it", "date": "2026-01-01", "order_id": "1", "amount": Infinity}',
     "Infinity"),
    ('{"type": "purchase", "email": {"x": {"y": 1}}, "date": "2026-01-01", "order_id": "1", "amount": 1}', "nested"),
    ('{"type": "purchase", "email": "a@example.it", "date": "2026-01-01", "order_id": "1", "amount": "1e999"}',
     "not a number"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply")])
def test_jsonl_refuses_what_an_event_cannot_hold(workspace, now, tmp_path, line, reason) -> None:
    workspace.contacts.create({"email": "a@example.it"}, now)
    path = tmp_path / "events.jsonl"
    path.write_text('{"type": "purchase", "email": "a@example.it", "date": "2026-01-01", "order_id": "0", '
                    '"amount": 1}\n' + line + "\n", encoding="utf-8")
    report = import_events(workspace, path, now=now)
    assert not report.committed and [e.line for e in report.errors] == [2]
    assert reason in report.errors[0].reason and str(path) == report.path


def test_events_export_reimports_into_the_same_events(workspace, now, tmp_path) -> None:
    fixtures = Path(__file__).parent / "fixtures"
    import_contacts(workspace, fixtures / "csv" / "italian_semicolon_dmy.csv", now=now, consent="subscribed")
    import_events(workspace, fixtures / "events" / "events.jsonl", now=now)
    out = tmp_path / "events.csv"
    count = export_events(workspace, out)
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header == "type,email,phone,date,order_id,cart_id,amount,items,url,rule,channel" and count >= 5
    again = import_events(workspace, out, now=now)
    assert again.committed and again.created == 0 and again.unchanged == count
    with pytest.raises(InputError):
        export_events(workspace, workspace.db_path)
