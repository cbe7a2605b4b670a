"""A read-only SPARQL 1.1 Protocol endpoint: Oxigraph's own server behind a small LiSKG front.

Oxigraph (`oxigraph serve-read-only`) evaluates the queries on an on-disk store, build/oxigraph-store-<variant>-
<hash>/, loaded from the build output with `oxigraph load`. It listens on a private loopback port; the front
(this module: an ASGI app served by uvicorn; httptools parses HTTP both ways, from clients and from Oxigraph)
listens where the user asked and passes requests on. Bounds, and who enforces them:
- the query: the front reads it (GET ?query=, a form, or an application/sparql-query body) and refuses it
  with 400 and one line when it is over a bound of liskg.base.bounds or has a SERVICE to a host not allowed
  (--allow-service); Oxigraph never sees it;
- updates: the read-only server has no update service (POST /update answers 403 "read-only");
- the request: malformed HTTP (a Content-Length of -1 or abc, a bad chunk) gets 400 from the HTTP parser; a
  body over MAX_BODY gets 413; a body not complete READ_TIMEOUT seconds after the headers gets 408;
- time: the front gives each request --timeout seconds by its own clock and otherwise answers 503 with one
  line (Oxigraph stops the evaluation itself a second later, --timeout-s);
- the response: up to BUFFER bytes are held, so an answer that small always comes with its real status
  and a Content-Length; a larger one streams (chunked) and is cut, without the final chunk, at --max-response
  bytes or at the time bound: every HTTP client reports such a cut as an incomplete response, never as a
  whole answer;
- the engine: if Oxigraph stops (killed, crashed), the requests it held get 503, and the front starts it
  again; when the build changes, the front loads the new store, starts a second Oxigraph on it, sends new
  requests there and stops the old one once its requests are answered.
`--cors ORIGIN` lets browser pages from ORIGIN (or any, `*`) read the answers, error answers included.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from liskg.base import bounds, manifest
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
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    location = project.build_dir / f"oxigraph-store-{variant}-{digest[:16]}"  # one per build: served side by side
    stamp = location.with_name(location.name + ".sha256")
    if location.is_dir() and stamp.exists() and stamp.read_text().strip() == digest:
        return location
    # One loading folder per process: two `liskg serve` on one project may load the same build at once.
    loading = Path(tempfile.mkdtemp(prefix=f".{location.name}.loading-", dir=project.build_dir))
    done = subprocess.run(
        [oxigraph_binary(), "load", "--location", str(loading), "--file", str(source)], capture_output=True, text=True
    )
    if done.returncode != 0:
        shutil.rmtree(loading, ignore_errors=True)
        raise Unavailable(f"oxigraph could not load {project.relative(source)}: {_last_line(done.stderr)}")
    try:
        loading.rename(location)  # atomic; fails when LOCATION is there: loaded by another process, or a remnant
    except OSError:
        shutil.rmtree(loading, ignore_errors=True)
        if stamp.exists() and stamp.read_text().strip() == digest:
            return location  # another process loaded it first: serve theirs, never delete it
        shutil.rmtree(location, ignore_errors=True)  # a remnant of a load stopped before its stamp
        raise Unavailable(f"a half-loaded {project.relative(location)}/ was removed; it loads again") from None
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


MAX_BODY = 1 << 20  # bytes of a request body the front accepts (1 MiB)
BUFFER = 1 << 20  # bytes of a response held before streaming it (its status can still change)
MAX_RESPONSE = 256 << 20  # bytes of a response streamed before it is cut (liskg serve --max-response)
READ_TIMEOUT = 10.0  # seconds a client may take to send its body
MAX_HEAD = 1 << 16  # bytes of request line and headers (431 past it; Oxigraph refuses a URL over 8 KiB)
DRAINED = 16 << 20  # bytes of an oversized body read and dropped, so that its client reads the 413
UPSTREAM = "127.0.0.1"
UPSTREAM_CONNECTIONS = 8  # requests passed to Oxigraph at once; more wait in the front's queue (2 cores)
PASSED_HEADERS = ("accept", "content-type", "accept-encoding", "user-agent")
DROPPED_RESPONSE_HEADERS = ("content-length", "transfer-encoding", "connection", "server", "date", "keep-alive")


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


class Refused(Exception):
    """A request answered by the front itself: an HTTP status and one line."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


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


