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
