"""A few weeks of engine history for the demo, made by the engine itself.

Statistics and Activity are empty on a fresh demo, so nothing shows what they are for. Here
the demo's sending rules are run over the past weeks exactly as the service would have run
them: the one ``Tick`` (the same "is it due", check, send-time policy, limits and ledger
store), a virtual clock stepping a quarter-hour at a time, and the sandbox channel (e-mails
become files in ``outbox/``; nothing leaves the PC, whatever accounts are set up). Between
steps the shop's website "reports" sign-ups, carts and blog posts, and recipients react to
what was sent — opens, clicks, purchases after a click, a few bounces and unsubscribes —
each written when the virtual clock reaches it, through the events and contacts writers.

Deterministic for a given ``seed`` and ``now``. The rules' on/off switches are put back as
they were afterwards: the demo still sends nothing until the user turns a rule on.
"""

from __future__ import annotations

import heapq
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable
from zoneinfo import ZoneInfo

from desktop.delivery.limits import Limits
from desktop.delivery.sandbox import SandboxChannel
from desktop.demo import event_kind
from desktop.demo_rules import BLOG_FEED
from desktop.messages import Msg, define, text
from desktop.service.tick import Tick, no_lock
from desktop.timeutil import from_db, to_db
from desktop.workspace import Workspace

STEP = timedelta(minutes=15)
STEPS_PER_COMMIT = 96
HISTORY_RULES = ("Benvenuto", "Buon compleanno", "Carrello abbandonato 3 ore", "Carrello abbandonato 24 ore",
                 "Nuovo articolo del blog", "Riattivazione 90 giorni", "Clic recenti")
_POSTS = ((16, "post-43", "Saldi di fine stagione: cosa scegliere"), (6, "post-44", "La guida alle taglie"))
# Names of new sign-ups, first and last drawn apart: ten fixed pairs made the Activity page
# look as if "Luca Fontana" had been welcomed three times (three people of that name).
_FIRST = ("Giulia", "Marco", "Elena", "Luca", "Sara", "Paolo", "Chiara", "Davide", "Anna", "Irene",
          "Tommaso", "Beatrice", "Riccardo", "Noemi", "Emanuele", "Valentina")
_LAST = ("Ferri", "Sala", "Villa", "Fontana", "Caruso", "Rinaldi", "Longo", "Gatti", "Pellegrini", "Testa",
         "Barbieri", "Marchetti", "Fabbri", "Sartori", "Cattaneo", "Benedetti")
_PRODUCTS = (("T-01", "T-shirt", 19.9), ("F-02", "Felpa", 49.0), ("B-04", "Borsa in tela", 24.0),
             ("G-06", "Giacca", 129.0), ("K-07", "Kit regalo", 39.0))
_LINK = "https://shop.example.it/novita"

define({
    "demo.history": ("Storico: passi del motore {steps}, messaggi inviati {sent} (sandbox outbox/); {kinds}",
                     "History: {steps} engine steps, {sent} messages sent (sandbox outbox/); {kinds}"),
})


@dataclass
class HistorySummary:
    steps: int = 0
    sent: int = 0
    events: dict[str, int] = field(default_factory=dict)

    def format(self, language: str = "en") -> str:
        kinds = ", ".join(f"{event_kind(k, language)} {v}" for k, v in sorted(self.events.items()))
        return text(Msg("demo.history", {"steps": self.steps, "sent": self.sent, "kinds": kinds}), language)


@dataclass(order=True)
class _Later:
    """Something that happens at ``at`` (a reaction to a send, an arrival)."""

    at: datetime
    serial: int
    apply: Callable[[], None] = field(compare=False)


def play_history(ws: Workspace, start: datetime, now: datetime, *, seed: int = 7) -> HistorySummary:
    """Run the demo rules from ``start`` to ``now`` on ``ws`` with a virtual clock."""
    enabled = {r.id: r.enabled for r in ws.rules.all()}
    demo_ids = [r.id for r in ws.rules.all() if r.name in HISTORY_RULES]
    history = _History(ws, start, now, random.Random(seed), demo_ids)
    try:
        for rule in ws.rules.all():
            if rule.id in demo_ids and not rule.enabled:
                ws.rules.set_enabled(rule.id, True, start)
        history.run()
    finally:
        for rule_id, was in enabled.items():
            if ws.rules.get(rule_id).enabled != was:
                ws.rules.set_enabled(rule_id, was, now)
    history.summary.sent = ws.db.execute("SELECT count(*) FROM ledger WHERE state = 'sent'").fetchone()[0]
    return history.summary


