"""The endpoint's routes (aiohttp.web): health, unsubscribe, clicks, opens, webhooks.

Every handler checks its token first (``desktop.tokens``: HMAC-SHA256 with this workspace's
key, constant-time comparison, canonical spelling only) and hands any database work to the
endpoint's own database thread (``worker``), awaiting its commit before answering. A bad
or altered token records nothing: a click shows a plain page and redirects nowhere — the
only place a click ever redirects to is the URL inside its own signed token.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, TypeVar

from aiohttp import web

from desktop import tokens
from desktop.connectors.keys import ConnectionSecrets
from desktop.endpoint import pages, records, webhooks
from desktop.endpoint.worker import DbWorker
from desktop.workspace import Workspace

log = logging.getLogger("postino.endpoint")
T = TypeVar("T")
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
_NO_STORE = {"Cache-Control": "no-store, private", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"}


@dataclass(frozen=True)
class Context:
    worker: DbWorker
    key: bytes
    workspace_id: str
    opens: bool                      # tracking.opens when the server started
    language: str                    # the workspace's, for pages that know no contact
    clock: Callable[[], datetime]    # the engine's clock: handlers never read their own
    secrets: ConnectionSecrets       # the webhook secrets, cached (``secret_cache``)


CONTEXT = web.AppKey("postino", Context)


def _ctx(request: web.Request) -> Context:
    return request.app[CONTEXT]


async def _db(request: web.Request, fn: Callable[[Workspace], T]) -> T:
    return await _ctx(request).worker.run(fn)


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8", headers=_NO_STORE)


async def health(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    try:
        await asyncio.wait_for(_db(request, lambda ws: ws.db.execute("SELECT 1").fetchone()), 5)
    except Exception:  # noqa: BLE001 - the database thread is stuck or gone: not healthy
        return web.json_response({"ok": False, "workspace": ctx.workspace_id}, status=503, headers=_NO_STORE)
    return web.json_response({"ok": True, "service": "postino", "workspace": ctx.workspace_id}, headers=_NO_STORE)


async def unsubscribe_page(request: web.Request) -> web.Response:
    info = tokens.verify_token(_ctx(request).key, request.match_info["token"])
    if info is None or info.purpose != "unsub":
        return _html(pages.invalid_page(_ctx(request).language), 404)
    facts = await _db(request, lambda ws: records.page_facts(ws, info))
    if not facts.known:
        return _html(pages.invalid_page(facts.language), 404)
    if facts.already:
        return _html(pages.done_page(facts.shop, facts.language, already=True))
    return _html(pages.confirm_page(facts.shop, info.channel, facts.language))


async def unsubscribe_post(request: web.Request) -> web.Response:
    """RFC 8058 one-click (body ``List-Unsubscribe=One-Click``) or the confirmation form."""
    ctx = _ctx(request)
    info = tokens.verify_token(ctx.key, request.match_info["token"])
    if info is None or info.purpose != "unsub":
        return _html(pages.invalid_page(ctx.language), 404)
    form = await request.post()
    one_click = form.get("List-Unsubscribe") == "One-Click"
    if not one_click and form.get("confirm") != "1":
        return _html(pages.invalid_page(ctx.language, bad_form=True), 400)
    now = ctx.clock()
    via = "one_click" if one_click else "web_page"
    await _db(request, lambda ws: records.unsubscribe(ws, info, via, now))
    if one_click:
        return web.Response(text="unsubscribed\n", headers=_NO_STORE)
    facts = await _db(request, lambda ws: records.page_facts(ws, info))
    return _html(pages.done_page(facts.shop, facts.language))


async def click(request: web.Request) -> web.StreamResponse:
    ctx = _ctx(request)
    info = tokens.verify_click(ctx.key, request.match_info["token"])
    if info is None:
        return _html(pages.invalid_page(ctx.language), 404)
    if request.method == "GET":  # HEAD is a link checker's, not a person's click
        now = ctx.clock()
        try:
            agent = request.headers.get("User-Agent", "")
            await _db(request, lambda ws: records.click(ws, info, agent, now))
        except Exception:  # noqa: BLE001 - the person still reaches the page
            log.exception("could not record a click")
    return web.Response(status=302, headers={"Location": info.url, **_NO_STORE})


async def pixel(request: web.Request) -> web.Response:
    ctx = _ctx(request)
    ledger_id = tokens.verify_open(ctx.key, request.match_info["token"])
    if ledger_id is None:
        return web.Response(status=404, text="not found\n", headers=_NO_STORE)
    if ctx.opens:
        now, agent, method = ctx.clock(), request.headers.get("User-Agent", ""), request.method
        try:
            await _db(request, lambda ws: records.open_(ws, ledger_id, method, agent, now))
        except Exception:  # noqa: BLE001 - an image must still come back
            log.exception("could not record an open")
    return web.Response(body=PIXEL, content_type="image/gif", headers=_NO_STORE)


async def webhook(request: web.Request) -> web.Response:
    kind = request.match_info["kind"]
    if kind not in webhooks.KINDS:
        return web.json_response({"code": "webhook_unknown"}, status=404)
    limit = webhooks.MAX_BODY
    if request.content_length is not None and request.content_length > limit:
        return web.json_response({"code": "body_too_large", "limit": limit}, status=413)
    body = bytearray()
    async for chunk in request.content.iter_chunked(65536):
        body += chunk
        if len(body) > limit:  # chunked, or a Content-Length that lied
            return web.json_response({"code": "body_too_large", "limit": limit}, status=413)
    headers, now = request.headers, _ctx(request).clock()
    try:
        reply = await _db(request, lambda ws: webhooks.handle(kind, ws, headers, bytes(body), now,
                                                                      secrets=_ctx(request).secrets))
    except Exception:  # noqa: BLE001 - its savepoint was rolled back: nothing half-written
        log.exception("webhook %s failed", kind)
        return web.json_response({"code": "webhook_failed"}, status=500)
    return web.json_response(reply.body, status=reply.status)


def build_app(ctx: Context) -> web.Application:
    app = web.Application(client_max_size=64 * 1024)  # forms; webhooks stream their body themselves
    app[CONTEXT] = ctx
    app.add_routes([
        web.get("/health", health),
        web.get("/unsubscribe/{token}", unsubscribe_page),
        web.post("/unsubscribe/{token}", unsubscribe_post),
        web.get("/c/{token}", click),
        web.get("/o/{token}", pixel),
        web.post("/webhooks/{kind}", webhook),
    ])
    return app

