"""Arabic for a terminal that draws left to right: wrapped in reading order,
each line reordered, marks behind their letters, brackets mirrored."""

from __future__ import annotations

from rich.cells import cell_len

from monitor.cli.rtl import rtl_lines, shorten, to_visual, wrap_logical
from tests.monitor.cli.rtl_reading import read_rtl_line, read_rtl_paragraph

SENTENCE = (
    "وقد أعلنت أرمينيا الأربعاء أن 32 شخصا قتلوا وأكثر من 200 جرحوا في أقل من 24 ساعة "
    "في العملية العسكرية التي تشنها أذربيجان في منطقة ناغورني قره باغ المتنازع عليها."
)


def test_a_line_reads_back_in_order_with_numbers_left_to_right() -> None:
    line = "قتل 32 شخصا وجرح أكثر من 2,000 في قره باغ (Karabakh) أمس"
    visual = to_visual(line)
    assert visual != line
    # the first word is at the right edge, the last at the left
    assert visual.endswith("لتق") and visual.startswith("سمأ")
    assert "2,000" in visual and "(Karabakh)" in visual
    assert read_rtl_line(visual) == line


def test_a_paragraph_wraps_in_reading_order_first_words_on_the_first_line() -> None:
    lines = rtl_lines(SENTENCE, 40)
    assert len(lines) > 2
    assert all(cell_len(line) <= 40 for line in lines)
    assert read_rtl_line(lines[0]).startswith("وقد أعلنت أرمينيا")
    assert read_rtl_paragraph(lines) == SENTENCE


def test_harakat_stay_on_their_letter() -> None:
    word = "قُتِلَ"  # qutila: damma on qaf, kasra on ta, fatha on lam
    visual = to_visual(word)
    # drawn left to right: lam+fatha, ta+kasra, qaf+damma
    assert visual == "\u0644\u064e\u062a\u0650\u0642\u064f"
    assert read_rtl_line(visual) == word


def test_no_bidi_keeps_logical_order_for_terminals_that_reorder() -> None:
    assert rtl_lines(SENTENCE, 40, reorder=False) == wrap_logical(SENTENCE, 40)
    assert " ".join(wrap_logical(SENTENCE, 40)) == SENTENCE


def test_shorten_cuts_at_a_word_and_keeps_the_beginning() -> None:
    claimant = "الرئيس السابق لحكومة المنطقة الانفصالية روبن فاردانيان"
    short = shorten(claimant, 25)
    assert cell_len(short) <= 25
    assert short.startswith("الرئيس السابق") and short.endswith("…")
    assert shorten("أرمينيا", 25) == "أرمينيا"


def test_a_word_longer_than_the_line_is_cut_not_lost() -> None:
    word = "ب" * 30
    assert "".join(wrap_logical(word, 12)) == word
    assert all(cell_len(line) <= 12 for line in wrap_logical(word, 12))
