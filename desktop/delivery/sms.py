"""SMS length: GSM-7 or UCS-2, and how many segments (what the carrier bills).

GSM-7 carries 160 characters in one message or 153 per part when split (the rest is the
concatenation header); the extension table's characters (``{ } [ ] ~ \\ | ^ €`` and form
feed) take two septets. Any character outside GSM-7 switches the whole message to UCS-2:
70 in one, 67 per part, where characters beyond the BMP (most emoji) take two units. A
multi-unit character is never split across parts, as phones do.
"""

from __future__ import annotations

from dataclasses import dataclass

GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = "\f^{}\\[~]|€"
_BASIC = frozenset(GSM7_BASIC) - {"\x1b"}
_EXT = frozenset(GSM7_EXTENSION)


@dataclass(frozen=True)
class SegmentInfo:
    encoding: str       # 'GSM-7' | 'UCS-2'
    characters: int     # as the user counts them (code points)
    units: int          # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    per_segment: int    # capacity of one part in this message (160/153 or 70/67)


def is_gsm7(text: str) -> bool:
    return all(ch in _BASIC or ch in _EXT for ch in text)


def _split(widths: list[int], capacity: int) -> int:
    parts, used = 1, 0
    for width in widths:
        if used + width > capacity:
            parts += 1
            used = 0
        used += width
    return parts


def sms_segments(text: str) -> SegmentInfo:
    """Encoding, length and segment count of ``text`` (0 segments for an empty text)."""
    if is_gsm7(text):
        widths = [2 if ch in _EXT else 1 for ch in text]
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        widths = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
        single, multi, encoding = 70, 67, "UCS-2"
    units = sum(widths)
    if units == 0:
        return SegmentInfo(encoding, 0, 0, 0, single)
    if units <= single:
        return SegmentInfo(encoding, len(text), units, 1, single)
    return SegmentInfo(encoding, len(text), units, _split(widths, multi), multi)
