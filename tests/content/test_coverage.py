"""Every CNCF exam domain is covered by graded work, the hands-on (CNPE) ones by exercises, and
the coverage page says so (docs/certification-coverage.md, generated)."""
from __future__ import annotations

import re

from conftest import ROOT
from tools import course as manifest
from tools import coverage


def test_every_domain_is_covered_and_cnpe_by_exercises():
    assert coverage.gaps() == []


def test_tagged_exercises_exist_in_their_notebooks():
    for a in manifest.load().assignments:
        if not a.exercises:
            continue
        text = (ROOT / "authoring" / f"{a.id}.py").read_text(encoding="utf-8")
        ids = set(re.findall(r'"grade_id": "(ex-\d+)-answer"', text))
        assert set(a.exercises) <= ids, f"{a.id}: course.yml tags exercises {sorted(set(a.exercises) - ids)} it does not have"


def test_coverage_page_is_current():
    assert not coverage.stale(), "run `python -m tools.assessments coverage`"
