#!/usr/bin/env bash
# Instructor set-up: undo tools/learner_setup.sh in an image built from the instructors' repository.
#
#     bash tools/instructor_setup.sh            # the active Python environment (sys-prefix level)
#
# repo2docker runs a repository's postBuild, and the instructors' repository shares its postBuild
# with the learners' one (the learner set-up: formgrader off and locked). The instructors' image for
# Zero to JupyterHub runs this script afterwards (hub/z2jh/instructors.appendix): nbgrader's
# instructor tools on and unlocked, source/ and the gradebook visible again.
set -euo pipefail

PY="${PYTHON:-$(command -v python3 || command -v python)}"
INSTRUCTOR_PLUGINS=(
    @jupyter/nbgrader:formgrader
    @jupyter/nbgrader:create-assignment
    @jupyter/nbgrader:course-list
)
echo "instructor_setup: configuring $("$PY" -c 'import sys; print(sys.prefix)')"
"$PY" -m jupyterlab.labextensions unlock --level=sys_prefix "${INSTRUCTOR_PLUGINS[@]}"
"$PY" -m jupyterlab.labextensions enable --level=sys_prefix "${INSTRUCTOR_PLUGINS[@]}"
"$PY" -m jupyter_server.extension.serverextension enable --sys-prefix nbgrader.server_extensions.formgrader

"$PY" - "${INSTRUCTOR_PLUGINS[@]}" <<'PYCODE'
import json, sys
from pathlib import Path
from jupyter_core.paths import jupyter_config_path
from jupyter_server.extension.config import ExtensionConfigManager

cfg = Path(sys.prefix, "etc", "jupyter", "jupyter_server_config.json")
if cfg.exists():  # show source/ and the gradebook again
    data = json.loads(cfg.read_text(encoding="utf-8"))
    hidden = data.get("ContentsManager", {}).get("hide_globs", [])
    data.setdefault("ContentsManager", {})["hide_globs"] = [
        g for g in hidden if g not in ("source", "gradebook.db", "autograded", "feedback", "submitted")]
    cfg.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
problems = []
servers = ExtensionConfigManager(read_config_path=jupyter_config_path()).get_jpserver_extensions()
if not servers.get("nbgrader.server_extensions.formgrader", False):
    problems.append("server extension nbgrader.server_extensions.formgrader is not enabled")
page = json.loads(Path(sys.prefix, "etc", "jupyter", "labconfig", "page_config.json").read_text())
for plugin in sys.argv[1:]:
    if page.get("disabledExtensions", {}).get(plugin) or page.get("lockedExtensions", {}).get(plugin):
        problems.append(f"lab plugin {plugin} is still disabled or locked")
if problems:
    sys.exit("instructor_setup: FAILED\n  " + "\n  ".join(problems))
print("instructor_setup: formgrader, create-assignment and the course list on")
PYCODE
