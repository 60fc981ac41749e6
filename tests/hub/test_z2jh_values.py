"""The Zero to JupyterHub values file (hub/z2jh/values.yaml), checked by structure.

The chart's published values schema cannot be obtained from a package registry this project
uses (PyPI, npm, Debian) and helm is not installed, so this is NOT a validation against the
chart's schema (docs/zero-to-jupyterhub.md says so). It checks what the course relies on.
"""
from __future__ import annotations

import re
import sys

import pytest
import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import learner_repo  # noqa: E402
from pins import conda_pins  # noqa: E402

VALUES = ROOT / "hub" / "z2jh" / "values.yaml"
# Top-level keys of the jupyterhub chart's values (4.x), from its documentation.
CHART_TOP_LEVEL = {"fullnameOverride", "nameOverride", "enabled", "imagePullSecret", "imagePullSecrets",
                   "hub", "rbac", "proxy", "singleuser", "scheduling", "ingress", "httpRoute", "prePuller",
                   "custom", "cull", "debug", "global", "cluster", "apps", "Chart", "Release", "Capabilities"}
CPU = re.compile(r"^(\d+(\.\d+)?|\d+m)$")
MEMORY = re.compile(r"^\d+(\.\d+)?([KMGT]i?)?$")
PLACEHOLDERS = {"REGISTRY/platform-workbook-learners", "REGISTRY/platform-workbook-learners:TAG",
                "REGISTRY/platform-workbook-instructors:TAG"}


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def _cpu(v) -> float:
    s = str(v)
    return float(s[:-1]) / 1000 if s.endswith("m") else float(s)


def _bytes(v) -> float:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT]i?)?", str(v))
    assert m, f"not a Kubernetes memory quantity: {v!r}"
    unit = m.group(2) or ""
    base = 1024 if unit.endswith("i") else 1000
    return float(m.group(1)) * base ** (" KMGT".index(unit[:1]) if unit else 0)


def test_only_the_charts_top_level_keys(values):
    assert set(values) <= CHART_TOP_LEVEL, sorted(set(values) - CHART_TOP_LEVEL)
    assert {"hub", "proxy", "singleuser", "cull", "scheduling"} <= set(values)


def test_learners_image_is_pinned_and_separate_from_the_instructors(values):
    image = values["singleuser"]["image"]
    assert image["name"].endswith("platform-workbook-learners") and image["tag"] not in ("", "latest")
    hook = values["hub"]["extraConfig"]["10-course-roles"]
    instructor_image = re.search(r'INSTRUCTOR_IMAGE = "([^"]+)"', hook).group(1)
    assert "instructors" in instructor_image and not instructor_image.endswith(":latest")
    assert instructor_image.split(":")[0] != image["name"]


def test_resource_limits_per_learner(values):
    su = values["singleuser"]
    for key in ("guarantee", "limit"):
        assert CPU.match(str(su["cpu"][key])), su["cpu"]
        assert MEMORY.match(str(su["memory"][key])), su["memory"]
    assert 0 < _cpu(su["cpu"]["guarantee"]) <= _cpu(su["cpu"]["limit"])
    assert 0 < _bytes(su["memory"]["guarantee"]) <= _bytes(su["memory"]["limit"])
    assert _bytes(su["memory"]["limit"]) > 500e6, "the course's budget is 500 MB per week's kernel"
    assert su["storage"]["capacity"] and MEMORY.match(su["storage"]["capacity"])


def test_exchange_on_a_shared_volume_where_nbgrader_looks(values):
    su = values["singleuser"]
    volumes = {v["name"]: v for v in su["storage"]["extraVolumes"]}
    mounts = {m["name"]: m for m in su["storage"]["extraVolumeMounts"]}
    assert "nbgrader-exchange" in volumes and "nbgrader-exchange" in mounts
    assert volumes["nbgrader-exchange"]["persistentVolumeClaim"]["claimName"]
    config = su["extraFiles"]["nbgrader-config"]
    assert config["mountPath"].startswith("/etc/jupyter/"), "a folder on every server's jupyter config path"
    text = config["stringData"]
    compile(text, "nbgrader_config.py", "exec")
    root = re.search(r'c\.Exchange\.root = "([^"]+)"', text).group(1)
    assert mounts["nbgrader-exchange"]["mountPath"] == root
    course_id = re.search(r'c\.CourseDirectory\.course_id = "([^"]+)"', text).group(1)
    ours = re.search(r'course_id = "([^"]+)"', (ROOT / "nbgrader_config.py").read_text()).group(1)
    assert course_id == ours


def test_hub_python_compiles_and_culling_is_on(values):
    for name, code in values["hub"]["extraConfig"].items():
        compile(code, name, "exec")
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] > 0
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] not in ("dummy", "pam")


def test_no_secret_and_only_documented_placeholders():
    text = VALUES.read_text(encoding="utf-8")
    assert not re.search(r"(?i)(password|client_secret|secretToken|cookieSecret)\s*:", text)
    upper = set(re.findall(r"REGISTRY/[\w-]+(?::TAG)?", text))
    assert upper <= PLACEHOLDERS, upper
    assert ":latest" not in text


def test_image_source_has_the_learner_set_up_and_jupyterhub():
    """The learners' image is built from the learners' repository: its pins and its postBuild."""
    env = dict(conda_pins(learner_repo.environment_text()))
    ours = dict(conda_pins((ROOT / "environment.yml").read_text()))
    assert env.get("jupyterhub") == ours["jupyterhub"], "the learners' environment pins the course's JupyterHub"
    # (the Kubernetes images then install the chart's JupyterHub major: test_z2jh_spawn.py)
    assert "tools/learner_setup.sh" in (ROOT / "postBuild").read_text()
