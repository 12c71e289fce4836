"""Hostile JSON lines at the door: each is refused with a reason code, never raises
anything but `ItemError` (an escape would stop `monitor analyze` or the worker)."""

from __future__ import annotations

import json

import pytest

from monitor import safejson
from monitor.items import MAX_PARAGRAPHS, ItemError, parse_item, validate_item

GOOD = json.dumps({"id": "ok", "body": "قتل ثلاثة جنود"}, ensure_ascii=False).encode()

HOSTILE = {
    "lone surrogate in body": (b'{"id": "s", "body": "\\ud800 x"}', "invalid_unicode"),
    "lone surrogate in title": (b'{"title": "\\udfff", "body": "x"}', "invalid_unicode"),
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, "too_deep"),
    "object nested deep": (b'{"a":' * 5_000 + b"1" + b"}" * 5_000, "too_deep"),
    "5,000-digit id": (b'{"id": ' + b"7" * 5000 + b', "body": "x"}', "number_too_long"),
    "5,000-digit float": (b'{"body": "x", "n": 1.' + b"5" * 5000 + b"}", "number_too_long"),
    "330,000 one-letter paragraphs": (
        json.dumps({"body": "\n".join(["ب"] * 330_000)}).encode(),
        "too_many_paragraphs",
    ),
    "line far over the size limit": (b'{"body": "' + b"a" * 3_200_000 + b'"}', "too_large"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_line_is_refused_with_its_reason(name: str) -> None:
    raw, code = HOSTILE[name]
    with pytest.raises(ItemError) as info:
        parse_item(raw, 1_000_000)
    assert info.value.code == code
    assert info.value.message  # a sentence a person can act on
    # the reason itself is printable as UTF-8 (it goes into a JSON error record)
    info.value.message.encode("utf-8")
    assert parse_item(GOOD, 1_000_000).id == "ok"


def test_a_str_with_a_lone_surrogate_is_refused_as_invalid_utf8() -> None:
    with pytest.raises(ItemError) as info:
        parse_item('{"body": "\ud800"}', 1_000)
    assert info.value.code == "invalid_utf8"


def test_valid_pairs_brackets_and_digits_inside_strings_pass() -> None:
    body = "😀 " + "[" * 500 + " " + "9" * 400 + "\n" * (MAX_PARAGRAPHS - 10) + "آخر"
    raw = json.dumps({"id": "fine", "body": body, "n": 12345}).encode()
    item = parse_item(raw, 1_000_000)
    assert item.body == body


def test_the_id_of_a_refused_item_is_kept_when_it_is_usable() -> None:
    with pytest.raises(ItemError) as info:
        parse_item(b'{"id": "keep-me", "body": "\\ud83d"}', 1_000)
    assert info.value.item_id == "keep-me"
    with pytest.raises(ItemError) as info:
        validate_item({"id": 10**80, "body": "\ud800"}, 1_000)
    assert info.value.item_id is None  # too long to be an id worth quoting


def test_depth_ignores_brackets_in_strings() -> None:
    assert safejson.max_depth(b'{"a": "' + b"[" * 1000 + b'"}') == 1
    assert safejson.max_depth(b"[" * 70 + b"]" * 70) == 70
