"""Messages for the terminal: a ``Msg`` in the user's language (``POSTINO_LANGUAGE``, else
the system locale, else English). The app's own ``ui.language`` setting is not used here:
its default is Italian, and a terminal's locale says better what its user reads."""

from __future__ import annotations

import locale
import os
from typing import TYPE_CHECKING

from desktop.messages import LANGUAGES, Msg, text

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace


def language(ws: "Workspace | None" = None) -> str:
    chosen = os.environ.get("POSTINO_LANGUAGE")
    if chosen in LANGUAGES:
        return str(chosen)
    system = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") \
        or (locale.getlocale()[0] or "")
    return "it" if system.lower().startswith("it") else "en"


def say(msg: Msg | str | None, ws: "Workspace | None" = None) -> str:
    return text(msg, language(ws))
