# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade_id": "title", "locked": true}
# # Week 7 · Advanced Platform Capabilities
#
# *Platform Engineering Workbook — an 8-week course in Jupyter.*
#
# Tidewater's platform now has a catalog, golden paths, self-service infrastructure and deployments
# that teams run themselves. Three requests have reached the platform team this month. Security
# found a cloud key in a repository and asks for **"secure by default, not by choice"**. The
# service mesh team asks whether services can finally **trust nobody by default**. Finance asks
# whether the same workload could run **on another cloud**, and two stream-aligned teams want to
# **extend the platform** with their own plugins. This week you build the evidence and the small
# tools for each request.
#
# **How this notebook works.** Read each section, run the lab cells (Shift+Enter) and change them
# freely: they are yours to explore. Exercises are marked **Exercise N (k points)**: replace
# `raise NotImplementedError()` with your answer, then run the check cell below it. The checks
# you can see test the shape of your answer; more checks run when your notebook is graded (see
# [Check your work](#Check-your-work)). Two short reflections are read by your instructor.
#
# *All credentials in this week's repository snapshot are fake: random strings in the format of
# real keys, generated for this course. The course repository tells secret scanners so
# (`.gitleaks.toml`, `.github/secret_scanning.yml`).*

# %% [markdown] nbgrader={"grade_id": "objectives", "locked": true}
# ## Learning objectives
#
# By the end of this week you can:
#
# 1. Build a **secret scanner** from provider rules (in the style of gitleaks) and **Shannon
#    entropy** detection (as detect-secrets' plugins do), measure it with **precision and recall**
#    against labelled data, and configure **detect-secrets** itself, with a plugin for your
#    organisation's own key format, to a stated bar.
# 2. Apply **zero trust** between services: derive the observed service graph, write Istio
#    `AuthorizationPolicy` YAML for a team's stated intent (deny by default, **workload identity**,
#    least privilege), and evaluate allow-lists on real traffic the way Istio does.
# 3. Price one resource spec on **three clouds**, choose the cheapest placement under residency
#    and managed-service constraints, and say what a multi-cloud abstraction hides and leaks.
# 4. Design a **plugin contract** that lets teams extend the platform safely, and build a
#    marketplace listing from plugin metadata.

# %% [markdown] nbgrader={"grade_id": "setup-intro", "locked": true}
# ## Set-up
#
# Run this cell first. It loads this week's data from the course's `data/` folder and applies the
# course's figure style. Every column is documented in `data/README.md` (a copy travels in this
# assignment's `data/` folder).

# %% nbgrader={"grade_id": "setup", "locked": true}
import io
import math
import re

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from workbook import interactive_enabled, load, use_course_style
from workbook.data import read_text_files
from workbook.style import ACTIVE, HIGHLIGHT, OKABE_ITO

use_course_style()
repo = read_text_files("repo_snapshot")      # one row per file: path, text
labels = load("secret_labels")               # hand labels: which strings are (fake) secrets
requests = load("service_requests")          # one week of service-to-service requests from the mesh
declared = load("service_dependencies")      # who may call whom, as the catalog declares it
services = load("services")
teams = load("teams")
prices = load("price_table")                 # one resource spec priced on three providers
print(f"{len(repo)} files, {len(labels)} labelled strings, {len(requests):,} requests, "
      f"{len(declared)} declared dependencies, {prices['spec_id'].nunique()} resource specs")

# %% [markdown] nbgrader={"grade_id": "reading-1", "locked": true}
# ## Reading 1 · Secure by default: finding secrets before they leave the laptop
#
# A credential committed to a repository is copied to every clone, fork, CI cache and backup, and
# stays in the history after the line is deleted. The platform's answer is not a policy document
# but **guardrails in the path**: a pre-commit hook and a CI step that scan every change, a
# repository host that refuses pushes containing known key formats, and golden-path templates that
# read secrets from a secrets manager so nobody needs to paste one (OWASP, 2024). That is what the
# curriculum means by *developers secure by default, not by choice*.
#
# Scanners combine two kinds of detector:
#
# - **Rules for known formats.** gitleaks (2024) describes each rule with an `id`, a `regex`, an
#   optional capture group holding the secret, a minimum **entropy** and **allowlists**. Its AWS
#   rule matches `AKIA`, `ASIA`, `ABIA`, `ACCA`, or `A3T` plus one letter or digit, followed by 16
#   characters from `A–Z` and `2–7`, and allowlists secrets ending in `EXAMPLE`, because AWS's own documentation uses the
#   fake key `AKIAIOSFODNN7EXAMPLE`. A GitHub personal access token starts `ghp_` followed by 36
#   letters and digits. Without a `secretGroup`, gitleaks takes the first non-empty capture group
#   as the secret, and it **drops a match whose entropy is not above the rule's `entropy`**.
# - **Entropy for unknown formats.** A random key looks random. Shannon's (1948) entropy of a
#   string, counting each distinct character $c$ with frequency $p_c$,
#
#   $$H = -\sum_c p_c \log_2 p_c \quad\text{(bits per character)},$$
#
#   is 0 for `aaaa` and $\log_2 k$ for $k$ distinct characters used equally often. detect-secrets
#   (Yelp, 2024) has two entropy **plugins** that look at quoted strings: a string made only of
#   **base64** characters (letters, digits, `+`, `/`, `\`, `-`, `_`, `=`) is reported when
#   $H > 4.5$; a string made only of **hex** digits when $H > 3.0$, where an all-decimal-digit
#   string of two or more characters first has $1.2/\log_2(\text{length})$ taken off its entropy
#   (long numbers are rarely secrets; a single digit keeps its entropy, as $\log_2 1 = 0$). Both
#   limits are **strict**: a string exactly at the limit is not reported.
#
#   The `detect-secrets scan` command does more than its plugins. It reads YAML and INI files
#   through **transformers**, so their values are candidates without quotes; it runs more plugins
#   (an AWS key detector, a keyword detector for `password = ...`, a private-key detector and
#   others); and it applies default **filters** after the plugins: it drops sequential strings such
#   as `ABCDEF…` or `0123…`, UUIDs, templated values such as `${DB_PASSWORD}`, lock files, and more.
#   So a detector you write from the plugins' rules and the tool disagree on some lines; Lab 1
#   shows where. A team's configuration (the `plugins_used` and `filters_used` its baseline file
#   records) is exactly what the tool runs: a configuration that lists filters of its own and not
#   the default ones runs without the defaults. Filters such as `should_exclude_file` see each
#   path as the scan names it, relative to the folder the scan runs in (the repository's top), and
#   an organisation's own key formats get a **custom plugin**: a Python class the baseline points
#   to by file.
#
# Entropy also flags hashes, checksums and embedded images, so every scanner needs **allowlists**:
# documented example keys, and paths such as `tests/fixtures/` whose contents are known test data.
# How good a scanner is, is measured like any classifier, on labelled data: **precision** is the
# share of what it flags that is truly a secret, **recall** the share of true secrets it flags. The
# unit is the **line**, because a line is what a developer reads and fixes: two rules that flag
# the same line raise one alarm, not two, and a flagged line that nobody labelled is a false alarm.

# %% [markdown] nbgrader={"grade_id": "lab-1-intro", "locked": true}
# ## Lab 1 · Scan a repository for secrets
#
# `repo` holds the 14 files of the checkout-api repository. Look at a few, then at `labels`: every
# string a person marked as a secret (`is_secret`) or as a look-alike (example keys, placeholders,
# hashes, ids). `RULES` below are four rules in the style of gitleaks' default configuration.

# %% nbgrader={"grade_id": "lab-1-explore", "locked": true}
RULES = {
    "aws-access-token": {"regex": r"\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b",
                         "entropy": 3.0, "allowlist": [r".+EXAMPLE$"]},
    "github-pat": {"regex": r"ghp_[0-9a-zA-Z]{36}", "entropy": 3.0, "allowlist": []},
    "private-key": {"regex": r"-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----", "entropy": None,
                    "allowlist": []},
    "generic-api-key": {"regex": r"(?i)(?:access|auth|api|credential|creds|key|passw(?:or)?d|secret|token)"
                                 r"[\w.-]{0,20}[\"']?\s*[:=]\s*[\"']?([0-9a-z\-_.=+/]{10,150})",
                        "entropy": 3.5, "allowlist": []},
}
ALLOWED_PATHS = ("tests/fixtures/",)  # known test data: never blocks a commit
print(repo.loc[repo["path"] == "config/settings.py", "text"].iloc[0])
labels.groupby("is_secret")["kind"].value_counts()

# %% [markdown] nbgrader={"grade_id": "ex-1-intro", "locked": true}
# ### Exercise 1 (3 points) · Shannon entropy
#
# Write `shannon_entropy(text)` returning $H = -\sum_c p_c \log_2 p_c$ over the distinct characters
# of `text`, in **bits per character** (logarithm base 2), as a float. An empty string has entropy
# `0.0`.

# %% nbgrader={"grade": false, "grade_id": "ex-1-answer", "locked": false, "solution": true}
def shannon_entropy(text: str) -> float:
    """Shannon entropy of the characters of text, in bits per character."""
    ### BEGIN SOLUTION
    if not text:
        return 0.0
    p = pd.Series(list(text)).value_counts(normalize=True).to_numpy()
    return float(-(p * np.log2(p)).sum())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-1-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: entropy of strings whose entropy you can work out by hand."""
from graders import call, check_number, passed

_rule = "H = -sum(p * log2(p)) over the distinct characters, in bits per character; 0.0 for ''."
check_number(call(shannon_entropy, "aaaa", name="shannon_entropy"), 0.0, "shannon_entropy('aaaa')", _rule)
check_number(call(shannon_entropy, "abab", name="shannon_entropy"), 1.0, "shannon_entropy('abab')", _rule)
check_number(call(shannon_entropy, "", name="shannon_entropy"), 0.0, "shannon_entropy('')", _rule)
passed("shannon_entropy")

# %% nbgrader={"grade": true, "grade_id": "ex-1-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of shannon_entropy (2 points) run when your notebook is graded.
from graders import call

_ = call(shannon_entropy, "abc", name="shannon_entropy")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("H = -sum(p * log2(p)) over the distinct characters, with p the character's share of the string; "
         "bits per character (base-2 logarithm), not divided by the length or the alphabet.")
for _text in ("AKIAIOSFODNN7EXAMPLE", "aab", "1223334444", "abcdefghijklmnopqrstuvwxyz012345", "ghp_" + "Ab9" * 12,
              "éé€€€a"):
    expect.number(f"shannon_entropy({_text!r})", call(shannon_entropy, _text, name="shannon_entropy"), _rule, rtol=1e-9)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-2-intro", "locked": true}
# ### Exercise 2 (4 points) · High-entropy strings, the detect-secrets way
#
# Write `high_entropy_strings(line)` returning the **set** of quoted strings in one line of text
# that detect-secrets' two entropy **plugins** would report (the plugins alone, before the tool's
# filters and transformers of Reading 1):
#
# - a candidate is a run of non-blank characters between two matching quotes, `"…"` or `'…'`;
# - a candidate made only of **hex** digits (`0-9a-fA-F`) is reported when its entropy is
#   **strictly greater than 3.0**; if it is made only of decimal digits, first subtract
#   $1.2/\log_2(\text{length})$ from its entropy;
# - a candidate made only of **base64** characters, as Reading 1 lists them, is reported when its
#   entropy is **strictly greater than 4.5**.
#
# Use your `shannon_entropy`.

# %% nbgrader={"grade": false, "grade_id": "ex-2-answer", "locked": false, "solution": true}
HEX_DIGITS = set("0123456789abcdefABCDEF")
BASE64_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\\-_=")


def high_entropy_strings(line: str) -> set:
    """Quoted strings of one line that the hex (> 3.0) or base64 (> 4.5) entropy detector reports."""
    ### BEGIN SOLUTION
    found = set()
    for match in re.finditer(r"([\"'])([^\"'\s]+)\1", line):
        text = match.group(2)
        entropy = shannon_entropy(text)
        if set(text) <= HEX_DIGITS:
            hex_entropy = entropy - 1.2 / math.log2(len(text)) if text.isdigit() and len(text) > 1 else entropy
            if hex_entropy > 3.0:
                found.add(text)
                continue
        if set(text) <= BASE64_CHARS and entropy > 4.5:
            found.add(text)
    return found
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-2-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: a set of strings; plain words are not reported, a long random key is."""
from graders import call, check, check_type, passed

