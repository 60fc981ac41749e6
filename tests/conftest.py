"""Shared helpers for the maintainers' test suite."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ASSIGNMENTS = sorted(p.stem for p in (ROOT / "authoring").glob("*.py") if not p.name.startswith("_"))
SOLUTION = re.compile(r"^\s*### BEGIN SOLUTION\s*$(.*?)^\s*### END SOLUTION\s*$", re.M | re.S)
HIDDEN = re.compile(r"^\s*### BEGIN HIDDEN TESTS\s*$(.*?)^\s*### END HIDDEN TESTS\s*$", re.M | re.S)


def env(**extra: str) -> dict:
    """Environment for nbgrader subprocesses: this venv's bin/ first on PATH (nbgrader needs alembic)."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("NBGRADER")}
    out["PATH"] = os.pathsep.join([str(BIN), out.get("PATH", "")])
    out.update(extra)
    return out


def run(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess:
    """Run a command; on failure show its output in the assertion message."""
    proc = subprocess.run(args, cwd=cwd, env=env(**extra), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    return proc


def nbgrader(*args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "nbgrader", *args], cwd, **extra)


def grade_cells(nb) -> dict[str, dict]:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def autograded_tests(nb) -> dict[str, float]:
    """grade_id -> points of every auto-graded test cell."""
    return {gid: float(c.metadata["nbgrader"]["points"]) for gid, c in grade_cells(nb).items()
            if c.metadata["nbgrader"].get("grade") and not c.metadata["nbgrader"].get("solution")}


def source_notebook(assignment: str):
    return nbformat.read(ROOT / "source" / assignment / f"{assignment}.ipynb", as_version=4)


def release_notebook(assignment: str):
    return nbformat.read(ROOT / "release" / assignment / f"{assignment}.ipynb", as_version=4)


def reference_answers(assignment: str) -> dict[str, str]:
    """Solution cell grade_id -> the instructor's answer without the solution markers."""
    out = {}
    for gid, cell in grade_cells(source_notebook(assignment)).items():
        if cell.metadata["nbgrader"]["solution"] and cell.cell_type == "code":
            out[gid] = SOLUTION.sub(lambda m: m.group(1), cell.source)
            out[gid] = "\n".join(line for line in out[gid].splitlines()
                                 if "### BEGIN SOLUTION" not in line and "### END SOLUTION" not in line)
        elif cell.metadata["nbgrader"]["solution"]:
            out[gid] = "A learner's reflection, written in their own words."
    return out


def fill(path: Path, answers: dict[str, str]) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    nbformat.write(nb, path)


@pytest.fixture(params=ASSIGNMENTS)
def assignment(request) -> str:
    return request.param


def notebook_text(nb) -> str:
    return json.dumps(nb, ensure_ascii=False)


# The suite's layers, by folder: `pytest -m unit` and so on; `make test-fast` runs the quick ones.
LAYERS = ("unit", "data", "content", "pipeline", "browser", "hub")


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = Path(str(item.fspath)).resolve().relative_to(ROOT).parts
        layer = parts[1] if parts[0] == "tests" and len(parts) > 2 and parts[1] in LAYERS else "content"
        item.add_marker(getattr(pytest.mark, layer))  # notebooks run by nbval (source/, notebooks/) are content
