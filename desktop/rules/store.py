"""Rules in the workspace: create, change, enable, list, and the versioned JSON import/export.

An import is all-or-nothing: every rule in the file is validated first (errors name the JSON
path, e.g. ``$.rules[2].conditions.all[0].op``), and only a clean file is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.errors import InputError
from desktop.messages import Msg, define

define({
    "rules.name_taken": ("esiste già una regola chiamata {name!r}", "a rule called {name!r} already exists"),
    "rules.name_taken_import": ("esiste già una regola chiamata {name!r} (usa --replace per sostituirla)",
                                "a rule called {name!r} already exists (use --replace to overwrite)"),
    "rules.name_twice": ("il nome {name!r} è usato due volte (anche in {first})",
                         "the name {name!r} is used twice (also at {first})"),
    "rules.no_such": ("non c'è nessuna regola chiamata {name!r}", "there is no rule called {name!r}"),
    "rules.no_id": ("non c'è nessuna regola con id {id} (forse è stata eliminata)", "there is no rule with id {id}"),
    "rules.none_called": ("nessuna regola si chiama {names}", "no rule called {names}"),
    "rules.not_file": ('non è un file di regole di Postino (serve "format": "{format}")',
                       'not a Postino rules file (expected "format": "{format}")'),
    "rules.version": ("la versione {version!r} del file di regole non è supportata (questa versione di Postino "
                      "legge la {supported})",
                      "rules file version {version!r} is not supported (this Postino reads version {supported})"),
    "rules.unknown_key": ("campo sconosciuto {key!r}", "unknown field {key!r}"),
    "rules.not_list": ("deve essere una lista di regole", "must be a list of rules"),
})
from desktop.fileio import write_text_atomic
from desktop.jsonstrict import load_file_strict
from desktop.rules.limits import check_runnable
from desktop.rules.model import Rule, RuleContext, parse_rule
from desktop.timeutil import to_db

FILE_FORMAT = "postino.rules"
FILE_VERSION = 1


@dataclass
class ImportSummary:
    created: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)


class Rules:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._db = ws.db

    def context(self) -> RuleContext:
        groups = {r[0] for r in self._db.execute("SELECT name FROM groups")}
        templates = {r[0].casefold(): r[1] for r in self._db.execute("SELECT name, channel FROM templates")}
        return RuleContext(fields=self._ws.fields.all(), groups=groups, templates=templates)

    def business(self):
        from desktop.schedule import business_defaults

        return business_defaults(self._ws.settings)

    def validate(self, data: Any, path: str = "$", pending_templates: dict[str, str] | None = None) -> Rule:
        """A checked rule, or ``InputError`` with the JSON path — including conditions too large
        for SQLite to run (``desktop.rules.limits``), which would otherwise fail at every check.
        ``pending_templates`` (name -> channel) are templates to be created with the rule (a
        recipe's starting template), valid names already."""
        context = self.context()
        for name, channel in (pending_templates or {}).items():
            context.templates.setdefault(name.casefold(), channel)
        rule = parse_rule(data, context, path, business=self.business())
        check_runnable(rule, self._db, context.fields, path)
        return rule

    def _load(self, row: tuple) -> Rule:
        rule_id, definition, enabled = row
        data = json.loads(definition)
        rule = Rule(**{k: v for k, v in _from_json(data).items()})
        rule.id = rule_id
        rule.enabled = bool(enabled)
        return rule

    def get(self, rule_id: int) -> Rule | None:
        row = self._db.execute("SELECT id, definition, enabled FROM rules WHERE id = ?", [rule_id]).fetchone()
        return self._load(row) if row else None

    def find(self, name: str) -> Rule | None:
        row = self._db.execute("SELECT id, definition, enabled FROM rules WHERE name = ?", [name.strip()]).fetchone()
        return self._load(row) if row else None

    def require(self, name: str) -> Rule:
        rule = self.find(name)
        if rule is None:
            raise InputError(Msg("rules.no_such", {"name": name}))
        return rule

    def all(self, enabled_only: bool = False) -> list[Rule]:
        sql = "SELECT id, definition, enabled FROM rules"
        if enabled_only:
            sql += " WHERE enabled = 1"
        return [self._load(r) for r in self._db.execute(sql + " ORDER BY name")]

    def save(self, data: Any, now: datetime, rule_id: int | None = None, path: str = "$") -> Rule:
        """Create (``rule_id`` None) or replace a rule after validating it."""
        rule = self.validate(data, path)
        clash = self.find(rule.name)
        if clash is not None and clash.id != rule_id:
            raise InputError(Msg("rules.name_taken", {"name": rule.name}), f"{path}.name")
        definition = json.dumps(rule.to_dict(), ensure_ascii=False)
        with self._ws.transaction():
            if rule_id is None:
                rule.id = self._db.execute(
                    "INSERT INTO rules(name, enabled, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    [rule.name, int(rule.enabled), definition, to_db(now), to_db(now)]).lastrowid
            else:
                updated = self._db.execute(
                    "UPDATE rules SET name = ?, enabled = ?, definition = ?, updated_at = ? WHERE id = ?",
                    [rule.name, int(rule.enabled), definition, to_db(now), rule_id]).rowcount
                if not updated:
                    raise InputError(Msg("rules.no_id", {"id": rule_id}))
                rule.id = rule_id
        return rule

    def set_enabled(self, rule_id: int, enabled: bool, now: datetime) -> None:
        rule = self.get(rule_id)
        if rule is None:
            raise InputError(Msg("rules.no_id", {"id": rule_id}))
        rule.enabled = enabled
        self._db.execute("UPDATE rules SET enabled = ?, definition = ?, updated_at = ? WHERE id = ?",
                         [int(enabled), json.dumps(rule.to_dict(), ensure_ascii=False), to_db(now), rule_id])

    def delete(self, rule_id: int) -> None:
        self._db.execute("DELETE FROM rules WHERE id = ?", [rule_id])

    def export(self, names: list[str] | None = None) -> dict[str, Any]:
        rules = self.all()
        if names:
            wanted = {n.casefold() for n in names}
            missing = wanted - {r.name.casefold() for r in rules}
            if missing:
                raise InputError(Msg("rules.none_called", {"names": ", ".join(sorted(missing))}))
            rules = [r for r in rules if r.name.casefold() in wanted]
        return {"format": FILE_FORMAT, "version": FILE_VERSION, "rules": [r.to_dict() for r in rules]}

    def export_file(self, path: str | Path, names: list[str] | None = None) -> Path:
        """Write the export to a user-named file, atomically, never over a workspace file."""
        text = json.dumps(self.export(names), ensure_ascii=False, indent=2) + "\n"
        return write_text_atomic(path, text, workspace_dir=self._ws.data_dir)

    def import_data(self, data: Any, now: datetime, replace: bool = False) -> ImportSummary:
        if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
            raise InputError(Msg("rules.not_file", {"format": FILE_FORMAT}), "$.format")
        if data.get("version") != FILE_VERSION:
            raise InputError(Msg("rules.version", {"version": data.get("version"), "supported": FILE_VERSION}),
                             "$.version")
        unknown = set(data) - {"format", "version", "rules"}
        if unknown:
            raise InputError(Msg("rules.unknown_key", {"key": sorted(unknown)[0]}), f"$.{sorted(unknown)[0]}")
        items = data.get("rules")
        if not isinstance(items, list):
            raise InputError(Msg("rules.not_list"), "$.rules")
        parsed = [self.validate(item, f"$.rules[{i}]") for i, item in enumerate(items)]
        seen: dict[str, int] = {}
        for i, rule in enumerate(parsed):
            key = rule.name.casefold()
            if key in seen:
                raise InputError(Msg("rules.name_twice", {"name": rule.name, "first": f"$.rules[{seen[key]}]"}),
                                 f"$.rules[{i}].name")
            seen[key] = i
            if not replace and self.find(rule.name) is not None:
                raise InputError(Msg("rules.name_taken_import", {"name": rule.name}), f"$.rules[{i}].name")
        summary = ImportSummary()
        with self._ws.transaction():
            for i, rule in enumerate(parsed):
                existing = self.find(rule.name)
                self.save(rule.to_dict(), now, existing.id if existing else None, f"$.rules[{i}]")
                (summary.replaced if existing else summary.created).append(rule.name)
        return summary

    def import_file(self, path: str | Path, now: datetime, replace: bool = False) -> ImportSummary:
        """Import a rules file read strictly (``desktop.jsonstrict``): duplicate keys, NaN,
        huge numbers and deep nesting are refused with their place, not guessed at."""
        file = Path(path)
        data = load_file_strict(file)
        try:
            return self.import_data(data, now, replace)
        except InputError as exc:
            raise InputError(exc.msg or _bare(exc), f"{file}: {exc.where}" if exc.where else str(file)) from None


def _bare(exc: InputError) -> str:
    """An uncoded message without its ``where: `` prefix (the file's name goes before it)."""
    full = str(exc)
    return full[len(exc.where) + 2:] if exc.where and full.startswith(f"{exc.where}: ") else full


def _from_json(data: dict[str, Any]) -> dict[str, Any]:
    """Stored definitions are already validated: rebuild the dataclass without re-checking."""
    return {
        "name": data["name"], "description": data.get("description", ""), "tags": data.get("tags", []),
        "enabled": data.get("enabled", False), "marketing": data.get("marketing", True),
        "action": data["action"], "audience": data.get("audience", {"include": [], "exclude": []}),
        "conditions": data.get("conditions", {"all": []}), "resend": data.get("resend", {"policy": "once"}),
        "schedule": data.get("schedule", {}),
        "after_send": data.get("after_send", {"add_to": [], "remove_from": []}),
    }
