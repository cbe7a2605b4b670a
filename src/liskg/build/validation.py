"""SHACL validation of the built graph with pyshacl, reported one readable line per violation."""

from __future__ import annotations

from dataclasses import dataclass, field

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDFS, SH

from liskg.errors import LiskgError
from liskg.vocab import shorten
from liskg.project import Project


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    focus_label: str
    path: str
    message: str
    shape: str
    focus_iri: str = field(default="", compare=False)
    where: str = field(default="", compare=False)  # "file:line" of the focus node's record, when known

    def __str__(self) -> str:
        label = f' "{self.focus_label}"' if self.focus_label else ""
        where = f"{self.where}: " if self.where else ""
        return f"{where}SHACL {self.shape}: {self.focus}{label}: {self.path}: {self.message}"


def load_shapes(project: Project) -> rdflib.Graph:
    from liskg.sources.loading import parse_turtle
    from liskg.build.rdfconvert import to_rdflib_graph

    return to_rdflib_graph(parse_turtle(project.shapes_file, project.relative(project.shapes_file)))


READ_ALWAYS = (str(rdflib.RDF.type), str(RDFS.subClassOf), str(RDFS.label))  # targets, sh:class, messages
UNSUPPORTED = (SH.closed, SH.sparql, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)


def shapes_view(store, shapes: rdflib.Graph) -> rdflib.Graph:
    """The part of the built graph the shapes can read, as an rdflib graph for pyshacl.

    The shapes read only rdf:type, rdfs:subClassOf and the predicates on their sh:path (plain,
    sequence or inverse paths), so the other triples cannot change the report; converting only these
    keeps pyshacl's input small. Shapes that use sh:closed, SPARQL constraints or other path kinds
    get the whole graph."""
    import pyoxigraph as ox

    from liskg.build.rdfconvert import to_rdflib_graph

    if any((None, term, None) in shapes for term in UNSUPPORTED):
        return to_rdflib_graph(store)
    predicates = set(READ_ALWAYS)
    for path in shapes.objects(None, SH.path):
        items = list(Collection(shapes, path)) if (path, rdflib.RDF.first, None) in shapes else [path]
        for item in items:
            item = shapes.value(item, SH.inversePath) or item
            predicates.add(str(item))
    return to_rdflib_graph(q for p in sorted(predicates) for q in store.quads_for_pattern(None, ox.NamedNode(p), None))


def validate(graph: rdflib.Graph, shapes: rdflib.Graph) -> list[Violation]:
    """Every violation of the shapes in the graph (which should already hold the materialized inferences)."""
    import pyshacl

    try:
        conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    except Exception as exc:  # pyshacl raises its own types for malformed shapes
        raise LiskgError(f"ontology/shapes.ttl: pyshacl could not use the shapes ({exc})") from None
    if conforms:
        return []
    return sorted(_violation(graph, shapes, report, result) for result in report.subjects(SH.resultSeverity, SH.Violation))


def _violation(graph: rdflib.Graph, shapes: rdflib.Graph, report: rdflib.Graph, result) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    shape = report.value(result, SH.sourceShape)
    while shape is not None and isinstance(shape, rdflib.BNode):  # property shapes are blank: name the node shape
        shape = shapes.value(predicate=SH.property, object=shape)
    message = report.value(result, SH.resultMessage)
    return Violation(
        focus=shorten(str(focus)) if isinstance(focus, rdflib.URIRef) else str(focus),
        focus_label=str(graph.value(focus, RDFS.label) or ""),
        path=_path_text(shapes, path),
        message=str(message or "violates the shape"),
        shape=str(shape).rsplit("#", 1)[-1] if shape is not None else "shape",
        focus_iri=str(focus) if isinstance(focus, rdflib.URIRef) else "",
    )


def _path_text(shapes: rdflib.Graph, path) -> str:
    if path is None:
        return "(node)"
    if isinstance(path, rdflib.URIRef):
        return shorten(str(path))
    items = list(Collection(shapes, path)) if (path, rdflib.RDF.first, None) in shapes else []
    return "/".join(shorten(str(i)) for i in items) or "(path)"