def _die_with_parent() -> None:
    """In the child, before exec: Linux sends it SIGTERM when the front dies, even by SIGKILL (no orphan)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Upstream:
    """One running `oxigraph serve-read-only` on a store: its process, port, and the requests it holds."""

    def __init__(self, location: Path, timeout: float):
        self.location = location
        self.port = claim_port(UPSTREAM, 0)
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            command(location, self.port, timeout),
            stdout=subprocess.DEVNULL,
            stderr=self.errors,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        self.active = 0
        _served_here(location).touch()
        try:
            _wait_for(self.port, self.process, self.errors)
        except Unavailable:
            self.stop()
            raise

    def last_error(self) -> str:
        self.errors.seek(0)
        return _last_line(self.errors.read().decode(errors="replace"))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.errors.close()


class Engine:
    """The Oxigraph behind the front: restarted when it stops, replaced when the build changes."""

    RESTARTS = 5  # in a row without a request answered: then the endpoint stops with one line

    def __init__(self, project: Project, inferred: bool, timeout: float):
        self.project, self.inferred, self.timeout = project, inferred, timeout
        self.current = Upstream(prepare_store(project, inferred=inferred), timeout)
        self.failures = 0
        self.fatal: str | None = None
        self.last_problem: str | None = None
        self._lock = threading.Lock()
        self._source = self._signature()

    def _signature(self) -> tuple:
        try:
            stat = output_file(self.project, inferred=self.inferred).stat()
            return (stat.st_mtime_ns, stat.st_size)
        except OSError:
            return ()

    def watch(self) -> None:
        """Called every WATCH seconds in a thread: restart a stopped engine, or load a new build."""
        with self._lock:
            signature = self._signature()
            if self.current.process.poll() is not None:
                self._replace("stopped")
            elif signature != self._source and manifest.stale_reason(self.project) is None:
                location = prepare_store(self.project, inferred=self.inferred)  # raises: looked at again
                if location == self.current.location or self._replace("rebuilt"):
                    self._source = signature

    def _replace(self, why: str) -> bool:
        """Start an Oxigraph on the current build and send new requests there; False when it did not start."""
        old = self.current
        try:
            self.current = Upstream(prepare_store(self.project, inferred=self.inferred), self.timeout)
        except LiskgError as exc:
            self.failures += 1
            if self.failures >= self.RESTARTS:
                self.fatal = f"the SPARQL server stopped ({old.last_error()}) and could not be started again: {exc}"
            return False
        if why == "stopped":
            self.failures += 1
            if self.failures >= self.RESTARTS:
                self.fatal = f"the SPARQL server stopped {self.failures} times in a row: {old.last_error()}"
        threading.Thread(target=self._retire, args=(old,), daemon=True).start()
        return True

    def _retire(self, old: Upstream) -> None:
        """Stop OLD once the requests it holds are answered (at most the time bound)."""
        deadline = time.monotonic() + self.timeout + 1
        while old.active and time.monotonic() < deadline and old.process.poll() is None:
            time.sleep(0.05)
        old.stop()
        if old.location != self.current.location:
            _served_here(old.location).unlink(missing_ok=True)
            if not _served_elsewhere(old.location):
                shutil.rmtree(old.location, ignore_errors=True)
                old.location.with_name(old.location.name + ".sha256").unlink(missing_ok=True)

    def stop(self) -> None:
        self.current.stop()
        _served_here(self.current.location).unlink(missing_ok=True)


def _served_here(location: Path) -> Path:
    """A marker beside LOCATION while this process serves it: a rebuild seen by another `liskg serve` on the
    same project must not delete a store still served here."""
    return location.with_name(f".{location.name}.served-{os.getpid()}")


def _served_elsewhere(location: Path) -> bool:
    """Whether another running process serves LOCATION (markers of stopped ones are removed)."""
    for marker in location.parent.glob(f".{location.name}.served-*"):
        pid = int(marker.name.rsplit("-", 1)[1])
        if pid != os.getpid() and _alive(pid):
            return True
        marker.unlink(missing_ok=True)
    return False


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # no cheap check there: keep the store
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sparql_texts(query_string: bytes, content_type: str, body: bytes) -> list[str]:
    """Every SPARQL text a request carries, on any path, for any method: its `query` and `update` URL
    parameters, and a sparql-query, sparql-update or form body (Oxigraph parses each of these)."""
    from urllib.parse import parse_qs

    def parameters(text: str) -> list[str]:
        found = parse_qs(text, keep_blank_values=True)
        return found.get("query", []) + found.get("update", [])

    try:
        texts = parameters(query_string.decode("latin-1"))
        kind = content_type.split(";")[0].strip().lower()
        if kind in ("application/sparql-query", "application/sparql-update"):
            texts.append(body.decode("utf-8"))
        elif kind == "application/x-www-form-urlencoded":
            texts += parameters(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise Refused(400, "the query is not UTF-8 text") from None
    return texts


class Front:
    """The ASGI app: checks each request, passes it to Oxigraph, answers within the time bound."""

    def __init__(
        self,
        engine: Engine,
        *,
        timeout: float,
        cors: str | None,
        allow_service,
        max_response: int,
        read_timeout: float = READ_TIMEOUT,
    ):
        self.engine, self.timeout, self.cors, self.read_timeout = engine, timeout, cors, read_timeout
        self.allow_service, self.max_response = tuple(allow_service), max_response
        self.idle: dict[int, list] = {}  # kept-alive connections to Oxigraph, by its port
        self.slots: asyncio.Semaphore | None = None  # made in the server's event loop

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        request = _Request(scope, self.cors)
        try:
            if scope["method"] == "OPTIONS":
                return await request.answer(send, 204, b"", _PREFLIGHT)
            if scope["method"] not in ("GET", "HEAD", "POST"):
                raise Refused(405, f"method {scope['method']} not allowed: use GET or POST")
            body = await _read_body(receive, request, self.read_timeout)
            for text in _sparql_texts(scope["query_string"], request.header("content-type"), body):
                await self._check(text)
            await self._pass(scope, request, body, send)
        except Refused as refused:
            if not request.started:  # after a body not read whole (408, 413) the connection cannot go on
                headers = _TEXT | ({"connection": "close"} if refused.status in (408, 413) else {})
                await request.answer(send, refused.status, (str(refused) + "\n").encode(), headers)

    async def _check(self, text: str) -> None:
        """400 and one line when TEXT is over a bound or has a SERVICE not allowed (a long text is scanned in
        a thread: about 3 ms per KiB, which would hold up every other request)."""
        try:
            if len(text) > 4096:
                await asyncio.to_thread(bounds.check, text, "query", allow_service=self.allow_service)
            else:
                bounds.check(text, "query", allow_service=self.allow_service)
        except LiskgError as exc:
            raise Refused(400, str(exc)) from None

    async def _pass(self, scope, request: _Request, body: bytes, send) -> None:
        upstream = self.engine.current
        target = scope["path"] + ("?" + scope["query_string"].decode("latin-1") if scope["query_string"] else "")
        head = [f"{scope['method']} {target} HTTP/1.1", f"host: {UPSTREAM}:{upstream.port}"]
        head += [f"{k}: {v}" for k, v in request.headers.items() if k in PASSED_HEADERS]
        head.append(f"content-length: {len(body)}")
        raw = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
        if self.slots is None:
            self.slots = asyncio.Semaphore(UPSTREAM_CONNECTIONS)
        upstream.active += 1
        try:
            async with asyncio.timeout(self.timeout), self.slots:  # queued here, first come first served
                reply = await _Reply.ask(self.idle.setdefault(upstream.port, []), upstream.port, raw)
                await self._relay(reply, request, send)
                self.engine.failures = 0
        except TimeoutError:
            raise Refused(
                503,
                f"query stopped after {self.timeout:g} s (the endpoint's time bound, liskg serve --timeout); "
                "narrow the query or ask for a longer bound",
            ) from None
        except (OSError, ValueError, EOFError):  # the connection to Oxigraph broke, or its HTTP did
            raise Refused(503, "the SPARQL engine stopped while answering; it is being restarted, try again") from None
        finally:
            upstream.active -= 1

    async def _relay(self, reply: _Reply, request: _Request, send) -> None:
        held, size = [], 0
        while size < BUFFER and (chunk := await reply.next()):
            held.append(chunk)
            size += len(chunk)
        if reply.done:
            return await request.answer(send, reply.status, b"".join(held), reply.headers)
        await request.start(send, reply.status, reply.headers)
        await request.body(send, b"".join(held))
        while chunk := await reply.next():
            size += len(chunk)
            if size > self.max_response:
                reply.close()
                raise RuntimeError(f"response over {self.max_response:,} bytes: cut")  # uvicorn closes it
            await request.body(send, chunk)
        await request.body(send, b"", more=False)


class _Reply:
    """Oxigraph's answer on a kept-alive connection, read with httptools: status, headers, then body chunks.
    The connection goes back to its pool once the answer was read whole."""

    def __init__(self, pool: list, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        import httptools

        self.pool, self.reader, self.writer = pool, reader, writer
        self.parser = httptools.HttpResponseParser(self)
        self.headers: dict[str, str] = {}
        self.chunks: list[bytes] = []
        self.status = 0
        self.head = self.done = self.keep_alive = False

    @classmethod
    async def ask(cls, pool: list, port: int, raw: bytes) -> _Reply:
        """Send RAW on a pooled connection (a new one when none is idle, or when the idle one was closed)."""
        for attempt in range(2):
            if pool and attempt == 0:
                reader, writer = pool.pop()
            else:
                reader, writer = await asyncio.open_connection(UPSTREAM, port)
            reply = cls(pool, reader, writer)
            try:
                writer.write(raw)
                await writer.drain()
                await reply._read_head()
                return reply
            except (OSError, EOFError):
                reply.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        key = name.decode("latin-1").lower()
        if key not in DROPPED_RESPONSE_HEADERS:
            self.headers[key] = value.decode("latin-1")

    def on_headers_complete(self) -> None:
        self.head = True
        self.status = self.parser.get_status_code()
        self.keep_alive = self.parser.should_keep_alive()  # llhttp forgets it once the message is complete

    def on_body(self, body: bytes) -> None:
        self.chunks.append(bytes(body))

    def on_message_complete(self) -> None:
        self.done = True

    async def _feed(self) -> None:
        import httptools

        data = await self.reader.read(1 << 16)
        if not data:
            raise EOFError("Oxigraph closed the connection")
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            raise ValueError(str(exc)) from None

    async def _read_head(self) -> None:
        while not self.head:
            await self._feed()

    async def next(self) -> bytes:
        """The next chunk of the body, b"" at its end (the connection then goes back to the pool)."""
        while not self.chunks and not self.done:
            await self._feed()
        if self.chunks:
            return self.chunks.pop(0)
        if self.keep_alive and len(self.pool) < UPSTREAM_CONNECTIONS:
            self.pool.append((self.reader, self.writer))
        else:
            self.close()
        return b""

    def close(self) -> None:
        self.writer.close()


_TEXT = {"content-type": "text/plain; charset=utf-8"}
_PREFLIGHT = {
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "Content-Type, Accept",
    "access-control-max-age": "86400",
}


class _Request:
    """One request's headers, and sending its answer (whole, or started and streamed)."""

    def __init__(self, scope, cors: str | None):
        self.method = scope["method"]
        self.headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        self.cors = cors
        self.started = False

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    def _headers(self, headers: dict[str, str], length: int | None) -> list[tuple[bytes, bytes]]:
        out = dict(headers)
        origin = self.header("origin")
        if self.cors and (self.cors == "*" or origin == self.cors):
            out["access-control-allow-origin"] = self.cors
            out["vary"] = "Origin"
        if length is not None:
            out["content-length"] = str(length)
        return [(k.encode("latin-1"), v.encode("latin-1")) for k, v in out.items()]

    async def answer(self, send, status: int, data: bytes, headers: dict[str, str]) -> None:
        await self.start(send, status, headers, len(data))
        await self.body(send, b"" if self.method == "HEAD" else data, more=False)

    async def start(self, send, status: int, headers: dict[str, str], length: int | None = None) -> None:
        self.started = True
        await send({"type": "http.response.start", "status": status, "headers": self._headers(headers, length)})

    async def body(self, send, data: bytes, more: bool = True) -> None:
        await send({"type": "http.response.body", "body": data, "more_body": more})


