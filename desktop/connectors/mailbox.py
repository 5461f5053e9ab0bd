"""The sender's own mailbox over IMAP: bounces and unsubscribe replies, read by polling.

Each poll selects the folder (INBOX by default), reads the messages after the checkpoint
(UIDVALIDITY + last UID: a mailbox rebuilt by the server, with a new UIDVALIDITY, is read
again from the start — events are idempotent by the bounce's own Message-ID), classifies
them (``bounces.py``) and, in ``apply``:

- a bounce of an e-mail Postino sent (matched by its ``Message-ID`` to the ledger row) →
  an ``email_bounced`` event; a permanent one marks the contact's e-mail ``bounced``, a
  temporary one does so only after three in a row (no open or click in between);
- a message with a valid signed unsubscribe token → ``unsubscribed`` and the contact's
  e-mail status ``unsubscribed``;
- auto-replies (out of office …) and all other mail are left alone.

Messages Postino acted on are moved to the ``Postino`` folder once their page is stored
(``committed``), and again at the next fetch if that move failed: the checkpoint, not the
move, is what keeps a message from being read twice. The shop's ordinary mail stays where
it is.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Mapping

from desktop.contacts.unsubscribe import record_unsubscribe
from desktop.connectors.base import Connection, Fetched, PollError, PollSummary, register
from desktop.connectors.bounces import Classified, classify
from desktop.connectors.http import is_loopback
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.tokens import verify_token, workspace_key

if TYPE_CHECKING:  # pragma: no cover
    from imapclient import IMAPClient

    from desktop.workspace import Workspace

BATCH = 200
SOFT_LIMIT = 3
SECURITY = ("ssl", "starttls", "none")

define({
    "imap.auth": ("Il server di posta {host} ha rifiutato utente o password", "The mail server {host} refused the user or password"),
    "imap.unreachable": ("Il server di posta {host} non risponde ({error})", "The mail server {host} cannot be reached ({error})"),
    "imap.error": ("Il server di posta {host} ha risposto con un errore: {error}", "The mail server {host} answered with an error: {error}"),
    "imap.bad_security": ("la sicurezza dev'essere una tra {choices}", "security must be one of {choices}"),
    "imap.needs_tls": ("una casella su un altro computer richiede ssl o starttls (la password viaggerebbe in chiaro)",
                       "a mailbox on another computer needs ssl or starttls (the password would travel in clear)"),
    "imap.no_password": ("Manca la password della casella", "The mailbox password is missing"),
})


@dataclass(frozen=True)
class MailItem:
    uid: int
    classified: Classified


def validate_security(host: str, security: str) -> str:
    if security not in SECURITY:
        raise InputError(Msg("imap.bad_security", {"choices": ", ".join(SECURITY)}), "security")
    if security == "none" and not is_loopback(host):
        raise InputError(Msg("imap.needs_tls"),
                         "security")
    return security


class MailboxPoller:
    def __init__(self, name: str, host: str, port: int, user: str, password: str | None, every: timedelta, *,
                 security: str = "ssl", folder: str = "INBOX", move_to: str = "Postino") -> None:
        self.name, self.every = name, every
        self.host, self.port, self.user, self._password = host, port, user, password
        self.security = validate_security(host, security)
        self.folder, self.move_to = folder, move_to

    # -- IMAP ------------------------------------------------------------------------------
    def _connect(self) -> "IMAPClient":
        from imapclient import IMAPClient
        from imapclient.exceptions import IMAPClientError, LoginError

        if not self._password:
            raise PollError(Msg("imap.no_password"))
        try:
            client = IMAPClient(self.host, port=self.port, ssl=self.security == "ssl", timeout=30,
                                ssl_context=ssl.create_default_context())
            if self.security == "starttls":
                client.starttls(ssl.create_default_context())
            client.login(self.user, self._password)
            return client
        except LoginError:
            raise PollError(Msg("imap.auth", {"host": self.host})) from None
        except (OSError, socket.timeout) as exc:
            raise PollError(Msg("imap.unreachable", {"host": self.host, "error": type(exc).__name__})) from None
        except IMAPClientError as exc:
            raise PollError(Msg("imap.error", {"host": self.host, "error": type(exc).__name__})) from None

    def _move(self, client: "IMAPClient", uids: list[int]) -> None:
        if not uids:
            return
        if not client.folder_exists(self.move_to):
            client.create_folder(self.move_to)
        if client.has_capability("MOVE"):
            client.move(uids, self.move_to)
        else:
            client.copy(uids, self.move_to)
            client.delete_messages(uids)
            client.uid_expunge(uids) if client.has_capability("UIDPLUS") else client.expunge()

    def fetch(self, cursor: Mapping[str, Any], now: datetime) -> Fetched:
        from imapclient.exceptions import IMAPClientError

        client = self._connect()
        try:
            validity = int(client.select_folder(self.folder)[b"UIDVALIDITY"])
            same = cursor.get("uidvalidity") == validity
            if same and cursor.get("to_move"):
                self._move(client, list(cursor["to_move"]))   # a move an earlier poll could not finish
            last = int(cursor.get("last_uid", 0)) if same else 0
            uids = sorted(u for u in client.search(["UID", f"{last + 1}:*"]) if u > last)
            batch = uids[:BATCH]
            items = []
            if batch:
                data = client.fetch(batch, ["BODY.PEEK[]"])
                items = [MailItem(uid, classify(data[uid][b"BODY[]"])) for uid in batch if uid in data]
        except IMAPClientError as exc:
            raise PollError(Msg("imap.error", {"host": self.host, "error": str(exc)[:200]})) from None
        except OSError as exc:
            raise PollError(Msg("imap.unreachable", {"host": self.host, "error": type(exc).__name__})) from None
        finally:
            _quietly_logout(client)
        return Fetched(items=items, more=len(uids) > BATCH,
                       cursor={"uidvalidity": validity, "last_uid": batch[-1] if batch else last, "to_move": []})

    def committed(self, fetched: Fetched) -> None:
        uids = list(fetched.cursor.get("to_move") or [])
        if not uids:
            return
        client = self._connect()
        try:
            client.select_folder(self.folder)
            self._move(client, uids)
        finally:
            _quietly_logout(client)

    # -- writing ---------------------------------------------------------------------------
    def apply(self, ws: "Workspace", fetched: Fetched, now: datetime) -> PollSummary:
        summary = PollSummary(fetched=len(fetched.items))
        workspace_id = ws.meta("workspace_id") or ""
        key = workspace_key(ws)
        acted: list[int] = []
        validity = fetched.cursor.get("uidvalidity")
        for item in fetched.items:
            c = item.classified
            own = c.message_id or f"{self.name}:{validity}:{item.uid}"
            if c.kind == "bounce":
                kind = _bounce(ws, c, own, workspace_id, now)
            elif c.kind == "unsubscribe":
                kind = _unsubscribe(ws, c, own, key, now)
            else:
                kind = c.kind if c.kind == "auto_reply" else None
            if kind is None:
                continue
            summary.counts[kind] = summary.counts.get(kind, 0) + 1
            if kind not in ("auto_reply", "bounce_unmatched"):
                acted.append(item.uid)
                summary.written += 1
        fetched.cursor["to_move"] = acted            # stored with this page; moved once committed
        return summary


def _quietly_logout(client: "IMAPClient") -> None:
    try:
        client.logout()
    except Exception:  # noqa: BLE001 - the session is over either way
        pass


def _bounce(ws: "Workspace", c: Classified, own: str, workspace_id: str, now: datetime) -> str | None:
    ledger_ids = [lid for wid, lid in c.originals if wid == workspace_id]
    if not ledger_ids:
        return "bounce_unmatched"
    row = ws.db.execute("SELECT l.id, l.contact_id, l.rule_id, c.email FROM ledger l JOIN contacts c "
                        "ON c.id = l.contact_id WHERE l.id = ? AND l.channel = 'email'", [ledger_ids[0]]).fetchone()
    if row is None:
        return "bounce_unmatched"
    ledger_id, contact_id, rule_id, address = row
    failure = next((f for f in c.failures if f.address == (address or "").lower()), c.failures[0])
    event = ws.events.record("email_bounced", now, contact_id, ref=str(ledger_id), rule_id=rule_id,
                             uid=f"bounce:{own}:{ledger_id}",
                             payload={"ledger_id": ledger_id, "address": failure.address, "hard": failure.hard,
                                      "status": failure.status, "diagnostic": failure.diagnostic, "source": c.source})
    if event is None:
        return None
    if failure.hard or _soft_in_a_row(ws, contact_id) >= SOFT_LIMIT:
        if (ws.contacts.get(contact_id) or {}).get("email_status") != "bounced":
            ws.contacts.update(contact_id, {"email_status": "bounced"}, now)
    return "bounce_hard" if failure.hard else "bounce_soft"


def _soft_in_a_row(ws: "Workspace", contact_id: int) -> int:
    """Temporary bounces of distinct sends since the contact last showed the mail arrives."""
    return ws.db.execute(
        "SELECT count(DISTINCT ref) FROM events WHERE contact_id = ? AND type = 'email_bounced' "
        "AND json_extract(payload, '$.hard') = 0 AND occurred_at >= coalesce((SELECT max(occurred_at) "
        "FROM events WHERE contact_id = ? AND type IN ('email_opened', 'email_clicked')), '')",
        [contact_id, contact_id]).fetchone()[0]


def _unsubscribe(ws: "Workspace", c: Classified, own: str, key: bytes, now: datetime) -> str | None:
    for token in c.tokens:
        info = verify_token(key, token)
        if info is None or info.purpose != "unsub" or ws.contacts.get(info.contact_id) is None:
            continue
        if not record_unsubscribe(ws, info.contact_id, info.channel, now, via="mailto", uid=f"mail_unsub:{own}"):
            return None
        return "unsubscribed"
    return None


@register("mailbox", every=timedelta(minutes=5))
def _factory(connection: Connection, secrets: Callable[[str], str | None]) -> MailboxPoller:
    config = connection.config
    return MailboxPoller(connection.name, config["host"], int(config.get("port", 993)), config["user"],
                         secrets("password"), connection.every, security=config.get("security", "ssl"),
                         folder=config.get("folder", "INBOX"), move_to=config.get("move_to", "Postino"))
