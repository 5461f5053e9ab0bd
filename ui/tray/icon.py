"""The tray icon's state and picture: Postino's envelope with a coloured badge, so the state
reads at a glance in a 16-pixel tray (green running, amber paused, blue sandbox, red needs
attention, grey when another copy runs the engine)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop.service.engine import EngineStatus
from ui.resources import icon

BADGES = {"running": "#2e7d32", "paused": "#f9a825", "sandbox": "#1565c0", "attention": "#c62828",
          "elsewhere": "#757575"}


def tray_state(status: EngineStatus | None, *, paused: bool, sandbox: bool, attention: bool) -> str:
    """Attention first (the user must act), then the user's own pause, then the sandbox."""
    if status is None or not status.running:
        return "elsewhere"
    if attention:
        return "attention"
    if paused:
        return "paused"
    if sandbox:
        return "sandbox"
    return "running"


def state_icon(state: str, size: int = 64) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    icon("postino").paint(painter, 0, 0, size, size)
    badge = QRectF(size * 0.52, size * 0.52, size * 0.46, size * 0.46)
    painter.setPen(QColor("white"))
    painter.setBrush(QColor(BADGES[state]))
    painter.drawEllipse(badge)
    if state == "paused":  # two bars: a pause sign, not only a colour
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        w, h = badge.width() * 0.14, badge.height() * 0.5
        top = badge.center().y() - h / 2
        painter.drawRect(QRectF(badge.center().x() - w * 1.6, top, w, h))
        painter.drawRect(QRectF(badge.center().x() + w * 0.6, top, w, h))
    elif state == "attention":
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(int(badge.height() * 0.8))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)
