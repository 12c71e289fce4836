"""Arabic vocabulary lives in the lexicon files, not in the detectors' code.

Words in `monitor/data/*.json` go through the same normalization as the text
(`monitor.detect.lexicon`), so a word typed with its hamza or its alef maqsura
("على") matches the text's normalized "علي". A word typed in code as a literal
would not be normalized, and would silently never match. What code may still
hold are morphemes: one-letter clitics and their sets, and suffixes of up to
four letters, each already in its normalized form.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from monitor.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[3]
MODULES = [*sorted((ROOT / "monitor" / "detect").glob("*.py")), ROOT / "monitor" / "analyzer.py"]
ARABIC = re.compile("[\u0600-\u06ff]")
CLITIC_LETTERS = frozenset("وفبلك")
MAX_MORPHEME = 4


def arabic_literals(path: Path) -> list[tuple[int, str]]:
    """The Arabic string literals of a module's code (docstrings left out)."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and ARABIC.search(node.value)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_detector_code_holds_no_arabic_words(path: Path) -> None:
    words = [
        (line, text)
        for line, text in arabic_literals(path)
        if len(text) > MAX_MORPHEME and not set(text) <= CLITIC_LETTERS
    ]
    assert words == [], f"{path.name}: move these words to monitor/data/*.json"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_morphemes_in_code_are_already_normalized(path: Path) -> None:
    unnormalized = [(line, text) for line, text in arabic_literals(path) if normalize(text) != text]
    assert unnormalized == [], f"{path.name}: these never match normalized text"


def test_the_check_sees_a_word_typed_in_code(tmp_path: Path) -> None:
    module = tmp_path / "rule.py"
    module.write_text('ON = "على"\nSUFFIX = "ها"\n', "utf-8")
    found = arabic_literals(module)
    assert found == [(1, "على"), (2, "ها")]
    assert normalize("على") != "على"  # typed so, it would never match the text
