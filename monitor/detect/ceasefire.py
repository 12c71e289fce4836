"""Ceasefire statements: sentences that report a ceasefire or truce, with a status.

A statement is a trigger phrase (وقف إطلاق النار، هدنة، وقف القتال ...) in a
sentence. Its status comes from the cue words around the trigger: the words
before it in the sentence (the verb that governs it: وافقوا على ...، دعا إلى ...)
and the words after it up to the end of its clause (الهدنة صامدة). When several
cues are present, the most specific status wins, in the order of
`status_priority` in the lexicon (a violation outranks the call that follows it;
a call to respect a truce is a call; an agreement outranks the announcement of
it). A trigger with no cue at all is not reported: a ceasefire named in passing
says nothing new about one.

A statement is historical when it puts the ceasefire in the past (a year next
to it, "منذ اتفاق وقف إطلاق النار", the Korean truce village, a war that
"ended with" a ceasefire) and is not itself a call or a violation, which are
news even when the agreement they refer to is old.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from monitor.detect import clause, genre, timeframe
from monitor.detect.lexicon import (
    DEFINITE,
    WordMemo,
    clitic_variants,
    load,
    norm_phrase,
    norm_phrases,
    norm_set,
    norm_word,
    screen,
)
from monitor.detect.matcher import PhraseMatch, PhraseMatcher
from monitor.detect.text import Paragraph, Sentence, Token, clause_breaks, paragraphs
from monitor.document import Document
from schemas.analysis import CeasefireResult, CeasefireStatement

_DATA = load("ceasefire")
_GRAMMAR = _DATA["grammar"]
TRIGGERS: PhraseMatcher[str] = PhraseMatcher(
    (p, "trigger") for p in norm_phrases(_DATA["triggers"])
)
HISTORICAL: PhraseMatcher[str] = PhraseMatcher(
    (p, "historical") for p in norm_phrases(_DATA["historical"])
)
EXCLUDE_AFTER = norm_set(_DATA["trigger_exclusions_after"])
_SPLIT = _DATA["discontinuous"]
SPLIT_HEADS = norm_set(_SPLIT["heads"])
SPLIT_TAILS = norm_phrases([" ".join(t) for t in _SPLIT["tails"]])
SPLIT_MAX = int(_SPLIT["max_between"])
_FIG = _DATA["figurative"]
FIGURATIVE = norm_set(_FIG["context"])
FIGURATIVE_PHRASES = norm_phrases(_FIG["phrases"])
FIGURATIVE_ADJECTIVES = norm_set(_FIG["adjectives"])
WAR_CONTEXT = norm_set(_FIG["war_context"]) | frozenset(
    w for names in load("conflicts")["conflicts"].values() for n in names for w in norm_phrase(n)
)
#: A truce denied or rejected is none: the shared denial verbs and rejections.
DENIALS = clause.DENIALS | norm_set(_DATA["rejections"])
PRIORITY: list[str] = list(_DATA["status_priority"])
_RANK = {s: i for i, s in enumerate(PRIORITY)}

#: word -> status, for exact cue forms.
EXACT_CUES: dict[str, str] = {}
PREFIX_CUES: list[tuple[str, str]] = []
for _status in reversed(PRIORITY):  # higher priority written last, so it wins a clash
    for _w in _DATA["cues"][_status]["exact"]:
        EXACT_CUES[norm_word(_w)] = _status
    for _w in _DATA["cues"][_status]["prefixes"]:
        if len(norm_word(_w)) > 3:
            PREFIX_CUES.append((norm_word(_w), _status))
WEAK_CUES = {norm_word(w): s for s, ws in _DATA["weak_cues"].items() for w in ws}
THREATENED = norm_set(_DATA["threatened"])
HOSTILITIES = norm_set(_DATA["hostilities"])
PENDING = norm_set(_DATA["pending"])
AGREEMENT_OBJECTS = norm_set(_DATA["agreement_objects"])
#: Nouns of agreeing and announcing, which a pending word puts in the future.
_AGREEMENT_NOUNS = norm_set(_GRAMMAR["agreement_nouns"])
_COMMITTED = norm_set(_GRAMMAR["committed"])
_PROPOSALS = norm_set(_GRAMMAR["proposals"])
#: Adjectives of a proposal that are not its owner.
_NOT_A_PARTY = norm_set(_GRAMMAR["not_a_party"])
#: Words that show the phrase between a proposal and a trigger is no owner's name.
_OWNER_STOP = norm_set(_GRAMMAR["owner_stop"])
#: "لم تصمد" is a truce that collapsed.
_HELD = norm_set(_GRAMMAR["held"])
#: Suspending words that, on the war itself, make the truce (تجميد الحرب).
_FREEZING = norm_set(_GRAMMAR["freezing"])
PROPOSER_CUES = norm_set(_DATA["proposer_cues"])
COMMENT_VERBS = norm_set(_DATA["comment_verbs"])
ACCEPTOR_CUES = norm_set(_DATA["acceptor_cues"])

#: Words scanned before a trigger for its governing cue, and after it.
_BEFORE = 12
_AFTER = 8
#: How far after the trigger a violation "of it" (بخرقه، تنتهكه) still refers to it.
_AFTER_PRONOUN = 24
#: Words that end the noun phrase naming a party.
_PARTY_STOP = norm_set(_GRAMMAR["party_stop"])
_SUBJECT_START = norm_set(_GRAMMAR["subject_start"])
_MAX_PARTY = 6
_ENDED = norm_set(_GRAMMAR["ended"])
#: A ceasefire that "ended a war" (أنهى حربا): the verb's object is the war, so
#: the ceasefire was agreed, not suspended.
_ENDING = norm_set(_GRAMMAR["ending"])
_ENDING_MASDAR = norm_set(_GRAMMAR["ending_masdar"])
_WAR = norm_set(_GRAMMAR["war"])
#: Negators before a violation word: "لم تسجل أي خروقات" says the truce holds.
_NEGATORS = norm_set(_GRAMMAR["negators"])
#: Negators of fact (did not, non-), not of forecast (لن) or possibility (لا يمكن).
_FACT_NEGATORS = norm_set(_GRAMMAR["fact_negators"])
_ON = norm_word(_GRAMMAR["on"][0])
_FROM = norm_word(_GRAMMAR["from"][0])
_ENDED_WITH = tuple(norm_set(_GRAMMAR["ended_with"]))
_ACCEPTOR_OBJECTS = norm_set(_GRAMMAR["acceptor_objects"])
_WITHDRAW = tuple(norm_set(_GRAMMAR["withdraw"]))
_DISTAL = norm_set(_GRAMMAR["distal"])
_NO_TRUCE = norm_set(_GRAMMAR["no_truce"])
_EXISTENTIALS = norm_set(_GRAMMAR["existentials"])
_EXTENSIONS = norm_set(_GRAMMAR["extensions"])
#: Words that make what follows a point in time (بعد سريان الهدنة).
_WHEN = norm_set(_GRAMMAR["time_points"])
_COMMITMENT_NOUNS = norm_set(_GRAMMAR["commitment_nouns"])
_PURPOSES = norm_set(_GRAMMAR["purposes"])
_PURPOSE_OPENERS = norm_set(_GRAMMAR["purpose_openers"])
_CONDITIONS = norm_set(_GRAMMAR["conditions"])
_IN_THE_FRAME_OF = frozenset(norm_phrase(p) for p in _GRAMMAR["in_the_frame_of"])
#: "هدن سابقة انهارت": an earlier truce than the one in the news
_PREVIOUS = norm_set(_GRAMMAR["previous"])
_SAME = norm_set(_GRAMMAR["same"])


def _an_earlier_truce(toks: tuple[Token, ...], last: int) -> bool:
    """ "هدن سابقة انهارت": an earlier truce; not "الهدنة السابقة نفسها" (the same)."""
    k = last + 1
    return (
        k < len(toks)
        and toks[k].text in _PREVIOUS
        and not (k + 1 < len(toks) and toks[k + 1].text in _SAME)
    )


_ACCEPTANCES = norm_set(_GRAMMAR["acceptances"])


def _conditional_acceptance(toks: tuple[Token, ...], k: int) -> bool:
    """An acceptance at `k` not given yet: behind ل (لقبول الهدنة), or beside a
    condition (قبل القبول بهدنة، تربط موافقتها بشروط)."""
    word = toks[k].text
    if not any(v in _ACCEPTANCES for v in (word, *clitic_variants(word, articles=True))):
        return False
    if word.startswith("ل") and word[1:] in _ACCEPTANCES:
        return True
    near = [t.text for t in toks[max(0, k - 2) : k + 3] if t is not toks[k]]
    return any(w in _CONDITIONS or any(v in _CONDITIONS for v in clitic_variants(w)) for w in near)


_AGREEMENT_MASDARS = norm_set(_GRAMMAR["agreement_masdars"])
#: Words that say a truce holds as its predicate (not a call to respect it).
_HOLDING_PREDICATES = norm_set(_GRAMMAR["holding_predicates"])
_STARTS = norm_set(_GRAMMAR["starts"])
_SCHEDULED_VERBS = norm_set(_GRAMMAR["scheduled_verbs"])
_SIGN_VERBS = norm_set(_GRAMMAR["sign_verbs"])
_CAUSED = norm_set(_GRAMMAR["caused"])
_MEDIATION = norm_set(_GRAMMAR["mediation"])
_SCHEDULED_TIMES = norm_set(_GRAMMAR["scheduled_times"])
#: what a verb of agreement or proposal can govern through على: an extension, a start
_GOVERNED_ACTS = _EXTENSIONS | _STARTS
_START_NOUNS = norm_set(_GRAMMAR["start_nouns"])
_CONSEQUENCES = norm_set(_GRAMMAR["consequences"])
_CONTINUES = norm_set(_GRAMMAR["continues"])
_SUPERLATIVES = norm_set(_GRAMMAR["superlatives"])
_SINCE = norm_word("منذ")
_ANY = norm_set(_GRAMMAR["any"])
#: Words that open another clause of the sentence (فيما دعت ...، بينما ...).
_TURNS = norm_set(_GRAMMAR["turns"])
_QUOTES = frozenset("«\"“”'")
#: How far after the trigger its own predicate stands (لا يزال صامدا).
_PREDICATE = 4
_OBJECTS = norm_set(_GRAMMAR["objects"])
#: What a verb far before the trigger may govern through على / إلى.
_GOVERNING = ("agreed", "called_for", "proposed")
_RESUME = norm_set(_GRAMMAR["resumption"])
#: What a resumption must resume to end a truce (with a possessive: قصفها، هجماته).
_FIGHTING = tuple(norm_set(_GRAMMAR["fighting"]))


@dataclass(frozen=True, slots=True)
class _Cue:
    status: str
    index: int  # token index in the sentence


def _cue_of(word: str, next_word: str) -> str | None:
    if word not in _PAIR_CUE_FORMS:
        return _WORD_CUES[word]  # (most words) the cue does not depend on the next word
    return _pair_cue(word, next_word)


def _pair_cue(word: str, next_word: str) -> str | None:
    if word in _ENDED and next_word.startswith("ب"):
        return "agreed"  # the war "ended with" a ceasefire (انتهى باتفاق)
    if any(v in _ENDING for v in clitic_variants(word)) and any(
        v in _WAR for v in clitic_variants(next_word, articles=True)
    ):
        # The ceasefire "ended the war" (أنهى حربا): agreed. "وقف إطلاق النار
        # وإنهاء الحرب" names a second goal beside it, and says nothing of it.
        return None if any(v in _ENDING_MASDAR for v in clitic_variants(word)) else "agreed"
    if any(v in _FREEZING for v in clitic_variants(word)) and any(
        v in _WAR for v in clitic_variants(next_word, articles=True)
    ):
        return None  # "تجميد الحرب عبر وقف لإطلاق النار": freezing the war is the truce
    if next_word == _ON and any(v in COMMENT_VERBS for v in clitic_variants(word)):
        return None  # "حماس تعلق على وقف إطلاق النار": comments on it
    return _word_cue(word)


def _word_cue(word: str) -> str | None:
    """The status a cue word gives by itself (the last test of `_pair_cue`)."""
    for v in clitic_variants(word, articles=True, min_rest=2):
        if word[0] == "ك" and v == word[1:]:
            continue  # "كامل" is "complete", not ك + أمل "hope"
        status = EXACT_CUES.get(v)
        if status:
            return status
    for v in clitic_variants(word, articles=True):
        for prefix, status in PREFIX_CUES:
            if v.startswith(prefix):
                return status
    for v in clitic_variants(word, articles=True, min_rest=2):
        # a cue noun with a possessive suffix: "أكد الطرفان التزامهما بوقف إطلاق
        # النار" (their commitment), "أعلنت موافقتها على الهدنة" (its consent)
        base = _unpossessed(v)
        if base != v and len(base) >= _MIN_POSSESSED_CUE:
            status = EXACT_CUES.get(base)
            if status in _POSSESSED_STATUSES:
                return status
    return None


#: The shortest cue read under a possessive suffix (shorter stems are other words).
_MIN_POSSESSED_CUE = 4
#: The statuses a possessed cue gives: an end of the truce under a pronoun is
#: mostly one warned of or refused ("لن نسمح بانهياره"), not one that came; its
#: talks or terms (مباحثاته، شروطه) are about something else as often as not.
_POSSESSED_STATUSES = frozenset({"holding", "agreed", "called_for", "announced"})
_NEEDS = norm_set(_GRAMMAR["needs"])
_CONCESSIVES = norm_set(_GRAMMAR["concessives"])
_THAT_FORMS = norm_set(_GRAMMAR["that_forms"])
_ONLY = norm_set(_GRAMMAR["only"])


def _a_need(word: str) -> bool:
    """A word of need (بحاجة، تحتاج، المطلوب), also with a possessive."""
    return any(v in _NEEDS or _unpossessed(v) in _NEEDS for v in clitic_variants(word))


#: The words whose cue the next word may change (ended with, ending or freezing
#: a war, commenting on), in every form behind clitics; any other word's cue is
#: its own, remembered per word.
_PAIR_CUE_FORMS = _ENDED | screen(_ENDING | _FREEZING | COMMENT_VERBS, articles=False)
_WORD_CUES: WordMemo[str | None] = WordMemo(_word_cue)


def _negated(toks: tuple[Token, ...], k: int, negators: frozenset[str] = _NEGATORS) -> bool:
    """A negator just before `k` (لم تسجل أي خروقات، دون خروقات); a negator of
    fact after إذا is a condition, not a report (إذا لم يتم الالتزام)."""
    # Only the words the rule reads (the reach, one before it for إذا, and `k`):
    # this runs for every cue word of every sentence with a truce in it.
    lo = max(0, k - clause.NEGATION_REACH - 1)
    words = [t.text for t in toks[lo : k + 1]]
    return clause.negated(words, k - lo, negators, facts_only=negators is _FACT_NEGATORS)


def _threatened(toks: tuple[Token, ...], k: int) -> bool:
    return any(
        v in THREATENED
        for j in range(max(0, k - 2), k)
        for v in clitic_variants(toks[j].text, articles=True)
    )


def _comment(toks: tuple[Token, ...], k: int) -> bool:
    """A word of commenting (تعليق، علق) whose على comes a few words on, before
    any word of the truce: a comment on it, not its suspension."""
    return _comment_on(toks, k) is not None


def _comment_on(toks: tuple[Token, ...], k: int) -> int | None:
    """Where the على of a comment at `k` stands ("تعليق فوري من الجيش على")."""
    if not any(v in COMMENT_VERBS for v in clitic_variants(toks[k].text)):
        return None
    for j in range(k + 1, min(len(toks), k + 1 + _COMMENT_REACH)):
        word = toks[j].text
        if word == _ON:
            return j
        if any(v in AGREEMENT_OBJECTS for v in clitic_variants(word, articles=True)):
            return None  # "تعليق الهدنة"، "علقت العمل بالاتفاق"
    return None


#: Words between a word of commenting and its على ("تعليق فوري من الجيش على").
_COMMENT_REACH = 6


def _forecast(toks: tuple[Token, ...], k: int) -> bool:
    """A consequence verb in the present or future right before `k`, through إلى
    (سيعني انتهاء، قد يؤدي إلى انهيار)."""
    j = k - 1
    if j > 0 and toks[j].text in _OBJECTS:
        j -= 1
    return j >= 0 and any(v in _CONSEQUENCES for v in clitic_variants(toks[j].text, min_rest=2))


def _cue_at(toks: tuple[Token, ...], k: int) -> str | None:
    status = _cue_of(toks[k].text, toks[k + 1].text if k + 1 < len(toks) else "")
    if status == "proposed" and k > 0 and (toks[k - 1].text, toks[k].text) in _IN_THE_FRAME_OF:
        return None  # "في إطار المرحلة الثانية من اتفاق وقف إطلاق النار": as part of it
    if status == "violated" and k > 0 and toks[k - 1].text in _ANY:
        return None  # "التحقيق في أي خروق": any that may come, none reported
    if status == "violated" and _negated(toks, k):
        # "لم تسجل أي خروقات" is no violation (the truce holding is said by its
        # own words: صامد، هدوء); "لم يحدث اختراق في المباحثات" is no breakthrough.
        return None
    if status in ("violated", "suspended") and _threatened(toks, k):
        return "holding"  # "الهدنة مهددة بالانهيار": a warning, the truce still holds
    if status == "suspended" and _comment(toks, k):
        return None  # "لم يصدر تعليق فوري من الجيش على إعلان الهدنة": a comment
    if status == "suspended" and _forecast(toks, k):
        return None  # "أي هجوم سيعني انتهاء الهدنة": what would follow, not what did
    if status == "suspended" and toks[k].text.endswith(_WITHDRAW):
        # "انسحاب القوات" is troops leaving; "الانسحاب من الهدنة" ends the truce
        if not (
            k + 2 < len(toks)
            and toks[k + 1].text.startswith(_FROM)
            and any(
                v in AGREEMENT_OBJECTS for v in clitic_variants(toks[k + 2].text, articles=True)
            )
        ):
            return None
    if status == "holding" and k > 0 and _announced_start(toks, k - 1):
        # "أعلنت الوزارة بدء سريان هدنة"، a headline "بدء سريان هدنة في السويداء":
        # the truce taking effect is the news (not "بعد أيام من بدء سريان الهدنة")
        return "announced"
    if (
        status == "holding"
        and k + 1 < len(toks)
        and any(v in _CONTINUES for v in clitic_variants(toks[k].text, articles=True))
        and any(v in _FIGHTING for v in clitic_variants(toks[k + 1].text, min_rest=2))
    ):
        return None  # "استمرار القصف": the fighting goes on, not the truce
    if (
        status == "agreed"
        and k + 1 < len(toks)
        and any(v in _SIGN_VERBS for v in clitic_variants(toks[k].text))
        and any(v in _CAUSED for v in clitic_variants(toks[k + 1].text, articles=True))
    ):
        return None  # "قصف روسي يوقع قتلى وجرحى": it causes losses, signs nothing
    if (
        status == "proposed"
        and any(v in _MEDIATION for v in clitic_variants(toks[k].text))
        and any(
            EXACT_CUES.get(v) in ("announced", "agreed")
            for t in toks[max(0, k - 6) : k]
            for v in clitic_variants(t.text, min_rest=2)
        )
    ):
        return None  # "أعلنت روسيا وأوكرانيا، بوساطة أمريكية، هدنة": how it came about
    if status == "holding" and _scheduled(toks, k):
        return None  # "اتفاقا لوقف إطلاق النار يدخل حيز التنفيذ خلال 72 ساعة": not yet
    if status == "holding" and _aim(toks, k):
        return None  # "آلية لمراقبة الالتزام بالهدنة": what a mechanism is for
    if status == "holding" and _negated(toks, k):
        variants = clitic_variants(toks[k].text, articles=True)
        if any(v in _HELD for v in variants):
            return "suspended"  # "لم تصمد سوى دقائق": it collapsed
        if any(v in _COMMITTED for v in variants) and _negated(toks, k, _FACT_NEGATORS):
            # "عدم التزام الاحتلال بالاتفاق"، "لم تلتزم": it was not respected
            # ("لن يلتزم" is a forecast, not a report)
            return "violated"
        return None  # "لا ضمانات لاستمرار الهدنة": uncertain, not holding
    if status == "suspended" and any(v in _RESUME for v in clitic_variants(toks[k].text)):
        # استئناف القتال ends a truce; استئناف تطبيق الهدنة or استئناف المحادثات
        # beside it does not
        if not any(
            v.startswith(_FIGHTING)
            for t in toks[k + 1 : k + 4]
            for v in clitic_variants(t.text, articles=True, min_rest=2)
        ):
            return None  # the object (after a subject: استأنف الجيش قصفه) is no fighting
    if status in ("agreed", "announced") and _pending(toks, k):
        return "proposed"  # "سبل التوصل إلى وقف إطلاق النار": still to be reached
    return status


def _scheduled(toks: tuple[Token, ...], k: int) -> bool:
    """An entry verb in the present or future at `k` with the time it will take
    effect after it (يدخل حيز التنفيذ خلال 72 ساعة، يسري اعتبارا من الغد)."""
    verb = k if any(v in _SCHEDULED_VERBS for v in clitic_variants(toks[k].text)) else k - 1
    # (the cue may be حيز itself, right after its verb)
    if verb < 0 or not any(v in _SCHEDULED_VERBS for v in clitic_variants(toks[verb].text)):
        return False
    for t in toks[k + 1 : k + 5]:
        if t.text == _SINCE:
            return False  # "يسري منذ يوم الجمعة": in effect since then
        if any(v in _SCHEDULED_TIMES for v in clitic_variants(t.text, articles=True)):
            return True
    return False


def _no_violation_of(toks: tuple[Token, ...], first: int) -> bool:
    """A violation word right before the truce, negated (لم تسجل أي خروقات لوقف
    إطلاق النار منذ منتصف الليل): no violation of it, so it holds."""
    for k in range(max(0, first - 2), first):
        nxt = toks[k + 1].text
        if (
            _cue_of(toks[k].text, nxt) == "violated"
            and _negated(toks, k)
            and not any(t.text in _ONLY for t in toks[max(0, k - 3) : k + 1])
        ):
            return True
    return False


def _announced_start(toks: tuple[Token, ...], k: int) -> bool:
    """A start word (بدء) at `k` that opens its sentence or is what an
    announcement says (أعلنت بدء)."""
    if not any(v in _STARTS for v in clitic_variants(toks[k].text)):
        return False
    if k == 0 or toks[k].broken:
        return True  # it opens the sentence, or the news after a label (السويداء: بدء سريان)
    # back to the announcing verb within its clause ("وأعلن محافظ السويداء في
    # وقت متأخر من المساء بدء سريان وقف لإطلاق النار")
    for j in range(k - 1, max(-1, k - 1 - _ANNOUNCER_REACH), -1):
        if any(EXACT_CUES.get(v) == "announced" for v in clitic_variants(toks[j].text, min_rest=2)):
            return True
        if toks[j].broken:
            break
    return False


#: How far before a start word (بدء) the verb announcing it may stand.
_ANNOUNCER_REACH = 10


def _aim(toks: tuple[Token, ...], k: int) -> bool:
    """A commitment noun that is the aim of a purpose word before it."""
    if not any(v in _COMMITMENT_NOUNS for v in clitic_variants(toks[k].text, articles=True)):
        return False
    return any(
        v in _PURPOSES
        for j in range(max(0, k - 2), k)
        for v in clitic_variants(toks[j].text, articles=True)
    )


def _far_governor(toks: tuple[Token, ...], first: int) -> _Cue | None:
    """The verb that governs the trigger from further back than the cue window,
    through على or إلى: "اتفقت حكومة الكونغو وتحالف نهر الكونغو، السبت في الدوحة،
    على وقف إطلاق النار"، "اتفق المديران ... على الالتزام الصارم بوقف إطلاق النار"."""
    j = first - 1
    # over a commitment noun and its adjective (على الالتزام الصارم ب...)
    for k in range(first - 1, max(-1, first - 4), -1):
        if any(v in _COMMITMENT_NOUNS for v in clitic_variants(toks[k].text, articles=True)):
            j = k - 1
            break
    if j < 0 or toks[j].text not in _OBJECTS:
        return None
    for k, status in _cues_before(toks, j):
        if status in _GOVERNING:
            return _Cue(status, k)
    return None


