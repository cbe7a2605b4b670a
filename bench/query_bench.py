"""Named-query benchmarks on one project: `liskg query NAME` as whole processes, and warm in-process runs.

Task specs (JSON): {"task": "cold", "root": DIR, "runs": N}
                   {"task": "warm", "root": DIR, "runs": N, "forked_runs": N}
"""

from __future__ import annotations

import sys
from pathlib import Path

import timing
from liskg.base.project import Project

LISKG = str(Path(sys.executable).parent / "liskg")


def named(root: str) -> dict[str, str]:
    """The project's named queries: name -> SPARQL text."""
    from liskg.base import named

    return {name: q.text for name, q in named.named_queries(Project(Path(root))).items()}


def cold(spec: dict) -> dict:
    """Whole-process seconds of `liskg --root DIR query NAME` per named query, plus the interpreter floor."""
    runs = spec["runs"]
    result = {
        "python -c pass": timing.command_times([sys.executable, "-c", "pass"], runs),
        "liskg --version": timing.command_times([LISKG, "--version"], runs),
    }
    for name in named(spec["root"]):
        result[name] = timing.command_times([LISKG, "--root", spec["root"], "query", name], runs)
    return result


def warm(spec: dict) -> dict:
    """Per named query: engine.run in-process (no time bound) and with the default time bound (forked)."""
    from liskg import open_store
    from liskg.base import runner

    store = open_store(Project(Path(spec["root"])))
    result = {}
    for name, text in named(spec["root"]).items():
        rows = len(runner.run(store, text, timeout=None).rows)
        result[name] = {
            "rows": rows,
            "in_process": timing.repeat(
                lambda text=text: runner.run(store, text, timeout=None), spec["runs"], warmup=5
            ),
            "forked": timing.repeat(
                lambda text=text: runner.run(store, text, timeout=30.0), spec["forked_runs"], warmup=2
            ),
        }
    return result


def handle(spec: dict) -> dict:
    return {"cold": cold, "warm": warm}[spec["task"]](spec)


if __name__ == "__main__":
    timing.task_main(handle)
