"""Postino's entry point: the desktop app by default, the command line with a subcommand."""

from __future__ import annotations

import sys


def _gui(args) -> int:
    from ui.app import run_app

    return run_app(args.data_dir, background=getattr(args, "background", False))


if __name__ == "__main__":
    from desktop.cli import main

    sys.exit(main(sys.argv[1:], gui=_gui))
