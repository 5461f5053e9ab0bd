"""A rule as data: parsing and validating its JSON with messages that name the JSON path.

Validation is done here once, for the CLI import, the UI editor and the database alike; a
rule that reaches the engine is known to be consistent (fields exist, operators fit their
types, groups and templates exist, the schedule is in range).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.names import name_problem

define({
    "rule.unknown_group": ("gruppo sconosciuto {name!r}", "unknown group {name!r}"),
    "rule.unknown_tag": ("etichetta sconosciuta {name!r}", "unknown tag {name!r}"),
    "rule.unknown_template": ("modello sconosciuto {name!r}", "unknown template {name!r}"),
    "rule.template_channel": ("il modello {name!r} è per {channel}, non per {wanted}",
                              "template {name!r} is an {channel} template, not {wanted}"),
    "rule.move_same_group": ("spostare un contatto nel gruppo in cui è già non fa nulla",
                             "moving a contact to the group it is already in does nothing"),
    "rule.resend_days": ("per inviare di nuovo dopo un certo numero di giorni, indica da 1 a 3650 giorni",
                         "every_n_days needs days between 1 and 3650"),
    "rule.per_occurrence_driver": ("\"una volta per ogni evento\" richiede esattamente una delle condizioni "
                                   "{behaviours} al primo livello delle condizioni",
                                   "once per occurrence needs exactly one of the conditions {behaviours} at the "
                                   "top level of the conditions"),
    "rule.needs_name": ("una regola ha bisogno di un nome", "a rule needs a name"),
    "rule.name_too_long": ("i nomi hanno al massimo 120 caratteri", "names are at most 120 characters"),
    "rule.nested_anniversary": ("in una regola che segue il fuso orario di ciascun destinatario, \"anniversario "
                                "oggi\" deve essere una condizione a sé al primo livello (unita con E), così si "
                                "può verificare sul calendario di ciascuno",
                                "in a rule that follows each recipient's time zone, \"anniversary today\" must be "
                                "a condition of its own at the top level (joined with AND), so it can be checked "
                                "against each recipient's calendar"),
    # Keys and values the file must hold (send_email, include, true) stay as they are written.
    "rule.group_names": ("deve essere una lista di nomi di gruppi", "must be a list of group names"),
    "rule.action_type": ("il tipo di azione deve essere uno tra {types}", "action type must be one of {types}"),
    "rule.action_key": ("chiave sconosciuta {key!r} per l'azione {kind}", "unknown key {key!r} for action {kind}"),
    "rule.action_needs": ("l'azione {kind} ha bisogno di {key!r}", "action {kind} needs {key!r}"),
    "rule.resend_policy": ("deve essere uno tra {policies}", "must be one of {policies}"),
    "rule.unknown_key": ("chiave sconosciuta {key!r}", "unknown key {key!r}"),
    "rule.no_days": ("il reinvio {policy} non prevede un numero di giorni (\"{days}\")",
                     "policy {policy} takes no {days}"),
    "rule.not_object": ("una regola deve essere un oggetto JSON {{...}}", "a rule must be a JSON object"),
    "rule.unknown_field": ("campo sconosciuto {key!r}", "unknown field {key!r}"),
    "rule.format": ("il formato di regola {format!r} non è supportato (serve {expected})",
                    "rule format {format!r} is not supported (expected {expected})"),
    "rule.not_text": ("deve essere un testo", "must be text"),
    "rule.tags": ("deve essere una lista di parole", "must be a list of words"),
    "rule.not_bool": ("deve essere true o false", "must be true or false"),
    "rule.two_lists": ("deve essere un oggetto con le liste {first} e {second}",
                       "must be an object with {first} and {second} lists"),
})
from desktop.rules.conditions import (
    ConditionError, Context, OCCURRENCE_BEHAVIOURS, occurrence_driver, validate_tree,
)

FORMAT = 1
ACTIONS = {
    "send_email": ("template",),
    "send_sms": ("template",),
    "add_to_group": ("group",),
    "move_to_group": ("from", "to"),
    "remove_from_group": ("group",),
}
SEND_ACTIONS = ("send_email", "send_sms")
RESEND_POLICIES = ("once", "per_occurrence", "every_n_days", "yearly")
TOP_KEYS = {"format", "name", "description", "tags", "enabled", "action", "audience", "conditions",
            "resend", "marketing", "after_send", "schedule", "id"}


@dataclass(frozen=True)
class RuleContext(Context):
    """Validation context: fields and groups (from ``Context``) plus templates by channel."""

    templates: dict[str, str] = field(default_factory=dict)  # name (casefolded) -> channel


@dataclass
class Rule:
    name: str
    action: dict[str, Any]
    audience: dict[str, list[str]]
    conditions: dict[str, Any]
    resend: dict[str, Any]
    schedule: dict[str, Any]
    description: str = ""
    tags: list[str] = field(default_factory=list)
    enabled: bool = False
    marketing: bool = True
    after_send: dict[str, list[str]] = field(default_factory=lambda: {"add_to": [], "remove_from": []})
    id: int | None = None

    @property
    def channel(self) -> str:
        return {"send_email": "email", "send_sms": "sms"}.get(self.action["type"], "group")

    @property
    def sends(self) -> bool:
        return self.action["type"] in SEND_ACTIONS

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "name": self.name, "description": self.description, "tags": list(self.tags),
            "enabled": self.enabled, "action": dict(self.action), "audience": dict(self.audience),
            "conditions": self.conditions, "resend": dict(self.resend), "marketing": self.marketing,
            "after_send": dict(self.after_send), "schedule": self.schedule,
        }


def _fail(path: str, message: "str | Msg") -> InputError:
    return InputError(message, path)


def _names(value: Any, path: str, known: set[str], what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, Msg(f"rule.{what}_names"))
    folded = {k.casefold() for k in known}
    for i, name in enumerate(value):
        if name.casefold() not in folded:
            raise _fail(f"{path}[{i}]", Msg(f"rule.unknown_{what}", {"name": name}))
    return list(value)


def _action(data: Any, ctx: RuleContext, path: str) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("type") not in ACTIONS:
        raise _fail(f"{path}.type", Msg("rule.action_type", {"types": ", ".join(ACTIONS)}))
    kind = data["type"]
    needed = ACTIONS[kind]
    for key in data:
        if key != "type" and key not in needed:
            raise _fail(f"{path}.{key}", Msg("rule.action_key", {"key": key, "kind": kind}))
    out = {"type": kind}
    for key in needed:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise _fail(f"{path}.{key}", Msg("rule.action_needs", {"kind": kind, "key": key}))
        if key == "template":
            channel = ctx.templates.get(value.casefold())
            if channel is None:
                raise _fail(f"{path}.template", Msg("rule.unknown_template", {"name": value}))
            wanted = "email" if kind == "send_email" else "sms"
            if channel != wanted:
                raise _fail(f"{path}.template", Msg("rule.template_channel", {"name": value, "channel": channel, "wanted": wanted}))
        else:
            _names([value], f"{path}.{key}", ctx.groups, "group")
        out[key] = value
    if kind == "move_to_group" and out["from"].casefold() == out["to"].casefold():
        raise _fail(f"{path}.to", Msg("rule.move_same_group"))
    return out


def _resend(data: Any, conditions: dict, path: str) -> dict[str, Any]:
    data = data if data is not None else {"policy": "once"}
    if not isinstance(data, dict) or data.get("policy") not in RESEND_POLICIES:
        raise _fail(f"{path}.policy", Msg("rule.resend_policy", {"policies": ", ".join(RESEND_POLICIES)}))
    for key in data:
        if key not in ("policy", "days"):
            raise _fail(f"{path}.{key}", Msg("rule.unknown_key", {"key": key}))
    policy = data["policy"]
    out: dict[str, Any] = {"policy": policy}
    if policy == "every_n_days":
        days = data.get("days")
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 3650:
            raise _fail(f"{path}.days", Msg("rule.resend_days"))
        out["days"] = days
    elif "days" in data:
        raise _fail(f"{path}.days", Msg("rule.no_days", {"policy": policy, "days": "days"}))
    if policy == "per_occurrence" and occurrence_driver(conditions) is None:
        raise _fail(f"{path}.policy", Msg("rule.per_occurrence_driver", {"behaviours": ", ".join(OCCURRENCE_BEHAVIOURS)}))
    return out


def _nested_anniversary(node: dict, path: str, depth: int = 0) -> str | None:
    """The JSON path of an "anniversary today" that is not a direct child of the top AND."""
    for joiner in ("all", "any"):
        if joiner in node:
            for i, child in enumerate(node[joiner]):
                found = _nested_anniversary(child, f"{path}.{joiner}[{i}]",
                                            depth + (0 if joiner == "all" and depth == 0 else 1))
                if found:
                    return found
            return None
    return f"{path}.op" if node.get("op") == "anniversary_today" and depth > 0 else None


def parse_rule(data: Any, ctx: RuleContext, path: str = "$", business: Any = None) -> Rule:
    """A validated ``Rule`` from JSON data, or ``InputError`` naming the JSON path."""
    from desktop.schedule import Schedule  # the schedule's own validation and defaults

    if not isinstance(data, dict):
        raise _fail(path, Msg("rule.not_object"))
    for key in data:
        if key not in TOP_KEYS:
            raise _fail(f"{path}.{key}", Msg("rule.unknown_field", {"key": key}))
    if data.get("format", FORMAT) != FORMAT:
        raise _fail(f"{path}.format", Msg("rule.format", {"format": data.get("format"), "expected": FORMAT}))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(f"{path}.name", Msg("rule.needs_name"))
    if len(name) > 120:
        raise _fail(f"{path}.name", Msg("rule.name_too_long"))
    if name_problem(name):
        raise _fail(f"{path}.name", name_problem(name))
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _fail(f"{path}.description", Msg("rule.not_text"))
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() and not name_problem(t) for t in tags):
        raise _fail(f"{path}.tags", Msg("rule.tags"))
    for key in ("enabled", "marketing"):
        if key in data and not isinstance(data[key], bool):
            raise _fail(f"{path}.{key}", Msg("rule.not_bool"))
    action = _action(data.get("action"), ctx, f"{path}.action")
    audience = data.get("audience", {}) or {}
    if not isinstance(audience, dict):
        raise _fail(f"{path}.audience", Msg("rule.two_lists", {"first": "include", "second": "exclude"}))
    for key in audience:
        if key not in ("include", "exclude"):
            raise _fail(f"{path}.audience.{key}", Msg("rule.unknown_key", {"key": key}))
    include = _names(audience.get("include", []), f"{path}.audience.include", ctx.groups, "group")
    exclude = _names(audience.get("exclude", []), f"{path}.audience.exclude", ctx.groups, "group")
    try:
        conditions = validate_tree(data.get("conditions", {"all": []}), ctx, f"{path}.conditions")
    except ConditionError as exc:
        raise _fail(exc.path, getattr(exc, "msg", None) or exc.message) from None
    resend = _resend(data.get("resend"), conditions, f"{path}.resend")
    after = data.get("after_send", {}) or {}
    if not isinstance(after, dict) or any(k not in ("add_to", "remove_from") for k in after):
        raise _fail(f"{path}.after_send", Msg("rule.two_lists", {"first": "add_to", "second": "remove_from"}))
    after_send = {
        "add_to": _names(after.get("add_to", []), f"{path}.after_send.add_to", ctx.groups, "group"),
        "remove_from": _names(after.get("remove_from", []), f"{path}.after_send.remove_from", ctx.groups, "group"),
    }
    schedule = Schedule.from_dict(data.get("schedule") or {}, where=f"{path}.schedule", business=business)
    if schedule.timezone.mode == "recipient":
        nested = _nested_anniversary(conditions, f"{path}.conditions")
        if nested:
            raise _fail(nested, Msg("rule.nested_anniversary"))
    return Rule(
        name=name.strip(), description=description, tags=[t.strip() for t in tags],
        enabled=bool(data.get("enabled", False)), marketing=bool(data.get("marketing", True)),
        action=action, audience={"include": include, "exclude": exclude}, conditions=conditions,
        resend=resend, schedule=schedule.to_dict(), after_send=after_send,
        id=data.get("id") if isinstance(data.get("id"), int) else None,
    )
