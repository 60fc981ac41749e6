# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 4 · Development Environment Platform
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# Tidewater's developers lose time before they write a line of code: every service has its own
# README of set-up steps, preview environments pile up after their pull requests close, and about
# forty teams share three Kubernetes clusters with no quotas at all. This week you build the
# evidence and the configuration for a **development environment platform**: one consistent dev
# container per service, preview environments with a clean life cycle, and namespaces that keep
# 50+ teams out of each other's way.
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
# 1. Describe a development environment **as code** with the Dev Container specification and
#    validate a `devcontainer.json` the way the specification defines its properties.
# 2. Measure **drift** from a golden image and what it costs developers in set-up time.
# 3. Run **preview environments** as a service: coverage, time to ready (median and p90),
#    concurrency, cost, and the saving of a time-to-live policy.
# 4. Design **multi-tenancy** on Kubernetes: per-team `ResourceQuota` and `LimitRange` derived from
#    usage, written as valid YAML with correct quantities, checked against cluster capacity, and
#    explain which pods a quota rejects and why.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads this week's tables from the course's `data/` folder (the columns are
# documented in `data/README.md`) and the service catalog you validated in Week 3.

# %% nbgrader={"grade_id": "setup", "locked": true}
import copy
import io
import json
import re

import ipywidgets as widgets
import jsonschema
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import yaml
from IPython.display import display

from workbook import interactive_enabled, load, use_course_style
from workbook.data import load_catalog
from workbook.style import ACTIVE, HIGHLIGHT, WAITING

use_course_style()
catalog = load_catalog()                       # Backstage entities (Week 3)
golden_images = load("golden_images")          # one golden dev image per language
golden_tools = load("golden_tools")            # the tools each golden image carries
dev_environments = load("dev_environments")    # what each service's set-up installs today
services = load("services")
developers = load("developers")
prs = load("pull_requests")                    # pull requests and their preview environments
usage = load("namespace_usage")                # daily requests and usage per namespace
capacity = load("cluster_capacity")            # daily allocatable capacity per cluster
pods = load("pod_requests")                    # one day of pod creation requests
components = catalog[catalog["kind"].eq("Component")]
print(f"{len(components)} components, {len(prs)} pull requests, "
      f"{usage.groupby(['cluster', 'namespace']).ngroups} namespaces on {capacity['cluster'].nunique()} clusters")

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · Development environments as code
#
# "Works on my machine" is a symptom of environments that are set up by hand from a README. The
# **Development Container specification** (devcontainers/spec, published at containers.dev) makes
# the environment a versioned file in the repository, `.devcontainer/devcontainer.json`, that any
# supporting tool (VS Code, GitHub Codespaces, the `devcontainer` CLI, several cloud IDEs) can
# build into the same container. Gitpod's `.gitpod.yml` and other cloud development environments
# apply the same idea: the environment is code, reviewed and reused like code.
#
# The properties you need this week, as the specification's reference and its JSON schema
# (`devContainer.base.schema.json`) define them:
#
# | Property | What the specification allows |
# |---|---|
# | `name` | a string shown in the UI |
# | `image` | a string: the image to start from; **or** `build` (an object whose `dockerfile` string is required) **or** `dockerComposeFile` (which also needs `service` and `workspaceFolder`) — exactly one of the three |
# | `features` | an object: Feature id → options object (e.g. `"ghcr.io/devcontainers/features/github-cli:1": {}`) |
# | `forwardPorts` | an array; each item is an integer from 0 to 65535, or a string `"host:port"` matching `^([a-z0-9-]+):(\d{1,5})$` |
# | `initializeCommand`, `onCreateCommand`, `updateContentCommand`, `postCreateCommand`, `postStartCommand`, `postAttachCommand` | a string (run in a shell), an array of strings (one command, no shell), or an object whose values are strings or arrays of strings (commands run in parallel) |
# | `waitFor` | one of the lifecycle command names except `postAttachCommand` |
#
# Any other top-level name the schema does not define is an error (the schema closes the object
# with `unevaluatedProperties: false`), which is how a typo such as `postCreateCommands` is caught.
# The schema still accepts two legacy names, a top-level `dockerFile` with its `context` (today
# written inside `build`); our **house rule** treats them as unknown, so that every file uses the
# current form.
#
# **Lifecycle order.** The specification runs the lifecycle commands in a fixed order:
# `initializeCommand` (on the host) → `onCreateCommand` → `updateContentCommand` →
# `postCreateCommand` → `postStartCommand` (on every start) → `postAttachCommand` (on every
# attach). A failing command stops the ones after it. JSON objects have no meaningful key order, so
# the order of the keys in the file does not change when they run; our **house rule** is to write
# them in that order anyway, so that a reader sees the sequence.
#
# Two details of JSON Schema decide edge cases: JSON's `true` is not an `integer` (although
# Python's `True == 1`), and a `pattern` is searched for anywhere in the string unless the
# pattern itself is anchored with `^…$` (the `forwardPorts` one is).
#
# A **golden image** is the platform team's supported base image per language, with the tools a
# developer needs at known versions. A service whose set-up installs other versions, or lacks some
# tools, has **drifted**: each new developer then spends time installing and upgrading by hand,
# which is exactly the set-up time a dev container should remove. Drift is measured against the
# image: a tool the image carries that the set-up lacks, or installs at another version (newer
# counts too: the service no longer builds with what the image carries). A service with no set-up
# at all lacks every tool. Tools a set-up adds beyond the image are not drift.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · One consistent development environment per service
#
# `golden_images` holds, per language, the image, the app's development port, the Features and the
# lifecycle commands (as JSON text, in no particular order). A catalog **Component** names its
# language among its `metadata.tags`. Look at one golden image and one component.

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
LIFECYCLE_ORDER = ["initializeCommand", "onCreateCommand", "updateContentCommand",
                   "postCreateCommand", "postStartCommand", "postAttachCommand"]
DATABASE_PORT = 5432  # PostgreSQL: every Tidewater Resource a service depends on is a database
languages = set(golden_images["language"])
with_language = [d for d in components.sort_values("name")["doc"]
                 if languages & set((d.get("metadata") or {}).get("tags") or [])]  # the catalog has a few broken entries
example = with_language[0]
print(yaml.safe_dump(example, sort_keys=False))
golden_images.head(2)

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · A `devcontainer.json` from a catalog entry
#
# Write `devcontainer_for(entity, golden_images)` that returns the configuration as a **dict**:
#
# - `name`: the component's `metadata.name`;
# - `image`: the golden image of the component's language — the first of its `metadata.tags` that
#   is a language in `golden_images` (raise a `ValueError` with a clear message when none is);
# - `features`: the golden image's Features (parse the JSON text);
# - `forwardPorts`: a list with the golden image's `app_port`, plus `DATABASE_PORT` when any entry
#   of the component's `spec.dependsOn` is a reference to a Resource (it starts with `resource:`;
#   entity kinds are case-insensitive in references);
# - each lifecycle command of the golden image, with keys **in `LIFECYCLE_ORDER`** (the house rule
#   from the reading), after the four properties above.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def devcontainer_for(entity: dict, golden_images: pd.DataFrame) -> dict:
    """devcontainer.json (as a dict) for one catalog Component, from its language's golden image."""
    ### BEGIN SOLUTION
    meta, spec = entity.get("metadata") or {}, entity.get("spec") or {}
    golden = golden_images.set_index("language")
    languages = [tag for tag in meta.get("tags") or [] if tag in golden.index]
    if not languages:
        raise ValueError(f"component {meta.get('name')!r} has no tag naming a language with a golden image")
    row = golden.loc[languages[0]]
    ports = [int(row["app_port"])]
    if any(str(ref).lower().startswith("resource:") for ref in spec.get("dependsOn") or []):
        ports.append(DATABASE_PORT)
    commands = json.loads(row["lifecycle_commands"])
    config = {"name": meta["name"], "image": row["image"], "features": json.loads(row["features"]),
              "forwardPorts": ports}
    config.update({step: commands[step] for step in LIFECYCLE_ORDER if step in commands})
    return config
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: devcontainer_for returns a dict with a name, an image and ports."""
from graders import call, check, check_type, passed

_answer = call(devcontainer_for, copy.deepcopy(example), golden_images.copy(), name="devcontainer_for")
_name = "devcontainer_for(example, golden_images)"
check_type(_answer, dict, _name, hint="build a dict; json.dumps(config) turns it into devcontainer.json text.")
check(_answer.get("name") == example["metadata"]["name"], _name, "should be named after the component (metadata.name).")
check(_answer.get("image") in set(golden_images["image"]), _name, "should use one of the golden images as 'image'.")
check(isinstance(_answer.get("forwardPorts"), list) and len(_answer["forwardPorts"]) >= 1, _name,
      "should forward at least the app's port, as a list.")
json.dumps(_answer)  # a devcontainer.json must be JSON
passed("devcontainer_for")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of devcontainer_for (2 points) run when your notebook is graded:
# they build configurations for other components and for golden images of their own.
from graders import call

_ = call(devcontainer_for, copy.deepcopy(example), golden_images.copy(), name="devcontainer_for")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load
from workbook.data import load_catalog as _load_catalog

_g = _load("golden_images")
_cat = _load_catalog()
_docs = [d for d in _cat[_cat["kind"].eq("Component")].sort_values(["name", "file"])["doc"]
         if set((d.get("metadata") or {}).get("tags") or []) & set(_g["language"])]
_rule = ("name from metadata.name; image and features of the golden image of the first tag that is a language; "
         "forwardPorts = [app_port] plus 5432 when spec.dependsOn has a resource: reference (any case).")
_order_rule = "lifecycle commands come after name, image, features and forwardPorts, in the specification's order."


def _probe(label, entity, golden):
    cfg = call(devcontainer_for, copy.deepcopy(entity), golden.copy(), name="devcontainer_for")
    expect.value(label, cfg, _rule)
    expect.value(f"{label}, order of keys", list(cfg) if isinstance(cfg, dict) else None, _order_rule)


for _d in _docs[:: max(1, len(_docs) // 12)][:12]:
    _probe(f"devcontainer_for({_d['metadata']['name']})", _d, _g)
_own = pd.DataFrame({"language": ["python", "rust"], "image": ["img/py:1", "img/rust:1"], "app_port": [9000, 7000],
                     "features": ['{"ghcr.io/devcontainers/features/node:1": {"version": "22"}}', "{}"],
                     "lifecycle_commands": ['{"postStartCommand": "make run", "onCreateCommand": ["make", "deps"]}',
                                           '{"postCreateCommand": "cargo fetch"}']})
_entity = {"metadata": {"name": "demo-svc", "tags": ["kubernetes", "python", "rust"]},
           "spec": {"dependsOn": ["component:other-svc", "Resource:default/demo-db"]}}
_probe("devcontainer_for(a hand-made component, golden images of your own)", _entity, _own)
_plain = {"metadata": {"name": "plain-svc", "tags": ["rust"]}, "spec": {"dependsOn": ["component:x"]}}
_ = _probe("devcontainer_for(a component without a database)", _plain, _own)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (4 points) · Validate a `devcontainer.json` the way the specification does
#
# Write `devcontainer_problems(config)` returning the **set of top-level property names** that break
# the specification (an empty set for a valid file):
#
# - every top-level name that is not in `SPEC_PROPERTIES` (below: the names the schema defines);
# - every property of the table in Reading 1 whose value does not have the form the table allows
#   (`name`, `image`, `build`, `features`, `forwardPorts`, the six lifecycle commands, `waitFor`);
# - `"image"` when the configuration does not name **exactly one** of `image`, `build` and
#   `dockerComposeFile`.
#
# `jsonschema` is imported, should you want to write the table's rules the way the specification
# writes them.

# %% nbgrader={"grade_id": "ex-2-spec", "locked": true}
SPEC_PROPERTIES = {  # the top-level properties devContainer.base.schema.json defines, less the legacy dockerFile/context
    "$schema", "name", "features", "overrideFeatureInstallOrder", "secrets", "forwardPorts", "portsAttributes",
    "otherPortsAttributes", "updateRemoteUserUID", "containerEnv", "containerUser", "mounts", "init", "privileged",
    "capAdd", "securityOpt", "remoteEnv", "remoteUser", "initializeCommand", "onCreateCommand", "updateContentCommand",
    "postCreateCommand", "postStartCommand", "postAttachCommand", "waitFor", "userEnvProbe", "hostRequirements",
    "customizations", "appPort", "runArgs", "shutdownAction", "overrideCommand", "workspaceFolder", "workspaceMount",
    "build", "image", "dockerComposeFile", "service", "runServices"}
CONTAINER_SOURCES = ["image", "build", "dockerComposeFile"]

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def devcontainer_problems(config: dict) -> set:
    """Top-level properties of a devcontainer.json that break the Dev Container specification."""
    ### BEGIN SOLUTION
    strings = {"type": "array", "items": {"type": "string"}}
    command = {"anyOf": [{"type": "string"}, strings,
                         {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, strings]}}]}
    schemas = {
        "name": {"type": "string"},
        "image": {"type": "string"},
        "build": {"type": "object", "properties": {"dockerfile": {"type": "string"}}, "required": ["dockerfile"]},
        "features": {"type": "object"},
        "forwardPorts": {"type": "array", "items": {"oneOf": [
            {"type": "integer", "minimum": 0, "maximum": 65535},
            {"type": "string", "pattern": r"^([a-z0-9-]+):(\d{1,5})$"}]}},
        "waitFor": {"enum": LIFECYCLE_ORDER[:-1]},
        **{step: command for step in LIFECYCLE_ORDER},
    }
    problems = {key for key in config if key not in SPEC_PROPERTIES}
    problems |= {key for key, schema in schemas.items()
                 if key in config and not jsonschema.Draft201909Validator(schema).is_valid(config[key])}
    if sum(source in config for source in CONTAINER_SOURCES) != 1:
        problems.add("image")
    return problems
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: a minimal valid file has no problems; a file with no image has one."""
from graders import call, check, check_type, passed

