"""The readiness check (notebooks/01-readiness-check.ipynb): self-assessment, three short practical
checks, and a recommendation of where to start and what to review first. Ungraded; nothing is
sent anywhere.

The skills, the mindset and the time commitment are the curriculum's prerequisites
("Prerequisites Assessment"). The practical checks are the three everyday reads the weeks assume:
a Kubernetes manifest in YAML, a pandas groupby, and a CI log.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd
import yaml

LEVELS = ("none yet", "a little", "comfortable", "expert")

ESSENTIAL = {
    "software development (3+ years)": ("Week 1", "Any programming course; the weeks assume you can read and write Python functions.",
                                        "https://docs.python.org/3/tutorial/"),
    "cloud infrastructure": ("Week 5", "A cloud provider's fundamentals course: compute, storage, networks, billing.",
                             "https://www.finops.org/introduction/what-is-finops/"),
    "CI/CD pipelines": ("Week 6", "What a pipeline runs and why: build, test, deploy, roll back.",
                        "https://docs.github.com/actions/about-github-actions/understanding-github-actions"),
    "containers and Kubernetes basics": ("Week 4", "Pods, Deployments, namespaces and resource requests.",
                                         "https://kubernetes.io/docs/tutorials/kubernetes-basics/"),
}
RECOMMENDED = {
    "DevOps or SRE experience": ("Week 6", "https://sre.google/workbook/table-of-contents/"),
    "infrastructure as code (Terraform)": ("Week 5", "https://developer.hashicorp.com/terraform/intro"),
    "API design and development": ("Week 7", "https://learn.microsoft.com/azure/architecture/best-practices/api-design"),
    "microservices architecture": ("Week 3", "https://martinfowler.com/articles/microservices.html"),
}
MINDSET = (
    "I like building tools for other developers",
    "I want to multiply the productivity of whole teams",
    "I enjoy solving organisational problems, not only technical ones",
    "I think in systems and platforms",
)
PLANNED_HOURS = (15, 20)  # the curriculum's time commitment per week
WEEKS = 8

# ---------------------------------------------------------------------------- practical checks
MANIFEST = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout-api
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: checkout-api}
  template:
    metadata:
      labels: {app: checkout-api}
    spec:
      containers:
        - name: api
          image: registry.tidewater.example/checkout-api:2.14.0
          resources:
            requests: {cpu: 250m, memory: 512Mi}
"""

LEAD_TIMES = """\
team,lead_time_hours
payments,2
payments,3
payments,40
search,9
search,10
search,11
"""

CI_LOG = """\
[12:00:01] step checkout ........ ok
[12:00:09] step install ......... ok (warning: 3 deprecated packages)
[12:01:40] step lint ............ ok
[12:03:12] step unit-tests ...... FAILED (2 of 418 tests failed: test_refund_rounding, test_currency)
[12:03:13] step build-image ..... skipped (an earlier step failed)
[12:03:13] step deploy-staging .. skipped (an earlier step failed)
[12:03:14] error: pipeline failed
"""
CI_STEPS = ("checkout", "install", "lint", "unit-tests", "build-image", "deploy-staging")


def lead_times() -> pd.DataFrame:
    return pd.read_csv(io.StringIO(LEAD_TIMES))


def check_manifest(replicas: object, image_tag: object) -> tuple[bool, str]:
    """Replicas and image tag read from MANIFEST."""
    spec = yaml.safe_load(MANIFEST)
    want_tag = spec["spec"]["template"]["spec"]["containers"][0]["image"].rsplit(":", 1)[1]
    try:
        ok_replicas = int(str(replicas).strip()) == spec["spec"]["replicas"]
    except ValueError:
        ok_replicas = False
    ok_tag = str(image_tag).strip() == want_tag
    if ok_replicas and ok_tag:
        return True, "Right: you can read a Kubernetes manifest."
    hints = []
    if not ok_replicas:
        hints.append("replicas sit under spec, not under the pod template")
    if not ok_tag:
        hints.append("the tag is what follows the last ':' of the container's image")
    return False, "Not quite: " + "; ".join(hints) + "."


