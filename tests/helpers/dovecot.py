"""A real Dovecot IMAP server on loopback, configured in a temporary folder (Debian's
``dovecot-imapd``; ``scripts/dev.sh`` installs it). Plain-text login on 127.0.0.1 only, one
user from a passwd-file, Maildir storage. Settings as documented for Dovecot 2.3
(https://doc.dovecot.org/2.3/configuration_manual/): ``base_dir``/``state_dir`` keep the
instance apart from a system Dovecot, ``passdb passwd-file`` and ``userdb static`` need no
system accounts. Dovecot never runs mail processes as root, so under root the mail belongs to
the ``dovecot`` system user the package creates.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.helpers.smtp_server import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"

CONFIG = """
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
instance_name = postino-test-{port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
first_valid_uid = {uid}
first_valid_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
"""


def available() -> bool:
    return os.path.exists(DOVECOT)


class Dovecot:
    def __init__(self, user: str = "shop@shop.example", password: str = "casella-segreta") -> None:
        self.user, self.password = user, password
        self.root = Path(tempfile.mkdtemp(prefix="postino-dovecot-"))
        self.root.chmod(0o755)          # the mail user must reach its folder
        self.port = free_port()
        self.config = self.root / "dovecot.conf"

    def __enter__(self) -> "Dovecot":
        (self.root / "mail").mkdir()
        (self.root / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}\n")
        if os.getuid() == 0:
            owner = pwd.getpwnam("dovecot")
            uid, gid = owner.pw_uid, owner.pw_gid
            os.chown(self.root / "mail", uid, gid)
        else:
            uid, gid = os.getuid(), os.getgid()
        self.config.write_text(CONFIG.format(root=self.root, port=self.port, uid=uid, gid=gid))
        # The daemon keeps inherited pipes open: give it files, not pipes, or run() never returns.
        with open(self.root / "start.log", "wb") as log:
            subprocess.run([DOVECOT, "-c", str(self.config)], check=True, stdin=subprocess.DEVNULL,
                           stdout=log, stderr=subprocess.STDOUT, timeout=30)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"dovecot did not start: {(self.root / 'dovecot.log').read_text(errors='replace')}")

    def __exit__(self, *exc: object) -> None:
        subprocess.run([DOVECOT, "-c", str(self.config), "stop"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
        deadline = time.monotonic() + 10
        while (self.root / "run" / "master.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        if not os.environ.get("POSTINO_KEEP_DOVECOT"):
            shutil.rmtree(self.root, ignore_errors=True)

    def client(self):
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        client.login(self.user, self.password)
        return client

    def deliver(self, raw: bytes, folder: str = "INBOX") -> None:
        client = self.client()
        try:
            client.append(folder, raw)
        finally:
            client.logout()

    def count(self, folder: str) -> int:
        client = self.client()
        try:
            if not client.folder_exists(folder):
                return 0
            return int(client.select_folder(folder, readonly=True)[b"EXISTS"])
        finally:
            client.logout()
