"""The course manifest (course.yml) is complete, valid, and agrees with the data and its dictionary."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
import yaml

import datagen
from tools import course as manifest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
CURRICULUM = REPO.parent / "shared" / "curriculum" / "platform-engineer-learning-path.md"
GOOD = (REPO / "course.yml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def course() -> manifest.Course:
    return manifest.load()


@pytest.fixture(scope="module")
def package() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def test_every_assignment_is_named_once(course):
    weeks = [f"week-0{i}" for i in range(1, 9)]
    assessments = [f"assessment-0{i}" for i in (2, 4, 6, 8)]
    assert sorted(course.ids) == sorted(weeks + assessments + ["capstone"])
    assert [a.id for a in course.assignments if a.kind == "week"] == weeks, "weeks in course order"
    for a in course.assignments:
        if a.kind == "assessment":
            assert a.status == "planned" or (REPO / a.notebook).is_file(), a.id
            assert course.ids.index(a.id) == course.ids.index(f"week-{a.id[-2:]}") + 1, \
                f"{a.id} comes right after its week"


def _curriculum() -> str:
    if not CURRICULUM.is_file():
        pytest.skip(f"the curriculum is not beside this checkout ({CURRICULUM})")
    return CURRICULUM.read_text(encoding="utf-8")


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s.replace("&", "and").lower()).strip()  # noqa: E731
    return norm(a) == norm(b)


def test_week_titles_are_the_curriculum_titles(course):
    titles = dict(re.findall(r"\*\*Week (\d+): ([^*]+)\*\*", _curriculum()))
    assert len(titles) == 8
    for a in course.assignments:
        if a.kind == "week":
            assert _same(a.title, titles[str(a.number)]), (a.id, a.title, titles[str(a.number)])


def test_assessments_are_the_curriculum_assessments(course):
    found = re.findall(r"\*\*Week (\d+)\*\*: ([^(]+?) \((\d+) questions\)", _curriculum())
    assert len(found) == 4
    for week, title, questions in found:
        a = course[f"assessment-{int(week):02d}"]
        assert _same(a.title, title) and a.questions == int(questions), (a.id, a.title, a.questions)
    assert course.pass_mark == 0.85  # "Pass Score: 85% minimum"
    assert "85% minimum" in _curriculum()


def test_certification_domains_are_both_exams(course):
    assert len([d for d in course.domains if d.startswith("cnpa-")]) == 6
    assert len([d for d in course.domains if d.startswith("cnpe-")]) == 5


def test_every_carried_dataset_exists(course, package):
    resources = {r["name"]: r for r in package["resources"]}
    for a in course.assignments:
        unknown = [d for d in a.datasets if d not in resources]
        assert not unknown, f"course.yml: {a.id} carries {unknown}, which the generator does not make"
        for d in a.datasets:
            assert (DATA / resources[d]["path"]).exists(), (a.id, d)


def test_every_dataset_travels_with_some_assignment(course, package):
    orphans = [r["name"] for r in package["resources"] if not course.carrying(r["name"])]
    assert not orphans, f"no assignment in course.yml carries {orphans}: add them where they are used"


def test_planned_weeks_with_data_keep_it(course):
    """The data generated for the coming weeks stays listed for them (the README says 'data ready')."""
    for i in range(1, 9):
        assert course[f"week-0{i}"].datasets, f"week-0{i} carries no data"


def test_the_generator_does_not_decide_which_week_carries_what():
    declared = {name: sorted(meta) for module in datagen.MODULES for name, meta in module.SCHEMAS.items()
                if "weeks" in meta or "assignments" in meta}
    assert not declared, f"SCHEMAS still map datasets to weeks (course.yml does): {sorted(declared)}"


def test_data_readme_says_which_assignments_use_each_dataset(course, package):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert readme == datagen.readme(package, course) + "\n", \
        "data/README.md is stale: `python -m tools.authoring data` (or `python -m datagen`)"
    rows = dict(re.findall(r"^\| (.+?) \| (\[`.*) \|$", readme, flags=re.M))
    for a in course.assignments:
        key = f"{a.label} · {a.title}"
        if not a.datasets:
            assert key not in rows
            continue
        listed = re.findall(r"\]\(#([a-z0-9_]+)\)", rows[key])
        assert sorted(listed) == sorted(a.datasets), a.id
    for r in package["resources"]:
        line = re.search(rf"^\*\*.*\*\* - `{re.escape(r['path'])}`.* - used in (.*)$", readme, flags=re.M)
        assert line, r["name"]
        users = [a for a in course.assignments if f"{a.label} · {a.title}" in line.group(1)]
        assert users == course.carrying(r["name"]), r["name"]


def test_a_week_added_to_a_dataset_shows_in_the_dictionary(course, package):
    """Negative control: moving a dataset in the manifest changes the generated dictionary."""
    week = course["week-03"]
    extra = next(r["name"] for r in package["resources"] if r["name"] not in week.datasets)
    edited = manifest.Course(tuple(dataclasses.replace(a, datasets=a.datasets + (extra,)) if a is week else a
                                   for a in course.assignments), course.pass_mark, course.domains)
    text = datagen.readme(package, edited)
    assert text != datagen.readme(package, course)
    row = re.search(r"^\| Week 3 · Internal Developer Platform \(IDP\) \| (.*) \|$", text, flags=re.M).group(1)
    assert f"(#{extra})" in row
    assert re.search(rf"^\*\*.*\*\* - `{extra}[./].* - used in .*Week 3 · ", text, flags=re.M)


def test_assignment_dictionary_holds_only_its_datasets(course, package):
    for a in course.assignments:
        if not a.datasets:
            continue
        text = datagen.readme({**package, "resources": [r for r in package["resources"] if r["name"] in a.datasets]},
                              course, a.id)
        assert text.startswith(f"# Data for {a.label} · {a.title}\n")
        assert sorted(re.findall(r"^## (\S+)$", text, flags=re.M)) == sorted(a.datasets), a.id


@pytest.mark.parametrize("pattern, replacement, message", [
    (r"^    status: available$", "    status: ready", "status 'ready' is not one of"),
    (r"^(  - id: )week-02$", r"\1week-01", "more than once"),
    (r"^(  - id: )capstone$", r"\1capstone-x", "id must look like"),
    (r"^    domains: \[", "    domains: [cnpa-nothing, ", "unknown certification domains ['cnpa-nothing']"),
    (r"^    topic: ", "    topik: ", "missing fields ['topic']; unknown fields ['topik']"),
    (r"^    datasets: \[", "    datasets: [teams, teams, ", "listed twice"),
    (r"^    datasets: .*$", "    datasets: none", "expected a list of names"),
    (r"^    questions: \d+$", "    questions: -1", "questions is a positive count"),
    (r"^pass_mark: .*$", "pass_mark: 85", "pass_mark: a fraction"),
    (r"^assignments:$", "weeks:", "a list under `assignments`"),
])
def test_a_broken_manifest_gets_a_clear_error(pattern, replacement, message):
    broken, n = re.subn(pattern, replacement, GOOD, count=1, flags=re.M)
    assert n == 1, pattern
    with pytest.raises(manifest.ManifestError, match=re.escape(message)):
        manifest.parse(broken)


def _with_week_01_tags(tags: dict) -> str:
    raw = yaml.safe_load(GOOD)
    next(a for a in raw["assignments"] if a["id"] == "week-01")["exercises"] = tags
    return yaml.safe_dump(raw, sort_keys=False)


def test_exercise_tags_are_checked():
    assert manifest.parse(_with_week_01_tags({"ex-1": ["cnpe-gitops-cd"]}))["week-01"].exercises == \
        {"ex-1": ("cnpe-gitops-cd",)}
    with pytest.raises(manifest.ManifestError, match=r"exercises\.ex-1: unknown certification domains"):
        manifest.parse(_with_week_01_tags({"ex-1": ["cnpe-gitops"]}))
