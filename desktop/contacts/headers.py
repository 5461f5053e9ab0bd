"""Which contact field each column of a spreadsheet holds, from its header name.

Headers are compared folded (lower case, no accents, letters and digits only), so
``E-mail``, ``email`` and ``Indirizzo e-mail`` all meet the same alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.contacts.presets import COUNTRY, FULL_NAME, OPTIN_AT, PSEUDO_TARGETS, Preset
from desktop.contacts.text import fold
from desktop.fields import FIELD_TYPES, STANDARD_NAMES, FieldCatalog

GROUPS = "groups"  # not a field: a column of group names the contact is added to
IGNORE_NAMES = {"id", "updated_at"}  # kept by Postino, never taken from a file

_ALIASES: dict[str, tuple[str, ...]] = {
    "email": ("email", "e-mail", "mail", "indirizzo email", "indirizzo e-mail", "email address",
              "e-mail address", "posta elettronica", "correo", "courriel"),
    "phone": ("phone", "mobile", "mobile phone", "cellulare", "telefono", "cell", "tel",
              "telefono cellulare", "numero di telefono", "numero cellulare", "phone number",
              "mobile number", "cell phone", "sms", "whatsapp"),
    "first_name": ("first_name", "first name", "firstname", "given name", "nome"),
    "last_name": ("last_name", "last name", "lastname", "surname", "family name", "cognome"),
    "language": ("language", "lingua", "lang", "locale", "idioma", "sprache", "langue"),
    "timezone": ("timezone", "time zone", "fuso orario", "fuso", "tz"),
    "birthday": ("birthday", "birth date", "date of birth", "dob", "data di nascita", "nascita",
                 "compleanno", "birthdate"),
    "registered_at": ("registered_at", "registered", "registration date", "date registered",
                      "data di registrazione", "registrazione", "data iscrizione", "iscritto il",
                      "signup date", "sign-up date", "created", "created at", "data creazione",
                      "sign up", "signup", "registration", "optin_time", "opt-in time", "added_time",
                      "date created", "customer since", "cliente dal"),
    "email_status": ("email_status", "consenso", "consent", "consenso email", "consenso e-mail", "email consent",
                     "iscrizione email", "iscrizione e-mail", "newsletter", "email subscription",
                     "e-mail subscription", "accepts marketing", "consenso marketing",
                     "accepts email marketing", "consenso newsletter", "iscritto newsletter",
                     "email marketing consent", "email opt in", "privacy marketing"),
    "sms_status": ("sms_status", "consenso sms", "sms consent", "iscrizione sms", "sms subscription",
                   "accepts sms marketing", "sms marketing consent", "sms opt in"),
    "email_blocked": ("email_blacklisted", "do not email", "do not e-mail", "non inviare email",
                      "non inviare e-mail", "email opt out", "e-mail opt out", "blacklist email"),
    "sms_blocked": ("sms_blacklisted", "do not sms", "do not text", "non inviare sms", "sms opt out"),
    FULL_NAME: ("name", "full name", "nome completo", "nome e cognome", "cognome e nome",
                "customer name", "nominativo"),
    COUNTRY: ("country", "country code", "paese", "nazione", "billing_country", "billing country",
              "prefisso internazionale", "country / region", "country/region"),
    OPTIN_AT: ("optin_at", "confirm_time", "opt-in date", "optin date", "consent date", "data consenso",
               "data del consenso"),
    GROUPS: ("groups", "group", "gruppi", "gruppo", "lists", "liste", "tags"),
    "updated_at": ("updated_at", "last update", "ultimo aggiornamento"),
    "id": ("id",),
}
ALIASES: dict[str, str] = {fold(a): name for name, words in _ALIASES.items() for a in words}
_TYPE_HINT = re.compile(r"^(.*\S)\s*\[(" + "|".join(FIELD_TYPES) + r")(?::([a-z][a-z0-9_]{0,39}))?\]\s*$",
                        re.IGNORECASE)


@dataclass(frozen=True)
class ColumnTarget:
    """Where one column goes: a field (existing or to create with ``new_type``), groups, or nowhere."""

    header: str
    field: str | None
    new_type: str | None = None  # set when the import will create this custom field
    label: str | None = None


def split_type_hint(header: str) -> tuple[str, str | None, str | None]:
    """``"Punti [number:points]"`` -> ``("Punti", "number", "points")``.

    This is how our export writes custom fields, so a re-import recreates them with the same
    name, label and type; the ``:name`` part is optional.
    """
    m = _TYPE_HINT.match(header.strip())
    if not m:
        return header.strip(), None, None
    return m[1], m[2].lower(), (m[3].lower() if m[3] else None)


def custom_name(header: str) -> str:
    """A valid custom field name for a header: ``Punti fedeltà`` -> ``punti_fedelta``."""
    words = re.findall(r"[a-z0-9]+", " ".join(fold(w) for w in re.split(r"[\s_\-./]+", header)))
    name = "_".join(words)[:40].strip("_")
    if not name:
        return ""
    if not name[0].isalpha():
        name = ("c_" + name)[:40]
    return name


def target_for(header: str, catalog: FieldCatalog) -> ColumnTarget:
    """The suggested target of one header: an alias, an existing custom field, or a new one."""
    bare, hint, explicit = split_type_hint(header)
    folded = fold(bare)
    if not folded:
        return ColumnTarget(header, None)
    if hint is not None:  # our export's custom field syntax: never an alias of a standard field
        name = explicit or custom_name(bare)
        if not name or name in STANDARD_NAMES:
            return ColumnTarget(header, None)
        return ColumnTarget(header, name, None if name in catalog.all() else hint, bare)
    known = ALIASES.get(folded)
    if known is not None:
        return ColumnTarget(header, None if known in IGNORE_NAMES else known)
    for spec in catalog.custom():
        if fold(spec.name) == folded or fold(spec.label_en) == folded:
            return ColumnTarget(header, spec.name)
    name = custom_name(bare)
    if not name or name in STANDARD_NAMES:
        return ColumnTarget(header, None)
    existing = catalog.all().get(name)
    return ColumnTarget(header, name, None if existing else "text", bare)


def suggest_mapping(headers: list[str], catalog: FieldCatalog,
                    preset: Preset | None = None) -> dict[str, str | None]:
    """``{header: field name or None}`` as the import would use it without a mapping."""
    return {t.header: t.field for t in resolve(headers, catalog, None, preset)}


def _chosen(header: str, chosen: str | None, catalog: FieldCatalog) -> ColumnTarget:
    if chosen is None or chosen in IGNORE_NAMES:
        return ColumnTarget(header, None)
    if chosen == GROUPS or chosen in PSEUDO_TARGETS or chosen in catalog.all():
        return ColumnTarget(header, chosen)
    bare, hint, _ = split_type_hint(header)
    return ColumnTarget(header, chosen, hint or "text", bare)


def resolve(headers: list[str], catalog: FieldCatalog, mapping: dict[str, str | None] | None,
            preset: Preset | None = None) -> list[ColumnTarget]:
    """One target per column: the caller's mapping first, then the preset, then the aliases."""
    targets = []
    for header in headers:
        if mapping is not None and header in mapping:
            targets.append(_chosen(header, mapping[header], catalog))
            continue
        if preset is not None:
            known, target = preset.target(header)
            if known:
                targets.append(_chosen(header, target, catalog))
                continue
        targets.append(target_for(header, catalog))
    return targets
