"""Recording results in the course (parent process only, one batch at a time).

A batch's grades and comments are copied from its private gradebook into the course gradebook
through nbgrader's ``Gradebook`` API, and its autograded folders into ``autograded/``. Only the
parent writes the course gradebook, so parallel grading cannot lose or duplicate grades. The
summary of every result is also written to ``classgrade/<assignment>.json``.
"""
from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

from nbgrader.api import Gradebook

from graders.contract import STATUS_DIR, Result


def merge(root: Path, results: list[Result], course: Path | None) -> None:
    """Record a batch. Both gradebooks are opened once per batch (opening one costs ~0.1 s); a
    student whose grades cannot be recorded is marked failed, the others are recorded."""
    with contextlib.ExitStack() as stack:
        dst = stack.enter_context(Gradebook(f"sqlite:///{root / 'gradebook.db'}"))
        src = stack.enter_context(Gradebook(f"sqlite:///{course / 'gradebook.db'}")) if course else None
        for res in results:
            try:
                _merge_one(root, dst, src, res, course)
            except Exception as exc:
                dst.db.rollback()
                res.status = "failed"
                res.reasons.append(f"could not record grades: {type(exc).__name__}: {exc}")


def _merge_one(root: Path, dst: Gradebook, src: Gradebook | None, res: Result, course: Path | None) -> None:
    dst.update_or_create_student(res.student)
    if res.status == "failed" or src is None:
        return
    s = src.find_submission(res.assignment, res.student)
    dst.update_or_create_submission(res.assignment, res.student, timestamp=s.timestamp)
    for snb in s.notebooks:
        dnb = dst.find_submission_notebook(snb.name, res.assignment, res.student)
        dnb.flagged = res.status == "flagged"
        dnb.late_submission_penalty = snb.late_submission_penalty
        for g in snb.grades:
            dg = dst.find_grade(g.name, snb.name, res.assignment, res.student)
            dg.auto_score, dg.needs_manual_grade = g.auto_score, g.needs_manual_grade
        for c in snb.comments:
            dc = dst.find_comment(c.name, snb.name, res.assignment, res.student)
            dc.auto_comment = c.auto_comment
    dst.db.commit()
    out = root / "autograded" / res.student / res.assignment
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(course / "autograded" / res.student / res.assignment, out, symlinks=True)


def write_status(root: Path, results: list[Result]) -> None:
    """``classgrade/<assignment>.json``: student -> :meth:`Result.record` (earlier students kept)."""
    out = root / STATUS_DIR
    out.mkdir(exist_ok=True)
    by_a: dict[str, dict] = {}
    for r in results:
        by_a.setdefault(r.assignment, {})[r.student] = r.record()
    for a, rows in by_a.items():
        path = out / f"{a}.json"
        old = json.loads(path.read_text()) if path.exists() else {}
        old.update(rows)
        path.write_text(json.dumps(old, indent=1, sort_keys=True))
