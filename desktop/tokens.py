"""Signed tokens for unsubscribe, click and open links: HMAC-SHA256 with a per-workspace key.

The links' pages belong to the endpoint (``desktop/endpoint``); this module only makes and
checks the tokens, so both sides agree on one format: ``<payload>.<signature>``, both
base64url, where the payload starts with its purpose:

* ``unsub:<contact id>:<channel>`` — unsubscribe;
* ``click:<ledger id>:<link index>:<url>`` — a tracked link: the redirect's target is the
  signed URL itself, so an altered token can never send anyone elsewhere;
* ``open:<ledger id>`` — the open pixel.

The purpose is inside what is signed, so one kind of token never passes for another. A
copied workspace keeps its key, so old links keep working; a new workspace gets a new key,
so its links cannot be forged from another's.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

KEY_NAME = "token_key"
_SIG_BYTES = 16


@dataclass(frozen=True)
class TokenInfo:
    purpose: str
    contact_id: int
    channel: str


@dataclass(frozen=True)
class ClickInfo:
    ledger_id: int
    index: int
    url: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _unb64(text: str) -> bytes:
    """Decode only the canonical form ``_b64`` writes: the URL-safe alphabet, no padding, and
    no spare bits (``QQ`` and ``QR`` decode to the same byte; only one is ours)."""
    if not text or not _ALPHABET.issuperset(text):
        raise ValueError("not canonical base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64(data) != text:
        raise ValueError("not canonical base64url")
    return data


def workspace_key(ws: "Workspace") -> bytes:
    """The workspace's signing key, created on first use (INSERT OR IGNORE: races are safe)."""
    ws.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                  [KEY_NAME, secrets.token_hex(32)])
    return bytes.fromhex(ws.meta(KEY_NAME) or "")


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()[:_SIG_BYTES]


def make_token(key: bytes, contact_id: int, channel: str = "email", purpose: str = "unsub") -> str:
    payload = f"{purpose}:{int(contact_id)}:{channel}".encode("ascii")
    return f"{_b64(payload)}.{_b64(_sign(key, payload))}"


_PART = re.compile(r"[a-z_]{1,20}")
_ID = re.compile(r"[1-9][0-9]{0,18}")


def _payload(key: bytes, token: object, longest: int = 512) -> bytes | None:
    """The signed payload of a canonical ``<payload>.<signature>`` token, else ``None``."""
    if not isinstance(token, str) or not isinstance(key, (bytes, bytearray)) or len(token) > longest:
        return None
    try:
        head, sig = token.split(".")
        payload = _unb64(head)
        if len(sig) != len(_b64(bytes(_SIG_BYTES))) or not hmac.compare_digest(_sign(bytes(key), payload), _unb64(sig)):
            return None
    except ValueError:
        return None
    return payload


def verify_token(key: bytes, token: object) -> TokenInfo | None:
    """The token's content if it is exactly a token ``make_token`` writes and its signature is
    right, else ``None`` — for any input at all (a link's path is whatever a stranger typed).

    Only the canonical spelling is accepted: no spaces, padding, other base64 alphabets,
    extra dots or fields, leading zeros or signs in the id, changes of case. One contact and
    purpose has exactly one valid token, so a token can be compared and stored as text.
    """
    payload = _payload(key, token)
    if payload is None:
        return None
    try:
        purpose, contact, channel = payload.decode("ascii").split(":")
    except (ValueError, UnicodeError):
        return None
    if not (_PART.fullmatch(purpose) and _ID.fullmatch(contact) and _PART.fullmatch(channel)):
        return None
    return TokenInfo(purpose, int(contact), channel)


# A tracked URL: http(s), a host, nothing a header or a page could be split with.
_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][\x21-\x7e]*)?", re.IGNORECASE)
_INDEX = re.compile(r"0|[1-9][0-9]{0,3}")
LONGEST_URL = 2000
LONGEST_CLICK = 3000  # characters of a whole click token: a 2,000-character URL in base64 and a signature


def trackable_url(url: str) -> bool:
    """Only plain http(s) addresses are rewritten (and so only they can ever be redirected to)."""
    return len(url) <= LONGEST_URL and _URL.fullmatch(url) is not None


def make_click_token(key: bytes, ledger_id: int, index: int, url: str) -> str:
    if not trackable_url(url):
        raise ValueError("not a trackable http(s) URL")
    payload = f"click:{int(ledger_id)}:{int(index)}:{url}".encode("utf-8")
    return f"{_b64(payload)}.{_b64(_sign(key, payload))}"


def verify_click(key: bytes, token: object) -> ClickInfo | None:
    """The send, link and target a click token names, if it is one of ours; else ``None``."""
    payload = _payload(key, token, LONGEST_CLICK)
    if payload is None:
        return None
    try:
        purpose, ledger, index, url = payload.decode("utf-8").split(":", 3)
    except (ValueError, UnicodeError):
        return None
    if purpose != "click" or not _ID.fullmatch(ledger) or not _INDEX.fullmatch(index) or not trackable_url(url):
        return None
    return ClickInfo(int(ledger), int(index), url)


def make_open_token(key: bytes, ledger_id: int) -> str:
    payload = f"open:{int(ledger_id)}".encode("ascii")
    return f"{_b64(payload)}.{_b64(_sign(key, payload))}"


def verify_open(key: bytes, token: object) -> int | None:
    """The ledger id an open token names, if it is one of ours; else ``None``."""
    payload = _payload(key, token, 64)
    if payload is None:
        return None
    try:
        purpose, ledger = payload.decode("ascii").split(":")
    except (ValueError, UnicodeError):
        return None
    return int(ledger) if purpose == "open" and _ID.fullmatch(ledger) else None


def unsubscribe_url(base_url: str, key: bytes, contact_id: int, channel: str = "email") -> str:
    """The footer and ``List-Unsubscribe`` link: ``<base>/unsubscribe/<token>``."""
    return f"{base_url.rstrip('/')}/unsubscribe/{make_token(key, contact_id, channel)}"
