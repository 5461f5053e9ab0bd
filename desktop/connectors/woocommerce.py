"""WooCommerce orders (REST API v3), pulled by modification time: a shop's PC needs no webhook.

- ``GET /wp-json/wc/v3/orders?modified_after=…&dates_are_gmt=true&orderby=modified&order=asc
  &per_page=100&page=N``, one page per ``fetch``, paged by ``X-WP-TotalPages``; the consumer
  key and secret go as HTTP Basic over HTTPS (plain HTTP only to this computer).
- The cursor keeps the pass's ``since`` fixed while paging, remembers the newest
  ``date_modified_gmt`` seen, and starts the next pass a few minutes before it (an order saved
  in the same second as the last one read is not missed; re-reading one costs nothing).
- A paid order (``processing``, ``completed``) → one ``purchase`` event (id, total, currency,
  items, status). A ``refunded`` or ``cancelled`` order → a ``custom`` event
  ``order_refunded`` / ``order_cancelled`` (the purchase, if recorded, stays in the history;
  rules and statistics can tell the two apart). Pending, failed and draft orders are not sales.
- The billing name, e-mail and phone → the contact (``buyers.py``: consent only from the
  opt-in field the user names, never assumed). ``/wc/v3/customers`` has no modified filter,
  so customers are read in full only once a week (a "rescan" phase of the same cursor).
- Core WooCommerce keeps no abandoned carts and exposes none over its API: this connector
  records no ``cart_updated`` events (the app and docs say so).

The order and customer mapping is ``woo_map.py``, shared with the webhook endpoint.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Mapping
from urllib.parse import urlsplit

import requests

from desktop.connectors import http
from desktop.connectors.base import Connection, Fetched, PollError, PollSummary, register
from desktop.connectors.woo_map import gmt, write_customer, write_order
from desktop.messages import Msg, define

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

OVERLAP = timedelta(minutes=5)
RESCAN_EVERY = timedelta(days=7)
FIRST_LOOKBACK = timedelta(days=90)
PER_PAGE = 100

define({
    "woo.no_key": ("Mancano la chiave o il segreto WooCommerce", "The WooCommerce key or secret is missing"),
    "woo.not_a_list": ("WooCommerce ha risposto con dati inattesi (non un elenco)",
                       "WooCommerce answered with unexpected data (not a list)"),
})



def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


class WooPoller:
    def __init__(self, name: str, url: str, key: str | None, secret: str | None, every: timedelta, *,
                 consent_field: str = "", default_country: str = "IT",
                 session: requests.Session | None = None) -> None:
        self.name, self.every = name, every
        self.url = http.require_https(url)
        self.host = urlsplit(self.url).hostname or self.url
        self._auth = (key or "", secret or "")
        self.consent_field, self.default_country = consent_field, default_country
        self.session = session or requests.Session()

    def _get(self, path: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
        if not all(self._auth):
            raise PollError(Msg("woo.no_key"))
        answer = http.request(self.session, "GET", f"{self.url}/wp-json/wc/v3/{path}", params=params,
                              auth=self._auth, secrets=self._auth)
        data = answer.json(self.host)
        if not isinstance(data, list):
            raise PollError(Msg("woo.not_a_list"))
        try:
            pages = int(answer.headers.get("X-WP-TotalPages") or 1)
        except ValueError:
            pages = 1
        return data, pages

    def fetch(self, cursor: Mapping[str, Any], now: datetime) -> Fetched:
        if cursor.get("phase") == "customers":
            return self._customers(cursor, now)
        since = cursor.get("since") or _stamp(now - FIRST_LOOKBACK)
        page = int(cursor.get("page", 1))
        orders, pages = self._get("orders", {
            "modified_after": since, "dates_are_gmt": "true", "orderby": "modified", "order": "asc",
            "per_page": PER_PAGE, "page": page})
        seen = [cursor.get("newest") or since, *(o.get("date_modified_gmt") or "" for o in orders)]
        newest = max(s for s in seen if s)
        items = [("order", o) for o in orders]
        base = {"rescanned_at": cursor.get("rescanned_at")}
        if page < pages and orders:
            return Fetched(items, {**base, "since": since, "page": page + 1, "newest": newest}, more=True)
        next_since = _stamp(max(gmt(newest) - OVERLAP, gmt(since)))
        done = {**base, "since": next_since, "page": 1, "newest": None}
        rescanned = gmt(cursor.get("rescanned_at"))
        if rescanned is None or now - rescanned >= RESCAN_EVERY:
            return Fetched(items, {**done, "phase": "customers", "customer_page": 1}, more=True)
        return Fetched(items, done)

    def _customers(self, cursor: Mapping[str, Any], now: datetime) -> Fetched:
        page = int(cursor.get("customer_page", 1))
        customers, pages = self._get("customers", {"per_page": PER_PAGE, "page": page, "orderby": "id",
                                                   "order": "asc"})
        items = [("customer", c) for c in customers]
        if page < pages and customers:
            return Fetched(items, {**cursor, "customer_page": page + 1}, more=True)
        rest = {k: v for k, v in cursor.items() if k not in ("phase", "customer_page")}
        return Fetched(items, {**rest, "rescanned_at": now.isoformat()})

    # -- writing ---------------------------------------------------------------------------
    def apply(self, ws: "Workspace", fetched: Fetched, now: datetime) -> PollSummary:
        summary = PollSummary(fetched=len(fetched.items))
        for kind, data in fetched.items:
            for counted in (self._order(ws, data, now) if kind == "order" else self._customer(ws, data, now)):
                summary.counts[counted] = summary.counts.get(counted, 0) + 1
                summary.written += 1
        return summary

    def _order(self, ws: "Workspace", order: Mapping[str, Any], now: datetime) -> list[str]:
        return write_order(ws, self.host, order, now, consent_field=self.consent_field,
                           default_country=self.default_country)

    def _customer(self, ws: "Workspace", customer: Mapping[str, Any], now: datetime) -> list[str]:
        return write_customer(ws, customer, now, default_country=self.default_country)


@register("woocommerce", every=timedelta(minutes=10))
def _factory(connection: Connection, secrets: Callable[[str], str | None]) -> WooPoller:
    config = connection.config
    return WooPoller(connection.name, config["url"], secrets("key"), secrets("secret"), connection.every,
                     consent_field=config.get("consent_field", ""), default_country=config.get("country", "IT"))