_name = "high_entropy_strings"
check_type(call(high_entropy_strings, 'x = "hello"', name=_name), set, "high_entropy_strings('x = \"hello\"')",
           hint="return a set, e.g. set() when nothing is found.")
check(call(high_entropy_strings, 'x = "hello"', name=_name) == set(), "high_entropy_strings('x = \"hello\"')",
      "reports 'hello': its entropy (about 1.9 bits) is far below both limits.")
_key = "Zq7Lm2Xr9Tb4Nc8Vd1Hs6Kp3Wf5Jg0Ya"
check(call(high_entropy_strings, f"key = '{_key}'", name=_name) == {_key}, f"high_entropy_strings(\"key = '{_key}'\")",
      "should report the quoted 32-character random key (base64 characters, entropy above 4.5).")
passed("high_entropy_strings")

# %% nbgrader={"grade": true, "grade_id": "ex-2-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of high_entropy_strings (3 points) run when your notebook is graded:
# they include strings exactly at a limit, decimal-only strings, unquoted values and every character
# of the plugin's base64 alphabet.
from graders import call

_ = call(high_entropy_strings, 'x = "hello"', name="high_entropy_strings")
### BEGIN HIDDEN TESTS
from graders.hidden import expect
from workbook.data import read_text_files as _read

_rule = ("the two plugins, before the tool's filters: quoted runs of non-blank characters; hex-only: entropy > 3.0 "
         "(decimal-only, two or more digits: minus 1.2/log2(length) first); base64-only (letters, digits, + / \\ - _ =): "
         "entropy > 4.5; both limits strict.")
_lines = [
    'a = "89abcdef"',                          # hex, exactly 3.0 bits: not reported (strict)
    'a2 = "AABBCCDDEEFFGGHHIJKLMNOPQRSTUVWX"',  # base64, exactly 4.5 bits: not reported (strict)
    'b = "0123456789"',                        # decimal only: 3.32 - 0.36 = 2.96, not reported
    "c = '0123456789abcdef0123'",              # hex, above 3.0
    'd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"',   # 32 distinct base64 characters: 5.0 > 4.5
    'e = "ABCDEFGHIJKLMNOPQRSTUVWXYZab" + \'zz\'', # 28 distinct: 4.81 > 4.5 ('detect-secrets scan' drops both
                                               # as sequential strings: the plugins report them)
    "f = ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",     # not quoted: not a candidate
    'g = "abc def ghijklmnopqrstuvwxyz0123"',  # contains blanks: not one candidate
    "h = \"mixed' quotes\"",                    # quotes that do not match
    'i = "Zq7Lm2Xr9Tb4Nc8Vd1Hs6Kp3Wf5Jg0Y\\a"',  # a backslash is in the base64 plugin's charset: 5.04 > 4.5
    'j = "7"',                                 # one decimal digit: no penalty (log2(1) = 0), 0 bits
]
for _i, _line in enumerate(_lines):
    expect.set(f"high_entropy_strings(hidden line {_i + 1})", call(high_entropy_strings, _line, name="high_entropy_strings"),
               _rule, what="string")
_repo = _read("repo_snapshot")
_all = _repo["text"].str.split("\n").explode()
expect.set("high_entropy_strings over every line of the repository snapshot",
           set().union(*[call(high_entropy_strings, _l, name="high_entropy_strings") for _l in _all]), _rule, what="string")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-3-intro", "locked": true}
# ### Exercise 3 (4 points) · Rule-based scan
#
# Write `scan(repo, rules)` returning a **DataFrame with one row per match** and the columns
# `file`, `line` (1 = first line of the file), `rule` and `secret`:
#
# 1. split each file into lines (`repo` has the columns `path` and `text`);
# 2. for every rule, find every match of its `regex` in every line; the **secret** is the first
#    non-empty capture group, or the whole match if the regex has no group (a match whose groups
#    all matched nothing has no secret and is left out: this lab's house rule);
# 3. drop a match when the rule has an `entropy` and the secret's entropy is **not above** it, and
#    when any of the rule's `allowlist` regexes is found in the secret (`re.search`).
#
# Sort the rows by `file`, `line`, `rule`. One line can match several rules: keep every match.
# Vectorise with pandas string methods rather than looping over lines. (If you wrap a regex in a
# group of your own, mind that an inline flag such as `(?i)` must stay at the very start of a
# pattern: Python 3.11 refuses it anywhere else.)

# %% nbgrader={"grade": false, "grade_id": "ex-3-answer", "locked": false, "solution": true}
def scan(repo: pd.DataFrame, rules: dict) -> pd.DataFrame:
    """Every rule match in every line of the repository: file, line, rule, secret."""
    ### BEGIN SOLUTION
    lines = repo.assign(text=repo["text"].str.split("\n")).explode("text").reset_index(drop=True)
    lines["line"] = lines.groupby("path").cumcount() + 1
    found = []
    for rule_id, rule in rules.items():
        pattern = rule["regex"] if re.compile(rule["regex"]).groups else f"({rule['regex']})"
        matches = lines["text"].astype(str).str.extractall(pattern)
        if matches.empty:
            continue
        secret = matches.replace("", np.nan).bfill(axis=1).iloc[:, 0]
        rows = lines.loc[matches.index.get_level_values(0), ["path", "line"]].reset_index(drop=True)
        rows = rows.assign(rule=rule_id, secret=secret.to_numpy()).dropna(subset=["secret"])
        if rule.get("entropy") is not None:
            rows = rows[rows["secret"].map(shannon_entropy) > rule["entropy"]]
        for allowed in rule.get("allowlist", []):
            rows = rows[~rows["secret"].str.contains(allowed, regex=True)]
        found.append(rows)
    out = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=["path", "line", "rule", "secret"])
    out = out.rename(columns={"path": "file"})[["file", "line", "rule", "secret"]]
    return out.sort_values(["file", "line", "rule"]).reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-3-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the columns, and the documented AWS example key is allowlisted."""
from graders import call, check, check_type, passed

_found = call(scan, repo.copy(), RULES, name="scan")
_name = "scan(repo, RULES)"
check_type(_found, pd.DataFrame, _name)
check(list(_found.columns) == ["file", "line", "rule", "secret"], _name,
      f"should have the columns ['file', 'line', 'rule', 'secret'] in that order; it has {list(_found.columns)}.")
check(not _found["secret"].astype(str).str.endswith("EXAMPLE").any(), _name,
      "reports AWS's documented example key: apply the rule's allowlist.")
check(bool((_found["line"].astype(int) >= 1).all()), _name, "has line numbers below 1: the first line is line 1.")
passed("scan")

# %% nbgrader={"grade": true, "grade_id": "ex-3-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of scan (3 points) run when your notebook is graded, on the snapshot and on files
# made for the check (several matches on a line, a secret exactly at a rule's entropy, no group).
from graders import call

_ = call(scan, repo.copy(), RULES, name="scan")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("one row per match of every rule on every line (lines numbered from 1); secret = first non-empty capture "
         "group or the whole match; drop it if entropy <= the rule's entropy or an allowlist regex is found in it; "
         "sorted by file, line, rule.")
expect.frame("scan(repo, RULES)", call(scan, repo.copy(), RULES, name="scan"), _rule, key=["file", "line", "rule", "secret"],
             check_order=False)
_files = pd.DataFrame({"path": ["a.cfg", "b/c.env"], "text": [
    "token = AKIAABCDEFGHIJKLMNOP token = AKIAQRSTUVWXYZ234567\nnothing here\nkey: aaaaaaaaaaaa",
    "x\ny = ASIAZZZZZZZZZZZZZZZZ\nsecret=0123456789abcdefABCD",
]})
_rules = {
    "aws": {"regex": r"\b((?:AKIA|ASIA)[A-Z2-7]{16})\b", "entropy": 3.0, "allowlist": [r"QRST"]},
    "word": {"regex": r"(?:token|secret|key)\s*[:=]\s*(\S+)", "entropy": 2.0, "allowlist": []},
    "nogroup": {"regex": r"AKIA[A-Z]{4}", "entropy": None, "allowlist": []},
}
expect.frame("scan(hand-made files, hand-made rules)", call(scan, _files, _rules, name="scan"), _rule,
             key=["file", "line", "rule", "secret"], check_order=False)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-1-combine", "locked": true}
# The scanner below combines your rule-based `scan` with your entropy detector (as rule
# `high-entropy`). **Figure 1** compares what each detector flags with the labels. *Text
# description:* one bar per detector, split into flagged lines that are labelled secrets (blue) and
# flagged lines that are not (orange); the rules flag mostly true secrets, the entropy detector also
# flags a commit hash and the embedded test image.

# %% nbgrader={"grade_id": "lab-1-figure", "locked": true}
def full_scan(repo: pd.DataFrame) -> pd.DataFrame:
    """Rules plus entropy: the findings a CI step or pre-commit hook would report."""
    lines = repo.assign(text=repo["text"].str.split("\n")).explode("text").reset_index(drop=True)
    lines["line"] = lines.groupby("path").cumcount() + 1
    entropy = lines.assign(secret=lines["text"].astype(str).map(high_entropy_strings)).explode("secret")
    entropy = entropy.dropna(subset=["secret"]).rename(columns={"path": "file"}).assign(rule="high-entropy")
    both = pd.concat([scan(repo, RULES), entropy[["file", "line", "rule", "secret"]]], ignore_index=True)
    return both.sort_values(["file", "line", "rule"]).reset_index(drop=True)


findings = full_scan(repo)
truth = labels.set_index(["file", "line"])["is_secret"]
flag_truth = findings.set_index(["file", "line"]).index.map(lambda k: bool(truth.get(k, False)))
per_rule = pd.crosstab(findings["rule"], np.where(flag_truth, "labelled secret", "not a secret"))
per_rule = per_rule.reindex(columns=["labelled secret", "not a secret"], fill_value=0)
fig, ax = plt.subplots(figsize=(8, 3.5))
ax.barh(per_rule.index, per_rule["labelled secret"], color=ACTIVE, label="labelled secret")
ax.barh(per_rule.index, per_rule["not a secret"], left=per_rule["labelled secret"], color=OKABE_ITO[1], label="not a secret")
ax.set_title("Figure 1. Lines flagged by each detector, against the labels")
ax.set_xlabel("flagged lines (count)")
ax.set_ylabel("detector (rule id)")
ax.legend(loc="lower right")
plt.show()
findings

# %% [markdown] nbgrader={"grade_id": "lab-1-tool-intro", "locked": true}
# ### The tool itself: where detect-secrets and a hand-written detector disagree
#
# The course installs detect-secrets 1.5.0 (Yelp, 2024). Below it scans the same snapshot twice:
# with only its two entropy plugins and no filters (the rules your `high_entropy_strings` follows),
# and the way `detect-secrets scan` runs by default (every plugin, the default filters). The table
# puts each flagged line of your detector beside the tool's plugin names. Read it with Reading 1:
#
# - your detector and the two plugins agree line for line (the course's tests check this on every
#   line of the snapshot);
# - the default scan's **AWS key detector** reports AWS's documented example key in `README.md`:
#   unlike gitleaks' rule, it has no `EXAMPLE` allowlist, so a team records it in a **baseline**
#   (`.secrets.baseline`) or marks the line `# pragma: allowlist secret`;
# - its **keyword detector** reads `deploy/secret.yaml` through the YAML transformer and reports the
#   unquoted `db-password` value, which no quoted-string rule sees;
# - neither run drops the allowlisted test image or the git commit hash in `deploy/config.yaml`: the
#   tool has no path allowlist unless you give it one (`--exclude-files`), and its filters do not
#   know a commit hash from a key;
# - neither finds the password inside `DATABASE_URL` in `docker-compose.yml`.
#
# Its default filters drop sequential strings such as `ABCDEF…`, which the two plugins report; the
# snapshot holds none, but a test file of your own would show it.

# %% nbgrader={"grade_id": "lab-1-tool", "locked": true}
from workbook import scanning

ENTROPY_PLUGINS_ONLY = {"plugins_used": [{"name": "Base64HighEntropyString", "limit": 4.5},
                                         {"name": "HexHighEntropyString", "limit": 3.0}], "filters_used": []}


def plugins_by_line(config: dict | None) -> pd.Series:
    """detect-secrets on the snapshot (config None: its defaults): the plugins that reported each line."""
    found = scanning.scan(repo, config)
    return found.groupby(["file", "line"])["type"].agg(lambda ts: ", ".join(sorted(set(ts))))


try:
    yours = findings[findings["rule"] == "high-entropy"].groupby(["file", "line"])["rule"].first()
    compare = pd.concat({"your detector": yours, "entropy plugins": plugins_by_line(ENTROPY_PLUGINS_ONLY),
                         "detect-secrets scan (default)": plugins_by_line(None)}, axis=1).fillna("")
    display(compare.sort_index())
except scanning.ScannerConfigError as exc:  # detect-secrets missing: one clear message
    print(exc)

# %% [markdown] nbgrader={"grade_id": "ex-4-intro", "locked": true}
# ### Exercise 4 (4 points) · Precision and recall of the scanner
#
# Write `precision_recall(findings, labels)` returning a **dict** `{"precision": p, "recall": r}`
# (fractions between 0 and 1): the scanner's precision and recall against the labels, measured
# the way Reading 1 measures a scanner. A share that cannot be computed is `nan`.

# %% nbgrader={"grade": false, "grade_id": "ex-4-answer", "locked": false, "solution": true}
def precision_recall(findings: pd.DataFrame, labels: pd.DataFrame) -> dict:
    """Precision and recall of a scanner over distinct (file, line) pairs."""
    ### BEGIN SOLUTION
    flagged = set(zip(findings["file"], findings["line"].astype(int)))
    secrets = set(zip(labels.loc[labels["is_secret"], "file"], labels.loc[labels["is_secret"], "line"].astype(int)))
    hits = len(flagged & secrets)
    return {"precision": hits / len(flagged) if flagged else float("nan"),
            "recall": hits / len(secrets) if secrets else float("nan")}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-4-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: a dict of two fractions."""
