"""Hostile queries (issue 25): bounded before Oxigraph parses them, and no request leaves the machine.

- Any text the bounds accept is parsed and evaluated by the real engine without crashing, in a thread
  with a 2 MiB stack, the stack of one `oxigraph serve` connection (hypothesis, nests and chains of
  every kind around the limits); any text over a bound gets one line.
- The page's twin of the scan (web/bounds.js, run by node) finds the same depth and pattern counts.
- A listener on 127.0.0.1 receives nothing from a SERVICE query through the CLI or the API, and does
  receive it when the person allows that host (so the listener would see a request).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
from datetime import timedelta

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import liskg
from conftest import ROOT, run_main
from liskg.base import bounds
from liskg.base.errors import LiskgError

STACK = 2 << 20  # bytes: a thread of `oxigraph serve` (Rust's default), the tightest stack a query meets
PROPERTIES = settings(
    max_examples=150,
    deadline=timedelta(seconds=20),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def in_small_stack(work) -> None:
    """Run WORK in a thread with a STACK-byte stack; a stack overflow there would end this process."""
    old = threading.stack_size(STACK)
    try:
        thread = threading.Thread(target=work)
        thread.start()
    finally:
        threading.stack_size(old)
    thread.join()


def engine_answers(text: str) -> None:
    def work():
        try:
            result = ox.Store().query(text)
            if isinstance(result, ox.QuerySolutions):
                list(result)
        except (SyntaxError, OSError, RuntimeError, ValueError, TypeError):
            pass

    in_small_stack(work)


# ---- nests and chains of every kind the engine recurses on

WRAPS = {
    "brace": ("{", "}"),
    "paren": ("(", ")"),
    "bracket": ("[ <http://e/p> ", " ]"),
    "collection": ("( ", " )"),
    "subselect": ("{ SELECT * WHERE { ", " } }"),
    "optional": ("{ ?s ?p ?o OPTIONAL ", " }"),
    "not": ("!", ""),
    "exists": ("EXISTS { FILTER(", ") }"),
    "triple": ("<< <http://e/s> <http://e/p> ", " >>"),
}
CHAINS = ["||", "&&", "+", "-", "*", "/", "=", "<"]


def nest(kinds: list[str], core: str) -> str:
    for kind in reversed(kinds):
        opening, closing = WRAPS[kind]
        core = opening + core + closing
    return core


@st.composite
def hostile(draw) -> str:
    """A query of the shapes that overflow Oxigraph's stack when repeated enough: nests, chains, unions."""
    form = draw(st.sampled_from(["pattern", "filter", "bind", "union", "path", "values", "filters"]))
    depth = draw(st.integers(0, 400))
    count = draw(st.integers(1, 1500))
    if form == "pattern":
        kinds = draw(st.lists(st.sampled_from(["brace", "subselect", "optional"]), min_size=depth, max_size=depth))
        return "SELECT * WHERE { " + nest(kinds, "?s ?p ?o") + " }"
    if form in ("filter", "bind"):
        kinds = draw(st.lists(st.sampled_from(["paren", "not", "exists"]), min_size=depth, max_size=depth))
        operator = draw(st.sampled_from(CHAINS))
        expression = nest(kinds, f" {operator} ".join(["1"] * count))
        return (
            f"SELECT * WHERE {{ FILTER({expression}) }}"
            if form == "filter"
            else f"SELECT * {{ BIND({expression} AS ?x) }}"
        )
    if form == "union":
        return "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * count) + " }"
    if form == "path":
        step = draw(st.sampled_from(["/", "|"]))
        return "SELECT * WHERE { ?s " + step.join(["<http://e/p>"] * count) + " ?o }"
    if form == "filters":
        return "SELECT * WHERE { ?s ?p ?o " + " ".join(["FILTER(?o)"] * count) + " }"
    kinds = draw(
        st.lists(st.sampled_from(["bracket", "collection", "triple"]), min_size=depth // 8, max_size=depth // 8)
    )
    return "SELECT * WHERE { <http://e/s> <http://e/p> " + nest(kinds, "1") + " }"


@PROPERTIES
@given(text=hostile())
def test_a_query_the_bounds_accept_never_crashes_the_engine(text):
    try:
        bounds.check(text)
    except LiskgError as refused:
        assert str(refused).startswith("query: refused: ") and "\n" not in str(refused)
        return
    engine_answers(text)  # a crash here ends the test run


TOKENS = [
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<<",
    ">>",
    "<",
    ">",
    "<=",
    "'",
    '"',
    "'''",
    "#",
    "\n",
    " ",
    "?x",
    "1",
    "1.5",
    "ex:a",
    "ex:a\\'",
    "<http://e/a#b>",
    "<a'b>",
    "||",
    "&&",
    "!",
    "+",
    "-",
    "/",
    "|",
    "^",
    "^^",
    ".",
    ";",
    ",",
    "FILTER",
    "BIND",
    "AS",
    "UNION",
    "OPTIONAL",
    "SERVICE",
    "a",
    "true",
    "\\",
    "@en",
    "é",
    "_:b",
]
SOUP = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


@PROPERTIES
@given(text=SOUP)
def test_any_token_soup_is_refused_in_one_line_or_never_crashes_the_engine(text):
    query = "SELECT * WHERE { " + text + " }"
    try:
        bounds.check(query)
    except LiskgError as refused:
        assert "\n" not in str(refused)
        return
    engine_answers(query)


@PROPERTIES
@given(text=SOUP)
def test_an_ascii_text_is_lexed_as_with_the_full_name_classes(text):
    """The scan lexes a text of ASCII alone with the name classes cut to their ASCII part (compiling the full
    ones costs 20 ms at start-up): from every position, the same token as the full pattern finds."""
    query = "SELECT * WHERE { " + text + " }"
    if not query.isascii():  # é: scanned with the full pattern
        return
    full = bounds._unicode_token()
    for position in range(len(query)):
        cut, whole = bounds._ASCII_TOKEN.match(query, position), full.match(query, position)
        assert (cut.lastgroup, cut.end()) == (whole.lastgroup, whole.end()), (query, position)


def test_oxigraph_overflows_where_the_bounds_refuse():
    """The bound sits well below the engine's own limit: 5,000 nested { end Oxigraph (issue 25), and the
    largest nest the bound accepts is far from the depth at which a 2 MiB stack overflows (about 540)."""
    deepest = "SELECT * WHERE " + "{" * 63 + "}" * 63
    bounds.check(deepest)
    engine_answers(deepest)
    for text in (
        "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
        "SELECT * WHERE " + "{" * 5000,
        "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
        "SELECT * WHERE { FILTER(" + " || ".join(["true"] * 3000) + ") }",
        "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 3000) + " }",
        'SELECT * WHERE { FILTER(?a<1#> "\n) ' + "(" * 3000 + '"',  # a comparison before a comment: no hiding
        "SELECT * WHERE { ?s ?p " + "[ ?p " * 100 + "1" + " ]" * 100 + " }",  # ~10 s to parse at this depth
    ):
        with pytest.raises(LiskgError, match=r"^query: refused: the query nests deeper than the 128 levels"):
            bounds.check(text)


