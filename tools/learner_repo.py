"""Write the learners' repository: what learners get (and what Binder builds), without the answers.

    python tools/learner_repo.py --out DIR [--repo OWNER/NAME] [--force]
    make learner-repo OUT=DIR [REPO=OWNER/NAME]

The instructors' repository (this one) holds the solutions: source/, authoring/, the answer keys
(tests/keys/), the wrong answers (tests/answers/) and the grading tools. The learners' repository
is a separate, public one, written from this one by this script and pushed as its own history
(README.md, "Two repositories"). It holds

- the start page (notebooks/00-start-here.ipynb), the course manifest course.yml it reads, and the released student notebooks (release/,
  with each week's data copy), byte for byte as `make release` wrote them;
- the course data (data/) and the packages the notebooks import: workbook/ (whole) and of
  graders/ only the modules the checks need (the closure of ``graders/__init__.py``'s imports, plus
  any ``graders.<module>`` a student notebook imports by name) - never the class-grading, sandbox,
  feedback or export tools;
- environment.yml without the maintainers' test tools, a requirements.txt derived from it, a
  pyproject.toml for the two packages, postBuild and tools/learner_setup.sh (Binder's learner
  set-up), and a learners' README whose Binder badge points at the learners' repository.

Everything is copied from an allow-list: a file nobody listed here never reaches learners.
``--repo OWNER/NAME`` fills in the badge; without it the badge keeps the documented placeholder
``LEARNERS-OWNER/LEARNERS-REPO``. Standard library only.
"""
from __future__ import annotations

import argparse
import ast
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from pins import conda_pins  # noqa: E402  (tools/pins.py: the same pin parser as requirements.txt)

PLACEHOLDER = "LEARNERS-OWNER/LEARNERS-REPO"
START = "notebooks/00-start-here.ipynb"
# The learners' pages: the start page and every page it links (the instructor dashboard stays out).
PAGES = (START, "notebooks/01-readiness-check.ipynb")
# Pins only the maintainers need (test suite, authoring); learners' environments leave them out.
MAINTAINER_ONLY = {"pytest", "pytest-xdist", "nbval", "playwright", "pytest-playwright", "jupytext", "jupyterhub-kubespawner"}
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", ".DS_Store", "node_modules")
IMPORT = re.compile(r"^\s*(?:from\s+(graders(?:\.\w+)*)\s+import|import\s+(graders(?:\.\w+)*))", re.M)


