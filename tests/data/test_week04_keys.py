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
