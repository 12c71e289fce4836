"""`monitor eval`: score the monitor (or any tool printing the contract) on labelled items."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import click

from monitor.evaluation.gold import GoldError, analyse_cases, load_gold, read_analyses
from monitor.evaluation.score import ACCURACY_FIELDS, FIELDS, Report, score


def render(report: Report, misses: int) -> str:
    """The report for people: one line per field, then the misses."""
    lines = [f"{report.items} items", f"{'field':<20} {'value':>6}  {'P':>6} {'R':>6}  n"]
    for name, s in report.fields.items():
        if not s.total:
            continue
        if name in ACCURACY_FIELDS:
            lines.append(f"{name:<20} {s.accuracy:6.3f}  {'':>6} {'':>6}  {s.correct}/{s.total}")
        else:
            lines.append(
                f"{name:<20} {s.f1:6.3f}  {s.precision:6.3f} {s.recall:6.3f}  "
                f"tp {s.tp} fp {s.fp} fn {s.fn}"
            )
    if misses and report.misses:
        lines.append("")
        lines.append(f"misses ({len(report.misses)}; first {misses}):")
        for m in report.misses[:misses]:
            lines.append(f"  {m.item_id} {m.field}: expected {m.expected} | got {m.got}")
            if m.note:
                lines.append(f"      ({m.note})")
    return "\n".join(lines)


def below_floor(report: Report, floors: dict[str, float]) -> list[str]:
    """The fields whose score dropped below their recorded floor."""
    values = report.values()
    return [
        f"{name} {values.get(name, 0.0):.3f} < floor {floor:.3f}"
        for name, floor in floors.items()
        if values.get(name, 0.0) < floor
    ]


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument(
    "analyses", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and misses) as JSON.")
@click.option("--misses", default=30, show_default=True, help="How many misses to list (0: none).")
@click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSON object of field -> lowest acceptable score; exit 1 if any is below.",
)
def evaluate(
    gold: Path, analyses: Path | None, as_json: bool, misses: int, floors: Path | None
) -> None:
    """Score analyses against a gold file of labelled items: per field,
    precision, recall and F1 (or the share of items right), and the misses.

    GOLD is JSON Lines of {"item": {...}, "expect": {...}} (the format is
    schemas/json/gold-case.json). Without ANALYSES the monitor analyses the
    gold items itself, in order, with one state, its clock following each
    item's published_at. With ANALYSES (the output of `monitor analyze`, or of
    any tool printing the same contract) those are scored instead.
    """
    try:
        cases = load_gold(gold)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if analyses is None:
        by_id = {str(a.get("id")): a for a in analyse_cases(cases) if "error" not in a}
    else:
        with analyses.open(encoding="utf-8") as fh:
            try:
                by_id = read_analyses(fh)
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{analyses}: not JSON Lines: {exc}") from exc
    report = score(cases, by_id)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(render(report, misses))
    if floors is not None:
        failed = below_floor(report, json.loads(floors.read_text(encoding="utf-8")))
        if failed:
            raise click.ClickException("below the recorded floor: " + "; ".join(failed))


# The field list is the scorer's own, so the help cannot drift from it.
evaluate.help = (
    inspect.cleandoc(evaluate.help or "")
    + "\n\n\b\nFields:\n"
    + "\n".join(f"  {name}: {what}" for name, what in FIELDS.items())
)
