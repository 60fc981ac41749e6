# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 5 · Self-Service Infrastructure: provisioning, policy as code and FinOps
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# Tidewater's developers still wait more than a day for a database: they fill in a portal form and
# someone in cloud-foundations reads it, checks it and clicks. The platform team wants to replace
# the person in the middle with three things: a **self-service API** that validates a request and
# turns it into cloud resources, **policies written as code** that decide what may pass without a
# human, and **cost visibility** so that every team sees, and owns, what its infrastructure costs.
# The curriculum's bar for the week is demanding: *100% compliance without blocking developers*, and
# *teams understand and optimise their costs*. This week you build each piece on Tidewater's own
# requests, Kubernetes manifests and cloud bill, and measure how close the platform gets.
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
# 1. Describe a self-service infrastructure API the way **Crossplane** (claims and compositions)
#    and **Terraform** (typed module variables) define one, **validate** requests against a schema
#    with defaults, and **compose** a valid request into the resources it creates.
# 2. Write **policies as code** as Kubernetes **ValidatingAdmissionPolicy** objects with CEL
#    (required labels, no `latest` tag, container limits) and as request rules (allowed regions, a
#    cost ceiling), choose **deny, warn and audit** enforcement for a roll-out, and route requests
#    so that small, compliant ones never wait for a human.
# 3. Read a cloud bill in the **FinOps FOCUS** format, choose the right cost column for a
#    **showback**, allocate **shared and idle** Kubernetes cost the way **OpenCost** does, and avoid
#    the list-price "savings" trap.
# 4. Forecast a month's spend against a **budget**, find a **cost anomaly**, and build a team cost
#    dashboard.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads this week's data from the course's `data/` folder and applies the
# course's colour-blind-safe figure style. `requests` holds six months of infrastructure requests
# made through the portal, with the decision taken and when; `manifests` the Kubernetes manifests
# (a Deployment and a Service per file) that teams submitted to the clusters; `bill` three months
# of cloud charges from AWS, Google Cloud and Microsoft Azure in the FOCUS format; `usage` and
# `capacity` the daily CPU requests and usage of every namespace and the clusters' capacity.
# Every column is documented in `data/README.md`.

# %% nbgrader={"grade_id": "setup", "locked": true}
import io
import json

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from jsonschema import Draft202012Validator

from workbook import interactive_enabled, load, use_course_style
from workbook.data import load_yaml_folder
from workbook.style import OKABE_ITO

use_course_style()
requests = load("infra_requests")            # one row per portal request, with its decision
manifests = load_yaml_folder("manifests")    # one row per YAML document (doc = the parsed manifest)
bill = load("focus_bill")                    # FOCUS 1.2 charges, June to August 2026
usage = load("namespace_usage")              # CPU requests and usage per namespace and day
capacity = load("cluster_capacity")          # nodes and allocatable CPU per cluster and day
services = load("services")                  # owner team of every service
teams = load("teams")                        # business unit of every team
print(f"{len(requests)} requests, {manifests['file'].nunique()} manifest files, {len(bill):,} bill rows "
      f"({bill['ChargePeriodStart'].min():%Y-%m-%d} to {bill['ChargePeriodEnd'].max():%Y-%m-%d}), "
      f"{usage['namespace'].nunique()} namespaces on {usage['cluster'].nunique()} clusters")
requests.head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · A self-service API is a schema plus a composition
#
# A self-service platform replaces a ticket with an **API**: the developer states *what* they need
# (a Postgres database, size medium, for the `orders-api` service) and the platform decides *how*
# it is built. Two widely used tools show the two halves of that contract.
#
# **Crossplane** extends Kubernetes with your own resource types. A *CompositeResourceDefinition*
# (XRD) declares the API: its group, its names and, per version, an **OpenAPI v3 schema** of the
# fields a request may carry, which are `required`, which values are allowed (`enum`), and their
# `default`s. A developer creates a **claim** (a namespaced request object of that type); a
# **Composition** is the template that turns it into managed resources — for a database, the
# instance and its subnet group; the database instance writes its credentials to a **connection
# secret** (`writeConnectionSecretToRef`), which the developer's application reads (Crossplane
# documentation, *Composite Resource Definitions*, *Compositions* and *Managed Resources*).
# Crossplane v2 lets composite resources live in a namespace directly, but the idea is the same.
#
# **Terraform** modules play the same role with **input variables**: each `variable` block has a
# `type` (`string`, `number`, `list(string)`, `object({...})`), an optional `default` (a variable
# *without* a default is required), a `description`, and `validation` blocks whose `condition` must
# hold, with the `error_message` a caller sees when it does not (HashiCorp, *Input Variables*).
#
# In both, validation happens **before** anything is created, and the error names the field that
# is wrong. This notebook writes the platform's request schema in **JSON Schema** (draft 2020-12,
# the language OpenAPI 3.1 builds on) and checks requests with the `jsonschema` library. One detail
# catches many people: in JSON Schema, `default` is an **annotation**, not an instruction — a
# validator reports errors but never fills a default in (JSON Schema Validation 2020-12, §9.2; the
# `jsonschema` FAQ). The Kubernetes API server *does* apply the defaults of a structural CRD schema,
# and Terraform applies a variable's default; a platform written in Python has to apply them itself.
#
# What is the payoff? A request that passes the schema and the policies (Lab 2) needs no human, so
# it is done in minutes. The CNCF *Platforms White Paper* (2023) counts such self-service
# capabilities among the core of a platform, and the first lab measures what they change.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · Self-service provisioning
#
# The platform's request API is the schema below: the fields of a request, which are required,
# the allowed values and the defaults. `ALLOWED_REGIONS` lists the regions the organisation runs in
# (the first one of each provider is its default), and `COMPOSITIONS` says which resources each
# kind of request creates, as a Crossplane Composition would. Read them, then try the validator on
# a request of your own in the cell after.

# %% nbgrader={"grade_id": "lab-1-schema", "locked": true}
ALLOWED_REGIONS = {
    "AWS": ["eu-west-1", "eu-central-1"],
    "Google Cloud": ["europe-west1", "europe-west4"],
    "Microsoft": ["westeurope", "northeurope"],
}
REQUEST_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Infrastructure request (the platform's self-service API)",
    "type": "object",
    "required": ["team_id", "service_id", "resource_type", "provider", "tags"],
    "additionalProperties": False,
    "properties": {
        "team_id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "service_id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "resource_type": {"enum": ["postgres", "redis", "object-bucket", "queue", "kubernetes-namespace", "vm"]},
        "size": {"enum": ["small", "medium", "large", "xlarge"], "default": "small"},
        "provider": {"enum": ["AWS", "Google Cloud", "Microsoft"]},
        "region": {"type": "string", "minLength": 1},
        "tags": {
            "type": "object",
            "required": ["cost-center"],
            "properties": {"cost-center": {"type": "string", "pattern": "^CC-[0-9]{4}$"}},
            "additionalProperties": {"type": "string"},
        },
    },
}
COMPOSITIONS = {  # resource_type -> the resources it creates: (kind, name suffix); a Secret is the connection secret
    "postgres": [("DatabaseInstance", "db"), ("SubnetGroup", "db-subnets"), ("Secret", "db-credentials")],
    "redis": [("CacheCluster", "cache"), ("Secret", "cache-credentials")],
    "object-bucket": [("Bucket", "bucket"), ("BucketPolicy", "bucket-policy")],
    "queue": [("Queue", "queue"), ("Queue", "queue-dlq")],
    "kubernetes-namespace": [("Namespace", "ns"), ("ResourceQuota", "ns-quota"), ("RoleBinding", "ns-admins")],
    "vm": [("Instance", "vm"), ("SecurityGroup", "vm-firewall")],
}
Draft202012Validator.check_schema(REQUEST_SCHEMA)  # the schema itself is valid JSON Schema
print(json.dumps(REQUEST_SCHEMA["properties"]["size"]), "| required:", REQUEST_SCHEMA["required"])

# %% nbgrader={"grade_id": "lab-1-try", "locked": true}
example_request = {"team_id": "orders", "service_id": "orders-api", "resource_type": "postgres",
                   "size": "huge", "provider": "AWS", "tags": {"team": "orders"}}
