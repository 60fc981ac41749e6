"""The hidden-check hand-over: what the learner's kernel emits (graders.hidden) and how the grader
side judges it (graders.compare). No kernel here: probes are built with the same encoder."""
from __future__ import annotations

import json
import re

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_output

from graders.compare import GraderFault, compare_cell, decode, judge_cell, probes_of
from graders.hidden import PROBE_MIME, encode


def probe(kind, label, value, rule="the rule", **opts):
    return {"kind": kind, "label": label, "rule": rule, "opts": opts, "value": encode(value)}


def cell_with(*probes, error=None):
    cell = new_code_cell("x", metadata={"nbgrader": {"grade": True, "grade_id": "ex-1-hidden", "solution": False,
                                                      "points": 2}})
    cell.outputs = [new_output("display_data", data={PROBE_MIME: json.dumps(p), "text/plain": "probe"}) for p in probes]
    if error:
        cell.outputs.append(new_output("error", ename="CheckFailed", evalue=error, traceback=[error]))
    return cell


SERIES = pd.Series([1.5, 2.0, 4.25], index=pd.Index(["a", "b", "c"], name="task_id"))


@pytest.mark.parametrize("value", [
    SERIES, SERIES.astype("float32"), pd.DataFrame({"team": ["x", "y"], "n": [1, 2], "v": [0.5, np.nan]}),
    {"a", "b"}, ["a", 1, 2.5, None], {"k": [1, 2]}, 3, 2.5, True, "text", None, np.float64(0.1), np.int64(7),
    pd.Series([pd.Timestamp("2026-01-02")]), pd.Series([], dtype=float),
])
def test_encode_decode_round_trip_is_plain_json(value):
    enc = json.loads(json.dumps(encode(value)))  # must survive JSON as it is
    dec = decode(enc)
    if isinstance(value, (pd.Series, pd.DataFrame)):
        assert type(dec) is type(value) and len(dec) == len(value)
    elif isinstance(value, set):
        assert dec == frozenset(value)
    elif value is not None and not isinstance(value, (list, dict)):
        assert dec == value or (isinstance(value, float) and np.isclose(dec, value))


def test_subclasses_cannot_change_what_is_compared():
    class Liar(float):
        def __eq__(self, other):
            return True

        def __float__(self):
            return 99.0

    assert decode(encode(Liar(1.0))) == 1.0
    assert compare_cell([probe("number", "x", Liar(1.0))], [probe("number", "x", 2.0)]) is not None


def test_unreadable_objects_are_named_not_trusted():
    class Weird:
        pass

    msg = compare_cell([probe("series", "lead_time_hours", Weird())], [probe("series", "lead_time_hours", SERIES)])
    assert "Weird" in msg and "expected a Series" in msg


def test_a_correct_series_passes_and_a_wrong_one_teaches_without_the_expected_value():
    ref = [probe("series", "lead_time_hours", SERIES, rule="sum of minutes / 60", what="task")]
    assert compare_cell([probe("series", "lead_time_hours", SERIES.copy())], ref) is None
    msg = compare_cell([probe("series", "lead_time_hours", SERIES * 60)], ref)
    assert "60 times too large" in msg and "sum of minutes / 60" in msg
    for v in SERIES:
        assert repr(float(v)) not in msg and f"{v:.6g}" not in msg.split("you have")[0]


def test_options_come_from_the_reference_never_from_the_learner():
    ref = [probe("number", "share", 0.5, rtol=1e-9)]
    forged = probe("number", "share", 0.9, rtol=1e9, atol=1e9)
    forged["kind"] = "lookup"
    assert compare_cell([forged], ref) is not None


def test_boolean_mismatch_never_names_the_expected_verdict():
    msg = compare_cell([probe("value", "is_valid('a--b')", False)], [probe("value", "is_valid('a--b')", True)])
    assert msg and "True" not in msg and "False" not in msg and " 1 " not in msg and " 0" not in msg


def test_sets_report_extras_but_not_the_missing_names():
    ref = [probe("set", "dangling", {"a", "b", "c"}, what="reference")]
    msg = compare_cell([probe("set", "dangling", {"a", "z"})], ref)
    assert "'z'" in msg and "2 reference(s) missing" in msg and "'b'" not in msg and "'c'" not in msg


def test_lookup_checks_the_bound_and_the_cheapest_choice():
    table = {"a": [0.9, 10], "b": [0.85, 7], "c": [0.7, 3], "d": [0.8, 7]}
    ref = [probe("lookup", "golden_path", {"key": "b", "table": table}, at_least=0.8, best="min")]

    def learner(key):
        return [probe("lookup", "golden_path", {"key": key, "table": {}})]

    assert compare_cell(learner("b"), ref) is None
    assert compare_cell(learner("d"), ref) is None  # exactly at the bound, and a tie on cost
    assert "does not meet" in compare_cell(learner("c"), ref)
    assert "cheaper" in compare_cell(learner("a"), ref)
    assert "not one of the options" in compare_cell(learner("zzz"), ref)


def test_missing_extra_or_malformed_probes_fail_the_learner():
    ref = [probe("number", "x", 1.0)]
    assert "did not run" in compare_cell([], ref)
    assert "received 2" in compare_cell([probe("number", "x", 1.0)] * 2, ref)
    assert "could not be read" in compare_cell([{"bad": True}], ref)
    bad = probe("number", "x", 1.0)
    bad["value"] = {"type": "frame", "columns": ["a"], "data": None, "index": []}
    assert "could not be read" in compare_cell([bad], ref)


def test_judge_cell_replaces_probes_by_the_verdict():
    ref = [probe("number", "x", 1.0)]
    ok = cell_with(probe("number", "x", 1.0))
    judge_cell(ok, ref)
    assert [o.output_type for o in ok.outputs] == ["stream"] and "passed" in ok.outputs[0].text
    bad = cell_with(probe("number", "x", 3.0))
    judge_cell(bad, ref)
    assert [o.output_type for o in bad.outputs] == ["error"] and not probes_of(bad)
    errored = cell_with(probe("number", "x", 1.0), error="x: raised ValueError")
    judge_cell(errored, ref)
    assert [o.output_type for o in errored.outputs] == ["error"]
    extra = cell_with(probe("number", "x", 1.0))  # a visible-only cell (no reference probes) that got one
    judge_cell(extra, [])
    assert extra.outputs[-1].output_type == "error"


def test_a_cell_missing_from_the_reference_is_the_graders_fault():
    with pytest.raises(GraderFault, match="make release"):
        judge_cell(cell_with(probe("number", "x", 1.0)), None)


def test_release_notebooks_emit_no_probes_and_hold_no_expect_calls():
    from conftest import ROOT

    released = sorted((ROOT / "release").glob("*/*.ipynb"))
    assert released
    for path in released:
        assignment, text = path.parent.name, path.read_text()
        nb = nbformat.reads(text, as_version=4)
        assert not re.search(r"expect\.(number|series|frame|set|value|lookup)\(", text), assignment
        assert PROBE_MIME not in text, assignment
        assert all(not probes_of(c) for c in nb.cells if c.cell_type == "code")


def test_explanations_reach_feedback_pass_or_fail():
    ref = [probe("value", "Question 3", "c", explain="Four Keys counts distinct deployments.")]
    for answer in ("c", "a"):
        cell = cell_with(probe("value", "Question 3", answer))
        judge_cell(cell, ref)
        assert "Four Keys counts distinct deployments." in cell.outputs[0].text
    assert cell.outputs[-1].output_type == "error" and "'a'" in cell.outputs[-1].evalue
