"""Week 3: plausible mistakes, each tied to the checks it must fail.

Exercise 2's answer cell defines valid_name and valid_tag: every wrong answer for it defines both
(TAG is the right valid_tag, NAME the right valid_name). Cases named after a finding of issue 9
("backstage-...") fail on the notebook before the fix and pass after it: they are the proof that
the notebook now grades what Backstage enforces. Cases named "only-ex-N" get one exercise wrong
and the reference everywhere else.

Exercises 4, 5 and 6 call full_ref (Exercise 3). A wrong full_ref therefore also breaks the later
answers that use it: "wrong-subtle" and "wrong-visible" break every exercise anyway, and
"wrong-default-namespace" shows the cascade on purpose (a full_ref that ignores the namespace it
is given breaks the dangling-reference and cycle checks on namespaced entities, but not the
ownership coverage, whose catalog lives in the default namespace).

The "only-ex-N-..." students make one mistake, in one exercise, on top of the reference answers
for all the others (the reference full_ref included): each proves that the checks of that
exercise catch it on their own, without help from a wrong helper upstream.
"""
from answers import grouped


TAG = '''

def valid_tag(tags):
    return tags.str.fullmatch(r"[a-z0-9+#:]+(?:-[a-z0-9+#:]+)*") & (tags.str.len() <= 63)
'''
NAME = '''def valid_name(names):
    return names.str.fullmatch(r"(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]") & (names.str.len() <= 63)
'''
# Exercise 4's reference, with one line that can be swapped for a mistake.
DANGLING = '''def dangling_references(entities):
    def own(doc):
        meta = doc.get("metadata") or {}
        return f"{doc['kind']}:{meta.get('namespace', 'default')}/{meta['name']}".lower()
    known = {own(doc) for doc in entities}
    rows = []
    for doc in entities:
        spec, ns = doc.get("spec") or {}, (doc.get("metadata") or {}).get("namespace", "default")
        for field, kind in REFERENCE_FIELDS.items():
            value = spec.get(field)
            for ref in (value if isinstance(value, list) else [value] if value else []):
                target = full_ref(str(ref), KIND, ns)
                if target not in known:
                    rows.append((own(doc), field, target))
    out = pd.DataFrame(rows, columns=["source", "field", "target"]).drop_duplicates()
    return out.sort_values(["source", "field", "target"]).reset_index(drop=True)
'''
CYCLES = '''def dependency_cycles(entities):
    graph = nx.DiGraph()
    for doc in entities:
        ns = doc["metadata"].get("namespace", "default")
        source = f"{doc['kind']}:{ns}/{doc['metadata']['name']}".lower()
        for ref in (doc.get("spec") or {}).get("dependsOn") or []:
            graph.add_edge(source, full_ref(str(ref), KIND, ns))
    return sorted(sorted(g) for g in nx.strongly_connected_components(graph) if len(g) > 1)
'''
COVERAGE = '''def ownership_coverage(entities, services):
    owners = {}
    for doc in entities:
        if doc.get("kind") == "Component" and (doc.get("spec") or {}).get("owner"):
            ns = NAMESPACE
            owners.setdefault(str(doc["metadata"]["name"]).lower(), set()).add(full_ref(str(doc["spec"]["owner"]), "group", ns))
    right = [f"group:default/{t}".lower() in owners.get(s.lower(), set()) for s, t in zip(services["service_id"], services["team_id"])]
    return 100 * pd.Series(right, index=services.index).groupby(services["team_id"]).mean()
'''
READINESS = '''def readiness_table(entities):
    def own(doc):
        meta = doc.get("metadata") or {}
        return f"{doc['kind']}:{meta.get('namespace', 'default')}/{meta['name']}".lower()
    def part_of(doc):
        system = (doc.get("spec") or {}).get("system")
        return full_ref(str(system), "system", (doc.get("metadata") or {}).get("namespace", "default")) if system else None
    known = {own(d) for d in entities}
    systems = sorted(own(d) for d in entities if d.get("kind") == "System")
    owner = {own(d): full_ref(str(d["spec"].get("owner") or ""), "group", OWNER_NS) for d in entities if d.get("kind") == "System"}
    apis = {part_of(d) for d in entities if d.get("kind") == "API"}
    runbook = {}
    for d in entities:
        if d.get("kind") == "Component" and part_of(d):
            has = any(isinstance(l, dict) and l.get("type") == "runbook" for l in (d["metadata"].get("links") or []))
            runbook[part_of(d)] = COMBINE(runbook.get(part_of(d), START), has)
    t = pd.DataFrame({"has_owner": [owner.get(s) in known for s in systems], "has_api": [s in apis for s in systems],
                      "has_runbook": [bool(runbook.get(s, False)) for s in systems]}, index=pd.Index(systems, name="system"))
    t["ready"] = t.all(axis=1)
    return t
'''
def readiness(owner_ns='(d.get("metadata") or {}).get("namespace", "default")', combine="lambda a, b: a and b", start="True"):
    return READINESS.replace("OWNER_NS", owner_ns).replace("COMBINE", f"({combine})").replace("START", start)

