"""The class run: preflight, canary, parallel batches, merge (see graders/classgrade.py for the CLI).

1. **Preflight** every submission (graders/preflight.py).
2. **Canary**: the reference solution and the blank release are two pseudo-students at the head
   of the first batch (graders/canary.py). Nothing is recorded until both behaved; if they did
   not, the run stops and nobody is graded.
3. **Batches**: a few students per private course and ``nbgrader autograde`` process
   (graders/job.py), ``jobs`` at once, each in its own sandbox slot.
4. **Merge** each finished batch into the course gradebook (graders/merge.py), then the summary
   and ``classgrade/<assignment>.json``.
"""
from __future__ import annotations

import importlib.util
import math
import os
import queue
import shutil
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from graders import accounts, canary, interrupt, job, merge
from graders.contract import (CACHE_DIR, CANARIES, ENV_HANDOFF, HIDDEN_FILES, INSTRUCTOR_FILES, PACKAGES, RUN_PREFIX,
                              Limits, Result)
from graders.course import ROOT as CHECKOUT
from graders.course import auto_max_score
from graders.preflight import preflight


class RunError(Exception):
    """The run itself cannot proceed (not a student's problem)."""


def package_root(root: Path) -> Path:
    """Where the grading kernel imports the course's packages from: the course being graded when it
    holds them (whichever checkout the environment was installed from), else the environment's."""
    if all((root / p / "__init__.py").exists() for p in PACKAGES):
        return root
    spec = importlib.util.find_spec(PACKAGES[0])
    return Path(list(spec.submodule_search_locations)[0]).resolve().parent


def installed_checkout() -> Path | None:
    """The checkout the environment was installed from (an editable install's ``direct_url.json``)."""
    import json
    from importlib import metadata
    from urllib.parse import unquote, urlparse
    for dist in metadata.distributions():
        try:
            info = json.loads(dist.read_text("direct_url.json") or "{}")
        except ValueError:
            continue
        url = urlparse(info.get("url", ""))
        path = Path(unquote(url.path))
        if url.scheme == "file" and info.get("dir_info", {}).get("editable") and (path / PACKAGES[0]).is_dir():
            return path
    return None


