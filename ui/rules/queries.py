"""What the rules page and the editor ask of the workspace; each runs on the op worker.

Every function takes the ``OpContext`` first so the page calls it in one line through a
``QueryOp``/``CollectionOp``; nothing here touches a widget.
"""

from __future__ import annotations

import json
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desktop.connectors.store import Connections
from desktop.errors import InputError
from desktop.messages import Msg, text
from desktop.fields import FieldSpec
from desktop.rules.conflicts import Conflict, find_conflicts
from desktop.rules.due import due_of
from desktop.rules.engine import last_check
from desktop.rules.model import ACTIONS, Rule, RuleContext, parse_rule
from desktop.rules.words import action_words, field_labels, trigger_words
from desktop.schedule import BusinessDefaults, Schedule, business_defaults, describe
from desktop.simulate import simulate_now
from desktop.timeutil import to_db
from ui.ops import OpContext
from ui.resources import LANGUAGE

SENT_WINDOW = timedelta(days=7)


@dataclass
class RuleRow:
    """One line of the rule list, with everything already worked out on the worker."""

    id: int
    name: str
    tags: list[str]
    action_type: str
    action: str
    trigger: str
    schedule: dict[str, Any]
    enabled: bool
    next_check: datetime | None
    last_check: datetime | None
    sent_7d: int
    error: str | None
    description: str = ""


@dataclass
class RulesList:
    rows: list[RuleRow]
    zone: str


def list_rules(c: OpContext, now: datetime, language: str) -> RulesList:
    """All rules with their counts: sends and last errors come from two grouped queries."""
    ws = c.ws
    business = business_defaults(ws.settings)
    sent = dict(ws.db.execute(
        "SELECT rule_id, count(*) FROM ledger WHERE state = 'sent' AND coalesce(sent_at, updated_at) >= ? "
        "GROUP BY rule_id", [to_db(now - SENT_WINDOW)]).fetchall())
    # SQLite takes the bare column ``error`` from the row holding max(id): the latest check.
    errors = {rid: err for rid, err, _ in ws.db.execute(
        "SELECT rule_id, error, max(id) FROM rule_checks GROUP BY rule_id")}
    rows = []
    labels = field_labels(ws, language)
    for rule in ws.rules.all():
        assert rule.id is not None
        schedule = Schedule.from_dict(rule.schedule, business=business)
        rows.append(RuleRow(
            id=rule.id, name=rule.name, tags=list(rule.tags), action_type=rule.action["type"],
            action=action_words(rule, language), trigger=trigger_words(rule, language, labels),
            schedule=rule.schedule, enabled=rule.enabled,
            next_check=_next_check(ws, rule, schedule, now, business),
            last_check=last_check(ws.db, rule.id), sent_7d=sent.get(rule.id, 0),
            error=errors.get(rule.id), description=rule.description))
    return RulesList(rows, business.zone)


@dataclass
class EditorContext:
    """What the wizard needs before it opens: the catalogue, the names to pick from, the rule."""

    fields: dict[str, FieldSpec]
    groups: list[str]
    templates: list[tuple[str, str]]  # (name, channel)
    business: BusinessDefaults
    zones: list[str]
    tags: list[str]
    data: dict[str, Any] | None = None
    rule_id: int | None = None
    rule_names: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)  # the RSS connections' addresses, for recipes


def template_choices(c: OpContext) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in c.ws.db.execute("SELECT name, channel FROM templates ORDER BY name COLLATE NOCASE")]


def editor_context(c: OpContext, rule_id: int | None) -> EditorContext:
    ws = c.ws
    rules = ws.rules.all()
    data = None
    if rule_id is not None:
        rule = ws.rules.get(rule_id)
        if rule is None:
            raise InputError(Msg("rules.no_id", {"id": rule_id}))
        data = rule.to_dict()
    return EditorContext(
        fields=dict(ws.fields.all()),
        groups=[r[0] for r in ws.db.execute("SELECT name FROM groups ORDER BY name COLLATE NOCASE")],
        templates=template_choices(c),
        business=business_defaults(ws.settings),
        zones=sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))),
        tags=sorted({t for r in rules for t in r.tags}, key=str.casefold),
        data=data, rule_id=rule_id, rule_names=[r.name for r in rules],
        feeds=[c.config["url"] for c in Connections(ws.db).all() if c.kind == "rss" and c.config.get("url")])


