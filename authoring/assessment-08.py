# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 8 assessment · Platform Metrics and Optimization
#
# *Platform Engineering Workbook.*
#
# Thirty-five scenarios on measuring and improving a platform: DORA's delivery metrics and how Four Keys computes them, the SPACE framework, surveys and adoption, honest before/after comparisons, and the security and cost measures of Week 7. Many questions are answered by computing on the organisation's data, loaded for you below.
#
# **How it works.** 35 questions, 1 point each; the pass mark is 85% (30 of 35). For each question replace the stub with your answer, for example `answer_qNN = "b"` (a letter in quotes), and run the cell below it: it only checks that an answer is recorded. Your answers are marked when your notebook is graded, and the feedback then explains each question. Questions that say *compute* are answered from the organisation's data with pandas, not from memory.

# %% nbgrader={"grade_id": "setup", "locked": true}
import numpy as np
import pandas as pd

from workbook import load
deployments = load("deployments")
incidents = load("incidents")
survey_questions = load("survey_questions")
survey_responses = load("survey_responses")
developer_activity = load("developer_activity")
services = load("services")
secret_labels = load("secret_labels")
service_requests = load("service_requests")
print("Set-up done: answer the questions below.")

# %% [markdown] nbgrader={"grade_id": "q01-question", "locked": true}
# ### Question 1
#
# A team's board shows deployment frequency, change lead time, change fail rate and failed deployment recovery time.
#
# **Which fifth software-delivery metric did DORA add in 2024?**
#
# - **a)** Reliability
# - **b)** Deployment rework rate
# - **c)** Availability
# - **d)** Mean time between failures
#
# Answer with `answer_q01 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q01-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q01 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q01-check", "locked": true, "points": 1, "solution": false}
"""Question 1: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q01" in globals(), "answer_q01", "is not set yet: replace the stub with your answer.")
check(answer_q01 in ('a', 'b', 'c', 'd'), "answer_q01", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 1")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 1", answer_q01, "the option that holds for this scenario", explain="In 2024 DORA introduced deployment rework rate (unplanned deployments caused by a production incident) as the fifth delivery metric. Reliability is operational, not delivery, performance; DORA says the 2021 report inaccurately called it the fifth metric.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q02-question", "locked": true}
# ### Question 2
#
# An engineering director wants one number to rank all forty teams on delivery performance.
#
# **What does DORA's guidance say about that?**
#
# - **a)** Use change lead time alone; it predicts the rest
# - **b)** Average the four metrics across teams
# - **c)** Rank teams by deployment frequency
# - **d)** Metrics are meant per application or service; avoid one metric to rule them all and comparing unlike teams
#
# Answer with `answer_q02 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q02-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q02 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q02-check", "locked": true, "points": 1, "solution": false}
"""Question 2: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q02" in globals(), "answer_q02", "is not set yet: replace the stub with your answer.")
check(answer_q02 in ('a', 'b', 'c', 'd'), "answer_q02", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 2")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 2", answer_q02, "the option that holds for this scenario", explain="DORA's listed pitfalls include one-metric-to-rule-them-all, disparate comparisons, metrics as goals and competing; metrics are meant per application or service.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q03-question", "locked": true}
# ### Question 3
#
# Four Keys computes lead time for changes per (deployment, change) pair.
#
# **Which statistic does it report?**
#
# - **a)** The median, ignoring non-positive differences
# - **b)** The mean
# - **c)** The maximum
# - **d)** The 90th percentile
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

expect.value("Question 3", answer_q03, "the option that holds for this scenario", explain="Four Keys takes the median (PERCENTILE_CONT 0.5) of deploy time minus commit time, setting values <= 0 to NULL to ignore automated changes.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q04-question", "locked": true}
# ### Question 4
#
# A team deploys on about two days of most weeks over the last three months.
#
# **Which Four Keys deployment-frequency bucket does it get?**
#
# - **a)** Daily
# - **b)** Monthly
# - **c)** Weekly
# - **d)** Yearly
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

