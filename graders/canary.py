"""The canary: before anyone's grade is recorded, grade the reference solution and the blank release.

Both are ordinary submissions of two pseudo-students (:data:`graders.contract.CANARIES`) in the
first batches of the run, so they take exactly the learners' path: same sandbox account, limits,
packages, preprocessors. The reference must earn every auto-graded point and the blank none;
otherwise nobody is graded and :func:`verdict` says why, in one line a person can act on.
"""
from __future__ import annotations

import copy
import os
from pathlib import Path

import nbformat

from graders.contract import CANARY_BLANK, CANARY_REFERENCE, KernelReport, Result
from graders.course import fill, reference_answers
from graders.job import Batch, Setup, Submission
from graders.preflight import Preflight


class CanaryError(Exception):
    """The canary cannot even be built (no release or source notebook)."""


def submissions(root: Path, assignment: str, notebooks: list[str]) -> list[Submission]:
    """The reference (release + reference answers) and the blank release, as two submissions."""
    ref, blank = {}, {}
    for name in notebooks:
        release = root / "release" / assignment / f"{name}.ipynb"
        source = root / "source" / assignment / f"{name}.ipynb"
        for p in (release, source):
            if not p.exists():
                raise CanaryError(f"cannot check the grader before grading: {p.relative_to(root)} is missing "
                                  f"(run `nbgrader generate_assignment {assignment}`)")
        nb = nbformat.read(release, as_version=4)
        blank[name] = Preflight(copy.deepcopy(nb))
        ref[name] = Preflight(fill(nb, reference_answers(nbformat.read(source, as_version=4))))
    return [Submission(CANARY_REFERENCE, ref), Submission(CANARY_BLANK, blank)]


def blocked_folder(path: str, namespace: bool) -> str | None:
    """The first folder on the way to ``path`` an unprivileged account cannot enter (or, for
    ``path`` itself, read). In a private view, /root and /home are replaced up to the kept folder."""
    p = Path(path)
    for folder in [*reversed(p.parents), p]:
        if namespace and folder != p and (folder in (Path("/root"), Path("/home")) or
                                          {Path("/root"), Path("/home")} & set(folder.parents)):
            continue
        need = 0o005 if folder == p else 0o001
        try:
            mode = folder.stat().st_mode
        except OSError:
            return f"{folder} (missing)"
        if mode & need != need:
            return f"{folder} (mode {oct(mode & 0o777)[2:]})"
    return None


def _cells(course: Path | None, student: str, assignment: str) -> tuple[list[str], list[str]]:
    """(failed, passed) auto-graded test cells of a canary's autograded notebooks: 'gid: error'."""
    failed, passed = [], []
    if course is None:
        return failed, passed
    for path in sorted((course / "autograded" / student / assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if not meta.get("grade") or meta.get("solution") or cell.cell_type != "code":
                continue
            errs = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if errs:
                failed.append(f"{meta['grade_id']}: {errs[0].get('ename')}: {str(errs[0].get('evalue'))[:120]}")
            else:
                passed.append(meta["grade_id"])
    return failed, passed


def _origins(setup: Setup, rep: KernelReport | None) -> str | None:
    if rep is None:
        return "the grading kernel wrote no report (it did not start)"
    for name, folder in rep.origins.items():
        expected = os.path.join(setup.pythonpath, name)
        if os.path.realpath(folder) != os.path.realpath(expected):
            return f"the grading kernel imported {name} from {folder}, not from {expected}"
    return None


def _reference(setup: Setup, res: Result, rep: KernelReport | None, course: Path) -> str | None:
    top = setup.auto_max.get(res.assignment, 0)
    faults = [r for r in res.reasons if r.startswith("grader fault")]
    why = faults[0] if faults else _origins(setup, rep)
    if not why and res.status == "failed":
        why = f"the reference solution could not be graded: {res.reason}"
    if not why and res.auto_score != top:
        failed, _ = _cells(course, res.student, res.assignment)
        why = (f"the reference solution earned {res.auto_score:g}/{top:g} auto-graded points"
               + (f" (first failure {failed[0]})" if failed else ""))
    if not why:
        return None
    blocked = blocked_folder(setup.pythonpath, setup.namespace) if setup.drop else None
    return why + (f"; the sandbox account cannot read {blocked}" if blocked else "")


def _blank(res: Result, course: Path) -> str | None:
    if res.status == "failed":
        return f"the blank release could not be graded: {res.reason}"
    if not res.auto_score:
        return None
    _, passed = _cells(course, res.student, res.assignment)
    return (f"the blank release earned {res.auto_score:g} point(s) without any answer "
            f"(passed: {', '.join(passed[:5])}): those checks do not discriminate")


def verdict(setup: Setup, batches: list[Batch]) -> str | None:
    """None when the canaries of these (finished) batches behaved; else the one-line reason."""
    for b in batches:
        for res in b.results:
            if res.student == CANARY_REFERENCE:
                why = _reference(setup, res, b.reports.get(res.student), b.course)
            elif res.student == CANARY_BLANK:
                why = _blank(res, b.course)
            else:
                continue
            if why:
                return f"canary failed for {res.assignment}: {why}. Nobody was graded."
    return None
