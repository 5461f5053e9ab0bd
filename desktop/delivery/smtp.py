"""E-mail over SMTP: one authenticated connection per batch, reconnect on disconnect, and
an honest outcome for every message.

yagmail's ``SMTP`` makes the connection and logs in (SSL on 465, STARTTLS on 587, plain for
a local relay), but its ``send`` is not used, because it (1) opens a new connection and logs
in again for every message, (2) swallows a disconnect into ``False`` and an in-memory
``unsent`` list that a crash loses, and (3) sends the raw HTML as the text part. Two more
found in its source are undone after construction: a user name without "@" is silently
turned into "<name>@gmail.com", and every client adds another stderr log handler. Here the
MIME comes from ``desktop.delivery.message`` and each message goes out with explicit
MAIL/RCPT/DATA on the connection opened once, so we know *which step* failed: a disconnect
before DATA is safe to retry on a fresh connection; one during DATA is ``uncertain``.
Addresses go out with IDNA domains; a non-ASCII local part uses SMTPUTF8 when the server
offers it and is otherwise ``failed`` for that message alone (``addresses.py``). Connection
and login failures carry coded hints for the usual set-up mistakes (``smtp_hints.py``).
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from typing import Any

from desktop.delivery.addresses import AddressProblem, Mailbox, mailbox, needs_smtputf8
from desktop.delivery.channel import (FAILED, RETRY, SENT, UNCERTAIN, ChannelUnavailable,
                                      OutgoingMessage, SendResult)
from desktop.delivery.smtp_hints import answer_text, open_failure
from desktop.messages import Msg
from desktop.secrets import scrub

log = logging.getLogger("postino.smtp")
_NETWORK = (smtplib.SMTPServerDisconnected, ConnectionError, socket.timeout, TimeoutError, ssl.SSLError)
__all__ = ["SmtpChannel", "answer_text"]


class SmtpChannel:
    name = "email"
    kind = "smtp"

    def __init__(self, host: str, port: int, security: str, username: str, password: str | None,
                 sender: str, *, ssl_context: ssl.SSLContext | None = None, timeout: float = 30.0,
                 local_hostname: str | None = None) -> None:
        if security not in ("ssl", "starttls", "plain"):
            raise ValueError(f"unknown SMTP security {security!r}")
        self.host, self.port, self.security = host, int(port), security
        self.username, self._password, self.sender = username, password, sender
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.timeout = timeout
        self.local_hostname = local_hostname
        self._client: Any = None
        self.connections = 0   # how many times we connected (tests check reuse)

    # -- connection -------------------------------------------------------------------------
    def open(self) -> None:
        if self._client is not None:
            return
        import yagmail

        kwargs: dict[str, Any] = {"timeout": self.timeout}
        if self.local_hostname:
            kwargs["local_hostname"] = self.local_hostname
        if self.security == "ssl":
            kwargs["context"] = self.ssl_context
        starttls: bool | dict[str, Any] = {"context": self.ssl_context} if self.security == "starttls" else False
        client = yagmail.SMTP(
            user=self.username or self.sender, password=self._password or "", host=self.host,
            port=self.port, smtp_ssl=self.security == "ssl", smtp_starttls=starttls,
            smtp_skip_login=not self.username, soft_email_validation=False, **kwargs)
        client.set_logging(None)    # yagmail adds a stderr handler per client otherwise
        client.user = self.username  # yagmail turns a user name without "@" into "<name>@gmail.com"
        client.log = log
        try:
            client.login()
            client.smtp.ehlo_or_helo_if_needed()   # yagmail greets only around STARTTLS/login
        except (OSError, smtplib.SMTPException) as exc:
            raise open_failure(exc, host=self.host, port=self.port, security=self.security,
                               user=self.username, client=getattr(client, "smtp", None),
                               clean=self._clean, timeout=self.timeout) from None
        self._client = client
        self.connections += 1

    def _clean(self, text: str) -> str:
        return scrub(text, self._password, user=self.username or None)

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is None or client.smtp is None:
            return
        try:
            client.smtp.close()
        except OSError:
            pass

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None or client.smtp is None:
            return
        try:
            client.smtp.quit()
        except (OSError, smtplib.SMTPException):
            try:
                client.smtp.close()
            except OSError:
                pass
        client.is_closed = True

    # -- sending ----------------------------------------------------------------------------
    def send(self, message: OutgoingMessage) -> SendResult:
        for attempt in (1, 2):
            try:
                self.open()
            except ChannelUnavailable:
                raise
            result = self._transaction(message)
            if result is not None:
                return result
            self._drop()   # disconnected before DATA: nothing was delivered, reconnect once
            log.info("SMTP connection lost before DATA (attempt %d); reconnecting", attempt)
        return SendResult(RETRY, reason=f"SMTP server {self.host}:{self.port} keeps closing the connection")

    def _envelope(self, smtp: smtplib.SMTP, message: OutgoingMessage) -> tuple[Mailbox, Mailbox, list[str]] | SendResult:
        """MAIL FROM / RCPT TO forms (IDNA domains) and options, or the FAILED answer when an
        address cannot travel to this server (a non-ASCII local part without SMTPUTF8)."""
        try:
            sender, to = mailbox(message.sender or self.sender), mailbox(message.to)
        except AddressProblem as exc:
            return SendResult(FAILED, reason=str(exc.msg), msg=exc.msg)
        if not needs_smtputf8(sender, to):
            return sender, to, []
        if not smtp.has_extn("smtputf8"):
            bad = to if to.utf8 else sender
            msg = Msg("address.needs_smtputf8", {"address": bad.original})
            return SendResult(FAILED, reason=str(msg), msg=msg)
        return sender, to, ["SMTPUTF8"] + (["BODY=8BITMIME"] if smtp.has_extn("8bitmime") else [])

    def _transaction(self, message: OutgoingMessage) -> SendResult | None:
        smtp = self._client.smtp
        envelope = self._envelope(smtp, message)
        if isinstance(envelope, SendResult):
            return envelope
        sender, to, options = envelope
        try:
            code, resp = smtp.mail(sender.smtp, options)
            if code != 250:
                return self._refused(smtp, code, resp)
            code, resp = smtp.rcpt(to.smtp)
            if code not in (250, 251):
                return self._refused(smtp, code, resp)
        except _NETWORK:
            return None
        finally:
            smtp.command_encoding = "ascii"   # smtplib switches it to UTF-8 for SMTPUTF8 and keeps it
        try:
            code, resp = smtp.data(message.data)
        except smtplib.SMTPDataError as exc:   # 354 not given: nothing was transmitted
            return self._refused(smtp, exc.smtp_code, exc.smtp_error)
        except _NETWORK as exc:
            self._drop()
            return SendResult(UNCERTAIN, reason=f"connection lost while sending the message data: {type(exc).__name__}")
        if code != 250:
            return self._refused(smtp, code, resp, reset=False)
        return SendResult(SENT, provider_id=message.message_id or answer_text(code, resp))

    def _refused(self, smtp: smtplib.SMTP, code: int, resp: bytes, reset: bool = True) -> SendResult:
        answer = self._clean(answer_text(code, resp))
        if code == 421:   # the server is closing the connection: try again later, elsewhere
            self._drop()
            return SendResult(RETRY, reason=answer)
        if reset:
            try:
                smtp.rset()
            except _NETWORK:
                self._drop()
        if 400 <= code < 500:
            return SendResult(RETRY, reason=answer)
        return SendResult(FAILED, reason=answer)
