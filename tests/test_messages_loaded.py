"""A coded message made by a module this process never imported (a reason the service
stored, a report another process's engine sent back) still reads in words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_code_from_an_unimported_module_is_found() -> None:
    code = ("from desktop.messages import Msg, text; "
            "print(text(Msg('channel.no_secret', {'channel': 'email', 'user': 'shop', 'account': 'smtp'}), 'it'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.startswith("invii email in pausa: nessun segreto nel portachiavi per 'shop'")


def test_an_unknown_code_still_shows_itself() -> None:
    from desktop.messages import Msg, text

    assert text(Msg("no.such.code", {"x": 1}), "it") == "no.such.code (x=1)"
