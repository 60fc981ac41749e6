"""Shared helpers for the maintainers' test suite."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from graders.course import HIDDEN, SOLUTION, fill_file, nbgrader_env  # noqa: F401 - shared helpers, imported by tests
from graders.course import reference_answers as _reference_answers

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ASSIGNMENTS = sorted(p.stem for p in (ROOT / "authoring").glob("*.py") if not p.name.startswith("_"))


env = nbgrader_env  # environment for nbgrader subprocesses (graders/course.py)


def run(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess:
    """Run a command; on failure show its output in the assertion message."""
    proc = subprocess.run(args, cwd=cwd, env=env(**extra), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    return proc


def nbgrader(*args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess:
    if args[:1] == ("autograde",):  # plain nbgrader refuses to grade outside the sandbox, except for these
        from graders.contract import UNSANDBOXED_OVERRIDE, UNSANDBOXED_OVERRIDE_VALUE  # throw-away courses
        extra.setdefault(UNSANDBOXED_OVERRIDE, UNSANDBOXED_OVERRIDE_VALUE)
    return run([sys.executable, "-m", "nbgrader", *args], cwd, **extra)


@pytest.fixture(scope="session")
def grading_cache(tmp_path_factory) -> Path:
    """One reference run per assignment for the whole test session, shared by the xdist workers:
    the cache is keyed by the fingerprint of the assignment's source and the course packages, as in
    a course (graders/reference.py), so a changed notebook is run again."""
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent / f"grading-cache-{run_id}") if run_id else base / "grading-cache"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


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
    return _reference_answers(source_notebook(assignment))


fill = fill_file  # put answers into a notebook file; an unknown grade_id is an error


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
