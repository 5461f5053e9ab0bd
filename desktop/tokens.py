"""Signed tokens for unsubscribe links: HMAC-SHA256 with a per-workspace key in ``meta``.

The link's page belongs to the inbound HTTP server; this module only makes and checks the
token, so both sides agree on one format: ``<payload>.<signature>``, both base64url, where
the payload is ``<purpose>:<contact id>:<channel>``. A copied workspace keeps its key, so old
links keep working; a new workspace gets a new key, so its links cannot be forged from
another's.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
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


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


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


def verify_token(key: bytes, token: str) -> TokenInfo | None:
    """The token's content if its signature is right, else ``None`` (never an exception)."""
    try:
        head, sig = token.strip().split(".", 1)
        payload = _unb64(head)
        if not hmac.compare_digest(_sign(key, payload), _unb64(sig)):
            return None
        purpose, contact, channel = payload.decode("ascii").split(":")
        return TokenInfo(purpose, int(contact), channel)
    except (ValueError, UnicodeDecodeError):
        return None


def unsubscribe_url(base_url: str, key: bytes, contact_id: int, channel: str = "email") -> str:
    """The footer and ``List-Unsubscribe`` link: ``<base>/unsubscribe/<token>``."""
    return f"{base_url.rstrip('/')}/unsubscribe/{make_token(key, contact_id, channel)}"
