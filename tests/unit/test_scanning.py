"""workbook.scanning runs detect-secrets itself, as its CLI would from a repository's top, and refuses
what the tool would not load with one message."""
from __future__ import annotations

import pandas as pd
import pytest

from workbook.scanning import ScannerConfigError, scan

FILES = pd.DataFrame({"path": ["tests/fixtures/img.py", "src/consts.py", "README.md", "scripts/call.sh"], "text": [
    'IMG = "Zq7Lm2Xr9Tb4Nc8Vd1Hs6Kp3Wf5Jg0Ya+/Qw"\n', 'ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"\n',
    "AWS docs: AKIAIOSFODNN7EXAMPLE\n", "call --upstream twk_live_Q7w2ErT9yU4iO1pA8sD3fG6hJ0kL5zXcVbNm2QwE\n"]})
ENTROPY = [{"name": "Base64HighEntropyString", "limit": 4.5}]
PLUGIN = r'''
import re
from detect_secrets.plugins.base import RegexBasedDetector


class TwDetector(RegexBasedDetector):
    secret_type = "Tidewater API key"
    denylist = [re.compile(r"\btwk_live_[A-Za-z0-9]{40}\b")]
'''


def test_filters_used_replaces_the_default_filters():
    bare = scan(FILES, {"plugins_used": ENTROPY, "filters_used": []})
    assert {"src/consts.py", "tests/fixtures/img.py"} <= set(bare["file"])
    kept = scan(FILES, {"plugins_used": ENTROPY,
                        "filters_used": [{"path": "detect_secrets.filters.heuristic.is_sequential_string"}]})
    assert "src/consts.py" not in set(kept["file"])


def test_file_filters_see_paths_from_the_repository_top():
    out = scan(FILES, {"plugins_used": ENTROPY, "filters_used": [
        {"path": "detect_secrets.filters.regex.should_exclude_file", "pattern": ["^tests/fixtures/"]}]})
    assert "tests/fixtures/img.py" not in set(out["file"])


def test_a_custom_plugin_is_loaded_from_its_source_and_the_defaults_flag_the_aws_example():
    out = scan(FILES, {"plugins_used": [], "filters_used": []}, PLUGIN)
    assert out.to_dict("records") == [{"file": "scripts/call.sh", "line": 1, "type": "Tidewater API key"}]
    assert "README.md" in set(scan(FILES, None)["file"])  # the tool's AWS detector has no EXAMPLE allowlist


@pytest.mark.parametrize("config, plugin, words", [
    ({"plugins_used": [{"name": "AWSKeyDetecter"}]}, None, "no plugin 'AWSKeyDetecter'"),
    ({"plugins_used": [], "filters_used": [{"path": "detect_secrets.filters.nope.f"}]}, None, "no filter"),
    ({"plugins_used": [], "filters_used": [{"path": "detect_secrets.filters.regex.should_exclude_file"}]}, None, "pattern"),
    ({"plugins": []}, None, "plugins_used"),
    ({"plugins_used": []}, "class X(:\n", "line 1"),
    ({"plugins_used": []}, "X = 1\n", "defines no detect-secrets plugin"),
])
def test_what_the_tool_would_not_load_gets_one_message(config, plugin, words):
    with pytest.raises(ScannerConfigError, match=words):
        scan(FILES, config, plugin)
