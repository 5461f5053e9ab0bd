"""Every shop and mailing export format, from fixtures built from each tool's documentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.contacts.csv_import import import_contacts, preview_csv
from desktop.contacts.saved_mappings import load_mapping, parse_map_option, save_mapping
from desktop.events_import import import_events

F = Path(__file__).parent / "fixtures" / "imports"


def _get(ws, email: str) -> dict:
    cid = ws.contacts.find(email)
    assert cid is not None, email
    return ws.contacts.get(cid) | {"groups": sorted(ws.groups.of_contact(cid))}


def _purchases(ws) -> list[tuple]:
    return ws.db.execute("SELECT c.email, e.occurred_at, e.ref, e.amount, e.payload FROM events e "
                         "JOIN contacts c ON c.id = e.contact_id WHERE e.type = 'purchase' ORDER BY e.id").fetchall()


@pytest.mark.parametrize("name,preset", [
    ("shopify_customers_export.csv", "shopify-customers"), ("shopify_orders_export.csv", None),
    ("woocommerce_analytics_customers.csv", "woocommerce-customers"),
    ("woocommerce_customer_export.csv", "woocommerce-customers-export"),
    ("subscribed_members_export_4f2a9c1b07.csv", "mailchimp"), ("MailUp_Iscritti_lista1.csv", "mailup"),
    ("brevo_contacts_export.csv", "brevo"), ("google_contacts.csv", "google-contacts"),
    ("outlook_contacts.csv", "outlook"), ("prestashop_customers.csv", "prestashop"),
    ("excel_clienti_salva_come_csv.csv", None)])
def test_presets_are_detected_from_the_header(name, preset) -> None:
    assert preview_csv(F / name).preset == preset


def test_shopify_customers(workspace, now) -> None:
    report = import_contacts(workspace, F / "shopify_customers_export.csv", now=now, consent="pending")
    assert report.preset == "Shopify customers" and report.committed
    anna, jean = _get(workspace, "anna.verdi@example.it"), _get(workspace, "jean.dupont@example.fr")
    assert anna["groups"] == ["Newsletter", "VIP"] and anna["total_spent"] == 1250.5
    assert jean["phone"] == "+33612345678"  # national French number, read for the row's country FR
    assert workspace.fields.get("default_address_zip").type == "text"  # 20121 is a CAP, not a number
    assert "Note" in report.empty_columns and "note" not in workspace.fields.all()


def test_shopify_orders_grouped_by_name(workspace, now) -> None:
    import_contacts(workspace, F / "shopify_customers_export.csv", now=now, consent="pending")
    report = import_events(workspace, F / "shopify_orders_export.csv", now=now)
    assert report.committed and report.preset == "Shopify orders" and report.created == 2
    assert report.left_out == {"cancelled orders": 1, "refunded orders": 1}
    rows = _purchases(workspace)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("anna.verdi@example.it", "2026-01-15 09:23:45", "#1001", 55.0),  # total from the first row, +01:00
        ("anna.verdi@example.it", "2026-02-10 16:58:00", "#1004", 120.0)]
    assert json.loads(rows[1][4])["items"] == ["Giacca", "Guanti", "Berretto"]
    again = import_events(workspace, F / "shopify_orders_export.csv", now=now)
    assert again.created == 0 and again.unchanged == 2


def test_woocommerce_customers_and_orders(workspace, now) -> None:
    import_contacts(workspace, F / "woocommerce_customer_export.csv", now=now, consent="pending")
    assert _get(workspace, "jean.dupont@example.fr")["phone"] == "+33612345678"  # billing_country FR
    import_contacts(workspace, F / "woocommerce_analytics_customers.csv", now=now, consent="pending")
    mg = _get(workspace, "mg.deluca@example.it")
    assert (mg["first_name"], mg["last_name"]) == ("Maria Grazia", "De Luca")  # Name split
    assert mg["registered_at"] == "2024-11-05 09:00:00" and mg["total_spend"] == 320.0
    report = import_events(workspace, F / "woocommerce_orders_export.csv", now=now)
    assert report.created == 2 and report.left_out == {"cancelled orders": 1, "refunded orders": 1}
    assert [(r[2], r[3]) for r in _purchases(workspace)] == [("101", 24.4), ("103", 1250.0)]
    assert json.loads(_purchases(workspace)[0][4])["items"] == ["Tazza", "Piattino"]


def test_stripe_paid_only_and_utc(workspace, now) -> None:
    import_contacts(workspace, F / "shopify_customers_export.csv", now=now, consent="pending")
    report = import_events(workspace, F / "stripe_payments.csv", now=now)
    assert report.created == 1 and report.left_out == {"failed payments": 1, "refunded payments": 1}
    assert [(r[1], r[3]) for r in _purchases(workspace)] == [("2026-02-10 23:30:00", 49.9)]  # not Rome time


def test_paypal_payments_with_their_time_zone(workspace, now) -> None:
    import_contacts(workspace, F / "shopify_customers_export.csv", now=now, consent="pending")
    report = import_events(workspace, F / "paypal_activity_download.csv", now=now)
    assert report.created == 1 and sum(report.left_out.values()) == 3
    assert [(r[1], r[2], r[3]) for r in _purchases(workspace)] == [
        ("2026-02-14 18:00:00", "8AB12345CD678901E", 1250.0)]  # 10:00 PST; "1,250.00"


def test_mailchimp_tags_birthdays_and_empty_columns(workspace, now) -> None:
    report = import_contacts(workspace, F / "subscribed_members_export_4f2a9c1b07.csv", now=now)
    anna = _get(workspace, "anna.verdi@example.it")
    assert anna["groups"] == ["Clienti fedeli", "VIP"]  # quoted tags, clean names
    assert anna["birthday"] == "0000-03-14" and anna["registered_at"] == "2025-05-01 08:00:00"  # OPTIN_TIME
    assert {"Address", "NOTES"} <= set(report.empty_columns) and "address" not in workspace.fields.all()


def test_yearless_birthdays_drive_birthday_rules(workspace, now) -> None:
    from datetime import datetime, timezone

    from tests.rules.handbuilt import matches

    import_contacts(workspace, F / "google_contacts.csv", now=now, consent="pending")
    import_contacts(workspace, F / "subscribed_members_export_4f2a9c1b07.csv", now=now)
    assert _get(workspace, "giulia@example.it")["birthday"] == "0000-02-29"
    workspace.groups.create("Recent clickers", now)  # the action the test helper's rule uses
    birthday = {"all": [{"field": "birthday", "op": "anniversary_today"}]}
    # The real rule compiler: 29 February is wished on 28 February in a year without it...
    assert matches(workspace, birthday, now=datetime(2027, 2, 28, 9, 0, tzinfo=timezone.utc)) == {"Giulia"}
    # ...and Mailchimp's "03/14" on 14 March.
    assert matches(workspace, birthday, now=datetime(2026, 3, 14, 9, 0, tzinfo=timezone.utc)) == {"Anna"}


def test_google_contacts_multi_values_and_labels(workspace, now) -> None:
    import_contacts(workspace, F / "google_contacts.csv", now=now, consent="pending")
    giulia = _get(workspace, "giulia@example.it")
    assert giulia["phone"] == "+393381112223" and giulia["groups"] == ["Clienti"]  # no "* myContacts"
    assert _get(workspace, "piero.sala@example.it")["groups"] == []


def test_outlook_contacts(workspace, now) -> None:
    report = import_contacts(workspace, F / "outlook_contacts.csv", now=now, consent="pending")
    paolo, sara = _get(workspace, "paolo.conti@example.it"), _get(workspace, "sara.galli@example.it")
    assert paolo["birthday"] == "1979-04-25" and paolo["groups"] == ["Clienti", "VIP"]
    assert sara["birthday"] is None  # 0/0/00 is Outlook's "none"
    assert not workspace.fields.custom() and "Given Yomi" in report.empty_columns


def test_prestashop_and_italian_numbers(workspace, now) -> None:
    import_contacts(workspace, F / "prestashop_customers.csv", now=now)
    marco = _get(workspace, "marco.galli@example.it")
    assert marco["sales"] == 1250.0 and marco["email_status"] == "subscribed"
    assert _get(workspace, "elena.russo@example.it")["email_status"] == "unsubscribed"  # Newsletter 0


def test_italian_excel_list_and_order_register(workspace, now) -> None:
    report = import_contacts(workspace, F / "excel_clienti_salva_come_csv.csv", now=now)
    assert report.encoding == "cp1252" and report.decimal == ","
    nic, lucia = _get(workspace, "niccolo@example.it"), _get(workspace, "lucia@example.it")
    assert nic["totale_speso"] == 1250.0 and lucia["totale_speso"] == 1234.5  # 1.250 and 1.234,50 €
    assert workspace.fields.get("totale_speso").type == "number"  # can drive "spent more than"
    assert nic["cap"] == "00184" and nic["phone"] == "+393470001111"  # Excel's apostrophe stripped
    assert nic["registered_at"] == "2025-02-02 23:00:00"  # 03/02: the column's 25/12 decides dd/mm
    events = import_events(workspace, F / "excel_registro_ordini.csv", now=now)
    assert events.committed and [r[3] for r in _purchases(workspace)] == [1234.5, 1250.0]


def test_mailup_phones_by_international_prefix(workspace, now) -> None:
    import_contacts(workspace, F / "MailUp_Iscritti_lista1.csv", now=now, consent="pending")
    assert _get(workspace, "hans.muller@example.de")["phone"] == "+4915123456789"
    assert _get(workspace, "mario.rossi@example.it")["phone"] == "+393471112223"


def test_country_code_without_plus_is_never_made_italian(workspace, now, tmp_path) -> None:
    import_contacts(workspace, F / "brevo_contacts_export.csv", now=now)
    assert _get(workspace, "claire.martin@example.fr")["phone"] == "+33612345678"
    plain = tmp_path / "plain.csv"
    plain.write_text("Email,Cellulare\nclaire@example.fr,33612345678\n", encoding="utf-8")
    report = import_contacts(workspace, plain, now=now, consent="pending")
    assert not report.committed and "could be +33 6 12 34 56 78" in report.errors[0].reason


def test_ambiguous_date_column_says_so(workspace, now, tmp_path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("Email;Data di nascita\na@example.it;03/04/1990\nb@example.it;05/06/1991\n", encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="pending")
    assert report.ambiguous_dates == ["Data di nascita"] and "--date-order" in report.format()
    assert not import_contacts(workspace, path, now=now, consent="pending", date_order="mdy").ambiguous_dates


def test_map_option_and_saved_mappings(workspace, now, tmp_path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Posta;Telefonino;Roba\nz@example.it;347 123 4567;x\n", encoding="utf-8")
    mapping = parse_map_option("Posta=email,Telefonino=phone,Roba=ignore")
    assert mapping == {"Posta": "email", "Telefonino": "phone", "Roba": None}
    save_mapping(workspace, "contacts", "mio", mapping)
    report = import_contacts(workspace, path, now=now, consent="pending", mapping=load_mapping(workspace, "contacts", "mio"))
    assert report.committed and _get(workspace, "z@example.it")["phone"] == "+393471234567"
    assert "Roba" in report.ignored_columns


def test_events_mapping(workspace, now, tmp_path) -> None:
    import_contacts(workspace, F / "shopify_customers_export.csv", now=now, consent="pending")
    path = tmp_path / "vendite.csv"
    path.write_text("Quando;Chi;Codice;Euro\n01/02/2026;anna.verdi@example.it;V-1;12,50\n", encoding="utf-8")
    report = import_events(workspace, path, now=now,
                           mapping={"Quando": "date", "Chi": "email", "Codice": "order_id", "Euro": "amount"})
    assert report.committed and [(r[2], r[3]) for r in _purchases(workspace)] == [("V-1", 12.5)]


def test_a_column_filled_only_late_in_the_file_is_not_called_empty() -> None:
    from desktop.contacts.profile import profile_rows

    rows = [["a", ""] for _ in range(5000)] + [["a", "12,5"]]
    profile = profile_rows(iter(rows), [0, 1], sample=1000)
    assert profile.columns[1].filled == 1 and profile.columns[1].kind == "number"


def test_empty_columns_make_no_custom_field_and_numbers_and_dates_are_typed(workspace, now, tmp_path) -> None:
    path = tmp_path / "typed.csv"
    path.write_text("Email;Vuota;Spesa;Ultimo ordine;Codice\n"
                    "a@example.it;;12,50;03/02/2026;0042\nb@example.it;;1.250;25/02/2026;0043\n", encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="pending")
    assert report.empty_columns == ["Vuota"] and "vuota" not in workspace.fields.all()
    types = {f.name: f.type for f in workspace.fields.custom()}
    assert types == {"spesa": "number", "ultimo_ordine": "date", "codice": "text"}
    b = _get(workspace, "b@example.it")
    assert (b["spesa"], b["ultimo_ordine"], b["codice"]) == (1250.0, "2026-02-25", "0043")


def test_shopify_legacy_customers_export(workspace, now, tmp_path) -> None:
    path = tmp_path / "customers_export.csv"  # the pre-2023 layout: Country and Country Code, Accepts Marketing
    path.write_text("First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,"
                    "Country Code,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt\n"
                    "Lea,Roux,lea.roux@example.fr,,1 rue X,,Lyon,,,France,FR,69001,06 12 34 56 78,yes,12.00,1,,,no\n",
                    encoding="utf-8")
    report = import_contacts(workspace, path, now=now, consent="pending")
    assert report.committed and report.preset == "Shopify customers"
    lea = _get(workspace, "lea.roux@example.fr")
    assert lea["phone"] == "+33612345678" and lea["email_status"] == "subscribed"
