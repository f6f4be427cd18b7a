"""Values every request needs and that seldom change, kept for a few seconds in each process.

Each web worker keeps its own copy, so a change made in one process reaches the others within
``seconds``; the process that makes the change forgets its copy at once (``forget``). Sites,
their origins and the adopted policy are read this way: a comment must not cost a query for
each of them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
_all: list[Memo] = []


class Memo(Generic[T]):
    def __init__(self, seconds: float):
        self.seconds = seconds
        self._values: dict[Hashable, tuple[float, T]] = {}
        self._lock = threading.Lock()
        _all.append(self)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        now = time.monotonic()
        found = self._values.get(key)
        if found is not None and found[0] > now:
            return found[1]
        value = compute()
        with self._lock:
            self._values[key] = (now + self.seconds, value)
        return value

    def forget(self, key: Hashable | None = None) -> None:
        with self._lock:
            if key is None:
                self._values.clear()
            else:
                self._values.pop(key, None)


def forget_all() -> None:
    """Every memo of this process (tests; a change whose reach is not worth tracking)."""
    for memo in _all:
        memo.forget()
