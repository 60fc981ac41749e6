"""JupyterHub configuration of the course hub (one machine; docs/hub.md).

Started by `make hub` / `python -m hub.demo run` (or by tests/hub/test_hub.py), after
`python -m hub.demo setup` has written the class description ``$HUB_STATE/class.json``:

- logins: PAM, i.e. the machine's Unix accounts and passwords (the demo's are documented in
  hub/demo.py); only the class's accounts may log in; the instructor is the hub's admin;
- each single-user server runs as its own Unix account (LocalProcessSpawner), so nbgrader's
  exchange records who submitted and Unix permissions keep learners apart; it starts in a private
  mount view (hub/isolation.py) where learners cannot see the instructors' checkout's source/;
- the instructor's server: the project's environment (formgrader, create-assignment, the grading
  tools), rooted at the course root ``$HUB_STATE/course``;
- a learner's server: the learners' environment built from the learners' repository with the
  learner set-up applied (no instructor tools), rooted at the learner's home; no path to source/;
- everyone's nbgrader reads ``$HUB_STATE/etc/<kind>/nbgrader_config.py``: the course id and the
  shared exchange ``$HUB_STATE/exchange``;
- the hub, its proxy and every server listen on 127.0.0.1 only.
"""
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from hub import isolation  # noqa: E402
from jupyterhub.spawner import LocalProcessSpawner  # noqa: E402

c = get_config()  # noqa: F821 - provided by JupyterHub

STATE = Path(os.environ.get("HUB_STATE", "/srv/platform-workbook-hub"))
PORT = int(os.environ.get("HUB_PORT", "8000"))
CLASS = json.loads((STATE / "class.json").read_text(encoding="utf-8"))
HERE = Path(__file__).resolve().parent

# --- where things listen and keep state ---------------------------------------------------------
c.JupyterHub.bind_url = f"http://127.0.0.1:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("HUB_API_PORT", PORT + 1))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(os.environ.get('HUB_PROXY_API_PORT', PORT + 2))}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.cleanup_servers = True

# --- who may log in -----------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.open_sessions = False  # no login sessions (utmp, systemd) for notebook servers
c.Authenticator.allowed_users = {CLASS["instructor"], *CLASS["learners"]}
c.Authenticator.admin_users = {CLASS["instructor"]}

# --- one server per person, as that person's Unix account --------------------------------------


class CourseSpawner(LocalProcessSpawner):
    """LocalProcessSpawner whose servers start in the class's mount view (hub/isolation.py): the
    course's Python visible even when it lives under /root, and, for learners, the instructors'
    checkout's source/, authoring/ and tests/ hidden."""

    def make_preexec_fn(self, name):
        drop = super().make_preexec_fn(name)
        kind = "instructor" if name == CLASS["instructor"] else "learner"
        view = CLASS.get("views", {}).get(kind, {})

        def preexec():
            isolation.apply(view)
            drop()
        return preexec


c.JupyterHub.spawner_class = CourseSpawner
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 90
c.Spawner.http_timeout = 90
c.Spawner.args = ["--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]


def _bin(python: str) -> str:
    return str(Path(python).parent)


def course_spawn_hook(spawner):
    """The instructor gets the instructors' environment and the course root; learners their own."""
    name = spawner.user.name
    if name == CLASS["instructor"]:
        python, kind, root = CLASS["instructor_python"], "instructor", CLASS["course"]
    else:
        python, kind, root = CLASS["learner_python"], "learner", "~"
    spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
    spawner.notebook_dir = root
    spawner.environment = {**spawner.environment, **{
        "PATH": f"{_bin(python)}:/usr/local/bin:/usr/bin:/bin",
        "JUPYTER_CONFIG_PATH": CLASS["etc"][kind],
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONNOUSERSITE": "1",
    }}


c.Spawner.pre_spawn_hook = course_spawn_hook
