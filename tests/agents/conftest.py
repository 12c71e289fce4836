"""The agents' unit tests share the service stages' fixtures (offline: no broker,
no node)."""

from tests.monitor.service.conftest import item_bytes, seed_body, settings

__all__ = ["item_bytes", "seed_body", "settings"]
