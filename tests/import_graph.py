"""The project's import graph read from the source, imports inside functions and
under `try` included (the lazy imports a run-time `sys.modules` check misses)."""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def module_path(name: str) -> Path | None:
    """The source file of a project module (`a.b` -> a/b.py or a/b/__init__.py)."""
    base = REPO.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def modules_under(package: str) -> list[str]:
    """Every module of a package directory, the package itself included."""
    root = REPO.joinpath(*package.split("."))
    out = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def direct_imports(name: str) -> set[str]:
    """The project modules `name` imports anywhere in its source, with the
    packages that importing them runs (`a.b.c` runs a/__init__ and a/b/__init__)."""
    path = module_path(name)
    if path is None:
        return set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            # `from a import b` imports the module a.b when there is one
            found.update(f"{base}.{alias.name}" for alias in node.names)
    out = set()
    for target in found:
        parts = target.split(".")
        out.update(
            ".".join(parts[:i])
            for i in range(1, len(parts) + 1)
            if module_path(".".join(parts[:i]))
        )
    out.discard(name)
    return out


def import_chain(start: str, forbidden: str) -> list[str] | None:
    """The shortest chain of imports from `start` to `forbidden` (or a module
    inside it), or None when `start` never reaches it."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if current == forbidden or current.startswith(forbidden + "."):
            chain = [current]
            while (previous := parent[chain[-1]]) is not None:
                chain.append(previous)
            return chain[::-1]
        for target in sorted(direct_imports(current)):
            if target not in parent:
                parent[target] = current
                queue.append(target)
    return None
