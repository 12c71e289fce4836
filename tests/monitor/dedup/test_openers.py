"""The opener lexicon (data/openers.txt) is well-formed and holds no content words."""

from __future__ import annotations

from pathlib import Path

from monitor.dedup.fingerprint import OPENERS, word_hash
from monitor.text.normalize import normalize, tokens

LEXICON = Path(__file__).resolve().parents[3] / "monitor" / "data" / "openers.txt"


def entries() -> list[str]:
    return [
        line.strip()
        for line in LEXICON.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_every_entry_is_one_arabic_word() -> None:
    for entry in entries():
        assert len(tokens(normalize(entry))) == 1, entry
        assert all("\u0600" <= ch <= "\u06ff" for ch in entry), entry


def test_connectives_and_reporting_verbs_are_openers() -> None:
    for word in ("وقالت", "وقالت", "كما", "وأضاف", "واضاف", "وفي", "المقابل"):
        assert word_hash(normalize(word)) in OPENERS, word


def test_places_names_and_numbers_are_not_openers() -> None:
    for word in ("باكو", "يريفان", "شوشا", "بيروت", "باشينيان", "32", "قتل", "الهدنة"):
        assert word_hash(normalize(word)) not in OPENERS, word


def test_no_entry_is_listed_twice() -> None:
    normalized = [normalize(e) for e in entries()]
    assert len(normalized) == len(set(normalized))
