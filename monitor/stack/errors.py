"""The one exception type the stack raises, so the CLI can print it without a trace."""

from __future__ import annotations


class StackError(RuntimeError):
    """A node could not be fetched, started, reached or stopped; the message says why
    and, where there is one, which log file to read."""
