"""Why an SMTP connection failed, in coded words, with a hint for the usual set-up mistakes.

The raw errors of these mistakes say nothing useful to a shop owner: STARTTLS on port 465
waits for a greeting that never comes (a timeout), implicit TLS on 587 gives
``WRONG_VERSION_NUMBER``, a login on a plain connection to a server that offers AUTH only
after STARTTLS gives "SMTP AUTH extension not supported", and a private CA gives
``CERTIFICATE_VERIFY_FAILED``. The server's own answer is kept; the hint names the setting.
The implicit-TLS case is recognised by behaviour, not only by the port number: after the
failure we try a bare TLS handshake on the same port (no data, no trust decision).
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from typing import Callable

from desktop.delivery.channel import ChannelUnavailable
from desktop.messages import Msg, define

_TIMEOUT_IT = ("il server SMTP {{host}}:{{port}} non ha risposto entro {wait} — controlla il nome del server e la "
               "porta (di solito 587 con STARTTLS o 465 con SSL/TLS), che la sicurezza scelta sia quella della "
               "porta, e che un firewall o l'antivirus non blocchi Postino")
_TIMEOUT_EN = ("the SMTP server {{host}}:{{port}} did not answer within {wait} — check the server name and the port "
               "(usually 587 with STARTTLS or 465 with SSL/TLS), that the security matches the port, and that a "
               "firewall or antivirus is not blocking Postino")
define({
    "smtp.login_refused": ("il server SMTP ha rifiutato l'accesso di {user!r}: {answer}{hint} — controlla nome "
                           "utente e password; molti servizi (Gmail, Outlook, Libero…) vogliono una \"password per "
                           "le app\" creata nelle impostazioni di sicurezza dell'account, non quella di tutti i giorni",
                           "SMTP login refused for {user!r}: {answer}{hint} — check the user name and the password; "
                           "many providers (Gmail, Outlook…) want an \"app password\" made in the account's "
                           "security settings, not the everyday one"),
    # 1 second is singular in both languages ("entro 1 secondo"): its own code, the same advice.
    "smtp.timeout": (_TIMEOUT_IT.format(wait="{seconds} secondi"), _TIMEOUT_EN.format(wait="{seconds} seconds")),
    "smtp.timeout_one": (_TIMEOUT_IT.format(wait="1 secondo"), _TIMEOUT_EN.format(wait="1 second")),
    "smtp.refused": ("il server {host} non accetta connessioni sulla porta {port} — controlla il nome del server "
                     "e la porta indicati dal tuo fornitore di posta (di solito 587 o 465)",
                     "the server {host} refuses connections on port {port} — check the server name and the port "
                     "your mail provider gives (usually 587 or 465)"),
    "smtp.not_supported": ("server SMTP {host}:{port}: {answer}{hint}", "SMTP server {host}:{port}: {answer}{hint}"),
    "smtp.answered": ("il server SMTP {host}:{port} ha risposto {answer}{hint}",
                      "SMTP server {host}:{port} answered {answer}{hint}"),
    "smtp.cannot_connect": ("impossibile collegarsi al server SMTP {host}:{port} ({security}): {answer}{hint}",
                            "cannot connect to SMTP server {host}:{port} ({security}): {answer}{hint}"),
    "smtp.hint_465": (" — questa porta (come la 465) usa TLS implicito: imposta smtp.security a ssl",
                      " — this port (like 465) expects implicit TLS: set smtp.security to ssl"),
    "smtp.hint_587": (" — questa porta (come la 587 o la 25) inizia in chiaro e passa a TLS con STARTTLS: "
                      "imposta smtp.security a starttls",
                      " — this port (like 587 or 25) starts in plain text and switches with STARTTLS: set "
                      "smtp.security to starttls"),
    "smtp.hint_auth_after_starttls": (" — questo server accetta l'accesso solo dopo STARTTLS: imposta "
                                      "smtp.security a starttls",
                                      " — this server offers login only after STARTTLS: set smtp.security "
                                      "to starttls"),
    "smtp.hint_ca": (" — il certificato del server non è riconosciuto: se è firmato da una CA privata, "
                     "indica il file PEM in smtp.ca_bundle",
                     " — the server's certificate is not trusted: if a private CA signed it, set "
                     "smtp.ca_bundle to its PEM file"),
})


def answer_text(code: int | None, resp: bytes | str | None) -> str:
    """The server's answer as the user should see it: ``550 5.1.1 No such user``."""
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else (resp or "")
    text = " ".join(text.split())
    return f"{code} {text}".strip() if code else text


