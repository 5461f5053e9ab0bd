from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from ui.contacts.import_wizard import IGNORE, ImportWizard
from ui.contacts.page import ContactsPage

CSV = (
    "Nome;Cognome;E-mail;Cellulare;Punti fedeltà;Note interne\n"
    "Anna;Verdi;anna.verdi@example.it;347 123 4567;120;vip\n"
    "Bruno;Neri;bruno-at-example;;10;\n"
    "Carla;Bianchi;carla@example.it;;35;\n"
)


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "clienti.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_import_with_a_bad_row_then_the_good_rows_only(qtbot, runner, workspace, tmp_path, now) -> None:
    workspace.groups.create("Clienti", now)
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    wizard = ImportWizard(runner, language="en")
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.path.setText(str(_write(tmp_path)))
    wizard.file_page.group.setCurrentText("Clienti")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()

    mapping = wizard.mapping_page
    assert mapping.preview is not None
    assert "utf-8" in mapping.detected.text() and "“;”" in mapping.detected.text()
    assert mapping.mapping.rowCount() == 6 and mapping.sample.rowCount() == 3
    assert mapping.combos["E-mail"].currentData() == "email"
    assert mapping.combos["Cellulare"].currentData() == "phone"
    assert mapping.combos["Punti fedeltà"].currentData() == "punti_fedelta"  # a new custom field
    notes = mapping.combos["Note interne"]
    notes.setCurrentIndex(notes.findData(IGNORE))
    email = mapping.combos["E-mail"]
    email.setCurrentIndex(email.findData(IGNORE))
    phone = mapping.combos["Cellulare"]
    phone.setCurrentIndex(phone.findData(IGNORE))
    assert not mapping.isComplete() and "e-mail address or the mobile number" in mapping.problem.text()
    email.setCurrentIndex(email.findData("email"))
    phone.setCurrentIndex(phone.findData("phone"))
    # The file has no consent column: the wizard asks before importing, and never guesses.
    assert not mapping.isComplete() and "agreed to" in mapping.problem.text()
    consent = mapping.choices.consent
    consent.setCurrentIndex(consent.findData("subscribed"))
    assert mapping.isComplete()
    wizard.next()

    run = wizard.run_page
    assert run.report is not None and not run.report.committed
    assert run.errors.rowCount() == 1
    assert (run.errors.item(0, 0).text(), run.errors.item(0, 1).text()) == ("3", "E-mail")
    assert "not a valid e-mail" in run.errors.item(0, 2).text()
    assert "Nothing was imported" in run.summary.text()
    assert not run.good_only.isHidden()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert workspace.contacts.count() == 0  # all or nothing

    run.good_only.click()
    assert run.report.committed and run.report.created == 2 and run.report.invalid == 1
    assert "bad rows below were left out" in run.summary.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    anna = workspace.contacts.get(workspace.contacts.find("anna.verdi@example.it"))
    assert anna["phone"] == "+393471234567" and anna["punti_fedelta"] == 120.0
    assert "note_interne" not in anna
    assert sorted(workspace.groups.of_contact(anna["id"])) == ["Clienti"]
    assert page.model.rowCount() == 2  # the contacts page refreshed from the change notice


FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def _to_mapping(qtbot, runner, path: Path, language: str = "en") -> ImportWizard:
    wizard = ImportWizard(runner, language=language)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    return wizard


def test_detected_preset_and_file_status_are_shown_and_applied(qtbot, runner, workspace) -> None:
    wizard = _to_mapping(qtbot, runner, FIXTURES / "unsubscribed_members_export_4f2a9c1b07.csv")
    choices = wizard.mapping_page.choices
    assert "Mailchimp audience" in choices.preset.text()
    assert "unsubscribed" in choices.preset.text() and "UNSUB_TIME" in choices.preset.text()
    assert choices.status.currentData() == "unsubscribed"
    assert wizard.mapping_page.isComplete()  # the file's status answers the consent question
    wizard.next()
    report = wizard.run_page.report
    assert report is not None and report.committed
    row = workspace.db.execute("SELECT email_status FROM contacts WHERE email = 'carla.rizzo@example.it'").fetchone()
    assert row == ("unsubscribed",)
    assert "unsubscribed" in wizard.run_page.summary.text() and "whole file" in wizard.run_page.summary.text()