def _aside_before_object(toks: tuple[Token, ...], first: int) -> tuple[int, int] | None:
    """The span of an aside between commas that ends right before the على or
    إلى governing the trigger (or its extension: على تمديد وقف ...)."""
    j = first - 1
    if j > 0 and any(v in _EXTENSIONS for v in clitic_variants(toks[j].text, min_rest=2)):
        j -= 1
    if j <= 0 or toks[j].text not in _OBJECTS or not toks[j].broken:
        return None
    a = j - 1
    while a > 0 and not toks[a].broken:
        a -= 1
    return (a, j) if toks[a].broken else None


def _cues_before(toks: tuple[Token, ...], j: int) -> Iterator[tuple[int, str]]:
    """The cues before `j`, nearest first, over an aside between commas that ends
    right before it: in "اتفقت الحكومة والحركة، في ختام جولة مفاوضات في الدوحة،
    على وقف ..." the talks of the aside govern nothing."""
    aside = _aside_before_object(toks, j + 1) if toks[j].text in _OBJECTS else None
    start = j - 1 if aside is None else aside[0] - 1
    for k in range(start, -1, -1):
        status = _cue_of(toks[k].text, toks[k + 1].text)
        if status is not None:
            yield k, status


def _extension_status(toks: tuple[Token, ...], k: int) -> str | None:
    """The status of the verb that governs an extension or a start at `k` (اتفقا
    على تمديد الهدنة، اتفاق على بدء تنفيذ المرحلة الثانية: agreed; تقترحان تمديد
    الهدنة: proposed), however far through على or إلى, else among the few words
    before it; None when nothing governs it."""
    if not any(v in _GOVERNED_ACTS for v in clitic_variants(toks[k].text, min_rest=2)):
        return None
    if k > 0 and toks[k - 1].text in _OBJECTS:
        if k > 1 and _agreement_noun(toks[k - 2].text):
            return "agreed"  # "اتفاق على بدء المرحلة الثانية": the noun governs it
        governor = next(_cues_before(toks, k - 1), None)
        return governor[1] if governor is not None and governor[1] in _GOVERNING else None
    if k > 0 and toks[k].text[0] == "ل" and _agreement_noun(toks[k - 1].text):
        return "agreed"  # "تعلنان اتفاقا لتمديد وقف إطلاق النار"
    for j in range(k - 1, max(-1, k - 4), -1):
        if toks[j].text in _TURNS:
            break
        near = _cue_of(toks[j].text, toks[j + 1].text)
        if near is not None:
            return near if near in _GOVERNING else None
    return None


