"""What a statistics query returns: counters, the rates derived from them, days and rule rows."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from desktop.stats.sql import COLUMNS


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole > 0 else None


@dataclass
class Stats:
    """Counters for one rule (or all) over one range; meanings in docs/stats.md."""

    matched: int = 0
    planned: int = 0
    sent: int = 0
    sms_sent: int = 0
    failed: int = 0
    skipped: int = 0
    uncertain: int = 0
    deferred_cap: int = 0
    dropped_cap: int = 0
    bounced: int = 0
    opened: int = 0
    opened_unique: int = 0
    clicked: int = 0
    clicked_unique: int = 0
    unsubscribed: int = 0
    sms_delivered: int = 0
    sms_failed: int = 0
    purchases: int = 0
    machine_opened: int = 0   # pixels fetched by machines (Apple MPP, scanners): not in open_rate
    machine_clicked: int = 0  # links followed by security scanners: not in click_rate
    revenue: float = 0.0

    @classmethod
    def from_row(cls, row: Any) -> "Stats":
        if row is None:
            return cls()
        values = {name: (value or 0) for name, value in zip(COLUMNS, row)}
        values["revenue"] = round(float(values["revenue"]), 2)
        return cls(**values)

    # -- derived ----------------------------------------------------------------------------
    @property
    def email_sent(self) -> int:
        return self.sent - self.sms_sent

    @property
    def email_delivered(self) -> int:
        """E-mails sent that did not bounce: SMTP acceptance is all we learn without a bounce."""
        return max(self.email_sent - self.bounced, 0)

    @property
    def delivered(self) -> int:
        return self.email_delivered + self.sms_delivered

    @property
    def open_rate(self) -> float | None:
        return _ratio(self.opened_unique, self.email_delivered)

    @property
    def click_rate(self) -> float | None:
        return _ratio(self.clicked_unique, self.email_delivered)

    @property
    def click_to_open_rate(self) -> float | None:
        return _ratio(self.clicked_unique, self.opened_unique)

    @property
    def bounce_rate(self) -> float | None:
        return _ratio(self.bounced, self.email_sent)

    @property
    def unsubscribe_rate(self) -> float | None:
        return _ratio(self.unsubscribed, self.sent)

    def counts(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out.update(email_sent=self.email_sent, email_delivered=self.email_delivered, delivered=self.delivered)
        return out

    def rates(self) -> dict[str, float | None]:
        return {name: (round(v, 6) if v is not None else None) for name, v in (
            ("open_rate", self.open_rate), ("click_rate", self.click_rate),
            ("click_to_open_rate", self.click_to_open_rate), ("bounce_rate", self.bounce_rate),
            ("unsubscribe_rate", self.unsubscribe_rate))}


@dataclass
class DayStats:
    day: date
    stats: Stats = field(default_factory=Stats)


@dataclass
class RuleRow:
    rule_id: int
    name: str
    stats: Stats = field(default_factory=Stats)


@dataclass
class Kpis:
    """The statistics page's tiles."""

    sent: int
    delivered: int
    open_rate: float | None
    click_rate: float | None
    unsubscribed: int
    revenue: float
