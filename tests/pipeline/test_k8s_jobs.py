"""Class grading as Kubernetes Jobs on a real (small) class, without a cluster.

Each "pod" is played by two processes sharing a folder, as the pod's containers share an emptyDir:
``graders.k8s_jobs run`` (the grader container: classgrade over its slice, a private copy of the
course, the kernels handed over) and ``graders.handoff serve`` (the kernel container). Then
``graders.k8s_jobs merge`` records the slices in the course gradebook with classgrade's merge.
One slice's pod never finishes: its student must come out *failed*, saying so, never silently
missing. Run as root (CI, the course machines), the kernel side runs as uid 2000, as the pod's
kernel container does, and a learner's code tries to read the notebook being graded, the private
gradebook and source, and the course: all refused. (The pods' security is in
tests/hub/test_z2jh_grading.py.)
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from _other_uids import AVAILABLE, as_uid, shared_tmp
from conftest import env
from fixtures.hostile import make
from graders.course import auto_max_score, make_course

ASSIGNMENT = "week-01"
LIMITS = ["--cell-timeout", "30", "--notebook-timeout", "120"]
PARENT = "\nimport os as _os\nprint('KERNEL PARENT', _os.getppid())\n"
SLICES = [["honest-reference", "where"], ["honest-wrong", "leaver", "prober"], ["never-ran"]]
LEAVE = "\nimport os as _os\nopen(_os.path.join(_os.environ['HOME'], 'left-by-leaver'), 'w').write('for the next one')\n"
KERNEL_UID = 2000   # graders.k8s_manifests.KERNEL_UID
SPLIT = AVAILABLE   # can the kernel side run as another uid here?
PROBE = """
import os as _os
def _try(_p):
    try:
        open(_p, 'rb').read(1)
        return 'READ'
    except OSError as _e:
        return type(_e).__name__
_course = _os.path.abspath(_os.path.join(_os.getcwd(), '..', '..', '..'))
print('PROBE uid', _os.getuid())
print('PROBE notebook', _try('week-01.ipynb'))
print('PROBE gradebook', _try(_os.path.join(_course, 'gradebook.db')))
print('PROBE source', _try(_os.path.join(_course, 'source', 'week-01', 'week-01.ipynb')))
print('PROBE course', _try(COURSE_GRADEBOOK))
_ref = _os.path.join(_course, 'autograded', 'classgrade-canary-reference', 'week-01')
print('PROBE reference', _try(_os.path.join(_ref, 'week-01.ipynb')))
try:
    print('PROBE listing', len(_os.listdir(_ref)))
except OSError as _e:
    print('PROBE listing', type(_e).__name__)
