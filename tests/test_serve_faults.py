"""The endpoint's fault matrix (issue 25), the twin of test_bad_input.py: one row per hostile input or
fault, each ending in a one-line error or a correct answer, and the endpoint still answering afterwards.

`liskg serve` runs as users start it, on a copy of the built project, at 127.0.0.1 with a 3 s time bound
and a 1 s read timeout (so slow clients get their 408 in a second).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

import psutil
import pytest

from conftest import copy_built
from test_bounds import Listener

ASK = "ASK { ?s a <https://w3id.org/liskg/ontology#Study> }"
SELECT = "SELECT ?s WHERE { ?s <https://w3id.org/liskg/ontology#referenceNumber> 107 }"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return copy_built(tmp_path_factory.mktemp("serve"))


def start(root, *extra: str):
    env = {k: v for k, v in os.environ.items() if k != "LISKG_DEBUG"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "liskg.cli",
            "--root",
            str(root),
            "serve",
            "--port",
            "0",
            "--timeout",
            "3",
            "--read-timeout",
            "1",
            *extra,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    assert "SPARQL endpoint" in line, process.stderr.read()
    return process, int(line.rsplit(":", 1)[1].split("/")[0])


@pytest.fixture(scope="module")
def endpoint(root):
    process, port = start(root)
    yield process, port
    process.terminate()
    process.wait(timeout=30)


def exchange(port: int, raw: bytes, timeout: float = 10) -> bytes:
    """Send RAW bytes and read until the server closes or a whole response came."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(raw)
        data = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                raise AssertionError(f"no answer within {timeout} s (a hang): {data[:200]!r}") from None
            if not chunk:
                return data
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = [int(h.split(b":")[1]) for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:")]
            if length and len(body) >= length[0]:
                return data


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def body_of(response: bytes) -> str:
    return response.partition(b"\r\n\r\n")[2].decode()


def post(port: int, query: str, timeout: float = 10) -> bytes:
    body = query.encode()
    return exchange(
        port,
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nAccept: text/csv\r\n"
        + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body,
        timeout,
    )


def answers(port: int) -> bool:
    response = post(port, SELECT)
    return status_of(response) == 200 and "ref-107" in body_of(response)


def one_line(response: bytes, status: int) -> str:
    assert status_of(response) == status, response[:300]
    text = body_of(response)
    assert text.endswith("\n") and text.count("\n") == 1, text
    return text


# ---- the rows of issue 25's table


def test_a_query_nested_5000_deep_is_400_unevaluated(endpoint):
    _process, port = endpoint
    text = one_line(post(port, "SELECT * WHERE " + "{" * 5000 + "}" * 5000), 400)
    assert text.startswith("query: refused: the query nests deeper than the 128 levels")
    assert answers(port)


def test_service_is_400_and_nothing_leaves(endpoint):
    _process, port = endpoint
    listener = Listener()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}"
        assert "federated queries are off" in one_line(post(port, query), 400)
        get = exchange(
            port,
            b"GET /query?" + urllib.parse.urlencode({"query": query}).encode() + b" HTTP/1.1\r\nHost: x\r\n"
            b"Connection: close\r\n\r\n",
        )
        assert status_of(get) == 400
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()
    assert answers(port)


