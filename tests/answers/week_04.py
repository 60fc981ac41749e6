"""Week 4: plausible mistakes, each tied to the checks it must fail."""

_SUBTLE = {
    # lifecycle commands left in the golden image's (JSON) order instead of the specification's
    "ex-1-answer": '''def devcontainer_for(entity, golden_images):
    meta, spec = entity.get("metadata") or {}, entity.get("spec") or {}
    golden = golden_images.set_index("language")
    lang = [t for t in meta.get("tags") or [] if t in golden.index][0]
    row = golden.loc[lang]
    ports = [int(row["app_port"])]
    if any(str(r).lower().startswith("resource:") for r in spec.get("dependsOn") or []):
        ports.append(DATABASE_PORT)
    config = {"name": meta["name"], "image": row["image"], "features": json.loads(row["features"]), "forwardPorts": ports}
    config.update(json.loads(row["lifecycle_commands"]))
    return config
''',
    # any string or integer accepted as a port: no range, no host:port pattern
    "ex-2-answer": '''def devcontainer_problems(config):
    problems = {k for k in config if k not in SPEC_PROPERTIES}
    ports = config.get("forwardPorts", [])
    if not isinstance(ports, list) or not all(isinstance(p, (int, str)) for p in ports):
        problems.add("forwardPorts")
    strings = {"type": "array", "items": {"type": "string"}}
    command = {"anyOf": [{"type": "string"}, strings,
                         {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, strings]}}]}
    schemas = {"name": {"type": "string"}, "image": {"type": "string"}, "features": {"type": "object"},
               "build": {"type": "object", "required": ["dockerfile"], "properties": {"dockerfile": {"type": "string"}}},
               "waitFor": {"enum": LIFECYCLE_ORDER[:-1]}, **{s: command for s in LIFECYCLE_ORDER}}
    problems |= {k for k, s in schemas.items() if k in config and not jsonschema.Draft201909Validator(s).is_valid(config[k])}
    if sum(s in config for s in CONTAINER_SOURCES) != 1:
        problems.add("image")
    return problems
''',
    # only the services that appear in dev_environments: a service with no set-up rows at all is never reported
    "ex-3-answer": '''def environment_drift(dev_environments, golden_tools, services):
    listed = services[services["service_id"].isin(dev_environments["service_id"])]
    wanted = listed[["service_id", "language"]].merge(golden_tools, on="language")
    both = wanted.merge(dev_environments.rename(columns={"version": "installed"}), on=["service_id", "tool"], how="left")
    both["missing_tools"] = both["installed"].isna()
    both["outdated_tools"] = both["installed"].notna() & both["installed"].ne(both["version"])
    both["setup_minutes"] = both["install_minutes"].where(both["missing_tools"] | both["outdated_tools"], 0)
    out = both.groupby("service_id")[["missing_tools", "outdated_tools", "setup_minutes"]].sum().astype(int)
    out = out[(out["missing_tools"] + out["outdated_tools"]) > 0].reset_index()
    return out.sort_values(["setup_minutes", "service_id"], ascending=[False, True]).reset_index(drop=True)
''',
    # share over every pull request, before the launch too
    "ex-4-answer": '''def preview_share(prs, launch=PREVIEW_LAUNCH):
    return float(prs["preview_created_at"].notna().mean())
''',
    # the mean instead of the median
    "ex-5-answer": '''def time_to_ready(prs):
    m = (prs["preview_ready_at"] - prs["opened_at"]).dt.total_seconds().dropna() / 60
    return pd.Series({"median": m.mean(), "p90": m.quantile(0.9)})
''',
    # an environment created exactly at an instant is not counted yet
    "ex-6-answer": '''def concurrent_previews(prs, times):
    has = prs["preview_created_at"].notna()
    created = np.sort(prs.loc[has, "preview_created_at"].to_numpy())
    destroyed = np.sort(prs.loc[has, "preview_destroyed_at"].dropna().to_numpy())
    t = pd.DatetimeIndex(times).to_numpy()
    return pd.Series(np.searchsorted(created, t, side="left") - np.searchsorted(destroyed, t, side="right"),
                     index=pd.DatetimeIndex(times))
''',
    # only environments that were destroyed count: the leaked ones are dropped
    "ex-7-answer": '''def ttl_saving(prs, ttl_hours, end=HISTORY_END):
    env = prs[prs["preview_created_at"].notna() & prs["preview_destroyed_at"].notna() & prs["closed_at"].notna()]
    policy = np.minimum(env["preview_destroyed_at"], env["closed_at"] + pd.Timedelta(hours=ttl_hours))
    rate = env["preview_cpu_cores"] * CPU_USD_PER_CORE_HOUR + env["preview_memory_gib"].astype(float) * MEMORY_USD_PER_GIB_HOUR
    saved = (env["preview_destroyed_at"] - policy).dt.total_seconds().clip(lower=0) / 3600
    return float((saved * rate).sum())
''',
    # exponents without a sign only: 2e-3 and 12e+1 are refused
    "ex-8-answer": '''def parse_quantity(text):
    factors = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60,
               "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
    m = re.fullmatch(r"([+-]?(?:\\d+\\.?\\d*|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]|[eE]\\d+)?", text)
    if m is None:
        raise ValueError(f"{text!r} is not a quantity")
    suffix = m.group(2) or ""
    if suffix in factors:
        return float(m.group(1)) * factors[suffix]
    return float(m.group(1)) * 10.0 ** int(suffix[1:])
''',
    # rounds to the nearest 0.1 core and GiB instead of rounding up
    "ex-9-answer": '''def namespace_quotas(usage, percentile=0.95, headroom=0.2):
    team = usage[~usage["shared"].astype(bool)]
    q = team.groupby(["cluster", "namespace"])[["cpu_usage_p95_cores", "memory_usage_avg_gib"]].quantile(percentile)
    return pd.DataFrame({"cpu_cores": (q["cpu_usage_p95_cores"] * (1 + headroom)).round(1),
                         "memory_gib": (q["memory_usage_avg_gib"] * (1 + headroom)).round(0).astype(int)}).reset_index()
''',
    # a plausible tenant that passes the schema and the shown examples, with the course's old draft
    # default memory limit (512Mi): checkout's pod requesting 2Gi without a limit becomes invalid
    "ex-10-answer": '''TENANT_YAML = """\\
apiVersion: v1
kind: ResourceQuota
metadata:
  name: team-quota
  namespace: checkout
spec:
  hard:
    requests.cpu: "10"
    requests.memory: 32Gi
    limits.memory: 64Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: team-defaults
  namespace: checkout
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 100m
      memory: 128Mi
    default:
      memory: 512Mi
"""
''',
    # the largest capacity ever seen instead of the latest
    "ex-11-answer": '''def cluster_fit(quotas, capacity, usage, overcommit=1.0):
    cap = capacity.groupby("cluster")[["allocatable_cpu_cores", "allocatable_memory_gib"]].max()
    shared = usage[usage["shared"].astype(bool)]
    shared = shared[shared["date"] == shared.groupby("cluster")["date"].transform("max")]
    taken = shared.groupby("cluster")[["cpu_request_cores", "memory_request_gib"]].sum().reindex(cap.index, fill_value=0)
    asked = quotas.groupby("cluster")[["cpu_cores", "memory_gib"]].sum()
    out = pd.DataFrame({"cpu_ratio": asked["cpu_cores"] / ((cap["allocatable_cpu_cores"] - taken["cpu_request_cores"]) * overcommit),
                        "memory_ratio": asked["memory_gib"] / ((cap["allocatable_memory_gib"] - taken["memory_request_gib"]) * overcommit)}).dropna()
    out["fits"] = (out["cpu_ratio"] <= 1) & (out["memory_ratio"] <= 1)
    return out.rename_axis("cluster").reset_index()
''',
    # the 95th-percentile usage instead of the average
    "ex-12-answer": '''def noisy_neighbours(usage, min_share=0.1):
    team = usage[~usage["shared"].astype(bool)]
    over = (team["cpu_usage_p95_cores"] > team["cpu_request_cores"]).groupby([team["cluster"], team["namespace"]]).mean()
    return {f"{c}/{n}" for c, n in over[over >= min_share].index}
''',
    # memory in GB (10**9 bytes) instead of GiB
    "ex-13-answer": '''GIB = 1e9
def rejected_pods(pods, quotas, limitrange_namespaces=frozenset()):
    p = pods.reset_index(drop=True)
    empty = pd.Series("", index=p.index)
    lr = (p["cluster"] + "/" + p["namespace"]).isin(set(limitrange_namespaces))
    amount, stated, invalid = {}, {}, pd.Series(False, index=p.index)
    for res in ("cpu", "memory"):
        req, lim = p.get(f"{res}_request", empty).fillna(""), p.get(f"{res}_limit", empty).fillna("")
        req = req.where(req.ne(""), lim)
        if res in DEFAULT_LIMIT:
            lim = lim.where(lim.ne("") | ~lr, DEFAULT_LIMIT[res])
        req = req.where(req.ne("") | ~lr, DEFAULT_REQUEST[res])
        value = req.map(lambda q: parse_quantity(q) if q else np.nan)
        invalid |= value.fillna(0).gt(lim.map(lambda q: parse_quantity(q) if q else np.nan).fillna(np.inf))
        stated[res], amount[res] = req.ne(""), value
    q = p[["cluster", "namespace"]].merge(quotas[["cluster", "namespace", "cpu_cores", "memory_gib"]], on=["cluster", "namespace"], how="left")
    has = q["cpu_cores"].notna()
    missing = has & ~(stated["cpu"] & stated["memory"])
    over = has & ((np.round(p["namespace_cpu_requested_cores"] + amount["cpu"], 6) > q["cpu_cores"])
                  | (np.round(p["namespace_memory_requested_gib"] + amount["memory"] / GIB, 6) > q["memory_gib"]))
    reason = np.select([invalid, missing, over], ["invalid", "missing-request", "exceeds-quota"], "")
    out = pd.DataFrame({"pod": p["pod"], "reason": reason})
    return out[out["reason"] != ""].reset_index(drop=True)
''',
}

