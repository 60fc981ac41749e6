"""The Kubernetes objects that grade a class as Jobs (written by ``python -m graders.k8s_jobs manifests``).

One Indexed Job per assignment run: index *i* grades slice *i* of the class (``--per-pod``
students; 1 gives a pod per submission). Every pod has

- a ``grader`` container (the course's uid, 1000) that runs ``graders.k8s_jobs run``: classgrade
  over its slice, on a private copy of what the slice needs, the course volume mounted read-only,
  results written to ``classgrade/jobs/<job>/<index>/`` on the course volume;
- a ``kernel`` container (another uid, 2000) that runs the learners' kernels (graders/handoff.py):
  it mounts neither the course nor the results, only the working copies and its own ``/tmp``,
  and sees the image's repository reduced to what bubblewrap allows on the course machine
  (``graders/``, ``workbook/``, ``data/``: copied by an init container into a read-only volume
  over ``/srv/repo``).

The sandbox's guarantees become pod security: no service-account token, no network (a
NetworkPolicy that selects the grading pods and allows nothing), read-only root file systems,
fixed non-root uids, every capability dropped, no privilege escalation, seccomp RuntimeDefault,
CPU, memory and scratch limits, deadlines for each pod and for the whole Job.
"""
from __future__ import annotations

import json

from graders.contract import Limits

GRADER_UID = 1000          # jovyan in the instructors' image: owns the course volume's files
KERNEL_UID = 2000          # nobody else's: the learners' code runs as this uid only
REPO = "/srv/repo"         # where repo2docker put the repository (--target-repo-dir), PYTHONPATH of the kernel
KERNEL_VIEW = ("graders", "workbook", "data")   # what the kernel may read of the repository (bubblewrap's allow-list)
HANDOFF, WORK, COURSE, RESULTS, SLICES = "/grading/handoff", "/work", "/course", "/results", "/slices"
COMPONENT = {"app.kubernetes.io/name": "platform-workbook", "app.kubernetes.io/component": "grading"}
STUDENT_KEY = "slices.json"


def security(uid: int) -> dict:
    return {"runAsUser": uid, "runAsGroup": uid, "runAsNonRoot": True, "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True, "privileged": False, "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"}}


def _resources(cpu: str, memory: str, scratch: str) -> dict:
    return {"requests": {"cpu": cpu, "memory": memory, "ephemeral-storage": scratch},
            "limits": {"cpu": cpu, "memory": memory, "ephemeral-storage": scratch}}


def network_policy(namespace: str) -> dict:
    """Selects every grading pod and allows no traffic in either direction (not even DNS)."""
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "grading-deny-all", "namespace": namespace, "labels": dict(COMPONENT)},
            "spec": {"podSelector": {"matchLabels": dict(COMPONENT)}, "policyTypes": ["Ingress", "Egress"],
                     "ingress": [], "egress": []}}


def slices_config_map(name: str, namespace: str, slices: list[list[str]]) -> dict:
    return {"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": f"{name}-slices", "namespace": namespace, "labels": dict(COMPONENT)},
            "data": {STUDENT_KEY: json.dumps(slices)}}


