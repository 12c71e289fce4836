# The README's two commands, `make demo` and `make test`, on a machine with
# Python 3.11+, Java 17 and Maven. Each prepares what is missing: uv (from PyPI
# into .tools/ when it is not on PATH), the project's environment (.venv, with
# the versions in uv.lock: `uv run` creates and syncs it), then the local stack
# (`monitor demo` and the integration tests bring it up when it is not running).

UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
RUN := $(UV) run --all-extras

.PHONY: demo test test-reversed check
.DEFAULT_GOAL := demo

demo: | $(UV)  ## the seed article through the whole service: alerts and a search
	$(RUN) monitor demo

test: | $(UV)  ## unit and integration tests (pass more pytest options with ARGS=...)
	$(RUN) python -m pytest $(ARGS)

test-reversed: | $(UV)  ## the unit tests backwards: a test that leans on another's leftovers fails
	$(RUN) python -m pytest -p no:randomly --reverse -m "not integration" -q $(ARGS)

check: | $(UV)  ## lint, formatting, types, exported schemas (CI runs it before the tests)
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy
	$(RUN) monitor schemas --check

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check 'uv>=0.5,<1'
