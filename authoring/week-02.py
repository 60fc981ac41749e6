# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 2 · Developer Workflow Design
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# Last week you found where developers lose their time. This week you follow the people who lose
# the most: **new hires**. A new developer who waits a week for accounts and cannot find the page
# that explains the build is learning one thing — that the organisation is slow. The platform team
# has three questions for you: **how long does onboarding take, and did the new golden-path
# onboarding shorten it? How much of the help the platform team gives could developers get for
# themselves? And can they find the answer in the documentation fast enough?**
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
# 1. Treat **onboarding as a value stream**: measure the time from a new hire's first day to each
#    milestone, compare cohorts with **medians**, and name the bottleneck stage.
# 2. Explain **self-service** and **progressive disclosure**, and estimate how much of the support
#    load documentation could absorb, against the course target of 90% of tasks done without help.
# 3. Describe **docs as code** and the **Diátaxis** types of documentation, and spot stale pages.
# 4. Build a small **TF-IDF search** over the documentation and evaluate it with **hit rate@k**, a
#    measurable stand-in for "developers find answers in under 30 seconds".
# 5. Design a **developer-friendly CLI** with `argparse`: a short default path, help that
#    explains, subcommands, exit codes and errors that say how to fix the input.
# 6. Write **configuration the platform reads** (`service.yaml`, an onboarding checklist) in YAML
#    that its **JSON Schema** accepts.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads this week's data from the course's `data/` folder and applies the
# course's colour-blind-safe figure style. `journeys` has one row per new hire with the time each
# onboarding milestone was reached; `docs` is the internal documentation, one row per page;
# `questions` holds real questions from the help channel with the pages that answer them;
# `tickets` are requests for help sent to the platform team. Every column is documented in
# `data/README.md`.

# %% nbgrader={"grade_id": "setup", "locked": true}
import io
import re
import sys

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import yaml
from IPython.display import display

from workbook import interactive_enabled, load, use_course_style
from workbook.data import load_docs
from workbook.style import ACTIVE, HIGHLIGHT, WAITING

use_course_style()
journeys = load("onboarding_journeys")  # one row per new hire
docs = load_docs()                      # one row per documentation page
questions = load("doc_questions")       # questions with the pages that answer them
tickets = load("support_tickets")       # requests for help to the platform team

# The onboarding milestones, in the order a new hire reaches them.
MILESTONES = ["laptop_ready_at", "accounts_ready_at", "repository_access_at",
              "first_build_at", "first_pull_request_at", "first_deploy_at"]
print(f"{len(journeys)} new hires, {len(docs)} documentation pages, {len(questions)} questions, "
      f"{len(tickets)} support tickets")
journeys.head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · Onboarding is a value stream
#
# Lean thinking, which you met last week, follows one unit of work from request to result and asks
# where it waits. Poppendieck and Poppendieck (2003) carried the idea into software: the waste to
# remove first is the time work sits in queues — waiting for approvals, hand-offs and missing
# information. **Onboarding** is a value stream too. The unit of work is a new developer, and the
# result is a developer who can change production safely. In between lie milestones: a working
# laptop, accounts, access to the code, a first build, a first pull request, a first deploy.
#
# Research on newcomers says the early weeks decide a lot. Bauer (2010) summarises decades of
# organisational studies: structured onboarding (clear steps, a named buddy, early small wins)
# makes people effective sooner and more likely to stay. In software, Steinmacher, Graciotto Silva,
# Gerosa and Redmiles (2015) reviewed twenty studies of newcomers to open-source projects and grouped
# the barriers that make them give up into five categories: social interaction, previous knowledge,
# finding a way to start, documentation, and technical hurdles. Ju, Sajnani, Kelly and
# Herzig (2021) studied onboarding in software teams at Microsoft and describe the same kinds of
# obstacles inside a company: the first tasks new hires get and the help around them. **Time to first pull request** and **time to first deploy** are
# therefore good onboarding measures: they capture every obstacle on the way.
#
# Two habits of measurement matter this week:
#
# - Durations of human processes are **skewed**: most people finish in a few days, a few wait for
#   weeks (a lost laptop, a stuck approval). A handful of extreme values pull the **mean** a long
#   way; the **median** (the middle person) describes a typical new hire and is stable. Compare
#   cohorts with medians, and look at the slow tail separately.
# - Per stage, use the **median of the stage durations**, not the difference between the medians
#   of the milestones: the median of a difference is not the difference of the medians.
#
# The course target for this part comes from the curriculum: **onboarding from days to hours** —
# a new developer builds and ships within hours of arriving, not after a week.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · How long does onboarding take?
#
# Each row of `journeys` is a new hire: their team, role, first working day (`start_date`, always
# a weekday) and the time (UTC) each milestone in `MILESTONES` was reached.
#
# **What the hours count.** This week's hours are **elapsed clock hours from midnight UTC** of the
# first day: nights and weekends count, and for a team in another time zone (`teams.time_zone`)
# the local working day starts a few hours before or after that midnight. That is the wait a new
# hire experiences, but nobody works 24 hours a day: a new hire whose first deploy comes at hour
# 30 shipped on their second working day. So in this notebook, *hours, not days* means a first
# deploy within the first one or two working days, not within a few clock hours. Explore it: how many people joined each
# month? Which teams hired most? Do all new hires have a buddy?

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
print("new hires per start month:")
print(journeys["start_date"].dt.to_period("M").value_counts().sort_index().to_string())
journeys[["developer_id", "team_id", "role", "start_date", "first_deploy_at"]].sample(5, random_state=1)

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · Hours from the first day to each milestone
#
# Write `milestone_hours(journeys)` returning a **DataFrame indexed by `developer_id`** with one
# column per milestone (the names in `MILESTONES`). Each value is the time in **hours** from the
# start of the new hire's first day (midnight UTC of `start_date`) to the moment the milestone was
# reached. Use whole-column operations, not a loop over rows.
#
# *Hint:* `start_date` is a date without a time zone, while the milestones are in UTC; pandas
# will not subtract one from the other until you say that the first day starts at midnight UTC
# (`.dt.tz_localize("UTC")`). Dividing a difference of times by `pd.Timedelta(hours=1)` gives hours.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def milestone_hours(journeys: pd.DataFrame) -> pd.DataFrame:
    """Hours from midnight UTC of each hire's start_date to each milestone; index developer_id."""
    ### BEGIN SOLUTION
    start = journeys["start_date"].dt.tz_localize("UTC")
    hours = journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(hours=1)
    return hours.set_index(journeys["developer_id"])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: milestone_hours has one row per hire, one column per milestone, in order."""
from graders import call, check, check_type, passed

_answer = call(milestone_hours, journeys.copy(), name="milestone_hours")
_name = "milestone_hours(journeys)"
check_type(_answer, pd.DataFrame, _name)
check(set(_answer.index) == set(journeys["developer_id"]) and len(_answer) == len(journeys), _name,
      "should have one row per new hire, indexed by developer_id.",
      hint="set the index with .set_index(journeys['developer_id']).")
check(all(c in _answer.columns for c in MILESTONES), _name, f"should have the columns {MILESTONES}.")
_values = _answer[MILESTONES].astype(float).to_numpy()
check(bool((_values > 0).all()), _name, "has values that are not positive: every milestone comes after the first day starts.")
check(bool((np.diff(_values, axis=1) >= 0).all()), _name,
      "has a milestone reached before the one that precedes it in MILESTONES.")
passed("milestone_hours")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of milestone_hours (2 points) run when your notebook is graded:
# they compare your values on this week's data and on other data.
from graders import call

_ = call(milestone_hours, journeys.copy(), name="milestone_hours")
### BEGIN HIDDEN TESTS
from graders import call, check_type
from graders.hidden import expect
from workbook import load as _load

_j = _load("onboarding_journeys")
_rule = "hours from midnight UTC of start_date to each milestone: (milestone - start) / 1 hour, one row per developer_id."
def check_answer(j, name):
    got = call(milestone_hours, j.copy(), name="milestone_hours")
    check_type(got, pd.DataFrame, name)
    expect.frame(name, got.rename_axis("developer_id").reset_index(), _rule, key=["developer_id"], check_order=False)
# (Compared on hires whose milestones fall within four days: the values stay below 100 hours.)
check_answer(_j[_j["start_date"] >= pd.Timestamp("2026-06-01")], "milestone_hours (hires since June 2026)")
_k = _j.iloc[::3].copy()
_start = _k["start_date"].dt.tz_localize("UTC")
_wrapped = (_k[MILESTONES].sub(_start, axis=0) / pd.Timedelta(hours=1)) % 95 + np.arange(len(_k))[:, None] % 3
_k[MILESTONES] = _wrapped.apply(lambda col: _start + pd.to_timedelta(col, unit="h"))
_k["start_date"] = _k["start_date"] - pd.to_timedelta(np.arange(len(_k)) % 2, unit="D")
check_answer(_k, "milestone_hours (on a second data set)")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-1-caption", "locked": true}
# **Figure 1** (below) plots, for every new hire, the days from their first day to their first
# deploy against their start date. *Text description:* a scatter of points; until the end of May
# 2026 new hires need between about six and thirteen days to their first deploy, and from June
# 2026 on between one and four days. A dashed vertical line marks 1 June 2026.

# %% nbgrader={"grade_id": "figure-1", "locked": true}
GOLDEN_PATH_LAUNCH = pd.Timestamp("2026-06-01")
_first_deploy_days = (journeys["first_deploy_at"] - journeys["start_date"].dt.tz_localize("UTC")) / pd.Timedelta(days=1)
fig, ax = plt.subplots(figsize=(8, 4))
ax.scatter(journeys["start_date"], _first_deploy_days, color=ACTIVE, s=25)
ax.axvline(GOLDEN_PATH_LAUNCH, color=HIGHLIGHT, linestyle="--", label="golden-path onboarding live")
ax.set_title("Figure 1. Days from first day to first deploy, per new hire")
ax.set_xlabel("start date")
ax.set_ylabel("time to first deploy (days)")
ax.legend(loc="upper right")
plt.show()

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · Before and after the golden path
#
# Figure 1 shows a change point: something happened at the start of June 2026. The platform
# team's changelog confirms it. The **golden-path onboarding** went live for everyone starting on
# or after **1 June 2026** (`GOLDEN_PATH_LAUNCH`): laptops pre-imaged with dev containers, one
# access portal that approves read roles automatically, and a labelled starter task in every
# team's board. A fair comparison splits new hires into two **cohorts** by their start date.

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (3 points) · Median hours per milestone, before and after the launch
#
# Write `before_after(journeys, launch)` returning a **DataFrame indexed by milestone** (the names
# in `MILESTONES`, in that order) with two columns, `"before"` and `"after"`: for each milestone,
# the hours from the first day to it (as in Exercise 1) of the **typical new hire** of the cohort
# that started before the golden path went live, and of the cohort that started with it (Lab 2).
# `launch` is the date it went live, a `pd.Timestamp`. Choose the summary Reading 1 argues for.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def before_after(journeys: pd.DataFrame, launch: pd.Timestamp) -> pd.DataFrame:
    """Hours to each milestone of the typical new hire, in the cohorts before and after launch."""
    ### BEGIN SOLUTION
    hours = milestone_hours(journeys)
    cohort = np.where(journeys["start_date"].to_numpy() >= launch.to_datetime64(), "after", "before")
    return hours.groupby(cohort).median().T[["before", "after"]]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: before_after has a row per milestone and the columns before and after."""
