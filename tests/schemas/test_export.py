"""The exported JSON Schemas match the models, and the layout resolves to this repo."""

from __future__ import annotations

import json
from pathlib import Path

import agents
import schemas
from schemas.export import EXPORTED, SCHEMA_DIR, render, stale

REPO = Path(__file__).resolve().parents[2]


def test_exported_schemas_are_current() -> None:
    assert stale() == [], "run `monitor schemas` and commit schemas/json"


def test_a_model_change_is_detected(tmp_path: Path) -> None:
    for name, model in EXPORTED.items():
        (tmp_path / f"{name}.json").write_text(render(model), encoding="utf-8")
    path = tmp_path / "alert.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["properties"].pop("story_id")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert stale(tmp_path) == ["alert"]


def test_messages_that_leave_the_process_carry_a_schema_version() -> None:
    for name in ("analysis", "analysis-error", "alert", "deadletter"):
        schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert schema["properties"]["schema_version"]["default"] == schemas.SCHEMA_VERSION


def test_generic_package_names_resolve_to_this_repository() -> None:
    # `agents` and `schemas` are common names on PyPI; make sure we import ours.
    assert Path(agents.__file__).resolve().parent == REPO / "agents"
    assert Path(schemas.__file__).resolve().parent == REPO / "schemas"