for error in Draft202012Validator(REQUEST_SCHEMA).iter_errors(example_request):
    print(f"{list(error.absolute_path)!s:<12} {error.validator:<12} {error.message}")

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · Which fields are wrong?
#
# A developer needs to know **every** field to fix, not just the first. Write
# `validation_errors(request)` that checks a request (a dict) against `REQUEST_SCHEMA` and returns
# a **sorted list of the names of the fields with a problem**, without duplicates (`[]` for a valid
# request). Name a field by its path with dots, e.g. `"size"` or `"tags.cost-center"`:
#
# - for a **missing required** field, name the missing field (`"tags"`, or `"tags.cost-center"`
#   when the tags lack it) — jsonschema reports this error *on the parent object*, with the list of
#   required names in `error.validator_value`;
# - for a field the schema does **not allow** (`additionalProperties` is false), name that field;
# - for any other error, name the field whose value is wrong (`error.absolute_path`).
#
# Use `Draft202012Validator(REQUEST_SCHEMA).iter_errors(...)`: `validate()` stops at the first error.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def validation_errors(request: dict) -> list:
    """Sorted, distinct dotted names of the fields of `request` that break REQUEST_SCHEMA."""
    ### BEGIN SOLUTION
    fields = set()
    for error in Draft202012Validator(REQUEST_SCHEMA).iter_errors(request):
        path = [str(p) for p in error.absolute_path]
        if error.validator == "required":
            names = [p for p in error.validator_value if p not in error.instance]
        elif error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            names = [p for p in error.instance if p not in allowed]
        else:
            names = [None]
        fields.update(".".join(path + ([n] if n is not None else [])) for n in names)
    return sorted(fields)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: validation_errors returns a sorted list of field names; [] for a valid request."""
from graders import call, check, check_type, passed

_valid = {"team_id": "orders", "service_id": "orders-api", "resource_type": "redis", "provider": "AWS",
          "tags": {"cost-center": "CC-1010"}}
_rule = "a sorted list of the dotted names of the fields with a problem; [] when the request is valid."
_answer = call(validation_errors, dict(_valid), name="validation_errors")
check_type(_answer, list, "validation_errors(valid request)")
check(_answer == [], "validation_errors(valid request)", "should be [] for a request the schema accepts.", _rule)
_answer = call(validation_errors, {**_valid, "size": "huge"}, name="validation_errors")
check(_answer == ["size"], "validation_errors(request with size 'huge')", "should name the one wrong field, 'size'.", _rule)
passed("validation_errors")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of validation_errors (2 points) run when your notebook is graded:
# requests with several errors at once, nested fields and fields the schema does not allow.
from graders import call

_ = call(validation_errors, dict(example_request), name="validation_errors")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_rule = ("name every field with a problem, sorted and distinct: a missing required field by its own name "
         "(tags.cost-center), a field the schema does not allow by its name, any other error by the path of the wrong value.")
_base = {"team_id": "orders", "service_id": "orders-api", "resource_type": "postgres", "provider": "AWS",
         "tags": {"cost-center": "CC-1010"}}
_cases = {
    "several errors at once": {**_base, "size": "huge", "provider": "aws", "region": ""},
    "missing required fields": {"resource_type": "vm", "provider": "Microsoft"},
    "tags without a cost-center": {**_base, "tags": {"team": "orders"}},
    "a malformed cost-center and a non-string tag": {**_base, "tags": {"cost-center": "1010", "owner": 7}},
    "fields the schema does not allow": {**_base, "colour": "blue", "replicas": 3},
    "everything at once": {"team_id": "Orders!", "resource_type": "mainframe", "tags": {}, "colour": "red"},
}
for _what, _req in _cases.items():
    expect.value(f"validation_errors ({_what})", call(validation_errors, json.loads(json.dumps(_req)), name="validation_errors"), _rule)
_r = _load("infra_requests").head(40)
_reqs = [{"team_id": t, "service_id": s, "resource_type": rt, "size": sz, "provider": p, "region": rg, "tags": json.loads(tg)}
         for t, s, rt, sz, p, rg, tg in zip(_r["team_id"], _r["service_id"], _r["resource_type"], _r["size"],
                                             _r["provider"], _r["region"], _r["tags"])]
expect.value("validation_errors (the first 40 portal requests)",
             [call(validation_errors, q, name="validation_errors") for q in _reqs], _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (3 points) · Compose a request into resources
#
# Write `compose(request)` — the platform's Composition. It
#
# 1. refuses an invalid request: if `validation_errors(request)` is not empty, **raise a
#    `ValueError`** whose message names the fields (no resource may be created from a bad request);
# 2. applies the **defaults**: `size` takes the schema's default (read it from `REQUEST_SCHEMA`,
#    do not type it) and a missing `region` becomes the provider's first region in `ALLOWED_REGIONS`;
# 3. returns a **DataFrame with one row per resource** in `COMPOSITIONS[resource_type]`, in that
#    order, with the columns `kind`, `name` (`<service_id>-<suffix>`, e.g. `orders-api-db`),
#    `provider`, `region` and `size`.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def compose(request: dict) -> pd.DataFrame:
    """The resources a valid request creates, with the schema's defaults applied."""
    ### BEGIN SOLUTION
    problems = validation_errors(request)
    if problems:
        raise ValueError(f"invalid request, fix these fields: {', '.join(problems)}")
    size = request.get("size", REQUEST_SCHEMA["properties"]["size"]["default"])
    region = request.get("region", ALLOWED_REGIONS[request["provider"]][0])
    parts = COMPOSITIONS[request["resource_type"]]
    return pd.DataFrame({
        "kind": [kind for kind, _ in parts],
        "name": [f"{request['service_id']}-{suffix}" for _, suffix in parts],
        "provider": request["provider"], "region": region, "size": size,
    })
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: compose returns one row per composed resource with the five columns."""
from graders import call, check, check_type, passed

_req = {"team_id": "orders", "service_id": "orders-api", "resource_type": "postgres", "size": "medium",
        "provider": "AWS", "region": "eu-central-1", "tags": {"cost-center": "CC-1010"}}
_answer = call(compose, dict(_req), name="compose")
check_type(_answer, pd.DataFrame, "compose(postgres request)")
_cols = ["kind", "name", "provider", "region", "size"]
check(all(c in _answer.columns for c in _cols), "compose(postgres request)",
      f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(len(_answer) == len(COMPOSITIONS["postgres"]), "compose(postgres request)",
      "should have one row per resource of COMPOSITIONS['postgres'].")
check(list(_answer["name"]) == ["orders-api-db", "orders-api-db-subnets", "orders-api-db-credentials"],
      "compose(postgres request)['name']", "should be '<service_id>-<suffix>' for each resource, in order.")
passed("compose")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of compose (2 points) run when your notebook is graded:
# requests that rely on the defaults, every resource type, and invalid requests.
from graders import call

_ = call(compose, {"team_id": "orders", "service_id": "orders-api", "resource_type": "queue", "provider": "AWS",
                   "tags": {"cost-center": "CC-1010"}}, name="compose")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("compose: refuse an invalid request with a ValueError; apply the schema's default size and the provider's "
         "first allowed region when they are missing; one row per resource of the composition, named <service_id>-<suffix>.")
_tags = {"cost-center": "CC-2040"}
_reqs = {
    "a namespace with no size and no region (Google Cloud)": {"team_id": "search", "service_id": "search-api",
        "resource_type": "kubernetes-namespace", "provider": "Google Cloud", "tags": _tags},
    "a vm with a size and no region (Microsoft)": {"team_id": "payments", "service_id": "payments-batch",
        "resource_type": "vm", "size": "xlarge", "provider": "Microsoft", "tags": _tags},
    "a bucket with a region and no size": {"team_id": "media", "service_id": "media-store", "resource_type": "object-bucket",
        "provider": "AWS", "region": "eu-central-1", "tags": _tags},
    "a redis with everything given": {"team_id": "cart", "service_id": "cart-api", "resource_type": "redis", "size": "large",
        "provider": "Google Cloud", "region": "europe-west4", "tags": _tags},
}
for _what, _req in _reqs.items():
    expect.frame(f"compose ({_what})", call(compose, json.loads(json.dumps(_req)), name="compose"), _rule,
                 what="resource", key=["kind", "name"], check_order=False)
for _what, _req in {"a request without tags": {"team_id": "cart", "service_id": "cart-api", "resource_type": "redis", "provider": "AWS"},
                    "a request with an unknown size": {"team_id": "cart", "service_id": "cart-api", "resource_type": "redis",
                                                       "size": "huge", "provider": "AWS", "tags": _tags}}.items():
    try:
        compose(json.loads(json.dumps(_req)))
        _refused = False
    except ValueError:
        _refused = True
    except Exception:  # another kind of error is not the clear refusal asked for
        _refused = False
    expect.value(f"compose ({_what}) is refused with a ValueError", _refused, _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-1-turnaround", "locked": true}
# ### Manual versus self-service, on the data
#
# Since March every request goes through the portal. Small and medium requests that follow the
# rules are approved by the platform in minutes (`decision = auto-approved`); the others wait for a
# person in cloud-foundations, who approves or rejects them. **Figure 1** (below) shows how long a
# developer waited for a decision on each path. *Text description:* two histograms on a logarithmic
# time axis; the self-service requests are all decided within a few minutes, the manual ones
# spread from a few hours to several days, most of them around a day.

# %% nbgrader={"grade_id": "figure-1", "locked": true}
wait_hours = (requests["decided_at"] - requests["requested_at"]).dt.total_seconds() / 3600
self_service = requests["decision"].eq("auto-approved")
fig, ax = plt.subplots()
bins = np.logspace(-2.5, 2.5, 40)
ax.hist(wait_hours[self_service], bins=bins, color=OKABE_ITO[0], label="self-service (auto-approved)")
ax.hist(wait_hours[~self_service], bins=bins, color=OKABE_ITO[1], label="manual (approved or rejected by a person)")
ax.set_xscale("log")
ax.set_title("Figure 1. Time from request to decision")
ax.set_xlabel("time to decision (hours, log scale)")
ax.set_ylabel("requests (count)")
ax.legend()
plt.show()

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (3 points) · Turnaround of each path
#
# Write `turnaround(requests)` returning a **DataFrame indexed by `path`** with one row for
# `"self-service"` (the platform decided) and one for `"manual"` (a person decided), measuring how
# long developers waited for an answer on each path (`decision` and `data/README.md` say who
# decided). Its columns:
#
# - `requests` — the number of requests on the path;
# - `median_hours` and `p90_hours` — the median and the 90th percentile (pandas' default
#   `quantile(0.9)`) of the time from `requested_at` to `decided_at`, in hours.
#
# Waiting times are skewed: a few requests wait a week. That is why the median and a high
# percentile describe them, not the mean.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def turnaround(requests: pd.DataFrame) -> pd.DataFrame:
    """Requests, median and 90th-percentile hours to decision, for the self-service and manual paths."""
    ### BEGIN SOLUTION
    hours = (requests["decided_at"] - requests["requested_at"]).dt.total_seconds() / 3600
    path = np.where(requests["decision"].eq("auto-approved"), "self-service", "manual")
    grouped = hours.groupby(pd.Series(path, index=requests.index, name="path"))
    return pd.DataFrame({"requests": grouped.size(), "median_hours": grouped.median(),
                         "p90_hours": grouped.quantile(0.9)})
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: turnaround has the two paths, the three columns, and every request counted once."""
from graders import call, check, check_type, passed

_answer = call(turnaround, requests.copy(), name="turnaround")
check_type(_answer, pd.DataFrame, "turnaround(requests)")
check(set(_answer.index) == {"self-service", "manual"}, "turnaround(requests)",
      "should be indexed by path, with the rows 'self-service' and 'manual'.")
check(all(c in _answer.columns for c in ["requests", "median_hours", "p90_hours"]), "turnaround(requests)",
      "should have the columns requests, median_hours and p90_hours.")
check(int(_answer["requests"].sum()) == len(requests), "turnaround(requests)['requests']",
      "should count every request exactly once, on the path of whoever decided it.")
check(bool((_answer["p90_hours"] >= _answer["median_hours"]).all()), "turnaround(requests)",
      "has a 90th percentile below the median: check the two columns.")
passed("turnaround")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of turnaround (2 points) run when your notebook is graded.
from graders import call

_ = call(turnaround, requests.copy(), name="turnaround")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_r = _load("infra_requests")
_rule = ("path = self-service for auto-approved, manual for approved or rejected; per path the number of requests and the "
         "median and 90th percentile (quantile(0.9)) of decided_at - requested_at in hours.")


def _by_path(result):
    try:
        return result.rename_axis("path").reset_index()
    except Exception:
        return result


expect.frame("turnaround", _by_path(call(turnaround, _r.copy(), name="turnaround")), _rule, what="path",
             key=["path"], check_order=False)
_t0 = pd.Timestamp("2026-05-04T09:00:00Z")
_k = pd.DataFrame({"decision": ["auto-approved"] * 3 + ["approved", "approved", "rejected", "rejected", "approved"],
                   "hours": [0.05, 0.1, 0.02, 2.0, 30.0, 4.0, 200.0, 26.0]})
