"""SHACL validation of the built graph with pyshacl-turbo (pySHACL's API and reports, evaluated in Rust), one
readable line per violation."""

from __future__ import annotations

import codecs
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pyshacl_turbo
import rdflib
from pyshacl_turbo.rdf import Input
from rdflib.collection import Collection
from rdflib.namespace import SH

from liskg.base.errors import LiskgError
from liskg.base.labels import RDFS_LABEL, Labeller
from liskg.base.project import Project
from liskg.base.rdfconvert import to_rdflib_graph
from liskg.base.vocab import shorten
from liskg.builder.serialization import chunks
from liskg.sources.loading import parse_turtle


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    focus_label: str
    path: str
    message: str
    shape: str
    focus_iri: str = field(default="", compare=False)
    path_iri: str = field(default="", compare=False)  # the property of a one-step path
    where: str = field(default="", compare=False)  # "file:line" of the focus node's record, when known

    def __str__(self) -> str:
        label = f' "{self.focus_label}"' if self.focus_label else ""
        where = f"{self.where}: " if self.where else ""
        return f"{where}SHACL {self.shape}: {self.focus}{label}: {self.path}: {self.message}"


def load_shapes(project: Project) -> rdflib.Graph:
    return to_rdflib_graph(parse_turtle(project.shapes_file, project.relative(project.shapes_file)))


def snapshot(store, folder: Path | None = None):
    """The store's triples as they are now, in the form pyshacl-turbo validates: the build updates the store
    further while SHACL runs on this.

    That form is the N-Quads text pyshacl-turbo's input_graph() makes of an Oxigraph store (a str: it takes
    nothing else), but ASCII: every other character escaped as N-Quads allows (\\uXXXX, read back as the same
    character). A str holding one character beyond Latin-1 stores every character in 2 bytes, and once more
    as UTF-8 for Rust: at a million triples the escapes save about 400 MB. Oxigraph dumps the store to a file
    in FOLDER (the build's Workspace; by default the system's temporary folder), which is escaped a chunk at
    a time: at most the text and its chunks (twice the text) are held, never the dump beside them."""
    with tempfile.TemporaryFile(dir=folder) as dump:
        store.dump(output=dump, format=ox.RdfFormat.N_QUADS)
        dump.seek(0)
        text = "".join(chunk.decode("utf-8").encode("ascii", _ESCAPE).decode("ascii") for chunk in chunks(dump))
    return Input(text, "oxigraph-nquads", None, {}, preserve_ids=True)


def validate(store, shapes: rdflib.Graph, data=None) -> list[Violation]:
    """Every violation of the shapes in DATA (a snapshot(); by default the store's graph as it is), which
    should already hold the materialized inferences; focus labels come from STORE.

    pyshacl-turbo evaluates the shapes, their SPARQL constraint included, in Rust on its own copy of the
    graph: nothing is converted to rdflib but the shapes and the report."""
    try:
        conforms, report, _ = pyshacl_turbo.validate(
            snapshot(store) if data is None else data, shacl_graph=shapes, inference="none", advanced=True
        )
    except Exception as exc:  # the validator raises its own types for malformed shapes
        raise LiskgError(f"ontology/shapes.ttl: the SHACL validator could not use the shapes ({exc})") from None
    if conforms:
        return []
    return sorted(
        _violation(store, shapes, report, result) for result in report.subjects(SH.resultSeverity, SH.Violation)
    )


def _escaped(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the characters ASCII lacks as N-Triples/N-Quads escapes (UCHAR)."""
    assert isinstance(error, UnicodeEncodeError)  # registered for encoding only
    text = error.object[error.start : error.end]
    return "".join(f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08X}" for c in text), error.end


_ESCAPE = "liskg-nquads-escape"
codecs.register_error(_ESCAPE, _escaped)


def _violation(store, shapes: rdflib.Graph, report: rdflib.Graph, result) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    shape = report.value(result, SH.sourceShape)
    while shape is not None and isinstance(shape, rdflib.BNode):  # property shapes are blank: name the node shape
        shape = shapes.value(predicate=SH.property, object=shape)
    message = report.value(result, SH.resultMessage)
    return Violation(
        focus=shorten(str(focus)) if isinstance(focus, rdflib.URIRef) else str(focus),
        focus_label=_label(store, focus),
        path=_path_text(shapes, path),
        message=str(message or "violates the shape"),
        shape=str(shape).rsplit("#", 1)[-1] if shape is not None else "shape",
        focus_iri=str(focus) if isinstance(focus, rdflib.URIRef) else "",
        path_iri=str(path) if isinstance(path, rdflib.URIRef) else "",
    )


def _label(store, node) -> str:
    """The node's rdfs:label as every table shows it (liskg.base.labels.Labeller); "" for a blank node or none."""
    if not isinstance(node, rdflib.URIRef):
        return ""
    return Labeller(store).lookup(ox.NamedNode(str(node)), RDFS_LABEL) or ""


def _path_text(shapes: rdflib.Graph, path) -> str:
    if path is None:
        return "(node)"
    if isinstance(path, rdflib.URIRef):
        return shorten(str(path))
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:  # [ sh:alternativePath ( a b ) ]: a|b
        return "|".join(shorten(str(i)) for i in Collection(shapes, alternatives))
    items = list(Collection(shapes, path)) if (path, rdflib.RDF.first, None) in shapes else []
    return "/".join(shorten(str(i)) for i in items) or "(path)"
