"""A paragraph's remembered form stays two native-order bytes per word, as the
saved state and the index read it, whether the word's hash is cached or not."""

from __future__ import annotations

from array import array

from monitor.dedup import fingerprint
from monitor.dedup.fingerprint import word_hash, word_hashes
from monitor.text.normalize import normalize, tokens


def test_word_hashes_are_the_array_of_each_word_hash() -> None:
    text = normalize("أعلنت وزارة الدفاع الأذربيجانية، اليوم، مقتل 3 جنود و200 جريح في قره باغ")
    words = tokens(text)
    expected = array("H", [word_hash(w) for w in words]).tobytes()
    fingerprint._CACHE.clear()
    assert word_hashes(words) == expected  # computed
    assert word_hashes(words) == expected  # from the cache
    assert word_hashes([]) == b""
    assert len(word_hashes(words)) == 2 * len(words)