def _agreement_noun(word: str) -> bool:
    """An agreement (اتفاق، اتفاقا، اتفاقهما): the noun that can govern an
    extension or a start of the truce."""
    return any(
        WEAK_CUES.get(v) == "agreed" or WEAK_CUES.get(_unpossessed(v)) == "agreed"
        for v in clitic_variants(word, articles=True)
    )


def _pending(toks: tuple[Token, ...], k: int) -> bool:
    if not any(v in _AGREEMENT_NOUNS for v in clitic_variants(toks[k].text, min_rest=2)):
        return False
    return any(
        v in PENDING
        for j in range(max(0, k - 2), k)
        for v in clitic_variants(toks[j].text, articles=True)
    )


def _cues(toks: tuple[Token, ...], first: int, last: int, text: str = "") -> list[_Cue]:
    out = []
    breaks = clause_breaks(text, toks) if text else [t.broken for t in toks]
    start = max(0, first - _BEFORE)
    for k in range(first - 1, start - 1, -1):
        if toks[k].text in _TURNS:
            start = k + 1  # "انتهاك الاتفاق، فيما دعت ... إلى وقف": another clause's cue
            break
        if (
            k >= first - 2
            and any(v in _CONCESSIVES for v in clitic_variants(toks[k].text))
            # not "رغم أنها هدنة إنسانية": a clause of its own, the truce its predicate
            and not (k + 1 < first and toks[k + 1].text in _THAT_FORMS)
        ):
            # "الجيش يعلن أسر 40 من مقاتلي الحركة رغم الهدنة": the truce is what
            # "despite" governs; the verb before it announced something else
            start = k + 1
            break
    for k in range(start, first):
        status = _cue_at(toks, k)
        if status:
            out.append(_Cue(status, k))
    for k in range(last + 1, min(len(toks), last + 1 + _AFTER)):
        if breaks[k]:
            break  # the clause after the trigger ends at punctuation (not at a quote)
        if toks[k].text in _TURNS or toks[k].text in _CONCESSIVES:
            # "اتفقا على تمديد وقف إطلاق النار ...، رغم الاتهامات بانتهاك الهدنة":
            # what follows "despite" is said of the other truce word, not this one
            break
        status = _cue_at(toks, k)
        if status and not (status == "called_for" and _a_need(toks[k].text)):
            # (a need after the truce is what the truce needs: "وقف إطلاق النار
            # بحاجة إلى آلية مراقبة", not a call for it)
            out.append(_Cue(status, k))
    # A violation of "it" later in the sentence points back to the truce
    # ("دخل حيز التنفيذ صباحا، غير أن يريفان اتهمت باكو بخرقه").
    for k in range(last + 1, min(len(toks), last + 1 + _AFTER_PRONOUN)):
        if toks[k].text in _CONCESSIVES:
            break  # "رغم الاتهامات بانتهاك الهدنة": the other truce word's
        of_it = toks[k].text.endswith(("ه", "ها")) or (
            k + 2 < len(toks)
            and any(
                v in AGREEMENT_OBJECTS
                for j in (k + 1, k + 2)
                for v in clitic_variants(toks[j].text, articles=True)
            )
        )
        if of_it and _cue_at(toks, k) == "violated":
            out.append(_Cue("violated", k))  # بخرقه، بالخرق المتمادي للاتفاق
            break
    return out


