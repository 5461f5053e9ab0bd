"""Screenshots of every main screen, on a fresh demo workspace with four weeks of history.

    xvfb-run -a .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--language en|it]

The history is made by the engine itself: the demo is built four weeks ago, new sign-ups,
carts and blog posts arrive over those weeks, ``run_cycle`` checks the rules and sends through
the sandbox channels every hour of them, and the sent e-mails get opens, clicks and purchases
recorded as events — the statistics triggers count everything, nothing is written into the
summary tables by hand. Then the real ``MainWindow`` opens on the workspace and each screen
is saved with ``QWidget.grab()``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.delivery.setup import channels_from_settings  # noqa: E402
from desktop.demo import build_demo  # noqa: E402
from desktop.demo_rules import BLOG_FEED, add_demo_rules  # noqa: E402
from desktop.service.cycle import run_cycle  # noqa: E402
from desktop.timeutil import from_db, to_db  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

HISTORY_DAYS = 28
ROME = ZoneInfo("Europe/Rome")  # the demo's business zone
STEP = timedelta(hours=1)
ENABLED = ("Benvenuto", "Buon compleanno", "Carrello abbandonato 3 ore", "Carrello abbandonato 24 ore",
           "Nuovo articolo del blog", "Clic recenti")
POSTS = ((22, "post-43", "Saldi di fine stagione: cosa scegliere"), (13, "post-44", "La guida alle taglie"),
         (4, "post-45", "Idee regalo sotto i 30 euro"))
NAMES = (("Giulia", "Ferri"), ("Marco", "Sala"), ("Elena", "Villa"), ("Luca", "Fontana"), ("Sara", "Caruso"),
         ("Paolo", "Rinaldi"), ("Chiara", "Longo"), ("Davide", "Gatti"), ("Anna", "Pellegrini"), ("Irene", "Testa"))
PRODUCTS = (("T-01", "T-shirt", 19.9), ("F-02", "Felpa", 49.0), ("B-04", "Borsa in tela", 24.0),
            ("G-06", "Giacca", 129.0), ("K-07", "Kit regalo", 39.0))


# --- the history --------------------------------------------------------------------------------
def _arrivals(ws: Workspace, rng: random.Random, lo: datetime, hi: datetime, now: datetime,
              emails: list[int], serial: list[int]) -> None:
    """What the shop's website reports in (lo, hi]: sign-ups, carts, blog posts."""
    for days, guid, title in POSTS:
        at = (now - timedelta(days=days)).replace(hour=6, minute=0, second=0)
        if lo < at <= hi:
            ws.events.record("rss_item", at, None, ref=guid, uid=f"shot-rss-{guid}",
                             payload={"feed": BLOG_FEED, "title": title, "link": f"https://blog.example.it/{guid}"})
    local_hour = hi.astimezone(ROME).hour
    if 7 <= local_hour <= 22 and rng.random() < 0.22:
        first, last = rng.choice(NAMES)
        serial[0] += 1
        when = hi - timedelta(minutes=rng.randint(1, 59))
        cid = ws.contacts.create({"email": f"{first.lower()}.{last.lower()}.{serial[0]}@example.it",
                                  "first_name": first, "last_name": last, "language": "it",
                                  "registered_at": to_db(when), "email_status": "subscribed"}, when)
        newsletter = ws.groups.ensure("Newsletter", when)
        if rng.random() < 0.7:
            ws.groups.add(newsletter, [cid], when)
    if 8 <= local_hour <= 23 and rng.random() < 0.12:
        cid = rng.choice(emails)
        sku, name, price = rng.choice(PRODUCTS)
        when = hi - timedelta(minutes=rng.randint(1, 59))
        ref = f"cart-{cid}-{when:%m%d%H}"
        ws.events.record("cart_updated", when, cid, ref=ref, amount=price,
                         payload={"cart_id": ref, "amount": price, "items": [{"sku": sku, "name": name,
                                                                             "qty": 1, "price": price}]})


def _reactions(ws: Workspace, rng: random.Random, now: datetime) -> dict[str, int]:
    """Opens, clicks and purchases for the e-mails the engine sent, as tracking would record them."""
    counts = {"email_opened": 0, "email_clicked": 0, "purchase": 0}
    rows = ws.db.execute("SELECT id, contact_id, rule_id, sent_at FROM ledger "
                         "WHERE state = 'sent' AND channel = 'email' ORDER BY id").fetchall()
    with ws.transaction():
        for ledger_id, contact, rule_id, sent_at in rows:
            sent = from_db(sent_at)
            if rng.random() > 0.48:
                continue
            opened = sent + timedelta(minutes=rng.randint(3, 36 * 60))
            for n in range(rng.choice((1, 1, 1, 2, 3))):
                at = opened + timedelta(hours=5 * n)
                if at < now:
                    ws.events.record("email_opened", at, contact, payload={"ledger_id": ledger_id},
                                     uid=f"shot-open-{ledger_id}-{n}")
                    counts["email_opened"] += 1
            if rng.random() > 0.32:
                continue
            clicked = opened + timedelta(seconds=rng.randint(10, 900))
            if clicked < now:
                ws.events.record("email_clicked", clicked, contact, ref="https://shop.example.it/novita",
                                 payload={"ledger_id": ledger_id, "url": "https://shop.example.it/novita"},
                                 uid=f"shot-click-{ledger_id}")
                counts["email_clicked"] += 1
            if rng.random() < 0.35:
                bought = clicked + timedelta(minutes=rng.randint(2, 600))
                sku, name, price = rng.choice(PRODUCTS)
                amount = round(price * rng.choice((1, 1, 2, 3)), 2)
                if bought < now:
                    ws.events.record("purchase", bought, contact, ref=f"S-{ledger_id}", amount=amount,
                                     payload={"order_id": f"S-{ledger_id}", "amount": amount,
                                              "items": [{"sku": sku, "name": name, "qty": 1, "price": price}]},
                                     uid=f"shot-buy-{ledger_id}")
                    counts["purchase"] += 1
    return counts


