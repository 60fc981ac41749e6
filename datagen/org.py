"""The organisation: business units, teams, developers and services (used by every week).

Teams differ on purpose; the design (DORA profile, tagging discipline, noisy neighbours) is not
in the data, only its consequences are. The design is written to tests/keys/org_design.json.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .common import DOMAIN, HISTORY_START, R, U, enum, pick

BUSINESS_UNITS = {
    "payments": ("Payments", "Europe/London", "AWS"),
    "commerce": ("Commerce", "Europe/Berlin", "AWS"),
    "fulfilment": ("Fulfilment", "America/New_York", "Microsoft"),
    "customer": ("Customer", "Europe/London", "AWS"),
    "data": ("Data and Insights", "Asia/Kolkata", "Google Cloud"),
    "engineering-platform": ("Engineering Platform", "Europe/Amsterdam", "AWS"),
}
S, P, E, C = "stream-aligned", "platform", "enabling", "complicated-subsystem"
# team_id: (business unit, Team Topologies type, DORA profile, tagging discipline)
TEAMS = {
    "checkout": ("payments", S, "elite", "good"),
    "payments-core": ("payments", S, "medium", "good"),
    "fraud-detection": ("payments", C, "medium", "good"),
    "billing": ("payments", S, "low", "poor"),
    "refunds": ("payments", S, "low", "partial"),
    "wallet": ("payments", S, "medium", "good"),
    "catalogue": ("commerce", S, "high", "good"),
    "search": ("commerce", S, "elite", "good"),
    "search-relevance": ("commerce", C, "high", "partial"),
    "pricing-engine": ("commerce", C, "medium", "good"),
    "promotions": ("commerce", S, "high", "poor"),
    "product-pages": ("commerce", S, "high", "good"),
    "reviews": ("commerce", S, "medium", "partial"),
    "recommendations": ("commerce", S, "elite", "good"),
    "orders": ("fulfilment", S, "high", "good"),
    "inventory": ("fulfilment", S, "medium", "partial"),
    "warehouse": ("fulfilment", S, "low", "poor"),
    "shipping": ("fulfilment", S, "medium", "good"),
    "returns": ("fulfilment", S, "medium", "partial"),
    "delivery-tracking": ("fulfilment", S, "high", "good"),
    "supplier-portal": ("fulfilment", S, "low", "poor"),
    "accounts": ("customer", S, "medium", "good"),
    "identity": ("customer", S, "high", "good"),
    "notifications": ("customer", S, "elite", "good"),
    "support-tools": ("customer", S, "low", "partial"),
    "loyalty": ("customer", S, "low", "partial"),
    "mobile-app": ("customer", S, "high", "good"),
    "web-storefront": ("customer", S, "elite", "good"),
    "data-platform": ("data", P, "high", "good"),
    "clickstream": ("data", S, "medium", "poor"),
    "analytics": ("data", S, "medium", "partial"),
    "ml-platform": ("data", P, "high", "good"),
    "experimentation": ("data", S, "high", "poor"),
    "platform-runtime": ("engineering-platform", P, "high", "good"),
    "platform-delivery": ("engineering-platform", P, "elite", "good"),
    "developer-experience": ("engineering-platform", P, "high", "good"),
    "cloud-foundations": ("engineering-platform", P, "medium", "good"),
    "sre-enablement": ("engineering-platform", E, "high", "good"),
    "security-enablement": ("engineering-platform", E, "high", "good"),
    "architecture": ("engineering-platform", E, "high", "partial"),
}
SUFFIXES = ["api", "worker", "web", "events", "scheduler", "gateway", "admin", "reporting", "sync", "consumer"]
LANGUAGES = ["java", "go", "python", "typescript", "kotlin", "ruby"]
CLUSTERS = {"AWS": "prod-aws-euw1", "Google Cloud": "prod-gcp-euw1", "Microsoft": "prod-azure-weu"}
REGIONS = {"AWS": ("eu-west-1", "Europe (Ireland)"), "Google Cloud": ("europe-west1", "Belgium"),
           "Microsoft": ("westeurope", "West Europe")}
ROLES = ["software-engineer", "senior-engineer", "staff-engineer", "sre", "qa-engineer", "engineering-manager"]
TIME_ZONES = ["Europe/London", "Europe/Berlin", "Europe/Amsterdam", "America/New_York", "America/Los_Angeles",
              "Asia/Kolkata", "Asia/Singapore"]
FIRST = ("Amelia Aarav Olivia Noah Isla Mateo Ava Liam Mia Yusuf Sofia Kenji Chloe Omar Grace Ravi Ella Lucas "
         "Zara Hugo Leah Arjun Freya Diego Nia Tomasz Maya Felix Aisha Jonas Lena Kwame Ines Elias Priya Marco "
         "Hana Samuel Ruby Mohammed Clara Dev Iris Luca Nora Ibrahim Alice Santiago Emma Tariq Julia Wei Anya Jakub "
         "Sara Kofi Eva Rafael Mei Oscar").split()
LAST = ("Khan Smith Garcia Nguyen Patel Muller Rossi Kowalski Okafor Silva Tanaka Jones Novak Ahmed Brown Dubois "
        "Hansen Lopez Singh Murphy Kim Andersen Costa Ivanova Mensah Fischer Haddad Larsen Wilson Moreau Sato Reyes "
        "Schmidt Walsh Chen Eriksson Nowak Adeyemi Bianchi Kaur Taylor Yilmaz Jansen Cohen Park Martin Evans "
        "Hoffmann Ali Byrne Lindqvist Ortiz Suzuki Horvat Mwangi Clarke Weber Das Fernandes Lee").split()


def generate(rng: np.random.Generator, scale: int = 1) -> dict:
    bu = pd.DataFrame([(k, n, tz, p) for k, (n, tz, p) in BUSINESS_UNITS.items()],
                      columns=["business_unit", "name", "time_zone", "primary_cloud"])
    t = pd.DataFrame([(k, *v) for k, v in TEAMS.items()], columns=["team_id", "business_unit", "topology", "_dora", "_tagging"])
    t["team_name"] = t["team_id"].str.replace("-", " ").str.title()
    t["cost_center"] = "CC-" + (1000 + 10 * np.arange(len(t))).astype(str)
    t["slack_channel"] = "#team-" + t["team_id"]
    t["time_zone"] = t["business_unit"].map({k: v[1] for k, v in BUSINESS_UNITS.items()})
    t["formed_on"] = pd.to_datetime(rng.integers(int(pd.Timestamp("2018-01-01").timestamp()),
                                                 int(pd.Timestamp("2025-12-31").timestamp()), len(t)),
                                    unit="s").strftime("%Y-%m-%d")

    # services: how many each team runs depends on its type
    lo_hi = {S: (3, 6), P: (3, 6), C: (3, 5), E: (0, 2)}
    n_svc = np.array([rng.integers(*lo_hi[x]) for x in t["topology"]]) * scale
    owner = np.repeat(t["team_id"].to_numpy(), n_svc)
    k = np.concatenate([np.arange(n) for n in n_svc])
    suffix = np.array(SUFFIXES)[k % len(SUFFIXES)]
    rep = k // len(SUFFIXES)
    sid = pd.Series(owner + "-" + suffix) + np.where(rep > 0, "-" + (rep + 1).astype(str), "")
    sid = sid.to_numpy()
    ns = len(sid)
    team_of = t.set_index("team_id")
    prov_default = team_of["business_unit"].map({k: v[2] for k, v in BUSINESS_UNITS.items()}).loc[owner].to_numpy()
    other = pick(rng, list(CLUSTERS), ns)
    provider = np.where(rng.random(ns) < 0.85, prov_default, other)
    provider = np.where(np.char.startswith(sid.astype(str), "search-") & (k == 0), "Google Cloud", provider)
    profile = team_of["_dora"].loc[owner].to_numpy()
    runtime = np.where(rng.random(ns) < np.where(profile == "low", 0.45, 0.08), "vm",
                       np.where(rng.random(ns) < 0.1, "serverless", "kubernetes"))
    tier = pick(rng, ["tier-1", "tier-2", "tier-3"], ns, p=[0.2, 0.45, 0.35])
    tier = np.where(k == 0, np.where(rng.random(ns) < 0.6, "tier-1", "tier-2"), tier)
    tier = np.where(sid == "checkout-api", "tier-1", tier)
    runtime = np.where(np.isin(sid, ["checkout-api", "search-api"]), "kubernetes", runtime)
    slo = pd.Series(tier).map({"tier-1": 99.9, "tier-2": 99.5, "tier-3": 99.0}).to_numpy()
    services = pd.DataFrame({
        "service_id": sid, "team_id": owner, "system_id": owner + "-system", "tier": tier,
        "lifecycle": np.where(rng.random(ns) < 0.06, "deprecated", np.where(rng.random(ns) < 0.05, "experimental", "production")),
        "language": pick(rng, LANGUAGES, ns), "runtime": runtime, "cloud_provider": provider,
        "region": pd.Series(provider).map({p: r[0] for p, r in REGIONS.items()}).to_numpy(),
        "cluster": np.where(runtime == "kubernetes", pd.Series(provider).map(CLUSTERS).to_numpy(), ""),
        "slo_availability_pct": slo,
        "repository": "https://git." + DOMAIN + "/" + owner + "/" + sid,
        "created_on": pd.to_datetime(rng.integers(int(pd.Timestamp("2019-01-01").timestamp()),
                                                  int(pd.Timestamp("2026-01-31").timestamp()), ns), unit="s").strftime("%Y-%m-%d"),
    })
    services.loc[services["lifecycle"].eq("deprecated") & services["tier"].eq("tier-1"), "lifecycle"] = "production"
    services.loc[services["service_id"].isin(["checkout-api", "search-api"]), "lifecycle"] = "production"

    # dependencies: a DAG (each service depends on services created earlier in the list, mostly in its own BU)
    bu_of = team_of["business_unit"].loc[owner].to_numpy()
    n_dep = rng.poisson(1.6, ns)
    n_dep[0] = 0
    src = np.repeat(np.arange(ns), n_dep)
    src = src[src > 0]
    same_bu = rng.random(len(src)) < 0.75
    cand = (rng.random(len(src)) * src).astype(int)  # an earlier service
    # for same-BU links, step back to the nearest earlier service of the same BU when there is one
    first_in_bu = pd.Series(np.arange(ns)).groupby(bu_of).transform("min").to_numpy()
    local = first_in_bu[src] + (rng.random(len(src)) * (src - first_in_bu[src])).astype(int)
    dst = np.where(same_bu & (src > first_in_bu[src]), local, cand)
    deps = pd.DataFrame({"service_id": sid[src], "depends_on": sid[dst]}).drop_duplicates()
    deps = deps[deps["service_id"] != deps["depends_on"]].reset_index(drop=True)

    # cloud resources owned by services (databases, buckets, queues, caches): in the bill and the catalog
    has_db = rng.random(ns) < np.where(tier == "tier-3", 0.12, 0.38)
    has_bucket = rng.random(ns) < 0.12
    has_queue = suffix == "events"
    kinds = []
    for flag, rtype, tag in ((has_db, "database", "db"), (has_bucket, "storage-bucket", "bucket"),
                             (has_queue, "queue", "queue")):
        kinds.append(pd.DataFrame({"resource": sid[flag] + "-" + tag, "service_id": sid[flag], "type": rtype}))
    resources = pd.concat(kinds, ignore_index=True)
    resources = resources.merge(services[["service_id", "team_id", "cloud_provider", "region", "tier"]], on="service_id")
    resources = resources.sort_values("resource", kind="stable").reset_index(drop=True)

    # developers
    size_lo_hi = {S: (14, 21), P: (10, 16), C: (6, 10), E: (4, 7)}
    size = np.array([rng.integers(*size_lo_hi[x]) for x in t["topology"]]) * scale
    nd = int(size.sum())
    dteam = np.repeat(t["team_id"].to_numpy(), size)
    first_in_team = np.r_[True, dteam[1:] != dteam[:-1]]
    combos = rng.choice(len(FIRST) * len(LAST), size=min(nd, len(FIRST) * len(LAST)), replace=False)
    if nd > len(combos):  # only at large scale: reuse names with a number
        combos = np.r_[combos, rng.integers(0, len(FIRST) * len(LAST), nd - len(combos))]
    fn, ln = np.array(FIRST)[combos // len(LAST)], np.array(LAST)[combos % len(LAST)]
    handle = pd.Series(np.char.lower(fn.astype(str)) + "." + np.char.lower(ln.astype(str)))
    dup = handle.groupby(handle).cumcount()
    handle = handle.where(dup == 0, handle + (dup + 1).astype(str)).to_numpy()
    platformish = team_of["topology"].loc[dteam].isin([P, E]).to_numpy()
    role = pick(rng, ROLES[:5], nd, p=[0.5, 0.33, 0.08, 0.04, 0.05])
    role = np.where(platformish & (rng.random(nd) < 0.3), "sre", role)
    role = np.where(first_in_team, "engineering-manager", role)
    new_hire = (rng.random(nd) < 0.1) & ~first_in_team
    old_start = rng.integers(int(pd.Timestamp("2017-01-02").timestamp()) // 86400,
                             int(pd.Timestamp("2026-02-27").timestamp()) // 86400, nd)
    mondays = HISTORY_START.value // 86_400_000_000_000 + 7 * rng.integers(0, 25, nd)
    start = np.where(new_hire, mondays, old_start)
    home_tz = team_of["time_zone"].loc[dteam].to_numpy()
    tz = np.where(rng.random(nd) < 0.8, home_tz, pick(rng, TIME_ZONES, nd))
    developers = pd.DataFrame({
        "developer_id": handle, "name": pd.Series(fn) + " " + pd.Series(ln),
        "email": handle + "@" + DOMAIN, "team_id": dteam, "role": role,
        "start_date": pd.to_datetime(start, unit="D").strftime("%Y-%m-%d"), "time_zone": tz,
    })

    teams = t.drop(columns=["_dora", "_tagging"])[["team_id", "team_name", "business_unit", "topology", "cost_center",
                                                   "slack_channel", "time_zone", "formed_on"]]
    teams["manager"] = developers.loc[first_in_team, "developer_id"].to_numpy()
    teams["headcount"] = size
    teams["services"] = pd.Series(owner).value_counts().reindex(t["team_id"], fill_value=0).to_numpy()

    kube = services.loc[services["runtime"].eq("kubernetes")]
    noisy = sorted(kube.loc[kube["tier"].ne("tier-1") & kube["team_id"].isin(["clickstream", "experimentation", "analytics",
                                                                              "reviews", "promotions"]), "service_id"])[:3]
    design = {
        "dora_profile": dict(zip(t["team_id"], t["_dora"])),
        "tagging": dict(zip(t["team_id"], t["_tagging"])),
        "noisy_neighbour_services": noisy,
        "noisy_neighbour_teams": sorted(services.set_index("service_id").loc[noisy, "team_id"].unique().tolist()),
    }
    return {
        "business_units": bu, "teams": teams, "developers": developers, "services": services,
        "_dependencies": deps, "_resources": resources, "_design": design, "keys/org_design": design,
    }


SCHEMAS = {
    "business_units": {
        "title": "Business units", "primaryKey": ["business_unit"],
        "description": "The six business units of Tidewater, each with its home time zone and main cloud provider.",
        "fields": [
            ("business_unit", "string", "Business unit identifier (kebab-case).", U),
            ("name", "string", "Display name.", R),
            ("time_zone", "string", "IANA time zone of the unit's main office.", R),
            ("primary_cloud", "string", "Cloud provider most of the unit's services run on (FOCUS ProviderName spelling).",
             enum(["AWS", "Google Cloud", "Microsoft"])),
        ],
    },
    "teams": {
        "title": "Teams", "primaryKey": ["team_id"],
        "foreignKeys": [{"fields": "business_unit", "reference": {"resource": "business_units", "fields": "business_unit"}}],
        "description": "About 40 teams with their Team Topologies type. team_id is used everywhere else (catalog "
                       "Group names, cost tags, namespaces).",
        "fields": [
            ("team_id", "string", "Team identifier (kebab-case); also the Backstage Group name and Kubernetes namespace.", U),
            ("team_name", "string", "Display name.", R),
            ("business_unit", "string", "Business unit (business_units.business_unit).", R),
            ("topology", "string", "Team Topologies team type.", enum([S, P, E, C])),
            ("cost_center", "string", "Finance cost centre code (CC-nnnn).", R),
            ("slack_channel", "string", "Team chat channel.", R),
            ("time_zone", "string", "IANA time zone the team works in.", R),
            ("formed_on", "date", "Date the team was formed.", R),
            ("manager", "string", "Engineering manager (developers.developer_id).", R),
            ("headcount", "integer", "Number of developers in the team (count).", {"required": True, "minimum": 1}),
            ("services", "integer", "Number of services the team owns (count).", {"required": True, "minimum": 0}),
        ],
    },
    "developers": {
        "title": "Developers", "primaryKey": ["developer_id"],
        "foreignKeys": [{"fields": "team_id", "reference": {"resource": "teams", "fields": "team_id"}}],
        "description": "About 600 developers: team, role, start date and time zone. developer_id is the Backstage "
                       "User name and the author/requester in every other table.",
        "fields": [
            ("developer_id", "string", "User handle (first.last, lower case).", U),
            ("name", "string", "Full name (invented).", R),
            ("email", "string", "E-mail address (reserved example domain).", R),
            ("team_id", "string", "Team (teams.team_id).", R),
            ("role", "string", "Job role.", enum(ROLES)),
            ("start_date", "date", "First working day at Tidewater.", R),
            ("time_zone", "string", "IANA time zone the developer works in.", R),
        ],
    },
    "services": {
        "title": "Services", "primaryKey": ["service_id"],
        "foreignKeys": [{"fields": "team_id", "reference": {"resource": "teams", "fields": "team_id"}}],
        "description": "About 150 services with owner, tier, runtime and cloud provider. The Week 3 catalog describes "
                       "the same services as Backstage Components.",
        "fields": [
            ("service_id", "string", "Service identifier (kebab-case); the Backstage Component name.", U),
            ("team_id", "string", "Owning team (teams.team_id).", R),
            ("system_id", "string", "Backstage System the service belongs to.", R),
            ("tier", "string", "Criticality: tier-1 is customer-facing and revenue-critical.", enum(["tier-1", "tier-2", "tier-3"])),
            ("lifecycle", "string", "Backstage lifecycle.", enum(["experimental", "production", "deprecated"])),
            ("language", "string", "Main programming language.", enum(LANGUAGES)),
            ("runtime", "string", "Where it runs.", enum(["kubernetes", "serverless", "vm"])),
            ("cloud_provider", "string", "Cloud provider (FOCUS ProviderName spelling).", enum(["AWS", "Google Cloud", "Microsoft"])),
            ("region", "string", "Provider region id.", R),
            ("cluster", "string", "Kubernetes cluster when runtime is kubernetes; empty otherwise.", {}),
            ("slo_availability_pct", "number", "Availability SLO target (percent of good requests over 30 days).",
             {"required": True, "minimum": 90, "maximum": 100}),
            ("repository", "string", "Source repository URL (fictional).", R),
            ("created_on", "date", "Date the service was created.", R),
        ],
    },
}
