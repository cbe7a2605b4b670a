"""Timing primitives: repeated runs, summaries, time caps, and benchmark tasks run as child processes."""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable


def summary(samples: list[float]) -> dict:
    """Median, min, max, p50, p95 and the number of runs of a list of seconds."""
    ordered = sorted(samples)
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "n": len(ordered),
        "p50": _percentile(ordered, 50),
        "p95": _percentile(ordered, 95),
    }


def _percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def repeat(fn, runs: int, warmup: int = 0) -> list[float]:
    """Seconds of `runs` calls of fn(), after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def command_times(argv: list[str], runs: int, warmup: int = 1, cwd: Path | None = None) -> list[float]:
    """Wall-clock seconds of whole processes, hyperfine-style: warm-up runs, then timed runs; each must exit 0."""

    def once():
        proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")

    return repeat(once, runs, warmup)


@contextmanager
def time_limit(seconds: float):
    """Raise TimeoutError inside pure-Python work (rdflib, owlrl) that runs past `seconds`."""

    def expire(_signum, _frame):
        raise TimeoutError(f"stopped after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_task(module: str, spec: dict, timeout: float) -> dict:
    """Run bench/<module>.py with a JSON spec in a fresh process; its JSON answer, or why it has none."""
    argv = [PYTHON, str(BENCH / f"{module}.py"), json.dumps(spec)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return {**_last_json(out), "error": f"not finished within its {timeout:g} s budget"}
    if proc.returncode:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {**_last_json(proc.stdout), "error": f"failed (exit {proc.returncode}): {tail[:300]}"}
    return _last_json(proc.stdout)


def _last_json(stdout: str) -> dict:
    """The last complete JSON line a task printed (tasks may print partial results as they go)."""
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def task_main(handler) -> None:
    """Entry point of a task module: read the JSON spec from argv, print the JSON result as the last line."""
    spec = json.loads(sys.argv[1])
    emit(handler(spec))


def emit(result: dict) -> None:
    """Print a (possibly partial) result as one JSON line; the parent keeps the last one."""
    print(json.dumps(result), flush=True)


NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def clicks_to_frame(page, x: float, y: float, away: tuple[float, float], runs: int = 5) -> list[float]:
    """Seconds from a click at (X, Y) in a playwright PAGE to the next painted frame, RUNS times; each click
    is undone by a click at AWAY (an empty spot) before the next."""
    clicks = []
    for _ in range(runs):
        begin = time.perf_counter()
        page.mouse.click(x, y)
        page.evaluate(NEXT_FRAME)
        clicks.append(time.perf_counter() - begin)
        page.mouse.click(*away)
        page.evaluate(NEXT_FRAME)
    return clicks


def suite_main(description: str, run, render, results: Path, doc: Path, log, *, ten_million: bool = False) -> int:
    """The command line of a benchmark suite: RUN(quick) -> results (kept as JSON in RESULTS), RENDER(results)
    -> the Markdown of DOC; --report renders the last results again without measuring. With TEN_MILLION the
    suite takes --ten-million, and RUN(quick, ten_million)."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="1x and 10x only, few repetitions")
    parser.add_argument("--report", action="store_true", help="only rewrite the report from the last results")
    if ten_million:
        parser.add_argument("--ten-million", action="store_true", help="also the first scale with >= 10M triples")
    args = parser.parse_args()
    if args.report:
        data = json.loads(results.read_text())
    else:
        data = run(args.quick, args.ten_million) if ten_million else run(args.quick)
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(json.dumps(data, indent=1))
    doc.write_text(render(data), encoding="utf-8")
    log(f"wrote {doc.name} ({data['seconds'] / 60:.1f} min of benchmarks)")
    return 0
