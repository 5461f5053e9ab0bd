"""From (ledger row, contact, template) to an ``OutgoingMessage``: render, footer, MIME.

Settings, the signing key and each rule's "marketing" flag are read once per dispatch run,
not once per message. Everything that makes this one row unsendable — a template that fails,
an address that cannot be written, a marketing e-mail with no way to unsubscribe — raises
``TemplateProblem`` with a coded reason: the dispatcher skips the row and goes on.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop import tokens
from desktop.delivery.addresses import AddressProblem
from desktop.delivery.channel import OutgoingMessage
from desktop.delivery.message import build_email, envelope_address, list_id, message_id, unsubscribe_footer
from desktop.delivery.outbox import DueRow
from desktop.delivery.tracking import add_pixel, click_tracker, rewrite_links
from desktop.delivery.unsubscribe import Unsubscribe, UnsubscribePaths, endpoint_base
from desktop.messages import Msg, define
from desktop.templates import Template, render
from desktop.templating import TemplateProblem

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

define({
    "delivery.no_unsubscribe": (
        "e-mail di marketing senza un modo di disiscriversi: imposta unsubscribe.mailbox (o "
        "smtp.sender_email) oppure endpoint.public_url",
        "a marketing e-mail needs a way to unsubscribe: set unsubscribe.mailbox (or smtp.sender_email) "
        "or endpoint.public_url"),
    "template.wrong_channel": ("il modello {template!r} è per {template_channel}, la regola invia {channel}",
                               "template {template!r} is for {template_channel}, the rule sends {channel}"),
})


class Composer:
    def __init__(self, ws: "Workspace") -> None:
        get = ws.settings.get
        self.ws = ws
        self.sender = str(get("smtp.sender_email") or "postino@localhost")
        self.sender_name = str(get("smtp.sender_name") or get("business.name") or "")
        self.sms_sender = str(get("twilio.sender") or "")
        self.business = str(get("business.name") or "")
        self.language = str(get("ui.language") or "it")
        self.workspace_id = ws.meta("workspace_id") or "ws"
        self.key = tokens.workspace_key(ws)
        self.track_opens = bool(get("tracking.opens"))
        self._box = str(get("unsubscribe.mailbox") or "")
        self._paths: dict[bool, UnsubscribePaths] = {}
        self._marketing: dict[int, bool] = {}
        # Only a message that really leaves needs a way out; the sandbox's files reach nobody.
        self.leaves_pc = not get("sandbox") and bool(get("smtp.host"))
        try:
            self.envelope = envelope_address(self.sender)
        except AddressProblem:
            self.envelope = self.sender

    def paths(self, mime: bool = True) -> UnsubscribePaths:
        """Unsubscribe links for this run. Real messages (``mime``) ask once whether the
        endpoint answers; the simulator, which sends nothing, trusts the settings."""
        if mime not in self._paths:
            base = endpoint_base(self.ws.settings, self.workspace_id, probe=mime)
            self._paths[mime] = UnsubscribePaths(base, self._box, self.sender, self.key)
        return self._paths[mime]

    def marketing(self, rule_id: int) -> bool:
        """The rule's ``marketing`` flag (default true); a rule that is gone counts as marketing."""
        if rule_id not in self._marketing:
            row = self.ws.db.execute("SELECT definition FROM rules WHERE id = ?", [rule_id]).fetchone()
            try:
                flag = json.loads(row[0]).get("marketing", True) if row else True
            except (TypeError, ValueError, AttributeError):
                flag = True
            self._marketing[rule_id] = bool(flag)
        return self._marketing[rule_id]

    def compose(self, row: DueRow, contact: dict[str, Any], template: Template, now: datetime,
                deadline: datetime | None = None, mime: bool = True) -> OutgoingMessage:
        if template.channel != row.channel:
            raise TemplateProblem(Msg("template.wrong_channel", {
                "template": template.name, "template_channel": template.channel, "channel": row.channel}))
        extra: dict[str, Any] = {"business_name": self.business}
        if row.channel == "sms":
            rendered = render(template, contact, row.payload, extra)
            return OutgoingMessage(row.id, "sms", contact["phone"], sender=self.sms_sender,
                                   text=rendered.text, deadline=deadline, now=now)
        paths = self.paths(mime)
        if self.leaves_pc and not (paths.base or paths.mailbox) and self.marketing(row.rule_id):
            raise TemplateProblem(Msg("delivery.no_unsubscribe"))
        # Without MIME (the simulator) the HTML footer and the headers are never read: sign a
        # link only when a text the simulator shows (the template's own text part) carries it.
        wanted = mime or bool(template.text) or "unsubscribe_url" in template.html
        unsub = paths.for_contact(row.contact_id) if wanted else Unsubscribe()
        extra["unsubscribe_url"] = unsub.link
        language = contact.get("language") or self.language
        footer_html, footer_text = unsubscribe_footer(unsub.link, language) if unsub.link else ("", "")
        rendered = render(template, contact, row.payload, extra, footer_html, footer_text, text_part=mime)
        if mime and paths.base and rendered.html:
            html = rewrite_links(rendered.html, click_tracker(paths.base, self.key, row.id))
            if self.track_opens:
                html = add_pixel(html, paths.base, self.key, row.id)
            rendered = replace(rendered, html=html)
        msg_id = message_id(row.id, self.workspace_id, self.sender)
        data = b""
        if mime:
            try:
                data = build_email(rendered, sender=self.sender, sender_name=self.sender_name,
                                   to=contact["email"], now=now, msg_id=msg_id, unsubscribe=unsub,
                                   list_id_value=list_id(row.rule_id, self.workspace_id, self.sender,
                                                         self.business or self.sender_name),
                                   ledger_id=row.id).as_bytes()
            except AddressProblem as exc:
                raise TemplateProblem(exc.msg) from None
        return OutgoingMessage(row.id, "email", contact["email"], sender=self.envelope,
                               subject=rendered.subject, text=rendered.text, data=data,
                               message_id=msg_id, deadline=deadline, now=now)
