"""Whole-process measurements for the scale targets (issue 16): `liskg build` with its peak memory, and
cold `liskg query` side by side with `oxigraph query` on the same store.

Task specs (JSON): {"task": "build", "root": DIR, "runs": N, "args": [...]}  wall seconds, peak RSS,
                                                      the outputs' SHA-256 after each run
                   {"task": "query", "root": DIR, "query": NAME, "runs": N}   liskg and oxigraph, interleaved
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import timing

BIN = Path(sys.executable).parent
LISKG, OXIGRAPH = str(BIN / "liskg"), str(BIN / "oxigraph")
OUTPUTS = ("liskg-merged.ttl", "liskg-inferred.nt")
# The standard library `liskg query NAME` cannot do without: arguments (argparse, which imports shutil for the
# help's width), paths (pathlib), the answer file (json), fitting cells (textwrap). A floor for any such CLI.
STDLIB_IMPORTS = "import argparse, json, pathlib, shutil, textwrap"
STEP = re.compile(r"^\[build\] (?P<title>[^:]+): done.* \((?P<seconds>[\d.]+) s\)$")


def measured(
    argv: list[str],
    cwd: Path | None = None,
    timeout: float | None = None,
    stderr: list | None = None,
    tree: bool = False,
) -> tuple[float, int, float]:
    """(wall seconds, peak resident memory in bytes, CPU seconds) of one whole process, which must exit 0;
    its stderr lines are appended to STDERR when given (a few progress lines: the pipe never fills).

    With TREE, peak memory is that of the process with its children (the build runs sort(1)): the larger
    of the process's own peak (wait4) and the most the tree held at once (TreeMemory), sampled every 10 ms (without,
    the wait does not poll, so a process of a few milliseconds is timed to the millisecond). CPU time
    (user + system) is less sensitive than wall time to other work on a shared machine."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeMemory(proc.pid)
    try:
        if timeout is None and not tree:
            _, status, usage = os.wait4(proc.pid, 0)
        else:
            _, status, usage = _wait4(proc, float("inf") if timeout is None else timeout, sampler)
    finally:
        if proc.poll() is None:
            proc.kill()
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(argv[-3:])} exited {proc.returncode}: {err[-300:]}")
    if stderr is not None:
        stderr.extend(err.splitlines())
    return seconds, max(usage.ru_maxrss * 1024, sampler.peak), usage.ru_utime + usage.ru_stime


class TreeMemory:
    """The most resident memory a process and its descendants held at once, over the samples taken. A
    descendant still running the process's own program is a fork not yet exec'd (subprocess forks, then
    execs sort or java): it shares the process's pages, so it adds nothing and is not counted."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.program = pid, 0, None

    def sample(self) -> None:
        try:
            self.program = self.program or os.readlink(f"/proc/{self.pid}/exe")
        except OSError:
            return
        total, pending = 0, [self.pid]
        while pending:
            pid = pending.pop()
            try:
                if pid == self.pid or os.readlink(f"/proc/{pid}/exe") != self.program:
                    with open(f"/proc/{pid}/status") as status:
                        total += next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as children:
                        pending += [int(child) for child in children.read().split()]
            except (OSError, StopIteration):  # ended meanwhile
                continue
        self.peak = max(self.peak, total)


def _wait4(proc, timeout: float, sampler: TreeMemory):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return pid, status, usage
        sampler.sample()
        time.sleep(0.01)
    proc.kill()
    raise RuntimeError(f"not finished within {timeout:g} s")


def builds(spec: dict) -> dict:
    root = Path(spec["root"])
    result = {"seconds": [], "peak_bytes": [], "cpu": [], "hashes": [], "steps": {}}
    for _ in range(spec["runs"]):
        lines: list[str] = []
        seconds, peak, cpu = measured(
            [LISKG, "--root", str(root), "build", *spec.get("args", [])],
            timeout=spec.get("timeout"),
            stderr=lines,
            tree=True,
        )
        for line in lines:  # "[build] TITLE: done DETAIL (S s)"
            if match := STEP.match(line):
                result["steps"].setdefault(match["title"], []).append(float(match["seconds"]))
        result["seconds"].append(seconds)
        result["peak_bytes"].append(peak)
        result["cpu"].append(cpu)
        result["hashes"].append(
            {name: hashlib.sha256((root / "build" / name).read_bytes()).hexdigest() for name in OUTPUTS}
        )
        timing.emit(result)
    return result


def queries(spec: dict) -> dict:
    """Cold `liskg query NAME` (the answer the build computed), `liskg query NAME --evaluate` (evaluated on
    build/liskg-store) and `oxigraph query` on a copy of the same store, alternating run by run (after one
    untimed run of each), so all see the same machine load."""
    root = Path(spec["root"])
    query_file = root / "queries" / f"{spec['query']}.rq"
    with tempfile.TemporaryDirectory(dir=root / "build") as tmp:
        copy = Path(tmp) / "store"  # `oxigraph query` opens read-write: never on liskg's own store
        shutil.copytree(root / "build" / "liskg-store", copy)
        argvs = {
            "liskg": [LISKG, "--root", str(root), "query", spec["query"]],
            "liskg --evaluate": [LISKG, "--root", str(root), "query", spec["query"], "--evaluate"],
            "oxigraph": [
                OXIGRAPH,
                "query",
                "--location",
                str(copy),
                "--query-file",
                str(query_file),
                "--results-format",
                "tsv",
            ],
            "python": [sys.executable, "-c", "pass"],
            "python stdlib": [sys.executable, "-c", STDLIB_IMPORTS],
        }
        result = {name: [] for name in argvs} | {f"{name} cpu": [] for name in argvs}
        for argv in argvs.values():
            measured(argv)
        for _ in range(spec["runs"]):
            for name, argv in argvs.items():
                seconds, _peak, cpu = measured(argv)
                result[name].append(seconds)
                result[f"{name} cpu"].append(cpu)
    result["rows"] = (
        subprocess.run(
            [LISKG, "--root", str(root), "query", spec["query"], "-f", "tsv"], capture_output=True, text=True
        ).stdout.count("\n")
        - 1
    )
    return result


def handle(spec: dict) -> dict:
    return {"build": builds, "query": queries}[spec["task"]](spec)


if __name__ == "__main__":
    timing.task_main(handle)
