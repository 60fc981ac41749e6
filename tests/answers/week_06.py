"""Week 6: plausible mistakes, each tied to the checks it must fail.

Exercise 5 (burn_alerts) reuses burn_rate (Exercise 4). The student whose burn_rate forgets the
error budget therefore also loses Exercise 5: that burn rate never reaches 14.4, so burn_alerts
never pages and its visible check fails too. Every other student keeps the reference burn_rate;
"only-ex-5-index" fails Exercise 5's visible check with its own mistake alone.
"""

WRONG = {
    # Mistakes that pass the visible checks: only hidden checks catch them.
    "wrong-subtle": ({
        # counts every attempt, failed ones included
        "ex-1-answer": '''def deployment_frequency(deployments):
    weeks = (deployments["deployed_at"].max() - deployments["deployed_at"].min()) / pd.Timedelta(days=7)
    return deployments.groupby("service_id").size() / weeks
''',
        # mean instead of median: pulled by the commits that waited months
        "ex-2-answer": '''def change_lead_time_hours(deployments, commits):
    ok = deployments[deployments["status"] == "success"]
    p = ok.assign(sha=ok["changes"].str.split()).explode("sha").merge(commits, on="sha", suffixes=("", "_c"))
    h = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    return h[h > 0].groupby(p.loc[h > 0, "service_id"]).mean()
''',
        # Four Keys' joined-row count: a deployment behind two incidents counts twice
        "ex-3-answer": '''def change_fail_rate(deployments, incidents):
    ok = deployments[deployments["status"] == "success"]
    x = ok.assign(sha=ok["changes"].str.split()).explode("sha")
    hits = x.merge(incidents[["root_cause"]].dropna(), left_on="sha", right_on="root_cause")
    failed = hits.groupby("service_id").size()
    return (failed.reindex(ok["service_id"].unique(), fill_value=0) / ok.groupby("service_id").size()).clip(upper=1)
''',
        # OR between the long and the short window
        "ex-5-answer": '''def burn_alerts(slo, slo_target):
    r = {w: burn_rate(slo, slo_target, w) for w in (5, 30, 60, 360, 4320)}
    page = (r[60] > 14.4) | (r[5] > 14.4) | (r[360] > 6) | (r[30] > 6)
    ticket = (r[4320] > 1) | (r[360] > 1)
    return pd.DataFrame({"page": page, "ticket": ticket})
''',
        # the p-value alone: a certain but tiny increase fails the canary
        "ex-6-answer": '''def canary_passes(samples, conf_level=0.98, allowed_increase=1.2):
    def fails(g):
        return mannwhitneyu(g.loc[g["group"] == "canary", "value"], g.loc[g["group"] == "baseline", "value"],
                            alternative="greater").pvalue < 1 - conf_level
    f = samples.groupby(["run_id", "metric"])[["group", "value"]].apply(fails)
    return ~f.groupby(level="run_id").any()
''',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-5-hidden", "ex-6-hidden"}),

    # The error rate taken for the burn rate (not divided by the budget 1 - SLO).
    "wrong-budget": ({
        "ex-4-answer": '''def burn_rate(slo, slo_target, window_minutes):
    s = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes).sum()
    return s["errors"] / s["requests"]
''',
    }, {"ex-4-hidden", "ex-5-visible", "ex-5-hidden"}),

    # One mistake in Exercise 5 only (burn_rate is the reference): the minute ends up as a column
    # (reset_index) instead of the index, so the decisions cannot be matched minute by minute.
    "only-ex-5-index": ({
        "ex-5-answer": '''def burn_alerts(slo, slo_target):
    r = {w: burn_rate(slo, slo_target, w) for w in (5, 30, 60, 360, 4320)}
    page = ((r[60] > 14.4) & (r[5] > 14.4)) | ((r[360] > 6) & (r[30] > 6))
    ticket = (r[4320] > 1) & (r[360] > 1)
    return pd.DataFrame({"page": page, "ticket": ticket}).reset_index()
''',
    }, {"ex-5-visible", "ex-5-hidden"}),

    # Scope mistakes: the wrong rows are counted.
    "wrong-scope": ({
        # keeps the zero and negative lead times Four Keys ignores
        "ex-2-answer": '''def change_lead_time_hours(deployments, commits):
    ok = deployments[deployments["status"] == "success"]
    p = ok.assign(sha=ok["changes"].str.split()).explode("sha").merge(commits, on="sha", suffixes=("", "_c"))
    h = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    return h.groupby(p["service_id"]).median().clip(lower=0.001)
''',
        # failed attempts counted as deployments (in both parts of the ratio)
        "ex-3-answer": '''def change_fail_rate(deployments, incidents):
    x = deployments.assign(sha=deployments["changes"].str.split()).explode("sha")
    bad = set(x.loc[x["sha"].isin(incidents["root_cause"].dropna()), "deployment_id"])
    return deployments["deployment_id"].isin(bad).groupby(deployments["service_id"]).mean()
''',
        # the mean ratio alone, without the test: one outlier minute fails a canary
        "ex-6-answer": '''def canary_passes(samples, conf_level=0.98, allowed_increase=1.2):
    m = samples.groupby(["run_id", "metric", "group"])["value"].mean().unstack("group")
    return ~(m["canary"] >= allowed_increase * m["baseline"]).groupby(level="run_id").any()
''',
    }, {"ex-2-hidden", "ex-3-hidden", "ex-6-hidden"}),

    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        # a table of counts per service and status, not one rate per service
        "ex-1-answer": '''def deployment_frequency(deployments):
    return deployments.groupby(["service_id", "status"]).size().unstack(fill_value=0)
''',
        # one organisation-wide median instead of one per service
        "ex-2-answer": '''def change_lead_time_hours(deployments, commits):
    ok = deployments[deployments["status"] == "success"]
    p = ok.assign(sha=ok["changes"].str.split()).explode("sha").merge(commits, on="sha", suffixes=("", "_c"))
    h = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    return float(h[h > 0].median())
''',
        # a percentage instead of a fraction
        "ex-3-answer": '''def change_fail_rate(deployments, incidents):
    ok = deployments[deployments["status"] == "success"]
    x = ok.assign(sha=ok["changes"].str.split()).explode("sha")
    bad = set(x.loc[x["sha"].isin(incidents["root_cause"].dropna()), "deployment_id"])
    return 100 * ok["deployment_id"].isin(bad).groupby(ok["service_id"]).mean()
''',
        # off by one: a window of 59 minutes where 60 were asked for
        "ex-4-answer": '''def burn_rate(slo, slo_target, window_minutes):
    s = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes - 1).sum()
    return s["errors"] / s["requests"] / (1 - slo_target)
''',
        # a single "page"/"ticket"/"none" label per minute instead of two boolean columns
        "ex-5-answer": '''def burn_alerts(slo, slo_target):
    r = {w: burn_rate(slo, slo_target, w) for w in (5, 30, 60, 360, 4320)}
    page = ((r[60] > 14.4) & (r[5] > 14.4)) | ((r[360] > 6) & (r[30] > 6))
    ticket = (r[4320] > 1) & (r[360] > 1)
    return pd.Series(np.where(page, "page", np.where(ticket, "ticket", "none")), index=r[5].index)
''',
        # the strings 'pass'/'fail' instead of booleans
        "ex-6-answer": '''def canary_passes(samples, conf_level=0.98, allowed_increase=1.2):
    def fails(g):
        c, b = g.loc[g["group"] == "canary", "value"], g.loc[g["group"] == "baseline", "value"]
        return mannwhitneyu(c, b, alternative="greater").pvalue < 1 - conf_level and c.mean() >= allowed_increase * b.mean()
    f = samples.groupby(["run_id", "metric"])[["group", "value"]].apply(fails)
    return f.groupby(level="run_id").any().map({True: "fail", False: "pass"})
''',
    }, {"ex-1-visible", "ex-1-hidden", "ex-2-visible", "ex-2-hidden", "ex-3-visible", "ex-3-hidden",
        "ex-4-visible", "ex-4-hidden", "ex-5-visible", "ex-5-hidden", "ex-6-visible", "ex-6-hidden"}),
}
