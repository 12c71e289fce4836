"""Fixtures for the service stages' unit tests (offline: no broker, no node)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.settings import Settings

SEED = Path(__file__).resolve().parents[3] / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(state_dir=tmp_path, topic_prefix="t.", es_index_prefix="t")


@pytest.fixture
def seed_body() -> str:
    return SEED.read_text(encoding="utf-8")


def item_bytes(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()
