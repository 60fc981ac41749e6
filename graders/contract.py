"""The one contract between class grading's parent process and its kernel side.

Every name the parts of class grading use to talk to each other is defined here, once: the
environment variables, the report files and their fields, the status folder, the nbgrader
configuration class paths, the sandbox accounts. What crosses a process boundary is a dataclass
with ``to_json``/``from_json``, never a bare dict or tuple read by index.

Who uses what (parent = ``python -m graders.classgrade``; nbgrader = the ``nbgrader autograde``
subprocess of one batch; launcher = graders/sandbox.py, run as the kernel's command; kernel =
the sandboxed grading kernel)::

    parent   --SandboxConfig (env ENV_SANDBOX)-->  launcher  --exec-->  kernel
    parent   --nbgrader_config.py (AUTOGRADE_PREPROCESSORS, Limits)-->  nbgrader
    nbgrader --KernelReport (file in ENV_REPORT folder)-->  parent
    parent   --Result (STATUS_DIR/<assignment>.json)-->  graders.lms_export, the dashboard

Standard library only: the launcher loads this file before the kernel starts, by path.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

# --- environment variables -----------------------------------------------------------------------
ENV_SANDBOX = "CLASSGRADE_SANDBOX"   # SandboxConfig as JSON: parent -> launcher (removed before the kernel)
ENV_HANDOFF = "GRADERS_KERNEL_HANDOFF"  # a grading pod: kernels run in its kernel container (graders/handoff.py)
ENV_REPORT = "CLASSGRADE_REPORT"     # folder where GuardedExecute writes one KernelReport per student
ENV_PREFIXES_DROPPED = ("NBGRADER", "JUPYTER", "CLASSGRADE", "GRADERS_UNSANDBOXED")  # never inherited by a batch's nbgrader

# --- files and folders ---------------------------------------------------------------------------
STATUS_DIR = "classgrade"            # <course>/classgrade/<assignment>.json, logs/<assignment>/<student>.log
LOG_DIR = "logs"
CACHE_DIR = ".grading-cache"         # the trusted comparison's reference values (grader side only)
JOB_PREFIX = "classgrade-"           # temporary private courses: <tmp>/classgrade-*/
RUN_PREFIX = "classgrade-run-"
REPORT_SUFFIX = ".json"
KERNEL_PIDS = "kernel-pids"          # job folder where the launcher records each kernel's pid
# The instructor's files: unreadable by others (lock) and covered by empty mounts in the kernel (hide).
INSTRUCTOR_FILES = ("source", "submitted", "autograded", "feedback", "gradebook.db", "nbgrader_config.py")
HIDDEN_FILES = INSTRUCTOR_FILES + ("exchange", STATUS_DIR, CACHE_DIR, "tests", "authoring", "datagen")
PACKAGES = ("graders", "workbook")   # the course's packages the kernel imports

# --- the sandbox ---------------------------------------------------------------------------------
ACCOUNT_PREFIX = "cgrade"            # slot accounts cgrade0, cgrade1, ...
KERNEL_NAME = "classgrade-sandbox"   # the kernelspec whose command is graders/sandbox.py
BWRAP = "/usr/bin/bwrap"             # bubblewrap (Debian's bubblewrap; tools/install_sandbox.sh)
IPC_DIR = "ipc"                      # job folder of the kernels' ZeroMQ sockets (no network in the sandbox)

# --- nbgrader configuration of a batch --------------------------------------------------------------
GUARD = "graders.guard.GuardedExecute"
COMPARE = "graders.compare.CompareHidden"
WITHHOLD = "graders.withhold.WithholdAnswerText"  # test cells' answer text stays in the nbgrader process
INTEGRITY_MODULE = "graders.kernel.integrity"
_AFTER = ["nbgrader.preprocessors.IgnorePattern", "nbconvert.preprocessors.ClearMetadataPreprocessor",
          "nbgrader.preprocessors.LimitOutput", "nbgrader.preprocessors.SaveAutoGrades",
          "nbgrader.preprocessors.AssignLatePenalties", "nbgrader.preprocessors.CheckCellMetadata"]


REFUSE = "graders.guard.RefuseUnsandboxed"
# Plain nbgrader (the formgrader's Autograde button, `nbgrader autograde`) refuses to run learners'
# code unless the nbgrader process was started with this variable (maintainers' throw-away courses).
UNSANDBOXED_OVERRIDE = "GRADERS_UNSANDBOXED_AUTOGRADE"
UNSANDBOXED_OVERRIDE_VALUE = "maintainer-tests-only"


def refusal(assignment: str) -> str:
    """The one line plain nbgrader prints instead of grading."""
    return (f"refused: plain nbgrader autograde (and formgrader's Autograde button) would run learners' code as "
            f"you, outside the grading sandbox; grade with `python -m graders.classgrade {assignment}` "
            f"(or `make grade A={assignment}`) from the course root")


def course_autograde_preprocessors() -> list[str]:
    """The same for a plain `nbgrader autograde` and the formgrader (nbgrader_config.py): the
    Execute step refuses (see :data:`UNSANDBOXED_OVERRIDE`); the rest as in class grading."""
    return [WITHHOLD, REFUSE, COMPARE, *_AFTER]


def autograde_preprocessors() -> list[str]:
    """nbgrader's Autograde preprocessors: test cells stripped of their answer text, the guarded
    Execute, right after it the trusted comparison of hidden checks (which puts the texts back),
    then nbgrader's own. The one place this list is written."""
    return [WITHHOLD, GUARD, COMPARE, *_AFTER]


