"""Stopping a class run cleanly when it is interrupted (SIGTERM from a scheduler, SIGINT, SIGHUP).

Every nbgrader process, sandbox account, kernel pid folder and temporary course of the run is
registered here. On a signal the handler kills the nbgrader process groups, the kernels (by the
pids the launcher recorded, and every process of the slot accounts in use) and raises
:class:`Interrupted` in the main thread; :func:`cleanup` then removes the temporary courses (copies
of ``source/`` and of submissions). Grades already merged stay: a re-run grades everyone again.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
from pathlib import Path

from graders import accounts

SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Interrupted(Exception):
    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name if signum else "stopped")
        self.signum = signum


_lock = threading.Lock()
_procs: set[subprocess.Popen] = set()
_dirs: set[Path] = set()
_pid_dirs: set[Path] = set()
_uids: set[int] = set()
stopping: int = 0       # the signal that interrupted the run
_closed = False         # no new nbgrader process may start (interrupted, or the canary failed)
_critical = 0           # inside a gradebook write: the handler does not raise until it is done


def popen(cmd: list[str], **kwargs) -> subprocess.Popen:
    """Start a registered subprocess in its own session (unless the run is stopping)."""
    with _lock:
        if stopping or _closed:
            raise Interrupted(stopping)
        proc = subprocess.Popen(cmd, start_new_session=True, **kwargs)
        _procs.add(proc)
        return proc


def forget(proc: subprocess.Popen) -> None:
    with _lock:
        _procs.discard(proc)


def track(path: Path, pid_dir: Path | None = None, uid: int | None = None) -> None:
    """A temporary folder to remove on interruption; its kernels' pid folder; its slot account."""
    with _lock:
        _dirs.add(Path(path))
        if pid_dir is not None:
            _pid_dirs.add(Path(pid_dir))
        if uid is not None:
            _uids.add(uid)


def untrack(path: Path) -> None:
    """The folder was removed normally (its kernels are gone)."""
    path = Path(path)
    with _lock:
        _dirs.discard(path)
        _pid_dirs.difference_update({d for d in _pid_dirs if path in d.parents})


def kill_all() -> None:
    """Kill every registered nbgrader process group and kernel."""
    with _lock:
        procs, pid_dirs, uids = list(_procs), list(_pid_dirs), list(_uids)
    for proc in procs:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    for folder in pid_dirs:
        accounts.kill_pids(folder)
    for uid in uids:
        accounts.kill_account(uid)


def cleanup() -> None:
    """After an interruption (all workers done): kill what is left, remove every temporary course."""
    kill_all()
    with _lock:
        dirs = list(_dirs)
        _dirs.clear()
    for d in dirs:
        shutil.rmtree(d, ignore_errors=True)


def reset() -> None:
    """A new run in this process."""
    global _closed, stopping
    with _lock:
        _closed, stopping = False, 0


def close() -> None:
    """Start nothing new and kill what runs (the run is being abandoned)."""
    global _closed
    with _lock:
        _closed = True
    kill_all()


@contextlib.contextmanager
def critical():
    """A gradebook write: a signal during it stops the run right after it, not in the middle."""
    global _critical
    _critical += 1
    try:
        yield
    finally:
        _critical -= 1
    if stopping and not _critical:
        raise Interrupted(stopping)


def _handler(signum, frame) -> None:
    global stopping
    if stopping:
        return
    stopping = signum
    close()
    if not _critical:
        raise Interrupted(signum)


def install() -> None:
    """Route SIGTERM, SIGINT and SIGHUP to the clean stop (main thread only)."""
    for sig in SIGNALS:
        signal.signal(sig, _handler)
