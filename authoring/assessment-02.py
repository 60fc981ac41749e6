# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 2 assessment · Developer Experience Design
#
# *Platform Engineering Workbook.*
#
# Twenty-five scenarios from Tidewater's platform team, on what Weeks 1 and 2 taught: developer experience, cognitive load, team boundaries, golden paths, onboarding, self-service and documentation, and tools developers like to use. Some questions are answered by computing on the organisation's data, loaded for you below.
#
# **How it works.** 25 questions, 1 point each; the pass mark is 85% (22 of 25). For each question replace the stub with your answer, for example `answer_qNN = "b"` (a letter in quotes), and run the cell below it: it only checks that an answer is recorded. Your answers are marked when your notebook is graded, and the feedback then explains each question. Questions that say *compute* are answered from the organisation's data with pandas, not from memory.

# %% nbgrader={"grade_id": "setup", "locked": true}
import numpy as np
import pandas as pd

from workbook import load
developer_journey = load("developer_journey")
developer_tasks = load("developer_tasks")
onboarding_journeys = load("onboarding_journeys")
support_tickets = load("support_tickets")
print("Set-up done: answer the questions below.")

# %% [markdown] nbgrader={"grade_id": "q01-question", "locked": true}
# ### Question 1
#
# A team lead says her developers wait 40 minutes for every CI run and so batch three changes into one pull request.
#
# **Which developer-experience dimension of Noda et al. (2023) does this describe most directly?**
#
# - **a)** Feedback loops
# - **b)** Cognitive load
# - **c)** Flow state
# - **d)** Psychological safety
#
# Answer with `answer_q01 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q01-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q01 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q01-check", "locked": true, "points": 1, "solution": false}
"""Question 1: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q01" in globals(), "answer_q01", "is not set yet: replace the stub with your answer.")
check(answer_q01 in ('a', 'b', 'c', 'd'), "answer_q01", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 1")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 1", answer_q01, "the option that holds for this scenario", explain="Feedback loops are how quickly developers learn whether an action worked (a build, a review, a deploy). Slow loops lead to batching and context switches; cognitive load and flow are the other two dimensions, and psychological safety is not one of the three.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q02-question", "locked": true}
# ### Question 2
#
# To deploy, a developer must find the right wiki page among three outdated ones, fill a ticket form with eleven fields and remember which of two clusters their service runs on.
#
# **In cognitive load theory, what kind of load is this?**
#
# - **a)** Intrinsic load of the problem the developer is solving
# - **b)** Extraneous load that a platform can remove
# - **c)** Germane load that builds useful expertise
# - **d)** No load, since the steps are documented
#
# Answer with `answer_q02 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q02-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q02 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q02-check", "locked": true, "points": 1, "solution": false}
"""Question 2: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q02" in globals(), "answer_q02", "is not set yet: replace the stub with your answer.")
check(answer_q02 in ('a', 'b', 'c', 'd'), "answer_q02", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 2")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 2", answer_q02, "the option that holds for this scenario", explain="Effort spent on how the work is presented and organised (finding pages, decoding forms) rather than on the problem itself is extraneous load. Skelton and Pais apply the idea to teams: a platform exists to take such load off stream-aligned teams.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q03-question", "locked": true}
# ### Question 3
#
# A task takes 2 hours of hands-on work and waits 3 days (72 hours) in queues from request to result.
#
# **What is its flow efficiency, to the nearest percent?**
#
# - **a)** 3%
# - **b)** 36%
# - **c)** 97%
# - **d)** 2%
#
# Answer with `answer_q03 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q03-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q03 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q03-check", "locked": true, "points": 1, "solution": false}
"""Question 3: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q03" in globals(), "answer_q03", "is not set yet: replace the stub with your answer.")
check(answer_q03 in ('a', 'b', 'c', 'd'), "answer_q03", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 3")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 3", answer_q03, "the option that holds for this scenario", explain="Flow efficiency is active time divided by lead time: 2 / (2 + 72) = 2.7%, about 3%. Dividing active by waiting time (2/72) gives 2.8%, close here but a different quantity.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q04-question", "locked": true}
# ### Question 4
#
# Tidewater's database changes need approval from a central DBA team, and every change waits in the DBA queue. The CTO asks why the database schema mirrors the org chart.
#
# **Which idea explains the observation?**
#
# - **a)** Goodhart's law
# - **b)** Little's law
# - **c)** Conway's law
# - **d)** Brooks's law
#
# Answer with `answer_q04 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q04-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q04 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q04-check", "locked": true, "points": 1, "solution": false}
"""Question 4: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q04" in globals(), "answer_q04", "is not set yet: replace the stub with your answer.")
check(answer_q04 in ('a', 'b', 'c', 'd'), "answer_q04", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 4")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 4", answer_q04, "the option that holds for this scenario", explain="Conway (1968): organisations that design systems produce designs that mirror their communication structure. Each team boundary a task must cross shows up as a hand-off and a wait.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q05-question", "locked": true}
# ### Question 5
#
# The platform team wants stream-aligned teams to get databases without filing a ticket or pairing with a platform engineer.
#
# **Which Team Topologies interaction mode is the goal?**
#
# - **a)** Collaboration
# - **b)** Facilitating
# - **c)** Hand-over
# - **d)** X-as-a-Service
#
# Answer with `answer_q05 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q05-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q05 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q05-check", "locked": true, "points": 1, "solution": false}
"""Question 5: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q05" in globals(), "answer_q05", "is not set yet: replace the stub with your answer.")
check(answer_q05 in ('a', 'b', 'c', 'd'), "answer_q05", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 5")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 5", answer_q05, "the option that holds for this scenario", explain="In X-as-a-Service the platform provides something consumed with minimal interaction. Collaboration and facilitating are the other two modes, suited to discovery and to coaching; \"hand-over\" is not a Team Topologies mode.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q06-question", "locked": true}
# ### Question 6
#
# A small team of specialists owns Tidewater's fraud-scoring model, which needs deep mathematical knowledge that the stream-aligned checkout team should not have to hold.
#
# **Which team type is this in Team Topologies?**
#
# - **a)** Complicated-subsystem team
# - **b)** Enabling team
# - **c)** Platform team
# - **d)** Stream-aligned team
#
# Answer with `answer_q06 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q06-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q06 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q06-check", "locked": true, "points": 1, "solution": false}
"""Question 6: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q06" in globals(), "answer_q06", "is not set yet: replace the stub with your answer.")
check(answer_q06 in ('a', 'b', 'c', 'd'), "answer_q06", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 6")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 6", answer_q06, "the option that holds for this scenario", explain="A complicated-subsystem team owns a part of the system that needs specialist knowledge, so that stream-aligned teams do not carry that cognitive load. Enabling teams coach; platform teams provide internal services.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q07-question", "locked": true}
# ### Question 7
#
# The CIO proposes a rule: from next quarter every team must use the new golden path for new services, and other ways are forbidden.
#
# **How does this fit the golden-path idea as Spotify and Netflix describe it?**
#
# - **a)** It fits; golden paths are mandatory standards
# - **b)** It does not fit; a golden path is a supported, attractive default that teams may leave
# - **c)** It fits only for regulated industries
# - **d)** It does not fit; golden paths are only documentation
#
# Answer with `answer_q07 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q07-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q07 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q07-check", "locked": true, "points": 1, "solution": false}
"""Question 7: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q07" in globals(), "answer_q07", "is not set yet: replace the stub with your answer.")
check(answer_q07 in ('a', 'b', 'c', 'd'), "answer_q07", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 7")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 7", answer_q07, "the option that holds for this scenario", explain="Spotify's golden path is the opinionated, supported way that teams are encouraged (not forced) to take; Netflix's paved road is free to leave but rarely left. Value must show in developers' own work, not through a mandate.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q08-question", "locked": true}
# ### Question 8
#
# Task A waits 30 minutes and happens 900 times a month; task B waits 2 days (2,880 minutes) and happens 5 times a month.
#
# **Which waiting costs the organisation more hours per month?**
#
# - **a)** Task B, because its single wait is longer
# - **b)** They cost the same
# - **c)** It cannot be said without the active time
# - **d)** Task A (450 hours against 240)
#
# Answer with `answer_q08 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q08-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q08 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q08-check", "locked": true, "points": 1, "solution": false}
"""Question 8: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q08" in globals(), "answer_q08", "is not set yet: replace the stub with your answer.")
check(answer_q08 in ('a', 'b', 'c', 'd'), "answer_q08", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 8")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 8", answer_q08, "the option that holds for this scenario", explain="Friction per month = waiting minutes \u00d7 monthly occurrences / 60: A costs 30 \u00d7 900 / 60 = 450 hours, B costs 2,880 \u00d7 5 / 60 = 240 hours. Volume matters as much as the length of a wait.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q09-question", "locked": true}
# ### Question 9
#
# The CNCF Platforms White Paper describes what internal platforms are for.
#
# **Which statement matches its view?**
#
# - **a)** A platform should be run as a product, with users, research and measured adoption
# - **b)** A platform is a set of tools chosen by the infrastructure team and mandated for all
# - **c)** A platform replaces the need for stream-aligned teams to own their services
# - **d)** A platform is successful once it is fully built, regardless of adoption
#
# Answer with `answer_q09 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q09-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q09 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q09-check", "locked": true, "points": 1, "solution": false}
"""Question 9: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q09" in globals(), "answer_q09", "is not set yet: replace the stub with your answer.")
check(answer_q09 in ('a', 'b', 'c', 'd'), "answer_q09", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 9")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 9", answer_q09, "the option that holds for this scenario", explain="The white paper frames platforms as products built to reduce cognitive load for their users, developed with user research and judged by adoption, not mandated and forgotten.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q10-question", "locked": true}
# ### Question 10
#
# Before building a portal, the platform team writes down the smallest set of documented self-service steps that would let teams deploy without help, and stops there until demand shows.
#
# **Which Team Topologies idea is this?**
#
# - **a)** The inverse Conway manoeuvre
# - **b)** Team API
# - **c)** The thinnest viable platform
# - **d)** Fracture planes
#
# Answer with `answer_q10 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q10-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q10 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q10-check", "locked": true, "points": 1, "solution": false}
"""Question 10: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q10" in globals(), "answer_q10", "is not set yet: replace the stub with your answer.")
check(answer_q10 in ('a', 'b', 'c', 'd'), "answer_q10", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 10")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 10", answer_q10, "the option that holds for this scenario", explain="The thinnest viable platform is the smallest set of APIs, documentation and tools that accelerates teams; it can start as a wiki page and grows only as needed.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q11-question", "locked": true}
# ### Question 11
#
# Tidewater's platform team wants to know whether onboarding improved. Their survey asks new hires "How smooth was your onboarding?" and they also record when each milestone was reached.
#
# **In SPACE terms, which pair of measures combines a perceptual and a workflow measure?**
#
# - **a)** Commits per new hire and lines of code per new hire
# - **b)** Number of onboarding tickets and number of wiki edits
# - **c)** Two survey questions about onboarding
# - **d)** The onboarding survey score and the time to first deploy
#
# Answer with `answer_q11 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q11 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q11-check", "locked": true, "points": 1, "solution": false}
"""Question 11: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q11" in globals(), "answer_q11", "is not set yet: replace the stub with your answer.")
check(answer_q11 in ('a', 'b', 'c', 'd'), "answer_q11", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 11")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 11", answer_q11, "the option that holds for this scenario", explain="SPACE recommends several dimensions and at least one perceptual (survey) measure. The survey score is perceptual (satisfaction); time to a milestone is a workflow measure (efficiency and flow, onboarding time under communication and collaboration).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q12-question", "locked": true}
# ### Question 12
#
# The docs team proposes a new metric, "how quickly developers find the right page", for the developer-experience dashboard.
#
# **Under which SPACE dimension does the paper list discoverability of documentation?**
#
# - **a)** Efficiency and flow
# - **b)** Communication and collaboration
# - **c)** Activity
# - **d)** Performance
#
# Answer with `answer_q12 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q12-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q12 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q12-check", "locked": true, "points": 1, "solution": false}
"""Question 12: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q12" in globals(), "answer_q12", "is not set yet: replace the stub with your answer.")
check(answer_q12 in ('a', 'b', 'c', 'd'), "answer_q12", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 12")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 12", answer_q12, "the option that holds for this scenario", explain="SPACE lists knowledge sharing and discoverability (quality of documentation) under communication and collaboration, at individual, team and system level.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q13-question", "locked": true}
# ### Question 13
#
# A manager wants to rank developers by commits per week to find the most productive ones.
#
# **What does the SPACE paper say about this?**
#
# - **a)** Activity counts alone do not measure productivity; use several dimensions
# - **b)** Commits are the best single proxy for productivity
# - **c)** Rankings are fine if lines of code are added
# - **d)** Productivity can only be measured at the individual level
#
# Answer with `answer_q13 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q13-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q13 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q13-check", "locked": true, "points": 1, "solution": false}
"""Question 13: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q13" in globals(), "answer_q13", "is not set yet: replace the stub with your answer.")
check(answer_q13 in ('a', 'b', 'c', 'd'), "answer_q13", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 13")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 13", answer_q13, "the option that holds for this scenario", explain="Among the myths SPACE rebuts: productivity is all about activity, one metric tells all, and it is only about individual performance. Activity is one of five dimensions.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q14-question", "locked": true}
# ### Question 14
#
# A new hire's milestones: accounts ready on day 2, repository access on day 4, first build on day 6, first deploy on day 12. Repository access waits for accounts; first build waits for access.
#
# **Which change shortens time to first deploy most directly?**
#
# - **a)** A longer welcome presentation on day 1
# - **b)** Asking buddies to review pull requests faster
# - **c)** Granting accounts and repository access before the first day, automatically
# - **d)** Adding an onboarding survey at the end of month 1
#
# Answer with `answer_q14 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q14-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q14 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q14-check", "locked": true, "points": 1, "solution": false}
"""Question 14: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q14" in globals(), "answer_q14", "is not set yet: replace the stub with your answer.")
check(answer_q14 in ('a', 'b', 'c', 'd'), "answer_q14", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 14")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 14", answer_q14, "the option that holds for this scenario", explain="The milestones form a chain; the earliest waits delay everything after them. Pre-provisioning access removes four days from the critical path; reviews only affect the later steps.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q15-question", "locked": true}
# ### Question 15
#
# The platform team designs a CLI, `svc create`. A developer runs it with an invalid service name.
#
# **Which behaviour follows good command-line design?**
#
# - **a)** Exit with status 0 and print nothing, so scripts keep running
# - **b)** Create the service anyway and rename it silently
# - **c)** Print a Python traceback so the developer sees exactly where it failed
# - **d)** Exit with a non-zero status, create nothing, and say what a valid name looks like
#
# Answer with `answer_q15 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q15-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q15 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q15-check", "locked": true, "points": 1, "solution": false}
"""Question 15: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q15" in globals(), "answer_q15", "is not set yet: replace the stub with your answer.")
check(answer_q15 in ('a', 'b', 'c', 'd'), "answer_q15", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 15")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 15", answer_q15, "the option that holds for this scenario", explain="Errors should be human-readable, say how to fix the input, exit non-zero so scripts notice, and leave no half-made state; tracebacks are for the tool's authors, not its users.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q16-question", "locked": true}
# ### Question 16
#
# The CLI has thirty options. New users are overwhelmed; experts need them all.
#
# **Which design applies progressive disclosure?**
#
# - **a)** Print all thirty options on every run
# - **b)** A short default path that needs no options, `--help` with examples, and subcommands for advanced work
# - **c)** Remove every option that fewer than half the users need
# - **d)** Move all options into an environment variable
#
# Answer with `answer_q16 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q16-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q16 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q16-check", "locked": true, "points": 1, "solution": false}
"""Question 16: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q16" in globals(), "answer_q16", "is not set yet: replace the stub with your answer.")
check(answer_q16 in ('a', 'b', 'c', 'd'), "answer_q16", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 16")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 16", answer_q16, "the option that holds for this scenario", explain="Progressive disclosure shows the simple path first and reveals detail on demand (help text, subcommands), which lowers cognitive load for newcomers without taking power from experts.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q17-question", "locked": true}
# ### Question 17
#
# The platform team answers 1,700 tickets a year. They consider writing more documentation pages.
#
# **Which tickets can documentation alone turn into self-service?**
#
# - **a)** Every ticket whose topic has a documentation page
# - **b)** Tickets that a page covers and that need no person (no approval, fix or decision)
# - **c)** Only tickets marked urgent
# - **d)** Tickets raised through the portal rather than chat
#
# Answer with `answer_q17 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q17-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q17 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q17-check", "locked": true, "points": 1, "solution": false}
"""Question 17: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q17" in globals(), "answer_q17", "is not set yet: replace the stub with your answer.")
check(answer_q17 in ('a', 'b', 'c', 'd'), "answer_q17", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 17")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 17", answer_q17, "the option that holds for this scenario", explain="A page helps only if the requester could then act alone: access approvals or broken CI still need a person even with a page at hand. Self-service share = documented and not needing a human.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q18-question", "locked": true}
# ### Question 18
#
# A search over the docs is evaluated with 40 real questions; for each, a person marked the one page that answers it. The search returns ranked pages.
#
# **What does "hit rate at 3" measure?**
#
# - **a)** The share of results that are relevant in the first three positions, averaged over pages
# - **b)** The number of pages the search returns for three questions
# - **c)** The average rank of the right page, divided by three
# - **d)** The share of questions whose right page is among the first three results
#
# Answer with `answer_q18 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q18-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q18 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q18-check", "locked": true, "points": 1, "solution": false}
"""Question 18: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q18" in globals(), "answer_q18", "is not set yet: replace the stub with your answer.")
check(answer_q18 in ('a', 'b', 'c', 'd'), "answer_q18", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 18")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 18", answer_q18, "the option that holds for this scenario", explain="Hit rate at k is the fraction of queries whose relevant item appears in the top k results; it is the measure used in Week 2's documentation-search lab.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q19-question", "locked": true}
# ### Question 19
#
# Tidewater's onboarding data records each new hire's first working day and when each milestone was reached. Compute from `onboarding_journeys`.
#
# **Compute the median number of days from start_date to first_deploy_at over the new hires who have deployed (fractional days, as (first_deploy_at - start_date) in days).**
#
# Compute it from the data and assign the number to `answer_q19`.