def _ends_war(toks: tuple[Token, ...], last: int) -> bool:
    """The ceasefire "ended the war" (الهدنة التي أنهت الحرب): said of a past war."""
    for k in range(last + 1, min(len(toks) - 1, last + 1 + _AFTER)):
        if any(v in _ENDING for v in clitic_variants(toks[k].text)) and any(
            v in _WAR for v in clitic_variants(toks[k + 1].text, articles=True)
        ):
            return True
    return False


def _dated(toks: tuple[Token, ...], first: int, last: int, year: int | None) -> bool:
    """A past year in the wider clause around the trigger, not one of "since" (منذ 2014)."""
    words = [t.text for t in toks]
    return any(
        timeframe.past_year(words, k, year, war=True)
        for k in range(max(0, first - 4), min(len(toks), last + 10))
    )


def _weak_cue(toks: tuple[Token, ...], first: int, last: int) -> str | None:
    for k in range(max(0, first - 2), first):
        for v in clitic_variants(toks[k].text, articles=True):
            if v in WEAK_CUES:
                status = WEAK_CUES[v]
                if status == "violated" and not _hostile(toks, first, last):
                    return None  # "غزة تعيش أزمة رغم وقف إطلاق النار": no fighting said
                return status
    return None


def _hostile(toks: tuple[Token, ...], first: int, last: int) -> bool:
    """Whether the sentence, outside the trigger, speaks of fighting (قصف، استهداف ...)."""
    return any(
        v in HOSTILITIES or _unpossessed(v) in HOSTILITIES
        for k, t in enumerate(toks)
        if not first <= k <= last
        for v in clitic_variants(t.text, articles=True)
    )


_POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه")


