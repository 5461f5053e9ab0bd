"""A hostile or broken template costs one skipped row, never the run, memory or time.

Before: a recursive macro raised ``RecursionError`` out of ``dispatch_due`` (the same row
first in line forever), and ``'x'*10**9``, ``10**(10**9)`` or two nested ``range(100000)``
loops passed the syntax check and took gigabytes or never ended.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.delivery.limits import Limits
from desktop.delivery.recording import RecordingChannel
from desktop.messages import text
from desktop.templating import TemplateProblem, render_email
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from tests.helpers.engine import dispatch, words

HOSTILE = {
    "recursive macro": ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "depth"),
    "giant string": ("{{ 'x' * 10**9 }}", "size"),
    "nested ranges": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "loop"),
    "huge power": ("{{ 10 ** (10 ** 9) }}", "number"),
    "doubling concat": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
                        "{% endfor %}{{ ns.s | length }}", "size"),
    "str.ljust": ("{{ 'x'.ljust(10**9) }}", "size"),
    "str.format width": ("{{ '{:>999999999}'.format('a') }}", "size"),
    "percent width": ("{{ '%0999999999d' % 1 }}", "size"),
    "replace blow-up": ("{{ ('x' * 100000) | replace('x', 'x' * 100000) }}", "size"),
    "center filter": ("{{ 'a' | center(10**9) }}", "size"),
    "list repeat": ("{{ ([1] * 10**9) | length }}", "size"),
    "recursive loop": ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "depth"),
    "self block": ("{% block a %}{{ self.a() }}{% endblock %}", "depth"),
    "join blow-up": ("{{ range(100000) | map('string') | join('x' * 100) }}", "size"),
    "long output": ("{% for i in range(100000) %}{{ 'abcdefghijk' }}{% endfor %}", "output"),
}


@pytest.mark.parametrize("source,what", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_template_is_a_template_problem_with_a_coded_limit(source, what):
    with pytest.raises(TemplateProblem) as caught:
        render_email("Hostile", "s", f"<p>{source}</p>", "", {"first_name": "Ugo"})
    assert caught.value.msg.code == "template.limit"
    assert caught.value.msg.params["what"] == what
    assert "Hostile" in text(caught.value.msg, "it")


def test_list_mutation_is_refused_by_the_immutable_sandbox():
    with pytest.raises(TemplateProblem, match="unsafe"):
        render_email("T", "s", "{% set l = [1] %}{% for i in range(40) %}{{ l.extend(l) }}{% endfor %}", "", {})


def test_ordinary_templates_still_render():
    source = ("<p>Ciao {{ first_name }} {{ 'x' * 3 }} {{ 2 ** 10 }} {% for i in range(3) %}{{ i ~ '-' }}"
              "{% endfor %} {{ items | join(', ') }} {{ '%5.2f' | format(3.14159) }} {{ '{:>4}'.format(7) }}"
              "{% macro m(n) %}{% if n %}{{ n }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(3) }}</p>")
    out = render_email("T", "s", source, "", {"first_name": "Ugo", "items": ["a", "b"]})
    assert "Ciao Ugo xxx 1024 0-1-2- a, b  3.14    7321</p>" in out.html


@pytest.mark.parametrize("name", ["recursive macro", "nested ranges", "giant string", "huge power"])
def test_one_hostile_rule_is_skipped_and_the_innocent_one_is_sent(workspace, now, name):
    ws = workspace
    add_template(ws, now, "Innocent")
    add_template(ws, now, "Hostile", html=f"<p>Ciao {{{{ first_name }}}} {HOSTILE[name][0]}</p>")
    hostile, innocent = add_rule(ws, now, "Hostile"), add_rule(ws, now, "Innocent")
    contacts = add_contacts(ws, now, 3)
    due = now - timedelta(minutes=1)
    bad_rows = add_rows(ws, hostile, contacts, due - timedelta(minutes=1))   # first in line
    good_rows = add_rows(ws, innocent, contacts, due)
    channel = RecordingChannel("email")
    summary = dispatch(ws, now, channels={"email": channel}, limits=Limits.unlimited())
    assert summary.counts == {"skipped": 3, "sent": 3} and summary.paused == {}
    for row_id in bad_rows:
        state, reason = ws.db.execute("SELECT state, reason FROM ledger WHERE id = ?", [row_id]).fetchone()
        assert state == "skipped" and "Hostile" in text(reason, "en") and "limit" in text(reason, "en")
    sent = {r[0] for r in ws.db.execute("SELECT id FROM ledger WHERE state = 'sent'")}
    assert sent == set(good_rows) and len(channel.messages) == 3
