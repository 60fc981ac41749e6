"""Week 5's reference policies find exactly the defects the generator planted (tests/keys/).

The notebook never reads the answer keys; this test runs the instructor's solution functions (from
source/week-05) on the data and compares them with the keys, so a change to the data or to the
policies that breaks the planted story fails here, not in a learner's grade.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import reference_answers, source_notebook

REPO = Path(__file__).resolve().parents[2]
KEYS = REPO / "tests" / "keys"


@pytest.fixture(scope="module")
def week5(monkeypatch_module):
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source_notebook("week-05").cells}
    answers = reference_answers("week-05")
    ns: dict = {}
    for gid in ("setup", "lab-1-schema", "lab-2-policies"):
        exec(cells[gid], ns)
    for gid in ("ex-4-answer", "ex-5-answer"):
        exec(answers[gid], ns)
    return ns


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    mp.setenv("MPLBACKEND", "Agg")
    yield mp
    mp.undo()


def test_manifest_rules_find_the_planted_violations(week5):
    key = json.loads((KEYS / "manifest_violations.json").read_text(encoding="utf-8"))
    found: dict[str, set] = {}
    for path, doc in zip(week5["manifests"]["file"], week5["manifests"]["doc"]):
        found.setdefault(path, set()).update(v["rule"] for v in week5["evaluate_manifest"](doc))
    assert found == {path: {v["rule"] for v in vs} for path, vs in key.items()}


def test_request_policies_find_the_human_slips(week5):
    key = json.loads((KEYS / "infra_requests.json").read_text(encoding="utf-8"))
    assert week5["ALLOWED_REGIONS"] == key["allowed_regions"]
    requests = week5["requests"]
    broken = week5["request_violations"](requests)
    approved = set(requests.loc[requests["decision"].isin(["approved", "auto-approved"]), "request_id"])
    planted = set(broken.loc[broken["rule"].isin(["cost-center-tag", "allowed-region"]), "request_id"]) & approved
    assert planted == set(key["policy_slips"])
