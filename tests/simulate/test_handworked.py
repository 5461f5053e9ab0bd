"""The simulator against 30 days worked out by hand (see scenario.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.helpers.engine import words
from desktop.simulate import simulate
from desktop.workspace import Workspace
from tests.simulate.scenario import HORIZON, START, build, what_if

EXPECTED_SENDS = [
    # Promo B's first check is at the start (11:00 Rome); C's an hour later; both fit the cap of 2.
    ("2026-03-20 10:00", "Promo B", "paolo@ex.it", None),
    ("2026-03-20 11:00", "Promo C", "paolo@ex.it", None),
    # Carlo's cart at 17:30 UTC: 3 h later it is 21:30 in Rome, quiet -> 09:00 Rome (08:00 UTC).
    ("2026-03-21 08:00", "Carrello 3h", "carlo@ex.it", "quiet hours"),
    # SMS 1 at 10:00 Rome on the 21st (09:00 UTC).
    ("2026-03-21 09:00", "SMS 1", "+393331234567", None),
    # 24 h after the cart: 18:30 in Rome, allowed.
    ("2026-03-21 17:30", "Carrello 24h", "carlo@ex.it", None),
    # SMS 2 matched 09:30 on the 21st; the daily SMS cap frees at 09:00 on the 22nd.
    ("2026-03-22 09:00", "SMS 2", "+393331234567", "frequency cap"),
    # Monday 09:00 Rome: CET (UTC+1) before 29 March ...
    ("2026-03-23 08:00", "Newsletter", "wendy@ex.it", None),
    # Rosa's birthday starts at 00:00 Rome (23:00 UTC on the 24th); quiet until 09:00 CET.
    ("2026-03-25 08:00", "Compleanno", "rosa@ex.it", "quiet hours"),
    # ... and CEST (UTC+2) after: still 09:00 local.
    ("2026-03-30 07:00", "Newsletter", "wendy@ex.it", None),
    # Nina: 1 April starts at 04:00 UTC in New York (EDT); quiet until 09:00 EDT = 13:00 UTC.
    ("2026-04-01 13:00", "Compleanno", "nina@ex.com", "quiet hours"),
    ("2026-04-06 07:00", "Newsletter", "wendy@ex.it", None),
    # Sam: 10 April starts at 14:00 UTC on the 9th in Sydney (AEST, after 5 April); 09:00 AEST = 23:00 UTC.
    ("2026-04-09 23:00", "Compleanno", "sam@ex.au", "quiet hours"),
    ("2026-04-13 07:00", "Newsletter", "wendy@ex.it", None),
]

EXPECTED_NOT_SENT = {
    # Promo A matched at 10:00 Rome on the 21st; two e-mails in the last week, the next room is
    # on the 27th, after the 3-day expiry: dropped, with the reason.
    ("Promo A", "paolo@ex.it", "cap_dropped"),
    ("Compleanno", "ugo@ex.it", "no_consent"),
    ("Compleanno", "+393401112223", "no_address"),
}


@pytest.fixture
def scenario(workspace):
    ids = build(workspace)
    return workspace, ids


def test_thirty_days_match_the_hand_worked_plan(scenario) -> None:
    ws, ids = scenario
    result = simulate(ws, start=START, horizon=HORIZON, what_if=what_if(ids))
    got = [(s.at.strftime("%Y-%m-%d %H:%M"), s.rule, s.to,
            None if not s.reason else ("quiet hours" if "quiet" in words(s.reason) else "frequency cap"))
           for s in result.sends]
    assert got == EXPECTED_SENDS
    assert {(n.rule, n.to, n.kind) for n in result.not_sent} == EXPECTED_NOT_SENT
    dropped = next(n for n in result.not_sent if n.kind == "cap_dropped")
    assert "frequency cap: 2 e-mails per week" in words(dropped.reason)
    consent = next(n for n in result.not_sent if n.kind == "no_consent")
    assert words(consent.reason) == "e-mail: unsubscribed"
    # Local times are the recipients' own.
    nina = next(s for s in result.sends if s.to == "nina@ex.com")
    assert nina.local.strftime("%Y-%m-%d %H:%M %Z") == "2026-04-01 09:00 EDT"
    sam = next(s for s in result.sends if s.to == "sam@ex.au")
    assert sam.local.strftime("%H:%M %Z") == "09:00 AEST"
    assert next(s for s in result.sends if s.rule == "SMS 1").text == "Ciao Paolo"
    assert next(s for s in result.sends if s.rule == "Promo B").subject == "Ciao Paolo"


def test_weekly_checks_are_neither_doubled_nor_lost_across_dst(scenario) -> None:
    ws, ids = scenario
    result = simulate(ws, start=START, horizon=HORIZON, rule_names=["Newsletter"])
    checks = [c.at.strftime("%m-%d %H:%M") for c in result.checks]
    assert checks == ["03-23 08:00", "03-30 07:00", "04-06 07:00", "04-13 07:00"]


def test_simulating_one_disabled_rule_shows_what_it_would_do(scenario) -> None:
    ws, ids = scenario
    rule = ws.rules.find("Promo B")
    ws.rules.set_enabled(rule.id, False, START)
    result = simulate(ws, start=START, horizon=HORIZON, rule_names=["promo b"])
    assert [(s.rule, s.to) for s in result.sends] == [("Promo B", "paolo@ex.it")]
    assert ws.rules.find("Promo B").enabled is False


def test_the_real_workspace_is_byte_identical_after_a_simulation(tmp_path: Path) -> None:
    folder = tmp_path / "real"
    with Workspace.open(folder) as ws:
        ids = build(ws)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    with Workspace.open(folder) as ws:
        result = simulate(ws, start=START, horizon=HORIZON, what_if=what_if(ids))
    assert len(result.sends) == len(EXPECTED_SENDS)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}
    assert after == before


def test_cancel_stops_early(scenario) -> None:
    ws, ids = scenario
    calls = []
    result = simulate(ws, start=START, horizon=HORIZON, cancel=lambda: len(calls) > 3,
                      progress=lambda fraction: calls.append(fraction))
    assert result.cancelled and len(result.sends) < len(EXPECTED_SENDS)