from graders import call, check, check_type, passed

_answer = call(before_after, journeys.copy(), GOLDEN_PATH_LAUNCH, name="before_after")
_name = "before_after(journeys, GOLDEN_PATH_LAUNCH)"
check_type(_answer, pd.DataFrame, _name, hint="one row per milestone, one column per cohort.")
check(list(_answer.index) == MILESTONES, _name, "should be indexed by the milestones, in the order of MILESTONES.")
check(all(c in _answer.columns for c in ["before", "after"]), _name,
      f"should have the columns 'before' and 'after'; it has {list(_answer.columns)}.")
check(bool((_answer["after"].astype(float) < _answer["before"].astype(float)).all()), _name,
      "should show the golden path making every milestone faster; yours does not.",
      "the cohorts are split by start date at the launch (Lab 2).")
passed("before_after")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of before_after (2 points) run when your notebook is graded:
# with this week's launch date, with another date, and on other data.
from graders import call

_ = call(before_after, journeys.copy(), GOLDEN_PATH_LAUNCH, name="before_after")
### BEGIN HIDDEN TESTS
from graders import call, check_type
from graders.hidden import expect
from workbook import load as _load

_j = _load("onboarding_journeys")
_rule = ("the typical hire of a cohort is its median (durations are skewed: Reading 1), not its mean; the golden path "
         "is live for everyone starting on or after the launch date, so a hire who starts that day is 'after'.")
def check_answer(j, launch, name):
    got = call(before_after, j.copy(), launch, name="before_after")
    check_type(got, pd.DataFrame, name)
    expect.frame(name, got.rename_axis("milestone").reset_index(), _rule, key=["milestone"])
check_answer(_j, pd.Timestamp("2026-06-01"), "before_after(journeys, 2026-06-01)")
_other = _j["start_date"].sort_values().iloc[30]
check_answer(_j, _other, f"before_after(journeys, {_other.date()})")
_k = _j.iloc[1::2].copy()
_k[MILESTONES] = _k[MILESTONES].add(pd.Series(pd.to_timedelta(np.arange(len(_k)) % 5 * 3, unit="h"), index=_k.index), axis=0)
check_answer(_k, pd.Timestamp("2026-04-01"), "before_after (on a second data set, launch 2026-04-01)")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-compare", "locked": true}
# Your medians, in days, side by side (this cell uses your `before_after`). How close is the new
# onboarding to the target of *hours, not days*? Compare the medians with the means in the second
# table: which cohort's mean is pulled furthest from its median, and by which slow new hires?

# %% nbgrader={"grade_id": "lab-2-table", "locked": true}
display((before_after(journeys, GOLDEN_PATH_LAUNCH) / 24).round(1).rename(columns=lambda c: f"{c} (median days)"))
_cohort = np.where(journeys["start_date"] >= GOLDEN_PATH_LAUNCH, "after", "before")
(milestone_hours(journeys).groupby(_cohort).mean().T[["before", "after"]] / 24).round(1).rename(columns=lambda c: f"{c} (mean days)")

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (3 points) · Time spent in each stage: where is the bottleneck?
#
# A **stage** is the stretch of the value stream that ends with a milestone. Write
# `stage_medians(journeys)` returning a **Series indexed by milestone** (in the order of
# `MILESTONES`): for each milestone, the hours a **typical new hire** spends in the stage that ends
# with it, measured as in Exercise 1 and summarised as Reading 1 recommends. The stage with the
# largest value is the bottleneck.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def stage_medians(journeys: pd.DataFrame) -> pd.Series:
    """Typical hours a new hire spends in the stage ending with each milestone."""
    ### BEGIN SOLUTION
    hours = milestone_hours(journeys)
    stages = hours.diff(axis=1)
    stages[MILESTONES[0]] = hours[MILESTONES[0]]
    return stages[MILESTONES].median()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: stage_medians returns one positive number per milestone, in order."""
from graders import call, check, check_type, passed

_answer = call(stage_medians, journeys.copy(), name="stage_medians")
_name = "stage_medians(journeys)"
check_type(_answer, pd.Series, _name)
check(list(_answer.index) == MILESTONES, _name, f"should be indexed by the milestones, in order; it has {list(_answer.index)}.",
      "every milestone ends a stage, the first one too.")
check(bool((_answer.astype(float) > 0).all()), _name, "has values that are not positive.")
passed("stage_medians")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of stage_medians (2 points) run when your notebook is graded.
from graders import call

_ = call(stage_medians, journeys.copy(), name="stage_medians")
### BEGIN HIDDEN TESTS
from graders import call
from graders.hidden import expect
from workbook import load as _load

_j = _load("onboarding_journeys")
_rule = ("a stage is measured per hire (this milestone - the previous one; the first stage starts when the first "
         "day starts, midnight UTC of start_date), then summarised by the median over hires: the median of the "
         "differences, not the difference of the milestones' medians (Reading 1).")
expect.series("stage_medians", call(stage_medians, _j.copy(), name="stage_medians"), _rule, what="milestone")
_k = _j.iloc[::2].copy()
_late = pd.Series(pd.to_timedelta(np.arange(len(_k)) % 5 * 13, unit="h"), index=_k.index)
_k[MILESTONES[2:]] = _k[MILESTONES[2:]].add(_late, axis=0)
expect.series("stage_medians (on a second data set)", call(stage_medians, _k.copy(), name="stage_medians"),
              _rule, what="milestone")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-2-caption", "locked": true}
# **Figure 2** (below) compares the median hours per stage before and after the launch, with the
# stages from top (first) to bottom (last). The cell computes the stages itself, so it runs
# whatever your answers. *Text description:* paired horizontal bars per stage, blue for new hires
# who started before the launch and orange for those after; every orange bar is shorter; before
# the launch the longest stages are waiting for accounts and for the first deploy, after it the
# first pull request takes longest.

# %% nbgrader={"grade_id": "figure-2", "locked": true}
def stage_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Hours each hire spends in each stage (lab helper, independent of your answers)."""
    hours = frame[MILESTONES].sub(frame["start_date"].dt.tz_localize("UTC"), axis=0) / pd.Timedelta(hours=1)
    return hours.diff(axis=1).fillna(hours)


