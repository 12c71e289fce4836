"""`monitor analyze` (the offline contract) and `monitor schemas`."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

import click

from monitor.analyzer import Analyzer, gc_for_stream
from monitor.eventtime import Reorderer
from monitor.items import ItemError, parse_item
from monitor.settings import Settings
from schemas.analysis import Analysis, AnalysisError, ErrorInfo
from schemas.news import NewsItem


def _lines(stream: BinaryIO) -> Iterator[bytes]:
    # Binary on purpose: a line of invalid UTF-8 must become an error line,
    # not abort the whole run in a text-mode decoder.
    for raw in stream:
        yield raw.rstrip(b"\r\n")


class _Progress:
    """A one-line progress report on stderr, only when stderr is a terminal."""

    def __init__(self, total_bytes: int | None, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total_bytes
        self.items = 0
        self.errors = 0
        self.bytes = 0
        self.started = time.monotonic()
        self._last = 0.0

    def step(self, size: int, error: bool) -> None:
        self.items += 1
        self.errors += error
        self.bytes += size
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.25:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.items / max(now - self.started, 1e-9)
        share = f" {100 * self.bytes / self.total:5.1f}%" if self.total else ""
        sys.stderr.write(
            f"\ranalyze:{share} {self.items} items, {self.errors} errors, {rate:,.0f} items/s "
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            sys.stderr.write("\n")


def _emit(out: TextIO, result: Analysis | AnalysisError, pretty: bool) -> None:
    out.write(json_line(result, pretty))


def json_line(result: Analysis | AnalysisError, pretty: bool = False) -> str:
    """The output line of one result. pydantic's own JSON writer gives the same
    bytes as `reference_json_line` in one pass, without the dicts in between (a
    test compares the two); the reference stays for --pretty and for the errors."""
    if not pretty:
        try:
            return result.model_dump_json() + "\n"
        except ValueError:
            pass  # the reference raises its own error on the same input, as it always did
    return reference_json_line(result, pretty)


def reference_json_line(result: Analysis | AnalysisError, pretty: bool = False) -> str:
    data = result.model_dump(mode="json", exclude_none=False)
    if pretty:
        line = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        line = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    line.encode("utf-8")  # raises here (not half-way through the write) on a lone surrogate
    return line


def _analyze_line(analyzer: Analyzer, raw: bytes, number: int) -> Analysis | AnalysisError:
    """One line's result; an unexpected failure (a detector bug) becomes an error line
    instead of ending the run and losing every later line."""
    try:
        return analyzer.analyze_raw(raw, line=number)
    except Exception as exc:  # noqa: BLE001 - per-line boundary: report it and go on
        return _internal_error(exc, number)


def _parse_line(analyzer: Analyzer, raw: bytes, number: int) -> NewsItem | AnalysisError:
    try:
        return parse_item(raw, analyzer.settings.max_body_bytes)
    except ItemError as exc:
        return AnalysisError(
            id=exc.item_id, line=number, error=ErrorInfo(code=exc.code, message=exc.message)
        )


def _analyze_item(analyzer: Analyzer, item: NewsItem, number: int) -> Analysis | AnalysisError:
    try:
        return analyzer.analyze(item)
    except Exception as exc:  # noqa: BLE001 - per-line boundary, as in _analyze_line
        return _internal_error(exc, number)


def _internal_error(exc: Exception, number: int) -> AnalysisError:
    message = f"{type(exc).__name__}: {exc}"[:1000]
    # The message may quote the input; keep it printable as UTF-8 whatever it holds.
    message = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return AnalysisError(line=number, error=ErrorInfo(code="internal_error", message=message))


def _emit_guarded(out: TextIO, result: Analysis | AnalysisError, pretty: bool, number: int) -> None:
    # Serialized before writing, so a failure cannot leave half a line behind.
    try:
        _emit(out, result, pretty)
    except (ValueError, TypeError) as exc:  # pydantic's serialization errors are ValueErrors
        _emit(out, _internal_error(exc, number), pretty)


def _text_items(paths: tuple[Path, ...]) -> Iterator[bytes]:
    seen: dict[str, int] = {}
    for path in paths:
        name = path.stem
        seen[name] = seen.get(name, 0) + 1
        item_id = f"file:{name}" if seen[name] == 1 else f"file:{name}:{seen[name]}"
        body = path.read_text(encoding="utf-8", errors="replace")
        yield json.dumps({"id": item_id, "source": path.name, "body": body}).encode("utf-8")


@click.command()
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@click.option(
    "--text",
    "texts",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Analyse a plain-text article file (repeatable) instead of JSON Lines.",
)
@click.option(
    "--state",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Load dedup and alert state from this file if it exists, and save it at the end.",
)
@click.option("--pretty", is_flag=True, help="Indented JSON for people (not JSON Lines).")
@click.option("--no-progress", is_flag=True, help="No progress line on stderr.")
@click.option(
    "--reorder",
    type=click.FloatRange(min=0),
    default=0,
    show_default=True,
    metavar="SECONDS",
    help="Put items shuffled by less than SECONDS of publication time back in order "
    "before deciding (output then comes in publication order): an archive whose "
    "lines are not sorted gives the alerts of the sorted stream.",
)
def analyze(
    file: Path | None,
    texts: tuple[Path, ...],
    state: Path | None,
    pretty: bool,
    no_progress: bool,
    reorder: float,
) -> None:
    """Analyse news items offline: JSON Lines in (FILE, or stdin), one JSON
    line out per input line, in order (in publication order with --reorder).

    Each input line is an object with at least "body"; "id", "source", "url",
    "title" and "published_at" are optional. Items share one deduplication and
    alert state, so a republished article comes out marked as a duplicate. A
    line that is not a valid item gives an output line with an "error" field
    and the run goes on.

    \b
    Examples:
      monitor analyze news.jsonl > analyses.jsonl
      monitor analyze --text seeds/watanalyoum-karabakh-ceasefire-2023.txt --pretty
      cat news.jsonl | monitor analyze --state monitor.state.json
    """
    try:
        settings = Settings()
    except ValueError as exc:
        raise click.UsageError(f"invalid settings: {exc}") from exc
    analyzer = Analyzer(settings)
    if state is not None and state.exists():
        try:
            analyzer.load_state(state)
        except (ValueError, KeyError, OSError) as exc:
            raise click.UsageError(
                f"cannot load state from {state}: {exc}; remove the file to start afresh"
            ) from exc
    if texts and file:
        raise click.UsageError("give either FILE or --text, not both")
    click.get_current_context().with_resource(gc_for_stream())  # until the command ends
    out = click.get_text_stream("stdout")
    if texts:
        lines: Iterator[bytes] = _text_items(texts)
        progress = _Progress(None, False)
        stream = None
    else:
        stream = file.open("rb") if file else click.get_binary_stream("stdin")
        lines = _lines(stream)
        progress = _Progress(file.stat().st_size if file else None, not no_progress)
    held: Reorderer[tuple[int, NewsItem]] | None = Reorderer(reorder) if reorder else None

    def decide(released: list[tuple[int, NewsItem]]) -> None:
        for n, item in released:
            _emit_guarded(out, _analyze_item(analyzer, item, n), pretty, n)

    try:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                result: Analysis | AnalysisError | None = AnalysisError(
                    line=number, error=ErrorInfo(code="empty_line", message="the line is empty")
                )
            elif held is None:
                result = _analyze_line(analyzer, raw, number)
            else:
                parsed = _parse_line(analyzer, raw, number)
                if isinstance(parsed, AnalysisError):
                    result = parsed
                else:
                    result = None
                    at = analyzer.events.believed(parsed.published_at, _ingested(parsed))
                    decide(held.push(at, (number, parsed)))
            if result is not None:
                _emit_guarded(out, result, pretty, number)
            progress.step(len(raw) + 1, isinstance(result, AnalysisError))
        if held is not None:
            decide(held.flush())
    except KeyboardInterrupt:
        progress.close()
        click.echo("analyze: interrupted", err=True)
        sys.exit(130)
    finally:
        if stream is not None and file is not None:
            stream.close()
    progress.close()
    if state is not None:
        analyzer.save_state(state)


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory to write into (default: the package's schemas/json).",
)
@click.option("--check", is_flag=True, help="Only check that the exported files are current.")
def schemas(out: Path | None, check: bool) -> None:
    """Write the JSON Schemas of every message (news item, analysis, alert,
    dead letter) for consumers to generate code from."""
    from schemas.export import SCHEMA_DIR, export_all, stale

    directory = out or SCHEMA_DIR
    if check:
        names = stale(directory)
        if names:
            raise click.ClickException(
                f"stale schemas in {directory}: {', '.join(names)}; run `monitor schemas`"
            )
        click.echo(f"schemas in {directory} are current")
        return
    for path in export_all(directory):
        click.echo(str(path))


def _ingested(item: NewsItem) -> float:
    return item.ingested_at.timestamp() if item.ingested_at else time.time()
