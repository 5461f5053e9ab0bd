"""Click and open tokens: valid ones verify, forged, altered and other workspaces' never do."""

from __future__ import annotations

import base64

import pytest

from desktop import tokens
from desktop.workspace import Workspace

KEY = bytes(range(32))
URL = "https://shop.example/sale?utm=mail&x=1#top"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_valid_click_and_open_tokens_verify() -> None:
    click = tokens.make_click_token(KEY, 7, 2, URL)
    assert tokens.verify_click(KEY, click) == tokens.ClickInfo(7, 2, URL)
    assert tokens.verify_open(KEY, tokens.make_open_token(KEY, 7)) == 7


def test_one_kind_never_passes_for_another() -> None:
    unsub = tokens.make_token(KEY, 7, "email")
    opened = tokens.make_open_token(KEY, 7)
    click = tokens.make_click_token(KEY, 7, 0, URL)
    assert tokens.verify_click(KEY, unsub) is None and tokens.verify_click(KEY, opened) is None
    assert tokens.verify_open(KEY, unsub) is None and tokens.verify_open(KEY, click) is None
    assert tokens.verify_token(KEY, click) is None and tokens.verify_token(KEY, opened) is None


def test_forged_tokens_are_refused() -> None:
    # The attacker writes the payload they want and signs it with a key they guessed.
    forged = tokens.make_click_token(b"guessed key" * 3, 7, 0, "https://evil.example/")
    assert tokens.verify_click(KEY, forged) is None
    head = _b64(b"click:7:0:https://evil.example/")
    assert tokens.verify_click(KEY, head + "." + "A" * 22) is None
    assert tokens.verify_click(KEY, head) is None


@pytest.mark.parametrize("change", ["url", "ledger", "index", "signature", "swap"])
def test_altered_tokens_are_refused(change: str) -> None:
    good = tokens.make_click_token(KEY, 7, 0, URL)
    head, sig = good.split(".")
    other = tokens.make_click_token(KEY, 8, 0, "https://evil.example/")
    altered = {
        "url": _b64(b"click:7:0:https://evil.example/") + "." + sig,
        "ledger": _b64(f"click:8:0:{URL}".encode()) + "." + sig,
        "index": _b64(f"click:7:1:{URL}".encode()) + "." + sig,
        "signature": head + "." + ("B" if sig[0] != "B" else "C") + sig[1:],
        "swap": head + "." + other.split(".")[1],
    }[change]
    assert tokens.verify_click(KEY, altered) is None


def test_only_plain_http_urls_are_signed_or_accepted() -> None:
    for bad in ("javascript:alert(1)", "//evil.example/", "data:text/html,x", "https://evil.example/\r\nX: y",
                "ftp://shop.example/", "https://exämple.it/", "https://" + "a" * 2100):
        with pytest.raises(ValueError):
            tokens.make_click_token(KEY, 1, 0, bad)
        payload = f"click:1:0:{bad}".encode()
        sig = tokens._b64(tokens._sign(KEY, payload))
        assert tokens.verify_click(KEY, tokens._b64(payload) + "." + sig) is None  # even correctly signed


def test_a_token_from_another_workspace_is_rejected(tmp_path) -> None:
    with Workspace.open(tmp_path / "a") as a, Workspace.open(tmp_path / "b") as b:
        key_a, key_b = tokens.workspace_key(a), tokens.workspace_key(b)
    assert key_a != key_b
    assert tokens.verify_click(key_b, tokens.make_click_token(key_a, 1, 0, URL)) is None
    assert tokens.verify_open(key_b, tokens.make_open_token(key_a, 1)) is None
    assert tokens.verify_token(key_b, tokens.make_token(key_a, 1)) is None
