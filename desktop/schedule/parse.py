"""Reading a schedule from JSON: defaults, validation, and errors that name the JSON path."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.schedule.model import (
    KINDS, MAX_EVERY, MIN_EVERY, WEEKDAYS, Active, Blackout, BusinessDefaults, Check,
    QuietHours, Recurrence, Schedule, Zone, to_time)
from desktop.schedule.quiet import parse_band, parse_time
from desktop.timeutil import valid_zone

define({
    "sched.below": ("{value} è sotto il minimo di {low}{suffix}", "{value} is below the minimum of {low}{suffix}"),
    "sched.above": ("{value} è sopra il massimo di {high}{suffix}", "{value} is above the maximum of {high}{suffix}"),
    "sched.unit_minutes": (" minuti", " minutes"), "sched.unit_hours": (" ore", " hours"),
    "sched.unit_weeks": (" settimane", " weeks"),
    "sched.unit_minute": (" minuto", " minute"), "sched.unit_hour": (" ora", " hour"),
    "sched.unit_week": (" settimana", " week"),
    "sched.needs_time": ("indica almeno un orario, come \"09:00\"", "give at least one time like \"09:00\""),
    "sched.not_time": ("{value} non è un orario come \"09:00\"", "{value} is not a time like \"09:00\""),
    "sched.needs_weekday": ("scegli almeno un giorno della settimana", "give at least one weekday, e.g. [\"mon\"]"),
    "sched.end_before_start": ("{end} viene prima dell'inizio {start}", "{end} is before the start {start}"),
    "sched.all_blocked": ("tutti i giorni della settimana sono bloccati: non partirebbe mai nulla",
                          "every weekday is blocked; nothing could ever run"),
    "sched.not_band": ("{value} non è una fascia come \"21:00-09:00\" (inizio e fine devono essere diversi)",
                       "{value} is not a band like \"21:00-09:00\" (start and end must differ)"),
    "sched.not_zone": ("{value} non è un fuso orario nella forma Continente/Città (es. Europe/Rome)",
                       "{value} is not a time zone written Continent/City (e.g. Europe/Rome)"),
    "sched.never_runs": ("tutti i giorni della ricorrenza sono bloccati e la regola salta i giorni bloccati: "
                         "non partirebbe mai",
                         "every weekday of the recurrence is blocked and the policy is skip; the rule could never run"),
    "sched.quiet_all_day": ("le fasce di silenzio (con quella predefinita dell'attività) coprono tutto il giorno: "
                            "non si potrebbe mai inviare nulla",
                            "quiet hours (with the business default) cover the whole day; nothing could ever be sent"),
    # The file's own words (keys, "mon", true, 2026-12-25) stay as the file must hold them; the
    # English words among them are parameters (``_KEYS``), so the texts hold only the language's words.
    "sched.not_object": ("serve un oggetto {{...}}, non {value}", "expected an object {{...}}, got {value}"),
    "sched.unknown_key": ("chiave sconosciuta {key}; quelle ammesse sono {allowed}",
                          "unknown key {key}; expected one of {allowed}"),
    "sched.not_choice": ("{value} non è tra i valori ammessi: {choices}", "{value} is not one of {choices}"),
    "sched.not_whole": ("{value} non è un numero intero", "{value} is not a whole number"),
    "sched.not_list": ("serve una lista [...], non {value}", "expected a list [...], got {value}"),
    "sched.twice": ("{value} compare due volte", "{value} is listed twice"),
    "sched.not_weekday": ("{value} non è un giorno della settimana ({days})", "{value} is not a weekday ({days})"),
    "sched.not_date": ("{value} non è una data come 2026-12-25 (anno-mese-giorno)",
                       "{value} is not a date like 2026-12-25"),
    "sched.not_month_day": ("{value} non è un mese e un giorno come 12-25 (mese-giorno)",
                            "{value} is not a month and day like 12-25"),
    "sched.only_one": ("indica una sola chiave tra {keys} e {last}", "give only one of {keys} or {last}"),
    "sched.not_for_kind": ("{key} non si usa con una ricorrenza di tipo {kind}",
                           "{key} does not apply to a {kind} recurrence"),
    "sched.day_and_nth": ("indica \"{day}\" oppure \"{nth}\" con \"{weekday}\", non entrambi",
                          "give either {day}, or {nth} and {weekday}, not both"),
    "sched.nth_needs_weekday": ("con \"{nth}\" serve anche \"{weekday}\", il giorno della settimana (es. \"mon\")",
                                "{nth} needs a {weekday}, e.g. \"mon\""),
    "sched.needs_day": ("indica \"{day}\" (da 1 a 31), oppure \"{nth}\" con \"{weekday}\"",
                        "give {day} (1-31), or {nth} and {weekday}"),
    "sched.not_bool": ("{value} non è né true né false", "{value} is not true or false"),
    "sched.zone_recipient": ("un fuso orario si indica solo con \"{mode}\": \"{rule}\"; i destinatari usano il proprio",
                             "a zone only applies with {mode} \"{rule}\"; recipients use their own"),
})

_KEYS = {"day": "day", "nth": "nth", "weekday": "weekday"}  # the file's words, in messages
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _object(data: Any, where: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(Msg("sched.not_object", {"value": _show(data)}), where)
    for key in data:
        if key not in allowed:
            raise InputError(Msg("sched.unknown_key", {"key": repr(key), "allowed": ", ".join(allowed)}),
                             f"{where}.{key}")
    return data


def _show(value: Any) -> str:
    return "null" if value is None else repr(value)


def _choice(value: Any, where: str, choices: tuple[str, ...], default: str) -> str:
    if value is None:
        return default
    if value not in choices:
        raise InputError(Msg("sched.not_choice", {"value": _show(value), "choices": ", ".join(choices)}), where)
    return str(value)


def _int(value: Any, where: str, low: int, high: int, unit: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(Msg("sched.not_whole", {"value": _show(value)}), where)
    def suffix(bound: int) -> Msg | str:  # "1 ora", "2 ore"
        return Msg(f"sched.unit_{unit[:-1] if bound == 1 else unit}") if unit else ""

    if value < low:
        raise InputError(Msg("sched.below", {"value": value, "low": low, "suffix": suffix(low)}), where)
    if value > high:
        raise InputError(Msg("sched.above", {"value": value, "high": high, "suffix": suffix(high)}), where)
    return value


def _list(value: Any, where: str, item: Callable[[Any, str], Any], *, unique: bool = True) -> tuple[Any, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(Msg("sched.not_list", {"value": _show(value)}), where)
    items = [item(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if unique:
        for i, v in enumerate(items):
            if v in items[:i]:
                raise InputError(Msg("sched.twice", {"value": _show(value[i])}), f"{where}[{i}]")
    return tuple(items)


def _weekday(value: Any, where: str) -> int:
    text = value.strip().lower()[:3] if isinstance(value, str) else None
    if text not in WEEKDAYS:
        raise InputError(Msg("sched.not_weekday", {"value": _show(value), "days": ", ".join(WEEKDAYS)}), where)
    return WEEKDAYS.index(text)


def _date(value: Any, where: str) -> date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(Msg("sched.not_date", {"value": _show(value)}), where)


def _month_day(value: Any, where: str) -> tuple[int, int]:
    parts = value.split("-") if isinstance(value, str) else []
    if len(parts) == 2 and all(p.isdigit() and len(p) == 2 for p in parts):
        month, day = int(parts[0]), int(parts[1])
        if 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]:
            return month, day
    raise InputError(Msg("sched.not_month_day", {"value": _show(value)}), where)


def _check(data: Any, where: str) -> Check:
    obj = _object(data, where, ("every_minutes", "every_hours", "times"))
    given = [k for k in ("every_minutes", "every_hours", "times") if obj.get(k) is not None]
    if len(given) > 1:
        raise InputError(Msg("sched.only_one", {"keys": ", ".join(given[:-1]), "last": given[-1]}), where)
    if not given:
        return Check()
    key = given[0]
    if key == "times":
        times = _list(obj[key], f"{where}.times", _time_of_day)
        if not times:
            raise InputError(Msg("sched.needs_time"), f"{where}.times")
        return Check(every=None, times=tuple(sorted(times)))
    low, high = (5, 1440) if key == "every_minutes" else (1, 24)
    unit = "minutes" if key == "every_minutes" else "hours"
    amount = _int(obj[key], f"{where}.{key}", low, high, unit)
    every = timedelta(minutes=amount) if key == "every_minutes" else timedelta(hours=amount)
    assert MIN_EVERY <= every <= MAX_EVERY
    return Check(every=every)


def _time_of_day(value: Any, where: str):  # -> time
    minute = parse_time(value)
    if minute is None:
        raise InputError(Msg("sched.not_time", {"value": _show(value)}), where)
    return to_time(minute)


def _recurrence(data: Any, where: str) -> Recurrence:
    obj = _object(data, where, ("kind", "days", "every_weeks", "day", "nth", "weekday", "month"))
    kind = _choice(obj.get("kind"), f"{where}.kind", KINDS, "daily")
    expected = {"daily": (), "weekly": ("days", "every_weeks"), "monthly": ("day", "nth", "weekday"),
                "yearly": ("month", "day")}[kind]
    for key in obj:
        if key != "kind" and key not in expected:
            raise InputError(Msg("sched.not_for_kind", {"key": repr(key), "kind": kind}), f"{where}.{key}")
    if kind == "weekly":
        days = _list(obj.get("days"), f"{where}.days", _weekday)
        if not days:
            raise InputError(Msg("sched.needs_weekday"), f"{where}.days")
        every = 1 if obj.get("every_weeks") is None else _int(obj["every_weeks"], f"{where}.every_weeks", 1, 52, "weeks")
        return Recurrence("weekly", days=tuple(sorted(days)), every_weeks=every)
    if kind == "monthly":
        if obj.get("nth") is not None or obj.get("weekday") is not None:
            if obj.get("day") is not None:
                raise InputError(Msg("sched.day_and_nth", _KEYS), f"{where}.day")
            nth = obj.get("nth")
            if nth != -1:
                nth = _int(nth, f"{where}.nth", 1, 5)
            if obj.get("weekday") is None:
                raise InputError(Msg("sched.nth_needs_weekday", _KEYS), f"{where}.weekday")
            return Recurrence("monthly", nth=nth, weekday=_weekday(obj["weekday"], f"{where}.weekday"))
        if obj.get("day") is None:
            raise InputError(Msg("sched.needs_day", _KEYS), f"{where}.day")
        return Recurrence("monthly", day=_int(obj["day"], f"{where}.day", 1, 31))
    if kind == "yearly":
        month = _int(obj.get("month"), f"{where}.month", 1, 12)
        day = _int(obj.get("day"), f"{where}.day", 1, _DAYS_IN_MONTH[month - 1])
        return Recurrence("yearly", month=month, day=day)
    return Recurrence()


def _active(data: Any, where: str) -> Active:
    obj = _object(data, where, ("from", "to"))
    start = None if obj.get("from") is None else _date(obj["from"], f"{where}.from")
    end = None if obj.get("to") is None else _date(obj["to"], f"{where}.to")
    if start and end and end < start:
        raise InputError(Msg("sched.end_before_start", {"end": end, "start": start}), f"{where}.to")
    return Active(start, end)


def _blackout(data: Any, where: str) -> Blackout:
    obj = _object(data, where, ("dates", "yearly", "weekdays", "policy"))
    weekdays = _list(obj.get("weekdays"), f"{where}.weekdays", _weekday)
    if len(weekdays) == 7:
        raise InputError(Msg("sched.all_blocked"), f"{where}.weekdays")
    return Blackout(
        dates=tuple(sorted(_list(obj.get("dates"), f"{where}.dates", _date))),
        yearly=tuple(sorted(_list(obj.get("yearly"), f"{where}.yearly", _month_day))),
        weekdays=tuple(sorted(weekdays)),
        policy=_choice(obj.get("policy"), f"{where}.policy", ("skip", "next_allowed_day"), "skip"),
    )


def _band(value: Any, where: str):  # -> Band
    band = parse_band(value)
    if band is None:
        raise InputError(Msg("sched.not_band", {"value": _show(value)}), where)
    return band


def _quiet(data: Any, where: str) -> QuietHours:
    obj = _object(data, where, ("bands", "business_default", "policy"))
    default = obj.get("business_default", True)
    if not isinstance(default, bool):
        raise InputError(Msg("sched.not_bool", {"value": _show(default)}), f"{where}.business_default")
    return QuietHours(
        bands=_list(obj.get("bands"), f"{where}.bands", _band),
        business_default=default,
        policy=_choice(obj.get("policy"), f"{where}.policy", ("defer", "skip"), "defer"),
    )


def _zone(data: Any, where: str) -> Zone:
    obj = _object(data, where, ("mode", "zone"))
    mode = _choice(obj.get("mode"), f"{where}.mode", ("rule", "recipient"), "rule")
    name = obj.get("zone")
    if name is not None and mode == "recipient":
        raise InputError(Msg("sched.zone_recipient", {"mode": "mode", "rule": "rule"}), f"{where}.zone")
    if name is not None and not (isinstance(name, str) and valid_zone(name)):
        raise InputError(Msg("sched.not_zone", {"value": _show(name)}), f"{where}.zone")
    return Zone(mode, name)


def parse_schedule(data: Any, where: str, business: BusinessDefaults | None) -> Schedule:
    obj = _object(data, where, ("check", "recurrence", "active", "blackout", "quiet_hours", "timezone", "missed",
                                        "belated"))
    belated = obj.get("belated", False)
    if not isinstance(belated, bool):
        raise InputError(Msg("sched.not_bool", {"value": _show(belated)}), f"{where}.belated")
    schedule = Schedule(
        check=_check(obj.get("check"), f"{where}.check"),
        recurrence=_recurrence(obj.get("recurrence"), f"{where}.recurrence"),
        active=_active(obj.get("active"), f"{where}.active"),
        blackout=_blackout(obj.get("blackout"), f"{where}.blackout"),
        quiet_hours=_quiet(obj.get("quiet_hours"), f"{where}.quiet_hours"),
        timezone=_zone(obj.get("timezone"), f"{where}.timezone"),
        missed=_choice(obj.get("missed"), f"{where}.missed", ("catch_up_once", "skip"), "catch_up_once"),
        belated=belated,
    )
    rec, blocked = schedule.recurrence, set(schedule.blackout.weekdays)
    if rec.kind == "weekly" and blocked >= set(rec.days) and schedule.blackout.policy == "skip":
        raise InputError(Msg("sched.never_runs"), f"{where}.blackout.weekdays")
    if business is not None and all(schedule.quiet_mask(business)):
        raise InputError(Msg("sched.quiet_all_day"), f"{where}.quiet_hours")
    return schedule
