"""Week 7: plausible mistakes, each tied to the checks it must fail.

Each wrong answer is the reference answer with one plausible mistake swapped in (``_swap``), so
the mistake is the only difference. The "subtle-*" students pass every visible check and must be
caught by hidden checks; each combines mistakes in exercises that do not use one another, so
every mistake is isolated (exercise 2 and 3 use exercise 1's entropy, exercise 11 uses exercise
10's cost: those mistakes sit with different students). "wrong-visible" makes the mistakes the
visible checks already catch.
"""
from pathlib import Path

import nbformat

from graders.course import reference_answers

_SOURCE = Path(__file__).resolve().parents[2] / "source" / "week-07" / "week-07.ipynb"
_REF = reference_answers(nbformat.read(_SOURCE, as_version=4)) if _SOURCE.exists() else {}


def _swap(gid: str, old: str, new: str) -> str:
    text = _REF[gid]
    if old not in text:
        raise ValueError(f"{gid}: the reference no longer contains {old!r}: update tests/answers/week_07.py")
    return text.replace(old, new)


WRONG = {} if not _REF else {
    # the maximum entropy log2(k) of the k distinct characters, whatever their frequencies
    "subtle-entropy": ({
        "ex-1-answer": _swap("ex-1-answer", "    p = pd.Series(list(text)).value_counts(normalize=True).to_numpy()\n"
                             "    return float(-(p * np.log2(p)).sum())",
                             "    return float(np.log2(len(set(text))))"),
        # the health check opened to "any identity" (principals ["*"]): callers without mTLS are refused
        "ex-7-answer": _swap("ex-7-answer", "  - to: [{operation: {methods: [\"GET\"], paths: [\"/v1/health\"]}}]",
                             "  - from: [{source: {principals: [\"*\"]}}]\n"
                             "    to: [{operation: {methods: [\"GET\"], paths: [\"/v1/health\"]}}]"),
        # AWS's documented example key left in
        "ex-5-answer": _swap("ex-5-answer", '''        {"path": "detect_secrets.filters.regex.should_exclude_secret", "pattern": ["EXAMPLE$"]},\n''', ""),
    }, {"ex-1-hidden", "ex-2-hidden", "ex-5-hidden", "ex-7-hidden"}),  # (scan's checks do not hinge on the entropy formula)

    "subtle-b": ({
        # the limits taken as inclusive (>= instead of the detectors' strict >)
        "ex-2-answer": _swap("ex-2-answer", "if hex_entropy > 3.0", "if hex_entropy >= 3.0").replace(
            "entropy > 4.5", "entropy >= 4.5"),
        # counting rows, so a line flagged by two rules counts twice
        "ex-4-answer": _swap("ex-4-answer", '''    flagged = set(zip(findings["file"], findings["line"].astype(int)))''',
                             '''    flagged = list(zip(findings["file"], findings["line"].astype(int)))''').replace(
            "hits = len(flagged & secrets)", "hits = sum(f in secrets for f in flagged)"),
        # an edge is 'identified' if any of its requests used mTLS
        "ex-6-answer": _swap("ex-6-answer", 'identified_share=("mtls", "mean")', 'identified_share=("mtls", "max")'),
        # the principal alone decides; the method is ignored
        "ex-8-answer": _swap("ex-8-answer", 'for t in rule.get("to") or anything', "for t in anything"),
        # egress forgotten: compute only
        "ex-10-answer": _swap("ex-10-answer", ' + egress_gb * offers["egress_usd_per_gb"]', ""),
        # a second plugin with a known name silently replaces the first
        "ex-12-answer": _swap("ex-12-answer", "    if isinstance(name, str) and name in registry:", "    if False:"),
        # filters_used without the sequential-string heuristic (filters_used replaces the tool's defaults)
        "ex-5-answer": _swap("ex-5-answer", '''        {"path": "detect_secrets.filters.heuristic.is_sequential_string"},\n''', ""),
        # no mesh-wide allow-nothing: a workload without an ALLOW policy of its own is open to all
        "ex-7-answer": _swap("ex-7-answer", "# 1. deny by default, mesh-wide: an ALLOW policy without rules in the root namespace\n"
                             "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n"
                             "metadata: {name: allow-nothing, namespace: istio-system}\nspec: {}\n---\n", ""),
    }, {"ex-2-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden", "ex-8-hidden", "ex-10-hidden",
        "ex-11-hidden", "ex-12-hidden"}),

    "subtle-c": ({
        # only the first match of a rule on a line (str.extract instead of str.extractall)
        "ex-3-answer": _swap("ex-3-answer", 'matches = lines["text"].astype(str).str.extractall(pattern)',
                             'matches = lines["text"].astype(str).str.extract(pattern).dropna(how="all")'),
        # the key's length left open: a truncated key in a log line is reported too
        "ex-5-answer": _swap("ex-5-answer", r"twk_live_[A-Za-z0-9]{40}\b", r"twk_live_[A-Za-z0-9]+\b"),
        # the team's own workloads allowed by namespace: every workload of payments-core, present and future
        "ex-7-answer": _swap("ex-7-answer", '''  - from: [{source: {principals: ["tidewater.example/ns/payments-core/sa/payments-core-web",
                                  "tidewater.example/ns/payments-core/sa/payments-core-worker"]}}]''',
                             '''  - from: [{source: {namespaces: ["payments-core"]}}]'''),
        # the share of requests, not of services
        "ex-9-answer": _swap("ex-9-answer", 'return float(known.groupby("source_service")["mtls"].all().mean())',
                             'return float(known["mtls"].mean())'),
        # residency ignored
        "ex-11-answer": _swap("ex-11-answer", "    if residency is not None:", "    if False:"),
        # the old reading of Reading 1: base64 without the backslash of the plugin's charset
        "ex-2-answer": _swap("ex-2-answer", '0123456789+/\\\\-_=")', '0123456789+/-_=")'),
        # the old reading of exercise 8: a rule without `to` lists no method, so it allows nothing
        "ex-8-answer": _swap("ex-8-answer", 'for t in rule.get("to") or anything', 'for t in rule.get("to") or []'),
    }, {"ex-2-hidden", "ex-3-hidden", "ex-5-hidden", "ex-7-hidden", "ex-8-hidden", "ex-9-hidden", "ex-11-hidden"}),

    "subtle-d": ({
        # the decimal penalty applied to a single digit too: 1.2 / log2(1) divides by zero
        "ex-2-answer": _swap("ex-2-answer", " if text.isdigit() and len(text) > 1 else", " if text.isdigit() else"),
        # a rule without `from` taken to match nobody (Istio: any caller)
        "ex-8-answer": _swap("ex-8-answer", 'for f in rule.get("from") or anyone', 'for f in rule.get("from") or []'),
        # "allow what was observed": fraud-detection-api also POSTs today, so it gets POST too
        "ex-7-answer": _swap("ex-7-answer", '''    to: [{operation: {methods: ["GET"]}}]''',
                             '''    to: [{operation: {methods: ["GET", "POST"]}}]'''),
        # the allowlisted test data not excluded
        "ex-5-answer": _swap("ex-5-answer", '''        {"path": "detect_secrets.filters.regex.should_exclude_file", "pattern": ["^tests/fixtures/"]},\n''', ""),
    }, {"ex-2-hidden", "ex-5-hidden", "ex-7-hidden", "ex-8-hidden"}),

    "subtle-e": ({
        # the DENY scoped to payments-core-api by a selector: a team's later ALLOW elsewhere undoes rule 5
        "ex-7-answer": _swap("ex-7-answer", "metadata: {name: deny-delete-put, namespace: payments-core}\nspec:\n",
                             "metadata: {name: deny-delete-put, namespace: payments-core}\nspec:\n"
                             "  selector: {matchLabels: {app: payments-core-api}}\n"),
        # sandbox keys taken for secrets
        "ex-5-answer": _swap("ex-5-answer", r"\btwk_live_", r"\btwk_(?:live|test)_"),
    }, {"ex-5-hidden", "ex-7-hidden"}),


    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        "ex-1-answer": _swap("ex-1-answer", "np.log2(p)", "np.log(p)"),  # nats, not bits
        "ex-2-answer": _swap("ex-2-answer", "    return found", "    return sorted(found)"),  # a list
        "ex-3-answer": _swap("ex-3-answer", 'lines.groupby("path").cumcount() + 1', 'lines.groupby("path").cumcount()'),
        "ex-4-answer": _swap("ex-4-answer", 'return {"precision": hits / len(flagged)', 'return {"precision": 100 * hits / len(flagged)'),
        # a misspelt plugin name: the tool refuses the configuration, and the check quotes its message
        "ex-5-answer": _swap("ex-5-answer", '{"name": "AWSKeyDetector"}', '{"name": "AWSKeyDetecter"}'),
        "ex-6-answer": _swap("ex-6-answer", 'requests=("mtls", "size"), ', ""),
        # a typo in a field name: the evaluator refuses the document and names its path
        "ex-7-answer": _swap("ex-7-answer", "  action: DENY\n", "  acton: DENY\n"),
        "ex-8-answer": _swap("ex-8-answer", 'return pd.Series(requests.index.isin(pd.concat(hits)), index=requests.index, name="allowed")',
                             'return pd.Series(True, index=requests.index, name="allowed")'),
        "ex-9-answer": _swap("ex-9-answer", "    return set((seen", "    return list((seen"),
        "ex-10-answer": _swap("ex-10-answer", "    if pricing not in PRICING:\n", "    if False:\n"),
        "ex-11-answer": _swap("ex-11-answer", '    return {"provider": row["provider"], "region": row["region"], "monthly_usd": float(row["monthly_usd"])}',
                              '    return (row["provider"], row["region"], float(row["monthly_usd"]))'),
        "ex-12-answer": _swap("ex-12-answer", "    if problems:\n", "    if False:\n"),
    # (a list where a set is asked for passes exercise 9's hidden set check; exercise 10's hidden
    # checks use valid pricing only, so its missing ValueError costs the visible point alone)
    }, {f"ex-{n}-{kind}" for n in range(1, 13) for kind in ("visible", "hidden")} - {"ex-9-hidden", "ex-10-hidden"}),
}