_ok = {"name": "demo", "image": "mcr.microsoft.com/devcontainers/base:ubuntu", "forwardPorts": [3000]}
_answer = call(devcontainer_problems, copy.deepcopy(_ok), name="devcontainer_problems")
check_type(_answer, (set, frozenset), "devcontainer_problems(valid config)", hint="return a set of property names.")
check(len(_answer) == 0, "devcontainer_problems(valid config)", "should be empty for a valid file.",
      "name, image and forwardPorts [3000] are all allowed by the specification.")
check("image" in call(devcontainer_problems, {"name": "demo"}, name="devcontainer_problems"),
      "devcontainer_problems({'name': 'demo'})", "should report 'image': the file names no image, build or compose file.")
passed("devcontainer_problems")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of devcontainer_problems (3 points) run when your notebook is graded:
# ports at and beyond the limits, command forms, typos, and more than one container source.
from graders import call

_ = call(devcontainer_problems, {"name": "demo"}, name="devcontainer_problems")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("report unknown top-level names, values whose form the specification does not allow (ports 0..65535 or "
         "'host:port' in lower case; commands as a string, a list of strings or an object of those), and 'image' "
         "unless exactly one of image/build/dockerComposeFile is given.")
_base = {"name": "svc", "image": "img:1"}
_cases = {
    "ports at the limits 0 and 65535, and 'db:5432'": {**_base, "forwardPorts": [0, 65535, "db:5432"]},
    "port 65536": {**_base, "forwardPorts": [8080, 65536]},
    "port -1": {**_base, "forwardPorts": [-1]},
    "port as '5432' without a host": {**_base, "forwardPorts": ["5432"]},
    "port with an upper-case host 'DB:5432'": {**_base, "forwardPorts": ["DB:5432"]},
    "commands as a list and as an object of lists": {**_base, "onCreateCommand": ["make", "deps"],
                                                      "postStartCommand": {"api": ["make", "run"], "db": "make db"}},
    "a list command with a number in it": {**_base, "postCreateCommand": ["sleep", 5]},
    "an object command with a number value": {**_base, "postAttachCommand": {"a": 1}},
    "a typo: postCreateCommands": {**_base, "postCreateCommands": "make"},
    "waitFor postAttachCommand": {**_base, "waitFor": "postAttachCommand"},
    "waitFor postStartCommand": {**_base, "waitFor": "postStartCommand"},
    "both image and build": {**_base, "build": {"dockerfile": "Dockerfile"}},
    "build without image": {"name": "svc", "build": {"dockerfile": "Dockerfile", "context": ".."}},
    "build without a dockerfile": {"name": "svc", "build": {"context": "."}},
    "image that is not a string": {"name": "svc", "image": ["img:1"]},
    "features as a list": {**_base, "features": ["ghcr.io/devcontainers/features/go:1"]},
    "customizations of a tool": {**_base, "customizations": {"vscode": {"extensions": ["golang.go"]}}},
}
for _label, _config in _cases.items():
    expect.set(f"devcontainer_problems({_label})", call(devcontainer_problems, copy.deepcopy(_config), name="devcontainer_problems"),
               _rule, what="property")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-1-validate", "locked": true}
# Once both exercises pass, generate and validate the configuration of every component that names a
# language: a platform team would run exactly this in CI before committing the files.

# %% nbgrader={"grade_id": "lab-1-generate", "locked": true}
try:
    generated = {d["metadata"]["name"]: devcontainer_for(d, golden_images) for d in with_language}
    invalid = {name: sorted(devcontainer_problems(cfg)) for name, cfg in generated.items() if devcontainer_problems(cfg)}
    print(f"{len(generated)} devcontainer.json files generated, {len(invalid)} invalid")
    print(json.dumps(generated[sorted(generated)[0]], indent=2))
except NotImplementedError:
    print("Answer Exercises 1 and 2 to generate the files.")

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (3 points) · Drift from the golden image and its set-up cost
#
# `dev_environments` lists what each service's set-up installs today (one row per tool);
# `golden_tools` lists what the golden image of each language carries and how many minutes a
# developer needs to install or upgrade each tool by hand. Compare every service with the golden
# tools of **its language** (`services.language`), as Reading 1 defines drift (a service lists
# each tool at most once).
#
# Write `environment_drift(dev_environments, golden_tools, services)` returning a **DataFrame with
# one row per drifted service** (at least one missing or outdated tool) and the columns
# `service_id`, `missing_tools`, `outdated_tools` (counts) and `setup_minutes` (the install minutes
# of its missing and outdated tools), sorted by `setup_minutes` from highest, then `service_id`.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def environment_drift(dev_environments: pd.DataFrame, golden_tools: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Services whose set-up drifts from their golden image, with the minutes the drift costs a developer."""
    ### BEGIN SOLUTION
    wanted = services[["service_id", "language"]].merge(golden_tools, on="language")
    have = dev_environments[["service_id", "tool", "version"]].rename(columns={"version": "installed"})
    both = wanted.merge(have, on=["service_id", "tool"], how="left")
    both["missing_tools"] = both["installed"].isna()
    both["outdated_tools"] = both["installed"].notna() & both["installed"].ne(both["version"])
    both["setup_minutes"] = both["install_minutes"].where(both["missing_tools"] | both["outdated_tools"], 0)
    out = both.groupby("service_id")[["missing_tools", "outdated_tools", "setup_minutes"]].sum().astype(int)
    out = out[(out["missing_tools"] + out["outdated_tools"]) > 0].reset_index()
    return out.sort_values(["setup_minutes", "service_id"], ascending=[False, True]).reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: environment_drift has the four columns, one row per drifted service, highest cost first."""
from graders import call, check, check_type, passed

_answer = call(environment_drift, dev_environments.copy(), golden_tools.copy(), services.copy(), name="environment_drift")
_name = "environment_drift(dev_environments, golden_tools, services)"
check_type(_answer, pd.DataFrame, _name)
_cols = ["service_id", "missing_tools", "outdated_tools", "setup_minutes"]
check(all(c in _answer.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(_answer["service_id"].is_unique and 0 < len(_answer) <= services["service_id"].nunique(), _name,
      "should have one row per drifted service.")
check(bool(_answer["setup_minutes"].astype(float).is_monotonic_decreasing), _name, "is not sorted by setup_minutes, highest first.")
check(bool((_answer["missing_tools"].astype(float) + _answer["outdated_tools"].astype(float) > 0).all()), _name,
      "lists a service with no missing and no outdated tool.")
passed("environment_drift")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of environment_drift (2 points) run when your notebook is graded:
# on this week's data and on small services of their own (extras, newer versions, no set-up at all).
from graders import call

_ = call(environment_drift, dev_environments.copy(), golden_tools.copy(), services.copy(), name="environment_drift")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_rule = ("compare each service with the golden tools of its language: no row = missing, another version = outdated, "
         "extra tools are not drift; setup_minutes = install minutes of its missing and outdated tools.")
_e, _t, _s = _load("dev_environments"), _load("golden_tools"), _load("services")
expect.frame("environment_drift", call(environment_drift, _e.copy(), _t.copy(), _s.copy(), name="environment_drift"),
             _rule, what="service", key=["service_id"], check_order=False)
_py = _t[_t["language"].eq("python")]
_own_s = pd.DataFrame({"service_id": ["aligned", "newer-git", "no-setup", "go-svc"],
                       "language": ["python", "python", "python", "go"]})
_own_e = pd.concat([
    _py[["tool", "version"]].assign(service_id="aligned"),
    pd.DataFrame({"service_id": ["aligned"], "tool": ["jq"], "version": ["1.7"]}),
    _py[["tool", "version"]].assign(service_id="newer-git", version=lambda d: d["version"].where(d["tool"].ne("git"), "9.99")),
    _t[_t["language"].eq("go") & _t["tool"].ne("kubectl")][["tool", "version"]].assign(service_id="go-svc"),
    pd.DataFrame({"service_id": ["go-svc", "go-svc"], "tool": ["kubectl", "kubectl"], "version": ["1.20", "1.20"]}).iloc[:1],
], ignore_index=True)
expect.frame("environment_drift (services of our own)", call(environment_drift, _own_e.copy(), _t.copy(), _own_s.copy(), name="environment_drift"),
             _rule, what="service", key=["service_id"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-1-caption", "locked": true}
# **Figure 1** (below) turns drift into people's time: every developer of the owning team sets up
# the service once, so a team's hours are its services' `setup_minutes` times its number of
# developers, over 60. *Text description:* horizontal bars for the twelve teams that lose the most
# hours, longest at the top; the hours are spread over many teams, and the line printed below the
# figure says what share of all the hours these twelve account for.

# %% nbgrader={"grade_id": "figure-1", "locked": true}
try:
    drift = environment_drift(dev_environments, golden_tools, services)
    team_size = developers.groupby("team_id")["developer_id"].nunique()
    by_team = drift.merge(services[["service_id", "team_id"]], on="service_id")
    team_hours = (by_team["setup_minutes"] * by_team["team_id"].map(team_size) / 60).groupby(by_team["team_id"]).sum()
    top = team_hours.nlargest(12).sort_values()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.barh(top.index, top.values, color=ACTIVE)
    ax.set_title("Figure 1. Set-up time lost to drift from the golden image, per team")
    ax.set_xlabel("manual set-up time across the team (hours)")
    ax.set_ylabel("team")
    plt.show()
    print(f"{len(drift)} drifted services; {team_hours.sum():.0f} developer-hours of manual set-up in total, "
          f"{top.sum() / team_hours.sum():.0%} of them in the twelve teams shown")
except NotImplementedError:
    print("Answer Exercise 3 to draw Figure 1.")

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Preview environments from pull requests
#
# A **preview environment** (also called an ephemeral, review or branch environment) is a short-lived
# copy of a service, deployed automatically for one pull request so that reviewers, testers and
# product owners can try the change before it merges. Heroku's Review Apps, GitLab's review apps
# (dynamic environments with `on_stop` and `auto_stop_in`), Vercel's and Netlify's deploy previews,
# and Kubernetes set-ups that create one namespace per pull request (as Tidewater does,
# `pr-<id>-<service>`) all follow the same life cycle: **create** on open, **update** on every push,
# **destroy** on merge or close. Argo CD's pull-request generator (ApplicationSet) implements it
# for GitOps: an Application per open pull request, removed when the pull request closes.
#
# Three numbers tell whether the service works:
#
# - **coverage** — the share of pull requests that get a preview (the curriculum's target is
#   "every PR gets an isolated preview environment");
# - **time to ready** — from opening the pull request until the environment answers; report the
#   **median** (the typical wait) and the **90th percentile** (the wait one pull request in ten
#   exceeds), because a mean is pulled up by a few very slow builds;
# - **cost** — environments that are never destroyed ("leaks") keep their CPU and memory requests
#   on the cluster. A **time-to-live (TTL)** policy destroys an environment a fixed time after its
#   pull request merges or closes, whatever the pipeline did (GitLab's `auto_stop_in` is one).

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · Preview environments: coverage, speed, concurrency and cost
#
# Previews were launched on `PREVIEW_LAUNCH`. The pipeline creates a preview a few minutes after a
# pull request opens and destroys it a few minutes after the pull request merges or closes; no
# time-to-live policy was in force, so when the destroy step failed the environment stayed. A
# preview's cost is its requested CPU and memory for as long as it exists, priced at the
# illustrative on-demand rates below; an environment that was never destroyed exists until the end
# of the data, `HISTORY_END`.

# %% nbgrader={"grade_id": "lab-2-constants", "locked": true}
PREVIEW_LAUNCH = pd.Timestamp("2026-04-15T00:00:00Z")
HISTORY_END = pd.Timestamp("2026-08-31T00:00:00Z")
CPU_USD_PER_CORE_HOUR = 0.032
MEMORY_USD_PER_GIB_HOUR = 0.004
prs[["pr_id", "state", "opened_at", "closed_at", "preview_created_at", "preview_ready_at", "preview_destroyed_at",
     "preview_cpu_cores", "preview_memory_gib"]].tail()

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (2 points) · Coverage since the launch
#
# Write `preview_share(prs, launch)` returning a **float between 0 and 1**: the coverage of the
# preview service since its launch, as Reading 2 defines coverage (a pull request got a preview
# when `preview_created_at` is set). When no pull request was opened since the launch, coverage is
# not defined: return `nan`.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def preview_share(prs: pd.DataFrame, launch: pd.Timestamp = PREVIEW_LAUNCH) -> float:
    """Coverage of the preview service since launch (a share between 0 and 1)."""
    ### BEGIN SOLUTION
    since = prs[prs["opened_at"] >= launch]
    return float(since["preview_created_at"].notna().mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: preview_share is a fraction."""