class _History:
    def __init__(self, ws: Workspace, start: datetime, now: datetime, rng: random.Random,
                 rule_ids: list[int]) -> None:
        self.ws, self.start, self.now, self.rng, self.rule_ids = ws, start, now, rng, rule_ids
        # Machines (Apple's image prefetch, link scanners) draw from their own sequence: whether
        # a machine came by never shifts what the people do.
        self.machines = random.Random(rng.random())
        self.summary = HistorySummary()
        self.zone = ZoneInfo(ws.settings.get("business.timezone"))
        self.virtual = start
        self.queue: list[_Later] = []
        self.serial = 0
        self.last_sent = to_db(start)
        self.reacted: set[int] = set()
        self._when = start  # the moment of the reaction being written
        sandbox = {"email": SandboxChannel("email", ws.outbox_dir), "sms": SandboxChannel("sms", ws.outbox_dir)}
        limits = Limits.from_settings(ws, clock=lambda: (self.virtual - start).total_seconds(), sleep=self._sleep)
        self.tick = Tick(ws, clock=lambda: self.virtual, channels=lambda _ws: sandbox, limits=limits, lock=no_lock)
        self.emails = [r[0] for r in ws.db.execute(
            "SELECT id FROM contacts WHERE email IS NOT NULL AND email_status = 'subscribed' ORDER BY id")]

    def _sleep(self, seconds: float) -> None:
        self.virtual += timedelta(seconds=seconds)

    def _count(self, kind: str) -> None:
        self.summary.events[kind] = self.summary.events.get(kind, 0) + 1

    def later(self, at: datetime, apply: Callable[[], None]) -> None:
        if at < self.now:
            self.serial += 1
            heapq.heappush(self.queue, _Later(at, self.serial, apply))

    def run(self) -> None:
        moment = self.start
        while moment + STEP <= self.now:
            # One commit per virtual day (each change is still its own savepoint): a commit per
            # quarter-hour spent most of the run waiting for the disk.
            with self.ws.transaction():
                for _ in range(STEPS_PER_COMMIT):
                    if moment + STEP > self.now:
                        break
                    moment = self._step(moment)

    def _step(self, lo: datetime) -> datetime:
        moment = lo + STEP
        self._arrivals(lo, moment)
        while self.queue and self.queue[0].at <= moment:
            item = heapq.heappop(self.queue)
            self._when = item.at
            item.apply()
        self.virtual = max(self.virtual, moment)
        self.tick.run(moment, rule_ids=self.rule_ids, dispatch=False)  # only the demo's rules
        if self._anything_due(moment):  # as the simulator: no dispatcher round for nothing
            self.tick.dispatch(moment, rule_ids=self.rule_ids)
            self._react_to_new_sends()
        self.summary.steps += 1
        return moment

    def _anything_due(self, moment: datetime) -> bool:
        return self.ws.db.execute(
            "SELECT 1 FROM ledger WHERE state IN ('planned', 'deferred') AND channel IN ('email', 'sms') "
            "AND due_at <= ? AND rule_id IN (SELECT value FROM json_each(?)) LIMIT 1",
            [to_db(moment), json.dumps(self.rule_ids)]).fetchone() is not None

    # -- what the shop's website reports ------------------------------------------------------
    def _arrivals(self, lo: datetime, hi: datetime) -> None:
        for days, guid, title in _POSTS:
            at = (self.now - timedelta(days=days)).astimezone(self.zone).replace(hour=7, minute=0, second=0)
            if lo < at <= hi:
                self.ws.events.record("rss_item", at, None, ref=guid, uid=f"demo-rss-{guid}",
                                      payload={"feed": BLOG_FEED, "title": title,
                                               "link": f"https://blog.example.it/{guid}"})
                self._count("rss_item")
        hour = hi.astimezone(self.zone).hour
        if 7 <= hour <= 22 and self.rng.random() < 0.05:
            self._sign_up(hi - timedelta(minutes=self.rng.randint(1, 14)))
        if 8 <= hour <= 23 and self.rng.random() < 0.03:
            self._cart(hi - timedelta(minutes=self.rng.randint(1, 14)))

    def _sign_up(self, when: datetime) -> None:
        """A sign-up from the shop's form, with its opt-in ticked: subscribed because they said so."""
        first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
        self.serial += 1
        cid = self.ws.contacts.create({"email": f"{first.lower()}.{last.lower()}.h{self.serial}@example.it",
                                       "first_name": first, "last_name": last, "language": "it",
                                       "registered_at": to_db(when), "email_status": "subscribed",
                                       "sms_status": "pending"}, when)
        self._count("registered")
        if self.rng.random() < 0.7:
            self.ws.groups.add(self.ws.groups.ensure("Newsletter", when), [cid], when)
        self.emails.append(cid)

    def _cart(self, when: datetime) -> None:
        cid = self.rng.choice(self.emails)
        sku, name, price = self.rng.choice(_PRODUCTS)
        ref = f"cart-{cid}-{when:%m%d%H%M}"
        items = [{"sku": sku, "name": name, "qty": 1, "price": price}]
        self.ws.events.record("cart_updated", when, cid, ref=ref, amount=price,
                              payload={"cart_id": ref, "amount": price, "items": items})
        self._count("cart_updated")
        if self.rng.random() < 0.3:  # bought within the hour: no reminder is due
            self.later(when + timedelta(minutes=self.rng.randint(10, 60)),
                       lambda: self._purchase(cid, None, ref, price, items))

    # -- what recipients do with what was sent ----------------------------------------------
    def _react_to_new_sends(self) -> None:
        """Decide, once per e-mail the step sent, what its recipient will do and when."""
        rows = self.ws.db.execute(
            "SELECT id, contact_id, sent_at FROM ledger WHERE state = 'sent' AND channel = 'email' "
            "AND sent_at >= ? ORDER BY sent_at, id", [self.last_sent]).fetchall()
        for ledger_id, contact_id, sent_at in rows:
            if ledger_id not in self.reacted:
                self.reacted.add(ledger_id)
                self._react(ledger_id, contact_id, from_db(sent_at))
            self.last_sent = sent_at

    def _react(self, ledger_id: int, contact_id: int, sent: datetime) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.02:
            self.later(sent + timedelta(minutes=rng.randint(1, 30)), lambda: self._bounce(ledger_id, contact_id))
            return
        self._machines(ledger_id, contact_id, sent)
        if roll > 0.47:
            return
        opened = sent + timedelta(minutes=rng.randint(3, 36 * 60))
        for n in range(rng.choice((1, 1, 1, 2, 3))):
            self.later(opened + timedelta(hours=5 * n), lambda: self._reaction("email_opened", ledger_id, contact_id))
        if rng.random() < 0.04:
            self.later(opened + timedelta(minutes=2), lambda: self._unsubscribe(ledger_id, contact_id))
            return
        if rng.random() > 0.35:
            return
        clicked = opened + timedelta(seconds=rng.randint(10, 900))
        self.later(clicked, lambda: self._reaction("email_clicked", ledger_id, contact_id))
        if rng.random() < 0.35:
            sku, name, price = rng.choice(_PRODUCTS)
            amount = round(price * rng.choice((1, 1, 2, 3)), 2)
            items = [{"sku": sku, "name": name, "qty": amount // price, "price": price}]
            self.later(clicked + timedelta(minutes=rng.randint(2, 600)),
                       lambda: self._purchase(contact_id, ledger_id, None, amount, items))

    def _machines(self, ledger_id: int, contact_id: int, sent: datetime) -> None:
        """About a third of recipients read mail on Apple devices, whose Mail fetches images on
        arrival; a few sit behind a company gateway that follows every link."""
        machines = self.machines
        if machines.random() < 0.3:
            self.later(sent + timedelta(seconds=machines.randint(20, 240)),
                       lambda: self._machine("email_machine_opened", ledger_id, contact_id, "apple_mpp"))
        if machines.random() < 0.04:
            self.later(sent + timedelta(seconds=machines.randint(3, 15)),
                       lambda: self._machine("email_machine_clicked", ledger_id, contact_id, "too_soon"))

    def _machine(self, kind: str, ledger_id: int, contact_id: int, reason: str) -> None:
        extra: dict[str, Any] = {"link": 0, "url": _LINK} if kind == "email_machine_clicked" else {}
        self.ws.events.record(kind, self._when, contact_id, ref=_LINK if extra else str(ledger_id),
                              payload={"ledger_id": ledger_id, **extra, "machine": True, "reason": reason})
        self._count(kind)

    def _reaction(self, kind: str, ledger_id: int, contact_id: int) -> None:
        extra: dict[str, Any] = {"url": _LINK} if kind == "email_clicked" else {}
        self.ws.events.record(kind, self._when, contact_id, ref=_LINK if extra else None,
                              payload={"ledger_id": ledger_id, **extra})
        self._count(kind)

    def _purchase(self, contact_id: int, ledger_id: int | None, cart: str | None, amount: float,
                  items: list[dict[str, Any]]) -> None:
        self.serial += 1
        order = f"H-{self.serial}"
        payload: dict[str, Any] = {"order_id": order, "amount": amount, "items": items}
        if cart:
            payload["cart_id"] = cart
        self.ws.events.record("purchase", self._when, contact_id, ref=order, amount=amount, payload=payload)
        self._count("purchase")

    def _bounce(self, ledger_id: int, contact_id: int) -> None:
        self.ws.events.record("email_bounced", self._when, contact_id, ref=str(ledger_id),
                              payload={"ledger_id": ledger_id, "hard": True, "status": "5.1.1"})
        self._status(contact_id, "bounced")
        self._count("email_bounced")

    def _unsubscribe(self, ledger_id: int, contact_id: int) -> None:
        self.ws.events.record("unsubscribed", self._when, contact_id, ref="email",
                              payload={"channel": "email", "ledger_id": ledger_id, "via": "link"})
        self._status(contact_id, "unsubscribed")
        self._count("unsubscribed")

    def _status(self, contact_id: int, status: str) -> None:
        if (self.ws.contacts.get(contact_id) or {}).get("email_status") not in ("unsubscribed", "bounced"):
            self.ws.contacts.update(contact_id, {"email_status": status}, self._when)
