"""The capstone's enterprise organisation (datagen/enterprise.py): the scale the issue asks for, a
size that travels with the assignment, and the planted cases the capstone's checks rely on."""
import sys

import pandas as pd
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from datagen import enterprise  # noqa: E402
from workbook.data import load  # noqa: E402

NAMES = list(enterprise.SCHEMAS)


@pytest.fixture(scope="module")
def t():
    return {n: load(n) for n in NAMES}


def test_scale_and_size_fit_the_capstone():
    sizes = {n: (ROOT / "data" / f"{n}.csv").stat().st_size for n in NAMES}
    assert sum(sizes.values()) < 15 * 2**20, sizes
    assert len(load("enterprise_developers")) >= 1000
    assert len(load("enterprise_services")) >= 100


def test_the_capstone_carries_every_enterprise_table():
    from tools import course

    assert set(course.load()["capstone"].datasets) == set(NAMES)


def test_ids_are_consistent_across_tables(t):
    team_ids = set(t["enterprise_teams"]["team_id"])
    for name in ("enterprise_developers", "enterprise_services", "enterprise_usage", "enterprise_tickets"):
        assert set(t[name]["team_id"]) <= team_ids, name
    devs = set(t["enterprise_developers"]["developer_id"])
    assert set(t["enterprise_usage"]["developer_id"]) <= devs
    assert set(t["enterprise_survey"]["developer_id"]) <= devs
    assert set(t["enterprise_incidents"]["service_id"]) <= set(t["enterprise_services"]["service_id"])


def test_planted_cases(t):
    start, end = enterprise.CURRENT
    # a service created exactly at the start of the current quarter
    assert (t["enterprise_services"]["created_at"] == start).sum() == 1
    # some developers answered twice in a wave
    s = t["enterprise_survey"]
    assert s.duplicated(["developer_id", "wave"]).sum() > 20
    # outages overlap inside the quarter, and one straddles its start
    o = t["enterprise_outages"].sort_values("started_at")
    assert (o["started_at"] < o["ended_at"].shift()).any()
    assert ((o["started_at"] < start) & (o["ended_at"] > start)).sum() == 1
    # teams that used the platform in the quarter but not in its last 30 days
    u = t["enterprise_usage"]
    last = pd.Timestamp("2026-09-01", tz="UTC")
    assert set(u["team_id"]) - set(u.loc[u["at"] >= last, "team_id"])
    assert u["at"].between(start, end, inclusive="left").all()
    # every golden-path service of the quarter was scaffolded through the platform
    sv = t["enterprise_services"]
    gp = sv[(sv["created_via"] == "golden-path") & (sv["created_at"] >= start)]
    assert len(u[u["action"] == "scaffold-service"]) == len(gp)
