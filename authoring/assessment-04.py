# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 4 assessment · Platform Architecture Patterns
#
# *Platform Engineering Workbook.*
#
# Thirty scenarios on what Weeks 3 and 4 taught: the internal developer platform and its service catalog (Backstage entities, names, references, ownership, templates) and the development environment platform (dev containers, preview environments, multi-tenant Kubernetes with quotas and limit ranges). Some questions are answered by computing on the organisation's data, loaded for you below.
#
# **How it works.** 30 questions, 1 point each; the pass mark is 85% (26 of 30). For each question replace the stub with your answer, for example `answer_qNN = "b"` (a letter in quotes), and run the cell below it: it only checks that an answer is recorded. Your answers are marked when your notebook is graded, and the feedback then explains each question. Questions that say *compute* are answered from the organisation's data with pandas, not from memory.

# %% nbgrader={"grade_id": "setup", "locked": true}
import numpy as np
import pandas as pd

from workbook import load
services = load("services")
teams = load("teams")
pull_requests = load("pull_requests")
namespace_usage = load("namespace_usage")
cluster_capacity = load("cluster_capacity")
print("Set-up done: answer the questions below.")

# %% [markdown] nbgrader={"grade_id": "q01-question", "locked": true}
# ### Question 1
#
# A developer writes a Backstage descriptor by hand and adds a `relations` block listing the service's dependencies.
#
# **What does Backstage's descriptor format say about that block?**
#
# - **a)** It is required for every Component
# - **b)** It is read-only, produced by the catalog's processors, and must not be written in YAML
# - **c)** It replaces spec.dependsOn
# - **d)** It is optional and merged with the generated relations
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

expect.value("Question 1", answer_q01, "the option that holds for this scenario", explain="relations and status are produced by the catalog's processors from spec fields such as owner, system and dependsOn; descriptor files must not contain them.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q02-question", "locked": true}
# ### Question 2
#
# The catalog imports a Component named `inventory--snapshot` (two hyphens in a row).
#
# **Does Backstage's own validator accept this metadata.name?**
#
# - **a)** No, consecutive separators are rejected
# - **b)** No, names may not contain hyphens
# - **c)** Yes, the enforced rule allows consecutive separators between alphanumeric ends
# - **d)** Only if the namespace is default
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

expect.value("Question 2", answer_q02, "the option that holds for this scenario", explain="Backstage enforces ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$ with length 1-63, so a--b is valid; a stricter rule against it is a house lint, not what Backstage enforces.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q03-question", "locked": true}
# ### Question 3
#
# A team names a Component `payments-api-` (with a trailing hyphen).
#
# **What happens when Backstage validates it?**
#
# - **a)** It is rejected, because a name must end with a letter or digit
# - **b)** It is accepted and the hyphen is stripped
# - **c)** It is accepted, because hyphens are separators
# - **d)** It is rejected only in non-default namespaces
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

