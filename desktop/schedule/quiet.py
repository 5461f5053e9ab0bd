"""Quiet-hours bands as a per-minute mask of the local day.

A mask (one flag per minute of a wall-clock day) makes every question simple and exact:
"is 21:37 quiet?", "where does this band end?", and merging the rule's own bands with the
business default without caring about overlaps or bands that cross midnight.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

MINUTES_PER_DAY = 1440
_BAND = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


class Band(NamedTuple):
    """Quiet from ``start`` (included) to ``end`` (excluded), minutes after midnight; end < start crosses midnight."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"{hhmm(self.start)}-{hhmm(self.end)}"

    def label(self) -> str:
        return f"{hhmm(self.start)}–{hhmm(self.end)}"


def hhmm(minute: int) -> str:
    minute %= MINUTES_PER_DAY
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_time(text: object) -> int | None:
    """Minutes after midnight for ``HH:MM`` (00:00–23:59), or None if it is not one."""
    if not isinstance(text, str):
        return None
    match = _TIME.match(text)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        return None
    return hours * 60 + minutes


def parse_band(text: object) -> Band | None:
    """A band like ``21:00-09:00`` (an en dash is accepted too), or None if it is not one."""
    if not isinstance(text, str):
        return None
    match = _BAND.match(text)
    if not match:
        return None
    start = parse_time(f"{match[1]}:{match[2]}")
    end = parse_time(f"{match[3]}:{match[4]}")
    if start is None or end is None or start == end:
        return None
    return Band(start, end)


def split_bands(text: str) -> list[str]:
    """The settings' comma-separated list of bands."""
    return [part.strip() for part in text.split(",") if part.strip()]


def mask(bands: Iterable[Band]) -> tuple[bool, ...]:
    return _mask(tuple(sorted(set(bands))))


@lru_cache(maxsize=256)
def _mask(bands: tuple[Band, ...]) -> tuple[bool, ...]:
    quiet = [False] * MINUTES_PER_DAY
    for band in bands:
        minute = band.start
        while minute != band.end:
            quiet[minute] = True
            minute = (minute + 1) % MINUTES_PER_DAY
    return tuple(quiet)


@lru_cache(maxsize=256)
def merged(quiet: tuple[bool, ...]) -> tuple[Band, ...]:
    """The mask as the fewest disjoint bands, a band crossing midnight kept whole."""
    if all(quiet):
        return (Band(0, 0),)
    if not any(quiet):
        return ()
    # Start scanning at an allowed minute so no band is cut in two at midnight.
    origin = quiet.index(False)
    bands: list[Band] = []
    start: int | None = None
    for step in range(1, MINUTES_PER_DAY + 1):
        minute = (origin + step) % MINUTES_PER_DAY
        if quiet[minute] and start is None:
            start = minute
        elif not quiet[minute] and start is not None:
            bands.append(Band(start, minute))
            start = None
    return tuple(sorted(bands, key=lambda band: band.start))


def band_containing(quiet: tuple[bool, ...], minute: int) -> Band | None:
    for band in merged(quiet):
        if band.start == band.end:
            return band
        inside = band.start <= minute < band.end if band.start < band.end else (
            minute >= band.start or minute < band.end)
        if inside:
            return band
    return None


@lru_cache(maxsize=256)
def allowed_starts(quiet: tuple[bool, ...]) -> tuple[int, ...]:
    """Minutes where quiet hours end (a send may go out again); midnight is always included."""
    starts = {0}
    for minute in range(MINUTES_PER_DAY):
        if not quiet[minute] and quiet[minute - 1]:
            starts.add(minute)
    return tuple(sorted(starts))
