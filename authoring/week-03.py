# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 3 · Internal Platform Design: the Service Catalog
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# In Weeks 1 and 2 you measured where developers lose time. A question kept coming back in the
# interviews: **"who owns this, and what does it depend on?"** At 3 a.m. during an incident, or on
# the first day in a new team, nobody should have to ask in a chat channel. The platform team
# wants a **service catalog** as the backbone of its developer portal, and it has imported
# Tidewater's software into Backstage descriptor files — partly from an old wiki. Before anyone
# builds a portal on top of it, you must answer: **can this catalog be trusted?** This week you
# read it, validate it and turn its quality into numbers a platform team can steer by.
#
# **How this notebook works.** Read each section, run the lab cells (Shift+Enter) and change them
# freely: they are yours to explore. Exercises are marked **Exercise N (k points)**: replace
# `raise NotImplementedError()` with your answer, then run the check cell below it. The checks
# you can see test the shape of your answer; more checks run when your notebook is graded (see
# [Check your work](#Check-your-work)). Two short reflections are read by your instructor.

# %% [markdown] nbgrader={"grade_id": "objectives", "locked": true}
# ## Learning objectives
#
# By the end of this week you can:
#
# 1. Explain why a **service catalog** with clear **ownership** is the backbone of an internal
#    developer platform, and relate ownership to Team Topologies' team boundaries.
# 2. Read **Backstage entity descriptors**: the envelope (`apiVersion`, `kind`, `metadata`,
#    `spec`), the kinds of entity, the **name rules** and **entity references**.
# 3. Validate a catalog programmatically: invalid names, **dangling references** and
#    **dependency cycles** (with `networkx`).
# 4. Turn catalog quality into a **product metric** — ownership coverage per team — and decide
#    which defects to fix first and how to stop new ones at the source.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. `load_catalog()` reads every YAML document in the course's `data/catalog/`
# folder and returns one row per entity: the file it came from, its position in the file, its
# `kind`, `namespace` and `name`, and the parsed descriptor itself in the column `doc` (a Python
# dict, exactly as YAML gives it). `entities` is that list of dicts: the raw material of every
# exercise. `services` and `teams` are the organisation's own records (its CMDB), against which
# you will check the catalog. Every column is documented in `data/README.md`.

# %% nbgrader={"grade_id": "setup", "locked": true}
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from IPython.display import display

from workbook import interactive_enabled, load, use_course_style
from workbook.data import load_catalog
from workbook.style import HIGHLIGHT, OKABE_ITO

use_course_style()
catalog = load_catalog()              # one row per entity: file, document, kind, namespace, name, doc
entities = list(catalog["doc"])       # the descriptors as dicts
services = load("services")           # the CMDB: one row per service, with its owning team
teams = load("teams")                 # one row per team, with its Team Topologies type
print(f"{len(entities)} entities in {catalog['file'].nunique()} files; "
      f"{len(services)} services and {len(teams)} teams in the CMDB")
catalog[["file", "document", "kind", "namespace", "name"]].head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · A service catalog answers "who owns this?"
#
# As an organisation grows past a few dozen services, knowledge about them scatters: the
# repository knows the code, the cloud console knows the databases, a wiki page (last edited two
# years ago) claims to know the owner. A **service catalog** puts that knowledge in one place,
# as data: every piece of software, the team that owns it, what it is part of and what it depends
# on. Spotify built Backstage for exactly this reason and later donated it to the CNCF; its
# catalog is the one place that records who owns each piece of software — services, websites,
# libraries, data pipelines — together with the metadata that describes it (Backstage, n.d.-a).
#
# **Ownership** is the heart of it. Skelton and Pais (2019) argue that every piece of software
# should be owned by exactly one team, and that the team's cognitive load limits how much it can
# own. A catalog makes that ownership visible — and makes gaps visible too: a service with no
# owner is one that nobody will patch, nobody will page and nobody will retire. For a platform
# team, the catalog is also the map it builds on: templates register new services in it, the
# portal shows each team its own software, and later weeks' cost reports, scorecards and
# security alerts are all routed through its owner field. A catalog that is wrong sends those
# to the wrong people, which is worse than having no catalog at all, because people stop
# trusting the portal.

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Backstage's entity model, descriptors and references
#
# Backstage stores the catalog as **descriptor files** in YAML, by convention called
# `catalog-info.yaml` and kept next to the code they describe (Backstage, n.d.-b). Each document
# has the same envelope: `apiVersion` and `kind` (required), `metadata` (required, with the
# entity's `name` and optionally its `namespace`, `title`, `description`, `tags`, `labels`,
# `annotations` and `links`) and a `spec` whose fields depend on the kind. The kinds you meet
# this week:
#
# | Kind | What it is | Required `spec` fields |
# |---|---|---|
# | Component | a piece of software: a service, website or library | `type`, `lifecycle`, `owner` |
# | API | an interface a component provides | `type`, `lifecycle`, `owner`, `definition` |
# | Resource | infrastructure a component needs (a database, a bucket) | `type`, `owner` |
# | System | a collection of components, APIs and resources | `owner` |
# | Domain | a business area grouping systems | `owner` |
# | Group / User | teams and people; owners are Groups (or Users) | Group: `type`, `children`; User: `memberOf` |
# | Location | points the catalog at more descriptor files | — |
#
# **Names.** `metadata.name` must be 1 to 63 characters long and consist of sequences of
# `[a-zA-Z0-9]` separated by exactly one of `-`, `_` or `.`. It must be unique per kind and
# namespace, and that uniqueness is **case-insensitive**. `metadata.namespace` is optional; when it
# is left out the entity lives in the namespace `default`.
#
# **Entity references.** Entities point to each other with strings of the form
# `[<kind>:][<namespace>/]<name>`, for example `group:payments` in a component's `spec.owner`
# (Backstage, n.d.-c). The kind and namespace may be left out; they are then filled in from the
# context: the field says which kind to expect (an `owner` is a Group unless it says otherwise),
# and a missing namespace is the namespace of the entity that makes the reference. So in an
# entity of the `default` namespace, `group:payments` means `group:default/payments`. References
# are **case-insensitive**: `Group:Payments` and `group:payments` name the same entity. Backstage
# turns the references into **relations** (`ownedBy`/`ownerOf`, `partOf`/`hasPart`,
# `dependsOn`/`dependencyOf`, `providesApi`, `consumesApi`, ...) when it processes the files;
# relations are produced by Backstage and are never written in the YAML (Backstage, n.d.-d).

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Catalog quality is a platform product metric
#
# A catalog is only as useful as it is correct, and correctness decays: teams are renamed,
# services are retired, a dependency is added in code but not in the descriptor. The CNCF
# Platforms White Paper asks platform teams to run their platform as a product and to measure it
# (CNCF TAG App Delivery, 2023); for a catalog the measurable qualities are plain:
#
# - **Validity** — every descriptor obeys the format (names, required fields). Invalid entities
#   are rejected or silently skipped by the catalog, so the software they describe disappears.
# - **Referential integrity** — every reference points at an entity that exists. A **dangling
#   reference** (an owner team that was renamed, an API that was never registered) breaks the
#   relation graph the portal draws and routes alerts nowhere.
# - **Coverage** — every service the organisation runs is in the catalog *with the right owner*.
#   Compared team by team, coverage tells the platform team whom to help first.
# - **Architecture hygiene** — a **dependency cycle** (A depends on B, which depends on A) means
#   the services cannot be deployed or reasoned about independently; the catalog makes cycles
#   visible long before an outage does.
#
# The cheapest defect is the one that is never written. That is why golden paths register new
# services through **Software Templates** that generate a correct `catalog-info.yaml` and register
# it in the catalog (Backstage, n.d.-e), and why many teams validate descriptors in CI. This week
# you build those validations.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · What is in the catalog?
#
# Look at one descriptor as Python sees it, then count the entities by kind. Try other rows:
# how does a Group differ from a Component? Where do references appear?

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
example = catalog.loc[catalog["name"] == "loyalty-api", "doc"].iloc[0]
display(example)
per_kind = catalog["kind"].value_counts().sort_values()
per_kind.to_frame("entities")