def check_groupby(team: object) -> tuple[bool, str]:
    """Which team has the higher median lead time (the mean gives the other team)."""
    medians = lead_times().groupby("team")["lead_time_hours"].median()
    if str(team) == medians.idxmax():
        return True, "Right: the median resists the one 40-hour outlier that drags the mean up."
    return False, "Not quite: group by team and take the median of lead_time_hours, not the mean."


def check_ci_log(step: object) -> tuple[bool, str]:
    """The step that failed (warnings and skipped steps are not failures)."""
    failed = next(line.split()[2] for line in CI_LOG.splitlines() if "FAILED" in line)
    if str(step) == failed:
        return True, "Right: the first FAILED step; the later steps were skipped because of it."
    return False, "Not quite: look for the step marked FAILED; a warning or a skipped step is not a failure."


# ---------------------------------------------------------------------------- recommendation
@dataclass
class Recommendation:
    start: str
    review: list[tuple[str, str, str]] = field(default_factory=list)  # (topic, why, link)
    slower_weeks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"**Where to start:** {self.start}"]
        if self.review:
            lines += ["", "**Review first:**"] + [f"- {t}: {why} ({link})" for t, why, link in self.review]
        if self.slower_weeks:
            lines += ["", "**Weeks that may take you longer:** " + ", ".join(self.slower_weeks)]
        lines += [""] + [f"- {n}" for n in self.notes]
        return "\n".join(lines).rstrip()


def recommend(essential: dict[str, str], recommended: dict[str, str], mindset: set[str], hours_per_week: float,
              practical: dict[str, bool]) -> Recommendation:
    """Where to start and what to review, from the self-assessment and the practical checks.

    A skill rated "none yet", or a failed practical check on what every week uses (YAML,
    pandas), puts a review before Week 1; "a little" names the week where it matters most.
    """
    unknown = sorted((set(essential) - set(ESSENTIAL)) | (set(recommended) - set(RECOMMENDED)))
    if unknown:
        raise ValueError(f"unknown skills {unknown}: use the names in ESSENTIAL and RECOMMENDED")
    bad = sorted(v for v in [*essential.values(), *recommended.values()] if v not in LEVELS)
    if bad:
        raise ValueError(f"levels must be one of {LEVELS}; got {bad}")
    rec = Recommendation(start="Week 1 (you have what the course assumes).")
    for skill, level in essential.items():
        week, why, link = ESSENTIAL[skill]
        if level == LEVELS[0]:
            rec.review.append((skill, why, link))
        elif level == LEVELS[1]:
            rec.slower_weeks.append(f"{week} ({skill})")
    if not practical.get("yaml", True):
        rec.review.append(("reading YAML manifests", "Every week from Week 3 reads YAML.",
                           "https://kubernetes.io/docs/concepts/overview/working-with-objects/"))
    if not practical.get("pandas", True):
        rec.review.append(("pandas groupby and aggregation", "Every lab computes with pandas.",
                           "https://pandas.pydata.org/docs/user_guide/10min.html"))
    if not practical.get("ci_log", True):
        rec.slower_weeks.append("Week 6 (reading CI and deployment logs)")
    for skill, level in recommended.items():
        if level == LEVELS[0]:
            week, link = RECOMMENDED[skill]
            rec.slower_weeks.append(f"{week} ({skill}: {link})")
    if rec.review:
        rec.start = "Review the topics below first, then start with Week 1."
    if hours_per_week < PLANNED_HOURS[0]:
        weeks = WEEKS * sum(PLANNED_HOURS) / 2 / max(hours_per_week, 1)
        rec.notes.append(f"The curriculum plans {PLANNED_HOURS[0]}-{PLANNED_HOURS[1]} hours a week; with "
                         f"{hours_per_week:g} hours, plan about {weeks:.0f} calendar weeks for the eight course weeks.")
    else:
        rec.notes.append(f"{hours_per_week:g} hours a week fits the curriculum's plan "
                         f"({PLANNED_HOURS[0]}-{PLANNED_HOURS[1]} hours).")
    if len(set(mindset) & set(MINDSET)) < 2:
        rec.notes.append("Platform work is mostly building for other developers: read Week 1's Reading 2 "
                         "(the platform as a product) before deciding.")
    return rec
