"""The notebooks' loaders turn broken data files into a clear DataFileError naming file, row and column."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from workbook import data
from workbook.data import DataFileError

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A private copy of the descriptor plus two tables and the catalog, used through WORKBOOK_DATA."""
    out = tmp_path / "data"
    out.mkdir()
    shutil.copy(DATA / "datapackage.json", out)
    for name in ("incidents.csv", "teams.csv"):
        shutil.copy(DATA / name, out)
    shutil.copytree(DATA / "catalog", out / "catalog")
    monkeypatch.setenv("WORKBOOK_DATA", str(out))
    return out


def _raises(name, *needles):
    with pytest.raises(DataFileError) as err:
        data.load(name)
    msg = str(err.value)
    for needle in needles:
        assert needle in msg, msg
    return msg


def test_good_files_load_typed(folder):
    inc = data.load("incidents")
    assert str(inc["created_at"].dt.tz) == "UTC"
    assert inc["resolved_at"].isna().sum() < len(inc)
    assert data.load("teams")["headcount"].dtype == "int64"


def test_missing_file(folder):
    (folder / "incidents.csv").unlink()
    _raises("incidents", "incidents.csv", "missing")


def test_unknown_dataset(folder):
    _raises("no_such_table", "no_such_table")


def test_empty_file(folder):
    (folder / "teams.csv").write_text("", encoding="utf-8")
    _raises("teams", "teams.csv", "empty")


def test_header_only(folder):
    header = (folder / "teams.csv").read_text(encoding="utf-8").splitlines()[0]
    (folder / "teams.csv").write_text(header + "\n", encoding="utf-8")
    _raises("teams", "teams.csv", "no rows")


def test_truncated_file(folder):
    text = (folder / "teams.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    cut = "\n".join(lines[:6]) + "\n" + ",".join(lines[6].split(",")[:4])  # line 7 cut after its 4th field
    (folder / "teams.csv").write_text(cut, encoding="utf-8")
    _raises("teams", "teams.csv", "line 7", "'cost_center'")


def test_bad_integer(folder):
    df = pd.read_csv(folder / "teams.csv", dtype=str, keep_default_na=False)
    df.loc[9, "headcount"] = "twelve"
    df.to_csv(folder / "teams.csv", index=False, lineterminator="\n")
    _raises("teams", "teams.csv", "line 11", "'headcount'", "twelve")


def test_bad_datetime(folder):
    df = pd.read_csv(folder / "incidents.csv", dtype=str, keep_default_na=False)
    df.loc[3, "created_at"] = "yesterday"
    df.to_csv(folder / "incidents.csv", index=False, lineterminator="\n")
    _raises("incidents", "incidents.csv", "line 5", "'created_at'", "yesterday")


def test_value_outside_allowed_list(folder):
    df = pd.read_csv(folder / "incidents.csv", dtype=str, keep_default_na=False)
    df.loc[0, "severity"] = "SEV9"
    df.to_csv(folder / "incidents.csv", index=False, lineterminator="\n")
    _raises("incidents", "incidents.csv", "line 2", "'severity'", "SEV9")


def test_missing_required_value(folder):
    df = pd.read_csv(folder / "incidents.csv", dtype=str, keep_default_na=False)
    df.loc[7, "service_id"] = ""
    df.to_csv(folder / "incidents.csv", index=False, lineterminator="\n")
    _raises("incidents", "incidents.csv", "line 9", "'service_id'")


def test_wrong_header(folder):
    text = (folder / "teams.csv").read_text(encoding="utf-8")
    (folder / "teams.csv").write_text(text.replace("team_name", "teamname", 1), encoding="utf-8")
    _raises("teams", "teams.csv", "line 1", "teamname", "team_name")


def test_not_utf8(folder):
    raw = (folder / "teams.csv").read_bytes().split(b"\n")
    fields = raw[4].split(b",")
    fields[1] = b"Caf\xe9 Team"  # latin-1, not UTF-8
    raw[4] = b",".join(fields)
    (folder / "teams.csv").write_bytes(b"\n".join(raw))
    _raises("teams", "teams.csv", "line 5", "'team_name'", "UTF-8")


def test_bad_descriptor(folder):
    (folder / "datapackage.json").write_text("{not json", encoding="utf-8")
    data._descriptor.cache_clear()
    _raises("teams", "datapackage.json")
    data._descriptor.cache_clear()


def test_folder_dataset_is_not_a_table(folder):
    _raises("catalog", "catalog", "folder")


def test_catalog_loads(folder):
    cat = data.load_catalog()
    assert {"Component", "Group", "User", "System", "Domain", "API", "Resource"} <= set(cat["kind"])
    assert cat["name"].notna().all()


def test_broken_yaml_names_file_and_line(folder):
    path = folder / "catalog" / "domains.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = "  name: [unclosed"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        data.load_catalog()
    assert "domains.yaml" in str(err.value) and "line" in str(err.value)


def test_catalog_file_not_utf8(folder):
    path = folder / "catalog" / "domains.yaml"
    path.write_bytes(path.read_bytes().replace(b"Payments", b"Paym\xe9nts", 1))
    with pytest.raises(DataFileError) as err:
        data.load_catalog()
    assert "domains.yaml" in str(err.value) and "UTF-8" in str(err.value)


def test_missing_catalog_folder(folder):
    shutil.rmtree(folder / "catalog")
    with pytest.raises(DataFileError, match="catalog"):
        data.load_catalog()


def test_load_is_vectorised_enough(folder):
    """Loading the biggest table stays fast (no Python loop over rows)."""
    import time
    shutil.copy(DATA / "slo_requests.csv", folder)
    start = time.perf_counter()
    df = data.load("slo_requests")
    assert len(df) == 2 * 30 * 1440
    assert time.perf_counter() - start < 5
