"""Recipes: the common automations a shop owner expects (MailUp's and Klaviyo's usual flows),
as data the rule wizard starts from.

A recipe fills a whole rule — conditions, check frequency, quiet hours, re-send policy — and
names a starting template it brings with it (created when the rule is saved, unless the
workspace already has a template of that name). Names and descriptions are in Italian and
English. ``tests/rules/test_recipes.py`` validates every recipe, in both languages, against the
rules schema and the engine's own validation, so a recipe can never produce an invalid rule.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from desktop.fields import FieldSpec


@dataclass(frozen=True)
class Words:
    it: str
    en: str

    def in_(self, language: str) -> str:
        return self.it if language == "it" else self.en


@dataclass(frozen=True)
class StarterTemplate:
    """The template a recipe starts from: an e-mail the user edits under Templates."""

    name: Words
    subject: Words
    html: Words
    channel: str = "email"


@dataclass(frozen=True)
class Recipe:
    key: str
    name: Words
    description: Words
    rule: Mapping[str, Any]           # the rule without name, description, tags and template
    tags: Words
    template: StarterTemplate
    needs: tuple[str, ...] = field(default=())  # "field" (pick a field), "feed" (put the blog's feed)


FIELD_SLOT = "\u0000field"  # replaced by the workspace's best field for "a field changed"
EXAMPLE_FEED = "https://www.example.com/feed.xml"
_QUIET = {"bands": ["21:00-09:00"], "business_default": True, "policy": "defer"}
_FOOT = Words("<p style='color:#777;font-size:12px'>{{ business_name or 'Il nostro negozio' }}</p>",
              "<p style='color:#777;font-size:12px'>{{ business_name or 'Our shop' }}</p>")


def _html(it: str, en: str) -> Words:
    return Words(it + _FOOT.it, en + _FOOT.en)


def _every(minutes: int, **extra: Any) -> dict[str, Any]:
    return {"check": {"every_minutes": minutes}, "quiet_hours": dict(_QUIET), **extra}


RECIPES: tuple[Recipe, ...] = (
    Recipe("welcome", Words("Benvenuto", "Welcome"),
           Words("Un'e-mail di benvenuto a ogni nuovo iscritto, pochi minuti dopo l'iscrizione. Una volta sola.",
                 "A welcome e-mail to every new subscriber, a few minutes after they sign up. Once only."),
           {"conditions": {"all": [{"behaviour": "registered_ago", "amount": 0, "unit": "hours"}]},
            "resend": {"policy": "once"}, "schedule": _every(15)},
           Words("benvenuto", "welcome"),
           StarterTemplate(Words("Benvenuto", "Welcome"),
                           Words("Benvenuto, {{ first_name or 'cliente' }}!", "Welcome, {{ first_name or 'friend' }}!"),
                           _html("<h1>Ciao {{ first_name or 'cliente' }}!</h1><p>Grazie per esserti iscritto.</p>",
                                 "<h1>Hi {{ first_name or 'there' }}!</h1><p>Thank you for signing up.</p>"))),
    Recipe("birthday", Words("Buon compleanno", "Happy birthday"),
           Words("Auguri alle 09:00 del giorno del compleanno, nel fuso orario di ciascuno. Una volta l'anno.",
                 "Best wishes at 09:00 on each contact's birthday, in their own time zone. Once a year."),
           {"conditions": {"all": [{"field": "birthday", "op": "anniversary_today"}]},
            "resend": {"policy": "yearly"},
            "schedule": {"check": {"every_minutes": 60}, "timezone": {"mode": "recipient"},
                         "quiet_hours": {"bands": ["21:00-09:00"], "business_default": False, "policy": "defer"}}},
           Words("compleanno", "birthday"),
           StarterTemplate(Words("Buon compleanno", "Happy birthday"),
                           Words("Buon compleanno {{ first_name or '' }}!", "Happy birthday {{ first_name or '' }}!"),
                           _html("<h1>Tanti auguri {{ first_name or '' }}!</h1><p>Per te un regalo: ...</p>",
                                 "<h1>Happy birthday {{ first_name or '' }}!</h1><p>A gift for you: ...</p>"))),
    Recipe("cart_3h", Words("Carrello abbandonato (3 ore)", "Abandoned cart (3 hours)"),
           Words("Primo promemoria tre ore dopo l'ultima modifica del carrello, se il cliente non ha comprato. "
                 "Uno per ogni carrello.",
                 "A first reminder three hours after the cart was last changed, unless the customer bought. "
                 "One for each cart."),
           {"conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]},
            "resend": {"policy": "per_occurrence"}, "marketing": False, "schedule": _every(15)},
           Words("carrello", "cart"),
           StarterTemplate(Words("Carrello 3 ore", "Cart 3 hours"),
                           Words("Hai dimenticato qualcosa nel carrello", "You left something in your cart"),
                           _html("<p>Ciao {{ first_name or 'cliente' }}, il tuo carrello ti aspetta.</p>",
                                 "<p>Hi {{ first_name or 'there' }}, your cart is waiting for you.</p>"))),
    Recipe("cart_24h", Words("Carrello abbandonato (24 ore)", "Abandoned cart (24 hours)"),
           Words("Secondo promemoria dopo 24 ore; si ferma appena il cliente compra. Uno per ogni carrello.",
                 "A second reminder after 24 hours; it stops as soon as the customer buys. One for each cart."),
           {"conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 24, "unit": "hours"}]},
            "resend": {"policy": "per_occurrence"}, "marketing": False, "schedule": _every(30)},
           Words("carrello", "cart"),
           StarterTemplate(Words("Carrello 24 ore", "Cart 24 hours"),
                           Words("Ultimo promemoria: il tuo carrello", "Last reminder: your cart"),
                           _html("<p>Ciao {{ first_name or 'cliente' }}, gli articoli nel carrello stanno per "
                                 "esaurirsi.</p>",
                                 "<p>Hi {{ first_name or 'there' }}, the items in your cart are selling out.</p>"))),
    Recipe("first_purchase", Words("Grazie per il primo acquisto", "First purchase thank-you"),
           Words("Un grazie a chi compra per la prima volta, poco dopo l'ordine.",
                 "A thank-you to customers who buy for the first time, shortly after the order."),
           {"conditions": {"all": [{"behaviour": "purchase_made"},
                                   {"behaviour": "purchase_count", "days": 3650, "cmp": "eq", "value": 1}]},
            "resend": {"policy": "per_occurrence"}, "marketing": False, "schedule": _every(15)},
           Words("acquisti", "purchases"),
           StarterTemplate(Words("Grazie per l'acquisto", "Thank you for your order"),
                           Words("Grazie per il tuo primo acquisto!", "Thank you for your first order!"),
                           _html("<p>Ciao {{ first_name or 'cliente' }}, grazie per aver scelto il nostro "
                                 "negozio.</p>",
                                 "<p>Hi {{ first_name or 'there' }}, thank you for choosing our shop.</p>"))),
    Recipe("win_back", Words("Riconquista dopo 60 giorni senza acquisti", "Win-back after 60 days without a purchase"),
           Words("Ogni mattina: chi ha già comprato ma non compra da 60 giorni riceve un invito a tornare "
                 "(cambia i giorni nelle condizioni). Di nuovo dopo altri 60 giorni.",
                 "Every morning: customers who bought before but not in the last 60 days get an invitation to come "
                 "back (change the days in the conditions). Again after another 60 days."),
           {"conditions": {"all": [{"behaviour": "purchase_count", "days": 60, "cmp": "eq", "value": 0},
                                   {"behaviour": "purchase_count", "days": 3650, "cmp": "ge", "value": 1}]},
            "resend": {"policy": "every_n_days", "days": 60},
            "schedule": {"check": {"times": ["10:00"]}, "quiet_hours": dict(_QUIET)}},
           Words("riconquista", "win-back"),
           StarterTemplate(Words("Ci manchi", "We miss you"),
                           Words("{{ first_name or 'Ciao' }}, ci manchi!", "{{ first_name or 'Hi' }}, we miss you!"),
                           _html("<p>Ciao {{ first_name or 'cliente' }}, è da un po' che non passi: ecco le "
                                 "novità.</p>",
                                 "<p>Hi {{ first_name or 'there' }}, it has been a while: here is what is new.</p>"))),
    Recipe("re_engage", Words("Riattivazione dopo 90 giorni senza aperture", "Re-engagement after 90 days without opens"),
           Words("Ogni lunedì: chi non apre un'e-mail da tre mesi riceve un messaggio per riattivarlo. "
                 "Di nuovo dopo altri 90 giorni.",
                 "Every Monday: contacts who have not opened an e-mail for three months get a message to win them "
                 "back. Again after another 90 days."),
           {"conditions": {"all": [{"behaviour": "not_opened", "days": 90},
                                   {"field": "registered_at", "op": "more_than_ago", "amount": 90, "unit": "days"}]},
            "resend": {"policy": "every_n_days", "days": 90},
            "schedule": {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["mon"]},
                         "quiet_hours": dict(_QUIET)}},
           Words("riattivazione", "re-engagement"),
           StarterTemplate(Words("Ti manchiamo", "Still interested?"),
                           Words("{{ first_name or 'Ciao' }}, ti manchiamo?", "{{ first_name or 'Hi' }}, still interested?"),
                           _html("<p>Ciao {{ first_name or 'cliente' }}, è da un po' che non ci leggi. "
                                 "Vuoi continuare a ricevere le nostre e-mail?</p>",
                                 "<p>Hi {{ first_name or 'there' }}, we have not seen you for a while. "
                                 "Would you like to keep hearing from us?</p>"))),
    Recipe("blog_post", Words("Nuovo articolo del blog (RSS)", "New blog post (RSS)"),
           Words("Un'e-mail per ogni nuovo articolo del blog: scrivi l'indirizzo del feed del tuo blog nella "
                 "condizione.",
                 "An e-mail for each new blog post: put your blog's feed address in the condition."),
           {"conditions": {"all": [{"behaviour": "rss_new_item", "feed": EXAMPLE_FEED}]},
            "resend": {"policy": "per_occurrence"}, "schedule": _every(60)},
           Words("blog", "blog"),
           StarterTemplate(Words("Nuovo articolo", "New post"),
                           Words("Sul blog: {{ event.title or 'un nuovo articolo' }}",
                                 "On the blog: {{ event.title or 'a new post' }}"),
                           _html("<h2>{{ event.title or 'Nuovo articolo' }}</h2>"
                                 "<p><a href='{{ event.link or '#' }}'>Leggi l'articolo</a></p>",
                                 "<h2>{{ event.title or 'New post' }}</h2>"
                                 "<p><a href='{{ event.link or '#' }}'>Read the post</a></p>")),
           needs=("feed",)),
    Recipe("field_changed", Words("Dato cambiato (es. livello fedeltà)", "Field changed (e.g. loyalty tier)"),
           Words("Un messaggio quando cambia un dato del contatto, per esempio il livello fedeltà: scegli il dato "
                 "nella condizione. Uno per ogni cambiamento.",
                 "A message when a contact's field changes, for example the loyalty tier: choose the field in the "
                 "condition. One for each change."),
           {"conditions": {"all": [{"behaviour": "field_changed", "field": FIELD_SLOT, "hours": 24}]},
            "resend": {"policy": "per_occurrence"}, "schedule": _every(60)},
           Words("fedeltà", "loyalty"),
           StarterTemplate(Words("Nuovo livello", "New tier"),
                           Words("{{ first_name or 'Ciao' }}, hai un nuovo livello!",
                                 "{{ first_name or 'Hi' }}, you have a new tier!"),
                           _html("<p>Ciao {{ first_name or 'cliente' }}, il tuo profilo è cambiato: ecco cosa "
                                 "significa per te.</p>",
                                 "<p>Hi {{ first_name or 'there' }}, your profile changed: here is what it means "
                                 "for you.</p>")),
           needs=("field",)),
)
BY_KEY: dict[str, Recipe] = {r.key: r for r in RECIPES}
_LOYALTY_WORDS = ("loyal", "fedelt", "tier", "livell", "level", "punti", "points")


def pick_field(fields: Mapping[str, FieldSpec]) -> str:
    """The field a "field changed" recipe watches: a loyalty-like custom field, else the first
    custom field, else the e-mail subscription (always present, so the rule stays valid)."""
    custom = [f for f in fields.values() if f.custom]
    for spec in custom:
        words = f"{spec.name} {spec.label_it} {spec.label_en}".casefold()
        if any(w in words for w in _LOYALTY_WORDS):
            return spec.name
    return custom[0].name if custom else "email_status"


def free_name(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name 2``, ``name 3``… — rule names are unique, case-blind."""
    folded = {t.casefold() for t in taken}
    candidate, n = name, 2
    while candidate.casefold() in folded:
        candidate, n = f"{name} {n}", n + 1
    return candidate


