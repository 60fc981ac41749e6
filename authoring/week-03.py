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
# 4. Turn catalog quality into a **product metric** — ownership coverage per team, readiness per
#    System — and decide which defects to fix first.
# 5. Describe the parts of a platform for 100+ services, and stop defects at the source with a
#    **Software Template** (its form in JSON Schema, its skeleton in nunjucks) whose output
#    Backstage's own catalog-model accepts.
# 6. Register a new product in the catalog as YAML entities that Backstage accepts, whose
#    references all resolve and which close no dependency cycle.

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
from workbook.backstage import ArtifactError, judge_entities, read_yaml, render_skeleton, valid_by_backstage
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
# **Names.** The descriptor-format page describes `metadata.name` as 1 to 63 characters made of
# sequences of `[a-zA-Z0-9]` separated by `-`, `_` or `.`. What Backstage **enforces** is a little
# looser: its catalog model checks names with the regular expression
# `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$` and a length of 1 to 63
# (`KubernetesValidatorFunctions.isValidObjectName` in `@backstage/catalog-model`). A name must
# start and end with a letter or digit; in between, separators may even follow each other, so
# `a--b` and `a_.b` are accepted, while `-api`, `api-`, `orders export` (a space) and `a/b` are
# rejected. This course grades the rule Backstage enforces; a stricter rule a team adds on top
# (for example "never two separators in a row") is a **house lint**, and we call it that. A name
# must be unique per kind and namespace, and that uniqueness is **case-insensitive**.
# `metadata.namespace` is optional; when it is left out the entity lives in the namespace
# `default`. **Tags** (`metadata.tags`) have their own rule: sequences of lower-case letters,
# digits and the characters `+`, `#` and `:` separated by single `-`, at most 63 characters. The
# descriptor-format page names `[a-z0-9+#]` (Backstage, n.d.-b); the validator the catalog runs
# (`makeValidator().isValidTag` in `@backstage/catalog-model` 1.10) also accepts `:`. So `java`,
# `tier-1`, `c++` and `k8s:prod` are tags; `Legacy_Stack`, `node.js` and `a--b` are not.
# `spec.lifecycle` takes one of the well-known values `experimental` (not yet in production),
# `production` or `deprecated`; `spec.type` is free text, but the portal understands the
# well-known values: a Component is a `service`, `website` or `library`, an API is `openapi`,
# `asyncapi`, `graphql` or `grpc`, and a database is a Resource of type `database` (Backstage, n.d.-b).
#
# **Entity references.** Entities point to each other with strings of the form
# `[<kind>:][<namespace>/]<name>`, for example `group:payments` in a component's `spec.owner`
# (Backstage, n.d.-c). The kind and namespace may be left out; they are then filled in from the
# context: the field says which kind to expect (an `owner` is a Group unless it says otherwise),
# and a missing namespace is the namespace of the entity that makes the reference. Some fields
# have **no default kind**: a `dependsOn` target may be a Component or a Resource, so Backstage
# requires its kind to be written (`component:payments`, `resource:orders-db`). So in an
# entity of the `default` namespace, `group:payments` means `group:default/payments`. References
# are **case-insensitive**: `Group:Payments` and `group:payments` name the same entity. Backstage
# turns the references into **relations** (`ownedBy`/`ownerOf`, `partOf`/`hasPart`,
# `dependsOn`/`dependencyOf`, `providesApi`, `consumesApi`, ...) when it processes the files;
# relations are produced by Backstage and are never written in the YAML (Backstage, n.d.-d).

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

from graders import call, check_type
from graders.hidden import expect
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
def _norm(answer, name):
    check_type(answer, pd.DataFrame, name)
    out = answer.reset_index(drop=True).astype(object)
    out = out.where(out.notna(), "").astype(str)
    return out.assign(position=range(len(out)))
for _ents, _name in ((list(_load_catalog()["doc"]), "entity_table(entities)"),
                     (_mini, "entity_table (on a hand-made catalog)")):
    _answer = call(entity_table, _copy.deepcopy(_ents), name="entity_table")
    _got = _norm(_answer, _name)
    expect.frame(_name, _got[[c for c in [*_columns, "position"] if c in _got.columns]], _rule, what="row",
                 key=["position"], hint="a descriptor without metadata.namespace lives in the namespace 'default'.")
### END HIDDEN TESTS

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

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (4 points) · Which names and tags would Backstage reject?
#
# Write two functions, each taking a **pandas Series of strings** and returning a **boolean
# Series with the same index**:
#
# - `valid_name(names)`: `True` where the name passes the rule Backstage **enforces** for
#   `metadata.name` (Reading 2): **1 to 63 characters**, starting and ending with a letter or
#   digit, with only letters, digits, `-`, `_` and `.` in between. So `loyalty-api`,
#   `Search.v2_beta` and `a--b` are valid; `-api` and `api-` (a separator at an end), `orders$`
#   and `orders export` (characters that are not allowed) and a 64-character name are not.
# - `valid_tag(tags)`: `True` where the catalog accepts the tag (Reading 2). So `python`,
#   `tier-1` and `c++` are valid; `Legacy_Stack`, `-beta`, `a--b` and `java 17` are not.
#
# Work on the whole Series at once, not with a Python loop. Lab 4 compares your two functions with
# Backstage's own validators on the whole catalog.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def valid_name(names: pd.Series) -> pd.Series:
    """True where a name passes the metadata.name rule Backstage enforces."""
    ### BEGIN SOLUTION
    pattern = r"(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    return names.str.fullmatch(pattern) & (names.str.len() <= 63)
    ### END SOLUTION


def valid_tag(tags: pd.Series) -> pd.Series:
    """True where the catalog accepts the tag."""
    ### BEGIN SOLUTION
    return tags.str.fullmatch(r"[a-z0-9+#:]+(?:-[a-z0-9+#:]+)*") & (tags.str.len() <= 63)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: valid_name returns one boolean per name and handles the examples of the exercise."""
from graders import call, check, check_type, passed

_examples = pd.Series(["loyalty-api", "Search.v2_beta", "a--b", "-api", "orders$"], index=[10, 11, 12, 13, 14])
_answer = call(valid_name, _examples.copy(), name="valid_name")
check_type(_answer, pd.Series, "valid_name(names)", hint="use names.str.fullmatch(...) so the index is kept.")
check(list(_answer.index) == list(_examples.index), "valid_name(names)", "should keep the index of the names it is given.")
check(_answer.dtype == bool, "valid_name(names)", f"should hold booleans (True/False); its dtype is {_answer.dtype}.")
check(list(_answer) == [True, True, True, False, False], "valid_name(the five examples of the exercise)",
      f"gives {list(_answer)}.", "loyalty-api, Search.v2_beta and a--b are valid; -api and orders$ are not.")
_all = call(valid_name, catalog["name"].copy(), name="valid_name")
check(isinstance(_all, pd.Series) and len(_all) == len(catalog), "valid_name(catalog['name'])",
      "should return one value per name.")
_tags = pd.Series(["python", "tier-1", "Legacy_Stack", "a--b"], index=[3, 4, 5, 6])
_answer = call(valid_tag, _tags.copy(), name="valid_tag")
check_type(_answer, pd.Series, "valid_tag(tags)", hint="use tags.str.fullmatch(...) so the index is kept.")
check(list(_answer.index) == list(_tags.index) and _answer.dtype == bool, "valid_tag(tags)",
      "should return one boolean per tag, with the index of the tags it is given.")
check(list(_answer) == [True, True, False, False], "valid_tag(the four examples of the exercise)",
      f"gives {list(_answer)}.", "python and tier-1 are valid; Legacy_Stack and a--b are not.")
passed("valid_name and valid_tag")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of valid_name and valid_tag (3 points) run when your notebook is graded:
# every name and tag of the catalog, and names and tags at the edges of the rules.
from graders import call

_ = call(valid_name, catalog["name"].copy(), name="valid_name")
_ = call(valid_tag, pd.Series(["python"]), name="valid_tag")
### BEGIN HIDDEN TESTS
from graders import call, check, check_type
from graders.hidden import expect
from workbook.data import load_catalog as _load_catalog

_rule = ("the rule Backstage enforces: 1 to 63 characters, first and last a letter or digit, only letters, digits, "
         "- _ . in between (two separators in a row are allowed; a space, / or other characters are not).")
_tag_rule = ("the tag rule the catalog enforces: 1 to 63 characters, runs of [a-z0-9+#:] separated by single '-' "
             "(no upper case, no _ . or space).")
def _judged_valid(answer, names, name):
    """The names the learner's Series marks True (the verdicts themselves are never printed)."""
    check_type(answer, pd.Series, name)
    check(list(answer.index) == list(names.index), name, "should keep the index of the names it is given.")
    check(answer.dtype == bool, name, f"should hold booleans (True/False); its dtype is {answer.dtype}.")
    return set(names[answer.to_numpy(dtype=bool)])
