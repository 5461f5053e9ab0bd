from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.workspace import Workspace
from tests.simulate.scenario import build

ROOT = Path(__file__).resolve().parents[2]


def _cli(folder, *args):
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), "simulate", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_simulate_command_formats_and_errors(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        build(ws)
    out = _cli(folder, "--start", "2026-03-20T11:00", "--days", "3", "--rule", "Promo B", "--rule", "Promo A",
               "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["format"] == "postino.simulation" and data["start"] == "2026-03-20T10:00:00Z"
    # Without Promo C, Promo A fits in the cap of two e-mails a week.
    assert [(s["rule"], s["local"]) for s in data["sends"]] == [("Promo B", "2026-03-20T11:00:00+01:00"),
                                                               ("Promo A", "2026-03-21T10:00:00+01:00")]
    assert data["not_sent"] == []
    table = _cli(folder, "--start", "2026-03-20T11:00", "--days", "1", "--rule", "Promo B")
    assert "Promo B" in table.stdout and "paolo@ex.it" in table.stdout
    csv_out = _cli(folder, "--start", "2026-03-20T11:00", "--days", "1", "--rule", "Promo B", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("when_utc,when_local")
    now = _cli(folder, "--now", "--rule", "Promo A", "--format", "json")
    assert json.loads(now.stdout)["rules"][0]["selected"] == 1
    bad = _cli(folder, "--rule", "Nope")
    assert bad.returncode == 2 and "no rule called 'Nope'" in bad.stderr
    bad = _cli(folder, "--days", "0")
    assert bad.returncode == 2 and "--days" in bad.stderr
