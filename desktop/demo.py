"""A demo workspace a shop owner (or a developer) can try every feature on without real data.

Deterministic for a given ``seed`` and ``now``, so screenshots, tests and simulations of the
demo are repeatable. Addresses use the reserved ``example.*`` domains so nothing real is
ever mailed; phone numbers are valid for their country (rules and fallbacks need that), so
keep the demo in sandbox mode.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import phonenumbers

from desktop import demo_messages  # noqa: F401  (registers the codes this module raises)
from desktop.errors import InputError
from desktop.messages import Msg, define, text
from desktop.timeutil import to_db
from desktop.workspace import Workspace

GROUPS = ("Clienti", "Newsletter", "VIP", "Hanno cliccato", "Da riattivare")

# code, weight, language, zones (several for big countries), first names, last names
_COUNTRIES: tuple[tuple[str, int, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("IT", 55, "it", ("Europe/Rome",),
     ("Mario", "Giulia", "Luca", "Francesca", "Marco", "Chiara", "Andrea", "Sara", "Matteo", "Elena",
      "Niccolò", "Martina", "Davide", "Alessia", "Federico", "Giorgia", "Paolo", "Anna", "Simone", "Ilaria"),
     ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
      "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti")),
    ("GB", 9, "en", ("Europe/London",), ("Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily"),
     ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas")),
    ("US", 9, "en", ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
     ("James", "Olivia", "Michael", "Emma", "Ethan", "Sophia", "Noah", "Mia"),
     ("Johnson", "Miller", "Davis", "Garcia", "Martinez", "Anderson", "Clark", "Lewis")),
    ("DE", 6, "de", ("Europe/Berlin",), ("Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Sophie"),
     ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker")),
    ("FR", 6, "fr", ("Europe/Paris",), ("Louis", "Chloé", "Hugo", "Léa", "Arthur", "Manon", "Jules", "Camille"),
     ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand")),
    ("ES", 5, "es", ("Europe/Madrid", "Atlantic/Canary"), ("Hugo", "Lucía", "Mateo", "Sofía", "Pablo", "Martina"),
     ("García", "Fernández", "González", "Rodríguez", "López", "Martínez")),
    ("AU", 4, "en", ("Australia/Sydney", "Australia/Perth", "Australia/Brisbane"),
     ("Jack", "Charlotte", "William", "Olivia", "Thomas", "Ruby"), ("Smith", "Kelly", "Nguyen", "Walker", "Ryan")),
    ("IN", 3, "en", ("Asia/Kolkata",), ("Aarav", "Diya", "Vivaan", "Ananya", "Arjun", "Saanvi"),
     ("Sharma", "Patel", "Singh", "Kumar", "Gupta", "Iyer")),
    ("BR", 3, "pt", ("America/Sao_Paulo", "America/Manaus"), ("Miguel", "Alice", "Arthur", "Helena", "Davi", "Laura"),
     ("Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira")),
)
_DOMAINS = ("example.com", "example.it", "example.org", "example.net", "mail.example.com")
_PRODUCTS = (("T-01", "T-shirt", 19.9), ("F-02", "Felpa", 49.0), ("C-03", "Cappellino", 15.5),
             ("B-04", "Borsa in tela", 24.0), ("S-05", "Sciarpa", 29.9), ("G-06", "Giacca", 129.0),
             ("K-07", "Kit regalo", 39.0), ("M-08", "Tazza", 9.5))
_LINKS = ("https://shop.example.it/saldi", "https://shop.example.it/novita", "https://shop.example.it/carrello",
          "https://shop.example.it/blog/guida-taglie", "https://shop.example.it/regali")
_CITIES = {"IT": ("Milano", "Roma", "Torino", "Napoli", "Bologna", "Firenze", "Bari", "Verona"),
           "GB": ("London", "Manchester", "Leeds"), "US": ("New York", "Chicago", "Austin", "Seattle"),
           "DE": ("Berlin", "München", "Hamburg"), "FR": ("Paris", "Lyon", "Nantes"), "ES": ("Madrid", "Sevilla"),
           "AU": ("Sydney", "Perth"), "IN": ("Mumbai", "Bengaluru"), "BR": ("São Paulo", "Manaus")}

# Event types in words, for the demo's summary lines.
_KINDS = {f"demo.kind.{kind}": (italian, kind) for kind, italian in {  # English: the type's own id, as before
    "registered": "iscrizioni", "purchase": "acquisti", "cart_updated": "carrelli aggiornati",
    "field_changed": "campi cambiati", "email_sent": "e-mail inviate", "email_opened": "e-mail aperte",
    "email_clicked": "clic nelle e-mail", "email_bounced": "e-mail respinte",
    "email_machine_opened": "aperture automatiche", "email_machine_clicked": "clic automatici", "sms_sent": "SMS inviati", "sms_delivered": "SMS consegnati",
    "sms_failed": "SMS non consegnati", "unsubscribed": "disiscrizioni", "rss_item": "nuovi articoli RSS",
    "custom": "eventi personalizzati",
}.items()}
define(_KINDS)


@dataclass
class DemoSummary:
    """What the demo created, so later steps (templates, rules) can refer to it."""

    contact_ids: list[int] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)
    custom_fields: list[str] = field(default_factory=list)
    events: dict[str, int] = field(default_factory=dict)
    birthdays_soon: list[int] = field(default_factory=list)  # birthday in the next 7 days from now
    leap_day_birthday: int | None = None
    abandoned_carts: list[int] = field(default_factory=list)

    def format(self, language: str = "en") -> str:
        say = lambda code, **params: text(Msg(code, params), language)  # noqa: E731
        lines = [say("demo.summary", count=len(self.contact_ids))]
        lines += ["  " + say("demo.group", name=name, id=gid) for name, gid in self.groups.items()]
        lines += ["  " + say("demo.events", kind=event_kind(kind, language), count=count)
                  for kind, count in sorted(self.events.items())]
        lines.append("  " + say("demo.birthdays_soon", count=len(self.birthdays_soon)))
        lines.append("  " + say("demo.abandoned_carts", count=len(self.abandoned_carts)))
        return "\n".join(lines)


def event_kind(kind: str, language: str) -> str:
    """An event type in words (``purchase`` -> "acquisti"); an unknown type shows its id."""
    code = f"demo.kind.{kind}"
    return text(Msg(code), language) if code in _KINDS else kind


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isalnum() and ord(c) < 128).lower()


def _phone(rng: random.Random, region: str, used: set[str]) -> str:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    digits = str(example.national_number)
    for _ in range(50):
        tail = "".join(rng.choice("0123456789") for _ in range(5))
        candidate = phonenumbers.PhoneNumber(country_code=example.country_code,
                                             national_number=int(digits[:-5] + tail))
        text = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)
        if phonenumbers.is_valid_number(candidate) and text not in used:
            used.add(text)
            return text
    raise RuntimeError(f"could not make a valid {region} mobile number")  # pragma: no cover


def _birthday(rng: random.Random, index: int, now: datetime) -> date | None:
    if index == 3:
        return date(1992, 2, 29)
    if index % 40 == 7:  # a handful within the next days, so birthday rules have work
        soon = now.date() + timedelta(days=1 + (index // 40) % 7)
        year = rng.randint(1960, 2004)
        try:
            return soon.replace(year=year)
        except ValueError:
            return soon.replace(year=year, day=28)
    if rng.random() < 0.15:
        return None
    return date(1950, 1, 1) + timedelta(days=rng.randint(0, 20000))


def _pick_country(rng: random.Random):
    return rng.choices(_COUNTRIES, weights=[c[1] for c in _COUNTRIES])[0]


def build_demo(ws: Workspace, now: datetime, *, contacts: int = 300, seed: int = 7,
               force: bool = False) -> DemoSummary:
    """Fill ``ws`` with demo contacts, groups and a year of events, in one transaction."""
    if contacts < 1:
        raise InputError(Msg("demo.needs_contacts"), "--contacts")
    existing = ws.contacts.count()
    if existing and not force:
        raise InputError(Msg("demo.not_empty", {"count": existing}))
    rng = random.Random(seed)
    summary = DemoSummary()
    try:
        with ws.transaction():
            _fill(ws, now, rng, summary, contacts)
    finally:
        ws.fields.invalidate()  # a rolled-back custom field must not stay in the cache
    return summary


def _fill(ws: Workspace, now: datetime, rng: random.Random, summary: DemoSummary, contacts: int) -> None:
    labels = {"city": ("text", "Città"), "loyalty_points": ("number", "Punti fedeltà")}
    for name, (type_, label) in labels.items():
        ws.fields.add_custom(name, type_, now, label=label)
        summary.custom_fields.append(name)
    summary.groups = {name: ws.groups.ensure(name, now) for name in GROUPS}
    _Builder(ws, now, rng, summary).run(contacts)


class _Builder:
    def __init__(self, ws: Workspace, now: datetime, rng: random.Random, summary: DemoSummary) -> None:
        self.ws, self.now, self.rng, self.summary = ws, now, rng, summary
        self.phones: set[str] = set()
        self.order = 10000

    def _event(self, kind: str, when: datetime, contact_id: int, **extra) -> None:
        self.ws.events.record(kind, when, contact_id, **extra)
        self.summary.events[kind] = self.summary.events.get(kind, 0) + 1

    def run(self, count: int) -> None:
        spend: dict[int, float] = {}
        last_seen: dict[int, datetime] = {}
        newsletter, buyers = [], []
        for index in range(count):
            cid, registered, emailable = self._contact(index)
            total, last = self._purchases(cid, registered)
            self._cart(cid, registered)
            opened = self._opens(cid, registered) if emailable else None
            if total:
                spend[cid] = total
                buyers.append(cid)
            seen = max(d for d in (last, opened, registered) if d is not None)
            last_seen[cid] = seen
            if emailable and self.rng.random() < 0.7:
                newsletter.append(cid)
        groups, ws, now = self.summary.groups, self.ws, self.now
        ws.groups.add(groups["Clienti"], buyers, now)
        ws.groups.add(groups["Newsletter"], newsletter, now)
        top = sorted(spend, key=lambda c: (-spend[c], c))[: max(1, len(spend) // 10)] if spend else []
        ws.groups.add(groups["VIP"], top, now)
        stale = [c for c in buyers if last_seen[c] < now - timedelta(days=120)]
        ws.groups.add(groups["Da riattivare"], stale, now)

    def _contact(self, index: int) -> tuple[int, datetime, bool]:
        rng, now = self.rng, self.now
        code, _, language, zones, firsts, lasts = _pick_country(rng)
        first, last = rng.choice(firsts), rng.choice(lasts)
        registered = now - timedelta(days=rng.uniform(0, 365))
        if index % 50 == 11:
            registered = now - timedelta(hours=rng.uniform(2, 60))  # a few brand-new sign-ups
        email = None if rng.random() < 0.08 else \
            f"{_ascii(first)}.{_ascii(last)}{index}@{rng.choice(_DOMAINS)}"
        while email and self.ws.contacts.find(email):  # only with --force on a used workspace
            email = email.replace("@", "x@")
        phone = self._phone_or_none(code, email)
        email_status = "subscribed"
        roll = rng.random()
        if roll < 0.04:
            email_status = "unsubscribed"
        elif roll < 0.06:
            email_status = "bounced"
        elif roll < 0.09:
            email_status = "pending"
        sms_status = "unsubscribed" if rng.random() < 0.03 else "subscribed"
        birthday = _birthday(rng, index, now)
        values = {"email": email, "phone": phone, "first_name": first, "last_name": last,
                  "language": language, "timezone": rng.choice(zones) if rng.random() > 0.12 else None,
                  "birthday": birthday.isoformat() if birthday else None, "registered_at": to_db(registered),
                  "email_status": email_status, "sms_status": sms_status,
                  "city": rng.choice(_CITIES[code]), "loyalty_points": float(rng.randint(0, 40) * 25)}
        cid = self.ws.contacts.create({k: v for k, v in values.items() if v is not None}, now)
        self.summary.contact_ids.append(cid)
        self.summary.events["registered"] = self.summary.events.get("registered", 0) + 1
        if birthday and index % 40 == 7:
            self.summary.birthdays_soon.append(cid)
        if index == 3:
            self.summary.leap_day_birthday = cid
        if email_status in ("unsubscribed", "bounced"):
            when = registered + (now - registered) * rng.uniform(0.3, 0.95)
            kind = "unsubscribed" if email_status == "unsubscribed" else "email_bounced"
            self._event(kind, when, cid, ref="email", payload={"channel": "email"})
        return cid, registered, bool(email) and email_status in ("subscribed", "pending")

    def _phone_or_none(self, code: str, email: str | None) -> str | None:
        if email is not None and self.rng.random() < 0.2:
            return None
        return _phone(self.rng, code, self.phones)

    def _items(self) -> tuple[list[dict], float]:
        picked = self.rng.sample(_PRODUCTS, self.rng.randint(1, 3))
        items = [{"sku": sku, "name": name, "qty": self.rng.randint(1, 2), "price": price}
                 for sku, name, price in picked]
        return items, round(sum(i["qty"] * i["price"] for i in items), 2)

    def _purchases(self, cid: int, registered: datetime) -> tuple[float, datetime | None]:
        if self.rng.random() > 0.45:
            return 0.0, None
        total, last = 0.0, None
        for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3, 4, 6))):
            when = registered + (self.now - registered) * self.rng.random()
            items, amount = self._items()
            self.order += 1
            ref = f"D-{self.order}"
            self._event("purchase", when, cid, ref=ref, amount=amount,
                        payload={"order_id": ref, "amount": amount, "items": items})
            total += amount
            last = when if last is None or when > last else last
        return total, last

    def _cart(self, cid: int, registered: datetime) -> None:
        if self.rng.random() > 0.2:
            return
        recent = self.rng.random() < 0.4
        span = min(self.now - registered, timedelta(days=300))
        when = self.now - (timedelta(hours=self.rng.uniform(1, 48)) if recent else span * self.rng.random())
        when = max(when, registered)
        items, amount = self._items()
        ref = f"cart-{cid}"
        self._event("cart_updated", when, cid, ref=ref, amount=amount,
                    payload={"cart_id": ref, "amount": amount, "items": items})
        if not recent and self.rng.random() < 0.5:  # converted: the purchase follows the cart
            self.order += 1
            order = f"D-{self.order}"
            self._event("purchase", when + timedelta(minutes=self.rng.randint(5, 90)), cid, ref=order,
                        amount=amount, payload={"order_id": order, "amount": amount, "items": items, "cart_id": ref})
        else:
            self.summary.abandoned_carts.append(cid)

    def _opens(self, cid: int, registered: datetime) -> datetime | None:
        if self.rng.random() > 0.6:
            return None
        last = None
        for _ in range(self.rng.randint(1, 15)):
            when = registered + (self.now - registered) * self.rng.random()
            self._event("email_opened", when, cid, payload={"rule": "Newsletter"}, ref="Newsletter")
            if self.rng.random() < 0.35:
                url = self.rng.choice(_LINKS)
                self._event("email_clicked", when + timedelta(seconds=self.rng.randint(10, 600)), cid,
                            ref=url, payload={"url": url, "rule": "Newsletter"})
            last = when if last is None or when > last else last
        return last
