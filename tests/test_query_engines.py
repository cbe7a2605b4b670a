"""Every named query gives the same answers on two SPARQL engines, and on the asserted graph as on the inferred one."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import ROOT
from liskg.base import named, runner
from liskg.base.project import INFERRED, Project
from query_support import plain

NAMES = sorted(named.named_queries(Project(ROOT)))


def computed_terms() -> set[str]:
    """The liskg: terms the build's rules put in a CONSTRUCT template (derived links, not source data)."""
    import re

    from liskg.builder.inference import rule_queries

    terms = set()
    for text in rule_queries().values():
        template = text[text.index("CONSTRUCT") : text.index("WHERE")]
        terms |= set(re.findall(r"liskg:\w+", template))
    return terms


@pytest.fixture(scope="module")
def rdflib_graph(store, project):
    import rdflib

    graph = rdflib.Graph()
    graph.parse(project.build_dir / INFERRED, format="nt")
    return graph


@pytest.fixture(scope="module")
def asserted_store(project):
    from liskg import open_store

    return open_store(project, inferred=False)


def oxigraph_rows(store, text):
    return Counter(tuple(plain(t) for t in row) for row in runner.run(store, text, timeout=None).rows)


@pytest.mark.parametrize("name", NAMES)
def test_pyoxigraph_and_rdflib_agree(name, project, store, rdflib_graph):
    text = named.named_queries(project)[name].text
    expected = oxigraph_rows(store, text)
    rdflib_result = rdflib_graph.query(text)
    got = Counter(tuple(plain(row[v]) for v in rdflib_result.vars) for row in rdflib_result)
    assert [str(v) for v in rdflib_result.vars] == runner.run(store, text, timeout=None).variables
    assert got == expected
    assert expected, f"{name} returned nothing; the comparison would be empty"


@pytest.mark.parametrize("name", NAMES)
def test_same_answer_without_materialized_inferences(name, project, store, asserted_store):
    """A query that reads no build-computed link answers the same on the asserted graph alone."""
    text = named.named_queries(project)[name].text
    used = sorted(term for term in computed_terms() if term in text)
    if used:
        pytest.skip(f"reads links only the build computes: {', '.join(used)}")
    assert oxigraph_rows(asserted_store, text) == oxigraph_rows(store, text)


def test_computed_links_are_the_ones_the_docs_name():
    assert computed_terms() == {
        "liskg:forCell",
        "liskg:involvesElectrolyte",
        "liskg:actsOnElectrolyte",
        "liskg:normalizedValue",
        "liskg:normalizedLowerBound",
        "liskg:normalizedUpperBound",
        "liskg:fieldUnit",
        "liskg:fieldValue",
        "liskg:fieldLowerBound",
        "liskg:fieldUpperBound",
        "liskg:directType",
        "liskg:directSuperClass",
        "liskg:methodMitigates",
        "liskg:methodRisks",
        "liskg:methodLeavesUnsolved",
        "liskg:assertionBasis",
        "liskg:StatedInReview",
    }
