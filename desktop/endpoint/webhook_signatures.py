"""Which secrets may have signed a webhook delivery, and the check itself.

Every kind signs the same way: ``base64(HMAC-SHA256(secret, raw body))`` in a header
(WooCommerce ``X-WC-Webhook-Signature``, Shopify ``X-Shopify-Hmac-Sha256``, the generic
endpoint ``X-Postino-Signature``), so the secret itself never travels in a request. The
comparison is constant-time on the decoded digest; a header that is not canonical base64 of
32 bytes is no signature.

Where the secret comes from — the keyring, never the database:

- a WooCommerce connection: its ``webhook_secret`` when the user stored one
  (``connections webhook-secret NAME``), else its consumer secret — WooCommerce's own default
  when the webhook's Secret field is left empty;
- a Shopify connection: its ``webhook_secret`` (the key the admin's Settings → Notifications →
  Webhooks page signs with), else the app's client secret (app webhooks are signed with it);
- the generic endpoint: the one secret ``connections webhook-secret --generic`` stored.

With several shops of one kind, the connection the request names (``X-WC-Webhook-Source``,
``X-Shopify-Shop-Domain``) is tried first; the signature, not the claim, decides.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from typing import TYPE_CHECKING, Sequence
from urllib.parse import urlsplit

from desktop.connectors.base import Connection
from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.store import Connections
from desktop.endpoint.webhook_types import Signer

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

WEBHOOK_KEY = "webhook_secret"
FALLBACK_KEY = {"woocommerce": "secret", "shopify": "client_secret"}


def sign(secret: str, body: bytes) -> str:
    """The header value a platform sends for ``body`` (tests and the docs' examples use it)."""
    return base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()).decode("ascii")


def verify(secret: str, body: bytes, header: str) -> bool:
    try:
        given = base64.b64decode(header.strip().encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return False
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return hmac.compare_digest(given, expected)


def _host(text: str) -> str:
    text = text.strip().lower()
    return (urlsplit(text if "//" in text else f"//{text}").hostname or "").removeprefix("www.")


def _claims(connection: Connection, source: str) -> bool:
    if not source:
        return False
    where = connection.config.get("url") or connection.config.get("shop") or ""
    return _host(str(where)) == _host(source)


def signers(ws: "Workspace", kind: str, secrets: ConnectionSecrets, source: str = "") -> list[Signer]:
    """The secrets to try for a delivery of ``kind``, the claimed shop's first. May raise
    ``KeyringUnavailable`` (a locked keyring is not "no secret")."""
    if kind == "generic":
        secret = secrets.get_generic_webhook()
        return [Signer(None, secret)] if secret else []
    found = []
    connections = [c for c in Connections(ws.db).all() if c.kind == kind]
    connections.sort(key=lambda c: not _claims(c, source))
    for connection in connections:
        read = secrets.reader(connection)
        secret = read(WEBHOOK_KEY) or read(FALLBACK_KEY[kind])
        if secret:
            found.append(Signer(connection, secret))
    return found


def first_valid(candidates: Sequence[Signer], body: bytes, header: str) -> Signer | None:
    for candidate in candidates:
        if verify(candidate.secret, body, header):
            return candidate
    return None
