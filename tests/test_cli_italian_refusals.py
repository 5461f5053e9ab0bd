"""Refusals of hostile input said in Italian by the real command line (``main.py --language
it`` in a real process): an export onto a workspace file, a folder or a folder that is gone,
a restore of something that is no backup, an engine lock that cannot be taken, a row with
no address, a bad setting, a date beyond Python's calendar. Each used to reach the terminal
in English (the code lost on its way, or never given one); English still says what it said.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import subprocess
from pathlib import Path

import pytest

from tests.test_cli_italian import ROOT, english_words, leaks, run  # noqa: F401 - english_words is a fixture

_CAN_DROP_ROOT = os.geteuid() != 0 or shutil.which("setpriv") is not None


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    """A workspace with one contact (so events have someone to belong to)."""
    folder = tmp_path_factory.mktemp("negozio")
    contacts = tmp_path_factory.mktemp("file") / "clienti.csv"
    contacts.write_text("email\nanna@example.it\n", encoding="utf-8")
    done = run(folder, "en", "contacts", "import", str(contacts), "--consent", "subscribed")
    assert done.returncode == 0, done.stderr
    return folder


def _refused(folder: Path, code: int, *args: str) -> tuple[str, str]:
    """(Italian, English) stderr of a command refused with exit ``code`` in both languages."""
    italian, english = run(folder, "it", *args), run(folder, "en", *args)
    assert (italian.returncode, english.returncode) == (code, code), (italian.stderr, english.stderr)
    return italian.stderr.strip(), english.stderr.strip()


def test_an_export_onto_a_workspace_file_a_folder_or_nowhere_is_refused_in_italian(shop, tmp_path,
                                                                                    english_words) -> None:
    db, lock = shop / "postino.db", shop / "engine.lock"
    cases = [
        (("contacts", "export", str(db)), str(db),
         "è un file dell'area di lavoro di Postino (postino.db): scegli un altro nome o un'altra cartella",
         "is one of Postino's own workspace files (postino.db): choose another name or folder"),
        (("rules", "export", str(lock)), str(lock),
         "è un file dell'area di lavoro di Postino (engine.lock): scegli un altro nome o un'altra cartella",
         "is one of Postino's own workspace files (engine.lock): choose another name or folder"),
        (("templates", "export", str(shop / "backups" / "modelli.json")), str(shop / "backups" / "modelli.json"),
         "è un file dell'area di lavoro di Postino (backups): scegli un altro nome o un'altra cartella",
         "is one of Postino's own workspace files (backups): choose another name or folder"),
        (("contacts", "export", str(tmp_path)), str(tmp_path),
         "è una cartella, non un file", "is a folder, not a file"),
        (("backup", str(tmp_path)), str(tmp_path), "è una cartella, non un file", "is a folder, not a file"),
        (("contacts", "export", str(tmp_path / "sparita" / "c.csv")), str(tmp_path / "sparita" / "c.csv"),
         "impossibile scrivere il file (file o cartella inesistente); il file precedente è rimasto com'era",
         "cannot write the file (No such file or directory); the previous file was left as it was"),
    ]
    for args, where, italian, english in cases:
        said_it, said_en = _refused(shop, 2, *args)
        assert said_it == f"errore: {where}: {italian}", args
        assert said_en == f"error: {where}: {english}", args
        assert leaks(said_it, english_words, shop) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no half-written temporary file left


def test_a_restore_of_what_is_no_backup_is_refused_in_italian(shop, tmp_path, english_words) -> None:
    text_file = tmp_path / "clienti.csv"
    text_file.write_text("email\nanna@example.it\n", encoding="utf-8")
    truncated = tmp_path / "troncata.db"
    truncated.write_bytes((shop / "postino.db").read_bytes()[:5000])
    cases = [
        (text_file, "non è un database SQLite", "not an SQLite database"),
        (tmp_path, "è una cartella, non un file", "is a folder, not a file"),
        (tmp_path / "nessuna.db", "file non trovato", "file not found"),
        (truncated, "il file è danneggiato (il contenuto del database è rovinato)",
         "the file is damaged (database disk image is malformed)"),
        (shop / "postino.db", "è un file dell'area di lavoro stessa: scegli una copia di backup",
         "it is one of the workspace's own files: choose a backup copy"),
    ]
    for file, italian, english in cases:
        said_it, said_en = _refused(shop, 2, "restore", str(file))
        assert (said_it, said_en) == (f"errore: {file}: {italian}", f"error: {file}: {english}")
        assert leaks(said_it, english_words, shop) == []


def _as_reader(folder: Path, language: str, *args: str) -> subprocess.CompletedProcess:
    """``run`` by a user who may read the workspace but not write it (root without the two
    capabilities that let it ignore file permissions)."""
    env = {k: v for k, v in os.environ.items() if k != "POSTINO_LANGUAGE"}
    env["LC_ALL"] = "C.UTF-8"
    command = [sys.executable, str(ROOT / "main.py"), "--language", language, "--data-dir", str(folder), *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)


@pytest.mark.skipif(not _CAN_DROP_ROOT, reason="needs setpriv as root")
def test_run_once_on_a_workspace_nobody_may_write_says_read_only_in_italian(tmp_path, english_words) -> None:
    folder = tmp_path / "sola-lettura"
    assert run(folder, "en", "rules", "list").returncode == 0
    out = tmp_path / "fuori"
    out.mkdir()
    (folder / "postino.db").chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        italian = _as_reader(folder, "it", "run-once")
        english = _as_reader(folder, "en", "run-once")
        exported = _as_reader(folder, "it", "contacts", "export", str(folder / "contatti.csv"))
    finally:
        folder.chmod(0o755)
        (folder / "postino.db").chmod(0o644)
    assert italian.returncode == 1 and italian.stderr.strip() == (
        f"errore: L'area di lavoro {folder} è di sola lettura: si può consultare, esportare e simulare, non "
        "modificare")
    assert english.returncode == 1 and english.stderr.strip() == (
        f"error: The workspace {folder} is read-only: it can be listed, exported and simulated, not changed")
    assert leaks(italian.stderr, english_words, folder) == []
    assert exported.returncode == 2 and exported.stderr.strip() == (
        f"errore: {folder / 'contatti.csv'}: impossibile scrivere il file (permesso negato); il file precedente è "
        "rimasto com'era")


def test_an_engine_lock_that_cannot_be_opened_is_said_in_italian(tmp_path, english_words) -> None:
    folder = tmp_path / "bloccata"
    assert run(folder, "en", "rules", "list").returncode == 0
    (folder / "engine.lock").mkdir()
    said_it, said_en = _refused(folder, 1, "run-once")
    lock = folder / "engine.lock"
    assert said_it == f"errore: impossibile aprire il file di blocco del motore {lock}: è una cartella"
    assert said_en == f"error: cannot open the engine lock {lock}: Is a directory"
    (folder / "engine.lock").rmdir()
    os.symlink(tmp_path / "altrove", folder / "engine.lock")
    said_it, said_en = _refused(folder, 1, "run-once")
    assert said_it == (f"errore: {lock} è un collegamento simbolico; Postino si rifiuta di usarlo. Cancellalo: "
                       "Postino crea da sé il file di blocco.")
    assert said_en == (f"error: {lock} is a symbolic link; Postino refuses to use it. Delete it; Postino creates "
                       "the lock file itself.")
    assert leaks(said_it, english_words, folder) == []


def test_a_row_without_an_address_is_said_in_italian(shop, tmp_path, english_words) -> None:
    path = tmp_path / "clienti.csv"
    path.write_text("E-mail;Nome;Telefono\nanna@example.it;Anna;3331234567\n;Bruno;\n", encoding="utf-8")
    italian = run(shop, "it", "contacts", "import", str(path), "--consent", "pending")
    assert italian.returncode == 2
    assert '  riga 3, colonna "E-mail": la riga non ha né un indirizzo e-mail né un numero di cellulare' \
        in italian.stdout.splitlines()
    assert leaks(italian.stdout, english_words, shop) == []
    english = run(shop, "en", "contacts", "import", str(path), "--consent", "pending")
    assert '  line 3, column "E-mail": the row has neither an e-mail address nor a mobile number' \
        in english.stdout.splitlines()


@pytest.mark.parametrize(("key", "value", "italian", "english"), [
    ("smtp.port", "abc", "'abc' non è un numero intero", "'abc' is not a whole number"),
    ("business.quiet_hours", "25-3", "'25-3' non è una fascia oraria come 21:00-09:00",
     "'25-3' is not a band like 21:00-09:00"),
])
def test_a_bad_setting_is_placed_in_italian(shop, key, value, italian, english) -> None:
    said_it, said_en = _refused(shop, 2, "settings", "set", key, value)
    assert said_it == f"errore: impostazione {key}: {italian}"
    assert said_en == f"error: setting {key}: {english}"


def test_a_date_beyond_the_calendar_is_not_a_date_in_italian(shop, tmp_path, english_words) -> None:
    lines = tmp_path / "eventi.jsonl"
    lines.write_text('{"email": "anna@example.it", "event": "purchase", "order_id": "1", "date": 100000000000000}\n'
                     '{"email": "anna@example.it", "event": "purchase", "order_id": "2", "date": -1e12}\n'
                     '{"email": "anna@example.it", "event": "purchase", "order_id": "3", '
                     '"date": "0001-01-01T00:30:00+05:00"}\n', encoding="utf-8")
    italian = run(shop, "it", "events", "import", str(lines))
    assert italian.returncode == 2, italian.stderr
    expected = "non è una data (atteso gg/mm/aaaa oppure aaaa-mm-gg)"
    assert f'  riga 1, colonna "date": 100000000000000 {expected}' in italian.stdout.splitlines()
    assert f'  riga 2, colonna "date": -1000000000000.0 {expected}' in italian.stdout.splitlines()
    assert f'  riga 3, colonna "date": \'0001-01-01T00:30:00+05:00\' {expected}' in italian.stdout.splitlines()
    assert leaks(italian.stdout.replace("JSON Lines", "JSON"), english_words, shop) == []  # the format's name
    english = run(shop, "en", "events", "import", str(lines))
    assert '  line 1, column "date": 100000000000000 is not a date (expected dd/mm/yyyy or yyyy-mm-dd)' \
        in english.stdout.splitlines()
    # the same date in a contacts file was an OverflowError (exit 1), not a bad row
    contacts = tmp_path / "clienti.csv"
    contacts.write_text("email;registered_at\nbruno@example.it;0001-01-01T00:00:00+05:00\n", encoding="utf-8")
    refused = run(shop, "it", "contacts", "import", str(contacts), "--consent", "subscribed")
    assert refused.returncode == 2, refused.stderr
    assert f'  riga 2, colonna "registered_at": \'0001-01-01T00:00:00+05:00\' {expected}' in refused.stdout.splitlines()


def test_the_window_places_a_setting_s_error_in_its_language_too(monkeypatch) -> None:
    """The settings page's "Nothing was saved: …" shows ``error_text(exc)``: its place in the
    window's language; the place itself (``where``) stays what the fields are matched on."""
    from desktop.errors import InputError
    from desktop.messages import Msg
    from ui.resources import LANGUAGE
    from ui.words import error_text

    error = InputError(Msg("setting.not_whole", {"value": "abc"}), "setting smtp.port")
    assert error.where == "setting smtp.port"
    monkeypatch.setattr(LANGUAGE, "code", "it")
    assert error_text(error) == "impostazione smtp.port: 'abc' non è un numero intero"
    assert error_text(error, bare=True) == "'abc' non è un numero intero"
    assert error_text(InputError(Msg("setting.not_whole", {"value": "x"}), "f.csv, line 3, column \"Età\"")) == \
        "f.csv, riga 3, colonna \"Età\": 'x' non è un numero intero"
    monkeypatch.setattr(LANGUAGE, "code", "en")
    assert error_text(error) == "setting smtp.port: 'abc' is not a whole number"
