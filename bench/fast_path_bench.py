"""What a user waits for `liskg query NAME`: this tree against another commit's, in the same run.

Written to decide whether the plain `liskg query NAME` should keep its own argv parser (liskg.cli.answered,
which printed the answer before argparse was imported; removed in issue 26, see docs/performance.md).
Each run is a whole process, `python -c 'main()' --root ROOT query NAME`, started the same way for both
trees (the other commit's src/ exported with git archive and put first on PYTHONPATH); both read the
same build/ and must print the same table. The two alternate run by run after one untimed run each.
Prints the medians of wall time and CPU time (user + system; the measure least disturbed by other work
on the machine) and the load.

    python bench/fast_path_bench.py --baseline COMMIT [--runs N] [NAME]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAIN = "import sys\nfrom liskg.cli.main import main\nsys.exit(main())"


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system of the process) and stdout of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


def export(commit: str, folder: Path) -> Path:
    """COMMIT's src/ under FOLDER; the path to put on PYTHONPATH."""
    archive = subprocess.run(["git", "archive", commit, "src"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    compiled(folder / "src")
    return folder / "src"


def compiled(src: Path) -> None:
    """Byte-compile SRC, so that neither tree compiles its modules on every run (PYTHONDONTWRITEBYTECODE)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", default="oxide-anode-strategies")
    parser.add_argument("--baseline", required=True, metavar="COMMIT", help="the commit to compare this tree with")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    argv = [sys.executable, "-c", MAIN, "--root", str(ROOT), "query", args.name]
    compiled(ROOT / "src")
    with tempfile.TemporaryDirectory() as tmp:
        trees = {
            "this tree": {**os.environ, "PYTHONPATH": str(ROOT / "src")},
            f"at {args.baseline}": {**os.environ, "PYTHONPATH": str(export(args.baseline, Path(tmp)))},
        }
        outputs = {label: timed(argv, env)[2] for label, env in trees.items()}  # untimed; the same answer
        assert len(set(outputs.values())) == 1, "the two trees print different answers"
        load_before = os.getloadavg()[0]
        samples: dict[str, list[tuple[float, float]]] = {label: [] for label in trees}
        for _ in range(args.runs):
            for label, env in trees.items():
                wall, cpu, _out = timed(argv, env)
                samples[label].append((wall, cpu))
        load_after = os.getloadavg()[0]
    print(f"`liskg query {args.name}`, {args.runs} runs each, alternating; load {load_before:.2f} -> {load_after:.2f}")
    for label, runs in samples.items():
        walls, cpus = sorted(w for w, _c in runs), [c for _w, c in runs]
        print(
            f"  {label:<22} wall {statistics.median(walls) * 1000:6.1f} ms "
            f"({walls[0] * 1000:.1f}-{walls[-1] * 1000:.1f})  CPU {statistics.median(cpus) * 1000:6.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