# --- canary: two pseudo-students graded before anyone else ------------------------------------------
# jsonschema imports the optional IRI checker rfc3987_syntax, which compiles a lark grammar on every
# import (about 1 s of CPU, half of nbgrader's start-up); notebooks never hold IRIs to validate.
# The grader's own processes leave it out: the same nbgrader, started faster.
SKIPPED_IMPORTS = ("rfc3987_syntax",)


def skip_slow_imports() -> None:
    """Make the optional imports above fail fast in this process (before jsonschema is imported)."""
    import sys
    for name in SKIPPED_IMPORTS:
        sys.modules.setdefault(name, None)


def nbgrader_argv(*args: str) -> list[str]:
    """The command line of ``nbgrader ARGS`` (nbgrader's own entry point) in this environment,
    with :data:`SKIPPED_IMPORTS` left out."""
    import sys
    code = (f"import sys; sys.modules.update(dict.fromkeys({SKIPPED_IMPORTS!r})); "
            "from nbgrader.apps.nbgraderapp import main; sys.exit(main())")
    return [sys.executable, "-c", code, *args]


CANARY_REFERENCE = "classgrade-canary-reference"   # the release filled with the reference answers
CANARY_BLANK = "classgrade-canary-blank"           # the release as learners receive it
CANARIES = (CANARY_REFERENCE, CANARY_BLANK)


@dataclass
class Limits:
    """Resource limits of one grading kernel (defaults shared by the CLI, the config and the guard)."""
    cell_timeout: int = 60          # seconds per cell (nbgrader's Execute.timeout)
    notebook_timeout: int = 600     # seconds for the whole notebook
    mem_mb: int = 2048              # address space of the kernel
    nproc: int = 64                 # processes and threads of the sandbox account
    fsize_mb: int = 64              # largest file the kernel may write
    max_output_chars: int = 100_000  # output kept per cell
    max_line_chars: int = 2_000     # longest output line kept
    max_lines: int = 200            # nbgrader's LimitOutput.max_lines


@dataclass(frozen=True)
class Slot:
    """One parallel grading slot: its unprivileged account (None when not root)."""
    name: str
    uid: int
    gid: int


class _Json:
    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None):
        data = json.loads(text) if text else {}
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class SandboxConfig(_Json):
    """What the launcher needs to start one kernel (read from ``ENV_SANDBOX``)."""
    uid: int | None = None
    gid: int | None = None
    home: str = ""
    mem_mb: int | None = None
    nproc: int | None = None
    fsize_mb: int | None = None
    cpu_s: int | None = None
    namespace: bool = False
    keep: list[str] = field(default_factory=list)      # folders bound into the kernel's view of /root, /home
    hide: list[str] = field(default_factory=list)      # paths covered by empty mounts
    private_root: str = ""                             # per-student private /tmp, /var/tmp, /dev/shm
    pythonpath: str = ""                               # where the kernel imports the course's packages from
    pid_dir: str = ""                                  # where the launcher records the kernel's pid
    bwrap: str = ""                                    # bubblewrap's path: the kernel sees only what is allowed
    allow_ro: list[str] = field(default_factory=list)  # folders the kernel may read (besides Python, /usr)
    allow_rw: list[str] = field(default_factory=list)  # folders it may write (besides its copy and home)

    def to_env(self) -> dict[str, str]:
        return {ENV_SANDBOX: self.to_json()}

    @classmethod
    def from_env(cls, environ=os.environ) -> "SandboxConfig":
        return cls.from_json(environ.get(ENV_SANDBOX))


@dataclass
class KernelReport(_Json):
    """What GuardedExecute saw while one notebook ran (one file per student in ``ENV_REPORT``)."""
    events: list[str] = field(default_factory=list)       # kernel died, time limit...
    tampering: list[str] = field(default_factory=list)    # the learner changed the grading machinery
    faults: list[str] = field(default_factory=list)       # the grader itself failed (never the learner's)
    not_run: list[str] = field(default_factory=list)      # grade ids of cells not run
    timeouts: list[str] = field(default_factory=list)     # grade ids that hit the cell time limit
    truncated: list[int] = field(default_factory=list)    # cell indexes whose output was cut
    errors: list[str] = field(default_factory=list)       # "<grade id> (<exception>)" of answer cells
    origins: dict[str, str] = field(default_factory=dict)  # package -> folder it was imported from
    seconds: float = 0.0

    @staticmethod
    def path(folder: str | Path, student: str) -> Path:
        return Path(folder) / f"{student}{REPORT_SUFFIX}"

    def write(self, folder: str | Path, student: str) -> None:
        self.path(folder, student).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def read(cls, folder: str | Path, student: str) -> "KernelReport | None":
        p = cls.path(folder, student)
        return cls.from_json(p.read_text(encoding="utf-8")) if p.exists() else None


@dataclass
class Result:
    """One student's result for one assignment: a summary line and a record of the status file."""
    assignment: str
    student: str
    status: str = "graded"          # graded | flagged | failed
    reasons: list[str] = field(default_factory=list)
    score: float | None = None      # total (auto + manual so far)
    auto_score: float | None = None
    max_score: float | None = None
    auto_max_score: float | None = None  # the assignment's auto-graded maximum
    needs_manual_grade: bool = False
    seconds: float = 0.0
    kernel_seconds: float = 0.0

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    def record(self) -> dict:
        """The status file's record (``reason`` joined for readers such as graders.lms_export)."""
        return {**asdict(self), "reason": self.reason}