def bare_message(exc: InputError) -> str:
    """The message without its ``where:`` prefix (the editor shows the place itself), in the
    UI's language when the engine coded it."""
    if exc.msg is not None:
        return text(exc.msg, LANGUAGE.code)
    text_ = str(exc)
    prefix = f"{exc.where}: " if exc.where else ""
    return text_[len(prefix):] if prefix and text_.startswith(prefix) else text_


@dataclass
class LiveCount:
    matched: int = 0
    already: int = 0
    left_out: int = 0
    problem: str | None = None
    where: str | None = None


def live_count(c: OpContext, data: dict[str, Any], rule_id: int | None, now: datetime) -> LiveCount:
    """MailUp's live filter count for the rule as the wizard holds it (unsaved is fine).

    Who matches does not depend on the name or on which template or group the action uses,
    so an unfinished name or action does not hide the count: only problems in the parts that
    decide the audience (groups, conditions, re-send policy, schedule) are reported."""
    ctx = c.ws.rules.context()
    data = json.loads(json.dumps(data))
    data["name"] = (data.get("name") or "").strip() or "(new rule)"
    action = data.get("action") if isinstance(data.get("action"), dict) else {}
    kind = action.get("type") if action.get("type") in ACTIONS else "send_email"
    placeholder = "\u0000live-count"
    data["action"] = {"type": kind, **{key: placeholder for key in ACTIONS[kind]}}
    if kind == "move_to_group":
        data["action"]["to"] = placeholder + "2"
    ctx.templates[placeholder.casefold()] = "sms" if kind == "send_sms" else "email"
    ctx = RuleContext(fields=ctx.fields, groups=ctx.groups | {placeholder, placeholder + "2"},
                      templates=ctx.templates)
    try:
        rule = parse_rule(data, ctx, "$", business=c.ws.rules.business())
    except InputError as exc:
        return LiveCount(problem=bare_message(exc), where=exc.where)
    c.check()
    rule.id = rule_id
    result = simulate_now(c.ws, rule, now)
    return LiveCount(matched=len(result.selected) + len(result.discarded), already=len(result.discarded),
                     left_out=len(result.left_out))


@dataclass
class Review:
    """The summary step's verdict: the first validation problem, or the rule and its conflicts."""

    problem: str | None = None
    where: str | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    schedule_words: str = ""
    conditions_words: str = ""  # the rule list's words for its trigger


def review(c: OpContext, data: dict[str, Any], rule_id: int | None, language: str,
           pending_templates: dict[str, str] | None = None) -> Review:
    ws = c.ws
    try:
        rule = ws.rules.validate(data, pending_templates=pending_templates)
    except InputError as exc:
        return Review(problem=bare_message(exc), where=exc.where)
    clash = ws.rules.find(rule.name)
    if clash is not None and clash.id != rule_id:
        return Review(problem=text(Msg("rules.name_taken", {"name": rule.name}), language), where="$.name")
    rule.id = rule_id
    business = business_defaults(ws.settings)
    candidate = Rule(**{**rule.__dict__, "enabled": True})
    words = describe(Schedule.from_dict(rule.schedule, business=business), language, business=business)
    return Review(conflicts=find_conflicts(ws.db, ws.rules.all(), candidate), schedule_words=words,
                  conditions_words=trigger_words(rule, language, field_labels(ws, language)))


def save_rule(c: OpContext, data: dict[str, Any], rule_id: int | None, now: datetime) -> int:
    rule = c.ws.rules.save(data, now, rule_id)
    assert rule.id is not None
    return rule.id


def set_enabled(c: OpContext, rule_id: int, enabled: bool, now: datetime, force: bool) -> list[Conflict]:
    """Enable or disable; enabling with conflicts is refused (returned) unless ``force``."""
    ws = c.ws
    rule = ws.rules.get(rule_id)
    if rule is None:
        raise InputError(Msg("rules.no_id", {"id": rule_id}))
    if enabled and not force:
        conflicts = find_conflicts(ws.db, ws.rules.all(), Rule(**{**rule.__dict__, "enabled": True}))
        if conflicts:
            return conflicts
    ws.rules.set_enabled(rule_id, enabled, now)
    return []


def copy_name(name: str, taken: set[str]) -> str:
    """“Name (copy)”, then “Name (copy 2)”… whichever is free (names are unique, case-blind)."""
    folded = {t.casefold() for t in taken}
    candidate, n = f"{name} (copy)", 2
    while candidate.casefold() in folded:
        candidate, n = f"{name} (copy {n})", n + 1
    return candidate


