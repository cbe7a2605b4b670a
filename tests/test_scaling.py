"""docs/scaling.md, run: the release loads into Oxigraph server, Jena TDB2 (Fuseki's store) and Virtuoso
with the page's own commands, and every named query, sent unchanged, gets the answer `liskg query`
gets (on Virtuoso: the same rows in the same order, cell for cell)."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.parse
import urllib.request
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, locked, run_cli
from liskg.base import named as queries
from liskg.base import runner
from liskg.base.project import Project
from liskg.base.vocab import NUMERIC_TYPES as NUMERIC
from liskg.base.vocab import shorten as compact
from query_support import plain
from support.scaling_page import Virtuoso, commands, free_port, virtuoso_installed, wait_for_port

RELEASE = ROOT / "build" / "release"
NAMES = sorted(queries.named_queries(Project(ROOT)))
JENA_JARS = [
    "jena-arq",
    "jena-base",
    "jena-cmds",
    "jena-core",
    "jena-dboe-base",
    "jena-dboe-index",
    "jena-dboe-storage",
    "jena-dboe-trans-data",
    "jena-dboe-transaction",
    "jena-iri",
    "jena-rdfconnection",
    "jena-tdb",
    "jena-tdb2",
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpcore",
    "jackson-annotations",
    "jackson-core",
    "jackson-databind",
    "jakarta.json-api",
    "jsonld-java",
    "protobuf",
    "thrift",
    "titanium-json-ld",
    "slf4j-api",
    "slf4j-nop",
]


@pytest.fixture(scope="module")
def release_file():
    """build/release/liskg-inferred.nt of the current build (released again when the build moved on, unless
    test_release.py, holding the same lock, just did)."""
    inferred = ROOT / "build" / "liskg-inferred.nt"
    with locked("release"):
        if (
            not (RELEASE / "liskg-inferred.nt").exists()
            or (RELEASE / "liskg-inferred.nt").read_bytes() != inferred.read_bytes()
        ):
            assert run_cli("release", timeout=900).code == 0
    return RELEASE / "liskg-inferred.nt"


@pytest.fixture(scope="module")
def expected(store):
    project = Project(ROOT)
    return {
        name: Counter(
            tuple(plain(t) for t in row)
            for row in runner.run(store, queries.named_queries(project)[name].text, timeout=120).rows
        )
        for name in NAMES
    }


@pytest.fixture(scope="module")
def expected_rows(store):
    """Each named query's rows on Oxigraph, in order, as plain values (query_support.plain)."""
    project = Project(ROOT)
    return {
        name: [
            tuple(plain(t) for t in row)
            for row in runner.run(store, queries.named_queries(project)[name].text, timeout=120).rows
        ]
        for name in NAMES
    }


def json_plain(binding: dict | None):
    """A SPARQL JSON results binding as the same plain value query_support.plain gives."""
    if binding is None:
        return None
    if binding["type"] == "uri":
        return compact(binding["value"])
    datatype = binding.get("datatype", "")
    if datatype in NUMERIC:
        return Decimal(f"{Decimal(binding['value']):.9g}")
    if datatype.endswith("#boolean"):
        return binding["value"] in ("true", "1")  # Virtuoso writes xsd:boolean true as 1
    return binding["value"]


def json_list(payload: bytes) -> list[tuple]:
    """The rows of a SPARQL JSON results document, in order, as plain values."""
    data = json.loads(payload)
    names = data["head"]["vars"]
    return [tuple(json_plain(row.get(n)) for n in names) for row in data["results"]["bindings"]]


def json_rows(payload: bytes) -> Counter:
    return Counter(json_list(payload))


def localized(args: list[str], tmp_path: Path, port: int) -> list[str]:
    return [
        a.replace("build/release/", f"{RELEASE}/")
        .replace("liskg-store", str(tmp_path / "liskg-store"))
        .replace("liskg-tdb2", str(tmp_path / "liskg-tdb2"))
        .replace("127.0.0.1:7878", f"127.0.0.1:{port}")
        for a in args
    ]


