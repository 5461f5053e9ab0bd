"""Postino's entry point: the desktop app by default, the command line with a subcommand."""

from __future__ import annotations

import multiprocessing
import sys


def _gui(args) -> int:
    from ui.app import run_app

    return run_app(args.data_dir, background=getattr(args, "background", False))


def _self_test(args) -> int:
    from ui.self_test import run

    return run(args)


if __name__ == "__main__":
    # A frozen bundle re-runs this executable for the import's spawn workers.
    multiprocessing.freeze_support()
    from desktop.cli import main

    sys.exit(main(sys.argv[1:], gui=_gui, self_test=_self_test))
