"""The server's webhook secrets: read from the keyring once per half minute, not once per
request (a flood of forged deliveries must not become a flood of keyring reads); a locked
keyring is asked again after a few seconds. A real encrypted file keyring, counted."""

from __future__ import annotations

import pytest

from desktop.endpoint.secret_cache import FRESH_FOR, RETRY_AFTER, CachedSecrets
from desktop.secrets import KeyringUnavailable


class Counting:
    def __init__(self, inner) -> None:
        self.inner, self.reads, self.locked = inner, 0, False
        self.priority = getattr(inner, "priority", 1)

    def get_password(self, service, user):
        self.reads += 1
        if self.locked:
            raise RuntimeError("locked")
        return self.inner.get_password(service, user)

    def set_password(self, service, user, value):
        self.inner.set_password(service, user, value)

    def delete_password(self, service, user):
        self.inner.delete_password(service, user)


def test_reads_are_cached_and_a_locked_keyring_retried(encrypted) -> None:
    backend = Counting(encrypted)
    clock = [100.0]
    secrets = CachedSecrets(backend, monotonic=lambda: clock[0])
    secrets.set_generic_webhook("s3cret")
    assert [secrets.get_generic_webhook() for _ in range(50)] == ["s3cret"] * 50
    assert backend.reads == 1
    secrets.set_generic_webhook("changed")
    clock[0] += FRESH_FOR + 0.1
    assert secrets.get_generic_webhook() == "changed" and backend.reads == 2
    backend.locked = True
    clock[0] += FRESH_FOR + 0.1
    for _ in range(10):
        with pytest.raises(KeyringUnavailable):
            secrets.get_generic_webhook()
    assert backend.reads == 3
    backend.locked = False
    clock[0] += RETRY_AFTER + 0.1
    assert secrets.get_generic_webhook() == "changed" and backend.reads == 4
