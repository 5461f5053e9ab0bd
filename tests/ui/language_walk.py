"""Helpers of the language walks (``test_italian_walk.py``): the words that betray the other
language, and every text a person can see in a widget tree.

The list of suspect words is built from the engine's own message catalogue
(``desktop.messages.catalog()``): every English text split into words, minus the words its
Italian texts use as well (``e-mail``, ``SMS``, ``STOP``, ``Postino``…), minus the few that are
Italian words too or names of things. So a new English reason added to the engine is
checked by the walk without anyone editing this list. The Italian list for the English walk
is built the same way the other way round.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QTabWidget,
    QTextEdit, QWidget, QWizard,
)

import desktop
from desktop.messages import catalog

WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:'[A-Za-zÀ-ÿ]+)?")
PLACEHOLDER = re.compile(r"\{[^}]*\}")
CODE_LIKE = re.compile(r"`[^`]*`|\b[a-z]+(?:[._][a-z0-9]+)+\b|https?://\S+|\S+@\S+|[A-Z][a-z]+/[A-Za-z_/]+"
                       r"|(?:^|\s)/\S+|--[a-z-]+|\b\w+(?:\|\w+)+\b")
# code, setting keys, addresses, zone names, file paths, command-line options and their choices

# Words of the English catalogue that are also Italian words, names of products and
# protocols, or abbreviations the Italian texts use too.
SAME_IN_ITALIAN = {
    "a", "e", "i", "o", "in", "no", "non", "come", "per", "se", "un", "una", "di", "da", "al", "il", "ha",
    "sms", "e-mail", "mail", "email", "smtp", "twilio", "postino", "stop", "start", "ok", "csv", "json", "rss",
    "http", "https", "url", "id", "sid", "pem", "ca", "tls", "ssl", "starttls", "imap", "api", "ip", "auth",
    "gmail", "outlook", "shopify", "woocommerce", "pdf", "utf", "g", "s", "x", "sandbox", "outbox", "backup",
    "backups", "feed", "link", "online", "app", "spam", "file", "files", "cap", "login",
    "date", "opt",  # "le date" (dates) is Italian; "opt-in" is the Italian word for it too
}
# Italian words of the catalogue that are also English words or names (for the English walk).
SAME_IN_ENGLISH = {
    "a", "i", "in", "no", "non", "come", "per", "se", "e-mail", "sms", "smtp", "twilio", "postino", "file",
    "link", "feed", "outbox", "sandbox", "backup", "login", "app", "online", "spam", "e", "o", "ok", "id", "sid",
    "data", "ore", "dove", "era", "far", "pace", "tempo", "area", "note", "nome", "via", "con", "dal", "lista",
    "stato", "volte", "alle", "ma", "prima", "tutti", "una", "ha", "al", "fine",
}


def _load_catalogue() -> None:
    """Every engine module registers its codes when imported: import them all."""
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra (a platform's installer helper)
            continue
    importlib.import_module("ui.activity.log_view")  # the UI registers a few codes too
    importlib.import_module("ui.tray.words")


def words_of(text: str) -> set[str]:
    """The words a person reads in ``text`` (without placeholders, code, keys, paths)."""
    return {w.casefold() for w in WORD.findall(CODE_LIKE.sub(" ", PLACEHOLDER.sub(" ", text)))}


def all_words(text: str) -> set[str]:
    """Every word in ``text``, JSON and markup included (for the workspace's own data)."""
    return {w.casefold() for w in WORD.findall(text)}


def suspect_words(language: str) -> set[str]:
    """Words that, seen in a ``language`` window, come from the other language's catalogue."""
    _load_catalogue()
    other = "en" if language == "it" else "it"
    theirs: set[str] = set()
    ours: set[str] = set()
    for texts in catalog().values():
        theirs |= words_of(texts[other])
        ours |= words_of(texts[language])
    same = SAME_IN_ITALIAN if language == "it" else SAME_IN_ENGLISH
    return {w for w in theirs - ours - same if len(w) > 1}


def _model_texts(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(), depth: int = 0) -> Iterator[str]:
    listing = isinstance(model, (QAbstractListModel, QAbstractTableModel))  # flat: hasChildren is private
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            header = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(header, str):
                yield header
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if not listing and depth < 3 and column == 0 and model.hasChildren(index):
                yield from _model_texts(model, index, depth + 1)


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible widget's text, tooltip, placeholder, title, item, cell
    and header under ``root`` (a window, a dialog, a page)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        yield name, widget.toolTip()
        yield name, widget.windowTitle() if widget.isWindow() else ""
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
        if isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
            if widget.isReadOnly():
                yield name, widget.text()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield name, widget.tabText(i)
        if isinstance(widget, QWizard):
            page = widget.currentPage()
            if page is not None:
                yield name, page.title()
                yield name, page.subTitle()
        if isinstance(widget, QComboBox) and widget.count() <= 60:  # not the 600 zone names
            for i in range(widget.count()):
                yield name, widget.itemText(i)
        if isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
            yield name, widget.toPlainText()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for text in _model_texts(widget.model()):
                yield name, text


def leaks(texts: Iterable[tuple[str, str]], suspects: set[str], data_words: set[str]) -> list[str]:
    """Each text that holds a suspect word (not one of the workspace's own data), once."""
    found: dict[str, str] = {}
    for where, text in texts:
        if not text or text in found:
            continue
        bad = sorted((words_of(text) & suspects) - data_words)
        if bad:
            found[text] = f"{where}: {text!r} -> {', '.join(bad)}"
    return list(found.values())
