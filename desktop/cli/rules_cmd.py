"""``rules list | import FILE | export [FILE] | check``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone

from desktop.rules.conflicts import find_conflicts
from desktop.rules.engine import last_check
from desktop.rules.words import action_words, field_labels, trigger_words
from desktop.cli.words import language as cli_language
from desktop.cli.words import say
from desktop.messages import Msg, define

define({
    "cli.no_rules": ("Ancora nessuna regola: `rules import FILE` o l'editor dell'app le crea.",
                     "No rules yet: `rules import FILE` or the app's editor creates them."),
    "cli.rule_on": ("sì ", "on "), "cli.rule_off": ("no ", "off"),
    "cli.rule_checks": ("prossima verifica: {next}   ultima verifica: {last}", "next check: {next}   last check: {last}"),
    "cli.no_conflicts": ("Nessun conflitto tra le regole attive.", "No conflicts between enabled rules."),
    "cli.conflicts_found": ("Conflitti trovati: {count}.", "{count} conflict(s) found."),
})
from desktop.workspace import Workspace


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.schedule import Schedule, describe, next_check

    business = ws.rules.business()
    language = args.language or cli_language(ws)
    now = datetime.now(timezone.utc)
    rules = ws.rules.all()
    if not rules:
        print(say(Msg("cli.no_rules"), ws))
        return 0
    for rule in rules:
        schedule = Schedule.from_dict(rule.schedule, business=business)
        last = last_check(ws.db, rule.id)
        upcoming = next_check(schedule, now, business=business) if rule.enabled else None
        state = say(Msg("cli.rule_on" if rule.enabled else "cli.rule_off"), ws)
        print(f"[{state}] {rule.name}")
        print(f"      {action_words(rule, language)} — {trigger_words(rule, language, field_labels(ws, language))}")
        print(f"      {describe(schedule, language, business=business)}")
        pattern = "%d/%m/%Y %H:%M" if language == "it" else "%Y-%m-%d %H:%M"
        when = lambda t: t.astimezone().strftime(pattern) if t else "—"  # noqa: E731
        print("      " + say(Msg("cli.rule_checks", {"next": when(upcoming), "last": when(last)}), ws))
    return 0


def _import(args: argparse.Namespace, ws: Workspace) -> int:
    summary = ws.rules.import_file(args.file, datetime.now(timezone.utc), replace=args.replace)
    for name in summary.created:
        print(say(Msg("cli.created", {"name": name}), ws))
    for name in summary.replaced:
        print(say(Msg("cli.replaced", {"name": name}), ws))
    _warn(ws)
    return 0


def _export(args: argparse.Namespace, ws: Workspace) -> int:
    if args.file and args.file != "-":
        ws.rules.export_file(args.file, args.rule or None)
    else:
        sys.stdout.write(json.dumps(ws.rules.export(args.rule or None), ensure_ascii=False, indent=2) + "\n")
    return 0


def _warn(ws: Workspace) -> int:
    conflicts = find_conflicts(ws.db, ws.rules.all())
    for conflict in conflicts:
        print(say(Msg("cli.warning", {"text": conflict.message}), ws), file=sys.stderr)
    return len(conflicts)


def _check(args: argparse.Namespace, ws: Workspace) -> int:
    count = _warn(ws)
    print(say(Msg("cli.conflicts_found", {"count": count}) if count else Msg("cli.no_conflicts"), ws))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list, import and export automatic-send rules")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every rule, its schedule in words, next and last check")
    listing.add_argument("--language", choices=("it", "en"))
    listing.set_defaults(handler=_list)
    imp = actions.add_parser("import", help="import rules from a JSON file (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--replace", action="store_true", help="overwrite rules with the same name")
    imp.set_defaults(handler=_import)
    exp = actions.add_parser("export", help="write rules as JSON (to FILE, or standard output)")
    exp.add_argument("file", nargs="?")
    exp.add_argument("--rule", action="append", help="only this rule (repeatable)")
    exp.set_defaults(handler=_export)
    actions.add_parser("check", help="warn about conflicts between enabled rules").set_defaults(handler=_check)
