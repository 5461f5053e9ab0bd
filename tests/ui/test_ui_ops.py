from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import InputError
from ui.ops import CollectionOp, OpCancelled, OpChanges, OpRunner, QueryOp


def test_synchronous_mode_runs_inline_and_announces_changes_once(qtbot, workspace, now) -> None:
    runner = OpRunner.synchronous(workspace)
    notices: list[tuple[OpChanges, object]] = []
    runner.changed.connect(lambda changes, initiator: notices.append((changes, initiator)))
    results: list[int] = []
    CollectionOp(runner, lambda c: c.ws.groups.create("VIP", now), OpChanges(groups=True),
                 initiator="test").success(results.append).run_in_background()
    assert results == [workspace.groups.find("VIP")]
    assert notices == [(OpChanges(groups=True), "test")]
    QueryOp(runner, lambda c: c.ws.groups.list()).success(lambda groups: results.append(len(groups))).run_in_background()
    assert results[-1] == 1 and len(notices) == 1  # a read announces nothing


def test_failures_go_to_the_callers_handler_or_the_default_box(qtbot, workspace, now) -> None:
    runner = OpRunner.synchronous(workspace)
    notices: list[OpChanges] = []
    runner.changed.connect(lambda changes, _i: notices.append(changes))
    workspace.groups.create("VIP", now)
    caught: list[BaseException] = []
    CollectionOp(runner, lambda c: c.ws.groups.create("vip", now), OpChanges(groups=True)) \
        .failure(caught.append).run_in_background()
    assert isinstance(caught[0], InputError) and "already exists" in str(caught[0])
    assert notices == []  # nothing changed, nothing announced
    parent = QWidget()
    qtbot.addWidget(parent)
    CollectionOp(runner, lambda c: c.ws.groups.create("", now), OpChanges(groups=True), parent=parent) \
        .run_in_background()
    box = parent.findChild(QMessageBox, "op_error_box")
    assert box is not None and "a group needs a name" in box.text()


def test_threaded_mode_keeps_the_event_loop_turning_and_answers_on_the_ui_thread(qtbot, workspace) -> None:
    """The job waits until the UI thread's timer has ticked five times: a blocked UI would deadlock."""
    runner = OpRunner(workspace.data_dir)
    ticks: list[int] = []
    ticked = threading.Event()
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: (ticks.append(1), len(ticks) >= 5 and ticked.set()))
    seen: dict[str, object] = {}

    def job(c):
        seen["worker"] = threading.current_thread()
        seen["ws_is_ui_ws"] = c.ws is workspace
        if not ticked.wait(10):
            raise RuntimeError("the UI event loop did not turn while the job ran")
        return c.ws.contacts.count()

    def done(count: int) -> None:
        seen["callback"] = threading.current_thread()
        seen["count"] = count

    try:
        timer.start()
        QueryOp(runner, job).success(done).run_in_background()
        assert runner.busy
        qtbot.waitUntil(lambda: "count" in seen, timeout=10000)
    finally:
        timer.stop()
        runner.shutdown()
    assert len(ticks) >= 5
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert seen["ws_is_ui_ws"] is False  # the worker owns its own connection
    assert seen["count"] == 0 and not runner.busy


def test_threaded_progress_and_cancel(qtbot, workspace) -> None:
    runner = OpRunner(workspace.data_dir)
    progress: list[int] = []
    outcome: list[str] = []
    started = threading.Event()

    def long_job(c):
        for step in range(1_000_000):
            started.set()
            c.progress(step, 1_000_000)
            c.check()
            threading.Event().wait(0.001)
        return "finished"

    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        job = (QueryOp(runner, long_job, parent=parent).with_progress("Working")
               .progress_to(lambda done, total, label: progress.append(done))
               .success(lambda r: outcome.append(r)).cancelled(lambda: outcome.append("cancelled"))
               .run_in_background())
        qtbot.waitUntil(lambda: len(progress) >= 2, timeout=10000)
        job.cancel()
        qtbot.waitUntil(lambda: bool(outcome), timeout=10000)
    finally:
        runner.shutdown()
    assert outcome == ["cancelled"]
    assert isinstance(job.error, OpCancelled)
    assert progress == sorted(progress) and progress[-1] < 1_000_000


def test_a_closed_caller_is_not_called_back_but_the_change_is_announced(qtbot, workspace, now) -> None:
    import shiboken6

    runner = OpRunner(workspace.data_dir)
    release = threading.Event()
    notices: list[OpChanges] = []
    runner.changed.connect(lambda changes, _i: notices.append(changes))
    called: list[int] = []
    parent = QWidget()

    def job(c):
        release.wait(10)
        return c.ws.groups.create("Late", now)

    try:
        CollectionOp(runner, job, OpChanges(groups=True), parent=parent).success(called.append).run_in_background()
        shiboken6.delete(parent)
        release.set()
        qtbot.waitUntil(lambda: bool(notices), timeout=10000)
    finally:
        runner.shutdown()
    assert called == [] and notices == [OpChanges(groups=True)]
    assert workspace.groups.find("Late") is not None
