# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 1 · Developer Experience Philosophy
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# You are joining the platform team of a mid-sized engineering organisation (about 600 developers
# in 40 teams). Before anyone builds a portal or a pipeline, the team wants evidence: **where do
# developers lose their time, and what would a golden path have to automate to matter?** A
# time-and-motion study of 14 everyday developer tasks has just landed on your desk. This week you
# turn it into that evidence.
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
# 1. Explain developer experience in terms of **feedback loops, cognitive load and flow**, and why
#    a platform is built *as a product* for developers.
# 2. Use **Conway's law** and the **Team Topologies** team types to read where hand-offs come from.
# 3. Measure a developer journey: **lead time**, **flow efficiency** and the **friction points**
#    that cost the organisation most.
# 4. Design a **golden path** for new services and quantify the share of **frequent** work (tasks
#    done at least 20 times a month) it automates, against the course target of 80%.
# 5. Measure a **feedback loop**: how long developers wait for their tools to answer.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads the three tables of this week's study from the course's `data/`
# folder (the `workbook` helper finds it wherever this notebook runs) and applies the course's
# colour-blind-safe figure style. The columns are documented in `data/README.md`.

# %% nbgrader={"grade_id": "setup", "locked": true}
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from workbook import interactive_enabled, load, use_course_style
from workbook.style import ACTIVE, HIGHLIGHT, time_bars

use_course_style()
journey = load("developer_journey")           # one row per step of a task
tasks = load("developer_tasks")               # one row per task, with monthly volume
capabilities = load("platform_capabilities")  # what a golden path could include
print(f"{len(tasks)} tasks, {len(journey)} steps, {len(capabilities)} candidate platform capabilities")
journey.head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · Developer experience is about feedback, load and flow
#
# *Developer experience* (DevEx) is how developers perceive their everyday work: the tools,
# processes and people they depend on. Noda, Storey, Forsgren and Greiler (2023) reduce it to three
# dimensions that can be measured and improved:
#
# - **Feedback loops** — how quickly a developer learns whether an action worked: a build, a code
#   review, a deploy. Slow loops mean context switches and batching.
# - **Cognitive load** — how much a developer must hold in mind to get a task done. The term comes
#   from Sweller's (1988) research on learning: working memory is small, and effort spent on
#   *extraneous* load (finding the right wiki page, decoding a ticket form) is not available for
#   the problem itself. Skelton and Pais (2019) apply it to teams: a team can own only as much
#   software and process as its members can hold in mind.
# - **Flow state** — stretches of focused, uninterrupted work. Waiting for another team and
#   switching tools break it.
#
# A useful way to see all three at once is **lean value-stream thinking**: follow one unit of work
# from request to result and record, for each step, the time someone actively works on it and the
# time it waits (Rother & Shook, 1999). Modig and Åhlström (2012) call the share of the total time
# in which value is actually added the **flow efficiency**:
#
# $$\text{flow efficiency} = \frac{\text{active (value-adding) time}}{\text{lead time}} = \frac{\sum \text{active}}{\sum (\text{active} + \text{waiting})}$$
#
# The sums matter: the efficiency of a unit of work is its total active time over its total
# time, so each step weighs as much as it lasts. A five-minute step with no wait does not balance a
# three-day wait, however many such steps there are; averaging the steps' own ratios would let it.
# Modig and Åhlström's point is that a process can keep everyone busy and still be slow for the
# unit of work, because the unit spends most of its time waiting. You will measure how much of
# this organisation's lead time is waiting; waiting is the part that automation and
# self-service remove.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · Where does the time go?
#
# Each row of `journey` is one step of a task, with the median **active minutes** (someone works
# on it) and **waiting minutes** (the work sits in a queue) observed across several developers.
# Because each step's minutes are a median over developers, a task's total in this lab (and its
# lead time in Exercise 1) is a **sum of per-step medians**: the time of a typical pass through the
# steps, not the median of the developers' own end-to-end times. The two differ (the median of
# sums is not the sum of medians; Week 2 returns to this), and the study only kept the per-step
# medians.
# `handoff` is true when someone other than the developer performs the step. Explore it: which
# task has the most steps? Which tools appear most often?

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
per_task = (journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum()
            .join(tasks.set_index("task_id")[["task", "monthly_occurrences"]]))
per_task.sort_values("waiting_minutes", ascending=False)

# %% [markdown] nbgrader={"grade_id": "figure-1-caption", "locked": true}
# **Figure 1** (below) shows, for each task, the hours spent working (blue) and waiting (orange),
# as stacked horizontal bars sorted by total time. *Text description:* for most tasks the orange
# waiting segment is far longer than the blue active segment; the longest tasks are dominated by
# waiting for other teams.