expect.value("Question 3", answer_q03, "the option that holds for this scenario", explain="The enforced regex requires an alphanumeric first and last character; leading or trailing separators, spaces and slashes are rejected.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q04-question", "locked": true}
# ### Question 4
#
# A Component in namespace `payments` declares `owner: team-ledger` without kind or namespace.
#
# **Which entity does that reference resolve to?**
#
# - **a)** user:default/team-ledger
# - **b)** group:default/team-ledger
# - **c)** component:payments/team-ledger
# - **d)** group:payments/team-ledger
#
# Answer with `answer_q04 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q04-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q04 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q04-check", "locked": true, "points": 1, "solution": false}
"""Question 4: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q04" in globals(), "answer_q04", "is not set yet: replace the stub with your answer.")
check(answer_q04 in ('a', 'b', 'c', 'd'), "answer_q04", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 4")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 4", answer_q04, "the option that holds for this scenario", explain="owner references default to kind Group, and referenced entities default to the referring entity's namespace, here payments.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q05-question", "locked": true}
# ### Question 5
#
# A Component declares `dependsOn: [orders-db]`, with no kind.
#
# **How should a catalog validator treat this reference?**
#
# - **a)** As resource:orders-db, the default kind for dependsOn
# - **b)** As component:orders-db, the default kind for dependsOn
# - **c)** As an error to report, because dependsOn references get no default kind
# - **d)** As a Group, like owner
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

expect.value("Question 5", answer_q05, "the option that holds for this scenario", explain="Backstage gives dependsOn and dependencyOf references no default kind (only the default namespace): the kind must be written, for example resource:orders-db.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q06-question", "locked": true}
# ### Question 6
#
# Two descriptors define `Component` `Checkout-API` and `component` `checkout-api` in the same namespace.
#
# **Are they two entities?**
#
# - **a)** Yes, names are case-sensitive
# - **b)** No, names are unique per kind and namespace, compared case-insensitively
# - **c)** Yes, because the kinds are written differently
# - **d)** Only if their owners differ
#
# Answer with `answer_q06 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q06-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q06 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q06-check", "locked": true, "points": 1, "solution": false}
"""Question 6: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q06" in globals(), "answer_q06", "is not set yet: replace the stub with your answer.")
check(answer_q06 in ('a', 'b', 'c', 'd'), "answer_q06", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 6")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 6", answer_q06, "the option that holds for this scenario", explain="Entity references are case-insensitive and names are unique per kind and namespace case-insensitively, so these collide.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q07-question", "locked": true}
# ### Question 7
#
# The platform team writes a Software Template for new services.
#
# **Which apiVersion and kind does the current template format use?**
#
# - **a)** scaffolder.backstage.io/v1beta3, kind Template
# - **b)** backstage.io/v1alpha1, kind Template
# - **c)** backstage.io/v1beta2, kind Scaffolder
# - **d)** templates.gatekeeper.sh/v1, kind Template
#
# Answer with `answer_q07 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q07-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q07 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q07-check", "locked": true, "points": 1, "solution": false}
"""Question 7: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q07" in globals(), "answer_q07", "is not set yet: replace the stub with your answer.")
check(answer_q07 in ('a', 'b', 'c', 'd'), "answer_q07", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 7")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 7", answer_q07, "the option that holds for this scenario", explain="Current templates are scaffolder.backstage.io/v1beta3 Templates with parameters (JSON Schema form steps), steps (actions) and output; v1beta2 is the older format.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q08-question", "locked": true}
# ### Question 8
#
# A template must publish a repository and then register the new service in the catalog.
#
# **Which step chain is the canonical one?**
#
# - **a)** catalog:register, then publish:github, then fetch:template
# - **b)** publish:github, then fetch:template
# - **c)** fetch:template, then catalog:register, then publish:github
# - **d)** fetch:template, then publish:github, then catalog:register using the publish step's output
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

expect.value("Question 8", answer_q08, "the option that holds for this scenario", explain="fetch:template renders the skeleton, publish:github creates the repository, and catalog:register reads repoContentsUrl from the publish step's output.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q09-question", "locked": true}
# ### Question 9
#
# Leadership wants to know how much time the new-service template saves per run.
#
# **Which Backstage annotation records that estimate?**
#
# - **a)** backstage.io/time-saved, an ISO 8601 duration such as PT4H
# - **b)** backstage.io/managed-by-location
# - **c)** backstage.io/techdocs-ref
# - **d)** scaffolder.backstage.io/duration in minutes
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

expect.value("Question 9", answer_q09, "the option that holds for this scenario", explain="The backstage.io/time-saved annotation holds an ISO 8601 duration estimating time saved per template run.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q10-question", "locked": true}
# ### Question 10
#
# The dependency graph of the catalog has a cycle A → B → C → A.
#
# **Which tool would a platform team use to find every such cycle, rather than writing its own search?**
#
# - **a)** A regular expression over the YAML files
# - **b)** networkx (for example simple_cycles on a directed graph)
# - **c)** The Backstage UI's search box
# - **d)** pandas merge
#
# Answer with `answer_q10 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q10-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q10 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q10-check", "locked": true, "points": 1, "solution": false}
"""Question 10: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q10" in globals(), "answer_q10", "is not set yet: replace the stub with your answer.")
check(answer_q10 in ('a', 'b', 'c', 'd'), "answer_q10", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 10")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 10", answer_q10, "the option that holds for this scenario", explain="Cycle detection is a graph algorithm; networkx provides it (simple_cycles, find_cycle) on a DiGraph built from the dependsOn edges, as in Week 3.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q11-question", "locked": true}
# ### Question 11
#
# A repository needs a reproducible development environment in VS Code or Codespaces.
#
# **Where does the Dev Container specification look for its configuration?**
#
# - **a)** In Dockerfile comments
# - **b)** In .vscode/settings.json only
# - **c)** In .devcontainer/devcontainer.json or .devcontainer.json at the workspace root
# - **d)** In docker-compose.override.yml
#
# Answer with `answer_q11 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q11-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q11 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q11-check", "locked": true, "points": 1, "solution": false}
"""Question 11: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q11" in globals(), "answer_q11", "is not set yet: replace the stub with your answer.")
check(answer_q11 in ('a', 'b', 'c', 'd'), "answer_q11", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 11")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 11", answer_q11, "the option that holds for this scenario", explain="The spec reads .devcontainer/devcontainer.json or .devcontainer.json at the root of the workspace.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q12-question", "locked": true}
# ### Question 12
#
# A devcontainer.json defines postCreateCommand, onCreateCommand, postStartCommand and updateContentCommand.
#
# **In which order do they run on first creation?**
#
# - **a)** onCreateCommand, updateContentCommand, postCreateCommand, postStartCommand
# - **b)** postCreateCommand, onCreateCommand, updateContentCommand, postStartCommand
# - **c)** updateContentCommand, onCreateCommand, postStartCommand, postCreateCommand
# - **d)** All at once, in parallel
#
# Answer with `answer_q12 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q12-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q12 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q12-check", "locked": true, "points": 1, "solution": false}
"""Question 12: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q12" in globals(), "answer_q12", "is not set yet: replace the stub with your answer.")
check(answer_q12 in ('a', 'b', 'c', 'd'), "answer_q12", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 12")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 12", answer_q12, "the option that holds for this scenario", explain="After initializeCommand on the host: onCreateCommand \u2192 updateContentCommand \u2192 postCreateCommand \u2192 postStartCommand (each start) \u2192 postAttachCommand (each attach); a failing script stops the ones after it.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q13-question", "locked": true}
# ### Question 13
#
# A devcontainer.json sets both `image` and `build.dockerfile`.
#
# **What does the specification define?**
#
# - **a)** Both are used; the image is the base of the Dockerfile
# - **b)** An image-based configuration uses image; a Dockerfile-based one uses build.dockerfile — one or the other
# - **c)** build.dockerfile is ignored
# - **d)** The file is valid only with dockerComposeFile as well
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

