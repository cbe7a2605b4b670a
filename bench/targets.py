"""Measure the scale targets (issue 16) in one run and write docs/performance.md (raw: build/bench/targets.json).

    .venv/bin/python bench/targets.py            # 1x, 10x, 100x and the first scale with >= 1M triples
    .venv/bin/python bench/targets.py --ten-million  # and the first scale with >= 10M triples (more than 23 GiB)
    .venv/bin/python bench/targets.py --quick    # 1x and 10x, fewer runs: checks the harness
    .venv/bin/python bench/targets.py --report   # rewrite docs/performance.md from the last targets.json

Every measurement is a whole process as a user runs it, each task in a child with its own time
budget (the run is bounded: about 15 minutes on 2 cores). Per scale, in this order: `liskg build`
(wall time, peak memory, output hashes), cold `liskg query` alternating with `oxigraph query` on a
copy of the same store, then `liskg build --reason --owlapi`. The page is measured at 10x by
bench/page_bench.py against its baseline page in the same run (page_step).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime

import adhoc_bench
import machine
import projects
import serve_load
import targets_report
from timing import run_task, suite_main

RESULTS = projects.WORK / "targets.json"
DOC = projects.CHECKOUT / "docs" / "performance.md"
QUERY = "oxide-anode-strategies"  # the probe: multi-hop, most-specific class, optional outcomes
JAVA_BUDGET = 240.0
TEN_MILLION = 10_000_000


def log(message: str) -> None:
    print(f"[targets {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def plan(quick: bool, review, ten_million: bool = False) -> dict[int, dict]:
    """Runs per scale: builds (and the budget of each), cold-query rounds, whether to run the Java checks."""
    if quick:
        return {1: {"builds": 2, "queries": 3, "java": True}, 10: {"builds": 1, "queries": 2, "java": False}}
    million = projects.million_scale(review)
    scales = {
        1: {"builds": 5, "queries": 15, "java": True},
        10: {"builds": 2, "queries": 7, "java": True},
        100: {"builds": 1, "queries": 3, "java": True},
        million: {"builds": 3, "queries": 3, "java": True},
    }
    if ten_million:  # opt-in: a build needs more than 23 GiB (docs/scaling.md)
        scales[projects.scale_for(review, TEN_MILLION)] = {"builds": 1, "queries": 3, "java": False, "budget": 3600}
    return scales


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def task(module: str, spec: dict, budget: float) -> dict:
    before = load()
    result = run_task(module, spec, budget)
    return {**result, "load": [before, load()]}


def run(quick: bool, ten_million: bool = False) -> dict:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(projects.CHECKOUT / "src" / "liskg")], check=True)
    results = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": quick,
        "machine": machine.info(),
        "query": QUERY,
        "java_budget": JAVA_BUDGET,
        "ten_million": ten_million,
        "scales": {},
    }
    review = projects.snapshot()
    java_failed = False
    for scale, runs in plan(quick, review, ten_million).items():
        project, info = projects.scaled(review, scale)
        entry = results["scales"][str(scale)] = {"info": info}
        root = str(project.root)
        log(f"{scale}x: liskg build ({runs['builds']} runs)")
        entry["build"] = task(
            "scale_bench", {"task": "build", "root": root, "runs": runs["builds"]}, runs.get("budget", 1200)
        )
        if entry["build"].get("error"):
            continue
        log(f"{scale}x: cold liskg query / oxigraph query ({runs['queries']} rounds)")
        entry["query"] = task(
            "scale_bench", {"task": "query", "root": root, "query": QUERY, "runs": runs["queries"]}, 900
        )
        if runs["java"] and not java_failed:
            log(f"{scale}x: liskg build --reason --owlapi")
            entry["java"] = task(
                "scale_bench",
                {"task": "build", "root": root, "runs": 1, "timeout": JAVA_BUDGET, "args": ["--reason", "--owlapi"]},
                JAVA_BUDGET + 60,
            )
            java_failed = bool(entry["java"].get("error"))
        with open(DOC.parent.parent / "build" / "bench" / "progress.json", "w") as partial:
            json.dump(results, partial)
    if not quick:
        results["page"] = page_step()
    results["seconds"] = time.perf_counter() - started
    results["machine"]["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return results


def page_step() -> dict:
    """Today's page and the baseline page (bench/page_bench.py) at 1x and 10x: overview and headline view."""
    log("1x and 10x: the page benchmark (today's page and its baseline)")
    return task("page_bench", {"scales": [1, 10], "runs": 3, "scaled_runs": 3}, 1500)


def main() -> int:
    return suite_main(__doc__.splitlines()[0], run, render, RESULTS, DOC, log, ten_million=True)


def render(results) -> str:
    """The report, keeping the sections other scripts write in their own runs: the ad-hoc queries
    (bench/adhoc_bench.py, which `make bench` runs next) and the endpoint under load (bench/serve_load.py)."""
    text = targets_report.render(results)
    old = DOC.read_text() if DOC.exists() else ""
    for start, end in ((adhoc_bench.BEGIN, adhoc_bench.END), (serve_load.START, serve_load.END)):
        if start in old and end in old:
            text = text.rstrip() + "\n\n" + old[old.index(start) : old.index(end) + len(end)] + "\n"
    return text


if __name__ == "__main__":
    sys.exit(main())
