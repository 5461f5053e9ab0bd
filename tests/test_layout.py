"""House rules a machine can check: the engine never imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "shiboken2")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_desktop_sources_never_import_qt() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop").rglob("*.py")
        if _imports(path) & set(QT_MODULES)
    ]
    assert offenders == []


def test_importing_the_whole_engine_loads_no_qt() -> None:
    """Catches indirect imports (a dependency pulling Qt in) that the source scan cannot see."""
    code = (
        "import importlib, pkgutil, sys, desktop\n"
        "for m in pkgutil.walk_packages(desktop.__path__, 'desktop.'):\n"
        "    importlib.import_module(m.name)\n"
        f"bad = [n for n in sys.modules if n.split('.')[0] in {QT_MODULES!r}]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_layout_folders_exist() -> None:
    for name in ("desktop", "ui", "resources", "installer", "tests", "bench", "docs"):
        assert (ROOT / name).is_dir(), name
    assert (ROOT / "main.py").is_file()
    assert (ROOT / "pyproject.toml").is_file()


def test_keyrings_alt_is_not_a_runtime_dependency() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = " ".join(project["dependencies"]).lower()
    assert "keyrings.alt" not in runtime and "keyrings-alt" not in runtime
    assert any("keyrings.alt" in d for d in project["optional-dependencies"]["test"])
