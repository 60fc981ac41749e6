"""Week 3: plausible mistakes, each tied to the checks it must fail.

Exercises 4, 5 and 6 call full_ref (Exercise 3). A wrong full_ref therefore also breaks the later
answers that use it: "wrong-subtle" and "wrong-visible" break every exercise anyway, and
"wrong-default-namespace" shows the cascade on purpose (a full_ref that ignores the namespace it
is given breaks the dangling-reference and cycle checks on namespaced entities, but not the
ownership coverage, whose catalog lives in the default namespace).
"""

WRONG = {
    # Mistakes that pass the visible checks: only hidden checks catch them.
    "wrong-subtle": ({
        # forgets the default namespace: a descriptor without metadata.namespace gets None
        "ex-1-answer": '''def entity_table(entities):
    rows = []
    for doc in entities:
        meta, spec = doc.get("metadata") or {}, doc.get("spec") or {}
        rows.append({"kind": doc.get("kind"), "namespace": meta.get("namespace"), "name": meta.get("name"),
                     "owner": spec.get("owner"), "system": spec.get("system"),
                     "lifecycle": spec.get("lifecycle"), "type": spec.get("type")})
    return pd.DataFrame(rows)
''',
        # off by one on the length limit: 64 characters allowed
        "ex-2-answer": '''def valid_name(names):
    return names.str.fullmatch(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*") & (names.str.len() <= 64)
''',
        # keeps the case as written: Group:Default/Platform and group:default/platform differ
        "ex-3-answer": '''def full_ref(ref, default_kind, default_namespace="default"):
    kind, sep, rest = ref.partition(":")
    if not sep:
        kind, rest = default_kind, ref
    namespace, sep, name = rest.partition("/")
    if not sep:
        namespace, name = default_namespace, rest
    return f"{kind}:{namespace}/{name}"
''',
        # only Groups, Systems, APIs... count as targets: an owner that is a User looks dangling
        "ex-4-answer": '''def dangling_references(entities):
    def own(doc):
        meta = doc.get("metadata") or {}
        return f"{doc['kind']}:{meta.get('namespace', 'default')}/{meta['name']}".lower()
    known = {own(doc) for doc in entities if doc["kind"] != "User"}
    rows = []
    for doc in entities:
        spec, ns = doc.get("spec") or {}, (doc.get("metadata") or {}).get("namespace", "default")
        for field, kind in REFERENCE_FIELDS.items():
            value = spec.get(field)
            for ref in (value if isinstance(value, list) else [value] if value else []):
                target = full_ref(str(ref), kind, ns)
                if target not in known:
                    rows.append((own(doc), field, target))
    out = pd.DataFrame(rows, columns=["source", "field", "target"]).drop_duplicates()
    return out.sort_values(["source", "field", "target"]).reset_index(drop=True)
''',
        # one group per simple cycle: overlapping cycles are counted twice
        "ex-5-answer": '''def dependency_cycles(entities):
    graph = nx.DiGraph()
    for doc in entities:
        ns = doc["metadata"].get("namespace", "default")
        source = f"{doc['kind']}:{ns}/{doc['metadata']['name']}".lower()
        for ref in (doc.get("spec") or {}).get("dependsOn") or []:
            graph.add_edge(source, full_ref(str(ref), "component", ns))
    return sorted(sorted(cycle) for cycle in nx.simple_cycles(graph) if len(cycle) > 1)
''',
        # compares names case-sensitively: SEARCH-API is not search-api
        "ex-6-answer": '''def ownership_coverage(entities, services):
    owners = {}
    for doc in entities:
        if doc["kind"] == "Component" and (doc.get("spec") or {}).get("owner"):
            owners.setdefault(doc["metadata"]["name"], set()).add(full_ref(str(doc["spec"]["owner"]), "group"))
    right = [f"group:default/{t}" in owners.get(s, set()) for s, t in zip(services["service_id"], services["team_id"])]
    return 100 * pd.Series(right, index=services.index).groupby(services["team_id"]).mean()
''',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden"}),

    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        # returns the list of rows, not a DataFrame
        "ex-1-answer": '''def entity_table(entities):
    return [{"kind": d["kind"], "namespace": d["metadata"].get("namespace", "default"), "name": d["metadata"]["name"]}
            for d in entities]
''',
        # str.match only anchors the start: "a--b" and "orders$" pass
        "ex-2-answer": '''def valid_name(names):
    return names.str.match(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*") & (names.str.len() <= 63)
''',
        # never fills in the namespace: group:payments stays group:payments
        "ex-3-answer": '''def full_ref(ref, default_kind, default_namespace="default"):
    return (ref if ":" in ref else f"{default_kind}:{ref}").lower()
''',
        # other column names
        "ex-4-answer": '''def dangling_references(entities):
    known = {f"{d['kind']}:default/{d['metadata']['name']}".lower() for d in entities}
    rows = [(d["metadata"]["name"], "owner", full_ref(d["spec"]["owner"], "group"))
            for d in entities if (d.get("spec") or {}).get("owner")]
    return pd.DataFrame([r for r in rows if r[2] not in known], columns=["entity", "field", "target"])
''',
        # keeps every strongly connected component, even single entities in no cycle
        "ex-5-answer": '''def dependency_cycles(entities):
    graph = nx.DiGraph()
    for doc in entities:
        source = f"{doc['kind']}:default/{doc['metadata']['name']}".lower()
        for ref in (doc.get("spec") or {}).get("dependsOn") or []:
            graph.add_edge(source, full_ref(str(ref), "component"))
    return sorted(sorted(group) for group in nx.strongly_connected_components(graph))
''',
        # a fraction instead of a percentage
        "ex-6-answer": '''def ownership_coverage(entities, services):
    owners = {}
    for doc in entities:
        if doc["kind"] == "Component" and (doc.get("spec") or {}).get("owner"):
            owners.setdefault(doc["metadata"]["name"].lower(), set()).add(full_ref(str(doc["spec"]["owner"]), "group"))
    right = [f"group:default/{t}" in owners.get(s.lower(), set()) for s, t in zip(services["service_id"], services["team_id"])]
    return pd.Series(right, index=services.index).groupby(services["team_id"]).mean()
''',
    }, {"ex-1-visible", "ex-1-hidden", "ex-2-visible", "ex-2-hidden", "ex-3-visible", "ex-3-hidden",
        "ex-4-visible", "ex-4-hidden", "ex-5-visible", "ex-5-hidden", "ex-6-visible", "ex-6-hidden"}),

    # full_ref ignores the namespace it is given: every reference lands in 'default'. The later
    # answers are the reference ones, but they call full_ref, so the namespaced entities of the
    # hand-made catalogs break Exercises 4 and 5 too; Exercise 6 only uses the default namespace.
    "wrong-default-namespace": ({
        "ex-3-answer": '''def full_ref(ref, default_kind, default_namespace="default"):
    kind, sep, rest = ref.partition(":")
    if not sep:
        kind, rest = default_kind, ref
    namespace, sep, name = rest.partition("/")
    if not sep:
        namespace, name = "default", rest
    return f"{kind}:{namespace}/{name}".lower()
''',
    }, {"ex-3-hidden", "ex-4-hidden", "ex-5-hidden"}),

    # More subtle, one exercise at a time: a cycle counted per edge; owners compared as written.
    "wrong-scope": ({
        "ex-5-answer": '''def dependency_cycles(entities):
    graph = nx.DiGraph()
    for doc in entities:
        ns = doc["metadata"].get("namespace", "default")
        source = f"{doc['kind']}:{ns}/{doc['metadata']['name']}".lower()
        for ref in (doc.get("spec") or {}).get("dependsOn") or []:
            graph.add_edge(source, full_ref(str(ref), "component", ns))
    groups = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    return sorted(sorted([a, b]) for g in groups for a, b in graph.subgraph(g).edges)
''',
        "ex-6-answer": '''def ownership_coverage(entities, services):
    owners = {}
    for doc in entities:
        if doc["kind"] == "Component":
            owners.setdefault(str(doc["metadata"]["name"]).lower(), set()).add((doc.get("spec") or {}).get("owner"))
    right = [f"group:{t}" in owners.get(s.lower(), set()) for s, t in zip(services["service_id"], services["team_id"])]
    return 100 * pd.Series(right, index=services.index).groupby(services["team_id"]).mean()
''',
    }, {"ex-5-hidden", "ex-6-hidden"}),
}
