"""One batch's results: the kernel reports, the sandbox's traces and the private gradebook, read
into :class:`~graders.contract.Result`s (parent process)."""
from __future__ import annotations

import re
from pathlib import Path

from graders import accounts, mounts
from graders.contract import CANARIES, LOG_DIR, STATUS_DIR, KernelReport, Limits, Result, Slot
from graders.course import auto_score
from graders.job import Batch, Setup, Submission


def failures_by_student(log: str) -> dict[str, str]:
    """Students nbgrader could not grade in a batch run, with the last error line of each."""
    out: dict[str, str] = {}
    for block in re.split(r"There was an error processing assignment: ", log)[1:]:
        m = re.match(r"\S*/submitted/([^/]+)/", block)
        if not m:
            continue
        lines = [ln.strip() for ln in block.splitlines()
                 if re.match(r"^\s*[\w.]*(Error|Exception)\b", ln) or "Kernel died" in ln]
        out[m.group(1)] = lines[-1][:160] if lines else ""
    for m in re.finditer(r"There was an error processing assignment '[^']+' for student '([^']+)'", log):
        out.setdefault(m.group(1), "")
    return out


# ---------------------------------------------------------------------------------------- results
def explain(res: Result, rep: KernelReport, limits: Limits) -> None:
    """Turn the guarded executor's report into reasons for the summary."""
    res.kernel_seconds = rep.seconds
    res.reasons += [f"grader fault: {f}" for f in rep.faults] + rep.events
    if rep.timeouts:
        res.reasons.append(f"cell time limit ({limits.cell_timeout} s) hit in {', '.join(dict.fromkeys(rep.timeouts))}")
    if rep.errors:
        res.reasons.append("error in answer cell(s): " + ", ".join(dict.fromkeys(rep.errors)))
    if rep.not_run:
        res.reasons.append(f"{len(rep.not_run)} cell(s) not run")
    if rep.truncated:
        res.reasons.append("output cut by the grader (too much output)")
    if rep.tampering:
        uniq = list(dict.fromkeys(t.split(": ", 1)[-1] for t in rep.tampering))
        res.reasons.append("tampering with the grading machinery (undone before the tests): " + "; ".join(uniq[:4]))


def _sandbox_traces(res: Result, job: Path, slot: Slot | None, setup: Setup) -> None:
    priv = job / "private"
    if mounts.had_leftovers(priv, res.student):
        res.reasons.append("left processes running after grading (killed)")
    stray = mounts.private_writes(priv / res.student, slot.uid if slot else None)
    if slot and not setup.namespace:
        stray += accounts.stray_files(slot.uid, [job])
    if stray:
        res.reasons.append("wrote outside its working copy (discarded): " + ", ".join(stray[:3]))
        res.status = "flagged"


def _status(res: Result, rep: KernelReport | None, sub: Submission, broke: str, failure: str | None, graded: bool,
            log: str) -> None:
    if rep and rep.faults:
        res.status = "failed"          # the grader's fault: no score, never the learner's tampering
    elif rep and rep.tampering:
        res.status = "flagged"
    if broke:
        res.status = "failed"
        res.reasons.append(broke)
    elif failure is not None or not graded:
        res.status = "failed"
        res.reasons.append("nbgrader autograde failed" + (f": {failure}" if failure else "") + f" (log: {log})")
    if res.status == "graded" and sub.flags:
        res.status = "flagged"


def _scores(gb, res: Result) -> None:
    from nbgrader.api import MissingEntry
    try:
        s = gb.find_submission(res.assignment, res.student)
    except MissingEntry:
        res.status = "failed"
        res.reasons.append("nbgrader recorded no grades")
        return
    res.score, res.max_score = s.score, s.max_score
    res.auto_score = auto_score(s)
    res.needs_manual_grade = bool(s.needs_manual_grade)


def collect(setup: Setup, batch: Batch, course: Path, slot: Slot | None, broke: str, elapsed: float) -> list[Result]:
    from nbgrader.api import Gradebook
    job, a = course.parent, batch.assignment
    log_dir = setup.root / STATUS_DIR / LOG_DIR / a
    log_dir.mkdir(parents=True, exist_ok=True)
    failures = failures_by_student(batch.log)
    learners = max(1, sum(s.student not in CANARIES for s in batch.submissions))
    out = []
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for sub in batch.submissions:
            res = Result(a, sub.student, reasons=list(sub.flags), auto_max_score=setup.auto_max.get(a))
            log = log_dir / f"{sub.student}.log"
            log.write_text(batch.log)
            rep = KernelReport.read(job / "reports", sub.student)
            if rep:
                batch.reports[sub.student] = rep
                explain(res, rep, setup.limits)
            _sandbox_traces(res, job, slot, setup)
            graded = (course / "autograded" / sub.student / a).exists()
            _status(res, rep, sub, broke, failures.get(sub.student), graded, str(log.relative_to(setup.root)))
            if res.status != "failed":
                _scores(gb, res)
            res.seconds = elapsed / learners  # the canaries' time is the learners' overhead
            out.append(res)
    return out
