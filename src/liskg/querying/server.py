"""A read-only SPARQL 1.1 Protocol endpoint: Oxigraph's own server behind a small LiSKG front that says what happened.

Oxigraph (`oxigraph serve-read-only`) evaluates the queries on an on-disk store, build/oxigraph-store-<variant>/,
loaded from the build output with `oxigraph load` and reloaded whenever that output's hash changes. It listens
on a private loopback port; the front (this module) listens where the user asked and passes requests on.
Bounds, and who enforces them:
- updates: the read-only server has no update service (POST /update answers 403 "read-only");
- time: the front waits at most --timeout seconds for the whole answer, which it holds until complete, and
  otherwise answers 503 with one line (Oxigraph stops the evaluation itself a second later, --timeout-s);
  a client never gets a 200 with a broken body;
- request size: the front refuses a body over 1 MiB (413) and Oxigraph a header block, so a GET query
  string, over 8 KiB (400); neither is evaluated.
`--cors ORIGIN` lets browser pages from ORIGIN (or any, `*`) read the answers, error answers included.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from liskg.base import manifest
from liskg.base.errors import LiskgError, Unavailable
from liskg.base.project import Project
from liskg.querying.store import output_file


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
    done = subprocess.run(
        [oxigraph_binary(), "load", "--location", str(loading), "--file", str(source)], capture_output=True, text=True
    )
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
        raise LiskgError(
            f"--host {host}: cannot listen there ({exc.strerror or exc}); use 127.0.0.1 or 0.0.0.0"
        ) from None
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise Unavailable(
                    f"{host}:{port} is already in use by another program; choose another --port "
                    "(or --port 0 for any free one)"
                ) from None
            raise Unavailable(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
        return probe.getsockname()[1]


MAX_BODY = 1 << 20  # bytes of a POST body the front accepts (1 MiB)
UPSTREAM = "127.0.0.1"


def command(location: Path, port: int, timeout: float) -> list[str]:
    """Oxigraph on a private loopback port, stopping evaluation a second after the front gives up."""
    return [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(location),
        "--bind",
        f"{UPSTREAM}:{port}",
        "--timeout-s",
        f"{max(1, round(timeout)) + 1}",
    ]


class Front(BaseHTTPRequestHandler):
    """Passes each request to Oxigraph and answers only once the whole response came, within the time bound."""

    protocol_version = "HTTP/1.1"
    upstream_port: int
    timeout_s: float
    cors: str | None

    def log_message(self, *_):  # quiet, as Oxigraph is
        pass

    def do_OPTIONS(self):
        self._answer(
            204,
            b"",
            {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
                "Access-Control-Max-Age": "86400",
            },
        )

    def do_GET(self):
        self._pass(b"")

    def do_HEAD(self):
        self._pass(b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            return self._error(413, f"request body of {length:,} bytes refused: at most {MAX_BODY:,} bytes (1 MiB)")
        self._pass(self.rfile.read(length))

    def _pass(self, body: bytes) -> None:
        deadline = time.monotonic() + self.timeout_s
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "origin")}
        upstream = http.client.HTTPConnection(UPSTREAM, self.upstream_port, timeout=self.timeout_s)
        try:
            upstream.request(self.command, self.path, body=body or None, headers=headers)
            response = upstream.getresponse()
            chunks = []
            while True:
                upstream.sock.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = response.read(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise TimeoutError
        except TimeoutError:
            return self._error(
                503,
                f"query stopped after {self.timeout_s:g} s (the endpoint's time bound, "
                "liskg serve --timeout); narrow the query or ask for a longer bound",
            )
        except OSError as exc:
            return self._error(502, f"the SPARQL engine did not answer ({exc})")
        finally:
            upstream.close()
        data = b"".join(chunks)
        if response.status == 200 and b"The SPARQL operation has been cancelled" in data[-200:]:
            return self._error(
                503,
                f"query stopped after {self.timeout_s:g} s (the endpoint's time bound, "
                "liskg serve --timeout); narrow the query or ask for a longer bound",
            )
        passed = {
            k: v
            for k, v in response.getheaders()
            if k.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date")
        }
        self._answer(response.status, data, passed)

    def _error(self, status: int, message: str) -> None:
        self._answer(status, (message + "\n").encode(), {"Content-Type": "text/plain; charset=utf-8"})

    def _answer(self, status: int, data: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        origin = self.headers.get("Origin")
        if self.cors and (self.cors == "*" or origin == self.cors):
            self.send_header("Access-Control-Allow-Origin", self.cors)
            self.send_header("Vary", "Origin")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def _wait_for(port: int, process: subprocess.Popen, errors) -> None:
    """Until Oxigraph accepts connections on PORT (Unavailable when it stops first)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors.seek(0)
            raise Unavailable(f"the SPARQL server stopped: {_last_line(errors.read().decode(errors='replace'))}")
        try:
            socket.create_connection((UPSTREAM, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise Unavailable("the SPARQL server did not start within 60 s")


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/query"


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no message"


def serve(
    project: Project,
    *,
    host: str,
    port: int,
    timeout: float,
    inferred: bool,
    cors: str | None = None,
    announce: Callable[[str], None] | None = None,
) -> int:
    """Run the endpoint in the foreground until Ctrl-C or SIGTERM (exit 0); once it listens, call ANNOUNCE
    with each line saying where to send queries.

    A busy port raises Unavailable before anything is announced; an engine that stops by itself raises
    Unavailable with its last message."""
    if not 0 <= port <= 65535:
        raise LiskgError(f"--port {port}: a port is a number from 0 (any free port) to 65535")
    location = prepare_store(project, inferred=inferred)
    port = claim_port(host, port)
    upstream_port = claim_port(UPSTREAM, 0)
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command(location, upstream_port, timeout), stdout=subprocess.DEVNULL, stderr=errors)
    try:
        _wait_for(upstream_port, process, errors)
        handler = type("Handler", (Front,), {"upstream_port": upstream_port, "timeout_s": timeout, "cors": cors})
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        try:
            front = type("Server", (ThreadingHTTPServer,), {"address_family": family, "daemon_threads": True})(
                (host, port), handler
            )
        except OSError as exc:
            raise Unavailable(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
        for line in (
            f"SPARQL endpoint (read-only, {timeout:g} s per query): {url(host, port)}",
            f"Query page: {url(host, port)[: -len('query')]} (Oxigraph's YASGUI). GET ?query=... or POST; Accept: "
            "application/sparql-results+json, text/csv, text/tab-separated-values or application/sparql-results+xml"
            + (f"; CORS: {cors}" if cors else "")
            + ". Ctrl-C stops.",
        ):
            if announce:
                announce(line)
        asked = threading.Event()

        def stop(*_):
            asked.set()
            threading.Thread(target=front.shutdown, daemon=True).start()

        signal.signal(signal.SIGTERM, stop)  # stopping liskg stops the engine too
        threading.Thread(target=lambda: (process.wait(), front.shutdown()), daemon=True).start()
        try:
            front.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            asked.set()
        front.server_close()
        if not asked.is_set():
            errors.seek(0)
            raise Unavailable(f"the SPARQL server stopped: {_last_line(errors.read().decode(errors='replace'))}")
        return 0
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
