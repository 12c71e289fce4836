"""The lexicon data files: well-formed, no empty entries, normalized forms unique."""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources

import pytest

from monitor.detect.lexicon import clitic_variants, load, norm_phrase, norm_word
from monitor.text.normalize import normalize

NAMES = ["karabakh", "ceasefire", "casualties", "numbers", "conflicts"]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "_doc" for s in [k, *_strings(v)]]
    return []


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_is_a_documented_json_object(name: str) -> None:
    raw = resources.files("monitor").joinpath("data", f"{name}.json").read_text("utf-8")
    data = json.loads(raw)
    assert isinstance(data, dict)
    assert data.get("_doc"), "each lexicon says what it holds"


@pytest.mark.parametrize("name", NAMES)
def test_no_empty_or_untrimmed_entries(name: str) -> None:
    for s in _strings(load(name)):
        assert s.strip() == s and s, f"{name}: {s!r}"
        assert "  " not in s


@pytest.mark.parametrize("name", NAMES)
def test_no_duplicate_forms_within_a_list(name: str) -> None:
    def walk(value: object, where: str) -> None:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            normed = [normalize(v) for v in value]
            dupes = {v for v in normed if normed.count(v) > 1}
            assert not dupes, f"{name}{where}: {dupes}"
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}")

    walk(load(name), "")


def test_karabakh_gazetteer_forms_are_unique_across_entries() -> None:
    data = load("karabakh")
    owner: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for e in data["entries"]:
        assert e["canonical"] and e["kind"] and e["forms"]
        assert e["weight"] in ("strong", "weak")
        for form in e["forms"]:
            owner[norm_phrase(form)].add(e["canonical"])
    for name in data["region_names"]:
        owner[norm_phrase(name)].add("Nagorno-Karabakh")
    clashes = {k: v for k, v in owner.items() if len(v) > 1}
    assert not clashes


def test_karabakh_region_names_do_not_contain_the_footballer() -> None:
    forms = {norm_phrase(n) for n in load("karabakh")["region_names"]}
    assert (norm_word("كارباخال"),) not in forms
    assert (norm_word("ناغورني"),) not in forms  # only as part of the region's name


def test_casualty_words_belong_to_one_kind() -> None:
    kinds = load("casualties")["kinds"]
    for part in ("nouns", "verbs", "masdars"):
        seen: dict[str, str] = {}
        for kind, lists in kinds.items():
            assert lists[part] or part == "nouns", f"{kind} has no {part}"
            for w in lists[part]:
                n = norm_word(w)
                assert seen.setdefault(n, kind) == kind, f"{w} is {seen[n]} and {kind}"
    assert set(kinds) == {"killed", "wounded", "missing", "captured", "evacuated", "displaced"}


def test_casualty_qualifiers_are_schema_values() -> None:
    data = load("casualties")
    assert set(data["qualifiers"]) == {"about", "more_than", "at_least", "up_to"}
    assert set(load("numbers")["vague"].values()) == {"tens", "hundreds", "thousands"}


def test_ceasefire_cues_do_not_overlap_between_statuses() -> None:
    cues = load("ceasefire")["cues"]
    seen: dict[str, str] = {}
    for status, lists in cues.items():
        for w in lists["exact"]:
            n = norm_word(w)
            assert seen.setdefault(n, status) == status, f"{w}: {seen[n]} and {status}"
    assert set(cues) == set(load("ceasefire")["status_priority"])


def test_number_values_are_positive_integers() -> None:
    data = load("numbers")
    for table in ("units", "tens", "hundreds", "multipliers", "one_needs_teen"):
        for word, value in data[table].items():
            assert isinstance(value, int) and value > 0, word


def test_conflict_names_are_unique_across_conflicts() -> None:
    owner: dict[tuple[str, ...], str] = {}
    for key, names in load("conflicts")["conflicts"].items():
        for n in names:
            assert owner.setdefault(norm_phrase(n), key) == key, n


def test_clitic_variants_keep_short_words_whole() -> None:
    assert clitic_variants("بل") == ("بل",)
    assert clitic_variants("بقره") == ("بقره", "قره")
    assert "حث" in clitic_variants("وحث", min_rest=2)
    assert "قتلي" in clitic_variants("والقتلي", articles=True)


def test_a_screen_holds_every_form_a_text_may_write() -> None:
    from monitor.detect.lexicon import screen

    forms = screen({"قصف"})
    assert {"قصف", "والقصف", "بالقصف", "وقصف", "للقصف"} <= forms
    assert "القصف" not in screen({"قصف"}, articles=False)
