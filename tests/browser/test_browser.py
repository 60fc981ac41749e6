"""The learner's first hour, in a real browser.

JupyterLab runs on 127.0.0.1 from a clean environment with the repository's postBuild applied
(tests/_learner_env.py), serving a temporary copy of the course. It is started through exactly
the command `make lab` runs (read from `make -n lab`: tools/lab.sh), with only the options a
test needs added (port, token, no browser, private settings folders). Playwright drives Debian's
Chromium (tools/install_browser.sh) through what a learner does:

1. open the page `make lab` opens (the start page, notebooks/00-start-here.ipynb) - instructor
   tools are absent, source/ is hidden - and follow its link to Week 1's student notebook;
2. Run All: every figure renders, and the only errors are the unanswered exercises'
   (NotImplementedError, or a visible check saying the exercise is not answered yet);
3. change a widget and see its figure change; no "Error displaying widget";
4. press nbgrader's Validate: nbgrader's failed-validation result lists exactly the test cells
   of the unanswered exercises, each failing because the exercise is not answered yet;
5. the same notebook with the reference answers filled in: Kernel -> Restart Kernel and Run All
   runs every cell once without a single error, and Validate reports success.

Screenshots go to test-results/browser/. The test fails if the page requests anything that is
not on 127.0.0.1.
"""
from __future__ import annotations

import json
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

import _learner_env
from graders.course import MARKER_LINE

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-results" / "browser"
WEEK = "week-01"
RELEASE_NB = Path("release") / WEEK / f"{WEEK}.ipynb"
SOURCE_NB = Path("source") / WEEK / f"{WEEK}.ipynb"
START = "notebooks/00-start-here.ipynb"
LAB_SCRIPT = "tools/lab.sh"
INSTRUCTOR_PLUGINS = [f"@jupyter/nbgrader:{p}" for p in ("formgrader", "create-assignment", "course-list")]
LEARNER_PLUGINS = [f"@jupyter/nbgrader:{p}" for p in ("validate-assignment", "assignment-list")]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
UNANSWERED = r"not answered yet|NotImplementedError|is not defined yet"  # what a blank exercise's check says
FIGURE_CALL = re.compile(r"\bplt\.(show|subplots|figure)\(|\.plot\(")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's Chromium: bash tools/install_browser.sh")


# ---------------------------------------------------------------------------------------------
# Fixtures: the course tree, the clean environment, the server
# ---------------------------------------------------------------------------------------------

def _strip_solution_markers(source: str) -> str:
    return "\n".join(ln for ln in source.splitlines() if not MARKER_LINE.match(ln))


