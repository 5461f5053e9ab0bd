"""The webhook secrets the server checks signatures with, read from the keyring at most
every half minute.

Anyone on the internet can POST to ``/webhooks/…``; without a cache each request would be a
keyring round trip (a D-Bus call to the desktop's secret service, about 3 ms, or an unlock
prompt), so a flood of forged deliveries would become a flood of keyring reads. A secret
changed with ``connections webhook-secret`` counts within ``FRESH_FOR``; a keyring that
cannot be read is asked again after ``RETRY_AFTER``, and meanwhile answers the same error.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from desktop.connectors.keys import ConnectionSecrets
from desktop.secrets import KeyringUnavailable

FRESH_FOR = 30.0
RETRY_AFTER = 5.0


class CachedSecrets(ConnectionSecrets):
    def __init__(self, backend: object | None = None, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(backend)  # type: ignore[arg-type]
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._known: dict[str, tuple[float, str | None | KeyringUnavailable]] = {}

    def _get(self, user: str) -> str | None:
        moment = self._monotonic()
        with self._lock:
            found = self._known.get(user)
        if found is not None and moment < found[0]:
            if isinstance(found[1], KeyringUnavailable):
                raise found[1]
            return found[1]
        try:
            value: str | None | KeyringUnavailable = super()._get(user)
        except KeyringUnavailable as exc:
            value = exc
        with self._lock:
            self._known[user] = (moment + (RETRY_AFTER if isinstance(value, KeyringUnavailable) else FRESH_FOR), value)
        if isinstance(value, KeyringUnavailable):
            raise value
        return value
