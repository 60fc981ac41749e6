"""Learners never see answers: release/ holds no solution code, no hidden test, and none of the
values the hidden tests compare against.

The expected values are the hidden checks' reference probes (graders.reference: the instructor's
notebook run on the grader side; each probe gives a label, a kind, options and a plain-JSON
value). They are looked for in everything a learner reads: the release notebook's text and the
outputs it shows when run, both blank (as fetched) and with the reference answers filled in (what
a learner who solved the week sees: the checks' messages above all; the cells that show the
learner's own results are left out, see outputs_text). Numbers are matched as printed (repr), rounded (1-4 decimals, thousands separators) and
as percentages; sets of names in any order, as a list or one per line; strings as written, in the
outputs (a string the notebook's own text or data holds - a category the task names, an example -
is not distinctive). The negative control plants values into an output of the executed notebook
and goes through the very same scan.
"""
from __future__ import annotations

import copy
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import HIDDEN, ROOT, SOLUTION, fill, grade_cells, reference_answers, release_notebook, source_notebook
from graders.reference import reference_probes

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
    """Lines only the solutions / only the hidden tests hold (a line such as an import that the
    source also has outside them, in a cell learners get, is no secret)."""
    solution, hidden, public = set(), set(), set()
    for cell in source_notebook(assignment).cells:
        meta = cell.metadata.get("nbgrader", {})
        blocks = SOLUTION.findall(cell.source) if cell.cell_type == "code" else [cell.source] if meta.get("solution") else []
        solution |= {ln.strip() for b in blocks for ln in b.splitlines() if len(ln.strip()) > 15}
        hidden |= {ln.strip() for b in HIDDEN.findall(cell.source) for ln in b.splitlines() if len(ln.strip()) > 15}
        outside = HIDDEN.sub("", SOLUTION.sub("", cell.source)) if not (meta.get("solution") and cell.cell_type != "code") else ""
        public |= {ln.strip() for ln in outside.splitlines()}
    return solution - public, hidden - public


def test_no_solution_or_hidden_test_line_in_release(assignment):
    solution, hidden = _secret_lines(assignment)
    assert solution and hidden, "the source notebook should have solutions and hidden tests"
    lines = {ln.strip() for c in release_notebook(assignment).cells for ln in c.source.splitlines()}
    assert not solution & lines, f"solution code appears in the student copy: {sorted(solution & lines)[:5]}"
    assert not hidden & lines, f"hidden test code appears in the student copy: {sorted(hidden & lines)[:5]}"


# ---------------------------------------------------------------------------------------------
# The expected values: the hidden checks' reference probes
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Secret:
    """One value a hidden check compares against: a number, a string or a set of names."""
    check: str  # grade_id · probe label
    kind: str   # "number", "string", "set"
    value: float | str | frozenset


def _scalars(encoded: dict):
    """The plain values inside an encoded probe value (graders.hidden.encode), with where they are."""
    t = encoded.get("type")
    if t == "scalar":
        yield "value", encoded["value"]
    elif t == "series":
        for v in encoded["values"]:
            yield "series", v
    elif t == "frame":
        for column in encoded.get("data") or []:
            for v in column:
                yield "frame", v
    elif t in ("set", "list"):
        items = encoded["items"] if t == "set" else [i.get("value") for i in encoded["items"] if i.get("type") == "scalar"]
        for v in items:
            yield t, v
    elif t == "dict":
        for _, v in encoded["items"]:
            yield from _scalars(v)


def _names(encoded: dict) -> frozenset | None:
    """A collection of two or more names (set, list of strings, or a comma-joined choice)."""
    t = encoded.get("type")
    if t == "set":
        items = encoded["items"]
    elif t == "list":
        items = [i.get("value") for i in encoded["items"] if i.get("type") == "scalar"]
    elif t == "scalar" and isinstance(encoded["value"], str) and "," in encoded["value"]:
        items = [x.strip() for x in encoded["value"].split(",")]
    else:
        return None
    names = frozenset(i for i in items if isinstance(i, str) and i)
    return names if len(names) >= 2 and len(names) == len(items) else None


