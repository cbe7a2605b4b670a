"""`liskg serve` as users run it: Oxigraph's read-only SPARQL 1.1 Protocol endpoint on a free local
port, queried over HTTP, stopped with SIGTERM; and its one-line answer on a busy port."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

import liskg
from conftest import ROOT, run_main
from liskg.base.errors import Unavailable
from liskg.querying import server

QUERY = "PREFIX liskg: <https://w3id.org/liskg/ontology#> SELECT ?study WHERE { ?study liskg:referenceNumber 107 }"
REF_107 = "https://w3id.org/liskg/data/ref-107"
ORIGIN = "http://notebook.example"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
STOPPED = (
    "query stopped after 1 s (the endpoint's time bound, liskg serve --timeout); "
    "narrow the query or ask for a longer bound\n"
)


@pytest.fixture(scope="module")
def serving(project):
    """`liskg serve --port 0` in its own process, as a user starts it; (process, the URL it printed)."""
    liskg.build(project, if_stale=True)
    env = {k: v for k, v in os.environ.items() if k != "LISKG_DEBUG"}
    process = subprocess.Popen(
        [sys.executable, "-m", "liskg.cli", "serve", "--port", "0", "--timeout", "1", "--cors", ORIGIN],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = process.stdout.readline()
    assert first.startswith("SPARQL endpoint (read-only, 1 s per query): http://127.0.0.1:"), first
    url = first.rsplit(" ", 1)[1].strip()
    deadline = time.monotonic() + 30
    while True:  # the URL is printed before the server accepts connections
        try:
            with socket.create_connection(("127.0.0.1", int(url.split(":")[2].split("/")[0])), timeout=0.2):
                break
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, process.stderr.read()
            time.sleep(0.05)
    yield process, url
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def endpoint(serving):
    return serving[1]


def request(url, *, data=None, headers=None, timeout=30):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def test_get_with_json_results(endpoint):
    status, kind, body = request(
        endpoint + "?" + urllib.parse.urlencode({"query": QUERY}), headers={"Accept": "application/sparql-results+json"}
    )
    assert (status, kind.split(";")[0]) == (200, "application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"] == [{"study": {"type": "uri", "value": REF_107}}]


def test_post_form_with_csv_results(endpoint):
    status, kind, body = request(
        endpoint,
        data=urllib.parse.urlencode({"query": QUERY}).encode(),
        headers={"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert (status, kind.split(";")[0]) == (200, "text/csv")
    assert list(csv.reader(io.StringIO(body))) == [["study"], [REF_107]]


def test_post_query_body_with_tsv_and_xml(endpoint):
    for accept, expected in (
        ("text/tab-separated-values", f"<{REF_107}>"),
        ("application/sparql-results+xml", REF_107),
    ):
        status, kind, body = request(
            endpoint, data=QUERY.encode(), headers={"Accept": accept, "Content-Type": "application/sparql-query"}
        )
        assert (status, kind.split(";")[0]) == (200, accept)
        assert expected in body


def test_the_endpoint_answers_over_the_inferred_graph(endpoint):
    ask = (
        "PREFIX liskg: <https://w3id.org/liskg/ontology#> "
        "ASK { <https://w3id.org/liskg/data/mat-llzo> a liskg:OxideElectrolyte }"
    )
    status, _kind, body = request(
        endpoint + "?" + urllib.parse.urlencode({"query": ask}), headers={"Accept": "application/sparql-results+json"}
    )
    assert status == 200 and json.loads(body)["boolean"] is True


def test_updates_are_refused(endpoint):
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    status, _kind, body = request(
        endpoint.replace("/query", "/update"),
        data=update.encode(),
        headers={"Content-Type": "application/sparql-update"},
    )
    assert status == 403 and "read-only" in body
    status, _kind, _body = request(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 400  # an update is not a query


def test_oversized_request_is_refused(endpoint):
    huge = QUERY + " #" + "x" * 16_000  # the server's header limit is 8 KiB, so a GET this long is refused
    status, _kind, body = request(endpoint + "?" + urllib.parse.urlencode({"query": huge}))
    assert status == 400 and "8kb" in body


def test_a_query_past_the_time_bound_is_503_with_one_line(endpoint):
    for accept in ("application/sparql-results+json", "text/csv"):
        start = time.perf_counter()
        status, kind, body = request(
            endpoint, data=SLOW.encode(), headers={"Content-Type": "application/sparql-query", "Accept": accept}
        )
        assert time.perf_counter() - start < 15
        assert (status, kind, body) == (503, "text/plain; charset=utf-8", STOPPED)


def test_sparqlwrapper_sees_the_timeout_as_an_http_error(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setReturnFormat(JSON)
    client.setQuery(SLOW)
    with pytest.raises(urllib.error.HTTPError) as raised:
        client.query().convert()
    assert raised.value.code == 503 and raised.value.read().decode() == STOPPED
    client.setQuery(QUERY)  # the endpoint still answers after a timeout
    assert client.query().convert()["results"]["bindings"] == [{"study": {"type": "uri", "value": REF_107}}]


def test_curl_sees_the_timeout_status(endpoint):
    done = subprocess.run(
        ["curl", "-s", "-w", "\n%{http_code}", "-H", "Accept: text/csv", "--data-urlencode", f"query={SLOW}", endpoint],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stdout == STOPPED + "\n503"


def test_a_body_over_1_mib_is_413_unevaluated(endpoint):
    status, kind, body = request(endpoint, data=b"#" * (2 << 20), headers={"Content-Type": "application/sparql-query"})
    assert (status, body) == (413, "request body of 2,097,152 bytes refused: at most 1,048,576 bytes (1 MiB)\n")


def test_cors_lets_the_named_origin_read_answers_and_errors(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": QUERY})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Origin": ORIGIN}), timeout=30) as response:
        assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Origin": "http://other.example"}), timeout=30
    ) as response:
        assert response.headers["Access-Control-Allow-Origin"] is None
    preflight = urllib.request.Request(endpoint, method="OPTIONS", headers={"Origin": ORIGIN})
    with urllib.request.urlopen(preflight, timeout=30) as response:
        assert response.status == 204 and "POST" in response.headers["Access-Control-Allow-Methods"]
    try:
        urllib.request.urlopen(
            urllib.request.Request(
                endpoint, data=SLOW.encode(), headers={"Origin": ORIGIN, "Content-Type": "application/sparql-query"}
            ),
            timeout=30,
        )
    except urllib.error.HTTPError as error:
        assert error.code == 503 and error.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_the_query_page_is_served_at_the_root(endpoint):
    status, kind, body = request(endpoint[: -len("query")])
    assert status == 200 and kind.startswith("text/html") and "yasgui" in body.lower()


def test_serve_stops_cleanly_on_sigterm(serving):
    process, url = serving
    assert request(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}))[0] == 200
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert process.stderr.read() == ""


@pytest.fixture
def busy_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_serve_on_a_busy_port_is_one_line_and_exit_3(busy_port):
    result = run_main("serve", "--port", str(busy_port))
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"liskg: error: 127.0.0.1:{busy_port} is already in use by another program; "
        "choose another --port (or --port 0 for any free one)\n"
    )


def test_server_serve_raises_unavailable_on_a_busy_port_before_printing(project, busy_port, capsys):
    with pytest.raises(Unavailable, match=f"127.0.0.1:{busy_port} is already in use"):
        server.serve(project, host="127.0.0.1", port=busy_port, timeout=1, inferred=True)
    assert capsys.readouterr().out == ""
