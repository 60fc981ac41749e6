"""Week 7: the keys agree with what the instructor notebook computes, the data keep the invariants the
content review asked for, and the hand-written entropy detector agrees with detect-secrets' plugins.

The notebook never reads the answer keys; these tests run the instructor's solution functions (from
source/week-07) on the data and compare them with tests/keys/, so a change to the data or to the
solutions that breaks the planted story fails here, not in a learner's grade.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import reference_answers, source_notebook

REPO = Path(__file__).resolve().parents[2]
KEYS = REPO / "tests" / "keys"
DATA = REPO / "data"


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    mp.setenv("WORKBOOK_DATA", str(DATA))
    mp.setenv("MPLBACKEND", "Agg")
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def week7(monkeypatch_module):
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source_notebook("week-07").cells}
    answers = reference_answers("week-07")
    ns: dict = {}
    exec(cells["setup"], ns)
    exec(cells["lab-1-explore"], ns)
    for gid in ("ex-1-answer", "ex-2-answer", "ex-3-answer", "ex-4-answer", "ex-9-answer"):
        exec(answers[gid], ns)
    return ns


def _key(name: str) -> dict:
    return json.loads((KEYS / f"{name}.json").read_text(encoding="utf-8"))


def test_secret_labels_key_matches_what_the_notebook_reads(week7):
    key = pd.DataFrame(_key("secret_labels")["labels"]).sort_values(["file", "line"]).reset_index(drop=True)
    labels = week7["labels"].sort_values(["file", "line"]).reset_index(drop=True)
    assert labels[["file", "line", "kind", "is_secret", "value"]].astype(str).equals(
        key[["file", "line", "kind", "is_secret", "value"]].astype(str))
    assert _key("secret_labels")["secrets"] == int(labels["is_secret"].sum())


def test_undeclared_flows_key_is_what_the_notebook_finds(week7):
    """F-18: the key listed only the 3 planted flows; the legacy caller's and the unknown caller's
    edges are undeclared too (the notebook's 5)."""
    found = week7["unexplained_edges"](week7["requests"], week7["declared"])
    assert set(_key("service_requests")["undeclared_flows"]) == found
    assert set(_key("service_requests")["planted_undeclared_flows"]) <= found


def test_other_service_requests_keys_match_the_traffic_the_notebook_reads(week7):
    key, requests = _key("service_requests"), week7["requests"]
    plaintext = requests.loc[~requests["mtls"].astype(bool), "source_service"]
    assert set(key["plaintext_sources"]) == set(plaintext)
    assert key["legacy_vm_caller"] in set(plaintext)
    assert set(requests.loc[requests["source_service"] == "unknown", "destination_service"]) == {key["unknown_caller_target"]}


def test_data_dictionary_names_consumes_apis_edges():
    """F-18: service_dependencies holds edges that the catalog writes as spec.consumesApis."""
    deps = pd.read_csv(DATA / "service_dependencies.csv")
    import yaml

    providers = set()
    for path in (DATA / "catalog").rglob("*.yaml"):
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if isinstance(doc, dict) and doc.get("kind") == "Component" and doc.get("spec", {}).get("providesApis"):
                providers.add(doc["metadata"]["name"])
    assert deps["depends_on"].isin(providers).any(), "some declared edges come from consumesApis"
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## service_dependencies"):].split("\n## ", 1)[0]
    assert "consumesApis" in section and "dependsOn" in section


def test_discounts_differ_by_provider_and_family():
    """D-3: commitment and spot prices are not one uniform ratio of on-demand everywhere."""
    prices = pd.read_csv(DATA / "price_table.csv")
    for col in ("commit_1y_usd_per_hour", "commit_3y_usd_per_hour", "spot_usd_per_hour"):
        ratio = (prices[col] / prices["on_demand_usd_per_hour"]).round(2)
        assert ratio.groupby(prices["provider"]).first().nunique() > 1, col
        assert ratio.nunique() > 3, col
        assert ratio.between(0.1, 0.7).all(), col


def test_fake_private_key_looks_like_a_2048_bit_pkcs1_key():
    """D-8: a PKCS#1 2048-bit key's body is about 25 base64 lines starting 'MII'."""
    lines = (DATA / "repo_snapshot" / "deploy" / "id_rsa").read_text().splitlines()
    body = lines[1:-1]
    assert lines[0] == "-----BEGIN RSA PRIVATE KEY-----" and lines[-1] == "-----END RSA PRIVATE KEY-----"
    assert body[0].startswith("MII") and 24 <= len(body) <= 27
    assert all(len(b) == 64 for b in body[:-1]) and 0 < len(body[-1]) <= 64


def test_hand_written_entropy_detector_agrees_with_detect_secrets_plugins(week7):
    """The notebook's high_entropy_strings re-implements detect-secrets' two entropy plugins; on every
    line of the snapshot (and the hidden check's lines) it reports what the plugins report."""
    from detect_secrets.plugins.high_entropy_strings import Base64HighEntropyString, HexHighEntropyString

    plugins = (Base64HighEntropyString(), HexHighEntropyString())
    repo = week7["repo"]
    lines = repo["text"].str.split("\n").explode().astype(str).tolist()
    lines += ['a = "89abcdef"', 'b = "0123456789"', "c = '0123456789abcdef0123'", 'j = "7"',
              'd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"', 'i = "Zq7Lm2Xr9Tb4Nc8Vd1Hs6Kp3Wf5Jg0Y\\a"']
    mine = week7["high_entropy_strings"]
    for line in lines:
        tool = {s.secret_value for p in plugins for s in p.analyze_line(filename="x.py", line=line)}
        assert mine(line) == tool, line