def graders_modules(root: Path = ROOT) -> list[str]:
    """Files in graders/ (paths relative to it) that the learners' notebooks need: ``__init__`` and
    what it imports, with the packages of sub-modules (``kernel/__init__.py`` for ``kernel.checks``)."""
    import json

    pkg = root / "graders"

    def path(name: str) -> Path | None:
        base = pkg.joinpath(*name.split("."))
        return base / "__init__.py" if base.is_dir() else base.with_suffix(".py") if base.with_suffix(".py").exists() \
            else None

    wanted = ["__init__"]
    for nb in sorted((root / "release").glob("*/*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                for m in IMPORT.finditer("".join(cell["source"])):
                    parts = (m.group(1) or m.group(2)).split(".")
                    if len(parts) > 1:
                        wanted.append(".".join(parts[1:]))
    seen: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name in seen:
            continue
        file = pkg / "__init__.py" if name == "__init__" else path(name)
        if file is None:
            raise SystemExit(f"learner_repo: the notebooks need graders/{name.replace('.', '/')}.py, which does not exist")
        seen.add(name)
        parts = name.split(".")
        wanted += [".".join(parts[:i]) for i in range(1, len(parts))]  # the packages above it
        here = [] if name == "__init__" else parts if file.name == "__init__.py" else parts[:-1]

        def add(module: str, names=()) -> None:
            wanted.append(module) if module else None
            wanted.extend(f"{module}.{n}".lstrip(".") for n in names if path(f"{module}.{n}".lstrip(".")))

        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                add(".".join([*here, *(node.module or "").split(".")]).strip("."), [a.name for a in node.names])
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("graders."):
                add(node.module.split(".", 1)[1], [a.name for a in node.names])
            elif isinstance(node, ast.ImportFrom) and node.module == "graders":
                add("", [a.name for a in node.names])
            elif (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "import_module"
                  and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                target = node.args[0].value  # import_module(".kernel.checks", __name__) or ("graders.checks")
                if target.startswith("."):
                    add(".".join([*here, target[1:]]).strip("."))
                elif target.startswith("graders."):
                    add(target.split(".", 1)[1])
    out = set()
    for n in seen:
        file = pkg / "__init__.py" if n == "__init__" else path(n)
        out.add(file.relative_to(pkg).as_posix())
    return sorted(out)


def environment_text(root: Path = ROOT) -> str:
    """environment.yml without the maintainers' pins (and without their section comment)."""
    out = []
    for line in (root / "environment.yml").read_text(encoding="utf-8").splitlines():
        pins = conda_pins(line)
        if pins and pins[0][0] in MAINTAINER_ONLY:
            continue
        if line.strip() == "# maintainers' test suite":
            continue
        out.append(line)
    text = "\n".join(out) + "\n"
    text = re.sub(r"^# The single source.*?(?=^name:)",
                  "# The learners' environment (Binder builds it; written by the instructors' tools/learner_repo.py).\n",
                  text, flags=re.M | re.S)
    return text


def requirements_text(env_text: str) -> str:
    return ("# Generated from environment.yml: the same pins, for pip.\n"
            + "".join(f"{n}=={v}\n" for n, v in conda_pins(env_text)) + "-e .\n")


PYPROJECT = '''[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "platform-workbook-learner"
version = "{version}"
description = "Platform Engineering course: the helper and check packages the notebooks import"
requires-python = ">=3.11"
# Licence: README.md. Versions are pinned in environment.yml.
dependencies = []

[tool.setuptools]
packages = ["workbook", "graders", "graders.kernel"]
'''

README = '''# Platform Engineering Workbook (learners' edition)

An 8-week, hands-on course on platform engineering in Jupyter notebooks. Each week you read a
short introduction with cited sources, explore the data of a fictional engineering organisation,
and answer exercises that are checked automatically; your instructor reads your reflections.

[![Launch on Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/{repo}/HEAD?urlpath=lab/tree/{start})

**Start here:** [`{start}`]({start}). On Binder the badge above opens it in JupyterLab with
nothing to install (the first launch of a new version takes a few minutes; Binder sessions are
temporary, so use File → Download to keep your notebook).

On your own machine, with conda:

```bash
conda env create -f environment.yml
conda activate platform-workbook
bash tools/learner_setup.sh          # hides the instructor-only tools of nbgrader
jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/{start}   # rooted here: the weeks open from the start page
```

or with pip in a virtual environment: `pip install -r requirements.txt`, then the last two lines.

## What is here

| Path | What it holds |
|---|---|
| `notebooks/00-start-here.ipynb` | the start page: how the course works, links to each week |
| `release/week-NN/` | your notebook for each week, with that week's data |
| `data/` | the organisation's data; `data/README.md` describes every table and column |
| `workbook/` | helper code the notebooks use (loading data, figure style) |
| `graders/` | the checks the notebooks' check cells call |
| `environment.yml`, `requirements.txt`, `postBuild` | the pinned environment Binder builds, and its set-up |

In a course on JupyterHub you fetch and submit each week from the **Assignments** tab instead;
your instructor returns feedback there. Hidden checks run only when your notebook is graded.

Code MIT; course text and data CC BY 4.0.
'''


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if src.is_dir():
        shutil.copytree(src, dst, ignore=IGNORE)
    else:
        shutil.copy2(src, dst)


def write(out: Path, repo: str = PLACEHOLDER, root: Path = ROOT) -> list[str]:
    """Write the learners' tree to ``out`` (which must not exist or be empty); return its files."""
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        raise SystemExit(f"learner_repo: --repo must be OWNER/NAME, got {repo!r}")
    out.mkdir(parents=True, exist_ok=True)
    for item in (*(root / page for page in PAGES), root / "release", root / "data", root / "workbook",
                 root / "postBuild", root / "apt.txt", root / "tools" / "learner_setup.sh"):
        if not item.exists():
            raise SystemExit(f"learner_repo: {item.relative_to(root)} is missing (run `make release`?)")
        _copy(item, out / item.relative_to(root))
    if (root / "course.yml").exists():  # the course manifest: the start page lists the weeks from it
        _copy(root / "course.yml", out / "course.yml")
    for name in graders_modules(root):
        _copy(root / "graders" / name, out / "graders" / name)
    env = environment_text(root)
    (out / "environment.yml").write_text(env, encoding="utf-8")
    (out / "requirements.txt").write_text(requirements_text(env), encoding="utf-8")
    version = re.search(r'^version\s*=\s*"([^"]+)"', (root / "pyproject.toml").read_text(), re.M).group(1)
    (out / "pyproject.toml").write_text(PYPROJECT.format(version=version), encoding="utf-8")
    (out / "README.md").write_text(README.format(repo=repo, start=START), encoding="utf-8")
    (out / ".gitignore").write_text("__pycache__/\n*.pyc\n.ipynb_checkpoints/\n*.egg-info/\n", encoding="utf-8")
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python tools/learner_repo.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="folder to write (must be empty or absent)")
    p.add_argument("--repo", default=PLACEHOLDER, help="the learners' GitHub repository, OWNER/NAME, for the Binder badge")
    p.add_argument("--force", action="store_true", help="replace the folder's contents (keeps a .git folder)")
    args = p.parse_args(argv)
    out = Path(args.out).resolve()
    if out == ROOT or ROOT in out.parents:
        # Inside the instructors' checkout the tree would be committed beside source/ by accident.
        print(f"learner_repo: {out} is inside the instructors' repository; pick a folder outside it", file=sys.stderr)
        return 2
    if out.exists() and any(p.name != ".git" for p in out.iterdir()):
        if not args.force:
            print(f"learner_repo: {out} is not empty (use --force to replace its contents)", file=sys.stderr)
            return 2
        for item in out.iterdir():
            if item.name != ".git":
                shutil.rmtree(item) if item.is_dir() and not item.is_symlink() else item.unlink()
    files = write(out, args.repo)
    print(f"learner_repo: wrote {len(files)} files to {out}")
    if args.repo == PLACEHOLDER:
        print(f"learner_repo: the Binder badge holds the placeholder {PLACEHOLDER}; pass --repo OWNER/NAME (make learner-repo REPO=...)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
