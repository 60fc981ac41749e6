"""Grading: the checks that test cells call (``from graders import call, check, ...``), hidden
checks that hand results to the grader (:mod:`graders.hidden`), the trusted comparison
(:mod:`graders.compare`, :mod:`graders.reference`) and the instructors' grading tools.

The check helpers are loaded on first use (PEP 562), so an instructor command such as
``python -m graders.classgrade`` does not pay for pandas.
"""
from importlib import import_module

__all__ = ["CheckFailed", "call", "check", "check_callable", "check_frame", "check_number",
           "check_series", "check_set", "check_type", "passed"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(import_module(".kernel.checks", __name__), name)
    raise AttributeError(f"module 'graders' has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *__all__])