# %% nbgrader={"grade_id": "figure-1", "locked": true}
hours = per_task[["active_minutes", "waiting_minutes"]].div(60).sort_values(
    by=["waiting_minutes", "active_minutes"], ascending=True)
fig, ax = plt.subplots(figsize=(8, 5))
time_bars(ax, hours.index, hours["active_minutes"], hours["waiting_minutes"],
          title="Figure 1. Active vs waiting time per developer task",
          xlabel="time per occurrence (hours)", ylabel="task")
plt.show()

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · Lead time per task
#
# Write `lead_time_hours(journey)` that returns a pandas **Series indexed by `task_id`** whose
# values are the **lead time** of each task in **hours**: the sum of active and waiting minutes over
# all the task's steps, divided by 60 (a sum of per-step medians, see Lab 1). Use pandas
# (`groupby`), not a Python loop over rows.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def lead_time_hours(journey: pd.DataFrame) -> pd.Series:
    """Lead time of each task in hours (active + waiting minutes over its steps, / 60)."""
    ### BEGIN SOLUTION
    minutes = journey["active_minutes"] + journey["waiting_minutes"]
    return minutes.groupby(journey["task_id"]).sum() / 60
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: lead_time_hours returns one positive number per task."""
from graders import call, check, check_type, passed

_answer = call(lead_time_hours, journey.copy(), name="lead_time_hours")
check_type(_answer, pd.Series, "lead_time_hours(journey)", hint="group by task_id and sum.")
check(set(_answer.index) == set(journey["task_id"]) and len(_answer) == journey["task_id"].nunique(),
      "lead_time_hours(journey)", "should have exactly one entry per task_id.",
      "the index is the task_id; use journey.groupby('task_id').")
check(bool((_answer.astype(float) > 0).all()), "lead_time_hours(journey)", "has values that are not positive.")
passed("lead_time_hours")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of lead_time_hours (2 points) run when your notebook is graded:
# they compare your values on this week's data and on other data.
from graders import call

_ = call(lead_time_hours, journey.copy(), name="lead_time_hours")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_j = _load("developer_journey")
_rule = "the lead time of a task is the sum of active and waiting minutes over its steps, in hours (minutes / 60)."
expect.series("lead_time_hours", call(lead_time_hours, _j.copy(), name="lead_time_hours"), _rule, what="task")
_k = _j[_j["task_id"].isin(["deploy-change", "new-service", "db-access"])].assign(waiting_minutes=lambda d: d["waiting_minutes"] * 3 + 7)
expect.series("lead_time_hours (on a second data set)", call(lead_time_hours, _k.copy(), name="lead_time_hours"), _rule, what="task")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (3 points) · Flow efficiency per task
#
# Write `flow_efficiency(journey)` returning a **Series indexed by `task_id`**: the **flow
# efficiency** of each task as Reading 1 defines it, as a fraction between 0 and 1. Two examples
# (the visible check runs them): a task of one step with 30 active and 90 waiting minutes has
# `0.25`; a task of two steps, each 10 active and 10 waiting minutes, has `0.5`.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def flow_efficiency(journey: pd.DataFrame) -> pd.Series:
    """Flow efficiency of each task (Reading 1), indexed by task_id."""
    ### BEGIN SOLUTION
    totals = journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum()
    return totals["active_minutes"] / (totals["active_minutes"] + totals["waiting_minutes"])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: flow_efficiency returns a fraction between 0 and 1 per task."""
from graders import call, check, check_type, passed

_answer = call(flow_efficiency, journey.copy(), name="flow_efficiency")
check_type(_answer, pd.Series, "flow_efficiency(journey)")
check(set(_answer.index) == set(journey["task_id"]) and len(_answer) == journey["task_id"].nunique(),
      "flow_efficiency(journey)", "should have exactly one entry per task_id.")
check(bool(_answer.astype(float).between(0, 1).all()), "flow_efficiency(journey)",
      "has values outside 0..1.", "flow efficiency is a fraction of the lead time (Reading 1).",
      "if your values go up to 100 you returned a percentage.")
_toy = pd.DataFrame({"task_id": ["one-step", "two-steps", "two-steps"], "step_no": [1, 1, 2],
                     "active_minutes": [30, 10, 10], "waiting_minutes": [90, 10, 10]})
