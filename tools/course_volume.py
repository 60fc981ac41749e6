"""Fill or update the course volume (Zero to JupyterHub) from the instructors' repository.

    python -m tools.course_volume /srv/repo /course [--check]

Run by the ``course-volume`` Job of hub/z2jh/course-volume-job.yaml in the new release's
instructors' image (whose repository is at /srv/repo). It copies the repository's files into the
course volume, replacing those that changed, and never touches what the term produced there: the
gradebook, submissions, autograded work, feedback, classgrade's results, the grading cache and the
exchange (the .gitignore's grading outputs). Files on the volume that the repository no longer has
are listed, not deleted. ``--check`` only says what would change. A changed ``source/<week>``
whose week already has submissions is named: regrade that week, or do not change a released week.

Exit status: 0 done (or nothing to do), 2 when it cannot run (the reason in one line).
"""
from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
from pathlib import Path

# What the term writes into the course root (.gitignore's grading outputs): never overwritten.
STATE = {"gradebook.db", "gradebook.db-journal", "submitted", "autograded", "feedback", "exchange", "downloaded",
         "classgrade", ".grading-cache", "grades.csv", "grades-lms.csv"}
SKIP = {".git", "__pycache__", ".ipynb_checkpoints", ".venv"}


def _files(root: Path):
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if rel.parts[0] in STATE or SKIP & set(rel.parts) or p.is_dir():
            continue
        yield rel


def sync(src: Path, dest: Path, check: bool = False) -> dict[str, list[str]]:
    """Copy ``src``'s files over ``dest`` (state left alone); what was added, updated, only on the volume."""
    report: dict[str, list[str]] = {"added": [], "updated": [], "only on the volume": [], "regrade": []}
    theirs = set(_files(src))
    for rel in sorted(theirs):
        a, b = src / rel, dest / rel
        if b.exists() and not b.is_symlink() and filecmp.cmp(a, b, shallow=False):
            continue
        report["updated" if b.exists() else "added"].append(str(rel))
        if not check:
            b.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(a, b, follow_symlinks=False)
    if dest.is_dir():
        report["only on the volume"] = [str(r) for r in _files(dest) if r not in theirs]
    weeks = {Path(p).parts[1] for p in report["updated"] if Path(p).parts[0] == "source" and len(Path(p).parts) > 2}
    report["regrade"] = sorted(w for w in weeks if any((dest / "submitted").glob(f"*/{w}")))
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.course_volume", description=__doc__.split("\n\n")[0])
    p.add_argument("repository", help="the instructors' repository (in the image: /srv/repo)")
    p.add_argument("volume", help="the course volume's mount point")
    p.add_argument("--check", action="store_true", help="only say what would change")
    args = p.parse_args(argv)
    src, dest = Path(args.repository), Path(args.volume)
    if not (src / "nbgrader_config.py").exists():
        print(f"course_volume: {src} is not the instructors' repository (no nbgrader_config.py)", file=sys.stderr)
        return 2
    if not dest.is_dir():
        print(f"course_volume: {dest} is not mounted (no such folder)", file=sys.stderr)
        return 2
    try:
        report = sync(src, dest, args.check)
    except PermissionError as exc:
        print(f"course_volume: cannot write {exc.filename}: the volume must be writable by the Job's uid "
              "(1000, the instructors' server's)", file=sys.stderr)
        return 2
    verb = "would be" if args.check else "were"
    print(f"course_volume: {len(report['added'])} file(s) {verb} added, {len(report['updated'])} {verb} updated "
          f"(the gradebook, submissions, feedback and grading results are never touched)")
    for key in ("added", "updated", "only on the volume"):
        for rel in report[key][:50]:
            print(f"  {key}: {rel}")
        if len(report[key]) > 50:
            print(f"  ... and {len(report[key]) - 50} more {key}")
    for week in report["regrade"]:
        print(f"  WARNING: source/{week} changed and {week} has submissions: regrade it "
              f"(python -m graders.k8s_jobs manifests {week} ...) or keep a released week unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
