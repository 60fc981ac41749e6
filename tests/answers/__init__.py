"""Plausible wrong answers per assignment, used by the grading round trip (tests/pipeline/test_roundtrip.py).

Each module ``week_NN`` defines WRONG: student name -> (answers, zeroed) where ``answers`` maps a
solution cell's grade_id to the code a learner might write, applied on top of the reference
answers, and ``zeroed`` is the set of test cells that must then score 0 (all others full marks).
Together the wrong students must zero every auto-graded test cell at least once.
"""


def combine(mistakes: dict, *names: str) -> tuple[dict, set]:
    """One student who makes several mistakes, each in its own exercise: the union of their answers
    and of the checks they zero (mistakes of different exercises do not hide one another)."""
    answers, zeroed = {}, set()
    for name in names:
        a, z = mistakes[name]
        assert not set(a) & set(answers), f"{name}: two mistakes for one exercise in one student"
        answers.update(a)
        zeroed |= set(z)
    return answers, zeroed


def grouped(wrong: dict, alone: set[str] = frozenset()) -> dict:
    """Students whose mistake is in one answer cell are packed into as few students as possible,
    never two mistakes in one cell or zeroing one check (``alone``: students kept as they are)."""
    keep = {k: v for k, v in wrong.items() if len(v[0]) != 1 or k in alone}
    groups: list[list[str]] = []
    for name, (answers, zeroed) in wrong.items():
        if name in keep:
            continue
        for group in groups:
            cells = {c for g in group for c in wrong[g][0]}
            hit = {z for g in group for z in wrong[g][1]}
            if not set(answers) & cells and not set(zeroed) & hit:
                group.append(name)
                break
        else:
            groups.append([name])
    return {**keep, **{f"group-{i}": combine(wrong, *group) for i, group in enumerate(groups, 1)}}
