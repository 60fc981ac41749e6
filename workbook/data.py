"""Find and load the course datasets, wherever a notebook runs.

A week's notebook calls ``load("developer_journey")`` and gets a typed pandas DataFrame.
The data is looked up, in order, in:

1. the folder named by the ``WORKBOOK_DATA`` environment variable, if set;
2. ``data/`` beside the notebook (the current working directory) - this is the copy that
   nbgrader ships inside every assignment, so it works in release/, submitted/, autograded/
   and in an assignment fetched through the exchange into a learner's home folder;
3. ``data/`` in any parent folder (a notebook opened from notebooks/ or from the repo root);
4. the repository's canonical ``data/`` folder next to this installed package.

Every folder that counts holds a ``datapackage.json`` (Frictionless Data Package): its Table
Schema gives each column's type, so loading also validates. A missing or malformed file raises
:class:`DataFileError` naming the file, and where it applies the row and the column.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["DataFileError", "data_dir", "data_path", "load", "resource", "search_path"]

DESCRIPTOR = "datapackage.json"
ENV_VAR = "WORKBOOK_DATA"
_TRUE = {"true", "True", "TRUE", "1", "yes"}
_FALSE = {"false", "False", "FALSE", "0", "no"}


class DataFileError(Exception):
    """A course data file is missing, truncated or malformed. The message says which and where."""


def search_path() -> list[Path]:
    """Folders that may hold the course data, in the order they are tried."""
    found: list[Path] = []
    if os.environ.get(ENV_VAR):
        found.append(Path(os.environ[ENV_VAR]).expanduser())
    here = Path.cwd().resolve()
    found += [folder / "data" for folder in (here, *here.parents)]
    found.append(Path(__file__).resolve().parent.parent / "data")
    return list(dict.fromkeys(found))


def data_dir() -> Path:
    """The first folder on :func:`search_path` that has a ``datapackage.json``."""
    for folder in search_path():
        if (folder / DESCRIPTOR).is_file():
            return folder
    tried = "\n  ".join(str(p) for p in search_path())
    raise DataFileError(
        f"Could not find the course data ({DESCRIPTOR}). Looked in:\n  {tried}\n"
        "Open the notebook from its own folder (its data/ folder travels with it), "
        f"or set the {ENV_VAR} environment variable to the course's data/ folder."
    )


@lru_cache(maxsize=8)
def _descriptor(folder: str) -> dict:
    path = Path(folder) / DESCRIPTOR
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(f"{path} cannot be read as JSON: {exc}") from None


def resource(name: str, folder: Path | None = None) -> dict:
    """The Data Package resource (path, schema, description) called ``name``."""
    folder = folder or data_dir()
    resources = {r["name"]: r for r in _descriptor(str(folder)).get("resources", [])}
    if name not in resources:
        known = ", ".join(sorted(resources)) or "none"
        raise DataFileError(f"There is no dataset called {name!r} in {folder / DESCRIPTOR}. Known: {known}.")
    return resources[name]


def data_path(name: str) -> Path:
    """Path of the file (or folder) of dataset ``name``; raises if it is missing."""
    folder = data_dir()
    res = resource(name, folder)
    path = folder / res["path"]
    if not path.exists():
        raise DataFileError(
            f"Data file {res['path']} (dataset {name!r}) is missing from {folder}. "
            "Restore it from the course's data/ folder, or fetch the assignment again."
        )
    return path


def _bad(path: Path, column: str, rows: pd.Index, values: pd.Series, expected: str) -> DataFileError:
    first = rows[0]
    line = int(first) + 2  # +1 for the header line, +1 because file lines count from 1
    more = f" (and {len(rows) - 1} more rows)" if len(rows) > 1 else ""
    return DataFileError(
        f"{path.name}, line {line}, column {column!r}: {values.loc[first]!r} is not {expected}{more}."
    )


def _typed(path: Path, raw: pd.DataFrame, schema: dict) -> pd.DataFrame:
    fields = schema.get("fields", [])
    names = [f["name"] for f in fields]
    if list(raw.columns) != names:
        missing = [n for n in names if n not in raw.columns]
        extra = [c for c in raw.columns if c not in names]
        raise DataFileError(
            f"{path.name}: the header does not match the schema. "
            f"Missing columns: {missing or 'none'}; unexpected columns: {extra or 'none'}."
        )
    out = {}
    for field in fields:
        col, kind = field["name"], field.get("type", "string")
        values = raw[col]
        empty = values.eq("")
        if field.get("constraints", {}).get("required") and empty.any():
            raise _bad(path, col, values.index[empty], values, "allowed to be empty")
        if kind in ("integer", "number"):
            parsed = pd.to_numeric(values.where(~empty), errors="coerce")
            bad = parsed.isna() & ~empty
            if kind == "integer":
                bad |= parsed.notna() & (parsed % 1 != 0)
            if bad.any():
                raise _bad(path, col, values.index[bad], values, f"a valid {kind}")
            out[col] = parsed.astype("Int64") if kind == "integer" and empty.any() else (
                parsed.astype("int64") if kind == "integer" else parsed.astype("float64"))
        elif kind == "boolean":
            bad = ~(values.isin(_TRUE | _FALSE) | empty)
            if bad.any():
                raise _bad(path, col, values.index[bad], values, "true or false")
            out[col] = values.isin(_TRUE).where(~empty, pd.NA).astype("boolean") if empty.any() else values.isin(_TRUE)
        elif kind in ("datetime", "date"):
            parsed = pd.to_datetime(values.where(~empty), utc=(kind == "datetime"), errors="coerce", format="ISO8601")
            bad = parsed.isna() & ~empty
            if bad.any():
                raise _bad(path, col, values.index[bad], values, f"an ISO 8601 {kind}")
            out[col] = parsed
        else:
            out[col] = values.where(~empty, None) if empty.any() else values
        enum = field.get("constraints", {}).get("enum")
        if enum is not None:
            bad = ~values.isin([str(v) for v in enum]) & ~empty
            if bad.any():
                raise _bad(path, col, values.index[bad], values, f"one of {enum}")
    return pd.DataFrame(out)


def load(name: str) -> pd.DataFrame:
    """Load tabular dataset ``name`` as a typed DataFrame, validated against its Table Schema."""
    path = data_path(name)
    res = resource(name, path.parent if path.parent.joinpath(DESCRIPTOR).is_file() else None)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataFileError(f"{path.name} is empty: expected a header line and rows.") from None
    except pd.errors.ParserError as exc:
        raise DataFileError(f"{path.name} is malformed (truncated or a broken row): {exc}") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path.name} is not UTF-8 text: {exc}") from None
    if raw.empty:
        raise DataFileError(f"{path.name} has a header but no rows.")
    return _typed(path, raw, res.get("schema", {}))
