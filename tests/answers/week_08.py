"""Week 8: plausible mistakes, each tied to the checks it must fail.

Every answer below changes one exercise only; a student holds one mistake per exercise, so each
exercise's cells are zeroed by its own mistake and by nothing else. The answers of Exercises 7
(Four Keys in SQL) and 8 (house rules) are the reference answer of authoring/week-08.py with one
rule changed, so that each differs from the reference by exactly the mistake it names.
"""
from pathlib import Path

_AUTHORING = (Path(__file__).resolve().parents[2] / "authoring" / "week-08.py").read_text(encoding="utf-8")


def _variant(grade_id: str, *swaps: tuple[str, str]) -> str:
    """The reference answer of ``grade_id`` (its cell without the solution markers) with each (old, new)
    text swapped (each old must occur)."""
    cell = _AUTHORING.split(f'"grade_id": "{grade_id}"', 1)[1].split("\n", 1)[1].split("\n# %%", 1)[0]
    body = "\n".join(line for line in cell.splitlines() if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION"))
    for old, new in swaps:
        assert old in body, (grade_id, old)
        body = body.replace(old, new)
    return body + "\n"


_OK = 'ok = deployments[deployments["status"] == "success"]'
_TEAM = 'services.set_index("service_id")["team_id"]'

WRONG = {
    # Mistakes that pass the visible checks: only hidden checks catch them.
    "wrong-subtle": ({
        # leaves rollbacks out of deployment frequency
        "ex-1-answer": f'''def deployment_rate(deployments, services):
    ok = deployments[(deployments["status"] == "success") & (deployments["trigger"] != "rollback")]
    team = ok["service_id"].map({_TEAM}).rename("team_id")
    month = ok["deployed_at"].dt.strftime("%Y-%m").rename("month")
    c = ok.groupby([team, month]).size().rename("n").reset_index()
    c["deployments_per_week"] = c["n"] / (pd.PeriodIndex(c["month"], freq="M").days_in_month.to_numpy() / 7)
    return c[["team_id", "month", "deployments_per_week"]]
''',
        # counts deployments per week instead of distinct days with a deployment
        "ex-2-answer": f'''def frequency_bucket(deployments, services, start, end):
    days = pd.date_range(start, end, freq="D", inclusive="left", tz="UTC")
    {_OK}
    hit = pd.DataFrame({{"team_id": ok["service_id"].map({_TEAM}), "day": ok["deployed_at"].dt.floor("D"), "n": 1}})
    hit = hit.groupby(["team_id", "day"], as_index=False)["n"].sum()
    grid = pd.MultiIndex.from_product([sorted(services["team_id"].unique()), days], names=["team_id", "day"]).to_frame(index=False)
    grid = grid.merge(hit, on=["team_id", "day"], how="left").fillna({{"n": 0}})
    grid["week"] = grid["day"] - pd.to_timedelta((grid["day"].dt.day_of_week + 1) % 7, unit="D")
    w = grid.groupby(["team_id", "week"])["n"].sum().rename("d").reset_index()
    w["wd"] = (w["d"] > 0).astype(int)
    w["month"] = w["week"].dt.strftime("%Y-%m")
    monthly = w.groupby(["team_id", "month"])["wd"].sum().groupby("team_id").median()
    m = w.groupby("team_id")[["d", "wd"]].median()
    out = np.where(m["d"] >= 3, "Daily", np.where(m["wd"] >= 1, "Weekly", np.where(monthly.reindex(m.index) >= 1, "Monthly", "Yearly")))
    return pd.Series(out, index=m.index)
''',
        # mean instead of median
        "ex-3-answer": f'''def lead_time_hours(deployments, commits, services):
    {_OK}
    p = ok.assign(sha=ok["changes"].str.split()).explode("sha").dropna(subset=["sha"]).merge(commits[["sha", "committed_at"]], on="sha")
    p["lead_time_hours"] = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    p = p[p["lead_time_hours"] > 0]
    p["team_id"] = p["service_id"].map({_TEAM})
    p["month"] = p["deployed_at"].dt.strftime("%Y-%m")
    return p.groupby(["team_id", "month"])["lead_time_hours"].mean().reset_index()
''',
        # rollbacks kept in the denominator
        "ex-4-answer": f'''def change_failure_rate(deployments, incidents, services):
    {_OK}
    x = ok.assign(sha=ok["changes"].str.split()).explode("sha")
    bad = set(x.loc[x["sha"].isin(incidents.loc[incidents["labels"].str.contains("Incident"), "root_cause"].dropna()), "deployment_id"])
    f = pd.DataFrame({{"team_id": ok["service_id"].map({_TEAM}), "month": ok["deployed_at"].dt.strftime("%Y-%m"),
                      "change_failure_rate": ok["deployment_id"].isin(bad)}})
    return f.groupby(["team_id", "month"])["change_failure_rate"].mean().reset_index()
''',
        # the clock starts when the incident was opened
        "ex-5-answer": f'''def time_to_restore_hours(incidents, deployments, services):
    inc = incidents[incidents["labels"].str.contains("Incident") & incidents["resolved_at"].notna()]
    f = pd.DataFrame({{"team_id": inc["service_id"].map({_TEAM}), "month": inc["created_at"].dt.strftime("%Y-%m"),
                      "time_to_restore_hours": (inc["resolved_at"] - inc["created_at"]).dt.total_seconds() / 3600}})
    return f.groupby(["team_id", "month"])["time_to_restore_hours"].median().reset_index()
''',
        # failed attempts in the denominator
        "ex-6-answer": f'''def rework_rate(deployments, services):
    d = deployments
    f = pd.DataFrame({{"team_id": d["service_id"].map({_TEAM}), "month": d["deployed_at"].dt.strftime("%Y-%m"),
                      "rework_rate": d["trigger"].isin(["rollback", "hotfix"]) & (d["status"] == "success")}})
    return f.groupby(["team_id", "month"])["rework_rate"].mean().reset_index()
''',
        # the old reading of the bounds: rules state ">= 1" deploys a week is High, but the function sends every
        # value on a bound to the slower cluster (exactly one deploy a week becomes Medium)
        "ex-8-answer": _variant("ex-8-answer", ("            met.append(compare[op](values, float(number)))",
                                                "            met.append(compare[op.rstrip('=')](values, float(number)))")),
        # date_diff (boundaries crossed) for BigQuery's TIMESTAMP_DIFF (whole units elapsed): the examples still pass
        "ex-7-answer": _variant("ex-7-answer", ("date_sub('minute'", "date_diff('minute'"), ("date_sub('hour'", "date_diff('hour'")),
        # reverse-coded items not flipped
        "ex-9-answer": '''def space_scores(responses, questions, min_respondents=5):
    info = questions.set_index("item")
    long = responses.melt(id_vars=["team_id", "wave"], value_vars=list(info.index), var_name="item", value_name="answer").dropna(subset=["answer"])
    long["answer"] = long["answer"].astype(float)
    long["dimension"] = long["item"].map(info["dimension"])
    s = long.pivot_table(index=["team_id", "wave"], columns="dimension", values="answer", aggfunc="mean")
    n = responses.groupby(["team_id", "wave"]).size().reindex(s.index)
    return s[n >= min_respondents].reset_index().rename_axis(columns=None)
''',
        # failed attempts count as the first deployment
        "ex-10-answer": '''def first_deployment_days(developers, commits, deployments, since):
    new = developers[developers["start_date"] >= pd.Timestamp(since)]
    x = deployments.assign(sha=deployments["changes"].str.split()).explode("sha").dropna(subset=["sha"])
    first = x.merge(commits[["sha", "author"]], on="sha").groupby("author")["deployed_at"].min()
    start = new.set_index("developer_id")["start_date"].dt.tz_localize("UTC")
    return ((first.reindex(start.index) - start).dt.total_seconds() / 86400).dropna()
''',
        # ratio of means, interval of means
        "ex-11-answer": '''def bootstrap_ratio(before, after, n_boot=2000, seed=0, level=0.95):
    b, a = np.asarray(before, float), np.asarray(after, float)
    rng = np.random.default_rng(seed)
    r = rng.choice(b, (n_boot, len(b))).mean(axis=1) / rng.choice(a, (n_boot, len(a))).mean(axis=1)
    lo, hi = np.quantile(r, [(1 - level) / 2, (1 + level) / 2])
    return {"ratio": float(b.mean() / a.mean()), "low": float(lo), "high": float(hi)}
''',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden",
        "ex-7-hidden-stability", "ex-8-hidden", "ex-9-hidden", "ex-10-hidden", "ex-11-hidden"}),

    # More subtle mistakes, on the scope of each rule.
    "wrong-scope": ({
        # four weeks a month
        "ex-1-answer": f'''def deployment_rate(deployments, services):
    {_OK}
    c = ok.groupby([ok["service_id"].map({_TEAM}).rename("team_id"), ok["deployed_at"].dt.strftime("%Y-%m").rename("month")]).size()
    return (c / 4).rename("deployments_per_week").reset_index()
''',
        # failed attempts count as deployment days
        "ex-2-answer": f'''def frequency_bucket(deployments, services, start, end):
    days = pd.date_range(start, end, freq="D", inclusive="left", tz="UTC")
    hit = pd.DataFrame({{"team_id": deployments["service_id"].map({_TEAM}), "day": deployments["deployed_at"].dt.floor("D")}}).drop_duplicates()
    grid = pd.MultiIndex.from_product([sorted(services["team_id"].unique()), days], names=["team_id", "day"]).to_frame(index=False)
    grid = grid.merge(hit.assign(x=1), on=["team_id", "day"], how="left").fillna({{"x": 0}})
    grid["week"] = grid["day"] - pd.to_timedelta((grid["day"].dt.day_of_week + 1) % 7, unit="D")
    w = grid.groupby(["team_id", "week"])["x"].sum().rename("d").reset_index()
    w["wd"] = (w["d"] > 0).astype(int)
    w["month"] = w["week"].dt.strftime("%Y-%m")
    monthly = w.groupby(["team_id", "month"])["wd"].sum().groupby("team_id").median()
    m = w.groupby("team_id")[["d", "wd"]].median()
    out = np.where(m["d"] >= 3, "Daily", np.where(m["wd"] >= 1, "Weekly", np.where(monthly.reindex(m.index) >= 1, "Monthly", "Yearly")))
    return pd.Series(out, index=m.index)
''',
        # failed attempts' pairs kept
        "ex-3-answer": f'''def lead_time_hours(deployments, commits, services):
    d = deployments
    p = d.assign(sha=d["changes"].str.split()).explode("sha").dropna(subset=["sha"]).merge(commits[["sha", "committed_at"]], on="sha")
    p["lead_time_hours"] = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    p = p[p["lead_time_hours"] > 0]
    p["team_id"] = p["service_id"].map({_TEAM})
    p["month"] = p["deployed_at"].dt.strftime("%Y-%m")
    return p.groupby(["team_id", "month"])["lead_time_hours"].median().reset_index()
''',
        # the label must be exactly "Incident" (misses "Incident, customer-facing")
        "ex-4-answer": f'''def change_failure_rate(deployments, incidents, services):
    ok = deployments[(deployments["status"] == "success") & (deployments["commit_count"] > 0)]
    x = ok.assign(sha=ok["changes"].str.split()).explode("sha")
    bad = set(x.loc[x["sha"].isin(incidents.loc[incidents["labels"] == "Incident", "root_cause"].dropna()), "deployment_id"])
    f = pd.DataFrame({{"team_id": ok["service_id"].map({_TEAM}), "month": ok["deployed_at"].dt.strftime("%Y-%m"),
                      "change_failure_rate": ok["deployment_id"].isin(bad)}})
    return f.groupby(["team_id", "month"])["change_failure_rate"].mean().reset_index()
''',
        # every issue counts, whatever its label
        "ex-5-answer": f'''def time_to_restore_hours(incidents, deployments, services):
    inc = incidents[incidents["resolved_at"].notna()]
    {_OK}
    s = ok.assign(sha=ok["changes"].str.split()).explode("sha").dropna(subset=["sha"]).groupby("sha")["deployed_at"].min()
    dep = inc["root_cause"].map(s)
    start = inc["created_at"].where(dep.isna() | (inc["created_at"] <= dep), dep)
    f = pd.DataFrame({{"team_id": inc["service_id"].map({_TEAM}), "month": start.dt.strftime("%Y-%m"),
                      "time_to_restore_hours": (inc["resolved_at"] - start).dt.total_seconds() / 3600}})
    return f.groupby(["team_id", "month"])["time_to_restore_hours"].median().reset_index()
''',
        # rollbacks left out of the denominator
        "ex-6-answer": f'''def rework_rate(deployments, services):
    {_OK}
    f = pd.DataFrame({{"team_id": ok["service_id"].map({_TEAM}), "month": ok["deployed_at"].dt.strftime("%Y-%m"),
                      "rw": ok["trigger"].isin(["rollback", "hotfix"]).astype(int), "n": (ok["trigger"] != "rollback").astype(int)}})
    g = f.groupby(["team_id", "month"])[["rw", "n"]].sum()
    return (g["rw"] / g["n"].clip(lower=1)).clip(upper=1).rename("rework_rate").reset_index()
''',
        # rules that let exactly 24 hours of lead time be Elite ("less than one day" read as "at most a day")
        "ex-8-answer": _variant("ex-8-answer", ('"lead_time_hours": {"Elite": "< 24"', '"lead_time_hours": {"Elite": "<= 24"')),
        # the "median month" over months (this week's pandas house rule), not over week rows; and Four Keys'
        # flawed numerator (joined rows, not distinct failed deployments)
        "ex-7-answer": _variant("ex-7-answer",
                                ("sum(week_deployed) OVER (PARTITION BY team_id, date_trunc('month', week)) AS monthly_deploys\n            FROM weeks",
                                 "sum(week_deployed) OVER (PARTITION BY team_id, date_trunc('month', week)) AS monthly_deploys\n            FROM weeks QUALIFY row_number() OVER (PARTITION BY team_id, date_trunc('month', week)) = 1"),
                                ("SELECT DISTINCT x.deployment_id\n", "SELECT x.deployment_id\n"),
                                ("avg(CASE WHEN f.deployment_id IS NULL THEN 0.0 ELSE 1.0 END)",
                                 "sum(CASE WHEN f.deployment_id IS NULL THEN 0.0 ELSE 1.0 END) / count(DISTINCT d.deployment_id)")),
        # small teams kept (no privacy threshold)
        "ex-9-answer": '''def space_scores(responses, questions, min_respondents=5):
    info = questions.set_index("item")
    long = responses.melt(id_vars=["team_id", "wave"], value_vars=list(info.index), var_name="item", value_name="answer").dropna(subset=["answer"])
    a = long["answer"].astype(float)
    long["answer"] = a.where(~long["item"].map(info["reverse_coded"].astype(bool)), 6 - a)
    long["dimension"] = long["item"].map(info["dimension"])
    return long.pivot_table(index=["team_id", "wave"], columns="dimension", values="answer", aggfunc="mean").reset_index().rename_axis(columns=None)
''',
        # time to the first commit, not to its deployment
        "ex-10-answer": '''def first_deployment_days(developers, commits, deployments, since):
    new = developers[developers["start_date"] >= pd.Timestamp(since)]
    shipped = set(deployments.loc[deployments["status"] == "success", "changes"].str.split().explode().dropna())
    first = commits[commits["sha"].isin(shipped)].groupby("author")["committed_at"].min()
    start = new.set_index("developer_id")["start_date"].dt.tz_localize("UTC")
    return ((first.reindex(start.index) - start).dt.total_seconds() / 86400).dropna()
''',
        # always a 95% interval, whatever level asks
        "ex-11-answer": '''def bootstrap_ratio(before, after, n_boot=2000, seed=0, level=0.95):
    b, a = np.asarray(before, float), np.asarray(after, float)
    rng = np.random.default_rng(seed)
    r = np.median(rng.choice(b, (n_boot, len(b))), axis=1) / np.median(rng.choice(a, (n_boot, len(a))), axis=1)
    lo, hi = np.quantile(r, [0.025, 0.975])
    return {"ratio": float(np.median(b) / np.median(a)), "low": float(lo), "high": float(hi)}
''',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden",
        "ex-7-hidden-stability", "ex-8-hidden", "ex-9-hidden", "ex-10-hidden", "ex-11-hidden"}),

    # Mistakes the visible checks already catch (and so do the hidden ones).
    "wrong-visible": ({
        # a Series per team, no month
        "ex-1-answer": f'''def deployment_rate(deployments, services):
    {_OK}
    return ok.groupby(ok["service_id"].map({_TEAM})).size() / 26
''',
        # lower-case bucket names
        "ex-2-answer": '''def frequency_bucket(deployments, services, start, end):
    return pd.Series("daily", index=sorted(services["team_id"].unique()))
''',
        # negative lead times kept
        "ex-3-answer": f'''def lead_time_hours(deployments, commits, services):
    {_OK}
    p = ok.assign(sha=ok["changes"].str.split()).explode("sha").dropna(subset=["sha"]).merge(commits[["sha", "committed_at"]], on="sha")
    p["lead_time_hours"] = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600 - 48
    p["team_id"] = p["service_id"].map({_TEAM})
    p["month"] = p["deployed_at"].dt.strftime("%Y-%m")
    return p.groupby(["team_id", "month"])["lead_time_hours"].median().reset_index()
''',
        # a percentage
        "ex-4-answer": f'''def change_failure_rate(deployments, incidents, services):
    ok = deployments[(deployments["status"] == "success") & (deployments["commit_count"] > 0)]
    x = ok.assign(sha=ok["changes"].str.split()).explode("sha")
    bad = set(x.loc[x["sha"].isin(incidents["root_cause"].dropna()), "deployment_id"])
    f = pd.DataFrame({{"team_id": ok["service_id"].map({_TEAM}), "month": ok["deployed_at"].dt.strftime("%Y-%m"),
                      "change_failure_rate": 100.0 * ok["deployment_id"].isin(bad)}})
    return f.groupby(["team_id", "month"])["change_failure_rate"].mean().reset_index()
''',
        # the column named differently
        "ex-5-answer": f'''def time_to_restore_hours(incidents, deployments, services):
    inc = incidents[incidents["resolved_at"].notna()]
    f = pd.DataFrame({{"team_id": inc["service_id"].map({_TEAM}), "month": inc["created_at"].dt.strftime("%Y-%m"),
                      "hours": (inc["resolved_at"] - inc["created_at"]).dt.total_seconds() / 3600}})
    return f.groupby(["team_id", "month"])["hours"].median().reset_index()
''',
        # a percentage
        "ex-6-answer": f'''def rework_rate(deployments, services):
    {_OK}
    f = pd.DataFrame({{"team_id": ok["service_id"].map({_TEAM}), "month": ok["deployed_at"].dt.strftime("%Y-%m"),
                      "rework_rate": 100.0 * ok["trigger"].isin(["rollback", "hotfix"])}})
    return f.groupby(["team_id", "month"])["rework_rate"].mean().reset_index()
''',
        # cluster numbers instead of names
        "ex-8-answer": _variant("ex-8-answer", ("return pd.Series(names[worst], index=profile.index)",
                                                "return pd.Series(worst, index=profile.index)")),
        # the lead-time column named for its unit of measure, not as asked
        "ex-7-answer": _variant("ex-7-answer", ("/ 60 AS lead_time_hours", "AS lead_time_minutes")),
        # dimension names capitalised
        "ex-9-answer": '''def space_scores(responses, questions, min_respondents=5):
    info = questions.set_index("item")
    long = responses.melt(id_vars=["team_id", "wave"], value_vars=list(info.index), var_name="item", value_name="answer").dropna(subset=["answer"])
    long["answer"] = long["answer"].astype(float)
    long["dimension"] = long["item"].map(info["dimension"]).str.title()
    return long.pivot_table(index=["team_id", "wave"], columns="dimension", values="answer", aggfunc="mean").reset_index()
''',
        # developers with no deployment kept as NaN
        "ex-10-answer": '''def first_deployment_days(developers, commits, deployments, since):
    new = developers[developers["start_date"] >= pd.Timestamp(since)]
    ok = deployments[deployments["status"] == "success"]
    x = ok.assign(sha=ok["changes"].str.split()).explode("sha").dropna(subset=["sha"])
    first = x.merge(commits[["sha", "author"]], on="sha").groupby("author")["deployed_at"].min()
    start = new.set_index("developer_id")["start_date"].dt.tz_localize("UTC")
    return (first.reindex(start.index) - start).dt.total_seconds() / 86400
''',
        # a tuple instead of a dict
        "ex-11-answer": '''def bootstrap_ratio(before, after, n_boot=2000, seed=0, level=0.95):
    return (float(np.median(before) / np.median(after)), 0.0, 0.0)
''',
    }, {"ex-1-visible", "ex-1-hidden", "ex-2-visible", "ex-2-hidden", "ex-3-visible", "ex-3-hidden", "ex-4-visible",
        "ex-4-hidden", "ex-5-visible", "ex-5-hidden", "ex-6-visible", "ex-6-hidden", "ex-7-visible", "ex-7-hidden", "ex-8-visible", "ex-8-hidden",
        "ex-9-visible", "ex-9-hidden", "ex-10-visible", "ex-10-hidden", "ex-11-visible", "ex-11-hidden"}),
}
