"""Authoring pipeline: reviewable text -> instructor notebooks -> student notebooks.

    python -m tools.authoring build     # authoring/<id>.py  ->  source/<id>/<id>.ipynb (+ data/)
    python -m tools.authoring data      # course.yml -> source/<id>/data/ only (the notebooks untouched)
    python -m tools.authoring release   # source/<id>/       ->  release/<id>/ (nbgrader generate_assignment)

authoring/<id>.py is a jupytext "percent" script. Each cell's ``nbgrader={...}`` metadata is
kept exactly; build() only completes the keys nbgrader requires (grade, solution, locked,
schema_version) and refuses incomplete grade cells. The text form lives outside source/ on
purpose: nbgrader copies every file in source/<id>/ into the student release, so a script full
of solutions must never sit there.

Which datasets travel with an assignment is listed once, in the course manifest (course.yml, read
through tools.course). Each assignment's data/ folder holds symlinks to those files in the
repository's data/ (nbgrader turns them into real copies in release/, the exchange and autograded/),
a datapackage.json restricted to them and a README.md with their part of the data dictionary. The
build refuses a notebook that loads a dataset its manifest entry does not carry, and an authoring
file the manifest does not name; it also refreshes what is generated from the manifest (data/README.md,
README.md's week table, the start page's table).
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat

from graders.course import HIDDEN, nbgrader_env
from tools import course as manifest

ROOT = Path(__file__).resolve().parent.parent
AUTHORING = ROOT / "authoring"
REQUIRED = ("grade", "solution", "locked")
SILENT_CALLS = {"check", "passed"}  # functions that return None; also any name starting "check_", and expect.<kind>


def check_test_cell(source: str, grade_id: str) -> None:
    """A test cell must not end with a value: nbgrader reads an execute_result as *partial credit*.

    Checked for the full cell (autograde) and for the student's copy without its hidden region
    (what Validate runs in the learner's notebook).
    """
    for version, text in (("with hidden tests", source), ("as released", HIDDEN.sub("", source))):
        body = ast.parse(text).body
        last = body[-1] if body else None
        if isinstance(last, ast.Expr) and not isinstance(last.value, ast.Constant):
            func = last.value.func if isinstance(last.value, ast.Call) else None
            name = getattr(func, "id", getattr(func, "attr", ""))
            owner = getattr(getattr(func, "value", None), "id", "")
            if not (name in SILENT_CALLS or owner == "expect" or name.startswith("check_") and name != "check_set"):
                raise AuthoringError(
                    f"test cell {grade_id!r} ends with an expression ({version}); nbgrader would read its "
                    "value as partial credit. Assign it (`_ = ...`) or end with a check.")


class AuthoringError(Exception):
    pass


def assignments() -> list[str]:
    return sorted(p.stem for p in AUTHORING.glob("*.py") if not p.name.startswith("_"))


def to_notebook(text_path: Path) -> nbformat.NotebookNode:
    """Read a percent script; return a clean, deterministic nbformat 4 notebook."""
    nb = jupytext.read(text_path)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        meta = dict(cell.metadata.get("nbgrader", {}))
        cell.metadata = {}
        if meta:
            grade_id = meta.get("grade_id")
            if not grade_id:
                raise AuthoringError(f"{text_path.name}: cell {index + 1} has nbgrader metadata but no grade_id")
            if grade_id in seen:
                raise AuthoringError(f"{text_path.name}: duplicate grade_id {grade_id!r}")
            seen.add(grade_id)
            for key in REQUIRED:
                meta.setdefault(key, False)
            meta.setdefault("schema_version", 3)
            if meta["grade"] and "points" not in meta:
                raise AuthoringError(f"{text_path.name}: grade cell {grade_id!r} has no points")
            if meta["grade"] and not meta["solution"] and cell.cell_type == "code":
                check_test_cell(cell.source, grade_id)
            cell.metadata["nbgrader"] = {k: meta[k] for k in sorted(meta)}
            cell.id = grade_id
        else:
            cell.id = f"cell-{index:03d}"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def week_resources(assignment: str, course: manifest.Course | None = None) -> tuple[list[dict], dict]:
    """The Data Package resources ``assignment`` carries (course.yml), and the whole package."""
    carried = (course or manifest.load())[assignment].datasets
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    known = {r["name"] for r in package["resources"]}
    unknown = [d for d in carried if d not in known]
    if unknown:
        raise AuthoringError(f"course.yml: {assignment} carries {unknown}, which data/datapackage.json does not "
                             "have (a typo, or a dataset the generator does not make yet: `python -m datagen`).")
    return [r for r in package["resources"] if r["name"] in carried], package


def check_datasets(name: str, nb: nbformat.NotebookNode, course: manifest.Course) -> None:
    """Every dataset the notebook loads travels with it (is listed for it in course.yml)."""
    code = "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")
    missing = sorted(manifest.datasets_loaded(code) - set(course[name].datasets))
    if missing:
        raise AuthoringError(f"{name} loads {missing}, which course.yml does not list under its datasets: "
                             f"add them to the `datasets` of {name} in course.yml.")


def link_data(assignment: str, folder: Path, course: manifest.Course | None = None) -> None:
    """Refresh folder/data: symlinks to the carried data files, their datapackage.json and README.md."""
    from datagen import readme

    course = course or manifest.load()
    resources, package = week_resources(assignment, course)
    data = folder / "data"
    if data.exists():
        for old in sorted(data.rglob("*"), reverse=True):
            old.unlink() if (old.is_symlink() or old.is_file()) else old.rmdir()
    if not resources:
        if data.exists():
            data.rmdir()
        return
    data.mkdir(parents=True, exist_ok=True)
    for res in resources:
        target = ROOT / "data" / res["path"]
        files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
        for src in files:
            link = data / src.relative_to(ROOT / "data")
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(os.path.relpath(src, link.parent))
    week_package = {**package, "resources": resources}
    (data / "datapackage.json").write_text(json.dumps(week_package, indent=2) + "\n", encoding="utf-8")
    (data / "README.md").write_text(readme(week_package, course, assignment) + "\n", encoding="utf-8")


def _in_manifest(name: str, course: manifest.Course) -> None:
    if name not in course.ids:
        raise AuthoringError(f"authoring/{name}.py is not in course.yml: add one entry for it under "
                             "`assignments` (id, title, topic, status, datasets, domains).")


def _generated_pages(course: manifest.Course) -> None:
    """data/README.md, README.md's week table and the start page's table follow course.yml."""
    from datagen import write_readme

    write_readme(ROOT / "data", course)
    for page in manifest.sync(course):
        print(f"rewrote {page} from course.yml")


def data(names: list[str] | None = None) -> None:
    """Refresh only source/<id>/data/ (and the pages generated from course.yml)."""
    course = manifest.load()
    for name in names or assignments():
        _in_manifest(name, course)
        link_data(name, ROOT / "source" / name, course)
        print(f"linked source/{name}/data/")
    _generated_pages(course)


def build(names: list[str] | None = None) -> None:
    course = manifest.load()
    for name in names or assignments():
        _in_manifest(name, course)
        folder = ROOT / "source" / name
        folder.mkdir(parents=True, exist_ok=True)
        nb = to_notebook(AUTHORING / f"{name}.py")
        nbformat.validate(nb)
        check_datasets(name, nb, course)
        nbformat.write(nb, folder / f"{name}.ipynb")
        link_data(name, folder, course)
        print(f"built source/{name}/{name}.ipynb")
    _generated_pages(course)


def release(names: list[str] | None = None) -> None:
    for name in names or assignments():
        subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force",
                        "--log-level=WARN"], cwd=ROOT, check=True, env=nbgrader_env())
        print(f"released release/{name}/")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"build", "data", "release"}:
        print(__doc__)
        return 2
    try:
        {"build": build, "data": data, "release": release}[argv[0]](argv[1:] or None)
    except (AuthoringError, manifest.ManifestError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