STAGE_LABELS = [m.removesuffix("_at").replace("_", " ") for m in MILESTONES]
_after = journeys["start_date"] >= GOLDEN_PATH_LAUNCH
_by_cohort = pd.DataFrame({"before": stage_table(journeys[~_after]).median(),
                           "after": stage_table(journeys[_after]).median()})
_y = np.arange(len(MILESTONES))
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.barh(_y - 0.2, _by_cohort["before"], height=0.4, color=ACTIVE, label="started before 1 June 2026")
ax.barh(_y + 0.2, _by_cohort["after"], height=0.4, color=WAITING, label="started on or after 1 June 2026")
ax.set_yticks(_y, STAGE_LABELS)
ax.invert_yaxis()
ax.set_title("Figure 2. Median time in each onboarding stage, before and after the golden path")
ax.set_xlabel("median time in stage (hours)")
ax.set_ylabel("stage (ends at milestone)")
ax.legend(loc="lower right")
plt.show()

# %% [markdown] nbgrader={"grade_id": "figure-3-caption", "locked": true}
# **Figure 3** (below) is interactive: pick a start month in the menu to see the median hours per
# stage for the new hires who started that month. *Text description:* one horizontal bar per
# stage; for the months before June 2026 the bars for accounts and for the first deploy are
# longest, and from June 2026 all bars are short, the first pull request now the longest.

# %% nbgrader={"grade_id": "figure-3", "locked": true}
_months = journeys["start_date"].dt.to_period("M").astype(str)


def month_figure(month: str) -> bytes:
    """PNG of the median hours per stage for the hires who started in `month` (YYYY-MM)."""
    medians = stage_table(journeys[_months == month]).median()
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ax.barh(STAGE_LABELS, medians.to_numpy(), color=np.where(medians == medians.max(), HIGHLIGHT, ACTIVE))
    ax.invert_yaxis()
    ax.set_title(f"Figure 3. Median time per stage, new hires starting {month} (n={int((_months == month).sum())})")
    ax.set_xlabel("median time in stage (hours)")
    ax.set_ylabel("stage (ends at milestone)")
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


if interactive_enabled():  # widgets are for people: not built while nbgrader grades or validates
    month_picker = widgets.Dropdown(options=sorted(_months.unique()), value="2026-05",
                                    description="Start month:", style={"description_width": "initial"})
    month_image = widgets.Image(value=month_figure(month_picker.value), format="png")
    month_picker.observe(lambda change: setattr(month_image, "value", month_figure(change["new"])), names="value")
    display(widgets.VBox([month_picker, month_image]))

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# The golden path made onboarding faster, but has it reached *hours, not days*? In 120–200 words:
# **name the stage you would attack next and what you would change**, using your results (stage
# medians after the launch) and at least two of this week's ideas (value stream and waiting,
# self-service, progressive disclosure, documentation). Say why the median is the right summary
# here, and what the slowest new hires — whom the median hides — would tell you.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# After the launch, accounts, repository access, the first build and the first deploy each take a
# few hours, but the laptop still takes about half a day and the first pull request most of a day
# after the first build: onboarding is now about two days, not hours. The longest remaining wait
# is for work, not for tools. I would attack the first-pull-request stage: every team keeps a small, well-described
# starter task ready (labelled `first-week`), the start page links to it as the next step
# (progressive disclosure: one thing to do now, details later), and the buddy reviews it the same
# day. The medians are right for comparing cohorts because the durations are skewed: a few hires
# with a lost laptop or a stuck approval pull the mean up without describing the typical
# experience. But the slowest hires show the failure modes the golden path does not cover yet —
# contractors, unusual roles, teams without a starter task — so I would interview them and read
# their tickets before changing anything.

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Self-service and progressive disclosure
#
# A platform succeeds when teams can get what they need without filing a ticket — in Team
# Topologies' words, when the platform team interacts with them **X-as-a-Service** (Skelton & Pais,
# 2019). The CNCF Platforms White Paper (CNCF TAG App Delivery, 2023) lists self-service
# interfaces — portals, CLIs, APIs and documentation — as the way a platform keeps its users'
# cognitive load low. The course target: **90% of common tasks achievable without help**.
#
# Self-service interfaces stay usable through **progressive disclosure** (Nielsen, 2006): show the
# few options most people need first, and reveal the advanced ones only on request. A good
# developer interface has sensible defaults (a service template that works with no settings
# changed), a short path for the common case (`tw rollback <service>`) and an escape hatch for the
# rest. Progressive disclosure applies to documentation as well: a start page that says what to
# do on day one, with links to the details, beats a wiki that shows everything at once.
#
# Support tickets are a free measurement of self-service. A ticket that a documentation page
# already answers, and that needs no person to act (no approval, no fix), is a task that *could*
# have been done without help — if the developer had found the page. A page alone is not enough:
# a request for write access needs its approver whatever the docs say. So the share of tickets
# that are both documented and self-serviceable says how much a platform team could save by
# making its answers **findable**, not just written.

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · How much help could developers get for themselves?
#
# `tickets` holds six months of requests for help to the platform team. When a documentation page
# covers **this ticket's case**, `answered_by_doc` names it; otherwise it is empty (missing, `NaN`).
# A page is not always enough: `needs_human` is `True` when the request needs a person whatever the
# docs say — someone must approve write access, unstick a pipeline or fix a flaky test. Which
# categories and channels bring most tickets? Which tickets have a page but still need a person?

