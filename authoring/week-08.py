# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 8 · Developer Productivity Metrics
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# Six months after the platform team opened its golden path, Tidewater's engineering directors
# want to know what it changed. The curriculum's goal for this week is blunt: *"measure 10x
# developer productivity gains"*. This week you build the instruments that can answer it honestly:
# the **DORA software-delivery metrics** computed the way Google's Four Keys project computes
# them, per team and per month; the **SPACE** framework's other dimensions from the developer
# survey and activity data; and the adoption of the platform itself. Then you test the "10x" claim
# with an uncertainty interval instead of a slide.
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
# 1. Compute the **five DORA software-delivery metrics** per team and per month from commits,
#    deployments and incidents, with the semantics of Google's **Four Keys** queries, and say
#    exactly what each one counts (which deployments, which incidents, when the clock starts).
# 2. Place teams against a **published DORA cluster table** (2019), stating the house rules that
#    the table leaves open.
# 3. Pick **one metric per SPACE dimension** at team level, and explain why activity counts on
#    their own mislead (Goodhart's law).
# 4. Measure **platform adoption** and developer feedback, and test a productivity claim with a
#    **bootstrap confidence interval**.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads this week's data from the `data/` folder that travels with this
# notebook (its `README.md` documents every column) and applies the course's colour-blind-safe
# figure style. `commits` holds every commit on the default branch of each service; `deployments`
# every production deployment attempt, with the commits it shipped in `changes` and the pipeline
# that ran it in `pipeline`; `incidents` the production incidents; `survey_responses` two waves of
# the developer survey (March and August 2026), `survey_questions` what each item asks; and
# `developer_activity` weekly activity counts per developer.

# %% nbgrader={"grade_id": "setup", "locked": true}
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from workbook import interactive_enabled, load, use_course_style
from workbook.style import OKABE_ITO

use_course_style()
commits = load("commits")                  # one row per commit (sha, service, author, time)
deployments = load("deployments")          # one row per production deployment attempt
incidents = load("incidents")              # production incidents, root_cause = a commit sha
services = load("services")                # owner team of each service
developers = load("developers")            # start date of each developer
survey_questions = load("survey_questions")
survey_responses = load("survey_responses")
activity = load("developer_activity")      # per developer and week
team_of = services.set_index("service_id")["team_id"]
print(f"{len(commits)} commits, {len(deployments)} deployment attempts, {len(incidents)} incidents, "
      f"{services['team_id'].nunique()} teams, {len(survey_responses)} survey responses")
