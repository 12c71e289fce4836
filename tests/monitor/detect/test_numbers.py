"""Arabic number parsing: digits in three scripts, words, compounds, multipliers."""

from __future__ import annotations

import pytest

from monitor.detect.numbers import parse_number
from monitor.detect.text import tokenize
from monitor.text.normalize import normalize


def _parse(text: str) -> tuple[int | None, str | None, int]:
    words = [t.text for t in tokenize(normalize(text))]
    n = parse_number(words, 0)
    assert n is not None, text
    return n.value, n.vague, n.last


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("32", 32),
        ("٣٢", 32),  # Arabic-Indic
        ("۳۲", 32),  # Persian
        ("2,000", 2000),
        ("٢٬٠٠٠", 2000),  # Arabic thousands separator
        ("1.5 مليون", 1_500_000),
        ("40 ألف", 40_000),
        ("40 ألفا", 40_000),
        ("واحد", 1),
        ("اثنان", 2),
        ("ثلاثة", 3),
        ("سبعة", 7),
        ("عشرة", 10),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("ثلاثة عشر", 13),
        ("عشرون", 20),
        ("خمسة وعشرون", 25),
        ("مئة", 100),
        ("مائة", 100),
        ("مئة وعشرون", 120),
        ("مئتان", 200),
        ("مائتي", 200),
        ("ثلاثمئة", 300),
        ("ثلاث مئة", 300),
        ("ثلاثمائة وخمسون", 350),
        ("ألف", 1000),
        ("ألفا", 1000),
        ("ألفين", 2000),
        ("ألفي", 2000),
        ("ثلاثة آلاف", 3000),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("خمسة وعشرين ألفا", 25_000),
        ("مليون", 1_000_000),
        ("مليونين", 2_000_000),
        ("مليون ومئتا ألف", 1_200_000),
    ],
)
def test_numbers(text: str, value: int) -> None:
    assert _parse(text)[0] == value


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("عشرات", "tens"),
        ("العشرات", "tens"),
        ("مئات", "hundreds"),
        ("المئات", "hundreds"),
        ("آلاف", "thousands"),
        ("الآلاف", "thousands"),
        ("عشرات الآلاف", "thousands"),
    ],
)
def test_vague_sizes(text: str, vague: str) -> None:
    assert _parse(text)[:2] == (None, vague)


def test_a_number_stops_before_the_next_phrase() -> None:
    # "ثلاثة قتلى وستة جرحى": two numbers, not 3 + 6
    words = [t.text for t in tokenize(normalize("ثلاثة قتلى وستة جرحى"))]
    n = parse_number(words, 0)
    assert n is not None and (n.value, n.last) == (3, 0)


def test_not_numbers() -> None:
    for text in ("أحد الجنود", "قتلى", "2.5"):
        words = [t.text for t in tokenize(normalize(text))]
        assert parse_number(words, 0) is None, text


def test_a_count_of_hundreds_of_digits_is_no_number_and_no_crash() -> None:
    # A 309-digit "count" overflowed float() and aborted a whole analyze run.
    words = [t.text for t in tokenize(normalize("قتل " + "9" * 309 + " جنديا"))]
    assert [parse_number(words, i) for i in range(len(words))] == [None, None, None]
