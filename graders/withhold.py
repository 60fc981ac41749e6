"""Answer-bearing text stays on the grader side: test cells are rewritten before the kernel runs them.

The ``rule``, ``hint`` and ``explain`` texts of hidden checks (``expect.<kind>(label, value, rule,
hint=..., explain=...)``, often ``_rule = "..."`` assigned in the cell) and the rule and hint of the
check helpers can state the method or name the right option. :func:`withhold` rewrites a test cell,
in the trusted nbgrader process, so that every such argument and every assignment of a name passed
as one is a token (``'[[withheld:3]]'``), and drops its comments; labels, inputs and the calls of the
learner's functions stay byte for byte, so the cell hands over what the instructor's cell does.

The comparison (:mod:`graders.compare`) reads every text from the reference run's probe (the
instructor's notebook, untouched, in a kernel of its own). :class:`WithholdAnswerText` keeps each
token's text when the cell spells it out, and :class:`graders.compare.CompareHidden` puts it back into
failure messages after the run and restores the cell's source.

A form this module cannot strip is an error, never a silent leak: :func:`withhold` lists it in
``problems`` (``tests/unit/test_withhold.py`` checks every assignment's test cells), and at grading
time the preprocessor refuses to run the notebook (a grader fault: the canary stops the class).
"""
from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

__all__ = ["withhold", "Withheld", "WithholdAnswerText", "restore_texts", "needs_withholding", "TOKEN_RE",
           "RESOURCE_KEY"]

# expect.<kind>(label, value, rule, ...) / expect.lookup(label, key, table, rule, ...)
EXPECT_RULE_POS = {"number": 2, "series": 2, "frame": 2, "set": 2, "value": 2, "lookup": 3}
# The check helpers (graders.checks): positions of their rule and hint parameters.
CHECK_TEXT_POS = {"check": (3, 4), "check_number": (3, 6), "check_series": (3,), "check_frame": (3,),
                  "check_set": (3,), "check_type": (3,)}
TEXT_KEYWORDS = ("rule", "hint", "explain")
HIDDEN_MODULES = ("graders.hidden", "graders.kernel.hidden")
TOKEN = "[[withheld:{}]]"
TOKEN_RE = re.compile(r"\[\[withheld:(\d+)\]\]")
RESOURCE_KEY = "graders_withheld"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"


class Unwithholdable(RuntimeError):
    """A test cell passes answer text in a form that cannot be withheld (a grader fault)."""


@dataclass
class Withheld:
    source: str                                          # what the learner's kernel runs
    texts: dict[str, str | None] = field(default_factory=dict)  # token -> its text (None: not a plain string)
    problems: list[str] = field(default_factory=list)    # forms that cannot be withheld (empty = safe)


def needs_withholding(source: str) -> bool:
    """A test cell with hidden tests or hidden checks (visible-only test cells are public anyway)."""
    return HIDDEN_BEGIN in source or "expect" in source


# ------------------------------------------------------------------------------------------ analysis
def _expect_kind(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "expect":
        return func.attr
    return None


def _check_name(func: ast.expr) -> str | None:
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return name if name in CHECK_TEXT_POS else None


def _text_names(expr: ast.expr) -> list[ast.Name]:
    """Names whose value *is* (part of) the text: the expression itself, operands of +, branches."""
    if isinstance(expr, ast.Name):
        return [expr]
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Mod)):
        return _text_names(expr.left) + (_text_names(expr.right) if isinstance(expr.op, ast.Add) else [])
    if isinstance(expr, ast.IfExp):
        return _text_names(expr.body) + _text_names(expr.orelse)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in (
            "format", "join", "strip", "replace"):
        return _text_names(expr.func.value)
    return []