def _fill(node: Any, slots: Mapping[str, str]) -> Any:
    if isinstance(node, dict):
        return {k: (slots[v] if isinstance(v, str) and v in slots else _fill(v, slots)) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, slots) for v in node]
    return node


def rule_data(recipe: Recipe, language: str, fields: Mapping[str, FieldSpec],
              taken_names: Iterable[str] = (), feeds: Sequence[str] = ()) -> dict[str, Any]:
    """The whole rule the wizard loads for ``recipe``: disabled (set up, simulate, then enable).

    ``feeds`` are the workspace's RSS connections' addresses: a "new blog post" rule watches
    the first of them, the one its connector really fills, rather than an example address the
    user must notice and replace."""
    slots = {FIELD_SLOT: pick_field(fields)}
    if feeds:
        slots[EXAMPLE_FEED] = feeds[0]
    body = _fill(copy.deepcopy(dict(recipe.rule)), slots)
    return {
        "name": free_name(recipe.name.in_(language), taken_names),
        "description": recipe.description.in_(language), "tags": [recipe.tags.in_(language)],
        "enabled": False, "marketing": body.pop("marketing", True),
        "action": {"type": "send_email", "template": recipe.template.name.in_(language)},
        "audience": {"include": [], "exclude": []}, "after_send": {"add_to": [], "remove_from": []},
        **body,
    }


def template_data(recipe: Recipe, language: str) -> dict[str, str]:
    """The starting template's fields, as ``Templates.create`` takes them."""
    t = recipe.template
    return {"name": t.name.in_(language), "channel": t.channel, "subject": t.subject.in_(language),
            "html": t.html.in_(language), "text": ""}
