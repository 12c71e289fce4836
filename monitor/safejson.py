"""`json.loads` with limits checked on the bytes first: size, nesting depth, number length.

The standard parser is safe for well-formed small input, but three kinds of
hostile input escape its `JSONDecodeError`: nesting deep enough to raise
`RecursionError`, integers longer than Python's 4,300-digit conversion limit
(`ValueError`), and huge inputs. Each is refused here with a `JsonLimitError`
that names the limit, before (or instead of) the expensive step.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Deepest nesting of arrays and objects accepted. A news item is one flat object.
MAX_DEPTH = 64
#: Longest number literal accepted (an id or a count has no business being longer).
MAX_NUMBER_CHARS = 64

# A JSON string literal, unrolled so the regex engine does not backtrack per character.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = b"[]{}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _BRACKETS)


class JsonLimitError(ValueError):
    """The input breaks a limit; `code` is machine-readable, the message says which."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def max_depth(raw: bytes) -> int:
    """How deep arrays and objects nest in `raw` (brackets inside strings ignored)."""
    # Cheap bound first: an item with few brackets cannot nest deeper than their count.
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return 0
    skeleton = _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for c in skeleton:
        if c in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _number(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonLimitError(
            "number_too_long",
            f"a number of {len(text)} characters (at most {MAX_NUMBER_CHARS} are accepted)",
        )
    return text


def _int(text: str) -> int:
    return int(_number(text))


def _float(text: str) -> float:
    return float(_number(text))


def loads(raw: bytes, max_bytes: int) -> Any:
    """Parse UTF-8 JSON bytes within the limits; raises `JsonLimitError`,
    `UnicodeDecodeError` or `json.JSONDecodeError`."""
    if len(raw) > max_bytes:
        raise JsonLimitError(
            "too_large", f"the input is {len(raw)} bytes, over the limit of {max_bytes}"
        )
    depth = max_depth(raw)
    if depth > MAX_DEPTH:
        raise JsonLimitError(
            "too_deep", f"arrays or objects nested {depth} deep (at most {MAX_DEPTH})"
        )
    text = raw.decode("utf-8")
    try:
        return json.loads(text, parse_int=_int, parse_float=_float)
    except RecursionError:  # unreachable after the depth check; kept as a last guard
        raise JsonLimitError("too_deep", "arrays or objects nested too deep") from None
