"""The daily chart: sends, unique opens and unique clicks per local day, on a date axis.

Each day is plotted at its local midnight, so the date labels sit under their points; the
labels are whole days apart and end on the range's last day.
Hovering anywhere on a line shows the nearest day's three numbers.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QLocale, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.stats import DayStats
from ui.statistics.formatting import fmt_count

LINES = (("sent", "#1a73e8"), ("opened_unique", "#188038"), ("clicked_unique", "#e37400"))
DAY_MS = 86_400_000
POINTS_UP_TO = 45  # days; beyond that the markers would crowd the line


def day_x(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0)).toMSecsSinceEpoch())


def tick_plan(days: int) -> tuple[int, int]:
    """(labelled intervals, days per interval) for ``days`` points: whole days between labels,
    the last label on the last day; the axis may start a few days before the first point."""
    gaps = days - 1
    if gaps <= 10:
        return max(gaps, 1), 1
    best = min(range(5, 9), key=lambda k: (-(-gaps // k) * k - gaps, -k))
    return best, -(-gaps // best)


class DailyChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setObjectName("stats_chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(140)
        self.days: list[DayStats] = []
        self._xs: list[float] = []
        self.series: dict[str, QLineSeries] = {}
        self.x_axis = QDateTimeAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setMinorTickCount(0)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for key, colour in LINES:
            line = QLineSeries()
            line.setObjectName(f"series_{key}")
            pen = QPen(QColor(colour))
            pen.setWidthF(2.2)
            line.setPen(pen)
            line.setColor(QColor(colour))
            chart.addSeries(line)
            line.attachAxis(self.x_axis)
            line.attachAxis(self.y_axis)
            line.hovered.connect(self._hovered)
            self.series[key] = line
        self.labels = {key: key for key, _ in LINES}

    def set_labels(self, labels: dict[str, str]) -> None:
        self.labels = labels
        for key, line in self.series.items():
            line.setName(labels[key])

    def show_days(self, days: list[DayStats]) -> None:
        self.days = days
        self._xs = [day_x(d.day) for d in days]
        top = 0
        for key, line in self.series.items():
            values = [getattr(d.stats, key) for d in days]
            top = max([top, *values])
            line.replace([QPointF(x, v) for x, v in zip(self._xs, values)])
            line.setPointsVisible(len(days) <= POINTS_UP_TO)
        if len(days) == 1:
            self.x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(self._xs[0] - DAY_MS / 2)),
                                 QDateTime.fromMSecsSinceEpoch(int(self._xs[0] + DAY_MS / 2)))
            self.x_axis.setTickCount(2)
        elif days:
            intervals, step = tick_plan(len(days))
            last = days[-1].day
            self.x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(day_x(last - timedelta(days=intervals * step)))),
                                 QDateTime.fromMSecsSinceEpoch(int(self._xs[-1])))
            self.x_axis.setTickCount(intervals + 1)
        self.y_axis.setRange(0, max(top, 4))
        self.y_axis.applyNiceNumbers()
        self.x_axis.setFormat("dd/MM" if QLocale().language() == QLocale.Language.Italian else "d MMM")

    def point_counts(self) -> dict[str, int]:
        return {key: line.count() for key, line in self.series.items()}

    def day_at(self, x: float) -> DayStats | None:
        """The plotted day nearest to ``x`` (ms since the epoch)."""
        if not self._xs:
            return None
        i = bisect_left(self._xs, x)
        candidates = [j for j in (i - 1, i) if 0 <= j < len(self._xs)]
        return self.days[min(candidates, key=lambda j: abs(self._xs[j] - x))]

    def tooltip_for(self, day: DayStats) -> str:
        locale = QLocale()
        when = locale.toString(QDate(day.day.year, day.day.month, day.day.day), QLocale.FormatType.LongFormat)
        lines = [f"<b>{when}</b>"] + [f"{self.labels[key]}: {fmt_count(getattr(day.stats, key), locale)}"
                                      for key, _ in LINES]
        return "<br>".join(lines)

    def _hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        day = self.day_at(point.x())
        if day is not None:
            QToolTip.showText(QCursor.pos(), self.tooltip_for(day), self)
