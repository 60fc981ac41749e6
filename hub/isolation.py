"""What a class account's processes may see: a private mount view, set up as root just before the
process drops to the account (the hub's spawner, hub/jupyterhub_config.py, and the test's commands).

Two jobs, both with a new mount namespace (needs root with CAP_SYS_ADMIN, as on the course
machines and in CI):

- **keep**: the course's Python may be installed where other accounts cannot enter (pyenv under
  ``/root``, mode 0700). The blocking folder is covered by an empty tmpfs (mode 0755) and only the
  kept paths (the Python installation) are bound back into it, so the account can run that
  interpreter and read nothing else of root's home.
- **hide**: paths the account must not read even if their modes allow it (the instructors'
  checkout's ``source/``, ``authoring/`` and ``tests/`` on the hub machine) are covered by empty,
  read-only, mode-0000 mounts.

Standard library only (ctypes). Nothing is changed outside the process and its children.
"""
from __future__ import annotations

import ctypes
import os
import stat
from pathlib import Path

_CLONE_NEWNS = 0x00020000
_MS_RDONLY, _MS_NOSUID, _MS_NODEV = 0x1, 0x2, 0x4
_MS_REMOUNT, _MS_BIND, _MS_REC, _MS_PRIVATE = 0x20, 0x1000, 0x4000, 0x40000


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _mount(source, target, fstype, flags, data=None) -> None:
    enc = (lambda s: s.encode() if isinstance(s, str) else s)
    if _libc().mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {source} on {target}: {os.strerror(err)}")


def blocked(path: str | Path) -> str | None:
    """The first folder on the way to ``path`` that other accounts cannot enter (None: reachable)."""
    p = Path(os.path.realpath(path))
    for folder in [*reversed(p.parents), p]:
        if folder.is_dir() and not folder.stat().st_mode & stat.S_IXOTH:
            return str(folder)
    return None


def available() -> bool:
    """Can this process make a private mount namespace? (Tried in a child, so nothing changes here.)"""
    if os.geteuid() != 0:
        return False
    pid = os.fork()
    if pid == 0:
        os._exit(0 if _libc().unshare(_CLONE_NEWNS) == 0 else 1)
    return os.waitpid(pid, 0)[1] == 0


def plan(keep: list[str], hide: list[str]) -> dict:
    """The view to apply: folders to cover, with what to bind back into them, and what to hide."""
    cover: dict[str, list[str]] = {}
    for path in keep:
        real = os.path.realpath(path)
        gate = blocked(real)
        if gate:
            cover.setdefault(gate, []).append(real)
    return {"cover": cover, "hide": [os.path.realpath(h) for h in hide if os.path.exists(h)]}


def apply(view: dict) -> None:
    """In this process (a child about to drop privileges): a new mount namespace with ``view``."""
    if not view or not (view.get("cover") or view.get("hide")):
        return
    if _libc().unshare(_CLONE_NEWNS) != 0:
        raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWNS) failed: the hub needs root with CAP_SYS_ADMIN")
    _mount(None, "/", None, _MS_REC | _MS_PRIVATE)
    for gate, inside in view.get("cover", {}).items():
        fds = {p: os.open(p, os.O_PATH | os.O_DIRECTORY) for p in inside if os.path.isdir(p)}
        _mount("tmpfs", gate, "tmpfs", _MS_NOSUID | _MS_NODEV, "size=1m,mode=0755")
        for path, fd in fds.items():
            os.makedirs(path, mode=0o755, exist_ok=True)
            _mount(f"/proc/self/fd/{fd}", path, None, _MS_BIND | _MS_REC)
            os.close(fd)
    for path in view.get("hide", []):
        if not os.path.exists(path):
            continue  # already out of sight (under a covered folder)
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, "size=4k,mode=0000")
        else:
            _mount("/dev/null", path, None, _MS_BIND)


def as_account(view: dict, uid: int, gid: int):
    """A ``preexec_fn``: apply ``view`` as root, then become the account (no extra groups)."""
    def preexec():
        apply(view)
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    return preexec
