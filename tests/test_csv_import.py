"""Contacts CSV import: every dialect fixture, the all-or-nothing rule, idempotence, change events."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.contacts.csv_import import import_contacts, preview_csv
from desktop.errors import InputError
from desktop.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "csv"


def _contact(ws, email: str) -> dict:
    cid = ws.contacts.find(email=email)
    assert cid is not None, f"{email} was not imported"
    return ws.contacts.get(cid)


def _count(ws, sql: str = "SELECT count(*) FROM contacts") -> int:
    return ws.db.execute(sql).fetchone()[0]


def _events(ws) -> int:
    return _count(ws, "SELECT count(*) FROM events")


def test_utf8_bom_file(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "utf8_bom.csv", now=now, consent="subscribed")
    assert (report.encoding, report.delimiter, report.created, report.committed) == ("utf-8-sig", "comma (,)", 3, True)
    anna = _contact(workspace, "anna.verdi@example.it")
    # The BOM must not stick to the first header: "Email" was recognised.
    assert (anna["first_name"], anna["phone"], anna["birthday"]) == ("Anna", "+393471234567", "1985-04-12")
    assert _contact(workspace, "chiara.galli@example.it")["phone"] is None


def test_italian_semicolon_file_with_dmy_dates(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now, consent="subscribed")
    assert report.delimiter == "semicolon (;)" and report.created == 4 and not report.errors
    assert set(report.new_fields) == {"punti_fedelta", "citta"}
    mario = _contact(workspace, "mario.rossi@example.it")
    assert mario["birthday"] == "1980-03-15"
    assert mario["language"] == "it" and mario["timezone"] == "Europe/Rome"
    assert (mario["email_status"], mario["sms_status"]) == ("subscribed", "unsubscribed")
    assert mario["citta"] == "Milano" and mario["punti_fedelta"] == 120.0  # numbers become number fields
    giulia = _contact(workspace, "giulia.bianchi@example.it")  # e-mail lower-cased
    assert giulia["birthday"] == "1992-02-29" and giulia["phone"] == "+393381112223"
    sara = workspace.contacts.get(workspace.contacts.find(phone="+393334445566"))
    assert sara["email"] is None and sara["first_name"] == "Sara"


def test_registration_dates_are_read_in_the_business_zone(workspace, now) -> None:
    import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now, consent="subscribed")
    # 01/02/2025 midnight in Rome is 23:00 UTC the day before; 15/06/2025 is summer time (+2).
    assert _contact(workspace, "mario.rossi@example.it")["registered_at"] == "2025-01-31 23:00:00"
    assert _contact(workspace, "giulia.bianchi@example.it")["registered_at"] == "2025-06-14 22:00:00"
    # No registration column value: the import time.
    assert _contact(workspace, "luca.ferrari@example.it")["registered_at"] == "2026-03-02 09:30:00"


def test_windows_1252_file_keeps_accents(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "windows1252_accents.csv", now=now, consent="subscribed")
    assert report.encoding == "cp1252" and report.created == 3
    niccolo = _contact(workspace, "niccolo@example.it")
    assert (niccolo["first_name"], niccolo["last_name"]) == ("Niccolò", "Caffè")
    assert niccolo["note"] == "perché sì, è così" and niccolo["spesa"] == 12.5  # an Italian-written number
    assert _contact(workspace, "debora@example.it")["note"] == "ò à è ù"


def test_tab_separated_file(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "tab_separated.tsv", now=now, consent="subscribed")
    assert report.delimiter == "tab" and report.created == 2
    assert _contact(workspace, "tab.one@example.com")["phone"] == "+447911123456"
    assert _contact(workspace, "tab.two@example.com")["birthday"] == "1991-03-02"


def test_excel_unicode_text_is_utf16(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "excel_unicode_text.txt", now=now, consent="subscribed")
    assert report.encoding == "utf-16" and report.created == 2
    assert _contact(workspace, "zoe.muller@example.de")["last_name"] == "Müller"
    assert _contact(workspace, "olafur@example.com")["first_name"] == "Ólafur"


def test_english_headers_with_country_and_tags(workspace, now) -> None:
    refused = import_contacts(workspace, FIXTURES / "english_comma.csv", now=now, consent="subscribed")
    assert not refused.committed and refused.errors[0][:2] == (2, "Phone")  # 07400... is not Italian
    report = import_contacts(workspace, FIXTURES / "english_comma.csv", now=now, consent="subscribed", country="GB")
    assert report.created == 3 and report.committed
    oliver = _contact(workspace, "oliver.smith@example.co.uk")
    assert (oliver["first_name"], oliver["phone"], oliver["language"]) == ("Oliver", "+447400123456", "en")
    assert oliver["email_status"] == "subscribed"
    assert _contact(workspace, "emma.jones@example.co.uk")["email_status"] == "unsubscribed"
    assert workspace.groups.of_contact(oliver["id"]) == ["Customers", "Newsletter"]


def test_datetimes_and_iso_dates(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "datetimes_iso.csv", now=now, consent="subscribed")
    assert report.created == 3 and not report.errors
    types = {f.name: f.type for f in workspace.fields.custom()}
    assert types == {"ultimo_ordine": "datetime", "prima_visita": "date"}  # from the [type] hints
    one, two, three = (_contact(workspace, f"dt{i}@example.it") for i in (1, 2, 3))
    assert one["registered_at"] == "2024-03-15 09:20:00"  # +01:00 offset honoured
    assert two["registered_at"] == "2024-03-15 09:20:30"  # Rome winter time
    assert three["registered_at"] == "2024-07-01 08:00:00"  # Z
    assert one["ultimo_ordine"] == two["ultimo_ordine"] == "2025-01-05 17:30:00"
    assert three["birthday"] == "1999-12-31" and three["prima_visita"] == "2023-12-31"


def test_bad_emails_import_nothing_and_name_each_row(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "bad_emails.csv", now=now, consent="subscribed")
    assert not report.committed and report.invalid == 3
    assert [(e.line, e.column) for e in report.errors] == [(3, "Email"), (5, "Email"), (6, "Email")]
    assert "'mario@@x' is not a valid e-mail address" in str(report.errors[0])
    assert str(report.errors[0]).startswith('line 3, column "Email": ')
    assert _count(workspace) == 0 and _events(workspace) == 0
    assert "Nothing was imported: 3 bad rows" in report.format()


def test_skip_invalid_keeps_the_good_rows(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "bad_phones.csv", now=now, consent="subscribed", skip_invalid=True)
    assert report.committed and report.created == 2 and report.invalid == 2
    assert [(e.line, e.column) for e in report.errors] == [(3, "Cellulare"), (4, "Cellulare")]
    assert _count(workspace) == 2
    assert _contact(workspace, "p4@example.it")["phone"] == "+393334445566"
    assert workspace.contacts.find(email="p2@example.it") is None


def test_bad_row_rolls_back_custom_fields_and_group(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "unterminated_quote.csv", now=now, consent="subscribed", group="Nuovi")
    assert not report.committed
    assert report.errors[-1].line == 3 and "never closed" in report.errors[-1].reason
    assert workspace.fields.custom() == [] and workspace.groups.find("Nuovi") is None
    assert "note" not in [r[1] for r in workspace.db.execute("PRAGMA table_info(contacts)")]


def test_truncated_last_line(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "truncated_last_line.csv", now=now, consent="subscribed")
    assert not report.committed and _count(workspace) == 0
    (error,) = report.errors
    assert (error.line, error.column) == (4, "Cognome") and "truncated" in error.reason
    kept = import_contacts(workspace, FIXTURES / "truncated_last_line.csv", now=now, consent="subscribed", skip_invalid=True)
    assert kept.created == 2 and _count(workspace) == 2


def test_duplicate_rows_are_merged_not_errors(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "duplicates.csv", now=now, consent="subscribed")
    assert report.committed and not report.errors
    assert (report.created, report.duplicates_in_file) == (2, 3)
    dup = _contact(workspace, "dup@example.it")
    assert (dup["first_name"], dup["last_name"], dup["phone"]) == ("Dario", "Doppi", "+393332221110")


def test_reimport_changes_nothing(workspace, now) -> None:
    first = import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now, consent="subscribed", group="Clienti")
    assert first.created == 4
    before = (_events(workspace), _count(workspace, "SELECT count(*) FROM memberships"),
              workspace.db.execute("SELECT * FROM contacts ORDER BY id").fetchall())
    again = import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now + timedelta(days=1),
                            consent="subscribed", group="Clienti")
    assert (again.created, again.updated, again.unchanged, again.duplicates_in_file) == (0, 0, 4, 0)
    after = (_events(workspace), _count(workspace, "SELECT count(*) FROM memberships"),
             workspace.db.execute("SELECT * FROM contacts ORDER BY id").fetchall())
    assert after == before
    assert again.new_fields == []


def test_changed_reimport_records_field_changes_and_keeps_missing_values(workspace, now, tmp_path) -> None:
    import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now, consent="subscribed")
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "E-mail;Nome;Cognome;Città;Cellulare\n"
        "mario.rossi@example.it;Mario;Rossi;Bergamo;\n"  # empty phone must not erase the phone
        "giulia.bianchi@example.it;Giulia;Bianchi-Neri;Torino;\n"
        "nuova@example.it;Nuova;;;\n", encoding="utf-8")
    later = now + timedelta(hours=2)
    report = import_contacts(workspace, changed, now=later, consent="subscribed")
    assert (report.created, report.updated, report.unchanged) == (1, 2, 0)
    mario = _contact(workspace, "mario.rossi@example.it")
    assert mario["citta"] == "Bergamo" and mario["phone"] == "+393471234567"
    rows = workspace.db.execute(
        "SELECT contact_id, ref, payload, occurred_at FROM events WHERE type = 'field_changed' ORDER BY id").fetchall()
    assert [(r[0], r[1]) for r in rows] == [(mario["id"], "citta"),
                                            (_contact(workspace, "giulia.bianchi@example.it")["id"], "last_name")]
    assert '"old": "Milano"' in rows[0][2] and '"new": "Bergamo"' in rows[0][2]
    assert rows[0][3] == "2026-03-02 11:30:00"


def test_existing_custom_field_type_is_used(workspace, now, tmp_path) -> None:
    workspace.fields.add_custom("punti", "number", now, label="Punti")
    path = tmp_path / "punti.csv"
    path.write_text("email;Punti\na@example.it;1.234,5\nb@example.it;tanti\n", encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="subscribed", skip_invalid=True)
    assert report.created == 1 and report.errors[0][:2] == (3, "Punti")
    assert "'tanti' is not a number" in report.errors[0].reason
    assert _contact(workspace, "a@example.it")["punti"] == 1234.5


def test_dry_run_writes_nothing_but_reports_fully(workspace, now) -> None:
    report = import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now, consent="subscribed", dry_run=True, group="X")
    assert report.created == 4 and not report.committed and report.new_fields
    assert _count(workspace) == 0 and workspace.fields.custom() == [] and workspace.groups.find("X") is None
    assert "Dry run" in report.format()


def test_group_option_adds_everyone(workspace, now) -> None:
    import_contacts(workspace, FIXTURES / "utf8_bom.csv", now=now, consent="subscribed", group="Fiera 2026")
    gid = workspace.groups.find("Fiera 2026")
    assert len(workspace.groups.members(gid)) == 3


def test_mapping_overrides_and_ignores_columns(workspace, now) -> None:
    mapping = {"Cellulare": None, "Città": "city", "Punti fedeltà": None}
    report = import_contacts(workspace, FIXTURES / "italian_semicolon_dmy.csv", now=now, consent="subscribed", mapping=mapping,
                             skip_invalid=True)
    assert "Cellulare" in report.ignored_columns and report.new_fields == ["city"]
    # Sara has only a phone, which is ignored now: she has no e-mail or phone left.
    assert report.invalid == 1 and report.errors[0].line == 5
    assert _contact(workspace, "mario.rossi@example.it")["phone"] is None
    assert _contact(workspace, "mario.rossi@example.it")["city"] == "Milano"


def test_mdy_date_order(workspace, now, tmp_path) -> None:
    path = tmp_path / "us.csv"
    path.write_text("Email,Birthday\nus@example.com,03/15/1980\n", encoding="utf-8")
    # An explicit order is obeyed (month 15 does not exist)...
    assert not import_contacts(workspace, path, now=now, consent="subscribed", date_order="dmy").committed
    # ...and without one, the data decides it: 15 can only be the day.
    import_contacts(workspace, path, now=now, consent="subscribed")
    assert _contact(workspace, "us@example.com")["birthday"] == "1980-03-15"


def test_whole_file_problems_raise_input_error(workspace, now, tmp_path) -> None:
    with pytest.raises(InputError, match="file not found"):
        import_contacts(workspace, tmp_path / "missing.csv", now=now, consent="subscribed")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        import_contacts(workspace, empty, now=now, consent="subscribed")
    nokey = tmp_path / "nokey.csv"
    nokey.write_text("Nome;Cognome\nMario;Rossi\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column holds an e-mail"):
        import_contacts(workspace, nokey, now=now, consent="subscribed")
    with pytest.raises(InputError, match="country"):
        import_contacts(workspace, FIXTURES / "utf8_bom.csv", now=now, consent="subscribed", country="XX")
    twice = tmp_path / "twice.csv"
    twice.write_text("Email;E-mail\na@example.it;b@example.it\n", encoding="utf-8")
    with pytest.raises(InputError, match='"Email" and "E-mail" both hold email'):
        import_contacts(workspace, twice, now=now, consent="subscribed")
    assert workspace.contacts.count() == 0


def test_preview_for_the_wizard(tmp_path) -> None:
    preview = preview_csv(FIXTURES / "windows1252_accents.csv", rows=2)
    assert (preview.encoding, preview.delimiter) == ("cp1252", ";")
    assert preview.mapping == {"Nome": "first_name", "Cognome": "last_name", "Email": "email",
                               "Note": "note", "Spesa": "spesa"}
    assert preview.rows[0][0] == "Niccolò" and len(preview.rows) == 2
    assert preview.new_fields == ["note", "spesa"]


def test_big_file_uses_worker_processes_with_same_result(workspace, now, tmp_path, monkeypatch) -> None:
    src = (FIXTURES / "bad_emails.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "many.csv"
    lines = [src[0]] + [f"user{i}@example.it;Nome{i}" for i in range(5000)] + src[1:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("POSTINO_IMPORT_WORKERS", "2")
    monkeypatch.setattr("desktop.contacts.pipeline.CHUNK_ROWS", 150)  # workers and this process both parse
    seen: list[int] = []
    report = import_contacts(workspace, path, now=now, consent="subscribed", skip_invalid=True, progress=seen.append)
    assert report.created == 5002 and report.invalid == 3
    assert [e.line for e in report.errors] == [5003, 5005, 5006]
    assert seen[0] == 5000 and seen[-1] == 5005
    assert _contact(workspace, "user4999@example.it")["first_name"] == "Nome4999"


def test_file_is_read_not_locked(workspace, now, tmp_path) -> None:
    copy = tmp_path / "copy.csv"
    shutil.copy(FIXTURES / "utf8_bom.csv", copy)
    import_contacts(workspace, copy, now=now, consent="subscribed")
    copy.unlink()  # the import closed its handle


_LOCAL_CHARS = "abcXYZ019._-+!#$%&'*/=?^`{|}~\"@ é()<>,;:"
_DOMAINS = ["example.it", "Example.COM", "sub.example.co.uk", "localhost", "b.test", "x.invalid", "münchen.de",
            "xn--mnchen-3ya.de", "-bad.com", "bad-.com", "a..b.com", "123.456", "example.c0m", "example.com.",
            "x" * 63 + ".com", "x" * 64 + ".com", "", "[127.0.0.1]", "e_x.com", "ex ample.com"]


@given(local=st.text(alphabet=_LOCAL_CHARS, max_size=70), domain=st.sampled_from(_DOMAINS),
       pad=st.sampled_from(["", " ", "<", " <"]))
@settings(max_examples=400, deadline=None)
def test_fast_email_path_agrees_with_the_full_check(local: str, domain: str, pad: str) -> None:
    from desktop.contacts.row_parse import RowParser
    from desktop.contacts.values import ParseContext, to_db_value
    from desktop.fields import STANDARD

    spec = next(f for f in STANDARD if f.name == "email")
    raw = f"{pad}{local}@{domain}{'>' if '<' in pad else ''}"
    from desktop.contacts.row_parse import Column, RowPlan

    parser = RowParser(RowPlan((), ""))
    column = Column(0, "Email", "email", spec, ParseContext())
    try:
        expected: object = to_db_value(spec, raw)
    except ValueError:
        expected = ValueError
    try:
        got: object = parser._value(column, raw)
    except ValueError:
        got = ValueError
    assert got == expected


def test_imported_contact_is_stored_as_contacts_create_stores_it(workspace, now, tmp_path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("email;Nome;Cellulare;Data di nascita;Consenso SMS\nuno@example.it;Uno;347 123 4567;01/02/1990;no\n",
                    encoding="utf-8")
    import_contacts(workspace, path, now=now, consent="subscribed")
    other = Workspace.open(tmp_path / "other")
    try:
        other.contacts.create({"email": "uno@example.it", "first_name": "Uno", "phone": "+393471234567",
                               "birthday": "1990-02-01", "sms_status": "unsubscribed"}, now)
        for sql in ("SELECT * FROM contacts", "SELECT contact_id, type, occurred_at, ref, amount, payload, uid FROM events"):
            assert workspace.db.execute(sql).fetchall() == other.db.execute(sql).fetchall()
    finally:
        other.close()


def test_matching_follows_changes_made_earlier_in_the_same_file(workspace, now, tmp_path) -> None:
    phone_only = workspace.contacts.create({"phone": "+393471234567", "first_name": "Solo"}, now)
    path = tmp_path / "moves.csv"
    path.write_text("email;Cellulare;Nome\n"
                    "a@example.it;347 123 4567;\n"   # gives the phone-only contact an e-mail
                    ";347 123 4567;\n"               # the same contact again: a duplicate
                    "b@example.it;347 123 4567;Bi\n"  # its phone now belongs to a contact with e-mail: new
                    "c@example.it;;Ci\n"
                    "c@example.it;333 987 6543;\n"    # fills c's phone before c is even written
                    ";333 987 6543;Ci\n", encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="subscribed")
    assert (report.created, report.updated, report.duplicates_in_file) == (2, 1, 3)
    assert workspace.contacts.get(phone_only)["email"] == "a@example.it"
    b = workspace.contacts.get(workspace.contacts.find(email="b@example.it"))
    c = workspace.contacts.get(workspace.contacts.find(email="c@example.it"))
    assert b["phone"] == "+393471234567" and c["phone"] == "+393339876543" and c["first_name"] == "Ci"
    changed = workspace.db.execute("SELECT contact_id, ref FROM events WHERE type = 'field_changed'").fetchall()
    assert changed[0] == (phone_only, "email")


def test_duplicates_fill_a_new_contact_before_it_is_written(workspace, now, tmp_path) -> None:
    path = tmp_path / "fill.csv"
    path.write_text("email;Cellulare;Nome\nc@example.it;;\nc@example.it;333 987 6543;\n;333 987 6543;Ci\n",
                    encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="subscribed")
    assert (report.created, report.duplicates_in_file) == (1, 2)
    c = workspace.contacts.get(workspace.contacts.find(email="c@example.it"))
    assert (c["phone"], c["first_name"]) == ("+393339876543", "Ci")
    kinds = workspace.db.execute("SELECT type FROM events").fetchall()
    assert kinds == [("registered",)]  # one new contact, born complete: no change events


_EMAILS = ["", "", "a@example.it", "b@example.it", "c@example.it"]
_PHONES = ["", "", "347 123 4567", "333 987 6543", "338 111 2223"]
_NAMES = ["", "Anna", "Bruno"]


def _reference(ws, rows, now) -> tuple[int, int, int, int]:
    """The per-row way, with the manager's own find/create/update: what the chunked writer must match."""
    first_new = ws.db.execute("SELECT coalesce(max(id), 0) + 1 FROM contacts").fetchone()[0]
    touched: set[int] = set()
    created = updated = unchanged = dups = 0
    for email, phone, name in rows:
        values = {k: v for k, v in (("email", email), ("phone", phone and "+39" + phone.replace(" ", "")),
                                    ("first_name", name)) if v}
        if not values.get("email") and not values.get("phone"):
            continue
        cid = ws.contacts.find(values.get("email"), values.get("phone"))
        if cid is None:
            ws.contacts.create(values, now)
            created += 1
        elif cid >= first_new or cid in touched:
            dups += 1
            ws.contacts.update(cid, values, now, only_missing=True)
        else:
            touched.add(cid)
            if ws.contacts.update(cid, values, now):
                updated += 1
            else:
                unchanged += 1
    return created, updated, unchanged, dups


