"""Week 5: plausible mistakes, each tied to the checks it must fail.

MISTAKES holds one plausible wrong answer per entry, each confined to one exercise: it must zero
that exercise's hidden check (and its visible one when ``visible=True``) and nothing else. No check
cell calls another exercise's function (compose only needs validation_errors to be empty exactly for
valid requests, which every mistake below keeps), so mistakes of different exercises can share a
student without hiding one another. Students are grouped (eleven exercises, 24 mistakes) because
one nbgrader autograde run grades them all within its time limit.
"""


def _one(ex: int, code: str, visible: bool) -> tuple[dict, set]:
    zeroed = {f"ex-{ex}-hidden"} | ({f"ex-{ex}-visible"} if visible else set())
    return {f"ex-{ex}-answer": code}, zeroed


def _anomalies(baseline: str, resource: str = "ResourceId") -> str:
    """cost_anomalies with another baseline expression or resource column name."""
    return f'''def cost_anomalies(bill):
    rows = bill[bill["ChargeCategory"].eq("Usage") & bill["ResourceId"].notna()]
    day = rows["ChargePeriodStart"].dt.strftime("%Y-%m-%d")
    grid = rows.pivot_table(index=day, columns="ResourceId", values="EffectiveCost", aggfunc="sum", fill_value=0.0).sort_index()
    base = grid.rolling(7, min_periods=7).{baseline}
    flag = (grid > 3 * base) & (grid - base > 100)
    out = pd.DataFrame({{"cost": grid.stack(), "baseline": base.stack(), "flag": flag.stack()}})
    out = out[out["flag"]].drop(columns="flag").reset_index()
    out.columns = ["date", "{resource}", "cost", "baseline"]
    return out.sort_values(["date", "{resource}"]).reset_index(drop=True)
'''


