"""Run Prometheus' own rule checker, promtool, on a rule file written in a notebook (Week 6).

promtool comes with Debian's ``prometheus`` package: ``make install`` and ``make test`` install it
(tools/install_promtool.sh), Binder and the hub images from apt.txt. ``check(rules)`` runs
``promtool check rules``; ``test(rules, cases)`` runs ``promtool test rules`` on unit-test files
(Prometheus' format: input series, then the alerts or query results expected at given times) and
returns promtool's verdict per file. A rule file that is not YAML gets one message naming the line.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml

INSTALL = "sudo apt-get install -y prometheus  (Debian/Ubuntu; it provides promtool), or `make install` as root"


class ToolMissing(RuntimeError):
    """promtool is not installed on this machine."""


class RuleFileError(ValueError):
    """The text is not a Prometheus rule file (not YAML, or no ``groups:`` list)."""


def binary() -> str:
    """The path of promtool; ToolMissing with the install command when there is none."""
    found = shutil.which("promtool")
    if not found:
        raise ToolMissing(f"promtool is not installed. Install it with: {INSTALL}")
    return found


def parse(rules: str) -> dict:
    """The rule file as data; RuleFileError naming the line when it is not one."""
    if not isinstance(rules, str):
        raise RuleFileError(f"the rule file should be YAML text (a str); got {type(rules).__name__}.")
    try:
        doc = yaml.safe_load(rules)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleFileError(f"the rule file is not valid YAML ({where}{problem}).") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), list):
        raise RuleFileError("a Prometheus rule file is a YAML mapping with a top-level `groups:` list.")
    return doc


def _run(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    # promtool writes its verdict to stdout and the details of a failure to stderr: one pipe keeps their order
    return subprocess.run([binary(), *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=timeout, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})


def check(rules: str, timeout: float = 60) -> str:
    """'' when ``promtool check rules`` accepts the file, else promtool's message (or the YAML error)."""
    try:
        parse(rules)
    except RuleFileError as exc:
        return str(exc)
    with tempfile.TemporaryDirectory(prefix="promtool-") as tmp:
        Path(tmp, "rules.yml").write_text(rules, encoding="utf-8")
        proc = _run(["check", "rules", "rules.yml"], Path(tmp), timeout)
    if proc.returncode == 0:
        return ""
    lines = [ln.strip() for ln in proc.stdout.splitlines() if ln.strip() and not ln.startswith("Checking ")]
    return " ".join(ln for ln in lines if ln != "FAILED:") or "promtool check rules failed (no message)."


def test(rules: str, cases: dict, timeout: float = 120) -> dict:
    """Run ``promtool test rules`` once on every case (name -> unit-test YAML whose rule_files is
    [rules.yml]); return name -> 'SUCCESS' or promtool's failure, condensed to one line."""
    problem = check(rules, timeout)
    if problem:
        return {name: f"rule file rejected: {problem}" for name in cases}
    with tempfile.TemporaryDirectory(prefix="promtool-") as tmp:
        Path(tmp, "rules.yml").write_text(rules, encoding="utf-8")
        files = {}
        for k, (name, text) in enumerate(cases.items()):
            files[name] = f"case-{k}.yml"
            Path(tmp, files[name]).write_text(text, encoding="utf-8")
        proc = _run(["test", "rules", *files.values()], Path(tmp), timeout)
    # output: "Unit Testing:  case-0.yml" then "  SUCCESS" or "  FAILED:" and its details, per file
    parts = re.split(r"^Unit Testing:\s+(\S+)\s*$", proc.stdout, flags=re.M)
    verdict = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    return {name: _condense(verdict.get(file, proc.stdout)) for name, file in files.items()}


def _condense(block: str) -> str:
    """promtool's verdict on one file in one line: 'SUCCESS', or 'FAILED at <time>: got ...' (what fired)."""
    text = " ".join(block.split())
    if text.startswith("SUCCESS"):
        return "SUCCESS"
    text = text.removeprefix("FAILED:").strip()
    at = re.search(r"time: ([0-9dhms]+)", text)
    got = re.search(r"got: ?(\[.*?\]|nil|\{.*?\} \S+)", text)
    if at and got:
        return f"FAILED at {at.group(1)}: got {got.group(1)}"
    return f"FAILED: {text}"[:300]


def _counter(increments) -> str:
    """promtool's expanding notation for a counter that grows by ``increments[i]`` in minute i+1."""
    out, value, i, inc = ["0"], 0, 0, [int(v) for v in increments]
    while i < len(inc):
        j = i
        while j < len(inc) and inc[j] == inc[i]:
            j += 1
        out.append(f"{value + inc[i]}+{inc[i]}x{j - i - 1}")
        value += inc[i] * (j - i)
        i = j
    return " ".join(out)


def case(series: dict, expect: list, step: str = "1m", evaluation: str = "1m",
         query: str = 'max by (service) (ALERTS{{alertname="{alert}", severity="{severity}", alertstate="firing"}})',
         alert: str = "ErrorBudgetBurn") -> str:
    """One unit-test file for ``promtool test rules`` (rule_files: [rules.yml]).

    series: {'http_requests_total{service="x", code="503"}': per-step increments, ...};
    expect: [(step number, severity, service or None)]: at that step a ``severity`` alert is firing
    for ``service``, or (None) none is; instead of a service, a dict of labels ({"service": ..., "team": ...})
    names the labels the alert must carry (give a ``query`` that keeps them, e.g. ``max by (service, team)``)."""
    mult = {"s": 1, "m": 60, "h": 3600}[step[-1]] * int(step[:-1])
    checks = []
    for at, severity, who in expect:
        labels = who if isinstance(who, dict) else ({"service": who} if who else {})
        text = ", ".join(f'{k}="{v}"' for k, v in labels.items())
        samples = [{"labels": f"{{{text}}}", "value": 1}] if labels else []
        checks.append({"expr": query.format(alert=alert, severity=severity), "eval_time": f"{at * mult}s",
                       "exp_samples": samples})
    doc = {"rule_files": ["rules.yml"], "evaluation_interval": evaluation,
           "tests": [{"interval": step, "input_series": [{"series": s, "values": _counter(v)} for s, v in series.items()],
                      "promql_expr_test": checks}]}
    return yaml.safe_dump(doc, sort_keys=False, width=1000)


def http_traffic(minutes: int, service: str, errors_5xx=0, not_found=0, per_minute: int = 1000) -> dict:
    """Per-minute increments of ``http_requests_total`` for one service (for ``case``): ``errors_5xx``
    answered 503, ``not_found`` answered 404 and the rest 200; each a number or one value per minute."""
    import numpy as np

    err = np.broadcast_to(np.asarray(errors_5xx), (minutes,))
    nf = np.broadcast_to(np.asarray(not_found), (minutes,))
    series = 'http_requests_total{{service="{}", code="{}"}}'
    return {series.format(service, "200"): per_minute - err - nf, series.format(service, "404"): nf,
            series.format(service, "503"): err}
