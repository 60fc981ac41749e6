"""Test-local helper: a fresh Python environment built FROM a given tree (the learners' repository).

Like tests/_learner_env.py, it reuses the project venv's installed third-party packages rather than
downloading ~600 MB again, but unlike it the project's own packages do not come along: the
project's site-packages is added as a plain path, so its ``.pth`` files (the editable install of
this checkout's workbook/graders among them) are never processed. The tree's own packages are then
put on the new environment's path as an editable install would (what environment.yml's
``- -e .`` does on Binder), and the tree's ``postBuild`` is run there. Whatever the notebooks
import from workbook/ or graders/ therefore comes from the tree, and a module the tree lacks
cannot be imported.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import _learner_env


def build(tree: Path, where: Path) -> tuple[Path, dict[str, str]]:
    """Create the environment at ``where``; return (its python, the env vars to run things with)."""
    src = Path(sys.prefix)
    venv.EnvBuilder(with_pip=False, symlinks=True, clear=True).create(where)
    py = where / "bin" / "python"
    purelib = Path(subprocess.check_output(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    (purelib / "_shared_third_party.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    shutil.copytree(src / "etc" / "jupyter", where / "etc" / "jupyter")
    share = where / "share" / "jupyter"
    share.mkdir(parents=True)
    for item in (src / "share" / "jupyter").iterdir():
        (share / item.name).symlink_to(item, target_is_directory=item.is_dir())
    env = _learner_env.clean_env(py, where.parent / "home")
    # `pip install -e TREE` as environment.yml's `- -e .` does on Binder; pip would need network
    # access (build isolation) or the `wheel` package here, so do what an editable install amounts
    # to: the tree's folder on the new environment's path. pyproject.toml itself is validated by
    # test_learner_repo.test_pyproject_installs_the_two_packages.
    (purelib / "__editable__.learner_tree.pth").write_text(f"{tree}\n", encoding="utf-8")
    return py, env
