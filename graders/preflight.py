"""Preflight of one submitted notebook, in the grading parent process (no kernel).

A submission whose notebook is missing, renamed, empty or not valid notebook JSON is *failed
with its reason*, never graded as an ordinary 0. Structural edits are compared with the release:
deleted test cells are put back from the release (so their tests run), duplicated grade cells,
edited locked cells and edited points are reported as flags for review (nbgrader itself restores
locked cells and points).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat


@dataclass
class Preflight:
    notebook: object | None                 # the notebook to grade, or None when it cannot be graded
    failures: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass
class _GradeCell:
    gid: str
    meta: dict
    cell: object


def _grade_cells(nb) -> list[_GradeCell]:
    return [_GradeCell(c.metadata["nbgrader"]["grade_id"], c.metadata["nbgrader"], c) for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id")]


def _read(folder: Path, notebook: str) -> Preflight:
    path = folder / f"{notebook}.ipynb"
    if not path.exists():
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return Preflight(None, [f"notebook {notebook}.ipynb not found (renamed? submitted: {', '.join(others)})"])
        return Preflight(None, [f"no notebook {notebook}.ipynb submitted"])
    raw = path.read_bytes()
    if not raw.strip():
        return Preflight(None, [f"{notebook}.ipynb is an empty file"])
    try:
        text = raw.decode("utf-8")
        json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        return Preflight(None, [f"{notebook}.ipynb is not valid notebook JSON ({str(exc)[:80]})"])
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat's errors are varied
        return Preflight(None, [f"{notebook}.ipynb is not a valid notebook ({type(exc).__name__}: {str(exc)[:80]})"])
    return Preflight(nb)


def _drop_duplicates(nb, got: list[_GradeCell]) -> tuple[list[_GradeCell], list[str]]:
    counts: dict[str, int] = {}
    for g in got:
        counts[g.gid] = counts.get(g.gid, 0) + 1
    dup = sorted(g for g, n in counts.items() if n > 1)
    if not dup:
        return got, []
    first: set[str] = set()
    for c in nb.cells:  # nbgrader would keep the last copy, and fail on the stripped ones
        g = c.metadata.get("nbgrader", {}).get("grade_id")
        if g in dup and g in first:
            del c.metadata["nbgrader"]
        elif g in dup:
            first.add(g)
    return _grade_cells(nb), [f"duplicated grade cell(s): {', '.join(dup)} (only the first is graded)"]


def _edits(got: list[_GradeCell], ref: dict[str, _GradeCell]) -> list[str]:
    points, locked = set(), set()
    for g in got:
        r = ref.get(g.gid)
        if r is None:
            continue
        if g.meta.get("grade") and str(g.meta.get("points")) != str(r.meta.get("points")):
            points.add(g.gid)
        if any(g.meta.get(k) != r.meta.get(k) for k in ("grade", "solution", "locked")):
            points.add(g.gid)
        if r.meta.get("locked") and not r.meta.get("solution") and g.cell.source.strip() != r.cell.source.strip():
            locked.add(g.gid)
    flags = []
    if points:
        flags.append(f"edited nbgrader metadata (points/type) of {', '.join(sorted(points))} (restored by nbgrader)")
    if locked:
        flags.append(f"edited locked cell(s) {', '.join(sorted(locked))} (restored by nbgrader)")
    return flags


def _restore_deleted(nb, present: set[str], ref_cells: list[_GradeCell]) -> list[str]:
    """Deleted test cells: nbgrader would silently skip them; put them back where the release has them."""
    missing = [r.gid for r in ref_cells if r.gid not in present and r.meta.get("grade") and not r.meta.get("solution")]
    order = [r.gid for r in ref_cells]
    by_id = {r.gid: r for r in ref_cells}
    for gid in missing:
        before = set(order[: order.index(gid)])
        pos = 0
        for i, c in enumerate(nb.cells):
            if c.metadata.get("nbgrader", {}).get("grade_id") in before:
                pos = i + 1
        nb.cells.insert(pos, nbformat.from_dict(json.loads(json.dumps(by_id[gid].cell))))
    return [f"deleted test cell(s) {', '.join(missing)} (put back from the release and run)"] if missing else []


def preflight(folder: Path, notebook: str, release: Path | None) -> Preflight:
    """Check one submitted notebook against its release notebook."""
    result = _read(Path(folder), notebook)
    if result.notebook is None or release is None or not release.exists():
        return result
    nb = result.notebook
    ref_cells = _grade_cells(nbformat.read(release, as_version=4))
    got, flags = _drop_duplicates(nb, _grade_cells(nb))
    flags += _edits(got, {r.gid: r for r in ref_cells})
    flags += _restore_deleted(nb, {g.gid for g in got}, ref_cells)
    result.flags = flags
    return result
