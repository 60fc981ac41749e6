"""Week 5's reference answers find exactly the defects the generator planted (tests/keys/), and the
data the week reads keeps its invariants.

The notebook never reads the answer keys; these tests run the instructor's cells (from
source/week-05) on the data and compare them with the keys, so a change to the data or to the
reference answers that breaks the planted story fails here, not in a learner's grade.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import reference_answers, source_notebook

REPO = Path(__file__).resolve().parents[2]
KEYS = REPO / "tests" / "keys"
RULE_OF_POLICY = {"required-labels": "required-labels", "image-tags": "disallowed-tags", "container-limits": "container-limits"}


@pytest.fixture(scope="module")
def week5(monkeypatch_module):
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source_notebook("week-05").cells}
    answers = reference_answers("week-05")
    ns: dict = {}
    for gid in ("setup", "lab-1-schema", "lab-2-policies", "lab-2-evaluator"):
        exec(cells[gid], ns)
    for gid in ("ex-4-answer", "ex-5-answer", "ex-11-answer"):
        exec(answers[gid], ns)
    return ns


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    mp.setenv("MPLBACKEND", "Agg")
    yield mp
    mp.undo()


def test_admission_policies_find_the_planted_violations(week5):
    """The reference ValidatingAdmissionPolicies, run by the notebook's evaluator, fail exactly the planted
    rules of each manifest file; nothing is denied for a rule it does not break."""
    key = json.loads((KEYS / "manifest_violations.json").read_text(encoding="utf-8"))
    policies = week5["admission_policies"]()
    found: dict[str, set] = {}
    for path, doc in zip(week5["manifests"]["file"], week5["manifests"]["doc"]):
        result = week5["admit"](policies, doc)
        names = {m.split("'")[1] for m in result["denied"] + result["warnings"]}
        found.setdefault(path, set()).update(RULE_OF_POLICY[n] for n in names)
    assert found == {path: {v["rule"] for v in vs} for path, vs in key.items()}


def test_request_policies_find_the_human_slips(week5):
    key = json.loads((KEYS / "infra_requests.json").read_text(encoding="utf-8"))
    assert week5["ALLOWED_REGIONS"] == key["allowed_regions"]
    requests = week5["requests"]
    broken = week5["request_violations"](requests)
    approved = set(requests.loc[requests["decision"].isin(["approved", "auto-approved"]), "request_id"])
    planted = set(broken.loc[broken["rule"].isin(["cost-center-tag", "allowed-region"]), "request_id"]) & approved
    assert planted == set(key["policy_slips"])


def test_approved_over_the_ceiling_broke_no_rule_of_the_time(week5):
    """F-12: requests approved above today's cost ceiling were reviewed by a person under the rules of the
    time; the lab counts them apart from the policy slips."""
    key = json.loads((KEYS / "infra_requests.json").read_text(encoding="utf-8"))
    requests = week5["requests"]
    broken = week5["request_violations"](requests)
    over = set(broken.loc[broken["rule"].eq("cost-ceiling"), "request_id"]) - set(key["policy_slips"])
    decided = requests.set_index("request_id").loc[sorted(over)]
    assert len(over) > 0
    assert set(decided["decision"]) <= {"approved", "rejected"}
    assert set(decided["size"]) <= {"large", "xlarge"}  # large and xlarge always went to a person


def test_the_anomaly_the_reference_finds_is_the_planted_one(week5):
    key = json.loads((KEYS / "focus_bill.json").read_text(encoding="utf-8"))["anomaly"]
    found = week5["cost_anomalies"](week5["bill"])
    assert set(found["ResourceId"]) == {key["resource_id"]}
    assert sorted(found["date"].astype(str)) == [str(d.date()) for d in pd.date_range(key["date"], periods=key["days"])]


def people_outside_working_hours(requests: pd.DataFrame, teams: pd.DataFrame) -> pd.DataFrame:
    """Decisions taken by a person (approved or rejected) outside 09:00-18:00, Monday to Friday, in the time
    zone of the team that decides them (cloud-foundations)."""
    from datagen.environments import APPROVER_HOURS, APPROVER_TEAM

    tz = teams.set_index("team_id").loc[APPROVER_TEAM, "time_zone"]
    people = requests[requests["decision"].isin(["approved", "rejected"])]
    local = people["decided_at"].dt.tz_convert(tz)
    hour = local.dt.hour + local.dt.minute / 60
    inside = (local.dt.day_of_week < 5) & (hour >= APPROVER_HOURS[0]) & (hour < APPROVER_HOURS[1])
    return people[~inside]


def test_approvals_by_people_fall_in_the_approvers_working_hours(week5):
    """D-2: a person in cloud-foundations decides in its own working hours, not at night or at weekends;
    the platform's automatic decisions come at any hour."""
    requests, teams = week5["requests"], week5["teams"]
    assert people_outside_working_hours(requests, teams).empty
    waits = (requests["decided_at"] - requests["requested_at"]).dt.total_seconds() / 3600
    manual = requests["decision"].ne("auto-approved")
    assert 12 < waits[manual].median() < 36  # "about a day"
    assert (waits >= 0).all()
    night = requests.copy()  # negative control: the data before the repair had decisions at 03:00 UTC
    first = night.index[manual][0]
    night.loc[first, "decided_at"] = night.loc[first, "decided_at"].normalize() + pd.Timedelta(hours=3)
    assert len(people_outside_working_hours(night, teams)) == 1
