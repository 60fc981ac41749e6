# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 6 · Delivery: DORA metrics, SLO error-budget burn alerts and canary analysis
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# The golden paths of the past weeks now carry most of Tidewater's changes to production. The
# engineering directors ask the platform team a blunt question: **is delivery getting better, and
# is it safe?** To answer, you need three instruments. The **DORA metrics** say how fast and how
# reliably changes flow, measured from the traces every deployment leaves (commits, deployments,
# incidents). **Service level objectives** with **burn-rate alerts** say when users are hurt badly
# enough to wake someone up. **Canary analysis** decides, with a statistical test, whether a new
# version may take all the traffic. This week you build all three from Tidewater's own data.
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
# 1. Define the **DORA software-delivery metrics** and compute deployment frequency, change lead
#    time and change fail rate per service from commits, deployments and incidents, linking them
#    as the Four Keys project does.
# 2. Explain **SLOs and error budgets**, compute a **burn rate** over a rolling window, and
#    implement the **multiwindow, multi-burn-rate** alert policy of the Google SRE Workbook.
# 3. Describe **progressive delivery** and judge a **canary** against its baseline with a
#    Mann-Whitney U test, as Spinnaker's Kayenta does.
# 4. Argue what these numbers can and cannot tell a platform team, and how they are misused.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads this week's data from the course's `data/` folder and applies the
# course's colour-blind-safe figure style. `commits` holds every commit on the default branch of
# each service; `deployments` every production deployment attempt, with the commits it shipped in
# `changes`; `incidents` the production incidents, each with the commit that caused it (if any);
# `slo_requests` the requests and errors per minute of two services during August 2026; and
# `canary_samples` the metrics of 24 canary analyses. Every column is documented in
# `data/README.md`.

# %% nbgrader={"grade_id": "setup", "locked": true}
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from scipy.stats import mannwhitneyu

from workbook import interactive_enabled, load, use_course_style
from workbook.style import OKABE_ITO

use_course_style()
commits = load("commits")                # one row per commit (sha, service, author, time)
deployments = load("deployments")        # one row per production deployment attempt
incidents = load("incidents")            # production incidents, root_cause = a commit sha
services = load("services")              # owner, tier and availability SLO of each service
slo_requests = load("slo_requests")      # requests and errors per minute, two services, August 2026
canary_runs = load("canary_runs")        # one row per canary analysis
canary_samples = load("canary_samples")  # per-minute metric values of baseline and canary
print(f"{len(commits)} commits, {len(deployments)} deployment attempts, {len(incidents)} incidents, "
      f"{slo_requests['service_id'].nunique()} services with SLO data, {len(canary_runs)} canary runs")
