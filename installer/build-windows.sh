#!/usr/bin/env bash
# Compile the Windows installer on Linux with Wine and Inno Setup's ISCC.exe (npm package
# `innosetup`), then optionally check it with a silent install and uninstall under Wine.
#   bash installer/build-windows.sh [--check] [--stub] [SOURCE_DIR]
# SOURCE_DIR is a Windows bundle made on Windows by `pyinstaller installer/postino.spec`
# (PyInstaller does not cross-compile), default dist/postino-windows. --stub stands a small
# bundle in for it (a Windows console program renamed postino.exe, plus resources/) so the
# installer itself can be compiled and checked on a Linux machine.
# Needs: wine and wine32 (Debian: dpkg --add-architecture i386; apt-get install wine wine32:i386),
# npm, and for --check an X display (xvfb-run is used when DISPLAY is unset). WINEPREFIX defaults
# to build/wine (created on first use, which takes most of the first run's time).
# Output: dist/postino-VERSION-windows-setup.exe and a line `RESULT compile_s=... check=...`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
CHECK=0 STUB=0 SOURCE=dist/postino-windows
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    --stub) STUB=1 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) SOURCE=$arg ;;
  esac
done
export WINEPREFIX=${WINEPREFIX:-$ROOT/build/wine} WINEDEBUG=${WINEDEBUG:--all} WINEDLLOVERRIDES="mscoree,mshtml="
command -v wine >/dev/null || { echo "wine is not installed (apt-get install wine wine32:i386)" >&2; exit 1; }
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

ISCC=build/innosetup/node_modules/innosetup/bin/ISCC.exe
if [ ! -f "$ISCC" ]; then
  npm install --prefix build/innosetup --no-audit --no-fund --silent innosetup@6.4.1
fi
[ -d "$WINEPREFIX" ] || wineboot --init >/dev/null 2>&1
"$PY" installer/make_icons.py build/icons

if [ "$STUB" = 1 ]; then
  SOURCE=build/windows-stub
  rm -rf "$SOURCE" && mkdir -p "$SOURCE/_internal"
  cp "$WINEPREFIX/drive_c/windows/system32/hostname.exe" "$SOURCE/postino.exe"
  cp -R resources "$SOURCE/_internal/resources"
fi
[ -f "$SOURCE/postino.exe" ] || { echo "no $SOURCE/postino.exe: build the bundle on Windows, or use --stub" >&2; exit 1; }

START=$(date +%s)
wine "$ISCC" /Q "/DSourceDir=$(winepath -w "$SOURCE")" "/DAppVersion=$VERSION" \
  "/DOutputDir=$(winepath -w dist)" "$(winepath -w installer/windows/postino.iss)"
wineserver -w
SETUP=dist/postino-$VERSION-windows-setup.exe
[ -f "$SETUP" ] || { echo "ISCC did not produce $SETUP" >&2; exit 1; }
COMPILE_S=$(( $(date +%s) - START ))

RESULT=skipped
if [ "$CHECK" = 1 ]; then
  # Setup creates its (hidden) wizard window even when silent: Wine needs an X display.
  if [ -z "${DISPLAY:-}" ]; then
    xvfb-run -a bash installer/windows/check-install.sh "$SETUP"
  else
    bash installer/windows/check-install.sh "$SETUP"
  fi
  RESULT=passed
fi
echo "RESULT compile_s=$COMPILE_S setup_mb=$(du -m "$SETUP" | cut -f1) check=$RESULT setup=$SETUP"