# %% [markdown] nbgrader={"grade_id": "figure-1-caption", "locked": true}
# **Figure 1** (below) shows how many entities of each kind the catalog holds, as horizontal bars
# sorted by count. *Text description:* Users are by far the most numerous kind (one per
# developer), followed by Components, Resources and APIs; there are a few dozen Groups and
# Systems, six Domains and a single Location.

# %% nbgrader={"grade_id": "figure-1", "locked": true}
fig, ax = plt.subplots(figsize=(8, 4))
ax.barh(per_kind.index, per_kind.values, color=OKABE_ITO[0])
ax.set_title("Figure 1. Entities in Tidewater's catalog by kind")
ax.set_xlabel("entities (count)")
ax.set_ylabel("entity kind")
plt.show()

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · Flatten the descriptors into a table
#
# Nested dicts are awkward to query. Write `entity_table(entities)` that takes a **list of
# descriptor dicts** and returns a **DataFrame with one row per entity, in the same order**
# (a default 0..n-1 index) and the columns `kind`, `namespace`, `name`, `owner`, `system`,
# `lifecycle` and `type`:
#
# - `kind` is the descriptor's `kind`; `name` and `namespace` come from `metadata`, and a missing
#   namespace is `"default"`;
# - `owner`, `system`, `lifecycle` and `type` come from `spec`, **as written** (do not resolve
#   references yet); when the entity has no such field the value is missing (`None` or `NaN`).
#
# Some descriptors have no `spec` at all: your code must not fail on them.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def entity_table(entities: list) -> pd.DataFrame:
    """One row per entity: kind, namespace, name, owner, system, lifecycle, type."""
    ### BEGIN SOLUTION
    rows = []
    for doc in entities:
        meta, spec = doc.get("metadata") or {}, doc.get("spec") or {}
        rows.append({
            "kind": doc.get("kind"),
            "namespace": meta.get("namespace", "default"),
            "name": meta.get("name"),
            **{field: spec.get(field) for field in ("owner", "system", "lifecycle", "type")},
        })
    return pd.DataFrame(rows, columns=["kind", "namespace", "name", "owner", "system", "lifecycle", "type"])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: entity_table returns one row per entity with the seven columns."""
from graders import call, check, check_type, passed

_answer = call(entity_table, list(entities), name="entity_table")
_name = "entity_table(entities)"
check_type(_answer, pd.DataFrame, _name, hint="build a list of dicts, one per entity, and pass it to pd.DataFrame.")
_cols = ["kind", "namespace", "name", "owner", "system", "lifecycle", "type"]
check(all(c in _answer.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(len(_answer) == len(entities), _name, f"has {len(_answer)} rows; expected one per entity.")
check(list(_answer["name"].astype(str)) == [str(d["metadata"]["name"]) for d in entities], _name,
      "should keep the entities in the order they were given, with their metadata.name.")
passed("entity_table")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of entity_table (2 points) run when your notebook is graded:
# they compare every cell on this week's catalog and on another, hand-made catalog.
from graders import call

_ = call(entity_table, list(entities), name="entity_table")
### BEGIN HIDDEN TESTS
import copy as _copy

from graders import call, check_frame, check_type
from workbook.data import load_catalog as _load_catalog

def _e(kind, name, ns=None, **spec):
    meta = {"name": name} if ns is None else {"name": name, "namespace": ns}
    return {"apiVersion": "backstage.io/v1alpha1", "kind": kind, "metadata": meta, **({"spec": spec} if spec else {})}
_mini = [
    _e("Group", "Platform", type="team", children=[]),
    _e("Group", "ops", "infra", type="team", children=[]),
    _e("Location", "extra"),
    _e("Component", "portal-web", type="website", lifecycle="production", owner="Group:Default/Platform", system="portal"),
    _e("Component", "ledger-api", "infra", type="service", lifecycle="production", owner="ops", system="ledger"),
    _e("Component", "orphan", type="library", lifecycle="deprecated"),
    _e("Resource", "ledger-db", "infra", type="database", owner="ops"),
    _e("User", "jane.doe", memberOf=["platform"]),
]
_columns = ["kind", "namespace", "name", "owner", "system", "lifecycle", "type"]
_rule = ("one row per entity in the given order; kind from the descriptor, name and namespace from metadata "
         "(namespace 'default' when missing), owner/system/lifecycle/type from spec as written, missing when absent.")
def _ref(ents):
    rows = [[d["kind"], d["metadata"].get("namespace", "default"), d["metadata"]["name"],
             *[(d.get("spec") or {}).get(f) for f in _columns[3:]]] for d in ents]
    return pd.DataFrame(rows, columns=_columns).fillna("").astype(str).assign(position=lambda f: range(len(f)))
def _norm(answer, name):
    check_type(answer, pd.DataFrame, name)
    out = answer.reset_index(drop=True).astype(object)
    out = out.where(out.notna(), "").astype(str)
    return out.assign(position=range(len(out)))
for _ents, _name in ((list(_load_catalog()["doc"]), "entity_table(entities)"),
                     (_mini, "entity_table (on a hand-made catalog)")):
    _answer = call(entity_table, _copy.deepcopy(_ents), name="entity_table")
    check_frame(_norm(_answer, _name), _ref(_ents), _name, _rule, what="row", key=["position"],
                hint="a descriptor without metadata.namespace lives in the namespace 'default'.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (3 points) · Which names break the rules?
#
# Write `valid_name(names)` that takes a **pandas Series of strings** and returns a **boolean
# Series with the same index**: `True` where the name follows Backstage's rule for
# `metadata.name` (Reading 2): **1 to 63 characters**, made of sequences of `[a-zA-Z0-9]`
# separated by **exactly one** of `-`, `_`, `.`. So `loyalty-api` and `Search.v2_beta` are valid;
# `-api` (starts with a separator), `a--b` (two separators in a row), `orders$` (a character that
# is not allowed) and a 64-character name are not. Work on the whole Series at once
# (`Series.str.fullmatch` and `Series.str.len`), not with a Python loop.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def valid_name(names: pd.Series) -> pd.Series:
    """True where a name follows Backstage's metadata.name rule."""
    ### BEGIN SOLUTION
    pattern = r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*"
    return names.str.fullmatch(pattern) & (names.str.len() <= 63)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: valid_name returns one boolean per name and handles the examples of the exercise."""
from graders import call, check, check_type, passed

_examples = pd.Series(["loyalty-api", "Search.v2_beta", "-api", "a--b", "orders$"], index=[10, 11, 12, 13, 14])
_answer = call(valid_name, _examples.copy(), name="valid_name")
check_type(_answer, pd.Series, "valid_name(names)", hint="use names.str.fullmatch(...) so the index is kept.")
check(list(_answer.index) == list(_examples.index), "valid_name(names)", "should keep the index of the names it is given.")
check(_answer.dtype == bool, "valid_name(names)", f"should hold booleans (True/False); its dtype is {_answer.dtype}.")
check(list(_answer) == [True, True, False, False, False], "valid_name(the five examples of the exercise)",
      f"gives {list(_answer)}.", "loyalty-api and Search.v2_beta are valid; -api, a--b and orders$ are not.")
_all = call(valid_name, catalog["name"].copy(), name="valid_name")
check(isinstance(_all, pd.Series) and len(_all) == len(catalog), "valid_name(catalog['name'])",
      "should return one value per name.")
passed("valid_name")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of valid_name (2 points) run when your notebook is graded:
# every name of the catalog and names at the edges of the rule.
from graders import call

_ = call(valid_name, catalog["name"].copy(), name="valid_name")
### BEGIN HIDDEN TESTS
import re as _re

from graders import call, check_series
from workbook.data import load_catalog as _load_catalog

_rule = ("a valid name is 1 to 63 characters: sequences of [a-zA-Z0-9] separated by exactly one of - _ . "
         "(no separator at the start or end, never two in a row).")
def _ref(names):
    return pd.Series([bool(_re.fullmatch(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*", n)) and len(n) <= 63 for n in names],
                     index=names.index)
_real = _load_catalog()["name"].astype(str).drop_duplicates()
_real.index = _real.to_numpy()  # labelled by the name itself, so a message can say which name is wrong
_edge = ["a", "Z9", "x" * 63, "x" * 64, "ab-" * 21, ("ab-" * 21)[:-1], "", "-", "a-", ".a", "a_.b", "a.b.c",
         "a b", "é-name", "team_A.v1-2", "a__b", "UPPER", "1-2-3", "a/b", "a:b", "tab\t", "w" * 30 + "-" + "w" * 32]
_edge = pd.Series(_edge, index=_edge)
for _names, _name in ((_real, "valid_name(catalog names)"), (_edge, "valid_name(names at the edges of the rule)")):
    _answer = call(valid_name, _names.copy(), name="valid_name")
    check_series(_answer, _ref(_names), _name, _rule, what="name",
                 hint="anchor the pattern to the whole name (fullmatch) and check the length separately.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · Who owns what, business unit by business unit
#
# Teams are Groups of type `team`; each belongs to a Group of type `business-unit`. Pick a business
# unit in the menu: **Figure 2** shows, for each of its teams, how many Components, APIs and
# Resources name that team as their owner. *Text description:* one horizontal bar per team, split
# into components (blue), APIs (orange) and resources (green); most teams own a handful of
# components with about as many resources, and a team whose bar is missing or short may have
# software that names another owner — or none.

# %% nbgrader={"grade_id": "lab-2-widget", "locked": true}
owned = catalog[catalog["kind"].isin(["Component", "API", "Resource"])].copy()
owned["owner"] = owned["doc"].map(lambda d: str((d.get("spec") or {}).get("owner") or "(none)"))
owned["team"] = owned["owner"].str.replace(r"^group:", "", regex=True)
business_units = {d["metadata"]["name"]: list(d["spec"].get("children", [])) for d in entities
                  if d["kind"] == "Group" and d["spec"].get("type") == "business-unit"}


def ownership_figure(business_unit: str) -> bytes:
    """Figure 2 for one business unit, as PNG bytes (shown in an image widget that the menu updates)."""
    counts = (owned[owned["team"].isin(business_units[business_unit])]
              .groupby(["team", "kind"]).size().unstack(fill_value=0)
              .reindex(index=sorted(business_units[business_unit], reverse=True),
                       columns=["Component", "API", "Resource"], fill_value=0))
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(counts) + 1.6))
    left = np.zeros(len(counts))
    for colour, kind in zip(OKABE_ITO, counts.columns):
        ax.barh(counts.index, counts[kind], left=left, color=colour, label=kind)
        left += counts[kind].to_numpy()
    ax.set_title(f"Figure 2. Entities owned per team in business unit '{business_unit}'")
    ax.set_xlabel("entities owned (count)")
    ax.set_ylabel("team")
    ax.legend(loc="lower right")
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


if interactive_enabled():  # widgets are for people: skipped while nbgrader grades or validates
    unit_picker = widgets.Dropdown(options=sorted(business_units), value="payments",
                                   description="Business unit:", style={"description_width": "initial"})
    unit_image = widgets.Image(value=ownership_figure(unit_picker.value), format="png")
    unit_picker.observe(lambda change: setattr(unit_image, "value", ownership_figure(change["new"])), names="value")
    display(widgets.VBox([unit_picker, unit_image]))


# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (4 points) · Resolve an entity reference
#
# To compare references you must first write them all the same way. Write
# `full_ref(ref, default_kind, default_namespace="default")` that turns a reference of the form
# `[<kind>:][<namespace>/]<name>` into its **full form `kind:namespace/name`, all in lower case**
# (references are case-insensitive, so this course compares them in lower case):
#
# - the kind is the part before the first `:`; if there is no `:`, use `default_kind`;
# - in the rest, the namespace is the part before the first `/`; if there is no `/`, use
#   `default_namespace` (the namespace of the entity that makes the reference).
#
# Examples: `full_ref("group:payments", "group")` is `"group:default/payments"`;
# `full_ref("payments", "group")` is the same; `full_ref("API:Infra/Ledger-V1", "api")` is
# `"api:infra/ledger-v1"`; and `full_ref("ops", "group", "infra")` is `"group:infra/ops"`.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def full_ref(ref: str, default_kind: str, default_namespace: str = "default") -> str:
    """'[kind:][namespace/]name' -> 'kind:namespace/name' in lower case, filling in the defaults."""
    ### BEGIN SOLUTION
    kind, sep, rest = ref.partition(":")
    if not sep:
        kind, rest = default_kind, ref
    namespace, sep, name = rest.partition("/")
    if not sep:
        namespace, name = default_namespace, rest
    return f"{kind}:{namespace}/{name}".lower()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: full_ref returns a string of the form kind:namespace/name for the first example."""