def _unpossessed(word: str) -> str:
    """The noun without a possessive suffix (غاراتها، قصفه: its strikes), or the word."""
    for suffix in _POSSESSIVE_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _historical(
    toks: tuple[Token, ...], first: int, last: int, sentence_hist: bool, year: int | None
) -> bool:
    words = [t.text for t in toks]
    if timeframe.still(words) and _still_holding(toks, last) is not None:
        return False  # "المبرم في مايو 2025 لا يزال صامدا": agreed then, holding now
    if sentence_hist:
        return True
    if timeframe.still(words):
        return False  # "الهدنة المعلنة في 2024 لا تزال صامدة": agreed then, holding now
    if first > 0 and words[first - 1] in _DISTAL:
        return True  # "تلك الهدنة": the truce the text spoke of before, in the past
    for k in range(first - 1, max(-1, first - 4), -1):
        if toks[k + 1].broken:
            break  # "عاد الهدوء منذ الفجر، وإن وقف إطلاق النار صامد": another clause's
        if any(v in timeframe.SINCE for v in clitic_variants(words[k])):
            return True  # "منذ سريان وقف إطلاق النار": the truce as a point in time
    # A past year right after the ceasefire phrase (اتفاق وقف إطلاق النار المبرم
    # عام 2020) or right before it (هدنة 1953).
    window = [*range(max(0, first - 3), first), *range(last + 1, min(len(toks), last + 5))]
    if any(timeframe.past_year(words, k, year, war=True) for k in window):
        return True
    # Background told as such (the pluperfect, a truce that "ended the war")
    # with a date a little further away: "وكان اتفاق وقف إطلاق النار الذي رعته
    # موسكو في نوفمبر 2020 قد أنهى حربا".
    if (
        timeframe.pluperfect([t.text for t in toks[: timeframe.HAD_REACH]]) or _ends_war(toks, last)
    ) and _dated(toks, first, last, year):
        return True
    # The war "ended with" a ceasefire: the ending verb in the same clause.
    before = [t.text for t in toks[max(0, first - 3) : first]]
    return any(v.startswith(_ENDED_WITH) for v in before)


def _party(para: Paragraph, toks: tuple[Token, ...], lo: int, hi: int) -> str | None:
    """The words of toks[lo:hi] as written, trimmed to a short noun phrase."""
    return clause.phrase(
        para, toks, lo, hi, skip=_party_stop, ends=lambda _, w: _party_stop(w), max_words=_MAX_PARTY
    )


def _party_stop(word: str) -> bool:
    return word in _PARTY_STOP or clitic_variants(word)[-1] in _PARTY_STOP


def _proposer(para: Paragraph, toks: tuple[Token, ...], first: int, last: int) -> str | None:
    for k in range(last + 1, min(len(toks), last + 1 + _AFTER)):
        if toks[k].text in PROPOSER_CUES or any(
            v in PROPOSER_CUES for v in clitic_variants(toks[k].text)
        ):
            return _party(para, toks, k + 1, min(len(toks), k + 1 + _MAX_PARTY))
    return _proposal_owner(para, toks, first)


def _proposal_owner(para: Paragraph, toks: tuple[Token, ...], first: int) -> str | None:
    """The party named between a proposal noun and the trigger: "مقترح قوات حفظ
    السلام الروسية لوقف إطلاق النار", "المبادرة المصرية للتهدئة"."""
    for k in range(first - 1, max(-1, first - _MAX_PARTY - 2), -1):
        if toks[k].broken and k < first - 1:
            break
        if any(v in _PROPOSALS for v in clitic_variants(toks[k].text, articles=True)):
            if k + 1 >= first:
                return None  # "مقترح وقف إطلاق النار": nobody named
            between = [t.text for t in toks[k + 1 : first]]
            if (
                len(between) > 4
                or any(v in _NOT_A_PARTY for v in clitic_variants(between[0], articles=True))
                or any(w in _OWNER_STOP or w in _PARTY_STOP for w in between)
                or any(w.startswith(("ل", "ب")) and w[1:2] != "ل" for w in between[1:])
            ):
                # "مقترحا جديدا للهدنة"، "مقترح اتفاق قد يمهد لوقف الحرب"،
                # "مبادرة التحالف بإقرار الهدنة"
                return None
            return _party(para, toks, k + 1, first)
    return None


def _acceptor(para: Paragraph, toks: tuple[Token, ...], first: int) -> str | None:
    for k in range(first - 1, max(-1, first - _BEFORE - 1), -1):
        word = toks[k].text
        if word in ACCEPTOR_CUES or any(v in ACCEPTOR_CUES for v in clitic_variants(word)):
            after = toks[k + 1].text if k + 1 < len(toks) else ""
            if k + 1 < first and after not in _ACCEPTOR_OBJECTS:
                # verb-subject order: وافقت حماس على ...
                return _party(para, toks, k + 1, first)
            # subject-verb order: الانفصاليين الأرمن وافقوا على ...
            lo = k
            while lo > 0 and k - lo < _MAX_PARTY and not toks[lo].broken:
                if toks[lo - 1].text in _SUBJECT_START:
                    break
                lo -= 1
            return _party(para, toks, lo, k) if lo < k else None
    return None


def _statement(
    para: Paragraph, sent: Sentence, m: PhraseMatch[str], hist_sent: bool, year: int | None
) -> CeasefireStatement | None:
    toks = sent.tokens
    if m.last + 1 < len(toks) and toks[m.last + 1].text in EXCLUDE_AFTER:
        return None  # تهدئة الوضع: calming a situation, not a truce
    found = _cues(toks, m.first, m.last, sent.text)
    for k in range(max(0, m.first - _BEFORE), m.first):
        on = _comment_on(toks, k)
        if on is not None:
            # the words of a comment (تعليق فوري من الجيش على ...) say nothing of the truce
            found = [c for c in found if not k <= c.index < on]
    cues = [c for c in found if not _time_point(toks, c)]
    # a time phrase right before the trigger ("منذ بدء سريان اتفاق وقف إطلاق النار")
    dated = any(m.first - 3 <= c.index < m.first for c in found if c not in cues)
    far = _far_governor(toks, m.first)
    if far is not None and all(c.index != far.index for c in cues):
        cues.append(far)
    aside = _aside_before_object(toks, m.first)
    if aside is not None:
        cues = [c for c in cues if not aside[0] <= c.index < aside[1]]
    after = [c for c in cues if m.last < c.index <= m.last + _PREDICATE]
    if (
        after
        and any(c.index < m.first for c in cues)
        and all(
            c.index > m.last
            or (
                c.status in ("called_for", "proposed")
                and _quoted(sent.text, toks, c.index, m.first)
            )
            for c in cues
        )
    ):
        # "مسؤول مطلع على جهود الوساطة قوله إن «وقف إطلاق النار لا يزال صامدا»": the
        # truce's own predicate, not a call in the clause that reports it
        cues = after
    froze_war = [
        c
        for c in cues
        if c.index < m.first
        and any(v in _FREEZING for v in clitic_variants(toks[c.index].text))
        and any(
            v in _WAR
            for t in toks[m.last + 1 : m.last + 3]
            for v in clitic_variants(t.text, articles=True)
        )
    ]
    conditional = [
        c for c in cues if c.status == "agreed" and _conditional_acceptance(toks, c.index)
    ]
    if conditional:
        # "اشترط ... قبل القبول بهدنة اقترحتها الرباعية": no agreement yet
        cues = [c for c in cues if c not in conditional]
    if froze_war:
        # "جمدت هدنة بيشكيك النزاع": the truce froze the war, nobody froze the truce
        cues = [c for c in cues if c not in froze_war]
    purpose = [c for c in cues if c.index > m.last and toks[c.index - 1].text in _PURPOSE_OPENERS]
    if purpose and len(purpose) < len(cues):
        # "أعلن الوسطاء تمديد الهدنة عشرة أيام لاستكمال المفاوضات": the talks are
        # what the extension is for; the truce's own status is the announcement
        cues = [c for c in cues if c not in purpose]
    worst = _worst_since(toks, m.first, m.last)
    if worst is not None:
        # "الغارة الأكثر دموية منذ دخول اتفاق وقف إطلاق النار حيز التنفيذ": a strike
        # under the truce, told by the measure of those since it began
        cues = [worst]
    still = _still_holding(toks, m.last)
    if still is not None and not any(c.status in ("violated", "suspended") for c in cues):
        # "تفاهم وقف إطلاق النار المبرم في مايو 2025 لا يزال صامدا": the predicate
        # says what the truce is now; what it was (agreed) describes it
        cues = [still]
    if cues:
        best = min(cues, key=lambda c: (_RANK[c.status], abs(c.index - m.first)))
        status = best.status
        trigger_tok = toks[best.index]
        if status == "holding" and _governed(toks, best.index, _COMMITMENT_NOUNS, "called_for"):
            # "حثت فرنسا ... الطرفين على الالتزام الصارم بوقف إطلاق النار": the
            # commitment is what is called for, however far the call stands
            status = "called_for"
        elif status == "agreed" and _governed(toks, best.index, _AGREEMENT_MASDARS, "called_for"):
            # "دعا الطرفين إلى ... التوصل إلى وقف شامل لإطلاق النار": reaching it is called for
            status = "called_for"
        elif status == "holding" and _governed(toks, best.index, _COMMITMENT_NOUNS, "agreed"):
            # "اتفق الطرفان على الالتزام بوقف إطلاق النار": the commitment is agreed
            status = "agreed"
        elif status == "announced":
            # "وافقتا على تمديد الهدنة": the extension is agreed, not announced
            status = _extension_status(toks, best.index) or status
    else:
        # "قد تؤدي إلى انهيار اتفاق وقف إطلاق النار": the agreement named in a
        # forecast is not news of one either
        dated = dated or any(_forecast(toks, k) for k in range(max(0, m.first - 3), m.first))
        weak = None if dated else _weak_cue(toks, m.first, m.last)
        if weak is None and _no_violation_of(toks, m.first):
            weak = "holding"  # "لم تسجل أي خروقات لوقف إطلاق النار": it holds
        if weak is None:
            # "منذ بدء سريان اتفاق وقف إطلاق النار": a date, and nothing said of it
            return None
        status = weak
        trigger_tok = toks[m.first - 1]
    historical = (
        status not in ("called_for", "violated")
        and _historical(toks, m.first, m.last, hist_sent, year)
    ) or _an_earlier_truce(toks, m.last)
    s, e = para.span(sent.start, sent.end)
    proposed_by = _proposer(para, toks, m.first, m.last)
    accepted_by = _acceptor(para, toks, m.first) if status == "agreed" else None
    parties = [p for p in (accepted_by, proposed_by) if p]
    return CeasefireStatement(
        paragraph=para.index,
        start=s,
        end=e,
        status=status,  # type: ignore[arg-type]
        sentence=para.original(sent.start, sent.end),
        trigger=para.original(trigger_tok.start, trigger_tok.end)
        + " … "
        + para.original(m.start, m.end),
        historical=historical,
        parties=parties,
        proposed_by=proposed_by,
        accepted_by=accepted_by,
    )


