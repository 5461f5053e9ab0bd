"""The ledger's states, the moves allowed between them, and the interface every store keeps.

One table says which state may follow which; the live store (``delivery/outbox.py``) and the
simulator's store (``simulate/ledger_copy.py``) both consult it, so a move from a wrong
state fails loudly in both instead of silently doing nothing in one of them. The Activity
view's "retry", "cancel" and "mark as sent" are moves like any other and go through here.

Reasons are ``Msg`` codes (``desktop/messages.py``), stored encoded in the ``reason`` column.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Callable, Iterable, Protocol

from desktop.messages import Msg, define


class State(StrEnum):
    PLANNED = "planned"
    DEFERRED = "deferred"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    SKIPPED = "skipped"
    DROPPED = "dropped"
    APPLIED = "applied"      # a group action, done when booked


WAITING = (State.PLANNED, State.DEFERRED)
# What went out, may have gone out, or is booked to go out: these occupy a frequency-cap slot.
OCCUPYING = (State.PLANNED, State.SENDING, State.SENT, State.UNCERTAIN, State.DEFERRED)

# target -> the states a row may be in to move there. ``sending`` is reached only by a claim.
TRANSITIONS: dict[State, frozenset[State]] = {
    State.SENDING: frozenset(WAITING),
    State.SENT: frozenset({State.SENDING, State.UNCERTAIN}),          # uncertain: the user says it arrived
    State.FAILED: frozenset({State.SENDING, *WAITING, State.UNCERTAIN}),
    State.UNCERTAIN: frozenset({State.SENDING}),
    State.DEFERRED: frozenset({State.SENDING, *WAITING}),
    State.SKIPPED: frozenset({State.SENDING, *WAITING, State.UNCERTAIN}),  # uncertain: the user cancels
    State.DROPPED: frozenset({State.SENDING, *WAITING}),
    State.PLANNED: frozenset({State.FAILED, State.UNCERTAIN}),        # the user's "send again"
}


class TransitionError(RuntimeError):
    """A move the table forbids: a bug in the caller, never a user's mistake."""


def allowed_from(target: State) -> frozenset[State]:
    try:
        return TRANSITIONS[target]
    except KeyError:
        raise TransitionError(f"no ledger row may move to {target!r}") from None


def check_move(current: str, target: State) -> None:
    # A StrEnum member equals and hashes as its text: no conversion needed, and a text that
    # is no state at all is simply not in the set.
    if current not in allowed_from(target):
        raise TransitionError(f"a ledger row in {current!r} cannot move to {target.value!r}")


def sql_states(states: Iterable[State]) -> str:
    """``('planned', 'deferred')`` for a SQL ``IN`` (states are our own words, never input)."""
    return "(" + ", ".join(f"'{s.value}'" for s in sorted(states)) + ")"


class Ledger(Protocol):
    """The moves the dispatcher and the user make; both stores implement them all."""

    def claim(self, row: Any, now: datetime) -> bool: ...
    def sent(self, row: Any, provider_id: str, segments: int | None, now: datetime) -> None: ...
    def failed(self, row: Any, reason: Msg, now: datetime, segments: int | None = None) -> None: ...
    def uncertain(self, row: Any, reason: Msg, now: datetime) -> None: ...
    def deferred(self, row: Any, until: datetime, reason: Msg, now: datetime) -> None: ...
    def skipped(self, row: Any, reason: Msg, now: datetime) -> None: ...
    def dropped(self, row: Any, reason: Msg, now: datetime) -> None: ...
    def recover_sending(self, now: datetime) -> int: ...
    def spread_over_days(self, channel: str, due_by: datetime, day_starts: Callable[[int], datetime],
                         per_day: int, reason: Msg, now: datetime) -> int: ...


def encode(reason: Msg | None) -> str | None:
    return reason.encode() if reason is not None else None


define({
    "interrupted": ("interrotto durante l'invio: il messaggio potrebbe essere partito o no",
                    "interrupted while sending: the message may or may not have gone out"),
    "expired": ("scaduto prima che si potesse inviare", "expired before it could be sent"),
    "contact_gone": ("il contatto non esiste più", "the contact no longer exists"),
    "no_email": ("il contatto non ha un indirizzo e-mail", "the contact has no e-mail address"),
    "no_phone": ("il contatto non ha un numero di cellulare", "the contact has no mobile number"),
    "email_status": ("stato e-mail: {status}", "e-mail status is {status!r}"),
    "sms_status": ("stato SMS: {status}", "SMS status is {status!r}"),
    "no_template": ("la regola {rule} non indica un modello", "rule {rule} names no template"),
    "template_missing": ("il modello «{name}» non esiste", "template {name!r} does not exist"),
    "template_error": ("{detail}", "{detail}"),  # the renderer's own words, naming the template
    "daily_cap": ("raggiunto il limite giornaliero di {cap}", "daily cap of {cap} reached"),
    "gave_up": ("abbandonato dopo {attempts} tentativi: {reason}", "gave up after {attempts} attempts: {reason}"),
    "unexpected_send_error": ("errore imprevisto durante l'invio: {error}", "unexpected error while sending: {error}"),
    "channel_error": ("{detail}", "{detail}"),
    "user_marked": ("segnato a mano dall'utente", "marked by the user"),
    "user_cancelled": ("annullato dall'utente", "cancelled by the user"),
    "user_retry": ("da inviare di nuovo, su richiesta dell'utente", "to be sent again, as the user asked"),
    "rule_deleted": ("la regola è stata eliminata prima dell'invio", "the rule was deleted before this send went out"),
    "rule_disabled": ("la regola è stata disattivata prima dell'invio", "the rule was turned off before this send went out"),
    "no_longer_matches": ("non corrisponde più alle condizioni della regola", "no longer matches the rule's conditions"),
    "frequency_cap": ("limite di frequenza: {limit} {what} per {period}", "frequency cap: {limit} {what} per {period}"),
    "frequency_cap_no_room": ("limite di frequenza: {limit} {what} per {period}; nessuno spazio prima del {until} UTC",
                              "frequency cap: {limit} {what} per {period}; no room before {until} UTC"),
    "frequency_cap_dropped": ("limite di frequenza: {limit} {what} per {period}; nessuno spazio prima della scadenza",
                              "frequency cap: {limit} {what} per {period}; no room before it expired"),
})
