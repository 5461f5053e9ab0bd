"""Every refusal of a schedule, a condition, a rule, a rules file, a template, a field or a
group is a message code: a shop owner who imports a rules file or saves a rule in the Italian
app reads why in Italian, with the JSON path, and the English text stays what it was (logs,
old tests).

Each code added for this has a bad input below; the Italian text is checked against the
English words of the whole catalogue (``tests/ui/language_walk.py``: English words no
Italian text uses), keeping the words of 5 letters or more, as a person would spot them.
"""

from __future__ import annotations

import copy
import json
import string
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import pytest

from desktop import templates_file
from desktop.errors import InputError
from desktop.messages import Msg, catalog, text
from desktop.templates import Templates
from desktop.workspace import Workspace
from tests.ui.language_walk import suspect_words, words_of

ROOT = Path(__file__).resolve().parent.parent
RULE = {"name": "Prova", "action": {"type": "send_email", "template": "Ciao"}, "conditions": {"all": []},
        "schedule": {}}
FILE = {"format": "postino.rules", "version": 1, "rules": [RULE]}

# (schedule, code, path under $.schedule)
SCHEDULES: list[tuple[Any, str, str]] = [
    ("ogni lunedì", "sched.not_object", ""),
    ({"chek": {}}, "sched.unknown_key", ".chek"),
    ({"recurrence": {"kind": "fortnightly"}}, "sched.not_choice", ".recurrence.kind"),
    ({"check": {"every_minutes": "60"}}, "sched.not_whole", ".check.every_minutes"),
    ({"quiet_hours": {"bands": "21:00-09:00"}}, "sched.not_list", ".quiet_hours.bands"),
    ({"check": {"times": ["09:00", "09:00"]}}, "sched.twice", ".check.times[1]"),
    ({"recurrence": {"kind": "weekly", "days": ["lunedì"]}}, "sched.not_weekday", ".recurrence.days[0]"),
    ({"active": {"from": "25/12/2026"}}, "sched.not_date", ".active.from"),
    ({"blackout": {"yearly": ["25-12"]}}, "sched.not_month_day", ".blackout.yearly[0]"),
    ({"check": {"every_minutes": 60, "times": ["09:00"]}}, "sched.only_one", ".check"),
    ({"recurrence": {"kind": "daily", "days": ["mon"]}}, "sched.not_for_kind", ".recurrence.days"),
    ({"recurrence": {"kind": "monthly", "day": 3, "nth": 1, "weekday": "mon"}}, "sched.day_and_nth", ".recurrence.day"),
    ({"recurrence": {"kind": "monthly", "nth": 1}}, "sched.nth_needs_weekday", ".recurrence.weekday"),
    ({"recurrence": {"kind": "monthly"}}, "sched.needs_day", ".recurrence.day"),
    ({"belated": "sì"}, "sched.not_bool", ".belated"),
    ({"timezone": {"mode": "recipient", "zone": "Europe/Rome"}}, "sched.zone_recipient", ".timezone.zone"),
]
DEEP: dict = {"field": "first_name", "op": "empty"}
for _ in range(40):
    DEEP = {"all": [DEEP]}
