"""The one answer to "is this rule due?", for the service, ``run-once``, the simulator and
the rule list's "next check" column alike.

A rule is due at the first scheduled check after its last one. If that slot already went
by (the PC was off or asleep), the rule's missed-window policy decides: ``catch_up_once``
checks now, once, whatever was missed; ``skip`` checks now only if the latest slot is
recent (within ``SKIP_GRACE``, so a scheduler that runs ``run-once`` every few minutes
still hits every slot), and otherwise waits for the next slot and reports the slot it
skipped so the rule's history can say so.

A rule never checked has missed nothing: its first check is its first slot at or after
the moment it was saved or switched on — or, if that was long ago (the engine never ran
since), its first slot from ``SKIP_GRACE`` ago on, so a rule imported last month does not
fire the moment the engine first starts, and ``run-once`` run every few minutes still
meets its first slot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.schedule.checks import TINY, next_check, previous_check
from desktop.schedule.model import BusinessDefaults, Schedule

# How late a ``skip`` rule's check may start and still count as on time.
SKIP_GRACE = timedelta(minutes=15)


@dataclass(frozen=True)
class Due:
    at: datetime | None          # when to check: <= now means now; None: never again
    missed: datetime | None = None   # a slot that went by and is skipped (``skip`` rules)

    def now(self, now: datetime) -> bool:
        return self.at is not None and self.at <= now


def rule_due(schedule: Schedule, last_check: datetime | None, since: datetime | None, now: datetime, *,
             business: BusinessDefaults) -> Due:
    """When ``schedule`` wants its next check, seen at ``now``.

    ``last_check`` is the last successful check; ``since`` the moment the rule was last saved
    or enabled (used when it was never checked)."""
    if last_check is None:
        start = max(since or now, now - SKIP_GRACE)
        return Due(next_check(schedule, start - TINY, business=business))
    first = next_check(schedule, last_check, business=business)
    if first is None or first > now:
        return Due(first)
    if schedule.missed == "catch_up_once":
        return Due(first)
    latest = previous_check(schedule, now + TINY, business=business) or first
    if now - latest <= SKIP_GRACE:
        return Due(latest, missed=first if first < latest else None)
    return Due(next_check(schedule, now, business=business), missed=latest)