expect.value("Question 13", answer_q13, "the option that holds for this scenario", explain="The spec describes image-based and Dockerfile-based configurations (and Compose-based ones with dockerComposeFile and service): a configuration uses image or build.dockerfile.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q14-question", "locked": true}
# ### Question 14
#
# A namespace gets a ResourceQuota with requests.cpu and requests.memory. A team then creates a pod whose containers set no requests, and the namespace has no LimitRange.
#
# **What happens?**
#
# - **a)** The pod is admitted with zero requests
# - **b)** The pod is admitted and the quota is ignored for it
# - **c)** The pod is rejected, because with such a quota pods must specify those requests (or get LimitRange defaults)
# - **d)** The pod is admitted and evicted later
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

expect.value("Question 14", answer_q14, "the option that holds for this scenario", explain="When a quota constrains cpu or memory, pods must specify the corresponding requests/limits; a LimitRange with defaultRequest/default fills them in at admission. Violations get 403 Forbidden.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q15-question", "locked": true}
# ### Question 15
#
# A team's namespace has a quota of requests.cpu "4". Its pods already request 3.5 CPU. The platform lowers the quota to "2".
#
# **What happens to the running pods?**
#
# - **a)** They are evicted until the total fits
# - **b)** Nothing; quota changes do not affect existing objects, but new pods are refused while over
# - **c)** The quota change is refused
# - **d)** Their requests are scaled down to fit
#
# Answer with `answer_q15 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q15-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q15 = "b"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q15-check", "locked": true, "points": 1, "solution": false}
"""Question 15: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q15" in globals(), "answer_q15", "is not set yet: replace the stub with your answer.")
check(answer_q15 in ('a', 'b', 'c', 'd'), "answer_q15", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 15")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 15", answer_q15, "the option that holds for this scenario", explain="Quota is enforced at admission: changing a quota does not affect objects that already exist.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q16-question", "locked": true}
# ### Question 16
#
# A LimitRange item for type Container sets `default` and `defaultRequest`.
#
# **What do the two fields supply for a container that sets neither?**
#
# - **a)** default is the request, defaultRequest the limit
# - **b)** Both set the limit
# - **c)** default is the limit, defaultRequest the request
# - **d)** They only apply to PersistentVolumeClaims
#
# Answer with `answer_q16 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q16-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q16 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q16-check", "locked": true, "points": 1, "solution": false}
"""Question 16: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q16" in globals(), "answer_q16", "is not set yet: replace the stub with your answer.")
check(answer_q16 in ('a', 'b', 'c', 'd'), "answer_q16", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 16")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 16", answer_q16, "the option that holds for this scenario", explain="In a LimitRangeItem, default is the default limit and defaultRequest the default request; LimitRanger applies them at admission.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q17-question", "locked": true}
# ### Question 17
#
# A manifest asks for `cpu: 500m` and `memory: 2Gi`.
#
# **What are these quantities in cores and bytes?**
#
# - **a)** 500 cores and 2 × 10⁹ bytes
# - **b)** 0.5 cores and 2 × 1024³ bytes
# - **c)** 0.5 cores and 2 × 10⁹ bytes
# - **d)** 5 cores and 2 × 1024² bytes
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

