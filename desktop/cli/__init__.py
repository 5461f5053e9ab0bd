"""The command line: ``python main.py [--data-dir DIR] COMMAND ...``.

Each module in this package that defines ``register(subparsers)`` adds its commands; a
command's handler takes ``(args, workspace)`` and returns an exit code. Exit codes: 0 done,
2 bad usage or bad input (the message names file, line and field), 1 anything else.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sqlite3
import sys
import traceback
from typing import Callable, Sequence

from desktop import __version__
from desktop.errors import InputError, PostinoError
from desktop.messages import Msg, define
from desktop.store.health import WorkspaceReadOnly

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
CHECKED_COMMANDS = {"run-once", "dispatch", "service", "backup", "restore", "demo"}

define({"cli.self_test_needs_app": ("errore: --self-test richiede l'app desktop (python main.py --self-test)",
                                    "error: --self-test needs the desktop app (python main.py --self-test)")})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code is already 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="postino", description="Postino: automatic e-mail and SMS sends.")
    parser.add_argument("--version", action="version", version=f"Postino {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="workspace folder (default: POSTINO_DATA_DIR, else the user data folder)")
    parser.add_argument("--background", action="store_true",
                        help="the app only: start hidden in the system tray (what start at login uses)")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    # Its own dest: a subcommand's option of the same name (``rules list --language``) would
    # otherwise overwrite it with its default.
    parser.add_argument("--language", dest="global_language", choices=("it", "en"),
                        help="language of messages (default: the ui.language setting if set, else the system's)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a temporary workspace (demo, simulation, run-once, window) and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # In a PyInstaller bundle iter_modules only sees what the spec collected
    # (collect_submodules); finding nothing means a broken build, said plainly.
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    if not names:
        raise RuntimeError(f"no command modules found in {__name__}; a frozen build must collect its submodules")
    for name in names:
        module = importlib.import_module(f"{__name__}.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None,
         gui: Callable[[argparse.Namespace], int] | None = None,
         self_test: Callable[[argparse.Namespace], int] | None = None) -> int:
    """``gui`` and ``self_test`` come from ``main.py``: the engine never imports Qt itself."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from desktop.cli import words

    words.chosen = args.global_language
    try:
        return _run(args, parser, gui, self_test)
    finally:
        words.chosen = None


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser,
         gui: Callable[[argparse.Namespace], int] | None,
         self_test: Callable[[argparse.Namespace], int] | None) -> int:
    from desktop.cli import words
    from desktop.cli.words import error_line

    if args.self_test:
        if self_test is None:
            print(words.say(Msg("cli.self_test_needs_app")), file=sys.stderr)
            return EXIT_BAD_INPUT
        return self_test(args)
    if args.command is None:
        if gui is None:
            parser.print_help()
            return EXIT_BAD_INPUT
        return gui(args)
    from desktop.workspace import Workspace

    try:
        if getattr(args, "folder_only", False):  # e.g. restore: works on a damaged workspace
            from desktop.paths import resolve_data_dir

            return int(args.handler(args, resolve_data_dir(args.data_dir)) or EXIT_OK)
        # The integrity check reads the whole file: done before anything is sent (and by the
        # app and the engine), not for every command that lists or edits.
        with Workspace.open(args.data_dir, check=args.command in CHECKED_COMMANDS) as workspace:
            words.chosen = words.language(workspace)  # one language for the whole command
            try:
                return int(args.handler(args, workspace) or EXIT_OK)
            except sqlite3.OperationalError as exc:
                if workspace.read_only and "readonly" in str(exc).replace("-", "").replace(" ", ""):
                    raise WorkspaceReadOnly(workspace.data_dir) from None
                raise
    except InputError as exc:
        print(error_line(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except PostinoError as exc:
        print(error_line(exc), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: a clear line, the traceback only on request
        if args.debug or os.environ.get("POSTINO_DEBUG"):
            traceback.print_exc()
        print(words.say(Msg("cli.error", {"text": f"{type(exc).__name__}: {exc}"})), file=sys.stderr)
        return EXIT_FAILURE
