"""Plausible wrong answers per assignment, used by the grading round trip (tests/pipeline/test_roundtrip.py).

Each module ``week_NN`` defines WRONG: student name -> (answers, zeroed) where ``answers`` maps a
solution cell's grade_id to the code a learner might write, applied on top of the reference
answers, and ``zeroed`` is the set of test cells that must then score 0 (all others full marks).
Together the wrong students must zero every auto-graded test cell at least once.
"""
