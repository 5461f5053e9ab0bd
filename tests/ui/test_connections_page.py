"""The Connections page with real widgets, a synchronous op runner, a real feed server and an
encrypted file keyring: add through the dialog, check now, test, errors in plain words,
pause, remove."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.connectors.keys import SERVICE, user_name
from desktop.connectors.store import Connections
from tests.helpers.feeds import FeedSite, Post, rss
from tests.helpers.http_server import LocalServer
from tests.helpers.woo_server import KEY, SECRET, WooStore, orders_over
from ui.connections.page import ConnectionsPage
from ui.resources import LANGUAGE


def cell(page, row, column):
    return page.table.item(row, column).text()


def add(page, qtbot, kind, **fields):
    page.new_item()
    dialog = page.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    for key, value in fields.items():
        edit = dialog.edits.get(key) or dialog.edits[key + "*"]
        edit.setText(value)
    dialog.submit()
    return dialog


def test_add_check_pause_and_remove_a_feed(qtbot, runner, workspace, now):
    blog = FeedSite(body=rss([Post("Uno", "https://blog.example.it/1", guid="1")]))
    with LocalServer(blog) as server:
        page = ConnectionsPage(runner)
        qtbot.addWidget(page)
        page.show()
        assert page.stack.currentWidget() is page.empty
        dialog = add(page, qtbot, "rss", name="Blog", url="http://blog.example.it/feed")
        assert dialog.error.isVisible() and "https" in dialog.error.text()     # refused, form stays
        dialog.edits["url"].setText(server.url + "/feed.xml")
        dialog.submit()
        assert page.table.rowCount() == 1 and page.selected_name() == "Blog"
        assert cell(page, 0, 1) == "Feed" and cell(page, 0, 2) == "On, every 30 min" and cell(page, 0, 3) == "never"
        page.poll_selected()
        assert "posts already there, marked as seen: 1" in cell(page, 0, 5)  # no "1 existing posts"
        blog.body = rss([Post("Uno", "https://blog.example.it/1", guid="1"),
                         Post("Due", "https://blog.example.it/2", guid="2")])
        page.poll_selected()
        assert cell(page, 0, 4) == "new posts: 1" and page.message.text() == "“Blog” — new posts: 1"
        page.test_selected()
        assert "answers" in page.message.text()
        server.stop()
        page.poll_selected()
        assert "cannot be reached" in cell(page, 0, 5) and "failed" in page.message.text()
        LANGUAGE.switch("it")
        qtbot.waitUntil(lambda: "non risponde" in cell(page, 0, 5))
        LANGUAGE.switch("en")
        page.toggle_selected()
        assert cell(page, 0, 2) == "Paused" and page.buttons["pause"].text() == "Resume"
        assert not Connections(workspace.db).require("Blog").enabled
        page.remove_selected()
        box = page.findChild(QMessageBox, "confirm_box")
        box.button(QMessageBox.StandardButton.Yes).click()
        assert page.table.rowCount() == 0 and Connections(workspace.db).get("Blog") is None


def test_woocommerce_secrets_go_to_the_keyring_and_carts_are_explained(qtbot, runner, workspace, encrypted, now):
    from datetime import datetime, timedelta, timezone

    # The page polls at the real time: orders of yesterday.
    shop = WooStore(orders=orders_over(3, datetime.now(timezone.utc) - timedelta(days=1)))
    with LocalServer(shop) as server:
        page = ConnectionsPage(runner)
        qtbot.addWidget(page)
        page.show()
        add(page, qtbot, "woocommerce", name="Negozio", url=server.url, key=KEY, secret=SECRET)
        assert encrypted.get_password(SERVICE, user_name("Negozio", "key")) == KEY
        assert "no abandoned carts" in page.message.text()
        assert KEY not in Connections(workspace.db).require("Negozio").config.values()
        page.poll_selected()
        assert "purchases" in cell(page, 0, 4) and "new contacts" in cell(page, 0, 4)


def test_a_refused_field_is_named_by_its_label(qtbot, runner, workspace, now):
    """The dialog said "url: 'blog.bottega' non è un indirizzo web": the field's key, not its label."""
    LANGUAGE.switch("it")
    page = ConnectionsPage(runner)
    qtbot.addWidget(page)
    page.show()
    dialog = add(page, qtbot, "rss", name="Blog", url="blog.bottega")
    text = dialog.error.text()
    assert text.startswith("Indirizzo (https://…): ") and "url:" not in text and "blog.bottega" in text
