"""Warnings across rules: two rules that start on the same condition for the same people, and
group moves that send contacts round in a loop.

MailUp warns that an automatic send sharing a workflow's start condition can stop the
workflow from ever starting; our equivalent is two enabled rules that would both fire for the
same contact. The check is one function so the CLI and the editor show the same warnings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.rules.conditions import leaves
from desktop.rules.model import Rule


@dataclass(frozen=True)
class Conflict:
    kind: str  # "same_start" | "group_loop"
    rules: tuple[str, ...]
    message: str


def start_condition(rule: Rule) -> str:
    """A canonical key for what makes the rule fire: its condition leaves, order-free."""
    keys = sorted(json.dumps(leaf, sort_keys=True) for leaf in leaves(rule.conditions))
    return json.dumps(keys)


def _audience_overlap(db: Any, a: Rule, b: Rule) -> int:
    """How many contacts are in both audiences right now (include/exclude lists only)."""
    params: list[Any] = []
    clauses = []
    for rule in (a, b):
        include, exclude = rule.audience.get("include") or [], rule.audience.get("exclude") or []
        if include:
            clauses.append("EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id "
                           f"WHERE m.contact_id = c.id AND g.name IN ({', '.join('?' for _ in include)}))")
            params.extend(include)
        if exclude:
            clauses.append("NOT EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id "
                           f"WHERE m.contact_id = c.id AND g.name IN ({', '.join('?' for _ in exclude)}))")
            params.extend(exclude)
    sql = "SELECT count(*) FROM contacts c" + (" WHERE " + " AND ".join(clauses) if clauses else "")
    return db.execute(sql, params).fetchone()[0]


def _moves(rule: Rule) -> list[tuple[str, str]]:
    """Edges (from group, to group) that the rule makes contacts travel along."""
    action = rule.action
    edges: list[tuple[str, str]] = []
    sources: list[str] = []
    if action["type"] == "move_to_group":
        edges.append((action["from"].casefold(), action["to"].casefold()))
        sources.append(action["from"].casefold())
    entry = [g.casefold() for g in rule.audience.get("include") or []]
    entry += [leaf["group"].casefold() for leaf in leaves(rule.conditions)
              if leaf.get("op") == "in" and "group" in leaf]
    targets = [g.casefold() for g in rule.after_send.get("add_to", [])]
    if action["type"] == "add_to_group":
        targets.append(action["group"].casefold())
    for source in entry or sources:
        for target in targets:
            if source != target:
                edges.append((source, target))
    return edges


def _cycles(edges: dict[tuple[str, str], str]) -> list[list[str]]:
    graph: dict[str, list[str]] = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
    found: list[list[str]] = []
    seen_cycles: set[frozenset] = set()

    def walk(node: str, path: list[str]) -> None:
        for nxt in graph.get(node, []):
            if nxt == path[0]:
                key = frozenset(zip(path, path[1:] + [path[0]]))
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    found.append(path + [nxt])
            elif nxt not in path and len(path) < 12:
                walk(nxt, path + [nxt])

    for start in sorted(graph):
        walk(start, [start])
    return found


def find_conflicts(db: Any, rules: list[Rule], candidate: Rule | None = None) -> list[Conflict]:
    """Conflicts among enabled ``rules`` (plus ``candidate``, the rule being edited)."""
    pool = [r for r in rules if r.enabled and (candidate is None or r.name.casefold() != candidate.name.casefold())]
    if candidate is not None:
        pool.append(candidate)
    conflicts: list[Conflict] = []
    for i, a in enumerate(pool):
        for b in pool[i + 1:]:
            if candidate is not None and candidate not in (a, b):
                continue
            if start_condition(a) == start_condition(b):
                shared = _audience_overlap(db, a, b)
                if shared:
                    conflicts.append(Conflict("same_start", (a.name, b.name),
                        f"“{a.name}” and “{b.name}” start on the same condition and {shared} "
                        f"contact(s) are in both audiences: they would get both."))
    edges: dict[tuple[str, str], str] = {}
    for rule in pool:
        for edge in _moves(rule):
            edges.setdefault(edge, rule.name)
    for cycle in _cycles(edges):
        names = tuple(dict.fromkeys(edges[(a, b)] for a, b in zip(cycle, cycle[1:])))
        if candidate is not None and candidate.name not in names:
            continue
        conflicts.append(Conflict("group_loop", names,
            "Contacts would move in a loop: " + " → ".join(cycle) + f" (rules: {', '.join(names)})."))
    return conflicts
