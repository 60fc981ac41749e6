"""Learners never see answers: release/ holds no solution code, no hidden test, and none of the
values the hidden tests compare against."""
from __future__ import annotations

import re

import nbformat
from nbclient import NotebookClient

from conftest import HIDDEN, ROOT, SOLUTION, grade_cells, release_notebook, source_notebook

MARKERS = re.compile(r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS")


def test_no_markers_anywhere_in_release():
    hits = [str(p) for p in (ROOT / "release").rglob("*") if p.is_file()
            and MARKERS.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert not hits, f"solution or hidden-test markers in {hits}"


def test_release_holds_only_the_notebook_and_its_data(assignment):
    folder = ROOT / "release" / assignment
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert f"{assignment}.ipynb" in files
    strays = [f for f in files if f != f"{assignment}.ipynb" and not f.startswith("data/")]
    assert not strays, f"unexpected files shipped to learners: {strays}"
    keys = ROOT / "tests" / "keys"
    assert not any(p.name in {k.name for k in keys.glob("*.json")} for p in folder.rglob("*") if keys.exists()), \
        "an answer key file is shipped in release/"


def _secret_lines(assignment: str) -> tuple[set[str], set[str]]:
    solution, hidden = set(), set()
    for cell in grade_cells(source_notebook(assignment)).values():
        meta = cell.metadata["nbgrader"]
        blocks = SOLUTION.findall(cell.source) if cell.cell_type == "code" else [cell.source] if meta["solution"] else []
        solution |= {ln.strip() for b in blocks for ln in b.splitlines() if len(ln.strip()) > 15}
        hidden |= {ln.strip() for b in HIDDEN.findall(cell.source) for ln in b.splitlines() if len(ln.strip()) > 15}
    return solution, hidden


def test_no_solution_or_hidden_test_line_in_release(assignment):
    solution, hidden = _secret_lines(assignment)
    assert solution and hidden, "the source notebook should have solutions and hidden tests"
    text = "\n".join(c.source for c in release_notebook(assignment).cells)
    assert not [ln for ln in solution if ln in text], "solution code appears in the student copy"
    assert not [ln for ln in hidden if ln in text], "hidden test code appears in the student copy"


def _distinctive(value: float) -> list[str]:
    if value == int(value) and abs(value) < 10_000:
        return []  # small whole numbers (counts, weeks) occur everywhere in prose
    forms = {repr(value), f"{value:.6g}"} | {f"{value:.{p}f}" for p in (2, 3, 4)}
    # a form must carry decimals and enough digits to be this value, not any number
    return sorted(f for f in forms if "." in f and len(f.lstrip("-0.").replace(".", "")) >= 4)


def _visible_text(nb) -> str:
    """What a learner can read in the notebook: cell sources and outputs (not nbgrader's checksums)."""
    parts = []
    for cell in nb.cells:
        parts.append(cell.source)
        for out in cell.get("outputs", []):
            parts.append(str(out.get("text", "")))
            parts.extend(str(v) for v in out.get("data", {}).values())
    return "\n".join(parts)


def test_expected_values_of_hidden_checks_are_not_in_release(assignment, tmp_path, monkeypatch):
    record = tmp_path / "expected.txt"
    monkeypatch.setenv("GRADERS_RECORD", str(record))
    nb = source_notebook(assignment)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(ROOT / "source" / assignment)}}).execute()
    values = {float(v) for v in record.read_text().split()}
    assert len(values) > 10, "the hidden checks should have recorded the values they compare against"
    released = _visible_text(release_notebook(assignment))
    leaked = sorted({form for v in values for form in _distinctive(v) if form in released})
    assert not leaked, f"expected values appear in release/{assignment}: {leaked[:10]}"
    # negative control: the scan does find an expected value printed in the student copy
    planted = release_notebook(assignment)
    samples = [v for v in sorted(values) if _distinctive(v)]
    assert samples, "no recorded expected value is distinctive enough to scan for"
    sample = next((v for v in samples if abs(v) >= 10), samples[0])
    shown = f"{sample:.2f}" if abs(sample) >= 10 else repr(sample)
    planted.cells.append(nbformat.v4.new_markdown_cell(f"The answer is {shown}."))
    assert any(form in _visible_text(planted) for form in _distinctive(sample))
