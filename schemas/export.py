"""Export the JSON Schemas of the messages, for consumers to generate code from."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.alert import Alert
from schemas.analysis import Analysis, AnalysisError
from schemas.deadletter import DeadLetter
from schemas.gold import GoldCase
from schemas.news import NewsItem
from schemas.prepared import PreparedMessage

#: File name (without .json) -> model. These are the messages on the topics.
EXPORTED: dict[str, type[BaseModel]] = {
    "news-item": NewsItem,
    "prepared": PreparedMessage,
    "analysis": Analysis,
    "analysis-error": AnalysisError,
    "alert": Alert,
    "deadletter": DeadLetter,
    "gold-case": GoldCase,
}

SCHEMA_DIR = Path(__file__).parent / "json"


def render(model: type[BaseModel]) -> str:
    """The JSON Schema of `model`, serialized stably (sorted keys, trailing newline)."""
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into `directory`; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in EXPORTED.items():
        path = directory / f"{name}.json"
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of exported schemas that differ from the models (or are missing)."""
    out = []
    for name, model in EXPORTED.items():
        path = directory / f"{name}.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render(model):
            out.append(name)
    return out
