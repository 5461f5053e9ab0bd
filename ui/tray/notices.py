"""What the user must act on, told once each, and a wake from sleep noticed.

``Notices`` reads the engine's status (errors, channels paused by the server: SMTP login
refused, Twilio error, keyring locked, daily cap) and the uncertain count; each new one is
shown once, with the section of the app that fixes it. ``WakeWatch`` compares the wall clock
with the monotonic one (which stands still while the PC sleeps): a jump means the PC slept,
and the engine sweeps so every rule follows its missed-window policy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from desktop.messages import text
from desktop.service.engine import EngineStatus
from ui.resources import LANGUAGE
from ui.tray.words import say

WAKE_JUMP_SECONDS = 120.0


@dataclass(frozen=True)
class Notice:
    text: str
    section: str  # the page of the app that fixes it


class Notices:
    def __init__(self) -> None:
        self._errors_seen = 0
        self._told: set[str] = set()
        self._channels: dict[str, str] = {}
        self._uncertain = 0
        self.pending_attention = False

    def look(self, status: EngineStatus, uncertain: int) -> list[Notice]:
        out: list[Notice] = []
        errors = list(status.errors)
        for error in errors[self._errors_seen:]:
            stored = error.encode()
            if stored not in self._told:
                self._told.add(stored)
                out.append(Notice(say("tray.engine_error", why=text(error, LANGUAGE.code)), "activity"))
        self._errors_seen = len(errors)
        paused = dict(status.paused_channels)
        for name, why in paused.items():
            if self._channels.get(name) != why.encode():
                self._channels[name] = why.encode()
                out.append(Notice(say("tray.channel_paused", channel=name, why=text(why, LANGUAGE.code)),
                                  "settings"))
        if status.last_dispatch.get("sent", 0):  # messages went out: a channel not paused recovered
            self._channels = {name: why for name, why in self._channels.items() if name in paused}
        out.extend(self._secret_notes(status))
        if uncertain > self._uncertain:
            out.append(Notice(say("tray.uncertain", count=uncertain), "activity"))
        self._uncertain = uncertain
        if out:
            self.pending_attention = True
        return out

    def _secret_notes(self, status: EngineStatus) -> list[Notice]:
        """A configured channel sent to the outbox because its secret is missing or the keyring
        is locked: the user must act. (The sandbox switched on, or a channel never configured,
        is the user's choice: the same split the status line makes.)"""
        out = []
        for note in list(status.sandbox_notes):
            words = str(note.params.get("note", ""))
            if "not configured" in words or "sandbox is on" in words:
                continue
            stored = note.encode()
            if stored not in self._told:
                self._told.add(stored)
                out.append(Notice(say("tray.secret_missing", why=text(note, LANGUAGE.code)), "settings"))
        return out

    def attention(self, status: EngineStatus | None, uncertain: int) -> bool:
        """Red badge: a channel paused, uncertain rows, or errors told since the window was opened."""
        channels = bool(status and status.paused_channels)
        return channels or uncertain > 0 or self.pending_attention

    def seen(self) -> None:
        self.pending_attention = False


class WakeWatch:
    def __init__(self, on_wake: Callable[[], None], *, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic, jump: float = WAKE_JUMP_SECONDS) -> None:
        self._on_wake, self._wall, self._mono, self._jump = on_wake, wall, monotonic, jump
        self._last = (wall(), monotonic())

    def poll(self) -> bool:
        wall, mono = self._wall(), self._mono()
        slept = (wall - self._last[0]) - (mono - self._last[1])
        self._last = (wall, mono)
        if slept > self._jump:
            self._on_wake()
            return True
        return False
