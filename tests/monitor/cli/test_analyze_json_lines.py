"""The fast JSON writer of `monitor analyze` gives the very bytes of the reference
writer (json.dumps of the dumped model), on real analyses and on awkward text."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.analyzer import Analyzer
from monitor.cli.analyze import json_line, reference_json_line

REPO = Path(__file__).resolve().parents[3]
GOLD = REPO / "monitor" / "evaluation" / "gold"
SEED = REPO / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"

#: Controls, quotes, backslashes, line and paragraph separators, astral characters.
_AWKWARD = 'ب\x00\x01\x1f\x7f\u2028\u2029"\\/\b\f\t\u200f😀 &lt;'


def _lines() -> list[bytes]:
    out = []
    for path in sorted(GOLD.glob("round*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out.append(json.dumps(json.loads(line)["item"], ensure_ascii=False).encode())
    seed = SEED.read_text(encoding="utf-8")
    out.append(json.dumps({"id": "seed", "body": seed}, ensure_ascii=False).encode())
    out.append(json.dumps({"id": "copy", "title": _AWKWARD, "body": seed + _AWKWARD}).encode())
    out.append(json.dumps({"id": _AWKWARD, "source": _AWKWARD, "body": _AWKWARD}).encode())
    out += [b"not json", b'{"id": "x"}', b"\xff"]
    return out


def test_fast_and_reference_lines_are_the_same_bytes() -> None:
    analyzer = Analyzer(clock=lambda: 1_700_000_000.123456)
    alerts = 0
    for number, raw in enumerate(_lines(), 1):
        result = analyzer.analyze_raw(raw, line=number)
        fast = json_line(result)
        assert fast.encode() == reference_json_line(result).encode()
        assert json_line(result, pretty=True) == reference_json_line(result, pretty=True)
        alerts += fast.count('"alert_id"')
    assert alerts > 10  # alerts, with their times and floats, were written too
