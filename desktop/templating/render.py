"""Rendering in a Jinja2 sandbox where a missing name is an error, never a blank.

A template that fails for one contact raises ``TemplateProblem`` with a coded reason the
ledger keeps (the row becomes ``skipped``); nothing half-rendered is ever returned, and *any*
failure — a limit of ``limits.py`` (size, time, loops, depth, numbers), a ``RecursionError``,
a ``MemoryError`` — is a ``TemplateProblem``, so one broken rule never stops the others. Empty contact
fields render as "" so ``{{ first_name or "cliente" }}`` and ``{{ first_name | default("cliente") }}``
both give the fallback.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, TemplateError, Undefined, UndefinedError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from desktop.messages import Msg, define
from desktop.templating import limits
from desktop.templating.html_text import html_to_text
from desktop.templating.inline import inline_css

define({
    "template.syntax": ("il modello {template!r}{where}: {error}", "template {template!r}{where}: {error}"),
    "template.error": ("il modello {template!r}, {part}: {error}", "template {template!r}, {part}: {error}"),
    "template.empty": ("il modello {template!r} è vuoto", "template {template!r} is empty"),
    "template.undefined": ("il modello {template!r}, {part}: {name!r} è vuoto o manca per questo contatto "
                           "(un valore di riserva: {{{{ {name} or '…' }}}})",
                           "template {template!r}, {part}: {name!r} is empty or missing for this contact "
                           "(a fallback: {{{{ {name} or '…' }}}})"),
    "template.missing_key": ("il modello {template!r}, {part}: manca {name!r} (l'evento di questo contatto non lo ha)",
                             "template {template!r}, {part}: {name!r} is missing (this contact's event has none)"),
    "template.part.subject": ("oggetto", "subject"), "template.part.html": ("HTML", "html"),
    "template.part.text": ("testo", "text"),
    "template.empty_sms": ("il modello {template!r} ha prodotto un SMS vuoto",
                           "template {template!r} rendered an empty SMS"),
})


class TemplateProblem(Exception):
    """Why a template could not be rendered for this contact (kept as the ledger reason):
    ``msg`` is the coded reason, ``str()`` its English text (logs)."""

    def __init__(self, msg: "Msg | str") -> None:
        self.msg = msg if isinstance(msg, Msg) else Msg("legacy", {"text": msg})
        super().__init__(str(self.msg))


@dataclass(frozen=True)
class Rendered:
    subject: str
    html: str
    text: str


def _default(value: Any, fallback: Any = "", boolean: bool = True) -> Any:
    if isinstance(value, Undefined) or value is None or (boolean and value == ""):
        return fallback
    return value


class _Env(ImmutableSandboxedEnvironment):
    """Dict keys win over dict methods: ``{{ event.items }}`` is the cart's items, and a
    payload without ``items`` is an error — not Python's ``dict.items`` method. Immutable:
    a template cannot grow a list in place (``l.extend(l)`` doubles it each step); the
    operators and calls that can make huge values are checked first (``limits.py``)."""

    _DICT_METHODS = frozenset({"get", "keys", "values"})
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return limits.GuardLoops().visit(super()._parse(source, name, filename))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Any:
        """``'{:>999999999}'.format(x)``: the sandbox wraps str.format; check its widths first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt = str(value.__self__)

        def checked(*args: Any, **kwargs: Any) -> str:
            limits.check_format(fmt, list(args) + list(kwargs.values()))
            return wrapped(*args, **kwargs)
        return checked

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        limits.check_method(__obj, args, kwargs)
        with limits.call_depth():
            return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict):
            if attribute in obj:
                return obj[attribute]
            if attribute not in self._DICT_METHODS:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, dict) and isinstance(argument, str):
            if argument in obj:
                return obj[argument]
            return self.undefined(obj=obj, name=argument)
        return super().getitem(obj, argument)


class _Missing(StrictUndefined):
    """Printing, comparing or iterating a missing name is an error, but testing it is not:
    ``{{ event.title or 'un nuovo articolo' }}`` and ``{% if event.title %}`` are how an
    author asks for a fallback, and a missing value is simply false there."""

    def __bool__(self) -> bool:
        return False


def _environment(autoescape: bool) -> SandboxedEnvironment:
    env = _Env(undefined=_Missing, autoescape=autoescape,
                               trim_blocks=True, lstrip_blocks=True, cache_size=512)
    env.filters = limits.guarded_filters(env.filters)  # type: ignore[assignment]
    env.filters["default"] = _default
    env.filters["d"] = _default
    env.globals.pop("lipsum", None)   # lipsum(n=10**9) is a loop the guards cannot see
    return env


_HTML = _environment(True)
_PLAIN = _environment(False)


@functools.lru_cache(maxsize=512)
def _compile(source: str, html: bool, name: str) -> Any:
    env = _HTML if html else _PLAIN
    try:
        return env.from_string(source)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        raise TemplateProblem(Msg("template.syntax", {"template": name, "where": where,
                                                      "error": str(exc)})) from None


def check_syntax(source: str, html: bool, name: str) -> None:
    """Raise ``TemplateProblem`` now (when saving) for a template that cannot even compile."""
    _compile(source, html, name)


@functools.lru_cache(maxsize=512)
def _reads(source: str, html: bool) -> tuple[str, ...] | None:
    """The top-level names a template reads — its output depends on nothing else — or
    ``None`` when the same context may still render differently (``random``, ``lipsum``)."""
    if "random" in source or "lipsum" in source:
        return None
    from jinja2 import meta

    try:
        return tuple(sorted(meta.find_undeclared_variables((_HTML if html else _PLAIN).parse(source))))
    except TemplateError:
        return None


