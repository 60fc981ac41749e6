"""The capstone's evaluation rubric: five instructor scores -> a weighted total out of 20 and a verdict.

    python -m graders.rubric --root COURSE [--assignment capstone] [--to rubric.csv]

The curriculum ("Capstone Project", "Evaluation Framework") scores five capabilities from 1 (poor)
to 4 (excellent), gives them weights, and sets the pass mark at 12/20 and "platform excellence" at
18/20. Weights that sum to 1 and a total "out of 20" are combined in ONE way, used everywhere:

    total = 5 × Σ weightᵢ × scoreᵢ

The weighted mean Σ wᵢ·sᵢ lies on the 1-4 scale; five times it lies on 5-20 (all 1s give 5, all
4s give 20), which is the curriculum's "out of 20" with its weights kept. Worked example: scores
4, 3, 3, 2, 3 (in the order below) give 5 × (0.25·4 + 0.25·3 + 0.20·3 + 0.15·2 + 0.15·3) =
5 × 3.1 = 15.5, a pass. Verdicts: ``excellence`` when total ≥ 18, ``pass`` when total ≥ 12, else
``not yet`` (both thresholds inclusive: exactly 12 passes).

The instructor enters the five scores in formgrader, in the capstone's five manually graded rubric
cells (``rubric-*`` grade ids, 4 points each, so the gradebook's score *is* the 1-4 score). The
command reads them from ``COURSE/gradebook.db`` for every student and prints (and with ``--to``
writes) one row per student. A student whose rubric is incomplete gets no total and a clear
reason: a cell not scored yet, a cell left untouched by the learner (nbgrader's automatic 0 is not
on the 1-4 scale: score it by hand), a score that is not a whole number from 1 to 4, or no
submission. The exit code is 0 when every student has a total, 1 otherwise (2 for a bad course).
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import dataclass
from pathlib import Path

# grade_id -> (capability, weight), in the curriculum's order
CRITERIA = {
    "rubric-architecture": ("Platform Architecture", 0.25),
    "rubric-dx": ("Developer Experience", 0.25),
    "rubric-automation": ("Automation & Self-Service", 0.20),
    "rubric-metrics": ("Metrics & Observability", 0.15),
    "rubric-security": ("Security & Compliance", 0.15),
}
PASS, EXCELLENCE, SCALE = 12.0, 18.0, 5
FIELDS = ["student_id", *CRITERIA, "total", "verdict", "problem"]


class RubricError(ValueError):
    """The scores cannot be combined; the message says which and why."""


def total(scores: dict[str, float]) -> float:
    """The weighted total out of 20: 5 × Σ weight × score, each score a whole number 1-4."""
    missing = [g for g in CRITERIA if g not in scores]
    if missing:
        raise RubricError(f"no score for {', '.join(missing)}: all five rubric cells must be scored.")
    unknown = sorted(set(scores) - set(CRITERIA))
    if unknown:
        raise RubricError(f"unknown rubric cell(s) {unknown}; expected {list(CRITERIA)}.")
    for gid, s in scores.items():
        if isinstance(s, bool) or not isinstance(s, (int, float)) or math.isnan(s) or s not in (1, 2, 3, 4):
            raise RubricError(f"{gid} ({CRITERIA[gid][0]}) is scored {s!r}; the rubric scores each capability "
                              "with a whole number from 1 (poor) to 4 (excellent).")
    return round(SCALE * sum(CRITERIA[g][1] * float(scores[g]) for g in CRITERIA), 6)


def verdict(points: float) -> str:
    """'excellence' (≥ 18), 'pass' (≥ 12) or 'not yet'."""
    return "excellence" if points >= EXCELLENCE else "pass" if points >= PASS else "not yet"


@dataclass
class Row:
    student_id: str
    scores: dict[str, float | None]
    total: float | None = None
    verdict: str = ""
    problem: str = ""

    def as_csv(self) -> dict:
        return {"student_id": self.student_id, **{g: "" if self.scores.get(g) is None else f"{self.scores[g]:g}" for g in CRITERIA},
                "total": "" if self.total is None else f"{self.total:g}", "verdict": self.verdict, "problem": self.problem}


def _cell_score(grade) -> tuple[float | None, str]:
    """(score, problem) of one rubric cell read from nbgrader's Grade; problem is "", "unscored" or "untouched"."""
    if grade.manual_score is not None:
        return float(grade.manual_score), ""
    if not grade.needs_manual_grade and grade.auto_score is not None:
        return float(grade.auto_score), "untouched"  # autograde's automatic score of an unchanged answer cell
    return None, "unscored"