_cat = _load_catalog()
_real = _cat["name"].astype(str).drop_duplicates()
_real.index = _real.to_numpy()  # labelled by the name itself
_edge = ["a", "Z9", "x" * 63, "x" * 64, "ab-" * 21, ("ab-" * 21)[:-1], "", "-", "a-", ".a", "a_.b", "a.b.c",
         "a b", "é-name", "team_A.v1-2", "a__b", "a--b", "x-.-y", "UPPER", "1-2-3", "a/b", "a:b", "tab\t", "_a", "a_",
         "w" * 30 + "-" + "w" * 32, "w" * 30 + "--" + "w" * 32]
_edge = pd.Series(_edge, index=_edge)
for _names, _name in ((_real, "valid_name(catalog names)"), (_edge, "valid_name(names at the edges of the rule)")):
    _answer = call(valid_name, _names.copy(), name="valid_name")
    expect.set(f"{_name}, the names you mark valid", _judged_valid(_answer, _names, _name), _rule, what="name")
_real_tags = pd.Series(sorted({str(t) for d in _cat["doc"] for t in (d.get("metadata") or {}).get("tags") or []}))
_edge_tags = ["java", "tier-1", "a", "1", "x" * 63, "x" * 64, "", "-", "a-", "-a", "a--b", "a_b", "A", "Java",
              "java 17", "node.js", "k8s-prod-eu", "w" * 31 + "-" + "w" * 31, "c++", "c#", "k8s:prod", "-c++", "c++-"]
for _tags, _name in ((_real_tags, "valid_tag(catalog tags)"), (pd.Series(_edge_tags), "valid_tag(tags at the edges of the rule)")):
    _tags.index = _tags.to_numpy()
    _answer = call(valid_tag, _tags.copy(), name="valid_tag")
    expect.set(f"{_name}, the tags you mark valid", _judged_valid(_answer, _tags, _name), _tag_rule, what="tag")
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
from graders import call
from graders.hidden import expect

_rule = ("kind = text before the first ':' (else default_kind); namespace = text before the first '/' of the rest "
         "(else default_namespace); the result is kind:namespace/name in lower case.")
_cases = [("group:payments-eu", "group"), ("refunds", "group"), ("API:Finance/Ledger-V3", "api"),
          ("Group:Default/Platform", "group"), ("user:jane.doe", "group"), ("Component:search-API", "component"),
          ("tools/portal", "system"), ("Portal-Web", "Component"), ("resource:orders-db", "component"),
          ("dev.infra", "group"), ("group:dev.infra", "user")]
_with_ns = [("sre", "group", "infra"), ("ledger-db", "resource", "Infra"), ("default/ops", "group", "infra"),
            ("api:ledger-v2", "api", "finance"), ("group:other/ops", "group", "infra")]
for _args in [(*c, "default") for c in _cases] + _with_ns:
    _answer = call(full_ref, *_args, name="full_ref")
    _shown = ", ".join(repr(a) for a in _args)
    expect.value(f"full_ref({_shown})", _answer, _rule,
                 hint="fill in the defaults first, then lower-case the whole reference; use the namespace you are given.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (4 points) · Find the dangling references
#
# A reference **dangles** when it names no entity of the catalog: the portal cannot draw the
# relation, and whatever is routed along it (a page, a cost report, a security finding) goes
# nowhere. Write `dangling_references(entities)` returning a **DataFrame with the columns `source`,
# `field` and `target`**, one row per dangling reference, sorted by `source`, `field`, `target`,
# without repeated rows and with a default index. `source` is the referring entity's own full
# reference, `field` the `spec` field's name (e.g. `"owner"`) and `target` the reference in full
# form (Exercise 3). The reference fields, with the kind Backstage assumes when a reference leaves
# it out, are in `REFERENCE_FIELDS` below (`""`: Backstage assumes none).
#
# For example, a User `jane.doe` whose `memberOf` lists a team `qa-guild` that no Group describes
# gives the row `user:default/jane.doe | memberOf | group:default/qa-guild`. Reading 2 says how
# Backstage resolves a reference: resolve each one the way it does.

# %% nbgrader={"grade_id": "ex-4-fields", "locked": true}
REFERENCE_FIELDS = {  # field: the kind a reference without one gets ("" = none: the kind must be written)
    "owner": "group", "system": "system", "domain": "domain", "dependsOn": "",
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
check(bool(_refs.str.fullmatch(r"[^:/A-Z]*:[^:/A-Z]+/[^:/A-Z]+").all()), _name,
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

from graders import call, check, check_type
from graders.hidden import expect
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
       system="portal", dependsOn=["Component:Portal-Web", "portal-api"]),
    _e("API", "portal-api-v1", type="openapi", lifecycle="production", owner="platform", system="portal",
       definition="openapi: 3.0.0"),
    _e("Resource", "portal-db", type="database", owner="group:platform", system="portal"),
    _e("Component", "ledger-api", "infra", type="service", lifecycle="production", owner="ops", system="ledger",
       providesApis=["ledger-v2"], consumesApis=["api:default/portal-api-v1"], dependsOn=["resource:ledger-db"]),
    _e("Resource", "ledger-db", "infra", type="database", owner="ops", system="ledger"),
    _e("Component", "orphan", type="library", lifecycle="deprecated", system="missing-system"),
]
_rule = ("resolve each reference with the field's default kind and the referring entity's namespace, compare full "
         "references in lower case, and count every kind of entity (Users too) as a possible target; look at every "
         "field of REFERENCE_FIELDS, in lists as well as single values. Rows are shown as 'source | field | target'.")
for _ents, _name in ((list(_load_catalog()["doc"]), "dangling_references(entities)"),
                     (_mini, "dangling_references (on a hand-made catalog)")):
    _answer = call(dangling_references, _copy.deepcopy(_ents), name="dangling_references")
    check_type(_answer, pd.DataFrame, _name, hint="return a DataFrame with one row per dangling reference.")
    check(all(c in _answer.columns for c in ["source", "field", "target"]), _name,
          f"needs the columns source, field and target; it has {list(_answer.columns)}.")
    _rows = _answer[["source", "field", "target"]].astype(str).reset_index(drop=True)
    expect.set(f"{_name}, as a set of rows", set(_rows["source"] + " | " + _rows["field"] + " | " + _rows["target"]),
               _rule, what="dangling reference")
    expect.frame(_name, _rows, "sorted by source, field, target, without repeated rows.", what="dangling reference",
                 key=["source", "field", "target"])
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
# `spec.dependsOn` (on Components and Resources) says what an entity needs in order to run. When
# entities depend on each other in a circle — directly or through others — none of them can be
# deployed, restarted or retired on its own: the owning teams must untangle them together.
#
# Write `dependency_cycles(entities)` returning the **groups of entities caught in such a
# tangle**: a list of groups, each a **sorted list of full references** (Exercise 3), the list of
# groups itself sorted. Each entity is in at most one group, and a group holds every entity that
# the same tangle catches, so the owners of one group can fix it without waiting for another.
# An entity in no circle is in no group. For example, if `a` depends on `b` and `b` on `a`, the
# answer is `[["component:default/a", "component:default/b"]]`. Resolve `dependsOn` the way
# Backstage does (Reading 2); `networkx` is imported as `nx`.

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
            graph.add_edge(source, full_ref(str(ref), REFERENCE_FIELDS["dependsOn"], namespace))
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

from graders import call, check
from graders.hidden import expect
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
    _e("Component", "solo-lib", deps=["solo"]),  # no kind: Backstage gives dependsOn no default, so no cycle
]
_rule = ("a dependency cycle is a strongly connected component of the dependsOn graph with two or more members "
         "(overlapping cycles form one group); nodes are full references in lower case.")
