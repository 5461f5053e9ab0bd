"""The definitions every statistic rests on, as SQL text shared by the triggers and the rebuild.

Counters live in two summary tables keyed by rule and time bucket:

* ``stats_q``: one row per (rule, UTC quarter-hour). Every IANA zone's offset today is a
  whole number of quarter-hours (Kathmandu +05:45, Chatham +12:45, India +05:30), so any
  local midnight — including both midnights around a 23- or 25-hour DST day — is a quarter
  boundary in UTC, and a local range is an exact union of quarters.
* ``stats_d``: the same counters per UTC day, so long ranges read a few rows per day
  instead of 96; a local range = whole UTC days + the quarter-hours at both edges.

``rule_id`` -1 in ``stats_q`` is the all-rules total (kept so the overall daily series does
not sum every rule's quarters); 0 is "without a send" (a reaction that matches no send,
e.g. imported history). The all-rules total leaves 0 out: such opens and clicks are shown
apart and never enter a rate.

Keeping this text in one place is what lets ``rebuild`` recompute from history with the same
meaning as the incremental triggers.
"""

from __future__ import annotations

# Counter columns, in display order. ``revenue`` is the only REAL one.
COUNTS: tuple[str, ...] = (
    "matched", "planned", "sent", "sms_sent", "failed", "skipped", "uncertain",
    "deferred_cap", "dropped_cap", "bounced", "opened", "opened_unique", "clicked",
    "clicked_unique", "unsubscribed", "sms_delivered", "sms_failed", "purchases",
    "machine_opened", "machine_clicked",
)
COLUMNS: tuple[str, ...] = (*COUNTS, "revenue")
OVERALL = -1
NO_RULE = 0
QUARTER = 900  # seconds
QUARTERS_PER_DAY = 96

# A frequency-cap reason: coded (``desktop.ledger``'s ``frequency_cap*`` codes, stored with
# the code first) or, in rows written before codes, the old words.
CAP_PREFIXES = ('{"code":"frequency_cap', "frequency cap")

# Event types that are counted, and the channel of the send each one answers.
REACTIONS = ("email_opened", "email_clicked", "email_bounced", "unsubscribed",
             "sms_delivered", "sms_failed", "email_machine_opened", "email_machine_clicked")
COUNTED_EVENTS = (*REACTIONS, "purchase")
KIND_COLUMN = {"email_bounced": "bounced", "unsubscribed": "unsubscribed",
               "sms_delivered": "sms_delivered", "sms_failed": "sms_failed",
               "email_machine_opened": "machine_opened", "email_machine_clicked": "machine_clicked"}

ATTRIBUTION_DAYS = ("(SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings "
                    "WHERE key = 'stats.attribution_days'), 7))")


def quarter(when: str) -> str:
    return f"(unixepoch({when}) / {QUARTER})"


def day(when: str) -> str:
    return f"(unixepoch({when}) / 86400)"


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def reaction_channel(e: str) -> str:
    """Which channel's send an event answers; an unsubscribe says so in ``ref`` or its payload."""
    return (f"(CASE WHEN {e}.type IN ('sms_delivered', 'sms_failed') THEN 'sms' "
            f"WHEN {e}.type = 'unsubscribed' AND coalesce(json_extract({e}.payload, '$.channel'), {e}.ref) = 'sms' "
            f"THEN 'sms' ELSE 'email' END)")


def message_of(e: str) -> str:
    """The ledger row (message) an event is about, as a scalar subquery; NULL if none.

    A reaction names its message when the payload carries ``ledger_id`` (our own tracking
    links); otherwise it answers the latest send to that contact on that channel at or
    before it, of the event's rule if the event names one. A purchase is attributed to the
    latest send to the contact on any channel within the attribution window before it.
    """
    named = (f"(SELECT l.id FROM ledger l WHERE l.id = json_extract({e}.payload, '$.ledger_id') "
             f"AND l.contact_id IS {e}.contact_id AND l.state = 'sent')")
    latest = (f"(SELECT l.id FROM ledger l WHERE l.contact_id = {e}.contact_id AND l.state = 'sent' "
              f"AND l.channel = {reaction_channel(e)} AND l.sent_at <= {e}.occurred_at "
              f"AND ({e}.rule_id IS NULL OR l.rule_id = {e}.rule_id) "
              f"ORDER BY l.sent_at DESC, l.id DESC LIMIT 1)")
    attributed = (f"(SELECT l.id FROM ledger l WHERE l.contact_id = {e}.contact_id AND l.state = 'sent' "
                  f"AND l.sent_at <= {e}.occurred_at "
                  f"AND l.sent_at >= datetime({e}.occurred_at, '-' || {ATTRIBUTION_DAYS} || ' days') "
                  f"ORDER BY l.sent_at DESC, l.id DESC LIMIT 1)")
    return (f"(CASE WHEN {e}.type = 'purchase' THEN {attributed} "
            f"ELSE coalesce({named}, {latest}) END)")


