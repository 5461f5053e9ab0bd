"""What building the demo says, in Italian and English (``desktop.demo``)."""

from __future__ import annotations

from desktop.messages import define

define({
    "demo.summary": ("Area di lavoro dimostrativa, contatti: {count}", "Demo workspace: {count} contacts"),
    "demo.group": ("gruppo {name!r}: id {id}", "group {name!r}: id {id}"),
    "demo.events": ("{kind}: {count}", "{kind}: {count} events"),
    "demo.birthdays_soon": ("compleanni nei prossimi 7 giorni: {count}", "birthdays in the next 7 days: {count}"),
    "demo.abandoned_carts": ("carrelli abbandonati: {count}", "abandoned carts: {count}"),
    "demo.needs_contacts": ("la demo ha bisogno di almeno 1 contatto", "the demo needs at least 1 contact"),
    "demo.not_empty": ("quest'area di lavoro contiene già dei contatti ({count}); la demo riempie solo un'area di lavoro vuota "
                       "(usa --force per aggiungerla comunque)",
                       "this workspace already has {count} contacts; the demo fills only an "
                       "empty workspace (use --force to add the demo anyway)"),
})
