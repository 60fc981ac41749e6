"""graders/rubric.py: the capstone rubric's one way of combining weights and "out of 20", and the
command that reads the five instructor scores from a real nbgrader gradebook."""
import csv
import os
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from graders import rubric  # noqa: E402

IDS = list(rubric.CRITERIA)


@pytest.fixture(autouse=True)
def _alembic_on_path(monkeypatch):
    """nbgrader creates a gradebook by running this environment's `alembic`."""
    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))


def scores(*values):
    return dict(zip(IDS, values))


def test_weights_are_the_curriculums_and_sum_to_one():
    assert [w for _, w in rubric.CRITERIA.values()] == [0.25, 0.25, 0.20, 0.15, 0.15]
    assert sum(w for _, w in rubric.CRITERIA.values()) == pytest.approx(1.0)


def test_worked_example_of_the_docs():
    # 5 x (0.25*4 + 0.25*3 + 0.20*3 + 0.15*2 + 0.15*3) = 5 x 3.1 = 15.5
    assert rubric.total(scores(4, 3, 3, 2, 3)) == 15.5
    assert rubric.verdict(15.5) == "pass"


@pytest.mark.parametrize("values, expected, verdict", [
    ((1, 1, 1, 1, 1), 5.0, "not yet"),
    ((4, 4, 4, 4, 4), 20.0, "excellence"),
    ((3, 2, 2, 2, 3), 12.0, "pass"),          # exactly the pass mark passes
    ((4, 4, 2, 4, 4), 18.0, "excellence"),    # exactly the excellence mark is excellence
    ((3, 2, 2, 2, 2), 11.25, "not yet"),
    ((2, 4, 4, 4, 4), 17.5, "pass"),
])
def test_totals_and_verdicts_at_the_bounds(values, expected, verdict):
    got = rubric.total(scores(*values))
    assert got == expected
    assert rubric.verdict(got) == verdict


def test_weights_matter_not_just_the_sum_of_scores():
    # same five scores, moved between a 25% and a 15% capability
    assert rubric.total(scores(4, 4, 2, 2, 2)) > rubric.total(scores(2, 2, 2, 4, 4))


@pytest.mark.parametrize("bad, message", [
    (scores(4, 3, 3, 2, 0), "whole number from 1"),
    (scores(4, 3, 3, 2, 5), "whole number from 1"),
    (scores(4, 3, 3, 2, 2.5), "whole number from 1"),
    (scores(4, 3, 3, 2, float("nan")), "whole number from 1"),
    (scores(4, 3, 3, 2, True), "whole number from 1"),
    (scores(4, 3, 3, 2), "no score for rubric-security"),
    ({**scores(4, 3, 3, 2, 3), "rubric-extra": 3}, "unknown rubric cell"),
])
def test_bad_scores_get_a_clear_error(bad, message):
    with pytest.raises(rubric.RubricError, match=message):
        rubric.total(bad)


def _course(tmp_path, plan: dict) -> None:
    """A gradebook with the capstone's five rubric cells; ``plan``: student -> per-cell state."""
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gb:
        gb.add_assignment("capstone")
        gb.add_notebook("capstone", "capstone")
        for gid in IDS + ["ex-1-hidden"]:
            gb.add_grade_cell(gid, "capstone", "capstone", max_score=4 if gid in IDS else 2, cell_type="markdown")
        for student, cells in plan.items():
            gb.add_student(student)
            if cells is None:
                continue
            gb.add_submission("capstone", student)
            for gid, state in zip(IDS, cells):
                g = gb.find_grade(gid, "capstone", "capstone", student)
                if state == "ungraded":
                    g.needs_manual_grade = True
                elif state == "untouched":  # what autograde records for an unchanged answer cell
                    g.auto_score, g.needs_manual_grade = 0.0, False
                else:
                    g.manual_score, g.needs_manual_grade = float(state), False
            gb.db.commit()


PLAN = {
    "alice": (4, 3, 3, 2, 3),
    "bob": (4, 4, 4, 4, 4),
    "carol": (3, 3, 3, 3, "ungraded"),
    "dan": ("untouched", 2, 2, 2, 2),
    "erin": None,
    "frank": (3, 3, 2.5, 3, 3),
}


def test_reads_every_student_from_the_gradebook(tmp_path):
    _course(tmp_path, PLAN)
    rows = {r.student_id: r for r in rubric.read(tmp_path)}
    assert set(rows) == set(PLAN)
    assert (rows["alice"].total, rows["alice"].verdict) == (15.5, "pass")
    assert (rows["bob"].total, rows["bob"].verdict) == (20.0, "excellence")
    assert rows["carol"].total is None and "not scored yet: rubric-security (score it 1-4" in rows["carol"].problem
    assert rows["dan"].total is None and "left untouched by the learner: rubric-architecture" in rows["dan"].problem
    assert rows["erin"].total is None and rows["erin"].problem == "no submission"
    assert rows["frank"].total is None and "whole number" in rows["frank"].problem


def test_command_prints_and_writes_totals_and_fails_while_any_is_missing(tmp_path, capsys):
    _course(tmp_path, PLAN)
    out = tmp_path / "rubric.csv"
    assert rubric.main(["--root", str(tmp_path), "--to", str(out)]) == 1
    printed = capsys.readouterr()
    assert "15.5  pass" in printed.out and "20  excellence" in printed.out and "not scored yet" in printed.out
    assert "4 of 6 students have no total yet" in printed.err
    with open(out, newline="") as fh:
        got = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert got["alice"]["total"] == "15.5" and got["alice"]["verdict"] == "pass"
    assert got["alice"]["rubric-metrics"] == "2"
    assert got["erin"]["total"] == "" and got["erin"]["problem"] == "no submission"


def test_command_succeeds_when_every_rubric_is_scored(tmp_path, capsys):
    _course(tmp_path, {"alice": (4, 3, 3, 2, 3), "bob": (1, 1, 1, 1, 1)})
    assert rubric.main(["--root", str(tmp_path)]) == 0
    assert "5  not yet" in capsys.readouterr().out


def test_command_explains_a_wrong_course_folder(tmp_path, capsys):
    assert rubric.main(["--root", str(tmp_path)]) == 2
    assert "gradebook.db does not exist" in capsys.readouterr().err
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gb:
        gb.add_assignment("capstone")
        gb.add_notebook("capstone", "capstone")
        gb.add_grade_cell("rubric-architecture", "capstone", "capstone", max_score=4, cell_type="markdown")
    assert rubric.main(["--root", str(tmp_path)]) == 2
    assert "no rubric cell(s)" in capsys.readouterr().err


def test_the_capstone_notebook_carries_the_five_rubric_cells_at_4_points():
    from conftest import grade_cells, source_notebook

    cells = grade_cells(source_notebook("capstone"))
    for gid in IDS:
        meta = cells[gid].metadata["nbgrader"]
        assert meta["grade"] and meta["solution"] and meta["points"] == 4, gid
