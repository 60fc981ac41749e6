"""Binder (repo2docker) launch files: what can be checked without reaching mybinder.org.

* the files repo2docker reads parse, and nothing in the repository makes it ignore them;
* every package that a notebook or the course's own code imports is declared in environment.yml;
* postBuild runs in a clean environment and leaves the learner set-up in it (instructor tools
  off and locked, the learner's Validate kept), without touching the project's own venv;
* the launch link in docs/binder.md opens the start page.
"""
from __future__ import annotations

import ast
import fnmatch
import hashlib
import importlib.metadata as md
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

import _learner_env

ROOT = Path(__file__).resolve().parents[2]
ENV_FILE = ROOT / "environment.yml"
START_PAGE = "notebooks/00-start-here.ipynb"
INSTRUCTOR_PLUGINS = ["formgrader", "create-assignment", "course-list"]
LEARNER_PLUGINS = ["validate-assignment", "assignment-list"]

# Import name -> conda-forge/PyPI package name, where they differ and the installed metadata
# cannot tell (a module imported but not installed would otherwise go unnoticed).
IMPORT_TO_PACKAGE = {
    "yaml": "pyyaml",
    "IPython": "ipython",
    "sklearn": "scikit-learn",
    "PIL": "pillow",
    "dateutil": "python-dateutil",
    "ipywidgets": "ipywidgets",
    "playwright": "playwright",
}
COURSE_PACKAGES = {"workbook", "graders", "tools", "_learner_env"}
PY_SOURCES = ["workbook", "graders", "tools", "tests"]
NOTEBOOK_FOLDERS = ["source", "release", "notebooks"]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    env = yaml.safe_load(ENV_FILE.read_text(encoding="utf-8"))
    names = set()
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            names.add(_norm(re.split(r"[=<>! ]", dep, maxsplit=1)[0]))
        elif isinstance(dep, dict):
            for line in dep.get("pip", []):
                if not line.startswith("-"):
                    names.add(_norm(re.split(r"[=<>!~ \[]", line, maxsplit=1)[0]))
    return names


# ---------------------------------------------------------------------------------------------
# The files parse, and repo2docker will use them
# ---------------------------------------------------------------------------------------------

def test_environment_yml_is_what_repo2docker_expects():
    env = yaml.safe_load(ENV_FILE.read_text(encoding="utf-8"))
    assert isinstance(env, dict) and env.get("dependencies"), "environment.yml must be a mapping with dependencies"
    deps = env["dependencies"]
    assert any(isinstance(d, str) and re.fullmatch(r"python=3\.\d+", d) for d in deps), \
        "pin the Python version (python=3.x) so Binder builds the same interpreter"
    assert "conda-forge" in env.get("channels", [])
    pip = [d for d in deps if isinstance(d, dict)]
    assert pip and "-e ." in pip[0].get("pip", []), (
        "environment.yml's pip section must install the repository (-e .): repo2docker then "
        "copies the whole repository before building, and workbook/graders become importable")
    for dep in deps:
        if isinstance(dep, str) and dep not in ("pip",):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+=[0-9][^\s=]*", dep), f"unpinned or malformed dependency: {dep!r}"


def test_nothing_makes_repo2docker_ignore_the_root_files():
    # A binder/ (or .binder/) folder makes repo2docker ignore every configuration file at the
    # root; a Dockerfile replaces the conda build altogether. (apt.txt only adds Debian packages.)
    for name in ("binder", ".binder", "Dockerfile", "runtime.txt", "Project.toml"):
        assert not (ROOT / name).exists(), f"{name} would change how Binder builds the course"


def test_apt_txt_installs_promtool():
    # repo2docker installs apt.txt's Debian packages (one per line; "#" starts a comment) on Binder
    # and in the hub images: prometheus provides promtool, which Week 6 runs.
    lines = (ROOT / "apt.txt").read_text(encoding="utf-8").splitlines()
    packages = [p for p in (line.partition("#")[0].strip() for line in lines) if p]
    assert packages == ["prometheus"]


@pytest.mark.parametrize("script", ["postBuild", "tools/learner_setup.sh", "tools/install_browser.sh",
                                    "tools/install_promtool.sh"])
