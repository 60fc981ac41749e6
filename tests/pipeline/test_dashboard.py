"""The instructor dashboard on a class graded for real, and the files grading leaves behind.

A temporary course (the real source/week-01, nbgrader generate_assignment) receives four
submissions: the reference answers, the untouched release, one plausible wrong answer
(tests/answers/week_01.py, "wrong-scope": it must lose exactly the checks it names) and an empty
file nobody can grade. The class is graded as `make grade` does it (python -m graders.classgrade,
then graders.lms_export), feedback and nbgrader's export are generated as docs/grading.md says,
and notebooks/instructor-dashboard.ipynb is run against that course with nbclient.

The dashboard must read the gradebook (not its demo class) and show what the grading produced:
each student's status and share of the points, and per check the share of graded students who
lost it. The expected numbers come from the design of the class and the points in the source
notebook, not from the dashboard's own code.

Then housekeeping: every file the grading run wrote is ignored by the repository's .gitignore,
and the repository's `make clean` removes all of them and nothing else.
"""
from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from answers.week_01 import WRONG
from conftest import ROOT, autograded_tests, env, fill, nbgrader, reference_answers, source_notebook

ASSIGNMENT = "week-01"
WRONG_STUDENT = "wrong-scope"
STUDENTS = ["reference", "blank", WRONG_STUDENT, "broken"]
DASHBOARD = "notebooks/instructor-dashboard.ipynb"
LIMITS = ["--jobs", "2", "--cell-timeout", "30", "--notebook-timeout", "180", "--quiet"]
REPORT = "__DASHBOARD_REPORT__"
REPORT_CELL = f"""
import json as _j
_fig1 = [a.get_title() for a in axes[0]]
print({REPORT!r} + _j.dumps({{
    "source": SOURCE,
    "scores": scores.astype(object).where(scores.notna(), None).to_dict("records"),
    "fail": {{f"{{a}}|{{c}}": float(v) for (a, c), v in fail.items()}},
    "figure1": _fig1,
    "attention": scores.loc[scores["status"].isin(["flagged", "failed"]), "student_id"].tolist(),
}}))
"""


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(root).parts}


def _write(course: Path, student: str, nb_or_bytes) -> None:
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    path = folder / f"{ASSIGNMENT}.ipynb"
    if isinstance(nb_or_bytes, bytes):
        path.write_bytes(nb_or_bytes)
    else:
        nbformat.write(nb_or_bytes, path)
    (folder / "timestamp.txt").write_text("2026-01-05 10:00:00.000000 UTC")


def _python(course: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, *args], cwd=course, env=env(), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def graded():
    # world-traversable on purpose, as for any class graded in the sandbox (tests/pipeline/test_hostile.py)
    base = Path(tempfile.mkdtemp(prefix="dashboard-", dir="/tmp"))
    base.chmod(0o755)
    course = base / "course"
    try:
        course.mkdir()
        course.chmod(0o755)
        for name in ("nbgrader_config.py", ".gitignore", "Makefile", DASHBOARD):
            (course / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, course / name)
        shutil.copytree(ROOT / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)  # data links become files
        subprocess.run(["git", "init", "-q"], cwd=course, check=True)
        before = _files(course)

        nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=course)
        release = course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        released = {p for p in _files(course) - before if p.startswith("release/")}  # committed, kept by make clean
        answers, _ = WRONG[WRONG_STUDENT]
        tmp = base / "answered.ipynb"
        for student, plan in (("reference", {}), (WRONG_STUDENT, answers)):
            shutil.copy(release, tmp)
            fill(tmp, {**reference_answers(ASSIGNMENT), **plan})
            _write(course, student, nbformat.read(tmp, as_version=4))
        _write(course, "blank", nbformat.read(release, as_version=4))
        _write(course, "broken", b"")

        # make grade A=week-01, then the rest of docs/grading.md's instructor workflow
        _python(course, "-m", "graders.classgrade", ASSIGNMENT, *LIMITS)
        _python(course, "-m", "graders.lms_export", "--to", "grades-lms.csv")
        nbgrader("generate_feedback", ASSIGNMENT, cwd=course)
        nbgrader("export", cwd=course)
        written = _files(course) - before - released

        nb = nbformat.read(course / DASHBOARD, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(REPORT_CELL))
        NotebookClient(nb, timeout=180, kernel_name="python3",
                       resources={"metadata": {"path": str(course / "notebooks")}}).execute()
        out = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
        assert REPORT in out, f"no report from the dashboard: {out[-2000:]}"
        report = json.loads(out.split(REPORT, 1)[1].strip().splitlines()[0])
        text = "\n".join(str(o.get("text", "")) + "".join(str(v) for k, v in o.get("data", {}).items()
                                                             if k.startswith("text/"))
                         for c in nb.cells if c.cell_type == "code" for o in c.outputs)

        ignored = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], cwd=course, text=True,
                                 input="\n".join(sorted(written)) + "\n", capture_output=True).stdout.split()
        subprocess.run(["make", "-s", "clean"], cwd=course, check=True, capture_output=True)
        yield dict(report=report, text=text, written=written, ignored=set(ignored), released=released,
                   before=before, after_clean=_files(course))
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _points() -> dict[str, float]:
    return autograded_tests(source_notebook(ASSIGNMENT))


