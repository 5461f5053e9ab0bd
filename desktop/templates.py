"""The templates manager: CRUD on the ``templates`` table, rendering and preview.

Saving checks that the template compiles, so a syntax error is reported to the editor at
once; errors that depend on the contact (a missing field, a missing event key) can only
show at send time and make that one ledger row ``skipped``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.names import name_problem
from desktop.rules.template_refs import rename_template_in_rules, rules_sending
from desktop.store.savepoint import savepoint
from desktop.templating import Rendered, TemplateProblem, check_syntax, context_for, render_email, render_text
from desktop.timeutil import to_db

define({
    "template.needs_name": ("un modello ha bisogno di un nome", "a template needs a name"),
    "template.needs_body": ("un modello e-mail ha bisogno di un testo HTML o semplice",
                            "an e-mail template needs an HTML or a text body"),
    "template.needs_subject": ("un modello e-mail ha bisogno di un oggetto", "an e-mail template needs a subject"),
    "template.needs_text": ("un modello SMS ha bisogno di un testo", "an SMS template needs a text"),
    "template.name_taken": ("esiste già un modello chiamato {name!r}", "a template named {name!r} already exists"),
    "template.bad_channel": ("il canale {channel!r} non è tra quelli ammessi: {channels}",
                             "channel {channel!r} is not one of {channels}"),
    "template.no_such": ("non c'è nessun modello {name!r}", "there is no template {name!r}"),
    "template.channel_in_use": ("il modello {name!r} è inviato dalle regole {rules}: non può cambiare canale",
                                "the template {name!r} is sent by the rules {rules}; it cannot change channel"),
})

CHANNELS = ("email", "sms")
_COLUMNS = ("id", "name", "channel", "subject", "html", "text", "created_at", "updated_at")


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    channel: str
    subject: str
    html: str
    text: str
    updated_at: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Template":
        return cls(row["id"], row["name"], row["channel"], row["subject"], row["html"],
                   row["text"], row["updated_at"])


@dataclass(frozen=True)
class Preview:
    ok: bool
    subject: str = ""
    html: str = ""
    text: str = ""
    problem: str = ""          # English, for logs and the CLI
    problem_msg: Msg | None = None  # the same, coded: the UI says it in its language


def render(template: Template, contact: dict[str, Any], payload: dict[str, Any] | None = None,
           extra: dict[str, Any] | None = None, footer_html: str = "", footer_text: str = "",
           text_part: bool = True) -> Rendered:
    """Render for one contact; raises ``TemplateProblem`` with the reason if it cannot."""
    context = context_for(contact, payload, extra)
    if template.channel == "sms":
        return Rendered("", "", render_text(template.name, template.text, context))
    return render_email(template.name, template.subject, template.html, template.text, context,
                        footer_html, footer_text, text_part)


def preview(template: Template, contact: dict[str, Any], payload: dict[str, Any] | None = None,
            extra: dict[str, Any] | None = None) -> Preview:
    """What the UI shows: the rendered message, or the reason it would be skipped."""
    extra = {"unsubscribe_url": "https://example.invalid/unsubscribe/preview", **(extra or {})}
    try:
        out = render(template, contact, payload, extra)
    except TemplateProblem as exc:
        return Preview(False, problem=str(exc), problem_msg=exc.msg)
    return Preview(True, out.subject, out.html, out.text)


class Templates:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def validate(self, name: str, channel: str, subject: str, html: str, text: str) -> None:
        """``InputError`` (where: ``template 'NAME', PART``) unless the template is complete and
        every part compiles; what ``create`` and ``update`` check before writing."""
        where = f"template {name!r}"
        if not name.strip():
            raise InputError(Msg("template.needs_name"), "template")
        if name_problem(name):
            raise InputError(name_problem(name), "template")
        if channel not in CHANNELS:
            raise InputError(Msg("template.bad_channel", {"channel": channel, "channels": ", ".join(CHANNELS)}), where)
        if channel == "email" and not (html.strip() or text.strip()):
            raise InputError(Msg("template.needs_body"), where)
        if channel == "email" and not subject.strip():
            raise InputError(Msg("template.needs_subject"), where)
        if channel == "sms" and not text.strip():
            raise InputError(Msg("template.needs_text"), where)
        for part, source, html_mode in (("subject", subject, False), ("html", html, True), ("text", text, False)):
            try:
                check_syntax(source, html_mode, name)
            except TemplateProblem as exc:
                raise InputError(exc.msg, f"{where}, {part}") from None

    def create(self, name: str, channel: str, *, subject: str = "", html: str = "", text: str = "",
               now: datetime) -> int:
        self.validate(name, channel, subject, html, text)
        if self.get(name) is not None:
            raise InputError(Msg("template.name_taken", {"name": name}), "template")
        stamp = to_db(now)
        return self._db.execute(
            "INSERT INTO templates(name, channel, subject, html, text, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", [name.strip(), channel, subject, html, text, stamp, stamp]
        ).lastrowid

    def update(self, name_or_id: str | int, *, now: datetime, **changes: str) -> Template:
        current = self._require(name_or_id)
        unknown = set(changes) - {"name", "channel", "subject", "html", "text"}
        if unknown:
            raise InputError(f"unknown template properties: {', '.join(sorted(unknown))}")
        merged = {"name": current.name, "channel": current.channel, "subject": current.subject,
                  "html": current.html, "text": current.text, **changes}
        self.validate(merged["name"], merged["channel"], merged["subject"], merged["html"], merged["text"])
        other = self.get(merged["name"])
        if other is not None and other.id != current.id:
            raise InputError(Msg("template.name_taken", {"name": merged["name"]}), "template")
        users = rules_sending(self._db, current.name)
        if merged["channel"] != current.channel and users:
            raise InputError(Msg("template.channel_in_use", {"name": current.name, "rules": ", ".join(users)}),
                             "channel")
        conn = self._db.conn
        with savepoint(conn):  # the template and its rules change together
            conn.execute(
                "UPDATE templates SET name = ?, channel = ?, subject = ?, html = ?, text = ?, updated_at = ? "
                "WHERE id = ?", [merged["name"].strip(), merged["channel"], merged["subject"], merged["html"],
                                 merged["text"], to_db(now), current.id])
            if merged["name"].strip() != current.name:
                rename_template_in_rules(conn, current.name, merged["name"].strip(), now)
        return self._require(current.id)

    def get(self, name_or_id: str | int) -> Template | None:
        column = "id" if isinstance(name_or_id, int) else "name"
        cursor = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM templates WHERE {column} = ?",
                                  [name_or_id])
        row = cursor.fetchone()
        return Template.from_row(dict(zip(_COLUMNS, row))) if row else None

    def _require(self, name_or_id: str | int) -> Template:
        found = self.get(name_or_id)
        if found is None:
            raise InputError(Msg("template.no_such", {"name": name_or_id}), "template")
        return found

    def list(self, channel: str | None = None) -> list[Template]:
        sql = f"SELECT {', '.join(_COLUMNS)} FROM templates"
        params: list[Any] = []
        if channel:
            sql += " WHERE channel = ?"
            params.append(channel)
        rows = self._db.execute(sql + " ORDER BY name COLLATE NOCASE", params).fetchall()
        return [Template.from_row(dict(zip(_COLUMNS, r))) for r in rows]

    def delete(self, name_or_id: str | int) -> None:
        self._db.execute("DELETE FROM templates WHERE id = ?", [self._require(name_or_id).id])

    def render(self, template: Template | str | int, contact: dict[str, Any],
               payload: dict[str, Any] | None = None, extra: dict[str, Any] | None = None) -> Rendered:
        found = template if isinstance(template, Template) else self._require(template)
        return render(found, contact, payload, extra)

    def preview(self, template: Template | str | int, contact: dict[str, Any],
                payload: dict[str, Any] | None = None) -> Preview:
        found = template if isinstance(template, Template) else self._require(template)
        return preview(found, contact, payload)
