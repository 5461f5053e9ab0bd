"""The rule list's trigger summary names fields by their labels in the user's language."""

from __future__ import annotations

from desktop.demo_rules import add_demo_rules
from desktop.rules.words import field_labels, trigger_words


def test_fields_are_named_by_their_translated_labels(workspace, now) -> None:
    add_demo_rules(workspace, now)
    rules = {r.name: r for r in workspace.rules.all()}
    italian, english = field_labels(workspace, "it"), field_labels(workspace, "en")
    assert trigger_words(rules["Buon compleanno"], "it", italian) == "anniversario: Data di nascita"
    assert trigger_words(rules["Buon compleanno"], "en", english) == "anniversary: Birthday"
    reengage = trigger_words(rules["Riattivazione 90 giorni"], "it", italian)
    assert "registered_at" not in reengage and "Data di registrazione" in reengage


def test_the_recipes_say_what_they_wait_for() -> None:
    """The first-purchase recipe's summary read "Condizioni: acquisto"; the welcome one said
    nothing of a new sign-up."""
    from types import SimpleNamespace

    from desktop.recipes import BY_KEY

    def words(key: str, language: str) -> str:
        return trigger_words(SimpleNamespace(conditions=BY_KEY[key].rule["conditions"]), language)

    assert words("welcome", "it") == "nuova registrazione"
    assert words("first_purchase", "it") == "primo acquisto" and words("first_purchase", "en") == "first purchase"
    assert words("win_back", "it") == "nessun acquisto in 60 giorni, ha già acquistato"
    assert words("win_back", "en") == "no purchase in 60 days, has bought before"
