"""nbgrader's exchange with rights that hold when every server runs as its own uid.

Loaded by the nbgrader configuration of the course hub (hub/demo.py: one Unix account per person)
and of Zero to JupyterHub (hub/z2jh/values.yaml: each learner's pod runs as :func:`uid_for` of
the learner's name, the instructors' as 1000). nbgrader's own exchange gives a submission to its
owner's uid; the two classes here close what it leaves open:

- :class:`CourseSubmit`: nbgrader leaves a submission's folder world-writable and its files
  world-readable, hidden only by an unguessable name in the unlistable inbound folder. inbound
  belongs to the instructor's group with the set-group-id bit, so the submission's folder gets
  the instructor's group: mode 0770 lets the instructor collect it and keeps every other uid out.
- :class:`CourseCollect` (Kubernetes): a learner names the student in the submission's file name
  and could name somebody else; nbgrader only warns. Here a submission counts only when its
  folder belongs to the uid of the student it names; any other is refused and reported.
"""
from __future__ import annotations

import hashlib
import os
import stat

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.submit import ExchangeSubmit
from traitlets import Bool

UID_BASE, UID_SPAN = 100_000, 1 << 24   # learners' uids on Kubernetes: 100000 ... 16877215


def uid_for(name: str) -> int:
    """A learner's uid on Kubernetes (the same function as the course-roles hook in values.yaml)."""
    return UID_BASE + int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") % UID_SPAN


class CourseSubmit(ExchangeSubmit):
    """nbgrader's submit, then the submission's folder closed to all but its owner and the instructor."""

    def copy_files(self):
        super().copy_files()
        dest = os.path.join(self.inbound_path, self.assignment_filename)
        inbound, folder = os.stat(self.inbound_path), os.stat(dest)
        if inbound.st_mode & stat.S_ISGID and folder.st_gid == inbound.st_gid != os.getgid():
            os.chmod(dest, 0o770)


class CourseCollect(ExchangeCollect):
    """nbgrader's collect, counting a submission only when its folder is the named student's own."""

    # nbgrader's own owner check looks the uid up in /etc/passwd, where no learner's uid is: it would
    # call every submission a cheating attempt. This class checks the uid itself.
    check_owner = Bool(False).tag(config=True)

    def _path_to_record(self, path):
        rec = super()._path_to_record(path)
        rec["owner"] = os.stat(path).st_uid
        rec["owner_ok"] = rec["owner"] == uid_for(rec["username"])
        if not rec["owner_ok"]:
            self.log.warning("refused %s: it names %s but belongs to uid %s, not %s's uid %s",
                             rec["filename"], rec["username"], rec["owner"], rec["username"], uid_for(rec["username"]))
        return rec

    def _sort_by_timestamp(self, records):
        genuine = [r for r in records if r.get("owner_ok", True)]
        return super()._sort_by_timestamp(genuine or records)

    def copy_files(self):
        self.src_records = [r for r in self.src_records if r.get("owner_ok", True)]
        super().copy_files()
