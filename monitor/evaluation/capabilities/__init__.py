"""A CheckList-style capability suite (Ribeiro et al., 2020) for the detectors.

Templates × lexicons × perturbations expand into Arabic test cases, each with an
expected output computed from the slots it was built from; `run.run_suite`
analyses them and reports the pass rate per capability. The suite is written
from how Arabic news words things, not from the detectors' rules.
"""

from monitor.evaluation.capabilities.generator import CAPABILITIES, generate
from monitor.evaluation.capabilities.model import Case, Expected, Figure

__all__ = ["CAPABILITIES", "Case", "Expected", "Figure", "generate"]
