"""A compact multimap from 32-bit keys to 32-bit values.

Open addressing with linear probing over two `array('I')` buffers: 8 bytes a
slot, against roughly 100 bytes per entry in a Python dict of ints, which is
what keeps the dedup state under its per-paragraph memory budget. Entries are
never deleted one by one; the owner rebuilds the table from its live entries
when it fills up (stale entries are harmless meanwhile: candidates are always
verified).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

_MIN_CAPACITY = 1 << 16  # 512 KiB: skips the early rebuilds of a growing table


def _capacity_for(entries: int) -> int:
    cap = _MIN_CAPACITY
    while cap < entries * 2:
        cap *= 2
    return cap


class CompactMultimap:
    """Keys are non-zero ints below 2**32; values are ints below 2**32."""

    __slots__ = ("_keys", "_mask", "_size", "_values")

    def __init__(self, expected: int = 0) -> None:
        cap = _capacity_for(expected)
        self._keys = array("I", bytes(4 * cap))
        self._values = array("I", bytes(4 * cap))
        self._mask = cap - 1
        self._size = 0

    def __len__(self) -> int:
        return self._size

    @property
    def capacity(self) -> int:
        return self._mask + 1

    @property
    def load(self) -> float:
        return self._size / self.capacity

    def nbytes(self) -> int:
        """Memory held by the two buffers."""
        return (self._keys.buffer_info()[1] + self._values.buffer_info()[1]) * 4

    def add(self, key: int, value: int) -> None:
        """Add (key, value); a pair already present is not added twice."""
        keys, values, mask = self._keys, self._values, self._mask
        i = key & mask  # keys are CRCs: their low bits are already uniform
        while True:
            k = keys[i]
            if k == 0:
                keys[i] = key
                values[i] = value
                self._size += 1
                return
            if k == key and values[i] == value:
                return
            i = (i + 1) & mask

    def get(self, key: int) -> list[int]:
        """Every value stored under `key`."""
        keys, values, mask = self._keys, self._values, self._mask
        i = key & mask
        out: list[int] = []
        while True:
            k = keys[i]
            if k == 0:
                return out
            if k == key:
                out.append(values[i])
            i = (i + 1) & mask

    def needs_rebuild(self) -> bool:
        """Linear probing slows down sharply past about 70 % load."""
        return self._size > 0.7 * self.capacity

    @classmethod
    def build(cls, pairs: Iterable[tuple[int, int]], expected: int) -> CompactMultimap:
        table = cls(expected)
        for key, value in pairs:
            table.add(key, value)
        return table