def test_oxigraph_server_answers_every_named_query_unchanged(release_file, expected, tmp_path):
    oxigraph = str(Path(os.sys.executable).parent / "oxigraph")
    port = free_port()
    load, serve = (localized(c, tmp_path, port) for c in commands("Oxigraph server", "oxigraph "))
    assert load[:2] == ["oxigraph", "load"] and serve[:2] == ["oxigraph", "serve-read-only"]
    subprocess.run([oxigraph, *load[1:]], check=True, capture_output=True, timeout=300)
    server = subprocess.Popen([oxigraph, *serve[1:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/query"
        wait_for_port(port, 60)
        for name in NAMES:
            text = (ROOT / "queries" / f"{name}.rq").read_bytes()
            request = urllib.request.Request(
                url,
                data=text,
                method="POST",
                headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                assert json_rows(response.read()) == expected[name], name
        curl = localized(commands("Oxigraph server", "curl ")[0], tmp_path, port)
        out = subprocess.run(curl, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout
        assert (
            out.splitlines()[0]
            == "study,method,strategy,electrolyte,quantity,baseline,baselineQualifier,qualifier,value,unit,doubtful"
        )
        assert len(out.splitlines()) - 1 == sum(expected["oxide-anode-strategies"].values())
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def jena_classpath(tmp_path_factory):
    jars = [Path(f"/usr/share/java/{name}.jar") for name in JENA_JARS]
    if not all(jar.exists() for jar in jars):
        pytest.skip("Debian's libapache-jena-java is not installed (make test installs it)")
    fix = tmp_path_factory.mktemp("jena-xerces-messages")
    with zipfile.ZipFile("/usr/share/java/jena-core.jar") as jar:  # the packaging fault docs/scaling.md describes
        for member in jar.namelist():
            if member.startswith("org/apache/jena/ext/xerces/impl/") and not member.endswith("/"):
                target = fix / "xerces" / "impl" / member.removeprefix("org/apache/jena/ext/xerces/impl/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(member))
    return ":".join([str(fix)] + [str(j) for j in jars])


@pytest.mark.java
def test_jena_tdb2_answers_every_named_query_unchanged(release_file, expected, jena_classpath, tmp_path):
    load, query = (localized(c, tmp_path, 0) for c in commands("Apache Jena Fuseki (TDB2)", "tdb2."))
    java = ["java", "-cp", jena_classpath]
    subprocess.run(java + load, check=True, capture_output=True, timeout=600)
    example = subprocess.run(java + query, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout
    assert "| study " in example.splitlines()[1]
    for name in NAMES:
        args = [
            query[0],
            "--loc",
            str(tmp_path / "liskg-tdb2"),
            "--results=JSON",
            "--query",
            str(ROOT / "queries" / f"{name}.rq"),
        ]
        out = subprocess.run(java + args, capture_output=True, timeout=120, check=True).stdout
        assert json_rows(out) == expected[name], name


@pytest.fixture(scope="module")
def virtuoso(release_file, tmp_path_factory):
    """A throwaway Virtuoso database made, loaded and queried with the page's own configuration and commands,
    on free ports of 127.0.0.1; stopped after. Yields (HTTP port, the page's curl command localized)."""
    if not virtuoso_installed():
        pytest.skip("Debian's virtuoso-opensource-7-bin is not installed (make test installs it)")
    database = Virtuoso(tmp_path_factory.mktemp("liskg-virtuoso"), release_file)
    try:
        yield database.http, database.curl
    finally:
        database.stop()


def virtuoso_answer(port: int, text: str) -> list[tuple]:
    body = urllib.parse.urlencode({"query": text, "default-graph-uri": "https://w3id.org/liskg/data"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/sparql", data=body, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return json_list(response.read())


def test_virtuoso_answers_every_named_query_cell_for_cell(virtuoso, expected_rows):
    port, curl = virtuoso
    different = [
        name
        for name in NAMES
        if virtuoso_answer(port, (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")) != expected_rows[name]
    ]
    assert different == []
    out = subprocess.run(curl, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.splitlines()[0] == (
        '"study","method","strategy","electrolyte","quantity","baseline","baselineQualifier","qualifier","value","unit","doubtful"'
    )
    assert len(out.splitlines()) - 1 == len(expected_rows["oxide-anode-strategies"])
