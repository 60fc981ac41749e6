"""Fast checks of classgrade's parts that need no kernel: preflight, exit codes, the lying-number
hardening of graders.checks. The full pipeline is exercised by tests/pipeline/test_hostile.py."""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT, env
from graders import checks
from graders.classgrade import preflight

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
    nb, failed, _ = preflight(tmp_path, "week-01", RELEASE)
    assert nb is None and reason in failed[0]


def test_preflight_puts_back_deleted_test_cells(tmp_path):
    nb = nbformat.read(RELEASE, as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "ex-2-hidden"]
    tmp_path.mkdir(exist_ok=True)
    nbformat.write(nb, tmp_path / "week-01.ipynb")
    fixed, failed, flags = preflight(tmp_path, "week-01", RELEASE)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in fixed.cells]
    assert not failed and "ex-2-hidden" in ids and ids.index("ex-2-hidden") == ids.index("ex-2-visible") + 1
    assert any("deleted test cell(s) ex-2-hidden" in f for f in flags)


def test_untouched_release_passes_preflight(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "week-01.ipynb").write_bytes(RELEASE.read_bytes())
    nb, failed, flags = preflight(tmp_path, "week-01", RELEASE)
    assert nb is not None and not failed and not flags


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
