"""A course hub on one machine: JupyterHub for an instructor and a demo class.

    python -m hub.demo setup    [--state DIR] [--learners N]   # as root; idempotent
    python -m hub.demo run      [--state DIR] [--port 8000]    # JupyterHub in the foreground (Ctrl-C stops it)
    python -m hub.demo teardown [--state DIR]                  # delete the demo accounts and DIR
    make hub                                                   # install, setup, run

What ``setup`` builds under the state folder (default /srv/platform-workbook-hub):

- Unix accounts, one per person, so that every single-user server runs as its own account and
  nbgrader's exchange knows who submitted: ``demo-instructor`` and ``demo-learner1`` ... with the
  documented demo passwords below (PAM checks them). Homes under ``DIR/home``, mode 0700.
- ``course/``: the instructor's nbgrader course root (source/, release/, nbgrader_config.py,
  gradebook), owned by the instructor, mode 0700: no learner can read it.
- ``exchange/``: nbgrader's exchange, writable by everyone as nbgrader requires; the course id is
  the course's (``platform-workbook``).
- ``learners/``: the learners' repository (tools/learner_repo.py) and ``learner-env/``: a Python
  environment for learners' servers, with the course's third-party packages, workbook and the
  check modules of graders from that repository only, and the learner set-up applied
  (tools/learner_setup.sh: formgrader, create-assignment and course list off and locked).
- ``etc/instructor`` and ``etc/learner``: the nbgrader configuration each kind of server reads
  (JUPYTER_CONFIG_PATH), root-owned.

The instructor's server runs from the project's environment (.venv: formgrader and the grading
tools), rooted at ``course/``; a learner's server runs from ``learner-env/``, rooted at their home.
The hub binds to 127.0.0.1 only. Grading a class (``python -m graders.classgrade``) runs as root
from ``course/``, as on any course machine (it drops each kernel to its sandbox account).

DEMO PASSWORDS - for this local demo only, never for a real class (use your institution's
login: docs/hub.md): demo-instructor / ``instructor-demo``, demo-learnerN / ``learner-demo``.
"""
from __future__ import annotations

import argparse
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

from hub import isolation

ROOT = Path(__file__).resolve().parent.parent
HUB = ROOT / "hub"
STATE = Path(os.environ.get("HUB_STATE", "/srv/platform-workbook-hub"))
COURSE_ID = "platform-workbook"
INSTRUCTOR = "demo-instructor"
PASSWORDS = {"instructor": "instructor-demo", "learner": "learner-demo"}
# What the instructor's course root needs from the instructors' repository.
COURSE_ITEMS = ("nbgrader_config.py", "source", "release", "course.yml")
FORMGRADER_CSP = "frame-ancestors 'self'"
# What of the instructors' checkout learners must not read on a shared machine (setup warns).
PRIVATE = ("source", "authoring", "tests", "gradebook.db", "submitted", "autograded", "feedback", "classgrade")


