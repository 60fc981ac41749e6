"""Running test processes as other uids (a learner's pod, a grading pod's kernel container) on one machine."""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from conftest import ROOT
from hub import isolation

AVAILABLE = os.geteuid() == 0 and isolation.available()   # root with mount namespaces (CI, the course machines)


def as_uid(uid: int, gid: int):
    """A ``preexec_fn`` that becomes ``uid``:``gid`` with this Python installation and checkout kept
    reachable (pyenv may live under /root, mode 0700: hub/isolation.py)."""
    base = str(Path(os.path.realpath(sys.executable)).parent.parent)
    return isolation.as_account(isolation.plan([base, sys.prefix, str(ROOT)], []), uid, gid)


@contextlib.contextmanager
def shared_tmp(prefix: str):
    """A temporary folder other uids can enter (pytest's own is root's only, mode 0700); removed after."""
    base = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)
