"""What the engine does on each tick, shared by ``run-once``, the service and the simulator:
check the rules that are due, then dispatch the sends that are due."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from desktop.delivery.dispatcher import DispatchSummary, dispatch_due
from desktop.rules.caps import Cap
from desktop.rules.engine import CheckResult, check_rule, last_check, rule_schedule
from desktop.rules.model import Rule
from desktop.rules.send_policy import RulePolicy
from desktop.schedule import BusinessDefaults, Schedule, business_defaults, next_check
from desktop.timeutil import to_db

log = logging.getLogger(__name__)


@dataclass
class CycleReport:
    checks: list[tuple[str, CheckResult]] = field(default_factory=list)  # (rule name, result)
    errors: dict[str, str] = field(default_factory=dict)  # rule name -> error
    dispatch: DispatchSummary | None = None


def is_due(rule: Rule, schedule: Schedule, db: Any, now: datetime, business: BusinessDefaults) -> bool:
    previous = last_check(db, rule.id)
    if previous is None:
        return True
    upcoming = next_check(schedule, previous, business=business)
    return upcoming is not None and upcoming <= now


def check_one(ws: Any, rule: Rule, now: datetime, business: BusinessDefaults,
              caps: dict[str, Cap] | None = None, explain: bool = False) -> CheckResult | str:
    """Check one rule; a failure is recorded on the rule (the app shows it) and returned."""
    try:
        return check_rule(ws, rule, rule.id, now, business=business, caps=caps, explain=explain)
    except Exception as exc:
        log.exception("check of rule %r failed", rule.name)
        message = f"{type(exc).__name__}: {exc}"
        ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, error) VALUES (?, ?, ?)",
                      [rule.id, to_db(now), message])
        return message


def run_cycle(ws: Any, now: datetime, channels: Mapping[str, Any] | None,
              *, only_due: bool = True, rule_names: list[str] | None = None,
              dispatch_until: datetime | None = None) -> CycleReport:
    business = business_defaults(ws.settings)
    report = CycleReport()
    for rule in ws.rules.all(enabled_only=True):
        if rule_names and rule.name not in rule_names:
            continue
        schedule = rule_schedule(rule, business)
        if only_due and not is_due(rule, schedule, ws.db, now, business):
            continue
        outcome = check_one(ws, rule, now, business)
        if isinstance(outcome, str):
            report.errors[rule.name] = outcome
        else:
            report.checks.append((rule.name, outcome))
    if channels is not None:
        report.dispatch = dispatch_due(ws, dispatch_until or now, channels=channels,
                                       policy=RulePolicy(ws, business))
    return report
