"""Hostile and broken submissions graded by the real pipeline (python -m graders.classgrade).

A temporary course (nbgrader generate_assignment from the real source) receives the hostile Week 1
submissions of tests/fixtures/hostile/make.py next to two honest students, and the whole class
is graded in one run (2 jobs, small limits). For every submission: the run completes, no
undeserved points, the instructor's summary gives the reason; the honest students' grades equal
those of a run with only them; every submitted student appears in the exports; the course
gradebook holds exactly one set of grades per graded student.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from conftest import ROOT, env, nbgrader
from fixtures.hostile import make
from graders.course import auto_max_score, make_course

ASSIGNMENT = "week-01"
HONEST = ["honest-reference", "honest-wrong"]
LIMITS = ["--jobs", "2", "--cell-timeout", "10", "--notebook-timeout", "90", "--mem-mb", "768", "--nproc", "32",
          "--quiet"]


def _course(base: Path) -> Path:
    return make_course(base / "course", [ASSIGNMENT])


def _classgrade(course: Path, *args: str) -> subprocess.CompletedProcess:
    out = course / "results.json"
    proc = subprocess.run([sys.executable, "-m", "graders.classgrade", ASSIGNMENT, *LIMITS, "--json", str(out), *args],
                          cwd=course, env=env(), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


def _top(course: Path) -> float:
    """The assignment's auto-graded maximum."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return auto_max_score(gb.find_assignment(ASSIGNMENT))


def _scores(course: Path) -> dict[str, dict[str, float]]:
    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for sub in gb.find_assignment(ASSIGNMENT).submissions:
            nb = sub.notebooks[0]
            out[sub.student.id] = {g.name: g.score for g in nb.grades if g.auto_score is not None}
    return out


SECRET = b"the-service-on-loopback-said-this"


@pytest.fixture(scope="module")
def loopback():
    """A service on the machine's 127.0.0.1 (the hub's API, a database...): it hands a secret to
    whoever connects and counts the connections."""
    import socket
    import threading
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.5)
    seen = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            seen.append(1)
            with conn:
                conn.sendall(SECRET)
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    make.LOOPBACK_PORT = server.getsockname()[1]
    yield seen
    stop.set()
    thread.join(2)
    server.close()


@pytest.fixture(scope="module")
def other_checkout():
    """Another checkout's answer keys, world-readable, outside /root, /home and /tmp."""
    keys = make.OTHER_CHECKOUT / "tests" / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tests" / "keys" / "org_design.json", keys / "org_design.json")
    for p in (make.OTHER_CHECKOUT, make.OTHER_CHECKOUT / "tests", keys):
        p.chmod(0o755)
    (keys / "org_design.json").chmod(0o644)
    yield keys
    shutil.rmtree(make.OTHER_CHECKOUT, ignore_errors=True)


@pytest.fixture(scope="module")
def graded(tmp_path_factory, loopback, other_checkout):
    # world-traversable on purpose: only the grader's own locking keeps the kernel out
    base = Path(tempfile.mkdtemp(prefix="hostile-", dir="/tmp"))
    base.chmod(0o755)
    try:
        course = _course(base)
        make.RELEASE_DIR = course / "release" / ASSIGNMENT
        alone = _course(base / "alone")
        for student in HONEST:
            make.write_submission(alone, student, make.CASES[student])
        _classgrade(alone)
        alone_scores = _scores(alone)
        for student, case in make.CASES.items():
            make.write_submission(course, student, case)
        proc = _classgrade(course)
        nbgrader("export", f"--to={course / 'grades.csv'}", cwd=course)
        subprocess.run([sys.executable, "-m", "graders.lms_export", "--root", str(course), "--to",
                        str(course / "lms.csv")], cwd=course, env=env(), check=True, capture_output=True)
        results = {r["student"]: r for r in json.loads((course / "results.json").read_text())}
        yield dict(course=course, proc=proc, results=results, scores=_scores(course), alone=alone_scores)
    finally:
        shutil.rmtree(base, ignore_errors=True)


CASES = sorted(make.CASES)


