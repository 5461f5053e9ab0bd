"""How long the contacts view takes to show its first rows on 1,000,000 contacts.

    QT_QPA_PLATFORM=offscreen python bench/ui_contacts.py [--contacts N] [--data-dir DIR]

Builds (or reuses) a workspace with N contacts by bulk SQL, opens the main window on the
Contacts section offscreen with the real worker thread, and times from creating the
window to the first rows painted. Also times a search and scrolling deep into the table.
Target: ``first_rows_s`` under 1 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QModelIndex  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.workspace import Workspace  # noqa: E402


def build(ws: Workspace, count: int) -> float:
    have = ws.contacts.count()
    if have >= count:
        return 0.0
    started = time.perf_counter()
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    with ws.transaction():
        ws.db.conn.executemany(
            "INSERT INTO contacts(email, phone, first_name, last_name, registered_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((f"c{i}@example.com", f"+39333{i:07d}", f"Name{i}", f"Surname{i}", stamp, stamp)
             for i in range(have, count)))
    return time.perf_counter() - started


def wait(app: QApplication, condition, timeout: float = 60.0) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the view did not answer in time")
        time.sleep(0.001)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--data-dir", default=None, help="reuse this workspace (default: a temporary one)")
    args = parser.parse_args()
    folder = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="postino-bench-"))
    with Workspace.open(folder) as ws:
        ws.settings.set("ui.language", "en", datetime.now(timezone.utc))
        built = build(ws, args.contacts)
        total = ws.contacts.count()
    print(f"workspace {folder}: {total} contacts (built in {built:.1f} s)")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.main_window import MainWindow
    from ui.ops import OpRunner
    from ui.resources import LANGUAGE

    LANGUAGE.switch("en")
    ws = Workspace.open(folder)
    runner = OpRunner(ws.data_dir)
    started = time.perf_counter()
    window = MainWindow(ws, runner)
    page = window.show_section("contacts")
    window.show()
    model = page.model
    wait(app, lambda: model.rowCount() > 0)
    page.table.viewport().repaint()  # the first rows painted, not just loaded
    first_rows = time.perf_counter() - started
    counted = wait(app, lambda: model.total is not None) + first_rows

    blocks = 40
    started = time.perf_counter()
    for _ in range(blocks):
        before = model.rowCount()
        page.table.scrollToBottom()
        model.fetchMore(QModelIndex())
        wait(app, lambda: model.rowCount() > before)
    per_block = (time.perf_counter() - started) / blocks

    searches = {}
    for label, text in (("email", "c98765@"), ("phone", "333 009 8765"), ("name", "Surname98765")):
        started = time.perf_counter()
        page.search.setText(text)
        page.apply_search()
        wait(app, lambda: model.total is not None and not model.loading)
        searches[label] = (text, model.total, time.perf_counter() - started)

    window.close()
    runner.shutdown()
    ws.close()
    print(f"first rows shown after {first_rows:.3f} s; count of {total} known after {counted:.3f} s")
    print(f"next block of rows while scrolling: {per_block * 1000:.1f} ms on average over {blocks} blocks")
    for label, (text, matches, seconds) in searches.items():
        print(f"search by {label} {text!r}: {matches} matches in {seconds:.3f} s")
    print(f"RESULT first_rows_s={first_rows:.3f} count_s={counted:.3f} block_ms={per_block * 1000:.1f} "
          + " ".join(f"search_{label}_s={seconds:.3f}" for label, (_t, _m, seconds) in searches.items())
          + f" contacts={total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