def learners(n: int) -> list[str]:
    return [f"demo-learner{i}" for i in range(1, n + 1)]


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        raise SystemExit(f"hub: {' '.join(map(str, cmd))} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def ensure_account(name: str, home: Path, password: str) -> pwd.struct_passwd:
    """Create the Unix account if missing (home ``home``, mode 0700) and set its demo password."""
    try:
        pw = pwd.getpwnam(name)
    except KeyError:
        home.parent.mkdir(parents=True, exist_ok=True)
        _run(["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash",
              "--user-group", "--comment", "platform-workbook demo hub", name])
        pw = pwd.getpwnam(name)
    Path(pw.pw_dir).mkdir(parents=True, exist_ok=True)
    os.chown(pw.pw_dir, pw.pw_uid, pw.pw_gid)
    os.chmod(pw.pw_dir, 0o700)
    _run(["chpasswd"], input=f"{name}:{password}\n")
    return pw


def _world_readable(path: Path) -> bool:
    """Can an unrelated account read ``path`` (every folder above it traversable, itself readable)?"""
    for p in [*reversed(path.parents), path]:
        mode = p.stat().st_mode
        if not mode & stat.S_IXOTH and p != path:
            return False
    return bool(path.stat().st_mode & stat.S_IROTH)


def _chown_tree(path: Path, pw: pwd.struct_passwd) -> None:
    for p in [path, *path.rglob("*")]:
        os.lchown(p, pw.pw_uid, pw.pw_gid)


_blocked = isolation.blocked


def views(python: str) -> dict[str, dict]:
    """The mount view of each kind of account (hub/isolation.py): the Python installation kept
    visible; for learners, the instructors' checkout's private folders hidden as well."""
    base = str(Path(os.path.realpath(python)).parent.parent)
    hide = [str(ROOT / name) for name in ("source", "authoring", "tests", "gradebook.db")]
    if not isolation.available():
        return {"learner": {}, "instructor": {}}
    # Learners need the interpreter and the project's third-party packages; the instructor the
    # whole checkout (its editable graders and workbook).
    return {"learner": isolation.plan([base, sys.prefix], hide), "instructor": isolation.plan([base, str(ROOT)], [])}


def run_as(described: dict, user: str, cmd: list[str], cwd: str | Path = "/", env: dict | None = None,
           timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``cmd`` as one of the class's accounts, in the view and environment its server has."""
    pw = pwd.getpwnam(user)
    kind = "instructor" if user == described["instructor"] else "learner"
    python = described[f"{kind}_python"]
    base = {"PATH": f"{Path(python).parent}:/usr/local/bin:/usr/bin:/bin", "HOME": pw.pw_dir, "USER": user,
            "LOGNAME": user, "LANG": "C.UTF-8", "JUPYTER_CONFIG_PATH": described["etc"][kind],
            "JUPYTER_PLATFORM_DIRS": "1", "PYTHONNOUSERSITE": "1"}
    return subprocess.run(cmd, cwd=cwd, env={**base, **(env or {})}, capture_output=True, text=True, timeout=timeout,
                          preexec_fn=isolation.as_account(described["views"][kind], pw.pw_uid, pw.pw_gid))


def base_python() -> str:
    """An interpreter the class's accounts can run: this environment's own.

    It may sit in root's home (pyenv), which other accounts cannot enter: then every class
    process gets a private mount view in which only the Python installation is visible there
    (hub/isolation.py). Without mount namespaces, the system's python3.X of the same version is
    the fallback (the packages are built for the version's ABI; a patch release apart, most
    things work, but not all: docs/hub.md).
    """
    own = os.path.realpath(sys._base_executable if hasattr(sys, "_base_executable") else sys.executable)
    if not _blocked(own) or isolation.available():
        return own
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (f"/usr/bin/{version}", f"/usr/local/bin/{version}"):
        if os.path.exists(candidate) and not _blocked(candidate):
            return candidate
    raise SystemExit(f"hub: this environment's Python ({own}) is behind {_blocked(own)}, which the class's "
                     f"accounts cannot enter, and there is no /usr/bin/{version}: install Debian's {version} "
                     f"(apt-get install {version}) or build .venv from a Python outside root's home")


def overlay_env(where: Path, tree: Path | None) -> Path:
    """A Python environment at ``where`` for the class's servers; returns its python.

    Built on an interpreter every account can run (``base_python``), reusing the project's
    installed packages. ``tree`` given (learners): the project's site-packages is added as a plain
    path, so the project's own editable workbook/graders never come along; they come from ``tree``
    (the learners' repository), and its postBuild (the learner set-up) switches the instructor
    tools off in the environment's own etc/jupyter. ``tree`` None (instructor): the project's
    site-packages with its .pth files, i.e. everything the instructor's .venv has.
    """
    src = Path(sys.prefix)
    site = sysconfig.get_paths()["purelib"]
    if _blocked(site) and not isolation.available():
        raise SystemExit(f"hub: {site} is behind {_blocked(site)}, which the class's accounts cannot enter: "
                         f"put the course checkout where others can traverse (e.g. /srv, /opt, /home)")
    if where.exists():
        shutil.rmtree(where)
    _run([base_python(), "-m", "venv", "--without-pip", str(where)])
    py = where / "bin" / "python"
    purelib = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    if tree is not None:
        (purelib / "_course_third_party.pth").write_text(site + "\n", encoding="utf-8")
        (purelib / "_learners_repository.pth").write_text(f"{tree}\n", encoding="utf-8")
    else:
        (purelib / "_course_environment.pth").write_text(f"import site; site.addsitedir({site!r})\n", encoding="utf-8")
    # The project's console scripts (jupyter, nbgrader, alembic, ...), pointed at this interpreter,
    # as pip would have written them here.
    for script in (src / "bin").iterdir():
        if script.name.startswith(("python", "activate", "pip")) or not script.is_file():
            continue
        with open(script, "rb") as fh:
            first = fh.readline()
        if first.startswith(b"#!") and b"python" in first:
            text = script.read_bytes()[len(first):]
            target = where / "bin" / script.name
            target.write_bytes(f"#!{py}\n".encode() + text)
            target.chmod(0o755)
    shutil.copytree(src / "etc" / "jupyter", where / "etc" / "jupyter")
    share = where / "share" / "jupyter"
    share.mkdir(parents=True)
    for item in (src / "share" / "jupyter").iterdir():
        (share / item.name).symlink_to(item, target_is_directory=item.is_dir())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "VIRTUAL_ENV", "PYTHON"))}
    env.update(PATH=f"{where / 'bin'}:/usr/local/bin:/usr/bin:/bin", VIRTUAL_ENV=str(where),
               HOME=str(where.parent / ".setup-home"), JUPYTER_CONFIG_DIR=str(where.parent / ".setup-home"))
    if tree is not None:
        _run([str(tree / "postBuild")], cwd=tree, env=env)
    shutil.rmtree(where.parent / ".setup-home", ignore_errors=True)
    return py