def _worst_since(toks: tuple[Token, ...], first: int, last: int) -> _Cue | None:
    """A superlative of fighting measured since the truce took effect (أعنف قصف
    منذ سريان الهدنة، أول غارة منذ بدء وقف إطلاق النار): a violation."""
    since = next(
        (j for j in range(first - 1, max(-1, first - 5), -1) if toks[j].text == _SINCE), None
    )
    if since is None:
        return None
    for j in range(since - 1, max(-1, since - 5), -1):
        if any(v in _SUPERLATIVES for v in clitic_variants(toks[j].text)):
            return _Cue("violated", j) if _hostile(toks, first, last) else None
    return None


def _time_point(toks: tuple[Token, ...], cue: _Cue) -> bool:
    """A cue that only dates something: "بعد سريان الهدنة"، "منذ دخول الاتفاق حيز
    التنفيذ" say when, not that the truce holds; "منذ بدء سريان الاتفاق" not that
    it was announced."""
    if cue.status != "holding" and not (
        cue.status == "announced"
        and any(v in _START_NOUNS for v in clitic_variants(toks[cue.index].text))
    ):
        return False  # "بدأت هدنة إنسانية" (a verb) reports the start
    lo = max(0, cue.index - 3)
    return any(
        v in _WHEN for t in toks[lo : cue.index] for v in clitic_variants(t.text, min_rest=2)
    )


def _governed(toks: tuple[Token, ...], k: int, nouns: frozenset[str], status: str) -> bool:
    """A noun of `nouns` at `k` governed by a cue of `status` earlier in the
    sentence, however far: "حثت فرنسا ... على الالتزام" (a commitment called for),
    "اتفق الطرفان على الالتزام" (agreed), "دعا إلى التوصل إلى وقف" (reaching it called for)."""
    if not any(v in nouns for v in clitic_variants(toks[k].text, articles=True)):
        return False
    return any(_cue_of(toks[j].text, toks[j + 1].text) == status for j in range(0, k))


def _quoted(text: str, toks: tuple[Token, ...], cue: int, first: int) -> bool:
    """A quotation opening between a cue and the trigger: the trigger is in words
    quoted from someone ("دعت ... إلى أن يبقى وقف إطلاق النار صامدا" and an
    apposition between commas keep their call)."""
    return any(
        c in _QUOTES
        for j in range(cue + 1, first + 1)
        for c in text[toks[j - 1].end : toks[j].start]
    )


def _still_holding(toks: tuple[Token, ...], last: int) -> _Cue | None:
    """ "لا يزال قائما"، "ما زال صامدا" after the trigger, in the same sentence."""
    if not timeframe.still([t.text for t in toks[last + 1 :]]):
        return None
    for k in range(last + 1, len(toks) - 1):
        if any(v in timeframe.STILL for v in clitic_variants(toks[k].text, min_rest=2)):
            for j in (k + 1, k + 2):
                if j < len(toks) and _cue_at(toks, j) == "holding":
                    return _Cue("holding", j)
    return None


#: Every form a split head may take (bare or behind clitics), for one look-up a word.
_SPLIT_HEAD_FORMS = screen(SPLIT_HEADS, articles=False)


def _split_triggers(toks: tuple[Token, ...]) -> list[PhraseMatch[str]]:
    """Ceasefire phrases split by adjectives: "وقف فوري وغير مشروط لإطلاق النار"."""
    out: list[PhraseMatch[str]] = []
    words = [t.text for t in toks]
    n = len(words)
    for k, w in enumerate(words):
        if w not in _SPLIT_HEAD_FORMS or not any(v in SPLIT_HEADS for v in clitic_variants(w)):
            continue
        for j in range(k + 1, min(n, k + 2 + SPLIT_MAX)):
            if toks[j].broken:
                break
            tail = next((t for t in SPLIT_TAILS if tuple(words[j : j + len(t)]) == t), None)
            if j == k + 1 and tail is not None and not tail[0].startswith("ل"):
                continue  # "وقف إطلاق النار" is a trigger of its own, not a split one
            # (right after the head only "وقفا للأعمال العدائية"، "وقف للقتال")
            if tail is not None:
                last = j + len(tail) - 1
                out.append(PhraseMatch(k, last, toks[k].start, toks[last].end, "trigger"))
                break
    return out


#: The figurative phrases by first word; the war-context words in every form.
_FIGURATIVE_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in FIGURATIVE_PHRASES:
    _FIGURATIVE_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_FIGURATIVE_FIRST = frozenset(_FIGURATIVE_BY_FIRST)
_RELATIONS = norm_set(_FIG["relations"])
_WAR_CONTEXT_FORMS = screen(WAR_CONTEXT)


def _stems(word: str) -> frozenset[str]:
    """`word` bare of a clitic and of the article, لل included (للممثل)."""
    forms = {*clitic_variants(word, articles=True), word[2:] if word.startswith("لل") else word}
    return frozenset(f[2:] if f.startswith("ال") and len(f) > 4 else f for f in forms)


#: office titles (الممثلة العليا، الفريق أول): first word -> the words after it, bare
_OFFICES: dict[str, frozenset[str]] = {}
for _phrase in norm_phrases(_FIG["offices"]):
    _OFFICES[_phrase[0][2:]] = _OFFICES.get(_phrase[0][2:], frozenset()) | _stems(_phrase[1])


