"""source/ is built from authoring/, release/ is generated from source/, and both are up to date."""
import filecmp
import shutil
import sys

import nbformat
import pytest

from conftest import ROOT, autograded_tests, grade_cells, nbgrader, release_notebook, source_notebook

sys.path.insert(0, str(ROOT))
from tools import authoring  # noqa: E402


def test_source_notebook_matches_its_text_form(assignment):
    built = authoring.to_notebook(ROOT / "authoring" / f"{assignment}.py")
    committed = source_notebook(assignment)
    assert nbformat.writes(built) == nbformat.writes(committed), \
        f"source/{assignment} is stale: run `make notebooks` and commit"


def test_grade_cells_have_complete_metadata(assignment):
    nb = source_notebook(assignment)
    cells = grade_cells(nb)
    tests = autograded_tests(nb)
    assert len({gid for gid in tests if gid.endswith("-hidden") or gid.endswith("-visible")}) >= 5
    for gid, cell in cells.items():
        meta = cell.metadata["nbgrader"]
        assert {"grade", "solution", "locked", "schema_version", "grade_id"} <= set(meta), gid
        if meta["grade"]:
            assert meta["points"] > 0, gid
        if meta["grade"] and not meta["solution"]:
            assert meta["locked"], f"test cell {gid} must be locked"
    manual = [g for g, c in cells.items() if c.metadata["nbgrader"]["grade"] and c.metadata["nbgrader"]["solution"]]
    assert 1 <= len(manual) <= 2, "one or two manually graded reflections"
    assert len(tests) >= 5 and sum(tests.values()) > 0


def test_text_form_errors_are_clear(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('# %% nbgrader={"grade": true, "grade_id": "x", "solution": false}\nassert True\n')
    with pytest.raises(authoring.AuthoringError, match="has no points"):
        authoring.to_notebook(bad)


@pytest.mark.slow  # nbgrader generate_assignment, several seconds a week
def test_release_is_up_to_date_with_source(assignment, tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "data", course / "data")
    shutil.copytree(ROOT / "source" / assignment, course / "source" / assignment, symlinks=True)
    nbgrader("generate_assignment", assignment, "--force", cwd=course)
    fresh, committed = course / "release" / assignment, ROOT / "release" / assignment
    assert nbformat.read(fresh / f"{assignment}.ipynb", 4) == release_notebook(assignment), \
        f"release/{assignment} is stale: run `make release` and commit"
    cmp = filecmp.dircmp(fresh, committed)
    stale = []

    def walk(d, prefix=""):
        stale.extend(prefix + n for n in d.left_only + d.right_only)
        stale.extend(prefix + n for n in d.diff_files if not n.endswith(".ipynb"))
        _, mismatch, errors = filecmp.cmpfiles(d.left, d.right, d.common_files, shallow=False)
        stale.extend(prefix + n for n in mismatch + errors if not n.endswith(".ipynb"))
        for name, sub in d.subdirs.items():
            walk(sub, prefix + name + "/")
    walk(cmp)
    assert not stale, f"release/{assignment} differs from a fresh generate_assignment: {sorted(set(stale))}"


def test_week_data_links_point_into_canonical_data(assignment):
    data = ROOT / "source" / assignment / "data"
    links = [p for p in data.rglob("*") if p.is_symlink()]
    assert links, f"source/{assignment}/data has no dataset links"
    for link in links:
        target = link.resolve()
        assert target.is_file() and (ROOT / "data") in target.parents, f"{link} -> {target}"


def test_test_cells_ending_in_a_value_are_refused(tmp_path):
    """nbgrader takes a test cell's execute_result as partial credit: the build refuses such cells."""
    bad = tmp_path / "bad.py"
    bad.write_text('# %% nbgrader={"grade": true, "grade_id": "t", "points": 2, "locked": true}\n'
                   'x = 1\ncall(f, name="f")\n### BEGIN HIDDEN TESTS\ncheck(True, "f", "p")\n### END HIDDEN TESTS\n')
    with pytest.raises(authoring.AuthoringError, match="partial credit"):
        authoring.to_notebook(bad)
