"""The grading round trip (tests/pipeline/test_roundtrip.py) for the other half of the assignments,
in its own file so that `pytest -n 2 --dist loadfile` runs both halves at once."""
from conftest import ASSIGNMENTS
from test_roundtrip import *  # noqa: F401,F403 - the same tests
from test_roundtrip import course_fixture

course = course_fixture(ASSIGNMENTS[1::2])
