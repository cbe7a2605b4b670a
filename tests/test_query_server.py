"""`liskg serve`: Oxigraph's read-only SPARQL 1.1 Protocol endpoint on a free local port, queried over HTTP."""

from __future__ import annotations

import csv
import io
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from liskg.query import server

QUERY = ("PREFIX liskg: <https://w3id.org/liskg/ontology#> "
         "SELECT ?study WHERE { ?study liskg:referenceNumber 107 }")
REF_107 = "https://w3id.org/liskg/data/ref-107"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(project):
    port = free_port()
    process = server.start(project, port=port, timeout=1)
    yield server.url("127.0.0.1", port)
    process.terminate()
    process.wait(timeout=10)


def request(url, *, data=None, headers=None, timeout=30):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def test_get_with_json_results(endpoint):
    status, kind, body = request(endpoint + "?" + urllib.parse.urlencode({"query": QUERY}),
                                 headers={"Accept": "application/sparql-results+json"})
    assert (status, kind.split(";")[0]) == (200, "application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"] == [{"study": {"type": "uri", "value": REF_107}}]


def test_post_form_with_csv_results(endpoint):
    status, kind, body = request(endpoint, data=urllib.parse.urlencode({"query": QUERY}).encode(),
                                 headers={"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"})
    assert (status, kind.split(";")[0]) == (200, "text/csv")
    assert list(csv.reader(io.StringIO(body))) == [["study"], [REF_107]]


def test_post_query_body_with_tsv_and_xml(endpoint):
    for accept, expected in (("text/tab-separated-values", f"<{REF_107}>"), ("application/sparql-results+xml", REF_107)):
        status, kind, body = request(endpoint, data=QUERY.encode(),
                                     headers={"Accept": accept, "Content-Type": "application/sparql-query"})
        assert (status, kind.split(";")[0]) == (200, accept)
        assert expected in body


def test_the_endpoint_answers_over_the_inferred_graph(endpoint):
    ask = ("PREFIX liskg: <https://w3id.org/liskg/ontology#> "
           "ASK { <https://w3id.org/liskg/data/mat-llzo> a liskg:OxideElectrolyte }")
    status, _kind, body = request(endpoint + "?" + urllib.parse.urlencode({"query": ask}),
                                  headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_updates_are_refused(endpoint):
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    status, _kind, body = request(endpoint.replace("/query", "/update"), data=update.encode(),
                                  headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _kind, _body = request(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 400  # an update is not a query


def test_oversized_request_is_refused(endpoint):
    huge = QUERY + " #" + "x" * 16_000  # the server's header limit is 8 KiB, so a GET this long is refused
    status, _kind, body = request(endpoint + "?" + urllib.parse.urlencode({"query": huge}))
    assert status == 400 and "8kb" in body


def test_time_bound_cancels_a_slow_query(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
    start = time.perf_counter()
    _status, _kind, body = request(endpoint, data=slow.encode(), headers={"Content-Type": "application/sparql-query"})
    assert time.perf_counter() - start < 15
    assert "cancelled" in body
