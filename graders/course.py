"""Small shared helpers about a course: nbgrader markers, reference answers, temporary courses.

One implementation each, used by class grading (the canary), the test suite and the tools:

- :data:`SOLUTION` and :data:`HIDDEN`: nbgrader's ``### BEGIN/END SOLUTION`` and
  ``### BEGIN/END HIDDEN TESTS`` regions (group 1 is the region's body);
- :func:`reference_answers`: the instructor's answers from a source notebook, and :func:`fill`,
  which puts answers into a (release) notebook and refuses a grade id the notebook does not have;
- :func:`nbgrader_env`: the environment for an nbgrader subprocess;
- :func:`make_course`: a temporary course with released assignments;
- :func:`auto_score` and :func:`auto_max_score`: auto-graded totals from nbgrader's gradebook.

Imports nothing heavy (nbformat only when a notebook is read).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from graders.contract import nbgrader_argv

ROOT = Path(__file__).resolve().parents[1]   # the checkout that holds this package
SOLUTION = re.compile(r"^\s*### BEGIN SOLUTION\s*$(.*?)^\s*### END SOLUTION\s*$", re.M | re.S)
HIDDEN = re.compile(r"^\s*### BEGIN HIDDEN TESTS\s*$(.*?)^\s*### END HIDDEN TESTS\s*$", re.M | re.S)
MARKER_LINE = re.compile(r"^\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")
REFLECTION = "A learner's reflection, written in their own words."


class UnknownGradeId(ValueError):
    """Answers were given for grade ids the notebook does not have."""


def _nbgrader(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def solution_body(source: str) -> str:
    """The instructor's code of a solution cell, without the solution markers."""
    body = SOLUTION.sub(lambda m: m.group(1), source)
    return "\n".join(line for line in body.splitlines() if not MARKER_LINE.match(line))


def reference_answers(source_nb) -> dict[str, str]:
    """Solution cell grade_id -> the reference answer (code: the solution; text: a reflection)."""
    out = {}
    for cell in source_nb.cells:
        meta = _nbgrader(cell)
        if meta.get("solution") and meta.get("grade_id"):
            out[meta["grade_id"]] = solution_body(cell.source) if cell.cell_type == "code" else REFLECTION
    return out


def fill(nb, answers: dict[str, str], extra: dict[str, str] | None = None, prepend: bool = True):
    """Put ``answers[grade_id]`` into the notebook's cells (in place; returns it). ``extra[grade_id]``
    is code added before (``prepend``) or after that cell's source. An id the notebook does not
    have is an error, never silently ignored."""
    extra = extra or {}
    ids = {_nbgrader(c).get("grade_id") for c in nb.cells} - {None}
    unknown = sorted((set(answers) | set(extra)) - ids)
    if unknown:
        raise UnknownGradeId(f"no cell with grade_id {', '.join(map(repr, unknown))} in this notebook")
    for cell in nb.cells:
        gid = _nbgrader(cell).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
        if gid in extra:
            cell.source = f"{extra[gid]}\n{cell.source}" if prepend else f"{cell.source}\n{extra[gid]}"
    return nb


def fill_file(path: Path, answers: dict[str, str]) -> None:
    """:func:`fill` a notebook file in place."""
    import nbformat
    nb = nbformat.read(path, as_version=4)
    nbformat.write(fill(nb, answers), path)


def nbgrader_env(**extra: str) -> dict[str, str]:
    """Environment for an nbgrader subprocess: no inherited ``NBGRADER*`` settings, this
    interpreter's bin/ first on PATH (nbgrader runs ``alembic`` from PATH)."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("NBGRADER")}
    out["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), out.get("PATH", "")])
    out.update(extra)
    return out


def run_nbgrader(*args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess:
    """``python -m nbgrader ARGS`` in ``cwd``; raises with nbgrader's output when it fails."""
    proc = subprocess.run(nbgrader_argv(*args), cwd=cwd, env=nbgrader_env(**extra),
                          capture_output=True, text=True, timeout=600)
    if proc.returncode:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                           f"{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    return proc


def make_course(dest: Path, assignments: list[str], source: Path = ROOT, release: bool = True,
                mode: int = 0o755) -> Path:
    """A course at ``dest`` (created): ``source``'s nbgrader_config.py, data/ and the assignments'
    source/ folders; with ``release`` also their gradebook entries and release/ (nbgrader
    generate_assignment). ``mode`` is the course folder's permission bits."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    dest.chmod(mode)
    shutil.copy(source / "nbgrader_config.py", dest)
    if (source / "data").is_dir():
        shutil.copytree(source / "data", dest / "data", dirs_exist_ok=True)
    for a in assignments:
        shutil.copytree(source / "source" / a, dest / "source" / a, symlinks=True, dirs_exist_ok=True)
        if release:
            run_nbgrader("generate_assignment", a, "--force", "--log-level=WARN", cwd=dest)
    return dest


def auto_score(submission) -> float:
    """Auto-graded points of a gradebook submission (nbgrader ``SubmittedAssignment``)."""
    return sum(g.auto_score or 0 for nb in submission.notebooks for g in nb.grades)


def auto_max_score(assignment) -> float:
    """The assignment's auto-graded maximum (nbgrader ``Assignment``): its grade cells that are
    not also solution cells (those are graded by hand)."""
    total = 0.0
    for nb in assignment.notebooks:
        manual = {c.name for c in nb.solution_cells}
        total += sum(c.max_score for c in nb.grade_cells if c.name not in manual)
    return total
