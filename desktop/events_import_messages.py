"""What an events import says about its rows, in Italian and English (``desktop.events_import``)."""

from __future__ import annotations

from desktop.messages import define

define({
    "events.needs_date": ("all'evento manca la data", "the event needs a date"),
    "events.needs_order_id": ("a un evento di acquisto manca l'id dell'ordine", "a purchase event needs an order id"),
    "events.needs_cart_id": ("a un evento di carrello manca l'id del carrello", "a cart updated event needs a cart id"),
    "events.needs_amount": ("a un acquisto manca l'importo", "a purchase needs an amount"),
    "events.needs_url": ("a un clic manca l'URL del link", "a click needs the link URL"),
    "events.bad_channel": ("{value!r} non è né email né sms", "{value!r} is not email or sms"),
    "events.bad_type": ("{value!r} non è un tipo di evento ({types})", "{value!r} is not an event type ({types})"),
    "events.no_type": ("manca il tipo di evento (acquisto, carrello, apertura, clic, disiscrizione, rimbalzo)",
                       "the event type is missing (purchase, cart, open, click, unsubscribe, bounce)"),
    "events.needs_contact": ("all'evento manca l'indirizzo e-mail o il numero di cellulare del contatto",
                             "the event needs the contact's e-mail address or mobile number"),
    "events.unknown_contact": ("nessun contatto ha {address} (importa prima i contatti)",
                               "no contact has {address} (import the contacts first)"),
    "events.bad_zone": ("{value!r} non è un fuso orario che questa importazione conosce",
                        "{value!r} is not a time zone this import knows"),
    "events.in_future": ("{value!r} è nel futuro (l'ordine giorno/mese è giusto?)",
                         "{value!r} is in the future (is the day/month order right?)"),
    "events.not_amount": ("{value!r} non è un importo", "{value!r} is not an amount"),
    "events.amount_not_number": ("un importo dev'essere un numero", "an amount must be a number"),
    "events.bad_items": ("gli articoli sembrano JSON ma non sono validi ({error})",
                         "items look like JSON but are not valid ({error})"),
})
