"""Run read-only SPARQL 1.1 queries on an Oxigraph store, with a time bound and one-line errors.

Time bound: Oxigraph evaluates a query inside Rust, never checks for Python signals and cannot be
cancelled from another thread. So a bounded query runs in a forked child process, which sees the
parent's loaded store copy-on-write, evaluates the query and streams the W3C serialization of the
results back through a pipe; when the bound passes, the parent kills the child with SIGKILL, which
really stops the evaluation. Forking costs about 15 ms. timeout=None evaluates in-process.
bounded() runs any work that way: the look-up commands run all their queries in one child.

A process that exists only to answer (the `liskg` command) needs no child: exit_after() evaluates
in-process and ends the whole process at the bound. Oxigraph releases the GIL while it evaluates,
so the watchdog thread runs on time.
"""

from __future__ import annotations

import os
import re
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pyoxigraph as ox

from liskg.base import errors
from liskg.base.errors import InternalError, LiskgError, TimedOut, Unavailable

UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.IGNORECASE)
_POSITION = re.compile(r"^error at (\d+):(\d+): ?")
_GRAPH_FORMAT = ox.RdfFormat.N_TRIPLES
_RESULTS_FORMAT = ox.QueryResultsFormat.JSON


class QueryResult:
    """What a query returned, with the W3C serialization the engine produced (SPARQL JSON or N-Triples)."""

    def __init__(
        self,
        form: str,
        variables: list[str] | None = None,
        rows: list[tuple] | None = None,
        boolean: bool | None = None,
        data: bytes = b"",
        query: str = "",
    ):
        self.form = form  # "select", "ask" or "graph" (CONSTRUCT, DESCRIBE)
        self.variables = variables or []
        self.rows = rows or []  # pyoxigraph terms, None where unbound
        self.boolean = boolean
        self.data = data
        self.query = query  # the text answered, which says what each column holds (liskg.base.columns)


def first_keyword(text: str) -> str:
    """The first keyword after comments, PREFIX and BASE declarations, upper-cased."""
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    word = re.match(r"\s*([A-Za-z]+)", text[position:])
    return word.group(1).upper() if word else ""


def require_text(text: str, what: str) -> str:
    """The text, or a LiskgError when it cannot be UTF-8 (an undecodable argv byte arrives as a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise LiskgError(f"{what}: not valid UTF-8 text; check the terminal's encoding") from None
    return text


def check(text: str, origin: str = "query") -> None:
    """Raise LiskgError when the text is an UPDATE or not valid SPARQL 1.1 (with line and column)."""
    require_text(text, origin)
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        keyword = first_keyword(text)
        if keyword in UPDATE_KEYWORDS:
            raise LiskgError(
                f"{origin}: refused: {keyword} is a SPARQL UPDATE and the graph is read-only here; "
                "change graph_data/*.ttl and rebuild instead"
            ) from None
        message = str(exc)
        match = _POSITION.match(message)
        if match:
            line, column = match.groups()
            raise LiskgError(
                f"{origin}:{line}:{column}: SPARQL syntax error at line {line}, column {column}: "
                f"{_readable(message[match.end() :], text, int(line), int(column))}"
            ) from None
        raise LiskgError(f"{origin}: SPARQL syntax error: {' '.join(message.split())}") from None


_NAME_CLASS = re.compile(r"\[[^\]]*\\u\{[^\]]*\]")  # several lines of Unicode ranges: "a name character"


def _readable(message: str, text: str, line: int, column: int) -> str:
    """Oxigraph's parser message as one readable line: undeclared prefixes and early ends named as such,
    the long character-class lists shortened."""
    lines = text.splitlines() or [""]
    before = lines[line - 1][: column - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in message:
        name = re.search(r"(?:^|[^\w:?$])([A-Za-z][\w.-]*)?:[\w.-]*$", before)
        prefix = (name.group(1) or "") if name else ""
        return f"undeclared prefix {prefix}: (declare it: PREFIX {prefix}: <...>)"
    offset = sum(len(text_line) + 1 for text_line in lines[: line - 1]) + column - 1
    if offset >= len(text.rstrip()) and ('"}"' in message or '")"' in message):
        return "the query ends too early: a closing } or ) may be missing"
    one_line = _NAME_CLASS.sub("a name character", " ".join(message.split())).replace("['0'..='9']", "a digit")
    return one_line if len(one_line) <= 200 else one_line[:199] + "…"


def _evaluate(store: ox.Store, text: str) -> tuple[str, bytes]:
    """Evaluate and serialize: ('select'|'ask'|'graph', bytes)."""
    results = store.query(text)
    if isinstance(results, ox.QueryTriples):
        form, data = "graph", ox.serialize(results, format=_GRAPH_FORMAT)
    else:
        form = "ask" if isinstance(results, ox.QueryBoolean) else "select"
        data = results.serialize(format=_RESULTS_FORMAT)
    assert data is not None  # serialized to bytes: no output was given
    return form, data


def solutions(store: ox.Store, text: str) -> ox.QuerySolutions:
    """The solutions of a SELECT query evaluated in this process, with no bound: for the package's own queries."""
    results = store.query(text)
    if not isinstance(results, ox.QuerySolutions):
        raise InternalError(f"expected a SELECT query, got {type(results).__name__}")
    return results


