"""Fast checks of classgrade's parts that need no kernel: preflight, exit codes, the lying-number
hardening of graders.checks. The full pipeline is exercised by tests/pipeline/test_hostile.py."""
from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT, env
from graders import checks
from graders.preflight import preflight

RELEASE = ROOT / "release" / "week-01" / "week-01.ipynb"


def _write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


@pytest.mark.parametrize("name, data, reason", [
    ("week-01.ipynb", b"", "empty file"),
    ("week-01.ipynb", b"{ nope", "not valid notebook JSON"),
    ("week-01.ipynb", b'{"cells": 3}', "not a valid notebook"),
    ("week-01 (1).ipynb", b"{}", "renamed?"),
])
def test_preflight_refuses_what_cannot_be_graded(tmp_path, name, data, reason):
    _write(tmp_path, name, data)
    got = preflight(tmp_path, "week-01", RELEASE)
    assert got.notebook is None and reason in got.failures[0]


def test_preflight_puts_back_deleted_test_cells(tmp_path):
    nb = nbformat.read(RELEASE, as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "ex-2-hidden"]
    tmp_path.mkdir(exist_ok=True)
    nbformat.write(nb, tmp_path / "week-01.ipynb")
    got = preflight(tmp_path, "week-01", RELEASE)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in got.notebook.cells]
    assert not got.failures and "ex-2-hidden" in ids and ids.index("ex-2-hidden") == ids.index("ex-2-visible") + 1
    assert any("deleted test cell(s) ex-2-hidden" in f for f in got.flags)


def test_untouched_release_passes_preflight(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "week-01.ipynb").write_bytes(RELEASE.read_bytes())
    got = preflight(tmp_path, "week-01", RELEASE)
    assert got.notebook is not None and not got.failures and not got.flags


def test_run_breaking_problems_exit_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "graders.classgrade", "week-01", "--root", str(tmp_path), "--quiet"],
                          env=env(), capture_output=True, text=True)
    assert proc.returncode == 2 and "no gradebook" in proc.stderr


def test_number_subclass_cannot_lie():
    class Liar(float):
        def __float__(self):
            return 0.25

        def __eq__(self, other):
            return True

        __hash__ = float.__hash__

    with pytest.raises(checks.CheckFailed):
        checks.check_number(Liar(0.9), 0.25, "share", "rule")
    checks.check_number(Liar(0.25), 0.25, "share", "rule")


# --- the contract between parent and kernel side, and the shared helpers -------------------------
def test_contract_round_trips_through_json(tmp_path):
    from graders.contract import KernelReport, SandboxConfig
    cfg = SandboxConfig(uid=1001, gid=1001, home="/h", keep=["/a"], pythonpath="/course")
    assert SandboxConfig.from_env(cfg.to_env()) == cfg
    rep = KernelReport(events=["kernel died in ex-3-answer"], faults=["x"], origins={"graders": "/course/graders"})
    rep.write(tmp_path, "alice")
    assert KernelReport.read(tmp_path, "alice") == rep and KernelReport.read(tmp_path, "bob") is None


def test_compare_runs_right_after_the_guarded_execute():
    from graders.contract import COMPARE, GUARD, WITHHOLD, autograde_preprocessors, course_autograde_preprocessors
    assert autograde_preprocessors()[:3] == [WITHHOLD, GUARD, COMPARE]
    assert course_autograde_preprocessors()[0] == WITHHOLD


def test_fill_refuses_an_unknown_grade_id():
    from graders.course import UnknownGradeId, fill
    nb = nbformat.read(RELEASE, as_version=4)
    fill(nb, {"ex-1-answer": "x = 1"})
    assert any(c.source == "x = 1" for c in nb.cells)
    with pytest.raises(UnknownGradeId, match="ex-9-answer"):
        fill(nbformat.read(RELEASE, as_version=4), {"ex-9-answer": "x = 1"})
    with pytest.raises(UnknownGradeId, match="nope"):
        fill(nbformat.read(RELEASE, as_version=4), {}, extra={"nope": "print(1)"})


def test_reference_answers_have_no_markers():
    from graders.course import MARKER_LINE, reference_answers
    answers = reference_answers(nbformat.read(ROOT / "source" / "week-01" / "week-01.ipynb", as_version=4))
    assert "ex-1-answer" in answers
    assert not any(MARKER_LINE.match(line) for a in answers.values() for line in a.splitlines())


