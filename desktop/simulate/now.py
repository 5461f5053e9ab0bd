"""MailUp's "Simula": if the rule ran now, who would be selected, and who is discarded
because an earlier run already picked them — plus who is left out for lack of consent."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.rules.clock import EvalClock
from desktop.rules.engine import eval_zone, group_ids, last_check
from desktop.rules.model import Rule
from desktop.rules.sql import compile_rule
from desktop.schedule import Schedule, business_defaults, check_window
from desktop.messages import Msg
from desktop.simulate.explain import consent_problem


@dataclass
class NowResult:
    selected: list[int] = field(default_factory=list)
    discarded: list[int] = field(default_factory=list)       # already sent by an earlier run
    left_out: list[tuple[int, Msg]] = field(default_factory=list)  # (contact, reason) no consent/address

    @property
    def counts(self) -> dict[str, int]:
        return {"selected": len(self.selected), "discarded": len(self.discarded), "left_out": len(self.left_out)}


def simulate_now(ws: Any, rule: Rule, now: datetime, *, with_reasons: bool = True) -> NowResult:
    """Read-only: runs the rule's query as its next check would, books nothing.

    Works for unsaved rules too (``rule.id`` None: nothing is "already sent"), which is what
    the editor's live count uses while the user types.
    """
    business = business_defaults(ws.settings)
    schedule = Schedule.from_dict(rule.schedule, business=business)
    previous = last_check(ws.db, rule.id) if rule.id is not None else None
    start, _ = check_window(schedule, previous, now, business=business)
    clock = EvalClock(now, min(start or now, now), eval_zone(schedule, business), schedule=schedule)
    common = dict(fields=ws.fields.all(), group_ids=group_ids(ws.db), clock=clock, rule_id=rule.id)
    fresh = compile_rule(rule, **common)
    result = NowResult(selected=sorted({r[0] for r in ws.db.execute(fresh.sql, fresh.params)}))
    if rule.id is not None:
        everyone = compile_rule(rule, **common, ignore_resend=True)
        matched = {r[0] for r in ws.db.execute(everyone.sql, everyone.params)}
        result.discarded = sorted(matched - set(result.selected))
    if with_reasons and rule.sends:
        left = compile_rule(rule, **common, ignore_resend=True, without_consent=True)
        for row in ws.db.execute(left.sql, left.params):
            contact = ws.contacts.get(row[0]) or {}
            result.left_out.append((row[0], consent_problem(rule.channel, contact)[1]))
    return result
