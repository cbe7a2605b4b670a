"""Ontology reference documentation: one HTML page generated from ontology/ by pyLODE 3.3.4.

The page documents the classes and properties of ontology/liskg.ttl and the modules it imports
(units, quantity kinds), merged into one ontology under liskg.ttl's header. pyLODE renders
classes, properties and the ontology's metadata; the individuals (interfaces, quantity kinds,
units) are listed by `liskg query` and the graph, not here. pyLODE 3.3.4 does not show
skos:altLabel, so the synonyms are handed to it as a skos:scopeNote "Also called: ..." (in the
page's graph only). It runs offline: pyLODE reads its background vocabularies from files it ships.
"""

from __future__ import annotations

import logging
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, SKOS

from liskg import vocab
from liskg.build.outputs import write_atomically
from liskg.build.rdfconvert import to_rdflib_graph
from liskg.errors import LiskgError
from liskg.project import Project
from liskg.sources.catalog import read_catalogs
from liskg.sources.loading import walk_imports

ROOT_ONTOLOGY = "liskg.ttl"
INDEX = "index.html"


def ontology_graph(project: Project) -> rdflib.Graph:
    """ontology/liskg.ttl and everything it imports (through the catalog), as one ontology with liskg.ttl's header."""
    modules = walk_imports(project, project.ontology_dir / ROOT_ONTOLOGY, read_catalogs([project.ontology_dir]))
    root_iri = modules[0].ontology_iri
    graph = rdflib.Graph()
    for module in modules:
        for triple in to_rdflib_graph(module.triples):
            own_header = module.ontology_iri not in (None, root_iri) and str(triple[0]) == module.ontology_iri
            if not own_header and triple[1] != OWL.imports:  # a module's header would show as a second ontology
                graph.add(triple)
    for term in sorted(set(graph.subjects(SKOS.altLabel, None))):
        if (term, SKOS.scopeNote, None) not in graph:
            synonyms = sorted((str(label) for label in graph.objects(term, SKOS.altLabel)), key=str.casefold)
            graph.add((term, SKOS.scopeNote, rdflib.Literal("Also called: " + ", ".join(synonyms) + ".", lang="en")))
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _quiet_pylode():
    """Import pyLODE's OntPub without the DEBUG logging its package sets up on import."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    from pylode.profiles.ontpub import OntPub

    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    logging.getLogger("pylode").setLevel(logging.WARNING)
    return OntPub


def render_html(project: Project) -> bytes:
    """The reference page as UTF-8 HTML, deterministic (subjects sorted)."""
    graph = ontology_graph(project)
    OntPub = _quiet_pylode()
    try:
        html = OntPub(graph, sort_subjects=True).make_html()
    except Exception as exc:  # pyLODE raises its own PylodeError and plain errors for ontologies it cannot render
        raise LiskgError(f"pyLODE could not document {project.relative(project.ontology_dir)}/{ROOT_ONTOLOGY}: "
                         f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}") from None
    return html.encode("utf-8")


def write_docs(project: Project, out_dir: Path | None = None) -> Path:
    """Render the page and write it atomically to OUT_DIR/index.html (default build/docs/)."""
    target = (out_dir or project.build_dir / "docs") / INDEX
    write_atomically(target, render_html(project))
    return target
