"""The course manifest (course.yml): load it, check it, and write the pages generated from it.

    python -m tools.course sync     # rewrite README.md's week table and the start page's table
    python -m tools.course check    # exit 1 if they are stale (what the tests check)

course.yml names every assignment once (id, title, topic, status, the datasets it carries, the
certification domains it prepares for). This module is its only reader in the build and the tests:
:func:`load` validates the file and returns a :class:`Course`; :func:`datasets_loaded` lists the
datasets a notebook's code loads, so tests and the build can compare the two.
"""
from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "course.yml"
README = ROOT / "README.md"
START_PAGE = ROOT / "notebooks" / "00-start-here.ipynb"
START_TABLE_CELL = "start-01"
STATUSES = ("available", "planned")
ID = re.compile(r"^(week|assessment)-(0[1-9]|[1-9][0-9])$|^capstone$")
FIELDS = {"id", "title", "topic", "status", "datasets", "domains", "exercises", "questions"}
BEGIN = "<!-- BEGIN weeks: generated from course.yml by `python -m tools.course sync` -->"
END = "<!-- END weeks -->"


class ManifestError(Exception):
    """course.yml is missing, malformed or inconsistent. The message names the assignment and field."""


@dataclass(frozen=True)
class Assignment:
    id: str
    title: str
    topic: str
    status: str
    datasets: tuple[str, ...]
    domains: tuple[str, ...] = ()
    exercises: dict[str, tuple[str, ...]] = field(default_factory=dict)
    questions: int | None = None

    @property
    def kind(self) -> str:
        return self.id.split("-")[0]

    @property
    def number(self) -> int | None:
        return int(self.id.split("-")[1]) if "-" in self.id else None

    @property
    def label(self) -> str:
        """'Week 1', 'Week 2 assessment', 'Capstone'."""
        return {"week": f"Week {self.number}", "assessment": f"Week {self.number} assessment"}.get(self.kind, "Capstone")

    @property
    def available(self) -> bool:
        return self.status == "available"

    @property
    def notebook(self) -> str:
        """The learner's notebook, relative to the course root."""
        return f"release/{self.id}/{self.id}.ipynb"


@dataclass(frozen=True)
class Course:
    assignments: tuple[Assignment, ...]
    pass_mark: float
    domains: dict[str, str]  # certification domain id -> its title

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.assignments]

    def __getitem__(self, assignment_id: str) -> Assignment:
        for a in self.assignments:
            if a.id == assignment_id:
                return a
        raise ManifestError(f"course.yml has no assignment {assignment_id!r}; known: {', '.join(self.ids)}. "
                            "Add it (one entry under `assignments`).")

    def carrying(self, dataset: str) -> list[Assignment]:
        """The assignments whose data folder carries ``dataset``, in course order."""
        return [a for a in self.assignments if dataset in a.datasets]

    @property
    def datasets(self) -> set[str]:
        return {d for a in self.assignments for d in a.datasets}


