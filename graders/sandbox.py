"""The grading kernel's launcher: an unprivileged account, resource limits, a private working copy.

nbgrader starts the grading kernel from a kernelspec. :func:`write_kernelspec` writes one whose
command is this file, run as a script in isolated mode::

    python -I graders/sandbox.py -- python -m ipykernel_launcher -f {connection_file}

The launcher runs as the grader (root on the course machine and in CI), reads its
:class:`graders.contract.SandboxConfig` from the environment, prepares the kernel's working copy
and then, before it ``exec``s the real kernel,

- records the kernel's pid (an interrupted class run kills it);
- sets resource limits: address space, processes, file size, CPU seconds (the backstop of the
  notebook time limit), no core dumps;
- when it runs as root, drops to the slot's unprivileged account: the kernel can read only what
  is world-readable plus its own working copy; with mount namespaces it also gets a private view
  (graders/mounts.py);
- clears the environment (no secrets of the grader's shell), with ``HOME`` and ``TMPDIR`` in a
  private home, and makes the kernel import the course's packages from ``pythonpath`` only (the
  working copy is not on ``sys.path``, so a submitted ``graders/`` folder cannot shadow them).

Not root (a laptop): the limits still apply, but the kernel runs with the grader's own rights.
"""
from __future__ import annotations

import json
import os
import pwd
import resource
import shutil
import sys
from pathlib import Path


def _load(name: str):
    """A sibling module by path (the launcher runs with -I: the graders package is not importable,
    and importing it would cost the kernel's start-up time)."""
    import importlib.util
    full = f"graders.{name}"
    if full not in sys.modules:
        spec = importlib.util.spec_from_file_location(full, Path(__file__).with_name(f"{name}.py"))
        mod = importlib.util.module_from_spec(spec)
        sys.modules[full] = mod
        spec.loader.exec_module(mod)
    return sys.modules[full]


if __name__ == "__main__":
    contract, accounts, mounts, handoff = _load("contract"), _load("accounts"), _load("mounts"), _load("handoff")
else:
    from graders import accounts, contract, handoff, mounts

KEEP_ENV = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "JPY_PARENT_PID",
            "JPY_INTERRUPT_EVENT", "JUPYTER_RUNTIME_DIR")


def write_kernelspec(folder: Path, interrupt_mode: str = "signal") -> Path:
    """Write the sandbox kernelspec under folder/kernels/; put folder on JUPYTER_PATH to use it.
    Under bubblewrap the kernel is a child of bwrap's monitor, so interrupts travel as messages."""
    spec = folder / "kernels" / contract.KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-I", str(Path(__file__).resolve()), "--", sys.executable, "-m", "ipykernel_launcher",
            "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({
        "argv": argv, "display_name": "Python 3 (grading sandbox)", "language": "python",
        "interrupt_mode": interrupt_mode}, indent=1))
    for p in (folder, folder / "kernels", spec):
        p.chmod(0o755)
    (spec / "kernel.json").chmod(0o644)
    return spec


def _set_limits(cfg) -> None:
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
    lim(resource.RLIMIT_AS, cfg.mem_mb * mb if cfg.mem_mb else None)
    lim(resource.RLIMIT_NPROC, cfg.nproc or None)
    lim(resource.RLIMIT_FSIZE, cfg.fsize_mb * mb if cfg.fsize_mb else None)
    lim(resource.RLIMIT_CPU, cfg.cpu_s or None, cfg.cpu_s + 5 if cfg.cpu_s else None)
    lim(resource.RLIMIT_CORE, 0)
    lim(resource.RLIMIT_NOFILE, 512)


