"""The whole message catalogue, as ``desktop/messages.py`` promises: every code the engine and
the UI register has an Italian and an English text, both naming the same parameters, and
both format with them. A code whose Italian forgot a parameter shows a sentence missing a
fact (the server's error, the field's name) to every Italian user."""

from __future__ import annotations

import importlib
import pkgutil
import string

import desktop
import ui
from desktop.messages import LANGUAGES, Msg, _load_catalogue, catalog, text


def _everything_loaded() -> dict:
    _load_catalogue()
    for info in pkgutil.walk_packages(ui.__path__, "ui."):  # the UI registers codes of its own
        try:
            importlib.import_module(info.name)
        except ImportError:
            continue
    return dict(catalog())


# A library's own English detail (email_validator's, phonenumbers' reason) that the English
# text may add in brackets and the Italian leaves out rather than show English to Italians.
ENGLISH_ONLY = {"error"}


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_both_languages_with_the_same_parameters() -> None:
    codes = _everything_loaded()
    assert len(codes) > 300 and desktop and ui
    problems = []
    for code, texts in sorted(codes.items()):
        if any(not texts.get(lang, "").strip() for lang in LANGUAGES):
            problems.append(f"{code}: a language is empty")
        elif _fields(texts["it"]) not in (_fields(texts["en"]), _fields(texts["en"]) - ENGLISH_ONLY):
            problems.append(f"{code}: it {sorted(_fields(texts['it']))} en {sorted(_fields(texts['en']))}")
    assert problems == []


def test_every_text_formats_with_its_parameters() -> None:
    for code, texts in sorted(_everything_loaded().items()):
        params = {name: "x" for name in _fields(texts["en"])}
        for lang in LANGUAGES:
            written = text(Msg(code, params), lang)
            assert "{" not in written.replace("{{", "") or "{{" in texts[lang], (code, lang, written)
