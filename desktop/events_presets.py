"""Reading real shop and payment exports as purchases.

Each preset turns the tool's rows into the generic event records ``events_import`` reads
(``type``, ``email``, ``date``, ``order_id``, ``amount``, ``items``), or leaves a row out
on purpose with a reason the report counts (a cancelled order, a refund, a failed
payment). The formats follow each tool's export documentation, cited in
``tests/fixtures/imports/README.md``:

- Shopify orders: one row per line item; the first row of an order (rows share ``Name``)
  holds the totals and the customer; cancelled, refunded and voided orders are left out.
- WooCommerce (Customer/Order CSV Export): ``order_total``, ``billing_email``; only
  ``completed`` and ``processing`` orders are purchases.
- Stripe payments: ``Created (UTC)`` is UTC; only ``Paid`` payments.
- PayPal activity: ``Date`` + ``Time`` + ``Time zone``; only completed incoming payments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from desktop.contacts.presets import Preset, _cols, _sig, detect_preset, preset_named
from desktop.messages import Msg, define

define({
    "events.left_out_orders": ("ordini con stato «{status}»", "{status} orders"),
    "events.left_out_payments": ("pagamenti con stato «{status}»", "{status} payments"),
    "events.left_out_cancelled": ("ordini annullati", "cancelled orders"),
    "events.left_out_not_incoming": ("pagamenti non in entrata o non completati", "not incoming completed payments"),
    "events.no_status": ("nessuno", "no status"),
})


def left_out_msg(reason: str) -> Msg:
    """Why rows were left out on purpose (the report's English key) as a coded message; the
    status is the shop's own word from the file."""
    if reason == "cancelled orders":
        return Msg("events.left_out_cancelled")
    if reason == "not incoming completed payments":
        return Msg("events.left_out_not_incoming")
    status, _, kind = reason.rpartition(" ")
    if kind in ("orders", "payments"):
        return Msg(f"events.left_out_{kind}", {"status": Msg("events.no_status") if status == "no status" else status})
    return Msg("legacy", {"text": reason})

Record = dict[str, Any]
# (line, record in generic keys or None, error, reason the row was left out on purpose)
Item = tuple[int, Record | None, str, str]
Transform = Callable[[Iterator[tuple[int, Record | None, str]]], Iterator[Item]]

_PAYPAL_ZONES = {"PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "MST": "America/Denver",
                 "MDT": "America/Denver", "CST": "America/Chicago", "CDT": "America/Chicago",
                 "EST": "America/New_York", "EDT": "America/New_York", "GMT": "UTC", "UTC": "UTC",
                 "BST": "Europe/London", "CET": "Europe/Rome", "CEST": "Europe/Rome", "MEZ": "Europe/Berlin",
                 "MESZ": "Europe/Berlin", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "EET": "Europe/Athens",
                 "EEST": "Europe/Athens", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney"}


@dataclass(frozen=True)
class EventPreset:
    preset: Preset  # the header signature and the column -> generic key mapping
    transform: Transform

    @property
    def name(self) -> str:
        return self.preset.name

    @property
    def label(self) -> str:
        return self.preset.label


def _get(record: Record, header: str) -> str:
    value = record.get(header)
    return "" if value is None else str(value).strip()


def _by_folded(record: Record) -> dict[str, str]:
    from desktop.contacts.text import fold

    return {fold(k): ("" if v is None else str(v).strip()) for k, v in record.items()}


def _shopify(records: Iterator[tuple[int, Record | None, str]]) -> Iterator[Item]:
    """Line-item rows grouped by ``Name``: totals from the first row, item names from all."""
    current: tuple[int, dict[str, str], list[str]] | None = None
    for line, record, error in records:
        if record is None:
            yield line, None, error, ""
            continue
        row = _by_folded(record)
        if current is not None and row.get("name") == current[1].get("name"):
            if row.get("lineitemname"):
                current[2].append(row["lineitemname"])
            yield line, None, "", "\x00part"  # a line item of the order above: not a row of its own
            continue
        if current is not None:
            yield _shopify_order(*current)
        current = (line, row, [row["lineitemname"]] if row.get("lineitemname") else [])
    if current is not None:
        yield _shopify_order(*current)


def _shopify_order(line: int, row: dict[str, str], items: list[str]) -> Item:
    status = row.get("financialstatus", "").lower()
    if row.get("cancelledat"):
        return line, None, "", "cancelled orders"
    if status in ("refunded", "voided"):
        return line, None, "", f"{status} orders"
    record = {"type": "purchase", "order_id": row.get("name"), "email": row.get("email"),
              "phone": row.get("phone") or row.get("billingphone"), "date": row.get("createdat"),
              "amount": row.get("total"), "items": "|".join(items)}
    return line, record, "", ""


def _woo(records: Iterator[tuple[int, Record | None, str]]) -> Iterator[Item]:
    for line, record, error in records:
        if record is None:
            yield line, None, error, ""
            continue
        row = _by_folded(record)
        status = row.get("status", "").lower().removeprefix("wc-")
        if status not in ("completed", "processing"):
            yield line, None, "", f"{status or 'no status'} orders"
            continue
        items = [part.split("|")[0].removeprefix("name:") for part in row.get("lineitems", "").split(";")
                 if part.strip()]
        yield line, {"type": "purchase", "order_id": row.get("ordernumber") or row.get("orderid"),
                     "email": row.get("billingemail") or row.get("customeremail"),
                     "phone": row.get("billingphone"), "date": row.get("orderdate"),
                     "amount": row.get("ordertotal"), "items": "|".join(i for i in items if i)}, "", ""


def _stripe(records: Iterator[tuple[int, Record | None, str]]) -> Iterator[Item]:
    for line, record, error in records:
        if record is None:
            yield line, None, error, ""
            continue
        row = _by_folded(record)
        status = row.get("status", "").lower()
        if status != "paid":
            yield line, None, "", f"{status or 'no status'} payments"
            continue
        created = row.get("createdutc", "")
        yield line, {"type": "purchase", "order_id": row.get("id"), "email": row.get("customeremail"),
                     "date": f"{created}+00:00" if created and "+" not in created and not created.endswith("Z")
                     else created, "amount": row.get("amount"),
                     "items": row.get("description", "")}, "", ""


def _paypal(records: Iterator[tuple[int, Record | None, str]]) -> Iterator[Item]:
    for line, record, error in records:
        if record is None:
            yield line, None, error, ""
            continue
        row = _by_folded(record)
        kind, status = row.get("type", ""), row.get("status", "").lower()
        gross = row.get("gross", "")
        if "payment" not in kind.lower() or status not in ("completed", "completato") or gross.startswith("-"):
            yield line, None, "", "not incoming completed payments"
            continue
        zone = row.get("timezone", "") or row.get("fusoorario", "")
        yield line, {"type": "purchase", "order_id": row.get("transactionid"),
                     "email": row.get("fromemailaddress"), "date": f"{row.get('date', '')} {row.get('time', '')}",
                     "zone": _PAYPAL_ZONES.get(zone.upper(), zone), "amount": gross,
                     "items": row.get("itemtitle", "")}, "", ""


EVENT_PRESETS: tuple[EventPreset, ...] = (
    EventPreset(Preset("shopify-orders", "Shopify orders", _sig(("Name", "Financial Status", "Lineitem name")), {}),
                _shopify),
    EventPreset(Preset("woocommerce-orders", "WooCommerce orders (Customer/Order CSV Export)",
                       _sig(("order_total", "billing_email", "status")), {}), _woo),
    EventPreset(Preset("stripe-payments", "Stripe payments", _sig(("id", "Created (UTC)", "Amount", "Status")), {}),
                _stripe),
    EventPreset(Preset("paypal-activity", "PayPal activity",
                       _sig(("Date", "Time", "Time zone", "Gross", "From Email Address"),
                            ("Date", "Time", "TimeZone", "Gross", "From Email Address")), _cols({})), _paypal),
)
_BY_PRESET = {p.preset.name: p for p in EVENT_PRESETS}


def detect_event_preset(headers: list[str]) -> EventPreset | None:
    found = detect_preset(headers, tuple(p.preset for p in EVENT_PRESETS))
    return _BY_PRESET[found.name] if found else None


def event_preset_named(name: str) -> EventPreset | None:
    found = preset_named(name, tuple(p.preset for p in EVENT_PRESETS))
    return _BY_PRESET[found.name] if found else None
