"""What a simulation found, and its table / CSV / JSON forms (the JSON is documented in
docs/simulation.md and stable: add keys, never rename them)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from desktop.messages import Msg, text
from desktop.timeutil import UTC

FORMAT, VERSION = "postino.simulation", 1


@dataclass
class PlannedSend:
    at: datetime                  # UTC
    zone: str                     # the recipient's (or the rule's) zone
    rule: str
    contact_id: int
    to: str
    name: str
    channel: str
    occurrence: str
    subject: str = ""
    text: str = ""
    matched_at: datetime | None = None
    reason: Msg | None = None     # why it waited (quiet hours, cap ...), if it did

    @property
    def local(self) -> datetime:
        return self.at.astimezone(ZoneInfo(self.zone)) if self.zone else self.at


@dataclass
class NotSent:
    at: datetime
    rule: str
    contact_id: int
    to: str
    name: str
    kind: str     # already_sent | no_consent | no_address | schedule | cap_dropped | template_error | failed | after_horizon
    reason: Msg


@dataclass
class CheckMark:
    at: datetime
    rule: str
    matched: int
    booked: int


@dataclass
class SimulationResult:
    start: datetime
    end: datetime
    rules: list[str] = field(default_factory=list)
    checks: list[CheckMark] = field(default_factory=list)
    sends: list[PlannedSend] = field(default_factory=list)
    group_changes: list[PlannedSend] = field(default_factory=list)
    not_sent: list[NotSent] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {name: {"checks": 0, "sends": 0, "group_changes": 0}
                                          for name in self.rules}
        for mark in self.checks:
            out.setdefault(mark.rule, {})["checks"] = out.get(mark.rule, {}).get("checks", 0) + 1
        for send in self.sends:
            out[send.rule]["sends"] += 1
        for change in self.group_changes:
            out[change.rule]["group_changes"] += 1
        for item in self.not_sent:
            counts = out.setdefault(item.rule, {})
            counts[item.kind] = counts.get(item.kind, 0) + 1
        return out

    def to_json(self, lang: str = "en") -> dict:
        def stamp(moment: datetime | None) -> str | None:
            return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None

        def send(s: PlannedSend) -> dict:
            return {"at": stamp(s.at), "local": s.local.isoformat(), "zone": s.zone, "rule": s.rule,
                    "contact_id": s.contact_id, "to": s.to, "name": s.name, "channel": s.channel,
                    "occurrence": s.occurrence, "subject": s.subject, "text": s.text,
                    "matched_at": stamp(s.matched_at), **_reason(s.reason, lang)}

        def not_sent(n: NotSent) -> dict:
            return asdict(n) | {"at": stamp(n.at)} | _reason(n.reason, lang)

        return {
            "format": FORMAT, "version": VERSION, "start": stamp(self.start), "end": stamp(self.end),
            "cancelled": self.cancelled, "rules": self.rules, "summary": self.summary(),
            "checks": [{"at": stamp(c.at), "rule": c.rule, "matched": c.matched, "booked": c.booked}
                       for c in self.checks],
            "sends": [send(s) for s in self.sends],
            "group_changes": [send(s) for s in self.group_changes],
            "not_sent": [not_sent(n) for n in self.not_sent],
        }

    def to_csv(self, lang: str = "en") -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["when_utc", "when_local", "zone", "rule", "contact_id", "to", "name", "channel",
                         "what", "subject_or_text", "reason"])
        for s in self.sends + self.group_changes:
            writer.writerow([s.at.astimezone(UTC).isoformat(), s.local.isoformat(), s.zone, s.rule,
                             s.contact_id, s.to, s.name, s.channel, "send" if s.channel != "group" else "group",
                             s.subject or s.text, text(s.reason, lang)])
        for n in self.not_sent:
            writer.writerow([n.at.astimezone(UTC).isoformat(), "", "", n.rule, n.contact_id, n.to, n.name, "",
                             n.kind, "", text(n.reason, lang)])
        return buffer.getvalue()

    def to_table(self, lang: str = "en") -> str:
        lines = [f"Simulation from {self.start:%Y-%m-%d %H:%M} to {self.end:%Y-%m-%d %H:%M} UTC"]
        for rule, counts in self.summary().items():
            extra = ", ".join(f"{k} {v}" for k, v in counts.items() if k not in ("checks", "sends", "group_changes") and v)
            lines.append(f"  {rule}: {counts.get('checks', 0)} checks, {counts.get('sends', 0)} sends, "
                         f"{counts.get('group_changes', 0)} group changes" + (f"; not sent: {extra}" if extra else ""))
        if self.sends:
            lines.append("")
            lines.append(f"{'local time':<22} {'zone':<20} {'rule':<28} {'to':<32} what")
            for s in self.sends:
                what = s.subject or s.text
                note = f"  ({text(s.reason, lang)})" if s.reason else ""
                lines.append(f"{s.local:%Y-%m-%d %H:%M %Z}".ljust(22) + f" {s.zone:<20} {s.rule[:28]:<28} "
                             f"{s.to[:32]:<32} {what[:60]}{note}")
        reasons = Counter((n.rule, n.kind, n.reason) for n in self.not_sent)
        if reasons:
            lines.append("")
            lines.append("Not sent:")
            for (rule, kind, reason), count in sorted(reasons.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2].encode())):
                lines.append(f"  {rule}: {count} × {text(reason, lang)}")
        return "\n".join(lines)

    def dumps(self, lang: str = "en") -> str:
        return json.dumps(self.to_json(lang), ensure_ascii=False, indent=2)


def _reason(reason: Msg | None, lang: str) -> dict:
    """``reason`` in words (the key kept from before codes) plus its code and parameters."""
    if reason is None:
        return {"reason": None, "reason_code": None, "reason_params": {}}
    params = reason.as_dict()
    code = params.pop("code")
    return {"reason": text(reason, lang), "reason_code": code, "reason_params": params}
