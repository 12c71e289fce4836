"""Karabakh news monitor: the processing core, free of Kafka and Elasticsearch."""

__version__ = "0.1.0"
