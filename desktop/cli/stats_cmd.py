"""``stats [--rule NAME] [--since ISO] [--until ISO] [--format table|json] [--rebuild]``."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta, timezone

from desktop import stats
from desktop.cli.dates import option_date
from desktop.cli.words import language
from desktop.stats.model import RuleRow
from desktop.stats.queries import business_zone
from desktop.stats.report import to_json, to_text
from desktop.workspace import Workspace

DEFAULT_DAYS = 30


def _stats(args: argparse.Namespace, ws: Workspace) -> int:
    zone = business_zone(ws)
    since, until = option_date(args.since, "--since"), option_date(args.until, "--until")
    rule = None
    if args.rule is not None:
        rule = RuleRow(stats.rule_id_for(ws, args.rule), args.rule)
        rule.name = ws.db.execute("SELECT name FROM rules WHERE id = ?", [rule.rule_id]).fetchone()[0]
    if args.rebuild:
        stats.rebuild(ws)
    today = datetime.now(timezone.utc).astimezone(zone).date()
    until = until or (since + timedelta(days=DEFAULT_DAYS - 1) if since else today)
    since = since or until - timedelta(days=DEFAULT_DAYS - 1)
    rule_id = rule.rule_id if rule else None
    totals = stats.rule_stats(ws, since, until, rule_id)
    daily = stats.daily_series(ws, since, until, rule_id)
    rules = [] if rule else stats.per_rule_table(ws, since, until)
    apart = None if rule else stats.without_send(ws, since, until)
    common = dict(zone=zone.key, since=since, until=until, rule=rule, totals=totals, daily=daily, rules=rules,
                  without_send=apart)
    if args.format == "json":
        days = int(ws.settings.get("stats.attribution_days"))
        print(json.dumps(to_json(attribution_days=days, **common), ensure_ascii=False, indent=2))
    else:
        print(to_text(language=language(ws), **common))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("stats", help="how each rule performed: sends, opens, clicks, revenue")
    parser.add_argument("--rule", metavar="NAME", help="one rule (default: all rules, with a per-rule table)")
    parser.add_argument("--since", metavar="ISO", help="first local day, e.g. 2026-11-01 (default: 30 days before --until)")
    parser.add_argument("--until", metavar="ISO", help="last local day, inclusive (default: today in the business zone)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--rebuild", action="store_true",
                        help="recompute the counters from history first (after importing old events)")
    parser.set_defaults(handler=_stats)
