"""`monitor analyze` as a user runs it: a real subprocess, JSON Lines in and out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[3] / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"


def monitor(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_one_output_line_per_input_line_in_order_and_errors_inline() -> None:
    seed = SEED.read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "seed", "source": "a", "body": seed}, ensure_ascii=False).encode(),
        b"this is not json",
        b"\xff\xfe\xfd",
        b"",
        json.dumps({"id": "copy", "source": "b", "body": seed}, ensure_ascii=False).encode(),
        b'{"id": "nobody"}',
    ]
    proc = monitor("analyze", stdin=b"\n".join(lines) + b"\n")
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == len(lines)
    assert out[0]["id"] == "seed" and out[0]["duplicate_paragraphs"] == 2
    assert [o.get("error", {}).get("code") for o in out[1:4]] == [
        "invalid_json",
        "invalid_utf8",
        "empty_line",
    ]
    assert out[4]["id"] == "copy" and out[4]["duplicate_paragraphs"] == 24
    assert out[4]["republication_of"]["article"] == "seed"
    assert out[5]["error"]["code"] == "missing_body" and out[5]["id"] == "nobody"
    for field in ("karabakh", "ceasefire", "casualties", "paragraphs", "alerts"):
        assert field in out[0]


def test_state_file_carries_dedup_between_runs(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    item = json.dumps({"id": "seed", "body": SEED.read_text(encoding="utf-8")}).encode()
    first = monitor("analyze", "--state", str(state), stdin=item + b"\n")
    assert first.returncode == 0, first.stderr.decode()
    assert state.exists()
    again = json.dumps({"id": "later", "body": SEED.read_text(encoding="utf-8")}).encode()
    second = monitor("analyze", "--state", str(state), stdin=again + b"\n")
    result = json.loads(second.stdout)
    assert result["republication_of"]["article"] == "seed"


def test_unusable_invocation_fails_with_a_message(tmp_path: Path) -> None:
    proc = monitor("analyze", str(tmp_path / "missing.jsonl"))
    assert proc.returncode != 0
    assert b"missing.jsonl" in proc.stderr
    bad_state = tmp_path / "state.json"
    bad_state.write_text("{broken", encoding="utf-8")
    proc = monitor("analyze", "--state", str(bad_state), stdin=b'{"body": "x"}\n')
    assert proc.returncode != 0 and b"cannot load state" in proc.stderr


def test_text_mode_and_pretty_output() -> None:
    proc = monitor("analyze", "--pretty", "--text", str(SEED))
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["id"] == f"file:{SEED.stem}" and len(data["paragraphs"]) == 24


def test_every_command_has_help() -> None:
    top = monitor("--help")
    assert top.returncode == 0
    commands = [
        line.split()[0]
        for line in top.stdout.decode().split("Commands:")[1].splitlines()
        if line.strip()
    ]
    assert "analyze" in commands
    for command in commands:
        proc = monitor(command, "--help")
        assert proc.returncode == 0, command
        assert b"Usage:" in proc.stdout


HOSTILE_LINES = {
    "lone surrogate": b'{"id": "s", "body": "\\ud800 x"}',
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "5,000-digit id": b'{"id": ' + b"7" * 5000 + b', "body": "x"}',
    "309-digit casualty count": ('{"body": "قتل ' + "9" * 309 + ' شخصا"}').encode(),
    "330,000 one-letter paragraphs": json.dumps({"body": "\n".join(["ب"] * 330_000)}).encode(),
}

# Runs `monitor analyze` as a grandchild and prints its peak RSS (KB, Linux), so the
# figure is that one process's and not the largest of every child pytest ever had.
_PEAK = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdin=sys.stdin, capture_output=True)
sys.stdout.buffer.write(proc.stdout)
sys.stderr.write(f"rc={proc.returncode} peak_kb="
                 f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
"""


def test_each_hostile_line_then_a_good_line_gives_two_lines_exit_0_under_1_gb() -> None:
    good = json.dumps({"id": "good", "body": "قتل ثلاثة جنود في قره باغ"}, ensure_ascii=False)
    # One run per hostile line: each must leave the following good line intact.
    for name, hostile in HOSTILE_LINES.items():
        proc = subprocess.run(
            [sys.executable, "-c", _PEAK, sys.executable, "-m", "monitor", "analyze"],
            input=hostile + b"\n" + good.encode() + b"\n",
            capture_output=True,
            timeout=120,
            check=False,
        )
        report = proc.stderr.decode().strip().splitlines()[-1]
        assert report.startswith("rc=0 "), (name, proc.stderr.decode()[-2000:])
        peak_kb = int(report.split("peak_kb=")[1])
        assert peak_kb < 1_000_000, (name, peak_kb)  # under 1 GB (it was 1.2 GB)
        out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
        assert len(out) == 2, name
        assert out[1]["id"] == "good" and out[1]["casualties"], name
        if "error" in out[0]:
            assert out[0]["error"]["code"] and out[0]["error"]["message"], name
        else:  # the long count is read as no count, the line itself is analysed
            assert name == "309-digit casualty count"