def _static_text(expr: ast.expr, known: dict[str, str | None]) -> str | None:
    """The text an expression evaluates to, when the cell spells it out (else None)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, ast.Name):
        return known.get(expr.id)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left, right = _static_text(expr.left, known), _static_text(expr.right, known)
        return left + right if left is not None and right is not None else None
    return None


def _text_args(tree: ast.AST, problems: list[str]) -> list[ast.expr]:
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        kind, check = _expect_kind(node.func), _check_name(node.func)
        if kind is None and check is None:
            continue
        where = f"line {node.lineno}: {'expect.' + kind if kind else check}(...)"
        if kind is not None and kind not in EXPECT_RULE_POS:
            problems.append(f"{where}: unknown hidden-check kind")
            continue
        positions = {EXPECT_RULE_POS[kind]} if kind else set(CHECK_TEXT_POS[check])
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            problems.append(f"{where}: *args or **kwargs can carry rule text this module cannot see")
        found += [a for i, a in enumerate(node.args) if i in positions]
        found += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
    return found


def _expect_misuse(tree: ast.AST, problems: list[str]) -> None:
    """``expect`` only as ``expect.<kind>(...)``; imported only as ``expect``."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "expect":
            attr = parents.get(node)
            call = parents.get(attr)
            if not (isinstance(attr, ast.Attribute) and isinstance(call, ast.Call) and call.func is attr
                    and isinstance(node.ctx, ast.Load)):
                problems.append(f"line {node.lineno}: 'expect' used other than as expect.<kind>(...)")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in HIDDEN_MODULES or alias.name.startswith(HIDDEN_MODULES):
                    problems.append(f"line {node.lineno}: import {alias.name}: use 'from graders.hidden import expect'")
        elif isinstance(node, ast.ImportFrom) and node.module in HIDDEN_MODULES:
            for alias in node.names:
                if alias.name != "expect" or alias.asname not in (None, "expect"):
                    problems.append(f"line {node.lineno}: from {node.module} import {alias.name}"
                                    f"{' as ' + alias.asname if alias.asname else ''}: import only 'expect'")


def _bindings(tree: ast.AST) -> dict[str, list[ast.AST]]:
    """name -> the statements (or other nodes) that bind it in the cell."""
    out: dict[str, list[ast.AST]] = {}
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
            targets = [node.target]
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            targets = [node.target]
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            targets = [i.optional_vars for i in node.items if i.optional_vars is not None]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.setdefault(node.name, []).append(node)
        elif isinstance(node, ast.arg):
            out.setdefault(node.arg, []).append(node)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                out.setdefault((alias.asname or alias.name).split(".")[0], []).append(node)
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    out.setdefault(name.id, []).append(node)
    return out


def _within(node: ast.AST, spans: list[ast.AST]) -> bool:
    pos = (node.lineno, node.col_offset)
    end = (node.end_lineno, node.end_col_offset)
    return any((s.lineno, s.col_offset) <= pos and end <= (s.end_lineno, s.end_col_offset) for s in spans)


