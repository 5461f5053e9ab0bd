""""No rules yet" shows only when the workspace really has no rules: with the app's threaded
runner the page's words were set before its rule list arrived, and stayed (7 rules listed
under "No rules yet")."""

from __future__ import annotations

from desktop.templates import Templates
from ui.ops import OpRunner
from ui.simulation.page import SimulationPage

NO_RULES = "No rules yet: create one in “Automatic sends”."


def rule(name: str, enabled: bool) -> dict:
    return {"name": name, "enabled": enabled, "action": {"type": "send_email", "template": "Ciao"},
            "conditions": {"all": [{"field": "first_name", "op": "eq", "value": "Ugo"}]},
            "schedule": {"check": {"times": ["10:00"]}}}


def open_page(qtbot, runner: OpRunner) -> SimulationPage:
    page = SimulationPage(runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._loaded, timeout=10000)
    return page


def test_rules_loaded_in_the_background_clear_the_empty_words(qtbot, workspace, now) -> None:
    Templates(workspace.db).create("Ciao", "email", subject="Ciao", html="<p>Ciao</p>", now=now)
    workspace.rules.save(rule("Accesa", True), now)
    workspace.rules.save(rule("Spenta", False), now)  # a disabled rule counts as a rule too
    runner = OpRunner(workspace.data_dir)
    try:
        page = open_page(qtbot, runner)
        assert page.rules.count() == 2
        assert page.status.text() != NO_RULES
        assert page.run_button.isEnabled()
    finally:
        runner.shutdown()


def test_an_empty_workspace_says_so(qtbot, workspace) -> None:
    runner = OpRunner(workspace.data_dir)
    try:
        page = open_page(qtbot, runner)
        assert page.rules.count() == 0 and page.status.text() == NO_RULES
    finally:
        runner.shutdown()
