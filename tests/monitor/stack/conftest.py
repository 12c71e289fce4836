"""Fixtures for the local stack's tests.

`shared_stack` is the stack everyone uses (started if needed, never stopped).
`isolated_stack_settings` is a second, private stack in a temporary state dir,
for tests that stop and restart nodes without disturbing anyone; it reuses the
shared downloads and lands on free ports because the shared stack holds the
default ones.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from monitor.settings import Settings
from monitor.stack import StackInfo, down, up
from monitor.stack.layout import StackPaths


@pytest.fixture(scope="session")
def shared_stack() -> StackInfo:
    return up(Settings())


@pytest.fixture
def isolated_stack_settings(
    tmp_path_factory: pytest.TempPathFactory, shared_stack: StackInfo
) -> Iterator[Settings]:
    shared = StackPaths.from_settings(Settings())
    state = tmp_path_factory.mktemp("stack-state")
    # Downloads are read-only once complete: share them instead of fetching 150 MB again.
    (state / "maven-repo").symlink_to(shared.maven_repo, target_is_directory=True)
    (state / "dist").symlink_to(shared.state_dir / "dist", target_is_directory=True)
    settings = Settings(state_dir=state, kafka_bootstrap_servers="", es_url="")
    try:
        yield settings
    finally:
        down(settings)
        es_link = StackPaths.from_settings(settings).es_link
        # As root, Elasticsearch's files live outside tmp (see elasticsearch.py).
        if es_link.is_symlink():
            shutil.rmtree(es_link.resolve(), ignore_errors=True)
