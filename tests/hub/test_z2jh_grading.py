"""Class grading as Kubernetes Jobs (graders/k8s_jobs.py, graders/k8s_manifests.py), without a cluster.

The manifests that `python -m graders.k8s_jobs manifests` writes are validated against the
Kubernetes API schema (PyPI kubernetes-validate, strict: an unknown or misspelt field fails), and
checked for the sandbox's guarantees expressed as pod security. A broken manifest and a weakened
pod are the negative controls. The grading itself (the same classgrade, the kernels handed to the
second container, the merge) runs on a real class in tests/pipeline/test_k8s_jobs.py.
"""
from __future__ import annotations

import copy
import sqlite3
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, env
from graders import k8s_jobs
from graders import k8s_manifests as km
from graders.contract import Limits

sys.path.insert(0, str(ROOT / "tests" / "hub"))
from k8s_schema import problems  # noqa: E402

STUDENTS = [f"learner{i:03d}" for i in range(23)]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[list[dict], subprocess.CompletedProcess]:
    course = tmp_path_factory.mktemp("course")
    sqlite3.connect(course / "gradebook.db").close()
    for s in STUDENTS:
        (course / "submitted" / s / "week-01").mkdir(parents=True)
    (course / "submitted" / "late-starter").mkdir(parents=True)   # nothing for week-01: not in the Job
    out = tmp_path_factory.mktemp("k8s")
    proc = subprocess.run([sys.executable, "-m", "graders.k8s_jobs", "manifests", "week-01", "--root", str(course),
                           "--image", "registry.example.org/platform-workbook-instructors:2026-w01", "--out", str(out),
                           "--per-pod", "10", "--parallelism", "2", "--name", "grade-week-01-test"],
                          env=env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return list(yaml.safe_load_all((out / "grade-week-01-test.yaml").read_text())), proc


def _by_kind(docs: list[dict]) -> dict[str, dict]:
    return {d["kind"]: d for d in docs}


def insecure(job: dict) -> list[str]:
    """What in a grading Job breaks the sandbox's guarantees; [] when nothing does."""
    bad = []
    pod = job["spec"]["template"]["spec"]
    if pod.get("automountServiceAccountToken") is not False:
        bad.append("the pod gets a service-account token")
    for flag in ("hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace"):
        if pod.get(flag):
            bad.append(f"{flag} is on")
    if pod.get("securityContext", {}).get("seccompProfile", {}).get("type") != "RuntimeDefault":
        bad.append("the pod has no RuntimeDefault seccomp profile")
    if not pod.get("activeDeadlineSeconds") or not job["spec"].get("activeDeadlineSeconds"):
        bad.append("no deadline for the pod or the Job")
    uids = {}
    for c in pod.get("initContainers", []) + pod["containers"]:
        sc = c.get("securityContext", {})
        want = {"runAsNonRoot": True, "allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                "privileged": False}
        bad += [f"{c['name']}: {k} is not {v}" for k, v in want.items() if sc.get(k) is not v]
        if sc.get("capabilities", {}).get("drop") != ["ALL"] or sc.get("capabilities", {}).get("add"):
            bad.append(f"{c['name']}: capabilities not all dropped")
        if sc.get("seccompProfile", {}).get("type") != "RuntimeDefault":
            bad.append(f"{c['name']}: no RuntimeDefault seccomp profile")
        if not isinstance(sc.get("runAsUser"), int) or sc["runAsUser"] == 0:
            bad.append(f"{c['name']}: no fixed non-root uid")
        limits = c.get("resources", {}).get("limits", {})
        if not {"cpu", "memory", "ephemeral-storage"} <= set(limits):
            bad.append(f"{c['name']}: no CPU, memory and scratch limits")
        uids[c["name"]] = sc.get("runAsUser")
    if uids.get("kernel") in (uids.get("grader"), None):
        bad.append("the learners' kernels run as the grader's uid")
    claims = {v["name"] for v in pod["volumes"] if "persistentVolumeClaim" in v}
    for c in pod["containers"]:
        for m in c.get("volumeMounts", []):
            if c["name"] == "kernel" and m["name"] in claims:
                bad.append(f"the kernel container mounts the volume {m['name']}")
            if c["name"] == "grader" and m["mountPath"] == km.COURSE and not m.get("readOnly"):
                bad.append("the course is mounted writable")
    return bad


def test_every_manifest_passes_the_kubernetes_api_schema(written):
    docs, _ = written
    assert [d["kind"] for d in docs] == ["NetworkPolicy", "ConfigMap", "Job"]
    assert problems(docs) == []


def test_a_broken_manifest_fails_the_schema(written):
    """Negative control: strict validation catches a misspelt field and a wrong type."""
    job = copy.deepcopy(_by_kind(written[0])["Job"])
    job["spec"]["template"]["spec"]["automountServiceAcountToken"] = False
    job["spec"]["completions"] = "three"
    found = problems([job])
    assert len(found) == 1 and ("automountServiceAcountToken" in found[0] or "three" in found[0]), found


def test_one_pod_per_slice_and_every_submitted_student_once(written):
    docs, proc = written
    kinds = _by_kind(docs)
    slices = yaml.safe_load(kinds["ConfigMap"]["data"][km.STUDENT_KEY])
    assert [len(s) for s in slices] == [10, 10, 3] and sorted(sum(slices, [])) == STUDENTS
    spec = kinds["Job"]["spec"]
    assert spec["completionMode"] == "Indexed" and spec["completions"] == 3 and spec["parallelism"] == 2
    assert "kubectl apply -f" in proc.stdout and "graders.k8s_jobs merge week-01" in proc.stdout


def test_the_pods_carry_the_sandboxs_guarantees(written):
    job = _by_kind(written[0])["Job"]
    assert insecure(job) == []
    pod = job["spec"]["template"]["spec"]
    grader, kernel = pod["containers"]
    mounts = {m["name"]: m for m in grader["volumeMounts"]}
    assert mounts["results"]["subPath"] == "classgrade/jobs/grade-week-01-test"
    empty = {v["name"] for v in pod["volumes"] if "emptyDir" in v}
    assert {m["name"] for m in kernel["volumeMounts"]} <= empty and any(
        m["mountPath"] == "/tmp" for m in kernel["volumeMounts"])
    view = next(m for m in kernel["volumeMounts"] if m["mountPath"] == km.REPO)
    assert view["readOnly"] and view["name"] in empty   # the image's repository, reduced to the allow-list
    assert pod["initContainers"][0]["command"][-1].split()[2:-1] == [f"{km.REPO}/{p}" for p in km.KERNEL_VIEW]


def test_a_weakened_pod_is_caught(written):
    """Negative control for the check above: each weakening is reported."""
    job = copy.deepcopy(_by_kind(written[0])["Job"])
    pod = job["spec"]["template"]["spec"]
    pod["automountServiceAccountToken"] = True
    pod["containers"][1]["securityContext"]["runAsUser"] = pod["containers"][0]["securityContext"]["runAsUser"]
    pod["containers"][0]["securityContext"].pop("readOnlyRootFilesystem")
    pod["containers"][1]["volumeMounts"].append({"name": "course", "mountPath": "/course", "readOnly": True})
    found = insecure(job)
    assert len(found) == 4, found


def test_the_network_policy_isolates_exactly_the_grading_pods(written):
    kinds = _by_kind(written[0])
    policy, pod_labels = kinds["NetworkPolicy"]["spec"], kinds["Job"]["spec"]["template"]["metadata"]["labels"]
    assert policy["podSelector"]["matchLabels"].items() <= pod_labels.items()
    assert sorted(policy["policyTypes"]) == ["Egress", "Ingress"] and policy["ingress"] == policy["egress"] == []


def test_the_pods_run_the_commands_that_exist(written):
    """The grader's command line is one graders.k8s_jobs accepts; the kernel's is graders.handoff's."""
    pod = _by_kind(written[0])["Job"]["spec"]["template"]["spec"]
    grader, kernel = pod["containers"]
    assert grader["command"][:3] == ["python", "-m", "graders.k8s_jobs"]
    args = k8s_jobs._parser().parse_args(grader["command"][3:])
    assert args.step == "run" and args.handoff == km.HANDOFF and args.mem_mb == Limits.mem_mb
    assert {"name": "GRADERS_KERNEL_HANDOFF", "value": km.HANDOFF} in grader["env"]
    assert kernel["command"] == ["python", "-m", "graders.handoff", "serve", km.HANDOFF, "--clean", "/tmp"]


def test_no_submissions_is_one_line_and_status_2(tmp_path):
    sqlite3.connect(tmp_path / "gradebook.db").close()
    proc = subprocess.run([sys.executable, "-m", "graders.k8s_jobs", "manifests", "week-01", "--root", str(tmp_path),
                           "--image", "x:1", "--out", str(tmp_path / "k8s")], env=env(), capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "nbgrader collect week-01" in proc.stderr


def test_merge_without_results_is_one_line_and_status_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "graders.k8s_jobs", "merge", "week-01", str(tmp_path / "none"),
                           "--root", str(tmp_path)], env=env(), capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "holds no results" in proc.stderr
