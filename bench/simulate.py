"""Simulation at scale: 30 days, 20 rules, 100,000 contacts.

Builds a realistic workspace (cached in bench/out/, or --fresh): 100,000 contacts in several
countries and zones, a year of events (purchases, carts, opens, clicks), groups, the seven
demo rules plus thirteen more of the kinds shops use, all enabled; then times one
``simulate(ws, start, 30 days)`` and prints its figures and

    RESULT seconds=S

Target (2-core machine): under 10 s. Run: .venv/bin/python bench/simulate.py [--fresh]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.demo_rules import add_demo_rules  # noqa: E402
from desktop.simulate import simulate  # noqa: E402
from desktop.templates import Templates  # noqa: E402
from desktop.timeutil import to_db  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)
ZONES = ["Europe/Rome"] * 6 + ["Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney", None]
QUIET = {"bands": ["21:00-09:00"], "business_default": False, "policy": "defer"}


def extra_rules() -> list[dict]:
    def rule(name, conditions, *, action=None, resend=None, every=60, times=None, audience=None, **more):
        check = {"times": times} if times else {"every_minutes": every}
        return {"name": name, "enabled": True, "conditions": {"all": conditions},
                "action": action or {"type": "send_email", "template": "Ti manchiamo"},
                "resend": resend or {"policy": "once"}, "audience": audience or {},
                "schedule": {"check": check, "quiet_hours": QUIET, **more}}

    return [
        rule("Auguri SMS", [{"field": "birthday", "op": "anniversary_today"}],
             action={"type": "send_sms", "template": "Auguri SMS"}, resend={"policy": "yearly"},
             times=["10:00"], timezone={"mode": "recipient"}),
        rule("Carrello 1 ora", [{"behaviour": "cart_abandoned", "amount": 1, "unit": "hours"}],
             action={"type": "send_email", "template": "Carrello 3 ore"}, resend={"policy": "per_occurrence"}, every=15),
        rule("Carrello 48 ore", [{"behaviour": "cart_abandoned", "amount": 48, "unit": "hours"}],
             action={"type": "send_email", "template": "Carrello 24 ore"}, resend={"policy": "per_occurrence"}, every=30),
        rule("Grazie acquisto", [{"behaviour": "purchase_made", "amount": 2, "unit": "hours"}],
             action={"type": "send_email", "template": "Benvenuto"}, resend={"policy": "per_occurrence"}, every=30),
        rule("Nessun acquisto 60 giorni", [{"behaviour": "purchased", "days": 365},
                                           {"behaviour": "no_purchase_since", "date": "2026-10-01"}],
             resend={"policy": "every_n_days", "days": 60}, times=["11:00"], recurrence={"kind": "weekly", "days": ["wed"]}),
        rule("Clienti fedeli", [{"behaviour": "purchase_count", "days": 365, "cmp": "ge", "value": 5}],
             action={"type": "add_to_group", "group": "VIP"}, every=1440),
        rule("Spesa alta", [{"behaviour": "total_spent", "days": 90, "cmp": "gt", "value": 500}],
             resend={"policy": "every_n_days", "days": 30}, times=["10:30"]),
        rule("Registrati 7 giorni", [{"behaviour": "registered_ago", "amount": 7, "unit": "days"}], every=60),
        rule("Inattivi 180 giorni", [{"behaviour": "no_activity", "days": 180}],
             action={"type": "move_to_group", "from": "Clienti", "to": "Da riattivare"}, every=1440),
        rule("Riattivati", [{"behaviour": "clicked", "days": 3}],
             action={"type": "move_to_group", "from": "Da riattivare", "to": "Clienti"}, every=360),
        rule("Newsletter lunedì", [], audience={"include": ["Newsletter"]}, resend={"policy": "every_n_days", "days": 6},
             times=["09:30"], recurrence={"kind": "weekly", "days": ["mon"]},
             action={"type": "send_email", "template": "Nuovo articolo"}),
        rule("Mai aperto", [{"behaviour": "not_opened", "days": 365}, {"behaviour": "sent", "days": 365}],
             action={"type": "add_to_group", "group": "Da riattivare"}, every=1440),
        rule("Compleanno VIP", [{"field": "birthday", "op": "anniversary_today"}, {"group": "VIP", "op": "in"}],
             action={"type": "send_email", "template": "Buon compleanno"}, resend={"policy": "yearly"},
             every=60, timezone={"mode": "recipient"}),
    ]


def build(folder: Path, contacts: int) -> None:
    ws = Workspace.open(folder)
    rng = random.Random(11)
    # A shop with 100,000 contacts sends through a relay, not a Gmail account.
    ws.settings.set("smtp.daily_cap", "50000", NOW)
    for name in ("Clienti", "Newsletter", "VIP", "Recent clickers", "Da riattivare"):
        ws.groups.ensure(name, NOW)
    started = time.perf_counter()

    def people():
        for i in range(contacts):
            registered = NOW - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
            status = rng.choice(["subscribed"] * 18 + ["unsubscribed", "bounced"])
            yield (f"c{i}@example.it", f"+39333{i:07d}", f"Nome{i % 499}", "it", rng.choice(ZONES),
                   f"{rng.randrange(1950, 2006)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                   to_db(registered), to_db(registered), status, rng.choice(["subscribed", "unsubscribed"]))

    with ws.transaction():
        ws.db.conn.executemany(
            "INSERT INTO contacts(email, phone, first_name, language, timezone, birthday, registered_at, updated_at, "
            "email_status, sms_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", people())
        for gid, share in ((ws.groups.find("Clienti"), 2), (ws.groups.find("Newsletter"), 3)):
            ws.db.conn.execute("INSERT INTO memberships(group_id, contact_id, joined_at) "
                               "SELECT ?, id, registered_at FROM contacts WHERE id % ? = 0", [gid, share])

    def happenings():
        kinds = ["email_opened"] * 10 + ["email_clicked"] * 3 + ["purchase"] * 3 + ["email_sent"] * 10
        for n in range(contacts * 10):
            cid = rng.randrange(1, contacts + 1)
            kind = rng.choice(kinds)
            when = NOW - timedelta(seconds=rng.randrange(365 * 86400))
            yield (cid, kind, to_db(when), f"o{n}" if kind == "purchase" else None,
                   rng.randrange(10, 300) if kind == "purchase" else None)
        for n in range(contacts // 50):  # carts updated around the start, some bought afterwards
            cid = rng.randrange(1, contacts + 1)
            yield (cid, "cart_updated", to_db(NOW - timedelta(minutes=rng.randrange(3 * 24 * 60))), f"k{n}", 40)

    with ws.transaction():
        ws.db.conn.executemany(
            "INSERT INTO events(contact_id, type, occurred_at, ref, amount) VALUES (?, ?, ?, ?, ?)", happenings())
    add_demo_rules(ws, NOW)
    Templates(ws.db)  # templates come with the demo rules
    for spec in extra_rules():
        ws.rules.save(spec, NOW)
    for rule in ws.rules.all():
        ws.rules.set_enabled(rule.id, True, NOW)
    ws.db.execute("ANALYZE")
    print(f"built {contacts} contacts, {ws.db.execute('SELECT count(*) FROM events').fetchone()[0]} events, "
          f"{len(ws.rules.all())} rules in {time.perf_counter() - started:.1f}s", flush=True)
    ws.close()


def _time_phases() -> dict[str, float]:
    """Seconds spent checking rules and dispatching, by wrapping the simulator's two steps
    (a bench-only look inside: the split says where a slow run spends its time)."""
    from desktop.simulate import explain, timeline

    spent = {"check": 0.0, "dispatch": 0.0, "explain": 0.0}

    def timed(owner: type, name: str, key: str) -> None:
        inner = getattr(owner, name)

        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - began

        setattr(owner, name, wrapper)

    timed(timeline._Run, "_check", "check")
    timed(timeline._Run, "_dispatch", "dispatch")
    timed(explain.Explainer, "unconsented", "explain")
    return spent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    folder = ROOT / "bench" / "out" / f"simulate_{args.contacts}"
    if args.fresh and folder.exists():
        shutil.rmtree(folder)
    if not (folder / "postino.db").exists():
        build(folder, args.contacts)
    ws = Workspace.open(folder)
    phases = _time_phases()
    started = time.perf_counter()
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        result = profiler.runcall(simulate, ws, start=NOW, horizon=timedelta(days=args.days))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    else:
        result = simulate(ws, start=NOW, horizon=timedelta(days=args.days))
    seconds = time.perf_counter() - started
    per_rule = Counter(s.rule for s in result.sends)
    print("time in rule checks (incl. booking) {check:.1f}s, of which explaining who is left out {explain:.1f}s; "
          "in dispatching (re-check, render, record) {dispatch:.1f}s".format(**phases))
    print(f"rules: {len(result.rules)}, checks: {len(result.checks)}, sends: {len(result.sends)}, "
          f"group changes: {len(result.group_changes)}, not sent: {len(result.not_sent)}")
    for rule, count in per_rule.most_common():
        print(f"  {rule}: {count} sends")
    print(f"RESULT seconds={seconds:.2f} rules={len(result.rules)} contacts={args.contacts} days={args.days} "
          f"sends={len(result.sends)} checks={len(result.checks)}")
    ws.close()
    return 0 if seconds < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
