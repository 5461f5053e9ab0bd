"""What an import did, or would have done: counts, each bad row, and whether it was kept.

The same report serves contacts and events imports, the CLI (``format()``) and the Qt
import wizard (the fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class RowError(NamedTuple):
    """One bad value: the file's line number, the column header (or JSON key), and why."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        if self.column:
            return f'line {self.line}, column "{self.column}": {self.reason}'
        return f"line {self.line}: {self.reason}"


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

    def add_error(self, line: int, column: str, reason: str) -> None:
        self.errors.append(RowError(line, column, reason))

    @property
    def ok(self) -> bool:
        """True when the file was imported (or, in a dry run, would be) without being refused."""
        return not self.invalid or self.skip_invalid

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
        if self.group:
            lines.append(f"  group:              {self.group}")
        if self.errors:
            lines.append("Bad rows:")
            lines.extend(f"  {error}" for error in self.errors)
        lines.append(self.outcome())
        return "\n".join(lines)

    def outcome(self) -> str:
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
