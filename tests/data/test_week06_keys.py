"""Week 6's answer keys (tests/keys/) agree with what the instructor's notebook computes.

The notebook never reads the keys. This test runs the instructor's solution functions (from
source/week-06) on the committed data and compares them with the keys the generator wrote, so a
change to the data, the generator or the reference answers that breaks the story fails here:

- gitops_drift.json: Exercise 1's classify_drift labels every application as the key does;
- canary_verdicts.json: Exercise 3's canary_passes (the course's judge) gives the key's verdict for
  every run, every planted regression fails, and a run passes exactly when the key lists no High
  metric for it;
- slo_episodes.json: Exercise 6's burn rates, with the SRE Workbook's thresholds (Reading 4's
  table), page during every episode the key marks "page", open a ticket and no page during every
  "ticket" episode, and raise nothing during a "none" episode.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import reference_answers, source_notebook

REPO = Path(__file__).resolve().parents[2]
KEYS = REPO / "tests" / "keys"


def _key(name: str):
    return json.loads((KEYS / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def week6():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    mp.setenv("MPLBACKEND", "Agg")
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source_notebook("week-06").cells}
    answers = reference_answers("week-06")
    ns: dict = {}
    exec(cells["setup"], ns)
    exec(cells["lab-1-explore"], ns)
    exec(cells["lab-2-canary"].split("runs_to_show")[0], ns)  # the hodges_lehmann helper, not the figure
    for gid in ("ex-1-answer", "ex-3-answer", "ex-6-answer"):
        exec(answers[gid], ns)
    yield ns
    mp.undo()


def test_drift_key_is_what_exercise_1_computes(week6):
    got = week6["classify_drift"](week6["gitops_apps"], week6["gitops_fields"])
    assert {str(k): str(v) for k, v in got.items()} == _key("gitops_drift")["state"]


def test_canary_key_is_what_exercise_3_computes(week6):
    key = _key("canary_verdicts")
    got = week6["canary_passes"](week6["canary_samples"])
    assert {str(k): ("pass" if v else "fail") for k, v in got.items()} == key["verdict"]
    # the judge fails every planted regression, and a run fails exactly when some metric is High
    assert all(key["verdict"][run] == "fail" for run in key["regressed_metric"])
    assert {run for run, v in key["verdict"].items() if v == "fail"} == set(key["high_metrics"])
    for run, metric in key["regressed_metric"].items():
        assert metric in key["high_metrics"][run]


def test_slo_episode_key_is_what_exercise_6_computes(week6):
    slo, services = week6["slo_requests"], week6["services"]
    target = services.set_index("service_id")["slo_availability_pct"] / 100
    for ep in _key("slo_episodes"):
        one = slo[slo["service_id"] == ep["service_id"]].sort_values("minute").reset_index(drop=True)
        rate = {w: week6["burn_rate"](one, float(target[ep["service_id"]]), w) for w in (5, 30, 60, 360, 4320)}
        page = ((rate[60] > 14.4) & (rate[5] > 14.4)) | ((rate[360] > 6) & (rate[30] > 6))
        ticket = (rate[4320] > 1) & (rate[360] > 1)
        during = (page.index >= pd.Timestamp(ep["start"])) & (page.index < pd.Timestamp(ep["end"]))
        raised = ("page" if page[during].any() else "ticket" if ticket[during].any() else "none")
        assert raised == ep["expected_alert"], ep
