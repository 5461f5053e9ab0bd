"""``connect KIND …`` adds a connection; ``connections list | test NAME | remove NAME | pause NAME |
resume NAME | webhook-secret NAME|--generic [--generate]``; ``poll [NAME]`` polls now.

Secrets are read from standard input (one per line, in the order the command names them) or
asked with a hidden prompt, and go to the OS keyring as ``connection:NAME:KEY``; the database
keeps only the non-secret settings. Addresses must be https (or this computer).
"""

from __future__ import annotations

import argparse
import getpass
import json
import secrets
import sys
import threading
from datetime import datetime, timedelta, timezone

from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.run import PollOutcome, build_poller, poll_by_name
from desktop.connectors.setup import LABELS, SECRETS, add_connection, connection_config
from desktop.connectors.store import Connections
from desktop.endpoint.webhook_signatures import FALLBACK_KEY, WEBHOOK_KEY
from desktop.cli.words import language, say
from desktop.errors import InputError
from desktop.messages import Msg, define, text
from desktop.workspace import Workspace

define({
    "cli.connection_added": ("collegamento {name!r} ({kind}) aggiunto, controllato ogni {minutes} min",
                             "connection {name!r} ({kind}) added, polled every {minutes} min"),
    "cli.woo_no_carts": ("nota: WooCommerce non ha carrelli abbandonati suoi; questo collegamento porta ordini e "
                         "clienti",
                         "note: WooCommerce has no abandoned carts of its own; this connection brings orders and "
                         "customers"),
    "cli.poll_failed": ("{name}: controllo non riuscito: {error}", "{name}: failed: {error}"),
    "cli.poll_nothing_new": ("niente di nuovo", "nothing new"),
    "cli.poll_done": ("{name}: pagine {pages}, elementi letti {fetched}, {counts}", "{name}: {pages} page(s), {fetched} read, {counts}"),
    "cli.test_ok": ("{name}: ok, elementi nella prima pagina: {count}", "{name}: ok, {count} item(s) on the first page"),
    "cli.test_ok_more": ("{name}: ok, elementi nella prima pagina: {count} (ne seguono altri)",
                         "{name}: ok, {count} item(s) on the first page, more follow"),
    "cli.no_connections": ("nessun collegamento (aggiungine uno con `connect rss|woocommerce|shopify|mailbox|"
                           "twilio-replies`)",
                           "no connections (add one with `connect rss|woocommerce|shopify|mailbox|twilio-replies`)"),
    "cli.connection_on": ("attivo", "on"), "cli.connection_paused": ("in pausa", "paused"),
    "cli.never": ("mai", "never"),
    "cli.connection_row": ("ogni {minutes} min  ultimo controllo {last}  portati {brought}",
                           "every {minutes} min  last poll {last}  brought {brought}"),
    "cli.connection_removed": ("collegamento {name!r} rimosso (i suoi eventi restano)",
                               "connection {name!r} removed (its events stay)"),
    "cli.connection_resumed": ("collegamento {name!r} ripreso", "connection {name!r} resumed"),
    "cli.connection_paused_now": ("collegamento {name!r} in pausa", "connection {name!r} paused"),
    "cli.webhook_which": ("indica un collegamento WooCommerce o Shopify, oppure usa --generic",
                          "name a WooCommerce or Shopify connection, or use --generic"),
    "cli.webhook_kind": ("{name!r} è un collegamento {kind}; i webhook arrivano da WooCommerce e Shopify",
                         "{name!r} is a {kind} connection; webhooks come from WooCommerce and Shopify"),
    "cli.webhook_label": ("Segreto del webhook", "Webhook secret"),
    "cli.webhook_stored": ("segreto del webhook salvato nel portachiavi; il negozio invia a `PUBLIC_URL/webhooks/{kind}`",
                           "webhook secret stored in the keyring; the shop delivers to PUBLIC_URL/webhooks/{kind}"),
})


def _read(label: str) -> str:
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(f"{label}: ")


def _lang(ws: Workspace) -> str:
    """The command line's language (``--language``, ``POSTINO_LANGUAGE``, ``ui.language``, locale)."""
    return language(ws)