from graders import call, check, check_type, passed

_sample = labels[["file", "line"]].iloc[::2].assign(rule="sample", secret="?")  # every other labelled line
_pr = call(precision_recall, _sample, labels.copy(), name="precision_recall")
check_type(_pr, dict, "precision_recall(findings, labels)")
check(set(_pr) == {"precision", "recall"}, "precision_recall(findings, labels)",
      f"should have exactly the keys 'precision' and 'recall'; it has {sorted(map(str, _pr))}.")
check(all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in _pr.values()), "precision_recall(findings, labels)",
      "should hold fractions between 0 and 1 (not percentages).")
passed("precision_recall")

# %% nbgrader={"grade": true, "grade_id": "ex-4-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of precision_recall (3 points) run when your notebook is graded, on the snapshot's
# labels and on hand-made findings.
from graders import call

_ = call(precision_recall, labels[["file", "line"]].assign(rule="r", secret="s"), labels.copy(), name="precision_recall")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("score distinct (file, line) pairs: precision = flagged lines that are labelled secrets / flagged lines; "
         "recall = labelled secrets on a flagged line / labelled secrets.")
_get = lambda d, k: d.get(k) if isinstance(d, dict) else None  # noqa: E731
_lab = labels.copy()
_flag = pd.concat([_lab[["file", "line"]].iloc[1::3], _lab[["file", "line"]].iloc[1::3],  # each flagged twice
                   pd.DataFrame({"file": ["README.md", "deploy/id_rsa"], "line": [1, 2]})], ignore_index=True)
_pr = call(precision_recall, _flag.assign(rule="r", secret="s"), _lab, name="precision_recall")
expect.number("precision with the snapshot's labels", _get(_pr, "precision"), _rule)
expect.number("recall with the snapshot's labels", _get(_pr, "recall"), _rule)
_f = pd.DataFrame({"file": ["a", "a", "a", "b", "c"], "line": [1, 1, 2, 3, 9], "rule": ["x", "y", "x", "x", "x"],
                   "secret": ["s1", "s1", "s2", "s3", "s4"]})
_l = pd.DataFrame({"file": ["a", "a", "b", "d"], "line": [1, 2, 3, 4], "kind": ["k"] * 4,
                   "is_secret": [True, False, True, True], "value": ["s1", "s2", "s3", "s5"]})
