"""Right-to-left text for terminals that do not reorder it themselves.

Most terminals (xterm, tmux, screen, the Linux console, Windows Terminal, GNOME
Terminal unless its BiDi option is on) draw characters left to right in the
order they arrive, so Arabic sent in logical order reads backwards. These
helpers wrap a paragraph in logical order first (so the first words are on the
first line) and then turn each line into visual order with python-bidi (the
Unicode Bidirectional Algorithm, mirroring brackets). Combining marks (harakat,
shadda, tanwin) then precede their letter, which UAX #9 leaves to the renderer
(rule L3); they are moved back behind it, since a terminal attaches a mark to
the cell before it.
"""

from __future__ import annotations

import unicodedata

from bidi.algorithm import get_display  # the implementation that mirrors brackets (L4)
from rich.cells import cell_len

_RTL_CLASSES = frozenset({"R", "AL"})
ELLIPSIS = "…"


def wrap_logical(text: str, width: int) -> list[str]:
    """Greedy word wrap in logical (reading) order, at most `width` cells a line."""
    width = max(width, 1)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while cell_len(word) > width:  # a word longer than a line is cut
            cut = _fit(word, width)
            if line:
                lines.append(line)
                line = ""
            lines.append(cut)
            word = word[len(cut) :]
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit(word: str, width: int) -> str:
    out = ""
    for ch in word:
        if cell_len(out + ch) > width:
            break
        out += ch
    return out or word[:1]


def marks_after_base(visual: str) -> str:
    """Put combining marks that precede a right-to-left letter back after it."""
    out: list[str] = []
    marks: list[str] = []
    for ch in visual:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            marks.append(ch)
            continue
        if marks and unicodedata.bidirectional(ch) in _RTL_CLASSES:
            out.append(ch)
            out.extend(marks)
        else:
            out.extend(marks)
            out.append(ch)
        marks = []
    out.extend(marks)
    return "".join(out)


def to_visual(line: str) -> str:
    """One line (already wrapped) in visual order, for a right-to-left paragraph."""
    return marks_after_base(str(get_display(line, base_dir="R")))


def shorten(text: str, width: int) -> str:
    """`text` cut at a word to fit `width` cells, in logical order, with an ellipsis
    at its logical end (which shows on the left once reordered)."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    lines = wrap_logical(text, max(width - 2, 1))
    return (lines[0] if lines else "") + " " + ELLIPSIS


def rtl_lines(text: str, width: int, *, reorder: bool = True) -> list[str]:
    """A paragraph as terminal lines of at most `width` cells: wrapped in reading
    order, each line reordered for display unless the terminal does it
    (`reorder=False`)."""
    lines = wrap_logical(text, width)
    return [to_visual(line) for line in lines] if reorder else lines
