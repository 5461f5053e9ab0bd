"""Column presets for the contact exports shops already have, detected from the header.

Each preset names, by header, where the tool's columns go (fields, groups, consent, the
row's country, the opt-in date) and how the tool writes values (Mailchimp's ``MM/DD``
birthdays and quoted tags, Google's ``:::`` multi-values, Brevo's phone numbers with the
country code but no ``+``). Headers are compared folded, so ``E-mail 1 - Value`` and
``e-mail 1 - value`` meet. The formats follow each tool's export documentation, cited in
``tests/fixtures/imports/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from desktop.contacts.text import fold

# Targets a column can have beyond the contact fields themselves.
FULL_NAME = "full_name"  # split into first and last name when the file has no name columns
COUNTRY = "country"  # the row's country, for its phone numbers (also kept as a custom field)
OPTIN_AT = "optin_at"  # when the person opted in: the only thing that undoes a Postino unsubscribe
PSEUDO_TARGETS = (FULL_NAME, COUNTRY, OPTIN_AT, "email_blocked", "sms_blocked")


@dataclass(frozen=True)
class Preset:
    name: str
    label: str
    signatures: tuple[frozenset[str], ...]  # any one of these sets of folded headers identifies it
    columns: Mapping[str, str | None]  # folded header -> target (None: ignored)
    date_orders: Mapping[str, str] = field(default_factory=dict)  # target -> "dmy" / "mdy"
    phones_international: bool = False
    multi_value: str | None = None  # separator of several values in one cell (first one kept)
    group_split: str | None = None  # separator of group names (default: | else ,)
    skip_groups: tuple[str, ...] = ()  # system labels that are not groups

    def target(self, header: str) -> tuple[bool, str | None]:
        """``(known, target)`` for one header of this preset's files."""
        key = fold(header)
        return (key in self.columns, self.columns.get(key))


def _cols(pairs: dict[str, str | None]) -> dict[str, str | None]:
    return {fold(k): v for k, v in pairs.items()}


def _sig(*sets: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(fold(h) for h in s) for s in sets)


_MAILCHIMP_IGNORED = ("OPTIN_IP", "CONFIRM_IP", "LATITUDE", "LONGITUDE", "GMTOFF", "DSTOFF", "LEID", "EUID",
                      "UNSUB_CAMPAIGN_ID", "CLEAN_CAMPAIGN_ID", "LAST_CHANGED", "MEMBER_RATING")