def reference_copy(release: Path, source: Path) -> nbformat.NotebookNode:
    """The learner's notebook with every answer cell replaced by the reference answer.

    Hidden tests stay absent, as in the learner's copy; only cells marked ``solution`` change.
    """
    nb = nbformat.read(release, as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c
               for c in nbformat.read(source, as_version=4).cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    filled = 0
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            cell.source = _strip_solution_markers(answers[meta["grade_id"]].source)
            filled += 1
        if cell.cell_type == "code":  # no outputs or prompts left from an earlier run
            cell.outputs, cell.execution_count = [], None
    assert filled, f"{release} has no answer cells"
    return nb


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A temporary copy of what a learner gets (the repository, as on Binder)."""
    release = ROOT / RELEASE_NB
    if not release.exists():
        pytest.fail(f"{RELEASE_NB} is missing: generate the student notebooks (make release)")
    root = tmp_path_factory.mktemp("course")
    for name in ("notebooks", "release", "source", "data", "workbook", "nbgrader_config.py"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns(
                "__pycache__", ".ipynb_checkpoints"))
        elif src.exists():
            shutil.copy2(src, root / name)
    (root / LAB_SCRIPT).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / LAB_SCRIPT, root / LAB_SCRIPT)
    return root


@pytest.fixture(scope="module")
def learner_python(tmp_path_factory):
    base = tmp_path_factory.mktemp("learner-env")
    py = _learner_env.build_clean_prefix(base / "env")
    result = _learner_env.run_post_build(py, base / "postbuild-home")
    assert result.returncode == 0, f"postBuild failed:\n{result.stdout}\n{result.stderr}"
    return py


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(base: str, token: str, path: str, method: str = "GET"):
    req = urllib.request.Request(f"{base}{path}", method=method,
                                 headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        body = resp.read()
        return resp.status, (json.loads(body) if body else None)


def make_lab_command() -> list[str]:
    """The command `make lab` runs to start JupyterLab (a dry run of make prints it).

    Returned without its PYTHON=... assignment: the test hands over the learner environment's
    interpreter the same way, through the PYTHON variable.
    """
    out = subprocess.run(["make", "-n", "-s", "--no-print-directory", "lab"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    lines = [ln for ln in out.splitlines() if LAB_SCRIPT in ln]
    assert len(lines) == 1, f"`make lab` should start JupyterLab through {LAB_SCRIPT}:\n{out}"
    words = shlex.split(lines[0])
    assignments = [w for w in words if re.fullmatch(r"[A-Z_]+=.*", w)]
    assert [w.split("=", 1)[0] for w in assignments] == ["PYTHON"], lines[0]
    command = words[len(assignments):]
    assert command == ["bash", LAB_SCRIPT], f"unexpected `make lab` command: {lines[0]}"
    return command


def _start_url(runtime_dir: Path) -> str:
    """The URL the server would open in a browser (jupyter_server writes it even with --no-browser)."""
    pages = list(runtime_dir.glob("jpserver-file-to-run-*-open.html"))
    assert len(pages) == 1, f"JupyterLab was not given the start page to open: {pages}"
    m = re.search(r'url=([^"]+)"', pages[0].read_text(encoding="utf-8"))
    assert m, pages[0].read_text(encoding="utf-8")
    return m.group(1).replace("&amp;", "&")


@pytest.fixture(scope="module")
def server(course, learner_python, tmp_path_factory):
    """JupyterLab on 127.0.0.1 serving the course copy, started as `make lab` starts it.

    Yields (base_url, token, log path, the URL `make lab` opens in the browser).
    """
    home = tmp_path_factory.mktemp("home")
    env = _learner_env.clean_env(learner_python, home)
    settings = home / "lab-settings"
    for name, value in {
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        # Keep every cell in the page, so the test can look at all outputs.
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        path = settings / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    # Only what a test needs on top of `make lab`: no browser, a fixed port and token, private
    # settings, no news. Never the root folder or the page to open: those are make lab's.
    cmd = [*make_lab_command(), "--no-browser", f"--port={port}",
           "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
           f"--IdentityProvider.token={token}",
           f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={home / 'workspaces'}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           # lets the test ask JupyterLab which plugins it loaded (window.jupyterapp)
           "--LabApp.expose_app_in_browser=True"]
    env["PYTHON"] = str(learner_python)
    log = open(home / "jupyterlab.log", "w")
    proc = subprocess.Popen(cmd, cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _api(base, token, "/api/status")[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("JupyterLab did not start:\n" + (home / "jupyterlab.log").read_text()[-4000:])
            time.sleep(0.2)
        yield base, token, home / "jupyterlab.log", _start_url(Path(env["JUPYTER_RUNTIME_DIR"]))
    finally:
        try:
            _api(base, token, "/api/shutdown", method="POST")
            proc.wait(timeout=15)
        except Exception:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


# ---------------------------------------------------------------------------------------------
# Page helpers
# ---------------------------------------------------------------------------------------------

def _menu(page, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(top)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}")).first.click()


def _current_notebook(page):
    return page.locator("#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden)")


def _wait_kernel_ready(page, nb) -> None:
    from playwright.sync_api import expect
    expect(nb.locator(".jp-DebuggerBugButton[aria-disabled='false']")).to_have_count(1)
    expect(nb.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1)


def _prompts(nb) -> list[str]:
    return nb.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()


def _run_everything(page, nb, n_code: int, timeout: float = 90) -> None:
    """Run All; where Run All stops at an error, carry on below it, as a learner would."""
    _menu(page, "Run", "Run All Cells")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        prompts = [p.strip() for p in _prompts(nb)]
        assert len(prompts) == n_code, f"page shows {len(prompts)} code cells, notebook has {n_code}"
        busy = any("*" in p for p in prompts) or \
            nb.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count() == 0
        if busy:
            time.sleep(0.25)
            continue
        pending = [i for i, p in enumerate(prompts) if not re.fullmatch(r"\[\d+\]:", p)]
        if not pending:
            return
        # JupyterLab stops a run at the first error: select the next cell not run, run from there.
        nb.locator(".jp-CodeCell").nth(pending[0]).locator(".jp-InputPrompt").click()
        _menu(page, "Run", "Run Selected Cell and All Below")
        time.sleep(0.5)
    raise AssertionError(f"cells still not run after {timeout} s: {_prompts(nb)}")


def _wait_all_ran_once(nb, n_code: int, timeout: float = 90) -> None:
    """After Restart Kernel and Run All: wait (clicking nothing) until every code cell has run,
    each exactly once in the new kernel (prompts [1] ... [n_code])."""
    deadline = time.monotonic() + timeout
    prompts: list[str] = []
    stalled_since = None  # idle, nothing queued, cells not run: Run All stopped (if it lasts)
    while time.monotonic() < deadline:
        prompts = [p.strip() for p in _prompts(nb)]
        assert len(prompts) == n_code, f"page shows {len(prompts)} code cells, notebook has {n_code}"
        idle = nb.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count() == 1
        if idle and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts):
            counts = sorted(int(p[1:-2]) for p in prompts)
            assert counts == list(range(1, n_code + 1)), f"cells did not each run once after the restart: {prompts}"
            return
        if idle and not any("*" in p for p in prompts):
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 5:
                not_run = [i for i, p in enumerate(prompts) if not re.fullmatch(r"\[\d+\]:", p)]
                raise AssertionError(f"Restart and Run All stopped before code cells {not_run}: {prompts}")
        else:
            stalled_since = None
        time.sleep(0.25)
    raise AssertionError(f"cells still not run after {timeout} s: {prompts}")


def _save(page, nb, path: Path) -> nbformat.NotebookNode:
    before = path.stat().st_mtime_ns
    nb.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if path.stat().st_mtime_ns != before:
            try:  # the server may still be writing it
                return nbformat.read(path, as_version=4)
            except ValueError:  # nbformat's NotJSONError included
                pass
        time.sleep(0.1)
    raise AssertionError("the notebook was not saved")


def _errors(nb: nbformat.NotebookNode) -> list[tuple[int, dict, dict]]:
    return [(i, cell.metadata.get("nbgrader", {}), out)
            for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
            for out in cell.get("outputs", []) if out.output_type == "error"]


def _stderr(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    return [(i, out.text) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
            for out in cell.get("outputs", [])
            if out.output_type == "stream" and out.name == "stderr"]


def _is_unanswered_exercise_error(meta: dict, out: dict) -> bool:
    """An error a learner is meant to see before answering: the stub, or a check saying so."""
    text = " ".join(out.get("traceback", [])) + out.get("evalue", "")
    if out["ename"] == "NotImplementedError":
        return bool(meta.get("solution") or meta.get("grade"))
    if out["ename"] == "CheckFailed" and meta.get("grade"):
        return bool(re.search(UNANSWERED, text))
    return False


def _figure_cells(nb: nbformat.NotebookNode) -> list[int]:
    """Code-cell positions (among code cells) that draw a figure when run."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    return [k for k, c in enumerate(code)
            if FIGURE_CALL.search(c.source) and not c.metadata.get("nbgrader", {}).get("solution")]


