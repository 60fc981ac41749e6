"""nbgrader's Execute, hardened for untrusted notebooks (used by ``python -m graders.classgrade``).

Compared with ``nbgrader.preprocessors.Execute`` it adds

- a **notebook time limit** on top of nbgrader's per-cell ``Execute.timeout``: once it is spent,
  the remaining cells are not run (each gets a ``NotebookTimeLimit`` error, so its tests score 0);
- recovery from a **dead or stuck kernel**: a kernel that dies (exit, ``os._exit``, a signal, the
  memory limit) or does not stop after an interrupt (a loop that ignores ``KeyboardInterrupt``)
  is killed, the cell gets an error saying so, and the remaining cells are not run. The points
  earned before stay; nbgrader's own Execute would abort the whole notebook instead;
- an **output cap** while the cell runs (``max_output_chars`` per cell, lines longer than
  ``max_line_chars`` are cut), so an output flood cannot exhaust the grader's memory;
- a **quicker kernel start and stop** (graders/kernels.py), and a kernel that does not come up
  replaced before any of the learner's code runs;
- the **integrity guard** (graders/integrity.py) before and after every auto-graded test cell:
  tampering is undone before the test runs; a test cell during which the machinery changed
  scores 0.

What happened is written as a :class:`graders.contract.KernelReport` into the folder named by
``ENV_REPORT`` (if set), which classgrade reads to explain each student's result. A failure of the
grader itself (the guard cannot load, a course package cannot be imported, before any learner
code ran) is a *fault*, never reported as the learner's tampering.
"""
from __future__ import annotations

import ast
import json
import os
import time

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_locked, is_solution
from traitlets import Bool, Integer

from graders.contract import ENV_REPORT, INTEGRITY_MODULE, KernelReport, Limits
from graders.kernels import QuickKernelManager

_CALL = f"__import__({INTEGRITY_MODULE!r}, fromlist=['x']).{{}}"


