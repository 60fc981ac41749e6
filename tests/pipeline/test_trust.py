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


# ------------------------------------------- scenario assessments: answering from the explanations
# A submission wraps a function on the hand-over path, reads the text travelling with each hidden
# check (rule, hint, explanation) and hands over the option whose words it shares most. With the
# texts withheld (graders.withhold) there is nothing to read: it scores what answering "a" to every
# choice question scores. The controls run the same wrapper against the cells as written, where the
# explanation is in the process, and it wins.
BANK_ID = "assessment-02"
_WORDS = '''
import json as _json, re as _re
_OPTIONS = {options!r}
def _words(t):
    return {{w for w in _re.findall(r"[a-z]+", str(t).lower()) if len(w) > 3}}
def _pick(probe):
    opts = _OPTIONS.get(probe.get("label"))
    if not opts:
        return probe
    text = " ".join(str(v) for v in [probe.get("rule", ""), *(probe.get("opts") or {{}}).values()])
    best = max(opts, key=lambda o: len(_words(opts[o]) & _words(text)))  # a tie keeps the first: "a"
    return {{**probe, "value": {{"type": "scalar", "value": best}}}}
'''
ATTACKS = {
    "explain-dumps": _WORDS + '''
_real_dumps = _json.dumps
def _dumps(obj, *a, **k):
    return _real_dumps(_pick(obj) if isinstance(obj, dict) else obj, *a, **k)
_json.dumps = _dumps
''',
    "explain-display": _WORDS + '''
import IPython.display as _d
_real_publish = _d.publish_display_data
_MIME = "application/vnd.platform-workbook.probe+json"
def _publish(data, *a, **k):
    if isinstance(data, dict) and _MIME in data:
        data = {{**data, _MIME: _json.dumps(_pick(_json.loads(data[_MIME])))}}
    return _real_publish(data, *a, **k)
_d.publish_display_data = _publish
''',
}


def _bank():
    from tools.assessments import banks
    bank = banks()[BANK_ID]
    return {f"Question {n}": q for n, q in enumerate(bank["questions"], 1)}


def _attack_code(name: str) -> str:
    options = {label: dict(q["options"]) for label, q in _bank().items() if "options" in q}
    return ATTACKS[name].format(options=options)


def _all_a(reference: dict) -> dict:
    bank = {q["id"]: q for q in _bank().values()}
    return {**reference, **{f"{qid}-answer": f'answer_{qid} = "a"' for qid, q in bank.items() if "options" in q}}


@pytest.fixture(scope="module")
def assessment_graded():
    import nbformat

    from graders.course import fill, reference_answers
    base = Path(tempfile.mkdtemp(prefix="trust-bank-", dir="/tmp"))
    base.chmod(0o755)
    course = make_course(base / "course", [BANK_ID])
    reference = reference_answers(nbformat.read(course / "source" / BANK_ID / f"{BANK_ID}.ipynb", as_version=4))
    guessing = _all_a(reference)
    cases = {"honest-reference": (reference, {}), "answers-a": (guessing, {}),
             **{name: (guessing, {"q01-answer": _attack_code(name)}) for name in ATTACKS}}
    for student, (answers, extra) in cases.items():
        folder = course / "submitted" / student / BANK_ID
        folder.mkdir(parents=True)
        nb = fill(nbformat.read(course / "release" / BANK_ID / f"{BANK_ID}.ipynb", as_version=4), answers, extra)
        nbformat.write(nb, folder / f"{BANK_ID}.ipynb")
        (folder / "timestamp.txt").write_text("2026-01-05 10:00:00.000000 UTC")
    proc = subprocess.run([sys.executable, "-m", "graders.classgrade", BANK_ID, *LIMITS], cwd=course, env=env(),
                          capture_output=True, text=True, timeout=1200)
    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for sub in gb.find_assignment(BANK_ID).submissions:
            scores[sub.student.id] = {g.name: g.score for g in sub.notebooks[0].grades if g.auto_score is not None}
    return course, proc, scores


@pytest.mark.parametrize("student", sorted(ATTACKS))
def test_answering_from_the_explanations_scores_as_guessing_a(assessment_graded, student):
    course, proc, scores = assessment_graded
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    full, guess = sum(scores["honest-reference"].values()), sum(scores["answers-a"].values())
    assert full == len(_bank()) and guess < full
    assert scores[student] == scores["answers-a"], f"{student} read something: {scores[student]}"


