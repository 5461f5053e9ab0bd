"""Every recipe, in both languages, is a valid rule: for the engine's validation, the published
JSON Schema and the template validation — on a fresh workspace (no custom fields, no groups)
and on one with a loyalty field. Its re-send policy is the one its conditions suggest."""

from __future__ import annotations

import json

import jsonschema
import pytest

from desktop.recipes import RECIPES, pick_field, rule_data, template_data
from desktop.resources_path import resource
from desktop.rules.resend_default import suggested_resend
from desktop.rules.store import FILE_FORMAT, FILE_VERSION
from desktop.templates import Templates

SCHEMA = json.loads(resource("schemas", "rules.schema.json").read_text())
REQUIRED = {"welcome", "birthday", "cart_3h", "cart_24h", "first_purchase", "win_back", "re_engage",
            "blog_post", "field_changed"}


def test_the_common_automations_are_all_there() -> None:
    assert {r.key for r in RECIPES} == REQUIRED
    for recipe in RECIPES:
        for words in (recipe.name, recipe.description, recipe.tags, recipe.template.name):
            assert words.it.strip() and words.en.strip() and (words is recipe.tags or words.it != words.en
                                                             or recipe.key == "blog_post")


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("loyalty", [False, True])
def test_every_recipe_is_a_valid_rule(workspace, now, language, loyalty) -> None:
    if loyalty:
        workspace.fields.add_custom("loyalty_tier", "text", now, label="Livello fedeltà")
    fields = workspace.fields.all()
    templates = Templates(workspace.db)
    saved = []
    for recipe in RECIPES:
        data = rule_data(recipe, language, fields, taken_names=[r.name for r in workspace.rules.all()])
        starter = template_data(recipe, language)
        assert data["action"]["template"] == starter["name"]
        if templates.get(starter["name"]) is None:
            templates.create(starter["name"], starter["channel"], subject=starter["subject"], html=starter["html"],
                             text=starter["text"], now=now)
        rule = workspace.rules.save(data, now)  # the engine's whole validation, SQL limits included
        assert not rule.enabled
        assert rule.schedule["quiet_hours"]["bands"] == ["21:00-09:00"]
        suggestion = suggested_resend(rule.conditions)
        if suggestion is not None:
            assert suggestion.policy == rule.resend["policy"], recipe.key
        saved.append(rule.name)
    exported = workspace.rules.export()
    assert exported["format"] == FILE_FORMAT and exported["version"] == FILE_VERSION
    jsonschema.validate(exported, SCHEMA)
    assert len(set(saved)) == len(RECIPES)
    changed = next(r for r in workspace.rules.all() if r.conditions["all"][0].get("behaviour") == "field_changed")
    assert changed.conditions["all"][0]["field"] == ("loyalty_tier" if loyalty else "email_status")


def test_a_recipe_name_already_used_gets_a_number(workspace, now) -> None:
    welcome = RECIPES[0]
    taken = ["Benvenuto", "benvenuto 2"]
    assert rule_data(welcome, "it", workspace.fields.all(), taken)["name"] == "Benvenuto 3"


def test_the_field_picked_for_field_changed(workspace, now) -> None:
    assert pick_field(workspace.fields.all()) == "email_status"
    workspace.fields.add_custom("city", "text", now, label="Città")
    assert pick_field(workspace.fields.all()) == "city"
    workspace.fields.add_custom("loyalty_points", "number", now, label="Punti fedeltà")
    assert pick_field(workspace.fields.all()) == "loyalty_points"


@pytest.mark.parametrize(("conditions", "policy", "code"), [
    ({"all": [{"field": "birthday", "op": "anniversary_today"}]}, "yearly", "resend.why.anniversary"),
    ({"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]}, "per_occurrence",
     "resend.why.cart_abandoned"),
    ({"all": [{"behaviour": "purchase_made"}, {"field": "language", "op": "eq", "value": "it"}]},
     "per_occurrence", "resend.why.purchase_made"),
    ({"all": [{"behaviour": "rss_new_item", "feed": "https://x.example/feed"}]}, "per_occurrence",
     "resend.why.rss_new_item"),
    ({"all": [{"behaviour": "field_changed", "field": "language", "hours": 24}]}, "per_occurrence",
     "resend.why.field_changed"),
    ({"all": [{"behaviour": "registered_ago", "amount": 0, "unit": "hours"}]}, "once", "resend.why.welcome"),
    ({"all": [{"field": "language", "op": "eq", "value": "it"}]}, None, None),
    # two occasions at the top: no single occurrence, so no per-occurrence suggestion
    ({"all": [{"behaviour": "purchase_made"}, {"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]},
     None, None),
])
def test_the_suggested_resend_policy(conditions, policy, code) -> None:
    suggestion = suggested_resend(conditions)
    if policy is None:
        assert suggestion is None
    else:
        assert suggestion is not None and (suggestion.policy, suggestion.why.code) == (policy, code)