_PROBLEMS = {"unscored": "not scored yet: {} (score {} 1-4 in formgrader)",
             "untouched": "left untouched by the learner: {} (nbgrader's automatic 0 is not on the 1-4 scale; "
                          "score {} by hand in formgrader)"}


def read(root: Path, assignment: str = "capstone", notebook: str | None = None) -> list[Row]:
    """One Row per student of the gradebook in ``root`` (every student, submitted or not)."""
    from nbgrader.api import Gradebook, MissingEntry

    db = Path(root) / "gradebook.db"
    if not db.is_file():
        raise RubricError(f"{db} does not exist: pass the course folder (the one with gradebook.db) as --root.")
    notebook = notebook or assignment
    rows = []
    with Gradebook(f"sqlite:///{db}") as gb:
        try:
            cells = {c.name for c in gb.find_notebook(notebook, assignment).grade_cells}
        except MissingEntry:
            raise RubricError(f"the gradebook has no notebook {notebook!r} in assignment {assignment!r}: "
                              "run `nbgrader generate_assignment` for it first.") from None
        absent = [g for g in CRITERIA if g not in cells]
        if absent:
            raise RubricError(f"assignment {assignment!r} has no rubric cell(s) {absent}; its notebook must carry the "
                              "five rubric-* manually graded cells.")
        for student in sorted(s.id for s in gb.students):
            try:
                nb = gb.find_submission_notebook(notebook, assignment, student)
            except MissingEntry:
                rows.append(Row(student, {}, problem="no submission"))
                continue
            grades = {g.name: g for g in nb.grades if g.name in CRITERIA}
            scores, kinds = {}, {"unscored": [], "untouched": []}
            for gid in CRITERIA:
                scores[gid], kind = _cell_score(grades[gid])
                if kind:
                    kinds[kind].append(gid)
            problems = [_PROBLEMS[k].format(", ".join(ids), "it" if len(ids) == 1 else "them")
                        for k, ids in kinds.items() if ids]
            row = Row(student, scores)
            if problems:
                row.problem = "; ".join(problems)
            else:
                try:
                    row.total = total(scores)
                    row.verdict = verdict(row.total)
                except RubricError as exc:
                    row.problem = str(exc)
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m graders.rubric", description=__doc__.split("\n\n")[0])
    p.add_argument("--root", type=Path, default=Path("."), help="course folder holding gradebook.db (default: .)")
    p.add_argument("--assignment", default="capstone")
    p.add_argument("--to", type=Path, help="also write the rows to this CSV file")
    args = p.parse_args(argv)
    try:
        rows = read(args.root, args.assignment)
    except RubricError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not rows:
        print(f"The gradebook in {args.root} has no students.")
    head = f"{'student':<20} " + " ".join(f"{g[7:]:>12}" for g in CRITERIA) + f" {'total/20':>9}  verdict"
    print(head)
    for r in rows:
        cells = " ".join(f"{'' if r.scores.get(g) is None else format(r.scores[g], 'g'):>12}" for g in CRITERIA)
        tail = f"{r.total:>9g}  {r.verdict}" if r.total is not None else f"{'-':>9}  {r.problem}"
        print(f"{r.student_id:<20} {cells} {tail}")
    if args.to:
        with open(args.to, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS)
            w.writeheader()
            w.writerows(r.as_csv() for r in rows)
        print(f"wrote {args.to}")
    incomplete = [r for r in rows if r.total is None]
    if incomplete:
        print(f"{len(incomplete)} of {len(rows)} students have no total yet (see the reasons above).", file=sys.stderr)
    return 1 if incomplete else 0


if __name__ == "__main__":
    raise SystemExit(main())
