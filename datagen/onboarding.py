"""Week 2: onboarding journeys of new hires, and the internal documentation corpus with questions.

The golden-path onboarding (dev containers, access portal, starter task) launched on 2026-06-01:
new hires from then on reach each milestone faster. The launch date is in tests/keys/onboarding.json,
not in the data: learners find the change themselves.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import yaml

from .common import DOMAIN, Folder, R, U, iso, lognormal

GOLDEN_PATH = pd.Timestamp("2026-06-01")
# milestone: (median hours after the previous milestone before, after the golden path)
MILESTONES = {
    "laptop_ready_at": (30.0, 3.0),
    "accounts_ready_at": (44.0, 5.0),
    "repository_access_at": (20.0, 1.0),
    "first_build_at": (18.0, 1.5),
    "first_pull_request_at": (34.0, 20.0),
    "first_deploy_at": (70.0, 8.0),
}

# slug: (title, owner team, last updated, tags, body). Facts in the bodies answer doc_questions.
PAGES = {
    "start-here": ("Start here: your first week at Tidewater", "developer-experience", "2026-06-01", "onboarding",
        "Welcome! Your manager books your laptop before day one. On day one you collect it from the IT desk on floor 2 "
        "and sign in with your Tidewater SSO account. All access (GitHub, the cloud consoles, Grafana, PagerDuty) is "
        "requested in the access portal at https://access.{d}; most requests are approved automatically within an hour. "
        "Your starter task is in your team's board with the label `first-week`. Ask questions in #help-platform."),
    "laptop-setup": ("Laptop setup", "developer-experience", "2026-05-20", "onboarding laptop",
        "Laptops come with the standard image. Install the dev container extension and Docker Desktop from the "
        "self-service app. You do not need to install language runtimes locally any more: every repository has a "
        "`.devcontainer/devcontainer.json`, and `Reopen in Container` gives you the right tools."),
    "laptop-setup-legacy": ("Laptop setup (old)", "platform-runtime", "2023-02-14", "onboarding laptop deprecated",
        "Install Java 11, Node 14 and Python 3.8 with the install script in the `dev-setup` repository, then ask on "
        "#it-help for the VPN profile. This page is kept for history."),
    "access-requests": ("Requesting access", "security-enablement", "2026-06-10", "access security",
        "Use the access portal (https://access.{d}). Pick the system, the role and a reason. Read-only roles are "
        "approved automatically; write access to production needs your manager's approval and expires after 90 days. "
        "Production database access is read-only and expires after 8 hours."),
    "repository-access": ("Getting access to repositories", "developer-experience", "2026-06-01", "access git",
        "You are added to your team's GitHub team automatically when your User entity in the catalog lists the team "
        "in memberOf. For other repositories, open a request in the access portal; the owning team approves it."),
    "first-build": ("Building a service for the first time", "platform-delivery", "2026-04-18", "build ci",
        "Open the repository in its dev container and run `make test`. The same command runs in CI. If the build fails "
        "because of a missing secret, you are missing the `dev-secrets` role: request it in the access portal."),
    "ci-pipeline": ("The standard CI/CD pipeline", "platform-delivery", "2026-05-02", "ci cd deploy",
        "Every service uses the shared pipeline: build, unit tests, container image, security scan, deploy to staging, "
        "smoke tests, then a canary in production for 30 minutes with automatic rollback if the canary fails. The "
        "pipeline definition lives in `.tidewater/pipeline.yaml`; do not copy Jenkinsfiles from old services."),
    "jenkins": ("Deploying with Jenkins", "platform-runtime", "2022-11-03", "ci deploy deprecated",
        "To deploy, open the service's job in Jenkins, click Build with Parameters and pick the environment. Ask the "
        "change advisory board for approval on Tuesday. This process is replaced by the standard pipeline."),
    "deploying": ("Deploying to production", "platform-delivery", "2026-06-15", "deploy",
        "Merging to main deploys to production through the standard pipeline; no change ticket is needed for "
        "services with automated tests and a canary. Deploys are blocked during the Black Friday freeze "
        "(last week of November)."),
    "rollback": ("Rolling back a deployment", "platform-delivery", "2026-03-30", "deploy incident",
        "Run `tw rollback <service>` or click Roll back on the deployment in the portal. Rollbacks redeploy the previous "
        "image and take about two minutes. Then open an incident if customers were affected."),
    "preview-environments": ("Preview environments", "platform-runtime", "2026-07-01", "environments",
        "Every pull request gets a preview environment in the `previews` cluster namespace `pr-<number>-<service>`. "
        "It is deleted when the pull request is merged or closed, or after 72 hours without a commit."),
    "namespaces-and-quotas": ("Namespaces and quotas", "platform-runtime", "2026-04-08", "kubernetes",
        "Each team has one namespace per cluster, named after the team. Quotas are set from the team's requests; to "
        "raise a quota, open a pull request to the `tenants` repository. Containers must set CPU and memory requests "
        "and limits, or admission rejects them."),
    "kubernetes-labels": ("Required Kubernetes labels", "platform-runtime", "2026-05-11", "kubernetes policy",
        "Every workload must carry the labels `app.kubernetes.io/name`, `team` and `cost-center`. Images must be pinned "
        "to a version or digest; the `latest` tag is rejected by the admission policy."),
    "cost-tagging": ("Tagging cloud resources", "cloud-foundations", "2026-03-15", "finops tags",
        "Tag every cloud resource with `team`, `service` and `cost-center`. Untagged spend is shown under the "
        "platform budget and reviewed every month by the FinOps guild. Tag keys are lower case."),
    "finops-reports": ("Cloud cost reports", "cloud-foundations", "2026-07-03", "finops",
        "Cost reports are built from the FOCUS export of each provider. Shared cluster cost and idle capacity are "
        "allocated to teams in proportion to their CPU and memory requests."),
    "databases": ("Requesting a database", "cloud-foundations", "2026-06-20", "infrastructure self-service",
        "Use the Database template in the portal. Small and medium PostgreSQL databases are approved automatically; "
        "large and xlarge need approval from cloud-foundations. Backups are kept for 14 days."),
    "secrets": ("Secrets and credentials", "security-enablement", "2026-04-27", "security secrets",
        "Never commit secrets. Store them in the secrets manager and mount them at runtime. The pre-commit hook runs "
        "gitleaks; if it finds a secret, rotate it even if you remove the commit."),
    "incident-process": ("Incident process", "sre-enablement", "2026-05-05", "incident on-call",
        "Declare an incident in #incidents with `/incident new`. SEV1 and SEV2 page the on-call engineer of the service "
        "and the incident commander. Write `root cause: <sha>` in the incident issue when a change caused it, so "
        "delivery metrics can link it."),
    "on-call": ("Being on call", "sre-enablement", "2026-02-22", "on-call",
        "Rotations are weekly, Monday 10:00 to Monday 10:00 local time. You are paid an on-call allowance. Hand over "
        "open alerts in the rotation channel."),
    "slos": ("Service level objectives", "sre-enablement", "2026-06-28", "slo reliability",
        "Tier-1 services target 99.9% availability over 30 days, tier-2 99.5% and tier-3 99%. Alerts use multiwindow "
        "multi-burn-rate rules: page at 14.4x over 1 hour and 6x over 6 hours, ticket at 1x over 3 days."),
    "observability": ("Dashboards, logs and traces", "sre-enablement", "2026-04-02", "observability",
        "Every service gets a Grafana dashboard from its catalog entry (link on the Component page). Logs are in Loki "
        "and traces in Tempo; search by the `trace_id` in a log line."),
    "service-catalog": ("Registering a service in the catalog", "developer-experience", "2026-05-25", "catalog backstage",
        "Add a `catalog-info.yaml` to the repository with a Component entity: name, type, lifecycle, owner (your team's "
        "Group) and system. The owner must be a Group that exists. The portal imports it within 10 minutes."),
    "service-templates": ("Creating a new service from a template", "developer-experience", "2026-06-05", "templates golden-path",
        "In the portal, choose Create and the `service` template. It creates the repository, the pipeline, the catalog "
        "entry, dashboards and a namespace. A new service is ready to deploy in about 20 minutes."),
    "code-review": ("Code review guidelines", "architecture", "2025-11-12", "review",
        "Every pull request needs one approval from the owning team. Review within one working day. Keep pull "
        "requests small: under 400 changed lines."),
    "api-guidelines": ("API guidelines", "architecture", "2025-09-30", "api",
        "Describe HTTP APIs with OpenAPI 3 and events with AsyncAPI, register them as API entities, and version them "
        "in the URL (`/v1`). Breaking changes need a new version and six months of overlap."),
    "feature-flags": ("Feature flags", "developer-experience", "2026-03-09", "release",
        "Use the OpenFeature SDK with the flagd provider. Remove a flag within 30 days of full rollout."),
    "dependencies": ("Adding third-party libraries", "security-enablement", "2026-01-19", "security dependencies",
        "Libraries with an approved licence (MIT, Apache-2.0, BSD) need no review. The dependency bot opens update pull "
        "requests every Monday."),
    "support": ("Getting help from the platform team", "developer-experience", "2026-06-01", "support",
        "Ask in #help-platform (answered within 2 working hours) or open a ticket in the portal. Office hours are on "
        "Thursdays at 15:00 UTC."),
    "glossary": ("Glossary", "architecture", "2025-12-01", "reference",
        "Golden path: the supported, paved way to do a common task. Tier: how critical a service is. Paved road: "
        "another name for golden path. DORA: the research programme behind the four keys metrics."),
    "team-directory": ("Finding the owner of a service", "developer-experience", "2026-04-14", "catalog ownership",
        "Search the service in the portal: the Component page shows the owning Group, its Slack channel and on-call "
        "rotation. Do not rely on the old wiki spreadsheet; it is no longer updated."),
}
QUESTIONS = [
    ("How do I get access to the production database?", ["access-requests"]),
    ("How long does production database access last?", ["access-requests"]),
    ("Which language runtimes do I need to install on my laptop?", ["laptop-setup"]),
    ("Where do I ask for help with the platform?", ["support", "start-here"]),
    ("How do I deploy my change to production?", ["deploying", "ci-pipeline"]),
    ("How do I roll back a bad deployment?", ["rollback"]),
    ("When is a preview environment deleted?", ["preview-environments"]),
    ("What labels must a Kubernetes deployment have?", ["kubernetes-labels"]),
    ("Can I use the latest image tag?", ["kubernetes-labels"]),
    ("How do I raise my team's namespace quota?", ["namespaces-and-quotas"]),
    ("Which tags must cloud resources carry?", ["cost-tagging"]),
    ("How is shared cluster cost split between teams?", ["finops-reports"]),
    ("How do I get a new PostgreSQL database?", ["databases"]),
    ("What should I do if I committed a secret?", ["secrets"]),
    ("How do I declare an incident?", ["incident-process"]),
    ("How do I link an incident to the commit that caused it?", ["incident-process"]),
    ("What availability target does a tier-2 service have?", ["slos"]),
    ("When should an SLO alert page someone?", ["slos"]),
    ("Where are the logs and traces of my service?", ["observability"]),
    ("How do I add my service to the catalog?", ["service-catalog"]),
    ("How do I create a new service?", ["service-templates"]),
    ("How fast must I review a pull request?", ["code-review"]),
    ("How do I version an HTTP API?", ["api-guidelines"]),
    ("How long can a feature flag stay after rollout?", ["feature-flags"]),
    ("Who owns a service and how do I contact them?", ["team-directory"]),
    ("What happens on my first day?", ["start-here"]),
    ("Why does my first build fail with a missing secret?", ["first-build"]),
    ("How do I get access to my team's repositories?", ["repository-access"]),
    ("When do on-call rotations change?", ["on-call"]),
    ("What is a golden path?", ["glossary"]),
    ("Do I need approval to add an MIT-licensed library?", ["dependencies"]),
    ("What does the CI pipeline do before production?", ["ci-pipeline"]),
]
HELD_OUT = 8  # the last questions are kept as a hidden test set


def _docs() -> Folder:
    out = Folder()
    for slug, (title, owner, updated, tags, body) in PAGES.items():
        front = yaml.safe_dump({"title": title, "owner": owner, "last_updated": updated, "tags": tags.split()},
                               sort_keys=False, default_flow_style=None, width=200)
        out[f"{slug}.md"] = f"---\n{front}---\n# {title}\n\n{body.format(d=DOMAIN)}\n"
    return out


def generate(rng: np.random.Generator, scale: int = 1, tables: dict | None = None) -> dict:
    devs, design = tables["developers"], tables["_design"]
    start = pd.to_datetime(devs["start_date"])
    hires = devs[(start >= pd.Timestamp("2025-10-01")) & devs["role"].ne("engineering-manager")].copy()
    hires = hires.sort_values(["start_date", "developer_id"], kind="stable").reset_index(drop=True)
    # the first working day: a contract that starts on a weekend starts work on the Monday after
    first_day = np.busday_offset(pd.to_datetime(hires["start_date"]).to_numpy().astype("datetime64[D]"), 0, roll="forward")
    hires["start_date"] = pd.Series(first_day.astype("datetime64[ns]")).dt.strftime("%Y-%m-%d")
    n = len(hires)
    day0 = (pd.to_datetime(hires["start_date"]).to_numpy().astype("datetime64[s]").astype(np.int64)) + 9 * 3600
    after = pd.to_datetime(hires["start_date"]).to_numpy() >= GOLDEN_PATH.to_datetime64()
    fast_team = hires["team_id"].map(design["dora_profile"]).isin(["elite", "high"]).to_numpy()
    t = day0.astype(float)
    cols = {}
    for col, (before, aft) in MILESTONES.items():
        med = np.where(after, aft, before) * np.where(fast_team & (col == "first_deploy_at"), 0.6, 1.0)
        t = t + lognormal(rng, med, 0.5) * 3600
        cols[col] = t.copy()
    end = pd.Timestamp("2026-08-31").timestamp()
    # buddy: the team's first senior or staff engineer who is not the new hire and started before them
    seniors = devs.loc[devs["role"].isin(["senior-engineer", "staff-engineer"]), ["team_id", "developer_id", "start_date"]]
    pairs = hires[["developer_id", "team_id", "start_date"]].merge(seniors, on="team_id", suffixes=("", "_buddy"))
    pairs = pairs[(pairs["developer_id_buddy"] != pairs["developer_id"])
                  & (pd.to_datetime(pairs["start_date_buddy"]) < pd.to_datetime(pairs["start_date"]))]
    buddy = hires["developer_id"].map(pairs.groupby("developer_id")["developer_id_buddy"].first()).fillna("")
    out = hires[["developer_id", "team_id", "role", "start_date"]].copy()
    out["buddy"] = buddy.to_numpy()
    for col, v in cols.items():
        out[col] = iso(np.where(v < end, v, np.nan)).to_numpy()
    out["onboarding_survey_score"] = np.where(~np.isnan(np.where(cols["first_deploy_at"] < end, 1, np.nan)),
                                              np.clip(np.round(rng.normal(np.where(after, 4.1, 3.0), 0.7)), 1, 5), np.nan)
    out["onboarding_survey_score"] = out["onboarding_survey_score"].astype("Int64")
    qs = pd.DataFrame([(f"Q{i + 1:02d}", q, ";".join(a)) for i, (q, a) in enumerate(QUESTIONS)],
                      columns=["question_id", "question", "answer_pages"])
    shipped, held = qs.iloc[:-HELD_OUT], qs.iloc[-HELD_OUT:]
    return {"onboarding_journeys": out, "docs": _docs(), "doc_questions": shipped,
            "keys/onboarding": {"golden_path_launch": str(GOLDEN_PATH.date()),
                                "held_out_questions": held.to_dict(orient="records"),
                                "stale_pages": ["laptop-setup-legacy", "jenkins"]}}


SCHEMAS = {
    "onboarding_journeys": {
        "title": "Onboarding journeys of new hires", "primaryKey": ["developer_id"],
        "foreignKeys": [{"fields": "developer_id", "reference": {"resource": "developers", "fields": "developer_id"}}],
        "description": "For every developer who joined since October 2025: when each onboarding milestone was reached. "
                       "An empty timestamp means not reached by the end of the history (2026-08-31).",
        "fields": [
            ("developer_id", "string", "New hire (developers.developer_id).", U),
            ("team_id", "string", "Team joined (teams.team_id).", R),
            ("role", "string", "Role.", R),
            ("start_date", "date", "First working day (a Monday to Friday; a contract starting on a weekend starts "
             "work the Monday after).", R),
            ("buddy", "string", "Onboarding buddy (developers.developer_id): a senior or staff engineer of the same "
             "team who joined earlier, never the new hire; empty if the team has none.", {}),
            *[(c, "datetime", f"Time the milestone '{c[:-3].replace('_', ' ')}' was reached (UTC).", {}) for c in MILESTONES],
            ("onboarding_survey_score", "integer", "Answer to 'How smooth was your onboarding?' (1-5 Likert; empty if not asked yet).",
             {"minimum": 1, "maximum": 5}),
        ],
    },
    "docs": {
        "kind": "folder", "mediatype": "text/markdown",
        "title": "Internal documentation corpus",
        "description": "About 30 short markdown pages of Tidewater's internal docs, each with YAML front matter (title, "
                       "owner team, last_updated date, tags). Some pages are stale and contradict newer ones. Load them "
                       "with `workbook.data.load_docs()`.",
        "files": [("<slug>.md", "One page: front matter between `---` lines, then the markdown body.")],
    },
    "doc_questions": {
        "title": "Questions developers ask, with the pages that answer them", "primaryKey": ["question_id"],
        "description": "Questions collected from the help channel, each with the documentation page(s) that answer it: "
                       "a small relevance-judged set for evaluating documentation search.",
        "fields": [
            ("question_id", "string", "Question identifier.", U),
            ("question", "string", "The question as asked.", R),
            ("answer_pages", "string", "Semicolon-separated page slugs (file names in docs/ without .md) that answer it.", R),
        ],
    },
}