def test_run_completes_and_lists_everyone(graded):
    assert set(graded["results"]) == set(make.CASES)
    summary = graded["proc"].stdout
    for student in make.CASES:
        assert student in summary


@pytest.mark.parametrize("student", CASES)
def test_status_and_reason(graded, student):
    case, res = make.CASES[student], graded["results"][student]
    if student in HONEST:
        assert res["status"] == "graded", res
        return
    assert res["status"] == case.status, res
    if case.reason:
        assert re.search(case.reason, res["reason"]), res["reason"]


@pytest.mark.parametrize("student", CASES)
def test_no_undeserved_points(graded, student):
    case = make.CASES[student]
    scores = graded["scores"].get(student)
    if case.status == "failed":
        assert scores is None, f"{student} cannot be graded and must not get a gradebook score: {scores}"
        return
    assert scores, f"{student} has no grades"
    undeserved = {g: s for g, s in scores.items() if s and g not in case.deserved}
    assert not undeserved, f"{student} earned {undeserved}"
    lost = {g for g in case.earned if not scores.get(g)}
    assert not lost, f"{student} lost points earned before the trouble: {sorted(lost)}"


def test_honest_students_unchanged(graded):
    for student in HONEST:
        assert graded["scores"][student] == graded["alone"][student], student
    assert sum(graded["scores"]["honest-reference"].values()) == _top(graded["course"])


def test_gradebook_consistent(graded):
    """One submission and one grade per cell for each graded student: nothing lost or doubled."""
    db = sqlite3.connect(graded["course"] / "gradebook.db")
    cells = db.execute("select count(*) from grade_cells").fetchone()[0]
    per_student = dict(db.execute(
        "select s.student_id, count(g.id) from submitted_assignment s join submitted_notebook n "
        "on n.assignment_id = s.id join grade g on g.notebook_id = n.id group by s.student_id").fetchall())
    graded_students = {s for s, r in graded["results"].items() if r["status"] != "failed"}
    assert set(per_student) == graded_students
    assert all(n == cells for n in per_student.values()), per_student
    dup = db.execute("select count(*) from (select student_id, assignment_id from submitted_assignment "
                     "group by 1, 2 having count(*) > 1)").fetchone()[0]
    assert dup == 0
    flagged = {r[0] for r in db.execute("select s.student_id from submitted_notebook n join submitted_assignment s "
                                        "on n.assignment_id = s.id where n.flagged")}
    assert flagged == {s for s, r in graded["results"].items() if r["status"] == "flagged"}


def test_every_student_in_exports(graded):
    with open(graded["course"] / "grades.csv", newline="") as fh:
        assert {r["student_id"] for r in csv.DictReader(fh)} >= set(make.CASES)
    with open(graded["course"] / "lms.csv", newline="") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert set(rows) == set(make.CASES)
    for student, res in graded["results"].items():
        assert rows[student]["status"] == res["status"]
        if res["status"] == "failed":
            assert rows[student]["score"] == "", "a submission that could not be graded is not a 0"
            assert rows[student]["note"]


def test_secrets_stay_secret(graded):
    nb = nbformat.read(graded["course"] / "autograded" / "read-secrets" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex-1-answer")
    text = "".join(o.get("text", "") for o in cell.outputs)
    assert "LEAKS []" in text, text[:500]


def test_the_file_system_hunt_finds_nothing(graded):
    """Answer keys of another checkout and of the installed one, the grader's cache, gradebooks,
    the instructor's notebooks, other kernels' connection files: none is in the kernel's view."""
    printed = _printed(graded["course"], "hunt-filesystem", "ex-1-answer")
    assert "FOUND 0 []" in printed, printed[:800]


def test_the_machines_loopback_is_out_of_reach(graded, loopback):
    printed = _printed(graded["course"], "hunt-loopback", "ex-1-answer")
    assert "NO CONNECTION" in printed and SECRET.decode() not in printed, printed[:500]
    assert not loopback, "the sandboxed kernel connected to a service on the machine's 127.0.0.1"


def test_control_the_hunts_succeed_without_the_sandbox(graded, loopback, other_checkout, tmp_path):
    """The same hunters, run as plain Python on this machine: they find the keys and the service."""
    n = len(loopback)
    for student, fn, expect in (("hunt-filesystem", make._hunt_filesystem, "FOUND "),
                                ("hunt-loopback", make._hunt_loopback, "RECEIVED b'the-service")):
        script = tmp_path / f"{student}.py"
        script.write_text(fn(graded["course"]))
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120).stdout
        assert expect in out and "FOUND 0 " not in out, out[:500]
    assert len(loopback) == n + 1