_got = call(flow_efficiency, _toy.copy(), name="flow_efficiency")
check_type(_got, pd.Series, "flow_efficiency(the two examples of the statement)")
check(set(_got.index) == {"one-step", "two-steps"} and abs(float(_got["one-step"]) - 0.25) < 1e-9
      and abs(float(_got["two-steps"]) - 0.5) < 1e-9, "flow_efficiency(the two examples of the statement)",
      "does not give 0.25 and 0.5 for the statement's examples.", "flow efficiency as Reading 1 defines it.")
passed("flow_efficiency")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of flow_efficiency (2 points) run when your notebook is graded.
from graders import call

_ = call(flow_efficiency, journey.copy(), name="flow_efficiency")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_j = _load("developer_journey")
_rule = ("flow efficiency of a task = total active minutes / total (active + waiting) minutes of its steps; "
         "a ratio of totals, not the mean of the steps' ratios.")
expect.series("flow_efficiency", call(flow_efficiency, _j.copy(), name="flow_efficiency"), _rule, what="task")
_k = _j.assign(active_minutes=_j["active_minutes"] + _j["step_no"] * 11)
expect.series("flow_efficiency (on a second data set)", call(flow_efficiency, _k.copy(), name="flow_efficiency"), _rule, what="task")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · Walk one journey step by step
#
# Pick a task in the menu: **Figure 2** redraws the steps of that task, active time in blue and
# waiting time in orange, with hand-offs to other teams marked in the step label. *Text
# description:* one horizontal bar per step, in order from top to bottom; long orange bars are the
# waits that dominate the journey, and most of them are hand-offs.

# %% nbgrader={"grade_id": "lab-2-widget", "locked": true}
def task_figure(task_id: str) -> bytes:
    """Figure 2 for one task, as PNG bytes (shown in an image widget that the menu updates)."""
    steps = journey[journey["task_id"] == task_id].sort_values("step_no", ascending=False)
    handoff = steps["handoff"].map({True: "  [hand-off: ", False: ""}) + steps["actor"].where(steps["handoff"], "") + \
        steps["handoff"].map({True: "]", False: ""})
    labels = steps["step_no"].astype(str) + ". " + steps["step"].str.slice(0, 45) + handoff
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(steps) + 1.5))
    time_bars(ax, labels, steps["active_minutes"] / 60, steps["waiting_minutes"] / 60,
              title=f"Figure 2. Steps of '{task_id}'", xlabel="time per occurrence (hours)", ylabel="step")
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


if interactive_enabled():  # widgets are for people: skipped while nbgrader grades or validates
    task_picker = widgets.Dropdown(options=sorted(journey["task_id"].unique()), value="new-service",
                                   description="Task:", style={"description_width": "initial"})
    task_image = widgets.Image(value=task_figure(task_picker.value), format="png")
    task_picker.observe(lambda change: setattr(task_image, "value", task_figure(change["new"])), names="value")
    display(widgets.VBox([task_picker, task_image]))


# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (4 points) · The ten costliest friction points
#
# A wait that happens once a year matters less than a short wait that happens a thousand times a
# month. The **friction of a step** is the **waiting** it causes the whole organisation in a
# month, in hours: what the platform could give back by removing that wait (Reading 1: waiting,
# not work, is what automation and self-service remove).
#
# Write `friction_points(journey, tasks, n=10)` returning a **DataFrame of the `n` steps with the
# highest friction**, sorted from highest to lowest, with the columns `task_id`, `step_no`,
# `step` and `friction_hours_per_month`. Many steps tie: break ties by `task_id`, then `step_no`,
# both ascending, and use a default index.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def friction_points(journey: pd.DataFrame, tasks: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n steps causing the most waiting per month across the organisation."""
    ### BEGIN SOLUTION
    merged = journey.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id", validate="many_to_one")
    merged["friction_hours_per_month"] = merged["waiting_minutes"] * merged["monthly_occurrences"] / 60
    ranked = merged.sort_values(["friction_hours_per_month", "task_id", "step_no"], ascending=[False, True, True])
    return ranked.head(n)[["task_id", "step_no", "step", "friction_hours_per_month"]].reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: friction_points returns n rows with the right columns, highest first."""
from graders import call, check, check_type, passed

_answer = call(friction_points, journey.copy(), tasks.copy(), name="friction_points")
_name = "friction_points(journey, tasks)"
check_type(_answer, pd.DataFrame, _name)
_cols = ["task_id", "step_no", "step", "friction_hours_per_month"]
check(all(c in _answer.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_answer.columns)}.")
check(len(_answer) == 10, _name, f"has {len(_answer)} rows; the default n=10 asks for ten.")
check(bool(_answer["friction_hours_per_month"].astype(float).is_monotonic_decreasing), _name,
      "is not sorted from highest to lowest friction.")
check(len(call(friction_points, journey.copy(), tasks.copy(), 3, name="friction_points")) == 3,
      "friction_points(journey, tasks, 3)", "should return 3 rows when n=3.")
passed("friction_points")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of friction_points (3 points) run when your notebook is graded.
from graders import call

_ = call(friction_points, journey.copy(), tasks.copy(), name="friction_points")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_j, _t = _load("developer_journey"), _load("developer_tasks")
_rule = ("friction of a step = its waiting minutes x the monthly occurrences of its task / 60 (hours per month); "
         "return the n highest, highest first.")
expect.frame("friction_points", call(friction_points, _j.copy(), _t.copy(), name="friction_points"),
             _rule, what="row", key=["task_id", "step_no"])
_t2 = _t.assign(monthly_occurrences=_t["monthly_occurrences"].iloc[::-1].to_numpy())
expect.frame("friction_points (with other monthly volumes, n=12)",
             call(friction_points, _j.copy(), _t2.copy(), 12, name="friction_points"),
             _rule, what="row", key=["task_id", "step_no"])
# Every step, ties included (all steps without waiting have friction 0): ties by task_id, then step_no.
expect.frame("friction_points (every step, n=len(journey))",
             call(friction_points, _j.copy(), _t.copy(), len(_j), name="friction_points"),
             _rule + " Ties: task_id, then step_no, ascending.", what="row", key=["task_id", "step_no"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · The platform is a product; Conway's law shapes it
#
# An internal developer platform is, in Evan Bottcher's words (2018), a foundation of self-service
# APIs, tools, services, knowledge and support arranged as a **compelling internal product**. The
# CNCF Platforms White Paper (CNCF TAG App Delivery, 2023) makes the same point: a platform exists
# to reduce the cognitive load of the teams that use it, and it should be run like a product, with
# users, research, a roadmap and measured adoption — not mandated and forgotten.
#
# **Conway's law** (Conway, 1968): organisations that design systems produce designs that mirror
# their own communication structure. Read the other way, every boundary between teams that a task
# has to cross shows up as a hand-off: a ticket, a queue, a wait. *Team Topologies* (Skelton &
# Pais, 2019) names four team types — **stream-aligned** (delivers a flow of change for a business
# domain), **platform** (provides internal services that stream-aligned teams consume),
# **enabling** (coaches teams to adopt new practices) and **complicated-subsystem** (owns a part
# that needs deep specialist knowledge) — and three interaction modes: **collaboration**,
# **X-as-a-Service** and **facilitating**. A platform team succeeds when most of its interactions
# become X-as-a-Service: the stream-aligned team gets what it needs without a ticket. Skelton and
# Pais also warn against building more than needed: start from the **thinnest viable platform**.

# %% [markdown] nbgrader={"grade_id": "lab-3-intro", "locked": true}
# ## Lab 3 · Conway's law in the data
#
# Every hand-off crosses a team boundary. Which teams do developers wait for most, once task
# volume is taken into account? **Figure 3** adds up the waiting hours per month caused by steps
# performed by each team. *Text description:* a bar per team that performs steps; the teams that
# own a shared approval or provisioning queue account for most of the organisation's waiting.

# %% nbgrader={"grade_id": "lab-3-conway", "locked": true}
volume = journey.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
wait_by_actor = (volume["waiting_minutes"] * volume["monthly_occurrences"] / 60).groupby(volume["actor"]).sum()
wait_by_actor = wait_by_actor.sort_values()
fig, ax = plt.subplots()
ax.barh(wait_by_actor.index, wait_by_actor.values,
        color=np.where(wait_by_actor.index == "developer", ACTIVE, HIGHLIGHT))
ax.set_title("Figure 3. Organisation-wide waiting by who performs the step")
ax.set_xlabel("waiting time caused (hours per month)")
ax.set_ylabel("team performing the step")
plt.show()

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# Your results rank the friction points. In 120–200 words: **which one would you remove first,
# and why?** Use at least two of this week's ideas (feedback loops, cognitive load, flow, Conway's
# law, team interaction modes) and say what evidence, beyond this study, you would gather before
# committing platform-team time.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# The change-advisory-board wait on *deploy-change* is the largest friction point by far, because
# a day-long wait multiplies by the most frequent task. It breaks the deploy feedback loop, pushes
# developers to batch changes (bigger, riskier deploys), and is a hand-off to a team outside the
# stream (Conway: the approval queue mirrors an organisational boundary). I would replace it with an
# automated, auditable pipeline check (X-as-a-Service) rather than another ticket form. Before
# committing time I would check the change-failure data to show the board's approval is not what
# keeps failures low, interview the board and security about what evidence they need, and ask
# developers in a short survey whether this wait is what they feel most.

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Golden paths and paved roads
#
# Spotify's engineers describe a **golden path** as the opinionated, supported way to build
# something — for example a new backend service — documented step by step and backed by templates,
# so that the easy way and the right way coincide (Spotify Engineering, 2020). They introduced it
# to fight fragmentation: hundreds of teams had each found their own way to do the same thing.
# Netflix uses the image of a **paved road**: centrally supported tools that teams are free to
# leave, but rarely want to (Netflix Technology Blog, 2018). Two properties matter for this week:
#
# 1. A golden path is **optional and attractive**, not mandated; its value must be visible in the
#    developer's own work (shorter lead time, fewer tickets).
# 2. A golden path for *creating* a service pays off again every time that service is changed:
#    a service scaffolded with a standard pipeline, alerts and secrets handling inherits the
#    automation of the frequent tasks that follow. That is why this week measures the share of
#    **frequent task volume** a golden path automates, not just the time saved on day one.

# %% [markdown] nbgrader={"grade_id": "lab-4-intro", "locked": true}
# ## Lab 4 · What a golden path could include
#
# The platform team has costed nine **capabilities** a golden path could include (`capabilities`,
# build effort in engineer-weeks). In `tasks`, each task names the one capability that would
# automate it **end to end** (`tasks.capability`); Exercises 4 and 5 use this task-level column: a
# task counts as automated when its capability is on the path. The journey's per-step
# `capability` column is finer and does not always agree with it — `new-service` has steps no
# capability covers and steps that need five other capabilities — so Lab 5 uses the per-step view
# to show what a path changes inside one task. A task is **frequent** when it happens at least
# **20 times a month** across the organisation (the word *everyday* is kept for the 14 tasks of the
# study); the course target is a golden path that automates **80% of frequent task volume**
# (occurrences per month).

# %% nbgrader={"grade_id": "lab-4-capabilities", "locked": true}
FREQUENT_MIN_OCCURRENCES = 20
display(capabilities)
tasks.sort_values("monthly_occurrences", ascending=False)

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (3 points) · Share of frequent task volume a golden path automates
#
# Write `automated_share(tasks, golden_path)` where `golden_path` is a set of capability names. It
# returns, as a **float between 0 and 1**, the **share of frequent task volume** that the golden
# path automates, with the definitions of Lab 4 (`FREQUENT_MIN_OCCURRENCES` holds the threshold).
# With no capability the share is `0`; with every capability it is `1`.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def automated_share(tasks: pd.DataFrame, golden_path: set) -> float:
    """Share of frequent task volume (Lab 4) that the golden path's capabilities automate (0..1)."""
    ### BEGIN SOLUTION
    frequent = tasks[tasks["monthly_occurrences"] >= FREQUENT_MIN_OCCURRENCES]
    covered = frequent["capability"].isin(set(golden_path))
    return float(frequent.loc[covered, "monthly_occurrences"].sum() / frequent["monthly_occurrences"].sum())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: automated_share is 0 for an empty path, 1 when every capability is in, and a fraction."""
from graders import call, check, check_number, passed

_all = set(capabilities["capability"])
_rule = "the share of frequent task volume (Lab 4) is a fraction: 0 for no capabilities, 1 for all."
check_number(call(automated_share, tasks.copy(), set(), name="automated_share"), 0.0, "automated_share(tasks, set())", _rule)
check_number(call(automated_share, tasks.copy(), _all, name="automated_share"), 1.0, "automated_share(tasks, every capability)", _rule)
_mid = call(automated_share, tasks.copy(), {"ci-cd-pipeline"}, name="automated_share")
check(0 < float(_mid) < 1, "automated_share(tasks, {'ci-cd-pipeline'})", "should be strictly between 0 and 1.", _rule)
passed("automated_share")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of automated_share (2 points) run when your notebook is graded.
from graders import call

_ = call(automated_share, tasks.copy(), {"ci-cd-pipeline"}, name="automated_share")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_t = _load("developer_tasks")
_rule = ("the share of frequent task volume: tasks done at least 20 times a month are frequent (20 itself is 'at least "
         "20'); volume is monthly occurrences, not a count of tasks; tasks that are not frequent are in neither part.")
for _path in ({"ci-cd-pipeline", "preview-envs"}, {"service-template", "access-portal", "dependency-bot"}, {"secrets-manager"}):
    expect.number(f"automated_share(tasks, {sorted(_path)})", call(automated_share, _t.copy(), set(_path), name="automated_share"),
                  _rule, rtol=1e-9)
# A task done exactly 20 times a month is frequent: the boundary itself.
_b = _t.assign(monthly_occurrences=_t["monthly_occurrences"].where(_t["task_id"] != "new-database", 20))
for _path in ({"self-service-infra"}, {"ci-cd-pipeline"}):
    expect.number(f"automated_share(tasks where a task happens exactly 20 times a month, {sorted(_path)})",
                  call(automated_share, _b.copy(), set(_path), name="automated_share"), _rule, rtol=1e-9)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (4 points) · Design the golden path new services are born on
#
# The platform team's first golden path is the set of capabilities **every new service starts
# with**: the template scaffolds the service, and the other capabilities come with it, so the
# service's developers meet them in the work they do every week. The path is judged by that
# recurring work, not by the creation itself: creating a service happens 12 times a month, so
# `new-service` is not a frequent task and counts in neither part of the share (its own before and
# after is Lab 5). The template is required because it is how a service gets onto the path, even
# though no frequent task names it. Choose the capabilities. The set must
#
# 1. include `"service-template"` (every new service starts from the template),
# 2. automate **at least 80%** of frequent task volume (use your `automated_share`), and
# 3. cost as little as possible: the **lowest total `build_weeks`** among all sets that meet 1 and 2.
#
# Assign the set of capability names to `golden_path`, and leave in the cell the work that shows
# no cheaper set meets the target: your instructor reads it.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
from itertools import combinations

_cost = capabilities.set_index("capability")["build_weeks"]
_others = [c for c in _cost.index if c != "service-template"]
_candidates = [
    {"service-template", *combo}
    for k in range(len(_others) + 1) for combo in combinations(_others, k)
]
_feasible = [path for path in _candidates if automated_share(tasks, path) >= 0.8]
golden_path = min(_feasible, key=lambda path: (_cost[list(path)].sum(), len(path)))
### END SOLUTION
print("golden path:", sorted(golden_path))

# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: golden_path is a set of known capability names that starts from the template."""
from graders import check, check_set, passed

