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
#    **Software Template** whose form and renderer only produce valid, owned services.

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
# `default`. **Tags** (`metadata.tags`) have their own rule: lower-case letters and digits in
# sequences separated by single `-`, at most 63 characters — `java` and `tier-1` are tags,
# `Legacy_Stack` is not (Backstage, n.d.-b).
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
# - `valid_tag(tags)`: `True` where the tag follows the tag rule: **1 to 63 characters**, runs of
#   lower-case letters and digits separated by **single** `-`. So `python` and `tier-1` are valid;
#   `Legacy_Stack`, `-beta`, `a--b` and `java 17` are not.
#
# Work on the whole Series at once (`Series.str.fullmatch` and `Series.str.len`), not with a
# Python loop.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def valid_name(names: pd.Series) -> pd.Series:
    """True where a name passes the metadata.name rule Backstage enforces."""
    ### BEGIN SOLUTION
    pattern = r"(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    return names.str.fullmatch(pattern) & (names.str.len() <= 63)
    ### END SOLUTION


def valid_tag(tags: pd.Series) -> pd.Series:
    """True where a tag follows the tag rule: lower-case letters and digits, single '-' between runs."""
    ### BEGIN SOLUTION
    return tags.str.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*") & (tags.str.len() <= 63)
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
_tag_rule = "a valid tag is 1 to 63 characters: runs of [a-z0-9] separated by single '-' (no upper case, no _ or space)."
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
              "java 17", "node.js", "k8s-prod-eu", "w" * 31 + "-" + "w" * 31]
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
# A reference **dangles** when no entity in the catalog has that full reference. Write
# `dangling_references(entities)` returning a **DataFrame with the columns `source`, `field` and
# `target`**, one row per dangling reference:
#
# - look at the `spec` fields named in `REFERENCE_FIELDS` below (a field may hold one reference or
#   a list); the dict gives the kind to assume when the reference leaves it out. **`dependsOn` has
#   no default kind**: Backstage requires it to be written (`component:payments`,
#   `resource:orders-db`), because a dependency may be a Component or a Resource. Its entry is the
#   empty string, so `full_ref("payments", "")` gives `":default/payments"`, which names no entity:
#   a `dependsOn` reference without a kind is reported as dangling, which is what it is;
# - `target` is the reference resolved with `full_ref`, using the field's default kind and the
#   **namespace of the referring entity**; `source` is the referring entity's own full reference
#   (`kind:namespace/name`, lower case) and `field` the spec field's name (e.g. `"owner"`);
# - every entity counts as a possible target — Groups, **Users**, Systems, APIs, ... — and the
#   comparison is case-insensitive (compare full references);
# - sort the rows by `source`, `field`, `target`, drop repeated rows, and use a default index.

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
# `spec.dependsOn` (on Components and Resources) says what an entity needs in order to run. Build a
# **directed graph** with `networkx`: one edge from each entity's full reference to each of its
# `dependsOn` targets, resolved with `full_ref`, **no default kind** (`REFERENCE_FIELDS["dependsOn"]`,
# the empty string: Backstage gives `dependsOn` none) and the entity's namespace. A kind-less
# reference thus becomes a node `:namespace/name` that matches no entity; it can never close a
# cycle (Exercise 4 reports it instead). A **dependency cycle** is a group of entities that all (directly or indirectly)
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
except NotImplementedError:
    print("Answer Exercises 2, 4 and 5 first: this lab uses your functions.")

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Ownership coverage per team
#
# The CMDB (`services`) says which team owns each service. The catalog is right about a service
# when it holds a **Component whose name equals the `service_id`** (names compare
# case-insensitively) and whose `spec.owner`, resolved with `full_ref` (default kind `"group"`, the
# component's namespace), is **`group:default/<team_id>`** for the team in the CMDB (the teams'
# Groups live in the namespace `default`). So a component in the namespace `infra` whose owner is
# written `payments` is owned by `group:infra/payments`, not by the payments team: only
# `group:default/payments` (or `default/payments`) names it from there. If several components
# share the name, one with the right owner is enough. **Every service in `services` counts**,
# whatever its lifecycle: a deprecated service still runs, still pages someone and still needs an
# owner until it is retired.
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
# - `spec.parameters`: the form, written as **JSON Schema** (one object, or a list of pages), with
#   `required` fields, `pattern`s and `enum`s; the portal renders it and validates the input
#   before anything runs (`ui:` keys such as `ui:field: OwnerPicker` only change the widgets);
# - `spec.steps`: the actions, each with an `id`, a `name`, an `action` and its `input`, for
#   example `fetch:template` (render the skeleton files with the parameters), `publish:github`
#   (create the repository) and `catalog:register` (register its `catalog-info.yaml`); values are
#   filled in with `${{ parameters.name }}` expressions;
# - `spec.output`: links and text shown when the run ends (the repository, the catalog entry).
#
# A template is the cheapest place to stop catalog defects: if the form only accepts names
# Backstage accepts and owners that exist, no new service is ever invalid or unowned. And its
# rendering must be **deterministic**: the same answers give the same files, so a template run can
# be reviewed, tested and repeated.

