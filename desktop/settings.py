"""Every setting declared once — key, type, default, label — and a store that validates on set.

Secrets are not settings: passwords and tokens live in the OS keyring (``desktop.secrets``);
only the user names that look them up are kept here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

import sqlite_utils

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.names import CONTROL
from desktop.timeutil import to_db, valid_zone

define({
    "setting.not_country": ("{value!r} non è un codice di paese di due lettere (es. IT, GB, US)",
                            "{value!r} is not a two-letter country code (e.g. IT, GB, US)"),
    "setting.band_empty": ("{value!r} inizia e finisce alla stessa ora", "{value!r} starts and ends at the same time"),
    "setting.not_band": ("{value!r} non è una fascia oraria come 21:00-09:00", "{value!r} is not a band like 21:00-09:00"),
    "setting.bands_all_day": ("queste fasce di silenzio coprono tutto il giorno: non si potrebbe mai inviare nulla",
                              "these quiet hours cover the whole day; nothing could ever be sent"),
    "setting.bad_address": ("{value!r} non è un indirizzo e-mail valido come negozio@example.com",
                            "{value!r} is not a valid e-mail address like shop@example.com ({error})"),
    "setting.url_markup": ("{value!r} contiene spazi, virgolette o caratteri speciali",
                           "{value!r} contains spaces, quotes or markup characters"),
    "setting.url_not_https": ("{value!r} non è un indirizzo https (es. https://negozio.example/postino)",
                              "{value!r} is not an https address (e.g. https://shop.example/postino)"),
    "setting.url_local": ("{value!r} indica questo computer; i destinatari hanno bisogno di un indirizzo pubblico",
                          "{value!r} points at this computer; recipients need a public address"),
    "setting.url_not_plain": ("{value!r} deve essere un indirizzo semplice, senza ?parametri, #frammento o nome utente",
                              "{value!r} must be a plain address, without ?query, #fragment or user name"),
    "setting.not_file": ("{value!r} non è un file (serve un file PEM con il certificato della CA)",
                         "{value!r} is not a file (a PEM bundle with the CA certificate)"),
    "setting.not_bind_host": ("{value!r} non è un indirizzo IP di questo computer (es. 127.0.0.1, o 0.0.0.0 per tutte le reti)",
                              "{value!r} is not an IP address of this computer (e.g. 127.0.0.1, or 0.0.0.0 for every network)"),
    "setting.not_whole": ("{value!r} non è un numero intero", "{value!r} is not a whole number"),
    "setting.below": ("{value} è sotto il minimo di {minimum}", "{value} is below the minimum {minimum}"),
    "setting.above": ("{value} è sopra il massimo di {maximum}", "{value} is above the maximum {maximum}"),
    "setting.not_bool": ("{value!r} non è né sì né no (true/false)", "{value!r} is not true or false"),
    "setting.control_chars": ("a capo e caratteri di controllo non sono ammessi",
                              "line breaks and control characters are not allowed"),
    "setting.not_choice": ("{value!r} non è tra i valori ammessi: {choices}", "{value!r} is not one of {choices}"),
    "setting.not_zone": ("{value!r} non è un fuso orario: scegline uno dall'elenco, nella forma Continente/Città "
                         "(es. Europe/Rome)",
                         "{value!r} is not a time zone: pick one from the list, written Continent/City "
                         "(e.g. Europe/Rome)"),
    "setting.unknown": ("impostazione sconosciuta {key!r}; `settings list` le mostra tutte",
                        "unknown setting {key!r}; `settings list` shows them all"),
})

_BAND = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class Setting:
    key: str
    type: str  # 'str' | 'int' | 'bool' | 'choice' | 'timezone' | 'country' | 'bands'
    default: Any
    label_en: str
    label_it: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    validate: Callable[[Any], Msg | None] | None = field(default=None, compare=False)
    help_en: str = ""   # a longer note (a tooltip, ``settings list``): what turning it on implies
    help_it: str = ""

    def label(self, language: str = "en") -> str:
        return self.label_it if language == "it" else self.label_en

    def help(self, language: str = "en") -> str:
        return self.help_it if language == "it" else self.help_en


def _country(value: str) -> Msg | None:
    import phonenumbers

    if value.upper() not in phonenumbers.SUPPORTED_REGIONS:
        return Msg("setting.not_country", {"value": value})
    return None


def _bands(value: str) -> Msg | None:
    from desktop.schedule.quiet import mask, parse_band

    bands = []
    for text in filter(None, (b.strip() for b in value.split(","))):
        band = parse_band(text) if _BAND.match(text) else None
        if band is None:
            if _BAND.match(text):
                return Msg("setting.band_empty", {"value": text})
            return Msg("setting.not_band", {"value": text})
        bands.append(band)
    if bands and all(mask(bands)):  # every rule would be quiet all day: nothing could be sent
        return Msg("setting.bands_all_day")
    return None


_CONTROL = CONTROL
_MARKUP = re.compile(r"[\s<>\"'`{}|\\^]")


def _address(value: str) -> Msg | None:
    """An e-mail address as it goes into From / List-Unsubscribe: ``name@domain.tld``, no
    display name, comments or second address."""
    from email_validator import EmailNotValidError, validate_email

    if not value:
        return None
    try:
        validate_email(value, check_deliverability=False, globally_deliverable=False)
    except EmailNotValidError as exc:
        return Msg("setting.bad_address", {"value": value, "error": str(exc)})
    return None


def _https_url(value: str) -> Msg | None:
    """The one-click unsubscribe URL must be https and public (RFC 8058): no plain http, no loopback."""
    if not value:
        return None
    from urllib.parse import urlsplit

    if _MARKUP.search(value):
        return Msg("setting.url_markup", {"value": value})
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        return Msg("setting.url_not_https", {"value": value})
    if parts.hostname in ("localhost", "127.0.0.1", "::1") or parts.hostname.endswith(".localhost"):
        return Msg("setting.url_local", {"value": value})
    if parts.query or parts.fragment or parts.username is not None:
        return Msg("setting.url_not_plain", {"value": value})
    return None


def _bind_host(value: str) -> Msg | None:
    """Where the endpoint listens: an IP address of this computer (or ``localhost``)."""
    import ipaddress

    if value == "localhost":
        return None
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return Msg("setting.not_bind_host", {"value": value})
    if address.is_unspecified or address.is_loopback:
        return None
    return None if _can_bind(value, address.version) else Msg("setting.not_bind_host", {"value": value})


def _can_bind(host: str, version: int) -> bool:
    """Whether this computer has ``host``: the operating system answers by letting us bind a
    throw-away socket to it (8.8.8.8 or another PC's address fail with EADDRNOTAVAIL)."""
    import socket

    family = socket.AF_INET6 if version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((host, 0))
    except OSError:
        return False
    return True


def _ca_bundle(value: str) -> Msg | None:
    if value and not Path(value).expanduser().is_file():
        return Msg("setting.not_file", {"value": value})
    return None


def _update_url(value: str) -> Msg | None:
    from desktop.update_check import url_problem

    return url_problem(value)


S = Setting
DECLARED: tuple[Setting, ...] = (
    S("business.name", "str", "", "Business name", "Nome dell'attività"),
    S("business.timezone", "timezone", "Europe/Rome", "Business time zone", "Fuso orario dell'attività"),
    S("business.country", "country", "IT", "Default country for phone numbers", "Paese predefinito dei numeri di telefono"),
    S("business.quiet_hours", "bands", "21:00-09:00", "Default quiet hours", "Fasce di non disturbo predefinite"),
    S("ui.language", "choice", "it", "Language", "Lingua", choices=("it", "en")),
    S("import.date_order", "choice", "dmy", "Date order in imported files", "Ordine delle date nei file importati", choices=("dmy", "mdy")),
    S("sandbox", "bool", False, "Sandbox: write messages to the outbox folder instead of sending", "Sandbox: scrivi i messaggi nella cartella outbox invece di inviarli"),
    S("smtp.host", "str", "", "SMTP server", "Server SMTP"),
    S("smtp.port", "int", 587, "SMTP port", "Porta SMTP", minimum=1, maximum=65535),
    S("smtp.security", "choice", "starttls", "SMTP security", "Sicurezza SMTP", choices=("ssl", "starttls", "plain")),
    S("smtp.username", "str", "", "SMTP user name", "Nome utente SMTP"),
    S("smtp.sender_email", "str", "", "Sender e-mail address", "Indirizzo e-mail del mittente", validate=_address),
    S("smtp.sender_name", "str", "", "Sender name", "Nome del mittente"),
    S("smtp.per_minute", "int", 60, "E-mails per minute at most", "E-mail al minuto al massimo", minimum=1, maximum=100000),
    S("smtp.daily_cap", "int", 2000, "E-mails per day at most (Gmail allows 2,000)", "E-mail al giorno al massimo (Gmail ne consente 2.000)", minimum=1, maximum=10000000),
    S("twilio.account_sid", "str", "", "Twilio account SID", "SID dell'account Twilio"),
    S("twilio.sender", "str", "", "SMS sender (number or alphanumeric name)", "Mittente SMS (numero o nome alfanumerico)"),
    S("twilio.messaging_service_sid", "str", "", "Twilio Messaging Service SID", "SID del Messaging Service Twilio"),
    S("sms.per_second", "int", 1, "SMS per second at most", "SMS al secondo al massimo", minimum=1, maximum=1000),
    S("sms.daily_cap", "int", 500, "SMS per day at most", "SMS al giorno al massimo", minimum=1, maximum=10000000),
    S("caps.email_per_week", "int", 3, "Marketing e-mails per contact per week (0 = no cap)", "E-mail di marketing per contatto a settimana (0 = nessun limite)", minimum=0, maximum=1000),
    S("caps.sms_per_day", "int", 1, "Marketing SMS per contact per day (0 = no cap)", "SMS di marketing per contatto al giorno (0 = nessun limite)", minimum=0, maximum=1000),
    S("caps.expiry_days", "int", 7, "Drop a capped send after this many days", "Scarta un invio bloccato dal limite dopo questi giorni", minimum=1, maximum=365),
    S("stats.attribution_days", "int", 7, "Attribution window for purchases (days)", "Finestra di attribuzione degli acquisti (giorni)", minimum=1, maximum=90),
    S("service.start_at_login", "bool", False, "Start Postino at login", "Avvia Postino all'accesso"),
    S("service.daily_summary", "bool", False, "Daily summary from the tray icon (yesterday's sends, after 9:00)", "Riepilogo giornaliero dall'icona (invii del giorno prima, dopo le 9:00)"),
    S("engine.paused", "bool", False, "Pause: check no rules and send nothing until resumed", "Pausa: nessun controllo e nessun invio fino alla ripresa"),
    S("endpoint.public_url", "str", "", "Public https address of the endpoint (what your proxy or tunnel forwards here)", "Indirizzo pubblico https del servizio (quello che il proxy o il tunnel inoltra qui)", validate=_https_url,
      help_en="Links in e-mails point here: PUBLIC_URL/unsubscribe/..., /c/... (clicks), /o/... (opens). Your reverse proxy or tunnel forwards them to endpoint.host:endpoint.port.",
      help_it="I link delle e-mail (disiscrizione, clic, aperture) puntano a questo indirizzo; il proxy o il tunnel li inoltra a endpoint.host:endpoint.port."),
    S("endpoint.enabled", "bool", False, "Public endpoint: one-click unsubscribe, click tracking, webhooks", "Servizio pubblico: disiscrizione con un clic, tracciamento dei clic, webhook",
      help_en="Off by default. Needs endpoint.public_url (https) and a reverse proxy or tunnel; while it does not answer, e-mails keep the mailto unsubscribe and untracked links.",
      help_it="Spento di norma. Richiede endpoint.public_url (https) e un proxy o un tunnel; finché non risponde, le e-mail usano la disiscrizione via e-mail e link non tracciati."),
    S("endpoint.host", "str", "127.0.0.1", "Address the endpoint listens on (127.0.0.1: this computer only)", "Indirizzo su cui il servizio è in ascolto (127.0.0.1: solo questo computer)", validate=_bind_host),
    S("endpoint.port", "int", 8765, "Port the endpoint listens on", "Porta su cui il servizio è in ascolto", minimum=1, maximum=65535),
    S("tracking.opens", "bool", False, "Track opens with an invisible image (EU: may need the recipient's consent)", "Traccia le aperture con un'immagine invisibile (UE: può servire il consenso del destinatario)",
      help_en="In the EU, per-person open tracking may need the recipient's consent (ePrivacy). Opens by machines (Apple Mail Privacy Protection, scanners) are recorded apart and never count as opened.",
      help_it="Nell'UE il tracciamento delle aperture per persona può richiedere il consenso del destinatario (ePrivacy). Le aperture automatiche (Apple Mail Privacy Protection, programmi di sicurezza) sono registrate a parte e non contano come aperture."),
    S("unsubscribe.mailbox", "str", "", "Mailbox for unsubscribe requests (empty = the sender address)", "Casella per le richieste di disiscrizione (vuota = l'indirizzo del mittente)", validate=_address),
    S("smtp.ca_bundle", "str", "", "CA bundle file for a private SMTP certificate (optional)", "File dei certificati CA per un server SMTP con certificato privato (facoltativo)", validate=_ca_bundle),
    S("sms.per_minute", "int", 60, "SMS per minute at most", "SMS al minuto al massimo", minimum=1, maximum=100000),
    S("backup.keep", "int", 7, "Daily backups to keep (in the workspace's backups folder)", "Copie giornaliere da conservare (nella cartella backups dell'area di lavoro)", minimum=1, maximum=365),
    S("updates.check_url", "str", "", "Address that says which Postino version is the latest (empty: never check)", "Indirizzo che indica l'ultima versione di Postino (vuoto: non controllare mai)", validate=_update_url),
    S("delivery.max_attempts", "int", 6, "Attempts before a temporary failure becomes final", "Tentativi prima che un errore temporaneo diventi definitivo", minimum=1, maximum=50),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in DECLARED}

_TRUE = {"1", "true", "yes", "on", "si", "sì"}
_FALSE = {"0", "false", "no", "off"}


def coerce(setting: Setting, raw: Any) -> Any:
    """Turn a user's value (usually a string from the CLI or a form) into the setting's type."""
    where = f"setting {setting.key}"
    if setting.type == "int":
        try:
            value: Any = int(str(raw).strip())
        except ValueError:
            raise InputError(Msg("setting.not_whole", {"value": raw}), where) from None
        if setting.minimum is not None and value < setting.minimum:
            raise InputError(Msg("setting.below", {"value": value, "minimum": setting.minimum}), where)
        if setting.maximum is not None and value > setting.maximum:
            raise InputError(Msg("setting.above", {"value": value, "maximum": setting.maximum}), where)
        return value
    if setting.type == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise InputError(Msg("setting.not_bool", {"value": raw}), where)
    value = str(raw).strip()
    if _CONTROL.search(value):  # a line break in a header value would start a new header
        raise InputError(Msg("setting.control_chars"), where)
    if setting.type == "choice" and value not in setting.choices:
        raise InputError(Msg("setting.not_choice", {"value": value, "choices": ", ".join(setting.choices)}), where)
    if setting.type == "timezone" and not valid_zone(value):
        raise InputError(Msg("setting.not_zone", {"value": value}), where)
    if setting.type == "country":
        value = value.upper()
        problem = _country(value)
        if problem:
            raise InputError(problem, where)
    if setting.type == "bands":
        value = value.replace(" ", "")
        problem = _bands(value)
        if problem:
            raise InputError(problem, where)
    problem = setting.validate(value) if setting.validate is not None else None
    if problem:
        raise InputError(problem, where)
    return value


class Settings:
    """Workspace settings in the ``settings`` table; unknown keys are refused on read and write."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    @staticmethod
    def declared(key: str) -> Setting:
        try:
            return BY_KEY[key]
        except KeyError:
            raise InputError(Msg("setting.unknown", {"key": key})) from None

    def get(self, key: str) -> Any:
        setting = self.declared(key)
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else setting.default

    def set(self, key: str, raw: Any, now: datetime) -> Any:
        value = coerce(self.declared(key), raw)
        self._db.execute(
            "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            [key, json.dumps(value), to_db(now)],
        )
        return value

    def all(self) -> dict[str, Any]:
        stored = {k: json.loads(v) for k, v in self._db.execute("SELECT key, value FROM settings")}
        return {s.key: stored.get(s.key, s.default) for s in DECLARED}
