"""A birthday imported without its year survives editing the contact (the date picker cannot show it)."""

from __future__ import annotations

from desktop.fields import STANDARD
from ui.contacts.field_widgets import make_editor


def test_yearless_birthday_is_kept_by_the_date_editor(qtbot) -> None:
    spec = next(f for f in STANDARD if f.name == "birthday")
    editor = make_editor(spec, "Europe/Rome")
    qtbot.addWidget(editor.widget)
    editor.set_value("0000-03-14")
    from desktop.contacts.values import to_db_value

    assert to_db_value(spec, editor.raw()) == "0000-03-14"  # unchanged, not erased
    editor.set_value("1985-04-12")
    assert to_db_value(spec, editor.raw()) == "1985-04-12"
    editor.set_value(None)
    assert editor.raw() is None