async def _read_body(receive, request: _Request, read_timeout: float) -> bytes:
    """The request body: 413 over MAX_BODY, 408 when it is not complete within READ_TIMEOUT seconds."""
    declared = request.header("content-length")
    over = declared.isdigit() and int(declared) > MAX_BODY
    chunks, size = [], 0
    try:
        async with asyncio.timeout(read_timeout):
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise Refused(400, "the client went away")
                size += len(message.get("body", b""))
                if size > DRAINED:  # answered before the client finished sending: it may see a reset
                    over = True
                    break
                if not over:
                    chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
    except TimeoutError:
        raise Refused(408, f"the request body did not arrive within {read_timeout:g} s") from None
    if over or size > MAX_BODY:
        shown = f"of {int(declared):,} bytes" if declared.isdigit() else f"over {MAX_BODY:,} bytes"
        raise Refused(413, f"request body {shown} refused: at most {MAX_BODY:,} bytes (1 MiB)")
    return b"".join(chunks)


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/query"


def _last_line(text: str) -> str:
    """The line of Oxigraph's stderr that says what went wrong: a panic's message (not its backtrace, which
    RUST_BACKTRACE adds), else the last line."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for at, line in enumerate(lines):
        if " panicked at " in line:
            return " ".join(lines[at : at + 2])[:300]
    return lines[-1][:300] if lines else "no message"


WATCH = 0.5  # seconds between two looks at the engine and the build


def serve(
    project: Project,
    *,
    host: str,
    port: int,
    timeout: float,
    inferred: bool,
    cors: str | None = None,
    allow_service=(),
    max_response: int = MAX_RESPONSE,
    read_timeout: float = READ_TIMEOUT,
    announce: Callable[[str], None] | None = None,
) -> int:
    """Run the endpoint in the foreground until Ctrl-C or SIGTERM (exit 0); once it listens, call ANNOUNCE
    with each line saying where to send queries.

    A busy port raises Unavailable before anything is announced; an engine that cannot be started again
    raises Unavailable with its last message."""
    import uvicorn

    if not 0 <= port <= 65535:
        raise LiskgError(f"--port {port}: a port is a number from 0 (any free port) to 65535")
    listening = _listen(host, port)
    engine = Engine(project, inferred, timeout)
    try:
        app = Front(
            engine,
            timeout=timeout,
            cors=cors,
            allow_service=allow_service,
            max_response=max_response,
            read_timeout=read_timeout,
        )
        config = uvicorn.Config(
            app,
            http=_protocol_class(read_timeout),
            lifespan="off",
            proxy_headers=False,
            log_level="critical",
            access_log=False,
            server_header=False,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=max(1, round(timeout)),
        )
        server = _server_class()(config)
        port = listening.getsockname()[1]
        for line in (
            f"SPARQL endpoint (read-only, {timeout:g} s per query): {url(host, port)}",
            f"Query page: {url(host, port)[: -len('query')]} (Oxigraph's YASGUI). GET ?query=... or POST; Accept: "
            "application/sparql-results+json, text/csv, text/tab-separated-values or application/sparql-results+xml"
            + (f"; CORS: {cors}" if cors else "")
            + (f"; SERVICE allowed to: {', '.join(allow_service)}" if allow_service else "")
            + ". Ctrl-C stops.",
        ):
            if announce:
                announce(line)
        stopping = threading.Event()

        def watch() -> None:
            while not stopping.wait(WATCH):
                try:
                    engine.watch()
                except (LiskgError, OSError) as exc:  # a build half-written: look again in WATCH seconds
                    if str(exc) != engine.last_problem:
                        print(f"liskg: warning: serving the previous build: {exc}", file=sys.stderr, flush=True)
                    engine.last_problem = str(exc)
                if engine.fatal:
                    server.should_exit = True
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        server.run(sockets=[listening])
        stopping.set()
        watcher.join()
        if engine.fatal:
            raise Unavailable(engine.fatal)
        return 0
    finally:
        listening.close()
        engine.stop()


def _plain(status: str, message: str) -> bytes:
    """A whole HTTP/1.1 answer that closes the connection: STATUS and one line of text."""
    body = (message + "\n").encode()
    head = f"HTTP/1.1 {status}\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
    return (head + f"content-length: {len(body)}\r\n\r\n").encode() + body


class _Guarded:
    """What uvicorn's httptools protocol lacks, mixed into it by _protocol_class: 408 and close when a
    request's headers are not complete READ_TIMEOUT seconds after the connection opened or after its last
    answer (uvicorn waits forever for them: the slowloris attack), and 431 past MAX_HEAD bytes of request
    line and headers (httptools has no such bound)."""

    read_timeout = READ_TIMEOUT
    headers_timer = None
    head_bytes = 0
    loop: asyncio.AbstractEventLoop
    transport: asyncio.Transport

    def _arm(self) -> None:
        self._disarm()
        self.headers_timer = self.loop.call_later(
            self.read_timeout,
            self._refuse,
            _plain("408 Request Timeout", f"the request headers did not arrive within {self.read_timeout:g} s"),
        )

    def _disarm(self) -> None:
        if self.headers_timer is not None:
            self.headers_timer.cancel()
            self.headers_timer = None

    def _refuse(self, answer: bytes) -> None:
        self.headers_timer = None
        if not self.transport.is_closing():
            self.transport.write(answer)
            self.transport.close()

    def _count(self, size: int) -> None:
        self.head_bytes += size
        if self.head_bytes > MAX_HEAD:
            self._refuse(
                _plain(
                    "431 Request Header Fields Too Large", f"request line and headers over {MAX_HEAD:,} bytes refused"
                )
            )

    def connection_made(self, transport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def on_message_begin(self) -> None:
        self.head_bytes = 0
        super().on_message_begin()  # type: ignore[misc]

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)  # type: ignore[misc]

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value))
        super().on_header(name, value)  # type: ignore[misc]

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()  # type: ignore[misc]

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]


def _protocol_class(read_timeout: float) -> type:
    """uvicorn's httptools protocol with _Guarded's bounds on request headers."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    return type("Protocol", (_Guarded, HttpToolsProtocol), {"read_timeout": read_timeout})


def _server_class():
    """uvicorn's Server, ending on SIGTERM or Ctrl-C after its requests are answered, then returning (uvicorn
    itself raises the signal again once stopped, which would end `liskg serve` with -15 instead of 0)."""
    import contextlib

    import uvicorn

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self):
            def stop(*_):
                self.should_exit = True

            if threading.current_thread() is not threading.main_thread():  # serve() in a thread: no signals
                yield
                return
            previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    return Server


def _listen(host: str, port: int) -> socket.socket:
    """A socket listening on HOST:PORT with a deep backlog; Unavailable when the port is taken."""
    claim_port(host, port)
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(4096)
    except OSError as exc:
        sock.close()
        raise Unavailable(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    return sock
