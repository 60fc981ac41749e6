# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Capstone · Enterprise Platform
#
# *Platform Engineering Workbook — the capstone project.*
#
# A year after its platform launched, Tidewater has merged with two other retailers: **130 teams,
# about 1,180 developers and 430 services**. The new leadership asks the platform team one question
# before it funds the next year: **is the platform meeting the goals it was launched with, and can
# it carry the merged organisation?** You answer in three parts. **Part 1** is a **platform
# scorecard** computed from the data, one line per success criterion of the capstone brief, each
# against its target with an honest verdict — *met*, *not met*, or *cannot be measured from this
# data* (and why). **Part 2** builds three pieces of the platform's kit for the merged
# organisation, each in its real format and judged by the field's own tool: the portal's
# **Backstage catalog**, the **admission policies** of its clusters, the **SLO alert rules** of
# its tier-1 services and the **golden path's skeleton** that makes new services right from day one. **Part 3** is the design document for the platform's next stage and the
# evaluation rubric, where you point your instructor to the built pieces and figures that are your
# evidence.
#
# **How this notebook works.** Exercises are marked **Exercise N (k points)**: replace
# `raise NotImplementedError()` with your answer, then run the check cell below it. The checks you
# can see test the shape of your answer; more checks run when your notebook is graded (see
# [Check your work](#Check-your-work)). Many functions restate, at enterprise scale, ideas from
# the weeks (Week 2's half-open windows, Week 6's availability, Week 8's survey scores); the built
# pieces use the tools of Weeks 3, 5 and 6. Reuse your earlier thinking, but write each answer
# here. The design document and the five rubric cells are read and scored by your instructor.
#
# **What this capstone does not build (yet).** The curriculum's platform also has Software
# Templates, infrastructure compositions, GitOps application specs, preview environments and
# tracing: the weeks built those, and the design document places them in the architecture, but
# they are not written or graded here.

# %% [markdown] nbgrader={"grade_id": "objectives", "locked": true}
# ## Learning objectives
#
# By the end of the capstone you can:
#
# 1. Turn a platform's **success criteria** into measurements with explicit windows, units and
#    denominators (distinct teams, not rows; the latest answer per developer, not every answer).
# 2. Judge each measurement against its target with an **honest verdict**, including the criteria
#    the data cannot measure, and say what data would settle them.
# 3. Compute **availability** from overlapping outages, and **reductions** between two windows.
# 4. **Build** the platform's kit for an organisation of 1,000+ developers from its data: a
#    Backstage catalog whose ownership and references are complete, admission policies that
#    block, warn and exempt as the organisation decided, and multiwindow burn-rate alerts that
#    page the owning team, each accepted by its tool and correct on cases you did not see.
# 5. Write a **design document** for a platform serving 500+ developers: architecture, roadmap and
#    trade-offs, argued from your scorecard and your built pieces.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads the eight tables of the enterprise organisation from the
# assignment's `data/` folder (they travel with this notebook; the columns are documented in
# `data/README.md`) and defines the three windows the scorecard uses. Every window is
# **half-open**, `[start, end)`: an event exactly at `start` is inside, an event exactly at `end`
# belongs to the next window.

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
teams = load("enterprise_teams")            # one row per team
developers = load("enterprise_developers")  # one row per developer, with onboarding hours
services = load("enterprise_services")      # one row per service, with how it was created
usage = load("enterprise_usage")            # one row per action through the platform (current quarter)
survey = load("enterprise_survey")          # platform satisfaction, two waves
tickets = load("enterprise_tickets")        # support tickets to the platform team
incidents = load("enterprise_incidents")    # operational incidents
outages = load("enterprise_outages")        # platform outages (status page)

UTC = "UTC"
BASELINE = (pd.Timestamp("2026-01-01", tz=UTC), pd.Timestamp("2026-04-01", tz=UTC))   # before the launch
CURRENT = (pd.Timestamp("2026-07-01", tz=UTC), pd.Timestamp("2026-10-01", tz=UTC))    # the quarter judged
LAST_30_DAYS = (pd.Timestamp("2026-09-01", tz=UTC), CURRENT[1])
print(f"{len(teams)} teams, {len(developers)} developers, {len(services)} services, "
      f"{len(usage):,} platform actions in the current quarter")