@given(existing=st.lists(st.tuples(st.sampled_from(_EMAILS), st.sampled_from(_PHONES), st.sampled_from(_NAMES)),
                         max_size=4),
       rows=st.lists(st.tuples(st.sampled_from(_EMAILS), st.sampled_from(_PHONES), st.sampled_from(_NAMES)),
                     min_size=1, max_size=12),
       chunk=st.sampled_from([1, 2, 5, 1000]))
@settings(max_examples=40, deadline=None)
def test_chunked_writer_matches_the_per_row_manager_path(tmp_path_factory, existing, rows, chunk) -> None:
    import desktop.contacts.csv_import as csv_import
    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    saved, csv_import.WRITE_CHUNK = csv_import.WRITE_CHUNK, chunk
    try:
        _compare_with_reference(tmp_path_factory, existing, rows, now)
    finally:
        csv_import.WRITE_CHUNK = saved


def _compare_with_reference(tmp_path_factory, existing, rows, now) -> None:
    folder = tmp_path_factory.mktemp("model")
    path = folder / "rows.csv"
    path.write_text("email;phone;first_name\n" + "".join(f"{e};{p};{n}\n" for e, p, n in rows), encoding="utf-8")
    results = []
    for name in ("chunked", "reference"):
        ws = Workspace.open(folder / name)
        try:
            for email, phone, first in existing:
                if email or phone:
                    values = {k: v for k, v in (("email", email), ("phone", phone and "+39" + phone.replace(" ", "")),
                                                ("first_name", first)) if v}
                    if ws.contacts.find(values.get("email"), values.get("phone")) is None:
                        ws.contacts.create(values, now)
            if name == "chunked":
                report = import_contacts(ws, path, now=now, consent="subscribed", skip_invalid=True)
                counts = (report.created, report.updated, report.unchanged, report.duplicates_in_file)
            else:
                with ws.transaction():
                    counts = _reference(ws, rows, now)
            table = ws.db.execute("SELECT id, email, phone, first_name FROM contacts ORDER BY id").fetchall()
            results.append((counts, table))
        finally:
            ws.close()
    assert results[0] == results[1]


def test_import_carries_on_when_worker_processes_cannot_start(tmp_path) -> None:
    """A program read from stdin has no __main__ file a spawned worker could import."""
    import subprocess
    import sys

    rows = "".join(f"w{i}@example.it;Nome{i}\n" for i in range(3000))
    (tmp_path / "many.csv").write_text("Email;Nome\n" + rows + "bad@@x;Bad\n", encoding="utf-8")
    script = (
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})\n"
        "os.environ['POSTINO_IMPORT_WORKERS'] = '1'\n"
        "import desktop.contacts.pipeline as p; p.CHUNK_ROWS = 100\n"
        "from datetime import datetime, timezone\n"
        "from desktop.workspace import Workspace\n"
        "from desktop.contacts.csv_import import import_contacts\n"
        f"ws = Workspace.open({str(tmp_path / 'ws')!r})\n"
        f"r = import_contacts(ws, {str(tmp_path / 'many.csv')!r}, now=datetime.now(timezone.utc), skip_invalid=True, consent=\"subscribed\")\n"
        "print(r.created, r.invalid, [e.line for e in r.errors], ws.contacts.count())\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[-2] == "3000 1 [3002] 3000"
