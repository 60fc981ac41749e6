"""Checks that the notebooks' test cells call.

Every failing check raises :class:`CheckFailed` (an AssertionError, so nbgrader scores the cell
0) with a message that teaches: what was checked, the rule the answer must follow and, where a
common mistake is recognisable (minutes for hours, a percentage for a fraction), a hint.

Messages never print the expected values: hidden checks compare against values the learner
must not see, and the same helpers serve visible and hidden checks. They do show the learner's
own value, which is theirs to see.

A visible check that passes calls :func:`passed`, which says plainly that more checks run at
grading time: a learner never reads "all tests passed" when only the visible ones ran.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

__all__ = [
    "CheckFailed", "check", "check_callable", "check_type", "check_number", "check_series",
    "check_frame", "check_set", "passed", "call",
]

# Common slips, recognised from the ratio between the learner's value and the expected one.
_RATIO_HINTS = [
    (60.0, "your values look 60 times too large: did you forget to convert minutes to hours?"),
    (1 / 60, "your values look 60 times too small: hours where minutes were asked for?"),
    (100.0, "your values look 100 times too large: a percentage where a fraction (0 to 1) was asked for?"),
    (0.01, "your values look 100 times too small: a fraction where a percentage was asked for?"),
    (24.0, "your values look 24 times too large: hours where days were asked for?"),
    (1 / 24, "your values look 24 times too small: days where hours were asked for?"),
]


class CheckFailed(AssertionError):
    """A check of a learner's answer failed; the message explains what was expected and why."""

    def __init__(self, name: str, problem: str, rule: str = "", hint: str = ""):
        lines = [f"{name}: {problem}"]
        if rule:
            lines.append(f"  Rule: {rule}")
        if hint:
            lines.append(f"  Hint: {hint}")
        super().__init__("\n".join(lines))


def check(condition: object, name: str, problem: str, rule: str = "", hint: str = "") -> None:
    """Fail with a teaching message unless ``condition`` is a real ``True`` boolean."""
    if not (isinstance(condition, (bool, np.bool_)) and bool(condition) is True):
        raise CheckFailed(name, problem, rule, hint)


def _short(value: object, limit: int = 120) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _label(key: list[str], values: tuple) -> str:
    """('deploy-change', '4') on key [task_id, step_no] -> "task_id='deploy-change', step_no='4'"."""
    if len(key) == 1:
        return repr(values[0])
    return "(" + ", ".join(f"{k}={v!r}" for k, v in zip(key, values)) + ")"


