"""A connection's secrets in the OS keyring: service ``postino-connections``, user name
``connection:NAME:KEY`` (e.g. ``connection:shop:secret``).

A webhook's signing secret is one more key of its connection (``webhook_secret``); the generic
webhook endpoint, which belongs to no connection, keeps its secret under the user name
``webhook:generic`` (outside the ``connection:`` names, so no connection name can clash).

The keyring backend is chosen and vetted by ``desktop.secrets.secure_backend`` (no plaintext
fallback, ever). The Twilio-replies connection has no secret of its own: it reads the Twilio
account's auth token that ``credentials set twilio`` stored.
"""

from __future__ import annotations

from typing import Callable

from desktop.connectors.base import Connection
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.secrets import ACCOUNTS, KeyringUnavailable, secure_backend

SERVICE = "postino-connections"
GENERIC_WEBHOOK = "webhook:generic"

define({
    "connection.key_empty": ("{key}: nessun valore, non è stato salvato nulla", "the {key} is empty; nothing was stored"),
    "connection.keyring_refused": ("il portachiavi ha rifiutato di salvare {key}: {error}",
                                   "the keyring refused to store the {key}: {error}"),
})

try:  # keyring's own protocol type when available; any object with these three methods works
    from keyring.backend import KeyringBackend as Backend
except ImportError:  # pragma: no cover - keyring is a hard dependency
    Backend = object  # type: ignore[misc,assignment]


def user_name(connection: str, key: str) -> str:
    return f"connection:{connection}:{key}"


class ConnectionSecrets:
    """Reads and writes connection secrets; ``backend`` is for tests (a real file keyring)."""

    def __init__(self, backend: "Backend | None" = None) -> None:
        self._backend = backend

    def _store(self) -> "Backend":
        return secure_backend(self._backend)

    def set(self, connection: str, key: str, value: str) -> None:
        self._set(user_name(connection, key), key, value)

    def get(self, connection: str, key: str) -> str | None:
        return self._get(user_name(connection, key))

    def set_generic_webhook(self, value: str) -> None:
        self._set(GENERIC_WEBHOOK, "webhook secret", value)

    def get_generic_webhook(self) -> str | None:
        return self._get(GENERIC_WEBHOOK)

    def _set(self, user: str, key: str, value: str) -> None:
        if not value or not value.strip():
            raise InputError(Msg("connection.key_empty", {"key": key}), key)
        store = self._store()
        try:
            store.set_password(SERVICE, user, value)
        except Exception as exc:  # the backend's message never contains the secret itself
            raise KeyringUnavailable(Msg("connection.keyring_refused", {"key": key, "error": type(exc).__name__})) from None

    def _get(self, user: str) -> str | None:
        store = self._store()
        try:
            return store.get_password(SERVICE, user)
        except Exception as exc:
            raise KeyringUnavailable(f"the keyring could not be read: {type(exc).__name__}") from None

    def delete(self, connection: str, key: str) -> None:
        try:
            self._store().delete_password(SERVICE, user_name(connection, key))
        except Exception:  # nothing stored under that name: nothing to delete
            pass

    def reader(self, connection: Connection) -> Callable[[str], str | None]:
        """What a poller factory receives: ``secrets("token")`` for this connection only."""
        shared = connection.config.get("shared_account")
        if shared == "twilio":
            user = str(connection.config.get("account_sid") or "")
            service = ACCOUNTS["twilio"].service
            return lambda key: self._store().get_password(service, user) if key == "token" and user else None
        return lambda key: self.get(connection.name, key)