def test_the_file_status_is_named_in_italian(qtbot, runner, workspace) -> None:
    """The Italian wizard said: "… persone che sono tutte “unsubscribed” (dal nome del file …)"."""
    from ui.resources import LANGUAGE

    LANGUAGE.switch("it")
    wizard = _to_mapping(qtbot, runner, FIXTURES / "unsubscribed_members_export_4f2a9c1b07.csv")
    text = wizard.mapping_page.choices.preset.text()
    assert "contatti tutti «disiscritti»" in text and "unsubscribed»" not in text


def test_consent_columns_and_the_chosen_policy(qtbot, runner, workspace) -> None:
    wizard = _to_mapping(qtbot, runner, FIXTURES / "shopify_customers_export.csv")
    choices = wizard.mapping_page.choices
    assert "Shopify customers" in choices.preset.text() and "Accepts Email Marketing" in choices.preset.text()
    assert wizard.mapping_page.isComplete()  # consent columns exist: no question needed
    wizard.next()
    run = wizard.run_page
    assert run.report is not None and not run.report.committed and run.report.consent_undecided == 1
    assert "no consent in the file" in run.summary.text() and workspace.contacts.count() == 0
    wizard.back()
    choices.consent.setCurrentIndex(choices.consent.findData("pending"))
    wizard.next()
    assert wizard.run_page.report.committed
    assert workspace.db.execute("SELECT email_status FROM contacts WHERE email = 'bruno.neri@example.it'"
                                ).fetchone() == ("pending",)


def test_date_order_choice_is_passed_on(qtbot, runner, workspace, tmp_path) -> None:
    path = tmp_path / "date.csv"
    path.write_text("Email;Data di nascita;Newsletter\na@example.it;03/04/1990;sì\n", encoding="utf-8")
    wizard = _to_mapping(qtbot, runner, path)
    dates = wizard.mapping_page.choices.dates
    dates.setCurrentIndex(dates.findData("mdy"))
    wizard.next()
    assert wizard.run_page.report.committed
    assert workspace.db.execute("SELECT birthday FROM contacts").fetchone() == ("1990-03-04",)


def test_preset_targets_survive_the_mapping_page(qtbot, runner, workspace) -> None:
    wizard = _to_mapping(qtbot, runner, FIXTURES / "brevo_contacts_export.csv")
    combos = wizard.mapping_page.combos
    assert combos["EMAIL_BLACKLISTED"].currentData() == "email_blocked"
    assert combos["SMS_BLACKLISTED"].currentData() == "sms_blocked"
    wizard.next()
    assert wizard.run_page.report.committed
    assert workspace.db.execute("SELECT email_status, sms_status, phone FROM contacts WHERE email = "
                                "'claire.martin@example.fr'").fetchone() == ("subscribed", "unsubscribed", "+33612345678")


def test_full_name_and_country_targets(qtbot, runner, workspace) -> None:
    wizard = _to_mapping(qtbot, runner, FIXTURES / "woocommerce_analytics_customers.csv")
    combos = wizard.mapping_page.combos
    assert combos["Name"].currentData() == "full_name" and combos["Country / Region"].currentData() == "country"
    consent = wizard.mapping_page.choices.consent
    consent.setCurrentIndex(consent.findData("pending"))
    wizard.next()
    assert wizard.run_page.report.committed
    assert workspace.db.execute("SELECT first_name, last_name FROM contacts WHERE email = 'mg.deluca@example.it'"
                                ).fetchone() == ("Maria Grazia", "De Luca")


