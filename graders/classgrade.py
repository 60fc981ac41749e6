"""Grade a whole class with nbgrader, in parallel, in a sandbox, with an honest summary.

    python -m graders.classgrade week-01 [--jobs N]      # one assignment
    python -m graders.classgrade --all [--jobs N]        # every assignment in the gradebook

Run it from the course root (or pass ``--root``) after ``nbgrader collect``: it grades every
student found in ``submitted/<student>/<assignment>/``. nbgrader does the grading; the parts that
organise it are graders/grader.py (the run), preflight.py, canary.py, job.py (one batch in a
private course), merge.py, sandbox.py (the kernel's launcher), guard.py and integrity.py (the
kernel side), all talking through graders/contract.py.

Before anyone is graded, the reference solution and the blank release are graded the learners'
way (the canary): if the reference does not earn every auto-graded point or the blank earns any,
nobody is graded and the command says why.

Exit status: 0 when the run completed (whatever the students' results); 2 when the run itself
broke (no gradebook, unknown assignment, a failed canary); 128 + the signal number when it was
interrupted (SIGTERM, SIGINT, SIGHUP: its nbgrader processes and kernels are stopped and its
temporary courses removed; grades recorded so far stay, and a re-run grades everyone again).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graders.contract import STATUS_DIR, Limits, Result, skip_slow_imports

skip_slow_imports()  # before graders.grader imports nbformat (and with it jsonschema)

from graders import accounts, interrupt  # noqa: E402
from graders.grader import ClassGrader, RunError  # noqa: E402
from graders.preflight import preflight  # noqa: E402

__all__ = ["ClassGrader", "Limits", "Result", "RunError", "STATUS_DIR", "main", "preflight", "summary"]


def _score(r: Result) -> str:
    top = "-" if r.auto_max_score is None else f"{r.auto_max_score:g}"
    return f"{'-' if r.auto_score is None else f'{r.auto_score:g}'}/{top}"


def summary(results: list[Result]) -> str:
    """One line per student (score = auto-graded points / the assignment's auto-graded maximum)."""
    counts = {k: sum(r.status == k for r in results) for k in ("graded", "flagged", "failed")}
    w = max([len(r.student) for r in results] + [7])
    lines = [f"{'student':<{w}}  {'assignment':<10}  {'status':<8}  {'score':>11}  reason"]
    lines += [f"{r.student:<{w}}  {r.assignment:<10}  {r.status:<8}  {_score(r):>11}  {r.reason}" for r in results]
    lines.append(f"\n{counts['graded']} graded, {counts['flagged']} flagged for review, {counts['failed']} failed "
                 f"(score = auto-graded points; reflections are graded by hand; the reference solution and the "
                 f"blank release were graded first and behaved).\n{accounts.isolation()}.")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m graders.classgrade", description=__doc__.split("\n\n")[0])
    p.add_argument("assignment", nargs="?", help="assignment id, e.g. week-01")
    p.add_argument("--all", action="store_true", help="grade every assignment in the gradebook")
    p.add_argument("--jobs", "-j", type=int, default=None, help="parallel graders (default: cores)")
    p.add_argument("--root", default=".", help="course root (default: current folder)")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    for name in ("cell_timeout", "notebook_timeout", "mem_mb", "nproc", "fsize_mb"):
        p.add_argument(f"--{name.replace('_', '-')}", type=int, default=getattr(Limits, name))
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--batch", type=int, default=None, help="students per nbgrader process (default: automatic)")
    p.add_argument("--json", help="also write the results to this JSON file")
    return p


def main(argv: list[str] | None = None) -> int:
    p = _parser()
    args = p.parse_args(argv)
    if bool(args.assignment) == bool(args.all):
        p.error("give one assignment id or --all")
    limits = Limits(cell_timeout=args.cell_timeout, notebook_timeout=args.notebook_timeout, mem_mb=args.mem_mb,
                    nproc=args.nproc, fsize_mb=args.fsize_mb)
    interrupt.install()
    try:
        grader = ClassGrader(Path(args.root), jobs=args.jobs, limits=limits, quiet=args.quiet, batch=args.batch)
        assignments = grader.assignments() if args.all else [args.assignment]
        results = grader.run(assignments, students=args.student)
    except RunError as exc:
        print(f"classgrade: {exc}", file=sys.stderr)
        return 2
    except interrupt.Interrupted as exc:
        print(f"classgrade: interrupted by {exc}: its nbgrader processes and kernels were stopped and its "
              "temporary courses removed; grades recorded so far are kept; run it again to grade everyone",
              file=sys.stderr)
        return 128 + exc.signum
    print(summary(results))
    if args.json:
        Path(args.json).write_text(json.dumps([r.record() for r in results], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
