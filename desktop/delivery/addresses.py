"""Addresses as SMTP and the message headers need them: IDNA domains, SMTPUTF8 local parts.

``smtplib`` writes commands in ASCII, so ``RCPT TO:<juergen@bäckerei.example.com>`` used to
raise ``UnicodeEncodeError`` *after* the row was claimed (``uncertain``, channel paused). The
domain of every address is therefore sent as its IDNA A-label (``xn--bckerei-5wa``), which
any server accepts. A local part that is not ASCII (``zoë.verdi``) has no ASCII form at all
(RFC 6531): it can only travel to a server that offers ``SMTPUTF8``, with UTF-8 headers
(RFC 6532); elsewhere the message is refused with a coded reason before anything is sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from desktop.messages import Msg, define

define({
    "address.invalid": ("l'indirizzo {address!r} non è valido ({error})",
                        "the address {address!r} is not valid ({error})"),
    "address.needs_smtputf8": (
        "l'indirizzo {address!r} contiene caratteri non ASCII prima della @ e il server SMTP non offre "
        "SMTPUTF8: il messaggio non è stato inviato",
        "the address {address!r} has non-ASCII characters before the @ and the SMTP server does not "
        "offer SMTPUTF8: the message was not sent"),
    "address.not_name_at_domain": ("non è nella forma nome@dominio", "not name@domain"),
    "address.bad_domain": ("dominio {domain!r}: {error}", "domain {domain!r}: {error}"),
})


class AddressProblem(ValueError):
    def __init__(self, msg: Msg) -> None:
        super().__init__(str(msg))
        self.msg = msg


@dataclass(frozen=True)
class Mailbox:
    """``smtp``: the form for MAIL FROM / RCPT TO and the headers (A-label domain, local part
    as written); ``utf8``: True when the local part is not ASCII (needs SMTPUTF8)."""

    original: str
    smtp: str
    utf8: bool


def _idna(domain: str) -> str:
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise AddressProblem(Msg("address.bad_domain", {"domain": domain, "error": str(exc)})) from None


def mailbox(address: str) -> Mailbox:
    """Split, check and encode one bare address (``name@domain``)."""
    text = address.strip()
    try:
        result = validate_email(text, check_deliverability=False, allow_smtputf8=True)
        local, domain = result.local_part, result.ascii_domain
    except EmailNotValidError:
        # Reserved names (localhost, .test) are refused by the validator but fine for a relay.
        local, at, raw_domain = text.rpartition("@")
        try:
            if not at or not local or not raw_domain or any(c.isspace() for c in text):
                raise AddressProblem(Msg("address.not_name_at_domain"))
            domain = _idna(raw_domain)
        except AddressProblem as exc:
            raise AddressProblem(Msg("address.invalid", {"address": text, "error": exc.msg})) from None
    utf8 = not local.isascii()
    return Mailbox(text, f"{local}@{domain}", utf8)


def needs_smtputf8(*addresses: Mailbox) -> bool:
    return any(a.utf8 for a in addresses)