CONTACT_PRESETS: tuple[Preset, ...] = (
    Preset("shopify-customers", "Shopify customers",
           _sig(("Accepts Email Marketing", "Default Address Country Code"), ("Accepts Marketing", "Total Spent")),
           _cols({"Customer ID": None, "First Name": "first_name", "Last Name": "last_name", "Email": "email",
                  "Accepts Email Marketing": "email_status", "Accepts Marketing": "email_status",
                  "Accepts SMS Marketing": "sms_status", "Phone": "phone", "Default Address Phone": None,
                  "Default Address Country Code": COUNTRY, "Country Code": COUNTRY, "Tags": "groups",
                  "Tax Exempt": None})),
    Preset("woocommerce-customers", "WooCommerce customers (Analytics download)",
           _sig(("Username", "Last active", "Date registered", "Total spend")),
           _cols({"Name": FULL_NAME, "Username": None, "Date registered": "registered_at",
                  "Country / Region": COUNTRY, "Email": "email"})),
    Preset("woocommerce-customers-export", "WooCommerce customers (Customer/Order CSV Export)",
           _sig(("user_login", "billing_email", "date_registered"), ("customer_id", "billing_country", "total_spent")),
           _cols({"customer_id": None, "user_login": None, "user_pass": None, "email": "email",
                  "first_name": "first_name", "last_name": "last_name", "billing_email": None,
                  "billing_first_name": None, "billing_last_name": None, "billing_full_name": None,
                  "billing_phone": "phone", "billing_country": COUNTRY, "date_registered": "registered_at"})),
    Preset("mailchimp", "Mailchimp audience",
           _sig(("Email Address", "MEMBER_RATING", "OPTIN_TIME"), ("Email Address", "LEID", "EUID")),
           _cols({"Email Address": "email", "First Name": "first_name", "Last Name": "last_name",
                  "Phone Number": "phone", "Birthday": "birthday", "OPTIN_TIME": "registered_at",
                  "CONFIRM_TIME": OPTIN_AT, "TIMEZONE": None, "CC": COUNTRY, "TAGS": "groups",
                  **{h: None for h in _MAILCHIMP_IGNORED}}),
           date_orders={"birthday": "mdy"}, group_split="quoted"),
    Preset("mailup", "MailUp recipients",
           _sig(("Prefisso internazionale",), ("OptOut_Date", "optout_type")),
           _cols({"Email": "email", "Indirizzo email": "email", "Cellulare": "phone", "Numero di cellulare": "phone",
                  "Prefisso internazionale": COUNTRY, "Nome": "first_name", "Cognome": "last_name",
                  "Data iscrizione": "registered_at", "Data consenso": OPTIN_AT, "idList": None,
                  "optout_nl": None, "optout_type": None, "optout_subtype": None})),
    Preset("brevo", "Brevo contacts",
           _sig(("EMAIL_BLACKLISTED",), ("SMS_BLACKLISTED",)),
           _cols({"EMAIL": "email", "SMS": "phone", "FIRSTNAME": "first_name", "LASTNAME": "last_name",
                  "NOME": "first_name", "COGNOME": "last_name", "EMAIL_BLACKLISTED": "email_blocked",
                  "SMS_BLACKLISTED": "sms_blocked", "ADDED_TIME": "registered_at", "MODIFIED_TIME": None,
                  "CONTACT ID": None, "DOUBLE_OPT-IN": None}),
           phones_international=True),
    Preset("google-contacts", "Google Contacts",
           _sig(("E-mail 1 - Value",), ("Phone 1 - Value", "Labels")),
           _cols({"Name": FULL_NAME, "Given Name": "first_name", "Family Name": "last_name",
                  "First Name": "first_name", "Last Name": "last_name", "E-mail 1 - Value": "email",
                  "Phone 1 - Value": "phone", "Labels": "groups", "Group Membership": "groups",
                  "Birthday": "birthday", "E-mail 1 - Label": None, "E-mail 1 - Type": None,
                  "Phone 1 - Label": None, "Phone 1 - Type": None, "Photo": None, "File As": None}),
           multi_value=" ::: ", group_split=" ::: ", skip_groups=("* mycontacts", "* starred", "mycontacts")),
    Preset("outlook", "Outlook contacts",
           _sig(("E-mail Address", "Mobile Phone", "Categories"), ("E-mail Address", "Given Yomi")),
           _cols({"First Name": "first_name", "Last Name": "last_name", "E-mail Address": "email",
                  "Mobile Phone": "phone", "Birthday": "birthday", "Categories": "groups",
                  "Home Country/Region": COUNTRY, "E-mail Display Name": None, "E-mail Type": None}),
           date_orders={"birthday": "mdy", "registered_at": "mdy"}, group_split=";"),
    Preset("prestashop", "PrestaShop customers",
           _sig(("Social title", "Partner offers"), ("Titolo", "Offerte dei partner")),
           _cols({"ID": None, "Social title": None, "Titolo": None, "First name": "first_name", "Nome": "first_name",
                  "Last name": "last_name", "Cognome": "last_name", "Email": "email", "Indirizzo email": "email",
                  "Newsletter": "email_status", "Partner offers": None, "Offerte dei partner": None,
                  "Registration": "registered_at", "Registrazione": "registered_at", "Enabled": None,
                  "Abilitato": None})),
)


def detect_preset(headers: list[str], presets: tuple[Preset, ...] = CONTACT_PRESETS) -> Preset | None:
    """The preset whose signature columns are all in the header, or ``None``."""
    folded = {fold(h) for h in headers}
    for preset in presets:
        if any(sig <= folded for sig in preset.signatures):
            return preset
    return None


def preset_named(name: str, presets: tuple[Preset, ...] = CONTACT_PRESETS) -> Preset | None:
    return next((p for p in presets if p.name == name), None)
