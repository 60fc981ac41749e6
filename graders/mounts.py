"""The grading kernel's private view of the file system (a mount namespace), and what it wrote there.

In a new mount namespace (root with ``CAP_SYS_ADMIN``) the launcher gives the kernel its own
``/tmp``, ``/var/tmp`` and ``/dev/shm`` (folders of the job, inspected after grading), empty
``/root`` and ``/home`` (keeping the Python installation and the course's packages), and covers
the instructor's files with empty mounts. Standard library only (the launcher loads it by path).
"""
from __future__ import annotations

import ctypes
import os
from pathlib import Path

_CLONE_NEWNS, _MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_REMOUNT, _MS_BIND, _MS_REC, _MS_PRIVATE = (
    0x00020000, 1, 2, 4, 32, 4096, 16384, 1 << 18)
PRIVATE = (("/tmp", "tmp"), ("/var/tmp", "var-tmp"), ("/dev/shm", "dev-shm"))
LAST = ".last"          # private root: the student whose kernel ran last in this slot
LEFTOVER = "leftover"   # private root/<student>: processes left running after grading


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _mount(src, target, fstype, flags, data=None) -> None:
    enc = (lambda x: x.encode() if isinstance(x, str) else x)
    if _libc().mount(enc(src), enc(target), enc(fstype), flags, enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {src} on {target}: {os.strerror(err)}")


def _bind_all(fds: dict[str, int], flags: int) -> None:
    for target, fd in fds.items():
        os.makedirs(target, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", target, None, flags)
        if not flags & _MS_REC:
            _mount(None, target, None, _MS_REMOUNT | _MS_BIND | _MS_NOSUID | _MS_NODEV)
        os.close(fd)


def private_view(keep: list[str], hide: list[str], private: dict[str, str], tmp_size_mb: int = 64) -> None:
    """In a new mount namespace: /tmp, /var/tmp and /dev/shm become the job's own folders
    (``private``: path -> job folder), /root and /home become empty (keeping the folders in
    ``keep``), and the paths in ``hide`` are covered by empty mounts."""
    if _libc().unshare(_CLONE_NEWNS) != 0:
        raise OSError("unshare(CLONE_NEWNS) failed")
    _mount(None, "/", None, _MS_REC | _MS_PRIVATE)
    # open what is kept before /root and /home are covered
    fds = {k: os.open(k, os.O_PATH | os.O_DIRECTORY) for k in keep if os.path.isdir(k)}
    pfds = {base: os.open(src, os.O_PATH | os.O_DIRECTORY) for base, src in private.items()
            if os.path.isdir(base) and os.path.isdir(src)}
    for base in ("/root", "/home"):
        if os.path.isdir(base):
            _mount("tmpfs", base, "tmpfs", _MS_NOSUID | _MS_NODEV, f"size={tmp_size_mb}m,mode=0755")
    _bind_all(pfds, _MS_BIND)
    _bind_all(fds, _MS_BIND | _MS_REC)
    for h in hide:
        if os.path.isdir(h):
            _mount("tmpfs", h, "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, "size=1k,mode=0000")
        elif os.path.exists(h):
            _mount("/dev/null", h, None, _MS_BIND)


def private_dirs(root: Path, student: str) -> dict[str, str]:
    """Create one student's private /tmp, /var/tmp, /dev/shm under ``root``; path -> folder."""
    out = {}
    for base, name in PRIVATE:
        d = Path(root) / student / name
        d.mkdir(parents=True, exist_ok=True)
        d.chmod(0o1777)
        out[base] = str(d)
    return out


def private_writes(folder: Path, uid: int | None) -> list[str]:
    """What a student's kernel wrote to its private /tmp, /var/tmp, /dev/shm (kept in ``folder``)."""
    found = []
    for base, name in PRIVATE:
        src = Path(folder) / name
        if src.is_dir():
            for e in os.scandir(src):
                if uid is None or e.stat(follow_symlinks=False).st_uid == uid:
                    found.append(os.path.join(base, e.name))
    return sorted(found)


def note_leftovers(private_root: Path, count: int) -> None:
    """Blame processes left running on the student whose kernel ran last in this slot."""
    last = Path(private_root) / LAST
    if count and last.exists():
        (Path(private_root) / last.read_text().strip() / LEFTOVER).write_text(str(count))


def had_leftovers(private_root: Path, student: str) -> bool:
    return (Path(private_root) / student / LEFTOVER).exists()