# %% nbgrader={"grade": false, "grade_id": "q19-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_days = (onboarding_journeys["first_deploy_at"] - pd.to_datetime(onboarding_journeys["start_date"]).dt.tz_localize("UTC"))
answer_q19 = float(_days.dropna().dt.total_seconds().median() / 86400)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q19-check", "locked": true, "points": 1, "solution": false}
"""Question 19: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q19" in globals(), "answer_q19", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q19, (int, float)) and not isinstance(answer_q19, bool), "answer_q19", "should be a number.")
passed("question 19")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 19", answer_q19, "computed from the data as the question says", rtol=0.001, explain="Subtract the start date (midnight UTC) from the first-deploy time, drop new hires without a deploy yet, and take the median in days; the median resists the few very slow onboardings.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q20-question", "locked": true}
# ### Question 20
#
# Compute from `onboarding_journeys`: the platform team's target is a first deploy within the first week, that is less than 7 days after the start of the first working day.
#
# **Give the number of new hires whose first deploy came less than 7 days (strictly, 7 × 24 hours) after their start_date.**
#
# Compute it from the data and assign the number to `answer_q20`.

# %% nbgrader={"grade": false, "grade_id": "q20-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_days = (onboarding_journeys["first_deploy_at"] - pd.to_datetime(onboarding_journeys["start_date"]).dt.tz_localize("UTC"))
answer_q20 = int((_days < pd.Timedelta(days=7)).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q20-check", "locked": true, "points": 1, "solution": false}
"""Question 20: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q20" in globals(), "answer_q20", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q20, (int, float)) and not isinstance(answer_q20, bool), "answer_q20", "should be a number.")
passed("question 20")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 20", answer_q20, "computed from the data as the question says", rtol=1e-06, explain="Subtract the start date (midnight UTC) from the first-deploy time and count the differences below 7 days; a new hire exactly at 7 days does not count, because the target is strict.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q21-question", "locked": true}
# ### Question 21
#
# Compute from `support_tickets`: the platform team wants the share of tickets that documentation alone could have resolved.
#
# **What fraction (0 to 1) of all tickets have a documentation page (answered_by_doc not empty) and do not need a human (needs_human is False)?**
#
# Compute it from the data and assign the number to `answer_q21`.