def secrets_of(probes: dict[str, list[dict]]) -> list[Secret]:
    """Every expected value of every hidden check, from its reference probes."""
    out: set[Secret] = set()
    for gid, cell_probes in probes.items():
        for probe in cell_probes:
            where = f"{gid} · {probe['label']}"
            value = probe["value"]
            if probe["kind"] == "lookup":  # the reference's choice is the answer; the table is every choice's score
                value = dict(value["items"]).get("key", {"type": "other"})
            names = _names(value)
            if names:
                out.add(Secret(where, "set", names))
            for place, v in _scalars(value):
                if isinstance(v, bool) or v is None or isinstance(v, dict):
                    continue  # yes/no verdicts, timestamps, missing values: nothing to scan for
                if isinstance(v, (int, float)):
                    out.add(Secret(where, "number", float(v)))
                elif isinstance(v, str) and place in ("value", "series") and not names:
                    out.add(Secret(where, "string", v))  # frame text and set items are the data's names
    return sorted(out, key=lambda s: (s.check, s.kind, str(s.value)))


# ---------------------------------------------------------------------------------------------
# The scan
# ---------------------------------------------------------------------------------------------

def _significant(form: str) -> int:
    return len(re.sub(r"[^0-9]", "", form).lstrip("0"))


def number_forms(value: float) -> list[str]:
    """The ways a notebook may print this number that are specific enough to be this value."""
    if not math.isfinite(value) or (value == int(value) and abs(value) < 10_000):
        return []  # small whole numbers (counts, weeks) occur everywhere in prose
    forms = {repr(value), f"{value:.6g}"} | {f"{value:.{p}f}" for p in (1, 2, 3, 4)}
    if abs(value) >= 1000:
        forms |= {f"{value:,.{p}f}" for p in (0, 1, 2)}
    # a plain form must carry decimals and at least 4 significant digits to be this value
    keep = {f for f in forms if ("." in f or "," in f) and _significant(f) >= 4}
    if abs(value) <= 1:  # a share, shown as a percentage: 3 significant digits and the % sign
        keep |= {f for p in (1, 2) if _significant(f := f"{100 * value:.{p}f}%") >= 3}
    return sorted(keep)


def _normalise(text: str) -> str:
    return re.sub(r"(\d)\s+%", r"\1%", text)


def _lists(text: str) -> list[frozenset]:
    """Every printed collection of names: bracketed or comma-separated on a line, and every run of
    consecutive lines (one name per line)."""
    found = []
    lines = text.splitlines()
    for inner in re.findall(r"[\[{(]([^\[\]{}()\n]*)[\]})]", text) + lines + [ln.rsplit(":", 1)[-1] for ln in lines]:
        items = [re.sub(r"^[\s'\"]+|[\s'\"]+$", "", x) for x in inner.split(",")]
        if len(items) >= 2:
            found.append(frozenset(items))
    lines = [ln.strip().strip("'\"-* ") for ln in lines]
    for n in range(2, 13):
        found += [frozenset(lines[i:i + n]) for i in range(len(lines) - n + 1)]
    return found


def leaks(text: str, secrets: list[Secret], ignore_strings: str | None = None) -> list[tuple[str, str]]:
    """(check, what is shown) for every secret that can be read in ``text``.

    Strings are only looked for when ``ignore_strings`` is given (the week's data and the
    notebook's own text and code): a string that occurs there - a category the task names, a
    name from the data - is not distinctive. So a notebook's text is scanned for numbers and sets,
    its outputs for strings as well."""
    text = _normalise(text)
    printed = set(_lists(text))
    found = set()
    for s in secrets:
        if s.kind == "number":
            # a printed number, not the tail of a larger one ("866.0" is not shown by "36866.0")
            found |= {(s.check, form) for form in number_forms(s.value)
                      if re.search(r"(?<![0-9])" + re.escape(form) + r"(?![0-9])", text)}
        elif s.kind == "set" and s.value in printed:
            found.add((s.check, f"the set {sorted(s.value)}"))
        elif (s.kind == "string" and ignore_strings is not None and len(s.value) >= 4
              and s.value not in ignore_strings and s.value in text):
            found.add((s.check, repr(s.value)))
    return sorted(found)


# ---------------------------------------------------------------------------------------------
# What a learner reads: the release notebook's text and outputs, blank and answered
# ---------------------------------------------------------------------------------------------

def learner_names(nb) -> set[str]:
    """The names the answer cells define (functions and top-level values the learner writes)."""
    names = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution"):
            names |= {a or b for a, b in re.findall(r"^def (\w+)|^(\w+)\s*=", cell.source, re.M)}
    return names


