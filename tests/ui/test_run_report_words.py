"""The Run-now result in the window's language: counts, a paused channel's reason and a
failed check are all said in Italian (the engine sends codes, the dialog makes the words)."""

from __future__ import annotations

from desktop.messages import Msg
from ui.resources import LANGUAGE
from ui.rules.dialogs import run_report_text
from ui.rules.queries import RunReport


def test_the_run_now_report_is_italian(qtbot) -> None:
    LANGUAGE.switch("it")
    paused = Msg("channel.no_secret", {"channel": "email", "user": "shop", "account": "smtp"}).as_dict()
    report = RunReport("Benvenuto", True, matched=3, planned=2, sent=1, failed=1, channels_paused={"email": paused})
    words = run_report_text(report)
    assert words.startswith("“Benvenuto” verificata ora:") or "Benvenuto" in words
    assert "invii email in pausa: nessun segreto nel portachiavi per 'shop'" in words
    for english in ("checked now", "matched", "sends are paused", "no secret"):
        assert english not in words
    failed = RunReport("Benvenuto", True, error=Msg("check_failed", {"error": "disk I/O error"}).as_dict())
    assert "controllo non riuscito: disk I/O error" in run_report_text(failed)