# %% nbgrader={"grade": false, "grade_id": "q21-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_doc = support_tickets["answered_by_doc"].notna() & ~support_tickets["needs_human"].astype(bool)
answer_q21 = float(_doc.mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q21-check", "locked": true, "points": 1, "solution": false}
"""Question 21: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q21" in globals(), "answer_q21", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q21, (int, float)) and not isinstance(answer_q21, bool), "answer_q21", "should be a number.")
passed("question 21")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 21", answer_q21, "computed from the data as the question says", rtol=0.0001, explain="Both conditions must hold: a page exists and the requester could act alone. Counting every documented ticket overstates self-service, because approvals and fixes still need a person.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q22-question", "locked": true}
# ### Question 22
#
# Compute from `support_tickets`: which category has the most tickets?
#
# **Give the number of tickets in the most frequent category (count of rows of that category).**
#
# Compute it from the data and assign the number to `answer_q22`.

# %% nbgrader={"grade": false, "grade_id": "q22-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q22 = int(support_tickets["category"].value_counts().max())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q22-check", "locked": true, "points": 1, "solution": false}
"""Question 22: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q22" in globals(), "answer_q22", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q22, (int, float)) and not isinstance(answer_q22, bool), "answer_q22", "should be a number.")
passed("question 22")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 22", answer_q22, "computed from the data as the question says", rtol=1e-06, explain="value_counts() per category, then the largest count; the top category is where a platform investment removes the most tickets.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q23-question", "locked": true}
# ### Question 23
#
# Compute from `developer_journey`: the time-and-motion study lists, for each step, who performs it and whether it is a hand-off to another team.
#
# **What fraction (0 to 1) of all waiting minutes in the study occur on hand-off steps (handoff is True)?**
#
# Compute it from the data and assign the number to `answer_q23`.

# %% nbgrader={"grade": false, "grade_id": "q23-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_w = developer_journey["waiting_minutes"]
answer_q23 = float(_w[developer_journey["handoff"].astype(bool)].sum() / _w.sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q23-check", "locked": true, "points": 1, "solution": false}
"""Question 23: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q23" in globals(), "answer_q23", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q23, (int, float)) and not isinstance(answer_q23, bool), "answer_q23", "should be a number.")
passed("question 23")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 23", answer_q23, "computed from the data as the question says", rtol=0.0001, explain="Sum waiting minutes on hand-off steps and divide by all waiting minutes: most waiting sits at team boundaries, which is Conway's law in the data.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q24-question", "locked": true}
# ### Question 24
#
# Compute from `developer_tasks`: a task is frequent when it happens at least 20 times a month.
#
# **What fraction (0 to 1) of all monthly task occurrences come from frequent tasks (monthly_occurrences >= 20)?**
#
# Compute it from the data and assign the number to `answer_q24`.

# %% nbgrader={"grade": false, "grade_id": "q24-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_m = developer_tasks["monthly_occurrences"]
answer_q24 = float(_m[_m >= 20].sum() / _m.sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q24-check", "locked": true, "points": 1, "solution": false}
"""Question 24: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q24" in globals(), "answer_q24", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q24, (int, float)) and not isinstance(answer_q24, bool), "answer_q24", "should be a number.")
passed("question 24")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 24", answer_q24, "computed from the data as the question says", rtol=0.0001, explain="Weight by occurrences: sum the occurrences of tasks at or above the threshold (20 counts) and divide by all occurrences. Counting tasks instead of occurrences gives a different share.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q25-question", "locked": true}
# ### Question 25
#
# Two onboarding designs are compared on median time to first deploy: 9 days before, 6 days after, with only 12 new hires after the change.
#
# **What is the most honest reading?**
#
# - **a)** Onboarding is now exactly 33% faster for everyone
# - **b)** The change had no effect, because 12 is too few
# - **c)** An improvement is likely but uncertain; report it with an interval and keep measuring
# - **d)** The difference proves the new design caused it
#
# Answer with `answer_q25 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q25-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q25 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q25-check", "locked": true, "points": 1, "solution": false}
"""Question 25: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q25" in globals(), "answer_q25", "is not set yet: replace the stub with your answer.")
check(answer_q25 in ('a', 'b', 'c', 'd'), "answer_q25", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 25")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 25", answer_q25, "the option that holds for this scenario", explain="A small sample gives an uncertain estimate; a before/after difference is evidence, not proof of cause. Report an interval (for example a bootstrap) and keep measuring as more people join.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "sources", "locked": true}
# ## Sources
#
# Every question is checked against one of these:
#
# - CNCF TAG App Delivery (2023), CNCF Platforms White Paper
# - Command Line Interface Guidelines (clig.dev), Errors; Python documentation, argparse (exit status 2 on usage errors)
# - Command Line Interface Guidelines (clig.dev), Help and Arguments and flags
# - Conway (1968), How do committees invent?, Datamation 14(4)
# - Efron & Tibshirani (1993), An Introduction to the Bootstrap; Week 2, Lab 1
# - Modig & Åhlström (2012), This Is Lean: flow efficiency = value-adding time / lead time
# - Noda, Storey, Forsgren & Greiler (2023), DevEx: What actually drives productivity, ACM Queue 21(2)
# - Skelton & Pais (2019), Team Topologies, chapter on team interaction modes
# - Skelton & Pais (2019), Team Topologies, the four fundamental team types
# - Skelton & Pais (2019), Team Topologies, thinnest viable platform
# - Spotify Engineering (2020), How we use golden paths to solve fragmentation; Netflix Technology Blog (2018), Full cycle developers
# - Sweller (1988), Cognitive load during problem solving, Cognitive Science 12(2); Skelton & Pais (2019), Team Topologies
# - Week 1, Lab 1 (friction weighted by volume); Rother & Shook (1999), Learning to See
# - Week 2, Lab 1 (onboarding value stream); Rother & Shook (1999), Learning to See
# - Week 2, Lab 2 (self-service share); data/README.md, support_tickets (answered_by_doc, needs_human)
# - Week 2, Lab 3 (documentation search evaluated by hit rate@k); Manning, Raghavan & Schütze (2008), Introduction to Information Retrieval, ch. 8
# - data/README.md, developer_journey (handoff, waiting_minutes)
# - data/README.md, developer_tasks (monthly_occurrences)
# - data/README.md, onboarding_journeys (start_date, first_deploy_at)
# - data/README.md, support_tickets (answered_by_doc, needs_human)
# - data/README.md, support_tickets (category)
# - platform-facts.md §2 SPACE framework (myths the paper rebuts)
# - platform-facts.md §2 SPACE framework (recommendations, onboarding under communication and collaboration) [S]
# - platform-facts.md §2 SPACE framework, example-metrics table [S]
