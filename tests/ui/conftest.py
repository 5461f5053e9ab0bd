"""Qt UI fixtures: a synchronous op runner on the test's workspace, bulk contacts, English texts."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.workspace import Workspace
from ui.ops import OpRunner
from ui.resources import LANGUAGE
from ui.wheel_guard import install as install_wheel_guard


@pytest.fixture(autouse=True)
def english(qapp):
    """Every UI test starts (and leaves the app) in English, whatever the previous test chose;
    the app's wheel guard is installed as ``make_application`` does."""
    install_wheel_guard(qapp)
    LANGUAGE.switch("en")
    yield
    LANGUAGE.switch("en")


@pytest.fixture
def runner(workspace: Workspace) -> OpRunner:
    return OpRunner.synchronous(workspace)


def bulk_contacts(ws: Workspace, count: int, now: datetime) -> None:
    """Plain SQL, for speed: ``c<i>@example.com``, ``Name<i>``, phone ``+39333<7 digits>``."""
    stamp = now.strftime("%Y-%m-%d %H:%M:%S")
    with ws.transaction():
        ws.db.conn.executemany(
            "INSERT INTO contacts(email, phone, first_name, last_name, registered_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((f"c{i}@example.com", f"+39333{i:07d}", f"Name{i}", f"Surname{i}", stamp, stamp)
             for i in range(count)))


@pytest.fixture
def many_contacts(workspace: Workspace, now: datetime) -> int:
    bulk_contacts(workspace, 5000, now)
    return 5000