def _kernel_env(cfg, home: Path) -> dict[str, str]:
    env = {k: os.environ[k] for k in KEEP_ENV if k in os.environ}
    env.update(HOME=str(home), TMPDIR=str(home / "tmp"), MPLCONFIGDIR=str(home / "mpl"),
               IPYTHONDIR=str(home / "ipython"), OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", MALLOC_ARENA_MAX="2", PYTHONDONTWRITEBYTECODE="1", JUPYTER_PLATFORM_DIRS="1",
               PYTHONSAFEPATH="1")
    if cfg.pythonpath:
        env["PYTHONPATH"] = cfg.pythonpath
    for sub in ("tmp", "mpl", "ipython"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return env


def _prepare_working_copy(cwd: Path) -> None:
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


def _connection_copy(cmd: list[str], home: Path) -> None:
    """The kernel reads its connection file from its private home."""
    if "-f" in cmd:
        i = cmd.index("-f") + 1
        copy = home / "connection.json"
        shutil.copyfile(cmd[i], copy)
        os.chmod(copy, 0o600)
        cmd[i] = str(copy)


# /etc entries the interpreter, its libraries and the course's tools read (nothing secret: no shadow)
ETC = ("passwd", "group", "nsswitch.conf", "localtime", "timezone", "ld.so.cache", "ld.so.conf", "ld.so.conf.d",
       "ssl", "ca-certificates", "ca-certificates.conf", "alternatives", "fonts", "mime.types", "os-release",
       "host.conf", "hosts", "gai.conf", "protocols", "services")


def _package_dirs(cfg) -> list[str]:
    """The course's packages the kernel imports (and the data beside them): from ``pythonpath``, else
    where this environment finds them (an editable install of another checkout: only these folders)."""
    import importlib.util
    found = []
    for name in contract.PACKAGES:
        where = [os.path.join(p, name) for p in cfg.pythonpath.split(os.pathsep) if p]
        where = [w for w in where if os.path.isdir(w)]
        if not where:
            spec = importlib.util.find_spec(name)
            where = list(spec.submodule_search_locations or []) if spec else []
        found += [os.path.realpath(w) for w in where[:1]]
    found += [os.path.join(os.path.dirname(p), "data") for p in found[:1]]
    return [p for p in dict.fromkeys(found) if os.path.isdir(p)]


def bwrap_argv(cfg, cwd: Path, home: Path, private: dict[str, str]) -> list[str]:
    """bubblewrap's command line: a new, empty root holding only what the kernel needs, read-only
    (/usr, a few /etc files, the Python installation, the course's packages and data) and writable
    (its working copy, its home, the sockets it talks through, its private /tmp, /var/tmp and
    /dev/shm); its own network (loopback only, nothing listening), IPC, UTS and pid namespaces."""
    argv = [cfg.bwrap, "--die-with-parent", "--new-session", "--unshare-net", "--unshare-ipc", "--unshare-uts",
            "--unshare-pid", "--unshare-cgroup-try", "--hostname", "grading", "--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            argv += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            argv += ["--ro-bind", top, top]
    for name in ETC:
        if os.path.exists(f"/etc/{name}"):
            argv += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    argv += ["--proc", "/proc", "--dev", "/dev"]
    for base, src in private.items():
        argv += ["--bind", src, base]
    ro = [os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), *_package_dirs(cfg), *cfg.allow_ro]
    if sys.prefix != os.path.realpath(sys.prefix):
        ro.append(sys.prefix)
    rw = [str(cwd), str(home), *cfg.allow_rw]
    for path in dict.fromkeys(ro):
        argv += ["--ro-bind", path, path]
    for path in dict.fromkeys(rw):
        argv += ["--bind", path, path]
    # Mount points inside the private folders are made here, by root, before bwrap runs as the
    # slot account (which may not create them there; nor should they count as the kernel's writes).
    for path in [*ro, *rw]:
        for base, src in private.items():
            if path.startswith(base.rstrip("/") + "/"):
                os.makedirs(src + path[len(base):], exist_ok=True)
    return argv + ["--chdir", str(cwd), "--"]


def _as_slot_account(cfg, cmd: list[str], home: Path, env: dict[str, str]) -> list[str]:
    """Root only: working copy, private home and view for the slot account; the command prefix
    that puts the kernel into bubblewrap's allow-list view (empty without bubblewrap)."""
    _connection_copy(cmd, home)
    cwd = Path.cwd()
    _prepare_working_copy(cwd)
    for p in [home, *home.rglob("*")]:
        os.chown(p, cfg.uid, cfg.gid)
    private = {}
    if cfg.private_root:
        root = Path(cfg.private_root)
        mounts.note_leftovers(root, accounts.kill_account(cfg.uid))  # a previous student's stragglers
        student = cwd.parent.name
        (root / mounts.LAST).write_text(student)
        private = mounts.private_dirs(root, student)
    if cfg.namespace:
        keep = [os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), *cfg.keep]
        mounts.private_view(keep, cfg.hide, private)
        os.chdir(cwd)
    env["USER"] = env["LOGNAME"] = pwd.getpwuid(cfg.uid).pw_name
    if cfg.bwrap and cfg.namespace:
        return bwrap_argv(cfg, cwd, home, private)
    return []


def main(argv: list[str]) -> None:
    if "--" not in argv:
        sys.exit("usage: python -I graders/sandbox.py -- KERNEL COMMAND...")
    cmd = argv[argv.index("--") + 1:]
    cfg = contract.SandboxConfig.from_env()
    if cfg.pid_dir and os.path.isdir(cfg.pid_dir):
        Path(cfg.pid_dir, str(os.getpid())).touch()  # exec keeps the pid: this is the kernel's
    home = Path(cfg.home or os.environ.get("HOME", "/tmp"))
    env = _kernel_env(cfg, home)
    drop = cfg.uid is not None and os.geteuid() == 0
    if os.environ.get(contract.ENV_HANDOFF) and not drop:  # a grading pod: the kernel container runs it
        handoff.open_to_kernel(Path.cwd(), home, top=home.parent)
        sys.exit(handoff.hand_over(os.environ[contract.ENV_HANDOFF], cmd, env, Path.cwd(), cfg.to_json()))
    prefix = _as_slot_account(cfg, cmd, home, env) if drop else []
    _set_limits(cfg)
    if drop:
        os.setgroups([])
        os.setgid(cfg.gid)
        os.setuid(cfg.uid)
    if prefix:  # in its own pid namespace the kernel's parent is bwrap's init: no parent polling
        env.pop("JPY_PARENT_PID", None)
    cmd = prefix + cmd
    os.execve(cmd[0], cmd, env)


if __name__ == "__main__":
    main(sys.argv[1:])
