"""Templates as a JSON file: ``templates export`` and ``templates import FILE [--replace]``.

The envelope matches the rules file: ``{"format": "postino.templates", "version": 1,
"templates": [{"name", "channel", "subject", "html", "text"}]}``. An import is all or
nothing; every error names the JSON path. The file is read strictly (duplicate keys, NaN,
deep nesting refused: ``desktop.jsonstrict``), and each template must compile and render for
a sample contact — every field filled, an event with whatever keys the template reads — so
a template that can never be sent (an unknown name, a filter that fails, a body over the
render limits) is refused now, not at every send.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.errors import InputError
from desktop.fileio import write_text_atomic
from desktop.jsonstrict import load_file_strict
from desktop.messages import Msg, define
from desktop.templates import CHANNELS, Template, Templates, render
from desktop.templating import TemplateProblem

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

FILE_FORMAT = "postino.templates"
FILE_VERSION = 1
KEYS = ("name", "channel", "subject", "html", "text")
MAX_PART = 1_000_000  # characters in one part (subject, html, text)

define({
    "templates.not_file": ('non è un file di modelli di Postino (serve "format": "{format}")',
                           'not a Postino templates file (expected "format": "{format}")'),
    "templates.version": ("versione {version} non supportata (questa versione di Postino legge la {supported})",
                          "version {version} is not supported (this Postino reads version {supported})"),
    "templates.unknown_key": ("campo sconosciuto {key}", "unknown field {key}"),
    "templates.not_list": ("deve essere una lista di modelli", "must be a list of templates"),
    "templates.not_object": ("un modello deve essere un oggetto JSON", "a template must be a JSON object"),
    "templates.not_text": ("deve essere un testo", "must be text"),
    "templates.too_long": ("al massimo {limit} caratteri", "at most {limit} characters"),
    "templates.channel": ("il canale deve essere email o sms", "the channel must be email or sms"),
    "templates.twice": ("il nome {name} è usato due volte (anche in {other})",
                        "the name {name} is used twice (also at {other})"),
    "templates.exists": ("esiste già un modello {name} (usa --replace per sovrascriverlo)",
                         "a template called {name} already exists (use --replace to overwrite it)"),
    "templates.channel_in_use": ("il modello {name} è usato dalle regole {rules} come modello {channel}",
                                 "the template {name} is used by the rules {rules} as an {channel} template"),
    "templates.render": ("non si può generare per un contatto di prova: {reason}",
                         "cannot be rendered for a sample contact: {reason}"),
    "templates.none_called": ("nessun modello si chiama {names}", "no template called {names}"),
})


def _fail(where: str, code: str, **params: object) -> InputError:
    return InputError(Msg(code, params), where)


def _message(exc: InputError) -> "Msg | str":
    """The message without its place (``InputError`` keeps them joined): the coded one when
    there is one, so the CLI and the UI still say it in the user's language."""
    if exc.msg is not None:
        return exc.msg
    full = str(exc)
    return full[len(exc.where) + 2:] if exc.where and full.startswith(f"{exc.where}: ") else full


@dataclass
class TemplatesImport:
    created: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)


class _Anything(dict):
    """A sample event or item: any key a template reads is there (event payloads differ by
    shop and feed, so an import cannot know them); the usual ones have typical values."""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str)

    def __missing__(self, key: str) -> str:
        return "esempio"


def _sample_event() -> dict[str, Any]:
    item = _Anything(name="Articolo", title="Articolo", quantity=1, price=19.9, amount=19.9, url="https://example.invalid/p")
    # The marker key keeps the render memo from ever serving this sample's output to a real event.
    return _Anything(__sample__="postino", type="purchase", title="Titolo di esempio", link="https://example.invalid/a", amount=49.9,
                     total=49.9, ref="A-1001", occurred_at="2026-01-15T10:00:00+00:00", items=[item, item])


def sample_contact(ws: "Workspace") -> dict[str, Any]:
    """A contact with every field filled, as the sender would see one."""
    samples = {"text": "Maria", "number": 3.0, "date": "1990-05-17", "datetime": "2026-01-15 10:00:00",
               "boolean": True}
    contact: dict[str, Any] = {spec.name: samples.get(spec.type, "esempio") for spec in ws.fields.all().values()}
    contact.update(id=1, email="maria@example.invalid", phone="+393331234567", first_name="Maria")
    return contact


def _parse_one(item: Any, where: str) -> dict[str, str]:
    if not isinstance(item, dict):
        raise _fail(where, "templates.not_object")
    for key in item:
        if key not in KEYS:
            raise _fail(f"{where}.{key}", "templates.unknown_key", key=repr(key))
    out: dict[str, str] = {}
    for key in KEYS:
        value = item.get(key, "")
        if not isinstance(value, str):
            raise _fail(f"{where}.{key}", "templates.not_text")
        if len(value) > MAX_PART:
            raise _fail(f"{where}.{key}", "templates.too_long", limit=MAX_PART)
        out[key] = value
    if out["channel"] not in CHANNELS:
        raise _fail(f"{where}.channel", "templates.channel")
    out["name"] = out["name"].strip()
    return out