def decode(form: str, data: bytes) -> QueryResult:
    """The QueryResult of a form ('select', 'ask', 'graph') and the engine's serialization of it."""
    if form == "graph":
        rows = [(t.subject, t.predicate, t.object) for t in ox.parse(data, format=_GRAPH_FORMAT)]
        return QueryResult("graph", ["subject", "predicate", "object"], rows, data=data)
    parsed = ox.parse_query_results(data, format=_RESULTS_FORMAT)
    if form == "ask":
        return QueryResult("ask", boolean=bool(parsed), data=data)
    assert isinstance(parsed, ox.QuerySolutions)
    variables = [v.value for v in parsed.variables]
    rows = [tuple(solution[v] for v in variables) for solution in parsed]
    return QueryResult("select", variables, rows, data=data)


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
        raise TimedOut(stopped(origin, timeout)) from None
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


def stopped(origin: str, timeout: float) -> str:
    """The message of a query stopped at its time bound."""
    return f"{origin}: stopped after {timeout:g} s (the time bound); narrow the query or raise --timeout"


@contextmanager
def exit_after(timeout: float, origin: str = "query", prefix: str = "liskg: error: ") -> Iterator[None]:
    """Run the block in this process; if it is still running after TIMEOUT seconds, print PREFIX + the
    TimedOut message on stderr and end the process with TimedOut's exit code. Only for a process that
    exists to do this one piece of work (a command line), never in a library caller or a server."""

    def expire() -> None:
        sys.stderr.write(prefix + stopped(origin, timeout) + "\n")
        sys.stderr.flush()
        os._exit(TimedOut.exit_code)

    watchdog = threading.Timer(timeout, expire) if timeout < _LONGEST_BOUND else None
    if watchdog:
        watchdog.daemon = True
        watchdog.start()
    try:
        yield
    finally:
        if watchdog:
            watchdog.cancel()


_LONGEST_BOUND = 1e7  # seconds (116 days): a larger bound (--timeout inf) is no bound for a thread timer
_LONGEST_WAIT = 3600.0  # select() rejects huge timeouts (--timeout inf, 1e308): wait in slices of an hour


def _read_before(pipe, deadline: float) -> bytes:
    """The next chunk from the pipe (b"" at its end); TimedOut when none comes before the deadline."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimedOut("time bound")
        if select.select([pipe], [], [], min(remaining, _LONGEST_WAIT))[0]:
            return pipe.read(1 << 16)


def run(store: ox.Store, text: str, *, timeout: float | None = 30.0, origin: str = "query") -> QueryResult:
    """Check and evaluate a read-only query; stop it after `timeout` seconds (TimedOut), in a forked child.

    timeout=None evaluates in this process with no bound and no fork (Windows, Jupyter)."""
    check(text, origin)
    if timeout is None:
        try:
            result = decode(*_evaluate(store, text))
        except (OSError, RuntimeError, ValueError) as exc:
            raise LiskgError(f"{origin}: the query failed: {exc}") from None
        result.query = text
        return result

    def packed() -> bytes:
        form, data = _evaluate(store, text)
        return form.encode() + b"\n" + data

    form, _, data = bounded(packed, timeout, origin).partition(b"\n")
    result = decode(form.decode(), data)
    result.query = text
    return result


def bind(text: str, **values: list) -> str:
    """The query with each `VALUES ?name { UNDEF }` slot filled with the given pyoxigraph terms (none: no rows).

    Values are written as the terms' own N-Triples serialization (str() of a Literal or NamedNode),
    which escapes quotes, backslashes and newlines, so user text can never change the query's shape.
    """
    for name, terms in values.items():
        slot = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")
        if len(slot.findall(text)) != 1:
            raise InternalError(f"the query has no single `VALUES ?{name} {{ UNDEF }}` slot")
        for term in terms:
            if not isinstance(term, (ox.NamedNode, ox.Literal)):
                raise InternalError(f"bind {name}: expected pyoxigraph NamedNode or Literal, got {type(term).__name__}")
        filled = f"VALUES ?{name} {{ {' '.join(str(term) for term in terms)} }}"
        text = slot.sub(lambda _match: filled, text)  # noqa: B023 - called at once; FILLED is no template
    return text
