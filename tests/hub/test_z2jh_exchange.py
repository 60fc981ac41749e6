"""The exchange's rights on Kubernetes, with two learners and an instructor, without a cluster.

Each pod runs as its own uid (the values' course-roles hook; tests/hub/test_z2jh_spawn.py checks
the pods). Here the three are processes with those uids (learners: ``uid_for(name)``, no account
in /etc/passwd, as in their pods; the instructor 1000:1000), each reading the nbgrader configuration
the values mount in every pod (``singleuser.extraFiles``), on one exchange folder standing for the
``nbgrader-exchange`` volume. Real nbgrader commands: release, fetch, submit, collect. Checked:
a learner cannot write the released assignment, cannot list the inbound folder, cannot read the
other learner's submission even knowing its name; a submission that names the other learner is
refused at collect (control: nbgrader's own collect takes it).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from _other_uids import AVAILABLE, as_uid, shared_tmp
from conftest import ROOT
from workbook.exchange import uid_for

VALUES = ROOT / "hub" / "z2jh" / "values.yaml"
INSTRUCTOR = ("instructor1", 1000, 1000)
LEARNERS = ("ada", "grace")

pytestmark = pytest.mark.skipif(not AVAILABLE,
                                reason="needs root to run processes as other uids (as CI and the course machines)")


def _as(who: tuple[str, int, int], args: list[str], cwd: Path, cls: dict, **extra: str) -> subprocess.CompletedProcess:
    name, uid, gid = who
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(cls["homes"] / name),
           "JUPYTERHUB_USER": name, "LANG": "C.UTF-8", "JUPYTER_CONFIG_PATH": str(cls["etc"]),
           "JUPYTER_PLATFORM_DIRS": "1", "PYTHONNOUSERSITE": "1", **extra}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
                          preexec_fn=as_uid(uid, gid))


def _ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return proc


def _learner(name: str) -> tuple[str, int, int]:
    return (name, uid_for(name), uid_for(name))


PROBE = ("import os, sys, json\nout = {}\nfor p in sys.argv[1:]:\n    try:\n"
         "        os.listdir(p) if os.path.isdir(p) else open(p, 'rb').read(1)\n        out[p] = 'read'\n"
         "    except PermissionError:\n        out[p] = 'denied'\n    try:\n"
         "        open(os.path.join(p, 'x') if os.path.isdir(p) else p, 'a').close()\n        out[p] += '+write'\n"
         "    except (PermissionError, OSError):\n        pass\nprint(json.dumps(out))\n")


def _probe(who, paths: list[Path], cls: dict) -> dict[str, str]:
    proc = _ok(_as(who, [sys.executable, "-c", PROBE, *map(str, paths)], Path("/"), cls))
    return {Path(k).name if Path(k).name else k: v for k, v in json.loads(proc.stdout).items()}


def _marker(nb_path: Path) -> str:
    return nbformat.read(nb_path, 4).cells[0].source


@pytest.fixture(scope="module")
def cls():
    with shared_tmp("z2jh-exchange-") as base:
        yield _build(base)


def _build(base: Path) -> dict:
    values = yaml.safe_load(VALUES.read_text())
    config = values["singleuser"]["extraFiles"]["nbgrader-config"]["stringData"]
    exchange = base / "exchange"        # the nbgrader-exchange volume: its root writable by the instructors
    exchange.mkdir()
    os.chown(exchange, 1000, 1000)
    etc = base / "etc"                  # /etc/jupyter in every pod
    etc.mkdir()
    (etc / "nbgrader_config.py").write_text(config.replace('"/srv/nbgrader/exchange"', repr(str(exchange))))
    course = base / "course"            # the course volume (instructors only)
    (course / "release" / "tiny").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("RELEASED")])
    nbformat.write(nb, course / "release" / "tiny" / "tiny.ipynb")
    homes = base / "homes"
    for name, uid, gid in (INSTRUCTOR, *map(_learner, LEARNERS)):
        (homes / name).mkdir(parents=True)
        os.chown(homes / name, uid, gid)
        (homes / name).chmod(0o700)
    for p in [course, *course.rglob("*")]:
        os.chown(p, 1000, 1000)
    c = {"homes": homes, "etc": etc, "exchange": exchange / "platform-workbook", "course": course}
    _ok(_as(INSTRUCTOR, ["nbgrader", "release_assignment", "tiny"], course, c, NBGRADER_COURSE_ROOT=str(course)))
    for name in LEARNERS:
        who = _learner(name)
        home = homes / name
        _ok(_as(who, ["nbgrader", "fetch_assignment", "tiny"], home, c))
        mine = home / "tiny" / "tiny.ipynb"
        assert mine.exists()
        nb = nbformat.read(mine, 4)
        nb.cells[0].source = f"WORK OF {name}"
        nbformat.write(nb, mine)
        os.chown(mine, who[1], who[2])
        _ok(_as(who, ["nbgrader", "submit", "tiny"], home, c))
    # grace then submits her notebook again under ada's name (the later one: nbgrader would take it)
    spoof = homes / "grace" / "tiny" / "tiny.ipynb"
    nb = nbformat.read(spoof, 4)
    nb.cells[0].source = "FORGED BY grace"
    nbformat.write(nb, spoof)
    _ok(_as(_learner("grace"), ["nbgrader", "submit", "tiny"], homes / "grace", c, JUPYTERHUB_USER="ada"))
    return c


def _collect(cls: dict, *extra: str) -> subprocess.CompletedProcess:
    return _ok(_as(INSTRUCTOR, ["nbgrader", "collect", "tiny", "--update", *extra], cls["course"], cls,
                   NBGRADER_COURSE_ROOT=str(cls["course"])))


def test_learners_read_the_release_and_cannot_change_it(cls):
    out = cls["exchange"] / "outbound" / "tiny"
    for name in LEARNERS:
        seen = _probe(_learner(name), [out, out / "tiny.ipynb"], cls)
        assert seen == {"tiny": "read", "tiny.ipynb": "read"}, seen


def test_a_learner_cannot_reach_the_others_submission(cls):
    inbound = cls["exchange"] / "inbound"
    adas = sorted(p for p in inbound.iterdir() if p.name.startswith("ada+") and p.stat().st_uid == uid_for("ada"))
    assert adas, "ada's submission"
    seen = _probe(_learner("grace"), [inbound, adas[0], adas[0] / "tiny.ipynb"], cls)
    assert seen.pop("inbound") == "denied+write"          # where she submits, and cannot list
    assert set(seen.values()) == {"denied"}, seen        # ada's: not readable, not writable
    assert _probe(_learner("ada"), [adas[0] / "tiny.ipynb"], cls) == {"tiny.ipynb": "read+write"}  # control


def test_collect_takes_each_learners_own_and_refuses_the_forgery(cls):
    control = _collect(cls, "--ExchangeFactory.collect=nbgrader.exchange.default.collect.ExchangeCollect")
    submitted = cls["course"] / "submitted"
    assert _marker(submitted / "ada" / "tiny" / "tiny.ipynb") == "FORGED BY grace", \
        "control: nbgrader's own collect takes the later, forged submission"
    assert "cheating attempt" in control.stderr or "owned by" in control.stderr
    shutil.rmtree(submitted)
    proc = _collect(cls)
    assert _marker(submitted / "ada" / "tiny" / "tiny.ipynb") == "WORK OF ada"
    assert _marker(submitted / "grace" / "tiny" / "tiny.ipynb") == "WORK OF grace"
    assert f"belongs to uid {uid_for('grace')}, not ada's uid {uid_for('ada')}" in proc.stderr
