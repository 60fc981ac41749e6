"""Week 8: developer experience. A two-wave developer survey (SPACE satisfaction and well-being,
performance, communication and collaboration, efficiency and flow; Likert 1-5; SPACE activity comes
from system data, not the survey), weekly activity per developer (pull requests,
reviews, commits, meetings) and support tickets to the platform team."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .common import HISTORY_START, R, U, enum, iso, lognormal, pick, pick_author, working_time

ITEMS = [  # item, SPACE dimension, text, reverse coded
    ("q01", "satisfaction", "I am satisfied with my work at Tidewater.", False),
    ("q02", "satisfaction", "I would recommend our engineering tools to a friend.", False),
    ("q03", "satisfaction", "I feel burned out by my work.", True),
    ("q04", "satisfaction", "I can sustain my current workload.", False),
    ("q05", "efficiency", "I can stay in flow for long stretches most days.", False),
    ("q06", "efficiency", "Waiting for builds, reviews or environments slows me down.", True),
    ("q07", "efficiency", "I can get a change to production without asking another team.", False),
    ("q08", "communication", "I can find the documentation I need.", False),
    ("q09", "communication", "I know who owns a service I depend on.", False),
    ("q10", "performance", "Our services are reliable.", False),
    ("q11", "performance", "Code reviews improve the quality of our work.", False),
    # Meetings are communication and collaboration in SPACE ("quality of meetings"); SPACE's activity
    # dimension counts actions (commits, pull requests, reviews, deployments): it comes from system
    # data (developer_activity), not from this survey.
    ("q12", "communication", "The number of meetings I attend is about right.", False),
]
WAVES = {"2026-03": pd.Timestamp("2026-03-16"), "2026-08": pd.Timestamp("2026-08-17")}
CATEGORIES = {  # category: (share, median hours to resolve, doc of the category's usual case or "")
    "access": (0.24, 20.0, "access-requests"), "ci-failure": (0.18, 6.0, "first-build"),
    "kubernetes": (0.14, 10.0, "namespaces-and-quotas"), "infrastructure-request": (0.12, 30.0, "databases"),
    "onboarding": (0.08, 16.0, "start-here"), "documentation": (0.07, 12.0, "service-catalog"),
    "cost-and-tags": (0.05, 24.0, "cost-tagging"), "incident-tooling": (0.06, 4.0, "incident-process"),
    "other": (0.06, 20.0, ""),
}
# What each kind of ticket needs, per summary: (docs page that covers it or "", needs a human whatever
# the docs say). A page covering a topic does not make every ticket on it self-serviceable: write access
# needs the owning team's approval, a stuck pipeline or a flaky test needs someone to fix it.
RESOLUTION = {
    "Need write access to a repository": ("repository-access", True),
    "Production DB read access expired": ("access-requests", False),
    "Cannot log in to Grafana": ("", True),
    "Build fails with missing secret": ("first-build", False),
    "Pipeline stuck in queue": ("", True),
    "Flaky integration test blocks merge": ("", True),
    "Pod rejected by admission policy": ("kubernetes-labels", False),
    "Namespace quota exceeded": ("namespaces-and-quotas", False),
    "Pods OOMKilled after deploy": ("namespaces-and-quotas", False),
    "Need a large Postgres database": ("databases", True),
    "Redis cache for new service": ("", True),
    "Bucket in another region": ("", True),
    "New joiner has no laptop yet": ("start-here", True),
    "Accounts not created for new hire": ("start-here", False),
    "Dev container will not start": ("laptop-setup", False),
    "How to register a service in the catalog?": ("service-catalog", False),
    "Docs for preview environments are outdated": ("preview-environments", True),
    "Untagged resources in our cost report": ("cost-tagging", False),
    "Why did our cloud cost double?": ("finops-reports", True),
    "Pager did not fire during incident": ("", True),
    "Cannot declare incident from chat": ("incident-process", False),
    "Question about API guidelines": ("api-guidelines", False),
    "Feature flag cleanup help": ("feature-flags", False),
}
SUMMARIES = {
    "access": ["Need write access to a repository", "Production DB read access expired", "Cannot log in to Grafana"],
    "ci-failure": ["Build fails with missing secret", "Pipeline stuck in queue", "Flaky integration test blocks merge"],
    "kubernetes": ["Pod rejected by admission policy", "Namespace quota exceeded", "Pods OOMKilled after deploy"],
    "infrastructure-request": ["Need a large Postgres database", "Redis cache for new service", "Bucket in another region"],
    "onboarding": ["New joiner has no laptop yet", "Accounts not created for new hire", "Dev container will not start"],
    "documentation": ["How to register a service in the catalog?", "Docs for preview environments are outdated"],
    "cost-and-tags": ["Untagged resources in our cost report", "Why did our cloud cost double?"],
    "incident-tooling": ["Pager did not fire during incident", "Cannot declare incident from chat"],
    "other": ["Question about API guidelines", "Feature flag cleanup help"],
}


def _survey(rng, devs, design, teams):
    rows = []
    for wave, when in WAVES.items():
        pop = devs[pd.to_datetime(devs["start_date"]) < when]
        take = pop.sample(frac=0.72, random_state=int(rng.integers(2**31)))
        rows.append(take.assign(wave=wave))
    r = pd.concat(rows, ignore_index=True)
    n = len(r)
    prof = r["team_id"].map(design["dora_profile"]).map({"elite": 0.6, "high": 0.25, "medium": -0.1, "low": -0.6}).to_numpy()
    later = (r["wave"] == "2026-08").to_numpy()
    plat = r["team_id"].map(teams.set_index("team_id")["topology"]).eq("platform").to_numpy()
    person = rng.normal(0, 0.6, n)
    out = pd.DataFrame({"wave": r["wave"], "team_id": r["team_id"],
                        "role_group": np.where(r["role"].eq("engineering-manager"), "manager", "individual-contributor"),
                        "tenure_band": pd.cut((WAVES["2026-08"] - pd.to_datetime(r["start_date"])).dt.days / 365,
                                              [-1, 1, 3, 100], labels=["<1y", "1-3y", ">3y"]).astype(str)})
    meet = np.where(r["role"].eq("engineering-manager"), -0.8, 0.0)
    for item, dim, _text, rev in ITEMS:
        lift = 0.0
        if dim in ("efficiency", "communication") and item != "q12":
            lift = np.where(later, 0.45, 0.0)  # the golden path and the portal helped (not with meetings)
        base = 3.2 + prof + person + lift + (meet if item == "q12" else 0) + np.where(plat & (item == "q07"), 0.4, 0)
        if item == "q03":
            base = 3.2 - prof * 0.8 - person * 0.5 + np.where(r["role"].eq("engineering-manager"), 0.4, 0)
        elif rev:
            base = 6 - base
        val = np.clip(np.round(base + rng.normal(0, 0.8, n)), 1, 5)
        val = np.where(rng.random(n) < 0.03, np.nan, val)  # skipped questions
        out[item] = pd.array(val, dtype="Float64").astype("Int64")
    out = out.sort_values(["wave", "team_id"], kind="stable").reset_index(drop=True)
    out.insert(0, "response_id", [f"R{i:04d}" for i in range(1, len(out) + 1)])
    qs = pd.DataFrame(ITEMS, columns=["item", "dimension", "text", "reverse_coded"])
    qs["reverse_coded"] = np.where(qs["reverse_coded"], "true", "false")
    qs["scale"] = "1 = strongly disagree ... 5 = strongly agree"
    return out, qs


def _activity(rng, devs, commits, prs):
    weeks = pd.date_range(HISTORY_START.tz_localize(None), periods=26, freq="7D")
    start = pd.to_datetime(devs["start_date"])
    grid = pd.DataFrame({"developer_id": np.repeat(devs["developer_id"].to_numpy(), len(weeks)),
                         "week": np.tile(weeks, len(devs))})
    started = np.repeat(start.to_numpy(), len(weeks)) <= grid["week"].to_numpy() + np.timedelta64(6, "D")
    grid = grid[started].reset_index(drop=True)
    cw = commits.assign(week=pd.to_datetime(commits["committed_at"]).dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time)
    c = cw.groupby(["author", "week"]).size().rename("commits")
    pw = prs.assign(week=pd.to_datetime(prs["opened_at"]).dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time)
    p = pw.groupby(["author", "week"]).size().rename("prs_opened")
    g = grid.merge(c, left_on=["developer_id", "week"], right_index=True, how="left") \
        .merge(p, left_on=["developer_id", "week"], right_index=True, how="left")
    g[["commits", "prs_opened"]] = g[["commits", "prs_opened"]].fillna(0).astype(int)
    role = g["developer_id"].map(devs.set_index("developer_id")["role"]).to_numpy()
    n = len(g)
    g["reviews_given"] = rng.poisson(np.where(np.isin(role, ["senior-engineer", "staff-engineer"]), 4.0, 1.8)
                                     * (g["prs_opened"].to_numpy() > 0) + 0.5)
    g["meeting_hours"] = np.round(np.where(role == "engineering-manager", lognormal(rng, 18, 0.25, n), lognormal(rng, 6, 0.4, n)), 1)
    g["focus_hours"] = np.round(np.clip(34 - g["meeting_hours"] - rng.uniform(2, 8, n), 0, None), 1)
    g["on_call"] = np.where(rng.random(n) < np.where(np.isin(role, ["sre", "senior-engineer"]), 0.12, 0.05), "true", "false")
    g["week"] = g["week"].dt.strftime("%Y-%m-%d")
    return g.sort_values(["week", "developer_id"], kind="stable").reset_index(drop=True)


def _tickets(rng, devs, scale):
    n = 1700 * scale
    cats = list(CATEGORIES)
    cat = pick(rng, cats, n, p=[CATEGORIES[c][0] for c in cats])
    t = working_time(rng, n)
    who = devs.iloc[rng.choice(len(devs), n)]
    who = who.assign(developer_id=pick_author(rng, who["team_id"].to_numpy(), t, devs))
    med = pd.Series(cat).map({c: v[1] for c, v in CATEGORIES.items()}).to_numpy()
    later = t >= pd.Timestamp("2026-06-01T00:00:00Z").timestamp()
    med = med * np.where(later & np.isin(cat, ["access", "onboarding", "infrastructure-request"]), 0.4, 1.0)
    first = t + (lognormal(rng, 1.5, 0.9, n) * 3600).astype(np.int64)
    res = first + (lognormal(rng, med, 0.8, n) * 3600).astype(np.int64)
    summary = np.array([SUMMARIES[c][i % len(SUMMARIES[c])] for c, i in zip(cat, rng.integers(0, 3, n))])
    end = pd.Timestamp("2026-08-31T00:00:00Z").timestamp()
    df = pd.DataFrame({"_t": t, "opened_at": iso(t).to_numpy(), "requester": who["developer_id"].to_numpy(),
                       "team_id": who["team_id"].to_numpy(), "category": cat,
                       "channel": pick(rng, ["chat", "portal", "email"], n, p=[0.55, 0.35, 0.1]),
                       "priority": pick(rng, ["low", "normal", "high", "urgent"], n, p=[0.25, 0.5, 0.2, 0.05]),
                       "summary": summary,
                       "first_response_at": iso(np.where(first < end, first, np.nan)).to_numpy(),
                       "resolved_at": iso(np.where(res < end, res, np.nan)).to_numpy(),
                       "answered_by_doc": pd.Series(summary).map({k: v[0] for k, v in RESOLUTION.items()})
                       .replace("", np.nan).to_numpy(),
                       "needs_human": np.where(pd.Series(summary).map({k: v[1] for k, v in RESOLUTION.items()}),
                                               "true", "false")})
    df = df.sort_values(["_t", "requester"], kind="stable").reset_index(drop=True)
    df.insert(0, "ticket_id", [f"PLAT-{i:05d}" for i in range(1, len(df) + 1)])
    return df.drop(columns="_t")


def generate(rng: np.random.Generator, scale: int = 1, tables: dict | None = None) -> dict:
    devs, design, teams = tables["developers"], tables["_design"], tables["teams"]
    survey, questions = _survey(rng, devs, design, teams)
    activity = _activity(rng, devs, tables["commits"], tables["pull_requests"])
    tickets = _tickets(rng, devs, scale)
    return {"survey_questions": questions, "survey_responses": survey, "developer_activity": activity,
            "support_tickets": tickets}


LIKERT = {"minimum": 1, "maximum": 5}
SCHEMAS = {
    "survey_questions": {
        "title": "Developer survey items", "primaryKey": ["item"],
        "description": "The items of the developer experience survey, mapped to SPACE dimensions.",
        "fields": [
            ("item", "string", "Item id (a column of survey_responses).", U),
            ("dimension", "string", "SPACE dimension the item measures.",
             enum(["satisfaction", "performance", "communication", "efficiency"])),
            ("text", "string", "Statement the developer rates.", R),
            ("reverse_coded", "boolean", "True when agreeing is bad (reverse before averaging: 6 - answer).", R),
            ("scale", "string", "Answer scale.", R),
        ],
    },
    "survey_responses": {
        "title": "Developer survey responses (two waves)", "primaryKey": ["response_id"],
        "description": "Anonymous answers to the developer survey in March and August 2026 (Likert 1-5; empty = "
                       "skipped). Only team, role group and tenure band are kept, to protect privacy.",
        "fields": [
            ("response_id", "string", "Response identifier.", U),
            ("wave", "string", "Survey wave (year-month).", enum(list(WAVES))),
            ("team_id", "string", "Respondent's team (teams.team_id).", R),
            ("role_group", "string", "manager or individual contributor.", enum(["manager", "individual-contributor"])),
            ("tenure_band", "string", "Time at Tidewater.", enum(["<1y", "1-3y", ">3y"])),
            *[(item, "integer", f"{text} (1-5){' - reverse coded' if rev else ''}", LIKERT) for item, _d, text, rev in ITEMS],
        ],
    },
    "developer_activity": {
        "title": "Weekly activity per developer", "primaryKey": ["developer_id", "week"],
        "description": "Per developer and week (Monday start): commits and pull requests (counted from commits and "
                       "pull_requests), reviews given, hours in meetings and in focus blocks, on-call duty.",
        "fields": [
            ("developer_id", "string", "Developer (developers.developer_id).", R),
            ("week", "date", "Monday of the week.", R),
            ("commits", "integer", "Commits authored (count).", R),
            ("prs_opened", "integer", "Pull requests opened (count).", R),
            ("reviews_given", "integer", "Pull request reviews given (count).", R),
            ("meeting_hours", "number", "Hours in scheduled meetings (hours).", R),
            ("focus_hours", "number", "Hours in calendar blocks of 2 hours or more without meetings (hours).", R),
            ("on_call", "boolean", "True if on call that week.", R),
        ],
    },
    "support_tickets": {
        "title": "Support tickets to the platform team", "primaryKey": ["ticket_id"],
        "description": "Requests for help sent to the platform team by chat, portal or e-mail, with response and "
                       "resolution times. answered_by_doc names the docs page that covers the ticket's case (if any); "
                       "needs_human says whether the request needs a person (an approval, a fix) whatever the docs say.",
        "fields": [
            ("ticket_id", "string", "Ticket identifier, in time order.", U),
            ("opened_at", "datetime", "Opened (UTC).", R),
            ("requester", "string", "Requester (developers.developer_id).", R),
            ("team_id", "string", "Requester's team (teams.team_id).", R),
            ("category", "string", "Topic.", enum(list(CATEGORIES))),
            ("channel", "string", "How it was raised.", enum(["chat", "portal", "email"])),
            ("priority", "string", "Priority.", enum(["low", "normal", "high", "urgent"])),
            ("summary", "string", "Short summary.", R),
            ("first_response_at", "datetime", "First response (UTC); empty if none yet.", {}),
            ("resolved_at", "datetime", "Resolved (UTC); empty if still open.", {}),
            ("answered_by_doc", "string", "Docs page (docs/<slug>.md) that covers this ticket's case; empty if none.", {}),
            ("needs_human", "boolean", "True if the request needs a person (an approval, a fix, a decision) even with "
             "the page at hand; False if the requester could have done it alone.", R),
        ],
    },
}
