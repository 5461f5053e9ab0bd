"""The commonest template mistake, a name the contact or event lacks, in the user's words:
the Italian preview said "subject: 'first_name' is undefined" (jinja's English)."""

from __future__ import annotations

import pytest

from desktop.messages import text
from desktop.templating.render import TemplateProblem, _render


def _problem(source: str, part: str = "subject") -> TemplateProblem:
    with pytest.raises(TemplateProblem) as raised:
        _render(source, False, "Benvenuto", part, {"event": {}})
    return raised.value


def test_an_undefined_name_is_said_with_a_fallback_to_write() -> None:
    problem = _problem("Ciao {{ nickname }}")
    assert problem.msg.code == "template.undefined"
    assert text(problem.msg, "it") == ("il modello 'Benvenuto', oggetto: 'nickname' è vuoto o manca per questo "
                                       "contatto (un valore di riserva: {{ nickname or '…' }})")
    assert "is undefined" not in text(problem.msg, "en")


def test_a_missing_event_key_is_named() -> None:
    problem = _problem("{{ event.title }}", part="text")
    assert problem.msg.code == "template.missing_key"
    assert text(problem.msg, "it") == "il modello 'Benvenuto', testo: manca 'title' (l'evento di questo contatto non lo ha)"
