"""Deterministic, seeded generator of the fictional organisation's datasets.

    python -m workbook.datagen                  # rewrite data/ at scale 1 (committed)
    python -m workbook.datagen --out /tmp/x10 --scale 10

Each module below contributes tables (``generate(rng, scale)``) and their documentation
(``SCHEMAS``); build() writes the files and a Frictionless ``datapackage.json``.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from . import journey

SEED = 20261126
MODULES = [journey]  # order matters: each module draws from its own child generator


def package_descriptor() -> dict:
    resources = []
    for module in MODULES:
        for name, meta in module.SCHEMAS.items():
            schema = {
                "fields": [
                    {"name": n, "type": t, "description": d, **({"constraints": c} if c else {})}
                    for n, t, d, c in meta["fields"]
                ],
            }
            for key in ("primaryKey", "foreignKeys"):
                if key in meta:
                    schema[key] = meta[key]
            resources.append({
                "name": name, "path": f"{name}.csv", "title": meta["title"],
                "description": meta["description"], "format": "csv", "mediatype": "text/csv",
                "encoding": "utf-8", "weeks": meta["weeks"], "schema": schema,
            })
    return {
        "name": "platform-workbook-org",
        "title": "A fictional engineering organisation for the Platform Engineering workbook",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": resources,
    }


def build(out: Path, seed: int = SEED, scale: int = 1) -> list[Path]:
    """Write every dataset and datapackage.json into ``out``; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    children = np.random.SeedSequence(seed).spawn(len(MODULES))
    written = []
    for module, child in zip(MODULES, children):
        for name, frame in module.generate(np.random.default_rng(child), scale=scale).items():
            path = out / f"{name}.csv"
            frame.to_csv(path, index=False, lineterminator="\n")
            written.append(path)
    desc = out / "datapackage.json"
    desc.write_text(json.dumps(package_descriptor(), indent=2) + "\n", encoding="utf-8")
    return written + [desc]