for _ents, _name in ((list(_load_catalog()["doc"]), "dependency_cycles(entities)"),
                     (_mini, "dependency_cycles (on a hand-made catalog with overlapping cycles)")):
    _answer = call(dependency_cycles, _copy.deepcopy(_ents), name="dependency_cycles")
    check(isinstance(_answer, list), _name, f"should be a list; got {type(_answer).__name__}.")
    check(all(isinstance(g, (list, tuple, set)) for g in _answer), _name, "should be a list of groups (lists).")
    expect.number(f"{_name}: number of groups", len(_answer), _rule,
                  hint="two cycles that share an entity are one group; count groups, not edges or simple cycles.")
    expect.value(f"{_name}: the members of the groups", sorted(sorted(str(x) for x in g) for g in _answer), _rule,
                 hint="resolve each dependsOn target with full_ref and the entity's own namespace.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-4-intro", "locked": true}
# ## Lab 4 · How many entities does each problem touch?
#
# With your functions you can now list the catalog's problems. Run the cell to see the invalid
# names, the dangling references and the cycles side by side. Which problems would a developer
# notice first in a portal? Which would only show up during an incident?

# %% nbgrader={"grade_id": "lab-4-problems", "locked": true}
try:
    print("Names Backstage rejects:", sorted(catalog.loc[~valid_name(catalog["name"]), "name"]))
    # A house lint (Tidewater's own, stricter than Backstage): no two separators in a row.
    print("Accepted by Backstage, refused by the house lint:",
          sorted(catalog.loc[valid_name(catalog["name"]) & catalog["name"].str.contains(r"[-_.]{2}"), "name"]))
    _tags = pd.Series(sorted({t for d in entities for t in (d["metadata"].get("tags") or [])}))
    print("Invalid tags:", list(_tags[~valid_tag(_tags)]))
    same = catalog.assign(lower=catalog["name"].str.lower()).duplicated(["kind", "namespace", "lower"], keep=False)
    print("Names used twice (ignoring case):", sorted(catalog.loc[same, "name"]))
    display(dangling_references(entities))
    print("Dependency cycles:", dependency_cycles(entities))
    # Your Exercise 2 against Backstage's own validators (catalog-model), on every name and tag:
    _tool = valid_by_backstage(list(catalog["name"]), list(_tags))
    print("Names where valid_name disagrees with Backstage:",
          sorted(catalog.loc[valid_name(catalog["name"]).to_numpy() != np.array(_tool["names"]), "name"]))
    print("Tags where valid_tag disagrees with Backstage:", list(_tags[valid_tag(_tags).to_numpy() != np.array(_tool["tags"])]))
except ArtifactError as exc:
    print(exc)
except NotImplementedError:
    print("Answer Exercises 2, 4 and 5 first: this lab uses your functions.")

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Ownership coverage per team
#
# The CMDB (`services`) says which team owns each service; the teams' Groups live in the namespace
# `default`. The catalog is **right about a service** when it holds a Component of that name (the
# `service_id`) that Backstage would show as owned by the team the CMDB names. If several
# components share the name, one with the right owner is enough.
#
# Write `ownership_coverage(entities, services)` returning a **Series indexed by `team_id`**
# (every team in `services`): the **percentage (0 to 100)** of the team's services the catalog is
# right about. This is the metric the platform team will publish every week, and the number a
# team lead will argue with: decide from Readings 1 and 2 which services count and when an owner
# names the team, so that the number is one you can defend.

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

from graders import call
from graders.hidden import expect
from workbook import load as _load
from workbook.data import load_catalog as _load_catalog

_s = _load("services")
_real = list(_load_catalog()["doc"])
_rule = ("per team: 100 x (services of the team with a Component of the same name, compared case-insensitively, whose "
         "owner resolves to group:default/<team_id>) / (services of the team).")
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
            if comps % 6 == 1:  # moved to another namespace: a bare owner now means a group there
                d["metadata"]["namespace"] = "infra"
                if comps % 12 == 1 and d["spec"].get("owner"):
                    d["spec"]["owner"] = "group:default/" + str(d["spec"]["owner"]).split(":")[-1]
        out.append(d)
    return out