deployments.head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · The DORA metrics, and how Four Keys measures them
#
# For more than a decade the DORA research programme (DevOps Research and Assessment, now at
# Google) has surveyed thousands of teams each year and published the results as the *Accelerate
# State of DevOps* reports. Its central finding is that speed and stability are not a trade-off:
# the teams that deliver most often are, on the whole, also the ones whose changes fail least
# (Forsgren, Humble & Kim, 2018). DORA's current guide names five software-delivery metrics in two
# groups (DORA, 2026):
#
# - **Throughput.** *Change lead time*: the time from a change being committed to version control
#   until it is deployed in production. *Deployment frequency*: how many deployments happen over a
#   period (or the time between them). *Failed deployment recovery time*: how long it takes to
#   recover from a deployment that fails and needs immediate intervention.
# - **Instability.** *Change fail rate*: the share of deployments that need immediate intervention
#   after they reach production (typically a rollback or a hotfix). *Deployment rework rate*: the
#   share of deployments that are unplanned and only happen because of a production incident.
#
# The names moved over the years: the "mean time to restore" of early reports became *failed
# deployment recovery time* in 2023, so that an outage of a data centre no longer counts against
# delivery, and rework rate joined in 2024. The survey reports **medians**, because delivery times
# are far from normally distributed: a handful of commits that waited months would drag a mean
# anywhere.
#
# You do not need a survey to measure your own organisation. Google's open-source **Four Keys**
# project (dora-team/fourkeys) computes the metrics from events a delivery system already emits.
# Its recipe, which this week follows:
#
# 1. **Changes** are commits, each with the time it was committed.
# 2. **Deployments** are *successful* production deployments only; each lists the commits it
#    shipped (its `changes` array).
# 3. **Incidents** are issues labelled *Incident*; a line `root cause: <sha>` in the body names the
#    commit that caused it.
# 4. Lead time is computed for every (deployment, commit) pair as deploy time minus commit time,
#    values that are zero or negative are ignored, and the **median** is reported. A deployment
#    **failed** when it shipped an incident's root-cause commit; change fail rate divides the
#    failed deployments by all deployments.
#
# One caveat: the Four Keys query counts the *joined rows* of deployments and incidents, so a
# deployment behind two incidents counts twice. Count **distinct** failed deployments instead.
# And DORA's own guidance matters more than any formula: compare a service with itself over time,
# not teams with each other, and never turn a metric into a target (Goodhart's law).

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · SLOs, error budgets and burn-rate alerts
#
# A **service level indicator** (SLI) is a measured ratio of good events to all events — here,
# the share of requests that did not fail with a server error. A **service level objective** (SLO)
# is the target for that ratio over a period, for example 99.9% of requests over 30 days. The
# **error budget** is what the SLO leaves over: $1 - \text{SLO}$, here 0.1% of requests. A team
# that has budget left may ship risky changes; a team that has spent it slows down and fixes
# reliability (Beyer et al., 2016).
#
# Alerting on "the error rate is above 0.1%" pages people for blips that hardly touch the budget.
# The Google SRE Workbook, chapter 5 "Alerting on SLOs" (Beyer et al., 2018), alerts on how fast
# the budget is being spent instead. The **burn rate** over a window is
#
# $$\text{burn rate} = \frac{\text{error rate in the window}}{1 - \text{SLO}}
#   = \frac{\sum \text{errors} / \sum \text{requests}}{1 - \text{SLO}}.$$
#
# A burn rate of 1 spends exactly the whole budget by the end of the SLO period; a burn rate of 10
# spends a 30-day budget in 3 days. An alert that fires when a burn rate $b$ is sustained over a
# long window of $w$ hours has consumed $b \cdot w / (\text{period in hours})$ of the budget, so the
# threshold for "this window has eaten a fraction $f$ of the budget" is
# $b = \text{period hours} \times f / w$. For a 30-day (720-hour) period the workbook recommends:
#
# | Action | Long window | Short window | Burn-rate threshold | Budget spent when it fires |
# |---|---|---|---|---|
# | page | 1 hour | 5 minutes | 14.4 | 2% |
# | page | 6 hours | 30 minutes | 6 | 5% |
# | ticket | 3 days | 6 hours | 1 | 10% |
#
# Each rule fires only when **both** its long **and** its short window exceed the threshold: the
# long window proves the burn is significant, the short window proves it is still happening, so
# the alert stops soon after the problem does. The two page rules are combined with **or**. This
# is the chapter's *multiwindow, multi-burn-rate* alerting, its recommended design.

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Progressive delivery and canary analysis
#
# Even a good pipeline ships bugs that no test found. **Progressive delivery** limits how many users
# meet them: a new version first takes a small share of traffic — a **canary**, after the birds
# that warned miners of gas — while the rest stays on the current version. If the canary behaves
# as well as the current version it is promoted step by step; if not, it is rolled back before most
# users noticed (Humble & Farley, 2010, call the pattern a canary release).
#
# "Behaves as well" needs a judge. Comparing the canary with the *whole* old fleet is unfair (the
# canary's instances are new and cold), so automated canary analysis starts a fresh **baseline**
# of the old version at the same time and size, and compares canary with baseline metric by
# metric. Spinnaker's **Kayenta**, built by Netflix and Google, uses a **Mann-Whitney U test**
# (Wilcoxon rank-sum test) for each metric: it asks whether the canary's values tend to be higher
# (or lower) than the baseline's without assuming a normal distribution, which latencies never
# follow. Kayenta's default judge works at a confidence level of 98% and also requires the change
# to be large enough to matter (an *effect size*, by default the ratio of the canary's mean to the
# baseline's), so that a statistically certain 1% difference does not block a release. A metric
# that is significantly and substantially worse is classified *High* (or *Low*); the canary's
# score is the share of metrics that pass, and a run below the configured threshold fails
# (Spinnaker, n.d.).
#
# In this notebook a metric fails when the canary's values are significantly **higher** than the
# baseline's (one-sided Mann-Whitney U test, p below 1 − 0.98 = 0.02) **and** the canary's mean is
# at least 1.2 times the baseline's; a run passes when none of its metrics fails. All three metrics
# (CPU, error rate, p99 latency) are "lower is better".

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · What a deployment leaves behind
#
# Each deployment lists the commits it shipped in `changes`, as a **space-separated string of
# SHAs** (empty for a rollback, which ships nothing new). Pandas turns that into one row per
# (deployment, commit) pair with `str.split()` and `explode()` — no loop needed. Failed attempts
# are retried later with the same changes, so only `status == "success"` deployments count as
# deployments, as in Four Keys. Run the cell and look at a deployment that shipped several
# commits.

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
pairs = (deployments.assign(sha=deployments["changes"].str.split())
         .explode("sha").dropna(subset=["sha"])
         .merge(commits[["sha", "committed_at"]], on="sha", how="left"))
print(deployments["status"].value_counts().to_dict(), "|", deployments["trigger"].value_counts().to_dict())
pairs.loc[pairs["commit_count"] > 2, ["deployment_id", "service_id", "status", "deployed_at", "sha", "committed_at"]].head(8)

# %% [markdown] nbgrader={"grade_id": "figure-1-caption", "locked": true}
# **Figure 1** (below) counts Tidewater's successful production deployments per week, across all
# services, from March to August 2026. *Text description:* a bar per week; the organisation deploys
# several hundred times a week and the weekly count is fairly steady, with a dip in the partial
# first and last weeks.

