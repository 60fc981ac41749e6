"""Answer text never reaches the learner's kernel: every test cell of every assignment can be rewritten
(graders.withhold), the rewrite holds none of the texts and computes the same, and a cell that passes
rule text in a form the rewrite cannot strip fails here, at authoring time, never silently at grading."""
from __future__ import annotations

import ast
import re
import textwrap

import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from graders.withhold import (TOKEN_RE, RESOURCE_KEY, Unwithholdable, WithholdAnswerText, needs_withholding,
                              restore_texts, withhold)
from tools import authoring

IDS = authoring.assignments()


def _test_cells(assignment: str):
    nb = authoring.to_notebook(authoring.AUTHORING / f"{assignment}.py")
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            yield meta["grade_id"], cell.source


def _texts_in(source: str) -> list[str]:
    """The string constants a cell passes as rule/hint/explain, found independently of the module:
    every keyword rule/hint/explain, every `_..rule = "..."`-style assignment."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg in ("rule", "hint", "explain"):
            out += [n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and "rule" in t.id for t in node.targets) \
                and isinstance(node.value, (ast.Constant, ast.JoinedStr, ast.BinOp)):  # text, not a table of rules
            out += [n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == "expect":
            pos = 3 if node.func.attr == "lookup" else 2
            if len(node.args) > pos:
                out += [n.value for n in ast.walk(node.args[pos]) if isinstance(n, ast.Constant)
                        and isinstance(n.value, str)]
    return [t for t in out if len(t) >= 12]


@pytest.mark.parametrize("assignment", IDS)
def test_every_test_cell_can_be_withheld(assignment):
    """Fails for any hidden cell a future edit writes in a form the rewrite cannot strip."""
    seen = 0
    for gid, source in _test_cells(assignment):
        if not needs_withholding(source):
            continue
        seen += 1
        result = withhold(source)
        assert not result.problems, f"{assignment} {gid}: {result.problems}"
        for text in _texts_in(source):
            assert text not in result.source, f"{assignment} {gid}: {text[:60]!r} would reach the kernel"
        assert "#" not in "".join(t.string for t in _comments(result.source)), f"{assignment} {gid}: comment kept"
    assert seen, f"{assignment}: no hidden test cell found"


def _comments(source):
    import io
    import tokenize
    return [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]


def test_assessment_explanations_are_withheld_and_kept_for_feedback():
    gid, source = next((g, s) for g, s in _test_cells("assessment-02") if g == "q01-check")
    result = withhold(source)
    explain = next(v for v in result.texts.values() if v and v.startswith("Feedback loops"))
    assert explain not in result.source and "Feedback loops" not in result.source
    assert "expect.value(\"Question 1\", answer_q01, '[[withheld:" in result.source


CELL = textwrap.dedent('''
    from graders import call, check
    from graders.hidden import expect
    _data = [3, 1, 2]
    _rule = ("sort ascending; "  # the method
             "ties keep their order")
    _tag_rule = "a tag is lower case"
    check(len(_data) == 3, "data", "should have three items.", _rule, hint="count them")
    for _x in _data:
        expect.number(f"f({_x})", _x * 2, _rule + " (twice)", hint=f"double {_x}", explain="because")
    expect.set("tags", {"a"}, _tag_rule, what="tag")
    expect.lookup("choice", "k", {"k": 1}, "the cheapest choice", at_least=1)
''')


def _run(source):
    """Execute a cell with a recording expect; returns what it handed over (label, value)."""
    got = []

    class Rec:
        def __getattr__(self, kind):
            return lambda label, value, *a, **k: got.append((kind, label, value))
    import graders
    env = {"expect": Rec()}
    code = source.replace("from graders.hidden import expect\n", "")
    exec(compile(code, "<cell>", "exec"), env)  # noqa: S102 - the test's own cell
    assert graders.check
    return got, env


def test_rewrite_hands_over_the_same_values_and_holds_no_text():
    result = withhold(CELL)
    assert not result.problems
    for text in ("sort ascending", "ties keep", "lower case", "(twice)", "because", "the cheapest", "the method"):
        assert text not in result.source, text
    assert "double" not in result.source
    assert _run(CELL)[0] == _run(result.source)[0]
    _, env = _run(result.source)
    assert TOKEN_RE.fullmatch(env["_rule"]) and TOKEN_RE.fullmatch(env["_tag_rule"])
    assert "sort ascending; ties keep their order" in result.texts.values()


@pytest.mark.parametrize("bad, why", [
    ("expect.value('q', 1, RULE)", "not assigned in this cell"),
    ("from x import RULE\nexpect.value('q', 1, RULE)", "bound by a ImportFrom"),
    ("for _r in ['a', 'b']:\n    expect.value('q', 1, _r)", "bound by a For"),
    ("_k = {'hint': 'the answer is b'}\nexpect.value('q', 1, 'r', **_k)", "**kwargs"),
    ("_a = ('q', 1, 'the answer is b')\nexpect.value(*_a)", "*args"),
    ("from graders.hidden import expect as e\ne.value('q', 1, 'r')", "import only 'expect'"),
    ("_v = expect.value\n_v('q', 1, 'r')", "other than as expect"),
    ("import graders.hidden\ngraders.hidden.expect.value('q', 1, 'r')", "import graders.hidden"),
    ("_rule = 'abc'\nexpect.value(_rule, 1, _rule)", "also used as data"),
    ("%time expect.value('q', 1, 'r')", "not plain Python"),
    ("expect.guess('q', 1, 'r')", "unknown hidden-check kind"),
])
def test_forms_that_cannot_be_withheld_fail_loudly(bad, why):
    problems = withhold(bad).problems
    assert any(why in p for p in problems), problems


def test_preprocessor_refuses_an_unwithholdable_cell_and_restore_puts_texts_back():
    meta = {"nbgrader": {"grade": True, "solution": False, "grade_id": "ex-1-hidden", "points": 1}}
    nb = new_notebook(cells=[new_code_cell(CELL, metadata=meta)])
    nb, res = WithholdAnswerText()(nb, {})  # as nbconvert calls it (a disabled preprocessor would skip)
    assert "sort ascending" not in nb.cells[0].source and res[RESOURCE_KEY]["ex-1-hidden"]["source"] == CELL
    token = next(t for t, v in res[RESOURCE_KEY]["ex-1-hidden"]["texts"].items() if v and v.startswith("sort"))
    message = f"data: should have three items.\n  Rule: {token}\n  Hint: [[withheld:99]]"
    assert restore_texts(message, res[RESOURCE_KEY]["ex-1-hidden"]["texts"]) == \
        "data: should have three items.\n  Rule: sort ascending; ties keep their order"
    bad = new_notebook(cells=[new_code_cell("### BEGIN HIDDEN TESTS\nfor _r in 'ab':\n    expect.value('q', 1, _r)",
                                            metadata=meta)])
    with pytest.raises(Unwithholdable, match="ex-1-hidden"):
        WithholdAnswerText()(bad, {})


def test_compare_restores_the_source_and_messages():
    from graders.compare import _restore
    cell = new_code_cell("x = '[[withheld:0]]'")
    cell.outputs = [new_output("error", ename="CheckFailed", evalue="a: b\n  Rule: [[withheld:0]]",
                               traceback=["a: b", "  Rule: [[withheld:0]]"])]
    _restore(cell, {"source": "x = 'the rule'", "texts": {"[[withheld:0]]": "the rule"}})
    assert cell.source == "x = 'the rule'" and cell.outputs[0].evalue.endswith("Rule: the rule")
    assert not re.search(TOKEN_RE, " ".join(cell.outputs[0].traceback))
