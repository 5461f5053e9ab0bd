"""The contacts search finds text anywhere in a name or an e-mail ("esempio" found nothing in
mario@esempio.it); a typed address or phone number is still an index range from its start."""

from __future__ import annotations

from ui.contacts.page import ContactsPage

PEOPLE = [("Mario", "Rossi", "mario@esempio.it", "+393471234567"),
          ("Anna", "Bianchi", "anna@altro.it", "+393339876543"),
          ("Luca", "Verdi", "luca.esempio@posta.it", None)]


def found(page: ContactsPage, text: str) -> set[str]:
    page.search.setText(text)
    page.apply_search()
    model = page.model
    column = [f.name for f in model.fields].index("email")
    return {model.data(model.index(r, column)) for r in range(model.rowCount())}


def test_search_matches_anywhere_in_names_and_addresses(qtbot, runner, workspace, now) -> None:
    for first, last, email, phone in PEOPLE:
        workspace.contacts.create({"first_name": first, "last_name": last, "email": email, "phone": phone}, now)
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    assert found(page, "esempio") == {"mario@esempio.it", "luca.esempio@posta.it"}
    assert found(page, "ESEMPIO.IT") == {"mario@esempio.it"}
    assert found(page, "@altro") == {"anna@altro.it"}
    assert found(page, "ossi") == {"mario@esempio.it"}           # inside a surname
    assert found(page, "mario rossi") == {"mario@esempio.it"}    # the whole name
    assert found(page, "anna@") == {"anna@altro.it"}             # an address typed from its start
    assert found(page, "347 123") == {"mario@esempio.it"}        # a national phone number
    assert found(page, "50%_") == set()                          # LIKE's wildcards are plain text
