"""The whole nbgrader workflow, with the real commands, in a temporary course.

generate_assignment -> release_assignment -> (each student, in a home folder outside the course
tree) fetch_assignment, answer, submit -> collect -> autograde -> generate_feedback -> export.

Students: the reference answers (full marks) and the untouched release (zero) take that whole path;
the plausible wrong answers of tests/answers/<week>.py, each of which must zero exactly the checks
it names, are filed into submitted/ directly and graded in the same autograde run.
"""
from __future__ import annotations

import csv
import html
import importlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.utils import get_osusername

from graders.course import make_course

from conftest import (ASSIGNMENTS, HIDDEN, autograded_tests, fill, nbgrader, reference_answers,
                      source_notebook)

COURSE_ID = "platform-workbook"


@dataclass
class Course:
    assignment: str
    root: Path
    exchange: Path
    students: list[str]
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # student -> grade_id -> score
    max_scores: dict[str, float] = field(default_factory=dict)
    wrong: dict = field(default_factory=dict)


def build_course(assignment: str, tmp_path_factory, cache: Path | None = None) -> Course:
    tmp = tmp_path_factory.mktemp(f"roundtrip-{assignment}")
    root, exchange = make_course(tmp / "course", [assignment]), tmp / "exchange"
    exchange.mkdir(mode=0o777)
    exchange.chmod(0o777)
    xroot = f"--Exchange.root={exchange}"

    nbgrader("release_assignment", assignment, xroot, "--force", cwd=root)

    wrong = importlib.import_module(f"answers.{assignment.replace('-', '_')}").WRONG
    reference = reference_answers(assignment)
    plans = {"reference": reference, "blank": None}
    # The reference and the blank copy travel the learners' path (fetch, submit, collect); the wrong
    # answers are filed straight into submitted/, as an instructor files submissions that reach
    # them another way (an LMS download): autograde treats both alike, and each CLI call costs ~2 s.
    filed = {name: {**reference, **answers} for name, (answers, _) in wrong.items()}
    for student, answers in plans.items():
        home = tmp / "homes" / student
        home.mkdir(parents=True)
        ids = dict(USER=student, LOGNAME=student, HOME=str(home))
        nbgrader("fetch_assignment", assignment, f"--course={COURSE_ID}", xroot, cwd=home, **ids)
        if answers is not None:
            fill(home / assignment / f"{assignment}.ipynb", answers)
        nbgrader("submit", assignment, f"--course={COURSE_ID}", xroot, cwd=home, **ids)
        # The exchange names a submission after the OS account (pwd), and every student here is the
        # same account: give this submission its student's name, as separate accounts would.
        inbound = exchange / COURSE_ID / "inbound"
        for sub in inbound.glob(f"{get_osusername()}+{assignment}+*"):
            sub.rename(inbound / sub.name.replace(get_osusername(), student, 1))

    nbgrader("collect", assignment, xroot, cwd=root)
    released = root / "release" / assignment / f"{assignment}.ipynb"
    for student, answers in filed.items():
        folder = root / "submitted" / student / assignment
        shutil.copytree(released.parent, folder)  # what a learner's submit sends: the notebook and data/
        fill(folder / released.name, answers)
        (folder / "timestamp.txt").write_text("2026-01-05 09:00:00.000000 UTC")
    plans.update(filed)
    nbgrader("autograde", assignment, *([f"--CompareHidden.cache_dir={cache}"] if cache else []), cwd=root)
    nbgrader("generate_feedback", assignment, cwd=root)
    nbgrader("export", f"--to={root / 'grades.csv'}", cwd=root)

    result = Course(assignment, root, exchange, list(plans), wrong=wrong)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        for student in plans:
            nb = gb.find_submission_notebook(assignment, assignment, student)
            result.scores[student] = {g.name: g.score for g in nb.grades if g.auto_score is not None}
            result.max_scores = {g.name: g.max_score for g in nb.grades if g.auto_score is not None}
    return result


# The assignments are split over two test files (this one and test_roundtrip_b.py, which reuses these
# tests) so that `pytest -n 2 --dist loadfile` runs the round trips on both workers.
SHARE = ASSIGNMENTS[0::2]


def course_fixture(assignments: list[str]):
    @pytest.fixture(scope="module", params=assignments)
    def course(request, tmp_path_factory, grading_cache) -> Course:
        return build_course(request.param, tmp_path_factory, grading_cache)
    return course


course = course_fixture(SHARE)


def test_reference_earns_maximum_autograded_points(course):
    tests = autograded_tests(source_notebook(course.assignment))
    assert set(course.max_scores) == set(tests)
    assert course.scores["reference"] == tests, "the reference answers must earn every auto-graded point"


def test_untouched_release_earns_zero(course):
    assert course.scores["blank"] and all(s == 0 for s in course.scores["blank"].values()), course.scores["blank"]


def test_each_wrong_answer_loses_exactly_the_points_it_should(course):
    for student, (_, zeroed) in course.wrong.items():
        got_zero = {gid for gid, s in course.scores[student].items() if s == 0}
        assert got_zero == set(zeroed), f"{student}: zeroed {sorted(got_zero)}, expected {sorted(zeroed)}"
        full = {gid for gid, s in course.scores[student].items() if s == course.max_scores[gid]}
        assert full | got_zero == set(course.max_scores), f"{student}: partial cell scores {course.scores[student]}"


def test_every_graded_cell_discriminates(course):
    zeroed = set().union(*(z for _, z in course.wrong.values()))
    missing = set(autograded_tests(source_notebook(course.assignment))) - zeroed
    assert not missing, f"no plausible wrong answer loses the points of: {sorted(missing)}"


def test_feedback_reveals_no_hidden_test(course):
    hidden_lines = {line.strip() for cell in source_notebook(course.assignment).cells
                    for block in HIDDEN.findall(cell.source) for line in block.splitlines()
                    if len(line.strip()) > 12}
    assert hidden_lines
    pages = sorted((course.root / "feedback").rglob("*.html"))
    assert {p.parts[-3] for p in pages} == set(course.students), pages
    for page in pages:
        text = html.unescape(page.read_text(encoding="utf-8"))
        assert "HIDDEN TESTS" not in text, page
        leaked = [line for line in hidden_lines if line in text]
        assert not leaked, f"{page} shows hidden test lines: {leaked[:3]}"
        if page.parts[-3] == "wrong-subtle":
            assert "Rule:" in text, "failing hidden checks should explain the rule in feedback"


def test_export_lists_every_student(course):
    with open(course.root / "grades.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["assignment"] == course.assignment]
    by_student = {r["student_id"]: float(r["raw_score"]) for r in rows}
    assert set(by_student) == set(course.students)
    assert by_student["reference"] == pytest.approx(sum(course.max_scores.values()))
    assert by_student["blank"] == 0


def test_graded_reference_runs_clean(course):
    """No warnings or stderr reach the learner in the reference run (pandas deprecations included)."""
    nb = nbformat.read(course.root / "autograded" / "reference" / course.assignment / f"{course.assignment}.ipynb", 4)
    noisy = [(c.metadata.get("nbgrader", {}).get("grade_id", c.get("id")), o.get("text", o.get("evalue", ""))[:200])
             for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")]
    assert not noisy, noisy