WRONG = {
    # One plausible mistake per exercise; each passes the visible checks and loses exactly that
    # exercise's hidden points. The exercises of a lab share no code, so one student per lab keeps
    # them apart; Exercise 8 has a student of its own because Exercise 13 calls parse_quantity (its
    # mistake is chosen to leave Exercise 13 untouched, and this student proves it).
    **{name: ({f"ex-{n}-answer": _SUBTLE[f"ex-{n}-answer"] for n in group}, {f"ex-{n}-hidden" for n in group})
       for name, group in {"wrong-lab-1": (1, 2, 3), "wrong-lab-2": (4, 5, 6, 7), "wrong-quantities": (8,),
                           "wrong-lab-3": (9, 10, 11, 12, 13)}.items()},

    # Mistakes at the boundaries a rule names: at-or-after, at most 1, at least min_share, at the quota.
    "wrong-boundaries": ({
        "ex-4-answer": '''def preview_share(prs, launch=PREVIEW_LAUNCH):
    since = prs[prs["opened_at"] > launch]
    return float(since["preview_created_at"].notna().mean())
''',
        "ex-11-answer": '''def cluster_fit(quotas, capacity, usage, overcommit=1.0):
    latest = capacity[capacity["date"] == capacity.groupby("cluster")["date"].transform("max")].set_index("cluster")
    shared = usage[usage["shared"].astype(bool)]
    shared = shared[shared["date"] == shared.groupby("cluster")["date"].transform("max")]
    taken = shared.groupby("cluster")[["cpu_request_cores", "memory_request_gib"]].sum().reindex(latest.index, fill_value=0)
    asked = quotas.groupby("cluster")[["cpu_cores", "memory_gib"]].sum()
    out = pd.DataFrame({"cpu_ratio": asked["cpu_cores"] / ((latest["allocatable_cpu_cores"] - taken["cpu_request_cores"]) * overcommit),
                        "memory_ratio": asked["memory_gib"] / ((latest["allocatable_memory_gib"] - taken["memory_request_gib"]) * overcommit)}).dropna()
    out["fits"] = (out["cpu_ratio"] < 1) & (out["memory_ratio"] < 1)
    return out.rename_axis("cluster").reset_index()
''',
        "ex-12-answer": '''def noisy_neighbours(usage, min_share=0.1):
    team = usage[~usage["shared"].astype(bool)]
    over = (team["cpu_usage_avg_cores"] > team["cpu_request_cores"]).groupby([team["cluster"], team["namespace"]]).mean()
    return {f"{c}/{n}" for c, n in over[over > min_share].index}
''',
        "ex-13-answer": '''GIB = 2 ** 30
def rejected_pods(pods, quotas, limitrange_namespaces=frozenset()):
    p = pods.reset_index(drop=True)
    empty = pd.Series("", index=p.index)
    lr = (p["cluster"] + "/" + p["namespace"]).isin(set(limitrange_namespaces))
    amount, stated, invalid = {}, {}, pd.Series(False, index=p.index)
    for res in ("cpu", "memory"):
        req, lim = p.get(f"{res}_request", empty).fillna(""), p.get(f"{res}_limit", empty).fillna("")
        req = req.where(req.ne(""), lim)
        if res in DEFAULT_LIMIT:
            lim = lim.where(lim.ne("") | ~lr, DEFAULT_LIMIT[res])
        req = req.where(req.ne("") | ~lr, DEFAULT_REQUEST[res])
        value = req.map(lambda q: parse_quantity(q) if q else np.nan)
        invalid |= value.fillna(0).gt(lim.map(lambda q: parse_quantity(q) if q else np.nan).fillna(np.inf))
        stated[res], amount[res] = req.ne(""), value
    q = p[["cluster", "namespace"]].merge(quotas[["cluster", "namespace", "cpu_cores", "memory_gib"]], on=["cluster", "namespace"], how="left")
    has = q["cpu_cores"].notna()
    missing = has & ~(stated["cpu"] & stated["memory"])
    over = has & ((np.round(p["namespace_cpu_requested_cores"] + amount["cpu"], 6) >= q["cpu_cores"])
                  | (np.round(p["namespace_memory_requested_gib"] + amount["memory"] / GIB, 6) >= q["memory_gib"]))
    reason = np.select([invalid, missing, over], ["invalid", "missing-request", "exceeds-quota"], "")
    out = pd.DataFrame({"pod": p["pod"], "reason": reason})
    return out[out["reason"] != ""].reset_index(drop=True)
''',
    }, {"ex-4-hidden", "ex-11-hidden", "ex-12-hidden", "ex-13-hidden"}),

    # Tempting alternatives: image and build together, extras counted as drift, ready time from creation,
    # a namespace identified by its name only, LimitRange defaults ignored.
    "wrong-alternatives": ({
        "ex-2-answer": '''def devcontainer_problems(config):
    strings = {"type": "array", "items": {"type": "string"}}
    command = {"anyOf": [{"type": "string"}, strings,
                         {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, strings]}}]}
    schemas = {"name": {"type": "string"}, "image": {"type": "string"}, "features": {"type": "object"},
               "build": {"type": "object", "required": ["dockerfile"], "properties": {"dockerfile": {"type": "string"}}},
               "forwardPorts": {"type": "array", "items": {"oneOf": [{"type": "integer", "minimum": 0, "maximum": 65535},
                                                                     {"type": "string", "pattern": r"^([a-z0-9-]+):(\\d{1,5})$"}]}},
               "waitFor": {"enum": LIFECYCLE_ORDER[:-1]}, **{s: command for s in LIFECYCLE_ORDER}}
    problems = {k for k in config if k not in SPEC_PROPERTIES}
    problems |= {k for k, s in schemas.items() if k in config and not jsonschema.Draft201909Validator(s).is_valid(config[k])}
    if not any(s in config for s in CONTAINER_SOURCES):
        problems.add("image")
    return problems
''',
        "ex-3-answer": '''def environment_drift(dev_environments, golden_tools, services):
    wanted = services[["service_id", "language"]].merge(golden_tools, on="language")
    both = wanted.merge(dev_environments.rename(columns={"version": "installed"}), on=["service_id", "tool"], how="outer")
    both["missing_tools"] = both["installed"].isna()
    both["outdated_tools"] = both["installed"].notna() & both["installed"].ne(both["version"])
    both["setup_minutes"] = both["install_minutes"].fillna(0).where(both["missing_tools"] | both["outdated_tools"], 0)
    out = both.groupby("service_id")[["missing_tools", "outdated_tools", "setup_minutes"]].sum().astype(int)
    out = out[(out["missing_tools"] + out["outdated_tools"]) > 0].reset_index()
    return out.sort_values(["setup_minutes", "service_id"], ascending=[False, True]).reset_index(drop=True)
''',
        "ex-5-answer": '''def time_to_ready(prs):
    m = (prs["preview_ready_at"] - prs["preview_created_at"]).dt.total_seconds().dropna() / 60
    return pd.Series({"median": m.median(), "p90": m.quantile(0.9)})
''',
        "ex-9-answer": '''def namespace_quotas(usage, percentile=0.95, headroom=0.2):
    team = usage[~usage["shared"].astype(bool)]
    q = team.groupby("namespace")[["cpu_usage_p95_cores", "memory_usage_avg_gib"]].quantile(percentile)
    q["cpu_cores"] = np.ceil(np.round(q["cpu_usage_p95_cores"] * (1 + headroom) * 10, 6)) / 10
    q["memory_gib"] = np.ceil(np.round(q["memory_usage_avg_gib"] * (1 + headroom), 6)).astype(int)
    pairs = team[["cluster", "namespace"]].drop_duplicates()
    return pairs.merge(q[["cpu_cores", "memory_gib"]].reset_index(), on="namespace").reset_index(drop=True)
''',
        "ex-13-answer": '''GIB = 2 ** 30
def rejected_pods(pods, quotas, limitrange_namespaces=frozenset()):
    p = pods.reset_index(drop=True)
    empty = pd.Series("", index=p.index)
    lr = (p["cluster"] + "/" + p["namespace"]).isin(set(limitrange_namespaces))
    amount, stated, invalid = {}, {}, pd.Series(False, index=p.index)
    for res in ("cpu", "memory"):
        req, lim = p.get(f"{res}_request", empty).fillna(""), p.get(f"{res}_limit", empty).fillna("")
        req = req.where(req.ne(""), lim)
        if res in DEFAULT_LIMIT:
            lim = lim.where(lim.ne("") | ~lr, DEFAULT_LIMIT[res])
        # the LimitRange's default requests forgotten: only its default limit is applied
        value = req.map(lambda q: parse_quantity(q) if q else np.nan)
        invalid |= value.fillna(0).gt(lim.map(lambda q: parse_quantity(q) if q else np.nan).fillna(np.inf))
        stated[res], amount[res] = req.ne(""), value
    q = p[["cluster", "namespace"]].merge(quotas[["cluster", "namespace", "cpu_cores", "memory_gib"]], on=["cluster", "namespace"], how="left")
    has = q["cpu_cores"].notna()
    missing = has & ~(stated["cpu"] & stated["memory"])
    over = has & ((np.round(p["namespace_cpu_requested_cores"] + amount["cpu"], 6) > q["cpu_cores"])
                  | (np.round(p["namespace_memory_requested_gib"] + amount["memory"] / GIB, 6) > q["memory_gib"]))
    reason = np.select([invalid, missing, over], ["invalid", "missing-request", "exceeds-quota"], "")
    out = pd.DataFrame({"pod": p["pod"], "reason": reason})
    return out[out["reason"] != ""].reset_index(drop=True)
''',
        # CPU sized from the average day's usage, not from the bursts of a busy day: a busy day is refused
        "ex-10-answer": '''TENANT_YAML = """\\
apiVersion: v1
kind: ResourceQuota
metadata:
  name: team-quota
  namespace: checkout
spec:
  hard:
    requests.cpu: "5"
    requests.memory: 32Gi
    limits.memory: 64Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: team-defaults
  namespace: checkout
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 250m
      memory: 256Mi
    default:
      memory: 2Gi
"""
''',
    }, {"ex-2-hidden", "ex-3-hidden", "ex-5-hidden", "ex-9-hidden", "ex-10-hidden", "ex-13-hidden"}),

    # The readings the course used to teach, corrected in the truth pass (content review F-1, F-7,
    # F-8): quantities without the n and u suffixes; cluster fit against all allocatable capacity,
    # as if kube-system, monitoring and ingress requested nothing; a LimitRange that "only fills in
    # missing requests", so no pod is ever made invalid by its default limit.
    "wrong-old-readings": ({
        "ex-8-answer": '''def parse_quantity(text):
    factors = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60,
               "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
    m = re.fullmatch(r"([+-]?(?:\\d+\\.?\\d*|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]|[eE][+-]?\\d+)?", text)
    if m is None:
        raise ValueError(f"{text!r} is not a quantity")
    suffix = m.group(2) or ""
    if suffix in factors:
        return float(m.group(1)) * factors[suffix]
    return float(m.group(1)) * 10.0 ** int(suffix[1:])
''',
        "ex-11-answer": '''def cluster_fit(quotas, capacity, usage, overcommit=1.0):
    latest = capacity[capacity["date"] == capacity.groupby("cluster")["date"].transform("max")].set_index("cluster")
    asked = quotas.groupby("cluster")[["cpu_cores", "memory_gib"]].sum()
    out = pd.DataFrame({"cpu_ratio": asked["cpu_cores"] / (latest["allocatable_cpu_cores"] * overcommit),
                        "memory_ratio": asked["memory_gib"] / (latest["allocatable_memory_gib"] * overcommit)}).dropna()
    out["fits"] = (out["cpu_ratio"] <= 1) & (out["memory_ratio"] <= 1)
    return out.rename_axis("cluster").reset_index()
''',
        "ex-13-answer": '''GIB = 2 ** 30
def rejected_pods(pods, quotas, limitrange_namespaces=frozenset()):
    p = pods.reset_index(drop=True)
    empty = pd.Series("", index=p.index)
    lr = (p["cluster"] + "/" + p["namespace"]).isin(set(limitrange_namespaces))
    amount, stated, invalid = {}, {}, pd.Series(False, index=p.index)
    for res in ("cpu", "memory"):
        req, lim = p.get(f"{res}_request", empty).fillna(""), p.get(f"{res}_limit", empty).fillna("")
        req = req.where(req.ne(""), lim)
        req = req.where(req.ne("") | ~lr, DEFAULT_REQUEST[res])
        value = req.map(lambda q: parse_quantity(q) if q else np.nan)
        invalid |= value.fillna(0).gt(lim.map(lambda q: parse_quantity(q) if q else np.nan).fillna(np.inf))
        stated[res], amount[res] = req.ne(""), value
    q = p[["cluster", "namespace"]].merge(quotas[["cluster", "namespace", "cpu_cores", "memory_gib"]], on=["cluster", "namespace"], how="left")
    has = q["cpu_cores"].notna()
    missing = has & ~(stated["cpu"] & stated["memory"])
    over = has & ((np.round(p["namespace_cpu_requested_cores"] + amount["cpu"], 6) > q["cpu_cores"])
                  | (np.round(p["namespace_memory_requested_gib"] + amount["memory"] / GIB, 6) > q["memory_gib"]))
    reason = np.select([invalid, missing, over], ["invalid", "missing-request", "exceeds-quota"], "")
    out = pd.DataFrame({"pod": p["pod"], "reason": reason})
    return out[out["reason"] != ""].reset_index(drop=True)
''',
    }, {"ex-8-hidden", "ex-11-visible", "ex-11-hidden", "ex-13-visible", "ex-13-hidden"}),

    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        # JSON text instead of a dict
        "ex-1-answer": '''def devcontainer_for(entity, golden_images):
    row = golden_images.iloc[0]
    return json.dumps({"name": entity["metadata"]["name"], "image": row["image"]})
''',
        # a list of messages instead of a set of property names
        "ex-2-answer": '''def devcontainer_problems(config):
    return [] if "image" in config else ["no image"]
''',
        # every service, drifted or not
        "ex-3-answer": '''def environment_drift(dev_environments, golden_tools, services):
    out = services[["service_id"]].assign(missing_tools=0, outdated_tools=0, setup_minutes=0)
    return out.reset_index(drop=True)
''',
        # a percentage
        "ex-4-answer": '''def preview_share(prs, launch=PREVIEW_LAUNCH):
    since = prs[prs["opened_at"] >= launch]
    return 100 * float(since["preview_created_at"].notna().mean())
''',
        # seconds instead of minutes
        "ex-5-answer": '''def time_to_ready(prs):
    s = (prs["preview_ready_at"] - prs["opened_at"]).dt.total_seconds().dropna()
    return pd.Series({"median": s.median(), "p90": s.quantile(0.9)})
''',
        # destroyed environments never subtracted: every preview still counted
        "ex-6-answer": '''def concurrent_previews(prs, times):
    created = np.sort(prs["preview_created_at"].dropna().to_numpy())
    t = pd.DatetimeIndex(times).to_numpy()
    return pd.Series(np.searchsorted(created, t, side="right") - 1, index=pd.DatetimeIndex(times))
''',
        # the cost under the policy instead of the saving
        "ex-7-answer": '''def ttl_saving(prs, ttl_hours, end=HISTORY_END):
    env = prs[prs["preview_created_at"].notna()]
    stop = env["preview_destroyed_at"].fillna(end)
    policy = stop.where(env["closed_at"].isna(), np.minimum(stop, env["closed_at"] + pd.Timedelta(hours=ttl_hours)))
    rate = env["preview_cpu_cores"] * CPU_USD_PER_CORE_HOUR + env["preview_memory_gib"].astype(float) * MEMORY_USD_PER_GIB_HOUR
    return float(((policy - env["preview_created_at"]).dt.total_seconds() / 3600 * rate).sum())
''',
        # Gi read as 10**9, like G
        "ex-8-answer": '''def parse_quantity(text):
    factors = {"Ki": 1e3, "Mi": 1e6, "Gi": 1e9, "Ti": 1e12, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
    for suffix, factor in factors.items():
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    return float(text)
''',
        # the shared namespaces are given quotas too
        "ex-9-answer": '''def namespace_quotas(usage, percentile=0.95, headroom=0.2):
    q = usage.groupby(["cluster", "namespace"])[["cpu_usage_p95_cores", "memory_usage_avg_gib"]].quantile(percentile)
    cpu = np.ceil(np.round(q["cpu_usage_p95_cores"] * (1 + headroom) * 10, 6)) / 10
    mem = np.ceil(np.round(q["memory_usage_avg_gib"] * (1 + headroom), 6)).astype(int)
    return pd.DataFrame({"cpu_cores": cpu, "memory_gib": mem}).reset_index()
''',
        # a typo the API schema rejects: "defaults" is not a field of a LimitRange item
        "ex-10-answer": '''TENANT_YAML = """\\
apiVersion: v1
kind: ResourceQuota
metadata:
  name: team-quota
  namespace: checkout
spec:
  hard:
    requests.cpu: "10"
    requests.memory: 32Gi
    limits.memory: 64Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: team-defaults
  namespace: checkout
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 250m
      memory: 256Mi
    defaults:
      memory: 2Gi
"""
''',
        # percentages instead of ratios, with the verdict still read against 1
        "ex-11-answer": '''def cluster_fit(quotas, capacity, usage, overcommit=1.0):
    latest = capacity[capacity["date"] == capacity["date"].max()].set_index("cluster")
    asked = quotas.groupby("cluster")[["cpu_cores", "memory_gib"]].sum()
    out = pd.DataFrame({"cpu_ratio": asked["cpu_cores"] / latest["allocatable_cpu_cores"] * 100,
                        "memory_ratio": asked["memory_gib"] / latest["allocatable_memory_gib"] * 100}).dropna()
    out["fits"] = (out["cpu_ratio"] <= 100 * overcommit) & (out["memory_ratio"] <= 100 * overcommit)
    return out.rename_axis("cluster").reset_index()
''',
        # team names instead of cluster/namespace
        "ex-12-answer": '''def noisy_neighbours(usage, min_share=0.1):
    over = (usage["cpu_usage_avg_cores"] > usage["cpu_request_cores"]).groupby(usage["team_id"]).mean()
    return set(over[over >= min_share].index)
''',
        # a pod without a request counted as requesting nothing: admitted
        "ex-13-answer": '''def rejected_pods(pods, quotas, limitrange_namespaces=frozenset()):
    p = pods.merge(quotas[["cluster", "namespace", "cpu_cores", "memory_gib"]], on=["cluster", "namespace"])
    cpu = p["cpu_request"].fillna("").replace("", "0").map(parse_quantity)
    mem = p["memory_request"].fillna("").replace("", "0").map(parse_quantity) / 2**30
    over = (p["namespace_cpu_requested_cores"] + cpu > p["cpu_cores"]) | (p["namespace_memory_requested_gib"] + mem > p["memory_gib"])
    return pd.DataFrame({"pod": p.loc[over, "pod"], "reason": "exceeds-quota"}).reset_index(drop=True)
''',
    }, {f"ex-{n}-{kind}" for n in range(1, 14) for kind in ("visible", "hidden")}),
}
