"""Which channel each kind of message goes through, from settings and the keyring.

The sandbox (``outbox/`` files) is used when the ``sandbox`` setting is on, or when an
account is not configured (no host/sender, or a user name whose secret is not in the
keyring): a fresh install works, and the dispatch summary says why it sandboxed.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

from desktop.delivery.channel import Channel
from desktop.delivery.sandbox import SandboxChannel
from desktop.delivery.smtp import SmtpChannel
from desktop.delivery.twilio_channel import TwilioChannel
from desktop.secrets import KeyringUnavailable, get_secret

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


def _secret(ws: "Workspace", kind: str, backend: Any) -> tuple[str | None, str]:
    try:
        return get_secret(ws, kind, backend=backend), ""
    except KeyringUnavailable as exc:
        return None, str(exc)


def email_channel(ws: "Workspace", *, keyring_backend: Any = None,
                  ssl_context: ssl.SSLContext | None = None) -> Channel:
    get = ws.settings.get
    if get("sandbox"):
        return SandboxChannel("email", ws.outbox_dir, "sandbox is on: e-mails are written to outbox/")
    host, sender, user = get("smtp.host"), get("smtp.sender_email"), get("smtp.username")
    if not host or not sender:
        return SandboxChannel("email", ws.outbox_dir, "SMTP is not configured: e-mails are written to outbox/")
    password = None
    if user:
        password, problem = _secret(ws, "smtp", keyring_backend)
        if not password:
            why = problem or f"no SMTP password in the keyring for {user!r}"
            return SandboxChannel("email", ws.outbox_dir, f"{why}; e-mails are written to outbox/")
    return SmtpChannel(host, int(get("smtp.port")), get("smtp.security"), user, password, sender,
                       ssl_context=ssl_context)


def sms_channel(ws: "Workspace", *, keyring_backend: Any = None, twilio_base_url: str | None = None) -> Channel:
    get = ws.settings.get
    if get("sandbox"):
        return SandboxChannel("sms", ws.outbox_dir, "sandbox is on: SMS are written to outbox/")
    sid, sender, service = get("twilio.account_sid"), get("twilio.sender"), get("twilio.messaging_service_sid")
    if not sid or not (sender or service):
        return SandboxChannel("sms", ws.outbox_dir, "Twilio is not configured: SMS are written to outbox/")
    token, problem = _secret(ws, "twilio", keyring_backend)
    if not token:
        why = problem or f"no Twilio auth token in the keyring for {sid!r}"
        return SandboxChannel("sms", ws.outbox_dir, f"{why}; SMS are written to outbox/")
    return TwilioChannel(sid, token, sender=sender, messaging_service_sid=service, base_url=twilio_base_url)


def channels_from_settings(ws: "Workspace", *, keyring_backend: Any = None,
                           ssl_context: ssl.SSLContext | None = None,
                           twilio_base_url: str | None = None) -> dict[str, Channel]:
    return {"email": email_channel(ws, keyring_backend=keyring_backend, ssl_context=ssl_context),
            "sms": sms_channel(ws, keyring_backend=keyring_backend, twilio_base_url=twilio_base_url)}
