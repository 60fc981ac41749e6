"""Grades out: a per-student, per-week CSV an LMS gradebook can import.

    python -m graders.lms_export [--root COURSE] [--to grades-lms.csv] [--wide]

Reads the course gradebook (nbgrader's ``Gradebook`` API) and the classgrade status files
(``classgrade/<assignment>.json``). One row per student and assignment (``--wide``: one row per
student, a score and a status column per assignment), with

- ``score`` / ``max_score``: nbgrader's total (auto-graded + manual so far), blank when the
  submission could not be graded (status ``failed``) or was not submitted (``missing``) - never
  an ordinary 0 for a notebook nobody could grade;
- ``status``: graded, flagged (for review), failed, missing; ``needs_manual_grade``; ``note``: the
  reason from classgrade's summary.

``nbgrader export`` remains the complete gradebook dump; this file is the one to upload.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

FIELDS = ["student_id", "assignment", "status", "score", "max_score", "auto_score", "auto_max_score",
          "needs_manual_grade", "note"]


def rows(root: Path) -> list[dict]:
    root = Path(root)
    status = {}
    for path in sorted((root / "classgrade").glob("*.json")):
        status[path.stem] = json.loads(path.read_text())
    out = []
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        assignments = sorted(gb.assignments, key=lambda a: a.name)
        for student in sorted(gb.students, key=lambda s: s.id):
            for a in assignments:
                st = status.get(a.name, {}).get(student.id)
                row = dict(student_id=student.id, assignment=a.name, status="missing", score="",
                           max_score=a.max_score, auto_score="", auto_max_score="", needs_manual_grade="",
                           note=(st or {}).get("reason", ""))
                try:
                    sub = gb.find_submission(a.name, student.id)
                except MissingEntry:
                    sub = None
                if st and st["status"] == "failed":
                    row["status"] = "failed"
                elif sub is not None:
                    grades = [g for nb in sub.notebooks for g in nb.grades]
                    row.update(status=(st or {}).get("status", "graded"), score=round(sub.score, 3),
                               auto_score=round(sum(g.auto_score or 0 for g in grades), 3),
                               auto_max_score=sum(g.max_score for g in grades if g.auto_score is not None),
                               needs_manual_grade=bool(sub.needs_manual_grade))
                    if any(nb.flagged for nb in sub.notebooks):
                        row["status"] = "flagged"
                elif st is None:
                    continue  # the student has nothing to do with this assignment yet
                out.append(row)
    return out


def wide(long_rows: list[dict]) -> tuple[list[str], list[dict]]:
    assignments = sorted({r["assignment"] for r in long_rows})
    fields = ["student_id"] + [f"{a} {k}" for a in assignments for k in ("score", "status")]
    by_student: dict[str, dict] = {}
    for r in long_rows:
        d = by_student.setdefault(r["student_id"], {"student_id": r["student_id"]})
        d[f"{r['assignment']} score"] = r["score"]
        d[f"{r['assignment']} status"] = r["status"]
    return fields, list(by_student.values())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m graders.lms_export", description=__doc__.split("\n\n")[0])
    p.add_argument("--root", default=".", help="course root")
    p.add_argument("--to", default="grades-lms.csv", help="output CSV")
    p.add_argument("--wide", action="store_true", help="one row per student, columns per assignment")
    args = p.parse_args(argv)
    root = Path(args.root)
    if not (root / "gradebook.db").exists():
        print(f"lms_export: no gradebook at {root / 'gradebook.db'}", file=sys.stderr)
        return 2
    data = rows(root)
    fields = FIELDS
    if args.wide:
        fields, data = wide(data)
    with open(args.to, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(data)
    print(f"wrote {len(data)} rows to {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
