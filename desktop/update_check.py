"""Is there a newer Postino? One small GET of the version URL the user set, and nothing else.

Off by default: the ``updates.check_url`` setting is empty until the user (or whoever installed
Postino for them) fills it in. The URL answers with JSON, ``{"version": "0.2.0", "url":
"https://.../download"}`` (``url`` optional), or with the bare version as plain text. Postino
only *tells* the user a new version exists and where to get it: it never downloads or runs
anything itself. A failed check is logged and otherwise silent — it is a courtesy, and the
shop's sends must never depend on it. Runs on the UI's network executor, never on the
database worker.
"""

from __future__ import annotations

import json
import re
import ssl
import urllib.request
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from desktop.errors import InputError
from desktop.messages import Msg, define

MAX_BYTES = 64 * 1024  # a version document is a few bytes; anything bigger is not one
TIMEOUT_S = 10.0
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
_VERSION = re.compile(r"^\s*v?(\d+(?:\.\d+){0,3})(?:[.-]?(a|b|rc)(\d+))?\s*$", re.IGNORECASE)
_PRE_RANK = {"a": 0, "b": 1, "rc": 2}

define({
    "update.available": (
        "È disponibile Postino {version} (questa è la {current}). Scaricala da {url}",
        "Postino {version} is available (this is {current}). Download it from {url}"),
    "update.available_no_link": (
        "È disponibile Postino {version} (questa è la {current}).",
        "Postino {version} is available (this is {current})."),
    "update.open_download": ("Apri la pagina di download", "Open the download page"),
    "update.no_url": ("nessun indirizzo impostato", "no address set"),
    "update.bad_url": ("{value!r} non è un indirizzo https:// (http:// solo per 127.0.0.1 o localhost)",
                       "{value!r} is not an https:// address (http:// only for 127.0.0.1 or localhost)"),
})


def url_problem(value: str) -> Msg | None:
    """Why ``value`` cannot be a check URL (None if it can): https only, or http on this PC."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname in _LOOPBACK:
        return None
    return Msg("update.bad_url", {"value": value})


def version_key(text: str) -> tuple[tuple[int, ...], int, int]:
    """A sortable key for ``1.2``, ``1.2.0``, ``v1.3.0rc1``: release numbers, then a pre-release below final."""
    match = _VERSION.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a version like 1.2.3")
    release = tuple(int(p) for p in match.group(1).split("."))
    release += (0,) * (4 - len(release))
    if match.group(2):
        return release, _PRE_RANK[match.group(2).lower()], int(match.group(3))
    return release, 3, 0


@dataclass(frozen=True)
class Latest:
    version: str
    url: str = ""


def parse_answer(body: bytes) -> Latest:
    """The version document: JSON ``{"version", "url"}`` or the bare version as text."""
    text = body.decode("utf-8", errors="replace").strip()
    if text.startswith("{"):
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("version"), str):
            raise ValueError("the version document has no \"version\" text")
        link = data.get("url") if isinstance(data.get("url"), str) else ""
        if link and url_problem(link):
            link = ""  # a download link we would not follow ourselves is not shown
        latest = Latest(data["version"].strip(), link)
    else:
        latest = Latest(text.splitlines()[0].strip() if text else "")
    version_key(latest.version)  # refuses what is not a version
    return latest


Fetch = Callable[[str, float], bytes]


def fetch(url: str, timeout: float = TIMEOUT_S) -> bytes:
    """GET ``url`` with certifi's CA list (bundled with the app, same on every platform)."""
    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    request = urllib.request.Request(url, headers={"User-Agent": "Postino update check",
                                                   "Accept": "application/json, text/plain"})
    with urllib.request.urlopen(request, timeout=timeout, context=context) as response:  # noqa: S310 - scheme checked
        return response.read(MAX_BYTES + 1)[:MAX_BYTES]


def check(url: str, current: str, get: Fetch = fetch) -> Msg | None:
    """The notice to show if ``url`` names a version newer than ``current``, else None.

    Raises ``InputError`` for a URL Postino will not ask, ``OSError``/``ValueError`` when the
    answer cannot be had or read (the caller logs those and shows nothing).
    """
    problem = url_problem(url)
    if problem or not url:
        raise InputError(problem or Msg("update.no_url"), "setting updates.check_url")
    latest = parse_answer(get(url, TIMEOUT_S))
    if version_key(latest.version) <= version_key(current):
        return None
    params = {"version": latest.version, "current": current}
    if latest.url:
        return Msg("update.available", {**params, "url": latest.url})
    return Msg("update.available_no_link", params)
