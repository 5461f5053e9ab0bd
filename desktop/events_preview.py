"""What the import wizard shows for an events file before anything is written.

A shop or payment export (Shopify, WooCommerce, Stripe, PayPal) is read by its preset, so
its columns need no mapping; any other CSV gets a suggested key per column (``Data`` ->
``date``, ``Totale`` -> ``amount``) that the person can change.
"""

from __future__ import annotations

from pathlib import Path

from desktop.contacts.csv_import import Preview
from desktop.contacts.reader import CsvSource
from desktop.contacts.text import fold
from desktop.events_import import KEYS
from desktop.events_presets import detect_event_preset

# (key, English label, Italian label): where an events column can go.
EVENT_KEYS: tuple[tuple[str, str, str], ...] = (
    ("type", "Event type", "Tipo di evento"), ("email", "E-mail", "E-mail"), ("phone", "Mobile phone", "Cellulare"),
    ("date", "Date", "Data"), ("order_id", "Order number", "Numero ordine"), ("cart_id", "Cart id", "Carrello"),
    ("amount", "Amount", "Importo"), ("items", "Items", "Articoli"), ("url", "Link", "Link"),
    ("rule", "Rule", "Regola"), ("channel", "Channel", "Canale"))


def preview_events(path: str | Path, rows: int = 20) -> Preview:
    with CsvSource(path) as source:
        preset = detect_event_preset(source.headers)
        mapping = {h: KEYS.get(fold(h)) for h in source.headers}
        first: list[list[str]] = []
        for row in source.rows():
            if len(first) >= rows:
                break
            if row.cells is not None:
                first.append(row.cells)
        return Preview(str(path), source.encoding, source.delimiter, source.headers, mapping, first,
                       preset=preset.name if preset else None, preset_label=preset.label if preset else None)
