"""The import options on the command line: --consent, --status, --map, --preset, --save-mapping, events export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
F = ROOT / "tests" / "fixtures" / "imports"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_consent_is_asked_for_then_reported(tmp_path) -> None:
    ws = tmp_path / "ws"
    refused = run(ws, "contacts", "import", str(F / "shopify_customers_export.csv"))
    assert refused.returncode == 2 and "--consent" in refused.stderr
    assert "preset:             Shopify customers" in refused.stdout and "consent unknown:    1" in refused.stdout
    ok = run(ws, "contacts", "import", str(F / "shopify_customers_export.csv"), "--consent", "pending")
    assert ok.returncode == 0, ok.stderr
    assert "e-mail consent: 1 unsubscribed — from the column \"Accepts Email Marketing\"" in ok.stdout
    status = run(ws, "contacts", "import", str(F / "unsubscribed_members_export_4f2a9c1b07.csv"), "--status", "none",
                 "--consent", "pending", "--dry-run")
    assert status.returncode == 0 and "whole-file status" not in status.stdout


def test_map_save_and_reuse_for_contacts_and_events(tmp_path) -> None:
    ws = tmp_path / "ws"
    people = tmp_path / "gente.csv"
    people.write_text("Posta;Telefonino;Ok newsletter\nz@example.it;347 123 4567;sì\n", encoding="utf-8")
    first = run(ws, "contacts", "import", str(people), "--map", "Posta=email,Telefonino=phone,Ok newsletter=email_status",
                "--save-mapping", "mia", "--consent", "pending")
    assert first.returncode == 0, first.stdout + first.stderr
    again = run(ws, "contacts", "import", str(people), "--preset", "mia")
    assert again.returncode == 0 and "unchanged:          1" in again.stdout
    sales = tmp_path / "vendite.csv"
    sales.write_text("Quando;Chi;Codice;Euro\n01/02/2026;z@example.it;V-1;12,50\n", encoding="utf-8")
    events = run(ws, "events", "import", str(sales), "--map", "Quando=date,Chi=email,Codice=order_id,Euro=amount")
    assert events.returncode == 0, events.stdout + events.stderr
    out = tmp_path / "events.csv"
    exported = run(ws, "events", "export", str(out))
    assert exported.returncode == 0 and "Exported 1 events" in exported.stdout
    assert "purchase,z@example.it,,2026-01-31T23:00:00Z,V-1,,12.5" in out.read_text(encoding="utf-8")
    onto_db = run(ws, "events", "export", str(ws / "postino.db"))
    assert onto_db.returncode == 2 and "workspace" in onto_db.stderr


def test_shop_orders_from_the_command_line(tmp_path) -> None:
    ws = tmp_path / "ws"
    assert run(ws, "contacts", "import", str(F / "shopify_customers_export.csv"), "--consent", "pending").returncode == 0
    orders = run(ws, "events", "import", str(F / "shopify_orders_export.csv"))
    assert orders.returncode == 0 and "preset:             Shopify orders" in orders.stdout
    assert "left out:           1 (cancelled orders)" in orders.stdout
    bad = run(ws, "events", "import", str(F / "stripe_payments.csv"), "--preset", "nonsense")
    assert bad.returncode == 2 and "preset" in bad.stderr
