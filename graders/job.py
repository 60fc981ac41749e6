"""One batch of students graded in one private course by one ``nbgrader autograde`` process.

The private course (a temporary folder readable only by the slot account's group) holds the
assignment's source, a copy of the gradebook taken before the run and the batch's submissions.
nbgrader runs there with graders.guard.GuardedExecute in place of its Execute and the kernel
started by graders/sandbox.py. Afterwards each student's :class:`~graders.contract.KernelReport`
and the private gradebook are turned into :class:`~graders.contract.Result`s (graders/results.py).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from graders import accounts, interrupt, mounts, sandbox
from graders.contract import (CACHE_DIR, CANARIES, ENV_HANDOFF, ENV_PREFIXES_DROPPED, ENV_REPORT, IPC_DIR, JOB_PREFIX,
                              KERNEL_NAME, KERNEL_PIDS, KernelReport, Limits, Result, SandboxConfig, Slot,
                              autograde_preprocessors, nbgrader_argv)
from graders.preflight import Preflight


@dataclass
class Setup:
    """What every batch of a run shares (decided once by the parent)."""
    root: Path                       # the course being graded
    limits: Limits
    workbase: Path                   # where private courses are made
    template: Path                   # the gradebook copy every private course starts from
    namespace: bool                  # mount namespaces available
    drop: bool                       # the kernel runs as a slot account
    pythonpath: str                  # where the kernel imports the course's packages from
    keep: list[str] = field(default_factory=list)
    hide: list[str] = field(default_factory=list)
    bwrap: str = ""                  # bubblewrap, when the kernel's view is an allow-list (graders/sandbox.py)
    auto_max: dict[str, float] = field(default_factory=dict)   # assignment -> auto-graded maximum


@dataclass
class Submission:
    student: str
    notebooks: dict[str, Preflight]

    @property
    def flags(self) -> list[str]:
        return [f for p in self.notebooks.values() for f in p.flags]


@dataclass
class Batch:
    assignment: str
    submissions: list[Submission]
    results: list[Result] = field(default_factory=list)
    course: Path | None = None       # the private course, until merged
    log: str = ""
    reports: dict[str, KernelReport] = field(default_factory=dict)

    @property
    def students(self) -> list[str]:
        return [s.student for s in self.submissions]


# ---------------------------------------------------------------------------------------- the course
def _private_course(setup: Setup, batch: Batch, slot: Slot | None) -> Path:
    job = Path(tempfile.mkdtemp(prefix=JOB_PREFIX, dir=setup.workbase))
    interrupt.track(job)
    if slot:
        os.chown(job, 0, slot.gid)
    job.chmod(0o710)
    course = job / "course"
    course.mkdir(mode=0o711)
    course.chmod(0o711)
    a = batch.assignment
    shutil.copytree(setup.root / "source" / a, course / "source" / a, symlinks=False)
    (course / "source").chmod(0o700)
    shutil.copy(setup.template, course / "gradebook.db")
    (course / "gradebook.db").chmod(0o600)
    for sub in batch.submissions:
        src = setup.root / "submitted" / sub.student / a
        if sub.student in CANARIES:  # the canary gets what learners get with their notebook (data/)
            src = setup.root / "release" / a
        dest = course / "submitted" / sub.student / a
        if src.is_dir():
            shutil.copytree(src, dest, symlinks=False,
                            ignore=lambda d, names, sd=src: [n for n in names if n.endswith(".ipynb") and Path(d) == sd])
        dest.mkdir(parents=True, exist_ok=True)
        for name, pre in sub.notebooks.items():
            nbformat.write(pre.notebook, dest / f"{name}.ipynb")
    (course / "submitted").chmod(0o700)
    (course / "autograded").mkdir(mode=0o711)
    for name, mode in (("home", 0o755), ("reports", 0o700), ("private", 0o711), ("runtime", 0o711),
                       (KERNEL_PIDS, 0o700)):
        (job / name).mkdir()
        (job / name).chmod(mode)
    walled = bool(setup.bwrap and slot and setup.namespace)
    if walled:  # the kernel has no network: nbgrader talks to it through Unix sockets in this folder
        (job / IPC_DIR).mkdir()
        (job / IPC_DIR).chmod(0o1777)
    # under bubblewrap, or in a grading pod's kernel container, the kernel is not the launcher's process
    handed = bool(os.environ.get(ENV_HANDOFF))
    sandbox.write_kernelspec(job / "share", interrupt_mode="message" if walled or handed else "signal")
    (course / "nbgrader_config.py").write_text(config_text(setup, course))
    (course / "nbgrader_config.py").chmod(0o600)
    return course


def config_text(setup: Setup, course: Path) -> str:
    """The course's nbgrader config plus this private course's grading settings."""
    L = setup.limits
    main_cfg = setup.root / "nbgrader_config.py"
    text = main_cfg.read_text() if main_cfg.exists() else "c = get_config()\n"
    pps = autograde_preprocessors()
    return text + f"""

