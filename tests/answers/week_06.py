"""Week 6: plausible mistakes, each tied to the checks it must fail.

Every answer below changes one exercise only; a student holds one mistake per exercise, so each
exercise's cells are zeroed by its own mistake and by nothing else.
"""

_CLASSIFY = '''def classify_drift(apps, fields, poll_seconds=POLL_SECONDS):
    a = apps.set_index("app")
    edited = (fields["desired"] != fields["live"]).groupby(fields["app"]).any().reindex(a.index, fill_value=False)
    behind = a["desired_revision"] != a["live_revision"]
    age = (a["observed_at"] - a["desired_committed_at"]).dt.total_seconds()
    waiting = {waiting}
    return pd.Series(np.select([behind & waiting, behind, edited], ["pending", "failed-sync", "changed-by-hand"], "in-sync"), index=a.index)
'''

_HIGH = '''def canary_passes(samples, conf_level=0.98, tolerance=0.25, allowed_increase=1.0):
    def high(g):
        c = g.loc[g["group"] == "canary", "value"].to_numpy(float)
        b = g.loc[g["group"] == "baseline", "value"].to_numpy(float)
        {body}
    return ~samples.groupby(["run_id", "metric"])[["group", "value"]].apply(high).groupby(level="run_id").any()
'''

_RATE = '''def burn_rate(slo, slo_target, window_minutes):
    {body}
'''