expect.value("Question 17", answer_q17, "the option that holds for this scenario", explain="m is milli (1/1000 of a core); Gi is a binary suffix (1024\u00b3), while G would be 10\u2079.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q18-question", "locked": true}
# ### Question 18
#
# A namespace has requests.cpu quota 4 and limits.cpu quota 8. A pod requests 1 CPU with a limit of 3.
#
# **How much of each quota does it use?**
#
# - **a)** 1 of requests.cpu and 3 of limits.cpu
# - **b)** 3 of both
# - **c)** 1 of both
# - **d)** 2 of each, the average
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

expect.value("Question 18", answer_q18, "the option that holds for this scenario", explain="requests.* quotas sum the requests of non-terminal pods; limits.* quotas sum their limits.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q19-question", "locked": true}
# ### Question 19
#
# The platform team sets each team's quota from observed usage.
#
# **Which basis is the most defensible default?**
#
# - **a)** The mean usage, so half the time the team is over quota
# - **b)** The maximum ever seen, times three
# - **c)** The same quota for every team regardless of usage
# - **d)** A high percentile of usage (for example p95) plus headroom, reviewed as usage changes
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

expect.value("Question 19", answer_q19, "the option that holds for this scenario", explain="A high percentile with headroom covers normal peaks without reserving capacity for rare spikes; the mean would reject ordinary load and the maximum wastes capacity.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q20-question", "locked": true}
# ### Question 20
#
# Tidewater runs 50+ teams on shared clusters and wants isolation between them.
#
# **Which combination is the usual Kubernetes multi-tenancy baseline?**
#
# - **a)** One namespace per team with ResourceQuota, LimitRange, RBAC and network policies
# - **b)** One cluster per developer
# - **c)** All teams in one namespace with labels
# - **d)** Node affinity only
#
# Answer with `answer_q20 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q20-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q20 = "a"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q20-check", "locked": true, "points": 1, "solution": false}
"""Question 20: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q20" in globals(), "answer_q20", "is not set yet: replace the stub with your answer.")
check(answer_q20 in ('a', 'b', 'c', 'd'), "answer_q20", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 20")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 20", answer_q20, "the option that holds for this scenario", explain="Namespaces are the unit of tenancy; quotas and limit ranges bound resource use, RBAC limits who can change what, network policies limit traffic between tenants.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q21-question", "locked": true}
# ### Question 21
#
# Preview environments are created for pull requests and deleted when the pull request closes, but many closed ones linger for days.
#
# **Which policy removes that waste with the least friction?**
#
# - **a)** Ask developers to delete them by hand
# - **b)** Stop offering preview environments
# - **c)** Only create them on Fridays
# - **d)** A time-to-live: delete each environment a fixed number of hours after merge or close
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

expect.value("Question 21", answer_q21, "the option that holds for this scenario", explain="A TTL after merge or close is automatic and predictable; the what-if in Week 4 computes the saving from the environments' lifetimes.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q22-question", "locked": true}
# ### Question 22
#
# The platform promises "every pull request gets an isolated preview".
#
# **Which measure tells whether the promise holds?**
#
# - **a)** The number of preview environments created
# - **b)** The number of clusters
# - **c)** The average cost per environment only
# - **d)** The share of pull requests that got a preview environment, and how long it took to be ready
#
# Answer with `answer_q22 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q22-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q22 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q22-check", "locked": true, "points": 1, "solution": false}
"""Question 22: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q22" in globals(), "answer_q22", "is not set yet: replace the stub with your answer.")
check(answer_q22 in ('a', 'b', 'c', 'd'), "answer_q22", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 22")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 22", answer_q22, "the option that holds for this scenario", explain="Coverage (share of pull requests with a preview) and time to ready (median and p90) describe the promise; counts of environments say nothing about the pull requests left without one.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q23-question", "locked": true}
# ### Question 23
#
# Time to ready of preview environments has a median of 6 minutes and a p90 of 48 minutes.
#
# **What does the p90 add to the median?**
#
# - **a)** Nothing; the median says it all
# - **b)** It is the average of the slowest ten
# - **c)** It shows that 90% take exactly 48 minutes
# - **d)** It shows a long tail - one environment in ten takes 48 minutes or more
#
# Answer with `answer_q23 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q23-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q23 = "d"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q23-check", "locked": true, "points": 1, "solution": false}
"""Question 23: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q23" in globals(), "answer_q23", "is not set yet: replace the stub with your answer.")
check(answer_q23 in ('a', 'b', 'c', 'd'), "answer_q23", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 23")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 23", answer_q23, "the option that holds for this scenario", explain="The 90th percentile is the time that 90% of environments beat; the gap to the median shows a tail that developers feel even when the typical case is fast.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q24-question", "locked": true}
# ### Question 24
#
# A platform team plans its internal developer platform for 100+ services.
#
# **What does the service catalog contribute that the templates and the orchestration do not?**
#
# - **a)** It runs the deployments
# - **b)** It provisions the cloud resources
# - **c)** It is the system of record of what exists, who owns it and what depends on what
# - **d)** It replaces the source repositories
#
# Answer with `answer_q24 = "…"`, one of "a", "b", "c", "d".

# %% nbgrader={"grade": false, "grade_id": "q24-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q24 = "c"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q24-check", "locked": true, "points": 1, "solution": false}
"""Question 24: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q24" in globals(), "answer_q24", "is not set yet: replace the stub with your answer.")
check(answer_q24 in ('a', 'b', 'c', 'd'), "answer_q24", "should be one of a, b, c, d (a lowercase letter in quotes).")
passed("question 24")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.value("Question 24", answer_q24, "the option that holds for this scenario", explain="The catalog records entities, ownership and relations; templates create new software, orchestration and infrastructure APIs run and provision it, the portal presents them all.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q25-question", "locked": true}
# ### Question 25
#
# Compute from `services`.
#
# **How many services are in production (lifecycle == "production")?**
#
# Compute it from the data and assign the number to `answer_q25`.

