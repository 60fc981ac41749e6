"""nbgrader's own validator: the instructor version passes, the blank student version fails every test.

`nbgrader validate` always exits 0, so the Python API is used (see shared nbgrader notes).
"""
import os

import pytest
from nbgrader.validator import Validator

from conftest import ROOT

pytestmark = pytest.mark.slow  # every test here executes a whole notebook


def _validate(path, invert=False):
    cwd = os.getcwd()
    os.chdir(path.parent)  # notebooks find their data/ beside them
    try:
        return Validator(invert=invert).validate(path.name)
    finally:
        os.chdir(cwd)


def test_source_passes_validation(assignment):
    result = _validate(ROOT / "source" / assignment / f"{assignment}.ipynb")
    assert result == {}, f"source/{assignment} fails nbgrader validate: {result}"


def test_every_test_fails_on_the_blank_release(assignment):
    result = _validate(ROOT / "release" / assignment / f"{assignment}.ipynb", invert=True)
    assert result == {}, f"these test cells pass on the blank student copy (they cannot discriminate): {result}"


def test_release_with_reference_answers_passes_validation(assignment, tmp_path):
    """What a learner with correct answers sees from the Validate button: success, no partial credit."""
    import shutil

    from conftest import fill, reference_answers
    copy = tmp_path / assignment
    shutil.copytree(ROOT / "release" / assignment, copy)
    fill(copy / f"{assignment}.ipynb", reference_answers(assignment))
    result = _validate(copy / f"{assignment}.ipynb")
    assert result == {}, f"a learner with the reference answers would not see success: {result}"