# %% nbgrader={"grade_id": "figure-1", "locked": true}
successful = deployments.loc[deployments["status"].eq("success")]
per_week = successful.set_index("deployed_at").resample("W-SUN")["deployment_id"].count()
fig, ax = plt.subplots(figsize=(9, 3.8))
ax.bar(per_week.index.tz_localize(None), per_week.to_numpy(), width=5, color=OKABE_ITO[0])
ax.set_title("Figure 1. Successful production deployments per week, all services")
ax.set_xlabel("week ending")
ax.set_ylabel("deployments (count per week)")
plt.show()

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · Deployment frequency per service
#
# Write `deployment_frequency(deployments)` returning a pandas **Series indexed by `service_id`**
# (one entry for every service that appears in `deployments`) whose values are **successful
# deployments per week**: the number of that service's deployments with `status == "success"`,
# divided by the length of the history in weeks. The history runs from the first to the last
# `deployed_at` of the **whole** table passed in: `(last - first) / pd.Timedelta(days=7)`. A service
# whose attempts all failed has frequency 0. Use pandas (`groupby`), not a Python loop over rows.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def deployment_frequency(deployments: pd.DataFrame) -> pd.Series:
    """Successful production deployments per week, per service."""
    ### BEGIN SOLUTION
    weeks = (deployments["deployed_at"].max() - deployments["deployed_at"].min()) / pd.Timedelta(days=7)
    success = (deployments["status"] == "success").astype(int)
    return success.groupby(deployments["service_id"]).sum() / weeks
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: deployment_frequency returns one non-negative rate per service."""
from graders import call, check, check_type, passed

_answer = call(deployment_frequency, deployments.copy(), name="deployment_frequency")
check_type(_answer, pd.Series, "deployment_frequency(deployments)", hint="group by service_id and count.")
check(set(_answer.index) == set(deployments["service_id"]) and len(_answer) == deployments["service_id"].nunique(),
      "deployment_frequency(deployments)", "should have exactly one entry per service_id.",
      "the index is the service_id; use deployments.groupby('service_id').")
check(bool((_answer.astype(float) >= 0).all()), "deployment_frequency(deployments)", "has negative values.")
passed("deployment_frequency")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of deployment_frequency (2 points) run when your notebook is graded:
# they compare your values on this week's data and on other data.
from graders import call

_ = call(deployment_frequency, deployments.copy(), name="deployment_frequency")
### BEGIN HIDDEN TESTS
from graders import call, check_series
from workbook import load as _load

_d = _load("deployments")
_rule = ("deployment frequency = successful deployments of the service / weeks between the first and last "
         "deployed_at of the whole table; failed attempts do not count.")
def _ref(d):
    weeks = (d["deployed_at"].max() - d["deployed_at"].min()).total_seconds() / (7 * 86400)
    return d.assign(ok=d["status"].eq("success")).groupby("service_id")["ok"].sum() / weeks
check_series(call(deployment_frequency, _d.copy(), name="deployment_frequency"), _ref(_d),
             "deployment_frequency", _rule, what="service")
_k = _d[_d["deployed_at"] >= pd.Timestamp("2026-06-10", tz="UTC")].copy()
_k.loc[_k.index[::7], "status"] = "failure"
check_series(call(deployment_frequency, _k.copy(), name="deployment_frequency"), _ref(_k),
             "deployment_frequency (on a second data set)", _rule, what="service")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (4 points) · Change lead time per service
#
# Write `change_lead_time_hours(deployments, commits)` returning a **Series indexed by
# `service_id`**: the **median change lead time in hours** of each service, computed as Four Keys
# does:
#
# 1. keep the **successful** deployments only;
# 2. explode `changes` into one row per (deployment, commit) pair and look up each commit's
#    `committed_at` in `commits`;
# 3. lead time of a pair = `deployed_at - committed_at`, in **hours**;
# 4. **ignore pairs whose lead time is zero or negative** (Four Keys treats them as automated
#    changes);
# 5. take the **median** per service (the deployment's `service_id`).
#
# Services with no remaining pair are left out. (Hint: `.dt.total_seconds() / 3600`.)

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def change_lead_time_hours(deployments: pd.DataFrame, commits: pd.DataFrame) -> pd.Series:
    """Median hours from commit to successful production deployment, per service."""
    ### BEGIN SOLUTION
    ok = deployments[deployments["status"] == "success"]
    shipped = ok.assign(sha=ok["changes"].str.split()).explode("sha").dropna(subset=["sha"])
    shipped = shipped.merge(commits[["sha", "committed_at"]], on="sha")
    hours = (shipped["deployed_at"] - shipped["committed_at"]).dt.total_seconds() / 3600
    keep = hours > 0
    return hours[keep].groupby(shipped.loc[keep, "service_id"]).median()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: change_lead_time_hours returns one positive number per service."""
from graders import call, check, check_type, passed

_answer = call(change_lead_time_hours, deployments.copy(), commits.copy(), name="change_lead_time_hours")
_name = "change_lead_time_hours(deployments, commits)"
check_type(_answer, pd.Series, _name, hint="one median per service: groupby the deployment's service_id.")
check(set(_answer.index) <= set(deployments["service_id"]) and _answer.index.is_unique and len(_answer) > 0,
      _name, "should be indexed by service_id, one entry per service.")
check(bool((_answer.astype(float) > 0).all()), _name, "has values that are not positive.",
      "lead times that are zero or negative are ignored before taking the median.")
passed("change_lead_time_hours")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of change_lead_time_hours (3 points) run when your notebook is graded.
from graders import call

_ = call(change_lead_time_hours, deployments.copy(), commits.copy(), name="change_lead_time_hours")
### BEGIN HIDDEN TESTS
from graders import call, check_series
from workbook import load as _load

_d, _c = _load("deployments"), _load("commits")
_rule = ("median over the service's (successful deployment, shipped commit) pairs of deployed_at - committed_at "
         "in hours, ignoring pairs whose lead time is zero or negative.")
def _ref(d, c):
    s = d[d["status"].eq("success")]
    p = s.assign(sha=s["changes"].str.split()).explode("sha").dropna(subset=["sha"]).merge(c[["sha", "committed_at"]], on="sha")
    p["h"] = (p["deployed_at"] - p["committed_at"]).dt.total_seconds() / 3600
    return p[p["h"] > 0].groupby("service_id")["h"].median()
check_series(call(change_lead_time_hours, _d.copy(), _c.copy(), name="change_lead_time_hours"), _ref(_d, _c),
             "change_lead_time_hours", _rule, what="service")
_c2 = _c.copy()
_late = _c2.index[::3]  # a third of the commits get timestamps after their deployment (clock skew, rebases)
_c2.loc[_late, "committed_at"] = _c2.loc[_late, "committed_at"] + pd.Timedelta(days=40)
check_series(call(change_lead_time_hours, _d.copy(), _c2.copy(), name="change_lead_time_hours"), _ref(_d, _c2),
             "change_lead_time_hours (on a second data set, with some commit times after their deployment)",
             _rule, what="service")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (4 points) · Change fail rate per service