check("golden_path" in globals(), "golden_path", "is not defined yet: assign your set to golden_path and run that cell.")
_path = check_set(golden_path, "golden_path", capabilities["capability"], "a set of names from capabilities['capability'].")
check("service-template" in _path, "golden_path", "must include 'service-template': every new service starts from it.")
passed("golden_path")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of golden_path (3 points) run when your notebook is graded:
# they check the 80% target and that no cheaper set meets it.
from graders import check

check("golden_path" in globals(), "golden_path", "is not defined yet: assign your set to golden_path and run that cell.")
### BEGIN HIDDEN TESTS
from itertools import combinations as _combinations

from graders import check, check_set
from graders.hidden import expect
from workbook import load as _load

_t, _c = _load("developer_tasks"), _load("platform_capabilities")
_path = check_set(golden_path, "golden_path", _c["capability"])
check("service-template" in _path, "golden_path", "must include 'service-template'.")
# Every allowed choice with its [share of frequent task volume, total build_weeks]; the grader reads
# the reference run's table and your key.
_cost = _c.set_index("capability")["build_weeks"]
_others = [c for c in _cost.index if c != "service-template"]
_options = [{"service-template", *combo} for k in range(len(_others) + 1) for combo in _combinations(_others, k)]
try:
    _table = {",".join(sorted(p)): [float(automated_share(_t.copy(), set(p))), int(_cost[sorted(p)].sum())] for p in _options}
