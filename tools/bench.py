"""Benchmark (not a test): wall time and peak memory of running every source notebook top to bottom,
on the committed data (scale 1), at the capstone's size (scale 2: about 1,200 developers and 300
services, like the capstone's own organisation of 1,182 developers) and, as a stress test, at
scale 10 (about 6,000 developers and 1,500 services), each generated into a temporary folder by
``python -m datagen --scale N``.

    make bench                                  # all three scales, every notebook in source/
    python -m tools.bench --scale 1             # the committed data only
    python -m tools.bench --scale 10 source/week-03/week-03.ipynb
    python -m tools.bench --scale 10 --data /tmp/x10    # reuse (or keep) the scaled data there

Each notebook runs in a fresh kernel (nbclient) started from a separate runner process, so the
kernel's peak resident memory is that process's largest child (getrusage RUSAGE_CHILDREN); the
kernel's CPU time is shown too, since wall time grows when other jobs share the cores. At a
scale other than 1 the kernel finds the scaled data through ``WORKBOOK_DATA`` (workbook.data looks
there first). Budget per week, at every scale: under 20 s and under 500 MB on a 2-core machine.
Exit status 1 when a notebook fails or is over budget.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S, BUDGET_MB = 20.0, 500.0
SCALES = (1, 2, 10)

RUNNER = r"""
import json, resource, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient
path = Path(sys.argv[1])
nb = nbformat.read(path, as_version=4)
start = time.perf_counter()
NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall_s": wall, "kernel_peak_mb": usage.ru_maxrss / 1024,
                  "kernel_cpu_s": usage.ru_utime + usage.ru_stime}))
"""


def run_notebook(nb: Path, data: Path | None = None) -> dict:
    """Run one notebook in a fresh kernel; return wall_s and kernel_peak_mb (or error)."""
    env = dict(os.environ)
    env.pop("WORKBOOK_DATA", None)
    if data is not None:
        env["WORKBOOK_DATA"] = str(data)
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(nb)], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        return {"error": lines[-1] if lines else f"exit status {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def scaled_data(scale: int, folder: Path) -> Path:
    """``folder`` holding datasets at ``scale`` (generated unless its datapackage.json is already there)."""
    if not (folder / "datapackage.json").is_file():
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "datagen", "--scale", str(scale), "--out", str(folder),
                        "--keys", str(folder.parent / f"{folder.name}-keys"), "--quiet"], cwd=ROOT, check=True)
        print(f"generated scale-{scale} data in {time.perf_counter() - start:.1f} s: {folder}")
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    rows = {r["name"]: r.get("rows") for r in package["resources"]}
    print(f"scale {scale}: {rows.get('developers')} developers, {rows.get('services')} services, "
          f"{sum(r.get('bytes', 0) for r in package['resources']) / 2**20:.0f} MB of data")
    return folder


def report(notebooks: list[Path], scale: int, data: Path | None) -> int:
    print(f"\n{'notebook (scale ' + str(scale) + ')':40} {'wall (s)':>9} {'cpu (s)':>8} {'peak (MB)':>10}  "
          f"budget {BUDGET_S:.0f} s / {BUDGET_MB:.0f} MB")
    over = 0
    for nb in notebooks:
        name = nb.relative_to(ROOT).as_posix() if nb.is_relative_to(ROOT) else nb.as_posix()
        r = run_notebook(nb, data)
        if "error" in r:
            print(f"{name:40} FAILED: {r['error']}")
            over += 1
            continue
        flag = "" if r["wall_s"] < BUDGET_S and r["kernel_peak_mb"] < BUDGET_MB else "  OVER BUDGET"
        over += bool(flag)
        print(f"{name:40} {r['wall_s']:9.1f} {r['kernel_cpu_s']:8.1f} {r['kernel_peak_mb']:10.0f}{flag}", flush=True)
    return over


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every source/<id>/<id>.ipynb")
    parser.add_argument("--scale", type=int, action="append", help=f"repeatable; default: {SCALES}")
    parser.add_argument("--data", type=Path, help="folder for the scaled data (kept; reused when present)")
    args = parser.parse_args(argv)
    notebooks = [p.resolve() for p in args.notebooks] or sorted((ROOT / "source").glob("*/*.ipynb"))
    over = 0
    for scale in args.scale or SCALES:
        if scale == 1:
            over += report(notebooks, 1, None)
            continue
        with tempfile.TemporaryDirectory(prefix=f"bench-x{scale}-") as tmp:
            folder = args.data if args.data else Path(tmp) / "data"
            over += report(notebooks, scale, scaled_data(scale, folder))
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
