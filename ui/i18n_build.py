"""Refresh the translation sources and compile them: ``python -m ui.i18n_build``.

``pyside6-lupdate`` collects every ``tr()``/``translate()`` string of ``ui/`` into
``resources/i18n/postino_<lang>.ts`` (keeping the translations already there, so the
``.ts`` files are what translators edit, e.g. in Qt Linguist), and ``pyside6-lrelease``
compiles them to the ``.qm`` files the app loads. English is the source language.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from desktop.resources_path import resource

ROOT = Path(__file__).resolve().parent.parent
I18N = resource("i18n")


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    for language in ("it", "en"):
        ts = I18N / f"postino_{language}.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                        "-source-language", "en", "-target-language", language, "-ts", str(ts)],
                       cwd=ROOT, check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
