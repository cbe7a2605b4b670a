"""A hand-checked sample of studies: each expected fact was read off the review text, not off the graph.

For every study: first author, year (only where the review gives one), the sections that discuss it,
the interfaces its strategies address, and every number the review attaches to it (measurement
values and their conditions, as a set).
"""

from __future__ import annotations

import pytest

from liskg.querying.stats import counts

STUDY_FACTS = """
PREFIX liskg: <https://w3id.org/liskg/ontology#>
SELECT ?author ?year ?section ?interface WHERE {
  ?study liskg:referenceNumber ?ref .
  OPTIONAL { ?study liskg:firstAuthor ?author }
  OPTIONAL { ?study liskg:publicationYear ?year }
  OPTIONAL { ?study liskg:statedInSection/liskg:sectionNumber ?section }
  OPTIONAL { ?study liskg:appliesStrategy/liskg:atInterface/liskg:interfaceNumeral ?interface }
  FILTER(?ref = %REF%)
}"""

STUDY_NUMBERS = """
PREFIX liskg: <https://w3id.org/liskg/ontology#>
SELECT DISTINCT ?m ?p ?value WHERE {
  ?study liskg:referenceNumber %REF% .
  ?m liskg:reportedBy ?study ;
     ?p ?value .
  VALUES ?p { liskg:numericValue liskg:lowerBound liskg:upperBound liskg:orderOfMagnitude
              liskg:atTestTemperatureCelsius liskg:atCRate liskg:atCurrentDensity liskg:afterCycles }
}"""

# ref: (first author, year, sections, interfaces, numbers), all read from the review by hand.
# Yao [77]: LGPS in the cathode (III, IV) and a bilayer SSE (II) whose Li-compatible layer protects LGPS
# from lithium (I). Wang [80]: the electrolyte penetrates the porous cathode into a conductive framework (IV).
SAMPLE = {
    61: ("Hakari", None, {"2.1", "4"}, {"I"}, {300, 250, 72, 1100, 0.5, 980, 2, 2000}),
    96: ("Sakuma", None, {"2.1"}, {"I"}, {50, 184, 600, 9.2, 160}),
    66: ("Nagao", 2012, {"2.2"}, {"I", "III"}, {1, 920, 20, 0.064, 0.03, 25, 0.013}),
    98: ("Kato", 2016, {"2.2"}, {"I"}, {60, 3}),
    99: ("Luo", 2016, {"2.2"}, {"I"}, {10, -90, -40}),
    107: ("Sharafi", None, {"2.3"}, {"I"}, {175, 5822, 514}),
    67: ("Fu", 2017, {"2.3"}, {"I"}, {200, 950, 75, 1000, 99}),
    68: ("Lu", None, {"2.3"}, {"I"}, {2500, 250}),
    80: ("Wang", 2020, {"3.2"}, {"III", "IV"}, {6474, 722, 925, 100, 0.1, 79.2}),
    77: (
        "Yao",
        2017,
        {"3.1"},
        {"I", "II", "III", "IV"},
        {0.00827, 1526, 1385, 1336, 903, 502, 205, 0.05, 0.1, 0.5, 1, 2, 5, 830, 750, 60},
    ),
    83: ("Xu", 2017, {"3.3"}, {"III"}, {100, 454, 1, 400, 99}),
    124: ("Yuan", 2020, {"4.1"}, {"I", "III"}, {3, 3.3, 380, 100, 0.5, 1169, 0.01, 60, 950, 10, 70, 1.8, 2.3}),
}


def _rows(store, query, ref):
    return list(store.query(query.replace("%REF%", str(ref))))


@pytest.mark.parametrize("ref", sorted(SAMPLE))
def test_study_facts_match_the_review(store, ref):
    author, year, sections, interfaces, numbers = SAMPLE[ref]
    rows = _rows(store, STUDY_FACTS, ref)
    assert rows, f"no study with reference number {ref}"
    assert {r["author"].value for r in rows if r["author"]} == {author}
    assert {int(r["year"].value) for r in rows if r["year"]} == ({year} if year else set())
    assert {r["section"].value for r in rows if r["section"]} == sections
    assert {r["interface"].value for r in rows if r["interface"]} == interfaces
    found = {round(float(r["value"].value), 6) for r in _rows(store, STUDY_NUMBERS, ref)}
    assert found == {round(float(n), 6) for n in numbers}


def test_the_graph_is_about_as_large_as_the_review(store):
    found = counts(store)
    assert found["studies"] + found["cited_analyses"] >= 45
    assert found["materials"] >= 100
    assert found["failure_modes"] >= 30
    assert found["measurements"] >= 180
    assert found["claims"] >= 30
