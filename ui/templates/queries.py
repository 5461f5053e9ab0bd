"""The worker-side reads and writes behind the templates page (run through ``ui.ops``).

Previews render on the worker too: a template may loop over a cart's items, and the contact
and the event that fill it come from SQLite.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.delivery.sms import SegmentInfo, sms_segments
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.templates import Template, Templates, preview
from desktop.templating import TemplateProblem, check_syntax
from ui.contacts.queries import Search
from ui.ops import OpContext
from ui.words import say as text_of

PARTS = ("subject", "html", "text")
# Event keys templates commonly read, offered by the field picker next to the contact fields.
EVENT_FIELDS = ("event.title", "event.link", "event.amount", "event.ref", "event.items", "event.occurred_at")
SAMPLE_EVENTS = ("purchase", "cart_updated", "rss_item", "custom")

define({
    "template.in_use": ("il modello {name!r} è usato dalle regole {rules}: cambia prima quelle regole",
                        "the template {name!r} is used by the rules {rules}; change those rules first"),
    "template.no_id": ("non c'è nessun modello con id {id} (forse è stato eliminato)", "there is no template {id}"),
})


@dataclass(frozen=True)
class TemplateRow:
    template: Template
    used_by: tuple[str, ...]
    # field name -> (English label, Italian label), for the list's readable placeholders
    labels: dict[str, tuple[str, str]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class PreviewResult:
    """What the editor shows for one contact: the rendered parts, or the problem per part."""

    ok: bool
    subject: str = ""
    html: str = ""
    text: str = ""
    problem: str = ""
    syntax: dict[str, str] = field(default_factory=dict)  # part -> message
    sms: SegmentInfo | None = None
    event_type: str = ""


def rules_by_template(c: OpContext) -> dict[str, list[str]]:
    """Template name (casefolded) -> the rules whose action uses it."""
    used: dict[str, list[str]] = {}
    for rule in c.ws.rules.all():
        name = rule.action.get("template")
        if isinstance(name, str):
            used.setdefault(name.casefold(), []).append(rule.name)
    return used


def template_rows(c: OpContext) -> list[TemplateRow]:
    used = rules_by_template(c)
    labels = {f.name: (f.label_en, f.label_it) for f in c.ws.fields.all().values()}
    return [TemplateRow(t, tuple(used.get(t.name.casefold(), ())), labels) for t in Templates(c.ws.db).list()]


@dataclass(frozen=True)
class TemplateList:
    """The page's list and the business zone its "Last change" times are shown in."""

    rows: list[TemplateRow]
    zone: str


def template_list(c: OpContext) -> TemplateList:
    return TemplateList(template_rows(c), c.ws.settings.get("business.timezone"))


def field_names(c: OpContext) -> list[tuple[str, str, str]]:
    """(name, English label, Italian label) of every contact field, for the field picker."""
    return [(f.name, f.label_en, f.label_it) for f in c.ws.fields.all().values()]


def save_template(c: OpContext, template_id: int | None, data: dict[str, str], now: datetime) -> int:
    templates = Templates(c.ws.db)
    if template_id is None:
        return templates.create(data["name"], data["channel"], subject=data.get("subject", ""),
                                html=data.get("html", ""), text=data.get("text", ""), now=now)
    return templates.update(template_id, now=now, **data).id


def delete_template(c: OpContext, template_id: int) -> None:
    """Refuses while a rule uses the template: the rule would fail at every send."""
    templates = Templates(c.ws.db)
    found = templates.get(template_id)
    if found is None:
        return
    users = rules_by_template(c).get(found.name.casefold(), [])
    if users:
        raise InputError(Msg("template.in_use", {"name": found.name, "rules": ", ".join(users)}), "template")
    templates.delete(template_id)


def duplicate_template(c: OpContext, template_id: int, now: datetime) -> int:
    templates = Templates(c.ws.db)
    source = templates.get(template_id)
    if source is None:
        raise InputError(Msg("template.no_id", {"id": template_id}), "template")
    taken = {t.name.casefold() for t in templates.list()}
    number = 2
    while f"{source.name} ({number})".casefold() in taken:
        number += 1
    return templates.create(f"{source.name} ({number})", source.channel, subject=source.subject,
                            html=source.html, text=source.text, now=now)


def find_contacts(c: OpContext, text: str, limit: int = 30) -> list[tuple[int, str]]:
    """Contacts for the preview's picker, as the user recognises them."""
    clause, params = Search(text).clause()
    rows = c.ws.db.execute(
        "SELECT id, coalesce(email, phone, ''), trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) "
        f"FROM contacts WHERE {clause} ORDER BY id LIMIT ?", [*params, limit]).fetchall()
    return [(r[0], f"{r[2]} <{r[1]}>" if r[2] else r[1]) for r in rows]


def _sample_payload(c: OpContext, contact_id: int) -> dict[str, Any]:
    """The contact's latest event (or the latest blog post) so ``event.*`` fields have real values."""
    marks = ", ".join("?" for _ in SAMPLE_EVENTS)
    row = c.ws.db.execute(
        f"SELECT type, ref, amount, occurred_at, payload FROM events WHERE type IN ({marks}) "
        "AND (contact_id = ? OR (contact_id IS NULL AND type = 'rss_item')) ORDER BY occurred_at DESC LIMIT 1",
        [*SAMPLE_EVENTS, contact_id]).fetchone()
    if row is None:
        return {}
    event = json.loads(row[4] or "{}")
    event.update({"type": row[0], "ref": row[1], "amount": row[2], "occurred_at": row[3]})
    return {"event": event}


def syntax_problems(name: str, subject: str, html: str, text: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    for part, source, html_mode in (("subject", subject, False), ("html", html, True), ("text", text, False)):
        try:
            check_syntax(source, html_mode, name or "template")
        except TemplateProblem as exc:
            problems[part] = text_of(exc.msg)
    return problems


def render_preview(c: OpContext, template: Template, contact_id: int | None) -> PreviewResult:
    problems = syntax_problems(template.name, template.subject, template.html, template.text)
    if problems:
        return PreviewResult(False, problem=next(iter(problems.values())), syntax=problems)
    contact = c.ws.contacts.get(contact_id) if contact_id is not None else None
    payload = _sample_payload(c, contact_id) if contact is not None else {}
    extra = {"business_name": c.ws.settings.get("business.name") or ""}
    shown = preview(template, contact or {}, payload, extra)
    event_type = str(payload.get("event", {}).get("type", ""))
    if not shown.ok:
        return PreviewResult(False, problem=text_of(shown.problem_msg) if shown.problem_msg else shown.problem,
                             event_type=event_type)
    sms = sms_segments(shown.text) if template.channel == "sms" else None
    return PreviewResult(True, shown.subject, shown.html, shown.text, sms=sms, event_type=event_type)


def part_of(error: InputError) -> str | None:
    """Which editor field an engine error belongs to, from its ``where`` ("template 'X', html")."""
    where, message = error.where or "", str(error)
    for part in PARTS:
        if where.endswith(f", {part}"):
            return part
    if where == "template":
        return "name"  # no name, or the name is taken
    if "needs a subject" in message:
        return "subject"
    if "HTML or a text body" in message:
        return "html"
    if "needs a text" in message:
        return "text"
    return None
