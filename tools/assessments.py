"""Scenario assessments: a reviewed question bank (assessments/<id>.yml) -> an nbgrader notebook.

    python -m tools.assessments render     # assessments/<id>.yml -> authoring/<id>.py (then make release)
    python -m tools.assessments check      # exit 1 if a bank is invalid or its authoring file is stale
    python -m tools.assessments coverage   # rewrite docs/certification-coverage.md from course.yml and the banks

A bank is data a reviewer can read: per question an id, a short scenario, the question, either
lettered options with one answer or a computation on the organisation's data, an explanation and
its source (a section of the fact sheet, a primary source, or the data dictionary for questions
answered by computing). Rendering writes the jupytext text form of the assessment into
authoring/<id>.py, so the authoring pipeline, the release, the round trip and the leak scan treat
an assessment exactly like a week. Each question is one graded cell of 1 point: the visible part
only checks that an answer is recorded; the hidden part hands the answer to the grader
(:mod:`graders.hidden`), and the explanation reaches the learner in feedback after grading.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
BANKS = ROOT / "assessments"
AUTHORING = ROOT / "authoring"
FACTS_HINT = "platform-facts.md"
LETTERS = "abcdefgh"

SCHEMA = {
    "type": "object",
    "required": ["assessment", "week", "title", "intro", "questions"],
    "additionalProperties": False,
    "properties": {
        "assessment": {"type": "string", "pattern": r"^assessment-\d{2}$"},
        "week": {"type": "integer", "minimum": 1, "maximum": 8},
        "title": {"type": "string", "minLength": 3},
        "intro": {"type": "string", "minLength": 20},
        "datasets": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "questions": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["id", "scenario", "question", "explanation", "source", "domains"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": r"^q\d{2}$"},
                "scenario": {"type": "string", "minLength": 10},
                "question": {"type": "string", "minLength": 5},
                "options": {"type": "object", "minProperties": 3, "maxProperties": 6,
                            "propertyNames": {"pattern": "^[a-h]$"},
                            "additionalProperties": {"type": "string", "minLength": 1}},
                "answer": {"type": "string", "pattern": "^[a-h]$"},
                "compute": {"type": "string", "minLength": 5},
                "tolerance": {"type": "number", "exclusiveMinimum": 0},
                "explanation": {"type": "string", "minLength": 20},
                "source": {"type": "string", "minLength": 5},
                "domains": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            },
            "oneOf": [{"required": ["options", "answer"], "not": {"required": ["compute"]}},
                      {"required": ["compute"], "not": {"anyOf": [{"required": ["options"]}, {"required": ["answer"]}]}}],
        }},
    },
}


class BankError(ValueError):
    """A question bank that cannot be rendered; the message names the file and the question."""


def load(path: Path) -> dict:
    try:
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BankError(f"{path.name}: cannot be read as YAML ({exc})") from None
    try:
        jsonschema.validate(bank, SCHEMA)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise BankError(f"{path.name}, {where}: {exc.message}") from None
    ids = [q["id"] for q in bank["questions"]]
    if len(set(ids)) != len(ids):
        raise BankError(f"{path.name}: a question id is used twice")
    if path.stem != bank["assessment"]:
        raise BankError(f"{path.name}: says it is {bank['assessment']!r}; the file name must match")
    for q in bank["questions"]:
        if "options" in q:
            if q["answer"] not in q["options"]:
                raise BankError(f"{path.name}, {q['id']}: answer {q['answer']!r} is not one of its options")
            texts = [t.strip().lower() for t in q["options"].values()]
            if len(set(texts)) != len(texts):
                raise BankError(f"{path.name}, {q['id']}: two options have the same text")
            if list(q["options"]) != list(LETTERS[:len(q["options"])]):
                raise BankError(f"{path.name}, {q['id']}: options must be lettered a, b, c, ... in order")
        elif f"answer_{q['id']} =" not in q["compute"]:
            raise BankError(f"{path.name}, {q['id']}: compute must assign answer_{q['id']}")
    return bank


def banks() -> dict[str, dict]:
    return {p.stem: load(p) for p in sorted(BANKS.glob("assessment-*.yml"))}


def _md(text: str) -> str:
    """Markdown as jupytext percent comment lines."""
    return "\n".join(("# " + line).rstrip() for line in text.strip("\n").splitlines())


def _cell(meta: dict, body: str, markdown: bool = False) -> str:
    kind = " [markdown]" if markdown else ""
    return f"# %%{kind} nbgrader={json.dumps(meta)}\n{body.rstrip()}\n"


def _question_md(n: int, q: dict) -> str:
    lines = [f"### Question {n}", "", q["scenario"].strip(), "", f"**{q['question'].strip()}**"]
    if "options" in q:
        lines += [""] + [f"- **{k})** {v.strip()}" for k, v in q["options"].items()]
        letters = ", ".join(f'"{k}"' for k in q["options"])
        lines += ["", f"Answer with `answer_{q['id']} = \"…\"`, one of {letters}."]
    else:
        lines += ["", f"Compute it from the data and assign the number to `answer_{q['id']}`."]
    return "\n".join(lines)


def _check(n: int, q: dict) -> str:
    name = f"answer_{q['id']}"
    head = [f'"""Question {n}: an answer is recorded (it is marked when your notebook is graded)."""',
            "from graders import check, passed", "",
            f'check("{name}" in globals(), "{name}", "is not set yet: replace the stub with your answer.")']
    if "options" in q:
        opts = tuple(q["options"])
        head.append(f'check({name} in {opts!r}, "{name}", "should be one of {", ".join(opts)} (a lowercase letter in quotes).")')
        hand = f'expect.value("Question {n}", {name}, {json.dumps("the option that holds for this scenario")}, ' \
               f'explain={json.dumps(q["explanation"].strip())})'
    else:
        head.append(f'check(isinstance({name}, (int, float)) and not isinstance({name}, bool), "{name}", '
                    '"should be a number.")')
        tol = float(q.get("tolerance", 1e-6))
        hand = f'expect.number("Question {n}", {name}, {json.dumps("computed from the data as the question says")}, ' \
               f'rtol={tol!r}, explain={json.dumps(q["explanation"].strip())})'
    head.append(f'passed("question {n}")')
    return "\n".join(head + ["### BEGIN HIDDEN TESTS", "from graders.hidden import expect", "", hand,
                             "### END HIDDEN TESTS"])


def render(bank: dict, pass_mark: float) -> str:
    n = len(bank["questions"])
    parts = ["# ---\n# jupyter:\n#   kernelspec:\n#     display_name: Python 3 (ipykernel)\n#     language: python\n"
             "#     name: python3\n# ---\n"]
    intro = (f"# Week {bank['week']} assessment · {bank['title']}\n\n*Platform Engineering Workbook.*\n\n"
             f"{bank['intro'].strip()}\n\n**How it works.** {n} questions, 1 point each; the pass mark is "
             f"{pass_mark:.0%} ({math.ceil(pass_mark * n)} of {n}). For each question replace the stub with "
             "your answer, for example `answer_qNN = \"b\"` (a letter in quotes), and run the cell below it: it only checks that an "
             "answer is recorded. Your answers are marked when your notebook is graded, and the feedback then "
             "explains each question. Questions that say *compute* are answered from the organisation's data "
             "with pandas, not from memory.")
    parts.append(_cell({"grade_id": "title", "locked": True}, _md(intro), markdown=True))
    setup = ["import numpy as np", "import pandas as pd", "", "from workbook import load"]
    setup += [f'{d} = load("{d}")' for d in bank.get("datasets", [])]
    setup += ['print("Set-up done: answer the questions below.")']
    parts.append(_cell({"grade_id": "setup", "locked": True}, "\n".join(setup)))
    for i, q in enumerate(bank["questions"], 1):
        parts.append(_cell({"grade_id": f"{q['id']}-question", "locked": True}, _md(_question_md(i, q)), markdown=True))
        answer = f'answer_{q["id"]} = "{q["answer"]}"' if "options" in q else q["compute"].strip()
        parts.append(_cell({"grade": False, "grade_id": f"{q['id']}-answer", "locked": False, "solution": True},
                           f"### BEGIN SOLUTION\n{answer}\n### END SOLUTION"))
        parts.append(_cell({"grade": True, "grade_id": f"{q['id']}-check", "locked": True, "points": 1,
                            "solution": False}, _check(i, q)))
    sources = sorted({q["source"].strip() for q in bank["questions"]})
    refs = "## Sources\n\nEvery question is checked against one of these:\n\n" + "\n".join(f"- {s}" for s in sources)
    parts.append(_cell({"grade_id": "sources", "locked": True}, _md(refs), markdown=True))
    return "\n".join(parts)


def _pass_mark() -> float:
    from tools import course

    return float(yaml.safe_load(course.MANIFEST.read_text(encoding="utf-8")).get("pass_mark", 0.85))


def stale() -> list[str]:
    mark = _pass_mark()
    out = []
    for name, bank in banks().items():
        path = AUTHORING / f"{name}.py"
        if not path.exists() or path.read_text(encoding="utf-8") != render(bank, mark):
            out.append(str(path.relative_to(ROOT)))
    return out


def write_all() -> list[str]:
    mark = _pass_mark()
    written = []
    for name, bank in banks().items():
        path = AUTHORING / f"{name}.py"
        text = render(bank, mark)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(str(path.relative_to(ROOT)))
    return written


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"render", "check", "coverage"}:
        print(__doc__)
        return 2
    try:
        if argv[0] == "render":
            for path in write_all():
                print(f"rendered {path}")
        elif argv[0] == "check":
            late = stale()
            if late:
                print("stale (run `python -m tools.assessments render`): " + ", ".join(late))
                return 1
            print("question banks valid and rendered")
        else:
            from tools.coverage import write

            print(f"wrote {write()}")
    except BankError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
