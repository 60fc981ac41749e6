"""Every reference in the organisation's data resolves, time runs forwards, FOCUS invariants hold,
and the planted problems are exactly the ones in the answer keys."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from workbook import data

REPO = Path(__file__).resolve().parents[2]
KEYS = REPO / "tests" / "keys"


@pytest.fixture(scope="module", autouse=True)
def repo_data():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(REPO / "data"))
    yield
    mp.undo()


@pytest.fixture(scope="module")
def t():
    names = ["teams", "developers", "services", "commits", "deployments", "incidents", "alerts", "focus_bill",
             "namespace_usage", "cluster_capacity", "slo_requests", "canary_runs", "canary_samples", "business_units"]
    return {n: data.load(n) for n in names}


def key(name):
    return json.loads((KEYS / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog():
    return data.load_catalog()


# --- organisation
def test_organisation_shape(t):
    teams, devs, svcs = t["teams"], t["developers"], t["services"]
    assert 35 <= len(teams) <= 45 and 5 <= teams["business_unit"].nunique() <= 6
    assert set(teams["topology"]) == {"stream-aligned", "platform", "enabling", "complicated-subsystem"}
    assert 500 <= len(devs) <= 700 and 130 <= len(svcs) <= 170
    assert svcs["cloud_provider"].nunique() == 3
    assert set(devs["team_id"]) <= set(teams["team_id"]) and set(svcs["team_id"]) <= set(teams["team_id"])
    assert (devs.groupby("team_id").size().reindex(teams["team_id"]).to_numpy() == teams["headcount"].to_numpy()).all()
    assert set(teams["manager"]) <= set(devs["developer_id"])
    design = key("org_design")
    assert {"elite", "low"} <= set(design["dora_profile"].values())
    assert {"good", "poor"} <= set(design["tagging"].values())
    assert set(design["noisy_neighbour_services"]) <= set(svcs["service_id"]) and design["noisy_neighbour_services"]


# --- Week 6: Four Keys linkage
@pytest.fixture(scope="module")
def shipped(t):
    dep = t["deployments"]
    ex = dep.assign(sha=dep["changes"].fillna("").str.split()).explode("sha").dropna(subset=["sha"])
    return ex.merge(t["commits"], on="sha", how="left", suffixes=("", "_commit"))


def test_deployed_services_are_in_the_catalog(t, catalog):
    components = set(catalog.loc[catalog["kind"].eq("Component"), "name"])
    assert set(t["deployments"]["service_id"]) <= components
    assert set(t["deployments"]["service_id"]) <= set(t["services"]["service_id"])


def test_deployments_list_real_commits_committed_before_the_deploy(t, shipped):
    assert shipped["committed_at"].notna().all(), "a deployment lists a SHA that is not in commits"
    assert (shipped["committed_at"] < shipped["deployed_at"]).all()
    assert (shipped["service_id"] == shipped["service_id_commit"]).all()
    dep = t["deployments"]
    counts = dep["changes"].fillna("").str.split().str.len()
    assert (counts == dep["commit_count"]).all()
    assert (dep.loc[dep["commit_count"] > 0, "head_commit"] == dep.loc[dep["commit_count"] > 0, "changes"].str.split().str[-1]).all()
    ok = shipped[shipped["status"] == "success"]
    assert not ok["sha"].duplicated().any(), "a commit is shipped by two successful deployments"
    assert set(t["commits"]["sha"]) <= set(shipped["sha"]), "every commit is shipped by some deployment"


def test_incident_root_causes_are_shipped_commits(t, shipped):
    inc = t["incidents"]
    caused = inc[inc["root_cause"].notna()]
    ok = shipped[shipped["status"] == "success"].set_index("sha")
    assert caused["root_cause"].isin(ok.index).all()
    assert (caused["created_at"].to_numpy() > ok.loc[caused["root_cause"], "deployed_at"].to_numpy()).all()
    assert (caused["body"] == "root cause: " + caused["root_cause"]).all()
    assert inc["root_cause"].isna().any(), "some incidents are not caused by a change"


def test_time_runs_forwards(t):
    inc, al = t["incidents"], t["alerts"]
    done = inc["resolved_at"].notna()
    assert (inc.loc[done, "created_at"] < inc.loc[done, "resolved_at"]).all()
    assert (al["fired_at"] <= al["resolved_at"]).all()
    assert inc["created_at"].is_monotonic_increasing and t["deployments"]["deployed_at"].is_monotonic_increasing
    for frame, col in ((t["deployments"], "deployed_at"), (inc, "created_at"), (al, "fired_at")):
        assert (frame[col] >= pd.Timestamp("2026-03-02", tz="UTC")).all() and (frame[col] < pd.Timestamp("2026-08-31", tz="UTC")).all()


def test_team_tiers_are_a_tendency(t, shipped):
    """Tiers order the teams on the whole; each team's own performance is continuous
    (tests/data/test_delivery_story.py checks there are no tight clusters)."""
    prof = t["services"].set_index("service_id")["team_id"].map(key("org_design")["dora_profile"])
    ok = shipped[(shipped["status"] == "success")].copy()
    ok["lead_h"] = (ok["deployed_at"] - ok["committed_at"]).dt.total_seconds() / 3600
    lead = ok.groupby(ok["service_id"].map(prof))["lead_h"].median()
    assert lead["elite"] < 24 < lead["medium"] and lead["elite"] < lead["high"] < lead["medium"] < lead["low"]
    assert lead["low"] > 24 * 30


# --- SLO, canary, alerts
def test_slo_minutes(t):
    slo = t["slo_requests"]
    assert (slo["errors"] <= slo["requests"]).all()
    per = slo.groupby("service_id")["minute"].agg(["count", "nunique", "min", "max"])
    assert (per["count"] == 30 * 1440).all() and (per["nunique"] == 30 * 1440).all()
    for ep in key("slo_episodes"):
        s = slo[(slo["service_id"] == ep["service_id"]) & (slo["minute"] >= ep["start"]) & (slo["minute"] < ep["end"])]
        assert s["errors"].sum() / s["requests"].sum() == pytest.approx(ep["error_ratio"], rel=0.35)
    assert {e["expected_alert"] for e in key("slo_episodes")} >= {"page", "ticket", "none"}


def test_canary_samples_and_verdicts(t):
    runs, s = t["canary_runs"], t["canary_samples"]
    assert set(runs["deployment_id"]) <= set(t["deployments"]["deployment_id"])
    assert (s.groupby(["run_id", "metric", "group"]).size() == 30).all()
    v = key("canary_verdicts")["verdict"]
    assert set(v) == set(runs["run_id"]) and {"pass", "fail"} == set(v.values())
    from scipy.stats import mannwhitneyu
    for run, metric in key("canary_verdicts")["regressed_metric"].items():
        x = s[(s["run_id"] == run) & (s["metric"] == metric)]
        p = mannwhitneyu(x.loc[x["group"] == "canary", "value"], x.loc[x["group"] == "baseline", "value"],
                         alternative="greater").pvalue
        assert p < 0.02, (run, metric)


# --- Week 5: FOCUS bill
@pytest.fixture(scope="module")
def bill(t):
    return t["focus_bill"]


def test_focus_periods(bill):
    assert (bill["ChargePeriodStart"] < bill["ChargePeriodEnd"]).all()
    assert (bill["BillingPeriodStart"] < bill["BillingPeriodEnd"]).all()
    normal = bill["ChargeClass"].isna()
    assert (bill.loc[normal, "ChargePeriodStart"] >= bill.loc[normal, "BillingPeriodStart"]).all()
    assert (bill.loc[normal, "ChargePeriodEnd"] <= bill.loc[normal, "BillingPeriodEnd"]).all()
    days = bill["ChargePeriodStart"].dt.normalize().nunique()
    assert 85 <= days <= 95
    for col in ("ChargePeriodStart", "ChargePeriodEnd", "BillingPeriodStart", "BillingPeriodEnd"):
        assert str(bill[col].dt.tz) == "UTC"
    raw = pd.read_csv(data.data_path("focus_bill"), usecols=["ChargePeriodStart"], dtype=str)
    assert raw["ChargePeriodStart"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").all()


def test_focus_allowed_values_and_cost_formulas(bill):
    allowed = {
        "ChargeCategory": {"Usage", "Purchase", "Tax", "Credit", "Adjustment"},
        "ChargeFrequency": {"One-Time", "Recurring", "Usage-Based"},
        "PricingCategory": {"Standard", "Dynamic", "Committed", "Other"},
        "ChargeClass": {"Correction"}, "CommitmentDiscountStatus": {"Used", "Unused"},
        "CommitmentDiscountCategory": {"Spend", "Usage"},
    }
    for col, values in allowed.items():
        assert set(bill[col].dropna()) <= values, col
    assert {"Usage", "Purchase", "Tax", "Credit"} <= set(bill["ChargeCategory"])
    assert set(bill["ProviderName"]) == {"AWS", "Google Cloud", "Microsoft"}
    priced = bill["ListUnitPrice"].notna() & bill["ChargeClass"].isna()
    assert np.allclose(bill.loc[priced, "ListCost"], bill.loc[priced, "ListUnitPrice"] * bill.loc[priced, "PricingQuantity"], atol=1e-3)
    assert np.allclose(bill.loc[priced, "ContractedCost"], bill.loc[priced, "ContractedUnitPrice"] * bill.loc[priced, "PricingQuantity"], atol=1e-3)
    assert (bill.loc[priced, "ContractedCost"] <= bill.loc[priced, "ListCost"] + 1e-9).all()
    # prepaid purchase: billed, not amortised; its usage rows are amortised, and used + unused = purchased
    sp = bill[bill["CommitmentDiscountId"].notna()]
    purchase = sp[sp["ChargeCategory"] == "Purchase"]
    assert len(purchase) == 3 and (purchase["EffectiveCost"] == 0).all() and (purchase["BilledCost"] > 0).all()
    usage = sp[sp["ChargeCategory"] == "Usage"]
    assert (usage["BilledCost"] == 0).all()
    month = lambda f: f["ChargePeriodStart"].dt.strftime("%Y-%m")
    assert np.allclose(usage.groupby(month(usage))["EffectiveCost"].sum(), purchase.groupby(month(purchase))["BilledCost"].sum(), rtol=1e-3)


def test_bill_tags_name_real_teams_or_are_untagged_on_purpose(t, bill):
    tags = bill["Tags"].dropna().map(json.loads)
    teams = tags.map(lambda d: d.get("team")).dropna()
    assert set(teams) <= set(t["teams"]["team_id"])
    svcs = tags.map(lambda d: d.get("service")).dropna()
    assert set(svcs) <= set(t["services"]["service_id"])
    owners = key("focus_bill")["resource_owner"]
    untagged = bill[bill["Tags"].isna() & bill["ResourceId"].isin(owners.keys())]
    assert not untagged.empty
    assert {owners[r]["tagging"] for r in untagged["ResourceId"]} == {"untagged"}
    tagged = bill[bill["Tags"].notna() & bill["ResourceId"].isin(owners.keys())]
    assert "untagged" not in {owners[r]["tagging"] for r in tagged["ResourceId"]}
    design = key("org_design")["tagging"]
    share = (bill.assign(team=bill["ResourceId"].map(lambda r: owners.get(r, {}).get("team_id")))
             .dropna(subset=["team"]).groupby("team")["Tags"].apply(lambda s: s.isna().mean()))
    good = share[share.index.map(design.get) == "good"].mean()
    poor = share[share.index.map(design.get) == "poor"].mean()
    assert poor > good + 0.2


def test_anomaly_is_where_the_key_says(bill):
    a = key("focus_bill")["anomaly"]
    r = bill[bill["ResourceId"] == a["resource_id"]].groupby(bill["ChargePeriodStart"].dt.strftime("%Y-%m-%d"))["EffectiveCost"].sum()
    assert r.idxmax() == a["date"] and r.max() > 5 * r.median()


def test_cluster_capacity_covers_requests(t):
    ns, cap = t["namespace_usage"], t["cluster_capacity"]
    assert set(ns["team_id"]) <= set(t["teams"]["team_id"])
    req = ns.groupby(["date", "cluster"])["cpu_request_cores"].sum()
    alloc = cap.set_index(["date", "cluster"])["allocatable_cpu_cores"].reindex(req.index)
    assert (req <= alloc).all() and (req / alloc).mean() < 0.9, "there is idle capacity to allocate"
    noisy = key("org_design")["noisy_neighbour_teams"]
    over = ns[ns["cpu_usage_avg_cores"] > ns["cpu_request_cores"]]
    assert set(over["team_id"]) == set(noisy)
    assert ns.loc[ns["team_id"].isin(noisy) & ~ns["shared"], "cpu_limit_cores"].isna().all()


# --- Week 3: catalog defects are exactly the planted ones
# The rule Backstage enforces (catalog-model KubernetesValidatorFunctions.isValidObjectName), length 1-63.
NAME = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")


def _refs(doc):
    spec, kind = doc.get("spec") or {}, doc["kind"]
    out = []
    single = {"owner": "group", "system": "system", "domain": "domain", "parent": "group", "subdomainOf": "domain"}
    # dependsOn / dependencyOf get no default kind in Backstage: a kind-less reference matches nothing
    multi = {"providesApis": "api", "consumesApis": "api", "dependsOn": "", "memberOf": "group",
             "children": "group", "dependencyOf": ""}
    for field, default in single.items():
        if isinstance(spec.get(field), str):
            out.append((f"spec.{field}", spec[field], default))
    for field, default in multi.items():
        for ref in spec.get(field) or []:
            out.append((f"spec.{field}", ref, default))
    return out


def _norm(ref, default):
    kind, _, rest = ref.rpartition(":")
    ns, _, name = rest.rpartition("/")
    return f"{(kind or default).lower()}:{(ns or 'default').lower()}/{name.lower()}"


def test_catalog_defects_match_the_key(catalog):
    planted = key("catalog_defects")["defects"]
    entities = {f"{k.lower()}:{n_s}/{n.lower()}" for k, n_s, n in zip(catalog["kind"], catalog["namespace"], catalog["name"])}
    dangling = {(d["kind"], d["metadata"]["name"], f, _norm(r, dft)) for d in catalog["doc"] for f, r, dft in _refs(d)
                if d["kind"] != "Location" and _norm(r, dft) not in entities}
    assert dangling == {(d["kind"], d["name"], d["field"], d["target"]) for d in planted if d["defect"] == "dangling-reference"}
    missing_owner = {d["metadata"]["name"] for d in catalog["doc"]
                     if d["kind"] in ("Component", "API", "Resource", "System", "Domain") and not d["spec"].get("owner")}
    assert missing_owner == {d["name"] for d in planted if d["defect"] == "missing-owner"}
    bad_names = {n for n in catalog["name"] if len(n) > 63 or not NAME.fullmatch(n)}
    assert bad_names == {d["name"] for d in planted if d["defect"] == "invalid-name"}
    lower = catalog.assign(low=catalog["name"].str.lower())
    dup = lower[lower.duplicated(["kind", "namespace", "low"], keep=False)]
    planted_dups = {d["name"] for d in planted if d["defect"] == "duplicate-name"}
    assert set(dup["name"]) == planted_dups | {n.lower() for n in planted_dups}
    g = nx.DiGraph()
    for d in catalog["doc"]:
        for f, r, dft in _refs(d):
            if d["kind"] == "Component" and f == "spec.dependsOn" and _norm(r, dft).startswith("component:"):
                g.add_edge(d["metadata"]["name"], _norm(r, dft).split("/")[-1])
    cycles = sorted(sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1)
    assert cycles == sorted(d["members"] for d in planted if d["defect"] == "dependency-cycle") and len(cycles) >= 2
    assert {d["defect"] for d in planted} >= {"missing-owner", "dangling-reference", "invalid-name", "dependency-cycle"}


def test_catalog_entities_follow_the_descriptor_format(catalog):
    kinds = {"Domain", "System", "Component", "API", "Resource", "Group", "User", "Location"}
    assert set(catalog["kind"]) == kinds
    for d in catalog["doc"]:
        assert d["apiVersion"] == "backstage.io/v1alpha1"
        assert "relations" not in d and "status" not in d
    comps = catalog[catalog["kind"] == "Component"]
    assert comps["doc"].map(lambda d: {"type", "lifecycle"} <= set(d["spec"])).all()
    groups = catalog[catalog["kind"] == "Group"]
    assert groups["doc"].map(lambda d: "type" in d["spec"] and "children" in d["spec"]).all()
    loc = catalog[catalog["kind"] == "Location"]["doc"].iloc[0]
    files = set(catalog["file"]) - {"catalog-info.yaml"}
    assert {x.removeprefix("./") for x in loc["spec"]["targets"]} == files


# --- Week 2
def test_onboarding_milestones_in_order(t):
    o = data.load("onboarding_journeys")
    assert set(o["developer_id"]) <= set(t["developers"]["developer_id"])
    cols = ["laptop_ready_at", "accounts_ready_at", "repository_access_at", "first_build_at", "first_pull_request_at",
            "first_deploy_at"]
    start = pd.to_datetime(o["start_date"]).dt.tz_localize("UTC")
    prev = start
    for c in cols:
        ok = o[c].notna()
        assert (o.loc[ok, c] > prev[ok]).all(), c
        prev = o[c].fillna(prev)
    launch = pd.Timestamp(key("onboarding")["golden_path_launch"])
    days = (o["first_deploy_at"] - start).dt.total_seconds() / 86400
    after = pd.to_datetime(o["start_date"]) >= launch
    assert days[after].median() < days[~after].median() / 2


def test_onboarding_first_day_is_a_weekday_and_the_buddy_someone_else():
    o = data.load("onboarding_journeys")
    assert (o["start_date"].dt.weekday < 5).all(), "start_date is the first working day"
    devs = data.load("developers").set_index("developer_id")
    has = o["buddy"].notna() & (o["buddy"] != "")
    assert (o.loc[has, "buddy"] != o.loc[has, "developer_id"]).all(), "nobody is their own buddy"
    assert (o.loc[has, "buddy"].map(devs["team_id"]) == o.loc[has, "team_id"]).all()


def test_support_tickets_self_service_is_per_ticket():
    tk = data.load("support_tickets")
    assert tk["needs_human"].dtype == bool and tk["needs_human"].any() and (~tk["needs_human"]).any()
    # the page is set per ticket, not per category: a category holds tickets with and without a page
    per_cat = tk.groupby("category")["answered_by_doc"].agg(lambda s: s.notna().mean())
    assert ((per_cat > 0) & (per_cat < 1)).any()
    assert not tk.loc[tk["summary"].str.contains("Flaky|Need write access"), "needs_human"].eq(False).any()


def test_docs_answer_the_questions():
    docs = data.load_docs()
    slugs = set(docs["path"].str.removesuffix(".md"))
    assert len(docs) >= 25 and docs["title"].notna().all() and docs["owner"].notna().all()
    q = data.load("doc_questions")
    held = pd.DataFrame(key("onboarding")["held_out_questions"])
    for pages in pd.concat([q["answer_pages"], held["answer_pages"]]):
        assert set(pages.split(";")) <= slugs
    assert not set(held["question"]) & set(q["question"])
    assert set(key("onboarding")["stale_pages"]) <= slugs


# --- Week 4
def test_pull_requests_and_previews(t):
    pr = data.load("pull_requests")
    assert set(pr["author"]) <= set(t["developers"]["developer_id"])
    assert set(pr["service_id"]) <= set(t["services"]["service_id"])
    m = pr["merged_at"].notna()
    assert (pr.loc[m, "merged_at"] > pr.loc[m, "opened_at"]).all() and (pr.loc[m, "closed_at"] == pr.loc[m, "merged_at"]).all()
    assert (pr["state"].eq("open") == pr["closed_at"].isna()).all()
    p = pr["preview_created_at"].notna()
    assert (pr.loc[p, "preview_created_at"] > pr.loc[p, "opened_at"]).all()
    d = pr["preview_destroyed_at"].notna()
    assert (pr.loc[d, "preview_destroyed_at"] > pr.loc[d, "preview_created_at"]).all()
    leaked = pr.loc[p & ~d & pr["state"].ne("open"), "pr_id"].tolist()
    assert leaked and leaked == key("environments")["leaked_preview_prs"]


# --- Week 5
def test_infra_requests_policy_slips(t):
    r = data.load("infra_requests")
    tags = r["tags"].map(json.loads)
    assert set(tags.map(lambda x: x["team"])) <= set(t["teams"]["team_id"])
    allowed = key("infra_requests")["allowed_regions"]
    violates = ~tags.map(lambda x: "cost-center" in x) | ~pd.Series(
        [reg in allowed[p] for p, reg in zip(r["provider"], r["region"])])
    slips = r.loc[violates & r["decision"].ne("rejected"), "request_id"].tolist()
    assert slips == key("infra_requests")["policy_slips"] and slips
    assert (r["decided_at"] > r["requested_at"]).all()


def test_manifest_violations_match_the_key():
    import yaml
    files = data.read_text_files("manifests")
    truth = key("manifest_violations")
    assert set(files["path"]) == set(truth)
    for path, text in zip(files["path"], files["text"]):
        found = set()
        for doc in yaml.safe_load_all(text):
            labels = doc["metadata"].get("labels", {})
            if doc["kind"] == "Deployment":
                if not {"app.kubernetes.io/name", "team", "cost-center"} <= set(labels):
                    found.add("required-labels")
                pod = doc["spec"]["template"]["spec"]
                for c in pod.get("containers", []) + pod.get("initContainers", []):
                    last = c["image"].rsplit("/", 1)[-1]
                    if ":" not in last or last.endswith(":latest"):
                        found.add("disallowed-tags")
                    lim = c.get("resources", {}).get("limits", {})
                    if not {"cpu", "memory"} <= set(lim):
                        found.add("container-limits")
        assert found == {v["rule"] for v in truth[path]}, path
    assert sum(bool(v) for v in truth.values()) >= 10 and sum(not v for v in truth.values()) >= 10


# --- Week 7
def test_secret_labels_point_at_their_values():
    files = dict(zip(*data.read_text_files("repo_snapshot").T.to_numpy()))
    labels = key("secret_labels")["labels"]
    for lab in labels:
        assert lab["value"] in files[lab["file"]].splitlines()[lab["line"] - 1], lab
    kinds = {lab["kind"] for lab in labels if lab["is_secret"]}
    assert len(kinds) >= 5 and sum(not lab["is_secret"] for lab in labels) >= 8
    text = "\n".join(files.values())
    found = [k for k in re.findall(r"\b(?:AKIA)[A-Z2-7]{16}\b", text) if not k.endswith("EXAMPLE")]
    assert len(found) == sum(lab["kind"] == "aws-access-key-id" for lab in labels)


def test_service_requests_resolve(t, catalog):
    logs = data.load("service_requests")
    services = set(t["services"]["service_id"])
    assert set(logs["destination_service"]) <= services and set(logs["source_service"]) <= services | {"unknown"}
    k = key("service_requests")
    pairs = set(logs["source_service"] + "->" + logs["destination_service"])
    assert set(k["undeclared_flows"]) <= pairs
    assert set(logs.loc[~logs["mtls"], "source_service"]) == set(k["plaintext_sources"])
    assert logs.loc[logs["mtls"], "source_principal"].str.startswith("spiffe://").all()
    comps = catalog[catalog["kind"] == "Component"].set_index("name")["doc"]
    declared = set()
    for name, doc in comps.items():
        for ref in doc["spec"].get("dependsOn", []):
            declared.add(f"{name}->{ref.split(':')[-1]}")
        for api in doc["spec"].get("consumesApis", []):
            declared.add(f"{name}->{api.removesuffix('-v1')}")
    known = logs[logs["source_service"] != "unknown"]
    undeclared = set(known["source_service"] + "->" + known["destination_service"]) - declared
    assert undeclared - set(k["undeclared_flows"]) <= {f"{k['legacy_vm_caller']}->" + x for x in t["services"]["service_id"]}


# --- Week 8
def test_survey_activity_tickets(t):
    s, q = data.load("survey_responses"), data.load("survey_questions")
    items = q["item"].tolist()
    vals = s[items]
    assert ((vals >= 1) & (vals <= 5) | vals.isna()).all().all()
    assert set(s["team_id"]) <= set(t["teams"]["team_id"])
    a = data.load("developer_activity")
    assert set(a["developer_id"]) <= set(t["developers"]["developer_id"])
    c = t["commits"]
    in_window = c[(c["committed_at"] >= pd.Timestamp("2026-03-02", tz="UTC")) & (c["committed_at"] < pd.Timestamp("2026-08-31", tz="UTC"))]
    assert a["commits"].sum() == len(in_window)
    tk = data.load("support_tickets")
    r = tk["first_response_at"].notna()
    assert (tk.loc[r, "first_response_at"] > tk.loc[r, "opened_at"]).all()
    d = tk["resolved_at"].notna()
    assert (tk.loc[d, "resolved_at"] > tk.loc[d, "first_response_at"]).all()
    slugs = set(data.load_docs()["path"].str.removesuffix(".md"))
    assert set(tk["answered_by_doc"].dropna()) <= slugs
