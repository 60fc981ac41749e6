"""Stopping a class run cleanly when it is interrupted (SIGTERM from a scheduler, SIGINT, SIGHUP).

Every nbgrader process, temporary course, and (while its batch runs) kernel pid folder and slot
account of the run is registered here. On a signal the handler kills the nbgrader process groups, the kernels (by the
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


_lock = threading.RLock()  # the signal handler may run while the main thread holds it
_procs: set[subprocess.Popen] = set()
_dirs: set[Path] = set()
_live: dict[Path, tuple[Path | None, int | None]] = {}   # job folder -> (kernel pid folder, slot uid)
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


def track(path: Path) -> None:
    """A temporary folder to remove when the run ends or is interrupted."""
    with _lock:
        _dirs.add(Path(path))


def live(path: Path, pid_dir: Path | None, uid: int | None) -> None:
    """A job whose kernels run now: their pid folder and the slot account this run holds."""
    with _lock:
        _live[Path(path)] = (pid_dir, uid)


def settle(path: Path) -> None:
    """The job's kernels are gone and its slot is about to be released: never kill them again."""
    with _lock:
        _live.pop(Path(path), None)


def untrack(path: Path) -> None:
    """The folder was removed normally."""
    with _lock:
        _dirs.discard(Path(path))
        _live.pop(Path(path), None)


def kill_all() -> None:
    """Kill every registered nbgrader process group and kernel."""
    with _lock:
        procs, jobs = list(_procs), list(_live.values())
    for proc in procs:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    for pid_dir, uid in jobs:
        if pid_dir is not None:
            accounts.kill_pids(pid_dir)
        if uid is not None:
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
