"""Opens and clicks that answer no send (imported history) are counted apart and enter no rate.

The demo's year of imported newsletter opens made Statistics show a "(nessuna regola)" row
with a click-to-open rate over 100 %, and pushed the overall open rate up with opens of
messages Postino never sent. Checked through the triggers and through ``rebuild``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import stats
from desktop.stats.report import to_json
from desktop.store.migrations import MIGRATIONS
from tests.helpers.stats import add_contact, add_ledger, add_rule, counters, utc

SINCE, UNTIL = date(2026, 3, 1), date(2026, 3, 31)


def _history(ws) -> int:
    rule = add_rule(ws, "Benvenuto")
    a, b, c, d = (add_contact(ws, i) for i in range(4))
    sent = utc("2026-03-10 10:00:00")
    ledger_a = add_ledger(ws, rule, a, "once", "sent", sent)
    add_ledger(ws, rule, b, "once", "sent", sent)
    ws.events.record("email_opened", sent + timedelta(hours=1), a, payload={"ledger_id": ledger_a})
    # Imported from another tool: c and d were never sent anything by Postino.
    for hours in (1, 2, 3):
        ws.events.record("email_opened", sent - timedelta(days=5, hours=hours), c, rule_id=rule)  # names the rule
    for hours in (1, 2, 3, 4, 5):
        ws.events.record("email_clicked", sent - timedelta(days=5, hours=hours), c, rule_id=rule, ref="https://x")
        ws.events.record("email_clicked", sent + timedelta(days=1, hours=hours), d, ref="https://y")
    ws.events.record("email_opened", sent + timedelta(days=1), d)
    return rule


def _check(ws, rule: int) -> None:
    rows = stats.per_rule_table(ws, SINCE, UNTIL)
    assert [r.name for r in rows] == ["Benvenuto"]  # no "(no rule)" row at all
    mine = rows[0].stats
    assert (mine.sent, mine.opened, mine.opened_unique, mine.clicked_unique) == (2, 1, 1, 0)
    assert mine.open_rate == pytest.approx(0.5) and mine.click_to_open_rate == 0
    overall = stats.rule_stats(ws, SINCE, UNTIL)
    assert (overall.opened, overall.clicked) == (1, 0) and overall.open_rate == pytest.approx(0.5)
    assert sum(d.stats.opened for d in stats.daily_series(ws, SINCE, UNTIL)) == 1
    apart = stats.without_send(ws, SINCE, UNTIL)
    assert (apart.opened, apart.clicked, apart.sent) == (4, 10, 0)
    shown = to_json(zone="Europe/Rome", since=SINCE, until=UNTIL, attribution_days=7, rule=None,
                    totals=overall, daily=[], rules=rows, without_send=apart)
    assert shown["without_send"] == {"opened": 4, "clicked": 10, "bounced": 0, "unsubscribed": 0}
    assert all(v is None or v <= 1 for r in shown["rules"] for v in r["rates"].values())


def test_imported_reactions_without_a_send_are_apart_as_the_triggers_count(workspace) -> None:
    _check(workspace, _history(workspace))


def test_rebuild_gives_the_same_counters(workspace) -> None:
    rule = _history(workspace)
    before = counters(workspace)
    stats.rebuild(workspace)
    assert counters(workspace) == before
    _check(workspace, rule)


def test_the_migration_recounts_an_existing_workspace(workspace) -> None:
    rule = _history(workspace)
    # As the old triggers left it: the imported opens in the rule's and the overall counters.
    workspace.db.execute("UPDATE stats_q SET opened = opened + 3 WHERE rule_id IN (-1, ?)", [rule])
    step = next(m for m in MIGRATIONS if m.name == "m0015_stats_without_send")
    with workspace.transaction():
        step.apply(workspace.db.conn)
    _check(workspace, rule)
