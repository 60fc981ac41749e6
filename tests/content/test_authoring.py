"""source/ is built from authoring/, release/ is generated from source/, and both are up to date."""
import filecmp
import json
import re
import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT, autograded_tests, grade_cells, release_notebook, source_notebook

sys.path.insert(0, str(ROOT))
from graders.course import make_course  # noqa: E402
from tools import authoring  # noqa: E402
from tools import course as manifest  # noqa: E402


def test_source_notebook_matches_its_text_form(assignment):
    built = authoring.to_notebook(ROOT / "authoring" / f"{assignment}.py")
    committed = source_notebook(assignment)
    assert nbformat.writes(built) == nbformat.writes(committed), \
        f"source/{assignment} is stale: run `make notebooks` and commit"


def test_grade_cells_have_complete_metadata(assignment):
    nb = source_notebook(assignment)
    cells = grade_cells(nb)
    tests = autograded_tests(nb)
    entry = manifest.load()[assignment]
    manual = [g for g, c in cells.items() if c.metadata["nbgrader"]["grade"] and c.metadata["nbgrader"]["solution"]]
    if entry.kind == "assessment":  # one auto-graded 1-point cell per question, as many as course.yml says
        assert sorted(set(tests.values())) == [1.0] and len(tests) == entry.questions and not manual
    else:
        assert len({gid for gid in tests if gid.endswith("-hidden") or gid.endswith("-visible")}) >= 5
        if entry.kind == "capstone":  # the design document's sections and the five rubric cells (graders/rubric.py)
            from graders.rubric import CRITERIA
            assert set(CRITERIA) <= set(manual) and all(cells[g].metadata["nbgrader"]["points"] == 4 for g in CRITERIA)
            assert [g for g in manual if g.startswith("design-")], "the capstone's design document is graded by hand"
        else:
            assert 1 <= len(manual) <= 2, "one or two manually graded reflections"
    for gid, cell in cells.items():
        meta = cell.metadata["nbgrader"]
        assert {"grade", "solution", "locked", "schema_version", "grade_id"} <= set(meta), gid
        if meta["grade"]:
            assert meta["points"] > 0, gid
        if meta["grade"] and not meta["solution"]:
            assert meta["locked"], f"test cell {gid} must be locked"
    assert len(tests) >= 5 and sum(tests.values()) > 0


def test_text_form_errors_are_clear(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('# %% nbgrader={"grade": true, "grade_id": "x", "solution": false}\nassert True\n')
    with pytest.raises(authoring.AuthoringError, match="has no points"):
        authoring.to_notebook(bad)


@pytest.mark.slow  # nbgrader generate_assignment, several seconds a week
def test_release_is_up_to_date_with_source(assignment, tmp_path):
    course = make_course(tmp_path / "course", [assignment])  # copies source/ and data/, runs generate_assignment
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


# --- the course manifest (course.yml): which data travels with which assignment, the generated pages



@pytest.fixture(scope="module")
def course():
    return manifest.load()


def test_every_authoring_file_is_in_the_manifest(course):
    missing = [a for a in authoring.assignments() if a not in course.ids]
    assert not missing, f"add {missing} to course.yml (one entry each under `assignments`)"
    with pytest.raises(authoring.AuthoringError, match="not in course.yml"):
        authoring.build(["week-99"])


def test_status_says_what_is_released(course):
    for a in course.assignments:
        released = (ROOT / a.notebook).is_file()
        written = (ROOT / "authoring" / f"{a.id}.py").is_file()
        if a.available:
            assert released and written, f"course.yml says {a.id} is available, but {a.notebook} or its authoring file is missing"
        else:
            assert not released, f"{a.notebook} is released: set `status: available` for {a.id} in course.yml"


def test_every_dataset_a_notebook_loads_travels_with_it(assignment, course):
    loaded = manifest.datasets_loaded(manifest.notebook_code(ROOT / "authoring" / f"{assignment}.py"))
    if course[assignment].kind == "week":
        assert loaded, f"{assignment} loads no dataset: is the scan looking at the right calls?"
    missing = sorted(loaded - set(course[assignment].datasets))
    assert not missing, f"{assignment} loads {missing}: add them to its `datasets` in course.yml"


def test_the_build_refuses_a_dataset_the_manifest_does_not_carry(course):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'from workbook import load as _load\nx = _load("developer_journey")\ny = _load("alerts")')])
    with pytest.raises(authoring.AuthoringError, match=r"week-01 loads \['alerts'\].*course\.yml"):
        authoring.check_datasets("week-01", nb, course)
    week = course["week-06"]
    carried = _edited(course, "week-06", datasets=tuple({*week.datasets, "developer_journey", "alerts"}))
    authoring.check_datasets("week-06", nb, carried)  # once the manifest carries them, the build accepts it


def test_the_loader_scan_sees_every_way_of_loading():
    code = ("import workbook\nfrom workbook import load, load_catalog, load_docs as docs\n"
            "from workbook.data import read_text_files as files, data_path\n"
            "load('teams'); load_catalog(); docs(); files('repo_snapshot', '**/*.py')\n"
            "data_path(name='manifests'); workbook.load('services'); load(some_variable)\n"
            "%matplotlib inline\n")
    assert manifest.datasets_loaded(code) == {"teams", "catalog", "docs", "repo_snapshot", "manifests", "services"}
    assert manifest.datasets_loaded("def load(x):\n    pass\nload('teams')\n") == set()  # not workbook's


