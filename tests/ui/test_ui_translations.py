"""The shipped Italian translation is complete and compiled; English plural forms exist."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ui.resources import I18N_DIR


def _messages(language: str) -> list[ET.Element]:
    return list(ET.parse(I18N_DIR / f"postino_{language}.ts").getroot().iter("message"))


def test_every_italian_string_is_translated_and_compiled() -> None:
    messages = _messages("it")
    assert len(messages) > 100
    unfinished = [m.find("source").text for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]
    assert unfinished == []
    for message in messages:
        translation = message.find("translation")
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(texts), message.find("source").text
        if "%1" in message.find("source").text:
            assert all("%1" in t for t in texts), message.find("source").text
    qm = I18N_DIR / "postino_it.qm"
    assert qm.is_file() and qm.stat().st_mtime >= (I18N_DIR / "postino_it.ts").stat().st_mtime - 1


def test_english_has_its_plural_forms() -> None:
    plural = [m for m in _messages("en") if m.get("numerus") == "yes"]
    assert plural and all(len(m.find("translation").findall("numerusform")) == 2 for m in plural)
