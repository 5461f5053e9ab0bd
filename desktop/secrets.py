"""SMTP password and Twilio auth token in the OS keyring — nowhere else.

A secret is looked up by (service, user name); the user name is an ordinary setting
(``smtp.username``, ``twilio.account_sid``). keyring's default backend is a *chain* of every
backend installed, in priority order, and its reads fall through to the next one: with
``keyrings.alt`` installed the last link is a plaintext file. So we never use the chain
itself: we pick its first secure link (SecretService, KWallet, Windows Credential Locker,
macOS Keychain, an encrypted file) and use only that one; a chain with no secure link is
refused with a coded reason and nothing is stored. Tests configure the backend the ordinary
way, ``keyring.set_keyring(...)``, or pass one explicitly.

A keyring that exists but cannot be read (locked, wrong master password, D-Bus gone) raises
``KeyringUnavailable`` with the code ``keyring.locked`` or ``keyring.unreadable``: the
channel using it is paused, never quietly swapped for the sandbox.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from desktop.errors import InputError, PostinoError
from desktop.messages import Msg, define

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


class Backend(Protocol):
    """The part of ``keyring.backend.KeyringBackend`` we use."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


@dataclass(frozen=True)
class Account:
    kind: str
    service: str
    user_setting: str
    label: str  # English, for logs; a person reads ``prompt`` or ``named``

    @property
    def prompt(self) -> Msg:
        """What a prompt asks for ("Password SMTP")."""
        return Msg(f"secret.label_{self.kind}")

    @property
    def named(self) -> Msg:
        """The secret inside a sentence ("la password SMTP")."""
        return Msg(f"secret.the_{self.kind}")


ACCOUNTS: dict[str, Account] = {
    "smtp": Account("smtp", "postino-smtp", "smtp.username", "SMTP password"),
    "twilio": Account("twilio", "postino-twilio", "twilio.account_sid", "Twilio auth token"),
}

# Backends that keep nothing, refuse everything, or write the secret as plain text.
_INSECURE = {
    "keyring.backends.fail.Keyring": "fail",
    "keyring.backends.null.Keyring": "null",
    "keyrings.alt.file.PlaintextKeyring": "plaintext",
    "keyrings.alt.Windows.RegistryKeyring": "registry",
}

define({
    "keyring.none": (
        "Nessun portachiavi sicuro su questo computer: il segreto non è stato salvato. Installa o sblocca "
        "il portachiavi di sistema (GNOME Keyring, KWallet, Gestione credenziali di Windows, Portachiavi "
        "di macOS) e riprova.",
        "No secure keyring is available on this computer, so the secret was not stored. Install or unlock "
        "the system keyring (GNOME Keyring, KWallet, Windows Credential Manager, macOS Keychain) and try again."),
    "keyring.insecure": (
        "Il portachiavi configurato ({backend}) non è sicuro ({why}): non è stato salvato nulla. Installa o "
        "sblocca un portachiavi di sistema sicuro e riprova.",
        "Cannot use the keyring: {backend} is not a secure store ({why} backend). Nothing was stored. Install "
        "or unlock a secure system keyring and try again."),
    "keyring.locked": (
        "Il portachiavi è bloccato: non è stato possibile leggere {label}. Sbloccalo e riprova.",
        "The keyring is locked: the {label} could not be read. Unlock it and try again."),
    "keyring.unreadable": (
        "Il portachiavi non si può leggere per {label} ({error}).",
        "The keyring could not be read for the {label} ({error})."),
    "secret.label_smtp": ("Password SMTP", "SMTP password"),
    "secret.label_twilio": ("Token di autenticazione Twilio", "Twilio auth token"),
    "secret.the_smtp": ("la password SMTP", "SMTP password"),
    "secret.the_twilio": ("il token di autenticazione Twilio", "Twilio auth token"),
    "secret.needs_user": (
        "indica prima {setting} (`settings set {setting} ...`): il portachiavi conserva {label} sotto quel nome",
        "set {setting} first (`settings set {setting} ...`): the {label} is stored under that name"),
    "secret.empty": ("nessun valore per {label}: non è stato salvato nulla", "the {label} is empty; nothing was stored"),
    "secret.unknown_account": ("account sconosciuto {kind!r}; usa uno tra {choices}",
                               "unknown account {kind!r}; use one of {choices}"),
    "keyring.refused": (
        "Il portachiavi ha rifiutato di salvare {label} ({error}).",
        "The keyring refused to store the {label} ({error})."),
})


