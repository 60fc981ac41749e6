"""Test-local helper: a clean Python prefix with the learner set-up applied, built in seconds.

Binder installs environment.yml into a fresh environment and then runs ``postBuild``. Reinstalling
~600 MB of packages for every test run is too slow, so this builds the next best thing:

* a brand-new virtual environment (its own ``sys.prefix``, its own empty ``etc/jupyter``), whose
  ``site-packages`` reuses the already-installed packages of the project's venv through a
  ``.pth`` file (code only - nothing of the project venv's configuration comes along);
* the files those packages install *outside* site-packages (``etc/jupyter`` server-extension
  switches, ``share/jupyter`` lab assets, kernels) copied or linked in, as ``pip install`` would;
* then the repository's real ``postBuild`` is run in it, with that environment's ``python``
  first on ``PATH``.

``postBuild`` can therefore only touch the new prefix; the project's own venv (an instructor's
environment, with formgrader) is never modified. The test asserts that too.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _project_prefix() -> Path:
    return Path(sys.prefix)


def build_clean_prefix(where: Path) -> Path:
    """Create a clean environment at ``where`` and return its python executable."""
    src = _project_prefix()
    venv.EnvBuilder(with_pip=False, symlinks=True, clear=True).create(where)
    py = where / "bin" / "python"
    purelib = Path(subprocess.check_output(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    shared = sysconfig.get_paths()["purelib"]
    # `import site; site.addsitedir(...)` (not a bare path) so the project venv's own .pth files -
    # the editable install of workbook/graders among them - are processed too.
    (purelib / "_project_site_packages.pth").write_text(
        f"import site; site.addsitedir({shared!r})\n", encoding="utf-8")
    # Data files that pip installs beside site-packages.
    shutil.copytree(src / "etc" / "jupyter", where / "etc" / "jupyter")
    share = where / "share" / "jupyter"
    share.mkdir(parents=True)
    for item in (src / "share" / "jupyter").iterdir():
        (share / item.name).symlink_to(item, target_is_directory=item.is_dir())
    # Entry points the notebooks' tooling may call by name (nbgrader's Validate runs
    # `python -m nbgrader`, so only python matters; jupyter is here for humans debugging).
    return py


def clean_env(prefix_python: Path, home: Path) -> dict[str, str]:
    """Environment variables for running things in the clean prefix, isolated from ~/.jupyter."""
    prefix_bin = str(prefix_python.parent)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "VIRTUAL_ENV", "PYTHON", "IPYTHON", "MPL"))}
    path = [p for p in env.get("PATH", "").split(os.pathsep)
            if p and Path(p).resolve() != (Path(sys.prefix) / "bin").resolve()]
    env.update(
        PATH=os.pathsep.join([prefix_bin, *path]),
        VIRTUAL_ENV=str(prefix_python.parent.parent),
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / ".local" / "share" / "jupyter"),
        JUPYTER_RUNTIME_DIR=str(home / ".local" / "share" / "jupyter" / "runtime"),
        IPYTHONDIR=str(home / ".ipython"),
        MPLCONFIGDIR=str(home / ".config" / "matplotlib"),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    home.mkdir(parents=True, exist_ok=True)
    return env


def run_post_build(prefix_python: Path, home: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the repository's postBuild as repo2docker does: `./postBuild` from the repo root."""
    env = clean_env(prefix_python, home)
    return subprocess.run([str(ROOT / "postBuild")], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=120)
