"""Grade a class as Kubernetes Jobs: the same classgrade, one pod per slice of the class.

    python -m graders.k8s_jobs manifests week-01 --image REGISTRY/platform-workbook-instructors:TAG --out k8s/
    kubectl apply -f k8s/grade-week-01-<stamp>.yaml          # NetworkPolicy, slices, the Indexed Job
    kubectl wait --for=condition=complete --timeout=2h job/grade-week-01-<stamp>
    python -m graders.k8s_jobs merge week-01 classgrade/jobs/grade-week-01-<stamp>

``manifests`` (the instructor's server, course root as current folder) lists the students found in
``submitted/`` (after ``nbgrader collect``) and writes the objects of graders/k8s_manifests.py.
``run`` is what each pod runs: classgrade over its slice, in a private copy of the course (the
course volume is read-only), with the kernels in the pod's kernel container (graders/handoff.py);
the slice's gradebook, ``autograded/`` folders, logs and results go to ``<out>/<index>/``.
``merge`` records every slice into the course gradebook with classgrade's own merge
(graders/merge.py), writes ``classgrade/<assignment>.json`` and prints classgrade's summary; a
slice whose pod did not finish (or whose canary failed) leaves its students *failed*, with why.

Exit status as classgrade: 0 when the step completed, 2 when it could not (the reason in one line).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
import warnings
from pathlib import Path

from graders.contract import CACHE_DIR, LOG_DIR, STATUS_DIR, Limits, Result, skip_slow_imports

skip_slow_imports()

from graders import k8s_manifests as km  # noqa: E402

RESULTS, ERROR, SLICES, ISOLATION = "results.json", "error.txt", "slices.json", "isolation.txt"


class StepError(Exception):
    pass


# ---------------------------------------------------------------------------------------- manifests
def manifests(args) -> Path:
    import yaml
    from graders.grader import ClassGrader
    root = Path(args.root).resolve()
    if not (root / "gradebook.db").exists():
        raise StepError(f"no gradebook at {root / 'gradebook.db'}: run it in the course root after `nbgrader collect`")
    students = args.student or ClassGrader(root, jobs=1).students(args.assignment)
    if not students:
        raise StepError(f"no submissions of {args.assignment} in {root / 'submitted'}: run `nbgrader collect "
                        f"{args.assignment}` first")
    name = args.name or f"grade-{args.assignment}-{time.strftime('%Y%m%d-%H%M%S')}".lower()
    slices = km.slice_class(sorted(students), args.per_pod)
    limits = _limits(args)
    docs = [km.network_policy(args.namespace), km.slices_config_map(name, args.namespace, slices),
            km.grading_job(name, args.namespace, args.assignment, slices, args.image, parallelism=args.parallelism,
                           claim=args.claim, limits=limits, cpu=args.cpu, memory=args.memory)]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.yaml"
    path.write_text(yaml.safe_dump_all(docs, sort_keys=False))
    print(f"{path}: {len(students)} submission(s) of {args.assignment} in {len(slices)} pod(s), {args.parallelism} "
          f"at a time.\n  kubectl apply -f {path}\n  kubectl wait --for=condition=complete --timeout=4h job/{name}\n"
          f"  python -m graders.k8s_jobs merge {args.assignment} {STATUS_DIR}/jobs/{name}")
    return path


# ---------------------------------------------------------------------------------------- one pod
def private_course(course: Path, dest: Path, assignment: str, students: list[str]) -> Path:
    """What classgrade needs to grade ``students``, copied from the read-only course volume."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("nbgrader_config.py", "gradebook.db"):
        shutil.copy(course / name, dest / name)
    for part in ("source", "release"):
        shutil.copytree(course / part / assignment, dest / part / assignment, symlinks=False)
    if (course / CACHE_DIR).is_dir():  # the reference run's values: one run for the class
        shutil.copytree(course / CACHE_DIR, dest / CACHE_DIR, symlinks=False)
    for s in students:
        src = course / "submitted" / s / assignment
        if src.is_dir():
            shutil.copytree(src, dest / "submitted" / s / assignment, symlinks=False)
    return dest


def run(args) -> int:
    """Grade this pod's slice (``JOB_COMPLETION_INDEX``) and write it to ``<out>/<index>/``."""
    from graders import accounts, interrupt
    from graders.grader import ClassGrader, RunError
    index = int(os.environ.get("JOB_COMPLETION_INDEX", args.index))
    slices = json.loads(Path(args.slices).read_text())
    students, a = slices[index], args.assignment
    out, work = Path(args.out), Path(args.work)
    if args.handoff:
        Path(args.handoff).mkdir(parents=True, exist_ok=True)
    tmp = Path(os.environ.get("TMPDIR") or work / "tmp")
    for folder in (tmp, Path(os.environ.get("HOME") or work / "home")):
        folder.mkdir(parents=True, exist_ok=True)
    dest = out / f"{index:04d}"
    staging = out / f".{index:04d}.{os.getpid()}"
    code = 0
    try:
        interrupt.install()
        root = private_course(Path(args.course), work / "course", a, students)
        staging.mkdir(parents=True)
        (out / SLICES).write_text(json.dumps(slices))
        try:
            results = ClassGrader(root, jobs=args.jobs, limits=_limits(args), quiet=True, workdir=tmp).run([a], students)
        except RunError as exc:
            (staging / ERROR).write_text(str(exc))
            print(f"k8s_jobs: slice {index}: {exc}", file=sys.stderr)
            code = 2
        else:
            shutil.copy(root / "gradebook.db", staging / "gradebook.db")
            for s in students:
                if (root / "autograded" / s / a).is_dir():
                    shutil.copytree(root / "autograded" / s / a, staging / "autograded" / s / a, symlinks=True)
            if (root / STATUS_DIR / LOG_DIR / a).is_dir():
                shutil.copytree(root / STATUS_DIR / LOG_DIR / a, staging / LOG_DIR)
            (staging / RESULTS).write_text(json.dumps([r.record() for r in results], indent=1))
            (staging / ISOLATION).write_text(accounts.isolation())
        if dest.exists():  # a retried index replaces its earlier attempt
            shutil.rmtree(dest)
        staging.rename(dest)
    finally:
        if args.handoff:
            (Path(args.handoff) / "done").touch()  # the kernel container may end: the pod completes
        shutil.rmtree(staging, ignore_errors=True)
    return code


