"""What an import does with consent, contact by contact (see ``consent.py`` for the why).

New contacts: a status the row (or the whole file) states is kept; otherwise the status
given with ``--consent``; with none given, the contact is counted as undecided and the
import refuses the file, naming the lines. A channel the contact has no address for is
``pending``. Existing contacts: an unsubscribe or bounce recorded in Postino is sticky.
"""

from __future__ import annotations

from desktop.contacts.consent import CHANNELS, STICKY
from desktop.contacts.report import ImportReport
from desktop.contacts.row_parse import FILE, ParsedRow
from desktop.messages import Msg
from desktop.workspace import Workspace

_ADDRESS = {"email": "email", "sms": "phone"}
UNDECIDED_LINES_SHOWN = 20


class ConsentRules:
    def __init__(self, ws: Workspace, report: ImportReport, policy: str | None, file_why: str = "") -> None:
        self.ws, self.report, self.policy = ws, report, policy
        self.file_why = file_why
        self._whys: dict[str, str] = {}

    def _why(self, source: str) -> str:
        found = self._whys.get(source)
        if found is None:
            if source == FILE:
                reason = Msg.decode(self.file_why)
                nested = {"code": reason.code, **reason.params} if reason else ""
                found = Msg("consent.source.file", {"why": nested}).encode()
            elif source.startswith("\x00policy:"):
                found = Msg("consent.source.policy", {"policy": source[len("\x00policy:"):]}).encode()
            else:
                found = Msg("consent.source.cell", {"column": source}).encode()
            self._whys[source] = found
        return found

    def for_new(self, row: ParsedRow) -> bool:
        """Fill in the new contact's statuses; ``False`` if the row must not be created."""
        values = row.values
        assert values is not None
        undecided = False
        for channel in CHANNELS:
            field = f"{channel}_status"
            if field in values:
                self.report.count_consent(channel, values[field], self._why(row.sources.get(channel, "")))
                continue
            if not values.get(_ADDRESS[channel]):
                values[field] = "pending"  # nothing to send to; never "subscribed" by default
                continue
            if self.policy in ("subscribed", "unsubscribed", "pending"):
                values[field] = self.policy
                self.report.count_consent(channel, self.policy, self._why(f"\x00policy:{self.policy}"))
            elif self.policy == "from-file":
                self.report.invalid += 1
                self.report.add_error(row.line, "", f"the file does not say whether this new contact agreed to "
                                                    f"{'e-mails' if channel == 'email' else 'SMS'} (--consent from-file)")
                return False
            else:
                values[field] = "pending"
                undecided = True
        if undecided:
            self.report.consent_undecided += 1
            if len(self.report.consent_undecided_lines) < UNDECIDED_LINES_SHOWN:
                self.report.consent_undecided_lines.append(row.line)
        return True

    def for_existing(self, contact_id: int, row: ParsedRow) -> None:
        """Drop a re-subscription of someone who unsubscribed in Postino, unless the row opts in later."""
        values = row.values
        assert values is not None
        asked = [c for c in CHANNELS if values.get(f"{c}_status") in ("subscribed", "pending")]
        if not asked:
            return
        current = self.ws.db.execute("SELECT email_status, sms_status FROM contacts WHERE id = ?",
                                     [contact_id]).fetchone()
        for channel in asked:
            status = current[0] if channel == "email" else current[1]
            if status not in STICKY:
                continue
            if row.optin_at and row.optin_at > self._stopped_at(contact_id, channel):
                continue
            del values[f"{channel}_status"]
            self.report.count_consent(channel, status, Msg("consent.source.sticky").encode())

    def _stopped_at(self, contact_id: int, channel: str) -> str:
        """When the contact last unsubscribed or bounced on ``channel`` ('' if never recorded)."""
        field = f"{channel}_status"
        row = self.ws.db.execute(
            "SELECT max(occurred_at) FROM events WHERE contact_id = ? AND ("
            "(type = 'field_changed' AND ref = ?) OR (type = 'unsubscribed' AND ref = ?) "
            "OR (type = 'email_bounced' AND ? = 'email'))", [contact_id, field, channel, channel]).fetchone()
        if row[0]:
            return row[0]
        # Imported already unsubscribed (no change event): the last time the contact was written.
        return self.ws.db.execute("SELECT updated_at FROM contacts WHERE id = ?", [contact_id]).fetchone()[0]
