"""The Inno Setup installer compiled with ISCC.exe under Wine, installed and uninstalled silently.

Needs wine (with wine32) and npm, which CI does not install (several hundred MB): the test
skips when wine is missing and says so. On this machine `bash installer/build-windows.sh
--stub --check` compiles in under 10 s with the stand-in bundle (about 5 minutes with a
200 MB bundle: LZMA2 at its maximum under Wine) plus ~20 s to create a Wine prefix once.
The stand-in is a Wine console program renamed postino.exe: PyInstaller cannot build the
Windows bundle on Linux, and the installer does not care what the program does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("wine") is None or shutil.which("npm") is None,
                    reason="wine/wine32 and npm are not installed (see installer/build-windows.sh)")
def test_setup_compiles_under_wine_and_installs_and_uninstalls_silently() -> None:
    result = subprocess.run(["bash", "installer/build-windows.sh", "--stub", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=840,
                            env={**os.environ, "PYTHON": sys.executable})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout
    assert "ok   install:" in out and '\\AppData\\Local\\Programs\\Postino\\postino.exe" --background' in out
    assert "ok   uninstall: program, Start-menu entry and Run value gone; workspace kept" in out
    assert "ok   uninstall /DELETEDATA: workspace deleted" in out
    line = [ln for ln in out.splitlines() if ln.startswith("RESULT ")][-1]
    assert "check=passed" in line
    print(f"\n{line}", file=sys.__stdout__, flush=True)
