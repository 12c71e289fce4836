"""The capability suite: its generator's own logic, and each capability's floor."""

from __future__ import annotations

import pytest

from monitor.evaluation.capabilities.generator import CAPABILITIES, generate, generate_capability
from monitor.evaluation.capabilities.grammar import counted_phrase, perturb
from monitor.evaluation.capabilities.lexicon import PEOPLE
from monitor.evaluation.capabilities.numerals import digits, parse_words, supports_words, words
from monitor.evaluation.capabilities.run import load_floors, run_suite

SOLDIER, WOMAN = PEOPLE[0], PEOPLE[8]


# --- number rendering, checked against forms written out by hand -----------------------


@pytest.mark.parametrize(
    ("n", "gender", "case", "expected"),
    [
        (3, "m", "nom", "ثلاثة"),
        (3, "f", "nom", "ثلاث"),
        (8, "f", "gen", "ثماني"),
        (11, "m", "nom", "أحد عشر"),
        (11, "f", "nom", "إحدى عشرة"),
        (12, "m", "nom", "اثنا عشر"),
        (12, "m", "gen", "اثني عشر"),
        (12, "f", "gen", "اثنتي عشرة"),
        (15, "m", "nom", "خمسة عشر"),
        (15, "f", "nom", "خمس عشرة"),
        (20, "m", "nom", "عشرون"),
        (20, "m", "acc", "عشرين"),
        (25, "m", "nom", "خمسة وعشرون"),
        (21, "f", "gen", "إحدى وعشرين"),
        (100, "m", "nom", "مئة"),
        (200, "m", "nom", "مئتا"),
        (200, "m", "gen", "مئتي"),
        (300, "m", "nom", "ثلاثمئة"),
        (150, "m", "nom", "مئة وخمسون"),
        (1500, "m", "nom", "ألف وخمسمئة"),
        (2000, "m", "nom", "ألفا"),
        (3000, "m", "nom", "ثلاثة آلاف"),
        (12000, "f", "nom", "اثنا عشر ألف"),
        (200000, "m", "nom", "مئتا ألف"),
    ],
)
def test_words_by_hand(n: int, gender: str, case: str, expected: str) -> None:
    assert words(n, gender, case) == expected  # type: ignore[arg-type]


def test_words_standing_alone_keep_their_nun() -> None:
    assert words(200, "m", "gen", construct=False) == "مئتين"
    assert words(2000, "m", "nom", construct=False) == "ألفان"


def test_words_round_trip() -> None:
    # Every 37th number up to a million, in both genders and cases.
    for n in range(1, 1_000_000, 37):
        if not supports_words(n):
            continue
        for gender in ("m", "f"):
            for case in ("nom", "gen"):
                assert parse_words(words(n, gender, case)) == n, (n, gender, case)  # type: ignore[arg-type]


def test_digits_in_three_scripts() -> None:
    assert digits(1945) == "1945"
    assert digits(1945, "arabic_indic") == "١٩٤٥"
    assert digits(1945, "persian") == "۱۹۴۵"


def test_counted_noun_agrees_with_the_number() -> None:
    import random

    rng = random.Random(0)
    assert counted_phrase(rng, 3, SOLDIER, "gen", styles=("words",))[0] == "ثلاثة جنود"
    assert counted_phrase(rng, 3, WOMAN, "gen", styles=("words",))[0] == "ثلاث نساء"
    assert counted_phrase(rng, 15, SOLDIER, "gen", styles=("words",))[0] == "خمسة عشر جنديا"
    assert counted_phrase(rng, 100, SOLDIER, "gen", styles=("words",))[0] == "مئة جندي"
    assert counted_phrase(rng, 12, SOLDIER, "gen", styles=("persian",))[0] == "۱۲ جنديا"
    assert counted_phrase(rng, 1, SOLDIER, "nom")[0] == "جندي واحد"


def test_perturbations_keep_the_words() -> None:
    import random

    rng = random.Random(0)
    text = "أعلنت وزارة الدفاع مقتل جنديا في قرية على الحدود"
    assert perturb(text, "bare_alif", rng).startswith("اعلنت")
    assert "وزاره" in perturb(text, "ta_marbuta_ha", rng)
    assert "فى" in perturb(text, "final_ya", rng).split()
    assert perturb(text, "tatweel", rng).replace("\u0640", "") == text


# --- the generator ----------------------------------------------------------------------


def test_generation_is_deterministic() -> None:
    first = generate()
    second = generate()
    assert [(c.capability, c.text, c.expected) for c in first] == [
        (c.capability, c.text, c.expected) for c in second
    ]
    assert generate(seed=1) != first


@pytest.mark.parametrize("cap", CAPABILITIES, ids=lambda c: c.name)
def test_each_capability_has_enough_distinct_cases(cap) -> None:  # type: ignore[no-untyped-def]
    cases = generate_capability(cap)
    assert len(cases) >= 50
    assert len({c.text for c in cases}) == len(cases)
    for c in cases:
        e = c.expected
        assert (
            any(x is not None for x in (e.figures, e.karabakh, e.ceasefire, e.statuses))
            or e.forbidden_statuses
        )


def test_expected_counts_come_from_the_inserted_number() -> None:
    # A Latin-digit case states its expected counts in its own text.
    for c in generate(only="casualties.verb_first"):
        if "latin" in c.tags and c.expected.figures:
            for f in c.expected.figures:
                assert str(f.count) in c.text


def test_total_size_is_in_range() -> None:
    assert 2000 <= len(generate()) <= 4500


# --- the floors -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results() -> dict[str, float]:
    return {r.name: r.rate for r in run_suite()}


def test_every_capability_has_a_floor(results: dict[str, float]) -> None:
    assert set(load_floors()) == set(results)


@pytest.mark.parametrize("name", [c.name for c in CAPABILITIES])
def test_capability_meets_its_floor(name: str, results: dict[str, float]) -> None:
    floor = load_floors()[name]
    assert results[name] >= floor, f"{name}: {results[name]:.3f} < floor {floor}"