MISTAKES = {
    # --- Exercise 1: validation_errors
    # a missing required field named by its parent (jsonschema's error path), not by its own name
    "ex1-required-on-parent": _one(1, '''def validation_errors(request):
    return sorted({".".join(str(p) for p in e.absolute_path) for e in Draft202012Validator(REQUEST_SCHEMA).iter_errors(request)})
''', visible=False),
    # jsonschema's messages instead of the field names
    "ex1-messages": _one(1, '''def validation_errors(request):
    return sorted({e.message for e in Draft202012Validator(REQUEST_SCHEMA).iter_errors(request)})
''', visible=True),

    # --- Exercise 2: compose
    # defaults not applied: jsonschema validated the request, so it "must" be complete
    "ex2-no-defaults": _one(2, '''def compose(request):
    if validation_errors(request):
        raise ValueError("invalid request")
    parts = COMPOSITIONS[request["resource_type"]]
    return pd.DataFrame({"kind": [k for k, _ in parts], "name": [f"{request['service_id']}-{s}" for _, s in parts],
                         "provider": request["provider"], "region": request.get("region"), "size": request.get("size")})
''', visible=False),
    # names are the bare suffixes
    "ex2-bare-names": _one(2, '''def compose(request):
    if validation_errors(request):
        raise ValueError("invalid request")
    parts = COMPOSITIONS[request["resource_type"]]
    return pd.DataFrame({"kind": [k for k, _ in parts], "name": [s for _, s in parts], "provider": request["provider"],
                         "region": request.get("region", ALLOWED_REGIONS[request["provider"]][0]),
                         "size": request.get("size", REQUEST_SCHEMA["properties"]["size"]["default"])})
''', visible=True),

    # --- Exercise 3: turnaround
    # the mean, pulled up by the few requests that wait a week
    "ex3-mean": _one(3, '''def turnaround(requests):
    hours = (requests["decided_at"] - requests["requested_at"]).dt.total_seconds() / 3600
    path = pd.Series(np.where(requests["decision"].eq("auto-approved"), "self-service", "manual"), index=requests.index, name="path")
    g = hours.groupby(path)
    return pd.DataFrame({"requests": g.size(), "median_hours": g.mean(), "p90_hours": g.quantile(0.9)})
''', visible=False),
    # rejected requests left out: "manual" read as "approved by a person"
    "ex3-no-rejections": _one(3, '''def turnaround(requests):
    r = requests[requests["decision"].ne("rejected")]
    hours = (r["decided_at"] - r["requested_at"]).dt.total_seconds() / 3600
    path = pd.Series(np.where(r["decision"].eq("auto-approved"), "self-service", "manual"), index=r.index, name="path")
    g = hours.groupby(path)
    return pd.DataFrame({"requests": g.size(), "median_hours": g.median(), "p90_hours": g.quantile(0.9)})
''', visible=True),

    # --- Exercise 4: evaluate_manifest
    # "no tag" tested on the whole image: a registry port looks like a tag (the old library rule)
    "ex4-colon-anywhere": _one(4, '''def evaluate_manifest(doc):
    found = []
    labels = (doc.get("metadata") or {}).get("labels") or {}
    found += [{"rule": "required-labels", "subject": k, "message": f"missing label {k}"} for k in REQUIRED_LABELS if k not in labels]
    if doc.get("kind") not in WORKLOAD_KINDS:
        return found
    pod = ((doc.get("spec") or {}).get("template") or {}).get("spec") or {}
    for c in (pod.get("initContainers") or []) + (pod.get("containers") or []):
        image = c.get("image", "")
        if any(image.endswith(":" + t) for t in DISALLOWED_TAGS) or ":" not in image:
            found.append({"rule": "disallowed-tags", "subject": c.get("name"), "message": f"bad tag {image}"})
        limits = (c.get("resources") or {}).get("limits") or {}
        if not limits.get("cpu") or not limits.get("memory"):
            found.append({"rule": "container-limits", "subject": c.get("name"), "message": "missing limits"})
    return found
''', visible=False),
    # strings instead of violation dicts
    "ex4-strings": _one(4, '''def evaluate_manifest(doc):
    labels = (doc.get("metadata") or {}).get("labels") or {}
    return [f"required-labels:{k}" for k in REQUIRED_LABELS if k not in labels]
''', visible=True),

    # --- Exercise 5: request_violations
    # any allowed region of any provider passes (westeurope accepted for AWS)
    "ex5-any-region": _one(5, '''def request_violations(requests):
    cc = requests["tags"].map(lambda t: str(json.loads(t).get("cost-center") or "").strip())
    anywhere = {r for rs in ALLOWED_REGIONS.values() for r in rs}
    broken = pd.DataFrame({"cost-center-tag": cc.eq(""), "allowed-region": ~requests["region"].isin(anywhere),
                           "cost-ceiling": requests["estimated_monthly_cost_usd"] > COST_CEILING_USD})
    long = broken.assign(request_id=requests["request_id"]).melt(id_vars="request_id", var_name="rule", value_name="b")
    return long.loc[long["b"], ["request_id", "rule"]].reset_index(drop=True)
''', visible=False),
    # a wide table of booleans, one row per request
    "ex5-wide": _one(5, '''def request_violations(requests):
    cc = requests["tags"].map(lambda t: str(json.loads(t).get("cost-center") or "").strip())
    return pd.DataFrame({"request_id": requests["request_id"], "cost-center-tag": cc.eq(""),
                         "cost-ceiling": requests["estimated_monthly_cost_usd"] > COST_CEILING_USD})
''', visible=True),

    # --- Exercise 6: route
    # the threshold read as exclusive: a request costing exactly 250 goes to a person
    "ex6-exclusive-threshold": _one(6, '''def route(requests, violations, mode):
    if mode not in ("deny", "warn", "dryrun"):
        raise ValueError("mode must be deny, warn or dryrun")
    breaks = requests["request_id"].isin(violations["request_id"]).to_numpy()
    small = (requests["size"].isin(AUTO_APPROVE_SIZES) & (requests["estimated_monthly_cost_usd"] < AUTO_APPROVE_MAX_USD)).to_numpy()
    decision = np.where(breaks & (mode == "deny"), "deny", np.where(small, "auto-approve", "review"))
    return pd.DataFrame({"decision": decision, "warning": breaks & (mode == "warn")}, index=pd.Index(requests["request_id"], name="request_id"))
''', visible=False),
    # the index left as row numbers
    "ex6-row-index": _one(6, '''def route(requests, violations, mode):
    breaks = requests["request_id"].isin(violations["request_id"]).to_numpy()
    small = (requests["size"].isin(AUTO_APPROVE_SIZES) & (requests["estimated_monthly_cost_usd"] <= AUTO_APPROVE_MAX_USD)).to_numpy()
    decision = np.where(breaks & (mode == "deny"), "deny", np.where(small, "auto-approve", "review"))
    return pd.DataFrame({"request_id": requests["request_id"].to_numpy(), "decision": decision, "warning": breaks & (mode == "warn")})
''', visible=True),

    # --- Exercise 7: showback
    # the invoice's column: the savings plan's covered nodes look free, its purchase lands on one owner
    "ex7-billed-cost": _one(7, '''def showback(bill, services):
    parsed = {t: json.loads(t) for t in bill["Tags"].dropna().unique()}
    tags = bill["Tags"].map(parsed).map(lambda d: d if isinstance(d, dict) else {})
    shared = tags.map(lambda d: d.get("shared") == "true")
    owner = tags.map(lambda d: d.get("team")).fillna(tags.map(lambda d: d.get("service")).map(
        services.set_index("service_id")["team_id"])).fillna("(untagged)").where(~shared, "(shared)")
    return bill["BilledCost"].groupby(owner).sum()
''', visible=False),
    # the team tag wins: the shared clusters become platform-runtime's spend
    "ex7-team-wins": _one(7, '''def showback(bill, services):
    parsed = {t: json.loads(t) for t in bill["Tags"].dropna().unique()}
    tags = bill["Tags"].map(parsed).map(lambda d: d if isinstance(d, dict) else {})
    owner = tags.map(lambda d: d.get("team")).fillna(tags.map(lambda d: d.get("service")).map(
        services.set_index("service_id")["team_id"])).fillna("(untagged)")
    return bill["EffectiveCost"].groupby(owner).sum()
''', visible=True),

    # --- Exercise 8: allocate_shared
    # weighted by requests alone: bursting noisy neighbours pay for what they reserved, not what they used
    "ex8-requests-only": _one(8, '''def allocate_shared(cluster_cost, usage):
    t = usage[~usage["shared"].astype(bool)].copy()
    t["share"] = t["cpu_request_cores"] / t.groupby(["date", "cluster"])["cpu_request_cores"].transform("sum")
    m = t.merge(cluster_cost, on=["date", "cluster"])
    return (m["share"] * m["cost"]).groupby(m["team_id"]).sum()
''', visible=False),
    # the shares returned, never multiplied by the cost
    "ex8-shares-only": _one(8, '''def allocate_shared(cluster_cost, usage):
    t = usage[~usage["shared"].astype(bool)].copy()
    t["w"] = np.maximum(t["cpu_request_cores"], t["cpu_usage_avg_cores"])
    t["share"] = t["w"] / t.groupby(["date", "cluster"])["w"].transform("sum")
    return t.groupby("team_id")["share"].sum()
''', visible=True),

    # --- Exercise 9: rate_savings
    # THE TRAP: list minus effective over the whole bill counts the savings-plan purchases as savings
    "wrong-subtle": _one(9, '''def rate_savings(bill):
    return float((bill["ListCost"] - bill["EffectiveCost"]).sum())
''', visible=False),
    # list minus billed on usage: covered usage billed at 0 looks entirely saved
    "ex9-billed": _one(9, '''def rate_savings(bill):
    u = bill[bill["ChargeCategory"].eq("Usage")]
    return float((u["ListCost"] - u["BilledCost"]).sum())
''', visible=False),
    # one number per category instead of one number
    "ex9-series": _one(9, '''def rate_savings(bill):
    return (bill["ListCost"] - bill["EffectiveCost"]).groupby(bill["ChargeCategory"]).sum()
''', visible=True),

    # --- Exercise 10: month_end_forecast
    # run rate from the whole history: lags behind a growing spend
    "ex10-history-mean": _one(10, '''def month_end_forecast(daily, as_of):
    as_of = pd.Timestamp(as_of)
    known = daily[daily.index < as_of]
    to_date = float(known[known.index >= as_of.replace(day=1)].sum())
    return to_date + float(known.mean()) * (as_of.days_in_month - as_of.day + 1)
''', visible=False),
    # as_of itself not counted among the days left
    "ex10-off-by-one": _one(10, '''def month_end_forecast(daily, as_of):
    as_of = pd.Timestamp(as_of)
    known = daily[daily.index < as_of]
    to_date = float(known[known.index >= as_of.replace(day=1)].sum())
    return to_date + float(known.tail(7).mean()) * (as_of.days_in_month - as_of.day)
''', visible=True),

    # --- Exercise 11: cost_anomalies (variants of one pipeline)
    # a mean baseline: the first days of a surge raise it and hide the rest
    "ex11-mean-baseline": _one(11, _anomalies("mean().shift(1)"), visible=False),
    # the day itself inside its own baseline window
    "ex11-window-includes-day": _one(11, _anomalies("median()"), visible=False),
    # snake_case column names instead of the FOCUS column name asked for
    "ex11-renamed-columns": _one(11, _anomalies("median().shift(1)", resource="resource_id"), visible=True),
}


