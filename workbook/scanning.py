"""Run Yelp's detect-secrets on a table of files, with a configuration and a custom plugin, for Week 7.

`scan(files, config, plugin_source)` writes the files (columns `path`, `text`) to a temporary
folder, writes the plugin source to a file of its own and lists it in the configuration the way a
baseline lists a custom plugin (`{"name": ..., "path": "file://..."}`), and runs detect-secrets'
own scanner (`SecretsCollection.scan_file`) under that configuration. The configuration has the
format of a baseline's settings: `plugins_used` (plugin class names and their options) and
`filters_used` (filter import paths and their options). Everything the tool reports comes back as
one row per finding: `file`, `line`, `type`. A configuration or plugin the tool would not load gets
one `ScannerConfigError` whose message names what is wrong; a missing tool, one install command.
"""
from __future__ import annotations

import copy
import importlib
import os
import tempfile
from pathlib import Path

import pandas as pd

INSTALL_HINT = "detect-secrets is not installed: run `make install` in the course folder (or `pip install detect-secrets==1.5.0`)"
PLUGIN_FILE = "tidewater_plugins.py"


class ScannerConfigError(ValueError):
    """A scanner configuration or plugin detect-secrets would not load; the message says why."""


def _tool():
    try:
        from detect_secrets import SecretsCollection
        from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
        from detect_secrets.settings import default_settings, transient_settings
    except ImportError:
        raise ScannerConfigError(INSTALL_HINT) from None
    return SecretsCollection, get_mapping_from_secret_type_to_class, transient_settings, default_settings


def _check_config(config: dict, builtin: set) -> dict:
    if not isinstance(config, dict) or set(config) - {"plugins_used", "filters_used"}:
        extra = sorted(set(config) - {"plugins_used", "filters_used"}) if isinstance(config, dict) else []
        raise ScannerConfigError("the configuration should be a dict with the keys 'plugins_used' and 'filters_used'"
                                 + (f"; it has {extra}" if extra else ""))
    for i, plugin in enumerate(config.get("plugins_used", [])):
        if not (isinstance(plugin, dict) and isinstance(plugin.get("name"), str)):
            raise ScannerConfigError(f"plugins_used[{i}] should be a dict with a 'name'")
        if plugin["name"] not in builtin and "path" not in plugin:
            raise ScannerConfigError(f"plugins_used[{i}]: detect-secrets has no plugin {plugin['name']!r}; "
                                     f"its plugins are {sorted(builtin)}")
    for i, flt in enumerate(config.get("filters_used", [])):
        path = flt.get("path") if isinstance(flt, dict) else None
        if not isinstance(path, str):
            raise ScannerConfigError(f"filters_used[{i}] should be a dict with a 'path'")
        module, _, name = path.rpartition(".")
        try:
            getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError):
            raise ScannerConfigError(f"filters_used[{i}]: detect-secrets has no filter {path!r}") from None
        if module == "detect_secrets.filters.regex" and not (
                isinstance(flt.get("pattern"), list) and all(isinstance(p, str) for p in flt["pattern"])):
            raise ScannerConfigError(f"filters_used[{i}]: {name} needs 'pattern', a list of regular expressions")
    return config


def scan(files: pd.DataFrame, config: dict | None, plugin_source: str | None = None) -> pd.DataFrame:
    """detect-secrets' findings on files (path, text) under config, with the plugins in plugin_source.

    config None: the tool's defaults (every plugin, the default filters), as `detect-secrets scan`."""
    SecretsCollection, plugin_mapping, transient_settings, default_settings = _tool()
    builtin = {cls.__name__ for cls in plugin_mapping().values()}
    defaults = config is None
    config = {} if defaults else copy.deepcopy(_check_config(config, builtin))
    with tempfile.TemporaryDirectory(prefix="w7-scan-") as tmp:
        root = Path(tmp) / "repo"
        for path, text in zip(files["path"], files["text"]):
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if plugin_source:
            try:
                compile(plugin_source, PLUGIN_FILE, "exec")
            except SyntaxError as exc:
                raise ScannerConfigError(f"the plugin does not compile: line {exc.lineno}: {exc.msg}") from None
            plugin_path = Path(tmp) / PLUGIN_FILE
            plugin_path.write_text(plugin_source, encoding="utf-8")
            from detect_secrets.core.plugins.util import get_plugins_from_file
            try:
                classes = list(get_plugins_from_file(str(plugin_path)))
            except Exception as exc:  # the learner's module failed on import: say so, with the tool's words
                raise ScannerConfigError(f"the plugin file fails on import: {type(exc).__name__}: {exc}") from None
            if not classes:
                raise ScannerConfigError("the plugin source defines no detect-secrets plugin (a subclass of "
                                         "detect_secrets.plugins.base.BasePlugin with a secret_type)")
            config.setdefault("plugins_used", []).extend(
                {"name": cls.__name__, "path": f"file://{plugin_path}"} for cls in classes)
        plugin_mapping.cache_clear()
        here = os.getcwd()
        try:  # as `detect-secrets scan` run at the repository's top: filters see paths like tests/x.py
            os.chdir(root)
            with (default_settings() if defaults else transient_settings(config)):
                plugin_mapping.cache_clear()
                collection = SecretsCollection()
                for path in files["path"]:
                    collection.scan_file(str(path))
        finally:
            os.chdir(here)
            plugin_mapping.cache_clear()
    rows = [(f, s.line_number, s.type) for f, s in collection]
    out = pd.DataFrame(rows, columns=["file", "line", "type"])
    return out.sort_values(["file", "line", "type"]).reset_index(drop=True)