NBGRADER_LEARNER = '''# nbgrader for learners' servers on the course hub (written by hub/demo.py)
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
# nbgrader's submit, then the submission closed to all but its owner and the instructor (workbook/exchange.py)
c.ExchangeFactory.submit = "workbook.exchange.CourseSubmit"
'''
NBGRADER_INSTRUCTOR = '''# nbgrader for the instructor's server on the course hub (written by hub/demo.py): the course's
# own configuration (course root, feedback without hidden tests), and the hub's exchange.
c = get_config()  # noqa: F821
load_subconfig("nbgrader_config.py", path={course!r})  # noqa: F821
c.CourseDirectory.root = {course!r}
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
'''
# JupyterLab asks about news and updates on first start; nobody on a course hub should be asked.
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def setup(state: Path, n_learners: int = 3, quiet: bool = False) -> dict:
    """Build (or refresh) the demo class under ``state``; returns the class description."""
    if os.geteuid() != 0:
        raise SystemExit("hub: setup creates Unix accounts and must run as root (sudo make hub)")
    say = (lambda *a: None) if quiet else (lambda *a: print("hub:", *a))
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o755)
    people = {INSTRUCTOR: PASSWORDS["instructor"], **{n: PASSWORDS["learner"] for n in learners(n_learners)}}
    accounts = {name: ensure_account(name, state / "home" / name, pw) for name, pw in people.items()}
    say(f"accounts: {', '.join(people)}")

    # The instructor's course root: a copy of the course, private to the instructor.
    course = state / "course"
    course.mkdir(exist_ok=True)
    for item in COURSE_ITEMS:
        src, dst = ROOT / item, course / item
        if src.is_dir():
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        elif src.exists():
            shutil.copy2(src, dst)
    _chown_tree(course, accounts[INSTRUCTOR])
    os.chmod(course, 0o700)
    say(f"course root (instructor only): {course}")

    # nbgrader's exchange: everyone writes, as nbgrader requires.
    exchange = state / "exchange"
    exchange.mkdir(exist_ok=True)
    os.chmod(exchange, 0o777)

    # The learners' repository and the learners' environment built from it.
    learners_dir = state / "learners"
    tree = learners_dir / "repo"
    shutil.rmtree(learners_dir, ignore_errors=True)
    learners_dir.mkdir()
    _run([sys.executable, str(ROOT / "tools" / "learner_repo.py"), "--out", str(tree)])
    py = overlay_env(learners_dir / "env", tree)
    instructor_py = overlay_env(state / "instructor-env", None)
    for top in (learners_dir, state / "instructor-env"):
        for p in [top, *top.rglob("*")]:
            if not p.is_symlink():
                os.chmod(p, (p.stat().st_mode | stat.S_IRGRP | stat.S_IROTH
                             | (stat.S_IXGRP | stat.S_IXOTH if p.is_dir() or p.stat().st_mode & stat.S_IXUSR else 0)))
    say(f"learners' environment (learner set-up applied): {py.parent.parent}")
    say(f"instructor's environment (formgrader, grading tools): {instructor_py.parent.parent}")

    # Configuration each kind of server reads (root-owned, readable).
    for kind, text in (("learner", NBGRADER_LEARNER), ("instructor", NBGRADER_INSTRUCTOR)):
        etc = state / "etc" / kind
        (etc / "labconfig").mkdir(parents=True, exist_ok=True)
        (etc / "nbgrader_config.py").write_text(
            text.format(course_id=COURSE_ID, exchange=str(exchange), course=str(course)), encoding="utf-8")
        (etc / "labconfig" / "default_setting_overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=2))
    # JupyterHub >= 4.1 sends "frame-ancestors 'none'" unless the server sets its own policy, and
    # nbgrader's formgrader inside JupyterLab is a frame of the same server: allow 'self' for the
    # instructor's server (nbgrader's documented set-up for JupyterHub >= 4.1).
    (state / "etc" / "instructor" / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"tornado_settings": {"headers": {"Content-Security-Policy": FORMGRADER_CSP}}}}, indent=2))
    for p in [state / "etc", *(state / "etc").rglob("*")]:
        os.chmod(p, 0o755 if p.is_dir() else 0o644)

    # The instructors' checkout: learners' servers run in a mount view that hides its private
    # folders (hub/isolation.py); a learner logging in some other way (ssh) would not be.
    readable = [name for name in PRIVATE if (ROOT / name).exists() and _world_readable(ROOT / name)]
    if readable:
        say(f"note: {', '.join(readable)} in {ROOT} are hidden from learners' servers, but readable by "
            f"every account logging in otherwise; on a shared machine keep the instructors' checkout "
            f"private (chmod 700) - docs/hub.md")

    described = {"state": str(state), "course": str(course), "exchange": str(exchange),
                 "instructor": INSTRUCTOR, "learners": learners(n_learners),
                 "learner_python": str(py), "instructor_python": str(instructor_py),
                 "etc": {k: str(state / "etc" / k) for k in ("learner", "instructor")},
                 "views": views(str(py))}
    # Each environment must work for the account that uses it, in its view, not only for root.
    checks = [(INSTRUCTOR, "import graders.lms_export, workbook, nbgrader")]
    if n_learners:
        checks.append((learners(n_learners)[0], "import workbook, graders, nbgrader"))
    for who, code in checks:
        proc = run_as(described, who, ["python", "-c", code])
        if proc.returncode != 0:
            raise SystemExit(f"hub: the environment does not work for {who}:\n{proc.stderr[-3000:]}")
    (state / "class.json").write_text(json.dumps(described, indent=2), encoding="utf-8")
    return described


