"""The assessments' pass mark (85%, course.yml) in the LMS export: pass / not yet."""
from pathlib import Path

from graders.lms_export import DEFAULT_PASS_MARK, pass_mark, result

ROOT = Path(__file__).resolve().parents[2]


def test_pass_mark_comes_from_the_course_manifest(tmp_path):
    assert pass_mark(ROOT) == 0.85
    (tmp_path / "course.yml").write_text("pass_mark: 0.9\n")
    assert pass_mark(tmp_path) == 0.9
    assert pass_mark(tmp_path / "nowhere") == DEFAULT_PASS_MARK
    (tmp_path / "course.yml").write_text(": not yaml [")
    assert pass_mark(tmp_path) == DEFAULT_PASS_MARK


def test_result_at_and_around_the_mark():
    assert result("assessment-02", 21.25, 25, 0.85) == "pass"      # exactly 85%
    assert result("assessment-02", 22, 25, 0.85) == "pass"
    assert result("assessment-02", 21, 25, 0.85) == "not yet"      # 84%
    assert result("assessment-02", "", 25, 0.85) == ""             # not graded: no verdict
    assert result("week-01", 25, 25, 0.85) == ""                   # weeks have no pass mark
