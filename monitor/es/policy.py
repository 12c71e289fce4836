"""Rollover and retention of the articles' indices, in one place.

Where the cluster has ILM these become an ILM policy; where it does not (the
minimal integ-test-zip distribution has no x-pack), `monitor.es.setup` applies
the same conditions itself each time it runs (`monitor es setup` at service
start, or `monitor es maintain` from cron).
"""

from __future__ import annotations

from typing import Any, Final

ROLLOVER_MAX_AGE: Final = "30d"
ROLLOVER_MAX_PRIMARY_SHARD_SIZE: Final = "50gb"
ROLLOVER_MAX_DOCS: Final = 20_000_000
RETENTION_DAYS: Final = 365


def rollover_conditions() -> dict[str, Any]:
    """Conditions for the `_rollover` API (used when ILM is not available)."""
    return {
        "max_age": ROLLOVER_MAX_AGE,
        "max_primary_shard_size": ROLLOVER_MAX_PRIMARY_SHARD_SIZE,
        "max_docs": ROLLOVER_MAX_DOCS,
    }


def ilm_policy_body() -> dict[str, Any]:
    """The ILM policy: roll the write index over, delete indices after the retention."""
    return {
        "_meta": {"managed_by": "karabakh-monitor"},
        "phases": {
            "hot": {
                "min_age": "0ms",
                "actions": {
                    "rollover": {
                        "max_age": ROLLOVER_MAX_AGE,
                        "max_primary_shard_size": ROLLOVER_MAX_PRIMARY_SHARD_SIZE,
                        "max_docs": ROLLOVER_MAX_DOCS,
                    }
                },
            },
            "delete": {"min_age": f"{RETENTION_DAYS}d", "actions": {"delete": {}}},
        },
    }
