"""``events export FILE``: every event as a CSV that ``events import`` reads back.

The columns are the documented import columns (docs/import.md), so what a person sees is
exactly what an import would need; dates are UTC in ISO 8601. The file is written
atomically and cells are made safe for spreadsheets, as the contacts export does.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from desktop.contacts.csv_export import safe_cell
from desktop.fileio import write_atomic
from desktop.timeutil import from_db
from desktop.workspace import Workspace

COLUMNS = ("type", "email", "phone", "date", "order_id", "cart_id", "amount", "items", "url", "rule", "channel")
_QUERY = ("SELECT e.type, c.email, c.phone, e.occurred_at, e.ref, e.amount, e.payload, r.name "
          "FROM events e LEFT JOIN contacts c ON c.id = e.contact_id LEFT JOIN rules r ON r.id = e.rule_id "
          "WHERE e.type IN ('purchase', 'cart_updated', 'email_opened', 'email_clicked', 'unsubscribed', "
          "'email_bounced') ORDER BY e.occurred_at, e.id")


def _items(payload: dict) -> str:
    items = payload.get("items") or []
    if all(isinstance(i, str) for i in items):
        return "|".join(items)
    return json.dumps(items, ensure_ascii=False)


def _row(kind: str, email: str | None, phone: str | None, when: str, ref: str | None, amount: float | None,
         payload_text: str, rule: str | None) -> list[str]:
    payload = json.loads(payload_text or "{}")
    moment = from_db(when).isoformat(timespec="seconds").replace("+00:00", "Z")
    number = "" if amount is None else (str(int(amount)) if float(amount).is_integer() else repr(float(amount)))
    values = {"type": kind, "email": email or "", "phone": "" if email else (phone or ""), "date": moment,
              "amount": number, "rule": rule or payload.get("rule") or ""}
    if kind == "purchase":
        values |= {"order_id": ref or "", "items": _items(payload)}
    elif kind == "cart_updated":
        values |= {"cart_id": ref or "", "items": _items(payload)}
    elif kind == "email_clicked":
        values["url"] = payload.get("url") or ref or ""
    elif kind in ("unsubscribed", "email_bounced"):
        values["channel"] = payload.get("channel") or ref or "email"
    return [safe_cell(values.get(c, "")) for c in COLUMNS]


def export_events(ws: Workspace, path: str | Path) -> int:
    """Write the contact events to ``path`` (comma-separated UTF-8); returns how many."""
    count = 0

    def write(handle: TextIO) -> None:
        nonlocal count
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in ws.db.conn.execute(_QUERY):
            writer.writerow(_row(*row))
            count += 1

    write_atomic(path, write, workspace_dir=ws.data_dir, encoding="utf-8")
    return count
