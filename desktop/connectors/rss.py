"""RSS / Atom feeds: each new post becomes one ``rss_item`` event the rules can act on.

- The feed is fetched with ``requests`` (feedparser has no network timeout), with the stored
  ETag / Last-Modified so an unchanged feed answers 304 and costs nothing; the body is then
  parsed by feedparser together with the response headers (for the encoding).
- An item is known by its guid, else its link, else a hash of its title and summary.
- The first poll only marks the feed's current items as seen: connecting a blog with fifty
  old posts sends nothing about them.
- A malformed feed that still yields items (feedparser's ``bozo``) is a warning on the
  connection; an unreachable one is an error shown there — neither stops anything else.

The event's ``occurred_at`` is when Postino saw the item (so "new RSS item" rules, which look
at the window since their last check, catch it); the post's own date is in the payload with
the title, link and summary that templates can show. ``payload.feed`` is the feed's URL,
which is what a rule's ``rss_new_item`` condition names.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Mapping

import feedparser
import requests

from desktop.connectors import http
from desktop.connectors.base import Connection, Fetched, PollError, PollSummary, register
from desktop.messages import Msg, define

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

SEEN_KEEP = 2000          # ids remembered per feed; a feed shows tens
MAX_FEED_BYTES = 5 * 1024 * 1024

define({
    "rss.malformed": ("Il feed non è del tutto valido ({error}); letti comunque {items} elementi",
                      "The feed is not entirely well-formed ({error}); {items} items read anyway"),
    "rss.not_a_feed": ("L'indirizzo non contiene un feed RSS o Atom ({error})",
                       "The address holds no RSS or Atom feed ({error})"),
    "rss.primed": ("Primo collegamento: articoli già presenti, segnati come visti: {items}",
                   "First connection: posts already there, marked as seen: {items}"),
})


def item_id(entry: Mapping[str, Any]) -> str:
    for key in ("id", "guid", "link"):
        value = entry.get(key)
        if value:
            return str(value)
    raw = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha1:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()


def _published(entry: Mapping[str, Any]) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*value[:6]).isoformat() + "Z"
    return None


def item_payload(feed_url: str, entry: Mapping[str, Any], guid: str) -> dict[str, Any]:
    return {"feed": feed_url, "guid": guid, "title": entry.get("title", ""), "link": entry.get("link", ""),
            "summary": entry.get("summary", ""), "published": _published(entry),
            "author": entry.get("author", "")}


class FeedPoller:
    def __init__(self, name: str, url: str, every: timedelta, *, session: requests.Session | None = None) -> None:
        self.name, self.url, self.every = name, http.require_https(url), every
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "Postino feed reader"

    def fetch(self, cursor: Mapping[str, Any], now: datetime) -> Fetched:
        headers = {}
        if cursor.get("etag"):
            headers["If-None-Match"] = cursor["etag"]
        if cursor.get("modified"):
            headers["If-Modified-Since"] = cursor["modified"]
        answer = http.request(self.session, "GET", self.url, headers=headers, ok=(200, 304),
                              max_bytes=MAX_FEED_BYTES)
        if answer.status == 304:
            return Fetched(items=[], cursor=dict(cursor))
        parsed = feedparser.parse(answer.body, response_headers={k.lower(): v for k, v in answer.headers.items()})
        entries = list(parsed.entries)
        warnings = []
        if parsed.bozo:
            error = type(parsed.get("bozo_exception")).__name__
            if not entries and not parsed.feed.get("title"):
                raise PollError(Msg("rss.not_a_feed", {"error": error}))
            warnings.append(Msg("rss.malformed", {"error": error, "items": len(entries)}))
        seen = list(cursor.get("seen", []))
        known = set(seen)
        fresh = []
        for entry in reversed(entries):                     # oldest first: events in posting order
            guid = item_id(entry)
            if guid not in known:
                known.add(guid)
                seen.append(guid)
                fresh.append(item_payload(self.url, entry, guid))
        new_cursor = {"etag": answer.headers.get("ETag"), "modified": answer.headers.get("Last-Modified"),
                      "seen": seen[-SEEN_KEEP:], "primed": True}
        if not cursor.get("primed"):
            warnings.append(Msg("rss.primed", {"items": len(fresh)}))
            fresh = []                                      # first connection: nothing old goes out
        return Fetched(items=fresh, cursor=new_cursor, warnings=warnings)

    def apply(self, ws: "Workspace", fetched: Fetched, now: datetime) -> PollSummary:
        summary = PollSummary(fetched=len(fetched.items))
        for item in fetched.items:
            if ws.events.record("rss_item", now, None, ref=item["guid"], payload=item,
                                uid=f"rss:{self.url}:{item['guid']}") is not None:
                summary.written += 1
        if summary.written:
            summary.counts["rss_item"] = summary.written
        return summary


@register("rss", every=timedelta(minutes=30))
def _factory(connection: Connection, secrets: Callable[[str], str | None]) -> FeedPoller:
    return FeedPoller(connection.name, connection.config["url"], connection.every)