_svc2 = _s[_s.index % 3 != 0]
for _ents, _svc, _name in ((_real, _s, "ownership_coverage(entities, services)"),
                           (_perturbed(_real, _s), _s, "ownership_coverage (on a changed catalog)"),
                           (_perturbed(_real, _s), _svc2, "ownership_coverage (changed catalog, fewer services)")):
    _answer = call(ownership_coverage, _copy.deepcopy(_ents), _svc.copy(), name="ownership_coverage")
    expect.series(_name, _answer, _rule, what="team")
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

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · A platform for 100+ services: what each part does
#
# Tidewater runs more than a hundred services. At that size an internal developer platform is
# not one tool but a few parts with clear jobs (CNCF TAG App Delivery, 2023; Backstage, n.d.-a):
#
# | Part | Its job | Tidewater's example |
# |---|---|---|
# | **Portal** | the front door: one place where developers find software, docs and actions | the Backstage web app |
# | **Catalog** | the data: every entity, its owner and its relations | this week's descriptors |
# | **Templates** | golden paths as code: create a new service, database or pipeline correctly | Software Templates |
# | **Orchestration** | does the work a request implies: repositories, pipelines, namespaces, cloud resources | CI/CD, infrastructure controllers |
# | **APIs** | let other tools and teams automate against the platform, not only click | the catalog API, the platform CLI |
#
# The catalog is the part everything else reads. A scorecard of **readiness** per System tells
# the platform team where the portal would already work and where it would mislead: a System whose
# owner does not resolve routes alerts nowhere; one without an API entity cannot be consumed
# through the portal; one whose components lack a runbook link leaves the on-call engineer
# searching a wiki at 3 a.m. Backstage lets every entity carry such `metadata.links`, each with
# a `url`, `title` and optional `type` (Backstage, n.d.-b).

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (3 points) · An adoption-readiness table per System
#
# Write `readiness_table(entities)` returning a **DataFrame indexed by the System's full reference**
# (`system:<namespace>/<name>`, lower case, sorted A to Z), one row per **System** entity, with four
# boolean columns:
#
# - `has_owner`: the System's `spec.owner`, resolved with `full_ref` (default kind `"group"`, the
#   System's namespace), is the full reference of an entity of the catalog (a Group or a User);
# - `has_api`: at least one **API** entity's `spec.system`, resolved with `full_ref` (default kind
#   `"system"`, the API's namespace), is this System;
# - `has_runbook`: the System has at least one Component (resolved the same way) and **every**
#   Component of the System has a link of `type` `"runbook"` in `metadata.links`;
# - `ready`: all three.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
def readiness_table(entities: list) -> pd.DataFrame:
    """Per System (full reference): has_owner, has_api, has_runbook and ready."""
    ### BEGIN SOLUTION
    def own(doc):
        meta = doc.get("metadata") or {}
        return f"{doc['kind']}:{meta.get('namespace', 'default')}/{meta['name']}".lower()

    def part_of(doc):
        system = (doc.get("spec") or {}).get("system")
        return full_ref(str(system), "system", (doc.get("metadata") or {}).get("namespace", "default")) if system else None

    known = {own(doc) for doc in entities}
    systems = sorted(own(doc) for doc in entities if doc.get("kind") == "System")
    owners = {own(doc): full_ref(str((doc.get("spec") or {}).get("owner") or ""), "group",
                                 (doc.get("metadata") or {}).get("namespace", "default"))
              for doc in entities if doc.get("kind") == "System" and (doc.get("spec") or {}).get("owner")}
    with_api = {part_of(doc) for doc in entities if doc.get("kind") == "API"}
    runbook = {}
    for doc in entities:
        if doc.get("kind") == "Component" and part_of(doc):
            links = (doc.get("metadata") or {}).get("links") or []
            has = any(isinstance(link, dict) and link.get("type") == "runbook" for link in links)
            runbook[part_of(doc)] = runbook.get(part_of(doc), True) and has
    table = pd.DataFrame({"has_owner": [owners.get(s) in known for s in systems],
                          "has_api": [s in with_api for s in systems],
                          "has_runbook": [runbook.get(s, False) for s in systems]},
                         index=pd.Index(systems, name="system"))
    table["ready"] = table.all(axis=1)
    return table
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: readiness_table has one row per System and four boolean columns."""
from graders import call, check, check_type, passed

_answer = call(readiness_table, list(entities), name="readiness_table")
_name = "readiness_table(entities)"
check_type(_answer, pd.DataFrame, _name)
_cols = ["has_owner", "has_api", "has_runbook", "ready"]
check(all(c in _answer.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(len(_answer) == int((catalog["kind"] == "System").sum()), _name, "should have one row per System entity.")
check(all(str(i).startswith("system:") for i in _answer.index) and list(_answer.index) == sorted(_answer.index), _name,
      "should be indexed by the Systems' full references (system:namespace/name), sorted.")
check(all(_answer[c].dtype == bool for c in _cols), _name, "should hold booleans (True/False) in the four columns.")
passed("readiness_table")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of readiness_table (2 points) run when your notebook is graded:
# on this week's catalog and on a hand-made catalog with namespaces and partial runbooks.
from graders import call

_ = call(readiness_table, list(entities), name="readiness_table")
### BEGIN HIDDEN TESTS
import copy as _copy

from graders import call, check, check_type
from graders.hidden import expect
from workbook.data import load_catalog as _load_catalog

def _e(kind, name, ns=None, links=(), **spec):
    meta = {"name": name, **({"namespace": ns} if ns else {}), **({"links": list(links)} if links else {})}
    return {"apiVersion": "backstage.io/v1alpha1", "kind": kind, "metadata": meta, "spec": spec}
_rb = [{"url": "https://runbooks.example/x", "title": "Runbook", "type": "runbook"}]
_dash = [{"url": "https://grafana.example/x", "title": "Runbook dashboard", "type": "dashboard"}]
_mini = [
    _e("Group", "platform", type="team", children=[]), _e("Group", "ops", "infra", type="team", children=[]),
    _e("User", "jane.doe", memberOf=["platform"]),
    _e("System", "portal", owner="platform"), _e("System", "ledger", "infra", owner="ops"),
    _e("System", "billing", "infra", owner="platform"), _e("System", "Wiki", owner="user:jane.doe"),
    _e("System", "empty", owner="group:platform"),
    _e("Component", "portal-web", links=_rb, type="website", lifecycle="production", owner="platform", system="portal"),
    _e("Component", "portal-api", links=_rb + _dash, type="service", lifecycle="production", owner="platform", system="Portal"),
    _e("API", "portal-api-v1", type="openapi", lifecycle="production", owner="platform", system="portal", definition="x"),
    _e("Component", "ledger-api", "infra", links=_rb, type="service", lifecycle="production", owner="ops", system="ledger"),
    _e("API", "ledger-v1", "infra", type="openapi", lifecycle="production", owner="ops", system="ledger", definition="x"),
    _e("API", "billing-v1", type="openapi", lifecycle="production", owner="ops", system="billing", definition="x"),
    _e("Component", "billing-job", "infra", links=_rb, type="service", lifecycle="production", owner="ops", system="billing"),
    _e("Component", "wiki-web", links=_dash, type="website", lifecycle="production", owner="platform", system="wiki"),
    _e("API", "wiki-v1", type="openapi", lifecycle="production", owner="platform", system="system:default/wiki", definition="x"),
    _e("Component", "wiki-search", links=_rb, type="service", lifecycle="production", owner="platform", system="wiki"),
]
_rule = ("one row per System, indexed by its full reference; has_owner: owner (default kind group, the System's namespace) "
         "is an entity; has_api: an API's system resolves to it; has_runbook: it has Components and every one has a "
         "link of type 'runbook'; ready: all three.")
for _ents, _name in ((list(_load_catalog()["doc"]), "readiness_table(entities)"),
                     (_mini, "readiness_table (on a hand-made catalog)")):
    _answer = call(readiness_table, _copy.deepcopy(_ents), name="readiness_table")
    check_type(_answer, pd.DataFrame, _name)
    _cols = ["has_owner", "has_api", "has_runbook", "ready"]
    check(all(c in _answer.columns for c in _cols), _name, f"needs the columns {_cols}.")
    _shown = _answer[_cols].astype(bool).replace({True: "yes", False: "no"}).astype(str)
    expect.frame(_name, _shown.rename_axis("system").reset_index().astype({"system": str}), _rule, what="System",
                 key=["system"], hint="resolve references with full_ref and the referring entity's own namespace.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-6-readiness", "locked": true}
# Which Systems are ready for the portal, and what is missing most often? (This cell uses your
# `readiness_table`.)

# %% nbgrader={"grade_id": "lab-6-readiness-table", "locked": true}
try:
    readiness = readiness_table(entities)
    print(f"{int(readiness['ready'].sum())} of {len(readiness)} Systems are ready; missing most often:")
    display((~readiness[["has_owner", "has_api", "has_runbook"]]).sum().rename("Systems missing it").to_frame())
    display(readiness[~readiness["ready"]].head(10))
except NotImplementedError:
    print("Answer Exercise 7 first: this lab uses your readiness_table.")

# %% [markdown] nbgrader={"grade_id": "reading-5", "locked": true}
# ## Reading 5 · Software Templates: a new service in minutes, correct from the start
#
# The curriculum's target for the portal is that a developer creates a **new service in under
# five minutes**. Backstage's **Software Templates** (the scaffolder) are how: a `Template` entity,
# `apiVersion: scaffolder.backstage.io/v1beta3`, describes a form and the steps that run when it
# is submitted (Backstage, n.d.-e):
#
# - `spec.parameters`: the form, written as **JSON Schema** (one object, or a list of pages). The
#   portal renders it and validates the answers against it before anything runs, so the schema
#   *is* the organisation's rule book: `type`, `required`, `properties`, `pattern`, `enum`,
#   `minLength`/`maxLength`, `default` and `additionalProperties` are the keywords you will use
#   (JSON Schema, 2020). Two of them surprise people. A `pattern` is **not anchored**: it passes
#   when it matches *somewhere* in the value, so `"[a-z]+"` accepts `"Parcel Tracker!"`. And an
#   object accepts properties it does not list unless `additionalProperties` says otherwise, so a
#   typo such as `owners` slips through silently. (`ui:` keys such as `ui:field: OwnerPicker` only
#   change the widgets; they enforce nothing.)
# - `spec.steps`: the actions, each with an `id`, a `name`, an `action` and its `input`, for
#   example `fetch:template` (render the skeleton files), `publish:github` (create the repository)
#   and `catalog:register` (register its `catalog-info.yaml`); inputs are filled in with
#   `${{ parameters.name }}` expressions;
# - `spec.output`: links and text shown when the run ends (the repository, the catalog entry).
#
# **The skeleton.** `fetch:template` copies a folder of files and renders the path and the text of
# each with **nunjucks**, Backstage's templating engine, configured with `${{` and `}}` as the
# variable tags (so `{{ }}`, e.g. in a GitHub Actions file, stays literal text) and without HTML
# escaping; the step's `values` are in scope as `values`, so a skeleton writes
# `${{ values.name }}` (Backstage, n.d.-f). Filters change a value on the way: `| lower`,
# `| replace("-", "_")`, and `| dump`, which writes the value as a JSON string. A value that is
# not defined renders as **empty text**, without an error. And the rendered `catalog-info.yaml` is
# read again **as YAML**, so what the developer typed becomes YAML syntax: a description
# containing `: ` or ` #` breaks the file or loses its end, and a name such as `2024`, `1e3` or
# `true` comes back as a number or a boolean, which the catalog rejects. A JSON string is valid
# YAML, so `${{ values.description | dump }}` always reads back as the same text.
#
# A template is the cheapest place to stop catalog defects: if the form only accepts what the
# catalog accepts and owners that exist, and the skeleton writes every answer back faithfully, no
# new service is ever invalid or unowned.

# %% [markdown] nbgrader={"grade_id": "lab-7-intro", "locked": true}
# ## Lab 7 · Tidewater's new-service template, judged by Backstage's own tools
#
# The platform team has drafted the template below (`TEMPLATE_DRAFT`, YAML text). Its form is
# yours to write in Exercise 8 and its skeleton in Exercise 9. Two of Backstage's own tools run in
# this notebook (through Node.js, installed with the course): `judge_entities(list_of_dicts)`
# runs the checks the **catalog** runs on every entity it reads (`@backstage/catalog-model`: the
# envelope, name, tag and field-format policies and the validator of each kind) and returns their
# messages, and `render_skeleton({path: text}, [values, ...])` renders skeleton files with
# **nunjucks**, configured as `fetch:template` configures it. `read_yaml(text)` parses YAML and
# names the line when it does not parse. Run the cell, then try the tools on your own YAML.

# %% nbgrader={"grade_id": "lab-7-template", "locked": true}
import jsonschema
import yaml

OWNERS = sorted(d["metadata"]["name"] for d in entities if d["kind"] == "Group" and d["spec"].get("type") == "team")
TEMPLATE_DRAFT = """\
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: new-service
  title: New service
  description: A service with a repository, the standard pipeline and a catalog entry
