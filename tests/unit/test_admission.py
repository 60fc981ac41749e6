"""workbook.admission admits objects as the Kubernetes API server does under ValidatingAdmissionPolicy.

Each case cites the rule of the Kubernetes documentation (*Validating Admission Policy*,
admissionregistration.k8s.io/v1) it checks. Weeks 5 and the capstone grade learners' policies with
this evaluator, so it is held to the documented semantics here.
"""
from __future__ import annotations

import pytest

from workbook.admission import ADMISSION_API, PolicyError, admit, decide, load_admission, outcome

POLICY = f"""
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicy
metadata:
  name: replicas
spec:
  matchConstraints:
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE"]
      resources: ["deployments"]
    namespaceSelector:
      matchExpressions:
      - key: kubernetes.io/metadata.name
        operator: NotIn
        values: ["kube-system"]
  validations:
  - expression: "has(object.spec.replicas) && object.spec.replicas >= 2"
    message: "run at least two replicas"
"""


def _binding(actions):
    return f"""---
apiVersion: {ADMISSION_API}
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: replicas
spec:
  policyName: replicas
  validationActions: {actions}
"""


def _deploy(replicas=None, namespace="shop", kind="Deployment", api="apps/v1"):
    spec = {} if replicas is None else {"replicas": replicas}
    return {"apiVersion": api, "kind": kind, "metadata": {"name": "a", "namespace": namespace}, "spec": spec}


def test_a_policy_without_a_binding_does_nothing():
    # "A policy without a binding has no effect" (a ValidatingAdmissionPolicyBinding puts it in force)
    assert outcome(admit(POLICY, _deploy(1))) == "admitted"


@pytest.mark.parametrize("actions, want", [("[Deny]", "denied"), ("[Warn]", "warned"), ("[Audit]", "audited"),
                                           ("[Warn, Audit]", "warned")])
def test_validation_actions_decide_what_a_failure_does(actions, want):
    # validationActions: Deny rejects, Warn admits with a warning, Audit records in the audit event
    result = admit(POLICY + _binding(actions), _deploy(1))
    assert outcome(result) == want
    assert bool(result["audit"]) == ("Audit" in actions)


def test_deny_and_warn_together_are_refused():
    # "Deny and Warn may not be used together since this combination needlessly duplicates the validation failure"
    with pytest.raises(PolicyError, match="Deny and Warn"):
        load_admission(POLICY + _binding("[Deny, Warn]"))


def test_match_constraints_select_operation_resource_and_namespace():
    text = POLICY + _binding("[Deny]")
    assert outcome(admit(text, _deploy(3))) == "admitted"
    assert outcome(admit(text, _deploy(1), operation="UPDATE")) == "admitted"  # only CREATE is listed
    assert outcome(admit(text, _deploy(1, namespace="kube-system"))) == "admitted"  # NotIn on the namespace name
    assert outcome(admit(text, _deploy(1, kind="StatefulSet"))) == "admitted"  # not a listed resource


def test_reading_an_unset_field_is_an_error_and_fails_closed():
    # failurePolicy defaults to Fail: an expression that errors counts as a failed validation
    text = POLICY.replace("has(object.spec.replicas) && ", "") + _binding("[Deny]")
    result = admit(text, _deploy())
    assert outcome(result) == "denied" and "resulted in error" in result["denied"][0]


def test_unknown_fields_and_bad_cel_are_refused_with_the_line():
    with pytest.raises(PolicyError, match='unknown field "spec.validation"'):
        load_admission(POLICY.replace("validations:", "validation:"))
    with pytest.raises(PolicyError, match="compilation failed"):
        load_admission(POLICY.replace("object.spec.replicas >= 2", "object.spec.replicas >= ") + _binding("[Deny]"))


def test_decide_answers_one_word_or_why_the_policies_do_not_load():
    obj = _deploy(1)
    assert admit(POLICY + _binding("[Deny]"), obj)["allowed"] is False
    assert decide(POLICY + _binding("[Deny]"), obj) == "denied"
    assert decide(POLICY + _binding("[Deny]"), obj, "UPDATE") == "admitted"
    assert decide(POLICY + _binding("[Deny, Warn]"), obj).startswith("(the policies do not load:")
