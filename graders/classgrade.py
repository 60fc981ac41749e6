"""Grade a whole class with nbgrader, in parallel, in a sandbox, with an honest summary.

    python -m graders.classgrade week-01 [--jobs N]      # one assignment
    python -m graders.classgrade --all [--jobs N]        # every assignment in the gradebook

Run it from the course root (or pass ``--root``) after ``nbgrader collect``: it grades every
student found in ``submitted/<student>/<assignment>/``.

How it works (nbgrader does the grading; this module organises it):

1. **Preflight** (parent process): a submission whose notebook is missing, renamed, empty or not
   valid notebook JSON is *failed with its reason*, never graded as an ordinary 0. Structural
   edits are compared with the release: deleted test cells are put back from the release (so
   their tests run), duplicated grade cells, edited locked cells and edited points are reported
   and the submission is flagged for review (nbgrader itself restores locked cells and points).
2. **One private course per student**: a temporary course folder (readable only by the slot's
   sandbox account's group) with the assignment's source, a copy of the gradebook taken before
   the run, and that student's submission. ``nbgrader autograde ASSIGNMENT --student S`` runs
   there as a subprocess, with graders.guard.GuardedExecute in place of nbgrader's Execute and
   the kernel started by graders.sandbox (unprivileged account, resource limits). N such
   processes run at once (``--jobs``, default: the number of cores).
3. **Merge** (parent process only, one at a time): the student's grades and comments are copied
   into the course gradebook through nbgrader's ``Gradebook`` API, and the autograded folder into
   ``autograded/``. Only the parent writes the course gradebook, so parallel grading cannot lose
   or duplicate grades.
4. **Summary**: graded / flagged for review / failed, each with its reason; also written to
   ``classgrade/<assignment>.json`` (read by graders.lms_export). A flagged submission is marked
   ``flagged`` in the gradebook (formgrader shows it), and its score is what the guarded run
   earned: tampering is undone before each test runs.

Exit status: 0 when the run completed (whatever the students' results), 2 when the run itself
broke (no gradebook, unknown assignment, an internal error).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from graders import sandbox

STATUS_DIR = "classgrade"


@dataclass
class Limits:
    cell_timeout: int = 60          # seconds per cell (nbgrader's Execute.timeout)
    notebook_timeout: int = 600     # seconds for the whole notebook
    mem_mb: int = 2048              # address space of the kernel
    nproc: int = 64                 # processes and threads of the sandbox account
    fsize_mb: int = 64              # largest file the kernel may write
    max_output_chars: int = 100_000  # output kept per cell
    max_line_chars: int = 2_000     # longest output line kept
    max_lines: int = 200            # nbgrader's LimitOutput.max_lines


@dataclass
class Result:
    assignment: str
    student: str
    status: str = "graded"          # graded | flagged | failed
    reasons: list[str] = field(default_factory=list)
    score: float | None = None      # total (auto + manual so far)
    auto_score: float | None = None
    max_score: float | None = None
    auto_max_score: float | None = None
    needs_manual_grade: bool = False
    seconds: float = 0.0
    kernel_seconds: float = 0.0

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


class RunError(Exception):
    """The run itself cannot proceed (not a student's problem)."""


# ---------------------------------------------------------------------------------------- preflight
def _grade_meta(nb) -> list[tuple[str, dict, object]]:
    return [(c.metadata["nbgrader"]["grade_id"], c.metadata["nbgrader"], c) for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id")]


def preflight(folder: Path, notebook: str, release: Path | None) -> tuple[object | None, list[str], list[str]]:
    """Check one submitted notebook. Returns (notebook to grade or None if it cannot be graded,
    failure reasons, review flags)."""
    path = folder / f"{notebook}.ipynb"
    if not path.exists():
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return None, [f"notebook {notebook}.ipynb not found (renamed? submitted: {', '.join(others)})"], []
        return None, [f"no notebook {notebook}.ipynb submitted"], []
    raw = path.read_bytes()
    if not raw.strip():
        return None, [f"{notebook}.ipynb is an empty file"], []
    try:
        json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, [f"{notebook}.ipynb is not valid notebook JSON ({str(exc)[:80]})"], []
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat's errors are varied
        return None, [f"{notebook}.ipynb is not a valid notebook ({type(exc).__name__}: {str(exc)[:80]})"], []
    flags: list[str] = []
    if release is None or not release.exists():
        return nb, [], flags
    ref = nbformat.read(release, as_version=4)
    ref_cells = _grade_meta(ref)
    ref_by_id = {gid: (meta, cell) for gid, meta, cell in ref_cells}
    got = _grade_meta(nb)
    seen: dict[str, int] = {}
    for gid, _, _ in got:
        seen[gid] = seen.get(gid, 0) + 1
    dup = sorted(g for g, n in seen.items() if n > 1)
    if dup:
        flags.append(f"duplicated grade cell(s): {', '.join(dup)} (only the first is graded)")
        first: set[str] = set()
        for c in nb.cells:  # nbgrader would keep the last copy, and fail on the stripped ones
            g = c.metadata.get("nbgrader", {}).get("grade_id")
            if g in dup and g in first:
                del c.metadata["nbgrader"]
            elif g in dup:
                first.add(g)
        got = _grade_meta(nb)
    edited_points, edited_locked = [], []
    for gid, meta, cell in got:
        if gid not in ref_by_id:
            continue
        rmeta, rcell = ref_by_id[gid]
        if meta.get("grade") and str(meta.get("points")) != str(rmeta.get("points")):
            edited_points.append(gid)
        if (meta.get("grade") != rmeta.get("grade") or meta.get("solution") != rmeta.get("solution")
                or meta.get("locked") != rmeta.get("locked")):
            edited_points.append(gid)
        if rmeta.get("locked") and not rmeta.get("solution") and cell.source.strip() != rcell.source.strip():
            edited_locked.append(gid)
    if edited_points:
        flags.append(f"edited nbgrader metadata (points/type) of {', '.join(sorted(set(edited_points)))} (restored by nbgrader)")
    if edited_locked:
        flags.append(f"edited locked cell(s) {', '.join(sorted(set(edited_locked)))} (restored by nbgrader)")
    # deleted test cells: nbgrader would silently skip them; put them back where the release has them
    missing = [gid for gid, meta, _ in ref_cells
               if gid not in seen and meta.get("grade") and not meta.get("solution")]
    if missing:
        flags.append(f"deleted test cell(s) {', '.join(missing)} (put back from the release and run)")
        order = [gid for gid, _, _ in ref_cells]
        for gid in missing:
            before = order[: order.index(gid)]
            pos = 0
            for i, c in enumerate(nb.cells):
                if c.metadata.get("nbgrader", {}).get("grade_id") in before:
                    pos = i + 1
            nb.cells.insert(pos, nbformat.from_dict(json.loads(json.dumps(ref_by_id[gid][1]))))
    return nb, [], flags


def _failures_by_student(log: str) -> dict[str, str]:
    """Students nbgrader could not grade in a batch run, with the last error line of each."""
    out: dict[str, str] = {}
    blocks = re.split(r"There was an error processing assignment: ", log)
    for block in blocks[1:]:
        m = re.match(r"\S*/submitted/([^/]+)/", block)
        if not m:
            continue
        lines = [ln.strip() for ln in block.splitlines()
                 if re.match(r"^\s*[\w.]*(Error|Exception)\b", ln) or "Kernel died" in ln]
        out[m.group(1)] = lines[-1][:160] if lines else ""
    for m in re.finditer(r"There was an error processing assignment '[^']+' for student '([^']+)'", log):
        out.setdefault(m.group(1), "")
    return out


def _explain(res: Result, rep: dict, limits: Limits) -> None:
    """Turn the guarded executor's report into reasons for the summary."""
    res.kernel_seconds = rep.get("seconds", 0.0)
    res.reasons += rep.get("events", [])
    if rep.get("timeouts"):
        res.reasons.append(f"cell time limit ({limits.cell_timeout} s) hit in {', '.join(dict.fromkeys(rep['timeouts']))}")
    if rep.get("errors"):
        res.reasons.append("error in answer cell(s): " + ", ".join(dict.fromkeys(rep["errors"])))
    if rep.get("not_run"):
        res.reasons.append(f"{len(rep['not_run'])} cell(s) not run")
    if rep.get("truncated"):
        res.reasons.append("output cut by the grader (too much output)")
    if rep.get("tampering"):
        uniq = list(dict.fromkeys(t.split(": ", 1)[-1] for t in rep["tampering"]))
        res.reasons.append("tampering with the grading machinery (undone before the tests): " + "; ".join(uniq[:4]))


# ---------------------------------------------------------------------------------------- the run
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
        self.db_url = f"sqlite:///{self.db}"
        self.namespace = sandbox.namespaces_available()
        self.drop = os.geteuid() == 0 and (self.namespace or sandbox.interpreter_reachable())

    def hidden_paths(self) -> list[str]:
        """What the kernel must not see, even where file modes would let it: the instructor's
        files of this course and of the course that holds the ``graders`` package."""
        roots = {self.root, Path(sandbox.__file__).resolve().parents[1]}
        names = ("source", "submitted", "autograded", "feedback", "gradebook.db", STATUS_DIR,
                 "nbgrader_config.py", "exchange", "tests", "authoring", "datagen")
        return sorted(str(r / n) for r in roots for n in names if (r / n).exists())

    @staticmethod
    def package_dirs() -> list[str]:
        """Folders of the course's own packages, which the kernel imports (`workbook`, and `graders`
        for the checks): kept visible in the kernel's private view even when the course lives
        under /tmp or /home, which that view replaces."""
        import importlib.util
        found = []
        for name in ("graders", "workbook"):
            spec = importlib.util.find_spec(name)
            found += [str(Path(p).resolve()) for p in (spec.submodule_search_locations or [])] if spec else []
        return found

    # --- setup
    def assignments(self) -> list[str]:
        if not self.db.exists():
            raise RunError(f"no gradebook at {self.db}: run `nbgrader generate_assignment` first")
        with Gradebook(self.db_url) as gb:
            return sorted(a.name for a in gb.assignments)

    def students(self, assignment: str) -> list[str]:
        sub = self.root / "submitted"
        if not sub.is_dir():
            return []
        return sorted(p.name for p in sub.iterdir() if (p / assignment).is_dir())

    def lock_course(self) -> None:
        """Nobody but the grader may read the instructor's files or the submissions."""
        for name in ("source", "submitted", "autograded", "feedback", "gradebook.db", "nbgrader_config.py"):
            p = self.root / name
            if p.exists():
                p.chmod(p.stat().st_mode & ~0o077)

    # --- one batch of students: one private course, one nbgrader process
    def _job(self, assignment: str, batch: list[tuple[str, dict]], template: Path, slot,
             tick=None) -> tuple[list[Result], Path]:
        t0 = time.monotonic()
        uid, gid = (slot[1], slot[2]) if slot and self.drop else (None, None)
        job = Path(tempfile.mkdtemp(prefix="classgrade-", dir=self.workbase))
        if uid is not None:
            os.chown(job, 0, gid)
        job.chmod(0o710)
        course = job / "course"
        course.mkdir(mode=0o711)
        course.chmod(0o711)
        shutil.copytree(self.root / "source" / assignment, course / "source" / assignment, symlinks=False)
        (course / "source").chmod(0o700)
        shutil.copy(template, course / "gradebook.db")
        (course / "gradebook.db").chmod(0o600)
        results: dict[str, Result] = {}
        for student, notebooks in batch:
            res = results[student] = Result(assignment, student)
            sub_dir = self.root / "submitted" / student / assignment
            dest = course / "submitted" / student / assignment
            shutil.copytree(sub_dir, dest, symlinks=False,
                            ignore=lambda d, names, sd=sub_dir: [n for n in names if n.endswith(".ipynb") and Path(d) == sd])
            for name, (nb, flags) in notebooks.items():
                nbformat.write(nb, dest / f"{name}.ipynb")
                res.reasons += flags
        (course / "submitted").chmod(0o700)
        (course / "autograded").mkdir(mode=0o711)
        (job / "home").mkdir()
        (job / "reports").mkdir(mode=0o700)
        (job / "private").mkdir(mode=0o711)
        runtime = job / "runtime"
        runtime.mkdir(mode=0o711)
        runtime.chmod(0o711)
        share = job / "share"
        sandbox.write_kernelspec(share)
        self._write_config(course)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER", "JUPYTER", "CLASSGRADE"))}
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env["JUPYTER_PATH"] = str(share)
        env["JUPYTER_RUNTIME_DIR"] = str(runtime)
        env["CLASSGRADE_REPORT"] = str(job / "reports")
        env[sandbox.ENV_VAR] = json.dumps({
            "uid": uid, "gid": gid, "home": str(job / "home"), "mem_mb": self.limits.mem_mb,
            "nproc": self.limits.nproc, "fsize_mb": self.limits.fsize_mb, "cpu_s": self.limits.notebook_timeout + 10,
            "namespace": self.namespace and uid is not None, "keep": [str(job), *self.package_dirs()],
            "hide": self.hidden_paths(),
            "private_root": str(job / "private")})
        cmd = [sys.executable, "-m", "nbgrader", "autograde", assignment, "--force", "--log-level=WARN"]
        if len(batch) == 1:
            cmd += ["--student", batch[0][0]]
        budget = (self.limits.notebook_timeout + 60) * len(batch) + 60
        proc = subprocess.Popen(cmd, cwd=course, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, start_new_session=True)
        broke, out, seen = "", None, 0
        deadline = time.monotonic() + budget
        while out is None:
            try:
                out, _ = proc.communicate(timeout=1)
            except subprocess.TimeoutExpired:
                if tick:  # progress: the guarded executor writes one report per graded notebook
                    done = sum(1 for _ in (job / "reports").glob("*.json"))
                    if done > seen:
                        tick(done - seen)
                        seen = done
                if time.monotonic() > deadline:
                    os.killpg(proc.pid, 9)
                    out, _ = proc.communicate()
                    broke = f"grading did not finish within {budget} s"
        out = out or ""
        if uid is not None:
            left = sandbox.kill_account(uid)
            if left:
                sandbox.note_leftovers(job / "private", left)
        log_dir = self.root / STATUS_DIR / "logs" / assignment
        log_dir.mkdir(parents=True, exist_ok=True)
        failures = _failures_by_student(out)
        elapsed = time.monotonic() - t0
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            for student, notebooks in batch:
                res = results[student]
                log = log_dir / f"{student}.log"
                log.write_text(out)
                rep_path = job / "reports" / f"{student}.json"
                rep = json.loads(rep_path.read_text()) if rep_path.exists() else {}
                _explain(res, rep, self.limits)
                priv = job / "private" / student
                if (priv / "leftover").exists():
                    res.reasons.append("left processes running after grading (killed)")
                stray = sandbox.private_writes(priv, uid)
                if uid is not None and not self.namespace:
                    stray += sandbox.stray_files(uid, [job])
                if stray:
                    res.reasons.append("wrote outside its working copy (discarded): " + ", ".join(stray[:3]))
                    res.status = "flagged"
                if rep.get("tampering"):
                    res.status = "flagged"
                if broke:
                    res.status = "failed"
                    res.reasons.append(broke)
                elif student in failures or not (course / "autograded" / student / assignment).exists():
                    res.status = "failed"
                    res.reasons.append("nbgrader autograde failed" + (f": {failures[student]}" if failures.get(student) else "")
                                       + f" (log: {log.relative_to(self.root)})")
                if res.status != "failed":
                    try:
                        s = gb.find_submission(assignment, student)
                        res.score, res.max_score = s.score, s.max_score
                        res.auto_score = sum(g.auto_score or 0 for n in s.notebooks for g in n.grades)
                        res.auto_max_score = sum(g.max_score for n in s.notebooks for g in n.grades
                                                 if g.auto_score is not None)
                        res.needs_manual_grade = bool(s.needs_manual_grade)
                    except MissingEntry:
                        res.status = "failed"
                        res.reasons.append("nbgrader recorded no grades")
                if res.status == "graded" and any(f for _, f in notebooks.values()):
                    res.status = "flagged"
                res.seconds = elapsed / len(batch)
        return [results[s] for s, _ in batch], course

    def _write_config(self, course: Path) -> None:
        L = self.limits
        main_cfg = self.root / "nbgrader_config.py"
        text = main_cfg.read_text() if main_cfg.exists() else "c = get_config()\n"
        pps = ["graders.guard.GuardedExecute", "nbgrader.preprocessors.IgnorePattern",
               "nbconvert.preprocessors.ClearMetadataPreprocessor", "nbgrader.preprocessors.LimitOutput",
               "nbgrader.preprocessors.SaveAutoGrades", "nbgrader.preprocessors.AssignLatePenalties",
               "nbgrader.preprocessors.CheckCellMetadata"]
        text += f"""

# --- added by graders.classgrade for this private grading course ---
c.CourseDirectory.root = {str(course)!r}
c.Autograde.autograde_preprocessors = {pps!r}
c.Execute.timeout = {L.cell_timeout}
c.Execute.interrupt_on_timeout = True
c.Execute.shutdown_kernel = "immediate"  # the graded kernel's state is not needed afterwards
c.Execute.kernel_name = {sandbox.KERNEL_NAME!r}
c.GuardedExecute.notebook_timeout = {L.notebook_timeout}
c.GuardedExecute.max_output_chars = {L.max_output_chars}
c.GuardedExecute.max_line_chars = {L.max_line_chars}
c.LimitOutput.max_lines = {L.max_lines}
"""
        (course / "nbgrader_config.py").write_text(text)
        (course / "nbgrader_config.py").chmod(0o600)

    # --- merging into the course gradebook (parent only)
    def merge(self, batch: list[Result], course: Path | None) -> None:
        """Copy a batch's grades into the course gradebook and its autograded/ folders.

        Both gradebooks are opened once per batch (opening one costs ~0.1 s); a student whose
        grades cannot be recorded is marked failed, the others are recorded.
        """
        with contextlib.ExitStack() as stack:
            dst = stack.enter_context(Gradebook(self.db_url))
            src = stack.enter_context(Gradebook(f"sqlite:///{course / 'gradebook.db'}")) if course else None
            for res in batch:
                try:
                    self._merge_one(dst, src, res, course)
                except Exception as exc:
                    dst.db.rollback()
                    res.status = "failed"
                    res.reasons.append(f"could not record grades: {type(exc).__name__}: {exc}")

    def _merge_one(self, dst: Gradebook, src: Gradebook | None, res: Result, course: Path | None) -> None:
        dst.update_or_create_student(res.student)
        if res.status == "failed" or src is None:
            return
        s = src.find_submission(res.assignment, res.student)
        dst.update_or_create_submission(res.assignment, res.student, timestamp=s.timestamp)
        for snb in s.notebooks:
            dnb = dst.find_submission_notebook(snb.name, res.assignment, res.student)
            dnb.flagged = res.status == "flagged"
            dnb.late_submission_penalty = snb.late_submission_penalty
            for g in snb.grades:
                dg = dst.find_grade(g.name, snb.name, res.assignment, res.student)
                dg.auto_score, dg.needs_manual_grade = g.auto_score, g.needs_manual_grade
            for c in snb.comments:
                dc = dst.find_comment(c.name, snb.name, res.assignment, res.student)
                dc.auto_comment = c.auto_comment
        dst.db.commit()
        src_dir = course / "autograded" / res.student / res.assignment
        out = self.root / "autograded" / res.student / res.assignment
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(src_dir, out, symlinks=True)

    # --- everything
    def run(self, assignments: list[str], students: list[str] | None = None) -> list[Result]:
        known = set(self.assignments())
        unknown = [a for a in assignments if a not in known]
        if unknown:
            raise RunError(f"assignment(s) not in the gradebook: {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(known)) or 'none'})")
        self.lock_course()
        with Gradebook(self.db_url) as gb:
            nb_names = {a: [n.name for n in gb.find_assignment(a).notebooks] for a in assignments}
        work = Path(tempfile.mkdtemp(prefix="classgrade-run-", dir=self.workbase))
        template = work / "gradebook.db"
        shutil.copy(self.db, template)
        slots_list = sandbox.ensure_accounts(self.jobs)
        slots: queue.Queue = queue.Queue()
        for i in range(self.jobs):
            slots.put(slots_list[i] if slots_list else None)
        results: list[Result] = []
        todo = []
        for a in assignments:
            for s in (students if students is not None else self.students(a)):
                folder = self.root / "submitted" / s / a
                notebooks, failed = {}, []
                for name in nb_names[a]:
                    nb, fails, flags = preflight(folder, name, self.root / "release" / a / f"{name}.ipynb")
                    failed += fails
                    notebooks[name] = (nb, flags)
                if failed:
                    results.append(Result(a, s, status="failed", reasons=failed))
                else:
                    todo.append((a, s, notebooks))

        # batches: a few students per nbgrader process (start-up is paid once per batch), small
        # enough that every slot stays busy to the end
        batches = []
        for a in assignments:
            mine = [(s, nbs) for (aa, s, nbs) in todo if aa == a]
            if self.batch:
                size = self.batch
            else:  # a multiple of `jobs` batches of at most 25, as even as possible: no worker idles at
                # the end, and few nbgrader start-ups (each costs ~3 s of CPU importing nbformat)
                count = self.jobs * math.ceil(len(mine) / (self.jobs * 25))
                size = max(1, math.ceil(len(mine) / count))
            batches += [(a, mine[i:i + size]) for i in range(0, len(mine), size)]

        bar = None
        ticked: dict[int, int] = {}

        def worker(a, batch):
            slot = slots.get()

            def tick(n: int) -> None:
                ticked[id(batch)] = ticked.get(id(batch), 0) + n
                if bar:
                    bar.update(n)
            try:
                # another classgrade run on this machine may be using the same slot account, and
                # the end of a job kills every process of its account: take the slot exclusively
                with sandbox.slot_lock(slot):
                    return self._job(a, batch, template, slot, tick)
            except Exception as exc:  # a broken job must not stop the class
                return [Result(a, s, status="failed", reasons=[f"grader error: {type(exc).__name__}: {exc}"])
                        for s, _ in batch], None
            finally:
                slots.put(slot)

        if not self.quiet:
            from tqdm import tqdm
            bar = tqdm(total=len(todo) + len(results), desc="grading", unit="nb", file=sys.stderr)
            bar.update(len(results))
        self.merge(results, None)
        try:
            with ThreadPoolExecutor(self.jobs) as pool:
                futures = {pool.submit(worker, a, b): b for a, b in batches}
                for fut in as_completed(futures):
                    done, course = fut.result()
                    if bar:  # students the progress ticks did not count (failed runs, no report)
                        bar.update(max(0, len(done) - ticked.get(id(futures[fut]), 0)))
                    self.merge(done, course)
                    for res in done:
                        results.append(res)
                        if bar:
                            bar.set_postfix_str(f"{res.student}: {res.status}")
                    if course is not None:
                        shutil.rmtree(course.parent, ignore_errors=True)
        finally:
            if bar:
                bar.close()
            shutil.rmtree(work, ignore_errors=True)
        results.sort(key=lambda r: (r.assignment, r.student))
        self.write_status(results)
        return results

    def write_status(self, results: list[Result]) -> None:
        out = self.root / STATUS_DIR
        out.mkdir(exist_ok=True)
        by_a: dict[str, dict] = {}
        for r in results:
            d = asdict(r)
            d["reason"] = r.reason
            by_a.setdefault(r.assignment, {})[r.student] = d
        for a, rows in by_a.items():
            path = out / f"{a}.json"
            old = json.loads(path.read_text()) if path.exists() else {}
            old.update(rows)
            path.write_text(json.dumps(old, indent=1, sort_keys=True))


def summary(results: list[Result]) -> str:
    lines = []
    counts = {k: sum(r.status == k for r in results) for k in ("graded", "flagged", "failed")}
    w = max([len(r.student) for r in results] + [7])
    lines.append(f"{'student':<{w}}  {'assignment':<10}  {'status':<8}  {'score':>11}  reason")
    for r in results:
        score = "-" if r.auto_score is None else f"{r.auto_score:g}/{r.auto_max_score:g}"
        lines.append(f"{r.student:<{w}}  {r.assignment:<10}  {r.status:<8}  {score:>11}  {r.reason}")
    lines.append(f"\n{counts['graded']} graded, {counts['flagged']} flagged for review, {counts['failed']} failed "
                 f"(score = auto-graded points; reflections are graded by hand).\n{sandbox.isolation()}.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m graders.classgrade", description=__doc__.split("\n\n")[0])
    p.add_argument("assignment", nargs="?", help="assignment id, e.g. week-01")
    p.add_argument("--all", action="store_true", help="grade every assignment in the gradebook")
    p.add_argument("--jobs", "-j", type=int, default=None, help="parallel graders (default: cores)")
    p.add_argument("--root", default=".", help="course root (default: current folder)")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.add_argument("--cell-timeout", type=int, default=Limits.cell_timeout)
    p.add_argument("--notebook-timeout", type=int, default=Limits.notebook_timeout)
    p.add_argument("--mem-mb", type=int, default=Limits.mem_mb)
    p.add_argument("--nproc", type=int, default=Limits.nproc)
    p.add_argument("--fsize-mb", type=int, default=Limits.fsize_mb)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--batch", type=int, default=None, help="students per nbgrader process (default: automatic)")
    p.add_argument("--json", help="also write the results to this JSON file")
    args = p.parse_args(argv)
    if bool(args.assignment) == bool(args.all):
        p.error("give one assignment id or --all")
    limits = Limits(cell_timeout=args.cell_timeout, notebook_timeout=args.notebook_timeout, mem_mb=args.mem_mb,
                    nproc=args.nproc, fsize_mb=args.fsize_mb)
    try:
        grader = ClassGrader(Path(args.root), jobs=args.jobs, limits=limits, quiet=args.quiet, batch=args.batch)
        assignments = grader.assignments() if args.all else [args.assignment]
        results = grader.run(assignments, students=args.student)
    except RunError as exc:
        print(f"classgrade: {exc}", file=sys.stderr)
        return 2
    print(summary(results))
    if args.json:
        Path(args.json).write_text(json.dumps([{**asdict(r), "reason": r.reason} for r in results], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
