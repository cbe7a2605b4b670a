"""Profile-driven rewrites of the named queries, measured against the originals (the before/after of a fix).

Oxigraph evaluates a class-hierarchy path such as `?narrower rdfs:subClassOf+ ?method` afresh for every
solution that reaches it, inside FILTER NOT EXISTS and in joins alike, and on the inferred graph every
class has all its ancestors as direct superclasses, so each walk is long. Put in a sub-SELECT, the
path is evaluated once into a small (class, ancestor) table that is then joined. Answers stay
identical on the asserted and the inferred graph; bench checks that on both.

A rewrite applies to every named query that contains its `before` text (whitespace-insensitive).
"""

from __future__ import annotations

import re

REWRITES = {
    "most specific class: MINUS with a sub-SELECT of strict subclass pairs": (
        "FILTER NOT EXISTS { ?strategy rdf:type ?narrower . ?narrower rdfs:subClassOf+ ?method . }",
        "MINUS { ?strategy rdf:type ?narrower . { SELECT ?narrower ?method WHERE { ?narrower rdfs:subClassOf+ ?method } } }",
    ),
    "method family: sub-SELECT of (method, family) pairs": (
        """?method rdfs:subClassOf* ?family .
           ?family rdfs:subClassOf liskg:ProcessingMethod .
           FILTER NOT EXISTS { ?family rdfs:subClassOf ?middle . ?middle rdfs:subClassOf liskg:ProcessingMethod . }""",
        """{ SELECT ?method ?family WHERE {
             ?method rdfs:subClassOf* ?family .
             ?family rdfs:subClassOf liskg:ProcessingMethod .
             FILTER NOT EXISTS { ?family rdfs:subClassOf ?middle . ?middle rdfs:subClassOf liskg:ProcessingMethod . } } }""",
    ),
    "method family (counting query): sub-SELECT of (method, family) pairs": (
        """?methodFamily rdfs:subClassOf liskg:ProcessingMethod .
           FILTER NOT EXISTS { ?methodFamily rdfs:subClassOf ?middle . ?middle rdfs:subClassOf liskg:ProcessingMethod . }
           ?method rdfs:subClassOf* ?methodFamily .""",
        """{ SELECT ?method ?methodFamily WHERE {
             ?methodFamily rdfs:subClassOf liskg:ProcessingMethod .
             FILTER NOT EXISTS { ?methodFamily rdfs:subClassOf ?middle . ?middle rdfs:subClassOf liskg:ProcessingMethod . }
             ?method rdfs:subClassOf* ?methodFamily . } }""",
    ),
}


def _pattern(text: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(token) for token in text.split()))


def rewritten(queries: dict[str, str]) -> dict[str, tuple[str, str]]:
    """name -> (rewrite title, rewritten text) for every named query a rewrite applies to."""
    result = {}
    for name, text in queries.items():
        for title, (before, after) in REWRITES.items():
            new, count = _pattern(before).subn(lambda _m, a=after: a, text)
            if count:
                result[name] = (title, new)
    return result
