"""The readiness check's recommendation and its three practical checks (workbook.readiness)."""
import pytest

from workbook import readiness as r

ALL_OK = {s: "comfortable" for s in r.ESSENTIAL}


def test_comfortable_learner_starts_with_week_1():
    rec = r.recommend(ALL_OK, {}, set(r.MINDSET), 16, {"yaml": True, "pandas": True, "ci_log": True})
    assert rec.start.startswith("Week 1") and not rec.review


def test_a_missing_essential_skill_puts_a_review_first():
    rec = r.recommend({**ALL_OK, "containers and Kubernetes basics": "none yet"}, {}, set(r.MINDSET), 16, {})
    assert rec.start.startswith("Review") and rec.review[0][0] == "containers and Kubernetes basics"
    assert "kubernetes.io" in rec.markdown()


def test_a_little_means_a_slower_week_not_a_review():
    rec = r.recommend({**ALL_OK, "cloud infrastructure": "a little"}, {"infrastructure as code (Terraform)": "none yet"},
                      set(r.MINDSET), 16, {})
    assert rec.start.startswith("Week 1") and any(w.startswith("Week 5") for w in rec.slower_weeks)


def test_failed_practical_checks_are_reviewed():
    rec = r.recommend(ALL_OK, {}, set(r.MINDSET), 16, {"yaml": False, "pandas": False, "ci_log": False})
    topics = [t for t, _, _ in rec.review]
    assert "pandas groupby and aggregation" in topics and "reading YAML manifests" in topics
    assert any("Week 6" in w for w in rec.slower_weeks)


def test_time_and_mindset_notes():
    few = r.recommend(ALL_OK, {}, set(), 7.5, {})
    assert "plan about 19 calendar weeks" in few.markdown() and "Reading 2" in few.markdown()
    assert "fits" in r.recommend(ALL_OK, {}, set(r.MINDSET), 20, {}).markdown()


def test_unknown_skill_or_level_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown skills"):
        r.recommend({"juggling": "expert"}, {}, set(), 10, {})
    with pytest.raises(ValueError, match="levels must be one of"):
        r.recommend({**ALL_OK, "CI/CD pipelines": "ok"}, {}, set(), 10, {})


def test_practical_checks_catch_the_tempting_mistakes():
    assert r.check_manifest("3", "2.14.0")[0] and r.check_manifest(3, " 2.14.0 ")[0]
    assert not r.check_manifest("1", "2.14.0")[0]  # replicas of the selector? no: spec.replicas
    assert not r.check_manifest("3", "checkout-api:2.14.0")[0]
    means = r.lead_times().groupby("team")["lead_time_hours"].mean()
    assert not r.check_groupby(means.idxmax())[0], "the mean's answer must be wrong (the outlier)"
    assert r.check_groupby("search")[0]
    assert r.check_ci_log("unit-tests")[0] and not r.check_ci_log("install")[0] and not r.check_ci_log("build-image")[0]
