"""Who holds the engine lock, in words of the reader's language (the lock file is English,
for machines): the tray's busy message and the service's refusal."""

from __future__ import annotations

import pytest

from desktop.messages import Msg, text
from desktop.service.lock import EngineLock, WorkspaceBusy, holder_params


def test_the_holder_is_named_in_italian() -> None:
    held = Msg("engine.holder", holder_params("the Postino app (process 4242)"))
    assert text(held, "it") == "l'app Postino, processo 4242"
    assert text(held, "en") == "the Postino app, process 4242"
    service = Msg("engine.holder", holder_params("main.py service (process 7)"))
    assert text(service, "it") == "il servizio (main.py service), processo 7"


def test_a_second_lock_is_refused_with_a_coded_message(tmp_path) -> None:
    first = EngineLock(tmp_path, holder="the Postino app")
    first.acquire()
    try:
        with pytest.raises(WorkspaceBusy) as refused:
            EngineLock(tmp_path, holder="main.py service").acquire()
        italian = text(refused.value.msg, "it")
        assert "gira già per questa cartella di lavoro (l'app Postino, processo" in italian
        assert "process" not in italian.replace("processo", "")
    finally:
        first.release()