def test_the_bounds_hold_on_every_path_and_parameter(endpoint):
    """Oxigraph parses a query or update wherever it finds one: each is checked, not only POST /query."""
    _process, port = endpoint
    deep = urllib.parse.quote("SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    for target in (f"/query?query={deep}", f"//query?query={deep}", f"/?query={deep}", f"/update?update={deep}"):
        response = exchange(port, f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        assert "the query nests deeper" in one_line(response, 400), target
    form = f"query={deep}".encode()
    response = exchange(
        port,
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + f"Content-Length: {len(form)}\r\nConnection: close\r\n\r\n".encode()
        + form,
    )
    assert status_of(response) == 400
    assert answers(port)


def test_headers_over_64_kib_are_431(endpoint):
    _process, port = endpoint
    response = exchange(port, b"GET /query HTTP/1.1\r\nHost: x\r\n" + b"X-Big: " + b"a" * 70_000 + b"\r\n\r\n")
    assert one_line(response, 431) == "request line and headers over 65,536 bytes refused\n"
    assert answers(port)


@pytest.mark.parametrize("length", [b"-1", b"abc", b"1e3", b"99999999999999999999999"])
def test_a_malformed_content_length_is_400_not_a_hang(endpoint, length):
    _process, port = endpoint
    response = exchange(port, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + b"\r\n\r\nASK {}")
    assert status_of(response) == 400 and body_of(response) == "Invalid HTTP request received.", response[:200]
    assert answers(port)


def test_a_chunked_body_is_answered_and_a_bad_chunk_is_400(endpoint):
    _process, port = endpoint
    body = SELECT.encode()
    good = exchange(
        port,
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nAccept: text/csv\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + f"{len(body):x}\r\n".encode()
        + body
        + b"\r\n0\r\n\r\n",
    )
    assert status_of(good) == 200 and "ref-107" in body_of(good)
    bad = exchange(
        port, b"POST /query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nASK {}\r\n0\r\n\r\n"
    )
    assert status_of(bad) == 400 and body_of(bad) == "Invalid HTTP request received."
    assert answers(port)


def test_a_slow_client_gets_408_within_the_read_timeout(endpoint):
    _process, port = endpoint
    started = time.monotonic()
    response = exchange(port, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nASK {", timeout=10)
    assert one_line(response, 408) == "the request body did not arrive within 1 s\n"
    assert b"connection: close" in response.lower()  # and closed: the rest of that body is never read
    assert time.monotonic() - started < 5
    assert answers(port)


def test_slow_headers_and_an_idle_connection_get_408_within_the_read_timeout(endpoint):
    """The slowloris attack: headers sent a byte at a time, or nothing at all, must not hold a connection."""
    _process, port = endpoint
    for raw in (b"", b"GET /query HTTP/1.1\r\nHost: x\r\n"):
        started = time.monotonic()
        response = exchange(port, raw, timeout=10)
        assert "request headers did not arrive within 1 s" in one_line(response, 408)
        assert time.monotonic() - started < 5
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:  # after one answer, on keep-alive
        sock.sendall(f"GET /query?{urllib.parse.urlencode({'query': ASK})} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        first = sock.recv(65536)
        assert status_of(first) == 200
        sock.sendall(b"GET /query HTTP/1.1\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
        assert status_of(data) == 408
    assert answers(port)


def test_a_body_over_1_mib_is_413(endpoint):
    _process, port = endpoint
    response = post(port, "#" * (2 << 20))
    assert one_line(response, 413).startswith("request body of 2,097,152 bytes refused")
    assert answers(port)


def test_256_concurrent_clients_are_all_answered(endpoint):
    _process, port = endpoint
    results: list[bool] = []

    def client():
        results.append(answers(port))

    threads = [threading.Thread(target=client) for _ in range(256)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 256


def test_a_query_past_the_time_bound_is_503_decided_by_the_front(endpoint):
    _process, port = endpoint
    started = time.monotonic()
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    assert one_line(post(port, slow), 503).startswith("query stopped after 3 s")
    assert time.monotonic() - started < 6
    assert answers(port)


def test_a_response_over_the_cap_is_cut_not_passed_whole(root):
    process, port = start(root, "--max-response", "1500000")
    try:
        everything = "SELECT * WHERE { ?s ?p ?o }"
        response = exchange(
            port,
            b"GET /query?"
            + urllib.parse.urlencode({"query": everything}).encode()
            + b" HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\nConnection: close\r\n\r\n",
        )
        assert status_of(response) == 200 and b"transfer-encoding: chunked" in response.lower()
        assert not response.endswith(b"0\r\n\r\n")  # no final chunk: the client sees an incomplete answer
        assert answers(port)
    finally:
        process.terminate()
        process.wait(timeout=30)


# ---- faults


def oxigraph_child(process) -> psutil.Process:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        children = [c for c in psutil.Process(process.pid).children() if "oxigraph" in c.name()]
        if children:
            return children[0]
        time.sleep(0.1)
    raise AssertionError("no oxigraph child")


def test_oxigraph_killed_mid_query_is_503_then_restarted(root):
    process, port = start(root)
    try:
        child = oxigraph_child(process)
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        replies: list[bytes] = []
        thread = threading.Thread(target=lambda: replies.append(post(port, slow)))
        thread.start()
        time.sleep(0.5)
        child.kill()
        thread.join()
        assert "the SPARQL engine stopped while answering" in one_line(replies[0], 503)
        deadline = time.monotonic() + 20
        while not answers(port):
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert oxigraph_child(process).pid != child.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_sigterm_stops_cleanly_with_no_orphan(root):
    process, port = start(root)
    child = oxigraph_child(process)
    assert answers(port)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert process.stderr.read() == ""
    child.wait(timeout=10)  # gone too
    assert not child.is_running()


def test_a_build_finished_while_serving_is_picked_up_and_no_request_fails(root, endpoint):
    """Two endpoints serve the project (this one and the module's): each loads the new build, neither
    deletes a store the other still serves."""
    _other, other_port = endpoint
    process, port = start(root)
    try:
        failures: list[bytes] = []
        stop = threading.Event()

        def keep_asking():
            while not stop.is_set():
                try:
                    response = post(port, SELECT)
                except OSError as exc:  # a refused or reset connection fails the row too
                    failures.append(repr(exc).encode())
                    continue
                if status_of(response) != 200:
                    failures.append(response)

        askers = [threading.Thread(target=keep_asking) for _ in range(4)]
        for asker in askers:
            asker.start()
        review = root / "graph_data" / "review.ttl"
        original = review.read_text()
        review.write_text(original + '\nlkd:review rdfs:comment "picked up while serving"@en .\n')
        try:
            done = subprocess.run(
                [sys.executable, "-m", "liskg.cli", "--root", str(root), "build", "-q"],
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, done.stderr
            probe = 'ASK { ?s <http://www.w3.org/2000/01/rdf-schema#comment> "picked up while serving"@en }'
            deadline = time.monotonic() + 60  # loading the new store takes seconds on a loaded machine
            for serving in (port, other_port):
                while "true" not in body_of(post(serving, probe)):
                    if time.monotonic() > deadline:
                        process.terminate()
                        raise AssertionError(f"the new build was not served: {process.communicate()[1]}")
                    time.sleep(0.2)
        finally:
            stop.set()
            for asker in askers:
                asker.join()
            review.write_text(original)
        assert failures == []
        assert answers(other_port)
    finally:
        process.terminate()
        process.wait(timeout=30)
