"""``main.py stats``: table and JSON output, defaults, unknown rules and bad dates exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from desktop.workspace import Workspace
from tests.helpers.stats import add_contact, add_ledger, add_rule, utc

ROOT = Path(__file__).resolve().parents[1]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120)


def _build(folder: Path) -> None:
    with Workspace.open(folder) as ws:
        welcome, cart = add_rule(ws, "Welcome"), add_rule(ws, "Cart reminder")
        c1, c2 = add_contact(ws, 1), add_contact(ws, 2)
        add_ledger(ws, welcome, c1, "1", "sent", utc("2026-11-30 09:00:00"))
        add_ledger(ws, cart, c2, "1", "sent", utc("2026-11-29 23:30:00"))  # 30 Nov 00:30 in Rome
        add_ledger(ws, cart, c1, "1", "failed", utc("2026-11-30 10:00:00"))
        ws.events.record("email_opened", utc("2026-11-30 09:05:00"), c1, rule_id=welcome)
        ws.events.record("email_opened", utc("2026-11-30 09:06:00"), c1, rule_id=welcome)
        ws.events.record("purchase", utc("2026-12-01 12:00:00"), c2, ref="o1", amount=42.5)


def test_json_shape_and_numbers(tmp_path):
    _build(tmp_path)
    done = run(tmp_path, "stats", "--since", "2026-11-30", "--until", "2026-12-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["format"], data["timezone"], data["since"], data["until"]) == (1, "Europe/Rome", "2026-11-30",
                                                                                "2026-12-01")
    assert data["rule"] is None and data["attribution_days"] == 7
    totals = data["totals"]
    assert (totals["sent"], totals["failed"], totals["opened"], totals["opened_unique"]) == (2, 1, 2, 1)
    assert (totals["purchases"], totals["revenue"]) == (1, 42.5)
    assert data["rates"]["open_rate"] == 0.5 and data["rates"]["click_to_open_rate"] == 0.0
    assert [d["date"] for d in data["daily"]] == ["2026-11-30", "2026-12-01"]
    assert [d["sent"] for d in data["daily"]] == [2, 0]
    by_name = {r["name"]: r for r in data["rules"]}
    assert set(by_name) == {"Welcome", "Cart reminder"}
    assert by_name["Cart reminder"]["totals"]["revenue"] == 42.5
    assert by_name["Welcome"]["rates"]["open_rate"] == 1.0

    one = json.loads(run(tmp_path, "stats", "--rule", "welcome", "--since", "2026-11-30", "--until", "2026-11-30",
                         "--format", "json").stdout)
    assert one["rule"]["name"] == "Welcome" and one["rules"] == [] and one["totals"]["sent"] == 1


def test_table_output_and_default_range(tmp_path):
    _build(tmp_path)
    done = run(tmp_path, "stats", "--since", "2026-11-01", "--until", "2026-11-30")
    assert done.returncode == 0, done.stderr
    assert "All rules: 2026-11-01 to 2026-11-30 (Europe/Rome)" in done.stdout
    assert "Cart reminder" in done.stdout and "2026-11-30" in done.stdout
    with Workspace.open(tmp_path) as ws:  # something sent today shows in the default 30 days
        today_send = datetime.now(timezone.utc) - timedelta(minutes=5)
        add_ledger(ws, 1, 1, "today", "sent", today_send)
    data = json.loads(run(tmp_path, "stats", "--format", "json").stdout)
    assert len(data["daily"]) == 30 and data["totals"]["sent"] >= 1
    assert date.fromisoformat(data["until"]) - date.fromisoformat(data["since"]) == timedelta(days=29)


def test_unknown_rule_and_bad_dates_exit_2(tmp_path):
    _build(tmp_path)
    done = run(tmp_path, "stats", "--rule", "Nope")
    assert done.returncode == 2 and "--rule" in done.stderr and "Nope" in done.stderr
    done = run(tmp_path, "stats", "--since", "30/11/2026")
    assert done.returncode == 2 and "--since" in done.stderr and "30/11/2026" in done.stderr
    done = run(tmp_path, "stats", "--since", "2026-12-02", "--until", "2026-12-01")
    assert done.returncode == 2 and "after it ends" in done.stderr
    done = run(tmp_path, "stats", "--format", "xml")
    assert done.returncode == 2


def test_rebuild_flag_keeps_the_numbers(tmp_path):
    _build(tmp_path)
    args = ("stats", "--since", "2026-11-29", "--until", "2026-12-02", "--format", "json")
    before = json.loads(run(tmp_path, *args).stdout)
    after = json.loads(run(tmp_path, *args, "--rebuild").stdout)
    assert before == after
