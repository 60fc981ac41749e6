"""workbook.mesh decides requests as Istio's documentation says an AuthorizationPolicy does.

Each case cites the rule of istio.io's "Authorization Policy" reference (and the "Authorization"
concept page) it checks. Istio itself does not install from PyPI, so the course's evaluator is
held to the documented semantics here.
"""
from __future__ import annotations

import pandas as pd
import pytest

from workbook.mesh import PolicyError, evaluate, load_policies

TD = "td.example"


def _req(rows):
    cols = ["destination_service", "destination_namespace", "source_principal", "mtls", "method", "path"]
    return pd.DataFrame(rows, columns=cols)


def _p(name, namespace, spec):
    return {"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
            "metadata": {"name": name, "namespace": namespace}, "spec": spec}


WEB = f"spiffe://{TD}/ns/shop/sa/web"
REQS = _req([
    ("api", "shop", WEB, True, "GET", "/v1/items"),          # 0 identified, GET
    ("api", "shop", WEB, True, "DELETE", "/v1/items"),       # 1 identified, DELETE
    ("api", "shop", "", False, "GET", "/v1/health"),         # 2 plaintext health check
    ("db", "data", WEB, True, "GET", "/"),                   # 3 another namespace
    ("api", "shop", f"spiffe://{TD}/ns/other/sa/web", True, "GET", "/v1/items"),  # 4 same SA, other namespace
])
ALLOW_WEB = _p("allow-web", "shop", {"selector": {"matchLabels": {"app": "api"}}, "action": "ALLOW", "rules": [
    {"from": [{"source": {"principals": [f"{TD}/ns/shop/sa/web"]}}], "to": [{"operation": {"methods": ["GET"]}}]}]})


def test_no_policy_allows_everything():
    # "If there are no ALLOW policies for the workload, allow the request."
    assert evaluate([], REQS).all()


def test_an_allow_policy_without_rules_in_the_root_namespace_allows_nothing():
    # rules: "If not set, the match will never occur. This is equivalent to setting a default of deny
    # for the target workloads if the action is ALLOW." A policy in the root namespace applies mesh-wide.
    assert not evaluate([_p("allow-nothing", "istio-system", {})], REQS).any()


def test_an_empty_rule_matches_every_request():
    # allow-all example: rules: [{}]
    assert evaluate([_p("allow-all", "shop", {"rules": [{}]}), _p("deny", "istio-system", {})], REQS).tolist() == \
        [True, True, True, False, True]


def test_principals_need_mutual_tls_and_match_the_whole_identity():
    out = evaluate([ALLOW_WEB], REQS)
    assert out.tolist() == [True, False, False, True, False]  # db has no ALLOW policy: allowed


def test_deny_wins_over_allow():
    deny = _p("no-delete", "shop", {"action": "DENY", "rules": [{"to": [{"operation": {"methods": ["DELETE"]}}]}]})
    allow_all = _p("allow-all", "shop", {"rules": [{}]})
    assert evaluate([allow_all, deny], REQS).tolist() == [True, False, True, True, True]


def test_a_deny_policy_without_rules_never_matches():
    assert evaluate([_p("deny-nothing", "shop", {"action": "DENY"})], REQS).all()


def test_not_principals_star_matches_requests_without_identity():
    # the documented way to require mTLS: DENY with notPrincipals ["*"]
    deny = _p("require-mtls", "istio-system", {"action": "DENY", "rules": [{"from": [{"source": {"notPrincipals": ["*"]}}]}]})
    assert evaluate([deny], REQS).tolist() == [True, True, False, True, True]


def test_namespaces_prefix_and_suffix_values():
    by_ns = _p("ns", "shop", {"rules": [{"from": [{"source": {"namespaces": ["shop"]}}]}]})
    assert evaluate([by_ns], REQS).tolist() == [True, True, False, True, False]
    suffix = _p("sfx", "shop", {"rules": [{"from": [{"source": {"principals": ["*/sa/web"]}}]}]})
    assert evaluate([suffix], REQS).tolist() == [True, True, False, True, True]
    prefix = _p("pfx", "shop", {"rules": [{"to": [{"operation": {"paths": ["/v1/*"], "notMethods": ["DELETE"]}}]}]})
    assert evaluate([prefix], REQS).tolist() == [True, False, True, True, True]


def test_from_and_to_must_both_match_and_entries_are_alternatives():
    rule = {"from": [{"source": {"principals": ["nobody"]}}, {"source": {"namespaces": ["shop"]}}],
            "to": [{"operation": {"methods": ["GET"]}}]}
    assert evaluate([_p("p", "shop", {"rules": [rule]})], REQS).tolist() == [True, False, False, True, False]


def test_selector_and_namespace_limit_where_a_policy_applies():
    other_app = _p("p", "shop", {"selector": {"matchLabels": {"app": "db"}}, "rules": []})
    other_ns = _p("q", "data", {"rules": []})
    assert evaluate([other_app], REQS).all()
    assert evaluate([other_ns], REQS).tolist() == [True, True, True, False, True]


def test_custom_runs_first_and_audit_never_decides():
    custom = _p("ext", "shop", {"action": "CUSTOM", "provider": {"name": "opa"}, "rules": [{"to": [{"operation": {"paths": ["/v1/items"]}}]}]})
    allow_all = _p("allow-all", "shop", {"rules": [{}]})
    audit = _p("audit", "istio-system", {"action": "AUDIT", "rules": [{}]})
    assert evaluate([custom, allow_all, audit], REQS).tolist() == [False, False, True, True, False]
    ok = evaluate([custom, allow_all], REQS, ext_authz=lambda r: r["method"].eq("GET"))
    assert ok.tolist() == [True, False, True, True, True]


@pytest.mark.parametrize("text, words", [
    ("a: [1, 2\nb: 3\n", "line"),
    ("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: a, namespace: b}\nspec: {acton: DENY}\n", "'acton'"),
    ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\n", "kind"),
    ("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: a, namespace: b}\n"
     "spec:\n  rules:\n  - when:\n    - key: source.ip\n      values: [10.0.0.1]\n", "when"),
    ("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: a}\n", "namespace"),
])
def test_bad_documents_get_one_clear_message(text, words):
    with pytest.raises(PolicyError, match=words):
        load_policies(text)