_pr2 = call(precision_recall, _f, _l, name="precision_recall")
expect.number("precision on hand-made findings", _get(_pr2, "precision"), _rule)
expect.number("recall on hand-made findings", _get(_pr2, "recall"), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-5-intro", "locked": true}
# ### Exercise 5 (4 points) · Configure the organisation's scanner
#
# Tidewater's pre-commit hook and CI step run detect-secrets with one configuration for every
# repository. Security asks for two things:
#
# - **A plugin for Tidewater's own API keys.** A production key is `twk_live_` followed by exactly
#   40 letters and digits, and it is a secret wherever it appears, quoted or not; a sandbox key
#   (`twk_test_…`) is meant for tests and is not. For example, the key in
#   `curl -H "Authorization: Bearer twk_live_…" https://api.tidewater.example` must be found.
#   Assign to `TIDEWATER_PLUGIN` the source code of a Python module that defines the plugin as a
#   detect-secrets plugin class (detect-secrets' documentation: "Custom Plugins"; a subclass of
#   `detect_secrets.plugins.base.RegexBasedDetector` with a `secret_type` and a `denylist` is
#   one way).
# - **The plugins and filters**: assign to `SCANNER_CONFIG` a dict in the format of a baseline's
#   settings, `{"plugins_used": [...], "filters_used": [...]}`, choosing from detect-secrets'
#   plugins and filters. Your plugin is added to it by the course (as a baseline lists a custom
#   plugin).
#
# On every repository it is judged on — this snapshot and other Tidewater repositories you do not
# see, each with its labels — the scanner must reach a **precision of at least 0.8** and a
# **recall of at least 0.85**, measured as in Reading 1 (the visible check measures it with your
# Exercise 4). `workbook.scanning.scan(files, config, plugin_source)` runs detect-secrets itself
# the way the hook does, and returns its findings.

# %% nbgrader={"grade": false, "grade_id": "ex-5-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
TIDEWATER_PLUGIN = r'''
import re

from detect_secrets.plugins.base import RegexBasedDetector


class TidewaterKeyDetector(RegexBasedDetector):
    """Tidewater production API keys: twk_live_ and exactly 40 letters or digits (twk_test_ keys are sandbox keys)."""

    secret_type = "Tidewater API key"
    denylist = [re.compile(r"\btwk_live_[A-Za-z0-9]{40}\b")]
'''
SCANNER_CONFIG = {
    "plugins_used": [
        {"name": "AWSKeyDetector"}, {"name": "GitHubTokenDetector"}, {"name": "PrivateKeyDetector"},
        {"name": "KeywordDetector"},
        {"name": "Base64HighEntropyString", "limit": 4.5}, {"name": "HexHighEntropyString", "limit": 3.0},
    ],
    "filters_used": [
        # the allowlisted test data, as a path relative to the repository's top
        {"path": "detect_secrets.filters.regex.should_exclude_file", "pattern": ["^tests/fixtures/"]},
        # AWS's documented example keys end in EXAMPLE
        {"path": "detect_secrets.filters.regex.should_exclude_secret", "pattern": ["EXAMPLE$"]},
        # filters_used replaces the tool's defaults: keep the heuristics that drop look-alikes
        {"path": "detect_secrets.filters.heuristic.is_sequential_string"},
        {"path": "detect_secrets.filters.heuristic.is_potential_uuid"},
        {"path": "detect_secrets.filters.heuristic.is_likely_id_string"},
        {"path": "detect_secrets.filters.heuristic.is_templated_secret"},
        {"path": "detect_secrets.filters.heuristic.is_prefixed_with_dollar_sign"},
        {"path": "detect_secrets.filters.heuristic.is_indirect_reference"},
        {"path": "detect_secrets.filters.heuristic.is_lock_file"},
    ],
}
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-5-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the tool loads your configuration and plugin, finds the statement's example, and
meets the bar on this snapshot."""
from graders import call, check, passed
from workbook import scanning

check("TIDEWATER_PLUGIN" in globals() and "SCANNER_CONFIG" in globals(), "TIDEWATER_PLUGIN and SCANNER_CONFIG",
      "are not defined yet: assign both and run that cell.")
_example = pd.DataFrame({"path": ["scripts/call.sh"], "text": [
    'curl -H "Authorization: Bearer twk_live_' + "Q7w2ErT9yU4iO1pA8sD3fG6hJ0kL5zXcVbNm2QwE" + '" https://api.tidewater.example\n']})
_found = call(scanning.scan, _example, SCANNER_CONFIG, TIDEWATER_PLUGIN, name="detect-secrets with SCANNER_CONFIG")
check(len(_found) > 0, "detect-secrets with your plugin", "finds nothing in the statement's curl example.")
_found = call(scanning.scan, repo.copy(), SCANNER_CONFIG, TIDEWATER_PLUGIN, name="detect-secrets with SCANNER_CONFIG")
_said = "; ".join(f"{f}:{n} {ty}" for f, n, ty in _found.itertuples(index=False))
print(f"The tool reported {len(_found)} finding(s): {_said or 'nothing'}.")
# measured with your own precision_recall from Exercise 4 (the hidden checks measure it themselves)
_pr = call(precision_recall, _found.rename(columns={"type": "rule"}), labels.copy(), name="precision_recall")
_p, _r = (_pr.get("precision", float("nan")), _pr.get("recall", float("nan"))) if isinstance(_pr, dict) else (0, 0)
check(_p >= 0.8 and _r >= 0.85, "detect-secrets with SCANNER_CONFIG on the snapshot",
      f"reaches precision {_p:.2f} and recall {_r:.2f} by your Exercise 4 measure; the bar is 0.8 and 0.85.")
passed("TIDEWATER_PLUGIN and SCANNER_CONFIG")

# %% nbgrader={"grade": true, "grade_id": "ex-5-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of TIDEWATER_PLUGIN and SCANNER_CONFIG (3 points) run when your notebook is graded,
# on other repositories of Tidewater with their labels.
from graders import check

check("TIDEWATER_PLUGIN" in globals() and "SCANNER_CONFIG" in globals(), "TIDEWATER_PLUGIN and SCANNER_CONFIG",
      "are not defined yet.")
### BEGIN HIDDEN TESTS
from graders import call
from graders.hidden import expect
from workbook import scanning

_rule = ("precision >= 0.8 and recall >= 0.85 over distinct lines; production keys twk_live_ + exactly 40 letters and "
         "digits, anywhere; sandbox keys and look-alikes are not secrets; filters see paths from the repository's top, "
         "and filters_used replaces the tool's default filters.")
_gen = np.random.default_rng(707)
_b62 = list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_r = lambda n, chars=_b62: "".join(_gen.choice(chars, n))  # noqa: E731
_live = ["twk_live_" + _r(40) for _ in range(3)]
_keys_repo = pd.DataFrame({"path": ["deploy/app.env", "scripts/call.sh", "app/settings.py", "docs/keys.md", "docs/sandbox.md",
                                    "README.md", "tests/fixtures/img.py", "app/log.txt"], "text": [
    f"UPSTREAM={_live[0]}\nLOG_LEVEL=info\n", f'curl -H "Authorization: Bearer {_live[1]}" https://api.tidewater.example\n',
    f'KEY = "{_live[2]}"\n', "A production key is twk_live_ followed by 40 letters and digits.\n",
    f"Tests use the sandbox key twk_test_{_r(40)}.\n", "The AWS docs use AKIAIOSFODNN7EXAMPLE.\n",
    f'IMG = "{_r(80, _b62 + ["+", "/"])}"\n', "rejected key twk_live_abc123 (too short)\n"]})
_keys_labels = pd.DataFrame({"file": ["deploy/app.env", "scripts/call.sh", "app/settings.py"], "line": [1, 1, 1], "is_secret": True})
_other_repo = pd.DataFrame({"path": ["config/app.ini", "deploy/values.yaml", "src/db.py", "src/consts.py", "scripts/ci.sh",
                                     "deploy/key.pem", "src/alphabet.py", "deploy/compose.yml"], "text": [
    f"[db]\npassword = {_r(18)}\n", f"aws:\n  access_key_id: AKIA{_r(16, list('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'))}\n",
    'password = get_secret("db")\n', 'ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"\n', f"export GH=ghp_{_r(36)}\n",
    f"-----BEGIN EC PRIVATE KEY-----\n{_r(64)}\n-----END EC PRIVATE KEY-----\n", 'DIGITS = "0123456789abcdef0123"\n',
    "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"]})
_other_labels = pd.DataFrame({"file": ["config/app.ini", "deploy/values.yaml", "scripts/ci.sh", "deploy/key.pem"],
                              "line": [2, 2, 1, 1], "is_secret": True})
for _label, _files, _labels in [("the checkout-api snapshot", repo.copy(), labels.copy()),
                                ("a repository that uses Tidewater keys", _keys_repo, _keys_labels),
                                ("another service's repository", _other_repo, _other_labels)]:
    _found = call(scanning.scan, _files, SCANNER_CONFIG, TIDEWATER_PLUGIN, name="detect-secrets with SCANNER_CONFIG")
    _flagged = set(zip(_found["file"], _found["line"].astype(int)))
    _is = _labels["is_secret"].astype(bool)
    _secret = set(zip(_labels.loc[_is, "file"], _labels.loc[_is, "line"].astype(int)))
    _p = len(_flagged & _secret) / len(_flagged) if _flagged else 0.0
    _rc = len(_flagged & _secret) / len(_secret)
    expect.value(f"detect-secrets with SCANNER_CONFIG on {_label}: precision >= 0.8 and recall >= 0.85",
                 bool(_p >= 0.8 and _rc >= 0.85), _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reading-2", "locked": true}
# ## Reading 2 · Zero trust between services
#
# **Zero trust** (NIST SP 800-207; Rose et al., 2020) drops the idea that anything inside the
# network perimeter can be trusted: every request is authenticated and authorised on its own, by
# *who* is calling, not *where from*. Between services, "who" is a **workload identity**. SPIFFE
# (2024) names a workload with a URI such as `spiffe://tidewater.example/ns/checkout/sa/checkout-api`
# (trust domain, then a path; a service mesh uses namespace and service account) and proves it with
# a short-lived certificate in **mutual TLS**: both sides present certificates, so the server
# knows the caller. A caller without mTLS has no identity to check.
#
# A service mesh such as Istio enforces authorisation with an `AuthorizationPolicy` (Istio, 2024):
#
# ```yaml
# apiVersion: security.istio.io/v1
# kind: AuthorizationPolicy
# metadata: {name: allow-catalogue-api, namespace: catalogue}
# spec:
#   selector: {matchLabels: {app: catalogue-api}}
#   action: ALLOW
#   rules:
#   - from: [{source: {principals: ["tidewater.example/ns/orders/sa/orders-web"]}}]
#     to: [{operation: {methods: ["GET", "POST"]}}]
# ```
#
# Istio's semantics matter: a request to a workload is allowed when it matches **any rule** of an
# ALLOW policy selecting that workload; inside a rule, `from` and `to` must **both** match, and a
# part that is left out matches everything: a rule without `from` matches any caller (even one
# without an identity), a rule without `to` any method. A principal comes only from mutual TLS, so
# a request without mTLS matches no `principals`. A principal is written `<trust domain>/ns/<namespace>/sa/<service account>`, **without** the
# `spiffe://` prefix; a value may also be `*` (any identity), a prefix `abc*` or a suffix `*abc`.
# A source can name `namespaces` instead of principals, which trusts *every* workload of that
# namespace, present and future.
#
# Where a policy applies, and in which order: a policy with a `selector` applies to the workloads
# of its own namespace whose labels match; one without a selector applies to every workload of its
# namespace; one in the **root namespace** (`istio-system`) applies to the whole mesh. Istio then
# decides in a fixed order: **CUSTOM** policies first (an external authorizer), then **DENY**: any
# matching DENY policy refuses the request, whatever any ALLOW policy says; then, if no ALLOW
# policy applies to the workload, the request is allowed; otherwise it is allowed only if an ALLOW
# policy matches. A policy with no rules never matches, and a rule `{}` matches every request.
# So if no ALLOW policy selects a workload, Istio allows everything — a zero-trust mesh therefore
# starts with an **allow-nothing** policy (an ALLOW policy with no rules, `spec: {}`) in the root
# namespace, which makes **deny the default** everywhere; each service then gets an explicit
# allow-list, and a namespace's DENY policies hold the lines no team may cross. Least privilege says the list should hold what the service's owners **declared**
# (here: the catalog's dependencies), restricted to the methods actually used; traffic that was
# observed but never declared is *unexplained* and needs an owner's decision, not a silent allow.
# The platform's **identity coverage** counts services, not requests: a calling service is secure
# by default only when *every* request it makes carries a workload identity (one plaintext client
# library is enough to fail it), and a caller the mesh could not identify is not a service of
# ours to count.
#
# A new policy is rolled out **in dry run** first: the annotation `istio.io/dry-run: "true"` on an
# `AuthorizationPolicy` (an experimental Istio feature) makes the proxy evaluate the policy and log
# and count what it *would* have allowed or denied, without enforcing it (Istio, 2024, task "Dry
# Run"). `action: AUDIT` is something else: it only marks matching requests for an audit-logging
# plugin and never allows or denies.

# %% [markdown] nbgrader={"grade_id": "lab-2-intro", "locked": true}
# ## Lab 2 · From observed traffic to deny-by-default policies
#
# `requests` is one week of sampled traffic as the mesh logged it; `declared` is the catalog's
# `dependsOn` as a table. Which calls carry no identity? Which services call across team lines?

# %% nbgrader={"grade_id": "lab-2-explore", "locked": true}
TRUST_DOMAIN = "tidewater.example"
print(requests["mtls"].value_counts().rename("requests by mutual TLS"))
requests.loc[~requests["mtls"], ["source_service", "destination_service"]].value_counts().head(8)

# %% [markdown] nbgrader={"grade_id": "ex-6-intro", "locked": true}
# ### Exercise 6 (3 points) · The observed service graph
#
# Write `observed_edges(requests)` returning a **DataFrame with one row per observed edge**
# (distinct `source_service`, `destination_service` pair), with the columns `source_service`,
# `destination_service`, `requests` (number of requests on the edge) and `identified_share` (the
# fraction of those requests that used mutual TLS), sorted by `source_service` then
# `destination_service`, with a fresh `0..n-1` index.

# %% nbgrader={"grade": false, "grade_id": "ex-6-answer", "locked": false, "solution": true}
def observed_edges(requests: pd.DataFrame) -> pd.DataFrame:
    """One row per (source, destination) pair seen in the traffic, with volume and mTLS share."""
    ### BEGIN SOLUTION
    edges = requests.groupby(["source_service", "destination_service"]).agg(
        requests=("mtls", "size"), identified_share=("mtls", "mean"))
    return edges.reset_index().sort_values(["source_service", "destination_service"]).reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-6-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: one row per distinct edge, the columns asked for, shares between 0 and 1."""
from graders import call, check, check_type, passed

_edges = call(observed_edges, requests.copy(), name="observed_edges")
_name = "observed_edges(requests)"
check_type(_edges, pd.DataFrame, _name)
_cols = ["source_service", "destination_service", "requests", "identified_share"]
check(all(c in _edges.columns for c in _cols), _name, f"should have the columns {_cols}; it has {list(_edges.columns)}.")
check(not _edges.duplicated(["source_service", "destination_service"]).any(), _name,
      "has the same edge twice: one row per distinct (source, destination) pair.")
check(bool(_edges["identified_share"].astype(float).between(0, 1).all()), _name, "has shares outside 0..1.")
passed("observed_edges")

# %% nbgrader={"grade": true, "grade_id": "ex-6-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of observed_edges (2 points) run when your notebook is graded.
from graders import call

_ = call(observed_edges, requests.copy(), name="observed_edges")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("group by (source_service, destination_service): requests = number of requests, identified_share = "
         "share of them with mtls True; sorted by source then destination.")
expect.frame("observed_edges(requests)", call(observed_edges, requests.copy(), name="observed_edges"), _rule,
             what="edge", key=["source_service", "destination_service"])
_r = pd.DataFrame({"source_service": ["b", "a", "a", "a", "b"], "destination_service": ["c", "c", "c", "b", "c"],
                   "mtls": [True, True, False, False, True], "method": ["GET"] * 5})
expect.frame("observed_edges(hand-made requests)", call(observed_edges, _r, name="observed_edges"), _rule,
             what="edge", key=["source_service", "destination_service"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-7-intro", "locked": true}
# ### Exercise 7 (4 points) · Write the payments team's policies
#
# The payments team states its intent for `payments-core-api` (namespace `payments-core`, pods
# labelled `app: payments-core-api`; every workload's service account is named after its service,
# in the trust domain `tidewater.example`):
#
# 1. The mesh denies by default: a workload that no policy allows is not reachable.
# 2. `payments-core-web` and `payments-core-worker` (namespace `payments-core`) may call
#    `payments-core-api` with `GET` and `POST`.
# 3. `fraud-detection-api` (namespace `fraud-detection`) may read from it: `GET` only.
# 4. Its health check, `GET /v1/health`, answers any caller, with or without an identity.
# 5. Nothing in the `payments-core` namespace may be called with `DELETE` or `PUT`, whatever other
#    policies there allow (teams will add their own policies there later).
#
# Assign to `PAYMENTS_POLICIES` a string of multi-document YAML (documents separated by `---`)
# holding the `AuthorizationPolicy` objects that implement this intent, and nothing wider. Your
# policies are applied by the course's evaluator, `workbook.mesh`, which follows Istio's documented
# semantics (Reading 2), to traffic you do not see, next to policies other teams add later. For
# example, `payments-core-web` may `POST` to `payments-core-api`, `fraud-detection-api` may `GET`
# from it, and `refunds-web`, which calls it without mutual TLS, is refused.
# `workbook.mesh.load_policies(text)` tells you where a document is not one it can judge.

# %% nbgrader={"grade": false, "grade_id": "ex-7-answer", "locked": false, "solution": true}
### BEGIN SOLUTION
PAYMENTS_POLICIES = """
# 1. deny by default, mesh-wide: an ALLOW policy without rules in the root namespace
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: istio-system}
spec: {}
---
# 5. no DELETE or PUT in the namespace: DENY is evaluated before any ALLOW, so no team can undo it
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-delete-put, namespace: payments-core}
spec:
  action: DENY
  rules:
  - to: [{operation: {methods: ["DELETE", "PUT"]}}]
---
# 2.-4. who may call payments-core-api, and how; one identity per workload, not whole namespaces
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-payments-core-api, namespace: payments-core}
spec:
  selector: {matchLabels: {app: payments-core-api}}
  action: ALLOW
  rules:
  - from: [{source: {principals: ["tidewater.example/ns/payments-core/sa/payments-core-web",
                                  "tidewater.example/ns/payments-core/sa/payments-core-worker"]}}]
    to: [{operation: {methods: ["GET", "POST"]}}]
  - from: [{source: {principals: ["tidewater.example/ns/fraud-detection/sa/fraud-detection-api"]}}]
    to: [{operation: {methods: ["GET"]}}]
  - to: [{operation: {methods: ["GET"], paths: ["/v1/health"]}}]   # no `from`: any caller
"""
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "ex-7-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the YAML is policies Istio would accept, and the statement's three examples hold."""
from graders import call, check, passed
from workbook import mesh

check("PAYMENTS_POLICIES" in globals(), "PAYMENTS_POLICIES", "is not defined yet: assign your YAML string to it and run that cell.")
_docs = call(mesh.load_policies, PAYMENTS_POLICIES, name="PAYMENTS_POLICIES")
check(len(_docs) > 0, "PAYMENTS_POLICIES", "holds no YAML document.")
_td = "spiffe://tidewater.example/ns/"
_shown = pd.DataFrame({
    "destination_service": ["payments-core-api"] * 3, "destination_namespace": ["payments-core"] * 3,
    "source_principal": [_td + "payments-core/sa/payments-core-web", _td + "fraud-detection/sa/fraud-detection-api", ""],
    "mtls": [True, True, False], "method": ["POST", "GET", "POST"], "path": ["/v1/accounts"] * 3})
_got = mesh.evaluate(_docs, _shown).tolist()
for _i, (_what, _want) in enumerate([("payments-core-web POST", True), ("fraud-detection-api GET", True),
                                     ("refunds-web POST without mutual TLS", False)]):
    check(_got[_i] == _want, f"PAYMENTS_POLICIES on {_what}",
          f"{'refuses' if _want else 'allows'} it; the intent {'allows' if _want else 'refuses'} it.")
passed("PAYMENTS_POLICIES")

# %% nbgrader={"grade": true, "grade_id": "ex-7-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of PAYMENTS_POLICIES (3 points) run when your notebook is graded: the course's
# evaluator applies your policies to requests you have not seen, alone and next to other teams'
# policies.
from graders import check

check("PAYMENTS_POLICIES" in globals(), "PAYMENTS_POLICIES", "is not defined yet.")
### BEGIN HIDDEN TESTS
from graders import call
from graders.hidden import expect
from workbook import mesh

_rule = ("Istio's order (DENY before ALLOW; no ALLOW policy selecting a workload = allow, hence the root allow-nothing); "
         "principals name one workload of one namespace and trust domain and need mutual TLS; a rule without from "
         "matches any caller; a DENY without a selector covers every workload of its namespace.")
_td = "tidewater.example/ns/"


def _traffic(rows):
    out = pd.DataFrame(rows, columns=["label", "destination_service", "destination_namespace", "source_principal",
                                      "method", "path"]).set_index("label")
    out["mtls"] = out["source_principal"].ne("")
    out["source_principal"] = np.where(out["mtls"], "spiffe://" + out["source_principal"], "")
    return out


_web, _worker, _fraud = _td + "payments-core/sa/payments-core-web", _td + "payments-core/sa/payments-core-worker", \
    _td + "fraud-detection/sa/fraud-detection-api"
_api = ("payments-core-api", "payments-core")
_named = _traffic([
    ("payments-core-web GET", *_api, _web, "GET", "/v1/orders"),
    ("payments-core-worker POST", *_api, _worker, "POST", "/v1/accounts"),
    ("fraud-detection-api GET", *_api, _fraud, "GET", "/v1/accounts"),
    ("health check without identity", *_api, "", "GET", "/v1/health"),
    ("health check from checkout-api", *_api, _td + "checkout/sa/checkout-api", "GET", "/v1/health"),
])
_least = _traffic([
    ("fraud-detection-api POST", *_api, _fraud, "POST", "/v1/accounts"),
    ("payments-core-batch, same namespace, not named", *_api, _td + "payments-core/sa/payments-core-batch", "GET", "/v1/orders"),
    ("payments-core-web's name in namespace sandbox", *_api, _td + "sandbox/sa/payments-core-web", "GET", "/v1/orders"),
    ("payments-core-web of another trust domain", *_api, "evil.example/ns/payments-core/sa/payments-core-web", "GET", "/v1/orders"),
    ("refunds-web without identity, GET", *_api, "", "GET", "/v1/accounts"),
    ("POST to the health check without identity", *_api, "", "POST", "/v1/health"),
    ("payments-core-web DELETE", *_api, _web, "DELETE", "/v1/accounts"),
    ("payments-core-web PUT", *_api, _web, "PUT", "/v1/accounts"),
])
_elsewhere = _traffic([
    ("payments-core-web to checkout-api", "checkout-api", "checkout", _web, "GET", "/v1/orders"),
    ("payments-core-web to payments-core-worker", "payments-core-worker", "payments-core", _web, "GET", "/v1/orders"),
])
_later = _traffic([
    ("DELETE on payments-core-worker", "payments-core-worker", "payments-core", _web, "DELETE", "/v1/items"),
    ("PUT on payments-core-worker", "payments-core-worker", "payments-core", _web, "PUT", "/v1/items"),
    ("GET on payments-core-worker", "payments-core-worker", "payments-core", _web, "GET", "/v1/items"),
    ("refunds-web without identity to payments-core-api", *_api, "", "GET", "/v1/orders"),
])
_team = [mesh.validate({"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",  # a team's later policy
                        "metadata": {"name": "worker-allow-all", "namespace": "payments-core"},
                        "spec": {"selector": {"matchLabels": {"app": "payments-core-worker"}}, "rules": [{}]}})]
_docs = call(mesh.load_policies, PAYMENTS_POLICIES, name="PAYMENTS_POLICIES")
for _label, _reqs, _extra in [("requests the intent allows", _named, []), ("least privilege", _least, []),
                              ("deny by default elsewhere", _elsewhere, []),
                              ("next to a team's allow-everything policy on payments-core-worker", _later, _team)]:
    expect.series(f"PAYMENTS_POLICIES: {_label}", mesh.evaluate(_docs + _extra, _reqs), _rule, what="request")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-8-intro", "locked": true}
# ### Exercise 8 (4 points) · Evaluate the policies on the traffic
#
# `policies` below maps every destination to its ALLOW policy, as the platform's policy generator
# `allow_policy` writes them from the catalog (least privilege: the declared callers that used mutual
# TLS, each with the methods it used).
# Write `evaluate(policies, requests)` returning a **boolean Series aligned with `requests.index`**:
# `True` where the mesh would allow the request. The mesh is the zero-trust mesh of Reading 2 (the
# allow-nothing policy sits in the root namespace), and a rule means what it means to Istio; the
# request log's principals carry `spiffe://`, the policies' do not.

# %% nbgrader={"grade_id": "lab-2-policies", "locked": true}
def allow_policy(requests: pd.DataFrame, declared: pd.DataFrame, destination: str) -> dict:
    """Istio AuthorizationPolicy (as a dict) allowing the declared, identified callers of destination."""
    to_dest = requests[requests["destination_service"] == destination]
    pairs = declared.rename(columns={"service_id": "source_service", "depends_on": "destination_service"})
    callers = to_dest.merge(pairs[["source_service", "destination_service"]].drop_duplicates())
    callers = callers[callers["mtls"].astype(bool) & callers["source_principal"].notna()]
    principals = callers["source_principal"].str.removeprefix("spiffe://")
    methods = callers["method"].groupby(principals).agg(lambda m: sorted(set(m)))
    rules = [{"from": [{"source": {"principals": [p]}}], "to": [{"operation": {"methods": list(ms)}}]}
             for p, ms in methods.sort_index().items()]
    namespace = to_dest["destination_namespace"].iloc[0] if len(to_dest) else ""
    return {"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
            "metadata": {"name": f"allow-{destination}", "namespace": namespace},
            "spec": {"selector": {"matchLabels": {"app": destination}}, "action": "ALLOW", "rules": rules}}


policies = {d: allow_policy(requests, declared, d) for d in sorted(requests["destination_service"].unique())}
print(f"{len(policies)} policies; e.g.")
policies["checkout-api"]

# %% nbgrader={"grade": false, "grade_id": "ex-8-answer", "locked": false, "solution": true}
def evaluate(policies: dict, requests: pd.DataFrame) -> pd.Series:
    """True where a request matches a rule of its destination's ALLOW policy (deny by default)."""
    ### BEGIN SOLUTION
    anyone = [{"source": {"principals": ["*"]}}]  # a rule without `from` matches any caller
    anything = [{"operation": {"methods": ["*"]}}]  # a rule without `to` matches any method
    allowed = pd.DataFrame([
        {"destination_service": dest, "principal": p, "method": m}
        for dest, policy in policies.items() for rule in policy["spec"].get("rules") or []
        for f in rule.get("from") or anyone for p in f["source"].get("principals", [])
        for t in rule.get("to") or anything for m in t["operation"].get("methods", [])
    ], columns=["destination_service", "principal", "method"]).drop_duplicates()
    keys = requests.assign(principal=requests["source_principal"].str.removeprefix("spiffe://"))
    keys = keys[["destination_service", "principal", "method"]].reset_index()
    hits = []
    for p_wild, m_wild in ((False, False), (False, True), (True, False), (True, True)):
        rules = allowed[((allowed["principal"] == "*") == p_wild) & ((allowed["method"] == "*") == m_wild)]
        on = ["destination_service"] + ([] if p_wild else ["principal"]) + ([] if m_wild else ["method"])
        hits.append(keys.merge(rules[on].drop_duplicates(), on=on)["index"])
    return pd.Series(requests.index.isin(pd.concat(hits)), index=requests.index, name="allowed")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-8-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: one boolean per request; unidentified callers are always denied."""
from graders import call, check, check_type, passed

# A fixed policy set for the check (not the exercise 7 answer): each destination allows GET from every
# identified caller seen calling it.
_ids = requests.dropna(subset=["source_principal"])
_fixed = {d: {"spec": {"rules": [{"from": [{"source": {"principals": sorted(g.str.removeprefix("spiffe://").unique())}}],
                                  "to": [{"operation": {"methods": ["GET"]}}]}]}}
          for d, g in _ids.groupby("destination_service")["source_principal"]}
_ok = call(evaluate, _fixed, requests.copy(), name="evaluate")
_name = "evaluate(policies, requests)"
check_type(_ok, pd.Series, _name)
check(len(_ok) == len(requests) and set(_ok.index) == set(requests.index), _name,
      "should have one value per request, indexed like requests.")
check(_ok.dtype == bool, _name, f"should hold booleans; it holds {_ok.dtype}.")
check(not bool(_ok[~requests["mtls"]].any()), _name, "allows a request without mutual TLS: it has no identity to allow.")
passed("evaluate")

# %% nbgrader={"grade": true, "grade_id": "ex-8-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of evaluate (3 points) run when your notebook is graded, on the week's traffic and on
# hand-made policies and requests.
from graders import call

_ = call(evaluate, {}, requests.copy(), name="evaluate")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("allowed only if the destination's ALLOW policy has a rule whose from lists the caller's principal (without "
         "spiffe://) and whose to lists the request's method; a rule without from matches any caller, one without to "
         "any method; everything else is denied (no policy: the mesh-wide allow-nothing).")
_ids = requests.dropna(subset=["source_principal"])
_fixed = {d: {"spec": {"rules": [{"from": [{"source": {"principals": sorted(g.str.removeprefix("spiffe://").unique()[::2])}}],
                                  "to": [{"operation": {"methods": ["GET"]}}]}]}}
          for d, g in _ids.groupby("destination_service")["source_principal"]}
_ok = call(evaluate, _fixed, requests.copy(), name="evaluate")
expect.series("evaluate(a fixed policy set, requests): requests allowed per destination",
              _ok.groupby(requests["destination_service"]).sum() if isinstance(_ok, pd.Series) else _ok, _rule, what="destination")
_pol = {"x": {"spec": {"rules": [
    {"from": [{"source": {"principals": ["td/ns/a/sa/a", "td/ns/b/sa/b"]}}], "to": [{"operation": {"methods": ["GET"]}}]},
    {"from": [{"source": {"principals": ["td/ns/a/sa/a"]}}], "to": [{"operation": {"methods": ["POST"]}}]}]}},
        "y": {"spec": {"rules": []}},
        "w": {"spec": {"rules": [{"from": [{"source": {"principals": ["td/ns/a/sa/a"]}}]}]}},  # no `to`: any method
        "v": {"spec": {"rules": [{"to": [{"operation": {"methods": ["GET"]}}]}]}}}  # no `from`: any caller
_req = pd.DataFrame({
    "destination_service": ["x", "x", "x", "x", "y", "z", "x", "w", "w", "w", "v", "v", "v"],
    "source_principal": ["spiffe://td/ns/a/sa/a", "spiffe://td/ns/b/sa/b", "spiffe://td/ns/b/sa/b",
                         "spiffe://td/ns/other/sa/a", "spiffe://td/ns/a/sa/a", "spiffe://td/ns/a/sa/a", None,
                         "spiffe://td/ns/a/sa/a", "spiffe://td/ns/a/sa/a", "spiffe://td/ns/b/sa/b",
                         "spiffe://td/ns/b/sa/b", None, "spiffe://td/ns/a/sa/a"],
    "method": ["POST", "GET", "POST", "GET", "GET", "GET", "GET", "DELETE", "GET", "GET", "GET", "GET", "POST"],
    "mtls": [True, True, True, True, True, True, False, True, True, True, True, False, True]},
    index=range(10, 23))
expect.series("evaluate(hand-made policies, hand-made requests)", call(evaluate, _pol, _req, name="evaluate"),
              _rule, what="request")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "figure-2-caption", "locked": true}
# **Figure 2** shows, for the fifteen destinations that would lose the most traffic, the requests
# the policies allow (blue) and deny (orange). *Text description:* the denied requests come from
# services on virtual machines and serverless functions (no workload identity), from the caller the
# mesh could not identify, and from a few undeclared flows; most destinations keep all their
# traffic.

# %% nbgrader={"grade_id": "figure-2", "locked": true}
_verdict = evaluate(policies, requests)
by_dest = pd.crosstab(requests["destination_service"], _verdict.map({True: "allowed", False: "denied"}))
by_dest = by_dest.reindex(columns=["allowed", "denied"], fill_value=0).nlargest(15, "denied").iloc[::-1]
fig, ax = plt.subplots(figsize=(8, 5))
ax.barh(by_dest.index, by_dest["allowed"], color=ACTIVE, label="allowed")
ax.barh(by_dest.index, by_dest["denied"], left=by_dest["allowed"], color=OKABE_ITO[1], label="denied")
ax.set_title("Figure 2. Requests allowed and denied by default-deny policies")
ax.set_xlabel("requests in the week (count)")
ax.set_ylabel("destination service")
ax.legend(loc="lower right")
plt.show()
print(f"denied: {(~_verdict).mean():.1%} of {len(requests):,} requests")

# %% [markdown] nbgrader={"grade_id": "ex-9-intro", "locked": true}
# ### Exercise 9 (3 points) · Unexplained traffic and identity coverage
#
# Write two functions:
#
# - `unexplained_edges(requests, declared)`: the **set** of observed edges written
#   `"source->destination"` whose pair is **not declared** (the unknown caller included);
# - `identity_coverage(requests)`: the platform's identity coverage (Reading 2), as a fraction.

# %% nbgrader={"grade": false, "grade_id": "ex-9-answer", "locked": false, "solution": true}
def unexplained_edges(requests: pd.DataFrame, declared: pd.DataFrame) -> set:
    """Observed 'source->destination' pairs that nobody declared."""
    ### BEGIN SOLUTION
    seen = requests[["source_service", "destination_service"]].drop_duplicates()
    ok = seen.merge(declared.rename(columns={"service_id": "source_service", "depends_on": "destination_service"}),
                    how="left", indicator=True)["_merge"].eq("both").to_numpy()
    return set((seen["source_service"] + "->" + seen["destination_service"])[~ok])
    ### END SOLUTION


def identity_coverage(requests: pd.DataFrame) -> float:
    """Share of distinct calling services (not 'unknown') whose every request used mutual TLS."""
    ### BEGIN SOLUTION
    known = requests[requests["source_service"] != "unknown"]
    return float(known.groupby("source_service")["mtls"].all().mean())
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-9-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: a set of 'a->b' strings, and a fraction."""
from graders import call, check, check_type, passed

_u = call(unexplained_edges, requests.copy(), declared.copy(), name="unexplained_edges")
check_type(_u, set, "unexplained_edges(requests, declared)")
check(all(isinstance(e, str) and "->" in e for e in _u), "unexplained_edges(requests, declared)",
      "should hold strings written 'source->destination'.")
_c = call(identity_coverage, requests.copy(), name="identity_coverage")
check(isinstance(_c, float) and 0 <= _c <= 1, "identity_coverage(requests)", "should be a float between 0 and 1.")
passed("unexplained_edges and identity_coverage")

# %% nbgrader={"grade": true, "grade_id": "ex-9-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of unexplained_edges and identity_coverage (2 points) run when your notebook is graded.
from graders import call

_ = call(identity_coverage, requests.copy(), name="identity_coverage")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule_u = "observed (source, destination) pairs not in declared, written 'source->destination'."
_rule_c = ("distinct calling services except 'unknown'; a service counts when all its requests used mutual TLS; "
           "share of services, not of requests.")
expect.set("unexplained_edges(requests, declared)",
           call(unexplained_edges, requests.copy(), declared.copy(), name="unexplained_edges"), _rule_u, what="edge")
expect.number("identity_coverage(requests)", call(identity_coverage, requests.copy(), name="identity_coverage"), _rule_c)
_r = pd.DataFrame({"source_service": ["a", "a", "a", "b", "c", "unknown"], "destination_service": ["x", "x", "y", "x", "y", "x"],
                   "mtls": [True, True, True, True, False, False]})
expect.number("identity_coverage(hand-made requests)", call(identity_coverage, _r, name="identity_coverage"), _rule_c)
expect.set("unexplained_edges(hand-made requests, hand-made declared)",
           call(unexplained_edges, _r, pd.DataFrame({"service_id": ["a", "x"], "depends_on": ["x", "a"]}),
                name="unexplained_edges"), _rule_u, what="edge")
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reflection-1-intro", "locked": true}
# ### Reflection 1 (3 points, graded by your instructor)
#
# In 120–200 words: **how would you roll out default-deny without an outage?** Your policies
# would deny the legacy virtual-machine caller and the undeclared flows. Say what you would run
# first in audit mode, who decides about each unexplained edge, and what the golden path should
# give new services so that they are secure by default, not by choice.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-1", "locked": false, "points": 3, "solution": true}
# I would first install the policies in dry run (the `istio.io/dry-run: "true"` annotation, which
# logs what each policy would deny without enforcing it) and compare the would-deny log with Figure 2
# for two weeks, because a deny on a
# tier-1 path is an outage. The legacy VM caller of checkout-api gets a time-boxed exception keyed
# on its source IP while it is moved into the mesh or given a SPIFFE identity through a VM agent.
# Each undeclared edge goes to the owning teams of both ends: either they add the dependency to the
# catalog (and the allow-list follows) or the call is a bug and is removed. The unknown caller of
# payments-core-api is a security incident until explained. For new services the template adds a
# service account, mesh injection and a generated policy from the catalog's `dependsOn`, so the
# secure setting is the default one and needs no extra work.

# %% [markdown] nbgrader={"grade_id": "reading-3", "locked": true}
# ## Reading 3 · Multi-cloud: one spec, three clouds, and what leaks
#
# A platform can offer one **resource spec** ("4 vCPU, 16 GiB, general purpose") and map it to each
# provider's offer. For Kubernetes clusters, **Cluster API** (Kubernetes SIG Cluster Lifecycle,
# 2024) does exactly this: a `Cluster` and its `MachineDeployment`s are declared once, and an
# infrastructure provider (CAPA for AWS, CAPZ for Azure, CAPG for Google Cloud) turns them into
# that cloud's machines and networks. The abstraction **hides** instance names and APIs. It
# **leaks** what differs underneath: price models (on-demand, commitments, spot), **egress**
# charges for data leaving a cloud, managed services that differ from one provider to the next (all
# three sell managed PostgreSQL, Redis, Kafka or a Kafka-compatible endpoint, and a data warehouse,
# but with different engines, versions and limits), the managed services **your own platform** has
# integrated on each cloud (its golden paths, credentials and runbooks), and **data residency** —
# the law that says where personal data may be stored. A placement
# decision must put those back in: filter by residency and required managed services first, then
# compare the *total* monthly cost, compute plus egress, not the hourly price alone.
#
# `OFFERS` below is **Tidewater's platform catalogue**, not the providers': the managed services the
# platform team has integrated and supports on each cloud (so far, managed Kafka only on AWS, where
# the event streams run, and the analytics warehouse only on Google Cloud). `REGIONS` gives the
# jurisdiction of each region. Both are small hand-made tables.

# %% nbgrader={"grade_id": "lab-3-intro", "locked": true}
OFFERS = pd.DataFrame({
    "provider": ["AWS", "AWS", "AWS", "Google Cloud", "Google Cloud", "Google Cloud", "Microsoft", "Microsoft"],
    "service": ["managed-postgres", "managed-kafka", "managed-redis", "managed-postgres", "managed-redis",
                "data-warehouse", "managed-postgres", "managed-redis"],
})
REGIONS = pd.DataFrame({
    "region": ["eu-west-1", "europe-west1", "westeurope", "us-east-1", "us-central1", "eastus"],
    "jurisdiction": ["EU", "EU", "EU", "US", "US", "US"],
})
HOURS_PER_MONTH = 730
PRICING = ("on_demand", "commit_1y", "commit_3y", "spot")
prices[["spec_id", "provider", "instance_type", "region", "on_demand_usd_per_hour", "egress_usd_per_gb"]].head(6)

# %% [markdown] nbgrader={"grade_id": "ex-10-intro", "locked": true}
# ### Exercise 10 (3 points) · Monthly cost of one spec on every offer
#
# Write `monthly_cost(prices, spec_id, pricing="on_demand", hours=HOURS_PER_MONTH, egress_gb=0.0)`
# returning a **DataFrame** with the columns `provider`, `region` and `monthly_usd`, one row per
# offer of that spec: `monthly_usd = hours × <pricing>_usd_per_hour + egress_gb × egress_usd_per_gb`.
# Sort by `monthly_usd`, then `provider`, then `region`, with a fresh index. Raise a `ValueError`
# that names the problem for an unknown `spec_id` or a `pricing` outside `PRICING`.

# %% nbgrader={"grade": false, "grade_id": "ex-10-answer", "locked": false, "solution": true}
def monthly_cost(prices: pd.DataFrame, spec_id: str, pricing: str = "on_demand", hours: float = HOURS_PER_MONTH,
                 egress_gb: float = 0.0) -> pd.DataFrame:
    """Monthly cost of spec_id on each provider offer (compute for `hours` plus egress)."""
    ### BEGIN SOLUTION
    if pricing not in PRICING:
        raise ValueError(f"unknown pricing {pricing!r}: use one of {PRICING}")
    offers = prices[prices["spec_id"] == spec_id]
    if offers.empty:
        raise ValueError(f"unknown spec_id {spec_id!r}: known specs are {sorted(prices['spec_id'].unique())}")
    cost = hours * offers[f"{pricing}_usd_per_hour"] + egress_gb * offers["egress_usd_per_gb"]
    out = offers[["provider", "region"]].assign(monthly_usd=cost)
    return out.sort_values(["monthly_usd", "provider", "region"]).reset_index(drop=True)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-10-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: one row per offer, sorted by cost; bad input is refused with a ValueError."""
from graders import call, check, check_type, passed

_m = call(monthly_cost, prices.copy(), "general-4x16", name="monthly_cost")
_name = "monthly_cost(prices, 'general-4x16')"
check_type(_m, pd.DataFrame, _name)
check(list(_m.columns) == ["provider", "region", "monthly_usd"], _name,
      f"should have the columns ['provider', 'region', 'monthly_usd']; it has {list(_m.columns)}.")
check(len(_m) == 3 and bool(_m["monthly_usd"].is_monotonic_increasing), _name,
      "should have one row per provider offer, cheapest first.")
for _bad in ({"spec_id": "no-such-spec"}, {"spec_id": "general-4x16", "pricing": "reserved"}):
    try:
        monthly_cost(prices.copy(), **_bad)
    except ValueError:
        pass
    except Exception as _exc:
        check(False, f"monthly_cost(prices, **{_bad})", f"raised {type(_exc).__name__}; expected a ValueError.")
    else:
        check(False, f"monthly_cost(prices, **{_bad})", "returned a value; expected a ValueError naming the problem.")
passed("monthly_cost")

# %% nbgrader={"grade": true, "grade_id": "ex-10-hidden", "locked": true, "points": 2, "solution": false}
# Hidden checks of monthly_cost (2 points) run when your notebook is graded.
from graders import call

_ = call(monthly_cost, prices.copy(), "general-4x16", name="monthly_cost")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("monthly_usd = hours x <pricing>_usd_per_hour + egress_gb x egress_usd_per_gb, one row per offer, "
         "sorted by monthly_usd, provider, region.")
for _args in (("memory-8x64", "commit_1y", 730, 0.0), ("compute-8x16", "spot", 200, 1500.0), ("general-16x64", "on_demand", 730, 40.0)):
    expect.frame(f"monthly_cost(prices, *{_args})", call(monthly_cost, prices.copy(), *_args, name="monthly_cost"),
                 _rule, what="offer", key=["provider", "region"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "ex-11-intro", "locked": true}
# ### Exercise 11 (4 points) · Cheapest placement under constraints
#
# Write `cheapest_placement(prices, spec_id, needs=frozenset(), residency=None, pricing="on_demand",
# hours=HOURS_PER_MONTH, egress_gb=0.0, offers=OFFERS, regions=REGIONS)` returning the placement
# Reading 3 would choose for a workload of that spec that needs the managed services in `needs`
# and, when `residency` is given, must stay in that jurisdiction: a **dict** `{"provider": ...,
# "region": ..., "monthly_usd": ...}`, or `None` when no offer qualifies. Ties go to the first
# provider, then region, in alphabetical order.

# %% nbgrader={"grade": false, "grade_id": "ex-11-answer", "locked": false, "solution": true}
def cheapest_placement(prices, spec_id, needs=frozenset(), residency=None, pricing="on_demand",
                       hours=HOURS_PER_MONTH, egress_gb=0.0, offers=OFFERS, regions=REGIONS):
    """The cheapest qualifying offer as {'provider', 'region', 'monthly_usd'}, or None."""
    ### BEGIN SOLUTION
    costs = monthly_cost(prices, spec_id, pricing, hours, egress_gb)
    offered = offers.groupby("provider")["service"].agg(set)
    ok = costs["provider"].map(lambda p: set(needs) <= offered.get(p, set()))
    if residency is not None:
        ok &= costs["region"].map(regions.set_index("region")["jurisdiction"]).eq(residency)
    best = costs[ok]
    if best.empty:
        return None
    row = best.iloc[0]
    return {"provider": row["provider"], "region": row["region"], "monthly_usd": float(row["monthly_usd"])}
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "ex-11-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: the result's shape, and None when nothing qualifies."""
from graders import call, check, check_type, passed

_best = call(cheapest_placement, prices.copy(), "general-4x16", name="cheapest_placement")
_name = "cheapest_placement(prices, 'general-4x16')"
check_type(_best, dict, _name)
check(set(_best) == {"provider", "region", "monthly_usd"}, _name,
      f"should have the keys provider, region, monthly_usd; it has {sorted(map(str, _best))}.")
check(call(cheapest_placement, prices.copy(), "general-4x16", {"quantum-annealer"}, name="cheapest_placement") is None,
      "cheapest_placement(prices, 'general-4x16', {'quantum-annealer'})", "should be None: no provider offers it.")
passed("cheapest_placement")

# %% nbgrader={"grade": true, "grade_id": "ex-11-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of cheapest_placement (3 points) run when your notebook is graded, on the price table
# and on a hand-made one.
from graders import call

_ = call(cheapest_placement, prices.copy(), "general-4x16", name="cheapest_placement")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("keep offers whose provider offers every needed service and (if residency is given) whose region is in "
         "that jurisdiction; cheapest total monthly cost; ties by provider then region; None if none qualifies.")
_pick = lambda r: {k: r.get(k) for k in ("provider", "region")} if isinstance(r, dict) else r  # noqa: E731
_cost = lambda r: r.get("monthly_usd") if isinstance(r, dict) else r  # noqa: E731
_extra = pd.DataFrame({
    "spec_id": ["general-4x16"] * 3, "provider": ["AWS", "Google Cloud", "Microsoft"],
    "region": ["us-east-1", "us-central1", "eastus"], "on_demand_usd_per_hour": [0.15, 0.15, 0.15],
    "commit_1y_usd_per_hour": [0.1, 0.1, 0.1], "commit_3y_usd_per_hour": [0.07, 0.07, 0.07],
    "spot_usd_per_hour": [0.05, 0.05, 0.05], "egress_usd_per_gb": [0.09, 0.085, 0.087]})
_world = pd.concat([prices, _extra], ignore_index=True)
for _label, _args, _kw in [
    ("kafka needed", ("memory-8x64",), {"needs": {"managed-kafka"}}),
    ("postgres + redis, EU", ("compute-8x16",), {"needs": {"managed-postgres", "managed-redis"}, "residency": "EU"}),
    ("world prices, EU only", ("general-4x16",), {"residency": "EU", "egress_gb": 500.0}),
    ("world prices, anywhere (a tie)", ("general-4x16",), {}),
    ("world prices, US, data warehouse", ("general-4x16",), {"needs": {"data-warehouse"}, "residency": "US"}),
]:
    _res = call(cheapest_placement, _world.copy(), *_args, **_kw, name="cheapest_placement")
    expect.value(f"cheapest_placement ({_label}): provider and region", _pick(_res), _rule)
    expect.number(f"cheapest_placement ({_label}): monthly_usd", _cost(_res) if _res is not None else float("nan"), _rule)
expect.value("cheapest_placement (nothing qualifies)",
             call(cheapest_placement, _world.copy(), "general-4x16", {"data-warehouse", "managed-kafka"}, name="cheapest_placement"),
             _rule)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "lab-3-widget-intro", "locked": true}
# **Figure 3** lets you compare the providers for one spec and pricing model. Pick a spec and a
# pricing model, and move the egress slider. *Text description:* one bar per provider with its
# monthly cost in US dollars; the providers are within a few percent of each other on compute, and
# egress can change the order when much data leaves the cloud.

# %% nbgrader={"grade_id": "lab-3-widget", "locked": true}
def cost_figure(spec_id: str, pricing: str, egress_gb: float) -> bytes:
    """Figure 3 as PNG bytes, for the image widget."""
    costs = monthly_cost(prices, spec_id, pricing, egress_gb=egress_gb)
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.barh(costs["provider"] + " · " + costs["region"], costs["monthly_usd"], color=OKABE_ITO[:len(costs)])
    ax.set_title(f"Figure 3. Monthly cost of {spec_id} ({pricing}, {egress_gb:.0f} GB egress)")
    ax.set_xlabel("monthly cost (US dollars)")
    ax.set_ylabel("provider and region")
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight")
    plt.close(fig)
    return png.getvalue()


if interactive_enabled():  # widgets are for people: not built while nbgrader grades or validates
    spec_picker = widgets.Dropdown(options=sorted(prices["spec_id"].unique()), value="general-4x16", description="Spec:")
    pricing_picker = widgets.Dropdown(options=list(PRICING), value="on_demand", description="Pricing:")
    egress_slider = widgets.FloatSlider(value=0, min=0, max=5000, step=250, description="Egress (GB):")
    cost_image = widgets.Image(value=cost_figure("general-4x16", "on_demand", 0.0), format="png")

    def _redraw(_change=None):
        cost_image.value = cost_figure(spec_picker.value, pricing_picker.value, egress_slider.value)

    for _w in (spec_picker, pricing_picker, egress_slider):
        _w.observe(_redraw, names="value")
    display(widgets.VBox([widgets.HBox([spec_picker, pricing_picker]), egress_slider, cost_image]))

# %% [markdown] nbgrader={"grade_id": "reading-4", "locked": true}
# ## Reading 4 · Extensibility: plugins and a contract
#
# A platform that only its own team can extend becomes the bottleneck it was built to remove.
# Backstage (2024) is the best-known example of the alternative: the portal is a frame, and almost
# every feature — catalog processors, scaffolder actions, UI pages — is a **plugin** that other
# teams write. Python has the same idea in **entry points** (Python Packaging Authority, 2024): a
# package declares `[project.entry-points."platform.plugins"]` and the host finds it with
# `importlib.metadata.entry_points(group=...)`, without importing every package. Either way, the
# host needs a **contract** that every plugin must pass before it is listed: required metadata
# (name, version, owner, what it provides) and behaviour (it can be called and answers in the
# agreed shape). The **marketplace** is then simply the listing built from that metadata. Our
# contract below is the course's **house rule**, in the spirit of Backstage's and Python's; the
# version rule is Semantic Versioning's `MAJOR.MINOR.PATCH` core, where a number has no leading
# zero (`1.2.0`, not `01.2.0`; Preston-Werner, 2013).

# %% nbgrader={"grade_id": "lab-4-contract", "locked": true}
CAPABILITIES = {"finops", "security", "delivery", "observability", "catalog"}


class PluginRejected(ValueError):
    """A plugin that breaks the platform's contract; the message says how."""


def contract_problems(plugin) -> list:
    """The house contract: every problem of one plugin (empty list = it passes)."""
    problems = []
    name = getattr(plugin, "name", None)
    if not (isinstance(name, str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)):
        problems.append("name must be lowercase words joined by '-' (e.g. 'cost-report')")
    if not (isinstance(getattr(plugin, "version", None), str) and re.fullmatch(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)", plugin.version)):
        problems.append("version must be MAJOR.MINOR.PATCH without leading zeros (e.g. '1.2.0')")
    if getattr(plugin, "owner", None) not in set(teams["team_id"]):
        problems.append("owner must be a team_id from teams")
    caps = getattr(plugin, "capabilities", None)
    if not (isinstance(caps, (list, tuple)) and caps and set(caps) <= CAPABILITIES):
        problems.append(f"capabilities must be a non-empty list from {sorted(CAPABILITIES)}")
    run = getattr(plugin, "run", None)
    if not callable(run):
        problems.append("run(request) must be a function")
    else:
        try:
            answer = run({"dry_run": True})
        except Exception as exc:  # the contract test: the plugin must answer, not crash
            problems.append(f"run({{'dry_run': True}}) raised {type(exc).__name__}")
        else:
            if not isinstance(answer, dict):
                problems.append("run(request) must return a dict")
    return problems


REGISTRY = {}
print("contract problems of an empty class:", contract_problems(type("Empty", (), {})))

# %% [markdown] nbgrader={"grade_id": "ex-12-intro", "locked": true}
# ### Exercise 12 (4 points) · A registry that enforces the contract, a marketplace, a plugin
#
# 1. Write `register(plugin, registry=REGISTRY)`: if `contract_problems(plugin)` is not empty, or a
#    plugin with the same `name` is already in `registry`, raise `PluginRejected` with a message
#    that **names the plugin** and lists every problem — and leave `registry` unchanged. Otherwise
#    store it as `registry[plugin.name] = plugin` and return the plugin (so `@register` works as a
#    class decorator).
# 2. Write `marketplace(registry)` returning a DataFrame with the columns `name`, `version`,
#    `owner`, `capabilities` (the sorted capabilities joined by `", "`), one row per plugin, sorted
#    by `name`, with a fresh index.
# 3. Write your own plugin class `CostReport` with `name = "cost-report"`, a version, an owner
#    team, the capability `"finops"`, and a `run(request)` that returns a dict — and register it.
#    The contract calls `run` on the class itself (`plugin.run(request)`, no instance), so make it
#    a `@staticmethod`. Running the cell a second time registers the name again, which your
#    `register` must refuse: run the set-up and contract cells again first (or restart).

# %% nbgrader={"grade": false, "grade_id": "ex-12-answer", "locked": false, "solution": true}
def register(plugin, registry: dict = REGISTRY):
    """Add plugin to registry if it passes the contract; else raise PluginRejected naming it."""
    ### BEGIN SOLUTION
    problems = contract_problems(plugin)
    name = getattr(plugin, "name", repr(plugin))
    if isinstance(name, str) and name in registry:
        problems.append(f"a plugin named {name!r} is already registered")
    if problems:
        raise PluginRejected(f"plugin {name!r} breaks the platform contract: " + "; ".join(problems))
    registry[plugin.name] = plugin
    return plugin
    ### END SOLUTION


def marketplace(registry: dict) -> pd.DataFrame:
    """The listing of registered plugins: name, version, owner, capabilities."""
    ### BEGIN SOLUTION
    rows = [{"name": p.name, "version": p.version, "owner": p.owner,
             "capabilities": ", ".join(sorted(p.capabilities))} for p in registry.values()]
    return pd.DataFrame(rows, columns=["name", "version", "owner", "capabilities"]).sort_values("name").reset_index(drop=True)
    ### END SOLUTION


### BEGIN SOLUTION
@register
class CostReport:
    name = "cost-report"
    version = "1.0.0"
    owner = teams["team_id"].iloc[0]
    capabilities = ["finops"]

    @staticmethod
    def run(request: dict) -> dict:
        return {"status": "dry-run" if request.get("dry_run") else "ok", "report": "monthly cost by team"}
### END SOLUTION
marketplace(REGISTRY)

# %% nbgrader={"grade": true, "grade_id": "ex-12-visible", "locked": true, "points": 1, "solution": false}
"""Visible check: your plugin is registered; a broken plugin is refused by name and changes nothing."""
from graders import call, check, check_type, passed

check("cost-report" in REGISTRY, "REGISTRY", "has no plugin named 'cost-report': register your CostReport.")
_fresh = {}
_broken = type("Broken", (), {"name": "Broken Plugin", "version": "1.0", "owner": "nobody", "capabilities": [], "run": None})
try:
    register(_broken, _fresh)
except PluginRejected as _exc:
    check("Broken Plugin" in str(_exc), "register(a broken plugin)", "raised PluginRejected, but the message does not name the plugin.")
except NotImplementedError:
    check(False, "register", "is not answered yet (it still raises NotImplementedError).")
except Exception as _exc:
    check(False, "register(a broken plugin)", f"raised {type(_exc).__name__}; expected PluginRejected.")
else:
    check(False, "register(a broken plugin)", "accepted a plugin that breaks every rule of the contract.")
check(_fresh == {}, "register(a broken plugin)", "changed the registry although it refused the plugin.")
check_type(call(marketplace, dict(REGISTRY), name="marketplace"), pd.DataFrame, "marketplace(REGISTRY)")
passed("register and marketplace")

# %% nbgrader={"grade": true, "grade_id": "ex-12-hidden", "locked": true, "points": 3, "solution": false}
# Hidden checks of register and marketplace (3 points) run when your notebook is graded, with plugins
# that each break one rule of the contract, a duplicate name, and good plugins.
from graders import call

_ = call(marketplace, dict(REGISTRY), name="marketplace")
### BEGIN HIDDEN TESTS
from graders.hidden import expect

_rule = ("register refuses (PluginRejected naming the plugin, registry unchanged) any plugin with contract problems "
         "or a name already registered, else stores registry[name] and returns the plugin; marketplace: name, "
         "version, owner, sorted capabilities joined by ', ', sorted by name.")
_team = teams["team_id"].iloc[1]
def _plugin(**over):
    spec = {"name": "ok-plugin", "version": "2.10.3", "owner": _team, "capabilities": ["security", "catalog"],
            "run": staticmethod(lambda request: {"ok": True})}
    spec.update(over)
    return type("P", (), spec)
_cases = [_plugin(), _plugin(name="second", capabilities=["delivery"]), _plugin(name="ok-plugin", version="3.0.0"),
          _plugin(name="Bad_Name"), _plugin(name="v2", version="2.0"), _plugin(name="v3", version="v1.0.0"),
          _plugin(name="orphan", owner="no-such-team"), _plugin(name="nothing", capabilities=[]),
          _plugin(name="odd", capabilities=["teleport"]), _plugin(name="crash", run=staticmethod(lambda r: 1 / 0)),
          _plugin(name="lister", run=staticmethod(lambda r: [1])), _plugin(name="a-plugin", version="0.0.1"),
          _plugin(name="zeros", version="01.2.3")]
_registry, _outcomes = {}, []
for _p in _cases:
    try:
        _back = register(_p, _registry)
        _outcomes.append("accepted" if _back is _p else "accepted without returning the plugin")
    except PluginRejected as _exc:
        _outcomes.append("refused" if _p.name in str(_exc) else "refused without naming the plugin")
    except Exception as _exc:
        _outcomes.append(f"raised {type(_exc).__name__}")
expect.value("register: accepted or refused, for thirteen plugins in turn", _outcomes, _rule)
expect.frame("marketplace(the registry after those thirteen)", call(marketplace, _registry, name="marketplace"), _rule,
             what="plugin", key=["name"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade_id": "reflection-2-intro", "locked": true}
# ### Reflection 2 (2 points, graded by your instructor)
#
# In 100–150 words: **should Tidewater build one abstraction over three clouds?** Use your results
# from Lab 3 (how close the prices are, what egress and managed services do to the choice) and name
# one thing the abstraction should hide and one it must not hide.

# %% [markdown] nbgrader={"grade": true, "grade_id": "reflection-2", "locked": false, "points": 2, "solution": true}
# Only for what is truly the same everywhere. Compute prices for the same spec are within a few
# percent across the three providers, so a spec-based interface (Cluster API machine templates, one
# "general-4x16" size) hides instance names and APIs at little cost. But the cheapest placement flips
# as soon as a workload needs a managed service our platform supports on one cloud only (Kafka on
# AWS, the warehouse on Google Cloud), or sends terabytes out: supported services and egress decide,
# and an abstraction that hides them invites expensive surprises. The clouds themselves all sell
# both; integrating each one on a second cloud is platform work with its own cost. I would hide
# machine types and cluster creation, and show residency, egress and managed-service availability
# explicitly in the request, with the cost estimate next to it. Running the same workload actively
# on three clouds doubles operational load; portability for negotiation or exit is cheaper.

# %% [markdown] nbgrader={"grade_id": "check-your-work", "locked": true}
# ## Check your work
#
# Before you submit: **Kernel → Restart Kernel and Run All Cells**, then make sure every visible
# check prints *"Visible checks for … passed"* and no cell shows an error. nbgrader's **Validate**
# button runs the visible checks only: each exercise also has **hidden** checks (most of its
# points) that run when your notebook is graded, on this week's data and on other data. Do not
# delete, move or copy the check cells.
#
# | Exercise | Auto-graded points | of which hidden |
# |---|---|---|
# | 1 · Shannon entropy | 3 | 2 |
# | 2 · high-entropy strings | 4 | 3 |
# | 3 · rule-based scan | 4 | 3 |
# | 4 · precision and recall | 4 | 3 |
# | 5 · the organisation's scanner | 4 | 3 |
# | 6 · observed edges | 3 | 2 |
# | 7 · the payments team's policies | 4 | 3 |
# | 8 · evaluate policies | 4 | 3 |
# | 9 · unexplained edges, identity coverage | 3 | 2 |
# | 10 · monthly cost | 3 | 2 |
# | 11 · cheapest placement | 4 | 3 |
# | 12 · registry, marketplace, plugin | 4 | 3 |
# | Reflections 1 and 2 | 5 (instructor) | — |

# %% [markdown] nbgrader={"grade_id": "summary", "locked": true}
# ## Summary
#
# - **Secure by default** means guardrails in the developer's path: scanners combine format rules
#   and entropy, need allowlists, and are judged by precision and recall on labelled data.
# - **Zero trust** authorises every request by workload identity; a mesh enforces it with
#   deny-by-default and explicit allow-lists built from declared dependencies.
# - **Multi-cloud** abstractions hide machine types and APIs but must not hide egress, managed
#   services and residency, which decide the placement.
# - **Extensibility** needs a contract the platform tests every plugin against; the marketplace is
#   the listing of plugins that passed.
#
# **Next week:** developer productivity metrics — DORA, SPACE and honest measurement of the platform.
#
# ## References
#
# - Backstage (2024). *Backstage plugins* (documentation). https://backstage.io/docs/plugins/
# - gitleaks (2024). *gitleaks default configuration* (`config/gitleaks.toml`) and detector source.
#   https://github.com/gitleaks/gitleaks
# - Istio (2024). *Authorization Policy* (reference) and *Security concepts: authorization*.
#   https://istio.io/latest/docs/reference/config/security/authorization-policy/
# - Kubernetes SIG Cluster Lifecycle (2024). *The Cluster API Book.* https://cluster-api.sigs.k8s.io/
# - OWASP (2024). *Secrets Management Cheat Sheet.*
#   https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html
# - Preston-Werner, T. (2013). *Semantic Versioning 2.0.0.* https://semver.org/
# - Python Packaging Authority (2024). *Entry points specification.*
#   https://packaging.python.org/en/latest/specifications/entry-points/
# - Rose, S., Borchert, O., Mitchell, S., & Connelly, S. (2020). *Zero Trust Architecture* (NIST
#   SP 800-207). https://doi.org/10.6028/NIST.SP.800-207
# - Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical Journal*,
#   27(3), 379–423.
# - SPIFFE (2024). *SPIFFE ID* (specification). https://spiffe.io/docs/latest/spiffe-about/spiffe-concepts/
# - Yelp (2024). *detect-secrets* (`detect_secrets/plugins/high_entropy_strings.py`).
#   https://github.com/Yelp/detect-secrets
