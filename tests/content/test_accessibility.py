"""Every figure a learner sees is accessible; every control has a label.

Each notebook in source/ (the instructor versions: every cell runs, solutions included) and in
notebooks/ is executed with nbclient, as a learner would run it (widgets on), with
workbook.figures recording every figure that is drawn. Then:

* every figure has a title and labelled axes, numeric axes name their unit, and data are drawn in
  the course's colour-blind-safe palette (rules in workbook/figures.py);
* every cell that draws a figure has a text description for screen readers next to it: the
  nearest markdown cell before or after it says "Text description" (or "Alt text");
* every interactive control (ipywidgets) has a description a screen reader can announce.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from workbook.figures import problems

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p for folder in ("source", "notebooks") for p in (ROOT / folder).rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)
MARK = "__ACCESSIBILITY_REPORT__"
FIGURE_CALL = re.compile(r"\bplt\.(show|subplots|figure)\(|\.plot\(|\bsns\.")
DESCRIPTION = re.compile(r"text\s+description|alt\s+text", re.I)

# nbclient intermittently never sees a cell finish when an ipywidgets Output widget captures
# output (interactive() does): the run then waits for the whole cell time-out (seen here in
# about one run in three). The widget's function still runs and draws; its figure simply lands
# in the cell's own output instead of inside the widget.
SETUP = """
from workbook.figures import record as _a11y_record
_a11y_record()
import ipywidgets as _a11y_w
_a11y_w.Output.__enter__ = lambda self: self
_a11y_w.Output.__exit__ = lambda self, *exc: None
"""
REPORT = f"""
import json as _a11y_json, sys as _a11y_sys
from workbook.figures import recorded as _a11y_recorded
_a11y_controls = []
if "ipywidgets" in _a11y_sys.modules:
    import ipywidgets as _a11y_w
    from ipywidgets.widgets.valuewidget import ValueWidget as _a11y_Value
    from ipywidgets.widgets.widget_description import DescriptionWidget as _a11y_Described
    _a11y_all = getattr(_a11y_w.widgets.widget, "_instances", None) or getattr(_a11y_w.Widget, "widgets", {{}})
    for _a11y_x in list(_a11y_all.values()):
        if isinstance(_a11y_x, _a11y_Value) and isinstance(_a11y_x, _a11y_Described):
            _a11y_controls.append({{"type": type(_a11y_x).__name__,
                                   "description": _a11y_x.description or "",
                                   "tooltip": getattr(_a11y_x, "tooltip", None) or ""}})
print({MARK!r} + _a11y_json.dumps({{"figures": _a11y_recorded(), "controls": _a11y_controls}}))
"""


def _run(path: Path) -> tuple[nbformat.NotebookNode, dict]:
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(SETUP))
    nb.cells.append(nbformat.v4.new_code_cell(REPORT))
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    out = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    assert MARK in out, f"no report from {path.name}: {out[-2000:]}"
    report = json.loads(out.split(MARK, 1)[1].strip().splitlines()[0])
    nb.cells = nb.cells[1:-1]
    return nb, report


@pytest.fixture(autouse=True)
def _as_a_learner(monkeypatch):
    # Widgets are shown, and figures drawn inline, as in a learner's JupyterLab.
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("MPLBACKEND", raising=False)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_figures_and_controls_are_accessible(path):
    nb, report = _run(path)
    rel = path.relative_to(ROOT)

    failures = []
    for k, fig in enumerate(report["figures"], start=1):
        label = next((a["title"] for a in fig["axes"] if a["title"]), fig["suptitle"]) or f"figure {k}"
        failures += [f"{label}: {p}" for p in problems(fig)]

    drawing = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (
        any("image/png" in o.get("data", {}) for o in c.get("outputs", []))
        or (FIGURE_CALL.search(c.source) and not c.metadata.get("nbgrader", {}).get("solution")))]
    for i in drawing:
        before = next((c for c in reversed(nb.cells[:i]) if c.cell_type == "markdown"), None)
        after = next((c for c in nb.cells[i + 1:] if c.cell_type == "markdown"), None)
        if not any(c is not None and DESCRIPTION.search(c.source) for c in (before, after)):
            failures.append(f"cell {i} draws a figure but neither neighbouring markdown cell gives a "
                            "'Text description:' of it for screen-reader users")

    for control in report["controls"]:
        if not (control["description"].strip() or control["tooltip"].strip()):
            failures.append(f"a {control['type']} widget has no description (label)")

    assert not failures, f"{rel}:\n  " + "\n  ".join(failures)
    if drawing:
        assert report["figures"], f"{rel}: cells draw figures but none was recorded"


def test_the_course_has_notebooks_to_check():
    assert any(p.is_relative_to(ROOT / "notebooks") for p in NOTEBOOKS)


def test_the_rules_catch_an_inaccessible_figure():
    import matplotlib
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2], color="#ff0000")
    ax.set_xlabel("week")
    found = " | ".join(problems(fig))
    plt.close(fig)
    assert "no title" in found and "y axis has no label" in found
    assert "names no unit" in found and "outside the course palette" in found

    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2], color="#0072B2")
    ax.set_title("Figure 9. Deploys per team")
    ax.set_xlabel("team")
    ax.set_ylabel("deploys per week (count)")
    assert problems(fig) == []
    plt.close(fig)
