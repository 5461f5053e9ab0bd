"""Consent is never invented: blank cells, whole-file statuses, inverted columns, sticky unsubscribes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop.contacts.csv_import import import_contacts
from desktop.messages import text

F = Path(__file__).parent / "fixtures" / "imports"


def _status(ws, email: str) -> tuple[str, str]:
    row = ws.db.execute("SELECT email_status, sms_status FROM contacts WHERE email = ?", [email]).fetchone()
    assert row is not None, email
    return tuple(row)


def test_blank_consent_stops_the_import_and_names_the_lines(workspace, now) -> None:
    report = import_contacts(workspace, F / "shopify_customers_export.csv", now=now)
    assert not report.committed and not report.ok and workspace.contacts.count() == 0
    assert report.consent_undecided == 1 and report.consent_undecided_lines == [4]  # Bruno, blank cells
    assert "consent unknown" in report.format() and "--consent" in report.outcome()


@pytest.mark.parametrize("policy", ["pending", "unsubscribed", "subscribed"])
def test_consent_option_fills_only_what_the_file_leaves_blank(workspace, now, policy) -> None:
    report = import_contacts(workspace, F / "shopify_customers_export.csv", now=now, consent=policy)
    assert report.committed
    assert _status(workspace, "anna.verdi@example.it") == ("subscribed", "unsubscribed")  # stated: kept
    assert _status(workspace, "jean.dupont@example.fr") == ("unsubscribed", "subscribed")
    assert _status(workspace, "bruno.neri@example.it") == (policy, policy)
    said = {(c, st, text(why, "en")): n for (c, st, why), n in report.consent.items()}
    assert said[("email", "unsubscribed", 'from the column "Accepts Email Marketing"')] == 1
    assert said[("email", policy, f"from --consent {policy} (the file does not say)")] >= 1
    assert f"{policy} — from --consent {policy}" in report.format()


def test_from_file_makes_silent_rows_bad_rows(workspace, now) -> None:
    report = import_contacts(workspace, F / "shopify_customers_export.csv", now=now, consent="from-file")
    assert not report.committed and [e.line for e in report.errors] == [4]


def test_a_channel_without_an_address_is_never_subscribed(workspace, now) -> None:
    import_contacts(workspace, F / "subscribed_members_export_4f2a9c1b07.csv", now=now)
    assert _status(workspace, "anna.verdi@example.it") == ("subscribed", "pending")  # no phone in the file


@pytest.mark.parametrize("name,status", [("unsubscribed_members_export_4f2a9c1b07.csv", "unsubscribed"),
                                         ("cleaned_members_export_4f2a9c1b07.csv", "bounced"),
                                         ("subscribed_members_export_4f2a9c1b07.csv", "subscribed")])
def test_mailchimp_files_carry_their_status(workspace, now, name, status) -> None:
    report = import_contacts(workspace, F / name, now=now)
    assert report.committed and report.file_status == status and report.file_status_why
    for (email,) in workspace.db.execute("SELECT email FROM contacts"):
        assert _status(workspace, email)[0] == status


def test_the_whole_file_status_also_comes_from_columns_or_the_option(workspace, now, tmp_path) -> None:
    renamed = tmp_path / "export.csv"  # no telling file name: UNSUB_TIME alone says it
    renamed.write_bytes((F / "unsubscribed_members_export_4f2a9c1b07.csv").read_bytes())
    assert import_contacts(workspace, renamed, now=now, dry_run=True).file_status == "unsubscribed"
    report = import_contacts(workspace, renamed, now=now, status="pending")
    assert report.committed and _status(workspace, "carla.rizzo@example.it")[0] == "pending"


def test_mailup_disiscritti_unsubscribes_existing_contacts(workspace, now) -> None:
    import_contacts(workspace, F / "MailUp_Iscritti_lista1.csv", now=now, consent="pending")
    assert _status(workspace, "mario.rossi@example.it")[0] == "subscribed"
    report = import_contacts(workspace, F / "MailUp_Disiscritti_lista1.csv", now=now)
    assert report.committed and report.updated == 1
    assert _status(workspace, "mario.rossi@example.it")[0] == "unsubscribed"


def test_inverted_columns(workspace, now) -> None:
    import_contacts(workspace, F / "brevo_contacts_export.csv", now=now)
    assert _status(workspace, "claire.martin@example.fr") == ("subscribed", "unsubscribed")
    assert _status(workspace, "luca.bianchi@example.it") == ("unsubscribed", "subscribed")


def test_do_not_email_header(workspace, now, tmp_path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Email,Do not e-mail\na@example.it,yes\nb@example.it,no\n", encoding="utf-8")
    import_contacts(workspace, path, now=now)
    assert _status(workspace, "a@example.it")[0] == "unsubscribed"
    assert _status(workspace, "b@example.it")[0] == "subscribed"


def test_italian_consent_spellings_and_unrecognised_values(workspace, now, tmp_path) -> None:
    import_contacts(workspace, F / "excel_clienti_salva_come_csv.csv", now=now)
    assert _status(workspace, "niccolo@example.it") == ("subscribed", "unsubscribed")  # Sì / NO
    assert _status(workspace, "lucia@example.it") == ("subscribed", "subscribed")  # SI / SI
    odd = tmp_path / "odd.csv"
    odd.write_text("Email;Newsletter\nx@example.it;forse\n", encoding="utf-8")
    report = import_contacts(workspace, odd, now=now, consent="subscribed")
    assert not report.committed and report.errors[0].column == "Newsletter"  # never read as yes


def test_an_unsubscribe_in_postino_is_sticky(workspace, now, tmp_path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Email;Newsletter\nanna@example.it;sì\n", encoding="utf-8")
    import_contacts(workspace, path, now=now)
    cid = workspace.contacts.find("anna@example.it")
    workspace.contacts.update(cid, {"email_status": "unsubscribed"}, now + timedelta(days=1))  # the link
    report = import_contacts(workspace, path, now=now + timedelta(days=2))
    assert _status(workspace, "anna@example.it")[0] == "unsubscribed"
    assert any("kept unsubscribed" in text(why, "en") for (_c, _s, why) in report.consent)
    assert "tenuto" not in text(next(iter(report.consent))[2], "it") and "disiscritto" in text(
        next(iter(report.consent))[2], "it")


def test_a_newer_explicit_opt_in_resubscribes(workspace, now, tmp_path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Email;Newsletter;Data consenso\nanna@example.it;sì;2026-03-01 10:00\n", encoding="utf-8")
    import_contacts(workspace, path, now=now)
    cid = workspace.contacts.find("anna@example.it")
    workspace.contacts.update(cid, {"email_status": "unsubscribed"}, now + timedelta(days=1))
    import_contacts(workspace, path, now=now + timedelta(days=2))  # opt-in older than the unsubscribe
    assert _status(workspace, "anna@example.it")[0] == "unsubscribed"
    path.write_text("Email;Newsletter;Data consenso\nanna@example.it;sì;2026-03-10 10:00\n", encoding="utf-8")
    import_contacts(workspace, path, now=now + timedelta(days=10))
    assert _status(workspace, "anna@example.it")[0] == "subscribed"
