"""Karabakh news monitor.

The package holds a pure core and the wings around it. The core (`CORE` below:
text normalization, documents, items, event time, dedup, detectors, alerts, the
analyzer, settings, the evaluation) does no I/O and imports no transport; the
wings (`WINGS`: Elasticsearch, the service stages, the local stack, the feed
poller, the CLI, the TLS and credentials helper) connect it to the world.
`tests/monitor/test_core_boundary.py` fails when a core module imports faust,
aiokafka, elasticsearch, aiohttp or a wing, and when a module is in neither list.
"""

__version__ = "0.1.0"

#: Modules and packages of the pure core.
CORE = (
    "text",
    "document",
    "items",
    "eventtime",
    "dedup",
    "detect",
    "alerts",
    "analyzer",
    "settings",
    "safejson",
    "evaluation",
    "data",
)
#: Modules and packages that do I/O or talk to servers.
WINGS = ("es", "service", "stack", "feeds", "cli", "security")