deployments.head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · The DORA metrics, and what Four Keys counts
#
# The DORA research programme (DevOps Research and Assessment, now part of Google Cloud) has
# surveyed software teams since 2014, every year but 2020 (DORA wrote no report that year), and
# publishes the results as the *State of DevOps* reports. Its current guide names **five** software-delivery metrics (DORA, 2026):
#
# - **Change lead time**: the time from a change being committed to version control until it is
#   deployed in production.
# - **Deployment frequency**: the number of deployments over a period, or the time between them.
# - **Failed deployment recovery time**: how long it takes to recover from a deployment that fails
#   and needs immediate intervention (called *time to restore service* until 2023).
# - **Change fail rate**: the share of deployments that need immediate intervention after they
#   reach production, typically a rollback or a hotfix.
# - **Deployment rework rate** (added in 2024): the share of deployments that are unplanned and
#   happen only because of a production incident.
#
# DORA's guide says these metrics describe an **application or service** and the team that owns
# it; it warns against blending them across teams, against turning them into targets, and against
# comparing teams that build very different things. The reports give **medians**, because
# delivery times are far from normally distributed.
#
# You do not need a survey to measure your own organisation. Google's open-source **Four Keys**
# project (dora-team/fourkeys, 2020–2024) computes the metrics from events a delivery system
# already emits. Its queries fix which rows count, and this week follows them:
#
# | Four Keys view | What it keeps |
# |---|---|
# | `changes` | one row per commit, with its commit time |
# | `deployments` | **successful** production deployments only, each with the array of commit SHAs it shipped (`changes`) |
# | `incidents` | issues **labelled `Incident`**; a line `root cause: <sha>` names the commit that caused it. The incident's start is the **earlier** of the issue's creation and the (first) deployment that shipped the root-cause commit; it ends when the issue is resolved |
#
# - **Lead time**: for every (deployment, commit) pair, deploy time minus commit time; values that
#   are zero or negative are ignored; the **median** is reported. The SQL measures the difference
#   in **whole minutes** (`TIMESTAMP_DIFF(deploy, commit, MINUTE)` drops the seconds), so a pair
#   less than a minute apart counts as 0 and is ignored too.
# - **Time to restore**: incident resolved time minus the incident's start (as above): the clock
#   starts when the bad change reached production, not when someone noticed. The SQL measures it in
#   **whole hours** (`TIMESTAMP_DIFF(resolved, start, HOUR)`: 1 h 50 min counts as 1).
# - **Change failure rate**: the query joins each deployment, through its `changes` array, to the
#   incidents whose root cause it shipped (its numerator) and counts the deployments that took part
#   in that join (its denominator). A deployment with an **empty** `changes` array — a
#   rollback, which ships nothing new — drops out of that join, so **rollbacks are not in the
#   change-failure denominator**. They *are* successful deployments, so they count in deployment
#   frequency. One flaw to avoid: the query counts joined rows in the numerator, so a deployment
#   behind two incidents counts twice; count **distinct** failed deployments instead.
# - **Deployment frequency** is reported two ways: as a count per period, and as a **bucket**.
#   Over the last three months, per week (weeks start on Sunday) it counts the days with at least
#   one deployment; the team is **Daily** if the median week has at least 3 such days, else
#   **Weekly** if the median week has a deployment at all, else **Monthly** if the median month has
#   at least one week with a deployment, else **Yearly**. (The SQL's "median month" is a median over
#   **week rows**, each carrying its month's count of weeks with a deployment, so a month with five
#   Sundays weighs more than a month with four.)
#
# **This week's house rules.** The pandas exercises (1 to 6) keep the rows Four Keys keeps but
# measure **exact** durations (hours with their fractions, not whole minutes or hours) and take the
# "median month" over **months**, one value per month. Exercise 7 then writes the metrics in SQL
# the way Four Keys' own queries do, and measures how far the two readings differ on our data.
#
# Four Keys has no rework rate (it predates 2024). Here a deployment is rework when its `trigger`
# is `rollback` or `hotfix`: it happened only because of an incident. Its denominator is the
# deployments that deployment frequency counts.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · Deployments and what they carried
#
# `deployments` has one row per attempt. `status` says whether it succeeded; `trigger` says why it
# ran (`planned`, or `hotfix`/`rollback` after an incident); `changes` lists the commits it carried,
# oldest first, as a space-separated string (empty for a rollback). A failed attempt is retried
# later with the same `changes`, so only successful deployments ship. In `incidents`, `labels` lists
# an issue's labels separated by commas (a space may follow a comma; names are case-sensitive, as on
# GitHub), and `root_cause` is the sha from the issue's `root cause:` line, when it has one. Run the cell: it counts the
# attempts by status and trigger and shows a deployment with several commits.

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
print(deployments.groupby(["status", "trigger"]).size().to_string())
deployments.loc[deployments["commit_count"] >= 3, ["deployment_id", "service_id", "status", "trigger",
                                                    "deployed_at", "head_commit", "commit_count"]].head(5)

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · Deployments per week, per team and month
#
# Write `deployment_rate(deployments, services)` returning a **DataFrame with the columns
# `team_id`, `month` and `deployments_per_week`**: each team's deployment frequency in each
# calendar month, counting the deployments Four Keys counts (Reading 1), per week of that calendar
# month (a month has its number of days / 7 weeks). `month` is text such as `"2026-03"`; one row per
# (team, month) in which the team deployed. Example: 62 deployments in March are 62 / (31 / 7) =
# 14.0 per week.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def deployment_rate(deployments: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Successful production deployments per week, per team and calendar month."""
    ### BEGIN SOLUTION
    ok = deployments[deployments["status"] == "success"]
    team = ok["service_id"].map(services.set_index("service_id")["team_id"]).rename("team_id")
    month = ok["deployed_at"].dt.strftime("%Y-%m").rename("month")
    counts = ok.groupby([team, month]).size().rename("deployments").reset_index()
    weeks = np.asarray(pd.PeriodIndex(counts["month"], freq="M").days_in_month) / 7
    return counts.assign(deployments_per_week=counts["deployments"] / weeks)[["team_id", "month", "deployments_per_week"]]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: deployment_rate returns team_id, month and a positive rate, one row per team and month."""
from graders import call, check, check_type, passed

_answer = call(deployment_rate, deployments.copy(), services.copy(), name="deployment_rate")
_name = "deployment_rate(deployments, services)"
check_type(_answer, pd.DataFrame, _name, hint="group by team and month, count, then reset_index().")
check({"team_id", "month", "deployments_per_week"} <= set(_answer.columns), _name,
      f"should have the columns team_id, month and deployments_per_week; it has {list(_answer.columns)}.")
check(not _answer.duplicated(["team_id", "month"]).any(), _name, "has more than one row for some (team, month).")
check(bool(_answer["month"].astype(str).str.fullmatch(r"\d{4}-\d{2}").all()), _name,
      "month should be text like '2026-03'.", hint="deployed_at.dt.strftime('%Y-%m').")
check(set(_answer["team_id"]) <= set(services["team_id"]), _name, "has team_id values that are not teams.",
      hint="map service_id to services.team_id.")
check(bool((_answer["deployments_per_week"].astype(float) > 0).all()), _name, "has rates that are not positive.")
passed("deployment_rate")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of deployment_rate (2 points) run when your notebook is graded:
# they compare your rates on this week's data and on other data.
from graders import call

_ = call(deployment_rate, deployments.copy(), services.copy(), name="deployment_rate")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _s = _load("deployments"), _load("services")
_rule = ("deployments per week = successful deployments of the team's services in the calendar month (rollbacks and "
         "hotfixes included, failed attempts not) / (days in that month / 7).")
expect.frame("deployment_rate", call(deployment_rate, _d.copy(), _s.copy(), name="deployment_rate"), _rule,
             what="(team, month)", key=["team_id", "month"], check_order=False)
_k = _d[_d["deployed_at"] >= pd.Timestamp("2026-05-15", tz="UTC")].copy()
_k.loc[_k.index[::5], "status"] = "failure"
_k.loc[_k.index[1::9], "trigger"] = "rollback"
expect.frame("deployment_rate (on a second data set)", call(deployment_rate, _k.copy(), _s.copy(), name="deployment_rate"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (3 points) · Four Keys' deployment-frequency bucket
#
# Write `frequency_bucket(deployments, services, start, end)` returning a **Series indexed by
# `team_id`** (every team in `services`) whose values are `"Daily"`, `"Weekly"`, `"Monthly"` or
# `"Yearly"`, following Reading 1 over the days from `start` (included) to `end` (excluded), both
# dates as text like `"2026-06-01"` (in UTC):
#
# 1. for each team and each day of the window, did the team have **at least one successful
#    deployment** that day? (Several deployments on one day count as one day.)
# 2. group the days into weeks that **start on Sunday**; per week, `days_deployed` = the number
#    of days with a deployment, and `week_deployed` = 1 if that number is above 0, else 0. Every
#    week that touches the window counts, even with no deployment (then both are 0);
# 3. per month (the month of the week's **Sunday**), `monthly_deploys` = the sum of `week_deployed`;
# 4. **Daily** if the median of `days_deployed` over the weeks is at least 3; else **Weekly** if
#    the median of `week_deployed` is at least 1; else **Monthly** if the median of
#    `monthly_deploys` is at least 1; else **Yearly**.
#
# Hint: `pd.date_range(start, end, freq="D", inclusive="left", tz="UTC")` lists the days; a day's
# Sunday is `day - pd.to_timedelta((day.dt.day_of_week + 1) % 7, unit="D")`.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def frequency_bucket(deployments: pd.DataFrame, services: pd.DataFrame, start: str, end: str) -> pd.Series:
    """Four Keys' deployment-frequency bucket of each team over the days [start, end)."""
    ### BEGIN SOLUTION
    days = pd.date_range(start, end, freq="D", inclusive="left", tz="UTC")
    ok = deployments[deployments["status"] == "success"]
    hit = pd.DataFrame({"team_id": ok["service_id"].map(services.set_index("service_id")["team_id"]),
                        "day": ok["deployed_at"].dt.floor("D")}).drop_duplicates()
    grid = pd.MultiIndex.from_product([sorted(services["team_id"].unique()), days], names=["team_id", "day"]).to_frame(index=False)
    grid = grid.merge(hit.assign(deployed=1), on=["team_id", "day"], how="left").fillna({"deployed": 0})
    grid["week"] = grid["day"] - pd.to_timedelta((grid["day"].dt.day_of_week + 1) % 7, unit="D")
    weeks = grid.groupby(["team_id", "week"])["deployed"].sum().rename("days_deployed").reset_index()
    weeks["week_deployed"] = (weeks["days_deployed"] > 0).astype(int)
    weeks["month"] = weeks["week"].dt.strftime("%Y-%m")
    monthly = weeks.groupby(["team_id", "month"])["week_deployed"].sum().groupby("team_id").median()
    median = weeks.groupby("team_id")[["days_deployed", "week_deployed"]].median()
    bucket = np.where(median["days_deployed"] >= 3, "Daily",
                      np.where(median["week_deployed"] >= 1, "Weekly",
                               np.where(monthly.reindex(median.index) >= 1, "Monthly", "Yearly")))
    return pd.Series(bucket, index=median.index)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: frequency_bucket gives every team one of the four bucket names."""
from graders import call, check, check_type, passed

_answer = call(frequency_bucket, deployments.copy(), services.copy(), "2026-06-01", "2026-08-31", name="frequency_bucket")
_name = "frequency_bucket(deployments, services, '2026-06-01', '2026-08-31')"
check_type(_answer, pd.Series, _name)
check(set(_answer.index) == set(services["team_id"]) and _answer.index.is_unique, _name,
      "should have exactly one entry per team in services (teams with no deployment too).")
check(set(_answer.astype(str)) <= {"Daily", "Weekly", "Monthly", "Yearly"}, _name,
      "should hold only the names 'Daily', 'Weekly', 'Monthly' and 'Yearly'.")
passed("frequency_bucket")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of frequency_bucket (2 points) run when your notebook is graded:
# on this week's data and on small hand-made deployment histories at the thresholds.
from graders import call

_ = call(frequency_bucket, deployments.copy(), services.copy(), "2026-06-01", "2026-08-31", name="frequency_bucket")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _s = _load("deployments"), _load("services")
_rule = ("over the window's days, per Sunday-start week: days_deployed = distinct days with a successful deployment, "
         "week_deployed = 1 if any; Daily if median(days_deployed) >= 3, else Weekly if median(week_deployed) >= 1, "
         "else Monthly if the median over months of the number of weeks with a deployment >= 1, else Yearly.")
def _table(series):
    """Your labels as a two-column table (key, label), to hand over."""
    try:
        return pd.DataFrame({"key": [str(k) for k in series.index], "label": [str(v) for v in series.to_numpy()]})
    except Exception:
        return series
expect.frame("frequency_bucket(deployments, services, '2026-06-01', '2026-08-31')", _table(call(frequency_bucket, _d.copy(), _s.copy(), "2026-06-01", "2026-08-31", name="frequency_bucket")), _rule,
             what="team", key=["key"], check_order=False)
expect.frame("frequency_bucket(deployments, services, '2026-03-02', '2026-05-03')", _table(call(frequency_bucket, _d.copy(), _s.copy(), "2026-03-02", "2026-05-03", name="frequency_bucket")), _rule,
             what="team", key=["key"], check_order=False)
# Hand-made: eight weeks from Sunday 2026-06-07. three-days: Mon-Tue-Wed every week; burst: five deploys on
# Monday only; two-days: Mon and Thu; fortnight: every other Monday; failing: daily but every attempt failed;
# once: a single deployment.
_days = pd.date_range("2026-06-07", periods=56, freq="D", tz="UTC") + pd.Timedelta(hours=10)
_dow = _days.day_of_week
_rows = [("three-days", t) for t in _days[_dow.isin([0, 1, 2])]] + [("burst", t + pd.Timedelta(minutes=m))
         for t in _days[_dow == 0] for m in range(5)] + [("two-days", t) for t in _days[_dow.isin([0, 3])]] + \
        [("fortnight", t) for t in _days[_dow == 0][::2]] + [("once", _days[20])]
_h = pd.DataFrame(_rows, columns=["service_id", "deployed_at"]).assign(status="success")
_h = pd.concat([_h, pd.DataFrame({"service_id": "failing", "deployed_at": _days, "status": "failure"})], ignore_index=True)
_hs = pd.DataFrame({"service_id": ["three-days", "burst", "two-days", "fortnight", "once", "failing", "idle"]})
_hs["team_id"] = "team-" + _hs["service_id"]
expect.frame("frequency_bucket (on hand-made histories at the thresholds)", _table(call(frequency_bucket, _h.copy(), _hs.copy(), "2026-06-07", "2026-08-02", name="frequency_bucket")), _rule,
             what="team", key=["key"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (4 points) · Change lead time, per team and month
#
# Write `lead_time_hours(deployments, commits, services)` returning a **DataFrame with the columns
# `team_id`, `month` and `lead_time_hours`**: each team's change lead time in each month of the
# deployment, as Four Keys measures it (Reading 1) under this week's house rule of exact durations
# (hours with their fractions). One row per (team, month) with at least one measured change.
# Example: a commit made at 09:00 and shipped by a deployment at 15:30 has a lead time of 6.5 hours.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def lead_time_hours(deployments: pd.DataFrame, commits: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Median hours from commit to successful production deployment, per team and month."""
    ### BEGIN SOLUTION
    ok = deployments.loc[deployments["status"] == "success", ["service_id", "deployed_at", "changes"]]
    pairs = ok.assign(sha=ok.pop("changes").str.split()).explode("sha").dropna(subset=["sha"])
    pairs = pairs.merge(commits[["sha", "committed_at"]], on="sha")
    pairs["lead_time_hours"] = (pairs["deployed_at"] - pairs["committed_at"]).dt.total_seconds() / 3600
    pairs = pairs[pairs["lead_time_hours"] > 0]
    pairs["team_id"] = pairs["service_id"].map(services.set_index("service_id")["team_id"])
    pairs["month"] = pairs["deployed_at"].dt.strftime("%Y-%m")
    return pairs.groupby(["team_id", "month"])["lead_time_hours"].median().reset_index()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: lead_time_hours returns team_id, month and a positive median per team and month."""
from graders import call, check, check_type, passed

_answer = call(lead_time_hours, deployments.copy(), commits.copy(), services.copy(), name="lead_time_hours")
_name = "lead_time_hours(deployments, commits, services)"
check_type(_answer, pd.DataFrame, _name, hint="group by team and month, take the median, then reset_index().")
check({"team_id", "month", "lead_time_hours"} <= set(_answer.columns), _name,
      f"should have the columns team_id, month and lead_time_hours; it has {list(_answer.columns)}.")
check(not _answer.duplicated(["team_id", "month"]).any(), _name, "has more than one row for some (team, month).")
check(bool((_answer["lead_time_hours"].astype(float) > 0).all()), _name, "has values that are not positive.",
      "pairs whose lead time is zero or negative are ignored before the median.")
passed("lead_time_hours")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of lead_time_hours (3 points) run when your notebook is graded.
from graders import call

_ = call(lead_time_hours, deployments.copy(), commits.copy(), services.copy(), name="lead_time_hours")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _c, _s = _load("deployments"), _load("commits"), _load("services")
_rule = ("median, per team and month of the deployment, of deployed_at - committed_at in hours over the (successful "
         "deployment, shipped commit) pairs, ignoring pairs whose lead time is zero or negative.")
expect.frame("lead_time_hours", call(lead_time_hours, _d.copy(), _c.copy(), _s.copy(), name="lead_time_hours"), _rule,
             what="(team, month)", key=["team_id", "month"], check_order=False)
_c2 = _c.copy()
_c2.loc[_c2.index[::3], "committed_at"] = _c2.loc[_c2.index[::3], "committed_at"] + pd.Timedelta(days=20)
_ok = _d[_d["status"] == "success"]
_retries = _ok.iloc[::4].assign(status="failure", deployed_at=lambda f: f["deployed_at"] - pd.Timedelta(hours=3),
                                deployment_id=lambda f: f["deployment_id"] + "-try1")
_d2 = pd.concat([_d, _retries], ignore_index=True)
expect.frame("lead_time_hours (on a second data set: some commit times after their deployment, more failed attempts)",
             call(lead_time_hours, _d2.copy(), _c2.copy(), _s.copy(), name="lead_time_hours"), _rule,
             what="(team, month)", key=["team_id", "month"], check_order=False)
del _d, _c, _s, _c2, _ok, _retries, _d2  # free memory for the rest of the notebook
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (4 points) · Change failure rate, per team and month
#
# Write `change_failure_rate(deployments, incidents, services)` returning a **DataFrame with the
# columns `team_id`, `month` and `change_failure_rate`** (a fraction from 0 to 1): each team's
# change failure rate in each month of the deployment, as Four Keys' join defines it, with the flaw
# Reading 1 names avoided. One row per (team, month) with at least one deployment in the
# denominator. Example (Four Keys' METRICS.md): four deployments, one of which shipped the commit
# that caused an incident, give 0.25.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def change_failure_rate(deployments: pd.DataFrame, incidents: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Share of each team's change-carrying deployments in a month that caused an incident (0..1)."""
    ### BEGIN SOLUTION
    ok = deployments[(deployments["status"] == "success") & deployments["changes"].fillna("").str.strip().ne("")]
    labelled = incidents["labels"].fillna("").str.split(",").apply(lambda items: "Incident" in [x.strip() for x in items])
    causes = set(incidents.loc[labelled, "root_cause"].dropna())
    shipped = ok[["deployment_id"]].assign(sha=ok["changes"].str.split()).explode("sha")
    failed = ok["deployment_id"].isin(set(shipped.loc[shipped["sha"].isin(causes), "deployment_id"]))
    out = pd.DataFrame({"team_id": ok["service_id"].map(services.set_index("service_id")["team_id"]),
                        "month": ok["deployed_at"].dt.strftime("%Y-%m"), "change_failure_rate": failed})
    return out.groupby(["team_id", "month"])["change_failure_rate"].mean().reset_index()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: change_failure_rate returns a fraction per team and month."""
from graders import call, check, check_type, passed

_answer = call(change_failure_rate, deployments.copy(), incidents.copy(), services.copy(), name="change_failure_rate")
_name = "change_failure_rate(deployments, incidents, services)"
check_type(_answer, pd.DataFrame, _name)
check({"team_id", "month", "change_failure_rate"} <= set(_answer.columns), _name,
      f"should have the columns team_id, month and change_failure_rate; it has {list(_answer.columns)}.")
check(not _answer.duplicated(["team_id", "month"]).any(), _name, "has more than one row for some (team, month).")
check(bool(_answer["change_failure_rate"].astype(float).between(0, 1).all()), _name, "has values outside 0..1.",
      "a fraction: distinct failed deployments / deployments that shipped commits.",
      "if your values go above 1, a deployment behind several incidents was counted several times.")
passed("change_failure_rate")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of change_failure_rate (3 points) run when your notebook is graded.
from graders import call

_ = call(change_failure_rate, deployments.copy(), incidents.copy(), services.copy(), name="change_failure_rate")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _i, _s = _load("deployments"), _load("incidents"), _load("services")
_rule = ("distinct successful deployments with non-empty changes that shipped the root cause of an incident labelled "
         "'Incident' / successful deployments with non-empty changes, per team and month of the deployment; rollbacks "
         "(empty changes) and failed attempts count in neither part.")
expect.frame("change_failure_rate", call(change_failure_rate, _d.copy(), _i.copy(), _s.copy(), name="change_failure_rate"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
_again = _i[_i["root_cause"].notna()].iloc[::2].assign(incident_id=lambda f: f["incident_id"] + "-b")
_ok = _d[(_d["status"] == "success") & (_d["commit_count"] > 0)]
_bugs = pd.DataFrame({"incident_id": [f"BUG-{k}" for k in range(60)], "service_id": _ok["service_id"].iloc[5::97].to_numpy()[:60],
                      "labels": "Bug", "root_cause": _ok["head_commit"].iloc[5::97].to_numpy()[:60]})
_i2 = pd.concat([_i.assign(labels="Incident, customer-facing"), _again, _bugs], ignore_index=True)
expect.frame("change_failure_rate (on a second data set: repeated incidents, bugs that are not incidents, several labels)",
             call(change_failure_rate, _d.copy(), _i2.copy(), _s.copy(), name="change_failure_rate"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
del _d, _i, _s, _again, _ok, _bugs, _i2
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (4 points) · Time to restore, the Four Keys way
#
# Write `time_to_restore_hours(incidents, deployments, services)` returning a **DataFrame with the
# columns `team_id`, `month` and `time_to_restore_hours`**: the median time to restore per team (of
# the incident's service) and month of the incident's **start**, with Four Keys' clock (Reading 1)
# and this week's house rule of exact hours. Example: an incident opened at 10:00, whose root-cause
# commit reached production at 09:10, and resolved at 11:00 took 1 h 50 min, 1.833 hours.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def time_to_restore_hours(incidents: pd.DataFrame, deployments: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Median hours from an incident's start (bad deploy or report, whichever first) to its resolution."""
    ### BEGIN SOLUTION
    labelled = incidents["labels"].fillna("").str.split(",").apply(lambda items: "Incident" in [x.strip() for x in items])
    inc = incidents[labelled & incidents["resolved_at"].notna()]
    ok = deployments.loc[deployments["status"] == "success", ["deployed_at", "changes"]]
    shipped = ok.assign(sha=ok.pop("changes").str.split()).explode("sha").dropna(subset=["sha"])
    first_deploy = shipped.sort_values("deployed_at").drop_duplicates("sha").set_index("sha")["deployed_at"]
    deployed = inc["root_cause"].map(first_deploy)
    start = inc["created_at"].where(deployed.isna() | (inc["created_at"] <= deployed), deployed)
    out = pd.DataFrame({"team_id": inc["service_id"].map(services.set_index("service_id")["team_id"]),
                        "month": start.dt.strftime("%Y-%m"),
                        "time_to_restore_hours": (inc["resolved_at"] - start).dt.total_seconds() / 3600})
    return out.groupby(["team_id", "month"])["time_to_restore_hours"].median().reset_index()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: time_to_restore_hours returns a positive median per team and month."""
from graders import call, check, check_type, passed

_answer = call(time_to_restore_hours, incidents.copy(), deployments.copy(), services.copy(), name="time_to_restore_hours")
_name = "time_to_restore_hours(incidents, deployments, services)"
check_type(_answer, pd.DataFrame, _name)
check({"team_id", "month", "time_to_restore_hours"} <= set(_answer.columns), _name,
      f"should have the columns team_id, month and time_to_restore_hours; it has {list(_answer.columns)}.")
check(not _answer.duplicated(["team_id", "month"]).any(), _name, "has more than one row for some (team, month).")
check(bool((_answer["time_to_restore_hours"].astype(float) > 0).all()), _name, "has values that are not positive.")
passed("time_to_restore_hours")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of time_to_restore_hours (3 points) run when your notebook is graded.
from graders import call

_ = call(time_to_restore_hours, incidents.copy(), deployments.copy(), services.copy(), name="time_to_restore_hours")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _i, _s = _load("deployments"), _load("incidents"), _load("services")
_rule = ("median, per team and month of the start, of resolved_at - start in hours, where start = the earlier of "
         "created_at and the first successful deployment that shipped the root cause; resolved incidents labelled "
         "'Incident' only.")
expect.frame("time_to_restore_hours", call(time_to_restore_hours, _i.copy(), _d.copy(), _s.copy(), name="time_to_restore_hours"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
_i2 = _i.copy()
_i2.loc[_i2.index[::4], "labels"] = "Bug"
_i2.loc[_i2.index[1::4], "labels"] = "customer-facing,Incident"
_i2.loc[_i2.index[2::6], "created_at"] = _i2.loc[_i2.index[2::6], "created_at"] - pd.Timedelta(days=3)  # reported before the deploy
_retries = _d[_d["status"] == "success"].assign(status="failure", deployed_at=lambda f: f["deployed_at"] - pd.Timedelta(hours=5),
                                                 deployment_id=lambda f: f["deployment_id"] + "-try1")
expect.frame("time_to_restore_hours (on a second data set: other labels, incidents reported before the deploy, failed attempts)",
             call(time_to_restore_hours, _i2.copy(), pd.concat([_d, _retries], ignore_index=True), _s.copy(),
                  name="time_to_restore_hours"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
del _d, _i, _s, _i2, _retries
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Deployment rework rate, per team and month
#
# Write `rework_rate(deployments, services)` returning a **DataFrame with the columns `team_id`,
# `month` and `rework_rate`**: each team's deployment rework rate in each month (Reading 1), a
# fraction from 0 to 1, one row per (team, month) in which the team deployed.

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def rework_rate(deployments: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Share of successful deployments that were unplanned rework (rollback or hotfix), per team and month."""
    ### BEGIN SOLUTION
    ok = deployments[deployments["status"] == "success"]
    out = pd.DataFrame({"team_id": ok["service_id"].map(services.set_index("service_id")["team_id"]),
                        "month": ok["deployed_at"].dt.strftime("%Y-%m"),
                        "rework_rate": ok["trigger"].isin(["rollback", "hotfix"])})
    return out.groupby(["team_id", "month"])["rework_rate"].mean().reset_index()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: rework_rate returns a fraction per team and month."""
from graders import call, check, check_type, passed

_answer = call(rework_rate, deployments.copy(), services.copy(), name="rework_rate")
_name = "rework_rate(deployments, services)"
check_type(_answer, pd.DataFrame, _name)
check({"team_id", "month", "rework_rate"} <= set(_answer.columns), _name,
      f"should have the columns team_id, month and rework_rate; it has {list(_answer.columns)}.")
check(not _answer.duplicated(["team_id", "month"]).any(), _name, "has more than one row for some (team, month).")
check(bool(_answer["rework_rate"].astype(float).between(0, 1).all()), _name, "has values outside 0..1.")
passed("rework_rate")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of rework_rate (2 points) run when your notebook is graded.
from graders import call

_ = call(rework_rate, deployments.copy(), services.copy(), name="rework_rate")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _s = _load("deployments"), _load("services")
_rule = ("rework rate = successful deployments whose trigger is rollback or hotfix / all successful deployments "
         "(rollbacks included in both), per team and month of the deployment.")
expect.frame("rework_rate", call(rework_rate, _d.copy(), _s.copy(), name="rework_rate"), _rule,
             what="(team, month)", key=["team_id", "month"], check_order=False)
_k = _d.copy()
_k.loc[_k.index[::6], ["status", "trigger"]] = ["failure", "rollback"]
expect.frame("rework_rate (on a second data set with failed rollback attempts)",
             call(rework_rate, _k.copy(), _s.copy(), name="rework_rate"), _rule,
             what="(team, month)", key=["team_id", "month"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · Trends, and the teams side by side
#
# The cell below joins your five results into one table, `dora`, with a row per team and month
# (it waits for Exercises 1 and 3–6). **Figure 1** shows the organisation's trend: the median
# over teams of each metric, month by month. *Text description:* four small line charts sharing a
# month axis — deployments per week, lead time in hours (log scale), change failure rate and
# rework rate. The cell prints a sentence computed from the same numbers, saying how each line
# moved from the first month to the last.

# %% nbgrader={"grade_id": "lab-2-trends", "locked": true}
try:
    dora = (deployment_rate(deployments, services)
            .merge(lead_time_hours(deployments, commits, services), on=["team_id", "month"], how="left")
            .merge(change_failure_rate(deployments, incidents, services), on=["team_id", "month"], how="left")
            .merge(time_to_restore_hours(incidents, deployments, services), on=["team_id", "month"], how="left")
            .merge(rework_rate(deployments, services), on=["team_id", "month"], how="left"))
except NotImplementedError:
    dora = None
    print("Answer Exercises 1 and 3 to 6 first, then run this cell again.")

if dora is not None:
    trend = dora.groupby("month")[["deployments_per_week", "lead_time_hours", "change_failure_rate", "rework_rate"]].median()
    panels = [("deployments_per_week", "deployments per week (count)"), ("lead_time_hours", "lead time (hours, log scale)"),
              ("change_failure_rate", "change failure rate (fraction)"), ("rework_rate", "rework rate (fraction)")]
    fig, axes = plt.subplots(2, 2, figsize=(10, 6), sharex=True)
    for ax, (col, label) in zip(axes.ravel(), panels):
        ax.plot(trend.index, trend[col], color=OKABE_ITO[0], marker="o")
        ax.set_ylabel(label)
        ax.set_xlabel("month (UTC)")
        ax.set_title(col.replace("_", " "))
        if col == "lead_time_hours":
            ax.set_yscale("log")
    fig.suptitle("Figure 1. DORA metrics per month: median over Tidewater's teams")
    plt.tight_layout()
    plt.show()
    first, last = trend.index[0], trend.index[-1]
    moves = [f"{col.replace('_', ' ')} from {trend.loc[first, col]:.3g} to {trend.loc[last, col]:.3g}" for col, _ in panels]
    print(f"Text description (computed): from {first} to {last} the team median moved: " + "; ".join(moves) + ".")

# %% [markdown] nbgrader={"grade_id": "reading-sql", "locked": true}
# ## Four Keys' own queries, in an embedded SQL engine
#
# Four Keys is SQL: views and dashboard queries in Google BigQuery's dialect. To read a team's
# numbers exactly as Four Keys would print them, write the same queries. **DuckDB** is a SQL
# database that runs inside this notebook's Python process and queries pandas DataFrames directly,
# so the queries run over the very tables of Lab 1. Translating BigQuery's dialect to DuckDB's
# needs care in three places, each of which changes numbers:
#
# - **Whole units.** Four Keys measures with `TIMESTAMP_DIFF(later, earlier, MINUTE)` (lead time)
#   and `TIMESTAMP_DIFF(later, earlier, HOUR)` (time to restore). BigQuery counts the **whole
#   units elapsed**: from 00:00:01 to 01:00:00 is 0 hours (BigQuery's own example). DuckDB has two
#   functions with the same signature: `date_sub(part, start, end)` counts the whole parts elapsed
#   (BigQuery's meaning); `date_diff(part, start, end)` counts the part **boundaries crossed**, so
#   09:50 to 11:10 is 1 by `date_sub` and 2 by `date_diff`.
# - **Weeks.** BigQuery's `TIMESTAMP_TRUNC(day, WEEK)` starts weeks on **Sunday**; DuckDB's
#   `date_trunc('week', day)` starts them on **Monday** (ISO weeks). `dayofweek(day)` is 0 on a Sunday.
# - **Medians.** `PERCENTILE_CONT(x, 0.5)` is `quantile_cont(x, 0.5)` (or `median(x)`) in DuckDB.
#   Four Keys' deployment-frequency query computes each month's count of weeks with a deployment
#   with a window function, `SUM(week_deployed) OVER (PARTITION BY month)`, so that count is
#   repeated on every **week row** of the month, and its median is taken over those week rows
#   (Reading 1).
#
# Commas, arrays and labels: `string_split(changes, ' ')` turns the space-separated commits into a
# list and `unnest(...)` into rows; `regexp_matches(text, pattern)` tests a pattern. The cell below
# defines two helpers. `four_keys_db(deployments, commits, incidents, services)` opens an in-memory
# DuckDB database holding those four tables (timestamps in UTC); `run_sql(sql, db, **params)` runs
# one query and returns a DataFrame, or stops with DuckDB's own error message, which names the line
# of your SQL it could not read. A query can use parameters such as `$start`, given as
# `run_sql(sql, db, start="2026-06-01")`. Run it: it counts the successful deployments per
# trigger in SQL.

# %% nbgrader={"grade_id": "lab-sql-engine", "locked": true}
try:
    import duckdb
except ImportError:  # the course's environment installs it; say how to get it, never a traceback
    duckdb = None
    print("DuckDB is not installed in this kernel: run `pip install -r requirements.txt` (or "
          "`pip install duckdb`) in a terminal, then restart the kernel.")


class SQLError(Exception):
    """A query DuckDB could not run; the message is DuckDB's own, with the line it stopped at."""