def hub_command(state: Path, port: int = 8000) -> tuple[list[str], dict]:
    """The JupyterHub command and environment for the class under ``state``."""
    chp = HUB / "node_modules" / ".bin" / "configurable-http-proxy"
    if not chp.exists():
        raise SystemExit(f"hub: {chp} is missing: run `make hub` (npm ci --prefix hub)")
    env = dict(os.environ, HUB_STATE=str(state), HUB_PORT=str(port),
               PATH=f"{Path(sys.executable).parent}:{chp.parent}:{os.environ.get('PATH', '/usr/bin:/bin')}")
    cmd = [sys.executable, "-m", "jupyterhub", "-f", str(HUB / "jupyterhub_config.py")]
    return cmd, env


def run(state: Path, port: int) -> int:
    if not (state / "class.json").exists():
        raise SystemExit(f"hub: no demo class in {state}: run `python -m hub.demo setup` first")
    described = json.loads((state / "class.json").read_text())
    cmd, env = hub_command(state, port)
    print(f"""
hub: the course hub is starting at http://127.0.0.1:{port}/  (this machine only)
hub: demo accounts (passwords for this demo only):
       {described['instructor']:<16} {PASSWORDS['instructor']}   (formgrader, grading tools)
       {', '.join(described['learners'])}   {PASSWORDS['learner']}
hub: stop it with Ctrl-C (the learners' servers stop with it);
     remove the demo accounts and {state} with `python -m hub.demo teardown`.
""", flush=True)
    os.chdir(state)
    os.execve(cmd[0], cmd, env)
    return 0  # not reached


def teardown(state: Path) -> None:
    if os.geteuid() != 0:
        raise SystemExit("hub: teardown must run as root")
    described = json.loads((state / "class.json").read_text()) if (state / "class.json").exists() else {}
    for name in [described.get("instructor", INSTRUCTOR), *described.get("learners", learners(3))]:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
        subprocess.run(["userdel", name], capture_output=True)
    shutil.rmtree(state, ignore_errors=True)
    print(f"hub: removed the demo accounts and {state}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m hub.demo", description=__doc__.split("\n\n")[0])
    p.add_argument("action", choices=["setup", "run", "teardown"])
    p.add_argument("--state", type=Path, default=STATE, help=f"state folder (default {STATE})")
    p.add_argument("--learners", type=int, default=3, help="number of demo learners")
    p.add_argument("--port", type=int, default=int(os.environ.get("HUB_PORT", 8000)))
    args = p.parse_args(argv)
    state = args.state.resolve()
    if args.action == "setup":
        setup(state, args.learners)
    elif args.action == "run":
        return run(state, args.port)
    else:
        teardown(state)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
