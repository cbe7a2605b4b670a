"""Convert between Oxigraph terms (fast parsing and querying) and rdflib terms (SHACL, Turtle output, owlready2)."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
import rdflib


def to_rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def to_rdflib_graph(triples: Iterable) -> rdflib.Graph:
    """An rdflib Graph holding the given Oxigraph triples or quads (graph names are dropped)."""
    graph = rdflib.Graph()
    for t in triples:
        graph.add((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object)))
    return graph


def to_ox_term(term):
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def to_ox_triple(triple) -> ox.Triple:
    """An Oxigraph triple from an rdflib (subject, predicate, object) tuple."""
    return ox.Triple(*(to_ox_term(term) for term in triple))
