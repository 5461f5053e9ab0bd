"""The interface every channel implements (SMTP, Twilio, sandbox outbox, recording).

The dispatcher only sees this: ``open()``, ``send(message) -> SendResult``, ``close()``.
A channel never raises for a per-message problem; it answers with an outcome the ledger
can record. It raises ``ChannelUnavailable`` only when it cannot work at all (bad login,
server down), which the dispatcher turns into deferrals with the channel's exact answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from desktop.messages import Msg

SENT = "sent"            # the provider accepted it; provider_id says which message
RETRY = "retry"          # temporary: try again later (4xx, 5xx from an API, connection lost before data)
BACKOFF = "backoff"      # the provider asks us to slow down: retry later, stop this channel's batch
FAILED = "failed"        # permanent: the provider refused this message (the answer is the reason)
UNCERTAIN = "uncertain"  # the message may or may not have gone out: never resend blindly

OUTCOMES = (SENT, RETRY, BACKOFF, FAILED, UNCERTAIN)


@dataclass
class OutgoingMessage:
    """One rendered message ready for a channel. ``data`` is the MIME bytes for e-mail."""

    ledger_id: int
    channel: str                   # 'email' | 'sms'
    to: str
    sender: str = ""
    subject: str = ""
    text: str = ""
    data: bytes = b""
    message_id: str = ""
    deadline: datetime | None = None   # SMS: must not be delivered after this instant
    now: datetime | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class SendResult:
    outcome: str
    provider_id: str = ""
    reason: str = ""
    retry_after: float | None = None          # seconds, when the provider says
    segments: int | None = None
    contact_update: dict[str, str] = field(default_factory=dict)  # e.g. {'sms_status': 'bounced'}
    msg: Msg | None = None     # the coded reason (``reason`` is its English text, for logs)

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")


class ChannelUnavailable(Exception):
    """The channel cannot send at all right now; the message is the server's answer (no secrets)."""

    def __init__(self, message: "str | Msg", permanent: bool = False) -> None:
        super().__init__(str(message))
        self.permanent = permanent
        self.msg: Msg | None = message if isinstance(message, Msg) else None


class Channel(Protocol):
    name: str     # 'email' | 'sms'
    kind: str     # 'smtp' | 'twilio' | 'sandbox' | 'recording'

    def open(self) -> None: ...

    def send(self, message: OutgoingMessage) -> SendResult: ...

    def close(self) -> None: ...
