"""The learners' repository (`make learner-repo OUT=dir`): everything learners need, no answers.

The tree is written once per module by the real make target. Then:

- allow-list: only the start page, the released notebooks, data, workbook/, the check modules of
  graders/, the environment and Binder files and the README; nothing of source/, authoring/,
  tests/ (answer keys, wrong answers), the instructor tools or the instructor dashboard;
- leak scan over every file of the tree: no nbgrader solution or hidden-test marker, no line of
  any solution, hidden test or wrong answer, no answer key (by name or by content); the
  notebooks are byte-identical to release/, which tests/pipeline/test_leaks.py scans for the
  expected values of the hidden checks;
- the environment: the learners' pins are the instructors' pins minus the maintainers' tools;
- a fresh environment built from the tree (build_fresh_env below) with its postBuild applied
  serves and runs the start page and runs each week's set-up cell, importing workbook and
  graders from the tree; the instructor tools cannot be imported there;
- the README's Binder badge points at the learners' repository (placeholder or --repo).
"""
from __future__ import annotations

import ast
import hashlib
import shutil
import sysconfig
import tomllib
import venv
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

import _learner_env
from conftest import HIDDEN, ROOT, SOLUTION, grade_cells

sys.path.insert(0, str(ROOT / "tools"))
import learner_repo  # noqa: E402
from pins import conda_pins  # noqa: E402

