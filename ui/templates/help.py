"""Small editing aids: the SMS counter's words and a highlighter for template markup.

The counter is computed on the UI thread: ``sms_segments`` is a pure function over a
160-character text, cheaper than a round trip to the worker.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.delivery.sms import GSM7_EXTENSION, SegmentInfo, is_gsm7, sms_segments


def counter_text(info: SegmentInfo) -> str:
    """"83 characters · GSM-7 · 1 SMS (160 per SMS)"."""
    return (QCoreApplication.translate("SmsCounter", "%1 characters · %2 · %3 SMS (%4 per SMS)")
            .replace("%1", str(info.characters)).replace("%2", info.encoding)
            .replace("%3", str(info.segments)).replace("%4", str(info.per_segment)))


def cost_text(info: SegmentInfo) -> str:
    if info.segments <= 1:
        return QCoreApplication.translate("SmsCounter", "Cost: 1 segment per recipient") if info.segments == 1 else ""
    return QCoreApplication.translate("SmsCounter", "Cost: %1 segments per recipient").replace("%1", str(info.segments))


def warning_text(text: str) -> str:
    """Why the message is long: characters outside GSM-7 (UCS-2 for all) or two-septet ones."""
    outside = sorted({ch for ch in text if not is_gsm7(ch)}, key=text.index)
    if outside:
        shown = " ".join(outside[:5])
        return (QCoreApplication.translate("SmsCounter",
            "%1 is not in the GSM-7 alphabet: the whole message is sent as UCS-2, 70 characters per SMS instead of 160 (67 instead of 153 when split).")
                .replace("%1", shown))
    extension = sorted({ch for ch in text if ch in GSM7_EXTENSION}, key=text.index)
    if extension:
        return QCoreApplication.translate("SmsCounter", "%1 counts as two characters in GSM-7.").replace("%1", " ".join(extension))
    return ""


def describe_sms(text: str) -> tuple[SegmentInfo, str, str, str]:
    """(info, counter, cost, warning) for ``text``."""
    info = sms_segments(text)
    return info, counter_text(info), cost_text(info), warning_text(text)


class TemplateHighlighter(QSyntaxHighlighter):
    """Colours ``{{ … }}`` and ``{% … %}`` (and, for HTML, tags and comments)."""

    _MARKUP = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
    _TAG = re.compile(r"</?[a-zA-Z][^>]*>")

    def __init__(self, document: QTextDocument, html: bool) -> None:
        super().__init__(document)
        self.html = html
        self.field_format = QTextCharFormat()
        self.field_format.setForeground(QColor("#1a73e8"))
        self.field_format.setFontWeight(QFont.Weight.DemiBold)
        self.tag_format = QTextCharFormat()
        self.tag_format.setForeground(QColor("#8e24aa"))

    def highlightBlock(self, text: str) -> None:
        if self.html:
            for match in self._TAG.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.tag_format)
        for match in self._MARKUP.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.field_format)
