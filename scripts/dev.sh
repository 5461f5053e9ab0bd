#!/usr/bin/env bash
# One script for a fresh Debian/Ubuntu machine (Python 3.11+):
#   bash scripts/dev.sh app    set up, build the demo workspace if needed, open the app on it
#   bash scripts/dev.sh test   set up, run the whole test suite (exit 5 "no tests" is a failure)
#   bash scripts/dev.sh setup  set up only
# Set-up: Debian packages for headless Qt (when root), a virtual environment in .venv, pip packages.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-app}
shift || true

DEBS=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
      libxcb-shape0 libxcb-cursor0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0
      libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
      dbus-daemon gnome-keyring  # a real SecretService for tests/test_delivery_keyring.py
      dovecot-imapd               # a real IMAP server for the mailbox connector's tests
      desktop-file-utils x11-utils binutils xz-utils  # the installer tests: validate, xwininfo, objdump
      trayer xdotool dbus-x11     # a real system tray under Xvfb for the tray tests
      fonts-noto-color-emoji)     # emoji in subjects (ui/fonts.py falls back to it)

pick_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Postino needs Python 3.11 or newer (apt-get install python3)" >&2
  return 1
}

install_debs() {
  [ "$(id -u)" = 0 ] || return 0
  command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "${DEBS[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing+=("python3-venv")
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

setup() {
  PY=$(pick_python)
  install_debs
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  local stamp=.venv/.postino-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test,build]"
    touch "$stamp"
  fi
}

run_app() {
  local data="${POSTINO_DEMO_DIR:-$ROOT/demo-workspace}"
  if [ ! -f "$data/postino.db" ]; then
    .venv/bin/python main.py --data-dir "$data" demo
  fi
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No screen found: starting Postino on a virtual screen (Xvfb). Close it with Ctrl+C."
    exec xvfb-run -a .venv/bin/python main.py --data-dir "$data" "$@"
  fi
  exec .venv/bin/python main.py --data-dir "$data" "$@"
}

run_tests() {
  export QT_QPA_PLATFORM=offscreen
  local status=0
  if command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a .venv/bin/python -m pytest "$@" || status=$?
  else
    .venv/bin/python -m pytest "$@" || status=$?
  fi
  if [ "$status" = 5 ]; then
    echo "pytest collected no tests: treating that as a failure" >&2
    exit 1
  fi
  exit "$status"
}

case "$MODE" in
  setup) setup ;;
  app) setup; run_app "$@" ;;
  test) setup; run_tests "$@" ;;
  *) echo "usage: bash scripts/dev.sh app|test|setup" >&2; exit 2 ;;
esac
