"""The timeline widget: time runs left to right, one lane per rule.

Painted with QPainter from ``TimelineData``: quiet hours as shaded bands, checks as small
ticks, sends as dots (or a counted pill where they crowd together at this zoom). Zoom with
the wheel (around the pointer), pan with Shift+wheel or by dragging; hover for a tooltip,
click a marker to list its recipients.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape
from typing import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.simulation.lanes import Marker, TimelineData
from ui.dates import format_datetime

LABEL_W, AXIS_H, LANE_H = 180, 38, 36
MIN_SPAN = timedelta(hours=2)
TICK_STEPS_MIN = (15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080)
QUIET = QColor(70, 80, 170, 38)
SEND = QColor("#1a73e8")
GROUP = QColor("#8e24aa")
CHECK = QColor("#7a7a7a")


class TimelineWidget(QWidget):
    view_changed = Signal()
    marker_clicked = Signal(object)  # Marker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulation_timeline")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.data: TimelineData | None = None
        self.view_start = self.view_end = datetime.now().astimezone()
        self.row_label: Callable[[int], str] = str
        self.channels: Callable[[int], str] = lambda _row: "email"
        self._press: QPoint | None = None
        self._dragged = False
        self.empty_text = ""
        self._cache: list[Marker] = []
        self._cache_key: tuple[object, ...] | None = None

    # --- data and view ---------------------------------------------------------------------------
    def set_data(self, data: TimelineData | None) -> None:
        self.data = data
        if data is not None:
            self.view_start, self.view_end = data.start, data.end
        self.updateGeometry()
        self.update()
        self.view_changed.emit()

    def full_span(self) -> timedelta:
        return (self.data.end - self.data.start) if self.data else timedelta(days=1)

    def set_view(self, start: datetime, end: datetime) -> None:
        if self.data is None:
            return
        span = min(max(end - start, MIN_SPAN), self.full_span())
        start = min(max(start, self.data.start), self.data.end - span)
        self.view_start, self.view_end = start, start + span
        self.update()
        self.view_changed.emit()

    def set_span(self, span: timedelta, anchor: datetime | None = None) -> None:
        """Show ``span`` around ``anchor`` (the middle of the current view by default)."""
        anchor = anchor or self.view_start + (self.view_end - self.view_start) / 2
        fraction = (anchor - self.view_start) / (self.view_end - self.view_start) if self.view_end > self.view_start else 0.5
        self.set_view(anchor - span * fraction, anchor - span * fraction + span)

    def zoom(self, factor: float, anchor: datetime | None = None) -> None:
        """factor < 1 zooms in (hours), > 1 zooms out (days)."""
        self.set_span((self.view_end - self.view_start) * factor, anchor)

    def pan(self, delta: timedelta) -> None:
        self.set_view(self.view_start + delta, self.view_end + delta)

    # --- geometry ----------------------------------------------------------------------------------
    def plot_width(self) -> float:
        return max(1.0, self.width() - LABEL_W - 12)

    def x_of(self, at: datetime) -> float:
        span = (self.view_end - self.view_start).total_seconds() or 1.0
        return LABEL_W + (at - self.view_start).total_seconds() / span * self.plot_width()

    def time_at(self, x: float) -> datetime:
        fraction = (x - LABEL_W) / self.plot_width()
        return self.view_start + (self.view_end - self.view_start) * fraction

    def lane_top(self, lane: int) -> float:
        return AXIS_H + lane * LANE_H

    def sizeHint(self) -> QSize:
        lanes = len(self.data.lanes) if self.data else 3
        return QSize(900, AXIS_H + max(lanes, 1) * LANE_H + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_W + 200, AXIS_H + LANE_H + 8)

    def markers(self) -> list[Marker]:
        """What is drawn at the current zoom (sends grouped with counts when they crowd)."""
        if self.data is None:
            return []
        key = (id(self.data), self.view_start, self.view_end, self.plot_width())
        if self._cache_key != key:  # painting and hovering ask again and again at one zoom
            self._cache = self.data.markers(self.view_start, self.view_end, self.plot_width())
            self._cache_key = key
        return self._cache

    def marker_rect(self, marker: Marker) -> QRectF:
        top = self.lane_top(marker.lane)
        x0, x1 = self.x_of(marker.start), self.x_of(marker.end)
        if marker.kind == "check":
            return QRectF(x0 - 1, top + 3, max(2.0, x1 - x0 + 2), 7)
        if marker.grouped:
            width = max(x1 - x0, 10 + 7 * len(str(marker.count)))
            middle = (x0 + x1) / 2
            return QRectF(middle - width / 2, top + LANE_H / 2 - 8, width, 16)
        return QRectF(x0 - 5, top + LANE_H / 2 - 5, 10, 10)

    def marker_at(self, pos: QPointF | QPoint) -> Marker | None:
        point = QPointF(pos)
        sends = [m for m in self.markers() if m.kind == "send"]
        for marker in sends:
            if self.marker_rect(marker).adjusted(-3, -3, 3, 3).contains(point):
                return marker
        return None

    def ticks(self) -> tuple[int, list[tuple[datetime, str, bool]]]:
        """(step in minutes, [(instant, label, is_midnight)]) for the axis at the current zoom."""
        if self.data is None:
            return 60, []
        tz = ZoneInfo(self.data.zone)
        span_min = (self.view_end - self.view_start).total_seconds() / 60
        step = next((s for s in TICK_STEPS_MIN if s / span_min * self.plot_width() >= 70), TICK_STEPS_MIN[-1])
        local = self.view_start.astimezone(tz).replace(second=0, microsecond=0)
        if step >= 1440:
            cursor = local.replace(hour=0, minute=0).replace(tzinfo=None)
            if step == 10080:
                cursor -= timedelta(days=cursor.weekday())
        else:
            minute = (local.hour * 60 + local.minute) // step * step
            cursor = local.replace(hour=minute // 60, minute=minute % 60, tzinfo=None)
        out: list[tuple[datetime, str, bool]] = []
        locale = QLocale()
        while True:
            at = cursor.replace(tzinfo=tz)
            if at > self.view_end:
                break
            midnight = cursor.hour == 0 and cursor.minute == 0
            if at >= self.view_start:
                label = locale.toString(QDate(cursor.year, cursor.month, cursor.day), "ddd d MMM") if midnight \
                    else f"{cursor.hour:02d}:{cursor.minute:02d}"
                out.append((at, label, midnight))
            cursor += timedelta(minutes=step) if step < 1440 else timedelta(days=step // 1440)
        return step, out

    # --- painting ----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if self.data is None or not self.data.lanes:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            return
        right = self.width() - 12
        for index, lane in enumerate(self.data.lanes):
            top = self.lane_top(index)
            if index % 2:
                painter.fillRect(QRectF(0, top, self.width(), LANE_H), palette.color(QPalette.ColorRole.AlternateBase))
            for begin, finish in lane.quiet:
                if finish < self.view_start or begin > self.view_end:
                    continue
                x0, x1 = max(self.x_of(begin), LABEL_W), min(self.x_of(finish), right)
                painter.fillRect(QRectF(x0, top + 1, x1 - x0, LANE_H - 2), QUIET)
        self._paint_axis(painter, right)
        for marker in self.markers():
            self._paint_marker(painter, marker)
        painter.fillRect(QRectF(0, AXIS_H, LABEL_W - 6, len(self.data.lanes) * LANE_H), palette.color(QPalette.ColorRole.Base))
        for index, lane in enumerate(self.data.lanes):
            top = self.lane_top(index)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.setFont(self.lane_font())
            painter.drawText(QRectF(6, top + 2, LABEL_W - 12, LANE_H / 2), Qt.AlignmentFlag.AlignVCenter,
                             self.lane_label(index))
            painter.setFont(self.font())
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRectF(6, top + LANE_H / 2, LABEL_W - 12, LANE_H / 2 - 2), Qt.AlignmentFlag.AlignVCenter,
                             lane.zone)
        painter.end()

    def _paint_axis(self, painter: QPainter, right: float) -> None:
        palette = self.palette()
        bottom = self.lane_top(len(self.data.lanes)) if self.data else AXIS_H
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(LABEL_W, AXIS_H - 1), QPointF(right, AXIS_H - 1))
        _step, ticks = self.ticks()
        for at, label, midnight in ticks:
            x = self.x_of(at)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.5 if midnight else 0.6,
                                Qt.PenStyle.SolidLine if midnight else Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, AXIS_H - 6), QPointF(x, bottom))
            font = QFont(self.font())
            font.setBold(midnight)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(x + 3, 2, 120, AXIS_H - 10), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setFont(self.font())

    def _paint_marker(self, painter: QPainter, marker: Marker) -> None:
        rect = self.marker_rect(marker)
        if marker.kind == "check":
            painter.fillRect(rect.adjusted(0, 0, 0, 0), CHECK)
            return
        colour = GROUP if marker.rows and all(self.channels(r) == "group" for r in marker.rows) else SEND
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        if marker.grouped:
            painter.drawRoundedRect(rect, 8, 8)
            painter.setPen(QColor("white"))
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(11)
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(marker.count))
            painter.setFont(self.font())
        else:
            painter.drawEllipse(rect)

    # --- lane names ------------------------------------------------------------------------------
    def lane_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def lane_label(self, index: int) -> str:
        """The lane's rule name elided in the middle: long names that differ at the end
        (“Carrello abbandonato … 3 ore” / “… 24 ore”) stay told apart; the tooltip has it all."""
        assert self.data is not None
        return QFontMetrics(self.lane_font()).elidedText(self.data.lanes[index].rule, Qt.TextElideMode.ElideMiddle,
                                                         LABEL_W - 14)

    def lane_at(self, pos: QPointF | QPoint) -> int | None:
        """The lane whose name column is under ``pos``, if any."""
        if self.data is None or pos.x() >= LABEL_W or pos.y() < AXIS_H:
            return None
        index = int((pos.y() - AXIS_H) // LANE_H)
        return index if 0 <= index < len(self.data.lanes) else None

    def lane_tooltip(self, index: int) -> str:
        assert self.data is not None
        lane = self.data.lanes[index]
        return f"<b>{escape(lane.rule)}</b><br>{escape(lane.zone)}"

    # --- interaction ---------------------------------------------------------------------------------
    def tooltip_text(self, marker: Marker) -> str:
        tz = ZoneInfo(self.data.zone) if self.data else None
        when = format_datetime(marker.start.astimezone(tz))
        if marker.end != marker.start:
            when += " – " + format_datetime(marker.end.astimezone(tz))
        lane = self.data.lanes[marker.lane].rule if self.data else ""
        names = [self.row_label(r) for r in marker.rows[:10]]
        more = marker.count - len(names)
        lines = [f"<b>{escape(lane)}</b>", when, self.tr("%n send(s)", "", marker.count)] + names
        if more > 0:
            lines.append(self.tr("… and %1 more (click to list them)").replace("%1", str(more)))
        return "<br>".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            marker = self.marker_at(event.pos())  # type: ignore[attr-defined]
            lane = self.lane_at(event.pos())  # type: ignore[attr-defined]
            if marker is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_text(marker), self)  # type: ignore[attr-defined]
            elif lane is not None:
                QToolTip.showText(event.globalPos(), self.lane_tooltip(lane), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or abs(delta.x()) > abs(delta.y()):
            amount = delta.x() or delta.y()
            self.pan(-(self.view_end - self.view_start) * (amount / 120) * 0.15)
        elif delta.y():
            self.zoom(0.8 ** (delta.y() / 120), self.time_at(event.position().x()))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position().toPoint(), False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = event.position().x() - self._press.x()
            if abs(dx) > 4 or self._dragged:
                self._dragged = True
                self.pan(-(self.view_end - self.view_start) * (dx / self.plot_width()))
                self._press = event.position().toPoint()
        over = self.marker_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._dragged:
            marker = self.marker_at(event.position())
            if marker is not None:
                self.marker_clicked.emit(marker)
        self._press, self._dragged = None, False
        super().mouseReleaseEvent(event)
