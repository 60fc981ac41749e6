"""Capstone: Tidewater at enterprise scale, one year after the platform launch.

A separate, self-contained organisation (it draws nothing from the other modules): about 130 teams
and 1,200 developers after Tidewater's merger with two other retailers, 400+ services, and only the
tables the capstone's platform scorecard needs. Three windows matter (UTC, half-open):

- the BASELINE quarter, 2026-01-01 to 2026-04-01, before the platform launched (2026-04-01);
- the CURRENT quarter, 2026-07-01 to 2026-10-01, the quarter the scorecard judges;
- the last 30 days of it, 2026-09-01 to 2026-10-01, for "teams actively using the platform".

Planted on purpose (the scorecard's honest verdicts depend on them): some teams used the platform
earlier in the quarter but not in its last 30 days; a service created exactly at the start of the
current quarter; developers who answered the survey twice in a wave; outages that overlap (summing
them overstates the downtime) and one that straddles the start of the quarter.
Everything is vectorised and seeded: the same seed gives the same bytes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .common import R, U, enum, iso, lognormal, pick

BASELINE = (pd.Timestamp("2026-01-01T00:00:00Z"), pd.Timestamp("2026-04-01T00:00:00Z"))
LAUNCH = pd.Timestamp("2026-04-01T00:00:00Z")
CURRENT = (pd.Timestamp("2026-07-01T00:00:00Z"), pd.Timestamp("2026-10-01T00:00:00Z"))
BUSINESS_UNITS = ["retail", "marketplace", "logistics", "payments", "data", "corporate", "acquired-north", "acquired-south"]
TOPOLOGIES = ["stream-aligned", "platform", "enabling", "complicated-subsystem"]
ACTIONS = {  # action: (share of events, median seconds, sigma, failure rate)
    "deploy": (0.38, 420.0, 0.6, 0.04),
    "run-pipeline": (0.30, 540.0, 0.5, 0.08),
    "provision-env": (0.18, 41.0, 0.45, 0.05),
    "open-portal": (0.14, 2.0, 0.4, 0.0),
}
COMPONENTS = ["portal", "ci", "gitops", "provisioning", "registry"]
# Platform outages (component, start, minutes), planted: two pairs overlap, one straddles 2026-07-01.
OUTAGES = [
    ("gitops", "2026-06-30T23:20:00Z", 70), ("ci", "2026-07-09T14:05:00Z", 10), ("portal", "2026-07-21T10:00:00Z", 5),
    ("registry", "2026-08-04T08:30:00Z", 31), ("ci", "2026-08-04T08:40:00Z", 20), ("provisioning", "2026-08-19T16:00:00Z", 8),
    ("portal", "2026-09-02T11:10:00Z", 6), ("gitops", "2026-09-15T02:00:00Z", 18), ("ci", "2026-09-15T02:05:00Z", 15),
    ("provisioning", "2026-09-28T13:40:00Z", 7), ("portal", "2026-03-11T09:00:00Z", 95),
]


def _times(rng: np.random.Generator, n: int, start: pd.Timestamp, end: pd.Timestamp) -> np.ndarray:
    """``n`` epoch seconds in [start, end), mostly on weekdays in working hours (UTC)."""
    t0, t1 = int(start.timestamp()), int(end.timestamp())
    days = np.arange(t0 // 86400, t1 // 86400)
    w = np.where((days + 3) % 7 >= 5, 0.1, 1.0)
    picked = rng.choice(days, size=n, p=w / w.sum())
    hours = np.clip(rng.normal(12.5, 2.6, n), 6.0, 21.5)
    return np.clip(picked * 86400 + (hours * 3600).astype(np.int64) + rng.integers(0, 60, n), t0, t1 - 1)


def generate(rng: np.random.Generator, scale: int = 1) -> dict:
    """The capstone's organisation. It is already at enterprise scale, so ``scale`` (the other modules'
    volume multiplier, ``python -m datagen --scale N``) leaves it as it is: the capstone runs on the
    same data, and within the same budget, at every scale."""
    # teams: 130, most of them stream-aligned
    nt = 130
    teams = pd.DataFrame({
        "team_id": [f"E-T{i:03d}" for i in range(1, nt + 1)],
        "business_unit": pick(rng, BUSINESS_UNITS, nt, p=[0.2, 0.14, 0.12, 0.12, 0.1, 0.08, 0.14, 0.1]),
        "topology": pick(rng, TOPOLOGIES, nt, p=[0.84, 0.06, 0.04, 0.06]),
    })
    teams.loc[:3, "topology"] = "platform"
    size = np.clip(np.round(lognormal(rng, 8.5, 0.35, nt)), 3, 20).astype(int)
    team_ids = teams["team_id"].to_numpy()

    # developers and their onboarding (working hours from first login to first production deploy)
    owner = np.repeat(team_ids, size)
    nd = len(owner)
    start = _times(rng, nd, pd.Timestamp("2019-01-01T00:00:00Z"), CURRENT[1])
    recent = start >= int(BASELINE[0].timestamp())
    after = start >= int(LAUNCH.timestamp())
    hours = np.round(np.where(after, lognormal(rng, 19.0, 0.7, nd), lognormal(rng, 46.0, 0.6, nd)), 1)
    not_yet = after & (start > int(CURRENT[1].timestamp()) - 10 * 86400) & (rng.random(nd) < 0.7)
    developers = pd.DataFrame({
        "developer_id": [f"E-D{i:05d}" for i in range(1, nd + 1)], "team_id": owner,
        "start_date": pd.to_datetime(start, unit="s").strftime("%Y-%m-%d"),
        "onboarding_hours": np.where(recent & ~not_yet, hours, np.nan),
    })

    # services: existing ones, then new ones (manual before the launch, mostly golden path after)
    n_old, n_new = 280, 150
    t_old = rng.integers(int(pd.Timestamp("2017-01-01").timestamp()), int(BASELINE[0].timestamp()), n_old)
    t_new = _times(rng, n_new, BASELINE[0], CURRENT[1])
    launched = t_new >= int(LAUNCH.timestamp())
    via = np.where(launched & (rng.random(n_new) < np.where(t_new >= int(CURRENT[0].timestamp()), 0.76, 0.6)),
                   "golden-path", "manual")
    t_new[0], via[0] = int(CURRENT[0].timestamp()), "manual"  # exactly at the start of the current quarter
    created = np.concatenate([t_old, t_new])
    ns = n_old + n_new
    services = pd.DataFrame({
        "service_id": [f"svc-{i:04d}" for i in range(1, ns + 1)],
        "team_id": pick(rng, team_ids[teams["topology"].ne("enabling").to_numpy()], ns),
        "created_at": iso(created),
        "created_via": np.concatenate([np.where(rng.random(n_old) < 0.3, "imported", "manual"), via]),
        "tier": pick(rng, ["tier-1", "tier-2", "tier-3"], ns, p=[0.2, 0.45, 0.35]),
    }).sort_values("created_at", kind="stable").reset_index(drop=True)

    # platform usage in the current quarter: one row per action; 11 teams go quiet in the last 30 days
    n_ev = 60_000
    dev_idx = rng.integers(0, nd, n_ev)
    share = np.array([v[0] for v in ACTIONS.values()])
    action = pick(rng, list(ACTIONS), n_ev, p=share / share.sum())
    at = _times(rng, n_ev, *CURRENT)
    ev_team = owner[dev_idx]
    quiet = np.isin(ev_team, rng.choice(team_ids[4:], 11, replace=False))
    never = np.isin(ev_team, rng.choice(team_ids[4:], 2, replace=False))
    keep = ~never & ~(quiet & (at >= int(pd.Timestamp("2026-09-01T00:00:00Z").timestamp())))
    med = pd.Series(action).map({k: v[1] for k, v in ACTIONS.items()}).to_numpy()
    sig = pd.Series(action).map({k: v[2] for k, v in ACTIONS.items()}).to_numpy()
    fail = rng.random(n_ev) < pd.Series(action).map({k: v[3] for k, v in ACTIONS.items()}).to_numpy()
    dur = np.exp(np.log(med) + sig * rng.normal(size=n_ev)) * np.where(fail, 2.5, 1.0)
    usage = pd.DataFrame({"at": at, "developer_id": developers["developer_id"].to_numpy()[dev_idx], "team_id": ev_team,
                          "action": action, "duration_seconds": np.round(dur, 1), "succeeded": ~fail})[keep]
    gp = services[services["created_via"].eq("golden-path")]
    gp_at = ((pd.to_datetime(gp["created_at"]) - pd.Timestamp("1970-01-01T00:00:00Z")) // pd.Timedelta(seconds=1)).to_numpy()
    gp = gp[gp_at >= int(CURRENT[0].timestamp())]
    gp_at = gp_at[gp_at >= int(CURRENT[0].timestamp())]
    ng = len(gp)
    team_devs = developers.groupby("team_id")["developer_id"].first()
    sfail = rng.random(ng) < 0.1
    scaffold = pd.DataFrame({"at": gp_at, "developer_id": team_devs.reindex(gp["team_id"]).to_numpy(),
                             "team_id": gp["team_id"].to_numpy(), "action": "scaffold-service",
                             "duration_seconds": np.round(lognormal(rng, 250.0, 0.45, ng) * np.where(sfail, 1.8, 1.0), 1),
                             "succeeded": ~sfail})
    usage = pd.concat([usage, scaffold], ignore_index=True).sort_values(["at", "developer_id"], kind="stable")
    usage["at"] = iso(usage["at"].to_numpy()).to_numpy()
    usage["succeeded"] = np.where(usage["succeeded"], "true", "false")
    usage.insert(0, "event_id", [f"E-U{i:06d}" for i in range(1, len(usage) + 1)])
    usage = usage.reset_index(drop=True)

    # survey: two waves, 1-5 "overall, I am satisfied with the platform"; some answer twice
    waves = {"2026-Q1": BASELINE, "2026-Q3": CURRENT}
    rows = []
    for wave, (w0, w1) in waves.items():
        staff = developers[pd.to_datetime(developers["start_date"], utc=True) < w0]
        take = staff.sample(frac=0.62, random_state=int(rng.integers(2**31)))
        again = take.sample(frac=0.08, random_state=int(rng.integers(2**31)))
        both = pd.concat([take, again], ignore_index=True)
        n = len(both)
        lo, hi = w0 + pd.Timedelta(days=45), w0 + pd.Timedelta(days=59)
        t = rng.integers(int(lo.timestamp()), int(hi.timestamp()), n)
        t[len(take):] = np.maximum(t[len(take):], t[:len(take)][take.index.get_indexer(again.index)] + 3600)
        base = 3.1 if wave == "2026-Q1" else 3.75
        score = np.clip(np.round(base + rng.normal(0, 0.95, n)), 1, 5)
        score = np.where(rng.random(n) < 0.03, np.nan, score)
        rows.append(pd.DataFrame({"developer_id": both["developer_id"].to_numpy(), "wave": wave,
                                  "submitted_at": t, "satisfaction": score}))
    survey = pd.concat(rows, ignore_index=True).sort_values(["submitted_at", "developer_id"], kind="stable")
    survey["submitted_at"] = iso(survey["submitted_at"].to_numpy()).to_numpy()
    survey["satisfaction"] = pd.array(survey["satisfaction"].to_numpy(), dtype="Float64").astype("Int64")
    survey.insert(0, "response_id", [f"E-S{i:05d}" for i in range(1, len(survey) + 1)])
    survey = survey.reset_index(drop=True)

    # support tickets to the platform team and operational incidents, January to September 2026
    q_start = [BASELINE[0], BASELINE[1], CURRENT[0]]
    q_end = [BASELINE[1], CURRENT[0], CURRENT[1]]
    def _events(per_quarter: list[int]) -> np.ndarray:
        return np.concatenate([_times(rng, k, a, b) for k, a, b in zip(per_quarter, q_start, q_end)])
    t_tk = np.sort(_events([2460, 1720, 1050]))
    tickets = pd.DataFrame({"ticket_id": [f"E-K{i:05d}" for i in range(1, len(t_tk) + 1)], "opened_at": iso(t_tk),
                            "team_id": pick(rng, team_ids, len(t_tk)),
                            "category": pick(rng, ["access", "ci-failure", "environments", "infrastructure", "docs", "other"],
                                             len(t_tk), p=[0.25, 0.22, 0.18, 0.15, 0.1, 0.1])})
    t_in = np.sort(_events([312, 240, 171]))
    incidents = pd.DataFrame({"incident_id": [f"E-I{i:04d}" for i in range(1, len(t_in) + 1)], "opened_at": iso(t_in),
                              "service_id": pick(rng, services["service_id"].to_numpy(), len(t_in)),
                              "severity": pick(rng, ["sev-1", "sev-2", "sev-3"], len(t_in), p=[0.08, 0.32, 0.6])})

    start_o = pd.to_datetime([s for _c, s, _m in OUTAGES], utc=True)
    outages = pd.DataFrame({"outage_id": [f"E-O{i:02d}" for i in range(1, len(OUTAGES) + 1)],
                            "component": [c for c, _s, _m in OUTAGES],
                            "started_at": start_o.strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "ended_at": (start_o + pd.to_timedelta([m for *_x, m in OUTAGES], unit="min")).strftime("%Y-%m-%dT%H:%M:%SZ")})
    outages = outages.sort_values("started_at", kind="stable").reset_index(drop=True)
    outages["outage_id"] = [f"E-O{i:02d}" for i in range(1, len(outages) + 1)]
    return {"enterprise_teams": teams, "enterprise_developers": developers, "enterprise_services": services,
            "enterprise_usage": usage, "enterprise_survey": survey, "enterprise_tickets": tickets,
            "enterprise_incidents": incidents, "enterprise_outages": outages}


_TEAM = "Team (enterprise_teams.team_id)."
_WHEN = "(UTC, ISO 8601)."
SCHEMAS = {
    "enterprise_teams": {
        "title": "Capstone: teams of the enterprise organisation", "primaryKey": ["team_id"],
        "description": "Every team of Tidewater after the merger (capstone), with its business unit and Team Topologies type.",
        "fields": [
            ("team_id", "string", "Team identifier (E-T001...).", U),
            ("business_unit", "string", "Business unit the team belongs to (two come from the acquired companies).", enum(BUSINESS_UNITS)),
            ("topology", "string", "Team Topologies type of the team.", enum(TOPOLOGIES)),
        ],
    },
    "enterprise_developers": {
        "title": "Capstone: developers and their onboarding", "primaryKey": ["developer_id"],
        "foreignKeys": [{"fields": "team_id", "reference": {"resource": "enterprise_teams", "fields": "team_id"}}],
        "description": "Every developer on staff on 2026-10-01 (about 1,180), the team and start date, and how long "
                       "onboarding took for those who joined in 2026.",
        "fields": [
            ("developer_id", "string", "Developer identifier (E-D00001...).", U),
            ("team_id", "string", _TEAM, R),
            ("start_date", "date", "First working day at Tidewater (YYYY-MM-DD).", R),
            ("onboarding_hours", "number", "Working hours from the first login to the first change deployed to production "
             "(hours). Empty for developers who joined before 2026 (not measured then) or who have not deployed yet.", {"minimum": 0}),
        ],
    },
    "enterprise_services": {
        "title": "Capstone: services and how each was created", "primaryKey": ["service_id"],
        "foreignKeys": [{"fields": "team_id", "reference": {"resource": "enterprise_teams", "fields": "team_id"}}],
        "description": "Every service in the catalog: owner, creation time and route (the golden-path template, by "
                       "hand, or imported from an acquired company). One service was created exactly at 2026-07-01T00:00:00Z.",
        "fields": [
            ("service_id", "string", "Service identifier (svc-0001...).", U),
            ("team_id", "string", "Owning team (enterprise_teams.team_id).", R),
            ("created_at", "datetime", f"When the service's repository was created {_WHEN}", R),
            ("created_via", "string", "How it was created: the golden-path template, manually, or imported in the merger.",
             enum(["golden-path", "manual", "imported"])),
            ("tier", "string", "Criticality tier (tier-1 is customer-facing and most critical).", enum(["tier-1", "tier-2", "tier-3"])),
        ],
    },
    "enterprise_usage": {
        "title": "Capstone: platform usage events (current quarter)", "primaryKey": ["event_id"],
        "foreignKeys": [{"fields": "team_id", "reference": {"resource": "enterprise_teams", "fields": "team_id"}}],
        "description": "One row per action a developer took through the platform from 2026-07-01 to 2026-09-30: deploy, "
                       "run a pipeline, provision an environment, open the portal, scaffold a new service from the "
                       "golden-path template. Some teams stopped using the platform before the last 30 days.",
        "fields": [
            ("event_id", "string", "Event identifier (E-U000001...).", U),
            ("at", "datetime", f"When the action started {_WHEN}", R),
            ("developer_id", "string", "Developer who acted (enterprise_developers.developer_id).", R),
            ("team_id", "string", "The developer's team (enterprise_teams.team_id).", R),
            ("action", "string", "What the developer did through the platform.", enum([*ACTIONS, "scaffold-service"])),
            ("duration_seconds", "number", "Time from request to result: for scaffold-service, until the new service's "
             "first pipeline succeeded; for provision-env, until the environment was ready (seconds).", {"required": True, "minimum": 0}),
            ("succeeded", "boolean", "False when the action failed (the developer had to retry or ask for help).", R),
        ],
    },
    "enterprise_survey": {
        "title": "Capstone: platform satisfaction survey (two waves)", "primaryKey": ["response_id"],
        "description": "Answers to \"Overall, I am satisfied with the platform\" (1 = strongly disagree ... 5 = strongly agree) "
                       "in 2026-Q1 and 2026-Q3. Some developers submitted twice in a wave (the later answer replaces the "
                       "earlier one); an empty score is a skipped question.",
        "fields": [
            ("response_id", "string", "Response identifier (E-S00001...).", U),
            ("developer_id", "string", "Respondent (enterprise_developers.developer_id).", R),
            ("wave", "string", "Survey wave.", enum(["2026-Q1", "2026-Q3"])),
            ("submitted_at", "datetime", f"When the answer was submitted {_WHEN}", R),
            ("satisfaction", "integer", "Answer on the 1-5 scale; empty when skipped.", {"minimum": 1, "maximum": 5}),
        ],
    },
    "enterprise_tickets": {
        "title": "Capstone: support tickets to the platform team", "primaryKey": ["ticket_id"],
        "description": "Every support ticket opened with the platform team from 2026-01-01 to 2026-09-30.",
        "fields": [
            ("ticket_id", "string", "Ticket identifier (E-K00001...).", U),
            ("opened_at", "datetime", f"When the ticket was opened {_WHEN}", R),
            ("team_id", "string", "Team that opened it (enterprise_teams.team_id).", R),
            ("category", "string", "What the ticket was about.",
             enum(["access", "ci-failure", "environments", "infrastructure", "docs", "other"])),
        ],
    },
    "enterprise_incidents": {
        "title": "Capstone: operational incidents", "primaryKey": ["incident_id"],
        "description": "Every operational incident declared on a service from 2026-01-01 to 2026-09-30.",
        "fields": [
            ("incident_id", "string", "Incident identifier (E-I0001...).", U),
            ("opened_at", "datetime", f"When the incident was declared {_WHEN}", R),
            ("service_id", "string", "Affected service (enterprise_services.service_id).", R),
            ("severity", "string", "Severity (sev-1 is the most severe).", enum(["sev-1", "sev-2", "sev-3"])),
        ],
    },
    "enterprise_outages": {
        "title": "Capstone: platform outages", "primaryKey": ["outage_id"],
        "description": "Periods when a platform component was unavailable to developers (from the status page). "
                       "Outages of different components can overlap; the platform is down while any component is.",
        "fields": [
            ("outage_id", "string", "Outage identifier (E-O01...).", U),
            ("component", "string", "Platform component that was down.", enum(COMPONENTS)),
            ("started_at", "datetime", f"Start of the outage {_WHEN}", R),
            ("ended_at", "datetime", f"End of the outage (exclusive) {_WHEN}", R),
        ],
    },
}
