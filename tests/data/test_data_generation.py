"""The committed data is exactly what the generator makes, small, and valid against its schemas."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import datagen

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
KEYS = REPO / "tests" / "keys"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("regen")
    datagen.build(out / "data", keys=out / "keys")
    return out


def test_same_seed_gives_byte_identical_data(regenerated):
    committed, fresh = _files(DATA), _files(regenerated / "data")
    assert sorted(committed) == sorted(fresh), "data/ holds files the generator does not make (or misses some)"
    differ = [name for name in committed if committed[name] != fresh[name]]
    assert not differ, f"regenerate with `python -m datagen`; these differ: {differ[:10]}"


def test_same_seed_gives_byte_identical_answer_keys(regenerated):
    committed, fresh = _files(KEYS), _files(regenerated / "keys")
    assert committed and sorted(committed) == sorted(fresh)
    assert [n for n in committed if committed[n] != fresh[n]] == []


def test_another_seed_gives_other_data(tmp_path):
    datagen.build(tmp_path / "data", seed=datagen.SEED + 1, keys=tmp_path / "keys")
    assert (tmp_path / "data" / "commits.csv").read_bytes() != (DATA / "commits.csv").read_bytes()
    assert (tmp_path / "data" / "developers.csv").read_bytes() != (DATA / "developers.csv").read_bytes()


def test_committed_data_is_small():
    total = sum(len(b) for b in _files(DATA).values())
    assert total < 25 * 1024 * 1024, f"data/ is {total / 2**20:.1f} MB; Binder needs it under 25 MB"


def test_answer_keys_are_not_shipped_with_the_data():
    names = set(_files(DATA))
    assert not any("key" in n.lower() and n.endswith(".json") for n in names)
    text = (DATA / "datapackage.json").read_text(encoding="utf-8")
    secret = json.loads((KEYS / "focus_bill.json").read_text())["anomaly"]["date"]
    assert secret not in (DATA / "README.md").read_text(encoding="utf-8")
    assert "keys/" not in text


def test_every_resource_is_documented_and_has_its_files():
    desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    names = [r["name"] for r in desc["resources"]]
    assert len(names) == len(set(names))
    for r in desc["resources"]:
        assert {"name", "path", "title", "description", "bytes"} <= set(r), r["name"]
        assert "weeks" not in r, "which assignment carries a dataset is listed in course.yml only"
        assert (DATA / r["path"]).exists(), r["path"]
        assert f"## {r['name']}" in readme
        if r["format"] == "csv":
            assert r["schema"]["fields"], r["name"]
            for f in r["schema"]["fields"]:
                assert f["description"].strip(), (r["name"], f["name"])
                assert f"`{f['name']}`" in readme
            header = (DATA / r["path"]).open(encoding="utf-8").readline().rstrip("\n").split(",")
            assert header == [f["name"] for f in r["schema"]["fields"]], r["name"]
    on_disk = {p.name for p in DATA.glob("*.csv")} | {p.name + "/" for p in DATA.iterdir() if p.is_dir()}
    assert on_disk == {r["path"] for r in desc["resources"]}


def test_sizes_in_the_descriptor_are_the_files_sizes():
    desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for r in desc["resources"]:
        path = DATA / r["path"]
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        assert r["bytes"] == sum(p.stat().st_size for p in files), r["name"]
        if r["format"] == "folder":
            assert r["file_count"] == len(files), r["name"]
        else:
            assert r["rows"] == len(pd.read_csv(path, dtype=str, keep_default_na=False)), r["name"]


def test_tables_validate_against_their_table_schema():
    frictionless = pytest.importorskip("frictionless")
    desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["format"] == "csv"]
    package = frictionless.Package(desc, basepath=str(DATA))
    problems = {}
    for res in package.resources:
        report = res.validate()
        if not report.valid:
            problems[res.name] = [e.message for task in report.tasks for e in task.errors][:3]
    assert not problems, problems


def test_scale_knob_makes_more_data(tmp_path):
    datagen.build(tmp_path / "x2", scale=2, keys=tmp_path / "k2")
    small = sum(1 for _ in (DATA / "deployments.csv").open())
    big = sum(1 for _ in (tmp_path / "x2" / "deployments.csv").open())
    assert big > 1.6 * small


def test_every_answer_key_is_documented():
    names = {p.stem for p in KEYS.glob("*.json")}
    assert names and names <= set(datagen.KEY_DOCS)
    readme = (KEYS / "README.md").read_text(encoding="utf-8")
    assert all(f"`{n}.json`" in readme for n in names)