#
# Write `change_fail_rate(deployments, incidents)` returning a **Series indexed by `service_id`**
# (every service with at least one successful deployment) with the **change fail rate as a
# fraction between 0 and 1**:
#
# $$\text{change fail rate} = \frac{\text{distinct successful deployments that shipped the root-cause commit of an incident}}{\text{successful deployments}}$$
#
# Failed attempts count in neither part. Incidents without a `root_cause` (infrastructure
# incidents) are not caused by a deployment. A deployment behind two incidents is still **one**
# failed deployment — this is the caveat of Reading 1.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def change_fail_rate(deployments: pd.DataFrame, incidents: pd.DataFrame) -> pd.Series:
    """Share of each service's successful deployments that caused an incident (0..1)."""
    ### BEGIN SOLUTION
    ok = deployments[deployments["status"] == "success"]
    shipped = ok.assign(sha=ok["changes"].str.split()).explode("sha")
    causes = set(incidents["root_cause"].dropna())
    failed_ids = set(shipped.loc[shipped["sha"].isin(causes), "deployment_id"])
    failed = ok["deployment_id"].isin(failed_ids)
    return failed.groupby(ok["service_id"]).mean()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: change_fail_rate returns a fraction between 0 and 1 per service."""
from graders import call, check, check_type, passed

_answer = call(change_fail_rate, deployments.copy(), incidents.copy(), name="change_fail_rate")
_name = "change_fail_rate(deployments, incidents)"
_ok = deployments.loc[deployments["status"] == "success", "service_id"]
check_type(_answer, pd.Series, _name)
check(set(_answer.index) == set(_ok) and len(_answer) == _ok.nunique(), _name,
      "should have exactly one entry per service with a successful deployment.")
check(bool(_answer.astype(float).between(0, 1).all()), _name, "has values outside 0..1.",
      "the change fail rate is a fraction: failed deployments / successful deployments.",
      "if your values go up to 100 you returned a percentage.")
passed("change_fail_rate")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of change_fail_rate (3 points) run when your notebook is graded.
from graders import call

_ = call(change_fail_rate, deployments.copy(), incidents.copy(), name="change_fail_rate")
### BEGIN HIDDEN TESTS
from graders import call, check_series
from workbook import load as _load

_d, _i = _load("deployments"), _load("incidents")
_rule = ("change fail rate = distinct successful deployments that shipped an incident's root-cause commit / "
         "successful deployments of the service; failed attempts count in neither part, and a deployment "
         "behind several incidents counts once.")
def _ref(d, i):
    s = d[d["status"].eq("success")]
    x = s.assign(sha=s["changes"].str.split()).explode("sha")
    bad = x.loc[x["sha"].isin(i["root_cause"].dropna()), "deployment_id"].unique()
    return s.assign(f=s["deployment_id"].isin(bad)).groupby("service_id")["f"].mean()
check_series(call(change_fail_rate, _d.copy(), _i.copy(), name="change_fail_rate"), _ref(_d, _i),
             "change_fail_rate", _rule, what="service")
_again = _i.dropna(subset=["root_cause"]).iloc[::2].assign(incident_id=lambda f: f["incident_id"] + "-b")
_i2 = pd.concat([_i, _again, _again.assign(incident_id=lambda f: f["incident_id"] + "c")], ignore_index=True)
check_series(call(change_fail_rate, _d.copy(), _i2.copy(), name="change_fail_rate"), _ref(_d, _i2),
             "change_fail_rate (on a second data set, where one deployment can cause several incidents)",
             _rule, what="service")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · A DORA profile per team, and recovery time
#
# Per-service numbers become useful when a team reads them together, next to their own history.
# The cell below computes the fourth key, **failed deployment recovery time**: for incidents caused
# by a change (they have a `root_cause`), the median of `resolved_at - created_at` in hours; open
# incidents have no recovery time yet. **Figure 2** then places each team by its median lead time
# and its recovery time. *Text description:* a scatter plot with one point per team, lead time on
# a logarithmic horizontal axis and recovery time on the vertical axis. The teams fall into four
# clear groups, from a few teams that ship within an hour of committing and recover within about an
# hour, to a few that take around two months to ship and several days to recover; slower delivery
# goes with slower recovery.

# %% nbgrader={"grade_id": "lab-2-profile", "locked": true}
caused = incidents.dropna(subset=["root_cause", "resolved_at"])
recovery = ((caused["resolved_at"] - caused["created_at"]).dt.total_seconds() / 3600).groupby(
    caused["service_id"].map(services.set_index("service_id")["team_id"])).median()
team_of = services.set_index("service_id")["team_id"]
ok_pairs = pairs[(pairs["status"] == "success")]
lead = ((ok_pairs["deployed_at"] - ok_pairs["committed_at"]).dt.total_seconds() / 3600)
lead = lead[lead > 0].groupby(ok_pairs.loc[lead > 0, "service_id"].map(team_of)).median()
profile = pd.DataFrame({"lead_time_hours": lead, "recovery_hours": recovery}).dropna()
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.scatter(profile["lead_time_hours"], profile["recovery_hours"], color=OKABE_ITO[0])
ax.set_xscale("log")
ax.set_title("Figure 2. Median change lead time and recovery time per team")
ax.set_xlabel("median change lead time (hours, log scale)")
ax.set_ylabel("median recovery time (hours)")
plt.show()
profile.sort_values("lead_time_hours").round(1).head(10)

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# A director proposes a league table: every team ranked by its four DORA numbers, with a bonus for
# the top quartile. In 120–200 words: **what would you advise, and why?** Use DORA's own guidance
# on how the metrics should (and should not) be used, say what could go wrong in the data you
# computed (for example how a team could improve its numbers without delivering better), and
# propose a use of the metrics that helps teams improve.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# I would advise against the league table. DORA's guidance is to compare a service with its own
# past, not teams with each other: services differ in risk, age and architecture, so a mobile
# backend and a payment ledger should not share a target. A bonus turns the measures into goals,
# and Goodhart's law follows: a team can raise deployment frequency by splitting deploys, cut lead
# time by squashing or re-timestamping commits (which also breaks the commit link Four Keys relies
# on), and lower the change fail rate by not labelling incidents or not recording root causes.
# Ranking also makes teams compete instead of sharing practices. I would rather publish each
# team's own trend on a dashboard the team owns, pair the throughput and instability metrics so
# one is never optimised alone, and use them in retrospectives to pick one constraint (say, long
# reviews) to improve, checking a quarter later whether the trend moved.

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · Watching the error budget burn
#
# `slo_requests` holds one row per minute for `checkout-api` (SLO 99.9%) and `search-api`
# (SLO 99.5%). The SLO of each service is in `services["slo_availability_pct"]`. The cell below
# takes one service's rows, in time order, and shows the minutes with the most errors. A burn rate
# over a window of *w* minutes uses the **sums** of errors and requests over the last *w* minutes
# (the current minute included): pandas' `rolling(w).sum()` does exactly that, and leaves the first
# *w* − 1 minutes empty (NaN) because their window is not complete.

# %% nbgrader={"grade_id": "lab-3-explore", "locked": true}
SLO = (services.set_index("service_id")["slo_availability_pct"] / 100).round(6).loc[["checkout-api", "search-api"]]
checkout = slo_requests[slo_requests["service_id"] == "checkout-api"].sort_values("minute").reset_index(drop=True)
search = slo_requests[slo_requests["service_id"] == "search-api"].sort_values("minute").reset_index(drop=True)
print(SLO.to_dict())
checkout.assign(error_rate=checkout["errors"] / checkout["requests"]).nlargest(5, "errors")

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (3 points) · Burn rate over a rolling window
#
# Write `burn_rate(slo, slo_target, window_minutes)` where `slo` holds **one service's** rows of
# `slo_requests` in time order, `slo_target` is the SLO as a fraction (0.999 for 99.9%) and
# `window_minutes` the window length. Return a **Series indexed by `minute`** (one value per row)
# holding the burn rate of the window that **ends** at that minute:
#
# $$\text{burn rate} = \frac{\text{errors in the last } w \text{ minutes} \,/\, \text{requests in the last } w \text{ minutes}}{1 - \text{SLO}}$$
#
# The window holds exactly `window_minutes` rows, the current one included; the first
# `window_minutes - 1` values are NaN. Use rolling sums, not a loop: the data has 43,200 minutes
# per service.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def burn_rate(slo: pd.DataFrame, slo_target: float, window_minutes: int) -> pd.Series:
    """Error-budget burn rate of the window of window_minutes ending at each minute."""
    ### BEGIN SOLUTION
    sums = slo.set_index("minute")[["errors", "requests"]].rolling(window_minutes).sum()
    return sums["errors"] / sums["requests"] / (1 - slo_target)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
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

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of burn_rate (2 points) run when your notebook is graded:
# they compare your burn rates, at many minutes, on both services and on other data.
from graders import call

_ = call(burn_rate, checkout.copy(), 0.999, 60, name="burn_rate")
### BEGIN HIDDEN TESTS
from graders import call, check, check_series
from workbook import load as _load

_s = _load("slo_requests")
_rule = ("burn rate = (sum of errors / sum of requests over the last window_minutes rows, the current one "
         "included) / (1 - SLO); a ratio of sums, divided by the error budget.")
def _ref(one, target, w):
    r = one.set_index("minute")[["errors", "requests"]].rolling(w).sum()
    return r["errors"] / r["requests"] / (1 - target)
def _compare(one, target, w, label):
    got = call(burn_rate, one.copy(), target, w, name="burn_rate")
    check(isinstance(got, pd.Series) and len(got) == len(one) and bool(pd.Index(got.index).equals(pd.Index(one["minute"]))),
          label, "should be a Series with one value per input row, indexed by minute.")
    exp = _ref(one, target, w)
    at = pd.Index(exp.iloc[w:].nlargest(250).index).append(exp.index[w::max(1, len(exp) // 150)]).unique()
    check_series(got.loc[at], exp.loc[at], label, _rule, what="minute")
for _sid, _target, _w in (("checkout-api", 0.999, 60), ("search-api", 0.995, 30), ("checkout-api", 0.99, 360)):
    _one = _s[_s["service_id"] == _sid].sort_values("minute").reset_index(drop=True)
    _compare(_one, _target, _w, f"burn_rate({_sid}, {_target}, {_w})")
_one = _s[_s["service_id"] == "search-api"].sort_values("minute").reset_index(drop=True).iloc[:5000]
_one = _one.assign(errors=_one["errors"] + (_one.index % 97 == 0) * 40, requests=_one["requests"] + _one.index % 13)
_ = _compare(_one, 0.998, 45, "burn_rate (on a second data set)")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-4-intro", "locked": true}
# ## Lab 4 · Fast and slow burns
#
# Pick a service in the menu: **Figure 3** redraws its burn rate over a 1-hour window (blue) and a
# 6-hour window (orange) across August, on a logarithmic scale, with the two page thresholds
# (14.4 and 6) as dashed lines. *Text description:* the burn rate stays well below 1 most of the
# month; each burn episode is a spike, and the short-lived spikes cross the 1-hour threshold while
# only sustained episodes lift the 6-hour line above its threshold. It uses its own copy of the
# burn-rate formula, so it works before you answer Exercise 4.

# %% nbgrader={"grade_id": "lab-4-widget", "locked": true}
def burn_figure(service_id: str) -> bytes:
    """Figure 3 for one service, as PNG bytes (shown in an image widget that the menu updates)."""
    one = slo_requests[slo_requests["service_id"] == service_id].sort_values("minute").set_index("minute")
    budget = 1 - SLO[service_id]
    fig, ax = plt.subplots(figsize=(9, 4))
    for window, colour, label in ((60, OKABE_ITO[0], "1-hour window"), (360, OKABE_ITO[1], "6-hour window")):
        sums = one[["errors", "requests"]].rolling(window).sum()
        ax.plot(sums.index.tz_localize(None), (sums["errors"] / sums["requests"] / budget).clip(lower=0.01),
                color=colour, label=label, linewidth=1)
    ax.axhline(14.4, color=OKABE_ITO[0], linestyle="--", linewidth=1, label="page threshold, 1 h (14.4)")
    ax.axhline(6, color=OKABE_ITO[1], linestyle="--", linewidth=1, label="page threshold, 6 h (6)")
    ax.set_yscale("log")
    ax.set_title(f"Figure 3. Error-budget burn rate of {service_id} (SLO {SLO[service_id]:.1%})")
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
    service_picker.observe(lambda change: setattr(burn_image, "value", burn_figure(change["new"])), names="value")
    display(widgets.VBox([service_picker, burn_image]))

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (4 points) · Multiwindow, multi-burn-rate alerts
#
# Write `burn_alerts(slo, slo_target)` for one service's rows (as in Exercise 4). Return a
# **DataFrame indexed by `minute`** with two **boolean** columns, following the table of Reading 2:
#
# - `page` is true when (1-hour burn rate > 14.4 **and** 5-minute burn rate > 14.4) **or**
#   (6-hour burn rate > 6 **and** 30-minute burn rate > 6);
# - `ticket` is true when the 3-day burn rate > 1 **and** the 6-hour burn rate > 1.
#
# Windows are counted in minutes (1 hour = 60 rows, 3 days = 4,320 rows). Where a window is not
# complete yet (NaN) its condition is false. Reuse your `burn_rate`.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def burn_alerts(slo: pd.DataFrame, slo_target: float) -> pd.DataFrame:
    """Page and ticket decisions per minute (multiwindow, multi-burn-rate)."""
    ### BEGIN SOLUTION
    rate = {w: burn_rate(slo, slo_target, w) for w in (5, 30, 60, 360, 4320)}
    page = ((rate[60] > 14.4) & (rate[5] > 14.4)) | ((rate[360] > 6) & (rate[30] > 6))
    ticket = (rate[4320] > 1) & (rate[360] > 1)
    return pd.DataFrame({"page": page, "ticket": ticket})
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: burn_alerts returns boolean page/ticket columns per minute, and checkout-api pages at some point."""
from graders import call, check, check_type, passed

