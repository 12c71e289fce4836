"""Compact, stable fingerprints of paragraphs.

A paragraph is remembered as the sequence of 16-bit hashes of its normalized
words (two bytes a word). That is small (a 30-word paragraph costs 60 bytes)
and precise enough to verify a candidate word by word: a different number or
place name changes a word hash, so the two paragraphs stay apart, with a
1-in-65,536 chance per differing word of a collision.

Candidates are found through *anchors*: hashes of 4-word shingles at fixed
places (the first three positions, so a changed opening word still leaves
two, and the last one, so a copy cut at the front is found) plus the hash of
the whole paragraph. CRC-32 is used because it is stable across processes
(Python's `hash` of a str is salted per process, and the state must survive a
restart) and runs in C.
"""

from __future__ import annotations

import sys
from pathlib import Path
from zlib import crc32

from monitor.text.normalize import normalize, tokens

#: A paragraph's word hashes; the index reads them back as bytearrays.
Words = bytes | bytearray

SHINGLE_WORDS = 4
_SHINGLE_BYTES = 2 * SHINGLE_WORDS
#: Shingle positions from the start a paragraph is indexed under: enough that a
#: copy whose opening phrase (up to `max_leading_words`, at most 5) was
#: replaced by a shorter one still shares one.
INDEXED_LEADING = 5


_PREFIX_BITS = 5
_PREFIX_MASK = (1 << _PREFIX_BITS) - 1
_PREFIX_CHARS = 3


def word_hash(word: str) -> int:
    """16 bits: 11 from the whole word, 5 from its first three letters.

    The prefix bits let a truncated copy's last word, cut mid-word, be told
    from a different word: a cut word keeps its opening letters.
    """
    whole = crc32(word.encode("utf-8")) & 0x7FF
    return (whole << _PREFIX_BITS) | (crc32(word[:_PREFIX_CHARS].encode("utf-8")) & _PREFIX_MASK)


class _WordCache(dict[str, bytes]):
    """Word -> its hash as the two bytes `word_hashes` writes (native order, as an
    `array("H")` would). News vocabulary is Zipfian, so a C-level dict hit saves
    two CRCs and an encode on most words, and the bytes are joined without a
    conversion per word; cleared when full to stay bounded."""

    limit = 200_000

    def __missing__(self, word: str) -> bytes:
        value = self[word] = word_hash(word).to_bytes(2, sys.byteorder)
        return value


_CACHE = _WordCache()


def word_hashes(words: list[str]) -> bytes:
    """Two bytes per word (see `word_hash`)."""
    if len(_CACHE) > _CACHE.limit:
        _CACHE.clear()
    return b"".join(map(_CACHE.__getitem__, words))


def _load_openers() -> frozenset[int]:
    path = Path(__file__).resolve().parent.parent / "data" / "openers.txt"
    words = [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return frozenset(word_hash(w) for line in words for w in tokens(normalize(line)))


#: Hashes of connectives and reporting verbs (data/openers.txt): the only words
#: in which a copy's opening may differ from the original's.
OPENERS = _load_openers()


def _only_openers(words: Words, start: int, stop: int) -> bool:
    return all(_word_at(words, i) in OPENERS for i in range(start, stop))


def _word_at(words: Words, i: int) -> int:
    return int.from_bytes(words[2 * i : 2 * i + 2], sys.byteorder)


def paragraph_words(text: str) -> bytes:
    """The remembered form of a paragraph of original text."""
    return word_hashes(tokens(normalize(text)))


def anchor_keys(words: Words) -> list[int]:
    """Keys of a paragraph, without repeats: the whole paragraph, the shingles
    at the first `INDEXED_LEADING` positions, and the last shingle."""
    keys = [crc32(words, 0x5EED) or 1]
    last = len(words) // 2 - SHINGLE_WORDS
    if last >= 0:
        for pos in range(min(INDEXED_LEADING, last + 1)):
            key = crc32(words[2 * pos : 2 * pos + _SHINGLE_BYTES]) or 1
            if key not in keys:
                keys.append(key)
        if last >= INDEXED_LEADING:
            key = crc32(words[2 * last :]) or 1
            if key not in keys:
                keys.append(key)
    return keys


def fingerprint_hex(words: bytes) -> str:
    """A printable fingerprint of a paragraph's normalized words."""
    return f"{crc32(words, 0x5EED):08x}{crc32(words):08x}"


def _even_finds(haystack: Words, needle: Words) -> list[int]:
    """Word positions at which `needle` occurs in `haystack` (aligned to words)."""
    found = []
    pos = haystack.find(needle)
    while pos != -1:
        if pos % 2 == 0:
            found.append(pos // 2)
        pos = haystack.find(needle, pos + 1)
    return found


def copy_of(a: Words, b: Words, *, min_fraction: float, max_leading: int) -> bool:
    """Whether paragraph `a` is a copy of paragraph `b`.

    A copy is `b` itself, or a stretch of `b` that covers at least
    `min_fraction` of its words, whose first `max_leading` words may differ
    from `b`'s opening if all the differing words on both sides are
    connectives or reporting verbs (و / كما / وقال / وفي المقابل), and whose
    last word may be cut short (a truncated copy ends mid-word, keeping the
    word's first letters). Every other word must be the same, so paragraphs
    that differ in a number, a name or a place are not copies.
    """
    if a == b:
        return True
    na, nb = len(a) // 2, len(b) // 2
    if na < SHINGLE_WORDS or na > nb + max_leading:
        return False
    offsets: set[int] = set()
    for s in range(min(max_leading, na - SHINGLE_WORDS) + 1):
        probe = a[2 * s : 2 * s + _SHINGLE_BYTES]
        offsets.update(p - s for p in _even_finds(b, probe))
    for d in sorted(offsets, key=abs):
        if _aligned(a, b, na, nb, d, min_fraction, max_leading):
            return True
    return False


def _aligned(
    a: Words, b: Words, na: int, nb: int, d: int, min_fraction: float, max_leading: int
) -> bool:
    last = na - 1
    if last + d >= nb:
        return False  # `a` runs past the end of `b`: it says more than `b`
    for lead in range(max(0, -d), max_leading + 1):
        if lead >= last:
            return False
        if a[2 * lead : 2 * last] == b[2 * (lead + d) : 2 * (last + d)]:
            break
    else:
        return False
    # Words before the aligned stretch, on either side, may only be connectives
    # or reporting verbs: "وقالت" for "وفي المقابل، قالت" is the same fact,
    # "بيروت" for "بريدة" in a dateline is not.
    if lead and not _only_openers(a, 0, lead):
        return False
    if lead + d and not _only_openers(b, 0, lead + d):
        return False
    if a[2 * last :] == b[2 * (last + d) : 2 * (last + d) + 2]:
        matched = na - lead
    elif last + d < nb - 1 and not (_word_at(a, last) ^ _word_at(b, last + d)) & _PREFIX_MASK:
        matched = last - lead  # the last word was cut by the truncation (same opening letters)
    else:
        return False  # same length, different last word: a different fact
    return matched >= SHINGLE_WORDS - 1 and matched >= min_fraction * nb
