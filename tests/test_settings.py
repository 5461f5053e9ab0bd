from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.settings import DECLARED


def test_defaults_then_set_and_get(workspace, now) -> None:
    assert workspace.settings.get("smtp.port") == 587
    assert workspace.settings.set("smtp.port", "465", now) == 465
    assert workspace.settings.get("smtp.port") == 465
    assert workspace.settings.set("sandbox", "sì", now) is True
    assert workspace.settings.set("business.country", "gb", now) == "GB"


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("smtp.port", "abc", "not a whole number"),
        ("smtp.port", "70000", "above the maximum"),
        ("smtp.security", "tls", "not one of ssl, starttls, plain"),
        ("business.timezone", "Europe/Lonon", "not a time zone: pick one from the list"),
        ("business.country", "XX", "not a two-letter country code"),
        ("business.quiet_hours", "21-9", "not a band"),
        ("sandbox", "maybe", "not true or false"),
        ("no.such.key", "1", "unknown setting"),
    ],
)
def test_invalid_values_are_refused_by_name(workspace, now, key, value, message) -> None:
    with pytest.raises(InputError, match=message):
        workspace.settings.set(key, value, now)
    assert workspace.db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_every_setting_has_labels_in_both_languages() -> None:
    for setting in DECLARED:
        assert setting.label_en and setting.label_it, setting.key


@pytest.mark.parametrize("key, value, italian", [
    ("business.timezone", "Roma", "'Roma' non è un fuso orario"),
    ("business.quiet_hours", "21-9", "non è una fascia oraria come 21:00-09:00"),
    ("smtp.port", "abc", "non è un numero intero"),
    ("business.country", "XX", "non è un codice di paese"),
])
def test_refusals_are_coded_and_read_in_italian(workspace, now, key, value, italian) -> None:
    from desktop.messages import text

    with pytest.raises(InputError) as raised:
        workspace.settings.set(key, value, now)
    assert raised.value.msg is not None and italian in text(raised.value.msg, "it")
    assert "IANA" not in text(raised.value.msg, "en")