except Exception:
    _table = {}
expect.lookup("golden_path", ",".join(sorted(_path)), _table,
              "include 'service-template', automate at least 80% of frequent task volume (tasks done >= 20 times a month, "
              "weighted by monthly_occurrences), and among all such sets choose one with the lowest total build_weeks.",
              at_least=0.8, best="min")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-5-intro", "locked": true}
# ## Lab 5 · Creating a new service, before and after
#
# What would a developer creating a new service feel? Here the per-step view is used (Lab 4):
# steps whose own `capability` is in the path take their `automated_minutes` and no waiting, the
# others stay as they are — so a path holding only `service-template`, the task-level capability
# of `new-service`, removes far less than "end to end" suggests. **Figure 4** compares the new-service journey today
# with the example path below — change `example_path` (try your own `golden_path`) and re-run.
# *Text description:* two horizontal bars, today and with the golden path, each split into active
# and waiting hours; the golden path removes most of the waiting.

# %% nbgrader={"grade_id": "lab-5-before-after", "locked": true}
example_path = {"service-template", "ci-cd-pipeline", "self-service-infra"}
new_service = journey[journey["task_id"] == "new-service"]
automated = new_service["capability"].isin(example_path)
after = new_service.assign(
    active_minutes=new_service["active_minutes"].where(~automated, new_service["automated_minutes"]),
    waiting_minutes=new_service["waiting_minutes"].where(~automated, 0),
)
compare = pd.DataFrame({
    "today": new_service[["active_minutes", "waiting_minutes"]].sum() / 60,
    "with golden path": after[["active_minutes", "waiting_minutes"]].sum() / 60,
}).T
fig, ax = plt.subplots(figsize=(8, 2.8))
time_bars(ax, compare.index, compare["active_minutes"], compare["waiting_minutes"],
          title="Figure 4. Creating a new service: lead time today and with a golden path",
          xlabel="lead time (hours)", ylabel="journey")
