"""A template's subject and first line as a shop owner reads them: «First name», not ``{{ first_name }}``.

The list of templates shows what a message is about. Raw Jinja (``{{ first_name or 'cliente' }}``,
``{% if event.amount %}``) is noise there, so each placeholder becomes the readable name of
what it is filled with (the field's label in the UI language), blocks and comments go, and
HTML becomes its text. No rendering happens: this is a label, so it cannot fail.
"""

from __future__ import annotations

import html as html_module
import re
from typing import Mapping

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

_EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}", re.S)
_BLOCK = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_KEYWORDS = {"or", "and", "not", "if", "else", "in", "is", "none", "true", "false", "default"}
_BREAKS = re.compile(r"<\s*(br|/p|/h[1-6]|/div|/li|/tr|/title)\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]*>")
_DROPPED = re.compile(r"<(style|script|head)\b.*?</\1\s*>", re.I | re.S)

# Names of the values a template reads besides contact fields, as the editor's picker offers them.
NAMES = {
    "event.title": QT_TRANSLATE_NOOP("placeholders", "title"),
    "event.link": QT_TRANSLATE_NOOP("placeholders", "link"),
    "event.amount": QT_TRANSLATE_NOOP("placeholders", "amount"),
    "event.ref": QT_TRANSLATE_NOOP("placeholders", "order or cart number"),
    "event.items": QT_TRANSLATE_NOOP("placeholders", "items"),
    "event.occurred_at": QT_TRANSLATE_NOOP("placeholders", "date"),
    "business_name": QT_TRANSLATE_NOOP("placeholders", "shop name"),
    "unsubscribe_url": QT_TRANSLATE_NOOP("placeholders", "unsubscribe link"),
}


def placeholder_name(expression: str, labels: Mapping[str, str]) -> str:
    """The readable name of what ``{{ expression }}`` shows: its first variable's label."""
    code = _STRING.sub(" ", expression.split("|", 1)[0])
    for found in _NAME.finditer(code):
        name = found.group(0)
        if name.casefold() in _KEYWORDS:
            continue
        if name.startswith("contact."):
            name = name[len("contact."):]
        if name in labels:
            return labels[name]
        if name in NAMES:
            return QCoreApplication.translate("placeholders", NAMES[name])
        return name.rsplit(".", 1)[-1].replace("_", " ")
    return "…"


def readable(source: str, labels: Mapping[str, str], html: bool = False) -> str:
    """``source`` with placeholders as «names», blocks and (for HTML) tags removed."""
    text = _BLOCK.sub("", source)
    text = _EXPRESSION.sub(lambda m: f"«{placeholder_name(m.group(1), labels)}»", text)
    if html:
        text = _DROPPED.sub("", text)
        text = _TAGS.sub("", _BREAKS.sub("\n", text))
        text = html_module.unescape(text)
    return text


def first_line(source: str, labels: Mapping[str, str], html: bool = False) -> str:
    for line in readable(source, labels, html).splitlines():
        if line.strip():
            return " ".join(line.split())
    return ""


def summary(channel: str, subject: str, html: str, text: str, labels: Mapping[str, str]) -> tuple[str, str]:
    """(subject, first line of the body), both plain; an SMS has no subject."""
    if channel != "email":
        return "", first_line(text, labels)
    body = first_line(html, labels, html=True) or first_line(text, labels)
    return " ".join(readable(subject, labels).split()), body