def build_workspace(folder: Path, now: datetime, seed: int = 11) -> Workspace:
    ws = Workspace.open(folder)
    start = now - timedelta(days=HISTORY_DAYS)
    ws.settings.set("sandbox", True, start)
    ws.settings.set("business.name", "Bottega Rossi", start)
    build_demo(ws, start)
    add_demo_rules(ws, start)
    for name in ENABLED:
        ws.rules.set_enabled(ws.rules.find(name).id, True, start)
    rng = random.Random(seed)
    channels = channels_from_settings(ws)
    serial = [0]
    emails = [r[0] for r in ws.db.execute(
        "SELECT id FROM contacts WHERE email IS NOT NULL AND email_status = 'subscribed' ORDER BY id")]
    moment, began, cycles = start, time.monotonic(), 0
    while moment + STEP <= now:
        with ws.transaction():
            _arrivals(ws, rng, moment, moment + STEP, now, emails, serial)
        moment += STEP
        run_cycle(ws, moment, channels, only_due=False)
        cycles += 1
    reactions = _reactions(ws, rng, now)
    sent = ws.db.execute("SELECT count(*) FROM ledger WHERE state = 'sent'").fetchone()[0]
    print(f"history: {cycles} engine cycles, {sent} sends, {serial[0]} sign-ups, {reactions} "
          f"in {time.monotonic() - began:.1f} s")
    return ws


# --- the screens ----------------------------------------------------------------------------------
def settle(app, ms: int = 400) -> None:
    """Let timers (debounced previews, live counts) fire and the window repaint."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def save(widget, path: Path, app) -> None:
    settle(app)
    pixmap = widget.grab()
    if not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
          f"{pixmap.width()}x{pixmap.height()}, {path.stat().st_size // 1024} KB")


def shoot(ws: Workspace, out: Path, language: str) -> None:
    from PySide6.QtCore import QDateTime

    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.ops import OpRunner
    from ui.resources import LANGUAGE
    from ui.rules.wizard import RECIPIENTS, SUMMARY

    app = make_application([sys.argv[0]])
    app.setStyle("Fusion")
    ws.settings.set("ui.language", language, datetime.now(timezone.utc))
    LANGUAGE.switch(language)
    runner = OpRunner.synchronous(ws)
    window = MainWindow(ws, runner)  # its window.ini goes to the temporary workspace
    window.resize(1440, 900)
    window.show()
    settle(app, 800)
    out.mkdir(parents=True, exist_ok=True)

    rules = window.show_section("rules")
    rules.select_rule("Riattivazione 90 giorni")
    save(window, out / "rules.png", app)
    rules.open_editor(ws.rules.find("Riattivazione 90 giorni").id)
    settle(app, 600)
    wizard = rules.wizard
    wizard.resize(980, 720)
    while wizard.currentId() < RECIPIENTS:
        wizard.next()
    save(wizard, out / "rule-wizard-recipients.png", app)
    while wizard.currentId() < SUMMARY:
        wizard.next()
    settle(app, 600)
    save(wizard, out / "rule-wizard-summary.png", app)
    wizard.reject()

    window.show_section("contacts")
    save(window, out / "contacts.png", app)
    window.show_section("groups").select_group("VIP")
    save(window, out / "groups.png", app)
    templates = window.show_section("templates")
    templates.select_template("Carrello 3 ore")
    settle(app, 900)
    save(window, out / "templates.png", app)

    simulation = window.show_section("simulation")
    simulation.start.setDateTime(QDateTime.currentDateTime())
    simulation.days.setValue(7)
    simulation.set_checked([n for n in ENABLED])
    simulation.run()
    save(window, out / "simulation.png", app)
    statistics = window.show_section("statistics")
    statistics.picker.choose("30")
    save(window, out / "statistics.png", app)
    window.show_section("activity")
    save(window, out / "activity.png", app)
    window.show_section("settings")
    save(window, out / "settings.png", app)
    window.close()
    runner.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "it"), default="en")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") is None:
        print("no display: run under xvfb-run -a (offscreen rendering has no fonts on some systems)",
              file=sys.stderr)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="postino-shots-") as folder:
        ws = build_workspace(Path(folder) / "ws", now)
        try:
            shoot(ws, args.out.resolve(), args.language)
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
