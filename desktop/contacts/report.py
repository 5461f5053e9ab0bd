"""What an import did, or would have done: counts, each bad row, and whether it was kept.

The same report serves contacts and events imports, the CLI (``format()``) and the Qt
import wizard (the fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from desktop.messages import Msg, define, text

define({
    "report.kind_contacts": ("contatti", "contacts"), "report.kind_events": ("eventi", "events"),
    "report.title": ("Importazione di {kind} da {path}", "Import of {kind} from {path}"),
    "report.read_as": ("letto come {encoding}, separatore {delimiter}", "read as {encoding}, separator {delimiter}"),
    "report.nothing_written": ("(non è stato scritto nulla: i numeri dicono cosa farebbe l'importazione)",
                               "(nothing was written: the counts say what the import would do)"),
    "report.rows": ("righe lette", "rows read"), "report.created": ("creati", "created"),
    "report.updated": ("aggiornati", "updated"), "report.unchanged": ("invariati", "unchanged"),
    "report.already_present": ("già presenti", "already present"),
    "report.duplicates": ("doppi nel file", "duplicates in file"),
    "report.merged": ("uniti", "merged"), "report.counted_once": ("contati una volta", "counted once"),
    "report.bad_rows": ("righe errate", "bad rows"),
    "report.new_fields": ("nuovi campi", "new custom fields"), "report.ignored": ("colonne ignorate", "ignored columns"),
    "report.empty_columns": ("colonne vuote", "empty columns"),
    "report.no_field_made": ("(nessun campo creato)", "(no custom field made)"),
    "report.group": ("gruppo", "group"), "report.preset": ("formato", "preset"),
    "report.file_status": ("stato per tutto il file", "whole-file status"),
    "report.numbers": ("numeri letti come", "numbers read as"),
    "report.decimal_comma": ("1.234,50 (italiano)", "1.234,50 (Italian)"), "report.decimal_point": ("1,234.50", "1,234.50"),
    "report.ambiguous_dates": ("le date in \"{header}\" possono essere giorno/mese o mese/giorno: lette con "
                               "l'impostazione dell'ordine delle date; scegli con --date-order dmy|mdy",
                               "dates in \"{header}\" could be day/month or month/day: read by the date order "
                               "setting; choose with --date-order dmy|mdy"),
    "report.left_out": ("lasciati fuori", "left out"),
    # Subscription statuses in words (English: the status itself, as the report always said).
    "report.status_subscribed": ("iscritti", "subscribed"), "report.status_pending": ("in attesa", "pending"),
    "report.status_unsubscribed": ("disiscritti", "unsubscribed"), "report.status_bounced": ("respinti", "bounced"),
    "report.consent": ("consenso {channel}: {count} {status} — {why}", "{channel} consent: {count} {status} — {why}"),
    "report.consent_unknown": ("consenso ignoto", "consent unknown"),
    "report.consent_unknown_lines": ("nuovi contatti: {count} (righe {lines}); il file non dice se hanno accettato "
                                     "di ricevere messaggi",
                                     "{count} new contacts (lines {lines}): the file does not say whether they "
                                     "agreed to messages"),
    "report.bad_rows_title": ("Righe errate:", "Bad rows:"),
    "report.outcome_consent": ("Non è stato importato nulla: di' a cosa hanno acconsentito i nuovi contatti con "
                               "--consent subscribed|unsubscribed|pending (o associa una colonna del consenso).",
                               "Nothing was imported: say what the new contacts agreed to with --consent "
                               "subscribed|unsubscribed|pending (or map a consent column)."),
    "report.outcome_dry_ok": ("Prova: non è stato scritto nulla; il file verrebbe importato.",
                              "Dry run: nothing was written; the file would be imported."),
    "report.outcome_dry_bad": ("Prova: non è stato scritto nulla; il file NON verrebbe importato (righe errate).",
                               "Dry run: nothing was written; the file would NOT be imported (bad rows)."),
    "report.outcome_imported": ("Importato.", "Imported."),
    "report.outcome_imported_skipped_one": ("Importato, 1 riga errata saltata.", "Imported, 1 bad row skipped."),
    "report.outcome_imported_skipped": ("Importato, {count} righe errate saltate.", "Imported, {count} bad rows skipped."),
    "report.outcome_refused_one": ("Non è stato importato nulla: 1 riga errata. Correggila, o importa solo le righe "
                                   "buone con --skip-invalid.",
                                   "Nothing was imported: 1 bad row. Fix it, or import the good rows only with "
                                   "--skip-invalid."),
    "report.outcome_refused": ("Non è stato importato nulla: {count} righe errate. Correggile, o importa solo le "
                               "righe buone con --skip-invalid.",
                               "Nothing was imported: {count} bad rows. Fix them, or import the good rows only "
                               "with --skip-invalid."),
})


def _status(status: str, language: str) -> str:
    code = f"report.status_{status}"
    return text(Msg(code), language) if status in ("subscribed", "pending", "unsubscribed", "bounced") else status


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

    def format(self, language: str = "en") -> str:
        """The report for the terminal, in ``language``."""
        say = lambda code, **params: text(Msg(code, params), language)  # noqa: E731
        kind = say(f"report.kind_{self.kind}")
        lines = [say("report.title", kind=kind, path=self.path)]
        if self.encoding:
            from desktop.contacts.sniff import delimiter_words

            lines.append("  " + say("report.read_as", encoding=self.encoding,
                                    delimiter=delimiter_words(self.delimiter, language)))
        if not self.committed:
            lines.append("  " + say("report.nothing_written"))
        rows = [("report.rows", self.rows), ("report.created", self.created)]
        if self.kind == "contacts":
            rows += [("report.updated", self.updated), ("report.unchanged", self.unchanged)]
        else:
            rows.append(("report.already_present", self.unchanged))
        for code, count in rows:
            lines.append(_row(say(code), count))
        how = say("report.merged" if self.kind == "contacts" else "report.counted_once")
        lines.append(_row(say("report.duplicates"), f"{self.duplicates_in_file} ({how})"))
        lines.append(_row(say("report.bad_rows"), self.invalid))
        for code, names in (("report.new_fields", self.new_fields), ("report.ignored", self.ignored_columns)):
            if names:
                lines.append(_row(say(code), ", ".join(names)))
        if self.empty_columns:
            lines.append(_row(say("report.empty_columns"), ", ".join(self.empty_columns) + " "
                              + say("report.no_field_made")))
        if self.group:
            lines.append(_row(say("report.group"), self.group))
        lines.extend(self._whole_file_lines(language))
        lines.extend(self._consent_lines(language))
        if self.errors:
            lines.append(say("report.bad_rows_title"))
            lines.extend(f"  {error.words(language)}" for error in self.errors)
        lines.append(self.outcome(language))
        return "\n".join(lines)

    def _whole_file_lines(self, language: str = "en") -> list[str]:
        from desktop.events_presets import left_out_msg

        say = lambda code, **params: text(Msg(code, params), language)  # noqa: E731
        lines = []
        if self.preset:
            lines.append(_row(say("report.preset"), self.preset))
        if self.file_status:
            why = text(self.file_status_msg, language) if self.file_status_msg else self.file_status_why
            lines.append(_row(say("report.file_status"), f"{_status(self.file_status, language)} ({why})"))
        if self.decimal:
            lines.append(_row(say("report.numbers"), say("report.decimal_comma" if self.decimal == ","
                                                          else "report.decimal_point")))
        for header in self.ambiguous_dates:
            lines.append("  " + say("report.ambiguous_dates", header=header))
        for reason, count in sorted(self.left_out.items()):
            lines.append(_row(say("report.left_out"), f"{count} ({text(left_out_msg(reason), language)})"))
        return lines

    def _consent_lines(self, language: str = "en") -> list[str]:
        say = lambda code, **params: text(Msg(code, params), language)  # noqa: E731
        lines = []
        for (channel, status, why), count in sorted(self.consent.items()):
            label = "e-mail" if channel == "email" else "SMS"
            lines.append("  " + say("report.consent", channel=label, count=count, status=_status(status, language),
                                    why=text(why, language)))
        if self.consent_undecided:
            shown = ", ".join(str(n) for n in self.consent_undecided_lines)
            more = ", …" if self.consent_undecided > len(self.consent_undecided_lines) else ""
            lines.append(_row(say("report.consent_unknown"), say("report.consent_unknown_lines",
                                                                 count=self.consent_undecided, lines=shown + more)))
        return lines

    def outcome(self, language: str = "en") -> str:
        say = lambda code, **params: text(Msg(code, params), language)  # noqa: E731
        if self.consent_undecided:
            return say("report.outcome_consent")
        if self.dry_run:
            return say("report.outcome_dry_ok" if self.ok else "report.outcome_dry_bad")
        if self.committed:
            if self.invalid:
                return say("report.outcome_imported_skipped_one" if self.invalid == 1
                           else "report.outcome_imported_skipped", count=self.invalid)
            return say("report.outcome_imported")
        return say("report.outcome_refused_one" if self.invalid == 1 else "report.outcome_refused",
                   count=self.invalid)


def _row(label: str, value: object) -> str:
    """``  label:   value`` with the values in one column."""
    return f"  {(label + ':'):<20}{value}"