def grading_job(name: str, namespace: str, assignment: str, slices: list[list[str]], image: str, *,
                parallelism: int = 10, claim: str = "course-root", limits: Limits | None = None,
                cpu: str = "1", memory: str = "3Gi", kernel_memory: str | None = None) -> dict:
    """The Indexed Job: one index per slice."""
    limits = limits or Limits()
    per_pod = max(len(s) for s in slices) + 2                       # the canary: reference and blank
    pod_deadline = per_pod * (limits.notebook_timeout + 60) + 600   # as classgrade's budget, plus start-up
    kernel_memory = kernel_memory or f"{limits.mem_mb + 512}Mi"      # the kernel's address-space limit + slack
    volumes = [
        {"name": "course", "persistentVolumeClaim": {"claimName": claim, "readOnly": True}},
        {"name": "results", "persistentVolumeClaim": {"claimName": claim}},
        {"name": "slices", "configMap": {"name": f"{name}-slices"}},
        {"name": "work", "emptyDir": {"sizeLimit": "2Gi"}},           # the grader's private copy of the slice
        {"name": "grading", "emptyDir": {"sizeLimit": "2Gi"}},        # working copies + hand-over (both containers)
        {"name": "kernel-tmp", "emptyDir": {"sizeLimit": f"{limits.fsize_mb * 4}Mi"}},
        {"name": "kernel-view", "emptyDir": {"sizeLimit": "2Gi"}},
    ]
    copy = " ".join(f"{REPO}/{p}" for p in KERNEL_VIEW)
    init = {"name": "kernel-view", "image": image, "command": ["sh", "-c", f"cp -a {copy} /kernel-view/"],
            "securityContext": security(GRADER_UID), "resources": _resources("500m", "256Mi", "2Gi"),
            "volumeMounts": [{"name": "kernel-view", "mountPath": "/kernel-view"}]}
    grader = {
        "name": "grader", "image": image, "workingDir": WORK,
        "command": ["python", "-m", "graders.k8s_jobs", "run", assignment, "--course", COURSE, "--out", RESULTS,
                    "--slices", f"{SLICES}/{STUDENT_KEY}", "--work", WORK, "--handoff", HANDOFF,
                    "--cell-timeout", str(limits.cell_timeout), "--notebook-timeout", str(limits.notebook_timeout),
                    "--mem-mb", str(limits.mem_mb), "--nproc", str(limits.nproc), "--fsize-mb", str(limits.fsize_mb)],
        "env": [{"name": "GRADERS_KERNEL_HANDOFF", "value": HANDOFF}, {"name": "HOME", "value": f"{WORK}/home"},
                {"name": "TMPDIR", "value": "/grading/tmp"}, {"name": "PYTHONDONTWRITEBYTECODE", "value": "1"}],
        "securityContext": security(GRADER_UID), "resources": _resources(cpu, memory, "2Gi"),
        "volumeMounts": [{"name": "course", "mountPath": COURSE, "readOnly": True},
                         {"name": "results", "mountPath": RESULTS, "subPath": f"classgrade/jobs/{name}"},
                         {"name": "slices", "mountPath": SLICES, "readOnly": True},
                         {"name": "work", "mountPath": WORK}, {"name": "grading", "mountPath": "/grading"}]}
    kernel = {
        "name": "kernel", "image": image, "workingDir": "/tmp",
        "command": ["python", "-m", "graders.handoff", "serve", HANDOFF, "--clean", "/tmp"],
        "env": [{"name": "HOME", "value": "/tmp"}, {"name": "PYTHONDONTWRITEBYTECODE", "value": "1"}],
        "securityContext": security(KERNEL_UID), "resources": _resources(cpu, kernel_memory, "1Gi"),
        "volumeMounts": [{"name": "grading", "mountPath": "/grading"}, {"name": "kernel-tmp", "mountPath": "/tmp"},
                         {"name": "kernel-view", "mountPath": REPO, "readOnly": True}]}
    pod = {"metadata": {"labels": {**COMPONENT, "platform-workbook/job": name}},
           "spec": {"restartPolicy": "Never", "automountServiceAccountToken": False, "enableServiceLinks": False,
                    "shareProcessNamespace": False, "hostNetwork": False, "hostPID": False, "hostIPC": False,
                    "activeDeadlineSeconds": pod_deadline, "terminationGracePeriodSeconds": 10,
                    "securityContext": {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}},
                    "initContainers": [init], "containers": [grader, kernel], "volumes": volumes}}
    waves = -(-len(slices) // max(1, parallelism))
    return {"apiVersion": "batch/v1", "kind": "Job",
            "metadata": {"name": name, "namespace": namespace, "labels": {**COMPONENT, "platform-workbook/assignment": assignment}},
            "spec": {"completionMode": "Indexed", "completions": len(slices), "parallelism": min(parallelism, len(slices)),
                     "backoffLimitPerIndex": 1, "activeDeadlineSeconds": waves * 2 * pod_deadline,
                     "ttlSecondsAfterFinished": 7 * 24 * 3600,
                     # exit status 2: the run itself broke (a failed canary): retrying cannot help
                     "podFailurePolicy": {"rules": [{"action": "FailIndex", "onExitCodes": {
                         "containerName": "grader", "operator": "In", "values": [2]}}]},
                     "template": pod}}


def slice_class(students: list[str], per_pod: int) -> list[list[str]]:
    per_pod = max(1, per_pod)
    return [students[i:i + per_pod] for i in range(0, len(students), per_pod)]
