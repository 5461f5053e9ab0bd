"""Throughput of the SMTP channel against plain smtplib, both to a loopback aiosmtpd server.

10,000 personalised e-mails are rendered and built once (timed separately), then sent
through ``SmtpChannel`` (one connection, explicit MAIL/RCPT/DATA, outcome per message) and,
in the same run, the same bytes through ``smtplib.SMTP.sendmail`` on one reused connection.
The server runs in its own process so it does not share the GIL with the sender.

    .venv/bin/python bench/send_email.py [--messages N]
"""

from __future__ import annotations

import argparse
import smtplib
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.delivery.channel import SENT, OutgoingMessage  # noqa: E402
from desktop.delivery.message import build_email, message_id  # noqa: E402
from desktop.delivery.smtp import SmtpChannel  # noqa: E402
from desktop.delivery.unsubscribe import Unsubscribe  # noqa: E402
from desktop.templates import Template, render  # noqa: E402
from tests.helpers.ledger import EMAIL_HTML  # noqa: E402


def start_server() -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests/helpers/smtp_server.py"), "--count-only"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT)})
    line = proc.stdout.readline().split()
    return proc, int(line[1])


def stop_server(proc: subprocess.Popen) -> int:
    out, _ = proc.communicate("", timeout=60)
    return int(out.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    n = args.messages
    now = datetime.now(timezone.utc)
    template = Template(1, "Cart", "email", "{{ first_name | default('Ciao') }}, il tuo carrello", EMAIL_HTML, "")
    payload = {"event": {"ref": "cart-17", "items": [{"name": "Tè verde", "price": 4.5}, {"name": "Tazza", "price": 9}]}}

    t0 = time.perf_counter()
    messages = []
    for i in range(n):
        contact = {"first_name": f"Nome{i}", "email": f"user{i}@example.org"}
        url = f"https://shop.example/unsubscribe/token{i}"
        rendered = render(template, contact, payload, {"unsubscribe_url": url},
                          f'<p><a href="{url}">Unsubscribe</a></p>', f"Unsubscribe: {url}")
        mime = build_email(rendered, sender="shop@example.com", sender_name="Bottega", to=contact["email"],
                           now=now, msg_id=message_id(i, "bench", "shop@example.com"),
                           unsubscribe=Unsubscribe(https=url, mailto=f"mailto:shop@example.com?subject=unsubscribe%20t{i}"))
        messages.append(OutgoingMessage(i, "email", contact["email"], sender="shop@example.com",
                                        data=mime.as_bytes(), message_id=mime["Message-ID"]))
    build_s = time.perf_counter() - t0

    proc, port = start_server()
    channel = SmtpChannel("127.0.0.1", port, "plain", "", None, "shop@example.com")
    t0 = time.perf_counter()
    channel.open()
    ok = sum(channel.send(m).outcome == SENT for m in messages)
    channel.close()
    channel_s = time.perf_counter() - t0
    received = stop_server(proc)
    assert ok == n == received, (ok, received)

    proc, port = start_server()
    t0 = time.perf_counter()
    smtp = smtplib.SMTP("127.0.0.1", port)
    for m in messages:
        smtp.sendmail(m.sender, [m.to], m.data)
    smtp.quit()
    base_s = time.perf_counter() - t0
    assert stop_server(proc) == n

    per_s, base = n / channel_s, n / base_s
    print(f"render+MIME: {n / build_s:.0f} messages/s ({build_s:.2f} s)")
    print(f"SmtpChannel: {per_s:.0f} messages/s ({channel_s:.2f} s, {channel.connections} connection)")
    print(f"smtplib    : {base:.0f} messages/s ({base_s:.2f} s)")
    print(f"end to end (render + MIME + channel): {n / (build_s + channel_s):.0f} messages/s")
    print(f"RESULT messages={n} per_s={per_s:.0f} baseline_per_s={base:.0f} ratio={per_s / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
