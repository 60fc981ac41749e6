"""Week 8 assessment: wrong answers made from its question bank (see _assessment.py)."""
from answers._assessment import wrong_for

WRONG = wrong_for("assessment-08")
