"""Run a read-only SPARQL query: in this process, or in a forked child that is killed at a time bound.

run() is the one entry point for a query: it checks the text (liskg.base.engine.check) and evaluates it
in this process when no time bound is asked for (the default: no fork, so it works on Windows and in
Jupyter), or in a forked child when one is.

Why a child: Oxigraph evaluates a query inside Rust, never checks for Python signals and cannot be
cancelled from another thread. A bounded query runs in a forked child process, which sees the
parent's loaded store copy-on-write, evaluates the query and streams the W3C serialization of the
results back through a pipe; when the bound passes, the parent kills the child with SIGKILL, which
really stops the evaluation. Forking costs about 15 ms. bounded() runs any work that way (a look-up
runs all its queries in one child).

A process that exists only to answer (the `liskg` command) needs no child: it runs the work in process
and a watchdog ends the whole process at the bound (liskg.cli.arguments.within).
"""

from __future__ import annotations

import os
import select
import signal
import time
from collections.abc import Callable

import pyoxigraph as ox

from liskg.base import engine, errors
from liskg.base.engine import QueryResult
from liskg.base.errors import LiskgError, TimedOut, Unavailable


def run(
    store: ox.Store,
    text: str,
    *,
    timeout: float | None = None,
    origin: str = "query",
    allow_service=(),
    limits: bool = True,
) -> QueryResult:
    """Check TEXT (engine.check: within liskg.base.bounds, no SERVICE outside ALLOW_SERVICE's hosts, SPARQL
    1.1, read-only) and evaluate it on STORE: the one way a query is run.

    timeout=None (default) evaluates in this process, with no fork and no bound (Windows, Jupyter, the
    package's own queries); a number of seconds evaluates in a forked child killed at the bound (TimedOut).
    ORIGIN names the query in every error. limits=False skips the bounds (never for a person's text: for the
    package's own queries with terms bound into VALUES, which only lengthen a flat list)."""
    engine.check(text, origin, allow_service=allow_service, limits=limits)
    if timeout is None:
        try:
            result = engine.decode(*_evaluate(store, text))
        except (OSError, RuntimeError, ValueError) as exc:
            raise LiskgError(f"{origin}: the query failed: {exc}") from None
    else:

        def packed() -> bytes:
            form, data = _evaluate(store, text)
            return form.encode() + b"\n" + data

        form, _, data = bounded(packed, timeout, origin).partition(b"\n")
        result = engine.decode(form.decode(), data)
    result.query = text  # which says what each column holds (liskg.base.columns)
    return result


def bounded(work: Callable[[], bytes], timeout: float, origin: str = "query") -> bytes:
    """What work() returns, computed in a forked child that is killed after TIMEOUT seconds (TimedOut).

    The child sees the parent's loaded stores copy-on-write; a LiskgError it raises is raised here
    again, of the same class and with the same message."""
    if not hasattr(os, "fork"):
        raise Unavailable(f"{origin}: a time bound needs fork(), which this system lacks; run without a timeout")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: write "ok\n" + payload, "liskg CLASS\n" + message or "error\n" + message; never return
        try:
            os.close(read_end)
            try:
                header, payload = b"ok", work()
            except LiskgError as exc:
                header, payload = f"liskg {type(exc).__name__}".encode(), str(exc).encode()
            except BaseException as exc:  # noqa: BLE001 - reported by the parent as one line
                header, payload = b"error", f"{type(exc).__name__}: {exc}".encode()
            with os.fdopen(write_end, "wb") as out:
                out.write(header + b"\n" + payload)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            while chunk := _read_before(pipe, deadline):
                chunks.append(chunk)
    except TimedOut:
        raise TimedOut(errors.stopped(origin, timeout)) from None
    finally:  # on the time bound, Ctrl-C or any error the child must not outlive the work
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    header, _, payload = b"".join(chunks).partition(b"\n")
    if header == b"ok":
        return payload
    if header.startswith(b"liskg "):
        raised = getattr(errors, header[6:].decode(), LiskgError)
        raised = raised if isinstance(raised, type) and issubclass(raised, LiskgError) else LiskgError
        raise (errors.CheckFailed if raised is errors.ShaclViolations else raised)(payload.decode())
    raise LiskgError(f"{origin}: the query failed: {payload.decode(errors='replace') or 'no result'}")


_LONGEST_WAIT = 3600.0  # select() rejects huge timeouts (--timeout inf, 1e308): wait in slices of an hour


def _read_before(pipe, deadline: float) -> bytes:
    """The next chunk from the pipe (b"" at its end); TimedOut when none comes before the deadline."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimedOut("time bound")
        if select.select([pipe], [], [], min(remaining, _LONGEST_WAIT))[0]:
            return pipe.read(1 << 16)


def _evaluate(store: ox.Store, text: str) -> tuple[str, bytes]:
    """Evaluate and serialize: ('select'|'ask'|'graph', bytes)."""
    results = store.query(text)
    if isinstance(results, ox.QueryTriples):
        form, data = "graph", ox.serialize(results, format=engine.GRAPH_FORMAT)
    else:
        form = "ask" if isinstance(results, ox.QueryBoolean) else "select"
        data = results.serialize(format=engine.RESULTS_FORMAT)
    assert data is not None  # serialized to bytes: no output was given
    return form, data