# %% [markdown] nbgrader={"grade_id": "lab-7-intro", "locked": true}
# ## Lab 7 · Tidewater's new-service template
#
# The platform team has drafted the template below. Its form (`SERVICE_PARAMETERS`) is yours to
# write in Exercise 8, and the files its `fetch:template` step renders are produced by your
# `render_service` in Exercise 9, so you can test the golden path here, without a portal.

# %% nbgrader={"grade_id": "lab-7-template", "locked": true}
import jsonschema
import yaml

OWNERS = sorted(d["metadata"]["name"] for d in entities if d["kind"] == "Group" and d["spec"].get("type") == "team")
NEW_SERVICE_TEMPLATE = {
    "apiVersion": "scaffolder.backstage.io/v1beta3",
    "kind": "Template",
    "metadata": {"name": "new-service", "title": "New service",
                 "description": "A service with a repository, the standard pipeline and a catalog entry"},
    "spec": {
        "owner": "group:developer-experience",
        "type": "service",
        "parameters": "SERVICE_PARAMETERS (your Exercise 8)",
        "steps": [
            {"id": "fetch", "name": "Render the skeleton", "action": "fetch:template",
             "input": {"url": "./skeleton", "values": {"name": "${{ parameters.name }}", "owner": "${{ parameters.owner }}",
                                                       "description": "${{ parameters.description }}",
                                                       "language": "${{ parameters.language }}"}}},
            {"id": "publish", "name": "Create the repository", "action": "publish:github",
             "input": {"repoUrl": "github.com?owner=tidewater&repo=${{ parameters.name }}",
                       "description": "${{ parameters.description }}"}},
            {"id": "register", "name": "Register in the catalog", "action": "catalog:register",
             "input": {"repoContentsUrl": "${{ steps['publish'].output.repoContentsUrl }}",
                       "catalogInfoPath": "/catalog-info.yaml"}},
        ],
        "output": {"links": [{"title": "Repository", "url": "${{ steps['publish'].output.remoteUrl }}"},
                             {"title": "Open in catalog", "icon": "catalog",
                              "entityRef": "${{ steps['register'].output.entityRef }}"}]},
    },
}
print(yaml.safe_dump(NEW_SERVICE_TEMPLATE, sort_keys=False, width=110))

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (3 points) · The template's form as JSON Schema
#
# Assign to `SERVICE_PARAMETERS` a **JSON Schema** (a dict) for the form, such that
# `jsonschema.validate(parameters, SERVICE_PARAMETERS)` accepts exactly the right answers:
#
# - an **object** with the **required** properties `name`, `owner` and `description`, and an
#   optional `language`; **no other properties** (`"additionalProperties": False`);
# - `name`: a string that passes the rule Backstage enforces for names (Reading 2): a `pattern`
#   (JSON Schema patterns are not anchored: anchor it with `^` and `$`) and `maxLength` 63;
# - `owner`: one of the teams in `OWNERS` (an `enum`), so the form offers only owners that exist;
# - `description`: a string of 10 to 200 characters;
# - `language`: one of `"python"`, `"go"`, `"java"`, with `"default": "python"`.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
SERVICE_PARAMETERS = {
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
}
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: SERVICE_PARAMETERS is a valid JSON Schema that accepts a correct form."""
from graders import check, passed

check("SERVICE_PARAMETERS" in globals() and isinstance(SERVICE_PARAMETERS, dict), "SERVICE_PARAMETERS",
      "is not defined yet: assign a dict (a JSON Schema).")
try:
    jsonschema.Draft202012Validator.check_schema(SERVICE_PARAMETERS)
    _schema_ok = True
except jsonschema.SchemaError as _exc:
    _schema_ok, _why = False, _exc.message
check(_schema_ok, "SERVICE_PARAMETERS", "is not a valid JSON Schema." + ("" if _schema_ok else f" ({_why})"))
_good = {"name": "parcel-tracker", "owner": OWNERS[0], "description": "Tracks parcels for customers."}
check(jsonschema.Draft202012Validator(SERVICE_PARAMETERS).is_valid(_good), "SERVICE_PARAMETERS",
      f"rejects a correct form: {_good}.")
check(not jsonschema.Draft202012Validator(SERVICE_PARAMETERS).is_valid({"name": "parcel-tracker"}), "SERVICE_PARAMETERS",
      "accepts a form without owner and description; list them under 'required'.")
passed("SERVICE_PARAMETERS")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of SERVICE_PARAMETERS (2 points) run when your notebook is graded:
# forms that are right, and forms with one thing wrong each.
from graders import check

check("SERVICE_PARAMETERS" in globals(), "SERVICE_PARAMETERS", "is not defined yet.")
### BEGIN HIDDEN TESTS
from graders import check
from graders.hidden import expect

_base = {"name": "parcel-tracker", "owner": "checkout", "description": "Tracks parcels for customers."}
_forms = {
    "a correct form": _base,
    "a correct form with language go": {**_base, "language": "go"},
    "a name with two separators in a row (Backstage accepts it)": {**_base, "name": "parcel--tracker"},
    "a name of 63 characters": {**_base, "name": "p" * 63},
    "a name of 64 characters": {**_base, "name": "p" * 64},
    "a name ending with a separator": {**_base, "name": "parcel-tracker-"},
    "a name with a space": {**_base, "name": "parcel tracker"},
    "an owner that is not a team": {**_base, "owner": "payments-legacy"},
    "no description": {k: v for k, v in _base.items() if k != "description"},
    "a description of 9 characters": {**_base, "description": "Too short"},
    "language rust": {**_base, "language": "rust"},
    "an extra property": {**_base, "tier": "tier-1"},
    "a number as name": {**_base, "name": 42},
}
_rule = ("required name, owner, description; optional language; no other properties; name: Backstage's enforced pattern, "
         "anchored, at most 63 characters; owner: a team of OWNERS; description 10-200 characters; language python/go/java.")
try:
    jsonschema.Draft202012Validator.check_schema(SERVICE_PARAMETERS)
    _validator = jsonschema.Draft202012Validator(SERVICE_PARAMETERS)
except Exception:
    _validator = None
check(_validator is not None, "SERVICE_PARAMETERS", "is not a valid JSON Schema.")
for _label, _form in _forms.items():
    expect.value(f"SERVICE_PARAMETERS on {_label}: accepted?", bool(_validator.is_valid(_form)), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (4 points) · Render a new service
#
# Write `render_service(parameters)` that plays the template's `fetch:template` step. It returns a
# **dict mapping file paths to their text**, and refuses bad input:
#
# 1. Validate `parameters` against `SERVICE_PARAMETERS` (`jsonschema.Draft202012Validator(...).iter_errors`).
#    On the first error, raise **`ValueError`** with a message that names the field (e.g.
#    `"name: 'parcel tracker-' does not match ..."` — the error's `path` and `message`) and says how
#    to fix it. Nothing is rendered for bad input.
# 2. Fill in the default: a missing `language` is `"python"`.
# 3. Return exactly three files:
#    - `"catalog-info.yaml"`: one Component, `apiVersion: backstage.io/v1alpha1`, with
#      `metadata.name` (the name), `metadata.description`, `metadata.tags` = `[language]`, and
#      `spec.type: service`, `spec.lifecycle: experimental`, `spec.owner: group:<owner>`
#      (write it with `yaml.safe_dump`);
#    - `"README.md"`: starts with `# <name>` and contains the description;
#    - `".tidewater/pipeline.yaml"`: YAML with `service: <name>` and `language: <language>`.
#
# The same parameters must always give the same files (no dates, no random ids). The check cell
# also runs your Exercise 2 `valid_name` on the name in the `catalog-info.yaml` you render.

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
def render_service(parameters: dict) -> dict:
    """The files of a new service, {path: text}; ValueError (naming the field) on bad parameters."""
    ### BEGIN SOLUTION
    errors = sorted(jsonschema.Draft202012Validator(SERVICE_PARAMETERS).iter_errors(parameters), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "parameters"
        raise ValueError(f"{where}: {errors[0].message}. Fix this field of the form and submit again.")
    p = {"language": "python", **parameters}
    entity = {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
              "metadata": {"name": p["name"], "description": p["description"], "tags": [p["language"]]},
              "spec": {"type": "service", "lifecycle": "experimental", "owner": f"group:{p['owner']}"}}
    return {"catalog-info.yaml": yaml.safe_dump(entity, sort_keys=False),
            "README.md": f"# {p['name']}\n\n{p['description']}\n\nOwned by the {p['owner']} team.\n",
            ".tidewater/pipeline.yaml": yaml.safe_dump({"service": p["name"], "language": p["language"]}, sort_keys=False)}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: render_service returns the three files for a correct form."""
