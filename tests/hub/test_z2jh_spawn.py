"""Zero to JupyterHub: the pods KubeSpawner makes from hub/z2jh/values.yaml, and the images' start-up.

No cluster is needed: KubeSpawner's own ``get_pod_manifest`` (``make_pod``) builds the pod that
the hub would ask Kubernetes for, for an instructor and for a learner, after the values'
``hub.extraConfig`` pre-spawn hook has run on the spawner.

The chart's hub configuration (``files/hub/jupyterhub_config.py`` of the jupyterhub chart) is not
available from a package registry CI can reach, so ``chart_config`` below sets the KubeSpawner
traits those values set, the way chart 4.4.0's configuration does (read from its source: the home
volume and ``extraFiles`` as *dicts* of volumes and mounts, ``extraVolumes`` lists turned into
dicts keyed by name, ``extraVolumeMounts`` by index and name; ``uid`` 1000, ``fs_gid`` 100; image
``name:tag``; ``defaultUrl``; ``lifecycleHooks``; CPU and memory). The dict form is what broke the
old hook (`[*spawner.volumes, ...]` turned the dict into its keys).
"""
from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from kubespawner import KubeSpawner
from traitlets.config import Config

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import learner_repo  # noqa: E402

VALUES = ROOT / "hub" / "z2jh" / "values.yaml"
HOME = "/home/jovyan"


@pytest.fixture(autouse=True)
def no_cluster(monkeypatch):
    """KubeSpawner loads a Kubernetes client configuration when it is made (in-cluster or
    ~/.kube/config); there is no cluster here, and making a pod manifest calls no API."""
    monkeypatch.setattr("kubespawner.spawner.load_config", lambda **_: None)


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def chart_config(values: dict) -> Config:
    """The KubeSpawner configuration that the jupyterhub chart (4.4.0) derives from these values."""
    su = values["singleuser"]
    c = Config()
    ks = c.KubeSpawner
    ks.image = f"{su['image']['name']}:{su['image']['tag']}"
    ks.uid, ks.fs_gid = su.get("uid", 1000), su.get("fsGid", 100)
    ks.cpu_limit, ks.cpu_guarantee = float(su["cpu"]["limit"]), float(su["cpu"]["guarantee"])
    ks.mem_limit, ks.mem_guarantee = su["memory"]["limit"], su["memory"]["guarantee"]
    ks.lifecycle_hooks = su.get("lifecycleHooks", {})
    ks.environment = su.get("extraEnv", {})
    c.Spawner.default_url = su["defaultUrl"]
    home = "volume-{user_server}"
    volumes = {home: {"name": home, "persistentVolumeClaim": {"claimName": "{pvc_name}"}}}
    mounts = {home: {"mountPath": su["storage"]["homeMountPath"], "name": home}}
    for idx, (key, spec) in enumerate(su.get("extraFiles", {}).items()):
        name = f"files-{idx}"
        volumes[name] = {"name": name, "secret": {"secretName": "singleuser"}}
        mounts[f"{idx}-files"] = {"name": name, "mountPath": spec["mountPath"], "subPath": key}
    extra = su["storage"].get("extraVolumes", {})
    volumes.update(extra if isinstance(extra, dict) else {v["name"]: v for v in extra})
    extra_mounts = su["storage"].get("extraVolumeMounts", {})
    mounts.update(extra_mounts if isinstance(extra_mounts, dict) else
                  {f"{i}-{m['name']}": m for i, m in enumerate(extra_mounts)})
    ks.volumes, ks.volume_mounts = volumes, mounts
    for _, code in sorted(values["hub"].get("extraConfig", {}).items()):
        exec(compile(code, "extraConfig", "exec"), {"c": c})  # noqa: S102 - the values' own hub code
    return c


class _HubDB:
    """The hub's database as the hook queries it (``spawner.user.db.query(orm.User)``): the users' names."""

    def __init__(self, names):
        self.names = names

    def query(self, _model):
        return [SimpleNamespace(name=n) for n in self.names]


