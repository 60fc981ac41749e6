# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 6 assessment · Self-Service Automation
#
# *Platform Engineering Workbook.*
#
# Twenty-five scenarios on what Weeks 5 and 6 taught: self-service infrastructure (requests, compositions, policy as code), cost visibility on a FOCUS bill, and deployment and operations self-service (GitOps, progressive delivery, feature flags, SLO alerts, self-healing). Some questions are answered by computing on the organisation's data, loaded for you below.
#
# **How it works.** 25 questions, 1 point each; the pass mark is 85% (22 of 25). For each question replace the stub with your answer, for example `answer_qNN = "b"` (a letter in quotes), and run the cell below it: it only checks that an answer is recorded. Your answers are marked when your notebook is graded, and the feedback then explains each question. Questions that say *compute* are answered from the organisation's data with pandas, not from memory.

# %% nbgrader={"grade_id": "setup", "locked": true}
import numpy as np
import pandas as pd

from workbook import load
focus_bill = load("focus_bill")
infra_requests = load("infra_requests")
alerts = load("alerts")
incidents = load("incidents")
print("Set-up done: answer the questions below.")

# %% [markdown] nbgrader={"grade_id": "q01-question", "locked": true}
# ### Question 1
#
# A team lead asks which FOCUS column a monthly showback per team should sum, so that a one-year commitment bought in January does not land entirely on January.
#
# **Which column?**
#
# - **a)** BilledCost
# - **b)** EffectiveCost
# - **c)** ListCost
# - **d)** PricingQuantity
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

