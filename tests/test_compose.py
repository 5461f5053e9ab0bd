"""What a composed e-mail carries with and without MIME (the simulator composes without)."""

from __future__ import annotations

from datetime import datetime, timezone

from desktop.delivery.compose import Composer
from desktop.delivery.outbox import DueRow
from desktop.templates import Templates

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def test_the_unsubscribe_link_is_signed_whenever_a_shown_text_carries_it(workspace) -> None:
    templates = Templates(workspace.db)
    templates.create("Html", "email", subject="Ciao {{ first_name }}", html="<p>Ciao</p>", now=NOW)
    templates.create("Both", "email", subject="Ciao", html="<p>Ciao</p>", text="Ciao {{ first_name }}", now=NOW)
    contact_id = workspace.contacts.create({"email": "anna@ex.it", "first_name": "Anna"}, NOW)
    contact = workspace.contacts.get(contact_id)
    row = DueRow(1, 1, contact_id, "once", "email", "planned", "2026-03-02 09:30:00", None, 0, {})
    workspace.settings.set("smtp.sender_email", "shop@example.com", NOW)
    composer = Composer(workspace)
    sent = composer.compose(row, contact, templates.get("Html"), NOW, mime=True)
    assert "mailto:shop@example.com?subject=unsubscribe%20" in sent.text and b"List-Unsubscribe" in sent.data
    simulated = composer.compose(row, contact, templates.get("Html"), NOW, mime=False)
    assert (simulated.subject, simulated.text, simulated.data) == ("Ciao Anna", "", b"")
    both = composer.compose(row, contact, templates.get("Both"), NOW, mime=False)
    assert both.text.startswith("Ciao Anna") and "?subject=unsubscribe%20" in both.text