_answer = call(burn_alerts, checkout.copy(), float(SLO["checkout-api"]), name="burn_alerts")
_name = "burn_alerts(checkout, SLO)"
check_type(_answer, pd.DataFrame, _name, hint="pd.DataFrame({'page': ..., 'ticket': ...}).")
check({"page", "ticket"} <= set(_answer.columns), _name, f"should have the columns page and ticket; it has {list(_answer.columns)}.")
check(bool(pd.Index(_answer.index).equals(pd.Index(checkout["minute"]))), _name,
      "should have one row per input minute, indexed by minute.")
check(_answer["page"].dtype == bool and _answer["ticket"].dtype == bool, _name,
      "page and ticket should be boolean columns (True/False), with no missing values.",
      hint="a comparison with NaN is False: (rate > 14.4) is already boolean.")
check(bool(_answer["page"].any()), _name, "never pages, but checkout-api had at least one fast burn in August.",
      "page when both windows of a pair exceed their burn-rate threshold.", "did you divide the error rate by the budget (1 - SLO)?")
passed("burn_alerts")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of burn_alerts (3 points) run when your notebook is graded:
# they compare your decisions, minute by minute, on both services and on other data.
from graders import call

_ = call(burn_alerts, checkout.copy(), float(SLO["checkout-api"]), name="burn_alerts")
### BEGIN HIDDEN TESTS
from graders import call, check_type, check
from workbook import load as _load