def speaks_tls(host: str, port: int, timeout: float = 5.0) -> bool:
    """Whether the server answers a TLS handshake at once (implicit TLS, the port 465 kind).
    Only the handshake: no certificate is trusted or checked here, nothing is sent after it."""
    probe = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    probe.check_hostname = False
    probe.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            with probe.wrap_socket(raw, server_hostname=host):
                return True
    except (OSError, ssl.SSLError):
        return False


def hint(security: str, port: int, exc: BaseException, client: smtplib.SMTP | None,
         host: str = "", timeout: float = 5.0) -> dict[str, str] | str:
    """A nested coded hint (``{"code": ...}``, translated with the message) or ""."""
    text = str(exc)
    if isinstance(exc, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
        return {"code": "smtp.hint_ca"}
    if security == "ssl" and isinstance(exc, ssl.SSLError) and ("WRONG_VERSION_NUMBER" in text
                                                                 or "record layer" in text or port in (587, 25)):
        return {"code": "smtp.hint_587"}   # a plain-text greeting where a TLS handshake was expected
    if security != "ssl" and isinstance(exc, (OSError, smtplib.SMTPServerDisconnected)) \
            and not isinstance(exc, smtplib.SMTPResponseException):
        if port == 465 or (host and not isinstance(exc, ConnectionRefusedError) and speaks_tls(host, port, timeout)):
            return {"code": "smtp.hint_465"}
    if (isinstance(exc, smtplib.SMTPNotSupportedError) and security == "plain" and client is not None
            and client.has_extn("starttls") and not client.has_extn("auth")):
        return {"code": "smtp.hint_auth_after_starttls"}
    return ""


def _timed_out(exc: BaseException) -> bool:
    """A wait that ran out: smtplib reports a greeting that never came as a disconnection
    ("Connection unexpectedly closed: timed out") with the timeout as its cause."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (socket.timeout, TimeoutError)):
            return True
        if isinstance(seen, smtplib.SMTPServerDisconnected) and "timed out" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def open_failure(exc: BaseException, *, host: str, port: int, security: str, user: str,
                 client: smtplib.SMTP | None, clean: Callable[[str], str],
                 timeout: float = 30.0) -> ChannelUnavailable:
    """The ``ChannelUnavailable`` for a failed connect or login (secrets scrubbed by ``clean``);
    a server that never answers and a port that refuses are said with what to check."""
    tip = hint(security, port, exc, client, host, timeout=min(timeout, 5.0))
    where = {"host": host, "port": port, "hint": tip}
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        msg = Msg("smtp.login_refused", {"user": user, "answer": clean(answer_text(exc.smtp_code, exc.smtp_error)),
                                         "hint": tip})
        return ChannelUnavailable(msg, permanent=True)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return ChannelUnavailable(Msg("smtp.not_supported", {**where, "answer": clean(str(exc))}), permanent=True)
    if isinstance(exc, smtplib.SMTPResponseException):
        answer = clean(answer_text(exc.smtp_code, exc.smtp_error))
        return ChannelUnavailable(Msg("smtp.answered", {**where, "answer": answer}))
    if not tip and _timed_out(exc):
        code = "smtp.timeout_one" if timeout == 1 else "smtp.timeout"
        return ChannelUnavailable(Msg(code, {**where, "seconds": f"{timeout:g}"}))
    if not tip and isinstance(exc, ConnectionRefusedError):
        return ChannelUnavailable(Msg("smtp.refused", where))
    error = clean(f"{type(exc).__name__}: {exc}")
    return ChannelUnavailable(Msg("smtp.cannot_connect", {**where, "security": security, "answer": error}),
                              permanent=bool(tip))
