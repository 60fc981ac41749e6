"""Benchmark (not a test): wall time and peak memory of running every source notebook top to bottom.

    make bench      # or: python -m tools.bench [source/week-01/week-01.ipynb ...]

Each notebook runs in a fresh kernel (nbclient) started from a separate runner process, so the
kernel's peak resident memory is that process's largest child (getrusage RUSAGE_CHILDREN).
Budget per week: under 20 s and under 500 MB on a 2-core machine.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S, BUDGET_MB = 20.0, 500.0

RUNNER = r"""
import json, resource, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient
path = Path(sys.argv[1])
nb = nbformat.read(path, as_version=4)
start = time.perf_counter()
NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(path.parent)}}).execute()
wall = time.perf_counter() - start
kernel_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall_s": wall, "kernel_peak_mb": kernel_kb / 1024}))
"""


def main(argv: list[str]) -> int:
    notebooks = [Path(a) for a in argv] or sorted((ROOT / "source").glob("*/*.ipynb"))
    print(f"{'notebook':40} {'wall (s)':>9} {'peak (MB)':>10}  budget {BUDGET_S:.0f} s / {BUDGET_MB:.0f} MB")
    over = 0
    for nb in notebooks:
        proc = subprocess.run([sys.executable, "-c", RUNNER, str(nb)], capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{nb.name:40} FAILED: {proc.stderr.strip().splitlines()[-1] if proc.stderr else ''}")
            over += 1
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        flag = "" if r["wall_s"] < BUDGET_S and r["kernel_peak_mb"] < BUDGET_MB else "  OVER BUDGET"
        over += bool(flag)
        print(f"{nb.relative_to(ROOT).as_posix() if nb.is_absolute() else nb.as_posix():40} "
              f"{r['wall_s']:9.1f} {r['kernel_peak_mb']:10.0f}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