def test_nothing_written_outside(graded):
    assert not Path("/tmp/hostile-was-here.txt").exists()
    assert not Path("/dev/shm/hostile-dir").exists()
    assert not (graded["course"] / "planted.txt").exists()
    nb = nbformat.read(graded["course"] / "autograded" / "write-outside" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex-1-answer")
    assert "BLOCKED 5" in "".join(o.get("text", "") for o in cell.outputs)


def test_feedback_keeps_output_small(graded):
    for student in ("output-flood-lines", "output-flood-one-line"):
        path = graded["course"] / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        assert path.stat().st_size < 2_000_000, (student, path.stat().st_size)


# --- where the course lives, grader faults, interruptions -------------------------------------------
WHERE = ('\nimport graders as _g, workbook as _w, os as _os\nprint("PACKAGES", _g.__path__[0], _w.__path__[0])\n'
         f'try:\n    _k = len(_os.listdir({str(ROOT / "tests" / "keys")!r}))\nexcept OSError:\n    _k = 0\n'
         'print("KEYS", _k)\n')  # the answer keys of the checkout the grader runs from stay hidden


def _own_course(base: Path, students=("honest-reference", "honest-wrong"), plant: str = "") -> Path:
    """A course that holds its own copy of the packages, outside the environment's checkout."""
    course = make_course(base / "course", [ASSIGNMENT])
    for pkg in ("graders", "workbook"):
        shutil.copytree(ROOT / pkg, course / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    if plant:
        init = course / "workbook" / "__init__.py"
        init.write_text(plant + init.read_text())
    make.RELEASE_DIR = course / "release" / ASSIGNMENT
    for student in students:
        make.write_submission(course, student, make.CASES[student])
    if "honest-reference" in students:  # also say where the kernel imported the packages from
        make.write_submission(course, "where", make.Case(lambda c: make.filled(make.reference_answers(), {"ex-1-answer": WHERE},
                                                                               prepend=False)))
    return course


def _run(course: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graders.classgrade", ASSIGNMENT, *LIMITS, *args], cwd=course,
                          env=env(), capture_output=True, text=True, timeout=900)


def _printed(course: Path, student: str, grade_id: str) -> str:
    nb = nbformat.read(course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return "".join(o.get("text", "") for o in cell.outputs)


def _graded_from_its_own_packages(course: Path, proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    scores = _scores(course)
    top = _top(course)
    assert sum(scores["honest-reference"].values()) == top and sum(scores["where"].values()) == top
    assert 0 < sum(scores["honest-wrong"].values()) < top
    printed = _printed(course, "where", "ex-1-answer")
    assert f"PACKAGES {course / 'graders'} {course / 'workbook'}" in printed, printed
    assert "KEYS 0" in printed, printed


def test_course_outside_the_environments_checkout():
    base = Path(tempfile.mkdtemp(prefix="outside-", dir="/tmp"))
    base.chmod(0o755)
    try:
        course = _own_course(base)
        _graded_from_its_own_packages(course, _run(course))
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_course_in_a_private_home_folder():
    """Inside a 0700 home: graded correctly, or refused with the folder the sandbox cannot read."""
    if not Path("/home").is_dir() or not os.access("/home", os.W_OK):
        pytest.skip("no writable /home")
    base = Path(tempfile.mkdtemp(prefix="cg-teacher-", dir="/home"))
    base.chmod(0o700)
    try:
        course = _own_course(base)
        proc = _run(course)
        if proc.returncode == 2:
            assert re.search(rf"cannot read {re.escape(str(base))}", proc.stderr), proc.stderr
            assert not (course / "autograded").exists()
        else:
            _graded_from_its_own_packages(course, proc)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_grader_fault_refuses_the_class_and_blames_nobody():
    """The course's package cannot be imported in the kernel: the canary stops the run, exit 2,
    one line naming the package; no learner is graded, none is reported as tampering."""
    base = Path(tempfile.mkdtemp(prefix="fault-", dir="/tmp"))
    base.chmod(0o755)
    try:
        course = _own_course(base, plant='raise ImportError("planted: this copy of workbook is broken")\n')
        proc = _run(course)
        assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr[-2000:]
        lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("classgrade:")]
        assert len(lines) == 1 and "canary failed" in lines[0] and "import workbook" in lines[0], proc.stderr
        assert "tampering" not in proc.stdout + proc.stderr
        assert not (course / "autograded").exists() and not (course / "classgrade" / f"{ASSIGNMENT}.json").exists()
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            assert not gb.find_assignment(ASSIGNMENT).submissions
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _leftovers(tmp: Path) -> list[str]:
    """Processes whose command line or working folder is under ``tmp``, and folders left in it."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            continue
        if str(tmp) in cmd or cwd.startswith(str(tmp)):
            found.append(f"{pid}: {cmd[:120]}")
    return found + [p.name for p in tmp.iterdir() if p.name.startswith("classgrade-") and p.is_dir()]


@pytest.mark.parametrize("sig", [signal.SIGTERM])
def test_interrupted_run_stops_everything_and_a_rerun_reproduces_scores(sig):
    base = Path(tempfile.mkdtemp(prefix="interrupt-", dir="/tmp"))
    base.chmod(0o755)
    tmp = base / "tmp"
    tmp.mkdir(mode=0o755)
    students = ("honest-reference", "honest-wrong", "sys-exit", "output-flood-one-line")
    try:
        course = make_course(base / "course", [ASSIGNMENT])
        make.RELEASE_DIR = course / "release" / ASSIGNMENT
        for student in students:
            make.write_submission(course, student, make.CASES[student])
        cmd = [sys.executable, "-m", "graders.classgrade", ASSIGNMENT, *LIMITS, "--batch", "1"]
        proc = subprocess.Popen(cmd, cwd=course, env=env(TMPDIR=str(tmp)), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 600
        while not (course / "autograded").exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)  # interrupt once the first grades are recorded, while others are running
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 128 + sig, out[-2000:] + err[-2000:]
        assert "interrupted" in err
        time.sleep(1)
        assert not _leftovers(tmp), _leftovers(tmp)
        before = _scores(course)
        assert before and set(before) < set(students), before
        again = subprocess.run(cmd, cwd=course, env=env(TMPDIR=str(tmp)), capture_output=True, text=True, timeout=900)
        assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
        after = _scores(course)
        assert set(after) == set(students)
        assert {s: after[s] for s in before} == before
        assert sum(after["honest-reference"].values()) == _top(course)
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGHUP])
def test_interrupted_by_any_signal_leaves_nothing_behind(sig):
    """Ctrl-C and a closed terminal stop a run as cleanly as SIGTERM (sent while kernels run)."""
    base = Path(tempfile.mkdtemp(prefix="interrupt-", dir="/tmp"))
    base.chmod(0o755)
    tmp = base / "tmp"
    tmp.mkdir(mode=0o755)
    try:
        course = make_course(base / "course", [ASSIGNMENT])
        make.RELEASE_DIR = course / "release" / ASSIGNMENT
        make.write_submission(course, "honest-reference", make.CASES["honest-reference"])
        proc = subprocess.Popen([sys.executable, "-m", "graders.classgrade", ASSIGNMENT, *LIMITS], cwd=course,
                                env=env(TMPDIR=str(tmp)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 600
        while not list(tmp.glob("classgrade-*/kernel-pids/*")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)  # a sandboxed kernel is running
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 128 + sig and "interrupted" in err, out[-2000:] + err[-2000:]
        time.sleep(1)
        assert not _leftovers(tmp), _leftovers(tmp)
        assert not (course / "autograded").exists()
    finally:
        shutil.rmtree(base, ignore_errors=True)
