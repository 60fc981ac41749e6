"""Week 1 data: a time-and-motion study of common developer tasks at the fictional organisation.

Three tables:
- developer_tasks: the common tasks, how often they happen per month org-wide, and the platform
  capability that would automate each end to end;
- developer_journey: one row per step of each task, with active and waiting minutes (medians of the
  observed developers), who does it, the tool, whether it is a hand-off, and which platform
  capability could automate it (and how long it takes once automated);
- platform_capabilities: the capabilities a golden path could include and their build cost.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

# capability -> (description, build cost in engineer-weeks)
CAPABILITIES = {
    "service-template": ("Scaffold a repository, catalog entry and ownership from a template", 6),
    "ci-cd-pipeline": ("Standard build, test and deploy pipeline with automatic rollback", 10),
    "preview-envs": ("Ephemeral preview environment per pull request", 8),
    "dev-containers": ("Reproducible development container for every repository", 3),
    "access-portal": ("Self-service, audited access requests with automatic expiry", 5),
    "self-service-infra": ("Databases, buckets and queues from a request form, policy-checked", 9),
    "secrets-manager": ("Managed secrets and certificates with automatic rotation", 4),
    "observability-defaults": ("Dashboards, SLO alerts and log/trace links wired in by default", 5),
    "dependency-bot": ("Automated dependency updates with pre-approved licences", 2),
}

# task_id -> (title, base monthly occurrences org-wide, capability, steps)
# step: (description, actor, tool, active_min, waiting_min, capability or "", automated_min)
TASKS = {
    "new-service": ("Create a new service", 12, "service-template", [
        ("Write a design note and ask for an architecture review", "developer", "Confluence", 120, 2880, "", 0),
        ("Request a new repository from the SCM admins", "it-operations", "Jira", 10, 1440, "service-template", 1),
        ("Copy boilerplate from an older service and clean it up", "developer", "IDE", 240, 0, "service-template", 2),
        ("Ask the platform team for a CI pipeline", "platform", "Jira", 20, 2160, "ci-cd-pipeline", 2),
        ("Request a Kubernetes namespace and quota", "platform", "Jira", 15, 1440, "self-service-infra", 2),
        ("Create secrets by hand and share them over chat", "developer", "Slack", 45, 240, "secrets-manager", 1),
        ("Request a database", "dba", "ServiceNow", 20, 2880, "self-service-infra", 5),
        ("Set up dashboards and alerts", "developer", "Grafana", 180, 60, "observability-defaults", 2),
        ("Security review before first deploy", "security", "Jira", 30, 4320, "", 0),
        ("Register the service in the wiki", "developer", "Confluence", 30, 0, "service-template", 0),
    ]),
    "local-env": ("Set up a local development environment", 60, "dev-containers", [
        ("Find the setup guide for the repository", "developer", "Confluence", 25, 0, "dev-containers", 0),
        ("Install the right language runtime and tools", "developer", "Terminal", 90, 0, "dev-containers", 5),
        ("Ask on chat why the build fails locally", "developer", "Slack", 20, 180, "dev-containers", 0),
        ("Request credentials for the shared test services", "it-operations", "ServiceNow", 10, 1440, "access-portal", 2),
        ("Run the test suite for the first time", "developer", "Terminal", 30, 15, "", 0),
    ]),
    "deploy-change": ("Deploy a change to production", 1400, "ci-cd-pipeline", [
        ("Open a pull request and wait for review", "developer", "GitHub", 20, 240, "", 0),
        ("Wait for the CI queue and the build", "developer", "Jenkins", 5, 55, "ci-cd-pipeline", 12),
        ("Fill in a change-request ticket", "developer", "ServiceNow", 25, 0, "ci-cd-pipeline", 0),
        ("Wait for the change advisory board", "change-board", "ServiceNow", 5, 1440, "ci-cd-pipeline", 0),
        ("Run the deploy script and watch it", "developer", "Terminal", 40, 20, "ci-cd-pipeline", 5),
        ("Check dashboards after the deploy", "developer", "Grafana", 15, 0, "observability-defaults", 2),
    ]),
    "preview-env": ("Get a preview environment for a pull request", 900, "preview-envs", [
        ("Ask for a slot on the shared staging cluster", "qa", "Slack", 5, 300, "preview-envs", 0),
        ("Deploy the branch to staging by hand", "developer", "Terminal", 35, 25, "preview-envs", 8),
        ("Seed test data", "developer", "Terminal", 20, 0, "preview-envs", 2),
        ("Share the link and collect feedback", "developer", "Slack", 10, 120, "", 0),
        ("Tear down the environment", "developer", "Terminal", 10, 0, "preview-envs", 0),
    ]),
    "db-access": ("Get read access to a production database", 80, "access-portal", [
        ("Find out who owns the database", "developer", "Slack", 20, 120, "access-portal", 0),
        ("File an access request", "developer", "ServiceNow", 15, 0, "access-portal", 2),
        ("Manager approval", "manager", "ServiceNow", 2, 720, "access-portal", 1),
        ("DBA grants the role", "dba", "ServiceNow", 10, 1440, "access-portal", 1),
    ]),
    "new-database": ("Provision a database", 25, "self-service-infra", [
        ("Estimate size and cost in a spreadsheet", "developer", "Spreadsheet", 60, 0, "self-service-infra", 5),
        ("File a request with the DBA team", "developer", "ServiceNow", 20, 0, "self-service-infra", 2),
        ("DBA team provisions the database", "dba", "Terraform", 60, 4320, "self-service-infra", 15),
        ("Network team opens the firewall", "network", "ServiceNow", 15, 2880, "self-service-infra", 2),
        ("Store the credentials", "developer", "Vault", 15, 0, "secrets-manager", 1),
    ]),
    "rotate-secret": ("Rotate a service credential", 40, "secrets-manager", [
        ("Find every place the secret is used", "developer", "IDE", 60, 0, "secrets-manager", 0),
        ("Ask the security team for a new credential", "security", "Jira", 10, 1440, "secrets-manager", 1),
        ("Update the secret in every environment", "developer", "Terminal", 45, 0, "secrets-manager", 2),
        ("Redeploy the affected services", "developer", "Jenkins", 20, 60, "ci-cd-pipeline", 5),
    ]),
    "add-alerting": ("Add dashboards and alerts for a service", 30, "observability-defaults", [
        ("Learn the metrics query language", "developer", "Grafana", 120, 0, "observability-defaults", 0),
        ("Build a dashboard", "developer", "Grafana", 90, 0, "observability-defaults", 2),
        ("Ask the SRE team to route alerts to the on-call rota", "sre", "Jira", 10, 1440, "observability-defaults", 1),
        ("Tune noisy alerts after the first week", "developer", "Grafana", 60, 0, "", 0),
    ]),
    "onboard-developer": ("Onboard a new developer", 25, "access-portal", [
        ("Wait for a laptop", "it-operations", "ServiceNow", 10, 2880, "", 0),
        ("Request accounts for ten different tools", "it-operations", "ServiceNow", 60, 2880, "access-portal", 5),
        ("Request repository access", "developer", "Slack", 10, 480, "access-portal", 1),
        ("Set up the local environment", "developer", "Terminal", 240, 0, "dev-containers", 15),
        ("Make and ship a first small change", "developer", "GitHub", 120, 480, "ci-cd-pipeline", 20),
    ]),
    "add-dependency": ("Add a third-party library", 300, "dependency-bot", [
        ("Check the library's licence with legal", "legal", "Email", 10, 1440, "dependency-bot", 0),
        ("Ask security to scan the library", "security", "Jira", 5, 720, "dependency-bot", 1),
        ("Add it and fix version conflicts", "developer", "IDE", 45, 0, "dependency-bot", 5),
    ]),
    "debug-incident": ("Find logs and traces for an incident", 150, "observability-defaults", [
        ("Find which dashboard belongs to the service", "developer", "Grafana", 15, 0, "observability-defaults", 1),
        ("Ask for access to the production logs", "sre", "Slack", 5, 60, "access-portal", 1),
        ("Correlate logs and traces by hand", "developer", "Kibana", 45, 0, "observability-defaults", 5),
        ("Write up the timeline", "developer", "Confluence", 30, 0, "", 0),
    ]),
    "cloud-resources": ("Request a cloud bucket or queue", 70, "self-service-infra", [
        ("Copy a Terraform module from another team", "developer", "Terraform", 45, 0, "self-service-infra", 2),
        ("Wait for the platform team's review of the change", "platform", "GitHub", 10, 1440, "self-service-infra", 2),
        ("Apply the change during the weekly window", "platform", "Terraform", 20, 2400, "self-service-infra", 5),
        ("Tag the resource for cost allocation", "developer", "Console", 10, 0, "self-service-infra", 0),
    ]),
    "renew-certificate": ("Renew a TLS certificate", 15, "secrets-manager", [
        ("Notice the expiry warning", "developer", "Email", 5, 0, "secrets-manager", 0),
        ("Request a certificate from the security team", "security", "Jira", 10, 2880, "secrets-manager", 1),
        ("Install the certificate on the load balancer", "network", "Console", 30, 480, "secrets-manager", 1),
    ]),
    "rerun-flaky-pipeline": ("Re-run a flaky CI pipeline", 500, "ci-cd-pipeline", [
        ("Investigate whether the failure is real", "developer", "Jenkins", 20, 0, "ci-cd-pipeline", 2),
        ("Re-run the pipeline and wait", "developer", "Jenkins", 2, 45, "ci-cd-pipeline", 10),
        ("Ask the build team to fix the agent", "build", "Slack", 5, 240, "ci-cd-pipeline", 0),
    ]),
}


def _jitter(rng: np.random.Generator, values: np.ndarray, spread: float) -> np.ndarray:
    """Multiplicative noise, rounded to whole minutes; zeros stay zero."""
    noisy = values * rng.lognormal(0.0, spread, size=values.shape)
    return np.where(values > 0, np.maximum(1, np.round(noisy)), 0).astype(int)


def generate(rng: np.random.Generator, scale: int = 1) -> dict[str, pd.DataFrame]:
    """Return the three Week 1 tables. ``scale`` multiplies the organisation's task volume."""
    caps = pd.DataFrame(
        [(c, d, w) for c, (d, w) in CAPABILITIES.items()],
        columns=["capability", "description", "build_weeks"],
    )
    task_rows, step_rows = [], []
    for task_id, (title, occ, cap, steps) in TASKS.items():
        task_rows.append((task_id, title, occ, cap, len(steps)))
        for n, (desc, actor, tool, active, waiting, step_cap, auto) in enumerate(steps, start=1):
            step_rows.append((task_id, n, desc, actor, tool, active, waiting, step_cap, auto))
    tasks = pd.DataFrame(task_rows, columns=["task_id", "task", "monthly_occurrences", "capability", "steps"])
    tasks["monthly_occurrences"] = _jitter(rng, tasks["monthly_occurrences"].to_numpy(float) * scale, 0.05)
    journey = pd.DataFrame(step_rows, columns=[
        "task_id", "step_no", "step", "actor", "tool", "active_minutes", "waiting_minutes",
        "capability", "automated_minutes"])
    journey["active_minutes"] = _jitter(rng, journey["active_minutes"].to_numpy(float), 0.15)
    journey["waiting_minutes"] = _jitter(rng, journey["waiting_minutes"].to_numpy(float), 0.15)
    journey["handoff"] = journey["actor"].ne("developer")
    journey["observations"] = rng.integers(4, 13, size=len(journey))
    journey = journey[["task_id", "step_no", "step", "actor", "handoff", "tool", "active_minutes",
                       "waiting_minutes", "capability", "automated_minutes", "observations"]]
    return {"developer_tasks": tasks, "developer_journey": journey, "platform_capabilities": caps}