def _assert_figures_rendered(nb_page, figure_cells: list[int]) -> None:
    for k in figure_cells:
        cell = nb_page.locator(".jp-CodeCell").nth(k)
        imgs = cell.locator(".jp-OutputArea img")
        assert imgs.count() >= 1, f"code cell {k}: figure missing"
        ok = imgs.evaluate_all("els => els.every(e => e.complete && e.naturalWidth > 50 && e.naturalHeight > 50)")
        assert ok, f"code cell {k}: a figure did not load"


def _validate(page, nb):
    """Press Validate; return nbgrader's result (its #validation-message element).

    nbgrader's lab extension shows the validator's answer in a "Validation Results" dialog whose
    message carries a class per outcome: validation-success, validation-failed (one "The
    following cell failed:" block per cell: the cell's source, then its error), or none of them
    when the validate command itself crashed ("There was an error running the validate command").
    """
    from playwright.sync_api import expect
    nb.locator(".jp-Toolbar-item", has_text="Validate").click()
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_be_visible(timeout=90_000)
    expect(dialog.locator(".jp-Dialog-header")).to_contain_text("Validation Results", timeout=90_000)
    return dialog.locator("#validation-message")


def _failed_cells(message) -> list[tuple[str, str]]:
    """(source, error) of each cell in nbgrader's failed-validation result."""
    blocks = message.evaluate("""m => {
        const out = [];
        const kids = Array.from(m.children);
        kids.forEach((el, i) => {
            if (el.tagName === "DIV" && el.innerText.trim() === "The following cell failed:") {
                out.push([kids[i + 1].innerText, kids[i + 2].innerText]);
            }
        });
        return out;
    }""")
    return [(src, err) for src, err in blocks]


