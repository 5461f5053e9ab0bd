"""``postino --self-test``: proves that an installed or built Postino works, on a throwaway workspace.

A frozen bundle can lose what a checkout takes for granted: modules found with ``pkgutil``
(the CLI's commands, the migrations), data files (icons, translations, Qt's own
translations, certifi's CA file, tzdata), keyring backends found through entry points.
The self-test goes through each of them the way the app does — the demo, a simulation and
``run-once`` through the same ``desktop.cli.main`` a user's command line reaches, then the
main window — and exits 0 only if all of them worked. Nothing touches the user's workspace:
everything happens in a temporary folder, with the sandbox on, so nothing is sent.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

Step = Callable[[Path], str]


def _cli(data_dir: Path, *argv: str) -> str:
    """Run one command exactly as ``postino --data-dir DIR ...`` would; its output, or an error."""
    from desktop.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--data-dir", str(data_dir), *argv])
    if code != 0:
        raise RuntimeError(f"`{' '.join(argv)}` exited {code}: {out.getvalue()[-500:]}")
    return out.getvalue()


def _demo(data_dir: Path) -> str:
    _cli(data_dir, "demo", "--contacts", "40")
    _cli(data_dir, "settings", "set", "sandbox", "true")
    from desktop.store.migrations import MIGRATIONS
    from desktop.workspace import Workspace

    with Workspace.open(data_dir) as ws:
        rules = len(ws.rules.all())
    return f"{rules} rules, schema version {max(m.version for m in MIGRATIONS)} ({len(MIGRATIONS)} migrations)"


def _simulate(data_dir: Path) -> str:
    from desktop.demo_rules import RULES

    names = [arg for spec in RULES for arg in ("--rule", spec["name"])]
    result = json.loads(_cli(data_dir, "simulate", "--days", "2", "--format", "json", *names))
    return f"{len(result['sends'])} planned sends in 2 days over {len(result['rules'])} rules"


def _run_once(data_dir: Path) -> str:
    """Every demo rule enabled, checked now, and what is due written to the sandbox's outbox."""
    from datetime import datetime, timezone

    from desktop.workspace import Workspace

    with Workspace.open(data_dir) as ws:
        for rule in ws.rules.all():
            ws.rules.set_enabled(rule.id, True, datetime.now(timezone.utc))
        outbox = ws.outbox_dir
    lines = _cli(data_dir, "run-once", "--all").strip().splitlines()
    written = sum(1 for p in outbox.rglob("*") if p.is_file()) if outbox.is_dir() else 0
    return f"{lines[-1] if lines else 'nothing due'}; {written} file(s) in the sandbox outbox"


def _data_files(_: Path) -> str:
    """The files a frozen build must carry, each checked where the code will look for it."""
    import certifi
    from PySide6.QtCore import QLibraryInfo

    from desktop.resources_path import resource

    wanted = [resource("icons", "postino.svg"), resource("i18n", "postino_it.qm"), resource("i18n", "postino_en.qm"),
              Path(certifi.where()),
              Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_it.qm"]
    missing = [str(p) for p in wanted if not p.is_file()]
    if missing:
        raise RuntimeError(f"missing: {', '.join(missing)}")
    from zoneinfo import ZoneInfo

    zones = [ZoneInfo(name).key for name in ("Europe/Rome", "America/New_York", "Asia/Tokyo")]
    return f"{len(wanted)} files, time zones {', '.join(zones)}"


def _keyring(_: Path) -> str:
    """The platform's secure backend must be inside (found or not, a headless machine may lack a daemon)."""
    import importlib

    import keyring

    module = {"win32": "keyring.backends.Windows", "darwin": "keyring.backends.macOS"}.get(
        sys.platform, "keyring.backends.SecretService")
    importlib.import_module(module)
    backend = type(keyring.get_keyring())
    return f"{module} inside; active {backend.__module__}.{backend.__qualname__}"


def _window(data_dir: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from desktop.workspace import Workspace
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.ops import OpRunner
    from ui.resources import LANGUAGE

    app = make_application()
    with Workspace.open(data_dir) as ws:
        LANGUAGE.switch(ws.settings.get("ui.language"))
        runner = OpRunner(ws.data_dir)
        window = MainWindow(ws, runner, state_file=str(data_dir / "window-self-test.ini"))
        window.show()
        for _ in range(20):
            QApplication.processEvents()
        shown = window.isVisible() and window.width() > 0
        window.close()
        runner.shutdown()
    app.processEvents()
    if not shown:
        raise RuntimeError("the main window did not show")
    return f"main window shown ({app.platformName()})"


STEPS: tuple[tuple[str, Step], ...] = (
    ("demo", _demo), ("simulate", _simulate), ("run-once", _run_once),
    ("data files", _data_files), ("keyring", _keyring), ("window", _window),
)


def run(args: argparse.Namespace | None = None) -> int:
    """Every step, each reported on one line; 0 only if all passed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a check, not a window for the user
    from desktop import __version__

    print(f"Postino {__version__} self-test ({'frozen' if getattr(sys, 'frozen', False) else 'source'})", flush=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="postino-self-test-") as folder:
        data_dir = Path(folder) / "workspace"
        for name, step in STEPS:
            try:
                print(f"ok   {name}: {step(data_dir)}", flush=True)
            except Exception as exc:  # noqa: BLE001 - each failure is reported, then the next step runs
                failed += 1
                print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
    print("self-test passed" if not failed else f"self-test failed: {failed} step(s)", flush=True)
    return 0 if not failed else 1
