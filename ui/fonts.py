"""A colour-emoji font behind the app's font, so "🎂 Buon compleanno" shows the cake.

Shop owners put emoji in subjects; with a plain text font Qt draws an empty box unless the
system's fallback happens to know an emoji font. ``install_emoji_fallback`` finds an
installed emoji family (Noto Color Emoji on Linux — Debian's ``fonts-noto-color-emoji`` —,
Segoe UI Emoji on Windows, Apple Color Emoji on macOS) and puts it after the app font, both
as the application font's family list and as a substitution of the base family, so widgets
that build their own fonts from a family name get it too.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtGui import QFont, QFontDatabase
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
    """Put an installed emoji family after the app font; returns it (``None`` if there is none)."""
    emoji = choose_emoji_family(QFontDatabase.families())
    if emoji is None:
        return None
    font = QFont(app.font())
    families = [f for f in font.families() or [font.family()] if f != emoji]
    font.setFamilies([*families, emoji])
    app.setFont(font)
    for base in families:
        if emoji.casefold() not in (f.casefold() for f in QFont.substitutes(base)):
            QFont.insertSubstitution(base, emoji)
    return emoji
