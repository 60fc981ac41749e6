"""Week 3: Backstage's own tools judge the learner's YAML (catalog entities, a Software Template).

``read_yaml`` parses YAML text and says which line is wrong when it does not parse.
``judge_entities`` runs Backstage's catalog-model (npm ``@backstage/catalog-model``, through
``workbook/js/backstage.mjs``): the entity policies and kind validators the catalog runs on every
entity it reads, and ``parseEntityRef`` on every reference. ``render_skeleton`` renders skeleton
files with nunjucks configured as Backstage's ``fetch:template`` action configures it
(``workbook/js/template.mjs``). Every failure is one clear :class:`ArtifactError` message.
"""
from __future__ import annotations

import yaml

from workbook import node


class ArtifactError(ValueError):
    """The YAML cannot be read, or a tool the check needs is missing: one clear message."""


def read_yaml(text: object, what: str = "your YAML", many: bool = True) -> list:
    """The documents of ``text`` (empty ones dropped); ArtifactError naming the line when it does not parse."""
    if not isinstance(text, str):
        raise ArtifactError(f"{what} should be YAML text (a str); it is a {type(text).__name__}.")
    try:
        docs = list(yaml.safe_load_all(text)) if many else [yaml.safe_load(text)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        raise ArtifactError(f"{what} does not parse as YAML at {where}: {exc.problem or exc.context}.") from None
    except yaml.YAMLError as exc:
        raise ArtifactError(f"{what} does not parse as YAML: {exc}.") from None
    return [d for d in docs if d is not None]


def _run(script: str, payload: dict) -> dict:
    try:
        return node.run(script, payload)
    except node.ToolMissing as exc:
        raise ArtifactError(f"Backstage's tools cannot run: {exc}") from None


def judge_entities(entities: list, fields: dict | None = None, judge: bool | int = True) -> dict:
    """catalog-model's verdict: {"entities": [{"ref", "errors"}], "references": [...] when fields are given}.

    ``judge=False`` only resolves the references (``entities`` is then empty); ``judge=n`` judges
    the first n entities and resolves the references of all (the rest are context)."""
    payload = {"entities": list(entities), "judge": judge}
    if fields is not None:
        payload["fields"] = {k: (v or None) for k, v in fields.items()}
    return _run("backstage.mjs", payload)


def valid_by_backstage(names: list | None = None, tags: list | None = None) -> dict:
    """catalog-model's isValidObjectName / the catalog's tag validator, one boolean per value."""
    return _run("backstage.mjs", {"names": list(names or []), "tags": list(tags or [])})


def render_skeleton(files: dict, cases: list[dict]) -> list[dict]:
    """Render {path: text} for each values dict: [{"files": {path: text}, "error": None | message}]."""
    return _run("template.mjs", {"files": {str(k): str(v) for k, v in files.items()}, "cases": list(cases)})["cases"]
