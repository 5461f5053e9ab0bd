from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.templates import Templates, preview
from desktop.templating import TemplateProblem, html_to_text
from tests.helpers.ledger import EMAIL_HTML

PAYLOAD = {"event": {"ref": "cart-9", "items": [{"name": "Tè <verde>", "price": 4.5}], "title": "Novità"}}


def test_crud_roundtrip(workspace, now):
    t = Templates(workspace.db)
    tid = t.create("Cart", "email", subject="Ciao {{ first_name }}", html=EMAIL_HTML, now=now)
    assert t.get("cart").id == tid and t.get(tid).name == "Cart"
    t.update("Cart", subject="Hello {{ first_name }}", now=now)
    assert t.get(tid).subject == "Hello {{ first_name }}"
    t.create("Promo", "sms", text="Promo {{ first_name }}", now=now)
    assert [x.name for x in t.list()] == ["Cart", "Promo"]
    assert [x.name for x in t.list("sms")] == ["Promo"]
    t.delete("Promo")
    assert t.get("Promo") is None


def test_save_refuses_syntax_errors_and_duplicates(workspace, now):
    t = Templates(workspace.db)
    with pytest.raises(InputError, match="html"):
        t.create("Bad", "email", subject="x", html="<p>{{ first_name </p>", now=now)
    assert t.get("Bad") is None
    t.create("Ok", "email", subject="x", html="<p>x</p>", now=now)
    with pytest.raises(InputError, match="already exists"):
        t.create("ok", "email", subject="y", html="<p>y</p>", now=now)
    with pytest.raises(InputError, match="SMS template needs a text"):
        t.create("S", "sms", now=now)


def test_render_fields_defaults_and_event(workspace, now):
    t = Templates(workspace.db)
    t.create("Cart", "email", subject="{{ first_name | default('Ciao') }} - {{ event.title }}",
             html=EMAIL_HTML, now=now)
    out = t.render("Cart", {"first_name": None, "email": "a@b.it"}, PAYLOAD)
    assert out.subject == "Ciao - Novità"
    assert "Ciao cliente," in out.html
    assert "Tè &lt;verde&gt;" in out.html           # autoescaped in HTML
    assert 'style="' in out.html and "<style" not in out.html   # CSS inlined
    assert "Tè <verde>" in out.text and "<p" not in out.text
    named = t.render("Cart", {"first_name": "Anna"}, PAYLOAD)
    assert "Ciao Anna," in named.html and named.subject.startswith("Anna")


def test_missing_name_is_a_problem_not_a_blank(workspace, now):
    t = Templates(workspace.db)
    t.create("Typo", "email", subject="x", html="<p>Ciao {{ frist_name }}</p>", now=now)
    with pytest.raises(TemplateProblem, match="frist_name"):
        t.render("Typo", {"first_name": "Anna"}, {})
    t.create("NoEvent", "sms", text="{{ event.title }}", now=now)
    with pytest.raises(TemplateProblem, match="title"):
        t.render("NoEvent", {}, {"event": {}})
    shown = t.preview("Typo", {"first_name": "Anna"})
    assert not shown.ok and "frist_name" in shown.problem


def test_an_explicit_fallback_covers_a_missing_name(workspace, now):
    """``x or 'y'`` and ``{% if x %}`` are how an author asks for a fallback (the demo's blog
    template does); only printing a missing name is an error."""
    t = Templates(workspace.db)
    t.create("Blog", "sms", text="Sul blog: {{ event.title or 'un nuovo articolo' }}"
             "{% if event.link %} {{ event.link }}{% endif %}", now=now)
    assert t.render("Blog", {}, {"event": {}}).text == "Sul blog: un nuovo articolo"
    assert t.render("Blog", {}, {"event": {"title": "Saldi", "link": "https://x.it/s"}}).text == \
        "Sul blog: Saldi https://x.it/s"
    t.create("Compare", "sms", text="{% if event.title == 'x' %}x{% endif %}ok", now=now)
    with pytest.raises(TemplateProblem, match="title"):
        t.render("Compare", {}, {"event": {}})


def test_sandbox_blocks_unsafe_access(workspace, now):
    t = Templates(workspace.db)
    t.create("Evil", "sms", text="{{ ''.__class__.__mro__ }}", now=now)
    with pytest.raises(TemplateProblem):
        t.render("Evil", {}, {})


def test_preview_ok(workspace, now):
    t = Templates(workspace.db)
    t.create("S", "sms", text="Ciao {{ first_name }}", now=now)
    shown = preview(t.get("S"), {"first_name": "Luca"})
    assert shown.ok and shown.text == "Ciao Luca"


def test_html_to_text_keeps_structure():
    text = html_to_text('<p>Uno<br>Due</p><ul><li>A</li><li>B</li></ul><a href="https://x.it">Vai</a>'
                        "<style>p{}</style>")
    assert text == "Uno\nDue\n\n- A\n- B\n\nVai (https://x.it)\n"


def test_event_keys_win_over_dict_methods(workspace, now):
    t = Templates(workspace.db)
    t.create("Items", "sms", text="{% for i in event.items %}{{ i.name }} {% endfor %}{{ event.get('x', 'none') }}",
             now=now)
    assert t.render("Items", {}, {"event": {"items": [{"name": "A"}, {"name": "B"}]}}).text == "A B none"
    with pytest.raises(TemplateProblem, match="items"):
        t.render("Items", {}, {"event": {"title": "no items here"}})


def test_renders_are_remembered_per_distinct_context_only(workspace, now):
    """The memo keys on every name the template reads, with its type: people who share a
    first name share a render, anything else the template reads tells them apart."""
    t = Templates(workspace.db)
    t.create("Memo", "sms", text="Ciao {{ first_name }} {{ points }} {{ contact.email }}", now=now)
    anna1 = t.render("Memo", {"first_name": "Anna", "points": 1, "email": "a@x.it"}, {}).text
    anna2 = t.render("Memo", {"first_name": "Anna", "points": 1, "email": "b@x.it"}, {}).text
    assert anna1 == "Ciao Anna 1 a@x.it" and anna2 == "Ciao Anna 1 b@x.it"
    assert t.render("Memo", {"first_name": "Anna", "points": 1.0, "email": "a@x.it"}, {}).text == "Ciao Anna 1.0 a@x.it"
    assert t.render("Memo", {"first_name": "Anna", "points": True, "email": "a@x.it"}, {}).text == "Ciao Anna True a@x.it"
    t.create("Cart", "sms", text="{{ event['items'] | length }} articoli", now=now)
    assert t.render("Cart", {}, {"event": {"items": [1, 2]}}).text == "2 articoli"
    assert t.render("Cart", {}, {"event": {"items": [1, 2, 3]}}).text == "3 articoli"
    for _ in range(2):  # a remembered failure is still a failure, with the same reason
        with pytest.raises(TemplateProblem, match="items"):
            t.render("Cart", {}, {"event": {}})
