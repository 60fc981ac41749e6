"""Week 4/5 (and 7) cost data.

- focus_bill: ~90 days (June-August 2026) of daily charges from three providers in the FinOps FOCUS
  format (column names and allowed values of FOCUS 1.2; a subset of its columns). Contains shared
  Kubernetes cluster cost to allocate, untagged spend, one injected anomaly, a commitment purchase
  with used/unused rows, tax, a credit and one correction;
- namespace_usage / cluster_capacity: daily Kubernetes requests and usage per namespace and the
  clusters' allocatable capacity (to allocate shared and idle cluster cost, OpenCost-style);
- price_table: one resource spec priced on three providers (Week 7 portability / Week 5 estimates).
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

from .common import BILL_END, BILL_START, R, U, enum, iso, lognormal
from .org import CLUSTERS, REGIONS

PROVIDERS = {  # provider: (billing account id, name, type, sub-account type, contracted discount)
    "AWS": ("381492776540", "Tidewater AWS Organization", "Management Account", "Member Account", 0.08),
    "Google Cloud": ("01A7F2-9C3E51-B84D20", "Tidewater GCP Billing", "Billing Account", "Project", 0.05),
    "Microsoft": ("7f3c2a91-5d8e-4b6f-a1c0-2e9b8d4f6a13", "Tidewater EA Enrollment", "Billing Account", "Subscription", 0.10),
}
# (provider, resource type) -> ServiceName, ServiceCategory, ResourceType, SkuId, PricingUnit, ConsumedUnit,
# list unit price (USD), median daily quantity, id template
CATALOG = {
    ("AWS", "database"): ("Amazon Relational Database Service", "Databases", "DB Instance", "RDS-PG-db.r6g.large", "Hours", "Hours", 0.258, 24, "arn:aws:rds:eu-west-1:{acct}:db:{name}"),
    ("AWS", "storage-bucket"): ("Amazon Simple Storage Service", "Storage", "Bucket", "S3-STANDARD-TIMEDSTORAGE", "GB-Month", "GB-Month", 0.023, 60, "arn:aws:s3:::{name}"),
    ("AWS", "queue"): ("Amazon Simple Queue Service", "Integration", "Queue", "SQS-REQUESTS-TIER1", "Requests (Millions)", "Requests", 0.40, 3, "arn:aws:sqs:eu-west-1:{acct}:{name}"),
    ("AWS", "vm"): ("Amazon Elastic Compute Cloud", "Compute", "Instance", "EC2-m6i.xlarge-Linux", "Hours", "Hours", 0.214, 48, "arn:aws:ec2:eu-west-1:{acct}:instance/{name}"),
    ("AWS", "serverless"): ("AWS Lambda", "Compute", "Function", "LAMBDA-GB-SECOND", "GB-Seconds (Thousands)", "GB-Seconds", 0.0167, 400, "arn:aws:lambda:eu-west-1:{acct}:function:{name}"),
    ("AWS", "nodes"): ("Amazon Elastic Compute Cloud", "Compute", "Instance", "EC2-m6i.4xlarge-Linux", "Hours", "Hours", 0.856, 0, "arn:aws:eks:eu-west-1:{acct}:nodegroup/{name}/general"),
    ("AWS", "control-plane"): ("Amazon Elastic Kubernetes Service", "Compute", "Cluster", "EKS-CLUSTER-HOURS", "Hours", "Hours", 0.10, 24, "arn:aws:eks:eu-west-1:{acct}:cluster/{name}"),
    ("AWS", "egress"): ("Amazon Elastic Compute Cloud", "Networking", "Data Transfer", "EC2-DATATRANSFER-OUT-INTERNET", "GB", "GB", 0.09, 900, ""),
    ("Google Cloud", "database"): ("Cloud SQL", "Databases", "Cloud SQL Instance", "CLOUDSQL-PG-8VCPU", "Hours", "Hours", 0.247, 24, "//sqladmin.googleapis.com/projects/{acct}/instances/{name}"),
    ("Google Cloud", "storage-bucket"): ("Cloud Storage", "Storage", "Bucket", "GCS-STANDARD-EU", "GB-Month", "GB-Month", 0.020, 120, "//storage.googleapis.com/projects/{acct}/buckets/{name}"),
    ("Google Cloud", "queue"): ("Cloud Pub/Sub", "Integration", "Topic", "PUBSUB-THROUGHPUT", "TiB", "TiB", 40.0, 0.02, "//pubsub.googleapis.com/projects/{acct}/topics/{name}"),
    ("Google Cloud", "vm"): ("Compute Engine", "Compute", "Instance", "GCE-N2-STANDARD-4", "Hours", "Hours", 0.214, 48, "//compute.googleapis.com/projects/{acct}/zones/europe-west1-b/instances/{name}"),
    ("Google Cloud", "serverless"): ("Cloud Run", "Compute", "Service", "CLOUDRUN-VCPU-SECONDS", "vCPU-Seconds (Thousands)", "vCPU-Seconds", 0.024, 300, "//run.googleapis.com/projects/{acct}/locations/europe-west1/services/{name}"),
    ("Google Cloud", "warehouse"): ("BigQuery", "Analytics", "Dataset", "BQ-ANALYSIS-ON-DEMAND", "TiB", "TiB", 6.25, 4, "//bigquery.googleapis.com/projects/{acct}/datasets/{name}"),
    ("Google Cloud", "nodes"): ("Compute Engine", "Compute", "Instance", "GCE-N2-STANDARD-16", "Hours", "Hours", 0.855, 0, "//container.googleapis.com/projects/{acct}/locations/europe-west1/clusters/{name}/nodePools/general"),
    ("Google Cloud", "control-plane"): ("Kubernetes Engine", "Compute", "Cluster", "GKE-CLUSTER-MGMT", "Hours", "Hours", 0.10, 24, "//container.googleapis.com/projects/{acct}/locations/europe-west1/clusters/{name}"),
    ("Google Cloud", "egress"): ("Compute Engine", "Networking", "Data Transfer", "GCE-EGRESS-INTERNET-EU", "GB", "GB", 0.085, 500, ""),
    ("Microsoft", "database"): ("Azure Database for PostgreSQL", "Databases", "Flexible Server", "PG-FLEX-D4DS-V5", "Hours", "Hours", 0.342, 24, "/subscriptions/{acct}/resourceGroups/rg-{team}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{name}"),
    ("Microsoft", "storage-bucket"): ("Storage", "Storage", "Storage Account", "BLOB-HOT-LRS", "GB-Month", "GB-Month", 0.0208, 80, "/subscriptions/{acct}/resourceGroups/rg-{team}/providers/Microsoft.Storage/storageAccounts/{name}"),
    ("Microsoft", "queue"): ("Service Bus", "Integration", "Namespace", "SERVICEBUS-STANDARD-OPS", "Operations (Millions)", "Operations", 0.80, 2, "/subscriptions/{acct}/resourceGroups/rg-{team}/providers/Microsoft.ServiceBus/namespaces/{name}"),
    ("Microsoft", "vm"): ("Virtual Machines", "Compute", "Virtual Machine", "VM-D4S-V5-LINUX", "Hours", "Hours", 0.192, 48, "/subscriptions/{acct}/resourceGroups/rg-{team}/providers/Microsoft.Compute/virtualMachines/{name}"),
    ("Microsoft", "serverless"): ("Azure Functions", "Compute", "Function App", "FUNCTIONS-EXEC-TIME", "GB-Seconds (Thousands)", "GB-Seconds", 0.016, 300, "/subscriptions/{acct}/resourceGroups/rg-{team}/providers/Microsoft.Web/sites/{name}"),
    ("Microsoft", "nodes"): ("Virtual Machines", "Compute", "Virtual Machine Scale Set", "VM-D16S-V5-LINUX", "Hours", "Hours", 0.768, 0, "/subscriptions/{acct}/resourceGroups/rg-aks-nodes/providers/Microsoft.Compute/virtualMachineScaleSets/{name}-general"),
    ("Microsoft", "control-plane"): ("Azure Kubernetes Service", "Compute", "Managed Cluster", "AKS-STANDARD-TIER", "Hours", "Hours", 0.10, 24, "/subscriptions/{acct}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/{name}"),
    ("Microsoft", "egress"): ("Bandwidth", "Networking", "Data Transfer", "BANDWIDTH-INTERNET-EGRESS-EU", "GB", "GB", 0.087, 400, ""),
}
# single-instance hourly SKUs come in three sizes (x1, x2, x4 the base price): a bigger instance is another
# SKU at a higher hourly price, never more than 24 hours a day on one resource
INSTANCE_SIZES = {
    ("AWS", "database"): ("RDS-PG-db.r6g.", ["large", "xlarge", "2xlarge"]),
    ("AWS", "vm"): ("EC2-m6i.", ["xlarge-Linux", "2xlarge-Linux", "4xlarge-Linux"]),
    ("Google Cloud", "database"): ("CLOUDSQL-PG-", ["8VCPU", "16VCPU", "32VCPU"]),
    ("Google Cloud", "vm"): ("GCE-N2-STANDARD-", ["4", "8", "16"]),
    ("Microsoft", "database"): ("PG-FLEX-D", ["4DS-V5", "8DS-V5", "16DS-V5"]),
    ("Microsoft", "vm"): ("VM-D", ["4S-V5-LINUX", "8S-V5-LINUX", "16S-V5-LINUX"]),
}
# node pools are billed per pool (all its nodes' hours), so they are not "Instance" rows
NODE_POOL_TYPE = {"AWS": "Node Group", "Google Cloud": "Node Pool", "Microsoft": "Virtual Machine Scale Set"}
NODE = {"AWS": (16, 64), "Google Cloud": (16, 64), "Microsoft": (16, 64)}  # vCPU, GiB per node
SHARED_NAMESPACES = ["kube-system", "monitoring", "ingress"]
FOCUS_COLUMNS = [
    "BillingAccountId", "BillingAccountName", "BillingAccountType", "SubAccountId", "SubAccountName", "SubAccountType",
    "BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd", "BillingCurrency",
    "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency", "PricingCategory",
    "ProviderName", "PublisherName", "InvoiceIssuerName", "ServiceCategory", "ServiceName", "RegionId", "RegionName",
    "ResourceId", "ResourceName", "ResourceType", "SkuId", "PricingQuantity", "PricingUnit", "ConsumedQuantity",
    "ConsumedUnit", "ListUnitPrice", "ListCost", "ContractedUnitPrice", "ContractedCost", "BilledCost", "EffectiveCost",
    "CommitmentDiscountId", "CommitmentDiscountType", "CommitmentDiscountCategory", "CommitmentDiscountStatus", "Tags",
]
SERVICE_CATEGORIES = ["AI and Machine Learning", "Analytics", "Business Applications", "Compute", "Databases",
                      "Developer Tools", "Multicloud", "Identity", "Integration", "Internet of Things",
                      "Management and Governance", "Media", "Migration", "Mobile", "Networking", "Security", "Storage",
                      "Web", "Other"]
VAT_RATE = 0.2  # on the AWS and Azure invoices (Tax rows)
SP_ID = "arn:aws:savingsplans::381492776540:savingsplan/sp-0f3a9c2e71b84d56"


def _accounts(teams: pd.DataFrame) -> pd.DataFrame:
    """One sub-account per (provider, business unit)."""
    rows = []
    for p, (acct, *_rest) in PROVIDERS.items():
        for i, bu in enumerate(sorted(teams["business_unit"].unique())):
            sub = {"AWS": f"{381492 + 7919 * (i + 1):06d}{i + 1:06d}", "Google Cloud": f"tw-{bu}-prod",
                   "Microsoft": f"{i + 1:08x}-4c1d-4e5f-9a0b-{7 * (i + 3):012x}"}[p]
            rows.append((p, bu, sub, f"{bu}-prod"))
    return pd.DataFrame(rows, columns=["provider", "business_unit", "SubAccountId", "SubAccountName"])


def _namespaces(rng, services, teams, design, days):
    kube = services[services["runtime"].eq("kubernetes")]
    ns = kube.groupby(["cluster", "team_id"]).size().rename("svc").reset_index()
    ns["namespace"] = ns["team_id"]
    ns["shared"] = False
    shared = pd.DataFrame([(c, "platform-runtime", n, 0, True) for c in sorted(kube["cluster"].unique()) for n in SHARED_NAMESPACES],
                          columns=["cluster", "team_id", "namespace", "svc", "shared"])
    ns = pd.concat([ns, shared], ignore_index=True).sort_values(["cluster", "namespace"]).reset_index(drop=True)
    n = len(ns)
    cpu_req = np.where(ns["shared"], rng.uniform(3, 8, n), ns["svc"] * rng.uniform(2.0, 6.0, n)).round(1)
    mem_ratio = rng.uniform(2.5, 4.5, n)
    util = np.where(ns["shared"], rng.uniform(0.5, 0.7, n), rng.uniform(0.15, 0.65, n))
    noisy = ns["team_id"].isin(design["noisy_neighbour_teams"]).to_numpy() & ~ns["shared"].to_numpy()
    nd = len(days)
    grid_ns = np.repeat(np.arange(n), nd)
    grid_day = np.tile(np.arange(nd), n)
    growth = 1 + 0.15 * grid_day / nd
    dow = pd.DatetimeIndex(days).day_of_week.to_numpy()[grid_day]
    weekly = np.where(dow >= 5, 0.75, 1.0)
    req = np.round(cpu_req[grid_ns] * np.where(rng.random(n * nd) < 0.03, 1.25, 1.0) * growth, 2)
    use = req * util[grid_ns] * weekly * rng.lognormal(0, 0.12, n * nd)
    burst = noisy[grid_ns] & (rng.random(n * nd) < 0.35)
    use = np.where(burst, req * rng.uniform(1.4, 2.8, n * nd), use)
    p95 = use * rng.uniform(1.3, 1.8, n * nd)
    limit = np.where(noisy[grid_ns], np.nan, np.round(req * 2, 2))
    mem_req = np.round(req * mem_ratio[grid_ns], 1)
    mem_use = mem_req * np.clip(util[grid_ns] * rng.uniform(1.1, 1.5, n * nd), 0.1, 0.95)
    out = pd.DataFrame({
        "date": np.asarray(days)[grid_day], "cluster": ns["cluster"].to_numpy()[grid_ns],
        "namespace": ns["namespace"].to_numpy()[grid_ns], "team_id": ns["team_id"].to_numpy()[grid_ns],
        "shared": np.where(ns["shared"].to_numpy()[grid_ns], "true", "false"),
        "pods": np.maximum(1, np.round(req / rng.uniform(0.4, 0.8, n * nd))).astype(int),
        "cpu_request_cores": req, "cpu_limit_cores": limit, "cpu_usage_avg_cores": np.round(use, 3),
        "cpu_usage_p95_cores": np.round(p95, 3), "memory_request_gib": mem_req,
        "memory_usage_avg_gib": np.round(mem_use, 2),
    })
    out = out.sort_values(["date", "cluster", "namespace"], kind="stable").reset_index(drop=True)
    # capacity: enough nodes that requests fill 60-80% of allocatable CPU (the rest is idle)
    tot = out.groupby(["date", "cluster"], sort=True)[["cpu_request_cores", "memory_request_gib"]].sum().reset_index()
    prov = {v: k for k, v in CLUSTERS.items()}
    vcpu = tot["cluster"].map(lambda c: NODE[prov[c]][0]).to_numpy()
    mem = tot["cluster"].map(lambda c: NODE[prov[c]][1]).to_numpy()
    target = rng.uniform(0.6, 0.8, len(tot))
    nodes = np.ceil(np.maximum(tot["cpu_request_cores"] / (vcpu * 0.92) / target,
                               tot["memory_request_gib"] / (mem * 0.88) / target)).astype(int)
    cap = pd.DataFrame({"date": tot["date"], "cluster": tot["cluster"],
                        "provider": tot["cluster"].map(prov), "nodes": nodes, "vcpu_per_node": vcpu,
                        "memory_gib_per_node": mem, "allocatable_cpu_cores": np.round(nodes * vcpu * 0.92, 2),
                        "allocatable_memory_gib": np.round(nodes * mem * 0.88, 1)})
    return out, cap


def _bill(rng, services, teams, resources, design, cap, days):
    nd = len(days)
    accounts = _accounts(teams)
    team_bu = teams.set_index("team_id")["business_unit"]
    team_cc = teams.set_index("team_id")["cost_center"]
    # --- per-resource daily charges
    extra = services[services["runtime"].isin(["vm", "serverless"])][["service_id", "team_id", "cloud_provider", "tier", "runtime"]]
    extra = extra.assign(resource=extra["service_id"] + np.where(extra["runtime"].eq("vm"), "-vm", "-fn"), type=extra["runtime"])
    data_teams = teams.loc[teams["business_unit"].eq("data") & teams["services"].gt(0), "team_id"]
    wh_svc = services[services["team_id"].isin(data_teams)].groupby("team_id").head(1)
    wh = wh_svc.assign(resource=wh_svc["team_id"] + "-warehouse", type="warehouse", cloud_provider="Google Cloud")
    res = pd.concat([resources[["resource", "service_id", "team_id", "cloud_provider", "tier", "type"]],
                     extra[["resource", "service_id", "team_id", "cloud_provider", "tier", "type"]],
                     wh[["resource", "service_id", "team_id", "cloud_provider", "tier", "type"]]], ignore_index=True)
    res = res.sort_values("resource", kind="stable").reset_index(drop=True)
    nr = len(res)
    meta = pd.DataFrame([CATALOG[(p, t)] for p, t in zip(res["cloud_provider"], res["type"])],
                        columns=["ServiceName", "ServiceCategory", "ResourceType", "SkuId", "PricingUnit", "ConsumedUnit",
                                 "list", "qty", "idt"])
    size = np.where(res["tier"].eq("tier-1"), 2.0, np.where(res["tier"].eq("tier-2"), 1.0, 0.5)) * rng.lognormal(0, 0.4, nr)
    single = res["type"].isin(["database", "vm"]).to_numpy()
    step = np.clip(np.round(np.log2(np.maximum(size * np.where(res["type"].eq("vm"), 2.0, 1.0), 1e-9))), 0, 2).astype(int)
    size = np.where(single, 1.0, size)  # one instance: 24 hours a day; the size is in the SKU and its price
    meta["list"] = np.where(single, meta["list"] * 2.0 ** step, meta["list"])
    meta["qty"] = np.where(single, 24.0, meta["qty"])
    meta["SkuId"] = [INSTANCE_SIZES[(p, t)][0] + INSTANCE_SIZES[(p, t)][1][k] if (p, t) in INSTANCE_SIZES else sku
                     for p, t, k, sku in zip(res["cloud_provider"], res["type"], step, meta["SkuId"])]
    # tagging: fixed per resource, from the team's discipline
    disc = res["team_id"].map(design["tagging"]).to_numpy()
    u = rng.random(nr)
    tag_state = np.where(disc == "good", np.where(u < 0.97, "full", "service-only"),
                         np.where(disc == "partial", np.where(u < 0.6, "full", np.where(u < 0.85, "service-only", "untagged")),
                                  np.where(u < 0.2, "full", np.where(u < 0.5, "service-only", "untagged"))))
    full = [json.dumps({"team": t, "service": s, "cost-center": team_cc[t]}, separators=(",", ":"))
            for t, s in zip(res["team_id"], res["service_id"])]
    svc_only = [json.dumps({"service": s}, separators=(",", ":")) for s in res["service_id"]]
    tags = np.where(tag_state == "full", full, np.where(tag_state == "service-only", svc_only, ""))
    acct = accounts.set_index(["provider", "business_unit"])["SubAccountId"]
    sub = [acct[(p, team_bu[t])] for p, t in zip(res["cloud_provider"], res["team_id"])]
    rid = [f.format(acct=a, name=n, team=t) for f, a, n, t in zip(meta["idt"], sub, res["resource"], res["team_id"])]
    ri = np.repeat(np.arange(nr), nd)
    di = np.tile(np.arange(nd), nr)
    dow = pd.DatetimeIndex(days).day_of_week.to_numpy()[di]
    hourly = meta["PricingUnit"].eq("Hours").to_numpy()[ri]
    usage_noise = rng.lognormal(0, 0.15, nr * nd) * np.where(dow >= 5, 0.7, 1.0)
    qty = np.where(hourly, meta["qty"].to_numpy()[ri] * size[ri],
                   meta["qty"].to_numpy()[ri] * size[ri] * usage_noise * (1 + 0.2 * di / nd))
    # the injected anomaly: a runaway query on one data team's warehouse for two days
    anomaly_res = int(np.flatnonzero(res["resource"].eq("clickstream-warehouse"))[0]) if (res["resource"] == "clickstream-warehouse").any() else int(np.flatnonzero(res["type"].eq("warehouse"))[0])
    anomaly_day = int(np.flatnonzero(pd.DatetimeIndex(days) == pd.Timestamp("2026-07-14"))[0])
    hit = (ri == anomaly_res) & ((di == anomaly_day) | (di == anomaly_day + 1))
    qty = np.where(hit, qty * np.where(di == anomaly_day, 14.0, 9.0), qty)
    frame = pd.DataFrame({
        "provider": res["cloud_provider"].to_numpy()[ri], "SubAccountId": np.asarray(sub)[ri],
        "day": di, "ChargeCategory": "Usage", "ChargeClass": "", "ChargeFrequency": "Usage-Based",
        "PricingCategory": "Standard", "ServiceCategory": meta["ServiceCategory"].to_numpy()[ri],
        "ServiceName": meta["ServiceName"].to_numpy()[ri], "ResourceId": np.asarray(rid)[ri],
        "ResourceName": res["resource"].to_numpy()[ri], "ResourceType": meta["ResourceType"].to_numpy()[ri],
        "SkuId": meta["SkuId"].to_numpy()[ri], "PricingQuantity": np.round(qty, 4),
        "PricingUnit": meta["PricingUnit"].to_numpy()[ri], "ConsumedUnit": meta["ConsumedUnit"].to_numpy()[ri],
        "ListUnitPrice": meta["list"].to_numpy()[ri], "Tags": tags[ri],
        "ChargeDescription": meta["SkuId"].to_numpy()[ri] + " usage",
    })
    # --- shared Kubernetes clusters: nodes (AWS partly covered by a savings plan) and control planes
    prov = {v: k for k, v in CLUSTERS.items()}
    cl = cap.copy()
    cl["di"] = cl.groupby("cluster").cumcount()
    platform_sub = {p: acct[(p, "engineering-platform")] for p in PROVIDERS}
    rows = []
    for kind in ("nodes", "control-plane"):
        m = pd.DataFrame([CATALOG[(prov[c], kind)] for c in cl["cluster"]],
                         columns=["ServiceName", "ServiceCategory", "ResourceType", "SkuId", "PricingUnit", "ConsumedUnit",
                                  "list", "qty", "idt"])
        q = cl["nodes"].to_numpy() * 24.0 if kind == "nodes" else np.full(len(cl), 24.0)
        rows.append(pd.DataFrame({
            "provider": cl["provider"].to_numpy(), "SubAccountId": cl["provider"].map(platform_sub).to_numpy(),
            "day": cl["di"].to_numpy(), "ChargeCategory": "Usage", "ChargeClass": "", "ChargeFrequency": "Usage-Based",
            "PricingCategory": "Standard", "ServiceCategory": m["ServiceCategory"].to_numpy(),
            "ServiceName": m["ServiceName"].to_numpy(),
            "ResourceId": [f.format(acct=platform_sub[prov[c]], name=c) for f, c in zip(m["idt"], cl["cluster"])],
            "ResourceName": cl["cluster"].to_numpy() + ("-general-nodes" if kind == "nodes" else ""),
            "ResourceType": (cl["provider"].map(NODE_POOL_TYPE).to_numpy() if kind == "nodes" else m["ResourceType"].to_numpy()),
            "SkuId": m["SkuId"].to_numpy(), "PricingQuantity": q,
            "PricingUnit": m["PricingUnit"].to_numpy(), "ConsumedUnit": m["ConsumedUnit"].to_numpy(),
            "ListUnitPrice": m["list"].to_numpy(),
            "Tags": [json.dumps({"cluster": c, "shared": "true", "team": "platform-runtime"}, separators=(",", ":"))
                     for c in cl["cluster"]],
            "ChargeDescription": m["ServiceName"].to_numpy() + " " + m["SkuId"].to_numpy(),
        }))
    # --- egress per provider and business-unit sub-account (never tagged: shared networking)
    eg_acc = accounts[accounts["business_unit"].eq("engineering-platform")]
    eg = eg_acc.loc[np.repeat(eg_acc.index.to_numpy(), nd)].reset_index(drop=True)
    eg_di = np.tile(np.arange(nd), len(eg_acc))
    m = pd.DataFrame([CATALOG[(p, "egress")] for p in eg["provider"]],
                     columns=["ServiceName", "ServiceCategory", "ResourceType", "SkuId", "PricingUnit", "ConsumedUnit", "list", "qty", "idt"])
    rows.append(pd.DataFrame({
        "provider": eg["provider"], "SubAccountId": eg["SubAccountId"], "day": eg_di, "ChargeCategory": "Usage",
        "ChargeClass": "", "ChargeFrequency": "Usage-Based", "PricingCategory": "Standard",
        "ServiceCategory": m["ServiceCategory"], "ServiceName": m["ServiceName"], "ResourceId": "", "ResourceName": "",
        "ResourceType": m["ResourceType"], "SkuId": m["SkuId"],
        "PricingQuantity": np.round(m["qty"].to_numpy() * rng.lognormal(0, 0.25, len(eg)) * 2.0, 3),
        "PricingUnit": m["PricingUnit"], "ConsumedUnit": m["ConsumedUnit"], "ListUnitPrice": m["list"], "Tags": "",
        "ChargeDescription": m["ServiceName"] + " data transfer out to the internet",
    }))
    bill = pd.concat([frame] + rows, ignore_index=True)
    disc = bill["provider"].map({p: v[4] for p, v in PROVIDERS.items()}).to_numpy()
    bill["ContractedUnitPrice"] = np.round(bill["ListUnitPrice"].to_numpy() * (1 - disc), 6)
    bill["ConsumedQuantity"] = bill["PricingQuantity"]
    hourly = bill["PricingUnit"].eq("Hours")
    scale_cons = bill["PricingUnit"].str.contains("Millions|Thousands", regex=True).to_numpy()
    bill["ConsumedQuantity"] = np.round(np.where(scale_cons, bill["PricingQuantity"] * np.where(
        bill["PricingUnit"].str.contains("Millions"), 1e6, 1e3), bill["PricingQuantity"]), 3)
    bill["CommitmentDiscountId"] = ""
    bill["CommitmentDiscountStatus"] = ""
    # savings plan: covers part of the AWS node hours at 28% off the contracted price
    aws_nodes = (bill["provider"].eq("AWS") & bill["ResourceName"].str.endswith("-general-nodes")).to_numpy()
    sp_rate = 0.72
    covered_daily = float(np.quantile(bill.loc[aws_nodes, "PricingQuantity"], 0.25)) * 0.9
    covered_daily = np.floor(covered_daily / 24) * 24
    commit_hourly = round(covered_daily * bill.loc[aws_nodes, "ContractedUnitPrice"].iloc[0] * sp_rate * 1.04 / 24, 3)
    commit_daily = round(commit_hourly * 24, 3)  # a savings plan commits to a spend per hour
    nodes = bill[aws_nodes].copy()
    cov = nodes.copy()
    cov["PricingQuantity"] = np.minimum(covered_daily, nodes["PricingQuantity"])
    cov["ConsumedQuantity"] = cov["PricingQuantity"]
    cov["PricingCategory"] = "Committed"
    cov["CommitmentDiscountId"] = SP_ID
    cov["CommitmentDiscountStatus"] = "Used"
    cov["ChargeDescription"] = cov["ChargeDescription"] + " covered by Compute Savings Plan"
    bill.loc[aws_nodes, "PricingQuantity"] = nodes["PricingQuantity"] - cov["PricingQuantity"]
    bill.loc[aws_nodes, "ConsumedQuantity"] = bill.loc[aws_nodes, "PricingQuantity"]
    bill = pd.concat([bill, cov], ignore_index=True)
    bill["ListCost"] = np.round(bill["ListUnitPrice"] * bill["PricingQuantity"], 6)
    bill["ContractedCost"] = np.round(bill["ContractedUnitPrice"] * bill["PricingQuantity"], 6)
    committed = bill["PricingCategory"].eq("Committed")
    bill["BilledCost"] = np.where(committed, 0.0, bill["ContractedCost"])
    bill["EffectiveCost"] = np.round(np.where(committed, bill["ContractedCost"] * sp_rate, bill["ContractedCost"]), 6)
    used = bill.loc[committed].groupby("day")["EffectiveCost"].sum()
    unused = (commit_daily - used).clip(lower=0).round(6)
    unused = unused[unused > 0]
    misc = [pd.DataFrame({
        "provider": "AWS", "SubAccountId": platform_sub["AWS"], "day": unused.index.to_numpy(), "ChargeCategory": "Usage",
        "ChargeClass": "", "ChargeFrequency": "Usage-Based", "PricingCategory": "Committed",
        "ServiceCategory": "Compute", "ServiceName": "Savings Plans for AWS Compute usage", "ResourceId": SP_ID,
        "ResourceName": "compute-savings-plan", "ResourceType": "Savings Plan", "SkuId": "SP-COMPUTE-1YR-NOUPFRONT",
        "PricingQuantity": unused.to_numpy(), "PricingUnit": "USD", "ConsumedUnit": "", "ConsumedQuantity": np.nan,
        "ListUnitPrice": 0.0, "ContractedUnitPrice": 0.0, "ListCost": 0.0, "ContractedCost": 0.0, "BilledCost": 0.0,
        "EffectiveCost": unused.to_numpy(), "Tags": "", "CommitmentDiscountId": SP_ID, "CommitmentDiscountStatus": "Unused",
        "ChargeDescription": "Unused Compute Savings Plan commitment",
    })]
    # monthly rows: savings-plan purchase (billed, amortised over the usage above), support, tax; a credit; a correction
    months = pd.DatetimeIndex(days).to_period("M")
    month_first_day = pd.Series(np.arange(nd)).groupby(np.asarray(months.astype(str))).min()
    month_len = pd.Series(np.arange(nd)).groupby(np.asarray(months.astype(str))).size()
    # a June database charge billed twice (the provider's error), refunded by a correction in July's invoice
    dup = bill[(bill["ServiceCategory"] == "Databases") & (bill["day"] == 20) & (bill["BilledCost"] > 0)].iloc[[0]].copy()
    fix = dup.copy()
    for c in ("PricingQuantity", "ConsumedQuantity", "ListCost", "ContractedCost", "BilledCost", "EffectiveCost"):
        fix[c] = -fix[c]
    fix["ChargeClass"] = "Correction"
    fix["ChargeDescription"] = fix["ChargeDescription"] + " (refund: duplicate charge on 2026-06-21)"
    bill["_billing_month_offset"] = 0
    fix["_billing_month_offset"] = 1
    bill = pd.concat([bill, dup.assign(_billing_month_offset=0), fix], ignore_index=True)
    for mon, d0 in month_first_day.items():
        n = int(month_len[mon])
        mrow = dict(ChargeClass="", ResourceId="", ResourceName="", ResourceType="", SkuId="", PricingQuantity=np.nan,
                    PricingUnit="", ConsumedUnit="", ConsumedQuantity=np.nan, ListUnitPrice=np.nan, ContractedUnitPrice=np.nan,
                    Tags="", CommitmentDiscountId="", CommitmentDiscountStatus="", day=d0, _month_len=n)
        misc.append(pd.DataFrame([
            {**mrow, "provider": "AWS", "SubAccountId": platform_sub["AWS"], "ChargeCategory": "Purchase",
             "ChargeFrequency": "Recurring", "PricingCategory": "Standard", "ServiceCategory": "Compute",
             "ServiceName": "Savings Plans for AWS Compute usage", "ResourceId": SP_ID, "ResourceName": "compute-savings-plan",
             "ResourceType": "Savings Plan", "SkuId": "SP-COMPUTE-1YR-NOUPFRONT", "PricingQuantity": 24.0 * n, "PricingUnit": "Hours",
             "ListUnitPrice": commit_hourly, "ContractedUnitPrice": commit_hourly, "ListCost": round(commit_daily * n, 2),
             "ContractedCost": round(commit_daily * n, 2), "BilledCost": round(commit_daily * n, 2), "EffectiveCost": 0.0,
             "CommitmentDiscountId": SP_ID, "ChargeDescription": "Compute Savings Plan, 1 year, no upfront: monthly commitment fee"},
            *[{**mrow, "provider": p, "SubAccountId": platform_sub[p], "ChargeCategory": "Purchase",
               "ChargeFrequency": "Recurring", "PricingCategory": "Standard", "ServiceCategory": "Management and Governance",
               "ServiceName": {"AWS": "AWS Support (Business)", "Google Cloud": "Cloud Support", "Microsoft": "Azure Support"}[p],
               "PricingQuantity": 1.0, "PricingUnit": "Months", "ListUnitPrice": c, "ContractedUnitPrice": c,
               "ListCost": c, "ContractedCost": c, "BilledCost": c, "EffectiveCost": c,
               "ChargeDescription": "Monthly support plan fee"}
              for p, c in (("AWS", 2900.0), ("Google Cloud", 1500.0), ("Microsoft", 1000.0))],
        ]))
    misc.append(pd.DataFrame([{
        "provider": "Google Cloud", "SubAccountId": acct[("Google Cloud", "data")], "day": 45, "_month_len": 1,
        "ChargeCategory": "Credit", "ChargeClass": "", "ChargeFrequency": "One-Time", "PricingCategory": "",
        "ServiceCategory": "Analytics", "ServiceName": "BigQuery", "ResourceId": "", "ResourceName": "", "ResourceType": "",
        "SkuId": "", "PricingQuantity": np.nan, "PricingUnit": "", "ConsumedUnit": "", "ConsumedQuantity": np.nan,
        "ListUnitPrice": np.nan, "ContractedUnitPrice": np.nan, "ListCost": -750.0, "ContractedCost": -750.0,
        "BilledCost": -750.0, "EffectiveCost": -750.0, "Tags": "", "CommitmentDiscountId": "", "CommitmentDiscountStatus": "",
        "ChargeDescription": "Promotional credit: analytics migration programme"}]))
    bill["_month_len"] = 1
    bill = pd.concat([bill] + misc, ignore_index=True)
    bill["_billing_month_offset"] = bill["_billing_month_offset"].fillna(0).astype(int)
    bill["day"] = bill["day"].astype(np.int64)
    # VAT on each AWS and Azure invoice (billing month): on every charge of the invoice (usage, the savings-plan
    # fee, support, the correction), credits excepted. FOCUS 1.2 (listcost.md, contractedcost.md, effectivecost.md):
    # a Tax row's List, Contracted and Effective cost are calculated from those of the charges it taxes.
    bill_month = np.asarray(months.astype(str))[bill["day"].to_numpy()]
    bill_month = np.where(bill["_billing_month_offset"].eq(1), pd.PeriodIndex(bill_month, freq="M").shift(1).astype(str), bill_month)
    taxable = bill["ChargeCategory"].isin(["Usage", "Purchase"]).to_numpy()
    cost_cols = ["ListCost", "ContractedCost", "BilledCost", "EffectiveCost"]
    month_cost = bill.loc[taxable, cost_cols].groupby([bill["provider"].to_numpy()[taxable], bill_month[taxable]]).sum()
    tax = []
    for mon, d0 in month_first_day.items():
        for p in ("AWS", "Microsoft"):
            base = month_cost.loc[(p, mon)] if (p, mon) in month_cost.index else pd.Series(0.0, index=cost_cols)
            tax.append({"provider": p, "SubAccountId": platform_sub[p], "day": d0, "_month_len": int(month_len[mon]),
                        "_billing_month_offset": 0, "ChargeCategory": "Tax", "ChargeClass": "", "ChargeFrequency": "Recurring",
                        "PricingCategory": "", "ServiceCategory": "Other", "ServiceName": "Tax", "ResourceId": "",
                        "ResourceName": "", "ResourceType": "", "SkuId": "", "PricingQuantity": np.nan, "PricingUnit": "",
                        "ConsumedUnit": "", "ConsumedQuantity": np.nan, "ListUnitPrice": np.nan, "ContractedUnitPrice": np.nan,
                        **{c: round(VAT_RATE * float(base[c]), 2) for c in cost_cols}, "Tags": "", "CommitmentDiscountId": "",
                        "CommitmentDiscountStatus": "", "ChargeDescription": f"VAT ({VAT_RATE:.0%}) on the month's charges"})
    bill = pd.concat([bill, pd.DataFrame(tax)], ignore_index=True)

    # timestamps and account columns
    day0 = int(BILL_START.timestamp()) // 86400
    start = (day0 + bill["day"].to_numpy()) * 86400
    end = start + bill["_month_len"].fillna(1).to_numpy().astype(np.int64) * 86400
    period = pd.to_datetime(start, unit="s").to_period("M")
    bp_start = period.to_timestamp() + pd.DateOffset(months=0)
    bp_start = pd.DatetimeIndex(bp_start) + pd.to_timedelta(0, unit="D")
    shift = bill["_billing_month_offset"].to_numpy()
    bps = pd.DatetimeIndex([s + pd.DateOffset(months=int(k)) if k else s for s, k in zip(bp_start, shift)]) \
        if shift.any() else bp_start
    bpe = bps + pd.DateOffset(months=1)
    bill["ChargePeriodStart"] = iso(start).to_numpy()
    bill["ChargePeriodEnd"] = iso(end).to_numpy()
    bill["BillingPeriodStart"] = bps.strftime("%Y-%m-%dT%H:%M:%SZ")
    bill["BillingPeriodEnd"] = bpe.strftime("%Y-%m-%dT%H:%M:%SZ")
    pv = bill["provider"]
    bill["BillingAccountId"] = pv.map({p: v[0] for p, v in PROVIDERS.items()})
    bill["BillingAccountName"] = pv.map({p: v[1] for p, v in PROVIDERS.items()})
    bill["BillingAccountType"] = pv.map({p: v[2] for p, v in PROVIDERS.items()})
    bill["SubAccountType"] = pv.map({p: v[3] for p, v in PROVIDERS.items()})
    bill["SubAccountName"] = bill["SubAccountId"].map(accounts.set_index("SubAccountId")["SubAccountName"])
    bill["BillingCurrency"] = "USD"
    bill["ProviderName"] = pv
    bill["PublisherName"] = pv
    bill["InvoiceIssuerName"] = pv
    bill["RegionId"] = pv.map({p: r[0] for p, r in REGIONS.items()}).where(bill["ChargeCategory"].eq("Usage"), "")
    bill["RegionName"] = pv.map({p: r[1] for p, r in REGIONS.items()}).where(bill["ChargeCategory"].eq("Usage"), "")
    sp = bill["CommitmentDiscountId"].ne("")
    bill["CommitmentDiscountType"] = np.where(sp, "Compute Savings Plan", "")
    bill["CommitmentDiscountCategory"] = np.where(sp, "Spend", "")
    for c in ("ListCost", "ContractedCost", "BilledCost", "EffectiveCost"):
        bill[c] = bill[c].astype(float).round(4)
    bill = bill.sort_values(["ChargePeriodStart", "ProviderName", "SubAccountId", "ResourceId", "ChargeCategory",
                             "PricingCategory", "CommitmentDiscountStatus"], kind="stable").reset_index(drop=True)
    bill = bill[FOCUS_COLUMNS]
    key = {
        "anomaly": {"date": str(pd.DatetimeIndex(days)[anomaly_day].date()), "days": 2,
                    "resource_name": res["resource"].iloc[anomaly_res], "resource_id": rid[anomaly_res],
                    "service_id": res["service_id"].iloc[anomaly_res], "team_id": res["team_id"].iloc[anomaly_res],
                    "service_name": meta["ServiceName"].iloc[anomaly_res]},
        "resource_owner": {r: {"team_id": t, "service_id": s, "tagging": st}
                           for r, t, s, st in zip(rid, res["team_id"], res["service_id"], tag_state)},
        "savings_plan": {"id": SP_ID, "commit_daily_usd": commit_daily, "commit_hourly_usd": commit_hourly},
        "duplicate_charge": {"resource_id": str(dup["ResourceId"].iloc[0]), "sku_id": str(dup["SkuId"].iloc[0]),
                             "charge_date": str(pd.DatetimeIndex(days)[int(dup["day"].iloc[0])].date()),
                             "billed_cost": float(round(dup["BilledCost"].iloc[0], 4)), "refunded_in": "2026-07"},
    }
    return bill, key


PRICE_SPECS = [  # spec, vcpu, GiB, {provider: (instance type, on-demand USD/h)}
    ("general-4x16", 4, 16, {"AWS": ("m6i.xlarge", 0.214), "Google Cloud": ("n2-standard-4", 0.214), "Microsoft": ("Standard_D4s_v5", 0.192)}),
    ("general-8x32", 8, 32, {"AWS": ("m6i.2xlarge", 0.428), "Google Cloud": ("n2-standard-8", 0.428), "Microsoft": ("Standard_D8s_v5", 0.384)}),
    ("memory-8x64", 8, 64, {"AWS": ("r6i.2xlarge", 0.564), "Google Cloud": ("n2-highmem-8", 0.578), "Microsoft": ("Standard_E8s_v5", 0.504)}),
    ("compute-8x16", 8, 16, {"AWS": ("c6i.2xlarge", 0.380), "Google Cloud": ("n2-highcpu-8", 0.316), "Microsoft": ("Standard_F8s_v2", 0.338)}),
    ("general-16x64", 16, 64, {"AWS": ("m6i.4xlarge", 0.856), "Google Cloud": ("n2-standard-16", 0.855), "Microsoft": ("Standard_D16s_v5", 0.768)}),
]


# Week 7: 1-year and 3-year commitment and spot prices as shares of on-demand, per provider and machine
# family (illustrative, in the range each provider publishes; real schedules differ by provider and family).
DISCOUNTS = {
    "AWS": {"general": (0.63, 0.43, 0.38), "memory": (0.62, 0.41, 0.33), "compute": (0.64, 0.44, 0.41)},
    "Google Cloud": {"general": (0.63, 0.45, 0.31), "memory": (0.63, 0.45, 0.29), "compute": (0.63, 0.45, 0.34)},
    "Microsoft": {"general": (0.60, 0.39, 0.19), "memory": (0.59, 0.38, 0.17), "compute": (0.61, 0.40, 0.22)},
}


def _prices():
    rows = []
    for spec, cpu, mem, offers in PRICE_SPECS:
        for p, (itype, od) in offers.items():
            region, region_name = REGIONS[p]
            c1, c3, spot = DISCOUNTS[p][spec.split("-")[0]]
            rows.append((spec, cpu, mem, p, itype, region, region_name, od, round(od * c1, 4), round(od * c3, 4),
                         round(od * spot, 4), {"AWS": 0.09, "Google Cloud": 0.085, "Microsoft": 0.087}[p],
                         {"AWS": 0.08, "Google Cloud": 0.085, "Microsoft": 0.076}[p]))
    return pd.DataFrame(rows, columns=["spec_id", "vcpu", "memory_gib", "provider", "instance_type", "region", "region_name",
                                       "on_demand_usd_per_hour", "commit_1y_usd_per_hour", "commit_3y_usd_per_hour",
                                       "spot_usd_per_hour", "egress_usd_per_gb", "block_storage_usd_per_gb_month"])


def generate(rng: np.random.Generator, scale: int = 1, tables: dict | None = None) -> dict:
    services, teams, design, resources = tables["services"], tables["teams"], tables["_design"], tables["_resources"]
    days = pd.date_range(BILL_START.tz_localize(None), BILL_END.tz_localize(None), freq="D", inclusive="left")
    day_str = days.strftime("%Y-%m-%d")
    usage, cap = _namespaces(rng, services, teams, design, day_str)
    bill, key = _bill(rng, services, teams, resources, design, cap, days)
    cap_out = cap.copy()
    return {"focus_bill": bill, "namespace_usage": usage, "cluster_capacity": cap_out, "price_table": _prices(),
            "keys/focus_bill": key}


DT = {"required": True}
CUR = "US dollars"
SCHEMAS = {
    "focus_bill": {
        "title": "Cloud bill in FOCUS format (June-August 2026)",
        "description": "Daily charges from AWS, Google Cloud and Microsoft Azure in the FinOps Open Cost and Usage "
                       "Specification (FOCUS 1.2 column names and allowed values; a subset of its columns, no custom "
                       "x_ columns). Charge periods are [start, end) in UTC. Tags is a JSON object (team, service, env, "
                       "cost-center, or cluster/shared/team for the shared Kubernetes clusters, where team names the operating "
                       "team); an empty Tags means the resource is untagged. Single instances bill at most 24 hours a day "
                       "(their size is in the SKU); node pools bill all their nodes' hours. Includes a Compute Savings Plan "
                       "(monthly Purchase rows billed at the Standard price, covered usage rows Committed with EffectiveCost "
                       "amortised, Used/Unused), support, VAT (20%) on every AWS and Azure invoice whose four cost columns are "
                       "20% of the same columns of the Usage and Purchase charges it taxes (FOCUS 1.2), a credit whose list "
                       "and contracted cost equal its billed cost, and a June charge billed twice whose duplicate is "
                       "refunded by a Correction row in July's billing period. Simplification: the no-upfront savings "
                       "plan's fee is one monthly Purchase row (AWS bills it hourly).",
        "fields": [
            ("BillingAccountId", "string", "Provider-assigned billing account identifier.", R),
            ("BillingAccountName", "string", "Billing account display name.", R),
            ("BillingAccountType", "string", "Provider's name for the billing account type.", R),
            ("SubAccountId", "string", "Sub account (AWS member account, GCP project, Azure subscription) identifier.", R),
            ("SubAccountName", "string", "Sub account name (<business unit>-prod).", R),
            ("SubAccountType", "string", "Provider's name for the sub account type.", R),
            ("BillingPeriodStart", "datetime", "Inclusive start of the billing period (UTC).", DT),
            ("BillingPeriodEnd", "datetime", "Exclusive end of the billing period (UTC).", DT),
            ("ChargePeriodStart", "datetime", "Inclusive start of the charge period (UTC).", DT),
            ("ChargePeriodEnd", "datetime", "Exclusive end of the charge period (UTC).", DT),
            ("BillingCurrency", "string", "ISO 4217 currency of the billed amounts.", enum(["USD"])),
            ("ChargeCategory", "string", "Highest-level classification of the charge.", enum(["Usage", "Purchase", "Tax", "Credit", "Adjustment"])),
            ("ChargeClass", "string", "Correction when the row corrects an earlier billing period; empty otherwise.", enum(["Correction"], required=False)),
            ("ChargeDescription", "string", "Self-contained summary of the charge.", {}),
            ("ChargeFrequency", "string", "How often the charge occurs.", enum(["One-Time", "Recurring", "Usage-Based"])),
            ("PricingCategory", "string", "Pricing model of the charge; empty for tax and credits.", enum(["Standard", "Dynamic", "Committed", "Other"], required=False)),
            ("ProviderName", "string", "Entity that made the service available.", enum(["AWS", "Google Cloud", "Microsoft"])),
            ("PublisherName", "string", "Entity that produced the service.", R),
            ("InvoiceIssuerName", "string", "Entity that issued the invoice.", R),
            ("ServiceCategory", "string", "Highest-level FOCUS classification of the service.", enum(SERVICE_CATEGORIES)),
            ("ServiceName", "string", "Provider's name of the service.", R),
            ("RegionId", "string", "Provider region identifier; empty for non-regional charges.", {}),
            ("RegionName", "string", "Region name; empty for non-regional charges.", {}),
            ("ResourceId", "string", "Provider resource identifier; empty when the charge has no resource.", {}),
            ("ResourceName", "string", "Resource display name.", {}),
            ("ResourceType", "string", "Kind of resource.", {}),
            ("SkuId", "string", "Provider SKU identifier.", {}),
            ("PricingQuantity", "number", "Quantity purchased or used, in PricingUnit.", {}),
            ("PricingUnit", "string", "Unit of PricingQuantity and the unit prices.", {}),
            ("ConsumedQuantity", "number", "Quantity consumed, in ConsumedUnit.", {}),
            ("ConsumedUnit", "string", "Unit of ConsumedQuantity.", {}),
            ("ListUnitPrice", "number", "Public list price per PricingUnit (" + CUR + ").", {}),
            ("ListCost", "number", "ListUnitPrice x PricingQuantity (" + CUR + ").", R),
            ("ContractedUnitPrice", "number", "Negotiated price per PricingUnit, before commitment discounts (" + CUR + ").", {}),
            ("ContractedCost", "number", "ContractedUnitPrice x PricingQuantity (" + CUR + ").", R),
            ("BilledCost", "number", "Amount invoiced (cash basis, " + CUR + ").", R),
            ("EffectiveCost", "number", "Amortised cost after discounts and prepaid commitments (" + CUR + ").", R),
            ("CommitmentDiscountId", "string", "Commitment discount (savings plan) identifier; empty if none.", {}),
            ("CommitmentDiscountType", "string", "Provider's name for the commitment type.", {}),
            ("CommitmentDiscountCategory", "string", "Spend- or usage-based commitment.", enum(["Spend", "Usage"], required=False)),
            ("CommitmentDiscountStatus", "string", "Used or Unused portion of the commitment (usage rows only).", enum(["Used", "Unused"], required=False)),
            ("Tags", "string", "JSON object of finalised tags; empty when the resource is untagged.", {}),
        ],
    },
    "namespace_usage": {
        "title": "Kubernetes namespace requests and usage per day",
        "primaryKey": ["date", "cluster", "namespace"],
        "description": "Daily CPU and memory requests, limits and measured usage of every namespace on the three "
                       "production clusters. Team namespaces are named after the team; kube-system, monitoring and "
                       "ingress are shared. An empty cpu_limit_cores means the namespace sets no CPU limit.",
        "fields": [
            ("date", "date", "Day (UTC).", R),
            ("cluster", "string", "Cluster name (services.cluster).", R),
            ("namespace", "string", "Namespace.", R),
            ("team_id", "string", "Owning team (teams.team_id).", R),
            ("shared", "boolean", "True for shared platform namespaces.", R),
            ("pods", "integer", "Average number of running pods (count).", R),
            ("cpu_request_cores", "number", "Sum of container CPU requests (cores).", R),
            ("cpu_limit_cores", "number", "Sum of container CPU limits (cores); empty if no limits are set.", {}),
            ("cpu_usage_avg_cores", "number", "Average CPU used over the day (cores).", R),
            ("cpu_usage_p95_cores", "number", "95th percentile of 5-minute CPU usage (cores).", R),
            ("memory_request_gib", "number", "Sum of container memory requests (GiB).", R),
            ("memory_usage_avg_gib", "number", "Average memory working set (GiB).", R),
        ],
    },
    "cluster_capacity": {
        "title": "Kubernetes cluster capacity per day", "primaryKey": ["date", "cluster"],
        "description": "Nodes and allocatable CPU and memory of each production cluster per day. Allocatable capacity "
                       "not requested by any namespace is idle; its cost is in focus_bill (the cluster's node rows).",
        "fields": [
            ("date", "date", "Day (UTC).", R),
            ("cluster", "string", "Cluster name.", R),
            ("provider", "string", "Cloud provider (FOCUS ProviderName).", enum(["AWS", "Google Cloud", "Microsoft"])),
            ("nodes", "integer", "Nodes running that day (count).", R),
            ("vcpu_per_node", "integer", "vCPUs per node (cores).", R),
            ("memory_gib_per_node", "integer", "Memory per node (GiB).", R),
            ("allocatable_cpu_cores", "number", "CPU available to pods after system reservations (cores).", R),
            ("allocatable_memory_gib", "number", "Memory available to pods after system reservations (GiB).", R),
        ],
    },
    "price_table": {
        "title": "One resource spec priced on three providers", "primaryKey": ["spec_id", "provider"],
        "description": "Equivalent virtual-machine offers for a few resource specs on AWS, Google Cloud and Azure with "
                       "on-demand, committed and spot hourly prices. Illustrative prices in the style of public list "
                       "prices (not quotes).",
        "fields": [
            ("spec_id", "string", "Resource spec: <family>-<vCPU>x<GiB>.", R),
            ("vcpu", "integer", "vCPUs (cores).", R),
            ("memory_gib", "integer", "Memory (GiB).", R),
            ("provider", "string", "Cloud provider (FOCUS ProviderName).", enum(["AWS", "Google Cloud", "Microsoft"])),
            ("instance_type", "string", "Provider's machine type.", R),
            ("region", "string", "Region id.", R),
            ("region_name", "string", "Region name.", R),
            ("on_demand_usd_per_hour", "number", "On-demand price (US dollars per hour).", R),
            ("commit_1y_usd_per_hour", "number", "Effective price with a 1-year commitment (US dollars per hour).", R),
            ("commit_3y_usd_per_hour", "number", "Effective price with a 3-year commitment (US dollars per hour).", R),
            ("spot_usd_per_hour", "number", "Typical spot / preemptible price (US dollars per hour).", R),
            ("egress_usd_per_gb", "number", "Internet egress (US dollars per GB).", R),
            ("block_storage_usd_per_gb_month", "number", "SSD block storage (US dollars per GB-month).", R),
        ],
    },
}
