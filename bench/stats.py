"""Statistics at scale: ~10,000,000 ledger, event and rule-check rows, then every stats query timed.

The rows are bulk-inserted with INSERT ... SELECT, but the counters are made by the real
mechanism: the migration's triggers fire on every one of those inserts. ``--overhead`` also
measures what the triggers cost the hot write paths (N events, N ledger rows, with and
without them).

    .venv/bin/python bench/stats.py [--dir DIR] [--ledger N] [--overhead N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop import stats  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

RULES = 20
CONTACTS = 200_000
BASE = "2025-01-01 00:00:00"
YEAR_SECONDS = 365 * 86400


def _numbers(n: int) -> str:
    return f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {int(n)})"


def timed(label: str, conn, sql: str, params: tuple = ()) -> int:
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(sql, params)
    count = conn.execute("SELECT changes()").fetchone()[0]
    conn.execute("COMMIT")
    took = time.perf_counter() - start
    print(f"  {label}: {count:,} rows in {took:.1f} s ({count / max(took, 1e-9):,.0f} rows/s)", flush=True)
    return count


def build(ws: Workspace, ledger_rows: int) -> int:
    conn = ws.db.conn
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    for r in range(1, RULES + 1):
        conn.execute("INSERT INTO rules(id, name, enabled, definition, created_at, updated_at) "
                     "VALUES (?, ?, 1, '{}', ?, ?)", [r, f"Rule {r:02d}", BASE, BASE])
    conn.execute(f"{_numbers(CONTACTS)} INSERT INTO contacts(id, email, registered_at, updated_at) "
                 f"SELECT i, 'c' || i || '@example.org', '{BASE}', '{BASE}' FROM n")
    conn.execute("COMMIT")
    total = 0
    step = YEAR_SECONDS / ledger_rows
    # Rule 20 sends SMS; one row in ten is held back by a cap (deferred or dropped), one fails.
    total += timed("ledger", conn, f"{_numbers(ledger_rows)} INSERT INTO ledger(rule_id, contact_id, occurrence, "
                   "channel, state, matched_at, due_at, sent_at, reason, updated_at) SELECT "
                   f"1 + i % {RULES}, 1 + (i * 7919) % {CONTACTS}, 'o' || i, "
                   f"CASE WHEN i % {RULES} = {RULES - 1} THEN 'sms' ELSE 'email' END, "
                   "CASE k WHEN 8 THEN 'failed' WHEN 9 THEN (CASE WHEN i % 3 = 0 THEN 'dropped' ELSE 'deferred' END) "
                   "ELSE 'sent' END, t, t, CASE WHEN k < 8 THEN datetime(t, '+60 seconds') END, "
                   "CASE WHEN k = 9 THEN 'frequency cap: 3 e-mails per week' WHEN k = 8 THEN '550 no such user' END, "
                   f"datetime(t, '+60 seconds') FROM (SELECT i, (i / {RULES}) % 10 AS k, datetime('{BASE}', '+' || CAST(i * {step} AS INTEGER) "
                   "|| ' seconds') AS t FROM n)")
    sent = "FROM ledger l WHERE l.state = 'sent'"
    passes = [
        ("email_sent/sms_sent events", "SELECT l.contact_id, CASE l.channel WHEN 'sms' THEN 'sms_sent' ELSE 'email_sent' END, "
         f"l.sent_at, 'ledger:' || l.id, l.rule_id, NULL {sent}"),
        ("opens", f"SELECT l.contact_id, 'email_opened', datetime(l.sent_at, '+' || (l.id % 300) || ' minutes'), NULL, "
         f"l.rule_id, NULL {sent} AND l.channel = 'email' AND l.id % 2 = 0"),
        ("repeat opens", "SELECT l.contact_id, 'email_opened', datetime(l.sent_at, '+1 day'), NULL, l.rule_id, NULL "
         f"{sent} AND l.channel = 'email' AND l.id % 4 = 0"),
        ("clicks", "SELECT l.contact_id, 'email_clicked', datetime(l.sent_at, '+' || (l.id % 300 + 2) || ' minutes'), "
         f"'https://shop.example/', l.rule_id, NULL {sent} AND l.channel = 'email' AND l.id % 6 = 0"),
        ("purchases", "SELECT l.contact_id, 'purchase', datetime(l.sent_at, '+' || (l.id % 10) || ' days'), "
         f"'order-' || l.id, NULL, 10 + l.id % 90 {sent} AND l.id % 7 = 0"),
        ("bounces", f"SELECT l.contact_id, 'email_bounced', datetime(l.sent_at, '+5 minutes'), 'email', NULL, NULL {sent} "
         "AND l.channel = 'email' AND l.id % 50 = 1"),
        ("unsubscribes", f"SELECT l.contact_id, 'unsubscribed', datetime(l.sent_at, '+2 hours'), 'email', NULL, NULL "
         f"{sent} AND l.channel = 'email' AND l.id % 97 = 3"),
        ("SMS reports", "SELECT l.contact_id, CASE WHEN l.id % 9 = 0 THEN 'sms_failed' ELSE 'sms_delivered' END, "
         f"datetime(l.sent_at, '+30 seconds'), 'SM' || l.id, l.rule_id, NULL {sent} AND l.channel = 'sms'"),
    ]
    for label, select in passes:
        total += timed(label, conn, "INSERT INTO events(contact_id, type, occurred_at, ref, rule_id, amount) "
                       f"{select} ORDER BY 3", ())
    checks = YEAR_SECONDS // 1800  # every rule checked every 30 minutes
    total += timed("rule_checks", conn, f"{_numbers(checks)} INSERT INTO rule_checks(rule_id, checked_at, matched, planned) "
                   f"SELECT r.id, datetime('{BASE}', '+' || (i * 1800) || ' seconds'), (i * r.id) % 5, 0 "
                   "FROM n, rules r")
    conn.execute("PRAGMA synchronous = NORMAL")
    return total


def run_queries(ws: Workspace) -> None:
    end = date(2025, 12, 31)
    month, year = date(2025, 12, 2), date(2025, 1, 1)
    queries = [
        ("rule_stats_overall_30d", lambda: stats.rule_stats(ws, month, end)),
        ("rule_stats_rule_30d", lambda: stats.rule_stats(ws, month, end, 7)),
        ("rule_stats_overall_365d", lambda: stats.rule_stats(ws, year, end)),
        ("rule_stats_rule_365d", lambda: stats.rule_stats(ws, year, end, 7)),
        ("daily_series_overall_30d", lambda: stats.daily_series(ws, month, end)),
        ("daily_series_rule_30d", lambda: stats.daily_series(ws, month, end, 7)),
        ("daily_series_overall_365d", lambda: stats.daily_series(ws, year, end)),
        ("daily_series_rule_365d", lambda: stats.daily_series(ws, year, end, 7)),
        ("per_rule_table_30d", lambda: stats.per_rule_table(ws, month, end)),
        ("per_rule_table_365d", lambda: stats.per_rule_table(ws, year, end)),
        ("kpis_overall_30d", lambda: stats.kpis(ws, month, end)),
    ]
    for name, query in queries:
        best = min(_time(query) for _ in range(3))  # first run included via min over a cold start
        print(f"RESULT query={name} seconds={best:.4f}", flush=True)
    s = stats.rule_stats(ws, year, end)
    print(f"  year totals: sent={s.sent:,} opened={s.opened:,} unique={s.opened_unique:,} "
          f"clicked={s.clicked:,} purchases={s.purchases:,} revenue={s.revenue:,.0f}")


def _time(query) -> float:
    start = time.perf_counter()
    query()
    return time.perf_counter() - start


def overhead(folder: Path, rows: int) -> None:
    """``rows`` events and ledger rows into a fresh workspace, with and without the triggers."""
    for with_triggers in (True, False):
        path = folder / ("with" if with_triggers else "without")
        ws = Workspace.open(path)
        conn = ws.db.conn
        if not with_triggers:
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats_%'").fetchall():
                conn.execute(f"DROP TRIGGER {name}")
        conn.execute("INSERT INTO rules(id, name, definition, created_at, updated_at) VALUES (1, 'R', '{}', ?, ?)", [BASE, BASE])
        conn.execute(f"{_numbers(100_000)} INSERT INTO contacts(id, email, registered_at, updated_at) "
                     f"SELECT i, 'c' || i || '@x.org', '{BASE}', '{BASE}' FROM n")
        tag = "with" if with_triggers else "without"
        start = time.perf_counter()
        timed(f"ledger rows {tag} triggers", conn, f"{_numbers(rows)} INSERT INTO ledger(rule_id, contact_id, "
              "occurrence, channel, state, matched_at, due_at, sent_at, updated_at) SELECT 1, 1 + i % 100000, 'o' || i, "
              f"'email', 'sent', t, t, t, t FROM (SELECT i, datetime('{BASE}', '+' || (i * 31) || ' seconds') AS t FROM n)")
        ledger_s = time.perf_counter() - start
        start = time.perf_counter()
        timed(f"open events {tag} triggers", conn, f"{_numbers(rows)} INSERT INTO events(contact_id, type, "
              f"occurred_at, rule_id) SELECT 1 + i % 100000, 'email_opened', datetime('{BASE}', '+' || (i * 31 + 600) "
              "|| ' seconds'), 1 FROM n")
        events_s = time.perf_counter() - start
        print(f"RESULT overhead={tag}_triggers rows={rows} ledger_seconds={ledger_s:.1f} open_events_seconds={events_s:.1f}")
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", help="workspace folder to build (default: a temporary one, deleted after)")
    parser.add_argument("--ledger", type=int, default=2_500_000, help="ledger rows (events follow from them)")
    parser.add_argument("--overhead", type=int, default=0, metavar="N",
                        help="also time N ledger rows and N open events with and without the triggers")
    args = parser.parse_args()
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="postino-stats-bench-"))
    try:
        ws_dir = folder / "ws"
        if (ws_dir / "postino.db").exists() or any(ws_dir.glob("*.db")):
            ws = Workspace.open(ws_dir)
            print("reusing the workspace in", ws_dir)
        else:
            ws = Workspace.open(ws_dir)
            start = time.perf_counter()
            rows = build(ws, args.ledger)
            print(f"RESULT build_rows={rows} build_seconds={time.perf_counter() - start:.1f}")
        ws.db.conn.execute("ANALYZE")
        run_queries(ws)
        ws.close()
        if args.overhead:
            overhead(folder, args.overhead)
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
