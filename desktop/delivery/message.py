"""The MIME message: multipart/alternative (real text + a full HTML document) and the headers
mailbox providers require of bulk senders.

``Message-ID`` is derived from the ledger row and the workspace, so if a send is ever
repeated by hand the receiving side can recognise the duplicate (a test message gets a
fresh one each time). ``List-Id`` (RFC 2919) names the rule as a list. ``List-Unsubscribe``
(RFC 2369) lists angle-bracketed URIs; RFC 2047 forbids encoded-words there, but
``email.policy`` encodes any long unstructured header it cannot fold at spaces — so the
list headers are stored pre-folded (after the commas, never inside a URI) and written as
they are. ``List-Unsubscribe-Post`` (RFC 8058) only when there is a public https link.

A recipient whose local part is not ASCII makes a UTF-8 message (RFC 6532 headers) that
only an SMTPUTF8 server receives; the bodies stay 7-bit (quoted-printable) either way.
"""

from __future__ import annotations

from functools import lru_cache

import secrets as _random
from datetime import datetime
from email.header import Header
from email.message import EmailMessage, MIMEPart
from email.policy import SMTP, SMTPUTF8, EmailPolicy
from email.utils import format_datetime, formataddr

from desktop.delivery.addresses import Mailbox, mailbox
from desktop.delivery.unsubscribe import Unsubscribe
from desktop.templating import Rendered

_RAW_HEADERS = frozenset({"list-unsubscribe", "list-unsubscribe-post", "list-id"})
_WIDTH = 78


class _ListPolicy(EmailPolicy):
    """Keeps the list headers exactly as built here (ASCII, already folded)."""

    def header_store_parse(self, name: str, value: object) -> tuple[str, object]:
        if name.lower() in _RAW_HEADERS and isinstance(value, str):
            text = value.replace("\r\n", "\n")
            if not text.isascii() or any(line[:1] not in (" ",) for line in text.split("\n")[1:]):
                raise ValueError(f"{name}: not an ASCII, folded header value")
            return (name, text)
        return super().header_store_parse(name, value)  # type: ignore[no-any-return]


_ASCII = _ListPolicy(**{k: getattr(SMTP, k) for k in ("linesep", "max_line_length", "utf8", "cte_type")},
                     refold_source="none")
_UTF8 = _ListPolicy(**{k: getattr(SMTPUTF8, k) for k in ("linesep", "max_line_length", "utf8")},
                    cte_type="7bit", refold_source="none")


def fold_items(name: str, items: list[str], width: int = _WIDTH) -> str:
    """``a, b, c`` folded after commas so that no line passes ``width`` when an item fits."""
    lines: list[str] = []
    current = ""
    used = len(name) + 2
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if current and used + 1 + len(piece) > width:
            lines.append(current)
            current, used = " " + piece, 1 + len(piece)
        else:
            current = f"{current} {piece}" if current else piece
            used += len(piece) + (1 if current != piece else 0)
    lines.append(current)
    return "\n".join(lines)


@lru_cache(maxsize=64)
def _domain(sender: str) -> str:  # one sender for thousands of messages: validated once
    try:
        return mailbox(sender).smtp.rpartition("@")[2] or "postino.invalid"
    except ValueError:
        return "postino.invalid"


def message_id(ledger_id: int, workspace_id: str, sender: str) -> str:
    return f"<postino.{workspace_id}.{ledger_id}@{_domain(sender)}>"


def fresh_message_id(workspace_id: str, sender: str) -> str:
    """A new id for every test message: servers drop a repeated Message-ID as a duplicate."""
    return f"<postino.{workspace_id}.test.{_random.token_hex(8)}@{_domain(sender)}>"


def list_id(rule_id: int, workspace_id: str, sender: str, label: str = "") -> str:
    """``"Label" <postino-r<rule>.<workspace>.<sender domain>>`` (RFC 2919)."""
    ident = f"<postino-r{int(rule_id)}.{workspace_id}.{_domain(sender)}>"
    label = " ".join(label.split())
    if not label:
        return ident
    if label.isascii():
        phrase = '"' + label.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:  # an encoded-word is allowed in the phrase, never in the <id>
        phrase = Header(label, "utf-8").encode(maxlinelen=10_000)
    value = f"{phrase} {ident}"
    return value if len("List-Id: ") + len(value) <= _WIDTH else f"{phrase}\n {ident}"


def unsubscribe_footer(url: str, language: str = "it") -> tuple[str, str]:
    """The footer link in HTML and text, in the recipient's language."""
    label = "Annulla l'iscrizione" if language == "it" else "Unsubscribe"
    href = url.replace("&", "&amp;").replace('"', "&quot;")
    html = (f'<p style="font-size:12px;color:#777777;margin-top:24px">'
            f'<a href="{href}" style="color:#777777">{label}</a></p>')
    return html, f"{label}: {url}"


def html_document(html: str) -> str:
    """A fragment becomes a full document (some clients and filters dislike bare fragments)."""
    if "<html" in html[:2000].lower():
        return html
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n<body>\n'
            f"{html}\n</body></html>\n")


def _address_header(box: Mailbox, name: str = "") -> str:
    return formataddr((name, box.smtp)) if name else box.smtp


def build_email(rendered: Rendered, *, sender: str, sender_name: str, to: str, now: datetime,
                msg_id: str, unsubscribe: Unsubscribe | None = None, list_id_value: str = "",
                ledger_id: int | None = None) -> EmailMessage:
    """Raises ``AddressProblem`` for an address that cannot be written at all."""
    sender_box, to_box = mailbox(sender), mailbox(to)
    policy = _UTF8 if (sender_box.utf8 or to_box.utf8) else _ASCII
    msg = EmailMessage(policy=policy)
    msg["From"] = _address_header(sender_box, sender_name)
    msg["To"] = _address_header(to_box)
    msg["Subject"] = rendered.subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = msg_id
    if list_id_value:
        msg["List-Id"] = list_id_value
    if unsubscribe is not None and unsubscribe.uris():
        msg["List-Unsubscribe"] = fold_items("List-Unsubscribe", [f"<{u}>" for u in unsubscribe.uris()])
        if unsubscribe.one_click:
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if ledger_id is not None:
        msg["X-Postino-Ledger"] = str(ledger_id)
    msg.set_content(rendered.text or " ", subtype="plain", charset="utf-8")
    if rendered.html:
        # MIMEPart, not EmailMessage.add_alternative: that one gives the part its own MIME-Version.
        msg.make_alternative()
        part = MIMEPart(policy=policy)
        part.set_content(html_document(rendered.html), subtype="html", charset="utf-8")
        msg.attach(part)
    return msg


def envelope_address(sender: str) -> str:
    """The address for ``MAIL FROM``: A-label domain (validates its shape as a side effect)."""
    return mailbox(sender).smtp if "@" in sender else sender
