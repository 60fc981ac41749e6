"""Week 7's fake credentials stay where the repository says they are, and scanners are told so.

The repository snapshot holds random strings in the formats of real keys (AWS, GitHub, private
keys). Every tracked file that contains one must be covered by the repository's own allowlists:
`.gitleaks.toml` (the scanner a maintainer or CI runs) and `.github/secret_scanning.yml` (a
repository host's push protection), so publishing the course does not raise false alarms and a
real leak elsewhere is still caught.
"""
from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import tomllib

import yaml

from conftest import ROOT


def _tracked_with(values: list[str]) -> set[str]:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found = set()
    for name in files:
        path = ROOT / name
        if path.is_file() and path.stat().st_size < 5_000_000:
            text = path.read_text(encoding="utf-8", errors="ignore")
            if any(v in text for v in values):
                found.add(name)
    return found


def test_every_file_holding_a_fake_secret_is_allowlisted_for_both_scanners():
    labels = json.loads((ROOT / "tests/keys/secret_labels.json").read_text())["labels"]
    values = [x["value"] for x in labels if x["is_secret"] and len(x["value"]) >= 12 and "BEGIN" not in x["value"]]
    assert len(values) >= 5
    holders = _tracked_with(values)
    assert any(h.startswith("data/repo_snapshot/") for h in holders), "the snapshot should hold the fake secrets"
    gitleaks = tomllib.loads((ROOT / ".gitleaks.toml").read_text())
    patterns = [re.compile(p) for p in gitleaks["allowlist"]["paths"]]
    github = yaml.safe_load((ROOT / ".github/secret_scanning.yml").read_text())["paths-ignore"]
    for holder in sorted(holders):
        assert any(p.search(holder) for p in patterns), f"{holder} holds a fake key but .gitleaks.toml does not allowlist it"
        assert any(fnmatch.fnmatch(holder, g) for g in github), \
            f"{holder} holds a fake key but .github/secret_scanning.yml does not ignore it"


def test_allowlists_do_not_cover_the_rest_of_the_repository():
    gitleaks = tomllib.loads((ROOT / ".gitleaks.toml").read_text())
    assert gitleaks["extend"]["useDefault"] is True
    patterns = [re.compile(p) for p in gitleaks["allowlist"]["paths"]]
    for ordinary in ("graders/checks.py", "README.md", "data/services.csv", "source/week-01/week-01.ipynb"):
        assert not any(p.search(ordinary) for p in patterns), ordinary


# gitleaks' default rules for the key formats the course plants (config/gitleaks.toml at HEAD: the
# secret is the first capture group; a match whose entropy is not above the rule's is dropped; AWS's
# allowlist skips secrets ending in EXAMPLE).
_GITLEAKS_LIKE = {
    "aws-access-token": (re.compile(r"\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b"), 3.0, re.compile(r".+EXAMPLE$")),
    "github-pat": (re.compile(r"(ghp_[0-9a-zA-Z]{36})"), 3.0, None),
}


def _entropy(text: str) -> float:
    import math
    from collections import Counter

    return -sum(n / len(text) * math.log2(n / len(text)) for n in Counter(text).values())


def test_every_file_a_default_gitleaks_rule_flags_is_allowlisted():
    """Not only the labelled values: any string gitleaks' default AWS or GitHub rule would report
    (hand-made look-alikes in hidden checks included) sits in a file both allowlists cover."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    flagged = set()
    for name in files:
        path = ROOT / name
        if not path.is_file() or path.stat().st_size >= 5_000_000:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        for regex, entropy, allow in _GITLEAKS_LIKE.values():
            for secret in regex.findall(text):
                if _entropy(secret) > entropy and not (allow and allow.search(secret)):
                    flagged.add(name)
    assert "authoring/week-07.py" in flagged, "the instructor notebook's hidden checks hold look-alike AWS keys"
    gitleaks = tomllib.loads((ROOT / ".gitleaks.toml").read_text())
    patterns = [re.compile(p) for p in gitleaks["allowlist"]["paths"]]
    github = yaml.safe_load((ROOT / ".github/secret_scanning.yml").read_text())["paths-ignore"]
    for holder in sorted(flagged):
        assert any(p.search(holder) for p in patterns), f"{holder} holds a key gitleaks reports but .gitleaks.toml does not allowlist it"
        assert any(fnmatch.fnmatch(holder, g) for g in github), \
            f"{holder} holds a key gitleaks reports but .github/secret_scanning.yml does not ignore it"
