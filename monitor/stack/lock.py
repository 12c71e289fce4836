"""One `up`/`down` at a time per state dir, across processes.

Several engineers and test sessions share one stack: two concurrent `up`s would
otherwise both see "not running" and both start a broker on the same port.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from monitor.stack.layout import StackPaths
from monitor.stack.process import note

_guard = threading.RLock()
# Per lock file: (open handle, nesting depth). Re-entrant, because `up` holds the
# lock while calling `start_kafka`, which takes it too.
_held: dict[str, tuple[IO[bytes], int]] = {}


@contextmanager
def stack_lock(paths: StackPaths) -> Iterator[None]:
    key = str(paths.lock)
    with _guard:
        if key in _held:
            fh, depth = _held[key]
            _held[key] = (fh, depth + 1)
        else:
            paths.state_dir.mkdir(parents=True, exist_ok=True)
            fh = open(paths.lock, "ab")  # held open until the outermost exit
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                note(f"waiting for another `monitor stack` command (lock {paths.lock})")
                fcntl.flock(fh, fcntl.LOCK_EX)
            _held[key] = (fh, 1)
        try:
            yield
        finally:
            fh, depth = _held[key]
            if depth == 1:
                del _held[key]
                fcntl.flock(fh, fcntl.LOCK_UN)
                fh.close()
            else:
                _held[key] = (fh, depth - 1)