def test_shell_scripts_parse(script):
    path = ROOT / script
    assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n"), f"{script}: bash shebang"
    assert os.access(path, os.X_OK), f"{script} must be executable (git update-index --chmod=+x)"
    subprocess.run(["bash", "-n", str(path)], check=True)


def test_postbuild_is_executable_in_git():
    # repo2docker runs ./postBuild from a git checkout: the executable bit must be in git.
    out = subprocess.run(["git", "ls-files", "-s", "postBuild", "tools/learner_setup.sh",
                          "tools/install_browser.sh", "tools/install_promtool.sh"], cwd=ROOT, capture_output=True,
                         text=True)
    if out.returncode != 0 or not out.stdout.strip():
        pytest.skip("not a git checkout")
    for line in out.stdout.splitlines():
        assert line.startswith("100755"), f"not executable in git: {line}"


def test_binder_link_opens_the_start_page():
    text = (ROOT / "docs" / "binder.md").read_text(encoding="utf-8")
    links = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+", text)
    assert links, "docs/binder.md has no mybinder.org link"
    for link in links:
        assert link.endswith("?urlpath=lab/tree/" + START_PAGE), link
        # Binder builds the learners' repository only: this one holds every solution
        assert "/gh/LEARNERS-OWNER/LEARNERS-REPO/" in link, f"the badge must point at the learners' repository: {link}"
    assert "https://mybinder.org/badge_logo.svg" in text
    assert (ROOT / START_PAGE).is_file()


# ---------------------------------------------------------------------------------------------
# Every imported package is declared
# ---------------------------------------------------------------------------------------------

def _top_level_imports(code: str, where: str) -> set[str]:
    # IPython magics and shell escapes are not Python.
    lines = [("#" + ln) if ln.lstrip().startswith(("%", "!")) else ln for ln in code.splitlines()]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError as err:  # a learner's stub may be incomplete: say where
        raise AssertionError(f"{where}: cannot parse code: {err}") from err
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _all_imports() -> dict[str, set[str]]:
    """Top-level module name -> the files that import it."""
    users: dict[str, set[str]] = {}
    for folder in NOTEBOOK_FOLDERS:
        for nb_path in sorted((ROOT / folder).rglob("*.ipynb")):
            if ".ipynb_checkpoints" in nb_path.parts:
                continue
            nb = nbformat.read(nb_path, as_version=4)
            for i, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    where = f"{nb_path.relative_to(ROOT)} cell {i}"
                    for mod in _top_level_imports(cell.source, where):
                        users.setdefault(mod, set()).add(str(nb_path.relative_to(ROOT)))
    for folder in PY_SOURCES:
        for py in sorted((ROOT / folder).rglob("*.py")):
            rel = str(py.relative_to(ROOT))
            for mod in _top_level_imports(py.read_text(encoding="utf-8"), rel):
                users.setdefault(mod, set()).add(rel)
    return users


def _local_modules() -> set[str]:
    """Modules that are files of this repository (tests' helpers, conftest, tools)."""
    folders = (ROOT, ROOT / "tools", *(p.parent for p in (ROOT / "tests").rglob("*.py")))
    modules = {p.stem for folder in set(folders) for p in folder.glob("*.py")}
    packages = {p.parent.name for folder in folders for p in folder.glob("*/__init__.py")}
    return modules | packages


def _package_of(module: str) -> str | None:
    """The package that provides an importable module, or None for the standard library."""
    if module in sys.stdlib_module_names or module == "__future__":
        return None
    if module in IMPORT_TO_PACKAGE:
        return IMPORT_TO_PACKAGE[module]
    dists = md.packages_distributions().get(module)
    if dists:
        return dists[0]
    return module  # not installed: report it under its own name


def test_every_imported_package_is_declared_in_environment_yml():
    declared = _declared()
    users = _all_imports()
    assert users, "found no imports at all: is the scan looking in the right folders?"
    missing = {}
    for module, files in sorted(users.items()):
        if module in COURSE_PACKAGES or module in _local_modules():
            continue
        package = _package_of(module)
        if package is not None and _norm(package) not in declared:
            missing[f"{module} (package {package})"] = sorted(files)
    assert not missing, (
        "imported but not declared in environment.yml (Binder would not install them, or would "
        "pick any version): " + json.dumps(missing, indent=2))


