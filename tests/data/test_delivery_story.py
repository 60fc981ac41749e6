"""The delivery datasets tell one story: what a learner computes from one table agrees with the others.

- the SLO services' error-budget alerts are exactly the firings of the multiwindow, multi-burn-rate
  rule on their per-minute counts, and each page opened an incident detected by alert;
- no incident of those services claims an alert detected it when no alert had fired;
- a deployment lists its changes oldest first, so head_commit is the newest;
- no commit predates its service's repository;
- a failed attempt carries the same changes as a later successful retry;
- team delivery performance is continuous (no four tight clusters);
- the golden-path pipeline is adopted once per team and shortens lead time.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from workbook import data

REPO = Path(__file__).resolve().parents[2]
SLO_WINDOW = (pd.Timestamp("2026-08-01", tz="UTC"), pd.Timestamp("2026-08-31", tz="UTC"))
RULES = {"page": [(60, 5, 14.4), (360, 30, 6.0)], "ticket": [(4320, 360, 1.0)]}  # SRE Workbook, ch. 5


@pytest.fixture(scope="module", autouse=True)
def repo_data():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    yield
    mp.undo()


@pytest.fixture(scope="module")
def t():
    names = ["services", "commits", "deployments", "incidents", "alerts", "slo_requests"]
    return {n: data.load(n) for n in names}


def firings(one: pd.DataFrame, target: float) -> dict[str, list[tuple]]:
    """(first minute, last minute) of every stretch where a severity's rule holds: computed here,
    independently of the generator, from the per-minute counts."""
    one = one.sort_values("minute").set_index("minute")
    burn = {w: (r["errors"] / r["requests"]) / (1 - target)
            for w in (5, 30, 60, 360, 4320) for r in [one[["errors", "requests"]].rolling(w).sum()]}
    out = {}
    for severity, pairs in RULES.items():
        on = np.zeros(len(one), dtype=bool)
        for long_w, short_w, threshold in pairs:
            on |= ((burn[long_w] > threshold) & (burn[short_w] > threshold)).to_numpy()
        edge = np.diff(np.r_[0, on.astype(int), 0])
        out[severity] = [(one.index[a], one.index[b - 1]) for a, b in zip(np.flatnonzero(edge == 1), np.flatnonzero(edge == -1))]
    return out


def test_slo_alerts_are_the_burn_rule_firings(t):
    slo, alerts = t["slo_requests"], t["alerts"]
    target = t["services"].set_index("service_id")["slo_availability_pct"] / 100
    budget_alerts = alerts[alerts["alertname"] == "ErrorBudgetBurn"]
    assert set(budget_alerts["service_id"]) == set(slo["service_id"])
    pages = 0
    for sid, one in slo.groupby("service_id"):
        fired = firings(one, float(target[sid]))
        for severity, runs in fired.items():
            mine = budget_alerts[(budget_alerts["service_id"] == sid) & (budget_alerts["severity"] == severity)]
            got = sorted(zip(mine["fired_at"], mine["resolved_at"]))
            want = [(a, b + pd.Timedelta(minutes=1)) for a, b in runs]
            assert got == want, (sid, severity)
        pages += len(fired["page"])
    assert pages >= 4, "the planted burn episodes should page"


def test_planted_bursts_page_and_open_incidents(t):
    alerts, inc = t["alerts"], t["incidents"]
    pages = alerts[(alerts["alertname"] == "ErrorBudgetBurn") & (alerts["severity"] == "page")]
    for day, sid in (("2026-08-06", "checkout-api"), ("2026-08-13", "checkout-api"), ("2026-08-27", "checkout-api"),
                     ("2026-08-17", "search-api")):
        page = pages[(pages["service_id"] == sid) & (pages["fired_at"].dt.strftime("%Y-%m-%d") == day)]
        assert len(page) == 1, (sid, day)
        opened = inc[(inc["service_id"] == sid) & (inc["detected_by"] == "alert")
                     & inc["created_at"].between(page["fired_at"].iloc[0], page["fired_at"].iloc[0] + pd.Timedelta(hours=1))]
        assert len(opened) >= 1, (sid, day)


def test_no_error_rate_page_while_errors_are_normal(t):
    alerts, slo = t["alerts"], t["slo_requests"]
    in_window = alerts["fired_at"].between(*SLO_WINDOW) & alerts["service_id"].isin(slo["service_id"].unique())
    assert not (in_window & alerts["alertname"].eq("HighErrorRate")).any(), \
        "the SLO services' error-rate alerts come from their counts (ErrorBudgetBurn), not at random"


def test_alert_detected_incidents_follow_an_alert(t):
    inc, alerts, slo = t["incidents"], t["alerts"], t["slo_requests"]
    pages = alerts[(alerts["alertname"] == "ErrorBudgetBurn") & (alerts["severity"] == "page")]
    mine = inc[inc["service_id"].isin(slo["service_id"].unique()) & inc["created_at"].between(*SLO_WINDOW)
               & (inc["detected_by"] == "alert")]
    assert len(mine) >= 4
    for _, row in mine.iterrows():
        before = pages[(pages["service_id"] == row["service_id"]) & (pages["fired_at"] <= row["created_at"])
                       & (pages["fired_at"] >= row["created_at"] - pd.Timedelta(hours=1))]
        assert len(before) >= 1, row["incident_id"]


def test_head_commit_is_the_newest_change(t):
    dep, commits = t["deployments"], t["commits"]
    when = commits.set_index("sha")["committed_at"]
    multi = dep[dep["commit_count"] > 1]
    assert len(multi) > 100
    pairs = multi.assign(sha=multi["changes"].str.split()).explode("sha")
    pairs["t"] = pairs["sha"].map(when)
    newest = pairs.groupby("deployment_id")["t"].max()
    head_t = multi.set_index("deployment_id")["head_commit"].map(when)
    assert (head_t == newest.reindex(head_t.index)).all()
    listed = pairs.groupby("deployment_id")["t"].apply(lambda s: s.is_monotonic_increasing)
    assert listed.all(), "changes are listed oldest first"


def test_no_commit_predates_its_service(t):
    created = pd.to_datetime(t["services"].set_index("service_id")["created_on"]).dt.tz_localize("UTC")
    c = t["commits"]
    assert (c["committed_at"] >= c["service_id"].map(created)).all()


def test_failed_attempts_carry_the_changes_of_a_later_success(t):
    dep = t["deployments"]
    ok = dep[dep["status"] == "success"]
    failed = dep[dep["status"] == "failure"]
    assert len(failed) > 0
    retry = failed.merge(ok, on=["service_id", "changes"], suffixes=("", "_ok"))
    assert retry["deployment_id"].nunique() == len(failed)
    assert (retry["deployed_at_ok"] > retry["deployed_at"]).all()
    assert (ok.loc[ok["trigger"] == "rollback", "changes"].fillna("") == "").all()
    assert (ok.loc[ok["trigger"] == "hotfix", "commit_count"] == 1).all()


def test_remediation_values_are_listed_once():
    desc = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    alerts = next(r for r in desc["resources"] if r["name"] == "alerts")
    values = next(f for f in alerts["schema"]["fields"] if f["name"] == "remediation")["constraints"]["enum"]
    assert len(values) == len(set(values)) and "none" in values


def lead_by_team(t) -> pd.Series:
    dep, commits = t["deployments"], t["commits"]
    ok = dep[dep["status"] == "success"]
    p = ok.assign(sha=ok["changes"].str.split()).explode("sha").dropna(subset=["sha"]).merge(commits[["sha", "committed_at"]], on="sha")
    hours = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    return hours.groupby(p["service_id"].map(t["services"].set_index("service_id")["team_id"])).median()


def test_team_performance_is_continuous(t):
    lead = lead_by_team(t)
    logs = np.sort(np.log10(lead.to_numpy()))
    assert len(logs) >= 30
    # four tiers drawn as four values would leave gaps of about a decade between tight clusters;
    # continuous performance leaves no gap above 0.6 decades between neighbours (the extremes aside)
    assert np.diff(logs[1:-1]).max() < 0.6
    assert logs[-1] - logs[0] > 3, "teams still span elite to low"
    tier = lead.index.map(json.loads((REPO / "tests" / "keys" / "org_design.json").read_text())["dora_profile"])
    spread = np.log10(lead).groupby(tier).agg(lambda s: s.max() - s.min())
    assert (spread[lead.groupby(tier).size() >= 3] > 0.4).all(), "teams of one tier differ"


def test_golden_path_adoption_is_one_switch_per_team_and_shortens_lead_time(t):
    dep = t["deployments"]
    team = dep["service_id"].map(t["services"].set_index("service_id")["team_id"])
    first_golden = dep[dep["pipeline"] == "golden-path"].groupby(team)["deployed_at"].min()
    last_legacy = dep[dep["pipeline"] == "legacy"].groupby(team)["deployed_at"].max()
    both = first_golden.index.intersection(last_legacy.index)
    assert (last_legacy[both] < first_golden[both]).all(), "a team does not switch back"
    share = (dep["pipeline"] == "golden-path").mean()
    assert 0.2 < share < 0.8
    ok = dep[(dep["status"] == "success") & (dep["commit_count"] > 0)]
    p = ok.assign(sha=ok["changes"].str.split()).explode("sha").merge(t["commits"][["sha", "committed_at"]], on="sha")
    p["h"] = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    p["team"] = p["service_id"].map(t["services"].set_index("service_id")["team_id"])
    per = p.groupby(["team", "pipeline"])["h"].median().unstack().dropna()
    ratio = (per["legacy"] / per["golden-path"]).median()
    assert 1.3 < ratio < 4, "the golden path helps, but nowhere near tenfold"


def test_gitops_drift_follows_from_the_tables():
    apps, fields = data.load("gitops_apps"), data.load("gitops_fields")
    planted = json.loads((REPO / "tests" / "keys" / "gitops_drift.json").read_text())["state"]
    a = apps.set_index("app")
    differs = (fields["desired"] != fields["live"]).groupby(fields["app"]).any().reindex(a.index, fill_value=False)
    behind = a["desired_revision"] != a["live_revision"]
    young = (a["observed_at"] - a["desired_committed_at"]).dt.total_seconds() < 180
    state = np.where(behind & young & (a["last_sync_result"] != "failed"), "pending",
                     np.where(behind, "failed-sync", np.where(differs, "changed-by-hand", "in-sync")))
    assert dict(zip(a.index, state)) == planted
    assert set(planted.values()) == {"in-sync", "changed-by-hand", "failed-sync", "pending"}
    # an application behind Git runs its previous image; the image in Git names the desired revision
    image = fields[fields["field"].str.endswith("image")].set_index("app")
    assert (image["desired"].str[-7:] == a.loc[image.index, "desired_revision"].str[:7]).all()
    assert (image["live"].str[-7:] == a.loc[image.index, "live_revision"].str[:7]).all()


def test_default_alert_rules_come_with_the_golden_path(t):
    rules = data.load("alert_rules")
    golden = set(t["deployments"].loc[t["deployments"]["pipeline"] == "golden-path", "service_id"])
    default = set(rules.loc[rules["origin"] == "platform-default", "service_id"])
    assert default == golden
    burn = rules[(rules["alertname"] == "ErrorBudgetBurn") & rules["service_id"].isin(golden)]
    assert (burn.groupby("service_id")["severity"].nunique() == 2).all()
    assert not rules.duplicated(["service_id", "alertname", "severity"]).any()


def test_space_activity_comes_from_system_data_not_the_survey():
    """SPACE's activity dimension counts actions (commits, pull requests, reviews, deployments): no
    survey item is labelled activity, and the item about meetings measures communication and
    collaboration ("quality of meetings" in the SPACE paper's table)."""
    q = data.load("survey_questions")
    assert "activity" not in set(q["dimension"]), q[q["dimension"] == "activity"].to_dict("records")
    meetings = q[q["text"].str.contains("meeting", case=False)]
    assert len(meetings) and set(meetings["dimension"]) <= {"communication", "efficiency"}
    assert {"commits", "prs_opened"} <= set(data.load("developer_activity").columns)


def test_data_readme_sizes_the_capstone_organisation():
    """The data dictionary's round numbers for the capstone's organisation match its tables, and the
    preamble does not describe only the course-wide organisation."""
    text = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    n = len(data.load("enterprise_developers"))
    assert f"about {round(n, -1):,}" in text, n
    preamble = text.split("## Files by assignment")[0]
    teams, services = len(data.load("enterprise_teams")), len(data.load("enterprise_services"))
    assert f"about {round(teams, -1):,} teams" in preamble and f"about {round(n, -1):,} developers" in preamble
    assert f"about {round(services, -1):,} services" in preamble
