"""Arabic normalization for matching, fingerprints and search.

Each rule is a small named function so it can be tested and reasoned about on
its own. `normalize` applies all of them at once through one precomputed
translation table (one pass in C instead of ten in Python), and `align` does
the same while keeping a map back to the original text, so detectors can match
on the normalized form and still report offsets into what the reader sees.

Every rule is either a one-to-one character substitution or a deletion; none
inserts characters. That is what makes the offset map a simple list of deleted
positions.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

# --- character classes (escapes, not literals: most are invisible) -----------

#: Alef with hamza above/below, madda, wasla -> bare alef.
ALEF_VARIANTS = "\u0623\u0625\u0622\u0671"
#: Fathatan .. sukun, superscript alef, small high marks, Quranic annotation signs.
DIACRITICS = (
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656"
    "\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3"
    "\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
)
TATWEEL = "\u0640"
#: Zero-width and bidirectional controls that copy-paste and CMSs leave behind.
INVISIBLE_CONTROLS = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad"
)
ARABIC_INDIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
PERSIAN_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"

#: Punctuation unified to one ASCII form each (Arabic comma, semicolon, question
#: mark, percent, decimal and thousands separators, typographic quotes, dashes).
PUNCTUATION_MAP = {
    "\u060c": ",",  # Arabic comma
    "\u061b": ";",  # Arabic semicolon
    "\u061f": "?",  # Arabic question mark
    "\u066a": "%",  # Arabic percent sign
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u06d4": ".",  # Arabic full stop
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u2039": "'",
    "\u203a": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2026": ".",  # ellipsis: one char in, one char out keeps offsets simple
}

#: Unicode whitespace other than the ASCII space, all folded to a space.
_WHITESPACE_CHARS = (
    "\t\n\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_RIDING_MARKS = frozenset(DIACRITICS + TATWEEL)
_DELETED = "\x00"  # marks a deleted position in the aligned form; never in real text

_ALEF_TABLE = str.maketrans(dict.fromkeys(ALEF_VARIANTS, "\u0627"))
_TEH_MARBUTA_TABLE = str.maketrans({"\u0629": "\u0647"})
_ALEF_MAQSURA_TABLE = str.maketrans({"\u0649": "\u064a"})
_HAMZA_CARRIER_TABLE = str.maketrans({"\u0624": "\u0648", "\u0626": "\u064a"})
#: Persian and Urdu letters Arabic writers borrow for foreign names (لاچين for
#: Lachin, گنجه for Ganja, ڤ for v), and the Persian kaf and ya: the Arabic letter
#: each stands for.
_PERSIAN_LETTERS_TABLE = str.maketrans(
    {
        "\u0686": "\u062c",  # چ -> ج
        "\u067e": "\u0628",  # پ -> ب
        "\u0698": "\u0632",  # ژ -> ز
        "\u06a4": "\u0641",  # ڤ -> ف
        "\u06af": "\u0643",  # گ -> ك
        "\u06a9": "\u0643",  # ک -> ك
        "\u06cc": "\u064a",  # ی -> ي
    }
)
_DIACRITICS_TABLE = str.maketrans(dict.fromkeys(DIACRITICS, None))
_TATWEEL_TABLE = str.maketrans(dict.fromkeys(TATWEEL, None))
_INVISIBLE_TABLE = str.maketrans(dict.fromkeys(INVISIBLE_CONTROLS, None))
_DIGITS_TABLE = str.maketrans(
    {
        **{d: str(i) for i, d in enumerate(ARABIC_INDIC_DIGITS)},
        **{d: str(i) for i, d in enumerate(PERSIAN_DIGITS)},
    }
)
_PUNCTUATION_TABLE = str.maketrans(PUNCTUATION_MAP)
_SPACE_TABLE = str.maketrans(dict.fromkeys(_WHITESPACE_CHARS, " "))

_MULTI_SPACE = re.compile(r" {2,}")
_HTML_TAG = re.compile(
    r"<(?:script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->|<[^>]{0,2000}>", re.S | re.I
)
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6])\b[^>]*>", re.I)


# --- the rules, one function each ----------------------------------------------


def normalize_alef(text: str) -> str:
    """أ إ آ ٱ -> ا (writers and keyboards differ on hamza seats over alef)."""
    return text.translate(_ALEF_TABLE)


def normalize_teh_marbuta(text: str) -> str:
    """ة -> ه (قرة / قره are the same word to a reader)."""
    return text.translate(_TEH_MARBUTA_TABLE)


def normalize_alef_maqsura(text: str) -> str:
    """ى -> ي (final ya is often written without dots, and vice versa)."""
    return text.translate(_ALEF_MAQSURA_TABLE)


def normalize_hamza_carriers(text: str) -> str:
    """ؤ -> و, ئ -> ي (hamza on a seat is spelled inconsistently)."""
    return text.translate(_HAMZA_CARRIER_TABLE)


def fold_persian_letters(text: str) -> str:
    """چ پ ژ ڤ گ ک ی -> ج ب ز ف ك ك ي (لاچين and لاجين are one name)."""
    return text.translate(_PERSIAN_LETTERS_TABLE)


def remove_diacritics(text: str) -> str:
    """Drop harakat, tanwin, shadda, sukun and Quranic marks."""
    return text.translate(_DIACRITICS_TABLE)


def remove_tatweel(text: str) -> str:
    """Drop the kashida used to stretch words in headlines."""
    return text.translate(_TATWEEL_TABLE)


def remove_invisible_controls(text: str) -> str:
    """Drop zero-width joiners, bidi marks and soft hyphens."""
    return text.translate(_INVISIBLE_TABLE)


def normalize_digits(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits -> 0-9."""
    return text.translate(_DIGITS_TABLE)


