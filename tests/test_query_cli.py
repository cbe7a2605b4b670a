"""`liskg query` as a user runs it: listing, formats, and every error as one line without a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from conftest import ROOT, run_main
from liskg.base import named
from liskg.base.project import Project

NAMED = named.named_queries(Project(ROOT))
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def one_line_error(result, *fragments):
    assert result.code != 0
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def test_there_are_at_least_15_named_queries_each_with_question_and_answer_shape():
    assert len(NAMED) >= 15
    for name, query in NAMED.items():
        assert query.question.endswith("?"), f"{name}: the header needs '# Question: ...?'"
        assert len(query.answer) > 20, f"{name}: the header needs '# Answer: ...' describing the rows"


def test_list_shows_every_named_query_with_its_question():
    result = run_main("query", "--list")
    assert result.code == 0
    for name, query in NAMED.items():
        assert f"\n  {name}\n" in result.out  # grouped by topic
        assert " ".join(query.question.split()[:3]) in result.out
    assert f"{len(NAMED)} named queries" in result.out


def test_table_shows_labels_and_units_not_iris():
    result = run_main("query", "resistance-reduction", "--wide")
    assert result.code == 0, result.err
    assert "Sharafi et al. [107]" in result.out
    assert "5822 Ω cm²" in result.out and "514 Ω cm²" in result.out and "11.3×" in result.out
    assert "https://" not in result.out
    assert result.out.rstrip().endswith("rows)")


def test_json_is_sparql_results_json_with_raw_iris():
    result = run_main("query", "longest-cycling", "--format", "json")
    document = json.loads(result.out)
    assert document["head"]["vars"] == ["study", "measurement", "quantity", "value", "unit", "cycles"]
    row = document["results"]["bindings"][0]
    assert row["study"] == {"type": "uri", "value": "https://w3id.org/liskg/data/ref-61"}
    assert row["cycles"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


@pytest.mark.parametrize(
    "fmt, first_line",
    [
        ("csv", "study,measurement,quantity,value,unit,cycles"),
        ("tsv", "?study\t?measurement\t?quantity\t?value\t?unit\t?cycles"),
        ("md", "| study | quantity | value | conditions | measurement |"),
    ],
)
def test_other_formats(fmt, first_line):
    result = run_main("query", "longest-cycling", "--format", fmt)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == first_line


def test_query_file_and_inline_query(tmp_path):
    path = tmp_path / "cells.rq"
    path.write_text("PREFIX liskg: <https://w3id.org/liskg/ontology#>\nASK { ?cell a liskg:PouchCell }\n")
    assert run_main("query", str(path)).out.strip() == "true"
    inline = run_main(
        "query",
        "-e",
        "PREFIX liskg: <https://w3id.org/liskg/ontology#> "
        "SELECT ?n WHERE { ?s liskg:referenceNumber ?n FILTER(?n = 107) }",
        "--format",
        "csv",
    )
    assert inline.out.splitlines() == ["n", "107"]


def test_construct_prints_turtle_with_prefixes():
    result = run_main(
        "query",
        "-e",
        "PREFIX liskg: <https://w3id.org/liskg/ontology#> CONSTRUCT "
        "{ ?s liskg:referenceNumber ?n } WHERE { ?s liskg:referenceNumber ?n FILTER(?n = 107) }",
        "--format",
        "ttl",
    )
    assert "lkd:ref-107 liskg:referenceNumber 107 ." in result.out


def test_asserted_only_misses_what_only_inference_gives():
    ask = (
        "PREFIX liskg: <https://w3id.org/liskg/ontology#> "
        "ASK { <https://w3id.org/liskg/data/mat-llzo> a liskg:OxideElectrolyte }"
    )
    assert run_main("query", "-e", ask).out.strip() == "true"
    assert run_main("query", "-e", ask, "--asserted-only").out.strip() == "false"


def test_cold_query_is_fast_and_never_imports_rdflib_the_shacl_validator_or_owlready2():
    run_main("query", "longest-cycling")  # the build is current afterwards
    script = (
        "import sys, time; start = time.perf_counter()\n"
        "from liskg.cli.main import main\n"
        "code = main(['query', 'oxide-anode-strategies'])\n"
        "heavy = sorted(m for m in ('rdflib', 'pyshacl_turbo', 'owlready2') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stderr
    assert elapsed < 2.0  # measured about 0.25 s; the bound leaves room for a busy CI machine


def test_syntax_error_reports_line_and_column():
    # Oxigraph's parser reports where it gave up: here the end of the third line
    result = run_main("query", "-e", "PREFIX liskg: <https://w3id.org/liskg/ontology#>\nSELECT ?x WHERE {\n  ?x ?y }")
    line = one_line_error(result, "line 3, column 10")
    assert line.startswith("liskg: error: -e:3:10: SPARQL syntax error")


def test_syntax_error_in_a_file_names_the_file(tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("SELECT * WHERE {\n  ?s ?p ?o\n  FILTER(?o = )\n}\n")
    one_line_error(run_main("query", str(path)), f"{path}:", "SPARQL syntax error at line")


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
        "PREFIX ex: <http://example.org/#>\n# a comment\nDELETE WHERE { ?s ex:p ?o }",
        "DROP ALL",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_update_is_refused(update):
    one_line_error(run_main("query", "-e", update), "refused", "SPARQL UPDATE", "read-only")


def test_unknown_name_suggests_the_closest_names():
    one_line_error(
        run_main("query", "resistance-reduktion"),
        "no named query 'resistance-reduktion'",
        "did you mean resistance-reduction",
    )
    one_line_error(run_main("query", "oxide"), "did you mean", "oxide-anode-strategies")


def test_missing_file():
    one_line_error(run_main("query", "no/such/query.rq"), "no/such/query.rq: no such file")


def test_name_and_inline_together_is_an_error():
    one_line_error(run_main("query", "longest-cycling", "-e", "ASK {}"), "not both")


def test_time_bound_stops_a_slow_query():
    start = time.perf_counter()
    result = run_main("query", "--timeout", "1", "-e", SLOW)
    assert time.perf_counter() - start < 10
    one_line_error(result, "stopped after 1 s", "--timeout")


def test_help_examples_name_real_queries():
    import re

    from liskg.cli.commands import query as command

    for name in re.findall(r"liskg query ([a-z][a-z-]+)(?=\s|$)", command.DESCRIPTION, re.M):
        assert name in NAMED, f"`liskg query --help` shows an example with no such query: {name}"
