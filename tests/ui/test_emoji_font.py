"""Emoji in subjects are drawn in colour: the app puts an installed emoji font after its own."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QFontMetricsF, QImage, QPainter
from PySide6.QtCore import Qt

from ui.fonts import choose_emoji_family, install_emoji_fallback


def _colourful_pixels(font: QFont, text: str) -> int:
    image = QImage(240, 60, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    big = QFont(font)
    big.setPixelSize(32)
    painter.setFont(big)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            if QColor(image.pixel(x, y)).hsvSaturation() > 80:
                count += 1
    return count


def test_the_first_known_emoji_family_is_chosen() -> None:
    assert choose_emoji_family(["DejaVu Sans", "noto color emoji"]) == "noto color emoji"
    assert choose_emoji_family(["Segoe UI", "Segoe UI Emoji", "Noto Color Emoji"]) == "Noto Color Emoji"
    assert choose_emoji_family(["DejaVu Sans"]) is None


def test_the_fallback_is_configured_and_the_cake_is_drawn_in_colour(qapp) -> None:
    if "Noto Color Emoji" not in QFontDatabase.families():
        pytest.skip("needs Debian's fonts-noto-color-emoji (scripts/dev.sh installs it)")
    before = QFont(qapp.font())
    real = QFontInfo(before).family()
    text = "1000 Tutte le regole"
    width = QFontMetricsF(before).horizontalAdvance(text)
    try:
        assert install_emoji_fallback(qapp) == "Noto Color Emoji"
        font = qapp.font()
        assert font.families() == [real, "Noto Color Emoji"]
        # Digits and spaces stay in the text font (Noto Color Emoji has glyphs for them too).
        assert QFontInfo(font).family() == real
        assert QFontMetricsF(font).horizontalAdvance(text) == width
        assert install_emoji_fallback(qapp) == "Noto Color Emoji"  # twice: the same list
        assert qapp.font().families() == [real, "Noto Color Emoji"]
        assert _colourful_pixels(qapp.font(), "Auguri 🎂") > 100
        assert _colourful_pixels(qapp.font(), "Auguri") == 0
    finally:
        qapp.setFont(before)
