"""`monitor watch` as a person and a script use it, against the real broker and a
real worker: in a real terminal (tmux), the seed's alerts appear as they are
published and their Arabic reads right to left; an alert published before it
started is not shown; `--json` with `--since`, `--type` and `--karabakh-only`
gives scripts exactly the alerts that pass."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from monitor.service.worker import monitor_argv
from monitor.settings import Settings
from schemas.alert import Alert
from tests.integration.conftest import env_for
from tests.integration.helpers import alerts, expected_analyses, in_sequence, produce, wait_for
from tests.monitor.cli.rtl_reading import read_rtl_line, read_rtl_paragraph

pytestmark = pytest.mark.integration

SEED = Path(__file__).resolve().parents[2] / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"
SEED_TITLE = "الانفصاليون في قره باغ يلقون السلاح"
GAZA = "قتل 12 شخصا في غارة إسرائيلية على مدينة غزة اليوم، بحسب وزارة الصحة في غزة."
WIDTH = 110
_ARABIC_CELL = re.compile(r"(?:… )?[\u0600-\u06ff][\u0600-\u06ff ]*")


def _line(**fields: Any) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


def _seed() -> bytes:
    body = SEED.read_text(encoding="utf-8")
    return _line(id="seed", source="watanalyoum", title=SEED_TITLE, body=body)


def _gaza() -> bytes:
    return _line(id="gaza", source="another-outlet", title="غارة على غزة", body=GAZA)


class Terminal:
    """A tmux server of our own (its own socket) with one pane of a fixed size."""

    def __init__(self, env: dict[str, str], tmp: Path) -> None:
        self.socket = f"monitor-watch-{uuid.uuid4().hex[:8]}"
        self.env = {**env, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
        self.tmp = tmp

    def tmux(self, *args: str) -> str:
        proc = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", "/dev/null", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return proc.stdout

    def start(self, argv: list[str]) -> None:
        # The shell waits for the program and writes down its exit status: tmux
        # 3.3a does not always learn a pane's exit status. The trap is a handler,
        # not "ignore", so the program gets Ctrl-C as it would at a prompt.
        script = self.tmp / "watch.sh"
        script.write_text(
            "trap 'interrupted=1' INT\n"
            + shlex.join(argv)
            + f"\necho $? > {shlex.quote(str(self.status_file))}\n"
        )
        self.tmux("new-session", "-d", "-s", "w", "-x", str(WIDTH), "-y", "50")
        self.tmux("set-option", "-t", "w", "remain-on-exit", "on")
        self.tmux("set-option", "-t", "w", "history-limit", "5000")
        self.tmux("respawn-pane", "-k", "-t", "w", f"sh {shlex.quote(str(script))}")

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "w").splitlines()

    @property
    def status_file(self) -> Path:
        return self.tmp / "watch.status"

    def exit_status(self) -> str | None:
        """The program's exit status once it has ended (130 when Ctrl-C killed it)."""
        text = self.status_file.read_text() if self.status_file.exists() else ""
        return text.strip() or None

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def terminal(service: Settings, tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed (.ci/run installs it): the terminal view needs it")
    term = Terminal(env_for(service), tmp_path)
    try:
        yield term
    finally:
        term.close()


def _blocks(screen: list[str]) -> list[list[str]]:
    """Each alert panel's rows, top border to bottom border."""
    out: list[list[str]] = []
    current: list[str] | None = None
    for row in screen:
        if row.startswith("╭"):
            current = [row]
        elif current is not None:
            current.append(row)
            if row.startswith("╰"):
                out.append(current)
                current = None
    return out


def _inside(row: str) -> str:
    return row.strip().strip("│").strip()


def test_watch_in_a_terminal_shows_the_seed_alerts_in_arabic_right_to_left(
    service: Settings, workers: Callable[..., Any], terminal: Terminal
) -> None:
    seed, gaza = _seed(), _gaza()
    expected = expected_analyses(service, [gaza, seed])
    before = {a.alert_id for a in expected[0].alerts}
    wanted = {
        a.version: a for a in expected[1].alerts if a.story_id != expected[0].alerts[0].story_id
    }
    assert before and wanted

    worker = workers()
    produce(service, [gaza])  # published before watch starts: not shown (starts from latest)
    wait_for(lambda: {a["alert_id"] for a in alerts(service)} >= before, 60, "the earlier alert")

    terminal.start(monitor_argv("watch"))
    wait_for(
        lambda: any("watching" in row and "Ctrl-C stops" in row for row in terminal.screen()),
        60,
        "watch to be ready",
    )
    produce(service, [seed])
    worker.wait_idle(received=2, timeout=120)
    blocks = wait_for(
        lambda: (b := _blocks(terminal.screen())) and len(b) >= len(wanted) and b,
        60,
        "the seed's alerts on the screen",
    )
    assert len(blocks) == len(wanted), "\n".join(terminal.screen())

    for block in blocks:
        assert all(len(row) <= WIDTH for row in block)
        header = block[0]
        version = int(header.split("update ")[1].split()[0])
        alert: Alert = wanted[version]
        assert alert.type.upper() in header and alert.story_id in header
        rows = [_inside(row) for row in block[1:-1]]
        assert rows[0].startswith("Karabakh") and "not Karabakh" not in rows[0]
        assert f"{alert.article_count} article(s)" in rows[0]
        assert f"{alert.independent_source_count} independent source(s)" in rows[0]
        title = next(row for row in rows if row.startswith("title: "))
        assert read_rtl_line(title.removeprefix("title: ")) == SEED_TITLE
        start = next(i for i, row in enumerate(rows) if row.startswith("evidence ("))
        sentence = " ".join(alert.evidence[0].sentence.split())
        assert read_rtl_paragraph(rows[start + 1 :]) == sentence
        if alert.type == "ceasefire":
            assert f"ceasefire: {alert.status.replace('_', ' ')}" in rows  # type: ignore[union-attr]
        else:
            for fig in alert.figures:
                words = fig.qualifier.replace("_", " ")  # "more than 2,000", "hundreds"
                shown = words if fig.count is None else f"{fig.count:,}"
                matching = [r for r in rows if r.startswith(fig.kind) and shown in r]
                assert matching, (fig, rows)
                if fig.attributed_to:
                    # the claimant cell, read right to left; a long one is cut at a
                    # word and keeps its beginning
                    cells = [_ARABIC_CELL.search(r) for r in matching]
                    read = [read_rtl_line(c.group(0)).removesuffix(" …") for c in cells if c]
                    assert any(r and fig.attributed_to.startswith(r) for r in read), matching

    terminal.tmux("send-keys", "-t", "w", "C-c")
    status = wait_for(terminal.exit_status, 30, "exit")
    assert status == "0", status  # Ctrl-C is a normal way out
    assert not any("Traceback" in row or "Unclosed" in row for row in terminal.screen())


def _watch_json(service: Settings, *args: str, since: str = "1h") -> list[dict[str, Any]]:
    proc = subprocess.run(
        monitor_argv("watch", "--json", "--since", since, "--timeout", "5", *args),
        env=env_for(service),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_watch_json_and_its_filters_for_scripts(
    service: Settings, workers: Callable[..., Any]
) -> None:
    seed, gaza = _seed(), _gaza()
    worker = workers()
    produce(service, [seed, gaza])
    worker.wait_idle(received=2, timeout=120)
    ordered = in_sequence(service, [seed, gaza])
    expected = [a for analysis in expected_analyses(service, ordered) for a in analysis.alerts]
    assert {a.karabakh_related for a in expected} == {True, False}
    assert {a.type for a in expected} == {"ceasefire", "casualties"}
    wait_for(lambda: len(alerts(service)) >= len(expected), 60, "the alerts")

    everything = _watch_json(service)
    assert sorted(a["alert_id"] for a in everything) == sorted(a.alert_id for a in expected)
    for line in everything:
        Alert.model_validate(line)  # each line is a whole alert, as published

    casualties = _watch_json(service, "--type", "casualties")
    assert sorted(a["alert_id"] for a in casualties) == sorted(
        a.alert_id for a in expected if a.type == "casualties"
    )
    karabakh = _watch_json(service, "--karabakh-only", "--max", "100")
    assert sorted(a["alert_id"] for a in karabakh) == sorted(
        a.alert_id for a in expected if a.karabakh_related
    )
    assert len(_watch_json(service, "--max", "2")) == 2

    future = _watch_json(service, since="2099-01-01")
    assert future == []


def test_watch_started_before_the_worker_waits_for_the_topics_and_misses_nothing(
    service: Settings, workers: Callable[..., Any]
) -> None:
    watch = subprocess.Popen(
        monitor_argv("watch", "--json", "--max", "1"),
        env=env_for(service),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert watch.stderr is not None
        notice = watch.stderr.readline()  # blocks until watch has looked for the topics
        assert "waiting for" in notice and "alerts.casualties" in notice, notice
        assert "monitor run" in notice
        worker = workers()  # creates the topics
        produce(service, [_gaza()])
        worker.wait_idle(received=1, timeout=120)
        out, err = watch.communicate(timeout=60)
    finally:
        if watch.poll() is None:
            watch.kill()
            watch.wait()
    assert watch.returncode == 0, err
    [alert] = [json.loads(line) for line in out.splitlines()]
    assert alert["type"] == "casualties" and alert["karabakh_related"] is False
