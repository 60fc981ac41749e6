# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 6 · Deployment and Operations Self-Service
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# Tidewater's golden path now carries most changes to production. The platform team's next
# promise is that deploying and operating a service takes no ticket: a team merges a change and
# the platform rolls it out safely, watches it, and repairs what it can on its own. The
# curriculum's targets for this week are **zero-touch deployments with safety controls**, **every
# service gets monitoring by default**, and **80% of incidents resolve automatically**. This week
# you build the pieces and measure how far Tidewater is from each target: GitOps drift detection,
# a canary judge, feature-flag rollouts, SLO burn-rate alerts, monitoring coverage and runbook
# automation.
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
# 1. Explain **GitOps** (desired state in Git, pulled and continuously reconciled), detect and
#    classify **drift** between Git and a cluster, and say what a reconcile would change.
# 2. Judge a **canary** against its baseline the way Spinnaker's **Kayenta** does, and say where a
#    simpler rule departs from it.
# 3. Roll a **feature flag** out to a percentage of users deterministically, and report
#    **OpenFeature** evaluation reasons.
# 4. Compute **SLO burn rates**, write the SRE Workbook's **multiwindow, multi-burn-rate** alerts
#    as a **Prometheus rule file** that promtool tests, measure **monitoring-by-default** coverage,
#    and judge alerts by precision, recall, detection time and reset time.
# 5. Decide which alerts **runbook automation** may resolve on its own, and measure that share
#    against the 80% target.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads this week's data from the `data/` folder that travels with this
# notebook (its `README.md` documents every column) and applies the course's colour-blind-safe
# figure style. `gitops_apps` and `gitops_fields` compare what Git declares with what the cluster
# runs for every Kubernetes service; `canary_samples` holds the metrics of 24 canary analyses;
# `slo_requests` the requests and errors per minute of two services during August 2026;
# `alert_rules` the alerting rules configured per service; `alerts` every alert fired from March to
# August and what was done about it.

# %% nbgrader={"grade_id": "setup", "locked": true}
import hashlib
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from scipy.stats import norm

from workbook import interactive_enabled, load, use_course_style
from workbook.style import OKABE_ITO

use_course_style()
services = load("services")              # owner, tier and availability SLO of each service
gitops_apps = load("gitops_apps")        # desired and live revision per GitOps application
gitops_fields = load("gitops_fields")    # desired and live value of each managed field
canary_runs = load("canary_runs")        # one row per canary analysis
canary_samples = load("canary_samples")  # per-minute metric values of baseline and canary
slo_requests = load("slo_requests")      # requests and errors per minute, two services, August 2026
alert_rules = load("alert_rules")        # alerting rules configured per service
alerts = load("alerts")                  # alerts fired, and how each was remediated
print(f"{len(gitops_apps)} GitOps applications, {len(canary_runs)} canary runs, "
      f"{slo_requests['service_id'].nunique()} services with per-minute SLO data, {len(alerts)} alerts")
gitops_apps.head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · GitOps: desired state, pulled and reconciled
#
# The OpenGitOps project (CNCF, 2021) defines **GitOps** by four principles: the desired state of
# a system is **declarative**; it is **versioned and immutable** (stored so that it cannot be
# changed in place and keeps its complete history: in practice Git, every change a commit); it is
# **pulled automatically** by software agents from that source; and it is **continuously
# reconciled**: the agents observe the actual state and act to make it match the desired state.
# (Running the agent inside the cluster it manages is usual practice, not a principle.) Argo CD
# and Flux are the two CNCF controllers that implement it for Kubernetes.
#
# The difference between the two states is **drift**. It has different causes, and a platform
# should tell them apart, because each needs a different response:
#
# - **pending** — a new commit is in Git and the controller has not polled yet (by default Argo CD
#   polls the repository at most every three minutes: `timeout.reconciliation` is 120 s plus up to
#   60 s of jitter): nothing is wrong, wait;
# - **failed sync** — the controller tried to apply the desired revision and could not (an
#   invalid manifest, a rejected admission policy), or should have applied it by now and has not:
#   the team must fix the change;
# - **changed by hand** — the cluster runs the desired revision, but someone edited a live object
#   (`kubectl edit`, `kubectl scale`): the edit is invisible in Git, and a reconcile with self-heal
#   will revert it.
#
# **Pull beats push** for audit and recovery. In a push pipeline, a CI job holds cluster
# credentials and applies changes; what is running is whatever the last job did. In a pull model
# the cluster's agent is the only writer, Git's history is the audit log of every desired change,
# rolling back is a `git revert`, and rebuilding a lost cluster is pointing a new agent at the same
# repository.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · Git against the cluster
#
# `gitops_apps` has one row per application: the revision at the head of its configuration
# repository (`desired_revision`), the revision last applied to the cluster (`live_revision`), when
# the desired revision was committed and the result of the controller's last sync attempt, all
# observed at `observed_at`. `gitops_fields` lists, per application, the fields the platform
# manages, with their desired (Git) and live (cluster) values. Run the cell: it shows the
# applications whose revisions differ and a few fields whose values differ.

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
POLL_SECONDS = 180  # Argo CD's longest default wait between polls of Git (120 s + up to 60 s jitter)
behind = gitops_apps[gitops_apps["desired_revision"] != gitops_apps["live_revision"]]
print(f"{len(behind)} applications run another revision than Git's head;",
      f"{int((gitops_fields['desired'] != gitops_fields['live']).sum())} managed fields differ")
gitops_fields[gitops_fields["desired"] != gitops_fields["live"]].head(6)

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (4 points) · Classify drift
#
# Write `classify_drift(apps, fields, poll_seconds=POLL_SECONDS)` returning a **Series indexed by
# `app`** (one entry per row of `apps`) that labels each application, as observed at its
# `observed_at`, with the response it needs (Reading 1): `"pending"`, `"failed-sync"`,
# `"changed-by-hand"`, or `"in-sync"` when Git and the cluster agree. `poll_seconds` is the longest
# the controller waits between two polls of Git. For example, an application whose cluster runs
# Git's head revision but whose `spec.replicas` was scaled by hand is `"changed-by-hand"`; one whose
# newest commit is ten minutes old and not applied yet is `"failed-sync"`.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def classify_drift(apps: pd.DataFrame, fields: pd.DataFrame, poll_seconds: float = POLL_SECONDS) -> pd.Series:
    """in-sync, pending, failed-sync or changed-by-hand for every GitOps application."""
    ### BEGIN SOLUTION
    a = apps.set_index("app")
    edited = (fields["desired"] != fields["live"]).groupby(fields["app"]).any().reindex(a.index, fill_value=False)
    behind = a["desired_revision"] != a["live_revision"]
    young = (a["observed_at"] - a["desired_committed_at"]).dt.total_seconds() < poll_seconds
    waiting = young & (a["last_sync_result"] != "failed")
    label = np.select([behind & waiting, behind, edited], ["pending", "failed-sync", "changed-by-hand"], "in-sync")
    return pd.Series(label, index=a.index)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: classify_drift gives every application one of the four labels."""
from graders import call, check, check_type, passed

_answer = call(classify_drift, gitops_apps.copy(), gitops_fields.copy(), name="classify_drift")
_name = "classify_drift(gitops_apps, gitops_fields)"
check_type(_answer, pd.Series, _name)
check(set(_answer.index) == set(gitops_apps["app"]) and _answer.index.is_unique, _name,
      "should have exactly one entry per app, indexed by app.")
check(set(_answer.astype(str)) <= {"in-sync", "pending", "failed-sync", "changed-by-hand"}, _name,
      "should hold only 'in-sync', 'pending', 'failed-sync' and 'changed-by-hand'.")
check(int((_answer == "in-sync").sum()) > len(_answer) // 2, _name,
      "calls most applications drifted, but most run exactly what Git declares.")
passed("classify_drift")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of classify_drift (3 points) run when your notebook is graded:
# on this week's data and on hand-made applications at the boundaries.
from graders import call

_ = call(classify_drift, gitops_apps.copy(), gitops_fields.copy(), name="classify_drift")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_a, _f = _load("gitops_apps"), _load("gitops_fields")
_rule = ("revisions differ: pending if the last sync did not fail and observed_at - desired_committed_at < poll_seconds, "
         "else failed-sync; revisions equal: changed-by-hand if any field has live != desired, else in-sync.")
def _table(series):
    """Your labels as a two-column table (key, label), to hand over."""
    try:
        return pd.DataFrame({"key": [str(k) for k in series.index], "label": [str(v) for v in series.to_numpy()]})
    except Exception:
        return series
expect.frame("classify_drift(gitops_apps, gitops_fields)", _table(call(classify_drift, _a.copy(), _f.copy(), name="classify_drift")),
             _rule, what="app", key=["key"], check_order=False)
_t = pd.Timestamp("2026-08-30T12:00:00Z")
_h = pd.DataFrame({
    "app": ["fresh", "at-poll", "stale-ok", "failed-fresh", "hand", "clean", "no-fields"],
    "desired_revision": ["b", "b", "b", "b", "a", "a", "a"], "live_revision": ["a", "a", "a", "a", "a", "a", "a"],
    "desired_committed_at": [_t - pd.Timedelta(seconds=s) for s in (60, 180, 3600, 30, 9000, 9000, 9000)],
    "last_sync_result": ["succeeded", "succeeded", "succeeded", "failed", "succeeded", "succeeded", "succeeded"],
    "observed_at": _t})
_hf = pd.DataFrame({"app": ["fresh", "hand", "hand", "clean", "clean"], "kind": "Deployment", "name": "x",
                    "field": ["spec.replicas", "spec.replicas", "data.LOG_LEVEL", "spec.replicas", "data.LOG_LEVEL"],
                    "desired": ["3", "3", "info", "3", "info"], "live": ["3", "3", "debug", "3", "info"]})
expect.frame("classify_drift (on hand-made applications at the boundaries)",
             _table(call(classify_drift, _h.copy(), _hf.copy(), name="classify_drift")), _rule, what="app", key=["key"],
             check_order=False)
expect.frame("classify_drift (the same, with poll_seconds=30)",
             _table(call(classify_drift, _h.copy(), _hf.copy(), 30, name="classify_drift")), _rule, what="app", key=["key"],
             check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (3 points) · What a reconcile would change
#
# A reconcile with self-heal writes every managed field back to its desired value. Write
# `reconcile_plan(apps, fields)` returning a **DataFrame with the columns `app`, `kind`, `name`,
# `field`, `live`, `desired` and `change`**: one row per field whose `live != desired`, **except**
# fields of apps whose revisions differ and whose sync is **pending** by Exercise 1's rule (the
# controller will apply those on its next poll without your help). `change` is
# `"revert-hand-edit"` when the app's revisions are equal (someone edited the cluster) and
# `"apply-desired-revision"` when they differ. Sort the rows by `app`, `kind`, `field`, and reset
# the index. Reuse your `classify_drift`.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def reconcile_plan(apps: pd.DataFrame, fields: pd.DataFrame) -> pd.DataFrame:
    """The field changes a self-healing reconcile would make now."""
    ### BEGIN SOLUTION
    state = classify_drift(apps, fields)
    same = apps.set_index("app")["desired_revision"] == apps.set_index("app")["live_revision"]
    diff = fields[(fields["live"] != fields["desired"]) & fields["app"].map(state).ne("pending")].copy()
    diff["change"] = np.where(diff["app"].map(same), "revert-hand-edit", "apply-desired-revision")
    cols = ["app", "kind", "name", "field", "live", "desired", "change"]
    return diff.sort_values(["app", "kind", "field"])[cols].reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: reconcile_plan lists differing fields only, with a change label."""
