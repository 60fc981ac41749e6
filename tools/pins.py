"""Derive requirements.txt (pip pins) from environment.yml, the single source of truth.

    python tools/pins.py          # rewrite requirements.txt
    python tools/pins.py --check  # exit 1 if requirements.txt has drifted

Standard library only: it runs before anything is installed.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = ROOT / "environment.yml"
REQ = ROOT / "requirements.txt"
SKIP = {"python", "pip"}  # provided by the interpreter / venv, not by pip install
HEADER = "# Generated from environment.yml by tools/pins.py: do not edit by hand.\n"


def conda_pins(text: str) -> list[tuple[str, str]]:
    """Return (name, version) for every `- name=version` conda dependency."""
    pins = []
    for line in text.splitlines():
        m = (re.match(r"^\s{2}-\s+([A-Za-z0-9_.\-]+)\s*=\s*([0-9][^\s#]*)\s*(#.*)?$", line)
             # packages only PyPI carries, pinned in the `pip:` section as `- name==version`
             or re.match(r"^\s{6}-\s+([A-Za-z0-9_.\-]+)\s*==\s*([0-9][^\s#]*)\s*(#.*)?$", line))
        if m and m.group(1) not in SKIP:
            pins.append((m.group(1), m.group(2)))
    return pins


def requirements_text() -> str:
    pins = conda_pins(ENV.read_text(encoding="utf-8"))
    if not pins:
        sys.exit(f"no `- name=version` pins found in {ENV}")
    return HEADER + "".join(f"{name}=={version}\n" for name, version in pins)


def main(argv: list[str]) -> int:
    want = requirements_text()
    if "--check" in argv:
        have = REQ.read_text(encoding="utf-8") if REQ.exists() else ""
        if have != want:
            print(f"{REQ.name} has drifted from environment.yml: run `python tools/pins.py`")
            return 1
        return 0
    REQ.write_text(want, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
