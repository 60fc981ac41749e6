"""Istio authorization, evaluated the way Istio documents it, for Week 7's zero-trust lab.

`load_policies(text)` reads multi-document YAML of `AuthorizationPolicy` objects and refuses what
Istio would not accept or what this evaluator cannot judge, with one message naming the document and
the field. `evaluate(policies, requests)` decides every request of a request log (the columns of
`service_requests`) as Istio's sidecar would, following the Istio reference "Authorization Policy"
(istio.io/latest/docs/reference/config/security/authorization-policy/):

- the policies that apply to a workload are those in the mesh's root namespace (`istio-system`) and
  those in the workload's own namespace, each when it has no selector or its `matchLabels` are all
  among the workload's labels (here a workload is labelled `app: <service>`);
- a CUSTOM policy that matches hands the request to the external authorizer (`ext_authz`, default:
  deny), and it is denied when the authorizer denies; then any matching DENY policy denies; then, if
  no ALLOW policy applies, the request is allowed; else it is allowed only when an ALLOW policy
  matches. AUDIT policies never decide;
- a policy matches when any of its rules matches; a policy without rules never matches (so an ALLOW
  policy without rules allows nothing), a rule `{}` matches every request;
- inside a rule `from`, `to` (and `when`, which this evaluator refuses) must all match; a left-out
  part matches everything; a list of sources (operations) matches when any entry does, and an entry
  when every field it sets does; a field matches when any of its values does; a `not...` field
  matches when none does;
- `principals` and `namespaces` come from the peer certificate, so a request without mutual TLS
  matches none of them (and matches every `notPrincipals` / `notNamespaces`); a value may be exact,
  `*` (any identity), a prefix `abc*` or a suffix `*abc`.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd
import yaml

ROOT_NAMESPACE = "istio-system"
API_VERSIONS = ("security.istio.io/v1", "security.istio.io/v1beta1")
ACTIONS = ("ALLOW", "DENY", "AUDIT", "CUSTOM")
_FIELDS = {
    "": {"apiVersion", "kind", "metadata", "spec"},
    "metadata": {"name", "namespace", "labels", "annotations"},
    "spec": {"selector", "action", "rules", "provider"},
    "selector": {"matchLabels"},
    "rule": {"from", "to", "when"},
    "source": {"principals", "notPrincipals", "namespaces", "notNamespaces"},
    "operation": {"methods", "notMethods", "paths", "notPaths"},
}


class PolicyError(ValueError):
    """A policy document Istio would refuse, or one this evaluator cannot judge; the message says where."""


def _check_keys(obj, allowed: set, where: str) -> None:
    if not isinstance(obj, dict):
        raise PolicyError(f"{where} should be a mapping (key: value), not {type(obj).__name__}")
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise PolicyError(f"{where} has the unknown field {unknown[0]!r}; allowed here: {sorted(allowed)}")


def _string_list(value, where: str) -> list:
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise PolicyError(f"{where} should be a list of strings")
    return value


def validate(policy: dict, where: str = "policy") -> dict:
    """The policy if it is an AuthorizationPolicy this evaluator can judge; else PolicyError."""
    _check_keys(policy, _FIELDS[""], where)
    if policy.get("apiVersion") not in API_VERSIONS or policy.get("kind") != "AuthorizationPolicy":
        raise PolicyError(f"{where}: apiVersion must be one of {list(API_VERSIONS)} and kind 'AuthorizationPolicy'")
    meta = policy.get("metadata")
    _check_keys(meta, _FIELDS["metadata"], f"{where}.metadata")
    if not (isinstance(meta.get("name"), str) and meta["name"] and isinstance(meta.get("namespace"), str) and meta["namespace"]):
        raise PolicyError(f"{where}.metadata needs a name and a namespace")
    spec = policy.get("spec", {}) or {}
    _check_keys(spec, _FIELDS["spec"], f"{where}.spec")
    action = spec.get("action", "ALLOW")
    if action not in ACTIONS:
        raise PolicyError(f"{where}.spec.action is {action!r}; Istio's actions are {list(ACTIONS)}")
    if action == "CUSTOM" and not spec.get("provider"):
        raise PolicyError(f"{where}.spec: a CUSTOM policy needs a provider")
    if "selector" in spec:
        _check_keys(spec["selector"], _FIELDS["selector"], f"{where}.spec.selector")
        labels = spec["selector"].get("matchLabels", {})
        if not (isinstance(labels, dict) and all(isinstance(v, str) for v in labels.values())):
            raise PolicyError(f"{where}.spec.selector.matchLabels should map label names to strings")
    rules = spec.get("rules", []) or []
    if not isinstance(rules, list):
        raise PolicyError(f"{where}.spec.rules should be a list of rules")
    for i, rule in enumerate(rules):
        at = f"{where}.spec.rules[{i}]"
        _check_keys(rule or {}, _FIELDS["rule"], at)
        if (rule or {}).get("when"):
            raise PolicyError(f"{at}.when: conditions are not judged by the course's evaluator; use from and to")
        for part, inner in (("from", "source"), ("to", "operation")):
            entries = (rule or {}).get(part)
            if entries is None:
                continue
            if not isinstance(entries, list) or not entries:
                raise PolicyError(f"{at}.{part} should be a non-empty list")
            for j, entry in enumerate(entries):
                _check_keys(entry, {inner}, f"{at}.{part}[{j}]")
                _check_keys(entry[inner], _FIELDS[inner], f"{at}.{part}[{j}].{inner}")
                for key, values in entry[inner].items():
                    _string_list(values, f"{at}.{part}[{j}].{inner}.{key}")
    return policy


def load_policies(text: str) -> list:
    """Every AuthorizationPolicy of a multi-document YAML text, validated."""
    try:
        docs = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise PolicyError(f"the YAML does not parse{line}: {getattr(exc, 'problem', None) or exc}") from None
    return [validate(d, f"document {i + 1}") for i, d in enumerate(docs)]


def _values_match(actual: pd.Series, patterns: list) -> pd.Series:
    """Istio string matching: exact, '*', 'prefix*', '*suffix'. Missing values (NaN) never match."""
    out = pd.Series(False, index=actual.index)
    present = actual.notna() & actual.astype(str).ne("")
    text = actual.astype(str)
    for p in patterns:
        if p == "*":
            hit = present
        elif p.endswith("*"):
            hit = text.str.startswith(p[:-1])
        elif p.startswith("*"):
            hit = text.str.endswith(p[1:])
        else:
            hit = text.eq(p)
        out |= hit & present
    return out


def _entry_matches(entry: dict, columns: dict, index) -> pd.Series:
    hit = pd.Series(True, index=index)
    for key, values in entry.items():
        negate = key.startswith("not")
        column = columns[key[3].lower() + key[4:] if negate else key]
        match = _values_match(column, values)
        hit &= ~match if negate else match
    return hit


def _rule_matches(rule: dict, columns: dict, index) -> pd.Series:
    hit = pd.Series(True, index=index)
    for part, inner in (("from", "source"), ("to", "operation")):
        entries = rule.get(part)
        if entries is None:
            continue
        any_entry = pd.Series(False, index=index)
        for entry in entries:
            any_entry |= _entry_matches(entry[inner], columns, index)
        hit &= any_entry
    return hit


def _applies(policy: dict, requests: pd.DataFrame, root_namespace: str) -> pd.Series:
    namespace = policy["metadata"]["namespace"]
    labels = (policy.get("spec") or {}).get("selector", {}).get("matchLabels", {})
    applies = pd.Series(namespace == root_namespace, index=requests.index) | requests["destination_namespace"].eq(namespace)
    for name, value in labels.items():
        applies &= requests["destination_service"].eq(value) if name == "app" else False
    return applies


def evaluate(policies: list, requests: pd.DataFrame, root_namespace: str = ROOT_NAMESPACE,
             ext_authz: Callable[[pd.DataFrame], pd.Series] | None = None) -> pd.Series:
    """True where Istio would allow the request, aligned with requests.index."""
    principal = requests["source_principal"].where(requests["mtls"].astype(bool))
    principal = principal.where(principal.astype(str).ne(""), None).str.removeprefix("spiffe://")
    columns = {"principals": principal, "namespaces": principal.str.extract(r"/ns/([^/]+)/", expand=False),
               "methods": requests["method"], "paths": requests.get("path", pd.Series(None, index=requests.index))}
    idx = requests.index
    matched = {a: pd.Series(False, index=idx) for a in ACTIONS}
    has_allow = pd.Series(False, index=idx)
    for policy in policies:
        spec = policy.get("spec") or {}
        action = spec.get("action", "ALLOW")
        applies = _applies(policy, requests, root_namespace)
        hit = pd.Series(False, index=idx)
        for rule in spec.get("rules") or []:
            hit |= _rule_matches(rule or {}, columns, idx)
        matched[action] |= applies & hit
        if action == "ALLOW":
            has_allow |= applies
    custom_denied = pd.Series(False, index=idx)
    if matched["CUSTOM"].any():
        verdict = ext_authz(requests[matched["CUSTOM"]]) if ext_authz else pd.Series(False, index=idx[matched["CUSTOM"]])
        custom_denied = matched["CUSTOM"] & ~verdict.reindex(idx, fill_value=True).astype(bool)
    allowed = ~custom_denied & ~matched["DENY"] & (~has_allow | matched["ALLOW"])
    return allowed.rename("allowed")
