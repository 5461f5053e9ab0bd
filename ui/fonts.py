"""A colour-emoji font behind the app's font, so "🎂 Buon compleanno" shows the cake.

Shop owners put emoji in subjects; with a plain text font Qt draws an empty box unless the
system's fallback happens to know an emoji font. ``install_emoji_fallback`` finds an
installed emoji family (Noto Color Emoji on Linux — Debian's ``fonts-noto-color-emoji`` —,
Segoe UI Emoji on Windows, Apple Color Emoji on macOS) and puts it after the app font in the
application font's family list, which every widget's font inherits.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

EMOJI_FAMILIES = ("Noto Color Emoji", "Segoe UI Emoji", "Apple Color Emoji", "Twemoji Mozilla",
                  "EmojiOne Color", "JoyPixels")


def choose_emoji_family(installed: Iterable[str]) -> str | None:
    """The first known colour-emoji family among ``installed`` (case-insensitive)."""
    by_key = {name.casefold(): name for name in installed}
    for family in EMOJI_FAMILIES:
        if family.casefold() in by_key:
            return by_key[family.casefold()]
    return None


def install_emoji_fallback(app: QApplication) -> str | None:
    """Put an installed emoji family after the app font; returns it (``None`` if there is none).

    The app font's family is often an alias ("Sans Serif") that only fontconfig resolves; in a
    family list Qt skips such a name and would draw every digit and space with the emoji
    font. So the list is the *resolved* family, then the emoji one.
    """
    emoji = choose_emoji_family(QFontDatabase.families())
    if emoji is None:
        return None
    font = QFont(app.font())
    real = QFontInfo(font).family()
    if real.casefold() == emoji.casefold():  # already installed once: keep what was resolved then
        real = next((f for f in font.families() if f.casefold() != emoji.casefold()), real)
    font.setFamilies([real, emoji])
    app.setFont(font)
    return emoji
