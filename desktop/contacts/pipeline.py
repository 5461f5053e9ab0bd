"""Parsed rows in file order, from worker processes for big files or inline for small ones.

At most a few chunks are in flight at once, so memory stays flat however big the file is;
the database is only ever touched by the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Iterator

from desktop.contacts.reader import Row
from desktop.contacts.row_parse import ParsedRow, RowParser, worker_init, worker_parse

CHUNK_ROWS = 2000
PARALLEL_MIN_BYTES = 2_000_000  # below this (about 15,000 rows) starting workers costs more than it saves


def _chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def workers_for(file_bytes: int) -> int:
    """How many parsing processes an import of a file this big should use (0 = inline)."""
    if os.environ.get("POSTINO_IMPORT_WORKERS"):
        return max(0, int(os.environ["POSTINO_IMPORT_WORKERS"]))
    if file_bytes < PARALLEL_MIN_BYTES:
        return 0
    return max(1, min(2, os.cpu_count() or 1))


def parsed(rows: Iterator[Row], parser: RowParser, workers: int) -> Iterator[ParsedRow]:
    if workers <= 0:
        for row in rows:
            yield parser.parse(row)
        return
    # "spawn" never forks a process that holds SQLite handles or Qt threads.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_init,
                               initargs=(parser.plan, parser.ctx, parser.key_header))
    window: deque[Future[list[ParsedRow]]] = deque()
    try:
        for chunk in _chunks(rows, CHUNK_ROWS):
            window.append(pool.submit(worker_parse, chunk))
            if len(window) > workers * 2:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    except BrokenProcessPool as exc:  # pragma: no cover - a worker killed from outside
        raise RuntimeError(f"a parsing worker process stopped unexpectedly ({exc})") from None
    finally:
        for future in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
