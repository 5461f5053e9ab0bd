"""What an import did, or would have done: counts, each bad row, and whether it was kept.

The same report serves contacts and events imports, the CLI (``format()``) and the Qt
import wizard (the fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from desktop.messages import text


class RowError(NamedTuple):
    """One bad value: the file's line number, the column header (or JSON key), and why."""

    line: int
    column: str
    reason: str      # in English (logs, tests)
    coded: str = ""  # the same reason as an encoded ``Msg`` when it has a code (``words`` translates it)

    def __str__(self) -> str:
        return self.words("en")

    def words(self, language: str) -> str:
        """The line for a report in ``language`` (the reason may be a coded message)."""
        reason = text(self.coded or self.reason, language)
        if language == "it":
            return f'riga {self.line}, colonna "{self.column}": {reason}' if self.column \
                else f"riga {self.line}: {reason}"
        if self.column:
            return f'line {self.line}, column "{self.column}": {reason}'
        return f"line {self.line}: {reason}"


@dataclass
class ImportReport:
    path: str
    kind: str = "contacts"  # or "events"
    encoding: str = ""
    delimiter: str = ""
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    duplicates_in_file: int = 0
    errors: list[RowError] = field(default_factory=list)
    new_fields: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    group: str | None = None
    committed: bool = False
    dry_run: bool = False
    skip_invalid: bool = False
    preset: str | None = None  # the preset's label, when one was detected or chosen
    file_status: str | None = None  # the status the whole file carries, and why (below)
    file_status_why: str = ""
    file_status_msg: str = ""  # the same reason as an encoded Msg, for other languages
    decimal: str | None = None  # "," or "." when the file's numbers decided it
    ambiguous_dates: list[str] = field(default_factory=list)  # date columns the data did not decide
    empty_columns: list[str] = field(default_factory=list)  # empty in every row: no custom field made
    # (channel, status, why as an encoded Msg) -> contacts; ``text(Msg.decode(why), lang)`` for words
    consent: dict[tuple[str, str, str], int] = field(default_factory=dict)
    consent_undecided: int = 0  # new contacts whose consent nobody stated (refuses the import)
    consent_undecided_lines: list[int] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)  # events: reason -> rows not imported on purpose

    def add_error(self, line: int, column: str, reason: str) -> None:
        """``reason`` is English text or an encoded ``Msg`` (``desktop.errors.reason_of``)."""
        coded = reason if reason.startswith('{"code"') else ""
        self.errors.append(RowError(line, column, text(coded, "en") if coded else reason, coded))

    def count_consent(self, channel: str, status: str, why: str) -> None:
        key = (channel, status, why)
        self.consent[key] = self.consent.get(key, 0) + 1

    @property
    def ok(self) -> bool:
        """True when the file was imported (or, in a dry run, would be) without being refused."""
        return (not self.invalid or self.skip_invalid) and not self.consent_undecided

    def format(self) -> str:
        lines = [f"Import of {self.kind} from {self.path}"]
        if self.encoding:
            lines.append(f"  read as {self.encoding}, separator {self.delimiter}")
        if not self.committed:
            lines.append("  (nothing was written: the counts say what the import would do)")
        lines.append(f"  rows read:          {self.rows}")
        lines.append(f"  created:            {self.created}")
        if self.kind == "contacts":
            lines.append(f"  updated:            {self.updated}")
            lines.append(f"  unchanged:          {self.unchanged}")
        else:
            lines.append(f"  already present:    {self.unchanged}")
        lines.append(f"  duplicates in file: {self.duplicates_in_file} "
                     f"({'merged' if self.kind == 'contacts' else 'counted once'})")
        lines.append(f"  bad rows:           {self.invalid}")
        if self.new_fields:
            lines.append(f"  new custom fields:  {', '.join(self.new_fields)}")
        if self.ignored_columns:
            lines.append(f"  ignored columns:    {', '.join(self.ignored_columns)}")
        if self.empty_columns:
            lines.append(f"  empty columns:      {', '.join(self.empty_columns)} (no custom field made)")
        if self.group:
            lines.append(f"  group:              {self.group}")
        lines.extend(self._whole_file_lines())
        lines.extend(self._consent_lines())
        if self.errors:
            lines.append("Bad rows:")
            lines.extend(f"  {error}" for error in self.errors)
        lines.append(self.outcome())
        return "\n".join(lines)

    def _whole_file_lines(self) -> list[str]:
        lines = []
        if self.preset:
            lines.append(f"  preset:             {self.preset}")
        if self.file_status:
            lines.append(f"  whole-file status:  {self.file_status} ({self.file_status_why})")
        if self.decimal:
            lines.append(f"  numbers read as:    {'1.234,50 (Italian)' if self.decimal == ',' else '1,234.50'}")
        for header in self.ambiguous_dates:
            lines.append(f'  dates in "{header}" could be day/month or month/day: read by the date order '
                         "setting; choose with --date-order dmy|mdy")
        for reason, count in sorted(self.left_out.items()):
            lines.append(f"  left out:           {count} ({reason})")
        return lines

    def _consent_lines(self) -> list[str]:
        lines = []
        for (channel, status, why), count in sorted(self.consent.items()):
            label = "e-mail" if channel == "email" else "SMS"
            lines.append(f"  {label} consent: {count} {status} — {text(why, 'en')}")
        if self.consent_undecided:
            shown = ", ".join(str(n) for n in self.consent_undecided_lines)
            more = ", …" if self.consent_undecided > len(self.consent_undecided_lines) else ""
            lines.append(f"  consent unknown:    {self.consent_undecided} new contacts (lines {shown}{more}): "
                         "the file does not say whether they agreed to messages")
        return lines

    def outcome(self) -> str:
        if self.consent_undecided:
            return ("Nothing was imported: say what the new contacts agreed to with --consent "
                    "subscribed|unsubscribed|pending (or map a consent column).")
        if self.dry_run:
            verdict = "would be imported" if self.ok else "would NOT be imported (bad rows)"
            return f"Dry run: nothing was written; the file {verdict}."
        if self.committed:
            skipped = f", {_rows(self.invalid)} skipped" if self.invalid else ""
            return f"Imported{skipped}."
        return (f"Nothing was imported: {_rows(self.invalid)}. Fix them, or import the good rows "
                "only with --skip-invalid.")


def _rows(count: int) -> str:
    return f"{count} bad row" if count == 1 else f"{count} bad rows"
