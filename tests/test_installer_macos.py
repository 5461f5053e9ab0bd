"""What the spec asks PyInstaller for, on Linux and as a Mac build would (checked without a Mac).

The spec is executed the way PyInstaller executes it — a Python file run with ``Analysis``,
``PYZ``, ``EXE``, ``COLLECT`` and ``BUNDLE`` in its globals — with recorders in their place,
so the test sees the exact arguments a real build gets: the modules collected for pkgutil,
the Info.plist of the ``.app``, the names the LaunchAgent and the dmgbuild settings rely on.
"""

from __future__ import annotations

import plistlib
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "postino.spec"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


class Recorder:
    def __init__(self) -> None:
        self.calls: dict[str, dict[str, Any]] = {}

    def __call__(self, name: str):
        def build(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] = {"args": args, **kwargs}
            result = type(name, (), {})()
            result.binaries, result.datas, result.pure, result.scripts = [], [], [], []
            return result
        return build


def run_spec(platform: str, monkeypatch) -> dict[str, dict[str, Any]]:
    recorder = Recorder()
    monkeypatch.setattr(sys, "platform", platform)
    spec_globals = {"__file__": str(SPEC), "SPECPATH": str(SPEC.parent), "__name__": "__main__",
                    **{n: recorder(n) for n in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}}
    exec(compile(SPEC.read_text(), str(SPEC), "exec"), spec_globals)
    recorder.calls["_globals"] = spec_globals
    return recorder.calls


@pytest.fixture(scope="module")
def linux_build() -> dict[str, dict[str, Any]]:
    with pytest.MonkeyPatch.context() as mp:
        return run_spec("linux", mp)


@pytest.fixture(scope="module")
def mac_build() -> dict[str, dict[str, Any]]:
    with pytest.MonkeyPatch.context() as mp:
        return run_spec("darwin", mp)


def test_every_command_and_migration_module_is_collected(linux_build) -> None:
    """pkgutil in a bundle only lists what the spec collected: every module must be named."""
    import pkgutil

    import desktop.cli
    import desktop.store.migrations

    hidden = set(linux_build["Analysis"]["hiddenimports"])
    for package in (desktop.cli, desktop.store.migrations):
        for info in pkgutil.iter_modules(package.__path__):
            assert f"{package.__name__}.{info.name}" in hidden
    assert "ui.self_test" in hidden and "keyring.backends.SecretService" in hidden


def test_resources_and_pyproject_go_into_the_bundle_and_test_tools_stay_out(linux_build) -> None:
    datas = linux_build["Analysis"]["datas"]
    assert (str(ROOT / "resources"), "resources") in datas and (str(ROOT / "pyproject.toml"), ".") in datas
    assert any(dest.startswith("certifi") for _, dest in datas) and any(dest.startswith("tzdata") for _, dest in datas)
    excludes = set(linux_build["Analysis"]["excludes"])
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf", "PySide6.QtVirtualKeyboard", "keyrings", "pytest"} <= excludes


def test_the_filter_drops_gtk_and_unused_qt_but_keeps_what_postino_needs(linux_build) -> None:
    keep = linux_build["_globals"]["_keep"]
    dropped = ["libgtk-3.so.0", "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libQt6Qml.so.6",
               "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "libfontconfig.so.1",
               "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/plugins/platforms/libqvnc.so"]
    kept = ["libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Charts.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/translations/qtbase_it.qm",
            "PySide6/Qt/translations/qtbase_en.qm", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    assert [d for d in dropped if keep((d, "", "BINARY"))] == []
    assert [k for k in kept if not keep((k, "", "BINARY"))] == []


def test_the_bundle_is_dist_postino_with_the_postino_executable(linux_build) -> None:
    assert linux_build["EXE"]["name"] == "postino" and linux_build["COLLECT"]["name"] == "postino"
    assert linux_build["EXE"]["console"] is True
    assert "BUNDLE" not in linux_build


def test_the_mac_app_bundle_and_its_info_plist(mac_build) -> None:
    bundle = mac_build["BUNDLE"]
    assert bundle["name"] == "Postino.app" and bundle["bundle_identifier"] == "app.postino.desktop"
    assert bundle["version"] == VERSION
    assert Path(bundle["icon"]).is_file() and Path(bundle["icon"]).read_bytes()[:4] == b"icns"
    info = plistlib.loads(plistlib.dumps(bundle["info_plist"]))  # only plist types inside
    assert info["CFBundleIdentifier"] == "app.postino.desktop"
    assert info["CFBundleShortVersionString"] == VERSION and info["CFBundleVersion"] == VERSION
    assert info["LSUIElement"] is False and info["NSHighResolutionCapable"] is True
    assert mac_build["EXE"]["icon"].endswith("postino.icns")


def test_the_login_agent_starts_the_executable_the_app_bundle_contains(mac_build) -> None:
    agent = plistlib.loads((ROOT / "installer/macos/app.postino.desktop.login.plist").read_bytes())
    app, exe = mac_build["BUNDLE"]["name"], mac_build["EXE"]["name"]
    assert agent["Label"] == mac_build["BUNDLE"]["info_plist"]["PostinoLoginItemLabel"]
    assert agent["ProgramArguments"] == [f"/Applications/{app}/Contents/MacOS/{exe}", "--background"]
    assert agent["RunAtLoad"] is True


def test_the_dmg_holds_the_app_the_spec_builds_and_a_link_to_applications(mac_build) -> None:
    settings: dict[str, Any] = {"defines": {}}
    exec(compile((ROOT / "installer/macos/dmg_settings.py").read_text(), "dmg_settings.py", "exec"), settings)
    app = mac_build["BUNDLE"]["name"]
    assert settings["files"] == [f"dist/{app}"] and settings["symlinks"] == {"Applications": "/Applications"}
    assert set(settings["icon_locations"]) == {app, "Applications"}
    assert (ROOT / settings["icon"]).is_file()  # written by the spec's make_icons step
    assert settings["format"] == "UDZO"
