"""The sandbox channel: messages become files in ``outbox/`` instead of leaving the PC.

Used when the user turns the ``sandbox`` setting on, or when no account exists at all, so a
fresh install's demo "sends" something the user can open: ``.eml`` files open in any
mail client, SMS are ``.json``. Files are written to a temporary name and renamed, so a
crash never leaves half a message.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop.delivery.channel import SENT, OutgoingMessage, SendResult
from desktop.delivery.sms import sms_segments
from desktop.messages import Msg


class SandboxChannel:
    kind = "sandbox"

    def __init__(self, name: str, outbox_dir: Path, note: str = "", msg: Msg | None = None) -> None:
        self.name = name
        self.outbox_dir = Path(outbox_dir)
        self.note = note   # why we are in the sandbox (shown in the dispatch summary)
        self.msg = msg     # the same, coded: channel.sandbox_on | channel.no_account

    def open(self) -> None:
        self.outbox_dir.mkdir(parents=True, exist_ok=True)

    def close(self) -> None:
        pass

    def _write(self, file_name: str, data: bytes) -> None:
        final = self.outbox_dir / file_name
        tmp = final.with_suffix(final.suffix + ".tmp")
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, final)

    def send(self, message: OutgoingMessage) -> SendResult:
        self.open()
        stem = f"{message.channel}-{message.ledger_id:08d}"
        if message.channel == "email":
            file_name = f"{stem}.eml"
            self._write(file_name, message.data)
            return SendResult(SENT, provider_id=f"sandbox:{file_name}")
        info = sms_segments(message.text)
        body = {"to": message.to, "from": message.sender, "body": message.text,
                "encoding": info.encoding, "segments": info.segments,
                "deadline": message.deadline.isoformat() if message.deadline else None}
        file_name = f"{stem}.json"
        self._write(file_name, json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8"))
        return SendResult(SENT, provider_id=f"sandbox:{file_name}", segments=info.segments)
