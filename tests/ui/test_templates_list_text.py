"""The templates list shows each subject and first line as text: placeholders by name, never ``{{ … }}``."""

from __future__ import annotations

from desktop.demo_rules import TEMPLATES
from desktop.templates import Templates
from ui.resources import LANGUAGE
from ui.templates.page import TemplatesPage
from ui.templates.plain import readable, summary


def _lines(page: TemplatesPage) -> dict[str, str]:
    return {page.table.item(r, 0).text(): page.table.item(r, 1).text() for r in range(page.table.rowCount())}


def test_demo_templates_are_listed_without_template_syntax(qtbot, runner, workspace, now) -> None:
    templates = Templates(workspace.db)
    for spec in TEMPLATES:
        templates.create(spec["name"], spec["channel"], subject=spec.get("subject", ""),
                         html=spec.get("html", ""), text=spec.get("text", ""), now=now)
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    lines = _lines(page)
    assert len(lines) == len(TEMPLATES)
    for name, line in lines.items():
        assert "{{" not in line and "{%" not in line and "<" not in line, (name, line)
    assert lines["Benvenuto"] == "Benvenuto, «First name»! — Ciao «First name»!"
    assert lines["Buon compleanno"].startswith("Buon compleanno «First name»! 🎂")
    assert lines["Carrello 3 ore"] == ("Hai dimenticato qualcosa nel carrello — Ciao «First name», il tuo "
                                       "carrello ti aspetta («amount» €).")
    assert lines["Nuovo articolo"] == "Sul blog: «title» — «title»"
    assert lines["Auguri SMS"].startswith("Tanti auguri «First name»! Per te -20%")
    LANGUAGE.switch("it")
    qtbot.waitUntil(lambda: "«Nome»" in _lines(page)["Benvenuto"])
    assert _lines(page)["Benvenuto"] == "Benvenuto, «Nome»! — Ciao «Nome»!"
    assert _lines(page)["Nuovo articolo"] == "Sul blog: «titolo» — «titolo»"


def test_readable_names_for_any_expression() -> None:
    labels = {"first_name": "Nome", "city": "Città"}
    assert readable("{{ contact.city | default('') }}", labels) == "«Città»"
    assert readable("{{- first_name -}} {# note #}{% if x %}!{% endif %}", labels) == "«Nome» !"
    assert readable("{{ '%.2f' % event.amount }}", labels) == "«amount»"
    assert readable("{{ loyalty_points }}", labels) == "«loyalty points»"
    assert readable("{{ 'solo testo' }}", labels) == "«…»"
    assert summary("email", "", "<style>p{}</style><p>Uno &amp; due</p><p>tre</p>", "", labels) == ("", "Uno & due")
