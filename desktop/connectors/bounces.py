"""Reading what comes back to the sender's mailbox: bounces, unsubscribe requests, auto-replies.

- A standard delivery status notification (RFC 3464: ``multipart/report;
  report-type=delivery-status``) is read with the ``email`` package: each recipient block's
  ``Action`` and ``Status`` say permanent (``failed`` with 5.x.x) or temporary (``delayed``, or
  4.x.x). Anything else goes to ``flufl.bounce`` (qmail, Exim's plain text and the other
  non-standard forms); its ``all_failures()`` answers ``(temporary, permanent)``.
- The original message is found by the ``Message-ID`` Postino gave it
  (``<postino.WORKSPACE.LEDGER@domain>``), wherever the bounce quotes it (the returned
  headers part, or the quoted text of a plain-text bounce).
- A message carrying a valid signed unsubscribe token (subject or body) is an unsubscribe
  request; without a valid token nothing is done (a From address can be forged).
- Auto-replies (``Auto-Submitted`` other than ``no``, ``X-Autoreply``, ``Precedence:
  auto_reply``, out-of-office subjects) are ignored — checked *after* bounces, since DSNs
  are themselves ``Auto-Submitted``.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, field
from email.message import Message

from flufl.bounce import all_failures

POSTINO_ID = re.compile(r"<postino\.([A-Za-z0-9]+)\.(\d+)@[^>\s]+>")
TOKEN = re.compile(r"[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{16,}")
OUT_OF_OFFICE = re.compile(r"^(out of (the )?office|automatic reply|auto[- ]?reply|risposta automatica|"
                           r"fuori (sede|ufficio)|assente|vacation|abwesenheit)", re.IGNORECASE)


@dataclass(frozen=True)
class Failure:
    address: str
    hard: bool
    status: str = ""
    diagnostic: str = ""


@dataclass
class Classified:
    kind: str                                   # bounce | unsubscribe | auto_reply | other
    message_id: str = ""                        # this message's own id (the event's uid)
    failures: list[Failure] = field(default_factory=list)
    originals: list[tuple[str, int]] = field(default_factory=list)   # (workspace id, ledger id)
    tokens: list[str] = field(default_factory=list)
    source: str = ""                            # dsn | flufl


def _text_of(msg: Message) -> str:
    """Every text the message carries, decoded, for searching ids and tokens."""
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_type() in ("message/delivery-status",):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            parts.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
        elif isinstance(payload, str):
            parts.append(payload)
    for part in msg.walk():            # returned headers parsed as message/rfc822 sub-messages
        if part.get_content_type() == "message/rfc822":
            for inner in part.get_payload() or []:
                if isinstance(inner, Message):
                    parts.extend(f"{k}: {v}" for k, v in inner.items())
    return "\n".join(parts)


def _dsn_failures(msg: Message) -> list[Failure]:
    found = []
    for part in msg.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        for block in blocks[1:] if isinstance(blocks, list) else []:
            action = str(block.get("Action", "")).strip().lower()
            status = str(block.get("Status", "")).strip().split(" ")[0]
            recipient = str(block.get("Final-Recipient") or block.get("Original-Recipient") or "")
            address = recipient.split(";", 1)[-1].strip().strip("<>")
            if action not in ("failed", "delayed") or not address:
                continue
            hard = action == "failed" and status.startswith("5")
            diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).split())
            found.append(Failure(address.lower(), hard, status, diagnostic[:300]))
    return found


def is_dsn(msg: Message) -> bool:
    return msg.get_content_type() == "multipart/report" and \
        (msg.get_param("report-type") or "").lower() == "delivery-status"


def is_auto_reply(msg: Message) -> bool:
    auto = str(msg.get("Auto-Submitted", "no")).strip().lower()
    precedence = str(msg.get("Precedence", "")).strip().lower()
    return (auto not in ("", "no") or msg.get("X-Autoreply") is not None or msg.get("X-Autorespond") is not None
            or precedence in ("auto_reply", "bulk", "junk")
            or bool(OUT_OF_OFFICE.match(str(msg.get("Subject", "")).strip())))


def classify(raw: bytes) -> Classified:
    msg = email.message_from_bytes(raw)
    own_id = str(msg.get("Message-ID", "")).strip()
    text = _text_of(msg)
    originals = [(ws, int(ledger)) for ws, ledger in POSTINO_ID.findall(text)]
    if is_dsn(msg):
        failures = _dsn_failures(msg)
        if failures:
            return Classified("bounce", own_id, failures, originals, source="dsn")
    temporary, permanent = all_failures(msg)
    if temporary or permanent:
        failures = [Failure(a.decode().lower(), True) for a in sorted(permanent)]
        failures += [Failure(a.decode().lower(), False) for a in sorted(temporary - permanent)]
        status = re.search(r"#?([45]\.\d{1,3}\.\d{1,3})", text)
        if status:
            failures = [Failure(f.address, f.hard, status.group(1)) for f in failures]
        return Classified("bounce", own_id, failures, originals, source="flufl")
    if is_auto_reply(msg):
        return Classified("auto_reply", own_id)
    subject = str(msg.get("Subject", ""))
    tokens = TOKEN.findall(subject + "\n" + text)
    if tokens:
        return Classified("unsubscribe", own_id, originals=originals, tokens=tokens)
    return Classified("other", own_id)
