"""What the webhook modules share: the reply, a verified delivery, and a platform's hooks.

A platform module (``webhook_woo``, ``webhook_shopify``, ``webhook_generic``) knows its
headers and payloads and nothing of HTTP or transactions; the dispatcher (``webhooks.py``)
checks size and signature, parses the JSON once, and writes the ``Delivery`` a platform made
of it in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping

from desktop.messages import Msg

if TYPE_CHECKING:  # pragma: no cover
    from desktop.connectors.base import Connection
    from desktop.workspace import Workspace


@dataclass(frozen=True)
class WebhookReply:
    """The HTTP answer: a status and a JSON body of message codes (never English sentences)."""

    status: int
    body: dict


def reply(status: int, code: str, **params: Any) -> WebhookReply:
    return WebhookReply(status, {"ok": 200 <= status < 300, **Msg(code, params).as_dict()})


@dataclass(frozen=True)
class Signer:
    """A secret that may have signed a delivery, and the connection it belongs to (``None``
    for the generic endpoint). ``secret`` never appears in a repr or a log."""

    connection: "Connection | None"
    secret: str = field(repr=False)


Writer = Callable[["Workspace", datetime], list[str]]


@dataclass(frozen=True)
class Delivery:
    """What a platform made of a verified request: its delivery id (for "already stored"),
    its topic, and the writer to run in the delivery's transaction (``None``: a topic Postino
    does not use, answered 200 so the shop does not disable the webhook)."""

    topic: str
    delivery_id: str | None = None
    write: Writer | None = None
    skip: str = ""                 # why nothing is written although the topic is known (a test order)


class BadPayload(Exception):
    """A well-formed JSON body that is not what the topic promises: 422 with the JSON path."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Platform:
    """One webhook kind: the signature header, the request's claim of which shop sent it
    (to try that connection's secret first), an answer before any signature check (the
    WooCommerce ping), and the parse of the JSON body."""

    signature_header: str
    source: Callable[[Mapping[str, str]], str]
    parse: Callable[[Mapping[str, str], Any, Signer, datetime, str], Delivery]   # (…, now, business country)
    before_signature: Callable[[Mapping[str, str], bytes], "WebhookReply | None"] = lambda headers, body: None
