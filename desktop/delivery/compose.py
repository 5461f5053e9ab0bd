"""From (ledger row, contact, template) to an ``OutgoingMessage``: render, footer, MIME.

Settings and the signing key are read once per dispatch run, not once per message.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop import tokens
from desktop.delivery.channel import OutgoingMessage
from desktop.delivery.message import build_email, envelope_address, message_id, unsubscribe_footer
from desktop.delivery.outbox import DueRow
from desktop.templates import Template, render
from desktop.templating import TemplateProblem

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


class Composer:
    def __init__(self, ws: "Workspace") -> None:
        get = ws.settings.get
        self.sender = str(get("smtp.sender_email") or "postino@localhost")
        self.sender_name = str(get("smtp.sender_name") or get("business.name") or "")
        self.sms_sender = str(get("twilio.sender") or "")
        self.base_url = str(get("tracking.base_url") or "")
        self.mailto = str(get("smtp.unsubscribe_mailto") or "")
        self.business = str(get("business.name") or "")
        self.language = str(get("ui.language") or "it")
        self.workspace_id = ws.meta("workspace_id") or "ws"
        self.key = tokens.workspace_key(ws)
        self.envelope = envelope_address(self.sender)

    def compose(self, row: DueRow, contact: dict[str, Any], template: Template, now: datetime,
                deadline: datetime | None = None, mime: bool = True) -> OutgoingMessage:
        if template.channel != row.channel:
            raise TemplateProblem(
                f"template {template.name!r} is for {template.channel}, the rule sends {row.channel}")
        extra = {"business_name": self.business}
        if row.channel == "sms":
            rendered = render(template, contact, row.payload, extra)
            return OutgoingMessage(row.id, "sms", contact["phone"], sender=self.sms_sender,
                                   text=rendered.text, deadline=deadline, now=now)
        # Without MIME (the simulator) the HTML footer and the headers are never read: sign a
        # link only when a text the simulator shows (the template's own text part) carries it.
        wanted = mime or bool(template.text) or "unsubscribe_url" in template.html
        url = tokens.unsubscribe_url(self.base_url, self.key, row.contact_id) if self.base_url and wanted else ""
        extra["unsubscribe_url"] = url
        language = contact.get("language") or self.language
        footer_html, footer_text = unsubscribe_footer(url, language) if url else ("", "")
        rendered = render(template, contact, row.payload, extra, footer_html, footer_text, text_part=mime)
        msg_id = message_id(row.id, self.workspace_id, self.sender)
        data = b""
        if mime:
            data = build_email(rendered, sender=self.sender, sender_name=self.sender_name,
                               to=contact["email"], now=now, msg_id=msg_id, unsubscribe_url=url,
                               unsubscribe_mailto=self.mailto, ledger_id=row.id).as_bytes()
        return OutgoingMessage(row.id, "email", contact["email"], sender=self.envelope,
                               subject=rendered.subject, text=rendered.text, data=data,
                               message_id=msg_id, deadline=deadline, now=now)