def engage_rule(e: str, ledger: str) -> str:
    """The rule an event counts for: a purchase, its attributed send's; a reaction to a send,
    the rule it names, else its message's. A reaction without a send (imported history: an
    open from another tool) is "without a send", whatever rule it names: counting it for a
    rule would put opens over no sends into that rule's rates."""
    return (f"(CASE WHEN {e}.type = 'purchase' THEN {ledger}.rule_id "
            f"WHEN {ledger}.id IS NULL THEN {NO_RULE} "
            f"ELSE coalesce({e}.rule_id, {ledger}.rule_id) END)")


def message_key(msg: str, rule: str, contact: str, event_id: str) -> str:
    """What "one message" means for unique opens and clicks (see docs/stats.md)."""
    return (f"coalesce('L' || {msg}, 'R' || {rule} || ':C' || coalesce({contact}, 'E' || {event_id}))")


# -- ledger rows: what each row contributes, as a function of its current columns ----------

def state_time(r: str) -> str:
    return f"(CASE WHEN {r}.state = 'sent' THEN coalesce({r}.sent_at, {r}.updated_at) ELSE {r}.updated_at END)"


def _capped(r: str, state: str) -> str:
    capped = " OR ".join(f"substr({r}.reason, 1, {len(p)}) = '{p}'" for p in CAP_PREFIXES)
    return f"({r}.state = '{state}' AND ({capped}))"


def state_counts(r: str) -> dict[str, str]:
    """The counters a ledger row adds in its current state, each 0 or 1."""
    return {
        "sent": f"({r}.state = 'sent')",
        "sms_sent": f"({r}.state = 'sent' AND {r}.channel = 'sms')",
        "failed": f"({r}.state = 'failed')",
        "skipped": f"({r}.state = 'skipped')",
        "uncertain": f"({r}.state = 'uncertain')",
        "deferred_cap": _capped(r, "deferred"),
        "dropped_cap": _capped(r, "dropped"),
    }


def state_counted(r: str) -> str:
    return (f"({r}.state IN ('sent', 'failed', 'skipped', 'uncertain') OR "
            f"{_capped(r, 'deferred')} OR {_capped(r, 'dropped')})")


# -- the one way counters change ----------------------------------------------------------

def bump(values: dict[str, str], rule: str, when: str, where: str = "1", sign: int = 1,
         source: str = "") -> list[str]:
    """Statements adding ``values`` (column -> SQL expression) at ``when`` for ``rule``.

    Three upserts: the rule's quarter, the all-rules quarter, the rule's UTC day. ``source``
    is an optional ``FROM ...`` the expressions read from.
    """
    cols = list(values)
    exprs = ", ".join(f"{sign} * ({v})" for v in values.values())
    update = ", ".join(f"{c} = {c} + excluded.{c}" for c in cols)
    names = ", ".join(cols)
    overall = f"({where}) AND ({rule}) != {NO_RULE}"  # the all-rules total is of real sends only
    targets = (("stats_q", "q", quarter(when), rule, where), ("stats_q", "q", quarter(when), str(OVERALL), overall),
               ("stats_d", "d", day(when), rule, where))
    return [f"INSERT INTO {table}(rule_id, {key}, {names}) SELECT {r}, {bucket}, {exprs} {source} WHERE {w} "
            f"ON CONFLICT DO UPDATE SET {update}"
            for table, key, bucket, r, w in targets]
