"""What a refused condition says, in Italian and English (``desktop.rules.conditions`` raises them)."""

from __future__ import annotations

from desktop.messages import define

define({
    "cond.needs_value": ("l'operatore {op!r} ha bisogno di un valore", "operator {op!r} needs a value"),
    "cond.needs_list": ("l'operatore {op!r} ha bisogno di almeno un valore", "operator {op!r} needs a non-empty list"),
    "cond.between_pair": ("\"è tra\" ha bisogno di due numeri, il minimo e il massimo",
                          "between needs a list of two numbers [low, high]"),
    "cond.low_above_high": ("il minimo {low} è più alto del massimo {high}", "the low end {low} is above the high end {high}"),
    "cond.behaviour_needs": ("la condizione {behaviour!r} ha bisogno di {key!r}", "behaviour {behaviour!r} needs {key!r}"),
    "cond.non_empty_text": ("scrivi un testo (non può restare vuoto)", "must be non-empty text"),
    "cond.unknown_field": ("campo del contatto sconosciuto {name!r}", "unknown contact field {name!r}"),
    # Keys and values the file must hold ("hours", true, "email") stay as they are written; the
    # English words among them are parameters (``_UNITS``), so the texts hold only the language's words.
    "cond.unknown_key": ("chiave sconosciuta {key!r} (ammesse: {allowed})", "unknown key {key!r} (allowed: {allowed})"),
    "cond.not_whole": ("{value!r} non è un numero intero", "{value!r} is not a whole number"),
    "cond.below_min": ("{value} è sotto il minimo di {minimum}", "{value} is below the minimum of {minimum}"),
    "cond.too_large": ("{value} è troppo grande", "{value} is too large"),
    "cond.not_text": ("{value!r} non è un testo", "{value!r} is not text"),
    "cond.not_number": ("{value!r} non è un numero", "{value!r} is not a number"),
    "cond.not_date": ("{value!r} non è una data (AAAA-MM-GG, es. 2026-12-25)", "{value!r} is not a date (YYYY-MM-DD)"),
    "cond.not_iso": ("{value!r} non è una data o una data con ora in formato ISO (es. 2026-12-25 o 2026-12-25T09:00)",
                     "{value!r} is not an ISO date or date-time"),
    "cond.bad_op": ("l'operatore {op!r} non si usa con il campo {name!r}, di tipo {type} (ammessi: {ops})",
                    "operator {op!r} is not valid for {type} field {name!r} (valid: {ops})"),
    "cond.not_unit": ("{value!r} non è né \"{hours}\" (ore) né \"{days}\" (giorni)", "{value!r} is not {hours} or {days}"),
    "cond.date_no_hours": ("{name!r} è una data senza ora: conta in giorni (\"{days}\")",
                           "{name!r} is a date without time: use {days}"),
    "cond.in_next_days": ("in_next conta solo in giorni (\"{days}\")", "in_next counts {days}"),
    "cond.not_one_of": ("{value!r} non è tra i valori ammessi: {choices}", "{value!r} is not one of {choices}"),
    "cond.no_days": ("l'operatore {op!r} non prevede un numero di giorni (\"{days}\")",
                     "operator {op!r} takes no {days}"),
    "cond.unknown_behaviour": ("condizione sconosciuta {name!r} (quelle esistenti: {known})",
                               "unknown behaviour {name!r} (known: {known})"),
    "cond.not_bool": ("{value!r} non è né true né false", "{value!r} is not true or false"),
    "cond.not_channel": ("{value!r} non è né email né sms", "{value!r} is not email or sms"),
    "cond.amount_and_unit": ("purchase_made vuole sia \"{amount}\" sia \"{unit}\", oppure nessuno dei due",
                             "purchase_made takes both {amount} and {unit}, or neither"),
    "cond.too_deep": ("le condizioni sono annidate per più di {depth} livelli",
                      "conditions nest deeper than {depth} levels"),
    "cond.not_object": ("una condizione deve essere un oggetto JSON {{...}}", "a condition must be an object"),
    "cond.not_list": ("deve essere una lista di condizioni", "must be a list of conditions"),
    "cond.no_kind": ("serve una di queste chiavi: {keys}", "expected one of the keys {keys}"),
})
