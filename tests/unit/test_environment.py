"""environment.yml is the single source of truth for versions; pip installs the same pins."""
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from tools.pins import conda_pins  # noqa: E402


def test_requirements_txt_matches_environment_yml():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "pins.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_pins_present_and_python_recent_enough():
    text = (ROOT / "environment.yml").read_text()
    pins = dict(conda_pins(text))
    for name in ("jupyterlab", "nbgrader", "ipywidgets", "pandas", "matplotlib", "nbval"):
        assert name in pins, f"{name} must be pinned in environment.yml"
    assert pins["jupyterlab"].startswith("4.") and pins["nbgrader"].startswith("0.9") and pins["ipywidgets"].startswith("8.")
    assert "- python=3.1" in text and "conda-forge" in text


def test_installed_versions_are_the_pinned_ones():
    drift = []
    for name, pinned in conda_pins((ROOT / "environment.yml").read_text()):
        try:
            have = version(name)
        except PackageNotFoundError:
            drift.append(f"{name} not installed")
            continue
        if have != pinned:
            drift.append(f"{name}: installed {have}, pinned {pinned}")
    assert not drift, "the environment drifted from environment.yml: " + "; ".join(drift)