def _connect(args: argparse.Namespace, ws: Workspace) -> int:
    fields = {k: v for k, v in vars(args).items() if k not in ("handler", "command", "kind", "every")}
    name, _config = connection_config(ws, args.kind, fields)      # bad input fails before any prompt
    values = {key: _read(say(Msg(LABELS[key]), ws)) for key in SECRETS[args.kind]}
    every = timedelta(minutes=args.every) if args.every else None
    connection = add_connection(ws, args.kind, fields, values, ConnectionSecrets(), datetime.now(timezone.utc),
                                every=every)
    print(say(Msg("cli.connection_added", {"name": name, "kind": args.kind,
                                           "minutes": int(connection.every.total_seconds() // 60)}), ws))
    if args.kind == "woocommerce":
        print(say(Msg("cli.woo_no_carts"), ws))
    return 0


def _outcome_line(outcome: PollOutcome, lang: str) -> str:
    if outcome.error is not None:
        return text(Msg("cli.poll_failed", {"name": outcome.name, "error": outcome.error}), lang)
    counts = ", ".join(f"{k}={v}" for k, v in sorted(outcome.summary.counts.items())) \
        or text(Msg("cli.poll_nothing_new"), lang)
    warnings = "".join("\n  " + text(Msg("cli.warning", {"text": w}), lang) for w in outcome.summary.warnings)
    return text(Msg("cli.poll_done", {"name": outcome.name, "pages": outcome.pages,
                                      "fetched": outcome.summary.fetched, "counts": counts}), lang) + warnings


def _poll(args: argparse.Namespace, ws: Workspace) -> int:
    store = Connections(ws.db)
    names = [args.name] if args.name else [c.name for c in store.enabled()]
    lock = threading.RLock()
    failed = 0
    for name in names:
        outcome = poll_by_name(ws, name, ConnectionSecrets(), datetime.now(timezone.utc), db_lock=lock)
        print(_outcome_line(outcome, _lang(ws)))
        failed += outcome.error is not None
    return 1 if failed else 0


def _test(args: argparse.Namespace, ws: Workspace) -> int:
    """Fetch once without writing anything: the address, the key and the answer are checked."""
    from desktop.connectors.base import PollError

    connection = Connections(ws.db).require(args.name)
    try:
        fetched = build_poller(connection, ConnectionSecrets()).fetch(connection.cursor, datetime.now(timezone.utc))
    except PollError as exc:
        print(say(Msg("cli.poll_failed", {"name": args.name, "error": exc.msg}), ws), file=sys.stderr)
        return 1
    code = "cli.test_ok_more" if fetched.more else "cli.test_ok"
    print(say(Msg(code, {"name": args.name, "count": len(fetched.items)}), ws))
    return 0


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    lang = _lang(ws)
    rows = []
    for s in Connections(ws.db).statuses():
        c = s.connection
        rows.append({"name": c.name, "kind": c.kind, "enabled": c.enabled, "every_minutes": int(c.every.total_seconds() // 60),
                     "last_poll_at": s.last_poll_at.isoformat() if s.last_poll_at else None,
                     "last_ok_at": s.last_ok_at.isoformat() if s.last_ok_at else None,
                     "last_counts": s.last_counts, "failures": s.failures,
                     "last_error": text(s.last_error, lang) if s.last_error else None,
                     "last_error_code": s.last_error.as_dict() if s.last_error else None})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(say(Msg("cli.no_connections"), ws))
    states = {True: say(Msg("cli.connection_on"), ws), False: say(Msg("cli.connection_paused"), ws)}
    width = max(len(w) for w in states.values())
    for r in rows:
        brought = ", ".join(f"{k}={v}" for k, v in sorted(r["last_counts"].items())) or "-"
        error = "  " + say(Msg("cli.error", {"text": r["last_error"]}), ws) if r["last_error"] else ""
        facts = say(Msg("cli.connection_row", {"minutes": r["every_minutes"], "brought": brought,
                                               "last": r["last_poll_at"] or say(Msg("cli.never"), ws)}), ws)
        print(f"{r['name']:<20} {r['kind']:<15} {states[r['enabled']]:<{width}} {facts}{error}")
    return 0


def _remove(args: argparse.Namespace, ws: Workspace) -> int:
    store = Connections(ws.db)
    connection = store.require(args.name)
    with ws.transaction():
        store.remove(args.name)
    for key in (*SECRETS.get(connection.kind, ()), WEBHOOK_KEY):
        ConnectionSecrets().delete(args.name, key)
    print(say(Msg("cli.connection_removed", {"name": args.name}), ws))
    return 0


def _webhook_secret(args: argparse.Namespace, ws: Workspace) -> int:
    """The secret a shop signs its webhooks with, into the keyring (typed, piped, or made here
    with ``--generate`` and printed once, to paste into the shop's webhook form)."""
    if args.generic == bool(args.name):
        raise InputError(Msg("cli.webhook_which"), "name")
    kind = "generic"
    if args.name:
        kind = Connections(ws.db).require(args.name).kind
        if kind not in FALLBACK_KEY:
            raise InputError(Msg("cli.webhook_kind", {"name": args.name, "kind": kind}), "name")
    value = secrets.token_urlsafe(32) if args.generate else _read(say(Msg("cli.webhook_label"), ws))
    store = ConnectionSecrets()
    if args.generic:
        store.set_generic_webhook(value)
    else:
        store.set(args.name, WEBHOOK_KEY, value)
    if args.generate:
        print(value)
    print(say(Msg("cli.webhook_stored", {"kind": kind}), ws))
    return 0


def _pause(args: argparse.Namespace, ws: Workspace) -> int:
    with ws.transaction():
        Connections(ws.db).set_enabled(args.name, args.action == "resume")
    code = "cli.connection_resumed" if args.action == "resume" else "cli.connection_paused_now"
    print(say(Msg(code, {"name": args.name}), ws))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    connect = subparsers.add_parser("connect", help="connect a shop, a feed, a mailbox or Twilio replies")
    kinds = connect.add_subparsers(dest="kind", required=True, metavar="KIND")

    def common(p: argparse.ArgumentParser, name_required: bool = False) -> None:
        p.add_argument("--name", required=name_required, help="the connection's name")
        p.add_argument("--every", type=int, metavar="MIN", help="minutes between polls (5 to 1440)")
        p.set_defaults(handler=_connect)

    woo = kinds.add_parser("woocommerce", help="orders and customers (key and secret from stdin or a prompt)")
    woo.add_argument("url", help="the shop's address, https://…")
    woo.add_argument("--consent-field", metavar="META_KEY", help="the order meta field holding the newsletter opt-in")
    common(woo)
    shop = kinds.add_parser("shopify", help="orders, customers, abandoned checkouts (client secret from stdin)")
    shop.add_argument("shop", help="the shop, e.g. bottega or bottega.myshopify.com")
    shop.add_argument("--client-id", required=True, help="the Dev Dashboard app's client ID")
    shop.add_argument("--api-url", help=argparse.SUPPRESS)
    common(shop)
    rss = kinds.add_parser("rss", help="an RSS or Atom feed")
    rss.add_argument("url")
    common(rss, name_required=True)
    mail = kinds.add_parser("mailbox", help="bounces and unsubscribe replies by IMAP (password from stdin)")
    mail.add_argument("host")
    mail.add_argument("--port", type=int)
    mail.add_argument("--user")
    mail.add_argument("--security", choices=("ssl", "starttls", "none"))
    mail.add_argument("--folder", default="INBOX")
    common(mail)
    sms = kinds.add_parser("twilio-replies", help="SMS STOP/START replies and delivery status (Twilio account)")
    sms.add_argument("--api-url", help=argparse.SUPPRESS)
    common(sms)

    connections = subparsers.add_parser("connections", help="list, test, pause, resume or remove connections")
    actions = connections.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(handler=_list)
    for action, handler in (("test", _test), ("remove", _remove), ("pause", _pause), ("resume", _pause)):
        sub = actions.add_parser(action)
        sub.add_argument("name")
        sub.set_defaults(handler=handler)
    hook = actions.add_parser("webhook-secret", help="store the secret a shop signs its webhooks with (from stdin "
                                                     "or a prompt)")
    hook.add_argument("name", nargs="?", help="the WooCommerce or Shopify connection")
    hook.add_argument("--generic", action="store_true", help="the generic JSON endpoint's secret instead")
    hook.add_argument("--generate", action="store_true", help="make a random secret, store it and print it once")
    hook.set_defaults(handler=_webhook_secret)

    poll = subparsers.add_parser("poll", help="poll one connection (or all enabled ones) now")
    poll.add_argument("name", nargs="?")
    poll.set_defaults(handler=_poll)
