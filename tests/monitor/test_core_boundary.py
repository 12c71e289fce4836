"""The core is what it says: importing any core module pulls in no transport
library and no wing (issue 12), and every module of the package is one or the
other, so a new module has to be placed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import monitor

PACKAGE = Path(monitor.__file__).parent
TRANSPORTS = ("faust", "aiokafka", "elasticsearch", "elastic_transport", "aiohttp", "agents")


def test_every_module_is_core_or_wing() -> None:
    names = {
        p.stem if p.is_file() else p.name
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" or (p.is_dir() and not p.name.startswith("__")))
        and p.name not in ("__init__.py", "__main__.py")
    }
    assert names == set(monitor.CORE) | set(monitor.WINGS)
    assert not set(monitor.CORE) & set(monitor.WINGS)


def _core_modules() -> list[str]:
    out = []
    for name in monitor.CORE:
        path = PACKAGE / name
        if path.is_dir():
            out += [
                f"monitor.{name}." + ".".join(p.relative_to(path).with_suffix("").parts)
                for p in sorted(path.rglob("*.py"))
                if p.name != "__init__.py"
            ] + ([f"monitor.{name}"] if (path / "__init__.py").exists() else [])
        elif path.with_suffix(".py").exists():
            out.append(f"monitor.{name}")
    return out


@pytest.mark.parametrize("module", _core_modules())
def test_a_core_module_imports_no_transport_and_no_wing(module: str) -> None:
    wings = tuple(f"monitor.{w}" for w in monitor.WINGS)
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {TRANSPORTS!r} "
        f"or m == 'monitor.security' or m.startswith(tuple(w + '.' for w in {wings!r})) "
        f"or m in {wings!r})\n"
        "print('\\n'.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} pulls in: {result.stdout.split()}"