def outputs_text(nb, learner_results: set[str] = frozenset()) -> str:
    """What a learner can read in a notebook's outputs (text, HTML, LaTeX; not images).

    Left out: the answer cells (the learner's own code, showing what it computed) and, with
    ``learner_results``, the lab cells that show the learner's results (not test cells, that use
    one of those names). With the reference answers filled in, those cells show the reference's
    results on the notebook's own data, which a learner computes and sees anyway: no leak.
    Everything else - the check messages above all - is scanned."""
    uses = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, sorted(learner_results)))) if learner_results else None
    parts = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") or (uses and not meta.get("grade") and uses.search(cell.source)):
            continue
        for out in cell.get("outputs", []):
            parts.append(str(out.get("text", "")))
            parts += [out.get("ename", ""), out.get("evalue", ""), *out.get("traceback", [])]
            parts += [str(v) for k, v in out.get("data", {}).items() if not k.startswith("image/")]
    return "\n".join(parts)


def _execute(nb, folder: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER", "MPLBACKEND"))}
    NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute(env=env)
    return nb


_RUNS: dict[str, dict] = {}


@pytest.fixture
def week(assignment, tmp_path_factory, grading_cache) -> dict:
    """For one assignment: its secrets, and the release notebook executed blank and answered."""
    if assignment not in _RUNS:
        folder = ROOT / "release" / assignment
        probes = reference_probes(ROOT, assignment, cache_dir=grading_cache)
        if not any(probes.values()):
            pytest.fail(f"source/{assignment}: no hidden check hands its results to graders.hidden.expect, so "
                        "there are no reference probes to scan for (convert its hidden checks)")
        secrets = secrets_of(probes)
        blank = _execute(release_notebook(assignment), folder)
        answered_path = tmp_path_factory.mktemp(f"answered-{assignment}") / f"{assignment}.ipynb"
        nbformat.write(release_notebook(assignment), answered_path)
        fill(answered_path, reference_answers(assignment))
        answered = _execute(nbformat.read(answered_path, as_version=4), folder)
        data = "\n".join(p.read_text(encoding="utf-8", errors="ignore")
                          for p in (folder / "data").rglob("*") if p.is_file())
        prose = "\n".join(c.source for c in release_notebook(assignment).cells)
        _RUNS[assignment] = dict(secrets=secrets, blank=blank, answered=answered, prose=prose, data=data)
    return _RUNS[assignment]


# Values a lab works through on purpose before the exercise that asks for them all, reviewed one by
# one: (assignment, form) -> why it is no leak. Each must still be found (else it is stale).
WORKED_EXAMPLES = {
    ("week-01", "262.3"): "Lab 3 works the new-service task through by hand (lead time today vs with a golden "
                          "path); exercise 1 asks for every task's lead time to 1e-6, which one rounded entry "
                          "does not give away",
}


# What the text gives the learner on purpose and an expected value happens to equal: part of the
# task (the files to write, a target to meet), not an answer. (Strings the text gives - categories,
# examples - are not scanned for in the text, and are not distinctive in the outputs.)
GIVEN_IN_TASK = {
    ("capstone", "99.9%"): "the platform's SLO target, named in the task; an availability that rounds to it "
                           "does not give the computed value away",
    ("week-02", "the set ['orders-api/README.md', 'orders-api/service.yaml']"):
        "Exercise 7 says `svc create` writes README.md and service.yaml in the service's folder",
}


def _unexplained(assignment: str, found: list[tuple[str, str]]) -> list[str]:
    return [f"{check}: {shown}" for check, shown in found
            if (assignment, shown) not in WORKED_EXAMPLES and (assignment, shown) not in GIVEN_IN_TASK]


def test_worked_examples_are_still_there(assignment, week):
    text = week["prose"] + outputs_text(week["blank"]) + outputs_text(week["answered"])
    shown = {s for _, s in leaks(text, week["secrets"])}
    stale = [form for (a, form) in [*WORKED_EXAMPLES, *GIVEN_IN_TASK] if a == assignment and form not in shown]
    assert not stale, f"{assignment} no longer shows these: remove them from WORKED_EXAMPLES / GIVEN_IN_TASK: {stale}"


def test_the_hidden_checks_have_expected_values_to_scan_for(assignment, week):
    secrets = week["secrets"]
    # An assessment's multiple-choice answers are single letters, checked by test_assessments
    # (no `answer_qNN = "x"` in the release); its computed questions give the numbers to scan for.
    least = 3 if assignment.startswith("assessment-") else 5
    assert sum(bool(number_forms(s.value)) for s in secrets if s.kind == "number") >= least, \
        f"too few distinctive expected values to scan for: {secrets[:20]}"


def test_release_text_shows_no_expected_value(assignment, week):
    found = _unexplained(assignment, leaks(week["prose"], week["secrets"]))
    assert not found, f"release/{assignment} shows expected values in its text: {found[:10]}"


@pytest.mark.parametrize("run", ["blank", "answered"])
def test_release_outputs_show_no_expected_value(assignment, week, run):
    shown = outputs_text(week[run], learner_names(week[run]) if run == "answered" else frozenset())
    found = _unexplained(assignment, leaks(shown, week["secrets"], ignore_strings=week["data"] + week["prose"]))
    assert not found, f"release/{assignment} run {run} shows expected values in its outputs: {found[:10]}"


def test_the_scan_finds_values_planted_in_an_output(assignment, week):
    """Negative control: the same scan, on the same executed notebook, with expected values
    planted into one output, in the forms a notebook would print them."""
    secrets = week["secrets"]
    ignore = week["data"] + week["prose"]
    nb = copy.deepcopy(week["blank"])
    base = _normalise(outputs_text(nb))
    # values the outputs do not show yet, so that what the scan finds can only be the planted ones
    numbers = [s for s in secrets if s.kind == "number" and number_forms(s.value)
               and not any(f in base for f in number_forms(s.value))]
    assert numbers, "no distinctive number to plant"
    def printed_form(s) -> str:
        if abs(s.value) <= 1:
            return f"{100 * s.value:.1f} %"  # a rounded percentage, with a space
        return f"{s.value:,.2f}" if abs(s.value) >= 1000 else f"{s.value:.2f}"

    def distinctive(form: str) -> bool:
        return _significant(form) >= (3 if form.endswith("%") else 4)

    # the first share and the first larger number whose printed form is specific enough to be them
    share = next((s for s in numbers if abs(s.value) <= 1 and distinctive(printed_form(s))), None)
    big = next((s for s in numbers if abs(s.value) > 1 and distinctive(printed_form(s))), None)
    planted, expected = [], set()
    for s in filter(None, (share, big)):
        planted.append(f"the answer is {printed_form(s)}")
        expected.add(s.check)
    printed = set(_lists(base))
    sets = [s for s in secrets if s.kind == "set" and s.value not in printed]
    if sets:
        planted.append(str(sorted(sets[0].value, reverse=True)))  # another order than the reference's
        expected.add(sets[0].check)
    strings = [s for s in secrets if s.kind == "string" and len(s.value) >= 4 and s.value not in ignore
               and s.value not in base]
    if strings:
        planted.append(f"expected: {strings[0].value}")
        expected.add(strings[0].check)
    assert planted, "nothing distinctive to plant"
    before = leaks(outputs_text(nb), secrets, ignore_strings=ignore)
    code = next(c for c in nb.cells if c.cell_type == "code" and not c.metadata.get("nbgrader", {}).get("solution"))
    code.outputs.append(nbformat.v4.new_output("stream", name="stdout", text="\n".join(planted) + "\n"))
    after = leaks(outputs_text(nb), secrets, ignore_strings=ignore)
    caught = {check for check, _ in set(after) - set(before)}
    assert expected <= caught, f"planted {planted}; the scan caught only {sorted(caught)}"


def test_number_forms_cover_rounding_and_percentages():
    forms = number_forms(0.777307366638442)
    assert {"0.7773", "77.73%", "77.7%"} <= set(forms) and "0.78" not in forms
    assert {"764.98", "765.0", "764.983"} <= set(number_forms(764.9833333333333))
    assert "12,345.68" in number_forms(12345.6789)
    assert number_forms(42.0) == [] and number_forms(float("nan")) == []


def test_sets_are_found_in_any_order_and_layout():
    s = [Secret("x", "set", frozenset({"ci-cd-pipeline", "preview-envs", "service-template"}))]
    for text in ("{'service-template', 'ci-cd-pipeline', 'preview-envs'}",
                 "golden path: preview-envs, service-template, ci-cd-pipeline",
                 "- preview-envs\n- ci-cd-pipeline\n- service-template\n"):
        assert leaks(text, s), text
    assert leaks("the expected owner: group:infra/ops", [Secret("y", "string", "group:infra/ops")], ignore_strings="")
    assert not leaks("the expected owner: group:infra/ops", [Secret("y", "string", "group:infra/ops")]), \
        "strings are not looked for in a notebook's text"
    assert not leaks("['ci-cd-pipeline', 'preview-envs', 'service-template', 'dependency-bot']", s)
    assert not leaks("ci-cd-pipeline and preview-envs are capabilities", s)
