"""Letters in a phone number are a typo, not a keypad: phonenumbers read "347abc1234" as
+393472221234 and the import stored it silently (an SMS to a stranger's number)."""

from __future__ import annotations

import pytest

from desktop.contacts.csv_import import import_contacts
from desktop.contacts.phones import normalize_phone
from desktop.errors import BadValue
from desktop.messages import text


@pytest.mark.parametrize("raw", ["347abc1234", "+39 347 ABC 1234", "CALLME", "3471234567 ext 2"])
def test_letters_are_refused(raw) -> None:
    with pytest.raises(BadValue) as raised:
        normalize_phone(raw, "IT")
    assert raised.value.msg.code == "phone.letters"
    assert text(raised.value.msg, "it") == f"{raw!r} contiene lettere: non è un numero di telefono"


def test_the_import_skips_that_row_with_its_reason(workspace, tmp_path, now) -> None:
    csv = tmp_path / "clienti.csv"
    csv.write_text("Nome;Cellulare;Consenso sms\nAnna;347abc1234;si\nBruno;+39 347 123 4567;si\n", encoding="utf-8")
    report = import_contacts(workspace, csv, now=now, skip_invalid=True, consent="pending")
    assert report.committed
    phones = [r[0] for r in workspace.db.execute("SELECT phone FROM contacts ORDER BY id")]
    assert phones == ["+393471234567"]