WRONG = {
    # Mistakes that pass the visible checks: only hidden checks catch them.
    "wrong-subtle": ({
        # a revision exactly one poll interval old is still "pending" (<= instead of <)
        "ex-1-answer": _CLASSIFY.format(waiting='(age <= poll_seconds) & (a["last_sync_result"] != "failed")'),
        # fields of pending applications included in the plan
        "ex-2-answer": '''def reconcile_plan(apps, fields):
    same = apps.set_index("app")["desired_revision"] == apps.set_index("app")["live_revision"]
    d = fields[fields["live"] != fields["desired"]].copy()
    d["change"] = np.where(d["app"].map(same), "revert-hand-edit", "apply-desired-revision")
    return d.sort_values(["app", "kind", "field"])[["app", "kind", "name", "field", "live", "desired", "change"]].reset_index(drop=True)
''',
        # the effect size read as the ratio of medians, not of means
        "ex-3-answer": _HIGH.format(body='''if np.array_equal(np.sort(c), np.sort(b)):
            return False
        est, low, _ = hodges_lehmann(c, b, conf_level)
        return bool(low > tolerance * abs(est) and np.median(c) / np.median(b) >= allowed_increase)'''),
        # targeting key and flag key hashed in the other order
        "ex-4-answer": '''def rollout(targeting_keys, flag_key, percentage):
    return targeting_keys.astype(str).map(lambda k: int(hashlib.sha256(f"{k}/{flag_key}".encode()).hexdigest()[:8], 16) % 10000) < percentage * 100
''',
        # the rollout is evaluated before the targeting rules
        "ex-5-answer": '''def evaluate(flags, flag_key, context, default):
    flag = flags.get(flag_key)
    if flag is None:
        return {"value": default, "variant": None, "reason": "ERROR", "error_code": "FLAG_NOT_FOUND"}
    if flag.get("state") == "DISABLED":
        return {"value": default, "variant": None, "reason": "DISABLED", "error_code": None}
    v = flag["variants"]
    if "rollout" in flag:
        key = context.get("targetingKey")
        if key is None:
            return {"value": default, "variant": None, "reason": "ERROR", "error_code": "TARGETING_KEY_MISSING"}
        inside = bool(rollout(pd.Series([key]), flag_key, flag["rollout"]["percentage"]).iloc[0])
        var = flag["rollout"]["variant"] if inside else flag["defaultVariant"]
        return {"value": v[var], "variant": var, "reason": "SPLIT", "error_code": None}
    for rule in flag.get("targeting", []):
        if context.get(rule["attribute"]) in rule["in"]:
            return {"value": v[rule["variant"]], "variant": rule["variant"], "reason": "TARGETING_MATCH", "error_code": None}
    var = flag["defaultVariant"]
    return {"value": v[var], "variant": var, "reason": "STATIC" if not flag.get("targeting") else "DEFAULT", "error_code": None}
''',
        # mean of the minutes' error rates instead of a ratio of sums
        "ex-6-answer": _RATE.format(body='''s = slo.set_index("minute")
    return (s["errors"] / s["requests"]).rolling(window_minutes).mean() / (1 - slo_target)'''),
        # either window of a pair is enough (or instead of and)
        "ex-7-answer": '''def burn_alerts(slo, slo_target):
    r = {w: burn_rate(slo, slo_target, w) for w in (5, 30, 60, 360, 4320)}
    page = (r[60] > 14.4) | (r[5] > 14.4) | (r[360] > 6) | (r[30] > 6)
    ticket = (r[4320] > 1) | (r[360] > 1)
    return pd.DataFrame({"page": page, "ticket": ticket})
''',
        # services without any alerting rule left out of the denominator
        "ex-8-answer": '''def monitoring_coverage(services, rules):
    burn = rules[rules["alertname"] == "ErrorBudgetBurn"]
    both = burn.groupby("service_id")["severity"].agg(lambda s: {"page", "ticket"} <= set(s))
    known = services[services["service_id"].isin(rules["service_id"])]
    ok = known["service_id"].map(both).fillna(False).astype(bool) & known["slo_availability_pct"].notna()
    return ok.groupby(known["tier"]).mean().reindex(sorted(services["tier"].unique())).fillna(0.0)
''',
        # alerts that needed no action kept in the denominator
        "ex-9-answer": '''def automatable_share(alerts, safe_actions, severity=None):
    a = alerts if severity is None else alerts[alerts["severity"] == severity]
    return float(a["remediation"].isin(set(safe_actions)).mean())
''',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden",
        "ex-8-hidden", "ex-9-hidden"}),

    # More subtle mistakes, on the scope of each rule.
    "wrong-scope": ({
        # a fresh revision is pending even when its sync failed
        "ex-1-answer": _CLASSIFY.format(waiting="age < poll_seconds"),
        # rows not sorted by app, kind, field
        "ex-2-answer": '''def reconcile_plan(apps, fields):
    state = classify_drift(apps, fields)
    same = apps.set_index("app")["desired_revision"] == apps.set_index("app")["live_revision"]
    d = fields[(fields["live"] != fields["desired"]) & fields["app"].map(state).ne("pending")].copy()
    d["change"] = np.where(d["app"].map(same), "revert-hand-edit", "apply-desired-revision")
    return d.sort_values(["field", "app"])[["app", "kind", "name", "field", "live", "desired", "change"]].reset_index(drop=True)
''',
        # the old one-sided rule: p < 1 - conf_level and a mean ratio of at least 1.2, whatever allowed_increase says
        "ex-3-answer": _HIGH.format(body='''from scipy.stats import mannwhitneyu
        p = mannwhitneyu(c, b, alternative="greater").pvalue
        return bool(p < 1 - conf_level and c.mean() >= 1.2 * b.mean())'''),
        # buckets of whole percents: a fractional percentage is rounded away
        "ex-4-answer": '''def rollout(targeting_keys, flag_key, percentage):
    return targeting_keys.astype(str).map(lambda k: int(hashlib.sha256(f"{flag_key}/{k}".encode()).hexdigest()[:8], 16) % 100) < int(percentage)
''',
        # a user outside the rollout gets reason DEFAULT instead of SPLIT
        "ex-5-answer": '''def evaluate(flags, flag_key, context, default):
    flag = flags.get(flag_key)
    if flag is None:
        return {"value": default, "variant": None, "reason": "ERROR", "error_code": "FLAG_NOT_FOUND"}
    if flag.get("state") == "DISABLED":
        return {"value": default, "variant": None, "reason": "DISABLED", "error_code": None}
    v = flag["variants"]
    for rule in flag.get("targeting", []):
        if context.get(rule["attribute"]) in rule["in"]:
            return {"value": v[rule["variant"]], "variant": rule["variant"], "reason": "TARGETING_MATCH", "error_code": None}
    if "rollout" in flag:
        key = context.get("targetingKey")
        if key is None:
            return {"value": default, "variant": None, "reason": "ERROR", "error_code": "TARGETING_KEY_MISSING"}
        if bool(rollout(pd.Series([key]), flag_key, flag["rollout"]["percentage"]).iloc[0]):
            var = flag["rollout"]["variant"]
            return {"value": v[var], "variant": var, "reason": "SPLIT", "error_code": None}
        var = flag["defaultVariant"]
        return {"value": v[var], "variant": var, "reason": "DEFAULT", "error_code": None}
    var = flag["defaultVariant"]
    return {"value": v[var], "variant": var, "reason": "STATIC" if not flag.get("targeting") else "DEFAULT", "error_code": None}
''',
        # errors counted on top of the requests (requests read as successes only)
        "ex-6-answer": _RATE.format(body='''s = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes).sum()
    return s["errors"] / (s["requests"] + s["errors"]) / (1 - slo_target)'''),
        # the ticket's short window taken as one hour instead of six
        "ex-7-answer": '''def burn_alerts(slo, slo_target):
    r = {w: burn_rate(slo, slo_target, w) for w in (5, 30, 60, 360, 4320)}
    page = ((r[60] > 14.4) & (r[5] > 14.4)) | ((r[360] > 6) & (r[30] > 6))
    ticket = (r[4320] > 1) & (r[60] > 1)
    return pd.DataFrame({"page": page, "ticket": ticket})
''',
        # a page rule is taken as enough (the ticket rule is not required)
        "ex-8-answer": '''def monitoring_coverage(services, rules):
    burn = rules[rules["alertname"] == "ErrorBudgetBurn"]
    both = burn.groupby("service_id")["severity"].agg(lambda s: "page" in set(s))
    ok = services["service_id"].map(both).fillna(False).astype(bool) & services["slo_availability_pct"].notna()
    return ok.groupby(services["tier"]).mean()
''',
        # the severity argument ignored
        "ex-9-answer": '''def automatable_share(alerts, safe_actions, severity=None):
    a = alerts[alerts["remediation"] != "none"]
    return float(a["remediation"].isin(set(safe_actions)).mean())
''',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden",
        "ex-8-hidden", "ex-9-hidden"}),

    # Mistakes the visible checks already catch (and so do the hidden ones).
    "wrong-visible": ({
        # a table instead of one label per app
        "ex-1-answer": '''def classify_drift(apps, fields, poll_seconds=POLL_SECONDS):
    return apps[["app", "last_sync_result"]]
''',
        # every field, changed or not
        "ex-2-answer": '''def reconcile_plan(apps, fields):
    return fields.assign(change="apply-desired-revision")[["app", "kind", "name", "field", "live", "desired", "change"]]
''',
        # the strings 'pass' and 'fail' instead of booleans
        "ex-3-answer": '''def canary_passes(samples, conf_level=0.98, tolerance=0.25, allowed_increase=1.0):
    m = samples.groupby(["run_id", "metric", "group"])["value"].mean().unstack("group")
    bad = (m["canary"] > m["baseline"] * 1.2).groupby(level="run_id").any()
    return pd.Series(np.where(bad, "fail", "pass"), index=bad.index)
''',
        # the percentage read as a fraction of 10,000 buckets
        "ex-4-answer": '''def rollout(targeting_keys, flag_key, percentage):
    return targeting_keys.astype(str).map(lambda k: int(hashlib.sha256(f"{flag_key}/{k}".encode()).hexdigest()[:8], 16) % 10000) < percentage
''',
        # a tuple instead of a dict
        "ex-5-answer": '''def evaluate(flags, flag_key, context, default):
    return (default, None, "DEFAULT", None)
''',
        # off by one: a window of 59 minutes where 60 were asked for
        "ex-6-answer": _RATE.format(body='''s = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes - 1).sum()
    return s["errors"] / s["requests"] / (1 - slo_target)'''),
        # one label per minute instead of two boolean columns
        "ex-7-answer": '''def burn_alerts(slo, slo_target):
    r = {w: burn_rate(slo, slo_target, w) for w in (5, 30, 60, 360, 4320)}
    page = ((r[60] > 14.4) & (r[5] > 14.4)) | ((r[360] > 6) & (r[30] > 6))
    return pd.Series(np.where(page, "page", "none"), index=r[5].index)
''',
        # a percentage
        "ex-8-answer": '''def monitoring_coverage(services, rules):
    burn = rules[rules["alertname"] == "ErrorBudgetBurn"]
    both = burn.groupby("service_id")["severity"].agg(lambda s: {"page", "ticket"} <= set(s))
    return 100 * services["service_id"].map(both).fillna(False).astype(bool).groupby(services["tier"]).mean()
''',
        # a percentage
        "ex-9-answer": '''def automatable_share(alerts, safe_actions, severity=None):
    a = alerts[alerts["remediation"] != "none"]
    return 100 * float(a["remediation"].isin(set(safe_actions)).mean())
''',
    }, {"ex-1-visible", "ex-1-hidden", "ex-2-visible", "ex-2-hidden", "ex-3-visible", "ex-3-hidden", "ex-4-visible",
        "ex-4-hidden", "ex-5-visible", "ex-5-hidden", "ex-6-visible", "ex-6-hidden", "ex-7-visible", "ex-7-hidden",
        "ex-8-visible", "ex-8-hidden", "ex-9-visible", "ex-9-hidden"}),
}
