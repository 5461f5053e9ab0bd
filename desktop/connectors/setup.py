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
from desktop.messages import Msg, define

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

SECRETS: dict[str, tuple[str, ...]] = {"woocommerce": ("key", "secret"), "shopify": ("client_secret",),
                                       "mailbox": ("password",), "rss": (), "twilio-replies": ()}
# What each secret is called, in a prompt and in a refusal (codes: ``text(Msg(LABELS[key]), lang)``).
LABELS = {"key": "connection.label_key", "secret": "connection.label_secret",
          "client_secret": "connection.label_client_secret", "password": "connection.label_password"}
define({
    "connection.label_key": ("Chiave consumer di WooCommerce (ck_…)", "WooCommerce consumer key (ck_…)"),
    "connection.label_secret": ("Segreto consumer di WooCommerce (cs_…)", "WooCommerce consumer secret (cs_…)"),
    "connection.label_client_secret": ("Chiave segreta client dell'app Shopify", "Shopify app client secret"),
    "connection.label_password": ("Password della casella di posta", "Mailbox password"),
    "connection.needed": ("manca il campo «{name}»", "the {name} is needed"),
    "connection.bad_port": ("{value!r} non è un numero di porta", "{value!r} is not a port number"),
    "connection.needs_user": ("indica l'utente della casella con --user (o imposta smtp.username)",
                              "name the mailbox user with --user (or set smtp.username)"),
    "connection.needs_twilio": ("imposta prima twilio.account_sid e `credentials set twilio`",
                                "set twilio.account_sid and `credentials set twilio` first"),
    "connection.secret_empty": ("{label} mancante: non è stato salvato nulla", "the {label} is empty; nothing was stored"),
})


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
            raise InputError(Msg("connection.needed", {"name": name.replace("_", " ")}), name)
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
            raise InputError(Msg("connection.bad_port", {"value": args.port}), "port") from None
        security = args.security or ("ssl" if port == 993 else "starttls")
        validate_security(args.need("host"), security)
        user = args.user or str(ws.settings.get("smtp.username") or "")
        if not user:
            raise InputError(Msg("connection.needs_user"), "--user")
        return args.name or f"mail-{args.host}", {"host": args.host, "port": port, "user": user,
                                                  "security": security, "folder": args.folder}
    sid = str(ws.settings.get("twilio.account_sid") or "")
    if not sid:
        raise InputError(Msg("connection.needs_twilio"), "twilio.account_sid")
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
        raise InputError(Msg("connection.unknown_kind", {"kind": kind, "kinds": ", ".join(sorted(SECRETS))}), "kind")
    name, config = connection_config(ws, kind, fields)
    store = Connections(ws.db)
    if store.get(name) is not None:
        raise InputError(Msg("connection.name_taken", {"name": name}), "name")
    connection = store.new(name, kind, config, every or default_every(kind))
    for key in SECRETS[kind]:
        if not (secrets.get(key) or "").strip():
            raise InputError(Msg("connection.secret_empty", {"label": Msg(LABELS[key])}), key)
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