expect.value("Question 1", answer_q01, "the option that holds for this scenario", explain="EffectiveCost is the amortised cost after discounts, including the applicable portion of prepaid purchases; BilledCost is what is invoiced when (a commitment purchase lands in one month); ListCost ignores discounts; PricingQuantity is not a cost.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q02-question", "locked": true}
# ### Question 2
#
# A finance analyst filters the FOCUS bill for July with ChargePeriodStart >= 2026-07-01 and ChargePeriodEnd <= 2026-08-01.
#
# **How does FOCUS define the start and end of a charge period?**
#
# - **a)** Both inclusive
# - **b)** Both exclusive
# - **c)** Start inclusive, end exclusive
# - **d)** Start exclusive, end inclusive
#
# Answer with `answer_q02 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q02-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q02 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q02-check", "locked": true, "points": 1, "solution": false}
"""Question 2: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q02" in globals(), "answer_q02", "is not set yet: replace the stub with your answer.")
check(answer_q02 in ('a', 'b', 'c', 'd'), "answer_q02", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 2")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 2", answer_q02, "the option that holds for this scenario", explain="FOCUS period columns have an inclusive start and an exclusive end, so a July charge ends at 2026-08-01T00:00:00Z and the analyst's filter is right.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q03-question", "locked": true}
# ### Question 3
#
# A provider adds a column with its own internal cost centre to a FOCUS export.
#
# **How must such a custom column be named?**
#
# - **a)** With the prefix x_
# - **b)** In lower case
# - **c)** With the suffix Custom
# - **d)** Any name, as long as it is PascalCase
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

expect.value("Question 3", answer_q03, "the option that holds for this scenario", explain="FOCUS requires custom and provider columns to be prefixed x_ and to come after the FOCUS columns.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q04-question", "locked": true}
# ### Question 4
#
# Finance wants each team's P&L to carry its cloud spend; the platform team proposes to show each team its spend while keeping the budget central.
#
# **Which practice is the platform team's proposal?**
#
# - **a)** Chargeback
# - **b)** Showback
# - **c)** Amortisation
# - **d)** Cost anomaly detection
#
# Answer with `answer_q04 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q04-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q04 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q04-check", "locked": true, "points": 1, "solution": false}
"""Question 4: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q04" in globals(), "answer_q04", "is not set yet: replace the stub with your answer.")
check(answer_q04 in ('a', 'b', 'c', 'd'), "answer_q04", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 4")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 4", answer_q04, "the option that holds for this scenario", explain="Showback shows charges by team but keeps the expense in a central budget; chargeback moves it into each team's P&L. The FinOps Foundation treats neither as more mature.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q05-question", "locked": true}
# ### Question 5
#
# A shared Kubernetes cluster costs $1,000 a month. Namespace A requests 4 cores and uses 2; namespace B requests 1 core and uses 3.
#
# **Following OpenCost's rule for workload cost, what CPU amounts are compared between the namespaces?**
#
# - **a)** 2 and 3 (usage)
# - **b)** 4 and 1 (requests)
# - **c)** 4 and 3 (the maximum of request and usage)
# - **d)** 3 and 2 (the average)
#
# Answer with `answer_q05 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q05-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q05 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q05-check", "locked": true, "points": 1, "solution": false}
"""Question 5: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q05" in globals(), "answer_q05", "is not set yet: replace the stub with your answer.")
check(answer_q05 in ('a', 'b', 'c', 'd'), "answer_q05", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 5")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 5", answer_q05, "the option that holds for this scenario", explain="OpenCost charges workloads by max(request, usage) for resources with allocation costs: A holds 4 cores' worth of capacity, B uses 3.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q06-question", "locked": true}
# ### Question 6
#
# A cluster's idle CPU cost is $100. Namespace A's CPU cost is $300 and namespace B's $100.
#
# **With idle shared in proportion to CPU cost, how much idle cost does namespace A receive?**
#
# - **a)** $50
# - **b)** $100
# - **c)** $25
# - **d)** $75
#
# Answer with `answer_q06 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q06-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q06 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q06-check", "locked": true, "points": 1, "solution": false}
"""Question 6: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q06" in globals(), "answer_q06", "is not set yet: replace the stub with your answer.")
check(answer_q06 in ('a', 'b', 'c', 'd'), "answer_q06", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 6")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 6", answer_q06, "the option that holds for this scenario", explain="Proportional sharing: A's share is 300 / (300 + 100) = 75%, so $75 of the $100 idle cost; B gets $25.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q07-question", "locked": true}
# ### Question 7
#
# A Crossplane platform offers developers a `PostgreSQLInstance` they can request in their own namespace.
#
# **Which Crossplane object is the namespaced request a developer writes?**
#
# - **a)** A Composition
# - **b)** A CompositeResourceDefinition
# - **c)** A Claim
# - **d)** A ProviderConfig
#
# Answer with `answer_q07 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q07-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q07 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q07-check", "locked": true, "points": 1, "solution": false}
"""Question 7: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q07" in globals(), "answer_q07", "is not set yet: replace the stub with your answer.")
check(answer_q07 in ('a', 'b', 'c', 'd'), "answer_q07", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 7")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 7", answer_q07, "the option that holds for this scenario", explain="The XRD defines the API, the Composition the resources it creates; a Claim is the namespaced proxy a developer writes for a (cluster-scoped) composite resource.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q08-question", "locked": true}
# ### Question 8
#
# A Gatekeeper policy uses the library's k8sdisallowedtags template with parameters tags: [latest].
#
# **Which container image violates it?**
#
# - **a)** registry.example/api:1.4.2
# - **b)** registry.example/api@sha256:0f3… (a digest)
# - **c)** registry.example/api
# - **d)** none of these
#
# Answer with `answer_q08 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q08-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q08 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q08-check", "locked": true, "points": 1, "solution": false}
"""Question 8: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q08" in globals(), "answer_q08", "is not set yet: replace the stub with your answer.")
check(answer_q08 in ('a', 'b', 'c', 'd'), "answer_q08", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 8")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 8", answer_q08, "the option that holds for this scenario", explain="The template violates when the image ends with a disallowed tag or when the last path segment has no tag at all (an untagged image means latest).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q09-question", "locked": true}
# ### Question 9
#
# The platform team introduces a new policy that would block a third of today's deployments.
#
# **What is the safe way to introduce it?**
#
# - **a)** Enforce it everywhere at once, so teams fix things quickly
# - **b)** Run it in audit or warn mode first, measure what it would block, then enforce
# - **c)** Announce it and never enforce it
# - **d)** Enforce it only on Fridays
#
# Answer with `answer_q09 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q09-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q09 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q09-check", "locked": true, "points": 1, "solution": false}
"""Question 9: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q09" in globals(), "answer_q09", "is not set yet: replace the stub with your answer.")
check(answer_q09 in ('a', 'b', 'c', 'd'), "answer_q09", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 9")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 9", answer_q09, "the option that holds for this scenario", explain="Audit (dry run) or warn modes report violations without blocking; the data then shows what enforcement would block and who needs help first \u2014 compliance without blocking developers.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q10-question", "locked": true}
# ### Question 10
#
# A Deployment's live state in the cluster differs from the manifest in Git because someone ran kubectl edit.
#
# **What does a GitOps controller such as Argo CD or Flux do by design?**
#
# - **a)** Writes the live state back into Git
# - **b)** Nothing; Git is only documentation
# - **c)** Reports the drift and, with self-heal (Argo CD) or its periodic re-apply (Flux), reconciles the cluster to the state in Git
# - **d)** Deletes the Deployment
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

expect.value("Question 10", answer_q10, "the option that holds for this scenario", explain="In GitOps the desired state in Git is the source of truth; a pull-based controller detects drift and reconciles the live state to it, which also leaves an audit trail in Git. In Argo CD automated sync alone acts on new commits only; reverting a hand edit of the cluster needs selfHeal. Flux re-applies the desired state at every interval.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q11-question", "locked": true}
# ### Question 11
#
# A security review compares push-based CI deployments with pull-based GitOps agents.
#
# **Which is an advantage of pull?**
#
# - **a)** The cluster's credentials stay inside the cluster; CI does not need them
# - **b)** Deployments need no review
# - **c)** It avoids version control
# - **d)** It is faster to type
#
# Answer with `answer_q11 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q11 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q11-check", "locked": true, "points": 1, "solution": false}
"""Question 11: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q11" in globals(), "answer_q11", "is not set yet: replace the stub with your answer.")
check(answer_q11 in ('a', 'b', 'c', 'd'), "answer_q11", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 11")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 11", answer_q11, "the option that holds for this scenario", explain="A pull-based agent in the cluster fetches the desired state, so deployment credentials do not have to live in the CI system; every change is a reviewed commit.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q12-question", "locked": true}
# ### Question 12
#
# Kayenta's Mann-Whitney judge compares canary and baseline latency with the Netflix ACA judge's settings.
#
# **What confidence level does the judge use for the interval of the Hodges–Lehmann shift?**
#
# - **a)** 95%, one-sided
# - **b)** 98%, two-sided
# - **c)** 90%, two-sided
# - **d)** 99.9%, one-sided
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

