"""Admission control as the Kubernetes API server does it, for the notebooks' policy exercises (Week 5, the capstone).

``admit(policy_yaml, obj)`` reads ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding
objects (``admissionregistration.k8s.io/v1``), checks them the way the API server does when they
are created (unknown fields, required fields, ``Deny`` with ``Warn``; ``load_admission``), and
evaluates their CEL with a CEL runtime from PyPI (``common-expression-language``, module ``cel``,
an interpreter of the CEL specification) the way the API server would admit ``obj``: whether it is
allowed, the warnings the client sees and the audit records. ``outcome`` says it in one word;
``decide`` admits a copy of an object and answers that word (or why the policies do not load).
Sources: Kubernetes documentation, *Validating Admission Policy* and *Admission Control*.
"""
from __future__ import annotations

import copy

import yaml

try:
    import cel  # PyPI common-expression-language: CEL (the cel-rust interpreter) for Python
except ImportError:  # the runtime is part of the course's environment (requirements.txt)
    cel = None

__all__ = ["ADMISSION_API", "RESOURCES", "PolicyError", "admit", "decide", "load_admission", "load_problem", "messages",
           "outcome"]

ADMISSION_API = "admissionregistration.k8s.io/v1"
RESOURCES = {"Deployment": ("apps", "deployments"), "StatefulSet": ("apps", "statefulsets"),
             "DaemonSet": ("apps", "daemonsets"), "Job": ("batch", "jobs"), "CronJob": ("batch", "cronjobs"),
             "Pod": ("", "pods"), "Service": ("", "services"), "ConfigMap": ("", "configmaps")}
_SELECTOR = {"matchLabels": None, "matchExpressions": [{"key": None, "operator": None, "values": None}]}
_RULES = [{"apiGroups": None, "apiVersions": None, "operations": None, "resources": None, "scope": None,
           "resourceNames": None}]
_MATCH = {"resourceRules": _RULES, "excludeResourceRules": _RULES, "namespaceSelector": _SELECTOR,
          "objectSelector": _SELECTOR, "matchPolicy": None}
_META = {"name": None, "labels": None, "annotations": None}
_FIELDS = {  # the fields the API server knows, per kind (None: a value, not checked further)
    "ValidatingAdmissionPolicy": {"apiVersion": None, "kind": None, "metadata": _META, "spec": {
        "failurePolicy": None, "paramKind": {"apiVersion": None, "kind": None}, "matchConstraints": _MATCH,
        "validations": [{"expression": None, "message": None, "messageExpression": None, "reason": None}],
        "variables": [{"name": None, "expression": None}], "matchConditions": [{"name": None, "expression": None}],
        "auditAnnotations": [{"key": None, "valueExpression": None}]}},
    "ValidatingAdmissionPolicyBinding": {"apiVersion": None, "kind": None, "metadata": _META, "spec": {
        "policyName": None, "validationActions": None, "matchResources": _MATCH,
        "paramRef": {"name": None, "namespace": None, "selector": _SELECTOR, "parameterNotFoundAction": None}}},
}


class PolicyError(ValueError):
    """Policy YAML the API server would refuse; the message names the line."""


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML that remembers the line of every mapping key."""


class _Lines(dict):
    lines: dict = {}


def _mapping(loader, node):
    out = _Lines(loader.construct_pairs(node, deep=True))
    out.lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _line(mapping, key):
    return getattr(mapping, "lines", {}).get(key, "?")


def _strict(value, spec, path, kind):
    """Refuse unknown fields, as kubectl's strict field validation does."""
    if isinstance(spec, list):
        for i, item in enumerate(value if isinstance(value, list) else []):
            _strict(item, spec[0], f"{path}[{i}]", kind)
        if not isinstance(value, list):
            raise PolicyError(f"{kind}: {path} must be a list")
    elif isinstance(spec, dict):
        if not isinstance(value, dict):
            raise PolicyError(f"{kind}: {path} must be a mapping")
        for key, sub in value.items():
            field = f"{path}.{key}" if path else str(key)
            if key not in spec:
                raise PolicyError(f'line {_line(value, key)}: {kind}: strict decoding error: unknown field "{field}"')
            if spec[key] is not None:
                _strict(sub, spec[key], field, kind)


def _required(doc, path, kind):
    node = doc
    for part in path.split("."):
        if not isinstance(node, dict) or node.get(part) in (None, "", []):
            raise PolicyError(f"{kind} {doc.get('metadata', {}).get('name')!r}: {path}: Required value")
        node = node[part]
    return node


_programs: dict = {}


