"""Consent as files state it, and what an import does when a file does not state it.

Never invent consent: a new contact gets "subscribed" only when its row (or the whole file,
like Mailchimp's subscribed export) says so, or when the person running the import says
so for the contacts the file is silent about (``--consent``). An unsubscribe is sticky:
a contact that unsubscribed (or bounced) is re-subscribed by an import only when the row
carries an explicit opt-in date later than the unsubscribe (see docs/import.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from desktop.contacts.text import fold
from desktop.errors import BadValue
from desktop.messages import Msg, define

CHANNELS = ("email", "sms")
POLICIES = ("subscribed", "unsubscribed", "pending", "from-file")
FILE_STATUSES = ("subscribed", "unsubscribed", "pending", "bounced")
STICKY = ("unsubscribed", "bounced")
# Pseudo-targets for inverted columns: "yes" means "do not send".
BLOCKED = {"email_blocked": "email_status", "sms_blocked": "sms_status"}

_WORDS = {
    "subscribed": "subscribed", "iscritto": "subscribed", "iscritta": "subscribed", "optin": "subscribed",
    "optedin": "subscribed", "confirmed": "subscribed", "attivo": "subscribed",
    "pending": "pending", "inattesa": "pending", "daconfermare": "pending",
    "unsubscribed": "unsubscribed", "disiscritto": "unsubscribed", "disiscritta": "unsubscribed",
    "optout": "unsubscribed", "optedout": "unsubscribed", "cancellato": "unsubscribed",
    "notsubscribed": "unsubscribed", "nonconsentito": "unsubscribed", "revocato": "unsubscribed",
    "bounced": "bounced", "rimbalzato": "bounced", "bounce": "bounced", "cleaned": "bounced",
    "invalid": "bounced",
}
_YES = {"1", "true", "yes", "y", "si", "s", "vero", "x", "ok", "accetta", "accepted"}
_NO = {"0", "false", "no", "n", "falso", "rifiuta", "declined"}

define({
    "consent.file_name": ("dal nome del file {name}", "from the file name {name}"),
    "consent.columns": ("dalle colonne {columns}", "from the columns {columns}"),
    "consent.option": ("da --status", "from --status"),
    "consent.source.cell": ("dalla colonna «{column}»", "from the column \"{column}\""),
    "consent.source.file": ("dallo stato dell'intero file ({why})", "from the whole file's status ({why})"),
    "consent.source.policy": ("da --consent {policy} (il file non lo dice)",
                              "from --consent {policy} (the file does not say)"),
    "consent.source.no_address": ("in attesa: il contatto non ha questo recapito",
                                  "pending: the contact has no address for this channel"),
    "consent.bad_value": ("{value!r} non è un valore di consenso (sì/no, 1/0, iscritto/disiscritto)",
                          "{value!r} is not a consent value (sì/no, yes/no, 1/0, subscribed/unsubscribed)"),
    "consent.bad_yes_no": ("{value!r} non è sì/no (sì/no, vero/falso, 1/0)", "{value!r} is not yes/no (true/false, 1/0, sì/no)"),
    "consent.bad_policy": ("{value!r} non è uno tra {choices}", "{value!r} is not one of {choices}"),
    "consent.source.sticky": ("lasciato disiscritto: si era disiscritto in Postino e la riga non ha "
                              "un consenso più recente", "kept unsubscribed: unsubscribed in Postino "
                              "and the row has no newer opt-in"),
})


def parse_consent(raw: str) -> str:
    """A consent cell as a status; ``ValueError`` for anything not recognised (never a guess)."""
    text = raw.strip().lower()
    word = fold(text)
    if word in _WORDS:
        return _WORDS[word]
    if word in _YES or text == "sì":
        return "subscribed"
    if word in _NO:
        return "unsubscribed"
    raise BadValue(Msg("consent.bad_value", {"value": raw}))


def parse_blocked(raw: str) -> str:
    """An inverted column (``EMAIL_BLACKLISTED``, "Do not e-mail"): yes means unsubscribed."""
    text = fold(raw)
    if text in _YES or raw.strip().lower() == "sì":
        return "unsubscribed"
    if text in _NO:
        return "subscribed"
    raise BadValue(Msg("consent.bad_yes_no", {"value": raw}))


@dataclass(frozen=True)
class FileStatus:
    """A status the whole file carries, and why we think so (shown for confirmation)."""

    status: str
    why: Msg


# (status, file-name pattern, typical columns (folded)) — Mailchimp's three audience files,
# MailUp's Iscritti / Disiscritti exports.
_FILE_RULES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("unsubscribed", re.compile(r"^unsubscribed[_ ]", re.I), ("unsubtime", "unsubreason", "unsubcampaignid")),
    ("bounced", re.compile(r"^cleaned[_ ]", re.I), ("cleantime", "cleancampaignid")),
    ("unsubscribed", re.compile(r"disiscritt", re.I), ("optoutdate", "datadisiscrizione", "dataoptout")),
    ("subscribed", re.compile(r"^subscribed[_ ]", re.I), ()),
    ("subscribed", re.compile(r"(?<!dis)iscritti", re.I), ()),
)


def detect_file_status(path: str | Path, headers: list[str]) -> FileStatus | None:
    """The status the file carries as a whole, from its name and its typical columns."""
    name = Path(path).name
    folded = {fold(h) for h in headers}
    for status, pattern, columns in _FILE_RULES:
        present = [c for c in columns if c in folded]
        if present:
            shown = [h for h in headers if fold(h) in present]
            return FileStatus(status, Msg("consent.columns", {"columns": ", ".join(shown)}))
        if pattern.search(name):
            if status == "subscribed" and name.lower().startswith("subscribed") and \
                    not folded & {"optintime", "confirmtime"}:
                continue  # only Mailchimp's own subscribed export, which records the opt-in
            return FileStatus(status, Msg("consent.file_name", {"name": name}))
    return None


def check_policy(policy: str | None) -> str | None:
    if policy is not None and policy not in POLICIES:
        raise BadValue(Msg("consent.bad_policy", {"value": policy, "choices": ", ".join(POLICIES)}))
    return policy
