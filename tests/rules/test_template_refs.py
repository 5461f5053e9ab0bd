"""Renaming a template carries the rules that send it; a template rules send cannot change
channel. Found by renaming "Benvenuto" on the Templates page: the welcome rule kept naming
the old template and would have failed at every send."""

from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.messages import text
from desktop.templates import Templates


def _setup(ws, now) -> Templates:
    templates = Templates(ws.db)
    templates.create("Benvenuto", "email", subject="s", html="<p>x</p>", now=now)
    templates.create("Altro", "email", subject="s", html="<p>y</p>", now=now)
    for name, template in (("Welcome", "Benvenuto"), ("Welcome bis", "benvenuto"), ("Other", "Altro")):
        ws.rules.save({"name": name, "action": {"type": "send_email", "template": template},
                       "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    return templates


def test_a_renamed_template_is_renamed_in_its_rules(workspace, now) -> None:
    templates = _setup(workspace, now)
    templates.update("Benvenuto", now=now, name="Benvenuto 2026")
    actions = {r.name: r.action["template"] for r in workspace.rules.all()}
    assert actions == {"Welcome": "Benvenuto 2026", "Welcome bis": "Benvenuto 2026", "Other": "Altro"}
    templates.update("Benvenuto 2026", now=now, subject="Ciao!")  # no rename: rules untouched
    assert workspace.rules.find("Welcome").action["template"] == "Benvenuto 2026"


def test_a_template_rules_send_cannot_change_channel(workspace, now) -> None:
    templates = _setup(workspace, now)
    with pytest.raises(InputError) as raised:
        templates.update("Benvenuto", now=now, channel="sms", text="ciao")
    assert raised.value.msg.code == "template.channel_in_use" and raised.value.where == "channel"
    assert "Welcome, Welcome bis" in text(raised.value.msg, "it")
    assert templates.get("Benvenuto").channel == "email"
    templates.create("Libero", "email", subject="s", html="<p>z</p>", now=now)
    assert templates.update("Libero", now=now, channel="sms", text="ciao").channel == "sms"