# Exercise 8's reference: the draft with a form; PATTERN, REQUIRED and OWNER_ENUM can be swapped.
TEMPLATE = '''_template = yaml.safe_load(TEMPLATE_DRAFT)
_template["spec"]["parameters"] = [{
    "title": "Your new service", "type": "object", "required": REQUIRED, "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "maxLength": 63, "pattern": PATTERN},
        "owner": {"type": "string", "enum": OWNER_ENUM},
        "description": {"type": "string", "minLength": 10, "maxLength": 200},
        "language": {"type": "string", "enum": ["python", "go", "java"], "default": "python"},
    },
}]
TEMPLATE_YAML = yaml.safe_dump(_template, sort_keys=False)
'''
def template(pattern='r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"', required='["name", "owner", "description"]',
             owners="OWNERS"):
    return TEMPLATE.replace("PATTERN", pattern).replace("REQUIRED", required).replace("OWNER_ENUM", owners)

# Exercise 9's reference skeleton; NAME, DESCRIPTION, LIFECYCLE can be swapped.
SKELETON = '''SKELETON = {
    "catalog-info.yaml": """\\
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: NAME
  description: DESCRIPTION
  tags:
    - ${{ values.language }}
spec:
  type: service
  lifecycle: LIFECYCLE
  owner: ${{ values.owner }}
""",
    "README.md": "# ${{ values.name }}\\n\\n${{ values.description }}\\n",
}
'''
def skeleton(name="${{ values.name | dump }}", description="${{ values.description | dump }}", lifecycle="experimental"):
    return SKELETON.replace("NAME", name).replace("DESCRIPTION", description).replace("LIFECYCLE", lifecycle)

# Exercise 10's reference entities (as in the notebook), with lines that can be swapped.
PRODUCT = '''PRODUCT_YAML = """\\
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: parcel-lockers
  NAMESPACE
spec:
  owner: OWNER
  domain: fulfilment
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: parcel-lockers-web
  NAMESPACE
spec:
  type: website
  lifecycle: experimental
  owner: OWNER
  system: parcel-lockers
  WEB_API
  dependsOn:
    - component:parcel-lockers-service
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: parcel-lockers-service
  NAMESPACE
spec:
  type: service
  lifecycle: experimental
  owner: OWNER
  system: parcel-lockers
  providesApis:
    - parcel-lockers-api-v1
  consumesApis:
    - SHIPPING_API
  dependsOn:
    - SERVICE_DEPENDS
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: parcel-lockers-api-v1
  NAMESPACE
spec:
  type: openapi
  lifecycle: experimental
  owner: OWNER
  system: parcel-lockers
  definition: "openapi: 3.0.3"
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: parcel-lockers-db
  NAMESPACE
spec:
  type: database
  owner: OWNER
  system: parcel-lockers
"""
'''
def product(namespace="description: Parcel lockers", owner="group:delivery-tracking",
            web_api="consumesApis: [parcel-lockers-api-v1]", shipping_api="shipping-api-v1",
            service_depends="resource:parcel-lockers-db"):
    return (PRODUCT.replace("NAMESPACE", namespace).replace("OWNER", owner).replace("WEB_API", web_api)
            .replace("SHIPPING_API", shipping_api).replace("SERVICE_DEPENDS", service_depends))


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
    return names.str.fullmatch(r"(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]") & (names.str.len() <= 64)
