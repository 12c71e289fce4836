"""Errors a person can act on: one line that says what is wrong and what to do,
instead of a traceback (bad settings, a broker that does not answer)."""

from __future__ import annotations

import logging

import click
from pydantic import ValidationError

from monitor.settings import Settings

STACK_HINT = "start the local stack with `monitor stack up`, or set MONITOR_KAFKA_BOOTSTRAP_SERVERS"


def settings_error(exc: ValidationError) -> click.ClickException:
    """A settings validation error named by its environment variables, with the
    value given and what is allowed (pydantic's own words for the rule)."""
    lines = []
    for err in exc.errors(include_url=False):
        loc = err.get("loc") or ()
        message = str(err.get("msg", "invalid"))
        if loc:
            var = f"MONITOR_{str(loc[0]).upper()}"
            field = Settings.model_fields.get(str(loc[0]))
            secret = field is not None and "SecretStr" in str(field.annotation)
            given = "'**********'" if secret else repr(err.get("input"))
            lines.append(f"{var}={given} is not valid: {message}")
        else:  # a rule over several settings: its message names them
            lines.append(message.removeprefix("Value error, "))
    return click.ClickException(
        "bad setting: " + "; ".join(lines) + " (see `monitor config` for every setting)"
    )


def is_unreachable(exc: BaseException) -> bool:
    """Whether `exc` means the broker did not answer at all (as opposed to refusing)."""
    from aiokafka.errors import KafkaConnectionError, KafkaTimeoutError

    return isinstance(exc, KafkaConnectionError | KafkaTimeoutError | ConnectionError)


def kafka_unreachable(settings: Settings, exc: BaseException | None = None) -> click.ClickException:
    from monitor.service.kafka import resolve_bootstrap

    why = f" ({type(exc).__name__})" if exc is not None else ""
    return click.ClickException(
        f"cannot reach Kafka at {resolve_bootstrap(settings)}{why}; {STACK_HINT}"
    )


def kafka_error(settings: Settings, exc: BaseException) -> click.ClickException | None:
    """The one line for a Kafka command that failed, or None for an error that is
    not about reaching the broker (a bug: its traceback is worth seeing).

    A broker that does not answer gets the address and how to start one; a
    refusal (`AccessRefused`: password, CA, protocol) and the project's own
    refusals (`ensure_topics`: a news.raw with several partitions) say what was
    refused. aiokafka's errors are RuntimeErrors too, hence the order."""
    if is_unreachable(exc):
        return kafka_unreachable(settings, exc)
    from aiokafka.errors import KafkaError

    if isinstance(exc, RuntimeError) and not isinstance(exc, KafkaError):
        return click.ClickException(str(exc))
    return None


def quiet_kafka_client_logs() -> None:
    """Keep aiokafka's own connection warnings off a command's terminal: the command
    says once what went wrong (without a handler, Python's last-resort handler
    would print each of them to stderr)."""
    for name in ("aiokafka", "kafka"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False
