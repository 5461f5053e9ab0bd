"""The column names (in Italian and English) an events file may use, and the event types."""

from __future__ import annotations

from desktop.contacts.text import fold

_KEYS: dict[str, tuple[str, ...]] = {
    "type": ("type", "tipo", "event", "evento", "event type", "tipo evento"),
    "email": ("email", "e-mail", "mail", "indirizzo email", "email address"),
    "phone": ("phone", "cellulare", "telefono", "mobile", "mobile phone"),
    "date": ("date", "data", "occurred_at", "occurred at", "time", "timestamp", "datetime", "quando",
             "data ordine", "order date", "created_at", "created at"),
    "order_id": ("order_id", "order id", "order", "ordine", "id ordine", "numero ordine", "order number"),
    "cart_id": ("cart_id", "cart id", "cart", "carrello", "id carrello"),
    "amount": ("amount", "importo", "totale", "total", "value", "valore"),
    "items": ("items", "articoli", "prodotti", "products"),
    "url": ("url", "link", "link url"),
    "rule": ("rule", "regola", "rule name"),
    "channel": ("channel", "canale"),
}
KEYS = {fold(alias): key for key, aliases in _KEYS.items() for alias in aliases}
_TYPES = {
    "purchase": ("purchase", "acquisto", "order", "ordine", "sale", "vendita"),
    "cart_updated": ("cart_updated", "cart", "carrello", "cart update", "abandoned cart", "carrello abbandonato"),
    "email_opened": ("email_opened", "open", "opened", "apertura", "aperta"),
    "email_clicked": ("email_clicked", "click", "clicked", "clic", "clicca"),
    "unsubscribed": ("unsubscribed", "unsubscribe", "disiscrizione", "disiscritto", "opt-out"),
    "email_bounced": ("email_bounced", "bounce", "bounced", "rimbalzo", "rimbalzata"),
}
TYPES = {fold(alias): kind for kind, aliases in _TYPES.items() for alias in aliases}
