"""Detectors: Karabakh relevance, ceasefire statements, casualty figures.

Each takes a `monitor.document.Document` and returns the contract's field.
"""

from monitor.detect.casualties import detect_casualties
from monitor.detect.ceasefire import detect_ceasefire
from monitor.detect.karabakh import detect_karabakh

__all__ = ["detect_casualties", "detect_ceasefire", "detect_karabakh"]
