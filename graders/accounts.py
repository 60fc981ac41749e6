"""Sandbox accounts and processes, seen from the grading parent (and the launcher).

Run as root, each parallel grading slot has its own unprivileged account (``cgrade0``,
``cgrade1``...), created on first use, held exclusively across processes with a file lock. After a
batch, every process of the slot's account is killed, and files it left in world-writable places
are found and removed. Standard library only (the launcher loads this file by path).
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import pwd
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

from graders.contract import ACCOUNT_PREFIX, Slot

WORLD_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm")
LOCK_DIR = "/tmp"


def searchable_by_others(path: str | Path) -> str | None:
    """The first folder on the way to ``path`` that an unprivileged account cannot enter (None if all can)."""
    p = Path(os.path.realpath(path))
    for folder in [*reversed(p.parents), p]:
        if folder.is_dir() and not folder.stat().st_mode & 0o001:
            return str(folder)
    return None


def interpreter_reachable() -> bool:
    """Can an unprivileged account run this Python (every parent folder searchable by others)?"""
    return not any(searchable_by_others(p) for p in {sys.base_prefix, sys.prefix, sys.executable})


def namespaces_available() -> bool:
    """Can this process create a private mount namespace (root with CAP_SYS_ADMIN)?"""
    if os.geteuid() != 0:
        return False
    code = "import ctypes,sys; sys.exit(ctypes.CDLL(None, use_errno=True).unshare(0x00020000) != 0)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def bwrap_usable() -> str:
    """bubblewrap's path when it is installed and can make namespaces here, else ""."""
    from graders.contract import BWRAP
    if not os.path.exists(BWRAP):
        return ""
    probe = [BWRAP, "--unshare-user", "--unshare-net", "--unshare-pid", "--ro-bind", "/usr", "/usr", "--proc", "/proc",
             "--dev", "/dev", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "/usr/bin/true"]
    if os.path.isdir("/usr/lib64"):
        probe[-1:-1] = ["--symlink", "usr/lib64", "/lib64"]
    try:
        return BWRAP if subprocess.run(probe, capture_output=True, timeout=20).returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def isolation(namespace: bool | None = None, drop: bool | None = None, bwrap: str | None = None) -> str:
    """A one-line description of how the kernel is isolated on this machine."""
    from graders.contract import ENV_HANDOFF
    if os.environ.get(ENV_HANDOFF):
        return ("kernel isolation: a grading pod's kernel container (graders/handoff.py: another uid, no course "
                "volume, resource limits; no network, token or capabilities as graders.k8s_manifests writes the pod)")
    if os.geteuid() != 0:
        return "not root: the kernel runs with the grader's own rights (resource limits only)"
    namespace = namespaces_available() if namespace is None else namespace
    drop = (namespace or interpreter_reachable()) if drop is None else drop
    bwrap = (bwrap_usable() if namespace and drop else "") if bwrap is None else bwrap
    if drop and namespace and bwrap:
        return ("kernel isolation: bubblewrap (sees only its copy, the course's packages and data, Python and "
                "/usr read-only, a private /tmp; no network), unprivileged per-slot account, resource limits")
    if drop and namespace:
        return ("kernel isolation: unprivileged per-slot account, resource limits, private /tmp, instructor files "
                "hidden - BUBBLEWRAP MISSING: THE KERNEL SEES THE REST OF THE FILE SYSTEM AND THE NETWORK "
                "(install it: bash tools/install_sandbox.sh)")
    if drop:
        return "kernel isolation: unprivileged per-slot account and resource limits (no private /tmp)"
    return ("kernel isolation: RESOURCE LIMITS ONLY - the Python installation is not reachable by an "
            "unprivileged account and mount namespaces are unavailable")


def ensure_accounts(n: int) -> list[Slot]:
    """The n slot accounts, created if missing; [] when not root."""
    if os.geteuid() != 0:
        return []
    out = []
    for i in range(n):
        name = f"{ACCOUNT_PREFIX}{i}"
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            nologin = shutil.which("nologin") or "/bin/false"
            subprocess.run(["useradd", "--system", "--user-group", "--no-create-home",
                            "--home-dir", "/nonexistent", "--shell", nologin, name],
                           check=True, capture_output=True)
            entry = pwd.getpwnam(name)
        out.append(Slot(name, entry.pw_uid, entry.pw_gid))
    return out


@contextlib.contextmanager
def slot_lock(slot: Slot | None):
    """Hold a slot account exclusively across processes (an flock on a file named after it)."""
    if not slot:
        yield
        return
    path = Path(LOCK_DIR) / f"classgrade-{slot.name}.lock"  # fixed: every run must see the same lock
    from graders import interrupt  # (interrupt imports this module)
    with open(path, "a") as fh:
        while True:  # another run may hold the slot: wait, but a stop (a signal) ends the wait
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if interrupt.stopping:
                    raise interrupt.Interrupted(interrupt.stopping) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def processes_of(uid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    pids.append(int(entry))
            except OSError:
                pass
    return pids


def kill_account(uid: int) -> int:
    """SIGKILL every process of a slot account (never root's); returns how many were left over."""
    if uid == 0:
        return 0
    pids = processes_of(uid)
    # Killed processes count against the account's process limit until they are reaped, and the
    # next kernel of this slot needs that room: wait (up to 10 s) until none is left.
    for _ in range(50):
        for pid in processes_of(uid):
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
        if not processes_of(uid):
            break
        time.sleep(0.2)
    return len(pids)


def kill_pids(folder: Path) -> None:
    """SIGKILL the kernels whose pids the launcher recorded in ``folder`` (one empty file per pid)."""
    for entry in Path(folder).glob("*") if Path(folder).is_dir() else []:
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                os.killpg(int(entry.name), 9)  # the kernel leads its own session: its children too
            with contextlib.suppress(OSError):
                os.kill(int(entry.name), 9)


def _remove(path: str, st: os.stat_result) -> None:
    try:
        if stat.S_ISDIR(st.st_mode):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def stray_files(uid: int, allowed: list[Path]) -> list[str]:
    """Files the slot account created in world-writable places outside ``allowed``; removes them."""
    if uid == 0:
        return []
    found: list[str] = []
    allowed_s = [str(a) for a in allowed]

    def visit(folder: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for e in entries:
            if any(e.path == a or e.path.startswith(a + os.sep) for a in allowed_s):
                continue
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                continue
            if st.st_uid == uid:
                found.append(e.path)
                _remove(e.path, st)
            elif stat.S_ISDIR(st.st_mode) and st.st_mode & 0o002:
                visit(e.path)

    for base in WORLD_WRITABLE:
        if os.path.isdir(base):
            visit(base)
    return sorted(found)