expect.value("Question 12", answer_q12, "the option that holds for this scenario", explain="The ACA judge instantiates the classifier with tolerance 0.25 and confidence level 0.98, a two-sided interval of the Hodges-Lehmann shift.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q13-question", "locked": true}
# ### Question 13
#
# A canary's latency is, with certainty, 1% higher than the baseline's; allowedIncrease is left at its default.
#
# **How does Kayenta classify the metric?**
#
# - **a)** Pass, because 1% is small
# - **b)** High (a failing metric), because the default allowedIncrease is 1.0
# - **c)** Nodata
# - **d)** Low
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

expect.value("Question 13", answer_q13, "the option that holds for this scenario", explain="allowedIncrease and allowedDecrease default to 1.0 (mean ratio), so a statistically clear rise beyond the tolerance band fails by default; ignoring small rises needs a configured ratio.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q14-question", "locked": true}
# ### Question 14
#
# A flag is rolled out to 10% of users, then 20%. Users who had the feature at 10% complain it disappeared.
#
# **Which design keeps them in?**
#
# - **a)** Hashing flag key and user key into a fixed bucket, enabled when the bucket is below the percentage
# - **b)** A fresh random number at every evaluation
# - **c)** Enabling it for the first 20% of users by sign-up date
# - **d)** Letting each service decide on its own
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

expect.value("Question 14", answer_q14, "the option that holds for this scenario", explain="A deterministic hash of flag key and targeting key puts each user in a fixed bucket; growing the percentage only adds buckets, so nobody who had the feature loses it.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q15-question", "locked": true}
# ### Question 15
#
# An OpenFeature provider returns a flag's value because the user matched a targeting rule.
#
# **Which evaluation reason does the specification define for that?**
#
# - **a)** STATIC
# - **b)** DEFAULT
# - **c)** SPLIT
# - **d)** TARGETING_MATCH
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

expect.value("Question 15", answer_q15, "the option that holds for this scenario", explain="TARGETING_MATCH means the value came from a targeting rule; SPLIT from a pseudorandom assignment; DEFAULT from the default; STATIC from a static value.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q16-question", "locked": true}
# ### Question 16
#
# A service has a 99.9% availability SLO over 30 days.
#
# **How many minutes of full downtime does its error budget allow?**
#
# - **a)** 43.2
# - **b)** 4.32
# - **c)** 432
# - **d)** 8.64
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