def test_the_loader_scan_knows_workbooks_defaults():
    import inspect

    from workbook import data

    for name, default in manifest.LOADERS.items():
        func = getattr(data, name)
        params = inspect.signature(func).parameters
        if default is None:
            assert list(params)[0] == "name" and params["name"].default is inspect.Parameter.empty, name
        elif params:
            assert params["name"].default == default, name
        else:
            assert f'"{default}"' in inspect.getsource(func), name


def test_each_assignment_carries_exactly_its_datasets_and_their_dictionary(assignment, course):
    carried = course[assignment].datasets
    if not carried:
        assert not (ROOT / "source" / assignment / "data").exists() and not (ROOT / "release" / assignment / "data").exists()
        return
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"].rstrip("/") for r in package["resources"]}
    released = (ROOT / "release" / assignment).is_dir()
    for folder in [ROOT / "source" / assignment / "data"] + [ROOT / "release" / assignment / "data"] * released:
        top = {p.name for p in folder.iterdir()}
        assert top == {paths[d] for d in carried} | {"datapackage.json", "README.md"}, folder
        week_package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert sorted(r["name"] for r in week_package["resources"]) == sorted(carried)
        readme = (folder / "README.md").read_text(encoding="utf-8")
        assert sorted(re.findall(r"^## (\S+)$", readme, flags=re.M)) == sorted(carried), folder
        for r in week_package["resources"]:
            for f in r.get("schema", {}).get("fields", []):
                assert f"| `{f['name']}` |" in readme, (folder, r["name"], f["name"])
    source_readme = ROOT / "source" / assignment / "data" / "README.md"
    if released:
        assert source_readme.read_text(encoding="utf-8") == \
            (ROOT / "release" / assignment / "data" / "README.md").read_text(encoding="utf-8"), "run `make release`"


def test_readme_and_start_page_agree_with_the_manifest(course):
    assert manifest.stale(course) == [], "run `python -m tools.course sync` (or `make notebooks`) and commit"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    page = nbformat.read(ROOT / "notebooks" / "00-start-here.ipynb", as_version=4)
    table = next(c.source for c in page.cells if c.get("id") == manifest.START_TABLE_CELL)
    for a in course.assignments:
        assert f"**{a.title}**" in readme and f"**{a.title}**" in table, a.id
        assert f"(../{a.notebook})" in table, a.id
        assert (f"[Open {a.label}](../{a.notebook})" in table) == a.available, a.id
        assert (f"[available]({a.notebook})" in readme) == a.available, a.id
    assert "[Open Week 1](../release/week-01/week-01.ipynb)" in table  # what the browser test clicks


def _edited(course, assignment_id, **changes):
    return manifest.Course(tuple(a if a.id != assignment_id else manifest.Assignment(**{**a.__dict__, **changes})
                                 for a in course.assignments), course.pass_mark, course.domains)


def test_a_manifest_edit_makes_the_pages_stale(course):
    """Negative control: the sync check sees a changed title and a flipped status."""
    both = ["README.md", "notebooks/00-start-here.ipynb"]
    first = course.assignments[0]
    edited = manifest.parse((ROOT / "course.yml").read_text().replace(f"title: {first.title}\n", "title: Renamed\n", 1))
    assert edited[first.id].title == "Renamed" and manifest.stale(edited) == both
    released = course.assignments[-1] if course.assignments[-1].available else course.assignments[0]
    withdrawn = _edited(course, released.id, status="planned")  # every status flip counts, either way
    assert f"[{released.label}](../{released.notebook}) · *coming soon*" in manifest.start_page_table(withdrawn)
    assert manifest.stale(withdrawn) == both
    planned = next((a for a in course.assignments if not a.available), None)
    if planned is not None:  # once the whole course is released, no assignment is left to flip this way
        flipped = _edited(course, planned.id, status="available")
        assert f"[Open {planned.label}](../{planned.notebook})" in manifest.start_page_table(flipped)
        assert manifest.stale(flipped) == both


def test_start_page_lists_the_manifest_at_run_time(tmp_path):
    """The start page's code cell reads course.yml itself (PyYAML only): its output follows the file."""
    page = nbformat.read(ROOT / "notebooks" / "00-start-here.ipynb", as_version=4)
    code = next(c.source for c in page.cells if c.cell_type == "code" and "course.yml" in c.source)
    (tmp_path / "course.yml").write_text((ROOT / "course.yml").read_text().replace(
        "title: Developer Workflow Design", "title: Workflows Renamed", 1))
    (tmp_path / "release" / "week-02").mkdir(parents=True)
    (tmp_path / "release" / "week-02" / "week-02.ipynb").write_text("{}")
    (tmp_path / "notebooks").mkdir()
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path / "notebooks", capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == len(manifest.load().ids)
    assert re.match(r"week-02\s+ready\s+Workflows Renamed$", lines[1]) and "coming soon" in lines[0]
    (tmp_path / "course.yml").write_text("assignments: [unclosed\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path / "notebooks", capture_output=True, text=True)
    assert out.returncode == 0 and "course.yml cannot be read" in out.stdout and not out.stderr, out.stderr