from graders import call, check, passed

_answer = call(preview_share, prs.copy(), PREVIEW_LAUNCH, name="preview_share")
check(isinstance(_answer, (float, int, np.floating)) and 0 <= float(_answer) <= 1, "preview_share(prs, PREVIEW_LAUNCH)",
      "should be a number between 0 and 1.", "a share is a fraction, not a percentage or a count.")
passed("preview_share")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of preview_share (1 point) run when your notebook is graded.
from graders import call

_ = call(preview_share, prs.copy(), PREVIEW_LAUNCH, name="preview_share")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_p = _load("pull_requests")
_rule = "share = pull requests opened at or after the launch with a preview / all pull requests opened at or after the launch."
for _launch in ["2026-04-15T00:00:00Z", "2026-06-01T00:00:00Z"]:
    expect.number(f"preview_share(prs, {_launch})", call(preview_share, _p.copy(), pd.Timestamp(_launch), name="preview_share"), _rule)
_t0 = pd.Timestamp("2026-05-01T00:00:00Z")
_own = pd.DataFrame({"opened_at": [_t0 - pd.Timedelta(hours=1), _t0, _t0 + pd.Timedelta(hours=2), _t0 + pd.Timedelta(hours=3)],
                     "preview_created_at": [_t0, _t0 + pd.Timedelta(minutes=5), pd.NaT, pd.NaT]})
