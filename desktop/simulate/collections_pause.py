"""Fewer garbage collections while a simulation runs.

A 30-day simulation over 100,000 contacts keeps hundreds of thousands of small objects alive
(the planned sends, the explainer's contacts, the ledger page caches) and allocates millions
more. CPython's cyclic collector starts a full collection each time the long-lived heap has
grown by a quarter, and each one walks everything alive: measured on bench/simulate.py at
100k contacts and 8 days, 18 full collections that freed nothing cost 10–14 % of the run.
The simulation's data are plain rows, tuples and dicts without reference cycles, so raising
the thresholds for its duration costs memory only for garbage that would have been freed
later anyway; the thresholds are restored when the last running simulation ends (the
window runs simulations on a worker thread, possibly two at once).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from typing import Iterator

# Young collections every 50,000 allocations instead of 700; a full one only after 100
# middle-aged ones: during a simulation a handful at most.
SIMULATION_THRESHOLDS = (50_000, 20, 100)

_lock = threading.Lock()
_running = 0
_saved: tuple[int, int, int] | None = None


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    global _running, _saved
    with _lock:
        if _running == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*SIMULATION_THRESHOLDS)
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
