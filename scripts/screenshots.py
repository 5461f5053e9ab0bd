"""Screenshots of every main screen, on a fresh demo workspace with four weeks of history.

    xvfb-run -a .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--language en|it]

The history is the demo's own (``desktop.demo_history``): the demo is built three weeks ago
and its rules run through the engine's tick on a virtual clock up to now, with sign-ups,
carts, posts and the recipients' reactions arriving on the way — the statistics triggers
count everything, nothing is written into the summary tables by hand. Then the real ``MainWindow`` opens on the workspace and each screen
is saved with ``QWidget.grab()``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.demo import build_demo  # noqa: E402
from desktop.demo_history import play_history  # noqa: E402
from desktop.demo_rules import add_demo_rules  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

HISTORY_DAYS = 21
ENABLED = ("Benvenuto", "Buon compleanno", "Carrello abbandonato 3 ore", "Carrello abbandonato 24 ore",
           "Nuovo articolo del blog", "Clic recenti")


def build_workspace(folder: Path, now: datetime, seed: int = 7) -> Workspace:
    """The demo exactly as ``main.py demo`` makes it (contacts, rules, three weeks of engine
    history through the real tick), with a few rules switched on so the list looks in use."""
    ws = Workspace.open(folder)
    start = now - timedelta(days=HISTORY_DAYS)
    ws.settings.set("business.name", "Bottega Rossi", start)
    build_demo(ws, start, seed=seed)
    add_demo_rules(ws, start)
    began = time.monotonic()
    print(play_history(ws, start, now, seed=seed).format(), f"({time.monotonic() - began:.1f} s)")
    for name in ENABLED:
        ws.rules.set_enabled(ws.rules.find(name).id, True, now)
    return ws


# --- the screens ----------------------------------------------------------------------------------
def settle(app, ms: int = 400) -> None:
    """Let timers (debounced previews, live counts) fire and the window repaint."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def save(widget, path: Path, app) -> None:
    settle(app)
    pixmap = widget.grab()
    if not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
          f"{pixmap.width()}x{pixmap.height()}, {path.stat().st_size // 1024} KB")


def close_wizard(wizard) -> None:
    """A filled-in wizard asks before discarding (non-modal box): answer it."""
    from PySide6.QtWidgets import QMessageBox

    wizard.reject()
    box = wizard.discard_box
    if box is not None and box.isVisible():
        box.button(QMessageBox.StandardButton.Discard).click()


def shoot(ws: Workspace, out: Path, language: str) -> None:
    from PySide6.QtCore import QDateTime

    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.ops import OpRunner
    from ui.resources import LANGUAGE
    from ui.rules.wizard import RECIPIENTS, SUMMARY

    app = make_application([sys.argv[0]])
    app.setStyle("Fusion")
    ws.settings.set("ui.language", language, datetime.now(timezone.utc))
    LANGUAGE.switch(language)
    runner = OpRunner.synchronous(ws)
    window = MainWindow(ws, runner)  # its window.ini goes to the temporary workspace
    window.resize(1440, 900)
    window.show()
    settle(app, 800)
    out.mkdir(parents=True, exist_ok=True)

    rules = window.show_section("rules")
    rules.select_rule("Riattivazione 90 giorni")
    save(window, out / "rules.png", app)
    rules.open_editor(ws.rules.find("Riattivazione 90 giorni").id)
    settle(app, 600)
    wizard = rules.wizard
    wizard.resize(980, 720)
    while wizard.currentId() < RECIPIENTS:
        wizard.next()
    save(wizard, out / "rule-wizard-recipients.png", app)
    while wizard.currentId() < SUMMARY:
        wizard.next()
    settle(app, 600)
    save(wizard, out / "rule-wizard-summary.png", app)
    close_wizard(wizard)
    rules.new_item()                       # a new rule starts on the recipes
    settle(app, 600)
    rules.wizard.resize(980, 720)
    save(rules.wizard, out / "rule-wizard-recipes.png", app)
    close_wizard(rules.wizard)

    window.show_section("contacts")
    save(window, out / "contacts.png", app)
    window.show_section("groups").select_group("VIP")
    save(window, out / "groups.png", app)
    templates = window.show_section("templates")
    templates.select_template("Carrello 3 ore")
    settle(app, 900)
    save(window, out / "templates.png", app)

    simulation = window.show_section("simulation")
    simulation.start.setDateTime(QDateTime.currentDateTime())
    simulation.days.setValue(7)
    simulation.set_checked([n for n in ENABLED])
    simulation.run()
    save(window, out / "simulation.png", app)
    statistics = window.show_section("statistics")
    statistics.picker.choose("30")
    save(window, out / "statistics.png", app)
    window.show_section("activity")
    save(window, out / "activity.png", app)
    window.show_section("settings")
    save(window, out / "settings.png", app)
    window.close()
    runner.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "it"), default="en")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") is None:
        print("no display: run under xvfb-run -a (offscreen rendering has no fonts on some systems)",
              file=sys.stderr)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="postino-shots-") as folder:
        ws = build_workspace(Path(folder) / "ws", now)
        try:
            shoot(ws, args.out.resolve(), args.language)
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