# %% nbgrader={"grade": false, "grade_id": "q25-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q25 = int((services["lifecycle"] == "production").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q25-check", "locked": true, "points": 1, "solution": false}
"""Question 25: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q25" in globals(), "answer_q25", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q25, (int, float)) and not isinstance(answer_q25, bool), "answer_q25", "should be a number.")
passed("question 25")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 25", answer_q25, "computed from the data as the question says", rtol=1e-06, explain="Count the rows whose lifecycle is production; experimental and deprecated services are not.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q26-question", "locked": true}
# ### Question 26
#
# Compute from `services`.
#
# **What fraction (0 to 1) of the teams that own services own at least 5 services?**
#
# Compute it from the data and assign the number to `answer_q26`.

# %% nbgrader={"grade": false, "grade_id": "q26-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
_per_team = services.groupby("team_id")["service_id"].nunique()
answer_q26 = float((_per_team >= 5).mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q26-check", "locked": true, "points": 1, "solution": false}
"""Question 26: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q26" in globals(), "answer_q26", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q26, (int, float)) and not isinstance(answer_q26, bool), "answer_q26", "should be a number.")
passed("question 26")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 26", answer_q26, "computed from the data as the question says", rtol=0.0001, explain="Count distinct services per owning team, then the share of those teams with 5 or more (inclusive). Teams without services are not in the denominator.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q27-question", "locked": true}
# ### Question 27
#
# Compute from `pull_requests`.
#
# **What fraction (0 to 1) of pull requests got a preview environment (preview_created_at not empty)?**
#
# Compute it from the data and assign the number to `answer_q27`.