from graders import call, check, check_type, passed

_form = {"name": "parcel-tracker", "owner": OWNERS[0], "description": "Tracks parcels for customers."}
_files = call(render_service, dict(_form), name="render_service")
check_type(_files, dict, "render_service(a correct form)")
check(sorted(_files) == sorted(["catalog-info.yaml", "README.md", ".tidewater/pipeline.yaml"]),
      "render_service(a correct form)", f"should return the three files; it returns {sorted(_files)}.")
_doc = yaml.safe_load(_files["catalog-info.yaml"])
check(isinstance(_doc, dict) and _doc.get("kind") == "Component", "render_service: catalog-info.yaml",
      "should hold one Component entity.")
passed("render_service")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of render_service (3 points) run when your notebook is graded:
# the files for several correct forms, the same files twice, and bad forms refused clearly.
from graders import call

_ = call(render_service, {"name": "parcel-tracker", "owner": OWNERS[0], "description": "Tracks parcels for customers."},
         name="render_service")
### BEGIN HIDDEN TESTS
from graders import call, check, check_type
from graders.hidden import expect

_rule = ("validate against SERVICE_PARAMETERS first; language defaults to python; catalog-info.yaml is one Component with "
         "name, description, tags [language], type service, lifecycle experimental, owner group:<owner>.")