expect.value("Question 4", answer_q04, "the option that holds for this scenario", explain="Daily needs a median of at least 3 deploy days per week; otherwise Weekly when most weeks have a deployment (median week_deployed >= 1).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q05-question", "locked": true}
# ### Question 5
#
# On one day a team makes 4 deployments; one of them causes an incident.
#
# **What change failure rate does Four Keys' documentation give for that day?**
#
# - **a)** 100%
# - **b)** 25%
# - **c)** 20%
# - **d)** 4%
#
# Answer with `answer_q05 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q05-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q05 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q05-check", "locked": true, "points": 1, "solution": false}
"""Question 5: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q05" in globals(), "answer_q05", "is not set yet: replace the stub with your answer.")
check(answer_q05 in ('a', 'b', 'c', 'd'), "answer_q05", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 5")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 5", answer_q05, "the option that holds for this scenario", explain="Change failure rate = deployments with a linked incident / distinct deployments = 1/4 (the METRICS.md example).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q06-question", "locked": true}
# ### Question 6
#
# An incident is opened at 10:00; the deployment that caused it finished at 09:10; service is restored at 11:00.
#
# **Which interval does Four Keys measure as this incident's time to restore?**
#
# - **a)** From 10:00, when the incident was opened, to 11:00
# - **b)** From 09:10, when the causing deployment finished, to 10:00
# - **c)** From 09:10, when the causing deployment finished, to 11:00
# - **d)** From the time the root-cause commit was written to 11:00
#
# Answer with `answer_q06 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q06-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q06 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q06-check", "locked": true, "points": 1, "solution": false}
"""Question 6: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q06" in globals(), "answer_q06", "is not set yet: replace the stub with your answer.")
check(answer_q06 in ('a', 'b', 'c', 'd'), "answer_q06", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 6")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 6", answer_q06, "the option that holds for this scenario", explain="Four Keys starts the clock at the earlier of the incident's creation and the deployment containing the root-cause commit, and stops it at resolution: 09:10 to 11:00. (Its query then reports the interval in whole hours, TIMESTAMP_DIFF(..., HOUR): 1 here; Week 8 keeps exact hours as a house rule.)")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q07-question", "locked": true}
# ### Question 7
#
# Which deployments does Four Keys count?
#
# **Choose the statement that matches its queries.**
#
# - **a)** Every pipeline run, successful or not
# - **b)** Only deployments that caused an incident
# - **c)** Only deployments to staging
# - **d)** Only successful deployment events
#
# Answer with `answer_q07 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q07-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q07 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q07-check", "locked": true, "points": 1, "solution": false}
"""Question 7: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q07" in globals(), "answer_q07", "is not set yet: replace the stub with your answer.")
check(answer_q07 in ('a', 'b', 'c', 'd'), "answer_q07", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 7")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 7", answer_q07, "the option that holds for this scenario", explain="The deployments view keeps successful deploy events only (for example Cloud Build SUCCESS, GitHub deployment_status success).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q08-question", "locked": true}
# ### Question 8
#
# A team classified itself with the 2019 State of DevOps table: it deploys between once a day and once a week, lead time 3 days, restores in 4 hours, change failure rate 10%.
#
# **Which 2019 cluster matches all four?**
#
# - **a)** Elite
# - **b)** High
# - **c)** Medium
# - **d)** Low
#
# Answer with `answer_q08 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q08-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q08 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q08-check", "locked": true, "points": 1, "solution": false}
"""Question 8: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q08" in globals(), "answer_q08", "is not set yet: replace the stub with your answer.")
check(answer_q08 in ('a', 'b', 'c', 'd'), "answer_q08", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 8")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 8", answer_q08, "the option that holds for this scenario", explain="2019 High: once/day-once/week, lead time 1 day-1 week, restore < 1 day, 0-15%. Elite needs on-demand deploys and lead time < 1 day.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q09-question", "locked": true}
# ### Question 9
#
# A report cites the DORA benchmark tables.
#
# **Why do the State of DevOps reports publish medians rather than means?**
#
# - **a)** Because the distributions are not normal
# - **b)** Because means are harder to compute
# - **c)** Because the survey has few answers
# - **d)** They publish means
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