# %% nbgrader={"grade": false, "grade_id": "q27-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q27 = float(pull_requests["preview_created_at"].notna().mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q27-check", "locked": true, "points": 1, "solution": false}
"""Question 27: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q27" in globals(), "answer_q27", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q27, (int, float)) and not isinstance(answer_q27, bool), "answer_q27", "should be a number.")
passed("question 27")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 27", answer_q27, "computed from the data as the question says", rtol=0.0001, explain="A pull request got a preview when preview_created_at is set; the mean of that boolean is the share. Counting environments instead of pull requests would give another number.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q28-question", "locked": true}
# ### Question 28
#
# Compute from `services`.
#
# **What fraction (0 to 1) of services run on a runtime other than kubernetes (virtual machines or serverless)?**
#
# Compute it from the data and assign the number to `answer_q28`.

# %% nbgrader={"grade": false, "grade_id": "q28-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q28 = float((services["runtime"] != "kubernetes").mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q28-check", "locked": true, "points": 1, "solution": false}
"""Question 28: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q28" in globals(), "answer_q28", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q28, (int, float)) and not isinstance(answer_q28, bool), "answer_q28", "should be a number.")
passed("question 28")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 28", answer_q28, "computed from the data as the question says", rtol=0.0001, explain="The share of rows whose runtime is not kubernetes: those services are outside the shared clusters' quotas and policies, so multi-tenancy controls do not reach them.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q29-question", "locked": true}
# ### Question 29
#
# Compute from `services`.
#
# **On how many distinct clusters do Tidewater's services run (distinct non-empty values of cluster)?**
#
# Compute it from the data and assign the number to `answer_q29`.

