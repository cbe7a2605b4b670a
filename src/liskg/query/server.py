"""A read-only SPARQL 1.1 Protocol endpoint: Oxigraph's own server (`oxigraph serve-read-only`) on the build.

Bounds, and who enforces them:
- updates: the read-only server has no update service (POST /update answers 403 "read-only");
- time: `--timeout-s`, passed from --timeout; Oxigraph cancels evaluation cooperatively, so a
  result already streaming is cut off, and a sort over a huge intermediate result stops only once sorted;
- request size: built into the server: headers (so a GET query string) at most 8 KiB, a POST body
  at most 128 MiB (134,217,728 bytes); larger requests get 400 without being evaluated.
The server needs an on-disk store: build/oxigraph-store-<variant>/, loaded from the build output
with `oxigraph load` and reloaded whenever that output's hash changes.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from liskg.build import outputs
from liskg.errors import LiskgError
from liskg.project import Project
from liskg.query.store import ensure_current


def oxigraph_binary() -> str:
    """The `oxigraph` CLI installed with the oxigraph PyPI package (beside this Python, else on PATH)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise LiskgError("the oxigraph server is not installed; run `pip install oxigraph` in this environment")
    return found


def prepare_store(project: Project, *, inferred: bool = True) -> Path:
    """The on-disk store for the server, (re)loaded from the current build when needed."""
    ensure_current(project)
    variant = "inferred" if inferred else "asserted"
    source = project.build_dir / (outputs.INFERRED if inferred else outputs.MERGED)
    location = project.build_dir / f"oxigraph-store-{variant}"
    stamp = location.with_name(location.name + ".sha256")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    if location.is_dir() and stamp.exists() and stamp.read_text().strip() == digest:
        return location
    loading = location.with_name(f".{location.name}.loading")
    shutil.rmtree(loading, ignore_errors=True)
    done = subprocess.run([oxigraph_binary(), "load", "--location", str(loading), "--file", str(source)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        shutil.rmtree(loading, ignore_errors=True)
        raise LiskgError(f"oxigraph could not load {project.relative(source)}: {done.stderr.strip().splitlines()[-1:]}")
    shutil.rmtree(location, ignore_errors=True)
    loading.rename(location)
    stamp.write_text(digest + "\n")
    return location


def command(location: Path, host: str, port: int, timeout: float) -> list[str]:
    return [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
            "--timeout-s", f"{max(1, round(timeout))}"]


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/query"


def start(project: Project, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          inferred: bool = True, ready_within: float = 10.0) -> subprocess.Popen:
    """Start the server in the background and return once it accepts connections."""
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command(prepare_store(project, inferred=inferred), host, port, timeout),
                               stdout=subprocess.DEVNULL, stderr=errors)
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip().splitlines()[-1:]
            raise LiskgError(f"the SPARQL server stopped at start: {' '.join(message) or process.returncode}")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise LiskgError(f"the SPARQL server did not accept connections on {host}:{port} within {ready_within:g} s")


def serve(project: Project, *, host: str, port: int, timeout: float, inferred: bool) -> int:
    """Run the server in the foreground until Ctrl-C or SIGTERM; print where to send queries."""
    location = prepare_store(project, inferred=inferred)
    print(f"SPARQL endpoint (read-only, {timeout:g} s per query): {url(host, port)}", flush=True)
    print("GET ?query=... or POST; Accept: application/sparql-results+json, text/csv, "
          "text/tab-separated-values or application/sparql-results+xml. Ctrl-C stops.", flush=True)
    process = subprocess.Popen(command(location, host, port, timeout), stdout=subprocess.DEVNULL)
    signal.signal(signal.SIGTERM, lambda *_: process.terminate())  # stopping liskg stops the server too
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 0
