"""Week 4 and 5: pull requests with preview environments; self-service infrastructure requests;
Kubernetes manifests that follow or break the platform's admission policies."""
from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import yaml

from .common import T0, T1, Folder, R, U, enum, iso, lognormal, pick, pick_author, working_time

PR_RATE = {"elite": 0.8, "high": 0.3, "medium": 0.12, "low": 0.05}  # per service per day
PREVIEW_LAUNCH = pd.Timestamp("2026-04-15T00:00:00Z")
RESOURCE_TYPES = ["postgres", "redis", "object-bucket", "queue", "kubernetes-namespace", "vm"]
SIZES = ["small", "medium", "large", "xlarge"]
MONTHLY = {  # resource type: monthly USD for small (doubles with every size)
    "postgres": 95.0, "redis": 60.0, "object-bucket": 12.0, "queue": 8.0, "kubernetes-namespace": 150.0, "vm": 70.0}
ALLOWED_REGIONS = {"AWS": ["eu-west-1", "eu-central-1"], "Google Cloud": ["europe-west1", "europe-west4"],
                   "Microsoft": ["westeurope", "northeurope"]}
OTHER_REGIONS = {"AWS": "us-east-1", "Google Cloud": "us-central1", "Microsoft": "eastus"}
REQUIRED_LABELS = ["app.kubernetes.io/name", "team", "cost-center"]


def _prs(rng, services, devs, design, scale):
    kube = services[services["runtime"].eq("kubernetes")].reset_index(drop=True)
    prof = kube["team_id"].map(design["dora_profile"]).to_numpy()
    n = rng.poisson(np.array([PR_RATE[p] for p in prof]) * (T1 - T0) / 86400)
    si = np.repeat(np.arange(len(kube)), n)
    m = len(si)
    opened = working_time(rng, m)
    author = pick_author(rng, kube["team_id"].to_numpy()[si], opened, devs)
    p = prof[si]
    review_h = lognormal(rng, np.select([p == "elite", p == "high", p == "medium"], [2.0, 8.0, 30.0], 80.0), 0.8)
    merge_h = review_h + lognormal(rng, np.select([p == "elite", p == "high"], [1.0, 6.0], 40.0), 0.8)
    size = np.round(lognormal(rng, np.select([p == "elite", p == "high"], [60, 150], 450), 0.9)).astype(int) + 1
    state = pick(rng, ["merged", "closed"], m, p=[0.9, 0.1])
    done = opened + (merge_h * 3600).astype(np.int64)
    state = np.where(done >= T1, "open", state)
    preview = (opened >= PREVIEW_LAUNCH.timestamp()) & (rng.random(m) < 0.92)
    p_created = opened + rng.integers(180, 900, m)
    ttl = p_created + 72 * 3600
    p_destroyed = np.where(state == "open", ttl, np.minimum(done + 300, ttl)).astype(float)
    leaked = preview & (state != "open") & (rng.random(m) < 0.04)
    p_destroyed = np.where(leaked, np.nan, p_destroyed)
    p_destroyed = np.where(p_destroyed >= T1, np.nan, p_destroyed)
    df = pd.DataFrame({
        "_t": opened, "service_id": kube["service_id"].to_numpy()[si], "author": author,
        "opened_at": iso(opened).to_numpy(), "state": state,
        "merged_at": iso(np.where(state == "merged", done, np.nan)).to_numpy(),
        "closed_at": iso(np.where(state != "open", done, np.nan)).to_numpy(),
        "first_review_at": iso(np.where(opened + review_h * 3600 < np.where(state == "open", T1, done),
                                        opened + (review_h * 3600).astype(np.int64), np.nan)).to_numpy(),
        "reviews": np.where(state == "open", 0, 1 + rng.poisson(0.6, m)),
        "changed_lines": size,
        "preview_created_at": iso(np.where(preview, p_created, np.nan)).to_numpy(),
        "preview_destroyed_at": iso(np.where(preview, p_destroyed, np.nan)).to_numpy(),
        "preview_cpu_cores": np.where(preview, np.round(rng.choice([0.5, 1.0, 2.0, 4.0], m, p=[0.4, 0.35, 0.2, 0.05]), 1), np.nan),
        "preview_memory_gib": np.where(preview, rng.choice([1, 2, 4, 8], m, p=[0.3, 0.4, 0.25, 0.05]), np.nan),
    })
    df = df.sort_values(["_t", "service_id"], kind="stable").reset_index(drop=True)
    df.insert(0, "pr_id", np.arange(1, len(df) + 1) + 1000)
    df["preview_namespace"] = np.where(df["preview_created_at"] != "", "pr-" + df["pr_id"].astype(str) + "-" + df["service_id"], "")
    df["preview_memory_gib"] = df["preview_memory_gib"].astype("Int64")
    leaked_ids = df.loc[df["preview_created_at"].ne("") & df["preview_destroyed_at"].eq("") & df["state"].ne("open"),
                        "pr_id"].tolist()
    return df.drop(columns="_t"), leaked_ids


