"""SMS replies and delivery status from Twilio, by polling the Messages list (no webhook).

One listing of the last few days (``DateSent>``, newest first, paged by Twilio's
``next_page_uri``) serves both halves:

- **inbound** messages whose whole body is an opt-out keyword (STOP, STOPALL, UNSUBSCRIBE,
  CANCEL, END, QUIT, REVOKE, OPTOUT) make the contact with that number SMS-unsubscribed, and
  record an ``unsubscribed`` event; START, YES, UNSTOP subscribe them again (a ``custom``
  event ``sms_start``). Twilio applies these keywords itself and then refuses sends with error
  21610 — the replies are still listed, which is how Postino learns of them. The latest reply
  wins, whatever order the pages arrive in.
- **outbound** messages in a final state that Postino sent (a ledger row with that SID)
  become ``sms_delivered`` / ``sms_failed`` (this replaces the old one-shot status poll).

Everything is idempotent by the message SID (event uids ``sms_reply:SID`` and
``sms_status:SID``), so the overlapping window costs requests, never duplicates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Mapping

from desktop.connectors.base import Connection, Fetched, PollError, PollSummary, register
from desktop.messages import Msg, define

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}
START_WORDS = {"START", "YES", "UNSTOP"}
DELIVERED = {"delivered", "read"}
FAILED = {"undelivered", "failed", "canceled"}
PAGE_SIZE = 500
WINDOW = timedelta(days=3)

define({
    "twilio.no_token": ("Manca il token Twilio: usa `credentials set twilio`",
                        "The Twilio auth token is missing: use `credentials set twilio`"),
    "twilio.error": ("Twilio ha risposto HTTP {status}, errore {code}", "Twilio answered HTTP {status}, error {code}"),
})


@dataclass(frozen=True)
class Listed:
    """One message of the listing, as much as the poller needs of it."""

    sid: str
    direction: str
    from_: str
    to: str
    body: str
    status: str
    error_code: int | None
    error_message: str
    date_sent: str       # ISO 8601, UTC


def keyword(body: str) -> str:
    """The reply as Twilio matches keywords: the whole message, trimmed, any letter case."""
    return body.strip().strip(".!").strip().upper()


class TwilioReplies:
    def __init__(self, name: str, account_sid: str, token: str | None, every: timedelta, *,
                 base_url: str | None = None, window: timedelta = WINDOW, page_size: int = PAGE_SIZE) -> None:
        self.name, self.every, self.window, self.page_size = name, every, window, page_size
        self.account_sid, self._token, self.base_url = account_sid, token, base_url
        self._client: Any = None
        self._http: Any = None

    def _messages(self) -> Any:
        if not self._token:
            raise PollError(Msg("twilio.no_token"))
        if self._client is None:
            from twilio.http.http_client import TwilioHttpClient
            from twilio.rest import Client

            class Remembering(TwilioHttpClient):  # keeps the last answer's headers (Retry-After)
                last_headers: Mapping[str, str] = {}

                def request(self, *args: Any, **kwargs: Any) -> Any:
                    answer = super().request(*args, **kwargs)
                    self.last_headers = answer.headers or {}
                    return answer

            self._http = Remembering(timeout=30)
            self._client = Client(self.account_sid, self._token, http_client=self._http)
            if self.base_url:
                self._client.api.base_url = self.base_url
        return self._client.api.v2010.accounts(self.account_sid).messages

    def fetch(self, cursor: Mapping[str, Any], now: datetime) -> Fetched:
        import requests
        from twilio.base.exceptions import TwilioException

        messages = self._messages()
        try:
            if cursor.get("page_url"):
                page = messages.get_page(cursor["page_url"])
            else:
                page = messages.page(date_sent_after=now - self.window, page_size=self.page_size)
        except TwilioException as exc:
            raise self._error(exc) from None
        except requests.exceptions.RequestException as exc:
            raise PollError(Msg("http.unreachable", {"host": "api.twilio.com", "error": type(exc).__name__})) from None
        items = [_listed(m) for m in page]
        following = page.next_page_url
        return Fetched(items=items, cursor={"page_url": following, "last_pass": cursor.get("last_pass")}
                       if following else {"page_url": None, "last_pass": now.isoformat()}, more=bool(following))

    def _error(self, exc: Exception) -> PollError:
        """A listing refused: wrong token, slow down (with Twilio's ``Retry-After``), server trouble.
        ``get_page`` raises the base ``TwilioException`` with the HTTP response as its second
        argument; ``page`` raises ``TwilioRestException`` with status and code."""
        from desktop.connectors.http import retry_after

        response = exc.args[1] if len(exc.args) > 1 else None
        status = int(getattr(exc, "status", 0) or getattr(response, "status_code", 0) or 0)
        code = getattr(exc, "code", None)
        if code is None and response is not None:
            try:
                code = json.loads(response.text).get("code")
            except (ValueError, AttributeError):
                code = None
        if status in (401, 403):
            return PollError(Msg("http.auth", {"host": "api.twilio.com", "status": status}))
        wait = None
        if status == 429 or status >= 500:
            headers = getattr(response, "headers", None) or (self._http.last_headers if self._http else {})
            wait = retry_after(headers) or (60.0 if status == 429 else None)
        return PollError(Msg("twilio.error", {"status": status, "code": code}), retry_after=wait)

    def apply(self, ws: "Workspace", fetched: Fetched, now: datetime) -> PollSummary:
        summary = PollSummary(fetched=len(fetched.items))
        inbound = sorted((m for m in fetched.items if m.direction == "inbound"), key=lambda m: m.date_sent)
        for message in inbound:
            kind = _reply_kind(ws, message, now)
            if kind:
                summary.counts[kind] = summary.counts.get(kind, 0) + 1
                summary.written += 1
        statuses = record_final_statuses(ws, [m for m in fetched.items if m.direction.startswith("outbound")], now)
        for kind, count in statuses.items():
            summary.counts[kind] = summary.counts.get(kind, 0) + count
            summary.written += count
        return summary


def _listed(m: Any) -> Listed:
    sent = m.date_sent or m.date_created
    return Listed(sid=m.sid, direction=m.direction or "", from_=m.from_ or "", to=m.to or "", body=m.body or "",
                  status=m.status or "", error_code=m.error_code, error_message=m.error_message or "",
                  date_sent=sent.isoformat() if sent else "")


def _reply_kind(ws: "Workspace", message: Listed, now: datetime) -> str | None:
    """Record one keyword reply; change the contact only if it is their latest reply."""
    word = keyword(message.body)
    if word not in STOP_WORDS and word not in START_WORDS:
        return None
    stop = word in STOP_WORDS
    when = datetime.fromisoformat(message.date_sent) if message.date_sent else now
    contact_id = ws.contacts.find(phone=message.from_)
    payload = {"channel": "sms", "keyword": word, "sid": message.sid, "from": message.from_}
    event = ws.events.record("unsubscribed" if stop else "custom", when, contact_id,
                             ref="sms_stop" if stop else "sms_start", payload=payload, uid=f"sms_reply:{message.sid}")
    if event is None:
        return None
    if contact_id is not None:
        newer = ws.db.execute(
            "SELECT 1 FROM events WHERE contact_id = ? AND uid LIKE 'sms_reply:%' AND occurred_at > ? LIMIT 1",
            [contact_id, ws.db.execute("SELECT occurred_at FROM events WHERE id = ?", [event]).fetchone()[0]],
        ).fetchone()
        current = (ws.contacts.get(contact_id) or {}).get("sms_status")
        if newer is None and current != "bounced":
            ws.contacts.update(contact_id, {"sms_status": "unsubscribed" if stop else "subscribed"}, now)
    return "sms_stop" if stop else "sms_start"


def record_final_statuses(ws: "Workspace", messages: list[Listed], now: datetime) -> dict[str, int]:
    """``sms_delivered`` / ``sms_failed`` for SMS Postino sent (matched by SID in the ledger)."""
    final = [m for m in messages if m.status in DELIVERED or m.status in FAILED]
    if not final:
        return {}
    rows = ws.db.execute(
        "SELECT provider_id, id, contact_id, rule_id FROM ledger WHERE channel = 'sms' "
        "AND provider_id IN (SELECT value FROM json_each(?))", [json.dumps([m.sid for m in final])]).fetchall()
    ledger = {r[0]: r[1:] for r in rows}
    counts: dict[str, int] = {}
    for message in final:
        if message.sid not in ledger:
            continue
        ledger_id, contact_id, rule_id = ledger[message.sid]
        kind = "sms_delivered" if message.status in DELIVERED else "sms_failed"
        if ws.events.record(kind, now, contact_id, ref=message.sid, rule_id=rule_id, uid=f"sms_status:{message.sid}",
                            payload={"ledger_id": ledger_id, "status": message.status,
                                     "error_code": message.error_code, "error_message": message.error_message}):
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def listed_from_status(sid: str, status: str, code: int | None, text: str) -> Listed:
    """A status the old per-channel poll found, in the listing's shape."""
    return Listed(sid, "outbound-api", "", "", "", status, code, text, "")


@register("twilio-replies", every=timedelta(minutes=5))
def _factory(connection: Connection, secrets: Callable[[str], str | None]) -> TwilioReplies:
    config = connection.config
    return TwilioReplies(connection.name, str(config["account_sid"]), secrets("token"), connection.every,
                         base_url=config.get("base_url"), window=timedelta(days=int(config.get("window_days", 3))))