def four_keys_db(deployments: pd.DataFrame, commits: pd.DataFrame, incidents: pd.DataFrame, services: pd.DataFrame):
    """An in-memory DuckDB database with the four tables; timestamps become UTC times without a zone."""
    if duckdb is None:
        raise SQLError("DuckDB is not installed: run `pip install -r requirements.txt`, then restart the kernel.")
    db = duckdb.connect()
    tables = {"deployments": deployments, "commits": commits, "incidents": incidents, "services": services}
    for name, frame in tables.items():
        zoned = [c for c in frame.columns if isinstance(frame[c].dtype, pd.DatetimeTZDtype)]
        plain = frame.assign(**{c: frame[c].dt.tz_convert("UTC").dt.tz_localize(None) for c in zoned})
        db.register(name, plain)
    return db


def run_sql(sql: str, db, **params) -> pd.DataFrame:
    """Run one query on ``db``; DuckDB's error message (with the line of the query) if it cannot."""
    if not isinstance(sql, str) or not sql.strip():
        raise SQLError("there is no query here (an empty text).")
    try:
        return db.execute(sql, params or None).df()
    except duckdb.Error as exc:
        raise SQLError(f"DuckDB could not run this query: {exc}") from None


def run_four_keys(queries: dict, metric: str, db, **params) -> pd.DataFrame:
    """Run FOUR_KEYS_SQL[metric] on ``db``."""
    if not isinstance(queries, dict) or metric not in queries:
        raise SQLError(f"FOUR_KEYS_SQL has no query for {metric!r}.")
    return run_sql(queries[metric], db, **params)