expect.value("Question 16", answer_q16, "the option that holds for this scenario", explain="Error budget = 1 - SLO = 0.1% of 30 \u00d7 24 \u00d7 60 = 43,200 minutes, that is 43.2 minutes.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q17-question", "locked": true}
# ### Question 17
#
# A service with a 99.9% SLO has an error rate of 1% for an hour.
#
# **What is its burn rate?**
#
# - **a)** 1
# - **b)** 0.1
# - **c)** 100
# - **d)** 10
#
# Answer with `answer_q17 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q17-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q17 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q17-check", "locked": true, "points": 1, "solution": false}
"""Question 17: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q17" in globals(), "answer_q17", "is not set yet: replace the stub with your answer.")
check(answer_q17 in ('a', 'b', 'c', 'd'), "answer_q17", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 17")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 17", answer_q17, "the option that holds for this scenario", explain="Burn rate = error rate / (1 - SLO) = 0.01 / 0.001 = 10: at that rate a 30-day budget is gone in 3 days.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q18-question", "locked": true}
# ### Question 18
#
# The SRE workbook's recommended paging alert for a 99.9% SLO over 30 days uses a 1-hour long window.
#
# **Which burn-rate threshold and short window go with it?**
#
# - **a)** 14.4, with a 5-minute short window
# - **b)** 6, with a 30-minute short window
# - **c)** 1, with a 6-hour short window
# - **d)** 36, with no short window
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

expect.value("Question 18", answer_q18, "the option that holds for this scenario", explain="Page on 14.4\u00d7 over 1 h AND 5 min (2% of the budget), or 6\u00d7 over 6 h AND 30 min (5%); ticket on 1\u00d7 over 3 d AND 6 h (10%). The short window is 1/12 of the long one.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q19-question", "locked": true}
# ### Question 19
#
# A team alerts when the error rate averaged over the last 5 minutes is above the SLO threshold (0.1% for a 99.9% SLO).
#
# **According to the SRE Workbook's comparison, what is that rule's weakness?**
#
# - **a)** Poor detection time
# - **b)** Poor recall
# - **c)** It never resets
# - **d)** Poor precision: it pages on events that consume a tiny part of the budget
#
# Answer with `answer_q19 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q19-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q19 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q19-check", "locked": true, "points": 1, "solution": false}
"""Question 19: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q19" in globals(), "answer_q19", "is not set yet: replace the stub with your answer.")
check(answer_q19 in ('a', 'b', 'c', 'd'), "answer_q19", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 19")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 19", answer_q19, "the option that holds for this scenario", explain="The naive threshold rule over a short window detects fast and misses little (good detection time and recall) but fires on short blips that barely touch the budget, so many pages are not worth waking for. (A rule that requires the threshold to hold for a duration, `for: 1h`, is another approach, with poor recall and detection time instead.)")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q20-question", "locked": true}
# ### Question 20
#
# The platform team automates runbooks (restart, roll back, scale out) for common alerts.
#
# **Which incidents should automation leave to a human?**
#
# - **a)** Pods stuck in CrashLoopBackOff after a bad deploy
# - **b)** A queue backlog that scaling out resolves
# - **c)** A pod evicted by a node drain, which the scheduler places on another node
# - **d)** Incidents with possible data loss or a security breach
#
# Answer with `answer_q20 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q20-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q20 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q20-check", "locked": true, "points": 1, "solution": false}
"""Question 20: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q20" in globals(), "answer_q20", "is not set yet: replace the stub with your answer.")
check(answer_q20 in ('a', 'b', 'c', 'd'), "answer_q20", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 20")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 20", answer_q20, "the option that holds for this scenario", explain="Automated remediation suits frequent, well-understood, reversible cases; data loss and security incidents need judgement, evidence preservation and communication.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q21-question", "locked": true}
# ### Question 21
#
# Compute from `focus_bill`.
#
# **What is the total EffectiveCost of the whole bill, in the billing currency?**
#
# Compute it from the data and assign the number to `answer_q21`.

# %% nbgrader={"grade": false, "grade_id": "q21-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q21 = float(focus_bill["EffectiveCost"].sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q21-check", "locked": true, "points": 1, "solution": false}
"""Question 21: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q21" in globals(), "answer_q21", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q21, (int, float)) and not isinstance(answer_q21, bool), "answer_q21", "should be a number.")
passed("question 21")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 21", answer_q21, "computed from the data as the question says", rtol=1e-06, explain="Sum EffectiveCost over every row (usage, purchases, credits and corrections): the amortised total. Summing BilledCost gives a different number where commitments are amortised.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q22-question", "locked": true}
# ### Question 22
#
# Compute from `focus_bill`.
#
# **What fraction (0 to 1) of the total EffectiveCost sits on rows with ChargeCategory == "Usage"?**
#
# Compute it from the data and assign the number to `answer_q22`.

