"""The trust boundary in the layout: graders/kernel/ is the only code that runs inside the learner's
kernel, and it imports nothing from the trusted side (expected values, reference runs, rule texts,
the instructor's paths live there)."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

GRADERS = Path(__file__).resolve().parents[2] / "graders"
KERNEL = GRADERS / "kernel"
THIRD_PARTY = {"numpy", "pandas", "IPython"}   # what the learner's kernel has anyway
ALIASES = ("checks", "hidden", "integrity")    # old paths the notebooks import: aliases of graders.kernel.*


def trusted_imports(source: str, package: str = "graders.kernel") -> list[str]:
    """The imports of a kernel-side module that reach outside the kernel side."""
    bad = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names = [".".join([*base, node.module] if node.module else base)]
            else:
                names = [node.module or ""]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names = [str(node.args[0].value)]
        for name in names:
            top = name.split(".")[0]
            if name == "graders.kernel" or name.startswith("graders.kernel."):
                continue
            if top in THIRD_PARTY or (top in sys.stdlib_module_names and top != "graders"):
                continue
            bad.append(name)
    return bad


@pytest.mark.parametrize("path", sorted(KERNEL.glob("*.py")), ids=lambda p: p.name)
def test_kernel_side_imports_nothing_trusted(path):
    assert not trusted_imports(path.read_text(encoding="utf-8")), f"{path.name} imports the trusted side"


def test_the_check_catches_a_trusted_import():
    """Control: the test above fails for the imports a careless edit would add."""
    assert trusted_imports("from graders.reference import expected_probes") == ["graders.reference"]
    assert trusted_imports("from ..compare import decode") == ["graders.compare"]
    assert trusted_imports("import graders.contract") == ["graders.contract"]
    assert trusted_imports("__import__('graders.job')") == ["graders.job"]
    assert trusted_imports("from .checks import call\nimport json, numpy") == []


def test_package_init_and_old_paths_stay_kernel_side():
    init = (GRADERS / "__init__.py").read_text(encoding="utf-8")
    assert set(trusted_imports(init, package="graders")) <= {".kernel.checks"}
    assert '".kernel.checks"' in init
    for name in ALIASES:
        text = (GRADERS / f"{name}.py").read_text(encoding="utf-8")
        assert f"from graders.kernel import {name} as _module" in text and "sys.modules[__name__] = _module" in text
    import graders.checks
    import graders.hidden
    import graders.kernel.checks
    import graders.kernel.hidden
    assert graders.hidden is graders.kernel.hidden and graders.checks is graders.kernel.checks
    assert graders.check is graders.kernel.checks.check


def test_kernel_packages_match_the_contract():
    from graders.contract import PACKAGES
    from graders.kernel import integrity
    assert integrity._PACKAGES == PACKAGES
