"""The reference run: the instructor's notebook executed on the grader side, once per version.

Hidden checks emit their results as probes (:mod:`graders.hidden`). Run in the instructor's
notebook (``source/<assignment>/<notebook>.ipynb``), where every exercise name is bound to the
reference solution, the same probes are the expected values. This module executes that notebook
in a fresh kernel of the grading environment (never the learner's sandbox), collects the probes
of every auto-graded test cell, and caches them as JSON under ``<course>/.grading-cache/`` keyed
by a hash of the assignment's files and the course packages. The cache is grader-side: the
sandboxed grading kernel cannot read it, and the learner's process never holds it.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
from pathlib import Path

__all__ = ["expected_probes", "reference_probes", "ReferenceFailed", "CACHE_DIRNAME"]

CACHE_DIRNAME = ".grading-cache"
_PACKAGE = Path(__file__).resolve().parent


class ReferenceFailed(RuntimeError):
    """The instructor's notebook did not run cleanly: a grader fault, never a learner's."""


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".ipynb_checkpoints" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted([*_PACKAGE.rglob("*.py"), *(_PACKAGE.parent / "workbook").glob("*.py")]):
        digest.update(path.relative_to(_PACKAGE.parent).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _kernel_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBGRADER", "CLASSGRADE", "JPY_"))}
    env.update(NBGRADER_EXECUTION="autograde", MPLBACKEND="Agg", PYTHONHASHSEED="0")
    return env


def _execute(path: Path, timeout: int) -> dict[str, list[dict]]:
    """Run the instructor's notebook; probes of every auto-graded test cell, by grade_id."""
    import nbformat
    from jupyter_client.kernelspec import KernelSpec
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from .compare import probes_of
    from .kernels import QuickKernelManager

    nb = nbformat.read(path, as_version=4)
    km = QuickKernelManager()
    # This environment's own interpreter, whatever kernelspec "python3" points at in this process.
    km._kernel_spec = KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                                 display_name="reference", language="python")
    client = NotebookClient(nb, km=km, timeout=timeout, allow_errors=False, shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute(env=_kernel_env(), cwd=str(path.parent))
    except CellExecutionError as exc:
        raise ReferenceFailed(f"the instructor's notebook {path} fails when run: {str(exc).splitlines()[-1:]}") from None
    out = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            out[meta["grade_id"]] = probes_of(cell)
    return out


def expected_probes(coursedir, assignment: str, notebook: str, cache_dir: str | os.PathLike | None = None,
                    timeout: int = 300) -> dict[str, list[dict]]:
    """grade_id -> the reference probes, from the cache or from a fresh reference run."""
    folder = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
    path = folder / f"{notebook}.ipynb"
    if not path.is_file():
        raise ReferenceFailed(f"no instructor notebook at {path}: hidden checks need source/{assignment}/")
    cache = Path(cache_dir) if cache_dir else Path(coursedir.root) / CACHE_DIRNAME
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = _fingerprint(folder)
    target = cache / f"{assignment}--{notebook}.json"
    with open(cache / f"{assignment}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel graders wait for one reference run
        if target.exists():
            try:
                saved = json.loads(target.read_text(encoding="utf-8"))
                if saved.get("key") == key:
                    return saved["probes"]
            except (ValueError, KeyError):
                pass
        probes = _execute(path, timeout)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"key": key, "probes": probes}), encoding="utf-8")
        tmp.chmod(0o600)
        tmp.replace(target)
    return probes


def reference_probes(root: str | os.PathLike, assignment: str, notebook: str | None = None,
                     cache_dir: str | os.PathLike | None = None) -> dict[str, list[dict]]:
    """The same, for a course root on disk (tests, the leak scan, the canary)."""
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(root=str(Path(root).resolve()))
    return expected_probes(coursedir, assignment, notebook or assignment, cache_dir=cache_dir)