# %% nbgrader={"grade_id": "lab-3-explore", "locked": true}
display(pd.crosstab(tickets["category"], tickets["channel"], margins=True))
pd.crosstab(tickets["summary"], [tickets["answered_by_doc"].notna().rename("page covers it"), tickets["needs_human"]])

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (3 points) · Self-service potential of the support load
#
# Write `self_service_share(tickets)` returning a **float between 0 and 1**: the share of the
# platform team's support load that developers **could have handled on their own** (Reading 2,
# Lab 3). This is the number to hold against the course target of 90% of tasks done without help.
# Example (the visible check runs it): of four tickets that need no person, three with a page and
# one without, the share is `0.75`.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def self_service_share(tickets: pd.DataFrame) -> float:
    """Share (0..1) of the support load developers could have handled on their own."""
    ### BEGIN SOLUTION
    return float((tickets["answered_by_doc"].notna() & ~tickets["needs_human"].astype(bool)).mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: self_service_share is a fraction, right on a four-ticket example."""
from graders import call, check, check_number, passed

_toy = pd.DataFrame({"category": ["access", "access", "kubernetes", "ci-failure"],
                     "answered_by_doc": pd.Series(["access-requests", None, "namespaces-and-quotas", "first-build"], dtype="str"),
                     "needs_human": [False, False, False, False]})
_rule = "the share of the support load developers could have handled on their own (Reading 2), between 0 and 1."
check_number(call(self_service_share, _toy.copy(), name="self_service_share"), 3 / 4,
             "self_service_share(four tickets that need no person, one without a page)", _rule)
_share = call(self_service_share, tickets.copy(), name="self_service_share")
check(0 <= float(_share) <= 1, "self_service_share(tickets)", f"is {_share!r}, not a fraction between 0 and 1.", _rule)
passed("self_service_share")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of self_service_share (2 points) run when your notebook is graded.
from graders import call

_ = call(self_service_share, tickets.copy(), name="self_service_share")
### BEGIN HIDDEN TESTS
from graders import call
from graders.hidden import expect
from workbook import load as _load

_t = _load("support_tickets")
_rule = ("a ticket developers could have handled alone has a page that covers it AND needs no person (an approval "
         "or a fix needs one whatever the docs say: Reading 2); the share is of all tickets, those without a page "
         "included; a missing page is missing (NaN), not an empty string.")
expect.number("self_service_share(tickets)", call(self_service_share, _t.copy(), name="self_service_share"), _rule)
_k = _t.assign(answered_by_doc=_t["answered_by_doc"].where(_t["channel"] != "email"),
               needs_human=_t["needs_human"] | (_t["priority"] == "urgent"))
_k = _k[_k["priority"] != "low"]
expect.number("self_service_share (on a second data set)", call(self_service_share, _k.copy(), name="self_service_share"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-after", "locked": true}
# Compare your share with the target of 90% of tasks done without help. If the pages exist, why
# did developers still ask? The next cell lists the pages that have gone longest without an
# update, with the number of tickets on their topic: docs as code gives every page an owner and a
# `last_updated` date, so staleness is something you can query. Two pages describe a process the organisation replaced years ago — can you tell which?

# %% nbgrader={"grade_id": "lab-3-staleness", "locked": true}
pages = docs.assign(slug=docs["path"].str.removesuffix(".md"),
                    last_updated=pd.to_datetime(docs["last_updated"]))
pages["months_since_update"] = ((pd.Timestamp("2026-08-31") - pages["last_updated"]).dt.days / 30.4).round(1)
pages["tickets_on_topic"] = pages["slug"].map(tickets["answered_by_doc"].value_counts()).fillna(0).astype(int)
pages.sort_values("months_since_update", ascending=False)[["slug", "title", "owner", "months_since_update", "tickets_on_topic"]].head(10)

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Documentation as code, and finding answers fast
#
# **Docs as code** (Gentle, 2017) treats documentation like software: plain-text pages (markdown)
# in version control, changed through pull requests, reviewed by the owning team, built and
# published by a pipeline, and checked automatically (broken links, missing owners, pages not
# updated for a year, pages their owners have tagged `deprecated`). This week's pages carry that
# metadata in their *front matter*: a title, an owning team, a `last_updated` date and tags. **Diátaxis** (Procida, n.d.) sorts documentation by
# the reader's need into four types: **tutorials** (learning by doing), **how-to guides**
# (solving a specific task), **reference** (facts to look up) and **explanation** (understanding
# why). Most help-channel questions ask for a how-to guide or a reference fact.
#
# To find answers in under 30 seconds, a developer must see the right page among the first few
# search results. Search is a classic problem of **information retrieval** (Manning, Raghavan &
# Schütze, 2008). Its simplest useful model scores pages by **TF-IDF**: a word counts more the
# more often it appears in a page (*term frequency*, tf) and the fewer pages it appears in
# (*inverse document frequency*, idf). Spärck Jones (1972) showed why the second part matters:
# words that occur everywhere ("how", "the", "service") say nothing about which page is relevant.
#
# $$\text{idf}(t) = \ln\frac{N}{\text{df}(t)}, \qquad \text{score}(q, d) = \sum_{t \in q} \text{tf}(t, d)\cdot\text{idf}(t)$$
#
# where $N$ is the number of pages and $\text{df}(t)$ the number of pages containing term $t$.
# Search quality is measured on questions whose answers are known. **Precision@k** is the share of
# the top $k$ results that are relevant, **recall@k** the share of the relevant pages that appear
# in the top $k$, and **hit rate@k** (also called success@k) the share of questions with at least
# one relevant page in the top $k$. Hit rate@3 fits the 30-second target well: a reader scans
# three titles and opens the right one.
#
# SPACE (Forsgren et al., 2021) reminds us that such numbers are one view among several. It files
# the **discoverability of documentation** (knowledge sharing) under **communication and
# collaboration**, next to onboarding time and experience; **efficiency and flow** is about work
# without delays, interruptions and hand-offs. Both sit beside how developers themselves feel
# about their work (satisfaction and well-being).

# %% [markdown] nbgrader={"grade_id": "lab-4-intro", "locked": true}
# ## Lab 4 · Can developers find the answer in 30 seconds?
#
# `questions` are real questions from the help channel; `answer_pages` lists the page(s) that
# answer each one (page *slugs*: file names without `.md`, separated by `;`). You will build a
# small search engine over `docs` and measure how often it puts a right page in the first three
# results. Look at the page text first: `docs["body"]` is the markdown of each page.

# %% nbgrader={"grade_id": "lab-4-explore", "locked": true}
print(docs.loc[docs["path"] == "rollback.md", "body"].iloc[0])
questions.head(8)

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (4 points) · A TF-IDF search over the documentation
#
# Write `tfidf_search(query, docs, k=3)` returning a **list of the `k` page slugs with the
# highest TF-IDF score** for the query, best first (a slug is the `path` without `.md`). Use the
# model of Reading 3, exactly:
#
# 1. **Terms** are runs of letters and digits in the lower-cased text: `re.findall(r"[a-z0-9]+",
#    text.lower())` (for a column: `.str.lower().str.findall(r"[a-z0-9]+")`). A page's text is
#    its `body`.
# 2. **tf(t, d)** is how many times term *t* occurs in page *d*; **df(t)** is the number of pages
#    that contain *t*; **idf(t) = ln(N / df(t))** with *N* the number of pages (`np.log`).
# 3. The **score** of a page is the sum, over the **distinct** terms of the query, of
#    tf × idf. Query terms that occur in no page add nothing.
# 4. Return exactly `k` slugs (all pages if there are fewer than `k`); break ties by slug, A to Z.
#
# *Hint:* `terms.explode()` gives one row per (page, term); `pd.crosstab` of the terms against the
# pages' slugs gives the tf table, with one row per term and one column per page.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def tfidf_search(query: str, docs: pd.DataFrame, k: int = 3) -> list:
    """The k page slugs with the highest TF-IDF score for the query, best first."""
    ### BEGIN SOLUTION
    slugs = docs["path"].str.removesuffix(".md")
    terms = docs["body"].str.lower().str.findall(r"[a-z0-9]+").explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), slugs.loc[terms.index].to_numpy())
    idf = np.log(len(docs) / (tf > 0).sum(axis=1))
    wanted = [t for t in dict.fromkeys(re.findall(r"[a-z0-9]+", query.lower())) if t in tf.index]
    scores = tf.loc[wanted].mul(idf[wanted], axis=0).sum(axis=0).reindex(slugs, fill_value=0)
    return list(scores.sort_index().sort_values(ascending=False, kind="stable").index[:k])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: tfidf_search returns k distinct page slugs and finds an obvious page."""
from graders import call, check, check_type, passed

_slugs = set(docs["path"].str.removesuffix(".md"))
_query = "When is a preview environment deleted?"
_answer = call(tfidf_search, _query, docs.copy(), name="tfidf_search")
_name = f"tfidf_search({_query!r}, docs)"
check_type(_answer, list, _name, hint="return a list of slugs, e.g. list(scores.index[:k]).")
check(len(_answer) == 3, _name, f"returned {len(_answer)} results; the default k=3 asks for three.")
check(all(isinstance(s, str) and s in _slugs for s in _answer) and len(set(_answer)) == len(_answer), _name,
      f"should hold distinct page slugs (paths without '.md'); it holds {_answer}.")
check(_answer[0] == "preview-environments", _name, f"ranks {_answer[0]!r} first; the page 'preview-environments' should win here.",
      "score = sum over the query's distinct terms of tf x idf, with idf = ln(N / df).")
check(len(call(tfidf_search, _query, docs.copy(), 5, name="tfidf_search")) == 5, "tfidf_search(..., k=5)",
      "should return 5 results when k=5.")
passed("tfidf_search")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of tfidf_search (3 points) run when your notebook is graded:
# on every question of this week, with other k, and on another small set of pages.
from graders import call

_ = call(tfidf_search, "How do I roll back a bad deployment?", docs.copy(), name="tfidf_search")
### BEGIN HIDDEN TESTS
from graders import call, check_type
from graders.hidden import expect
from workbook.data import load_docs as _load_docs
from workbook import load as _load

_rule = ("terms = re.findall(r'[a-z0-9]+', text.lower()); idf(t) = ln(N / df(t)); score(page) = sum over the "
         "query's distinct terms of tf(t, page) x idf(t); return the k slugs with the highest scores, best first, "
         "ties broken by slug A to Z.")
def check_answer(query, d, k, name):
    got = call(tfidf_search, query, d.copy(), k, name="tfidf_search")
    check_type(got, list, name)
    expect.value(name, [str(x) for x in got], _rule,
                 hint="check that words found on every page (idf = 0) do not count, that repeated words in a page "
                      "do, and that a word repeated in the query counts once.")
_d = _load_docs()
for _i, (_q, _k) in enumerate(zip(_load("doc_questions")["question"], [3, 3, 1, 5] * 6)):
    check_answer(_q, _d, _k, f"tfidf_search(question {_i + 1}, docs, k={_k})")
_toy = pd.DataFrame({"path": ["a.md", "b.md", "c.md", "d.md"], "body": [
    "The deploy: the pipeline deploys the service. The the the.",
    "Rollback the deploy with the CLI; rollback is quick.",
    "The quota of the namespace. The end.",
    "The glossary: deploy, rollback, quota, the."]})
for _q, _k in [("the rollback", 2), ("THE DEPLOY!", 2), ("quota namespace", 1), ("unknown words", 3),
               ("quota quota rollback", 1)]:  # a repeated query term counts once
    check_answer(_q, _toy, _k, f"tfidf_search({_q!r}, another set of pages, k={_k})")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Hit rate@k
#
# Write `hit_rate_at_k(results, questions, k=3)`. `results` is a dict mapping a `question_id` to
# a list of page slugs, best first, as a search engine returned them for that question. Return the
# **hit rate@k** of Reading 3 over the questions of `questions` (their right pages are in
# `answer_pages`, as described in Lab 4), a float between 0 and 1. Examples (the visible check runs
# them): when every question's first result is one of its answer pages the hit rate is `1.0`; when
# no result is, `0.0`.

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def hit_rate_at_k(results: dict, questions: pd.DataFrame, k: int = 3) -> float:
    """Hit rate@k (Reading 3) of the results over the questions."""
    ### BEGIN SOLUTION
    ranked = pd.Series(results, dtype=object).explode().dropna()
    ranked = ranked[ranked.groupby(level=0).cumcount() < k]
    answers = questions.set_index("question_id")["answer_pages"].str.split(";").explode().str.strip()
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = answers.rename("page").rename_axis("question_id").reset_index()
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return float(questions["question_id"].isin(hits).mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: hit_rate_at_k is 1 when every first result is right, 0 when none is."""
from graders import call, check, check_number, passed

_truth = questions.set_index("question_id")["answer_pages"].str.split(";").str[0]
_right = {qid: [page, "glossary", "support"] for qid, page in _truth.items()}
_wrong = {qid: ["no-such-page"] * 3 for qid in _truth.index}
_rule = "hit rate@k as Reading 3 defines it, a fraction between 0 and 1."
check_number(call(hit_rate_at_k, _right, questions.copy(), name="hit_rate_at_k"), 1.0,
             "hit_rate_at_k(every first result right, questions)", _rule)
check_number(call(hit_rate_at_k, _wrong, questions.copy(), name="hit_rate_at_k"), 0.0,
             "hit_rate_at_k(no result right, questions)", _rule)
_half = call(hit_rate_at_k, {**_right, **dict(list(_wrong.items())[:12])}, questions.copy(), name="hit_rate_at_k")
check(0 < float(_half) < 1, "hit_rate_at_k(half of the questions right)", f"is {_half!r}; it should be strictly between 0 and 1.", _rule)
passed("hit_rate_at_k")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of hit_rate_at_k (2 points) run when your notebook is graded:
# with answers at different ranks, other k, questions with two answer pages, and missing results.
from graders import call

_ = call(hit_rate_at_k, {}, questions.copy(), name="hit_rate_at_k")
### BEGIN HIDDEN TESTS
from graders import call
from graders.hidden import expect
from workbook import load as _load
from workbook.data import load_docs as _load_docs

_q = _load("doc_questions")
_rule = ("hit rate@k = questions with at least one of their answer pages (answer_pages lists one or more, separated "
         "by ';') among their first k results only, over all the questions asked: a question the engine returned "
         "nothing for is a miss, not left out.")
_slugs = sorted(_load_docs()["path"].str.removesuffix(".md"))
_ans = _q.set_index("question_id")["answer_pages"].str.split(";")
_res = {i: [s for s in _slugs if s not in a][: n % 6] + a[::-1] + _slugs[:3]
        for n, (i, a) in enumerate(_ans.items()) if n % 7 != 3}
for _k in (3, 1, 5):
    expect.number(f"hit_rate_at_k(results with answers at several ranks, questions, k={_k})",
                  call(hit_rate_at_k, {i: list(r) for i, r in _res.items()}, _q.copy(), _k, name="hit_rate_at_k"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-4-caption", "locked": true}
# **Figure 4** (below) runs your `tfidf_search` on every question and plots your `hit_rate_at_k`
# for k from 1 to 5, with the share of questions answered in the first three results marked.
# *Text description:* a line rising from about nine in ten questions at k = 1 to almost all
# questions from k = 2 on; one question is never answered in the first five results.

# %% nbgrader={"grade_id": "figure-4", "locked": true}
search_results = {qid: tfidf_search(text, docs, k=5) for qid, text in zip(questions["question_id"], questions["question"])}
ks = np.arange(1, 6)
rates = [hit_rate_at_k(search_results, questions, k) for k in ks]
fig, ax = plt.subplots(figsize=(7, 3.8))
ax.plot(ks, rates, marker="o", color=ACTIVE, label="TF-IDF search")
ax.axvline(3, color=HIGHLIGHT, linestyle="--", label="k = 3: what a reader scans in 30 s")
ax.set_ylim(0, 1.05)
ax.set_xticks(ks)
ax.set_title("Figure 4. Documentation search: hit rate by number of results read")
ax.set_xlabel("results read, k (count)")
ax.set_ylabel("hit rate@k (fraction)")
ax.legend(loc="lower right")
plt.show()

# %% [markdown] nbgrader={"grade_id": "lab-4-misses", "locked": true}
# Which questions does the search miss in the first three results, and what does it show instead?
# Look for two kinds of failure: the question uses other words than the page (a *vocabulary
# mismatch*), and a stale page competes with the current one. Try your own queries, too.

# %% nbgrader={"grade_id": "lab-4-miss-table", "locked": true}
_answers = questions.set_index("question_id")["answer_pages"].str.split(";")
_top3 = pd.Series({qid: res[:3] for qid, res in search_results.items()})
_hit = pd.Series({qid: bool(set(_top3[qid]) & set(a)) for qid, a in _answers.items()})
display(questions.set_index("question_id").assign(top_3=_top3, hit=_hit).loc[~_hit])
print("Try it:", tfidf_search("how do I install python on my laptop", docs, k=3))

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# Most tickets are about topics the docs already cover, and a plain TF-IDF search finds a right
# page in its first three results for almost every question. In 100–150 words: **why do
# developers still ask the platform team, and what would you change first** so that they find
# answers in under 30 seconds? Use at least one idea from the readings (docs as code, Diátaxis,
# progressive disclosure, precision and recall) and say how you would measure the effect.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# A page existing is not the same as a developer finding it: people ask in chat because it is
# where they already are, because the wiki search is worse than ours, or because a stale page (the
# old laptop set-up, Jenkins) gave them a wrong answer once. I would first put the search where
# the questions are: a chat command and the portal search box, both returning the top three pages
# with their owner and last-updated date. Second, treat the docs as code: delete or redirect the
# two stale pages, add an owner check and a staleness alert to the docs pipeline, and split the
# large pages into how-to guides that match the questions. I would measure the hit rate@3 on the
# held-out questions, the median time to an answer in a small usability test, and the weekly
# number of tickets in categories that a page covers.

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · A command-line tool developers do not need a manual for
#
# Many platform tasks are done from a terminal, and a platform's CLI is part of its self-service
# interface (CNCF TAG App Delivery, 2023). The *Command Line Interface Guidelines* (Prasad,
# Firshman, Tashian & Parish, n.d.) turn progressive disclosure into rules for CLIs:
#
# - **A short default path.** The common case needs few arguments (`svc create orders-api --owner
#   checkout`); everything else has a sensible default (`--language python`).
# - **Help that explains.** `svc --help` lists the subcommands in a line each; `svc create --help`
#   shows the arguments with a sentence on each and an example. The details appear only when asked.
# - **Subcommands** group the actions (`svc create`, `svc teams`), like `git commit` and `git push`.
# - **Errors that say how to fix the input**, not a traceback: name what was wrong and what to do
#   (`unknown team 'chekout': run 'svc teams' to list the teams`). Errors go to standard error,
#   output to standard output.
# - **Exit codes** a script can test: `0` for success, non-zero for failure. Python's `argparse`
#   exits with `2` on a usage error (an unknown option, a missing argument, a value not among
#   `choices`) after printing the usage and the error (Python Software Foundation, n.d.); this
#   course uses `2` for every bad input and `1` when the input is fine but the action fails (the
#   folder already exists).
# - **Safe on bad input:** validate everything before changing anything, so a refused command
#   leaves no half-created service behind.
#
# **Files the platform reads.** A CLI's output is often not text for people but a file for the
# platform: `svc create` writes `service.yaml`, which the catalog importer reads to list the service,
# its owner and its state. Such a file has a contract, written as a **JSON Schema** (JSON Schema,
# 2020): which fields exist, which are required, which values are allowed, and
# `"additionalProperties": false` to refuse a field the platform does not know (a typo such as
# `ower:` would otherwise be ignored in silence). The platform checks every file against its schema
# and refuses it with a message that names the line; a good CLI checks its own output against the
# same schema before writing anything, so the two can never disagree. The descriptor states facts,
# not hopes: a service the CLI creates today has never run in production, so its **lifecycle** is
# `experimental` until its owners promote it to `production` (the same three words, `experimental`,
# `production`, `deprecated`, that Backstage's catalog uses; Week 3). Write such files with a YAML
# library (`yaml.safe_dump`), never by pasting strings together: PyYAML reads YAML 1.1, where an
# unquoted `no`, `yes`, `on` or `off` is a boolean, so a service called `no` written as `name: no`
# arrives as `False`; the library quotes what needs quoting.

# %% [markdown] nbgrader={"grade_id": "lab-5-intro", "locked": true}
# ## Lab 5 · `svc`: a small CLI for a new service
#
# The platform team wants a CLI for the first step of the golden path. Below, `run_cli` runs a
# CLI function the way a terminal would: with a list of arguments, capturing what it prints to
# standard output and standard error and its exit code (also when `argparse` calls `sys.exit`).
# Use it to try your `svc` in Exercise 7.

# %% nbgrader={"grade_id": "lab-5-runner", "locked": true}
import argparse
import contextlib
import tempfile
from pathlib import Path

from jsonschema import Draft202012Validator

TEAMS = sorted(load("teams")["team_id"])

# The contract of service.yaml: what the platform's catalog importer accepts.
SERVICE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "service.yaml, read by the platform's catalog importer",
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "owner", "language", "lifecycle"],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "maxLength": 40,
                 "description": "lower-case letters, digits and single '-', starting with a letter (a DNS label)"},
        "owner": {"enum": TEAMS, "description": "the owning team's id (svc teams)"},
        "language": {"enum": ["python", "go", "java"]},
        "lifecycle": {"enum": ["experimental", "production", "deprecated"]},
    },
}


def _line(node, path) -> int:
    """The line (from 1) of the YAML node at `path` (keys and indexes), or of its nearest parent."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(key)), node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
    return node.start_mark.line + 1 if node is not None else 1


def platform_check(text: str, schema: dict, filename: str) -> list:
    """What the platform says when it reads `text` as `filename`: [] when it accepts the file, else one
    message per problem, each naming the line (YAML that does not parse, a field it does not know, a
    missing field, a value the schema refuses)."""
    try:
        root, document = yaml.compose(text), yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 1}" if mark else ""
        return [f"{filename}{where}: not valid YAML ({exc.problem or exc.context})."]
    except yaml.YAMLError as exc:
        return [f"{filename}: not valid YAML ({exc})."]
    problems = []
    for error in Draft202012Validator(schema).iter_errors(document):
        path = list(error.absolute_path)
        field = ".".join(str(p) for p in path) or "the document"
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {})
            for key in error.instance:
                if key not in known:
                    problems.append((_line(root, path + [key]), f"unknown field {key!r} in {field} "
                                     f"(the fields are: {', '.join(known)})"))
        else:
            problems.append((_line(root, path), f"{field}: {error.message}" if path else error.message))
    return [f"{filename}, line {line}: {message}." for line, message in sorted(problems, key=lambda p: p[0])]


