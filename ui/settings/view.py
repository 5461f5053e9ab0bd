"""The Settings section: a list of pages, one Save for all of them, errors where they belong."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)

from desktop import secrets
from desktop.errors import InputError
from ui.ops import CollectionOp, OpChanges, OpContext, OpRunner, QueryOp
from ui.resources import LANGUAGE, icon
from ui.settings.base import SettingsPage
from ui.settings.pages import PAGES, SecretPage
from ui.widgets import PAGE_MARGINS, Heading, show_field_error
from ui.words import error_text, say


def load_settings(c: OpContext) -> tuple[dict[str, Any], dict[str, bool | None]]:
    """The stored values, and whether each account's secret is stored (never the secret)."""
    stored: dict[str, bool | None] = {}
    for kind in secrets.ACCOUNTS:
        try:
            stored[kind] = secrets.get_secret(c.ws, kind) is not None
        except secrets.KeyringUnavailable:
            stored[kind] = None
    return c.ws.settings.all(), stored


def save_settings(c: OpContext, values: dict[str, Any], new_secrets: dict[str, str],
                  now: datetime) -> dict[str, str]:
    """Settings in one transaction, then secrets to the keyring; returns ``{kind: problem}``.

    The settings go first because a secret is filed under the account's user name.
    """
    with c.ws.transaction():
        for key, value in values.items():
            c.ws.settings.set(key, value, now)
    problems: dict[str, str] = {}
    for kind, secret in new_secrets.items():
        try:
            secrets.set_secret(c.ws, kind, secret)
        except (secrets.KeyringUnavailable, InputError) as exc:
            problems[kind] = exc.msg.encode() if exc.msg is not None else str(exc)
    return problems


def run_test(c: OpContext, kind: str, to: str, now: datetime, options: dict[str, Any],
             values: dict[str, Any] | None = None, secret: str | None = None,
             language: str = "en") -> tuple[bool, str]:
    """One test message through the account as the page shows it (``values``, a typed
    ``secret``), with the server's exact answer and what to check, in ``language``."""
    from desktop.delivery.testsend import send_test

    from desktop.messages import text

    try:
        result = send_test(c.ws, kind, to, now, values=values, secret=secret or None, **options)
    except (secrets.KeyringUnavailable, InputError) as exc:
        return False, text(exc.msg, language) if exc.msg is not None else str(exc)
    # A set-up mistake comes with a coded hint, shown in the user's language.
    return result.ok, text(result.msg, language) if result.msg is not None else result.answer


class SettingsView(QWidget):
    # Test hooks: keyring backend, TLS context, Twilio address — never set by the app itself.
    test_options: dict[str, Any] = {}

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        self.runner = runner
        self.loaded: dict[str, Any] = {}
        self.heading = Heading()
        self.page_list = QListWidget()
        self.page_list.setObjectName("settings_pages")
        self.page_list.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: list[SettingsPage] = []
        for page_class in PAGES:
            page = page_class()
            self.pages.append(page)
            if isinstance(page, SecretPage):
                page.test_requested.connect(self.send_test)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.page_list.addItem(page.title())
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setObjectName("save_settings")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("settings_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.refresh()

    def send_test(self, kind: str, to: str) -> None:
        """Test the account as the page shows it now, saved or not (nothing is saved)."""
        page = next(p for p in self.pages if isinstance(p, SecretPage) and p.KIND == kind)
        values = page.save()
        if values is None:
            page.show_test_result(False, self.tr("correct the fields marked in red first."))
            return
        secret, language = page.secret_text(), LANGUAGE.code
        now = datetime.now(timezone.utc)
        QueryOp(self.runner, lambda c: run_test(c, kind, to, now, self.test_options, values, secret, language),
                parent=self) \
            .success(lambda r: page.show_test_result(*r)) \
            .failure(lambda exc: page.show_test_result(False, error_text(exc))) \
            .run_in_background()

    def page(self, name: str) -> SettingsPage:
        return next(p for p in self.pages if p.NAME == name)

    def _say_status(self, key: str, exc: BaseException | None = None) -> None:
        """The footer's note, kept as what it says (not its words) so a language switch —
        often the very change just saved — re-says it in the new language."""
        self._status = (key, exc)
        self._status_text()

    def _status_text(self) -> None:
        key, exc = getattr(self, "_status", ("", None))
        words = {"invalid": self.tr("Nothing was saved: correct the fields marked in red."),
                 "saved_but_secret": self.tr("Settings saved, but a secret could not be stored (see the red note)."),
                 "saved": self.tr("Settings saved."),
                 "failed": self.tr("Nothing was saved: %1").replace("%1", error_text(exc) if exc else "")}
        self.status.setText(words.get(key, ""))

    def retranslate_ui(self) -> None:
        self._status_text()
        self.heading.setText(self.tr("Settings"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the settings of every page (Ctrl+S)"))
        for row, page in enumerate(self.pages):
            self.page_list.item(row).setText(page.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        QueryOp(self.runner, load_settings, parent=self).success(lambda r: self._loaded(*r)).run_in_background()

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.settings and initiator is not self:
            self.refresh()

    def _loaded(self, values: dict[str, Any], stored: dict[str, bool | None]) -> None:
        self.loaded = values
        for page in self.pages:
            page.load(values)
            if isinstance(page, SecretPage):
                page.set_stored(stored.get(page.KIND))
        self.save_button.setEnabled(True)

    def save_current(self) -> None:
        self.save()

    def save(self) -> bool:
        """Check every page; nothing is written unless every value is acceptable."""
        values: dict[str, Any] = {}
        first_bad: int | None = None
        for row, page in enumerate(self.pages):
            page_values = page.save()
            if page_values is None:
                first_bad = row if first_bad is None else first_bad
                continue
            values.update(page_values)
        if first_bad is not None:
            self.page_list.setCurrentRow(first_bad)
            self._say_status("invalid")
            return False
        changed = {k: v for k, v in values.items() if self.loaded.get(k) != v}
        new_secrets = {p.KIND: p.secret_text() for p in self.pages
                       if isinstance(p, SecretPage) and p.secret_text()}
        now = datetime.now(timezone.utc)
        self.save_button.setEnabled(False)
        (CollectionOp(self.runner, lambda c: save_settings(c, changed, new_secrets, now),
                      OpChanges(settings=True), parent=self, initiator=self)
         .success(lambda problems: self._saved(values, new_secrets, problems))
         .failure(self._failed).run_in_background())
        return True

    def _saved(self, values: dict[str, Any], new_secrets: dict[str, str], problems: dict[str, str]) -> None:
        self.save_button.setEnabled(True)
        self.loaded.update(values)
        for page in self.pages:
            if isinstance(page, SecretPage):
                show_field_error(page.secret_error, problems.get(page.KIND) and say(problems[page.KIND]))
                if page.KIND in new_secrets and page.KIND not in problems:
                    page.secret.clear()
                    page.set_stored(True)
        if problems:
            self._say_status("saved_but_secret")
        else:
            self._say_status("saved")

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._say_status("failed", exc)
