"""A pitfall scan of the ontology, beside the OWL API's OWL 2 DL profile check: what a reasoner cannot flag but
a community extending the ontology in Protégé trips over.

Each finding is one line 'file:line: rule: what is wrong; what to do', sorted. The rules:

- missing-domain, missing-range: an object or datatype property with no rdfs:domain or rdfs:range (its own
  or a super-property's).
- missing-inverse: an object property with no named inverse (owl:inverseOf either way, its own or a
  super-property's) and no skos:editorialNote beginning "No inverse:" that says why.
- single-subclass: a class with exactly one subclass and no skos:editorialNote beginning "Single subclass:".
- x-or-y: a class labelled "X or Y" or "X and Y" (or named XOrY) without a skos:editorialNote saying why it
  is one concept.
- unconnected: a class or property that no axiom links to any other term (no super- or subclass, domain,
  range, inverse, restriction or disjointness; no super- or sub-property).
- label-iri: a label that disagrees with its IRI: some word of the IRI's local name is in neither the label
  nor any skos:altLabel (liskg:MoistureInstability labelled "hydrolysis and H2S release").

Deprecated terms are left out. Only the terms of LiSKG's own namespace are linted; the SHACL shapes are not
part of the ontology.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from liskg.base.project import Project
from liskg.base.vocab import LISKG, shorten

MODULES = ("liskg.ttl", "units.ttl", "quantities.ttl")
STOPWORDS = {"of", "or", "and"}
RULES = ("missing-domain", "missing-range", "missing-inverse", "single-subclass", "x-or-y", "unconnected", "label-iri")


def lint(project: Project) -> list[str]:
    """Every finding of the ontology modules of PROJECT, one line each, sorted by file, line and rule."""
    graph, where = rdflib.Graph(), dict[str, Path]()
    for name in MODULES:
        path = project.ontology_dir / name
        module = rdflib.Graph().parse(path, format="turtle")
        graph += module
        for s in module.subjects(RDF.type, None):
            if isinstance(s, rdflib.URIRef):
                where.setdefault(str(s), path)
    findings = [
        (where.get(term, project.ontology_dir / MODULES[0]), term, rule, message) for term, rule, message in scan(graph)
    ]
    lines = {
        (project.relative(path), _declared_at(path, term), rule, message) for path, term, rule, message in findings
    }
    return [f"{file}:{line}: {rule}: {message}" for file, line, rule, message in sorted(lines)]


def scan(graph: rdflib.Graph) -> list[tuple[str, str, str]]:
    """(term IRI, rule, message) for every finding in GRAPH (the ontology modules as one graph)."""

    def own(term) -> bool:
        return isinstance(term, rdflib.URIRef) and str(term).startswith(LISKG)

    retired = set(graph.subjects(OWL.deprecated, rdflib.Literal(True)))
    classes = sorted((c for c in graph.subjects(RDF.type, OWL.Class) if own(c) and c not in retired), key=str)
    object_props = sorted(
        (p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if own(p) and p not in retired), key=str
    )
    data_props = sorted(
        (p for p in graph.subjects(RDF.type, OWL.DatatypeProperty) if own(p) and p not in retired), key=str
    )
    notes = {(s, str(n).split(":", 1)[0]) for s, n in graph.subject_objects(SKOS.editorialNote)}
    found: list[tuple[str, str, str]] = []

    def supers(prop):
        return list(graph.transitive_objects(prop, RDFS.subPropertyOf))

    for prop in object_props + data_props:
        for side, rule in ((RDFS.domain, "missing-domain"), (RDFS.range, "missing-range")):
            if not any(graph.value(p, side) is not None for p in supers(prop)):
                found.append(
                    (str(prop), rule, f"{shorten(str(prop))} has no {shorten(str(side))}; state what it relates")
                )
    inverse = set(graph.subjects(OWL.inverseOf)) | set(graph.objects(None, OWL.inverseOf))
    for prop in object_props:
        if not any(p in inverse or (p, "No inverse") in notes for p in supers(prop)):
            found.append(
                (
                    str(prop),
                    "missing-inverse",
                    f"{shorten(str(prop))} has no named inverse; declare one with owl:inverseOf, or say why not "
                    'in a skos:editorialNote beginning "No inverse:"',
                )
            )
    children: dict[rdflib.term.Node, set[rdflib.term.Node]] = defaultdict(set)
    for child, parent in graph.subject_objects(RDFS.subClassOf):
        if own(child) and own(parent) and child not in retired and child != parent:
            children[parent].add(child)
    for parent, kids in sorted(children.items(), key=lambda item: str(item[0])):
        if len(kids) == 1 and parent not in retired and (parent, "Single subclass") not in notes:
            (only,) = kids
            found.append(
                (
                    str(parent),
                    "single-subclass",
                    f"{shorten(str(parent))} has one subclass ({shorten(str(only))}); add its siblings, merge the "
                    'two, or say why in a skos:editorialNote beginning "Single subclass:"',
                )
            )
    labelled = set(graph.subjects(SKOS.editorialNote))
    for cls in classes:
        label = str(graph.value(cls, RDFS.label) or "")
        local = str(cls)[len(LISKG) :]
        if (" or " in label or " and " in label or re.search(r"[a-z](Or|And)[A-Z]", local)) and cls not in labelled:
            found.append(
                (
                    str(cls),
                    "x-or-y",
                    f"{shorten(str(cls))} ({label!r}) names two things; split it, or say in a skos:editorialNote "
                    "why it is one concept",
                )
            )
    linked = _linked(graph)
    for term in classes + object_props + data_props:
        if term not in linked:
            found.append((str(term), "unconnected", f"{shorten(str(term))} is linked to no other term by any axiom"))
    individuals = sorted(
        (i for i in graph.subjects(RDF.type, OWL.NamedIndividual) if own(i) and i not in retired), key=str
    )
    annotation_props = sorted(
        (p for p in graph.subjects(RDF.type, OWL.AnnotationProperty) if own(p) and p not in retired), key=str
    )
    for term in sorted(set(classes + object_props + data_props + individuals + annotation_props), key=str):
        missing = _iri_words_not_in_labels(graph, term)
        if missing:
            label = str(graph.value(term, RDFS.label) or "")
            found.append(
                (
                    str(term),
                    "label-iri",
                    f"{shorten(str(term))} is labelled {label!r}, which does not say {', '.join(missing)}; fix the "
                    "label, or give the IRI's wording as a skos:altLabel",
                )
            )
    return found


def _linked(graph: rdflib.Graph) -> set:
    """Every IRI that some axiom relates to another term."""
    linked: set = set()
    for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentClass, OWL.disjointWith):
        for s, o in graph.subject_objects(p):
            if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef) and s != o:
                linked |= {s, o}
            elif isinstance(o, rdflib.URIRef):
                linked.add(o)
            elif isinstance(s, rdflib.URIRef):
                linked.add(s)
    for p in (RDFS.domain, RDFS.range):
        for s, o in graph.subject_objects(p):
            linked.add(s)
            linked |= {t for t in [o, *_union(graph, o)] if isinstance(t, rdflib.URIRef)}
    for p in (OWL.onProperty, OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue):
        linked |= {o for o in graph.objects(None, p) if isinstance(o, rdflib.URIRef)}
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = graph.value(group, OWL.members)
        if members is not None:
            linked |= set(Collection(graph, members))
    return linked


def _union(graph: rdflib.Graph, node) -> list:
    members = graph.value(node, OWL.unionOf)
    return list(Collection(graph, members)) if members is not None else []


def _words(text: str) -> list[str]:
    """An IRI's local name as lower-case words: camelCase and runs of capitals split (LiSSEInterface ->
    li, sse, interface)."""
    return [w.lower() for w in re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+", text)]


def _iri_words_not_in_labels(graph: rdflib.Graph, term) -> list[str]:
    """The words of TERM's local name that no single label or synonym holds (letters compared, so "SSE/SSE"
    holds "ssesse" and "thermally" holds "thermal")."""
    local = str(term)[len(LISKG) :]
    words = [w for w in _words(local) if w not in STOPWORDS]
    names = [graph.value(term, RDFS.label)] + list(graph.objects(term, SKOS.altLabel))
    best: list[str] | None = None
    for name in names:
        if name is None:
            continue
        letters = re.sub(r"[^a-z0-9]", "", str(name).lower())
        missing = [w for w in words if w not in letters]
        if best is None or len(missing) < len(best):
            best = missing
    return best if best is not None else words


def _declared_at(path: Path, term: str) -> int:
    """The line of PATH where TERM's record starts ("liskg:Term a ..."), else the first line naming it."""
    local = str(term)[len(LISKG) :]
    text = path.read_text(encoding="utf-8").splitlines()
    start = re.compile(rf"^(liskg:{re.escape(local)}|<{re.escape(str(term))}>)\s+a\s")
    mention = re.compile(rf"(liskg:{re.escape(local)}|<{re.escape(str(term))}>)(?![\w\-.])")
    for pattern in (start, mention):
        for number, line in enumerate(text, start=1):
            if pattern.search(line):
                return number
    return 1
