#!/bin/sh
# Install Postino for this user only (no root): run from the unpacked archive.
#   sh install.sh              install (or update) into ~/.local
#   sh install.sh --uninstall  remove the program; your workspace (contacts, rules, history) stays
#   sh install.sh --uninstall --purge   also delete the workspace (asks first)
# POSTINO_PREFIX changes where the program goes (default ~/.local/opt/postino).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${POSTINO_PREFIX:-$HOME/.local/opt/postino}
BIN=$HOME/.local/bin
APPS=$DATA_HOME/applications
ICONS=$DATA_HOME/icons/hicolor
WORKSPACE=${POSTINO_DATA_DIR:-$DATA_HOME/Postino}

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true
}

uninstall() {
  rm -rf "$PREFIX"
  rm -f "$BIN/postino" "$APPS/postino.desktop"
  find "$ICONS" -path '*/apps/postino.*' -exec rm -f {} + 2>/dev/null || true
  refresh
  if [ "${1:-}" = "--purge" ]; then
    printf 'Delete the workspace %s (contacts, rules, history)? Type yes: ' "$WORKSPACE"
    read -r answer || answer=
    if [ "$answer" = yes ]; then
      rm -rf "$WORKSPACE"
      echo "Workspace deleted."
    else
      echo "Workspace kept in $WORKSPACE"
    fi
  else
    echo "Postino removed. Your workspace is still in $WORKSPACE"
  fi
}

install() {
  [ -x "$HERE/postino/postino" ] || { echo "run this from the unpacked Postino archive" >&2; exit 1; }
  mkdir -p "$(dirname "$PREFIX")" "$BIN" "$APPS" "$ICONS"
  # A new copy next to the old one, then swapped in, so a failed copy leaves the old one working.
  rm -rf "$PREFIX.new"
  cp -R "$HERE/postino" "$PREFIX.new"
  rm -rf "$PREFIX"
  mv "$PREFIX.new" "$PREFIX"
  ln -sf "$PREFIX/postino" "$BIN/postino"
  cp -R "$HERE/share/icons/hicolor/." "$ICONS/"
  sed "s|@EXEC@|$PREFIX/postino|g" "$HERE/share/applications/postino.desktop" > "$APPS/postino.desktop.tmp"
  mv "$APPS/postino.desktop.tmp" "$APPS/postino.desktop"
  refresh
  echo "Postino installed in $PREFIX; start it from the applications menu or with $BIN/postino"
}

case "${1:-}" in
  --uninstall) shift; uninstall "${1:-}" ;;
  "") install ;;
  *) echo "usage: sh install.sh [--uninstall [--purge]]" >&2; exit 2 ;;
esac
