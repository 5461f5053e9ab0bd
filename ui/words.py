"""Engine messages in the UI's language: every ``Msg`` (and every error that carries one)
is turned into words here, at the edge, in the language the window shows now."""

from __future__ import annotations

from desktop.cli.words import place
from desktop.messages import Msg, text
from ui.resources import LANGUAGE


def say(msg: Msg | str | None) -> str:
    """A coded message (or a stored reason) in the UI's current language."""
    return text(msg, LANGUAGE.code)


def error_text(exc: BaseException, *, bare: bool = False) -> str:
    """An exception for a person: its coded message translated when it has one, else its
    English text; its place ("line 3", "setting smtp.port") in the same language. ``bare``
    leaves out the ``where: `` prefix (the field already says where)."""
    msg = getattr(exc, "msg", None)
    if isinstance(msg, Msg):
        words = say(msg)
        where = getattr(exc, "where", None)
        return words if bare or not where else f"{place(str(where), LANGUAGE.code)}: {words}"
    words = str(exc)
    if bare and getattr(exc, "where", None):
        return words.split(": ", 1)[-1]
    return words
