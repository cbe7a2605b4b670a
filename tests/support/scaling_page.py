"""docs/scaling.md's commands, and a throwaway Virtuoso 7 database run with exactly the page's lines.

Shared by tests/test_scaling.py (every named query on Virtuoso, answers compared cell for cell) and
bench/adhoc_bench.py (an ad-hoc query timed against the same server), so that both run what the page
tells a reader to run: its ```ini configuration and its `virtuoso-t`, `isql-vt` and `curl` lines, with
the ports moved to free ones of 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "scaling.md"
SQL_PORT, HTTP_PORT = "127.0.0.1:1111", "127.0.0.1:8890"  # the page's ports, which Virtuoso replaces


def section(title: str) -> str:
    """The text of the page's section `## TITLE`."""
    return PAGE.read_text(encoding="utf-8").split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def commands(title: str, program: str) -> list[list[str]]:
    """The page's shell lines of one section that start with PROGRAM, as argument lists."""
    blocks = re.findall(r"```sh\n(.*?)```", section(title), re.S)
    return [
        shlex.split(line.split("#", 1)[0])
        for b in blocks
        for line in b.replace("\\\n", " ").splitlines()
        if line.startswith(program)
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds:g} s")


def virtuoso_installed() -> bool:
    return bool(shutil.which("virtuoso-t") and shutil.which("isql-vt"))


class Virtuoso:
    """A Virtuoso database in FOLDER (empty), made, started and loaded with N-Triples file NT by the page's own
    configuration and lines; BUFFERS (8 KiB pages) replaces the page's cache size for a large graph (the
    page's advice: two thirds of the memory to spare). .http is its SPARQL port, .curl the page's query line
    for it, .load_seconds the bulk load's wall time. Stop it with stop()."""

    def __init__(self, folder: Path, nt: Path, *, buffers: int | None = None, load_timeout: float = 300):
        ini = re.search(r"```ini\n(.*?)```", section("Virtuoso"), re.S).group(1)
        if SQL_PORT not in ini or HTTP_PORT not in ini:
            raise RuntimeError(f"docs/scaling.md's Virtuoso configuration no longer listens on {SQL_PORT}, {HTTP_PORT}")
        self.folder, self.sql, self.http = folder, free_port(), free_port()
        ini = ini.replace(SQL_PORT, f"127.0.0.1:{self.sql}").replace(HTTP_PORT, f"127.0.0.1:{self.http}")
        if buffers:
            ini = re.sub(r"(?m)^NumberOfBuffers = \d+$", f"NumberOfBuffers = {buffers}", ini)
            ini = re.sub(r"(?m)^MaxDirtyBuffers = \d+$", f"MaxDirtyBuffers = {buffers * 3 // 4}", ini)
        (folder / "virtuoso.ini").write_text(ini)
        try:
            os.link(nt, folder / "liskg-inferred.nt")  # a million triples are 200 MB: no copy when one disk
        except OSError:
            shutil.copy(nt, folder / "liskg-inferred.nt")
        (start,) = commands("Virtuoso", "virtuoso-t ")
        load, self._shutdown = (self.local(c) for c in commands("Virtuoso", "isql-vt "))
        (self.curl,) = (self.local(c) for c in commands("Virtuoso", "curl "))
        if start[-1] != "&" or "rdf_loader_run()" not in load[-1] or self._shutdown[-1] != "exec=shutdown;":
            raise RuntimeError("docs/scaling.md's Virtuoso lines no longer start, load and stop as this expects")
        self.server = subprocess.Popen(start[:-1], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(self.sql, 120)
            started = time.perf_counter()
            loaded = subprocess.run(load, cwd=folder, capture_output=True, text=True, timeout=load_timeout)
            if loaded.returncode or "Error" in loaded.stdout + loaded.stderr:
                raise RuntimeError(f"Virtuoso's bulk load failed: {loaded.stdout}{loaded.stderr}")
            self.load_seconds = time.perf_counter() - started
            wait_for_port(self.http, 120)
        except BaseException:
            self.stop()
            raise

    def local(self, args: list[str]) -> list[str]:
        """One of the page's lines with this database's ports, and its queries/ paths made absolute."""
        return [
            a.replace(SQL_PORT, f"127.0.0.1:{self.sql}")
            .replace(HTTP_PORT, f"127.0.0.1:{self.http}")
            .replace("@../queries/", f"@{ROOT}/queries/")
            for a in args
        ]

    def stop(self) -> None:
        """The page's shutdown line; the server is killed if it has not ended 30 s later."""
        try:
            subprocess.run(self._shutdown, cwd=self.folder, capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            pass
        try:
            self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
