"""Issue 14, the rule wizard: recipes filling the steps, the step indicator, the re-send policy
that follows the conditions, the summary in words. Real widgets, synchronous runner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.connectors.store import Connections
from desktop.recipes import BY_KEY, EXAMPLE_FEED, RECIPES, rule_data
from desktop.rules.words import trigger_words
from desktop.templates import Templates
from tests.ui.test_rules_wizard import open_new, prepare
from ui.rules.condition_builder import ConditionRow
from ui.rules.page import RulesPage
from ui.rules.wizard import FREQUENCY, GENERAL, RECIPE, RECIPIENTS, SUMMARY, RuleWizard


def start(qtbot, runner, now) -> tuple[RulesPage, RuleWizard]:
    page = RulesPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.show()
    page.new_item()
    assert page.wizard is not None and page.wizard.currentId() == RECIPE
    return page, page.wizard


def to_summary(wizard: RuleWizard) -> None:
    while wizard.currentId() != SUMMARY:
        before = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != before, f"stuck on step {before}"
    wizard.recipients.live.run_now()
    wizard.summary.refresh_words()


@pytest.mark.parametrize("key", [r.key for r in RECIPES])
def test_each_recipe_fills_the_wizard_and_saves_with_its_template(qtbot, runner, workspace, now, key) -> None:
    prepare(workspace, now)
    page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select(key)
    assert wizard.recipe_step.description.text() == BY_KEY[key].description.en
    wizard.next()
    assert wizard.currentId() == GENERAL
    expected = rule_data(BY_KEY[key], "en", workspace.fields.all(), [r.name for r in workspace.rules.all()])
    data = wizard.data()
    assert wizard.general.name.text() == BY_KEY[key].name.en
    for part in ("conditions", "resend", "marketing", "tags"):
        assert data[part] == expected[part], part
    quiet = data["schedule"]["quiet_hours"]
    assert quiet["bands"] == ["21:00-09:00"]
    assert data["schedule"]["check"] == expected["schedule"]["check"]
    assert wizard.action.template.currentText() == BY_KEY[key].template.name.en
    wizard.next()
    assert wizard.action.starter_note.isVisible() and "created when you save" in wizard.action.starter_note.text()
    to_summary(wizard)
    assert wizard.summary.isComplete(), wizard.summary.problems.text()
    words = wizard.summary.words.text()
    assert "is created when you save" in words and BY_KEY[key].template.name.en in words
    wizard.button(QWizard.WizardButton.FinishButton).click()
    rule = workspace.rules.find(BY_KEY[key].name.en)
    assert rule is not None and not rule.enabled
    template = Templates(workspace.db).get(BY_KEY[key].template.name.en)
    assert template is not None and template.channel == "email" and rule.action["template"] == template.name


def test_a_recipe_uses_an_existing_template_of_the_same_name_and_cancel_creates_nothing(
        qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    Templates(workspace.db).create("Welcome", "email", subject="Mine", html="<p>mine</p>", now=now)
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select("welcome")
    wizard.next()
    assert wizard.pending_starter() is None
    wizard.next()
    assert not wizard.action.starter_note.isVisible()  # the workspace's own "Welcome" is used
    to_summary(wizard)
    assert "is created when you save" not in wizard.summary.words.text()
    wizard.accept()
    assert Templates(workspace.db).get("Welcome").subject == "Mine"
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select("birthday")
    wizard.next()
    assert wizard.general.name.text() == "Happy birthday"
    wizard.done(QWizard.DialogCode.Rejected)  # closed without saving
    assert Templates(workspace.db).get("Happy birthday") is None


def test_the_blog_recipe_watches_the_workspace_s_own_feed(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    blog = "https://blog.negozio.example/feed/"
    store = Connections(workspace.db)
    store.add(Connections.new("Il blog", "rss", {"url": blog}), now)
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select("blog_post")
    wizard.next()
    assert wizard.data()["conditions"] == {"all": [{"behaviour": "rss_new_item", "feed": blog}]}
    wizard.done(QWizard.DialogCode.Rejected)
    store.remove("Il blog")  # without a connection the example address stays, for the user to replace
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select("blog_post")
    wizard.next()
    assert wizard.data()["conditions"]["all"][0]["feed"] == EXAMPLE_FEED
    wizard.done(QWizard.DialogCode.Rejected)


def test_going_back_to_the_same_recipe_keeps_the_edits_and_blank_resets(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select("cart_3h")
    wizard.next()
    wizard.general.name.setText("My cart reminder")
    wizard.back()
    wizard.next()
    assert wizard.general.name.text() == "My cart reminder"
    wizard.back()
    wizard.recipe_step.select("")
    wizard.next()
    assert wizard.general.name.text() == "" and wizard.data()["conditions"] == {"all": []}


def test_the_step_indicator_names_every_step_and_marks_the_current_one(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = start(qtbot, runner, now)
    steps = "1 Start › 2 General › 3 Action › 4 Recipients › 5 Frequency › 6 Summary"
    assert wizard.indicators[RECIPE].plain() == steps
    assert "<b>1&nbsp;Start</b>" in wizard.indicators[RECIPE].text()
    wizard.next()
    wizard.general.name.setText("x")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == RECIPIENTS
    indicator = wizard.indicators[RECIPIENTS]
    assert indicator.isVisible() and "<b>4&nbsp;Recipients</b>" in indicator.text()
    assert indicator.accessibleName() == "Step 4 of 6: Recipients"
    wizard.done(QWizard.DialogCode.Rejected)


def test_an_existing_rule_opens_on_general_without_the_start_step(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.rules.save(rule_data(BY_KEY["birthday"], "en", workspace.fields.all()) | {
        "action": {"type": "send_email", "template": "Hello"}}, now)
    page = RulesPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.select_rule("Happy birthday")
    page.edit_selected()
    wizard = page.wizard
    assert wizard is not None and wizard.currentId() == GENERAL and wizard.recipe_step is None
    assert wizard.indicators[GENERAL].plain().startswith("1 General › 2 Action")


def add_row(qtbot, wizard: RuleWizard) -> ConditionRow:
    root = wizard.recipients.conditions
    qtbot.mouseClick(root.add_condition_button, Qt.MouseButton.LeftButton)
    row = root.children_[-1]
    assert isinstance(row, ConditionRow)
    return row


def test_send_again_follows_the_condition_and_says_why(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = open_new(qtbot, runner, now)
    freq = wizard.frequency
    assert freq.resend.currentData() == "once" and freq.resend_why.isHidden()
    row = add_row(qtbot, wizard)
    row.select("field", "birthday", "anniversary_today")
    assert freq.resend.currentData() == "yearly"
    assert freq.resend_why.text() == "Suggested for these conditions: Once a year: an anniversary comes back every year."
    row.select("behaviour", "cart_abandoned", "")
    assert freq.resend.currentData() == "per_occurrence" and "each abandoned cart" in freq.resend_why.text()
    row.select("field", "language", "eq")
    assert freq.resend.currentData() == "once" and freq.resend_why.isHidden()  # per occurrence needs an occasion
    row.select("behaviour", "registered_ago", "")
    assert freq.resend.currentData() == "once" and "welcome" in freq.resend_why.text()
    # The user's own choice wins from then on (``activated`` is the user's pick, not a program's).
    freq.resend.setCurrentIndex(freq.resend.findData("every_n_days"))
    freq.resend.activated.emit(freq.resend.currentIndex())
    row.select("behaviour", "purchase_made", "")
    assert freq.resend.currentData() == "every_n_days" and "each order" in freq.resend_why.text()


def test_a_saved_rule_keeps_its_policy(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    data = rule_data(BY_KEY["birthday"], "en", workspace.fields.all())
    data["action"] = {"type": "send_email", "template": "Hello"}
    data["resend"] = {"policy": "once"}
    workspace.rules.save(data, now)
    page = RulesPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.select_rule("Happy birthday")
    page.edit_selected()
    assert page.wizard.frequency.resend.currentData() == "once"
    assert "Once a year" in page.wizard.frequency.resend_why.text()


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_summary_says_the_conditions_in_the_rule_lists_words(qtbot, runner, workspace, now, language) -> None:
    from ui.resources import LANGUAGE

    prepare(workspace, now)
    LANGUAGE.switch(language)
    _page, wizard = start(qtbot, runner, now)
    wizard.recipe_step.select("cart_24h")
    wizard.next()
    to_summary(wizard)
    rule = workspace.rules.validate(wizard.data(), pending_templates={wizard.starter["name"]: "email"})
    words = wizard.summary.words.text()
    assert trigger_words(rule, language) in words
    matches = "Corrispondono ora" if language == "it" else "Matches now"
    assert words.count(matches) == 1, words
    assert "condizion" not in words.replace("Condizioni", "") if language == "it" else "condition(s)" not in words
    wizard.done(QWizard.DialogCode.Rejected)


def test_the_summary_names_fields_by_their_labels_not_their_keys(qtbot, runner, workspace, now) -> None:
    """The list said "Data di registrazione" while the summary said "registered_at"."""
    from desktop.rules.words import field_labels
    from ui.resources import LANGUAGE

    prepare(workspace, now)
    rule = workspace.rules.save({"name": "Vecchi iscritti", "action": {"type": "add_to_group", "group": "VIP"},
                                 "conditions": {"all": [{"field": "registered_at", "op": "more_than_ago",
                                                         "amount": 90, "unit": "days"}]}}, now)
    LANGUAGE.switch("it")
    try:
        page = RulesPage(runner, clock=lambda: now)
        qtbot.addWidget(page)
        page.show()
        page.open_editor(rule.id)
        to_summary(page.wizard)
        words = page.wizard.summary.words.text()
        assert field_labels(workspace, "it")["registered_at"] in words and "registered_at" not in words, words
        page.wizard.done(QWizard.DialogCode.Rejected)
    finally:
        LANGUAGE.switch("en")
