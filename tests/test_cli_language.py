"""The command line's language: ``--language`` first, then ``POSTINO_LANGUAGE``, then the
workspace's ``ui.language`` when the user set it, then the system locale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch):
    monkeypatch.delenv("POSTINO_LANGUAGE", raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


def _refusal(tmp_path, capsys, *extra: str) -> str:
    code = main(["--data-dir", str(tmp_path / "ws"), *extra, "settings", "set", "business.timezone", "Roma"])
    assert code == 2
    return capsys.readouterr().err


def test_the_global_option_chooses_the_language(tmp_path, capsys) -> None:
    italian = _refusal(tmp_path, capsys, "--language", "it")
    assert italian.startswith("errore: ") and "'Roma' non è un fuso orario" in italian
    english = _refusal(tmp_path, capsys, "--language", "en")
    assert english.startswith("error: ") and "'Roma' is not a time zone" in english


def test_the_setting_then_the_locale(tmp_path, capsys, monkeypatch) -> None:
    assert "is not a time zone" in _refusal(tmp_path, capsys)         # C locale, nothing set
    monkeypatch.setenv("LC_ALL", "it_IT.UTF-8")
    assert "non è un fuso orario" in _refusal(tmp_path, capsys)        # the system's locale
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert main(["--data-dir", str(tmp_path / "ws"), "settings", "set", "ui.language", "it"]) == 0
    assert "non è un fuso orario" in _refusal(tmp_path, capsys)        # the user's setting
    monkeypatch.setenv("POSTINO_LANGUAGE", "en")
    assert "is not a time zone" in _refusal(tmp_path, capsys)          # the environment over it
    assert "non è un fuso orario" in _refusal(tmp_path, capsys, "--language", "it")  # the option over all


def test_rule_list_names_fields_in_the_chosen_language(tmp_path) -> None:
    """A real process, as a shop owner runs it."""
    data = str(tmp_path / "ws")
    run = lambda *a: subprocess.run([sys.executable, "main.py", "--data-dir", data, *a], cwd=ROOT,  # noqa: E731
                                    capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"})
    assert run("demo", "--contacts", "5").returncode == 0
    listed = run("--language", "it", "rules", "list")
    assert listed.returncode == 0 and "anniversario: Data di nascita" in listed.stdout
    assert "birthday" not in listed.stdout


def test_the_import_report_is_in_italian(tmp_path, capsys) -> None:
    path = tmp_path / "clienti.csv"
    path.write_text("E-mail;Nome\nanna@example.it;Anna\nbruno-at-example;Bruno\n", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "ws"), "--language", "it", "contacts", "import", str(path),
                 "--consent", "pending"])
    out = capsys.readouterr().out
    assert code != 0  # a bad row refuses the whole file
    assert "Importazione di contatti da" in out and "righe lette:" in out and "Righe errate:" in out
    assert "riga 3, colonna \"E-mail\": 'bruno-at-example' non è un indirizzo e-mail valido" in out
    assert "Non è stato importato nulla: 1 riga errata" in out
    for english in ("rows read", "bad rows", "is not a valid", "Nothing was imported"):
        assert english not in out


def test_run_once_and_rules_list_speak_italian(tmp_path, capsys) -> None:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "demo", "--contacts", "5"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "--language", "it", "run-once"]) == 0
    out = capsys.readouterr().out
    assert "invii: niente da inviare" in out and "dispatched" not in out
    assert main(["--data-dir", data, "--language", "it", "rules", "list"]) == 0
    out = capsys.readouterr().out
    assert "prossima verifica:" in out and "next check" not in out


def test_a_refused_import_says_why_in_italian_on_stderr(tmp_path, capsys) -> None:
    path = tmp_path / "clienti.csv"
    path.write_text("E-mail\nanna@example.it\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "ws"), "--language", "it", "contacts", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "nuovi contatti senza un consenso dichiarato: 1; non è stato importato nulla (usa --consent)" in err
