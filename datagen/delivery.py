"""Weeks 6 and 8: delivery and reliability.

- commits, deployments, incidents with the Four Keys linkage (a deployment lists the SHAs it
  shipped in ``changes``, oldest first, so ``head_commit`` is the newest; an incident names its
  ``root_cause`` commit). Team delivery performance is continuous: each team's tier
  (org_design's dora_profile) is only a tendency around which its own parameters are drawn.
  Teams move to the golden-path pipeline on a date of their own (``pipeline``), after which
  their changes wait about half as long;
- slo_requests: per-minute request and error counts of two services for 30 days, with burn episodes;
  the SLO alerts of those services and the incidents they open follow from these counts (the
  multiwindow, multi-burn-rate rule applied to them);
- canary_runs / canary_samples: baseline vs canary metric samples (Kayenta-style judging);
- alerts: alerts fired over six months and how each was remediated.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .common import (R, SLO_DAYS, SLO_START, T0, T1, U, enum, hexids, iso, lognormal, pick, pick_author,
                     working_time)

# DORA-like delivery profiles: deploys per service per day, median lead time (hours) and spread,
# extra commits per deployment, change fail rate, median recovery time (hours), detection delay (minutes)
PROFILES = {
    "elite": dict(rate=1.1, lead=0.8, lead_sd=0.9, commits=1.0, cfr=0.05, restore=0.6, detect=10),
    "high": dict(rate=0.22, lead=30.0, lead_sd=0.8, commits=3.0, cfr=0.11, restore=6.0, detect=30),
    "medium": dict(rate=0.06, lead=240.0, lead_sd=0.7, commits=8.0, cfr=0.17, restore=60.0, detect=120),
    "low": dict(rate=0.02, lead=1300.0, lead_sd=0.5, commits=18.0, cfr=0.48, restore=300.0, detect=600),
}
TITLES = np.array([
    "Elevated 5xx error rate after release", "Checkout latency above SLO", "Null pointer in order mapping",
    "Database connection pool exhausted", "Bad feature flag value disabled a feature", "Memory leak causing restarts",
    "Schema migration locked table", "Broken serialisation between services", "Cache stampede after deploy",
    "Wrong currency rounding in totals",
])
INFRA_TITLES = np.array(["Cloud provider zone degraded", "DNS resolution failures", "Upstream payment provider outage",
                         "Certificate expired on load balancer", "Node pool lost capacity"])
ALERTS = {  # alertname: (severity, remediations, p(of each), median minutes to remediate, automatable)
    "HighErrorRate": ("page", ["rollback", "restart", "none"], [0.5, 0.3, 0.2], 25),
    "HighLatency": ("page", ["scale-out", "restart", "none"], [0.45, 0.2, 0.35], 30),
    "PodCrashLooping": ("ticket", ["restart", "rollback", "increase-memory"], [0.5, 0.3, 0.2], 20),
    "DiskAlmostFull": ("ticket", ["expand-volume", "clean-up-logs"], [0.6, 0.4], 45),
    "CertificateExpiringSoon": ("ticket", ["renew-certificate"], [1.0], 90),
    "NodeNotReady": ("ticket", ["drain-and-replace-node", "none"], [0.8, 0.2], 35),
    "QueueBacklogGrowing": ("page", ["scale-out", "restart", "none"], [0.6, 0.2, 0.2], 20),
    "HighMemoryUsage": ("ticket", ["increase-memory", "restart", "none"], [0.3, 0.4, 0.3], 40),
}
# Alerts computed from slo_requests (not drawn at random): the SRE Workbook's multiwindow,
# multi-burn-rate rule; severity page or ticket per row.
SLO_ALERT = "ErrorBudgetBurn"
BURN_RULES = {"page": [(60, 5, 14.4), (360, 30, 6.0)], "ticket": [(4320, 360, 1.0)]}
REMEDIATIONS = sorted({r for v in ALERTS.values() for r in v[1]} | {"rollback", "none"})
TIER_Z = {"low": -1.5, "medium": -0.5, "high": 0.5, "elite": 1.5}
GOLDEN_PATH_LEAD_FACTOR = 0.5  # changes on the golden-path pipeline wait about half as long


def _epoch(values) -> np.ndarray:
    """Date or time strings -> epoch seconds (int64), whatever resolution pandas parses them at."""
    t = pd.to_datetime(pd.Series(values), utc=True)
    return ((t - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(seconds=1)).to_numpy(dtype=np.int64)


def _between_tiers(z: np.ndarray, key: str, log: bool) -> np.ndarray:
    """A profile parameter at a continuous performance score z (tiers sit at TIER_Z), interpolated
    piecewise-linearly (in logs for durations and rates) and extrapolated along the end segments."""
    xs = np.array([TIER_Z[t] for t in ("low", "medium", "high", "elite")])
    ys = np.array([PROFILES[t][key] for t in ("low", "medium", "high", "elite")], dtype=float)
    ys = np.log(ys) if log else ys
    z = np.clip(z, -2.2, 2.2)
    seg = np.clip(np.searchsorted(xs, z) - 1, 0, len(xs) - 2)
    out = ys[seg] + (z - xs[seg]) * (ys[seg + 1] - ys[seg]) / (xs[seg + 1] - xs[seg])
    return np.exp(out) if log else out


def _team_scores(rng, design):
    """A continuous delivery-performance score per team: its tier is a tendency, not a value."""
    teams = sorted(design["dora_profile"])
    z = np.array([TIER_Z[design["dora_profile"][t]] for t in teams]) + rng.normal(0, 0.55, len(teams))
    return dict(zip(teams, z))


def _adoption(rng, design):
    """Golden-path adoption time (epoch seconds) per team; teams that have not adopted get T1."""
    teams = sorted(design["dora_profile"])
    start, end = pd.Timestamp("2026-04-01T00:00:00Z").timestamp(), pd.Timestamp("2026-07-20T00:00:00Z").timestamp()
    when = rng.uniform(start, end, len(teams)).astype(np.int64)
    when = np.where(rng.random(len(teams)) < 0.7, when, T1)
    return dict(zip(teams, when))


def _four_keys(rng, services, developers, design, scale):
    prof = services["team_id"].map(design["dora_profile"]).to_numpy()
    z = services["team_id"].map(_team_scores(rng, design)).to_numpy() + rng.normal(0, 0.15, len(services))
    p = {k: _between_tiers(z, k, log=k not in ("lead_sd", "cfr")) for k in PROFILES["elite"]}
    p["cfr"] = np.clip(p["cfr"], 0.01, 0.6)
    adopt = services["team_id"].map(_adoption(rng, design)).to_numpy()
    days = (T1 - T0) / 86400
    n_dep = np.maximum(1, rng.poisson(p["rate"] * days))
    svc_idx = np.repeat(np.arange(len(services)), n_dep)
    nd = len(svc_idx)
    dep_t = working_time(rng, nd)
    golden = dep_t >= adopt[svc_idx]
    n_com = 1 + rng.poisson(p["commits"][svc_idx])
    com_dep = np.repeat(np.arange(nd), n_com)
    lead_h = lognormal(rng, p["lead"][svc_idx][com_dep], p["lead_sd"][svc_idx][com_dep])
    lead_h = lead_h * np.where(golden[com_dep], GOLDEN_PATH_LEAD_FACTOR, 1.0)
    com_t = dep_t[com_dep] - 60 - (lead_h * 3600).astype(np.int64)
    # no commit before its service's repository existed: such commits land between creation and deploy
    created = _epoch(services["created_on"])
    born = created[svc_idx][com_dep]
    early = com_t < born
    com_t[early] = born[early] + (rng.random(early.sum()) * (dep_t[com_dep][early] - 60 - born[early])).astype(np.int64)
    # list each deployment's commits oldest first, so the last listed (the head) is the newest
    order = np.lexsort((com_t, com_dep))
    com_t = com_t[order]
    team = services["team_id"].to_numpy()
    com_author = pick_author(rng, team[svc_idx][com_dep], com_t, developers)
    sha = hexids(rng, len(com_dep))
    first = np.r_[0, np.cumsum(n_com)[:-1]]

    # incidents caused by changes
    caused = rng.random(nd) < p["cfr"][svc_idx]
    ci = np.flatnonzero(caused)
    root = sha[first[ci] + (rng.random(len(ci)) * n_com[ci]).astype(int)]
    inc_open = dep_t[ci] + (lognormal(rng, p["detect"][svc_idx[ci]], 0.8) * 60).astype(np.int64)
    inc_res = inc_open + (lognormal(rng, p["restore"][svc_idx[ci]], 0.7) * 3600).astype(np.int64) + 300
    inc_svc = svc_idx[ci]
    # rework deployments: a rollback (no new commits) or a hotfix (one new commit) shortly before resolution
    hotfix = rng.random(len(ci)) < np.where(np.isin(prof[inc_svc], ["elite", "high"]), 0.35, 0.75)
    rw_t = inc_res - rng.integers(120, 900, len(ci))
    rw_t = np.maximum(rw_t, inc_open + 60)
    keep_rw = rw_t < T1
    hf = np.flatnonzero(hotfix & keep_rw)
    hf_sha = hexids(rng, len(hf))
    hf_com_t = np.maximum(inc_open[hf] + 30, rw_t[hf] - (lognormal(rng, 40, 0.6, len(hf)) * 60).astype(np.int64))
    hf_com_t = np.minimum(hf_com_t, rw_t[hf] - 30)
    hf_author = pick_author(rng, team[inc_svc[hf]], hf_com_t, developers)

    # infrastructure incidents (no root-cause commit)
    n_inf = max(3, int(0.12 * len(ci)))
    inf_svc = rng.choice(len(services), n_inf)
    inf_open = working_time(rng, n_inf, hour_sd=5.0)
    inf_res = inf_open + (lognormal(rng, 3.0, 1.0, n_inf) * 3600).astype(np.int64)

    commits = pd.DataFrame({
        "sha": np.r_[sha, hf_sha], "service_id": np.r_[services["service_id"].to_numpy()[svc_idx][com_dep],
                                                     services["service_id"].to_numpy()[inc_svc[hf]]],
        "author": np.r_[com_author, hf_author], "_t": np.r_[com_t, hf_com_t],
    })
    changes = pd.Series(sha).groupby(com_dep).agg(" ".join).to_numpy()
    head = sha[first + n_com - 1]
    dep = pd.DataFrame({
        "service_id": services["service_id"].to_numpy()[svc_idx], "_t": dep_t, "status": "success",
        "trigger": "planned", "pipeline": np.where(golden, "golden-path", "legacy"),
        "head_commit": head, "changes": changes, "commit_count": n_com,
    })
    rw = pd.DataFrame({
        "service_id": services["service_id"].to_numpy()[inc_svc], "_t": rw_t, "status": "success",
        "trigger": np.where(hotfix, "hotfix", "rollback"),
        "pipeline": np.where(rw_t >= adopt[inc_svc], "golden-path", "legacy"),
        "head_commit": "", "changes": "", "commit_count": 0,
    })
    rw.loc[hotfix & keep_rw, ["head_commit", "changes"]] = np.c_[hf_sha, hf_sha]
    rw.loc[hotfix & keep_rw, "commit_count"] = 1
    rw = rw[keep_rw]
    # failed pipeline attempts (Four Keys counts only successful deployments): same changes, a bit earlier
    failed = dep.sample(frac=0.04, random_state=rng.integers(2**31)).copy()
    last_commit = pd.Series(com_t).groupby(com_dep).max().to_numpy()[failed.index.to_numpy()]
    failed["_t"] = np.maximum(failed["_t"] - rng.integers(600, 5400, len(failed)), last_commit + 60)
    failed = failed[failed["_t"] < dep.loc[failed.index, "_t"]]
    failed["status"] = "failure"
    deployments = pd.concat([dep, rw, failed], ignore_index=True).sort_values(["_t", "service_id", "status"], kind="stable")
    deployments["deployment_id"] = [f"dep-{i:06d}" for i in range(1, len(deployments) + 1)]
    deployments["deployed_at"] = iso(deployments["_t"].to_numpy()).to_numpy()
    deployments["environment"] = "production"
    deployments = deployments[["deployment_id", "service_id", "environment", "status", "trigger", "deployed_at",
                               "pipeline", "head_commit", "commit_count", "changes"]].reset_index(drop=True)

    inc = pd.DataFrame({
        "service_id": np.r_[services["service_id"].to_numpy()[inc_svc], services["service_id"].to_numpy()[inf_svc]],
        "_o": np.r_[inc_open, inf_open], "_r": np.r_[inc_res, inf_res],
        "title": np.r_[pick(rng, TITLES, len(ci)), pick(rng, INFRA_TITLES, n_inf)],
        "root_cause": np.r_[root, np.full(n_inf, "")],
    })
    inc = inc[inc["_o"] < T1].sort_values(["_o", "service_id"], kind="stable").reset_index(drop=True)
    tier = inc["service_id"].map(services.set_index("service_id")["tier"]).to_numpy()
    sev = np.where(tier == "tier-1", pick(rng, ["SEV1", "SEV2"], len(inc), p=[0.4, 0.6]),
                   pick(rng, ["SEV2", "SEV3", "SEV4"], len(inc), p=[0.2, 0.5, 0.3]))
    inc.insert(0, "incident_id", [f"INC-{i:05d}" for i in range(1, len(inc) + 1)])
    inc["severity"] = sev
    inc["labels"] = "Incident"
    inc["created_at"] = iso(inc["_o"].to_numpy()).to_numpy()
    inc["resolved_at"] = iso(np.where(inc["_r"] < T1, inc["_r"], np.nan)).to_numpy()
    inc["detected_by"] = pick(rng, ["alert", "alert", "alert", "customer-report", "engineer"], len(inc))
    inc["body"] = np.where(inc["root_cause"] != "", "root cause: " + inc["root_cause"], "root cause: unknown (no change)")
    incidents = inc[["incident_id", "service_id", "title", "severity", "labels", "created_at", "resolved_at",
                     "detected_by", "root_cause", "body"]]

    commits = commits.sort_values(["_t", "sha"], kind="stable").reset_index(drop=True)
    commits["committed_at"] = iso(commits["_t"].to_numpy()).to_numpy()
    commits = commits[["sha", "service_id", "author", "committed_at"]]
    return commits, deployments, incidents


def _slo(rng, services, scale):
    mins = SLO_DAYS * 1440
    t = np.arange(mins)
    hod = (t % 1440) / 60.0
    dow = ((t // 1440) + int(SLO_START.day_of_week)) % 7
    shape = (1 + 0.65 * np.sin((hod - 9) / 24 * 2 * np.pi)) * np.where(dow >= 5, 0.8, 1.0)
    # (service, base requests/minute, [(start offset minutes, duration minutes, error ratio)])
    plan = {
        "checkout-api": (420 * scale, [(5 * 1440 + 14 * 60 + 10, 22, 0.25), (12 * 1440 + 2 * 60, 300, 0.009),
                                       (19 * 1440 + 8 * 60, 3 * 1440, 0.0016), (26 * 1440 + 10 * 60, 3, 0.5)]),
        "search-api": (900 * scale, [(8 * 1440 + 11 * 60, 4, 0.03), (8 * 1440 + 15 * 60, 4, 0.03),
                                     (16 * 1440 + 9 * 60, 120, 0.12)]),
    }
    frames, episodes = [], []
    slo = services.set_index("service_id")["slo_availability_pct"]
    for svc, (base, eps) in plan.items():
        budget = 1 - slo[svc] / 100
        p = np.full(mins, 0.15 * budget)
        for start, dur, ratio in eps:
            p[start:start + dur] = ratio
            burn = ratio / budget
            expected = ("page" if (burn >= 14.4 and dur * burn / 60 >= 14.4 * 5 / 60 and dur * burn >= 60 * 14.4 * 0.9)
                        or (burn >= 6 and dur * burn >= 360 * 6 * 0.9) else
                        "ticket" if (burn >= 1 and dur * burn >= 3 * 1440 * 1 * 0.9) else "none")
            episodes.append({"service_id": svc, "start": iso(SLO_START.timestamp() + start * 60),
                             "end": iso(SLO_START.timestamp() + (start + dur) * 60), "error_ratio": ratio,
                             "burn_rate": round(burn, 2), "expected_alert": expected})
        req = rng.poisson(base * shape)
        err = rng.binomial(req, p)
        frames.append(pd.DataFrame({"minute": t, "service_id": svc, "requests": req, "errors": err}))
    slo_df = pd.concat(frames, ignore_index=True)
    slo_df["minute"] = iso(SLO_START.timestamp() + slo_df["minute"].to_numpy() * 60).to_numpy()
    return slo_df, episodes


def _canary(rng, services, deployments, scale):
    ok = deployments[(deployments["status"] == "success") & (deployments["trigger"] == "planned")
                     & deployments["service_id"].isin(services.loc[services["runtime"].eq("kubernetes")
                                                                   & services["tier"].ne("tier-3"), "service_id"])
                     & (deployments["deployed_at"] >= "2026-08-01")]
    n_runs = 24 * scale
    runs = ok.iloc[np.sort(rng.choice(len(ok), n_runs, replace=False))][["deployment_id", "service_id", "deployed_at"]]
    runs = runs.reset_index(drop=True)
    runs.insert(0, "run_id", [f"canary-{i:03d}" for i in range(1, n_runs + 1)])
    # planted verdicts: 0 = healthy, 1 = error regression, 2 = latency regression, 3 = small noise only
    kind = rng.permutation(np.resize([0, 0, 1, 2, 3, 0], n_runs))
    metrics = [("error_rate_pct", 0.3, 0.25), ("latency_p99_ms", 180.0, 0.08), ("cpu_cores", 1.2, 0.1)]
    n = 30
    rows = []
    for m, (metric, base, cv) in enumerate(metrics):
        level = base * lognormal(rng, 1.0, 0.3, n_runs)
        shift = np.ones(n_runs)
        shift = np.where((kind == 1) & (m == 0), 3.0, shift)
        shift = np.where((kind == 2) & (m == 1), 1.45, shift)
        shift = np.where(kind == 3, 1.02, shift)
        for g, factor in (("baseline", np.ones(n_runs)), ("canary", shift)):
            vals = (level * factor)[:, None] * rng.lognormal(0, cv, (n_runs, n))
            rows.append(pd.DataFrame({"run_id": np.repeat(runs["run_id"].to_numpy(), n), "metric": metric,
                                      "group": g, "minute": np.tile(np.arange(1, n + 1), n_runs),
                                      "value": np.round(vals.ravel(), 4)}))
    samples = pd.concat(rows, ignore_index=True).sort_values(["run_id", "metric", "group", "minute"], kind="stable")
    runs["started_at"] = runs["deployed_at"]
    runs["duration_minutes"] = n
    runs["canary_weight_pct"] = 10
    runs = runs[["run_id", "service_id", "deployment_id", "started_at", "duration_minutes", "canary_weight_pct"]]
    failing = {r: ("error_rate_pct" if k == 1 else "latency_p99_ms") for r, k in zip(runs["run_id"], kind) if k in (1, 2)}
    planted = {r: ["healthy", "error-regression", "latency-regression", "small-rise"][k] for r, k in zip(runs["run_id"], kind)}
    samples = samples.reset_index(drop=True)
    high = _kayenta_high(samples)
    # The verdict is the judge's (Kayenta's Mann-Whitney classifier at its defaults, direction
    # increase), not the planted story: a planted "small-rise" run (2% on every metric) is a clear
    # rise that allowedIncrease 1.0 fails, and a healthy run can be High by chance.
    verdict = {r: ("fail" if high.get(r) else "pass") for r in runs["run_id"]}
    return runs, samples, {"verdict": verdict, "high_metrics": {r: high[r] for r in sorted(high)},
                           "planted": planted, "regressed_metric": failing}


def _kayenta_high(samples: pd.DataFrame, conf_level: float = 0.98, tolerance: float = 0.25,
                  allowed_increase: float = 1.0) -> dict:
    """{run_id: [metrics judged High]} by Kayenta's Mann-Whitney classifier (direction increase):
    the Hodges-Lehmann shift's two-sided interval (normal approximation: the order statistics of
    the pairwise differences) lies above tolerance * |shift|, and mean(canary)/mean(baseline) >=
    allowed_increase. Identical samples pass."""
    from scipy.stats import norm

    z = norm.ppf(1 - (1 - conf_level) / 2)
    high: dict = {}
    for (run, metric), g in samples.groupby(["run_id", "metric"], sort=True):
        c = g.loc[g["group"] == "canary", "value"].to_numpy(float)
        b = g.loc[g["group"] == "baseline", "value"].to_numpy(float)
        if len(c) == len(b) and np.array_equal(np.sort(c), np.sort(b)):
            continue
        d = np.sort(np.subtract.outer(c, b).ravel())
        n, m = len(c), len(b)
        k = max(int(np.floor(n * m / 2 - z * np.sqrt(n * m * (n + m + 1) / 12))), 0)
        est, low = float(np.median(d)), float(d[k])
        if low > tolerance * abs(est) and c.mean() / b.mean() >= allowed_increase:
            high.setdefault(run, []).append(metric)
    return high


def _alerts(rng, services, scale):
    n = 1400 * scale
    names = np.array(list(ALERTS))
    name = pick(rng, names, n, p=[0.2, 0.18, 0.14, 0.1, 0.04, 0.06, 0.12, 0.16])
    tier_w = services["tier"].map({"tier-1": 3.0, "tier-2": 2.0, "tier-3": 1.0}).to_numpy()
    svc = services["service_id"].to_numpy()[rng.choice(len(services), n, p=tier_w / tier_w.sum())]
    fired = working_time(rng, n, weekend=0.6, hour_sd=6.0)
    rem = np.empty(n, dtype=object)
    mins = np.empty(n)
    for a, (sev, opts, probs, med) in ALERTS.items():
        m = name == a
        rem[m] = pick(rng, opts, m.sum(), p=probs)
        mins[m] = lognormal(rng, med, 0.7, m.sum())
    flap = (rng.random(n) < 0.15) & np.isin(name, ["HighLatency", "HighMemoryUsage", "HighErrorRate"])
    rem[flap] = "none"
    mins[flap] = rng.integers(1, 4, flap.sum())
    auto = np.isin(rem, ["restart", "scale-out", "clean-up-logs"]) & (rng.random(n) < 0.3)
    mins[auto] = rng.integers(1, 4, auto.sum())
    resolved = fired + (mins * 60).astype(np.int64)
    df = pd.DataFrame({"_t": fired, "service_id": svc, "alertname": name,
                       "severity": pd.Series(name).map({k: v[0] for k, v in ALERTS.items()}).to_numpy(),
                       "fired_at": iso(fired).to_numpy(), "resolved_at": iso(resolved).to_numpy(),
                       "remediation": rem.astype(str),
                       "remediated_by": np.where(rem == "none", "none", np.where(auto, "automation", "on-call")),
                       "runbook_url": "https://runbooks.tidewater.example/" + pd.Series(name).str.lower().to_numpy()})
    df = df.sort_values(["_t", "service_id"], kind="stable").reset_index(drop=True)
    nxt = df.groupby(["service_id", "alertname"])["_t"].shift(-1)
    df["recurred_within_24h"] = np.where((nxt - df["_t"]) <= 86400, "true", "false")
    df.insert(0, "alert_id", [f"ALERT-{i:05d}" for i in range(1, n + 1)])
    return df.drop(columns="_t")


def _burn_runs(slo: pd.DataFrame, services) -> pd.DataFrame:
    """Every stretch of minutes during which the multiwindow, multi-burn-rate rule (BURN_RULES) holds,
    per service and severity: service_id, severity, start and end (epoch seconds, end exclusive)."""
    target = services.set_index("service_id")["slo_availability_pct"] / 100
    out = []
    for svc, one in slo.groupby("service_id", sort=True):
        one = one.sort_values("minute")
        t = _epoch(one["minute"])
        sums = {w: one[["errors", "requests"]].rolling(w).sum() for w in {w for r in BURN_RULES.values() for p in r for w in p[:2]}}
        burn = {w: (v["errors"] / v["requests"] / (1 - target[svc])).to_numpy() for w, v in sums.items()}
        for severity, pairs in BURN_RULES.items():
            on = np.zeros(len(one), dtype=bool)
            for long_w, short_w, threshold in pairs:
                on |= (burn[long_w] > threshold) & (burn[short_w] > threshold)
            edges = np.diff(np.r_[0, on.astype(np.int8), 0])
            for a, b in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)):
                out.append({"service_id": svc, "severity": severity, "start": int(t[a]), "end": int(t[b - 1]) + 60})
    return pd.DataFrame(out, columns=["service_id", "severity", "start", "end"])


def _follow_slo(rng, alerts, incidents, slo, services):
    """Make the SLO services' alerts and incidents follow their per-minute counts: in the SLO window,
    their error-rate alerts are exactly the burn-rule firings, each page opens an incident detected by
    alert, and no other incident of theirs claims an alert detected it."""
    runs = _burn_runs(slo, services)
    lo, hi = SLO_START.timestamp(), SLO_START.timestamp() + SLO_DAYS * 86400
    fired = pd.Series(_epoch(alerts["fired_at"]), index=alerts.index)
    drop = (alerts["service_id"].isin(runs["service_id"].unique()) & alerts["alertname"].eq("HighErrorRate")
            & fired.between(lo, hi))
    page = runs["severity"].eq("page").to_numpy()
    new = pd.DataFrame({
        "service_id": runs["service_id"], "alertname": SLO_ALERT, "severity": runs["severity"],
        "fired_at": iso(runs["start"].to_numpy()).to_numpy(), "resolved_at": iso(runs["end"].to_numpy()).to_numpy(),
        "remediation": np.where(page, "rollback", "none"), "remediated_by": np.where(page, "on-call", "none"),
        "runbook_url": "https://runbooks.tidewater.example/" + SLO_ALERT.lower(), "recurred_within_24h": "false",
    })
    al = pd.concat([alerts[~drop].drop(columns="alert_id"), new], ignore_index=True)
    al["_t"] = _epoch(al["fired_at"])
    al = al.sort_values(["_t", "service_id", "alertname"], kind="stable").reset_index(drop=True)
    nxt = al.groupby(["service_id", "alertname"])["_t"].shift(-1)
    al["recurred_within_24h"] = np.where((nxt - al["_t"]) <= 86400, "true", "false")
    al.insert(0, "alert_id", [f"ALERT-{i:05d}" for i in range(1, len(al) + 1)])
    al = al.drop(columns="_t")

    # incidents: alert-detected ones of the SLO services in the window need an alert just before them
    inc = incidents.drop(columns="incident_id").copy()
    opened = _epoch(inc["created_at"])
    in_window = inc["service_id"].isin(runs["service_id"].unique()).to_numpy() & (opened >= lo) & (opened < hi)
    pr = runs[page]
    near = np.zeros(len(inc), dtype=bool)
    for svc, start in zip(pr["service_id"], pr["start"]):
        near |= (inc["service_id"].to_numpy() == svc) & (opened >= start) & (opened <= start + 3600)
    wrong = in_window & inc["detected_by"].eq("alert").to_numpy() & ~near
    inc.loc[wrong, "detected_by"] = "engineer"
    tier = pr["service_id"].map(services.set_index("service_id")["tier"]).to_numpy()
    opened_new = pr["start"].to_numpy() + rng.integers(120, 600, len(pr))
    resolved_new = np.maximum(pr["end"].to_numpy(), opened_new + 600) + rng.integers(300, 1800, len(pr))
    extra = pd.DataFrame({
        "service_id": pr["service_id"].to_numpy(), "title": "Elevated 5xx error rate (error budget burning)",
        "severity": np.where(tier == "tier-1", "SEV2", "SEV3"), "labels": "Incident",
        "created_at": iso(opened_new).to_numpy(), "resolved_at": iso(resolved_new).to_numpy(),
        "detected_by": "alert", "root_cause": "", "body": "root cause: unknown (no change)",
    })
    inc = pd.concat([inc, extra], ignore_index=True)
    inc = inc.sort_values(["created_at", "service_id"], kind="stable").reset_index(drop=True)
    inc.insert(0, "incident_id", [f"INC-{i:05d}" for i in range(1, len(inc) + 1)])
    return al, inc


DEFAULT_RULES = [(SLO_ALERT, "page"), (SLO_ALERT, "ticket"), ("PodCrashLooping", "ticket")]
POLL_SECONDS = 180  # Argo CD's default interval for polling the Git repository


def _alert_rules(rng, services, deployments):
    """The alerting rules configured per service. Services of teams on the golden path get the
    platform's default rules (origin platform-default); the others have what their team wrote."""
    golden = set(deployments.loc[deployments["pipeline"] == "golden-path", "service_id"])
    rows = []
    for sid, tier in zip(services["service_id"], services["tier"]):
        if sid in golden:
            rows += [(sid, a, sev, "platform-default") for a, sev in DEFAULT_RULES]
            continue
        keep = rng.random(len(ALERTS)) < {"tier-1": 0.5, "tier-2": 0.3, "tier-3": 0.15}[tier]
        rows += [(sid, a, v[0], "team") for (a, v), k in zip(ALERTS.items(), keep) if k]
        if rng.random() < {"tier-1": 0.35, "tier-2": 0.15, "tier-3": 0.05}[tier]:
            rows.append((sid, SLO_ALERT, "page", "team"))
    out = pd.DataFrame(rows, columns=["service_id", "alertname", "severity", "origin"])
    return out.sort_values(["service_id", "alertname", "severity"], kind="stable").reset_index(drop=True)


