"""Rules files built to mislead: duplicate keys, NaN, huge numbers, deep nesting, conditions
SQLite cannot run, and exports aimed at the workspace's own database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import InputError
from desktop.rules import limits
from tests.rules.handbuilt import NOW, build

ROOT = Path(__file__).resolve().parents[2]
RULE = ('{"name": "Cart", "action": {"type": "send_email", "template": "Hello"}, '
        '"conditions": %s, "enabled": false%s}')


@pytest.fixture
def ws(workspace):
    build(workspace)
    return workspace


def _file(tmp_path: Path, rules: str) -> Path:
    path = tmp_path / "rules.json"
    path.write_text('{"format": "postino.rules", "version": 1, "rules": [%s]}' % rules, encoding="utf-8")
    return path


def _refused(ws, path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        ws.rules.import_file(path, NOW)
    assert ws.rules.all() == []
    return info.value


def test_a_second_enabled_key_cannot_switch_a_rule_on(ws, tmp_path) -> None:
    path = _file(tmp_path, RULE % ('{"all": [{"field": "city", "op": "eq", "value": "Roma"}]}', ', "enabled": true'))
    error = _refused(ws, path)
    assert error.where == f"{path}: $.rules[0].enabled"
    assert "twice" in str(error)


def test_a_second_all_cannot_drop_the_condition(ws, tmp_path) -> None:
    # Read leniently, the second "all" wins: no condition at all, the rule matches everyone.
    path = _file(tmp_path, RULE % ('{"all": [{"field": "city", "op": "eq", "value": "Roma"}], "all": []}', ""))
    assert _refused(ws, path).where == f"{path}: $.rules[0].conditions.all"


@pytest.mark.parametrize("number, shown", [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"),
                                           ("1e400", "1e400"), ("99999999999999999999", "out of range")])
def test_numbers_json_or_sqlite_cannot_hold(ws, tmp_path, number, shown) -> None:
    leaf = '{"all": [{"field": "points", "op": "gt", "value": %s}]}' % number
    error = _refused(ws, _file(tmp_path, RULE % (leaf, "")))
    assert error.where.endswith("$.rules[0].conditions.all[0].value")
    assert shown in str(error) and "Error" not in str(error)


def test_nesting_beyond_the_documented_depth_names_line_and_column(ws, tmp_path) -> None:
    deep = '{"any": [' * 200 + '{"field": "city", "op": "empty"}' + ']}' * 200
    error = _refused(ws, _file(tmp_path, RULE % (deep, "")))
    assert "line 1, column" in error.where and "64 levels" in str(error)


def test_an_any_of_a_thousand_conditions_is_refused_at_import(ws, tmp_path) -> None:
    leaves = ", ".join('{"field": "city", "op": "eq", "value": "c%d"}' % i for i in range(1000))
    error = _refused(ws, _file(tmp_path, RULE % ('{"any": [%s]}' % leaves, "")))
    assert error.where.endswith(f"$.rules[0].conditions.any[{limits.MAX_LEAVES}]")
    assert "at most 500 conditions" in str(error)


def test_the_documented_bound_is_below_what_sqlite_can_run(ws) -> None:
    # The largest rule the bounds allow (500 of the heaviest leaves) must still prepare.
    leaf = {"behaviour": "total_spent", "days": 30, "cmp": "gt", "value": 10}
    data = {"name": "big", "action": {"type": "send_email", "template": "Hello"},
            "conditions": {"any": [leaf] * limits.MAX_LEAVES}}
    assert ws.rules.validate(data).conditions["any"][-1]["behaviour"] == "total_spent"


def test_what_the_bounds_miss_is_caught_by_compiling_the_rule(ws, monkeypatch) -> None:
    # Raise the documented bound: SQLite's own expression-depth limit must still refuse it.
    monkeypatch.setattr(limits, "MAX_LEAVES", 5000)
    leaf = {"field": "city", "op": "eq", "value": "Roma"}
    data = {"name": "big", "action": {"type": "send_email", "template": "Hello"},
            "conditions": {"any": [leaf] * 1200}}
    with pytest.raises(InputError) as info:
        ws.rules.validate(data)
    assert info.value.where == "$.conditions"
    assert "Expression tree is too large" in str(info.value)


def test_long_value_lists_are_bounded(ws) -> None:
    leaf = {"field": "city", "op": "in", "value": [f"c{i}" for i in range(limits.MAX_LIST_VALUES + 1)]}
    data = {"name": "list", "action": {"type": "send_email", "template": "Hello"}, "conditions": {"all": [leaf]}}
    with pytest.raises(InputError) as info:
        ws.rules.validate(data)
    assert info.value.where == "$.conditions.all[0].value"


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _db_is_intact(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'workspace_id'").fetchone()[0] == 1
    finally:
        conn.close()


@pytest.mark.parametrize("target", ["postino.db", "postino.db-wal", "engine.lock", "backups/x.json", "."])
def test_export_refuses_the_workspace_own_files(ws, target) -> None:
    folder = ws.data_dir
    (folder / "backups").mkdir(exist_ok=True)
    ws.close()
    result = _cli(folder, "rules", "export", str(folder / target))
    assert result.returncode == 2, result.stderr
    assert "workspace" in result.stderr and "Error:" not in result.stderr
    _db_is_intact(folder / "postino.db")


def test_export_refuses_a_link_to_the_database(ws, tmp_path) -> None:
    soft, hard = tmp_path / "soft.json", tmp_path / "hard.json"
    os.symlink(ws.db_path, soft)
    os.link(ws.db_path, hard)
    for link in (soft, hard):
        with pytest.raises(InputError):
            ws.rules.export_file(link)
    _db_is_intact(ws.db_path)


def test_export_replaces_a_file_whole(ws, tmp_path) -> None:
    ws.rules.save({"name": "One", "action": {"type": "send_email", "template": "Hello"}}, NOW)
    target = tmp_path / "out.json"
    target.write_text("old content that is much longer than nothing" * 100, encoding="utf-8")
    target.chmod(0o640)
    ws.rules.export_file(target)
    assert json.loads(target.read_text(encoding="utf-8"))["rules"][0]["name"] == "One"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "ws"]  # no temporary file left