def _strings(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ManifestError(f"course.yml, {where}: expected a list of names, got {value!r}.")
    if len(set(value)) != len(value):
        raise ManifestError(f"course.yml, {where}: a name is listed twice in {value}.")
    return tuple(value)


def _assignment(entry, index: int, domains: dict[str, str]) -> Assignment:
    if not isinstance(entry, dict):
        raise ManifestError(f"course.yml, assignment {index + 1}: expected a mapping (id: ..., title: ...).")
    where = f"assignment {entry.get('id', index + 1)!r}"
    missing = sorted({"id", "title", "topic", "status", "datasets", "domains"} - set(entry))
    unknown = sorted(set(entry) - FIELDS)
    if missing or unknown:
        raise ManifestError(f"course.yml, {where}: missing fields {missing or 'none'}; unknown fields {unknown or 'none'}.")
    if not isinstance(entry["id"], str) or not ID.match(entry["id"]):
        raise ManifestError(f"course.yml, {where}: id must look like week-01, assessment-02 or capstone.")
    for key in ("title", "topic"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise ManifestError(f"course.yml, {where}: {key} must be a non-empty string.")
    if entry["status"] not in STATUSES:
        raise ManifestError(f"course.yml, {where}: status {entry['status']!r} is not one of {', '.join(STATUSES)}.")
    tagged = {"domains": _strings(entry["domains"], f"{where}, domains")}
    exercises = entry.get("exercises") or {}
    if not isinstance(exercises, dict):
        raise ManifestError(f"course.yml, {where}, exercises: expected a mapping ex-N: [domain ids].")
    tagged |= {f"exercises.{k}": _strings(v, f"{where}, exercises.{k}") for k, v in exercises.items()}
    for key, ids in tagged.items():
        unknown = [d for d in ids if d not in domains]
        if unknown:
            raise ManifestError(f"course.yml, {where}, {key}: unknown certification domains {unknown}; "
                                f"known: {', '.join(domains)}.")
    questions = entry.get("questions")
    if questions is not None and (entry["id"].split("-")[0] != "assessment" or not isinstance(questions, int)
                                  or questions < 1):
        raise ManifestError(f"course.yml, {where}: questions is a positive count, for assessments only.")
    return Assignment(entry["id"], entry["title"].strip(), entry["topic"].strip(), entry["status"],
                      _strings(entry["datasets"], f"{where}, datasets"), tagged["domains"],
                      {k.split(".", 1)[1]: v for k, v in tagged.items() if k != "domains"}, questions)


def parse(text: str) -> Course:
    """Validate the manifest's text and return the :class:`Course` it describes."""
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ManifestError(f"course.yml is not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("assignments"), list):
        raise ManifestError("course.yml must be a mapping with a list under `assignments`.")
    domains = {d: meta["title"] for exam in (doc.get("certifications") or {}).values()
               for d, meta in (exam.get("domains") or {}).items()}
    assignments = tuple(_assignment(e, i, domains) for i, e in enumerate(doc["assignments"]))
    ids = [a.id for a in assignments]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ManifestError(f"course.yml names {twice} more than once: each assignment is listed once.")
    pass_mark = doc.get("pass_mark", 0.85)
    if not isinstance(pass_mark, (int, float)) or not 0 < pass_mark <= 1:
        raise ManifestError(f"course.yml, pass_mark: a fraction between 0 and 1, got {pass_mark!r}.")
    return Course(assignments, float(pass_mark), domains)


def load(path: Path | str = MANIFEST) -> Course:
    """Read and validate course.yml (default: the repository's)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ManifestError(f"cannot read the course manifest {path}: {exc}") from None
    return parse(text)


# --- which datasets a notebook loads -----------------------------------------------------------

# workbook.data functions whose first argument names a dataset, with the dataset they load when
# called without one (tests/content/test_authoring.py checks these against workbook.data).
LOADERS = {"load": None, "data_path": None, "resource": None, "read_text_files": None,
           "load_yaml_folder": None, "load_docs": "docs", "load_catalog": "catalog"}


def datasets_loaded(code: str) -> set[str]:
    """Names of the datasets ``code`` loads through workbook's loaders (imported under any alias).

    Only literal names count (``load("teams")``); IPython magics are skipped."""
    lines = [("#" + ln) if ln.lstrip().startswith(("%", "!")) else ln for ln in code.splitlines()]
    tree = ast.parse("\n".join(lines))
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("workbook", "workbook.data"):
            aliases |= {a.asname or a.name: a.name for a in node.names if a.name in LOADERS}
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in aliases:
            name = aliases[func.id]
        elif isinstance(func, ast.Attribute) and func.attr in LOADERS and \
                ast.unparse(func.value) in ("workbook", "workbook.data", "data"):
            name = func.attr
        else:
            continue
        first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "name"), None)
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.add(first.value)
        elif first is None and LOADERS[name]:
            found.add(LOADERS[name])
    return found


def notebook_code(text_path: Path) -> str:
    """All code cells of a jupytext percent script, joined (markdown cells are comments there)."""
    import jupytext

    nb = jupytext.read(text_path)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")


# --- generated pages -------------------------------------------------------------------------

def _shared(course: Course) -> tuple[str, ...]:
    """Datasets every week carries (the organisation): shown once, not on every row."""
    weeks = [set(a.datasets) for a in course.assignments if a.kind == "week" and a.datasets]
    common = set.intersection(*weeks) if len(weeks) > 1 else set()
    first = next((a for a in course.assignments if common <= set(a.datasets) and a.datasets), None)
    return tuple(d for d in (first.datasets if first else ()) if d in common)


def readme_table(course: Course) -> str:
    """README.md's week table (between the BEGIN/END markers)."""
    shared = _shared(course)
    rows = ["| | Title | What you do | Data | Status |", "|---|---|---|---|---|"]
    for a in course.assignments:
        own = [d for d in a.datasets if d not in shared]
        data = ", ".join(f"[`{d}`](data/README.md#{d})" for d in own) or "-"
        if a.datasets and set(shared) <= set(a.datasets) and shared:
            data += " + the organisation"
        status = f"[available]({a.notebook})" if a.available else (
            "planned (data ready)" if a.datasets else "planned")
        rows.append(f"| {a.label} | **{a.title}** | {a.topic} | {data} | {status} |")
    organisation = ", ".join(f"[`{d}`](data/README.md#{d})" for d in shared)
    note = (f"\n\n*The organisation*: {organisation}, carried by every week." if shared else "")
    return "\n".join(rows) + note


def start_page_table(course: Course) -> str:
    """The start page's "course at a glance" cell."""
    rows = ["## The course at a glance", "", "| | Topic | Notebook |", "|---|---|---|"]
    for a in course.assignments:
        link = (f"[Open {a.label}](../{a.notebook})" if a.available
                else f"[{a.label}](../{a.notebook}) · *coming soon*")
        rows.append(f"| {a.label} | **{a.title}**: {a.topic} | {link} |")
    rows += ["", "Assignments marked *coming soon* are being written; their links work once they are "
             "published. The cell below lists what is in your copy of the course right now."]
    return "\n".join(rows)


def synced_readme(text: str, course: Course) -> str:
    if BEGIN not in text or END not in text:
        raise ManifestError(f"README.md has no generated week table (the lines {BEGIN!r} ... {END!r}).")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{readme_table(course)}\n{END}{tail}"


def _start_page():
    import nbformat

    nb = nbformat.read(START_PAGE, as_version=4)
    cell = next((c for c in nb.cells if c.get("id") == START_TABLE_CELL), None)
    if cell is None:
        raise ManifestError(f"{START_PAGE.name} has no cell with id {START_TABLE_CELL!r} (the course table).")
    return nb, cell


def stale(course: Course | None = None) -> list[str]:
    """The generated pages that do not match the manifest (empty when all is in sync)."""
    course = course or load()
    out = []
    if synced_readme(README.read_text(encoding="utf-8"), course) != README.read_text(encoding="utf-8"):
        out.append("README.md")
    if _start_page()[1].source != start_page_table(course):
        out.append(str(START_PAGE.relative_to(ROOT)))
    return out


def sync(course: Course | None = None) -> list[str]:
    """Rewrite the generated parts of README.md and the start page; return what changed."""
    import nbformat

    course = course or load()
    changed = stale(course)
    if "README.md" in changed:
        README.write_text(synced_readme(README.read_text(encoding="utf-8"), course), encoding="utf-8")
    if str(START_PAGE.relative_to(ROOT)) in changed:
        nb, cell = _start_page()
        cell.source = start_page_table(course)
        nbformat.write(nb, START_PAGE)
    return changed


def main(argv: list[str]) -> int:
    if argv not in (["sync"], ["check"]):
        print(__doc__)
        return 2
    try:
        if argv == ["sync"]:
            print("\n".join(f"rewrote {p}" for p in sync()) or "already in sync with course.yml")
            return 0
        out = stale()
    except ManifestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(f"stale: {p} (run `python -m tools.course sync`)" for p in out) or "in sync with course.yml")
    return 1 if out else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
