"""Scoring the detectors: gold sets, per-field metrics, capability suites."""
