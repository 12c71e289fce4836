"""Framework-light helpers of the Kafka/Elasticsearch service.

Everything the faust agents in `agents/` do besides iterating and routing lives
here, so it can be unit-tested without a broker: topic names, message headers,
dead-letter records, the process stage's durable state, bulk-index result
handling, metrics and logging.
"""
