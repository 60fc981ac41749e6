"""The grading kernel's sandbox: an unprivileged account, resource limits, a private working copy.

nbgrader starts the grading kernel from a kernelspec. :func:`write_kernelspec` writes one whose
command is this module used as a launcher::

    python -m graders.sandbox -- python -m ipykernel_launcher -f {connection_file}

The launcher runs as the grader (root on the course machine and in CI), prepares the kernel's
working copy and then, before it ``exec``s the real kernel,

- sets resource limits: address space (``RLIMIT_AS``), processes (``RLIMIT_NPROC``), file size
  (``RLIMIT_FSIZE``), CPU seconds (``RLIMIT_CPU``, the backstop of the notebook time limit: it
  also stops a loop that ignores interrupts) and no core dumps;
- when it runs as root, drops to a dedicated unprivileged account (``cgrade0``, ``cgrade1``...,
  one per parallel grading slot, created by :func:`ensure_accounts`). ``RLIMIT_NPROC`` is not
  enforced for root, and root can read every file: as the slot account the kernel can read only
  what is world-readable (the Python environment, the course's ``graders``/``workbook`` packages
  and data) plus its own working copy. The instructor's ``source/``, the gradebook and other
  students' submissions live in folders it cannot enter;
- clears the environment (no ``NBGRADER_*`` variables but ``NBGRADER_EXECUTION``, no secrets of
  the grader's shell), with ``HOME`` and ``TMPDIR`` in a private home.

Settings reach the launcher through the ``CLASSGRADE_SANDBOX`` environment variable (JSON),
which it removes before the kernel starts.

Not root (a laptop): the limits still apply, but the kernel runs with the grader's own rights;
:func:`isolation` says so and ``classgrade`` prints it.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pwd
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ACCOUNT_PREFIX = "cgrade"
ENV_VAR = "CLASSGRADE_SANDBOX"
KERNEL_NAME = "classgrade-sandbox"
KEEP_ENV = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "PYTHONPATH", "JPY_PARENT_PID",
            "JPY_INTERRUPT_EVENT", "JUPYTER_RUNTIME_DIR")
WORLD_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm")


def interpreter_reachable() -> bool:
    """Can an unprivileged account run this Python (every parent folder searchable by others)?"""
    for base in {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), os.path.realpath(sys.executable)}:
        p = Path(base)
        for folder in [p, *p.parents]:
            if folder.is_dir() and not folder.stat().st_mode & 0o001:
                return False
    return True


def isolation(namespace: bool | None = None, drop: bool | None = None) -> str:
    """A one-line description of how the kernel is isolated on this machine."""
    if os.geteuid() != 0:
        return "not root: the kernel runs with the grader's own rights (resource limits only)"
    namespace = namespaces_available() if namespace is None else namespace
    drop = (namespace or interpreter_reachable()) if drop is None else drop
    if drop and namespace:
        return ("kernel isolation: unprivileged per-slot account, resource limits, private /tmp, "
                "instructor files hidden")
    if drop:
        return "kernel isolation: unprivileged per-slot account and resource limits (no private /tmp)"
    return ("kernel isolation: RESOURCE LIMITS ONLY - the Python installation is not reachable by an "
            "unprivileged account and mount namespaces are unavailable")


def ensure_accounts(n: int) -> list[tuple[str, int, int]]:
    """The n slot accounts (name, uid, gid), created if missing; [] when not root."""
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
        out.append((name, entry.pw_uid, entry.pw_gid))
    return out


def write_kernelspec(folder: Path) -> Path:
    """Write the sandbox kernelspec under folder/kernels/; put folder on JUPYTER_PATH to use it."""
    spec = folder / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    # Run this file as a script in isolated mode (-I): it needs the standard library only, and
    # `-m graders.sandbox` would first import the graders package (pandas, ~0.4 s per kernel).
    argv = [sys.executable, "-I", str(Path(__file__).resolve()), "--", sys.executable, "-m", "ipykernel_launcher",
            "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({
        "argv": argv, "display_name": "Python 3 (grading sandbox)", "language": "python",
        "interrupt_mode": "signal"}, indent=1))
    for p in (folder, folder / "kernels", spec):
        p.chmod(0o755)
    (spec / "kernel.json").chmod(0o644)
    return spec


@contextlib.contextmanager
def slot_lock(slot):
    """Hold a slot account exclusively across processes (an flock on a file named after it)."""
    if not slot:
        yield
        return
    path = Path(tempfile.gettempdir()) / f"classgrade-{slot[0]}.lock"
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
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
    import time
    pids = processes_of(uid)
    # Killed processes count against the account's process limit until they are reaped, and the
    # next kernel of this slot needs that room: wait (up to 10 s) until none is left.
    for _ in range(50):
        for pid in processes_of(uid):
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        if not processes_of(uid):
            break
        time.sleep(0.2)
    return len(pids)


def stray_files(uid: int, allowed: list[Path]) -> list[str]:
    """Files the slot account created in world-writable places outside ``allowed``; removes them."""
    if uid == 0:
        return []
    found = []
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
                try:
                    if stat.S_ISDIR(st.st_mode):
                        shutil.rmtree(e.path, ignore_errors=True)
                    else:
                        os.unlink(e.path)
                except OSError:
                    pass
            elif stat.S_ISDIR(st.st_mode) and st.st_mode & 0o002:
                visit(e.path)

    for base in WORLD_WRITABLE:
        if os.path.isdir(base):
            visit(base)
    return sorted(found)


# --- a private mount namespace: hide what the kernel must not see, private /tmp ------------------
_CLONE_NEWNS, _MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_REMOUNT, _MS_BIND, _MS_REC, _MS_PRIVATE = (
    0x00020000, 1, 2, 4, 32, 4096, 16384, 1 << 18)


def _libc():
    import ctypes
    return ctypes.CDLL(None, use_errno=True)


def _mount(src, target, fstype, flags, data=None) -> None:
    import ctypes
    enc = (lambda x: x.encode() if isinstance(x, str) else x)
    if _libc().mount(enc(src), enc(target), enc(fstype), flags, enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {src} on {target}: {os.strerror(err)}")


def namespaces_available() -> bool:
    """Can this process create a private mount namespace (root with CAP_SYS_ADMIN)?"""
    if os.geteuid() != 0:
        return False
    code = "import ctypes,sys; sys.exit(ctypes.CDLL(None, use_errno=True).unshare(0x00020000) != 0)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def _private_view(keep: list[str], hide: list[str], private: dict[str, str], tmp_size_mb: int = 64) -> None:
    """In a new mount namespace: /tmp, /var/tmp and /dev/shm become the job's own folders
    (``private``: path -> job folder, inspected after grading), /root and /home become empty
    (keeping the folders in ``keep``: the Python installation, the job folder), and the paths in
    ``hide`` (the course's source/, gradebook, submissions) are covered by empty mounts."""
    libc = _libc()
    if libc.unshare(_CLONE_NEWNS) != 0:
        raise OSError("unshare(CLONE_NEWNS) failed")
    _mount(None, "/", None, _MS_REC | _MS_PRIVATE)
    fds = {k: os.open(k, os.O_PATH | os.O_DIRECTORY) for k in keep if os.path.isdir(k)}
    pfds = {base: os.open(src, os.O_PATH | os.O_DIRECTORY) for base, src in private.items()
            if os.path.isdir(base) and os.path.isdir(src)}
    for base in ("/root", "/home"):
        if os.path.isdir(base):
            _mount("tmpfs", base, "tmpfs", _MS_NOSUID | _MS_NODEV, f"size={tmp_size_mb}m,mode=0755")
    for base, fd in pfds.items():
        _mount(f"/proc/self/fd/{fd}", base, None, _MS_BIND)
        _mount(None, base, None, _MS_REMOUNT | _MS_BIND | _MS_NOSUID | _MS_NODEV)
        os.close(fd)
    for k, fd in fds.items():
        os.makedirs(k, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", k, None, _MS_BIND | _MS_REC)
        os.close(fd)
    for h in hide:
        if os.path.isdir(h):
            _mount("tmpfs", h, "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, "size=1k,mode=0000")
        elif os.path.exists(h):
            _mount("/dev/null", h, None, _MS_BIND)


PRIVATE = (("/tmp", "tmp"), ("/var/tmp", "var-tmp"), ("/dev/shm", "dev-shm"))


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
    last = Path(private_root) / ".last"
    if count and last.exists():
        (Path(private_root) / last.read_text().strip() / "leftover").write_text(str(count))


def _set_limits(cfg: dict) -> None:
    def lim(kind: int, soft: int | None, hard: int | None = None) -> None:
        if soft is None:
            return
        hard = soft if hard is None else hard
        cur_soft, cur_hard = resource.getrlimit(kind)
        if cur_hard != resource.RLIM_INFINITY:
            hard = min(hard, cur_hard)
            soft = min(soft, hard)
        resource.setrlimit(kind, (soft, hard))

    mb = 1024 * 1024
    if cfg.get("mem_mb"):
        lim(resource.RLIMIT_AS, int(cfg["mem_mb"]) * mb)
    if cfg.get("nproc"):
        lim(resource.RLIMIT_NPROC, int(cfg["nproc"]))
    if cfg.get("fsize_mb"):
        lim(resource.RLIMIT_FSIZE, int(cfg["fsize_mb"]) * mb)
    if cfg.get("cpu_s"):
        lim(resource.RLIMIT_CPU, int(cfg["cpu_s"]), int(cfg["cpu_s"]) + 5)
    lim(resource.RLIMIT_CORE, 0)
    lim(resource.RLIMIT_NOFILE, 512)


def _prepare_working_copy(cwd: Path, uid: int) -> None:
    """The kernel may add files to its working copy but not replace the grader's (sticky bit);
    the notebook being graded (which holds the hidden tests) is not readable by it."""
    os.chown(cwd, 0, 0)
    os.chmod(cwd, 0o1777)
    for p in cwd.rglob("*"):
        if p.is_symlink():
            continue
        os.chown(p, 0, 0)
        if p.suffix == ".ipynb" or p.name.startswith("."):
            os.chmod(p, 0o600)
        else:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)


def main(argv: list[str]) -> None:
    if "--" not in argv:
        sys.exit("usage: python -m graders.sandbox -- KERNEL COMMAND...")
    cmd = argv[argv.index("--") + 1:]
    cfg = json.loads(os.environ.get(ENV_VAR) or "{}")
    env = {k: os.environ[k] for k in KEEP_ENV if k in os.environ}
    home = Path(cfg.get("home") or os.environ.get("HOME", "/tmp"))
    env.update(HOME=str(home), TMPDIR=str(home / "tmp"), MPLCONFIGDIR=str(home / "mpl"),
               IPYTHONDIR=str(home / "ipython"), OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", MALLOC_ARENA_MAX="2", PYTHONDONTWRITEBYTECODE="1", JUPYTER_PLATFORM_DIRS="1")
    for sub in ("tmp", "mpl", "ipython"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    uid, gid = cfg.get("uid"), cfg.get("gid")
    if uid is not None and os.geteuid() == 0:
        if "-f" in cmd:  # the kernel reads its connection file from its private home
            i = cmd.index("-f") + 1
            copy = home / "connection.json"
            shutil.copyfile(cmd[i], copy)
            os.chmod(copy, 0o600)
            cmd[i] = str(copy)
        cwd = Path.cwd()
        _prepare_working_copy(cwd, uid)
        for p in [home, *home.rglob("*")]:
            os.chown(p, uid, gid)
        private = {}
        if cfg.get("private_root"):
            root = Path(cfg["private_root"])
            note_leftovers(root, kill_account(uid))  # a previous student's stragglers
            student = cwd.parent.name
            (root / ".last").write_text(student)
            for base, name in PRIVATE:
                d = root / student / name
                d.mkdir(parents=True, exist_ok=True)
                d.chmod(0o1777)
                private[base] = str(d)
        if cfg.get("namespace"):
            keep = [os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), *cfg.get("keep", [])]
            _private_view(keep, cfg.get("hide", []), private)
            os.chdir(cwd)
        env["USER"] = env["LOGNAME"] = pwd.getpwuid(uid).pw_name
    _set_limits(cfg)
    if uid is not None and os.geteuid() == 0:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    os.execve(cmd[0], cmd, env)


if __name__ == "__main__":
    main(sys.argv[1:])