def test_events_wizard_reads_a_shop_export_by_its_preset(qtbot, runner, workspace, now) -> None:
    from desktop.contacts.csv_import import import_contacts

    import_contacts(workspace, FIXTURES / "shopify_customers_export.csv", now=now, consent="pending")
    wizard = ImportWizard(runner, language="en", kind="events")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Import events" and not wizard.file_page.group.isVisible()
    wizard.file_page.path.setText(str(FIXTURES / "shopify_orders_export.csv"))
    wizard.next()
    page = wizard.mapping_page
    assert "Shopify orders" in page.choices.preset.text() and "consent" not in page.choices.preset.text()
    assert page.isComplete() and page.chosen_mapping() is None and not page.combos["Name"].isEnabled()
    wizard.next()
    report = wizard.run_page.report
    assert report.committed and report.created == 2 and report.left_out == {"cancelled orders": 1,
                                                                          "refunded orders": 1}


def test_events_wizard_maps_other_columns(qtbot, runner, workspace, now, tmp_path) -> None:
    from desktop.contacts.csv_import import import_contacts

    import_contacts(workspace, FIXTURES / "shopify_customers_export.csv", now=now, consent="pending")
    path = tmp_path / "vendite.csv"
    path.write_text("Quando;Chi;Codice;Euro\n01/02/2026;anna.verdi@example.it;V-1;12,50\n", encoding="utf-8")
    wizard = ImportWizard(runner, language="en", kind="events")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    page = wizard.mapping_page
    for header, key in (("Quando", "date"), ("Chi", "email"), ("Codice", "order_id"), ("Euro", "amount")):
        combo = page.combos[header]
        combo.setCurrentIndex(combo.findData(key))
    assert page.isComplete()
    wizard.next()
    assert wizard.run_page.report.committed
    assert workspace.db.execute("SELECT ref, amount FROM events WHERE type = 'purchase'").fetchall() == [("V-1", 12.5)]


def test_the_report_names_ambiguous_dates_and_empty_columns(qtbot, runner, workspace, tmp_path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("Email;Data di nascita;Vuota;Newsletter\na@example.it;03/04/1990;;sì\n", encoding="utf-8")
    wizard = _to_mapping(qtbot, runner, path)
    wizard.next()
    text = wizard.run_page.summary.text()
    assert "Dates in “Data di nascita” could be day/month or month/day" in text
    assert "Empty columns (no field made): Vuota" in text


def test_a_mapping_is_saved_and_reused(qtbot, runner, workspace, tmp_path) -> None:
    from desktop.contacts.saved_mappings import load_mapping

    path = tmp_path / "gente.csv"
    path.write_text("Posta;Telefonino;Ok\nz@example.it;347 123 4567;sì\n", encoding="utf-8")
    wizard = _to_mapping(qtbot, runner, path)
    page = wizard.mapping_page
    for header, target in (("Posta", "email"), ("Telefonino", "phone"), ("Ok", "email_status")):
        page.combos[header].setCurrentIndex(page.combos[header].findData(target))
    page.saved.save_as.setText("gestionale")
    assert not page.isComplete()  # e-mail consent is mapped, SMS consent is not: the wizard asks
    page.choices.consent.setCurrentIndex(page.choices.consent.findData("pending"))
    assert page.isComplete()
    wizard.next()
    assert wizard.run_page.report.committed
    assert load_mapping(workspace, "contacts", "gestionale")["Posta"] == "email"

    again = _to_mapping(qtbot, runner, path)
    page = again.mapping_page
    assert page.combos["Posta"].currentData() != "email"  # not an alias: only the saved mapping knows it
    page.saved.use.setCurrentIndex(page.saved.use.findData("gestionale"))
    page.saved.use.activated.emit(page.saved.use.currentIndex())
    assert page.combos["Posta"].currentData() == "email" and page.combos["Ok"].currentData() == "email_status"
    page.choices.consent.setCurrentIndex(page.choices.consent.findData("pending"))
    again.next()
    assert again.run_page.report.committed and again.run_page.report.unchanged == 1