def _student(*names: str) -> tuple[dict, set]:
    answers, zeroed = {}, set()
    for name in names:
        a, z = MISTAKES[name]
        assert not set(a) & set(answers), f"{name}: two mistakes for one exercise in one student"
        answers.update(a)
        zeroed |= z
    return answers, zeroed


WRONG = {
    # the list-price savings trap alone (its feedback must explain the rule)
    "wrong-subtle": _student("wrong-subtle"),
    # mistakes only the hidden checks catch, one student per lab part
    "subtle-provisioning": _student("ex1-required-on-parent", "ex2-no-defaults", "ex3-mean"),
    "subtle-policy": _student("ex4-colon-anywhere", "ex5-any-region", "ex6-exclusive-threshold"),
    "subtle-allocation": _student("ex7-billed-cost", "ex8-requests-only"),
    "subtle-forecast": _student("ex10-history-mean", "ex11-mean-baseline"),
    "subtle-alternatives": _student("ex9-billed", "ex11-window-includes-day"),
    # mistakes of shape that the visible checks already catch
    "wrong-visible": _student("ex1-messages", "ex2-bare-names", "ex3-no-rejections", "ex4-strings", "ex5-wide",
                              "ex6-row-index", "ex7-team-wins", "ex8-shares-only", "ex9-series", "ex10-off-by-one",
                              "ex11-renamed-columns"),
}
