"""``POST /webhooks/{kind}``: the one function the HTTP server calls for a shop's delivery.

``handle(kind, ws, headers, body, now)`` runs on the server's thread with the server's own
workspace connection and returns a ``WebhookReply`` (status + JSON body of message codes).
The order of the checks is the order of what a forger could try:

1. unknown kind → 404; a body over ``MAX_BODY`` → 413 (the server refuses those itself too);
2. the WooCommerce ping (unsigned, carries nothing) → 200, nothing recorded;
3. no secret configured for the kind → 503 ``webhook.not_configured`` — never "accept
   unsigned"; a keyring that cannot be read → 503 ``webhook.keyring_unavailable``;
4. no signature or a wrong one (an altered body) → 401, before the body is even parsed;
5. malformed JSON → 400 with the line, column and character position; JSON that is not
   what the topic promises → 422 with its JSON path;
6. one transaction per delivery: the delivery id (``webhook_deliveries``) and every event and
   contact it brings, or nothing — a repeated delivery → 200 ``webhook.duplicate``, a failed
   write → 500 (the shop retries) with no row left behind.

The events are written by the pollers' own writers with the same natural ids, so a shop
that is both polled and pushes webhooks gets each order once.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Mapping

from desktop.connectors.keys import ConnectionSecrets
from desktop.endpoint import webhook_generic, webhook_shopify, webhook_woo
from desktop.endpoint.webhook_signatures import first_valid, signers
from desktop.endpoint.webhook_types import BadPayload, Delivery, Platform, Signer, WebhookReply, reply
from desktop.messages import define
from desktop.secrets import KeyringUnavailable
from desktop.timeutil import to_db

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

__all__ = ["KINDS", "MAX_BODY", "WebhookReply", "handle", "PLATFORMS"]

log = logging.getLogger("postino.webhooks")
MAX_BODY = 1024 * 1024        # 1 MiB: a shop's order with hundreds of lines is well under 100 KiB
KEEP_DELIVERIES = timedelta(days=30)
PLATFORMS: dict[str, Platform] = {"woocommerce": webhook_woo.PLATFORM, "shopify": webhook_shopify.PLATFORM,
                                  "generic": webhook_generic.PLATFORM}
KINDS = tuple(PLATFORMS)       # the server's ``POST /webhooks/{kind}`` routes

define({
    "webhook.unknown_kind": ("Webhook sconosciuto: {kind}", "Unknown webhook kind: {kind}"),
    "webhook.too_large": ("Richiesta troppo grande (massimo {limit} byte)", "Request too large (at most {limit} bytes)"),
    "webhook.ping": ("Ping di WooCommerce ricevuto", "WooCommerce ping received"),
    "webhook.not_configured": ("Nessun segreto configurato per i webhook {kind}",
                               "No secret is configured for {kind} webhooks"),
    "webhook.keyring_unavailable": ("Il portachiavi non si può leggere: webhook non verificabile",
                                    "The keyring cannot be read: the webhook cannot be verified"),
    "webhook.unsigned": ("Richiesta senza firma", "The request is not signed"),
    "webhook.bad_signature": ("Firma non valida", "Invalid signature"),
    "webhook.not_utf8": ("Il corpo non è testo UTF-8", "The body is not UTF-8 text"),
    "webhook.bad_json": ("JSON non valido alla riga {line}, colonna {column}: {error}",
                         "Invalid JSON at line {line}, column {column}: {error}"),
    "webhook.too_deep": ("JSON annidato troppo in profondità", "JSON nested too deeply"),
    "webhook.not_an_object": ("In {path} serve un oggetto JSON", "A JSON object is needed at {path}"),
    "webhook.missing_field": ("Manca il campo {path}", "The field {path} is missing"),
    "webhook.bad_field": ("Il campo {path} non è valido (atteso: {expected})",
                          "The field {path} is not valid (expected: {expected})"),
    "webhook.too_many_events": ("Troppi eventi in una consegna (massimo {limit})",
                                "Too many events in one delivery (at most {limit})"),
    "webhook.ignored": ("Argomento {topic} non usato da Postino: ignorato", "Topic {topic} is not used by Postino: ignored"),
    "webhook.test_order": ("Ordine di prova: non registrato", "Test order: not recorded"),
    "webhook.duplicate": ("Consegna {delivery} già registrata", "Delivery {delivery} was already stored"),
    "webhook.stored": ("Consegna registrata", "Delivery stored"),
    "webhook.write_failed": ("Registrazione non riuscita ({error}): nulla è stato salvato",
                             "Could not store the delivery ({error}): nothing was saved"),
})


def handle(kind: str, ws: "Workspace", headers: Mapping[str, str], body: bytes, now: datetime, *,
           secrets: ConnectionSecrets | None = None) -> WebhookReply:
    """Verify, parse and store one delivery. ``secrets`` is for tests and the server (a
    keyring it already opened); by default the OS keyring is read for every delivery, so a
    secret changed with the CLI counts at once."""
    platform = PLATFORMS.get(kind)
    if platform is None:
        return reply(404, "webhook.unknown_kind", kind=kind)
    if len(body) > MAX_BODY:
        return reply(413, "webhook.too_large", limit=MAX_BODY)
    lowered = {str(k).lower(): str(v) for k, v in headers.items()}
    early = platform.before_signature(lowered, body)
    if early is not None:
        return early
    try:
        candidates = signers(ws, kind, secrets or ConnectionSecrets(), platform.source(lowered))
    except KeyringUnavailable:
        return reply(503, "webhook.keyring_unavailable")
    if not candidates:
        return reply(503, "webhook.not_configured", kind=kind)
    header = lowered.get(platform.signature_header, "")
    if not header:
        return reply(401, "webhook.unsigned")
    signer = first_valid(candidates, body, header)
    if signer is None:
        return reply(401, "webhook.bad_signature")
    return _parse_and_store(kind, platform, ws, lowered, body, signer, now)


def _parse_and_store(kind: str, platform: Platform, ws: "Workspace", headers: Mapping[str, str], body: bytes,
                     signer: Signer, now: datetime) -> WebhookReply:
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return reply(400, "webhook.not_utf8", position=exc.start)
    except json.JSONDecodeError as exc:
        return reply(400, "webhook.bad_json", line=exc.lineno, column=exc.colno, position=exc.pos, error=exc.msg)
    except RecursionError:
        return reply(400, "webhook.too_deep")
    country = str(ws.settings.get("business.country") or "IT")
    try:
        delivery = platform.parse(headers, data, signer, now, country)
    except BadPayload as exc:
        return reply(422, exc.code, **exc.params)
    if delivery.skip:
        return reply(200, f"webhook.{delivery.skip}", topic=delivery.topic)
    if delivery.write is None:
        return reply(200, "webhook.ignored", topic=delivery.topic)
    return _store(kind, ws, signer, delivery, now)


def _first_time(ws: "Workspace", kind: str, signer: Signer, delivery: Delivery, now: datetime) -> bool:
    ws.db.execute("DELETE FROM webhook_deliveries WHERE received_at < ?", [to_db(now - KEEP_DELIVERIES)])
    cursor = ws.db.execute(
        "INSERT INTO webhook_deliveries(kind, delivery_id, connection, topic, received_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [kind, delivery.delivery_id, signer.connection.name if signer.connection else None, delivery.topic,
         to_db(now)])
    return bool(cursor.rowcount)


def _store(kind: str, ws: "Workspace", signer: Signer, delivery: Delivery, now: datetime) -> WebhookReply:
    assert delivery.write is not None
    try:
        with ws.transaction():
            if delivery.delivery_id and not _first_time(ws, kind, signer, delivery, now):
                return reply(200, "webhook.duplicate", delivery=delivery.delivery_id)
            done = delivery.write(ws, now)
    except Exception as exc:  # noqa: BLE001 - rolled back; the shop retries, the server goes on
        log.exception("webhook %s (%s) could not be stored", kind, delivery.topic)
        return reply(500, "webhook.write_failed", error=type(exc).__name__)
    counts = dict(sorted(Counter(done).items()))
    return reply(200, "webhook.stored", topic=delivery.topic, counts=counts)
