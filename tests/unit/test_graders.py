"""The check helpers teach: messages state the rule and a hint, never the expected value."""
import io
from contextlib import redirect_stdout

import nbformat
import numpy as np
import pandas as pd
import pytest

from graders import CheckFailed, call, check, check_frame, check_number, check_series, check_set, passed
from graders.feedback import HideHiddenTests

EXPECTED = pd.Series({"build": 2.5, "deploy": 26.75}, name="x")
RULE = "lead time is active + waiting minutes, in hours"


def test_series_minutes_for_hours_gets_a_unit_hint_and_no_expected_value():
    with pytest.raises(CheckFailed) as err:
        check_series(EXPECTED * 60, EXPECTED, "lead_time_hours", RULE, what="task")
    msg = str(err.value)
    assert "Rule: " + RULE in msg and "60 times too large" in msg and "minutes to hours" in msg
    assert "2.5" not in msg and "26.75" not in msg, "the expected values must not be shown"
    assert "150" in msg, "the learner's own value is shown"


def test_series_percentage_hint_and_index_messages():
    with pytest.raises(CheckFailed, match="percentage"):
        check_series(EXPECTED * 100, EXPECTED, "eff", "a fraction")
    with pytest.raises(CheckFailed, match="missing 1 task"):
        check_series(EXPECTED.iloc[:1], EXPECTED, "eff", "r", what="task")
    with pytest.raises(CheckFailed, match="expected a Series"):
        check_series(EXPECTED.to_frame(), EXPECTED, "eff", "r")
    check_series(EXPECTED.iloc[::-1] + 1e-12, EXPECTED, "eff", "r")  # order-free, tolerant


def test_lying_number_subclass_does_not_pass():
    class Liar(float):
        def __eq__(self, other):
            return True
        __hash__ = float.__hash__
    with pytest.raises(CheckFailed):
        check_number(Liar(1.0), 2.0, "x", "r")
    with pytest.raises(CheckFailed):
        check(np.array([True, True]), "x", "not a plain boolean")  # truthy objects are not True


def test_frame_order_and_values():
    exp = pd.DataFrame({"k": ["a", "b"], "v": [2.0, 1.0]})
    check_frame(exp.copy(), exp, "top", "r", key=["k"])
    with pytest.raises(CheckFailed, match="row 1 is 'b'"):
        check_frame(exp.iloc[::-1], exp, "top", "r", key=["k"])
    with pytest.raises(CheckFailed, match="has 1 rows, which is not the number asked for") as err:
        check_frame(exp.iloc[:1], exp, "top", "r", key=["k"])
    assert "2" not in str(err.value), "the expected row count is not shown"
    with pytest.raises(CheckFailed, match="column 'v' is wrong"):
        check_frame(exp.assign(v=[2.0, 5.0]), exp, "top", "r", key=["k"])


def test_set_and_call_messages():
    assert check_set(["a"], "p", {"a", "b"}) == frozenset({"a"})
    with pytest.raises(CheckFailed, match="unknown name"):
        check_set({"z"}, "p", {"a"})

    def stub():
        raise NotImplementedError()
    with pytest.raises(CheckFailed, match="not answered yet"):
        call(stub, name="stub")
    with pytest.raises(CheckFailed, match="raised ZeroDivisionError"):
        call(lambda: 1 / 0, name="f")


def test_passed_never_claims_all_tests_passed():
    out = io.StringIO()
    with redirect_stdout(out):
        passed("lead_time_hours")
    text = out.getvalue().lower()
    assert "all tests passed" not in text and "graded" in text


def test_feedback_preprocessor_strips_hidden_tests_and_tracebacks():
    cell = nbformat.v4.new_code_cell(
        "visible()\n### BEGIN HIDDEN TESTS\nsecret_reference = 42\n### END HIDDEN TESTS\n",
        metadata={"nbgrader": {"grade": True, "solution": False, "grade_id": "t", "points": 1, "locked": True}})
    cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue="f: wrong",
                                           traceback=["----> 3 secret_reference = 42", "CheckFailed: f: wrong"])]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb, _ = HideHiddenTests().preprocess(nb, {})
    assert "secret_reference" not in nbformat.writes(nb)
    assert nb.cells[0].outputs[0].traceback == ["CheckFailed: f: wrong"]
