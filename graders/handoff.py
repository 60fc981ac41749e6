"""The grading kernel in a container of its own (class grading as Kubernetes Jobs, graders/k8s_jobs.py).

In a grading pod nothing runs as root, so the launcher (graders/sandbox.py) cannot drop the
kernel to another account. Instead the pod has two containers with different user ids:

- ``grader`` (the course's uid) runs classgrade and nbgrader; it alone mounts the course;
- ``kernel`` (another uid, nothing mounted but its working copies) runs :func:`serve`, which
  starts the kernels that the grader's launcher hands over through a folder both containers share.

For each kernel the launcher (:func:`hand_over`, in the grader container) makes the working copy
usable by the kernel's account (the notebook being graded stays unreadable, as on the course
machine), writes a request (command, environment, working folder, limits, the connection file)
and holds a lock on it while it waits. :func:`serve` starts the kernel with the request's limits
and writes its exit status; when the lock is released (nbgrader killed the launcher) it kills the
kernel. The two talk over the pod's loopback (ZeroMQ), which no NetworkPolicy can open to others.

Standard library only (the launcher loads it by path).
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

REQUEST, LOCK, EXIT, DONE = "request.json", "alive", "exit", "done"


# --------------------------------------------------------------------------- grader side (the launcher)
def open_to_kernel(cwd: Path, home: Path, top: Path) -> None:
    """The kernel's account may pass through to its working copy, add files there and use its home;
    it may not read the notebooks being graded nor replace the grader's files (sticky folder), nor
    enter the working copies graded before it in this batch (the canary's reference answers among
    them): one kernel uid serves the whole slice."""
    graded = cwd.parent.parent
    if graded.name == "autograded" and graded.is_relative_to(top):
        for other in graded.iterdir():
            if other != cwd.parent and not other.is_symlink():
                os.chmod(other, 0o700)
    for p in [cwd, *cwd.parents]:
        if p == top.parent or p == p.parent:
            break
        os.chmod(p, os.stat(p).st_mode | 0o111)
    os.chmod(cwd, 0o1777)
    for p in cwd.rglob("*"):
        if p.is_symlink():
            continue
        if p.suffix == ".ipynb" or p.name.startswith("."):
            os.chmod(p, 0o600)
        else:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
    for p in [home, *home.rglob("*")]:
        if not p.is_symlink():
            os.chmod(p, 0o1777 if p.is_dir() else 0o666)


def hand_over(folder: str, cmd: list[str], env: dict[str, str], cwd: Path, limits: str) -> int:
    """Ask the kernel container to run ``cmd``; wait for it; return its exit status."""
    env = {k: v for k, v in env.items() if k != "JPY_PARENT_PID"}  # not its parent: another pid namespace
    req = Path(folder) / uuid.uuid4().hex
    req.mkdir(mode=0o700)
    if "-f" in cmd:  # the connection file moves with the request (the runtime folder is the grader's)
        i = cmd.index("-f") + 1
        (req / "connection.json").write_bytes(Path(cmd[i]).read_bytes())
        cmd[i] = str(req / "connection.json")
    lock = open(req / LOCK, "w")
    fcntl.flock(lock, fcntl.LOCK_EX)  # held until this process ends, however it ends
    (req / ".request").write_text(json.dumps({"argv": cmd, "env": env, "cwd": str(cwd), "limits": limits}))
    for p in req.iterdir():
        p.chmod(0o644)
    req.chmod(0o1777)  # the kernel's side writes the exit status here
    (req / ".request").rename(req / REQUEST)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        while not (req / EXIT).exists():
            time.sleep(0.05)
        time.sleep(0.01)
        try:
            return int((req / EXIT).read_text() or 1)
        except ValueError:
            return 1
    finally:  # the connection key with it (the folder is the grader's: it may remove the kernel's files)
        shutil.rmtree(req, ignore_errors=True)


# --------------------------------------------------------------------------- kernel side (the server)
class _Kernel:
    def __init__(self, req: Path):
        from graders import contract, sandbox
        self.req = req
        spec = json.loads((req / REQUEST).read_text())
        self.scratch = [Path(spec["env"][k]) for k in ("HOME", "TMPDIR") if spec["env"].get(k)]
        cfg = contract.SandboxConfig.from_json(spec["limits"])
        self.proc = subprocess.Popen(spec["argv"], cwd=spec["cwd"], env=spec["env"], start_new_session=True,
                                     preexec_fn=lambda: sandbox._set_limits(cfg))
        self.lock = open(req / LOCK)

    def launcher_gone(self) -> bool:
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()


def _reap_strays() -> None:
    """Kill every other process of this account (a kernel's leftovers), as the slot account is
    cleared between students on the course machine. Only in a container of its own (pid 1)."""
    if os.getpid() == 1:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass


def scrub(folder: Path) -> None:
    """Remove what this account wrote under ``folder`` (the next student's kernel must not find it)."""
    me = os.getuid()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for e in entries:
        try:
            if e.stat(follow_symlinks=False).st_uid == me:
                if e.is_dir(follow_symlinks=False):
                    shutil.rmtree(e.path, ignore_errors=True)
                else:
                    os.unlink(e.path)
            elif e.is_dir(follow_symlinks=False):
                scrub(Path(e.path))
        except OSError:
            pass


def serve(folder: str, clean: list[str] = (), poll: float = 0.05) -> int:
    """Run the kernels handed over in ``folder`` until the grader writes ``folder/done``. Between
    kernels, whatever this account wrote in ``clean`` (the container's /tmp) and in the kernel's
    home is removed, and (as pid 1) its leftover processes are killed."""
    base, running, seen = Path(folder), {}, set()
    while True:
        for req in base.iterdir() if base.is_dir() else ():
            if req.name not in seen and (req / REQUEST).exists():
                seen.add(req.name)
                try:
                    running[req.name] = _Kernel(req)
                except (OSError, ValueError, KeyError) as exc:
                    print(f"kernel side: could not start {req.name}: {exc}", file=sys.stderr)
                    try:
                        (req / EXIT).write_text("1")
                    except OSError:
                        pass
        for name, k in list(running.items()):
            code = k.proc.poll()
            if code is None and k.launcher_gone():
                k.stop()
                code = -9
            if code is not None:
                del running[name]
                if not running:
                    _reap_strays()
                    for where in [*map(Path, clean), *k.scratch]:
                        scrub(where)
                try:
                    (k.req / EXIT).write_text(str(code))
                except OSError:  # the launcher is gone and took its request folder with it
                    pass
        if (base / DONE).exists():
            for k in running.values():
                k.stop()
            return 0
        time.sleep(poll)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "serve":
        sys.exit("usage: python -m graders.handoff serve FOLDER [--clean DIR]...")
    args = sys.argv[3:]
    sys.exit(serve(sys.argv[2], clean=[args[i + 1] for i, a in enumerate(args[:-1]) if a == "--clean"]))
