"""The recording channel: keeps every message in memory (simulation and tests).

The simulator runs the real dispatcher against it, so what it shows is exactly what would
have been sent, without a server.
"""

from __future__ import annotations

from desktop.delivery.channel import SENT, OutgoingMessage, SendResult
from desktop.delivery.sms import sms_segments


class RecordingChannel:
    kind = "recording"

    def __init__(self, name: str, *, mime: bool = True, paced: bool = False) -> None:
        self.name = name
        # The simulator paces its recording channels like the real provider (on a virtual
        # clock), so a big batch spreads over time — and into quiet hours — as it really would.
        self.paced = paced
        # The simulator needs what a person reads (subject, text), not the wire bytes; building
        # MIME is most of an e-mail's cost, so it can be left out.
        self.wants_mime = mime
        self.messages: list[OutgoingMessage] = []
        self.opened = 0
        self.closed = 0

    def open(self) -> None:
        self.opened += 1

    def close(self) -> None:
        self.closed += 1

    def send(self, message: OutgoingMessage) -> SendResult:
        self.messages.append(message)
        segments = sms_segments(message.text).segments if message.channel == "sms" else None
        return SendResult(SENT, provider_id=f"recorded:{len(self.messages)}", segments=segments)
