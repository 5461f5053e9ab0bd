"""Unsubscribe tokens: any garbage is simply invalid, and only the canonical spelling verifies."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings, strategies as st

from desktop import tokens

KEY = bytes(range(32))
GOOD = tokens.make_token(KEY, 42, "email")


def test_a_token_made_here_verifies() -> None:
    assert tokens.verify_token(KEY, GOOD) == tokens.TokenInfo("unsub", 42, "email")
    assert tokens.verify_token(b"another key" * 3, GOOD) is None


def _variants() -> list[object]:
    head, sig = GOOD.split(".")
    payload = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4))
    raw_sig = base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4))
    padded = base64.urlsafe_b64encode(payload).decode()
    spare_bit = sig[:-1] + tokens._b64(raw_sig)[-1].translate(str.maketrans("AQgw", "BRhx"))
    return [
        GOOD + " ", " " + GOOD, GOOD + "\n",  # spaces around
        padded + "." + sig,  # padding (when the payload's length needs it)
        head + "." + sig + "==",
        base64.b64encode(payload).decode().rstrip("=") + "." + sig.replace("-", "+").replace("_", "/"),
        head + "." + sig + ".extra", head + ".." + sig,  # trailing data
        GOOD.upper(), GOOD.swapcase(),  # case changes
        head + "." + spare_bit,  # same bytes, different text: spare bits set
        head + "!." + sig,  # a character outside the alphabet (the decoder would skip it)
    ]


@pytest.mark.parametrize("variant", _variants())
def test_non_canonical_spellings_are_refused(variant: str) -> None:
    if variant != GOOD:
        assert tokens.verify_token(KEY, variant) is None


@pytest.mark.parametrize("contact", ["042", "+42", "4_2", " 42", "-1", "0"])
def test_a_well_signed_but_odd_payload_is_refused(contact: str) -> None:
    payload = f"unsub:{contact}:email".encode()
    token = f"{tokens._b64(payload)}.{tokens._b64(tokens._sign(KEY, payload))}"
    assert tokens.verify_token(KEY, token) is None


@pytest.mark.parametrize("garbage", [None, 42, b"abc.def", ["a", "b"], "", ".", "a" * 100_000, "\x00.\x00", "é.é"])
def test_garbage_of_any_type_is_invalid_not_an_exception(garbage: object) -> None:
    assert tokens.verify_token(KEY, garbage) is None  # type: ignore[arg-type]
    assert tokens.verify_token(None, GOOD) is None  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_random_text_never_raises(text: str) -> None:
    assert tokens.verify_token(KEY, text) is None or text == GOOD


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=len(GOOD) - 1), st.characters(codec="ascii"))
def test_any_single_character_change_is_refused(position: int, char: str) -> None:
    changed = GOOD[:position] + char + GOOD[position + 1:]
    if changed != GOOD:
        assert tokens.verify_token(KEY, changed) is None
