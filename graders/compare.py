"""Hidden checks, grader side: compare the learner's probes with the reference's, in nbgrader.

:class:`CompareHidden` is an nbgrader preprocessor that runs in the trusted nbgrader process right
after the notebook has been executed. For every auto-graded test cell it takes the probes the
learner's run emitted (:mod:`graders.hidden`), the reference run's probes for the same cell
(:mod:`graders.reference`: the instructor's notebook executed once, on the grader side), and
compares them with the teaching checks of :mod:`graders.checks`. The probes are then removed from
the cell; a failure becomes the cell's error output (so nbgrader scores it 0 and feedback shows
the message), a pass becomes one line saying the hidden checks passed.

The learner's probe contributes only its value. The kind of comparison, its tolerances, its rule
text and, for ``lookup``, the table come from the reference probe: a learner cannot loosen a
check by forging a probe. Anything malformed is the learner's failure, never a crash.
"""
from __future__ import annotations

import json
import math

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Unicode

from .kernel.checks import CheckFailed, Unreadable, check_frame, check_number, check_series, type_name
from .kernel.hidden import PROBE_MIME

__all__ = ["CompareHidden", "compare_cell", "probes_of", "decode"]


class GraderFault(RuntimeError):
    """The grader, not the learner, is at fault (no reference for a cell that has probes)."""


# ---------------------------------------------------------------------------------------- decoding
def _scalar(v):
    if isinstance(v, dict):
        if "b" in v:
            return bool(v["b"])
        if "f" in v:
            return float(v["f"])
        if "t" in v:
            return str(v["t"])
        raise ValueError("unknown scalar")
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    raise ValueError("not a scalar")


def decode(enc) -> object:
    """Plain Python/pandas objects from :func:`graders.hidden.encode`'s JSON."""
    import pandas as pd

    kind = enc.get("type") if isinstance(enc, dict) else None
    if kind == "scalar":
        return _scalar(enc["value"])
    if kind == "series":
        index = [_scalar(v) for v in enc["index"]]
        return pd.Series([_scalar(v) for v in enc["values"]], index=pd.Index(index, tupleize_cols=False),
                         name=_scalar(enc.get("name")), dtype=None if enc["values"] else float)
    if kind == "frame":
        cols = [_scalar(c) for c in enc["columns"]]
        if enc.get("data") is None:
            raise ValueError("duplicate column names")
        data = {c: [_scalar(v) for v in col] for c, col in zip(cols, enc["data"])}
        return pd.DataFrame(data, columns=cols, index=[_scalar(v) for v in enc["index"]])
    if kind == "set":
        return frozenset(_scalar(v) for v in enc["items"])
    if kind == "list":
        return [decode(v) for v in enc["items"]]
    if kind == "dict":
        return {_scalar(k): decode(v) for k, v in enc["items"]}
    if kind == "other":
        return Unreadable(str(enc.get("name", "value of an unknown type"))[:80])
    raise ValueError("unknown encoding")


def _plain(obj):
    """Decoded value -> hashable plain form for exact comparison (lists, dicts, scalars)."""
    import pandas as pd

    if isinstance(obj, (pd.Series, pd.DataFrame)):
        return ("table", obj.to_json())
    if isinstance(obj, list):
        return tuple(_plain(v) for v in obj)
    if isinstance(obj, dict):
        return tuple(sorted((repr(k), _plain(v)) for k, v in obj.items()))
    if isinstance(obj, frozenset):
        return ("set", tuple(sorted(map(repr, obj))))
    if isinstance(obj, float) and math.isnan(obj):
        return "nan"
    if isinstance(obj, Unreadable):
        return ("unreadable", obj.type_name)
    return (type(obj) is bool, obj)


# ------------------------------------------------------------------------------------ comparisons
def _set(actual, expected, label, rule, opts) -> None:
    what = opts.get("what") or "name"
    if isinstance(actual, list):
        actual = frozenset(a for a in actual if not isinstance(a, (list, dict)))
    if not isinstance(actual, frozenset):
        raise CheckFailed(label, f"should be a set of {what}s; got {type_name(actual)}.", rule)
    extra, missing = sorted(map(repr, actual - expected)), expected - actual
    if extra or missing:
        parts = [f"{len(extra)} {what}(s) that should not be there, e.g. {extra[0]}"] if extra else []
        parts += [f"{len(missing)} {what}(s) missing"] if missing else []
        raise CheckFailed(label, "has " + " and ".join(parts) + ".", rule, opts.get("hint", ""))


