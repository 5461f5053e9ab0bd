"""A bare "consenso" (or "consent") column is the e-mail consent: an Italian shop's list
with nome;cognome;email;consenso was read as a custom field "consenso" and then refused for
having no consent column (both reviewers of the import stumbled on it)."""

from __future__ import annotations

from desktop.contacts.csv_import import import_contacts


def test_a_bare_consenso_column_is_the_email_consent(workspace, tmp_path, now) -> None:
    csv = tmp_path / "clienti.csv"
    csv.write_text("nome;cognome;email;consenso\nMario;Rossi;mario@example.it;Sì\n"
                   "Luigi;Verdi;luigi@example.it;no\nAnna;Bianchi;anna@example.it;si\n", encoding="utf-8")
    report = import_contacts(workspace, csv, now=now)
    assert report.committed and report.consent_undecided == 0
    status = dict(workspace.db.execute("SELECT email, email_status FROM contacts").fetchall())
    assert status == {"mario@example.it": "subscribed", "luigi@example.it": "unsubscribed",
                      "anna@example.it": "subscribed"}
    assert "consenso" not in workspace.fields.all()  # no custom field made of it