spec:
  owner: group:developer-experience
  type: service
  parameters: {}   # the form: Exercise 8
  steps:
    - id: fetch
      name: Render the skeleton
      action: fetch:template
      input:
        url: ./skeleton          # the files: Exercise 9
        values:
          name: ${{ parameters.name }}
          owner: ${{ parameters.owner }}
          description: ${{ parameters.description }}
          language: ${{ parameters.language }}
    - id: publish
      name: Create the repository
      action: publish:github
      input:
        repoUrl: github.com?owner=tidewater&repo=${{ parameters.name }}
        description: ${{ parameters.description }}
    - id: register
      name: Register in the catalog
      action: catalog:register
      input:
        repoContentsUrl: ${{ steps['publish'].output.repoContentsUrl }}
        catalogInfoPath: /catalog-info.yaml
  output:
    links:
      - title: Repository
        url: ${{ steps['publish'].output.remoteUrl }}
      - title: Open in catalog
        icon: catalog
        entityRef: ${{ steps['register'].output.entityRef }}
"""
print(f"{len(OWNERS)} teams may own a service, e.g. {OWNERS[:4]}")
try:  # nunjucks as fetch:template configures it: ${{ }} is rendered, {{ }} stays as it is
    print(render_skeleton({"catalog-info.yaml": "name: ${{ values.name }}\ntitle: ${{ values.title | dump }}\n"
                                                "run: {{ github.sha }}\n"},
                          [{"name": "demo", "title": "Demo: the #1 service"}])[0]["files"]["catalog-info.yaml"])
except ArtifactError as exc:
    print(exc)

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (3 points) · The template's form
#
# Assign to `TEMPLATE_YAML` the **whole Template as YAML text**: the draft above with a form
# (`spec.parameters`) that enforces Tidewater's rules for a new service:
#
# - a service has a **name the catalog will accept** (Reading 2), an **owning team** that exists
#   (one of the `OWNERS`: only teams own services), and a **description** a reader can use
#   (10 to 200 characters);
# - it is written in one of the golden paths' languages, `python`, `go` or `java`; a developer who
#   does not choose gets `python`;
# - the form asks for nothing else, and refuses anything else.
#
# For example, `{"name": "parcel-tracker", "owner": "shipping", "description": "Tracks parcels for
# customers."}` is a right answer to the form, and so is the same with `"language": "go"`; a form
# without an owner, or with the name `parcel tracker`, is not. You may write the YAML by hand or
# build it with Python (`yaml.safe_load(TEMPLATE_DRAFT)`, change it, `yaml.safe_dump`). The checks
# read the form the way the portal validates it (JSON Schema draft 7); a list of pages is read as
# one form that every page must accept.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_template = yaml.safe_load(TEMPLATE_DRAFT)
_template["spec"]["parameters"] = [{
    "title": "Your new service",
    "type": "object",
    "required": ["name", "owner", "description"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "title": "Service name", "maxLength": 63,
                 "pattern": r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"},
        "owner": {"type": "string", "title": "Owning team", "enum": OWNERS},
        "description": {"type": "string", "minLength": 10, "maxLength": 200},
        "language": {"type": "string", "enum": ["python", "go", "java"], "default": "python"},
    },
}]
TEMPLATE_YAML = yaml.safe_dump(_template, sort_keys=False)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: TEMPLATE_YAML is a Template whose form accepts and refuses the examples of the exercise."""
from graders import check, passed

check("TEMPLATE_YAML" in globals(), "TEMPLATE_YAML", "is not defined yet: assign the Template as YAML text.")
try:
    _docs = read_yaml(TEMPLATE_YAML, "TEMPLATE_YAML")
except ArtifactError as _exc:
    _docs = None
    check(False, "TEMPLATE_YAML", str(_exc))
check(len(_docs) == 1 and isinstance(_docs[0], dict), "TEMPLATE_YAML", f"should hold one YAML document (a mapping); it holds {len(_docs)}.")
_tpl = _docs[0]
check(_tpl.get("apiVersion") == "scaffolder.backstage.io/v1beta3" and _tpl.get("kind") == "Template", "TEMPLATE_YAML",
      f"should be a Template of apiVersion scaffolder.backstage.io/v1beta3; it is kind {_tpl.get('kind')!r}, "
      f"apiVersion {_tpl.get('apiVersion')!r}.")
_pages = (_tpl.get("spec") or {}).get("parameters")
_pages = _pages if isinstance(_pages, list) else [_pages]
check(all(isinstance(p, dict) for p in _pages), "TEMPLATE_YAML: spec.parameters", "should be a JSON Schema object or a list of them.")
for _page in _pages:
    try:
        jsonschema.Draft7Validator.check_schema(_page)
    except jsonschema.SchemaError as _exc:
        check(False, "TEMPLATE_YAML: spec.parameters", f"is not a valid JSON Schema: {_exc.message}")
_accepts = lambda form: all(jsonschema.Draft7Validator(p).is_valid(form) for p in _pages)
_good = {"name": "parcel-tracker", "owner": "shipping", "description": "Tracks parcels for customers."}
check(_accepts(_good) and _accepts({**_good, "language": "go"}), "TEMPLATE_YAML: spec.parameters",
      "refuses a right answer of the exercise's examples.")
check(not _accepts({k: v for k, v in _good.items() if k != "owner"}), "TEMPLATE_YAML: spec.parameters",
      "accepts a form without an owner.")
