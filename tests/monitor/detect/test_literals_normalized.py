"""Arabic literals in the detectors' code are compared with normalized text, so
each must already be in normalized form (or pass through the lexicon's
normalizing helpers): a literal written "على" would never equal the text's
"علي" and the rule would silently never fire. And words are vocabulary: they
live in `monitor/data/*.json`, not in code, which may only hold morphemes
(one-letter clitics and their sets, suffixes of a few letters)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from monitor.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[3]
MODULES = sorted(
    [
        *ROOT.joinpath("monitor", "detect").glob("*.py"),
        *ROOT.joinpath("monitor", "alerts").glob("*.py"),
    ]
)
ARABIC = re.compile(r"[\u0600-\u06ff]")
#: Calls whose string arguments are normalized before use.
NORMALIZING = {"norm_set", "norm_word", "norm_phrase", "norm_phrases", "normalize"}


#: The longest suffix code may hold; a longer Arabic literal is a word.
MAX_MORPHEME = 4
CLITIC_LETTERS = frozenset("وفبلك")


def _literals(path: Path) -> list[tuple[int, str]]:
    """The Arabic string literals of a module's code, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(body[0].value)
        for node in ast.walk(tree)
        if isinstance(body := getattr(node, "body", None), list)
        and body
        and isinstance(body[0], ast.Expr)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and ARABIC.search(node.value)
    ]


def _words_in_code(path: Path) -> list[str]:
    return [
        f"{path.name}:{line}: {text!r}"
        for line, text in _literals(path)
        if len(text) > MAX_MORPHEME and not set(text) <= CLITIC_LETTERS
    ]


def _unnormalized(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in NORMALIZING:
                for arg in ast.walk(node):
                    exempt.add(id(arg))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            exempt.add(id(body[0].value))  # docstrings
    bad = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in exempt
            and ARABIC.search(node.value)
        ):
            for word in node.value.split():
                if ARABIC.search(word) and normalize(word) != word:
                    bad.append(
                        f"{path.name}:{node.lineno}: {word!r} normalizes to {normalize(word)!r}"
                    )
    return bad


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_arabic_literals_are_in_normalized_form(path: Path) -> None:
    assert _unnormalized(path) == []


def test_the_check_catches_a_raw_literal(tmp_path: Path) -> None:
    sample = tmp_path / "rule.py"
    sample.write_text('WORDS = {"على", "في"}\nOK = norm_set(["على"])\n', encoding="utf-8")
    assert _unnormalized(sample) == ["rule.py:1: 'على' normalizes to 'علي'"]


@pytest.mark.parametrize("path", [*MODULES, ROOT / "monitor" / "analyzer.py"], ids=lambda p: p.name)
def test_detector_code_holds_no_arabic_words(path: Path) -> None:
    assert _words_in_code(path) == [], "move these words to monitor/data/*.json"


def test_the_check_catches_a_word_in_code(tmp_path: Path) -> None:
    sample = tmp_path / "rule.py"
    sample.write_text('STOP = {"الوزارة"}\nSUFFIX = ("ها", "هم")\nLETTERS = "وفبلك"\n', "utf-8")
    assert _words_in_code(sample) == ["rule.py:1: 'الوزارة'"]
