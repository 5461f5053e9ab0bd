"""The condition language: which operators fit which field type, which behaviours exist, and
the validation that turns a JSON condition tree into a checked one (or errors with paths).

A tree is ``{"all": [...]}`` / ``{"any": [...]}`` nodes over three kinds of leaf:
``{"field": NAME, "op": OP, ...}``, ``{"group": NAME, "op": "in" | "not_in" | "joined_ago", ...}``
and ``{"behaviour": NAME, ...}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.rules import condition_messages  # noqa: F401  (registers the codes this module raises)
from desktop.fields import FieldSpec
from desktop.messages import Msg


MAX_DEPTH = 32
UNITS = ("hours", "days")
_UNITS = {"hours": "hours", "days": "days"}  # the file's words, in messages

# operator -> what its "value" must be: None (no value), "scalar", "list", "pair", "amount"
TEXT_OPS = {
    "eq": "scalar", "ne": "scalar", "contains": "scalar", "not_contains": "scalar",
    "starts_with": "scalar", "ends_with": "scalar", "like": "scalar",
    "in": "list", "not_in": "list", "empty": None, "not_empty": None, "never_set": None,
}
NUMBER_OPS = {
    "eq": "scalar", "ne": "scalar", "lt": "scalar", "le": "scalar", "gt": "scalar", "ge": "scalar",
    "between": "pair", "empty": None, "not_empty": None, "never_set": None,
}
DATE_OPS = {
    "before": "scalar", "after": "scalar", "on": "scalar",
    "in_last": "amount", "exactly_ago": "amount", "more_than_ago": "amount", "in_next": "amount",
    "anniversary_today": None, "empty": None, "not_empty": None, "never_set": None,
}
BOOLEAN_OPS = {"is_true": None, "is_false": None, "empty": None}
OPS_BY_TYPE = {"text": TEXT_OPS, "number": NUMBER_OPS, "date": DATE_OPS, "datetime": DATE_OPS,
               "boolean": BOOLEAN_OPS}
GROUP_OPS = ("in", "not_in", "joined_ago")

# behaviour -> {parameter: kind}; kinds: "n" positive int, "n0" int >= 0, "str", "bool", "date",
# "cmp" comparison op, "num" number, "unit" hours|days. Required parameters have no "?".
BEHAVIOURS: dict[str, dict[str, str]] = {
    "registered_ago": {"amount": "n0", "unit": "unit"},
    "opened": {"days": "n", "this_rule?": "bool"},
    "not_opened": {"days": "n", "this_rule?": "bool"},
    "clicked": {"days": "n", "link?": "str", "this_rule?": "bool"},
    "not_clicked": {"days": "n", "link?": "str", "this_rule?": "bool"},
    "sent": {"days": "n", "channel?": "channel"},
    "not_sent": {"days": "n", "channel?": "channel"},
    "bounced": {"days?": "n"},
    "last_activity_ago": {"days": "n"},
    "no_activity": {"days": "n"},
    "purchased": {"days": "n"},
    "no_purchase_since": {"date": "date"},
    "purchase_count": {"days": "n", "cmp": "cmp", "value": "num"},
    "total_spent": {"days": "n", "cmp": "cmp", "value": "num"},
    "purchase_made": {"amount?": "n0", "unit?": "unit"},
    "cart_abandoned": {"amount": "n0", "unit": "unit"},
    "field_changed": {"field": "field", "hours": "n", "from?": "any", "to?": "any"},
    "rss_new_item": {"feed": "str"},
}
# Behaviours that name *what* a send is about: each purchase, cart, item or change is an
# occurrence, so "once per occurrence" rules key their ledger rows on it.
OCCURRENCE_BEHAVIOURS = ("purchase_made", "cart_abandoned", "rss_new_item", "field_changed")
CMPS = ("eq", "ne", "lt", "le", "gt", "ge")
CHANNELS = ("email", "sms")


class ConditionError(ValueError):
    """A condition that cannot be; ``msg`` is its coded reason when it has one (the editor's)."""

    def __init__(self, path: str, message: "str | Msg") -> None:
        self.path = path
        self.msg = message if isinstance(message, Msg) else None
        self.message = str(message)
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class Context:
    """What validation needs from the workspace: field specs and the known group names."""

    fields: dict[str, FieldSpec]
    groups: set[str]


def _check_keys(node: dict, allowed: set[str], path: str) -> None:
    for key in node:
        if key not in allowed:
            allowed_keys = ", ".join(sorted(allowed))
            raise ConditionError(f"{path}.{key}", Msg("cond.unknown_key", {"key": key, "allowed": allowed_keys}))


def _int(value: Any, path: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConditionError(path, Msg("cond.not_whole", {"value": value}))
    if value < minimum:
        raise ConditionError(path, Msg("cond.below_min", {"value": value, "minimum": minimum}))
    if value > 100_000:
        raise ConditionError(path, Msg("cond.too_large", {"value": value}))
    return value


def _scalar_for(spec: FieldSpec, value: Any, path: str) -> Any:
    if spec.type == "text":
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise ConditionError(path, Msg("cond.not_text", {"value": value}))
        return str(value)
    if spec.type == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConditionError(path, Msg("cond.not_number", {"value": value}))
        return float(value)
    if spec.type in ("date", "datetime"):
        if not isinstance(value, str):
            raise ConditionError(path, Msg("cond.not_date", {"value": value}))
        try:
            if spec.type == "date" or len(value) == 10:
                return date.fromisoformat(value).isoformat()
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return parsed.isoformat()
        except ValueError:
            raise ConditionError(path, Msg("cond.not_iso", {"value": value})) from None
    raise ConditionError(path, f"field type {spec.type} takes no value")


def _field_leaf(node: dict, ctx: Context, path: str) -> dict:
    name = node.get("field")
    if not isinstance(name, str) or name not in ctx.fields:
        raise ConditionError(f"{path}.field", Msg("cond.unknown_field", {"name": name}))
    spec = ctx.fields[name]
    op = node.get("op")
    ops = OPS_BY_TYPE[spec.type]
    if op not in ops:
        raise ConditionError(f"{path}.op", Msg("cond.bad_op", {
            "op": op, "type": Msg(f"field.type_{spec.type}"), "name": name, "ops": ", ".join(ops)}))
    kind = ops[op]
    allowed = {"field", "op"} | ({"value"} if kind in ("scalar", "list", "pair") else set()) | (
        {"amount", "unit"} if kind == "amount" else set())
    _check_keys(node, allowed, path)
    out: dict[str, Any] = {"field": name, "op": op}
    if kind == "scalar":
        if "value" not in node:
            raise ConditionError(f"{path}.value", Msg("cond.needs_value", {"op": op}))
        out["value"] = _scalar_for(spec, node["value"], f"{path}.value")
    elif kind == "list":
        values = node.get("value")
        if not isinstance(values, list) or not values:
            raise ConditionError(f"{path}.value", Msg("cond.needs_list", {"op": op}))
        out["value"] = [_scalar_for(spec, v, f"{path}.value[{i}]") for i, v in enumerate(values)]
    elif kind == "pair":
        values = node.get("value")
        if not isinstance(values, list) or len(values) != 2:
            raise ConditionError(f"{path}.value", Msg("cond.between_pair"))
        low, high = (_scalar_for(spec, v, f"{path}.value[{i}]") for i, v in enumerate(values))
        if low > high:
            raise ConditionError(f"{path}.value", Msg("cond.low_above_high", {"low": low, "high": high}))
        out["value"] = [low, high]
    elif kind == "amount":
        out["amount"] = _int(node.get("amount"), f"{path}.amount", 0 if op == "exactly_ago" else 1)
        unit = node.get("unit", "days")
        if unit not in UNITS:
            raise ConditionError(f"{path}.unit", Msg("cond.not_unit", {"value": unit, **_UNITS}))
        if unit == "hours" and spec.type == "date":
            raise ConditionError(f"{path}.unit", Msg("cond.date_no_hours", {"name": name, **_UNITS}))
        if op == "in_next" and unit != "days":
            raise ConditionError(f"{path}.unit", Msg("cond.in_next_days", _UNITS))
        out["unit"] = unit
    return out


def _group_leaf(node: dict, ctx: Context, path: str) -> dict:
    _check_keys(node, {"group", "op", "days"}, path)
    name = node.get("group")
    if not isinstance(name, str) or name.casefold() not in {g.casefold() for g in ctx.groups}:
        raise ConditionError(f"{path}.group", Msg("rule.unknown_group", {"name": name}))
    op = node.get("op", "in")
    if op not in GROUP_OPS:
        raise ConditionError(f"{path}.op", Msg("cond.not_one_of", {"value": op, "choices": ", ".join(GROUP_OPS)}))
    out = {"group": name, "op": op}
    if op == "joined_ago":
        out["days"] = _int(node.get("days"), f"{path}.days", 0)
    elif "days" in node:
        raise ConditionError(f"{path}.days", Msg("cond.no_days", {"op": op, **_UNITS}))
    return out


def _behaviour_leaf(node: dict, ctx: Context, path: str) -> dict:
    name = node.get("behaviour")
    if name not in BEHAVIOURS:
        known = ", ".join(BEHAVIOURS)
        raise ConditionError(f"{path}.behaviour", Msg("cond.unknown_behaviour", {"name": name, "known": known}))
    params = BEHAVIOURS[name]
    allowed = {"behaviour"} | {p.rstrip("?") for p in params}
    _check_keys(node, allowed, path)
    out: dict[str, Any] = {"behaviour": name}
    for raw_key, kind in params.items():
        key = raw_key.rstrip("?")
        where = f"{path}.{key}"
        if key not in node:
            if raw_key.endswith("?"):
                continue
            raise ConditionError(where, Msg("cond.behaviour_needs", {"behaviour": name, "key": key}))
        value = node[key]
        if kind in ("n", "n0"):
            out[key] = _int(value, where, 1 if kind == "n" else 0)
        elif kind == "unit":
            if value not in UNITS:
                raise ConditionError(where, Msg("cond.not_unit", {"value": value, **_UNITS}))
            out[key] = value
        elif kind == "bool":
            if not isinstance(value, bool):
                raise ConditionError(where, Msg("cond.not_bool", {"value": value}))
            out[key] = value
        elif kind == "str":
            if not isinstance(value, str) or not value.strip():
                raise ConditionError(where, Msg("cond.non_empty_text"))
            out[key] = value.strip()
        elif kind == "channel":
            if value not in CHANNELS:
                raise ConditionError(where, Msg("cond.not_channel", {"value": value}))
            out[key] = value
        elif kind == "cmp":
            if value not in CMPS:
                raise ConditionError(where, Msg("cond.not_one_of", {"value": value, "choices": ", ".join(CMPS)}))
            out[key] = value
        elif kind == "num":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConditionError(where, Msg("cond.not_number", {"value": value}))
            out[key] = float(value)
        elif kind == "date":
            try:
                out[key] = date.fromisoformat(str(value)).isoformat()
            except ValueError:
                raise ConditionError(where, Msg("cond.not_date", {"value": value})) from None
        elif kind == "field":
            if value not in ctx.fields:
                raise ConditionError(where, Msg("cond.unknown_field", {"name": value}))
            out[key] = value
        else:  # "any": compared with the stored old/new value as text
            out[key] = value
    if name == "purchase_made" and ("amount" in out) != ("unit" in out):
        raise ConditionError(path, Msg("cond.amount_and_unit", {"amount": "amount", "unit": "unit"}))
    return out


def validate_tree(node: Any, ctx: Context, path: str = "conditions", depth: int = 1) -> dict:
    """A checked, normalised copy of ``node``; raises ``ConditionError`` naming the JSON path."""
    if depth > MAX_DEPTH:
        raise ConditionError(path, Msg("cond.too_deep", {"depth": MAX_DEPTH}))
    if not isinstance(node, dict):
        raise ConditionError(path, Msg("cond.not_object"))
    for joiner in ("all", "any"):
        if joiner in node:
            _check_keys(node, {joiner}, path)
            children = node[joiner]
            if not isinstance(children, list):
                raise ConditionError(f"{path}.{joiner}", Msg("cond.not_list"))
            return {joiner: [validate_tree(child, ctx, f"{path}.{joiner}[{i}]", depth + 1)
                             for i, child in enumerate(children)]}
    if "behaviour" in node:  # first: field_changed has a "field" parameter of its own
        return _behaviour_leaf(node, ctx, path)
    if "field" in node:
        return _field_leaf(node, ctx, path)
    if "group" in node:
        return _group_leaf(node, ctx, path)
    raise ConditionError(path, Msg("cond.no_kind", {"keys": "all, any, field, group, behaviour"}))


def leaves(node: dict) -> list[dict]:
    """Every leaf of a validated tree, in order."""
    for joiner in ("all", "any"):
        if joiner in node:
            return [leaf for child in node[joiner] for leaf in leaves(child)]
    return [node]


def occurrence_driver(node: dict) -> dict | None:
    """The occurrence-bearing behaviour among the top-level AND's leaves, if exactly one."""
    top = node.get("all", [node]) if "any" not in node else []
    drivers = [leaf for leaf in top if leaf.get("behaviour") in OCCURRENCE_BEHAVIOURS]
    return drivers[0] if len(drivers) == 1 else None
