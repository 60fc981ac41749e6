"""Grades out: a per-student, per-week CSV an LMS gradebook can import.

    python -m graders.lms_export [--root COURSE] [--to grades-lms.csv] [--wide]

Reads the course gradebook (nbgrader's ``Gradebook`` API) and the classgrade status files
(``classgrade/<assignment>.json``). One row per student and assignment (``--wide``: one row per
student, a score and a status column per assignment), with

- ``score`` / ``max_score``: nbgrader's total (auto-graded + manual so far), blank when the
  submission could not be graded (status ``failed``) or was not submitted (``missing``) - never
  an ordinary 0 for a notebook nobody could grade;
- ``status``: graded, flagged (for review), failed, missing; ``needs_manual_grade``; ``note``: the
  reason from classgrade's summary;
- ``result``: for the scenario assessments, ``pass`` when the score reaches the pass mark
  (``pass_mark`` in course.yml, the curriculum's 85%) and ``not yet`` below it; blank otherwise.

``nbgrader export`` remains the complete gradebook dump; this file is the one to read.

No LMS imports that generic file as it is, so two routes write what the LMS itself accepts
(docs/grading.md, "Grades into Canvas or Moodle"):

    python -m graders.lms_export --canvas canvas-export.csv --to canvas-import.csv [--id-map ids.csv]
    python -m graders.lms_export --moodle --to moodle-import.csv [--moodle-users moodle-export.csv]

- **Canvas**: start from the instructor's own gradebook export (Grades > Export). Its header row
  names ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section`` and one column per
  assignment titled ``Name (canvas id)``; a second row may hold ``Points Possible``. Each nbgrader
  assignment fills the column whose name is the assignment id (``week-01`` or ``week-01 (1234)``;
  ``--column week-01="Week 1: DevEx (1234)"`` names another), or a new column titled with the
  assignment id, which Canvas creates as a new assignment. The file written keeps the identity
  columns, the Points Possible row and only the filled columns, so that the upload cannot
  overwrite a grade changed in Canvas since the export. Scores are scaled when the column's
  Points Possible differs from nbgrader's maximum.
- **Moodle** (grade import from CSV): one column identifying the user (``Email address``,
  ``Username`` or ``ID number``: ``--moodle-id``) plus one grade column per assignment, titled with
  the assignment id (``--moodle-feedback`` adds ``<id> feedback`` columns for "Feedback for
  <item>"). Moodle aborts the whole import when one row names a user it does not know, so
  ``--moodle-users`` (the course's Moodle grade export) is required: only students found in it are
  written, with Moodle's own spelling of the identifier; the identifier kind must match what
  ``--match`` gives (e-mail with e-mail, logins with usernames), else the export refuses with one
  line. ``--points week-01=100`` scales scores to the grade item's maximum.

Students are matched on a documented id mapping: by default the nbgrader student id *is* the
LMS login (Canvas ``SIS Login ID``; Moodle username); ``--match email`` uses the e-mail address
stored in the nbgrader gradebook instead; ``--id-map ids.csv`` (columns ``student_id,lms_id``)
maps them one by one. Comparison ignores case and surrounding spaces.

A ``failed`` or ``missing`` submission is never written as 0, and never as a blank over a grade the
LMS already has: both importers treat a blank as a change (Canvas posts it; Moodle reads "" or
"-" as "no grade" and clears the item), so such a cell carries the LMS export's current value and
the import changes nothing there; LMS rows nobody in the gradebook matches are left out of the
file (both importers leave unlisted students as they are). Students in the gradebook but not in
the LMS file, LMS rows nobody matches, flagged submissions and scores still waiting for manual
grading are all printed, and written beside the output as ``<name>.report.csv``: nobody is dropped
silently.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from .course import auto_max_score, auto_score

FIELDS = ["student_id", "assignment", "status", "score", "max_score", "auto_score", "auto_max_score",
          "needs_manual_grade", "result", "note"]
DEFAULT_PASS_MARK = 0.85  # the curriculum's pass score for the scenario assessments


def pass_mark(root: Path) -> float:
    """The assessments' pass mark, from the course manifest (course.yml `pass_mark`)."""
    import yaml

    try:
        return float(yaml.safe_load((Path(root) / "course.yml").read_text(encoding="utf-8"))["pass_mark"])
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
        return DEFAULT_PASS_MARK


def result(assignment: str, score, max_score, mark: float) -> str:
    """'pass' / 'not yet' for a graded scenario assessment (score at least the pass mark of the
    maximum); blank for weeks, the capstone, and submissions without a score."""
    if not assignment.startswith("assessment-") or score in ("", None) or not max_score:
        return ""
    return "pass" if float(score) >= mark * float(max_score) - 1e-9 else "not yet"


