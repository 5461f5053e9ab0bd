"""A schedule in one or two plain sentences, in Italian or English, for the UI and ``rules list``.

The first sentence says when and where ("Every Monday at 09:00 in the recipient's time zone,
never between 21:00 and 08:00"); further short sentences appear only for what is not the
default (active period, blackouts, skipping policies), so the usual case stays one line.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.schedule.model import BusinessDefaults, Schedule, time_label
from desktop.schedule.quiet import hhmm, merged

_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_IT_DAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_IT_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
              "settembre", "ottobre", "novembre", "dicembre")
_EN_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_IT_NTH = {1: "primo", 2: "secondo", 3: "terzo", 4: "quarto", 5: "quinto", -1: "ultimo"}
_SUNDAY = 6


def _join(items: list[str], last: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


# --- dates, Italian articles included ("il 1º", "l'8", "l'11", "dal", "all'") ---------------

def _it_day_number(day: int) -> str:
    return "1º" if day == 1 else str(day)


def _it_article(day: int, preposition: str = "") -> str:
    """Article (with an optional preposition: "da", "a") before a day number."""
    vowel = day in (8, 11)
    forms = {"": ("l'", "il "), "da": ("dall'", "dal "), "a": ("all'", "al ")}[preposition]
    return (forms[0] if vowel else forms[1]) + _it_day_number(day)


def _month_day(month: int, day: int, lang: str, article: str = "") -> str:
    if lang == "it":
        return f"{_it_article(day, article)} {_IT_MONTHS[month - 1]}"
    return f"{day} {_EN_MONTHS[month - 1]}"


def _full_date(day: date, lang: str, article: str = "") -> str:
    return f"{_month_day(day.month, day.day, lang, article)} {day.year}"


# --- parts of the first sentence --------------------------------------------------------------

def _days(schedule: Schedule, lang: str) -> str:
    rec = schedule.recurrence
    if rec.kind == "weekly":
        if lang == "it":
            if rec.every_weeks == 1:
                return "Ogni " + _join([_IT_DAYS[d] for d in rec.days], "e")
            names = [("la " if d == _SUNDAY else "il ") + _IT_DAYS[d] for d in rec.days]
            return f"Ogni {rec.every_weeks} settimane, {_join(names, 'e')}"
        names = [_EN_DAYS[d] for d in rec.days]
        if rec.every_weeks == 1:
            return "Every " + _join(names, "and")
        return f"Every {rec.every_weeks} weeks on {_join(names, 'and')}"
    if rec.kind == "monthly" and rec.nth is not None:
        assert rec.weekday is not None
        if lang == "it":
            nth, day_name = _IT_NTH[rec.nth], _IT_DAYS[rec.weekday]
            if rec.weekday == _SUNDAY:
                nth = nth[:-1] + "a"
                article = "L'" if rec.nth == -1 else "La "
            else:
                article = "L'" if rec.nth == -1 else "Il "
            return f"{article}{nth} {day_name} di ogni mese"
        return f"On the {_EN_NTH[rec.nth]} {_EN_DAYS[rec.weekday]} of every month"
    if rec.kind == "monthly":
        assert rec.day is not None
        short = rec.day > 28
        if lang == "it":
            tail = " (o l'ultimo giorno, nei mesi più corti)" if short else ""
            return f"Il giorno {rec.day} di ogni mese{tail}"
        tail = " (or the last day of shorter months)" if short else ""
        return f"On day {rec.day} of every month{tail}"
    if rec.kind == "yearly":
        assert rec.month is not None and rec.day is not None
        leap = rec.month == 2 and rec.day == 29
        if lang == "it":
            return f"Ogni anno {_month_day(rec.month, rec.day, lang)}" + (" (il 28 negli anni non bisestili)" if leap else "")
        return f"Every year on {_month_day(rec.month, rec.day, lang)}" + (" (28 February in other years)" if leap else "")
    return "Ogni giorno" if lang == "it" else "Every day"


def _check(schedule: Schedule, lang: str) -> str:
    times = schedule.check.times
    if times:
        labels = [time_label(t) for t in times]
        if lang == "it":
            return "alle " + _join(labels, "e alle").replace(", ", ", alle ")
        return "at " + _join(labels, "and")
    every = schedule.check.every
    assert every is not None
    minutes = every / timedelta(minutes=1)
    if minutes >= 1440:
        return "con un solo controllo, a mezzanotte" if lang == "it" else "checking once, at midnight"
    if minutes == 60:
        amount = "ogni ora" if lang == "it" else "every hour"
    elif minutes % 60 == 0:
        hours = int(minutes // 60)
        amount = f"ogni {hours} ore" if lang == "it" else f"every {hours} hours"
    else:
        shown = int(minutes) if minutes == int(minutes) else round(minutes, 2)
        amount = f"ogni {shown} minuti" if lang == "it" else f"every {shown} minutes"
    return f"con un controllo {amount}" if lang == "it" else f"checking {amount}"


def _zone(schedule: Schedule, lang: str, business: BusinessDefaults) -> str:
    if schedule.timezone.mode == "recipient":
        return "nel fuso orario del destinatario" if lang == "it" else "in the recipient's time zone"
    if schedule.timezone.zone:
        return f"nel fuso orario {schedule.timezone.zone}" if lang == "it" else f"in the {schedule.timezone.zone} time zone"
    if lang == "it":
        return f"nel fuso orario dell'attività ({business.zone})"
    return f"in the business time zone ({business.zone})"


def _quiet(schedule: Schedule, lang: str, business: BusinessDefaults) -> str:
    bands = merged(schedule.quiet_mask(business))
    if not bands:
        return "invii a qualsiasi ora" if lang == "it" else "sending at any hour"
    if lang == "it":
        return "mai " + " né ".join(f"tra le {hhmm(b.start)} e le {hhmm(b.end)}" for b in bands)
    return "never " + " or ".join(f"between {hhmm(b.start)} and {hhmm(b.end)}" for b in bands)


# --- the further sentences ----------------------------------------------------------------------

def _period(schedule: Schedule, lang: str) -> str | None:
    start, end = schedule.active.start, schedule.active.end
    if lang == "it":
        if start and end:
            text = f"{_full_date(start, lang, 'da')} {_full_date(end, lang, 'a')}"
            return text[0].upper() + text[1:] + "."
        if start:
            return f"A partire {_full_date(start, lang, 'da')}."
        if end:
            return f"Fino {_full_date(end, lang, 'a')}."
        return None
    if start and end:
        return f"From {_full_date(start, lang)} to {_full_date(end, lang)}."
    if start:
        return f"Starting {_full_date(start, lang)}."
    if end:
        return f"Until {_full_date(end, lang)}."
    return None


def _blackout(schedule: Schedule, lang: str) -> str | None:
    blackout = schedule.blackout
    parts: list[str] = []
    it = lang == "it"
    if blackout.dates:
        parts.append(_join([_full_date(d, lang) for d in blackout.dates], "e" if it else "and"))
    if blackout.yearly:
        days = _join([_month_day(m, d, lang) for m, d in blackout.yearly], "e" if it else "and")
        parts.append(f"ogni anno {days}" if it else f"every year on {days}")
    if blackout.weekdays:
        if it:
            parts.append(_join([("la " if d == _SUNDAY else "il ") + _IT_DAYS[d] for d in blackout.weekdays], "e"))
        else:
            parts.append(_join([_EN_DAYS[d] + "s" for d in blackout.weekdays], "and"))
    if not parts:
        return None
    if it:
        then = ("viene spostata al primo giorno consentito" if blackout.policy == "next_allowed_day"
                else "viene saltata")
        return f"Giorni esclusi: {'; '.join(parts)}. Un'esecuzione che cade in quei giorni {then}."
    then = "moves to the next allowed day" if blackout.policy == "next_allowed_day" else "is skipped"
    return f"Days left out: {'; '.join(parts)}. A run that falls on those days {then}."


def describe(schedule: Schedule, language: str = "en", *, business: BusinessDefaults) -> str:
    lang = "it" if language == "it" else "en"
    days, check = _days(schedule, lang), _check(schedule, lang)
    zone, quiet = _zone(schedule, lang, business), _quiet(schedule, lang, business)
    if schedule.check.times:
        head = f"{days} {check} {zone}, {quiet}."
    else:
        head = f"{days}, {check}, {zone}, {quiet}."
    sentences = [head]
    for extra in (_period(schedule, lang), _blackout(schedule, lang)):
        if extra:
            sentences.append(extra)
    if schedule.quiet_hours.policy == "skip" and any(schedule.quiet_mask(business)):
        sentences.append("Gli invii che cadono nelle ore di silenzio vengono saltati." if lang == "it"
                         else "Sends that fall in quiet hours are skipped.")
    if schedule.belated:
        sentences.append("Gli anniversari che cadono in un giorno senza invii si festeggiano il primo giorno utile."
                         if lang == "it" else "Anniversaries on a day without sends are wished on the next day it runs.")
    if schedule.missed == "skip":
        sentences.append("Se il computer era spento, i controlli persi vengono saltati." if lang == "it"
                         else "If the computer was off, missed checks are skipped.")
    return " ".join(sentences)
