"""Events import from CSV and JSON Lines: matching, payloads, idempotence, bad rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.contacts.csv_import import import_contacts
from desktop.errors import InputError
from desktop.events_import import import_events

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def shop(workspace, now):
    report = import_contacts(workspace, FIXTURES / "csv" / "italian_semicolon_dmy.csv", now=now, consent="subscribed")
    assert report.committed
    return workspace


def _imported(ws) -> list[tuple]:
    return ws.db.execute(
        "SELECT e.type, c.email, c.phone, e.occurred_at, e.ref, e.amount, e.payload FROM events e "
        "JOIN contacts c ON c.id = e.contact_id WHERE e.type NOT IN ('registered', 'field_changed') "
        "ORDER BY e.id").fetchall()


def test_csv_events_with_italian_headers(shop, now) -> None:
    report = import_events(shop, FIXTURES / "events" / "events.csv", now=now)
    assert report.committed and report.created == 6 and not report.errors
    rows = _imported(shop)
    assert [r[0] for r in rows] == ["purchase", "purchase", "cart_updated", "email_opened", "email_clicked",
                                    "unsubscribed"]
    first = rows[0]
    assert first[1:6] == ("mario.rossi@example.it", "+393471234567", "2026-01-12 09:15:00", "ORD-1001", 59.9)
    assert json.loads(first[6])["items"] == ["Maglia rossa", "Sciarpa"]
    assert rows[1][5] == 1234.5 and json.loads(rows[1][6])["items"] == [{"sku": "K-1", "qty": 2}]
    assert rows[2][2] == "+393334445566" and rows[2][4] == "cart-77"  # matched by phone
    assert rows[4][4] == "https://shop.example.it/saldi"
    assert json.loads(rows[4][6]) == {"url": "https://shop.example.it/saldi", "rule": "Newsletter marzo"}
    luca = shop.contacts.get(shop.contacts.find(email="luca.ferrari@example.it"))
    assert luca["email_status"] == "unsubscribed"


def test_jsonl_events(shop, now) -> None:
    report = import_events(shop, FIXTURES / "events" / "events.jsonl", now=now)
    assert report.committed and report.created == 5 and report.delimiter == "JSON Lines"
    rows = _imported(shop)
    assert rows[0][3:6] == ("2026-01-20 09:00:00", "ORD-2001", 19.5)
    assert rows[1][3:6] == ("2026-03-01 18:30:00", "cart-88", 42.0)  # 19:30 Rome
    assert rows[2][0] == "email_opened" and rows[2][3] == "2026-02-28 17:33:20"  # Unix time
    giulia = shop.contacts.get(shop.contacts.find(email="giulia.bianchi@example.it"))
    assert (giulia["sms_status"], giulia["email_status"]) == ("unsubscribed", "subscribed")


@pytest.mark.parametrize("name", ["events.csv", "events.jsonl"])
def test_reimport_adds_nothing(shop, now, name) -> None:
    import_events(shop, FIXTURES / "events" / name, now=now)
    before = shop.db.execute("SELECT count(*) FROM events").fetchone()[0]
    again = import_events(shop, FIXTURES / "events" / name, now=now)
    assert (again.created, again.unchanged, again.committed) == (0, again.rows, True)
    assert shop.db.execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_bad_csv_rows_import_nothing(shop, now) -> None:
    before = shop.db.execute("SELECT count(*) FROM events").fetchone()[0]
    report = import_events(shop, FIXTURES / "events" / "bad_events.csv", now=now)
    assert not report.committed and report.invalid == 6 and report.duplicates_in_file == 1
    assert [(e.line, e.column) for e in report.errors] == [
        (3, "email"), (4, "order_id"), (5, "date"), (6, "url"), (7, "type"), (8, "amount")]
    assert "no contact has nobody@example.it" in report.errors[0].reason
    assert shop.db.execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_skip_invalid_keeps_good_events(shop, now) -> None:
    report = import_events(shop, FIXTURES / "events" / "bad_events.csv", now=now, skip_invalid=True)
    assert report.committed and report.created == 1
    assert [r[4] for r in _imported(shop)] == ["ORD-3001"]


def test_bad_jsonl_lines(shop, now) -> None:
    report = import_events(shop, FIXTURES / "events" / "bad_events.jsonl", now=now)
    assert [(e.line, e.column) for e in report.errors] == [(2, ""), (3, ""), (4, "date")]
    assert "not valid JSON" in report.errors[0].reason and "future" in report.errors[2].reason
    assert not report.committed


def test_dry_run_and_missing_file(shop, now, tmp_path) -> None:
    report = import_events(shop, FIXTURES / "events" / "events.jsonl", now=now, dry_run=True)
    assert report.created == 5 and not report.committed and _imported(shop) == []
    with pytest.raises(InputError, match="file not found"):
        import_events(shop, tmp_path / "none.jsonl", now=now)


def test_type_inferred_from_order_id_and_rule_linked(shop, now, tmp_path) -> None:
    shop.db.execute("INSERT INTO rules(name, enabled, definition, created_at, updated_at) "
                    "VALUES ('Benvenuto', 1, '{}', '2026-01-01 00:00:00', '2026-01-01 00:00:00')")
    path = tmp_path / "orders.txt"
    path.write_text('{"email": "mario.rossi@example.it", "order": "W-1", "totale": "12,00", "data": "2026-02-01"}\n'
                    '{"tipo": "apertura", "email": "mario.rossi@example.it", "data": "2026-02-02", "regola": "Benvenuto"}\n',
                    encoding="utf-8")
    report = import_events(shop, path, now=now)
    assert report.created == 2
    rows = shop.db.execute("SELECT type, ref, amount, rule_id FROM events WHERE type IN ('purchase', 'email_opened') ORDER BY id"
                           ).fetchall()
    rule_id = shop.db.execute("SELECT id FROM rules WHERE name = 'Benvenuto'").fetchone()[0]
    assert rows == [("purchase", "W-1", 12.0, None), ("email_opened", "Benvenuto", None, rule_id)]


def test_jsonl_must_be_utf8(shop, now, tmp_path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes('{"type": "open", "email": "mario.rossi@example.it", "date": "2026-01-01", "rule": "Caffè"}\n'
                     .encode("cp1252"))
    with pytest.raises(InputError, match="must be UTF-8"):
        import_events(shop, path, now=now)
    assert _imported(shop) == []


def test_a_json_line_with_a_key_twice_is_a_bad_row(shop, now, tmp_path) -> None:
    """``"amount": 19.5, "amount": 1`` was stored as 1.0, exit 0."""
    from desktop.messages import text

    lines = (FIXTURES / "events" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    twice = json.dumps(record)[:-1] + ', "amount": 1}'
    path = tmp_path / "twice.jsonl"
    path.write_text(twice + "\n", encoding="utf-8")
    report = import_events(shop, path, now=now)
    assert not report.committed and report.created == 0
    [error] = report.errors
    assert error.line == 1 and text(error.coded, "it") == 'la chiave "amount" compare due volte'


def test_a_folder_or_a_device_is_named_as_such(shop, now, tmp_path) -> None:
    """All three said "file non trovato"."""
    for path, code in ((tmp_path, "import.is_folder"), (Path("/dev/null"), "import.not_regular"),
                       (Path("/dev/zero"), "import.not_regular"), (tmp_path / "none.csv", "import.not_found")):
        with pytest.raises(InputError) as raised:
            import_events(shop, path, now=now)
        assert raised.value.msg.code == code, path
