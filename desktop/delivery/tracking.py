"""Tracked links and the open pixel, put into one message's HTML after it is rendered.

Only while the endpoint answers (``desktop.delivery.unsubscribe.endpoint_base``): a tracked
link to a server that is off would lose the click. Each ``<a href="http(s)://...">`` becomes
``<base>/c/<token>``, the token signing the ledger row, the link's position and its URL, so
the redirect can only ever go where the message pointed. Links that are not plain ASCII
http(s), that are longer than ``tokens.LONGEST_URL``, or that point at the endpoint itself
(the unsubscribe link) stay as they are. The text part keeps the original addresses.

Tags are found with the standard library's HTML parser (which knows comments, scripts and
attribute quoting); only the ``href`` of each found tag is replaced, in place, so the rest
of the document is left byte for byte as the template made it.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from typing import Callable

from desktop import tokens

_HREF = re.compile(r"""(?<![\w:.-])href\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""", re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


class _Anchors(HTMLParser):
    """Where each ``<a href>`` start tag is: (offset, raw tag text, href as the browser reads it)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.starts = [0]
        for line in html.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        href = dict(attrs).get("href")
        raw = self.get_starttag_text()
        if href is None or raw is None:
            return
        line, column = self.getpos()
        self.found.append((self.starts[line - 1] + column, raw, href.strip()))


def rewrite_links(html: str, track: Callable[[int, str], str | None]) -> str:
    """``html`` with each link's href replaced by ``track(index, url)`` (None: left alone);
    ``index`` counts the links that were tracked, in document order."""
    parser = _Anchors(html)
    parser.feed(html)
    parser.close()
    pieces: list[str] = []
    at = index = 0
    for offset, raw, href in parser.found:
        if html[offset:offset + len(raw)] != raw:  # never guess: a tag not where we think it is
            continue
        new = track(index, href)
        if new is None:
            continue
        index += 1
        tag = _HREF.sub(lambda _: f'href="{escape(new, quote=True)}"', raw, count=1)
        pieces.extend((html[at:offset], tag))
        at = offset + len(raw)
    pieces.append(html[at:])
    return "".join(pieces)


def click_tracker(base: str, key: bytes, ledger_id: int) -> Callable[[int, str], str | None]:
    """The ``track`` function for one message: signed ``<base>/c/<token>`` links."""
    own = base.rstrip("/") + "/"

    def track(index: int, url: str) -> str | None:
        if url.startswith(own) or not tokens.trackable_url(url):
            return None
        return f"{own}c/{tokens.make_click_token(key, ledger_id, index, url)}"
    return track


def add_pixel(html: str, base: str, key: bytes, ledger_id: int) -> str:
    """The 1×1 open image, just before ``</body>`` (or at the end)."""
    src = f"{base.rstrip('/')}/o/{tokens.make_open_token(key, ledger_id)}"
    img = (f'<img src="{escape(src, quote=True)}" width="1" height="1" alt="" '
           'style="display:block;width:1px;height:1px;border:0">')
    ends = list(_BODY_END.finditer(html))
    if not ends:
        return html + img
    at = ends[-1].start()
    return html[:at] + img + html[at:]
