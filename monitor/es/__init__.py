"""Elasticsearch: index names, client, documents, setup (templates, alias, ILM) and queries.

The service (index agent), `monitor es setup` and `monitor search` all go
through this package, so the mapping, the documents and the queries agree.
"""