expect.number("preview_share (a pull request opened exactly at the launch)", call(preview_share, _own.copy(), _t0, name="preview_share"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (3 points) · Time to ready
#
# Write `time_to_ready(prs)` returning a **Series with the index `["median", "p90"]`**: the median and
# the 90th percentile, in **minutes**, of the time from `opened_at` to `preview_ready_at`, over the
# pull requests whose preview became ready. Use pandas' `quantile` (its default, linear
# interpolation).

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def time_to_ready(prs: pd.DataFrame) -> pd.Series:
    """Median and 90th percentile of minutes from opening a pull request to a ready preview."""
    ### BEGIN SOLUTION
    minutes = (prs["preview_ready_at"] - prs["opened_at"]).dt.total_seconds().dropna() / 60
    return pd.Series({"median": minutes.median(), "p90": minutes.quantile(0.9)})
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: time_to_ready returns the median and p90, in minutes, p90 at least the median."""
from graders import call, check, check_type, passed

_answer = call(time_to_ready, prs.copy(), name="time_to_ready")
_name = "time_to_ready(prs)"
check_type(_answer, pd.Series, _name)
check(list(_answer.index) == ["median", "p90"], _name, "should have the index ['median', 'p90'].")
check(bool(_answer.notna().all()) and 0 < float(_answer["median"]) <= float(_answer["p90"]) < 24 * 60, _name,
      "should hold two positive numbers of minutes, the p90 at least the median.",
      "time to ready is preview_ready_at - opened_at, in minutes.",
      "if your values are sixty times larger, you left them in seconds.")
passed("time_to_ready")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of time_to_ready (2 points) run when your notebook is graded:
# on this week's data and on a small skewed table of their own.
from graders import call

_ = call(time_to_ready, prs.copy(), name="time_to_ready")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_p = _load("pull_requests")
_rule = ("time to ready = preview_ready_at - opened_at in minutes, over the previews that became ready; "
         "report the median and the 90th percentile (pandas quantile), not the mean.")
expect.series("time_to_ready(prs)", call(time_to_ready, _p.copy(), name="time_to_ready"), _rule, what="statistic")
_t0 = pd.Timestamp("2026-05-04T09:00:00Z")
_m = pd.to_timedelta([5, 6, 7, 8, 120, 9, 10], unit="min")
_own = pd.DataFrame({"opened_at": [_t0] * 7,
                     "preview_created_at": [_t0 + pd.Timedelta(minutes=3)] * 7,
                     "preview_ready_at": list(_t0 + _m[:6]) + [pd.NaT]})
expect.series("time_to_ready (a skewed table of our own)", call(time_to_ready, _own.copy(), name="time_to_ready"), _rule, what="statistic")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Concurrent preview environments
#
# Write `concurrent_previews(prs, times)` returning a **Series indexed by `times`** (a
# `DatetimeIndex`) with the number of preview environments that exist at each instant (one never
# destroyed still exists). Decide what happens at the very instant an environment is created or
# destroyed. Vectorise: no loop over the instants. If you compare raw numbers, use one unit: the
# tables load at microsecond precision (`datetime64[us, UTC]`) while `pd.date_range` makes
# nanoseconds (convert with `.as_unit(...)`).

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def concurrent_previews(prs: pd.DataFrame, times: pd.DatetimeIndex) -> pd.Series:
    """Number of preview environments existing at each instant of times."""
    ### BEGIN SOLUTION
    has = prs["preview_created_at"].notna()
    created = np.sort(prs.loc[has, "preview_created_at"].to_numpy())
    destroyed = np.sort(prs.loc[has, "preview_destroyed_at"].dropna().to_numpy())
    t = pd.DatetimeIndex(times).to_numpy()
    alive = np.searchsorted(created, t, side="right") - np.searchsorted(destroyed, t, side="right")
    return pd.Series(alive, index=pd.DatetimeIndex(times), name="preview_environments")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: concurrent_previews gives one non-negative count per instant, zero before the launch."""
from graders import call, check, check_type, passed

_times = pd.date_range("2026-04-01", "2026-08-31", freq="D", tz="UTC")
_answer = call(concurrent_previews, prs.copy(), _times, name="concurrent_previews")
_name = "concurrent_previews(prs, daily times)"
check_type(_answer, pd.Series, _name)
check(len(_answer) == len(_times) and bool((_answer.to_numpy() == _answer.to_numpy()).all()), _name, "should have one value per instant.")
check(bool((_answer.astype(float) >= 0).all()), _name, "has negative counts.")
check(float(_answer.iloc[0]) == 0, _name, "should be 0 on 1 April: previews started on 15 April.")
passed("concurrent_previews")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of concurrent_previews (2 points) run when your notebook is graded:
# on this week's data and on environments created or destroyed exactly at an instant.
from graders import call

_ = call(concurrent_previews, prs.copy(), pd.date_range("2026-05-01", periods=3, freq="D", tz="UTC"), name="concurrent_previews")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_p = _load("pull_requests")
_rule = "an environment exists from preview_created_at (included) to preview_destroyed_at (excluded); never destroyed = still exists."
_times = pd.date_range("2026-04-10", "2026-08-31", freq="6h", tz="UTC")
expect.series("concurrent_previews(prs, every 6 hours)", call(concurrent_previews, _p.copy(), _times, name="concurrent_previews"),
              _rule, what="instant")
_t0 = pd.Timestamp("2026-06-01T12:00:00Z")
_h = pd.Timedelta(hours=1)
_own = pd.DataFrame({"preview_created_at": [_t0, _t0 - _h, _t0 - 2 * _h, pd.NaT, _t0 + _h],
                     "preview_destroyed_at": [_t0 + 3 * _h, _t0, pd.NaT, pd.NaT, _t0 + 2 * _h]})
_own_times = pd.DatetimeIndex([_t0 - _h, _t0, _t0 + _h, _t0 + 2 * _h, _t0 + 3 * _h])
expect.series("concurrent_previews (created or destroyed exactly at an instant)",
              call(concurrent_previews, _own.copy(), _own_times, name="concurrent_previews"), _rule, what="instant")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-2-caption", "locked": true}
# **Figure 2** (below) plots the hourly number of preview environments from just before the launch
# to the end of the data. *Text description:* a line that rises from zero on 15 April, moves up
# and down with the working week, and keeps drifting upward over the summer even though the number
# of pull requests does not grow: the environments that were never destroyed accumulate.

# %% nbgrader={"grade_id": "figure-2", "locked": true}
try:
    hourly = pd.date_range(pd.Timestamp("2026-04-10T00:00:00Z"), HISTORY_END, freq="h")
    alive = concurrent_previews(prs, hourly)
    fig, ax = plt.subplots(figsize=(9, 3.8))
    ax.plot(alive.index, alive.to_numpy(), color=ACTIVE, linewidth=1)
    ax.set_title("Figure 2. Preview environments existing at each hour")
    ax.set_xlabel("date (UTC)")
    ax.set_ylabel("preview environments (count)")
    plt.show()
    print(f"peak: {alive.max()} environments; at the end of the data: {alive.iloc[-1]}")
except NotImplementedError:
    print("Answer Exercise 6 to draw Figure 2.")

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (3 points) · What a time-to-live policy would have saved
#
# Environments are priced as the lab's introduction says, and one never destroyed exists until
# `end`. A TTL policy destroys an environment `ttl_hours` after its pull request merges or closes,
# if it still exists then; an environment whose deadline falls before its own creation costs
# nothing under the policy (it never gets to run), not a negative amount.
#
# Write `ttl_saving(prs, ttl_hours, end=HISTORY_END)` returning the **dollars saved** over the data:
# cost as it happened minus cost under the policy.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
def ttl_saving(prs: pd.DataFrame, ttl_hours: float, end: pd.Timestamp = HISTORY_END) -> float:
    """Dollars a TTL policy (destroy ttl_hours after close) would have saved on preview environments."""
    ### BEGIN SOLUTION
    env = prs[prs["preview_created_at"].notna()]
    now_end = env["preview_destroyed_at"].fillna(end)
    deadline = env["closed_at"] + pd.Timedelta(hours=ttl_hours)
    policy_end = now_end.where(env["closed_at"].isna() | (now_end <= deadline), deadline)
    usd_per_hour = (env["preview_cpu_cores"] * CPU_USD_PER_CORE_HOUR
                    + env["preview_memory_gib"].astype(float) * MEMORY_USD_PER_GIB_HOUR)
    hours_now = (now_end - env["preview_created_at"]).dt.total_seconds().clip(lower=0) / 3600
    hours_policy = (policy_end - env["preview_created_at"]).dt.total_seconds().clip(lower=0) / 3600
    return float(((hours_now - hours_policy) * usd_per_hour).sum())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: ttl_saving is a non-negative number of dollars that shrinks as the TTL grows."""
from graders import call, check, passed

_short = call(ttl_saving, prs.copy(), 1, name="ttl_saving")
_long = call(ttl_saving, prs.copy(), 72, name="ttl_saving")
_name = "ttl_saving(prs, ttl_hours)"
check(isinstance(_short, (float, int, np.floating)) and isinstance(_long, (float, int, np.floating)), _name, "should return a number of dollars.")
check(float(_short) >= float(_long) >= 0, _name, "should be non-negative and not grow when the TTL gets longer.",
      "a shorter time-to-live can only destroy environments earlier.")
passed("ttl_saving")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of ttl_saving (2 points) run when your notebook is graded:
# on this week's data and on leaked, open and already-destroyed environments of their own.
from graders import call

_ = call(ttl_saving, prs.copy(), 24, name="ttl_saving")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_p = _load("pull_requests")
_rule = ("an environment costs cores x CPU price + GiB x memory price per hour from creation to destruction (or to end); "
         "under the policy it ends at the earlier of that and closed_at + ttl; open pull requests keep theirs; saving = difference.")
for _ttl in (0, 24):
    expect.number(f"ttl_saving(prs, {_ttl})", call(ttl_saving, _p.copy(), _ttl, name="ttl_saving"), _rule)
expect.number("ttl_saving(prs, 6, end=2026-07-01)", call(ttl_saving, _p.copy(), 6, pd.Timestamp("2026-07-01T00:00:00Z"), name="ttl_saving"), _rule)
_t0 = pd.Timestamp("2026-06-01T10:00:00Z")
_h = pd.Timedelta(hours=1)
_own = pd.DataFrame({
    "state": ["closed", "open", "merged", "merged", "merged"],
    "closed_at": [_t0 + 2 * _h, pd.NaT, _t0 + _h, _t0 + _h, _t0 + 30 * _h],
    "preview_created_at": [_t0, _t0, _t0, _t0, _t0],
    "preview_destroyed_at": [pd.NaT, pd.NaT, _t0 + 2 * _h, _t0 + 5 * _h, pd.NaT],
    "preview_cpu_cores": [1.0, 2.0, 0.5, 1.0, 4.0],
    "preview_memory_gib": pd.array([2, 4, 1, 2, 8], dtype="Int64"),
})
expect.number("ttl_saving (leaked, open, early and on-time environments of our own, ttl 4 h)",
              call(ttl_saving, _own.copy(), 4, _t0 + 48 * _h, name="ttl_saving"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-cost", "locked": true}
# What does "every pull request gets an isolated preview" cost? The cell below prices the
# environments as they ran, per pull request, and the saving of a 24-hour TTL — compare it with
# the developer time a preview saves a reviewer.

# %% nbgrader={"grade_id": "lab-2-cost-code", "locked": true}
try:
    env = prs[prs["preview_created_at"].notna()]
    hours = ((env["preview_destroyed_at"].fillna(HISTORY_END) - env["preview_created_at"]).dt.total_seconds() / 3600)
    cost = (hours * (env["preview_cpu_cores"] * CPU_USD_PER_CORE_HOUR
                     + env["preview_memory_gib"].astype(float) * MEMORY_USD_PER_GIB_HOUR)).sum()
    print(f"preview environments cost ${cost:,.0f} (${cost / len(env):.2f} per pull request); "
          f"a 24-hour TTL would have saved ${ttl_saving(prs, 24):,.0f}")
except NotImplementedError:
    print("Answer Exercise 7 to compare the cost with the saving.")

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# In 120–200 words: **would you promise "every pull request gets an isolated preview environment"
# to Tidewater's developers?** Use your coverage, time-to-ready, concurrency and cost results, say
# what the TTL policy changes, and name one thing the numbers here cannot tell you (and how you
# would find it out).

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# Yes, with conditions. Coverage since the launch is above 90%, so the remaining gap is mostly
# pull requests that never needed one, but a median wait of a quarter of an hour and a p90 above
# half an hour mean reviewers often start before the preview is ready; the pipeline's build and
# deploy steps are the next thing to speed up. Concurrency keeps rising over the summer although
# pull-request volume is flat: leaked environments are the main cost, and a TTL destroys them
# whatever the pipeline did, saving most of that spend at no cost to developers because a closed
# pull request needs no preview. I would promise the preview together with the TTL and a visible
# "ready" status on the pull request. The data cannot tell whether reviewers actually open the
# previews, or whether they catch defects earlier; I would add click tracking on the preview link
# and compare change-failure rates of reviewed-with-preview and without.

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Multi-tenant Kubernetes: namespaces, quotas and limit ranges
#
# Kubernetes' multi-tenancy guide describes the common model for teams in one organisation: one
# or more **namespaces per team**, with role-based access control, network policies and resource
# limits per namespace. Two admission objects bound what a namespace may use
# (kubernetes.io, *Resource Quotas* and *Limit Ranges*):
#
# - A **`ResourceQuota`** (`apiVersion: v1`) sets `spec.hard` limits on the **sums** over the
#   namespace's non-terminal pods: `requests.cpu`, `requests.memory`, `limits.cpu`,
#   `limits.memory` (and object counts such as `pods`). It is enforced at admission: a pod that
#   would push a sum over its hard limit is refused (HTTP 403 Forbidden); pods already running are
#   not affected by a quota change. **If a quota constrains a resource, every new pod must state
#   it**: with a quota on `requests.cpu`, a pod whose containers set neither a CPU request nor a
#   CPU limit is rejected. (A container that sets only a limit is fine: the API server's defaulting
#   copies the limit into the missing request before admission runs.)
# - A **`LimitRange`** sets per-container (or per-pod) rules: `defaultRequest` (the request a
#   container gets when it sets none), `default` (the default *limit*), `min`, `max` and
#   `maxLimitRequestRatio`. Its defaults are applied at admission, before the quota is checked,
#   which is why the two are deployed together: the LimitRange fills in what a developer forgot,
#   the quota caps the team's total.
#
# **Admission order, and the trap in it.** A new pod passes three steps, in this order: the
# mutating admission plugins (the `LimitRanger` fills in defaults), then the validation of the
# object itself, then the validating plugins (`ResourceQuota`). A LimitRange "does not check the
# consistency of the default values it applies" (Kubernetes, *Limit Ranges*): its `default` limit is
# given to **every** container that sets no limit, even one whose own request is larger. Such a pod
# is then invalid (HTTP 422, "must be less than or equal to memory limit") and never reaches the
# quota. A default limit below the requests your teams write breaks their deployments; it does
# not merely fill in what they forgot.
#
# **Requests vs limits.** The scheduler places a pod on a node with enough unreserved
# *allocatable* capacity for its **requests**; **limits** cap what a container may use at run time
# (CPU above its limit is throttled; memory above its limit gets the container killed). Limits may
# add up to more than a node holds: that **overcommit of limits** is a bet that not every
# container bursts at once. A **quota**, in turn, is a cap and not a reservation: nothing is held
# back for a team until its pods run. Promising the teams quotas that add up to more than the
# capacity left to them (what is allocatable, less what the shared `kube-system`, `monitoring` and
# `ingress` namespaces already request) is a second, separate choice, an **overcommit of quotas**:
# it bets that the teams do not all fill their quotas at once, and when they do, the scheduler
# leaves pods pending instead of the quota refusing them.
#
# **Quantities.** Kubernetes writes amounts as *quantities*: a number with an optional suffix.
# Decimal suffixes `n` (10⁻⁹), `u` (10⁻⁶), `m` (10⁻³), `k`, `M`, `G`, `T`, `P`, `E` (powers of
# 1000); binary suffixes `Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei` (powers of 1024); or a decimal exponent
# (`1e3`, `2E6`, `5e-3`). The grammar of `resource.Quantity` (Kubernetes apimachinery) reads: an
# optional sign `+` or `-`, then digits with at most one decimal point (`1.`, `.5` and `1.5` are all
# numbers), then at most one suffix, where an exponent is `e` or `E` followed by a signed integer.
# Suffixes are case-sensitive: `500m` is half a CPU, `500M` is 500 000 000 bytes, `2Gi` is 2 × 2³⁰
# bytes while `2G` is 2 × 10⁹ bytes, and `2gi` is not a quantity. The metrics API reports CPU in
# nanocores (`12345678n`). The canonical way to write CPU is in millicores (`1500m` for 1.5 cores)
# or whole cores (`2`). Kubernetes compares quantities exactly; in floating point `3.7 + 0.3` is
# `4.000000000000001`, so a sum that reaches a limit exactly must be compared with a tolerance or
# in whole units (millicores, bytes).
#
# A **noisy neighbour** is a tenant whose usage regularly exceeds what it reserved, taking CPU from
# the others on the same nodes — typically a namespace with no CPU limit. A short burst above the
# requests (a day's 95th percentile) is what requests below limits allow, and every busy tenant has
# some; a tenant whose *average* use over a day is above what it requested lives on its
# neighbours' capacity. Only tenants count: the shared namespaces are the platform's own.

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · Quotas for 50+ teams on three shared clusters
#
# `usage` has one row per day, cluster and namespace. Team namespaces are named after the team and
# a team can have a namespace on more than one cluster; `kube-system`, `monitoring` and `ingress`
# are shared (`shared` is true) and get no team quota. A namespace is identified by **cluster and
# name** together.
#
# Pick a namespace in the menu: **Figure 3** redraws its daily CPU requests, average usage and 95th
# percentile usage. *Text description:* three lines over June to August; for most namespaces the
# usage lines stay well below the requests line, while a noisy neighbour's average usage jumps
# above its requests on many days.

# %% nbgrader={"grade_id": "lab-3-widget", "locked": true}
def namespace_figure(key: str) -> bytes:
    """Figure 3 for one cluster/namespace, as PNG bytes (an image widget shows it)."""
    cluster, namespace = key.split("/", 1)
    rows = usage[usage["cluster"].eq(cluster) & usage["namespace"].eq(namespace)]
    fig, ax = plt.subplots(figsize=(9, 3.5))
    ax.plot(rows["date"], rows["cpu_request_cores"], color=ACTIVE, label="requests")
    ax.plot(rows["date"], rows["cpu_usage_avg_cores"], color=WAITING, label="average usage")
    ax.plot(rows["date"], rows["cpu_usage_p95_cores"], color=HIGHLIGHT, label="p95 usage", linestyle="--")
    ax.set_title(f"Figure 3. CPU requested and used in {key}")
    ax.set_xlabel("date")
    ax.set_ylabel("CPU (cores)")
    ax.legend()
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


namespace_keys = sorted((usage.loc[~usage["shared"], "cluster"] + "/" + usage.loc[~usage["shared"], "namespace"]).unique())
if interactive_enabled():  # widgets are for people: skipped while nbgrader grades or validates
    namespace_picker = widgets.Dropdown(options=namespace_keys, value=namespace_keys[0], description="Namespace:",
                                        style={"description_width": "initial"})
    namespace_image = widgets.Image(value=namespace_figure(namespace_picker.value), format="png")
    namespace_picker.observe(lambda change: setattr(namespace_image, "value", namespace_figure(change["new"])), names="value")
    display(widgets.VBox([namespace_picker, namespace_image]))

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (3 points) · Read Kubernetes quantities
#
# Write `parse_quantity(text)` returning the amount as a **float in base units** (cores for CPU,
# bytes for memory): `"500m"` → 0.5, `"2Gi"` → 2147483648.0, `"1G"` → 1e9, `"1.5"` → 1.5,
# `"1e3"` → 1000.0. Accept what the grammar of Reading 3 accepts, and nothing else: for any other
# text (`"2gi"`, `"10 Gi"`, `"1.2.3"`, `""`) raise a `ValueError` that says what is wrong.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
def parse_quantity(text: str) -> float:
    """A Kubernetes quantity (e.g. 500m, 2Gi, 1e3) in base units (cores or bytes)."""
    ### BEGIN SOLUTION
    binary = {"Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60}
    decimal = {"n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
    match = re.fullmatch(r"([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?", text) \
        if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a Kubernetes quantity (a number with an optional suffix such as 500m, 2Gi or 1e3)")
    number, suffix = float(match.group(1)), match.group(2) or ""
    if suffix in binary:
        return number * binary[suffix]
    if suffix in decimal:
        return number * decimal[suffix]
    return number * 10.0 ** int(suffix[1:])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the examples of the exercise."""
from graders import call, check, check_number, passed

_rule = "m is 1/1000, Gi is 2**30, G is 10**9; a plain number is in base units."
for _q, _v in {"500m": 0.5, "2Gi": 2 * 2 ** 30, "1G": 1e9, "1.5": 1.5, "1e3": 1000.0}.items():
    check_number(call(parse_quantity, _q, name="parse_quantity"), _v, f"parse_quantity({_q!r})", _rule)
try:
    parse_quantity("2gi")
    _raised = False
except ValueError:
    _raised = True
check(_raised, "parse_quantity('2gi')", "should raise a ValueError: suffixes are case-sensitive and 'gi' is not one.")
passed("parse_quantity")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of parse_quantity (2 points) run when your notebook is graded:
# every suffix, signs, exponents, and text that is not a quantity.
from graders import call

_ = call(parse_quantity, "250m", name="parse_quantity")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("decimal suffixes n u m k M G T P E are powers of 1000, binary Ki Mi Gi Ti Pi Ei powers of 1024, e<n> or E<n> "
         "an exponent of ten; suffixes are case-sensitive; anything else raises ValueError.")
_valid = ["1500m", "0.1", ".5", "2.", "+3", "128Mi", "1Ki", "4Ti", "3k", "7M", "2T", "1P", "1E", "1Ei", "1Pi",
          "5e3", "5E3", "2e-3", "12e+1", "250m", "64", "5n", "4u", "12345678n", "-1.5u"]
expect.series("parse_quantity on many quantities",
              pd.Series({_q: call(parse_quantity, _q, name="parse_quantity") for _q in _valid}, dtype=object), _rule,
              what="quantity", rtol=1e-9)


def _refuses(_candidate):
    try:
        parse_quantity(_candidate)
    except ValueError:
        return True
    except Exception:
        return False
    return False


_invalid = ["2gi", "1K", "10 Gi", "1.2.3", "", "Mi", "m", "1mi", "1 ", "1e", "0x10", "1Gib", "5U", "1nm"]
expect.value("which texts parse_quantity refuses with a ValueError", [_refuses(_q) for _q in _invalid], _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (3 points) · Quotas from usage percentiles plus headroom
#
# Size each **team** namespace's quota from what it actually uses, not from what it requested:
#
# - CPU: the `percentile` quantile over the days of `cpu_usage_p95_cores`, times `1 + headroom`,
#   **rounded up** to a multiple of 0.1 core (100m);
# - memory: the `percentile` quantile over the days of `memory_usage_avg_gib`, times
#   `1 + headroom`, **rounded up** to a whole GiB.
#
# Write `namespace_quotas(usage, percentile=0.95, headroom=0.2)` returning a **DataFrame with one row
# per team namespace (cluster and namespace)** and the columns `cluster`, `namespace`, `cpu_cores`
# and `memory_gib`. Leave the shared namespaces out. (Rounding up in floating point needs care:
# `0.25 * 1.2 * 10` is `3.0000000000000004`, and `np.ceil` makes it 4. Scale first, then round
# to 6 decimals, then take the ceiling: `np.ceil(np.round(x * 10, 6)) / 10`.)

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
def namespace_quotas(usage: pd.DataFrame, percentile: float = 0.95, headroom: float = 0.2) -> pd.DataFrame:
    """CPU and memory requests quota of each team namespace, from its usage percentile plus headroom."""
    ### BEGIN SOLUTION
    team = usage[~usage["shared"].astype(bool)]
    q = team.groupby(["cluster", "namespace"])[["cpu_usage_p95_cores", "memory_usage_avg_gib"]].quantile(percentile)
    cpu = np.ceil(np.round(q["cpu_usage_p95_cores"] * (1 + headroom) * 10, 6)) / 10
    memory = np.ceil(np.round(q["memory_usage_avg_gib"] * (1 + headroom), 6))
    return pd.DataFrame({"cpu_cores": cpu, "memory_gib": memory.astype(int)}).reset_index()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: one row per team namespace, CPU in steps of 0.1 core, memory in whole GiB."""
from graders import call, check, check_type, passed

_answer = call(namespace_quotas, usage.copy(), name="namespace_quotas")
_name = "namespace_quotas(usage)"
check_type(_answer, pd.DataFrame, _name)
_cols = ["cluster", "namespace", "cpu_cores", "memory_gib"]
check(all(c in _answer.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(not _answer["namespace"].isin(["kube-system", "monitoring", "ingress"]).any(), _name, "should leave the shared namespaces out.")
_c = _answer["cpu_cores"].astype(float) * 10
check(bool((abs(_c - _c.round()) < 1e-6).all()), _name, "has CPU values that are not multiples of 0.1 core.")
check(bool((_answer["memory_gib"].astype(float) % 1 == 0).all()), _name, "has memory values that are not whole GiB.")
passed("namespace_quotas")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of namespace_quotas (2 points) run when your notebook is graded:
# other percentiles and headroom, and a team with namespaces on two clusters.
from graders import call

_ = call(namespace_quotas, usage.copy(), name="namespace_quotas")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_u = _load("namespace_usage")
_rule = ("per team namespace (cluster and namespace), the percentile over days of cpu_usage_p95_cores and of "
         "memory_usage_avg_gib, times 1 + headroom, rounded UP to 0.1 core and to a whole GiB; shared namespaces left out.")
_key = ["cluster", "namespace"]
expect.frame("namespace_quotas(usage)", call(namespace_quotas, _u.copy(), name="namespace_quotas"), _rule,
             what="namespace", key=_key, check_order=False)
expect.frame("namespace_quotas(usage, 0.5, 0.0)", call(namespace_quotas, _u.copy(), 0.5, 0.0, name="namespace_quotas"), _rule,
             what="namespace", key=_key, check_order=False)
_own = pd.DataFrame({
    "date": ["2026-06-01", "2026-06-02", "2026-06-03"] * 3,
    "cluster": ["c-east"] * 3 + ["c-west"] * 3 + ["c-east"] * 3,
    "namespace": ["payments"] * 6 + ["monitoring"] * 3,
    "team_id": ["payments"] * 6 + ["platform-runtime"] * 3,
    "shared": [False] * 6 + [True] * 3,
    "cpu_usage_p95_cores": [1.0, 2.0, 9.0, 4.0, 4.0, 4.0, 50.0, 50.0, 50.0],
    "memory_usage_avg_gib": [3.0, 5.0, 30.0, 10.0, 10.0, 10.0, 99.0, 99.0, 99.0],
})
expect.frame("namespace_quotas (one team on two clusters, percentile 0.5, headroom 0.25)",
             call(namespace_quotas, _own.copy(), 0.5, 0.25, name="namespace_quotas"), _rule, what="namespace", key=_key,
             check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-10-intro", "locked": true}
# ### Exercise 10 (3 points) · A tenant's `ResourceQuota` and `LimitRange`, decided by you
#
# The `checkout` team (namespace `checkout` on `prod-aws-euw1`) is the first tenant to get a quota.
# Write the two objects the platform team will commit for it, as **one YAML text**
# (`TENANT_YAML`, two documents separated by `---`), in the format `kubectl apply` reads. The
# numbers are yours to decide from the team's measured usage (`tenant_usage`, below) and from the
# pods its manifests describe (`tenant_pods`, its pods of 31 August). The objects must:
#
# 1. be a `v1` `ResourceQuota` and a `v1` `LimitRange` in the namespace `checkout`, valid objects
#    of the Kubernetes API of version `KUBERNETES_VERSION` (no unknown field, every value of the
#    type the API defines);
# 2. cap the CPU and memory the team's pods request, and the sum of their memory limits at no more
#    than twice the memory requests quota;
# 3. let a **busy day** of the team run with at least 20% headroom (a day that only one day in
#    twenty exceeds, measured by what its pods really use: the CPU they burst to and the memory
#    they hold), while promising away no more than twice such a day;
# 4. admit every pod the team writes today, as it is written, into an empty namespace: the
#    platform may not break a deployment that states too little.
#
# `check_tenant_yaml(text)` (below) runs the schema check for you and quotes what it finds.

# %% nbgrader={"grade_id": "ex-10-defaults", "locked": true}
DEFAULT_REQUEST = {"cpu": "100m", "memory": "128Mi"}   # the platform team's first draft of LimitRange
DEFAULT_LIMIT = {"memory": "512Mi"}                    # defaults (Exercise 13 replays them)
KUBERNETES_VERSION = "1.33"                            # the clusters' version: the API schema to validate against
TENANT = ("prod-aws-euw1", "checkout")
tenant_usage = usage[usage["cluster"].eq(TENANT[0]) & usage["namespace"].eq(TENANT[1])]
tenant_pods = pods[pods["cluster"].eq(TENANT[0]) & pods["namespace"].eq(TENANT[1])]


_checked: dict = {}


def check_tenant_yaml(text: str) -> list:
    """What the Kubernetes API schema (kubernetes-validate, strict) says of each document: [] when valid."""
    if isinstance(text, str) and text in _checked:
        return list(_checked[text])
    try:
        import kubernetes_validate
    except ImportError:
        return ["kubernetes-validate is not installed: run `make install` in the course folder "
                "(or `pip install kubernetes-validate==1.37.0`)."]
    if not isinstance(text, str):
        return [f"TENANT_YAML should be the YAML text (a str), not a {type(text).__name__}."]
    lines = text.splitlines()
    try:
        nodes = list(yaml.compose_all(text))
        docs = list(yaml.safe_load_all(text))
    except yaml.YAMLError as exc:
        where = ""
        for name in ("context_mark", "problem_mark"):
            mark = getattr(exc, name, None)
            if mark is not None:
                shown = repr(lines[mark.line].strip()) if mark.line < len(lines) else "the end of the text"
                where += f" [{'started' if name == 'context_mark' else 'at'} line {mark.line + 1}: {shown}]"
        return [f"the YAML does not parse: {getattr(exc, 'problem', None) or exc}{where}"]

    def line_of(node, path, unexpected):
        for step in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == step), node)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
        if unexpected and isinstance(node, yaml.MappingNode):
            node = next((k for k, _ in node.value if k.value == unexpected), node)
        return node.start_mark.line

    problems = []
    for number, (node, doc) in enumerate(zip(nodes, docs), start=1):
        if node is None or doc is None:
            continue
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            path = list(exc.path)
            found = re.search(r"'([^']+)' was unexpected", exc.message)
            line = line_of(node, path, found.group(1) if found else None)
            where = ".".join(str(p) for p in path) or "the document"
            problems.append(f"document {number}: Kubernetes {KUBERNETES_VERSION} API schema (kubernetes-validate): "
                            f"{exc.message.splitlines()[0]} [at {where}; line {line + 1}: {lines[line].strip()!r}]")
        except Exception as exc:  # an unknown kind or apiVersion: the tool names it
            problems.append(f"document {number}: kubernetes-validate: {str(exc).splitlines()[0]}")
    _checked[text] = list(problems)
    return problems


tenant_pods[["pod", "cpu_request", "memory_request", "cpu_limit", "memory_limit"]]

# %% nbgrader={"grade": false, "grade_id": "ex-10-answer", "locked": false, "solution": true}
# TENANT_YAML = """...""": the ResourceQuota and the LimitRange of the checkout namespace, as YAML text.
### BEGIN SOLUTION
# Busy day: the 95th percentile over the days of the CPU the pods burst to (cpu_usage_p95_cores,
# 7.39 cores) and of the memory they hold (memory_usage_avg_gib, 25.3 GiB); 20-40% headroom.
# Defaults: a pod that states no memory limit gets 2Gi, the largest request written without one
# today (a smaller default would make that pod invalid); memory limits capped at twice requests.
TENANT_YAML = """\
apiVersion: v1
kind: ResourceQuota
metadata:
  name: team-quota
  namespace: checkout
spec:
  hard:
    requests.cpu: "10"
    requests.memory: 32Gi
    limits.memory: 64Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: team-defaults
  namespace: checkout
spec:
  limits:
  - type: Container
    defaultRequest:
      cpu: 250m
      memory: 256Mi
    default:
      memory: 2Gi
"""
### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-10-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: TENANT_YAML is valid for the Kubernetes API and holds the two objects of checkout."""
from graders import check, passed

_problems = check_tenant_yaml(TENANT_YAML)
check(not _problems, "TENANT_YAML", "is not valid: " + " | ".join(_problems[:3]),
      "fix the field or the value the message names, on the line it quotes.")
_docs = [d for d in yaml.safe_load_all(TENANT_YAML) if d is not None]
_found = sorted((str(d.get("apiVersion")), str(d.get("kind")), str((d.get("metadata") or {}).get("namespace"))) for d in _docs)
check(_found == [("v1", "LimitRange", "checkout"), ("v1", "ResourceQuota", "checkout")], "TENANT_YAML",
      f"should hold exactly a v1 ResourceQuota and a v1 LimitRange in the namespace checkout; it holds {_found}.")
passed("TENANT_YAML")

# %% nbgrader={"grade": true, "grade_id": "ex-10-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of TENANT_YAML (2 points) run when your notebook is graded: the objects are
# validated with kubernetes-validate, then pod sets of their own are admitted in Kubernetes' order
# (the LimitRanger's defaults, the pod's validation, then the ResourceQuota).
_ = check_tenant_yaml(TENANT_YAML)
### BEGIN HIDDEN TESTS
import math as _math

from graders.hidden import expect
from workbook import load as _load

_text = TENANT_YAML if isinstance(TENANT_YAML, str) else ""
_rule_schema = "valid v1 ResourceQuota and LimitRange objects of the Kubernetes 1.33 API, in the namespace checkout."
_rule_caps = ("the quota caps requests.cpu, requests.memory and limits.memory, the memory limits at no more than twice "
              "the memory requests quota.")
_rule_busy = ("a busy day (95th percentile over days of the CPU the pods burst to and of the memory they hold) runs "
              "with at least 20% headroom; the quota promises away no more than twice such a day.")
_rule_pods = ("every pod the team writes is admitted into an empty namespace: the LimitRange supplies what a pod does "
              "not state, and its default limit is not below a request the team writes without a limit.")


def _qty(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    factors = {"Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60, "n": 1e-9,
               "u": 1e-6, "m": 1e-3, "": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
    found = re.fullmatch(r"([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?", str(value))
    if found is None:
        raise ValueError(f"{value!r} is not a Kubernetes quantity")
    suffix = found.group(2) or ""
    return float(found.group(1)) * (factors[suffix] if suffix in factors else 10.0 ** int(suffix[1:]))


def _line(key):
    for number, line in enumerate(_text.splitlines(), start=1):
        if line.strip().lstrip("- ").startswith(f"{key}:"):
            return f"line {number}: {line.strip()!r}"
    return "not in your YAML"


def _objects():
    try:
        docs = [d for d in yaml.safe_load_all(_text) if isinstance(d, dict)]
    except yaml.YAMLError:
        docs = []
    quota = next((d for d in docs if d.get("kind") == "ResourceQuota"), {})
    items = [i for d in docs if d.get("kind") == "LimitRange" for i in ((d.get("spec") or {}).get("limits") or [])
             if isinstance(i, dict) and i.get("type") == "Container"]
    return ((quota.get("spec") or {}).get("hard") or {}), (items[0] if items else {})


def _caps(hard):
    alias = {"cpu": "requests.cpu", "memory": "requests.memory"}
    return {alias.get(str(k), str(k)): (_qty(v), str(k)) for k, v in hard.items()}


def _admit(pod_list):
    """Each pod in turn, as the API server would: defaulting, LimitRanger, validation, ResourceQuota."""
    try:
        hard, item = _objects()
        caps = _caps(hard)
        default, default_request = dict(item.get("default") or {}), dict(item.get("defaultRequest") or {})
        low, high = dict(item.get("min") or {}), dict(item.get("max") or {})
        for key, value in high.items():
            default.setdefault(key, value)
        for key, value in {**low, **default}.items():
            default_request.setdefault(key, value)
    except Exception as exc:
        return f"cannot read your objects: {exc}"
    used = {name: 0.0 for name in caps}
    for pod in pod_list:
        req = {r: str(pod.get(f"{r}_request") or "") for r in ("cpu", "memory")}
        lim = {r: str(pod.get(f"{r}_limit") or "") for r in ("cpu", "memory")}
        origin = {}
        for r in ("cpu", "memory"):
            if not req[r] and lim[r]:
                req[r] = lim[r]
            if not lim[r] and r in default:
                lim[r], origin[r] = str(default[r]), "default"
            if not req[r] and r in default_request:
                req[r] = str(default_request[r])
        try:
            for r in ("cpu", "memory"):
                if r in high and (not lim[r] or _qty(lim[r]) > _qty(high[r])):
                    return f"pod {pod['pod']} refused (403): its {r} limit {lim[r] or 'none'} is above your LimitRange max ({_line('max')})"
                if r in low and req[r] and _qty(req[r]) < _qty(low[r]):
                    return f"pod {pod['pod']} refused (403): its {r} request {req[r]} is below your LimitRange min ({_line('min')})"
                if req[r] and lim[r] and _qty(req[r]) > _qty(lim[r]):
                    given = f" it gets from your LimitRange ({_line('default')})" if origin.get(r) else ""
                    return (f"pod {pod['pod']} is invalid (422): its {r} request {req[r]} is above the {r} limit "
                            f"{lim[r]}{given}")
            amounts = {}
            for name, (cap, key) in caps.items():
                kind, _, r = name.partition(".")
                if r not in ("cpu", "memory"):
                    continue
                written = (req if kind == "requests" else lim)[r]
                if not written:
                    return f"pod {pod['pod']} refused (403): your quota on {key} needs a {kind[:-1]} it does not have ({_line(key)})"
                amounts[name] = _qty(written)
                if round(used[name] + amounts[name], 6) > round(cap, 6):
                    return f"pod {pod['pod']} refused (403): it would take {key} above your hard limit ({_line(key)})"
        except ValueError as exc:
            return f"pod {pod['pod']}: {exc}"
        for name, amount in amounts.items():
            used[name] += amount
    return "all admitted"


_tu = _load("namespace_usage")
_tu = _tu[_tu["cluster"].eq("prod-aws-euw1") & _tu["namespace"].eq("checkout")]
_busy_cpu, _busy_mem = _tu["cpu_usage_p95_cores"].quantile(0.95), _tu["memory_usage_avg_gib"].quantile(0.95)


def _pods_of(name, total_cpu, total_gib, n=20):
    cpu, mem = f"{_math.ceil(total_cpu * 1000 / n)}m", f"{_math.ceil(total_gib * 1024 / n)}Mi"
    return [{"pod": f"{name}-{i:02d}", "cpu_request": cpu, "memory_request": mem, "memory_limit": mem} for i in range(n)]


_problems = check_tenant_yaml(_text)
expect.value("TENANT_YAML against the Kubernetes 1.33 API schema (kubernetes-validate)",
             "valid" if not _problems else " | ".join(_problems[:3]), _rule_schema)
try:
    _hard = _caps(_objects()[0])
    _missing = [k for k in ("requests.cpu", "requests.memory", "limits.memory") if k not in _hard]
    if _missing:
        _caps_verdict = f"spec.hard does not cap {', '.join(_missing)}"
    elif _hard["limits.memory"][0] > 2 * _hard["requests.memory"][0] + 1e-9:
        _caps_verdict = f"limits.memory is more than twice requests.memory ({_line(_hard['limits.memory'][1])})"
    else:
        _caps_verdict = "capped"
    _over = [key for name, (cap, key) in _hard.items()
             if (name == "requests.cpu" and cap > 2 * _busy_cpu + 1e-9) or (name == "requests.memory" and cap > 2 * _busy_mem * 2 ** 30 + 1)]
    _twice = ("no more than twice a busy day" if not _over else
              "promises more than twice a busy day: " + "; ".join(_line(k) for k in _over))
except Exception as _exc:  # an unreadable quota: the schema check above names the line
    _caps_verdict = _twice = f"cannot read your quota: {_exc}"
expect.value("what the checkout quota caps", _caps_verdict, _rule_caps)
expect.value("a busy day of checkout with 20% headroom, into an empty namespace",
             _admit(_pods_of("busy", 1.2 * _busy_cpu, 1.2 * _busy_mem)), _rule_busy)
expect.value("how much the checkout quota promises away", _twice, _rule_busy)
_day = _load("pod_requests")
_day = _day[_day["cluster"].eq("prod-aws-euw1") & _day["namespace"].eq("checkout")].fillna("")
expect.value("checkout's pods of 31 August as written, into an empty namespace", _admit(_day.to_dict("records")), _rule_pods)
_shapes = [{"pod": "states-nothing"}, {"pod": "limits-only", "cpu_limit": "1", "memory_limit": "1Gi"},
           {"pod": "cpu-only", "cpu_request": "250m"}, {"pod": "memory-request-only", "memory_request": "2Gi"}]
expect.value("pods that state little (nothing, only limits, only one request), into an empty namespace",
             _admit(_shapes), _rule_pods)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-yaml", "locked": true}
# A platform team would commit `TENANT_YAML` to its GitOps repository, where CI runs the same
# schema check before anything reaches the cluster:

# %% nbgrader={"grade_id": "lab-3-yaml-code", "locked": true}
try:
    print(check_tenant_yaml(TENANT_YAML) or f"valid for Kubernetes {KUBERNETES_VERSION}")
    print(TENANT_YAML)
except NameError:
    print("Answer Exercise 10 to check the manifests.")

# %% [markdown] nbgrader={"grade_id": "ex-11-intro", "locked": true}
# ### Exercise 11 (3 points) · Do the quotas fit the clusters?
#
# Write `cluster_fit(quotas, capacity, usage, overcommit=1.0)` returning a **DataFrame with one
# row per cluster that has quotas** and the columns `cluster`, `cpu_ratio`, `memory_ratio` and
# `fits`. A ratio says how much of the capacity **left to the teams** the quotas promise away: the
# sum of the cluster's team quotas over (what the cluster can allocate now, less what its shared
# namespaces already request, times `overcommit`). "Now" is each cluster's own latest row in
# `capacity` and in `usage`. A cluster **fits** when neither ratio is above 1.
#
# An overcommit of 1.5 lets the quotas add up to 150% of what is left to the teams (Reading 3: an
# overcommit of *quotas*, a bet that not every team fills its quota at once).

# %% nbgrader={"grade": false, "grade_id": "ex-11-answer", "locked": false, "solution": true}
def cluster_fit(quotas: pd.DataFrame, capacity: pd.DataFrame, usage: pd.DataFrame, overcommit: float = 1.0) -> pd.DataFrame:
    """How much of the capacity each cluster has left for its teams (x overcommit) the quotas promise away."""
    ### BEGIN SOLUTION
    latest = capacity[capacity["date"] == capacity.groupby("cluster")["date"].transform("max")].set_index("cluster")
    shared = usage[usage["shared"].astype(bool)]
    shared = shared[shared["date"] == shared.groupby("cluster")["date"].transform("max")]
    taken = shared.groupby("cluster")[["cpu_request_cores", "memory_request_gib"]].sum().reindex(latest.index, fill_value=0)
    asked = quotas.groupby("cluster")[["cpu_cores", "memory_gib"]].sum()
    out = pd.DataFrame({
        "cpu_ratio": asked["cpu_cores"] / ((latest["allocatable_cpu_cores"] - taken["cpu_request_cores"]) * overcommit),
        "memory_ratio": asked["memory_gib"] / ((latest["allocatable_memory_gib"] - taken["memory_request_gib"]) * overcommit),
    }).dropna()
    out["fits"] = (out["cpu_ratio"] <= 1) & (out["memory_ratio"] <= 1)
    return out.rename_axis("cluster").reset_index()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-11-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: one row per cluster with two positive ratios and a verdict that follows from them."""
from graders import call, check, check_type, passed

_q = pd.DataFrame({"cluster": ["c1", "c1"], "namespace": ["a", "b"], "cpu_cores": [4.0, 6.0], "memory_gib": [8, 8]})
_cap = pd.DataFrame({"date": pd.to_datetime(["2026-08-31"]), "cluster": ["c1"], "allocatable_cpu_cores": [20.0],
                     "allocatable_memory_gib": [64.0]})
_use = pd.DataFrame({"date": pd.to_datetime(["2026-08-31"] * 3), "cluster": ["c1"] * 3, "namespace": ["a", "b", "kube-system"],
                     "shared": [False, False, True], "cpu_request_cores": [3.0, 5.0, 2.0], "memory_request_gib": [6.0, 6.0, 4.0]})
_answer = call(cluster_fit, _q.copy(), _cap.copy(), _use.copy(), name="cluster_fit")
_name = "cluster_fit(two namespaces on one cluster)"
check_type(_answer, pd.DataFrame, _name)
_cols = ["cluster", "cpu_ratio", "memory_ratio", "fits"]
check(all(c in _answer.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(len(_answer) == 1, _name, "should have one row per cluster.")
check(bool(((_answer["cpu_ratio"].astype(float) <= 1) & (_answer["memory_ratio"].astype(float) <= 1) == _answer["fits"].astype(bool)).all()),
      _name, "has a 'fits' verdict that does not follow from the two ratios.")
check(abs(float(_answer["cpu_ratio"].iloc[0]) - 10 / 18) < 1e-9, _name,
      "should give a CPU ratio of 10 / 18 here: 10 cores of quotas over 20 allocatable cores less the 2 cores kube-system requests.",
      "the shared namespaces' requests are already taken: only the rest is left to the teams.")
passed("cluster_fit")

# %% nbgrader={"grade": true, "grade_id": "ex-11-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of cluster_fit (2 points) run when your notebook is graded:
# this week's clusters at two overcommits, and capacity that changed over time.
from graders import call

_ = call(cluster_fit, _q.copy(), _cap.copy(), _use.copy(), name="cluster_fit")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_u, _c = _load("namespace_usage"), _load("cluster_capacity")
_rule = ("ratio = sum of the cluster's team quotas / ((allocatable now - what its shared namespaces request now) x "
         "overcommit), 'now' being each cluster's own latest row; fits when neither ratio is above 1.")
_team = _u[~_u["shared"]]
_qs = (_team.groupby(["cluster", "namespace"]).agg(cpu_cores=("cpu_request_cores", "max"), memory_gib=("memory_request_gib", "max"))
       .reset_index())
for _oc in (1.0, 1.25):
    expect.frame(f"cluster_fit(quotas from peak requests, capacity, usage, {_oc})", call(cluster_fit, _qs.copy(), _c.copy(), _u.copy(), _oc, name="cluster_fit"),
                 _rule, what="cluster", key=["cluster"], check_order=False)
_own_cap = pd.DataFrame({"date": pd.to_datetime(["2026-08-30", "2026-08-31", "2026-08-30", "2026-08-31", "2026-08-29"]),
                         "cluster": ["a", "a", "b", "b", "c"], "allocatable_cpu_cores": [100.0, 40.0, 10.0, 10.0, 50.0],
                         "allocatable_memory_gib": [400.0, 160.0, 40.0, 40.0, 100.0]})
_own_q = pd.DataFrame({"cluster": ["a", "a", "b", "c"], "namespace": ["x", "y", "x", "x"],
                       "cpu_cores": [27.0, 27.0, 15.0, 30.0], "memory_gib": [108, 108, 30, 60]})
_own_u = pd.DataFrame({"date": pd.to_datetime(["2026-08-30", "2026-08-31", "2026-08-31", "2026-08-31", "2026-08-29"]),
                       "cluster": ["a", "a", "a", "b", "c"], "namespace": ["kube-system", "kube-system", "x", "x", "monitoring"],
                       "shared": [True, True, False, False, True], "cpu_request_cores": [20.0, 4.0, 9.0, 9.0, 10.0],
                       "memory_request_gib": [80.0, 16.0, 30.0, 30.0, 40.0]})
expect.frame("cluster_fit (capacity that shrank, shared requests, a cluster exactly full, a cluster whose data ends early, overcommit 1.5)",
             call(cluster_fit, _own_q.copy(), _own_cap.copy(), _own_u.copy(), 1.5, name="cluster_fit"), _rule, what="cluster",
             key=["cluster"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-4-caption", "locked": true}
# **Figure 4** (below) compares your usage-based quotas with each cluster's latest allocatable
# capacity at the overcommit you choose: set `OVERCOMMIT` and re-run. *Text description:* two bars
# per cluster, CPU then memory, as a percentage of capacity, with a line at 100%; at an
# overcommit of 1.0 the Google Cloud cluster's CPU bar goes past the line, because two noisy
# namespaces there have very high usage percentiles.

# %% nbgrader={"grade_id": "figure-4", "locked": true}
OVERCOMMIT = 1.0
try:
    fit = cluster_fit(namespace_quotas(usage), capacity, usage, OVERCOMMIT)
    fig, ax = plt.subplots(figsize=(9, 3.8))
    ax.bar(fit["cluster"] + "\nCPU", fit["cpu_ratio"] * 100, color=ACTIVE, label="CPU")
    ax.bar(fit["cluster"] + "\nmemory", fit["memory_ratio"] * 100, color=WAITING, label="memory")
    ax.axhline(100, color=HIGHLIGHT, linestyle="--", label="capacity left to teams x overcommit")
    ax.set_title(f"Figure 4. Quotas as a share of the capacity left to teams (overcommit {OVERCOMMIT})")
    ax.set_xlabel("cluster and resource")
    ax.set_ylabel("sum of quotas (% of capacity left)")
    ax.legend()
    plt.show()
except NotImplementedError:
    print("Answer Exercises 9 and 11 to draw Figure 4.")

# %% [markdown] nbgrader={"grade_id": "ex-12-intro", "locked": true}
# ### Exercise 12 (2 points) · Noisy neighbours
#
# Write `noisy_neighbours(usage, min_share=0.1)` returning the **set of tenants, written
# `"<cluster>/<namespace>"`**, that are noisy neighbours in the sense of Reading 3 on at least
# `min_share` of their days.

# %% nbgrader={"grade": false, "grade_id": "ex-12-answer", "locked": false, "solution": true}
def noisy_neighbours(usage: pd.DataFrame, min_share: float = 0.1) -> set:
    """Team namespaces ('cluster/namespace') that use more CPU than they request on at least min_share of days."""
    ### BEGIN SOLUTION
    team = usage[~usage["shared"].astype(bool)]
    over = (team["cpu_usage_avg_cores"] > team["cpu_request_cores"]).groupby([team["cluster"], team["namespace"]]).mean()
    return {f"{cluster}/{namespace}" for cluster, namespace in over[over >= min_share].index}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-12-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: noisy_neighbours returns cluster/namespace names of team namespaces."""
from graders import call, check_set, passed

_answer = call(noisy_neighbours, usage.copy(), name="noisy_neighbours")
check_set(_answer, "noisy_neighbours(usage)", namespace_keys,
          "names are '<cluster>/<namespace>' of team namespaces, e.g. 'prod-aws-euw1/accounts'.")
passed("noisy_neighbours")

# %% nbgrader={"grade": true, "grade_id": "ex-12-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of noisy_neighbours (1 point) run when your notebook is graded.
from graders import call

_ = call(noisy_neighbours, usage.copy(), name="noisy_neighbours")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_u = _load("namespace_usage")
_rule = ("a team namespace (cluster and name) is noisy when average CPU usage > CPU requests on at least min_share "
         "of its days; shared namespaces are not tenants.")
expect.set("noisy_neighbours(usage)", call(noisy_neighbours, _u.copy(), name="noisy_neighbours"), _rule, what="namespace")
_own = pd.DataFrame({
    "cluster": ["c1"] * 10 + ["c2"] * 10 + ["c1"] * 10,
    "namespace": ["search"] * 20 + ["ingress"] * 10,
    "shared": [False] * 20 + [True] * 10,
    "cpu_request_cores": [2.0] * 30,
    "cpu_usage_avg_cores": [2.5] + [1.0] * 9 + [2.0] * 5 + [1.0] * 5 + [3.0] * 10,
    "cpu_usage_p95_cores": [4.0] * 30,
})
expect.set("noisy_neighbours (a share exactly at the threshold, usage equal to requests)",
           call(noisy_neighbours, _own.copy(), 0.1, name="noisy_neighbours"), _rule, what="namespace")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-13-intro", "locked": true}
# ### Exercise 13 (4 points) · The pods admission would have refused
#
# `pods` lists one day's pod creation requests: each pod's container requests and limits as written
# (empty when the manifest sets none) and what its namespace had already requested when it
# arrived. Replay them through Kubernetes' admission as Reading 3 describes it, with:
#
# - a `ResourceQuota` on `requests.cpu` and `requests.memory` in each namespace of `quotas` (hard
#   limits `cpu_cores` cores and `memory_gib` GiB, for its cluster and namespace);
# - a `LimitRange` whose container defaults are `DEFAULT_REQUEST` and `DEFAULT_LIMIT` in each
#   namespace of `limitrange_namespaces` (written `"cluster/namespace"`).
#
# Write `rejected_pods(pods, quotas, limitrange_namespaces)` returning a **DataFrame of the refused
# pods** with the columns `pod` and `reason`: `"invalid"` (the pod as admitted is not a valid
# object), `"missing-request"` (a quota needs a request the pod does not have) or
# `"exceeds-quota"`. Judge each pod against what its namespace had already requested. Two examples:
# a pod stating no CPU at all, in a namespace with a quota and no LimitRange, is refused for
# `"missing-request"`; a pod requesting `1Gi` of memory with no memory limit, in a namespace with
# a LimitRange, is `"invalid"`. Use your `parse_quantity`.

# %% nbgrader={"grade": false, "grade_id": "ex-13-answer", "locked": false, "solution": true}
def rejected_pods(pods: pd.DataFrame, quotas: pd.DataFrame, limitrange_namespaces: set = frozenset()) -> pd.DataFrame:
    """Pods that Kubernetes admission (LimitRanger, validation, ResourceQuota) would refuse, with the reason."""
    ### BEGIN SOLUTION
    p = pods.reset_index(drop=True)
    empty = pd.Series("", index=p.index)
    with_lr = (p["cluster"] + "/" + p["namespace"]).isin(set(limitrange_namespaces))
    amount, stated, invalid = {}, {}, pd.Series(False, index=p.index)
    for res in ("cpu", "memory"):
        request = p.get(f"{res}_request", empty).fillna("")
        limit = p.get(f"{res}_limit", empty).fillna("")
        request = request.where(request.ne(""), limit)                          # API defaulting: a lone limit is the request
        if res in DEFAULT_LIMIT:
            limit = limit.where(limit.ne("") | ~with_lr, DEFAULT_LIMIT[res])    # LimitRanger: the default limit
        request = request.where(request.ne("") | ~with_lr, DEFAULT_REQUEST[res])  # LimitRanger: the default request
        value = request.map(lambda q: parse_quantity(q) if q else np.nan)
        cap = limit.map(lambda q: parse_quantity(q) if q else np.nan)
        invalid |= value.fillna(0).gt(cap.fillna(np.inf))                       # validation: request <= limit
        stated[res], amount[res] = request.ne(""), value
    q = p[["cluster", "namespace"]].merge(quotas[["cluster", "namespace", "cpu_cores", "memory_gib"]],
                                          on=["cluster", "namespace"], how="left").astype({"cpu_cores": float, "memory_gib": float})
    has_quota = q["cpu_cores"].notna()
    missing = has_quota & ~(stated["cpu"] & stated["memory"])
    over = has_quota & ((np.round(p["namespace_cpu_requested_cores"] + amount["cpu"], 6) > q["cpu_cores"])
                        | (np.round(p["namespace_memory_requested_gib"] + amount["memory"] / 2 ** 30, 6) > q["memory_gib"]))
    reason = np.select([invalid, missing, over], ["invalid", "missing-request", "exceeds-quota"], "")
    out = pd.DataFrame({"pod": p["pod"], "reason": reason})
    return out[out["reason"] != ""].reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-13-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the two examples of the exercise."""
from graders import call, check, check_type, passed

_p = pd.DataFrame({"pod": ["p1", "p2", "p3"], "cluster": ["c1", "c1", "c1"], "namespace": ["a", "a", "b"],
                   "cpu_request": ["", "250m", "250m"], "memory_request": ["256Mi", "256Mi", "1Gi"],
                   "cpu_limit": ["", "", ""], "memory_limit": ["", "", ""],
                   "namespace_cpu_requested_cores": [1.0, 1.0, 1.0], "namespace_memory_requested_gib": [1.0, 1.0, 1.0]})
_q = pd.DataFrame({"cluster": ["c1", "c1"], "namespace": ["a", "b"], "cpu_cores": [4.0, 4.0], "memory_gib": [8, 8]})
_answer = call(rejected_pods, _p.copy(), _q.copy(), {"c1/b"}, name="rejected_pods")
_name = "rejected_pods(three pods, quotas, a LimitRange in c1/b)"
check_type(_answer, pd.DataFrame, _name)
check({"pod", "reason"} <= set(_answer.columns), _name, "should have the columns pod and reason.")
check(list(_answer["pod"]) == ["p1", "p3"], _name, "should refuse exactly p1 and p3.",
      "p1 states no CPU and nothing supplies it; p3 gets the LimitRange's default memory limit, below its own request.")
check(dict(zip(_answer["pod"], _answer["reason"])) == {"p1": "missing-request", "p3": "invalid"}, _name,
      "should give p1 the reason 'missing-request' and p3 the reason 'invalid'.")
passed("rejected_pods")

# %% nbgrader={"grade": true, "grade_id": "ex-13-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of rejected_pods (3 points) run when your notebook is graded:
# this week's pods, with and without LimitRanges, and pods of their own at the limits.
from graders import call

_ = call(rejected_pods, _p.copy(), _q.copy(), set(), name="rejected_pods")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_pods, _u = _load("pod_requests"), _load("namespace_usage")
_rule = ("admission order: the API server copies a lone limit into the missing request; the LimitRange fills in its "
         "default request and default limit; a pod whose request is above its limit is 'invalid' (quota or not); then, "
         "in a namespace with a quota, a request still missing is 'missing-request' and already requested + the pod's "
         "request above the quota is 'exceeds-quota' (CPU in cores, memory in GiB = 2**30 bytes, compared exactly: "
         "reaching the quota is admitted).")
_team = _u[~_u["shared"] & _u["date"].eq(_u["date"].max())]
_qs = _team.assign(cpu_cores=(_team["cpu_request_cores"] * 1.1).round(1), memory_gib=(_team["memory_request_gib"] * 1.1).round(0))
_qs = _qs[["cluster", "namespace", "cpu_cores", "memory_gib"]].iloc[::2]
_lr = set((_team["cluster"] + "/" + _team["namespace"]).iloc[::3])
for _label, _with in (("no LimitRange", set()), ("LimitRanges in some namespaces", _lr)):
    expect.frame(f"rejected_pods(pods, quotas on half the namespaces, {_label})",
                 call(rejected_pods, _pods.copy(), _qs.copy(), set(_with), name="rejected_pods"), _rule,
                 what="pod", key=["pod"], check_order=False)
_own = pd.DataFrame({
    "pod": ["exact", "decimal-g", "binary-gi", "default-cpu", "no-memory", "no-quota", "milli", "limit-only",
            "big-no-limit", "big-own-limit", "invalid-no-quota", "float-exact", "defaults-only"],
    "cluster": ["c1", "c1", "c1", "c1", "c1", "c2", "c1", "c1", "c1", "c1", "c1", "c1", "c1"],
    "namespace": ["team", "team", "team", "lr", "team", "team", "team", "team", "lr", "lr", "lr-only", "team", "lr"],
    "cpu_request": ["1", "100m", "100m", "", "100m", "", "2500m", "", "100m", "100m", "100m", "300m", ""],
    "memory_request": ["1Gi", "1G", "1Gi", "128Mi", "", "", "1Mi", "256Mi", "1Gi", "1Gi", "2Gi", "256Mi", ""],
    "cpu_limit": ["", "", "", "", "", "", "", "500m", "", "", "", "", ""],
    "memory_limit": ["", "", "", "", "", "", "", "", "", "2Gi", "", "", ""],
    "namespace_cpu_requested_cores": [3.0, 1.0, 1.0, 3.95, 1.0, 50.0, 1.0, 1.0, 1.0, 1.0, 1.0, 3.7, 1.0],
    "namespace_memory_requested_gib": [7.0, 7.0, 7.5, 1.0, 1.0, 50.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
})
_own_q = pd.DataFrame({"cluster": ["c1", "c1"], "namespace": ["team", "lr"], "cpu_cores": [4.0, 4.0], "memory_gib": [8, 8]})
expect.frame("rejected_pods (pods of our own at the limits)",
             call(rejected_pods, _own.copy(), _own_q.copy(), {"c1/lr", "c1/lr-only"}, name="rejected_pods"),
             _rule, what="pod", key=["pod"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-admission", "locked": true}
# With quotas sized from **usage** (Exercise 9), how many of the day's pods would have been turned
# away, and what would LimitRanges with the defaults above do in every namespace? Most rejections
# are not missing requests: the teams request far more than they use, so a usage-based quota
# collides with today's requests. Right-sizing requests has to come before enforcing the quota.
# Watch the second line too: the LimitRanges remove the missing requests, but their default
# memory limit (512Mi) is below what many pods request without a limit of their own, and those
# pods become invalid. (The replay judges each pod against what its namespace had really requested
# when it arrived; a pod refused earlier in the day would not have added to that, so the counts
# are an upper bound.)

# %% nbgrader={"grade_id": "lab-3-admission-code", "locked": true}
try:
    quotas = namespace_quotas(usage)
    everywhere = set(quotas["cluster"] + "/" + quotas["namespace"])
    print("without LimitRanges:", rejected_pods(pods, quotas, set())["reason"].value_counts().to_dict())
    print("with LimitRanges:   ", rejected_pods(pods, quotas, everywhere)["reason"].value_counts().to_dict())
except NotImplementedError:
    print("Answer Exercises 8, 9 and 13 to see the rejections.")

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# In 100–150 words: **how would you roll quotas out to 50+ teams without breaking their
# deployments?** Use what you found (noisy neighbours, the fit at your overcommit, the pods that
# would be rejected) and say what you would do first, and what you would measure.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# LimitRanges first, but not with a 512Mi default memory limit: a LimitRange gives its default
# limit to every container without one, and dozens of today's pods request more memory than that
# with no limit of their own, so they would become invalid. I would set each team's default limit
# at or above the requests its pods actually write (from this day's replay), then deploy the
# LimitRanges: they remove the "missing-request" refusals before any quota exists. Next I would
# publish each team's usage-based quota next to its current requests and audit new pods against
# it for two weeks, helping the teams whose requests are far above usage to right-size. The noisy
# neighbours get CPU limits and a conversation first. I would enforce team by team, keep the sum of
# quotas within the capacity left after kube-system, monitoring and ingress (overcommitting quotas
# only where a cluster has room to grow), and measure refused and pending pods, quota utilisation,
# throttling and support tickets.

# %% [markdown] nbgrader={"grade_id": "check-your-work", "locked": true}
# ## Check your work
#
# Before you submit: **Kernel → Restart Kernel and Run All Cells**, then make sure every visible
# check prints *"Visible checks for … passed"* and no cell shows an error. In JupyterLab you can
# also press nbgrader's **Validate** button. Be aware of what that does and does not tell you:
#
# - It runs the **visible** checks only. Each exercise also has **hidden** checks (most of its
#   points) that run when your notebook is graded; they test your code on this week's data and on
#   other data, so answers typed in by hand will not pass. *"Success"* from Validate means your
#   notebook runs and passes the visible checks, **not** that you have full marks.
# - Reflections are read by your instructor; Validate does not look at them.
# - Do not delete, move or copy the check cells: they are restored from the instructor's copy at
#   grading time, and a missing check cell scores no points.
#
# | Exercise | Auto-graded points | of which hidden |
# |---|---|---|
# | 1 · devcontainer.json from the catalog | 3 | 2 |
# | 2 · validate devcontainer.json | 4 | 3 |
# | 3 · drift and set-up cost | 3 | 2 |
# | 4 · preview coverage | 2 | 1 |
# | 5 · time to ready | 3 | 2 |
# | 6 · concurrent previews | 3 | 2 |
# | 7 · TTL saving | 3 | 2 |
# | 8 · Kubernetes quantities | 3 | 2 |
# | 9 · quotas from usage | 3 | 2 |
# | 10 · a tenant's ResourceQuota and LimitRange | 3 | 2 |
# | 11 · fit to cluster capacity | 3 | 2 |
# | 12 · noisy neighbours | 2 | 1 |
# | 13 · refused pods | 4 | 3 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - A `devcontainer.json` makes the development environment code: generate it from the catalog and
#   a golden image, and validate it against the specification's own property definitions.
# - **Drift** from the golden image is measurable, and its cost is set-up time multiplied by every
#   developer who has to repeat it.
# - Preview environments need a full life cycle: coverage, time to ready (median and p90, not the
#   mean), and destruction. A **TTL** removes the cost of leaked environments without asking
#   developers for anything.
# - On shared clusters, a **ResourceQuota** caps a namespace's sums and makes requests mandatory; a
#   **LimitRange** supplies the defaults, and a default limit below a pod's own request makes the
#   pod invalid; quotas are compared with the capacity left after the shared namespaces, and
#   overcommitting quotas is a choice distinct from overcommitting limits. Quantities are
#   case-sensitive: `m` ≠ `M`, `Gi` ≠ `G`.
#
# **Next week:** self-service infrastructure — validating requests, policy as code and cost
# visibility.
#
# ## References
#
# - Argo CD (2025). *ApplicationSet Pull Request Generator.*
#   https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Pull-Request/
# - Development Containers (2025). *Dev Container metadata reference* and
#   `devContainer.base.schema.json`. https://containers.dev/implementors/json_reference/ ;
#   https://github.com/devcontainers/spec
# - GitLab (2025). *Environments and deployments: dynamic environments, `auto_stop_in`.*
#   https://docs.gitlab.com/ee/ci/environments/
# - Heroku Dev Center (2025). *Review Apps.* https://devcenter.heroku.com/articles/github-integration-review-apps
# - Kubernetes documentation (2025). *Resource Quotas.* https://kubernetes.io/docs/concepts/policy/resource-quotas/
# - Kubernetes documentation (2025). *Limit Ranges.* https://kubernetes.io/docs/concepts/policy/limit-range/
# - Kubernetes documentation (2025). *Resource Management for Pods and Containers.*
#   https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# - Kubernetes documentation (2025). *Quantity* (API reference, common definitions).
#   https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
# - Kubernetes documentation (2025). *Multi-tenancy.* https://kubernetes.io/docs/concepts/security/multi-tenancy/
