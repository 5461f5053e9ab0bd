"""Which channel each kind of message goes through, from settings and the keyring.

The sandbox (``outbox/`` files) is chosen only on purpose — the ``sandbox`` setting — or when
no account exists at all (a fresh install: the demo "sends" files the user can open). An
account that exists but cannot be used (the keyring is locked or unreadable, the secret is
missing, a setting is incomplete, the CA bundle cannot be read) gives a ``PausedChannel``:
its ``open()`` raises ``ChannelUnavailable``, so the dispatcher pauses the channel, the rows
stay due, and ``dispatch`` exits 1 with the reason. Real customers' messages never land in
the sandbox marked ``sent`` because a keyring said no.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING

from desktop.delivery.channel import Channel, ChannelUnavailable, OutgoingMessage, SendResult
from desktop.delivery.sandbox import SandboxChannel
from desktop.delivery.smtp import SmtpChannel
from desktop.delivery.twilio_channel import TwilioChannel
from desktop.messages import Msg, define
from desktop.secrets import KeyringUnavailable, get_secret

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

define({
    "channel.sandbox_on": ("sandbox attivo: i messaggi ({channel}) vanno nella cartella outbox/",
                           "sandbox is on: {channel} messages are written to outbox/"),
    "channel.no_account": ("{account} non è configurato: i messaggi ({channel}) vanno nella cartella outbox/",
                           "{account} is not configured: {channel} messages are written to outbox/"),
    "channel.incomplete": ("account {account} incompleto: manca {missing}; invii {channel} in pausa",
                           "the {account} account is incomplete: {missing} is missing; {channel} sends are paused"),
    "channel.keyring": ("invii {channel} in pausa: {reason}",
                        "{channel} sends are paused: {reason}"),
    "channel.no_secret": ("invii {channel} in pausa: nessun segreto nel portachiavi per {user!r} "
                          "(`credentials set {account}`)",
                          "{channel} sends are paused: no secret in the keyring for {user!r} "
                          "(`credentials set {account}`)"),
    "smtp.ca_bundle_unreadable": ("il file dei certificati CA {path!r} non si può usare ({error}); invii e-mail in pausa",
                                  "the CA bundle {path!r} cannot be used ({error}); e-mail sends are paused"),
})


class PausedChannel:
    """An account that exists but cannot work now: every use raises ``ChannelUnavailable``."""

    kind = "paused"

    def __init__(self, name: str, msg: Msg) -> None:
        self.name = name
        self.msg = msg
        self.note = str(msg)   # the dispatch summary's note says why the channel is paused

    def open(self) -> None:
        raise ChannelUnavailable(self.msg, permanent=True)

    def send(self, message: OutgoingMessage) -> SendResult:
        raise ChannelUnavailable(self.msg, permanent=True)

    def close(self) -> None:
        pass


def _sandbox(ws: "Workspace", channel: str, code: str, account: str) -> SandboxChannel:
    msg = Msg(code, {"channel": channel, "account": account})
    return SandboxChannel(channel, ws.outbox_dir, str(msg), msg=msg)


def _secret(ws: "Workspace", kind: str, channel: str, backend: object | None) -> tuple[str | None, Msg | None]:
    try:
        return get_secret(ws, kind, backend=backend), None
    except KeyringUnavailable as exc:
        return None, Msg("channel.keyring", {"channel": channel, "reason": {"code": exc.msg.code, **exc.msg.params}})


def smtp_ssl_context(ws: "Workspace") -> ssl.SSLContext | None:
    """A verifying context trusting ``smtp.ca_bundle`` (a private CA), or ``None`` for the system's."""
    return ca_bundle_context(str(ws.settings.get("smtp.ca_bundle") or ""))


def ca_bundle_context(bundle: str) -> ssl.SSLContext | None:
    """A verifying context trusting the PEM file ``bundle``; ``None`` (the system's) when empty."""
    bundle = bundle.strip()
    if not bundle:
        return None
    try:
        return ssl.create_default_context(cafile=bundle)
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise ChannelUnavailable(Msg("smtp.ca_bundle_unreadable", {"path": bundle, "error": type(exc).__name__}),
                                 permanent=True) from None


def email_channel(ws: "Workspace", *, keyring_backend: object | None = None,
                  ssl_context: ssl.SSLContext | None = None) -> Channel:
    get = ws.settings.get
    if get("sandbox"):
        return _sandbox(ws, "email", "channel.sandbox_on", "SMTP")
    host, sender, user = get("smtp.host"), get("smtp.sender_email"), get("smtp.username")
    if not host and not user:
        return _sandbox(ws, "email", "channel.no_account", "SMTP")
    if not host or not sender:
        missing = "smtp.host" if not host else "smtp.sender_email"
        return PausedChannel("email", Msg("channel.incomplete", {"account": "SMTP", "missing": missing,
                                                                 "channel": "email"}))
    password = None
    if user:
        password, problem = _secret(ws, "smtp", "email", keyring_backend)
        if problem is not None:
            return PausedChannel("email", problem)
        if not password:
            return PausedChannel("email", Msg("channel.no_secret", {"channel": "email", "user": user,
                                                                    "account": "smtp"}))
    try:
        context = ssl_context or smtp_ssl_context(ws)
    except ChannelUnavailable as exc:
        return PausedChannel("email", exc.msg or Msg("legacy", {"text": str(exc)}))
    return SmtpChannel(host, int(get("smtp.port")), get("smtp.security"), user, password, sender,
                       ssl_context=context)


def sms_channel(ws: "Workspace", *, keyring_backend: object | None = None,
                twilio_base_url: str | None = None) -> Channel:
    get = ws.settings.get
    if get("sandbox"):
        return _sandbox(ws, "sms", "channel.sandbox_on", "Twilio")
    sid, sender, service = get("twilio.account_sid"), get("twilio.sender"), get("twilio.messaging_service_sid")
    if not sid and not (sender or service):
        return _sandbox(ws, "sms", "channel.no_account", "Twilio")
    if not sid or not (sender or service):
        missing = "twilio.account_sid" if not sid else "twilio.sender"
        return PausedChannel("sms", Msg("channel.incomplete", {"account": "Twilio", "missing": missing,
                                                               "channel": "sms"}))
    token, problem = _secret(ws, "twilio", "sms", keyring_backend)
    if problem is not None:
        return PausedChannel("sms", problem)
    if not token:
        return PausedChannel("sms", Msg("channel.no_secret", {"channel": "sms", "user": sid, "account": "twilio"}))
    return TwilioChannel(sid, token, sender=sender, messaging_service_sid=service, base_url=twilio_base_url)


def channels_from_settings(ws: "Workspace", *, keyring_backend: object | None = None,
                           ssl_context: ssl.SSLContext | None = None,
                           twilio_base_url: str | None = None) -> dict[str, Channel]:
    return {"email": email_channel(ws, keyring_backend=keyring_backend, ssl_context=ssl_context),
            "sms": sms_channel(ws, keyring_backend=keyring_backend, twilio_base_url=twilio_base_url)}
