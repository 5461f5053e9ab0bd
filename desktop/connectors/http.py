"""The HTTP side every web connector shares: HTTPS only (loopback excepted, for tests and
local shops), a real timeout, a size limit, and each failure turned into a ``PollError``
whose message a person can act on (wrong key, too many requests, server down, not JSON).
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Mapping
from urllib.parse import urlsplit

import requests

from desktop.connectors.base import PollError
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.secrets import scrub

TIMEOUT = (10.0, 30.0)          # connect, read (seconds)
MAX_BYTES = 10 * 1024 * 1024    # a feed or a page of orders is far smaller

define({
    "http.unreachable": ("{host} non risponde ({error})", "{host} cannot be reached ({error})"),
    "http.timeout": ("{host} non ha risposto in tempo", "{host} did not answer in time"),
    "http.auth": ("{host} ha rifiutato le credenziali (HTTP {status}): controlla la chiave",
                  "{host} refused the credentials (HTTP {status}): check the key"),
    "http.throttled": ("{host} chiede di rallentare (HTTP 429)", "{host} asks us to slow down (HTTP 429)"),
    "http.server": ("{host} ha un problema (HTTP {status})", "{host} has a problem (HTTP {status})"),
    "http.status": ("{host} ha risposto HTTP {status}", "{host} answered HTTP {status}"),
    "http.not_found": ("{host}: indirizzo non trovato (HTTP 404): controlla l'URL",
                       "{host}: address not found (HTTP 404): check the URL"),
    "http.too_big": ("{host} ha inviato più di {limit} MB", "{host} sent more than {limit} MB"),
    "http.not_address": ("{url!r} non è un indirizzo web (https://...)", "{url!r} is not a web address (https://...)"),
    "http.needs_https": ("{url!r} deve usare https:// (solo questo computer si può raggiungere con http semplice)",
                         "{url!r} must use https:// (only this computer may be reached by plain http)"),
    "http.bad_json": ("{host} ha risposto con dati non validi (non JSON)", "{host} answered with data that is not valid JSON"),
})


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_https(url: str, where: str = "url") -> str:
    """Refuse a plain-HTTP address unless it is this computer (keys would travel in clear)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(Msg("http.not_address", {"url": url}), where)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InputError(Msg("http.needs_https", {"url": url}), where)
    return url.strip().rstrip("/")


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self, host: str) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            raise PollError(Msg("http.bad_json", {"host": host})) from None


def retry_after(headers: Mapping[str, str]) -> float | None:
    """``Retry-After`` as seconds (RFC 9110 §10.2.3: delay-seconds, or an HTTP date, which is
    measured against the answer's own ``Date`` — the server's clock, not ours)."""
    value = (headers.get("Retry-After") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - parsedate_to_datetime(headers["Date"])).total_seconds())
    except (KeyError, TypeError, ValueError):
        return None


def request(session: requests.Session, method: str, url: str, *, secrets: tuple[str | None, ...] = (),
            ok: tuple[int, ...] = (200,), max_bytes: int = MAX_BYTES, **kwargs: Any) -> Response:
    """One request; a status outside ``ok`` (or any network failure) raises ``PollError``."""
    host = urlsplit(url).hostname or url
    try:
        with session.request(method, url, timeout=TIMEOUT, stream=True, **kwargs) as answer:
            body = _read_limited(answer, max_bytes, host)
            status, headers = answer.status_code, answer.headers
    except requests.exceptions.Timeout:
        raise PollError(Msg("http.timeout", {"host": host})) from None
    except requests.exceptions.RequestException as exc:
        raise PollError(Msg("http.unreachable", {"host": host, "error": scrub(type(exc).__name__, *secrets)})) from None
    if status in ok:
        return Response(status, headers, body)
    params = {"host": host, "status": status}
    if status in (401, 403):
        raise PollError(Msg("http.auth", params))
    if status == 429:
        raise PollError(Msg("http.throttled", {"host": host}), retry_after=retry_after(headers) or 60.0)
    if status == 404:
        raise PollError(Msg("http.not_found", {"host": host}))
    if status >= 500:
        raise PollError(Msg("http.server", params), retry_after=retry_after(headers))
    raise PollError(Msg("http.status", params))


def _read_limited(answer: requests.Response, max_bytes: int, host: str) -> bytes:
    chunks, size = [], 0
    for chunk in answer.iter_content(65536):
        size += len(chunk)
        if size > max_bytes:
            raise PollError(Msg("http.too_big", {"host": host, "limit": max_bytes // (1024 * 1024)}))
        chunks.append(chunk)
    return b"".join(chunks)
