"""Week 3: the service catalog as Backstage entity descriptor YAML (backstage.io/v1alpha1).

data/catalog/ holds a Location (catalog-info.yaml), the organisation (Groups and Users), the
Domains (one per business unit) and one file per team with its System, Components, APIs and
Resources. A known set of defects is planted (missing owner, dangling references, invalid names,
a case-insensitive duplicate, dependency cycles); the list is in tests/keys/catalog_defects.json.
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import yaml

from .common import DOMAIN, Folder

API_SUFFIXES = ("api", "gateway", "events")


def _dump(docs: list[dict]) -> str:
    return yaml.safe_dump_all(docs, sort_keys=False, default_flow_style=False, width=100, allow_unicode=True)


def _entity(kind: str, name: str, spec: dict, **meta) -> dict:
    md = {"name": name, **{k: v for k, v in meta.items() if v not in (None, [], {})}}
    return {"apiVersion": "backstage.io/v1alpha1", "kind": kind, "metadata": md, "spec": spec}


def generate(rng: np.random.Generator, scale: int = 1, tables: dict | None = None) -> dict:
    teams, devs, services = tables["teams"], tables["developers"], tables["services"]
    bus, deps, resources, design = tables["business_units"], tables["_dependencies"], tables["_resources"], tables["_design"]
    files: dict[str, list[dict]] = {}
    defects: list[dict] = []

    # organisation
    groups = [_entity("Group", "tidewater", {"type": "root", "children": sorted(bus["business_unit"].tolist())},
                      title="Tidewater", description="The whole engineering organisation")]
    for b in bus.itertuples():
        groups.append(_entity("Group", b.business_unit, {
            "type": "business-unit", "parent": "tidewater",
            "children": sorted(teams.loc[teams["business_unit"].eq(b.business_unit), "team_id"].tolist())},
            title=b.name))
    for t in teams.itertuples():
        groups.append(_entity("Group", t.team_id, {
            "type": "team", "profile": {"displayName": t.team_name, "email": f"{t.team_id}@{DOMAIN}"},
            "parent": t.business_unit, "children": []},
            title=t.team_name, description=f"{t.topology} team", annotations={"tidewater.example/topology": t.topology,
                                                                                "tidewater.example/slack-channel": t.slack_channel}))
    files["org/groups.yaml"] = groups
    users = [_entity("User", d.developer_id, {"profile": {"displayName": d.name, "email": d.email}, "memberOf": [d.team_id]})
             for d in devs.itertuples()]
    bad_user = int(rng.integers(len(users)))
    users[bad_user]["spec"]["memberOf"].append("qa-guild")
    defects.append({"defect": "dangling-reference", "kind": "User", "name": users[bad_user]["metadata"]["name"],
                    "file": "org/users.yaml", "field": "spec.memberOf", "target": "group:default/qa-guild"})
    files["org/users.yaml"] = users
    files["domains.yaml"] = [_entity("Domain", b.business_unit, {"owner": f"group:{b.business_unit}"},
                                     title=b.name, description=f"Everything the {b.name} business unit sells or runs")
                             for b in bus.itertuples()]

    # components, APIs, resources, per team
    svc = services.set_index("service_id")
    kind_word = services["service_id"].str.replace(r"-\d+$", "", regex=True).str.rsplit("-", n=1).str[-1]
    provides = {s: f"{s}-v1" for s in services.loc[kind_word.isin(API_SUFFIXES), "service_id"]}
    dep_map = deps.groupby("service_id")["depends_on"].agg(list).to_dict()
    res_map = resources.groupby("service_id")["resource"].agg(list).to_dict()
    comps: dict[str, dict] = {}
    for s in services.itertuples():
        d = dep_map.get(s.service_id, [])
        spec = {"type": "website" if s.service_id.endswith("-web") else "service", "lifecycle": s.lifecycle,
                "owner": f"group:{s.team_id}", "system": s.system_id}
        if s.service_id in provides:
            spec["providesApis"] = [provides[s.service_id]]
        consumes = sorted(provides[x] for x in d if x in provides)
        if consumes:
            spec["consumesApis"] = consumes
        depends = [f"component:{x}" for x in d if x not in provides] + [f"resource:{r}" for r in res_map.get(s.service_id, [])]
        if depends:
            spec["dependsOn"] = depends
        comps[s.service_id] = _entity(
            "Component", s.service_id, spec, description=f"{s.service_id.replace('-', ' ').capitalize()} ({s.tier})",
            tags=[s.language, s.runtime], labels={"tidewater.example/tier": s.tier},
            annotations={"backstage.io/source-location": f"url:{s.repository}",
                         "backstage.io/kubernetes-id": s.service_id if s.runtime == "kubernetes" else None},
            links=[{"url": f"https://grafana.{DOMAIN}/d/{s.service_id}", "title": "Dashboard", "type": "dashboard"}]
            + ([{"url": f"https://runbooks.{DOMAIN}/{s.service_id}", "title": "Runbook", "type": "runbook"}]
               if design["dora_profile"].get(s.team_id) in ("elite", "high") or s.Index % 3 else []))
        comps[s.service_id]["metadata"]["annotations"] = {k: v for k, v in comps[s.service_id]["metadata"]["annotations"].items() if v}

    # --- planted defects on real services (they stay in the catalog: deployments still resolve)
    low = [t for t, p in design["dora_profile"].items() if p in ("low", "medium")]
    cand = services[services["team_id"].isin(low)]["service_id"].tolist()
    picks = [cand[i] for i in rng.choice(len(cand), 8, replace=False)]
    for s in picks[:3]:
        del comps[s]["spec"]["owner"]
        defects.append({"defect": "missing-owner", "kind": "Component", "name": s, "field": "spec.owner"})
    s = picks[3]
    comps[s]["spec"]["owner"] = "group:payments-legacy"
    defects.append({"defect": "dangling-reference", "kind": "Component", "name": s, "field": "spec.owner",
                    "target": "group:default/payments-legacy"})
    s = picks[4]
    comps[s]["spec"].setdefault("consumesApis", []).append("ledger-service-v1")
    defects.append({"defect": "dangling-reference", "kind": "Component", "name": s, "field": "spec.consumesApis",
                    "target": "api:default/ledger-service-v1"})
    s = picks[5]
    comps[s]["spec"]["system"] = "returns-portal-system"
    defects.append({"defect": "dangling-reference", "kind": "Component", "name": s, "field": "spec.system",
                    "target": "system:default/returns-portal-system"})
    s = picks[6]
    comps[s]["spec"].setdefault("dependsOn", []).append("resource:orders-archive-db")
    defects.append({"defect": "dangling-reference", "kind": "Component", "name": s, "field": "spec.dependsOn",
                    "target": "resource:default/orders-archive-db"})
    # a dependsOn reference written without its kind: Backstage gives dependsOn no default kind
    s = next(x for x in [picks[5], picks[4], picks[3], *services["service_id"]]
             if any(r.startswith("component:") for r in comps[x]["spec"].get("dependsOn", [])))
    i = next(i for i, r in enumerate(comps[s]["spec"]["dependsOn"]) if r.startswith("component:"))
    bare = comps[s]["spec"]["dependsOn"][i].split(":", 1)[1]
    comps[s]["spec"]["dependsOn"][i] = bare
    defects.append({"defect": "dangling-reference", "kind": "Component", "name": s, "field": "spec.dependsOn",
                    "target": f":default/{bare}", "detail": "dependsOn reference without a kind"})
    s = picks[7]
    comps[s]["metadata"]["tags"] = comps[s]["metadata"]["tags"] + ["Legacy_Stack"]
    defects.append({"defect": "invalid-tag", "kind": "Component", "name": s, "field": "metadata.tags", "value": "Legacy_Stack"})
    # dependency cycles: close a loop inside two teams' services (Component dependsOn Component)
    planted_cycles = []
    for team in ("warehouse", "loyalty"):
        members = services.loc[services["team_id"].eq(team), "service_id"].tolist()[:3]
        loop = members if len(members) == 3 else members[:2]
        for a, b in zip(loop, loop[1:] + loop[:1]):
            comps[a]["spec"].setdefault("dependsOn", [])
            if f"component:{b}" not in comps[a]["spec"]["dependsOn"]:
                comps[a]["spec"]["dependsOn"].append(f"component:{b}")
        planted_cycles.append(loop)
    # extra components with invalid names or a duplicate name (no deployments: they are catalog-only)
    extras = [
        ("Legacy_Order$Export", "warehouse", "invalid-name", "character $ is not allowed"),
        ("inventory-snapshot-", "inventory", "invalid-name", "ends with a separator"),
        ("returns label printer", "returns", "invalid-name", "spaces are not allowed"),
        ("inventory--snapshot", "inventory", "house-lint", "two separators in a row: valid for Backstage, "
         "refused only by a stricter house lint"),
        ("customer-notification-preferences-synchronisation-batch-worker-v2", "notifications", "invalid-name",
         "longer than 63 characters"),
        ("Search-API", "search-relevance", "duplicate-name", "same as search-api ignoring case"),
    ]
    extra_by_team: dict[str, list[dict]] = {}
    for name, team, kind, detail in extras:
        ent = _entity("Component", name, {"type": "service", "lifecycle": "production", "owner": f"group:{team}",
                                          "system": f"{team}-system"}, description="Imported from the old wiki")
        extra_by_team.setdefault(team, []).append(ent)
        defects.append({"defect": kind, "kind": "Component", "name": name, "field": "metadata.name", "detail": detail})

    apis_by_team: dict[str, list[dict]] = {}
    for s, api in provides.items():
        t = svc.loc[s, "team_id"]
        kind = "asyncapi" if s.endswith("-events") else ("grpc" if svc.loc[s, "language"] == "go" else "openapi")
        apis_by_team.setdefault(t, []).append(_entity("API", api, {
            "type": kind, "lifecycle": svc.loc[s, "lifecycle"], "owner": f"group:{t}", "system": svc.loc[s, "system_id"],
            "definition": {"$text": f"{svc.loc[s, 'repository']}/blob/main/api/{kind}.yaml"}}, description=f"API of {s}"))
    res_by_team: dict[str, list[dict]] = {}
    for r in resources.itertuples():
        res_by_team.setdefault(r.team_id, []).append(_entity("Resource", r.resource, {
            "type": r.type, "owner": f"group:{r.team_id}", "system": svc.loc[r.service_id, "system_id"]},
            description=f"{r.type} of {r.service_id} on {r.cloud_provider}"))
    for t in teams.itertuples():
        tsvc = services.loc[services["team_id"].eq(t.team_id), "service_id"].tolist()
        if not tsvc:
            continue
        owner = "group:supplier-ops" if t.team_id == "supplier-portal" else f"group:{t.team_id}"
        system = _entity("System", f"{t.team_id}-system", {"owner": owner, "domain": t.business_unit},
                         title=f"{t.team_name} system")
        if owner == "group:supplier-ops":  # the team was renamed; the System still names the old group
            defects.append({"defect": "dangling-reference", "kind": "System", "name": f"{t.team_id}-system",
                            "field": "spec.owner", "target": "group:default/supplier-ops"})
        docs = [system] + [comps[s] for s in tsvc] + extra_by_team.get(t.team_id, []) + apis_by_team.get(t.team_id, []) \
            + res_by_team.get(t.team_id, [])
        files[f"systems/{t.team_id}.yaml"] = docs
    for d in defects:
        if "file" not in d:
            for f, docs in files.items():
                if any(doc["kind"] == d["kind"] and doc["metadata"]["name"] == d["name"] for doc in docs):
                    d["file"] = f
                    break
    location = _entity("Location", "tidewater-catalog", {"type": "file", "targets": [f"./{f}" for f in sorted(files)]},
                       description="Everything in Tidewater's catalog")
    # ground truth for cycles: strongly connected components of the final Component dependsOn graph
    g = nx.DiGraph()
    for c in comps.values():
        for ref in c["spec"].get("dependsOn", []):
            if ref.startswith("component:"):
                g.add_edge(c["metadata"]["name"], ref.split(":", 1)[1])
    cycles = sorted(sorted(scc) for scc in nx.strongly_connected_components(g) if len(scc) > 1)
    for scc in cycles:
        defects.append({"defect": "dependency-cycle", "kind": "Component", "members": scc,
                        "file": sorted({f for f, docs in files.items() for doc in docs
                                        if doc["kind"] == "Component" and doc["metadata"]["name"] in scc})})
    out = Folder({f: _dump(docs) for f, docs in files.items()})
    out["catalog-info.yaml"] = _dump([location])
    return {"catalog": out, "keys/catalog_defects": {"defects": defects, "planted_cycles": planted_cycles,
                                                     "counts": pd.Series([d["defect"] for d in defects]).value_counts().sort_index().to_dict()}}


SCHEMAS = {
    "catalog": {
        "kind": "folder", "mediatype": "application/yaml",
        "title": "Service catalog (Backstage entity descriptors)",
        "description": "Tidewater's software catalog as Backstage descriptor YAML (apiVersion backstage.io/v1alpha1): "
                       "Domain, System, Component, API, Resource, Group, User and a Location. Several files hold many "
                       "entities separated by `---`. References use the `[kind:][namespace/]name` form. The catalog "
                       "has quality problems for you to find (it was partly imported from an old wiki). Load it with "
                       "`workbook.data.load_catalog()`.",
        "files": [
            ("catalog-info.yaml", "The Location entity listing every other file."),
            ("org/groups.yaml", "Group entities: the root, one per business unit (type business-unit) and one per team (type team)."),
            ("org/users.yaml", "User entities: one per developer, memberOf their team."),
            ("domains.yaml", "Domain entities: one per business unit."),
            ("systems/<team>.yaml", "For each team that owns services: its System, Components (services), APIs and Resources."),
        ],
    },
}