def pod_for(values: dict, username: str, others=("instructor1", "ada", "grace")) -> tuple[KubeSpawner, dict]:
    config = chart_config(values)
    user = SimpleNamespace(name=username, id=1, url=f"/user/{username}/", escaped_name=username,
                           db=_HubDB([username, *others]))

    async def make():  # KubeSpawner makes its API client on the running event loop
        spawner = KubeSpawner(config=config, user=user, _mock=True)
        config.KubeSpawner.pre_spawn_hook(spawner)
        return spawner, await spawner.get_pod_manifest()

    spawner, pod = asyncio.run(make())
    return spawner, pod.to_dict()


def _mounts(pod: dict) -> dict[str, str]:
    return {m["mount_path"]: m["name"] for m in pod["spec"]["containers"][0]["volume_mounts"]}


def _env(pod: dict) -> dict[str, str]:
    return {e["name"]: e.get("value") for e in pod["spec"]["containers"][0]["env"] or []}


def test_instructors_pod_has_the_course_volume_inside_the_server_root(values):
    spawner, pod = pod_for(values, "instructor1")
    container = pod["spec"]["containers"][0]
    assert "platform-workbook-instructors" in container["image"]
    mounts = _mounts(pod)
    assert HOME in mounts, "the instructor's home volume"
    course = _env(pod)["NBGRADER_COURSE_ROOT"]
    assert course in mounts and mounts[course] == "course", "the course volume at NBGRADER_COURSE_ROOT"
    assert Path(course).is_relative_to(HOME), "nbgrader refuses a course root outside the server root"
    volumes = {v["name"]: v for v in pod["spec"]["volumes"]}
    assert volumes["course"]["persistent_volume_claim"]["claimName"] == "course-root"
    # the default URL names a folder of the server root that exists: the course volume's mount
    url = spawner.default_url
    assert url.startswith("/lab/tree/") and str(Path(HOME) / url[len("/lab/tree/"):]) == course
    assert pod["spec"]["security_context"]["fsGroup"] == 100 and container["security_context"]["runAsUser"] == 1000
    assert int(container["resources"]["limits"]["memory"]) == 8 * 1024**3, "the hook's 8G limit"


def test_learners_pod_has_no_course_volume_and_starts_on_the_start_page(values):
    spawner, pod = pod_for(values, "ada")
    container = pod["spec"]["containers"][0]
    assert "platform-workbook-learners" in container["image"]
    mounts = _mounts(pod)
    assert HOME in mounts and "course" not in mounts.values()
    assert "NBGRADER_COURSE_ROOT" not in _env(pod)
    assert mounts.get("/srv/nbgrader/exchange") == "nbgrader-exchange"
    assert spawner.default_url == "/lab/tree/course/notebooks/00-start-here.ipynb"
    assert container["lifecycle"]["post_start"]["exec"]["command"][0] == "sh"


def test_every_learner_has_a_uid_of_their_own(values):
    """The exchange's rights rest on uids (workbook/exchange.py): each learner's pod runs as the uid
    that CourseCollect expects for that name, never the instructors' 1000, never another learner's."""
    from workbook.exchange import uid_for
    ids = {}
    for name in ("ada", "grace", "alan"):
        _, pod = pod_for(values, name)
        sc, pod_sc = pod["spec"]["containers"][0]["security_context"], pod["spec"]["security_context"]
        ids[name] = (sc["runAsUser"], sc["runAsGroup"], pod_sc["fsGroup"])
        assert ids[name] == (uid_for(name),) * 3 and uid_for(name) != 1000
        assert _env(pod)["USER"] == name
    assert len({u for u, _, _ in ids.values()}) == 3
    _, pod = pod_for(values, "instructor1")
    sc = pod["spec"]["containers"][0]["security_context"]
    assert (sc["runAsUser"], sc["runAsGroup"]) == (1000, 1000)


def test_two_learners_on_one_uid_are_refused(values, monkeypatch):
    """Negative control: a name whose uid another learner already has cannot start (with why)."""
    import hashlib
    real = hashlib.sha256  # a real collision is rare (~0.3% for a class of 300): make every name collide
    monkeypatch.setattr(hashlib, "sha256", lambda data=b"": real(b"same"))
    with pytest.raises(RuntimeError, match="map to the same uid"):
        pod_for(values, "ada", others=("grace",))
    monkeypatch.setattr(hashlib, "sha256", real)
    pod_for(values, "ada", others=("grace",))  # control: without the collision, ada starts


