"""The alert state machine: one alert per new fact per story."""

from monitor.alerts.state import AlertState

__all__ = ["AlertState"]