_s = _load("slo_requests")
_rule = ("page = (1h > 14.4 and 5m > 14.4) or (6h > 6 and 30m > 6); ticket = (3d > 1 and 6h > 1); "
         "burn rates over 5, 30, 60, 360 and 4320 one-minute rows; both windows of a pair must exceed the threshold.")
def _br(one, target, w):
    r = one.set_index("minute")[["errors", "requests"]].rolling(w).sum()
    return r["errors"] / r["requests"] / (1 - target)
def _ref(one, target):
    b = {w: _br(one, target, w) for w in (5, 30, 60, 360, 4320)}
    return pd.DataFrame({"page": ((b[60] > 14.4) & (b[5] > 14.4)) | ((b[360] > 6) & (b[30] > 6)),
                         "ticket": (b[4320] > 1) & (b[360] > 1)})
def _compare(one, target, label):
    got = call(burn_alerts, one.copy(), target, name="burn_alerts")
    check_type(got, pd.DataFrame, label)
    check({"page", "ticket"} <= set(got.columns) and bool(pd.Index(got.index).equals(pd.Index(one["minute"]))), label,
          "should have the columns page and ticket and one row per input minute, indexed by minute.")
    exp = _ref(one, target)
    for col in ("page", "ticket"):
        mine = got[col].fillna(False).astype(bool).to_numpy()
        want = exp[col].to_numpy()
        wrong = np.flatnonzero(mine != want)
        more = "more" if mine.sum() > want.sum() else "fewer"
        check(len(wrong) == 0, label,
              f"the {col} decision is wrong at {len(wrong)} minute(s), the first at {one['minute'].iloc[wrong[0]] if len(wrong) else ''}; "
              f"you raise a {col} at {more} minutes than the rule.", _rule,
              "more minutes than the rule: did you use `or` where both windows must agree (`and`)?" if more == "more"
              else "fewer minutes than the rule: check the window lengths (in rows) and the thresholds.")
