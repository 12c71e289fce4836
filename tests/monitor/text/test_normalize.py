"""Each normalization rule on Arabic text, and the offset map back to the original."""

from __future__ import annotations

import itertools

import pytest

from monitor.text import normalize as n


def test_alef_forms_become_bare_alef() -> None:
    assert n.normalize_alef("أرمينيا إقليم آرتساخ ٱلسلام") == "ارمينيا اقليم ارتساخ السلام"


def test_teh_marbuta_becomes_ha() -> None:
    assert n.normalize_teh_marbuta("قرة باغ") == "قره باغ"
    assert n.normalize_teh_marbuta("الهدنة المؤقتة") == "الهدنه المؤقته"


def test_alef_maqsura_becomes_ya() -> None:
    assert n.normalize_alef_maqsura("مستشفى على") == "مستشفي علي"


def test_hamza_carriers_are_unified() -> None:
    assert n.normalize_hamza_carriers("مسؤول رئيس الوزراء") == "مسوول رييس الوزراء"
    assert n.normalize_hamza_carriers("رئيس") == "رييس"


def test_diacritics_are_removed() -> None:
    assert n.remove_diacritics("قُتِلَ جُنْدِيٌّ") == "قتل جندي"
    assert n.remove_diacritics("إِطْلَاقُ النَّارِ") == "إطلاق النار"


def test_tatweel_is_removed() -> None:
    assert n.remove_tatweel("قـــرة بـاغ") == "قرة باغ"


def test_invisible_controls_are_removed() -> None:
    assert n.remove_invisible_controls("قره\u200c باغ\u200f\u202b") == "قره باغ"
    assert n.remove_invisible_controls("\ufeffأذربيجان") == "أذربيجان"


def test_arabic_indic_and_persian_digits_become_latin() -> None:
    assert n.normalize_digits("قتل ٣٢ وأصيب ۲۰۰") == "قتل 32 وأصيب 200"


def test_punctuation_and_quotes_are_unified() -> None:
    assert n.normalize_punctuation("قال: «الحرب»، ثم؟ “نعم”؛") == 'قال: "الحرب", ثم? "نعم";'
    assert n.normalize_punctuation("٥٠٪") == "٥٠%"


def test_whitespace_is_folded() -> None:
    assert n.fold_whitespace("  وقف\t\tإطلاق\u00a0 النار \n") == "وقف إطلاق النار"


def test_html_tags_and_entities_are_removed() -> None:
    html = "<p>أعلنت <b>أرمينيا</b> &amp; أذربيجان</p><script>x()</script><p>وقف&nbsp;النار</p>"
    text = n.strip_html(html)
    assert "<" not in text and "&amp;" not in text and "x()" not in text
    assert "أعلنت أرمينيا & أذربيجان" in text
    assert text.split("\n").count("") >= 1  # block tags keep paragraphs apart
    assert "وقف\u00a0النار" in text


def test_escaped_markup_stays_text() -> None:
    assert n.strip_html("&lt;b&gt;عاجل") == "<b>عاجل"


def test_normalize_applies_every_rule() -> None:
    text = "  أعلنـت «قُوَّات» حفظ السلام في قرة باغ إجلاء ٢٠٠٠ مدنيّ\u200f "
    assert n.normalize(text) == 'اعلنت "قوات" حفظ السلام في قره باغ اجلاء 2000 مدني'


def test_rules_commute_so_one_table_is_equivalent() -> None:
    text = "أعلنـت قُوَّات «حفظ» السلام في قرة باغ إجلاء ٢٠٠٠ مدنيّ، مسؤول\u200c"
    expected = n.fold_whitespace(text)
    for rule in n.CHARACTER_RULES:
        expected = rule(expected)
    expected = n.fold_whitespace(expected)
    assert n.normalize(text) == expected
    for order in itertools.islice(itertools.permutations(n.CHARACTER_RULES), 0, 200, 17):
        out = text
        for rule in order:
            out = rule(out)
        assert n.fold_whitespace(out) == expected


def test_normalize_is_idempotent() -> None:
    text = "وَقَالَ الرَّئِيسُ: «قُتِلَ ٣٢ شخصاً» في قـــرة باغ"
    once = n.normalize(text)
    assert n.normalize(once) == once


def test_arabic_survives_no_ascii_erasure() -> None:
    # An English-minded step (lower(), ascii-ignore) would erase or alter these.
    assert n.normalize("ناغورنو كاراباخ Karabakh") == "ناغورنو كاراباخ Karabakh"


@pytest.mark.parametrize(
    "text, needle, expected",
    [
        ("  وَقَالَ   الرَّئِيسُ: قُتِلَ ٣٢ شخصاً", "32", "٣٢"),
        ("في قـــرة باغ \u200f.", "قره باغ", "قـــرة باغ"),
        ("\u200fأعلنت   أرمينيا", "ارمينيا", "أرمينيا"),
        ("قُتِلَ جُنْدِيٌّ", "قتل جندي", "قُتِلَ جُنْدِيٌّ"),
    ],
)
def test_aligned_offsets_slice_back_to_the_original(text: str, needle: str, expected: str) -> None:
    aligned = n.align(text)
    assert aligned.normalized == n.normalize(text)
    pos = aligned.normalized.index(needle)
    start, end = aligned.span(pos, pos + len(needle))
    assert text[start:end] == expected


def test_tokens_drop_punctuation() -> None:
    assert n.tokens(n.normalize("قال: «الحرب»، انتهت!")) == ["قال", "الحرب", "انتهت"]


POOL = (
    "قرهباغ أرمينيا إ آ ٱ ة ى ؤ ئ"
    + n.DIACRITICS[:12]
    + n.TATWEEL
    + "\u200c\u200f\ufeff"
    + "٠١٢۳۴"
    + "،؛؟«»“”…–"
    + "  \t\u00a0"
    + "abc123.,"
)


def _sequential(text: str) -> str:
    for rule in n.CHARACTER_RULES:
        text = rule(text)
    return n.fold_whitespace(text)


def test_fast_paths_agree_with_the_named_rules_on_random_text() -> None:
    import random

    rng = random.Random(20231920)
    for _ in range(2000):
        text = "".join(rng.choice(POOL) for _ in range(rng.randint(0, 40)))
        expected = _sequential(text)
        assert n.normalize(text) == expected, repr(text)
        aligned = n.align(text)
        assert aligned.normalized == expected, repr(text)
        for pos, ch in enumerate(aligned.normalized):
            orig = text[aligned.to_original(pos)]
            assert _sequential(orig) in (ch, "") or ch == " ", (repr(text), pos)


def test_persian_letters_become_the_arabic_letters_they_stand_for() -> None:
    from monitor.text.normalize import fold_persian_letters, normalize

    assert fold_persian_letters("لاچين") == "لاجين"
    assert fold_persian_letters("گنجه ڤيينا پاريس ژنيف") == "كنجه فيينا باريس زنيف"
    assert normalize("ممر لاچين") == normalize("ممر لاجين")
