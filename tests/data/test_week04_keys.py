"""Week 4's answer key (tests/keys/environments.json, written by the generator) agrees with what the
instructor notebook computes: its solution functions (from source/week-04) run on the data.

The notebook never reads the key; a change to the data or to the reference answers that breaks the
planted story fails here, not in a learner's grade.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import reference_answers, source_notebook

REPO = Path(__file__).resolve().parents[2]
KEY = json.loads((REPO / "tests" / "keys" / "environments.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def week4():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    mp.setenv("MPLBACKEND", "Agg")
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source_notebook("week-04").cells}
    answers = reference_answers("week-04")
    ns: dict = {}
    for gid in ("setup", "lab-2-constants", "ex-10-defaults"):
        exec(cells[gid], ns)
    for gid in ("ex-6-answer", "ex-8-answer", "ex-13-answer"):
        exec(answers[gid], ns)
    yield ns
    mp.undo()


def test_pods_the_default_limit_makes_invalid_are_the_keys(week4):
    pods = week4["pods"]
    assert week4["DEFAULT_LIMIT"] == {"memory": "512Mi"}
    everywhere = set(pods["cluster"] + "/" + pods["namespace"])
    no_quotas = pd.DataFrame({"cluster": [], "namespace": [], "cpu_cores": [], "memory_gib": []}).astype(
        {"cluster": str, "namespace": str, "cpu_cores": float, "memory_gib": float})
    refused = week4["rejected_pods"](pods, no_quotas, everywhere)
    assert set(refused["reason"]) == {"invalid"}
    assert sorted(refused["pod"]) == sorted(KEY["pods_invalid_under_512Mi_default_limit"])
    assert week4["rejected_pods"](pods, no_quotas, set()).empty, "without LimitRanges no pod of the day is invalid"


def test_previews_alive_at_the_end_are_the_leaked_and_the_open_ones(week4):
    prs = week4["prs"]
    end = pd.DatetimeIndex([week4["HISTORY_END"]])
    alive = int(week4["concurrent_previews"](prs, end).iloc[0])
    still_open = int((prs["preview_created_at"].notna() & prs["state"].eq("open")).sum())
    assert alive == len(KEY["leaked_preview_prs"]) + still_open
    assert str(week4["PREVIEW_LAUNCH"].date()) == KEY["preview_launch"]


# --- Exercise 10's artifact check: the tool's message, the learner's line, one clear message each.

@pytest.fixture(scope="module")
def tenant(week4):
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source_notebook("week-04").cells}
    ns = dict(week4)
    exec(cells["ex-10-defaults"], ns)
    exec(reference_answers("week-04")["ex-10-answer"], ns)
    return ns


def test_the_reference_tenant_is_valid_for_kubernetes(tenant):
    assert tenant["check_tenant_yaml"](tenant["TENANT_YAML"]) == []


def test_an_unknown_field_is_quoted_with_the_tools_message_and_the_line(tenant):
    text = tenant["TENANT_YAML"].replace("    default:\n", "    defaults:\n")
    problems = tenant["check_tenant_yaml"](text)
    line = 1 + text.splitlines().index("    defaults:")
    assert len(problems) == 1
    assert "'defaults' was unexpected" in problems[0] and f"line {line}: 'defaults:'" in problems[0], problems


def test_a_value_of_the_wrong_type_names_its_path(tenant):
    text = tenant["TENANT_YAML"].replace("    requests.memory: 32Gi", "    requests.memory: [32Gi]")
    problems = tenant["check_tenant_yaml"](text)
    assert len(problems) == 1 and "spec.hard.requests.memory" in problems[0] and "line 9" in problems[0], problems


def test_yaml_that_does_not_parse_gives_one_message_with_its_line(tenant):
    problems = tenant["check_tenant_yaml"]("apiVersion: v1\nkind: [ResourceQuota\n")
    assert len(problems) == 1 and problems[0].startswith("the YAML does not parse") and "line" in problems[0], problems


def test_a_missing_tool_names_the_install_command(tenant, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "kubernetes_validate", None)
    tenant["_checked"].clear()
    problems = tenant["check_tenant_yaml"]("apiVersion: v1\nkind: LimitRange\n")
    assert problems == ["kubernetes-validate is not installed: run `make install` in the course folder "
                        "(or `pip install kubernetes-validate==1.37.0`)."]


def test_the_two_admission_replays_agree_on_the_days_pods(week4, monkeypatch):
    """Exercise 13's reference and Exercise 10's grading replay are two hand-written models of the
    same admission chain; on every pod of the course's day, with the draft LimitRange and no quota,
    both make exactly the key's pods invalid (the API server itself cannot run here)."""
    import graders.hidden
    monkeypatch.setattr(graders.hidden, "expect", type("Quiet", (), {"value": staticmethod(lambda *a, **k: None)})())
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source_notebook("week-04").cells}
    ns = dict(week4)
    exec(cells["ex-10-defaults"], ns)
    ns["TENANT_YAML"] = ("apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: team-defaults\n  namespace: checkout\n"
                         "spec:\n  limits:\n  - type: Container\n    defaultRequest:\n      cpu: 100m\n      memory: 128Mi\n"
                         "    default:\n      memory: 512Mi\n")
    exec(cells["ex-10-hidden"], ns)
    pods = week4["pods"].fillna("")
    invalid = {p["pod"] for p in pods.to_dict("records") if "is invalid" in ns["_admit"]([p])}
    assert invalid == set(KEY["pods_invalid_under_512Mi_default_limit"])
