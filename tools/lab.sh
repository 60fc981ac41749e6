#!/usr/bin/env bash
# Open the course in JupyterLab: the server is rooted at the course (this repository), and the
# browser opens the start page, notebooks/00-start-here.ipynb.
#
#     bash tools/lab.sh                         # what `make lab` runs (after the learner set-up)
#     PYTHON=/path/to/python bash tools/lab.sh  # another environment's JupyterLab
#     bash tools/lab.sh --port=8890             # extra options go to `jupyter lab`
#
# Rooted at the course so that the start page's links (../release/week-NN/week-NN.ipynb) stay
# inside the server: `jupyter lab notebooks/00-start-here.ipynb` alone would root the server at
# notebooks/ and no week could be opened. tests/browser/test_browser.py starts JupyterLab through
# this script, exactly as `make lab` does, and follows the start page's link to a week.
set -euo pipefail

COURSE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
START="notebooks/00-start-here.ipynb"
PY="${PYTHON:-$(command -v python3 || command -v python)}"

ARGS=(--ServerApp.root_dir="$COURSE")
if [ "$(id -u)" -eq 0 ]; then
    ARGS+=(--allow-root)  # CI machines and containers run as root
fi

cd "$COURSE"
exec "$PY" -m jupyterlab "${ARGS[@]}" "$@" "$START"
