"""Human sentences for schedules, in Italian and English."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from desktop.schedule import BusinessDefaults, Schedule, describe

BUSINESS = BusinessDefaults("Europe/Rome", ["21:00-09:00"])


def say(spec: dict, language: str) -> str:
    return describe(Schedule.from_dict(spec, business=BUSINESS), language, business=BUSINESS)


MONDAY_RECIPIENT = {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["mon"]},
                    "timezone": {"mode": "recipient"},
                    "quiet_hours": {"bands": ["21:00-08:00"], "business_default": False}}


def test_the_issue_example_in_both_languages() -> None:
    assert say(MONDAY_RECIPIENT, "it") == (
        "Ogni lunedì alle 09:00 nel fuso orario del destinatario, mai tra le 21:00 e le 08:00.")
    assert say(MONDAY_RECIPIENT, "en") == (
        "Every Monday at 09:00 in the recipient's time zone, never between 21:00 and 08:00.")


@pytest.mark.parametrize("spec, italian, english", [
    ({}, "Ogni giorno, con un controllo ogni ora, nel fuso orario dell'attività (Europe/Rome), mai tra le 21:00 e le 09:00.",
     "Every day, checking every hour, in the business time zone (Europe/Rome), never between 21:00 and 09:00."),
    ({"check": {"times": ["09:00", "15:00"]}, "recurrence": {"kind": "monthly", "nth": 1, "weekday": "mon"},
      "timezone": {"zone": "America/New_York"}},
     "Il primo lunedì di ogni mese alle 09:00 e alle 15:00 nel fuso orario America/New_York",
     "On the first Monday of every month at 09:00 and 15:00 in the America/New_York time zone"),
    ({"recurrence": {"kind": "monthly", "nth": -1, "weekday": "sun"}}, "L'ultima domenica di ogni mese",
     "On the last Sunday of every month"),
    ({"recurrence": {"kind": "monthly", "day": 31}, "check": {"every_minutes": 30}},
     "Il giorno 31 di ogni mese (o l'ultimo giorno, nei mesi più corti), con un controllo ogni 30 minuti",
     "On day 31 of every month (or the last day of shorter months), checking every 30 minutes"),
    ({"recurrence": {"kind": "yearly", "month": 12, "day": 1}, "check": {"every_hours": 2}},
     "Ogni anno il 1º dicembre, con un controllo ogni 2 ore", "Every year on 1 December, checking every 2 hours"),
    ({"recurrence": {"kind": "weekly", "days": ["mon", "thu", "sun"], "every_weeks": 2}},
     "Ogni 2 settimane, il lunedì, il giovedì e la domenica", "Every 2 weeks on Monday, Thursday and Sunday"),
    ({"quiet_hours": {"bands": ["13:00-14:30"]}}, "mai tra le 13:00 e le 14:30 né tra le 21:00 e le 09:00",
     "never between 13:00 and 14:30 or between 21:00 and 09:00"),
    ({"quiet_hours": {"bands": ["20:00-22:00"]}}, "mai tra le 20:00 e le 09:00", "never between 20:00 and 09:00"),
    ({"quiet_hours": {"business_default": False}}, "invii a qualsiasi ora", "sending at any hour"),
    ({"check": {"every_minutes": 1440}}, "con un solo controllo, a mezzanotte", "checking once, at midnight"),
    ({"active": {"from": "2026-08-08", "to": "2026-12-31"}}, "Dall'8 agosto 2026 al 31 dicembre 2026.",
     "From 8 August 2026 to 31 December 2026."),
    ({"active": {"from": "2026-01-01"}}, "A partire dal 1º gennaio 2026.", "Starting 1 January 2026."),
    ({"active": {"to": "2026-11-11"}}, "Fino all'11 novembre 2026.", "Until 11 November 2026."),
    ({"blackout": {"dates": ["2026-12-24"], "yearly": ["12-25", "01-01"], "weekdays": ["sat", "sun"]}},
     "Giorni esclusi: il 24 dicembre 2026; ogni anno il 1º gennaio e il 25 dicembre; il sabato e la domenica. "
     "Un'esecuzione che cade in quei giorni viene saltata.",
     "Days left out: 24 December 2026; every year on 1 January and 25 December; Saturdays and Sundays. "
     "A run that falls on those days is skipped."),
    ({"blackout": {"weekdays": ["sun"], "policy": "next_allowed_day"}},
     "viene spostata al primo giorno consentito", "moves to the next allowed day"),
    ({"quiet_hours": {"policy": "skip"}}, "Gli invii che cadono nelle ore di silenzio vengono saltati.",
     "Sends that fall in quiet hours are skipped."),
    ({"missed": "skip"}, "Se il computer era spento, i controlli persi vengono saltati.",
     "If the computer was off, missed checks are skipped."),
    ({"belated": True}, "Gli anniversari che cadono in un giorno senza invii si festeggiano il primo giorno utile.",
     "Anniversaries on a day without sends are wished on the next day it runs."),
])
def test_each_part_is_said(spec: dict, italian: str, english: str) -> None:
    assert italian in say(spec, "it")
    assert english in say(spec, "en")


_variants = {
    "check": [{"every_minutes": 60}, {"every_minutes": 90}, {"times": ["09:00"]}, {"times": ["09:00", "18:30"]}],
    "recurrence": [{"kind": "daily"}, {"kind": "weekly", "days": ["tue"]},
                   {"kind": "weekly", "days": ["tue"], "every_weeks": 3}, {"kind": "monthly", "day": 5},
                   {"kind": "monthly", "nth": 2, "weekday": "fri"}, {"kind": "yearly", "month": 3, "day": 8}],
    "active": [{}, {"from": "2026-02-01"}, {"to": "2026-02-01"}, {"from": "2026-01-01", "to": "2026-02-01"}],
    "blackout": [{}, {"dates": ["2026-06-02"]}, {"yearly": ["06-02"]}, {"weekdays": ["sun"]},
                 {"weekdays": ["sun"], "policy": "next_allowed_day"}],
    "quiet_hours": [{}, {"business_default": False}, {"bands": ["12:00-13:00"]}, {"policy": "skip"}],
    "timezone": [{"mode": "rule"}, {"mode": "recipient"}, {"mode": "rule", "zone": "Asia/Kolkata"}],
    "missed": ["catch_up_once", "skip"],
    "belated": [False, True],
}


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _variants.items()}),
       st.sampled_from(sorted(_variants)), st.data())
def test_schedules_that_differ_are_described_differently(spec: dict, key: str, data: st.DataObject) -> None:
    other = data.draw(st.sampled_from([v for v in _variants[key] if v != spec[key]]))
    changed = {**spec, key: other}
    for language in ("it", "en"):
        assert say(spec, language) != say(changed, language), (key, spec[key], other)
