"""The same rule query, for a few contacts: ``c.id IN (SELECT x.contact_id FROM …)`` becomes
``EXISTS (SELECT 1 FROM … WHERE x.contact_id = c.id AND …)``.

Over the whole list, SQLite runs such a subquery once and looks contacts up in its answer
(the fast form for a rule check over 100,000 contacts). For the page of contacts the
send-time re-check asks about, that one run reads every purchase of the last 60 days to
answer for 500 people; correlated, it reads only theirs. The rewrite is textual on our own
compiled SQL: only the simple form (one table, a WHERE, no GROUP BY / HAVING / UNION) is
rewritten, anything else is left as it is, and the parameters keep their order.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"c\.id (NOT )?IN \(SELECT (\w+)\.contact_id FROM (\w+) (\w+) WHERE ")
_UNSAFE = re.compile(r"\b(GROUP BY|HAVING|UNION|LIMIT|ORDER BY)\b", re.I)


def _closing(sql: str, start: int) -> int | None:
    """Index of the parenthesis closing the one opened just before ``start``."""
    depth, quoted = 1, False
    for i in range(start, len(sql)):
        ch = sql[i]
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def correlated(sql: str) -> str:
    out, at = [], 0
    while True:
        found = _HEAD.search(sql, at)
        if found is None:
            out.append(sql[at:])
            return "".join(out)
        negated, alias, table, alias2 = found.groups()
        body_start = found.end()
        end = _closing(sql, sql.index("(SELECT", found.start()) + 1)
        body = sql[body_start:end] if end is not None else ""
        if end is None or alias != alias2 or _UNSAFE.search(body):
            out.append(sql[at:body_start])
            at = body_start
            continue
        exists = "NOT EXISTS" if negated else "EXISTS"
        out.append(sql[at:found.start()])
        out.append(f"{exists} (SELECT 1 FROM {table} {alias} WHERE {alias}.contact_id = c.id AND ({correlated(body)}))")
        at = end + 1
