"""Rules in words, for the list in the CLI and the app: the action and the trigger summary."""

from __future__ import annotations

from typing import Any, Mapping

from desktop.rules.conditions import leaves
from desktop.rules.model import Rule

_ACTIONS = {
    "send_email": ("Send e-mail “{template}”", "Invia l'e-mail “{template}”"),
    "send_sms": ("Send SMS “{template}”", "Invia l'SMS “{template}”"),
    "add_to_group": ("Add to group “{group}”", "Aggiungi al gruppo “{group}”"),
    "move_to_group": ("Move from “{from}” to “{to}”", "Sposta da “{from}” a “{to}”"),
    "remove_from_group": ("Remove from group “{group}”", "Togli dal gruppo “{group}”"),
}
_TRIGGERS = {
    "registered_ago": ("registered", "registrazione"),
    "opened": ("opened an e-mail", "apertura e-mail"),
    "not_opened": ("no opens", "nessuna apertura"),
    "clicked": ("clicked", "clic"),
    "not_clicked": ("no clicks", "nessun clic"),
    "cart_abandoned": ("abandoned cart", "carrello abbandonato"),
    "purchase_made": ("purchase", "acquisto"),
    "field_changed": ("field changed", "dato modificato"),
    "rss_new_item": ("new RSS item", "nuovo elemento RSS"),
    "no_activity": ("no activity", "nessuna attività"),
    "purchase_count": ("number of purchases", "numero di acquisti"),
}


def _behaviour_words(leaf: Mapping[str, Any], language: str) -> str:
    """A behaviour in words; the two a shop names by themselves get their own: a sign-up just
    now is a new registration, one purchase in all is the first purchase."""
    name = leaf["behaviour"]
    special = None
    if name == "registered_ago" and leaf.get("amount") == 0:
        special = ("new registration", "nuova registrazione")
    elif name == "purchase_count" and leaf.get("cmp") == "eq" and leaf.get("value") == 1:
        special = ("first purchase", "primo acquisto")
    elif name == "purchase_count" and leaf.get("cmp") == "ge" and leaf.get("value") == 1:
        special = ("has bought before", "ha già acquistato")
    elif name == "purchase_count" and leaf.get("cmp") == "eq" and leaf.get("value") == 0:
        days = leaf.get("days")
        special = (f"no purchase in {days} days", f"nessun acquisto in {days} giorni")
    en, it = special or _TRIGGERS[name]
    return it if language == "it" else en


_IMPLIED = {"first purchase": "purchase", "primo acquisto": "acquisto"}  # said by the other already


def action_words(rule: Rule, language: str = "en") -> str:
    en, it = _ACTIONS[rule.action["type"]]
    return (it if language == "it" else en).format(**rule.action)


def trigger_words(rule: Rule, language: str = "en", labels: Mapping[str, str] | None = None) -> str:
    """The trigger summary; ``labels`` names each field as the contact form does (``birthday``
    is "Data di nascita" in Italian), falling back to the field's key."""
    label = (lambda name: (labels or {}).get(name) or name)
    parts = []
    for leaf in leaves(rule.conditions):
        if "behaviour" in leaf and leaf["behaviour"] in _TRIGGERS:
            parts.append(_behaviour_words(leaf, language))
        elif leaf.get("op") == "anniversary_today":
            parts.append(("anniversario: " if language == "it" else "anniversary: ") + label(leaf["field"]))
        elif "field" in leaf:
            parts.append(label(leaf["field"]))
        elif "group" in leaf:
            parts.append(("gruppo " if language == "it" else "group ") + leaf["group"])
        elif "behaviour" in leaf and "field" in leaf.get("params", {}):
            parts.append(label(leaf["params"]["field"]))
    if not parts:
        return "tutti i contatti del pubblico" if language == "it" else "everyone in the audience"
    implied = {_IMPLIED[p] for p in parts if p in _IMPLIED}
    return ", ".join(dict.fromkeys(p for p in parts if p not in implied))


def field_labels(ws: Any, language: str) -> dict[str, str]:
    """Every contact field's label in ``language`` (standard and custom), by key."""
    return {name: spec.label(language) for name, spec in ws.fields.all().items()}
