"""The rule editor wizard, driven through its real widgets (synchronous runner)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.templates import Templates
from desktop.timeutil import to_db
from desktop.workspace import Workspace
from ui.rules.condition_builder import ConditionRow
from ui.rules.model import COLUMNS
from ui.rules.page import RulesPage
from ui.rules.wizard import ACTION, FREQUENCY, GENERAL, RECIPE, RECIPIENTS, SUMMARY, RuleWizard

PEOPLE = [  # name, email, language, groups
    ("Anna", "anna@example.it", "it", ["Clienti"]),
    ("Bruno", "bruno@example.it", "en", ["Clienti"]),
    ("Carla", "carla@example.it", "it", ["Clienti", "VIP"]),
    ("Alba", "alba@example.it", "it", []),          # matches the conditions but is not in Clienti
    ("Dino", "dino@example.it", "it", ["Clienti"]),  # Italian, not A*, not VIP
]


def prepare(ws: Workspace, now: datetime) -> dict[str, int]:
    Templates(ws.db).create("Hello", "email", subject="Hi {{ first_name }}", html="<p>Hi</p>", now=now)
    Templates(ws.db).create("Ciao SMS", "sms", text="Ciao", now=now)
    groups = {name: ws.groups.create(name, now) for name in ("Clienti", "VIP")}
    ids = {}
    for name, email, language, member_of in PEOPLE:
        ids[name] = ws.contacts.create({"email": email, "first_name": name, "language": language,
                                        "email_status": "subscribed"}, now)
        for group in member_of:
            ws.groups.add(groups[group], [ids[name]], now)
    return ids


def open_new(qtbot, runner, now) -> tuple[RulesPage, RuleWizard]:
    page = RulesPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.show()
    page.new_item()
    assert page.wizard is not None
    assert page.wizard.currentId() == RECIPE and page.wizard.recipe_step.recipe_key() == ""  # blank rule
    page.wizard.next()
    assert page.wizard.currentId() == GENERAL
    return page, page.wizard


def pick(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def fill_rule(qtbot, wizard: RuleWizard, name: str, template: str | None = "Hello") -> None:
    """What a user does, step by step, for “Italians in Clienti who are called A… or are VIP”."""
    qtbot.keyClicks(wizard.general.name, name)
    qtbot.keyClicks(wizard.general.tags, "promo, it")
    wizard.next()
    assert wizard.currentId() == ACTION
    pick(wizard.action.kind, "send_email")
    if template:
        pick(wizard.action.template, template)
    wizard.next()
    assert wizard.currentId() == RECIPIENTS
    step = wizard.recipients
    step.include.item(0).setCheckState(Qt.CheckState.Checked)  # Clienti
    root = step.conditions
    qtbot.mouseClick(root.add_condition_button, Qt.MouseButton.LeftButton)
    row = root.children_[-1]
    assert isinstance(row, ConditionRow)
    row.select("field", "language", "eq")
    qtbot.keyClicks(row.editor.edit, "it")
    qtbot.mouseClick(root.add_group_button, Qt.MouseButton.LeftButton)
    group = root.children_[-1]
    pick(group.joiner, "any")
    qtbot.mouseClick(group.add_condition_button, Qt.MouseButton.LeftButton)
    first = group.children_[-1]
    first.select("field", "first_name", "starts_with")
    qtbot.keyClicks(first.editor.edit, "A")
    qtbot.mouseClick(group.add_condition_button, Qt.MouseButton.LeftButton)
    member = group.children_[-1]
    member.select("group", "", "in")
    member.editor.group.setCurrentIndex(member.editor.group.findText("VIP"))
    wizard.next()
    assert wizard.currentId() == FREQUENCY
    freq = wizard.frequency
    pick(freq.check_unit, "hours")
    freq.check_every.setValue(2)
    pick(freq.kind, "weekly")
    for day in (0, 2, 4):
        freq.weekdays.boxes[day].setChecked(True)
    qtbot.mouseClick(freq.bands.add_button, Qt.MouseButton.LeftButton)
    band = freq.bands.rows[-1]
    band.start.setTime(band.start.time().fromString("22:00", "HH:mm"))
    band.end.setTime(band.end.time().fromString("08:00", "HH:mm"))
    freq.business_quiet.setChecked(False)
    pick(freq.resend, "every_n_days")
    freq.resend_days.setValue(30)


EXPECTED_CONDITIONS = {"all": [
    {"field": "language", "op": "eq", "value": "it"},
    {"any": [{"field": "first_name", "op": "starts_with", "value": "A"}, {"group": "VIP", "op": "in"}]},
]}


def test_create_rule_through_the_wizard_and_see_it_in_the_list(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    page, wizard = open_new(qtbot, runner, now)
    fill_rule(qtbot, wizard, "Promo IT")
    assert "Every Monday, Wednesday and Friday" in wizard.frequency.words.text()
    assert "22:00" in wizard.frequency.words.text()
    wizard.recipients.live.run_now()
    assert wizard.recipients.live.text().startswith("Matches now: 2 contacts (0 already sent)")
    wizard.next()
    assert wizard.currentId() == SUMMARY
    assert wizard.summary.isComplete()
    assert "Promo IT" in wizard.summary.words.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    rule = workspace.rules.find("Promo IT")
    assert rule is not None and wizard.saved_id == rule.id
    assert rule.action == {"type": "send_email", "template": "Hello"}
    assert rule.tags == ["promo", "it"]
    assert rule.audience == {"include": ["Clienti"], "exclude": []}
    assert rule.conditions == EXPECTED_CONDITIONS
    assert rule.resend == {"policy": "every_n_days", "days": 30}
    assert rule.schedule["check"] == {"every_minutes": 120}
    assert rule.schedule["recurrence"] == {"kind": "weekly", "days": ["mon", "wed", "fri"], "every_weeks": 1}
    assert rule.schedule["quiet_hours"] == {"bands": ["22:00-08:00"], "business_default": False, "policy": "defer"}
    assert not rule.enabled
    model = page.model
    assert page.selected_id() == rule.id
    shown = {model.headerData(c, Qt.Orientation.Horizontal): model.index(0, c).data() for c in range(model.columnCount())}
    assert shown["Name"] == "Promo IT" and shown["Tags"] == "promo, it"
    assert shown["Action"] == "Send e-mail “Hello”"
    assert shown["Trigger"] == "Language, First name, group VIP"
    assert shown["Checked"] == "every 2 hours"
    assert shown["Enabled"] == "Off" and shown["Next check"] == "" and shown["Last check"] == "never"
    assert shown["Sent (7 days)"] == "0" and shown["Errors"] == ""
    assert model.index(0, COLUMNS.index("enabled")).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_editing_gives_back_the_same_rule(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    page, wizard = open_new(qtbot, runner, now)
    fill_rule(qtbot, wizard, "Promo IT")
    pick(wizard.frequency.kind, "monthly")
    wizard.frequency.month_nth_radio.setChecked(True)
    pick(wizard.frequency.month_nth, -1)
    pick(wizard.frequency.month_weekday, "fri")
    wizard.frequency.from_on.setChecked(True)
    wizard.frequency.blackout_dates.add_current()
    wizard.frequency.blackout_yearly.add_current()
    wizard.frequency.zone_rule.setChecked(True)
    pick(wizard.frequency.zone, "America/New_York")
    wizard.next()
    wizard.accept()
    before = workspace.rules.find("Promo IT")
    assert before is not None and before.schedule["recurrence"] == {"kind": "monthly", "nth": -1, "weekday": "fri"}
    assert before.schedule["timezone"] == {"mode": "rule", "zone": "America/New_York"}
    assert len(before.schedule["blackout"]["dates"]) == 1 and before.schedule["blackout"]["yearly"] == ["01-01"]
    stored = workspace.db.execute("SELECT definition FROM rules WHERE id = ?", [before.id]).fetchone()[0]

    page.select_rule(before.id)
    page.edit_selected()
    editor = page.wizard
    assert editor is not None and editor is not wizard and editor.rule_id == before.id
    assert editor.general.name.text() == "Promo IT"
    assert editor.action.template.currentData() == "Hello"
    assert editor.recipients.conditions.tree() == EXPECTED_CONDITIONS
    assert workspace.rules.validate(editor.data()).to_dict() == before.to_dict()
    for _ in range(4):
        editor.next()
    assert editor.currentId() == SUMMARY and editor.summary.isComplete()
    editor.accept()
    after = workspace.db.execute("SELECT definition FROM rules WHERE id = ?", [before.id]).fetchone()[0]
    assert after == stored


def test_live_count_and_already_sent(qtbot, runner, workspace, now) -> None:
    ids = prepare(workspace, now)
    page, wizard = open_new(qtbot, runner, now)
    live = wizard.recipients.live
    live.run_now()
    assert live.result is not None and live.result.problem is None
    assert live.result.matched == len(PEOPLE)  # no groups, no conditions: everyone
    fill_rule(qtbot, wizard, "Promo IT")
    assert live.pending  # edits wait for the debounce
    qtbot.waitUntil(lambda: not live.pending, timeout=3000)
    assert (live.result.matched, live.result.already) == (2, 0)
    # Loosen the audience: Alba (Italian, A…) matches too.
    wizard.recipients.include.item(0).setCheckState(Qt.CheckState.Unchecked)
    live.run_now()
    assert live.result.matched == 3
    wizard.recipients.include.item(0).setCheckState(Qt.CheckState.Checked)
    wizard.next()
    wizard.accept()
    rule = workspace.rules.find("Promo IT")
    assert rule is not None
    workspace.db.execute(
        "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, sent_at, updated_at) "
        "VALUES (?, ?, 'once', 'email', 'sent', ?, ?, ?, ?)", [rule.id, ids["Anna"], *[to_db(now)] * 4])
    page.select_rule(rule.id)
    page.edit_selected()
    editor = page.wizard
    editor.recipients.live.run_now()
    assert editor.recipients.live.text().startswith("Matches now: 2 contacts (1 already sent)")
    page.refresh()
    assert page.model.index(0, 8).data() == "1"  # sent in the last 7 days


def test_a_broken_condition_shows_instead_of_the_count(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = open_new(qtbot, runner, now)
    root = wizard.recipients.conditions
    row = root.add_condition()
    row.select("field", "first_name", "in")  # "is one of" with an empty list
    wizard.recipients.live.run_now()
    assert wizard.recipients.live.text().startswith("Cannot count yet:")
    assert row.error.isVisibleTo(wizard.recipients) and "$.conditions.all[0]" == row.path
    row.editor.add("Anna")
    wizard.recipients.live.run_now()
    assert wizard.recipients.live.text().startswith("Matches now: 1 contact ")
    assert not row.error.isVisibleTo(wizard.recipients)


def test_missing_template_is_shown_on_the_action_step(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = open_new(qtbot, runner, now)
    fill_rule(qtbot, wizard, "No template", template=None)
    wizard.next()
    assert wizard.currentId() == SUMMARY
    assert not wizard.summary.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.summary.problems.text().startswith("Action:")
    label = wizard.action.errors["action.template"]
    assert label.isVisibleTo(wizard.action) and "template" in label.text()
    wizard.summary.go_to_problem()
    assert wizard.currentId() == ACTION
    pick(wizard.action.template, "Hello")
    wizard.next(), wizard.next(), wizard.next()
    assert wizard.currentId() == SUMMARY and wizard.summary.isComplete()
    assert not label.isVisibleTo(wizard.action)
    wizard.summary.save_shortcut() if hasattr(wizard.summary, "save_shortcut") else wizard.save_shortcut()
    assert workspace.rules.find("No template") is not None


def test_sms_action_offers_only_sms_templates(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = open_new(qtbot, runner, now)
    pick(wizard.action.kind, "send_sms")
    names = [wizard.action.template.itemData(i) for i in range(wizard.action.template.count())]
    assert names == ["", "Ciao SMS"]
    # The Templates page offers a dialog: “New template…” opens it and selects what it saved.
    assert wizard.action.new_template_button.isVisibleTo(wizard.action)
    qtbot.mouseClick(wizard.action.new_template_button, Qt.MouseButton.LeftButton)
    dialog = wizard.template_dialog
    assert dialog is not None and dialog.editor.channel == "sms"
    dialog.editor.name.setText("Promemoria SMS")
    dialog.editor.text.setPlainText("Ciao {{ first_name }}, ti aspettiamo!")
    dialog.editor.save()
    assert Templates(workspace.db).get("Promemoria SMS") is not None
    assert wizard.action.template.currentData() == "Promemoria SMS"


def test_conflict_blocks_enabling_until_acknowledged(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.rules.save({"name": "Promo A", "enabled": True, "action": {"type": "send_email", "template": "Hello"},
                          "audience": {"include": ["Clienti"]}, "conditions": EXPECTED_CONDITIONS}, now)
    _page, wizard = open_new(qtbot, runner, now)
    fill_rule(qtbot, wizard, "Promo B")
    wizard.next()
    summary = wizard.summary
    assert summary.isComplete()  # not enabling: a warning only
    assert "Promo A" in summary.conflicts.text() and summary.conflicts.isVisibleTo(summary)
    assert not summary.acknowledge.isVisibleTo(summary)
    summary.enable.setChecked(True)
    assert wizard.general.enabled.isChecked()
    assert summary.acknowledge.isVisibleTo(summary)
    assert not summary.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.save_shortcut()  # Ctrl+S does not get round it
    assert workspace.rules.find("Promo B") is None
    summary.acknowledge.setChecked(True)
    assert summary.isComplete()
    wizard.save_shortcut()
    saved = workspace.rules.find("Promo B")
    assert saved is not None and saved.enabled


def test_ctrl_s_walks_to_the_summary_then_saves(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = open_new(qtbot, runner, now)
    qtbot.keyClicks(wizard.general.name, "Quick")
    pick(wizard.action.template, "Hello")
    wizard.save_shortcut()
    assert wizard.currentId() == SUMMARY
    wizard.save_shortcut()
    assert workspace.rules.find("Quick") is not None


def test_the_wizard_speaks_italian(qtbot, runner, workspace, now) -> None:
    from ui.resources import LANGUAGE

    prepare(workspace, now)
    LANGUAGE.switch("it")
    _page, wizard = open_new(qtbot, runner, now)
    row = wizard.recipients.conditions.add_condition()
    row.select("field", "first_name")
    ops = [row.op.itemText(i) for i in range(row.op.count())]
    assert "contiene" in ops and "inizia con" in ops
    assert row.subject.currentText() == "Campo: Nome"
    row.select("field", "first_name", "starts_with")
    row.editor.edit.setText("A")
    wizard.recipients.live.run_now()
    assert wizard.recipients.live.text().startswith("Corrispondono ora: 2 contatti (0 già inviati)")
    assert wizard.frequency.words.text().startswith("Ogni giorno")
    assert wizard.general.title() == "Generale"


def test_editing_keeps_belated_anniversaries(qtbot) -> None:
    # The frequency step has no control for "schedule.belated" yet: editing must not drop it.
    from desktop.schedule import BusinessDefaults
    from ui.rules.step_frequency import FrequencyStep

    step = FrequencyStep(BusinessDefaults(), ["Europe/Rome"])
    qtbot.addWidget(step)
    step.load({"schedule": {"belated": True}, "resend": {"policy": "yearly"}})
    assert step.schedule_data()["belated"] is True
    step.load({"schedule": {}, "resend": {"policy": "yearly"}})
    assert "belated" not in step.schedule_data()