def rows(root: Path) -> list[dict]:
    root = Path(root)
    status = {}
    for path in sorted((root / "classgrade").glob("*.json")):
        status[path.stem] = json.loads(path.read_text())
    out = []
    mark = pass_mark(root)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        assignments = sorted(gb.assignments, key=lambda a: a.name)
        for student in sorted(gb.students, key=lambda s: s.id):
            for a in assignments:
                st = status.get(a.name, {}).get(student.id)
                row = dict(student_id=student.id, assignment=a.name, status="missing", score="",
                           max_score=a.max_score, auto_score="", auto_max_score="", needs_manual_grade="",
                           result="", note=(st or {}).get("reason", ""))
                try:
                    sub = gb.find_submission(a.name, student.id)
                except MissingEntry:
                    sub = None
                if st and st["status"] == "failed":
                    row["status"] = "failed"
                elif sub is not None:
                    row.update(status=(st or {}).get("status", "graded"), score=round(sub.score, 3),
                               auto_score=round(auto_score(sub), 3), auto_max_score=auto_max_score(a),
                               needs_manual_grade=bool(sub.needs_manual_grade))
                    if any(nb.flagged for nb in sub.notebooks):
                        row["status"] = "flagged"
                elif st is None:
                    continue  # the student has nothing to do with this assignment yet
                if row["status"] in ("graded", "flagged"):
                    row["result"] = result(a.name, row["score"], row["max_score"], mark)
                out.append(row)
    return out


def wide(long_rows: list[dict]) -> tuple[list[str], list[dict]]:
    assignments = sorted({r["assignment"] for r in long_rows})
    fields = ["student_id"] + [f"{a} {k}" for a in assignments
                               for k in (("score", "status", "result") if a.startswith("assessment-") else ("score", "status"))]
    by_student: dict[str, dict] = {}
    for r in long_rows:
        d = by_student.setdefault(r["student_id"], {"student_id": r["student_id"]})
        d[f"{r['assignment']} score"] = r["score"]
        d[f"{r['assignment']} status"] = r["status"]
        if r["assignment"].startswith("assessment-"):
            d[f"{r['assignment']} result"] = r["result"]
    return fields, list(by_student.values())


from .lms_routes import MOODLE_ID, LmsError, _print_issues, canvas, lms_keys, moodle  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m graders.lms_export", description=__doc__.split("\n\n")[0])
    p.add_argument("--root", default=".", help="course root")
    p.add_argument("--to", default="grades-lms.csv", help="output CSV")
    p.add_argument("--wide", action="store_true", help="one row per student, columns per assignment")
    p.add_argument("--canvas", metavar="EXPORT.csv", type=Path,
                   help="fill this Canvas gradebook export; --to is the file to import into Canvas")
    p.add_argument("--moodle", action="store_true", help="write a Moodle grade-import CSV to --to")
    p.add_argument("--moodle-id", default="email", choices=sorted(MOODLE_ID), help="Moodle user field to match on")
    p.add_argument("--moodle-users", metavar="FILE.csv", type=Path,
                   help="a Moodle grade export (or any CSV with the --moodle-id column) to check the class against")
    p.add_argument("--match", default="student_id", choices=["student_id", "email"],
                   help="what the LMS id is: the nbgrader student id (default) or its gradebook e-mail")
    p.add_argument("--id-map", metavar="IDS.csv", type=Path, help="CSV student_id,lms_id (wins over --match)")
    p.add_argument("--points", action="append", default=[], metavar="ASSIGNMENT=POINTS",
                   help="Moodle: the grade item's maximum; scores are scaled to it (repeatable)")
    p.add_argument("--moodle-feedback", action="store_true",
                   help="Moodle: add a feedback column per assignment (map it to 'Feedback for <item>')")
    p.add_argument("--canvas-key", default="SIS Login ID", help="Canvas column to match on")
    p.add_argument("--column", action="append", default=[], metavar="ASSIGNMENT=TITLE",
                   help="the Canvas column an assignment fills (repeatable)")
    p.add_argument("--assignment", action="append", default=[], help="only these assignments (repeatable)")
    args = p.parse_args(argv)
    root = Path(args.root)
    if not (root / "gradebook.db").exists():
        print(f"lms_export: no gradebook at {root / 'gradebook.db'}", file=sys.stderr)
        return 2
    data = rows(root)
    if args.assignment:
        data = [r for r in data if r["assignment"] in set(args.assignment)]
    if args.canvas or args.moodle:
        if args.canvas and args.moodle:
            print("lms_export: choose --canvas or --moodle, not both", file=sys.stderr)
            return 2
        try:
            columns = dict(c.split("=", 1) for c in args.column)
        except ValueError:
            print(f"lms_export: --column takes ASSIGNMENT=TITLE, got {args.column}", file=sys.stderr)
            return 2
        try:
            points = {a: float(v) for a, v in (c.split("=", 1) for c in args.points)}
            if any(v <= 0 for v in points.values()):
                raise ValueError
        except ValueError:
            print(f"lms_export: --points takes ASSIGNMENT=POINTS with POINTS > 0, got {args.points}", file=sys.stderr)
            return 2
        try:
            keys = lms_keys(root, args.match, args.id_map)
            if args.canvas:
                issues = canvas(data, keys, args.canvas, Path(args.to), columns, args.canvas_key)
            else:
                issues = moodle(data, keys, Path(args.to), args.moodle_id, args.moodle_users, match=args.match,
                                id_map=args.id_map is not None, points=points, feedback=args.moodle_feedback)
        except (LmsError, OSError) as err:
            print(f"lms_export: {err}", file=sys.stderr)
            return 2
        print(f"wrote {args.to} for {'Canvas' if args.canvas else 'Moodle'}; "
              f"{len(issues)} item(s) to review in {args.to}.report.csv")
        _print_issues(issues)
        return 0
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