for _sid in ("checkout-api", "search-api"):
    _one = _s[_s["service_id"] == _sid].sort_values("minute").reset_index(drop=True)
    _compare(_one, {"checkout-api": 0.999, "search-api": 0.995}[_sid], f"burn_alerts({_sid})")
_one = _s[_s["service_id"] == "search-api"].sort_values("minute").reset_index(drop=True)
_blip = ((_one.index % 1440) >= 600) & ((_one.index % 1440) < 604)  # a 4-minute 20% error blip every day
_slow = (_one.index >= 20000) & (_one.index < 20000 + 600)         # a 10-hour burn at 8x
_one = _one.assign(errors=np.where(_blip, _one["requests"] // 5, np.where(_slow, (_one["requests"] * 0.008).round(), _one["errors"])).astype(int))
_ = _compare(_one, 0.999, "burn_alerts (on a second data set with short blips and a slow burn)")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-5-intro", "locked": true}
# ## Lab 5 · A canary, metric by metric
#
# Each canary run sent 10% of a service's traffic to the new version for 30 minutes, next to a
# baseline of the old version of the same size. `canary_samples` has one value per minute, metric
# and group. **Figure 4** draws the p99 latency of the baseline and the canary for two runs chosen
# below; change `runs_to_show` to look at others. *Text description:* two panels, each with a
# baseline line and a canary line over the 30 minutes; in the first run the two lines overlap, in
# the second the canary's latency sits clearly above the baseline's for the whole run.

# %% nbgrader={"grade_id": "lab-5-canary", "locked": true}
runs_to_show = ["canary-001", "canary-002"]
fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), sharey=True)
for ax, run in zip(axes, runs_to_show):
    one = canary_samples[(canary_samples["run_id"] == run) & (canary_samples["metric"] == "latency_p99_ms")]
    for group, colour in (("baseline", OKABE_ITO[0]), ("canary", OKABE_ITO[1])):
        part = one[one["group"] == group]
        ax.plot(part["minute"], part["value"], color=colour, label=group, marker="o", markersize=3)
    ax.set_title(f"Figure 4. p99 latency, {run}")
    ax.set_xlabel("minute of the run (min)")
    ax.set_ylabel("p99 latency (ms)")
    ax.legend()
