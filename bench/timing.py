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
    return {"median": statistics.median(ordered), "min": ordered[0], "max": ordered[-1], "n": len(ordered),
            "p50": _percentile(ordered, 50), "p95": _percentile(ordered, 95)}


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
