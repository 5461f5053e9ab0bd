"""SMS through the real ``twilio`` client, with each error mapped to what the ledger needs.

- 21211 (invalid 'To' number): permanent; the contact's number is marked bad.
- 21610 (recipient replied STOP): permanent; the contact is opted out of SMS.
- HTTP 429 / 20429 (too many requests): back off and stop this batch.
- HTTP 5xx: temporary, retry later.
- ``requests`` connection errors are not ``TwilioException``: a failure to connect is a safe
  retry; a timeout *after* the request was sent is ``uncertain`` (the SMS may exist).

``validity_period`` is set from the message's deadline, so an SMS the carrier could not
deliver at once expires instead of arriving during quiet hours. ``base_url`` points the
client at another API root (the tests' local server) by setting ``client.api.base_url``.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from desktop.delivery.channel import (BACKOFF, FAILED, RETRY, SENT, UNCERTAIN, ChannelUnavailable,
                                      OutgoingMessage, SendResult)
from desktop.delivery.sms import sms_segments
from desktop.messages import Msg, define
from desktop.secrets import scrub

define({
    "twilio.window_end": ("troppo vicino alla fine della finestra di invio consentita",
                          "too close to the end of the allowed sending window"),
    "twilio.unreachable": ("impossibile raggiungere Twilio ({error}) — controlla la connessione a internet",
                           "cannot reach Twilio: {error} — check the internet connection"),
    "twilio.timeout": ("Twilio non ha risposto in tempo; l'SMS potrebbe essere stato creato",
                       "Twilio did not answer in time; the SMS may have been created"),
    "twilio.interrupted": ("richiesta a Twilio interrotta ({error})", "Twilio request interrupted: {error}"),
    "twilio.answer": ("Twilio ha risposto {status}, errore {code}: {answer}", "Twilio {status} error {code}: {answer}"),
    "twilio.bad_number": ("numero non valido per Twilio — {answer}", "not a valid number for Twilio — {answer}"),
    "twilio.stopped": ("il destinatario ha risposto STOP — {answer}", "the recipient replied STOP — {answer}"),
    "twilio.credentials_refused": (
        "Twilio ha rifiutato le credenziali: {answer} — controlla il SID dell'account e il token (nella Twilio "
        "Console, alla voce Account Info)",
        "Twilio refused the credentials: {answer} — check the account SID and the auth token (in the Twilio "
        "Console, under Account Info)"),
})


def _result(outcome: str, msg: Msg, **more: Any) -> SendResult:
    """A result with its coded reason (``reason`` keeps the English words, for logs)."""
    return SendResult(outcome, reason=str(msg), msg=msg, **more)

log = logging.getLogger("postino.twilio")
MAX_VALIDITY = 36000   # seconds; the API's limit
MIN_VALIDITY = 60      # below this it is not worth sending


def validity_seconds(deadline: datetime | None, now: datetime | None) -> int | None:
    """Seconds the carrier may keep trying, or ``None`` for no deadline; 0 = too late."""
    if deadline is None or now is None:
        return None
    left = int((deadline - now).total_seconds())
    if left < MIN_VALIDITY:
        return 0
    return min(left, MAX_VALIDITY)


class TwilioChannel:
    name = "sms"
    kind = "twilio"

    def __init__(self, account_sid: str, auth_token: str, *, sender: str = "",
                 messaging_service_sid: str = "", base_url: str | None = None,
                 timeout: float = 20.0) -> None:
        if not sender and not messaging_service_sid:
            raise ValueError("an SMS sender or a Messaging Service SID is needed")
        self.account_sid = account_sid
        self._token = auth_token
        self.sender = sender
        self.messaging_service_sid = messaging_service_sid
        self.base_url = base_url
        self.timeout = timeout
        self._client: Any = None

    def open(self) -> None:
        if self._client is not None:
            return
        from twilio.http.http_client import TwilioHttpClient
        from twilio.rest import Client

        http = TwilioHttpClient(timeout=self.timeout, logger=log)
        client = Client(self.account_sid, self._token, http_client=http)
        if self.base_url:
            client.api.base_url = self.base_url
        self._client = client

    def close(self) -> None:
        client, self._client = self._client, None
        session = getattr(getattr(client, "http_client", None), "session", None)
        if session is not None:
            session.close()

    @property
    def client(self) -> Any:
        self.open()
        return self._client

    def _clean(self, text: str) -> str:
        return scrub(text, self._token)

    def send(self, message: OutgoingMessage) -> SendResult:
        import requests
        from twilio.base.exceptions import TwilioRestException

        info = sms_segments(message.text)
        validity = validity_seconds(message.deadline, message.now)
        if validity == 0:
            return _result(RETRY, Msg("twilio.window_end"), segments=info.segments)
        params: dict[str, Any] = {"to": message.to, "body": message.text}
        if self.messaging_service_sid:
            params["messaging_service_sid"] = self.messaging_service_sid
        else:
            params["from_"] = message.sender or self.sender
        if validity:
            params["validity_period"] = validity
        try:
            created = self.client.messages.create(**params)
        except TwilioRestException as exc:
            return self._classify(exc, info.segments)
        except requests.exceptions.ConnectionError as exc:   # includes ConnectTimeout
            return _result(RETRY, Msg("twilio.unreachable", {"error": type(exc).__name__}), segments=info.segments)
        except requests.exceptions.Timeout:
            return _result(UNCERTAIN, Msg("twilio.timeout"), segments=info.segments)
        except requests.exceptions.RequestException as exc:
            return _result(UNCERTAIN, Msg("twilio.interrupted", {"error": type(exc).__name__}), segments=info.segments)
        segments = info.segments
        try:
            segments = int(created.num_segments or segments)
        except (TypeError, ValueError):
            pass
        return SendResult(SENT, provider_id=created.sid, segments=segments)

    def _classify(self, exc: Any, segments: int) -> SendResult:
        code = getattr(exc, "code", None)
        status = int(getattr(exc, "status", 0) or 0)
        said = self._clean(str(getattr(exc, "msg", "") or exc))
        answer = Msg("twilio.answer", {"status": status, "code": code, "answer": said})
        if code == 21211:
            return _result(FAILED, Msg("twilio.bad_number", {"answer": answer}), segments=segments,
                           contact_update={"sms_status": "bounced"})
        if code == 21610:
            return _result(FAILED, Msg("twilio.stopped", {"answer": answer}), segments=segments,
                           contact_update={"sms_status": "unsubscribed"})
        if status == 429 or code == 20429:
            return _result(BACKOFF, answer, retry_after=60.0, segments=segments)
        if status >= 500:
            return _result(RETRY, answer, segments=segments)
        if status in (401, 403) or code == 20003:
            raise ChannelUnavailable(Msg("twilio.credentials_refused", {"answer": answer}), permanent=True)
        return _result(FAILED, answer, segments=segments)

    # -- status polling ---------------------------------------------------------------------
    def fetch_status(self, sid: str) -> tuple[str, int | None, str]:
        msg = self.client.messages(sid).fetch()
        return msg.status, msg.error_code, msg.error_message or ""

    def statuses_since(self, since: datetime, limit: int = 1000) -> dict[str, tuple[str, int | None, str]]:
        """One list request (paged by the client) instead of one fetch per message."""
        found = {}
        for msg in self.client.messages.list(date_sent_after=since, limit=limit, page_size=min(limit, 1000)):
            found[msg.sid] = (msg.status, msg.error_code, msg.error_message or "")
        return found
