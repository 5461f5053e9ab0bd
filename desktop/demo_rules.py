"""The seed page's examples as demo templates and rules, so a new user sees working rules.

Added after ``desktop.demo.build_demo`` (contacts, groups, events); rules start disabled
except the ones that only touch groups, so nothing is "sent" (even to the sandbox outbox)
before the user has looked at a simulation — set up, simulate, then enable.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from desktop.templates import Templates

BLOG_FEED = "https://blog.example.it/feed.xml"

_FOOT = "<p style='color:#777;font-size:12px'>{{ business_name or 'Il nostro negozio' }}</p>"
TEMPLATES: list[dict[str, str]] = [
    {"name": "Benvenuto", "channel": "email", "subject": "Benvenuto, {{ first_name or 'cliente' }}!",
     "html": "<h1>Ciao {{ first_name or 'cliente' }}!</h1><p>Grazie per esserti iscritto. "
             "Come regalo di benvenuto, usa il codice <b>BENVENUTO10</b>.</p>" + _FOOT},
    {"name": "Ti manchiamo", "channel": "email", "subject": "{{ first_name or 'Ciao' }}, ti manchiamo!",
     "html": "<p>Ciao {{ first_name or 'cliente' }}, è da un po' che non ci leggi. "
             "Ecco le novità della stagione.</p>" + _FOOT},
    {"name": "Buon compleanno", "channel": "email", "subject": "Buon compleanno {{ first_name or '' }}! 🎂",
     "html": "<h1>Tanti auguri {{ first_name or '' }}!</h1><p>Per te uno sconto del 20% per tutta la settimana.</p>" + _FOOT},
    {"name": "Carrello 3 ore", "channel": "email", "subject": "Hai dimenticato qualcosa nel carrello",
     "html": "<p>Ciao {{ first_name or 'cliente' }}, il tuo carrello ti aspetta"
             "{% if event.amount %} ({{ '%.2f' % event.amount }} €){% endif %}.</p>" + _FOOT},
    {"name": "Carrello 24 ore", "channel": "email", "subject": "Ultimo promemoria: il tuo carrello",
     "html": "<p>Ciao {{ first_name or 'cliente' }}, gli articoli nel carrello stanno per esaurirsi.</p>" + _FOOT},
    {"name": "Nuovo articolo", "channel": "email", "subject": "Sul blog: {{ event.title or 'un nuovo articolo' }}",
     "html": "<h2>{{ event.title or 'Nuovo articolo' }}</h2><p><a href='{{ event.link or '#' }}'>Leggi l'articolo</a></p>" + _FOOT},
    {"name": "Auguri SMS", "channel": "sms",
     "text": "Tanti auguri {{ first_name or '' }}! Per te -20% fino a domenica. STOP per non ricevere"},
]

_QUIET = {"bands": ["21:00-09:00"], "business_default": True, "policy": "defer"}

RULES: list[dict[str, Any]] = [
    {"name": "Riattivazione 90 giorni", "tags": ["riattivazione"], "enabled": False,
     "description": "Ogni lunedì: chi non apre un'e-mail da tre mesi riceve un messaggio di re-engagement.",
     "action": {"type": "send_email", "template": "Ti manchiamo"},
     "conditions": {"all": [{"behaviour": "not_opened", "days": 90},
                            {"field": "registered_at", "op": "more_than_ago", "amount": 90, "unit": "days"}]},
     "resend": {"policy": "every_n_days", "days": 90},
     "schedule": {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["mon"]},
                  "quiet_hours": _QUIET}},
    {"name": "Benvenuto", "tags": ["benvenuto"], "enabled": False,
     "description": "Un'e-mail di benvenuto a ogni nuovo iscritto.",
     "action": {"type": "send_email", "template": "Benvenuto"},
     "conditions": {"all": [{"behaviour": "registered_ago", "amount": 0, "unit": "hours"}]},
     "resend": {"policy": "once"},
     "schedule": {"check": {"every_minutes": 15}, "quiet_hours": _QUIET}},
    {"name": "Buon compleanno", "tags": ["compleanno"], "enabled": False,
     "description": "Auguri alle 09:00 del giorno del compleanno, nel fuso orario di ciascuno.",
     "action": {"type": "send_email", "template": "Buon compleanno"},
     "conditions": {"all": [{"field": "birthday", "op": "anniversary_today"}]},
     "resend": {"policy": "yearly"},
     "schedule": {"check": {"every_minutes": 60}, "timezone": {"mode": "recipient"},
                  "quiet_hours": {"bands": ["21:00-09:00"], "business_default": False, "policy": "defer"}}},
    {"name": "Carrello abbandonato 3 ore", "tags": ["carrello"], "enabled": False,
     "description": "Primo promemoria tre ore dopo l'ultimo aggiornamento del carrello, se non ha comprato.",
     "action": {"type": "send_email", "template": "Carrello 3 ore"},
     "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]},
     "resend": {"policy": "per_occurrence"}, "marketing": False,
     "schedule": {"check": {"every_minutes": 15}, "quiet_hours": _QUIET}},
    {"name": "Carrello abbandonato 24 ore", "tags": ["carrello"], "enabled": False,
     "description": "Secondo promemoria dopo 24 ore; si ferma appena il cliente compra.",
     "action": {"type": "send_email", "template": "Carrello 24 ore"},
     "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 24, "unit": "hours"}]},
     "resend": {"policy": "per_occurrence"}, "marketing": False,
     "schedule": {"check": {"every_minutes": 30}, "quiet_hours": _QUIET}},
    {"name": "Clic recenti", "tags": ["segmentazione"], "enabled": True,
     "description": "Chi ha cliccato negli ultimi 7 giorni entra nel gruppo \"Hanno cliccato\".",
     "action": {"type": "add_to_group", "group": "Hanno cliccato"},
     "conditions": {"all": [{"behaviour": "clicked", "days": 7},
                            {"group": "Hanno cliccato", "op": "not_in"}]},
     "resend": {"policy": "every_n_days", "days": 7},
     "schedule": {"check": {"every_minutes": 60}}},
    {"name": "Nuovo articolo del blog", "tags": ["rss"], "enabled": False,
     "description": "Un'e-mail agli iscritti alla newsletter per ogni nuovo articolo del blog.",
     "action": {"type": "send_email", "template": "Nuovo articolo"},
     "audience": {"include": ["Newsletter"]},
     "conditions": {"all": [{"behaviour": "rss_new_item", "feed": BLOG_FEED}]},
     "resend": {"policy": "per_occurrence"},
     "schedule": {"check": {"every_minutes": 60}, "quiet_hours": _QUIET}},
]


def add_demo_rules(ws: Any, now: datetime) -> list[str]:
    """Create the demo templates, two blog posts in the feed, and the demo rules."""
    templates = Templates(ws.db)
    with ws.transaction():
        for spec in TEMPLATES:
            if templates.get(spec["name"]) is None:
                templates.create(spec["name"], spec["channel"], subject=spec.get("subject", ""),
                                 html=spec.get("html", ""), text=spec.get("text", ""), now=now)
        for name in ("Newsletter", "Hanno cliccato"):
            ws.groups.ensure(name, now)
        for days, guid, title in ((20, "post-41", "Le novità di stagione"), (2, "post-42", "Come scegliere il regalo giusto")):
            ws.events.record("rss_item", now - timedelta(days=days), None, ref=guid, uid=f"demo-rss-{guid}",
                             payload={"feed": BLOG_FEED, "title": title,
                                      "link": f"https://blog.example.it/{guid}"})
        created = []
        for spec in RULES:
            if ws.rules.find(spec["name"]) is None:
                ws.rules.save(spec, now)
                created.append(spec["name"])
    return created
