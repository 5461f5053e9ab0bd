"""Dates on the command line outside the years the engine can compute are usage errors."""

from __future__ import annotations

import contextlib
import io

import pytest

from desktop.cli import main


@pytest.mark.parametrize("args, option", [
    (["stats", "--until", "0001-01-05"], "--until"),
    (["stats", "--since", "9999-12-30"], "--since"),
    (["stats", "--since", "not a date"], "--since"),
    (["simulate", "--start", "9999-12-30T00:00"], "--start"),
    (["simulate", "--start", "0001-01-01"], "--start"),
    (["simulate", "--start", "9999-12-31T23:00+00:00", "--now"], "--start"),
])
def test_dates_out_of_range_are_usage_errors_naming_the_option(tmp_path, args, option) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--data-dir", str(tmp_path / "ws"), *args])
    assert code == 2, err.getvalue()
    assert f"error: {option}:" in err.getvalue() and "OverflowError" not in err.getvalue()


def test_the_edges_of_the_range_still_work(tmp_path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--data-dir", str(tmp_path / "ws"), "stats", "--since", "1900-01-01",
                     "--until", "1900-01-31", "--format", "json"]) == 0
    assert '"1900-01-31"' in out.getvalue()