def test_the_dashboard_reads_the_gradebook_not_the_demo(graded):
    assert graded["report"]["source"] == "gradebook gradebook.db", graded["report"]["source"]
    assert "DEMO" not in graded["text"] and "demo-" not in graded["text"]


def test_each_student_has_the_status_and_share_of_points_graded(graded):
    points = _points()
    total = sum(points.values())
    lost = sum(points[c] for c in WRONG[WRONG_STUDENT][1])
    rows = {r["student_id"]: r for r in graded["report"]["scores"] if r["assignment"] == ASSIGNMENT}
    assert set(rows) == set(STUDENTS), sorted(rows)
    expected = {"reference": 1.0, "blank": 0.0, WRONG_STUDENT: (total - lost) / total}
    for student, share in expected.items():
        assert rows[student]["status"] == "graded", rows[student]
        assert math.isclose(rows[student]["auto_max_score"], total), rows[student]
        assert math.isclose(rows[student]["share"], share, abs_tol=1e-9), (student, rows[student], share)
    assert rows["broken"]["status"] == "failed" and rows["broken"]["auto_score"] is None, rows["broken"]
    assert graded["report"]["attention"] == ["broken"]
    assert graded["report"]["figure1"] == [f"{ASSIGNMENT}: 3 graded, 0 flagged, 1 failed"]


def test_the_checks_that_fail_most_are_the_wrong_answers(graded):
    # Graded students: the reference (loses nothing), the blank copy (loses every check) and the
    # wrong answer (loses the checks it names): those fail for 2 of 3, every other check for 1 of 3.
    fail = graded["report"]["fail"]
    expected = {f"{ASSIGNMENT}|{c}": (2 / 3 if c in WRONG[WRONG_STUDENT][1] else 1 / 3) for c in _points()}
    assert set(fail) == set(expected), sorted(fail)
    wrong = {k: (v, expected[k]) for k, v in fail.items() if not math.isclose(v, expected[k])}
    assert not wrong, f"failed shares (dashboard, expected): {wrong}"


def test_every_file_grading_writes_is_ignored_by_git(graded):
    written = graded["written"]
    assert {"grades-lms.csv", "grades.csv", "gradebook.db"} <= written, sorted(written)
    for folder in ("classgrade/", "submitted/", "autograded/", "feedback/"):
        assert any(p.startswith(folder) for p in written), f"the run wrote nothing in {folder}: {sorted(written)}"
    assert not written - graded["ignored"], f"git would offer to commit: {sorted(written - graded['ignored'])}"


def test_make_clean_removes_what_grading_wrote_and_nothing_else(graded):
    kept = graded["before"] | graded["released"]
    assert graded["after_clean"] == kept, (
        f"left behind: {sorted(graded['after_clean'] - kept)}; removed: {sorted(kept - graded['after_clean'])}")
