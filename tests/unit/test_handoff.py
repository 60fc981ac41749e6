"""The hand-over of grading kernels to a grading pod's kernel container (graders/handoff.py).

Both sides run here as processes sharing a folder, as the pod's two containers share an emptyDir:
the kernel side starts what it is handed with the request's limits, reports its exit status, and
kills it when the launcher dies (nbgrader's kill of a kernel); the working copy is opened to the
kernel's account except the notebooks being graded. The uid split itself needs two accounts and
is expressed in the pod (tests/hub/test_z2jh_grading.py).
"""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import env
from graders import handoff
from graders.contract import SandboxConfig


@pytest.fixture()
def server(tmp_path):
    folder = tmp_path / "handoff"
    folder.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "graders.handoff", "serve", str(folder)], env=env())
    yield folder
    (folder / handoff.DONE).touch()
    try:
        assert proc.wait(timeout=10) == 0  # the kernel side ends when the grader says it is done
    finally:
        proc.kill()


def _hand_over(folder: Path, code: str, cwd: Path, mem_mb: int | None = None) -> subprocess.Popen:
    """The launcher, as nbgrader starts it: a process that hands ``code`` over and waits."""
    cfg = SandboxConfig(mem_mb=mem_mb).to_json()
    script = (f"import sys; from graders import handoff; sys.exit(handoff.hand_over({str(folder)!r}, "
              f"[sys.executable, '-c', {code!r}], {{'PATH': '/usr/bin:/bin', 'JPY_PARENT_PID': '1'}}, "
              f"__import__('pathlib').Path({str(cwd)!r}), {cfg!r}))")
    return subprocess.Popen([sys.executable, "-c", script], env=env())


def test_exit_status_environment_and_limits_come_back(server, tmp_path):
    out = tmp_path / "seen.json"
    code = ("import os, json, resource, sys; json.dump({'cwd': os.getcwd(), 'env': dict(os.environ), "
            f"'as': resource.getrlimit(resource.RLIMIT_AS)[0]}}, open({str(out)!r}, 'w')); sys.exit(3)")
    assert _hand_over(server, code, tmp_path, mem_mb=700).wait(timeout=30) == 3
    seen = json.loads(out.read_text())
    assert seen["cwd"] == str(tmp_path) and seen["as"] == 700 * 1024 * 1024
    assert "JPY_PARENT_PID" not in seen["env"]  # the launcher is not its parent: ipykernel would quit


def test_a_killed_launcher_takes_its_kernel_with_it(server, tmp_path):
    pid_file = tmp_path / "pid"
    launcher = _hand_over(server, f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); "
                                  "time.sleep(120)", tmp_path)
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline, "the kernel never started"
        time.sleep(0.05)
    kernel = int(pid_file.read_text())
    time.sleep(0.3)
    os.kill(kernel, 0)                      # control: alive while its launcher is
    launcher.send_signal(signal.SIGKILL)    # what nbgrader does to a kernel it gives up on
    launcher.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(kernel, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail("the kernel outlived its launcher")


def test_the_working_copy_is_open_to_the_kernel_but_not_its_notebook(tmp_path):
    job = tmp_path / "classgrade-x"
    cwd = job / "course" / "autograded" / "ada" / "week-01"
    (cwd / "data").mkdir(parents=True)
    (cwd / "week-01.ipynb").write_text("{}")
    (cwd / "data" / "t.csv").write_text("a\n")
    home = job / "home"
    (home / "tmp").mkdir(parents=True)
    for p in (job, job / "course", cwd.parent):
        p.chmod(0o700)
    handoff.open_to_kernel(cwd, home, top=job)

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    assert mode(cwd / "week-01.ipynb") == 0o600 and mode(cwd / "data" / "t.csv") == 0o644
    assert mode(cwd) == 0o1777 and mode(home) == 0o1777 and mode(home / "tmp") == 0o1777
    assert all(mode(p) & 0o001 for p in (job, job / "course", cwd.parent))   # others may pass through...
    assert not mode(job / "course") & 0o004                                   # ...but not list
    assert not mode(tmp_path) & 0o002                                         # above the job: untouched


def test_a_launcher_that_cleans_up_and_leaves_does_not_break_the_kernel_side(server, tmp_path):
    """SIGTERM: the launcher removes its request folder as it exits; the kernel side must stop that
    kernel and go on serving the next one."""
    launcher = _hand_over(server, "import time; time.sleep(120)", tmp_path)
    deadline = time.monotonic() + 30
    while not any((r / handoff.REQUEST).exists() for r in server.iterdir()):
        assert time.monotonic() < deadline, "no request"
        time.sleep(0.05)
    time.sleep(0.5)
    launcher.terminate()
    assert launcher.wait(timeout=10) == 143 and not any(server.iterdir())
    assert _hand_over(server, "import sys; sys.exit(5)", tmp_path).wait(timeout=30) == 5  # still serving


def test_what_a_kernel_left_in_its_home_is_gone_before_the_next(server, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    code = f"open({str(home / 'left')!r}, 'w').write('x'); import os; os.makedirs({str(home / 'd' / 'e')!r})"
    script = (f"import sys; from graders import handoff; sys.exit(handoff.hand_over({str(server)!r}, "
              f"[sys.executable, '-c', {code!r}], {{'HOME': {str(home)!r}}}, "
              f"__import__('pathlib').Path({str(tmp_path)!r}), '{{}}'))")
    assert subprocess.run([sys.executable, "-c", script], env=env(), timeout=30).returncode == 0
    assert not (home / "left").exists() and not (home / "d").exists() and home.is_dir()
