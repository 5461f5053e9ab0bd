"""Turning what people type (or Excel exports) into the values a contact field stores.

Every function raises ``ValueError`` with a reason a shop owner can act on; callers add
where (file, line, column) it happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from email_validator import EmailNotValidError, validate_email

from desktop.contacts.phones import normalize_phone as _normalize_phone
from desktop.contacts.text import fold, strip_protective  # noqa: F401  (re-exported)
from desktop.errors import BadValue
from desktop.fields import STATUSES, FieldSpec
from desktop.messages import Msg, define

define({
    "value.bad_email": ("{value!r} non è un indirizzo e-mail valido (es. nome@example.it)",
                        "{value!r} is not a valid e-mail address ({error})"),
    "value.bad_calendar_date": ("{value!r} non è una data del calendario", "{value!r} is not a real calendar date"),
    "value.not_date": ("{value!r} non è una data (atteso {order} oppure aaaa-mm-gg)",
                       "{value!r} is not a date (expected {order} or yyyy-mm-dd)"),
    "value.bad_day_of_year": ("{value!r} non è un giorno dell'anno", "{value!r} is not a real day of the year"),
    "value.bad_time_part": ("{value!r} ha un orario che non è hh:mm o hh:mm:ss",
                            "{value!r} has a time part that is not hh:mm or hh:mm:ss"),
    "value.impossible_time": ("{value!r} ha un orario impossibile", "{value!r} has an impossible time of day"),
    "value.not_number": ("{value!r} non è un numero", "{value!r} is not a number"),
    "value.not_yes_no": ("{value!r} non è sì/no (sì/no, true/false, 1/0)", "{value!r} is not yes/no (sì/no, true/false, 1/0)"),
    "value.not_status": ("{value!r} non è uno stato di iscrizione ({choices})",
                         "{value!r} is not a subscription status ({choices})"),
    "value.not_language": ("{value!r} non è una lingua (es. it, en, Italiano)",
                           "{value!r} is not a language (e.g. it, en, Italiano)"),
    "value.not_zone": ("{value!r} non è un fuso orario: scegline uno nella forma Continente/Città (es. Europe/Rome)",
                       "{value!r} is not a time zone: pick one written Continent/City (e.g. Europe/Rome)"),
    "contact.email_taken": ("un altro contatto ha già questo indirizzo e-mail",
                            "another contact already has this e-mail address"),
    "value.order_dmy": ("gg/mm/aaaa", "dd/mm/yyyy"), "value.order_mdy": ("mm/gg/aaaa", "mm/dd/yyyy"),
})
from desktop.timeutil import UTC, to_db, valid_zone


@dataclass(frozen=True)
class ParseContext:
    """What a bare value needs to be understood: the default country, date order and zone."""

    country: str = "IT"
    date_order: str = "dmy"  # or "mdy"
    zone: str = "Europe/Rome"
    decimal: str | None = None  # "," or "." when the file's numbers decide it, else guessed per value
    phones_international: bool = False  # the file writes country codes without "+" (Brevo)


def normalize_email(raw: str) -> str:
    text = raw.strip().strip("<>").strip()
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise BadValue(Msg("value.bad_email", {"value": raw, "error": str(exc)})) from None
    return result.normalized.lower()


def normalize_phone(raw: str, country: str = "IT", international: bool = False) -> str:
    return _normalize_phone(raw, country, international)


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?$")


def _split_date_time(raw: str) -> tuple[str, str | None]:
    text = raw.strip()
    if "T" in text[8:11]:
        head, tail = text.split("T", 1)
        return head, tail
    if " " in text:
        head, tail = text.split(None, 1)
        return head, tail.strip()
    return text, None


def parse_date(raw: str, ctx: ParseContext = ParseContext()) -> date:
    head, _ = _split_date_time(raw)
    m = _YMD.match(head)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _DMY.match(head)
        if m:
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if len(m[3]) == 2:
                year += 2000 if year < 50 else 1900
            day, month = (a, b) if ctx.date_order == "dmy" else (b, a)
            return date(year, month, day)
    except ValueError:
        raise BadValue(Msg("value.bad_calendar_date", {"value": raw})) from None
    raise not_a_date(raw, ctx)


def not_a_date(raw: object, ctx: ParseContext = ParseContext()) -> BadValue:
    """The refusal of a value that is no date: also one Python's calendar cannot hold (year
    3170843, or year 1 moved to UTC), so it reads like every other bad date."""
    order = Msg("value.order_dmy" if ctx.date_order == "dmy" else "value.order_mdy")
    return BadValue(Msg("value.not_date", {"value": raw, "order": order}))


_YEARLESS = (re.compile(r"^--(\d{2})-?(\d{2})$"), re.compile(r"^0000-(\d{2})-(\d{2})$"))
_SHORT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-]0{2,4})?$")
YEARLESS_PREFIX = "0000-"  # how a birthday without a year is stored: the month and day still match


def parse_birthday(raw: str, ctx: ParseContext = ParseContext()) -> str:
    """A birthday as stored: ``yyyy-mm-dd``, or ``0000-mm-dd`` when the file gives no year.

    Mailchimp writes ``03/14``, Google Contacts ``--03-14``, Outlook ``14/3/0000``-like
    values; birthday rules compare only month and day, so they still work. Year 0 is a leap
    year in the ISO calendar, so ``--02-29`` is a valid stored value.
    """
    text = raw.strip()
    month = day = None
    for pattern in _YEARLESS:
        m = pattern.match(text)
        if m:
            month, day = int(m[1]), int(m[2])
    m = _SHORT.match(text) if month is None else None
    if m:
        a, b = int(m[1]), int(m[2])
        day, month = (a, b) if ctx.date_order == "dmy" else (b, a)
    if month is None or day is None:
        return parse_date(text, ctx).isoformat()
    try:
        date(2000, month, day)
    except ValueError:
        raise BadValue(Msg("value.bad_day_of_year", {"value": raw})) from None
    return f"{YEARLESS_PREFIX}{month:02d}-{day:02d}"


_EMPTY_DATES = {"0/0/00", "00/00/0000", "0000-00-00", "00/00/00"}


def parse_datetime(raw: str, ctx: ParseContext = ParseContext()) -> datetime:
    """An aware UTC datetime; a value without an offset is read in ``ctx.zone``."""
    text = raw.strip()
    try:
        iso = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        iso = None
    if iso is not None:
        if iso.tzinfo is None:
            iso = iso.replace(tzinfo=ZoneInfo(ctx.zone))
        try:
            return iso.astimezone(UTC)
        except (OverflowError, ValueError):  # 0001-01-01T00:00+05:00 is before year 1 in UTC
            raise not_a_date(raw, ctx) from None
    head, tail = _split_date_time(text)
    day = parse_date(head, ctx)
    clock = time(0, 0)
    if tail:
        m = _TIME.match(tail)
        if not m:
            raise BadValue(Msg("value.bad_time_part", {"value": raw}))
        try:
            clock = time(int(m[1]), int(m[2]), int(m[3] or 0))
        except ValueError:
            raise BadValue(Msg("value.impossible_time", {"value": raw})) from None
    try:
        return datetime.combine(day, clock, tzinfo=ZoneInfo(ctx.zone)).astimezone(UTC)
    except (OverflowError, ValueError):
        raise not_a_date(raw, ctx) from None


_CURRENCY = re.compile(r"[\s\u00a0€$£]|EUR|USD|GBP|CHF", re.IGNORECASE)
_IT_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_EN_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def parse_number(raw: str, decimal: str | None = None) -> float:
    """Numbers as Italian and English spreadsheets write them: ``1.234,50`` and ``1,234.50``.

    ``decimal`` is the file's convention when its numbers decide it: with ``","`` a lone
    ``1.250`` is one thousand two hundred fifty, as an Italian wrote it; without it, a single
    separator is read as the decimal point.
    """
    text = _CURRENCY.sub("", raw.strip())
    if text.endswith("-") and text[:-1].replace(".", "").replace(",", "").isdigit():
        text = "-" + text[:-1]
    if decimal == "," and _IT_NUMBER.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif decimal == "." and _EN_NUMBER.fullmatch(text):
        text = text.replace(",", "")
    elif "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise BadValue(Msg("value.not_number", {"value": raw})) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise BadValue(Msg("value.not_number", {"value": raw}))
    return value


_TRUE = {"1", "true", "yes", "y", "si", "sì", "s", "vero", "x", "ok"}
_FALSE = {"0", "false", "no", "n", "falso"}


def parse_bool(raw: str) -> bool:
    text = raw.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadValue(Msg("value.not_yes_no", {"value": raw}))


_STATUS_WORDS = {
    "subscribed": "subscribed", "iscritto": "subscribed", "iscritta": "subscribed", "opt-in": "subscribed",
    "pending": "pending", "in attesa": "pending", "da confermare": "pending",
    "unsubscribed": "unsubscribed", "disiscritto": "unsubscribed", "disiscritta": "unsubscribed",
    "opt-out": "unsubscribed", "cancellato": "unsubscribed",
    "bounced": "bounced", "rimbalzato": "bounced", "bounce": "bounced",
}


def parse_status(raw: str) -> str:
    text = raw.strip().lower()
    if text in _STATUS_WORDS:
        return _STATUS_WORDS[text]
    try:
        return "subscribed" if parse_bool(text) else "unsubscribed"
    except ValueError:
        raise BadValue(Msg("value.not_status", {"value": raw, "choices": ", ".join(STATUSES)})) from None


_LANGUAGES = {"italiano": "it", "italian": "it", "inglese": "en", "english": "en", "tedesco": "de",
              "german": "de", "deutsch": "de", "francese": "fr", "french": "fr", "français": "fr",
              "spagnolo": "es", "spanish": "es", "español": "es", "portuguese": "pt", "portoghese": "pt"}


def parse_language(raw: str) -> str:
    text = raw.strip().lower()
    text = _LANGUAGES.get(text, text)
    code = re.split(r"[-_]", text)[0]
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise BadValue(Msg("value.not_language", {"value": raw}))
    return code


def to_db_value(spec: FieldSpec, raw: Any, ctx: ParseContext = ParseContext()) -> Any:
    """The stored value of ``raw`` for ``spec``; empty text means "no value" (``None``)."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raw = str(raw) if not isinstance(raw, (date, datetime, bool, int, float)) else raw
    if isinstance(raw, str):
        raw = raw.strip()
        if raw == "":
            return None
    name = spec.name
    if name == "email":
        return normalize_email(raw)
    if name == "phone":
        return normalize_phone(raw, ctx.country, ctx.phones_international)
    if name in ("email_status", "sms_status"):
        return parse_status(raw)
    if name == "language":
        return parse_language(raw)
    if name == "timezone":
        if not valid_zone(raw):
            raise BadValue(Msg("value.not_zone", {"value": raw}))
        return raw
    if spec.type == "text":
        return str(raw)
    if spec.type == "number":
        return float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else parse_number(str(raw), ctx.decimal)
    if spec.type == "boolean":
        return int(raw) if isinstance(raw, bool) else int(parse_bool(str(raw)))
    if isinstance(raw, str) and spec.type in ("date", "datetime") and raw in _EMPTY_DATES:
        return None  # Outlook's "no birthday"
    if name == "birthday" and isinstance(raw, str):
        return parse_birthday(raw, ctx)
    if spec.type == "date":
        if isinstance(raw, datetime):
            return raw.date().isoformat()
        return (raw if isinstance(raw, date) else parse_date(raw, ctx)).isoformat()
    if spec.type == "datetime":
        if isinstance(raw, datetime):
            return to_db(raw)
        return to_db(parse_datetime(raw, ctx))
    raise ValueError(f"field {name!r} has an unknown type {spec.type!r}")  # pragma: no cover