def run_cli(cli, argv: list, root) -> tuple:
    """Run cli(argv, root) like a terminal would: (exit code, stdout text, stderr text)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli(list(argv), Path(root))
        except SystemExit as exc:  # argparse exits on --help and on usage errors
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, out.getvalue(), err.getvalue()


def files_under(root) -> list:
    """Every file below root, as sorted paths relative to it."""
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (4 points) · A developer-friendly `svc` with argparse
#
# Write `svc(argv, root)`: `argv` is the list of arguments (without the program name) and `root`
# a `pathlib.Path` where services are created. Build the parser with `argparse`
# (`prog="svc"`) and **return the exit code** (`argparse` may also exit by itself on `--help` and
# on usage errors; `run_cli` handles that):
#
# - `svc --help`: lists the two subcommands; exit code `0`.
# - `svc teams`: prints the team ids of `TEAMS`, one per line, to standard output; `0`.
# - `svc create NAME --owner TEAM [--language {python,go,java}]` (default `python`): creates the
#   folder `root / NAME` with two files, `README.md` (starting `# NAME`) and `service.yaml`, the
#   descriptor the platform reads (Reading 4): the platform must accept it
#   (`platform_check(text, SERVICE_SCHEMA, "service.yaml") == []`) and it must say what is true of
#   the new service. Then it prints `created <folder>` and returns `0`.
# - Bad input returns `2` with a message on **standard error** that says what is wrong and how to
#   fix it, and **creates nothing**: anything the platform would refuse in `service.yaml`, an
#   `--owner` that is not in `TEAMS` (say `run 'svc teams'`), a missing argument, an unknown
#   `--language` or subcommand (argparse's own errors do this).
# - A folder that already exists: return `1`, say so on standard error, change nothing.
# - `svc` with no subcommand: print the short usage and return `2`.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
def svc(argv: list, root: Path) -> int:
    """The svc command line: 'teams' and 'create NAME --owner TEAM [--language L]'; returns the exit code."""
    ### BEGIN SOLUTION
    parser = argparse.ArgumentParser(prog="svc", description="Golden-path helper: create a new service.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("teams", help="list the teams that can own a service")
    create = sub.add_parser("create", help="create a new service folder",
                            description="Create a new service. Example: svc create orders-api --owner checkout")
    create.add_argument("name", help="service name: lower-case letters, digits and single '-', at most 40 characters")
    create.add_argument("--owner", required=True, help="owning team (see 'svc teams')")
    create.add_argument("--language", choices=["python", "go", "java"], default="python", help="default: python")
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("svc: error: choose a command: 'svc create' or 'svc teams' (see 'svc --help').", file=sys.stderr)
        return 2
    if args.command == "teams":
        print("\n".join(TEAMS))
        return 0
    if args.owner not in TEAMS:
        print(f"svc: error: unknown team {args.owner!r}: run 'svc teams' to list the teams.", file=sys.stderr)
        return 2
    descriptor = {"name": args.name, "owner": args.owner, "language": args.language, "lifecycle": "experimental"}
    text = yaml.safe_dump(descriptor, sort_keys=False)
    problems = platform_check(text, SERVICE_SCHEMA, "service.yaml")
    if problems:
        print(f"svc: error: the platform would refuse this service: {problems[0]} Names use lower-case letters, "
              "digits and single '-', start with a letter, at most 40 characters (e.g. orders-api).", file=sys.stderr)
        return 2
    folder = Path(root) / args.name
    if folder.exists():
        print(f"svc: error: {folder} already exists: choose another name.", file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    (folder / "README.md").write_text(f"# {args.name}\n\nOwned by {args.owner}.\n", encoding="utf-8")
    (folder / "service.yaml").write_text(text, encoding="utf-8")
    print(f"created {folder}")
    return 0
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: svc creates a service on the short path and refuses an unknown team."""
from graders import check, check_callable, passed

