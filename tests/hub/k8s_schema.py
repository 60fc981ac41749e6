"""Kubernetes API schema checks for the deployment's manifests (PyPI kubernetes-validate, strict)."""
from __future__ import annotations

import kubernetes_validate

KUBERNETES_VERSION = "1.33"   # the oldest cluster version the course supports (as Week 4's exercises)


def problems(docs: list[dict]) -> list[str]:
    """One line per document the Kubernetes API schema rejects (strict: unknown fields too); [] when valid."""
    out = []
    for number, doc in enumerate(docs, 1):
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            where = ".".join(str(p) for p in exc.path) or "(top)"
            out.append(f"document {number} ({doc.get('kind')} {doc.get('metadata', {}).get('name')}): {where}: "
                       f"{exc.message}")
    return out