def _frozen(value: Any) -> Any:
    # The type is part of the key: 1, 1.0 and True are equal in Python but print differently.
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, default=repr) if value else value.__class__
    return (value.__class__, value)


_ABSENT = object()
_MEMO: dict[tuple, str | TemplateProblem] = {}
_MEMO_SIZE = 8192


def _run(source: str, html: bool, name: str, part: str, context: dict[str, Any]) -> str:
    """Render once per distinct context: a newsletter to 30,000 people reads a first name and
    the shop's name, so most renders repeat one already done (the simulator renders every
    planned send). The output is a pure function of the names the template reads."""
    if not source:
        return ""
    reads = _reads(source, html)
    key = None
    if reads is not None:
        try:
            key = (source, html, name, part, *(_frozen(context.get(n, _ABSENT)) for n in reads))
            done = _MEMO.get(key)
        except (TypeError, ValueError):  # unhashable or not JSON-able: render without the memo
            key = done = None
        if done is not None:
            if isinstance(done, TemplateProblem):
                raise TemplateProblem(done.msg)
            return done
    try:
        out: str | TemplateProblem = _render(source, html, name, part, context)
    except TemplateProblem as exc:
        out = exc
    if key is not None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        _MEMO[key] = out
    if isinstance(out, TemplateProblem):
        raise TemplateProblem(out.msg) from None
    return out



_UNDEFINED = re.compile(r"^'([^']+)' is undefined$|has no attribute '([^']+)'$")


def _undefined(exc: UndefinedError, name: str, part: str) -> Msg:
    """Jinja's "'first_name' is undefined", the commonest template mistake, in the user's words."""
    found = _UNDEFINED.search(str(exc))
    if found is None:
        return Msg("template.error", {"template": name, "part": part, "error": str(exc)})
    words = Msg(f"template.part.{part}") if part in ("subject", "html", "text") else part
    code = "template.undefined" if found.group(1) else "template.missing_key"
    return Msg(code, {"template": name, "part": words, "name": found.group(1) or found.group(2)})


def _render(source: str, html: bool, name: str, part: str, context: dict[str, Any]) -> str:
    template = _compile(source, html, name)
    try:
        with limits.budget():
            return limits.collect(template.generate(context))
    except limits.RenderLimit as exc:
        raise TemplateProblem(exc.msg(name, part)) from None
    except RecursionError:
        raise TemplateProblem(limits.RenderLimit("depth", limits.MAX_DEPTH).msg(name, part)) from None
    except MemoryError:
        raise TemplateProblem(limits.RenderLimit("size", f"{limits.MAX_STRING} characters").msg(name, part)) from None
    except UndefinedError as exc:
        raise TemplateProblem(_undefined(exc, name, part)) from None
    except TemplateError as exc:
        raise TemplateProblem(Msg("template.error", {"template": name, "part": part, "error": str(exc)})) from None
    except Exception as exc:  # noqa: BLE001 - whatever a template does, only this row is skipped
        error = f"{type(exc).__name__}: {exc}"[:500]
        raise TemplateProblem(Msg("template.error", {"template": name, "part": part, "error": error})) from None


def context_for(contact: dict[str, Any], payload: dict[str, Any] | None,
                extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Contact fields by name (empty = ""), ``contact`` as a whole, ``event`` from the payload."""
    fields = {k: ("" if v is None else v) for k, v in contact.items()}
    payload = payload or {}
    context: dict[str, Any] = dict(fields)
    context["contact"] = fields
    context["event"] = payload.get("event", {})
    context["payload"] = payload
    context.update(extra or {})
    return context


def render_email(name: str, subject: str, html: str, text: str, context: dict[str, Any],
                 footer_html: str = "", footer_text: str = "", text_part: bool = True) -> Rendered:
    """Subject, inlined HTML and a real text part; the footer is added unless the template
    already places ``unsubscribe_url`` itself. ``text_part=False`` skips deriving the text
    from the HTML (it cannot fail, and the simulator shows subjects, not bodies)."""
    out_subject = " ".join(_run(subject, False, name, "subject", context).split())
    out_html = _run(inline_css(html), True, name, "html", context) if html else ""
    out_text = _run(text, False, name, "text", context) if text else ""
    if not out_text and out_html and text_part:
        out_text = html_to_text(out_html)
    if not out_html and not out_text:
        raise TemplateProblem(Msg("template.empty", {"template": name}))
    places_link = "unsubscribe_url" in html or "unsubscribe_url" in text
    if footer_html and out_html and not places_link:
        lowered = out_html.lower()
        at = lowered.rfind("</body>")
        out_html = out_html[:at] + footer_html + out_html[at:] if at >= 0 else out_html + footer_html
    if footer_text and not places_link:
        out_text = out_text.rstrip("\n") + "\n\n" + footer_text + "\n"
    return Rendered(out_subject, out_html, out_text)


def render_text(name: str, text: str, context: dict[str, Any]) -> str:
    """An SMS body: plain text, whitespace runs kept as the author wrote them."""
    body = _run(text, False, name, "text", context).strip()
    if not body:
        raise TemplateProblem(Msg("template.empty_sms", {"template": name}))
    return body


def names_used(source: str) -> set[str]:
    """Top-level names a template reads (for the editor's field hints)."""
    from jinja2 import meta

    try:
        return set(meta.find_undeclared_variables(_PLAIN.parse(source)))
    except TemplateError:
        return set()


__all__ = ["Rendered", "TemplateProblem", "check_syntax", "context_for", "render_email",
           "render_text", "names_used"]