# ------------------------------------------------------------------------------------------ rewriting
def _offsets(source: bytes) -> list[int]:
    starts, total = [0], 0
    for line in source.splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def _strip_comments(source: str) -> str:
    """The source without comments (they can say anything); line structure kept."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    lines = source.splitlines(keepends=True)
    for tok in reversed(tokens):
        if tok.type == tokenize.COMMENT:
            (row, col), (_, end) = tok.start, tok.end
            line = lines[row - 1]
            lines[row - 1] = line[:col].rstrip() + line[end:] if line[:col].strip() else line[:col] + line[end:]
    return "".join(lines)


def _texty(stmt) -> bool:
    """An assignment of text (a string, an f-string, a sum of them)."""
    value = getattr(stmt, "value", None)
    return isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and value is not None and (
        _static_text(value, {}) is not None or isinstance(value, ast.JoinedStr)
        or (isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add)))


def _names_of_text(args: list[ast.expr], bindings: dict) -> set[str]:
    """Every name at a text position, every name inside a text argument that the cell binds to text,
    and the names those are built from (``_rule = _base + "..."``)."""
    names: set[str] = {n.id for a in args for n in _text_names(a)}
    names |= {n.id for a in args for n in ast.walk(a) if isinstance(n, ast.Name) and bindings.get(n.id)
              and all(_texty(s) for s in bindings[n.id])}
    todo = list(names)
    while todo:
        for stmt in bindings.get(todo.pop(), []):
            for n in _text_names(getattr(stmt, "value", None) or ast.Constant(None)):
                if n.id not in names:
                    names.add(n.id)
                    todo.append(n.id)
    return names


def _to_replace(tree, args, bindings, text_names, problems: list[str]) -> list[ast.expr]:
    """The expressions to replace: the text arguments and the values assigned to text names."""
    replace: list[ast.expr] = list(args)
    for name in sorted(text_names):
        stmts = bindings.get(name, [])
        if not stmts:
            problems.append(f"'{name}' is passed as check text but is not assigned in this cell: assign it here "
                            "(_rule = \"...\") so it can be withheld")
        for stmt in stmts:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and stmt.value is not None and all(
                    isinstance(t, ast.Name) for t in getattr(stmt, "targets", [getattr(stmt, "target", None)])):
                replace.append(stmt.value)
            else:
                problems.append(f"line {getattr(stmt, 'lineno', '?')}: '{name}' (check text) is bound by a "
                                f"{type(stmt).__name__}: assign it with a plain '{name} = \"...\"'")
    for node in ast.walk(tree):  # a text name may appear only where its text is used
        if isinstance(node, ast.Name) and node.id in text_names and isinstance(node.ctx, ast.Load) \
                and not _within(node, replace):
            problems.append(f"line {node.lineno}: '{node.id}' holds check text and is also used as data")
    return replace


def _rewrite(source: str, replace: list[ast.expr], known: dict) -> tuple[str, dict[str, str | None]]:
    """The source with each outermost replaced expression turned into a token; token -> text."""
    outer = [n for n in replace if not any(m is not n and _within(n, [m]) for m in replace)]
    unique = {(n.lineno, n.col_offset, n.end_lineno, n.end_col_offset): n for n in outer}
    texts: dict[str, str | None] = {}
    data = source.encode("utf-8")
    starts = _offsets(data)
    for i, (key, node) in reversed(list(enumerate(sorted(unique.items())))):
        token = TOKEN.format(i)
        texts[token] = _static_text(node, known)
        (l0, c0, l1, c1) = key
        data = data[:starts[l0 - 1] + c0] + repr(token).encode() + data[starts[l1 - 1] + c1:]
    return _strip_comments(data.decode("utf-8")), dict(sorted(texts.items()))


def withhold(source: str) -> Withheld:
    """The cell's source with every answer-bearing text replaced by a token (see the module doc)."""
    problems: list[str] = []
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return Withheld(source, {}, [f"line {exc.lineno}: not plain Python ({exc.msg}); the cell cannot be "
                                     "rewritten (no IPython magics or shell escapes in test cells)"])
    _expect_misuse(tree, problems)
    args = _text_args(tree, problems)
    bindings = _bindings(tree)
    text_names = _names_of_text(args, bindings)
    replace = _to_replace(tree, args, bindings, text_names, problems)
    known = {name: _static_text(bindings[name][0].value, {}) if len(bindings.get(name, [])) == 1
             and isinstance(bindings[name][0], ast.Assign) else None for name in text_names}
    new, texts = _rewrite(source, replace, known)
    try:
        ast.parse(new)
    except SyntaxError as exc:  # never expected: the edits replace whole expressions
        problems.append(f"the rewritten cell does not parse ({exc.msg}, line {exc.lineno})")
    for text in texts.values():
        if text and len(text) >= 8 and text in new:
            problems.append(f"the text {text[:40]!r} is still in the rewritten cell")
    return Withheld(new, texts, problems)


def restore_texts(text: str, texts: dict[str, str | None]) -> str:
    """A failure message of the learner's run with the tokens put back (after grading, grader side)."""
    def one(match: re.Match) -> str:
        return texts.get(match.group(0)) or ""
    out = TOKEN_RE.sub(one, text)
    return re.sub(r"(?m)^  (Rule|Hint): *$\n?", "", out).rstrip("\n") + ("\n" if text.endswith("\n") else "")


# ------------------------------------------------------------------------------------ preprocessor
class WithholdAnswerText(Preprocessor):
    """nbgrader autograde step, right before Execute: test cells run without their answer text.

    The original sources and the tokens' texts stay in this (trusted) process, in
    ``resources[RESOURCE_KEY]``; :class:`graders.compare.CompareHidden` puts them back after the run.
    Always enabled (nbconvert's preprocessors are off unless they say otherwise).
    """

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        kept = resources.setdefault(RESOURCE_KEY, {})
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
                continue
            if not needs_withholding(cell.source):
                continue
            result = withhold(cell.source)
            if result.problems:
                raise Unwithholdable(f"test cell {meta.get('grade_id')!r} passes check text in a form that cannot be "
                                     f"kept from the learner's kernel: {result.problems[0]}")
            kept[meta.get("grade_id")] = {"source": cell.source, "texts": result.texts}
            cell.source = result.source
        return nb, resources