from graders import call, check, check_type, passed

_answer = call(full_ref, "group:payments", "group", name="full_ref")
check_type(_answer, str, 'full_ref("group:payments", "group")')
check(_answer == "group:default/payments", 'full_ref("group:payments", "group")', f"gives {_answer!r}.",
      "the full form is kind:namespace/name; a reference without a namespace is in the namespace 'default'.")
_answer = call(full_ref, "payments", "group", name="full_ref")
check(isinstance(_answer, str) and _answer.count(":") == 1 and _answer.count("/") == 1,
      'full_ref("payments", "group")', f"gives {_answer!r}; expected the form kind:namespace/name.",
      "a reference without a kind takes default_kind.")
passed("full_ref")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of full_ref (3 points) run when your notebook is graded:
# references with and without kind and namespace, in mixed case, in other namespaces.
from graders import call

_ = call(full_ref, "group:payments", "group", name="full_ref")
### BEGIN HIDDEN TESTS
from graders import check, call

_rule = ("kind = text before the first ':' (else default_kind); namespace = text before the first '/' of the rest "
         "(else default_namespace); the result is kind:namespace/name in lower case.")
def _ref(ref, kind, ns="default"):
    k, s, rest = ref.partition(":")
    if not s:
        k, rest = kind, ref
    n, s, name = rest.partition("/")
    if not s:
        n, name = ns, rest
    return f"{k}:{n}/{name}".lower()
