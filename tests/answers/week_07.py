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
    }, {"ex-1-hidden", "ex-2-hidden"}),  # (scan's checks do not hinge on the entropy formula)

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
    }, {"ex-2-hidden", "ex-4-hidden", "ex-6-hidden", "ex-8-hidden", "ex-10-hidden", "ex-11-hidden", "ex-12-hidden"}),

    "subtle-c": ({
        # only the first match of a rule on a line (str.extract instead of str.extractall)
        "ex-3-answer": _swap("ex-3-answer", 'matches = lines["text"].astype(str).str.extractall(pattern)',
                             'matches = lines["text"].astype(str).str.extract(pattern).dropna(how="all")'),
        # 'tests/fixtures/' anywhere in the path, not as a prefix
        "ex-5-answer": _swap("ex-5-answer", "~files.str.startswith(tuple(allowed_paths))",
                             "~files.map(lambda f: any(a in f for a in allowed_paths)).astype(bool)"),
        # every identified caller allowed, declared or not
        "ex-7-answer": _swap("ex-7-answer", '''    callers = to_dest.merge(pairs[["source_service", "destination_service"]].drop_duplicates())''',
                             '''    callers = to_dest'''),
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
    }, {"ex-2-hidden", "ex-8-hidden"}),

    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        "ex-1-answer": _swap("ex-1-answer", "np.log2(p)", "np.log(p)"),  # nats, not bits
        "ex-2-answer": _swap("ex-2-answer", "    return found", "    return sorted(found)"),  # a list
        "ex-3-answer": _swap("ex-3-answer", 'lines.groupby("path").cumcount() + 1', 'lines.groupby("path").cumcount()'),
        "ex-4-answer": _swap("ex-4-answer", 'return {"precision": hits / len(flagged)', 'return {"precision": 100 * hits / len(flagged)'),
        "ex-5-answer": _swap("ex-5-answer", "    return sorted(files[keep])", "    return set(files[keep])"),
        "ex-6-answer": _swap("ex-6-answer", 'requests=("mtls", "size"), ', ""),
        "ex-7-answer": _swap("ex-7-answer", '.str.removeprefix("spiffe://")', ""),
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