def _gitops(rng, services, deployments, commits):
    """Desired state (the service's manifests at the head of its config repository) against live state
    (what the cluster runs), for every Kubernetes service, observed at the end of the history."""
    kube = services[services["runtime"] == "kubernetes"].reset_index(drop=True)
    n = len(kube)
    observed = T1 - 60
    ok = deployments[(deployments["status"] == "success") & (deployments["commit_count"] > 0)]
    last = ok.groupby("service_id")["head_commit"].last().reindex(kube["service_id"]).fillna("0" * 40).to_numpy()
    state = rng.choice(["in-sync", "changed-by-hand", "failed-sync", "pending"], n, p=[0.66, 0.13, 0.11, 0.10])
    new_rev = hexids(rng, n)
    desired_rev = np.where(np.isin(state, ["failed-sync", "pending"]), new_rev, last)
    age = np.where(state == "pending", rng.integers(10, POLL_SECONDS - 10, n), rng.integers(3600, 5 * 86400, n))
    result = np.where(state == "failed-sync", "failed", "succeeded")
    apps = pd.DataFrame({"app": kube["service_id"], "desired_revision": desired_rev, "live_revision": last,
                         "desired_committed_at": iso(observed - age).to_numpy(),
                         "last_sync_result": result, "observed_at": iso(np.full(n, observed)).to_numpy()})
    replicas = rng.choice([2, 3, 4, 6], n)
    cpu = rng.choice(["250m", "500m", "1", "2"], n)
    desired = {
        ("Deployment", "spec.replicas"): replicas.astype(str),
        ("Deployment", "spec.template.spec.containers[0].image"): np.array(
            [f"registry.tidewater.example/{a}:{r[:7]}" for a, r in zip(kube["service_id"], desired_rev)]),
        ("Deployment", "spec.template.spec.containers[0].resources.limits.cpu"): cpu,
        ("ConfigMap", "data.LOG_LEVEL"): np.full(n, "info"),
    }
    live = {k: v.copy() for k, v in desired.items()}
    image = ("Deployment", "spec.template.spec.containers[0].image")
    behind = np.isin(state, ["failed-sync", "pending"])
    live[image][behind] = np.array([f"registry.tidewater.example/{a}:{r[:7]}" for a, r in zip(kube["service_id"][behind], last[behind])])
    hand = np.flatnonzero(state == "changed-by-hand")
    which = rng.integers(0, 3, len(hand))
    live[("Deployment", "spec.replicas")][hand[which == 0]] = (replicas[hand[which == 0]] * 2).astype(str)
    live[("ConfigMap", "data.LOG_LEVEL")][hand[which == 1]] = "debug"
    live[("Deployment", "spec.template.spec.containers[0].resources.limits.cpu")][hand[which == 2]] = "4"
    # a failed sync can also hide a hand edit made before it
    both = np.flatnonzero((state == "failed-sync") & (rng.random(n) < 0.3))
    live[("Deployment", "spec.replicas")][both] = (replicas[both] + 1).astype(str)
    frames = [pd.DataFrame({"app": kube["service_id"], "kind": kind,
                            "name": np.where(kind == "ConfigMap", kube["service_id"] + "-config", kube["service_id"]),
                            "field": field, "desired": desired[(kind, field)], "live": live[(kind, field)]})
              for kind, field in desired]
    fields = pd.concat(frames, ignore_index=True).sort_values(["app", "kind", "field"], kind="stable").reset_index(drop=True)
    return apps, fields, {"state": dict(zip(kube["service_id"], state))}


