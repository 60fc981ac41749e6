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

import hashlib
import json
import os
import pickle
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["DataFileError", "data_dir", "data_path", "load", "load_catalog", "load_docs", "load_yaml_folder",
           "read_text_files", "resource", "search_path"]

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
        wrong = next((f"column {i + 1} is {c!r}, expected {n!r}" for i, (c, n) in enumerate(zip(raw.columns, names)) if c != n),
                     f"{len(raw.columns)} columns, expected {len(names)}")
        raise DataFileError(
            f"{path.name}, line 1 (header): the header does not match the schema ({wrong}). "
            f"Missing columns: {missing or 'none'}; unexpected columns: {extra or 'none'}."
        )
    short = raw.isna()  # a row with fewer fields than the header, e.g. a file cut off mid-line
    if short.to_numpy().any():
        rows = raw.index[short.any(axis=1)]
        col = raw.columns[short.loc[rows[0]].to_numpy().argmax()]
        raise DataFileError(
            f"{path.name}, line {int(rows[0]) + 2}, column {col!r}: the row ends early (it has fewer fields than "
            f"the header; is the file truncated?)" + (f" (and {len(rows) - 1} more rows)" if len(rows) > 1 else "") + "."
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


def _not_utf8(path: Path) -> DataFileError:
    """Name the line and column of the first byte that is not UTF-8."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        header = data.split(b"\n", 1)[0].decode("utf-8", "replace").split(",")
        field = data[line_start:exc.start].count(b",")
        col = header[field] if field < len(header) else f"field {field + 1}"
        return DataFileError(f"{path.name}, line {line}, column {col!r}: byte {data[exc.start:exc.start + 1]!r} is not "
                             "UTF-8 text (save the file as UTF-8).")
    return DataFileError(f"{path.name} is not UTF-8 text.")


def load(name: str) -> pd.DataFrame:
    """Load tabular dataset ``name`` as a typed DataFrame, validated against its Table Schema."""
    path = data_path(name)
    res = resource(name, path.parent if path.parent.joinpath(DESCRIPTOR).is_file() else None)
    if res.get("format") == "folder":
        raise DataFileError(f"Dataset {name!r} is a folder of files ({res['path']}), not a table: use "
                            "load_catalog(), load_docs(), load_yaml_folder() or read_text_files().")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataFileError(f"{path.name} is empty: expected a header line and rows.") from None
    except pd.errors.ParserError as exc:
        raise DataFileError(f"{path.name} is malformed (truncated or a broken row): {exc}") from None
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    if raw.empty:
        raise DataFileError(f"{path.name} has a header but no rows.")
    return _typed(path, raw, res.get("schema", {}))


# --- folders of files (Week 3 catalog, Week 2 docs, Week 5 manifests, Week 7 repository snapshot)

def _folder(name: str) -> Path:
    path = data_path(name)
    if not path.is_dir():
        raise DataFileError(f"Dataset {name!r} should be the folder {path}, but that is not a folder.")
    return path


def _read(path: Path, root: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes().count(b"\n", 0, exc.start) + 1
        raise DataFileError(f"{path.relative_to(root)}, line {line}: not UTF-8 text.") from None
    except OSError as exc:
        raise DataFileError(f"{path.relative_to(root)} cannot be read: {exc}") from None


def read_text_files(name: str, pattern: str = "**/*") -> pd.DataFrame:
    """Every file of folder dataset ``name`` as rows (path relative to the folder, text)."""
    root = _folder(name)
    paths = sorted(p for p in root.glob(pattern) if p.is_file())
    return pd.DataFrame({"path": [p.relative_to(root).as_posix() for p in paths],
                         "text": [_read(p, root) for p in paths]})


def _yaml_loader():
    """PyYAML's safe loader, libyaml's C implementation when PyYAML was built with it (about 8x faster
    on the capstone-size catalog), else the pure-Python one. Both build the same plain objects."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_documents(path: str, text: str) -> list:
    import yaml

    try:
        return list(yaml.load_all(text, Loader=_yaml_loader()))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataFileError(f"{path}{where}: not valid YAML ({exc.problem or exc.context}).") from None
    except yaml.YAMLError as exc:  # e.g. a control character libyaml refuses before it has a position
        raise DataFileError(f"{path}: not valid YAML ({exc}).") from None


_PARSED: dict[str, bytes] = {}  # content digest -> pickled result, least recently used first
_PARSED_MAX = 8


def _parsed_once(kind: str, files: pd.DataFrame, parse) -> pd.DataFrame:
    """``parse(files)``, computed once per content: a notebook (or its hidden checks) that loads the same
    folder again gets an independent copy in a tenth of the time, and edited files are parsed again."""
    digest = hashlib.blake2b(kind.encode(), digest_size=16)
    for path, text in zip(files["path"], files["text"]):
        digest.update(f"\0{path}\0{len(text)}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()
    if key in _PARSED:
        _PARSED[key] = _PARSED.pop(key)
        return pickle.loads(_PARSED[key])
    out = parse(files)
    _PARSED[key] = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
    while len(_PARSED) > _PARSED_MAX:
        del _PARSED[next(iter(_PARSED))]
    return out


def load_yaml_folder(name: str) -> pd.DataFrame:
    """Every YAML document in folder dataset ``name``: one row per document with its file, position in the
    file, ``kind``, ``name`` (metadata.name) and the parsed document (``doc``, a dict)."""
    files = read_text_files(name, "**/*.y*ml")
    if files.empty:
        raise DataFileError(f"Folder dataset {name!r} has no YAML files.")
    return _parsed_once("yaml", files, _yaml_table)


def _yaml_table(files: pd.DataFrame) -> pd.DataFrame:
    parsed = [_yaml_documents(p, t) or [None] for p, t in zip(files["path"], files["text"])]  # None: no document
    docs = pd.DataFrame({"file": files["path"], "doc": parsed}).explode("doc", ignore_index=True)
    docs["document"] = docs.groupby("file").cumcount() + 1
    docs = docs[docs["doc"].map(lambda d: d is not None)].reset_index(drop=True)  # empty documents are skipped
    is_map = docs["doc"].map(type).eq(dict)
    if not is_map.all():
        bad = docs[~is_map].iloc[0]
        raise DataFileError(f"{bad['file']}, document {bad['document']}: expected a mapping, got {type(bad['doc']).__name__}.")
    meta = docs["doc"].map(lambda d: d.get("metadata") if isinstance(d.get("metadata"), dict) else {})
    out = pd.DataFrame({"file": docs["file"], "document": docs["document"].astype("int64"),
                        "kind": docs["doc"].map(lambda d: d.get("kind")),
                        "namespace": meta.map(lambda m: m.get("namespace", "default")),
                        "name": meta.map(lambda m: m.get("name")), "doc": docs["doc"]})
    return out


def load_catalog() -> pd.DataFrame:
    """The Week 3 Backstage catalog: one row per entity (file, document, kind, namespace, name, doc)."""
    return load_yaml_folder("catalog")


def load_docs(name: str = "docs") -> pd.DataFrame:
    """The markdown documentation corpus: one row per page with its front matter fields and body."""
    files = read_text_files(name, "**/*.md")
    if files.empty:
        raise DataFileError(f"Folder dataset {name!r} has no markdown files.")
    return _parsed_once("docs", files, _docs_table)


def _docs_table(files: pd.DataFrame) -> pd.DataFrame:
    import yaml

    parts = files["text"].str.extract(r"\A---\n(?P<front>.*?)\n---\n(?P<body>.*)\Z", flags=16)  # re.DOTALL
    if parts["front"].isna().any():
        bad = files.loc[parts["front"].isna(), "path"].iloc[0]
        raise DataFileError(f"{bad}, line 1: expected front matter between '---' lines.")
    fronts = []
    for path, front in zip(files["path"], parts["front"]):
        try:
            meta = yaml.load(front, Loader=_yaml_loader())
        except yaml.YAMLError as exc:
            raise DataFileError(f"{path}: front matter is not valid YAML ({exc}).") from None
        if not isinstance(meta, dict):
            raise DataFileError(f"{path}, line 2: front matter should be key: value lines.")
        fronts.append(meta)
    meta = pd.DataFrame(fronts)
    return pd.concat([files[["path"]], meta, parts[["body"]]], axis=1)
