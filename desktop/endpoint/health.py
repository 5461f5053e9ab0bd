"""Does our endpoint answer? Asked before https links go into messages, answered from a cache.

A one-click ``List-Unsubscribe`` header, an https unsubscribe link, tracked links and the
open pixel are only worth sending while the endpoint really answers: a link to a server
that is off loses the click or, worse, the unsubscribe. The dispatcher asks ``live`` once per
dispatch run (never per message); the answer is cached for ``FRESH`` seconds (``STALE`` after
a failure), and the in-process server notes its own start and stop with ``note`` so the
answer changes at once.

The probe is ``GET <local url>/health`` and must name this workspace: another program on the
same port does not count. It shows that the server runs, not that the user's proxy reaches
it — the same ``/health`` page is what the proxy (or an uptime monitor) can check from
outside.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from typing import Callable
from urllib.parse import urlsplit

from desktop.endpoint.config import EndpointConfig

FRESH = 60.0   # seconds a good answer is trusted
STALE = 10.0   # seconds a failed probe is trusted
TIMEOUT = 1.0  # a loopback server answers in milliseconds; a firewall that drops waits this long

_lock = threading.Lock()
_cache: dict[tuple[str, str], tuple[bool, float]] = {}


def probe(local_url: str, workspace_id: str, timeout: float = TIMEOUT) -> bool:
    """One real request to ``/health``: 200 and this workspace's id."""
    parts = urlsplit(local_url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=timeout)
    try:
        conn.request("GET", "/health", headers={"User-Agent": "postino-self-check"})
        answer = conn.getresponse()
        body = answer.read(4096)
        if answer.status != 200:
            return False
        data = json.loads(body)
        return isinstance(data, dict) and data.get("ok") is True and data.get("workspace") == workspace_id
    except (OSError, ValueError, http.client.HTTPException):
        return False
    finally:
        conn.close()


def note(local_url: str, workspace_id: str, ok: bool, monotonic: Callable[[], float] = time.monotonic) -> None:
    """What the server knows about itself (started and answered, or stopped)."""
    with _lock:
        _cache[(local_url, workspace_id)] = (ok, monotonic())


def forget() -> None:
    with _lock:
        _cache.clear()


def answers(local_url: str, workspace_id: str, monotonic: Callable[[], float] = time.monotonic,
            check: Callable[[str, str], bool] = probe) -> bool:
    """The cached answer, probing again when it is older than ``FRESH`` / ``STALE``."""
    key = (local_url, workspace_id)
    with _lock:
        cached = _cache.get(key)
    moment = monotonic()
    if cached is not None and moment - cached[1] < (FRESH if cached[0] else STALE):
        return cached[0]
    ok = check(local_url, workspace_id)
    with _lock:
        _cache[key] = (ok, monotonic())
    return ok


def live(config: EndpointConfig, workspace_id: str) -> str:
    """The public base URL to put in messages, or "" while the endpoint cannot answer them."""
    if not config.serves:
        return ""
    return config.public_url if answers(config.local_url, workspace_id) else ""
