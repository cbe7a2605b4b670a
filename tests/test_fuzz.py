"""Fuzzing the command line with hypothesis: random queries, facet values and file contents.

Whatever the input, `liskg` answers (exit 0), reports a failed check (1), bad input (2) or a query
stopped at its time bound (4) in lines of its own: never a traceback, never an "internal error", never an exception out of main(), and
never a hang past the bound (hypothesis' deadline per example; queries run with --timeout 1).
main() is called in-process for speed, with stdout and stderr captured.

Reproducible: derandomize=True (examples derived from the test's source, not a random seed) and
no example database, so CI runs the same examples every time.

Argument strings exclude NUL (a shell cannot pass it) and lone surrogates (what Python makes of
bytes that are not UTF-8 in argv; see the report of issue 7 for that finding).
"""

from __future__ import annotations

import contextlib
import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import copy_built
from liskg.cli.main import main

FUZZ = settings(
    max_examples=50,
    deadline=timedelta(seconds=10),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

ARGUMENT_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """A built copy of the project, shared by the examples of this module."""
    os.environ.pop("LISKG_DEBUG", None)  # with it set, main() re-raises internal errors on purpose
    return copy_built(tmp_path_factory.mktemp("fuzz"))


def call(*argv: str) -> tuple[int, str, str]:
    """Run main(argv) in-process; any exception escaping main() fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_clean(code: int, out: str, err: str) -> None:
    event(f"exit {code}")  # shown by pytest --hypothesis-show-statistics
    assert code in (0, 1, 2, 4), (code, err)
    assert "Traceback" not in out + err
    assert "internal error" not in err, err
    for line in err.splitlines():  # every line on stderr is liskg's own
        assert line.startswith(("liskg: ", "[build] ")) or line.endswith("violation(s)"), line


# ---------------------------------------------------------------- queries

SPARQL_TOKENS = [
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "WHERE",
    "{",
    "}",
    "(",
    ")",
    ".",
    ";",
    ",",
    "*",
    "a",
    "?s",
    "?p",
    "?o",
    "?n",
    "liskg:Study",
    "liskg:referenceNumber",
    "lkd:review",
    "rdfs:label",
    "undeclared:x",
    "<https://w3id.org/liskg/ontology#Measurement>",
    '"LLZO"',
    '"x"@en',
    '"12"^^xsd:integer',
    "12",
    "12.5",
    "-1",
    "1e400",
    "FILTER",
    "OPTIONAL",
    "UNION",
    "MINUS",
    "GRAPH",
    "GROUP BY",
    "ORDER BY",
    "HAVING",
    "LIMIT 5",
    "OFFSET 2",
    "COUNT",
    "SUM",
    "DISTINCT",
    "AS",
    "BIND",
    "VALUES",
    "regex",
    "STR",
    "LANG",
    "=",
    "<",
    ">",
    "!=",
    "&&",
    "||",
    "!",
    "+",
    "/",
    "|",
    "^",
    "#",
    "\n",
    "\\",
    "'",
    "PREFIX liskg: <https://w3id.org/liskg/ontology#>",
    "PREFIX lkd: <https://w3id.org/liskg/data/>",
    "BASE <http://example.org/>",
    "INSERT DATA",
    "DELETE",
    "DELETE WHERE",
    "LOAD",
    "CLEAR ALL",
    "DROP ALL",
    "WITH",
    "SERVICE <http://127.0.0.1:9/sparql>",
]
TOKEN_QUERIES = st.lists(st.sampled_from(SPARQL_TOKENS), max_size=30).map(" ".join)
PATTERNS = [
    "?s a liskg:Study .",
    "?s liskg:referenceNumber ?n .",
    "?s rdfs:label ?l .",
    "?m liskg:numericValue ?v .",
    "?m liskg:hasUnit ?u .",
    "?s liskg:appliesStrategy ?x .",
    "?x a ?method .",
    "?s ?p ?o .",
    "FILTER(?n > 50)",
    'FILTER(regex(?l, "Li", "i"))',
    'FILTER(lang(?l) = "en")',
    "FILTER(?v / 0 > 1)",
    "OPTIONAL { ?s liskg:summary ?sum }",
    "BIND(STR(?l) AS ?t)",
    "BIND(?v * 2 AS ?w)",
    "{ ?s a liskg:Study } UNION { ?s a liskg:Material }",
    "MINUS { ?s a liskg:Claim }",
    "VALUES ?n { 107 60 }",
]
HEADS = [
    "SELECT *",
    "SELECT ?s ?l",
    "SELECT DISTINCT ?s",
    "SELECT (COUNT(*) AS ?c)",
    "SELECT ?x (SAMPLE(?l) AS ?any)",
    "ASK",
    "CONSTRUCT { ?s rdfs:label ?l }",
    "DESCRIBE ?s",
]
TAILS = ["", "LIMIT 20", "ORDER BY ?l LIMIT 5", "GROUP BY ?x", "OFFSET 3 LIMIT 2"]
PATTERN_QUERIES = st.builds(
    lambda head, body, tail: (
        "PREFIX liskg: <https://w3id.org/liskg/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"{head} WHERE {{ {' '.join(body)} }} {tail}"
    ),
    st.sampled_from(HEADS),
    st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=5),
    st.sampled_from(TAILS),
)
FORMATS = st.sampled_from(["table", "md", "csv", "tsv", "json", "xml", "nt", "ttl"])


@FUZZ
@given(text=st.one_of(ARGUMENT_TEXT, TOKEN_QUERIES, PATTERN_QUERIES), output=FORMATS)
def test_any_query_text_gets_an_answer_or_one_clear_error(root, text, output):
    code, out, err = call("--root", str(root), "query", "--timeout", "1", "--format", output, f"--expr={text}")
    assert_clean(code, out, err)
    if code:
        assert err.startswith("liskg: error: ") and len(err.splitlines()) == 1, err  # one line, whatever the text


@settings(FUZZ, max_examples=25)
@given(
    timeout=st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(["inf", "-inf", "nan", "1e308", "1e-308", "0", "-0", "5e-324", "abc", ""]),
    )
)
def test_any_timeout_value_is_used_or_refused_by_the_argument_parser(root, timeout):
    """--timeout inf used to end in an OverflowError from select(); argparse refusals are usage errors."""
    try:
        code, out, err = call(
            "--root",
            str(root),
            "query",
            f"--timeout={timeout}",
            "-f",
            "csv",
            "-e",
            "SELECT ?s WHERE { ?s a <https://w3id.org/liskg/ontology#Study> } LIMIT 2",
        )
    except SystemExit as exc:  # argparse: `liskg query: error: argument --timeout: ...`, exit 2
        assert exc.code == 2
        return
    assert_clean(code, out, err)
    if code:  # a bound too short for the query
        assert err.startswith("liskg: error: -e: stopped after ") and len(err.splitlines()) == 1, err
    else:
        assert len(out.splitlines()) == 3, out


# ---------------------------------------------------------------- facet values and names

SPECIAL_VALUES = st.sampled_from(
    [
        "",
        " ",
        "I",
        "IV",
        "V",
        "Li/SSE",
        "oxide",
        "garnet",
        "LLZO",
        "Li6PS5Cl",
        "dendrite",
        "107",
        "0",
        "-1",
        "99999999999999999999",
        "1e9",
        "3.5",
        '"',
        "'",
        "\\",
        "\\u0022",
        "} UNION { ?s ?p ?o",
        '" . } #',
        "%",
        "*",
        ".*",
        "(",
        "[",
        "\n",
        "\t",
        "ÿ",
        "β-Li3PS4",
        "李",
        "\u202e",
        "<script>",
        "/",
        "..",
        "../../etc/passwd",
        "queries/studies-per-section.rq",
        "nosuch.rq",
    ]
)
FACET_VALUES = st.one_of(SPECIAL_VALUES, ARGUMENT_TEXT)


@FUZZ
@given(
    command=st.sampled_from(["study", "material", "failure", "interface", "electrolyte", "query"]), value=FACET_VALUES
)
def test_any_facet_value_gets_an_answer_or_one_clear_error(root, command, value):
    if command in ("interface", "electrolyte"):
        argv = ["strategies", f"--{command}={value}"]
    else:
        argv = [command, "--timeout", "1", "--", value]
    code, out, err = call("--root", str(root), *argv)
    assert_clean(code, out, err)
    if code:
        assert err.startswith("liskg: error: ") and len(err.splitlines()) == 1, err


# ---------------------------------------------------------------- file contents

TURTLE_TOKENS = [
    "@prefix",
    "@base",
    "PREFIX",
    "lkd:",
    "liskg:",
    "xsd:",
    "ex:",
    "<https://w3id.org/liskg/data/x>",
    "<>",
    "<#a>",
    "lkd:review",
    "lkd:section-1",
    "lkd:new",
    "liskg:Study",
    "liskg:Measurement",
    "liskg:referenceNumber",
    "liskg:numericValue",
    "liskg:usesFoo",
    "rdfs:label",
    "owl:imports",
    "owl:NamedIndividual",
    "owl:Class",
    "a",
    ";",
    ",",
    ".",
    "[",
    "]",
    "(",
    ")",
    "_:b",
    '"x"',
    '"x"@en',
    '"""long\nstring"""',
    "12",
    "12.0",
    "1e3",
    "true",
    "^^xsd:integer",
    "^^xsd:string",
    "#",
    "\n",
    "\\",
    "<https://w3id.org/liskg/data/review>",
]
TURTLE_ISH = st.lists(st.sampled_from(TURTLE_TOKENS), max_size=40).map(" ".join).map(str.encode)
STATEMENTS = (
    st.lists(
        st.builds(
            lambda s, p, o: f"{s} {p} {o} .",
            st.sampled_from(["lkd:review", "lkd:section-1", "lkd:new", "lkd:ref-107", "liskg:Study", "<#a>", "_:b"]),
            st.sampled_from(
                [
                    "a",
                    "rdfs:label",
                    "liskg:referenceNumber",
                    "liskg:numericValue",
                    "liskg:statedInSection",
                    "liskg:citedIn",
                    "liskg:usesFoo",
                    "owl:imports",
                    "owl:sameAs",
                    "rdfs:subClassOf",
                ]
            ),
            st.sampled_from(
                [
                    "liskg:Study",
                    "liskg:Measurement",
                    "owl:NamedIndividual",
                    "liskg:OxideElectrolyte",
                    "liskg:SulfideElectrolyte",
                    "lkd:review",
                    "lkd:section-1",
                    "lkd:nowhere",
                    '"x"@en',
                    '"x"',
                    "12",
                    "12.0",
                    '"12"^^xsd:string',
                    "<https://w3id.org/liskg/data/review>",
                ]
            ),
        ),
        max_size=6,
    )
    .map("\n".join)
    .map(str.encode)
)
FILE_BYTES = st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode), TURTLE_ISH, STATEMENTS)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@settings(FUZZ, max_examples=40, deadline=timedelta(seconds=30))
@given(content=FILE_BYTES, append=st.booleans())
def test_any_file_contents_build_or_fail_with_one_clear_error_and_write_nothing(root, content, append):
    review = root / "graph_data" / "review.ttl"
    original = review.read_bytes()
    written = original + b"\n" + content if append else content
    try:
        review.write_bytes(written)
        before = snapshot(root / "build")
        code, out, err = call("--root", str(root), "build", "-q")
        assert_clean(code, out, err)
        assert review.read_bytes() == written  # the build never touches a source
        after = snapshot(root / "build")
        assert not [name for name in after if name.endswith(".tmp")]
        if code:
            assert err.startswith("liskg: error: "), err
            assert after == before  # nothing written by a failed build
    finally:
        review.write_bytes(original)