def _check_renders(ws: "Workspace", data: dict[str, str], where: str) -> None:
    """Compile (the manager's own checks) and render for the sample contact."""
    try:
        Templates(ws.db).validate(data["name"], data["channel"], data["subject"], data["html"], data["text"])
    except InputError as exc:
        part = exc.where.rsplit(", ", 1)[-1] if exc.where and ", " in exc.where else ""
        raise InputError(_message(exc), f"{where}.{part}" if part in KEYS else where) from None
    template = Template(0, data["name"], data["channel"], data["subject"], data["html"], data["text"])
    extra = {"business_name": ws.settings.get("business.name") or "Negozio",
             "unsubscribe_url": "https://example.invalid/unsubscribe/sample"}
    try:
        render(template, sample_contact(ws), {"event": _sample_event()}, extra)
    except TemplateProblem as exc:
        raise _fail(where, "templates.render", reason=exc.msg) from None


def _channel_users(ws: "Workspace", name: str, channel: str) -> list[str]:
    """Rules that send this template on the other channel (replacing it would break them)."""
    wanted = {"send_email": "email", "send_sms": "sms"}
    return [rule.name for rule in ws.rules.all()
            if str(rule.action.get("template", "")).casefold() == name.casefold()
            and wanted.get(rule.action["type"], channel) != channel]


def parse_templates(ws: "Workspace", data: Any, replace: bool) -> list[dict[str, str]]:
    """The file's templates, each checked, or ``InputError`` with the JSON path."""
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise _fail("$.format", "templates.not_file", format=FILE_FORMAT)
    if data.get("version") != FILE_VERSION:
        raise _fail("$.version", "templates.version", version=repr(data.get("version")), supported=FILE_VERSION)
    for key in data:
        if key not in ("format", "version", "templates"):
            raise _fail(f"$.{key}", "templates.unknown_key", key=repr(key))
    items = data.get("templates")
    if not isinstance(items, list):
        raise _fail("$.templates", "templates.not_list")
    existing = {t.name.casefold() for t in Templates(ws.db).list()}
    seen: dict[str, str] = {}
    parsed = []
    for i, item in enumerate(items):
        where = f"$.templates[{i}]"
        one = _parse_one(item, where)
        _check_renders(ws, one, where)
        key = one["name"].casefold()
        if key in seen:
            raise _fail(f"{where}.name", "templates.twice", name=repr(one["name"]), other=seen[key])
        seen[key] = where
        if key in existing and not replace:
            raise _fail(f"{where}.name", "templates.exists", name=repr(one["name"]))
        users = _channel_users(ws, one["name"], one["channel"])
        if users:
            raise _fail(f"{where}.channel", "templates.channel_in_use", name=repr(one["name"]),
                        rules=", ".join(users), channel="sms" if one["channel"] == "email" else "email")
        parsed.append(one)
    return parsed


def import_templates(ws: "Workspace", data: Any, now: datetime, replace: bool = False) -> TemplatesImport:
    parsed = parse_templates(ws, data, replace)
    templates = Templates(ws.db)
    summary = TemplatesImport()
    with ws.transaction():
        for one in parsed:
            current = templates.get(one["name"])
            if current is None:
                templates.create(one["name"], one["channel"], subject=one["subject"], html=one["html"],
                                 text=one["text"], now=now)
                summary.created.append(one["name"])
            else:
                templates.update(current.id, now=now, **one)
                summary.replaced.append(one["name"])
    return summary


def import_file(ws: "Workspace", path: str | Path, now: datetime, replace: bool = False) -> TemplatesImport:
    file = Path(path)
    data = load_file_strict(file)
    try:
        return import_templates(ws, data, now, replace)
    except InputError as exc:
        raise InputError(_message(exc), f"{file}: {exc.where}" if exc.where else str(file)) from None


def export_data(ws: "Workspace", names: list[str] | None = None) -> dict[str, Any]:
    templates = Templates(ws.db).list()
    if names:
        wanted = {n.casefold() for n in names}
        missing = wanted - {t.name.casefold() for t in templates}
        if missing:
            raise InputError(Msg("templates.none_called", {"names": ", ".join(sorted(missing))}), "--template")
        templates = [t for t in templates if t.name.casefold() in wanted]
    return {"format": FILE_FORMAT, "version": FILE_VERSION,
            "templates": [{"name": t.name, "channel": t.channel, "subject": t.subject, "html": t.html,
                           "text": t.text} for t in templates]}


def export_file(ws: "Workspace", path: str | Path, names: list[str] | None = None) -> Path:
    import json

    content = json.dumps(export_data(ws, names), ensure_ascii=False, indent=2) + "\n"
    return write_text_atomic(path, content, workspace_dir=ws.data_dir)
