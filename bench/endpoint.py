"""The public endpoint under load: 20,000 mixed requests from a second process on loopback
while the engine dispatches a demo workspace (sandbox: messages go to the outbox folder).

Mix: 50% clicks (each a different send and link, so each must be stored exactly once), 35%
open pixels, 15% webhooks: signed generic purchase deliveries (X-Postino-Signature, each a new
order of one of the shop's customers, so each must be stored exactly once), verified against
the secret in a real (encrypted file) keyring. ``lost`` = requests without their expected
answer + clicks or purchases answered but not stored.

    .venv/bin/python bench/endpoint.py [--requests 20000] [--concurrency 16] [--due 3000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LINKS = 5
SECRET = "bench-generic-" + "5e" * 16


def _prepare(folder: Path, port: int, sends: int, due: int) -> dict:
    """A demo workspace, ``sends`` e-mails already sent (click/open targets), ``due`` rows due now."""
    from desktop import tokens
    from desktop.demo import build_demo
    from desktop.timeutil import to_db
    from desktop.workspace import Workspace
    from tests.helpers.endpoint import enable
    from tests.helpers.ledger import add_rule, add_template

    now = datetime.now(timezone.utc)
    with Workspace.open(folder) as ws:
        build_demo(ws, now - timedelta(days=1), contacts=(sends + due) * 3 // 2 + 100)
        # Some demo contacts have no e-mail or are unsubscribed: the sends may share contacts.

        ws.settings.set("sandbox", True, now)
        ws.settings.set("smtp.per_minute", 100000, now)
        ws.settings.set("smtp.daily_cap", 1000000, now)
        ws.settings.set("caps.email_per_week", 0, now)
        ws.settings.set("business.quiet_hours", "", now)
        enable(ws, now, port, opens=True)
        add_template(ws, now, "Bench")
        rule = add_rule(ws, now, "Bench")
        ids = [r[0] for r in ws.db.execute("SELECT id FROM contacts WHERE email IS NOT NULL AND "
                                           "email_status = 'subscribed' ORDER BY id")]
        sent_at = to_db(now - timedelta(hours=1))
        with ws.transaction():
            ledger = [ws.db.execute(
                "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, sent_at, "
                "payload, updated_at) VALUES (?, ?, 'sent', 'email', 'sent', ?, ?, ?, '{}', ?)",
                [rule, cid, sent_at, sent_at, sent_at, sent_at]).lastrowid for cid in ids[:sends]]
            assert len(ledger) == sends, "not enough demo contacts with an e-mail address"
            payload = json.dumps({"event": {"type": "cart_updated", "ref": "c", "items": []}})
            for cid in ids[:due]:
                ws.db.execute(
                    "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
                    "payload, updated_at) VALUES (?, ?, 'due', 'email', 'planned', ?, ?, ?, ?)",
                    [rule, cid, to_db(now), to_db(now), payload, to_db(now)])
        key = tokens.workspace_key(ws)
    clicks = [tokens.make_click_token(key, lid, i, f"https://shop.example/p/{lid}/{i}")
              for lid in ledger for i in range(LINKS)]
    opens = [tokens.make_open_token(key, lid) for lid in ledger]
    emails = [r[0] for r in ws_emails(folder)]
    return {"clicks": clicks, "opens": opens, "emails": emails}


def ws_emails(folder: Path) -> list[tuple[str]]:
    from desktop.workspace import Workspace

    with Workspace.open(folder, check=False) as ws:
        return ws.db.execute("SELECT email FROM contacts WHERE email IS NOT NULL ORDER BY id LIMIT 500").fetchall()


def _keyring(root: Path) -> None:
    """A real keyring for the server (this process): keyrings.alt's encrypted file, in the
    bench's folder; the generic webhook secret stored in it as ``connections webhook-secret``
    would."""
    import keyring
    from keyrings.alt.file import EncryptedKeyring

    from desktop.connectors.keys import ConnectionSecrets

    backend = EncryptedKeyring()
    backend.file_path = str(root / "keyring" / "crypted_pass.cfg")
    backend.keyring_key = "bench-passphrase"
    keyring.set_keyring(backend)
    ConnectionSecrets().set_generic_webhook(SECRET)


async def _client(base: str, plan: list[tuple], concurrency: int) -> dict:
    import aiohttp

    latencies: list[float] = []
    wrong = 0
    queue = iter(plan)

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal wrong
        for method, path, expected, body, headers in queue:
            started = time.perf_counter()
            try:
                data = body.encode("utf-8") if body is not None else None
                async with session.request(method, base + path, data=data, allow_redirects=False,
                                           headers={"User-Agent": "Mozilla/5.0 (X11; Linux) Firefox/130",
                                                    **(headers or {})}) as r:
                    await r.read()
                    wrong += r.status != expected
            except aiohttp.ClientError:
                wrong += 1
            latencies.append(time.perf_counter() - started)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        took = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "seconds": took, "wrong": wrong,
            "p50_ms": latencies[len(latencies) // 2] * 1000, "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000}


def client_main(args: argparse.Namespace) -> int:
    plan = [tuple(x) for x in json.loads(Path(args.plan).read_text())]
    print(json.dumps(asyncio.run(_client(args.client, plan, args.concurrency))))
    return 0


def _purchase(n: int, email: str) -> tuple:
    from desktop.endpoint.webhook_signatures import sign

    body = json.dumps({"type": "purchase", "id": f"B-{n}", "email": email, "amount": 20 + n % 50,
                       "currency": "eur", "items": [{"name": "Borsa", "sku": "B-04", "quantity": 1}]})
    return ("POST", "/webhooks/generic", 200, body,
            {"Content-Type": "application/json", "X-Postino-Signature": sign(SECRET, body.encode("utf-8"))})


def _plan(tokens_: dict, total: int) -> list[tuple]:
    """Every block of 20: 10 clicks (each a new send and link), 7 opens, 3 webhooks."""
    clicks, opens, emails = tokens_["clicks"], tokens_["opens"], tokens_["emails"]
    plan: list[tuple] = []
    for n in range(total):
        slot = n % 20
        if slot < 10:
            plan.append(("GET", f"/c/{clicks[(n // 20) * 10 + slot]}", 302, None, None))
        elif slot < 17:
            plan.append(("GET", f"/o/{opens[n % len(opens)]}", 200, None, None))
        else:
            plan.append(_purchase(n, emails[n % len(emails)]))
    return plan


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--dir")
    parser.add_argument("--due", type=int, default=3000)
    parser.add_argument("--client")
    parser.add_argument("--plan")
    args = parser.parse_args()
    if args.client:
        return client_main(args)
    from desktop.service.engine import Engine
    from desktop.workspace import Workspace
    from tests.helpers.endpoint import free_port

    root = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="postino-endpoint-"))
    folder = root / "ws"
    shutil.rmtree(folder, ignore_errors=True)
    port = free_port()
    clicks_needed = args.requests // 2
    sends = -(-clicks_needed // LINKS)
    _keyring(root)
    made = _prepare(folder, port, sends=max(sends, 100), due=args.due)
    plan = _plan(made, args.requests)
    plan_file = root / "plan.json"
    plan_file.write_text(json.dumps(plan))
    engine = Engine(folder, dispatch_every=timedelta(seconds=1))
    engine.start()
    before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        client = subprocess.run([sys.executable, __file__, "--client", f"http://127.0.0.1:{port}",
                                 "--plan", str(plan_file), "--concurrency", str(args.concurrency)],
                                capture_output=True, text=True, check=True)
        result = json.loads(client.stdout.strip().splitlines()[-1])
        after = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        engine.stop()
    # CPU seconds, less noisy than wall time on a shared machine: this process (server + engine)
    # and the client process.
    server_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    client_cpu = children.ru_utime + children.ru_stime
    with Workspace.open(folder, check=False) as ws:
        # A click a scanner would make (two links of one message within 2 s) is stored apart,
        # but stored: both kinds count as not lost.
        stored = ws.db.execute("SELECT count(*) FROM events WHERE uid LIKE 'click:%' OR uid LIKE 'mclick:%'"
                               ).fetchone()[0]
        dispatched = ws.db.execute("SELECT count(*) FROM ledger WHERE occurrence = 'due' AND state = 'sent'").fetchone()[0]
        opens = ws.db.execute("SELECT count(*) FROM events WHERE uid LIKE 'open:%'").fetchone()[0]
        bought = ws.db.execute("SELECT count(*) FROM events WHERE uid LIKE 'generic:purchase:%'").fetchone()[0]
    clicks = sum(1 for p in plan if p[1].startswith("/c/"))
    hooks = sum(1 for p in plan if p[1].startswith("/webhooks/"))
    lost = result["wrong"] + (clicks - stored) + (hooks - bought)
    print(f"clicks sent={clicks} stored={stored}; opens stored={opens} (one per message per minute); "
          f"signed webhooks sent={hooks} purchases stored={bought}; engine sent {dispatched} of {args.due} due meanwhile")
    print(f"RESULT requests={result['requests']} per_s={result['requests'] / result['seconds']:.0f} "
          f"p50_ms={result['p50_ms']:.1f} p99_ms={result['p99_ms']:.1f} lost={lost} dispatched={dispatched} "
          f"server_cpu_us_per_req={server_cpu / result['requests'] * 1e6:.0f} "
          f"client_cpu_us_per_req={client_cpu / result['requests'] * 1e6:.0f} "
          f"load={os.getloadavg()[0]:.1f}")
    if not args.dir:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
