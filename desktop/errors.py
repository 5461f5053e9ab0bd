"""Errors the engine raises on purpose, so the CLI and UI can tell bad input from bugs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from desktop.messages import Msg


class PostinoError(Exception):
    """Base for every error we raise deliberately; the CLI maps it to exit code 1.

    ``msg`` is the coded message when there is one: the UI and the CLI show it in the
    user's language (``desktop.messages.text``); ``str(exc)`` stays English, for logs."""

    msg: "Msg | None" = None


class InputError(PostinoError):
    """Bad input from the user (a file, a value, an option); the CLI maps it to exit code 2.

    ``where`` names the place (file, line, column, JSON path) so the message can point at it.
    ``message`` may be a ``Msg``: then it is kept coded in ``msg`` and translated at the edge.
    """

    def __init__(self, message: "str | Msg", where: str | None = None) -> None:
        self.where = where
        if not isinstance(message, str):
            self.msg = message
        super().__init__(f"{where}: {message}" if where else str(message))


class SchemaTooNewError(PostinoError):
    """The workspace was written by a newer Postino; we refuse to touch it rather than damage it."""


class BadValue(ValueError):
    """A value a person typed (or a file holds) that cannot be read: a ``ValueError`` whose
    reason is coded (``msg``), so the editor, the import wizard and reports translate it."""

    def __init__(self, msg: "Msg") -> None:
        self.msg = msg
        super().__init__(str(msg))


def reason_of(exc: BaseException) -> str:
    """What a report stores for a bad value: the encoded ``Msg`` when there is one (``text()``
    reads both that and a plain English reason), else the exception's text."""
    msg = getattr(exc, "msg", None)
    return msg.encode() if msg is not None and hasattr(msg, "encode") else str(exc)