# %% nbgrader={"grade": false, "grade_id": "q29-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q29 = int(services["cluster"].dropna().nunique())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q29-check", "locked": true, "points": 1, "solution": false}
"""Question 29: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q29" in globals(), "answer_q29", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q29, (int, float)) and not isinstance(answer_q29, bool), "answer_q29", "should be a number.")
passed("question 29")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 29", answer_q29, "computed from the data as the question says", rtol=1e-06, explain="Count distinct cluster names, not rows: many services share a cluster, which is why multi-tenancy (quotas, limit ranges, policies per namespace) matters.")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "q30-question", "locked": true}
# ### Question 30
#
# Compute from `services`.
#
# **What is the median number of services per owning team?**
#
# Compute it from the data and assign the number to `answer_q30`.

# %% nbgrader={"grade": false, "grade_id": "q30-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
answer_q30 = float(services.groupby("team_id")["service_id"].nunique().median())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q30-check", "locked": true, "points": 1, "solution": false}
"""Question 30: an answer is recorded (it is marked when your notebook is graded)."""
from graders import check, passed

check("answer_q30" in globals(), "answer_q30", "is not set yet: replace the stub with your answer.")
check(isinstance(answer_q30, (int, float)) and not isinstance(answer_q30, bool), "answer_q30", "should be a number.")
passed("question 30")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

expect.number("Question 30", answer_q30, "computed from the data as the question says", rtol=0.0001, explain="Count distinct services per team that owns any, then take the median of those counts (not the mean, which a few large teams pull up).")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "sources", "locked": true}
# ## Sources
#
# Every question is checked against one of these:
#
# - CNCF TAG App Delivery (2023), Platforms White Paper (capabilities of platforms); platform-facts.md §5 [V]
# - Kubernetes documentation, Multi-tenancy (concepts/security/multi-tenancy)
# - Kubernetes documentation, Resource Management for Pods and Containers (CPU and memory units)
# - Week 4, Lab 2 (coverage and time to ready)
# - Week 4, Lab 2 (time-to-live what-if)
# - Week 4, Lab 2; Google SRE book, ch. 4 Service Level Objectives (percentiles rather than averages)
# - Week 4, Lab 3 (quotas from usage percentiles plus headroom)
# - data/README.md, pull_requests
# - data/README.md, services (cluster)
# - data/README.md, services (lifecycle)
# - data/README.md, services (runtime)
# - data/README.md, services (team_id)
# - data/README.md, services (team_id, service_id)
# - networkx documentation, Cycles (simple_cycles); Week 3, Lab 3
# - platform-facts.md §5 Backstage catalog (dependsOn has no default kind) [V]
# - platform-facts.md §5 Backstage catalog (envelope: relations and status are read-only) [V]
# - platform-facts.md §5 Backstage catalog (metadata.name) [V]
# - platform-facts.md §5 Backstage catalog (metadata.name, isValidObjectName) [V]
# - platform-facts.md §5 Backstage catalog (owner kind default Group; references default to the referrer's namespace) [V]
# - platform-facts.md §5 Backstage catalog (unique per kind+namespace, case-insensitive) [V]
# - platform-facts.md §5 Software Template (annotation backstage.io/time-saved) [V]
# - platform-facts.md §5 Software Template (canonical step chain) [V]
# - platform-facts.md §5 Software Template (current) [V]
# - platform-facts.md §6.1 ResourceQuota (compute quotas) [V]
# - platform-facts.md §6.1 ResourceQuota (quota changes don't affect existing objects) [V]
# - platform-facts.md §6.1 ResourceQuota [V]; §6.2 LimitRange [V]
# - platform-facts.md §6.2 LimitRange [V]
# - platform-facts.md §6.6 devcontainer.json (image or Dockerfile) [V]
# - platform-facts.md §6.6 devcontainer.json (lifecycle order) [V]
# - platform-facts.md §6.6 devcontainer.json (location) [V]
