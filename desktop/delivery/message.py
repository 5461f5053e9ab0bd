"""The MIME message: multipart/alternative (real text + inlined HTML) and the headers
mailbox providers require of bulk senders.

``Message-ID`` is derived from the ledger row and the workspace, so if a send is ever
repeated by hand the receiving side can recognise the duplicate. ``List-Unsubscribe`` carries
the signed https link (and a mailto when configured), and ``List-Unsubscribe-Post`` declares
one-click unsubscribe (RFC 8058), which Gmail and Yahoo require of bulk senders.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr

from desktop.templating import Rendered


def message_id(ledger_id: int, workspace_id: str, sender: str) -> str:
    domain = sender.rpartition("@")[2] or "postino.invalid"
    return f"<postino.{workspace_id}.{ledger_id}@{domain}>"


def unsubscribe_footer(url: str, language: str = "it") -> tuple[str, str]:
    """The footer link in HTML and text, in the recipient's language."""
    label = "Annulla l'iscrizione" if language == "it" else "Unsubscribe"
    html = (f'<p style="font-size:12px;color:#777777;margin-top:24px">'
            f'<a href="{url}" style="color:#777777">{label}</a></p>')
    return html, f"{label}: {url}"


def build_email(rendered: Rendered, *, sender: str, sender_name: str, to: str, now: datetime,
                msg_id: str, unsubscribe_url: str = "", unsubscribe_mailto: str = "",
                ledger_id: int | None = None) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr((sender_name, sender)) if sender_name else sender
    msg["To"] = to
    msg["Subject"] = rendered.subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = msg_id
    if unsubscribe_url or unsubscribe_mailto:
        links = []
        if unsubscribe_url:
            links.append(f"<{unsubscribe_url}>")
        if unsubscribe_mailto:
            links.append(f"<mailto:{unsubscribe_mailto}?subject=unsubscribe>")
        msg["List-Unsubscribe"] = ", ".join(links)
        if unsubscribe_url:
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if ledger_id is not None:
        msg["X-Postino-Ledger"] = str(ledger_id)
    msg.set_content(rendered.text or " ", subtype="plain", charset="utf-8")
    if rendered.html:
        msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    return msg


def envelope_address(sender: str) -> str:
    """The bare address for ``MAIL FROM`` (validates its shape as a side effect)."""
    return Address(addr_spec=sender).addr_spec if "@" in sender else sender
