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

import errno
import hashlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from liskg.errors import LiskgError, Unavailable
from liskg.project import Project
from liskg.query.store import output_file


def oxigraph_binary() -> str:
    """The `oxigraph` CLI installed with the oxigraph PyPI package (beside this Python, else on PATH)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise Unavailable("the oxigraph server is not installed; run `pip install oxigraph` in this environment")
    return found


def prepare_store(project: Project, *, inferred: bool = True) -> Path:
    """The on-disk store for the server, (re)loaded from the build output when that changed.

    The build must be current (liskg.api.open_store or `liskg build` makes it so); this never builds."""
    from liskg.build import manifest

    reason = manifest.stale_reason(project)
    if reason:
        raise LiskgError(f"{project.relative(project.build_dir)}/ is not current ({reason}); run `liskg build` first")
    variant = "inferred" if inferred else "asserted"
    source = output_file(project, inferred=inferred)
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
        raise Unavailable(f"oxigraph could not load {project.relative(source)}: {_last_line(done.stderr)}")
    shutil.rmtree(location, ignore_errors=True)
    loading.rename(location)
    stamp.write_text(digest + "\n")
    return location


def claim_port(host: str, port: int) -> int:
    """PORT when it is free on HOST, any free port for 0; Unavailable when another program listens there."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except OSError as exc:
        raise LiskgError(f"--host {host}: cannot listen there ({exc.strerror or exc}); use 127.0.0.1 or 0.0.0.0") from None
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise Unavailable(f"{host}:{port} is already in use by another program; choose another --port "
                                  "(or --port 0 for any free one)") from None
            raise Unavailable(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
        return probe.getsockname()[1]


def command(location: Path, host: str, port: int, timeout: float) -> list[str]:
    return [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
            "--timeout-s", f"{max(1, round(timeout))}"]


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/query"


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no message"


def serve(project: Project, *, host: str, port: int, timeout: float, inferred: bool) -> int:
    """Run the server in the foreground until Ctrl-C or SIGTERM (exit 0); print where to send queries.

    A busy port raises Unavailable before anything is printed; a server that stops by itself raises
    Unavailable with its last message."""
    location = prepare_store(project, inferred=inferred)
    port = claim_port(host, port)
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command(location, host, port, timeout), stdout=subprocess.DEVNULL, stderr=errors)
    print(f"SPARQL endpoint (read-only, {timeout:g} s per query): {url(host, port)}", flush=True)
    print("GET ?query=... or POST; Accept: application/sparql-results+json, text/csv, "
          "text/tab-separated-values or application/sparql-results+xml. Ctrl-C stops.", flush=True)
    stopped = []

    def stop(*_):
        stopped.append(True)
        process.terminate()

    signal.signal(signal.SIGTERM, stop)  # stopping liskg stops the server too
    try:
        code = process.wait()
    except KeyboardInterrupt:
        stop()
        process.wait()
        return 0
    if code != 0 and not stopped:
        errors.seek(0)
        raise Unavailable(f"the SPARQL server stopped: {_last_line(errors.read().decode(errors='replace'))}")
    return 0
