"""The capability registry and the seeded expansion of templates into cases.

Each capability is a builder (templates × lexicon, one random case per call)
and a target size. `generate` draws from each builder with its own generator,
seeded by the suite seed and the capability name, so adding a capability does
not change the cases of the others; an orthographic perturbation is applied to
some cases on top (recorded in the tags), and duplicate texts are dropped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from monitor.evaluation.capabilities import casualties as cas
from monitor.evaluation.capabilities import casualty_framing as frame
from monitor.evaluation.capabilities import ceasefire as cf
from monitor.evaluation.capabilities import karabakh as kb
from monitor.evaluation.capabilities.casualties import Builder
from monitor.evaluation.capabilities.grammar import PERTURBATIONS, perturb
from monitor.evaluation.capabilities.model import Case

DEFAULT_SEED = 20_201_110  # the 2020 ceasefire statement's date; any fixed value works
# Share of cases that also get a spelling perturbation: enough for every variant
# to show up in each capability, few enough that the construction stays the subject.
PERTURBED_SHARE = 0.35


@dataclass(frozen=True)
class Capability:
    name: str
    build: Builder
    size: int = 100
    # Spelling perturbations on top; off where the capability is about spelling itself.
    perturb: bool = True
    description: str = ""


CAPABILITIES: tuple[Capability, ...] = (
    # casualties
    Capability("casualties.verb_first", cas.from_templates(cas.VERB_FIRST), 150),
    Capability("casualties.noun_first", cas.from_templates(cas.NOUN_FIRST), 150),
    Capability("casualties.number_after_noun", cas.number_after_noun, 80),
    Capability(
        "casualties.inserted_modifiers",
        cas.from_templates(cas.VERB_FIRST + cas.NOUN_FIRST, adjective=True, modifier=True),
        150,
    ),
    Capability("casualties.apposition", cas.apposition, 100),
    Capability("casualties.partitive", cas.partitive, 120),
    Capability("casualties.sub_count_lists", cas.sub_count_lists, 120),
    Capability("casualties.duals", cas.duals, 120),
    Capability("casualties.idioms", cas.idioms, 150),
    Capability("casualties.running_toll_far", cas.running_toll_far, 120),
    Capability("casualties.qualifiers", cas.qualifiers_all, 200),
    Capability("casualties.captured", cas.from_templates(cas.CAPTURED), 120),
    Capability("casualties.missing", cas.from_templates(cas.MISSING), 100),
    Capability(
        "casualties.displacement",
        cas.from_templates(cas.DISPLACED, counts=lambda r: r.choice(cas.DISPLACED_COUNTS)),
        120,
    ),
    Capability("casualties.evacuated", cas.from_templates(cas.EVACUATED), 100),
    Capability("casualties.negation", frame.negation, 100),
    Capability("casualties.denial", frame.denial, 120),
    Capability("casualties.historical", frame.historical, 120),
    Capability("casualties.current_since_past", frame.current_since_past, 100),
    Capability("casualties.non_casualty_numbers", frame.non_casualty_numbers, 150),
    Capability("casualties.other_conflicts", cas.other_conflicts, 120),
    # ceasefire
    *(Capability(f"ceasefire.status_{name}", cf.status(name), 70) for name in cf.STATUS_TEMPLATES),
    Capability("ceasefire.discontinuous", cf.discontinuous, 120),
    Capability("ceasefire.cessation_of_hostilities", cf.cessation_of_hostilities, 100),
    Capability("ceasefire.truce_words", cf.truce_words, 120),
    Capability("ceasefire.figurative", cf.figurative, 80),
    Capability("ceasefire.historical", cf.historical, 60),
    Capability("ceasefire.rejected", cf.rejected, 80),
    # karabakh
    Capability("karabakh.spellings", kb.spellings, 150, perturb=True),
    Capability("karabakh.towns", kb.towns, 100),
    Capability("karabakh.lookalike_club", kb.lookalike("club"), 60),
    Capability("karabakh.lookalike_footballer", kb.lookalike("footballer"), 50),
    Capability("karabakh.lookalike_person", kb.lookalike("person"), 50),
    Capability("karabakh.lookalike_carpet_horse", kb.lookalike("carpet_horse"), 60),
    Capability("karabakh.lookalike_afghanistan", kb.lookalike("afghanistan"), 50),
    Capability("karabakh.armenia_azerbaijan_other", kb.armenia_azerbaijan_other, 50),
)


def generate_capability(cap: Capability, seed: int = DEFAULT_SEED) -> list[Case]:
    """Up to `cap.size` distinct cases, the same for the same seed."""
    rng = random.Random(f"{seed}/{cap.name}")
    cases: list[Case] = []
    seen: set[str] = set()
    # Small template sets run out of distinct texts; stop trying after a while.
    for _ in range(cap.size * 30):
        if len(cases) >= cap.size:
            break
        text, expected, tags = cap.build(rng)
        if cap.perturb and rng.random() < PERTURBED_SHARE:
            kind = rng.choice(PERTURBATIONS)
            text = perturb(text, kind, rng)
            tags = (*tags, kind)
        if text in seen:
            continue
        seen.add(text)
        cases.append(Case(cap.name, text, expected, tags))
    return cases


def generate(seed: int = DEFAULT_SEED, only: str | None = None) -> list[Case]:
    """Every capability's cases in registry order; `only` keeps names with that prefix."""
    out: list[Case] = []
    for cap in CAPABILITIES:
        if only is None or cap.name.startswith(only):
            out.extend(generate_capability(cap, seed))
    return out
