"""Grades and student work can never be committed by accident: .gitignore and `make clean` cover
every file a grading run writes, and name the same list.

The proof that the list is complete is dynamic (tests/pipeline/test_dashboard.py grades a class
in a temporary course and checks that every file the run wrote is ignored and removed by
`make clean`); these checks are the quick lane's guard against the two lists drifting apart.
"""
from __future__ import annotations

import fnmatch
import subprocess

from nbgrader.coursedir import CourseDirectory

from conftest import ROOT

GRADING_BLOCK = "# Everything a grading run writes"


def clean_targets() -> list[str]:
    """What `make clean` removes, read from make itself (a dry run)."""
    out = subprocess.run(["make", "-n", "-s", "--no-print-directory", "clean"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("rm -rf "))
    return line.split()[2:]


def ignored_grading_outputs() -> list[str]:
    """The root-anchored entries of .gitignore's grading block (folders end in /)."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(GRADING_BLOCK))
    block = []
    for ln in lines[start + 1:]:  # up to the first blank line
        if not ln.strip():
            break
        if not ln.startswith("#"):
            assert ln.startswith("/"), f".gitignore: anchor {ln!r} at the course root (/{ln})"
            block.append(ln[1:])
    return block


def test_make_clean_and_gitignore_name_the_same_files():
    targets, ignored = clean_targets(), [n.rstrip("/") for n in ignored_grading_outputs()]
    assert targets, "make clean removes nothing"
    assert sorted(targets) == sorted(ignored), \
        f"only in make clean: {sorted(set(targets) - set(ignored))}; only in .gitignore: {sorted(set(ignored) - set(targets))}"


def test_nbgrader_and_classgrade_outputs_are_covered():
    d = CourseDirectory()
    written = {d.submitted_directory, d.autograded_directory, d.feedback_directory, d.solution_directory,
               d.source_with_tests_directory, "gradebook.db", "grades.csv",  # nbgrader export's default
               "grades-lms.csv", "classgrade", ".grading-cache"}         # make grade (docs/grading.md)
    written |= {"canvas-import.csv", "canvas-import.report.csv", "moodle-import.csv"}  # lms_export's LMS routes
    missing = {w for w in written if not any(fnmatch.fnmatch(w, t) for t in clean_targets())}
    assert not missing, f"make clean leaves {sorted(missing)} behind"


def test_git_ignores_every_grading_output():
    folders = {n.rstrip("/") for n in ignored_grading_outputs() if n.endswith("/")}
    probes = [f"{n}/notebook.ipynb" if n in folders else n for n in clean_targets()]  # a file in each folder
    proc = subprocess.run(["git", "check-ignore", "--no-index", "--stdin", "-v", "-n"], cwd=ROOT,
                          input="\n".join(probes) + "\n", capture_output=True, text=True)
    not_ignored = [ln.split("\t")[-1] for ln in proc.stdout.splitlines() if ln.startswith("::")]
    assert proc.returncode in (0, 1) and not not_ignored, f"git would commit {not_ignored}"


def test_clean_never_removes_committed_files():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    top = {path.split("/", 1)[0] for path in tracked.splitlines()}
    hit = sorted(name for name in top if any(fnmatch.fnmatch(name, t) for t in clean_targets()))
    assert not hit, f"make clean would delete committed files: {hit}"