# (one condition under "all", code, path under $.conditions.all[0])
CONDITIONS: list[tuple[Any, str, str]] = [
    ({"field": "first_name", "op": "eq", "value": "Anna", "colore": "rosso"}, "cond.unknown_key", ".colore"),
    ({"behaviour": "opened", "days": "3"}, "cond.not_whole", ".days"),
    ({"behaviour": "opened", "days": 0}, "cond.below_min", ".days"),
    ({"behaviour": "opened", "days": 200_000}, "cond.too_large", ".days"),
    ({"field": "first_name", "op": "eq", "value": True}, "cond.not_text", ".value"),
    ({"behaviour": "total_spent", "days": 30, "cmp": "gt", "value": "cento"}, "cond.not_number", ".value"),
    ({"field": "birthday", "op": "before", "value": 1990}, "cond.not_date", ".value"),
    ({"field": "birthday", "op": "before", "value": "31/12/1990"}, "cond.not_iso", ".value"),
    ({"field": "first_name", "op": "gt", "value": "A"}, "cond.bad_op field.type_text", ".op"),
    ({"field": "birthday", "op": "in_last", "amount": 3, "unit": "weeks"}, "cond.not_unit", ".unit"),
    ({"field": "birthday", "op": "in_last", "amount": 3, "unit": "hours"}, "cond.date_no_hours", ".unit"),
    ({"field": "registered_at", "op": "in_next", "amount": 3, "unit": "hours"}, "cond.in_next_days", ".unit"),
    ({"behaviour": "purchase_count", "days": 30, "cmp": "more", "value": 2}, "cond.not_one_of", ".cmp"),
    ({"group": "Clienti", "op": "in", "days": 3}, "cond.no_days", ".days"),
    ({"behaviour": "danced"}, "cond.unknown_behaviour", ".behaviour"),
    ({"behaviour": "opened", "days": 3, "this_rule": "sì"}, "cond.not_bool", ".this_rule"),
    ({"behaviour": "sent", "days": 3, "channel": "fax"}, "cond.not_channel", ".channel"),
    ({"behaviour": "purchase_made", "amount": 3}, "cond.amount_and_unit", ""),
    ({"behaviour": "field_changed", "field": "shoe_size", "hours": 3}, "cond.unknown_field", ".field"),
    (DEEP, "cond.too_deep", ".all[0]" * 31),
    (5, "cond.not_object", ""),
    ({"any": {"field": "first_name"}}, "cond.not_list", ".any"),
    ({"colore": "rosso"}, "cond.no_kind", ""),
    # a field's type, in the sentence of an operator that does not fit it
    ({"field": "birthday", "op": "gt", "value": 1}, "cond.bad_op field.type_date", ".op"),
    ({"field": "registered_at", "op": "gt", "value": 1}, "cond.bad_op field.type_datetime", ".op"),
    ({"field": "newsletter", "op": "gt", "value": 1}, "cond.bad_op field.type_boolean", ".op"),
]
# (changes to the rule, code, path)
RULES: list[tuple[dict, str, str]] = [
    ({"audience": {"include": "Clienti"}}, "rule.group_names", "$.audience.include"),
    ({"action": {"type": "send_fax", "template": "Ciao"}}, "rule.action_type", "$.action.type"),
    ({"action": {"type": "send_email", "template": "Ciao", "group": "Clienti"}}, "rule.action_key", "$.action.group"),
    ({"action": {"type": "add_to_group", "group": " "}}, "rule.action_needs", "$.action.group"),
    ({"resend": {"policy": "sometimes"}}, "rule.resend_policy", "$.resend.policy"),
    ({"resend": {"policy": "once", "every": 3}}, "rule.unknown_key", "$.resend.every"),
    ({"resend": {"policy": "once", "days": 3}}, "rule.no_days", "$.resend.days"),
    ({"autore": "Anna"}, "rule.unknown_field", "$.autore"),
    ({"format": 2}, "rule.format", "$.format"),
    ({"description": ["Saldi"]}, "rule.not_text", "$.description"),
    ({"tags": ["saldi", ""]}, "rule.tags", "$.tags"),
    ({"enabled": "sì"}, "rule.not_bool", "$.enabled"),
    ({"audience": ["Clienti"]}, "rule.two_lists", "$.audience"),
    ({"after_send": {"aggiungi": ["Clienti"]}}, "rule.two_lists", "$.after_send"),
]
# (the rules file, code, path)
FILES: list[tuple[Any, str, str]] = [
    ({**FILE, "format": "postino.regole"}, "rules.not_file", "$.format"),
    ({**FILE, "version": 9}, "rules.version", "$.version"),
    ({**FILE, "autore": "Anna"}, "rules.unknown_key", "$.autore"),
    ({**FILE, "rules": {"Prova": RULE}}, "rules.not_list", "$.rules"),
    ({**FILE, "rules": ["Prova"]}, "rule.not_object", "$.rules[0]"),
]
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
# (what a person does, code, where)
CALLS: list[tuple[Callable[[Workspace], object], str, str | None]] = [
    (lambda ws: ws.rules.require("Saldi"), "rules.no_such", None),
    (lambda ws: ws.rules.set_enabled(999, True, NOW), "rules.no_id", None),
    (lambda ws: ws.rules.export(["Saldi"]), "rules.none_called", None),
    (lambda ws: Templates(ws.db).create("Avviso", "fax", text="Ciao", now=NOW), "template.bad_channel",
     "template 'Avviso'"),
    (lambda ws: Templates(ws.db).delete("Avviso"), "template.no_such", "template"),
    (lambda ws: templates_file.export_data(ws, ["Avviso"]), "templates.none_called", "--template"),
    (lambda ws: ws.fields.get("shoe_size", "campo"), "field.unknown", "campo"),
    (lambda ws: ws.fields.add_custom("Numero Scarpe", "text", NOW), "field.bad_name", None),
    (lambda ws: ws.fields.add_custom("email", "text", NOW), "field.standard", None),
    (lambda ws: ws.fields.add_custom("scarpe", "colour", NOW), "field.bad_type", None),
    (lambda ws: ws.fields.add_custom("newsletter", "number", NOW), "field.type_clash field.type_boolean", None),
    (lambda ws: (ws.fields.add_custom("scarpe", "number", NOW), ws.fields.add_custom("scarpe", "text", NOW)),
     "field.type_clash field.type_number", None),
    (lambda ws: ws.groups.create("  ", NOW), "group.needs_name", None),
    (lambda ws: ws.groups.create("Clienti", NOW), "group.name_taken", None),
    (lambda ws: ws.groups.rename(ws.groups.create("VIP", NOW), "clienti ", NOW), "group.name_taken", None),
    (lambda ws: ws.groups.require("Fornitori", "$.audience.include[0]"), "group.no_such", "$.audience.include[0]"),
]
# The codes that replaced English sentences (each needs a case above).
ADDED = set("""
    sched.not_object sched.unknown_key sched.not_choice sched.not_whole sched.not_list sched.twice
    sched.not_weekday sched.not_date sched.not_month_day sched.only_one sched.not_for_kind sched.day_and_nth
    sched.nth_needs_weekday sched.needs_day sched.not_bool sched.zone_recipient
    cond.unknown_key cond.not_whole cond.below_min cond.too_large cond.not_text cond.not_number cond.not_date
    cond.not_iso cond.bad_op cond.not_unit cond.date_no_hours cond.in_next_days cond.not_one_of cond.no_days
    cond.unknown_behaviour cond.not_bool cond.not_channel cond.amount_and_unit cond.too_deep cond.not_object
    cond.not_list cond.no_kind
    rule.group_names rule.action_type rule.action_key rule.action_needs rule.resend_policy rule.unknown_key
    rule.no_days rule.not_object rule.unknown_field rule.format rule.not_text rule.tags rule.not_bool rule.two_lists
    rules.no_such rules.no_id rules.none_called rules.not_file rules.version rules.unknown_key rules.not_list
    template.bad_channel template.no_such templates.none_called
    field.unknown field.bad_name field.standard field.bad_type field.type_clash
    field.type_text field.type_number field.type_date field.type_datetime field.type_boolean
    group.needs_name group.name_taken group.no_such
""".split())
SUSPECTS = {w for w in suspect_words("it") if len(w) >= 5}


