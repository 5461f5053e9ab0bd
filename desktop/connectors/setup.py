"""Adding a connection, the same for the command line and the Connections page: the typed
fields become a validated, non-secret config; the secrets go to the keyring; then the row."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Mapping

from desktop.connectors.base import Connection, default_every
from desktop.connectors.http import require_https
from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.mailbox import validate_security
from desktop.connectors.store import Connections, validate_every
from desktop.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

SECRETS: dict[str, tuple[str, ...]] = {"woocommerce": ("key", "secret"), "shopify": ("client_secret",),
                                       "mailbox": ("password",), "rss": (), "twilio-replies": ()}
LABELS = {"key": "WooCommerce consumer key (ck_…)", "secret": "WooCommerce consumer secret (cs_…)",
          "client_secret": "Shopify app client secret", "password": "Mailbox password"}


class _Fields:
    """Typed fields read by attribute (``args.url``); a missing one is ``None``."""

    def __init__(self, fields: Mapping[str, Any]) -> None:
        self._fields = fields

    def __getattr__(self, name: str) -> Any:
        value = self._fields.get(name)
        return (value.strip() or None) if isinstance(value, str) else value

    def need(self, name: str) -> str:
        value = getattr(self, name)
        if not value:
            raise InputError(f"the {name.replace('_', ' ')} is needed", name)
        return str(value)


def connection_config(ws: "Workspace", kind: str, fields: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The connection's name and stored (non-secret) settings from what the user typed."""
    args = _Fields(fields)
    if kind == "woocommerce":
        url = require_https(args.need("url"))
        return args.name or url.split("//", 1)[1].split("/")[0], {
            "url": url, "consent_field": args.consent_field or "", "country": _country(ws)}
    if kind == "shopify":
        shop = args.need("shop").lower().removeprefix("https://").split("/")[0]
        if not shop.endswith(".myshopify.com"):
            shop += ".myshopify.com"
        config = {"shop": shop, "client_id": args.need("client_id"), "country": _country(ws)}
        if args.api_url:
            config["api_url"] = require_https(args.api_url, "--api-url")
        return args.name or shop.split(".")[0], config
    if kind == "rss":
        return args.need("name"), {"url": require_https(args.need("url"))}
    if kind == "mailbox":
        try:
            port = int(args.port or 993)
        except ValueError:
            raise InputError(f"{args.port!r} is not a port number", "port") from None
        security = args.security or ("ssl" if port == 993 else "starttls")
        validate_security(args.need("host"), security)
        user = args.user or str(ws.settings.get("smtp.username") or "")
        if not user:
            raise InputError("name the mailbox user with --user (or set smtp.username)", "--user")
        return args.name or f"mail-{args.host}", {"host": args.host, "port": port, "user": user,
                                                  "security": security, "folder": args.folder}
    sid = str(ws.settings.get("twilio.account_sid") or "")
    if not sid:
        raise InputError("set twilio.account_sid and `credentials set twilio` first", "twilio.account_sid")
    config = {"account_sid": sid, "shared_account": "twilio"}
    if args.api_url:
        config["base_url"] = require_https(args.api_url, "--api-url")
    return args.name or "sms-replies", config


def _country(ws: "Workspace") -> str:
    return str(ws.settings.get("business.country") or "IT")


def add_connection(ws: "Workspace", kind: str, fields: Mapping[str, Any], secrets: Mapping[str, str],
                   store_secrets: ConnectionSecrets, now: datetime, *, every: timedelta | None = None) -> Connection:
    """Validate everything, store the secrets, then the connection (nothing half-done on bad input)."""
    if kind not in SECRETS:
        raise InputError(f"unknown connection kind {kind!r}", "kind")
    name, config = connection_config(ws, kind, fields)
    store = Connections(ws.db)
    if store.get(name) is not None:
        raise InputError(f"there is already a connection named {name!r}", "name")
    connection = store.new(name, kind, config, every or default_every(kind))
    for key in SECRETS[kind]:
        if not (secrets.get(key) or "").strip():
            raise InputError(f"the {LABELS[key]} is empty; nothing was stored", key)
    validate_every(connection.every)
    for key in SECRETS[kind]:
        store_secrets.set(name, key, secrets[key])
    with ws.transaction():
        store.add(connection, now)
    return connection


def ensure_sms_replies(ws: "Workspace", now: datetime) -> bool:
    """With a Twilio account set up, its delivery reports and STOP/START replies are read
    without the user having to connect anything: the engine makes the ``sms-replies``
    connection when it starts (the user may pause or remove it like any other; removed, it
    comes back only if none of that kind exists). True if it was made now."""
    sid = str(ws.settings.get("twilio.account_sid") or "")
    store = Connections(ws.db)
    if not sid or any(c.kind == "twilio-replies" for c in store.all()):
        return False
    with ws.transaction():
        store.add(store.new("sms-replies", "twilio-replies", {"account_sid": sid, "shared_account": "twilio"},
                            default_every("twilio-replies")), now)
    return True
