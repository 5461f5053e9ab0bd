"""PLACEHOLDER — the contract only; the real WooCommerce / Shopify / generic handlers replace
this file at merge (they are written on another branch).

``handle`` runs on the endpoint's database thread, inside its own savepoint (an exception
undoes everything it wrote); the server has already refused bodies over ``MAX_BODY`` with 413.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

MAX_BODY = 1024 * 1024
KINDS = ("woocommerce", "shopify", "generic")


@dataclass(frozen=True)
class WebhookReply:
    status: int
    body: dict[str, Any]


def handle(kind: str, ws: "Workspace", headers: Mapping[str, str], body: bytes, now: datetime) -> WebhookReply:
    return WebhookReply(404, {"code": "webhook_unknown"})