plt.show()
compare.assign(lead_time_hours=compare.sum(axis=1)).round(1)

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · Feedback loops: how long until the tools answer?
#
# Noda, Storey, Forsgren and Greiler (2023) name **feedback loops** as the first of developer
# experience's three dimensions: the speed and quality of the answers developers get to their
# actions — a build, a test run, a deploy, a code review. Short loops let a developer stay in the
# task; a ten-minute build invites a context switch, and a forty-minute one makes it certain.
# The waits in a feedback loop are different from the hand-offs of Lab 3: no other team is
# involved, the developer waits for **their own tools**. They are also the waits a platform team
# can measure continuously — pipeline and build durations are logged — and shorten with caching,
# parallel test runs and faster environments. Weighted by volume, as in Exercise 3, a short loop
# that runs a thousand times a month can cost more than any single approval queue.

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · The cost of waiting for the tools
#
# A step is part of a **feedback loop** when it is a wait of the kind Reading 4 describes. The
# study's build, test and deploy tools are the ones in `FEEDBACK_TOOLS` below. Write
# `feedback_wait_hours(journey, tasks)` returning a **Series indexed by `task_id`, one value for
# every task in `tasks`**: the **hours per month** the organisation spends waiting in the task's
# feedback loops, weighted by volume as in Exercise 3.

