"""Render the app icon from ``resources/icons/postino.svg`` into what each platform wants.

``python installer/make_icons.py OUT`` writes ``OUT/hicolor/<N>x<N>/apps/postino.png`` (the
freedesktop icon theme sizes), ``OUT/hicolor/scalable/apps/postino.svg``, ``OUT/postino.ico``
(Windows, PNG-compressed entries, allowed since Vista) and ``OUT/postino.icns`` (macOS,
PNG-based ``ic07``..``ic10`` entries). Only Qt (already a dependency) is used, so a build
machine needs no ImageMagick or iconutil; the files are built, never committed.

Formats: ICO header and directory as documented in Microsoft's "Icons" reference
(https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)); ICNS as a
4-byte type + 4-byte big-endian length per element (Apple Icon Image format, see
https://en.wikipedia.org/wiki/Apple_Icon_Image_format#Icon_types).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10", 32: b"ic11", 64: b"ic12"}
ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "postino.svg"


def render_png(size: int) -> bytes:
    """The envelope on a light rounded tile, so it reads on dark and light panels alike."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#eef3f9"))
    radius = size * 0.2
    painter.drawRoundedRect(QRectF(0, 0, size, size), radius, radius)
    margin = size * 0.1
    QSvgRenderer(str(SVG)).render(painter, QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    entries = sorted(pngs.items())
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory, blobs = b"", b""
    for size, png in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + directory + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for size, kind in sorted(ICNS_TYPES.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - painting needs one
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(size) for size in sizes}
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "postino.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = out / "hicolor" / "scalable" / "apps" / "postino.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    (out / "postino.png").write_bytes(pngs[256])
    (out / "postino.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (out / "postino.icns").write_bytes(icns(pngs))


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "icons"))
