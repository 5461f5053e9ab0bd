"""A local WooCommerce store speaking the REST API v3 as documented
(https://woocommerce.github.io/woocommerce-rest-api-docs/):

- ``GET /wp-json/wc/v3/orders`` with ``modified_after`` (ISO 8601; with ``dates_are_gmt=true``
  compared to ``date_modified_gmt``), ``orderby=modified``, ``order=asc``, ``per_page`` (at most
  100) and ``page``; the ``X-WP-Total`` and ``X-WP-TotalPages`` headers ("Pagination");
- ``GET /wp-json/wc/v3/customers`` paged the same way (it has no modified filter);
- HTTP Basic authentication with the consumer key and secret ("Authentication over HTTPS");
  a wrong key answers 401 with WordPress's error body
  ``{"code": "woocommerce_rest_cannot_view", "message": …, "data": {"status": 401}}``;
- the order's fields used here: ``id``, ``number``, ``status``, ``currency``, ``total``,
  ``date_created_gmt``, ``date_modified_gmt``, ``date_paid_gmt``, ``billing``, ``line_items``,
  ``meta_data``.

``fail`` holds answers for the next requests (a status, or ``"garbage"`` for a body that is
not JSON); a 429 carries ``Retry-After``.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from tests.helpers.http_server import Answer, Seen

KEY, SECRET = "ck_" + "a1" * 20, "cs_" + "b2" * 20


def order(number: int, modified: datetime, status: str = "processing", email: str | None = None,
          total: str = "49.90", meta: list[dict[str, Any]] | None = None, phone: str = "") -> dict[str, Any]:
    stamp = modified.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return {
        "id": number, "number": str(number), "status": status, "currency": "EUR", "total": total,
        "date_created_gmt": stamp, "date_modified_gmt": stamp,
        "date_paid_gmt": stamp if status in ("processing", "completed") else None,
        "customer_id": 0,
        "billing": {"first_name": f"Nome{number}", "last_name": "Rossi", "email": email or f"buyer{number}@example.org",
                    "phone": phone, "country": "IT", "city": "Forlì"},
        "line_items": [{"id": number * 10, "name": "Tè verde", "product_id": 7, "quantity": 2, "sku": "TE-1",
                        "total": "9.00", "price": 4.5}],
        "meta_data": meta or [],
    }


@dataclass
class WooStore:
    orders: list[dict[str, Any]] = field(default_factory=list)
    customers: list[dict[str, Any]] = field(default_factory=list)
    fail: list[Any] = field(default_factory=list)
    key: str = KEY
    secret: str = SECRET

    def _error(self, status: int, code: str, message: str) -> Answer:
        headers = {"Content-Type": "application/json"}
        if status == 429:
            headers["Retry-After"] = "600"
        return status, headers, json.dumps({"code": code, "message": message, "data": {"status": status}}).encode()

    def __call__(self, seen: Seen) -> Answer:
        token = base64.b64encode(f"{self.key}:{self.secret}".encode()).decode()
        if seen.headers.get("Authorization") != f"Basic {token}":
            return self._error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
        if self.fail:
            what = self.fail.pop(0)
            if what == "garbage":
                return 200, {"Content-Type": "application/json"}, b"<html>PHP Fatal error"
            return self._error(int(what), "rest_error", "error")
        query = {k: v[0] for k, v in seen.query.items()}
        if seen.path == "/wp-json/wc/v3/orders":
            found = self.orders
            if "modified_after" in query:
                bound = query["modified_after"]
                found = [o for o in found if o["date_modified_gmt"] > bound]
            if query.get("orderby") == "modified":
                found = sorted(found, key=lambda o: (o["date_modified_gmt"], o["id"]),
                               reverse=query.get("order") == "desc")
        elif seen.path == "/wp-json/wc/v3/customers":
            found = self.customers
        else:
            return self._error(404, "rest_no_route", "No route was found matching the URL and request method.")
        per_page = min(int(query.get("per_page", 10)), 100)
        page = int(query.get("page", 1))
        body = found[(page - 1) * per_page: page * per_page]
        headers = {"Content-Type": "application/json", "X-WP-Total": str(len(found)),
                   "X-WP-TotalPages": str(max(1, math.ceil(len(found) / per_page)))}
        return 200, headers, json.dumps(body).encode()


def orders_over(count: int, start: datetime, step: timedelta = timedelta(minutes=1)) -> list[dict[str, Any]]:
    return [order(i + 1, start + step * i) for i in range(count)]
