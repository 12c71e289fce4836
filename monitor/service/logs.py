"""Logging for `monitor run`: readable text or JSON lines, key-values with context.

Call sites pass context as `extra={"kv": {"topic": ..., "offset": ..., "article": ...}}`;
the text form appends `key=value` pairs, the JSON form merges them into the object.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

#: Attribute names a LogRecord has by itself (everything else came through `extra`).
_RESERVED = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "kv",
}


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    kv = getattr(record, "kv", None)
    if isinstance(kv, dict):
        fields.update(kv)
    return fields


def _text_value(value: Any) -> str:
    text = str(value)
    if not text or any(c.isspace() for c in text) or '"' in text or "=" in text:
        return json.dumps(text, ensure_ascii=False)
    return text


class TextFormatter(logging.Formatter):
    """`2026-11-24T12:00:00.123Z INFO  agents.process  message  key=value ...`"""

    def format(self, record: logging.LogRecord) -> str:
        ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        ms = int(record.msecs)
        line = f"{ts}.{ms:03d}Z {record.levelname:<7} {record.name}  {record.getMessage()}"
        fields = _fields(record)
        if fields:
            line += "  " + " ".join(f"{k}={_text_value(v)}" for k, v in fields.items())
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, then the key-values."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in _fields(record).items():
            out.setdefault(key, value)
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def formatter_for(log_format: str) -> logging.Formatter:
    return JsonFormatter() if log_format == "json" else TextFormatter()


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` dict (faust's Worker accepts one)."""
    cls = JsonFormatter if log_format == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"monitor": {"()": f"{cls.__module__}.{cls.__qualname__}"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "monitor",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": level.upper()},
        # aiokafka logs every reconnect attempt at ERROR while a broker restarts.
        # faust and mode narrate every service start and stop at INFO.
        "loggers": {
            "aiokafka": {"level": "WARNING"},
            "elastic_transport": {"level": "WARNING"},
            "faust": {"level": "WARNING"},
            "mode": {"level": "WARNING"},
            "faust.worker": {"level": "INFO"},
        },
    }


def setup_logging(log_format: str, level: str) -> None:
    """Configure the root logger (for commands that do not run a faust Worker)."""
    import logging.config

    logging.config.dictConfig(logging_config(log_format, level))