def test_length_and_patterns_are_bounded():
    with pytest.raises(LiskgError, match=r"^query: refused: the query is 70,000 characters long; at most 65,536"):
        bounds.check("#" * 70_000)
    many = "SELECT * WHERE { " + " ".join(f"?s <http://e/p> ?o{i} ." for i in range(1200)) + " }"
    with pytest.raises(LiskgError, match=r"more than the 1,000 triple patterns accepted"):
        bounds.check(many)


def test_every_named_and_package_query_is_well_within_the_bounds():
    texts = [p.read_text() for p in (ROOT / "queries").glob("*.rq")]
    texts += [p.read_text() for p in (ROOT / "src" / "liskg").rglob("*.rq")]
    shapes = [bounds.scan(text) for text in texts]
    assert max(s.depth for s in shapes) <= bounds.DEPTH // 2
    assert max(s.patterns for s in shapes) <= bounds.PATTERNS // 10


# ---- the page's twin

NODE = shutil.which("node") or shutil.which("nodejs")


@pytest.mark.skipif(NODE is None, reason="node is not installed (make test installs Debian's nodejs)")
def test_the_page_scan_counts_as_the_python_scan(tmp_path):
    import random

    rng = random.Random(25)
    texts = ["".join(rng.choice(TOKENS) for _ in range(rng.randint(0, 80))) for _ in range(400)]
    texts += [p.read_text() for p in (ROOT / "queries").glob("*.rq")]
    limits = {
        "length": bounds.LENGTH,
        "depth": bounds.DEPTH,
        "patterns": bounds.PATTERNS,
        "tripleNode": bounds.TRIPLE_NODE,
    }
    web = ROOT / "src" / "liskg" / "viz" / "web"
    script = tmp_path / "scan.js"
    script.write_text(
        f"const LISKG_BOUNDS = {json.dumps(limits)};\n"
        + (web / "bounds.js").read_text()
        + "\nconst texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        "console.log(JSON.stringify(texts.map((t) => { const s = liskgBounds.scan(t); "
        "return [s.depth, s.patterns, s.services]; })));\n"
    )
    done = subprocess.run([NODE, str(script)], input=json.dumps(texts), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    page = json.loads(done.stdout)
    python = [[s.depth, s.patterns, s.services] for s in map(bounds.scan, texts)]
    mismatches = [(t, p, q) for t, p, q in zip(texts, page, python) if p != q]
    assert not mismatches, mismatches[:3]


# ---- no request leaves the machine


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.stopped.set()
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    opened = Listener()
    yield opened
    opened.close()


def service_query(port: int) -> str:
    return f"SELECT ?o WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


def test_the_cli_sends_nothing_unless_the_host_is_allowed(listener, project):
    result = run_main("--root", str(project.root), "query", "-f", "csv", "-e", service_query(listener.port))
    assert result.code == 2 and listener.connections == 0
    assert result.err == (
        f"liskg: error: -e: refused: SERVICE <http://127.0.0.1:{listener.port}/sparql> would send the query to "
        "127.0.0.1; federated queries are off unless allowed (--allow-service 127.0.0.1)\n"
    )
    hidden = (
        f"PREFIX r: <http://127.0.0.1:{listener.port}/>\nSELECT * WHERE {{ SERVICE SILENT r:sparql {{ ?s ?p ?o }} }}"
    )
    assert run_main("--root", str(project.root), "query", "-e", hidden).code == 2
    by_variable = "SELECT * WHERE { BIND(<http://127.0.0.1/> AS ?where) SERVICE ?where { ?s ?p ?o } }"
    assert run_main("--root", str(project.root), "query", "-e", by_variable).code == 2
    other = run_main(
        "--root", str(project.root), "query", "-e", service_query(listener.port), "--allow-service", "example.org"
    )
    assert other.code == 2 and listener.connections == 0
    allowed = run_main(
        "--root",
        str(project.root),
        "query",
        "-f",
        "csv",
        "-e",
        service_query(listener.port),
        "--allow-service",
        "127.0.0.1",
        "--timeout",
        "10",
    )
    assert allowed.code != 0 and listener.connections >= 1  # allowed: the query went out (and got no answer)


def test_the_api_sends_nothing_and_raises_one_line(listener, project):
    with pytest.raises(LiskgError, match=r"^query: refused: SERVICE <http://127\.0\.0\.1:\d+/sparql> would send"):
        liskg.query(project, service_query(listener.port))
    with pytest.raises(LiskgError, match=r"^query: refused: the query nests deeper"):
        liskg.query(project, "SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    assert listener.connections == 0


def test_the_issue_rows_through_the_cli_and_the_api(project):
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    result = run_main("--root", str(project.root), "query", "-e", deep)
    assert result.code == 2 and result.err.startswith("liskg: error: -e: refused: the query nests deeper")
    assert len(result.err.splitlines()) == 1
    assert "the query nests deeper" in str(pytest.raises(LiskgError, liskg.query, project, deep).value)


def test_help_documents_the_bounds():
    text = run_main("query", "--help").out
    assert "at most 65,536 characters" in text and "at most 128 levels" in text and "at most 1,000" in text
    assert "--allow-service HOST" in text
