"""Hidden checks, learner side: hand the learner's results over as plain data, nothing more.

A hidden test cell calls the learner's function on its check inputs and passes each result to
``expect.<kind>(label, value, rule, ...)``. That call turns the value into plain JSON (numbers,
strings, lists, tables; nothing executable) and emits it as one output of the cell, with the MIME
type :data:`PROBE_MIME`. It compares nothing: the expected values do not exist in this process.

The grader side (:mod:`graders.compare`, an nbgrader preprocessor in the trusted nbgrader process)
runs the same cell of the instructor's notebook, where the names are bound to the reference
solution, takes its probes as the expected values, and compares the learner's probes with them,
turning the cell into a pass or a teaching failure (:mod:`graders.checks` messages).

Kinds (the options are read from the reference's probe, never from the learner's):

- ``number(label, value, rule, rtol=1e-6, atol=1e-9, hint="")``: one number.
- ``series(label, value, rule, what="entry", rtol=..., atol=..., check_order=False, hint="")``.
- ``frame(label, value, rule, what="row", key=None, rtol=..., check_order=True, hint="")``.
- ``set(label, value, rule, what="name")``: a collection of names, compared as a set.
- ``value(label, value, rule)``: exact plain data (str, bool, int, list, dict). A wrong yes/no
  answer is reported without the expected verdict.
- ``lookup(label, key, table, rule, at_least=None, at_most=None, best=None)``: for design
  choices. ``table`` maps every allowed choice (a string key) to its score, or to a pair
  ``[score, cost]``. The grader looks the learner's ``key`` up in the *reference run's* table: the
  score must meet the bounds, and with ``best="min"`` (or ``"max"``) the cost must be the lowest
  (highest) among the choices whose score meets them. Build the table by calling the exercise's
  functions (in the learner's run its table is ignored; only its key is used).

Everything a check needs must be computed in the cell (data or hand-made tables) and be
deterministic; the reference run and the learner's run execute the same lines.
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping

__all__ = ["PROBE_MIME", "expect", "encode"]

PROBE_MIME = "application/vnd.platform-workbook.probe+json"
_FLOAT, _INT, _STR, _BOOL = (0.0).__class__, (0).__class__, "".__class__, True.__class__
_MAX_ITEMS = 200_000


class Unreadable(Exception):
    """The value cannot be handed over as plain data."""


def _scalar(v: object):
    """A JSON scalar for one value, read from the built-in types' own slots (subclasses that
    override comparison or conversion play no part)."""
    import numpy as np

    if v is None:
        return None
    if isinstance(v, (_BOOL, np.bool_)):
        return {"b": bool(v)}
    if isinstance(v, _STR):
        return _STR.__str__(v)
    if isinstance(v, _INT):
        return _INT.__int__(v)
    if isinstance(v, _FLOAT):
        f = _FLOAT.__float__(v)
        return f if math.isfinite(f) else {"f": repr(f)}
    if isinstance(v, np.integer):
        return int(np.int64(v))
    if isinstance(v, np.floating):
        f = float(np.float64(v))
        return f if math.isfinite(f) else {"f": repr(f)}
    if hasattr(v, "isoformat") and type(v).__module__.startswith(("pandas", "datetime", "numpy")):
        return {"t": str(v.isoformat())}
    if type(v).__name__ in ("NAType", "NaTType"):
        return None
    raise Unreadable(type(v).__name__)


def _column(values) -> list:
    return [_scalar(v) for v in list(values)]


def encode(value: object) -> dict:
    """Plain JSON for a learner's result: ``{"type": ..., ...}``. Unknown types become
    ``{"type": "other", "name": <type name>}`` so the grader can say what it got."""
    import pandas as pd

    try:
        if isinstance(value, pd.DataFrame):
            if value.size > _MAX_ITEMS:
                return {"type": "other", "name": "DataFrame (too large)"}
            return {"type": "frame", "columns": _column(value.columns), "index": _column(value.index),
                    "data": [_column(value[c].to_numpy(dtype=object)) for c in value.columns]
                    if value.columns.is_unique else None}
        if isinstance(value, pd.Series):
            if len(value) > _MAX_ITEMS:
                return {"type": "other", "name": "Series (too large)"}
            return {"type": "series", "index": _column(value.index), "values": _column(value.to_numpy(dtype=object)),
                    "name": _scalar(value.name) if isinstance(value.name, (str, int, type(None))) else None}
        if isinstance(value, (set, frozenset)):
            return {"type": "set", "items": _column(value)}
        if isinstance(value, (list, tuple)):
            return {"type": "list", "items": [encode(v) for v in value[:_MAX_ITEMS]]}
        if isinstance(value, Mapping):
            return {"type": "dict", "items": [[_scalar(k), encode(v)] for k, v in list(value.items())[:_MAX_ITEMS]]}
        return {"type": "scalar", "value": _scalar(value)}
    except Unreadable as exc:
        return {"type": "other", "name": f"{type(value).__name__} holding a {exc}"}
    except Exception:  # a hostile or broken object: the grader reports it, nothing more
        return {"type": "other", "name": type(value).__name__}


class _Expect:
    """``expect.number(...)``, ``expect.series(...)``, ...: one probe per call."""

    @staticmethod
    def _emit(kind: str, label: str, value: object, rule: str, opts: dict) -> None:
        from IPython.display import publish_display_data

        probe = {"kind": kind, "label": str(label), "rule": str(rule), "opts": opts, "value": encode(value)}
        publish_display_data({PROBE_MIME: json.dumps(probe, separators=(",", ":")),
                              "text/plain": f"[hidden check {label!s}: result handed to the grader]"})

    def number(self, label, value, rule, *, rtol=1e-6, atol=1e-9, hint="", explain=""):
        self._emit("number", label, value, rule, {"rtol": rtol, "atol": atol, "hint": hint, "explain": explain})

    def series(self, label, value, rule, *, what="entry", rtol=1e-6, atol=1e-9, check_order=False, hint=""):
        self._emit("series", label, value, rule,
                   {"what": what, "rtol": rtol, "atol": atol, "check_order": check_order, "hint": hint})

    def frame(self, label, value, rule, *, what="row", key=None, rtol=1e-6, check_order=True, hint=""):
        self._emit("frame", label, value, rule,
                   {"what": what, "key": list(key) if key else None, "rtol": rtol, "check_order": check_order,
                    "hint": hint})

    def set(self, label, value, rule, *, what="name"):
        self._emit("set", label, value, rule, {"what": what})

    def value(self, label, value, rule, *, hint="", explain=""):
        """``explain`` (optional) is shown in feedback after grading whether the answer passed or
        not: the worked explanation of a question, which must not reach the learner before."""
        self._emit("value", label, value, rule, {"hint": hint, "explain": explain})

    def lookup(self, label, key, table, rule, *, at_least=None, at_most=None, best=None, hint=""):
        try:
            table = {str(k): v for k, v in dict(table).items()}
        except Exception:  # the learner's run: its table is never used
            table = {}
        self._emit("lookup", label, {"key": key, "table": table}, rule,
                   {"at_least": at_least, "at_most": at_most, "best": best, "hint": hint})


expect = _Expect()