usage.head()

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · A scorecard a platform team can defend
#
# The CNCF Platforms White Paper (CNCF TAG App Delivery, 2023) asks platform teams to measure
# their platform like a product: by the satisfaction and productivity of its users, by the
# organisation's efficiency, and by how fast the business delivers — not by how many tools the
# platform offers. The same group's Platform Engineering Maturity Model (2023) treats
# *measurement* as its own aspect of maturity: a mature team collects both system data and
# developer feedback and acts on them. SPACE (Forsgren et al., 2021) adds two rules that apply
# directly to a scorecard: use several dimensions, because no single metric is a fair proxy for
# productivity, and include at least one **perceptual** measure (what developers say), next to
# the system measures (what the logs say).
#
# The capstone brief sets the targets this scorecard judges (its "Success Criteria"): adoption —
# 90%+ of teams actively use the platform, 80%+ of services created through golden paths, 95%+
# developer satisfaction, 50%+ fewer support tickets; performance — new services in under
# 5 minutes, environments in under 30 seconds, onboarding in under 2 hours, 99.9%+ platform
# availability; business impact — 70%+ shorter time to market, 60%+ fewer operational incidents,
# 40%+ higher developer velocity, 80%+ fewer compliance violations.
#
# Three rules keep a scorecard honest, and this notebook follows them:
#
# - **Say how each number is computed**: the window, the unit, and what is counted. "90% of teams"
#   counts distinct teams, not the rows of a log; "satisfaction" counts each developer once.
# - **Read the target's words exactly**: "90%+" is *at least* 90% (exactly 90% meets it), "under
#   5 minutes" is *strictly less than* 5 (exactly 5 does not).
# - **"Cannot be measured" is a verdict, not a failure**: when the data has no record of a thing
#   (no time-to-market, no definition of velocity), the honest scorecard says so and names the data
#   that would settle it. Filling the gap with a convenient proxy invites Goodhart's law in
#   Strathern's (1997) words: "when a measure becomes a target, it ceases to be a good measure".

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (2 points) · Teams actively using the platform
#
# A team is **active** in a window when at least one of its developers took at least one action
# through the platform (a row of `usage`) with `at` in the half-open window `[start, end)`. Write
# `active_team_share(teams, usage, start, end)` returning a **float between 0 and 1**: the number
# of distinct teams of `teams` that are active, divided by the number of teams in `teams`. Rows of
# `usage` from a team that is not in `teams` do not count.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def active_team_share(teams: pd.DataFrame, usage: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Share of the teams in `teams` with at least one platform action in [start, end)."""
    ### BEGIN SOLUTION
    inside = usage[(usage["at"] >= start) & (usage["at"] < end)]
    active = teams["team_id"].isin(set(inside["team_id"]))
    return float(active.sum() / teams["team_id"].nunique())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: active_team_share is a fraction, 0 for an empty window, never lower for a longer window."""
from graders import call, check, check_number, passed

_name = "active_team_share(teams, usage, *LAST_30_DAYS)"
_last = call(active_team_share, teams.copy(), usage.copy(), *LAST_30_DAYS, name="active_team_share")
check(isinstance(_last, (float, np.floating)) and 0 <= float(_last) <= 1, _name,
      f"should be a float between 0 and 1; got {_last!r}.", "count distinct active teams, divide by the teams in `teams`.")
check_number(call(active_team_share, teams.copy(), usage.copy(), CURRENT[0], CURRENT[0], name="active_team_share"), 0.0,
             "active_team_share(teams, usage, start, start)", "an empty window [start, start) holds no action.")
_quarter = call(active_team_share, teams.copy(), usage.copy(), *CURRENT, name="active_team_share")
check(float(_quarter) >= float(_last), "active_team_share over the whole quarter",
      "is lower than over its last 30 days; a longer window can only add active teams.")
passed("active_team_share")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of active_team_share (1 point) run when your notebook is graded:
# on this data and on a small table of its own (boundaries, repeated rows, an unknown team).
from graders import call

_ = call(active_team_share, teams.copy(), usage.copy(), *LAST_30_DAYS, name="active_team_share")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_t, _u = _load("enterprise_teams"), _load("enterprise_usage")
_rule = ("active teams = distinct teams of `teams` with at least one action whose `at` is in [start, end) "
         "(start included, end excluded), divided by the number of teams in `teams`.")
expect.number("active_team_share (last 30 days)", call(active_team_share, _t.copy(), _u.copy(),
              pd.Timestamp("2026-09-01", tz="UTC"), pd.Timestamp("2026-10-01", tz="UTC"), name="active_team_share"), _rule)
expect.number("active_team_share (August)", call(active_team_share, _t.copy(), _u.copy(),
              pd.Timestamp("2026-08-01", tz="UTC"), pd.Timestamp("2026-09-01", tz="UTC"), name="active_team_share"), _rule)
_s, _e = pd.Timestamp("2026-05-01", tz="UTC"), pd.Timestamp("2026-06-01", tz="UTC")
_ht = pd.DataFrame({"team_id": ["A", "B", "C", "D", "E"]})
_hu = pd.DataFrame({"team_id": ["A", "A", "A", "B", "C", "X", "X", "D"],
                    "at": pd.to_datetime(["2026-05-03", "2026-05-04", "2026-05-05", "2026-05-01", "2026-06-01",
                                          "2026-05-10", "2026-05-11", "2026-04-30 23:59:59"], utc=True, format="ISO8601")})
expect.number("active_team_share (a hand-made table: an action exactly at start and one exactly at end, "
              "repeated actions, a team not in `teams`)",
              call(active_team_share, _ht.copy(), _hu.copy(), _s, _e, name="active_team_share"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (2 points) · Services created through the golden path
#
# Write `golden_path_share(services, start, end)` returning a **float**: among the services whose
# `created_at` is in `[start, end)`, the share whose `created_via` is `"golden-path"`. Services
# created before the window (imported in the merger or built by hand years ago) are not part of
# this criterion: the target is about how services are *created* now. When no service was created
# in the window the share cannot be measured: return `float("nan")`.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
def golden_path_share(services: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Share of the services created in [start, end) that were created through the golden path."""
    ### BEGIN SOLUTION
    created = services[(services["created_at"] >= start) & (services["created_at"] < end)]
    if created.empty:
        return float("nan")
    return float((created["created_via"] == "golden-path").mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: golden_path_share is a fraction for the current quarter and NaN for an empty window."""
from graders import call, check, passed

_name = "golden_path_share(services, *CURRENT)"
_share = call(golden_path_share, services.copy(), *CURRENT, name="golden_path_share")
check(isinstance(_share, (float, np.floating)) and 0 <= float(_share) <= 1, _name,
      f"should be a float between 0 and 1; got {_share!r}.")
_empty = call(golden_path_share, services.copy(), pd.Timestamp("2030-01-01", tz=UTC), pd.Timestamp("2030-02-01", tz=UTC),
              name="golden_path_share")
check(isinstance(_empty, float) and np.isnan(_empty), "golden_path_share for a window without new services",
      "should be float('nan'): with no service created, the share cannot be measured.")
passed("golden_path_share")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of golden_path_share (1 point) run when your notebook is graded.
from graders import call

_ = call(golden_path_share, services.copy(), *CURRENT, name="golden_path_share")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_sv = _load("enterprise_services")
_rule = ("among services with created_at in [start, end) (start included, end excluded), the share with "
         "created_via == 'golden-path'; NaN when none was created in the window.")
for _a, _b in (("2026-07-01", "2026-10-01"), ("2026-04-01", "2026-07-01"), ("2026-01-01", "2026-10-01")):
    expect.number(f"golden_path_share({_a} to {_b})", call(golden_path_share, _sv.copy(), pd.Timestamp(_a, tz="UTC"),
                  pd.Timestamp(_b, tz="UTC"), name="golden_path_share"), _rule)
_hs = pd.DataFrame({"service_id": ["s1", "s2", "s3", "s4", "s5"],
                    "created_at": pd.to_datetime(["2026-05-01", "2026-05-20", "2026-06-01", "2025-01-01", "2026-05-31"], utc=True, format="ISO8601"),
                    "created_via": ["manual", "golden-path", "golden-path", "golden-path", "imported"]})
expect.number("golden_path_share (a hand-made table: services exactly at start and at end, an old one)",
              call(golden_path_share, _hs.copy(), pd.Timestamp("2026-05-01", tz="UTC"), pd.Timestamp("2026-06-01", tz="UTC"),
                   name="golden_path_share"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Counting people, not rows
#
# A survey answer is a perceptual measure (SPACE's *satisfaction and well-being*), and it has two
# traps. Some developers submit twice in a wave; counting every row gives their opinion double
# weight, so the scorecard keeps **each developer's latest answer in the wave** (the later answer
# replaces the earlier one, as the survey tool itself does). And a skipped question is not an
# answer: it is left out *before* picking the latest answer, so a developer who answered and then
# resubmitted without that question still counts with the answer they gave. "Developer
# satisfaction score" has no single definition; the course uses the survey researchers' common
# **top-two-box** share: the share of developers who answer 4 or 5 on the 1–5 scale (a **house
# rule**: say it next to the number, because a mean of 3.9 out of 5 and "72% satisfied" can
# describe the same answers).

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (2 points) · Developer satisfaction
#
# Write `satisfaction_share(survey, wave)` returning a **float between 0 and 1**: take the rows of
# `survey` in `wave` that have a `satisfaction` answer (not missing), keep each developer's latest
# one by `submitted_at`, and return the share of those developers whose answer is **4 or 5**.

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def satisfaction_share(survey: pd.DataFrame, wave: str) -> float:
    """Top-two-box share: developers whose latest answer in the wave is 4 or 5."""
    ### BEGIN SOLUTION
    answered = survey[(survey["wave"] == wave) & survey["satisfaction"].notna()]
    latest = answered.sort_values("submitted_at").drop_duplicates("developer_id", keep="last")
    return float((latest["satisfaction"] >= 4).mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: satisfaction_share is a fraction in each wave."""
from graders import call, check, passed

for _wave in ("2026-Q1", "2026-Q3"):
    _share = call(satisfaction_share, survey.copy(), _wave, name="satisfaction_share")
    check(isinstance(_share, (float, np.floating)) and 0 <= float(_share) <= 1, f"satisfaction_share(survey, {_wave!r})",
          f"should be a float between 0 and 1; got {_share!r}.", "a share of developers, not a mean score.")
passed("satisfaction_share")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of satisfaction_share (1 point) run when your notebook is graded.
from graders import call

_ = call(satisfaction_share, survey.copy(), "2026-Q3", name="satisfaction_share")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_sq = _load("enterprise_survey")
_rule = ("rows of the wave with an answer; each developer's latest by submitted_at; share of those developers "
         "answering 4 or 5 (4 included).")
for _wave in ("2026-Q1", "2026-Q3"):
    expect.number(f"satisfaction_share({_wave})", call(satisfaction_share, _sq.copy(), _wave, name="satisfaction_share"), _rule)
_hq = pd.DataFrame({"developer_id": ["a", "a", "b", "b", "c", "d", "e", "e", "f"],
                    "wave": ["W"] * 8 + ["V"],
                    "submitted_at": pd.to_datetime(["2026-05-01 09:00", "2026-05-02 09:00", "2026-05-01 10:00",
                                                    "2026-05-03 10:00", "2026-05-01", "2026-05-01", "2026-05-01",
                                                    "2026-05-05", "2026-05-01"], utc=True, format="ISO8601"),
                    "satisfaction": pd.array([2, 5, 5, 2, 4, None, 3, None, 5], dtype="Int64")})
expect.number("satisfaction_share (a hand-made table: answers replaced, an answer of exactly 4, skipped answers, "
              "another wave)", call(satisfaction_share, _hq.copy(), "W", name="satisfaction_share"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (2 points) · A reduction between two windows
#
# Two criteria compare a count before the platform with the count now: support tickets (target:
# 50%+ fewer) and operational incidents (60%+ fewer). Write `reduction(events, column, baseline,
# current)` where `events` is a table of events, `column` the name of its timestamp column, and
# `baseline`, `current` two `(start, end)` windows. Count the events in each window (half-open)
# and return the **reduction as a fraction**: `1 - current count / baseline count` (0.5 means
# half as many; a negative value means more). With no event in the baseline there is nothing to
# reduce: return `float("nan")`.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def reduction(events: pd.DataFrame, column: str, baseline: tuple, current: tuple) -> float:
    """1 - (events in current) / (events in baseline); both windows half-open [start, end)."""
    ### BEGIN SOLUTION
    when = events[column]
    before = int(((when >= baseline[0]) & (when < baseline[1])).sum())
    now = int(((when >= current[0]) & (when < current[1])).sum())
    return float("nan") if before == 0 else 1 - now / before
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: reduction is a number, 0 when both windows are the same, NaN without a baseline."""
from graders import call, check, check_number, passed

_r = call(reduction, tickets.copy(), "opened_at", BASELINE, CURRENT, name="reduction")
check(isinstance(_r, (float, np.floating)) and float(_r) <= 1, "reduction(tickets, 'opened_at', BASELINE, CURRENT)",
      f"should be a float of at most 1; got {_r!r}.", "1 - current count / baseline count.")
check_number(call(reduction, tickets.copy(), "opened_at", CURRENT, CURRENT, name="reduction"), 0.0,
             "reduction(tickets, 'opened_at', CURRENT, CURRENT)", "the same window twice is no reduction: 1 - n / n = 0.")
_none = call(reduction, tickets.copy(), "opened_at", (pd.Timestamp("2020-01-01", tz=UTC), pd.Timestamp("2020-04-01", tz=UTC)),
             CURRENT, name="reduction")
check(isinstance(_none, float) and np.isnan(_none), "reduction with an empty baseline",
      "should be float('nan'): without baseline events there is nothing to reduce.")
passed("reduction")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of reduction (1 point) run when your notebook is graded.
from graders import call

_ = call(reduction, tickets.copy(), "opened_at", BASELINE, CURRENT, name="reduction")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_b = (pd.Timestamp("2026-01-01", tz="UTC"), pd.Timestamp("2026-04-01", tz="UTC"))
_c = (pd.Timestamp("2026-07-01", tz="UTC"), pd.Timestamp("2026-10-01", tz="UTC"))
_rule = "reduction = 1 - (events in current) / (events in baseline), windows [start, end); NaN without baseline events."
expect.number("reduction(tickets)", call(reduction, _load("enterprise_tickets").copy(), "opened_at", _b, _c, name="reduction"), _rule)
expect.number("reduction(incidents)", call(reduction, _load("enterprise_incidents").copy(), "opened_at", _b, _c, name="reduction"), _rule)
_he = pd.DataFrame({"when": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-07-01",
                                            "2026-10-01", "2026-10-02"], utc=True, format="ISO8601")})
expect.number("reduction (a hand-made table: events exactly at the windows' starts and ends)",
              call(reduction, _he.copy(), "when", _b, _c, name="reduction"), _rule)
_hm = pd.DataFrame({"when": pd.to_datetime(["2026-02-01", "2026-07-02", "2026-07-03", "2026-08-01"], utc=True, format="ISO8601")})
expect.number("reduction (a hand-made table with more events now than before)",
              call(reduction, _hm.copy(), "when", _b, _c, name="reduction"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (2 points) · How long the platform takes to answer
#
# New-service time and environment provisioning time come from `usage`: a `scaffold-service` or
# `provision-env` action's `duration_seconds` runs from the request to the result. The scorecard
# judges the **typical** request: the **median** duration (a few very slow requests should not
# hide what most developers see; a p90 would be the stricter **house rule** for a later year).
# Failed actions did not produce a result, so they are left out. Write
# `median_duration(usage, action, start, end)` returning the median `duration_seconds` of the
# **succeeded** rows with that `action` and `at` in `[start, end)`, as a float in seconds;
# `float("nan")` when there are none.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
def median_duration(usage: pd.DataFrame, action: str, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Median seconds of the succeeded `action` rows in [start, end); NaN when there are none."""
    ### BEGIN SOLUTION
    rows = usage[(usage["action"] == action) & usage["succeeded"] & (usage["at"] >= start) & (usage["at"] < end)]
    return float(rows["duration_seconds"].median()) if len(rows) else float("nan")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: median_duration is a positive number of seconds for each action, NaN for an unknown action."""
from graders import call, check, passed

for _action in ("scaffold-service", "provision-env"):
    _m = call(median_duration, usage.copy(), _action, *CURRENT, name="median_duration")
    check(isinstance(_m, (float, np.floating)) and float(_m) > 0, f"median_duration(usage, {_action!r}, *CURRENT)",
          f"should be a positive float (seconds); got {_m!r}.")
_x = call(median_duration, usage.copy(), "no-such-action", *CURRENT, name="median_duration")
check(isinstance(_x, float) and np.isnan(_x), "median_duration for an action nobody took", "should be float('nan').")
passed("median_duration")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of median_duration (1 point) run when your notebook is graded.
from graders import call

_ = call(median_duration, usage.copy(), "provision-env", *CURRENT, name="median_duration")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_u = _load("enterprise_usage")
_rule = "median duration_seconds of the succeeded rows of that action with `at` in [start, end); failures left out."
for _action, _a, _b in (("scaffold-service", "2026-07-01", "2026-10-01"), ("provision-env", "2026-07-01", "2026-10-01"),
                        ("deploy", "2026-08-01", "2026-08-08")):
    expect.number(f"median_duration({_action}, {_a} to {_b})", call(median_duration, _u.copy(), _action,
                  pd.Timestamp(_a, tz="UTC"), pd.Timestamp(_b, tz="UTC"), name="median_duration"), _rule)
_hu = pd.DataFrame({"at": pd.to_datetime(["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-06-01"], utc=True, format="ISO8601"),
                    "action": ["provision-env"] * 6, "duration_seconds": [10.0, 20.0, 40.0, 600.0, 900.0, 1.0],
                    "succeeded": [True, True, True, True, False, True]})
expect.number("median_duration (a hand-made table: an even count, a slow outlier, a failure, a row at the end)",
              call(median_duration, _hu.copy(), "provision-env", pd.Timestamp("2026-05-01", tz="UTC"),
                   pd.Timestamp("2026-06-01", tz="UTC"), name="median_duration"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Availability when outages overlap
#
# Availability over a window is the share of the window in which the platform could be used:
# `1 - downtime / window length`. The Google SRE books express a target like 99.9% as an
# **error budget**, `1 - SLO`: 0.1% of the window, 43.2 minutes in 30 days (Beyer et al., 2018),
# about 132 minutes in this 92-day quarter. Two details decide the verdict here. First, the
# status page records outages **per component**; the platform is down while **any** component is,
# so when the CI outage overlaps the registry outage the platform was down for the **union** of
# the two periods, not their sum. Second, an outage that began before the window only counts from
# the window's start (**clip** it to the window).

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · Platform availability
#
# Write `availability(outages, start, end)` returning a **float between 0 and 1**: clip every
# outage (`started_at` to `ended_at`) to the window `[start, end)`, merge overlapping outages,
# and return `1 - (total merged downtime) / (end - start)`. Use pandas, not a loop: sort the
# outages by start; an outage opens a new block of downtime when it starts after the running
# maximum (`cummax`) of the earlier outages' ends.

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def availability(outages: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """1 - (union of the outages, clipped to [start, end)) / (end - start)."""
    ### BEGIN SOLUTION
    o = pd.DataFrame({"s": outages["started_at"].clip(lower=start, upper=end),
                      "e": outages["ended_at"].clip(lower=start, upper=end)})
    o = o[o["e"] > o["s"]].sort_values("s")
    if o.empty:
        return 1.0
    reach = o["e"].cummax().shift()  # the furthest end of the earlier outages
    block = (o["s"] > reach).cumsum()  # a new block of downtime starts after a gap
    merged = o.groupby(block).agg(s=("s", "min"), e=("e", "max"))
    return float(1 - (merged["e"] - merged["s"]).sum() / (end - start))
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: availability is a fraction, 1 without outages."""
from graders import call, check, check_number, passed

_av = call(availability, outages.copy(), *CURRENT, name="availability")
check(isinstance(_av, (float, np.floating)) and 0 <= float(_av) <= 1, "availability(outages, *CURRENT)",
      f"should be a float between 0 and 1; got {_av!r}.", "1 - downtime / window length, as a fraction (not %).")
check_number(call(availability, outages.iloc[:0].copy(), *CURRENT, name="availability"), 1.0,
             "availability with no outage", "no downtime means an availability of 1.")
passed("availability")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of availability (2 points) run when your notebook is graded.
from graders import call

_ = call(availability, outages.copy(), *CURRENT, name="availability")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load

_o = _load("enterprise_outages")
_rule = ("clip each outage to [start, end), merge overlapping outages (the platform is down while any component is), "
         "availability = 1 - merged downtime / (end - start).")
for _a, _b in (("2026-07-01", "2026-10-01"), ("2026-08-04 08:35", "2026-08-04 08:55"), ("2026-01-01", "2026-10-01")):
    expect.number(f"availability({_a} to {_b})", call(availability, _o.copy(), pd.Timestamp(_a, tz="UTC"),
                  pd.Timestamp(_b, tz="UTC"), name="availability"), _rule, rtol=1e-9)
_ho = pd.DataFrame({"outage_id": ["o1", "o2", "o3", "o4"], "component": ["ci", "portal", "ci", "gitops"],
                    "started_at": pd.to_datetime(["2026-05-01 10:00", "2026-05-01 10:10", "2026-05-01 10:20", "2026-05-02 00:00"], utc=True, format="ISO8601"),
                    "ended_at": pd.to_datetime(["2026-05-01 11:00", "2026-05-01 10:30", "2026-05-01 10:40", "2026-05-02 00:30"], utc=True, format="ISO8601")})
expect.number("availability (a hand-made table: outages inside another outage)",
              call(availability, _ho.copy(), pd.Timestamp("2026-05-01", tz="UTC"), pd.Timestamp("2026-05-02", tz="UTC"),
                   name="availability"), _rule, rtol=1e-9)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (2 points) · An honest verdict
#
# Write `verdict(value, target, rule)` returning one of three strings: `"met"`, `"not met"` or
# `"cannot be measured"`. `rule` is `"at least"` (a target like "90%+": the value must be **at
# least** the target, so a value equal to the target meets it) or `"below"` (a target like "under
# 5 minutes": the value must be **strictly below** the target). A value of `None` or NaN means the
# data could not measure the criterion: return `"cannot be measured"`, whatever the rule.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
def verdict(value, target: float, rule: str) -> str:
    """'met', 'not met' or 'cannot be measured' for a value against its target."""
    ### BEGIN SOLUTION
    if value is None or pd.isna(value):
        return "cannot be measured"
    if rule == "at least":
        return "met" if value >= target else "not met"
    if rule == "below":
        return "met" if value < target else "not met"
    raise ValueError(f"rule must be 'at least' or 'below', not {rule!r}")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: verdict answers with one of the three strings, on values far from their target."""
from graders import call, check, passed

_allowed = {"met", "not met", "cannot be measured"}
for _args in ((0.99, 0.9, "at least"), (0.5, 0.9, "at least"), (2.0, 5.0, "below"), (9.0, 5.0, "below")):
    _v = call(verdict, *_args, name="verdict")
    check(_v in _allowed, f"verdict{_args}", f"should be one of {sorted(_allowed)}; got {_v!r}.")
check(call(verdict, 0.99, 0.9, "at least", name="verdict") != call(verdict, 0.5, 0.9, "at least", name="verdict"),
      "verdict(0.99, 0.9, 'at least') and verdict(0.5, 0.9, 'at least')", "should differ: one is far above the target, one far below.")
passed("verdict")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 1, "solution": false}
# Hidden checks of verdict (1 point) run when your notebook is graded: values exactly at the
# target, missing values.
from graders import call

_ = call(verdict, 0.99, 0.9, "at least", name="verdict")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("'at least': met when value >= target; 'below': met when value < target (strictly); "
         "None or NaN: 'cannot be measured'.")
for _args in ((0.9, 0.9, "at least"), (300.0, 300.0, "below"), (0.8999, 0.9, "at least"), (29.9, 30.0, "below"),
              (float("nan"), 0.5, "at least"), (None, 30.0, "below"), (np.float64("nan"), 5.0, "below")):
    expect.value(f"verdict{_args}", call(verdict, *_args, name="verdict"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · The scorecard
#
# The cell below puts your functions together: one line per success criterion, its value, its
# target and your verdict. Every line uses your functions except onboarding, computed here
# directly from `developers`; the business-impact criteria the data cannot measure carry the
# reason. Read the notes: they are part of an honest scorecard. Onboarding is
# the median of `onboarding_hours` of the developers who started in the current quarter; those who
# have not deployed yet have no value, so the median is, if anything, **optimistic**.

# %% nbgrader={"grade_id": "lab-1-scorecard", "locked": true}
def scorecard() -> pd.DataFrame:
    """One row per success criterion of the capstone brief, with value, target and verdict."""
    joined = developers["start_date"].dt.tz_localize(UTC)
    onboarding = developers.loc[(joined >= CURRENT[0]) & (joined < CURRENT[1]), "onboarding_hours"].median()
    rows = [  # group, criterion, value, target, rule, unit, note
        ("adoption", "teams actively using the platform (last 30 days)",
         active_team_share(teams, usage, *LAST_30_DAYS), 0.90, "at least", "share", "distinct teams with a platform action"),
        ("adoption", "new services created through the golden path", golden_path_share(services, *CURRENT), 0.80,
         "at least", "share", "services created in the current quarter"),
        ("adoption", "developer satisfaction (top-two-box)", satisfaction_share(survey, "2026-Q3"), 0.95, "at least",
         "share", "latest answer per developer, 4 or 5 of 5"),
        ("adoption", "reduction in support tickets", reduction(tickets, "opened_at", BASELINE, CURRENT), 0.50, "at least",
         "share", "Q3 vs Q1 2026; the organisation grew in between"),
        ("performance", "new service creation", median_duration(usage, "scaffold-service", *CURRENT) / 60, 5, "below",
         "minutes", "median, golden-path scaffolding only"),
        ("performance", "environment provisioning", median_duration(usage, "provision-env", *CURRENT), 30, "below",
         "seconds", "median"),
        ("performance", "new developer onboarding", onboarding, 2, "below", "hours",
         "median hours to first production deploy; not-yet-deployed joiners missing"),
        ("performance", "platform availability", availability(outages, *CURRENT), 0.999, "at least", "share",
         "union of component outages, current quarter"),
        ("business", "reduction in time to market", None, 0.70, "at least", "share",
         "no record of idea-to-production time: needs product-delivery data (e.g. ticket created to feature released)"),
        ("business", "decrease in operational incidents", reduction(incidents, "opened_at", BASELINE, CURRENT), 0.60,
         "at least", "share", "Q3 vs Q1 2026 incident counts"),
        ("business", "improvement in developer velocity", None, 0.40, "at least", "share",
         "velocity is not defined in this data; DORA's metrics per team (Week 8) would be a defensible definition"),
        ("business", "reduction in compliance violations", None, 0.80, "at least", "share",
         "no audit findings or policy-violation history before the platform to compare with"),
    ]
    card = pd.DataFrame(rows, columns=["group", "criterion", "value", "target", "rule", "unit", "note"])
    card["verdict"] = [verdict(v, t, r) for v, t, r in zip(card["value"], card["target"], card["rule"])]
    return card


try:
    card = scorecard()
    display(card.assign(value=card["value"].astype(float).round(4)))
except NotImplementedError:
    card = None
    print("Answer Exercises 1-7 first: the scorecard uses your functions.")

# %% [markdown] nbgrader={"grade_id": "figure-1-caption", "locked": true}
# **Figure 1** (below) shows each measurable criterion as its distance to the target: a bar of
# length 1 means exactly on target, longer is better (for "below" targets the ratio is target ÷
# value, so a faster platform gives a longer bar). Bars are blue when the criterion is met and
# orange when it is not; criteria that cannot be measured are listed under the chart. *Text
# description:* a horizontal bar per criterion with a dashed vertical line at 1 (the target);
# availability, active teams, new-service time and the ticket reduction reach the line, while
# golden-path share, satisfaction, provisioning time, onboarding time and the incident reduction
# stay short of it, onboarding by far the most.

# %% nbgrader={"grade_id": "figure-1", "locked": true}
if card is not None:
    measured = card[card["verdict"] != "cannot be measured"].copy()
    value = measured["value"].astype(float)
    measured["progress"] = np.where(measured["rule"] == "at least", value / measured["target"], measured["target"] / value)
    measured = measured.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.barh(measured["criterion"], measured["progress"],
            color=np.where(measured["verdict"] == "met", OKABE_ITO[0], OKABE_ITO[1]))
    ax.axvline(1, color="black", linestyle="--", linewidth=1)
    ax.set_title("Figure 1. Platform scorecard: each criterion relative to its target")
    ax.set_xlabel("value relative to target (1 = exactly on target; higher is better)")
    ax.set_ylabel("success criterion")
    plt.show()
    print("Cannot be measured from this data:", "; ".join(card.loc[card["verdict"] == "cannot be measured", "criterion"]))

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · Before and after, week by week
#
# A reduction between two quarters hides what happened in between. Pick a table in the menu:
# **Figure 2** redraws the number of events per week from January to September 2026, with the
# baseline and current quarters shaded. *Text description:* a line of weekly counts; the shaded
# baseline quarter on the left, the shaded current quarter on the right, and the platform launch
# (1 April) between them marked with a vertical line. Support tickets fall steadily after the
# launch; incidents fall more slowly.

# %% nbgrader={"grade_id": "lab-2-widget", "locked": true}
def weekly_figure(table: str) -> bytes:
    """Figure 2 for one table, as PNG bytes (shown in an image widget that the menu updates)."""
    events = {"support tickets": tickets, "operational incidents": incidents}[table]
    weekly = events.set_index("opened_at").resample("W-MON", label="left", closed="left").size()
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.plot(weekly.index, weekly.to_numpy(), color=OKABE_ITO[0], marker="o", markersize=3)
    for (a, b), name in ((BASELINE, "baseline"), (CURRENT, "current")):
        ax.axvspan(a, b, color=OKABE_ITO[4], alpha=0.2)
        ax.text(a, weekly.max(), f" {name}", va="top")
    ax.axvline(BASELINE[1], color="black", linestyle=":", linewidth=1)
    ax.set_title(f"Figure 2. {table.capitalize()} per week, 2026")
    ax.set_xlabel("week (2026)")
    ax.set_ylabel(f"{table} per week (count)")
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


if interactive_enabled():  # widgets are for people: skipped while nbgrader grades or validates
    table_picker = widgets.Dropdown(options=["support tickets", "operational incidents"], value="support tickets",
                                    description="Events:", style={"description_width": "initial"})
    table_image = widgets.Image(value=weekly_figure(table_picker.value), format="png")
    table_picker.observe(lambda change: setattr(table_image, "value", weekly_figure(change["new"])), names="value")
    display(widgets.VBox([table_picker, table_image]))

# %% [markdown] nbgrader={"grade_id": "kit-intro", "locked": true}
# ## Part 2 · Build the platform's kit
#
# A scorecard says where the platform stands; the platform itself is made of artifacts that the
# field's own tools read. In this part you build four of them for the enterprise, each in its real
# format and each judged by the tool the weeks used: the **portal's catalog** (Backstage's
# catalog-model validators, Week 3), the **admission policies** (ValidatingAdmissionPolicy with
# CEL, Week 5), the **SLO alert rules** (a Prometheus rule file run by `promtool test rules`,
# Week 6) and the **golden path's skeleton** (rendered as Backstage's `fetch:template` renders it,
# Week 3). The statements give the organisation's requirements and a few examples; *how* you meet
# them is yours to decide. The visible checks try your artifact on easy cases; the graded checks
# run it on hidden tables, objects, input series and form answers at the edges of each requirement.
#
# The tools are the course's public helpers: `workbook.backstage` (`read_yaml`, `judge_entities`,
# `render_skeleton`), `workbook.admission` (`admit`, `outcome`, `load_admission`) and
# `workbook.promtool` (`check`, `test`, `case`, `http_traffic`). Use them to try your artifacts on
# cases of your own before you submit.

# %% nbgrader={"grade_id": "kit-setup", "locked": true}
from workbook import promtool
from workbook.admission import ADMISSION_API, PolicyError, admit, load_admission, load_problem, messages, outcome
from workbook.backstage import ArtifactError, judge_entities, read_yaml, render_skeleton

SLICE_UNITS = ["payments", "acquired-south"]   # the business units the portal's first catalog covers
slice_teams = teams[teams["business_unit"].isin(SLICE_UNITS)].reset_index(drop=True)
slice_services = services[services["team_id"].isin(slice_teams["team_id"])].reset_index(drop=True)
CATALOG_FIELDS = {"owner": "group", "system": "system", "parent": "group", "children": "group", "providesApis": "api"}
print(f"The catalog's slice: {len(slice_teams)} teams and {len(slice_services)} services of {', '.join(SLICE_UNITS)}; "
      f"{int((services['tier'] == 'tier-1').sum())} tier-1 services in the whole organisation.")

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · The catalog is the platform's source of truth
#
# Backstage's software catalog (Week 3) holds one **entity** per thing the organisation owns:
# `Component` (a service, a website, a library), `API` (an interface a component provides),
# `System` (components and APIs that work together), `Group` (a team or a larger unit) and more,
# each a YAML document with `apiVersion: backstage.io/v1alpha1`, `kind`, `metadata` and `spec`
# (Backstage documentation, *Descriptor Format of Catalog Entities*). A `Component` needs
# `spec.type`, `spec.lifecycle` and `spec.owner`; an `API` needs `type`, `lifecycle`, `owner` and a
# `definition` (a string: the OpenAPI document itself, or a placeholder while it is written); a
# `System` needs an `owner`; a `Group` needs `spec.type` and `spec.children` (a list, possibly
# empty), and may name its `parent`. References between entities are strings
# `[<kind>:][<namespace>/]<name>`, compared case-insensitively; a reference that omits the kind
# takes the field's default (`owner` → `group`, `system` → `system`, `providesApis` → `api`).
# `metadata.name` is 1–63 characters of letters and digits separated by `-`, `_` or `.`; `tags` are
# lower-case `[a-z0-9:+#]` words separated by `-` (*Descriptor Format*). The catalog reads every entity
# through the same validators that `judge_entities` runs here (npm `@backstage/catalog-model`).
#
# A catalog is only as useful as its references: an `owner` that names no Group sends the pager to
# nobody, and a `system` that does not exist hides the service from its system's page. The portal's
# other products read the catalog (Design 1): the alert rules of Exercise 10 route pages by the
# owners recorded here.

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (6 points) · The portal's catalog
#
# Write `catalog_yaml(teams, services)` returning **YAML text** (one document per entity) that
# describes the teams of `teams` and the services of `services` as Backstage catalog entities
# (every service's team is in `teams`; `slice_teams` and `slice_services` are the first slice the
# portal covers). The organisation's requirements:
#
# - **Ownership is explicit.** Each team is a `Group` of type `team` named by its `team_id`; each
#   business unit of `teams` is a `Group` of type `business-unit`, named by the business unit,
#   with its teams as children (and each team naming it as its parent).
# - **Services belong to a system.** Each business unit has one `System`, named by the business
#   unit and owned by the business unit's Group.
# - **Every service is in the catalog**: a `Component` of type `service` in the `production`
#   lifecycle, named by its `service_id`, owned by its team, part of its business unit's System and
#   tagged with its tier (for example `tier-1`).
# - **Tier-1 services publish their API**: each provides an `API` named `<service_id>-api` (type
#   `openapi`, same owner and system; the definition may be a placeholder for now).
#
# Backstage must accept the catalog: every entity passes catalog-model's validators and every
# reference (`owner`, `system`, `parent`, `children`, `providesApis`) names an entity of the
# catalog you return. The graded checks build the catalog of other slices of the organisation,
# small hand-made ones included.

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
def catalog_yaml(teams: pd.DataFrame, services: pd.DataFrame) -> str:
    """Backstage catalog entities (YAML text, one document per entity) for these teams and services."""
    ### BEGIN SOLUTION
    import yaml

    def entity(kind, name, spec, **meta):
        return {"apiVersion": "backstage.io/v1alpha1", "kind": kind, "metadata": {"name": name, **meta}, "spec": spec}

    unit_of = teams.set_index("team_id")["business_unit"]
    units = teams.groupby("business_unit")["team_id"].agg(sorted)
    docs = [entity("Group", u, {"type": "business-unit", "children": members}) for u, members in units.items()]
    docs += [entity("System", u, {"owner": f"group:{u}"}) for u in units.index]
    docs += [entity("Group", t, {"type": "team", "parent": u, "children": []}) for t, u in unit_of.items()]
    rows = services.assign(owner="group:" + services["team_id"], system="system:" + services["team_id"].map(unit_of),
                           api=services["service_id"] + "-api")
    for r in rows.to_dict("records"):
        where = {"owner": r["owner"], "system": r["system"]}
        spec = {"type": "service", "lifecycle": "production", **where}
        if r["tier"] == "tier-1":
            spec["providesApis"] = [f"api:{r['api']}"]
            docs.append(entity("API", r["api"], {"type": "openapi", "lifecycle": "production", **where,
                                                 "definition": "openapi: 3.0.0  # placeholder"}))
        docs.append(entity("Component", r["service_id"], spec, tags=[r["tier"]]))
    return yaml.safe_dump_all(docs, sort_keys=False)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: Backstage's validators accept the slice's catalog, every reference resolves, every service is in it."""
from graders import call, check, check_type, passed

_name = "catalog_yaml(slice_teams, slice_services)"
_text = call(catalog_yaml, slice_teams.copy(), slice_services.copy(), name="catalog_yaml")
check_type(_text, str, _name, hint="return the YAML text itself (yaml.safe_dump_all of your entities, for example).")
try:
    _docs = read_yaml(_text, _name)
except ArtifactError as _exc:
    check(False, _name, str(_exc))
_said = judge_entities(_docs, fields=CATALOG_FIELDS)
_bad = {e["ref"]: e["errors"] for e in _said["entities"] if e["errors"]}
check(not _bad, f"Backstage's catalog-model on {_name}", f"rejects {len(_bad)} entities, for example "
      f"{next(iter(_bad.items()), '')}", "Reading 4: each kind's required spec fields and the name rules.")
_own = {str(e["ref"]).lower() for e in _said["entities"]}
_dangling = sorted({r["ref"] if r["error"] else r["target"] for r in _said["references"]
                    if r["error"] or r["target"].lower() not in _own})
check(not _dangling, f"the references of {_name}", f"name entities that are not in the catalog: {_dangling[:5]}",
      "every owner, system, parent, child and provided API must be an entity of the catalog you return.")
_components = {str(e["ref"]).lower() for e in _said["entities"] if str(e["ref"]).lower().startswith("component:")}
check(_components == {f"component:default/{s}".lower() for s in slice_services["service_id"]}, _name,
      f"has {len(_components)} Components for the slice's {len(slice_services)} services.", "one Component per service.")
passed("catalog_yaml")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 5, "solution": false}
# Hidden checks of catalog_yaml (5 points) run when your notebook is graded: the catalog of other
# slices of the organisation, and of small hand-made ones, judged by Backstage's catalog-model.
from graders import call

_ = call(catalog_yaml, slice_teams.copy(), slice_services.copy(), name="catalog_yaml")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook import load as _load
from workbook.backstage import ArtifactError as _ArtifactError
from workbook.backstage import judge_entities as _judge
from workbook.backstage import read_yaml as _read_yaml

_rule = ("a Group per team (type team, parent: its business unit) and per business unit (type business-unit, children: "
         "its teams); a System per business unit owned by its Group; a Component per service (service, production, "
         "owner: its team, system: its unit's, tagged with its tier); an API <service_id>-api for each tier-1 service "
         "(openapi, same owner and system) that its Component provides; every entity valid, every reference resolving.")
_fields = {"owner": "group", "system": "system", "parent": "group", "children": "group", "providesApis": "api"}


def _catalog(t, s):
    """What Backstage reads from the catalog: each entity's validator errors, kind, type, tags and resolved references."""
    try:
        docs = _read_yaml(call(catalog_yaml, t.copy(), s.copy(), name="catalog_yaml"), "catalog_yaml(...)")
    except _ArtifactError as exc:
        return str(exc)
    said = _judge(docs, fields=_fields)
    out = {}
    for doc, e in zip(docs, said["entities"]):
        spec = (doc.get("spec") or {}) if isinstance(doc, dict) else {}
        meta = (doc.get("metadata") or {}) if isinstance(doc, dict) else {}
        out[str(e["ref"]).lower()] = {"valid": not e["errors"], "type": spec.get("type"),
                                      "lifecycle": spec.get("lifecycle"), "tags": sorted(meta.get("tags") or [])}
    for r in said["references"]:
        key = str(r["source"]).lower()
        if key in out:
            target = r["target"].lower() if r["target"] else f"(unparsable: {r['ref']})"
            out[key].setdefault(r["field"], []).append(target if target in out else f"(missing: {target})")
    for row in out.values():
        for field in _fields:
            if field in row:
                row[field] = sorted(row[field])
    return out


_t, _s = _load("enterprise_teams"), _load("enterprise_services")
for _units in (["data", "acquired-north"],):
    _tt = _t[_t["business_unit"].isin(_units)]
    expect.value(f"catalog_yaml (the business units {', '.join(_units)})",
                 _catalog(_tt, _s[_s["team_id"].isin(_tt["team_id"])]), _rule)
_ht = pd.DataFrame({"team_id": ["T-A", "T-B", "T-C", "T-D"], "business_unit": ["shop", "shop", "ops", "lab"],
                    "topology": ["stream-aligned", "platform", "enabling", "enabling"]})
_hs = pd.DataFrame({"service_id": ["cart", "pay", "audit", "search"], "team_id": ["T-A", "T-A", "T-B", "T-C"],
                    "created_at": pd.to_datetime(["2026-01-01"] * 4, utc=True), "created_via": ["golden-path"] * 4,
                    "tier": ["tier-1", "tier-2", "tier-1", "tier-3"]})
expect.value("catalog_yaml (a hand-made slice: a team and a business unit without services, two tier-1 services of "
             "one unit)", _catalog(_ht, _hs), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (6 points) · The organisation's admission policies
#
# After the merger, the clusters of the three companies move under one set of rules. Write
# `enterprise_policies()` returning **YAML text**: the `ValidatingAdmissionPolicy` and
# `ValidatingAdmissionPolicyBinding` objects (`ADMISSION_API`, Week 5's Reading 2) that put them in
# force, each validation with a `message` a developer can act on. The workloads are Deployments,
# StatefulSets, DaemonSets and Jobs; the rules apply when an object is created **and** when it is
# changed.
#
# - **Ownership**: every workload and every Service carries the labels `team` and `tier`, and the
#   tier is one of `TIERS` (the catalog's tiers: Exercise 8).
# - **Supply chain**: every container of a workload's pod template, init containers included, runs
#   an image from one of the organisation's registries, `APPROVED_REGISTRIES` (an image's registry
#   is the part before its first `/`: `registry.tidewater.example/shop/cart:2.1` comes from
#   `registry.tidewater.example`; `nginx:1.25` comes from Docker Hub).
# - **No privileged containers**: no container of a workload's pod template runs with
#   `securityContext.privileged: true`.
# - **Resilience**: a tier-1 Deployment or StatefulSet runs at least two replicas (a workload that
#   does not set `spec.replicas` runs one).
#
# The roll-out the security and platform teams agreed: ownership, supply chain and privilege are
# enforced in all three companies' clusters already and **block** today. Resilience is new: the
# developer must **see** the message now, nothing is blocked yet, and each such admission is
# **recorded** so the platform team can measure the roll-out. The platform's own namespaces,
# `SYSTEM_NAMESPACES`, are left alone. Try your policies with `admit(...)` on objects of your own;
# the graded checks admit hidden objects at the edges of each rule.

# %% nbgrader={"grade_id": "ex-9-rules", "locked": true}
TIERS = ["tier-1", "tier-2", "tier-3"]
APPROVED_REGISTRIES = ["registry.tidewater.example", "mirror.tidewater.example"]
SYSTEM_NAMESPACES = ["kube-system", "platform-system", "monitoring"]

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
def enterprise_policies() -> str:
    """YAML text: ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects for the organisation's rules."""
    ### BEGIN SOLUTION
    import json

    def rules(*pairs):
        return "".join(f"""
    - apiGroups: [{json.dumps(group)}]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: {json.dumps(resources)}""" for group, resources in pairs)

    def policy(name, match, validations, variables=""):
        return f"""---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicy
metadata:
  name: {name}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:{match}
    namespaceSelector:
      matchExpressions:
      - key: kubernetes.io/metadata.name
        operator: NotIn
        values: {json.dumps(SYSTEM_NAMESPACES)}{variables}
  validations:{validations}
"""

    def binding(name, actions):
        return f"""---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: {name}
spec:
  policyName: {name}
  validationActions: {json.dumps(actions)}
"""

    workloads = rules(("apps", ["deployments", "statefulsets", "daemonsets"]), ("batch", ["jobs"]))
    containers = """
  variables:
  - name: containers
    expression: >-
      object.spec.template.spec.containers +
      (has(object.spec.template.spec.initContainers) ? object.spec.template.spec.initContainers : [])"""
    registries = " || ".join(f"c.image.startsWith('{r}/')" for r in APPROVED_REGISTRIES)
    return "".join([
        policy("ownership", workloads + rules(("", ["services"])), f"""
  - expression: "has(object.metadata.labels) && 'team' in object.metadata.labels && 'tier' in object.metadata.labels"
    message: "every workload and Service needs the labels team and tier (the owner and tier of its catalog entry)"
  - expression: >-
      !has(object.metadata.labels) || !('tier' in object.metadata.labels) ||
      object.metadata.labels['tier'] in {json.dumps(TIERS)}
    message: "the tier label must be one of {', '.join(TIERS)}"
"""),
        policy("supply-chain", workloads, f"""
  - expression: "variables.containers.all(c, {registries})"
    message: "every image must come from one of the organisation's registries: {', '.join(APPROVED_REGISTRIES)}"
""", containers),
        policy("no-privileged", workloads, """
  - expression: >-
      variables.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) ||
      c.securityContext.privileged == false)
    message: "privileged containers are not allowed: remove securityContext.privileged"
""", containers),
        policy("resilience", rules(("apps", ["deployments", "statefulsets"])), """
  - expression: >-
      !has(object.metadata.labels) || !('tier' in object.metadata.labels) ||
      object.metadata.labels['tier'] != 'tier-1' || (has(object.spec.replicas) && object.spec.replicas >= 2)
    message: "a tier-1 workload should run at least two replicas (spec.replicas >= 2); this will be enforced"
"""),
        binding("ownership", ["Deny"]), binding("supply-chain", ["Deny"]), binding("no-privileged", ["Deny"]),
        binding("resilience", ["Warn", "Audit"]),
    ])
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the policies load, admit a compliant Deployment, block a Docker Hub image, warn about one replica."""
from graders import call, check, check_type, passed

_yaml = call(enterprise_policies, name="enterprise_policies")
check_type(_yaml, str, "enterprise_policies()")
_problem = load_problem(_yaml)
check(_problem == "", "enterprise_policies()", f"is not accepted by the evaluator: {_problem}")


def _workload(image="registry.tidewater.example/payments/ledger:3.2.0", replicas=3, tier="tier-1", namespace="payments"):
    return {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "ledger", "namespace": namespace, "labels": {"team": "E-T040", "tier": tier}},
            "spec": {"replicas": replicas, "template": {"spec": {"containers": [{"name": "app", "image": image}]}}}}


_rule = "ownership, supply chain and privilege block (Deny); resilience warns and is recorded; system namespaces are left alone."
for _what, _obj, _want in [
        ("a compliant tier-1 Deployment", _workload(), "admitted"),
        ("a Deployment of an image from Docker Hub", _workload(image="docker.io/library/nginx:1.25"), "denied"),
        ("a tier-1 Deployment with one replica", _workload(replicas=1), "warned"),
        ("a Docker Hub image in kube-system", _workload(image="docker.io/library/nginx:1.25", namespace="kube-system"),
         "admitted")]:
    _result = admit(_yaml, _obj)
    check(outcome(_result) == _want, f"admit(enterprise_policies(), {_what})",
          f"was {outcome(_result)}, not {_want}; the developer read: {messages(_result)}.", _rule)
check(bool(admit(_yaml, _workload(replicas=1))["audit"]), "admit(enterprise_policies(), a tier-1 Deployment with one replica)",
      "was not recorded for the audit.", _rule)
passed("enterprise_policies")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 5, "solution": false}
# Hidden checks of enterprise_policies (5 points) run when your notebook is graded: hand-made
# objects at the edges of each rule, kind, operation and namespace.
from graders import call

_ = call(enterprise_policies, name="enterprise_policies")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook.admission import decide as _decide_with

_rule = ("Deny: labels team and tier on workloads (Deployment, StatefulSet, DaemonSet, Job) and Services, tier in TIERS; "
         "every image of containers and initContainers from an approved registry (the part before the first /); no "
         "container or init container with securityContext.privileged true. Warn and Audit: a tier-1 Deployment or "
         "StatefulSet with fewer than 2 replicas (unset is 1). On CREATE and UPDATE; SYSTEM_NAMESPACES left alone.")
_yaml = call(enterprise_policies, name="enterprise_policies")


def _decide(obj, operation="CREATE"):
    return _decide_with(_yaml, obj, operation)


_ok = "registry.tidewater.example/payments/ledger:3.2.0"
_labels = {"team": "E-T040", "tier": "tier-2"}


def _w(containers=({"name": "app", "image": _ok},), init=(), labels=_labels, kind="Deployment", api="apps/v1",
       namespace="payments", replicas=None):
    pod = {"containers": [dict(c) for c in containers]}
    if init:
        pod["initContainers"] = [dict(c) for c in init]
    spec = {"template": {"metadata": {"labels": {"app": "ledger"}}, "spec": pod}}
    if replicas is not None:
        spec["replicas"] = replicas
    return {"apiVersion": api, "kind": kind, "metadata": {"name": "ledger", "namespace": namespace, "labels": dict(labels)},
            "spec": spec}


_t1 = {**_labels, "tier": "tier-1"}
_cases = {
    "a registry whose name only starts like an approved one": _w([{"name": "app", "image": "registry.tidewater.example.io/x/app:1"}]),
    "an image from the mirror": _w([{"name": "app", "image": "mirror.tidewater.example/library/redis:7.2"}]),
    "an image without a registry (Docker Hub)": _w([{"name": "app", "image": "redis:7.2"}]),
    "an init container from Docker Hub": _w(init=[{"name": "migrate", "image": "flyway/flyway:10"}]),
    "a sidecar from Docker Hub": _w([{"name": "app", "image": _ok}, {"name": "proxy", "image": "envoyproxy/envoy:v1.30"}]),
    "a privileged sidecar": _w([{"name": "app", "image": _ok},
                                {"name": "debug", "image": _ok, "securityContext": {"privileged": True}}]),
    "a privileged init container": _w(init=[{"name": "sysctl", "image": _ok, "securityContext": {"privileged": True}}]),
    "privileged: false, said explicitly": _w([{"name": "app", "image": _ok, "securityContext": {"privileged": False}}]),
    "a securityContext without privileged": _w([{"name": "app", "image": _ok, "securityContext": {"runAsNonRoot": True}}]),
    "a tier that is not in TIERS": _w(labels={"team": "E-T040", "tier": "gold"}),
    "no tier label": _w(labels={"team": "E-T040"}),
    "no labels at all": _w(labels={}),
    "a tier-1 Deployment without spec.replicas": _w(labels=_t1),
    "a tier-1 Deployment with two replicas": _w(labels=_t1, replicas=2),
    "a tier-1 StatefulSet with one replica": _w(labels=_t1, replicas=1, kind="StatefulSet"),
    "a tier-2 Deployment with one replica": _w(replicas=1),
    "a tier-1 DaemonSet (no replicas)": _w(labels=_t1, kind="DaemonSet"),
    "a Job from Docker Hub": _w([{"name": "report", "image": "python:3.12"}], kind="Job", api="batch/v1"),
    "a privileged DaemonSet from Docker Hub in monitoring": _w([{"name": "agent", "image": "grafana/agent:v0.40",
                                                                 "securityContext": {"privileged": True}}],
                                                               labels={}, kind="DaemonSet", namespace="monitoring"),
    "a tier-1 Deployment with one replica in platform-system": _w(labels=_t1, replicas=1, namespace="platform-system"),
    "a team namespace called kube-payments, Docker Hub": _w([{"name": "app", "image": "nginx:1.25"}], namespace="kube-payments"),
    "a Service without the tier label": {"apiVersion": "v1", "kind": "Service",
                                         "metadata": {"name": "ledger", "namespace": "payments", "labels": {"team": "E-T040"}},
                                         "spec": {"selector": {"app": "ledger"}}},
    "a ConfigMap without labels": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg", "namespace": "payments"}},
}
expect.value("admit (hand-made objects at the edges of each rule, on CREATE)", {w: _decide(o) for w, o in _cases.items()}, _rule)
expect.value("admit (the same objects, on UPDATE)", {w: _decide(o, "UPDATE") for w, o in _cases.items()}, _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-10-intro", "locked": true}
# ### Exercise 10 (6 points) · SLO alerts for the tier-1 services
#
# The organisation's **tier-1** services (the `tier` of `services`, the tags of your catalog) each
# promise that **99.9%** of their requests succeed over 30 days; a request fails when it is answered
# with a 5xx status. Every service exports the counter `http_requests_total` with the labels
# `service` (its `service_id`) and `code` (the HTTP status). Write `slo_alert_rules(services)`
# returning the **text of a Prometheus rule file** that alerts on these SLOs the way the SRE
# Workbook recommends (Beyer et al., 2018, chapter 5; Week 6's Reading 4):
#
# - **page** when the last hour has spent 2% of a tier-1 service's 30-day error budget, or the
#   last six hours 5%, and only while the service is still burning it;
# - only tier-1 services page (the other tiers' alerts are a later decision);
# - every alert is named `ErrorBudgetBurn`, has `severity: page`, keeps the `service` label, and
#   carries a `team` label naming the service's owning team (`team_id`): Alertmanager routes each
#   page to its owners by it, as the catalog records them.
#
# `promtool check rules` must accept the file. `promtool.http_traffic(minutes, service, errors_5xx)`
# and `promtool.case(series, expect, query=...)` write unit tests of your own, as the check below
# does; the graded checks replay hidden input series (other services, tiers, failures and
# recoveries) and other `services` tables through your rules.

# %% nbgrader={"grade": false, "grade_id": "ex-10-answer", "locked": false, "solution": true}
def slo_alert_rules(services: pd.DataFrame) -> str:
    """A Prometheus rule file (YAML text): ErrorBudgetBurn pages for the tier-1 services of `services`."""
    ### BEGIN SOLUTION
    import yaml

    budget = 1 - 0.999
    ratio = ('sum by (service) (rate(http_requests_total{{service=~"{s}", code=~"5.."}}[{w}])) / '
             'sum by (service) (rate(http_requests_total{{service=~"{s}"}}[{w}]))')
    tier1 = services[services["tier"] == "tier-1"].groupby("team_id")["service_id"].agg(lambda s: "|".join(sorted(s)))
    rules = [{"alert": "ErrorBudgetBurn",
              "expr": (f"({ratio.format(s=s, w='1h')} > {14.4 * budget:.5f} and {ratio.format(s=s, w='5m')} > {14.4 * budget:.5f})"
                       f" or ({ratio.format(s=s, w='6h')} > {6 * budget:.5f} and {ratio.format(s=s, w='30m')} > {6 * budget:.5f})"),
              "labels": {"severity": "page", "team": team}} for team, s in tier1.items()]
    return yaml.safe_dump({"groups": [{"name": "tier-1-slo", "rules": rules}]}, sort_keys=False, width=100000)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-10-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: promtool accepts the rule file, and a tier-1 service's fast burn pages its team."""
from graders import call, check, check_type, passed

_rules = call(slo_alert_rules, slice_services.copy(), name="slo_alert_rules")
_name = "slo_alert_rules(slice_services)"
check_type(_rules, str, _name, hint="return the YAML text itself, for example yaml.safe_dump of your groups.")
PAGES = 'max by (service, team) (ALERTS{{alertname="{alert}", severity="{severity}", alertstate="firing"}})'
_svc = slice_services[slice_services["tier"] == "tier-1"].iloc[0]
SHOWN_CASE = promtool.case(promtool.http_traffic(80, _svc["service_id"], np.where(np.arange(80) >= 60, 200, 0)),
                           expect=[(55, "page", None), (70, "page", {"service": _svc["service_id"], "team": _svc["team_id"]})],
                           query=PAGES, evaluation="5m")
try:
    _problem = promtool.check(_rules)
except promtool.ToolMissing as missing:  # promtool.check needs the tool once the text is a rule file
    print(f"Skipped: {missing} (the check runs when your notebook is graded).")
else:
    check(_problem == "", f"promtool check rules on {_name}", f"rejects the file: {_problem}")
    _verdict = promtool.test(_rules, {"shown": SHOWN_CASE})["shown"]
    check(_verdict == "SUCCESS", f"promtool test rules on SHOWN_CASE (20% of {_svc['service_id']}'s requests fail with 503 "
          f"from minute 60: no page at minute 55; at minute 70 a page with service and team labels)", f"reports: {_verdict}",
          "page when a window's error ratio (5xx / all requests) spends the budget at the stated pace; add the owning team.")
    passed("slo_alert_rules")

# %% nbgrader={"grade": true, "grade_id": "ex-10-hidden", "locked": true, "points": 5, "solution": false}
# Hidden checks of slo_alert_rules (5 points) run when your notebook is graded: promtool test rules
# replays other input series through the rules you write for this and other `services` tables.
from graders import call

_ = call(slo_alert_rules, slice_services.copy(), name="slo_alert_rules")
### BEGIN HIDDEN TESTS
import numpy as _np

from graders.hidden import expect
from workbook import load as _load
from workbook import promtool as _promtool

_rule = ("tier-1 services only, SLO 99.9% over 30 days, errors = 5xx: page while the last 1 h has spent >= 2% of the budget "
         "(burn rate 14.4) and the last 5 min burns as fast, or the last 6 h 5% (burn rate 6) and the last 30 min too; "
         "thresholds are burn rate x (1 - 0.999); alerts keep the service label and carry the owning team as `team`.")
_promtool.binary()  # a grader without promtool stops here, with the install command
_q = 'max by (service, team) (ALERTS{{alertname="{alert}", severity="{severity}", alertstate="firing"}})'


def _burn(n, start=0, length=0, value=0):
    out = _np.zeros(n, dtype=int)
    out[start:start + length] = value
    return out


def _verdicts(table, cases, evaluation):
    rules = call(slo_alert_rules, table.copy(), name="slo_alert_rules")  # promtool.test names a text that is no rule file
    return _promtool.test(rules, {name: _promtool.case(series, checks, query=_q, evaluation=evaluation)
                                  for name, (series, checks) in cases.items()})


_hs = pd.DataFrame({"service_id": ["cart", "pay", "audit", "search"], "team_id": ["T-A", "T-B", "T-A", "T-A"],
                    "created_at": pd.to_datetime(["2026-01-01"] * 4, utc=True), "created_via": ["golden-path"] * 4,
                    "tier": ["tier-1", "tier-1", "tier-2", "tier-1"]})
_T = _promtool.http_traffic
_cases = {
    "a fast burn: 50% of cart's requests fail from minute 120; pay is clean (a page for cart and its team within 5 minutes)":
        ({**_T(150, "cart", _burn(150, 120, 30, 500)), **_T(150, "pay", 0)},
         [(119, "page", None), (125, "page", {"service": "cart", "team": "T-A"})]),
    "the same burn on a tier-2 service (no page)":
        (_T(150, "audit", _burn(150, 120, 30, 500)), [(125, "page", None), (145, "page", None)]),
    "half of cart's requests answered 404 for 30 minutes (no page)":
        (_T(150, "cart", 0, not_found=_burn(150, 120, 30, 500)), [(125, "page", None), (145, "page", None)]),
    "a 20-minute burn at 50% on search, then recovery (a page at its end, none 35 minutes after)":
        (_T(180, "search", _burn(180, 120, 20, 500)), [(139, "page", {"service": "search", "team": "T-A"}), (175, "page", None)]),
    "a steady 1% failure on pay from minute 60 (no page after an hour of it, a page after two and a half)":
        (_T(215, "pay", _burn(215, 60, 155, 10)), [(120, "page", None), (210, "page", {"service": "pay", "team": "T-B"})]),
}
expect.value("promtool test rules (a hand-made services table)", _verdicts(_hs, _cases, "2m"), _rule)
_et = _load("enterprise_teams")
_es = _load("enterprise_services")
_es = _es[_es["team_id"].isin(_et.loc[_et["business_unit"].isin(["data", "corporate", "logistics"]), "team_id"])]
_one = _es[_es["tier"] == "tier-1"].iloc[-1]
_low = _es[_es["tier"] == "tier-3"].iloc[0]
_ecases = {f"50% of {_one['service_id']} (tier 1) and of {_low['service_id']} (tier 3) fail from minute 30":
           ({**_T(50, _one["service_id"], _burn(50, 30, 20, 500)), **_T(50, _low["service_id"], _burn(50, 30, 20, 500))},
            [(29, "page", None), (40, "page", {"service": _one["service_id"], "team": _one["team_id"]})])}
expect.value("promtool test rules (the services of three other business units)", _verdicts(_es, _ecases, "5m"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-11-intro", "locked": true}
# ### Exercise 11 (5 points) · The golden path's skeleton
#
# Three in ten new services are still created by hand (Exercise 2). The golden path is a Backstage
# Software Template whose `fetch:template` step renders a **skeleton** folder with the answers of
# its form (Week 3's Reading 5 and Exercise 9): here `values.name` (the new service's id),
# `values.owner` (a `team_id`), `values.system` (the team's business unit), `values.tier` (one of
# `TIERS`) and `values.description` (free text). A service made by the golden path should be
# right from its first commit. Assign to `GOLDEN_PATH` the skeleton as a **dict `{path: text}`**
# whose rendered files hold:
#
# - at `catalog-info.yaml`, the new service's entities as your catalog of Exercise 8 would hold
#   them, except that the service is not in production yet (lifecycle `experimental`, for the
#   Component and its API alike); a tier-1 service publishes its API from day one;
# - at `deploy/deployment.yaml`, a Deployment of the service that the organisation's admission
#   rules (Exercise 9) admit **without a warning**, running the image
#   `registry.tidewater.example/<owner>/<name>:0.1.0` (image repositories are lower case: `e-t040`, not
#   `E-T040`).
#
# Whatever a developer answers on the form, the files must render and read back as YAML. The
# visible check renders the example below; the graded checks render other answers (other tiers,
# descriptions with YAML's special characters, names that YAML reads as numbers) and judge the
# result with Backstage's catalog-model.

# %% nbgrader={"grade_id": "ex-11-example", "locked": true}
GOLDEN_EXAMPLE = {"name": "refund-ledger", "owner": "E-T040", "system": "payments", "tier": "tier-1",
                  "description": "Keeps the ledger of refunds for every store"}

# %% nbgrader={"grade": false, "grade_id": "ex-11-answer", "locked": false, "solution": true}
GOLDEN_PATH = {"catalog-info.yaml": "", "deploy/deployment.yaml": ""}  # {path: the text fetch:template renders}
### BEGIN SOLUTION
GOLDEN_PATH = {
    "catalog-info.yaml": """\
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${{ values.name | dump }}
  description: ${{ values.description | dump }}
  tags: [${{ values.tier | dump }}]
spec:
  type: service
  lifecycle: experimental
  owner: ${{ ("group:" + values.owner) | dump }}
  system: ${{ ("system:" + values.system) | dump }}
{%- if values.tier == "tier-1" %}
  providesApis: [${{ ("api:" + values.name + "-api") | dump }}]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: ${{ (values.name + "-api") | dump }}
spec:
  type: openapi
  lifecycle: experimental
  owner: ${{ ("group:" + values.owner) | dump }}
  system: ${{ ("system:" + values.system) | dump }}
  definition: "openapi: 3.0.0  # placeholder"
{%- endif %}
""",
    "deploy/deployment.yaml": """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${{ values.name | dump }}
  labels: {team: ${{ values.owner | dump }}, tier: ${{ values.tier | dump }}}
spec:
  replicas: ${{ 2 if values.tier == "tier-1" else 1 }}
  selector:
    matchLabels: {app: ${{ values.name | dump }}}
  template:
    metadata:
      labels: {app: ${{ values.name | dump }}}
    spec:
      containers:
      - name: app
        image: ${{ ("registry.tidewater.example/" + (values.owner | lower) + "/" + values.name + ":0.1.0") | dump }}
""",
    "README.md": "# ${{ values.name }}\n\n${{ values.description }}\n\nOwned by ${{ values.owner }} (${{ values.tier }}).\n",
}
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-11-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: GOLDEN_PATH renders the example into entities the catalog accepts and a Deployment."""
from graders import check, passed

check("GOLDEN_PATH" in globals() and isinstance(GOLDEN_PATH, dict), "GOLDEN_PATH", "is not defined yet: assign a dict {path: text}.")
_out = render_skeleton(GOLDEN_PATH, [GOLDEN_EXAMPLE])[0]
check(_out["error"] is None, "GOLDEN_PATH", f"does not render with nunjucks: {_out['error']}")
for _path in ("catalog-info.yaml", "deploy/deployment.yaml"):
    check(_path in _out["files"], "GOLDEN_PATH", f"renders no {_path}; it renders {sorted(_out['files'])}.")
try:
    _docs = read_yaml(_out["files"]["catalog-info.yaml"], "the rendered catalog-info.yaml")
    _deploy = read_yaml(_out["files"]["deploy/deployment.yaml"], "the rendered deploy/deployment.yaml")
except ArtifactError as _exc:
    check(False, "GOLDEN_PATH", str(_exc))
_said = judge_entities(_docs)["entities"]
_bad = [f"{e['ref']}: {'; '.join(e['errors'])}" for e in _said if e["errors"]]
check(not _bad, "GOLDEN_PATH: the rendered catalog-info.yaml", f"is refused by Backstage's catalog: {_bad}")
check(any(d.get("kind") == "Component" and (d.get("metadata") or {}).get("name") == GOLDEN_EXAMPLE["name"] for d in _docs),
      "GOLDEN_PATH", "should render the Component named after the form's name.")
check(len(_deploy) == 1 and _deploy[0].get("kind") == "Deployment", "GOLDEN_PATH",
      "should render deploy/deployment.yaml as one Deployment.")
passed("GOLDEN_PATH")

# %% nbgrader={"grade": true, "grade_id": "ex-11-hidden", "locked": true, "points": 4, "solution": false}
# Hidden checks of GOLDEN_PATH (4 points) run when your notebook is graded: the skeleton rendered
# for other answers to the form, judged by Backstage's catalog-model and read as a Deployment.
from graders import check

check(isinstance(globals().get("GOLDEN_PATH"), dict) and any(str(t).strip() for t in GOLDEN_PATH.values()), "GOLDEN_PATH",
      "is still the empty skeleton: write the text of its files.")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook.backstage import ArtifactError as _ArtifactError
from workbook.backstage import judge_entities as _judge
from workbook.backstage import read_yaml as _read_yaml
from workbook.backstage import render_skeleton as _render

_cases = [{"name": "shelf-scanner", "owner": "E-T100", "system": "retail", "tier": "tier-3",
           "description": "Scans the shelves of a store"},
          {"name": "2027", "owner": "E-T007", "system": "corporate", "tier": "tier-1",
           "description": "The year-end report: revenue, #stores and more"},
          {"name": "pick.route-v2", "owner": "E-T055", "system": "logistics", "tier": "tier-2",
           "description": "- plans pick routes, 'fast'"}]
_rule = ("catalog-info.yaml: the Component (service, experimental, owner group:<owner>, system:<system>, tagged with the "
         "tier) and, for tier-1 only, the API <name>-api it provides (openapi, experimental, same owner and system), all "
         "valid; deploy/deployment.yaml: one Deployment labelled team and tier, image registry.tidewater.example/<owner>/"
         "<name>:0.1.0 (owner in lower case), not privileged, at least 2 replicas for tier-1. Rendered values are read again as YAML.")


def _golden(values):
    """What Backstage and the cluster read from the skeleton rendered for one answer of the form."""
    if not isinstance(GOLDEN_PATH, dict):
        return "GOLDEN_PATH is not a dict"
    out = _render(dict(GOLDEN_PATH), [values])[0]
    if out["error"]:
        return f"does not render: {out['error']}"
    try:
        docs = _read_yaml(out["files"].get("catalog-info.yaml", ""), "catalog-info.yaml")
        deploy = _read_yaml(out["files"].get("deploy/deployment.yaml", ""), "deploy/deployment.yaml")
    except _ArtifactError as exc:
        return str(exc)
    said = _judge(docs, {"owner": "group", "system": "system", "providesApis": "api"})
    entities = {}
    for doc, e in zip(docs, said["entities"]):
        meta = (doc.get("metadata") or {}) if isinstance(doc, dict) else {}
        spec = (doc.get("spec") or {}) if isinstance(doc, dict) else {}
        entities[str(e["ref"]).lower()] = {
            "valid": not e["errors"], "type": spec.get("type"), "lifecycle": spec.get("lifecycle"),
            "tags": sorted(map(str, meta.get("tags") or [])),
            **{f: sorted(str(r["target"]).lower() for r in said["references"] if r["source"] == e["ref"] and r["field"] == f)
               for f in ("owner", "system", "providesApis")}}
    d = deploy[0] if len(deploy) == 1 and isinstance(deploy[0], dict) else {}
    labels = (d.get("metadata") or {}).get("labels") or {}
    pod = ((d.get("spec") or {}).get("template") or {}).get("spec") or {}
    containers = (pod.get("containers") or []) + (pod.get("initContainers") or [])
    replicas = (d.get("spec") or {}).get("replicas", 1)
    return {"entities": entities, "deployment": {
        "kind": d.get("kind"), "team": labels.get("team"), "tier": labels.get("tier"),
        "images": [str(c.get("image")) for c in containers],
        "privileged": any(((c.get("securityContext") or {}).get("privileged") is True) for c in containers),
        "enough replicas": labels.get("tier") != "tier-1" or (isinstance(replicas, int) and replicas >= 2)}}


for _values in _cases:
    expect.value(f"GOLDEN_PATH rendered for {_values['name']!r} ({_values['tier']})", _golden(_values), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-3-caption", "locked": true}
# ### The kit, for the whole organisation
#
# Your functions are written for any slice of the organisation: run them on all of it. **Figure 3**
# is drawn from your own outputs: on the left, the entities of the catalog `catalog_yaml` writes
# for every team and service (by kind); on the right, for each business unit, how many of its
# tier-1 services your `slo_alert_rules(services)` names (a service is *covered* when its id
# appears in the rule file) and how many it leaves without a page. *Text description:* two
# horizontal bar charts. Left: about 430 Components, about 140 Groups (130 teams and 8 business
# units), about 100 APIs and 8 Systems. Right: one bar per business unit, all of its tier-1
# services covered, none left out; retail (19) and acquired-north (16) have the most tier-1
# services, data (7) the fewest.

# %% nbgrader={"grade_id": "figure-3", "locked": true}
def kit_figure() -> None:
    """Figure 3 from the learner's catalog_yaml and slo_alert_rules on the whole organisation."""
    import re

    import yaml

    kinds = pd.Series([d.get("kind") for d in yaml.load_all(catalog_yaml(teams, services), Loader=yaml.CSafeLoader)
                       if isinstance(d, dict)]).value_counts().sort_values()
    rules = slo_alert_rules(services)
    named = set(re.findall(r"[\w.-]+", rules))
    tier1 = services[services["tier"] == "tier-1"].merge(teams[["team_id", "business_unit"]], on="team_id")
    cover = (tier1.assign(covered=tier1["service_id"].isin(named)).groupby("business_unit")["covered"]
             .agg(covered="sum", missing=lambda c: int((~c).sum())).sort_values("covered"))
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    left.barh(kinds.index.astype(str), kinds.to_numpy(), color=OKABE_ITO[0])
    left.set_title("Catalog entities, by kind")
    left.set_xlabel("entities (count)")
    left.set_ylabel("kind")
    right.barh(cover.index, cover["covered"], color=OKABE_ITO[2], label="covered by a page")
    right.barh(cover.index, cover["missing"], left=cover["covered"], color=OKABE_ITO[1], label="no page")
    right.set_title("Tier-1 services with burn-rate pages")
    right.set_xlabel("tier-1 services (count)")
    right.set_ylabel("business unit")
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False)
    fig.suptitle("Figure 3. The kit on the whole organisation, from your Exercises 8 and 10")
    plt.tight_layout()
    plt.show()


try:
    kit_figure()
except NotImplementedError:
    print("Answer Exercises 8 and 10 first: Figure 3 is drawn from your catalog and alert rules.")
except Exception as exc:  # an answer that does not return YAML text yet: say so, the checks above say why
    plt.close("all")
    print(f"Figure 3 cannot be drawn from your answers yet ({type(exc).__name__}: {exc}).")

# %% [markdown] nbgrader={"grade_id": "design-intro", "locked": true}
# ## Part 3 · The design document (graded by your instructor)
#
# The scorecard says where the platform stands and the kit what it already enforces; the design
# document says what it becomes next.
# Write the three sections below for a platform that serves **500+ developers** (this organisation
# has more than twice that). Argue from your scorecard and from the weeks: cite numbers you
# computed here and your built pieces, and name the Weeks whose techniques you would use. Design 1
# is read against Rubric 1 (architecture) and 5 (security), Design 2 against Rubric 2 (developer
# experience) and 4 (metrics), Design 3 against all five; plain prose, lists or a small table are
# all fine.

# %% [markdown] nbgrader={"grade_id": "design-architecture-intro", "locked": true}
# ### Design 1 (4 points) · Architecture for 500+ developers
#
# In 250–400 words: the platform's components (developer portal and catalog, infrastructure
# self-service, deployment, observability, developer environments), how they fit together, who
# owns each (Team Topologies), and how the design **scales** and **extends** to 1,000+ developers
# and several business units (the two acquired companies included). Say how security and
# compliance are built in, not added.

# %% [markdown] nbgrader={"grade": true, "grade_id": "design-architecture", "locked": false, "points": 4, "solution": true}
# A thin platform of five products behind one portal. **Portal and catalog** (Backstage): every
# service, owner and dependency, with Software Templates as the golden path; the catalog is the
# source of truth the other products read. **Infrastructure self-service** (Crossplane
# compositions behind a request schema): teams ask for a database or a bucket through a form or a
# pull request; policy as code (Week 5) decides at request time, with deny/warn/dry-run modes.
# **Deployment** (GitOps with Argo CD, canary judging and feature flags, Week 6): one pipeline
# template, automated rollback on a failed canary. **Observability by default**: every service
# from the template gets SLOs and burn-rate alerts; the platform has its own SLO of 99.9% per
# quarter, measured on the union of component outages. **Developer environments**: dev
# containers and a preview environment per pull request (Week 4).
#
# Ownership: one platform group of four stream-aligned-to-developers product teams (portal,
# infrastructure, delivery, observability) and one enabling team that onboards the acquired
# business units; each product has a product manager, a roadmap and the scorecard's metrics.
# Scale: multi-tenant clusters per business unit with quotas (Week 4), the catalog partitioned by
# namespace per business unit, templates versioned so 400+ services upgrade by pull request.
# Extension: plugins with a contract and a registry (Week 7) so business units add capabilities
# without forking the portal. Security: secret scanning and signed images in the template,
# zero-trust service-to-service policy generated from declared dependencies (Week 7), every
# policy decision logged for audit, so compliance evidence is a by-product of using the path.

# %% [markdown] nbgrader={"grade_id": "design-roadmap-intro", "locked": true}
# ### Design 2 (3 points) · Roadmap
#
# In 150–250 words: the next four quarters. For each, one or two outcomes tied to a scorecard line
# that is *not met* or *cannot be measured*, what you build, and how you will know it worked.

# %% [markdown] nbgrader={"grade": true, "grade_id": "design-roadmap", "locked": false, "points": 3, "solution": true}
# **Q4 2026 — measure what we cannot.** Record idea-to-production time (ticket created to feature
# released) and DORA metrics per team, and a baseline of policy violations, so time to market,
# velocity and compliance get a verdict next year. **Q1 2027 — onboarding.** The worst line by far:
# pre-provisioned accounts and a dev container on day one, a first-deploy tutorial service; target
# median under 2 hours to first deploy for new joiners, tracked monthly. **Q2 2027 — provisioning
# and golden-path share.** Warm pools for preview environments to bring the median under
# 30 seconds; bring the acquired companies' service patterns into the template (interviews with
# the teams that still create services by hand) to pass 80%. **Q3 2027 — satisfaction.** Act on
# the survey's lowest items, publish "you said, we did", and track the top-two-box share per
# business unit; 95% is unlikely, so agree a realistic target with leadership. Throughout: keep
# availability above 99.9% with an error-budget policy that pauses feature work when it is spent.

# %% [markdown] nbgrader={"grade_id": "design-tradeoffs-intro", "locked": true}
# ### Design 3 (3 points) · Trade-offs
#
# In 150–250 words: three decisions where you gave something up, what you gave up, and why. At
# least one must be about a metric or a target of this scorecard (for example: is 95% satisfaction
# or "under 30 seconds" the right target, and what would chasing it cost?).

# %% [markdown] nbgrader={"grade": true, "grade_id": "design-tradeoffs", "locked": false, "points": 3, "solution": true}
# **Optional golden path, not a mandate.** A mandate would lift the golden-path share at once,
# but teams that leave would hide their workarounds; keeping the path optional keeps the share an
# honest signal of its value, at the cost of reaching 80% later. **Median, not p90, for
# performance targets.** The median shows what most developers see and is stable in a quarter of
# data; it hides the slow tail (a p90 would fail new-service time too). We report p90 next to it and
# move to it once the median is met. **Targets we question.** 95% top-two-box satisfaction and
# under-2-hours onboarding are unusual even for good platforms; chasing them invites gaming
# (surveys only at launch events, "onboarding" redefined as account creation). We keep the
# measurement definitions fixed and negotiate the targets instead. **One platform for the
# acquired companies.** Consolidating on one portal and template costs those teams a migration
# now, but two platforms would double the platform team's cognitive load for years.

# %% [markdown] nbgrader={"grade_id": "rubric-intro", "locked": true}
# ## Evaluation rubric (scored by your instructor)
#
# The capstone is evaluated on the curriculum's five capabilities, each scored **1 (poor) to
# 4 (excellent)**, and weighted: Platform Architecture 25%, Developer Experience 25%, Automation &
# Self-Service 20%, Metrics & Observability 15%, Security & Compliance 15%. Your instructor
# combines the five scores into a total out of 20 as **total = 5 × Σ weight × score** (so all 1s
# give 5, all 4s give 20); **12/20** passes and **18/20** is platform excellence. Worked example:
# scores 4, 3, 3, 2, 3 give 5 × (0.25·4 + 0.25·3 + 0.20·3 + 0.15·2 + 0.15·3) = 5 × 3.1 = **15.5**,
# a pass.
#
# For each capability below, **point your instructor to your evidence** in 2–4 sentences: the
# built piece, exercises, scorecard lines, figures and design sections named under it, and what
# you would add with more time. Your instructor scores each cell 1–4 against the descriptors shown,
# reading your built pieces' results as evidence (4 points each in the gradebook; a cell left
# untouched cannot be scored).

# %% [markdown] nbgrader={"grade_id": "rubric-architecture-intro", "locked": true}
# ### Rubric 1 · Platform Architecture (25%)
#
# **Evidence:** Exercise 8 (the catalog: Groups, Systems, Components, APIs and their references)
# and Design 1. The curriculum's descriptors: 4 — scalable, extensible design · 3 — good
# architecture · 2 — basic structure · 1 — poor design. What earns each here:
#
# - **4**: the catalog passes every hidden slice, and Design 1 shows how it grows: ownership by
#   business unit, systems as the unit of change, the catalog as the source the other products
#   read (alert routing, admission labels), and an extension point (plugins, templates) with a
#   contract; it names a limit of your catalog (no `dependsOn` yet, placeholder API definitions).
# - **3**: a valid catalog with complete ownership, and a design whose components fit together,
#   but scaling or extension is asserted rather than shown.
# - **2**: the catalog validates but references dangle or ownership is incomplete; the design
#   lists components without saying how they connect.
# - **1**: no working catalog, or a design that does not follow from the organisation's data.

# %% [markdown] nbgrader={"grade": true, "grade_id": "rubric-architecture", "locked": false, "points": 4, "solution": true}
# Exercise 8 builds the catalog of the payments and acquired-south units: a Group per team under a
# business-unit Group, a System per unit, every service a Component owned by its team, and an API
# for each tier-1 service; Backstage's validators accept it and no reference dangles. Design 1
# makes the catalog the source of truth that Exercise 9's labels and Exercise 10's alert routing
# read, partitions it by business unit and extends through plugins. Next: `dependsOn` from the
# mesh's declared dependencies (Week 7) and real OpenAPI definitions.

# %% [markdown] nbgrader={"grade_id": "rubric-dx-intro", "locked": true}
# ### Rubric 2 · Developer Experience (25%)
#
# **Evidence:** Exercise 11 (the golden path a developer uses), Exercises 2, 3 and 5 and the
# scorecard's adoption and performance lines (Figure 1), the messages your policies give
# (Exercise 9), and Design 2. Descriptors: 4 — exceptional DX,
# self-service · 3 — good DX · 2 — basic functionality · 1 — poor usability. What earns each:
#
# - **4**: you read the developer-facing lines honestly (satisfaction, onboarding, provisioning),
#   every policy message tells a developer what to change, new rules warn before they block, and
#   the roadmap acts first on the worst developer-facing line with a measure of success.
# - **3**: the lines are read correctly and the roadmap addresses them, but messages or roll-out
#   ignore the developer's side.
# - **2**: the numbers are reported without a judgement of what developers experience.
# - **1**: developer experience is not discussed or misread.

# %% [markdown] nbgrader={"grade": true, "grade_id": "rubric-dx", "locked": false, "points": 4, "solution": true}
# Exercises 3 and 5 and Figure 1: satisfaction (64%) and onboarding (18 h) are the two worst lines.
# Exercise 9's messages name the label, registry or replica count to fix, and the new resilience
# rule warns before it blocks. The roadmap's Q1 and Q3 act on onboarding and satisfaction first.

# %% [markdown] nbgrader={"grade_id": "rubric-automation-intro", "locked": true}
# ### Rubric 3 · Automation & Self-Service (20%)
#
# **Evidence:** Exercise 9 (policy as code in force: deny, warn and audit without a person in the
# loop), Exercise 11 (the golden path: a new service right from its first commit), Exercise 8 (the
# catalog generated from the organisation's data, not typed by hand),
# Exercises 2 and 4, and Design 1. Descriptors: 4 — full automation · 3 — mostly automated ·
# 2 — some automation · 1 — manual processes. What earns each:
#
# - **4**: the policies pass every hidden object (kinds, init containers, operations, system
#   namespaces), the golden path renders valid entities and an admissible Deployment for every
#   hidden answer, the catalog and the alert rules are generated from data so a new service is
#   covered without a ticket, and the design says where the remaining manual steps go.
# - **3**: the built pieces work on the visible cases and most hidden ones; some steps stay manual.
# - **2**: artifacts exist but must be edited by hand for each new team or service.
# - **1**: the platform's controls are described, not built.

# %% [markdown] nbgrader={"grade": true, "grade_id": "rubric-automation", "locked": false, "points": 4, "solution": true}
# Exercise 9's four policies run at admission on CREATE and UPDATE with no reviewer; Exercises 8
# and 10 are functions of the services table, so a new service gets its catalog entry and, at
# tier 1, its alerts on the next run; Exercise 11's golden path renders a new service's catalog
# entry and a Deployment the policies admit, for any answer of the form. Exercises 2 and 4 measure self-service (golden-path share,
# ticket reduction). Design 1 puts infrastructure requests behind the same policy engine.

# %% [markdown] nbgrader={"grade_id": "rubric-metrics-intro", "locked": true}
# ### Rubric 4 · Metrics & Observability (15%)
#
# **Evidence:** Exercise 10 (burn-rate alerts tested by promtool), Exercises 1–7 with Lab 1 and
# Figures 1–2 (the scorecard as a dashboard of your own outputs, with units and targets), and
# Design 2. Descriptors: 4 — comprehensive metrics · 3 — good monitoring · 2 — basic metrics ·
# 1 — limited visibility. What earns each:
#
# - **4**: the alert rules page the owning team on fast and slow burns and stay quiet on blips,
#   client errors and other tiers; every scorecard line states its window, unit and denominator;
#   "cannot be measured" lines name the data that would settle them and the roadmap collects it.
# - **3**: alerts and scorecard are right on most cases; some definitions are left implicit.
# - **2**: metrics are computed but not judged against targets, or alerts fire on raw error rates.
# - **1**: no working alerts and no defensible scorecard.

# %% [markdown] nbgrader={"grade": true, "grade_id": "rubric-metrics", "locked": false, "points": 4, "solution": true}
# Exercise 10's rules page the owning team on the SRE Workbook's two page conditions (2% of the
# budget in 1 h, 5% in 6 h, each with its short window). The scorecard (Lab 1, Figure 1) states
# windows and denominators, takes availability from the union of outages (Exercise 6) and gives
# three honest "cannot be measured" verdicts; the roadmap's Q4 collects the missing data.

# %% [markdown] nbgrader={"grade_id": "rubric-security-intro", "locked": true}
# ### Rubric 5 · Security & Compliance (15%)
#
# **Evidence:** Exercise 9 (supply chain, privilege and ownership rules, recorded audit), and
# Design 1. Descriptors: 4 — zero-trust, compliant · 3 — good security · 2 — basic security ·
# 1 — security gaps. What earns each:
#
# - **4**: the policies close the edges (a look-alike registry name, init containers, updates,
#   namespaces that only resemble system ones), exemptions are explicit and narrow, audit
#   records make compliance measurable, and the design adds zero-trust between services (Week 7).
# - **3**: the main rules hold, with an edge left open or an exemption wider than needed.
# - **2**: some rules in force, others only described.
# - **1**: no enforcement; security is left to review.

# %% [markdown] nbgrader={"grade": true, "grade_id": "rubric-security", "locked": false, "points": 4, "solution": true}
# Exercise 9: images only from the two registries (checked up to the `/`, so a look-alike host
# fails), no privileged container or init container, owner and tier labels on every workload,
# all on CREATE and UPDATE, with only the three platform namespaces exempt; the resilience rule
# is audited to measure its roll-out. Design 1 adds mesh policies generated from declared
# dependencies; the roadmap adds the missing compliance-violation baseline.

# %% [markdown] nbgrader={"grade_id": "check-your-work", "locked": true}
# ## Check your work
#
# Before you submit: **Kernel → Restart Kernel and Run All Cells**, then make sure every visible
# check prints *"Visible checks for … passed"* and no cell shows an error. nbgrader's **Validate**
# button runs the **visible** checks only: each exercise also has **hidden** checks (most of its
# points) that run when your notebook is graded, on this data and on small tables of their own.
# Do not delete, move or copy the check cells.
#
# | Part | Points | of which hidden |
# |---|---|---|
# | Exercise 1 · active teams | 2 | 1 |
# | Exercise 2 · golden-path share | 2 | 1 |
# | Exercise 3 · satisfaction | 2 | 1 |
# | Exercise 4 · reduction | 2 | 1 |
# | Exercise 5 · median duration | 2 | 1 |
# | Exercise 6 · availability | 3 | 2 |
# | Exercise 7 · verdict | 2 | 1 |
# | Exercise 8 · the portal's catalog (Backstage's validators) | 6 | 5 |
# | Exercise 9 · admission policies (ValidatingAdmissionPolicy) | 6 | 5 |
# | Exercise 10 · SLO alert rules (promtool test rules) | 6 | 5 |
# | Exercise 11 · the golden path's skeleton (nunjucks as `fetch:template`, Backstage's validators) | 5 | 4 |
# | Design document (3 sections) | 10 (instructor) | — |
# | Evaluation rubric (5 capabilities, scored 1–4) | 20 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - A defensible scorecard states each number's window, unit and denominator: distinct teams,
#   each developer's latest answer, services created in the window.
# - Targets are read exactly: "90%+" is at least 90%, "under 5 minutes" is strictly below 5.
# - Availability is the union of outages clipped to the window; summing overlaps overstates
#   downtime and can flip a verdict.
# - "Cannot be measured" is an honest verdict: it names the data the platform team must start
#   collecting, and it beats a convenient proxy.
# - A platform's kit is judged by the tools that read it: Backstage's validators and resolved
#   references for the catalog, the API server's admission for the policies, promtool's replayed
#   series for the alert rules. Generating each from the organisation's data keeps it complete as
#   teams and services change.
#
# ## References
#
# - Backstage documentation. *Descriptor Format of Catalog Entities.*
#   https://backstage.io/docs/features/software-catalog/descriptor-format
# - Beyer, B., Murphy, N. R., Rensin, D. K., Kawahara, K., & Thorne, S. (2018). *The Site
#   Reliability Workbook*, chapter 5, "Alerting on SLOs". O'Reilly. https://sre.google/workbook/alerting-on-slos/
# - CNCF TAG App Delivery (2023). *CNCF Platforms White Paper.* https://tag-app-delivery.cncf.io/whitepapers/platforms/
# - CNCF TAG App Delivery (2023). *Platform Engineering Maturity Model.*
#   https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/
# - Forsgren, N., Storey, M.-A., Maddila, C., Zimmermann, T., Houck, B., & Butler, J. (2021). The
#   SPACE of developer productivity. *ACM Queue*, 19(1). https://queue.acm.org/detail.cfm?id=3454124
# - Kubernetes documentation. *Validating Admission Policy.*
#   https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
# - Prometheus documentation. *Unit testing for rules.* https://prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/
# - Skelton, M., & Pais, M. (2019). *Team Topologies.* IT Revolution.
# - Strathern, M. (1997). "Improving ratings": audit in the British University system. *European
#   Review*, 5(3), 305–321.
