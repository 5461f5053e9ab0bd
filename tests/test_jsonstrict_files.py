"""A rules or templates file the user names is read only if it is a regular file of sane size,
and json's English reasons become words with a hint. Found from outside: ``rules import
/dev/zero`` was killed for memory (exit 137), a named pipe hung, and Italian users read
"JSON non valido: Expecting value"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import InputError
from desktop.jsonstrict import load_file_strict, loads_strict
from desktop.messages import text

ROOT = Path(__file__).resolve().parent.parent


def _refusal(path) -> InputError:
    with pytest.raises(InputError) as raised:
        load_file_strict(path)
    return raised.value


def test_devices_pipes_and_folders_are_refused_before_reading(tmp_path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert _refusal("/dev/zero").msg.code == "json.not_regular"
    assert _refusal(fifo).msg.code == "json.not_regular"   # opening it would wait for a writer
    assert _refusal(tmp_path).msg.code == "json.is_folder"
    assert _refusal(tmp_path / "none.json").msg.code == "json.not_found"


def test_a_byte_that_is_not_utf8_is_named_with_its_line_and_column(tmp_path) -> None:
    latin = tmp_path / "regole.json"
    latin.write_bytes(b'{\n  "name": "Caff\xe8"\n}')
    error = _refusal(latin)
    assert error.where == f"{latin}, line 2, column 16" and error.msg.params == {"byte": "E8"}
    assert text(error.msg, "it") == "non è testo UTF-8: il byte 0xE8 non è valido (salva il file come UTF-8)"


@pytest.mark.parametrize("source, code", [
    ('{"rules": [1,]}', "json.expect_value"),
    ('{"a": 1,}', "json.expect_key"),
    ('{"a": 1 "b": 2}', "json.expect_comma"),
    ('{"a" 1}', "json.expect_colon"),
    ('{"a": "never closed}', "json.unterminated"),
    ('{"a": "tab\there"}', "json.control_char"),
    ('{"a": 1} {"b": 2}', "json.extra_data"),
    ('{"a": "\\q"}', "json.bad_escape"),
])
def test_json_s_reasons_become_words(source, code) -> None:
    with pytest.raises(InputError) as raised:
        loads_strict(source, "f.json")
    assert raised.value.msg.code == code and raised.value.where.startswith("f.json, line 1, column ")
    assert not any(word in text(raised.value.msg, "it") for word in ("Expecting", "Invalid", "delimiter"))


def test_the_cli_refuses_a_pipe_at_once_and_in_italian(tmp_path) -> None:
    fifo = tmp_path / "regole.json"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "main.py", "--language", "it", "--data-dir", str(tmp_path / "ws"),
                           "rules", "import", str(fifo)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == f"errore: {fifo}: non è un file normale (un dispositivo, una pipe o un socket)"
