"""``templates list | import FILE [--replace] | export [FILE]``: the JSON envelope, all or nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import templates_file
from desktop.errors import InputError
from desktop.templates import Templates

ROOT = Path(__file__).resolve().parents[1]
WELCOME = {"name": "Benvenuto", "channel": "email", "subject": "Ciao {{ first_name }}",
           "html": "<p>Ciao {{ first_name or 'cliente' }}, da {{ business_name }}</p>", "text": ""}
CART = {"name": "Carrello", "channel": "email", "subject": "Il tuo carrello",
        "html": "<ul>{% for item in event.items %}<li>{{ item.name }} × {{ item.quantity }}</li>{% endfor %}</ul>"
                "<p>{{ '%.2f' % event.amount }} € — {{ event.coupon }}</p>", "text": ""}
SMS = {"name": "Auguri", "channel": "sms", "subject": "", "html": "", "text": "Auguri {{ first_name }}!"}


def _envelope(*templates: dict) -> dict:
    return {"format": "postino.templates", "version": 1, "templates": list(templates)}


def _write(tmp_path: Path, data: dict | str) -> Path:
    path = tmp_path / "templates.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_round_trip_through_a_file(workspace, now, tmp_path) -> None:
    summary = templates_file.import_file(workspace, _write(tmp_path, _envelope(WELCOME, CART, SMS)), now)
    assert summary.created == ["Benvenuto", "Carrello", "Auguri"]
    out = templates_file.export_file(workspace, tmp_path / "out.json")
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported == _envelope(SMS, WELCOME, CART)  # sorted by name
    again = templates_file.import_file(workspace, out, now, replace=True)
    assert sorted(again.replaced) == ["Auguri", "Benvenuto", "Carrello"]


@pytest.mark.parametrize("mutate, where, words", [
    (lambda d: d.update(format="postino.rules"), "$.format", "not a Postino templates file"),
    (lambda d: d.update(version=2), "$.version", "version 2"),
    (lambda d: d.update(extra=1), "$.extra", "unknown field"),
    (lambda d: d["templates"][1].update(channel="fax"), "$.templates[1].channel", "email or sms"),
    (lambda d: d["templates"][1].update(colour="red"), "$.templates[1].colour", "unknown field"),
    (lambda d: d["templates"][1].update(html=5), "$.templates[1].html", "must be text"),
    (lambda d: d["templates"][1].update(html="{% for x in %}"), "$.templates[1].html", "line 1"),
    (lambda d: d["templates"][1].update(subject=""), "$.templates[1]", "needs a subject"),
    (lambda d: d["templates"][1].update(name="benvenuto"), "$.templates[1].name", "used twice"),
    # Renders fail for a sample contact: a misspelt field, a filter applied to the wrong type.
    (lambda d: d["templates"][1].update(html="<p>{{ frist_name }}</p>"), "$.templates[1]", "sample contact"),
    (lambda d: d["templates"][1].update(html="<p>{{ first_name / 2 }}</p>"), "$.templates[1]", "sample contact"),
])
def test_a_bad_template_refuses_the_whole_file(workspace, now, tmp_path, mutate, where, words) -> None:
    data = _envelope(dict(WELCOME), dict(CART), dict(SMS))
    mutate(data)
    with pytest.raises(InputError) as info:
        templates_file.import_file(workspace, _write(tmp_path, data), now)
    path = tmp_path / "templates.json"
    assert info.value.where == f"{path}: {where}", str(info.value)
    assert words in str(info.value)
    assert Templates(workspace.db).list() == []


def test_duplicate_keys_are_refused(workspace, now, tmp_path) -> None:
    text = json.dumps(_envelope(WELCOME))[:-3] + ', "html": "<p>other</p>"}]}'
    with pytest.raises(InputError) as info:
        templates_file.import_file(workspace, _write(tmp_path, text), now)
    assert info.value.where.endswith("$.templates[0].html") and "twice" in str(info.value)


def test_an_existing_name_needs_replace_and_a_rule_keeps_its_channel(workspace, now, tmp_path) -> None:
    templates_file.import_file(workspace, _write(tmp_path, _envelope(WELCOME)), now)
    with pytest.raises(InputError) as info:
        templates_file.import_file(workspace, _write(tmp_path, _envelope(WELCOME)), now)
    assert "--replace" in str(info.value)
    workspace.rules.save({"name": "Welcome", "action": {"type": "send_email", "template": "Benvenuto"}}, now)
    as_sms = dict(SMS, name="Benvenuto")
    with pytest.raises(InputError) as info:
        templates_file.import_file(workspace, _write(tmp_path, _envelope(as_sms)), now, replace=True)
    assert info.value.where.endswith("$.templates[0].channel") and "Welcome" in str(info.value)
    assert Templates(workspace.db).get("Benvenuto").channel == "email"


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_cli_list_import_export(tmp_path) -> None:
    folder = tmp_path / "ws"
    source = _write(tmp_path, _envelope(WELCOME, SMS))
    assert _cli(folder, "templates", "import", str(source)).returncode == 0
    listing = _cli(folder, "templates", "list")
    assert "[email] Benvenuto" in listing.stdout and "[sms  ] Auguri" in listing.stdout
    exported = _cli(folder, "templates", "export", "--template", "auguri")
    assert json.loads(exported.stdout)["templates"] == [SMS]
    refused = _cli(folder, "templates", "export", str(folder / "postino.db"))
    assert refused.returncode == 2 and "own workspace files" in refused.stderr
    bad = _cli(folder, "templates", "import", str(_write(tmp_path, "{\"format\": NaN}")))
    assert bad.returncode == 2 and "$.format" in bad.stderr


def test_the_sample_render_never_stands_in_for_a_real_send(workspace, now, tmp_path) -> None:
    # The import renders CART with a sample event that has every key; a real cart without a
    # coupon must still fail (the renderer memoises by the values a template reads).
    from desktop.templates import render
    from desktop.templating import TemplateProblem

    templates_file.import_file(workspace, _write(tmp_path, _envelope(CART)), now)
    cart = Templates(workspace.db).get("Carrello")
    with pytest.raises(TemplateProblem, match="coupon"):
        render(cart, {"first_name": "Anna"}, {"event": {"items": [{"name": "Tazza", "quantity": 2}], "amount": 9.5}})
    out = render(cart, {"first_name": "Anna"},
                 {"event": {"items": [{"name": "Tazza", "quantity": 2}], "amount": 9.5, "coupon": "X1"}})
    assert "Tazza × 2" in out.html and "9.50 € — X1" in out.html
