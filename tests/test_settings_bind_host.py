"""``endpoint.host`` takes only an address of this computer, as docs/settings.md says:
``8.8.8.8`` or another PC's address was accepted and the endpoint could never listen."""

from __future__ import annotations

import pytest

from desktop.errors import InputError


@pytest.mark.parametrize("host", ["8.8.8.8", "198.51.100.77", "2001:db8::1", "example.com"])
def test_an_address_that_is_not_this_computer_s_is_refused(workspace, now, host) -> None:
    with pytest.raises(InputError) as raised:
        workspace.settings.set("endpoint.host", host, now)
    assert raised.value.msg.code == "setting.not_bind_host"
    assert workspace.settings.get("endpoint.host") == "127.0.0.1"


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0", "::", "localhost", "127.0.0.2"])
def test_this_computer_s_addresses_are_taken(workspace, now, host) -> None:
    workspace.settings.set("endpoint.host", host, now)
    assert workspace.settings.get("endpoint.host") == host
