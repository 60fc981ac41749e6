"""Trust model: while a learner's code runs, the answer is nowhere it can reach.

Hostile Week 1 submissions look for the reference solution or the expected values everywhere a
function called by a hidden check can look: the kernel's globals, the calling frames, the garbage
collector, the loaded modules (including the grader's own reference machinery, run from inside
the kernel), the grader's cache on disk, a recording switch, and a forged hand-over with a
tolerance of its own. The class is graded by the real class-grading command. Each hunter falls
back to a wrong answer that passes the visible check (minutes instead of hours), so it earns the
hidden points only if the hunt succeeds: none may. Controls prove the hunters are not toothless:
each finds the answer when it is in reach (the old in-kernel form of a hidden check, or a course
read without the sandbox).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from conftest import ROOT, env
from fixtures.hostile import make
from graders.course import make_course

ASSIGNMENT = "week-01"
TARGET = "ex-1-hidden"

FALLBACK = '''
    return journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1)  # minutes: wrong
'''

HUNTERS = {
    # any callable whose name smells of a reference, in __main__ and in every calling frame
    "hunt-globals": '''
def lead_time_hours(journey):
    import __main__, sys
    spaces, f = [vars(__main__)], sys._getframe(1)
    while f is not None:
        spaces += [f.f_locals, f.f_globals]
        f = f.f_back
    for space in spaces:
        for name, obj in list(space.items()):
            if callable(obj) and name != "lead_time_hours" and any(w in name.lower() for w in ("ref", "solution", "answer", "expected")):
                try:
                    got = obj(journey)
                except Exception:
                    continue
                if hasattr(got, "index") and len(got) == journey["task_id"].nunique():
                    return got
''' + FALLBACK,
    # an expected value sitting in a calling frame
    "hunt-frames": '''
def lead_time_hours(journey):
    import sys
    import pandas as pd
    tasks = set(journey["task_id"])
    mine = journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1)
    f = sys._getframe(1)
    while f is not None:
        for obj in list(f.f_locals.values()) + list(f.f_globals.values()):
            if isinstance(obj, pd.Series) and set(obj.index) == tasks and obj.dtype.kind == "f" and not obj.equals(mine):
                return obj
        f = f.f_back
''' + FALLBACK,
    # an expected value anywhere in the process's heap
    "hunt-gc": '''
def lead_time_hours(journey):
    import gc
    import pandas as pd
    tasks = set(journey["task_id"])
    mine = journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1)
    for obj in gc.get_objects():
        try:
            if (isinstance(obj, pd.Series) and len(obj) == len(tasks) and set(obj.index) == tasks
                    and obj.dtype.kind == "f" and obj.name is None and not obj.equals(mine)
                    and bool((obj > 0).all()) and float(obj.max()) < float(mine.max())):
                return obj
        except Exception:
            continue
''' + FALLBACK,
    # the grader's reference machinery and its cache, from inside the kernel
    "hunt-modules": '''
def lead_time_hours(journey):
    import glob, json, os, sys
    import pandas as pd
    tasks = set(journey["task_id"])
    def as_series(probes):
        for p in probes.get("ex-1-hidden", []):
            v = p["value"]
            s = pd.Series(v["values"], index=v["index"])
            if set(s.index) == tasks:
                return s
    here = os.path.abspath(os.getcwd())
    roots = [here] + [os.path.abspath(os.path.join(here, *[".."] * k)) for k in range(1, 6)]
    for mod in list(sys.modules.values()):
        for attr in ("expected", "EXPECTED", "reference", "_cache"):
            val = getattr(mod, attr, None)
            if isinstance(val, dict) and "ex-1-hidden" in val:
                found = as_series(val)
                if found is not None:
                    return found
    for root in roots:
        for path in glob.glob(os.path.join(root, ".grading-cache", "*.json")):
            try:
                found = as_series(json.load(open(path))["probes"])
            except Exception:
                continue
            if found is not None:
                return found
    try:
        from graders.reference import reference_probes
    except Exception:
        reference_probes = None
    for root in roots if reference_probes else []:
        try:
            found = as_series(reference_probes(root, "week-01", cache_dir=os.path.join(os.environ.get("TMPDIR", "/tmp"), "c")))
        except Exception:
            continue
        if found is not None:
            return found
''' + FALLBACK,
    # the old maintainers' recording switch, turned on from the notebook, then printed
    "record-switch": '''
import os
os.environ["GRADERS_RECORD"] = os.path.join(os.environ.get("TMPDIR", "/tmp"), "recorded.txt")

def lead_time_hours(journey):
    path = os.environ["GRADERS_RECORD"]
    if os.path.exists(path):
        print(open(path).read())
''' + FALLBACK,
    # silence the real hand-over and forge one with a generous tolerance of its own
    "forge-probe": '''
def lead_time_hours(journey):
    import json
    import graders.hidden as h
    from IPython.display import publish_display_data
    h._Expect._emit = staticmethod(lambda *a, **k: None)
    for label in ("lead_time_hours", "lead_time_hours (on a second data set)"):
        publish_display_data({h.PROBE_MIME: json.dumps({"kind": "number", "label": label, "rule": "",
            "opts": {"rtol": 1e12, "atol": 1e12}, "value": {"type": "scalar", "value": 1.0}})})
''' + FALLBACK,
}

LIMITS = ["--jobs", "2", "--cell-timeout", "30", "--notebook-timeout", "120", "--mem-mb", "1024", "--nproc", "64",
          "--quiet"]


@pytest.fixture(scope="module")
def graded():
    base = Path(tempfile.mkdtemp(prefix="trust-", dir="/tmp"))
    base.chmod(0o755)
    course = make_course(base / "course", [ASSIGNMENT])
    make.RELEASE_DIR = course / "release" / ASSIGNMENT
    reference = make.reference_answers()
    cases = {"honest-reference": reference, **{name: {**reference, "ex-1-answer": code} for name, code in HUNTERS.items()}}
    for student, answers in cases.items():
        make.write_submission(course, student, make.Case(build=lambda _c, a=answers: make.filled(a)))
    proc = subprocess.run([sys.executable, "-m", "graders.classgrade", ASSIGNMENT, *LIMITS], cwd=course, env=env(),
                          capture_output=True, text=True, timeout=1200)
    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for sub in gb.find_assignment(ASSIGNMENT).submissions:
            scores[sub.student.id] = {g.name: g.score for g in sub.notebooks[0].grades if g.auto_score is not None}
    return course, proc, scores


def test_the_honest_reference_earns_every_point(graded):
    _, proc, scores = graded
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert scores["honest-reference"][TARGET] > 0 and all(s > 0 for s in scores["honest-reference"].values())


@pytest.mark.parametrize("student", sorted(HUNTERS))
def test_no_hunter_earns_the_hidden_points(graded, student):
    _, _, scores = graded
    assert student in scores, f"{student} was not graded"
    assert scores[student].get(TARGET, 0) == 0, f"{student} found the answer: {scores[student]}"
    if student != "forge-probe":  # (the guard may flag the forger's edit of the grader's module outright)
        assert scores[student]["ex-1-visible"] > 0, f"{student} did not run to the end: {scores[student]}"


def test_feedback_and_outputs_hold_no_expected_value(graded):
    from graders.reference import reference_probes

    course, _, _ = graded
    probes = reference_probes(course, ASSIGNMENT, cache_dir=course / ".grading-cache")
    values = {f"{v:.4f}" for p in probes[TARGET] for v in p["value"]["values"] if isinstance(v, float) and v % 1}
    assert values
    for student in HUNTERS:
        text = (course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
        leaked = sorted(v for v in values if v in text)
        assert not leaked, f"{student}: expected values in the graded notebook: {leaked[:3]}"


# ------------------------------------------------------------------------------------- controls
OLD_FORM = textwrap.dedent('''
    import pandas as pd
    from graders import call, check_series
    _j = pd.read_csv({data!r})
    def _ref(j):
        return j.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1) / 60
    _expected = _ref(_j)
    {hunter}
    check_series(call(lead_time_hours, _j.copy(), name="lead_time_hours"), _expected, "lead_time_hours", "rule", what="task")
    print("FOUND")
''')


@pytest.mark.parametrize("student", ["hunt-globals", "hunt-frames", "hunt-gc"])
def test_control_hunters_find_an_in_kernel_reference(student, tmp_path):
    """The same hunters against the old form (reference and expected value in the kernel) win."""
    code = OLD_FORM.format(data=str(ROOT / "data" / "developer_journey.csv"), hunter=HUNTERS[student])
    script = tmp_path / "old_form.py"
    script.write_text(code)
    proc = subprocess.run([sys.executable, str(script)], env=env(), capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert "FOUND" in proc.stdout, proc.stderr[-2000:]


def test_control_module_hunter_wins_without_the_sandbox(graded, tmp_path):
    """Run unsandboxed inside the graded course, the module/cache hunter finds the answer."""
    course, _, _ = graded
    work = course / "autograded" / "honest-reference" / ASSIGNMENT
    code = "\n".join([
        "import os, pandas as pd",
        f"os.chdir({str(work)!r})",
        "from graders import call, check_series",
        HUNTERS["hunt-modules"],
        f"j = pd.read_csv({str(ROOT / 'data' / 'developer_journey.csv')!r})",
        'expected = j.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1) / 60',
        'check_series(call(lead_time_hours, j.copy(), name="lead_time_hours"), expected, "lead_time_hours", "rule", what="task")',
        'print("FOUND")'])
    script = tmp_path / "unsandboxed.py"
    script.write_text(code)
    proc = subprocess.run([sys.executable, str(script)], env={**env(), "TMPDIR": str(tmp_path)},
                          capture_output=True, text=True, timeout=300)
    assert "FOUND" in proc.stdout, proc.stderr[-2000:]
