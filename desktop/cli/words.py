"""Messages for the terminal: a ``Msg`` in the user's language.

The language is, first to last: the global ``--language it|en`` option, ``POSTINO_LANGUAGE``,
the workspace's ``ui.language`` setting when the user set it (its default, Italian, says
nothing about who reads this terminal), the system locale, English.
"""

from __future__ import annotations

import locale
import os
import re
from typing import TYPE_CHECKING

from desktop.messages import LANGUAGES, Msg, define, text

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

define({
    "cli.created": ("creato     {name}", "created  {name}"), "cli.replaced": ("sostituito {name}", "replaced {name}"),
    "cli.mapping_saved": ("Associazione salvata come {name!r}: riusala con --preset {name!r}",
                          "Mapping saved as {name!r}: reuse it with --preset {name!r}"),
    "cli.import_no_consent": ("errore: {file}: nuovi contatti senza un consenso dichiarato: {count}; non è stato "
                              "importato nulla (usa --consent)",
                              "error: {file}: {count} new contacts without a stated consent; nothing was imported "
                              "(use --consent)"),
    "cli.import_bad_rows": ("errore: {file}: righe errate: {count}; non è stato importato nulla",
                            "error: {file}: {count} bad rows; nothing was imported"),
    "cli.exported": ("Esportati {count} {kind} in {file}", "Exported {count} {kind} to {file}"),
    "cli.kind_contacts": ("contatti", "contacts"), "cli.kind_events": ("eventi", "events"),
    "cli.no_templates": ("Ancora nessun modello: `templates import FILE` o l'editor dell'app li crea.",
                         "No templates yet: `templates import FILE` or the app's editor creates them."),
    "cli.error": ("errore: {text}", "error: {text}"),
    "cli.where": ("{where}: {text}", "{where}: {text}"),
    "cli.place_line": ("riga {n}", "line {n}"), "cli.place_column": ("colonna", "column"),
    "cli.place_setting": ("impostazione {key}", "setting {key}"),
})
# The engine writes a place as "FILE, line N[, column X]" (or "line N, column M" in a JSON
# file), and a setting's as "setting KEY": the words "line", "column" and "setting" are said
# in the reader's language here, at the edge (``where`` itself stays what the UI matches on).
_PLACE_LINE = re.compile(r"(?:(?<=^)|(?<=, )|(?<=: ))line (\d+)\b")
_PLACE_COLUMN = re.compile(r"(?<=, )column\b")
_PLACE_SETTING = re.compile(r"^setting ([a-z][a-z0-9_.]*)$")

# Set by ``desktop.cli.main`` from ``--language`` for the length of one command.
chosen: str | None = None


def _set_in(ws: "Workspace | None") -> str | None:
    """``ui.language`` when the user stored it (not its default)."""
    if ws is None:
        return None
    try:
        row = ws.db.execute("SELECT value FROM settings WHERE key = 'ui.language'").fetchone()
    except Exception:  # noqa: BLE001 - a damaged or closed workspace: fall through to the locale
        return None
    value = str(row[0]).strip('"') if row else None
    return value if value in LANGUAGES else None


def system_language() -> str:
    system = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") \
        or (locale.getlocale()[0] or "")
    return "it" if system.lower().startswith("it") else "en"


def language(ws: "Workspace | None" = None) -> str:
    if chosen in LANGUAGES:
        return str(chosen)
    env = os.environ.get("POSTINO_LANGUAGE")
    if env in LANGUAGES:
        return str(env)
    return _set_in(ws) or system_language()


def say(msg: Msg | str | None, ws: "Workspace | None" = None) -> str:
    return text(msg, language(ws))


def place(where: str, lang: str) -> str:
    """``where`` with its "line N", "column" and "setting" in ``lang`` (file names and keys
    unchanged)."""
    setting = _PLACE_SETTING.match(where)
    if setting:
        return text(Msg("cli.place_setting", {"key": setting.group(1)}), lang)
    where = _PLACE_LINE.sub(lambda m: text(Msg("cli.place_line", {"n": m.group(1)}), lang), where)
    return _PLACE_COLUMN.sub(text(Msg("cli.place_column"), lang), where)


def error_line(exc: BaseException, ws: "Workspace | None" = None) -> str:
    """``error: where: reason`` in the user's language (the coded reason when there is one)."""
    msg = getattr(exc, "msg", None)
    if isinstance(msg, Msg):
        words = say(msg, ws)
        where = getattr(exc, "where", None)
        if where:
            words = say(Msg("cli.where", {"where": place(str(where), language(ws)), "text": words}), ws)
    else:
        words = str(exc)
    return say(Msg("cli.error", {"text": words}), ws)
