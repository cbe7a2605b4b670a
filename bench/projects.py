"""The projects benchmarks run on: a snapshot of the review graph (1x) and generated k-times projects.

Everything lives under build/bench/ (ignored by git). The snapshot freezes ontology/, graph_data/ and
queries/ at the start of a run, so data edits made meanwhile do not mix into one run's numbers. A
generated project is reused while its sources, generator, scale and seed are unchanged.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import generate
from liskg.base.project import Project

CHECKOUT = Path(__file__).resolve().parents[1]
WORK = CHECKOUT / "build" / "bench"
STAMP = ".generated"
SEED = 0


def snapshot() -> Project:
    """A copy of the checkout's sources in build/bench/review (its build/ kept when sources are unchanged)."""
    target = WORK / "review"
    source = Project(CHECKOUT)
    key = generate.source_key(source, 1, SEED)
    if (target / STAMP).exists() and (target / STAMP).read_text() == key:
        return Project(target)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for folder in (source.ontology_dir, source.data_dir, source.queries_dir):
        shutil.copytree(folder, target / folder.name)
    (target / STAMP).write_text(key)
    return Project(target)


def scaled(review: Project, scale: int) -> tuple[Project, dict]:
    """The generated project of the given scale (1 is the snapshot itself) and how it was made."""
    if scale == 1:
        return review, {"scale": 1, "data_triples": data_triples(review), "seconds": 0.0, "reused": True}
    target = WORK / f"scale-{scale}"
    key = generate.source_key(review, scale, SEED)
    stamp = target / STAMP
    if stamp.exists() and json.loads(stamp.read_text())["key"] == key:
        generate.copy_sources(review, target)
        return Project(target), {**json.loads(stamp.read_text())["info"], "reused": True}
    shutil.rmtree(target, ignore_errors=True)
    info = generate.generate(review, scale, target, SEED)
    stamp.write_text(json.dumps({"key": key, "info": info}))
    return Project(target), {**info, "reused": False}


def data_triples(project: Project) -> int:
    """Triples in graph_data/ (the size measure of a scale)."""
    from liskg.sources.loading import load_sources

    return sum(len(f.triples) for f in load_sources(project).data_files(project))


def million_scale(review: Project) -> int:
    """The smallest scale whose graph_data/ holds at least a million triples (generating it to check)."""
    return scale_for(review, 1_000_000)


def scale_for(review: Project, wanted: int) -> int:
    """The smallest scale whose graph_data/ holds at least WANTED triples (generating it to check)."""
    scale = math.ceil(wanted / data_triples(review))
    while (triples := scaled(review, scale)[1]["data_triples"]) < wanted:
        scale = max(scale + 1, math.ceil(wanted * scale / triples))
    return scale
