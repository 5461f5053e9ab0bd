"""Feed documents for the feed connector's tests, written from the formats' own specifications:
RSS 2.0 (https://www.rssboard.org/rss-specification: ``<item>`` with ``<guid>``, ``<link>``,
``<pubDate>`` in RFC 822 form) and Atom (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287:
``<entry>`` with a mandatory ``<id>`` and ``<updated>``). The server half answers conditional
GETs the way RFC 9110 §13.1 describes (``If-None-Match`` against the ``ETag`` → 304)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone

from tests.helpers.http_server import Answer, Seen


@dataclass
class Post:
    title: str
    link: str
    guid: str | None = None
    summary: str = ""
    published: datetime = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def rss(posts: list[Post], title: str = "Blog del negozio") -> bytes:
    items = []
    for post in posts:
        guid = f"<guid isPermaLink=\"false\">{post.guid}</guid>" if post.guid else ""
        items.append(f"<item><title>{post.title}</title><link>{post.link}</link>{guid}"
                     f"<description>{post.summary}</description>"
                     f"<pubDate>{format_datetime(post.published)}</pubDate></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://blog.example.it/</link><description>Novità</description>"
            f"{''.join(reversed(items))}</channel></rss>").encode("utf-8")


def atom(posts: list[Post]) -> bytes:
    entries = "".join(
        f"<entry><title>{p.title}</title><id>{p.guid or p.link}</id><link href=\"{p.link}\"/>"
        f"<updated>{p.published.isoformat().replace('+00:00', 'Z')}</updated><summary>{p.summary}</summary></entry>"
        for p in reversed(posts))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            '<title>Atom blog</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>'
            f'<updated>2026-03-01T08:00:00Z</updated>{entries}</feed>').encode("utf-8")


@dataclass
class FeedSite:
    """The blog: its current document; answers 304 when the client's ETag still matches."""

    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    answered_304: int = field(default=0)

    def __call__(self, seen: Seen) -> Answer:
        if self.status != 200:
            return self.status, {}, b"down"
        etag = '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": "Sun, 01 Mar 2026 08:00:00 GMT", "Content-Type": self.content_type}
        if seen.headers.get("If-None-Match") == etag:
            self.answered_304 += 1
            return 304, {"ETag": etag}, b""
        return 200, headers, self.body
