"""Walk a document or a field path against a mapping (shared by several tests)."""

from __future__ import annotations

from typing import Any


def undeclared_fields(doc: dict[str, Any], properties: dict[str, Any], path: str = "") -> list[str]:
    """Paths in `doc` that the (strict) mapping does not declare."""
    missing = []
    for key, value in doc.items():
        where = f"{path}{key}"
        spec = properties.get(key)
        if spec is None:
            missing.append(where)
            continue
        sub = spec.get("properties")
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, dict):
                if sub is None:
                    missing.append(f"{where} (object value for a leaf field)")
                else:
                    missing.extend(undeclared_fields(v, sub, where + "."))
    return missing


def field_type(properties: dict[str, Any], dotted: str) -> str | None:
    """The mapped type of a dotted field (`ceasefire.statuses`, `title.keyword`), or None."""
    parts = dotted.split(".")
    props = properties
    spec: dict[str, Any] | None = None
    for i, part in enumerate(parts):
        if props is not None and part in props:
            spec = props[part]
            props = spec.get("properties")
            continue
        # multi-field (title.keyword)
        if spec is not None and "fields" in spec and i == len(parts) - 1:
            sub = spec["fields"].get(part)
            return sub.get("type") if sub else None
        return None
    if spec is None:
        return None
    return spec.get("type", "object")


def nested_path(properties: dict[str, Any], dotted: str) -> str | None:
    """The nested parent of a field, if any (Kibana's aggregation-based charts cannot use it)."""
    parts = dotted.split(".")
    props = properties
    for i, part in enumerate(parts):
        spec = props.get(part) if props else None
        if spec is None:
            return None
        if spec.get("type") == "nested":
            return ".".join(parts[: i + 1])
        props = spec.get("properties")
    return None
