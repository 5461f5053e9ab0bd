#!/usr/bin/env bash
# Build Postino for Linux from this checkout:
#   dist/postino/                          the PyInstaller one-folder bundle (dist/postino/postino)
#   dist/postino-VERSION-linux-ARCH.tar.xz  bundle + .desktop file + hicolor icons + install.sh
#   dist/Postino.AppDir/                   ready for: appimagetool dist/Postino.AppDir (docs/install.md)
# Ends with one line `RESULT build_s=... unpacked_mb=... tar_xz_mb=... glibc_floor=...`.
# PYTHON picks the interpreter (default .venv/bin/python; needs `pip install -e ".[build]"`).
# --no-archive skips the .tar.xz and the AppDir (a quicker check of the bundle alone).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
ARCHIVE=1
[ "${1:-}" = "--no-archive" ] && ARCHIVE=0
START=$(date +%s)

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/postino.spec
BUNDLE=dist/postino
[ -x "$BUNDLE/postino" ] || { echo "build failed: no $BUNDLE/postino" >&2; exit 1; }

# The oldest glibc the bundle runs on is the newest GLIBC_x.y symbol version any file asks for.
GLIBC_FLOOR=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name postino \) -exec objdump -T {} + 2>/dev/null |
  grep -o 'GLIBC_[0-9.]*' | sort -u -V | tail -1 | sed 's/GLIBC_//')

TAR_MB=0
if [ "$ARCHIVE" = 1 ]; then
  NAME=postino-$VERSION-linux-$ARCH
  STAGE=build/$NAME
  rm -rf "$STAGE" && mkdir -p "$STAGE/share/applications" "$STAGE/share/icons"
  cp -al "$BUNDLE" "$STAGE/postino"  # hard links: no second copy of 200 MB on disk
  cp -R build/icons/hicolor "$STAGE/share/icons/"
  cp installer/linux/postino.desktop "$STAGE/share/applications/postino.desktop"
  cp installer/linux/install.sh "$STAGE/install.sh"
  if command -v desktop-file-validate >/dev/null 2>&1; then
    mkdir -p build/check
    sed 's|@EXEC@|postino|g' installer/linux/postino.desktop > build/check/postino.desktop
    desktop-file-validate build/check/postino.desktop
  fi
  # -T0: every core. Level 3: 71 MB instead of level 6's 64 MB, in about half the time.
  tar -C build -cf - "$NAME" | xz -T0 -3 > "dist/$NAME.tar.xz.tmp"
  mv "dist/$NAME.tar.xz.tmp" "dist/$NAME.tar.xz"
  TAR_MB=$(du -m "dist/$NAME.tar.xz" | cut -f1)

  APPDIR=dist/Postino.AppDir
  rm -rf "$APPDIR" && mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/icons"
  cp -al "$BUNDLE" "$APPDIR/usr/lib/postino"
  cp -R build/icons/hicolor "$APPDIR/usr/share/icons/"
  cp installer/linux/AppRun "$APPDIR/AppRun"
  # Inside an AppImage the program is not on PATH: no TryExec, or menus would hide the entry.
  sed -e 's|@EXEC@|postino|g' -e '/^TryExec=/d' installer/linux/postino.desktop > "$APPDIR/postino.desktop"
  cp "$APPDIR/postino.desktop" "$APPDIR/usr/share/applications/postino.desktop"
  cp build/icons/hicolor/256x256/apps/postino.png "$APPDIR/postino.png"
  ln -sf postino.png "$APPDIR/.DirIcon"
fi

UNPACKED_MB=$(du -sm "$BUNDLE" | cut -f1)
echo "RESULT build_s=$(( $(date +%s) - START )) unpacked_mb=$UNPACKED_MB tar_xz_mb=$TAR_MB glibc_floor=$GLIBC_FLOOR version=$VERSION"
