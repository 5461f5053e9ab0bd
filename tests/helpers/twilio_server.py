"""A local HTTP server speaking the Twilio Messages API (2010-04-01), enough for the real
``twilio`` client: create, fetch, list with its filters and paging, and the error bodies
Twilio really returns.

Written from Twilio's published API description — the OpenAPI file ``twilio_api_v2010``
(https://github.com/twilio/twilio-oai, "ListMessage" / "CreateMessage"), which the ``twilio``
package is generated from — and the Messages resource page
(https://www.twilio.com/docs/messaging/api/message-resource):

- ``GET .../Messages.json`` filters ``To``, ``From``, ``DateSent``, ``DateSent<``, ``DateSent>``
  (a ``YYYY-MM-DD`` date or an ISO 8601 date-time; ``DateSent>`` means "on or after"), pages of
  ``PageSize`` (default 50, at most 1000), newest first, with ``next_page_uri`` carrying
  ``Page`` and ``PageToken`` (https://www.twilio.com/docs/usage/twilios-response#pagination);
- ``num_segments`` is what the body really needs (GSM-7: 160, or 153 per part; UCS-2: 70 / 67,
  https://www.twilio.com/docs/glossary/what-sms-character-limit);
- a missing 'From' is error 21603, a missing 'To' 21604 (https://www.twilio.com/docs/api/errors);
- HTTP 429 (error 20429) comes with a ``Retry-After`` header.

Behaviour is chosen per test: ``errors`` maps a 'To' number to a Twilio error code; ``queue``
holds error codes to answer the next creates with; ``list_queue`` the same for list requests;
``set_status`` moves a message to delivered/undelivered; ``inbound`` adds a reply from a phone.
``clock`` gives the time new messages are stamped with (real time unless a test sets it).
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlencode, urlparse

ERRORS = {
    21211: (400, "The 'To' number {to} is not a valid phone number."),
    21603: (400, "The 'From' phone number is required."),
    21604: (400, "The 'To' phone number is required."),
    21610: (400, "Attempt to send to unsubscribed recipient"),
    20429: (429, "Too Many Requests"),
    20500: (500, "An internal server error has occurred"),
    20503: (503, "Service unavailable"),
    20003: (401, "Authenticate"),
}
RETRY_AFTER = "120"
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
           "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXT = set("^{}\\[~]|€\f")


def error_body(code: int, to: str = "") -> tuple[int, dict[str, Any]]:
    status, message = ERRORS[code]
    return status, {"code": code, "message": message.format(to=to),
                    "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status}


def segments(body: str) -> int:
    """Parts a body needs, per Twilio's character-limit page (GSM-7 septets or UCS-2 units)."""
    if all(c in GSM7 or c in GSM7_EXT for c in body):
        length = sum(2 if c in GSM7_EXT else 1 for c in body)
        return 1 if length <= 160 else -(-length // 153)
    units = len(body.encode("utf-16-le")) // 2
    return 1 if units <= 70 else -(-units // 67)


def _bound(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class TwilioServer:
    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.messages: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self.list_requests: list[dict[str, str]] = []
        self.errors: dict[str, int] = {}     # To number -> Twilio error code
        self.queue: list[int] = []           # error codes for the next creates, in order
        self.list_queue: list[int | None] = []   # per list request: an error code, or None to answer
        self.clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> "TwilioServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def set_status(self, sid: str, status: str, error_code: int | None = None) -> None:
        with self.lock:
            self.messages[sid]["status"] = status
            self.messages[sid]["error_code"] = error_code

    def inbound(self, from_: str, body: str, to: str = "+15005550006", when: datetime | None = None) -> str:
        """A reply someone sent to our number (direction 'inbound', status 'received')."""
        sid = "SM" + secrets.token_hex(16)
        with self.lock:
            resource = self._resource(sid, {"To": to, "From": from_, "Body": body}, when)
            resource.update(direction="inbound", status="received")
            self.messages[sid] = resource
        return sid

    def _resource(self, sid: str, form: dict[str, str], when: datetime | None = None) -> dict[str, Any]:
        now = format_datetime(when or self.clock(), usegmt=True)
        body = form.get("Body") or ""
        return {
            "sid": sid, "account_sid": self.account_sid, "to": form.get("To"),
            "from": form.get("From"), "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": body, "status": "queued" if "From" in form else "accepted",
            "num_segments": str(segments(body)), "num_media": "0", "direction": "outbound-api",
            "api_version": "2010-04-01", "price": None, "price_unit": "USD", "error_code": None,
            "error_message": None, "date_created": now, "date_updated": now, "date_sent": now,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json", "subresource_uris": {},
        }

    def _matches(self, item: dict[str, Any], query: dict[str, str]) -> bool:
        sent = parsedate_to_datetime(item["date_sent"])
        for key in ("To", "From"):
            if key in query and item[key.lower()] != query[key]:
                return False
        for key, test in (("DateSent", lambda b: sent.date() == b.date()),
                          ("DateSent>", lambda b: sent >= b), ("DateSent<", lambda b: sent <= b)):
            if key in query:
                bound = _bound(query[key])
                if len(query[key]) == 10 and key == "DateSent<":   # a bare date includes its day
                    bound = bound.replace(hour=23, minute=59, second=59)
                if not test(bound):
                    return False
        return True

    def listing(self, base: str, query: dict[str, str]) -> dict[str, Any]:
        size = min(int(query.get("PageSize", "50")), 1000)
        page = int(query.get("Page", "0"))
        with self.lock:
            found = sorted((m for m in self.messages.values() if self._matches(m, query)),
                           key=lambda m: (parsedate_to_datetime(m["date_sent"]), m["sid"]), reverse=True)
        start = 0
        if query.get("PageToken"):
            after = query["PageToken"][2:]
            start = next((i + 1 for i, m in enumerate(found) if m["sid"] == after), len(found))
        items = found[start:start + size]
        filters = {k: v for k, v in query.items() if k not in ("Page", "PageToken", "PageSize")}
        uri = f"{base}.json?{urlencode({**filters, 'PageSize': size, 'Page': page})}"
        next_uri = None
        if start + size < len(found) and items:
            next_uri = (f"{base}.json?{urlencode({**filters, 'PageSize': size, 'Page': page + 1})}"
                        f"&PageToken=PA{items[-1]['sid']}")
        return {"messages": items, "end": start + len(items) - 1 if items else 0,
                "first_page_uri": f"{base}.json?{urlencode({**filters, 'PageSize': size, 'Page': 0})}",
                "next_page_uri": next_uri, "page": page, "page_size": size,
                "previous_page_uri": None, "start": start, "uri": uri}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if status == 429:
                    self.send_header("Retry-After", RETRY_AFTER)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                expected = base64.b64encode(f"{server.account_sid}:{server.auth_token}".encode()).decode()
                if self.headers.get("Authorization") != f"Basic {expected}":
                    self._reply(*error_body(20003))
                    return False
                return True

            def _base(self) -> str:
                return f"/2010-04-01/Accounts/{server.account_sid}/Messages"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if not self._authorised():
                    return
                if urlparse(self.path).path != self._base() + ".json":
                    return self._reply(404, {"code": 20404, "message": "not found", "status": 404})
                with server.lock:
                    server.requests.append(form)
                    queued = server.queue.pop(0) if server.queue else None
                    code = queued or server.errors.get(form.get("To", ""))
                    if not code and not form.get("To"):
                        code = 21604
                    if not code and not (form.get("From") or form.get("MessagingServiceSid")):
                        code = 21603
                    if code:
                        return self._reply(*error_body(code, form.get("To", "")))
                    sid = "SM" + secrets.token_hex(16)
                    server.messages[sid] = server._resource(sid, form)
                    return self._reply(201, server.messages[sid])

            def do_GET(self) -> None:
                if not self._authorised():
                    return
                url = urlparse(self.path)
                base = self._base()
                if url.path == base + ".json":
                    query = {k: v[0] for k, v in parse_qs(url.query).items()}
                    with server.lock:
                        server.list_requests.append(query)
                        code = server.list_queue.pop(0) if server.list_queue else None
                    if code:
                        return self._reply(*error_body(code))
                    return self._reply(200, server.listing(base, query))
                if url.path.startswith(base + "/") and url.path.endswith(".json"):
                    sid = url.path[len(base) + 1:-5]
                    with server.lock:
                        found = server.messages.get(sid)
                    if found is None:
                        return self._reply(404, {"code": 20404, "message": f"The requested resource {url.path} was not found",
                                                 "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404})
                    return self._reply(200, found)
                return self._reply(404, {"code": 20404, "message": "not found", "status": 404})

        return Handler
