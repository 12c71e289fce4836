"""Kafka helpers that need no broker."""

from __future__ import annotations

import asyncio

import pytest

from monitor.service.kafka import delete_prefixed_topics
from monitor.settings import Settings


def test_topic_cleanup_refuses_an_empty_prefix() -> None:
    # Without a prefix "every topic of ours" is every topic of the cluster.
    with pytest.raises(ValueError, match="prefix"):
        asyncio.run(delete_prefixed_topics(Settings(topic_prefix="")))