def normalize_punctuation(text: str) -> str:
    """Arabic and typographic punctuation and quotes -> one ASCII form each."""
    return text.translate(_PUNCTUATION_TABLE)


def fold_whitespace(text: str) -> str:
    """Any run of whitespace -> one space, trimmed at both ends."""
    return _MULTI_SPACE.sub(" ", text.translate(_SPACE_TABLE)).strip(" ")


def strip_html(text: str) -> str:
    """Remove tags, comments, scripts and entities from an article body.

    Block-level tags become line breaks so paragraphs survive; entities are
    unescaped after the tags are gone so that `&lt;b&gt;` stays text.
    This produces the *display* text: it runs before everything else, and
    offsets are given into its output.
    """
    if "<" not in text and "&" not in text:
        return text
    text = _BLOCK_TAG.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text)


#: The rules `normalize` applies, in order (each is idempotent and they commute,
#: which a test checks, so the combined table below is equivalent).
CHARACTER_RULES = (
    remove_invisible_controls,
    remove_diacritics,
    remove_tatweel,
    normalize_alef,
    normalize_teh_marbuta,
    normalize_alef_maqsura,
    normalize_hamza_carriers,
    fold_persian_letters,
    normalize_digits,
    normalize_punctuation,
)


def _substitution_pairs() -> list[tuple[str, str]]:
    pairs: dict[str, str] = {}
    for part in (
        _ALEF_TABLE,
        _TEH_MARBUTA_TABLE,
        _ALEF_MAQSURA_TABLE,
        _HAMZA_CARRIER_TABLE,
        _PERSIAN_LETTERS_TABLE,
        _DIGITS_TABLE,
        _PUNCTUATION_TABLE,
        _SPACE_TABLE,
    ):
        pairs.update({chr(k): str(v) for k, v in part.items()})
    return list(pairs.items())


# `normalize` runs on every paragraph of every item, so it is built for speed:
# `str.translate` with a dict costs a dict lookup per character (about 100 µs
# for a 1,500-character body), while a `replace` per mapped character that is
# present, plus one regex for the rare deletions, is three to five times faster.
# A test checks that both give the same result as the named rules.
_SUBSTITUTIONS = _substitution_pairs()
_DELETIONS = re.compile("[" + re.escape(DIACRITICS + TATWEEL + INVISIBLE_CONTROLS) + "]+")
#: A space followed (maybe past deleted characters) by another space.
_SPACE_THEN_SPACE = re.compile(" (?=\x00* )[ \x00]*")
_EDGE_RUN = re.compile("^[ \x00]+|[ \x00]+$")


