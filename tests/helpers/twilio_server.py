"""A local HTTP server speaking the Twilio Messages API (2010-04-01), enough for the real
``twilio`` client: create, fetch, list, and the error bodies Twilio really returns.

Behaviour is chosen per test: ``errors`` maps a 'To' number to (HTTP status, Twilio code,
message); ``queue`` holds statuses to answer the next creates with (e.g. 429, 503);
``set_status`` moves a message to delivered/undelivered for the status poll.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

ERRORS = {
    21211: (400, "The 'To' number {to} is not a valid phone number."),
    21610: (400, "Attempt to send to unsubscribed recipient"),
    20429: (429, "Too Many Requests"),
    20500: (500, "An internal server error has occurred"),
    20503: (503, "Service unavailable"),
    20003: (401, "Authenticate"),
}


def error_body(code: int, to: str = "") -> tuple[int, dict[str, Any]]:
    status, message = ERRORS[code]
    return status, {"code": code, "message": message.format(to=to),
                    "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status}


class TwilioServer:
    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.messages: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self.errors: dict[str, int] = {}     # To number -> Twilio error code
        self.queue: list[int] = []           # error codes for the next creates, in order
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

    def _resource(self, sid: str, form: dict[str, str]) -> dict[str, Any]:
        now = format_datetime(datetime.now(timezone.utc))
        return {
            "sid": sid, "account_sid": self.account_sid, "to": form.get("To"),
            "from": form.get("From"), "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": form.get("Body"), "status": "queued" if "From" in form else "accepted",
            "num_segments": "1", "num_media": "0", "direction": "outbound-api", "api_version": "2010-04-01",
            "price": None, "price_unit": "USD", "error_code": None, "error_message": None,
            "date_created": now, "date_updated": now, "date_sent": now,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json", "subresource_uris": {},
        }

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
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
                    if code:
                        status, body = error_body(code, form.get("To", ""))
                        return self._reply(status, body)
                    if not form.get("To") or not (form.get("From") or form.get("MessagingServiceSid")):
                        return self._reply(400, {"code": 21604, "message": "A 'To' and a 'From' are required",
                                                 "status": 400})
                    sid = "SM" + secrets.token_hex(16)
                    server.messages[sid] = server._resource(sid, form)
                    return self._reply(201, server.messages[sid])

            def do_GET(self) -> None:
                if not self._authorised():
                    return
                url = urlparse(self.path)
                base = self._base()
                if url.path == base + ".json":
                    query = parse_qs(url.query)
                    size = int(query.get("PageSize", ["50"])[0])
                    with server.lock:
                        items = list(server.messages.values())[:size]
                    return self._reply(200, {
                        "messages": items, "end": len(items) - 1, "first_page_uri": base + ".json?Page=0",
                        "next_page_uri": None, "page": 0, "page_size": size, "previous_page_uri": None,
                        "start": 0, "uri": base + ".json"})
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