_k["requested_at"] = _t0
_k["decided_at"] = _t0 + pd.to_timedelta(_k["hours"], unit="h")
expect.frame("turnaround (a skewed hand-made table)", _by_path(call(turnaround, _k.drop(columns="hours"), name="turnaround")),
             _rule, what="path", key=["path"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-1-result", "locked": true}
# With your function, the gap between the two paths in one table: how many times longer does a
# developer wait when a person has to decide?

# %% nbgrader={"grade_id": "lab-1-ratio", "locked": true}
paths = turnaround(requests)
display(paths.round(2))
print(f"A manual decision takes {paths.loc['manual', 'median_hours'] / paths.loc['self-service', 'median_hours']:,.0f} "
      "times as long as a self-service one (medians).")

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Policy as code: admission control, ValidatingAdmissionPolicy, deny, warn and audit
#
# Self-service without guardrails only moves the risk. The guardrails of a platform are **policies
# written as code**: versioned, reviewed and tested like any other code, and evaluated by a
# machine on every request instead of by a person on some of them.
#
# In Kubernetes the natural place for them is **admission control**. Every request to the API
# server passes through admission controllers after authentication and authorization; validating
# admission may reject it, and the rejection message goes straight back to the person or pipeline
# that sent it (Kubernetes documentation, *Admission Control*). Two kinds of engine are common:
#
# - **OPA Gatekeeper** plugs the Open Policy Agent into a validating webhook: a *ConstraintTemplate*
#   holds a policy in OPA's language **Rego**, and a *constraint* applies it to chosen kinds. Its
#   library ships reusable templates such as `k8srequiredlabels` (the object carries certain label
#   *keys*; a label with an empty value is provided), `k8sdisallowedtags` and `k8scontainerlimits`.
#   `k8sdisallowedtags` versions up to 1.0.1 tested for a `:` anywhere in the image, which misses an
#   image pulled from a registry with a port: `registry.example:5000/shop/app` contains a `:` but has
#   no tag. The current 1.0.2 looks for the `:` in the last `/`-separated part of the image, as this
#   lab does (gatekeeper-library, `library/general/disallowedtags`). The library's templates read a
#   Pod's `spec`; to check a Deployment's pod template before it is deployed, Gatekeeper's `gator`
#   CLI needs an **ExpansionTemplate** that expands the Deployment into the Pod it would create.
# - **ValidatingAdmissionPolicy** is built into the API server (`admissionregistration.k8s.io/v1`,
#   stable since Kubernetes 1.30): no webhook to run. A policy has `matchConstraints` (which
#   `resourceRules` — API groups, versions, resources and **operations** — and which namespaces, via
#   a `namespaceSelector`, it covers) and a list of `validations`, each a **CEL** expression that
#   must be true, with the `message` a developer reads when it is not. `variables` name
#   sub-expressions that the validations reuse (`variables.containers`), and `matchConditions`
#   skip requests early (Kubernetes documentation, *Validating Admission Policy*).
#
# CEL (the Common Expression Language) evaluates against the object being admitted, `object`. The
# parts a policy needs: `has(object.metadata.labels)` tests that a field is set (reading a field
# that is not set is an error, not an empty value); `'team' in object.metadata.labels` tests a
# map key; `list.all(x, cond)` and `list.exists(x, cond)` quantify over a list; strings have
# `startsWith`, `endsWith`, `contains`, `size()` and `matches(regex)` (RE2, true when the regex
# matches anywhere in the string); `cond ? a : b` chooses; `+` joins two lists. Kubernetes adds
# extension libraries (`split`, `lastIndexOf`, quantities...) that this lab's CEL runtime does not
# have: write the rules with the standard functions.
#
# **Which requests does a policy see?** Only those its `resourceRules` list, for the operations
# listed: a policy on `CREATE` alone lets anyone `UPDATE` a running Deployment to `:latest`. A
# Deployment lives in the API group `apps`, a Service in the core group `""`, a Job in `batch`.
# Every namespace carries the label `kubernetes.io/metadata.name` with its own name, so a
# `namespaceSelector` with `operator: NotIn` on that key leaves chosen namespaces alone — the
# platform's own system namespaces, whose components the platform team deploys and patches itself.
#
# **How a violation is enforced** is a choice of the *ValidatingAdmissionPolicyBinding*, which
# puts a policy into force: its `validationActions` are `Deny` (reject the request), `Warn` (admit
# it and send the message to the client as a warning: `kubectl` prints it, CI logs show it) and
# `Audit` (admit it and record the failure in the API server's audit event). `Deny` and `Warn` may
# not be used together; `Audit` combines with either. A policy without a binding does nothing.
# Gatekeeper names the same choice `enforcementAction`: `deny`, `warn` and `dryrun`, where a
# `dryrun` violation is admitted and the next **audit** run lists it in the constraint's status
# (audit also lists existing objects that break the rule; Gatekeeper documentation, *Handling
# Constraint Violations*). Kyverno calls them `Enforce` and `Audit`. Rolling out a new rule as an
# audit or a warning first, measuring what it *would* block, and switching to deny once the
# violations are fixed is how a platform reaches full compliance **without blocking developers** on
# day one.
#
# The same engine can decide infrastructure requests: policies say what is never allowed (a
# region outside the EU, no cost-center tag, a monthly cost above a ceiling), and **thresholds**
# decide what is safe enough to approve automatically; everything else is routed to a person.

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · Policy as code
#
# The platform's rules, as parameters (the library's disallowed-tags sample forbids the same tag,
# `latest`), and the **admission evaluator** of this lab (`workbook.admission`, the course's public helper
# that the capstone uses too): `admit(policy_yaml, obj)` reads your
# ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects, checks them the way the
# API server does when you create them (unknown fields, required fields, `Deny` with `Warn`), and
# evaluates their CEL with a CEL runtime from PyPI (`common-expression-language`, module `cel`, an
# interpreter of the CEL specification), the way the API server would admit
# `obj`: it returns whether the object is allowed, the warnings the client sees and the audit
# records. Look at one of the submitted manifests: which rule would it break?

# %% nbgrader={"grade_id": "lab-2-policies", "locked": true}
REQUIRED_LABELS = ["app.kubernetes.io/name", "team", "cost-center"]  # every workload and Service
DISALLOWED_TAGS = ["latest"]                                          # and an image must have a tag
SYSTEM_NAMESPACES = ["kube-system", "monitoring", "ingress"]          # the platform's own: left alone
COST_CEILING_USD = 1000.0        # no request may cost more than this a month (a policy)
AUTO_APPROVE_SIZES = {"small", "medium"}
AUTO_APPROVE_MAX_USD = 250.0     # a request within the sizes and up to this monthly cost needs no human (a threshold)
deployments = manifests[manifests["kind"].eq("Deployment")]
sidecars = deployments[deployments["doc"].map(lambda d: len(d["spec"]["template"]["spec"]["containers"]) > 1)]
example = (sidecars if len(sidecars) else deployments).iloc[0]
print(example["file"], json.dumps(example["doc"]["spec"]["template"]["spec"], indent=1))

# %% nbgrader={"grade_id": "lab-2-evaluator", "locked": true}
from workbook.admission import (ADMISSION_API, RESOURCES, PolicyError, admit, load_admission,  # noqa: F401
                                load_problem, messages, outcome)

print(f"The evaluator (workbook.admission) admits {', '.join(sorted(RESOURCES))} against {ADMISSION_API} policies.")

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (4 points) · The platform's admission policies, as ValidatingAdmissionPolicy
#
# Write `admission_policies()` returning **YAML text**: the `ValidatingAdmissionPolicy` and
# `ValidatingAdmissionPolicyBinding` objects (`admissionregistration.k8s.io/v1`) that put the
# platform's three manifest rules into force on its clusters, each validation with a `message` a
# developer can act on:
#
# - **required labels**: every workload (Deployment, StatefulSet, DaemonSet, Job) and every Service
#   carries the label keys of `REQUIRED_LABELS`;
# - **image tags**: every container of a workload's pod template has an image with a tag, and the
#   tag is not one of `DISALLOWED_TAGS` (Reading 2: an image without a tag means `latest`);
# - **container limits**: every container of a workload's pod template sets a CPU and a memory
#   limit.
#
# The roll-out the platform team agreed: labels and tags are ready to **block** today. Limits are
# new: a developer must **see** the message at once but nothing may be blocked yet, and the platform
# team wants each such admission **recorded** to measure the roll-out. The platform's own namespaces
# (`SYSTEM_NAMESPACES`) are left alone. Try your policies with `admit(...)` on the manifests and on
# objects of your own (the cell after the check shows how); the graded checks admit hidden objects.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def admission_policies() -> str:
    """YAML text: ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects for the platform's rules."""
    ### BEGIN SOLUTION
    workloads = """
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["deployments", "statefulsets", "daemonsets"]
    - apiGroups: ["batch"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["jobs"]"""
    not_system = f"""
    namespaceSelector:
      matchExpressions:
      - key: kubernetes.io/metadata.name
        operator: NotIn
        values: {json.dumps(SYSTEM_NAMESPACES)}"""
    containers = """
  variables:
  - name: containers
    expression: >-
      object.spec.template.spec.containers +
      (has(object.spec.template.spec.initContainers) ? object.spec.template.spec.initContainers : [])"""
    tags = " && ".join(f"!c.image.endsWith(':{t}')" for t in DISALLOWED_TAGS)
    return f"""
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicy
metadata:
  name: required-labels
spec:
  failurePolicy: Fail
  matchConstraints:{workloads}
    - apiGroups: [""]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["services"]{not_system}
  validations:
  - expression: >-
      has(object.metadata.labels) &&
      {json.dumps(REQUIRED_LABELS)}.all(k, k in object.metadata.labels)
    message: "every workload and Service needs the labels {', '.join(REQUIRED_LABELS)}"
---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicy
metadata:
  name: image-tags
spec:
  failurePolicy: Fail
  matchConstraints:{workloads}{not_system}{containers}
  validations:
  - expression: "variables.containers.all(c, c.image.matches(':[^/]+$'))"
    message: "every container image needs a tag (no tag means latest): pin a version"
  - expression: "variables.containers.all(c, {tags})"
    message: "a container image uses a disallowed tag ({', '.join(DISALLOWED_TAGS)}): pin a version"
---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicy
metadata:
  name: container-limits
spec:
  failurePolicy: Fail
  matchConstraints:{workloads}{not_system}{containers}
  validations:
  - expression: >-
      variables.containers.all(c, has(c.resources) && has(c.resources.limits) &&
      has(c.resources.limits.cpu) && string(c.resources.limits.cpu) != '' &&
      has(c.resources.limits.memory) && string(c.resources.limits.memory) != '')
    message: "every container needs a CPU and a memory limit"
---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: required-labels
spec:
  policyName: required-labels
  validationActions: [Deny]
---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: image-tags
spec:
  policyName: image-tags
  validationActions: [Deny]
---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: container-limits
spec:
  policyName: container-limits
  validationActions: [Warn, Audit]
"""
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the policies load, block a latest image, warn about missing limits and admit a compliant Deployment."""
from graders import call, check, check_type, passed

_yaml = call(admission_policies, name="admission_policies")
check_type(_yaml, str, "admission_policies()")
_problem = load_problem(_yaml)
check(_problem == "", "admission_policies()", f"is not accepted by the evaluator: {_problem}")
_labels = {"app.kubernetes.io/name": "shop", "team": "shop", "cost-center": "CC-1000"}


def _shop(image="registry.tidewater.example/shop/app:1.4.2", limits=None, namespace="shop"):
    container = {"name": "app", "image": image,
                 "resources": {"limits": limits if limits is not None else {"cpu": "1", "memory": "1Gi"}}}
    return {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "shop", "namespace": namespace, "labels": dict(_labels)},
            "spec": {"template": {"spec": {"containers": [container]}}}}


_rule = "labels and tags block (Deny); missing limits warn and are recorded (Warn and Audit); system namespaces are left alone."
for _what, _obj, _want in [
        ("a compliant Deployment", _shop(), "admitted"),
        ("a Deployment on :latest", _shop(image="registry.tidewater.example/shop/app:latest"), "denied"),
        ("a Deployment without limits", _shop(limits={}), "warned"),
        ("a Deployment on :latest in kube-system", _shop(image="registry.tidewater.example/shop/app:latest",
                                                         namespace="kube-system"), "admitted")]:
    _result = admit(_yaml, _obj)
    check(outcome(_result) == _want, f"admit(admission_policies(), {_what})",
          f"was {outcome(_result)} (the evaluator said: {messages(_result)}); it should be {_want}.", _rule)
check(bool(admit(_yaml, _shop(limits={}))["audit"]), "admit(admission_policies(), a Deployment without limits)",
      "was not recorded for the audit.", _rule)
passed("admission_policies")

# %% [markdown] nbgrader={"grade_id": "ex-4-try", "locked": true}
# Try your policies on one submitted manifest and on an object of your own: `admit` returns the
# decision, the warnings a developer sees and the audit records; `outcome` says it in one word.

# %% nbgrader={"grade_id": "ex-4-try-code", "locked": true}
try:
    _try = admit(admission_policies(), example["doc"])
    print(outcome(_try), json.dumps(_try, indent=1)[:800])
except (NotImplementedError, PolicyError) as _exc:
    print(f"{type(_exc).__name__}: {_exc}")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of admission_policies (3 points) run when your notebook is graded: every submitted
# manifest, and hand-made objects at the edges of each rule, operation and namespace.
from graders import call

_ = call(admission_policies, name="admission_policies")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook.admission import decide as _decide_with
from workbook.data import load_yaml_folder as _load_yaml_folder

_rule = ("required labels (keys; an empty value is provided) on workloads and Services, and a tag that is not disallowed "
         "in the last /-part of every image of containers and initContainers block (Deny); missing or empty CPU or memory "
         "limits warn and are recorded (Warn, Audit); on CREATE and UPDATE; the system namespaces are left alone.")
_yaml = call(admission_policies, name="admission_policies")


def _decide(obj, operation="CREATE"):
    return _decide_with(_yaml, obj, operation)


_m = _load_yaml_folder("manifests")
expect.value("admit (every submitted manifest)", {f"{f}#{k}": _decide(d) for f, k, d in zip(_m["file"], _m["kind"], _m["doc"])},
             _rule)
_labels = {"app.kubernetes.io/name": "shop", "team": "shop", "cost-center": "CC-1000"}
_res = {"limits": {"cpu": "500m", "memory": "512Mi"}}


def _deploy(containers, init=(), labels=_labels, kind="Deployment", api="apps/v1", namespace="shop"):
    pod = {"containers": list(containers)}
    if init:
        pod["initContainers"] = list(init)
    return {"apiVersion": api, "kind": kind, "metadata": {"name": "shop", "namespace": namespace, "labels": dict(labels)},
            "spec": {"template": {"metadata": {"labels": {"app": "shop"}}, "spec": pod}}}


_app = {"name": "app", "image": "shop/app:1.0", "resources": _res}
_cases = {
    "an image from a registry with a port and no tag": _deploy([{**_app, "image": "registry.example:5000/shop/app"}]),
    "a pinned image from a registry with a port": _deploy([{**_app, "image": "registry.example:5000/shop/app:2.1.0"}]),
    "an init container on latest": _deploy([_app], init=[{"name": "migrate", "image": "tools/migrate:latest", "resources": _res}]),
    "an init container without limits": _deploy([_app], init=[{"name": "migrate", "image": "tools/migrate:1.2"}]),
    "a tag that only contains the word latest": _deploy([{**_app, "image": "shop/app:latest-rc1"}]),
    "an empty cpu limit": _deploy([{**_app, "resources": {"limits": {"cpu": "", "memory": "1Gi"}}}]),
    "a sidecar with a memory limit only": _deploy([_app, {"name": "proxy", "image": "proxy:2",
                                                          "resources": {"limits": {"memory": "64Mi"}, "requests": {"cpu": "50m"}}}]),
    "a container without resources": _deploy([{"name": "app", "image": "shop/app:1.0"}]),
    "a label with an empty value": _deploy([_app], labels={**_labels, "cost-center": ""}),
    "a StatefulSet without labels": _deploy([{**_app, "image": "postgres:16"}], labels={}, kind="StatefulSet"),
    "a Job on latest": _deploy([{**_app, "image": "tools/report:latest"}], kind="Job", api="batch/v1"),
    "a DaemonSet in monitoring without labels, limits or tag": _deploy([{"name": "agent", "image": "agent"}], labels={},
                                                                       kind="DaemonSet", namespace="monitoring"),
    "a Deployment in ingress on latest": _deploy([{**_app, "image": "ingress-nginx/controller:latest"}], namespace="ingress"),
    "a Deployment in a team namespace called kube-tools on latest": _deploy([{**_app, "image": "shop/app:latest"}],
                                                                            namespace="kube-tools"),
    "a Service without the team label": {"apiVersion": "v1", "kind": "Service", "metadata": {
        "name": "svc", "namespace": "shop", "labels": {"app.kubernetes.io/name": "svc", "cost-center": "CC-1"}},
        "spec": {"selector": {"image": "x:latest"}}},
    "a ConfigMap without labels": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg", "namespace": "shop"}},
}
expect.value("admit (hand-made objects at the edges of each rule, on CREATE)", {w: _decide(o) for w, o in _cases.items()}, _rule)
expect.value("admit (the same objects, on UPDATE)", {w: _decide(o, "UPDATE") for w, o in _cases.items()}, _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-audit", "locked": true}
# ### What the policies do to the submitted manifests
#
# Admit every submitted manifest under your policies, as the API server would have. **Figure 2**
# counts, per policy, the objects it denied and the objects it admitted with a warning. *Text
# description:* one horizontal bar per policy and action; the tag rule denies the most objects,
# the label rule denies half as many (a file's Deployment and its Service both lack the label),
# and the limits rule warns about the fewest.

# %% nbgrader={"grade_id": "figure-2", "locked": true}
POLICY_YAML = admission_policies()
admitted = [admit(POLICY_YAML, d) for d in manifests["doc"]]
audit = pd.DataFrame([{"file": f, "kind": k, "action": action, "policy": msg.split("'")[1], "message": msg}
                      for f, k, r in zip(manifests["file"], manifests["kind"], admitted)
                      for action, msgs in (("denied", r["denied"]), ("warned", r["warnings"])) for msg in msgs],
                     columns=["file", "kind", "action", "policy", "message"])
per_policy = audit.drop_duplicates(["file", "kind", "action", "policy"]).groupby(["policy", "action"]).size().sort_values()
fig, ax = plt.subplots(figsize=(8, 3))
ax.barh([f"{p} ({a})" for p, a in per_policy.index], per_policy.to_numpy(), color=OKABE_ITO[3])
ax.set_title("Figure 2. Submitted objects denied or warned, per admission policy")
ax.set_xlabel("objects (count)")
ax.set_ylabel("policy (action)")
plt.show()
outcomes = pd.Series([outcome(r) for r in admitted]).value_counts()
print(f"Of {len(manifests)} submitted objects: " + ", ".join(f"{n} {o}" for o, n in outcomes.items()) + ".")
audit.head(8)

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (3 points) · Policies for infrastructure requests
#
# The same idea for the portal's requests. Write `request_violations(requests)` returning a
# **DataFrame with the columns `request_id` and `rule`, one row per request and rule it breaks**
# (no row for a compliant request), for three rules:
#
# - `cost-center-tag`: every request names the cost center that pays for it in its `tags` (a JSON
#   object in a string), e.g. `{"team": "orders", "cost-center": "CC-1010"}`;
# - `allowed-region`: a request only uses a region the organisation runs in (`ALLOWED_REGIONS`);
# - `cost-ceiling`: no request may cost more than `COST_CEILING_USD` a month
#   (`estimated_monthly_cost_usd`).
#
# Decide what each rule means at its edges; the graded checks include requests at every edge.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def request_violations(requests: pd.DataFrame) -> pd.DataFrame:
    """One row (request_id, rule) per policy a request breaks."""
    ### BEGIN SOLUTION
    cost_center = requests["tags"].map(lambda t: str(json.loads(t).get("cost-center") or "").strip())
    allowed = pd.Series([r in ALLOWED_REGIONS.get(p, []) for p, r in zip(requests["provider"], requests["region"])],
                        index=requests.index)
    broken = pd.DataFrame({
        "cost-center-tag": cost_center.eq(""),
        "allowed-region": ~allowed,
        "cost-ceiling": requests["estimated_monthly_cost_usd"] > COST_CEILING_USD,
    })
    long = broken.assign(request_id=requests["request_id"]).melt(id_vars="request_id", var_name="rule", value_name="broken")
    return long.loc[long["broken"], ["request_id", "rule"]].sort_values(["request_id", "rule"]).reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: request_violations has the two columns and only known rules and request ids."""
from graders import call, check, check_type, passed

_answer = call(request_violations, requests.copy(), name="request_violations")
check_type(_answer, pd.DataFrame, "request_violations(requests)")
check(all(c in _answer.columns for c in ["request_id", "rule"]), "request_violations(requests)",
      "should have the columns request_id and rule.")
check(set(_answer["rule"]) <= {"cost-center-tag", "allowed-region", "cost-ceiling"}, "request_violations(requests)['rule']",
      "should only hold the rule names cost-center-tag, allowed-region and cost-ceiling.")
check(set(_answer["request_id"]) <= set(requests["request_id"]) and 0 < len(_answer) < len(requests),
      "request_violations(requests)", "should list some, but far from all, requests (only those that break a rule).")
check(not _answer.duplicated(["request_id", "rule"]).any(), "request_violations(requests)",
      "lists a request and rule twice: one row per request and rule.")
passed("request_violations")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of request_violations (2 points) run when your notebook is graded:
# the portal's requests, and hand-made requests at the edges of each rule.
from graders import call

_ = call(request_violations, requests.copy(), name="request_violations")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load


def _pairs(result):
    try:
        return sorted(f"{i}:{r}" for i, r in zip(result["request_id"], result["rule"]))
    except Exception:
        return ["(not a table with request_id and rule)"]


_rule = ("cost-center-tag: no cost-center in the tags JSON, or an empty or blank one; allowed-region: region not in ALLOWED_REGIONS of the "
         "request's own provider; cost-ceiling: estimated_monthly_cost_usd strictly above COST_CEILING_USD.")
expect.value("request_violations (the portal's requests)",
             _pairs(call(request_violations, _load("infra_requests"), name="request_violations")), _rule)
_k = pd.DataFrame({
    "request_id": ["K-1", "K-2", "K-3", "K-4", "K-5", "K-6", "K-7", "K-8"],
    "provider": ["AWS", "AWS", "Microsoft", "Google Cloud", "AWS", "Microsoft", "Google Cloud", "AWS"],
    "region": ["eu-west-1", "westeurope", "westeurope", "europe-west4", "eu-central-1", "eastus", "europe-west1", "eu-west-1"],
    "estimated_monthly_cost_usd": [1000.0, 1000.01, 12.5, 999.99, 5000.0, 80.0, 40.0, 10.0],
    "tags": ['{"cost-center":"CC-1000"}', '{"cost-center":"CC-1000"}', '{"cost-center":""}', '{"team":"a","cost-center":"CC-2"}',
             '{"team":"cost-center"}', '{}', '{"cost-center":"CC-3","service":"x"}', '{"cost-center":"   "}'],
})
expect.value("request_violations (hand-made requests at each rule's edge)",
             _pairs(call(request_violations, _k.copy(), name="request_violations")), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Deny, warn, dry-run — and auto-approve the rest
#
# Write `route(requests, violations, mode)` where `violations` is a table like the one your
# `request_violations` returns and `mode` is the enforcement action of the request policies, in
# Gatekeeper's words: `"deny"`, `"warn"` or `"dryrun"`. Return a **DataFrame indexed by
# `request_id`** (every request, in the order given) with two columns: `decision` — `"deny"`,
# `"auto-approve"` or `"review"` (a person decides) — and `warning`, `True` when the requester sees
# a policy's message at once.
#
# Route the way the platform does: what each mode does with a request that breaks a policy is
# Reading 2's; a request that is not denied needs no human when the thresholds of the lab's
# constants (`AUTO_APPROVE_SIZES`, `AUTO_APPROVE_MAX_USD`) say so. Any other `mode` is a mistake of
# the caller: raise a `ValueError` that lists the three modes.

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def route(requests: pd.DataFrame, violations: pd.DataFrame, mode: str) -> pd.DataFrame:
    """Decision (deny / auto-approve / review) and warning flag of every request under an enforcement mode."""
    ### BEGIN SOLUTION
    if mode not in ("deny", "warn", "dryrun"):
        raise ValueError(f"mode must be 'deny', 'warn' or 'dryrun', not {mode!r}")
    breaks = requests["request_id"].isin(violations["request_id"]).to_numpy()
    small = (requests["size"].isin(AUTO_APPROVE_SIZES) & (requests["estimated_monthly_cost_usd"] <= AUTO_APPROVE_MAX_USD)).to_numpy()
    decision = np.where(breaks & (mode == "deny"), "deny", np.where(small, "auto-approve", "review"))
    return pd.DataFrame({"decision": decision, "warning": breaks & (mode == "warn")},
                        index=pd.Index(requests["request_id"], name="request_id"))
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: route gives every request a decision and a warning flag; deny mode denies something."""
from graders import call, check, check_type, passed

_v = pd.DataFrame({"request_id": requests["request_id"].iloc[::40], "rule": "cost-ceiling"})  # some requests break a rule
_answer = call(route, requests.copy(), _v.copy(), "deny", name="route")
check_type(_answer, pd.DataFrame, "route(requests, violations, 'deny')")
check(list(_answer.index) == list(requests["request_id"]), "route(requests, violations, 'deny')",
      "should be indexed by request_id, one row per request in the order given.")
check(all(c in _answer.columns for c in ["decision", "warning"]), "route(...)", "should have the columns decision and warning.")
check(set(_answer["decision"]) <= {"deny", "auto-approve", "review"}, "route(...)['decision']",
      "should only hold 'deny', 'auto-approve' or 'review'.")
check("deny" in set(_answer["decision"]), "route(requests, violations, 'deny')", "should deny the requests that break a policy.")
passed("route")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of route (2 points) run when your notebook is graded: each mode, requests exactly at
# the auto-approval threshold, and an unknown mode.
from graders import call

_ = call(route, requests.copy(), pd.DataFrame({"request_id": requests["request_id"].iloc[::40], "rule": "cost-ceiling"}), "warn",
         name="route")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("deny only when the request breaks a policy and mode is 'deny'; otherwise auto-approve when size is small or medium "
         "and the cost is at most AUTO_APPROVE_MAX_USD (inclusive), else review; warning = breaks a policy and mode is 'warn'.")
_k = pd.DataFrame({
    "request_id": ["R-1", "R-2", "R-3", "R-4", "R-5", "R-6"],
    "size": ["small", "medium", "medium", "large", "small", "xlarge"],
    "estimated_monthly_cost_usd": [250.0, 250.01, 40.0, 90.0, 10.0, 1200.0],
})
_kv = pd.DataFrame({"request_id": ["R-3", "R-3", "R-6"], "rule": ["cost-center-tag", "allowed-region", "cost-ceiling"]})
for _mode in ("deny", "warn", "dryrun"):
    _out = call(route, _k.copy(), _kv.copy(), _mode, name="route")
    try:
        _plain = {str(i): [str(d), bool(w)] for i, d, w in zip(_out.index, _out["decision"], _out["warning"])}
    except Exception:
        _plain = "(not a table with decision and warning columns)"
    expect.value(f"route (hand-made requests, mode {_mode!r})", _plain, _rule)
try:
    route(_k.copy(), _kv.copy(), "enforce")
    _refused = False
except ValueError:
    _refused = True
except Exception:
    _refused = False
expect.value("route (mode 'enforce', which is not a mode) is refused with a ValueError", _refused, _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-compliance", "locked": true}
# ### "100% compliance without blocking developers", measured
#
# Replay the six months of requests through your policies. Three numbers matter: how many requests
# the platform would have **blocked** in `deny` mode (and how many **warnings** in `warn` mode), how
# many requests a person would still have to look at, and how many requests that broke a rule **of
# the time** (the cost-center tag and the allowed regions; the cost ceiling is new) **reached
# production anyway** in the real history — approved by a person or by the old portal rules. Those
# are the compliance gap that policy as code closes. Requests above today's ceiling that a person
# approved broke no rule of the time: they are counted apart.

# %% nbgrader={"grade_id": "lab-2-replay", "locked": true}
violations = request_violations(requests)
replay = pd.DataFrame({mode: route(requests, violations, mode)["decision"].value_counts() for mode in ("deny", "warn", "dryrun")}
                      ).fillna(0).astype(int)
replay.loc["warnings shown"] = [int(route(requests, violations, m)["warning"].sum()) for m in replay.columns]
display(replay)
breaking = requests[requests["request_id"].isin(violations["request_id"])]
approved = breaking["decision"].isin(["approved", "auto-approved"])
of_the_time = breaking["request_id"].isin(violations.loc[violations["rule"].isin(["cost-center-tag", "allowed-region"]),
                                                         "request_id"])
reached = breaking[approved & of_the_time]
print(f"{len(breaking)} of {len(requests)} requests ({len(breaking) / len(requests):.0%}) break a policy of today; "
      f"{len(reached)} broke a rule of the time and were approved anyway: they reached production. "
      f"{int((approved & ~of_the_time).sum())} more were approved above today's cost ceiling after a person's review.")
reached.merge(violations, on="request_id")[["request_id", "team_id", "rule", "decision", "decision_reason"]].head(10)

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# The curriculum asks for *100% compliance without blocking developers*. In 120–200 words, propose
# how you would **roll out** the three request policies and the three manifest policies: which
# would you start as a dry run or audit, which as a warning, when would each move to deny, and what
# would you measure to decide? Use your replay: what share of requests would `deny` block today, how many
# violations reached production, and how long does a developer wait when a request is routed to a
# person instead?

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# I would start every new rule in `dryrun` for two weeks to check it against real traffic, then
# switch to `warn` so developers see the message in their own pipeline and portal while nothing is
# blocked yet. The missing cost-center tag and the region rule are cheap to fix and the replay shows
# that such requests still reached production through human approval, so they move to `deny` first,
# once the weekly count of warnings is near zero and the portal pre-fills the tag from the catalog.
# The cost ceiling stays in `warn` with an exception path, because a justified large request should
# not need a policy change. For manifests, `latest` and missing tags go to `Deny` in the binding
# (and in CI before admission); container limits start as `Warn` plus `Audit` until LimitRange
# defaults exist, and the audit events count what `Deny` would block. I would track the
# share of requests blocked and warned, the violations reaching production (target zero), and the
# median wait of the routed requests, which is about a day against minutes for self-service.

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · FinOps, the FOCUS bill, and which cost a showback shows
#
# **FinOps** is the practice of making teams accountable for the cloud spend their decisions cause.
# Its first step is **cost allocation**: dividing one consolidated bill among the teams, products
# and business units responsible for its parts. Two ways to report the result: **showback** shows
# each team its costs while the money stays in a central budget; **chargeback** books the costs to
# each team's own budget. The FinOps Foundation calls showback a foundational part of any FinOps
# practice and ranks neither above the other (FinOps Foundation, *Chargeback & Finance Integration*).
#
# Each provider's bill has its own columns. The **FinOps Open Cost and Usage Specification (FOCUS)**
# gives them one set of names and meanings; Tidewater's bill follows FOCUS 1.2. Every row is a
# *charge* with a `ChargeCategory` (`Usage`, `Purchase`, `Tax`, `Credit`, `Adjustment`), a charge
# period `[ChargePeriodStart, ChargePeriodEnd)` (start inclusive, end exclusive, UTC), a billing
# period, and a `ChargeClass` that is `Correction` when the row corrects an earlier billing period
# (here: a June database charge was billed twice, and July's invoice refunds the duplicate). It
# carries **four cost columns** that answer different questions (FOCUS 1.2, `columns/*.md`):
#
# | Column | Meaning | Good for |
# |---|---|---|
# | `ListCost` | `ListUnitPrice × PricingQuantity`: the public price, no discounts | what the usage *would* have cost |
# | `ContractedCost` | `ContractedUnitPrice × PricingQuantity`: after negotiated discounts, before commitments | negotiated-rate analysis |
# | `BilledCost` | what the invoice charges for the row: discounts included, prepaid purchases **not** amortised | reconciling invoices (cash view) |
# | `EffectiveCost` | the **amortised** cost: discounts included, plus the share of prepaid commitments that covered the row | what consumption really cost (accrual view) |
#
# The difference shows with a **commitment discount**. Tidewater's AWS account has a *Compute
# Savings Plan*: the platform account pays a fixed amount per hour (a `Purchase` row each month,
# `BilledCost` > 0, `EffectiveCost` = 0, `PricingCategory` = `Standard`), and the node hours it
# covers are billed at 0 but carry their discounted share in `EffectiveCost`
# (`PricingCategory` = `Committed`, `CommitmentDiscountStatus` = `Used`). The part of the
# commitment nobody used is a `Usage` row with status `Unused`. FOCUS requires that, per commitment,
# the `EffectiveCost` of its usage rows (used and unused) adds up to the `BilledCost` of its
# purchases.
#
# **One charge, four answers.** Follow the savings plan through the columns. In `BilledCost` the
# whole commitment is the cost of the account that bought it, in the month it paid, and the node
# hours it covered cost nothing; in `ListCost` and `ContractedCost` those node hours cost the
# public or negotiated price, as if nothing had been prepaid, and the purchase costs its price too;
# in `EffectiveCost` the purchase costs nothing and the covered hours carry their share of it. Each
# column is right for some question and wrong for others: decide which question you are answering
# before you sum a column.
#
# **Allocating by tags.** A provider attaches your tags to each row (`Tags`, a JSON object).
# Tidewater's convention is `team`, `service` and `cost-center`; a resource tagged only with
# `service` can still be allocated through the service catalog (`services.team_id`). Untagged
# cost is the gap every FinOps team measures: it includes spend that has no resource at all (tax,
# support, network egress, unused commitments). The shared Kubernetes clusters carry the tags
# `shared=true` *and* `team=platform-runtime`: `team` names the **operator** of the cluster, not its
# consumers. The house rule of this course: **`shared=true` wins** — a shared cost is not the
# operating team's spend, it is spread over the clusters' tenants (Reading 4).
#
# **The savings trap.** "How much did we save?" is often answered with `ListCost − EffectiveCost`
# summed over the whole bill. But a commitment's `Purchase` rows carry a `ListCost` and an
# `EffectiveCost` of 0, so that sum counts the money *paid for* the commitment as money *saved*, on
# top of the discount the covered usage already shows. FOCUS warns about exactly this double count:
# when aggregating list or contracted cost, exclude either the prepaid purchases or the usage they
# cover. The part of a commitment nobody used is money paid for nothing: it counts against the
# savings. And a `Tax` row's `ListCost` is the tax on the list price (FOCUS computes a tax row's
# list, contracted and effective cost from those of the charges it taxes): it is not a price the
# organisation negotiated.

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · Cost visibility on the FOCUS bill
#
# The four cost columns, summed per charge category. Where do `BilledCost` and `EffectiveCost`
# differ, and why? (Hint: look at `Purchase` and at the `Usage` rows of the savings plan.) The
# tags of one shared cluster row show the two competing keys.

# %% nbgrader={"grade_id": "lab-3-explore", "locked": true}
display(bill.groupby("ChargeCategory")[["ListCost", "ContractedCost", "BilledCost", "EffectiveCost"]].sum().round(0))
sp = bill[bill["CommitmentDiscountId"].notna()]
display(sp.groupby(["ChargeCategory", "PricingCategory", sp["CommitmentDiscountStatus"].fillna("-")])[
    ["PricingQuantity", "BilledCost", "EffectiveCost"]].sum().round(1))
print("A shared cluster row's tags:", bill.loc[bill["Tags"].fillna("").str.contains('"shared"'), "Tags"].iloc[0])

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (4 points) · Showback per team
#
# The showback is published to every team next month, so that each team sees **what its own
# consumption cost** over the period and can change it. Write `showback(bill, services)` returning
# a **Series indexed by owner**: the cost of each owner over **all** rows of the bill (choose the
# cost column: Reading 3). The owner of a row is
#
# 1. `"(shared)"` when its tags say `shared` is true — this wins over any `team` tag;
# 2. otherwise its `team` tag;
# 3. otherwise the team that owns the service named in its `service` tag (`services.team_id`);
# 4. otherwise `"(untagged)"`.
#
# Tags come from many tools: a tag with an empty value is no tag, and `shared` may be written as the
# string `"true"` or as JSON `true`. `Tags` is a JSON string (or missing). Parsing the same string
# thousands of times is slow: parse each distinct value once, then map.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
def showback(bill: pd.DataFrame, services: pd.DataFrame) -> pd.Series:
    """Each owner's cost: (shared), the team tag, the service's team, or (untagged)."""
    ### BEGIN SOLUTION
    parsed = {t: json.loads(t) for t in bill["Tags"].dropna().unique()}
    tags = bill["Tags"].map(parsed).map(lambda d: d if isinstance(d, dict) else {})
    shared = tags.map(lambda d: str(d.get("shared", "")).lower() == "true")
    team = tags.map(lambda d: str(d.get("team") or "").strip() or None)
    by_service = tags.map(lambda d: str(d.get("service") or "").strip() or None).map(services.set_index("service_id")["team_id"])
    owner = team.fillna(by_service).fillna("(untagged)").where(~shared, "(shared)")
    return bill["EffectiveCost"].groupby(owner.rename("owner")).sum()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: showback has one value per owner, includes (shared) and (untagged), and adds up to the bill."""
from graders import call, check, check_type, passed

_answer = call(showback, bill, services.copy(), name="showback")
check_type(_answer, pd.Series, "showback(bill, services)")
check({"(shared)", "(untagged)"} <= set(_answer.index), "showback(bill, services)",
      "should have the owners '(shared)' and '(untagged)' besides the teams.")
check(set(_answer.index) - {"(shared)", "(untagged)"} <= set(teams["team_id"]), "showback(bill, services)",
      "should be indexed by team_id (plus '(shared)' and '(untagged)').")
_totals = {c: float(bill[c].sum()) for c in ["ListCost", "ContractedCost", "BilledCost", "EffectiveCost"]}
check(any(abs(float(_answer.sum()) - t) < 0.01 for t in _totals.values()), "showback(bill, services)",
      "should add up to the total of one cost column over the whole bill: every row has exactly one owner.")
passed("showback")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of showback (3 points) run when your notebook is graded: the bill, and a hand-made
# bill where the four cost columns differ and the tags compete.
from graders import call

_ = call(showback, bill, services.copy(), name="showback")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_rule = ("showback sums the cost column that follows consumption (amortised: the commitment spread over the usage it "
         "covered) per owner: shared true (string or JSON) wins -> (shared); else a non-empty team tag; else the team of "
         "the service tag (services.team_id); else (untagged).")
_b, _s = _load("focus_bill"), _load("services")
expect.series("showback", call(showback, _b, _s.copy(), name="showback"), _rule, what="owner", rtol=1e-9, atol=1e-6)
del _b  # a fresh copy of the bill is large: free it before the next check
_svc = _s.iloc[[0, 1]]
_k = pd.DataFrame({
    "Tags": ['{"cluster":"c1","shared":"true","team":"platform-runtime"}', '{"team":"alpha","shared":"false"}',
             '{"service":"' + _svc["service_id"].iloc[0] + '"}', None, '{"env":"prod"}',
             '{"team":"beta","service":"' + _svc["service_id"].iloc[1] + '"}', '{"cluster":"c1","shared":"true","team":"platform-runtime"}',
             '{"team":"","service":"' + _svc["service_id"].iloc[0] + '"}', '{"cluster":"c2","shared":true,"team":"platform-runtime"}'],
    "ListCost": [100.0, 50.0, 40.0, 30.0, 20.0, 10.0, 0.0, 8.0, 70.0],
    "ContractedCost": [92.0, 46.0, 37.0, 28.0, 19.0, 9.0, 0.0, 7.0, 64.0],
    "BilledCost": [0.0, 46.0, 37.0, 28.0, 19.0, 9.0, 500.0, 7.0, 0.0],
    "EffectiveCost": [66.0, 46.0, 37.0, 28.0, 19.0, 9.0, 0.0, 7.0, 45.0],
})
expect.series("showback (a hand-made bill: costs differ, tags compete)", call(showback, _k.copy(), _s.copy(), name="showback"),
              _rule, what="owner", rtol=1e-9, atol=1e-9)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-3-caption", "locked": true}
# **Figure 3** (below) shows the showback: the fifteen teams with the highest cost, next to the two
# buckets no team owns yet. *Text description:* horizontal bars sorted by cost; the shared cluster
# cost and the untagged cost are each far larger than any single team's cost, so a showback by tags
# alone leaves most of the bill unexplained.

# %% nbgrader={"grade_id": "figure-3", "locked": true}
owners = showback(bill, services).sort_values()
top = pd.concat([owners.drop(["(shared)", "(untagged)"]).tail(15), owners[["(untagged)", "(shared)"]]])
fig, ax = plt.subplots(figsize=(8, 6))
ax.barh(top.index, top.to_numpy() / 1000, color=np.where(top.index.str.startswith("("), OKABE_ITO[3], OKABE_ITO[0]))
ax.set_title("Figure 3. Showback by tags, June to August 2026")
ax.set_xlabel("cost (thousand US dollars)")
ax.set_ylabel("owner")
plt.show()
print(f"Untagged share of the bill: {owners['(untagged)'] / owners.sum():.1%}; shared cluster cost: ${owners['(shared)']:,.0f}.")
untagged = bill[bill["Tags"].isna()]
untagged.groupby(["ChargeCategory", "ServiceName"])["EffectiveCost"].sum().sort_values(ascending=False).head(8).round(0)

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · Shared and idle cluster cost, the OpenCost way
#
# A shared Kubernetes cluster is billed as nodes and a control plane; the bill cannot say which team
# used them. **OpenCost**, the CNCF project for Kubernetes cost allocation, splits them with the
# cluster's own data (OpenCost specification v0.1):
#
# - **Workload cost**: each container is charged for the resources *allocated* to it for the time
#   they were allocated, and the amount allocated is the **larger of its request and its usage** —
#   a container that reserves 4 cores and uses 1 blocks 4 cores for everyone else, and one that
#   requests 1 and bursts to 3 uses 3.
# - **Idle cost** = cluster asset cost − workload cost: capacity nobody requested or used.
# - **Shared cost**: the cost of shared workloads (here the `kube-system`, `monitoring` and
#   `ingress` namespaces, operated by platform-runtime) and of idle capacity can be spread over the
#   tenants: uniformly, in proportion to each tenant's cost, or by a custom metric. Kubecost's
#   allocation API calls these options `shareIdle` (idle shared in proportion to each allocation's
#   cost) and `shareNamespaces`.
#
# This lab allocates CPU only, and per **day** — two simplifications of the course: OpenCost
# computes CPU, memory and GPU separately, and it takes `max(request, usage)` per container for
# **each sample** (a minute or so) before adding up. A daily `max(request, average usage)` is a
# lower bound for a namespace that bursts above its request for part of the day. With one resource, sharing idle and shared-namespace cost *in proportion* comes to
# a simple rule: a team's share of a cluster's daily cost is its namespaces' weight, `max(request,
# usage)`, divided by the weights of all **tenant** (non-shared) namespaces on that cluster that day.
# (Check it: the workload cost of tenant *i* is *C·wᵢ/cap*; adding its proportional part of the rest
# gives *C·wᵢ/Σw*.)

# %% [markdown] nbgrader={"grade_id": "lab-3-clusters", "locked": true}
# The shared cost to allocate: the `EffectiveCost` of the rows tagged `shared=true`, per cluster and
# day (node pools, savings-plan-covered node hours and control planes). Compare the clusters'
# allocatable capacity with what the tenants request: the gap is idle.

# %% nbgrader={"grade_id": "lab-3-cluster-cost", "locked": true}
tag_of = {t: json.loads(t) for t in bill["Tags"].dropna().unique()}
row_tags = bill["Tags"].map(tag_of).map(lambda d: d if isinstance(d, dict) else {})
is_shared = row_tags.map(lambda d: d.get("shared") == "true")
cluster_cost = (bill[is_shared].assign(cluster=row_tags[is_shared].map(lambda d: d["cluster"]),
                                       date=bill.loc[is_shared, "ChargePeriodStart"].dt.tz_localize(None).dt.normalize())
                .groupby(["date", "cluster"], as_index=False)["EffectiveCost"].sum().rename(columns={"EffectiveCost": "cost"}))
tenant_req = usage[~usage["shared"]].groupby(["date", "cluster"])["cpu_request_cores"].sum()
idle_share = 1 - tenant_req / capacity.set_index(["date", "cluster"])["allocatable_cpu_cores"]
print(f"{len(cluster_cost)} cluster-days of shared cost; CPU not requested by tenants: "
      f"{idle_share.mean():.0%} of allocatable on an average cluster-day.")
cluster_cost.head()

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (4 points) · Allocate the shared clusters to their tenants
#
# Write `allocate_shared(cluster_cost, usage)` where `cluster_cost` has the columns `date`,
# `cluster` and `cost` (as above) and `usage` is like `namespace_usage`. Return a **Series indexed
# by `team_id`**: each tenant team's part of the shared cluster cost over the whole period,
# allocated the OpenCost way of Reading 4, at the lab's daily granularity, with the idle capacity
# and the shared namespaces spread over the tenants in proportion. Every dollar of a cluster-day
# that has tenants must be allocated. Vectorise: no Python loop over days or namespaces.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
def allocate_shared(cluster_cost: pd.DataFrame, usage: pd.DataFrame) -> pd.Series:
    """Each team's share of the shared cluster cost: per cluster-day, in proportion to max(request, usage)."""
    ### BEGIN SOLUTION
    tenants = usage[~usage["shared"].astype(bool)].copy()
    tenants["weight"] = np.maximum(tenants["cpu_request_cores"], tenants["cpu_usage_avg_cores"])
    tenants["share"] = tenants["weight"] / tenants.groupby(["date", "cluster"])["weight"].transform("sum")
    merged = tenants.merge(cluster_cost, on=["date", "cluster"], how="inner")
    return (merged["share"] * merged["cost"]).groupby(merged["team_id"].rename("team_id")).sum()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: allocate_shared gives tenant teams (not platform-runtime's shared namespaces) all of the cost."""
from graders import call, check, check_type, passed

_answer = call(allocate_shared, cluster_cost.copy(), usage.copy(), name="allocate_shared")
check_type(_answer, pd.Series, "allocate_shared(cluster_cost, usage)")
check(set(_answer.index) <= set(usage.loc[~usage["shared"], "team_id"]), "allocate_shared(cluster_cost, usage)",
      "should be indexed by the team_id of tenant namespaces only: the shared namespaces' cost is spread too.")
check(abs(float(_answer.sum()) - float(cluster_cost["cost"].sum())) < 0.01, "allocate_shared(cluster_cost, usage)",
      "should allocate every dollar of the shared cost (the shares of each cluster-day add up to 1).")
passed("allocate_shared")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of allocate_shared (3 points) run when your notebook is graded: the bill's clusters,
# and a hand-made cluster where request, usage and the day make a difference.
from graders import call

_ = call(allocate_shared, cluster_cost.copy(), usage.copy(), name="allocate_shared")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_rule = ("per cluster and day, split the cost among tenant (non-shared) namespaces in proportion to max(cpu_request_cores, "
         "cpu_usage_avg_cores); shared namespaces get nothing; sum per team_id.")
_b = _load("focus_bill")
_t = _b["Tags"].map({t: json.loads(t) for t in _b["Tags"].dropna().unique()})
_sh = _t.map(lambda d: isinstance(d, dict) and d.get("shared") == "true")
_cc = (_b[_sh].assign(cluster=_t[_sh].map(lambda d: d["cluster"]), date=_b.loc[_sh, "ChargePeriodStart"].dt.tz_localize(None).dt.normalize())
       .groupby(["date", "cluster"], as_index=False)["EffectiveCost"].sum().rename(columns={"EffectiveCost": "cost"}))
del _b, _t, _sh
expect.series("allocate_shared", call(allocate_shared, _cc.copy(), _load("namespace_usage"), name="allocate_shared"),
              _rule, what="team", rtol=1e-9, atol=1e-6)
_d1, _d2 = pd.Timestamp("2026-07-01"), pd.Timestamp("2026-07-02")
_u = pd.DataFrame({
    "date": [_d1, _d1, _d1, _d1, _d2, _d2, _d2, _d1],
    "cluster": ["k1", "k1", "k1", "k1", "k1", "k1", "k1", "k2"],
    "namespace": ["a", "b", "kube-system", "c", "a", "b", "kube-system", "a"],
    "team_id": ["alpha", "beta", "platform-runtime", "gamma", "alpha", "beta", "platform-runtime", "alpha"],
    "shared": [False, False, True, False, False, False, True, False],
    "cpu_request_cores": [4.0, 1.0, 2.0, 1.0, 4.0, 1.0, 2.0, 2.0],
    "cpu_usage_avg_cores": [1.0, 3.0, 1.5, 0.5, 1.0, 0.5, 1.5, 0.2],
})
_c = pd.DataFrame({"date": [_d1, _d2, _d1], "cluster": ["k1", "k1", "k2"], "cost": [800.0, 100.0, 50.0]})
expect.series("allocate_shared (a hand-made cluster over two days)", call(allocate_shared, _c.copy(), _u.copy(), name="allocate_shared"),
              _rule, what="team", rtol=1e-9, atol=1e-9)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-team-cost", "locked": true}
# ### The full picture: direct plus allocated cost, per team, service and business unit
#
# A team's cost is what its tags say (Exercise 7) plus its share of the shared clusters
# (Exercise 8). Business units add up their teams. Cost per service can only use the `service` tag:
# shared cluster cost and spend tagged by team alone have no service, which is one reason tagging
# policies ask for both tags.

# %% nbgrader={"grade_id": "lab-3-units", "locked": true}
allocated = allocate_shared(cluster_cost, usage)
team_cost = pd.DataFrame({"direct": showback(bill, services).drop(["(shared)", "(untagged)"]), "shared_allocated": allocated}
                         ).fillna(0.0)
team_cost["total"] = team_cost.sum(axis=1)
unit_cost = team_cost.join(teams.set_index("team_id")["business_unit"]).groupby("business_unit")[["direct", "shared_allocated", "total"]].sum()
display(unit_cost.sort_values("total", ascending=False).round(0))
service_tag = row_tags.map(lambda d: d.get("service")).rename("service")
print("Costliest services by their service tag (EffectiveCost, US dollars):")
bill["EffectiveCost"].groupby(service_tag).sum().sort_values(ascending=False).head(8).round(0)

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (3 points) · What did discounts really save?
#
# The finance team's spreadsheet says the organisation "saved" `ListCost − EffectiveCost` summed
# over the whole bill. Write `rate_savings(bill)` that returns, as a float in US dollars, what the
# negotiated discounts and the savings plan **really saved on the services the organisation
# used**, against their list prices, before tax. Decide which charges count (Reading 3); the graded
# checks include a bill where the spreadsheet's answer is wrong.

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
def rate_savings(bill: pd.DataFrame) -> float:
    """What discounts and commitments saved on the services used, against list prices, before tax."""
    ### BEGIN SOLUTION
    usage_rows = bill[bill["ChargeCategory"].eq("Usage")]
    return float((usage_rows["ListCost"] - usage_rows["EffectiveCost"]).sum())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: rate_savings returns one positive number, smaller than the whole list cost."""
from graders import call, check, passed

_answer = call(rate_savings, bill, name="rate_savings")
check(isinstance(_answer, (float, np.floating)) and not isinstance(_answer, bool), "rate_savings(bill)",
      "should be one float (US dollars).")
check(0 < float(_answer) < float(bill["ListCost"].sum()), "rate_savings(bill)",
      "should be positive and smaller than the total list cost.")
passed("rate_savings")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of rate_savings (2 points) run when your notebook is graded: the bill, and a
# hand-made bill with a commitment purchase, covered usage, unused commitment, tax and a credit.
from graders import call

_ = call(rate_savings, bill, name="rate_savings")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_rule = ("real savings = sum of ListCost - EffectiveCost over the Usage charges: a commitment Purchase's list cost is money "
         "paid, not saved (it would be counted twice); unused commitment counts against the savings; tax and credits are "
         "not services used.")
expect.number("rate_savings", call(rate_savings, _load("focus_bill"), name="rate_savings"), _rule, rtol=1e-9)
_k = pd.DataFrame({
    "ChargeCategory": ["Purchase", "Usage", "Usage", "Usage", "Tax", "Credit", "Purchase"],
    "ListCost": [300.0, 400.0, 100.0, 0.0, 170.0, -20.0, 50.0],
    "BilledCost": [300.0, 0.0, 90.0, 0.0, 40.0, -20.0, 50.0],
    "EffectiveCost": [0.0, 260.0, 90.0, 40.0, 40.0, -20.0, 50.0],
})
expect.number("rate_savings (a hand-made bill)", call(rate_savings, _k.copy(), name="rate_savings"), _rule, rtol=1e-9)
### END HIDDEN TESTS

# %% nbgrader={"grade_id": "lab-3-savings", "locked": true}
naive = float((bill["ListCost"] - bill["EffectiveCost"]).sum())
prepaid = bill["ChargeCategory"].eq("Purchase") & bill["CommitmentDiscountId"].notna()
print(f"Naive 'savings' over the whole bill: ${naive:,.0f}, of which ${float((bill['ListCost'] - bill['EffectiveCost'])[prepaid].sum()):,.0f} "
      f"is the savings-plan purchases themselves. Real savings on usage: ${rate_savings(bill):,.0f}.")

# %% [markdown] nbgrader={"grade_id": "lab-3-budget", "locked": true}
# ### Budgets and a month-end forecast
#
# Each team gets a monthly budget; the platform warns a team when its month is **forecast** to end
# over budget, early enough to act. Monthly charges (support, tax, the savings-plan purchase) start
# on the first of the month and last the whole month, so a day-by-day view uses the `Usage`
# charges. **Figure 4** (below) shows the organisation's daily usage cost. *Text description:* a
# line of daily `EffectiveCost` that grows slowly from June to August, dips at weekends, and jumps
# to several times its usual level on two consecutive days in mid-July.

# %% nbgrader={"grade_id": "figure-4", "locked": true}
usage_rows = bill[bill["ChargeCategory"].eq("Usage")]
daily = usage_rows.groupby(usage_rows["ChargePeriodStart"].dt.tz_localize(None).dt.normalize())["EffectiveCost"].sum()
fig, ax = plt.subplots()
ax.plot(daily.index, daily.to_numpy() / 1000, color=OKABE_ITO[0])
ax.set_title("Figure 4. Daily usage cost of the organisation")
ax.set_xlabel("charge date (UTC)")
ax.set_ylabel("EffectiveCost (thousand US dollars per day)")
fig.autofmt_xdate()
plt.show()

# %% [markdown] nbgrader={"grade_id": "ex-10-intro", "locked": true}
# ### Exercise 10 (3 points) · Forecast the month's end
#
# Write `month_end_forecast(daily, as_of)` where `daily` is a **Series of cost per day** (a
# `DatetimeIndex` of dates, like `daily` above) and `as_of` a date: the costs of the days **before**
# `as_of` are known, `as_of` itself and the rest of its month are not. Return a float:
#
# $$\text{forecast} = \underbrace{\text{cost of the month's days before } as\_of}_{\text{month to date}} + \text{run rate} \times \underbrace{\text{days from } as\_of \text{ to the month's last day, both included}}_{\text{days left}}$$
#
# where the **run rate** is the mean daily cost of the **7 calendar days before** `as_of` (fewer if
# the series starts later; they may fall in the previous month). A day missing from the series had
# no charge: it cost 0 and still counts as a day. A recent run rate follows growth that the
# month's average would lag behind. On the first day of a month the month to date is 0.

# %% nbgrader={"grade": false, "grade_id": "ex-10-answer", "locked": false, "solution": true}
def month_end_forecast(daily: pd.Series, as_of) -> float:
    """Month-to-date cost plus the trailing 7-day mean daily cost times the days left in as_of's month."""
    ### BEGIN SOLUTION
    as_of = pd.Timestamp(as_of).normalize()
    month_start = as_of.replace(day=1)
    known = daily[daily.index < as_of]
    to_date = float(known[known.index >= month_start].sum())
    window = pd.date_range(max(as_of - pd.Timedelta(days=7), known.index.min()), as_of - pd.Timedelta(days=1), freq="D")
    run_rate = float(known.groupby(level=0).sum().reindex(window, fill_value=0.0).mean())
    days_left = as_of.days_in_month - as_of.day + 1
    return to_date + run_rate * days_left
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-10-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: a flat series forecasts days-in-month times the daily cost."""
from graders import call, check_number, passed

_flat = pd.Series(100.0, index=pd.date_range("2026-06-01", "2026-08-31", freq="D"))
_rule = "on a constant 100 a day, every forecast of a 31-day month is 3100, whatever the as_of day."
check_number(call(month_end_forecast, _flat.copy(), pd.Timestamp("2026-07-20"), name="month_end_forecast"), 3100.0,
             "month_end_forecast(flat series, 2026-07-20)", _rule)
check_number(call(month_end_forecast, _flat.copy(), pd.Timestamp("2026-08-01"), name="month_end_forecast"), 3100.0,
             "month_end_forecast(flat series, 2026-08-01)", _rule)
passed("month_end_forecast")

# %% nbgrader={"grade": true, "grade_id": "ex-10-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of month_end_forecast (2 points) run when your notebook is graded: growing series,
# the first and last day of a month, and a series that starts days before as_of.
from graders import call

_ = call(month_end_forecast, daily.copy(), pd.Timestamp("2026-08-15"), name="month_end_forecast")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("forecast = cost of the month's days before as_of + mean of the 7 calendar days before as_of (a missing day "
         "costs 0) x days left (as_of to the last day of its month, both included).")
_idx = pd.date_range("2026-06-01", "2026-08-31", freq="D")
_grow = pd.Series(np.arange(len(_idx), dtype=float) * 3 + 50 + np.where(_idx.day_of_week >= 5, -20.0, 0.0), index=_idx)
for _day in ("2026-07-20", "2026-08-01", "2026-08-31", "2026-06-30", "2026-07-02"):
    expect.number(f"month_end_forecast (a growing series, as_of {_day})",
                  call(month_end_forecast, _grow.copy(), pd.Timestamp(_day), name="month_end_forecast"), _rule, rtol=1e-9)
expect.number("month_end_forecast (a series that starts 3 days before as_of)",
              call(month_end_forecast, _grow.loc["2026-07-07":].copy(), pd.Timestamp("2026-07-10"), name="month_end_forecast"),
              _rule, rtol=1e-9)
_gaps = _grow.drop(pd.to_datetime(["2026-08-14", "2026-08-16", "2026-08-17"]))
expect.number("month_end_forecast (a series with days without charges in the window)",
              call(month_end_forecast, _gaps.copy(), pd.Timestamp("2026-08-19"), name="month_end_forecast"), _rule, rtol=1e-9)
### END HIDDEN TESTS

# %% nbgrader={"grade_id": "lab-3-forecast", "locked": true}
# each row's owner by Exercise 7's rules (row_tags: the parsed tags of Lab 3's cluster-cost cell)
def _tag(name):
    return row_tags.map(lambda d: str(d.get(name) or "").strip() or None)


direct_owner = (_tag("team").fillna(_tag("service").map(services.set_index("service_id")["team_id"])).fillna("(untagged)")
                .where(~_tag("shared").str.lower().eq("true").fillna(False).astype(bool), "(shared)").rename("owner"))
june_direct = usage_rows[usage_rows["ChargePeriodStart"].dt.month.eq(6)]["EffectiveCost"].groupby(direct_owner).sum()
budgets = (june_direct.drop(["(shared)", "(untagged)"], errors="ignore") * 1.15).round(-1)  # June plus 15%, per team
AS_OF = pd.Timestamp("2026-08-20")
team_daily = usage_rows.groupby([direct_owner.loc[usage_rows.index],
                                 usage_rows["ChargePeriodStart"].dt.tz_localize(None).dt.normalize()])["EffectiveCost"].sum()
outlook = pd.DataFrame({"budget": budgets,
                        "forecast": [month_end_forecast(team_daily.loc[t], AS_OF) if t in team_daily.index.get_level_values(0) else 0.0
                                     for t in budgets.index]})
outlook["over_by"] = (outlook["forecast"] - outlook["budget"]).round(0)
print(f"Teams forecast over their August budget on {AS_OF:%Y-%m-%d} (direct usage cost, US dollars):")
outlook[outlook["over_by"] > 0].sort_values("over_by", ascending=False).round(0).head(10)

# %% [markdown] nbgrader={"grade_id": "ex-11-intro", "locked": true}
# ### Exercise 11 (4 points) · Find the cost anomaly
#
# Something in Figure 4 cost several times the usual amount for two days. Anomaly detection in
# FinOps compares each day's cost of a resource with what was normal *before* it. Write
# `cost_anomalies(bill)` that works on the **`Usage`** charges with a `ResourceId`:
#
# 1. the daily cost of each resource: `EffectiveCost` summed per `ResourceId` and charge day (the
#    date of `ChargePeriodStart`), with **0 on days the resource has no charge**, over every
#    calendar day from the first to the last day of those charges;
# 2. the **baseline** of a resource on a day: the **median** of its daily cost over the **7
#    calendar days before** that day (the day itself excluded; no baseline, so no anomaly, for the
#    first 7 days);
# 3. a resource-day is an **anomaly** when its cost is **more than 3 times** its baseline **and**
#    more than **100 dollars** above it.
#
# Return a **DataFrame** with the columns `ResourceId`, `date` (a string `YYYY-MM-DD`), `cost` and
# `baseline`, one row per anomaly, sorted by `date` then `ResourceId`. A median, unlike a mean, is
# not pulled up by the first day of a surge, so a surge that lasts several days stays visible.

# %% nbgrader={"grade": false, "grade_id": "ex-11-answer", "locked": false, "solution": true}
def cost_anomalies(bill: pd.DataFrame) -> pd.DataFrame:
    """Resource-days whose cost is > 3x and > $100 above the median of the resource's 7 previous days."""
    ### BEGIN SOLUTION
    rows = bill[bill["ChargeCategory"].eq("Usage") & bill["ResourceId"].notna()]
    day = rows["ChargePeriodStart"].dt.strftime("%Y-%m-%d")
    grid = rows.pivot_table(index=day, columns="ResourceId", values="EffectiveCost", aggfunc="sum", fill_value=0.0)
    grid = grid.reindex(pd.date_range(grid.index.min(), grid.index.max(), freq="D").strftime("%Y-%m-%d"), fill_value=0.0)
    baseline = grid.rolling(7, min_periods=7).median().shift(1)
    flagged = (grid > 3 * baseline) & (grid - baseline > 100)
    out = pd.DataFrame({"cost": grid.stack(), "baseline": baseline.stack(), "flag": flagged.stack()})
    out = out[out["flag"]].drop(columns="flag").reset_index()
    out.columns = ["date", "ResourceId", "cost", "baseline"]
    return out[["ResourceId", "date", "cost", "baseline"]].sort_values(["date", "ResourceId"]).reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-11-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: cost_anomalies returns a small table with the four columns, each cost above its baseline."""
from graders import call, check, check_type, passed

_answer = call(cost_anomalies, bill, name="cost_anomalies")
check_type(_answer, pd.DataFrame, "cost_anomalies(bill)")
_cols = ["ResourceId", "date", "cost", "baseline"]
check(all(c in _answer.columns for c in _cols), "cost_anomalies(bill)", f"should have the columns {_cols}.")
check(0 < len(_answer) < 20, "cost_anomalies(bill)", "should find a few anomalous resource-days, not none and not hundreds.")
check(bool((_answer["cost"].astype(float) > 3 * _answer["baseline"].astype(float)).all()), "cost_anomalies(bill)",
      "lists a day whose cost is not more than 3 times its baseline.")
passed("cost_anomalies")

# %% nbgrader={"grade": true, "grade_id": "ex-11-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of cost_anomalies (3 points) run when your notebook is graded: the bill, and a
# hand-made bill with a surge of several days, a day at exactly 3 times, and a resource with gaps.
from graders import call

_ = call(cost_anomalies, bill, name="cost_anomalies")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load


def _table(result):
    try:
        return result[["ResourceId", "date", "cost", "baseline"]].assign(date=result["date"].astype(str).str.slice(0, 10))
    except Exception:
        return result


_rule = ("daily Usage EffectiveCost per ResourceId over every calendar day (0 on days without a charge); baseline = median "
         "of the 7 previous calendar days (the day itself excluded); anomaly when cost > 3 x baseline and cost - baseline > 100.")
expect.frame("cost_anomalies", _table(call(cost_anomalies, _load("focus_bill"), name="cost_anomalies")), _rule,
             what="anomaly", key=["ResourceId", "date"])
_days = pd.date_range("2026-06-01", periods=16, freq="D", tz="UTC")
_surge = [100.0] * 10 + [500.0, 500.0, 500.0, 500.0, 100.0, 100.0]
_edge = [60.0] * 10 + [180.0, 181.0, 60.0, 60.0, 60.0, 60.0]
_gappy = [200.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 150.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
_rows = []
for _rid, _costs in (("res-surge", _surge), ("res-edge", _edge), ("res-gappy", _gappy)):
    for _d, _c in zip(_days, _costs):
        if _c:
            _rows.append({"ResourceId": _rid, "ChargePeriodStart": _d, "ChargeCategory": "Usage", "EffectiveCost": _c})
_rows.append({"ResourceId": None, "ChargePeriodStart": _days[12], "ChargeCategory": "Usage", "EffectiveCost": 9000.0})
_rows.append({"ResourceId": "res-edge", "ChargePeriodStart": _days[13], "ChargeCategory": "Purchase", "EffectiveCost": 9000.0})
expect.frame("cost_anomalies (a hand-made bill)", _table(call(cost_anomalies, pd.DataFrame(_rows), name="cost_anomalies")),
             _rule, what="anomaly", key=["ResourceId", "date"])
_early = pd.DataFrame({"ResourceId": "res-early", "ChargeCategory": "Usage",
                       "ChargePeriodStart": _days.delete(5), "EffectiveCost": [50.0] * 6 + [400.0] + [50.0] * 8})
expect.frame("cost_anomalies (a bill with a calendar day that has no charge at all)",
             _table(call(cost_anomalies, _early, name="cost_anomalies")), _rule, what="anomaly", key=["ResourceId", "date"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-anomaly", "locked": true}
# Which resource was it, who owns it, and is its spend visible in anyone's showback?

# %% nbgrader={"grade_id": "lab-3-anomaly-owner", "locked": true}
found = cost_anomalies(bill)
display(found.round(2))
bill.loc[bill["ResourceId"].isin(found["ResourceId"]), ["ResourceId", "ServiceName", "SubAccountName", "Tags"]].drop_duplicates()

# %% [markdown] nbgrader={"grade_id": "lab-3-dashboard", "locked": true}
# ### A cost dashboard for each team
#
# Pick a team and a period. **Figure 5** draws the team's daily direct usage cost by service
# category, with its share of the shared clusters on top, and a second panel with each month's
# total against the team's budget. *Text description:* on the left, stacked daily bars per service
# category (databases, compute, storage...) plus the allocated cluster share; on the right, one bar
# per month of the period and a horizontal line at the monthly budget. The figure is drawn for
# people only (the widget is skipped while the notebook is graded); below it, the same figure is
# drawn once for the team with the largest total cost.

# %% nbgrader={"grade_id": "lab-3-dashboard-code", "locked": true}
# each team's allocated cluster cost per day, from your allocate_shared: one "team|day" tenant per team and day
per_day = allocate_shared(cluster_cost, usage.assign(team_id=usage["team_id"] + "|" + usage["date"].dt.strftime("%Y-%m-%d")))
shared_daily = pd.Series(per_day.to_numpy(), index=pd.MultiIndex.from_arrays(
    [per_day.index.str.split("|").str[0], pd.to_datetime(per_day.index.str.split("|").str[1])], names=["team_id", "date"]))
category_daily = usage_rows.groupby([direct_owner.loc[usage_rows.index], usage_rows["ServiceCategory"],
                                     usage_rows["ChargePeriodStart"].dt.tz_localize(None).dt.normalize()])["EffectiveCost"].sum()
PERIODS = {"June to August": ("2026-06-01", "2026-08-31"), "June": ("2026-06-01", "2026-06-30"),
           "July": ("2026-07-01", "2026-07-31"), "August": ("2026-08-01", "2026-08-31")}


def team_dashboard(team: str, period: str):
    start, end = (pd.Timestamp(x) for x in PERIODS[period])
    days = pd.date_range(start, end, freq="D")
    cats = (category_daily.loc[team].unstack(0).reindex(days).fillna(0.0) if team in category_daily.index.get_level_values(0)
            else pd.DataFrame(index=days))
    cats["shared clusters (allocated)"] = (shared_daily.loc[team].reindex(days).fillna(0.0)
                                           if team in shared_daily.index.get_level_values(0) else 0.0)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), gridspec_kw={"width_ratios": [3, 1]})
    bottom = np.zeros(len(days))
    for i, col in enumerate(cats.columns):
        left.bar(days, cats[col].to_numpy(), bottom=bottom, color=OKABE_ITO[i % len(OKABE_ITO)], label=col, width=0.9)
        bottom += cats[col].to_numpy()
    left.set_title(f"Figure 5. Daily cost of {team} ({period})")
    left.set_xlabel("charge date (UTC)")
    left.set_ylabel("EffectiveCost (US dollars per day)")
    left.legend(fontsize=8)
    left.tick_params(axis="x", labelrotation=45)
    months = cats.sum(axis=1).groupby(cats.index.strftime("%Y-%m")).sum()
    right.bar(months.index, months.to_numpy(), color=OKABE_ITO[0])
    if team in budgets.index:
        right.axhline(budgets[team], color=OKABE_ITO[3], linestyle="--", label="monthly budget (direct cost)")
        right.legend(fontsize=8)
    right.set_title("Monthly total")
    right.set_xlabel("month")
    right.set_ylabel("EffectiveCost (US dollars)")
    fig.tight_layout()
    return fig


def dashboard_png(team: str, period: str) -> bytes:
    fig = team_dashboard(team, period)
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


if interactive_enabled():  # widgets are for people: skipped while nbgrader grades or validates
    team_picker = widgets.Dropdown(options=sorted(team_cost.index), value=team_cost["total"].idxmax(),
                                   description="Team:", style={"description_width": "initial"})
    period_picker = widgets.ToggleButtons(options=list(PERIODS), value="June to August", description="Period:",
                                          style={"description_width": "initial"})
    dashboard_image = widgets.Image(value=dashboard_png(team_picker.value, period_picker.value), format="png")

    def _redraw(_change):
        dashboard_image.value = dashboard_png(team_picker.value, period_picker.value)

    team_picker.observe(_redraw, names="value")
    period_picker.observe(_redraw, names="value")
    display(widgets.VBox([widgets.HBox([team_picker, period_picker]), dashboard_image]))

# %% nbgrader={"grade_id": "figure-5", "locked": true}
team_dashboard(team_cost["total"].idxmax(), "June to August")
plt.show()

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# In 100–150 words: the platform team wants to publish the showback and the dashboard to every
# team next month. **Which cost column do you show, and how do you explain the shared and untagged
# cost** so that teams trust the numbers and act on them? Say what you would change first to shrink
# the untagged share, and whether you would recommend showback or chargeback for Tidewater now.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# I would show EffectiveCost: it spreads the savings plan over the node hours it covered, so a team
# sees what its consumption really cost, and it moves when the team changes something. BilledCost
# would charge the whole commitment to the platform account and make covered usage look free. The
# dashboard would show the allocated cluster share as its own series with the rule written next to
# it (per day, max of request and usage), and untagged cost as a named bucket with its biggest
# items. To shrink it, I would make the cost-center and team tags a `deny` policy in the portal and
# on manifests and tag egress and support by account. I would start with showback: allocation rules
# must be trusted before money moves between budgets.

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
# | 1 · validation errors | 3 | 2 |
# | 2 · compose a request | 3 | 2 |
# | 3 · turnaround | 3 | 2 |
# | 4 · admission policies (ValidatingAdmissionPolicy) | 4 | 3 |
# | 5 · request policies | 3 | 2 |
# | 6 · deny, warn, dry-run routing | 3 | 2 |
# | 7 · showback | 4 | 3 |
# | 8 · shared cluster allocation | 4 | 3 |
# | 9 · real savings | 3 | 2 |
# | 10 · month-end forecast | 3 | 2 |
# | 11 · cost anomalies | 4 | 3 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - A self-service API is a **schema** (types, required fields, allowed values, defaults) plus a
#   **composition** that turns a valid request into resources — Crossplane's XRD and Composition,
#   Terraform's typed variables. Validate everything before creating anything, report *every* wrong
#   field, and remember that JSON Schema's `default` is only an annotation.
# - **Policies as code** (ValidatingAdmissionPolicy with CEL, OPA Gatekeeper with Rego) return
#   violations with messages. `Deny` blocks, `Warn` tells, `Audit` (Gatekeeper's `dryrun`) records;
#   rolling out through audit and warnings to deny reaches full compliance without blocking
#   developers on day one. A policy sees only the operations and resources it lists. Thresholds decide what needs no human.
# - On a **FOCUS** bill each cost column answers its own question: `BilledCost` the invoice (cash),
#   `EffectiveCost` consumption (amortised), `ListCost` the public price. Shared cost is spread over
#   the tenants by `max(request, usage)`, OpenCost-style; `shared=true` wins over the operator's
#   team tag.
# - `ListCost − EffectiveCost` over the whole bill counts commitment **purchases** as savings:
#   measure savings on usage charges.
# - A **run-rate forecast** warns a team before a budget is missed; a **median baseline** of the
#   previous days finds an anomaly that lasts more than one day.
#
# **Next week:** deployment and operations self-service — DORA metrics, SLO burn-rate alerts and
# canary analysis.
#
# ## References
#
# - CNCF TAG App Delivery (2023). *CNCF Platforms White Paper.* https://tag-app-delivery.cncf.io/whitepapers/platforms/
# - Crossplane documentation. *Composite Resource Definitions*; *Compositions*; *Claims*.
#   https://docs.crossplane.io/latest/composition/composite-resource-definitions/
# - FinOps Foundation. *FinOps Framework: Chargeback & Finance Integration*; *Allocation*.
#   https://www.finops.org/framework/capabilities/chargeback/
# - FinOps Foundation (2025). *FinOps Open Cost and Usage Specification (FOCUS) 1.2*, columns
#   BilledCost, EffectiveCost, ListCost, ContractedCost, PricingCategory, PricingQuantity,
#   ListUnitPrice, ChargeClass, CommitmentDiscountStatus. https://focus.finops.org/focus-specification/v1-2/ ;
#   https://github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec
# - HashiCorp. *Terraform language: Input Variables* (type, default, validation).
#   https://developer.hashicorp.com/terraform/language/values/variables
# - JSON Schema (2022). *JSON Schema Validation: A Vocabulary for Structural Validation of JSON*,
#   draft 2020-12, §9.2 "default". https://json-schema.org/draft/2020-12/json-schema-validation
# - Kubecost. *Allocation API* (shareIdle, shareNamespaces). https://docs.kubecost.com/apis/monitoring-apis/api-allocation
# - Kubernetes documentation. *Admission Control in Kubernetes*; *Extend the Kubernetes API with
#   CustomResourceDefinitions: Defaulting*. https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/
# - Kubernetes documentation. *Validating Admission Policy* (matchConstraints, validations, variables,
#   validationActions Deny, Warn, Audit); *Common Expression Language in Kubernetes*.
#   https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
# - Google. *Common Expression Language specification* (macros has, all, exists; string functions).
#   https://github.com/google/cel-spec ; the runtime used here: PyPI `common-expression-language`.
# - Open Policy Agent. *Gatekeeper: Handling Constraint Violations* (enforcementAction deny, dryrun,
#   warn; audit). https://open-policy-agent.github.io/gatekeeper/website/docs/violations/
# - Open Policy Agent. *gatekeeper-library*: k8srequiredlabels, k8sdisallowedtags (1.0.2: the tag in
#   the last path segment), k8scontainerlimits; *gator* and *ExpansionTemplate*.
#   https://github.com/open-policy-agent/gatekeeper-library
# - OpenCost (2022). *OpenCost Specification v0.1*. https://github.com/opencost/opencost/blob/develop/spec/opencost-specv01.md
# - python-jsonschema. *Frequently Asked Questions: Why doesn't my schema's default property set
#   the default on my instance?* https://python-jsonschema.readthedocs.io/en/stable/faq/