print('PROBE earlier', _try(_os.path.join(_course, 'autograded', 'honest-wrong', 'week-01', 'week-01.ipynb')))
print('PROBE left-by-earlier', _try(_os.path.join(_os.environ['HOME'], 'left-by-leaver')))
"""


def _pod(course: Path, out: Path, index: int, base: Path) -> tuple[subprocess.CompletedProcess, int]:
    shared = base / f"pod{index}" / "grading"
    shared.mkdir(parents=True)
    handoff = shared / "handoff"
    as_kernel = None
    if SPLIT:  # the kernel container's uid
        as_kernel = as_uid(KERNEL_UID, KERNEL_UID)
        shared.chmod(0o777)
    log = open(base / f"pod{index}" / "kernel-side.log", "w")
    kernel_side = subprocess.Popen([sys.executable, "-m", "graders.handoff", "serve", str(handoff)], env=env(),
                                   stdout=log, stderr=subprocess.STDOUT, preexec_fn=as_kernel)
    try:
        proc = subprocess.run([sys.executable, "-m", "graders.k8s_jobs", "run", ASSIGNMENT, "--course", str(course),
                               "--out", str(out), "--slices", str(base / "slices.json"), "--work",
                               str(base / f"pod{index}" / "work"), "--handoff", str(handoff), *LIMITS],
                              env=env(JOB_COMPLETION_INDEX=str(index), GRADERS_KERNEL_HANDOFF=str(handoff),
                                      TMPDIR=str(shared / "tmp")),
                              capture_output=True, text=True, timeout=900)
        code = kernel_side.wait(timeout=120)
        log.close()
        assert code == 0, "the kernel side failed:\n" + (base / f"pod{index}" / "kernel-side.log").read_text()[-3000:]
    finally:
        kernel_side.kill()
    return proc, kernel_side.pid


@pytest.fixture(scope="module")
def graded():
    with shared_tmp("k8s-jobs-") as base:
        yield _graded(base)


def _graded(base: Path):
    course = make_course(base / "course", [ASSIGNMENT], mode=0o700)   # the course volume: not the kernel's
    make.RELEASE_DIR = course / "release" / ASSIGNMENT
    for s in ("honest-reference", "honest-wrong"):
        make.write_submission(course, s, make.CASES[s])
    make.write_submission(course, "where", make.Case(
        lambda c: make.filled(make.reference_answers(), {"ex-1-answer": PARENT}, prepend=False)))
    make.write_submission(course, "never-ran", make.CASES["honest-reference"])
    make.write_submission(course, "leaver", make.Case(
        lambda c: make.filled(make.reference_answers(), {"ex-1-answer": LEAVE}, prepend=False)))
    probe = PROBE.replace("COURSE_GRADEBOOK", repr(str(course / "gradebook.db")))
    make.write_submission(course, "prober", make.Case(
        lambda c: make.filled(make.reference_answers(), {"ex-1-answer": probe}, prepend=False)))
    (base / "slices.json").write_text(json.dumps(SLICES))
    out = course / "classgrade" / "jobs" / "grade-week-01-test"
    out.mkdir(parents=True)
    before = (course / "gradebook.db").read_bytes()
    pods = [_pod(course, out, i, base) for i in (0, 1)]          # slice 2's pod never finishes
    changed_by_pods = (course / "gradebook.db").read_bytes() != before
    merged = subprocess.run([sys.executable, "-m", "graders.k8s_jobs", "merge", ASSIGNMENT, str(out)], cwd=course,
                            env=env(), capture_output=True, text=True, timeout=300)
    return course, pods, merged, changed_by_pods


def test_pods_grade_their_slices_without_writing_the_course(graded):
    course, pods, _, changed = graded
    for proc, _ in pods:
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert not changed   # the course volume is read-only in the pods: the gradebook changes only at merge


def _printed(course: Path, student: str) -> str:
    nb = nbformat.read(course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


def test_the_learners_code_ran_in_the_kernel_side(graded):
    course, pods, _, _ = graded
    text = _printed(course, "where")
    assert f"KERNEL PARENT {pods[0][1]}" in text, text[-500:]


@pytest.mark.skipif(not SPLIT, reason="needs root and mount namespaces to run the kernel side as another uid")
def test_the_kernel_uid_reaches_nothing_of_the_graders(graded):
    course = graded[0]
    probed = dict(line.split()[1:3] for line in _printed(course, "prober").splitlines() if line.startswith("PROBE"))
    denied = "PermissionError"
    assert probed == {"uid": str(KERNEL_UID), "notebook": denied, "gradebook": denied, "source": denied,
                      "course": denied, "reference": denied, "listing": denied, "earlier": denied,
                      "left-by-earlier": "FileNotFoundError"}, probed


def test_merge_records_every_slice_as_classgrade_does(graded):
    course, _, merged, _ = graded
    assert merged.returncode == 0, merged.stderr[-2000:]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        a = gb.find_assignment(ASSIGNMENT)
        top = auto_max_score(a)
        scores = {s.student.id: sum(g.auto_score or 0 for g in s.notebooks[0].grades) for s in a.submissions}
    assert scores["honest-reference"] == scores["where"] == scores["prober"] == top
    assert 0 < scores["honest-wrong"] < top
    for s in ("honest-reference", "where", "honest-wrong", "prober"):
        assert (course / "autograded" / s / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()
        assert (course / "classgrade" / "logs" / ASSIGNMENT / f"{s}.log").exists()
    assert "kernel isolation: a grading pod's kernel container" in merged.stdout


def test_a_slice_that_never_finished_is_failed_and_says_why(graded):
    course, _, merged, _ = graded
    status = json.loads((course / "classgrade" / f"{ASSIGNMENT}.json").read_text())
    assert status["never-ran"]["status"] == "failed" and "did not finish" in status["never-ran"]["reason"]
    assert status["honest-wrong"]["status"] == "graded"
    assert "1 failed" in merged.stdout