expect.value("Question 9", answer_q09, "the option that holds for this scenario", explain="The 2018 and 2019 reports footnote that medians are reported because the distributions are not normal (skewed by a few very slow cases).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q10-question", "locked": true}
# ### Question 10
#
# A VP proposes to reward teams for commits per developer per week.
#
# **Which law predicts what happens next?**
#
# - **a)** Conway's law
# - **b)** Little's law
# - **c)** Goodhart's law: when a measure becomes a target it ceases to be a good measure
# - **d)** Amdahl's law
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

expect.value("Question 10", answer_q10, "the option that holds for this scenario", explain="Activity counts become targets and get gamed (smaller commits, more of them); DORA lists metrics-as-goals as a pitfall and SPACE warns that activity alone is not productivity.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q11-question", "locked": true}
# ### Question 11
#
# The platform team picks one metric per SPACE dimension for team dashboards.
#
# **Which of these is an Activity metric in SPACE?**
#
# - **a)** Developer satisfaction
# - **b)** Number of code reviews completed
# - **c)** Perceived ability to stay in flow
# - **d)** Customer satisfaction
#
# Answer with `answer_q11 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q11 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q11-check", "locked": true, "points": 1, "solution": false}
"""Question 11: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q11" in globals(), "answer_q11", "is not set yet: replace the stub with your answer.")
check(answer_q11 in ('a', 'b', 'c', 'd'), "answer_q11", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 11")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 11", answer_q11, "the option that holds for this scenario", explain="Activity counts actions and outputs: reviews, commits, deployments. Satisfaction, flow and customer satisfaction belong to other dimensions.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q12-question", "locked": true}
# ### Question 12
#
# A survey item reads "I feel burned out by my work" (1-5, reverse coded).
#
# **How is it turned into a score where higher is better, before averaging with the other satisfaction items?**
#
# - **a)** Keep the answer as it is
# - **b)** Divide by 5
# - **c)** Use 5 minus the answer
# - **d)** Use 6 minus the answer
#
# Answer with `answer_q12 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q12-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q12 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q12-check", "locked": true, "points": 1, "solution": false}
"""Question 12: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q12" in globals(), "answer_q12", "is not set yet: replace the stub with your answer.")
check(answer_q12 in ('a', 'b', 'c', 'd'), "answer_q12", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 12")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 12", answer_q12, "the option that holds for this scenario", explain="On a 1-5 scale, reversing maps 1\u21945 and 2\u21944: 6 - answer. 5 - answer would map to 0-4 and shift the scale.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q13-question", "locked": true}
# ### Question 13
#
# The team dashboard shows SPACE survey results per team.
#
# **What does SPACE recommend about the level at which results are reported?**
#
# - **a)** Individual level, so managers can coach
# - **b)** Aggregated at team level and above, protecting privacy
# - **c)** Only organisation-wide
# - **d)** Per question and per person
#
# Answer with `answer_q13 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q13-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q13 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q13-check", "locked": true, "points": 1, "solution": false}
"""Question 13: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q13" in globals(), "answer_q13", "is not set yet: replace the stub with your answer.")
check(answer_q13 in ('a', 'b', 'c', 'd'), "answer_q13", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 13")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 13", answer_q13, "the option that holds for this scenario", explain="The paper recommends protecting privacy by reporting aggregates at team level and above.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q14-question", "locked": true}
# ### Question 14
#
# After the golden path launched, median time to first deployment for new developers fell from 9 to 6 days; a bootstrap 95% interval for the difference is 0.5 to 5.8 days.
#
# **What is the honest conclusion?**
#
# - **a)** A speed-up is likely; its size is uncertain (between about half a day and six days)
# - **b)** The platform made developers exactly 33% faster
# - **c)** Nothing can be said because the interval is wide
# - **d)** The golden path caused a 10x improvement
#
# Answer with `answer_q14 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q14-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q14 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q14-check", "locked": true, "points": 1, "solution": false}
"""Question 14: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q14" in globals(), "answer_q14", "is not set yet: replace the stub with your answer.")
check(answer_q14 in ('a', 'b', 'c', 'd'), "answer_q14", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 14")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 14", answer_q14, "the option that holds for this scenario", explain="An interval that excludes zero supports an improvement; its width says how uncertain the size is. Causality needs more (a comparison group, timing), and 10x is far outside the interval.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q15-question", "locked": true}
# ### Question 15
#
# The curriculum's headline promises "10x developer productivity".
#
# **What would it take to believe such a claim about Tidewater?**
#
# - **a)** One survey question asking developers whether they feel ten times faster
# - **b)** Counting ten times more commits
# - **c)** A vendor benchmark
# - **d)** Before/after measures on several SPACE and DORA dimensions, with intervals, ideally against teams not yet on the platform
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

