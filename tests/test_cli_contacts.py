"""The command line for imports, export and demo: output streams and exit codes, run for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "tests" / "fixtures" / "csv"
EVENTS = ROOT / "tests" / "fixtures" / "events"


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_contacts_import_export_and_events(tmp_path) -> None:
    ws = tmp_path / "ws"
    ok = run(ws, "contacts", "import", str(CSV / "italian_semicolon_dmy.csv"), "--consent", "subscribed", "--group", "Clienti")
    assert ok.returncode == 0, ok.stderr
    assert "created:            4" in ok.stdout and ok.stderr == ""
    again = run(ws, "contacts", "import", str(CSV / "italian_semicolon_dmy.csv"), "--consent", "subscribed")
    assert again.returncode == 0 and "unchanged:          4" in again.stdout
    events = run(ws, "events", "import", str(EVENTS / "events.jsonl"))
    assert events.returncode == 0 and "created:            5" in events.stdout
    out = tmp_path / "export.csv"
    exported = run(ws, "contacts", "export", str(out))
    assert exported.returncode == 0 and "Exported 4 contacts" in exported.stdout
    assert "mario.rossi@example.it" in out.read_text(encoding="utf-8-sig")


def test_bad_rows_exit_2_with_report_on_stdout(tmp_path) -> None:
    ws = tmp_path / "ws"
    bad = run(ws, "contacts", "import", str(CSV / "bad_emails.csv"), "--consent", "subscribed")
    assert bad.returncode == 2
    assert 'line 3, column "Email": \'mario@@x\' is not a valid e-mail address' in bad.stdout
    assert "nothing was imported" in bad.stderr
    skipped = run(ws, "contacts", "import", str(CSV / "bad_emails.csv"), "--consent", "subscribed", "--skip-invalid")
    assert skipped.returncode == 0 and "created:            2" in skipped.stdout
    dry = run(ws, "contacts", "import", str(CSV / "utf8_bom.csv"), "--consent", "subscribed", "--dry-run")
    assert dry.returncode == 0 and "Dry run" in dry.stdout
    bad_events = run(ws, "events", "import", str(EVENTS / "bad_events.csv"))
    assert bad_events.returncode == 2 and "line 3" in bad_events.stdout


def test_bad_usage_and_missing_file_exit_2(tmp_path) -> None:
    ws = tmp_path / "ws"
    missing = run(ws, "contacts", "import", str(tmp_path / "nope.csv"), "--consent", "subscribed")
    assert missing.returncode == 2 and "file not found" in missing.stderr
    order = run(ws, "contacts", "import", str(CSV / "utf8_bom.csv"), "--consent", "subscribed", "--date-order", "ymd")
    assert order.returncode == 2
    country = run(ws, "contacts", "import", str(CSV / "utf8_bom.csv"), "--consent", "subscribed", "--country", "ZZ")
    assert country.returncode == 2 and "country" in country.stderr


def test_demo_command(tmp_path) -> None:
    ws = tmp_path / "ws"
    first = run(ws, "demo", "--contacts", "40", "--seed", "1")
    assert first.returncode == 0 and "40 contacts" in first.stdout
    refused = run(ws, "demo")
    assert refused.returncode == 2 and "--force" in refused.stderr
    forced = run(ws, "demo", "--contacts", "10", "--force")
    assert forced.returncode == 0


def test_a_map_column_the_file_lacks_is_refused(tmp_path: Path) -> None:
    """``--map "Foo=email"`` on a file without "Foo" was silently ignored."""
    csv = tmp_path / "clienti.csv"
    csv.write_text("Nome,Email\nAnna,anna@example.it\n", encoding="utf-8")
    done = run(tmp_path / "ws", "--language", "it", "contacts", "import", str(csv), "--map", "Foo=email",
               "--consent", "pending")
    assert done.returncode == 2
    assert done.stderr.strip() == "errore: --map: il file non ha una colonna 'Foo' (ha: Nome, Email)"
    done = run(tmp_path / "ws", "contacts", "import", str(csv), "--map", "Email=email", "--consent", "pending")
    assert done.returncode == 0, done.stderr