def _start(command: list[str], repo: Path, home: Path) -> None:
    """Run a pod's postStart command as the container would: $REPO_DIR (repo2docker) and $HOME set."""
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "REPO_DIR": str(repo)}
    subprocess.run(command, env=env, check=True, timeout=60)


def test_learners_start_up_survives_the_home_volume(values, tmp_path):
    """The image's repository (repo2docker --target-repo-dir /srv/repo) stays outside $HOME; each
    start copies the learners' pages into the (empty, then used) home volume without overwriting."""
    repo = tmp_path / "srv-repo"
    learner_repo.write(repo)
    home = tmp_path / "home"
    home.mkdir()  # a new, empty home volume mounted over /home/jovyan
    command = values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"]
    _start(command, repo, home)
    url = values["singleuser"]["defaultUrl"]
    assert (home / url[len("/lab/tree/"):]).is_file(), "the default URL would 404"
    week = home / "course" / "release" / "week-01"
    assert (week / "week-01.ipynb").is_file()
    # workbook finds the data from the week's folder (its own data/, else the course's)
    env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_DATA"}
    found = subprocess.run([sys.executable, "-c", "from workbook.data import data_dir; print(data_dir())"],
                           cwd=week, capture_output=True, text=True, env=env)
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).resolve().is_relative_to((home / "course").resolve())
    # the learner edits a notebook; the next start keeps the edit
    (week / "week-01.ipynb").write_text("edited", encoding="utf-8")
    _start(command, repo, home)
    assert (week / "week-01.ipynb").read_text(encoding="utf-8") == "edited"


def test_instructors_first_start_fills_the_course_volume_once(values, tmp_path):
    spawner, pod = pod_for(values, "instructor1")
    command = pod["spec"]["containers"][0]["lifecycle"]["post_start"]["exec"]["command"]
    repo = tmp_path / "srv-repo"
    (repo / "source").mkdir(parents=True)
    (repo / "nbgrader_config.py").write_text("c = get_config()\n")
    (repo / "source" / "marker").write_text("v1")
    home = tmp_path / "home"
    course = _env(pod)["NBGRADER_COURSE_ROOT"]
    local = [part.replace(course, str(home / "course")) for part in command]
    (home / "course").mkdir(parents=True)
    _start(local, repo, home)
    assert (home / "course" / "source" / "marker").read_text() == "v1"
    (home / "course" / "gradebook.db").write_text("grades")
    (repo / "source" / "marker").write_text("v2")
    _start(local, repo, home)
    assert (home / "course" / "gradebook.db").read_text() == "grades", "a restart must not touch the course"
    assert (home / "course" / "source" / "marker").read_text() == "v1"


def test_hub_and_images_on_one_jupyterhub_major_version():
    text = VALUES.read_text(encoding="utf-8")
    hub = re.search(r"Chart (\d+\.\d+\.\d+) runs JupyterHub (\d+)\.(\d+)", text)
    assert hub, "the values file names the chart version and the JupyterHub it runs"
    assert f"--version {hub.group(1)}" in text, "the helm command installs that chart version"
    for appendix in ("learners.appendix", "instructors.appendix"):
        pins = re.findall(r"jupyterhub==(\d+)\.(\d+)", (ROOT / "hub" / "z2jh" / appendix).read_text())
        assert pins and all(major == hub.group(2) for major, _ in pins), \
            f"{appendix}: jupyterhub-singleuser must be on the hub's major version {hub.group(2)}"


def test_instructors_image_turns_the_instructor_tools_back_on(tmp_path):
    """postBuild (the learner set-up) then the instructors' appendix, in a clean environment."""
    import _learner_env

    py = _learner_env.build_clean_prefix(tmp_path / "env")
    env = _learner_env.clean_env(py, tmp_path / "home")
    subprocess.run(["bash", str(ROOT / "tools" / "learner_setup.sh")], env=env, check=True,
                   capture_output=True, timeout=300)
    appendix = (ROOT / "hub" / "z2jh" / "instructors.appendix").read_text()
    assert "RUN bash tools/instructor_setup.sh" in appendix
    done = subprocess.run(["bash", str(ROOT / "tools" / "instructor_setup.sh")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "formgrader, create-assignment and the course list on" in done.stdout