expect.value("Question 15", answer_q15, "the option that holds for this scenario", explain="A big claim needs several dimensions, uncertainty and a comparison that rules out other explanations (teams that adopted later serve as a control).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q16-question", "locked": true}
# ### Question 16
#
# A secret scanner flags 10 lines; 8 of them hold real secrets; the repository holds 12 secrets in all.
#
# **What are its precision and recall?**
#
# - **a)** precision 0.8, recall about 0.67
# - **b)** precision 0.67, recall 0.8
# - **c)** precision 0.8, recall 0.8
# - **d)** precision 0.83, recall 0.67
#
# Answer with `answer_q16 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q16-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q16 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q16-check", "locked": true, "points": 1, "solution": false}
"""Question 16: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q16" in globals(), "answer_q16", "is not set yet: replace the stub with your answer.")
check(answer_q16 in ('a', 'b', 'c', 'd'), "answer_q16", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 16")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 16", answer_q16, "the option that holds for this scenario", explain="Precision = true flags / all flags = 8/10; recall = secrets found / all secrets = 8/12.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q17-question", "locked": true}
# ### Question 17
#
# detect-secrets computes a quoted string's entropy as exactly 4.5 bits with the base64 detector's default limit.
#
# **Is the string reported?**
#
# - **a)** Yes, at the limit counts
# - **b)** No, only strings strictly above the limit are reported
# - **c)** Only if it is also hex
# - **d)** Only in YAML files
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

expect.value("Question 17", answer_q17, "the option that holds for this scenario", explain="detect-secrets reports a candidate when its entropy is strictly greater than the limit (4.5 for base64, 3.0 for hex).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q18-question", "locked": true}
# ### Question 18
#
# The README of a repository contains AWS's documentation key AKIAIOSFODNN7EXAMPLE.
#
# **Why does gitleaks' default AWS rule not report it?**
#
# - **a)** The rule's allowlist skips secrets ending in EXAMPLE
# - **b)** Its entropy is zero
# - **c)** gitleaks skips README files
# - **d)** It is not 20 characters long
#
# Answer with `answer_q18 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q18-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q18 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q18-check", "locked": true, "points": 1, "solution": false}
"""Question 18: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q18" in globals(), "answer_q18", "is not set yet: replace the stub with your answer.")
check(answer_q18 in ('a', 'b', 'c', 'd'), "answer_q18", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 18")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 18", answer_q18, "the option that holds for this scenario", explain="The aws-access-token rule carries an allowlist regex .+EXAMPLE$ so AWS's own documentation key is ignored.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q19-question", "locked": true}
# ### Question 19
#
# A mesh-wide ALLOW policy with no rules is installed in the root namespace; a service has its own ALLOW policy listing one caller.
#
# **What happens to a request from a different caller?**
#
# - **a)** It is allowed, because no DENY policy matches
# - **b)** It is allowed if it uses mutual TLS
# - **c)** It is denied, because no ALLOW rule matches
# - **d)** It is logged only
#
# Answer with `answer_q19 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q19-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q19 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q19-check", "locked": true, "points": 1, "solution": false}
"""Question 19: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q19" in globals(), "answer_q19", "is not set yet: replace the stub with your answer.")
check(answer_q19 in ('a', 'b', 'c', 'd'), "answer_q19", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 19")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 19", answer_q19, "the option that holds for this scenario", explain="When ALLOW policies select a workload, a request must match one of their rules; otherwise it is denied. The allow-nothing policy makes deny the default everywhere.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q20-question", "locked": true}
# ### Question 20
#
# An Istio policy lists principals for callers with workload identities.
#
# **How is a principal written?**
#
# - **a)** spiffe://cluster.local/ns/orders/sa/orders-web
# - **b)** orders-web.orders.svc.cluster.local
# - **c)** cluster.local/ns/orders/sa/orders-web
# - **d)** 10.2.18.50
#
# Answer with `answer_q20 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q20-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q20 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q20-check", "locked": true, "points": 1, "solution": false}
"""Question 20: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q20" in globals(), "answer_q20", "is not set yet: replace the stub with your answer.")
check(answer_q20 in ('a', 'b', 'c', 'd'), "answer_q20", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 20")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 20", answer_q20, "the option that holds for this scenario", explain="Istio principals are <trust domain>/ns/<namespace>/sa/<service account>, without the spiffe:// prefix of the SPIFFE ID; IPs and DNS names are not identities.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q21-question", "locked": true}
# ### Question 21
#
# Two providers price a spec at $0.214 and $0.192 an hour; the workload sends 3 TB a month to the internet at $0.09 and $0.087 per GB.
#
# **What decides a placement most reliably?**
#
# - **a)** The hourly price alone
# - **b)** The provider with more regions
# - **c)** The provider the team used last
# - **d)** The total monthly cost including egress, after filtering for residency and managed services
#
# Answer with `answer_q21 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q21-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q21 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q21-check", "locked": true, "points": 1, "solution": false}
"""Question 21: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q21" in globals(), "answer_q21", "is not set yet: replace the stub with your answer.")
check(answer_q21 in ('a', 'b', 'c', 'd'), "answer_q21", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 21")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 21", answer_q21, "the option that holds for this scenario", explain="Egress and required services can change the order; compute the total cost of each qualifying offer, as in Week 7's placement exercise.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q22-question", "locked": true}
# ### Question 22
#
# Compute from `deployments`.
#
# **How many successful deployments (status == "success") are in the data?**
#
# Compute it from the data and assign the number to `answer_q22`.

# %% nbgrader={"grade": false, "grade_id": "q22-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q22 = int((deployments["status"] == "success").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q22-check", "locked": true, "points": 1, "solution": false}
"""Question 22: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q22" in globals(), "answer_q22", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q22, (int, float)) and not isinstance(answer_q22, bool), "answer_q22", "should be a number.")
passed("question 22")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 22", answer_q22, "computed from the data as the question says", rtol=1e-06, explain="Four Keys counts successful deployments only: count the rows whose status is success.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q23-question", "locked": true}
# ### Question 23
#
# Compute from `deployments`.
#
# **What fraction (0 to 1) of successful deployments were triggered by a rollback or a hotfix?**
#
# Compute it from the data and assign the number to `answer_q23`.

