"""The update check: off by default, a real loopback HTTP server answering, the notice in the UI."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.errors import InputError
from desktop.messages import Msg, text
from desktop.update_check import check, fetch, parse_answer, url_problem, version_key
from ui.ops import NetworkRunner
from ui.update_notice import UpdateNotice


class VersionServer:
    """A loopback HTTP server whose answer each test sets (``body``, ``status``)."""

    def __init__(self) -> None:
        self.body = b""
        self.status = 200
        self.requests: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                owner.requests.append(self.path)
                self.send_response(owner.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            def log_message(self, *_: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/latest.json"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[VersionServer]:
    s = VersionServer()
    yield s
    s.close()


def test_the_check_is_off_by_default(workspace) -> None:
    assert workspace.settings.get("updates.check_url") == ""


def test_the_setting_takes_https_or_loopback_http_only(workspace, now) -> None:
    assert workspace.settings.set("updates.check_url", "https://postino.example/latest.json", now)
    assert workspace.settings.set("updates.check_url", "http://127.0.0.1:8000/v", now)
    with pytest.raises(InputError) as caught:
        workspace.settings.set("updates.check_url", "http://postino.example/latest.json", now)
    assert "setting updates.check_url" in str(caught.value) and "https://" in str(caught.value)
    assert workspace.settings.get("updates.check_url") == "http://127.0.0.1:8000/v"
    assert url_problem("ftp://x/y") and url_problem("https://") and url_problem("") is None


def test_versions_compare_by_release_numbers_and_pre_releases_come_first() -> None:
    ordered = ["0.1", "0.1.1", "0.2.0a1", "0.2.0b2", "0.2.0rc1", "0.2.0", "v0.10.0", "1.0"]
    assert sorted(ordered, key=version_key) == ordered
    assert version_key("1.2") == version_key("1.2.0")
    with pytest.raises(ValueError):
        version_key("latest")


def test_a_newer_version_gives_a_notice_with_the_download_link(server: VersionServer) -> None:
    server.body = json.dumps({"version": "0.3.0", "url": "https://postino.example/download"}).encode()
    notice = check(server.url, "0.2.1")
    assert notice == Msg("update.available", {"version": "0.3.0", "current": "0.2.1",
                                              "url": "https://postino.example/download"})
    assert text(notice, "it") == "È disponibile Postino 0.3.0 (questa è la 0.2.1). Scaricala da https://postino.example/download"
    assert server.requests == ["/latest.json"]


def test_the_same_or_an_older_version_gives_nothing(server: VersionServer) -> None:
    server.body = b"0.2.1\n"
    assert check(server.url, "0.2.1") is None
    assert check(server.url, "0.3.0") is None
    assert check(server.url, "0.2.0") == Msg("update.available_no_link", {"version": "0.2.1", "current": "0.2.0"})


def test_unreadable_answers_and_errors_raise_for_the_caller_to_log(server: VersionServer) -> None:
    server.body = b'{"name": "postino"}'
    with pytest.raises(ValueError, match="no \"version\""):
        check(server.url, "0.1.0")
    server.body = b"<html>not found</html>"
    with pytest.raises(ValueError):
        check(server.url, "0.1.0")
    server.status, server.body = 500, b"oops"
    with pytest.raises(OSError):
        check(server.url, "0.1.0")
    with pytest.raises(InputError):
        check("http://postino.example/latest", "0.1.0")


def test_a_download_link_postino_would_not_follow_is_not_shown() -> None:
    assert parse_answer(b'{"version": "2.0", "url": "javascript:alert(1)"}').url == ""


def test_answers_are_read_up_to_64_kb(server: VersionServer) -> None:
    server.body = b"9.9.9" + b" " * 200_000
    assert len(fetch(server.url)) == 64 * 1024


def test_the_app_shows_a_non_modal_notice_when_a_newer_version_exists(qtbot, server: VersionServer) -> None:
    """The real network executor: the check runs on its pool, the notice on the UI thread."""
    server.body = json.dumps({"version": "5.0.0", "url": "https://postino.example/download"}).encode()
    parent = QWidget()
    qtbot.addWidget(parent)
    network = NetworkRunner()
    seen_on: list[str] = []
    original = fetch

    def recording_fetch(url: str, timeout: float) -> bytes:
        seen_on.append(threading.current_thread().name)
        return original(url, timeout)

    notice = UpdateNotice(parent, network, server.url, current="0.1.0", get=recording_fetch)
    notice.start()
    qtbot.waitUntil(lambda: notice.done, timeout=10_000)
    network.shutdown()
    assert seen_on and seen_on[0].startswith("postino-net")
    box = parent.findChild(QMessageBox, "update_notice")
    assert box is not None and box.isVisible() and not box.isModal()
    assert "5.0.0" in box.text() and "0.1.0" in box.text()
    assert box.findChild(QPushButton, "update_open_download") is not None


def test_no_url_no_request_and_a_failed_check_shows_nothing(qtbot, server: VersionServer) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    network = NetworkRunner(synchronous=True)
    UpdateNotice(parent, network, "").start()
    assert server.requests == []
    server.status = 404
    failing = UpdateNotice(parent, network, server.url, current="0.1.0")
    failing.start()
    assert failing.done and failing.box is None and parent.findChild(QMessageBox) is None
