"""Rules on disk: JSON round trip, and every kind of invalid file refused whole, by path."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import InputError
from tests.rules.handbuilt import NOW, build

ROOT = Path(__file__).resolve().parents[2]

GOOD = {
    "format": "postino.rules", "version": 1,
    "rules": [
        {"name": "Cart 3h", "description": "first reminder", "tags": ["cart"], "enabled": True,
         "action": {"type": "send_email", "template": "Hello"},
         "audience": {"include": ["Clienti"], "exclude": ["VIP"]},
         "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"},
                                {"any": [{"field": "city", "op": "eq", "value": "Roma"},
                                         {"field": "points", "op": "between", "value": [1, 50]}]}]},
         "resend": {"policy": "per_occurrence"},
         "schedule": {"check": {"every_minutes": 15}, "quiet_hours": {"bands": ["21:00-09:00"]}},
         "after_send": {"add_to": ["Recent clickers"], "remove_from": []}},
        {"name": "Birthday SMS", "action": {"type": "send_sms", "template": "Hello SMS"},
         "conditions": {"all": [{"field": "birthday", "op": "anniversary_today"}]},
         "resend": {"policy": "yearly"},
         "schedule": {"check": {"times": ["09:00"]}, "timezone": {"mode": "recipient"}}},
    ],
}


@pytest.fixture
def ws(workspace):
    build(workspace)
    return workspace


def test_round_trip_is_lossless(ws) -> None:
    summary = ws.rules.import_data(copy.deepcopy(GOOD), NOW)
    assert summary.created == ["Cart 3h", "Birthday SMS"]
    exported = ws.rules.export()
    ws.rules.import_data(exported, NOW, replace=True)
    assert ws.rules.export() == exported
    cart = ws.rules.find("cart 3h")
    assert cart.enabled and cart.audience == {"include": ["Clienti"], "exclude": ["VIP"]}
    assert cart.schedule["check"] == {"every_minutes": 15}


def _bad(mutate, expected_path: str, expected_text: str, ws) -> None:
    data = copy.deepcopy(GOOD)
    mutate(data)
    with pytest.raises(InputError) as info:
        ws.rules.import_data(data, NOW)
    assert info.value.where == expected_path, str(info.value)
    assert expected_text in str(info.value)
    assert ws.db.execute("SELECT count(*) FROM rules").fetchone()[0] == 0  # refused whole


BAD_CASES = [
    (lambda d: d.update(format="other"), "$.format", "not a Postino rules file"),
    (lambda d: d.update(version=9), "$.version", "version 9 is not supported"),
    (lambda d: d["rules"][1].update(colour="red"), "$.rules[1].colour", "unknown field 'colour'"),
    (lambda d: d["rules"][0]["conditions"]["all"][1]["any"][0].update(op="gt"),
     "$.rules[0].conditions.all[1].any[0].op", "operator 'gt' is not valid for text field 'city'"),
    (lambda d: d["rules"][0]["conditions"]["all"][1]["any"][1].update(value=[50, 1]),
     "$.rules[0].conditions.all[1].any[1].value", "low end 50.0 is above the high end 1.0"),
    (lambda d: d["rules"][0]["conditions"]["all"].append({"field": "shoe_size", "op": "eq", "value": 1}),
     "$.rules[0].conditions.all[2].field", "unknown contact field 'shoe_size'"),
    (lambda d: d["rules"][0]["audience"]["include"].append("Nobody"),
     "$.rules[0].audience.include[1]", "unknown group 'Nobody'"),
    (lambda d: d["rules"][0]["action"].update(template="Missing"),
     "$.rules[0].action.template", "unknown template 'Missing'"),
    (lambda d: d["rules"][1]["action"].update(template="Hello"),
     "$.rules[1].action.template", "is an email template, not sms"),
    (lambda d: d["rules"][0]["schedule"]["check"].update(every_minutes=2),
     "$.rules[0].schedule.check.every_minutes", "5"),
    (lambda d: d["rules"][0]["schedule"]["check"].update(every_minutes=1500),
     "$.rules[0].schedule.check.every_minutes", "1440"),
    (lambda d: d["rules"][0]["resend"].update(policy="sometimes"), "$.rules[0].resend.policy", "must be one of"),
    (lambda d: d["rules"][1].update(resend={"policy": "per_occurrence"}),
     "$.rules[1].resend.policy", "needs exactly one of the conditions"),
    (lambda d: d["rules"][1].update(name="cart 3H"), "$.rules[1].name", "used twice"),
    (lambda d: d["rules"][0]["conditions"]["all"][0].update(unit="weeks"),
     "$.rules[0].conditions.all[0].unit", "'weeks' is not hours or days"),
    (lambda d: d["rules"][1].update(conditions={"all": [{"any": [{"field": "birthday", "op": "anniversary_today"},
                                                                 {"field": "city", "op": "eq", "value": "Roma"}]}]}),
     "$.rules[1].conditions.all[0].any[0].op", "must be a condition of its own at the top level"),
]


@pytest.mark.parametrize("mutate, path, text", BAD_CASES, ids=[c[1] for c in BAD_CASES])
def test_invalid_files_are_refused_with_the_json_path(ws, mutate, path, text) -> None:
    _bad(mutate, path, text, ws)


def test_depth_limit_is_reported(ws) -> None:
    node: dict = {"field": "city", "op": "empty"}
    for _ in range(40):
        node = {"all": [node]}
    data = copy.deepcopy(GOOD)
    data["rules"][0]["conditions"] = node
    with pytest.raises(InputError, match="deeper than 32 levels"):
        ws.rules.import_data(data, NOW)


def test_existing_name_needs_replace(ws) -> None:
    ws.rules.import_data(copy.deepcopy(GOOD), NOW)
    with pytest.raises(InputError, match="already exists"):
        ws.rules.import_data(copy.deepcopy(GOOD), NOW)
    assert ws.rules.import_data(copy.deepcopy(GOOD), NOW, replace=True).replaced == ["Cart 3h", "Birthday SMS"]


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_cli_import_list_export_and_errors(ws, tmp_path: Path) -> None:
    folder = ws.data_dir
    good = tmp_path / "rules.json"
    good.write_text(json.dumps(GOOD), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "postino.rules",\n "version": 1,\n "rules": [}', encoding="utf-8")
    result = _cli(folder, "rules", "import", str(broken))
    assert result.returncode == 2
    assert f"{broken}, line 3, column 12: a value is missing" in result.stderr
    result = _cli(folder, "rules", "import", str(good))
    assert result.returncode == 0, result.stderr
    assert "created  Cart 3h" in result.stdout
    listing = _cli(folder, "rules", "list", "--language", "it")
    assert listing.returncode == 0, listing.stderr
    assert "[on ] Cart 3h" in listing.stdout and "carrello abbandonato" in listing.stdout
    exported = _cli(folder, "rules", "export", "--rule", "Birthday SMS")
    assert json.loads(exported.stdout)["rules"][0]["name"] == "Birthday SMS"
    bad = copy.deepcopy(GOOD)
    bad["rules"][0]["name"] = "Other"
    bad["rules"][0]["conditions"]["all"][0]["amount"] = -1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    result = _cli(folder, "rules", "import", str(path))
    assert result.returncode == 2
    assert f"{path}: $.rules[0].conditions.all[0].amount: -1 is below the minimum of 0" in result.stderr