if duckdb is not None:
    week_db = four_keys_db(deployments, commits, incidents, services)
    display(run_sql("""
        SELECT trigger, count(*) AS deployments
        FROM deployments
        WHERE status = 'success'
        GROUP BY trigger
        ORDER BY deployments DESC""", week_db))

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (5 points) · The four keys in SQL, as Four Keys computes them
#
# Write `FOUR_KEYS_SQL`, a dict of four DuckDB queries over the tables `deployments`, `commits`,
# `incidents` and `services` that give what Four Keys' own queries would give, per team:
#
# | key | columns of the result | what it is |
# |---|---|---|
# | `"deployment_frequency"` | `team_id`, `bucket` | Four Keys' bucket over the days from `$start` (included) to `$end` (excluded), for every team in `services` |
# | `"lead_time"` | `team_id`, `month`, `lead_time_hours` | median lead time per team and month of the deployment, in hours |
# | `"change_failure_rate"` | `team_id`, `month`, `change_failure_rate` | per team and month of the deployment (count distinct failed deployments, as in Exercise 4) |
# | `"time_to_restore"` | `team_id`, `month`, `time_to_restore_hours` | median time to restore per team and month of the incident's start, in hours |
#
# `month` is text such as `"2026-03"`; the bucket is `"Daily"`, `"Weekly"`, `"Monthly"` or
# `"Yearly"`. Examples: a commit at 09:00:10 deployed at 10:00:40 has a lead time of 60 minutes
# (1.0 hour); an incident whose clock starts at 09:10 and that is resolved at 11:20 takes 2 hours
# to restore. Every query must run with `run_sql` on any database made by `four_keys_db`.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
FOUR_KEYS_SQL = {"deployment_frequency": "", "lead_time": "", "change_failure_rate": "", "time_to_restore": ""}
### BEGIN SOLUTION
_SHIPPED = """
    SELECT d.deployment_id, d.service_id, d.deployed_at, unnest(string_split(d.changes, ' ')) AS sha
    FROM deployments d
    WHERE d.status = 'success'"""
