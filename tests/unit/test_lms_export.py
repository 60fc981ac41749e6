"""Grades into the LMS the instructor uses (graders.lms_export --canvas / --moodle).

A small gradebook is built with nbgrader's Gradebook API (no nbgrader command runs), with the
classgrade status files beside it; the LMS files are shaped as each LMS documents them (fact sheet
section 13): a Canvas gradebook export with Student, ID, SIS User ID, SIS Login ID, Section, one
``Name (id)`` column per assignment, a Points Possible row, read-only total columns and the test
student; a Moodle grade export with its user identifier columns.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from graders import lms_export

CANVAS_EXPORT = """\ufeffStudent,ID,SIS User ID,SIS Login ID,Section,week-01 (7101),Week 2: Workflow (7102),Current Score,Unposted Current Score,Final Score
    Points Possible,,,,,20.00,10.00,(read only),(read only),(read only)
"Lovelace, Ada",1001,S-1001,ada@uni.example,Platform 1,,,,,
"Hopper, Grace",1002,S-1002,GRACE@Uni.Example ,Platform 1,3.00,,30.00,30.00,3.00
"Turing, Alan",1003,S-1003,alan@uni.example,Platform 2,12.00,,,,
"Noether, Emmy",1004,S-1004,emmy@uni.example,Platform 2,,,,,
"Student, Test",1999,,,Platform 1,,,,,
"""

MOODLE_EXPORT = """First name,Last name,ID number,Institution,Department,Email address,Assignment: week-01 (Real),Course total (Real),Last downloaded from this course
Ada,Lovelace,S-1001,,,ada@uni.example,-,-,1764460800
Grace,Hopper,S-1002,,,grace@uni.example,-,-,1764460800
Emmy,Noether,S-1004,,,emmy@uni.example,-,-,1764460800
Alan,Turing,S-1003,,,alan@uni.example,8.00,-,1764460800
"""

# student id -> email in the gradebook; scores per assignment (week-01 out of 10, week-02 out of 10)
STUDENTS = {"ada": "ada@uni.example", "grace": "grace@uni.example", "alan": "alan@uni.example",
            "babbage": "babbage@uni.example", "hedy": ""}
SCORES = {("ada", "week-01"): 7.5, ("grace", "week-01"): 10.0, ("alan", "week-01"): 0.0,
          ("babbage", "week-01"): 4.0, ("hedy", "week-01"): 6.0, ("ada", "week-02"): 9.0}
STATUS = {"week-01": {"ada": {"status": "graded", "reason": ""},
                      "grace": {"status": "flagged", "reason": "a check cell was changed and restored"},
                      "alan": {"status": "failed", "reason": "the kernel ran out of memory"},
                      "babbage": {"status": "graded", "reason": ""},
                      "hedy": {"status": "graded", "reason": ""}},
          "week-02": {"ada": {"status": "graded", "reason": ""}}}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The gradebook, built once (nbgrader's database set-up takes seconds)."""
    folder = tmp_path_factory.mktemp("gradebook")
    # nbgrader creates a gradebook by running this environment's `alembic`
    old_path = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), old_path])
    try:
        with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
            for a in ("week-01", "week-02"):
                gb.add_assignment(a)
                gb.add_notebook(a, a)
                gb.add_grade_cell("ex-1-hidden", a, a, max_score=10, cell_type="code")
            for sid, email in STUDENTS.items():
                gb.add_student(sid, email=email or None)
            for (sid, a), score in SCORES.items():
                gb.add_submission(a, sid)
                grade = gb.find_grade("ex-1-hidden", a, a, sid)
                grade.auto_score = score
            gb.db.commit()
    finally:
        os.environ["PATH"] = old_path
    return folder


@pytest.fixture
def course(template, tmp_path) -> Path:
    shutil.copy2(template / "gradebook.db", tmp_path / "gradebook.db")
    (tmp_path / "classgrade").mkdir()
    for a, status in STATUS.items():
        (tmp_path / "classgrade" / f"{a}.json").write_text(json.dumps(status))
    (tmp_path / "canvas-export.csv").write_text(CANVAS_EXPORT, encoding="utf-8")
    (tmp_path / "moodle-export.csv").write_text(MOODLE_EXPORT, encoding="utf-8")
    return tmp_path