# %% nbgrader={"grade": false, "grade_id": "q23-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_ok = deployments[deployments["status"] == "success"]
answer_q23 = float(_ok["trigger"].isin(["rollback", "hotfix"]).mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q23-check", "locked": true, "points": 1, "solution": false}
"""Question 23: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q23" in globals(), "answer_q23", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q23, (int, float)) and not isinstance(answer_q23, bool), "answer_q23", "should be a number.")
passed("question 23")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 23", answer_q23, "computed from the data as the question says", rtol=0.0001, explain="Rework: successful deployments whose trigger is rollback or hotfix, divided by all successful deployments.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q24-question", "locked": true}
# ### Question 24
#
# Compute from `deployments`.
#
# **What fraction (0 to 1) of successful deployments ran through the golden-path pipeline?**
#
# Compute it from the data and assign the number to `answer_q24`.

# %% nbgrader={"grade": false, "grade_id": "q24-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_ok = deployments[deployments["status"] == "success"]
answer_q24 = float((_ok["pipeline"] == "golden-path").mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q24-check", "locked": true, "points": 1, "solution": false}
"""Question 24: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q24" in globals(), "answer_q24", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q24, (int, float)) and not isinstance(answer_q24, bool), "answer_q24", "should be a number.")
passed("question 24")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 24", answer_q24, "computed from the data as the question says", rtol=0.0001, explain="Adoption by volume: successful deployments on the golden path divided by all successful deployments.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q25-question", "locked": true}
# ### Question 25
#
# Compute from `deployments`.
#
# **How many distinct services had at least one successful deployment through the golden path?**
#
# Compute it from the data and assign the number to `answer_q25`.

# %% nbgrader={"grade": false, "grade_id": "q25-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_ok = deployments[(deployments["status"] == "success") & (deployments["pipeline"] == "golden-path")]
answer_q25 = int(_ok["service_id"].nunique())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q25-check", "locked": true, "points": 1, "solution": false}
"""Question 25: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q25" in globals(), "answer_q25", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q25, (int, float)) and not isinstance(answer_q25, bool), "answer_q25", "should be a number.")
passed("question 25")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 25", answer_q25, "computed from the data as the question says", rtol=1e-06, explain="Distinct service ids among golden-path successful deployments, not the number of deployments.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q26-question", "locked": true}
# ### Question 26
#
# Compute from `incidents`.
#
# **What is the median hours from created_at to resolved_at over incidents of severity SEV1 or SEV2?**
#
# Compute it from the data and assign the number to `answer_q26`.

# %% nbgrader={"grade": false, "grade_id": "q26-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_sev = incidents[incidents["severity"].isin(["SEV1", "SEV2"])]
answer_q26 = float(((_sev["resolved_at"] - _sev["created_at"]).dt.total_seconds() / 3600).dropna().median())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q26-check", "locked": true, "points": 1, "solution": false}
"""Question 26: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q26" in globals(), "answer_q26", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q26, (int, float)) and not isinstance(answer_q26, bool), "answer_q26", "should be a number.")
passed("question 26")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 26", answer_q26, "computed from the data as the question says", rtol=0.0001, explain="Filter the severe incidents, compute restore time in hours, take the median of the resolved ones.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q27-question", "locked": true}
# ### Question 27
#
# Compute from `incidents`.
#
# **What fraction (0 to 1) of incidents were detected by an alert (detected_by == "alert")?**
#
# Compute it from the data and assign the number to `answer_q27`.

# %% nbgrader={"grade": false, "grade_id": "q27-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q27 = float((incidents["detected_by"] == "alert").mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q27-check", "locked": true, "points": 1, "solution": false}
"""Question 27: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q27" in globals(), "answer_q27", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q27, (int, float)) and not isinstance(answer_q27, bool), "answer_q27", "should be a number.")
passed("question 27")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 27", answer_q27, "computed from the data as the question says", rtol=0.0001, explain="The share of incidents detected by an alert rather than by a customer or an engineer \u2014 a measure of monitoring by default.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q28-question", "locked": true}
# ### Question 28
#
# Compute from `survey_responses` and `survey_questions`.
#
# **In wave 2026-08, what is the mean answer to q01 (job satisfaction), over respondents who answered it?**
#
# Compute it from the data and assign the number to `answer_q28`.

# %% nbgrader={"grade": false, "grade_id": "q28-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_w = survey_responses[survey_responses["wave"] == "2026-08"]
answer_q28 = float(_w["q01"].dropna().mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q28-check", "locked": true, "points": 1, "solution": false}
"""Question 28: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q28" in globals(), "answer_q28", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q28, (int, float)) and not isinstance(answer_q28, bool), "answer_q28", "should be a number.")
passed("question 28")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 28", answer_q28, "computed from the data as the question says", rtol=0.0001, explain="Filter the wave, drop missing answers, take the mean of q01 (not reverse coded).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q29-question", "locked": true}
# ### Question 29
#
# Compute from `survey_responses`.
#
# **In wave 2026-08, what is the mean burnout item q03 after reverse coding (6 - answer)?**
#
# Compute it from the data and assign the number to `answer_q29`.

# %% nbgrader={"grade": false, "grade_id": "q29-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_w = survey_responses[survey_responses["wave"] == "2026-08"]
answer_q29 = float((6 - _w["q03"].dropna()).mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q29-check", "locked": true, "points": 1, "solution": false}
"""Question 29: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q29" in globals(), "answer_q29", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q29, (int, float)) and not isinstance(answer_q29, bool), "answer_q29", "should be a number.")
passed("question 29")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 29", answer_q29, "computed from the data as the question says", rtol=0.0001, explain="q03 is reverse coded: agreeing means more burnout. 6 - answer puts it on the same direction as the other satisfaction items before averaging.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q30-question", "locked": true}
# ### Question 30
#
# Compute from `survey_responses`.
#
# **How many distinct teams answered the survey in wave 2026-08?**
#
# Compute it from the data and assign the number to `answer_q30`.

# %% nbgrader={"grade": false, "grade_id": "q30-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q30 = int(survey_responses.loc[survey_responses["wave"] == "2026-08", "team_id"].nunique())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q30-check", "locked": true, "points": 1, "solution": false}
"""Question 30: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q30" in globals(), "answer_q30", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q30, (int, float)) and not isinstance(answer_q30, bool), "answer_q30", "should be a number.")
passed("question 30")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 30", answer_q30, "computed from the data as the question says", rtol=1e-06, explain="Distinct team ids among the wave's responses, not the number of responses.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q31-question", "locked": true}
# ### Question 31
#
# Compute from `developer_activity`.
#
# **What is the median of weekly focus_hours over all developer-weeks?**
#
# Compute it from the data and assign the number to `answer_q31`.

# %% nbgrader={"grade": false, "grade_id": "q31-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q31 = float(developer_activity["focus_hours"].median())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q31-check", "locked": true, "points": 1, "solution": false}
"""Question 31: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q31" in globals(), "answer_q31", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q31, (int, float)) and not isinstance(answer_q31, bool), "answer_q31", "should be a number.")
passed("question 31")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 31", answer_q31, "computed from the data as the question says", rtol=0.0001, explain="The median over every developer-week row of focus_hours (blocks of 2 hours or more without meetings) \u2014 an efficiency-and-flow signal in SPACE terms.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q32-question", "locked": true}
# ### Question 32
#
# Compute from `developer_activity`.
#
# **What fraction (0 to 1) of developer-weeks had someone on call (on_call True)?**
#
# Compute it from the data and assign the number to `answer_q32`.

# %% nbgrader={"grade": false, "grade_id": "q32-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q32 = float(developer_activity["on_call"].astype(bool).mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q32-check", "locked": true, "points": 1, "solution": false}
"""Question 32: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q32" in globals(), "answer_q32", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q32, (int, float)) and not isinstance(answer_q32, bool), "answer_q32", "should be a number.")
passed("question 32")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 32", answer_q32, "computed from the data as the question says", rtol=0.0001, explain="The mean of the boolean on_call column over developer-weeks.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q33-question", "locked": true}
# ### Question 33
#
# Compute from `secret_labels`.
#
# **How many labelled strings are true secrets (is_secret True)?**
#
# Compute it from the data and assign the number to `answer_q33`.

# %% nbgrader={"grade": false, "grade_id": "q33-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q33 = int(secret_labels["is_secret"].astype(bool).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q33-check", "locked": true, "points": 1, "solution": false}
"""Question 33: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q33" in globals(), "answer_q33", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q33, (int, float)) and not isinstance(answer_q33, bool), "answer_q33", "should be a number.")
passed("question 33")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 33", answer_q33, "computed from the data as the question says", rtol=1e-06, explain="Count the labelled strings marked as secrets; the rest are look-alikes (examples, placeholders, hashes) a good scanner must not flag.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q34-question", "locked": true}
# ### Question 34
#
# Compute from `service_requests`.
#
# **What fraction (0 to 1) of requests used mutual TLS?**
#
# Compute it from the data and assign the number to `answer_q34`.

# %% nbgrader={"grade": false, "grade_id": "q34-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q34 = float(service_requests["mtls"].astype(bool).mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q34-check", "locked": true, "points": 1, "solution": false}
"""Question 34: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q34" in globals(), "answer_q34", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q34, (int, float)) and not isinstance(answer_q34, bool), "answer_q34", "should be a number.")
passed("question 34")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 34", answer_q34, "computed from the data as the question says", rtol=0.0001, explain="The mean of the mtls column: requests with a verifiable workload identity, the ones a zero-trust policy can authorise.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q35-question", "locked": true}
# ### Question 35
#
# Compute from `service_requests`.
#
# **How many distinct (source_service, destination_service) pairs appear in the traffic?**
#
# Compute it from the data and assign the number to `answer_q35`.

# %% nbgrader={"grade": false, "grade_id": "q35-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q35 = int(len(service_requests[["source_service", "destination_service"]].drop_duplicates()))
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q35-check", "locked": true, "points": 1, "solution": false}
"""Question 35: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q35" in globals(), "answer_q35", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q35, (int, float)) and not isinstance(answer_q35, bool), "answer_q35", "should be a number.")
passed("question 35")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 35", answer_q35, "computed from the data as the question says", rtol=1e-06, explain="Distinct edges of the observed service graph, not requests.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "sources", "locked": true}
# ## Sources
#
# Every question is checked against one of these:
#
# - Efron & Tibshirani (1993), An Introduction to the Bootstrap; Week 8, Reading 4, Lab 6 and Exercise 11
# - Istio documentation, Authorization Policy (ALLOW action semantics); Week 7, Reading 2
# - Istio documentation, Authorization Policy (Source.principals); SPIFFE ID specification
# - Week 7, Lab 1 (precision and recall of a scanner)
# - Week 7, Lab 3 (monthly cost and constrained placement)
# - data/README.md, deployments (pipeline)
# - data/README.md, deployments (pipeline, service_id)
# - data/README.md, deployments (status); platform-facts.md §1.4 [V]
# - data/README.md, deployments (trigger); platform-facts.md §1.1 deployment rework rate [V]
# - data/README.md, developer_activity (focus_hours)
# - data/README.md, developer_activity (on_call)
# - data/README.md, incidents (detected_by)
# - data/README.md, incidents (severity, created_at, resolved_at)
# - data/README.md, secret_labels (is_secret)
# - data/README.md, service_requests (mtls)
# - data/README.md, service_requests (source_service, destination_service)
# - data/README.md, survey_questions (reverse_coded), survey_responses (q03)
# - data/README.md, survey_questions (reverse_coded: 6 - answer)
# - data/README.md, survey_responses (wave, q01)
# - data/README.md, survey_responses (wave, team_id)
# - platform-facts.md §1.1 DORA definitions, history (2021, 2024) [V]
# - platform-facts.md §1.1 DORA guidance and pitfalls [V]
# - platform-facts.md §1.1 pitfalls (metrics as goals, Goodhart) [V]; §2 SPACE myths
# - platform-facts.md §1.2 report definitions (medians) [V]
# - platform-facts.md §1.3 2019 cluster table [V]
# - platform-facts.md §1.4 Four Keys, change failure rate [V]
# - platform-facts.md §1.4 Four Keys, deployment frequency buckets [V]
# - platform-facts.md §1.4 Four Keys, deployments [V]
# - platform-facts.md §1.4 Four Keys, incidents (time_created = MIN of issue created and causing deployment) [V]; dora-team/fourkeys METRICS.md, Time to Restore
# - platform-facts.md §1.4 Four Keys, lead time for changes [V]
# - platform-facts.md §2 SPACE recommendations [S]
# - platform-facts.md §2 SPACE recommendations; Week 8, Readings 3 and 4 and Lab 6
# - platform-facts.md §2 SPACE, dimensions and example metrics [S]
# - platform-facts.md §7.1 gitleaks (aws-access-token allowlist) [V]
# - platform-facts.md §7.2 detect-secrets [V]