def _in_office(words: list[str], k: int) -> bool:
    """The word at `k` opens an office title: "الممثلة العليا" is the EU's High
    Representative, not an actress; "الفريق أول" a general, not a team."""
    if k + 1 >= len(words):
        return False
    nexts = [_OFFICES[s] for s in _stems(words[k]) if s in _OFFICES]
    return bool(nexts) and any(not n.isdisjoint(_stems(words[k + 1])) for n in nexts)


def _figurative(toks: tuple[Token, ...], m: PhraseMatch[str], text: str) -> bool:
    """A truce of the press, of prices, of parties or of fiction: an adjective that
    says so right after the trigger, or a sentence with words of such a truce
    (or the trigger in scare quotes) and nothing of war."""
    words = [t.text for t in toks]
    if m.last + 1 < len(toks) and any(
        v in FIGURATIVE_ADJECTIVES for v in clitic_variants(words[m.last + 1], articles=True)
    ):
        return True
    if not _FIGURATIVE_FIRST.isdisjoint(words):
        for k, w in enumerate(words):
            for phrase in _FIGURATIVE_BY_FIRST.get(w, ()):
                if tuple(words[k : k + len(phrase)]) == phrase:
                    return True
    outside = [
        w for k, w in enumerate(words) if not m.first <= k <= m.last and not _in_office(words, k)
    ]
    quoted = text[max(0, m.start - 2) : m.start].strip().endswith(("«", '"')) and text[
        m.end : m.end + 2
    ].strip().startswith(("»", '"'))
    if quoted and any(any(v in _RELATIONS for v in clitic_variants(w)) for w in outside):
        return True  # "العلاقات بين موسكو وباكو ... دخلت «هدنة» باردة"
    if not _WAR_CONTEXT_FORMS.isdisjoint(outside) and any(
        any(v in WAR_CONTEXT for v in clitic_variants(w, articles=True)) for w in outside
    ):
        return False
    if quoted and any(
        _cue_of(words[k], words[k + 1]) in ("called_for", "agreed", "proposed", "announced")
        for k in range(max(0, m.first - _BEFORE), m.first)
    ):
        quoted = False  # "طالب بـ«وقف دائم لإطلاق النار»": a demand quoted, no scare quotes
    return quoted or any(
        any(v in FIGURATIVE for v in clitic_variants(w, articles=True)) for w in outside
    )


def _denied(toks: tuple[Token, ...], m: PhraseMatch[str]) -> bool:
    """A truce a party denies or rejects (نفت باكو التوصل إلى اتفاق لوقف إطلاق
    النار): a denial verb before the trigger, in the same clause of assertion."""
    if m.first > 0 and any(
        v in _NO_TRUCE for v in clitic_variants(toks[m.first - 1].text, min_rest=1)
    ):
        return True  # "لا هدنة ولا تفاوض"، "بلا هدنة": a truce said not to be
    if (
        m.first > 1
        and toks[m.first - 1].text in _ANY
        and any(
            v in _NO_TRUCE
            for t in toks[max(0, m.first - 5) : m.first - 1]
            for v in clitic_variants(t.text, min_rest=1)
        )
    ):
        return True  # "لا اتفاق على أي وقف لإطلاق النار"، "لم يتم التوصل إلى أي هدنة"
    if (
        m.first > 1
        and toks[m.first - 1].text in _EXISTENTIALS
        and any(v in _NO_TRUCE for v in clitic_variants(toks[m.first - 2].text, min_rest=1))
    ):
        return True  # "لا توجد هدنة"، "ليست هناك هدنة": there is none
    words = [t.text for t in toks]
    # "رفضت باكو الدعوات إلى وقف إطلاق النار": the calls stand
    return clause.denied(
        words,
        m.first,
        DENIALS,
        stop=lambda j: _cue_of(words[j], words[j + 1]) == "called_for",
    )


_FIGURATIVE_SCREEN = screen(FIGURATIVE)
_WAR_SCREEN = screen(WAR_CONTEXT)
_WAR_ACTS_SCREEN = screen(norm_set(_FIG["war_acts"]))
#: Figurative words that make an item figurative whatever places it names.
_FIGURATIVE_MANY = 3


def _has_any(words: frozenset[str], screen: frozenset[str]) -> bool:
    """Whether any word, bare or behind a clitic or the article, is in the vocabulary
    (given as its screen: every form with those prefixes)."""
    return not screen.isdisjoint(words)


def _scan(
    para: Paragraph, year: int | None = None, item_figurative: bool = False
) -> list[CeasefireStatement]:
    if not TRIGGERS.screen(para.words):
        return []
    out = []
    for sent in para.sentences:
        if not TRIGGERS.screen(sent.words):
            continue
        matches = TRIGGERS.find(sent.tokens)
        taken = {k for m in matches for k in range(m.first, m.last + 1)}
        matches += [m for m in _split_triggers(sent.tokens) if m.first not in taken]
        matches = [
            m
            for m in matches
            if not item_figurative
            and not _figurative(sent.tokens, m, sent.text)
            and not _denied(sent.tokens, m)
        ]
        if not matches:
            continue
        # A headline is one statement, however it is punctuated ("31 عاما على
        # بروتوكول بيشكيك.. هدنة جمدت النزاع"): its time words count throughout.
        words = [t.text for t in (para.tokens if para.index is None else sent.tokens)]
        # A commemoration, a finished past (1994, آنذاك) with nothing of the
        # day's news beside it: the truce is history.
        hist_sent = (
            bool(HISTORICAL.find(sent.tokens))
            or timeframe.anniversary(words)
            or timeframe.past_sentence(words, year)
        )
        # One statement per sentence: the trigger with the strongest status.
        best: CeasefireStatement | None = None
        for m in matches:
            st = _statement(para, sent, m, hist_sent, year)
            if st is None:
                continue
            if (
                best is None
                or (best.historical and not st.historical)
                or (best.historical == st.historical and _RANK[st.status] < _RANK[best.status])
            ):
                best = st
        if best is not None:
            out.append(best)
            earlier = any(_an_earlier_truce(sent.tokens, m.last) for m in matches)
            governing = _governing(sent, matches, best.status)
            if governing is not None:
                # "توسطت في اتفاق لوقف إطلاق النار ... غير أن يريفان اتهمت باكو
                # بخرقه": the verb before it and the violation after it both stand
                out.append(best.model_copy(update={"status": governing}))
            if (
                best.status in ("violated", "holding", "suspended")
                and not _CALL_SCREEN.isdisjoint(sent.words)
                and _call_to_respect(sent.tokens)
            ):
                # "بعدما سجل 150 خرقا ... دعا الطرفين إلى «الالتزام الكامل بوقف إطلاق
                # النار»": the call is news beside the violation
                out.append(_also(best, "called_for", earlier))
            both = (
                _holding_and_violated(sent.tokens, best.status)
                if not _BOTH_SCREEN.isdisjoint(sent.words)
                else None
            )
            if both is not None:
                # "الهدنة «صامدة» رغم الخروقات"، "لا يزال صامدا وإن سجلت خروقات": it
                # holds, and it was violated
                out.append(_also(best, both, earlier))
            if best.status == "agreed" and _announced_too(sent.tokens, matches):
                # "أعلنت الخارجية أن الطرفين اتفقا على وقف إطلاق النار": agreed,
                # and the agreement announced
                out.append(best.model_copy(update={"status": "announced"}))
    return out


def _also(best: CeasefireStatement, status: str, earlier: bool) -> CeasefireStatement:
    """The same statement with another status the sentence also says. A call or
    a violation is never dated into the past by the truce's own date (as in
    `_statement`): "منذ دخول الاتفاق حيز التنفيذ في أكتوبر 2025 ... في ظل خروقات
    شبه يومية" holds since then and is violated now; an earlier truce
    (`earlier`: الهدنة السابقة) stays the past whatever is said of it."""
    historical = best.historical and (earlier or status not in ("called_for", "violated"))
    return best.model_copy(update={"status": status, "historical": historical})