class Unreadable:
    """A learner's result the grader could not read as plain data; it names the type it had."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<a {self.type_name}>"


def type_name(value: object) -> str:
    return value.type_name if isinstance(value, Unreadable) else type(value).__name__


def check_type(value: object, expected: type | tuple[type, ...], name: str, hint: str = "") -> None:
    """The answer exists and has the expected type (exact library types, not look-alikes)."""
    types = expected if isinstance(expected, tuple) else (expected,)
    wanted = " or ".join(t.__name__ for t in types)
    if value is None:
        raise CheckFailed(name, f"is None; expected a {wanted}.", hint=hint or "did you forget to `return` it?")
    if not isinstance(value, types):
        raise CheckFailed(name, f"is a {type_name(value)}; expected a {wanted}.", hint=hint)


def check_callable(obj: object, name: str) -> None:
    if not callable(obj):
        raise CheckFailed(name, f"should be a function you define with `def {name}(...)`.")


_FLOAT, _INT = (0.0).__class__, (0).__class__  # the real types, even if builtins were replaced


def _plain_float(v: object) -> float:
    """The value as a plain float, read from the built-in type's own slot: a subclass of float or
    int that overrides ``__float__``, ``__eq__`` or ``__abs__`` cannot change what is compared."""
    if type(v) is _FLOAT:
        return v
    if isinstance(v, _FLOAT):  # includes numpy.float64
        return _FLOAT.__float__(v)
    if isinstance(v, _INT):
        return _INT.__float__(v)
    if isinstance(v, np.generic):
        for base in type(v).__mro__:  # the numpy scalar type it derives from, not its overrides
            if base.__module__ == "numpy" and hasattr(base, "item"):
                return _FLOAT(base.item(v))
    return float(v)  # Decimal, Fraction, ...: plain value types


def _as_floats(values: Iterable, name: str) -> np.ndarray:
    """Plain float64 copy of the values: subclasses and custom __eq__ play no part in comparing."""
    try:
        arr = np.array([_plain_float(v) for v in values], dtype=np.float64)
    except (TypeError, ValueError):
        raise CheckFailed(name, "contains values that are not numbers.") from None
    if arr.dtype != np.float64:  # pragma: no cover - defensive
        raise CheckFailed(name, "contains values that are not numbers.")
    return arr


def _ratio_hint(actual: np.ndarray, expected: np.ndarray) -> str:
    ok = np.isfinite(actual) & np.isfinite(expected) & (expected != 0) & (actual != 0)
    if not ok.any():
        return ""
    ratio = float(np.median(actual[ok] / expected[ok]))
    for target, hint in _RATIO_HINTS:
        if math.isclose(ratio, target, rel_tol=0.02):
            return hint
    return ""


def _close(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    both_nan = np.isnan(actual) & np.isnan(expected)
    diff = np.abs(actual - expected)
    return both_nan | (diff <= atol + rtol * np.abs(expected))


def check_number(actual: object, expected: float, name: str, rule: str,
                 rtol: float = 1e-6, atol: float = 1e-9, hint: str = "") -> None:
    """A single number, compared as a plain float."""
    if isinstance(actual, (bool, np.bool_)) or not isinstance(actual, (int, float, np.integer, np.floating)):
        raise CheckFailed(name, f"should be a number; got {type_name(actual)} {_short(actual)}.", rule)
    a, e = _as_floats([actual], name), np.array([float(expected)])
    if not _close(a, e, rtol, atol).all():
        raise CheckFailed(name, f"your value {float(a[0]):.6g} is not right.", rule,
                          hint or _ratio_hint(a, e))


def check_series(actual: object, expected: pd.Series, name: str, rule: str, *,
                 what: str = "entry", rtol: float = 1e-6, atol: float = 1e-9, hint: str = "",
                 check_order: bool = False) -> None:
    """A pandas Series with exactly the expected labels and (approximately) the expected values.

    ``what`` names one label in messages ("task", "team"). With ``check_order`` the labels must
    also come in the expected order (for rankings).
    """
    check_type(actual, pd.Series, name, hint="build it with groupby(...) and aggregate one column, "
               "or pass a dict to pd.Series(...).")
    act_labels, exp_labels = list(actual.index), list(expected.index)
    if len(set(act_labels)) != len(act_labels):
        raise CheckFailed(name, f"has duplicate {what} labels; expected one value per {what}.", rule)
    missing = [x for x in exp_labels if x not in set(act_labels)]
    extra = [x for x in act_labels if x not in set(exp_labels)]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing {len(missing)} {what}(s), e.g. {_short(missing[0])}")
        if extra:
            parts.append(f"{len(extra)} unexpected {what}(s), e.g. {_short(extra[0])}")
        raise CheckFailed(name, "has the wrong index: " + "; ".join(parts) + f". Expected one value per {what}, "
                          f"indexed by {what}.", rule)
    if check_order and act_labels != exp_labels:
        raise CheckFailed(name, f"is not in the right order (first out of place: {_short(next(a for a, e in zip(act_labels, exp_labels) if a != e))}).", rule)
    exp = _as_floats(expected.to_numpy(), name)
    act = _as_floats(actual.reindex(exp_labels).to_numpy(dtype=object), name)
    ok = _close(act, exp, rtol, atol)
    if not ok.all():
        bad = [exp_labels[i] for i in np.flatnonzero(~ok)]
        first = bad[0]
        others = f" (and {len(bad) - 1} other {what}s)" if len(bad) > 1 else ""
        raise CheckFailed(
            name, f"the value for {what} {_short(first)} is not right: you have "
            f"{act[exp_labels.index(first)]:.6g}{others}.", rule, hint or _ratio_hint(act, exp))


def check_frame(actual: object, expected: pd.DataFrame, name: str, rule: str, *,
                what: str = "row", key: list[str] | None = None, rtol: float = 1e-6,
                check_order: bool = True, hint: str = "") -> None:
    """A DataFrame with the expected columns, rows (compared on ``key`` columns) and values."""
    check_type(actual, pd.DataFrame, name)
    missing = [c for c in expected.columns if c not in actual.columns]
    if missing:
        raise CheckFailed(name, f"is missing column(s) {missing}; it has {list(actual.columns)}.", rule)
    if len(actual) != len(expected):
        raise CheckFailed(name, f"has {len(actual)} {what}s, which is not the number asked for.", rule, hint)
    act = actual[list(expected.columns)].reset_index(drop=True)
    exp = expected.reset_index(drop=True)
    key = key or [c for c in expected.columns if not pd.api.types.is_float_dtype(expected[c])]
    act_keys = list(act[key].astype(str).itertuples(index=False, name=None))
    exp_keys = list(exp[key].astype(str).itertuples(index=False, name=None))
    if check_order and act_keys != exp_keys:
        pos = next(i for i, (a, e) in enumerate(zip(act_keys, exp_keys)) if a != e)
        where = "in the answer at all." if act_keys[pos] not in exp_keys else "in that position."
        raise CheckFailed(name, f"{what} {pos + 1} is {_label(key, act_keys[pos])}, which should not be {where}", rule, hint)
    if not check_order and sorted(act_keys) != sorted(exp_keys):
        raise CheckFailed(name, f"does not hold the right {what}s.", rule, hint)
    order = {k: i for i, k in enumerate(act_keys)}
    act = act.iloc[[order[k] for k in exp_keys]].reset_index(drop=True)
    for col in expected.columns:
        if col in key:
            continue
        if not pd.api.types.is_numeric_dtype(expected[col]):
            same = act[col].astype(str).to_numpy() == exp[col].astype(str).to_numpy()
            if not same.all():
                i = int(np.flatnonzero(~same)[0])
                raise CheckFailed(name, f"column {col!r} is wrong for {what} {_label(key, exp_keys[i])}.", rule, hint)
            continue
        a, e = _as_floats(act[col].to_numpy(dtype=object), name), _as_floats(exp[col].to_numpy(), name)
        ok = _close(a, e, rtol, 1e-9)
        if not ok.all():
            i = int(np.flatnonzero(~ok)[0])
            raise CheckFailed(name, f"column {col!r} is wrong for {what} {_label(key, exp_keys[i])}: you have {a[i]:.6g}.",
                              rule, hint or _ratio_hint(a, e))


def check_set(actual: object, name: str, allowed: Iterable[str], rule: str = "") -> frozenset:
    """A set (or list/tuple) of names, each from ``allowed``; returns it as a frozenset."""
    if isinstance(actual, str) or not isinstance(actual, (set, frozenset, list, tuple)):
        raise CheckFailed(name, f"should be a set of names like {{'a', 'b'}}; got {type_name(actual)}.", rule)
    items = list(actual)
    if not all(type(x) is str for x in items):
        raise CheckFailed(name, "should contain only names (strings).", rule)
    unknown = sorted(set(items) - set(allowed))
    if unknown:
        raise CheckFailed(name, f"contains unknown name(s) {unknown}.", rule)
    return frozenset(items)


def passed(name: str, points_pending: bool = True) -> None:
    """Tell the learner the visible checks passed, and that they are not the whole grade."""
    tail = " More checks of this answer run when your notebook is graded." if points_pending else ""
    print(f"Visible checks for {name} passed.{tail}")


def call(fn: Callable, *args, name: str, **kwargs):
    """Call the learner's function; turn their exception into a clear, attributable failure."""
    check_callable(fn, name)
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        raise CheckFailed(name, "is not answered yet (it still raises NotImplementedError).") from None
    except Exception as exc:  # the learner's own bug: say so plainly
        raise CheckFailed(name, f"raised {type(exc).__name__}: {exc}") from None