class ClassGrader:
    def __init__(self, root: Path, jobs: int | None = None, limits: Limits | None = None,
                 workdir: Path | None = None, quiet: bool = False, batch: int | None = None):
        self.root = Path(root).resolve()
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.limits = limits or Limits()
        self.workbase = Path(workdir or tempfile.gettempdir())
        self.quiet = quiet
        self.batch = batch
        self.db = self.root / "gradebook.db"
        self.namespace = accounts.namespaces_available()
        # in a grading pod the kernel container is the kernel's account (graders/handoff.py)
        handed = bool(os.environ.get(ENV_HANDOFF))
        self.drop = not handed and os.geteuid() == 0 and (self.namespace or accounts.interpreter_reachable())
        self.bwrap = accounts.bwrap_usable() if self.namespace and self.drop else ""
        self.packages = package_root(self.root)

    # --- the course
    def hidden_paths(self) -> list[str]:
        """What the kernel must not see, even where file modes would let it: the instructor's
        files of this course, of the checkout that holds its packages, of the one this grader
        runs from and of the one the environment was installed from."""
        roots = {self.root, self.packages, CHECKOUT, installed_checkout() or CHECKOUT}
        return sorted(str(r / n) for r in roots for n in HIDDEN_FILES if (r / n).exists())

    def assignments(self) -> list[str]:
        from nbgrader.api import Gradebook
        if not self.db.exists():
            raise RunError(f"no gradebook at {self.db}: run `nbgrader generate_assignment` first")
        with Gradebook(f"sqlite:///{self.db}") as gb:
            return sorted(a.name for a in gb.assignments)

    def students(self, assignment: str) -> list[str]:
        sub = self.root / "submitted"
        if not sub.is_dir():
            return []
        return sorted(p.name for p in sub.iterdir() if (p / assignment).is_dir())

    def lock_course(self) -> None:
        """Nobody but the grader may read the instructor's files, the submissions or the cache."""
        (self.root / CACHE_DIR).mkdir(mode=0o700, exist_ok=True)
        for name in (*INSTRUCTOR_FILES, CACHE_DIR):
            p = self.root / name
            if p.exists():
                p.chmod(p.stat().st_mode & ~0o077)

    # --- preparing the run
    def _setup(self, assignments: list[str], work: Path) -> tuple[job.Setup, dict[str, list[str]]]:
        from nbgrader.api import Gradebook
        known = set(self.assignments())
        unknown = [a for a in assignments if a not in known]
        if unknown:
            raise RunError(f"assignment(s) not in the gradebook: {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(known)) or 'none'})")
        with Gradebook(f"sqlite:///{self.db}") as gb:
            found = {a: gb.find_assignment(a) for a in assignments}
            names = {a: [n.name for n in found[a].notebooks] for a in assignments}
            auto_max = {a: auto_max_score(found[a]) for a in assignments}
        shutil.copy(self.db, work / "gradebook.db")
        pkg_dirs = [str(self.packages / p) for p in PACKAGES]
        return job.Setup(root=self.root, limits=self.limits, workbase=self.workbase, template=work / "gradebook.db",
                         namespace=self.namespace, drop=self.drop, pythonpath=str(self.packages), keep=pkg_dirs,
                         hide=self.hidden_paths(), bwrap=self.bwrap, auto_max=auto_max), names

    def _preflight(self, a: str, names: list[str], students: list[str]) -> tuple[list[Result], list[job.Submission]]:
        failed, todo = [], []
        for s in students:
            folder = self.root / "submitted" / s / a
            checked = {n: preflight(folder, n, self.root / "release" / a / f"{n}.ipynb") for n in names}
            reasons = [f for p in checked.values() for f in p.failures]
            if s in CANARIES:
                reasons = [f"the student id {s} is reserved for classgrade's canary: rename the folder"]
            if reasons:
                failed.append(Result(a, s, status="failed", reasons=reasons))
            else:
                todo.append(job.Submission(s, checked))
        return failed, todo

    def _warm_reference(self, assignments: list[str]) -> None:
        """Start the reference runs (graders/reference.py) now, beside the preflight and the
        batches' start-up, so that no batch waits for them with a core idle. A failure is left to
        the batch that needs the values: it reports a grader fault and the canary stops the run."""
        from graders import reference

        def warm() -> None:
            for a in assignments:
                for name in self._names[a]:
                    try:
                        reference.reference_probes(self.root, a, name, cache_dir=self.root / CACHE_DIR)
                    except Exception:  # noqa: BLE001 - reported by the batch that needs it
                        pass

        threading.Thread(target=warm, name="reference-run", daemon=True).start()

    def _batches(self, a: str, todo: list[job.Submission]) -> list[job.Batch]:
        """A multiple of ``jobs`` batches of at most 25, as even as possible (no worker idles at the
        end; few nbgrader start-ups, each ~3 s of CPU). The canaries head the first batch."""
        subs = canary.submissions(self.root, a, self._names[a])
        body = list(todo)
        count = self.jobs * math.ceil((len(body) + len(subs)) / (self.jobs * 25))
        size = self.batch or max(1, math.ceil((len(body) + len(subs)) / count))
        # the canaries head the first batch (counted in its size): once it is done, batches are
        # recorded as they finish, while the others still run
        groups = [(subs + body)[i:i + size] for i in range(0, len(body) + len(subs), size)]
        return [job.Batch(a, g) for g in groups]

    # --- everything
    def run(self, assignments: list[str], students: list[str] | None = None) -> list[Result]:
        interrupt.reset()
        work = Path(tempfile.mkdtemp(prefix=RUN_PREFIX, dir=self.workbase))
        interrupt.track(work)
        try:
            setup, self._names = self._setup(assignments, work)
            self.lock_course()
            self._warm_reference(assignments)
            failed, batches = [], []
            for a in assignments:
                bad, todo = self._preflight(a, self._names[a], students if students is not None else self.students(a))
                for r in bad:
                    r.auto_max_score = setup.auto_max[a]
                failed += bad
                batches += self._batches(a, todo)
            results = self._grade(setup, batches, failed)
        except canary.CanaryError as exc:
            raise RunError(str(exc)) from None
        finally:
            interrupt.cleanup()
        results.sort(key=lambda r: (r.assignment, r.student))
        merge.write_status(self.root, results)
        return results

    def _grade(self, setup: job.Setup, batches: list[job.Batch], failed: list[Result]) -> list[Result]:
        slots: queue.Queue = queue.Queue()
        accts = accounts.ensure_accounts(self.jobs)
        for i in range(self.jobs):
            slots.put(accts[i] if accts else None)
        bar = None if self.quiet else _progress(sum(len(b.submissions) for b in batches) + len(failed))

        def worker(b: job.Batch) -> job.Batch:
            slot = slots.get()
            try:
                # another run on this machine may use the same slot account, and the end of a batch
                # kills every process of its account: take the slot exclusively
                with accounts.slot_lock(slot):
                    return job.run_batch(setup, b, slot, bar.update if bar else None)
            except Exception as exc:  # a broken batch must not stop the class
                b.results = [Result(b.assignment, s, status="failed", reasons=[f"grader error: {type(exc).__name__}: {exc}"],
                                    auto_max_score=setup.auto_max.get(b.assignment)) for s in b.students]
                return b
            finally:
                slots.put(slot)

        with ThreadPoolExecutor(self.jobs) as pool:
            try:
                return _Collector(setup, batches, failed, bar).collect(pool.submit(worker, b) for b in batches)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
                if bar:
                    bar.close()


class _Collector:
    """Receives finished batches; records nothing until the canaries behaved."""

    def __init__(self, setup: job.Setup, batches: list[job.Batch], failed: list[Result], bar):
        self.setup, self.failed, self.bar = setup, failed, bar
        self.canary_ids = {id(b) for b in batches if any(s.student in CANARIES for s in b.submissions)}
        self.waiting: list[job.Batch] = []
        self.trusted = False
        self.results: list[Result] = []

    def collect(self, futures) -> list[Result]:
        futures = list(futures)
        for fut in as_completed(futures):
            self.waiting.append(fut.result())
            if not self.trusted and self.canary_ids <= {id(b) for b in self.waiting}:
                why = canary.verdict(self.setup, [b for b in self.waiting if id(b) in self.canary_ids])
                if why:
                    for f in futures:
                        f.cancel()
                    interrupt.close()
                    raise RunError(why)
                self.trusted = True
                self._record(self.failed, None)
            if self.trusted:
                for b in self.waiting:
                    self._record([r for r in b.results if r.student not in CANARIES], b)
                self.waiting = []
        return self.results

    def _record(self, results: list[Result], batch: job.Batch | None) -> None:
        with interrupt.critical():
            merge.merge(self.setup.root, results, batch.course if batch else None)
            self.results += results
            if batch is not None:
                job.remove(batch)
        if self.bar and results:
            self.bar.set_postfix_str(f"{results[-1].student}: {results[-1].status}")


def _progress(total: int):
    from tqdm import tqdm
    return tqdm(total=total, desc="grading", unit="nb", file=sys.stderr)