def _graded_cells(nb: nbformat.NotebookNode) -> dict[str, str]:
    """Whitespace-normalised source -> what a blank copy fails with, for every graded cell: the
    auto-graded test cells (the exercise is not answered yet) and the reflections (markdown answer
    cells still holding their stub: nbgrader says no response was given)."""
    return {" ".join(c.source.split()): UNANSWERED if c.cell_type == "code" else r"You did not provide a response"
            for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}


def _close_dialog(page) -> None:
    from playwright.sync_api import expect
    dialog = page.locator(".jp-Dialog")
    buttons = dialog.locator(".jp-Dialog-footer button")
    (buttons.last if buttons.count() else dialog).click() if buttons.count() else page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)


# ---------------------------------------------------------------------------------------------
# The test
# ---------------------------------------------------------------------------------------------

def test_learner_first_hour_in_a_real_browser(course, server):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    base, token, server_log, start_url = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    release_path = course / RELEASE_NB
    learner_nb = nbformat.read(release_path, as_version=4)
    n_code = sum(c.cell_type == "code" for c in learner_nb.cells)
    figure_cells = _figure_cells(learner_nb)
    assert figure_cells, f"{RELEASE_NB} draws no figure: is the figure detection out of date?"

    # The server hides the instructor's folder from the file browser.
    listing = {item["name"] for item in _api(base, token, "/api/contents/")[1]["content"]}
    assert {"release", "notebooks"} <= listing and "source" not in listing, listing

    requests: list[str] = []
    console_errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("websocket", lambda ws: requests.append(ws.url))
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        try:
            # 1. The start page, as `make lab` opens it.
            assert urlparse(start_url).path == f"/lab/tree/{START}", start_url
            page.goto(start_url)
            expect(page.locator(".jp-RenderedMarkdown h1", has_text="Start here")).to_be_visible()
            plugins = page.evaluate(
                "ids => ids.map(id => window.jupyterapp.hasPlugin(id))",
                INSTRUCTOR_PLUGINS + LEARNER_PLUGINS)
            loaded = dict(zip(INSTRUCTOR_PLUGINS + LEARNER_PLUGINS, plugins))
            assert not any(loaded[p] for p in INSTRUCTOR_PLUGINS), f"instructor tools loaded: {loaded}"
            assert all(loaded[p] for p in LEARNER_PLUGINS), f"learner tools missing: {loaded}"
            page.screenshot(path=SHOTS / "01-start-here.png")

            # 2. Follow the start page's link to Week 1.
            page.locator(".jp-RenderedMarkdown a", has_text="Open Week 1").first.click()
            expect(page.locator(".lm-TabBar-tab.lm-mod-current", has_text=f"{WEEK}.ipynb")).to_have_count(1)
            nb = _current_notebook(page)
            expect(nb).to_have_count(1)
            _wait_kernel_ready(page, nb)
            expect(nb.locator(".jp-CodeCell")).to_have_count(n_code)

            # 3. Run everything; figures render; only unanswered exercises fail.
            _run_everything(page, nb, n_code)
            page.screenshot(path=SHOTS / "02-week-01-run-all.png", full_page=True)
            expect(page.get_by_text("Error displaying widget")).to_have_count(0)
            _assert_figures_rendered(nb, figure_cells)
            saved = _save(page, nb, release_path)
            unexpected = [(i, o["ename"], o["evalue"][:200]) for i, meta, o in _errors(saved)
                          if not _is_unanswered_exercise_error(meta, o)]
            assert not unexpected, f"errors other than unanswered exercises: {unexpected}"
            assert _errors(saved), "no exercise error at all: is this really the student copy?"
            assert not _stderr(saved), f"learners see warnings: {_stderr(saved)}"

            # 4. Move a widget and see its output change.
            controls = ".jupyter-widgets select, .widget-slider .noUi-handle"
            widget_cell = nb.locator(".jp-CodeCell").filter(has=page.locator(controls)).first
            expect(widget_cell).to_have_count(1)
            control = widget_cell.locator(controls).first
            figure = widget_cell.locator(".jp-OutputArea img").last
            before_src = figure.get_attribute("src")
            control.scroll_into_view_if_needed()
            page.screenshot(path=SHOTS / "03-widget-before.png")
            if control.evaluate("e => e.tagName") == "SELECT":
                values = control.locator("option").evaluate_all("os => os.map(o => o.value)")
                current = control.input_value()
                control.select_option(next(v for v in values if v != current))
            else:
                box = control.bounding_box()
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.mouse.down()
                page.mouse.move(box["x"] + 150, box["y"] + box["height"] / 2, steps=5)
                page.mouse.up()
            expect(widget_cell.locator(".jp-OutputArea img").last).not_to_have_attribute("src", before_src or "")
            expect(page.get_by_text("Error displaying widget")).to_have_count(0)
            page.screenshot(path=SHOTS / "04-widget-after.png")

            # 5. Validate the unanswered notebook: nbgrader's failed-validation result names the
            #    test cell of every unanswered exercise, each failing because it is not answered.
            message = _validate(page, nb)
            page.screenshot(path=SHOTS / "05-validate-unanswered.png")
            expect(message).to_have_class(re.compile(r"\bvalidation-failed\b"))
            graded = _graded_cells(learner_nb)
            failed = [(" ".join(src.split()), err) for src, err in _failed_cells(message)]
            n_graded = sum(bool(c.metadata.get("nbgrader", {}).get("grade")) for c in learner_nb.cells)
            assert len(failed) == n_graded and {src for src, _ in failed} == set(graded), (
                f"Validate should list the {n_graded} graded cells of the unanswered exercises and "
                f"reflections; it listed {len(failed)}:\n" + "\n".join(src[:100] for src, _ in failed))
            wrong_reason = [(src[:60], err[:300]) for src, err in failed if not re.search(graded[src], err)]
            assert not wrong_reason, f"cells failing for another reason than an unanswered exercise: {wrong_reason}"
            _close_dialog(page)

            # 6. The reference answers: restart and run all without one error; Validate succeeds.
            nbformat.write(reference_copy(release_path, ROOT / SOURCE_NB), release_path)
            _menu(page, "File", "Reload Notebook from Disk")
            expect(nb.locator(".jp-CodeCell .jp-InputArea-prompt", has_text="*")).to_have_count(0)
            expect(nb.locator(".jp-CodeCell .jp-InputArea-prompt", has_text=re.compile(r"\d"))).to_have_count(0)
            _menu(page, "Kernel", "Restart Kernel and Run All Cells")
            page.locator(".jp-Dialog .jp-mod-accept").click()
            _wait_all_ran_once(nb, n_code)
            _assert_figures_rendered(nb, figure_cells)
            expect(page.get_by_text("Error displaying widget")).to_have_count(0)
            saved = _save(page, nb, release_path)
            assert not _errors(saved), f"errors with the reference answers: {[(i, o['ename'], o['evalue'][:300]) for i, _, o in _errors(saved)]}"
            assert not _stderr(saved), f"learners see warnings: {_stderr(saved)}"
            page.screenshot(path=SHOTS / "06-reference-run-all.png", full_page=True)
            message = _validate(page, nb)
            page.screenshot(path=SHOTS / "07-validate-reference.png")
            expect(message).to_have_class(re.compile(r"\bvalidation-success\b"))
            expect(message).to_have_text("Success! Your notebook passes all the tests.")
            _close_dialog(page)
        except Exception:
            page.screenshot(path=SHOTS / "failure.png", full_page=True)
            (SHOTS / "jupyterlab.log").write_text(server_log.read_text())
            (SHOTS / "console-errors.txt").write_text("\n".join(console_errors))
            raise
        finally:
            context.close()
            browser.close()

    outside = sorted({u for u in requests
                      if urlparse(u).scheme not in ("data", "blob")
                      and urlparse(u).hostname != "127.0.0.1"})
    assert not outside, f"the page requested something outside 127.0.0.1: {outside}"
    assert requests, "no requests recorded"