def duplicate_rule(c: OpContext, rule_id: int, now: datetime) -> str:
    """A disabled copy: a copy that starts enabled would send twice to the same people."""
    ws = c.ws
    rule = ws.rules.get(rule_id)
    if rule is None:
        raise InputError(Msg("rules.no_id", {"id": rule_id}))
    data = rule.to_dict()
    data["name"] = copy_name(rule.name, {r.name for r in ws.rules.all()})
    data["enabled"] = False
    ws.rules.save(data, now)
    return str(data["name"])


def delete_rule(c: OpContext, rule_id: int) -> None:
    c.ws.rules.delete(rule_id)


def simulate_rule_now(c: OpContext, rule_id: int, now: datetime) -> tuple[str, dict[str, int], str]:
    """MailUp's “Simulate”: the counts, and the CSV of who would be selected and who not."""
    ws = c.ws
    rule = ws.rules.get(rule_id)
    if rule is None:
        raise InputError(Msg("rules.no_id", {"id": rule_id}))
    result = simulate_now(ws, rule, now)
    lines = ["contact_id,email,phone,first_name,last_name,outcome,reason"]

    def add(contact_id: int, outcome: str, reason: str = "") -> None:
        contact = ws.contacts.get(contact_id) or {}
        cells = [str(contact_id)] + [str(contact.get(k) or "") for k in ("email", "phone", "first_name", "last_name")]
        cells += [outcome, reason]
        lines.append(",".join('"' + v.replace('"', '""') + '"' if any(ch in v for ch in ',"\n') else v
                              for v in cells))

    for contact_id in result.selected:
        add(contact_id, "selected")
    for contact_id in result.discarded:
        add(contact_id, "already_sent")
    for contact_id, reason in result.left_out:
        add(contact_id, "left_out", text(reason, LANGUAGE.code))
    return rule.name, result.counts, "\n".join(lines) + "\n"


def _next_check(ws: Any, rule: Rule, schedule: Schedule, now: datetime, business: BusinessDefaults) -> datetime | None:
    """The engine's own answer (``due_of``); a check due already shows as now."""
    if not rule.enabled:
        return None
    due = due_of(ws.db, rule.id, schedule, now, business).at
    return None if due is None else max(due, now)


@dataclass
class RunReport:
    name: str
    enabled: bool
    matched: int = 0
    planned: int = 0
    applied: int = 0
    sent: int = 0
    failed: int = 0
    error: dict[str, Any] | None = None          # a Msg as a dict, translated by the dialog
    paused: bool = False
    channels_paused: dict[str, dict[str, Any]] = field(default_factory=dict)


def ask_run_now(c: OpContext, rule_id: int, now: datetime) -> int | RunReport:
    """Ask the running engine (this process's or another's) to check one rule now; the
    engine does the checking and the sending, under its lock and pause. A disabled rule is
    answered at once."""
    from desktop.service.requests import ask_check_now

    rule = c.ws.rules.get(rule_id)
    if rule is None:
        raise InputError(Msg("rules.no_id", {"id": rule_id}))
    if not rule.enabled:
        return RunReport(rule.name, False)
    return ask_check_now(c.ws, rule_id, now)


def run_now_answer(c: OpContext, request_id: int) -> RunReport | None:
    """What the engine answered, or None while it has not yet."""
    from desktop.service.requests import answer_of

    answer = answer_of(c.ws, request_id)
    if not answer.done:
        return None
    row = c.ws.db.execute("SELECT r.name FROM engine_requests q LEFT JOIN rules r ON r.id = q.rule_id "
                          "WHERE q.id = ?", [request_id]).fetchone()
    return RunReport(row[0] if row and row[0] else "", True, answer.matched, answer.planned, answer.applied,
                     answer.sent, answer.failed, answer.error, answer.paused, answer.channels_paused or {})


def export_rules(c: OpContext, names: list[str] | None, path: str) -> int:
    """Through the store: atomic, and never over one of the workspace's own files."""
    c.ws.rules.export_file(path, names)
    return len(c.ws.rules.export(names)["rules"])


def import_rules(c: OpContext, path: str, now: datetime, replace: bool) -> tuple[list[str], list[str]]:
    """All or nothing, through the store; errors carry the file and the JSON path."""
    summary = c.ws.rules.import_file(path, now, replace)
    return summary.created, summary.replaced


def when_text(value: datetime | None, zone: str) -> tuple[int, int, int, int, int] | None:
    """A UTC instant as a wall clock (y, m, d, H, M) in ``zone`` for display."""
    if value is None:
        return None
    local = value.astimezone(zoneinfo.ZoneInfo(zone))
    return local.year, local.month, local.day, local.hour, local.minute