def _read(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _issues(path: Path) -> list[dict]:
    with open(f"{path}.report.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _kinds(issues, kind) -> set[str]:
    return {i["student_id"] or i["lms_id"] for i in issues if i["issue"].startswith(kind)}


def test_canvas_fills_the_instructors_export_by_sis_login_id_via_email(course, capsys):
    out = course / "canvas-import.csv"
    code = lms_export.main(["--root", str(course), "--canvas", str(course / "canvas-export.csv"),
                            "--to", str(out), "--match", "email",
                            "--column", "week-02=Week 2: Workflow (7102)"])
    assert code == 0
    table = _read(out)
    header, points, body = table[0], table[1], {r[0]: dict(zip(table[0], r)) for r in table[2:]}
    # identity columns kept, read-only totals dropped, the two assignment columns filled in place
    assert header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "week-01 (7101)",
                      "Week 2: Workflow (7102)"]
    assert points[0] == "Points Possible" and points[5:] == ["20.00", "10.00"]
    # only matched students: Canvas leaves the rows a file does not list as they are
    assert set(body) == {"Lovelace, Ada", "Hopper, Grace", "Turing, Alan"}
    # week-01: nbgrader's 10-point maximum scaled to Canvas's 20 points possible
    assert body["Lovelace, Ada"]["week-01 (7101)"] == "15"
    assert body["Lovelace, Ada"]["Week 2: Workflow (7102)"] == "9"
    # matched despite case and spaces; flagged is uploaded but listed for review
    assert body["Hopper, Grace"]["week-01 (7101)"] == "20"
    # failed: never 0, and never a blank over the 12 typed into Canvas (Canvas would post the blank)
    assert body["Turing, Alan"]["week-01 (7101)"] == "12.00"
    assert body["Lovelace, Ada"]["SIS Login ID"] == "ada@uni.example" and body["Lovelace, Ada"]["ID"] == "1001"

    issues = _issues(out)
    assert _kinds(issues, "in the gradebook, not in the Canvas file") == {"babbage"}
    assert _kinds(issues, "in the gradebook without an LMS id") == {"hedy"}
    assert _kinds(issues, "in the Canvas file, not in the gradebook") == {"emmy@uni.example"}
    assert _kinds(issues, "in the Canvas file without a SIS Login ID") == {"Student, Test"}
    assert _kinds(issues, "left blank (failed)") == {"alan"}
    assert _kinds(issues, "flagged for review") == {"grace"}
    assert any(i["issue"].startswith("rows left out") and i["detail"] == "2 row(s)" for i in issues)
    assert any(i["issue"].startswith("scaled") and i["assignment"] == "week-01" for i in issues)
    printed = capsys.readouterr().out
    for who in ("babbage", "hedy", "emmy@uni.example", "Student, Test", "alan", "grace"):
        assert who in printed, f"{who} is not listed on screen"


def test_canvas_new_column_for_an_assignment_canvas_does_not_have_and_an_id_map(course, tmp_path):
    ids = tmp_path / "ids.csv"
    ids.write_text("student_id,lms_id\nada,ADA@uni.example\ngrace,grace@uni.example\nalan,alan@uni.example\n"
                   "babbage,charles@uni.example\n")
    out = tmp_path / "canvas-import.csv"
    assert lms_export.main(["--root", str(course), "--canvas", str(course / "canvas-export.csv"),
                            "--to", str(out), "--id-map", str(ids)]) == 0
    table = _read(out)
    assert table[0][-2:] == ["week-01 (7101)", "week-02"], "week-02 has no column: a new one, titled by its id"
    assert table[1][-1] == "10", "a new column's points possible is nbgrader's maximum"
    body = {r[0]: dict(zip(table[0], r)) for r in table[2:]}
    assert body["Lovelace, Ada"]["week-02"] == "9"
    # week-02 not submitted by grace: missing -> blank
    assert body["Hopper, Grace"]["week-02"] == ""
    issues = _issues(out)
    assert _kinds(issues, "in the gradebook, not in the Canvas file") == {"babbage"}
    assert _kinds(issues, "in the gradebook without an LMS id") == {"hedy"}, "not in the id map: listed"
    assert any(i["issue"].startswith("new Canvas column") and i["assignment"] == "week-02" for i in issues)


def test_canvas_default_match_is_the_student_id(course, tmp_path):
    out = tmp_path / "canvas.csv"
    assert lms_export.main(["--root", str(course), "--canvas", str(course / "canvas-export.csv"),
                            "--to", str(out)]) == 0
    issues = _issues(out)
    # ids like "ada" are not SIS Login IDs like ada@uni.example: nobody matches, everybody is listed
    assert _kinds(issues, "in the gradebook, not in the Canvas file") == set(STUDENTS)
    assert all(r[5] == "" for r in _read(out)[2:])


def test_moodle_import_file_with_the_users_export(course, tmp_path):
    out = tmp_path / "moodle.csv"
    assert lms_export.main(["--root", str(course), "--moodle", "--match", "email", "--to", str(out),
                            "--moodle-users", str(course / "moodle-export.csv")]) == 0
    table = _read(out)
    assert table[0] == ["Email address", "week-01", "week-02"]
    body = {r[0]: r[1:] for r in table[1:]}
    # alan's week-01 failed: Moodle's current 8.00 is carried, not cleared; week-02 has no Moodle
    # column (a new grade item), so a blank there clears nothing and is reported
    assert body == {"ada@uni.example": ["7.5", "9"], "grace@uni.example": ["10", ""],
                    "alan@uni.example": ["8.00", ""]}
    issues = _issues(out)
    assert _kinds(issues, "in the gradebook, not in the Moodle file") == {"babbage"}
    assert _kinds(issues, "in the Moodle file, not in the gradebook") == {"emmy@uni.example"}
    assert _kinds(issues, "in the gradebook without an LMS id") == {"hedy"}
    assert _kinds(issues, "left blank although") == {"grace", "alan"}
    assert any(i["issue"].startswith("not scaled") and i["assignment"] == "week-01" for i in issues)


def test_moodle_refuses_without_the_class_list_and_on_an_identity_mismatch(course, tmp_path, capsys):
    out = tmp_path / "moodle.csv"
    assert lms_export.main(["--root", str(course), "--moodle", "--moodle-id", "username", "--to", str(out)]) == 2
    assert "--moodle-users" in capsys.readouterr().err and not out.exists()
    # the defaults: nbgrader logins (--match student_id) under "Email address" (--moodle-id email)
    assert lms_export.main(["--root", str(course), "--moodle", "--to", str(out),
                            "--moodle-users", str(course / "moodle-export.csv")]) == 2
    err = capsys.readouterr().err
    assert "--match student_id" in err and "Email address" in err and not out.exists()
    assert len(err.strip().splitlines()) == 1


def test_moodle_scales_to_the_grade_items_maximum_and_writes_feedback(course, tmp_path):
    out = tmp_path / "moodle.csv"
    assert lms_export.main(["--root", str(course), "--moodle", "--match", "email", "--to", str(out),
                            "--moodle-users", str(course / "moodle-export.csv"), "--assignment", "week-01",
                            "--points", "week-01=100", "--moodle-feedback"]) == 0
    table = _read(out)
    assert table[0] == ["Email address", "week-01", "week-01 feedback"]
    body = {r[0]: r[1:] for r in table[1:]}
    assert body["ada@uni.example"][0] == "75" and body["grace@uni.example"][0] == "100"
    assert body["ada@uni.example"][1].startswith("week-01: 7.5 of 10 points")
    assert "could not be graded" in body["alan@uni.example"][1]


# --- the importers' own rules, applied to the files written -------------------------------------
# Moodle (gradeimport_csv, classes/load_data.php): a row whose user field is blank or names no
# known user aborts the WHOLE import; "" or "-" in a grade column is "no grade" (it clears the
# item); any other value must be a number. Canvas (gradebook CSV import): a row is matched by its
# ids; a cell that differs from the current value, a blank included, is posted as a change; rows a
# file does not list are left alone.

def _moodle_import(path: Path, user_column: str, known: dict[str, dict[str, str]], items: list[str]):
    """Apply Moodle's import to ``known`` (user -> item -> current grade); return the new grades."""
    table = _read(path)
    header, new = table[0], {u: dict(g) for u, g in known.items()}
    for line in table[1:]:
        row = dict(zip(header, line))
        user = row[user_column].strip()
        if not user or user.casefold() not in {u.casefold() for u in known}:
            raise AssertionError(f"Moodle aborts the whole import: no user with {user_column} {user!r}")
        user = next(u for u in known if u.casefold() == user.casefold())
        for item in items:
            value = row[item].strip()
            if value in ("", "-"):
                new[user][item] = None
            else:
                new[user][item] = float(value)  # a non-number would abort ("badgrade")
    return new


def test_moodle_file_imports_as_it_is_and_clears_no_grade(course, tmp_path):
    out = tmp_path / "moodle.csv"
    assert lms_export.main(["--root", str(course), "--moodle", "--match", "email", "--to", str(out),
                            "--moodle-users", str(course / "moodle-export.csv"), "--assignment", "week-01"]) == 0
    known = {r["Email address"]: {"week-01": None if r["Assignment: week-01 (Real)"] == "-" else
                                  float(r["Assignment: week-01 (Real)"])}
             for r in csv.DictReader(open(course / "moodle-export.csv", encoding="utf-8-sig"))}
    after = _moodle_import(out, "Email address", known, ["week-01"])
    for user, grades in known.items():
        if grades["week-01"] is not None:
            assert after[user]["week-01"] is not None, f"the import cleared {user}'s grade"
    assert after["ada@uni.example"]["week-01"] == 7.5 and after["alan@uni.example"]["week-01"] == 8.0


def test_canvas_file_posts_no_blank_over_a_score(course, tmp_path):
    out = tmp_path / "canvas.csv"
    assert lms_export.main(["--root", str(course), "--canvas", str(course / "canvas-export.csv"),
                            "--to", str(out), "--match", "email"]) == 0
    before = {r["SIS Login ID"].strip().casefold(): r for r in csv.DictReader(
        open(course / "canvas-export.csv", encoding="utf-8-sig")) if r["Student"].strip() != "Points Possible"}
    rows = list(csv.DictReader(open(out, encoding="utf-8")))[1:]
    assert rows, "the file lists the matched students"
    for row in rows:
        old = before[row["SIS Login ID"].strip().casefold()]
        for column in ("week-01 (7101)",):
            if old[column].strip() and not row[column].strip():
                raise AssertionError(f"Canvas would post a blank over {old['Student']}'s {old[column]}")
    assert {r["SIS Login ID"].strip().casefold() for r in rows} <= {
        k for k, r in before.items() if k}, "every row names a Canvas student"


def test_bad_inputs_get_a_clear_message(course, tmp_path, capsys):
    not_canvas = tmp_path / "other.csv"
    not_canvas.write_text("name,score\nada,3\n")
    assert lms_export.main(["--root", str(course), "--canvas", str(not_canvas), "--to", str(tmp_path / "o.csv")]) == 2
    assert "not a Canvas gradebook export" in capsys.readouterr().err
    bad_map = tmp_path / "ids.csv"
    bad_map.write_text("nbgrader,canvas\nada,ada@uni.example\n")
    assert lms_export.main(["--root", str(course), "--moodle", "--id-map", str(bad_map), "--to", str(tmp_path / "o.csv"),
                            "--moodle-users", str(course / "moodle-export.csv")]) == 2
    assert "student_id and lms_id" in capsys.readouterr().err
    assert lms_export.main(["--root", str(course), "--moodle", "--match", "email", "--moodle-users", str(not_canvas),
                            "--to", str(tmp_path / "o.csv")]) == 2
    assert "Email address" in capsys.readouterr().err
    assert lms_export.main(["--root", str(course), "--canvas", str(tmp_path / "absent.csv"),
                            "--to", str(tmp_path / "o.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_generic_export_unchanged(course, tmp_path):
    out = tmp_path / "generic.csv"
    assert lms_export.main(["--root", str(course), "--to", str(out)]) == 0
    rows = {(r["student_id"], r["assignment"]): r for r in csv.DictReader(open(out))}
    assert rows[("alan", "week-01")]["status"] == "failed" and rows[("alan", "week-01")]["score"] == ""
    assert float(rows[("ada", "week-01")]["score"]) == 7.5
