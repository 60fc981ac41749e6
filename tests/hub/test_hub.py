"""The course on a real JupyterHub, end to end, in Chromium.

The test builds a demo class exactly as `make hub` does (hub/demo.py: Unix accounts, the
instructor's private course root, nbgrader's exchange, the learners' environment from the
learners' repository with the learner set-up) in a temporary state folder, starts JupyterHub with
hub/jupyterhub_config.py on 127.0.0.1, and then:

1. the instructor generates and releases Week 1 (nbgrader, as the instructor's Unix account) and
   sees it released in formgrader;
2. two learners log in, see no instructor tools, and fetch Week 1 from the Assignments tab; one
   answers with the reference solution, the other leaves it blank; both submit through the UI;
3. the instructor collects and presses the formgrader's Autograde button, which refuses (it would run
   learners' code outside the sandbox) and names the safe command; the class is graded with the course's class-grading command
   (``python -m graders.classgrade week-01``, as root from the course root, as on any course
   machine), and the instructor generates and releases feedback;
4. each learner fetches feedback in the Assignments tab and reads their own score, and no hidden
   test, in the feedback page;
5. one learner cannot read the other's work, the exchange's submissions, or the instructor's files.

Screenshots of each step go to test-results/hub/. The pages may request nothing outside 127.0.0.1,
except the MathJax script that nbgrader's feedback template names (never loaded here).
Needs root (accounts), Debian's Chromium (tools/install_browser.sh) and Node.js (hub/install.sh
installs the pinned configurable-http-proxy with npm ci).
"""
from __future__ import annotations

import json
import os
import pwd
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import HIDDEN, ROOT, fill, reference_answers, source_notebook
from hub import demo

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-results" / "hub"
WEEK = "week-01"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
NBGRADER_FEEDBACK_MATHJAX = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js"

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="the hub creates Unix accounts: run as root (CI does)"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium: bash tools/install_browser.sh"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_user(cls: dict, user: str, args: list[str], cwd: str | Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run a command as one of the class's Unix accounts, in the view and environment their server has."""
    proc = demo.run_as(cls, user, args, cwd=cwd)
    if check:
        assert proc.returncode == 0, f"{user}: {' '.join(args)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _can_read(cls: dict, user: str, path: Path) -> bool:
    probe = ("import os, sys\np = sys.argv[1]\ntry:\n    os.listdir(p) if os.path.isdir(p) else open(p, 'rb').read(1)\n"
             "    print('READ')\nexcept PermissionError:\n    print('DENIED')\n")
    out = as_user(cls, user, ["python", "-c", probe, str(path)], cwd="/").stdout.strip()
    assert out in ("READ", "DENIED"), out
    return out == "READ"