_INCIDENT = r"regexp_matches(coalesce(i.labels, ''), '(^|,)\s*Incident\s*(,|$)')"
FOUR_KEYS_SQL = {
    "deployment_frequency": """
        WITH days AS (
            SELECT CAST(range AS DATE) AS day
            FROM range(CAST($start AS TIMESTAMP), CAST($end AS TIMESTAMP), INTERVAL 1 DAY)
        ), deployed AS (
            SELECT DISTINCT s.team_id, CAST(d.deployed_at AS DATE) AS day
            FROM deployments d JOIN services s ON s.service_id = d.service_id
            WHERE d.status = 'success'
        ), weeks AS (
            SELECT t.team_id, days.day - CAST(dayofweek(days.day) AS INTEGER) AS week,
                   count(x.day) AS days_deployed,
                   CASE WHEN count(x.day) > 0 THEN 1 ELSE 0 END AS week_deployed
            FROM (SELECT DISTINCT team_id FROM services) t
            CROSS JOIN days
            LEFT JOIN deployed x ON x.team_id = t.team_id AND x.day = days.day
            GROUP BY t.team_id, week
        ), week_rows AS (
            SELECT *, sum(week_deployed) OVER (PARTITION BY team_id, date_trunc('month', week)) AS monthly_deploys
            FROM weeks
        )
        SELECT team_id,
               CASE WHEN quantile_cont(days_deployed, 0.5) >= 3 THEN 'Daily'
                    WHEN quantile_cont(week_deployed, 0.5) >= 1 THEN 'Weekly'
                    WHEN quantile_cont(monthly_deploys, 0.5) >= 1 THEN 'Monthly'
                    ELSE 'Yearly' END AS bucket
        FROM week_rows
        GROUP BY team_id""",
    "lead_time": f"""
        WITH shipped AS ({_SHIPPED}
        ), pairs AS (
            SELECT x.service_id, x.deployed_at, date_sub('minute', c.committed_at, x.deployed_at) AS minutes
            FROM shipped x JOIN commits c ON c.sha = x.sha
        )
        SELECT s.team_id, strftime(p.deployed_at, '%Y-%m') AS month, quantile_cont(p.minutes, 0.5) / 60 AS lead_time_hours
        FROM pairs p JOIN services s ON s.service_id = p.service_id
        WHERE p.minutes > 0
        GROUP BY s.team_id, month""",
    "change_failure_rate": f"""
        WITH shipped AS ({_SHIPPED}
        ), carrying AS (
            SELECT DISTINCT deployment_id, service_id, deployed_at FROM shipped WHERE sha <> ''
        ), failed AS (
            SELECT DISTINCT x.deployment_id
            FROM shipped x JOIN incidents i ON i.root_cause = x.sha
            WHERE {_INCIDENT}
        )
        SELECT s.team_id, strftime(d.deployed_at, '%Y-%m') AS month,
               avg(CASE WHEN f.deployment_id IS NULL THEN 0.0 ELSE 1.0 END) AS change_failure_rate
        FROM carrying d
        JOIN services s ON s.service_id = d.service_id
        LEFT JOIN failed f ON f.deployment_id = d.deployment_id
        GROUP BY s.team_id, month""",
    "time_to_restore": f"""
        WITH shipped AS ({_SHIPPED}
        ), first_deploy AS (
            SELECT sha, min(deployed_at) AS deployed_at FROM shipped GROUP BY sha
        ), started AS (
            SELECT i.service_id, i.resolved_at, least(i.created_at, coalesce(f.deployed_at, i.created_at)) AS started_at
            FROM incidents i LEFT JOIN first_deploy f ON f.sha = i.root_cause
            WHERE i.resolved_at IS NOT NULL AND {_INCIDENT}
        )
        SELECT s.team_id, strftime(x.started_at, '%Y-%m') AS month,
               quantile_cont(date_sub('hour', x.started_at, x.resolved_at), 0.5) AS time_to_restore_hours
        FROM started x JOIN services s ON s.service_id = x.service_id
        GROUP BY s.team_id, month""",
}
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: each query of FOUR_KEYS_SQL runs, gives its columns, and reproduces the two examples."""
from graders import call, check, check_type, passed

_sql = globals().get("FOUR_KEYS_SQL")
check(isinstance(_sql, dict), "FOUR_KEYS_SQL", "is not written yet: a dict from each key to a DuckDB query (text).")
_columns = {"deployment_frequency": ["team_id", "bucket"], "lead_time": ["team_id", "month", "lead_time_hours"],
            "change_failure_rate": ["team_id", "month", "change_failure_rate"],
            "time_to_restore": ["team_id", "month", "time_to_restore_hours"]}
check(set(_columns) <= set(_sql), "FOUR_KEYS_SQL", f"should have the keys {sorted(_columns)}; it has {sorted(_sql)}.")
_window = {"deployment_frequency": {"start": "2026-06-01", "end": "2026-08-31"}}
for _key, _cols in _columns.items():
    _name = f"FOUR_KEYS_SQL[{_key!r}] on this week's data"
    _answer = call(run_four_keys, _sql, _key, week_db, **_window.get(_key, {}), name=_name)
    check_type(_answer, pd.DataFrame, _name)
    check(set(_cols) <= set(_answer.columns), _name, f"should give the columns {_cols}; it gives {list(_answer.columns)}.")
    check(not _answer.duplicated(_cols[:-1]).any(), _name, f"has more than one row for some {tuple(_cols[:-1])}.")
_bk = call(run_four_keys, _sql, "deployment_frequency", week_db, start="2026-06-01", end="2026-08-31",
           name="FOUR_KEYS_SQL['deployment_frequency']")
check(set(_bk["team_id"]) == set(services["team_id"]) and set(_bk["bucket"].astype(str)) <= {"Daily", "Weekly", "Monthly", "Yearly"},
      "FOUR_KEYS_SQL['deployment_frequency']", "should give every team in services one of the four bucket names.")
# The statement's two examples, in a tiny database.
_t = pd.Timestamp("2026-05-04 09:00:00", tz="UTC")
_ex_db = four_keys_db(
    pd.DataFrame({"deployment_id": ["D1"], "service_id": ["svc"], "status": ["success"], "trigger": ["planned"],
                  "deployed_at": [_t + pd.Timedelta(minutes=60, seconds=40)], "changes": ["c1"]}),
    pd.DataFrame({"sha": ["c1"], "committed_at": [_t + pd.Timedelta(seconds=10)]}),
    pd.DataFrame({"incident_id": ["I1"], "service_id": ["svc"], "labels": ["Incident"], "root_cause": [None],
                  "created_at": [_t + pd.Timedelta(minutes=10)], "resolved_at": [_t + pd.Timedelta(hours=2, minutes=20)]}),
    pd.DataFrame({"service_id": ["svc"], "team_id": ["team"]}))
_lt = call(run_four_keys, _sql, "lead_time", _ex_db, name="FOUR_KEYS_SQL['lead_time']")
check(len(_lt) == 1 and abs(float(_lt["lead_time_hours"].iloc[0]) - 1.0) < 1e-9, "FOUR_KEYS_SQL['lead_time'] (the example)",
      "should give 1.0 hour for a commit at 09:00:10 deployed at 10:00:40.")
_tr = call(run_four_keys, _sql, "time_to_restore", _ex_db, name="FOUR_KEYS_SQL['time_to_restore']")
check(len(_tr) == 1 and abs(float(_tr["time_to_restore_hours"].iloc[0]) - 2.0) < 1e-9,
      "FOUR_KEYS_SQL['time_to_restore'] (the example)", "should give 2 hours for an incident from 09:10 to 11:20.")
passed("FOUR_KEYS_SQL")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of FOUR_KEYS_SQL's speed queries (2 points) run when your notebook is graded:
# deployment_frequency and lead_time on this week's data and on hand-made histories.
from graders import call

_ = call(run_four_keys, FOUR_KEYS_SQL, "lead_time", week_db, name="FOUR_KEYS_SQL['lead_time']")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _c, _i, _s = _load("deployments"), _load("commits"), _load("incidents"), _load("services")
_rule = ("as Four Keys' SQL: bucket = Daily if the median over Sunday-start week rows of days with a successful "
         "deployment >= 3, else Weekly if the median of week_deployed >= 1, else Monthly if the median over the WEEK "
         "ROWS of their month's count of weeks with a deployment >= 1, else Yearly; lead time = whole minutes elapsed "
         "(BigQuery's TIMESTAMP_DIFF: DuckDB's date_sub, not date_diff) per (successful deployment, commit), pairs of "
         "0 minutes or less ignored, median / 60 per team and month.")
_db = four_keys_db(_d, _c, _i, _s)
expect.frame("FOUR_KEYS_SQL['deployment_frequency'] ('2026-06-01' to '2026-08-31')",
             call(run_four_keys, FOUR_KEYS_SQL, "deployment_frequency", _db, start="2026-06-01", end="2026-08-31",
                  name="FOUR_KEYS_SQL['deployment_frequency']"), _rule, what="team", key=["team_id"], check_order=False)
# Hand-made histories over nine Sunday weeks, 2026-05-03 to 2026-07-04 (May has five Sundays, June four):
# may-once: one deployment in May; sun-mon: Sundays and Mondays; sat-sun-mon: Saturdays, Sundays and Mondays;
# three-days: Tuesday to Thursday; failing: every attempt failed.
_days = pd.date_range("2026-05-03", "2026-07-03", freq="D", tz="UTC") + pd.Timedelta(hours=10)
_dow = _days.day_of_week
_rows = ([("may-once", _days[9])] + [("sun-mon", t) for t in _days[_dow.isin([6, 0])]]
         + [("sat-sun-mon", t) for t in _days[_dow.isin([5, 6, 0])]] + [("three-days", t) for t in _days[_dow.isin([1, 2, 3])]])
_h = pd.DataFrame(_rows, columns=["service_id", "deployed_at"]).assign(status="success", trigger="planned", changes="")
_h = pd.concat([_h, pd.DataFrame({"service_id": "failing", "deployed_at": _days, "status": "failure", "trigger": "planned",
                                  "changes": ""})], ignore_index=True)
_h["deployment_id"] = [f"H{k}" for k in range(len(_h))]
_hs = pd.DataFrame({"service_id": ["may-once", "sun-mon", "sat-sun-mon", "three-days", "failing", "idle"]})
_hs["team_id"] = "team-" + _hs["service_id"]
_hdb = four_keys_db(_h, _c.iloc[:0], _i.iloc[:0], _hs)
expect.frame("FOUR_KEYS_SQL['deployment_frequency'] (hand-made histories, 2026-05-03 to 2026-07-05)",
             call(run_four_keys, FOUR_KEYS_SQL, "deployment_frequency", _hdb, start="2026-05-03", end="2026-07-05",
                  name="FOUR_KEYS_SQL['deployment_frequency']"), _rule, what="team", key=["team_id"], check_order=False)
expect.frame("FOUR_KEYS_SQL['lead_time']", call(run_four_keys, FOUR_KEYS_SQL, "lead_time", _db, name="FOUR_KEYS_SQL['lead_time']"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
# Second data set: commit times moved to a few seconds or minutes before their deployment, across minute bounds.
_first = _d[_d["status"] == "success"].assign(sha=lambda f: f["changes"].str.split()).explode("sha").dropna(subset=["sha"])
_first = _first.sort_values("deployed_at").drop_duplicates("sha").set_index("sha")["deployed_at"]
_c2 = _c.copy()
_near = _c2["sha"].map(_first)
_pick = _near.notna() & (np.arange(len(_c2)) % 3 == 0)
_offsets = pd.to_timedelta(np.where(np.arange(len(_c2)) % 2 == 0, 30, 59 * 60 + 50), unit="s")
_c2.loc[_pick, "committed_at"] = _near[_pick] - _offsets[_pick.to_numpy()]
expect.frame("FOUR_KEYS_SQL['lead_time'] (on a second data set: commits seconds or minutes before their deployment)",
             call(run_four_keys, FOUR_KEYS_SQL, "lead_time", four_keys_db(_d, _c2, _i, _s), name="FOUR_KEYS_SQL['lead_time']"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
_db.close()
_hdb.close()
del _d, _c, _i, _s, _db, _hdb, _h, _first, _c2, _near
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden-stability", "locked": true, "points": 2, "solution": false}
# Hidden checks of FOUR_KEYS_SQL's stability queries (2 points) run when your notebook is graded:
# change_failure_rate and time_to_restore on this week's data and on other data.
from graders import call

_ = call(run_four_keys, FOUR_KEYS_SQL, "time_to_restore", week_db, name="FOUR_KEYS_SQL['time_to_restore']")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_d, _c, _i, _s = _load("deployments"), _load("commits"), _load("incidents"), _load("services")
_rule = ("as Four Keys' SQL: change failure rate = distinct successful deployments with commits that shipped the root "
         "cause of an issue labelled Incident / successful deployments with commits, per team and month; time to restore "
         "= whole hours elapsed (BigQuery's TIMESTAMP_DIFF: DuckDB's date_sub, not date_diff) from the earlier of the "
         "incident's creation and the first successful deployment of its root cause to its resolution, resolved "
         "incidents labelled Incident only, median per team and month of the start.")
_db = four_keys_db(_d, _c, _i, _s)
expect.frame("FOUR_KEYS_SQL['change_failure_rate']",
             call(run_four_keys, FOUR_KEYS_SQL, "change_failure_rate", _db, name="FOUR_KEYS_SQL['change_failure_rate']"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
expect.frame("FOUR_KEYS_SQL['time_to_restore']",
             call(run_four_keys, FOUR_KEYS_SQL, "time_to_restore", _db, name="FOUR_KEYS_SQL['time_to_restore']"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
# Second data set: repeated incidents, bugs, other label lists, failed attempts, clocks that cross hour bounds.
_again = _i[_i["root_cause"].notna()].iloc[::2].assign(incident_id=lambda f: f["incident_id"] + "-b")
_i2 = pd.concat([_i.assign(labels="Incident, customer-facing"), _again], ignore_index=True)
_i2.loc[_i2.index[::5], "labels"] = "Bug"
_i2.loc[_i2.index[1::5], "labels"] = "customer-facing,Incident"
_hour = _i2["created_at"].dt.floor("h")
_i2.loc[_i2.index[2::3], "created_at"] = _hour[_i2.index[2::3]] + pd.Timedelta(minutes=50)
_i2.loc[_i2.index[2::3], "resolved_at"] = _hour[_i2.index[2::3]] + pd.Timedelta(hours=2, minutes=10)
_retries = _d[_d["status"] == "success"].iloc[::3].assign(status="failure", deployed_at=lambda f: f["deployed_at"] - pd.Timedelta(hours=5),
                                                           deployment_id=lambda f: f["deployment_id"] + "-try1")
_db2 = four_keys_db(pd.concat([_d, _retries], ignore_index=True), _c, _i2, _s)
expect.frame("FOUR_KEYS_SQL['change_failure_rate'] (on a second data set: repeated incidents, bugs, label lists, failed attempts)",
             call(run_four_keys, FOUR_KEYS_SQL, "change_failure_rate", _db2, name="FOUR_KEYS_SQL['change_failure_rate']"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
expect.frame("FOUR_KEYS_SQL['time_to_restore'] (on a second data set: clocks from hh:50 to two hours and twenty minutes later)",
             call(run_four_keys, FOUR_KEYS_SQL, "time_to_restore", _db2, name="FOUR_KEYS_SQL['time_to_restore']"),
             _rule, what="(team, month)", key=["team_id", "month"], check_order=False)
_db.close()
_db2.close()
del _d, _c, _i, _s, _db, _db2, _again, _i2, _hour, _retries
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-sql-reconcile-intro", "locked": true}
# ### Reconciling the two readings
#
# The cell below puts your SQL (Four Keys' semantics) next to your pandas functions (this week's
# house rules) on the same data, per team and month, and prints how far they are apart: the
# largest difference in lead time (whole minutes against exact durations), in time to restore
# (whole hours against exact), in change failure rate (the same rows, so none is expected), and
# the teams whose frequency bucket differs (week rows against months). A difference you cannot
# explain by one of those rules is a bug on one side.

# %% nbgrader={"grade_id": "lab-sql-reconcile", "locked": true}
def reconcile(queries: dict, db, dora: pd.DataFrame) -> dict:
    """Largest SQL-versus-pandas difference per metric (dora holds the pandas side), and the teams whose bucket differs."""
    out = {}
    for key, column in [("lead_time", "lead_time_hours"), ("time_to_restore", "time_to_restore_hours"),
                        ("change_failure_rate", "change_failure_rate")]:
        both = run_four_keys(queries, key, db).merge(dora[["team_id", "month", column]], on=["team_id", "month"],
                                                     suffixes=("_sql", "_pandas"))
        out[key] = float((both[f"{column}_sql"] - both[f"{column}_pandas"]).abs().max())
    sql_bucket = run_four_keys(queries, "deployment_frequency", db, start="2026-06-01", end="2026-08-31").set_index("team_id")["bucket"]
    pandas_bucket = frequency_bucket(deployments, services, "2026-06-01", "2026-08-31")
    out["teams_whose_bucket_differs"] = sorted(sql_bucket.index[sql_bucket != pandas_bucket.reindex(sql_bucket.index)])
    return out


try:
    gaps = reconcile(FOUR_KEYS_SQL, week_db, dora)
except (NameError, NotImplementedError, SQLError, TypeError) as exc:
    gaps = None
    print(f"Answer Exercises 1 to 7 first, then run this cell again ({type(exc).__name__}).")
if gaps is not None:
    print(f"Largest difference, SQL minus pandas, over (team, month): lead time {gaps['lead_time'] * 60:.2f} minutes; "
          f"time to restore {gaps['time_to_restore']:.2f} hours; change failure rate {gaps['change_failure_rate']:.3g}. "
          f"Teams whose bucket differs (June to August): {gaps['teams_whose_bucket_differs'] or 'none'}.")

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Placing teams against a published cluster table
#
# Each State of DevOps report groups its respondents into clusters by cluster analysis, and
# describes each cluster by the typical answers of its members. The table changes every year, so
# any classification must **name its year**. This notebook uses the **2019** table (Accelerate State
# of DevOps Report 2019, p. 18), which is also the year Four Keys' buckets follow:
#
# | Metric | Elite | High | Medium | Low |
# |---|---|---|---|---|
# | Deployment frequency | on demand (multiple deploys per day) | once per day – once per week | once per week – once per month | once per month – once every six months |
# | Lead time for changes | less than one day | one day – one week | one week – one month | one month – six months |
# | Time to restore service | less than one hour | less than one day | less than one day | one week – one month |
# | Change failure rate | 0–15% | 0–15% | 0–15% | 46–60% |
#
# The table was written to describe survey clusters, not to sort real teams, so it leaves three
# kinds of open question:
#
# - **bounds**: a range "one day – one week" and the next "one week – one month" both claim exactly
#   one week; "less than one day" does not claim a day (a day is where "one day – one week" starts);
# - **gaps**: nothing covers a restore time between one day and one week, or a change failure rate
#   between 16% and 45%;
# - **ties**: High and Medium share the restore time, and the three upper clusters share the change
#   failure rate, so those metrics cannot tell them apart.
#
# Any use on measured data needs **house rules** that answer these questions, stated up front and
# applied exactly as stated: a rule written one way and coded another is the commonest defect of
# such a classification. A convenient way to state them is a threshold per metric and cluster
# ("lead time below 24 hours meets Elite"); each metric then places a team in the **best** cluster
# whose threshold its value meets (Low when none), and where a value meets no faster cluster
# because of a gap, the threshold you write decides where it goes. This course fixes one rule
# for everyone: the team's class is the **worst** of its four per-metric clusters (speed and
# stability together). Useful conversions: a month is 730 hours (as in Four Keys' buckets), and
# "once per month" is 12 / 52 deployments per week.
#
# A team is "Elite" only on this table, with these rules, for this period: a label to start a
# conversation, not a score.

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (4 points) · Classify teams with the 2019 table, by your house rules
#
# State your house rules as `HOUSE_RULES_2019`: for each metric (`deploys_per_week`,
# `lead_time_hours`, `restore_hours`, `change_failure_rate`), a dict from the cluster names
# `"Elite"`, `"High"` and `"Medium"` to a condition written as an operator and a number, for
# example `"< 24"` or `">= 1"` (operators `<`, `<=`, `>`, `>=`). A value meets a cluster when it
# satisfies that cluster's condition; a metric places a team in the best cluster it meets, else
# in Low. Your rules must agree with the 2019 table wherever the table decides; where it does not
# (Reading 2's bounds, gaps and ties), the choice is yours.
#
# Then write `classify_2019(profile)` where `profile` is a DataFrame indexed by `team_id` with
# those four columns. Return a **Series indexed like `profile`** holding `"Elite"`, `"High"`,
# `"Medium"` or `"Low"`: each team's class by **your** rules, the worst over its metrics. Examples:
# a team deploying 30 times a week with a 2-hour lead time, a 30-minute restore and a 5% failure
# rate is Elite; one deploying once in ten weeks with a 2,000-hour lead time is Low.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
def classify_2019(profile: pd.DataFrame) -> pd.Series:
    """Each team's cluster in the 2019 State of DevOps table, by HOUSE_RULES_2019 (worst over the metrics)."""
    ### BEGIN SOLUTION
    compare = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
    names = np.array(["Elite", "High", "Medium", "Low"])
    worst = np.zeros(len(profile), dtype=int)
    for metric, rules in HOUSE_RULES_2019.items():
        values = profile[metric].to_numpy(dtype=float)
        met = []
        for name in names[:3]:
            op, number = rules[name].split()
            met.append(compare[op](values, float(number)))
        worst = np.maximum(worst, np.select(met, [0, 1, 2], 3))
    return pd.Series(names[worst], index=profile.index)
    ### END SOLUTION


### BEGIN SOLUTION
HOUSE_RULES_2019 = {
    # more than daily is Elite; a team deploying exactly once a week is High ("once per day - once per
    # week" claims it too, and the faster cluster wins a tie); exactly once a month is Medium
    "deploys_per_week": {"Elite": "> 7", "High": ">= 1", "Medium": ">= 0.23076923076923078"},
    # "less than one day" does not claim a day; exactly one week is High, exactly a month Medium
    "lead_time_hours": {"Elite": "< 24", "High": "<= 168", "Medium": "<= 730"},
    # the restore gap between a day and a week goes to Medium, the nearest slower cluster
    "restore_hours": {"Elite": "< 1", "High": "< 24", "Medium": "< 168"},
    # below 46% the failure rate limits nothing; 46% or more is Low
    "change_failure_rate": {"Elite": "< 0.46", "High": "< 0.46", "Medium": "< 0.46"},
}
### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: HOUSE_RULES_2019 has a condition per metric and cluster; classify_2019 labels the two examples."""
import re as _re

