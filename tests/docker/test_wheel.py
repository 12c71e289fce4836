"""The image installs a wheel built from pyproject.toml: it must hold every package."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_package_directory_is_declared() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("monitor", "agents", "schemas")
        for init in (REPO / top).rglob("__init__.py")
    }
    assert found - declared == set(), "add these to [tool.setuptools] packages"


def test_package_data_covers_the_data_files() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]
    for package, globs in patterns.items():
        base = REPO / package.replace(".", "/")
        covered = {p for g in globs for p in base.glob(g)}
        data_dir = base / "data"
        if package == "monitor" and data_dir.is_dir():
            on_disk = {p for p in data_dir.iterdir() if p.is_file()}
            assert on_disk <= covered, sorted(str(p.name) for p in on_disk - covered)