from graders import call, check, check_type, passed

_answer = call(reconcile_plan, gitops_apps.copy(), gitops_fields.copy(), name="reconcile_plan")
_name = "reconcile_plan(gitops_apps, gitops_fields)"
_cols = ["app", "kind", "name", "field", "live", "desired", "change"]
check_type(_answer, pd.DataFrame, _name)
check(all(c in _answer.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(len(_answer) > 0 and bool((_answer["live"] != _answer["desired"]).all()), _name,
      "should list only (and some) fields whose live value differs from the desired one.")
check(set(_answer["change"]) <= {"revert-hand-edit", "apply-desired-revision"}, _name,
      "change should be 'revert-hand-edit' or 'apply-desired-revision'.")
passed("reconcile_plan")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of reconcile_plan (2 points) run when your notebook is graded.
from graders import call

_ = call(reconcile_plan, gitops_apps.copy(), gitops_fields.copy(), name="reconcile_plan")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_a, _f = _load("gitops_apps"), _load("gitops_fields")
_rule = ("every field with live != desired, except those of apps whose sync is pending; change = revert-hand-edit when "
         "the app's revisions are equal, apply-desired-revision when they differ; sorted by app, kind, field.")
expect.frame("reconcile_plan(gitops_apps, gitops_fields)", call(reconcile_plan, _a.copy(), _f.copy(), name="reconcile_plan"),
             _rule, key=["app", "kind", "field"])
_a2 = _a.assign(desired_committed_at=_a["observed_at"] - pd.Timedelta(seconds=60))  # every new revision is fresh
expect.frame("reconcile_plan (every new revision committed a minute ago)",
             call(reconcile_plan, _a2.copy(), _f.copy(), name="reconcile_plan"), _rule, key=["app", "kind", "field"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Progressive delivery: canaries and how Kayenta judges them
#
# Even a good pipeline ships bugs no test found. **Progressive delivery** limits how many users
# meet them: a new version first takes a small share of traffic — a **canary** — while the rest
# stays on the current version, and it is promoted step by step only while it behaves (Humble &
# Farley, 2010, call the pattern a canary release). Comparing the canary with the whole old fleet
# is unfair (its instances are new and cold), so automated canary analysis starts a fresh
# **baseline** of the old version at the same time and size, and compares the two metric by metric.
#
# Spinnaker's **Kayenta** (built by Netflix and Google) judges each metric with a **Mann-Whitney**
# (Wilcoxon rank-sum) procedure, which assumes no normal distribution (latencies never follow one).
# Read from its code (`MannWhitneyClassifier`, `NetflixACAJudge`):
#
# 1. the **Hodges–Lehmann estimate** of the shift, approximately the median of all differences
#    *canary value − baseline value* over every pair of samples (Kayenta solves for it
#    numerically), with its **two-sided confidence interval** at the judge's level, **98%**;
# 2. a **tolerance** band of ± 0.25 × |estimate| around zero;
# 3. for a metric configured with `direction: increase` (higher is worse), the metric is **High**
#    (it fails) when the interval's
#    lower end lies **above** the band (+0.25 × |estimate|) **and** the effect size — the ratio of
#    the canary's **mean** to the baseline's **mean** — is at least `allowedIncrease`, which
#    **defaults to 1.0**; otherwise it passes. (Identical samples always pass. Kayenta's code
#    defaults `direction` to `either`, under which a clear decrease counts as **Low** and also
#    lowers the score.)
#
# With the default of 1.0, a statistically clear rise of any size fails the metric: a certain 3%
# rise in CPU is High unless the team configures, say, `allowedIncrease: 1.1`. Kayenta then scores
# the run as the share of metrics that pass and compares it with thresholds the team sets. This
# notebook uses a **simplification of Kayenta**, not Kayenta. Both use the normal approximation
# to the Mann-Whitney distribution: Kayenta finds the interval's ends by root-finding on the
# continuity-corrected normal statistic (R's `wilcox.test(exact = FALSE)`), the helper below picks
# the order statistics of the pairwise differences at the same normal quantile; on this week's
# data the ends agree. The simplification is the verdict: here a run **passes when none of its
# metrics is High**, instead of Kayenta's weighted score against thresholds the team sets.

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · A canary, metric by metric
#
# Each canary run sent 10% of a service's traffic to the new version for 30 minutes, next to a
# baseline of the old version. `canary_samples` has one value per minute, metric and group; all
# three metrics (CPU cores, error rate, p99 latency) are "lower is better". The helper
# `hodges_lehmann(canary, baseline, conf_level)` returns the estimate and the two ends of its
# interval. **Figure 1** draws the p99 latency of the baseline and the canary for the two runs in
# `runs_to_show`. *Text description:* two panels, each with a baseline line and a canary line over
# the 30 minutes; the cell prints, for each run, the estimate and interval that the picture shows,
# so you can read which run's canary sits clearly above its baseline.

# %% nbgrader={"grade_id": "lab-2-canary", "locked": true}
def hodges_lehmann(canary, baseline, conf_level: float = 0.98) -> tuple[float, float, float]:
    """Hodges-Lehmann shift (canary - baseline) and its two-sided confidence interval, from the
    order statistics of the pairwise differences (normal approximation to Mann-Whitney's U)."""
    diffs = np.sort(np.subtract.outer(np.asarray(canary, float), np.asarray(baseline, float)).ravel())
    n, m = len(canary), len(baseline)
    z = norm.ppf(1 - (1 - conf_level) / 2)
    k = max(int(np.floor(n * m / 2 - z * np.sqrt(n * m * (n + m + 1) / 12))), 0)
    return float(np.median(diffs)), float(diffs[k]), float(diffs[n * m - 1 - k])


runs_to_show = ["canary-001", "canary-002"]
fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), sharey=True)
for ax, run in zip(axes, runs_to_show):
    one = canary_samples[(canary_samples["run_id"] == run) & (canary_samples["metric"] == "latency_p99_ms")]
    for group, colour in (("baseline", OKABE_ITO[0]), ("canary", OKABE_ITO[1])):
        part = one[one["group"] == group]
        ax.plot(part["minute"], part["value"], color=colour, label=group, marker="o", markersize=3)
    ax.set_title(f"Figure 1. p99 latency, {run}")
    ax.set_xlabel("minute of the run (min)")
    ax.set_ylabel("p99 latency (ms)")
    ax.legend()
    est, low, high = hodges_lehmann(one.loc[one["group"] == "canary", "value"], one.loc[one["group"] == "baseline", "value"])
    print(f"Text description (computed), {run}: the canary is {est:+.1f} ms from the baseline (98% interval {low:+.1f} to {high:+.1f} ms).")
plt.show()

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (4 points) · Canary verdicts, the Kayenta way (simplified)
#
# Write `canary_passes(samples, conf_level=0.98, tolerance=0.25, allowed_increase=1.0)` returning a
# **boolean Series indexed by `run_id`** (one entry per run): `True` when the canary **passes**
# Kayenta's judge as Reading 2 describes it, with these parameters (every metric here is
# `direction: increase`), and the notebook's simplified verdict. Use the `hodges_lehmann` helper
# for the interval. A `groupby(["run_id", "metric"])` with one call per group is fine here (72
# groups).

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def canary_passes(samples: pd.DataFrame, conf_level: float = 0.98, tolerance: float = 0.25,
                  allowed_increase: float = 1.0) -> pd.Series:
    """True for each canary run none of whose metrics Kayenta's Mann-Whitney judge calls High."""
    ### BEGIN SOLUTION
    def high(group: pd.DataFrame) -> bool:
        canary = group.loc[group["group"] == "canary", "value"].to_numpy(float)
        baseline = group.loc[group["group"] == "baseline", "value"].to_numpy(float)
        if len(canary) == len(baseline) and np.array_equal(np.sort(canary), np.sort(baseline)):
            return False
        est, low, _ = hodges_lehmann(canary, baseline, conf_level)
        return bool(low > tolerance * abs(est) and canary.mean() / baseline.mean() >= allowed_increase)

    flags = samples.groupby(["run_id", "metric"])[["group", "value"]].apply(high)
    return ~flags.groupby(level="run_id").any()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: canary_passes returns one True/False per run; some runs pass and some fail."""
from graders import call, check, check_type, passed

_answer = call(canary_passes, canary_samples.copy(), name="canary_passes")
_name = "canary_passes(canary_samples)"
check_type(_answer, pd.Series, _name)
check(set(_answer.index) == set(canary_samples["run_id"]) and _answer.index.is_unique, _name,
      "should have exactly one entry per run_id.")
check(_answer.dtype == bool, _name, f"should hold booleans (True = the canary passes); its dtype is {_answer.dtype}.",
      hint="return the comparison itself, not the strings 'pass'/'fail'.")
check(bool(_answer.any()) and not bool(_answer.all()), _name, "should let some runs pass and fail others.")
passed("canary_passes")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of canary_passes (3 points) run when your notebook is graded:
# on this week's runs, other settings, and runs where the mean and the median tell different stories.
from graders import call

_ = call(canary_passes, canary_samples.copy(), name="canary_passes")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_cs = _load("canary_samples")
_rule = ("a metric is High when its samples differ, the lower end of the Hodges-Lehmann interval (hodges_lehmann at "
         "conf_level) is above tolerance * |estimate|, and mean(canary) / mean(baseline) >= allowed_increase; a run "
         "passes when no metric is High.")
def _plain(series):
    try:
        return {str(k): bool(v) for k, v in series.items()}
    except Exception:
        return series
expect.value("canary_passes(canary_samples)", _plain(call(canary_passes, _cs.copy(), name="canary_passes")), _rule)
expect.value("canary_passes(canary_samples, 0.95, 0.25, 1.1)",
             _plain(call(canary_passes, _cs.copy(), 0.95, 0.25, 1.1, name="canary_passes")), _rule)
# Hand-made runs: 'outliers' has the same typical value but a few huge canary minutes (mean ratio high,
# shift ~0); 'shifted' is 8% higher every minute while the baseline has two huge minutes (median ratio
# 1.08, mean ratio below 1); 'same' is identical; 'small-rise' is a certain 3% rise.
_rng = np.random.default_rng(6)
_base = 100 * _rng.lognormal(0, 0.05, 30)
_runs = {"outliers": (_base * _rng.lognormal(0, 0.05, 30) * np.where(np.arange(30) < 4, 6.0, 1.0), _base),
         "shifted": (_base * 1.08, _base * np.where(np.arange(30) < 2, 12.0, 1.0)),
         "same": (_base, _base), "small-rise": (_base * 1.03, _base)}
_hm = pd.concat([pd.DataFrame({"run_id": r, "metric": "latency_p99_ms", "group": g, "minute": np.arange(1, 31), "value": v})
                 for r, (c, b) in _runs.items() for g, v in (("canary", c), ("baseline", b))], ignore_index=True)
expect.value("canary_passes (hand-made runs, defaults)", _plain(call(canary_passes, _hm.copy(), name="canary_passes")), _rule)
expect.value("canary_passes (hand-made runs, allowed_increase=1.05)",
             _plain(call(canary_passes, _hm.copy(), 0.98, 0.25, 1.05, name="canary_passes")), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Feature flags and OpenFeature
#
# A canary decides which **version** serves a request; a **feature flag** decides, inside one
# version, which **behaviour** a user gets. Flags separate deploying from releasing: code ships
# dark and is turned on for a team, then 5% of users, then everyone — and off again in seconds,
# without a deployment.
#
# A **percentage rollout** must be **deterministic** and **stable**: the same user must see the
# same variant on every request, and raising the percentage from 10% to 20% must keep the first
# 10% in. The usual way is to hash the flag key and the user's **targeting key** together into a
# bucket, and enable the users whose bucket is below the percentage. Hashing the flag key too
# means different flags pick different users. This course's house rule: the bucket is the first 8
# hex digits of `sha256("<flag key>/<targeting key>")` read as an integer, modulo 10,000 (0–9,999);
# a user is in a rollout of *p*% when bucket < *p* × 100.
#
# **OpenFeature** (a CNCF specification) standardises how an application asks for a flag. The
# caller passes a flag key, a default value and an **evaluation context** (an optional
# `targetingKey` plus attributes). The answer carries the value, the variant, and a **reason**;
# among the spec's reasons are `STATIC` (the flag has one fixed value), `DEFAULT` (the default
# variant was used), `TARGETING_MATCH` (a targeting rule matched), `SPLIT` (a percentage split
# decided), `DISABLED` (the flag is off) and `ERROR` (with an error code such as `FLAG_NOT_FOUND`
# or `TARGETING_KEY_MISSING`), so a team can see *why* a user got a value.

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (3 points) · Deterministic percentage rollout
#
# Write `rollout(targeting_keys, flag_key, percentage)` where `targeting_keys` is a Series of user
# ids. Return a **boolean Series with the same index**: `True` for the users inside a rollout of
# `percentage` % (0–100, may be fractional) by the house rule of Reading 3. Hashing is per key, so a
# `.map` over the keys is fine here.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def rollout(targeting_keys: pd.Series, flag_key: str, percentage: float) -> pd.Series:
    """Users inside a percentage rollout of the flag (sha256 buckets 0..9999)."""
    ### BEGIN SOLUTION
    def bucket(key: str) -> int:
        return int(hashlib.sha256(f"{flag_key}/{key}".encode()).hexdigest()[:8], 16) % 10_000

    return targeting_keys.astype(str).map(bucket) < percentage * 100
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: rollout is boolean, stable as the percentage grows, and 0% / 100% mean nobody / everybody."""
from graders import call, check, check_type, passed

_users = pd.Series([f"user-{k:05d}" for k in range(5000)])
_ten = call(rollout, _users, "new-checkout", 10, name="rollout")
_name = "rollout(users, 'new-checkout', 10)"
check_type(_ten, pd.Series, _name)
check(_ten.dtype == bool and bool(_ten.index.equals(_users.index)), _name, "should be a boolean Series with the index of targeting_keys.")
_twenty = call(rollout, _users, "new-checkout", 20, name="rollout")
check(bool((_twenty | ~_ten).all()), "rollout(users, 'new-checkout', 20)",
      "drops users who were in at 10%: a rollout must keep its users as the percentage grows.")
check(not bool(call(rollout, _users, "new-checkout", 0, name="rollout").any())
      and bool(call(rollout, _users, "new-checkout", 100, name="rollout").all()), "rollout at 0% and 100%",
      "should include nobody at 0% and everybody at 100%.")
check(0.07 < float(_ten.mean()) < 0.13, _name, "should include about 10% of the users.")
passed("rollout")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of rollout (2 points) run when your notebook is graded:
# exactly which users are in, for other flags and percentages.
from graders import call

_ = call(rollout, _users, "new-checkout", 10, name="rollout")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("bucket = int(first 8 hex digits of sha256('<flag_key>/<targeting_key>'), 16) % 10000; "
         "in the rollout when bucket < percentage * 100.")
_keys = pd.Series([f"dev-{k:04d}" for k in range(3000)], index=pd.RangeIndex(100, 3100))
for _flag, _pct in (("new-checkout", 10), ("search-v2", 33.3), ("search-v2", 0.5), ("dark-mode", 50)):
    expect.set(f"rollout(keys, {_flag!r}, {_pct})",
               set(_keys[call(rollout, _keys, _flag, _pct, name="rollout").reindex(_keys.index).fillna(False).astype(bool)]),
               _rule, what="user")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-3b", "locked": true}
# ## Reading 3 (continued) · Flags through the OpenFeature SDK
#
# An application never reads a flag file itself: it asks an OpenFeature **client**, and the client
# asks the **provider** that the platform registered (`api.set_provider(...)`): a vendor's service,
# or, for tests and small set-ups, the SDK's own in-memory provider. With the Python SDK
# (`openfeature-sdk`):
#
# - `EvaluationContext(targeting_key, attributes)` describes the caller: `targeting_key` is the
#   stable id a split hashes (a user id), `attributes` anything a rule may look at (`{"team": ...}`);
# - `InMemoryFlag(default_variant, variants, context_evaluator=...)` is one flag of the in-memory
#   provider. Without an evaluator it always answers its default variant with reason `STATIC`; an
#   evaluator is a function `(flag, context) -> FlagResolutionDetails(value=..., variant=...,
#   reason=...)` that decides per caller (`Reason.TARGETING_MATCH`, `Reason.SPLIT`, ...);
# - a provider reports an error by **raising** one of the SDK's exceptions
#   (`openfeature.exception`: `FlagNotFoundError`, `TargetingKeyMissingError`, `InvalidContextError`,
#   ...). The client never lets it reach the application: it answers the **caller's default value**
#   with reason `ERROR` and the exception's error code, so a broken flag cannot break a request;
# - `client.get_boolean_details(flag_key, default, context)` returns the value, the variant, the
#   reason and the error code: what a team reads to see *why* a user got a value.
#
# The SDK is not the specification: its in-memory provider (version 0.10.0) ignores an
# `InMemoryFlag`'s `state`, so a flag marked `DISABLED` still answers `STATIC` with its default
# variant. The lab below shows it; a real provider reports `DISABLED` and the caller's default.

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · Flags through the SDK
#
# The cell registers the in-memory provider with two of Tidewater's flags and asks the client for
# each of them and for a flag that does not exist. Read the reasons and error codes the SDK gives,
# including the `DISABLED` flag the in-memory provider does not honour.

# %% nbgrader={"grade_id": "lab-3-flags", "locked": true}
from openfeature import api
from openfeature.evaluation_context import EvaluationContext
from openfeature.exception import TargetingKeyMissingError
from openfeature.flag_evaluation import FlagResolutionDetails, Reason
from openfeature.provider.in_memory_provider import InMemoryFlag, InMemoryProvider

FLAGS = {
    "search-ranking": InMemoryFlag("v1", {"v1": "bm25", "v2": "learned"}),
    "legacy-export": InMemoryFlag("on", {"on": True, "off": False}, state=InMemoryFlag.State.DISABLED),
}
api.set_provider(InMemoryProvider(FLAGS))
client = api.get_client()
for _key, _default in (("search-ranking", "none"), ("legacy-export", False), ("no-such-flag", False)):
    _ask = client.get_string_details if isinstance(_default, str) else client.get_boolean_details
    _d = _ask(_key, _default, EvaluationContext("user-00001", {"team": "search"}))
    print(f"{_key}: value {_d.value!r}, variant {_d.variant!r}, reason {_d.reason}, error code {_d.error_code}")

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (4 points) · The new checkout's rollout, as an OpenFeature flag
#
# The checkout team releases `new-checkout` (variants `"on"`: `True` and `"off"`: `False`, default
# variant `"off"`) this way: every member of the `checkout` and `platform` teams (the context's
# `team` attribute) gets it now, to try it on themselves; of everybody else, `percentage` % get it,
# chosen by your Exercise 4 `rollout`, so that each user keeps their answer as the percentage
# grows. Write `checkout_flag(percentage)` returning the SDK's `InMemoryFlag` for it. Applications
# ask `client.get_boolean_details("new-checkout", False, context)`, and what they read (value,
# variant, reason, error code) must say truthfully why (Reading 3). For example, at 10%:
#
# - `EvaluationContext("dev-0001", {"team": "checkout"})` gets `True`, reason `TARGETING_MATCH`;
# - `EvaluationContext("user-00043", {"team": "search"})` is inside the 10% by `rollout`: `True`,
#   reason `SPLIT`.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def checkout_flag(percentage: float) -> InMemoryFlag:
    """The new-checkout flag for the SDK's in-memory provider: teams first, then a percentage split."""
    ### BEGIN SOLUTION
    def decide(flag: InMemoryFlag, context: EvaluationContext) -> FlagResolutionDetails:
        if context.attributes.get("team") in ("checkout", "platform"):
            return FlagResolutionDetails(value=flag.variants["on"], variant="on", reason=Reason.TARGETING_MATCH)
        if context.targeting_key is None:
            raise TargetingKeyMissingError("new-checkout splits users by targeting key, and this context has none")
        inside = bool(rollout(pd.Series([context.targeting_key]), "new-checkout", percentage).iloc[0])
        variant = "on" if inside else "off"
        return FlagResolutionDetails(value=flag.variants[variant], variant=variant, reason=Reason.SPLIT)

    return InMemoryFlag("off", {"on": True, "off": False}, context_evaluator=decide)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the SDK answers the two examples of the statement."""
from graders import call, check, check_type, passed

_flag = call(checkout_flag, 10, name="checkout_flag")
check_type(_flag, InMemoryFlag, "checkout_flag(10)", hint="InMemoryFlag('off', {'on': True, 'off': False}, context_evaluator=...).")
api.set_provider(InMemoryProvider({**FLAGS, "new-checkout": _flag}))
_inside = bool(call(rollout, pd.Series(["user-00043"]), "new-checkout", 10, name="rollout").iloc[0])  # your Exercise 4
for _ctx, _want in ((EvaluationContext("dev-0001", {"team": "checkout"}), (True, "TARGETING_MATCH")),
                    (EvaluationContext("user-00043", {"team": "search"}), (_inside, "SPLIT"))):
    _d = api.get_client().get_boolean_details("new-checkout", False, _ctx)
    check((_d.value, str(_d.reason)) == _want, f"the SDK's answer for {_ctx.targeting_key} (team {_ctx.attributes['team']})",
          f"is value {_d.value!r}, reason {_d.reason}" + (f" ({_d.error_code}: {_d.error_message})" if _d.error_code else "")
          + f"; the statement's example (with your rollout) gets {_want[0]!r} with reason {_want[1]}.")
passed("checkout_flag")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of checkout_flag (3 points) run when your notebook is graded: the SDK's answers
# for other callers and percentages.
from graders import call

_ = call(checkout_flag, 10, name="checkout_flag")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("team checkout or platform -> on, TARGETING_MATCH (no targeting key needed); anybody else without a "
         "targeting key cannot be split -> raise TargetingKeyMissingError, so that the SDK answers ERROR / "
         "TARGETING_KEY_MISSING with the caller's default; otherwise SPLIT: on when rollout() puts the key inside, "
         "else off (still SPLIT).")
_contexts = [("dev-0002", {"team": "platform"}), (None, {"team": "checkout"}), (None, {"team": "search"}), (None, {}),
             ("user-00001", {}), ("user-00002", {"team": "payments", "tier": "tier-1"})]
_contexts += [(f"user-{k:05d}", {"team": "search"}) for k in range(3, 43)]
_rows = []
for _pct in (10, 33.3, 0, 100):
    _flag = call(checkout_flag, _pct, name="checkout_flag")
    try:
        api.set_provider(InMemoryProvider({"new-checkout": _flag}))
    except Exception:
        pass
    for _k, (_key, _attrs) in enumerate(_contexts):
        _d = api.get_client().get_boolean_details("new-checkout", False, EvaluationContext(_key, dict(_attrs)))
        _rows.append({"case": f"{_pct}/{_k}", "call": f"checkout_flag({_pct}): EvaluationContext({_key!r}, {_attrs})",
                      "value": repr(_d.value), "variant": repr(_d.variant), "reason": str(_d.reason),
                      "error_code": str(_d.error_code)})
expect.frame("the SDK's answers (value, variant, reason, error code) for other callers and percentages",
             pd.DataFrame(_rows), _rule, what="call", key=["case", "call"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · Observability by default: SLOs, burn rates, and judging an alert
#
# A **service level indicator** (SLI) is a measured ratio of good events to all events — here,
# the share of requests that did not fail with a server error. A **service level objective** (SLO)
# is the target for that ratio over a period, for example 99.9% over 30 days. The **error budget**
# is what the SLO leaves over: 1 − SLO, here 0.1% of requests (Beyer et al., 2016).
#
# The Google SRE Workbook, chapter 5 "Alerting on SLOs" (Beyer et al., 2018), judges an alerting
# rule on four properties:
#
# - **precision** — the share of alerts that fired for a significant event (few false alarms);
# - **recall** — the share of significant events that raised an alert (few missed problems);
# - **detection time** — how long after the problem starts the alert fires;
# - **reset time** — how long the alert keeps firing after the problem has stopped.
#
# It alerts on how fast the budget is spent. The **burn rate** over a window is
#
# $$\text{burn rate} = \frac{\text{error rate in the window}}{1 - \text{SLO}}
#   = \frac{\sum \text{errors} / \sum \text{requests}}{1 - \text{SLO}}.$$
#
# A burn rate of 1 spends exactly the budget by the end of the period; 10 spends a 30-day budget in
# 3 days. A window of *w* hours at burn rate *b* has consumed *b · w / 720* of a 30-day budget, so
# the threshold for "this window has eaten a fraction *f*" is *b = 720 · f / w*. The chapter
# recommends:
#
# | Action | Long window | Short window | Burn-rate threshold | Budget spent when it fires |
# |---|---|---|---|---|
# | page | 1 hour | 5 minutes | 14.4 | 2% |
# | page | 6 hours | 30 minutes | 6 | 5% |
# | ticket | 3 days | 6 hours | 1 | 10% |
#
# Each rule fires only when **both** its long **and** its short window exceed the threshold: the
# long window proves the burn is significant (precision), the short window proves it is still
# happening (reset time). The two page rules are combined with **or**. The chapter contrasts this
# *multiwindow, multi-burn-rate* design with simpler ones; the simplest, "alert when the error
# rate over a short window is above the SLO's allowed rate", has good **recall** and **detection
# time** but poor **precision**: it fires for blips that consume a tiny share of the budget.
#
# "Every service gets monitoring by default" then means: every service has an SLO and these
# burn-rate rules **without its team having to write them**. At Tidewater the platform installs
# them for services on the golden path, as two `ErrorBudgetBurn` rules (severity `page` and
# `ticket`) with `alert_rules.origin == "platform-default"`; a rule a team wrote for itself
# (`"team"`) shows the team cared, not that the platform's default reached the service.

# %% [markdown] nbgrader={"grade_id": "lab-4-intro", "locked": true}
# ## Lab 4 · Watching the error budget burn
#
# `slo_requests` holds one row per minute for `checkout-api` (SLO 99.9%) and `search-api`
# (SLO 99.5%). The cell below takes one service's rows, in time order, and shows the minutes with
# the most errors. A burn rate over a window of *w* minutes uses the **sums** of errors and
# requests over the last *w* minutes (the current minute included): pandas' `rolling(w).sum()`
# does exactly that, and leaves the first *w* − 1 minutes empty (NaN).

# %% nbgrader={"grade_id": "lab-4-explore", "locked": true}
SLO = (services.set_index("service_id")["slo_availability_pct"] / 100).round(6).loc[["checkout-api", "search-api"]]
checkout = slo_requests[slo_requests["service_id"] == "checkout-api"].sort_values("minute").reset_index(drop=True)
search = slo_requests[slo_requests["service_id"] == "search-api"].sort_values("minute").reset_index(drop=True)
print(SLO.to_dict())
checkout.assign(error_rate=checkout["errors"] / checkout["requests"]).nlargest(5, "errors")

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Burn rate over a rolling window
#
# Write `burn_rate(slo, slo_target, window_minutes)` where `slo` holds **one service's** rows of
# `slo_requests` in time order, `slo_target` is the SLO as a fraction (0.999 for 99.9%) and
# `window_minutes` the window length. Return a **Series indexed by `minute`** (one value per row)
# holding the burn rate (Reading 4) of the window of `window_minutes` minutes that **ends** at that
# minute, NaN where the data does not cover a whole window yet. The data has 43,200 minutes per
# service: no Python loop over them.

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def burn_rate(slo: pd.DataFrame, slo_target: float, window_minutes: int) -> pd.Series:
    """Error-budget burn rate of the window of window_minutes ending at each minute."""
    ### BEGIN SOLUTION
    sums = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes).sum()
    return sums["errors"] / sums["requests"] / (1 - slo_target)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: burn_rate returns one value per minute, NaN only where the window is incomplete."""
from graders import call, check, check_type, passed

_answer = call(burn_rate, checkout.copy(), 0.999, 60, name="burn_rate")
_name = "burn_rate(checkout, 0.999, 60)"
check_type(_answer, pd.Series, _name)
check(len(_answer) == len(checkout) and bool(pd.Index(_answer.index).equals(pd.Index(checkout["minute"]))), _name,
      "should have one value per row of the input, indexed by its minute column.", hint="slo.set_index('minute').")
_nan = _answer.astype(float).isna().to_numpy()
check(bool(_nan[:59].all()) and not bool(_nan[59:].any()), _name,
      f"has {int(_nan.sum())} missing values; a 60-minute window is complete from the 60th minute on, "
      "so exactly the first 59 values should be NaN.", hint="rolling(window_minutes).sum() counts rows, the current one included.")
check(bool((_answer.dropna().astype(float) >= 0).all()), _name, "has negative values.")
passed("burn_rate")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of burn_rate (2 points) run when your notebook is graded:
# they compare your burn rates, at many minutes, on both services and on other data.
from graders import call

_ = call(burn_rate, checkout.copy(), 0.999, 60, name="burn_rate")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_s = _load("slo_requests")
_rule = ("burn rate = (sum of errors / sum of requests over the last window_minutes rows, the current one "
         "included) / (1 - SLO); a ratio of sums, divided by the error budget.")
def _sampled(got, one, w):
    """Your values at every 150th complete minute and at the minutes with the most errors."""
    try:
        at = pd.Index(one["minute"].iloc[w::150]).append(pd.Index(one.nlargest(200, "errors")["minute"])).unique()
        return got.reindex(at).astype(float)
    except Exception:
        return got
for _sid, _target, _w in (("checkout-api", 0.999, 60), ("search-api", 0.995, 30), ("checkout-api", 0.99, 360)):
    _one = _s[_s["service_id"] == _sid].sort_values("minute").reset_index(drop=True)
    expect.series(f"burn_rate({_sid}, {_target}, {_w})", _sampled(call(burn_rate, _one.copy(), _target, _w, name="burn_rate"), _one, _w),
                  _rule, what="minute")
_one = _s[_s["service_id"] == "search-api"].sort_values("minute").reset_index(drop=True).iloc[:5000]
_one = _one.assign(errors=_one["errors"] + (_one.index % 97 == 0) * 40, requests=_one["requests"] + _one.index % 13)
expect.series("burn_rate (on a second data set)", _sampled(call(burn_rate, _one.copy(), 0.998, 45, name="burn_rate"), _one, 45),
              _rule, what="minute")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-5-intro", "locked": true}
# ## Lab 5 · Fast and slow burns
#
# Pick a service in the menu: **Figure 2** redraws its burn rate over a 1-hour window (blue) and a
# 6-hour window (orange) across August, on a logarithmic scale, with the two page thresholds (14.4
# and 6) as dashed lines. It uses its own copy of the burn-rate formula, so it works before you
# answer Exercise 6. *Text description:* the burn rate stays well below 1 most of the month, with a
# few spikes; under the menu, a sentence computed from the same numbers lists every stretch where
# a line crosses its threshold, with its start, length and peak.

# %% nbgrader={"grade_id": "lab-5-widget", "locked": true}
def burn_lines(service_id: str) -> pd.DataFrame:
    one = slo_requests[slo_requests["service_id"] == service_id].sort_values("minute").set_index("minute")
    out = {}
    for window in (60, 360):
        sums = one[["errors", "requests"]].rolling(window).sum()
        out[window] = sums["errors"] / sums["requests"] / (1 - SLO[service_id])
    return pd.DataFrame(out)


def burn_description(service_id: str) -> str:
    """Every stretch where the 1 h line is above 14.4 or the 6 h line above 6: start, minutes, peak."""
    lines, parts = burn_lines(service_id), []
    for window, threshold in ((60, 14.4), (360, 6.0)):
        above = lines[window] > threshold
        run = (above != above.shift()).cumsum()[above]
        for _, stretch in lines.loc[run.index, window].groupby(run):
            parts.append(f"{window // 60} h line above {threshold:g} from {stretch.index[0]:%d %b %H:%M} for "
                         f"{len(stretch)} min, peak {stretch.max():.1f}")
    return f"Text description (computed) for {service_id}: " + ("; ".join(parts) or "no line crosses its threshold") + "."


def burn_figure(service_id: str) -> bytes:
    """Figure 2 for one service, as PNG bytes (shown in an image widget that the menu updates)."""
    lines = burn_lines(service_id)
    fig, ax = plt.subplots(figsize=(9, 4))
    for window, colour, label in ((60, OKABE_ITO[0], "1-hour window"), (360, OKABE_ITO[1], "6-hour window")):
        ax.plot(lines.index.tz_localize(None), lines[window].clip(lower=0.01), color=colour, label=label, linewidth=1)
    ax.axhline(14.4, color=OKABE_ITO[0], linestyle="--", linewidth=1, label="page threshold, 1 h (14.4)")
    ax.axhline(6, color=OKABE_ITO[1], linestyle="--", linewidth=1, label="page threshold, 6 h (6)")
    ax.set_yscale("log")
    ax.set_title(f"Figure 2. Error-budget burn rate of {service_id} (SLO {SLO[service_id]:.1%})")
    ax.set_xlabel("time (UTC)")
    ax.set_ylabel("burn rate (multiple of budget rate)")
    ax.legend(loc="upper left", fontsize=8)
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


if interactive_enabled():  # widgets are for people: skipped while nbgrader grades or validates
    service_picker = widgets.Dropdown(options=list(SLO.index), value="checkout-api",
                                      description="Service:", style={"description_width": "initial"})
    burn_image = widgets.Image(value=burn_figure(service_picker.value), format="png")
    burn_text = widgets.Label(value=burn_description(service_picker.value), description="Description:")

    def _show_burn(change):
        burn_image.value, burn_text.value = burn_figure(change["new"]), burn_description(change["new"])

    service_picker.observe(_show_burn, names="value")
    display(widgets.VBox([service_picker, burn_image, burn_text]))

# %% [markdown] nbgrader={"grade_id": "reading-4b", "locked": true}
# ## Reading 4 (continued) · Alerting rules in Prometheus
#
# In production nobody computes burn rates in pandas: **Prometheus** evaluates **alerting rules**
# written in its query language, PromQL, every few seconds, and Alertmanager routes what fires to
# people. A service exports **counters**, numbers that only grow, such as
# `http_requests_total{service="search-api", code="503"}`: one time series per combination of
# labels. A few pieces of PromQL are enough for SLO alerts:
#
# - `rate(http_requests_total[1h])` is the per-second increase of each series over the last hour
#   (a counter reset on restart is handled); a label matcher selects series: `{code="404"}`,
#   `{code=~"4.."}` (a regular expression), `{code!="200"}`;
# - `sum by (service) (...)` adds series up and keeps only the `service` label; a plain `sum(...)`
#   keeps no label at all. Dividing one sum by another gives a **ratio of totals**, the same
#   "sum of errors / sum of requests" as the burn-rate formula above;
# - `a > 0.01` keeps the series of `a` whose value is above 0.01 (and drops the others);
#   `a and b` keeps the series of `a` that also have a match in `b`; `a or b` keeps both.
#
# A **rule file** is YAML. Each group holds rules; an alerting rule has a name, an expression, and
# optionally `for:` (how long the expression must hold before the alert fires) and `labels:`
# (added to the alert; `severity` is the usual way to tell pages from tickets). The alert keeps
# the labels of the series its expression returns. An example on another signal:
#
# ```yaml
# groups:
#   - name: queue
#     rules:
#       - alert: QueueBacklogGrowing
#         expr: sum by (service) (rate(queue_messages_in_total[10m])) > 1.5 * sum by (service) (rate(queue_messages_out_total[10m]))
#         for: 15m
#         labels:
#           severity: ticket
# ```
#
# Prometheus ships **promtool**: `promtool check rules FILE` rejects a file that is not valid (bad
# YAML, a PromQL syntax error, an unknown field), and `promtool test rules TESTS` replays **input
# series** given in a unit-test file, evaluates the rules minute by minute and compares what fires
# with what the test expects. `workbook.promtool` runs both from the notebook: `check(rules)` returns
# promtool's message ('' when the file is valid), `test(rules, cases)` promtool's verdict per case,
# and `case(series, expect)` writes a unit-test file from per-minute counts. A test is only as good as
# its input series: think about which histories would catch a rule that is almost right.

# %% [markdown] nbgrader={"grade_id": "lab-5b-intro", "locked": true}
# ## Lab 5 (continued) · A unit test for alerting rules
#
# The cell below checks that promtool is installed (a learner without it is told how to get it)
# and builds `SHOWN_CASE`: `search-api` serves 1,000 requests a minute, 20 of them 404s and one a
# 503; one hour in, 20% of its requests start failing with 503 for half an hour. The test expects no
# page before the failures start and a page 25 minutes into them. Print `SHOWN_CASE` to see
# promtool's test format; write more cases the same way to try your rules.

# %% nbgrader={"grade_id": "lab-5b-case", "locked": true}
from workbook import promtool


def search_traffic(minutes: int, errors_5xx, not_found=20, per_minute: int = 1000, service: str = "search-api") -> dict:
    """Per-minute increments of http_requests_total for one service: 5xx (as 503), 404 and the rest 200."""
    err = np.broadcast_to(np.asarray(errors_5xx), (minutes,))
    nf = np.broadcast_to(np.asarray(not_found), (minutes,))
    series = 'http_requests_total{{service="{}", code="{}"}}'
    return {series.format(service, "200"): per_minute - err - nf, series.format(service, "404"): nf,
            series.format(service, "503"): err}


_errors = np.where((np.arange(90) >= 60), 200, 1)  # 20% of the requests fail from minute 60 on
SHOWN_CASE = promtool.case(search_traffic(90, _errors), expect=[(55, "page", None), (85, "page", "search-api")])
try:
    print(f"promtool found at {promtool.binary()}; SHOWN_CASE has {len(SHOWN_CASE.splitlines())} lines.")
except promtool.ToolMissing as missing:
    print(missing)

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (4 points) · Burn-rate alerts, as a Prometheus rule file
#
# `search-api` promises that **99.5%** of its requests succeed over 30 days. Its pods export the
# counter `http_requests_total` with the labels `service` and `code` (the HTTP status: `"200"`,
# `"404"`, `"503"`, ...). Write `burn_rules()` returning the **text of a Prometheus rule file**
# (YAML) that alerts on this SLO the way the SRE Workbook recommends:
#
# - **page** when the last hour has spent 2% of the 30-day error budget, or the last six hours 5%,
#   and only while the burn is still going on;
# - open a **ticket** when the last three days have spent 10%, and only while it is still burning;
# - every alert is named `ErrorBudgetBurn`, has the label `severity` (`page` or `ticket`), and
#   keeps the `service` label (Alertmanager routes each page to the service's owners by it).
#
# `promtool check rules` must accept the file. The visible check runs `SHOWN_CASE`; when graded,
# `promtool test rules` replays hidden input series of other failures, bursts and recoveries.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
def burn_rules() -> str:
    """The Prometheus rule file (YAML text) with search-api's ErrorBudgetBurn page and ticket alerts."""
    ### BEGIN SOLUTION
    ratio = ('sum by (service) (rate(http_requests_total{{service="search-api", code=~"5.."}}[{w}]))\n'
             '              / sum by (service) (rate(http_requests_total{{service="search-api"}}[{w}]))')
    budget = 1 - 0.995
    return f"""groups:
  - name: search-api-slo
    rules:
      - alert: ErrorBudgetBurn
        expr: |
          (
            {ratio.format(w="1h")} > {14.4 * budget:.4f}
            and
            {ratio.format(w="5m")} > {14.4 * budget:.4f}
          )
          or
          (
            {ratio.format(w="6h")} > {6 * budget:.4f}
            and
            {ratio.format(w="30m")} > {6 * budget:.4f}
          )
        labels:
          severity: page
      - alert: ErrorBudgetBurn
        expr: |
          {ratio.format(w="3d")} > {1 * budget:.4f}
          and
          {ratio.format(w="6h")} > {1 * budget:.4f}
        labels:
          severity: ticket
"""
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: promtool accepts the rule file, and it passes the shown case."""
from graders import call, check, check_type, passed

_rules = call(burn_rules, name="burn_rules")
_name = "burn_rules()"
check_type(_rules, str, _name, hint="return the YAML text itself, for example a triple-quoted string.")
try:
    promtool.binary()
except promtool.ToolMissing as missing:
    print(f"Skipped: {missing} (the check runs when your notebook is graded).")
else:
    _problem = promtool.check(_rules)
    check(_problem == "", f"promtool check rules on {_name}", f"rejects the file: {_problem}")
    _verdict = promtool.test(_rules, {"shown": SHOWN_CASE})["shown"]
    check(_verdict == "SUCCESS", "promtool test rules on SHOWN_CASE (20% of search-api's requests fail with 503 from "
          "minute 60: no page at minute 55, a page by minute 85)", f"reports: {_verdict}",
          "page when a window's error ratio (5xx / all requests) spends the budget at the stated pace.")
    passed("burn_rules")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of burn_rules (3 points) run when your notebook is graded: promtool test rules
# replays other input series through your rule file.
from graders import call

_ = call(burn_rules, name="burn_rules")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import promtool as _promtool

_rule = ("SLO 99.5% over 30 days, errors = 5xx responses only: page while the last 1 h has spent >= 2% of the budget "
         "(burn rate 14.4) and the last 5 min still burns as fast, or the last 6 h 5% (burn rate 6) and the last 30 min "
         "too; ticket while the last 3 d has spent 10% (burn rate 1) and the last 6 h too; thresholds are burn rate x "
         "(1 - 0.995); alerts keep the service label.")
_promtool.binary()  # a grader without promtool stops here, with the install command
def _steps(n, base, *burns):
    out = np.full(n, base)
    for start, length, value in burns:
        out[start:start + length] = value
    return out
_h, _cases, _what = 120, {}, {}
_n = 150
_cases["fast"] = _promtool.case({**search_traffic(_n, _steps(_n, 1, (_h, 30, 500))),
                                 **search_traffic(_n, _steps(_n, 1), service="checkout-api")},
                                [(_h - 1, "page", None), (_h + 11, "page", "search-api")], evaluation="2m")
_what["fast"] = "a fast burn: 50% of requests fail from minute 120 (a page for search-api within 11 minutes)"
_n = 135
_cases["blip"] = _promtool.case(search_traffic(_n, _steps(_n, 1, (_h, 2, 950))), [(_h + 3, "page", None), (_h + 10, "page", None)],
                                evaluation="2m")
_what["blip"] = "a blip: 95% of requests fail for 2 minutes, under 1% of the budget (no page)"
_n = 180
_cases["reset"] = _promtool.case(search_traffic(_n, _steps(_n, 1, (_h, 20, 500))),
                                 [(_h + 20, "page", "search-api"), (_h + 55, "page", None)], evaluation="2m")
_what["reset"] = "a 20-minute burn at 50%, then recovery (a page at its end, none 35 minutes after)"
_n = 255
_cases["medium"] = _promtool.case(search_traffic(_n, _steps(_n, 1, (_h, 200, 60))),
                                  [(_h + 60, "page", None), (_h + 130, "page", "search-api")], evaluation="2m")
_what["medium"] = "a steady 6% failure from minute 120 (no page after 1 hour, a page after 130 minutes)"
_n = 155
_cases["client-errors"] = _promtool.case(search_traffic(_n, 1, not_found=_steps(_n, 20, (_h, 30, 500))),
                                         [(_h + 15, "page", None), (_h + 30, "page", None)], evaluation="2m")
_what["client-errors"] = "half the requests answered 404 for 30 minutes, no 5xx burst (no page)"
_n = 288 + 96  # 15-minute steps: three clean days, then one day at 1.5% failures
_cases["slow"] = _promtool.case(search_traffic(_n, _steps(_n, 15, (288, 96, 225)), not_found=300, per_minute=15000),
                                [(288 + 24, "page", None), (288 + 48, "ticket", None), (288 + 96, "ticket", "search-api"),
                                 (288 + 96, "page", None)], step="15m", evaluation="30m")
_what["slow"] = "a slow burn: 1.5% of requests fail for a day after three clean days (a ticket by its end, none after 12 h, never a page)"
for _case, _verdict in _promtool.test(call(burn_rules, name="burn_rules"), _cases).items():
    expect.value(f"promtool test rules, hidden case '{_case}': {_what[_case]}", _verdict, _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-6-intro", "locked": true}
# ## Lab 6 · Is every service monitored by default?
#
# `alert_rules` lists the rules configured per service, and whether the platform installed them
# (`platform-default`) or the team wrote them (`team`). Run the cell to see the rules of two
# services, one of each kind.

# %% nbgrader={"grade_id": "lab-6-rules", "locked": true}
print(alert_rules.groupby("origin")["service_id"].nunique().to_string())
alert_rules[alert_rules["service_id"].isin([alert_rules.loc[alert_rules["origin"] == o, "service_id"].iloc[0]
                                            for o in ("platform-default", "team")])]

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (3 points) · Monitoring-by-default coverage
#
# Measure the curriculum's target "every service gets monitoring by default" (Reading 4) per tier.
# Write `monitoring_coverage(services, rules)` returning a **Series indexed by `tier`** (every tier
# in `services`) with the share of the tier's services that meet the target, a fraction from 0 to
# 1. `rules` has the columns of `alert_rules`.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
def monitoring_coverage(services: pd.DataFrame, rules: pd.DataFrame) -> pd.Series:
    """Share of each tier's services that are monitored by default."""
    ### BEGIN SOLUTION
    burn = rules[(rules["alertname"] == "ErrorBudgetBurn") & (rules["origin"] == "platform-default")]
    both = burn.groupby("service_id")["severity"].agg(lambda s: {"page", "ticket"} <= set(s))
    covered = services["service_id"].map(both).fillna(False).astype(bool) & services["slo_availability_pct"].notna()
    return covered.groupby(services["tier"]).mean()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: monitoring_coverage returns a fraction per tier."""
from graders import call, check, check_type, passed

_answer = call(monitoring_coverage, services.copy(), alert_rules.copy(), name="monitoring_coverage")
_name = "monitoring_coverage(services, alert_rules)"
check_type(_answer, pd.Series, _name)
check(set(_answer.index) == set(services["tier"]) and _answer.index.is_unique, _name, "should have one entry per tier.")
check(bool(_answer.astype(float).between(0, 1).all()), _name, "has values outside 0..1: it is a share of services.")
passed("monitoring_coverage")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of monitoring_coverage (2 points) run when your notebook is graded.
from graders import call

_ = call(monitoring_coverage, services.copy(), alert_rules.copy(), name="monitoring_coverage")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_sv, _r = _load("services"), _load("alert_rules")
_rule = ("monitored by default = an SLO and both ErrorBudgetBurn rules (page and ticket) installed by the platform "
         "(origin platform-default; a team's own rules are not the default); share of the tier's services, all of them "
         "in the denominator.")
expect.series("monitoring_coverage(services, alert_rules)", call(monitoring_coverage, _sv.copy(), _r.copy(), name="monitoring_coverage"),
              _rule, what="tier")
_sv2 = _sv.copy()
_sv2.loc[_sv2.index[::5], "slo_availability_pct"] = np.nan
_r2 = _r[~((_r["alertname"] == "ErrorBudgetBurn") & (_r["severity"] == "ticket") & (_r["service_id"].str.len() % 2 == 0))]
_r2 = _r2[~_r2["service_id"].isin(_sv["service_id"].iloc[::7])]  # some services with no rule at all
expect.series("monitoring_coverage (services without an SLO, missing ticket rules, services with no rule)",
              call(monitoring_coverage, _sv2.copy(), _r2.copy(), name="monitoring_coverage"), _rule, what="tier")
_own = _sv.loc[~_sv["service_id"].isin(_r.loc[_r["origin"] == "platform-default", "service_id"]), "service_id"].iloc[::2]
_r3 = pd.concat([_r, pd.DataFrame({"service_id": np.repeat(_own.to_numpy(), 2), "alertname": "ErrorBudgetBurn",
                                   "severity": np.tile(["page", "ticket"], len(_own)), "origin": "team"})],
                ignore_index=True)
expect.series("monitoring_coverage (some teams wrote both burn rules themselves)",
              call(monitoring_coverage, _sv.copy(), _r3.copy(), name="monitoring_coverage"), _rule, what="tier")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-5", "locked": true}
# ## Reading 5 · Self-healing and runbook automation
#
# Most alerts end in a small number of well-known actions: restart a crashed process, add
# replicas under load, roll back a bad deploy, replace a failed node. When an action is safe,
# frequent and written in a runbook, a platform can take it automatically — Kubernetes already
# does the simplest kind (restarting containers, replacing pods) by reconciling to the desired
# state. The SRE book calls the manual, repetitive, automatable work that scales with the service
# **toil** and recommends capping it, so that engineers spend their time on work of lasting value
# (Beyer et al., 2016, ch. 5).
#
# Automation must not touch everything. A house rule used here: automation may **restart**,
# **scale out**, **roll back** a deployment, and **drain and replace** a node — actions that lose
# no data and are undone by the next reconcile. It must never **clean up logs** (deleting data),
# **expand a volume** (storage changes are hard to undo), **renew a certificate** (key material is a
# security decision) or **increase memory** (a capacity and cost decision) without a person. An
# alert that needed no action (`remediation == "none"`) resolved on its own and is not counted.
#
# The curriculum's target speaks of **incidents**; Tidewater's `alerts` table records what was done
# for each alert, and its incident records do not say how each was resolved. This week therefore
# uses **actioned alerts as a proxy for incidents**: an approximation (one incident can raise
# several alerts, and some incidents raise none) to keep in mind when you read the share.

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (3 points) · How much could resolve automatically?
#
# Write `automatable_share(alerts, safe_actions, severity=None)` returning a **float from 0 to
# 1**: among the alerts that needed an action (`remediation != "none"`), and only those of the
# given `severity` when it is not `None`, the share whose `remediation` is in `safe_actions` (a
# set of action names).

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
def automatable_share(alerts: pd.DataFrame, safe_actions: set, severity: str | None = None) -> float:
    """Share of actioned alerts whose remediation a runbook automation may perform."""
    ### BEGIN SOLUTION
    acted = alerts[alerts["remediation"] != "none"]
    if severity is not None:
        acted = acted[acted["severity"] == severity]
    return float(acted["remediation"].isin(set(safe_actions)).mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: automatable_share is 0 for no safe action, 1 for all of them, and a fraction otherwise."""
from graders import call, check, check_number, passed

SAFE_ACTIONS = {"restart", "scale-out", "rollback", "drain-and-replace-node"}
_all = set(alerts["remediation"])
_rule = "a share of the alerts that needed an action: 0 when no action is safe, 1 when every action is."
check_number(call(automatable_share, alerts.copy(), set(), name="automatable_share"), 0.0, "automatable_share(alerts, set())", _rule)
check_number(call(automatable_share, alerts.copy(), _all, name="automatable_share"), 1.0, "automatable_share(alerts, every action)", _rule)
_mid = float(call(automatable_share, alerts.copy(), SAFE_ACTIONS, name="automatable_share"))
check(0 < _mid < 1, "automatable_share(alerts, SAFE_ACTIONS)", "should be strictly between 0 and 1.", _rule)
passed("automatable_share")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of automatable_share (2 points) run when your notebook is graded.
from graders import call

_ = call(automatable_share, alerts.copy(), SAFE_ACTIONS, name="automatable_share")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_al = _load("alerts")
_rule = ("share = alerts whose remediation is in safe_actions / alerts whose remediation is not 'none' (of the given "
         "severity, when one is given).")
for _safe, _sev in (({"restart", "scale-out", "rollback", "drain-and-replace-node"}, None), ({"restart"}, "page"),
                    ({"rollback", "expand-volume"}, "ticket")):
    expect.number(f"automatable_share(alerts, {sorted(_safe)}, {_sev!r})",
                  call(automatable_share, _al.copy(), set(_safe), _sev, name="automatable_share"), _rule, rtol=1e-9)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-7-intro", "locked": true}
# ## Lab 7 · Against the 80% target
#
# **Figure 3** compares, per alert name, the alerts that needed action and the part that the safe
# actions could resolve automatically, with the curriculum's 80% target (for incidents; actioned
# alerts stand in for them, Reading 5) as a reference line. The
# cell also estimates the on-call time that automation would save: the minutes from firing to
# resolution of the safe, on-call-handled alerts. *Text description:* one horizontal bar per alert
# name showing its automatable share; the printed sentence, computed from the data, gives the
# overall share, how far it is from 80%, and the hours saved.

# %% nbgrader={"grade_id": "lab-7-target", "locked": true}
acted = alerts[alerts["remediation"] != "none"].assign(safe=lambda f: f["remediation"].isin(SAFE_ACTIONS))
per_name = acted.groupby("alertname")["safe"].mean().sort_values()
fig, ax = plt.subplots(figsize=(8, 4))
ax.barh(per_name.index, per_name.to_numpy(), color=OKABE_ITO[2])
ax.axvline(0.8, color=OKABE_ITO[3], linestyle="--", label="target: 80% resolved automatically")
ax.set_xlim(0, 1)
ax.set_title("Figure 3. Share of actioned alerts that safe automation could resolve")
ax.set_xlabel("automatable share of actioned alerts (fraction)")
ax.set_ylabel("alert name")
ax.legend(loc="lower right", fontsize=8)
plt.show()
saved = acted[acted["safe"] & (acted["remediated_by"] == "on-call")]
hours = (saved["resolved_at"] - saved["fired_at"]).dt.total_seconds().sum() / 3600
print(f"Text description (computed): safe automation could resolve {acted['safe'].mean():.0%} of the {len(acted)} actioned alerts "
      f"(target 80%); {len(saved)} of them were handled by on-call, about {hours:.0f} hours from firing to resolution in six months.")

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# The curriculum's target is "80% of incidents resolve automatically". In 120–200 words: **is it
# the right target for Tidewater, and what would you automate first?** Use your Exercise 9 and
# Figure 3, the cases automation must not touch, and one risk of auto-remediation (for example,
# restarting hides a memory leak, or a rollback loop).

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# The safe actions cover well over half of the actioned alerts but not 80%: the rest are storage,
# certificate, memory and log clean-up, which automation must not do alone. I would not chase 80%
# by widening what automation may touch; I would keep the target as "80% of the safe, repetitive
# cases" and shrink the others at their source: renew certificates continuously (no alert at
# all), alert on disk growth early, fix the services whose memory alerts recur. First I would
# automate restarts of crash-looping pods and scale-out on queue backlogs: they are the most
# frequent, reversible and already follow the runbook. Every automatic action would open a
# ticket with what it did, and a restart that repeats within a day would page a person, so
# automation does not hide a memory leak or loop through rollbacks. I would measure time saved
# and recurrence per alert name monthly.

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# In 100–150 words: the `checkout-api` team asks you to replace its burn-rate alerts with "page
# when the error rate averaged over the last five minutes is above 0.1%", and to make the canary
# judge stricter by dropping the effect-size condition. **What would each change do** to the people on call and to
# the release flow? Use precision, recall, detection time and reset time from Reading 4, and what
# Kayenta's defaults already do (Reading 2).

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# The five-minute rule would keep good recall and detection time — it fires quickly for almost
# every real problem — but its precision is poor: a five-minute blip at the budget rate spends a
# negligible share of the monthly budget, so most pages would be for events nobody needed to be
# woken for, and on-call people learn to ignore pages. Its reset time is short, but that does not
# make up for the noise. The multiwindow rules page only when 2% or 5% of the budget is at risk.
# For the canary, Kayenta's default allowedIncrease of 1.0 already fails any statistically clear
# rise beyond the tolerance band; dropping the effect-size condition entirely changes little at
# that default, but removes the team's way to accept small, known rises (say 1.1 for CPU), so
# harmless releases would be rolled back and retried, slowing delivery.

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
# | 1 · drift classification | 4 | 3 |
# | 2 · reconcile plan | 3 | 2 |
# | 3 · canary verdicts | 4 | 3 |
# | 4 · percentage rollout | 3 | 2 |
# | 5 · flag rollout (OpenFeature SDK) | 4 | 3 |
# | 6 · burn rate | 3 | 2 |
# | 7 · burn-rate alerts | 4 | 3 |
# | 8 · monitoring coverage | 3 | 2 |
# | 9 · automatable share | 3 | 2 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - **GitOps**: desired state in Git, pulled and reconciled by an agent; drift is pending, a failed
#   sync or a hand edit, and each needs a different response. Pull gives an audit log and recovery.
# - **Kayenta** judges a canary metric by the 98% Hodges–Lehmann interval, a 0.25 tolerance band
#   and a mean-ratio effect size whose default (1.0) fails any clear rise; simpler rules are
#   simplifications.
# - **Feature flags** separate deploy from release; a hashed bucket makes a rollout deterministic
#   and stable; **OpenFeature** reports why a value was chosen.
# - **Burn-rate alerts** on SLOs trade precision, recall, detection and reset time; they are
#   Prometheus rules (a ratio of 5xx to all requests, long and short windows), tested with
#   promtool on input series, and the platform installs them by default.
# - **Self-healing** automates the safe, frequent runbook actions and leaves data loss and security
#   to people; measure the share against the target honestly.
#
# **Next week:** security on the platform — secrets, supply chain and service-to-service trust.
#
# ## References
#
# - Beyer, B., Jones, C., Petoff, J., & Murphy, N. R. (Eds.) (2016). *Site Reliability Engineering:
#   How Google Runs Production Systems* (ch. 4 Service Level Objectives; ch. 5 Eliminating Toil).
#   O'Reilly. https://sre.google/sre-book/table-of-contents/
# - Beyer, B., Murphy, N. R., Rensin, D. K., Kawahara, K., & Thorne, S. (Eds.) (2018). Chapter 5,
#   Alerting on SLOs. In *The Site Reliability Workbook.* O'Reilly. https://sre.google/workbook/alerting-on-slos/
# - Prometheus documentation (n.d.). *Alerting rules; Unit testing for rules* (promtool).
#   https://prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/
# - Argo CD documentation (n.d.). *Automated sync policy; self-heal; the repository polling interval.*
#   https://argo-cd.readthedocs.io/
# - Humble, J., & Farley, D. (2010). *Continuous Delivery.* Addison-Wesley.
# - Hodges, J. L., & Lehmann, E. L. (1963). Estimates of location based on rank tests. *Annals of
#   Mathematical Statistics*, 34(2), 598–611.
# - OpenFeature (n.d.). *OpenFeature specification* (types: resolution reasons and error codes;
#   evaluation context). https://openfeature.dev/specification/
# - OpenGitOps (2021). *GitOps Principles v1.0.0.* CNCF GitOps Working Group. https://opengitops.dev/
# - Spinnaker (n.d.). *Kayenta* (kayenta-judge: MannWhitneyClassifier, NetflixACAJudge; docs/canary-config.md).
#   https://github.com/spinnaker/kayenta · https://spinnaker.io/docs/guides/user/canary/