def test_grader_fault_is_a_failure_never_tampering():
    from graders.contract import KernelReport, Limits, Result
    from graders.job import Submission
    from graders.results import _status, explain
    res = Result("week-01", "alice")
    rep = KernelReport(faults=["the grading kernel cannot import workbook (ModuleNotFoundError: workbook)"])
    explain(res, rep, Limits())
    _status(res, rep, Submission("alice", {}), "", None, True, "log")
    assert res.status == "failed" and "grader fault" in res.reason and "tampering" not in res.reason


def test_summary_shows_the_assignment_maximum_on_every_line():
    from graders.classgrade import summary
    from graders.contract import Result
    rows = [Result("week-01", "a", auto_score=17, auto_max_score=17), Result("week-01", "b", auto_score=3, auto_max_score=17),
            Result("week-01", "c", status="failed", reasons=["empty file"], auto_max_score=17)]
    lines = summary(rows).splitlines()[1:4]
    assert [ln.split()[3] for ln in lines] == ["17/17", "3/17", "-/17"]


def test_instructor_command_does_not_import_pandas():
    code = "import sys, graders.classgrade; sys.exit('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], env=env()).returncode == 0


CLASS_GRADING = ("accounts", "canary", "classgrade", "contract", "course", "grader", "guard", "kernel/integrity", "interrupt",
                 "job", "kernels", "merge", "mounts", "preflight", "results", "sandbox")


@pytest.mark.parametrize("module", CLASS_GRADING)
def test_grading_modules_are_small(module):
    import ast
    text = (ROOT / "graders" / f"{module}.py").read_text()
    assert len(text.splitlines()) <= 300
    long = [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)" for n in ast.walk(ast.parse(text))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60]
    assert not long, long


def test_canary_is_the_release_with_and_without_the_reference(tmp_path):
    from graders.canary import CanaryError, submissions
    from graders.contract import CANARY_BLANK, CANARY_REFERENCE
    ref, blank = submissions(ROOT, "week-01", ["week-01"])
    assert (ref.student, blank.student) == (CANARY_REFERENCE, CANARY_BLANK)
    assert blank.notebooks["week-01"].notebook == nbformat.read(RELEASE, as_version=4)
    sources = {c.metadata["nbgrader"]["grade_id"]: c.source for c in ref.notebooks["week-01"].notebook.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    assert sources and not any("NotImplementedError" in s or "YOUR ANSWER HERE" in s for s in sources.values())
    with pytest.raises(CanaryError, match="generate_assignment"):
        submissions(tmp_path, "week-01", ["week-01"])


def test_canary_names_the_folder_the_sandbox_cannot_read():
    import shutil
    import tempfile
    from pathlib import Path

    from graders.canary import blocked_folder
    tmp_path = Path(tempfile.mkdtemp(dir="/tmp"))
    private = tmp_path / "home" / "teacher"
    (private / "course" / "graders").mkdir(parents=True)
    for p in (tmp_path, tmp_path / "home", private / "course", private / "course" / "graders"):
        p.chmod(0o755)
    private.chmod(0o700)
    try:
        assert blocked_folder(str(private / "course"), namespace=False).startswith(f"{private} (mode 700)")
        assert blocked_folder(str(tmp_path / "home"), namespace=False) is None
    finally:
        shutil.rmtree(tmp_path)


def _flaky_kernelspec(tmp_path, monkeypatch) -> str:
    """A kernelspec whose first kernel dies at once (as one that lost its port to another grader)."""
    marker = tmp_path / "first-start-done"
    launcher = tmp_path / "flaky_kernel.py"
    launcher.write_text(
        "import os, sys\n"
        f"marker = {str(marker)!r}\n"
        "if not os.path.exists(marker):\n"
        "    open(marker, 'w').close()\n"
        "    sys.exit('zmq.error.ZMQError: Address already in use')\n"
        "os.execv(sys.executable, [sys.executable, '-m', 'ipykernel_launcher', '-f', sys.argv[1]])\n")
    spec = tmp_path / "share" / "kernels" / "flaky"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": [sys.executable, str(launcher), "{connection_file}"], "display_name": "flaky", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share"))
    return "flaky"


@pytest.mark.parametrize("attempts, starts", [(3, True), (1, False)])
def test_a_kernel_that_does_not_come_up_is_replaced_before_any_learner_code_runs(tmp_path, monkeypatch, attempts,
                                                                                 starts):
    from graders.guard import GuardedExecute
    name = _flaky_kernelspec(tmp_path, monkeypatch)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    ep = GuardedExecute(kernel_name=name, timeout=60, startup_timeout=30, start_attempts=attempts, integrity=False)
    if starts:
        ep.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
        assert nb.cells[0].outputs[0]["text"] == "42\n"
    else:
        with pytest.raises(RuntimeError, match="died"):
            ep.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
