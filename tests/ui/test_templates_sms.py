"""The SMS editor's live counter: GSM-7, GSM-7 extension characters, UCS-2, and the rendered text."""

from __future__ import annotations

from ui.templates.page import TemplatesPage


def _sms_page(qtbot, runner) -> TemplatesPage:
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    page.show()
    page.new_template("sms")
    return page


def test_gsm7_counter_and_the_split_into_153(runner, qtbot) -> None:
    page = _sms_page(qtbot, runner)
    editor = page.editor
    text = "Ciao! Domani sconti del 20% su tutto il negozio: ti aspettiamo in via Roma 12, a dopo"
    assert len(text) == 85
    editor.text.setPlainText(text)
    assert editor.sms_counter.text() == "85 characters · GSM-7 · 1 SMS (160 per SMS)"
    assert editor.sms_cost.text() == "Cost: 1 segment per recipient"
    assert not editor.sms_warning.isVisibleTo(page)
    editor.text.setPlainText("a" * 161)
    assert editor.sms_counter.text() == "161 characters · GSM-7 · 2 SMS (153 per SMS)"
    assert editor.sms_cost.text() == "Cost: 2 segments per recipient"
    editor.text.setPlainText("a" * 306)
    assert editor.sms_info.segments == 2
    editor.text.setPlainText("a" * 307)
    assert editor.sms_info.segments == 3


def test_extension_characters_count_twice(runner, qtbot) -> None:
    page = _sms_page(qtbot, runner)
    editor = page.editor
    editor.text.setPlainText("€" * 80)  # 80 characters, 160 septets: still one SMS
    assert editor.sms_counter.text() == "80 characters · GSM-7 · 1 SMS (160 per SMS)"
    assert "€ counts as two characters" in editor.sms_warning.text()
    editor.text.setPlainText("€" * 80 + "a")
    assert editor.sms_counter.text() == "81 characters · GSM-7 · 2 SMS (153 per SMS)"


def test_one_emoji_switches_the_whole_message_to_ucs2(runner, workspace, now, qtbot) -> None:
    page = _sms_page(qtbot, runner)
    editor = page.editor
    editor.text.setPlainText("a" * 69)
    assert editor.sms_info.encoding == "GSM-7"
    editor.text.setPlainText("a" * 69 + "🎂")  # the emoji takes two UTF-16 units: 71 > 70
    assert editor.sms_counter.text() == "70 characters · UCS-2 · 2 SMS (67 per SMS)"
    assert editor.sms_warning.isVisibleTo(page) and "🎂" in editor.sms_warning.text()
    assert "UCS-2" in editor.sms_warning.text()
    editor.text.setPlainText("Ciao è già ora" + "ś")  # ś is not GSM-7
    assert editor.sms_counter.text() == "15 characters · UCS-2 · 1 SMS (70 per SMS)"


def test_the_counter_on_the_rendered_text_for_a_contact(runner, workspace, now, qtbot) -> None:
    long_name = workspace.contacts.create({"phone": "+393331234567", "first_name": "Bartolomea"}, now)
    page = _sms_page(qtbot, runner)
    editor, preview = page.editor, page.editor.preview
    editor.name.setText("Auguri")
    body = "Tanti auguri {{ first_name }}! " + "x" * 120
    editor.text.setPlainText(body)
    assert editor.sms_info.segments == 1  # the source is 151 characters
    preview.search_contacts()
    assert preview.choose_contact(long_name)
    preview.refresh()
    rendered = "Tanti auguri Bartolomea! " + "x" * 120
    assert preview.result.text == rendered
    assert preview.sms_counter.text().startswith(f"{len(rendered)} characters · GSM-7 · 1 SMS")
    editor.text.setPlainText(body + "y" * 16)
    preview.refresh()
    assert preview.result.sms.characters == len(rendered) + 16 and preview.result.sms.segments == 2
    assert "Cost: 2 segments" in preview.sms_counter.text()
