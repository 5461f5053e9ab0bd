"""How a recipient unsubscribes: a one-click https link only when one can really answer.

RFC 8058 one-click (``List-Unsubscribe-Post: List-Unsubscribe=One-Click``) needs an https
URI in ``List-Unsubscribe`` that accepts a POST from the mailbox provider. Postino runs on
the shop's PC, so a link to ``http://127.0.0.1:8765`` would point each recipient at their
*own* computer. The https link (and with it the one-click header, tracked links and the
open pixel) goes into a message only while ``endpoint_base`` says so: the endpoint is
enabled, ``endpoint.public_url`` names a public https address, and the endpoint answers its
own health check (``desktop.endpoint.health``, cached: no request per message). Otherwise
the way out is a ``mailto:`` (RFC 2369) to ``unsubscribe.mailbox`` or the sender address, whose subject
carries the signed token from ``desktop/tokens.py`` (``unsubscribe <token>``), so whoever
reads that mailbox — a person or the mailbox connector — can act on it with
``token_from_subject``. The footer link in the body uses the same target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from desktop import tokens
from desktop.delivery.addresses import AddressProblem, mailbox

if TYPE_CHECKING:  # pragma: no cover
    from desktop.endpoint.config import SettingsReader

SUBJECT_WORD = "unsubscribe"
_TOKEN = re.compile(r"\b" + SUBJECT_WORD + r"\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Unsubscribe:
    https: str = ""    # the one-click URL, only with a public https endpoint
    mailto: str = ""   # mailto:box?subject=unsubscribe%20<token>

    @property
    def link(self) -> str:
        """What the footer and ``{{ unsubscribe_url }}`` show: the web page if there is one."""
        return self.https or self.mailto

    @property
    def one_click(self) -> bool:
        return bool(self.https)

    def uris(self) -> list[str]:
        return [u for u in (self.https, self.mailto) if u]


def public_https(url: str) -> str:
    """``url`` if it is an https address that is not this computer, else ""."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname:
        return ""
    if parts.hostname in ("localhost", "127.0.0.1", "::1") or parts.hostname.endswith(".localhost"):
        return ""
    return url.strip().rstrip("/")


def endpoint_base(settings: "SettingsReader", workspace_id: str, *, probe: bool = True) -> str:
    """The public base URL for links in messages, or "" while the endpoint cannot answer.

    ``probe=False`` (the simulator, which sends nothing) trusts the settings alone."""
    from desktop.endpoint.config import EndpointConfig
    from desktop.endpoint.health import live

    config = EndpointConfig.from_settings(settings)
    if not probe:
        return config.public_url if config.serves else ""
    return live(config, workspace_id)


def usable_mailbox(address: str) -> str:
    """The address in its SMTP form (A-label domain), or "" when it cannot receive mail."""
    if not address or "@" not in address:
        return ""
    try:
        box = mailbox(address)
    except AddressProblem:
        return ""
    domain = box.smtp.rpartition("@")[2].lower()
    if domain in ("localhost", "postino.invalid") or domain.endswith((".invalid", ".localhost")):
        return ""
    return box.smtp


class UnsubscribePaths:
    """Settings read once per dispatch run; ``for_contact`` signs one token per recipient."""

    def __init__(self, public_url: str, box: str, sender: str, key: bytes) -> None:
        self.base = public_https(public_url)
        self.mailbox = usable_mailbox(box) or usable_mailbox(sender)
        self.key = key

    def for_contact(self, contact_id: int, channel: str = "email") -> Unsubscribe:
        https = tokens.unsubscribe_url(self.base, self.key, contact_id, channel) if self.base else ""
        mailto = ""
        if self.mailbox:
            token = tokens.make_token(self.key, contact_id, channel)
            mailto = f"mailto:{quote(self.mailbox, safe='@.+-_')}?subject={quote(f'{SUBJECT_WORD} {token}')}"
        return Unsubscribe(https, mailto)


def token_from_subject(subject: str) -> str | None:
    """The token in an unsubscribe request's subject (``Re: unsubscribe <token>`` too)."""
    found = _TOKEN.search(subject or "")
    return found.group(1) if found else None