_good = [{"name": "shelf-scanner", "owner": "checkout", "description": "Scans the shelves of a store."},
         {"name": "Label.Printer_v2", "owner": "warehouse", "description": "Prints shipping labels.", "language": "go"},
         {"name": "stock--sync", "owner": "search", "description": "Two separators in a row, still valid.", "language": "java"}]
for _form in _good:
    _files = call(render_service, dict(_form), name="render_service")
    _label = f"render_service({_form['name']!r} ...)"
    check_type(_files, dict, _label)
    check(call(render_service, dict(_form), name="render_service") == _files, _label,
          "gives different files when run twice with the same parameters; rendering must be deterministic.")
    expect.value(f"{_label}: the file paths", sorted(str(k) for k in _files), _rule)
    check(all(isinstance(v, str) for v in _files.values()), _label, "should map each path to the file's text.")
    _doc = yaml.safe_load(_files.get("catalog-info.yaml", "")) or {}
    expect.value(f"{_label}: catalog-info.yaml", _doc, _rule)
    check(bool(call(valid_name, pd.Series([str((_doc.get("metadata") or {}).get("name"))]), name="valid_name").all()),
          _label, "renders a catalog-info.yaml whose name your own valid_name (Exercise 2) rejects.")
    expect.value(f"{_label}: .tidewater/pipeline.yaml", yaml.safe_load(_files.get(".tidewater/pipeline.yaml", "")), _rule)
    check(str(_files.get("README.md", "")).startswith(f"# {_form['name']}") and _form["description"] in _files["README.md"],
          _label, "README.md should start with '# <name>' and contain the description.")
_bad = [("name", {"name": "parcel tracker-", "owner": "checkout", "description": "Tracks parcels for customers."}),
        ("owner", {"name": "parcel-tracker", "owner": "payments-legacy", "description": "Tracks parcels for customers."}),
        ("description", {"name": "parcel-tracker", "owner": "checkout"}),
        ("language", {"name": "parcel-tracker", "owner": "checkout", "description": "Tracks parcels.", "language": "cobol"})]
for _field, _form in _bad:
    _label = f"render_service(a form with a bad {_field})"
    try:
        _out = render_service(dict(_form))
        _err = None
    except NotImplementedError:
        raise
    except Exception as _exc:  # what the learner raised
        _out, _err = None, _exc
    check(_err is not None, _label, "returned files; bad parameters must be refused (raise ValueError) and nothing rendered.")
    check(isinstance(_err, ValueError), _label, f"raised {type(_err).__name__}; raise ValueError with a clear message.")
    check(_field in str(_err), _label, f"raised ValueError({str(_err)[:80]!r}); the message should name the field '{_field}'.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-7-run", "locked": true}
# Try the golden path: change the form below (a bad name, an owner that does not exist) and run
# it. How long would a developer need from here to a deployable service, if `publish:github` and
# `catalog:register` ran automatically after this step?

# %% nbgrader={"grade_id": "lab-7-try", "locked": true}
try:
    for _path, _text in render_service({"name": "parcel-tracker", "owner": "shipping",
                                        "description": "Tracks parcels for customers."}).items():
        print(f"--- {_path}\n{_text}")
    render_service({"name": "parcel tracker", "owner": "shipping", "description": "Tracks parcels for customers."})
except ValueError as _exc:
    print("Refused:", _exc)
except (NotImplementedError, NameError):
    print("Answer Exercises 8 and 9 first: this lab uses your SERVICE_PARAMETERS and render_service.")

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
# | 9 · rendering a new service | 4 | 3 |
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
#   whose rendering is deterministic, makes a new service in minutes that is right from the start.
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