def _value(actual, expected, label, rule, opts) -> None:
    if _plain(actual) == _plain(expected):
        return
    if isinstance(expected, bool):
        if not isinstance(actual, bool):
            raise CheckFailed(label, f"should be True or False; got {type_name(actual)}.", rule)
        raise CheckFailed(label, "is not the right verdict for this input: apply the rule step by step.",
                          rule, opts.get("hint", ""))
    shown = repr(actual) if len(repr(actual)) <= 80 else repr(actual)[:77] + "..."
    raise CheckFailed(label, f"is not right: you have {shown}.", rule, opts.get("hint", ""))


def _score_cost(v):
    if isinstance(v, list) and len(v) == 2:
        return v[0], v[1]
    return v, None


def _meets(score, opts) -> bool:
    if not isinstance(score, (int, float)) or isinstance(score, bool) or score != score:
        return False
    return ((opts.get("at_least") is None or score >= opts["at_least"])
            and (opts.get("at_most") is None or score <= opts["at_most"]))


def _lookup(actual, expected, label, rule, opts) -> None:
    key = actual.get("key") if isinstance(actual, dict) else None
    table = expected.get("table") if isinstance(expected, dict) else None
    if not isinstance(table, dict):
        raise GraderFault(f"{label}: the reference run has no table of choices")
    if not isinstance(key, str):
        raise CheckFailed(label, f"could not be read as a choice; got {type_name(key)}.", rule)
    if key not in table:
        raise CheckFailed(label, f"your choice {key!r} is not one of the options this exercise allows.", rule)
    score, cost = _score_cost(table[key])
    if not _meets(score, opts):
        shown = f"{score:.4g}" if isinstance(score, (int, float)) and not isinstance(score, bool) else "no valid score"
        raise CheckFailed(label, f"your choice {key!r} scores {shown}, which does not meet the requirement.",
                          rule, opts.get("hint", ""))
    if opts.get("best") in ("min", "max"):
        costs = [c for s, c in map(_score_cost, table.values()) if _meets(s, opts) and isinstance(c, (int, float))]
        target = min(costs) if opts["best"] == "min" else max(costs)
        if not isinstance(cost, (int, float)) or not math.isclose(cost, target, rel_tol=1e-9, abs_tol=1e-9):
            word = "cheaper" if opts["best"] == "min" else "better"
            raise CheckFailed(label, f"your choice {key!r} meets the requirement, but a {word} choice also does.",
                              rule, opts.get("hint", ""))


def _compare(kind: str, actual, expected, label: str, rule: str, opts: dict) -> None:
    if kind == "number":
        check_number(actual, expected, label, rule, rtol=opts.get("rtol", 1e-6), atol=opts.get("atol", 1e-9),
                     hint=opts.get("hint", ""))
    elif kind == "series":
        check_series(actual, expected, label, rule, what=opts.get("what", "entry"), rtol=opts.get("rtol", 1e-6),
                     atol=opts.get("atol", 1e-9), hint=opts.get("hint", ""),
                     check_order=bool(opts.get("check_order")))
    elif kind == "frame":
        check_frame(actual, expected, label, rule, what=opts.get("what", "row"), key=opts.get("key"),
                    rtol=opts.get("rtol", 1e-6), check_order=bool(opts.get("check_order", True)),
                    hint=opts.get("hint", ""))
    elif kind == "set":
        _set(actual, expected, label, rule, opts)
    elif kind == "value":
        _value(actual, expected, label, rule, opts)
    elif kind == "lookup":
        _lookup(actual, expected, label, rule, opts)
    else:
        raise GraderFault(f"unknown hidden-check kind {kind!r}")


# ------------------------------------------------------------------------------------------ cells
def probes_of(cell) -> list[dict]:
    """The probes a cell's outputs carry, in order (malformed ones as ``{"bad": True}``)."""
    found = []
    for out in cell.get("outputs", []):
        data = out.get("data", {}) if out.get("output_type") in ("display_data", "execute_result") else {}
        if PROBE_MIME in data:
            try:
                raw = data[PROBE_MIME]
                probe = json.loads(raw) if isinstance(raw, str) else dict(raw)
                found.append(probe if isinstance(probe, dict) else {"bad": True})
            except (ValueError, TypeError):
                found.append({"bad": True})
    return found