from graders import call, check, check_type, passed

_rules = globals().get("HOUSE_RULES_2019")
_metrics = ["deploys_per_week", "lead_time_hours", "restore_hours", "change_failure_rate"]
check(isinstance(_rules, dict), "HOUSE_RULES_2019", "is not stated yet: a dict from each metric to its conditions.")
check(set(_rules) == set(_metrics), "HOUSE_RULES_2019", f"should have exactly the metrics {_metrics}; it has {sorted(_rules)}.")
for _m in _metrics:
    check(isinstance(_rules[_m], dict) and set(_rules[_m]) == {"Elite", "High", "Medium"}, f"HOUSE_RULES_2019[{_m!r}]",
          "should map exactly 'Elite', 'High' and 'Medium' to a condition (Low is what meets none).")
    for _c, _cond in _rules[_m].items():
        check(isinstance(_cond, str) and _re.fullmatch(r"\s*(<=|>=|<|>)\s*[0-9.eE+-]+\s*", _cond) is not None,
              f"HOUSE_RULES_2019[{_m!r}][{_c!r}]", f"should be an operator and a number such as '< 24'; it is {_cond!r}.")
_demo = pd.DataFrame({"deploys_per_week": [30.0, 0.1], "lead_time_hours": [2.0, 2000.0], "restore_hours": [0.5, 300.0],
                      "change_failure_rate": [0.05, 0.5]}, index=pd.Index(["fast-team", "slow-team"], name="team_id"))
_answer = call(classify_2019, _demo.copy(), name="classify_2019")
_name = "classify_2019(the two example teams)"
check_type(_answer, pd.Series, _name)
check(list(_answer.index) == list(_demo.index), _name, "should be indexed like profile, one label per team.")
check(set(_answer.astype(str)) <= {"Elite", "High", "Medium", "Low"}, _name,
      "should hold only 'Elite', 'High', 'Medium' and 'Low'.")
check(str(_answer["fast-team"]) == "Elite" and str(_answer["slow-team"]) == "Low", _name,
      "gives a team that is far inside the Elite row (or the Low row) on every metric another label.",
      "per metric the best cluster whose condition the value meets; then the worst over the metrics.")
passed("classify_2019")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of HOUSE_RULES_2019 and classify_2019 (3 points) run when your notebook is graded:
# your rules against the 2019 table where it decides, and your function against your rules on teams
# placed exactly on and around every bound you state.
from graders import call

_ = call(classify_2019, _demo.copy(), name="classify_2019")
### BEGIN HIDDEN TESTS
import re as _re

from graders.hidden import expect

_rule = ("house rules: per metric the best cluster whose condition the value meets (else Low), the team's class the "
         "worst over the metrics; the rules must place every value the 2019 table decides where the table puts it "
         "(e.g. exactly 24 h of lead time is not 'less than one day'; 7 deploys a week is 'once per day'), and "
         "classify_2019 must give exactly the class its stated rules give, on and around every stated bound.")
_metrics = ["deploys_per_week", "lead_time_hours", "restore_hours", "change_failure_rate"]
_names = ["Elite", "High", "Medium", "Low"]
_ops = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
_higher_better = {"deploys_per_week": True, "lead_time_hours": False, "restore_hours": False, "change_failure_rate": False}


def _parsed(rules):
    """{metric: [(op, number) for Elite, High, Medium]} or a list of the reasons it cannot be read."""
    out, problems = {}, []
    for m in _metrics:
        try:
            conds = [str(rules[m][c]) for c in _names[:3]]
        except Exception:
            problems.append(f"{m}: no condition for each of Elite, High and Medium")
            continue
        pairs = []
        for c, cond in zip(_names, conds):
            hit = _re.fullmatch(r"\s*(<=|>=|<|>)\s*([0-9.eE+-]+)\s*", cond)
            if hit is None:
                problems.append(f"{m}/{c}: {cond!r} is not an operator and a number")
                continue
            op, number = hit.group(1), float(hit.group(2))
            if op.startswith(">") != _higher_better[m]:
                problems.append(f"{m}/{c}: {cond!r} points the wrong way ({'higher' if _higher_better[m] else 'lower'} is better)")
            pairs.append((op, number))
        out[m] = pairs
    return (out if not problems else problems)


def _level(pairs, values):
    values = np.asarray(values, dtype=float)
    return np.select([_ops[op](values, number) for op, number in pairs], [0, 1, 2], 3)


# Values the 2019 table decides, with the clusters it allows there (ties at a shared bound allow both).
_table_2019 = {
    "deploys_per_week": [(30.0, {"Elite"}), (7.0, {"High"}), (3.0, {"High"}), (1.0, {"High", "Medium"}),
                         (0.5, {"Medium"}), (12 / 52, {"Medium", "Low"}), (0.1, {"Low"}), (0.01, {"Low"})],
    "lead_time_hours": [(2.0, {"Elite"}), (23.9, {"Elite"}), (24.0, {"High"}), (100.0, {"High"}),
                        (168.0, {"High", "Medium"}), (400.0, {"Medium"}), (730.0, {"Medium", "Low"}), (2000.0, {"Low"})],
    "restore_hours": [(0.5, {"Elite"}), (1.0, {"High", "Medium"}), (5.0, {"High", "Medium"}), (23.9, {"High", "Medium"}),
                      (168.0, {"Low"}), (300.0, {"Low"})],
    "change_failure_rate": [(0.0, {"Elite"}), (0.05, {"Elite"}), (0.15, {"Elite"}), (0.46, {"Low"}), (0.55, {"Low"})],
}


def _rules_problems(rules):
    parsed = _parsed(rules)
    if isinstance(parsed, list):
        return parsed
    problems = []
    for m, cases in _table_2019.items():
        got = _level(parsed[m], [v for v, _ in cases])
        problems += [f"{m} = {v:g} is {_names[g]} by your rules; the 2019 table puts it in {' or '.join(sorted(ok))}"
                     for (v, ok), g in zip(cases, got) if _names[g] not in ok]
    return problems


def _application_problems(rules, fn):
    parsed = _parsed(rules)
    if isinstance(parsed, list):
        return ["your rules cannot be read, so nothing can be checked against them"]
    base = {"deploys_per_week": 30.0, "lead_time_hours": 2.0, "restore_hours": 0.5, "change_failure_rate": 0.05}
    rows, labels = [], []
    for m in _metrics:  # every stated bound, exactly and one step either side, the other metrics Elite
        for op, number in parsed[m]:
            for v in (np.nextafter(number, -np.inf), number, np.nextafter(number, np.inf)):
                rows.append({**base, m: float(v)})
                labels.append(f"{m}={float(v)!r}")
    rng = np.random.default_rng(8)  # and teams spread over every range
    for k in range(40):
        rows.append({"deploys_per_week": float(np.exp(rng.normal(0, 2))), "lead_time_hours": float(np.exp(rng.normal(4, 2))),
                     "restore_hours": float(np.exp(rng.normal(2, 2))), "change_failure_rate": float(rng.uniform(0, 0.6))})
        labels.append(f"team-{k:02d}")
    profile = pd.DataFrame(rows, index=pd.Index([f"t{k:03d}" for k in range(len(rows))], name="team_id"))
    want = np.maximum.reduce([_level(parsed[m], profile[m]) for m in _metrics])
    got = call(fn, profile.copy(), name="classify_2019")
    try:
        got = pd.Series(got).reindex(profile.index).astype(str).to_numpy()
    except Exception:
        return ["classify_2019 did not return a Series indexed like profile"]
    return [f"{label}: classify_2019 says {g}, your rules say {_names[w]}"
            for label, g, w, values in zip(labels, got, want, rows) if g != _names[w]][:8]


