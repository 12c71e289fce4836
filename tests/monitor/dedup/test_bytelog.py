"""The chunked log the dedup index keeps its word hashes in."""

from __future__ import annotations

import pytest

from monitor.dedup.bytelog import ByteLog


def test_strings_read_back_across_chunk_boundaries() -> None:
    log = ByteLog(chunk_size=16)
    strings = [bytes([n]) * (n % 7 + 1) for n in range(100)]
    positions = [log.append(s) for s in strings]
    assert all(log.get(p, len(s)) == s for p, s in zip(positions, strings, strict=True))
    # A string never straddles two chunks.
    assert all(p // 16 == (p + len(s) - 1) // 16 for p, s in zip(positions, strings, strict=True))


def test_forgotten_chunks_are_freed_and_the_rest_still_reads() -> None:
    log = ByteLog(chunk_size=16)
    positions = [log.append(bytes([n]) * 8) for n in range(40)]  # two a chunk
    assert log.nbytes() == 20 * 16
    log.release_before(positions[30])
    assert log.nbytes() == 5 * 16
    assert [log.get(p, 8) for p in positions[30:]] == [bytes([n]) * 8 for n in range(30, 40)]
    log.release_before(log.end)
    assert log.nbytes() <= 16
    assert log.get(log.append(b"after"), 5) == b"after"


def test_a_string_longer_than_a_chunk_is_refused() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        ByteLog(chunk_size=16).append(b"x" * 17)