@pytest.fixture(scope="module")
def hub():
    """A demo class and its running JupyterHub; yields (base_url, class description, log path)."""
    install = subprocess.run(["bash", str(ROOT / "hub" / "install.sh")], capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, f"hub/install.sh failed:\n{install.stdout}\n{install.stderr}"
    state = Path(tempfile.mkdtemp(prefix="hub-", dir="/tmp"))
    state.chmod(0o755)
    cls = demo.setup(state, n_learners=2, quiet=True)
    port, api, proxy_api = _free_port(), _free_port(), _free_port()
    cmd, env = demo.hub_command(state, port)
    env.update(HUB_API_PORT=str(api), HUB_PROXY_API_PORT=str(proxy_api))
    log_path = state / "jupyterhub.log"
    log = open(log_path, "w")
    proc = subprocess.Popen(cmd, cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/hub/api/", timeout=5) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("JupyterHub did not start:\n" + log_path.read_text()[-5000:])
            time.sleep(0.5)
        yield base, cls, log_path
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        log.close()
        _keep("jupyterhub.log", log_path.read_text(errors="replace"))
        # the class's servers and kernels: whatever the hub left running under the demo accounts
        for user in [cls["instructor"], *cls["learners"]]:
            subprocess.run(["pkill", "-KILL", "-u", user], capture_output=True)
        demo.teardown(state)


# ---------------------------------------------------------------------------------------------
# Browser helpers
# ---------------------------------------------------------------------------------------------

def _login(browser, base: str, user: str, password: str, requests: list[str]):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("websocket", lambda ws: requests.append(ws.url))
    page.goto(f"{base}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(re.compile(rf".*/user/{re.escape(user)}/lab.*"), timeout=120_000)
    from playwright.sync_api import expect
    expect(page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader")).to_be_visible(timeout=60_000)
    return context, page


def _assignments(page):
    """Open Nbgrader -> Assignment List (the Assignments tab) and wait for it to load."""
    from playwright.sync_api import expect
    panel = page.locator(".lm-TabBar-tab", has_text="Assignments")
    if panel.count() == 0:
        page.keyboard.press("Escape")  # no menu left open
        page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
        page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
    else:
        panel.first.click()
    expect(page.locator("#released_assignments_list")).to_be_attached()
    expect(page.locator("#released_assignments_list_loading")).to_be_hidden()
    return page


def _shot(page, name: str, full_page: bool = False) -> None:
    """A screenshot under test-results/hub/ (made again if something cleaned test-results/ meanwhile)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / name, full_page=full_page)


def _keep(name: str, text: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / name).write_text(text)


def _item(page, listing: str, name: str = WEEK):
    """The assignment's row in one of the three lists (its notebooks are nested rows below it)."""
    return page.locator(f"#{listing}_assignments_list > .list_item", has_text=name)


# ---------------------------------------------------------------------------------------------
# The class
# ---------------------------------------------------------------------------------------------

def test_a_class_on_the_course_hub(hub):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=60_000)
    base, cls, log_path = hub
    course = Path(cls["course"])
    instructor, (good, blank) = cls["instructor"], cls["learners"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    requests: list[str] = []

    # 1. The instructor generates and releases Week 1 (as the instructor's account, in the course root).
    as_user(cls, instructor, ["nbgrader", "generate_assignment", WEEK, "--force"], cwd=course)
    as_user(cls, instructor, ["nbgrader", "release_assignment", WEEK], cwd=course)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pages = {}
        try:
            ctx_i, page_i = _login(browser, base, instructor, demo.PASSWORDS["instructor"], requests)
            pages[instructor] = page_i
            page_i.goto(f"{base}/user/{instructor}/formgrader/manage_assignments")
            expect(page_i.locator("tr", has_text=WEEK).first).to_be_visible()
            assert (Path(cls["exchange"]) / "platform-workbook" / "outbound" / WEEK / f"{WEEK}.ipynb").exists()
            _shot(page_i, "01-instructor-formgrader-released.png", full_page=True)

            # 2. Learners: log in, no instructor tools, fetch from the Assignments tab.
            for n, (user, answers) in enumerate(((good, True), (blank, False)), start=2):
                ctx, page = _login(browser, base, user, demo.PASSWORDS["learner"], requests)
                pages[user] = page
                listing = page.locator(".jp-DirListing-content").inner_text()
                assert "source" not in listing.split(), f"{user} sees source/ in their file browser: {listing}"
                page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
                expect(page.locator(".lm-Menu-itemLabel", has_text="Assignment List")).to_be_visible()
                items = [t.strip() for t in page.locator(".lm-Menu .lm-Menu-itemLabel").all_inner_texts() if t.strip()]
                assert items == ["Assignment List"], f"{user}'s Nbgrader menu: {items} (instructor tools?)"
                page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
                expect(page.locator(".lm-TabBar-tab", has_text="Assignments")).to_have_count(1)
                _assignments(page)
                expect(_item(page, "released")).to_have_count(1)
                _shot(page, f"0{n}a-{user}-released.png")
                _item(page, "released").locator("button", has_text="Fetch").click()
                expect(_item(page, "fetched")).to_have_count(1)
                fetched = Path(pwd.getpwnam(user).pw_dir) / WEEK / f"{WEEK}.ipynb"
                assert fetched.exists(), f"fetch did not write {fetched}"
                if answers:  # the learner writes the reference answers into their copy
                    fill(fetched, reference_answers(WEEK))
                    st = fetched.stat()
                    assert st.st_uid == pwd.getpwnam(user).pw_uid
                _shot(page, f"0{n}b-{user}-fetched.png")
                _item(page, "fetched").locator("button", has_text="Submit").click()
                expect(_item(page, "submitted")).to_have_count(1, timeout=90_000)
                _shot(page, f"0{n}c-{user}-submitted.png")

            # 3. The instructor collects; the class is graded; feedback is generated and released.
            as_user(cls, instructor, ["nbgrader", "collect", WEEK], cwd=course)
            for user in (good, blank):
                assert (course / "submitted" / user / WEEK / f"{WEEK}.ipynb").exists(), f"{user}'s submission not collected"
            # The formgrader's Autograde button (the first thing an instructor presses) refuses to run
            # learners' code outside the grading sandbox, names the safe command, and grades nothing.
            page_i.bring_to_front()
            page_i.goto(f"{base}/user/{instructor}/formgrader/manage_submissions/{WEEK}")
            row = page_i.locator("tr", has_text=good).first
            expect(row).to_be_visible()
            row.locator(".autograde a").click()
            modal = page_i.locator("#error-modal")
            expect(modal).to_be_visible(timeout=120_000)
            expect(modal).to_contain_text("refused: plain nbgrader autograde")
            expect(modal).to_contain_text(f"python -m graders.classgrade {WEEK}")
            _shot(page_i, "03a-instructor-autograde-refused.png", full_page=True)
            assert not _gradebook_scores(course).get(good, (0,))[0], "the refused Autograde must grade nothing"
            grading = subprocess.run([sys.executable, "-m", "graders.classgrade", WEEK, "--quiet"], cwd=course,
                                     capture_output=True, text=True, timeout=900)
            _keep("classgrade.txt", grading.stdout + grading.stderr)
            assert grading.returncode == 0, grading.stdout[-3000:] + grading.stderr[-3000:]
            demo._chown_tree(course, pwd.getpwnam(instructor))  # grading ran as root; the course stays the instructor's
            scores = _gradebook_scores(course)
            # the reflections (graded by hand) are still open: full marks on everything auto-graded
            assert scores[good][2] == scores[good][3] > 0, f"reference answers should earn every automatic point: {scores}"
            assert scores[blank][0] == scores[blank][2] == 0, f"a blank notebook should earn nothing: {scores}"
            as_user(cls, instructor, ["nbgrader", "generate_feedback", WEEK], cwd=course)
            as_user(cls, instructor, ["nbgrader", "release_feedback", WEEK], cwd=course)
            page_i.goto(f"{base}/user/{instructor}/formgrader/gradebook/{WEEK}/{WEEK}")
            expect(page_i.locator("tr", has_text=good).first).to_be_visible()
            _shot(page_i, "04-instructor-gradebook.png", full_page=True)

            # 4. Each learner fetches feedback and sees their own score and no hidden test.
            hidden_lines = {ln.strip() for c in source_notebook(WEEK).cells
                            for block in HIDDEN.findall(c.source) for ln in block.splitlines()
                            if len(ln.strip()) > 25 and "import" not in ln}
            assert hidden_lines, "the source notebook should have hidden tests"
            for n, user in enumerate((good, blank), start=5):
                page = pages[user]
                page.bring_to_front()
                page.reload()
                expect(page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader")).to_be_visible()
                _assignments(page)
                item = _item(page, "submitted")
                expect(item.locator("button", has_text="Fetch Feedback")).to_be_visible()
                item.locator("button", has_text="Fetch Feedback").click()
                expect(item.locator("a, button", has_text=re.compile("view feedback", re.I)).first).to_be_visible(timeout=90_000)
                _shot(page, f"0{n}a-{user}-feedback-fetched.png")
                html_files = sorted((Path(pwd.getpwnam(user).pw_dir) / WEEK / "feedback").rglob(f"{WEEK}.html"))
                assert html_files, f"no feedback file for {user}"
                rel = html_files[-1].relative_to(pwd.getpwnam(user).pw_dir).as_posix()
                page.goto(f"{base}/user/{user}/files/{rel}")
                text = page.locator("body").inner_text()
                _shot(page, f"0{n}b-{user}-feedback.png")
                own, total = scores[user][:2]
                shown = re.search(r"Score:\s*([\d.]+)\s*/\s*([\d.]+)", text)
                assert shown, f"{user}'s feedback shows no score: {text[:500]}"
                assert (float(shown.group(1)), float(shown.group(2))) == (own, total), \
                    f"{user} sees {shown.group(0)}, the gradebook says {own} / {total}"
                html = html_files[-1].read_text(encoding="utf-8")
                assert "BEGIN HIDDEN TESTS" not in html and not [ln for ln in hidden_lines if ln in html], \
                    f"{user}'s feedback shows hidden test code"

            # 5. Isolation: learners cannot read each other's work, submissions or the instructor's files.
            other_home = Path(pwd.getpwnam(good).pw_dir)
            inbound = Path(cls["exchange"]) / "platform-workbook" / "inbound"
            submission = next(p for p in inbound.iterdir() if p.name.startswith(f"{good}+"))
            for path in (other_home / WEEK / f"{WEEK}.ipynb", other_home, inbound, submission,
                         course, course / "source" / WEEK / f"{WEEK}.ipynb", course / "gradebook.db",
                         course / "submitted" / good / WEEK / f"{WEEK}.ipynb"):
                assert not _can_read(cls, blank, path), f"{blank} can read {path}"
            assert _can_read(cls, good, other_home / WEEK / f"{WEEK}.ipynb"), "control: the owner can read it"
            page = pages[blank]
            resp = page.request.get(f"{base}/user/{good}/api/contents/{WEEK}")
            assert resp.status == 403, f"{blank} reached {good}'s server: {resp.status} {resp.url}"
            resp = page.request.get(f"{base}/user/{blank}/api/contents/")
            names = {item["name"] for item in resp.json()["content"]}
            assert resp.ok and WEEK in names and not names & {"source", "course", "gradebook.db"}, names
            page.goto(f"{base}/user/{good}/lab")
            _shot(page, "07-learner-cannot-open-another-server.png")
        except Exception:
            for user, page in pages.items():
                try:
                    _shot(page, f"failure-{user}.png", full_page=True)
                except Exception:
                    pass
            raise
        finally:
            browser.close()

    outside = sorted({u for u in requests if urlparse(u).scheme not in ("data", "blob")
                      and urlparse(u).hostname != "127.0.0.1"})
    # nbgrader's feedback template (feedback/index.html.j2) calls nbconvert's mathjax() macro with its
    # default: MathJax from cdnjs. Chromium here resolves no outside host, so it never loads; it is the
    # only outside request allowed, and only that one (docs/hub.md).
    allowed = [u for u in outside if u.startswith(NBGRADER_FEEDBACK_MATHJAX)]
    assert not sorted(set(outside) - set(allowed)), f"the pages requested something outside 127.0.0.1: {outside}"


def _gradebook_scores(course: Path) -> dict[str, tuple[float, float, float, float]]:
    """student -> (score, max score, auto-graded score, auto-graded max) for Week 1."""
    code = ("import json, sys\nfrom nbgrader.api import Gradebook\n"
            "with Gradebook('sqlite:///' + sys.argv[1]) as gb:\n"
            "    a = gb.find_assignment(sys.argv[2])\n"
            "    out = {}\n"
            "    for s in a.submissions:\n"
            "        grades = [g for nb in s.notebooks for g in nb.grades]\n"
            "        auto = [g for g in grades if g.auto_score is not None]\n"
            "        out[s.student.id] = [s.score, a.max_score, sum(g.auto_score for g in auto), sum(g.max_score for g in auto)]\n"
            "    print(json.dumps(out))\n")
    out = subprocess.run([sys.executable, "-c", code, str(course / "gradebook.db"), WEEK], capture_output=True,
                         text=True, env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"},
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return {k: tuple(round(x, 2) for x in v) for k, v in json.loads(out.stdout).items()}
