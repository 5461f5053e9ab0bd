"""Was this open pixel fetched, or this link followed, by a person or by a machine?

What is known (and what we rely on):

* Apple Mail Privacy Protection downloads every remote image through Apple's relays when
  the message reaches the device, opened or not (Apple's own description: "Mail Privacy
  Protection ... prevents senders from knowing when they open an email"). Measured by
  senders (SocketLabs, Word to the Wise, 2021): the fetch comes right after delivery and
  carries a bare ``Mozilla/5.0`` user agent, with no platform or engine tokens.
* Security scanners and link checkers (corporate gateways, antivirus) fetch within seconds
  of delivery, often with ``HEAD`` or a library's user agent (``python-requests``, ``curl``,
  ``Go-http-client``) or a named bot.
* Gmail's and Yahoo's image proxies (``GoogleImageProxy`` via ggpht.com, ``YahooMailProxy``)
  fetch when the recipient opens the message, and cache the image: a real open through a
  proxy, recorded as an open with the proxy named.

So: ``HEAD``, no user agent, a bare ``Mozilla/5.0``, a known tool or bot, or a fetch within
``SOON`` seconds of sending (before the ledger even says ``sent``) is a machine open. The
sender's IP would help (Apple's relays) but behind the user's reverse proxy it is the proxy's.

Clicks: link scanners (Microsoft Defender Safe Links, Mimecast, Proofpoint URL Defense,
antivirus gateways) follow every link of a message when it arrives, to see where it leads.
Image proxies never follow links, so a click is a machine's when it has no user agent, a bare
``Mozilla/5.0``, a tool's or a scanner's name, comes within ``CLICK_SOON`` of sending, or
follows another link of the same message within ``BURST`` (nobody clicks two links of one
e-mail within two seconds). ``HEAD`` is never recorded at all. The person still reaches the
page either way: only the counting differs.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

SOON = timedelta(seconds=60)
CLICK_SOON = timedelta(seconds=20)
BURST = timedelta(seconds=2)

_TOOLS = re.compile(
    r"bot\b|bot/|spider|crawler|python-requests|python-urllib|aiohttp|curl/|wget/|go-http-client|"
    r"java/|okhttp|libwww-perl|httpclient|headlesschrome|phantomjs|scanner|barracuda|mimecast|"
    r"proofpoint|symantec|trendmicro|forcepoint|sophos|fortinet|cisco|zscaler|safelinks|preview",
    re.IGNORECASE)
_PROXIES = {"googleimageproxy": "gmail", "yahoomailproxy": "yahoo"}


def proxy_of(user_agent: str) -> str:
    """The mail provider's image proxy named in the user agent, or ""."""
    lowered = user_agent.lower()
    return next((name for token, name in _PROXIES.items() if token in lowered), "")


def machine_reason(method: str, user_agent: str, sent_at: datetime | None, now: datetime) -> str:
    """Why this fetch is a machine's ("" when it looks like a person opening the message)."""
    agent = user_agent.strip()
    if method.upper() == "HEAD":
        return "head"
    if not agent:
        return "no_user_agent"
    if agent == "Mozilla/5.0":
        return "apple_mpp"
    if not proxy_of(agent) and _TOOLS.search(agent):
        return "tool"
    if sent_at is None or now - sent_at < SOON:
        return "too_soon"
    return ""


def click_machine_reason(user_agent: str, sent_at: datetime | None, now: datetime, burst: bool) -> str:
    """Why this click is a scanner's ("" when it looks like a person); ``burst``: another link
    of the same message was followed within ``BURST``."""
    agent = user_agent.strip()
    if not agent:
        return "no_user_agent"
    if agent == "Mozilla/5.0":
        return "bare_agent"
    if _TOOLS.search(agent):
        return "tool"
    if sent_at is None or now - sent_at < CLICK_SOON:
        return "too_soon"
    return "burst" if burst else ""