def _governing(sent: Sentence, matches: list[PhraseMatch[str]], best: str) -> str | None:
    """The status of the verb right before the trigger, when a later violation or
    suspension of the same truce outranked it (a suspension before a violation
    stands beside it)."""
    if best not in ("violated", "suspended"):
        return None
    toks = sent.tokens
    m = min(matches, key=lambda x: x.first)
    before = [c for c in _cues(toks, m.first, m.last, sent.text) if c.index < m.first]
    if not before:
        return None
    nearest = max(before, key=lambda c: c.index)
    status = nearest.status
    if status == "announced":
        # "اتفقت ... على تمديد وقف إطلاق النار، رغم ... بانتهاك الهدنة": the
        # extension takes the status of the verb that governs it
        status = _extension_status(toks, nearest.index) or status
    # "أعلن الجيش أن الهدنة لم تصمد" announces the collapse, not a truce;
    # "تعليق العمل بالهدنة ..., متهمة كييف بخرقها": suspended, and violated
    if status == "suspended" and best == "violated":
        # only a suspension that governs the truce (علقت روسيا الهدنة، تعليق
        # العمل بالهدنة), not the end of one of its days (انقضاء اليوم الثاني من
        # الهدنة) nor a time it dates (منذ سقوط الهدنة)
        near = nearest.index >= m.first - 2
        dated = any(
            v in _WHEN
            for t in toks[max(0, nearest.index - 2) : nearest.index]
            for v in clitic_variants(t.text, min_rest=2)
        )
        return status if near and not dated else None
    return status if status in ("agreed", "proposed") else None


def _call_to_respect(toks: tuple[Token, ...]) -> bool:
    """A call for a commitment (دعا إلى احترام، طالب بالالتزام) in the sentence."""
    for k in range(len(toks) - 1):
        if _cue_of(toks[k].text, toks[k + 1].text) == "called_for":
            for j in range(k + 1, min(len(toks), k + 5)):
                word = toks[j].text
                stems = (word, word.removesuffix("ها"), word.removesuffix("ه"))  # احترامها
                if any(
                    v in _COMMITMENT_NOUNS for w in stems for v in clitic_variants(w, articles=True)
                ):
                    return True
    return False


def _holding_and_violated(toks: tuple[Token, ...], best: str) -> str | None:
    """The other of holding and violated, when the sentence says both (and a
    violation beside a call: "دعا إلى الالتزام بوقف إطلاق النار، بعدما سجل 150 خرقا",
    or beside a collapse: "انهارت الهدنة ... وتبادل الطرفان الاتهامات بخرقها")."""
    if best in ("holding", "called_for", "suspended"):
        if any(_cue_at(toks, k) == "violated" for k in range(len(toks))):
            return "violated"
    elif best == "violated":
        for k in range(len(toks)):
            # "بخرق تفاهم وقف إطلاق النار القائم": with the article the word
            # describes the truce, it does not say that it holds
            if (
                not toks[k].text.startswith(DEFINITE)
                and _cue_at(toks, k) == "holding"
                and any(v in _HOLDING_PREDICATES for v in clitic_variants(toks[k].text))
            ):
                return "holding"
    return None


def _announced_too(toks: tuple[Token, ...], matches: list[PhraseMatch[str]]) -> bool:
    first = min(m.first for m in matches)
    return any(
        _cue_at(toks, k) == "announced" and _extension_status(toks, k) is None
        for k in range(max(0, first - _BEFORE), first)
    )


def detect_ceasefire(doc: Document, year: int | None = None) -> CeasefireResult:
    """Ceasefire or truce statements in the item (title and body); `year`, the
    item's own, tells a past truce from this year's."""
    paras, title = paragraphs(doc)
    parts = ([title] if title else []) + paras
    statements: list[CeasefireStatement] = []
    if not any(TRIGGERS.screen(p.words) for p in parts):
        return CeasefireResult()
    # An item about a film, a club and its fans or a wage deal, that names
    # nothing of war anywhere, has only figurative truces.
    words: frozenset[str] = frozenset().union(*(p.words for p in parts))
    figurative = len(words & _FIGURATIVE_SCREEN)
    if figurative:
        texts = [[t.text for t in p.tokens] for p in parts]
        figurative = len(
            {
                w
                for ws in texts
                for k, w in enumerate(ws)
                if w in _FIGURATIVE_SCREEN and not _in_office(ws, k)
            }
        )
    item_figurative = (
        (figurative and not _has_any(words, _WAR_SCREEN))
        or (figurative >= _FIGURATIVE_MANY and not _has_any(words, _WAR_ACTS_SCREEN))
        or genre.reviews_a_work(title)
    )
    for p in parts:
        statements.extend(_scan(p, year, item_figurative))
    if (
        not item_figurative
        and _ANAPHOR_SCREEN.intersection(words)
        and not (_OTHER_AGREEMENTS.intersection(words))
    ):
        told = {(st.paragraph, st.sentence) for st in statements}
        statements.extend(_told_again(parts, year, told))
    if title is not None and timeframe.commemorates([t.text for t in title.tokens]):
        # an anniversary piece tells the truce it remembers
        statements = [s.model_copy(update={"historical": True}) for s in statements]
    return CeasefireResult(
        detected=any(not s.historical for s in statements), statements=statements
    )


_ANAPHORS = norm_set(_GRAMMAR["anaphors"])
_ANAPHOR_SCREEN = screen(_ANAPHORS, articles=False)
_OTHER_AGREEMENTS = screen(norm_set(_GRAMMAR["other_agreements"]), articles=True)


#: How far before "للاتفاق" its violation noun may stand (adjectives between).
_OF_REACH = 5


def _told_again(
    parts: list[Paragraph], year: int | None, told: set[tuple[int | None, str]] | None = None
) -> list[CeasefireStatement]:
    """ "ارتفعت حصيلة الشهداء منذ سريان وقف إطلاق النار ... واتهمت حماس إسرائيل
    بخرق الاتفاق": a sentence after the truce is named that calls it "the
    agreement" (bare: not الاتفاق النووي) right after a violation (بخرق الاتفاق،
    انتهاكه للاتفاق) tells that the truce was violated. Only the violation: a
    party "committed to the agreement" or "the agreement stipulated" says nothing
    new of the truce's state."""
    out: list[CeasefireStatement] = []
    named = False
    for p in parts:
        for sent in p.sentences:
            after = 0  # the anaphor stands after the truce it points back to
            found = TRIGGERS.find(sent.tokens) if TRIGGERS.screen(sent.words) else []
            if found:
                if told is not None and (p.index, p.original(sent.start, sent.end)) in told:
                    named = True
                    continue  # the sentence says something of the truce itself
                named = True
                after = max(m.last for m in found) + 1
            if not named or _ANAPHOR_SCREEN.isdisjoint(sent.words):
                continue
            toks = sent.tokens
            for k, t in enumerate(toks):
                if k < after:
                    continue
                if (
                    not any(v in _ANAPHORS for v in clitic_variants(t.text))
                    or (k + 1 < len(toks) and toks[k + 1].text.startswith(DEFINITE))
                    or not any(
                        _cue_at(toks, j) == "violated" and not _if_before(toks, j)
                        # "خروقات إسرائيلية شبه يومية للاتفاق": ل ties it to its
                        # violation across the adjectives
                        for j in range(max(0, k - (_OF_REACH if t.text.startswith("لل") else 2)), k)
                    )
                ):
                    continue
                m = PhraseMatch(k, k, t.start, t.end, "trigger")
                st = _statement(p, sent, m, False, year)
                if st is not None and st.status == "violated" and not st.historical:
                    out.append(st)
                    break
    return out


#: The conditions of clause.json but إن, which normalized is also أن ("that").
_IF = clause.CONDITIONS - _THAT_FORMS


def _if_before(toks: tuple[Token, ...], k: int) -> bool:
    """ "في حالة اختراق هذا الاتفاق": a condition, not a report."""
    return any(
        v in _IF for t in toks[max(0, k - 3) : k] for v in clitic_variants(t.text, min_rest=2)
    )


def _cue_forms(status: str) -> frozenset[str]:
    return frozenset(w for w, st in EXACT_CUES.items() if st == status)


#: Screens (every written form) before a scan of the whole sentence for a status.
_CALL_SCREEN = screen(_cue_forms("called_for"), articles=True)
_BOTH_SCREEN = screen(_cue_forms("violated") | _HOLDING_PREDICATES, articles=True)
