"""The contact field catalogue: standard fields plus the user's typed custom fields.

This is the whitelist every piece of dynamic SQL checks names against: a field name that is
not in the catalogue never reaches a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.timeutil import to_db

define({
    "field.unknown": ("campo del contatto sconosciuto {name!r}", "unknown contact field {name!r}"),
    "field.bad_name": ("il nome del campo {name!r} deve iniziare con una lettera e usare solo a-z, 0-9 e _ "
                       "(al massimo 40 caratteri)",
                       "field name {name!r} must start with a letter and use only a-z, 0-9 and _ (40 at most)"),
    "field.standard": ("{name!r} è un campo standard", "{name!r} is a standard field"),
    "field.bad_type": ("il tipo di campo {type!r} non è tra quelli ammessi: {types}",
                       "field type {type!r} is not one of {types}"),
    "field.type_clash": ("il campo {name!r} esiste già ed è di tipo {type}",
                         "field {name!r} already exists with type {type}"),
    # A field's type in a sentence (the English words are the types' own names).
    "field.type_text": ("testo", "text"), "field.type_number": ("numero", "number"),
    "field.type_date": ("data", "date"), "field.type_datetime": ("data e ora", "datetime"),
    "field.type_boolean": ("sì/no", "boolean"),
})

FIELD_TYPES = ("text", "number", "date", "datetime", "boolean")
STATUSES = ("subscribed", "pending", "unsubscribed", "bounced")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    column: str
    label_en: str
    label_it: str
    custom: bool = False
    editable: bool = True

    def label(self, language: str = "en") -> str:
        return self.label_it if language == "it" else self.label_en


def _std(name: str, type_: str, en: str, it: str, editable: bool = True) -> FieldSpec:
    return FieldSpec(name, type_, name, en, it, custom=False, editable=editable)


STANDARD: tuple[FieldSpec, ...] = (
    _std("email", "text", "E-mail", "E-mail"),
    _std("phone", "text", "Mobile phone", "Cellulare"),
    _std("first_name", "text", "First name", "Nome"),
    _std("last_name", "text", "Last name", "Cognome"),
    _std("language", "text", "Language", "Lingua"),
    _std("timezone", "text", "Time zone", "Fuso orario"),
    _std("birthday", "date", "Birthday", "Data di nascita"),
    _std("registered_at", "datetime", "Registered", "Data di registrazione"),
    _std("updated_at", "datetime", "Last update", "Ultimo aggiornamento", editable=False),
    _std("email_status", "text", "E-mail subscription", "Iscrizione e-mail"),
    _std("sms_status", "text", "SMS subscription", "Iscrizione SMS"),
)
STANDARD_NAMES = {f.name for f in STANDARD}


class FieldCatalog:
    """Reads custom field declarations; adding one adds a real, typed column to ``contacts``.

    Real columns (not an attribute-value table) keep each rule one plain, indexable query.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._cache: dict[str, FieldSpec] | None = None

    def all(self) -> dict[str, FieldSpec]:
        if self._cache is None:
            fields = {f.name: f for f in STANDARD}
            for name, label, type_, column in self._db.execute(
                "SELECT name, label, type, column_name FROM custom_fields ORDER BY created_at, name"
            ):
                fields[name] = FieldSpec(name, type_, column, label, label, custom=True)
            self._cache = fields
        return self._cache

    def custom(self) -> list[FieldSpec]:
        return [f for f in self.all().values() if f.custom]

    def get(self, name: str, where: str | None = None) -> FieldSpec:
        try:
            return self.all()[name]
        except KeyError:
            raise InputError(Msg("field.unknown", {"name": name}), where) from None

    def invalidate(self) -> None:
        self._cache = None

    def add_custom(self, name: str, type_: str, now: datetime, label: str | None = None) -> FieldSpec:
        if not _NAME.match(name):
            raise InputError(Msg("field.bad_name", {"name": name}))
        if name in STANDARD_NAMES:
            raise InputError(Msg("field.standard", {"name": name}))
        if type_ not in FIELD_TYPES:
            raise InputError(Msg("field.bad_type", {"type": type_, "types": ", ".join(FIELD_TYPES)}))
        existing = self.all().get(name)
        if existing is not None:
            if existing.type != type_:
                raise InputError(Msg("field.type_clash", {"name": name, "type": Msg(f"field.type_{existing.type}")}))
            return existing
        column = f"f_{name}"
        # Column and type come from the whitelist above, never from raw user text.
        sql_type = {"number": "REAL", "boolean": "INTEGER"}.get(type_, "TEXT")
        self._db.execute(f'ALTER TABLE contacts ADD COLUMN "{column}" {sql_type}')
        self._db.execute(
            "INSERT INTO custom_fields(name, label, type, column_name, created_at) VALUES (?, ?, ?, ?, ?)",
            [name, label or name.replace("_", " ").capitalize(), type_, column, to_db(now)],
        )
        self._cache = None
        return self.all()[name]
