""""Send a test message" for the settings page: the real account, one message, the exact answer.

The test goes straight through the channel (no ledger row), uses the configured account
even when the sandbox setting is on (it tests the account), and reports the server's own
words on failure — with secrets scrubbed. Every test message has its own ``Message-ID``: a
server that has seen one id drops the next message carrying it as a duplicate.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.delivery.channel import SENT, ChannelUnavailable, OutgoingMessage
from desktop.delivery.message import build_email, envelope_address, fresh_message_id
from desktop.delivery.smtp import SmtpChannel
from desktop.delivery.twilio_channel import TwilioChannel
from desktop.errors import InputError
from desktop.messages import Msg
from desktop.secrets import get_secret
from desktop.templating import Rendered

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


@dataclass(frozen=True)
class TestResult:
    ok: bool
    answer: str          # provider id on success, the server's exact answer on failure
    msg: Msg | None = None   # the failure, coded (with a set-up hint when there is one)


def _smtp(ws: "Workspace", backend: Any, ssl_context: ssl.SSLContext | None) -> SmtpChannel:
    get = ws.settings.get
    if not get("smtp.host") or not get("smtp.sender_email"):
        raise InputError("set smtp.host and smtp.sender_email first", "smtp")
    user = get("smtp.username")
    password = get_secret(ws, "smtp", backend=backend) if user else None
    if user and not password:
        raise InputError(f"no SMTP password in the keyring for {user!r}; run `credentials set smtp`", "smtp")
    from desktop.delivery.setup import smtp_ssl_context

    return SmtpChannel(get("smtp.host"), int(get("smtp.port")), get("smtp.security"), user, password,
                       get("smtp.sender_email"), ssl_context=ssl_context or smtp_ssl_context(ws))


def _twilio(ws: "Workspace", backend: Any, base_url: str | None) -> TwilioChannel:
    get = ws.settings.get
    sid = get("twilio.account_sid")
    if not sid or not (get("twilio.sender") or get("twilio.messaging_service_sid")):
        raise InputError("set twilio.account_sid and twilio.sender (or a Messaging Service SID) first", "twilio")
    token = get_secret(ws, "twilio", backend=backend)
    if not token:
        raise InputError(f"no Twilio auth token in the keyring for {sid!r}; run `credentials set twilio`", "twilio")
    return TwilioChannel(sid, token, sender=get("twilio.sender"),
                         messaging_service_sid=get("twilio.messaging_service_sid"), base_url=base_url)


def send_test(ws: "Workspace", channel: str, to: str, now: datetime, *, keyring_backend: Any = None,
              ssl_context: ssl.SSLContext | None = None, twilio_base_url: str | None = None) -> TestResult:
    if channel == "smtp":
        try:
            chan: Any = _smtp(ws, keyring_backend, ssl_context)
        except ChannelUnavailable as exc:   # an unreadable smtp.ca_bundle
            return TestResult(False, str(exc), exc.msg)
        sender = ws.settings.get("smtp.sender_email")
        text = "This is a test message from Postino. / Messaggio di prova da Postino."
        mime = build_email(Rendered("Postino test", "", text), sender=sender,
                           sender_name=ws.settings.get("smtp.sender_name"), to=to, now=now,
                           msg_id=fresh_message_id(ws.meta("workspace_id") or "ws", sender))
        message = OutgoingMessage(0, "email", to, sender=envelope_address(sender), data=mime.as_bytes(),
                                  message_id=mime["Message-ID"], now=now)
    elif channel == "twilio":
        chan = _twilio(ws, keyring_backend, twilio_base_url)
        message = OutgoingMessage(0, "sms", to, text="Postino: test SMS / SMS di prova", now=now)
    else:
        raise InputError(f"unknown account {channel!r}; use smtp or twilio")
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
