"""Mutation testing of the pure core's decision modules with mutmut (docs/mutation.md).

    python scripts/mutation.py dedup               # or: alerts, detect
    python scripts/mutation.py dedup --survivors   # rerun only the last run's survivors
    python scripts/mutation.py dedup --report      # the summary of the last run only

Each run writes `.mutation/GROUP.json` (mutant -> status) and
`.mutation/GROUP-survivors.txt` (each survivor's diff). `--survivors` runs the
mutants that survived the last full run against the current tests (a mutant the
old tests killed stays killed when tests are only added) and prints the score of
the two runs together.

Each group mutates a few modules and runs only their unit tests against each
mutant (mutmut narrows further to the tests that call the mutated function).
mutmut reads its settings from pyproject.toml and copies the project into
`mutants/`, so every group runs in its own scratch copy under `.mutation/GROUP`
with a `[tool.mutmut]` section of its own; the project's files are not touched.

mutmut 3.x needs click >= 8.4.2 while faust needs click < 8.4: run this from a
separate environment holding the project without the `service` extra, e.g.

    python3 -m venv /work/venv-mutation && . /work/venv-mutation/bin/activate
    pip install -e '.[dev]' 'mutmut==3.8.1'

It runs one worker under `nice -n 19` (the machine is shared); a group takes
minutes (dedup, alerts) to an hour (the detectors' chosen functions).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Group:
    modules: tuple[str, ...]  # files mutated (globs relative to the repository)
    tests: tuple[str, ...]  # the unit tests run against each mutant
    #: Mutant names to run (mutmut's `module.x_function__mutmut_N` globs); empty: all.
    functions: tuple[str, ...] = ()


GROUPS = {
    # The decisions: which paragraph is a copy (fingerprint.copy_of), whom it is
    # credited to (index._find) and when an article is a republication
    # (index._republication). The storage beneath them (table, bytelog, articles)
    # is out of scope.
    "dedup": Group(
        modules=("monitor/dedup/index.py", "monitor/dedup/fingerprint.py"),
        tests=("tests/monitor/dedup",),
    ),
    # Which alerts are sent: story joining, figure changes, repeats.
    "alerts": Group(
        modules=("monitor/alerts/state.py", "monitor/alerts/story.py"),
        tests=("tests/monitor/alerts",),
    ),
    # The detectors are large: their shared decisions only, negation and denial
    # (clause.py) and historical framing (timeframe.py), against the unit tests of
    # those modules and of the two detectors that use them.
    "detect": Group(
        modules=("monitor/detect/clause.py", "monitor/detect/timeframe.py"),
        tests=(
            "tests/monitor/detect/test_clause.py",
            "tests/monitor/detect/test_timeframe.py",
            "tests/monitor/detect/test_casualties.py",
            "tests/monitor/detect/test_ceasefire.py",
        ),
    ),
}

PYTEST_ARGS = ["-m", "not integration", "-p", "no:randomly", "-x", "-q"]


def _scratch(name: str, group: Group) -> Path:
    """A copy of the project whose pyproject.toml carries the group's mutmut settings."""
    work = REPO / ".mutation" / name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for part in ("monitor", "schemas", "agents", "tests", "seeds"):
        shutil.copytree(
            REPO / part, work / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    # tests/conftest.py finds the shared data next to the repository: mutmut runs
    # the tests in `mutants/`, so the scratch directory holds a link to it.
    (work / "shared").symlink_to((REPO.parent / "shared").resolve())
    settings = {
        "source_paths": ["monitor"],
        "only_mutate": list(group.modules),
        "also_copy": ["schemas", "agents", "seeds"],
        "pytest_add_cli_args": PYTEST_ARGS,
        "pytest_add_cli_args_test_selection": list(group.tests),
        "use_git_change_detection": False,
    }
    lines = ["", "[tool.mutmut]"] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    return work


def _results(work: Path) -> dict[str, str]:
    """Mutant name -> status, from `mutmut results --all true`."""
    out = subprocess.run(
        ["mutmut", "results", "--all", "true"],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    status: dict[str, str] = {}
    for line in out.splitlines():
        name, sep, state = line.strip().rpartition(": ")
        if sep:
            status[name] = state
    return status


def _report(name: str, work: Path, rerun: bool) -> None:
    status = _results(work)
    saved = REPO / ".mutation" / f"{name}.json"
    if rerun:
        before = json.loads(saved.read_text(encoding="utf-8"))
        # Mutants this rerun did not run are reported "not checked": keep their status.
        rerun_status = {k: v for k, v in status.items() if v != "not checked"}
        status = {**before, **{k: v for k, v in rerun_status.items() if k in _survivors(before)}}
    saved.write_text(json.dumps(status, indent=1, sort_keys=True), encoding="utf-8")
    counts: dict[str, int] = {}
    for state in status.values():
        counts[state] = counts.get(state, 0) + 1
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    tested = sum(n for s, n in counts.items() if s not in ("skipped", "not checked"))
    score = 100.0 * killed / tested if tested else 0.0
    print(f"{name}: {len(status)} mutants, {counts}; score {killed}/{tested} = {score:.1f} %")
    survivors = _survivors(status)
    out = REPO / ".mutation" / f"{name}-survivors.txt"
    with out.open("w", encoding="utf-8") as f:
        for mutant in survivors:
            # A rerun's survivors are a subset of the full run's, whose diffs are kept.
            diff = "" if rerun else _diff(work, mutant)
            f.write(f"### {mutant} ({status[mutant]})\n{diff}\n")
    print(f"{len(survivors)} survivors, with their diffs, in {out.relative_to(REPO)}")


def _diff(work: Path, mutant: str) -> str:
    return subprocess.run(
        ["mutmut", "show", mutant], cwd=work, capture_output=True, text=True
    ).stdout


def _survivors(status: dict[str, str]) -> list[str]:
    return sorted(n for n, s in status.items() if s in ("survived", "no tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("group", choices=sorted(GROUPS))
    parser.add_argument("--report", action="store_true", help="summarize the last run only")
    parser.add_argument(
        "--survivors", action="store_true", help="rerun only the last full run's survivors"
    )
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help="rerun only these survivors (mutmut globs)"
    )
    args = parser.parse_args()
    group = GROUPS[args.group]
    if shutil.which("mutmut") is None:
        sys.exit("mutmut is not installed in this environment (see the docstring)")
    work = REPO / ".mutation" / args.group
    names = list(group.functions)
    if args.survivors:
        saved = REPO / ".mutation" / f"{args.group}.json"
        names = _survivors(json.loads(saved.read_text(encoding="utf-8")))
    if args.only:
        names = args.only
    if not args.report:
        work = _scratch(args.group, group)
        cmd = ["nice", "-n", "19", "mutmut", "run", "--max-children", "1", *names]
        subprocess.run(cmd, cwd=work, check=False)
    _report(args.group, work, rerun=args.survivors or bool(args.only))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