def _error(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _errors(cell) -> list[NotebookNode]:
    return [o for o in cell.outputs if o.get("output_type") == "error"]


class GuardedExecute(Execute):
    notebook_timeout = Integer(Limits.notebook_timeout, help="Seconds for the whole notebook (wall clock).").tag(config=True)
    max_output_chars = Integer(Limits.max_output_chars, help="Characters of output kept per cell.").tag(config=True)
    max_line_chars = Integer(Limits.max_line_chars, help="Longest output line kept (longer lines are cut).").tag(config=True)
    integrity = Bool(True, help="Run the integrity guard around test cells.").tag(config=True)
    start_attempts = Integer(3, help="Kernels started before a notebook counts as failed to start.").tag(config=True)
    stuck_grace = Integer(5, help="Seconds a kernel has to answer after an interrupt.").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", QuickKernelManager)  # nbgrader's Execute sets its own
        super().__init__(*args, **kwargs)

    async def async_start_new_kernel(self, **kwargs):
        self._start_kwargs = kwargs  # the working directory, for a replacement kernel
        return await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)

    async def async_start_new_kernel_client(self):
        """nbclient's, retried with a new kernel when the kernel does not come up: parallel graders
        start kernels at once, and one may bind a port another has just picked ("Address already in
        use"). Nothing of the learner's has run yet, so a retry changes nothing but the outcome."""
        for attempt in range(1, self.start_attempts + 1):
            try:
                return await super().async_start_new_kernel_client()
            except RuntimeError as exc:  # nbclient has already shut that kernel down
                if attempt == self.start_attempts:
                    raise
                self.log.warning("the grading kernel did not start (%s): starting another (%d of %d)",
                                 exc, attempt + 1, self.start_attempts)
                if self.km is None:  # nbclient dropped the manager it owned
                    self.km = self.create_kernel_manager()
                await self.async_start_new_kernel(**getattr(self, "_start_kwargs", {}))

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def preprocess(self, nb, resources=None, km=None):
        self._report = KernelReport()
        self._deadline = time.monotonic() + self.notebook_timeout
        self._stopped = ""  # why the remaining cells are not run
        self._snapshotted = False
        self._out_chars: dict[int, int] = {}
        t0 = time.monotonic()
        try:
            return super().preprocess(nb, resources, km)
        finally:
            self._report.seconds = round(time.monotonic() - t0, 3)
            folder = os.environ.get(ENV_REPORT)
            if folder and os.path.isdir(folder):
                self._report.write(folder, (resources or {}).get("nbgrader", {}).get("student") or "report")

    # -- talking to the kernel outside the notebook's cells -------------------------------------
    def _expr(self, expr: str, timeout: float = 20):
        """Evaluate an expression as a user_expression of an empty silent request (no input
        transformers, no execution events). Returns the Python value, or raises RuntimeError."""
        msg_id = self.kc.execute("", silent=True, store_history=False, user_expressions={"r": expr})

        async def wait():
            end = time.monotonic() + timeout
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    raise RuntimeError("no answer from the kernel")
                try:
                    msg = await self.kc.shell_channel.get_msg(timeout=left)
                except Exception:
                    if not await self.km.is_alive():
                        raise RuntimeError("kernel died")
                    continue
                if msg["parent_header"].get("msg_id") == msg_id:
                    return msg

        reply = run_sync(wait)()
        res = reply["content"].get("user_expressions", {}).get("r", {})
        if res.get("status") != "ok":
            raise RuntimeError(f"{res.get('ename', 'error')}: {res.get('evalue', '')}")
        return ast.literal_eval(res["data"]["text/plain"])

    def _snapshot(self) -> None:
        """Before the first cell: record the genuine machinery and where the course's packages come
        from. Nothing of the learner's has run yet, so any failure here is the grader's fault."""
        self._snapshotted = True
        try:
            state = json.loads(self._expr(_CALL.format("snapshot()"), timeout=60))
        except Exception as exc:
            self._report.faults.append(f"the integrity guard could not load in the grading kernel ({exc})")
            self.integrity = False  # no snapshot: nothing to verify against, and no learner to blame
            return
        self._report.origins = dict(state.get("origins", {}))
        for name, err in state.get("errors", {}).items():
            self._report.faults.append(f"the grading kernel cannot import {name} ({err})")

    def _guard(self, phase: str, gid: str) -> list[str]:
        try:
            found = json.loads(self._expr(_CALL.format(f"verify({phase!r})")))
        except Exception as exc:  # the guard loaded before the learner's code ran: it was broken since
            found = [f"integrity check could not run ({exc})"]
        for item in found:
            self._report.tampering.append(f"{gid} ({phase} the test): {item}")
        return found

    def _alive_and_idle(self) -> bool:
        try:
            self._expr("1", timeout=self.stuck_grace)
            return True
        except Exception:
            return False

    def _kill(self, why: str) -> None:
        self._stopped = why
        self._report.events.append(why)
        try:
            run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:
            pass

    # -- output cap ------------------------------------------------------------------------------
    def output(self, outs, msg, display_id, cell_index):
        msg_type = msg["msg_type"]
        content = msg.get("content", {})
        if msg_type == "stream":
            text = content.get("text", "")
            lines = text.split("\n")
            if any(len(line) > self.max_line_chars for line in lines):
                text = "\n".join(line if len(line) <= self.max_line_chars else
                                 line[: self.max_line_chars] + " [... line cut by the grader]" for line in lines)
                content["text"] = text
                if cell_index not in self._report.truncated:
                    self._report.truncated.append(cell_index)
            used = self._out_chars.get(cell_index, 0)
            if used >= self.max_output_chars:
                return None
            if used + len(text) > self.max_output_chars:
                content["text"] = text[: self.max_output_chars - used] + "\n[... output cut by the grader]\n"
                if cell_index not in self._report.truncated:
                    self._report.truncated.append(cell_index)
            self._out_chars[cell_index] = used + len(content["text"])
        elif msg_type == "error":
            content["traceback"] = [t[: self.max_line_chars] for t in content.get("traceback", [])[-20:]]
        elif msg_type in ("display_data", "execute_result", "update_display_data"):
            size = sum(len(str(v)) for v in content.get("data", {}).values())
            used = self._out_chars.get(cell_index, 0)
            if used + size > self.max_output_chars * 10:
                return None
            self._out_chars[cell_index] = used + size // 10
        return super().output(outs, msg, display_id, cell_index)

    # -- cells -----------------------------------------------------------------------------------
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, resources
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell {index}")
        if not self._stopped and time.monotonic() > self._deadline:
            self._stopped = f"notebook time limit ({self.notebook_timeout} s) reached before {gid}"
            self._report.events.append(self._stopped)
        if self._stopped:
            cell.outputs = [_error("NotRun", f"not run by the grader: {self._stopped}")]
            self._report.not_run.append(gid)
            return cell, resources
        if not self._snapshotted:
            self._snapshot()
        test = is_grade(cell) and not is_solution(cell)
        if self.integrity and test:
            self._guard("before", gid)
        cell, alive = self._run(cell, resources, index, gid)
        if alive:
            self._after(cell, gid, test)
        return cell, resources

    def _run(self, cell, resources, index, gid):
        """Execute one cell within what is left of the notebook's time: (cell, False if the kernel was lost)."""
        saved_timeout = self.timeout
        self.timeout = max(1, min(self.timeout or 10 ** 6, int(self._deadline - time.monotonic()) + 1))
        try:
            cell, _ = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            cell.outputs.append(_error("KernelDied", "the kernel died while this cell ran (it exited, was "
                                       "killed, or hit the memory, process or CPU limit)"))
            self._kill(f"kernel died in {gid}")
            return cell, False
        except CellTimeoutError:  # nbclient gave up waiting for output after the interrupt
            self._report.timeouts.append(gid)
            cell.outputs.append(_error("KernelStuck", "the cell did not stop when interrupted; the kernel was stopped"))
            self._kill(f"kernel did not stop after the time limit in {gid}")
            return cell, False
        finally:
            self.timeout = saved_timeout
        if any(o.get("ename") == "CellTimeoutError" for o in _errors(cell)):
            self._report.timeouts.append(gid)
            if not self._alive_and_idle():
                cell.outputs.append(_error("KernelStuck", "the cell did not stop when interrupted; the kernel was stopped"))
                self._kill(f"kernel did not stop after the time limit in {gid}")
                return cell, False
        return cell, True

    def _after(self, cell, gid: str, test: bool) -> None:
        """Record an answer cell's errors; after a test cell, verify the machinery again."""
        if is_solution(cell):
            self._report.errors += [f"{gid} ({o.get('ename')})" for o in _errors(cell)
                                    if o.get("ename") != "CellTimeoutError"]
        if not test and self.integrity and is_locked(cell):
            try:
                self._expr(_CALL.format("note_instructor_cell()"))
            except Exception:
                pass
        if self.integrity and test:
            during = self._guard("after", gid)
            if during:
                cell.outputs.append(_error("GradingIntegrityError", "the grading machinery was changed while "
                                           "this test ran: " + "; ".join(during[:3])))


class UnsandboxedRefused(RuntimeError):
    """Plain nbgrader was asked to run learners' code outside the grading sandbox."""


class RefuseUnsandboxed(Execute):
    """The Execute step of the course's own nbgrader config: plain ``nbgrader autograde`` and the
    formgrader's Autograde button would run each learner's code as the instructor, with the
    instructor's files in reach, so they refuse with one line naming the safe command.
    ``python -m graders.classgrade`` (``make grade``) writes its own config with the sandboxed
    :class:`GuardedExecute` and never reaches this class. The maintainers' round-trip tests run
    plain nbgrader on throw-away courses by setting ``UNSANDBOXED_OVERRIDE`` in the nbgrader
    process's environment (a learner's code runs only after that process decided)."""

    def preprocess(self, nb, resources=None, km=None):
        from graders.contract import UNSANDBOXED_OVERRIDE, UNSANDBOXED_OVERRIDE_VALUE, refusal

        if os.environ.get(UNSANDBOXED_OVERRIDE) == UNSANDBOXED_OVERRIDE_VALUE:
            return super().preprocess(nb, resources, km)
        message = refusal((resources or {}).get("nbgrader", {}).get("assignment") or "<assignment>")
        self.log.error(message)
        raise UnsandboxedRefused(message)