def test_the_import_scan_sees_the_notebooks():
    users = _all_imports()
    # The start page uses pathlib; Week 1 uses pandas and matplotlib once it exists.
    assert any(f.startswith("notebooks/") for fs in users.values() for f in fs)
    if (ROOT / "release" / "week-01" / "week-01.ipynb").exists():
        assert "release/week-01/week-01.ipynb" in users.get("pandas", set())


# ---------------------------------------------------------------------------------------------
# postBuild in a clean environment
# ---------------------------------------------------------------------------------------------

def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def post_built(tmp_path_factory):
    """A clean environment with postBuild run in it: (python, env vars, postBuild result)."""
    project_config = Path(sys.prefix) / "etc" / "jupyter"
    before = _fingerprint(project_config)
    base = tmp_path_factory.mktemp("binder")
    py = _learner_env.build_clean_prefix(base / "env")
    result = _learner_env.run_post_build(py, base / "home")
    assert _fingerprint(project_config) == before, "postBuild changed the project's own venv"
    return py, _learner_env.clean_env(py, base / "home"), result


def test_postbuild_succeeds_in_a_clean_environment(post_built):
    py, _, result = post_built
    assert result.returncode == 0, f"postBuild failed:\n{result.stdout}\n{result.stderr}"
    assert "instructor tools off and locked" in result.stdout


def test_postbuild_turns_instructor_lab_plugins_off_and_locks_them(post_built):
    py, env, _ = post_built
    out = subprocess.run([py, "-m", "jupyterlab.labextensions", "list"], env=env,
                         capture_output=True, text=True, check=True)
    text = out.stdout + out.stderr
    disabled = text.split("Disabled extensions:", 1)[1] if "Disabled extensions:" in text else ""
    for plugin in INSTRUCTOR_PLUGINS:
        assert f"@jupyter/nbgrader:{plugin}" in disabled, f"{plugin} is not disabled:\n{text}"
    for plugin in LEARNER_PLUGINS:
        assert f"@jupyter/nbgrader:{plugin}" not in disabled, f"{plugin} must stay on:\n{text}"
    page = json.loads((py.parent.parent / "etc/jupyter/labconfig/page_config.json").read_text())
    for plugin in INSTRUCTOR_PLUGINS:
        assert page["lockedExtensions"].get(f"@jupyter/nbgrader:{plugin}") is True, f"{plugin} not locked"


def test_postbuild_turns_the_formgrader_server_extension_off(post_built):
    py, env, _ = post_built
    code = ("from jupyter_core.paths import jupyter_config_path\n"
            "from jupyter_server.extension.config import ExtensionConfigManager\n"
            "import json\n"
            "print(json.dumps(ExtensionConfigManager(read_config_path=jupyter_config_path())"
            ".get_jpserver_extensions()))")
    out = subprocess.run([py, "-c", code], env=env, capture_output=True, text=True, check=True)
    enabled = json.loads(out.stdout)
    assert enabled.get("nbgrader.server_extensions.formgrader") is False
    assert enabled.get("nbgrader.server_extensions.validate_assignment") is True
    assert enabled.get("nbgrader.server_extensions.assignment_list") is True
    assert enabled.get("jupyterlab") is True


def test_postbuild_hides_the_instructor_folder(post_built):
    py, env, _ = post_built
    cfg = py.parent.parent / "etc/jupyter/jupyter_server_config.json"
    hide = json.loads(cfg.read_text())["ContentsManager"]["hide_globs"]
    assert "source" in hide and "release" not in hide and "notebooks" not in hide
    assert {"gradebook.db", "submitted", "autograded", "feedback", "classgrade"} <= set(hide)
    assert not any(fnmatch.fnmatch(name, glob) for glob in hide
                   for name in ("week-01.ipynb", "developer_journey.csv", "data", "00-start-here.ipynb")), hide
