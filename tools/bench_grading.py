"""Benchmark (not a test): serial `nbgrader autograde` vs `python -m graders.classgrade`.

    python -m tools.bench_grading [--students 40] [--jobs N]

Builds a temporary course from source/week-01, submits the same N notebooks (reference and
plausible wrong answers from tests/answers/week_01.py) into two identical copies, then grades
one copy with plain `nbgrader autograde week-01` (serial, as nbgrader does it) and the other with
classgrade (parallel, sandboxed, guarded, with its canary). Prints both wall times, the speed-up,
the per-submission overhead and the notebook's own run time (measured by the guarded executor).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from graders.contract import CANARIES, UNSANDBOXED_OVERRIDE, UNSANDBOXED_OVERRIDE_VALUE
from graders.course import fill, make_course, nbgrader_env, reference_answers

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "week-01"


def _run(args, cwd, **extra) -> tuple[float, float]:
    """Wall time and CPU time (the command and its descendants) of one command."""
    t, c = time.monotonic(), os.times()
    subprocess.run(args, cwd=cwd, env=nbgrader_env(**extra), check=True, capture_output=True, text=True)
    after = os.times()
    return time.monotonic() - t, after.children_user + after.children_system - c.children_user - c.children_system


def _submit(course: Path, students: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    wrong = importlib.import_module("answers.week_01").WRONG
    ref = reference_answers(nbformat.read(course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4))
    plans = [ref] + [{**ref, **answers} for answers, _ in wrong.values()]
    release = course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    for i in range(students):
        folder = course / "submitted" / f"student-{i:03d}" / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(fill(nbformat.read(release, as_version=4), plans[i % len(plans)]), folder / release.name)
        (folder / "timestamp.txt").write_text("2026-01-05 10:00:00.000000 UTC")


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--students", type=int, default=40)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = p.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="bench-grading-", dir="/tmp"))
    base.chmod(0o755)
    try:
        first = make_course(base / "serial", [ASSIGNMENT])
        _submit(first, args.students)
        second = base / "parallel"
        shutil.copytree(first, second, symlinks=True)
        print(f"{args.students} submissions of {ASSIGNMENT}; {os.cpu_count()} cores; classgrade --jobs {args.jobs}")
        # plain nbgrader refuses to run learners' code unsandboxed; the baseline is a throw-away course
        serial, serial_cpu = _run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT], first,
                                  **{UNSANDBOXED_OVERRIDE: UNSANDBOXED_OVERRIDE_VALUE})
        print(f"serial nbgrader autograde : {serial:7.1f} s  ({serial / args.students:.2f} s per submission)")
        out = second / "results.json"
        parallel, parallel_cpu = _run([sys.executable, "-m", "graders.classgrade", ASSIGNMENT, "--jobs", str(args.jobs),
                                       "--quiet", "--json", str(out)], second)
        results = json.loads(out.read_text())
        nb_time = sum(r["kernel_seconds"] for r in results) / max(1, len(results))
        per_sub = sum(r["seconds"] for r in results) / max(1, len(results))
        ok = sum(r["status"] != "failed" for r in results)
        print(f"classgrade (parallel)     : {parallel:7.1f} s  ({parallel / args.students:.2f} s per submission, "
              f"{ok}/{len(results)} graded)")
        print(f"speed-up                  : {serial / parallel:.2f}x  (target >= 1.9 on 2 cores)")
        print(f"CPU time                  : serial {serial_cpu:.1f} s, classgrade {parallel_cpu:.1f} s; best speed-up "
              f"{args.jobs} idle cores allow: {args.jobs * serial_cpu / parallel_cpu:.2f}x (load-independent check "
              "when the machine is busy)")
        canary = len(CANARIES) * per_sub / max(1, len(results))  # its notebooks, spread over the class
        print(f"per submission, one worker: {per_sub:.2f} s in all, of which the notebook's own run "
              f"{nb_time:.2f} s -> overhead {per_sub - nb_time:.2f} s (process + kernel start, sandbox, guard, "
              f"canary, merge; target < 0.5 s), of which the canary's {len(CANARIES)} notebooks (once per "
              f"assignment, whatever the class size) ~{canary:.2f} s with {len(results)} submissions")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
