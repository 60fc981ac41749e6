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


# --- Invariants added by the truth pass (content review D-1, D-5, D-6; F-1, F-13). Each failed on
# the data before the generator was corrected.

def test_previews_live_until_their_pull_request_closes():
    """No TTL was in force: the pipeline destroys a preview after its pull request closes, never
    while it is open (the old data destroyed 415 previews at +72 h with their pull request open)."""
    prs = data.load("pull_requests")
    env = prs[prs["preview_created_at"].notna()]
    destroyed = env[env["preview_destroyed_at"].notna()]
    assert destroyed["closed_at"].notna().all(), "a preview of an open pull request was destroyed"
    assert (destroyed["preview_destroyed_at"] > destroyed["closed_at"]).all()
    delay = (destroyed["preview_destroyed_at"] - destroyed["closed_at"]).dt.total_seconds()
    assert delay.max() <= 3600, "the close pipeline destroys a preview within the hour"
    assert delay.nunique() > 100, "destroy delays vary (the old data: exactly 5 minutes on every row)"
    still = env[env["preview_destroyed_at"].isna()]
    assert (still["state"].eq("open") | still["pr_id"].isin(key("environments")["leaked_preview_prs"])).all()


# When the line of each tool the golden images carry was first released (project release notes).
# A 2026.08 image carries lines at most 13 months old, except the long-lived lines a platform team
# keeps on purpose (language runtimes on their long-term support line, Maven 3.9).
RELEASED = {("git", "2.51"): "2025-08", ("kubectl", "1.34"): "2025-08", ("helm", "3.19"): "2025-09",
            ("pre-commit", "4.3"): "2025-08", ("go", "1.25"): "2025-08", ("golangci-lint", "2.4"): "2025-08",
            ("uv", "0.8"): "2025-07", ("pnpm", "10.15"): "2025-08", ("gradle", "9.0"): "2025-07",
            ("bundler", "2.7"): "2025-07"}
LONG_LIVED = {"jdk", "python", "node", "ruby", "maven"}


def test_golden_images_carry_the_tools_of_their_tag():
    golden, tools = data.load("golden_images"), data.load("golden_tools")
    tags = golden["image"].str.rsplit(":", n=1).str[1].unique()
    assert list(tags) == ["2026.08"]
    built = pd.Timestamp("2026-08-01")
    current = tools[~tools["tool"].isin(LONG_LIVED)]
    for tool, version in zip(current["tool"], current["version"]):
        assert (tool, version) in RELEASED, f"{tool} {version}: line older than the table (2024 toolchains in a 2026.08 image)"
        assert built - pd.Timestamp(RELEASED[tool, version]) <= pd.Timedelta(days=13 * 31)
    for text in golden["lifecycle_commands"]:
        commands = json.loads(text)
        assert commands["onCreateCommand"] != commands["updateContentCommand"], \
            "the dependency download belongs in updateContentCommand only: onCreateCommand runs before it on creation"


def _quantity(text: str) -> float:
    factor = {"Mi": 2 ** 20, "Gi": 2 ** 30, "M": 1e6, "G": 1e9, "m": 1e-3, "": 1.0}
    match = re.fullmatch(r"([0-9.]+)(Mi|Gi|M|G|m|)", text)
    return float(match.group(1)) * factor[match.group(2)]


def test_pods_state_limits_and_a_512Mi_default_limit_would_break_some():
    """Pods carry the limits their manifests set: never below their own request; some set only a
    limit (the API server makes it the request); and the pods that request more than 512Mi with no
    memory limit of their own are exactly the key's (a LimitRange default of 512Mi makes them invalid)."""
    pods = data.load("pod_requests")
    assert {"cpu_limit", "memory_limit"} <= set(pods.columns)
    for res in ("cpu", "memory"):
        both = pods[pods[f"{res}_request"].notna() & pods[f"{res}_limit"].notna()]
        assert len(both) > 0
        assert (both[f"{res}_limit"].map(_quantity) >= both[f"{res}_request"].map(_quantity)).all()
        assert (pods[f"{res}_request"].isna() & pods[f"{res}_limit"].notna()).any(), f"no pod sets only a {res} limit"
    mem = pods["memory_request"].dropna().map(_quantity)
    bare = pods.loc[mem.index][pods.loc[mem.index, "memory_limit"].isna() & (mem > 512 * 2 ** 20)]
    assert sorted(bare["pod"]) == sorted(key("environments")["pods_invalid_under_512Mi_default_limit"])
    assert 10 < len(bare) < 0.25 * len(pods), "a few dozen pods, not a third of the day"
