"""A local Shopify store answering the Admin API the way its documentation describes:

- ``POST /admin/oauth/access_token`` with ``grant_type=client_credentials``, ``client_id``,
  ``client_secret`` → ``{"access_token", "scope", "expires_in": 86399}``
  (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant);
  an expired or unknown token on the API answers 401 ``{"errors": "[API] Invalid API key or
  access token (unrecognized login or wrong password)"}``;
- ``POST /admin/api/VERSION/graphql.json`` with ``X-Shopify-Access-Token``: the root field
  asked (``orders``, ``customers``, ``abandonedCheckouts``) with ``first``/``after`` cursor paging
  and ``pageInfo { hasNextPage endCursor }`` (https://shopify.dev/docs/api/usage/pagination-graphql),
  the ``updated_at:>'…'`` search filter (https://shopify.dev/docs/api/usage/search-syntax);
- the cost model (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits):
  ``extensions.cost`` with ``requestedQueryCost``, ``actualQueryCost`` and ``throttleStatus``
  (``maximumAvailable``, ``currentlyAvailable``, ``restoreRate`` per second); a query costing
  more than is available answers HTTP 200 with ``errors: [{"message": "Throttled",
  "extensions": {"code": "THROTTLED"}}]``.

It does not parse GraphQL: it finds the root field by name and answers nodes of the shape the
documented objects have (Order, Customer, AbandonedCheckout). ``clock`` is the store's time
(tokens expire, points restore by it); tests move it.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable
from urllib.parse import parse_qs

from tests.helpers.http_server import Answer, Seen

CLIENT_ID, CLIENT_SECRET = "3f2c" + "0" * 28, "shpss_" + "9" * 32
ROOT = re.compile(r"\{\s*(orders|customers|abandonedCheckouts)\(")
SINCE = re.compile(r"updated_at:>'([^']+)'")


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def customer(n: int, consent: str = "NOT_SUBSCRIBED", sms: str = "NOT_SUBSCRIBED", updated: datetime | None = None,
             email: str | None = None) -> dict[str, Any]:
    return {"id": f"gid://shopify/Customer/{n}", "email": email or f"cliente{n}@example.org", "phone": None,
            "firstName": f"Nome{n}", "lastName": "Bianchi", "emailMarketingConsent": {"marketingState": consent},
            "smsMarketingConsent": {"marketingState": sms}, "defaultAddress": {"countryCodeV2": "IT"},
            "updatedAt": _iso(updated or datetime(2026, 3, 1, tzinfo=timezone.utc))}


def _lines() -> dict[str, Any]:
    return {"nodes": [{"title": "Tè verde", "quantity": 2, "sku": "TE-1",
                       "originalTotalSet": {"shopMoney": {"amount": "9.0", "currencyCode": "EUR"}}}]}


def order(n: int, updated: datetime, status: str = "PAID", buyer: dict[str, Any] | None = None,
          cancelled: bool = False) -> dict[str, Any]:
    return {"id": f"gid://shopify/Order/{n}", "legacyResourceId": str(n), "name": f"#{1000 + n}",
            "createdAt": _iso(updated), "updatedAt": _iso(updated), "processedAt": _iso(updated),
            "cancelledAt": _iso(updated) if cancelled else None, "displayFinancialStatus": status,
            "email": (buyer or {}).get("email"), "phone": None,
            "totalPriceSet": {"shopMoney": {"amount": "59.90", "currencyCode": "EUR"}},
            "customer": buyer or customer(n), "lineItems": _lines()}


def checkout(n: int, updated: datetime, buyer: dict[str, Any] | None = None, completed: bool = False,
             total: str = "24.50") -> dict[str, Any]:
    return {"id": f"gid://shopify/AbandonedCheckout/{n}",
            "abandonedCheckoutUrl": f"https://bottega.myshopify.com/123/checkouts/ac/{n}/recover?key=k{n}",
            "createdAt": _iso(updated - timedelta(minutes=5)), "updatedAt": _iso(updated),
            "completedAt": _iso(updated) if completed else None,
            "totalPriceSet": {"shopMoney": {"amount": total, "currencyCode": "EUR"}},
            "customer": buyer or customer(n), "lineItems": _lines()}


@dataclass
class ShopifyStore:
    clock: Callable[[], datetime]
    orders: list[dict[str, Any]] = field(default_factory=list)
    customers: list[dict[str, Any]] = field(default_factory=list)
    abandonedCheckouts: list[dict[str, Any]] = field(default_factory=list)
    maximum: float = 2000.0
    restore_rate: float = 100.0
    tokens: dict[str, datetime] = field(default_factory=dict)
    issued: int = 0
    throttled: int = 0

    def __post_init__(self) -> None:
        self.available, self._last = self.maximum, self.clock()

    def _json(self, status: int, body: Any) -> Answer:
        return status, {"Content-Type": "application/json"}, json.dumps(body).encode()

    def __call__(self, seen: Seen) -> Answer:
        if seen.path == "/admin/oauth/access_token":
            form = {k: v[0] for k, v in parse_qs(seen.body.decode()).items()}
            if (form.get("grant_type"), form.get("client_id"), form.get("client_secret")) != \
                    ("client_credentials", CLIENT_ID, CLIENT_SECRET):
                return self._json(401, {"error": "invalid_client", "error_description": "Client authentication failed"})
            token = "shpat_" + secrets.token_hex(16)
            self.tokens[token] = self.clock() + timedelta(seconds=86399)
            self.issued += 1
            return self._json(200, {"access_token": token, "scope": "read_orders,read_customers", "expires_in": 86399})
        if not re.fullmatch(r"/admin/api/\d{4}-\d{2}/graphql\.json", seen.path):
            return self._json(404, {"errors": "Not Found"})
        expires = self.tokens.get(seen.headers.get("X-Shopify-Access-Token", ""))
        if expires is None or self.clock() >= expires:
            return self._json(401, {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})
        request = json.loads(seen.body)
        return self._json(200, self._query(request["query"], request.get("variables") or {}))

    def _restore(self) -> None:
        now = self.clock()
        self.available = min(self.maximum, self.available + (now - self._last).total_seconds() * self.restore_rate)
        self._last = now

    def _query(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        root = ROOT.search(query).group(1)
        first = int(variables.get("first") or 10)
        nested = 0 if root == "customers" else 12
        requested = 2 + first + first * nested
        self._restore()
        status = {"maximumAvailable": self.maximum, "restoreRate": self.restore_rate}
        if requested > self.available:
            self.throttled += 1
            return {"errors": [{"message": "Throttled", "extensions": {
                        "code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                    "extensions": {"cost": {"requestedQueryCost": requested, "actualQueryCost": None,
                                            "throttleStatus": {**status, "currentlyAvailable": self.available}}}}
        nodes = list(getattr(self, root))
        since = SINCE.search(variables.get("query") or "")
        if since:
            nodes = [n for n in nodes if n["updatedAt"] > since.group(1)]
        nodes.sort(key=lambda n: (n["updatedAt"], n["id"]) if root != "abandonedCheckouts" else n["id"])
        start = int(base64.b64decode(variables["after"])) if variables.get("after") else 0
        page = nodes[start:start + first]
        actual = 2 + len(page) + len(page) * nested
        self.available -= actual
        end = start + len(page)
        return {"data": {root: {"nodes": page, "pageInfo": {
                    "hasNextPage": end < len(nodes), "endCursor": base64.b64encode(str(end).encode()).decode()}}},
                "extensions": {"cost": {"requestedQueryCost": requested, "actualQueryCost": actual,
                                        "throttleStatus": {**status, "currentlyAvailable": self.available}}}}
