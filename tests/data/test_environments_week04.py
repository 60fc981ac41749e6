"""Week 4's data tell the story the notebook teaches: drift from the golden images exists and is
bounded, preview environments have a life cycle that runs forwards, leaked previews are the ones in
the answer key, the noisy neighbours are the planted ones, and pod requests are written as
Kubernetes quantities (with a few decimal-unit slips)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from workbook import data

REPO = Path(__file__).resolve().parents[2]
KEYS = REPO / "tests" / "keys"
QUANTITY = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]|[eE][+-]?\d+)?")


@pytest.fixture(scope="module", autouse=True)
def repo_data():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    yield
    mp.undo()


def key(name):
    return json.loads((KEYS / f"{name}.json").read_text(encoding="utf-8"))


def test_every_service_has_a_golden_image_and_some_drift():
    services, golden, tools, envs = (data.load(n) for n in ("services", "golden_images", "golden_tools", "dev_environments"))
    assert set(services["language"]) <= set(golden["language"]) == set(tools["language"])
    assert set(envs["service_id"]) <= set(services["service_id"])
    for text in golden["lifecycle_commands"]:
        assert set(json.loads(text)) <= {"initializeCommand", "onCreateCommand", "updateContentCommand",
                                         "postCreateCommand", "postStartCommand", "postAttachCommand"}
    wanted = services[["service_id", "language"]].merge(tools, on="language")
    joined = wanted.merge(envs, on=["service_id", "tool"], how="left", suffixes=("", "_installed"))
    drifted = joined[joined["version_installed"].ne(joined["version"])]["service_id"].nunique()
    assert 0.2 * len(services) < drifted < 0.6 * len(services)
    extras = envs.merge(wanted[["service_id", "tool"]], on=["service_id", "tool"], how="left", indicator=True)
    assert (extras["_merge"] == "left_only").any(), "some set-ups carry tools the golden image does not (not drift)"


def test_preview_life_cycle_runs_forwards_and_leaks_match_the_key():
    prs = data.load("pull_requests")
    env = prs[prs["preview_created_at"].notna()]
    assert env["preview_ready_at"].notna().all() and (env["preview_ready_at"] > env["preview_created_at"]).all()
    assert (env["preview_created_at"] > env["opened_at"]).all()
    assert prs.loc[prs["preview_created_at"].isna(), "preview_ready_at"].isna().all()
    minutes = (env["preview_ready_at"] - env["opened_at"]).dt.total_seconds() / 60
    assert minutes.mean() > minutes.median() * 1.1, "time to ready is skewed: the mean and the median differ"
    leaked = env[env["preview_destroyed_at"].isna() & env["state"].ne("open")]["pr_id"]
    assert sorted(leaked) == sorted(key("environments")["leaked_preview_prs"])
    launch = pd.Timestamp(key("environments")["preview_launch"], tz="UTC")
    assert (env["opened_at"] >= launch).all()


def test_noisy_neighbours_are_the_planted_teams():
    usage = data.load("namespace_usage")
    team = usage[~usage["shared"]]
    over = (team["cpu_usage_avg_cores"] > team["cpu_request_cores"]).groupby(team["namespace"]).mean()
    assert set(over[over >= 0.1].index) == set(key("org_design")["noisy_neighbour_teams"])


def test_pod_requests_are_kubernetes_quantities():
    pods = data.load("pod_requests")
    usage = data.load("namespace_usage")
    cpu, memory = pods["cpu_request"].dropna(), pods["memory_request"].dropna()
    assert cpu.map(lambda q: QUANTITY.fullmatch(q) is not None).all()
    assert memory.map(lambda q: QUANTITY.fullmatch(q) is not None).all()
    assert memory.str.endswith(("M", "G")).any() and memory.str.endswith(("Mi", "Gi")).any()
    assert 0 < pods["cpu_request"].isna().sum() < 0.2 * len(pods)
    teams = usage[~usage["shared"]][["cluster", "namespace"]].drop_duplicates()
    assert len(pods.merge(teams, on=["cluster", "namespace"])) == len(pods)
    assert pods["requested_at"].is_monotonic_increasing
