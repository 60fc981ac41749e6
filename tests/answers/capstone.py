"""Capstone: plausible mistakes, each tied to the checks it must fail.

Every answer below changes one exercise only (the reference everywhere else), so each exercise's
cells are zeroed by its own mistakes and by nothing else. The names say the mistake. Graded as
a few students, each making one mistake per exercise (answers.grouped).
"""
import re
from pathlib import Path

from answers import grouped

_AUTHORING = (Path(__file__).resolve().parents[2] / "authoring" / "capstone.py").read_text(encoding="utf-8")


def _variant(grade_id: str, *swaps: tuple[str, str]) -> str:
    """The reference answer of a built piece (Exercises 8-11) with lines swapped for a mistake."""
    cell = re.search(rf'"grade_id": "{grade_id}".*?\n(.*?)(?=\n# %%)', _AUTHORING, re.S).group(1)
    code = re.sub(r"^ *### (BEGIN|END) SOLUTION\n?", "", cell, flags=re.M).rstrip() + "\n"
    for old, new in swaps:
        assert old in code, f"{grade_id}: {old!r} is not in the reference answer"
        code = code.replace(old, new)
    return code


MISTAKES = {
    # --- Exercise 1: active teams
    "ex1-unknown-team": ({  # counts teams that are not in `teams`
        "ex-1-answer": '''def active_team_share(teams, usage, start, end):
    inside = usage[(usage["at"] >= start) & (usage["at"] < end)]
    return float(inside["team_id"].nunique() / len(teams))
''',
    }, {"ex-1-hidden"}),
    "ex1-inclusive-end": ({  # an action exactly at the window's end counts
        "ex-1-answer": '''def active_team_share(teams, usage, start, end):
    inside = usage[(usage["at"] >= start) & (usage["at"] <= end)]
    return float(teams["team_id"].isin(set(inside["team_id"])).mean())
''',
    }, {"ex-1-hidden"}),
    "ex1-whole-log": ({  # the window is ignored: any team that ever used the platform
        "ex-1-answer": '''def active_team_share(teams, usage, start, end):
    return float(teams["team_id"].isin(set(usage["team_id"])).mean())
''',
    }, {"ex-1-visible", "ex-1-hidden"}),

    # --- Exercise 2: golden-path share
    "ex2-exclusive-start": ({  # a service created exactly at the window's start is left out
        "ex-2-answer": '''def golden_path_share(services, start, end):
    created = services[(services["created_at"] > start) & (services["created_at"] < end)]
    return float((created["created_via"] == "golden-path").mean()) if len(created) else float("nan")
''',
    }, {"ex-2-hidden"}),
    "ex2-all-services": ({  # divides by every service in the catalog, old ones included
        "ex-2-answer": '''def golden_path_share(services, start, end):
    inside = (services["created_at"] >= start) & (services["created_at"] < end)
    return float((inside & (services["created_via"] == "golden-path")).sum() / len(services))
''',
    }, {"ex-2-visible", "ex-2-hidden"}),

    # --- Exercise 3: satisfaction
    "ex3-every-row": ({  # counts every response, so developers who answered twice weigh double
        "ex-3-answer": '''def satisfaction_share(survey, wave):
    answered = survey[(survey["wave"] == wave) & survey["satisfaction"].notna()]
    return float((answered["satisfaction"] >= 4).mean())
''',
    }, {"ex-3-hidden"}),
    "ex3-strictly-above-4": ({  # "4 or 5" read as "above 4"
        "ex-3-answer": '''def satisfaction_share(survey, wave):
    answered = survey[(survey["wave"] == wave) & survey["satisfaction"].notna()]
    latest = answered.sort_values("submitted_at").drop_duplicates("developer_id", keep="last")
    return float((latest["satisfaction"] > 4).mean())
''',
    }, {"ex-3-hidden"}),
    "ex3-latest-before-dropping-skips": ({  # the latest response wins even when its question was skipped
        "ex-3-answer": '''def satisfaction_share(survey, wave):
    latest = survey[survey["wave"] == wave].sort_values("submitted_at").drop_duplicates("developer_id", keep="last")
    latest = latest[latest["satisfaction"].notna()]
    return float((latest["satisfaction"] >= 4).mean())
''',
    }, {"ex-3-hidden"}),
    "ex3-mean-score": ({  # the mean score on the 1-5 scale instead of a share
        "ex-3-answer": '''def satisfaction_share(survey, wave):
    return float(survey.loc[survey["wave"] == wave, "satisfaction"].mean())
''',
    }, {"ex-3-visible", "ex-3-hidden"}),

    # --- Exercise 4: reduction
    "ex4-inclusive-end": ({  # windows closed at both ends
        "ex-4-answer": '''def reduction(events, column, baseline, current):
    when = events[column]
    before = ((when >= baseline[0]) & (when <= baseline[1])).sum()
    now = ((when >= current[0]) & (when <= current[1])).sum()
    return float("nan") if before == 0 else float(1 - now / before)
''',
    }, {"ex-4-hidden"}),
    "ex4-ratio": ({  # the ratio now / before, not the reduction
        "ex-4-answer": '''def reduction(events, column, baseline, current):
    when = events[column]
    before = ((when >= baseline[0]) & (when < baseline[1])).sum()
    now = ((when >= current[0]) & (when < current[1])).sum()
    return float("nan") if before == 0 else float(now / before)
''',
    }, {"ex-4-visible", "ex-4-hidden"}),

    # --- Exercise 5: median duration
    "ex5-with-failures": ({  # failed actions counted as if they had produced a result
        "ex-5-answer": '''def median_duration(usage, action, start, end):
    rows = usage[(usage["action"] == action) & (usage["at"] >= start) & (usage["at"] < end)]
    return float(rows["duration_seconds"].median()) if len(rows) else float("nan")
''',
    }, {"ex-5-hidden"}),
    "ex5-mean": ({  # the mean, pulled up by the slow tail
        "ex-5-answer": '''def median_duration(usage, action, start, end):
    rows = usage[(usage["action"] == action) & usage["succeeded"] & (usage["at"] >= start) & (usage["at"] < end)]
    return float(rows["duration_seconds"].mean()) if len(rows) else float("nan")
''',
    }, {"ex-5-hidden"}),
    "ex5-per-action-table": ({  # a Series of every action's median, not one number
        "ex-5-answer": '''def median_duration(usage, action, start, end):
    return usage[usage["succeeded"]].groupby("action")["duration_seconds"].median()
''',
    }, {"ex-5-visible", "ex-5-hidden"}),

    # --- Exercise 6: availability
    "ex6-sum-of-outages": ({  # overlapping outages added up instead of merged
        "ex-6-answer": '''def availability(outages, start, end):
    s = outages["started_at"].clip(lower=start, upper=end)
    e = outages["ended_at"].clip(lower=start, upper=end)
    return float(1 - (e - s).sum() / (end - start))
''',
    }, {"ex-6-hidden"}),
    "ex6-no-clipping": ({  # merged, but an outage that began before the window counts in full
        "ex-6-answer": '''def availability(outages, start, end):
    o = outages[(outages["ended_at"] > start) & (outages["started_at"] < end)]
    o = o.rename(columns={"started_at": "s", "ended_at": "e"}).sort_values("s")
    if o.empty:
        return 1.0
    block = (o["s"] > o["e"].cummax().shift()).cumsum()
    merged = o.groupby(block).agg(s=("s", "min"), e=("e", "max"))
    return float(1 - (merged["e"] - merged["s"]).sum() / (end - start))
''',
    }, {"ex-6-hidden"}),
    "ex6-percent": ({  # a percentage instead of a fraction
        "ex-6-answer": '''def availability(outages, start, end):
    s = outages["started_at"].clip(lower=start, upper=end)
    e = outages["ended_at"].clip(lower=start, upper=end)
    return float(100 * (1 - (e - s).sum() / (end - start)))
''',
    }, {"ex-6-visible", "ex-6-hidden"}),

    # --- Exercise 7: verdict
    "ex7-at-least-strict": ({  # "90%+" read as "more than 90%"
        "ex-7-answer": '''def verdict(value, target, rule):
    if value is None or value != value:
        return "cannot be measured"
    ok = value > target if rule == "at least" else value < target
    return "met" if ok else "not met"
''',
    }, {"ex-7-hidden"}),
    "ex7-below-inclusive": ({  # "under 5 minutes" read as "at most 5 minutes"
        "ex-7-answer": '''def verdict(value, target, rule):
    if value is None or value != value:
        return "cannot be measured"
    ok = value >= target if rule == "at least" else value <= target
    return "met" if ok else "not met"
''',
    }, {"ex-7-hidden"}),
    "ex7-missing-is-not-met": ({  # a missing value judged as a failure
        "ex-7-answer": '''def verdict(value, target, rule):
    if value is None:
        return "not met"
    ok = value >= target if rule == "at least" else value < target
    return "met" if ok else "not met"
''',
    }, {"ex-7-hidden"}),
    "ex7-boolean": ({  # True/False instead of the three verdicts
        "ex-7-answer": '''def verdict(value, target, rule):
    return bool(value >= target) if rule == "at least" else bool(value < target)
''',
    }, {"ex-7-visible", "ex-7-hidden"}),

    # --- Exercise 8: the portal's catalog
    "ex8-team-without-children": ({  # a team Group without spec.children: Backstage's Group validator refuses it
        "ex-8-answer": _variant("ex-8-answer", ('{"type": "team", "parent": u, "children": []}', '{"type": "team", "parent": u}')),
    }, {"ex-8-visible", "ex-8-hidden"}),
    "ex8-api-for-every-service": ({  # every service publishes an API, not only the tier-1 ones
        "ex-8-answer": _variant("ex-8-answer", ('if r["tier"] == "tier-1":', 'if True:')),
    }, {"ex-8-hidden"}),
    "ex8-systems-only-with-services": ({  # a business unit without services gets no System
        "ex-8-answer": _variant("ex-8-answer", ("for u in units.index]", "for u in units.index if u in set(services['team_id'].map(unit_of))]")),
    }, {"ex-8-hidden"}),
    "ex8-unit-owns-services": ({  # services owned by the business unit's Group, not by their team
        "ex-8-answer": _variant("ex-8-answer", ('owner="group:" + services["team_id"]', 'owner="group:" + services["team_id"].map(unit_of)')),
    }, {"ex-8-hidden"}),

    # --- Exercise 9: the organisation's admission policies
    "ex9-registry-prefix": ({  # "registry.tidewater.example.io" passes a prefix test without the slash
        "ex-9-answer": _variant("ex-9-answer", ("c.image.startsWith('{r}/')", "c.image.startsWith('{r}')")),
    }, {"ex-9-hidden"}),
    "ex9-resilience-blocks": ({  # the new rule blocks on day one
        "ex-9-answer": _variant("ex-9-answer", ('binding("resilience", ["Warn", "Audit"])', 'binding("resilience", ["Deny"])')),
    }, {"ex-9-visible", "ex-9-hidden"}),
    "ex9-no-init-containers": ({  # init containers escape the registry and privilege rules
        "ex-9-answer": _variant("ex-9-answer", (
            "object.spec.template.spec.containers +\n"
            "      (has(object.spec.template.spec.initContainers) ? object.spec.template.spec.initContainers : [])",
            "object.spec.template.spec.containers")),
    }, {"ex-9-hidden"}),
    "ex9-unset-replicas-pass": ({  # a tier-1 workload that does not set replicas (so runs one) is let through
        "ex-9-answer": _variant("ex-9-answer", ("(has(object.spec.replicas) && object.spec.replicas >= 2)",
                                                "(!has(object.spec.replicas) || object.spec.replicas >= 2)")),
    }, {"ex-9-hidden"}),

    # --- Exercise 10: SLO alerts for the tier-1 services
    "ex10-slo-99.5": ({  # Week 6's 99.5% target instead of the tier-1 services' 99.9%
        "ex-10-answer": _variant("ex-10-answer", ("budget = 1 - 0.999", "budget = 1 - 0.995")),
    }, {"ex-10-visible", "ex-10-hidden"}),
    "ex10-long-windows-only": ({  # no short window: the page keeps firing long after the burn stopped
        "ex-10-answer": _variant("ex-10-answer",
                                 (" and {ratio.format(s=s, w='5m')} > {14.4 * budget:.5f}", ""),
                                 (" and {ratio.format(s=s, w='30m')} > {6 * budget:.5f}", "")),
    }, {"ex-10-hidden"}),
    "ex10-every-tier-pages": ({  # every service pages, whatever its tier
        "ex-10-answer": _variant("ex-10-answer", ('services[services["tier"] == "tier-1"]', "services")),
    }, {"ex-10-hidden"}),
    "ex10-no-team-label": ({  # one rule for all tier-1 services: the page does not say whose it is
        "ex-10-answer": _variant("ex-10-answer", ('.groupby("team_id")["service_id"].agg(lambda s: "|".join(sorted(s)))',
                                                  '.assign(k="all").groupby("k")["service_id"].agg(lambda s: "|".join(sorted(s)))'),
                                 ('"labels": {"severity": "page", "team": team}', '"labels": {"severity": "page"}')),
    }, {"ex-10-visible", "ex-10-hidden"}),

    # --- Exercise 11: the golden path's skeleton
    "ex11-api-for-every-tier": ({  # every new service publishes an API, whatever its tier
        "ex-11-answer": _variant("ex-11-answer", ('{%- if values.tier == "tier-1" %}', "{%- if true %}")),
    }, {"ex-11-hidden"}),
    "ex11-description-not-dumped": ({  # a description with ": " breaks the rendered YAML
        "ex-11-answer": _variant("ex-11-answer", ("description: ${{ values.description | dump }}",
                                                  "description: ${{ values.description }}")),
    }, {"ex-11-hidden"}),
    "ex11-born-in-production": ({  # the new service claims to be in production on its first commit
        "ex-11-answer": _variant("ex-11-answer", ("lifecycle: experimental", "lifecycle: production")),
    }, {"ex-11-hidden"}),
    "ex11-api-without-owner": ({  # the API has no owner: Backstage's API validator refuses it
        "ex-11-answer": _variant("ex-11-answer", (
            '  owner: ${{ ("group:" + values.owner) | dump }}\n  system: ${{ ("system:" + values.system) | dump }}\n'
            '  definition', '  system: ${{ ("system:" + values.system) | dump }}\n  definition')),
    }, {"ex-11-visible", "ex-11-hidden"}),
}

WRONG = grouped(MISTAKES)