APPROVER_TEAM = "cloud-foundations"  # reviews the requests that need a person
APPROVER_HOURS = (9, 18)              # its working day, local time, Monday to Friday
PEOPLE_WAIT = 0.55                    # share of a person's drawn wait spent before the next working slot
APPROVER_SEED = 505                   # own stream: moving decisions into working hours changes nothing else


def _in_working_hours(seconds: np.ndarray, tz: str) -> np.ndarray:
    """Each epoch second moved, if outside the approver's working hours (local time ``tz``), to a random
    moment of the next working day."""
    local = pd.to_datetime(seconds, unit="s", utc=True).tz_convert(tz)
    hour = local.hour + local.minute / 60
    start, end = APPROVER_HOURS
    ok = (local.dayofweek < 5) & (hour >= start) & (hour < end)
    day = local.normalize().tz_localize(None)
    nxt = day + pd.to_timedelta(np.where(hour < start, 0, 1), unit="D")  # today's morning, or tomorrow's
    nxt = nxt + pd.to_timedelta(np.where(nxt.dayofweek == 5, 2, np.where(nxt.dayofweek == 6, 1, 0)), unit="D")
    delay = np.random.default_rng(APPROVER_SEED).uniform(0.1, end - start - 0.1, len(seconds)) * 3600
    morning = (nxt + pd.Timedelta(hours=start)).tz_localize(tz) + pd.to_timedelta(delay.astype(np.int64), unit="s")
    moved = (morning.tz_convert("UTC") - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(seconds=1)
    return np.where(ok, seconds, np.asarray(moved, dtype=np.int64))


def _infra(rng, services, devs, teams, design, scale):
    n = 720 * scale
    t = working_time(rng, n)
    svc = services.iloc[rng.choice(len(services), n)].reset_index(drop=True)
    requester = pick_author(rng, svc["team_id"].to_numpy(), t, devs)
    rtype = pick(rng, RESOURCE_TYPES, n, p=[0.28, 0.15, 0.2, 0.15, 0.1, 0.12])
    size = pick(rng, SIZES, n, p=[0.45, 0.33, 0.16, 0.06])
    prov = svc["cloud_provider"].to_numpy()
    bad_region = rng.random(n) < 0.06
    region = np.where(bad_region, pd.Series(prov).map(OTHER_REGIONS).to_numpy(),
                      pd.Series(prov).map(lambda p: ALLOWED_REGIONS[p][0]).to_numpy())
    cost = pd.Series(rtype).map(MONTHLY).to_numpy() * 2.0 ** pd.Series(size).map({s: i for i, s in enumerate(SIZES)}).to_numpy()
    cost = np.round(cost * rng.uniform(0.9, 1.1, n), 2)
    cc = svc["team_id"].map(teams.set_index("team_id")["cost_center"]).to_numpy()
    poor = svc["team_id"].map(design["tagging"]).eq("poor").to_numpy()
    missing_cc = rng.random(n) < np.where(poor, 0.35, 0.05)
    tags = [json.dumps({"team": tm, "service": s, **({} if m else {"cost-center": c})}, separators=(",", ":"))
            for tm, s, c, m in zip(svc["team_id"], svc["service_id"], cc, missing_cc)]
    big = np.isin(size, ["large", "xlarge"])
    violates = missing_cc | bad_region
    # past decisions: mostly by the rules (auto-approve small/medium; humans review large; reject violations),
    # with a few human slips that a policy engine would have caught
    slip = violates & (rng.random(n) < 0.15)
    decision = np.where(violates & ~slip, "rejected", np.where(big | slip, "approved", "auto-approved"))
    decision = np.where((decision == "approved") & ~slip & (rng.random(n) < 0.12), "rejected", decision)
    reason = np.select([decision == "auto-approved", (decision == "rejected") & missing_cc, (decision == "rejected") & bad_region,
                        decision == "rejected"],
                       ["within self-service limits", "missing cost-center tag", "region not allowed", "cost not justified"],
                       "reviewed by cloud-foundations")
    wait_h = np.where(decision == "auto-approved", rng.uniform(0.01, 0.1, n), lognormal(rng, 26.0, 0.7, n))
    # a person's wait counts working time only: the raw draw is shortened, then moved into working hours
    decided = t + (wait_h * np.where(decision == "auto-approved", 1.0, PEOPLE_WAIT) * 3600).astype(np.int64)
    # a person in cloud-foundations decides during its working hours (its own time zone, Monday to Friday,
    # 09:00-18:00): a decision that would fall outside them is taken during the next working day
    people = decision != "auto-approved"
    decided = np.where(people, _in_working_hours(decided, teams.set_index("team_id").loc[APPROVER_TEAM, "time_zone"]), decided)
    df = pd.DataFrame({"_t": t, "requested_at": iso(t).to_numpy(), "requester": requester, "team_id": svc["team_id"],
                       "service_id": svc["service_id"], "resource_type": rtype, "size": size, "provider": prov,
                       "region": region, "estimated_monthly_cost_usd": cost, "tags": tags, "decision": decision,
                       "decided_at": iso(decided).to_numpy(), "decision_reason": reason,
                       "_slip": slip})
    df = df.sort_values(["_t", "service_id"], kind="stable").reset_index(drop=True)
    df.insert(0, "request_id", [f"REQ-{i:05d}" for i in range(1, len(df) + 1)])
    slips = df.loc[df["_slip"], "request_id"].tolist()
    return df.drop(columns=["_t", "_slip"]), slips


def _manifests(rng, services, teams):
    kube = services[services["runtime"].eq("kubernetes")].reset_index(drop=True)
    chosen = kube.iloc[np.sort(rng.choice(len(kube), min(48, len(kube)), replace=False))].reset_index(drop=True)
    cc = teams.set_index("team_id")["cost_center"]
    out, key = Folder(), {}
    problems = ["missing-label", "latest-tag", "no-tag", "missing-limits", "init-latest", "sidecar-no-limits"]
    plan = rng.choice(len(problems) + 3, len(chosen))  # >= len(problems): compliant
    for s, k in zip(chosen.itertuples(), plan):
        labels = {"app.kubernetes.io/name": s.service_id, "team": s.team_id, "cost-center": cc[s.team_id]}
        image = f"registry.tidewater.example/{s.team_id}/{s.service_id}:1.{int(rng.integers(0, 40))}.{int(rng.integers(0, 9))}"
        res = {"requests": {"cpu": "250m", "memory": "512Mi"}, "limits": {"cpu": "1", "memory": "1Gi"}}
        containers = [{"name": s.service_id, "image": image, "ports": [{"containerPort": 8080}], "resources": res}]
        init = []
        violations = []
        kind = problems[k] if k < len(problems) else "ok"
        if kind == "missing-label":
            drop = REQUIRED_LABELS[int(rng.integers(1, 3))]
            del labels[drop]
            violations.append({"rule": "required-labels", "detail": f"missing label {drop}"})
        elif kind == "latest-tag":
            containers[0]["image"] = image.rsplit(":", 1)[0] + ":latest"
            violations.append({"rule": "disallowed-tags", "detail": "image uses the latest tag"})
        elif kind == "no-tag":
            containers[0]["image"] = image.rsplit(":", 1)[0]
            violations.append({"rule": "disallowed-tags", "detail": "image has no tag (means latest)"})
        elif kind == "missing-limits":
            containers[0]["resources"] = {"requests": res["requests"]}
            violations.append({"rule": "container-limits", "detail": "container has no limits"})
        elif kind == "init-latest":
            init = [{"name": "migrate", "image": "registry.tidewater.example/tools/db-migrate:latest",
                     "resources": res}]
            violations.append({"rule": "disallowed-tags", "detail": "init container uses the latest tag"})
        elif kind == "sidecar-no-limits":
            containers.append({"name": "log-shipper", "image": "registry.tidewater.example/tools/fluent-bit:3.1.4",
                               "resources": {"requests": {"cpu": "50m", "memory": "64Mi"}, "limits": {"memory": "128Mi"}}})
            violations.append({"rule": "container-limits", "detail": "sidecar log-shipper has no cpu limit"})
        pod = {"containers": containers}
        if init:
            pod = {"initContainers": init, "containers": containers}
        deployment = {"apiVersion": "apps/v1", "kind": "Deployment",
                      "metadata": {"name": s.service_id, "namespace": s.team_id, "labels": labels},
                      "spec": {"replicas": int(rng.integers(2, 6)),
                               "selector": {"matchLabels": {"app.kubernetes.io/name": s.service_id}},
                               "template": {"metadata": {"labels": {"app.kubernetes.io/name": s.service_id}}, "spec": pod}}}
        service = {"apiVersion": "v1", "kind": "Service",
                   "metadata": {"name": s.service_id, "namespace": s.team_id, "labels": dict(labels)},
                   "spec": {"selector": {"app.kubernetes.io/name": s.service_id},
                            "ports": [{"port": 80, "targetPort": 8080}]}}
        path = f"{s.team_id}/{s.service_id}.yaml"
        out[path] = yaml.safe_dump_all([deployment, service], sort_keys=False, width=100)
        key[path] = violations
    return out, key


# Week 4 additions. They draw from their own generator so that the random stream of the tables
# above (and of Week 5's infra_requests and manifests) never changes when they are edited.
WEEK4_SEED = 404
# The images are rebuilt monthly (tag 2026.08): each carries the release line of its tools that the
# platform team supports that month, a recent stable one (language runtimes on their long-term line).
COMMON_TOOLS = [("git", "2.51", 5), ("kubectl", "1.34", 6), ("helm", "3.19", 6), ("pre-commit", "4.3", 8)]
LANGUAGE_TOOLS = {  # language: [(tool, version, minutes to install it by hand)], image tag, app port
    "java": ([("jdk", "25", 25), ("maven", "3.9", 10)], "java-25", 8080),
    "kotlin": ([("jdk", "21", 25), ("gradle", "9.0", 12)], "kotlin-21", 8080),
    "go": ([("go", "1.25", 15), ("golangci-lint", "2.4", 8)], "go-1.25", 8080),
    "python": ([("python", "3.13", 20), ("uv", "0.8", 3)], "python-3.13", 8000),
    "typescript": ([("node", "24", 15), ("pnpm", "10.15", 5)], "node-24", 3000),
    "ruby": ([("ruby", "3.4", 30), ("bundler", "2.7", 5)], "ruby-3.4", 3000),
}
OLDER = {"2.51": "2.39", "1.34": "1.29", "3.19": "3.14", "4.3": "3.7", "25": "21", "21": "17", "3.9": "3.8", "9.0": "8.5",
         "1.25": "1.22", "2.4": "1.59", "3.13": "3.11", "0.8": "0.4", "24": "20", "10.15": "9.4", "3.4": "3.2",
         "2.7": "2.4"}
EXTRA_TOOLS = [("jq", "1.7"), ("terraform", "1.9"), ("awscli", "2.17"), ("k9s", "0.32")]
BUILD = {"java": "./mvnw -q dependency:go-offline", "kotlin": "./gradlew --quiet dependencies",
         "go": "go mod download", "python": "uv sync", "typescript": "pnpm install --frozen-lockfile",
         "ruby": "bundle install"}


def _golden():
    """The golden development images: one per language, with the tools they carry."""
    tools, images = [], []
    for lang, (own, tag, port) in LANGUAGE_TOOLS.items():
        tools += [(lang, t, v, m) for t, v, m in own + COMMON_TOOLS]
        commands = {  # deliberately not in the specification's order: learners put them in order
            "postAttachCommand": "git status --short",
            "postCreateCommand": "pre-commit install",
            "onCreateCommand": ["git", "config", "--global", "--add", "safe.directory", "${containerWorkspaceFolder}"],
            "postStartCommand": ["kubectl", "config", "use-context", "dev"],
            "updateContentCommand": BUILD[lang],
        }
        features = {"ghcr.io/devcontainers/features/kubectl-helm-minikube:1": {"minikube": "none"},
                    "ghcr.io/devcontainers/features/github-cli:1": {}}
        images.append((lang, f"registry.tidewater.example/devcontainers/{tag}:2026.08", port,
                       json.dumps(features, separators=(",", ":")), json.dumps(commands, separators=(",", ":"))))
    golden_tools = pd.DataFrame(tools, columns=["language", "tool", "version", "install_minutes"])
    golden_images = pd.DataFrame(images, columns=["language", "image", "app_port", "features", "lifecycle_commands"])
    return golden_images, golden_tools


def _dev_environments(rng, services, golden_tools):
    """What each service's current development set-up installs (one row per tool): drifted from the golden image."""
    g = services[["service_id", "language"]].merge(golden_tools, on="language")
    n = len(g)
    drift_service = rng.random(len(services)) < 0.45
    drifts = g["service_id"].map(dict(zip(services["service_id"], drift_service))).to_numpy()
    missing = drifts & (rng.random(n) < 0.18)
    older = drifts & ~missing & (rng.random(n) < 0.22)
    rows = g.loc[~missing, ["service_id", "tool", "version"]].copy()
    rows["version"] = np.where(older[~missing], rows["version"].map(OLDER), rows["version"])
    k = rng.random(len(services)) < 0.35
    extra = pd.DataFrame({"service_id": services["service_id"][k].to_numpy()})
    pick_extra = rng.integers(0, len(EXTRA_TOOLS), len(extra))
    extra["tool"] = [EXTRA_TOOLS[i][0] for i in pick_extra]
    extra["version"] = [EXTRA_TOOLS[i][1] for i in pick_extra]
    out = pd.concat([rows, extra], ignore_index=True).sort_values(["service_id", "tool"], kind="stable")
    return out.reset_index(drop=True)


def _pod_requests(rng, usage):
    """One day of pod creation requests in team namespaces, with what the namespace already requested."""
    last = usage[usage["date"].eq(usage["date"].max()) & usage["shared"].eq("false")].reset_index(drop=True)
    per = rng.integers(4, 12, len(last))
    i = np.repeat(np.arange(len(last)), per)
    n = len(i)
    t = (pd.Timestamp(last["date"].iloc[0] + "T00:00:00Z").timestamp() + np.sort(rng.integers(6 * 3600, 20 * 3600, n))).astype(np.int64)
    cpu_m = rng.choice([100, 250, 500, 750, 1000, 1500, 2000], n, p=[0.15, 0.3, 0.25, 0.1, 0.1, 0.05, 0.05])
    cpu = np.where(cpu_m % 1000 == 0, (cpu_m // 1000).astype(str), np.char.add(cpu_m.astype(str), "m"))
    cpu = np.where((cpu_m == 500) & (rng.random(n) < 0.3), "0.5", cpu)
    mem_mi = rng.choice([128, 256, 512, 1024, 2048, 4096], n, p=[0.1, 0.2, 0.3, 0.2, 0.15, 0.05])
    mem = np.where(mem_mi >= 1024, np.char.add((mem_mi // 1024).astype(str), "Gi"), np.char.add(mem_mi.astype(str), "Mi"))
    decimal = rng.random(n) < 0.08  # someone wrote M or G (powers of ten) instead of Mi or Gi
    mem = np.where(decimal, np.char.replace(mem, "i", ""), mem)
    no_cpu = rng.random(n) < 0.07
    no_mem = rng.random(n) < 0.05
    req = last["cpu_request_cores"].to_numpy()[i]
    mreq = last["memory_request_gib"].to_numpy()[i]
    level = rng.uniform(0.55, 1.35, n)
    df = pd.DataFrame({
        "_t": t, "requested_at": iso(t).to_numpy(), "cluster": last["cluster"].to_numpy()[i],
        "namespace": last["namespace"].to_numpy()[i],
        "cpu_request": np.where(no_cpu, "", cpu), "memory_request": np.where(no_mem, "", mem),
        "namespace_cpu_requested_cores": np.round(req * level, 2),
        "namespace_memory_requested_gib": np.round(mreq * level * rng.uniform(0.9, 1.1, n), 1),
    })
    df = df.sort_values(["_t", "cluster", "namespace"], kind="stable").reset_index(drop=True)
    df.insert(0, "pod", df["namespace"] + "-" + pd.Series(rng.integers(0, 16 ** 5, n)).map(lambda v: f"{v:05x}")
              + "-" + pd.Series(np.arange(n)).map(lambda v: f"{v:03d}"))
    # Limits as written (drawn last, so that the columns above keep their values). Most manifests set a
    # memory limit (equal to the request, or twice it); a few set only a limit, which the API server
    # copies into the request; about a third set a CPU limit. A limit is never below its own request.
    m = len(df)
    cpu_q, mem_q = df["cpu_request"].to_numpy(), df["memory_request"].to_numpy()
    mem_limit_set = rng.random(m) < 0.75
    mem_factor = rng.choice([1, 2], m, p=[0.6, 0.4])
    limit_only_mem = (mem_q == "") & (rng.random(m) < 0.6)
    cpu_limit_set = rng.random(m) < 0.35
    limit_only_cpu = (cpu_q == "") & (rng.random(m) < 0.5)

    def scaled(q, factor):
        num = re.match(r"[0-9.]+", q).group(0)
        value = float(num) * factor
        return f"{int(value) if value == int(value) else value}{q[len(num):]}"

    mem_limit = np.array([scaled(q, f) if (q and s_) else "" for q, f, s_ in zip(mem_q, mem_factor, mem_limit_set)], dtype=object)
    mem_limit = np.where(limit_only_mem, "512Mi", mem_limit)
    cpu_limit = np.array([(scaled(q, 2) if q else "") if s_ else "" for q, s_ in zip(cpu_q, cpu_limit_set)], dtype=object)
    cpu_limit = np.where(limit_only_cpu, "1", cpu_limit)
    df.insert(df.columns.get_loc("memory_request") + 1, "cpu_limit", cpu_limit)
    df.insert(df.columns.get_loc("cpu_limit") + 1, "memory_limit", mem_limit)
    return df.drop(columns="_t")


def _bytes(quantity: str) -> float:
    """Memory quantities the generator writes (Mi, Gi, M, G) in bytes."""
    factor = {"Mi": 2 ** 20, "Gi": 2 ** 30, "M": 1e6, "G": 1e9}
    suffix = next(s for s in ("Mi", "Gi", "M", "G") if quantity.endswith(s))
    return float(quantity[: -len(suffix)]) * factor[suffix]


def _destroyed_on_close(rng, prs):
    """Previews as the pipeline ran them before any TTL: destroyed by the close (merge) pipeline a few
    minutes after the pull request closes, never while it is open; the leaked ones (the destroy step
    failed) and those of open pull requests still exist at the end of the data."""
    closed = pd.to_datetime(prs["closed_at"].replace("", np.nan), format="%Y-%m-%dT%H:%M:%SZ", utc=True)
    has = prs["preview_created_at"].ne("")
    leaked = prs["pr_id"].isin(prs.attrs["leaked"])
    delay = np.clip(lognormal(rng, 4.0, 0.8, len(prs)) * 60, 40, 3600).astype(np.int64)
    end = (closed - pd.Timestamp(0, tz="UTC")).dt.total_seconds() + delay
    end = end.where(has & closed.notna() & ~leaked & (end < T1))
    return iso(end.to_numpy(dtype="float64")).to_numpy()


def _ready_at(rng, prs):
    """When each preview environment became ready: created, then images built and deployed (skewed)."""
    created = prs["preview_created_at"].replace("", np.nan)
    c = pd.to_datetime(created, format="%Y-%m-%dT%H:%M:%SZ", utc=True)
    secs = (lognormal(rng, 6.0, 0.7, len(prs)) * 60 + np.where(rng.random(len(prs)) < 0.08, rng.uniform(900, 3600, len(prs)), 0))
    ready = ((c - pd.Timestamp(0, tz="UTC")).dt.total_seconds() + secs.astype(np.int64)).where(c.notna())
    return iso(ready.to_numpy(dtype="float64")).to_numpy()


def generate(rng: np.random.Generator, scale: int = 1, tables: dict | None = None) -> dict:
    services, devs, teams, design = tables["services"], tables["developers"], tables["teams"], tables["_design"]
    prs, leaked = _prs(rng, services, devs, design, scale)
    infra, slips = _infra(rng, services, devs, teams, design, scale)
    manifests, violations = _manifests(rng, services, teams)
    w4 = np.random.default_rng(WEEK4_SEED)
    prs.insert(prs.columns.get_loc("preview_destroyed_at"), "preview_ready_at", _ready_at(w4, prs))
    golden_images, golden_tools = _golden()
    dev_environments = _dev_environments(w4, services, golden_tools)
    pods = _pod_requests(w4, tables["namespace_usage"])
    prs.attrs["leaked"] = leaked
    prs["preview_destroyed_at"] = _destroyed_on_close(np.random.default_rng(WEEK4_SEED + 1), prs)
    prs.attrs.clear()
    leaked = prs.loc[prs["preview_created_at"].ne("") & prs["preview_destroyed_at"].eq("") & prs["state"].ne("open"),
                     "pr_id"].tolist()
    # A LimitRange whose default memory limit is 512Mi makes every pod that requests more memory and sets
    # no memory limit of its own invalid (its request would exceed the limit it is given).
    given = pods["memory_request"].ne("") & pods["memory_limit"].eq("")
    above = given & pods["memory_request"].where(given, "0Mi").map(_bytes).gt(512 * 2 ** 20)
    return {"pull_requests": prs, "golden_images": golden_images, "golden_tools": golden_tools,
            "dev_environments": dev_environments, "pod_requests": pods, "infra_requests": infra, "manifests": manifests,
            "keys/environments": {"leaked_preview_prs": leaked, "preview_launch": str(PREVIEW_LAUNCH.date()),
                                  "pods_invalid_under_512Mi_default_limit": pods.loc[above, "pod"].tolist()},
            "keys/infra_requests": {"policy_slips": slips, "allowed_regions": ALLOWED_REGIONS,
                                    "rules": ["cost-center tag required", "region must be allowed",
                                              "large and xlarge need human approval"]},
            "keys/manifest_violations": violations}


SCHEMAS = {
    "pull_requests": {
        "title": "Pull requests and their preview environments", "primaryKey": ["pr_id"],
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "services", "fields": "service_id"}}],
        "description": "Pull requests on the repositories of services that run on Kubernetes, over six months. Since "
                       "mid-April 2026 most pull requests get a preview environment (namespace pr-<id>-<service>), "
                       "which the pipeline destroys a few minutes after the pull request merges or closes; no time-to-live "
                       "policy was in force, so a preview whose destroy step failed still exists.",
        "fields": [
            ("pr_id", "integer", "Pull request number (unique across repositories).", U),
            ("service_id", "string", "Repository's service (services.service_id).", R),
            ("author", "string", "Author (developers.developer_id).", R),
            ("opened_at", "datetime", "Opened (UTC).", R),
            ("state", "string", "State at the end of the history.", enum(["open", "merged", "closed"])),
            ("merged_at", "datetime", "Merged (UTC); empty unless merged.", {}),
            ("closed_at", "datetime", "Merged or closed without merging (UTC); empty if open.", {}),
            ("first_review_at", "datetime", "First review (UTC); empty if none yet.", {}),
            ("reviews", "integer", "Number of reviews (count).", {"required": True, "minimum": 0}),
            ("changed_lines", "integer", "Lines added plus lines deleted (count).", {"required": True, "minimum": 1}),
            ("preview_created_at", "datetime", "Preview environment created (UTC); empty if none.", {}),
            ("preview_ready_at", "datetime", "Preview environment ready to use: built, deployed and healthy (UTC); empty if none.", {}),
            ("preview_destroyed_at", "datetime", "Preview environment destroyed (UTC): by the pipeline after the pull request "
             "closed; empty if it still exists at the end of the data.", {}),
            ("preview_cpu_cores", "number", "CPU requested by the preview environment (cores).", {}),
            ("preview_memory_gib", "integer", "Memory requested by the preview environment (GiB).", {}),
            ("preview_namespace", "string", "Namespace of the preview environment.", {}),
        ],
    },
    "golden_images": {
        "title": "Golden development images", "primaryKey": ["language"],
        "description": "The platform team's supported development container image for each language, with the "
                       "devcontainer.json settings every service of that language should use.",
        "fields": [
            ("language", "string", "Programming language (services.language).", U),
            ("image", "string", "Container image reference of the golden image.", R),
            ("app_port", "integer", "Port the service listens on in development (port number).", R),
            ("features", "string", "Dev Container Features to add (JSON object: feature id -> options).", R),
            ("lifecycle_commands", "string", "Lifecycle commands (JSON object: devcontainer.json property -> command); "
             "listed in no particular order.", R),
        ],
    },
    "golden_tools": {
        "title": "Tools of the golden development images", "primaryKey": ["language", "tool"],
        "description": "Each tool a golden image carries, its version, and how long a developer needs to install it "
                       "by hand when a service's set-up lacks it or has another version.",
        "fields": [
            ("language", "string", "Golden image's language (golden_images.language).", R),
            ("tool", "string", "Tool name.", R),
            ("version", "string", "Version in the golden image (major.minor).", R),
            ("install_minutes", "integer", "Time to install or upgrade it by hand (minutes).", R),
        ],
    },
    "dev_environments": {
        "title": "Development set-up of each service today", "primaryKey": ["service_id", "tool"],
        "description": "What each service's current development set-up (README steps, scripts, old devcontainers) "
                       "installs: one row per tool and version. Tools can be missing, older than the golden image, or "
                       "extra.",
        "fields": [
            ("service_id", "string", "Service (services.service_id).", R),
            ("tool", "string", "Tool name.", R),
            ("version", "string", "Installed version (major.minor).", R),
        ],
    },
    "pod_requests": {
        "title": "Pod creation requests on one day", "primaryKey": ["pod"],
        "description": "Pods created in team namespaces on the last day of namespace_usage, in time order, with the "
                       "container requests and limits as written in their manifests (Kubernetes quantities; empty "
                       "when the manifest sets none) and what the namespace had already requested when each pod arrived. The "
                       "clusters had no ResourceQuota that day.",
        "fields": [
            ("pod", "string", "Pod name.", U),
            ("requested_at", "datetime", "Creation request (UTC).", R),
            ("cluster", "string", "Cluster (cluster_capacity.cluster).", R),
            ("namespace", "string", "Namespace (namespace_usage.namespace).", R),
            ("cpu_request", "string", "CPU request as a Kubernetes quantity (e.g. 250m, 0.5, 1); empty if none.", {}),
            ("memory_request", "string", "Memory request as a Kubernetes quantity (e.g. 512Mi, 1Gi); empty if none.", {}),
            ("cpu_limit", "string", "CPU limit as a Kubernetes quantity; empty if none.", {}),
            ("memory_limit", "string", "Memory limit as a Kubernetes quantity; empty if none. A container that sets a "
             "limit and no request gets the limit as its request (the API server's defaulting).", {}),
            ("namespace_cpu_requested_cores", "number", "CPU already requested by running pods of the namespace (cores).", R),
            ("namespace_memory_requested_gib", "number", "Memory already requested by running pods of the namespace (GiB).", R),
        ],
    },
    "infra_requests": {
        "title": "Self-service infrastructure requests", "primaryKey": ["request_id"],
        "description": "Requests for databases, caches, buckets, queues, namespaces and VMs made through the portal, "
                       "with the decision taken. Policy: every request carries a cost-center tag; only the allowed EU "
                       "regions; small and medium are auto-approved, large and xlarge need a human approval.",
        "fields": [
            ("request_id", "string", "Request identifier, in time order.", U),
            ("requested_at", "datetime", "Submitted (UTC).", R),
            ("requester", "string", "Requester (developers.developer_id).", R),
            ("team_id", "string", "Team that will own the resource (teams.team_id).", R),
            ("service_id", "string", "Service that will use it (services.service_id).", R),
            ("resource_type", "string", "What is requested.", enum(RESOURCE_TYPES)),
            ("size", "string", "T-shirt size.", enum(SIZES)),
            ("provider", "string", "Cloud provider (FOCUS ProviderName).", enum(["AWS", "Google Cloud", "Microsoft"])),
            ("region", "string", "Requested region id.", R),
            ("estimated_monthly_cost_usd", "number", "Estimate shown to the requester (US dollars per month).", R),
            ("tags", "string", "Tags to apply (JSON object).", R),
            ("decision", "string", "Outcome.", enum(["auto-approved", "approved", "rejected"])),
            ("decided_at", "datetime", "Decision time (UTC). A person (cloud-foundations) decides in its working hours, "
             "Monday to Friday 09:00-18:00 in its time zone (teams.time_zone); the platform decides at any hour.", R),
            ("decision_reason", "string", "Reason recorded with the decision.", R),
        ],
    },
    "manifests": {
        "kind": "folder", "mediatype": "application/yaml",
        "title": "Kubernetes manifests submitted for admission",
        "description": "Deployment and Service manifests of about 50 services, as submitted to the clusters. Some break "
                       "the platform's admission policies: required labels (app.kubernetes.io/name, team, cost-center), "
                       "no latest or missing image tags, CPU and memory limits on every container.",
        "files": [("<team>/<service>.yaml", "A Deployment and a Service (two YAML documents).")],
    },
}
