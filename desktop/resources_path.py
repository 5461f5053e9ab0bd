"""The one place that knows where ``resources/`` (icons, translations, schemas) is.

From a checkout it sits next to the ``desktop`` package; in a PyInstaller bundle the
spec copies it under the bundle's data folder (``sys._MEIPASS``: ``_internal/`` of a
one-folder build, ``Contents/Frameworks`` of a macOS ``.app``). Everything that opens a
resource goes through here, so a frozen build and a checkout cannot disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding ``resources/`` (and ``pyproject.toml``): bundle data dir or checkout."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def resource(*parts: str) -> Path:
    """``resource("icons", "postino.svg")``: a path inside ``resources/`` (may not exist)."""
    return resources_dir().joinpath(*parts)
