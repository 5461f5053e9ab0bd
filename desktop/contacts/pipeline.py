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
from typing import Generator, Iterator

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
    window: deque[tuple[Future[list[ParsedRow]], list[Row]]] = deque()
    broken = False
    try:
        for chunk in _chunks(rows, CHUNK_ROWS):
            if broken:
                yield from parser.parse_many(chunk)
                continue
            window.append((pool.submit(worker_parse, chunk), chunk))
            while len(window) > workers * 2 or (window and window[0][0].done()):
                broken = yield from _drain_one(window, parser)
                if broken:
                    break
        while window:
            yield from _drain_one(window, parser)
    finally:
        for future, _ in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _drain_one(window: deque, parser: RowParser) -> Generator[ParsedRow, None, bool]:
    """Yield the oldest chunk's rows; if the workers died, parse it here and say so.

    Workers can fail to start (no importable ``__main__``, a locked-down machine): the
    import then simply carries on in this process, with the same results.
    """
    future, chunk = window.popleft()
    try:
        result = future.result()
    except BrokenProcessPool:
        yield from parser.parse_many(chunk)
        while window:
            yield from parser.parse_many(window.popleft()[1])
        return True
    yield from result
    return False