check(not _accepts({**_good, "name": "parcel tracker"}), "TEMPLATE_YAML: spec.parameters",
      "accepts the name 'parcel tracker', which the catalog refuses.")
passed("TEMPLATE_YAML")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of TEMPLATE_YAML (2 points) run when your notebook is graded:
# forms at the edges of each rule, each answered by your form.
from graders import check

check("TEMPLATE_YAML" in globals(), "TEMPLATE_YAML", "is not defined yet.")
### BEGIN HIDDEN TESTS
from graders import check
from graders.hidden import expect
from workbook.backstage import ArtifactError as _ArtifactError
from workbook.backstage import read_yaml as _read_yaml

try:
    _tpl = _read_yaml(TEMPLATE_YAML, "TEMPLATE_YAML")[0]
    _pages = _tpl["spec"]["parameters"]
    _pages = _pages if isinstance(_pages, list) else [_pages]
    _validators = [jsonschema.Draft7Validator(p) for p in _pages]
except (_ArtifactError, LookupError, TypeError, jsonschema.SchemaError) as _exc:
    _validators = None
    check(False, "TEMPLATE_YAML", f"cannot be read as a Template with a form: {_exc}")
_base = {"name": "parcel-tracker", "owner": "checkout", "description": "Tracks parcels for customers."}
_forms = {
    "a right form": _base,
    "a right form with language java": {**_base, "language": "java"},
    "a name with two separators in a row (the catalog accepts it)": {**_base, "name": "parcel--tracker"},
    "a name with dots and underscores": {**_base, "name": "Parcel.Tracker_v2"},
    "a name of 63 characters": {**_base, "name": "p" * 63},
    "a name of one character": {**_base, "name": "p"},
    "a name of 64 characters": {**_base, "name": "p" * 64},
    "a name ending with a separator": {**_base, "name": "parcel-tracker-"},
    "a name starting with a separator": {**_base, "name": "_parcel-tracker"},
    "a name with a slash": {**_base, "name": "parcel/tracker"},
    "an empty name": {**_base, "name": ""},
    "an owner that is a business unit, not a team": {**_base, "owner": "fulfilment"},
    "an owner that does not exist": {**_base, "owner": "payments-legacy"},
    "an owner written as a reference": {**_base, "owner": "group:checkout"},
    "no description": {k: v for k, v in _base.items() if k != "description"},
    "a description of 9 characters": {**_base, "description": "Too short"},
    "a description of 10 characters": {**_base, "description": "Just right"},
    "a description of 201 characters": {**_base, "description": "d" * 201},
    "language rust": {**_base, "language": "rust"},
    "an extra property": {**_base, "owners": "checkout"},
    "a number as name": {**_base, "name": 42},
}
_rule = ("the form accepts exactly: a name the catalog accepts (1-63 characters, letters/digits at both ends, - _ . inside; "
         "the pattern anchored), an owner among the teams (OWNERS), a description of 10-200 characters, an optional "
         "language python/go/java, and nothing else.")
for _label, _form in _forms.items():
    expect.value(f"your form on {_label}: accepted?", bool(_validators) and all(v.is_valid(_form) for v in _validators), _rule)
