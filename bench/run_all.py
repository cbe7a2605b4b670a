"""Run every LiSKG benchmark and write docs/performance-full.md (raw numbers: build/bench/results.json).

    .venv/bin/python bench/run_all.py            # the full run, about 20 minutes on 2 cores (make bench-full)
    .venv/bin/python bench/run_all.py --quick    # 1x and 10x only, few repetitions: checks the harness
    .venv/bin/python bench/run_all.py --report   # rewrite docs/performance-full.md from the last results.json

Each benchmark runs as a child process with its own time budget, so a slow engine or a large scale
cannot stall the run, and memory is returned between scales.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import machine
import projects
import query_rewrites
import report
from query_bench import named
from timing import run_task, suite_main

RESULTS = projects.WORK / "results.json"
DOC = projects.CHECKOUT / "docs" / "performance-full.md"
RDFLIB_CAP = (10.0, 20.0, 120.0)  # rdflib's time cap per query: at least 10 s, 20x pyoxigraph's median, at most 120 s
VIZ_VARIANT = ["iterations: 400", "iterations: 200"]  # the stabilization-length probe (see report)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def plan(quick: bool, review) -> dict:
    """Scales and repetitions. 'full' scales get the whole build; 'steps' scales load, QC and infer only."""
    if quick:
        return {
            "full": {1: 2, 10: 1},
            "steps": {},
            "million": 10,
            "engine_runs": {1: 5, 10: 2},
            "rdflib_runs": {1: 1, 10: 1},
            "java_runs": 1,
            "cli_runs": 2,
            "warm_runs": 30,
            "viz": {1: (1, 1)},
            "inference": {1: (2, 1)},
        }
    million = projects.million_scale(review)
    return {
        "full": {1: 5, 10: 3, 100: 1},
        "steps": {million: 1, 1000: 1},
        "million": million,
        "engine_runs": {1: 20, 10: 10, 100: 5, million: 5, 1000: 3},
        "rdflib_runs": {1: 3, 10: 1, million: 1},
        "java_runs": 3,
        "cli_runs": 8,
        "warm_runs": 300,
        "viz": {1: (3, 3), 10: (3, 2)},
        "inference": {1: (5, 1), 10: (1, 1)},
    }


def inferred_nt(project, scale: int, p: dict) -> Path:
    return project.root / ("bench-inferred.nt" if scale in p["steps"] else "build/liskg-inferred.nt")


def run(quick: bool) -> dict:
    started = time.perf_counter()
    results = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": quick,
        "machine": machine.info(),
        "not_run": [],
    }
    review = projects.snapshot()
    p = plan(quick, review)
    results["million"] = p["million"]
    scales = sorted(set(p["full"]) | set(p["steps"]))
    made = {}
    for scale in scales:
        log(f"graph {scale}x")
        made[scale] = projects.scaled(review, scale)
    results["scales"] = {str(s): info for s, (_, info) in made.items()}

    results["build"], results["engines"], results["rewrites"] = {}, {}, {}
    for scale, runs in p["full"].items():
        log(f"build {scale}x ({runs} runs)")
        results["build"][str(scale)] = run_task(
            "build_bench", {"task": "build", "root": str(made[scale][0].root), "runs": runs, "java": False}, 900
        )
    for scale in p["steps"]:
        log(f"load, QC and inference {scale}x")
        root = made[scale][0].root
        budget = 90 if scale == 1000 else 400
        results["build"][str(scale)] = run_task(
            "build_bench", {"task": "steps", "root": str(root), "dump": str(root / "bench-inferred.nt")}, budget
        )
    log("build 1x with HermiT and the OWL API")
    results["build_java"] = run_task(
        "build_bench", {"task": "build", "root": str(review.root), "runs": p["java_runs"], "java": True}, 600
    )
    log("liskg build as a whole process")
    results["build_cli"] = run_task(
        "build_bench", {"task": "cli", "root": str(review.root), "runs": p["cli_runs"] // 2}, 300
    )

    log("named queries: cold CLI")
    results["cold"] = run_task("query_bench", {"task": "cold", "root": str(review.root), "runs": p["cli_runs"]}, 900)
    log("named queries: warm in-process")
    results["warm"] = run_task(
        "query_bench",
        {"task": "warm", "root": str(review.root), "runs": p["warm_runs"], "forked_runs": max(5, p["warm_runs"] // 10)},
        600,
    )

    queries = named(str(review.root))
    rewritten = {f"{name} (rewritten)": text for name, (_, text) in query_rewrites.rewritten(queries).items()}
    results["query_texts"] = {**queries, **rewritten}
    for scale, runs in p["engine_runs"].items():
        project = made[scale][0]
        nt = inferred_nt(project, scale, p)
        if not nt.exists() or results["build"][str(scale)].get("error"):
            results["not_run"].append(("engines", scale, "no inferred graph: its build did not finish"))
            continue
        texts = {**queries, **rewritten} if scale == p["million"] else queries
        log(f"engines {scale}x: pyoxigraph")
        entry = {
            "oxigraph": run_task(
                "engine_bench",
                {
                    "engine": "oxigraph",
                    "nt": str(nt),
                    "queries": texts,
                    "runs": runs,
                    "caps": dict.fromkeys(texts, 600.0),
                },
                900,
            )
        }
        if scale in p["rdflib_runs"]:
            log(f"engines {scale}x: rdflib")
            entry["rdflib"] = run_rdflib(nt, texts, entry["oxigraph"], p["rdflib_runs"][scale])
        results["engines"][str(scale)] = entry
    for scale in sorted({1, p["million"]} & set(made)):
        nt = inferred_nt(made[scale][0], scale, p)
        if nt.exists():
            log(f"query rewrites {scale}x")
            results["rewrites"][str(scale)] = run_task(
                "rewrite_bench",
                {
                    "root": str(review.root),
                    "nt": str(nt),
                    "asserted": str(review.build_dir / "liskg-merged.ttl"),
                    "runs": 20 if scale == 1 else 3,
                },
                600,
            )

    results["inference"] = {}
    for scale, (runs, owlrl_runs) in p["inference"].items():
        log(f"inference choice {scale}x")
        results["inference"][str(scale)] = run_task(
            "inference_bench",
            {"root": str(made[scale][0].root), "runs": runs, "owlrl_runs": owlrl_runs, "cap": 300},
            900,
        )

    results["viz"] = {}
    for scale, (runs, page_runs) in p["viz"].items():
        log(f"viz {scale}x")
        results["viz"][str(scale)] = run_task(
            "viz_bench",
            {"root": str(made[scale][0].root), "runs": runs, "page_runs": page_runs, "variant": VIZ_VARIANT},
            900,
        )
    results["seconds"] = time.perf_counter() - started
    results["machine"]["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return results


def run_rdflib(nt: Path, queries: dict[str, str], oxigraph: dict, runs: int) -> dict:
    """rdflib on every query, each stopped at a cap derived from pyoxigraph's median (see RDFLIB_CAP)."""
    low, factor, high = RDFLIB_CAP
    caps = {}
    for name in queries:
        seconds = sorted(oxigraph.get("queries", {}).get(name, {}).get("seconds") or [high / factor])
        caps[name] = min(high, max(low, factor * seconds[len(seconds) // 2]))
    budget = 900 + runs * sum(caps.values())
    result = run_task(
        "engine_bench", {"engine": "rdflib", "nt": str(nt), "queries": queries, "runs": runs, "caps": caps}, budget
    )
    for name, cap in caps.items():
        result.setdefault("queries", {}).setdefault(name, {"error": result.get("error")})["cap"] = cap
    return result


def main() -> int:
    return suite_main(__doc__.splitlines()[0], run, report.render, RESULTS, DOC, log)


if __name__ == "__main__":
    sys.exit(main())