check_callable(svc, "svc")
with tempfile.TemporaryDirectory() as _root:
    _code, _out, _err = run_cli(svc, ["create", "orders-api", "--owner", TEAMS[0]], _root)
    check(_code == 0, "svc create orders-api --owner <team>", f"exited with {_code!r}; success is 0. Its error output: {_err[:200]!r}")
    check(files_under(_root) == ["orders-api/README.md", "orders-api/service.yaml"], "svc create orders-api --owner <team>",
          f"created {files_under(_root)}; expected orders-api/README.md and orders-api/service.yaml.")
    _said = platform_check((Path(_root) / "orders-api" / "service.yaml").read_text(encoding="utf-8"), SERVICE_SCHEMA,
                           "service.yaml")
    check(_said == [], "svc create orders-api --owner <team>", "wrote a service.yaml the platform refuses: "
          + " ".join(_said[:3]), "the platform reads service.yaml with SERVICE_SCHEMA (Reading 4).")
with tempfile.TemporaryDirectory() as _root:
    _code, _out, _err = run_cli(svc, ["create", "orders-api", "--owner", "no-such-team"], _root)
    check(_code == 2, "svc create orders-api --owner no-such-team", f"exited with {_code!r}; bad input exits with 2.")
    check(files_under(_root) == [], "svc create orders-api --owner no-such-team", "created files; bad input must create nothing.")
    check("svc teams" in _err, "svc create orders-api --owner no-such-team",
          "should say on standard error how to fix it (mention 'svc teams').")
