"""`monitor analyze` tunes the collector for its run and leaves the process as it
found it: a program that runs the command in-process (a test, a notebook) keeps
its own collector settings and can still collect what existed before."""

from __future__ import annotations

import gc
import json

from click.testing import CliRunner

from monitor.analyzer import STREAM_GC_THRESHOLD, gc_for_stream
from monitor.cli import main


def test_settings_apply_inside_and_come_back_after() -> None:
    before = gc.get_threshold()
    with gc_for_stream():
        assert gc.get_threshold()[0] == STREAM_GC_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_the_command_leaves_the_collector_as_it_was() -> None:
    before = gc.get_threshold()
    item = json.dumps({"id": "a", "body": "أعلنت أرمينيا وقف إطلاق النار في قره باغ"})
    result = CliRunner().invoke(main, ["analyze", "--no-progress"], input=item + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["id"] == "a"
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
