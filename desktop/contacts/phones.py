"""Phone numbers as shops' files hold them: with ``+``, with ``00``, national, or with the
country code but without the ``+`` (Brevo's ``33612345678``).

A number is read for the row's own country when the file has a country column (Shopify's
``Default Address Country Code``, WooCommerce's ``billing_country``, MailUp's ``Prefisso
internazionale``) and for the import's country otherwise. A bare run of digits that is a
valid number both as national and as international (with different countries) is never
guessed: the row is reported so the person can add the ``+``.
"""

from __future__ import annotations

import re

import phonenumbers

from desktop.contacts.text import fold
from desktop.errors import BadValue
from desktop.messages import Msg, define

define({
    "phone.not_international": ("{value!r} non è un numero di telefono valido con il prefisso internazionale",
                                "{value!r} is not a valid phone number with its country code"),
    "phone.ambiguous": ("{value!r} potrebbe essere {abroad} ({other}) o un numero di {region}: scrivilo con + e il "
                        "prefisso internazionale",
                        "{value!r} could be {abroad} ({other}) or a number of {region}: write it with + and the "
                        "country code"),
    "phone.letters": ("{value!r} contiene lettere: non è un numero di telefono",
                      "{value!r} contains letters: not a phone number"),
    "phone.not_phone": ("{value!r} non è un numero di telefono", "{value!r} is not a phone number ({error})"),
    "phone.not_valid": ("{value!r} non è un numero di telefono valido per {region} o per l'estero",
                        "{value!r} is not a valid phone number for {region} or abroad"),
})

_SEPARATORS = re.compile(r"[\s\-./()\u00a0]")
_COUNTRY_NAMES = {
    "italia": "IT", "italy": "IT", "italie": "IT", "italien": "IT", "francia": "FR", "france": "FR",
    "frankreich": "FR", "germania": "DE", "germany": "DE", "deutschland": "DE", "allemagne": "DE",
    "spagna": "ES", "spain": "ES", "espana": "ES", "svizzera": "CH", "switzerland": "CH", "schweiz": "CH",
    "suisse": "CH", "austria": "AT", "osterreich": "AT", "regnounito": "GB", "unitedkingdom": "GB",
    "uk": "GB", "inghilterra": "GB", "statiuniti": "US", "unitedstates": "US", "usa": "US",
    "sanmarino": "SM", "belgio": "BE", "belgium": "BE", "paesibassi": "NL", "netherlands": "NL",
    "olanda": "NL", "portogallo": "PT", "portugal": "PT", "grecia": "GR", "greece": "GR",
    "slovenia": "SI", "croazia": "HR", "croatia": "HR", "romania": "RO", "polonia": "PL", "poland": "PL",
}


def region_of(cell: str) -> str | None:
    """The ISO country of a country cell (``IT``, ``Italia``, ``39``, ``+39``), or ``None``."""
    text = cell.strip()
    if not text:
        return None
    digits = text.lstrip("+").replace(" ", "")
    if digits.isdigit():
        region = phonenumbers.region_code_for_country_code(int(digits))
        return None if region == "ZZ" else region
    upper = text.upper()
    if len(upper) == 2 and upper in phonenumbers.SUPPORTED_REGIONS:
        return upper
    return _COUNTRY_NAMES.get(fold(text))


_LENGTHS: dict[str, int] = {}


def _usual_length(region: str) -> int:
    """Digits of a usual mobile number of ``region`` (10 for Italy): only a longer bare number
    can be a country code plus a number, so ordinary national numbers are never questioned."""
    if region not in _LENGTHS:
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        _LENGTHS[region] = len(str(example.national_number)) if example else 15
    return _LENGTHS[region]


def _valid(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_phone(raw: str, country: str = "IT", international: bool = False) -> str:
    """E.164 for ``raw``; ``international`` says the file writes country codes without ``+``."""
    text = raw.strip()
    if any(ch.isalpha() for ch in text):
        # phonenumbers reads letters as a keypad's (347abc1234 -> +393472221234): a number
        # with letters in a shop's list is a typo, never a vanity number to dial.
        raise BadValue(Msg("phone.letters", {"value": raw}))
    if text.startswith("00"):
        text = "+" + text[2:]
    region = country.upper()
    digits = _SEPARATORS.sub("", text)
    if not text.startswith("+") and digits.isdigit() and (international or len(digits) > _usual_length(region)):
        abroad = _valid("+" + digits, None)
        if international:
            if abroad is None:
                raise BadValue(Msg("phone.not_international", {"value": raw}))
            return _e164(abroad)
        here = _valid(text, region)
        if abroad is not None and here is not None and _e164(abroad) != _e164(here):
            other = phonenumbers.region_code_for_number(abroad)
            if other != region:
                raise BadValue(Msg("phone.ambiguous", {
                    "value": raw, "abroad": phonenumbers.format_number(abroad, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
                    "other": other, "region": region}))
            return _e164(here)
        if here is None and abroad is not None:
            return _e164(abroad)  # it starts with a country code: not a number of this country
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise BadValue(Msg("phone.not_phone", {"value": raw, "error": str(exc)})) from None
    if not phonenumbers.is_valid_number(number):
        raise BadValue(Msg("phone.not_valid", {"value": raw, "region": region}))
    return _e164(number)
