"""Wrong answers for a scenario assessment, made from its question bank.

A learner who always gives the same letter must lose exactly the questions whose answer is
another letter (two such learners, "a" and "b", cover every multiple-choice question); a learner
who computes with an off-by-one (a count one too high, a share in percent) loses exactly the
computed questions.
"""
from __future__ import annotations

from pathlib import Path

from tools.assessments import load

BANKS = Path(__file__).resolve().parents[2] / "assessments"


def wrong_for(assessment: str) -> dict:
    bank = load(BANKS / f"{assessment}.yml")
    mc = [q for q in bank["questions"] if "options" in q]
    computed = [q for q in bank["questions"] if "compute" in q]
    out = {}
    for letter in "ab":
        answers = {f"{q['id']}-answer": f'answer_{q["id"]} = "{letter}"' for q in mc}
        out[f"always-{letter}"] = (answers, {f"{q['id']}-check" for q in mc if q["answer"] != letter})
    if computed:
        answers = {f"{q['id']}-answer": q["compute"].rstrip() + f"\nanswer_{q['id']} = answer_{q['id']} * 100 + 1"
                   for q in computed}
        out["computed-off"] = (answers, {f"{q['id']}-check" for q in computed})
    return out
