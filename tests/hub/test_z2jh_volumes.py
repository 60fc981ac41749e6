"""Volumes, the course volume's life cycle and the secrets template (hub/z2jh/), without a cluster.

Every manifest passes the Kubernetes API schema (kubernetes-validate, strict); the claims are the
ones the chart values, the course-roles hook and the grading Jobs mount; the fill/update Job runs
tools/course_volume.py, which is run here on a temporary "volume": it adds and updates the
repository's files and never touches the term's gradebook, submissions or feedback.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, env
from graders import k8s_manifests as km
from tools import course_volume

sys.path.insert(0, str(ROOT / "tests" / "hub"))
from k8s_schema import problems  # noqa: E402

Z2JH = ROOT / "hub" / "z2jh"


def _docs(name: str) -> list[dict]:
    return [d for d in yaml.safe_load_all((Z2JH / name).read_text()) if d]


def test_manifests_pass_the_kubernetes_api_schema():
    docs = _docs("volumes.yaml") + _docs("course-volume-job.yaml")
    assert [d["kind"] for d in docs] == ["PersistentVolumeClaim", "PersistentVolumeClaim", "Job"]
    assert problems(docs) == []


def test_claims_are_the_ones_everything_mounts():
    claims = {d["metadata"]["name"]: d["spec"] for d in _docs("volumes.yaml")}
    assert all(spec["accessModes"] == ["ReadWriteMany"] for spec in claims.values())  # many nodes at once
    values = yaml.safe_load((Z2JH / "values.yaml").read_text())
    mounted = {v["persistentVolumeClaim"]["claimName"] for v in values["singleuser"]["storage"]["extraVolumes"]}
    hook = values["hub"]["extraConfig"]["10-course-roles"]
    mounted |= set(re.findall(r'"claimName": "([^"]+)"', hook))
    job = _docs("course-volume-job.yaml")[0]["spec"]["template"]["spec"]
    mounted |= {v["persistentVolumeClaim"]["claimName"] for v in job["volumes"] if "persistentVolumeClaim" in v}
    grading = km.grading_job("j", "ns", "week-01", [["a"]], "img:1")["spec"]["template"]["spec"]["volumes"]
    mounted |= {v["persistentVolumeClaim"]["claimName"] for v in grading if "persistentVolumeClaim" in v}
    assert mounted == set(claims) == {"course-root", "nbgrader-exchange"}


def test_the_fill_job_is_unprivileged_and_runs_the_tool():
    pod = _docs("course-volume-job.yaml")[0]["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False and pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == km.GRADER_UID
    (c,) = pod["containers"]
    sc = c["securityContext"]
    assert sc["readOnlyRootFilesystem"] and not sc["allowPrivilegeEscalation"] and sc["capabilities"]["drop"] == ["ALL"]
    assert "python -m tools.course_volume /srv/repo /home/jovyan/course" in c["command"][-1]


def test_secrets_template_holds_only_placeholders():
    text = (Z2JH / "secrets.example.yaml").read_text()
    values = yaml.safe_load(text)

    def leaves(d):
        for v in d.values():
            yield from leaves(v) if isinstance(v, dict) else [v]

    strings = [v for v in leaves(values) if isinstance(v, str)]
    assert strings and all(v.startswith("CHANGE-ME") for v in strings), strings
    assert values["hub"]["config"]["GenericOAuthenticator"]["client_secret"]
    assert "/hub/z2jh/secrets.yaml" in (ROOT / ".gitignore").read_text().splitlines()


@pytest.fixture()
def repo_and_volume(tmp_path):
    repo, vol = tmp_path / "repo", tmp_path / "course"
    for rel, text in {"nbgrader_config.py": "c = get_config()\n", "source/week-01/week-01.ipynb": "v1",
                      "notebooks/00-start-here.ipynb": "start", ".git/HEAD": "ref", "gradebook.db": "NOT MINE"}.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text)
    vol.mkdir()
    return repo, vol


def test_fill_then_update_keeps_the_terms_work(repo_and_volume):
    repo, vol = repo_and_volume
    assert course_volume.main([str(repo), str(vol)]) == 0
    assert (vol / "source/week-01/week-01.ipynb").read_text() == "v1" and not (vol / ".git").exists()
    assert not (vol / "gradebook.db").exists()        # the repository's stray gradebook is never copied
    for rel, text in {"gradebook.db": "GRADES", "submitted/ada/week-01/week-01.ipynb": "ADA",
                      "feedback/ada/week-01/week-01.html": "FB", "notebooks/mine.ipynb": "instructor's"}.items():
        (vol / rel).parent.mkdir(parents=True, exist_ok=True)
        (vol / rel).write_text(text)
    (repo / "source/week-01/week-01.ipynb").write_text("v2")
    (repo / "source/week-02").mkdir()
    (repo / "source/week-02/week-02.ipynb").write_text("new week")
    report = course_volume.sync(repo, vol, check=True)           # --check changes nothing
    assert (vol / "source/week-01/week-01.ipynb").read_text() == "v1" and report["regrade"] == ["week-01"]
    report = course_volume.sync(repo, vol)
    assert report["added"] == ["source/week-02/week-02.ipynb"] and report["updated"] == ["source/week-01/week-01.ipynb"]
    assert report["only on the volume"] == ["notebooks/mine.ipynb"]
    assert (vol / "source/week-01/week-01.ipynb").read_text() == "v2"
    assert [(vol / p).read_text() for p in ("gradebook.db", "submitted/ada/week-01/week-01.ipynb",
                                            "feedback/ada/week-01/week-01.html")] == ["GRADES", "ADA", "FB"]


def test_not_mounted_is_one_line_and_status_2(repo_and_volume, tmp_path):
    repo, _ = repo_and_volume
    proc = subprocess.run([sys.executable, "-m", "tools.course_volume", str(repo), str(tmp_path / "missing")],
                          cwd=ROOT, env=env(), capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "not mounted" in proc.stderr
