"""What the benchmarks ran on: CPU, cores, memory, OS, Python, package and tool versions, the commit."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = ["liskg", "pyoxigraph", "rdflib", "pyshacl-turbo", "owlrl", "owlready2", "networkx", "pyvis", "playwright"]
CHECKOUT = Path(__file__).resolve().parents[1]


def _first_line(argv: list[str]) -> str:
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    return ((proc.stdout or proc.stderr).strip().splitlines() or ["not available"])[0]


def _proc_field(path: str, key: str) -> str:
    for line in Path(path).read_text().splitlines():
        if line.startswith(key):
            return line.split(":", 1)[1].strip()
    return "unknown"


def info() -> dict:
    memory_kib = int(_proc_field("/proc/meminfo", "MemTotal").split()[0])
    dirty = subprocess.run(
        ["git", "-C", str(CHECKOUT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "cpu": _proc_field("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "memory": f"{memory_kib / 2**20:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES},
        "chromium": _first_line(["/usr/bin/chromium", "--version"]),
        "java": _first_line(["java", "-version"]),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "commit": _first_line(["git", "-C", str(CHECKOUT), "rev-parse", "--short", "HEAD"])
        + (" with uncommitted changes" if dirty else ""),
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"