@pytest.fixture
def ws(workspace: Workspace, now: datetime) -> Workspace:
    Templates(workspace.db).create("Ciao", "email", subject="Ciao", text="Ciao {{ first_name }}", now=now)
    workspace.groups.create("Clienti", now)
    workspace.fields.add_custom("newsletter", "boolean", now)
    return workspace


def _codes(msg: Msg) -> set[str]:
    return {msg.code} | {c for v in msg.params.values() if isinstance(v, Msg) for c in _codes(v)}


def _refused(action: Callable[[], object]) -> InputError:
    with pytest.raises(InputError) as info:
        action()
    assert info.value.msg is not None, f"not coded: {info.value}"
    return info.value


def _check_italian(exc: InputError, code: str, where: str | None) -> None:
    assert exc.msg is not None and set(code.split()) <= _codes(exc.msg), str(exc)
    assert exc.where == where, str(exc)
    english, italian = text(exc.msg, "en"), text(exc.msg, "it")
    assert str(exc) == (f"{where}: {english}" if where else english)  # the English text, as before
    assert italian != english
    # The params are the file's own words ('lunedì', the allowed keys): not the text's.
    given = set().union(*(words_of(text(v, "it") if isinstance(v, Msg) else str(v)) for v in exc.msg.params.values()))
    leaked = (words_of(italian) - given) & SUSPECTS
    assert not leaked, f"{code}: {italian!r} has English words {sorted(leaked)}"


@pytest.mark.parametrize("schedule, code, path", SCHEDULES, ids=[c for _, c, _ in SCHEDULES])
def test_a_bad_schedule_is_refused_in_italian(ws, schedule, code, path) -> None:
    exc = _refused(lambda: ws.rules.validate({**RULE, "schedule": schedule}))
    _check_italian(exc, code, f"$.schedule{path}")


@pytest.mark.parametrize("condition, code, path", CONDITIONS, ids=[c for _, c, _ in CONDITIONS])
def test_a_bad_condition_is_refused_in_italian(ws, condition, code, path) -> None:
    exc = _refused(lambda: ws.rules.validate({**RULE, "conditions": {"all": [condition]}}))
    _check_italian(exc, code, f"$.conditions.all[0]{path}")