''' + TAG,
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
        # one runbook in the System is taken as enough
        "ex-7-answer": readiness(combine="lambda a, b: a or b", start="False"),
        # every Group may own a service: a business unit passes the form
        "ex-8-answer": template(owners='sorted(d["metadata"]["name"] for d in entities if d["kind"] == "Group")'),
        # the values written into YAML as they are: right for the example, but a description with
        # ": " breaks the file and the name 2024 comes back as a number
        "ex-9-answer": skeleton(name="${{ values.name }}", description="${{ values.description }}"),
        # dependsOn written without its kind: every entity is valid, but Backstage cannot resolve it
        "ex-10-answer": product(service_depends="parcel-lockers-db"),
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden",
        "ex-8-hidden", "ex-9-hidden", "ex-10-hidden"}),

    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        # returns the list of rows, not a DataFrame
        "ex-1-answer": '''def entity_table(entities):
    return [{"kind": d["kind"], "namespace": d["metadata"].get("namespace", "default"), "name": d["metadata"]["name"]}
            for d in entities]
''',
        # str.match only anchors the start: "orders$" passes
        "ex-2-answer": '''def valid_name(names):
    return names.str.match(r"(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]") & (names.str.len() <= 63)
''' + TAG,
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
        # one row per System, but indexed by the bare name
        "ex-7-answer": readiness() + '''
_readiness = readiness_table
def readiness_table(entities):
    t = _readiness(entities)
    return t.set_axis([s.split("/")[-1] for s in t.index])
''',
        # owner and description optional: a form with a name only is accepted
        "ex-8-answer": template(required='["name"]'),
        # Jinja's {{ }} tags: Backstage's nunjucks only reads ${{ }}, so the name stays "{{ values.name }}"
        "ex-9-answer": skeleton(name="'{{ values.name }}'"),
        # YAML that does not parse: a tab indents the System's spec
        "ex-10-answer": product().replace("spec:\n  owner:", "spec:\n\towner:", 1),
    }, {"ex-1-visible", "ex-1-hidden", "ex-2-visible", "ex-2-hidden", "ex-3-visible", "ex-3-hidden",
        "ex-4-visible", "ex-4-hidden", "ex-5-visible", "ex-5-hidden", "ex-6-visible", "ex-6-hidden",
        "ex-7-visible", "ex-7-hidden", "ex-8-visible", "ex-8-hidden", "ex-9-visible", "ex-9-hidden",
        "ex-10-visible", "ex-10-hidden"}),

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
    }, {"ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden"}),

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

    # One mistake in Exercise 1 only: a descriptor without metadata.namespace gets None.
    "only-ex-1-namespace": ({
        "ex-1-answer": '''def entity_table(entities):
    rows = []
    for doc in entities:
        meta, spec = doc.get("metadata") or {}, doc.get("spec") or {}
        rows.append({"kind": doc.get("kind"), "namespace": meta.get("namespace"), "name": meta.get("name"),
                     **{field: spec.get(field) for field in ("owner", "system", "lifecycle", "type")}})
    return pd.DataFrame(rows, columns=["kind", "namespace", "name", "owner", "system", "lifecycle", "type"])
''',
    }, {"ex-1-hidden"}),

    # One mistake in Exercise 2 only: 64 characters allowed (the limit is 63).
    "only-ex-2-length": ({
        "ex-2-answer": '''def valid_name(names):
    return names.str.fullmatch(r"(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]") & (names.str.len() <= 64)
''' + TAG,
    }, {"ex-2-hidden"}),

    # One mistake in Exercise 4 only (full_ref is the reference): the references are resolved in
    # the default namespace, not in the namespace of the entity that makes them.
    "only-ex-4-namespace": ({
        "ex-4-answer": '''def dangling_references(entities):
    def own_ref(doc):
        meta = doc.get("metadata") or {}
        return f"{doc['kind']}:{meta.get('namespace', 'default')}/{meta['name']}".lower()
    known = {own_ref(doc) for doc in entities}
    rows = []
    for doc in entities:
        spec = doc.get("spec") or {}
        for field, kind in REFERENCE_FIELDS.items():
            value = spec.get(field)
            for ref in (value if isinstance(value, list) else [value] if value else []):
                target = full_ref(str(ref), kind)
                if target not in known:
                    rows.append((own_ref(doc), field, target))
    out = pd.DataFrame(rows, columns=["source", "field", "target"]).drop_duplicates()
    return out.sort_values(["source", "field", "target"]).reset_index(drop=True)