def test_feedback_still_explains_every_question(assessment_graded):
    import nbformat
    course, _, _ = assessment_graded
    for student in ("honest-reference", "answers-a"):
        nb = nbformat.read(course / "autograded" / student / BANK_ID / f"{BANK_ID}.ipynb", as_version=4)
        text = "".join(o.get("text", "") + o.get("evalue", "") for c in nb.cells if c.cell_type == "code"
                       for o in c.outputs)
        for q in _bank().values():
            assert "Explanation: " + " ".join(q["explanation"].split()) in text, (student, q["id"])
        assert "[[withheld:" not in text and "[[withheld:" not in "".join(c.source for c in nb.cells)


def _hand_over(cell_source: str, attack: str, space: dict) -> list[dict]:
    """Run one hidden check cell in this process, the attack installed; the probes handed over."""
    import IPython.display

    import graders.hidden
    sent = []
    real = IPython.display.publish_display_data
    IPython.display.publish_display_data = lambda data, *a, **k: sent.append(json.loads(data[graders.hidden.PROBE_MIME]))
    real_dumps = json.dumps
    try:
        exec(compile(attack, "<attack>", "exec"), space)  # noqa: S102 - the test's own attack
        exec(compile(cell_source, "<cell>", "exec"), space)  # noqa: S102 - the course's own cell
    finally:
        IPython.display.publish_display_data = real
        json.dumps = real_dumps
    return sent


def _hidden_cells():
    """Question label -> the hidden part of its test cell, as the course's source notebook has it."""
    import re

    import nbformat
    nb = nbformat.read(ROOT / "source" / BANK_ID / f"{BANK_ID}.ipynb", as_version=4)
    out = {}
    for cell in nb.cells:
        found = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S)
        label = re.search(r'expect\.\w+\("(Question \d+)"', cell.source)
        if found and label:
            out[label.group(1)] = found.group(1)
    return out


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_control_the_attack_wins_when_the_explanation_is_in_the_process(attack):
    """The cells as written (explanation passed in the kernel): the wrapper picks the marked option
    far more often than "a" is right; the same cells as the grader runs them: exactly as often."""
    from graders.withhold import withhold
    code, cells = _attack_code(attack), _hidden_cells()
    wins = {"as written": 0, "withheld": 0}
    marked_a = 0
    for label, q in _bank().items():
        if "options" not in q:
            continue
        marked_a += q["answer"] == "a"
        for form, source in (("as written", cells[label]), ("withheld", withhold(cells[label]).source)):
            got = _hand_over(source, code, {f"answer_{q['id']}": "a"})
            wins[form] += got[-1]["value"]["value"] == q["answer"]
    assert wins["as written"] >= marked_a + 5, wins
    assert wins["withheld"] == marked_a, wins


# ------------------------------------------------- grading paths outside classgrade refuse to run
FORMGRADER = '''
import json, sys
from nbgrader.apps.api import NbGraderAPI
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader
cfg = PyFileConfigLoader("nbgrader_config.py", path=".").load_config()
api = NbGraderAPI(CourseDirectory(config=cfg), Authenticator(config=cfg), config=cfg)
# what formgrader's Autograde button calls (server_extensions/formgrader/apihandlers.py, AutogradeHandler)
print(json.dumps(api.autograde(sys.argv[1], sys.argv[2])))
'''


def _refused(text: str) -> bool:
    return f"python -m graders.classgrade {ASSIGNMENT}" in text and "refused: plain nbgrader autograde" in text


def test_plain_nbgrader_and_the_formgrader_button_refuse(graded, tmp_path):
    """The course's own config (nbgrader_config.py, which the hub's formgrader loads too) runs no
    learner code: `nbgrader autograde` and the formgrader's Autograde API refuse with one line
    naming the safe command. The record-switch hunter would print a file of the machine if it ran."""
    from conftest import nbgrader_env
    from graders.contract import UNSANDBOXED_OVERRIDE
    course, _, scores = graded
    student = "record-switch"
    before = scores[student]
    clean = {k: v for k, v in nbgrader_env().items() if k != UNSANDBOXED_OVERRIDE}
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--student", student, "--force"],
                          cwd=course, env=clean, capture_output=True, text=True, timeout=600)
    assert proc.returncode != 0 and _refused(proc.stdout + proc.stderr), proc.stderr[-3000:]
    lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "refused: plain nbgrader" in ln]
    assert lines and "graders.classgrade" in lines[0]
    script = tmp_path / "formgrader_autograde.py"
    script.write_text(FORMGRADER)
    button = subprocess.run([sys.executable, str(script), ASSIGNMENT, student], cwd=course, env=clean,
                            capture_output=True, text=True, timeout=600)
    result = json.loads(button.stdout.strip().splitlines()[-1])
    assert result["success"] is False and _refused(result.get("error", "") + result.get("log", "")), result
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        sub = gb.find_submission(ASSIGNMENT, student)
        after = {g.name: g.score for g in sub.notebooks[0].grades if g.auto_score is not None}
    assert after == before
