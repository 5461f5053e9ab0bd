"""Messages for people are codes plus parameters, turned into words only at the edge.

The engine never builds an English sentence for a person: it returns (and stores, in the
ledger's ``reason`` column and in histories) a ``Msg``. The UI and the CLI call ``text(msg,
lang)``. Each area of the engine registers its own codes with their Italian and English
texts in one call (``define``), next to the code that uses them, so a new reason cannot
appear without its translations; ``tests/test_messages.py`` walks the whole catalogue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

LANGUAGES = ("it", "en")
_CATALOG: dict[str, dict[str, str]] = {}


@dataclass(frozen=True)
class Msg:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def encode(self) -> str:
        """The stored form: compact JSON, readable in a database browser."""
        # The code first, always: SQL can then tell a reason's kind by its prefix
        # (``'{"code":"frequency_cap'``) without parsing JSON in a trigger.
        return json.dumps(self.as_dict(), ensure_ascii=False, separators=(",", ":"), default=str)

    def as_dict(self) -> dict[str, Any]:
        """``{"code": ..., **params}`` with nested messages as dicts too (JSON output)."""
        return {"code": self.code, **{k: v.as_dict() if isinstance(v, Msg) else v
                                      for k, v in self.params.items()}}

    def __hash__(self) -> int:  # params is a dict: hash the stored form (Counter keys, sets)
        return hash(self.encode())

    @classmethod
    def decode(cls, stored: str | None) -> "Msg | None":
        """The inverse of ``encode``; a plain text (rows written before codes) stays readable."""
        if not stored:
            return None
        if stored.startswith("{"):
            try:
                data = json.loads(stored)
            except ValueError:
                data = None
            if isinstance(data, dict) and isinstance(data.get("code"), str):
                code = data.pop("code")
                return cls(code, data)
        return cls("legacy", {"text": stored})

    def __str__(self) -> str:  # logs and exceptions: English, never shown as a UI text
        return text(self, "en")


def define(codes: Mapping[str, tuple[str, str]]) -> None:
    """Register ``code -> (italian, english)`` format strings (``str.format`` with the params)."""
    for code, (italian, english) in codes.items():
        known = _CATALOG.get(code)
        if known is not None and known != {"it": italian, "en": english}:
            raise ValueError(f"message code {code!r} defined twice with different texts")
        _CATALOG[code] = {"it": italian, "en": english}


def catalog() -> Mapping[str, Mapping[str, str]]:
    return _CATALOG


def text(msg: "Msg | str | None", lang: str = "en") -> str:
    """Words for a person. An unknown code shows itself with its parameters (never raises)."""
    if msg is None:
        return ""
    if isinstance(msg, str):
        msg = Msg.decode(msg)
        if msg is None:
            return ""
    texts = _CATALOG.get(msg.code)
    if texts is None and _load_catalogue():
        texts = _CATALOG.get(msg.code)
    if texts is None:
        extra = ", ".join(f"{k}={v}" for k, v in sorted(msg.params.items()))
        return f"{msg.code} ({extra})" if extra else msg.code
    template = texts.get(lang) or texts["en"]
    params = {k: _word(v, lang) for k, v in msg.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


_loaded = False


def _load_catalogue() -> bool:
    """Import every engine module once, so each registers its codes: a message can come from
    a module this process never used (a reason stored by the service, a report sent by the
    engine of another process). True if it was not loaded before."""
    global _loaded
    if _loaded:
        return False
    _loaded = True
    import importlib
    import pkgutil

    import desktop

    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        try:
            importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 - a platform's optional helper (winreg, AppKit...)
            continue
    return True


def _word(value: Any, lang: str) -> Any:
    """A parameter that is itself a message (a nested reason) is translated too."""
    if isinstance(value, Msg):
        return text(value, lang)
    if isinstance(value, dict) and isinstance(value.get("code"), str):
        data = dict(value)
        return text(Msg(data.pop("code"), data), lang)
    return value


define({"legacy": ("{text}", "{text}")})
