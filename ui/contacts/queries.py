"""The reads behind the contacts table, run on the worker thread by ``ui.ops``.

Rows are fetched in blocks by ``id`` keyset (``WHERE id > last ORDER BY id LIMIT n``), so
block 2,000 of a million costs what block 1 costs: an index seek, never an OFFSET scan.
Column names come only from the field catalogue (the whitelist), never from user text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import phonenumbers

from desktop.fields import FieldSpec
from desktop.workspace import Workspace

BLOCK = 500


@dataclass(frozen=True)
class Search:
    """What the user typed, and the country a national phone number belongs to."""

    text: str = ""
    country: str = "IT"

    def clause(self) -> tuple[str, list[Any]]:
        """SQL for the search. An address or a phone number is typed from its start, so those
        are index ranges (e-mails are stored lower-case, phones in E.164): instant on a million
        contacts. Other text is found anywhere in the name or the e-mail ("esempio" finds
        mario@esempio.it): names always needed a scan (on the worker thread), and two
        ``LIKE '%x%'`` cost what the three prefix ``LIKE`` on names cost before (bench/ui_contacts.py).
        """
        text = self.text.strip()
        if not text:
            return "1", []
        phones = self._phone_prefixes(text)
        if phones:
            return "(" + " OR ".join("(phone >= ? AND phone < ?)" for _ in phones) + ")", \
                [p for prefix in phones for p in _range(prefix)]
        anywhere = "%" + _like_escape(text) + "%"
        if "@" in text and not text.startswith("@"):
            low, high = _range(text.lower())
            return "(email >= ? AND email < ?)", [low, high]
        if text.startswith("@"):  # "@esempio.it": everyone at that domain
            return "email LIKE ? ESCAPE '\\'", [anywhere]
        parts = ["email LIKE ? ESCAPE '\\'",
                 "(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) LIKE ? ESCAPE '\\'"]
        return "(" + " OR ".join(parts) + ")", [anywhere, anywhere]

    def _phone_prefixes(self, text: str) -> list[str]:
        """Phones are stored in E.164; what people type is national, with or without ``+``/``00``."""
        digits = re.sub(r"[\s\-./()]", "", text)
        if not re.fullmatch(r"\+?\d{2,}", digits):
            return []
        if digits.startswith("+"):
            return [digits]
        if digits.startswith("00"):
            return ["+" + digits[2:]]
        code = phonenumbers.country_code_for_region(self.country.upper()) or 39
        national = digits if self.country.upper() == "IT" else digits.removeprefix("0")
        return sorted({f"+{code}{national}", f"+{digits}"})


def _range(prefix: str) -> tuple[str, str]:
    """``[prefix, prefix + max char)``: every string that starts with ``prefix``, as an index range."""
    return prefix, prefix + "\U0010ffff"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def field_specs(ws: Workspace) -> list[FieldSpec]:
    return list(ws.fields.all().values())


def fetch_block(ws: Workspace, columns: list[str], search: Search, after_id: int,
                limit: int = BLOCK) -> list[tuple[Any, ...]]:
    """Up to ``limit`` rows ``(id, *columns)`` with ``id > after_id`` that match ``search``."""
    known = {f.column for f in ws.fields.all().values()}
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise ValueError(f"not contact columns: {unknown}")
    where, params = search.clause()
    select = ", ".join(["id", *(f'"{c}"' for c in columns)])
    sql = f"SELECT {select} FROM contacts WHERE id > ? AND {where} ORDER BY id LIMIT ?"
    return ws.db.execute(sql, [after_id, *params, limit]).fetchall()


def count_matching(ws: Workspace, search: Search) -> int:
    where, params = search.clause()
    return ws.db.execute(f"SELECT count(*) FROM contacts WHERE {where}", params).fetchone()[0]
