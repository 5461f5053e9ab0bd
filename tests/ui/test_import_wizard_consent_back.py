"""When the import finds new contacts whose consent the file does not give (rows the preview
did not show), the last page says "go back and say what they agreed to": it now has a Back
button, Import then waits for the choice, and the report speaks the window's words (no
``--consent``) with counts after the status ("iscritti: 2", no singular/plural to get wrong)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.test_ui_import_wizard import FIXTURES, _to_mapping
from ui.resources import LANGUAGE


def test_back_from_the_refused_import_then_import_waits_for_the_choice(qtbot, runner, workspace) -> None:
    wizard = _to_mapping(qtbot, runner, FIXTURES / "shopify_customers_export.csv")
    mapping = wizard.mapping_page
    assert mapping.isComplete() and mapping.choices.consent.currentData() == ""  # "Choose…" left alone
    wizard.next()
    assert wizard.run_page.report is not None and wizard.run_page.report.consent_undecided == 1
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert back.isVisible() and back.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is mapping
    assert not mapping.isComplete()  # Import stays off on "Choose…" now
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    mapping.choices.consent.setCurrentIndex(mapping.choices.consent.findData("pending"))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.run_page.report.committed
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()  # done: nothing to go back to


def test_the_consent_lines_speak_the_windows_words_in_italian(qtbot, runner, workspace) -> None:
    LANGUAGE.switch("it")
    wizard = _to_mapping(qtbot, runner, FIXTURES / "shopify_customers_export.csv", language="it")
    consent = wizard.mapping_page.choices.consent
    consent.setCurrentIndex(consent.findData("pending"))
    wizard.next()
    summary = wizard.run_page.summary.text()
    assert wizard.run_page.report.committed
    assert "--" not in summary
    assert "E-mail — in attesa: 1 (come scelto per «Nuovi contatti di cui il file non dice nulla»)" in summary
    assert "E-mail — disiscritti: 1 (dalla colonna" in summary  # the count after the word, no "1 disiscritti"
