"""The data helper finds data/ wherever a notebook runs, and says clearly when it cannot."""
import os
import shutil

import pytest

from conftest import ROOT
from workbook import data as wd


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A learner's home folder outside the course tree, with no WORKBOOK_DATA set."""
    monkeypatch.delenv(wd.ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    wd._descriptor.cache_clear()
    yield tmp_path
    wd._descriptor.cache_clear()


def test_fetched_assignment_uses_the_data_folder_beside_the_notebook(elsewhere):
    week = elsewhere / "week-01"
    shutil.copytree(ROOT / "release" / "week-01", week)
    os.chdir(week)
    assert wd.data_dir() == week / "data"
    assert len(wd.load("developer_journey")) > 10


def test_parent_folders_are_searched(elsewhere):
    shutil.copytree(ROOT / "release" / "week-01" / "data", elsewhere / "data")
    (elsewhere / "notebooks").mkdir()
    os.chdir(elsewhere / "notebooks")
    assert wd.data_dir() == elsewhere / "data"


def test_environment_variable_wins(elsewhere, monkeypatch):
    shutil.copytree(ROOT / "release" / "week-01" / "data", elsewhere / "data")
    monkeypatch.setenv(wd.ENV_VAR, str(ROOT / "data"))
    assert wd.data_dir() == ROOT / "data"


def test_installed_package_falls_back_to_the_canonical_data(elsewhere):
    assert wd.data_dir() == ROOT / "data"


def test_missing_week_file_is_named(elsewhere):
    week = elsewhere / "week-01"
    shutil.copytree(ROOT / "release" / "week-01", week)
    (week / "data" / "developer_tasks.csv").unlink()
    os.chdir(week)
    with pytest.raises(wd.DataFileError, match=r"developer_tasks\.csv.*missing"):
        wd.load("developer_tasks")


def test_no_data_anywhere_lists_where_it_looked(elsewhere, monkeypatch):
    monkeypatch.setattr(wd, "search_path", lambda: [elsewhere / "data"])
    with pytest.raises(wd.DataFileError, match="Looked in") as err:
        wd.data_dir()
    assert str(elsewhere / "data") in str(err.value) and wd.ENV_VAR in str(err.value)