# %% nbgrader={"grade": false, "grade_id": "q22-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_e = focus_bill["EffectiveCost"]
answer_q22 = float(_e[focus_bill["ChargeCategory"] == "Usage"].sum() / _e.sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q22-check", "locked": true, "points": 1, "solution": false}
"""Question 22: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q22" in globals(), "answer_q22", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q22, (int, float)) and not isinstance(answer_q22, bool), "answer_q22", "should be a number.")
passed("question 22")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 22", answer_q22, "computed from the data as the question says", rtol=1e-06, explain="Filter by ChargeCategory and divide the sums of EffectiveCost; rows are not equal in cost, so counting rows gives another answer.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q23-question", "locked": true}
# ### Question 23
#
# Compute from `infra_requests`.
#
# **How many distinct teams made at least one infrastructure request?**
#
# Compute it from the data and assign the number to `answer_q23`.

# %% nbgrader={"grade": false, "grade_id": "q23-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q23 = int(infra_requests["team_id"].nunique())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q23-check", "locked": true, "points": 1, "solution": false}
"""Question 23: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q23" in globals(), "answer_q23", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q23, (int, float)) and not isinstance(answer_q23, bool), "answer_q23", "should be a number.")
passed("question 23")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 23", answer_q23, "computed from the data as the question says", rtol=1e-06, explain="Distinct team ids, not the number of requests.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q24-question", "locked": true}
# ### Question 24
#
# Compute from `alerts`.
#
# **How many alerts are there in the data (rows of alerts)?**
#
# Compute it from the data and assign the number to `answer_q24`.

# %% nbgrader={"grade": false, "grade_id": "q24-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q24 = int(len(alerts))
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q24-check", "locked": true, "points": 1, "solution": false}
"""Question 24: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q24" in globals(), "answer_q24", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q24, (int, float)) and not isinstance(answer_q24, bool), "answer_q24", "should be a number.")
passed("question 24")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 24", answer_q24, "computed from the data as the question says", rtol=1e-06, explain="Each row is one alert firing; count the rows.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q25-question", "locked": true}
# ### Question 25
#
# Compute from `incidents`.
#
# **What is the median time to resolve an incident, in hours (resolved_at minus created_at)?**
#
# Compute it from the data and assign the number to `answer_q25`.

# %% nbgrader={"grade": false, "grade_id": "q25-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_hours = (incidents["resolved_at"] - incidents["created_at"]).dt.total_seconds() / 3600
answer_q25 = float(_hours.dropna().median())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q25-check", "locked": true, "points": 1, "solution": false}
"""Question 25: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q25" in globals(), "answer_q25", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q25, (int, float)) and not isinstance(answer_q25, bool), "answer_q25", "should be a number.")
passed("question 25")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 25", answer_q25, "computed from the data as the question says", rtol=0.0001, explain="Subtract the opening time from the resolution time, in hours, and take the median over the resolved incidents; the mean is pulled up by a few long incidents.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "sources", "locked": true}
# ## Sources
#
# Every question is checked against one of these:
#
# - Gatekeeper documentation, enforcementAction (deny, dryrun, warn); Week 5, Lab 2
# - Google SRE book, ch. 7 The Evolution of Automation at Google; Week 6, Reading 5 and Lab 7
# - OpenFeature specification (evaluation context, targeting key); Week 6, Reading 3
# - OpenGitOps principles v1.0.0 (declarative, versioned, pulled automatically, continuously reconciled); Week 6, Lab 1
# - OpenGitOps principles v1.0.0 (pulled automatically); Week 6, Reading 1
# - data/README.md, alerts
# - data/README.md, focus_bill (ChargeCategory, EffectiveCost); platform-facts.md §3.1 [V]
# - data/README.md, focus_bill (EffectiveCost)
# - data/README.md, incidents
# - data/README.md, infra_requests (team_id)
# - platform-facts.md §3.1 FOCUS columns (BilledCost, EffectiveCost) [V]
# - platform-facts.md §3.1 FOCUS general rules (custom columns prefixed x_) [V]
# - platform-facts.md §3.1 FOCUS general rules (period columns) [V]
# - platform-facts.md §3.2 Showback vs chargeback [V]
# - platform-facts.md §3.3 OpenCost / Kubecost shareIdle (worked example) [V]
# - platform-facts.md §3.3 OpenCost allocation model (workload cost uses max(request, usage)) [V]
# - platform-facts.md §4 (the six approaches compared; approach 1 low precision) [S]
# - platform-facts.md §4 SLOs and error budgets [S]; Google SRE Workbook, Alerting on SLOs
# - platform-facts.md §4 burn rate [S]
# - platform-facts.md §4 multiwindow multi-burn-rate parameters [S]
# - platform-facts.md §6.3 OPA Gatekeeper library (k8sdisallowedtags) [V]
# - platform-facts.md §6.4 Kayenta (effect size defaults 1.0) [V]
# - platform-facts.md §6.4 Kayenta canary analysis [V]
# - platform-facts.md §6.5 OpenFeature (reasons) [V]
# - platform-facts.md §6.7 Crossplane [V]
