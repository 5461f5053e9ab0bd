"""Issue 14, safe defaults around the rule editor: Esc asks before discarding a filled-in
wizard, a double-click opens one editor, labels show no stray ``&``, every step fits the
default size without a horizontal scroll bar (Italian and English), the app opens on the
rules page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QScrollArea, QWizard

from desktop.recipes import RECIPES
from tests.ui.test_rules_page import rule
from tests.ui.test_rules_wizard import prepare
from ui.resources import LANGUAGE
from ui.rules.page import RulesPage
from ui.rules.wizard import RECIPE, SUMMARY, RuleWizard


def switch(language: str) -> None:
    """Earlier tests' pages (closed, deletion pending) must not hear the language change."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    LANGUAGE.switch(language)
    QApplication.processEvents()


def start(qtbot, runner, now) -> tuple[RulesPage, RuleWizard]:
    page = RulesPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.show()
    page.new_item()
    assert page.wizard is not None
    qtbot.waitExposed(page.wizard)
    return page, page.wizard


def test_esc_in_an_untouched_wizard_closes_it(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = start(qtbot, runner, now)
    wizard.next()  # a blank rule, nothing typed
    QTest.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and wizard.discard_box is None


def test_esc_in_a_filled_in_wizard_asks_and_both_answers_do_what_they_say(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = start(qtbot, runner, now)
    wizard.next()
    qtbot.keyClicks(wizard.general.name, "Promo")
    QTest.keyClick(wizard.general.name, Qt.Key.Key_Escape)
    box = wizard.discard_box
    assert box is not None and box.isVisible() and wizard.isVisible()
    assert "“Promo” is not saved" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # "Keep editing"
    assert wizard.isVisible() and wizard.general.name.text() == "Promo"
    QTest.keyClick(wizard.general.name, Qt.Key.Key_Escape)
    assert wizard.discard_box is not box and wizard.discard_box.isVisible()
    wizard.discard_box.button(QMessageBox.StandardButton.Discard).click()
    assert not wizard.isVisible()
    assert workspace.rules.find("Promo") is None


def test_a_chosen_recipe_counts_as_filled_in(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select("birthday")
    wizard.next()
    wizard.reject()
    assert wizard.isVisible() and wizard.discard_box.isVisible()
    wizard.discard_box.button(QMessageBox.StandardButton.Discard).click()
    assert not wizard.isVisible()


def open_wizards() -> list[RuleWizard]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, RuleWizard) and w.isVisible()]


def test_double_clicking_a_rule_opens_one_editor(qtbot, runner, workspace, now) -> None:
    """The table's ``doubleClicked`` and ``activated`` both opened an editor: two per double-click."""
    prepare(workspace, now)
    workspace.rules.save(rule("Promo"), now)
    page = RulesPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    before = set(open_wizards())
    index = page.table.model().index(0, 0)
    rect = page.table.visualRect(index)
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = [w for w in open_wizards() if w not in before]
    assert len(opened) == 1
    page.edit_selected()  # asking again while one is open shows that one
    assert [w for w in open_wizards() if w not in before] == opened
    opened[0].done(QWizard.DialogCode.Rejected)


def stray_ampersands(wizard: RuleWizard) -> list[str]:
    """Labels that would show a literal ``&``: plain-text labels without a buddy."""
    found = []
    for label in wizard.findChildren(QLabel):
        text = label.text()
        if "&" not in text or "<" in text or label.textFormat() == Qt.TextFormat.RichText:
            continue
        if label.buddy() is None and "&" in text.replace("&&", ""):
            found.append(text)
    return found


def walk(wizard: RuleWizard):
    """Every step, as a user reaches it (name typed so General lets them on)."""
    yield wizard.currentId()
    while wizard.currentId() != SUMMARY:
        if wizard.currentId() != RECIPE and not wizard.general.name.text():
            wizard.general.name.setText("Prova")
        wizard.next()
        yield wizard.currentId()


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize("recipe", ["", *(r.key for r in RECIPES)])
def test_every_step_fits_the_default_size_and_shows_no_ampersand(qtbot, runner, workspace, now,
                                                                  language, recipe) -> None:
    prepare(workspace, now)
    switch(language)
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select(recipe)
    seen = []
    for step_id in walk(wizard):
        QApplication.processEvents()
        step = wizard.currentPage()
        for area in step.findChildren(QScrollArea):
            if area.isVisible():
                assert not area.horizontalScrollBar().isVisible(), (language, recipe, step.title())
        assert not wizard.recipe_step.list.horizontalScrollBar().isVisible()
        seen.append(step_id)
    assert len(seen) == 6
    assert stray_ampersands(wizard) == []
    wizard.done(QWizard.DialogCode.Rejected)


def test_every_recipe_is_offered_with_its_words(qtbot, runner, workspace, now) -> None:
    _page, wizard = start(qtbot, runner, now)
    texts = [wizard.recipe_step.list.item(i).text() for i in range(wizard.recipe_step.list.count())]
    assert texts == ["Blank rule", *(r.name.en for r in RECIPES)]
    switch("it")
    texts = [wizard.recipe_step.list.item(i).text() for i in range(wizard.recipe_step.list.count())]
    assert texts[1:] == [r.name.it for r in RECIPES]


def test_the_block_button_is_not_called_like_a_contact_group(qtbot, runner, workspace, now) -> None:
    _page, wizard = start(qtbot, runner, now)
    assert wizard.recipients.conditions.add_group_button.text() == "Add AND/OR block"


def test_the_app_opens_on_the_automatic_sends(qtbot, runner, workspace, now) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(workspace, runner, state_file=str(workspace.data_dir / "test-window.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.current_page() is window.page_by_key["rules"]
    assert window.sidebar.currentItem().text() == "Automatic sends"