def generate(rng: np.random.Generator, scale: int = 1, tables: dict | None = None) -> dict:
    services, developers, design = tables["services"], tables["developers"], tables["_design"]
    commits, deployments, incidents = _four_keys(rng, services, developers, design, scale)
    slo, episodes = _slo(rng, services, scale)
    runs, samples, canary_key = _canary(rng, services, deployments, scale)
    alerts = _alerts(rng, services, scale)
    alerts, incidents = _follow_slo(rng, alerts, incidents, slo, services)
    rules = _alert_rules(rng, services, deployments)
    apps, fields, gitops_key = _gitops(rng, services, deployments, commits)
    return {"commits": commits, "deployments": deployments, "incidents": incidents, "slo_requests": slo,
            "canary_runs": runs, "canary_samples": samples, "alerts": alerts, "alert_rules": rules,
            "gitops_apps": apps, "gitops_fields": fields, "keys/gitops_drift": gitops_key,
            "keys/slo_episodes": episodes, "keys/canary_verdicts": canary_key}


DT = {"required": True}
SCHEMAS = {
    "commits": {
        "title": "Commits (Four Keys changes)", "primaryKey": ["sha"],
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "services", "fields": "service_id"}}],
        "description": "Every commit pushed to the default branch of every service's repository (the Four Keys "
                       "`changes` view). Some were committed before the history window and shipped in it; none "
                       "predates its service's created_on.",
        "fields": [
            ("sha", "string", "Commit SHA (40 lowercase hex characters).", {"required": True, "unique": True, "pattern": "[0-9a-f]{40}"}),
            ("service_id", "string", "Repository's service (services.service_id).", R),
            ("author", "string", "Author (developers.developer_id).", R),
            ("committed_at", "datetime", "Commit time (UTC).", DT),
        ],
    },
    "deployments": {
        "title": "Production deployments", "primaryKey": ["deployment_id"],
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "services", "fields": "service_id"}}],
        "description": "Every production deployment attempt. `changes` lists the SHAs the deployment shipped "
                       "(space-separated, oldest first), like the Four Keys `deployments.changes` array. Failed "
                       "attempts are retried later with the same changes; rollbacks ship no new commit, hotfixes one.",
        "fields": [
            ("deployment_id", "string", "Deployment identifier, in time order.", U),
            ("service_id", "string", "Deployed service (services.service_id).", R),
            ("environment", "string", "Target environment.", enum(["production"])),
            ("status", "string", "Pipeline outcome; Four Keys counts only successful deployments.", enum(["success", "failure"])),
            ("trigger", "string", "planned change, or unplanned rework after an incident (hotfix or rollback).",
             enum(["planned", "hotfix", "rollback"])),
            ("deployed_at", "datetime", "Time the deployment finished (UTC).", DT),
            ("pipeline", "string", "Pipeline that ran it: the platform's self-service golden path, or the team's legacy "
             "pipeline (a team switches on its own date and does not switch back).", enum(["golden-path", "legacy"])),
            ("head_commit", "string", "SHA at the head of the deployment: the newest of its changes (the last listed); "
             "empty for a rollback.", {}),
            ("commit_count", "integer", "Number of SHAs in changes (count).", {"required": True, "minimum": 0}),
            ("changes", "string", "Space-separated SHAs (commits.sha) this attempt carried to production that no earlier "
             "successful deployment had shipped, oldest first; a failed attempt and its successful retry list the same "
             "SHAs, so each SHA is shipped by exactly one successful deployment. Empty for a rollback.", {}),
        ],
    },
    "incidents": {
        "title": "Incidents", "primaryKey": ["incident_id"],
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "services", "fields": "service_id"}}],
        "description": "Production incidents (issues labelled Incident). `root_cause` names the commit that caused it, "
                       "as in Four Keys' `root cause: <sha>` convention; infrastructure incidents have none. An "
                       "empty resolved_at means still open at the end of the history. For the two services of "
                       "slo_requests, an incident detected by alert in August follows an ErrorBudgetBurn page.",
        "fields": [
            ("incident_id", "string", "Incident identifier, in time order.", U),
            ("service_id", "string", "Affected service (services.service_id).", R),
            ("title", "string", "Short description.", R),
            ("severity", "string", "Severity, SEV1 most severe.", enum(["SEV1", "SEV2", "SEV3", "SEV4"])),
            ("labels", "string", "Issue labels.", R),
            ("created_at", "datetime", "Time the incident was opened (UTC).", DT),
            ("resolved_at", "datetime", "Time service was restored (UTC); empty if still open.", {}),
            ("detected_by", "string", "How it was detected.", enum(["alert", "customer-report", "engineer"])),
            ("root_cause", "string", "SHA of the change that caused it (commits.sha); empty if not caused by a change.", {}),
            ("body", "string", "Issue body as written by the responder.", R),
        ],
    },
    "slo_requests": {
        "title": "Per-minute requests and errors (SLO data)", "primaryKey": ["minute", "service_id"],
        "description": "Request and error (HTTP 5xx) counts per minute for two services over 30 days (August 2026), "
                       "for availability SLOs and multiwindow multi-burn-rate alerts. Contains several burn "
                       "episodes of different speed and length.",
        "fields": [
            ("minute", "datetime", "Start of the minute (UTC).", DT),
            ("service_id", "string", "Service (services.service_id).", enum(["checkout-api", "search-api"])),
            ("requests", "integer", "Requests received in the minute (count).", {"required": True, "minimum": 0}),
            ("errors", "integer", "Requests that failed (count; part of requests).", {"required": True, "minimum": 0}),
        ],
    },
    "canary_runs": {
        "title": "Canary runs", "primaryKey": ["run_id"],
        "description": "Canary analyses: a new version took 10% of traffic for 30 minutes next to a baseline.",
        "fields": [
            ("run_id", "string", "Canary run identifier.", U),
            ("service_id", "string", "Service (services.service_id).", R),
            ("deployment_id", "string", "Deployment being analysed (deployments.deployment_id).", R),
            ("started_at", "datetime", "Start of the analysis (UTC).", DT),
            ("duration_minutes", "integer", "Analysis length (minutes).", {"required": True, "minimum": 1}),
            ("canary_weight_pct", "integer", "Share of traffic sent to the canary (percent).", R),
        ],
    },
    "canary_samples": {
        "title": "Canary metric samples", "primaryKey": ["run_id", "metric", "group", "minute"],
        "foreignKeys": [{"fields": "run_id", "reference": {"resource": "canary_runs", "fields": "run_id"}}],
        "description": "One value per minute per metric for the baseline and the canary of each run. Some runs should "
                       "pass and some should fail a Mann-Whitney (Kayenta-style) judgement.",
        "fields": [
            ("run_id", "string", "Canary run (canary_runs.run_id).", R),
            ("metric", "string", "Metric: error_rate_pct (percent), latency_p99_ms (milliseconds), cpu_cores (cores).",
             enum(["error_rate_pct", "latency_p99_ms", "cpu_cores"])),
            ("group", "string", "baseline (control) or canary (experiment).", enum(["baseline", "canary"])),
            ("minute", "integer", "Minute of the analysis, from 1.", {"required": True, "minimum": 1}),
            ("value", "number", "Metric value in the metric's unit.", {"required": True, "minimum": 0}),
        ],
    },
    "alert_rules": {
        "title": "Alerting rules configured per service", "primaryKey": ["service_id", "alertname", "severity"],
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "services", "fields": "service_id"}}],
        "description": "Every alerting rule configured for a service at the end of August 2026. Services of teams on "
                       "the golden-path pipeline get the platform's default rules (SLO burn page and ticket, crash loops); "
                       "the others have only what their team wrote.",
        "fields": [
            ("service_id", "string", "Service (services.service_id).", R),
            ("alertname", "string", "Rule name (as in alerts.alertname).", enum(list(ALERTS) + [SLO_ALERT])),
            ("severity", "string", "page or ticket.", enum(["page", "ticket"])),
            ("origin", "string", "platform-default (installed by the platform) or team (written by the owning team).",
             enum(["platform-default", "team"])),
        ],
    },
    "gitops_apps": {
        "title": "GitOps applications: desired and live revision", "primaryKey": ["app"],
        "foreignKeys": [{"fields": "app", "reference": {"resource": "services", "fields": "service_id"}}],
        "description": "One GitOps application per Kubernetes service, observed once at the end of the history: the "
                       "revision of its configuration repository's head (desired) and the revision last applied to the "
                       "cluster (live), with the result of the last sync attempt. The controller polls Git at most "
                       "every 180 s (Argo CD's default: 120 s plus up to 60 s of jitter).",
        "fields": [
            ("app", "string", "Application = the service (services.service_id).", U),
            ("desired_revision", "string", "Commit at the head of the configuration repository (40 hex characters).", R),
            ("live_revision", "string", "Commit last applied to the cluster.", R),
            ("desired_committed_at", "datetime", "Time the desired revision was committed (UTC).", DT),
            ("last_sync_result", "string", "Result of the controller's last sync attempt.", enum(["succeeded", "failed"])),
            ("observed_at", "datetime", "Time of the observation (UTC).", DT),
        ],
    },
    "gitops_fields": {
        "title": "GitOps fields: desired against live value", "primaryKey": ["app", "kind", "field"],
        "foreignKeys": [{"fields": "app", "reference": {"resource": "gitops_apps", "fields": "app"}}],
        "description": "The fields the platform manages for each application, as declared in Git (desired) and as "
                       "found in the cluster (live), as text.",
        "fields": [
            ("app", "string", "Application (gitops_apps.app).", R),
            ("kind", "string", "Kubernetes kind of the resource.", enum(["Deployment", "ConfigMap"])),
            ("name", "string", "Resource name.", R),
            ("field", "string", "Field path in the resource.", R),
            ("desired", "string", "Value in Git.", R),
            ("live", "string", "Value in the cluster.", R),
        ],
    },
    "alerts": {
        "title": "Alerts and their remediation", "primaryKey": ["alert_id"],
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "services", "fields": "service_id"}}],
        "description": "Alerts fired over six months, what was done about each and by whom (toil analysis, "
                       "auto-remediation candidates, noisy alerts).",
        "fields": [
            ("alert_id", "string", "Alert identifier, in time order.", U),
            ("service_id", "string", "Service (services.service_id).", R),
            ("alertname", "string", "Alerting rule name. ErrorBudgetBurn is the SLO alert of the services in "
             "slo_requests: it fires exactly while the multiwindow, multi-burn-rate rule of the SRE Workbook holds "
             "on their per-minute counts (page: 1 h and 5 min above 14.4, or 6 h and 30 min above 6; ticket: "
             "3 days and 6 h above 1).", enum(list(ALERTS) + [SLO_ALERT])),
            ("severity", "string", "page wakes someone up; ticket waits for working hours.", enum(["page", "ticket"])),
            ("fired_at", "datetime", "Time the alert fired (UTC).", DT),
            ("resolved_at", "datetime", "Time the alert resolved (UTC).", DT),
            ("remediation", "string", "Action taken; none when the alert cleared by itself or was only acknowledged.",
             enum(REMEDIATIONS)),
            ("remediated_by", "string", "Who acted.", enum(["on-call", "automation", "none"])),
            ("runbook_url", "string", "Runbook for the alert (fictional URL).", R),
            ("recurred_within_24h", "boolean", "True if the same alert fired again for the service within 24 hours.", R),
        ],
    },
}