plt.show()
_test = mannwhitneyu([1.0, 2.0, 3.0, 4.0], [2.5, 3.5, 4.5, 5.5], alternative="greater")
print("Mann-Whitney U example: is the first sample higher than the second?", f"p = {_test.pvalue:.2f}")

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (4 points) · Canary verdicts
#
# Write `canary_passes(samples, conf_level=0.98, allowed_increase=1.2)` returning a **boolean
# Series indexed by `run_id`** (one entry per run in `samples`): `True` when the canary **passes**.
# Following Reading 3, a metric of a run **fails** when both
#
# 1. the one-sided Mann-Whitney U test of the canary's values against the baseline's, with
#    `scipy.stats.mannwhitneyu(canary, baseline, alternative="greater")`, gives a p-value below
#    `1 - conf_level`, **and**
# 2. the canary's mean is at least `allowed_increase` times the baseline's mean;
#
# and a run passes when none of its metrics fails. A `groupby(["run_id", "metric"])` with one test
# per group is fine here (72 groups).

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def canary_passes(samples: pd.DataFrame, conf_level: float = 0.98, allowed_increase: float = 1.2) -> pd.Series:
    """True for each canary run none of whose metrics is significantly and substantially higher."""
    ### BEGIN SOLUTION
    def metric_fails(group: pd.DataFrame) -> bool:
        canary = group.loc[group["group"] == "canary", "value"]
        baseline = group.loc[group["group"] == "baseline", "value"]
        p = mannwhitneyu(canary, baseline, alternative="greater").pvalue
        return bool(p < 1 - conf_level and canary.mean() >= allowed_increase * baseline.mean())

    fails = samples.groupby(["run_id", "metric"])[["group", "value"]].apply(metric_fails)
    return ~fails.groupby(level="run_id").any()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: canary_passes returns one True/False per run, and some runs pass and some fail."""
from graders import call, check, check_type, passed

_answer = call(canary_passes, canary_samples.copy(), name="canary_passes")
_name = "canary_passes(canary_samples)"
check_type(_answer, pd.Series, _name)
check(set(_answer.index) == set(canary_samples["run_id"]) and len(_answer) == canary_samples["run_id"].nunique(),
      _name, "should have exactly one entry per run_id.")
check(_answer.dtype == bool, _name, f"should hold booleans (True = the canary passes); its dtype is {_answer.dtype}.",
      hint="return the comparison itself, not the strings 'pass'/'fail'.")
check(bool(_answer.any()) and not bool(_answer.all()), _name,
      "should let some runs pass and fail others: Figure 4 shows one of each.")
passed("canary_passes")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of canary_passes (3 points) run when your notebook is graded:
# they compare your verdicts on this week's runs and on other runs.
from graders import call

_ = call(canary_passes, canary_samples.copy(), name="canary_passes")
### BEGIN HIDDEN TESTS
from scipy.stats import mannwhitneyu as _mwu

from graders import call, check, check_series, check_type
from workbook import load as _load

_cs = _load("canary_samples")
_rule = ("a metric fails when mannwhitneyu(canary, baseline, alternative='greater').pvalue < 1 - conf_level and "
         "mean(canary) >= allowed_increase * mean(baseline); a run passes when none of its metrics fails.")
def _ref(s, conf, inc):
    w = s.pivot_table(index=["run_id", "metric", "minute"], columns="group", values="value").reset_index()
    rows = []
    for (run, metric), g in w.groupby(["run_id", "metric"]):
        p = _mwu(g["canary"], g["baseline"], alternative="greater").pvalue
        rows.append((run, bool(p < 1 - conf and g["canary"].mean() >= inc * g["baseline"].mean())))
    f = pd.DataFrame(rows, columns=["run_id", "fail"])
    return (~f.groupby("run_id")["fail"].any()).astype(float)
def _verdicts(*args):
    got = call(canary_passes, *args, name="canary_passes")
    check_type(got, pd.Series, "canary_passes")
    check(got.dtype == bool, "canary_passes", "should hold booleans (True = the canary passes).")
    return got.astype(float)
_rule = _rule + " (In the messages, 1 means the run passes and 0 that it fails.)"
check_series(_verdicts(_cs.copy()), _ref(_cs, 0.98, 1.2), "canary_passes(canary_samples)", _rule, what="run")
check_series(_verdicts(_cs.copy(), 0.95, 1.1), _ref(_cs, 0.95, 1.1), "canary_passes(canary_samples, 0.95, 1.1)", _rule, what="run")
# other runs: single outliers that raise the mean but not the ranks, and small but certain shifts
_k = _cs.copy()
_spike = (_k["group"] == "canary") & (_k["minute"] == 7) & (_k["run_id"].str[-1].isin(list("13579")))
_k.loc[_spike, "value"] = _k.loc[_spike, "value"] * 40
_shift = (_k["group"] == "canary") & (_k["metric"] == "cpu_cores") & (_k["run_id"].str[-1].isin(list("2468")))
_k.loc[_shift, "value"] = _k.loc[_shift, "value"] * 1.12
check_series(_verdicts(_k.copy()), _ref(_k, 0.98, 1.2),
             "canary_passes (on other runs)", _rule, what="run")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# In 100–150 words: the `checkout-api` team asks you to replace its burn-rate alerts with "page
# when the error rate is above 0.1% for five minutes", and to make the canary judge stricter by
# dropping the effect-size condition. **What would each change do** to the people on call and to
# the release flow? Use the ideas of precision, detection time and error budget from Reading 2.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# A five-minute 0.1% rule pages on every short blip: at a burn rate of 1 for five minutes only a
# tiny fraction of the monthly budget is spent, so most pages would be false alarms (low precision)
# and on-call people learn to ignore them; it also misses nothing the 1h/5m rule catches, so it buys
# little detection time. The multiwindow rules page only when a meaningful share of the budget is
# at risk and stop soon after the burn ends. Dropping the effect-size condition makes the judge
# fail canaries for differences that are statistically certain but tiny (a 5% CPU rise on 30
# samples), so releases would be rolled back and retried for no user-visible reason, slowing
# delivery and teaching teams to override the judge.

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
# | 1 · deployment frequency | 3 | 2 |
# | 2 · change lead time | 4 | 3 |
# | 3 · change fail rate | 4 | 3 |
# | 4 · burn rate | 3 | 2 |
# | 5 · burn-rate alerts | 4 | 3 |
# | 6 · canary verdicts | 4 | 3 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - DORA measures delivery with **throughput** (lead time, deployment frequency, recovery time) and
#   **instability** (change fail rate, rework rate); both move together in the best teams.
# - Four Keys links the traces: deployments list their commits, incidents name a root-cause commit.
#   Lead time is a **median** over (deployment, commit) pairs; change fail rate counts **distinct**
#   failed deployments.
# - An SLO leaves an **error budget**; the **burn rate** (error rate ÷ budget) says how fast it goes.
# - **Multiwindow, multi-burn-rate** alerts page when a long and a short window both burn fast, so
#   pages are significant, quick and reset soon after the problem stops.
# - **Canary analysis** compares a canary with a fresh baseline, metric by metric, with a
#   Mann-Whitney U test and an effect-size condition.
# - The metrics serve teams comparing themselves with their own past, not league tables.
#
# **Next week:** security on the platform — secrets, supply chain and service-to-service trust.
#
# ## References
#
# - Beyer, B., Jones, C., Petoff, J., & Murphy, N. R. (Eds.) (2016). *Site Reliability Engineering:
#   How Google Runs Production Systems.* O'Reilly. https://sre.google/sre-book/table-of-contents/
# - Beyer, B., Murphy, N. R., Rensin, D. K., Kawahara, K., & Thorne, S. (Eds.) (2018). Chapter 5,
#   Alerting on SLOs. In *The Site Reliability Workbook.* O'Reilly.
#   https://sre.google/workbook/alerting-on-slos/
# - DORA (2026). *DORA's software delivery performance metrics* (guide).
#   https://dora.dev/guides/dora-metrics/ — and *A history of DORA's software delivery metrics*,
#   https://dora.dev/insights/dora-metrics-history/
# - DORA / Google Cloud (2019, 2021). *Accelerate State of DevOps Report.* https://dora.dev/research/
# - dora-team (2020–2024). *Four Keys* (METRICS.md and queries/). https://github.com/dora-team/fourkeys
# - Forsgren, N., Humble, J., & Kim, G. (2018). *Accelerate: The Science of Lean Software and DevOps.*
#   IT Revolution.
# - Humble, J., & Farley, D. (2010). *Continuous Delivery.* Addison-Wesley.
# - Mann, H. B., & Whitney, D. R. (1947). On a test of whether one of two random variables is
#   stochastically larger than the other. *Annals of Mathematical Statistics*, 18(1), 50–60.
# - Spinnaker (n.d.). *Kayenta: automated canary analysis* (docs/canary-config.md and the
#   Mann-Whitney classifier of the NetflixACAJudge). https://github.com/spinnaker/kayenta ·
#   https://spinnaker.io/docs/guides/user/canary/