_cases = [("group:payments", "group"), ("payments", "group"), ("API:Infra/Ledger-V1", "api"),
          ("Group:Default/Platform", "group"), ("user:jane.doe", "group"), ("Component:search-API", "component"),
          ("tools/portal", "system"), ("Portal-Web", "Component"), ("resource:orders-db", "component"),
          ("dev.infra", "group"), ("group:dev.infra", "user")]
_with_ns = [("ops", "group", "infra"), ("ledger-db", "resource", "Infra"), ("default/ops", "group", "infra"),
            ("api:ledger-v2", "api", "finance"), ("group:other/ops", "group", "infra")]
for _args in [(*c, "default") for c in _cases] + _with_ns:
    _answer = call(full_ref, *_args, name="full_ref")
    _shown = ", ".join(repr(a) for a in _args)
    check(_answer == _ref(*_args), f"full_ref({_shown})", f"gives {_answer!r}, which is not right.", _rule,
          "fill in the defaults first, then lower-case the whole reference; use the namespace you are given.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (4 points) · Find the dangling references
#
# A reference **dangles** when no entity in the catalog has that full reference. Write
# `dangling_references(entities)` returning a **DataFrame with the columns `source`, `field` and
# `target`**, one row per dangling reference:
#
# - look at the `spec` fields named in `REFERENCE_FIELDS` below (a field may hold one reference or
#   a list); the dict gives the kind to assume when the reference leaves it out;
# - `target` is the reference resolved with `full_ref`, using the field's default kind and the
#   **namespace of the referring entity**; `source` is the referring entity's own full reference
#   (`kind:namespace/name`, lower case) and `field` the spec field's name (e.g. `"owner"`);
# - every entity counts as a possible target — Groups, **Users**, Systems, APIs, ... — and the
#   comparison is case-insensitive (compare full references);
# - sort the rows by `source`, `field`, `target`, drop repeated rows, and use a default index.

# %% nbgrader={"grade_id": "ex-4-fields", "locked": true}
REFERENCE_FIELDS = {
    "owner": "group", "system": "system", "domain": "domain", "dependsOn": "component",
    "providesApis": "api", "consumesApis": "api", "memberOf": "group", "parent": "group", "children": "group",
}

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def dangling_references(entities: list) -> pd.DataFrame:
    """Every reference (source, field, target) whose target is not an entity of the catalog."""
    ### BEGIN SOLUTION
    def own_ref(doc):
        meta = doc.get("metadata") or {}
        return f"{doc['kind']}:{meta.get('namespace', 'default')}/{meta['name']}".lower()

    known = {own_ref(doc) for doc in entities}
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
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: dangling_references returns a sorted table of full references."""
from graders import call, check, check_type, passed

_answer = call(dangling_references, list(entities), name="dangling_references")
_name = "dangling_references(entities)"
check_type(_answer, pd.DataFrame, _name)
check(all(c in _answer.columns for c in ["source", "field", "target"]), _name,
      f"should have the columns source, field and target; it has {list(_answer.columns)}.")
check(len(_answer) > 0, _name, "found no dangling reference; this catalog has some.")
_refs = pd.concat([_answer["source"], _answer["target"]]).astype(str)
check(bool(_refs.str.fullmatch(r"[^:/A-Z]+:[^:/A-Z]+/[^:/A-Z]+").all()), _name,
      "source and target should be full references kind:namespace/name in lower case.", hint="use full_ref.")
check(set(_answer["field"]) <= set(REFERENCE_FIELDS), _name, "has a field that is not in REFERENCE_FIELDS.")
check(list(_answer[["source", "field", "target"]].itertuples(index=False, name=None)) ==
      sorted(_answer[["source", "field", "target"]].itertuples(index=False, name=None)), _name,
      "is not sorted by source, field, target.")
passed("dangling_references")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of dangling_references (3 points) run when your notebook is graded:
# on this week's catalog and on a hand-made catalog with namespaces, Users and mixed case.
from graders import call

_ = call(dangling_references, list(entities), name="dangling_references")
### BEGIN HIDDEN TESTS
import copy as _copy

from graders import call, check, check_frame, check_type
from workbook.data import load_catalog as _load_catalog

def _e(kind, name, ns=None, **spec):
    meta = {"name": name} if ns is None else {"name": name, "namespace": ns}
    return {"apiVersion": "backstage.io/v1alpha1", "kind": kind, "metadata": meta, "spec": spec}
_mini = [
    _e("Group", "Platform", type="team", children=[]),
    _e("Group", "ops", "infra", type="team", children=[]),
    _e("User", "jane.doe", memberOf=["platform", "group:infra/ops"]),
    _e("User", "li.wei", "infra", memberOf=["ops", "sre-guild"]),
    _e("Domain", "tools", owner="group:platform"),
    _e("System", "portal", owner="user:jane.doe", domain="tools"),
    _e("System", "Ledger", "infra", owner="ops", domain="default/tools"),
    _e("Component", "portal-web", type="website", lifecycle="production", owner="Group:Default/Platform",
       system="portal", consumesApis=["Portal-API-v1"], dependsOn=["component:portal-api"]),
    _e("Component", "portal-api", type="service", lifecycle="production", owner="user:jane.doe", system="Portal",
       providesApis=["portal-api-v1"], dependsOn=["component:portal-worker", "resource:portal-db"]),
    _e("Component", "portal-worker", type="service", lifecycle="experimental", owner="group:platform-team",
       system="portal", dependsOn=["Component:Portal-Web"]),
    _e("API", "portal-api-v1", type="openapi", lifecycle="production", owner="platform", system="portal",
       definition="openapi: 3.0.0"),
    _e("Resource", "portal-db", type="database", owner="group:platform", system="portal"),
    _e("Component", "ledger-api", "infra", type="service", lifecycle="production", owner="ops", system="ledger",
       providesApis=["ledger-v2"], consumesApis=["api:default/portal-api-v1"], dependsOn=["resource:ledger-db"]),
    _e("Resource", "ledger-db", "infra", type="database", owner="ops", system="ledger"),
    _e("Component", "orphan", type="library", lifecycle="deprecated", system="missing-system"),
]
_fields = {"owner": "group", "system": "system", "domain": "domain", "dependsOn": "component",
           "providesApis": "api", "consumesApis": "api", "memberOf": "group", "parent": "group", "children": "group"}
_rule = ("resolve each reference with the field's default kind and the referring entity's namespace, compare full "
         "references in lower case, and count every kind of entity (Users too) as a possible target.")
def _full(ref, kind, ns):
    k, s, rest = ref.partition(":")
    if not s:
        k, rest = kind, ref
    n, s, name = rest.partition("/")
    if not s:
        n, name = ns, rest
    return f"{k}:{n}/{name}".lower()
def _ref(ents):
    own = [f"{d['kind']}:{d['metadata'].get('namespace', 'default')}/{d['metadata']['name']}".lower() for d in ents]
    rows = set()
    for src, d in zip(own, ents):
        ns = d["metadata"].get("namespace", "default")
        for f, k in _fields.items():
            v = (d.get("spec") or {}).get(f)
            for r in (v if isinstance(v, list) else [v] if v else []):
                if _full(str(r), k, ns) not in set(own):
                    rows.add((src, f, _full(str(r), k, ns)))
    return pd.DataFrame(sorted(rows), columns=["source", "field", "target"])
for _ents, _name in ((list(_load_catalog()["doc"]), "dangling_references(entities)"),
                     (_mini, "dangling_references (on a hand-made catalog)")):
    _answer = call(dangling_references, _copy.deepcopy(_ents), name="dangling_references")
    _expected = _ref(_ents)
    check_type(_answer, pd.DataFrame, _name, hint="return a DataFrame with one row per dangling reference.")
    check(all(c in _answer.columns for c in _expected.columns), _name,
          f"needs the columns source, field and target; it has {list(_answer.columns)}.")
    _mine = list(_answer[["source", "field", "target"]].astype(str).itertuples(index=False, name=None))
    _extra = [r for r in _mine if r not in set(_expected.itertuples(index=False, name=None))]
    check(not _extra, _name, f"lists {_extra[0] if _extra else ''}, which is not a dangling reference "
          "(its target exists, or a full reference is not written as kind:namespace/name in lower case).", _rule,
          "a reference without a namespace takes the namespace of the entity that makes it; Users can be owners.")
    check(len(set(_mine)) == len(_expected), _name, "misses some dangling references.", _rule,
          "look at every field of REFERENCE_FIELDS, in lists as well as single values, in every kind of entity.")
    check_frame(_answer, _expected, _name, _rule, what="dangling reference", key=["source", "field", "target"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · Required fields, kind by kind
#
# An entity that lacks a required `spec` field (Reading 2) is invalid. The cell below checks
# every entity against the required fields of its kind and counts, per kind, the share of
# entities that have all of them. **Figure 3** shows the result. *Text description:* one bar per
# kind; every kind is complete except Components, where a few entities imported from the wiki
# have no owner.

# %% nbgrader={"grade_id": "lab-3-required", "locked": true}
REQUIRED = {"Component": ["type", "lifecycle", "owner"], "API": ["type", "lifecycle", "owner", "definition"],
            "Resource": ["type", "owner"], "System": ["owner"], "Domain": ["owner"]}
missing = pd.DataFrame([
    {"kind": d["kind"], "name": d["metadata"]["name"], "field": field}
    for d in entities for field in REQUIRED.get(d["kind"], []) if not (d.get("spec") or {}).get(field)
])
display(missing)
checked = catalog[catalog["kind"].isin(list(REQUIRED))]
complete = (100 * (1 - checked["name"].isin(missing["name"]).groupby(checked["kind"]).mean())).sort_values()
fig, ax = plt.subplots(figsize=(8, 3.5))
ax.barh(complete.index, complete.values, color=np.where(complete.values < 100, HIGHLIGHT, OKABE_ITO[0]))
ax.set_title("Figure 3. Entities with every required spec field, by kind")
ax.set_xlabel("entities with all required fields (%)")
ax.set_ylabel("entity kind")
ax.set_xlim(0, 100)
plt.show()

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (4 points) · Find the dependency cycles
#
# `spec.dependsOn` (on Components and Resources) says what an entity needs in order to run. Build a
# **directed graph** with `networkx`: one edge from each entity's full reference to each of its
# `dependsOn` targets (resolved with `full_ref`, default kind `"component"`, the entity's
# namespace). A **dependency cycle** is a group of entities that all (directly or indirectly)
# depend on each other: a **strongly connected component** of the graph with **two or more
# members**. Two cycles that share an entity are one group.
#
# Write `dependency_cycles(entities)` returning a **list of groups**, each group a **sorted list**
# of full references, the list of groups itself sorted. (`nx.strongly_connected_components` does
# the hard part.)

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def dependency_cycles(entities: list) -> list:
    """Groups (sorted lists of full references) of entities that depend on each other in a cycle."""
    ### BEGIN SOLUTION
    graph = nx.DiGraph()
    for doc in entities:
        meta = doc.get("metadata") or {}
        namespace = meta.get("namespace", "default")
        source = f"{doc['kind']}:{namespace}/{meta['name']}".lower()
        for ref in (doc.get("spec") or {}).get("dependsOn") or []:
            graph.add_edge(source, full_ref(str(ref), "component", namespace))
    return sorted(sorted(group) for group in nx.strongly_connected_components(graph) if len(group) > 1)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: dependency_cycles returns a sorted list of sorted groups of two or more references."""
from graders import call, check, check_type, passed

_answer = call(dependency_cycles, list(entities), name="dependency_cycles")
_name = "dependency_cycles(entities)"
check_type(_answer, list, _name, hint="return a list of lists, e.g. [sorted(g) for g in groups].")
check(len(_answer) > 0, _name, "found no cycle; this catalog has some.")
check(all(isinstance(g, list) and all(isinstance(x, str) for x in g) for g in _answer), _name,
      "should be a list of lists of full references (strings).")
check(all(len(g) >= 2 for g in _answer), _name,
      "has a group with fewer than two members; a cycle needs at least two entities.",
      "strongly_connected_components also returns every entity that is in no cycle, on its own: leave those out.")
check(all(g == sorted(g) for g in _answer) and _answer == sorted(_answer), _name,
      "should have each group sorted and the groups themselves sorted.")
passed("dependency_cycles")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of dependency_cycles (3 points) run when your notebook is graded:
# on this week's catalog and on a hand-made catalog where cycles overlap.
from graders import call

_ = call(dependency_cycles, list(entities), name="dependency_cycles")
### BEGIN HIDDEN TESTS
import copy as _copy

import networkx as _nx

from graders import call, check, check_number
from workbook.data import load_catalog as _load_catalog

def _e(kind, name, ns=None, deps=()):
    meta = {"name": name} if ns is None else {"name": name, "namespace": ns}
    return {"apiVersion": "backstage.io/v1alpha1", "kind": kind, "metadata": meta,
            "spec": {"type": "service", "lifecycle": "production", "owner": "platform", "dependsOn": list(deps)}}
_mini = [
    _e("Component", "portal-web", deps=["component:portal-api"]),
    _e("Component", "portal-api", deps=["component:portal-worker", "resource:portal-db"]),
    _e("Component", "portal-worker", deps=["Component:Portal-Web", "component:portal-cron"]),
    _e("Component", "portal-cron", deps=["component:portal-api"]),
    _e("Resource", "portal-db", deps=[]),
    _e("Component", "ledger-api", "infra", deps=["resource:ledger-db", "component:ledger-jobs"]),
    _e("Component", "ledger-jobs", "infra", deps=["component:infra/ledger-api", "component:default/portal-web"]),
    _e("Resource", "ledger-db", "infra", deps=["component:ledger-api"]),
    _e("Component", "solo", deps=["component:solo-lib"]),
    _e("Component", "solo-lib", deps=[]),
]
_rule = ("a dependency cycle is a strongly connected component of the dependsOn graph with two or more members "
         "(overlapping cycles form one group); nodes are full references in lower case.")
def _full(ref, kind, ns):
    k, s, rest = ref.partition(":")
    if not s:
        k, rest = kind, ref
    n, s, name = rest.partition("/")
    if not s:
        n, name = ns, rest
    return f"{k}:{n}/{name}".lower()
def _ref(ents):
    g = _nx.DiGraph()
    for d in ents:
        ns = d["metadata"].get("namespace", "default")
        for r in (d.get("spec") or {}).get("dependsOn") or []:
            g.add_edge(f"{d['kind']}:{ns}/{d['metadata']['name']}".lower(), _full(str(r), "component", ns))
    return sorted(sorted(c) for c in _nx.strongly_connected_components(g) if len(c) > 1)
for _ents, _name in ((list(_load_catalog()["doc"]), "dependency_cycles(entities)"),
                     (_mini, "dependency_cycles (on a hand-made catalog with overlapping cycles)")):
    _answer = call(dependency_cycles, _copy.deepcopy(_ents), name="dependency_cycles")
    _expected = _ref(_ents)
    check(isinstance(_answer, list), _name, f"should be a list; got {type(_answer).__name__}.")
    check_number(len(_answer), len(_expected), f"{_name}: number of groups", _rule,
                 hint="two cycles that share an entity are one group; count groups, not edges or simple cycles.")
    _got = [sorted(str(x) for x in g) for g in _answer] if all(isinstance(g, (list, tuple, set)) for g in _answer) else []
    check(sorted(_got) == _expected, _name, "has the right number of groups, but not the right members.", _rule,
          "resolve each dependsOn target with full_ref and the entity's own namespace.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-4-intro", "locked": true}
# ## Lab 4 · How many entities does each problem touch?
#
# With your functions you can now list the catalog's problems. Run the cell to see the invalid
# names, the dangling references and the cycles side by side. Which problems would a developer
# notice first in a portal? Which would only show up during an incident?

# %% nbgrader={"grade_id": "lab-4-problems", "locked": true}
try:
    print("Invalid names:", sorted(catalog.loc[~valid_name(catalog["name"]), "name"]))
    same = catalog.assign(lower=catalog["name"].str.lower()).duplicated(["kind", "namespace", "lower"], keep=False)
    print("Names used twice (ignoring case):", sorted(catalog.loc[same, "name"]))
    display(dangling_references(entities))
    print("Dependency cycles:", dependency_cycles(entities))
except NotImplementedError:
    print("Answer Exercises 2, 4 and 5 first: this lab uses your functions.")

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Ownership coverage per team
#
# The CMDB (`services`) says which team owns each service. The catalog is right about a service
# when it holds a **Component whose name equals the `service_id`** (names compare
# case-insensitively) and whose `spec.owner`, resolved with `full_ref` (default kind `"group"`, the
# component's namespace), is **`group:default/<team_id>`** for the team in the CMDB. If several
# components share the name, one with the right owner is enough.
#
# Write `ownership_coverage(entities, services)` returning a **Series indexed by `team_id`** (every
# team in `services`): the **percentage (0 to 100)** of the team's services the catalog is right
# about. This is the metric the platform team will publish every week.

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def ownership_coverage(entities: list, services: pd.DataFrame) -> pd.Series:
    """Per team: % of its CMDB services with a same-named Component owned by that team's group."""
    ### BEGIN SOLUTION
    owners = {}
    for doc in entities:
        if doc.get("kind") != "Component":
            continue
        meta, spec = doc.get("metadata") or {}, doc.get("spec") or {}
        if spec.get("owner"):
            resolved = full_ref(str(spec["owner"]), "group", meta.get("namespace", "default"))
            owners.setdefault(str(meta["name"]).lower(), set()).add(resolved)
    right = [f"group:default/{team}".lower() in owners.get(service.lower(), set())
             for service, team in zip(services["service_id"], services["team_id"])]
    return 100 * pd.Series(right, index=services.index).groupby(services["team_id"]).mean()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: ownership_coverage returns a percentage per team."""
from graders import call, check, check_type, passed

_answer = call(ownership_coverage, list(entities), services.copy(), name="ownership_coverage")
_name = "ownership_coverage(entities, services)"
check_type(_answer, pd.Series, _name, hint="group the services by team_id.")
check(set(_answer.index) == set(services["team_id"]) and len(_answer) == services["team_id"].nunique(), _name,
      "should have exactly one value per team_id of services.")
_values = _answer.astype(float)
check(bool(_values.between(0, 100).all()), _name, "has values outside 0..100.")
check(bool(_values.max() > 1), _name, "looks like fractions; the exercise asks for a percentage (0 to 100).")
passed("ownership_coverage")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of ownership_coverage (2 points) run when your notebook is graded:
# on this week's catalog and on changed copies of it.
from graders import call

_ = call(ownership_coverage, list(entities), services.copy(), name="ownership_coverage")
### BEGIN HIDDEN TESTS
import copy as _copy

from graders import call, check_series
from workbook import load as _load
from workbook.data import load_catalog as _load_catalog

_s = _load("services")
_real = list(_load_catalog()["doc"])
_rule = ("per team: 100 x (services of the team with a Component of the same name, compared case-insensitively, whose "
         "owner resolves to group:default/<team_id>) / (services of the team).")
def _full(ref, kind, ns):
    k, s, rest = ref.partition(":")
    if not s:
        k, rest = kind, ref
    n, s, name = rest.partition("/")
    if not s:
        n, name = ns, rest
    return f"{k}:{n}/{name}".lower()
def _ref(ents, svc):
    owners = {}
    for d in ents:
        if d["kind"] == "Component" and (d.get("spec") or {}).get("owner"):
            owners.setdefault(str(d["metadata"]["name"]).lower(), set()).add(
                _full(str(d["spec"]["owner"]), "group", d["metadata"].get("namespace", "default")))
    ok = [f"group:default/{t}".lower() in owners.get(s.lower(), set()) for s, t in zip(svc["service_id"], svc["team_id"])]
    return 100 * pd.Series(ok, index=svc.index, dtype=float).groupby(svc["team_id"]).mean()
def _perturbed(ents, svc):
    out, comps = [], 0
    teams = sorted(svc["team_id"].unique())
    for d in _copy.deepcopy(ents):
        if d["kind"] == "Component":
            comps += 1
            if comps % 4 == 0:
                continue  # dropped from the catalog
            if comps % 5 == 0:
                d["metadata"]["name"] = str(d["metadata"]["name"]).upper()
            if comps % 7 == 0 and d["spec"].get("owner"):
                d["spec"]["owner"] = str(d["spec"]["owner"]).split(":")[-1]
            if comps % 9 == 0:
                d["spec"]["owner"] = "Group:Default/" + teams[comps % len(teams)]
            if comps % 11 == 0 and d["spec"].get("owner"):
                d["spec"]["owner"] = "GROUP:" + str(d["spec"]["owner"]).split(":")[-1].upper()
        out.append(d)
    return out
_svc2 = _s[_s.index % 3 != 0]
for _ents, _svc, _name in ((_real, _s, "ownership_coverage(entities, services)"),
                           (_perturbed(_real, _s), _s, "ownership_coverage (on a changed catalog)"),
                           (_perturbed(_real, _s), _svc2, "ownership_coverage (changed catalog, fewer services)")):
    _answer = call(ownership_coverage, _copy.deepcopy(_ents), _svc.copy(), name="ownership_coverage")
    check_series(_answer, _ref(_ents, _svc), _name, _rule, what="team")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-5-intro", "locked": true}
# ## Lab 5 · Coverage by team type
#
# Where should the platform team help first? The cell joins your coverage to `teams` and lists the
# teams below 100%, with their Team Topologies type and size. **Figure 4** shows the coverage of
# every team below 100%. *Text description:* one horizontal bar per team whose coverage is below
# 100%, sorted from lowest to highest; only a few teams are affected, each missing one or two
# services, mostly because an owner field is empty or names a team that no longer exists.

# %% nbgrader={"grade_id": "lab-5-coverage", "locked": true}
try:
    coverage = ownership_coverage(entities, services).rename("coverage_pct")
except NotImplementedError:
    coverage = pd.Series(100.0, index=sorted(services["team_id"].unique()), name="coverage_pct")
    print("Answer Exercise 6 first: until then every team shows 100%.")
below = teams.set_index("team_id")[["topology", "headcount", "services"]].join(coverage, how="inner")
below = below[below["coverage_pct"] < 100].sort_values("coverage_pct", ascending=False)
display(below)
fig, ax = plt.subplots(figsize=(8, 0.5 * max(len(below), 1) + 1.6))
ax.barh(below.index.astype(str), below["coverage_pct"], color=HIGHLIGHT)
ax.set_title("Figure 4. Teams whose catalog ownership is incomplete")
ax.set_xlabel("services with the right owner in the catalog (%)")
ax.set_ylabel("team")
ax.set_xlim(0, 100)
plt.show()

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# You have found invalid names, a duplicate, dangling references, missing owners and dependency
# cycles. In 120–200 words: **which kind of defect would you fix first, who should fix it, and
# why?** Use at least two of this week's ideas (ownership and Team Topologies, referential
# integrity, coverage as a product metric, the cost of a defect during an incident).

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# I would fix the ownership defects first: the missing owners and the owner reference to a team
# that no longer exists. Every other use of the catalog — paging during an incident, routing
# security findings, cost reports — goes through the owner, so an entity without a valid owner is
# invisible to all of them; the cost shows up at the worst moment, during an outage. Coverage per
# team also shows the work is small and concentrated in a few teams. The platform team should not
# guess owners: the owning stream-aligned teams know their services, so the platform team opens a
# pull request per team with the problem and a suggested fix, and the team confirms it (ownership
# stays with the team, as Team Topologies asks). The dangling API and system references come next;
# the dependency cycles are real architecture problems that need the owning teams' design work, so
# I would report them, not fix them in YAML.

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# Cleaning the catalog once is not enough: it decays. In 100–150 words: **how would you stop new
# defects at the source**, and how would you know within a quarter that the catalog stays
# trustworthy? Refer to Software Templates (golden paths) and to catalog quality as a metric.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# New services should start from a Software Template that writes `catalog-info.yaml` for the
# developer: the owner is picked from the list of existing Groups, the name is checked against
# the naming rule in the form, and the template registers the entity in the catalog. For existing
# repositories, a CI check runs the same validations as this notebook (names, required fields,
# references that resolve, no new dependency cycles) on every change to a descriptor and explains
# the fix. Renaming a team should update its references in the same change. To know it works, I
# would publish the ownership coverage per team, the number of dangling references and invalid
# entities every week on a dashboard, and track the share of new services created through the
# template; the target is coverage near 100% and defects that are fixed within days, not found
# during incidents.

# %% [markdown] nbgrader={"grade_id": "check-your-work", "locked": true}
# ## Check your work
#
# Before you submit: **Kernel → Restart Kernel and Run All Cells**, then make sure every visible
# check prints *"Visible checks for … passed"* and no cell shows an error. In JupyterLab you can
# also press nbgrader's **Validate** button. Be aware of what that does and does not tell you:
#
# - It runs the **visible** checks only. Each exercise also has **hidden** checks (most of its
#   points) that run when your notebook is graded; they test your code on this week's catalog and
#   on other, hand-made catalogs, so answers typed in by hand will not pass. *"Success"* from
#   Validate means your notebook runs and passes the visible checks, **not** that you have full
#   marks.
# - Reflections are read by your instructor; Validate does not look at them.
# - Do not delete, move or copy the check cells: they are restored from the instructor's copy at
#   grading time, and a missing check cell scores no points.
#
# | Exercise | Auto-graded points | of which hidden |
# |---|---|---|
# | 1 · entity table | 3 | 2 |
# | 2 · valid names | 3 | 2 |
# | 3 · entity references | 4 | 3 |
# | 4 · dangling references | 4 | 3 |
# | 5 · dependency cycles | 4 | 3 |
# | 6 · ownership coverage | 3 | 2 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - A **service catalog** records, as data, every piece of software, its **owner**, what it is
#   part of and what it depends on; ownership is what makes it useful during incidents and for
#   everything the platform routes to teams.
# - Backstage descriptors share one envelope (`apiVersion`, `kind`, `metadata`, `spec`); names
#   follow a strict rule and are unique per kind and namespace, ignoring case.
# - **Entity references** `[kind:][namespace/]name` take their kind from the field and their
#   namespace from the referring entity; compare them in one full, lower-case form.
# - Catalog quality is measurable: **validity**, **referential integrity**, **coverage** and
#   **cycles**. Publish it per team, and prevent defects at the source with Software Templates
#   and CI validation.
#
# **Next week:** environments and multi-tenancy — giving every team a safe place to run its
# services.
#
# ## References
#
# - Backstage (n.d.-a). *Backstage Software Catalog.* https://backstage.io/docs/features/software-catalog/
# - Backstage (n.d.-b). *Descriptor Format of Catalog Entities.*
#   https://backstage.io/docs/features/software-catalog/descriptor-format
# - Backstage (n.d.-c). *Entity References.* https://backstage.io/docs/features/software-catalog/references
# - Backstage (n.d.-d). *Well-known Relations between Catalog Entities.*
#   https://backstage.io/docs/features/software-catalog/well-known-relations
# - Backstage (n.d.-e). *Writing Templates (Software Templates).*
#   https://backstage.io/docs/features/software-templates/writing-templates
# - CNCF TAG App Delivery (2023). *CNCF Platforms White Paper.*
#   https://tag-app-delivery.cncf.io/whitepapers/platforms/
# - Hagberg, A. A., Schult, D. A., & Swart, P. J. (2008). Exploring network structure, dynamics, and
#   function using NetworkX. In *Proceedings of the 7th Python in Science Conference (SciPy 2008)*,
#   11–15.
# - Skelton, M., & Pais, M. (2019). *Team Topologies: Organizing Business and Technology Teams for
#   Fast Flow.* IT Revolution.
# - Tarjan, R. (1972). Depth-first search and linear graph algorithms. *SIAM Journal on Computing*,
#   1(2), 146–160.
