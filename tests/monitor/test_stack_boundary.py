"""The development stack stays off the service's path (issue 12): no module of
`monitor.es`, `monitor.service` or `agents` imports `monitor.stack`, directly,
through another module, or lazily inside a function; the command line alone
reads the stack's record (`monitor.cli.settings`)."""

from __future__ import annotations

import pytest

from tests.import_graph import import_chain, modules_under

RUNTIME = [
    *modules_under("monitor.es"),
    *modules_under("monitor.service"),
    *modules_under("agents"),
]


@pytest.mark.parametrize("module", RUNTIME)
def test_a_service_module_never_imports_the_development_stack(module: str) -> None:
    chain = import_chain(module, "monitor.stack")
    assert chain is None, "imports the development stack: " + " -> ".join(chain or [])


def test_the_check_sees_a_lazy_import_of_the_stack() -> None:
    # The command line does import the stack, inside a function: the check must see it.
    assert import_chain("monitor.cli.settings", "monitor.stack") == [
        "monitor.cli.settings",
        "monitor.stack",
    ]
    assert len(RUNTIME) > 20 and "agents.app" in RUNTIME and "monitor.es.client" in RUNTIME
