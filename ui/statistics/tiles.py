"""The KPI tiles: six framed boxes, each a caption over a big number."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.stats import Kpis
from ui.statistics.formatting import fmt_count, fmt_money, fmt_percent

WIDE_TILE = 135  # px per tile before six fit in one row
TILE_KEYS = ("sent", "delivered", "open_rate", "click_rate", "unsubscribed", "revenue")


class KpiTile(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#kpi_{key} {{ border: 1px solid palette(mid); border-radius: 8px; "
                           "background: palette(base); }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: palette(placeholder-text);")
        self.value = QLabel("–")
        self.value.setObjectName("kpi_value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.caption, self.value):
            label.setMinimumWidth(40)  # tiles may narrow; the grid goes to 3 columns first
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


class KpiTiles(QWidget):
    """Three columns on a narrow window, six in a row on a wide one (re-laid on resize)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {key: KpiTile(key, self) for key in TILE_KEYS}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(10)
        self._columns = 0
        self._lay_out(6)
        self.kpis: Kpis | None = None

    def _lay_out(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for index, key in enumerate(TILE_KEYS):
            self._grid.addWidget(self.tiles[key], index // columns, index % columns)

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt's QResizeEvent
        self._lay_out(6 if event.size().width() >= 6 * WIDE_TILE else 3)
        super().resizeEvent(event)

    def set_captions(self, captions: dict[str, str], tooltips: dict[str, str]) -> None:
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
            tile.setToolTip(tooltips.get(key, ""))

    def show_kpis(self, kpis: Kpis | None) -> None:
        """Write the values in the current UI language (called again after a language switch)."""
        self.kpis = kpis
        locale = QLocale()
        values = {key: "–" for key in TILE_KEYS}
        if kpis is not None:
            values = {"sent": fmt_count(kpis.sent, locale), "delivered": fmt_count(kpis.delivered, locale),
                      "open_rate": fmt_percent(kpis.open_rate, locale),
                      "click_rate": fmt_percent(kpis.click_rate, locale),
                      "unsubscribed": fmt_count(kpis.unsubscribed, locale),
                      "revenue": fmt_money(kpis.revenue, locale)}
        for key, tile in self.tiles.items():
            tile.value.setText(values[key])

    def texts(self) -> dict[str, str]:
        return {key: tile.value.text() for key, tile in self.tiles.items()}