''',
    }, {"ex-4-hidden"}),

    # One mistake in Exercise 4 only: Users are not counted as targets, so an owner or member
    # that is a User looks dangling.
    "only-ex-4-users": ({
        "ex-4-answer": '''def dangling_references(entities):
    def own_ref(doc):
        meta = doc.get("metadata") or {}
        return f"{doc['kind']}:{meta.get('namespace', 'default')}/{meta['name']}".lower()
    known = {own_ref(doc) for doc in entities if doc["kind"] != "User"}
    rows = []
    for doc in entities:
        spec, namespace = doc.get("spec") or {}, (doc.get("metadata") or {}).get("namespace", "default")
        for field, kind in REFERENCE_FIELDS.items():
            value = spec.get(field)
            for ref in (value if isinstance(value, list) else [value] if value else []):
                target = full_ref(str(ref), kind, namespace)
                if target not in known:
                    rows.append((own_ref(doc), field, target))
    out = pd.DataFrame(rows, columns=["source", "field", "target"]).drop_duplicates()
    return out.sort_values(["source", "field", "target"]).reset_index(drop=True)
''',
    }, {"ex-4-hidden"}),

    # --- Issue 9 findings: each fails on the notebook before the fix and passes after it.
    # The documented wording, not the enforced rule: a--b and a_.b are refused, which Backstage accepts.
    "backstage-strict-name-rule": ({
        "ex-2-answer": '''def valid_name(names):
    return names.str.fullmatch(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*") & (names.str.len() <= 63)
''' + TAG,
    }, {"ex-2-visible", "ex-2-hidden"}),
    # The tag rule of the descriptor-format page's wording without + # and :, which the catalog accepts (c++, k8s:prod).
    "backstage-tag-symbols": ({
        "ex-2-answer": NAME + '''

def valid_tag(tags):
    return tags.str.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*") & (tags.str.len() <= 63)
''',
    }, {"ex-2-hidden"}),
    # The tag rule without its length limit: a 64-character tag passes.
    "backstage-tag-rule": ({
        "ex-2-answer": NAME + '''

def valid_tag(tags):
    return tags.str.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*")
''',
    }, {"ex-2-hidden"}),
    # dependsOn resolved with a default kind 'component': a kind-less reference looks resolved.
    "backstage-dependson-default-kind": ({
        "ex-4-answer": DANGLING.replace("KIND", '(kind or "component")'),
    }, {"ex-4-hidden"}),
    "backstage-dependson-default-kind-cycles": ({
        "ex-5-answer": CYCLES.replace("KIND", '"component"'),
    }, {"ex-5-hidden"}),
    # The owner resolved in the namespace 'default' whatever the component's namespace.
    "backstage-owner-namespace": ({
        "ex-6-answer": COVERAGE.replace("NAMESPACE", '"default"'),
    }, {"ex-6-hidden"}),

    # --- One exercise wrong at a time, the reference everywhere else.
    "only-ex-7": ({
        # the owner resolved in the namespace 'default', whatever the System's namespace
        "ex-7-answer": readiness(owner_ns='"default"'),
    }, {"ex-7-hidden"}),
    "only-ex-8-unanchored": ({
        # the pattern is not anchored: JSON Schema patterns match anywhere, so "parcel tracker" passes
        "ex-8-answer": template(pattern='r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"'),
    }, {"ex-8-visible", "ex-8-hidden"}),
    "only-ex-8-length": ({
        # the pattern is right, but nothing limits the length: a 64-character name passes
        "ex-8-answer": template().replace('"maxLength": 63, ', ""),
    }, {"ex-8-hidden"}),
    "only-ex-9": ({
        # the new service is declared in production from its first day
        "ex-9-answer": skeleton(lifecycle="production"),
    }, {"ex-9-hidden"}),
    "only-ex-10-namespace": ({
        # the product in its own namespace, its owner written without one: group:lockers/delivery-tracking
        "ex-10-answer": product(namespace="namespace: lockers", owner="delivery-tracking"),
    }, {"ex-10-hidden"}),
    "only-ex-10-api": ({
        # the website reaches the service through dependsOn only: the API is provided but consumed by nobody
        "ex-10-answer": product(web_api="description: no API"),
    }, {"ex-10-hidden"}),
    "only-ex-10-cycle": ({
        # the service also depends on the website, which depends on the service: a cycle
        "ex-10-answer": product(service_depends="component:parcel-lockers-web"),
    }, {"ex-10-hidden"}),
}


# One nbgrader notebook per student: the single-cell mistakes above share students (each zeroes
# only its own exercise's checks; full_ref's cascade stays on its own), so the round trip grades
# 10 notebooks instead of 23.
MISTAKES = WRONG
WRONG = grouped(MISTAKES, alone={"wrong-default-namespace"})
