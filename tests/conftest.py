"""Shared test helpers: paths to the repository's seeds and to ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
