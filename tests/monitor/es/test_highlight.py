"""Search highlights are shown in the article's own words."""

from __future__ import annotations

from monitor.es.highlight import original_fragment
from monitor.text.normalize import normalize

BODY = (
    "مقدمة الخبر\n"
    "قال مسؤول أرمني في الإقليم إن ٢٠٠ شخص قُتلوا خلال المعارك الأخيرة في ناغورني «قرة باغ».\n"
    "فقرة أخرى"
)


def _fragment_of(paragraph: str, words: list[str]) -> str:
    # What Elasticsearch returns: the normalized text with <em> around matches.
    out = normalize(paragraph)
    for w in words:
        out = out.replace(w, f"<em>{w}</em>")
    return out


def test_fragment_is_shown_in_the_original_spelling_with_marks() -> None:
    paragraph = BODY.splitlines()[1]
    fragment = _fragment_of(paragraph, ["قره", "باغ"])
    shown = original_fragment(fragment, BODY)
    assert shown is not None
    assert "مسؤول أرمني في الإقليم" in shown  # not the normalized "مسوول ارمني"
    assert "٢٠٠" in shown and "قُتلوا" in shown
    assert "«قرة» «باغ»" in shown


def test_partial_fragment_maps_inside_the_paragraph() -> None:
    paragraph = BODY.splitlines()[1]
    norm = normalize(paragraph)
    piece = norm[norm.index("اخيره") - 12 :]
    fragment = piece.replace("ناغورني", "<em>ناغورني</em>")
    shown = original_fragment(fragment, BODY)
    assert shown is not None and "«ناغورني»" in shown and "الأخيرة" in shown


def test_unknown_fragment_gives_none() -> None:
    assert original_fragment("<em>غزة</em> اليوم", BODY) is None
