"""What governs a word from inside its clause, shared by the detectors.

A casualty figure and a ceasefire statement are cancelled the same ways: a
negator just before them (لم تسجل أي خروقات، دون وقوع قتلى), or a denial that
reaches them from its verb to the end of what is denied (نفت الوزارة أن يكون
12 جنديا قد قتلوا، لكنها ...). A speaker's or a party's name is cut from the
words after a verb by the same rule too. Each detector brings its own negators
and extra denial verbs; the words every detector shares are data
(`monitor/data/clause.json`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from monitor.detect.lexicon import load, member, norm_set
from monitor.detect.text import Paragraph, Token

_DATA = load("clause")
#: After لا these make no negation: لا يقل، لا يزال، لا سيما.
NOT_NEGATION = norm_set(_DATA["not_negation"]["words"])
#: A negator after these is a condition, not a report (إذا لم يتم الالتزام).
CONDITIONS = norm_set(_DATA["conditions"]["words"])
COMPLEMENTIZERS = norm_set(_DATA["complementizers"]["words"])
CLAUSE_NEGATORS = norm_set(_DATA["complementizers"]["clause_negators"])
MODALS = norm_set(_DATA["complementizers"]["modals"])
DENIALS = norm_set(_DATA["denials"]["verbs"])
DENIAL_END = norm_set(_DATA["denials"]["scope_end"])
#: How many words before a word a negator governs it from.
NEGATION_REACH = 3


def negated(
    words: Sequence[str],
    k: int,
    negators: frozenset[str],
    *,
    facts_only: bool = False,
) -> bool:
    """A negator among the `NEGATION_REACH` words before `k` (لم تسجل أي خروقات),
    not one that makes no negation (لا يزال) and, with `facts_only`, not one
    that states a condition (إذا لم).
    """
    for j in range(max(0, k - NEGATION_REACH), k):
        if facts_only and j > 0 and words[j - 1] in CONDITIONS:
            continue
        if member(words[j], negators) and not (j + 1 < len(words) and words[j + 1] in NOT_NEGATION):
            if (
                not member(words[j], CLAUSE_NEGATORS)
                and any(words[m] in COMPLEMENTIZERS for m in range(j + 1, k))
                and not any(member(words[m], MODALS) for m in range(j + 1, k))
            ):
                continue  # "لن ننسى أن ستة … مفقودون": the clause after أن is asserted
            return True
    return False


def denied(
    words: Sequence[str],
    k: int,
    denials: frozenset[str] = DENIALS,
    *,
    stop: Callable[[int], bool] | None = None,
) -> bool:
    """Whether a denial verb before `k` reaches it: nothing between them turns to
    what is asserted (لكن، مؤكدة، وقال) and, when given, `stop(j)` holds at no
    word between (a call that a rejection does not cancel)."""
    for j in range(k - 1, -1, -1):
        w = words[j]
        if member(w, DENIAL_END):
            return False
        if stop is not None and stop(j):
            return False
        if member(w, denials):
            return True
    return False


def phrase(
    para: Paragraph,
    toks: Sequence[Token],
    lo: int,
    hi: int,
    *,
    skip: Callable[[str], bool],
    ends: Callable[[int, str], bool],
    max_words: int,
    strip_tail: Callable[[str], bool] | None = None,
) -> str | None:
    """The words of toks[lo:hi] as written, trimmed to a short name: words that
    `skip` before the name are passed over, the span stops at a clause break, at
    a word that `ends` it (given its position in the name) or after `max_words`,
    and words that `strip_tail` are taken off its end."""
    kept: list[int] = []
    for k in range(lo, hi):
        word = toks[k].text
        if k > lo and toks[k].broken:
            break  # a name does not run across a clause break
        if not kept and skip(word):
            continue
        if kept and ends(len(kept), word):
            break
        kept.append(k)
        if len(kept) >= max_words:
            break
    while kept and strip_tail is not None and strip_tail(toks[kept[-1]].text):
        kept.pop()
    if not kept:
        return None
    return para.original(toks[kept[0]].start, toks[kept[-1]].end)