_SUBSTITUTION_MAP = dict(_SUBSTITUTIONS)
#: Mapped characters found in most Arabic bodies: replaced without looking first.
_FREQUENT = [
    (c, _SUBSTITUTION_MAP[c]) for c in "\u0623\u0625\u0622\u0629\u0649\u0624\u0626\u060c\n"
]
_RARE = re.compile(
    "[" + re.escape("".join(c for c in _SUBSTITUTION_MAP if c not in dict(_FREQUENT))) + "]"
)


def _substitute(text: str) -> str:
    # No replacement is itself a mapped character, so the order does not matter.
    for char, replacement in _FREQUENT:
        if char in text:
            text = text.replace(char, replacement)
    if _RARE.search(text):
        for char in set(_RARE.findall(text)):
            text = text.replace(char, _SUBSTITUTION_MAP[char])
    return text


def normalize(text: str) -> str:
    """All character rules and whitespace folding in one pass (no HTML handling)."""
    text = _DELETIONS.sub("", _substitute(text))
    if "  " in text:
        text = _MULTI_SPACE.sub(" ", text)
    return text.strip(" ")


def _keep_first_space(match: re.Match[str]) -> str:
    return " " + _DELETED * (len(match.group()) - 1)


def mark(text: str) -> str:
    """`text` normalized but with every deleted character replaced by NUL, so it
    stays aligned with `text` character for character (slices line up)."""
    marked = _substitute(text)
    if _DELETIONS.search(marked):
        marked = _DELETIONS.sub(lambda m: _DELETED * len(m.group()), marked)
    # A deleted mark before a space ("شخصاً ") is common and needs nothing more;
    # only two spaces, or a space then deleted marks then a space, need folding.
    if "  " in marked or " " + _DELETED in marked:
        marked = _SPACE_THEN_SPACE.sub(_keep_first_space, marked)
    if marked[:1] in (" ", _DELETED) or marked[-1:] in (" ", _DELETED):
        marked = _EDGE_RUN.sub(lambda m: _DELETED * len(m.group()), marked)
    return marked


@dataclass(frozen=True, slots=True)
class AlignedText:
    """A normalized text that remembers where each of its characters came from."""

    original: str
    normalized: str
    #: Sorted positions in `original` that normalization deleted.
    deleted: tuple[int, ...]

    def to_original(self, pos: int) -> int:
        """Map a position in `normalized` to the matching position in `original`."""
        # The k-th kept character sits at original index k + (deleted before it);
        # iterate to the fixed point, which is reached in a few steps.
        orig = pos + bisect_right(self.deleted, pos)
        while True:
            moved = pos + bisect_right(self.deleted, orig)
            if moved == orig:
                return orig
            orig = moved

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of `normalized` to a span of `original`."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        stop = self.to_original(end - 1) + 1
        # Marks that ride on the last letter belong to the word a reader sees.
        while stop < len(self.original) and self.original[stop] in _RIDING_MARKS:
            stop += 1
        return self.to_original(start), stop


_DELETED_CHAR = re.compile(_DELETED)


def from_marked(original: str, marked: str) -> AlignedText:
    """The `AlignedText` of `original`, given `mark(original)` (or the slice of
    the mark of a larger text that covers `original`)."""
    if _DELETED not in marked:
        return AlignedText(original, marked, ())
    deleted = tuple(m.start() for m in _DELETED_CHAR.finditer(marked))
    return AlignedText(original, marked.replace(_DELETED, ""), deleted)


def align(text: str) -> AlignedText:
    """Normalize `text` and keep the offset map back to it."""
    return from_marked(text, mark(text))


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def tokens(normalized: str) -> list[str]:
    """Words of a normalized text: letters and digits, punctuation dropped."""
    return _TOKEN.findall(normalized)