SCHEMAS = {
    "developer_tasks": {
        "title": "Common developer tasks",
        "description": "The common tasks of the time-and-motion study, how often they happen and which "
                       "platform capability would automate each end to end.",
        "primaryKey": ["task_id"],
        "fields": [
            ("task_id", "string", "Task identifier (kebab-case).", {"required": True, "unique": True}),
            ("task", "string", "What the developer is trying to get done.", {"required": True}),
            ("monthly_occurrences", "integer", "Times the task is done per month across the organisation (count).", {"required": True, "minimum": 0}),
            ("capability", "string", "Platform capability that would automate the whole task (see platform_capabilities).", {"required": True}),
            ("steps", "integer", "Number of steps of the task in developer_journey.", {"required": True, "minimum": 1}),
        ],
    },
    "developer_journey": {
        "title": "Developer journey (time-and-motion study)",
        "description": "One row per step of each common task: median active and waiting minutes of the "
                       "observed developers, who performs the step and with which tool.",
        "primaryKey": ["task_id", "step_no"],
        "foreignKeys": [{"fields": "task_id", "reference": {"resource": "developer_tasks", "fields": "task_id"}}],
        "fields": [
            ("task_id", "string", "Task the step belongs to (developer_tasks.task_id).", {"required": True}),
            ("step_no", "integer", "Position of the step in the task, from 1.", {"required": True, "minimum": 1}),
            ("step", "string", "What happens in the step.", {"required": True}),
            ("actor", "string", "Who performs the step: the developer or another team.", {"required": True}),
            ("handoff", "boolean", "True when another team performs the step (a hand-off from the developer).", {"required": True}),
            ("tool", "string", "Main tool used in the step.", {"required": True}),
            ("active_minutes", "integer", "Median hands-on minutes spent on the step (minutes).", {"required": True, "minimum": 0}),
            ("waiting_minutes", "integer", "Median minutes spent waiting before the step completes (minutes).", {"required": True, "minimum": 0}),
            ("capability", "string", "Platform capability that could automate the step; empty if none.", {}),
            ("automated_minutes", "integer", "Hands-on minutes the step still takes once automated (minutes; 0 if none).", {"required": True, "minimum": 0}),
            ("observations", "integer", "Number of developers observed doing the step (count).", {"required": True, "minimum": 1}),
        ],
    },
    "platform_capabilities": {
        "title": "Platform capabilities",
        "description": "Capabilities a golden path can include, with the effort to build each.",
        "primaryKey": ["capability"],
        "fields": [
            ("capability", "string", "Capability identifier.", {"required": True, "unique": True}),
            ("description", "string", "What the capability gives a developer.", {"required": True}),
            ("build_weeks", "integer", "Estimated platform-team effort to build it (engineer-weeks).", {"required": True, "minimum": 1}),
        ],
    },
}