_stated = globals().get("HOUSE_RULES_2019")
expect.value("HOUSE_RULES_2019 against the 2019 table", _rules_problems(_stated), _rule)
expect.value("classify_2019 against your HOUSE_RULES_2019 (teams on and around every bound you state)",
             _application_problems(_stated, classify_2019), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · Where Tidewater's teams fall
#
# The cell below builds each team's profile over the whole history from your monthly results
# (the median over its months) and classifies it. **Figure 2** places every team by its lead time
# and its time to restore, coloured by the class your function gives. *Text description:* a
# scatter plot with one point per team, lead time on a logarithmic horizontal axis and time to
# restore on a logarithmic vertical axis; the points form one continuous cloud rising from the
# lower left (fast on both) to the upper right, coloured by class. The colours need not form clean
# bands in this view: a team's class is the worst of four metrics, and two of them (deployment
# frequency and failure rate) are not on these axes. The cell prints how many teams fall in each
# class.

# %% nbgrader={"grade_id": "lab-3-classes", "locked": true}
try:
    profile = dora.groupby("team_id").agg(deploys_per_week=("deployments_per_week", "median"),
                                          lead_time_hours=("lead_time_hours", "median"),
                                          restore_hours=("time_to_restore_hours", "median"),
                                          change_failure_rate=("change_failure_rate", "median")).dropna()
    classes = classify_2019(profile)
except (NotImplementedError, AttributeError):
    classes = None
    print("Answer Exercises 1, 3 to 6 and 8 first, then run this cell again.")

if classes is not None:
    fig, ax = plt.subplots(figsize=(7, 4.8))
    for colour, name in zip(OKABE_ITO, ["Elite", "High", "Medium", "Low"]):
        part = profile[classes == name]
        ax.scatter(part["lead_time_hours"], part["restore_hours"], color=colour, label=f"{name} ({len(part)})")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_title("Figure 2. Lead time and time to restore per team (2019 classes)")
    ax.set_xlabel("median lead time (hours, log scale)")
    ax.set_ylabel("median time to restore (hours, log scale)")
    ax.legend(title="class")
    plt.show()
    print("Text description (computed): teams per class:", classes.value_counts().reindex(["Elite", "High", "Medium", "Low"]).fillna(0).astype(int).to_dict())

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# A director wants to publish Figure 2 as a league table and give the "Elite" teams a bonus. In
# 120–200 words: **what would you advise, and why?** Use DORA's own guidance on how the metrics
# should be used, name two ways a team could move its own numbers without delivering better
# (think about what each of your functions counts), and say what you would publish instead.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# I would advise against it. DORA's guide says the metrics describe a service and its team, should
# be compared with that team's own past, and must not become targets; the 2019 clusters describe
# survey respondents, and our house rules decide the boundary cases, so a bonus would reward the
# rules as much as the work. Goodhart's law follows quickly: a team can raise deployment frequency
# by splitting one change into many deploys, lower lead time by squashing or re-timestamping
# commits (which also breaks the commit link Four Keys relies on), improve change failure rate by
# not labelling incidents or leaving root causes empty, and shorten time to restore by opening the
# incident late — except that Four Keys starts the clock at the deploy. I would publish each team's
# own monthly trend on a dashboard the team owns, always showing throughput and stability side by
# side, and use it in retrospectives to pick one constraint to improve.

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · SPACE: more than one dimension, at team level
#
# Forsgren, Storey, Maddila, Zimmermann, Houck and Butler (2021) argue that developer productivity
# cannot be captured by one number, and propose five dimensions, **SPACE**:
#
# - **S**atisfaction and well-being — how fulfilled and healthy developers are (satisfaction,
#   burnout);
# - **P**erformance — the outcome of the work (quality, reliability, customer impact);
# - **A**ctivity — counts of actions (commits, pull requests, reviews, deployments);
# - **C**ommunication and collaboration — how people and teams work together (finding
#   documentation, knowing who owns what, review quality);
# - **E**fficiency and flow — doing work with few delays and interruptions (hand-offs, waiting,
#   time to stay in flow).
#
# Their advice: use metrics from **several** dimensions, include at least one **perceptual**
# measure (a survey), and report at the **team** level or above to protect privacy. Activity on its
# own is the dimension most easily gamed: by **Goodhart's law** (in Strathern's 1997 phrasing,
# "when a measure becomes a target, it ceases to be a good measure"), counting commits produces
# more, smaller commits, not more value. Activity is a count of actions, so it comes from system
# data (here `developer_activity`: commits, pull requests, reviews), not from a survey. This week's
# survey has items for the other four dimensions (its item about meetings is communication and
# collaboration: the SPACE paper lists "quality of meetings" there); some are
# **reverse-coded** (agreeing is bad: "I feel burned out"), so their answers are flipped (6 − answer
# on a 1–5 scale) before they are averaged with the others.

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (4 points) · SPACE survey scores per team
#
# Write `space_scores(responses, questions, min_respondents=5)` returning a **DataFrame with the
# columns `team_id`, `wave` and one column per `dimension` in `questions`** (satisfaction,
# performance, communication, efficiency):
#
# 1. the items are `questions["item"]` (columns of `responses`); for a **reverse-coded** item
#    (`questions["reverse_coded"]` is true) use **6 − answer**;
# 2. a team's score on a dimension in a wave is the **mean of all its answers** to that
#    dimension's items in that wave; **skipped answers (empty) are left out**, not counted as 0;
# 3. keep only the (team, wave) pairs with at least `min_respondents` **responses** (rows of
#    `responses`), to protect the privacy of small teams.

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
def space_scores(responses: pd.DataFrame, questions: pd.DataFrame, min_respondents: int = 5) -> pd.DataFrame:
    """Mean survey answer per team, wave and SPACE dimension (reverse-coded items flipped)."""
    ### BEGIN SOLUTION
    info = questions.set_index("item")
    long = responses.melt(id_vars=["team_id", "wave"], value_vars=list(info.index), var_name="item",
                          value_name="answer").dropna(subset=["answer"])
    answer = long["answer"].astype(float)
    long["answer"] = answer.where(~long["item"].map(info["reverse_coded"].astype(bool)), 6 - answer)
    long["dimension"] = long["item"].map(info["dimension"])
    scores = long.pivot_table(index=["team_id", "wave"], columns="dimension", values="answer", aggfunc="mean")
    size = responses.groupby(["team_id", "wave"]).size().reindex(scores.index)
    return scores[size >= min_respondents].reset_index().rename_axis(columns=None)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: space_scores returns team_id, wave and a score from 1 to 5 per dimension."""
from graders import call, check, check_type, passed

_answer = call(space_scores, survey_responses.copy(), survey_questions.copy(), name="space_scores")
_name = "space_scores(survey_responses, survey_questions)"
_dims = sorted(survey_questions["dimension"].unique())
check_type(_answer, pd.DataFrame, _name)
check({"team_id", "wave", *_dims} <= set(_answer.columns), _name,
      f"should have the columns team_id, wave and {_dims}; it has {list(_answer.columns)}.")
check(not _answer.duplicated(["team_id", "wave"]).any(), _name, "has more than one row for some (team, wave).")
check(bool(_answer[_dims].astype(float).stack().between(1, 5).all()), _name,
      "has scores outside 1..5: answers are on a 1-5 scale and a flipped answer is 6 - answer.")
passed("space_scores")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of space_scores (3 points) run when your notebook is graded.
from graders import call

_ = call(space_scores, survey_responses.copy(), survey_questions.copy(), name="space_scores")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_r, _q = _load("survey_responses"), _load("survey_questions")
_rule = ("score = mean of all the team's non-empty answers to the dimension's items in the wave, reverse-coded items "
         "as 6 - answer; only (team, wave) pairs with at least min_respondents responses.")
expect.frame("space_scores", call(space_scores, _r.copy(), _q.copy(), name="space_scores"), _rule,
             what="(team, wave)", key=["team_id", "wave"], check_order=False)
_r2 = _r.copy()
for _k, _col in enumerate(["q01", "q03", "q06", "q08", "q12"]):
    _r2.loc[_r2.index[_k::4], _col] = pd.NA
expect.frame("space_scores(min_respondents=10, on a second data set with more skipped answers)",
             call(space_scores, _r2.copy(), _q.copy(), 10, name="space_scores"), _rule,
             what="(team, wave)", key=["team_id", "wave"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-4-intro", "locked": true}
# ## Lab 4 · A team dashboard: one metric per SPACE dimension
#
# A SPACE dashboard picks one measure per dimension, mixing the survey with system data:
# **S** = the survey's satisfaction score, **P** = change failure rate (a quality outcome),
# **A** = pull requests opened per developer-week, from `activity` (shown, never a target),
# **C** = the survey's communication score, **E** = lead time (the waiting a change goes through). Pick a team in the
# menu: **Figure 3** shows its DORA lines month by month next to its survey scores in March and
# August. *Text description:* on the left, the team's deployments per week and lead time per month
# (two lines); on the right, a grouped bar chart of its four survey scores (1–5) for the two waves;
# the caption under the menu says in words whether each moved up or down, and gives the team's
# pull requests per developer-week.

# %% nbgrader={"grade_id": "lab-4-dashboard", "locked": true}
def team_dashboard(team_id: str) -> tuple[bytes, str]:
    """Figure 3 for one team (PNG bytes) and a sentence describing it, from dora and space."""
    mine = dora[dora["team_id"] == team_id].sort_values("month")
    survey = space[space["team_id"] == team_id].set_index("wave")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8))
    left.plot(mine["month"], mine["deployments_per_week"], color=OKABE_ITO[0], marker="o", label="deployments per week")
    left.plot(mine["month"], mine["lead_time_hours"], color=OKABE_ITO[1], marker="s", label="lead time (hours)")
    left.set_yscale("log")
    left.set_title(f"Figure 3a. Delivery of {team_id}")
    left.set_xlabel("month (UTC)")
    left.set_ylabel("value (count per week or hours, log scale)")
    left.legend(fontsize=8)
    dims = ["satisfaction", "performance", "communication", "efficiency"]  # activity is system data, in the caption
    x = np.arange(len(dims))
    for k, (wave, colour) in enumerate(zip(survey.index, OKABE_ITO[2:])):
        right.bar(x + 0.4 * k, survey.loc[wave, dims].astype(float), width=0.4, color=colour, label=f"survey {wave}")
    right.set_xticks(x + 0.2, dims, rotation=20)
    right.set_ylim(1, 5)
    right.set_title(f"Figure 3b. Survey scores of {team_id}")
    right.set_xlabel("SPACE dimension (survey items grouped)")
    right.set_ylabel("mean answer (1-5 scale)")
    right.legend(fontsize=8)
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    words = [f"{prs_per_dev_week.get(team_id, float('nan')):.1f} pull requests opened per developer-week"]
    if len(mine) >= 2:
        words.append(f"lead time {'fell' if mine['lead_time_hours'].iloc[-1] < mine['lead_time_hours'].iloc[0] else 'rose'} "
                     f"from {mine['lead_time_hours'].iloc[0]:.3g} to {mine['lead_time_hours'].iloc[-1]:.3g} hours")
    if len(survey) == 2:
        change = survey[dims].astype(float).diff().iloc[-1]
        words.append("survey scores up: " + (", ".join(change[change > 0].index) or "none"))
    return png.getvalue(), f"Text description (computed) for {team_id}: " + "; ".join(words or ["too little data"]) + "."


prs_per_dev_week = activity.groupby(activity["developer_id"].map(developers.set_index("developer_id")["team_id"]))["prs_opened"].mean()
try:
    space = space_scores(survey_responses, survey_questions)
except NotImplementedError:
    space = None
if interactive_enabled() and dora is not None and space is not None:  # widgets are for people, not for the grader
    team_picker = widgets.Dropdown(options=sorted(set(dora["team_id"]) & set(space["team_id"])),
                                   description="Team:", style={"description_width": "initial"})
    team_image = widgets.Image(format="png")
    team_text = widgets.Label(description="Description:")

    def _show(team_id):
        team_image.value, team_text.value = team_dashboard(team_id)

    _show(team_picker.value)
    team_picker.observe(lambda change: _show(change["new"]), names="value")
    display(widgets.VBox([team_picker, team_image, team_text]))
elif dora is None or space is None:
    print("Answer Exercises 1, 3 to 6 and 9 first, then run this cell again.")

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · Adoption, feedback, and testing a "10x" claim
#
# A platform is a product (Week 1): it is worth what its users get from it. Three measures are
# common in platform teams' own reporting: **adoption** (the share of work that goes through the
# platform's self-service paths rather than around them), **developer satisfaction** (the survey),
# and **time to first deployment** of a new developer (how fast a newcomer ships to production,
# a measure of onboarding and of the golden path together).
#
# The curriculum sets the goal "measure 10x developer productivity gains". A claim that large
# needs evidence of the same size. A before/after comparison is the minimum: the same teams' lead
# time on the old pipeline and on the golden path. A single ratio of two medians is not enough
# either, because it hides how uncertain it is. The **bootstrap** (Efron, 1979; Efron &
# Tibshirani, 1993) estimates that uncertainty without a formula: draw a new sample **with
# replacement** from each group, of the group's own size; compute the statistic (here, the ratio of
# the two medians) on the resampled groups; repeat a few thousand times; the 2.5th and 97.5th
# percentiles of those ratios form a **95% percentile interval**. If the whole interval lies far
# below 10, the data do not support a tenfold gain, however good the slide looks. Even an interval
# that covers 10 would not prove the platform caused it: teams adopted it on dates of their own
# choosing, and other things changed at the same time.

# %% [markdown] nbgrader={"grade_id": "lab-5-intro", "locked": true}
# ## Lab 5 · Adoption of the golden path
#
# `deployments["pipeline"]` says whether a deployment ran on the platform's **golden path** or on
# a team's **legacy** pipeline; a team switches once, on a date of its own. **Figure 4** shows the
# share of successful deployments on the golden path, month by month. *Text description:* a line
# rising from near zero in March to well over half by August; the cell prints the share in the
# first and last months and the number of teams that have switched.

# %% nbgrader={"grade_id": "lab-5-adoption", "locked": true}
ok = deployments[deployments["status"] == "success"]
adoption = ok.groupby(ok["deployed_at"].dt.strftime("%Y-%m"))["pipeline"].apply(lambda p: (p == "golden-path").mean())
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(adoption.index, adoption.to_numpy(), color=OKABE_ITO[2], marker="o")
ax.set_ylim(0, 1)
ax.set_title("Figure 4. Share of successful deployments on the golden path")
ax.set_xlabel("month (UTC)")
ax.set_ylabel("share of deployments (fraction)")
plt.show()
switched = ok.loc[ok["pipeline"] == "golden-path", "service_id"].map(team_of).nunique()
print(f"Text description (computed): the golden-path share went from {adoption.iloc[0]:.0%} in {adoption.index[0]} "
      f"to {adoption.iloc[-1]:.0%} in {adoption.index[-1]}; {switched} of {services['team_id'].nunique()} teams have switched.")

# %% [markdown] nbgrader={"grade_id": "ex-10-intro", "locked": true}
# ### Exercise 10 (3 points) · Time to first deployment of new developers
#
# Write `first_deployment_days(developers, commits, deployments, since)` returning a **Series
# indexed by `developer_id`**: for every developer whose `start_date` is on or after `since` (a date
# as text, `"2026-03-02"`), the number of **days** (a float) from their `start_date` (midnight UTC)
# to the **first successful deployment that shipped a commit they authored**. Developers with no
# such deployment yet are left out. (`start_date` has no time zone: `dt.tz_localize("UTC")`.)

# %% nbgrader={"grade": false, "grade_id": "ex-10-answer", "locked": false, "solution": true}
def first_deployment_days(developers: pd.DataFrame, commits: pd.DataFrame, deployments: pd.DataFrame,
                          since: str) -> pd.Series:
    """Days from a new developer's start to the first successful deployment of their own commit."""
    ### BEGIN SOLUTION
    new = developers[developers["start_date"] >= pd.Timestamp(since)]
    ok = deployments.loc[deployments["status"] == "success", ["deployed_at", "changes"]]
    shipped = ok.assign(sha=ok.pop("changes").str.split()).explode("sha").dropna(subset=["sha"])
    first = shipped.merge(commits[["sha", "author"]], on="sha").groupby("author")["deployed_at"].min()
    start = new.set_index("developer_id")["start_date"].dt.tz_localize("UTC")
    return ((first.reindex(start.index) - start).dt.total_seconds() / 86400).dropna()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-10-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: first_deployment_days returns a non-negative number of days per new developer."""
from graders import call, check, check_type, passed

_answer = call(first_deployment_days, developers.copy(), commits.copy(), deployments.copy(), "2026-03-02",
               name="first_deployment_days")
_name = "first_deployment_days(developers, commits, deployments, '2026-03-02')"
_new = set(developers.loc[developers["start_date"] >= pd.Timestamp("2026-03-02"), "developer_id"])
check_type(_answer, pd.Series, _name)
check(_answer.index.is_unique and set(_answer.index) <= _new and len(_answer) > 0, _name,
      "should be indexed by developer_id, one entry per developer who started on or after since.")
check(bool((_answer.astype(float) >= 0).all()), _name, "has negative values: the first deployment cannot precede the start.")
passed("first_deployment_days")

# %% nbgrader={"grade": true, "grade_id": "ex-10-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of first_deployment_days (2 points) run when your notebook is graded.
from graders import call

_ = call(first_deployment_days, developers.copy(), commits.copy(), deployments.copy(), "2026-03-02", name="first_deployment_days")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_dv, _c, _d = _load("developers"), _load("commits"), _load("deployments")
_rule = ("days from start_date (midnight UTC) to the first successful deployment whose changes include a commit the "
         "developer authored, for developers who started on or after since; developers with none are left out.")
expect.series("first_deployment_days", call(first_deployment_days, _dv.copy(), _c.copy(), _d.copy(), "2026-03-02",
                                            name="first_deployment_days"), _rule, what="developer")
_tries = _d[_d["status"] == "success"].assign(status="failure", deployed_at=lambda f: f["deployed_at"] - pd.Timedelta(days=2),
                                              deployment_id=lambda f: f["deployment_id"] + "-try1")
expect.series("first_deployment_days (since '2026-05-01', with a failed attempt two days before every deployment)",
              call(first_deployment_days, _dv.copy(), _c.copy(), pd.concat([_d, _tries], ignore_index=True), "2026-05-01",
                   name="first_deployment_days"), _rule, what="developer")
del _dv, _c, _d, _tries
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-11-intro", "locked": true}
# ### Exercise 11 (4 points) · A bootstrap interval for a speed-up
#
# Write `bootstrap_ratio(before, after, n_boot=2000, seed=0, level=0.95)` where `before` and
# `after` are arrays (or Series) of lead times in hours. Return a **dict** with three floats:
#
# - `"ratio"`: median(before) / median(after) — how many times faster the "after" changes are;
# - `"low"` and `"high"`: the **percentile bootstrap interval** at `level`: with
#   `rng = np.random.default_rng(seed)`, draw `n_boot` resamples of `before` and `n_boot` resamples
#   of `after`, each **with replacement and of its own group's size**; for each pair compute the
#   ratio of medians; `low` and `high` are the `(1 - level) / 2` and `(1 + level) / 2` quantiles of
#   those `n_boot` ratios (`np.quantile`).
#
# Vectorise: `rng.choice(x, size=(n_boot, len(x)))` draws all resamples at once and
# `np.median(..., axis=1)` takes their medians. (Your interval will not match anyone else's to the
# last digit — it depends on the random draws — but with 2,000 resamples it is within a few percent.)

# %% nbgrader={"grade": false, "grade_id": "ex-11-answer", "locked": false, "solution": true}
def bootstrap_ratio(before, after, n_boot: int = 2000, seed: int = 0, level: float = 0.95) -> dict:
    """Ratio of medians before/after with a percentile bootstrap interval."""
    ### BEGIN SOLUTION
    b, a = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    rng = np.random.default_rng(seed)
    ratios = np.median(rng.choice(b, size=(n_boot, len(b))), axis=1) / np.median(rng.choice(a, size=(n_boot, len(a))), axis=1)
    low, high = np.quantile(ratios, [(1 - level) / 2, (1 + level) / 2])
    return {"ratio": float(np.median(b) / np.median(a)), "low": float(low), "high": float(high)}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-11-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: bootstrap_ratio returns ratio, low and high with low <= ratio <= high."""
from graders import call, check, check_type, passed

_toy_before, _toy_after = np.array([10.0, 12, 9, 30, 14, 11, 13, 8, 50, 12]), np.array([5.0, 6, 4, 7, 5, 20, 6, 5, 4, 6])
_answer = call(bootstrap_ratio, _toy_before, _toy_after, name="bootstrap_ratio")
_name = "bootstrap_ratio(toy before, toy after)"
check_type(_answer, dict, _name)
check({"ratio", "low", "high"} <= set(_answer), _name, f"should have the keys 'ratio', 'low' and 'high'; it has {sorted(_answer)}.")
check(float(_answer["low"]) <= float(_answer["ratio"]) <= float(_answer["high"]), _name,
      "should have low <= ratio <= high (here the point estimate lies inside its interval).")
check(float(_answer["ratio"]) > 1, _name, "says the 'after' times are slower, but they are about half the 'before' times.",
      hint="ratio = median(before) / median(after).")
passed("bootstrap_ratio")

# %% nbgrader={"grade": true, "grade_id": "ex-11-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of bootstrap_ratio (3 points) run when your notebook is graded:
# the ratio exactly, the interval within a few percent.
from graders import call

_ = call(bootstrap_ratio, _toy_before, _toy_after, name="bootstrap_ratio")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("ratio = median(before) / median(after); low/high = the (1-level)/2 and (1+level)/2 quantiles of the ratio of "
         "medians over n_boot resamples, each group resampled with replacement at its own size.")
def _parts(result, label, rtol):
    try:
        ratio, low, high = (result[k] for k in ("ratio", "low", "high"))
    except Exception:
        ratio = low = high = result
    expect.number(f"{label}['ratio']", ratio, _rule, rtol=1e-9)
    expect.number(f"{label}['low']", low, _rule, rtol=rtol)
    expect.number(f"{label}['high']", high, _rule, rtol=rtol)
_rng = np.random.default_rng(81)
_b, _a = np.exp(_rng.normal(3.0, 1.0, 400)), np.exp(_rng.normal(2.3, 1.4, 300))
_parts(call(bootstrap_ratio, _b, _a, 4000, 1, name="bootstrap_ratio"), "bootstrap_ratio(400 and 300 lead times)", 0.04)
_parts(call(bootstrap_ratio, _b, _a, 4000, 2, 0.8, name="bootstrap_ratio"), "bootstrap_ratio(..., level=0.8)", 0.04)
_ = _parts(call(bootstrap_ratio, _b[:300] * 10, _a[:200], 4000, 3, 0.9, name="bootstrap_ratio"),
       "bootstrap_ratio(a tenfold larger 'before', level=0.9)", 0.05)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-6-intro", "locked": true}
# ## Lab 6 · Testing the "10x" claim
#
# The cell below takes the teams that have switched pipelines and compares the lead times of
# their changes on the legacy pipeline in the six weeks before each team's switch (before) with
# those on the golden path in the six weeks after it (after), using your `bootstrap_ratio`. **Figure 5** shows the bootstrap distribution of the speed-up with its 95%
# interval and the claimed factor of 10. *Text description:* a histogram of the resampled
# speed-up ratios, a shaded band for the 95% interval, and a dashed vertical line at 10; the cell
# prints the estimate and its interval, and whether 10 lies inside it.

# %% nbgrader={"grade_id": "lab-6-claim", "locked": true}
ship = ok[["service_id", "pipeline", "deployed_at"]].assign(sha=ok["changes"].str.split()).explode("sha").dropna(subset=["sha"]).merge(
    commits[["sha", "committed_at"]], on="sha")
ship["hours"] = (ship["deployed_at"] - ship["committed_at"]).dt.total_seconds() / 3600
ship = ship[ship["hours"] > 0].assign(team_id=lambda f: f["service_id"].map(team_of))
both = ship.groupby("team_id")["pipeline"].nunique().loc[lambda n: n == 2].index
switch = ship[ship["pipeline"] == "golden-path"].groupby("team_id")["deployed_at"].min()
ship = ship[ship["team_id"].isin(both)]
# six weeks either side of each team's own switch: the same teams, close in time
offset = ship["deployed_at"] - ship["team_id"].map(switch)
ship = ship[offset.abs() <= pd.Timedelta(weeks=6)]
before_hours = ship.loc[ship["pipeline"] == "legacy", "hours"].to_numpy()
after_hours = ship.loc[ship["pipeline"] == "golden-path", "hours"].to_numpy()
# At most 5,000 lead times per side (a seeded sample where there are more, as in an organisation ten
# times Tidewater's size): the interval hardly narrows beyond that, and the resamples stay small.
_cap = np.random.default_rng(7)
before_hours, after_hours = (x if len(x) <= 5000 else _cap.choice(x, 5000, replace=False)
                             for x in (before_hours, after_hours))
try:
    claim = bootstrap_ratio(before_hours, after_hours)
except NotImplementedError:
    claim = None
    print("Answer Exercise 11 first, then run this cell again.")
if claim is not None:
    rng = np.random.default_rng(0)
    draws = (np.median(rng.choice(before_hours, (1000, len(before_hours))), axis=1)
             / np.median(rng.choice(after_hours, (1000, len(after_hours))), axis=1))
    fig, ax = plt.subplots(figsize=(8, 3.6))
    ax.hist(draws, bins=40, color=OKABE_ITO[0])
    ax.axvspan(claim["low"], claim["high"], color=OKABE_ITO[4], alpha=0.3, label="95% interval")
    ax.axvline(10, color=OKABE_ITO[3], linestyle="--", label="claimed 10x")
    ax.set_xscale("log")
    ax.set_title(f"Figure 5. Lead-time speed-up on the golden path ({len(both)} teams that switched)")
    ax.set_xlabel("speed-up: median legacy / median golden-path lead time (ratio, log scale)")
    ax.set_ylabel("bootstrap resamples (count)")
    ax.legend()
    plt.show()
    inside = claim["low"] <= 10 <= claim["high"]
    print(f"Text description (computed): speed-up {claim['ratio']:.2f}x, 95% interval {claim['low']:.2f}x to "
          f"{claim['high']:.2f}x; 10x is {'inside' if inside else 'outside'} the interval.")

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# In 100–150 words: **what does Lab 6 let you say to the directors about "10x developer
# productivity"?** Say what the interval supports, why lead time alone is not "developer
# productivity" (use SPACE), and what study you would need before you believed a causal claim of
# any size.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# The data support a real but modest speed-up: in the six weeks around each team's switch, changes
# on the golden path reached production about 1.3 times faster, and the whole 95% interval lies far
# below 10, so a tenfold claim is
# not supported. Lead time is one efficiency measure; SPACE asks for satisfaction, performance
# (change failure rate did not get worse), communication and activity too, and the survey moved on
# only some of them. The comparison is also not causal: teams chose when to switch, fast teams may
# have switched first, and other improvements happened in the same months. To believe a causal
# claim I would want a staggered rollout with a comparison group (teams not yet switched over the
# same weeks), per-team before/after differences, and the same measures defined before the
# rollout, not chosen after it.

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
# | 1 · deployments per week | 3 | 2 |
# | 2 · frequency bucket | 3 | 2 |
# | 3 · lead time | 4 | 3 |
# | 4 · change failure rate | 4 | 3 |
# | 5 · time to restore | 4 | 3 |
# | 6 · rework rate | 3 | 2 |
# | 8 · 2019 classes | 4 | 3 |
# | 9 · SPACE survey scores | 4 | 3 |
# | 10 · time to first deployment | 3 | 2 |
# | 11 · bootstrap interval | 4 | 3 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - DORA's five delivery metrics — lead time, deployment frequency, recovery time, change failure
#   rate, rework rate — are measured per service or team, as medians and rates, over time.
# - Four Keys fixes the semantics: successful deployments only; lead time per (deployment, commit)
#   pair, non-positive values ignored; incidents labelled `Incident`, their clock starting at the
#   earlier of the report and the bad deployment; rollbacks count as deployments but drop out of
#   the change-failure denominator; count **distinct** failed deployments.
# - A cluster table has a **year** and needs **house rules** at its gaps and ties.
# - SPACE: several dimensions, at least one from a survey, reported per team; activity counts are
#   the easiest to game (Goodhart).
# - Adoption, satisfaction and time to first deployment tell whether the platform is used and
#   useful; a productivity claim needs an **interval**, and a causal claim a **design**.
#
# **Next:** the capstone — a platform scorecard, three built pieces of the enterprise platform (its
# Backstage catalog, admission policies and SLO alert rules) and a design for 1000+ developers.
#
# ## References
#
# - DORA (2019). *Accelerate State of DevOps Report 2019* (p. 18, performance clusters).
#   https://dora.dev/research/2019/dora-report/
# - DORA (2026). *DORA's software delivery performance metrics* (guide).
#   https://dora.dev/guides/dora-metrics/ — and *A history of DORA's software delivery metrics*,
#   https://dora.dev/insights/dora-metrics-history/
# - dora-team (2020–2024). *Four Keys* (METRICS.md and queries/). https://github.com/dora-team/fourkeys
# - Efron, B. (1979). Bootstrap methods: another look at the jackknife. *Annals of Statistics*, 7(1), 1–26.
# - Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap.* Chapman & Hall.
# - Forsgren, N., Storey, M.-A., Maddila, C., Zimmermann, T., Houck, B., & Butler, J. (2021). The
#   SPACE of developer productivity. *ACM Queue*, 19(1). https://queue.acm.org/detail.cfm?id=3454124
# - Forsgren, N., Humble, J., & Kim, G. (2018). *Accelerate: The Science of Lean Software and DevOps.*
#   IT Revolution.
# - Strathern, M. (1997). 'Improving ratings': audit in the British University system. *European
#   Review*, 5(3), 305–321.