# ---------------------------------------------------------------------------------------- merge
def _from_record(rec: dict) -> Result:
    return Result(**{k: v for k, v in rec.items() if k in Result.__dataclass_fields__})


def merge_job(args) -> list[Result]:
    """Record every slice of a Job into the course gradebook, as classgrade records its batches."""
    from graders import merge
    root, folder, a = Path(args.root).resolve(), Path(args.folder), args.assignment
    if not (folder / SLICES).exists():
        raise StepError(f"{folder} holds no results (no pod of the Job has finished): "
                        f"`kubectl get pods -l platform-workbook/job={folder.name}` says why")
    slices = json.loads((folder / SLICES).read_text())
    everyone: list[Result] = []
    warnings.filterwarnings("ignore", message="Object of type <Submitted")  # nbgrader's API, as in classgrade
    for index, students in enumerate(slices):
        part = folder / f"{index:04d}"
        if (part / RESULTS).exists():
            results = [_from_record(r) for r in json.loads((part / RESULTS).read_text())]
            if (part / ISOLATION).exists():
                args.isolation.add((part / ISOLATION).read_text().strip())
            merge.merge(root, results, part)
            if (part / LOG_DIR).is_dir():
                shutil.copytree(part / LOG_DIR, root / STATUS_DIR / LOG_DIR / a, dirs_exist_ok=True)
        else:
            why = ((part / ERROR).read_text().strip() if (part / ERROR).exists() else
                   f"its pod did not finish (`kubectl logs -c grader -l platform-workbook/job={folder.name}`; "
                   f"index {index})")
            results = [Result(a, s, status="failed", reasons=[f"not graded: slice {index}: {why}"]) for s in students]
            merge.merge(root, results, None)
        everyone += results
    everyone.sort(key=lambda r: r.student)
    merge.write_status(root, everyone)
    return everyone


# ---------------------------------------------------------------------------------------- the command
def _limits(args) -> Limits:
    return Limits(cell_timeout=args.cell_timeout, notebook_timeout=args.notebook_timeout, mem_mb=args.mem_mb,
                  nproc=args.nproc, fsize_mb=args.fsize_mb)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m graders.k8s_jobs", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="step", required=True)
    m = sub.add_parser("manifests", help="write the Job's manifests for the submissions collected")
    r = sub.add_parser("run", help="(inside a grading pod) grade this pod's slice")
    g = sub.add_parser("merge", help="record a finished Job's results in the course gradebook")
    for q in (m, r, g):
        q.add_argument("assignment")
        q.add_argument("--root", default=".", help="course root (default: current folder)")
    m.add_argument("--image", required=True, help="the instructors' image (the same tag as the hub's)")
    m.add_argument("--out", required=True, help="folder for the manifest file")
    m.add_argument("--namespace", default="platform-workbook")
    m.add_argument("--name", help="the Job's name (default: grade-<assignment>-<time>)")
    m.add_argument("--per-pod", type=int, default=10, help="students per pod (1: a pod per submission)")
    m.add_argument("--parallelism", type=int, default=10, help="pods at a time")
    m.add_argument("--claim", default="course-root", help="the course volume's PersistentVolumeClaim")
    m.add_argument("--cpu", default="1")
    m.add_argument("--memory", default="3Gi", help="the grader container's memory")
    m.add_argument("--student", action="append", help="only this student (repeatable)")
    for flag in ("--course", "--out", "--slices", "--work"):
        r.add_argument(flag, required=True)
    r.add_argument("--handoff", default="", help="the folder shared with the kernel container")
    r.add_argument("--index", type=int, default=0, help="the slice (default: $JOB_COMPLETION_INDEX)")
    r.add_argument("--jobs", type=int, default=1)
    g.add_argument("folder", help=f"the Job's results folder ({STATUS_DIR}/jobs/<job>)")
    for q in (m, r):
        for name in ("cell_timeout", "notebook_timeout", "mem_mb", "nproc", "fsize_mb"):
            q.add_argument(f"--{name.replace('_', '-')}", type=int, default=getattr(Limits, name))
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.step == "manifests":
            manifests(args)
        elif args.step == "run":
            return run(args)
        else:
            from graders.classgrade import summary
            args.isolation = set()
            text = summary(merge_job(args)).rsplit("\n", 1)[0]  # its last line describes this machine
            print(text + "\n" + ("\n".join(sorted(args.isolation)) or "kernel isolation: no slice finished") + ".")
    except StepError as exc:
        print(f"k8s_jobs: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
