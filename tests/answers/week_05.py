"""Week 5: plausible mistakes, each tied to the checks it must fail.

MISTAKES holds one plausible wrong answer per entry, each confined to one exercise: it must zero
that exercise's hidden check (and its visible one when ``visible=True``) and nothing else. No check
cell calls another exercise's function (compose only needs validation_errors to be empty exactly for
valid requests, which every mistake below keeps), so mistakes of different exercises can share a
student without hiding one another. Students are grouped (eleven exercises, 33 mistakes) because
one nbgrader autograde run grades them all within its time limit.
"""

from answers import combine


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


REFERENCE_POLICIES = """
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: required-labels
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["deployments", "statefulsets", "daemonsets"]
    - apiGroups: ["batch"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["jobs"]
    - apiGroups: [""]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["services"]
    namespaceSelector:
      matchExpressions:
      - key: kubernetes.io/metadata.name
        operator: NotIn
        values: ["kube-system", "monitoring", "ingress"]
  validations:
  - expression: >-
      has(object.metadata.labels) &&
      ["app.kubernetes.io/name", "team", "cost-center"].all(k, k in object.metadata.labels)
    message: "every workload and Service needs the labels app.kubernetes.io/name, team, cost-center"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: image-tags
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["deployments", "statefulsets", "daemonsets"]
    - apiGroups: ["batch"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["jobs"]
    namespaceSelector:
      matchExpressions:
      - key: kubernetes.io/metadata.name
        operator: NotIn
        values: ["kube-system", "monitoring", "ingress"]
  variables:
  - name: containers
    expression: >-
      object.spec.template.spec.containers +
      (has(object.spec.template.spec.initContainers) ? object.spec.template.spec.initContainers : [])
  validations:
  - expression: "variables.containers.all(c, c.image.matches(':[^/]+$'))"
    message: "every container image needs a tag (no tag means latest): pin a version"
  - expression: "variables.containers.all(c, !c.image.endsWith(':latest'))"
    message: "a container image uses a disallowed tag (latest): pin a version"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: container-limits
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["deployments", "statefulsets", "daemonsets"]
    - apiGroups: ["batch"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["jobs"]
    namespaceSelector:
      matchExpressions:
      - key: kubernetes.io/metadata.name
        operator: NotIn
        values: ["kube-system", "monitoring", "ingress"]
  variables:
  - name: containers
    expression: >-
      object.spec.template.spec.containers +
      (has(object.spec.template.spec.initContainers) ? object.spec.template.spec.initContainers : [])
  validations:
  - expression: >-
      variables.containers.all(c, has(c.resources) && has(c.resources.limits) &&
      has(c.resources.limits.cpu) && string(c.resources.limits.cpu) != '' &&
      has(c.resources.limits.memory) && string(c.resources.limits.memory) != '')
    message: "every container needs a CPU and a memory limit"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: required-labels
spec:
  policyName: required-labels
  validationActions: [Deny]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: image-tags
spec:
  policyName: image-tags
  validationActions: [Deny]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: container-limits
spec:
  policyName: container-limits
  validationActions: [Warn, Audit]
"""