def _program(expression, where):
    if cel is None:
        raise PolicyError("the CEL runtime is not installed: run `pip install -r requirements.txt` in the course's "
                          "environment (it pins common-expression-language), then restart the kernel")
    if expression not in _programs:
        try:
            _programs[expression] = cel.compile(str(expression))
        except Exception as exc:  # the runtime's message quotes the expression and points at the column
            raise PolicyError(f"{where}: compilation failed: {str(exc).strip()}") from None
    return _programs[expression]


_loaded: dict = {}


def load_admission(text: str):
    """Policies (by name) and bindings from YAML text, checked as the API server checks them on create."""
    if text not in _loaded:
        _loaded.clear()  # one policy text at a time: the one being tried
        _loaded[text] = _load_admission(text)
    return _loaded[text]


def _load_admission(text: str):
    if not isinstance(text, str):
        raise PolicyError(f"the policies must be YAML text (a str), not {type(text).__name__}")
    try:
        docs = [d for d in yaml.load_all(text, Loader=_LineLoader) if d is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError(f"line {mark.line + 1 if mark else '?'}: the YAML does not parse: "
                          f"{getattr(exc, 'problem', None) or exc}") from None
    policies, bindings = {}, []
    for doc in docs:
        kind = doc.get("kind") if isinstance(doc, dict) else None
        if kind not in _FIELDS or doc.get("apiVersion") != ADMISSION_API:
            raise PolicyError(f"a document is a {kind!r} of {doc.get('apiVersion') if isinstance(doc, dict) else None!r}; "
                              f"expected ValidatingAdmissionPolicy or ValidatingAdmissionPolicyBinding of {ADMISSION_API}")
        _strict(doc, _FIELDS[kind], "", kind)
        name = _required(doc, "metadata.name", kind)
        if kind == "ValidatingAdmissionPolicy":
            spec = _required(doc, "spec", kind)
            for i, rule in enumerate(_required(doc, "spec.matchConstraints.resourceRules", kind)):
                for field in ("apiGroups", "apiVersions", "operations", "resources"):
                    if not rule.get(field):
                        raise PolicyError(f"line {_line(rule, next(iter(rule), ''))}: {kind} {name!r}: "
                                          f"spec.matchConstraints.resourceRules[{i}].{field}: Required value")
            if not spec.get("validations"):
                raise PolicyError(f"{kind} {name!r}: spec.validations: Required value (a policy with nothing to check)")
            for part in ("variables", "matchConditions", "validations"):
                for i, item in enumerate(spec.get(part) or []):
                    _program(_required(item, "expression", kind),
                             f"line {_line(item, 'expression')}: {kind} {name!r}: spec.{part}[{i}].expression")
            policies[name] = doc
        else:
            actions = _required(doc, "spec.validationActions", kind)
            if not set(actions) <= {"Deny", "Warn", "Audit"}:
                raise PolicyError(f"line {_line(doc['spec'], 'validationActions')}: {kind} {name!r}: "
                                  f"spec.validationActions: Unsupported value: {actions}: supported values: Audit, Deny, Warn")
            if {"Deny", "Warn"} <= set(actions):
                raise PolicyError(f"line {_line(doc['spec'], 'validationActions')}: {kind} {name!r}: spec.validationActions: "
                                  "Invalid value: Deny and Warn may not be used together")
            _required(doc, "spec.policyName", kind)
            bindings.append(doc)
    return policies, bindings


def _selects(selector, labels):
    if not selector:
        return True
    if any(labels.get(k) != v for k, v in (selector.get("matchLabels") or {}).items()):
        return False
    for e in selector.get("matchExpressions") or []:
        has, values = e["key"] in labels, set(e.get("values") or [])
        ok = {"In": has and labels.get(e["key"]) in values, "NotIn": not (has and labels.get(e["key"]) in values),
              "Exists": has, "DoesNotExist": not has}.get(e.get("operator"))
        if not ok:
            return False
    return True


def _covers(rules, group, version, resource, operation):
    def hit(values, value):
        return "*" in values or value in values
    return any(hit(r.get("apiGroups", []), group) and hit(r.get("apiVersions", []), version)
               and hit(r.get("resources", []), resource) and hit(r.get("operations", []), operation) for r in rules or [])


def _matches(match, obj, operation, ns_labels):
    group_version = str(obj.get("apiVersion", ""))
    group, version = group_version.split("/", 1) if "/" in group_version else ("", group_version)
    resource = RESOURCES.get(obj.get("kind"), ("", str(obj.get("kind", "")).lower() + "s"))[1]
    if "resourceRules" in match and not _covers(match["resourceRules"], group, version, resource, operation):
        return False
    if _covers(match.get("excludeResourceRules"), group, version, resource, operation):
        return False
    return (_selects(match.get("namespaceSelector"), ns_labels)
            and _selects(match.get("objectSelector"), (obj.get("metadata") or {}).get("labels") or {}))


def _run(expression, activation, where):
    try:
        return _program(expression, where).execute(activation), None
    except PolicyError:
        raise
    except KeyError as exc:  # reading a field that is not set
        return None, f"no such key: {exc.args[0] if exc.args else exc}"
    except Exception as exc:  # a wrong type, an unknown function (Kubernetes' extension libraries)
        message = str(exc).strip() or type(exc).__name__
        if "Undefined variable or function" in message:
            message += (" (Kubernetes' CEL extension libraries, e.g. split or lastIndexOf, are not in this lab's runtime; "
                        "the variables are object, oldObject, request, namespaceObject, params and variables: Reading 2)")
        return None, message


def admit(policy_yaml: str, obj: dict, operation: str = "CREATE", namespace_labels: dict | None = None) -> dict:
    """What the API server does with `obj` under these policies: allowed, the warnings and the audit records."""
    policies, bindings = load_admission(policy_yaml)
    namespace = (obj.get("metadata") or {}).get("namespace") or "default"
    ns_labels = {"kubernetes.io/metadata.name": namespace, **(namespace_labels or {})}
    kind = obj.get("kind")
    group_version = str(obj.get("apiVersion", ""))
    request = {"operation": operation, "namespace": namespace, "name": (obj.get("metadata") or {}).get("name", ""),
               "kind": {"group": group_version.rpartition("/")[0], "version": group_version.rpartition("/")[2], "kind": kind}}
    base = {"object": obj, "oldObject": None, "params": None, "request": request,
            "namespaceObject": {"metadata": {"name": namespace, "labels": ns_labels}}}
    out = {"allowed": True, "denied": [], "warnings": [], "audit": []}
    for binding in bindings:
        name, spec = binding["metadata"]["name"], binding["spec"]
        policy = policies.get(spec["policyName"])
        if policy is None:  # a binding to a policy that does not exist admits everything
            continue
        pname, pspec = policy["metadata"]["name"], policy["spec"]
        if not _matches(pspec["matchConstraints"], obj, operation, ns_labels) or \
                not _matches(spec.get("matchResources") or {}, obj, operation, ns_labels):
            continue
        fail_closed = pspec.get("failurePolicy", "Fail") != "Ignore"
        activation, failures = {**base, "variables": {}}, []
        for v in pspec.get("variables") or []:  # each variable sees the ones before it
            value, error = _run(v["expression"], activation, pname)
            if error is None:
                activation["variables"] = {**activation["variables"], v["name"]: value}
        conditions = [_run(c["expression"], activation, pname) for c in pspec.get("matchConditions") or []]
        if any(error is None and value is False for value, error in conditions):
            continue
        for i, check in enumerate(pspec["validations"]):
            value, error = _run(check["expression"], activation, pname)
            if error is not None:
                if fail_closed:
                    failures.append((i, f"expression '{check['expression']}' resulted in error: {error}"))
            elif not isinstance(value, bool):
                failures.append((i, f"expression '{check['expression']}' must return a bool, not {type(value).__name__}"))
            elif not bool(value):
                failures.append((i, check.get("message") or f"failed expression: {check['expression']}"))
        for i, message in failures:
            actions = spec["validationActions"]
            if "Deny" in actions:
                out["allowed"] = False
                out["denied"].append(f"ValidatingAdmissionPolicy '{pname}' with binding '{name}' denied request: {message}")
            if "Warn" in actions:
                out["warnings"].append(f"Validation failed for ValidatingAdmissionPolicy '{pname}' with binding '{name}': {message}")
            if "Audit" in actions:
                out["audit"].append({"message": message, "policy": pname, "binding": name, "expressionIndex": i,
                                     "validationActions": list(actions)})
    return out


def outcome(result: dict) -> str:
    """One word for an admission result: denied, warned (admitted with a warning), audited or admitted."""
    if not result["allowed"]:
        return "denied"
    return "warned" if result["warnings"] else ("audited" if result["audit"] else "admitted")


def decide(policy_yaml: str, obj: dict, operation: str = "CREATE") -> str:
    """``outcome`` of admitting a copy of ``obj`` under these policies, or why the policies do not load."""
    try:
        return outcome(admit(policy_yaml, copy.deepcopy(obj), operation=operation))
    except PolicyError as exc:
        return f"(the policies do not load: {exc})"


def load_problem(policy_yaml: str) -> str:
    """'' when the API server would accept these policy objects, else its message (for the visible checks)."""
    try:
        load_admission(policy_yaml)
    except PolicyError as exc:
        return str(exc)
    return ""


def messages(result: dict) -> str:
    """What the developer reads for one admission: the denials and warnings, or 'no message'."""
    return "; ".join(result["denied"] + result["warnings"]) or "no message"
