#!/usr/bin/env bash
# Silent install and uninstall of Postino's setup under Wine, checking what each leaves behind:
#   bash installer/windows/check-install.sh dist/postino-VERSION-windows-setup.exe
# Install (/TASKS=startatlogin) must write the program, the Start-menu entry and the Run value;
# uninstall must remove all three and keep the workspace (%LOCALAPPDATA%\Postino); a second
# round with /DELETEDATA must remove the workspace too. Exit 0 when every check holds.
set -euo pipefail
SETUP=$1
export WINEDEBUG=${WINEDEBUG:--all}
RUN_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'

unix() { winepath -u "$(wine cmd /c echo "$1" 2>/dev/null | tr -d '\r')"; }
fail() { echo "FAIL $*" >&2; exit 1; }
run_value() { wine reg query "$RUN_KEY" /v Postino 2>/dev/null | tr -d '\r' | grep -i 'postino' || true; }

LOCAL=$(unix '%LOCALAPPDATA%')
ROAMING=$(unix '%APPDATA%')
APP="$LOCAL/Programs/Postino"
LINK="$ROAMING/Microsoft/Windows/Start Menu/Programs/Postino.lnk"
WORKSPACE="$LOCAL/Postino"

install() {
  wine "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /TASKS=startatlogin
  wineserver -w
  [ -f "$APP/postino.exe" ] || fail "no $APP/postino.exe after install"
  [ -d "$APP/_internal/resources" ] || fail "no resources/ under $APP/_internal"
  [ -f "$LINK" ] || fail "no Start-menu entry $LINK"
  local value
  value=$(run_value)
  [[ "$value" == *'"C:\users\'*'\AppData\Local\Programs\Postino\postino.exe" --background'* ]] ||
    fail "Run value is '$value'"
  echo "ok   install: $APP, Start-menu entry, Run value: $value"
}

uninstall() {
  wine "$APP/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "$@"
  wineserver -w  # the uninstaller re-runs itself from a temporary copy: wait for every process
  [ ! -e "$APP/postino.exe" ] || fail "$APP/postino.exe still there after uninstall"
  [ ! -e "$LINK" ] || fail "Start-menu entry still there after uninstall"
  [ -z "$(run_value)" ] || fail "Run value still there after uninstall"
}

install
mkdir -p "$WORKSPACE" && echo "stand-in" > "$WORKSPACE/postino.db"
uninstall
[ -f "$WORKSPACE/postino.db" ] || fail "the uninstaller deleted the workspace"
echo "ok   uninstall: program, Start-menu entry and Run value gone; workspace kept"

install
uninstall /DELETEDATA
[ ! -e "$WORKSPACE" ] || fail "/DELETEDATA left the workspace"
echo "ok   uninstall /DELETEDATA: workspace deleted"
