""""Send a test message" for the settings page: the real account, one message, the exact answer.

The test goes straight through the channel (no ledger row), uses the configured account
even when the sandbox setting is on (it tests the account), and reports the server's own
words on failure — with secrets scrubbed. Every test message has its own ``Message-ID``: a
server that has seen one id drops the next message carrying it as a duplicate.

The settings page tests what is on the screen, saved or not: ``values`` overrides the
stored settings and ``secret`` the stored password or token (a typed one is tried before it
is saved). What went wrong is said in plain words with what to check — a server that does
not answer, a port that refuses connections, a refused login — as coded messages.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping

from desktop.delivery.channel import SENT, ChannelUnavailable, OutgoingMessage
from desktop.delivery.message import build_email, envelope_address, fresh_message_id
from desktop.delivery.smtp import SmtpChannel
from desktop.delivery.twilio_channel import TwilioChannel
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.secrets import KeyringUnavailable, account, secure_backend
from desktop.templating import Rendered

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

define({
    "test.smtp_incomplete": ("indica prima il server SMTP e l'indirizzo del mittente",
                             "fill in the SMTP server and the sender address first"),
    "test.smtp_no_password": ("manca la password SMTP per {user!r}: scrivila nel campo della password",
                              "the SMTP password for {user!r} is missing: type it in the password field"),
    "test.twilio_incomplete": ("indica prima il SID dell'account Twilio e il mittente (o un Messaging Service SID)",
                               "fill in the Twilio account SID and the sender (or a Messaging Service SID) first"),
    "test.twilio_no_token": ("manca il token Twilio per {user!r}: scrivilo nel campo del token",
                             "the Twilio auth token for {user!r} is missing: type it in the token field"),
    "test.unknown_account": ("account sconosciuto {kind!r}: usa smtp o twilio", "unknown account {kind!r}; use smtp or twilio"),
})

Get = Callable[[str], Any]


@dataclass(frozen=True)
class TestResult:
    ok: bool
    answer: str          # provider id on success, the server's exact answer on failure
    msg: Msg | None = None   # the failure, coded (with a set-up hint when there is one)


def _reader(ws: "Workspace", values: Mapping[str, Any] | None) -> Get:
    """Settings as the screen shows them: ``values`` first, the stored ones for the rest."""
    chosen = dict(values or {})
    return lambda key: chosen[key] if key in chosen else ws.settings.get(key)


def _secret(kind: str, user: str, typed: str | None, backend: Any) -> str | None:
    """The typed secret, else the one stored for ``user`` (the user name on the screen)."""
    if typed:
        return typed
    if not user:
        return None
    acc = account(kind)
    try:
        return secure_backend(backend).get_password(acc.service, user)
    except KeyringUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - a locked or broken keyring, said by its kind
        raise KeyringUnavailable(Msg("keyring.unreadable", {"label": acc.named,
                                                            "error": type(exc).__name__})) from None


def _smtp(get: Get, typed: str | None, backend: Any, ssl_context: ssl.SSLContext | None,
          timeout: float) -> SmtpChannel:
    if not get("smtp.host") or not get("smtp.sender_email"):
        raise InputError(Msg("test.smtp_incomplete"), "smtp")
    user = str(get("smtp.username") or "")
    password = _secret("smtp", user, typed, backend) if user else None
    if user and not password:
        raise InputError(Msg("test.smtp_no_password", {"user": user}), "smtp")
    from desktop.delivery.setup import ca_bundle_context

    context = ssl_context or ca_bundle_context(str(get("smtp.ca_bundle") or ""))
    return SmtpChannel(get("smtp.host"), int(get("smtp.port")), get("smtp.security"), user, password,
                       get("smtp.sender_email"), ssl_context=context, timeout=timeout)


def _twilio(get: Get, typed: str | None, backend: Any, base_url: str | None) -> TwilioChannel:
    sid = get("twilio.account_sid")
    if not sid or not (get("twilio.sender") or get("twilio.messaging_service_sid")):
        raise InputError(Msg("test.twilio_incomplete"), "twilio")
    token = _secret("twilio", sid, typed, backend)
    if not token:
        raise InputError(Msg("test.twilio_no_token", {"user": sid}), "twilio")
    return TwilioChannel(sid, token, sender=get("twilio.sender"),
                         messaging_service_sid=get("twilio.messaging_service_sid"), base_url=base_url)


def send_test(ws: "Workspace", channel: str, to: str, now: datetime, *, keyring_backend: Any = None,
              ssl_context: ssl.SSLContext | None = None, twilio_base_url: str | None = None,
              values: Mapping[str, Any] | None = None, secret: str | None = None,
              timeout: float = 30.0) -> TestResult:
    """One message to ``to`` through the account; ``values``/``secret``: what the screen shows."""
    get = _reader(ws, values)
    if channel == "smtp":
        try:
            chan: Any = _smtp(get, secret, keyring_backend, ssl_context, timeout)
        except ChannelUnavailable as exc:   # an unreadable smtp.ca_bundle
            return TestResult(False, str(exc), exc.msg)
        sender = get("smtp.sender_email")
        text = "This is a test message from Postino. / Messaggio di prova da Postino."
        mime = build_email(Rendered("Postino test", "", text), sender=sender,
                           sender_name=get("smtp.sender_name"), to=to, now=now,
                           msg_id=fresh_message_id(ws.meta("workspace_id") or "ws", sender))
        message = OutgoingMessage(0, "email", to, sender=envelope_address(sender), data=mime.as_bytes(),
                                  message_id=mime["Message-ID"], now=now)
    elif channel == "twilio":
        chan = _twilio(get, secret, keyring_backend, twilio_base_url)
        message = OutgoingMessage(0, "sms", to, text="Postino: test SMS / SMS di prova", now=now)
    else:
        raise InputError(Msg("test.unknown_account", {"kind": channel}))
    try:
        chan.open()
        result = chan.send(message)
    except ChannelUnavailable as exc:
        return TestResult(False, str(exc), exc.msg)
    finally:
        chan.close()
    if result.outcome == SENT:
        return TestResult(True, result.provider_id)
    return TestResult(False, result.reason, result.msg)
