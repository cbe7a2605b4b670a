"""Build benchmarks: liskg's build() per step (BuildResult.timings), and the first steps alone at large scales.

Task specs (JSON): {"task": "build", "root": DIR, "runs": N, "java": bool}
                   {"task": "steps", "root": DIR, "dump": PATH}
                   {"task": "cli", "root": DIR, "runs": N}   `liskg build -q` as whole processes
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import timing
from liskg.base.project import Project

# Short names for build()'s progress titles, matched by their first words.
STEPS = {
    "loading sources and merged graph through the OWL API": "OWL API",
    "loading sources": "load",
    "checking terms": "QC",
    "materializing inferences": "inference",
    "serializing": "serialization",
    "validating against SHACL": "SHACL",
    "reasoning with HermiT": "HermiT",
    "writing build": "artifact writing",
}


def step_name(title: str) -> str:
    return next((name for prefix, name in STEPS.items() if title.startswith(prefix)), title)


def full_builds(spec: dict) -> dict:
    """build() `runs` times (with HermiT and the OWL API when java is true); seconds per step and in total."""
    from liskg.builder.pipeline import build

    project = Project(Path(spec["root"]))
    steps: dict[str, list[float]] = {}
    totals = []
    for _ in range(spec["runs"]):
        start = time.perf_counter()
        result = build(project, validate=True, reason=spec["java"], owlapi=spec["java"], quiet=True)
        totals.append(time.perf_counter() - start)
        for title, seconds in result.timings.items():
            steps.setdefault(step_name(title), []).append(seconds)
    return {"steps": steps, "total": totals, "asserted": result.asserted_triples, "inferred": result.inferred_triples}


def first_steps(spec: dict) -> dict:
    """Load, QC and inference through the library functions build() calls; dump the inferred graph.

    Prints the result so far after each step, so a run stopped by its budget still reports the steps done."""
    import pyoxigraph as ox

    from liskg.builder import inference, qc
    from liskg.sources.loading import load_sources

    project = Project(Path(spec["root"]))
    seconds = {}
    start = time.perf_counter()
    loaded = load_sources(project)
    asserted = [t for f in loaded.files for t in f.triples]
    seconds["load"] = [time.perf_counter() - start]
    result = {"steps": seconds, "asserted": len(set(asserted))}
    timing.emit(result)
    start = time.perf_counter()
    problems = qc.check(project, loaded)
    seconds["QC"] = [time.perf_counter() - start]
    if problems:
        raise SystemExit(f"QC failed: {problems[0]}")
    timing.emit(result)
    start = time.perf_counter()
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in asserted)
    inference.materialize(store)
    seconds["inference"] = [time.perf_counter() - start]
    store.dump(spec["dump"], format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return {**result, "inferred": len(store)}


def cli_builds(spec: dict) -> dict:
    """Wall-clock seconds of `liskg --root DIR build -q` (no Java), as a user runs it."""
    liskg = str(Path(sys.executable).parent / "liskg")
    return {"total": timing.command_times([liskg, "--root", spec["root"], "build", "-q"], spec["runs"])}


def handle(spec: dict) -> dict:
    return {"build": full_builds, "steps": first_steps, "cli": cli_builds}[spec["task"]](spec)


if __name__ == "__main__":
    timing.task_main(handle)
