"""Scheduling: when rules are checked and when their sends may go out.

Pure functions of time (``now`` is always passed in) used alike by the live engine, the
dispatcher's last-moment re-check and the simulator; ``runner`` drives them with APScheduler.
"""

from desktop.schedule.checks import (
    check_window, check_zone, checks_between, missed_checks, next_check, previous_check)
from desktop.schedule.describe import describe
from desktop.schedule.due import SKIP_GRACE, Due, rule_due
from desktop.schedule.model import BusinessDefaults, Schedule, business_defaults
from desktop.schedule.sending import SendDecision, first_allowed, is_allowed, send_time, send_zone
from desktop.schedule.zones import resolve_zone

__all__ = [
    "SKIP_GRACE", "BusinessDefaults", "Due", "Schedule", "rule_due", "SendDecision", "business_defaults", "check_window",
    "check_zone", "checks_between", "describe", "first_allowed", "is_allowed", "missed_checks",
    "next_check", "previous_check", "resolve_zone", "send_time", "send_zone",
]
