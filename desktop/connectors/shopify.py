"""Shopify (Admin GraphQL API): orders, customers and abandoned checkouts by ``updated_at``.

- The access token comes from the shop's Dev Dashboard app by the client-credentials grant
  (``POST /admin/oauth/access_token``, ``grant_type=client_credentials``); it lasts about 24 h
  (``expires_in``) and is fetched again five minutes before it runs out — kept in memory only.
- Three phases per pass — ``orders``, ``customers``, ``abandonedCheckouts`` — each with
  ``query: "updated_at:>'SINCE'"`` and cursor paging (``pageInfo.endCursor``); each phase's
  ``since`` moves to its newest ``updatedAt`` less a few minutes when the phase is done.
  Without the ``read_all_orders`` scope Shopify shows 60 days of orders, so the first pass
  starts there.
- Cost-aware: each answer's ``extensions.cost.throttleStatus`` says how many points are left;
  when the next page would not fit, the poll waits a moment (up to 2 s) or stops and goes on
  at the next run, and a ``THROTTLED`` answer is a failure whose retry waits as long as the
  restore rate needs.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Mapping

import requests

from desktop.connectors import http
from desktop.connectors.base import Connection, Fetched, PollError, PollSummary, register
from desktop.connectors.shopify_map import query_text, write_checkout, write_customer, write_order
from desktop.messages import Msg, define

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

API_VERSION = "2026-10"
PHASES = ("orders", "customers", "abandonedCheckouts")
PAGE = 25              # with 10 line items each, about 350 points: under the 1,000-point single-query cap
OVERLAP = timedelta(minutes=5)
FIRST_LOOKBACK = timedelta(days=60)
REFRESH_BEFORE = timedelta(minutes=5)
MAX_SLEEP = 2.0

define({
    "shopify.no_secret": ("Mancano l'ID client o il segreto dell'app Shopify", "The Shopify app's client ID or secret is missing"),
    "shopify.throttled": ("Shopify chiede di rallentare (punti esauriti)", "Shopify asks us to slow down (query cost exhausted)"),
    "shopify.graphql": ("Shopify ha rifiutato la richiesta: {error}", "Shopify refused the request: {error}"),
    "shopify.paused": ("Limite di costo quasi raggiunto: si continua al prossimo giro",
                       "Query cost budget nearly used: going on at the next run"),
})


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class ShopifyPoller:
    def __init__(self, name: str, shop: str, client_id: str | None, client_secret: str | None, every: timedelta, *,
                 api_url: str | None = None, api_version: str = API_VERSION, country: str = "IT",
                 session: requests.Session | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.name, self.every, self.shop = name, every, shop
        self.base = http.require_https(api_url or f"https://{shop}")
        self.api_version, self.country = api_version, country
        self._client = (client_id or "", client_secret or "")
        self.session = session or requests.Session()
        self._sleep = sleep
        self._token: str | None = None
        self._expires: datetime | None = None
        self._costs: dict[str, float] = {}      # root field -> its last requested cost

    def _access_token(self, now: datetime) -> str:
        if self._token and self._expires and now < self._expires - REFRESH_BEFORE:
            return self._token
        if not all(self._client):
            raise PollError(Msg("shopify.no_secret"))
        answer = http.request(self.session, "POST", f"{self.base}/admin/oauth/access_token", secrets=self._client,
                              data={"grant_type": "client_credentials", "client_id": self._client[0],
                                    "client_secret": self._client[1]})
        data = answer.json(self.shop)
        if not isinstance(data, dict) or not data.get("access_token"):
            raise PollError(Msg("http.bad_json", {"host": self.shop}))
        self._token = str(data["access_token"])
        self._expires = now + timedelta(seconds=int(data.get("expires_in") or 86399))
        return self._token

    def _graphql(self, root: str, variables: dict[str, Any], now: datetime) -> dict[str, Any]:
        token = self._access_token(now)
        answer = http.request(self.session, "POST", f"{self.base}/admin/api/{self.api_version}/graphql.json",
                              json={"query": query_text(root), "variables": variables},
                              headers={"X-Shopify-Access-Token": token}, secrets=(token, *self._client))
        body = answer.json(self.shop)
        if not isinstance(body, dict):
            raise PollError(Msg("http.bad_json", {"host": self.shop}))
        errors = body.get("errors") or []
        if errors:
            codes = {str((e.get("extensions") or {}).get("code", "")) for e in errors if isinstance(e, dict)}
            if "THROTTLED" in codes:
                raise PollError(Msg("shopify.throttled"), retry_after=_wait(body, 1000) or 10.0)
            first = errors[0].get("message", "") if isinstance(errors[0], dict) else str(errors[0])
            raise PollError(Msg("shopify.graphql", {"error": str(first)[:200]}))
        return body

    def fetch(self, cursor: Mapping[str, Any], now: datetime) -> Fetched:
        phase = cursor.get("phase") or PHASES[0]
        since = dict(cursor.get("since") or {})
        start = since.get(phase) or _stamp(now - FIRST_LOOKBACK)
        body = self._graphql(phase, {"first": PAGE, "after": cursor.get("after"),
                                     "query": f"updated_at:>'{start}'"}, now)
        block = (body.get("data") or {}).get(phase) or {}
        nodes = block.get("nodes") or []
        info = block.get("pageInfo") or {}
        stamps = [cursor.get("newest") or start, *(n.get("updatedAt") or "" for n in nodes)]
        newest = max((s for s in stamps if s), key=_parse)
        items = [(phase, n) for n in nodes]
        if info.get("hasNextPage") and nodes:
            state = {"phase": phase, "since": since, "after": info.get("endCursor"), "newest": newest}
        else:
            since[phase] = _stamp(max(_parse(newest) - OVERLAP, _parse(start)))
            index = PHASES.index(phase) + 1
            state = {"phase": PHASES[index % len(PHASES)], "since": since, "after": None, "newest": None}
            if index == len(PHASES):
                return Fetched(items, state)               # the pass is over
        self._costs[phase] = _requested(body)
        following = state["phase"]
        wait = _wait(body, self._costs.get(following, max(self._costs.values(), default=0.0)))
        if wait > MAX_SLEEP:
            return Fetched(items, state, warnings=[Msg("shopify.paused")])
        if wait > 0:
            self._sleep(wait)
        return Fetched(items, state, more=True)

    def apply(self, ws: "Workspace", fetched: Fetched, now: datetime) -> PollSummary:
        summary = PollSummary(fetched=len(fetched.items))
        for phase, node in fetched.items:
            if phase == "orders":
                done = write_order(ws, self.shop, node, now, self.country)
            elif phase == "abandonedCheckouts":
                done = write_checkout(ws, self.shop, node, now, self.country)
            else:
                done = write_customer(ws, node, now, self.country)
            for kind in done:
                summary.counts[kind] = summary.counts.get(kind, 0) + 1
                summary.written += 1
        return summary


def _throttle(body: Mapping[str, Any]) -> Mapping[str, Any]:
    return ((body.get("extensions") or {}).get("cost") or {}).get("throttleStatus") or {}


def _requested(body: Mapping[str, Any]) -> float:
    return float(((body.get("extensions") or {}).get("cost") or {}).get("requestedQueryCost") or 0)


def _wait(body: Mapping[str, Any], needed: float) -> float:
    """Seconds until ``needed`` points are available again at the shop's restore rate."""
    status = _throttle(body)
    try:
        available, rate = float(status["currentlyAvailable"]), float(status["restoreRate"])
    except (KeyError, TypeError, ValueError):
        return 0.0
    needed = min(needed, float(status.get("maximumAvailable") or needed))
    return 0.0 if available >= needed or rate <= 0 else (needed - available) / rate


@register("shopify", every=timedelta(minutes=10))
def _factory(connection: Connection, secrets: Callable[[str], str | None]) -> ShopifyPoller:
    config = connection.config
    return ShopifyPoller(connection.name, config["shop"], config.get("client_id"), secrets("client_secret"),
                         connection.every, api_url=config.get("api_url"),
                         api_version=config.get("api_version", API_VERSION), country=config.get("country", "IT"))