passed("svc")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of svc (3 points) run when your notebook is graded:
# good and bad arguments, help, exit codes, messages, and what is created.
from graders import call

with tempfile.TemporaryDirectory() as _root:
    _ = call(run_cli, svc, ["teams"], _root, name="svc")
### BEGIN HIDDEN TESTS
import yaml as _yaml

from graders import check
from graders.hidden import expect

_rule = ("exit 0 on success (help, teams, create); 2 on bad input (usage errors, anything SERVICE_SCHEMA refuses, "
         "unknown team), with a message on standard error and nothing created; 1 when the folder exists; create "
         "writes README.md and a service.yaml the platform accepts and that states the truth about the new service "
         "(its name, owner, language, python by default, and the lifecycle of a service that has never run in "
         "production: Reading 4).")
_cases = [
    (["--help"], None),
    (["teams"], None),
    (["create", "orders-api", "--owner", "checkout"], None),
    (["create", "ledger2", "--owner", "billing", "--language", "go"], None),
    (["create", "no", "--owner", "wallet", "--language", "java"], None),
    (["create", "2fa-gateway", "--owner", "checkout"], "2fa-gateway"),
    (["create", "orders-api-", "--owner", "checkout"], "orders-api-"),
    (["create", "a" * 40, "--owner", "search"], None),
    (["create", "a" * 41, "--owner", "search"], "a" * 41),
    (["create", "Orders-API", "--owner", "checkout"], "Orders-API"),
    (["create", "orders--api", "--owner", "checkout"], "orders--api"),
    (["create", "orders_api", "--owner", "checkout"], "orders_api"),
    (["create", "orders-api", "--owner", "chekout"], "svc teams"),
    (["create", "orders-api"], "--owner"),
    (["create", "orders-api", "--owner", "checkout", "--language", "cobol"], "cobol"),
    (["deploy", "orders-api"], "deploy"),
    ([], "create"),
]
for _argv, _must_say in _cases:
    _label = "svc " + " ".join(_argv) if _argv else "svc (no arguments)"
    with tempfile.TemporaryDirectory() as _root:
        _code, _out, _err = run_cli(svc, _argv, _root)
        _files = files_under(_root)
        expect.value(f"{_label}: exit code", _code, _rule)
        expect.value(f"{_label}: files created", _files, _rule)
        if _must_say is not None:
            check(_must_say in _err, _label, f"should say on standard error what is wrong and how to fix it "
                  f"(mention {_must_say!r}); its standard error was {_err[:160]!r}.", _rule)
        elif _argv and _argv[0] == "create":
            _file = Path(_root) / _argv[1] / "service.yaml"
            _text = _file.read_text(encoding="utf-8") if _file.exists() else ""
            expect.value(f"{_label}: what the platform says of service.yaml",
                         platform_check(_text, SERVICE_SCHEMA, "service.yaml") if _file.exists() else ["no service.yaml"], _rule)
            try:
                _doc = _yaml.safe_load(_text)
            except _yaml.YAMLError:
                _doc = "service.yaml is not valid YAML"
            expect.value(f"{_label}: what service.yaml says", _doc, _rule)
        elif _argv == ["teams"]:
            expect.value(f"{_label}: the teams printed", _out.split(), _rule)
        else:
            check("create" in _out and "teams" in _out, _label, "should list both subcommands, create and teams.", _rule)
with tempfile.TemporaryDirectory() as _root:
    run_cli(svc, ["create", "orders-api", "--owner", "checkout"], _root)
    (Path(_root) / "orders-api" / "README.md").write_text("kept\n")
    _code, _out, _err = run_cli(svc, ["create", "orders-api", "--owner", "billing"], _root)
    expect.value("svc create orders-api (the folder already exists): exit code", _code, _rule)
    check((Path(_root) / "orders-api" / "README.md").read_text() == "kept\n" and _err.strip() != "",
          "svc create orders-api (the folder already exists)", "should change nothing and say why on standard error.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-5-try", "locked": true}
# Try your CLI as a new developer would: ask for help first, then make mistakes. Do the messages
# tell you what to do next without reading the code?

# %% nbgrader={"grade_id": "lab-5-session", "locked": true}
with tempfile.TemporaryDirectory() as _root:
    for _argv in (["--help"], ["create", "--help"], ["create", "Orders API", "--owner", "checkout"],
                  ["create", "orders-api", "--owner", "checkout"]):
        try:
            _code, _out, _err = run_cli(svc, _argv, _root)
        except NotImplementedError:
            print("Answer Exercise 7 first: this lab runs your svc.")
            break
        print(f"$ svc {' '.join(_argv)}\n{_out}{_err}(exit code {_code})\n")

# %% [markdown] nbgrader={"grade_id": "lab-6-intro", "locked": true}
# ## Lab 6 · The onboarding checklist as data the platform reads
#
# The golden-path onboarding of Lab 2 gives every new hire a **start page**. It does not hold the
# steps in its own code: it reads them from `onboarding.yaml`, a file the developer-experience team
# keeps in version control next to the docs (docs as code, Reading 3) and changes through pull
# requests. `ONBOARDING_SCHEMA` (below) is the format the start page accepts; it reads the file
# with `platform_check`, like the catalog importer reads `service.yaml`. The start page shows the
# steps in the file's order, one at a time (progressive disclosure, Reading 2), each with the
# documentation page it links. Below: the pages a step could link, with their front matter.

# %% nbgrader={"grade_id": "lab-6-schema", "locked": true}
ONBOARDING_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "onboarding.yaml, read by the start page",
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "steps"],
    "properties": {
        "version": {"const": 1},
        "steps": {
            "type": "array", "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["milestone", "title", "doc"],
                "properties": {
                    "milestone": {"enum": MILESTONES, "description": "the milestone this step reaches"},
                    "title": {"type": "string", "minLength": 5, "maxLength": 80,
                              "description": "the one thing to do now, as the start page shows it"},
                    "doc": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                            "description": "slug of the documentation page that helps with this step"},
                },
            },
        },
    },
}
STUDY_DATE = pd.Timestamp("2026-08-31")  # the date of this week's data (Lab 3)
docs.assign(slug=docs["path"].str.removesuffix(".md"))[["slug", "title", "owner", "last_updated", "tags"]]

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (3 points) · Write the onboarding checklist
#
# Write the text of `onboarding.yaml` in `ONBOARDING_CHECKLIST` (a string of YAML). The start page
# must accept it, and a new hire who follows it from the first step to the last must be guided
# through the **whole value stream of Reading 1, each milestone once, in the order they are
# reached**, every step linking the documentation page that helps with that milestone, as
# `docs` describes it on `STUDY_DATE`. A checklist is only as good as the pages it links: the
# docs-as-code checks of Reading 3 must have nothing to say about them. Run
# `platform_check(ONBOARDING_CHECKLIST, ONBOARDING_SCHEMA, "onboarding.yaml")` as you write:
# it names the line of each problem.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
ONBOARDING_CHECKLIST = """\
version: 1
steps:
  - milestone: laptop_ready_at
    title: Collect your laptop and reopen a repository in its dev container
    doc: laptop-setup
  - milestone: accounts_ready_at
    title: Request your accounts in the access portal
    doc: access-requests
  - milestone: repository_access_at
    title: Check that you can open your team's repositories
    doc: repository-access
  - milestone: first_build_at
    title: Build your team's service with make test
    doc: first-build
  - milestone: first_pull_request_at
    title: Open a pull request for your first-week starter task
    doc: code-review
  - milestone: first_deploy_at
    title: Merge it and watch the pipeline deploy it
    doc: deploying
"""
### END SOLUTION
print("\n".join(platform_check(ONBOARDING_CHECKLIST, ONBOARDING_SCHEMA, "onboarding.yaml")) or "the start page accepts it")

# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the start page accepts onboarding.yaml, and every page it links exists."""
from graders import check, check_type, passed

check("ONBOARDING_CHECKLIST" in globals(), "ONBOARDING_CHECKLIST", "is not defined yet: assign the YAML text and run that cell.")
check_type(ONBOARDING_CHECKLIST, str, "ONBOARDING_CHECKLIST", hint="the text of onboarding.yaml, as one string.")
_said = platform_check(ONBOARDING_CHECKLIST, ONBOARDING_SCHEMA, "onboarding.yaml")
check(_said == [], "onboarding.yaml", "is refused by the start page: " + " ".join(_said[:3]),
      "ONBOARDING_SCHEMA is the format the start page accepts.")
_slugs = set(docs["path"].str.removesuffix(".md"))
_missing = [s["doc"] for s in yaml.safe_load(ONBOARDING_CHECKLIST)["steps"] if s["doc"] not in _slugs]
check(not _missing, "onboarding.yaml", f"links pages that do not exist: {_missing}.",
      "doc is a page slug: its path without '.md'.")
passed("ONBOARDING_CHECKLIST")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of ONBOARDING_CHECKLIST (2 points) run when your notebook is graded:
# what the start page says, the steps and their order, and each linked page.
from graders import check

check("ONBOARDING_CHECKLIST" in globals(), "ONBOARDING_CHECKLIST", "is not defined yet.")
### BEGIN HIDDEN TESTS
import yaml as _yaml

from graders.hidden import expect
from workbook.data import load_docs as _load_docs

_rule = ("onboarding.yaml: accepted by the start page (ONBOARDING_SCHEMA); one step per milestone of the value stream, "
         "each once, in the order a new hire reaches them (MILESTONES); each step links a page about its milestone "
         "that the docs-as-code checks would not flag: not updated for a year before STUDY_DATE, or marked deprecated.")
_text = ONBOARDING_CHECKLIST if isinstance(ONBOARDING_CHECKLIST, str) else ""
expect.value("onboarding.yaml: what the start page says", platform_check(_text, ONBOARDING_SCHEMA, "onboarding.yaml"), _rule)
try:
    _steps = [s for s in _yaml.safe_load(_text)["steps"] if isinstance(s, dict)]
except Exception:
    _steps = []
expect.value("onboarding.yaml: the milestones, in the order of its steps", [s.get("milestone") for s in _steps] == MILESTONES, _rule)
_pages = _load_docs().assign(slug=lambda d: d["path"].str.removesuffix(".md")).set_index("slug")
_age = (STUDY_DATE - pd.to_datetime(_pages["last_updated"])).dt.days
_current = set(_pages.index[(_age <= 365) & ~_pages["tags"].map(lambda t: "deprecated" in list(t))])
# The pages that help with each milestone (read them in Lab 4): any of them will do.
_helps = {"laptop_ready_at": {"laptop-setup", "start-here"}, "accounts_ready_at": {"access-requests", "start-here"},
          "repository_access_at": {"repository-access", "access-requests", "start-here"},
          "first_build_at": {"first-build", "ci-pipeline"}, "first_pull_request_at": {"code-review", "start-here"},
          "first_deploy_at": {"deploying", "ci-pipeline", "rollback"}}
for _m in MILESTONES:
    _doc = next((s.get("doc") for s in _steps if s.get("milestone") == _m), None)
    expect.value(f"onboarding.yaml, the step for {_m}: its page is current", _doc in _current, _rule)
    expect.value(f"onboarding.yaml, the step for {_m}: its page is about that milestone", _doc in _helps[_m], _rule)
### END HIDDEN TESTS

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
# | 1 · milestone hours | 3 | 2 |
# | 2 · before and after the launch | 3 | 2 |
# | 3 · stage medians | 3 | 2 |
# | 4 · self-service share | 3 | 2 |
# | 5 · TF-IDF search | 4 | 3 |
# | 6 · hit rate@k | 3 | 2 |
# | 7 · the svc CLI | 4 | 3 |
# | 8 · the onboarding checklist | 3 | 2 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - Onboarding is a **value stream**: measure the hours from the first day to each milestone, and
#   the time spent in each stage; the longest stage is the bottleneck to remove next.
# - Durations of human processes are skewed: compare cohorts with **medians**, take the median of
#   each person's stage durations (not differences of medians), and study the slow tail apart.
# - A golden path for onboarding can turn weeks into days; *hours* needs the remaining waits — for
#   a first task, a review, a deploy — removed too.
# - **Self-service** is measurable from support tickets: the share of help requests that a page
#   covers *and* that need no person (no approval, no fix) is help developers could have got for
#   themselves, if they had found the page; a page alone does not make a task self-service.
# - **Docs as code** makes ownership and staleness visible; **Diátaxis** organises pages by the
#   reader's need; **progressive disclosure** keeps interfaces and pages simple first.
# - **TF-IDF** is a strong baseline for search; **hit rate@k** (with precision and recall@k)
#   measures whether answers can be found in the time a developer will spend looking.
#
# - A platform **CLI** is a self-service interface too: short default path, `--help` that
#   explains, subcommands, errors on standard error that say how to fix the input, exit codes a
#   script can test, and nothing changed when the input is refused.
# - Files the platform reads (`service.yaml`, `onboarding.yaml`) have a **schema**: write them with a
#   YAML library, check them against it before anyone else reads them, and let them state facts (a
#   new service is `experimental`; a checklist links only pages the docs checks would not flag).
#
# **Next week:** internal platform design — the service catalog at the heart of the portal.
#
# ## References
#
# - Bauer, T. N. (2010). *Onboarding New Employees: Maximizing Success.* SHRM Foundation's
#   Effective Practice Guidelines Series.
# - CNCF TAG App Delivery (2023). *CNCF Platforms White Paper.*
#   https://tag-app-delivery.cncf.io/whitepapers/platforms/
# - Forsgren, N., Storey, M.-A., Maddila, C., Zimmermann, T., Houck, B., & Butler, J. (2021). The
#   SPACE of developer productivity. *ACM Queue*, 19(1). https://queue.acm.org/detail.cfm?id=3454124
# - Gentle, A. (2017). *Docs Like Code.* Just Write Click.
# - JSON Schema (2020). *JSON Schema: A Media Type for Describing JSON Documents* (draft 2020-12).
#   https://json-schema.org/draft/2020-12/json-schema-core
# - Ju, A., Sajnani, H., Kelly, S., & Herzig, K. (2021). A case study of onboarding in software
#   teams: Tasks and strategies. In *Proceedings of the 43rd International Conference on Software
#   Engineering (ICSE)*, 613–623.
# - Manning, C. D., Raghavan, P., & Schütze, H. (2008). *Introduction to Information Retrieval.*
#   Cambridge University Press. https://nlp.stanford.edu/IR-book/
# - Nielsen, J. (2006). *Progressive Disclosure.* Nielsen Norman Group.
#   https://www.nngroup.com/articles/progressive-disclosure/
# - Poppendieck, M., & Poppendieck, T. (2003). *Lean Software Development: An Agile Toolkit.*
#   Addison-Wesley.
# - Prasad, A., Firshman, B., Tashian, C., & Parish, E. (n.d.). *Command Line Interface Guidelines.*
#   https://clig.dev/
# - Python Software Foundation (n.d.). *argparse — Parser for command-line options, arguments and
#   subcommands.* https://docs.python.org/3/library/argparse.html
# - Procida, D. (n.d.). *Diátaxis: A systematic approach to technical documentation authoring.*
#   https://diataxis.fr/
# - Skelton, M., & Pais, M. (2019). *Team Topologies: Organizing Business and Technology Teams for
#   Fast Flow.* IT Revolution.
# - Spärck Jones, K. (1972). A statistical interpretation of term specificity and its application
#   in retrieval. *Journal of Documentation*, 28(1), 11–21.
# - Steinmacher, I., Graciotto Silva, M. A., Gerosa, M. A., & Redmiles, D. F. (2015). A systematic
#   literature review on the barriers faced by newcomers to open source software projects.
#   *Information and Software Technology*, 59, 67–85.