# %% nbgrader={"grade_id": "ex-6-tools", "locked": true}
FEEDBACK_TOOLS = {"Jenkins", "Terminal"}

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def feedback_wait_hours(journey: pd.DataFrame, tasks: pd.DataFrame) -> pd.Series:
    """Per task of tasks: hours per month the organisation spends waiting in the task's feedback loops."""
    ### BEGIN SOLUTION
    loop = journey[(journey["actor"] == "developer") & journey["tool"].isin(FEEDBACK_TOOLS)]
    minutes = loop.groupby("task_id")["waiting_minutes"].sum().reindex(tasks["task_id"], fill_value=0)
    return minutes * tasks.set_index("task_id")["monthly_occurrences"] / 60
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: feedback_wait_hours has one non-negative value per task."""
from graders import call, check, check_type, passed

_answer = call(feedback_wait_hours, journey.copy(), tasks.copy(), name="feedback_wait_hours")
_name = "feedback_wait_hours(journey, tasks)"
check_type(_answer, pd.Series, _name)
check(set(_answer.index) == set(tasks["task_id"]) and len(_answer) == len(tasks), _name,
      "should have exactly one value per task of tasks, also for tasks that have no feedback loop.")
check(bool((_answer.astype(float) >= 0).all()), _name, "has negative or missing values: a wait is never negative.")
passed("feedback_wait_hours")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of feedback_wait_hours (2 points) run when your notebook is graded:
# on this week's data and on data with other tools, actors and volumes.
from graders import call

_ = call(feedback_wait_hours, journey.copy(), tasks.copy(), name="feedback_wait_hours")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_j, _t = _load("developer_journey"), _load("developer_tasks")
_rule = ("a feedback loop is the developer waiting for their own build, test or deploy tool (FEEDBACK_TOOLS): a step "
         "another team performs is a hand-off, even with such a tool; hours per month = waiting minutes x monthly "
         "occurrences / 60; every task of tasks, 0 when it has no feedback loop.")
expect.series("feedback_wait_hours", call(feedback_wait_hours, _j.copy(), _t.copy(), name="feedback_wait_hours"),
              _rule, what="task")
_k = _j.assign(tool=_j["tool"].where(_j["step_no"] % 3 != 1, "Terminal"),
               actor=_j["actor"].where(_j["step_no"] % 4 != 2, "developer"))
_k["handoff"] = _k["actor"] != "developer"  # other teams run builds and deploys here too
_u = _t.assign(monthly_occurrences=_t["monthly_occurrences"].iloc[::-1].to_numpy())
expect.series("feedback_wait_hours (on a second data set)",
              call(feedback_wait_hours, _k.copy(), _u.copy(), name="feedback_wait_hours"), _rule, what="task")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-6-feedback", "locked": true}
# Which feedback loops cost most per month, and how do they compare with the friction points of
# Exercise 3? (This cell uses your `feedback_wait_hours`.)

# %% nbgrader={"grade_id": "lab-6-feedback-table", "locked": true}
try:
    display(feedback_wait_hours(journey, tasks).sort_values(ascending=False).rename("hours per month").head(6).round(1).to_frame())
except NotImplementedError:
    print("Answer Exercise 6 first: this lab uses your feedback_wait_hours.")

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# Your cheapest golden path meets the 80% target on paper. In 100–150 words: **what would make
# developers actually choose it over their current way of working**, and how would you know
# within a quarter whether they do? Refer to the idea of the platform as a product.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# Developers choose a path that is visibly faster for their own work, so I would launch it with the
# teams that suffer most from the deploy and preview-environment waits, publish the before/after
# lead times, and keep the old route open (a paved road, not a mandate). Treating it as a product
# means naming an owner, collecting feedback in the tool itself and fixing the top complaints
# quickly. Within a quarter I would track adoption (share of new services and deploys on the
# path), lead time and flow efficiency of the covered tasks, the number of tickets to the
# platform team, and a short developer-satisfaction pulse survey.

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
# | 1 · lead time | 3 | 2 |
# | 2 · flow efficiency | 3 | 2 |
# | 3 · friction points | 4 | 3 |
# | 4 · automated share | 3 | 2 |
# | 5 · golden path | 4 | 3 |
# | 6 · feedback-loop waits | 3 | 2 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - Developer experience has three measurable dimensions: feedback loops, cognitive load and flow.
# - Lead time splits into active and waiting time; **flow efficiency** (active ÷ lead time) is
#   usually low, and waiting — mostly at hand-offs between teams — is what a platform can remove.
# - Conway's law explains where the waits are: at the boundaries of the organisation. Team
#   Topologies' platform team turns those boundaries into **X-as-a-Service** interactions.
# - Weight friction by **volume**: a short wait on a frequent task beats a long wait on a rare one.
# - **Feedback loops** — waiting for one's own build, tests and deploys — are measurable
#   continuously and, weighted by volume, can cost more than any single approval queue.
# - A **golden path** is a product: optional, attractive, and worth most when it automates the
#   frequent tasks a new service will meet all its life.
#
# **Next week:** developer workflow design — onboarding journeys and finding answers in
# documentation.
#
# ## References
#
# - Bottcher, E. (2018). *What I Talk About When I Talk About Platforms.* martinfowler.com.
#   https://martinfowler.com/articles/talk-about-platforms.html
# - CNCF TAG App Delivery (2023). *CNCF Platforms White Paper.*
#   https://tag-app-delivery.cncf.io/whitepapers/platforms/
# - Conway, M. E. (1968). How do committees invent? *Datamation*, 14(4), 28–31.
# - Modig, N., & Åhlström, P. (2012). *This Is Lean: Resolving the Efficiency Paradox.* Rheologica.
# - Netflix Technology Blog (2018). *Full Cycle Developers at Netflix — Operate What You Build.*
#   https://netflixtechblog.com/full-cycle-developers-at-netflix-a08c31f83249
# - Noda, A., Storey, M.-A., Forsgren, N., & Greiler, M. (2023). DevEx: What actually drives
#   productivity. *ACM Queue*, 21(2). https://queue.acm.org/detail.cfm?id=3595878
# - Rother, M., & Shook, J. (1999). *Learning to See: Value Stream Mapping to Add Value and
#   Eliminate Muda.* Lean Enterprise Institute.
# - Skelton, M., & Pais, M. (2019). *Team Topologies: Organizing Business and Technology Teams for
#   Fast Flow.* IT Revolution.
# - Spotify Engineering (2020). *How We Use Golden Paths to Solve Fragmentation in Our Software
#   Ecosystem.* https://engineering.atspotify.com/2020/08/how-we-use-golden-paths-to-solve-fragmentation-in-our-software-ecosystem/
# - Sweller, J. (1988). Cognitive load during problem solving: Effects on learning. *Cognitive
#   Science*, 12(2), 257–285.
