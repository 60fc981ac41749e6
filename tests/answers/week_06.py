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

# Exercise 7's rule file: {page} and {ticket} are the two alerts' expressions (Python f-strings
# that call ratio(window)); {errors} is the label matcher that selects the errors.
_RULES = '''def burn_rules():
    def ratio(w):
        return (f'sum by (service) (rate(http_requests_total{{{{service="search-api", {{ERRORS}}}}}}[{{w}}]))'
                f' / sum by (service) (rate(http_requests_total{{{{service="search-api"}}}}[{{w}}]))')
    ERRORS = {errors}
    page, ticket = {page}, {ticket}
    return f"""groups:
  - name: search-api-slo
    rules:
      - alert: ErrorBudgetBurn
        expr: {{page}}
        labels:
          severity: page
      - alert: ErrorBudgetBurn
        expr: {{ticket}}
        labels:
          severity: ticket
"""
'''
_PAGE = 'f"({ratio(\'1h\')} > 0.072 and {ratio(\'5m\')} > 0.072) or ({ratio(\'6h\')} > 0.03 and {ratio(\'30m\')} > 0.03)"'
_TICKET = 'f"{ratio(\'3d\')} > 0.005 and {ratio(\'6h\')} > 0.005"'

# Exercise 5's flag: {missing} is what happens without a targeting key, {out} the reason outside the split.
_FLAG = '''def checkout_flag(percentage):
    def decide(flag, context):
        if context.attributes.get("team") in ("checkout", "platform"):
            return FlagResolutionDetails(value=flag.variants["on"], variant="on", reason=Reason.TARGETING_MATCH)
        if context.targeting_key is None:
            {missing}
        inside = bool(rollout(pd.Series([context.targeting_key]), "new-checkout", percentage).iloc[0])
        return FlagResolutionDetails(value=flag.variants["on" if inside else "off"], variant="on" if inside else "off",
                                     reason=Reason.SPLIT if inside else Reason.{out})
    return InMemoryFlag("off", {{"on": True, "off": False}}, context_evaluator=decide)
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
        # a caller without a targeting key quietly gets the default variant (reason DEFAULT) instead of
        # the SDK's error: nobody learns that the split cannot place them
        "ex-5-answer": _FLAG.format(missing='return FlagResolutionDetails(value=flag.variants["off"], variant="off", reason=Reason.DEFAULT)',
                                    out="SPLIT"),
        # mean of the minutes' error rates instead of a ratio of sums
        "ex-6-answer": _RATE.format(body='''s = slo.set_index("minute")
    return (s["errors"] / s["requests"]).rolling(window_minutes).mean() / (1 - slo_target)'''),
        # a plausible rule file that passes the shown case: the right thresholds on the long windows
        # only, without the short windows that stop a page once the burn is over (reset time)
        "ex-7-answer": _RULES.format(errors="'code=~\"5..\"'", page='f"({ratio(\'1h\')} > 0.072) or ({ratio(\'6h\')} > 0.03)"',
                                     ticket='f"{ratio(\'3d\')} > 0.005"'),
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
        # a user outside the split gets reason DEFAULT instead of SPLIT (the split decided it). This
        # student's whole-percent rollout (ex-4) puts the statement's user-00043 outside the 10%, so
        # the visible check of the statement's example catches this mistake too.
        "ex-5-answer": _FLAG.format(missing='raise TargetingKeyMissingError("no targeting key")', out="DEFAULT"),
        # errors counted on top of the requests (requests read as successes only)
        "ex-6-answer": _RATE.format(body='''s = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes).sum()
    return s["errors"] / (s["requests"] + s["errors"]) / (1 - slo_target)'''),
        # every non-2xx response counted as an error (404s are the clients' mistakes, not the SLO's)
        "ex-7-answer": _RULES.format(errors="'code!~\"2..\"'", page=_PAGE, ticket=_TICKET),
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
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-visible", "ex-5-hidden", "ex-6-hidden",
        "ex-7-hidden", "ex-8-hidden", "ex-9-hidden"}),

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
        # the flag written as a plain dict (the course's old format), not the SDK's InMemoryFlag
        "ex-5-answer": '''def checkout_flag(percentage):
    return {"state": "ENABLED", "variants": {"on": True, "off": False}, "defaultVariant": "off",
            "targeting": [{"attribute": "team", "in": ["checkout", "platform"], "variant": "on"}],
            "rollout": {"variant": "on", "percentage": percentage}}
''',
        # off by one: a window of 59 minutes where 60 were asked for
        "ex-6-answer": _RATE.format(body='''s = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes - 1).sum()
    return s["errors"] / s["requests"] / (1 - slo_target)'''),
        # YAML that does not parse (a tab where the list of rules is indented)
        "ex-7-answer": '''def burn_rules():
    return "groups:\\n  - name: search-api-slo\\n    rules:\\n\\t- alert: ErrorBudgetBurn\\n        expr: vector(1)\\n"
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

    # The rules as an earlier version of this week stated them (issue 19): a graded rule that changed
    # must catch its old reading.
    "wrong-old-reading": ({
        # "monitored by default" counted whoever wrote the burn rules, a team's own rules included
        "ex-8-answer": '''def monitoring_coverage(services, rules):
    burn = rules[rules["alertname"] == "ErrorBudgetBurn"]
    both = burn.groupby("service_id")["severity"].agg(lambda s: {"page", "ticket"} <= set(s))
    ok = services["service_id"].map(both).fillna(False).astype(bool) & services["slo_availability_pct"].notna()
    return ok.groupby(services["tier"]).mean()
''',
        # the thresholds of checkout-api's 99.9% SLO, used all week (a budget of 0.001), not search-api's 99.5%
        "ex-7-answer": _RULES.format(errors="'code=~\"5..\"'", page=_PAGE.replace("0.072", "0.0144").replace("0.03", "0.006"),
                                     ticket=_TICKET.replace("0.005", "0.001")),
    }, {"ex-7-hidden", "ex-8-hidden"}),
}
