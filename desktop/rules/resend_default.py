"""Which "send again" policy fits a rule's conditions, and why, in one line.

A birthday comes once a year, each cart or purchase or new post is its own occasion, and a
welcome is said once: a new rule whose re-send policy the user has not chosen follows its
conditions, and the wizard shows the reason next to the choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.messages import Msg, define
from desktop.rules.conditions import leaves, occurrence_driver

define({
    "resend.why.cart_abandoned": ("Una volta per ogni carrello: ogni carrello abbandonato ha il suo promemoria.",
                                  "Once per cart: each abandoned cart gets its own reminder."),
    "resend.why.purchase_made": ("Una volta per ogni acquisto: ogni ordine ha il suo messaggio.",
                                 "Once per purchase: each order gets its own message."),
    "resend.why.rss_new_item": ("Una volta per ogni articolo: ogni nuovo articolo del feed ha la sua e-mail.",
                                "Once per post: each new item of the feed gets its own e-mail."),
    "resend.why.field_changed": ("Una volta per ogni cambiamento: ogni modifica del dato ha il suo messaggio.",
                                 "Once per change: each change of the field gets its own message."),
    "resend.why.anniversary": ("Una volta l'anno: un anniversario torna ogni anno.",
                               "Once a year: an anniversary comes back every year."),
    "resend.why.welcome": ("Una volta sola: il benvenuto si dà una volta a ogni contatto.",
                           "Once only: a welcome is said once to each contact."),
})


@dataclass(frozen=True)
class Suggestion:
    policy: str
    why: Msg


def _is_welcome(leaf: dict[str, Any]) -> bool:
    if leaf.get("behaviour") == "registered_ago":
        return True
    return leaf.get("field") == "registered_at" and leaf.get("op") in ("in_last", "exactly_ago")


def suggested_resend(conditions: dict[str, Any]) -> Suggestion | None:
    """The policy that fits ``conditions`` (an occasion-bearing condition first), or None."""
    driver = occurrence_driver(conditions)
    if driver is not None:
        return Suggestion("per_occurrence", Msg(f"resend.why.{driver['behaviour']}"))
    found = list(leaves(conditions))
    if any(leaf.get("op") == "anniversary_today" for leaf in found):
        return Suggestion("yearly", Msg("resend.why.anniversary"))
    if any(_is_welcome(leaf) for leaf in found):
        return Suggestion("once", Msg("resend.why.welcome"))
    return None
