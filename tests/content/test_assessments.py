"""Scenario assessments: the question banks are sound, rendered, balanced, sourced and hidden.

The round trip (tests/pipeline/test_roundtrip.py) grades each assessment like a week: the
reference scores 100%, the blank release 0, and always answering the same letter loses exactly
the questions with another answer (tests/answers/_assessment.py).
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from tools import assessments
from tools import course as manifest

FACTS = ROOT.parent / "shared" / "reference" / "platform-facts.md"
BANKS = assessments.banks()


def test_every_available_assessment_has_a_bank_with_the_curriculum_count():
    course = manifest.load()
    for a in course.assignments:
        if not a.id.startswith("assessment-"):
            continue
        if a.status == "available":
            assert a.id in BANKS, f"{a.id} is available in course.yml but assessments/{a.id}.yml is missing"
        if a.id in BANKS:
            assert len(BANKS[a.id]["questions"]) == a.questions, f"{a.id}: the curriculum asks for {a.questions} questions"
            assert BANKS[a.id]["title"] == a.title


def test_banks_are_rendered():
    assert assessments.stale() == [], "run `python -m tools.assessments render`"


@pytest.mark.parametrize("broken, message", [
    ({"answer": "e"}, "not one of its options"),
    ({"options": {"a": "same", "b": "Same", "c": "other"}}, "same text"),
    ({"source": ""}, "source"),
    ({"compute": "x = 1"}, "options"),
])
def test_a_broken_question_is_refused_with_its_id(tmp_path, broken, message):
    bank = {"assessment": "assessment-09", "week": 2, "title": "Test bank", "intro": "An introduction of twenty characters.",
            "questions": [{"id": "q01", "scenario": "A scenario of words.", "question": "Which?",
                           "options": {"a": "one", "b": "two", "c": "three"}, "answer": "a",
                           "explanation": "Because the source says so, plainly.", "source": "A source", "domains": ["x"]}]}
    bank["questions"][0].update(broken)
    path = tmp_path / "assessment-09.yml"
    import yaml
    path.write_text(yaml.safe_dump(bank))
    with pytest.raises(assessments.BankError, match=r"assessment-09\.yml") as err:
        assessments.load(path)
    assert message in str(err.value) or "q01" in str(err.value) or "questions/0" in str(err.value)


@pytest.mark.parametrize("name", sorted(BANKS))
def test_each_question_has_exactly_one_correct_option(name):
    for q in BANKS[name]["questions"]:
        if "options" in q:
            assert list(q["answer"]) == [q["answer"]] and q["answer"] in q["options"]
            assert len({v.strip().lower() for v in q["options"].values()}) == len(q["options"])


@pytest.mark.parametrize("name", sorted(BANKS))
def test_always_the_same_letter_scores_no_more_than_chance(name):
    questions = BANKS[name]["questions"]
    mc = [q for q in questions if "options" in q]
    k = min(len(q["options"]) for q in mc)
    for letter in "abcdefgh"[:k]:
        hits = sum(q["answer"] == letter for q in mc)
        assert hits <= math.ceil(len(mc) / k), f"{name}: always answering {letter!r} earns {hits}/{len(questions)}"


def _fact_sections() -> dict[str, str]:
    text = FACTS.read_text(encoding="utf-8") if FACTS.exists() else ""
    return {m.group(1): m.group(0) for m in re.finditer(r"^#+ (\d+(?:\.\d+)?)\b.*$", text, re.M)}


@pytest.mark.parametrize("name", sorted(BANKS))
def test_every_question_cites_a_source_and_no_unverified_fact(name):
    sections = _fact_sections()
    for q in BANKS[name]["questions"]:
        source = q["source"]
        assert len(source.strip()) >= 5 and "[U]" not in source, f"{name} {q['id']}: source {source!r}"
        for ref in re.findall(r"platform-facts\.md §(\d+(?:\.\d+)?)", source):
            if sections:
                assert ref in sections, f"{name} {q['id']}: the fact sheet has no section {ref}"
                assert "[U]" not in sections[ref], f"{name} {q['id']}: section {ref} is unverified"


@pytest.mark.parametrize("name", sorted(BANKS))
def test_release_shows_neither_answers_nor_explanations(name):
    path = ROOT / "release" / name / f"{name}.ipynb"
    if not path.exists():
        pytest.skip(f"{name} is not released yet")
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert "BEGIN HIDDEN" not in text and "BEGIN SOLUTION" not in text
    for q in BANKS[name]["questions"]:
        assert q["explanation"].strip()[:60] not in text, f"{q['id']}: the explanation is in the release"
        if "options" in q:
            assert not re.search(rf'answer_{q["id"]}\s*=\s*"[a-h]"', text), f"{q['id']}: the answer is in the release"
        else:
            first = q["compute"].strip().splitlines()[0]
            assert first not in text, f"{q['id']}: the computation is in the release"