@pytest.mark.parametrize("change, code, path", RULES, ids=[f"{c}{p}" for _, c, p in RULES])
def test_a_bad_rule_is_refused_in_italian(ws, change, code, path) -> None:
    _check_italian(_refused(lambda: ws.rules.validate({**RULE, **change})), code, path)


@pytest.mark.parametrize("data, code, path", FILES, ids=[c for _, c, _ in FILES])
def test_a_bad_rules_file_is_refused_in_italian(ws, data, code, path) -> None:
    _check_italian(_refused(lambda: ws.rules.import_data(copy.deepcopy(data), NOW)), code, path)


@pytest.mark.parametrize("action, code, where", CALLS, ids=[c for _, c, _ in CALLS])
def test_a_refused_name_or_field_is_said_in_italian(ws, action, code, where) -> None:
    _check_italian(_refused(lambda: action(ws)), code, where)


def test_every_added_code_has_a_case_and_both_texts_with_the_same_parameters() -> None:
    covered = {c for _, codes, _ in SCHEDULES + CONDITIONS + RULES + FILES + CALLS for c in codes.split()}
    assert sorted(ADDED - covered) == []
    names = lambda t: {p[1] for p in string.Formatter().parse(t) if p[1] is not None}  # noqa: E731
    for code in ADDED:
        texts = catalog()[code]
        assert texts["it"].strip() and texts["en"].strip(), code
        assert names(texts["it"]) == names(texts["en"]), code
        leaked = words_of(texts["it"]) & SUSPECTS
        assert not leaked, f"{code}: {texts['it']!r} has English words {sorted(leaked)}"


def test_a_template_file_refusal_keeps_its_code(ws, tmp_path) -> None:
    """The file's name goes in front of the place without turning the reason into English."""
    path = tmp_path / "modelli.json"
    path.write_text(json.dumps({"format": "postino.templates", "version": 1, "templates": [
        {"name": "Saldi", "channel": "email", "html": "<p>Saldi</p>"}]}), encoding="utf-8")
    exc = _refused(lambda: templates_file.import_file(ws, path, NOW))
    assert exc.msg is not None and exc.msg.code == "template.needs_subject"
    assert exc.where == f"{path}: $.templates[0]"
    assert text(exc.msg, "it") == "un modello e-mail ha bisogno di un oggetto"


def test_the_command_line_refuses_a_rules_file_in_italian(tmp_path) -> None:
    """``main.py --language it rules import FILE``, a real process, as a shop owner runs it."""
    bad = copy.deepcopy(FILE)
    bad["rules"][0] = {**RULE, "action": {"type": "add_to_group", "group": "Clienti"},
                       "schedule": {"recurrence": {"kind": "weekly", "days": ["lunedì"]}}}
    path = tmp_path / "regole.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    data = str(tmp_path / "ws")
    with Workspace.open(Path(data)) as ws:
        ws.groups.create("Clienti", NOW)
    result = subprocess.run([sys.executable, "main.py", "--language", "it", "--data-dir", data, "rules", "import",
                             str(path)], cwd=ROOT, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        f"errore: {path}: $.rules[0].schedule.recurrence.days[0]: 'lunedì' non è un giorno della settimana "
        "(mon, tue, wed, thu, fri, sat, sun)")


def test_the_app_refuses_a_rules_file_in_italian(qtbot, ws, tmp_path) -> None:
    """The rule list's import, in the Italian window: the message box says it in Italian."""
    from PySide6.QtWidgets import QMessageBox

    from ui.ops import OpRunner
    from ui.resources import LANGUAGE
    from ui.rules.page import RulesPage

    path = tmp_path / "regole.json"
    path.write_text(json.dumps({**FILE, "rules": [{**RULE, "conditions": {"all": [
        {"field": "birthday", "op": "in_last", "amount": 3, "unit": "settimane"}]}}]}), encoding="utf-8")
    LANGUAGE.switch("it")
    try:
        page = RulesPage(OpRunner.synchronous(ws), clock=lambda: NOW)
        qtbot.addWidget(page)
        page.show()
        page.import_rules(str(path), replace=False)
        boxes = [b for b in page.findChildren(QMessageBox, "op_error_box") if b.isVisible()]
        assert len(boxes) == 1
        assert boxes[0].text() == (f"{path}: $.rules[0].conditions.all[0].unit: 'settimane' non è né \"hours\" "
                                   "(ore) né \"days\" (giorni)")
    finally:
        LANGUAGE.switch("en")
    assert ws.rules.all() == []
