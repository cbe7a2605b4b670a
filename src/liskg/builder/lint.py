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
    terms = _Terms(graph)
    return (
        terms.domains_and_ranges()
        + terms.inverses()
        + terms.single_subclasses()
        + terms.x_or_y()
        + terms.unconnected()
        + terms.labels()
    )


class _Terms:
    """LiSKG's own non-deprecated terms of GRAPH by kind, and one method per rule."""

    def __init__(self, graph: rdflib.Graph):
        self.graph = graph
        self.retired = set(graph.subjects(OWL.deprecated, rdflib.Literal(True)))
        self.classes = self.of(OWL.Class)
        self.object_props = self.of(OWL.ObjectProperty)
        self.data_props = self.of(OWL.DatatypeProperty)
        self.notes = {(s, str(n).split(":", 1)[0]) for s, n in graph.subject_objects(SKOS.editorialNote)}

    def own(self, term) -> bool:
        return isinstance(term, rdflib.URIRef) and str(term).startswith(LISKG) and term not in self.retired

    def of(self, kind) -> list:
        return sorted((t for t in self.graph.subjects(RDF.type, kind) if self.own(t)), key=str)

    def supers(self, prop) -> list:
        return list(self.graph.transitive_objects(prop, RDFS.subPropertyOf))

    def domains_and_ranges(self) -> list[tuple[str, str, str]]:
        found = []
        for prop in self.object_props + self.data_props:
            for side, rule in ((RDFS.domain, "missing-domain"), (RDFS.range, "missing-range")):
                if not any(self.graph.value(p, side) is not None for p in self.supers(prop)):
                    what = f"{shorten(str(prop))} has no {shorten(str(side))}; state what it relates"
                    found.append((str(prop), rule, what))
        return found

    def inverses(self) -> list[tuple[str, str, str]]:
        inverse = set(self.graph.subjects(OWL.inverseOf)) | set(self.graph.objects(None, OWL.inverseOf))
        return [
            (
                str(prop),
                "missing-inverse",
                f"{shorten(str(prop))} has no named inverse; declare one with owl:inverseOf, or say why not "
                'in a skos:editorialNote beginning "No inverse:"',
            )
            for prop in self.object_props
            if not any(p in inverse or (p, "No inverse") in self.notes for p in self.supers(prop))
        ]

    def single_subclasses(self) -> list[tuple[str, str, str]]:
        children: dict[rdflib.term.Node, set[rdflib.term.Node]] = defaultdict(set)
        for child, parent in self.graph.subject_objects(RDFS.subClassOf):
            if self.own(child) and self.own(parent) and child != parent:
                children[parent].add(child)
        return [
            (
                str(parent),
                "single-subclass",
                f"{shorten(str(parent))} has one subclass ({shorten(str(next(iter(kids))))}); add its siblings, "
                'merge the two, or say why in a skos:editorialNote beginning "Single subclass:"',
            )
            for parent, kids in sorted(children.items(), key=lambda item: str(item[0]))
            if len(kids) == 1 and (parent, "Single subclass") not in self.notes
        ]

    def x_or_y(self) -> list[tuple[str, str, str]]:
        found = []
        explained = set(self.graph.subjects(SKOS.editorialNote))
        for cls in self.classes:
            label = str(self.graph.value(cls, RDFS.label) or "")
            two = " or " in label or " and " in label or re.search(r"[a-z](Or|And)[A-Z]", str(cls)[len(LISKG) :])
            if two and cls not in explained:
                what = (
                    f"{shorten(str(cls))} ({label!r}) names two things; split it, or say in a skos:editorialNote "
                    "why it is one concept"
                )
                found.append((str(cls), "x-or-y", what))
        return found

    def unconnected(self) -> list[tuple[str, str, str]]:
        linked = _linked(self.graph)
        return [
            (str(term), "unconnected", f"{shorten(str(term))} is linked to no other term by any axiom")
            for term in self.classes + self.object_props + self.data_props
            if term not in linked
        ]

    def labels(self) -> list[tuple[str, str, str]]:
        named = self.classes + self.object_props + self.data_props
        named += self.of(OWL.NamedIndividual) + self.of(OWL.AnnotationProperty)
        found = []
        for term in sorted(set(named), key=str):
            if missing := _iri_words_not_in_labels(self.graph, term):
                label = str(self.graph.value(term, RDFS.label) or "")
                what = (
                    f"{shorten(str(term))} is labelled {label!r}, which does not say {', '.join(missing)}; fix the "
                    "label, or give the IRI's wording as a skos:altLabel"
                )
                found.append((str(term), "label-iri", what))
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