class KeyringUnavailable(PostinoError):
    """No usable secure keyring: ``msg`` says why (never a plaintext fallback)."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(str(msg))
        self.msg = msg


def _qualified(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _leaves(backend: object) -> list[object]:
    """The chain's links in the order keyring would try them, or the backend itself."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        return list(backend.backends)
    return [backend]


def secure_backend(backend: object | None = None) -> Backend:
    """The one backend to use: the first secure link of the chain (or the backend itself)."""
    import keyring

    chosen = backend if backend is not None else keyring.get_keyring()
    leaves = _leaves(chosen)
    for leaf in leaves:
        if _qualified(leaf) not in _INSECURE:
            return leaf  # type: ignore[return-value]
    if not leaves:
        raise KeyringUnavailable(Msg("keyring.none"))
    first = leaves[0]
    raise KeyringUnavailable(Msg("keyring.insecure", {"backend": _qualified(first),
                                                      "why": _INSECURE[_qualified(first)]}))


def account(kind: str) -> Account:
    try:
        return ACCOUNTS[kind]
    except KeyError:
        raise InputError(Msg("secret.unknown_account", {"kind": kind, "choices": ", ".join(ACCOUNTS)})) from None


def user_name(ws: "Workspace", kind: str) -> str:
    return str(ws.settings.get(account(kind).user_setting) or "").strip()


def _require_user(ws: "Workspace", kind: str) -> str:
    acc = account(kind)
    user = user_name(ws, kind)
    if not user:
        raise InputError(Msg("secret.needs_user", {"setting": acc.user_setting, "label": acc.named}),
                         acc.user_setting)
    return user


def set_secret(ws: "Workspace", kind: str, secret: str, *, backend: object | None = None) -> None:
    if not secret or not secret.strip():
        raise InputError(Msg("secret.empty", {"label": account(kind).named}))
    user = _require_user(ws, kind)
    store = secure_backend(backend)
    try:
        store.set_password(account(kind).service, user, secret)
    except Exception as exc:  # the backend's message never contains the secret itself
        raise KeyringUnavailable(Msg("keyring.refused", {"label": account(kind).named,
                                                         "error": type(exc).__name__})) from None


def get_secret(ws: "Workspace", kind: str, *, backend: object | None = None) -> str | None:
    """The stored secret, or ``None`` when no user name is set or nothing is stored.

    Raises ``KeyringUnavailable`` when the keyring is there but cannot be read (locked,
    wrong master password): "nothing stored" and "cannot look" are different answers."""
    from keyring.errors import KeyringLocked

    user = user_name(ws, kind)
    if not user:
        return None
    store = secure_backend(backend)
    label = account(kind).named
    try:
        return store.get_password(account(kind).service, user)
    except KeyringLocked:
        raise KeyringUnavailable(Msg("keyring.locked", {"label": label})) from None
    except Exception as exc:
        raise KeyringUnavailable(Msg("keyring.unreadable", {"label": label,
                                                            "error": type(exc).__name__})) from None


def delete_secret(ws: "Workspace", kind: str, *, backend: object | None = None) -> bool:
    user = user_name(ws, kind)
    if not user:
        return False
    store = secure_backend(backend)
    try:
        store.delete_password(account(kind).service, user)
    except Exception:
        return False
    return True


def _b64_forms(raw: str) -> set[str]:
    encoded = base64.b64encode(raw.encode("utf-8")).decode("ascii")
    return {encoded, encoded.rstrip("=")}


def scrub(text: str, *secrets_: str | None, user: str | None = None) -> str:
    """Remove secrets (and their common encodings) from text bound for a log or an error.

    Some servers echo the client's last line in a 535 reply: for AUTH PLAIN that is
    base64(``\\0user\\0password``), for AUTH LOGIN base64(user) and base64(password)."""
    forms: set[str] = set()
    for secret in secrets_:
        if not secret:
            continue
        forms |= {secret} | _b64_forms(secret)
        if user:
            for plain in (f"\0{user}\0{secret}", f"{user}\0{user}\0{secret}"):
                forms |= _b64_forms(plain)
            forms |= _b64_forms(user)
    for form in sorted(forms, key=len, reverse=True):
        if len(form) >= 4:   # a two-letter user name's base64 would eat ordinary words
            text = text.replace(form, "***")
    return text
