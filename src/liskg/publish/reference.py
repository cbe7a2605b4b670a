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
from rdflib.namespace import OWL, RDF, SKOS

from liskg.build import outputs
from liskg.sources.catalog import read_catalogs
from liskg.errors import LiskgError
from liskg.sources.loading import parse_turtle
from liskg.project import Project
from liskg.build.rdfconvert import to_rdflib_graph

ROOT_ONTOLOGY = "liskg.ttl"
INDEX = "index.html"


def ontology_graph(project: Project) -> rdflib.Graph:
    """ontology/liskg.ttl and everything it imports (through the catalog), as one ontology with liskg.ttl's header."""
    catalog = read_catalogs([project.ontology_dir])
    root_path = (project.ontology_dir / ROOT_ONTOLOGY).resolve()
    graph, seen, pending, root_iri = rdflib.Graph(), set(), [root_path], None
    while pending:
        path = pending.pop(0)
        if path in seen:
            continue
        seen.add(path)
        if not path.exists():
            raise LiskgError(f"{project.relative(path)}: file not found (imported by {ROOT_ONTOLOGY})")
        module = to_rdflib_graph(parse_turtle(path, project.relative(path)))
        header = next(iter(module.subjects(RDF.type, OWL.Ontology)), None)
        root_iri = root_iri or header
        for imported in sorted(module.objects(header, OWL.imports)) if header is not None else []:
            if str(imported) not in catalog:
                raise LiskgError(f"{project.relative(path)}: owl:imports <{imported}>, which "
                                 f"{project.relative(project.ontology_dir)}/catalog-v001.xml does not map to a file")
            pending.append(catalog[str(imported)])
        for triple in module:
            if header is not None and header != root_iri and triple[0] == header:
                continue  # a module's own header would show up as a second ontology
            if triple[1] != OWL.imports:
                graph.add(triple)
    for term in sorted(set(graph.subjects(SKOS.altLabel, None))):
        if (term, SKOS.scopeNote, None) not in graph:
            synonyms = sorted((str(label) for label in graph.objects(term, SKOS.altLabel)), key=str.casefold)
            graph.add((term, SKOS.scopeNote, rdflib.Literal("Also called: " + ", ".join(synonyms) + ".", lang="en")))
    for prefix, namespace in outputs.PREFIXES.items():
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
    outputs.write_atomically(target, render_html(project))
    return target