def compare_cell(learner: list[dict], reference: list[dict]) -> str | None:
    """None when every learner probe matches its reference probe, else the teaching message."""
    if len(learner) != len(reference):
        if not learner:
            return "The hidden checks did not run to the end (did something clear this cell's output?)."
        return (f"The hidden checks expected {len(reference)} result(s) from this cell and received "
                f"{len(learner)}: something other than the check printed results for it.")
    for got, ref in zip(learner, reference):
        label = str(ref.get("label", "answer"))
        if got.get("bad") or got.get("label") != ref.get("label"):
            return f"{label}: the result handed to the grader could not be read."
        try:
            actual = decode(got.get("value"))
        except (ValueError, KeyError, TypeError, AttributeError):
            return f"{label}: your result could not be read as plain data (numbers, names, tables)."
        try:
            _compare(ref["kind"], actual, decode(ref["value"]), label, ref.get("rule", ""), ref.get("opts") or {})
        except CheckFailed as failed:
            return str(failed)
        except GraderFault:
            raise
        except Exception as exc:  # a learner's value that breaks a comparison is their failure
            return f"{label}: your result could not be compared ({type(exc).__name__})."
    return None


def _error_output(message: str):
    from nbformat.v4 import new_output

    return new_output("error", ename="CheckFailed", evalue=message, traceback=message.splitlines())


def judge_cell(cell, reference: list[dict] | None) -> None:
    """Replace the cell's probes by its verdict (in place)."""
    from nbformat.v4 import new_output

    learner = probes_of(cell)
    outputs = [o for o in cell.get("outputs", []) if not (o.get("output_type") in ("display_data", "execute_result")
                                                          and PROBE_MIME in o.get("data", {}))]
    if reference is None:
        raise GraderFault(f"cell {cell.metadata['nbgrader']['grade_id']!r} is not in the reference run of the "
                          "instructor's notebook: rebuild source/ and release/ (make release)")
    errored = any(o.get("output_type") == "error" for o in outputs)
    if not errored and (reference or learner):
        message = compare_cell(learner, reference)
        outputs.append(_error_output(message) if message else
                       new_output("stream", name="stdout", text=f"Hidden checks passed ({len(reference)}).\n"))
    notes = [str((p.get("opts") or {}).get("explain") or "") for p in reference]
    if any(notes):  # worked explanations: for the feedback, after grading, pass or fail
        outputs.insert(0, new_output("stream", name="stdout", text="".join(f"Explanation: {n}\n" for n in notes if n)))
    cell.outputs = outputs


def _restore(cell, kept: dict) -> None:
    """Put the withheld texts back into the cell's messages and its original source (in place)."""
    from .withhold import restore_texts

    texts = kept.get("texts") or {}
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            out["evalue"] = restore_texts(str(out.get("evalue", "")), texts)
            out["traceback"] = [restore_texts(str(line), texts) for line in out.get("traceback", [])]
        elif out.get("output_type") == "stream":
            out["text"] = restore_texts(str(out.get("text", "")), texts)
        elif out.get("output_type") in ("display_data", "execute_result") and "text/plain" in out.get("data", {}):
            out["data"]["text/plain"] = restore_texts(str(out["data"]["text/plain"]), texts)
    cell.source = kept["source"]


class CompareHidden(Preprocessor):
    """nbgrader autograde step, right after Execute: judge hidden checks on the grader side, then
    put back the test cells' texts that :class:`graders.withhold.WithholdAnswerText` kept out of
    the learner's kernel."""

    enabled = Bool(True).tag(config=True)
    cache_dir = Unicode("", help="Where the reference probes are cached (default <course>/.grading-cache)."
                        ).tag(config=True)

    def preprocess(self, nb, resources):
        from nbgrader.coursedir import CourseDirectory

        from .reference import expected_probes

        info = resources.get("nbgrader", {})
        coursedir = CourseDirectory(config=self.config)
        from .withhold import RESOURCE_KEY

        reference = expected_probes(coursedir, info["assignment"], info["notebook"], cache_dir=self.cache_dir or None)
        withheld = resources.get(RESOURCE_KEY) or {}
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
                judge_cell(cell, reference.get(meta.get("grade_id")))
                if meta.get("grade_id") in withheld:
                    _restore(cell, withheld[meta["grade_id"]])
        return nb, resources