READINESS = "notebooks/01-readiness-check.ipynb"


def test_readiness_check_recommends_in_a_real_browser(course, server):
    """The start page links to the readiness check; its widgets answer and its advice follows them."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    _base, _token, _log, start_url = server
    n_code = sum(c.cell_type == "code" for c in nbformat.read(course / READINESS, as_version=4).cells)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        try:
            page.goto(start_url)
            page.locator(".jp-RenderedMarkdown a", has_text="readiness check").first.click()
            expect(page.locator(".lm-TabBar-tab.lm-mod-current", has_text="01-readiness-check.ipynb")).to_have_count(1)
            nb = _current_notebook(page)
            _wait_kernel_ready(page, nb)
            _run_everything(page, nb, n_code)
            expect(nb.get_by_text("Where to start:")).to_be_visible()
            expect(nb.get_by_text("Week 1 (you have what the course assumes).")).to_be_visible()
            expect(page.get_by_text("Error displaying widget")).to_have_count(0)

            # A missing essential skill puts a review first.
            k8s = nb.locator(".widget-dropdown", has_text="containers and Kubernetes basics").locator("select")
            k8s.scroll_into_view_if_needed()
            k8s.select_option("none yet")
            expect(nb.get_by_text("Review the topics below first, then start with Week 1.")).to_be_visible()
            # A practical check answers right away.
            nb.locator(".widget-text", has_text="replicas").locator("input").fill("3")
            nb.locator(".widget-text", has_text="image tag").locator("input").fill("2.14.0")
            expect(nb.get_by_text("Right: you can read a Kubernetes manifest.")).to_be_visible()
            nb.locator(".widget-dropdown", has_text="team with the higher median").locator("select").select_option("payments")
            expect(nb.get_by_text("Not quite: group by team and take the median")).to_be_visible()
            expect(nb.get_by_text("pandas groupby and aggregation")).to_be_visible()
            page.screenshot(path=SHOTS / "06-readiness-check.png", full_page=True)
        finally:
            browser.close()