RELEASED = sorted(p.parent.name for p in (ROOT / "release").glob("*/*.ipynb"))
MARKERS = re.compile(r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS")
ALLOWED_TOP = {"README.md", ".gitignore", "environment.yml", "requirements.txt", "pyproject.toml",
               "postBuild", "apt.txt", "notebooks", "release", "data", "workbook", "graders", "tools", "course.yml"}
INSTRUCTOR_MODULES = {"classgrade", "sandbox", "feedback", "integrity", "guard", "lms_export",
                      "compare", "reference", "contract", "hidden", "keys"}


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("learners") / "repo"
    proc = subprocess.run(["make", "--no-print-directory", "learner-repo", f"OUT={out}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "LEARNERS-OWNER/LEARNERS-REPO" in proc.stdout, "the placeholder badge should be announced"
    return out


def _files(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*") if p.is_file())


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="ignore")


# --------------------------------------------------------------------------------------------
# What is in the tree
# --------------------------------------------------------------------------------------------

def test_only_the_allow_listed_folders_and_files(tree):
    top = {p.name for p in tree.iterdir()}
    assert top <= ALLOWED_TOP, f"unexpected in the learners' tree: {sorted(top - ALLOWED_TOP)}"
    assert {"notebooks", "release", "data", "workbook", "graders", "environment.yml", "postBuild",
            "apt.txt", "README.md"} <= top
    assert [p.relative_to(tree).as_posix() for p in (tree / "tools").rglob("*") if p.is_file()] == \
        ["tools/learner_setup.sh"], "only the learner set-up of tools/ belongs to learners"
    assert sorted(p.name for p in (tree / "notebooks").iterdir()) == \
        ["00-start-here.ipynb", "01-readiness-check.ipynb"], "the instructor dashboard is not for learners"
    names = {p.relative_to(tree).parts[0] for p in _files(tree)}
    assert not names & {"source", "authoring", "tests", "datagen", "hub", "autograded", "submitted",
                        "feedback", "gradebook.db", "nbgrader_config.py", "Makefile", ".ci"}


def test_graders_holds_only_the_checks(tree):
    files = {p.relative_to(tree / "graders").as_posix() for p in (tree / "graders").rglob("*.py")}
    shipped = {Path(n).stem for n in files}
    assert files == set(learner_repo.graders_modules())
    assert {"checks", "__init__", "kernel/checks.py"} <= shipped | files
    assert not shipped & INSTRUCTOR_MODULES, f"instructor tools shipped: {shipped & INSTRUCTOR_MODULES}"
    assert [p.name for p in (tree / "graders").iterdir() if p.is_dir()] in ([], ["kernel"]), \
        "no sub-packages (keys) in graders/ other than the kernel side"


def test_every_released_week_and_its_data(tree):
    assert RELEASED, "nothing released"
    for week in RELEASED:
        for src in (ROOT / "release" / week).rglob("*"):
            if src.is_file() and "__pycache__" not in src.parts and ".ipynb_checkpoints" not in src.parts:
                dst = tree / src.relative_to(ROOT)
                assert dst.exists(), f"{dst.relative_to(tree)} missing"
                # Byte for byte: tests/pipeline/test_leaks.py scans these very bytes for expected values.
                assert dst.read_bytes() == src.read_bytes(), f"{dst.relative_to(tree)} differs from release/"
    assert (tree / learner_repo.START).read_bytes() == (ROOT / learner_repo.START).read_bytes()
    data = {p.relative_to(ROOT / "data") for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert data == {p.relative_to(tree / "data") for p in (tree / "data").rglob("*") if p.is_file()}


def test_start_page_links_resolve_for_every_released_week(tree):
    nb = nbformat.read(tree / learner_repo.START, as_version=4)
    links = set(re.findall(r"\]\((\.\./release/[^)]+)\)", "\n".join(c.source for c in nb.cells)))
    assert links, "the start page links no week"
    for week in RELEASED:
        link = f"../release/{week}/{week}.ipynb"
        assert link in links, f"the start page does not link {week}"
        assert (tree / "notebooks" / link).resolve().is_file()


LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|(?:href|src)=\"([^\"]+)\"")


def _relative_links(path: Path) -> list[str]:
    """Every relative link (markdown or HTML) in a markdown file or a notebook's markdown cells."""
    if path.suffix == ".ipynb":
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    else:
        text = _text(path)
    links = [a or b for a, b in LINK.findall(text)]
    return [link for link in links if not re.match(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", link, re.I)]


def test_every_relative_link_in_every_notebook_and_markdown_file_resolves(tree):
    pages = [p for p in _files(tree) if p.suffix in (".ipynb", ".md")]
    assert any(p.name == "01-readiness-check.ipynb" for p in pages), "the readiness check is not in the tree"
    broken, seen = [], 0
    for page in pages:
        for link in _relative_links(page):
            seen += 1
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            if not target.exists() or tree.resolve() not in (target, *target.parents):
                broken.append(f"{page.relative_to(tree)} -> {link}")
    assert seen > 10, f"only {seen} relative links found: is the link pattern right?"
    assert not broken, "broken links in the learners' tree:\n" + "\n".join(broken)


# --------------------------------------------------------------------------------------------
# Leak scan
# --------------------------------------------------------------------------------------------

DATA_TEXT = {".yaml", ".yml", ".json", ".md", ".txt"}


def _lines(path: Path) -> set[str]:
    """Stripped lines a reader sees: for a notebook its cells' sources and text outputs."""
    text = _text(path)
    if path.suffix == ".ipynb":
        nb = json.loads(text)
        parts = []
        for cell in nb["cells"]:
            parts.append("".join(cell["source"]))
            for out in cell.get("outputs", []):
                parts.append("".join(out.get("text", "")))
                parts.extend("".join(v) if isinstance(v, list) else str(v) for v in out.get("data", {}).values())
        text = "\n".join(parts)
    return {ln.strip() for ln in text.splitlines()}


def _secret_lines() -> dict[str, set[str]]:
    """Lines (over 15 characters) of every solution and hidden test, and of every wrong answer."""
    solution, hidden, wrong, public = set(), set(), set(), set()
    for week in RELEASED:
        nb = nbformat.read(ROOT / "source" / week / f"{week}.ipynb", as_version=4)
        for cell in nb.cells:  # what the source shows outside its solution and hidden blocks is public
            if not cell.metadata.get("nbgrader", {}).get("solution") or cell.cell_type == "code":
                rest = HIDDEN.sub("", SOLUTION.sub("", cell.source))
                public |= {ln.strip() for ln in rest.splitlines()}
        for cell in grade_cells(nb).values():
            meta = cell.metadata["nbgrader"]
            blocks = SOLUTION.findall(cell.source) if cell.cell_type == "code" else \
                [cell.source] if meta["solution"] else []
            solution |= {ln.strip() for b in blocks for ln in b.splitlines() if len(ln.strip()) > 15}
            hidden |= {ln.strip() for b in HIDDEN.findall(cell.source) for ln in b.splitlines()
                       if len(ln.strip()) > 15}
    # The course's generated data is public by construction (datagen writes it, not a solution):
    # a line a solution shares with it (`apiVersion: backstage.io/v1alpha1`) is the format's, not an answer.
    public |= {ln for path in (ROOT / "data").rglob("*") if path.is_file() and path.suffix in DATA_TEXT
               for ln in _lines(path)}
    released = {ln.strip() for week in RELEASED
                for c in nbformat.read(ROOT / "release" / week / f"{week}.ipynb", as_version=4).cells
                for ln in c.source.splitlines()}
    for path in sorted((ROOT / "tests" / "answers").glob("week_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" in node.value:
                wrong |= {ln.strip() for ln in node.value.splitlines() if len(ln.strip()) > 15}
    # A wrong answer may repeat a line the learner is given (a signature, a column list).
    # (the visible part of a hidden-check cell repeats `from graders import call`, for instance).
    return {"solution": solution - public, "hidden test": hidden - public, "wrong answer": wrong - released - public}


def test_leak_scan_finds_no_marker_solution_hidden_test_or_wrong_answer(tree):
    secrets_ = _secret_lines()
    assert all(secrets_.values()), {k: len(v) for k, v in secrets_.items()}
    hits = []
    for path in _files(tree):
        text = _text(path)
        if MARKERS.search(text):
            hits.append((path.relative_to(tree).as_posix(), "nbgrader marker"))
        lines = _lines(path)
        for kind, secret in secrets_.items():
            found = secret & lines
            if found:
                hits.append((path.relative_to(tree).as_posix(), kind, sorted(found)[:3]))
    assert not hits, f"answers in the learners' tree: {hits[:10]}"


def test_leak_scan_control_finds_a_planted_solution(tree, tmp_path):
    """The scan is not blind: a solution line planted in a copy of a notebook is found."""
    line = sorted(_secret_lines()["solution"])[0]
    planted = tmp_path / "planted.ipynb"
    nb = nbformat.read(tree / "release" / RELEASED[0] / f"{RELEASED[0]}.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(f"x = 1\n{line}\n"))
    nbformat.write(nb, planted)
    assert line in _lines(planted)
    assert line not in _lines(tree / "release" / RELEASED[0] / f"{RELEASED[0]}.ipynb")


def test_no_answer_key_by_name_or_content(tree):
    keys = [p for p in (ROOT / "tests" / "keys").glob("*") if p.is_file() and p.name != "README.md"]
    assert keys, "no answer keys found to scan for"
    names = {p.name for p in keys}
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in keys}
    for path in _files(tree):
        assert path.name not in names, f"answer key {path.name} shipped"
        assert hashlib.sha256(path.read_bytes()).hexdigest() not in digests, f"{path} is an answer key"


# --------------------------------------------------------------------------------------------
# Environment, README
# --------------------------------------------------------------------------------------------

def test_environment_is_the_instructors_minus_maintainer_tools(tree):
    ours = dict(conda_pins((ROOT / "environment.yml").read_text()))
    theirs = dict(conda_pins((tree / "environment.yml").read_text()))
    assert theirs, "no pins in the learners' environment.yml"
    assert set(theirs) == set(ours) - learner_repo.MAINTAINER_ONLY
    assert all(theirs[n] == ours[n] for n in theirs), "a pin differs from the instructors' environment.yml"
    assert "- -e ." in (tree / "environment.yml").read_text()
    reqs = (tree / "requirements.txt").read_text().splitlines()
    assert {ln.split("==")[0]: ln.split("==")[1] for ln in reqs if "==" in ln} == theirs


def test_pyproject_installs_the_two_packages(tree):
    config = tomllib.loads((tree / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["build-system"]["build-backend"] == "setuptools.build_meta"
    assert set(config["project"]) <= {"name", "version", "description", "requires-python", "dependencies"}
    assert config["project"]["dependencies"] == [], "versions are pinned in environment.yml"
    packages = config["tool"]["setuptools"]["packages"]
    assert sorted(packages) == ["graders", "graders.kernel", "workbook"]
    assert all((tree / p.replace(".", "/") / "__init__.py").is_file() for p in packages)


def test_readme_badge_points_at_the_learners_repository(tree, tmp_path):
    readme = (tree / "README.md").read_text()
    badge = re.search(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    assert badge and "LEARNERS-OWNER/LEARNERS-REPO" in badge.group(1), readme[:800]
    assert badge.group(1).endswith("urlpath=lab/tree/notebooks/00-start-here.ipynb")
    main_readme = (ROOT / "README.md").read_text()
    assert re.search(r"mybinder\.org/v2/gh/LEARNERS-OWNER/LEARNERS-REPO/HEAD\?urlpath=lab/tree/notebooks/00-start-here\.ipynb",
                     main_readme), "the instructors' README badge should point at the learners' repository"
    assert "Two repositories" in main_readme
    out = tmp_path / "named"
    assert learner_repo.main(["--out", str(out), "--repo", "acme/platform-course"]) == 0
    assert "mybinder.org/v2/gh/acme/platform-course/HEAD" in (out / "README.md").read_text()
    assert learner_repo.main(["--out", str(out)]) == 2, "writing over a non-empty folder must be refused"
    assert learner_repo.main(["--out", str(ROOT / "learners")]) == 2, "inside the instructors' checkout"
    assert not (ROOT / "learners").exists()


# --------------------------------------------------------------------------------------------
# A fresh environment built from the tree
# --------------------------------------------------------------------------------------------

def build_fresh_env(tree: Path, where: Path) -> tuple[Path, dict[str, str]]:
    '''A fresh Python environment built FROM the tree; returns (its python, env vars to run it with).

    Like tests/_learner_env.py, it reuses the project venv's installed third-party packages rather than
    downloading ~600 MB again, but unlike it the project's own packages do not come along: the
    project's site-packages is added as a plain path, so its ``.pth`` files (the editable install of
    this checkout's workbook/graders among them) are never processed. The tree's own packages are then
    put on the new environment's path as an editable install would (what environment.yml's
    ``- -e .`` does on Binder), and the tree's ``postBuild`` is run there. Whatever the notebooks
    import from workbook/ or graders/ therefore comes from the tree, and a module the tree lacks
    cannot be imported.
    '''
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


RUNNER = r'''
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

tree = Path(sys.argv[1])
report = {}
import graders, workbook
report["packages"] = [str(Path(graders.__file__).resolve()), str(Path(workbook.__file__).resolve())]
for name in ("graders.classgrade", "graders.feedback", "graders.sandbox", "graders.lms_export"):
    try:
        __import__(name)
        report.setdefault("instructor_importable", []).append(name)
    except ModuleNotFoundError:
        pass
start = nbformat.read(tree / "notebooks" / "00-start-here.ipynb", as_version=4)
NotebookClient(start, timeout=60, resources={"metadata": {"path": str(tree / "notebooks")}}).execute()
report["start"] = "".join(o.get("text", "") for c in start.cells if c.cell_type == "code" for o in c.outputs)
for week in sys.argv[2:]:
    folder = tree / "release" / week
    nb = nbformat.read(folder / f"{week}.ipynb", as_version=4)
    setup = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "setup"]
    if not setup:
        report[week] = "no set-up cell"
        continue
    nb.cells = setup + [nbformat.v4.new_code_cell("from graders import call, check, passed")]
    NotebookClient(nb, timeout=60, resources={"metadata": {"path": str(folder)}}).execute()
    errors = [o for c in nb.cells for o in c.outputs if o.output_type == "error"]
    report[week] = "ok" if not errors else f"{errors[0].ename}: {errors[0].evalue}"
print(json.dumps(report))
'''


@pytest.fixture(scope="module")
def fresh(tree, tmp_path_factory):
    base = tmp_path_factory.mktemp("fresh")
    py, env = build_fresh_env(tree, base / "env")
    proc = subprocess.run([str(tree / "postBuild")], cwd=tree, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, f"the tree's postBuild failed:\n{proc.stdout}\n{proc.stderr}"
    return py, env


def test_fresh_environment_runs_the_start_page_and_every_set_up_cell(tree, fresh):
    py, env = fresh
    proc = subprocess.run([str(py), "-c", RUNNER, str(tree), *RELEASED], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert all(Path(p).is_relative_to(tree.resolve()) for p in report["packages"]), \
        f"workbook/graders imported from outside the tree: {report['packages']}"
    assert not report.get("instructor_importable"), report.get("instructor_importable")
    for week in RELEASED:
        assert re.search(rf"^{week}\s+ready", report["start"], re.M), report["start"]
        assert report[week] == "ok", f"{week} set-up cell: {report[week]}"


def test_fresh_environment_serves_the_start_page_with_the_learner_set_up(tree, fresh, tmp_path):
    py, env = fresh
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(16)
    cmd = [str(py), "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tree}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = tmp_path / "lab.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def get(path):
        req = urllib.request.Request(base + path, headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read().decode()

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get("/api/status")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)
        status, page = get("/lab/tree/notebooks/00-start-here.ipynb")
        assert status == 200 and "jupyter-config-data" in page
        config = json.loads(re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                                      page, re.S).group(1))
        disabled = config.get("disabledExtensions", [])
        disabled = list(disabled) if isinstance(disabled, (list, dict)) else []
        assert "@jupyter/nbgrader:formgrader" in disabled, "the learner set-up did not switch formgrader off"
        status, body = get("/api/contents/notebooks/00-start-here.ipynb")
        assert status == 200 and json.loads(body)["type"] == "notebook"
    finally:
        req = urllib.request.Request(base + "/api/shutdown", method="POST",
                                     headers={"Authorization": f"token {token}"})
        try:
            urllib.request.urlopen(req, timeout=10)
            proc.wait(timeout=20)
        except Exception:
            proc.kill()
            proc.wait(timeout=20)
