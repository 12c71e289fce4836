"""A compact multimap from 32-bit keys to 32-bit values that never pauses.

Open addressing with linear probing over `array('I')` buffers: 8 bytes a slot,
against roughly 100 bytes per entry in a Python dict of ints. Two choices keep
every operation short, however full the map:

- The map is split into shards by the keys' top bits, each its own table. A
  shard that fills up is rehashed on its own, so growing costs a rehash of one
  shard's few thousand entries, never of the whole map (the idea of linear
  hashing: grow a piece at a time).
- Entries are removed one by one with backward-shift deletion (Knuth's
  algorithm R), which leaves no tombstones behind: a map whose owner removes
  what it forgets holds only live entries, and never needs a cleaning rebuild.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

#: Entries per shard a map is sized for at its expected size: a rehash of this
#: many entries takes a few milliseconds in CPython.
_SHARD_ENTRIES = 4096
_MAX_SHARD_BITS = 16
_MIN_SHARD_CAPACITY = 8
#: Linear probing slows down sharply past about 70 % load; growing to half full
#: keeps the average load near 60 % (13 bytes an entry).
_GROW_LOAD = 0.7
_TARGET_LOAD = 0.5
_SHRINK_LOAD = 0.15


def _shard_bits(expected: int) -> int:
    bits = 0
    while bits < _MAX_SHARD_BITS and (expected >> bits) > _SHARD_ENTRIES:
        bits += 1
    return bits


class _Shard:
    __slots__ = ("cap", "grow_at", "keys", "shrink_at", "size", "values")

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.keys = array("I", bytes(4 * cap))
        self.values = array("I", bytes(4 * cap))
        self.size = 0
        self.grow_at, self.shrink_at = _thresholds(cap)


def _thresholds(cap: int) -> tuple[int, int]:
    """Sizes past which a shard of `cap` slots is rehashed (grown, shrunk)."""
    return int(_GROW_LOAD * cap), int(_SHRINK_LOAD * cap) if cap > _MIN_SHARD_CAPACITY else -1


class CompactMultimap:
    """Keys are non-zero ints below 2**32; values are ints below 2**32.

    `expected` is the number of entries the map is meant to hold at its
    fullest; it sets the number of shards (the map still grows past it).
    """

    __slots__ = ("_shards", "_shift")

    def __init__(self, expected: int = 0) -> None:
        bits = _shard_bits(expected)
        self._shift = 32 - bits
        self._shards = [_Shard(_MIN_SHARD_CAPACITY) for _ in range(1 << bits)]

    def __len__(self) -> int:
        return sum(s.size for s in self._shards)

    @property
    def shard_count(self) -> int:
        return len(self._shards)

    @property
    def capacity(self) -> int:
        return sum(s.cap for s in self._shards)

    def nbytes(self) -> int:
        """Memory held by the buffers."""
        return 8 * self.capacity

    def add(self, key: int, value: int) -> None:
        """Add (key, value); a pair already present is not added twice."""
        self.add_all((key,), value)

    def add_all(self, keys: Iterable[int], value: int) -> None:
        """Add (key, value) for each key (one call for a paragraph's anchors)."""
        shards, shift = self._shards, self._shift
        for key in keys:
            shard = shards[key >> shift]
            table, values, cap = shard.keys, shard.values, shard.cap
            i = key % cap
            while True:
                k = table[i]
                if k == 0:
                    table[i] = key
                    values[i] = value
                    shard.size += 1
                    if shard.size > shard.grow_at:
                        _resize(shard, int(shard.size / _TARGET_LOAD) + 1)
                    break
                if k == key and values[i] == value:
                    break
                i += 1
                if i == cap:
                    i = 0

    def get(self, key: int) -> list[int]:
        """Every value stored under `key`."""
        shard = self._shards[key >> self._shift]
        keys, values, cap = shard.keys, shard.values, shard.cap
        i = key % cap
        out: list[int] = []
        while True:
            k = keys[i]
            if k == 0:
                return out
            if k == key:
                out.append(values[i])
            i += 1
            if i == cap:
                i = 0

    def get_all(self, keys: Iterable[int]) -> set[int]:
        """Every value stored under any of `keys` (a paragraph's anchors: one call,
        not one per key, on the path every paragraph of every article takes)."""
        shards, shift = self._shards, self._shift
        out: set[int] = set()
        add = out.add
        for key in keys:
            shard = shards[key >> shift]
            table, cap = shard.keys, shard.cap
            i = key % cap
            k = table[i]
            while k:
                if k == key:
                    add(shard.values[i])
                i += 1
                if i == cap:
                    i = 0
                k = table[i]
        return out

    def remove(self, key: int, value: int) -> bool:
        """Remove (key, value); returns whether it was there."""
        return self.remove_all((key,), value) == 1

    def remove_all(self, keys: Iterable[int], value: int) -> int:
        """Remove (key, value) for each key; returns how many were there."""
        shards, shift = self._shards, self._shift
        removed = 0
        for key in keys:
            shard = shards[key >> shift]
            table, values, cap = shard.keys, shard.values, shard.cap
            i = key % cap
            while True:
                k = table[i]
                if k == 0:
                    break
                if k == key and values[i] == value:
                    break
                i += 1
                if i == cap:
                    i = 0
            if k == 0:
                continue
            # Backward shift: move later entries of the run into the hole when the
            # hole lies on their probe path (their home is not in (hole, here]).
            j = i
            while True:
                j += 1
                if j == cap:
                    j = 0
                k = table[j]
                if k == 0:
                    break
                home = k % cap
                if (home <= i or home > j) if i < j else (j < home <= i):
                    table[i] = k
                    values[i] = values[j]
                    i = j
            table[i] = 0
            values[i] = 0
            shard.size -= 1
            removed += 1
            if shard.size < shard.shrink_at:
                _resize(shard, int(shard.size / _TARGET_LOAD) + 1)
        return removed


def _resize(shard: _Shard, cap: int) -> None:
    """Rehash one shard into `cap` slots (the only rehash there is)."""
    cap = max(cap, _MIN_SHARD_CAPACITY)
    old_keys, old_values = shard.keys, shard.values
    keys = array("I", bytes(4 * cap))
    values = array("I", bytes(4 * cap))
    size = 0
    for key, value in zip(old_keys, old_values, strict=True):
        if key:
            size += 1
            i = key % cap
            while keys[i]:
                i += 1
                if i == cap:
                    i = 0
            keys[i] = key
            values[i] = value
    shard.keys, shard.values, shard.cap, shard.size = keys, values, cap, size
    shard.grow_at, shard.shrink_at = _thresholds(cap)
