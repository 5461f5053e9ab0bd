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
    # The main process is busy too (reading, matching, writing): one worker per spare core.
    # On 2 cores, 2 workers measured slower than 1 (three processes fighting for two cores).
    return max(1, min(3, (os.cpu_count() or 2) - 1))


def parsed(rows: Iterator[Row], parser: RowParser, workers: int) -> Iterator[ParsedRow]:
    """Parsed rows in file order.

    With workers, each chunk goes to a worker while they have fewer than two chunks each in
    hand; otherwise this process parses the chunk itself instead of waiting, so both sides
    stay busy whatever the balance between parsing and writing turns out to be.
    """
    if workers <= 0:
        for row in rows:
            yield parser.parse(row)
        return
    # "spawn" never forks a process that holds SQLite handles or Qt threads.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_init,
                               initargs=(parser.plan,))
    window: deque[_Slot] = deque()
    limit = workers * 2
    broken = False
    try:
        for chunk in _chunks(rows, CHUNK_ROWS):
            if broken:
                yield from parser.parse_many(chunk)
                continue
            if sum(1 for slot in window if slot[0] is not None) < limit:
                window.append((pool.submit(worker_parse, chunk), chunk, None))
            else:
                window.append((None, chunk, parser.parse_many(chunk)))
            while window and not broken and (_ready(window[0]) or len(window) > limit + 2):
                broken = yield from _drain_one(window, parser)
        while window:
            yield from _drain_one(window, parser)
    finally:
        for future, _, _ in window:
            if future is not None:
                future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


# (the worker's future, or None when parsed here; the chunk; the rows parsed here)
_Slot = tuple[Future[list[ParsedRow]] | None, list[Row], list[ParsedRow] | None]


def _ready(slot: _Slot) -> bool:
    return slot[0] is None or slot[0].done()


def _drain_one(window: deque[_Slot], parser: RowParser) -> Generator[ParsedRow, None, bool]:
    """Yield the oldest chunk's rows; if the workers died, parse here from now on and say so.

    Workers can fail to start (no importable ``__main__``, a locked-down machine): the
    import then simply carries on in this process, with the same results.
    """
    future, chunk, done = window.popleft()
    if future is None:
        yield from done or []
        return False
    try:
        result = future.result()
    except BrokenProcessPool:
        yield from parser.parse_many(chunk)
        while window:
            future, chunk, done = window.popleft()
            yield from parser.parse_many(chunk) if future is not None else (done or [])
        return True
    yield from result
    return False
