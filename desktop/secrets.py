"""SMTP password and Twilio auth token in the OS keyring — nowhere else.

A secret is looked up by (service, user name); the user name is an ordinary setting
(``smtp.username``, ``twilio.account_sid``). Backends that would keep the secret in clear
text, or that cannot keep it at all, are refused with a plain message and nothing is
stored: there is no fallback. Tests (and the CLI test) configure the backend the ordinary
way, ``keyring.set_keyring(...)``, or pass one explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.errors import InputError, PostinoError

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


@dataclass(frozen=True)
class Account:
    kind: str
    service: str
    user_setting: str
    label: str


ACCOUNTS: dict[str, Account] = {
    "smtp": Account("smtp", "postino-smtp", "smtp.username", "SMTP password"),
    "twilio": Account("twilio", "postino-twilio", "twilio.account_sid", "Twilio auth token"),
}

# Backends that keep nothing, refuse everything, or write the secret as plain text.
_INSECURE = {
    "keyring.backends.fail.Keyring": "no keyring backend is available on this system",
    "keyring.backends.null.Keyring": "the keyring is switched off (null backend)",
    "keyrings.alt.file.PlaintextKeyring": "the configured keyring writes secrets in plain text",
    "keyrings.alt.Windows.RegistryKeyring": "the configured keyring is not a secure store",
}


class KeyringUnavailable(PostinoError):
    """No secure keyring: we say so and store nothing (never a plaintext fallback)."""


def _qualified(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _leaves(backend: Any) -> list[Any]:
    inner = getattr(backend, "backends", None)
    if type(backend).__name__ == "ChainerBackend" and inner is not None:
        return list(inner)
    return [backend]


def secure_backend(backend: Any | None = None) -> Any:
    """The keyring backend to use, after refusing the insecure ones."""
    import keyring

    chosen = backend if backend is not None else keyring.get_keyring()
    leaves = _leaves(chosen)
    if not leaves:
        raise KeyringUnavailable(
            "No secure keyring is available on this computer, so the secret was not stored. "
            "Install or unlock the system keyring (e.g. GNOME Keyring, KWallet, Windows "
            "Credential Manager, macOS Keychain) and try again.")
    for leaf in leaves:
        why = _INSECURE.get(_qualified(leaf))
        if why:
            raise KeyringUnavailable(
                f"Cannot use the keyring: {why}. Nothing was stored. Install or unlock a secure "
                "system keyring (e.g. GNOME Keyring, KWallet, Windows Credential Manager, macOS "
                "Keychain) and try again.")
    return chosen


def account(kind: str) -> Account:
    try:
        return ACCOUNTS[kind]
    except KeyError:
        raise InputError(f"unknown account {kind!r}; use one of {', '.join(ACCOUNTS)}") from None


def user_name(ws: "Workspace", kind: str) -> str:
    return str(ws.settings.get(account(kind).user_setting) or "").strip()


def _require_user(ws: "Workspace", kind: str) -> str:
    acc = account(kind)
    user = user_name(ws, kind)
    if not user:
        raise InputError(
            f"set {acc.user_setting} first (`settings set {acc.user_setting} ...`): the "
            f"{acc.label} is stored under that name", acc.user_setting)
    return user


def set_secret(ws: "Workspace", kind: str, secret: str, *, backend: Any | None = None) -> None:
    if not secret or not secret.strip():
        raise InputError(f"the {account(kind).label} is empty; nothing was stored")
    user = _require_user(ws, kind)
    store = secure_backend(backend)
    try:
        store.set_password(account(kind).service, user, secret)
    except Exception as exc:  # the backend's message never contains the secret itself
        raise KeyringUnavailable(
            f"the keyring refused to store the {account(kind).label}: {type(exc).__name__}") from None


def get_secret(ws: "Workspace", kind: str, *, backend: Any | None = None) -> str | None:
    """The stored secret, or ``None`` when no user name is set or nothing is stored."""
    user = user_name(ws, kind)
    if not user:
        return None
    store = secure_backend(backend)
    try:
        return store.get_password(account(kind).service, user)
    except Exception as exc:
        raise KeyringUnavailable(
            f"the keyring could not be read for the {account(kind).label}: {type(exc).__name__}") from None


def delete_secret(ws: "Workspace", kind: str, *, backend: Any | None = None) -> bool:
    user = user_name(ws, kind)
    if not user:
        return False
    store = secure_backend(backend)
    try:
        store.delete_password(account(kind).service, user)
    except Exception:
        return False
    return True


def scrub(text: str, *secrets_: str | None) -> str:
    """Remove secrets (and their common encodings) from text bound for a log or an error."""
    import base64

    for secret in secrets_:
        if not secret:
            continue
        forms = {secret, base64.b64encode(secret.encode()).decode()}
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "***")
    return text