# --- added by graders.classgrade for this private grading course ---
c.CourseDirectory.root = {str(course)!r}
c.Autograde.autograde_preprocessors = {pps!r}
c.Execute.timeout = {L.cell_timeout}
c.Execute.interrupt_on_timeout = True
c.Execute.shutdown_kernel = "immediate"  # the graded kernel's state is not needed afterwards
c.Execute.kernel_name = {KERNEL_NAME!r}
c.GuardedExecute.notebook_timeout = {L.notebook_timeout}
c.GuardedExecute.max_output_chars = {L.max_output_chars}
c.GuardedExecute.max_line_chars = {L.max_line_chars}
c.LimitOutput.max_lines = {L.max_lines}
c.CompareHidden.cache_dir = {str(setup.root / CACHE_DIR)!r}  # one reference run for the whole class
""" + (f"""c.KernelManager.transport = "ipc"  # the sandboxed kernel has no network: Unix sockets
c.KernelManager.ip = {str(course.parent / IPC_DIR / "k")!r}
""" if (course.parent / IPC_DIR).is_dir() else "")


def _env(setup: Setup, job: Path, slot: Slot | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIXES_DROPPED)}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    # nbgrader (and the preprocessors it loads) use the same packages as the kernel
    env["PYTHONPATH"] = os.pathsep.join(p for p in (setup.pythonpath, env.get("PYTHONPATH", "")) if p)
    env.update(JUPYTER_PATH=str(job / "share"), JUPYTER_RUNTIME_DIR=str(job / "runtime"))
    env[ENV_REPORT] = str(job / "reports")
    env["NBFORMAT_VALIDATOR"] = "fastjsonschema"  # nbformat's faster validator (same schema): ~14x per check
    L = setup.limits
    cfg = SandboxConfig(uid=slot.uid if slot else None, gid=slot.gid if slot else None, home=str(job / "home"),
                        mem_mb=L.mem_mb, nproc=L.nproc, fsize_mb=L.fsize_mb, cpu_s=L.notebook_timeout + 10,
                        namespace=bool(setup.namespace and slot), keep=[str(job), *setup.keep], hide=setup.hide,
                        private_root=str(job / "private"), pythonpath=setup.pythonpath, pid_dir=str(job / KERNEL_PIDS),
                        bwrap=setup.bwrap if (job / IPC_DIR).is_dir() else "",
                        allow_rw=[str(job / IPC_DIR)] if (job / IPC_DIR).is_dir() else [])
    env.update(cfg.to_env())
    return env


# ---------------------------------------------------------------------------------------- the run
def _autograde(setup: Setup, batch: Batch, course: Path, slot: Slot | None, tick) -> str:
    """Run nbgrader; returns why the run broke ("" when it finished)."""
    job = course.parent
    cmd = nbgrader_argv("autograde", batch.assignment, "--force", "--log-level=WARN")
    if len(batch.submissions) == 1:
        cmd += ["--student", batch.submissions[0].student]
    budget = (setup.limits.notebook_timeout + 60) * len(batch.submissions) + 60
    interrupt.live(job, job / KERNEL_PIDS, slot.uid if slot else None)
    proc = interrupt.popen(cmd, cwd=course, env=_env(setup, job, slot), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    broke, out, seen, exited = "", None, 0, None
    deadline = time.monotonic() + budget
    try:
        while out is None:
            try:
                out, _ = proc.communicate(timeout=1)
            except subprocess.TimeoutExpired:
                done = sum(1 for _ in (job / "reports").glob("*.json"))
                if tick and done > seen:  # progress: one report per graded notebook
                    tick(done - seen)
                    seen = done
                exited = exited or (time.monotonic() if proc.poll() is not None else None)
                # nbgrader gone but its output still open: a kernel that outlived it holds the pipe
                orphaned = exited is not None and time.monotonic() - exited > 5
                if interrupt.stopping or orphaned or time.monotonic() > deadline:
                    out = _stop(proc, job, slot)
                    if not interrupt.stopping and not orphaned:
                        broke = f"grading did not finish within {budget} s"
    finally:
        interrupt.forget(proc)
    batch.log = out or ""
    if interrupt.stopping:
        raise interrupt.Interrupted(interrupt.stopping)
    return broke


def _stop(proc: subprocess.Popen, job: Path, slot: Slot | None) -> str:
    """Kill nbgrader and every kernel of the job (a kernel keeps nbgrader's output open), then read
    what nbgrader wrote; never waits for a pipe a stray process still holds."""
    with contextlib.suppress(OSError):
        os.killpg(proc.pid, 9)
    accounts.kill_pids(job / KERNEL_PIDS)
    if slot:
        accounts.kill_account(slot.uid)
    try:
        return proc.communicate(timeout=10)[0] or ""
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.stdout.close()
        proc.wait()
        return ""


def run_batch(setup: Setup, batch: Batch, slot: Slot | None, tick=None) -> Batch:
    """Grade one batch; fills ``batch.results`` and ``batch.course`` (removed by the caller after merging)."""
    t0 = time.monotonic()
    slot = slot if setup.drop else None
    course = _private_course(setup, batch, slot)
    batch.course = course
    left = 0
    try:
        broke = _autograde(setup, batch, course, slot, tick)
    finally:  # still holding the slot: its account's processes are ours to kill
        left = accounts.kill_account(slot.uid) if slot else 0
        interrupt.settle(course.parent)
    if left:
        mounts.note_leftovers(course.parent / "private", left)
    from graders.results import collect
    batch.results = collect(setup, batch, course, slot, broke, time.monotonic() - t0)
    return batch


def remove(batch: Batch) -> None:
    if batch.course is not None:
        shutil.rmtree(batch.course.parent, ignore_errors=True)
        interrupt.untrack(batch.course.parent)
        batch.course = None
