"""Errors the engine raises on purpose, so the CLI and UI can tell bad input from bugs."""

from __future__ import annotations


class PostinoError(Exception):
    """Base for every error we raise deliberately; the CLI maps it to exit code 1."""


class InputError(PostinoError):
    """Bad input from the user (a file, a value, an option); the CLI maps it to exit code 2.

    ``where`` names the place (file, line, column, JSON path) so the message can point at it.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class SchemaTooNewError(PostinoError):
    """The workspace was written by a newer Postino; we refuse to touch it rather than damage it."""
