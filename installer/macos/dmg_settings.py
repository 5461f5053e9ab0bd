# dmgbuild settings for Postino's disk image (https://dmgbuild.readthedocs.io/en/latest/settings.html).
# On a Mac, after the PyInstaller build made dist/Postino.app:
#   pip install dmgbuild
#   dmgbuild -s installer/macos/dmg_settings.py -D app=dist/Postino.app "Postino" dist/Postino.dmg
# Sign the .app before this step and notarise the .dmg after it (docs/install.md, "macOS").
# `defines` is provided by dmgbuild (the -D options); this file is Python run by dmgbuild.
import os.path

application = defines.get("app", "dist/Postino.app")  # noqa: F821 - dmgbuild global
appname = os.path.basename(application)

format = defines.get("format", "UDZO")  # noqa: F821 - zlib-compressed, readable on every macOS
filesystem = "HFS+"
size = None  # computed from the contents

files = [application]
symlinks = {"Applications": "/Applications"}  # drag the app onto it to install
icon = defines.get("icon", "build/icons/postino.icns")  # noqa: F821 - written by installer/make_icons.py
icon_locations = {appname: (140, 120), "Applications": (500, 120)}

window_rect = ((100, 100), (640, 300))
default_view = "icon-view"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
icon_size = 128
text_size = 14
