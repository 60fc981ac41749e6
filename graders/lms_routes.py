"""LMS routes: fill the instructor's Canvas gradebook export, or write a Moodle grade-import CSV,
from the rows of :mod:`graders.lms_export` (see its docstring for the command line)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from nbgrader.api import Gradebook


CANVAS_IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Integration ID", "Section"]
CANVAS_TITLE = re.compile(r"^(?P<name>.*?)\s*\((?P<id>\d+)\)\s*$")
MOODLE_ID = {"email": "Email address", "username": "Username", "idnumber": "ID number"}
BLANK_STATUSES = {"failed", "missing"}


class LmsError(Exception):
    """A file or an option the LMS route cannot use; the message says which and why."""


def _norm(value: str | None) -> str:
    return (value or "").strip().casefold()


def lms_keys(root: Path, match: str = "student_id", id_map: Path | None = None) -> dict[str, str]:
    """nbgrader student id -> the (normalised) LMS identifier it must match ('' when it has none).

    ``match="student_id"``: the student id is the LMS login; ``"email"``: the gradebook's e-mail;
    ``id_map``: a CSV with ``student_id`` and ``lms_id`` columns (wins over ``match``).
    """
    with Gradebook(f"sqlite:///{Path(root) / 'gradebook.db'}") as gb:
        students = {s.id: s.email for s in gb.students}
    if id_map is not None:
        with open(id_map, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not {"student_id", "lms_id"} <= set(reader.fieldnames or []):
                raise LmsError(f"{id_map}: the id map needs the columns student_id and lms_id, "
                               f"found {reader.fieldnames}")
            mapped = {r["student_id"].strip(): _norm(r["lms_id"]) for r in reader if r["student_id"].strip()}
        return {sid: mapped.get(sid, "") for sid in students}
    if match == "email":
        return {sid: _norm(email) for sid, email in students.items()}
    if match == "student_id":
        return {sid: _norm(sid) for sid in students}
    raise LmsError(f"--match must be student_id or email, not {match!r}")


def _scores(long_rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["student_id"], r["assignment"]): r for r in long_rows}


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _report(side_rows: list[dict], path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["issue", "student_id", "lms_id", "assignment", "detail"])
        w.writeheader()
        w.writerows(side_rows)


def _cell(row: dict | None, scale: float, issues: list[dict], lms_id: str) -> str:
    """The score to upload for one student and assignment ('' for failed, missing or absent)."""
    if row is None:
        return ""
    if row["status"] in BLANK_STATUSES or row["score"] == "":
        issues.append(dict(issue=f"left blank ({row['status']})", student_id=row["student_id"], lms_id=lms_id,
                           assignment=row["assignment"], detail=row.get("note", "")))
        return ""
    if row["status"] == "flagged":
        issues.append(dict(issue="flagged for review", student_id=row["student_id"], lms_id=lms_id,
                           assignment=row["assignment"], detail=row.get("note", "")))
    if row.get("needs_manual_grade") is True:
        issues.append(dict(issue="manual grading not finished (score so far)", student_id=row["student_id"],
                           lms_id=lms_id, assignment=row["assignment"], detail=""))
    return _fmt(float(row["score"]) * scale)


def _no_lms_id(keys: dict[str, str], issues: list[dict]) -> None:
    for sid in sorted(s for s, key in keys.items() if not key):
        issues.append(dict(issue="in the gradebook without an LMS id (id map or e-mail missing)", student_id=sid,
                           lms_id="", assignment="", detail="cannot be matched"))


def _unmatched(keys: dict[str, str], lms_ids: dict[str, str], issues: list[dict], lms: str) -> dict[str, str]:
    """Match gradebook students to LMS rows; list who is on one side only. Returns student -> lms id."""
    _no_lms_id(keys, issues)
    matched = {sid: key for sid, key in keys.items() if key and key in lms_ids}
    for sid in sorted(s for s in set(keys) - set(matched) if keys[s]):
        issues.append(dict(issue=f"in the gradebook, not in the {lms} file", student_id=sid, lms_id=keys[sid],
                           assignment="", detail=""))
    taken = set(matched.values())
    for key in sorted(set(lms_ids) - taken):
        issues.append(dict(issue=f"in the {lms} file, not in the gradebook", student_id="", lms_id=lms_ids[key],
                           assignment="", detail=""))
    return matched


def canvas(long_rows: list[dict], keys: dict[str, str], export: Path, out: Path,
           columns: dict[str, str] | None = None, key_column: str = "SIS Login ID") -> list[dict]:
    """Fill the Canvas gradebook export ``export`` and write the file to import to ``out``.

    Returns the issues (unmatched students, blanks, flagged, partial scores), also written to
    ``out`` + ``.report.csv``.
    """
    try:
        with open(export, newline="", encoding="utf-8-sig") as fh:
            table = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError) as err:
        raise LmsError(f"{export}: cannot read the Canvas export ({err})") from None
    if not table or key_column not in table[0] or "Student" not in table[0]:
        raise LmsError(f"{export}: not a Canvas gradebook export (its header row needs Student and "
                       f"{key_column!r}; found {table[0][:6] if table else 'an empty file'})")
    header = table[0]
    meta, students = [], []
    student_col, id_col = header.index("Student"), header.index("ID") if "ID" in header else None
    for row in table[1:]:
        row = row + [""] * (len(header) - len(row))
        # Under the header Canvas may write "Points Possible" and rows of notes (posting policies)
        # that belong to no student: no name and no Canvas id.
        no_student = not row[student_col].strip() and (id_col is None or not row[id_col].strip())
        (meta if row[student_col].strip() == "Points Possible" or no_student else students).append(row)
    points_row = next((r for r in meta if r[0].strip() == "Points Possible"), None)

    assignments = sorted({r["assignment"] for r in long_rows})
    columns = dict(columns or {})
    max_score = {r["assignment"]: float(r["max_score"]) for r in long_rows if r["max_score"] not in ("", None)}
    titles, new_titles = {}, []
    for a in assignments:
        if a in columns:
            title = columns[a]
        else:
            found = [h for h in header if _norm(CANVAS_TITLE.match(h).group("name") if CANVAS_TITLE.match(h) else h) == _norm(a)]
            if len(found) > 1:
                raise LmsError(f"{export}: more than one column could hold {a}: {found}; name one with --column")
            title = found[0] if found else a
        if title not in header:
            new_titles.append(title)
        titles[a] = title

    issues: list[dict] = []
    lms_ids = {_norm(r[header.index(key_column)]): r[header.index(key_column)] for r in students
               if _norm(r[header.index(key_column)])}
    no_key = [r[0] for r in students if not _norm(r[header.index(key_column)])]
    for name in no_key:
        issues.append(dict(issue=f"in the Canvas file without a {key_column}", student_id="", lms_id=name,
                           assignment="", detail="cannot be matched"))
    matched = _unmatched(keys, lms_ids, issues, "Canvas")
    by_lms = {key: sid for sid, key in matched.items()}
    scores = _scores(long_rows)

    identity = [h for h in CANVAS_IDENTITY if h in header]
    out_header = identity + [titles[a] for a in assignments]
    scale = {}
    for a in assignments:
        canvas_points = None
        if points_row is not None and titles[a] in header:
            try:
                canvas_points = float(points_row[header.index(titles[a])])
            except ValueError:
                canvas_points = None
        scale[a] = canvas_points / max_score[a] if canvas_points and max_score.get(a) else 1.0
        if scale[a] != 1.0:
            issues.append(dict(issue="scaled to the Canvas points possible", student_id="", lms_id="",
                               assignment=a, detail=f"nbgrader max {_fmt(max_score[a])}, Canvas {_fmt(canvas_points)}"))
    lines = [out_header]
    if points_row is not None:
        lines.append(["Points Possible"] + [""] * (len(identity) - 1) + [
            points_row[header.index(titles[a])] if titles[a] in header else _fmt(max_score.get(a, 0))
            for a in assignments])
    left_out = 0
    for r in students:
        key = _norm(r[header.index(key_column)])
        sid = by_lms.get(key)
        if not sid:  # Canvas changes nothing for a student the file does not list
            left_out += 1
            continue
        cells = []
        for a in assignments:
            cell = _cell(scores.get((sid, a)), scale[a], issues, r[header.index(key_column)])
            if cell == "" and titles[a] in header:
                # Canvas's importer treats a blank over an existing score as a change and posts it:
                # a blank carries the export's current value, so the import changes nothing there.
                cell = r[header.index(titles[a])].strip()
            cells.append(cell)
        lines.append([r[header.index(h)] for h in identity] + cells)
    if left_out:
        issues.append(dict(issue="rows left out of the import (matched nobody; Canvas keeps their grades)",
                           student_id="", lms_id="", assignment="", detail=f"{left_out} row(s)"))
    with open(out, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(lines)
    for t in new_titles:
        issues.append(dict(issue="new Canvas column (Canvas creates the assignment on import)", student_id="",
                           lms_id="", assignment=t, detail=""))
    _report(issues, Path(f"{out}.report.csv"))
    return issues


MOODLE_GRADE_COLUMN = re.compile(r"^(?:[^:]*:\s*)?(?P<name>.*?)\s*\((?:Real|Percentage|Letter)\)\s*$")
MOODLE_NO_GRADE = {"", "-"}


def _moodle_export(users: Path, column: str) -> tuple[list[str], list[dict]]:
    try:
        with open(users, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            if column not in header:
                raise LmsError(f"{users}: no {column!r} column to match on (found {header[:8]})")
            return header, list(reader)
    except (OSError, UnicodeDecodeError) as err:
        raise LmsError(f"{users}: cannot read the Moodle file ({err})") from None


def moodle(long_rows: list[dict], keys: dict[str, str], out: Path, id_field: str = "email",
           users: Path | None = None, match: str = "student_id", id_map: bool = False,
           points: dict[str, float] | None = None, feedback: bool = False) -> list[dict]:
    """Write a Moodle grade-import CSV that Moodle's importer accepts as it is.

    Moodle's CSV import (gradeimport_csv ``load_data``) aborts the whole import when one row names a
    user it cannot find, and reads an empty cell (or ``-``) as "no grade", which clears a grade the
    item already has. So: the course's own Moodle grade export (``users``) is required and only
    students found in it are written; a cell with no score carries Moodle's current value; scores
    are scaled to the grade item's maximum given in ``points``; ``feedback`` adds one feedback column
    per assignment (map it to "Feedback for <item>").
    """
    if id_field not in MOODLE_ID:
        raise LmsError(f"--moodle-id must be one of {sorted(MOODLE_ID)}, not {id_field!r}")
    column = MOODLE_ID[id_field]
    if users is None:
        raise LmsError("--moodle needs --moodle-users MOODLE-EXPORT.csv (the course's grade export from Moodle): "
                       "Moodle aborts the whole import when one row names a user it does not know, so the class "
                       "list is checked before anything is written")
    if not id_map and (match == "email") != (id_field == "email"):
        raise LmsError(f"--match {match} gives {'e-mail addresses' if match == 'email' else 'nbgrader logins'} but "
                       f"--moodle-id {id_field} matches Moodle's {column!r}: use "
                       f"{'--moodle-id email' if match == 'email' else '--match email or --moodle-id username'} "
                       "(or --id-map)")
    header, table = _moodle_export(users, column)
    current = {_norm(r[column]): r for r in table if _norm(r[column])}
    lms_ids = {key: r[column].strip() for key, r in current.items()}
    issues: list[dict] = []
    matched = _unmatched(keys, lms_ids, issues, "Moodle")
    if keys and not matched:
        raise LmsError(f"none of the gradebook's {len(keys)} students is in {users}'s {column!r} column: "
                       "check --match / --moodle-id / --id-map")
    assignments = sorted({r["assignment"] for r in long_rows})
    max_score = {r["assignment"]: float(r["max_score"]) for r in long_rows if r["max_score"] not in ("", None)}
    points = dict(points or {})
    unknown = sorted(set(points) - set(assignments))
    if unknown:
        raise LmsError(f"--points names assignments with no grades here: {unknown}")
    scale = {a: points[a] / max_score[a] if a in points and max_score.get(a) else 1.0 for a in assignments}
    for a in assignments:
        if a not in points and max_score.get(a):
            issues.append(dict(issue="not scaled (no --points): set the Moodle grade item's maximum to nbgrader's",
                               student_id="", lms_id="", assignment=a, detail=f"nbgrader max {_fmt(max_score[a])}"))
    grade_col = {}
    for a in assignments:
        found = [h for h in header if MOODLE_GRADE_COLUMN.match(h)
                 and _norm(MOODLE_GRADE_COLUMN.match(h).group("name")) == _norm(a)]
        grade_col[a] = found[0] if found else None
    scores = _scores(long_rows)
    out_header = [column]
    for a in assignments:
        out_header += [a] + ([f"{a} feedback"] if feedback else [])
    lines = [out_header]
    for sid in sorted(matched):
        row, lms_value = current[matched[sid]], lms_ids[matched[sid]]
        cells = []
        for a in assignments:
            graded = scores.get((sid, a))
            cell = _cell(graded, scale[a], issues, lms_value)
            if cell == "":
                if grade_col[a] is not None:  # keep what Moodle has: the import changes nothing there
                    cell = row[grade_col[a]].strip() or "-"
                else:
                    issues.append(dict(issue="left blank although Moodle's current value is unknown (no column "
                                             "in the Moodle export): map it only to a new grade item",
                                       student_id=sid, lms_id=lms_value, assignment=a, detail=""))
            cells.append(cell)
            if feedback:
                cells.append(_moodle_feedback(graded, a))
        lines.append([lms_value] + cells)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(lines)
    _report(issues, Path(f"{out}.report.csv"))
    return issues


def _moodle_feedback(row: dict | None, assignment: str) -> str:
    """One line for Moodle's feedback field: what the score is, or why there is none."""
    if row is None or row["status"] == "missing":
        return f"{assignment}: no submission graded yet."
    if row["status"] == "failed" or row["score"] == "":
        return f"{assignment}: your submission could not be graded; your instructor will contact you."
    text = f"{assignment}: {_fmt(float(row['score']))} of {_fmt(float(row['max_score']))} points"
    if row.get("needs_manual_grade") is True:
        text += " so far (reflections not yet read)"
    return text + ". Detailed feedback: the Assignments tab of the course hub."


def _print_issues(issues: list[dict]) -> None:
    for kind in dict.fromkeys(i["issue"] for i in issues):
        rows = [i for i in issues if i["issue"] == kind]
        who = [" ".join(filter(None, (i["student_id"] or i["lms_id"], i["assignment"]))) for i in rows]
        print(f"  {kind} ({len(rows)}): {', '.join(who)}")
