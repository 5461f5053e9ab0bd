"""The Templates list opens sorted by name A→Z (it opened Z→A: "Ti manchiamo" first)."""

from __future__ import annotations

from desktop.templates import Templates
from ui.templates.page import TemplatesPage


def test_templates_are_listed_a_to_z(qtbot, runner, workspace, now) -> None:
    for name in ("Benvenuto", "Ti manchiamo", "Auguri", "Novità"):
        Templates(workspace.db).create(name, "email", subject=name, html="<p>x</p>", now=now)
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    names = [page.table.item(row, 0).text() for row in range(page.table.rowCount())]
    assert names == ["Auguri", "Benvenuto", "Novità", "Ti manchiamo"]
