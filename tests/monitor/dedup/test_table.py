"""The compact multimap against a plain dict of sets, through growth and removal."""

from __future__ import annotations

import random

import pytest

from monitor.dedup.table import CompactMultimap


def _check_same(table: CompactMultimap, reference: dict[int, set[int]]) -> None:
    assert len(table) == sum(len(v) for v in reference.values())
    for key, values in reference.items():
        assert sorted(table.get(key)) == sorted(values)
    # The lookup of several keys at once (a paragraph's anchors) gives their union.
    keys = list(reference)
    for start in range(0, len(keys), 7):
        group = keys[start : start + 7]
        assert table.get_all(group) == set().union(*(reference[k] for k in group))
    assert table.get_all([]) == set()


@pytest.mark.parametrize("expected", [0, 50_000])
def test_random_adds_and_removes_match_a_dict(expected: int) -> None:
    rng = random.Random(expected)
    table = CompactMultimap(expected)
    reference: dict[int, set[int]] = {}
    pairs: list[tuple[int, int]] = []
    for step in range(20_000):
        if pairs and rng.random() < 0.45:
            key, value = pairs.pop(rng.randrange(len(pairs)))
            assert table.remove(key, value)
            reference[key].discard(value)
        else:
            # Few distinct keys among many make long probe runs, where backward-shift
            # deletion is easiest to get wrong; uniform keys also start runs near the
            # end of a shard, which wrap around to its start.
            key = rng.choice([rng.randrange(1, 2**32), rng.randrange(1, 40)])
            value = rng.randrange(2**32)
            if value not in reference.setdefault(key, set()):
                pairs.append((key, value))
            table.add(key, value)
            reference[key].add(value)
        if step % 5_000 == 0:
            _check_same(table, reference)
    _check_same(table, reference)


def test_a_pair_is_stored_once_and_absent_pairs_are_not_removed() -> None:
    table = CompactMultimap()
    table.add(7, 1)
    table.add(7, 1)
    table.add(7, 2)
    assert sorted(table.get(7)) == [1, 2]
    assert not table.remove(7, 3)
    assert not table.remove(8, 1)
    assert table.remove(7, 1)
    assert table.get(7) == [2]


def test_the_map_grows_and_shrinks_a_shard_at_a_time() -> None:
    table = CompactMultimap(expected=200_000)
    assert table.shard_count > 1
    small = table.nbytes()
    pairs = [(random.Random(n).randrange(1, 2**32), n) for n in range(100_000)]
    for key, value in pairs:
        table.add(key, value)
    full = table.nbytes()
    assert 8 * len(pairs) < full < 3 * 8 * len(pairs)  # 8 bytes a slot, at 35-70 % load
    for key, value in pairs:
        assert value in table.get(key)
    for key, value in pairs:
        assert table.remove(key, value)
    assert len(table) == 0
    assert table.nbytes() == small  # emptied shards went back to their smallest size