_defaults = [((p.get("properties") or {}).get("language") or {}).get("default") for p in _pages if isinstance(p, dict)]
expect.value("your form: the language a developer gets without choosing", next((d for d in _defaults if d), None), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (4 points) · The skeleton
#
# Assign to `SKELETON` the template's **skeleton folder as a dict `{path: text}`**: the files
# `fetch:template` renders with the `values` of the draft's first step (`name`, `owner`,
# `description`, `language`, as the form of Exercise 8 accepted them). Whatever a developer
# answers on a right form, the rendered files must hold, at `catalog-info.yaml`, the new
# service's entity that Tidewater's catalog accepts and can route: a Component that is a
# service, with the developer's name, description and language (as a tag), owned by the chosen
# team, and marked as **not yet in production**. Add any other file a new repository should have
# (a `README.md`, a pipeline); each must render.
#
# For example, the answers `{"name": "parcel-tracker", "owner": "shipping", "description":
# "Tracks parcels for customers.", "language": "python"}` must give a `catalog-info.yaml` whose
# Component `parcel-tracker` is owned by `group:default/shipping`. The check cells render your
# skeleton with Backstage's nunjucks set-up and judge the result with Backstage's catalog-model.

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
SKELETON = {
    "catalog-info.yaml": """\
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${{ values.name | dump }}
  description: ${{ values.description | dump }}
  tags:
    - ${{ values.language | dump }}
spec:
  type: service
  lifecycle: experimental
  owner: group:${{ values.owner }}
""",
    "README.md": "# ${{ values.name }}\n\n${{ values.description }}\n\nOwned by the ${{ values.owner }} team.\n",
    ".github/workflows/ci.yaml": "name: ci\non: push\njobs:\n  build:\n    uses: tidewater/pipelines/.github/workflows/"
                                "${{ values.language }}.yaml@v3\n    with:\n      sha: ${{ '{{' }} github.sha }}\n",
}
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: SKELETON renders the example of the exercise into a Component the catalog accepts."""
from graders import check, passed

check("SKELETON" in globals() and isinstance(SKELETON, dict), "SKELETON", "is not defined yet: assign a dict {path: text}.")
check("catalog-info.yaml" in SKELETON, "SKELETON", f"has no catalog-info.yaml at its root; its paths are {sorted(SKELETON)}.")
_values = {"name": "parcel-tracker", "owner": "shipping", "description": "Tracks parcels for customers.", "language": "python"}
_out = render_skeleton(SKELETON, [_values])[0]
check(_out["error"] is None, "SKELETON", f"does not render with nunjucks: {_out['error']}")
check("catalog-info.yaml" in _out["files"], "SKELETON", "renders no catalog-info.yaml (a path renders to another name).")
try:
    _docs = read_yaml(_out["files"]["catalog-info.yaml"], "the rendered catalog-info.yaml")
except ArtifactError as _exc:
    _docs = None
    check(False, "SKELETON", str(_exc))
check(len(_docs) == 1, "SKELETON", f"renders a catalog-info.yaml with {len(_docs)} YAML documents; it should describe one entity.")
_said = judge_entities(_docs)["entities"][0]["errors"]
check(not _said, "SKELETON: the rendered catalog-info.yaml", f"is refused by Backstage's catalog: {'; '.join(_said)}")
check(_docs[0].get("kind") == "Component" and _docs[0]["metadata"].get("name") == "parcel-tracker", "SKELETON",
      "should render the Component named after the form's name.")
passed("SKELETON")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of SKELETON (3 points) run when your notebook is graded:
# your skeleton rendered for other answers to the form, each judged by Backstage's catalog-model.
from graders import check

check("SKELETON" in globals(), "SKELETON", "is not defined yet.")
### BEGIN HIDDEN TESTS
from graders import check
from graders.hidden import expect
from workbook.backstage import ArtifactError as _ArtifactError
from workbook.backstage import judge_entities as _judge
from workbook.backstage import read_yaml as _read_yaml
from workbook.backstage import render_skeleton as _render

_cases = [{"name": "shelf-scanner", "owner": "checkout", "description": "Scans the shelves of a store.", "language": "go"},
          {"name": "Label.Printer_v2", "owner": "warehouse", "description": "Prints labels: fast, #1 in every depot.",
           "language": "java"},
          {"name": "2024", "owner": "search", "description": 'The "year in search" report service.', "language": "python"},
          {"name": "stock--sync", "owner": "returns", "description": "- keeps stock in sync", "language": "python"}]
_rule = ("for every answer the form accepts, catalog-info.yaml renders to one Component the catalog accepts: the form's name "
         "and description unchanged, a service, lifecycle experimental, owned by group:default/<owner>, tagged with the "
         "language. Rendered values are read again as YAML.")
check(isinstance(SKELETON, dict), "SKELETON", "should be a dict {path: text}.")
_rendered, _made = _render(dict(SKELETON), _cases), []
for _values, _out in zip(_cases, _rendered):
    _label = f"SKELETON rendered for the name {_values['name']!r}"
    check(_out["error"] is None, _label, f"does not render with nunjucks: {_out['error']}")
    try:
        _docs = _read_yaml(_out["files"].get("catalog-info.yaml", ""), "catalog-info.yaml")
    except _ArtifactError as _exc:
        _docs = None
        check(False, _label, str(_exc), _rule, hint="a value rendered into YAML is read again as YAML (Reading 5).")
    check(len(_docs) == 1 and isinstance(_docs[0], dict), _label, "should render catalog-info.yaml as one entity.")
    _made.append(_docs[0])
_verdict = _judge(_made, {"owner": "group"})
for _values, _e, _said in zip(_cases, _made, _verdict["entities"]):
    _label = f"SKELETON rendered for the name {_values['name']!r}"
    check(not _said["errors"], f"{_label}: catalog-info.yaml", f"is refused by Backstage's catalog: {'; '.join(_said['errors'])}",
          _rule, hint="a value rendered into YAML is read again as YAML (Reading 5).")
    _spec, _meta = _e.get("spec") or {}, _e.get("metadata") or {}
    _owner = [r["target"] for r in _verdict["references"] if r["source"] == _said["ref"]]
    expect.value(f"{_label}: the Component", {
        "kind": _e.get("kind"), "name": _meta.get("name"), "namespace": _meta.get("namespace", "default"),
        "description": _meta.get("description"), "type": _spec.get("type"), "lifecycle": _spec.get("lifecycle"),
        "language tagged": _values["language"] in (_meta.get("tags") or []), "owner": (_owner or [None])[0]}, _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-7-run", "locked": true}
# Try the golden path: change the answers below (a description with a colon, a name such as
# `2024`) and run the cell: your form judges the answers and your skeleton renders them (the
# commented line asks the catalog about the result). How long would a developer need from here to a deployable service,
# if `publish:github` and `catalog:register` ran automatically after this step?

# %% nbgrader={"grade_id": "lab-7-try", "locked": true}
_answers = {"name": "parcel-tracker", "owner": "shipping", "description": "Tracks parcels: for customers.", "language": "go"}
try:
    _form = read_yaml(TEMPLATE_YAML, "TEMPLATE_YAML")[0]["spec"]["parameters"]
    for _page in (_form if isinstance(_form, list) else [_form]):
        for _error in jsonschema.Draft7Validator(_page).iter_errors(_answers):
            print("The form refuses:", "/".join(map(str, _error.path)) or "the form", "-", _error.message)
    _out = render_skeleton(SKELETON, [_answers])[0]
    for _path, _text in _out["files"].items():
        print(f"--- {_path}\n{_text}")
    # To ask the catalog, as Exercise 9's check does: judge_entities(read_yaml(_out["files"]["catalog-info.yaml"]))
except ArtifactError as _exc:
    print(_exc)
except (NotImplementedError, NameError, KeyError, TypeError):
    print("Answer Exercises 8 and 9 first: this lab uses your TEMPLATE_YAML and SKELETON.")

# %% [markdown] nbgrader={"grade_id": "lab-8-intro", "locked": true}
# ## Lab 8 · Register a new product
#
# The fulfilment business unit is launching **Parcel Lockers**: customers pick up their parcels
# from lockers instead of waiting at home. The `delivery-tracking` team builds and runs it:
#
# - a **website** where customers find a locker and book a pick-up slot; it works through the
#   lockers service's REST interface;
# - a **lockers service** that holds the lockers and their bookings, offers that REST interface,
#   described with OpenAPI, to the website (and later to other teams), keeps its data in its own
#   PostgreSQL **database**, and learns when a parcel arrives from the shipping team's existing
#   interface `shipping-api-v1`.
#
# Nothing of it is in production yet. In the catalog, the product is one **System** of the
# fulfilment **Domain**. Writing it down is the work a team does on its first day with the
# portal, and the moment most dangling references and missing owners are born.

# %% [markdown] nbgrader={"grade_id": "ex-10-intro", "locked": true}
# ### Exercise 10 (4 points) · The product's catalog entities
#
# Assign to `PRODUCT_YAML` the product's **catalog entities as YAML text** (several documents
# separated by `---`, as in a `catalog-info.yaml`): every piece of Parcel Lockers described above,
# who owns it, what it is part of, what it provides, consumes and depends on. When the platform
# adds your entities to Tidewater's catalog (`entities`), Backstage must accept every one of them,
# every reference they make must lead to an entity, and they must close no dependency cycle. You
# choose the names (new ones: no entity of the catalog may be described twice).
#
# The check cell runs Backstage's catalog-model on each of your entities and quotes what it says;
# the hidden checks add them to the catalog and follow every reference the way Backstage does.

# %% nbgrader={"grade": false, "grade_id": "ex-10-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
PRODUCT_YAML = """\
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: parcel-lockers
  description: Customers pick up their parcels from lockers
spec:
  owner: group:delivery-tracking
  domain: fulfilment
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: parcel-lockers-web
  description: Find a locker and book a pick-up slot
spec:
  type: website
  lifecycle: experimental
  owner: group:delivery-tracking
  system: parcel-lockers
  consumesApis:
    - parcel-lockers-api-v1
  dependsOn:
    - component:parcel-lockers-service
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: parcel-lockers-service
  description: Lockers and their bookings
spec:
  type: service
  lifecycle: experimental
  owner: group:delivery-tracking
  system: parcel-lockers
  providesApis:
    - parcel-lockers-api-v1
  consumesApis:
    - shipping-api-v1
  dependsOn:
    - resource:parcel-lockers-db
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: parcel-lockers-api-v1
  description: Lockers, slots and bookings
spec:
  type: openapi
  lifecycle: experimental
  owner: group:delivery-tracking
  system: parcel-lockers
  definition: |
    openapi: 3.0.3
    info:
      title: Parcel lockers
      version: 1.0.0
    paths: {}
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: parcel-lockers-db
  description: PostgreSQL database of the lockers service
spec:
  type: database
  owner: group:delivery-tracking
  system: parcel-lockers
"""
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-10-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: PRODUCT_YAML parses, and Backstage's catalog-model accepts each of its entities."""
from graders import check, passed

check("PRODUCT_YAML" in globals(), "PRODUCT_YAML", "is not defined yet: assign the entities as YAML text.")
try:
    _docs = read_yaml(PRODUCT_YAML, "PRODUCT_YAML")
except ArtifactError as _exc:
    _docs = None
    check(False, "PRODUCT_YAML", str(_exc))
check(len(_docs) > 0, "PRODUCT_YAML", "holds no entity.")
for _i, _verdict in enumerate(judge_entities(_docs)["entities"]):
    _where = _verdict["ref"] or f"document {_i + 1}"
    check(not _verdict["errors"], f"PRODUCT_YAML: {_where}", f"is refused by Backstage's catalog: {'; '.join(_verdict['errors'])}")
check(any(d.get("kind") == "System" for d in _docs), "PRODUCT_YAML", "describes no System: the product is one System.")
passed("PRODUCT_YAML")

# %% nbgrader={"grade": true, "grade_id": "ex-10-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of PRODUCT_YAML (3 points) run when your notebook is graded: your entities added to
# Tidewater's catalog, every reference followed the way Backstage does, and the product's description.
from graders import check

check("PRODUCT_YAML" in globals(), "PRODUCT_YAML", "is not defined yet.")
### BEGIN HIDDEN TESTS
from graders import check
from graders.hidden import expect
from workbook.backstage import ArtifactError as _ArtifactError
from workbook.backstage import judge_entities as _judge
from workbook.backstage import read_yaml as _read_yaml
from workbook.data import load_catalog as _load_catalog

try:
    _new = [d for d in _read_yaml(PRODUCT_YAML, "PRODUCT_YAML") if isinstance(d, dict)]
except _ArtifactError as _exc:
    _new = []
    check(False, "PRODUCT_YAML", str(_exc))
_fields = {"owner": "group", "system": "system", "domain": "domain", "dependsOn": None, "providesApis": "api",
           "consumesApis": "api", "subcomponentOf": "component", "memberOf": "group", "parent": "group", "children": "group"}
_org = list(_load_catalog()["doc"])
_verdict = _judge(_new + _org, _fields, judge=len(_new))
_mine = {v["ref"] for v in _verdict["entities"]}
_org_deps = [r for r in _verdict["references"] if r["source"] not in _mine]
_verdict["references"] = [r for r in _verdict["references"] if r["source"] in _mine]
for _v in _verdict["entities"]:
    check(not _v["errors"], f"PRODUCT_YAML: {_v['ref']}", f"is refused by Backstage's catalog: {'; '.join(_v['errors'])}")
_own = lambda d: f"{d['kind']}:{d['metadata'].get('namespace') or 'default'}/{d['metadata']['name']}".lower()
_org_refs = {_own(d) for d in _org}
_refs = [v["ref"] for v in _verdict["entities"]]
_twice = sorted(r for r in _refs if r in _org_refs) + sorted({r for r in _refs if _refs.count(r) > 1})
check(not _twice, "PRODUCT_YAML", f"describes {_twice[:1]} again; every entity of the catalog is described once.")
_known = _org_refs | set(_refs)
_rule = ("added to the catalog, every reference must resolve the way Backstage resolves it (the field's default kind, "
         "none for dependsOn, and the referring entity's own namespace) to an entity.")
for _r in _verdict["references"]:
    check(_r["error"] is None, f"PRODUCT_YAML: {_r['source']}, spec.{_r['field']} {_r['ref']!r}",
          f"is refused by Backstage's parseEntityRef: {_r['error']}", _rule)
    check(_r["target"] in _known, f"PRODUCT_YAML: {_r['source']}, spec.{_r['field']} {_r['ref']!r}",
          f"resolves to {_r['target']}, which no entity of the catalog describes.", _rule)
_graph = nx.DiGraph([(r["source"], r["target"]) for r in _verdict["references"] + _org_deps
                     if r["field"] == "dependsOn" and r["target"]])
_loops = [sorted(g) for g in nx.strongly_connected_components(_graph) if len(g) > 1 and g & set(_refs)]
check(not _loops, "PRODUCT_YAML", f"closes a dependency cycle through {_loops[0] if _loops else ''}.",
      "entities that depend on each other in a circle cannot be deployed on their own.")
_by = {v["ref"]: d for v, d in zip(_verdict["entities"], _new)}
_rel = {}
for _r in _verdict["references"]:
    _rel.setdefault((_r["source"], _r["field"]), set()).add(_r["target"])
_systems = [r for r, d in _by.items() if d.get("kind") == "System"]
_sys = _systems[0] if len(_systems) == 1 else None
_part = {r for r in _by if _sys in _rel.get((r, "system"), set())}
_kind = lambda r, k, t=None: _by[r].get("kind") == k and (t is None or (_by[r].get("spec") or {}).get("type") == t)
_webs = {r for r in _part if _kind(r, "Component", "website")}
_svcs = {r for r in _part if _kind(r, "Component", "service")}
_apis = {r for r in _part if _kind(r, "API", "openapi")}
_dbs = {r for r in _part if _kind(r, "Resource", "database")}
_team = "group:default/delivery-tracking"
_rule = "the catalog must describe the product as Lab 8 does: its parts, their owner, what each provides, consumes and depends on."
_requirements = {
    "the product is one new System": _sys is not None,
    "the System belongs to the fulfilment Domain": _sys is not None and _rel.get((_sys, "domain")) == {"domain:default/fulfilment"},
    "the System, its Components, APIs and Resources are owned by the delivery-tracking team":
        bool(_part) and all(_rel.get((r, "owner")) == {_team} for r in _part | ({_sys} if _sys else set())),
    "the System has a website and a service Component": bool(_webs) and bool(_svcs),
    "the service provides an OpenAPI API of the System that the website consumes":
        any(_rel.get((s, "providesApis"), set()) & _rel.get((w, "consumesApis"), set()) & _apis for s in _svcs for w in _webs),
    "the service depends on a database Resource of the System": any(_rel.get((s, "dependsOn"), set()) & _dbs for s in _svcs),
    "the service consumes the shipping team's shipping-api-v1": any("api:default/shipping-api-v1" in _rel.get((s, "consumesApis"), set()) for s in _svcs),
    "the Components and APIs are marked as not yet in production":
        all((_by[r].get("spec") or {}).get("lifecycle") == "experimental" for r in _part if _by[r].get("kind") in ("Component", "API")),
}
for _what, _ok in _requirements.items():
    expect.value(f"PRODUCT_YAML: {_what}?", bool(_ok), _rule)
### END HIDDEN TESTS

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
# | 2 · valid names and tags | 4 | 3 |
# | 3 · entity references | 4 | 3 |
# | 4 · dangling references | 4 | 3 |
# | 5 · dependency cycles | 4 | 3 |
# | 6 · ownership coverage | 3 | 2 |
# | 7 · readiness per System | 3 | 2 |
# | 8 · the template's form | 3 | 2 |
# | 9 · the template's skeleton | 4 | 3 |
# | 10 · a new product's catalog entities | 4 | 3 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - A **service catalog** records, as data, every piece of software, its **owner**, what it is
#   part of and what it depends on; ownership is what makes it useful during incidents and for
#   everything the platform routes to teams.
# - Backstage descriptors share one envelope (`apiVersion`, `kind`, `metadata`, `spec`); names
#   follow the rule Backstage enforces (a stricter house lint is a separate choice) and are unique
#   per kind and namespace, ignoring case; tags have their own, lower-case rule.
# - **Entity references** `[kind:][namespace/]name` take their kind from the field and their
#   namespace from the referring entity; compare them in one full, lower-case form. `dependsOn`
#   has no default kind: write it.
# - Catalog quality is measurable: **validity**, **referential integrity**, **coverage** and
#   **cycles**. Publish it per team and readiness per System, and prevent defects at the source:
#   a Software Template whose JSON Schema form only accepts valid names and existing owners, and
#   whose skeleton writes every answer back faithfully (a rendered value is read again as YAML),
#   makes a new service in minutes that is right from the start.
# - Write catalog entities and templates in the format the tools read, and let the tools judge
#   them: Backstage's catalog-model says what the catalog will refuse, and says why.
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
# - Backstage (n.d.-f). *The `fetch:template` action* (source: `plugins/scaffolder-backend`, nunjucks
#   configured with `${{ }}` variable tags and without auto-escaping), and *@backstage/catalog-model*
#   1.10.3 (the entity policies and kind validators). https://github.com/backstage/backstage
# - CNCF TAG App Delivery (2023). *CNCF Platforms White Paper.*
#   https://tag-app-delivery.cncf.io/whitepapers/platforms/
# - Hagberg, A. A., Schult, D. A., & Swart, P. J. (2008). Exploring network structure, dynamics, and
#   function using NetworkX. In *Proceedings of the 7th Python in Science Conference (SciPy 2008)*,
#   11–15.
# - JSON Schema (2020). *JSON Schema Validation: A Vocabulary for Structural Validation of JSON*
#   (draft 2020-12). https://json-schema.org/draft/2020-12/json-schema-validation
# - Skelton, M., & Pais, M. (2019). *Team Topologies: Organizing Business and Technology Teams for
#   Fast Flow.* IT Revolution.
# - Tarjan, R. (1972). Depth-first search and linear graph algorithms. *SIAM Journal on Computing*,
#   1(2), 146–160.