def _policies(*edits: tuple[str, str]) -> str:
    """admission_policies() returning the reference YAML with each (old, new) edit made everywhere (each must occur)."""
    text = REFERENCE_POLICIES
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return f"def admission_policies():\n    return {text!r}\n"


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

    # --- Exercise 4: admission_policies (ValidatingAdmissionPolicy YAML, variants of one plausible file)
    # the library's rule up to 1.0.1: a ':' anywhere counts as a tag, so a registry port hides a missing tag
    "ex4-colon-anywhere": _one(4, _policies(("c.image.matches(':[^/]+$')", "c.image.contains(':')")), visible=False),
    # init containers forgotten: a migration job on latest slips through
    "ex4-containers-only": _one(4, _policies((
        "object.spec.template.spec.containers +\n      (has(object.spec.template.spec.initContainers) ? object.spec.template.spec.initContainers : [])",
        "object.spec.template.spec.containers")), visible=False),
    # CREATE only: anyone can UPDATE a running Deployment to latest
    "ex4-create-only": _one(4, _policies(('operations: ["CREATE", "UPDATE"]', 'operations: ["CREATE"]')), visible=False),
    # the limits rule blocks on day one instead of warning and recording
    "ex4-limits-deny": _one(4, _policies(("validationActions: [Warn, Audit]", "validationActions: [Deny]")), visible=True),
    # a typo the API server refuses: the field is validations, not validation
    "ex4-unknown-field": _one(4, _policies(("  validations:\n  - expression: >-\n      has(object.metadata.labels)",
                                            "  validation:\n  - expression: >-\n      has(object.metadata.labels)")), visible=True),
    # no namespaceSelector: the platform's own DaemonSets in kube-system and monitoring are blocked
    "ex4-no-namespace-selector": _one(4, _policies(("    namespaceSelector:\n      matchExpressions:\n      - key: kubernetes.io/metadata.name\n"
                                                    "        operator: NotIn\n        values: [\"kube-system\", \"monitoring\", \"ingress\"]\n", "")),
                                      visible=True),

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

    # a blank cost-center counts as one: "   " names no cost center
    "ex5-blank-cost-center": _one(5, '''def request_violations(requests):
    cc = requests["tags"].map(lambda t: json.loads(t).get("cost-center") or "")
    allowed = pd.Series([r in ALLOWED_REGIONS.get(p, []) for p, r in zip(requests["provider"], requests["region"])], index=requests.index)
    broken = pd.DataFrame({"cost-center-tag": cc.eq(""), "allowed-region": ~allowed,
                           "cost-ceiling": requests["estimated_monthly_cost_usd"] > COST_CEILING_USD})
    long = broken.assign(request_id=requests["request_id"]).melt(id_vars="request_id", var_name="rule", value_name="b")
    return long.loc[long["b"], ["request_id", "rule"]].reset_index(drop=True)
''', visible=False),

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

    # tags taken as written: an empty team tag becomes an owner "", JSON true is not "true"
    "ex7-tags-as-written": _one(7, '''def showback(bill, services):
    parsed = {t: json.loads(t) for t in bill["Tags"].dropna().unique()}
    tags = bill["Tags"].map(parsed).map(lambda d: d if isinstance(d, dict) else {})
    shared = tags.map(lambda d: d.get("shared") == "true")
    owner = tags.map(lambda d: d.get("team")).fillna(tags.map(lambda d: d.get("service")).map(
        services.set_index("service_id")["team_id"])).fillna("(untagged)").where(~shared, "(shared)")
    return bill["EffectiveCost"].groupby(owner).sum()
''', visible=False),

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
    # everything but the purchases: the tax on the list price (FOCUS 1.2 Tax rows) counted as a saving
    "ex9-with-tax": _one(9, '''def rate_savings(bill):
    rows = bill[bill["ChargeCategory"].ne("Purchase")]
    return float((rows["ListCost"] - rows["EffectiveCost"]).sum())
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
    # the last 7 rows, not the 7 calendar days: a day without charges is skipped instead of costing 0
    "ex10-rows-window": _one(10, '''def month_end_forecast(daily, as_of):
    as_of = pd.Timestamp(as_of)
    known = daily[daily.index < as_of]
    to_date = float(known[known.index >= as_of.replace(day=1)].sum())
    return to_date + float(known.sort_index().tail(7).mean()) * (as_of.days_in_month - as_of.day + 1)
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
    # the days that appear in the charges, not the calendar: a day without any charge is skipped
    "ex11-rows-not-days": _one(11, _anomalies("median().shift(1)"), visible=False),
    # snake_case column names instead of the FOCUS column name asked for
    "ex11-renamed-columns": _one(11, _anomalies("median().shift(1)", resource="resource_id"), visible=True),
}


def _student(*names: str) -> tuple[dict, set]:
    return combine(MISTAKES, *names)


WRONG = {
    # the list-price savings trap alone (its feedback must explain the rule)
    "wrong-subtle": _student("wrong-subtle"),
    # mistakes only the hidden checks catch (a policy file that passes the shown examples among them; the
    # decisions the statements leave to the learner, read the other way), and three policy files the
    # visible checks refuse, spread over students of other exercises
    "subtle-provisioning": _student("ex1-required-on-parent", "ex2-no-defaults", "ex3-mean", "ex4-containers-only",
                                    "ex5-blank-cost-center", "ex7-tags-as-written", "ex9-with-tax"),
    "subtle-policy": _student("ex4-colon-anywhere", "ex5-any-region", "ex6-exclusive-threshold", "ex10-rows-window",
                              "ex11-rows-not-days"),
    "subtle-allocation": _student("ex7-billed-cost", "ex8-requests-only", "ex4-create-only"),
    "subtle-forecast": _student("ex10-history-mean", "ex11-mean-baseline", "ex4-unknown-field"),
    "subtle-alternatives": _student("ex9-billed", "ex11-window-includes-day", "ex4-no-namespace-selector"),
    # mistakes of shape that the visible checks already catch
    "wrong-visible": _student("ex1-messages", "ex2-bare-names", "ex3-no-rejections", "ex4-limits-deny", "ex5-wide",
                              "ex6-row-index", "ex7-team-wins", "ex8-shares-only", "ex9-series", "ex10-off-by-one",
                              "ex11-renamed-columns"),
}
