"""Grading helpers: the checks that test cells call, and nbgrader plug-ins for instructors."""
from .checks import (CheckFailed, call, check, check_callable, check_frame, check_number, check_series,
                     check_set, check_type, passed)

__all__ = ["CheckFailed", "call", "check", "check_callable", "check_frame", "check_number",
           "check_series", "check_set", "check_type", "passed"]
