"""Does printing a plain `liskg query NAME` before argparse (liskg.cli.answered) save a user anything?

Both paths in one run, alternating run by run, each a whole process as a user starts it: the console
script `liskg query NAME`, and the same command line with the fast path switched off (the full parser
reads the same answer the build kept). Prints the medians of wall and CPU time (user + system) and
the load. Usage: python bench/fast_path_bench.py [--runs N] [NAME]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LISKG = str(Path(sys.executable).with_name("liskg"))
# The same console script with liskg.cli.answered's answer() returning None: argparse handles every line.
WITHOUT = (
    "import sys\nimport liskg.cli.main as m\n"
    "if hasattr(m, 'answer'):\n    m.answer = lambda argv: None\nsys.exit(m.main())"
)


def timed(argv: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system of the process) and stdout of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", default="oxide-anode-strategies")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    paths = {
        "fast path (answered)": [LISKG, "query", args.name],
        "argparse only": [sys.executable, "-c", WITHOUT, "query", args.name],
    }
    for argv in paths.values():  # one untimed run each; both must print the same table
        timed(argv)
    outputs = {label: timed(argv)[2] for label, argv in paths.items()}
    assert len(set(outputs.values())) == 1, "the two paths print different answers"
    load_before = os.getloadavg()[0]
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label in paths}
    for _ in range(args.runs):
        for label, argv in paths.items():
            wall, cpu, _out = timed(argv)
            samples[label].append((wall, cpu))
    load_after = os.getloadavg()[0]
    print(f"`liskg query {args.name}`, {args.runs} runs each, alternating; load {load_before:.2f} -> {load_after:.2f}")
    medians = {}
    for label, runs in samples.items():
        walls, cpus = sorted(w for w, _c in runs), [c for _w, c in runs]
        medians[label] = statistics.median(walls), statistics.median(cpus)
        print(
            f"  {label:<22} wall {medians[label][0] * 1000:6.1f} ms ({walls[0] * 1000:.1f}-{walls[-1] * 1000:.1f})"
            f"  CPU {medians[label][1] * 1000:6.1f} ms"
        )
    (fast_wall, fast_cpu), (slow_wall, slow_cpu) = medians.values()
    print(
        f"  saved by the fast path: wall {(slow_wall - fast_wall) * 1000:.1f} ms, CPU {(slow_cpu - fast_cpu) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
