#!/usr/bin/env bash
# Learner set-up: hide nbgrader's instructor tools from JupyterLab, keep the learner's ones.
#
#     bash tools/learner_setup.sh                 # the active Python environment (sys-prefix level)
#     PYTHON=/path/to/python bash tools/learner_setup.sh
#
# Binder runs it from postBuild. It changes the configuration of the Python environment it runs
# in, so do not run it in an instructor's environment: formgrader would disappear there too.
#
# Off and locked (a learner cannot switch them back on in JupyterLab's plugin manager):
#   @jupyter/nbgrader:formgrader, :create-assignment, :course-list   (JupyterLab plugins)
#   nbgrader.server_extensions.formgrader                             (server extension)
# Kept: @jupyter/nbgrader:validate-assignment (the Validate button) and :assignment-list.
#
# It also hides the instructor's folder source/ (solutions and hidden tests) and the gradebook
# from JupyterLab's file browser, so a learner opens release/ and notebooks/ only.
#
# Every command is run with the environment's own interpreter (`python -m ...`) rather than the
# `jupyter` launcher, so the configuration lands in that interpreter's sys.prefix and nowhere
# else. `jupyter server extension disable` exits 0 even when it fails, so the result is checked.
set -euo pipefail

PY="${PYTHON:-$(command -v python3 || command -v python)}"
INSTRUCTOR_PLUGINS=(
    @jupyter/nbgrader:formgrader
    @jupyter/nbgrader:create-assignment
    @jupyter/nbgrader:course-list
)

echo "learner_setup: configuring $("$PY" -c 'import sys; print(sys.prefix)')"

"$PY" -m jupyterlab.labextensions disable --level=sys_prefix "${INSTRUCTOR_PLUGINS[@]}"
"$PY" -m jupyterlab.labextensions lock --level=sys_prefix "${INSTRUCTOR_PLUGINS[@]}"
"$PY" -m jupyter_server.extension.serverextension disable --sys-prefix \
    nbgrader.server_extensions.formgrader

# Hide instructor files from the file browser (they can still be reached by path, on purpose:
# this is tidiness, not security - the solutions are in the public repository anyway).
"$PY" - <<'PYCODE'
import json, sys
from pathlib import Path
# jupyter_server reads general settings from jupyter_server_config.json (its .d folder is only
# for switching extensions on and off), so merge into that file.
cfg = Path(sys.prefix, "etc", "jupyter", "jupyter_server_config.json")
cfg.parent.mkdir(parents=True, exist_ok=True)
data = json.loads(cfg.read_text(encoding="utf-8")) if cfg.exists() else {}
hide = ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*.so", "*.dylib", "*~",  # server defaults
        "source", "gradebook.db", "autograded", "feedback", "submitted",  # instructor's files and
        "classgrade", "exchange", "grades*.csv"]                             # grading outputs
data.setdefault("ContentsManager", {})["hide_globs"] = hide
cfg.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
PYCODE

# Check the result: the effective configuration of this environment.
"$PY" - "${INSTRUCTOR_PLUGINS[@]}" <<'PYCODE'
import json, sys
from pathlib import Path
from jupyter_core.paths import jupyter_config_path
from jupyter_server.extension.config import ExtensionConfigManager

problems = []
servers = ExtensionConfigManager(read_config_path=jupyter_config_path()).get_jpserver_extensions()
if servers.get("nbgrader.server_extensions.formgrader", False):
    problems.append("server extension nbgrader.server_extensions.formgrader is still enabled")
for keep in ("validate_assignment", "assignment_list"):
    if not servers.get(f"nbgrader.server_extensions.{keep}", False):
        problems.append(f"server extension nbgrader.server_extensions.{keep} is not enabled")
page = json.loads(Path(sys.prefix, "etc", "jupyter", "labconfig", "page_config.json").read_text())
for plugin in sys.argv[1:]:
    if not page.get("disabledExtensions", {}).get(plugin):
        problems.append(f"lab plugin {plugin} is not disabled")
    if not page.get("lockedExtensions", {}).get(plugin):
        problems.append(f"lab plugin {plugin} is not locked")
for keep in ("validate-assignment", "assignment-list"):
    if page.get("disabledExtensions", {}).get(f"@jupyter/nbgrader:{keep}"):
        problems.append(f"lab plugin @jupyter/nbgrader:{keep} is disabled")
if problems:
    sys.exit("learner_setup: FAILED\n  " + "\n  ".join(problems))
print("learner_setup: instructor tools off and locked; Validate and Assignments kept")
PYCODE
