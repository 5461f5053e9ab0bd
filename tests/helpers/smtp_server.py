"""Real SMTP servers on loopback (aiosmtpd) for the delivery tests, the crash test and the bench.

Variants: plain; STARTTLS + AUTH with a self-signed certificate made at test time; one that
drops the connection after N messages per connection; one that answers 4xx or 5xx to chosen
recipients. Run as a script it serves in its own process: prints ``PORT n``, serves until
stdin closes, then prints ``COUNT n``.
"""

from __future__ import annotations

import base64
import datetime as dt
import socket
import ssl
import sys
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1/localhost, written as PEM files."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> Any:
        return message_from_bytes(self.data)


@dataclass
class Handler:
    """Records messages; ``answers`` maps a recipient to a reply like ``550 5.1.1 ...``;
    ``drop_after`` closes the connection at the MAIL after that many messages on it."""

    answers: dict[str, str] = field(default_factory=dict)
    drop_after: int | None = None
    received: list[Received] = field(default_factory=list)
    connections: int = 0
    logins: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    count_only: bool = False
    count: int = 0

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]) -> list[str]:
        if not getattr(session, "_counted", False):
            session._counted = True
            session._messages = 0
            with self.lock:
                self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        if self.drop_after is not None and getattr(session, "_messages", 0) >= self.drop_after:
            server.transport.close()
            return "421 closing"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        answer = self.answers.get(address)
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        session._messages = getattr(session, "_messages", 0) + 1
        with self.lock:
            self.count += 1
            if not self.count_only:
                self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 Message accepted"


class SmtpServer:
    def __init__(self, handler: Handler | None = None, *, tls_context: ssl.SSLContext | None = None,
                 users: dict[str, str] | None = None, implicit_tls: ssl.SSLContext | None = None,
                 smtputf8: bool = False, echo_auth: bool = False, auth_only: str | None = None) -> None:
        """``tls_context``: STARTTLS required (and AUTH offered only after it); ``implicit_tls``:
        TLS from the first byte (port 465 style); ``smtputf8``: offer SMTPUTF8 (RFC 6531);
        ``echo_auth``: a refused login's 535 repeats the client's base64 lines, as some servers
        do; ``auth_only``: offer only this mechanism (smtplib tries PLAIN, then LOGIN)."""
        self.handler = handler or Handler()
        self.port = free_port()
        kwargs: dict[str, Any] = {"enable_SMTPUTF8": smtputf8}
        if tls_context is not None:
            kwargs.update(tls_context=tls_context, require_starttls=True)
        if implicit_tls is not None:
            kwargs.update(ssl_context=implicit_tls)
        if users is not None:
            def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> AuthResult:
                if isinstance(auth, LoginPassword):
                    login, password = auth.login.decode(), auth.password.decode()
                    if users.get(login) == password:
                        self.handler.logins.append(login)
                        return AuthResult(success=True)
                    if echo_auth:
                        lines = ([b"\0" + auth.login + b"\0" + auth.password] if mechanism == "PLAIN"
                                 else [auth.login, auth.password])
                        echoed = " ".join(base64.b64encode(line).decode() for line in lines)
                        return AuthResult(success=False, handled=False,
                                          message=f"535 5.7.8 Authentication failed for {echoed}")
                return AuthResult(success=False, handled=False)
            kwargs.update(authenticator=authenticate, auth_require_tls=tls_context is not None)
            if auth_only:
                kwargs.update(auth_exclude_mechanism=[m for m in ("PLAIN", "LOGIN") if m != auth_only])
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port,
                                     server_hostname="localhost", ready_timeout=10, **kwargs)

    def __enter__(self) -> "SmtpServer":
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.handler.received


def tls_contexts(folder: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """(server context, client context trusting only the test certificate)."""
    cert, key = make_certificate(folder)
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert, key)
    client = ssl.create_default_context(cafile=str(cert))
    return server, client


if __name__ == "__main__":   # serve in a separate process (bench)
    handler = Handler(count_only="--count-only" in sys.argv)
    with SmtpServer(handler) as srv:
        print(f"PORT {srv.port}", flush=True)
        sys.stdin.read()
        print(f"COUNT {handler.count}", flush=True)
