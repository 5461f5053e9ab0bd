"""``credentials set smtp|twilio`` (secret from stdin or a hidden prompt, into the keyring)
and ``credentials test smtp|twilio --to ADDRESS`` (one real message, the server's answer)."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime, timezone

from desktop.cli.words import say
from desktop.delivery.testsend import send_test
from desktop.messages import Msg, define
from desktop.secrets import ACCOUNTS, account, set_secret
from desktop.workspace import Workspace

define({
    "cli.test_sent": ("inviato: {answer}", "sent: {answer}"),
    "cli.test_failed": ("non inviato: {answer}", "failed: {answer}"),
    "cli.secret_stored": ("Portachiavi aggiornato: {label} per {user!r}", "{label} stored in the keyring for {user!r}"),
})


def _read_secret(kind: str) -> str:
    label = say(account(kind).prompt)
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(f"{label}: ")


def _set(args: argparse.Namespace, ws: Workspace) -> int:
    set_secret(ws, args.account, _read_secret(args.account))
    acc = account(args.account)
    print(say(Msg("cli.secret_stored", {"label": acc.prompt,
                                         "user": ws.settings.get(acc.user_setting)}), ws))
    return 0


def _test(args: argparse.Namespace, ws: Workspace) -> int:
    result = send_test(ws, args.account, args.to, datetime.now(timezone.utc))
    if result.ok:
        print(say(Msg("cli.test_sent", {"answer": result.answer}), ws))
        return 0
    print(say(Msg("cli.test_failed", {"answer": result.msg or result.answer}), ws), file=sys.stderr)
    return 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("credentials", help="store and test the SMTP and Twilio secrets")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    put = actions.add_parser("set", help="store a secret in the OS keyring (from stdin or a prompt)")
    put.add_argument("account", choices=sorted(ACCOUNTS))
    put.set_defaults(handler=_set)
    test = actions.add_parser("test", help="send one test message with the stored account")
    test.add_argument("account", choices=sorted(ACCOUNTS))
    test.add_argument("--to", required=True, help="e-mail address or mobile number")
    test.set_defaults(handler=_test)
